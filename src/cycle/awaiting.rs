//! AR601 `awaiting-figures`: the cells written `?` that still wait for this year's figures.
//!
//! `roll-forward` writes `?` where the new year's figures go. Such a cell prints empty and no
//! rule reads it as a figure; `check` lists them with one warning per table, column by column,
//! so the finance team sees what is left to fill in — not one finding per cell.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::load::spec::TableSpec;
use crate::model::{Report, Table};
use crate::tr;

/// How many row labels a note names before it says "and N more".
const ROWS_SHOWN: usize = 4;

/// One warning per table with cells awaiting figures.
pub fn check(report: &Report, specs: &[TableSpec]) -> Vec<Diagnostic> {
    report
        .tables
        .iter()
        .zip(specs)
        .filter(|(_, spec)| !spec.awaiting.is_empty())
        .map(|(table, spec)| finding(table, spec))
        .collect()
}

/// The warning for one table: where the first waiting cell is, and per column which rows wait.
fn finding(table: &Table, spec: &TableSpec) -> Diagnostic {
    let mut by_column: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(row, column) in &spec.awaiting {
        by_column.entry(column).or_default().push(row);
    }
    let span_of = |(row, column): (usize, usize)| {
        table.rows.get(row).and_then(|r| r.cell_spans.get(column)).cloned()
    };
    let count = spec.awaiting.len();
    let mut d = Diagnostic::warning(
        Code::AwaitingFigures,
        tr!(cycle_awaiting, count = count, table = table.id),
    )
    .at_opt(spec.awaiting.first().copied().and_then(span_of))
    .with_label(tr!(cycle_awaiting_label))
    .with_hint(tr!(cycle_awaiting_hint));
    for (&column, rows) in &by_column {
        let heading = table.columns.get(column).map_or("", |c| c.header.as_str());
        d = d.with_note(column_note(table, heading, rows));
        if let Some(span) = span_of((rows[0], column)).filter(|s| Some(s) != d.span.as_ref()) {
            d.related.push((span, tr!(cycle_awaiting_column, heading = heading)));
        }
    }
    d.table = Some(table.id.clone());
    d
}

fn column_note(table: &Table, heading: &str, rows: &[usize]) -> String {
    let figure_rows = table.rows.iter().filter(|r| !r.label().is_empty()).count();
    if rows.len() == figure_rows && rows.len() > 1 {
        return tr!(cycle_awaiting_every_row, heading = heading, count = rows.len());
    }
    let mut labels: Vec<String> = rows
        .iter()
        .take(ROWS_SHOWN)
        .map(|&r| format!("«{}»", table.rows.get(r).map_or("", |row| row.label())))
        .collect();
    if rows.len() > ROWS_SHOWN {
        labels.push(tr!(cycle_awaiting_more, count = rows.len() - ROWS_SHOWN));
    }
    format!("«{heading}»: {}", labels.join(", "))
}
