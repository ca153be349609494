//! Where a version of the report comes from: a folder, or a git revision extracted into a
//! temporary folder (`HEAD~1`: the new version's folder as it was then; `REV:PATH`: a folder
//! at a revision, the path relative to the current directory).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tr;

/// A version ready to be read: its folder, and the temporary folder that holds it (removed
/// when dropped).
pub struct Folder {
    /// The report folder.
    pub dir: PathBuf,
    /// What to call it: the folder, or `REV:PATH`.
    pub label: String,
    _temp: Option<tempfile::TempDir>,
}

/// The old version: a folder when one exists by that name, else a git revision.
pub fn open(old: &str, new: &Path) -> Result<Folder, String> {
    let path = Path::new(old);
    if path.is_dir() {
        return Ok(Folder { dir: path.to_path_buf(), label: old.to_string(), _temp: None });
    }
    let (rev, repo_path) = match old.split_once(':') {
        Some((rev, p)) => (rev.to_string(), from_cwd(p)?),
        None => (old.to_string(), in_repo(new)?),
    };
    extract(&rev, &repo_path)
}

fn git(args: &[&str], dir: Option<&Path>) -> Result<Vec<u8>, String> {
    let mut command = Command::new("git");
    if let Some(d) = dir {
        command.arg("-C").arg(d);
    }
    let output = command.args(args).output().map_err(|e| tr!(cycle_diff_no_git, error = e))?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(format!("git {}: {message}", args.join(" ")));
    }
    Ok(output.stdout)
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim().to_string()
}

/// `PATH` of `REV:PATH`, relative to the repository's top folder.
fn from_cwd(path: &str) -> Result<String, String> {
    let prefix = text(git(&["rev-parse", "--show-prefix"], None)?);
    Ok(normalise(&format!("{prefix}{path}")))
}

/// The new version's folder, relative to the repository's top folder.
fn in_repo(new: &Path) -> Result<String, String> {
    let top = text(git(&["rev-parse", "--show-toplevel"], Some(new))?);
    let top = Path::new(&top).canonicalize().map_err(|e| e.to_string())?;
    let dir = new.canonicalize().map_err(|e| format!("{}: {e}", new.display()))?;
    let rel =
        dir.strip_prefix(&top).map_err(|_| tr!(cycle_diff_not_in_repo, dir = new.display()))?;
    Ok(normalise(&rel.to_string_lossy()))
}

/// `a/./b/../c/` → `a/c`.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Writes the files of `path` at `rev` into a temporary folder.
fn extract(rev: &str, path: &str) -> Result<Folder, String> {
    let top = text(git(&["rev-parse", "--show-toplevel"], None)?);
    let top = Path::new(&top);
    let spec = if path.is_empty() { ".".to_string() } else { path.to_string() };
    let listing = git(&["ls-tree", "-r", "-z", "--name-only", rev, "--", &spec], Some(top))?;
    let files: Vec<String> = listing
        .split(|b| *b == 0)
        .filter(|f| !f.is_empty())
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    let label = format!("{rev}:{path}");
    if !files
        .iter()
        .any(|f| f.strip_prefix(path).is_some_and(|r| r.trim_start_matches('/') == "report.yaml"))
    {
        return Err(tr!(cycle_diff_no_report, path = path, rev = rev));
    }
    let temp =
        tempfile::Builder::new().prefix("arsrapport-diff-").tempdir().map_err(|e| e.to_string())?;
    for file in &files {
        let rel = file.strip_prefix(path).unwrap_or(file).trim_start_matches('/');
        let target = temp.path().join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        let bytes = git(&["cat-file", "blob", &format!("{rev}:{file}")], Some(top))?;
        std::fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(Folder { dir: temp.path().to_path_buf(), label, _temp: Some(temp) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised() {
        assert_eq!(normalise("tests/./fixtures/../report-data/"), "tests/report-data");
        assert_eq!(normalise(""), "");
    }
}
