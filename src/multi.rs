//! Several reports in one run: `check DIR...`, `build DIR...` and the workspace file.
//!
//! Takes the folders from the command line or from a workspace file (`arsrapport.yaml`:
//! `reports: [bjerke, grorud]`) and hands each to the single-report pipeline — `check` is
//! [`pipeline::check`], `build` is [`build::build_report`] publishing into `OUT/<folder name>/` —
//! on up to one thread per CPU. One broken report does not stop the others; the run ends with one
//! summary listing every report and its result, and one exit code: 2 if any report could not be
//! read (or its build failed), else 1 if any failed its check, else 0.
//!
//! One folder given on the command line is today's single report, output unchanged; the
//! folders of a workspace file are always several reports, even when it lists one, so that its
//! output folder does not move when a second report is added.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use codespan_reporting::term::WriteStyle;
use codespan_reporting::term::termcolor::{BufferWriter, ColorChoice, StandardStream};
use serde::Serialize;

use crate::build::{self, BuildOptions, Log, Outcome};
use crate::diag::{self, Code, Diagnostic, Format, Summary, shown};
use crate::load::read::{Fields, Spanned};
use crate::load::yaml;
use crate::pipeline::{self, CheckOptions, Checked};
use crate::source::Sources;
use crate::tr;

/// The workspace file looked for in the current folder when no folder is given.
pub const WORKSPACE: &str = "arsrapport.yaml";

/// The default report folder.
pub const DEFAULT_DIR: &str = "report-data";

/// What the command line says about which reports to work on.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The folders given as arguments.
    pub dirs: &'a [PathBuf],
    /// `--workspace FILE`.
    pub workspace: Option<&'a Path>,
    /// `$ARSRAPPORT_DIR`, if set.
    pub from_env: Option<&'a Path>,
}

/// The reports to work on.
#[derive(Debug, PartialEq)]
pub enum Reports {
    /// One report folder: the single-report command, as it always was.
    One(PathBuf),
    /// Several (or the folders of a workspace file).
    Many(Vec<Target>),
}

/// One of several reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The report folder.
    pub dir: PathBuf,
    /// The folder as seen from the current directory: the heading, the JSON key, the base of
    /// its paths.
    pub key: String,
    /// The folder's own name: `build` publishes into `OUT/<name>/`.
    pub name: String,
}

/// Why the reports could not be determined.
#[derive(Debug)]
pub enum Problem {
    /// A wrong command line.
    Usage(String),
    /// Findings in the workspace file, at their places.
    Workspace {
        /// The workspace file.
        sources: Sources,
        /// What is wrong with it.
        diagnostics: Vec<Diagnostic>,
    },
}

/// Decides which reports to work on: `--workspace FILE`; else the folders given (one: the
/// single report); else `$ARSRAPPORT_DIR`; else `arsrapport.yaml` in the current folder, if
/// there is one; else `report-data`.
pub fn resolve(request: &Request<'_>) -> Result<Reports, Problem> {
    if let Some(file) = request.workspace {
        return read_workspace(file).map(Reports::Many);
    }
    match request.dirs {
        [dir] => return Ok(Reports::One(dir.clone())),
        [] => {}
        dirs => {
            let mut targets = Vec::new();
            for dir in dirs {
                let target = target(dir).map_err(Problem::Usage)?;
                if let Some(first) = targets.iter().find(|t: &&Target| t.name == target.name) {
                    return Err(Problem::Usage(same_name(first, &target)));
                }
                targets.push(target);
            }
            return Ok(Reports::Many(targets));
        }
    }
    if let Some(dir) = request.from_env {
        return Ok(Reports::One(dir.to_path_buf()));
    }
    if Path::new(WORKSPACE).is_file() {
        return read_workspace(Path::new(WORKSPACE)).map(Reports::Many);
    }
    Ok(Reports::One(PathBuf::from(DEFAULT_DIR)))
}

fn same_name(first: &Target, second: &Target) -> String {
    tr!(run_two_report_folders_are_named, name = second.name, key = first.key, key2 = second.key)
}

