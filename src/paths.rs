//! Confinement: what a report may name on disk, and where its files may come from.
//!
//! Two rules, both explained in `docs/security.md`:
//! - [`check_output_name`]: `output_name` is a plain file name, so `build` writes
//!   `OUT/<name>.pdf` and nothing else — no folder separators, no `..`, not hidden, not empty.
//!   Pure: no file system access, unit-tested below.
//! - [`confined`] and [`check_folder_inside`]: a path (after following every symbolic link)
//!   lies inside a root folder. The loader checks the `templates:` folder and each file in it;
//!   the renderers check every template file again when they read it.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic};
use crate::source::Span;
use crate::tr;

/// The longest output name, in characters: `<name>.pdf` must fit in a file name (255 bytes on
/// common file systems) with room to spare for letters that take two bytes.
pub const MAX_OUTPUT_NAME: usize = 100;

/// Letters allowed in an output name beyond ASCII: the Norwegian and the Sami alphabets.
const EXTRA_LETTERS: &str = "æøåäöïáčđŋšŧžÆØÅÄÖÏÁČĐŊŠŦŽ";

/// Why an output name is not a plain file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputNameProblem {
    /// Nothing (or only spaces).
    Empty,
    /// Longer than [`MAX_OUTPUT_NAME`] characters.
    TooLong(usize),
    /// Starts with a dot: the file would be hidden.
    Hidden,
    /// Contains `..`.
    DotDot,
    /// Ends with a dot (Windows drops it, so the name would change on the way).
    TrailingDot,
    /// A folder separator (`/` or `\`).
    Separator(char),
    /// Any other character that is not a letter, digit, `-`, `_` or `.`.
    Character(char),
}

impl fmt::Display for OutputNameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputNameProblem::Empty => f.write_str(&tr!(fix_name_empty)),
            OutputNameProblem::TooLong(n) => {
                f.write_str(&tr!(fix_name_too_long, n = n, max = MAX_OUTPUT_NAME))
            }
            OutputNameProblem::Hidden => f.write_str(&tr!(fix_name_hidden)),
            OutputNameProblem::DotDot => f.write_str(&tr!(fix_name_dotdot)),
            OutputNameProblem::TrailingDot => f.write_str(&tr!(fix_name_trailing_dot)),
            OutputNameProblem::Separator(c) => f.write_str(&tr!(fix_name_separator, c = c)),
            OutputNameProblem::Character(c) => {
                f.write_str(&tr!(fix_name_character, what = describe(*c)))
            }
        }
    }
}

/// A character as a reader can recognise it, with its code point.
fn describe(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    if c == ' ' {
        tr!(fix_a_space, code = code)
    } else if c.is_control() {
        tr!(load_a_control_character_code, code = code)
    } else if c.is_whitespace() {
        tr!(load_a_space_like_character_code, code = code)
    } else {
        tr!(load_the_character_c_code, c = c, code = code)
    }
}

/// Whether `c` may appear in an output name.
fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') || EXTRA_LETTERS.contains(c)
}

/// Checks that `name` is a plain file name for `OUT/<name>.pdf`: letters (ASCII, Norwegian and
/// Sami), digits, `-`, `_` and `.`; not empty, not hidden, no `..`, no trailing dot.
pub fn check_output_name(name: &str) -> Result<(), OutputNameProblem> {
    if name.trim().is_empty() {
        return Err(OutputNameProblem::Empty);
    }
    if let Some(c) = name.chars().find(|c| matches!(c, '/' | '\\')) {
        return Err(OutputNameProblem::Separator(c));
    }
    if name.contains("..") {
        return Err(OutputNameProblem::DotDot);
    }
    if name.starts_with('.') {
        return Err(OutputNameProblem::Hidden);
    }
    if let Some(c) = name.chars().find(|c| !allowed(*c)) {
        return Err(OutputNameProblem::Character(c));
    }
    if name.ends_with('.') {
        return Err(OutputNameProblem::TrailingDot);
    }
    let length = name.chars().count();
    if length > MAX_OUTPUT_NAME {
        return Err(OutputNameProblem::TooLong(length));
    }
    Ok(())
}

