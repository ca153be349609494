//! One rebuild of the watched report, in memory, in this process.
//!
//! [`Session::rebuild`] runs `check`, and when the report checks clean (or `--draft`) renders
//! the PDF and the site exactly as `build` does ([`crate::build::render_outputs`]). Typst's
//! memoized results live in the process (comemo's cache), so a rebuild after a small edit
//! recompiles only what the edit touched. A rebuild that fails (a file that does not parse, an
//! error `check` finds, a template error) keeps the last good output: the session hands back the
//! findings, and the caller keeps serving what it had.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::Output;
use crate::build::{self, BuildOptions, Rendered};
use crate::diag::shown;
use crate::diag::{self, Diagnostic, Summary};
use crate::pipeline::{self, CheckOptions, Checked};
use crate::source::Sources;
use crate::tr;

/// What a rebuild found: the findings, as the terminal and the browser show them.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// The findings shown (notes left out with `--quiet`), for the terminal.
    pub diagnostics: Vec<Diagnostic>,
    /// The files the findings point into.
    pub sources: Arc<Sources>,
    /// Counts.
    pub summary: Summary,
    /// The findings as plain text (no colour), as `check` prints them.
    pub text: String,
    /// Why nothing new was built, if nothing was: `check` failed, or rendering failed.
    pub not_built: Option<String>,
}

impl Findings {
    /// Nothing to say: no findings, and the output was built.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty() && self.not_built.is_none()
    }
}

/// The outcome of one rebuild.
#[derive(Debug)]
pub struct Rebuild {
    /// What `check` (and rendering) found.
    pub findings: Findings,
    /// The new output, if the report was built.
    pub rendered: Option<Rendered>,
    /// How long `check` took.
    pub check_time: Duration,
    /// How long the whole rebuild took.
    pub total_time: Duration,
}

/// The watched report and how to build it.
#[derive(Debug, Clone)]
pub struct Session {
    dir: PathBuf,
    check: CheckOptions,
    draft: bool,
    quiet: bool,
}

impl Session {
    /// A session on the report in `dir`.
    pub fn new(dir: &Path, check: CheckOptions, draft: bool, quiet: bool) -> Self {
        Session { dir: dir.to_path_buf(), check, draft, quiet }
    }

    /// The report folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Checks the report and, if it may be built, renders the PDF and the site.
    pub fn rebuild(&self) -> Rebuild {
        let started = Instant::now();
        let checked = pipeline::check(&self.dir, &self.check);
        let check_time = started.elapsed();
        let mut findings = self.findings(&checked);
        let rendered = match (&checked.report, self.refusal(&checked)) {
            (Some(report), None) => {
                // A report still waiting for this year's figures or texts (AR601, AR602) is
                // previewed as what it is: a draft, marked UTKAST.
                let unfinished = checked.diagnostics.iter().any(crate::cycle::blocks_publishing);
                let draft = (self.draft && checked.failed) || unfinished;
                let options = BuildOptions {
                    outputs: Output::All,
                    draft,
                    verify_pdf: false,
                    keep_typst_cache: true,
                };
                match build::render_outputs(report, &self.dir, &options) {
                    Ok(rendered) => Some(rendered),
                    Err(e) => {
                        findings.not_built =
                            Some(tr!(watch_build_failed, error = format!("{e:#}")));
                        None
                    }
                }
            }
            (_, refusal) => {
                findings.not_built = refusal;
                None
            }
        };
        Rebuild { findings, rendered, check_time, total_time: started.elapsed() }
    }

    /// Why a checked report is not built, if it is not.
    fn refusal(&self, checked: &Checked) -> Option<String> {
        if checked.report.is_none() {
            return Some(tr!(run_the_report_could_not_be));
        }
        if checked.failed && !self.draft {
            let errors = checked.summary.errors
                + if self.check.deny_warnings { checked.summary.warnings } else { 0 };
            return Some(tr!(watch_check_found_errors, errors = errors));
        }
        None
    }

    fn findings(&self, checked: &Checked) -> Findings {
        let diagnostics = shown(&checked.diagnostics, self.quiet);
        // Acknowledged findings are the writer's decision: not worth a banner.
        let diagnostics: Vec<Diagnostic> =
            diagnostics.into_iter().filter(|d| d.acknowledged.is_none()).collect();
        let text = if diagnostics.is_empty() {
            String::new()
        } else {
            diag::to_human_string(&checked.sources, &diagnostics, &checked.summary)
        };
        Findings {
            diagnostics,
            sources: Arc::new(checked.sources.clone()),
            summary: checked.summary.clone(),
            text,
            not_built: None,
        }
    }
}