/// The heading and output name of a report folder.
fn target(dir: &Path) -> Result<Target, String> {
    let mut sources = Sources::default();
    sources.set_base(dir);
    let key = sources.base().to_string();
    let name = match dir.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        // `.`, `..`, `grorud/..`: the name of the folder they lead to.
        None => std::fs::canonicalize(dir)
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .ok_or_else(|| tr!(run_the_report_folder_has_no, dir = dir.display()))?,
    };
    Ok(Target { dir: dir.to_path_buf(), key, name })
}

/// Reads a workspace file: `reports:`, a list of report folders relative to the file's folder.
pub fn read_workspace(file: &Path) -> Result<Vec<Target>, Problem> {
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty());
    let mut sources = Sources::default();
    sources.set_base(folder.unwrap_or(Path::new(".")));
    let name = file
        .file_name()
        .map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            let d = Diagnostic::error(
                Code::Io,
                tr!(run_the_workspace_file_could_not, file = file.display().to_string(), e = e),
            );
            return Err(Problem::Workspace { sources, diagnostics: vec![d] });
        }
    };
    let id = sources.add(name, text);
    let node = match yaml::parse(id, sources.get(id)) {
        Ok(node) => node,
        Err(diagnostics) => return Err(Problem::Workspace { sources, diagnostics }),
    };
    let mut out = Vec::new();
    let mut entries: Vec<Spanned<String>> = Vec::new();
    let what = tr!(fix_workspace_map);
    if let Some(mut fields) = Fields::new(&node, &what, &mut out) {
        let list = fields.req::<Spanned<Vec<Spanned<String>>>>(
            "reports",
            &tr!(run_the_report_folders),
            &mut out,
        );
        fields.finish(&mut out);
        if let Some(list) = list {
            if list.value.is_empty() {
                out.push(
                    Diagnostic::error(Code::YamlSchema, tr!(run_the_workspace_lists_no_report))
                        .at(list.span.clone())
                        .with_label(tr!(run_an_empty_list))
                        .with_hint(tr!(run_list_the_report_folders_reports)),
                );
            }
            entries = list.value;
        }
    }
    let mut targets: Vec<(Target, &Spanned<String>)> = Vec::new();
    for entry in &entries {
        if entry.value.trim().is_empty() {
            out.push(
                Diagnostic::error(Code::YamlSchema, tr!(run_an_empty_report_folder))
                    .at(entry.span.clone())
                    .with_label(tr!(run_a_folder_name_is_needed)),
            );
            continue;
        }
        let dir = match folder {
            Some(folder) => folder.join(&entry.value),
            None => PathBuf::from(&entry.value),
        };
        match target(&dir) {
            Ok(target) => {
                if let Some((first, _)) = targets.iter().find(|(t, _)| t.name == target.name) {
                    out.push(
                        Diagnostic::error(Code::YamlSchema, same_name(first, &target))
                            .at(entry.span.clone())
                            .with_label(tr!(run_a_second_report_of_this)),
                    );
                } else {
                    targets.push((target, entry));
                }
            }
            Err(message) => out.push(
                Diagnostic::error(Code::YamlSchema, message)
                    .at(entry.span.clone())
                    .with_label(tr!(run_this_folder)),
            ),
        }
    }
    if out.is_empty() {
        Ok(targets.into_iter().map(|(t, _)| t).collect())
    } else {
        Err(Problem::Workspace { sources, diagnostics: out })
    }
}

/// Prints why the reports could not be determined, in the chosen format.
pub fn report_problem(problem: &Problem, format: Format, color: ColorChoice) {
    match problem {
        Problem::Usage(message) => eprintln!("{}", tr!(cli_error, message = message)),
        Problem::Workspace { sources, diagnostics } => {
            let mut summary = Summary { files: sources.files().len(), ..Summary::default() };
            summary.count(diagnostics);
            let _ = match format {
                Format::Human => {
                    let stream = StandardStream::stderr(color);
                    let mut lock = stream.lock();
                    diag::emit(&mut lock, format, sources, diagnostics, &summary)
                }
                _ => {
                    let stream = StandardStream::stdout(ColorChoice::Never);
                    let mut lock = stream.lock();
                    diag::emit(&mut lock, format, sources, diagnostics, &summary)
                }
            };
        }
    }
}