/// The finding for an `output_name` that is not a plain file name (AR309), at its place.
pub(crate) fn output_name_diagnostic(name: &str, span: Span) -> Option<Diagnostic> {
    let problem = check_output_name(name).err()?;
    Some(
        Diagnostic::error(
            Code::OutputName,
            tr!(load_the_output_name_name_is, name = name, problem = problem),
        )
        .at(span)
        .with_label(tr!(load_not_a_plain_file_name))
        .with_note(tr!(load_build_writes_the_pdf_as))
        .with_hint(tr!(load_use_letters_digits_and_only)),
    )
}

/// The finding for a `templates:` folder (`full`, written `written` in the YAML) that leads
/// out of the report folder `root` through a symbolic link, itself or in any file in it (AR005).
pub(crate) fn template_folder_diagnostic(
    root: &Path,
    full: &Path,
    written: &str,
    span: Span,
) -> Option<Diagnostic> {
    let problem = check_folder_inside(root, full).err()?;
    let message = match &problem {
        FolderProblem::Escapes { .. } => {
            tr!(load_the_template_folder_written_leads, written = written, problem = problem)
        }
        FolderProblem::Unreadable(_) => {
            tr!(load_the_template_folder_written_cannot, written = written, problem = problem)
        }
    };
    Some(
        Diagnostic::error(Code::Path, message)
            .at(span)
            .with_label(tr!(load_must_stay_inside_the_report))
            .with_hint(tr!(load_copy_the_templates_and_the)),
    )
}

/// The canonical path of `path` (every symbolic link followed) if it lies inside `root`
/// (also canonicalised); an error of kind `PermissionDenied` naming both if it does not.
pub fn confined(root: &Path, path: &Path) -> io::Result<PathBuf> {
    let real_root = root.canonicalize()?;
    let real = path.canonicalize()?;
    if real.starts_with(&real_root) {
        Ok(real)
    } else {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            tr!(
                load_leads_to_outside,
                path = path.display(),
                real = real.display(),
                real_root = real_root.display()
            ),
        ))
    }
}

/// How deep [`check_folder_inside`] looks, and how many entries it looks at at most.
const MAX_DEPTH: usize = 16;
const MAX_ENTRIES: usize = 10_000;

/// A problem found by [`check_folder_inside`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderProblem {
    /// `path` (relative to the folder checked, `""` for the folder itself) resolves to
    /// `target`, outside the root.
    Escapes {
        /// The entry, relative to the folder checked.
        path: String,
        /// Where it leads.
        target: PathBuf,
    },
    /// The folder could not be read (or is too deep or too large to check).
    Unreadable(String),
}

impl fmt::Display for FolderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FolderProblem::Escapes { path, target } if path.is_empty() => {
                f.write_str(&tr!(fix_folder_escapes, target = target.display()))
            }
            FolderProblem::Escapes { path, target } => {
                f.write_str(&tr!(fix_path_escapes, path = path, target = target.display()))
            }
            FolderProblem::Unreadable(why) => f.write_str(why),
        }
    }
}

