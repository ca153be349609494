//! Publishing a build: the PDF and the site replace the previous ones in one atomic step.
//!
//! The output folder `OUT` looks like this after a build (see `docs/security.md`):
//!
//! ```text
//! OUT/.arsrapport/lock          advisory lock: one build publishes into OUT at a time
//! OUT/.arsrapport/gen-7/        one generation: <name>.pdf and html/, written in full
//! OUT/current -> .arsrapport/gen-7
//! OUT/<name>.pdf -> current/<name>.pdf
//! OUT/html -> current/html
//! ```
//!
//! A build writes a new generation `gen-N` beside the current one, flushes it to disk, then
//! points `current` at it by renaming a new symbolic link over the old one: a rename is atomic,
//! so a reader that opens `OUT/<name>.pdf` or `OUT/html/…` finds either the old generation or
//! the new one, never a mix, whatever happens to the build (an error, a full disk, SIGKILL).
//! The paths users open, `OUT/<name>.pdf` and `OUT/html/index.html`, are fixed links through
//! `current`. Generations other than the current one are staging left by a build that did not
//! finish, or the previous generation: the next build removes them.
//!
//! Builds into the same folder take turns: each holds an advisory lock on
//! `OUT/.arsrapport/lock` (`flock`, through `std::fs::File::lock`) from cleaning up stale
//! staging to removing the previous generation.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::render::SiteFile;
use crate::tr;

/// The hidden folder with the generations and the lock.
pub const STATE_DIR: &str = ".arsrapport";
/// The link to the current generation.
pub const CURRENT: &str = "current";
/// The site's link in the output folder.
pub const SITE: &str = "html";
const LOCK: &str = "lock";
const GENERATION: &str = "gen-";

/// What one build publishes: the PDF (file name and bytes) and the site, each if built.
pub struct Publication<'a> {
    /// The PDF's file name (`<output_name>.pdf`, already checked to be a plain name).
    pub pdf_name: &'a str,
    /// The PDF, if built.
    pub pdf: Option<&'a [u8]>,
    /// The site's files, if built.
    pub site: Option<&'a [SiteFile]>,
}

/// The outcome of [`publish`]: the paths users open, and what could not be tidied after the
/// new output was in place (the build still succeeded; the next build tries again).
#[derive(Debug, Default)]
pub struct Published {
    /// `OUT/<name>.pdf` and/or `OUT/html`.
    pub paths: Vec<PathBuf>,
    /// Problems while removing the previous generation or stale links.
    pub warnings: Vec<String>,
}

/// Publishes `publication` into `out` as one new generation (see the module documentation).
/// On error nothing a reader sees has changed.
pub fn publish(out: &Path, publication: &Publication<'_>) -> Result<Published> {
    prepare_folder(out)?;
    let state = out.join(STATE_DIR);
    let _lock = lock(&state, out)?;
    check_entries(out, publication)?;
    let current = current_generation(out)?;
    remove_stale(&state, current.as_deref())?;

    let generation = next_generation(&state)?;
    let staging = state.join(&generation);
    if let Err(e) = write_generation(&staging, publication) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let result = (|| -> Result<Vec<Pending>> {
        let pending = link_entries(out, publication)?;
        switch_current(out, &generation)?;
        Ok(pending)
    })();
    let pending = match result {
        Ok(pending) => pending,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };

    // The new generation is published. What follows tidies up; failures are warnings.
    let mut published = Published::default();
    if let Err(e) = withdraw_unbuilt(out, publication, &state) {
        published.warnings.push(format!("{e:#}"));
    }
    for p in pending {
        if let Err(e) = p.finish(&state) {
            published.warnings.push(format!("{e:#}"));
        }
    }
    if let Some(old) = current.filter(|old| *old != generation)
        && let Err(e) = fs::remove_dir_all(state.join(&old))
    {
        published.warnings.push(tr!(run_removing_the_previous_output_old, old = old, e = e));
    }
    published.warnings.extend(remove_dangling_links(out));
    if publication.pdf.is_some() {
        published.paths.push(out.join(publication.pdf_name));
    }
    if publication.site.is_some() {
        published.paths.push(out.join(SITE));
    }
    Ok(published)
}