/// How `check` prints.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// Human, JSON or GitHub.
    pub format: Format,
    /// Leave out notes.
    pub quiet: bool,
    /// Colours for human output.
    pub color: ColorChoice,
}

/// `check DIR...`: checks every report, prints each one's findings under its name and one
/// combined summary.
pub fn check(targets: &[Target], options: &CheckOptions, output: &Output) -> ExitCode {
    let checked = in_parallel(targets, |t| pipeline::check(&t.dir, options));
    let results: Vec<(&Target, Checked, Vec<Diagnostic>)> = targets
        .iter()
        .zip(checked)
        .map(|(t, c)| {
            let list = shown(&c.diagnostics, output.quiet);
            (t, c, list)
        })
        .collect();
    let code = results.iter().map(|(_, c, _)| check_code(c)).max().unwrap_or(0);
    let written = match output.format {
        Format::Human => {
            let stream = StandardStream::stderr(output.color);
            let mut out = stream.lock();
            print_human(&mut out, &results)
        }
        Format::Github => {
            let stream = StandardStream::stdout(ColorChoice::Never);
            let mut out = stream.lock();
            print_github(&mut out, &results)
        }
        Format::Json => {
            let stream = StandardStream::stdout(ColorChoice::Never);
            let mut out = stream.lock();
            print_json(&mut out, &results)
        }
    };
    if let Err(e) = written {
        eprintln!("{}", tr!(run_error_could_not_write_the, e = e));
        return ExitCode::from(2);
    }
    ExitCode::from(code)
}

type Results<'a> = [(&'a Target, Checked, Vec<Diagnostic>)];

fn check_code(checked: &Checked) -> u8 {
    if checked.fatal {
        2
    } else if checked.failed {
        1
    } else {
        0
    }
}

fn check_status(checked: &Checked) -> &'static str {
    match check_code(checked) {
        0 => "passed",
        1 => "failed",
        _ => "unreadable",
    }
}

/// A status of [`check_status`] or of a build outcome, in the current language.
fn status_word(status: &str) -> String {
    match status {
        "passed" => tr!(status_passed),
        "failed" => tr!(status_failed),
        "built" => tr!(status_built),
        "not built" => tr!(status_not_built),
        _ => tr!(status_unreadable),
    }
}

fn heading(out: &mut dyn WriteStyle, key: &str) -> std::io::Result<()> {
    writeln!(out, "==> {key} <==")
}

fn print_human(out: &mut dyn WriteStyle, results: &Results<'_>) -> std::io::Result<()> {
    for (target, checked, list) in results {
        heading(out, &target.key)?;
        diag::emit(out, Format::Human, &checked.sources, list, &checked.summary)?;
        writeln!(out)?;
    }
    print_check_summary(out, results)
}

fn print_github(out: &mut dyn WriteStyle, results: &Results<'_>) -> std::io::Result<()> {
    for (_, checked, list) in results {
        diag::emit(out, Format::Github, &checked.sources, list, &checked.summary)?;
    }
    print_check_summary(out, results)
}

fn print_check_summary(out: &mut dyn WriteStyle, results: &Results<'_>) -> std::io::Result<()> {
    let width = results.iter().map(|(t, _, _)| t.key.chars().count()).max().unwrap_or(0);
    let count = |status: &str| results.iter().filter(|(_, c, _)| check_status(c) == status).count();
    let line = tr!(
        multi_check_summary,
        reports = results.len(),
        passed = count("passed"),
        failed = count("failed"),
        unreadable = count("unreadable")
    );
    writeln!(out, "{line}")?;
    for (target, checked, _) in results {
        writeln!(
            out,
            "  {:<10} {:<width$}  {}",
            status_word(check_status(checked)),
            target.key,
            checked.summary
        )?;
    }
    Ok(())
}