/// Checks that `folder` and every entry in it (recursively, following symbolic links to
/// folders) resolve inside `root`. Returns the first problem found.
pub fn check_folder_inside(root: &Path, folder: &Path) -> Result<(), FolderProblem> {
    let unreadable = |e: io::Error, p: &Path| {
        FolderProblem::Unreadable(tr!(load_could_not_be_read_e, p = p.display(), e = e))
    };
    let real_root = root.canonicalize().map_err(|e| unreadable(e, root))?;
    let mut seen = 0;
    let mut stack = vec![(folder.to_path_buf(), String::new(), 0)];
    while let Some((path, shown, depth)) = stack.pop() {
        seen += 1;
        if seen > MAX_ENTRIES || depth > MAX_DEPTH {
            return Err(FolderProblem::Unreadable(tr!(
                load_holds_more_than_max_entries,
                folder = folder.display(),
                max_entries = MAX_ENTRIES,
                max = MAX_DEPTH
            )));
        }
        let real = match path.canonicalize() {
            Ok(real) => real,
            // A dangling link leads nowhere; it is never read (templates must be files).
            Err(_) if path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) => {
                continue;
            }
            Err(e) => return Err(unreadable(e, &path)),
        };
        if !real.starts_with(&real_root) {
            return Err(FolderProblem::Escapes { path: shown, target: real });
        }
        if real.is_dir() {
            let entries = std::fs::read_dir(&path).map_err(|e| unreadable(e, &path))?;
            let mut children = Vec::new();
            for entry in entries {
                let entry = entry.map_err(|e| unreadable(e, &path))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let child = if shown.is_empty() { name } else { format!("{shown}/{name}") };
                children.push((entry.path(), child, depth + 1));
            }
            // Reverse name order on the stack: the first problem reported is the first by name.
            children.sort_by(|a, b| b.1.cmp(&a.1));
            stack.extend(children);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_pass() {
        for name in [
            "arsberetning-2024-bydel-bjerke",
            "Årsberetning_2024",
            "årsmelding.v2",
            "Kárášjohka-2024",
            "Snåase-Snåsa",
            "x",
        ] {
            assert_eq!(check_output_name(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn names_that_leave_the_folder_or_hide_fail() {
        use OutputNameProblem::*;
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("../../escaped-pdf", Separator('/')),
            ("/abs/path/x", Separator('/')),
            ("html/index", Separator('/')),
            ("a\\b", Separator('\\')),
            ("..", DotDot),
            ("a..b", DotDot),
            (".hidden", Hidden),
            ("name.", TrailingDot),
            ("two words", Character(' ')),
            ("C:x", Character(':')),
            ("tab\there", Character('\t')),
            ("null\0", Character('\0')),
            ("emoji📄", Character('📄')),
            ("a\u{30a}", Character('\u{30a}')),
        ];
        for (name, expected) in cases {
            assert_eq!(check_output_name(name), Err(expected), "{name:?}");
        }
        let long = "a".repeat(MAX_OUTPUT_NAME + 1);
        assert_eq!(check_output_name(&long), Err(TooLong(MAX_OUTPUT_NAME + 1)));
        assert_eq!(check_output_name(&long[1..]), Ok(()));
    }

    #[test]
    fn problems_read_as_plain_sentences() {
        assert_eq!(OutputNameProblem::Character(' ').to_string(), "it contains a space (U+0020)");
        assert_eq!(
            OutputNameProblem::Separator('/').to_string(),
            "it contains the folder separator `/`"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_out_of_the_root_are_found() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().expect("tempdir");
        std::fs::write(outside.path().join("secret.txt"), "secret").expect("write");
        let root = tempfile::tempdir().expect("tempdir");
        let maler = root.path().join("maler");
        std::fs::create_dir_all(maler.join("pdf")).expect("mkdir");
        std::fs::write(maler.join("pdf/cover.typ"), "x").expect("write");
        std::fs::write(root.path().join("logo.svg"), "<svg/>").expect("write");
        // A link that stays inside the report folder is fine.
        symlink(root.path().join("logo.svg"), maler.join("pdf/logo.svg")).expect("link");
        assert_eq!(check_folder_inside(root.path(), &maler), Ok(()));
        assert!(confined(root.path(), &maler.join("pdf/logo.svg")).is_ok());

        // A file that leads out.
        symlink(outside.path().join("secret.txt"), maler.join("pdf/leak.txt")).expect("link");
        let Err(FolderProblem::Escapes { path, .. }) = check_folder_inside(root.path(), &maler)
        else {
            panic!("the link out is found");
        };
        assert_eq!(path, "pdf/leak.txt");
        let error = confined(root.path(), &maler.join("pdf/leak.txt")).expect_err("refused");
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        std::fs::remove_file(maler.join("pdf/leak.txt")).expect("rm");

        // A folder that is itself a link out, and a link to a folder inside that links out.
        let etc = root.path().join("etc-maler");
        symlink(outside.path(), &etc).expect("link");
        assert!(matches!(
            check_folder_inside(root.path(), &etc),
            Err(FolderProblem::Escapes { path, .. }) if path.is_empty()
        ));
        let inner = root.path().join("inner");
        std::fs::create_dir(&inner).expect("mkdir");
        symlink(outside.path().join("secret.txt"), inner.join("leak.txt")).expect("link");
        symlink(&inner, maler.join("via")).expect("link");
        assert!(matches!(
            check_folder_inside(root.path(), &maler),
            Err(FolderProblem::Escapes { path, .. }) if path == "via/leak.txt"
        ));
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_end() {
        use std::os::unix::fs::symlink;
        let root = tempfile::tempdir().expect("tempdir");
        let maler = root.path().join("maler");
        std::fs::create_dir(&maler).expect("mkdir");
        symlink(&maler, maler.join("loop")).expect("link");
        assert!(matches!(
            check_folder_inside(root.path(), &maler),
            Err(FolderProblem::Unreadable(_))
        ));
    }
}