/// Makes sure `out` is a folder (creating it), with the state folder in it.
fn prepare_folder(out: &Path) -> Result<()> {
    match fs::metadata(out) {
        Ok(m) if !m.is_dir() => bail!(
            "the output folder {} is a file, not a folder: give another folder with --out, or \
             move the file away",
            out.display()
        ),
        Ok(_) => {}
        Err(_) => fs::create_dir_all(out)
            .with_context(|| tr!(run_creating_the_output_folder, out = out.display()))?,
    }
    let state = out.join(STATE_DIR);
    match fs::symlink_metadata(&state) {
        Ok(m) if !m.is_dir() => bail!("{}", tr!(pub_not_our_folder, path = state.display())),
        Ok(_) => Ok(()),
        Err(_) => fs::create_dir(&state).with_context(|| format!("creating {}", state.display())),
    }
}

/// Takes the advisory lock of the output folder, waiting (with a message) while another
/// build holds it. The lock is released when the returned file is dropped or the process ends.
fn lock(state: &Path, out: &Path) -> Result<File> {
    let path = state.join(LOCK);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| tr!(run_opening_the_lock_file, path = path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!("{}", tr!(run_for_another_build_into_to, out = out.display()));
            file.lock().with_context(|| format!("locking {}", path.display()))?;
        }
        Err(fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("locking {}", path.display()));
        }
    }
    Ok(file)
}

/// Refuses entries in the way: a site path or `current` that is a file, a PDF path that is
/// a folder.
fn check_entries(out: &Path, publication: &Publication<'_>) -> Result<()> {
    let kind = |name: &str| fs::symlink_metadata(out.join(name)).ok().map(|m| m.file_type());
    if let Some(t) = kind(CURRENT)
        && !t.is_symlink()
    {
        bail!("{}", tr!(pub_in_the_way, path = out.join(CURRENT).display()));
    }
    if publication.site.is_some()
        && let Some(t) = kind(SITE)
        && t.is_file()
    {
        bail!(
            "the site path {} is a file, not a folder: move the file away or build into \
             another folder with --out",
            out.join(SITE).display()
        );
    }
    if publication.pdf.is_some()
        && let Some(t) = kind(publication.pdf_name)
        && t.is_dir()
    {
        bail!("{}", tr!(pub_pdf_is_folder, path = out.join(publication.pdf_name).display()));
    }
    Ok(())
}

/// The generation `current` points at (its folder name), if any.
fn current_generation(out: &Path) -> Result<Option<String>> {
    let link = out.join(CURRENT);
    let Ok(target) = fs::read_link(&link) else { return Ok(None) };
    let name = target.strip_prefix(STATE_DIR).ok().and_then(|p| p.to_str()).map(str::to_string);
    match name {
        Some(name) if generation_number(&name).is_some() => Ok(Some(name)),
        _ => bail!("{}", tr!(pub_foreign_link, link = link.display(), target = target.display())),
    }
}

fn generation_number(name: &str) -> Option<u64> {
    name.strip_prefix(GENERATION)?.parse().ok()
}

