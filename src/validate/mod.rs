//! Checking every figure and every relation between tables.
//!
//! Takes the report and the declared rules ([`TableSpec`]), reads both and changes neither; hands
//! on a [`Validation`]: every finding (all of them, grouped by table in report order, with
//! acknowledgements applied) and the number of figures checked. Which rows are sum rows is a
//! separate pure step, [`sum_rows`], applied to the report before it is rendered.
//!
//! One file per rule: `derived.rs` (AR101, AR106), `sums.rs` (AR102), `links.rs` (AR103, AR104),
//! `totals.rs` (AR105), `kostra.rs` (AR201, AR202); [`rows`] resolves row references (AR303,
//! AR308), [`arith`] does the checked arithmetic (AR107), `acknowledge.rs` applies the report's
//! acknowledgements (AR307).
//!
//! The rounding model: a derived figure may be off by one unit of its last printed digit, a sum
//! of n parts by n/2 units (at least one); such differences are notes. Transfers must be
//! identical.
//!
//! No rule leaves a row out without a word. An empty cell is no figure: a rule does not check a
//! computed cell that is empty, and a sum counts an empty part as zero (docs/format.md, "What the
//! rules read"). A cell a rule needs that is not a figure — unreadable (AR301), or in a row with
//! the wrong number of cells (AR302) — gives one finding per rule saying that the rule cannot be
//! checked and why, pointing at that cell.

mod acknowledge;
pub mod arith;
pub mod cause;
mod derived;
pub mod goals;
pub mod kostra;
mod links;
pub mod ranges;
pub mod rows;
pub mod sum_rows;
mod sums;
#[cfg(test)]
pub(crate) mod testing;
mod totals;
pub mod years;

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic, Severity};
use crate::format;
use crate::load::spec::{RowRef, TableSpec};
use crate::model::{Cell, ColumnKind, Report, RowStyle, Table};
use crate::source::Span;
use crate::tr;

pub use rows::{RowError, find_row};

use arith::ArithError;

/// The outcome of validation.
#[derive(Debug, Default)]
pub struct Validation {
    /// Findings, grouped by table.
    pub diagnostics: Vec<Diagnostic>,
    /// Number of distinct figure cells looked at by at least one rule.
    pub cells_checked: usize,
}

/// Validates the report against its rules.
///
/// `load_diagnostics` are the loader's findings: those about cells of a table (AR301) are put
/// with that table's findings so they can be acknowledged; the rest come first, unchanged.
pub fn validate(
    report: &Report,
    specs: &[TableSpec],
    load_diagnostics: Vec<Diagnostic>,
) -> Validation {
    let mut checker = Checker::new(report, specs);
    for ti in 0..report.tables.len().min(specs.len()) {
        checker.check_derived(ti);
        checker.check_sums(ti);
        checker.check_links(ti);
        checker.check_totals(ti);
        checker.check_kostra(ti);
    }
    let cells_checked = checker.checked.len();
    cause::attach(&mut checker);
    let per_table = std::mem::take(&mut checker.per_table);
    let diagnostics =
        crate::diag::group_findings(acknowledge::apply(&checker, per_table, load_diagnostics));
    Validation { diagnostics, cells_checked }
}

/// A finding with the structured place needed to match acknowledgements.
#[derive(Debug, Clone)]
struct Finding {
    diag: Diagnostic,
    row: Option<usize>,
    column: Option<String>,
}

/// What a rule finds in a cell.
#[derive(Debug, Clone)]
enum Read {
    /// A figure (a dash is 0; an empty cell is 0 where the rule counts it so).
    Figure(Decimal),
    /// An empty cell: no figure.
    Empty,
    /// `*`: not available.
    NotAvailable,
    /// Not a figure: the rule cannot be checked with it.
    Blocked(Blocker),
}

/// A cell that stops a rule: where it is and why.
#[derive(Debug, Clone)]
struct Blocker {
    span: Span,
    /// "«1 1OO» in row «100 Politisk styring», column `opprinnelig`, is not a figure"
    why: String,
    /// A note when the cell's problem is an error of its own (AR301, AR302) or none at all
    /// (`*`); an error when nothing else would fail `check` (text in a text column).
    severity: Severity,
    /// The label at the cell.
    label: String,
    /// What happens next.
    note: String,
    /// The whole row is unusable (it has the wrong number of cells), not just this cell.
    row_wide: bool,
}

/// The note of a blocker whose cell has an error of its own.
fn once_fixed() -> String {
    tr!(valz_once_fixed)
}

