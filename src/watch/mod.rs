//! `arsrapport watch`: check and build on every save, and serve a live preview on localhost.
//!
//! Watches the report folder (`notify`, debounced), and on each change runs one
//! [`Session::rebuild`] in this process: `check`, then the PDF and the site as `build` renders
//! them, Typst recompiling only what changed from its memoized state. A good build replaces what
//! the [`Server`] serves and is published into `--out` as `build` publishes it
//! ([`crate::build::publish`]); a broken save (a file that does not parse, an error `check`
//! finds, a template error) leaves the last good output in place. Either way the findings go to
//! the terminal and into the banner at the top of every served page, and open pages reload.
//! Ctrl-C stops.

pub mod page;
pub mod server;
pub mod session;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::build::publish::{self, Publication};
use crate::diag::{self, Format};
use crate::pipeline::CheckOptions;
use crate::tr;
pub use server::{Server, Site};
pub use session::{Findings, Rebuild, Session};

/// How long the folder must be quiet after a change before the rebuild starts.
const DEBOUNCE: Duration = Duration::from_millis(50);
/// The longest a rebuild waits for the folder to become quiet.
const MAX_WAIT: Duration = Duration::from_millis(500);

/// What wakes the watch loop.
enum Signal {
    /// Files changed.
    Changed(Vec<PathBuf>),
    /// The watcher failed.
    Error(String),
    /// Ctrl-C.
    Stop,
}

/// What `arsrapport watch` watches, where it publishes and serves.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// The report folder.
    pub dir: PathBuf,
    /// The output folder each good build is published into.
    pub out: PathBuf,
    /// The port on 127.0.0.1 (0: any free port).
    pub port: u16,
    /// Build drafts while `check` finds errors, instead of keeping the last good build.
    pub draft: bool,
    /// Leave notes out of the findings printed.
    pub quiet: bool,
    /// How to check (`deny_warnings`).
    pub check: CheckOptions,
}

/// Runs `arsrapport watch`; returns when Ctrl-C is pressed.
pub fn run(options: &WatchOptions, color: ColorChoice) -> ExitCode {
    let WatchOptions { dir, out, port, draft, quiet, check } = options;
    if !dir.is_dir() {
        eprintln!("{}", tr!(watch_no_folder, dir = dir.display()));
        return ExitCode::from(2);
    }
    let session = Session::new(dir, check.clone(), *draft, *quiet);
    let server = match Server::start(*port) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("{}", tr!(watch_cannot_serve, port = port.to_string(), error = e));
            return ExitCode::from(2);
        }
    };
    let (sender, signals) = mpsc::channel();
    let stop = sender.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Signal::Stop);
    }) {
        eprintln!("{}", tr!(watch_ctrlc_abrupt, error = e));
    }
    let watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let signal = match result {
            // Reading a file (our own `check` does) is no change.
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
            Ok(event) => Signal::Changed(event.paths),
            Err(e) => Signal::Error(e.to_string()),
        };
        let _ = sender.send(signal);
    });
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            eprintln!("{}", tr!(watch_cannot_watch, dir = dir.display(), error = e));
            return ExitCode::from(2);
        }
    };
    // The real path: events then name absolute paths, also of files that are gone.
    let real = dir.canonicalize().unwrap_or_else(|_| dir.clone());
    if let Err(e) = watcher.watch(&real, RecursiveMode::Recursive) {
        eprintln!("{}", tr!(watch_cannot_watch, dir = dir.display(), error = e));
        return ExitCode::from(2);
    }
    let url = format!("http://{}/", server.addr());
    progress(&tr!(watch_tag_serving), &tr!(watch_serving, dir = dir.display(), url = url));
    progress(&tr!(watch_tag_watching), &tr!(watch_watching, dir = dir.display()));

    let mut watch = Watch { session, server, out: out.clone(), color, last_text: None };
    let ignore = Ignore::new(dir, out);
    watch.rebuild();
    while let Ok(signal) = signals.recv() {
        let mut relevant = false;
        let mut next = Some(signal);
        let first = Instant::now();
        // Wait until the folder is quiet for DEBOUNCE (at most MAX_WAIT): an editor's save is
        // several events, and saves that come in meanwhile are part of this rebuild.
        while let Some(signal) = next {
            match signal {
                Signal::Stop => return stopped(),
                Signal::Error(e) => eprintln!("{}", tr!(watch_warning_watching, error = e)),
                Signal::Changed(paths) => relevant |= paths.iter().any(|p| !ignore.ignores(p)),
            }
            next = match first.elapsed() < MAX_WAIT {
                true => signals.recv_timeout(DEBOUNCE).ok(),
                false => None,
            };
        }
        if relevant {
            watch.rebuild();
        }
    }
    stopped()
}

fn stopped() -> ExitCode {
    progress(&tr!(watch_tag_stopped), &tr!(watch_stopped));
    ExitCode::SUCCESS
}