/// Removes everything in the state folder but the lock and the current generation: staging
/// and old generations left by builds that were killed.
fn remove_stale(state: &Path, current: Option<&str>) -> Result<()> {
    for entry in fs::read_dir(state).with_context(|| format!("reading {}", state.display()))? {
        let entry = entry.with_context(|| format!("reading {}", state.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == LOCK || Some(name.as_str()) == current {
            continue;
        }
        let path = entry.path();
        let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed.with_context(|| tr!(run_removing_what_a_stopped_build, path = path.display()))?;
    }
    Ok(())
}

/// The name of the next generation: one above the highest there.
fn next_generation(state: &Path) -> Result<String> {
    let mut highest = 0;
    for entry in fs::read_dir(state).with_context(|| format!("reading {}", state.display()))? {
        let entry = entry.with_context(|| format!("reading {}", state.display()))?;
        if let Some(n) = generation_number(&entry.file_name().to_string_lossy()) {
            highest = highest.max(n);
        }
    }
    Ok(format!("{GENERATION}{}", highest + 1))
}

/// Writes the generation folder in full and flushes it to disk.
fn write_generation(dir: &Path, publication: &Publication<'_>) -> Result<()> {
    fs::create_dir(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut folders = vec![dir.to_path_buf()];
    if let Some(bytes) = publication.pdf {
        write_file(&dir.join(publication.pdf_name), bytes)?;
    }
    if let Some(files) = publication.site {
        let site = dir.join(SITE);
        fs::create_dir(&site).with_context(|| format!("creating {}", site.display()))?;
        folders.push(site.clone());
        for f in files {
            anyhow::ensure!(
                safe_relative(&f.path),
                "the renderer produced an unsafe path «{}»",
                f.path
            );
            let path = site.join(&f.path);
            if let Some(parent) = path.parent()
                && !parent.is_dir()
            {
                fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
                folders.push(parent.to_path_buf());
            }
            write_file(&path, &f.bytes)?;
        }
    }
    for folder in folders.iter().rev() {
        sync_folder(folder)?;
    }
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file =
        File::create_new(path).with_context(|| format!("creating {}", path.display()))?;
    file.write_all(bytes).with_context(|| format!("writing {}", path.display()))?;
    file.sync_all().with_context(|| tr!(run_writing_to_disk, path = path.display()))
}

/// Flushes a folder's entries to disk (Unix; elsewhere folders cannot be opened as files).
fn sync_folder(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|f| f.sync_all())
        .with_context(|| tr!(run_writing_to_disk_2, dir = dir.display()))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A relative path with normal components only (no `..`, not absolute, not empty).
pub fn safe_relative(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !p.is_absolute()
        && p.components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// A user-visible entry (`OUT/<name>.pdf`, `OUT/html`) that an older arsrapport wrote as a
/// real file or folder: replaced by its link once the new generation is current.
struct Pending {
    /// The entry in the output folder.
    entry: PathBuf,
    /// The new link, ready beside it.
    link: PathBuf,
    /// Whether the entry is a real folder (moved aside first: a rename cannot replace it).
    folder: bool,
}

impl Pending {
    fn finish(self, state: &Path) -> Result<()> {
        let name = self.entry.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        let aside = state.join(format!("old-{name}"));
        if self.folder {
            let _ = fs::remove_dir_all(&aside);
            fs::rename(&self.entry, &aside)
                .with_context(|| tr!(run_moving_the_old_aside, entry = self.entry.display()))?;
        }
        fs::rename(&self.link, &self.entry)
            .with_context(|| format!("linking {}", self.entry.display()))?;
        if self.folder {
            fs::remove_dir_all(&aside)
                .with_context(|| tr!(run_removing_the_old, entry = self.entry.display()))?;
        }
        Ok(())
    }
}

/// Makes `OUT/<name>.pdf` and `OUT/html` links through `current`. Missing entries and links
/// elsewhere are replaced now (they show nothing of the current generation, or a dangling link
/// shows nothing); real files and folders of an older arsrapport are replaced after the switch
/// (returned as pending), so that until then readers see the old pair.
fn link_entries(out: &Path, publication: &Publication<'_>) -> Result<Vec<Pending>> {
    let mut wanted = Vec::new();
    if publication.pdf.is_some() {
        wanted.push((publication.pdf_name, false));
    }
    if publication.site.is_some() {
        wanted.push((SITE, true));
    }
    let mut pending = Vec::new();
    for (name, is_folder) in wanted {
        let entry = out.join(name);
        let target = Path::new(CURRENT).join(name);
        let meta = fs::symlink_metadata(&entry).ok();
        if meta.as_ref().is_some_and(|m| m.file_type().is_symlink())
            && fs::read_link(&entry).is_ok_and(|t| t == target)
        {
            continue;
        }
        let link = out.join(format!(".{name}.link-{}", std::process::id()));
        let _ = fs::remove_file(&link);
        symlink(&target, &link, is_folder)
            .with_context(|| tr!(run_creating_the_link, link = link.display()))?;
        match meta {
            Some(m) if !m.file_type().is_symlink() => {
                pending.push(Pending { entry, link, folder: m.is_dir() });
            }
            _ => {
                fs::rename(&link, &entry)
                    .with_context(|| format!("linking {}", entry.display()))?;
            }
        }
    }
    Ok(pending)
}

/// Removes a real site folder or PDF file of an older arsrapport that this build did not make
/// (`--only-output`): it would not match what was built. Links through `current` that lead
/// nowhere are removed by [`remove_dangling_links`].
fn withdraw_unbuilt(out: &Path, publication: &Publication<'_>, state: &Path) -> Result<()> {
    let unbuilt =
        [(SITE, publication.site.is_none()), (publication.pdf_name, publication.pdf.is_none())];
    for (name, _) in unbuilt.iter().filter(|(_, unbuilt)| *unbuilt) {
        let entry = out.join(name);
        let Ok(meta) = fs::symlink_metadata(&entry) else { continue };
        // Only what arsrapport wrote: a site folder, a PDF file (a file called `html` stays).
        let ours = if *name == SITE { meta.is_dir() } else { meta.is_file() };
        if !ours {
            continue;
        }
        let aside = state.join(format!("old-{name}"));
        fs::rename(&entry, &aside)
            .with_context(|| tr!(run_withdrawing_the_old, entry = entry.display()))?;
        let removed =
            if meta.is_dir() { fs::remove_dir_all(&aside) } else { fs::remove_file(&aside) };
        removed.with_context(|| tr!(run_removing_the_old_2, entry = entry.display()))?;
    }
    Ok(())
}

/// Points `current` at `generation`: a new link renamed over the old one (atomic).
fn switch_current(out: &Path, generation: &str) -> Result<()> {
    let link = out.join(format!(".{CURRENT}.link-{}", std::process::id()));
    let _ = fs::remove_file(&link);
    symlink(&Path::new(STATE_DIR).join(generation), &link, true)
        .with_context(|| tr!(run_creating_the_link_2, link = link.display()))?;
    if let Err(e) = fs::rename(&link, out.join(CURRENT)) {
        let _ = fs::remove_file(&link);
        return Err(e).with_context(|| format!("switching {}", out.join(CURRENT).display()));
    }
    sync_folder(out)
}

/// Removes links in `out` that point through `current` but lead nowhere (an output name used
/// before, or the site after a PDF-only build), and temporary links left by a killed build.
fn remove_dangling_links(out: &Path) -> Vec<String> {
    let mut warnings = Vec::new();
    let Ok(entries) = fs::read_dir(out) else { return warnings };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_ok_and(|t| t.is_symlink()) {
            continue;
        }
        let ours = fs::read_link(&path).is_ok_and(|t| t.starts_with(CURRENT));
        let temporary = name.starts_with('.') && name.contains(".link-");
        if ((ours && !path.exists()) || temporary)
            && let Err(e) = fs::remove_file(&path)
        {
            warnings.push(tr!(
                run_removing_the_stale_link_e,
                path = path.display().to_string(),
                e = e
            ));
        }
    }
    warnings
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path, _folder: bool) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn symlink(target: &Path, link: &Path, folder: bool) -> std::io::Result<()> {
    if folder {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    }
}

#[cfg(test)]
#[path = "publish_tests.rs"]
mod tests;
