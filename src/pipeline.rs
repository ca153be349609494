//! The stages put together: `check` = load + validate + resolve the figures in text.
//!
//! Takes a report folder and the user's filters; hands on a [`Checked`]: the
//! sources (for rendering diagnostics), the findings, a summary and — when the
//! folder could be read — the validated [`Report`] that the renderers take, with every
//! `{{ … }}` in its text already replaced by the figure it refers to ([`refs`]).

use std::path::Path;

use crate::cycle;
use crate::diag::{Code, Diagnostic, Summary};
use crate::load;
use crate::model::Report;
use crate::refs;
use crate::source::Sources;
use crate::validate;

/// Which findings to report.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Report only these rules (empty: all).
    pub only: Vec<Code>,
    /// Leave out these rules.
    pub skip: Vec<Code>,
    /// Warnings fail too.
    pub deny_warnings: bool,
}

/// The outcome of `check`.
#[derive(Debug)]
pub struct Checked {
    /// Every file read.
    pub sources: Sources,
    /// Findings, grouped by table.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts.
    pub summary: Summary,
    /// The validated report, unless the folder could not be read.
    pub report: Option<Report>,
    /// The folder could not be read (exit code 2).
    pub fatal: bool,
    /// Unacknowledged errors (or warnings with `deny_warnings`) were found (exit code 1).
    pub failed: bool,
    /// Per table of the report, the cells written `?` (awaiting figures): (row, column).
    pub awaiting: Vec<Vec<(usize, usize)>>,
    /// Per table of the report, its `previous:` (how it pairs with last year's).
    pub previous: Vec<Option<crate::load::schema::PreviousSource>>,
}

/// Loads and validates the report in `dir`.
pub fn check(dir: &Path, options: &CheckOptions) -> Checked {
    let mut loaded = load::load(dir);
    let fatal = loaded.is_fatal();
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    let mut cells_checked = 0;
    let mut goals = None;
    let mut report = loaded.report.take();
    if let Some(r) = report.as_mut() {
        let validation = validate::validate(r, &loaded.specs, diagnostics);
        diagnostics = validation.diagnostics;
        diagnostics.extend(validate::years::check(r, &loaded.specs));
        cells_checked = validation.cells_checked;
        let (findings, coverage) = validate::goals::check(r);
        diagnostics.extend(findings);
        goals = coverage;
        // Once, before any renderer sees the report: PDF and HTML print the same text.
        diagnostics.extend(refs::resolve(r, &loaded));
        // The annual cycle: cells awaiting figures, and last year's report (`previous:`).
        diagnostics.extend(cycle::awaiting::check(r, &loaded.specs));
        cycle::previous::check_into(dir, r, &mut loaded, &mut diagnostics);
    } else {
        // Order input problems by file and position.
        diagnostics.sort_by_key(|d| d.span.as_ref().map(|s| (s.file, s.range.start)));
    }
    diagnostics.retain(|d| {
        d.code.is_fatal()
            || ((options.only.is_empty() || options.only.contains(&d.code))
                && !options.skip.contains(&d.code))
    });
    let mut summary = Summary {
        files: loaded.sources.files().len(),
        tables: report.as_ref().map_or(0, |r| r.tables.len()),
        cells_checked,
        goals,
        ..Summary::default()
    };
    summary.count(&diagnostics);
    let failed = fatal || diagnostics.iter().any(|d| d.fails(options.deny_warnings));
    let awaiting = loaded.specs.iter().map(|s| s.awaiting.clone()).collect();
    let previous = loaded.specs.iter().map(|s| s.previous.clone()).collect();
    Checked {
        sources: loaded.sources,
        diagnostics,
        summary,
        report,
        fatal,
        failed,
        awaiting,
        previous,
    }
}