/// A progress line: the tag right-aligned in 12 columns, as cargo writes them.
fn progress(tag: &str, text: &str) {
    eprintln!("{tag:>12} {text}");
}

/// The state of the watch loop.
struct Watch {
    session: Session,
    server: Server,
    out: PathBuf,
    color: ColorChoice,
    /// The findings printed last, so that a save that changes nothing about them says so briefly.
    last_text: Option<String>,
}

impl Watch {
    fn rebuild(&mut self) {
        let rebuild = self.session.rebuild();
        self.print_findings(&rebuild.findings);
        let ms = |d: Duration| d.as_millis();
        let Some(rendered) = rebuild.rendered else {
            let why = rebuild.findings.not_built.clone().unwrap_or_default();
            progress(&tr!(watch_tag_not_rebuilt), &tr!(watch_not_rebuilt, why = why));
            self.server.update(None, rebuild.findings);
            return;
        };
        progress(
            &tr!(watch_tag_rebuilt),
            &tr!(
                watch_rebuilt,
                total = ms(rebuild.total_time),
                check = ms(rebuild.check_time),
                pdf = ms(rendered.pdf_time),
                html = ms(rendered.html_time)
            ),
        );
        if let Some(text) = rendered.template_warnings_text() {
            eprintln!("{text}");
        }
        let pdf = rendered.pdf.as_ref().map(|_| rendered.pdf_name.clone());
        let publication = Publication {
            pdf_name: &rendered.pdf_name,
            pdf: rendered.pdf.as_deref(),
            site: rendered.site.as_deref(),
        };
        let published = publish::publish(&self.out, &publication);
        let site = Site::new(rendered.site.unwrap_or_default(), pdf, now_iso());
        self.server.update(Some(site), rebuild.findings);
        match published {
            Ok(published) => {
                for warning in &published.warnings {
                    eprintln!("{}", tr!(watch_warning, warning = warning));
                }
            }
            Err(e) => eprintln!(
                "{}",
                tr!(watch_could_not_publish, out = self.out.display(), error = format!("{e:#}"))
            ),
        }
    }

    fn print_findings(&mut self, findings: &Findings) {
        if findings.text.is_empty() {
            self.last_text = None;
            return;
        }
        if self.last_text.as_deref() == Some(findings.text.as_str()) {
            progress(
                &tr!(watch_tag_findings),
                &tr!(watch_findings_as_before, summary = findings.summary),
            );
            return;
        }
        let stream = StandardStream::stderr(self.color);
        let mut lock = stream.lock();
        let _ = diag::emit(
            &mut lock,
            Format::Human,
            &findings.sources,
            &findings.diagnostics,
            &findings.summary,
        );
        self.last_text = Some(findings.text.clone());
    }
}

/// Changes that do not call for a rebuild: in the output folder, hidden files and folders
/// (`.git`, editors' state), editors' backup and swap files.
struct Ignore {
    dir: PathBuf,
    out: PathBuf,
}

impl Ignore {
    fn new(dir: &Path, out: &Path) -> Self {
        let real = |p: &Path| {
            p.canonicalize().or_else(|_| std::path::absolute(p)).unwrap_or_else(|_| p.into())
        };
        Ignore { dir: real(dir), out: real(out) }
    }

    fn ignores(&self, path: &Path) -> bool {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if path.starts_with(&self.out) {
            return true;
        }
        let inside = path.strip_prefix(&self.dir).unwrap_or(&path);
        let hidden = inside.components().any(|c| {
            matches!(c, std::path::Component::Normal(name) if name.to_string_lossy().starts_with('.'))
        });
        let name = inside.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        hidden
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".swx")
            || name.ends_with(".tmp")
            || name == "4913"
    }
}

/// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
fn now_iso() -> String {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let date = crate::build::date_from_epoch(seconds);
    let s = seconds.rem_euclid(86_400);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        date.year,
        date.month,
        date.day,
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_backup_and_output_files_are_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let report = dir.path().join("rapport");
        std::fs::create_dir_all(report.join("out")).expect("mkdir");
        let ignore = Ignore::new(&report, &report.join("out"));
        assert!(!ignore.ignores(&report.join("kapitler/1.yaml")));
        assert!(ignore.ignores(&report.join("out/html/index.html")));
        assert!(ignore.ignores(&report.join(".git/index")));
        assert!(ignore.ignores(&report.join("kapitler/.1.yaml.swp")));
        assert!(ignore.ignores(&report.join("kapitler/1.yaml~")));
        assert!(ignore.ignores(&report.join("kapitler/4913")));
        // `.` and `..` in a path are no hidden folder.
        assert!(!ignore.ignores(&report.join("./kapitler/../kapitler/gone.yaml")));
    }

    #[test]
    fn now_is_an_iso_time() {
        let now = now_iso();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
    }
}