struct Checker<'a> {
    report: &'a Report,
    specs: &'a [TableSpec],
    by_id: BTreeMap<&'a str, usize>,
    /// Per table and row: a sum row ([`sum_rows::targets`]).
    sum_rows: Vec<Vec<bool>>,
    /// (table, row, column) of every figure a rule looked at.
    checked: BTreeSet<(usize, usize, usize)>,
    /// Findings per table, before acknowledgement.
    per_table: Vec<Vec<Finding>>,
    /// (table, code, rule, file, offset) of every "cannot be checked" already said.
    blocked: BTreeSet<(usize, Code, usize, usize, usize)>,
    /// Every relation checked, as an equation over cells (for the likely cause).
    relations: Vec<cause::Relation>,
}

fn fmt_value(v: Decimal, scale: u32) -> String {
    format::decimal(v, scale, true)
}

fn fmt_signed(v: Decimal, scale: u32) -> String {
    let s = fmt_value(v, scale);
    if v > Decimal::ZERO { format!("+{s}") } else { s }
}

/// One unit of the last printed digit.
fn unit_of(scale: u32) -> Decimal {
    Decimal::new(1, scale.min(28))
}

impl<'a> Checker<'a> {
    fn new(report: &'a Report, specs: &'a [TableSpec]) -> Self {
        Checker {
            report,
            specs,
            by_id: report.tables.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect(),
            sum_rows: sum_rows::targets(report, specs),
            checked: BTreeSet::new(),
            per_table: vec![Vec::new(); report.tables.len()],
            blocked: BTreeSet::new(),
            relations: Vec::new(),
        }
    }

    /// Records a checked relation Σ c·cell = constant; `before` is the number of findings of
    /// table `ti` before the rule looked at it, so an error it gave since is its finding.
    fn relation(
        &mut self,
        ti: usize,
        before: usize,
        code: Code,
        terms: Vec<(cause::CellId, Decimal)>,
        constant: Decimal,
        tolerance: Decimal,
    ) {
        let finding = self.per_table[ti][before..]
            .iter()
            .position(|f| f.diag.severity == Severity::Error && f.diag.code == code)
            .map(|i| (ti, before + i));
        self.relations.push(cause::Relation { terms, constant, tolerance, finding });
    }

    /// The figure of a cell, for the likely cause.
    fn figure(&self, (t, r, c): cause::CellId) -> Option<Decimal> {
        match self.report.tables.get(t)?.rows.get(r)?.cells.get(c)? {
            Cell::Number(n) => Some(n.value),
            Cell::Dash | Cell::Empty => Some(Decimal::ZERO),
            _ => None,
        }
    }

