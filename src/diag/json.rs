//! `--format json`: one document with a documented schema (docs/check.md).

use serde::Serialize;

use super::{Diagnostic, Severity, Summary};
use crate::source::{Location, Sources, Span};

/// The JSON document `--format json` prints (stable; see docs/check.md).
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// Schema version, currently 1.
    pub version: u32,
    /// The report folder as seen from the current directory; `file` is relative to it,
    /// `path` is `base/file`.
    pub base: &'a str,
    /// All findings, grouped by table in file order.
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Counts.
    pub summary: &'a Summary,
}

/// One finding in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// "error", "warning" or "note".
    pub severity: Severity,
    /// e.g. "AR102".
    pub code: &'static str,
    /// e.g. "sum-row".
    pub rule: &'static str,
    /// The message.
    pub message: &'a str,
    /// File relative to the report directory.
    pub file: Option<&'a str>,
    /// File relative to the current directory (`base/file`), as CI annotations need it.
    pub path: Option<String>,
    /// 1-based line; in a workbook the cell's row.
    pub line: Option<usize>,
    /// 1-based column; in a workbook the cell's column (A = 1).
    pub column: Option<usize>,
    /// In a workbook: the sheet's name, else null.
    pub sheet: Option<String>,
    /// In a workbook: the cell as Excel names it (`E12`), else null.
    pub cell: Option<String>,
    /// Table id.
    pub table: Option<&'a str>,
    /// Row label.
    pub row: Option<&'a str>,
    /// Column key and header.
    pub table_column: Option<&'a str>,
    /// Expected value, formatted.
    pub expected: Option<&'a str>,
    /// Found value, formatted.
    pub found: Option<&'a str>,
    /// Difference, formatted.
    pub difference: Option<&'a str>,
    /// Formula with the numbers.
    pub formula: Option<&'a str>,
    /// Notes.
    pub notes: &'a [String],
    /// Hints.
    pub hints: &'a [String],
    /// The acknowledgement's reason, or null.
    pub acknowledged: Option<&'a str>,
    /// Findings that one likely wrong figure explains share a group number, or null.
    pub group: Option<usize>,
    /// On the first finding of a group: the likely wrong figure(s), or null.
    pub cause: Option<JsonCause>,
}

/// The likely cause of a group, in JSON.
#[derive(Debug, Serialize)]
pub struct JsonCause {
    /// The sentence the human output prints.
    pub message: String,
    /// How many findings the group has.
    pub relations: usize,
    /// The likely wrong cell (two when both explain the group equally well).
    pub cells: Vec<JsonCauseCell>,
}

/// A likely wrong cell, in JSON.
#[derive(Debug, Serialize)]
pub struct JsonCauseCell {
    /// File relative to the report folder.
    pub file: String,
    /// File relative to the current directory.
    pub path: String,
    /// 1-based line; in a workbook the cell's row.
    pub line: usize,
    /// 1-based column; in a workbook the cell's column (A = 1).
    pub column: usize,
    /// In a workbook: the sheet's name, else null.
    pub sheet: Option<String>,
    /// In a workbook: the cell as Excel names it (`E12`), else null.
    pub cell: Option<String>,
    /// Table id.
    pub table: String,
    /// Row label.
    pub row: String,
    /// Column key.
    pub table_column: String,
    /// The figure as printed.
    pub found: String,
    /// The figure that satisfies every finding of the group.
    pub suggested: String,
}

/// Line and column, and for a workbook cell its sheet and name (line and column are then the
/// cell's row and column number).
fn place(sources: &Sources, span: &Span) -> (usize, usize, Option<String>, Option<String>) {
    match sources.location(span) {
        Location::Text { line, column } => (line, column, None, None),
        Location::Cell { sheet, cell, row, column } => (row, column, Some(sheet), Some(cell)),
    }
}

/// Builds the JSON document.
pub fn to_json<'a>(
    sources: &'a Sources,
    diagnostics: &'a [Diagnostic],
    summary: &'a Summary,
) -> JsonReport<'a> {
    JsonReport {
        version: 1,
        base: sources.base(),
        diagnostics: diagnostics
            .iter()
            .map(|d| {
                let (line, column, sheet, cell) = match &d.span {
                    Some(s) => {
                        let (l, c, sheet, cell) = place(sources, s);
                        (Some(l), Some(c), sheet, cell)
                    }
                    None => (None, None, None, None),
                };
                JsonDiagnostic {
                    severity: d.severity,
                    code: d.code.code(),
                    rule: d.code.name(),
                    message: &d.message,
                    file: d.span.as_ref().map(|s| sources.name(s)),
                    path: d.span.as_ref().map(|s| sources.path(s)),
                    line,
                    column,
                    sheet,
                    cell,
                    table: d.table.as_deref(),
                    row: d.row.as_deref(),
                    table_column: d.column.as_deref(),
                    expected: d.expected.as_deref(),
                    found: d.found.as_deref(),
                    difference: d.difference.as_deref(),
                    formula: d.formula.as_deref(),
                    notes: &d.notes,
                    hints: &d.hints,
                    acknowledged: d.acknowledged.as_deref(),
                    group: d.group,
                    cause: d.cause.as_ref().map(|c| JsonCause {
                        message: c.message(sources),
                        relations: c.relations,
                        cells: c
                            .cells
                            .iter()
                            .map(|cell| {
                                let (line, column, sheet, cell_name) = place(sources, &cell.span);
                                JsonCauseCell {
                                    file: sources.name(&cell.span).to_string(),
                                    path: sources.path(&cell.span),
                                    line,
                                    column,
                                    sheet,
                                    cell: cell_name,
                                    table: cell.table.clone(),
                                    row: cell.row.clone(),
                                    table_column: cell.column.clone(),
                                    found: cell.found.clone(),
                                    suggested: cell.suggested.clone(),
                                }
                            })
                            .collect(),
                    }),
                }
            })
            .collect(),
        summary,
    }
}