/// The combined summary of `--format json`.
#[derive(Debug, Serialize)]
struct CombinedSummary {
    reports: usize,
    passed: usize,
    failed: usize,
    unreadable: usize,
    #[serde(flatten)]
    counts: Summary,
}

/// The document `check DIR... --format json` prints (docs/check.md).
struct JsonReports<'a> {
    reports: Vec<(&'a str, diag::JsonReport<'a>)>,
}

impl Serialize for JsonReports<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // In the order given, not sorted.
        serializer.collect_map(self.reports.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    version: u32,
    reports: JsonReports<'a>,
    summary: CombinedSummary,
}

fn print_json(out: &mut dyn WriteStyle, results: &Results<'_>) -> std::io::Result<()> {
    let mut counts = Summary::default();
    for (_, checked, _) in results {
        add(&mut counts, &checked.summary);
    }
    let count = |status: &str| results.iter().filter(|(_, c, _)| check_status(c) == status).count();
    let document = JsonDocument {
        version: 1,
        reports: JsonReports {
            reports: results
                .iter()
                .map(|(t, c, list)| (t.key.as_str(), diag::to_json(&c.sources, list, &c.summary)))
                .collect(),
        },
        summary: CombinedSummary {
            reports: results.len(),
            passed: count("passed"),
            failed: count("failed"),
            unreadable: count("unreadable"),
            counts,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn add(total: &mut Summary, one: &Summary) {
    total.files += one.files;
    total.tables += one.tables;
    total.cells_checked += one.cells_checked;
    total.errors += one.errors;
    total.warnings += one.warnings;
    total.notes += one.notes;
    total.acknowledged += one.acknowledged;
}

/// `build DIR...`: builds every report into `out/<folder name>/`, in parallel; prints each
/// one's findings under its name as its check finishes, progress lines naming it, and one
/// combined summary. The reports share Typst's memoized results (`keep_typst_cache` is set).
pub fn build(
    targets: &[Target],
    out: &Path,
    request: &BuildOptions,
    options: &CheckOptions,
    color: ColorChoice,
) -> ExitCode {
    let request = BuildOptions { keep_typst_cache: true, ..*request };
    let writer = BufferWriter::stderr(color);
    let outcomes = in_parallel(targets, |target| {
        let mut findings = |checked: &Checked| {
            // The whole block at once, so that reports built side by side do not mix lines.
            let mut buffer = writer.buffer();
            let list = shown(&checked.diagnostics, true);
            let _ = heading(&mut buffer, &target.key);
            let _ =
                diag::emit(&mut buffer, Format::Human, &checked.sources, &list, &checked.summary);
            let _ = writer.print(&buffer);
        };
        let out = out.join(&target.name);
        let log = Log { report: Some(&target.key) };
        build::build_report(&target.dir, &out, &request, options, &mut findings, log)
    });
    let code = outcomes.iter().map(Outcome::exit_code).max().unwrap_or(0);
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
    let mut text = format!(
        "\n{}\n",
        tr!(
            run_reports_built_not_built_check,
            reports = outcomes.len(),
            built = count(|o| matches!(o, Outcome::Built(_))),
            not_built = count(|o| matches!(o, Outcome::NotBuilt { .. })),
            unreadable = count(|o| matches!(o, Outcome::Unreadable)),
            failed = count(|o| matches!(o, Outcome::Failed(_)))
        )
    );
    let width = targets.iter().map(|t| t.key.chars().count()).max().unwrap_or(0);
    for (target, outcome) in targets.iter().zip(&outcomes) {
        let (status, detail) = match outcome {
            Outcome::Built(paths) => (
                "built",
                paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
            ),
            Outcome::NotBuilt { errors } => {
                ("not built", tr!(run_check_found_errors_error_s, errors = errors))
            }
            Outcome::Unreadable => ("unreadable", tr!(run_the_report_could_not_be)),
            Outcome::Failed(cause) => {
                ("failed", tr!(run_the_build_failed_the_previous, cause = cause))
            }
        };
        text.push_str(&format!("  {:<10} {:<width$}  {detail}\n", status_word(status), target.key));
    }
    eprint!("{text}");
    ExitCode::from(code)
}

/// Runs `work` on every item, on up to one thread per CPU; the results in the items' order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len());
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let result = work(item);
            if let Ok(mut slot) = slots[i].lock() {
                *slot = Some(result);
            }
        }
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .filter_map(|_| {
                // Typst lays out deep documents: the main thread's stack size, not a thread's 2 MiB.
                std::thread::Builder::new().stack_size(8 << 20).spawn_scoped(scope, worker).ok()
            })
            .collect();
        for handle in handles {
            let _ = handle.join();
        }
    });
    // Items no thread took (none could be started) or finished run here, one by one.
    items
        .iter()
        .zip(slots)
        .map(|(item, slot)| slot.into_inner().ok().flatten().unwrap_or_else(|| work(item)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(dirs: &[PathBuf]) -> Request<'_> {
        Request { dirs, workspace: None, from_env: None }
    }

    #[test]
    fn one_folder_is_the_single_report() {
        let dirs = [PathBuf::from("grorud")];
        assert_eq!(resolve(&request(&dirs)).ok(), Some(Reports::One("grorud".into())));
        let env = Request { dirs: &[], workspace: None, from_env: Some(Path::new("bjerke")) };
        assert_eq!(resolve(&env).ok(), Some(Reports::One("bjerke".into())));
    }

    #[test]
    fn several_folders_are_named_by_their_last_component() {
        let dirs = [PathBuf::from("oslo/grorud/"), PathBuf::from("./bjerke")];
        let Ok(Reports::Many(targets)) = resolve(&request(&dirs)) else { panic!("several") };
        let names: Vec<_> = targets.iter().map(|t| (t.key.as_str(), t.name.as_str())).collect();
        assert_eq!(names, [("oslo/grorud", "grorud"), ("bjerke", "bjerke")]);
    }

    #[test]
    fn two_folders_of_one_name_are_a_usage_error() {
        let dirs = [PathBuf::from("a/grorud"), PathBuf::from("b/grorud")];
        let Err(Problem::Usage(message)) = resolve(&request(&dirs)) else { panic!("refused") };
        assert!(message.contains("«grorud» (a/grorud and b/grorud)"), "{message}");
    }

    fn workspace(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("arsrapport.yaml");
        std::fs::write(&file, text).expect("write");
        (dir, file)
    }

    #[test]
    fn workspace_folders_are_relative_to_the_file() {
        let (dir, file) = workspace("reports: [bjerke, grorud]\n");
        let targets = read_workspace(&file).expect("valid");
        assert_eq!(targets[0].dir, dir.path().join("bjerke"));
        assert_eq!(targets[1].name, "grorud");
    }

    #[test]
    fn workspace_problems_have_places() {
        let (_dir, file) = workspace("reports:\n  - grorud\n  - x/grorud\nreport: []\n");
        let Err(Problem::Workspace { sources, diagnostics }) = read_workspace(&file) else {
            panic!("refused")
        };
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.message.as_str(), sources.line_col(d.span.as_ref().expect("place"))))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0], ("unknown key `report`", (4, 1)));
        assert!(found[1].0.starts_with("two report folders are named «grorud»"), "{found:?}");
        assert_eq!(found[1].1, (3, 5));

        let (_dir, file) = workspace("reports: []\n");
        let Err(Problem::Workspace { diagnostics, .. }) = read_workspace(&file) else {
            panic!("refused")
        };
        assert_eq!(diagnostics[0].message, "the workspace lists no report folders");
    }

    #[test]
    fn work_runs_on_every_item_in_order() {
        let items: Vec<usize> = (0..20).collect();
        assert_eq!(in_parallel(&items, |i| i * 2), items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }
}