    fn table(&self, index: usize) -> &'a Table {
        &self.report.tables[index]
    }

    fn col_index(&self, table: usize, key: &str) -> Option<usize> {
        self.table(table).columns.iter().position(|c| c.key == key)
    }

    fn col_label(&self, table: usize, col: usize) -> String {
        let c = &self.table(table).columns[col];
        format!("`{}` («{}»)", c.key, c.header)
    }

    fn cell_span(&self, table: usize, row: usize, col: usize) -> Span {
        let r = &self.table(table).rows[row];
        r.cell_spans.get(col).cloned().unwrap_or_else(|| r.span.clone())
    }

    fn emit(&mut self, table: usize, row: Option<usize>, column: Option<String>, diag: Diagnostic) {
        self.per_table[table].push(Finding { diag, row, column });
    }

    fn rule_error(&mut self, table: usize, span: Span, message: String, hint: Option<String>) {
        self.rule_finding(table, Code::RuleReference, span, message, hint);
    }

    fn rule_finding(
        &mut self,
        table: usize,
        code: Code,
        span: Span,
        message: String,
        hint: Option<String>,
    ) {
        let mut d = Diagnostic::error(code, message).at(span);
        d.table = Some(self.table(table).id.clone());
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.emit(table, None, None, d);
    }

    /// The table a reference points into (this one by default); AR303 when there is none.
    fn resolve_table(&mut self, table: usize, id: Option<&str>, span: &Span) -> Option<usize> {
        let Some(id) = id else { return Some(table) };
        if let Some(&t) = self.by_id.get(id) {
            return Some(t);
        }
        let ids: BTreeSet<String> = self.by_id.keys().map(|k| k.to_string()).collect();
        let hint = crate::load::nearest(id, &ids).map(|b| tr!(val_did_you_mean_b, b = b));
        self.rule_error(table, span.clone(), tr!(val_there_is_no_table_with, id = id), hint);
        None
    }

    /// Resolves a row reference; AR303 when it names nothing, AR308 when it names several rows.
    fn resolve(&mut self, table: usize, r: &RowRef) -> Option<(usize, usize)> {
        let t = self.resolve_table(table, r.table.as_deref(), &r.span)?;
        self.resolve_in(table, t, &r.row, &r.span, &tr!(val_the_rule))
    }

    /// Resolves `label` in table `t` for a rule of table `table`.
    fn resolve_in(
        &mut self,
        table: usize,
        t: usize,
        label: &str,
        span: &Span,
        who: &str,
    ) -> Option<(usize, usize)> {
        let row_key = self.specs.get(t).and_then(|s| s.row_key.as_deref());
        match find_row(self.table(t), row_key, label) {
            Ok(i) => Some((t, i)),
            Err(RowError::Missing) => {
                let labels = self.table(t).rows.iter().map(|r| r.label());
                let hint = crate::load::yaml::did_you_mean(label, labels)
                    .map(|b| tr!(val_did_you_mean_b_2, b = b));
                let msg = tr!(val_table_has_no_row_label, table = self.table(t).id, label = label);
                self.rule_error(table, span.clone(), msg, hint);
                None
            }
            Err(RowError::Ambiguous(rows)) => {
                self.ambiguous(table, t, label, span, who, &rows);
                None
            }
        }
    }

    /// AR308: `label` names several rows of table `t`.
    fn ambiguous(
        &mut self,
        table: usize,
        t: usize,
        label: &str,
        span: &Span,
        who: &str,
        rows: &[usize],
    ) {
        let tbl = self.table(t);
        let mut d = Diagnostic::error(
            Code::AmbiguousRow,
            tr!(
                val_who_names_the_row_label,
                id = tbl.id,
                rows_len = rows.len(),
                who = who,
                label = label
            ),
        )
        .at(span.clone())
        .with_label(tr!(val_which_row_2))
        .with_note(rows::matches_note(tbl, rows))
        .with_hint(tr!(val_give_the_rows_different_labels_2));
        for &r in rows {
            d.related.push((tbl.rows[r].span.clone(), format!("«{}»", tbl.rows[r].label())));
        }
        d.table = Some(self.table(table).id.clone());
        self.emit(table, None, None, d);
    }

    /// What the cell holds, for a rule. `empty_is_zero` for the parts of sums and transfers.
    fn read(&mut self, table: usize, row: usize, col: usize, empty_is_zero: bool) -> Read {
        let t = self.table(table);
        let r = &t.rows[row];
        let column = &t.columns[col];
        if r.malformed {
            return Read::Blocked(Blocker {
                span: r.span.clone(),
                why: tr!(
                    val_row_has_cells_but_the,
                    row = r.label(),
                    cell_spans_len = r.cell_spans.len(),
                    columns_len = t.columns.len()
                ),
                severity: Severity::Note,
                label: tr!(valz_cells_missing_or_extra),
                note: once_fixed(),
                row_wide: true,
            });
        }
        let read = match r.cells.get(col) {
            Some(Cell::Number(n)) => Read::Figure(n.value),
            Some(Cell::Dash) => Read::Figure(Decimal::ZERO),
            Some(Cell::Empty) | None if empty_is_zero => Read::Figure(Decimal::ZERO),
            Some(Cell::Empty) | None => Read::Empty,
            Some(Cell::NotAvailable) => Read::NotAvailable,
            Some(Cell::Text(text)) => Read::Blocked(Blocker {
                span: self.cell_span(table, row, col),
                why: tr!(val_text_in_row_column_is, row = r.label(), key = column.key, text = text),
                // The loader reports an unreadable figure (AR301); text in a text column is not
                // an error by itself.
                severity: if column.kind == ColumnKind::Number && col > 0 {
                    Severity::Note
                } else {
                    Severity::Error
                },
                label: tr!(valz_not_a_figure),
                note: if column.kind == ColumnKind::Number && col > 0 {
                    once_fixed()
                } else {
                    tr!(valz_a_rule_can_only_use_figures)
                },
                row_wide: false,
            }),
        };
        if matches!(r.cells.get(col), Some(Cell::Number(_) | Cell::Dash)) {
            self.checked.insert((table, row, col));
        }
        read
    }

    /// One finding per rule and blocking cell: the rule cannot be checked here, and why.
    ///
    /// `rule` identifies the rule within its table and code; `target` is the cell the rule would
    /// have checked, `what` says what was not checked ("the sum in column `regnskap`").
    #[allow(clippy::too_many_arguments)]
    fn unchecked(
        &mut self,
        ti: usize,
        code: Code,
        rule: usize,
        rule_span: &Span,
        target: (usize, usize),
        what: String,
        blocker: &Blocker,
    ) {
        let key = (ti, code, rule, blocker.span.file, blocker.span.range.start);
        if !self.blocked.insert(key) {
            return;
        }
        let (row, col) = target;
        let severity = blocker.severity;
        let mut d = self
            .base(
                severity,
                code,
                ti,
                row,
                col,
                tr!(val_what_cannot_be_checked, why = blocker.why, what = what),
            )
            .with_label(blocker.label.clone());
        d.span = Some(blocker.span.clone());
        let target_span = if blocker.row_wide {
            self.table(ti).rows[row].span.clone()
        } else {
            self.cell_span(ti, row, col)
        };
        if target_span != blocker.span {
            d.related.push((target_span, tr!(val_not_checked_2)));
        }
        d = d.with_label_span(rule_span, tr!(val_rule_declared_here_3));
        d.notes.push(blocker.note.clone());
        let key = self.table(ti).columns[col].key.clone();
        self.emit(ti, Some(row), Some(key), d);
    }

    /// AR107: a rule's arithmetic has no exact result at `target`.
    #[allow(clippy::too_many_arguments)]
    fn arithmetic(
        &mut self,
        ti: usize,
        target: (usize, usize),
        rule_span: &Span,
        what: String,
        error: ArithError,
        formula: Option<String>,
    ) {
        let (row, col) = target;
        let mut d = self
            .base(
                Severity::Error,
                Code::Arithmetic,
                ti,
                row,
                col,
                format!("{what} {}", error.what()),
            )
            .with_label(tr!(val_cannot_be_computed))
            .with_hint(error.hint());
        d.formula = formula;
        d = d.with_label_span(rule_span, tr!(val_rule_declared_here_4));
        let key = self.table(ti).columns[col].key.clone();
        self.emit(ti, Some(row), Some(key), d);
    }

    fn scale(&self, table: usize, row: usize, col: usize) -> u32 {
        match self.table(table).rows[row].cells.get(col) {
            Some(Cell::Number(n)) => n.scale,
            _ => 0,
        }
    }

    fn figure_columns(&self, table: usize) -> Vec<usize> {
        self.table(table)
            .columns
            .iter()
            .enumerate()
            .filter(|(i, c)| *i > 0 && c.kind == ColumnKind::Number)
            .map(|(i, _)| i)
            .collect()
    }

    /// Column indices of `keys`; reports AR303 for every key the table does not have.
    fn resolve_columns(&mut self, ti: usize, keys: &[(String, Span)]) -> Vec<usize> {
        keys.iter()
            .filter_map(|(k, span)| match self.col_index(ti, k) {
                Some(c) => Some(c),
                None => {
                    let hint = self.keys_hint(ti);
                    self.rule_error(
                        ti,
                        span.clone(),
                        tr!(val_there_is_no_column_k, k = k),
                        Some(hint),
                    );
                    None
                }
            })
            .collect()
    }

    fn keys_hint(&self, ti: usize) -> String {
        tr!(
            val_the_table_s_column_keys,
            keys = self
                .table(ti)
                .columns
                .iter()
                .map(|c| c.key.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }

    fn base(
        &self,
        severity: Severity,
        code: Code,
        table: usize,
        row: usize,
        col: usize,
        message: String,
    ) -> Diagnostic {
        let t = self.table(table);
        let mut d = Diagnostic::new(severity, code, message).at(self.cell_span(table, row, col));
        d.table = Some(t.id.clone());
        d.row = Some(t.rows[row].label().to_string());
        d.column = Some(self.col_label(table, col));
        d
    }

    fn is_group(&self, table: usize, row: usize) -> bool {
        self.table(table).rows[row].style == RowStyle::Group
    }
}

trait WithLabelSpan {
    fn with_label_span(self, span: &Span, text: impl Into<String>) -> Self;
}

impl WithLabelSpan for Diagnostic {
    fn with_label_span(mut self, span: &Span, text: impl Into<String>) -> Self {
        if span.range.end > span.range.start {
            self.related.push((span.clone(), text.into()));
        }
        self
    }
}
