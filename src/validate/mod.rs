//! Checking every figure and every relation between tables.
//!
//! Takes the loaded report and the declared rules ([`TableSpec`]); hands on
//! diagnostics (one per finding, all of them), with acknowledgements applied,
//! grouped by table in report order. It also marks sum rows in the model so
//! the renderers print them bold. The rounding model: a derived figure may be
//! off by one unit of its last printed digit, a sum of n parts by n/2 units
//! (at least one); such differences are notes. Transfers must be identical.

mod kostra;
pub mod ranges;
pub mod years;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic, Severity};
use crate::format;
use crate::load::expr;
use crate::load::spec::{LinkRows, Relation, RowRef, SumOf, TableSpec};
use crate::model::{Cell, ColumnKind, Report, RowStyle, Table};
use crate::source::Span;

pub use kostra::KostraCodes;

/// The outcome of validation.
#[derive(Debug, Default)]
pub struct Validation {
    /// Findings, grouped by table.
    pub diagnostics: Vec<Diagnostic>,
    /// Number of distinct figure cells looked at by at least one rule.
    pub cells_checked: usize,
}

/// Folds whitespace for label comparison.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Finds a row of `table` by reference: exact label, row key, or a unique label prefix.
pub fn find_row(
    table: &Table,
    row_key: Option<&str>,
    reference: &str,
) -> Result<usize, Vec<String>> {
    let wanted = norm(reference);
    if let Some(i) = table.rows.iter().position(|r| norm(r.label()) == wanted) {
        return Ok(i);
    }
    if let Some(key) = row_key
        && let Some(col) = table.columns.iter().position(|c| c.key == key)
        && let Some(i) = table.rows.iter().position(|r| match r.cells.get(col) {
            Some(Cell::Text(t)) => norm(t) == wanted,
            Some(Cell::Number(n)) => n.value.to_string() == wanted,
            _ => false,
        })
    {
        return Ok(i);
    }
    let matches: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            let label = norm(r.label());
            label.starts_with(&wanted)
                && label[wanted.len()..].chars().next().is_some_and(|c| !c.is_alphanumeric())
        })
        .map(|(i, _)| i)
        .collect();
    if matches.len() == 1 {
        return Ok(matches[0]);
    }
    Err(table.rows.iter().map(|r| r.label().to_string()).collect())
}

struct Checker<'a> {
    report: &'a Report,
    specs: &'a [TableSpec],
    by_id: BTreeMap<&'a str, usize>,
    out: Vec<Diagnostic>,
    /// (table, row, column) of every figure a rule looked at.
    checked: std::collections::BTreeSet<(usize, usize, usize)>,
    /// Per-table findings before acknowledgement, keyed by (table index).
    per_table: Vec<Vec<Finding>>,
}

/// A finding with the structured place needed to match acknowledgements.
struct Finding {
    diag: Diagnostic,
    row: Option<usize>,
    column: Option<String>,
}

fn unit_of(scale: u32) -> Decimal {
    Decimal::new(1, scale)
}

fn fmt_value(v: Decimal, scale: u32) -> String {
    format::decimal(v, scale, true)
}

fn fmt_signed(v: Decimal, scale: u32) -> String {
    let s = fmt_value(v, scale);
    if v > Decimal::ZERO { format!("+{s}") } else { s }
}

impl<'a> Checker<'a> {
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
        let mut d = Diagnostic::error(Code::RuleReference, message).at(span);
        d.table = Some(self.table(table).id.clone());
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.emit(table, None, None, d);
    }

    /// Resolves a row reference; reports AR303 when it names nothing.
    fn resolve(&mut self, table: usize, r: &RowRef) -> Option<(usize, usize)> {
        let t = match &r.table {
            None => table,
            Some(id) => match self.by_id.get(id.as_str()) {
                Some(&t) => t,
                None => {
                    let ids: std::collections::BTreeSet<String> =
                        self.by_id.keys().map(|k| k.to_string()).collect();
                    let hint =
                        crate::load::nearest(id, &ids).map(|b| format!("did you mean `{b}`?"));
                    self.rule_error(
                        table,
                        r.span.clone(),
                        format!("there is no table with id «{id}»"),
                        hint,
                    );
                    return None;
                }
            },
        };
        let row_key = self.specs[t].row_key.clone();
        match find_row(self.table(t), row_key.as_deref(), &r.row) {
            Ok(i) => Some((t, i)),
            Err(labels) => {
                let hint =
                    crate::load::yaml::did_you_mean(&r.row, labels.iter().map(String::as_str))
                        .map(|b| format!("did you mean «{b}»?"));
                let msg = format!("table `{}` has no row «{}»", self.table(t).id, r.row);
                self.rule_error(table, r.span.clone(), msg, hint);
                None
            }
        }
    }

    fn value(
        &mut self,
        table: usize,
        row: usize,
        col: usize,
        empty_is_zero: bool,
    ) -> Option<Decimal> {
        if self.table(table).rows[row].malformed {
            return None;
        }
        let cell = self.table(table).rows[row].cells.get(col)?;
        let v = cell.value(empty_is_zero);
        if v.is_some() && matches!(cell, Cell::Number(_) | Cell::Dash) {
            self.checked.insert((table, row, col));
        }
        v
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
            .filter(|(_, c)| c.kind == ColumnKind::Number)
            .map(|(i, _)| i)
            .collect()
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

    fn check_derived(&mut self, ti: usize) {
        let spec = &self.specs[ti];
        for rule in &spec.derived {
            let Some(target) = self.col_index(ti, &rule.target) else {
                let msg = format!(
                    "the formula «{}» computes a column `{}` that the table does not have",
                    rule.text, rule.target
                );
                self.rule_error(ti, rule.span.clone(), msg, Some(self.keys_hint(ti)));
                continue;
            };
            let mut used = Vec::new();
            rule.expr.columns(&mut used);
            let mut missing = false;
            for key in &used {
                if self.col_index(ti, key).is_none() {
                    let msg = format!(
                        "the formula «{}» uses a column `{key}` that the table does not have",
                        rule.text
                    );
                    self.rule_error(ti, rule.span.clone(), msg, Some(self.keys_hint(ti)));
                    missing = true;
                }
            }
            if missing {
                continue;
            }
            let cols: Vec<(String, usize)> =
                used.iter().map(|k| (k.clone(), self.col_index(ti, k).unwrap_or(0))).collect();
            for ri in 0..self.table(ti).rows.len() {
                if self.table(ti).rows[ri].style == RowStyle::Group {
                    continue;
                }
                let Some(found) = self.value(ti, ri, target, false) else { continue };
                let mut values = BTreeMap::new();
                let mut all = true;
                for (k, c) in &cols {
                    match self.value(ti, ri, *c, false) {
                        Some(v) => {
                            values.insert(k.clone(), v);
                        }
                        None => all = false,
                    }
                }
                if !all {
                    continue;
                }
                let Some(expected) = expr::eval(&rule.expr, &|k| values.get(k).copied()) else {
                    continue;
                };
                let scale = self.scale(ti, ri, target);
                let diff = found - expected;
                if diff.is_zero() {
                    continue;
                }
                let unit = unit_of(scale);
                let percent_points = rule.code == Code::IndicatorDeviation
                    && cols.iter().any(|(_, c)| matches!(self.table(ti).rows[ri].cells.get(*c), Some(Cell::Number(n)) if n.percent));
                let rounding = diff.abs() <= unit;
                let (severity, message) = if rounding {
                    (
                        Severity::Note,
                        format!("`{}` differs from its formula by one unit: rounding", rule.target),
                    )
                } else if rule.code == Code::IndicatorDeviation {
                    (
                        Severity::Error,
                        format!(
                            "the indicator's avvik is not resultat − måltall{}",
                            if percent_points { " (in percentage points)" } else { "" }
                        ),
                    )
                } else {
                    (
                        Severity::Error,
                        format!(
                            "`{}` does not equal {}",
                            rule.target,
                            rule.text.split_once('=').map_or("", |x| x.1).trim()
                        ),
                    )
                };
                let mut d = self.base(severity, rule.code, ti, ri, target, message);
                let cells = &self.table(ti).rows[ri].cells;
                let show = |k: &str| {
                    cols.iter()
                        .find(|(key, _)| key == k)
                        .map(|(_, c)| match &cells[*c] {
                            Cell::Number(n) => format::decimal(n.value, n.scale, true),
                            other => format::cell(other, ColumnKind::Number),
                        })
                        .unwrap_or_default()
                };
                let shown_scale = scale.max(expected.normalize().scale().min(4));
                d.formula = Some(format!(
                    "{} = {} = {}",
                    rule.text.split_once('=').map_or("", |x| x.1).trim(),
                    expr::show(&rule.expr, &show),
                    fmt_value(expected, shown_scale)
                ));
                d.expected = Some(fmt_value(expected, shown_scale));
                d.found = Some(fmt_value(found, scale));
                d.difference = Some(fmt_signed(diff, shown_scale));
                d.label = Some(if rounding {
                    "rounding".into()
                } else {
                    format!("expected {}", fmt_value(expected, scale))
                });
                if rounding {
                    d.notes.push("printed figures are rounded one by one, so a derived figure may be off by one unit".into());
                } else if percent_points {
                    d.notes.push("for percentages the avvik is in percentage points".into());
                }
                if !rounding {
                    d.hints.push(format!(
                        "correct the figure, or if the published figure is right, acknowledge it in the table's YAML: `acknowledge: [{{rule: {}, row: \"{}\", column: {}, reason: \"…\"}}]`",
                        rule.code.name(),
                        self.table(ti).rows[ri].label(),
                        rule.target
                    ));
                }
                d = d.with_label_span(&rule.span, "rule declared here");
                self.emit(ti, Some(ri), Some(rule.target.clone()), d);
            }
        }
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
                        format!("there is no column `{k}`"),
                        Some(hint),
                    );
                    None
                }
            })
            .collect()
    }

    fn keys_hint(&self, ti: usize) -> String {
        format!(
            "the table's column keys are: {}",
            self.table(ti).columns.iter().map(|c| c.key.as_str()).collect::<Vec<_>>().join(", ")
        )
    }

    /// Resolves the sum rows (same-table sums mark the row as a sum row).
    fn mark_sum_rows(&mut self, ti: usize) -> Vec<Option<usize>> {
        let spec = &self.specs[ti];
        let mut targets = Vec::new();
        for rule in &spec.sums {
            let target = self.resolve(ti, &rule.row).map(|(_, r)| r);
            targets.push(target);
        }
        targets
    }

    fn check_sums(&mut self, ti: usize, targets: &[Option<usize>], sum_rows: &[bool]) {
        let spec = &self.specs[ti];
        for (rule, target) in spec.sums.iter().zip(targets) {
            let Some(target) = *target else { continue };
            // Parts: (table, row).
            let parts: Vec<(usize, usize)> = match &rule.of {
                SumOf::Above => {
                    let mut v = Vec::new();
                    for r in (0..target).rev() {
                        if sum_rows[r] {
                            break;
                        }
                        if self.table(ti).rows[r].style != RowStyle::Group {
                            v.push((ti, r));
                        }
                    }
                    v.reverse();
                    v
                }
                SumOf::All => (0..self.table(ti).rows.len())
                    .filter(|&r| {
                        r < target
                            && !sum_rows[r]
                            && self.table(ti).rows[r].style != RowStyle::Group
                    })
                    .map(|r| (ti, r))
                    .collect(),
                SumOf::Rows(refs) => refs.iter().filter_map(|r| self.resolve(ti, r)).collect(),
                SumOf::Range(from, to) => match (self.resolve(ti, from), self.resolve(ti, to)) {
                    (Some((tf, f)), Some((tt, t))) if tf == ti && tt == ti && f <= t => (f..=t)
                        .filter(|&r| self.table(ti).rows[r].style != RowStyle::Group)
                        .map(|r| (ti, r))
                        .collect(),
                    (Some(_), Some(_)) => {
                        self.rule_error(
                            ti,
                            rule.span.clone(),
                            "a range must run downwards within the same table".into(),
                            None,
                        );
                        continue;
                    }
                    _ => continue,
                },
            };
            if parts.is_empty() {
                self.rule_error(
                    ti,
                    rule.span.clone(),
                    format!("the sum «{}» has no rows to add", rule.row.row),
                    None,
                );
                continue;
            }
            let columns: Vec<usize> = match &rule.columns {
                Some(list) => self.resolve_columns(ti, list),
                None => self.figure_columns(ti),
            };
            if parts.iter().any(|&(t, r)| self.table(t).rows[r].malformed) {
                continue;
            }
            for col in columns {
                let key = self.table(ti).columns[col].key.clone();
                let Some(found) = self.value(ti, target, col, false) else { continue };
                let mut total = Decimal::ZERO;
                let mut terms = Vec::new();
                let mut any = false;
                for &(pt, pr) in &parts {
                    let pc = if pt == ti { Some(col) } else { self.col_index(pt, &key) };
                    let Some(pc) = pc else { continue };
                    if let Some(v) = self.value(pt, pr, pc, true) {
                        if !matches!(self.table(pt).rows[pr].cells[pc], Cell::Empty) {
                            any = true;
                        }
                        total += v;
                        terms.push(fmt_value(v, self.scale(pt, pr, pc)));
                    }
                }
                if !any {
                    continue;
                }
                let diff = found - total;
                if diff.is_zero() {
                    continue;
                }
                let scale = self.scale(ti, target, col);
                let n = parts.len() as i64;
                let tolerance =
                    (unit_of(scale) * Decimal::from(n) / Decimal::from(2)).max(unit_of(scale));
                let rounding = diff.abs() <= tolerance;
                let message = if rounding {
                    format!(
                        "the sum differs from its {n} rows by {}: rounding",
                        fmt_value(diff.abs(), scale)
                    )
                } else {
                    format!("the sum row does not equal the sum of its {n} rows")
                };
                let mut d = self.base(
                    if rounding { Severity::Note } else { Severity::Error },
                    Code::SumRow,
                    ti,
                    target,
                    col,
                    message,
                );
                let shown = if terms.len() > 8 {
                    format!(
                        "{} + … + {} ({} rows)",
                        terms[..3].join(" + "),
                        terms[terms.len() - 2..].join(" + "),
                        terms.len()
                    )
                } else {
                    terms.join(" + ")
                };
                d.formula = Some(format!("{shown} = {}", fmt_value(total, scale)));
                d.expected = Some(fmt_value(total, scale));
                d.found = Some(fmt_value(found, scale));
                d.difference = Some(fmt_signed(diff, scale));
                d.label = Some(if rounding {
                    "rounding".into()
                } else {
                    format!("expected {}", fmt_value(total, scale))
                });
                let cross: Vec<String> = parts
                    .iter()
                    .filter(|(t, _)| *t != ti)
                    .map(|(t, r)| {
                        format!("«{}» in `{}`", self.table(*t).rows[*r].label(), self.table(*t).id)
                    })
                    .collect();
                if !cross.is_empty() {
                    d.notes.push(format!("adds {}", cross.join(", ")));
                }
                if rounding {
                    d.notes.push(format!(
                        "printed figures are rounded one by one; a sum of {n} rows may differ by up to {} units",
                        fmt_value(Decimal::from(n) / Decimal::from(2), 1)
                    ));
                } else {
                    d.hints.push(format!(
                        "check the rows and the sum; if the published figure is right, acknowledge it: `{{rule: sum-row, row: \"{}\", column: {key}, reason: \"…\"}}`",
                        self.table(ti).rows[target].label()
                    ));
                }
                d = d.with_label_span(&rule.span, "sum declared here");
                self.emit(ti, Some(target), Some(key), d);
            }
        }
    }

    fn check_links(&mut self, ti: usize) {
        let spec = &self.specs[ti];
        for link in &spec.links {
            let Some(&other) = self.by_id.get(link.to.as_str()) else {
                let ids: std::collections::BTreeSet<String> =
                    self.by_id.keys().map(|k| k.to_string()).collect();
                let hint =
                    crate::load::nearest(&link.to, &ids).map(|b| format!("did you mean `{b}`?"));
                self.rule_error(
                    ti,
                    link.to_span.clone(),
                    format!("there is no table with id «{}»", link.to),
                    hint,
                );
                continue;
            };
            let pairs: Vec<(usize, usize)> = match &link.rows {
                LinkRows::Same => {
                    let mut v = Vec::new();
                    for r in 0..self.table(ti).rows.len() {
                        if self.table(ti).rows[r].style == RowStyle::Group {
                            continue;
                        }
                        let label = norm(self.table(ti).rows[r].label());
                        if let Some(o) =
                            self.table(other).rows.iter().position(|x| norm(x.label()) == label)
                        {
                            v.push((r, o));
                        }
                    }
                    v
                }
                LinkRows::Pairs(list) => list
                    .iter()
                    .filter_map(|(a, b)| {
                        let a = self.resolve(ti, a)?;
                        let b = RowRef { table: Some(link.to.clone()), ..b.clone() };
                        let b = self.resolve(ti, &b)?;
                        Some((a.1, b.1))
                    })
                    .collect(),
            };
            let columns: Vec<(usize, usize)> = match &link.columns {
                Some(list) => list
                    .iter()
                    .filter_map(|(a, b, span)| {
                        match (self.col_index(ti, a), self.col_index(other, b)) {
                            (Some(x), Some(y)) => Some((x, y)),
                            (None, _) => {
                                let hint = self.keys_hint(ti);
                                self.rule_error(
                                    ti,
                                    span.clone(),
                                    format!("there is no column `{a}` in this table"),
                                    Some(hint),
                                );
                                None
                            }
                            (_, None) => {
                                let hint = self.keys_hint(other);
                                self.rule_error(
                                    ti,
                                    span.clone(),
                                    format!("table `{}` has no column `{b}`", link.to),
                                    Some(hint),
                                );
                                None
                            }
                        }
                    })
                    .collect(),
                None => self
                    .figure_columns(ti)
                    .into_iter()
                    .filter_map(|c| {
                        let key = &self.table(ti).columns[c].key;
                        self.col_index(other, key).map(|o| (c, o))
                    })
                    .collect(),
            };
            for &(r, o) in &pairs {
                for &(c, oc) in &columns {
                    let a_empty =
                        matches!(self.table(ti).rows[r].cells.get(c), Some(Cell::Empty) | None);
                    let b_empty =
                        matches!(self.table(other).rows[o].cells.get(oc), Some(Cell::Empty) | None);
                    if a_empty && b_empty {
                        continue;
                    }
                    let (Some(a), Some(b)) =
                        (self.value(ti, r, c, true), self.value(other, o, oc, true))
                    else {
                        continue;
                    };
                    let ok = match link.relation {
                        Relation::Eq => a == b,
                        Relation::Ge => a >= b,
                        Relation::Le => a <= b,
                    };
                    if ok {
                        continue;
                    }
                    let scale = self.scale(ti, r, c).max(self.scale(other, o, oc));
                    let other_row = self.table(other).rows[o].label().to_string();
                    let (code, message) = match link.relation {
                        Relation::Eq => (
                            Code::Transfer,
                            format!(
                                "the figure is transferred to `{}` («{other_row}»), but the two differ",
                                link.to
                            ),
                        ),
                        _ => (
                            Code::Comparison,
                            format!(
                                "this figure should be {} the one in `{}` («{other_row}»)",
                                if link.relation == Relation::Ge { "at least" } else { "at most" },
                                link.to
                            ),
                        ),
                    };
                    let mut d = self.base(Severity::Error, code, ti, r, c, message);
                    d.formula = Some(format!(
                        "{} {} {}",
                        fmt_value(a, scale),
                        link.relation.symbol(),
                        fmt_value(b, scale)
                    ));
                    d.expected = Some(fmt_value(b, scale));
                    d.found = Some(fmt_value(a, scale));
                    if link.relation == Relation::Eq {
                        d.difference = Some(fmt_signed(a - b, scale));
                        d.notes.push("a transferred figure is a copy and must be identical; rounding does not apply".into());
                    }
                    d.related.push((
                        self.table(other).rows[o].span.clone(),
                        format!("«{other_row}» in `{}`", link.to),
                    ));
                    d.hints.push(format!(
                        "correct one of the two, or acknowledge it: `{{rule: {}, row: \"{}\", column: {}, reason: \"…\"}}`",
                        code.name(),
                        self.table(ti).rows[r].label(),
                        self.table(ti).columns[c].key
                    ));
                    let key = self.table(ti).columns[c].key.clone();
                    self.emit(ti, Some(r), Some(key), d);
                }
            }
        }
    }

    fn check_totals(&mut self, ti: usize) {
        let spec = &self.specs[ti];
        for total in &spec.totals {
            if let Some(cols) = &total.columns {
                let idx: Vec<usize> = self.resolve_columns(ti, cols);
                if idx.len() != cols.len() {
                    continue;
                }
                let rows: Vec<usize> = match &total.rows {
                    Some(refs) => {
                        refs.iter().filter_map(|r| self.resolve(ti, r).map(|x| x.1)).collect()
                    }
                    None => (0..self.table(ti).rows.len()).collect(),
                };
                for r in rows {
                    let values: Vec<Option<Decimal>> =
                        idx.iter().map(|&c| self.value(ti, r, c, false)).collect();
                    if values.iter().any(Option::is_none) {
                        continue;
                    }
                    let sum: Decimal = values.iter().flatten().sum();
                    let scale = idx.iter().map(|&c| self.scale(ti, r, c)).max().unwrap_or(0);
                    let first = idx[0];
                    self.total_finding(
                        ti,
                        r,
                        first,
                        sum,
                        total.equals,
                        idx.len(),
                        scale,
                        &total.span,
                        values.iter().flatten().map(|v| fmt_value(*v, scale)).collect(),
                    );
                }
            } else if let Some(refs) = &total.rows {
                let rows: Vec<usize> =
                    refs.iter().filter_map(|r| self.resolve(ti, r).map(|x| x.1)).collect();
                if rows.len() != refs.len() {
                    continue;
                }
                for c in self.figure_columns(ti) {
                    let values: Vec<Option<Decimal>> =
                        rows.iter().map(|&r| self.value(ti, r, c, false)).collect();
                    if values.iter().any(Option::is_none) {
                        continue;
                    }
                    let sum: Decimal = values.iter().flatten().sum();
                    let scale = rows.iter().map(|&r| self.scale(ti, r, c)).max().unwrap_or(0);
                    let last = *rows.last().unwrap_or(&0);
                    self.total_finding(
                        ti,
                        last,
                        c,
                        sum,
                        total.equals,
                        rows.len(),
                        scale,
                        &total.span,
                        values.iter().flatten().map(|v| fmt_value(*v, scale)).collect(),
                    );
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn total_finding(
        &mut self,
        ti: usize,
        r: usize,
        c: usize,
        sum: Decimal,
        equals: Decimal,
        n: usize,
        scale: u32,
        span: &Span,
        terms: Vec<String>,
    ) {
        let diff = sum - equals;
        if diff.is_zero() {
            return;
        }
        let unit = unit_of(scale);
        let tolerance = (unit * Decimal::from(n as i64) / Decimal::from(2)).max(unit);
        let rounding = diff.abs() <= tolerance;
        let message = if rounding {
            format!(
                "the shares add up to {}, not {}: rounding",
                fmt_value(sum, scale),
                fmt_value(equals, 0)
            )
        } else {
            format!(
                "the shares should add up to {}, but add up to {}",
                fmt_value(equals, 0),
                fmt_value(sum, scale)
            )
        };
        let mut d = self.base(
            if rounding { Severity::Note } else { Severity::Error },
            Code::Total,
            ti,
            r,
            c,
            message,
        );
        d.formula = Some(format!("{} = {}", terms.join(" + "), fmt_value(sum, scale)));
        d.expected = Some(fmt_value(equals, scale));
        d.found = Some(fmt_value(sum, scale));
        d.difference = Some(fmt_signed(diff, scale));
        d = d.with_label_span(span, "total declared here");
        let key = self.table(ti).columns[c].key.clone();
        self.emit(ti, Some(r), Some(key), d);
    }

    fn check_kostra(&mut self, ti: usize, codes: &KostraCodes, year: i32) {
        if !self.specs[ti].kostra {
            return;
        }
        for r in 0..self.table(ti).rows.len() {
            let label = self.table(ti).rows[r].label().to_string();
            let Some(code) = kostra::leading_code(&label) else { continue };
            match codes.status(code, year) {
                kostra::Status::Valid => {}
                kostra::Status::Unknown => {
                    let mut d = Diagnostic::warning(
                        Code::KostraUnknown,
                        format!("{code} is not a KOSTRA function in {year}"),
                    )
                    .at(self.table(ti).rows[r].span.clone());
                    d.table = Some(self.table(ti).id.clone());
                    d.row = Some(label.clone());
                    d.hints.push("check the function code against the year's KOSTRA list (data/kostra-funksjoner.csv)".into());
                    self.emit(ti, Some(r), None, d);
                }
                kostra::Status::Expired { until, replaced_by } => {
                    let mut d = Diagnostic::note(
                        Code::KostraExpired,
                        format!(
                            "KOSTRA function {code} was used until {until}{}",
                            replaced_by
                                .map(|r| format!(" and is replaced by {r}"))
                                .unwrap_or_default()
                        ),
                    )
                    .at(self.table(ti).rows[r].span.clone());
                    d.table = Some(self.table(ti).id.clone());
                    d.row = Some(label.clone());
                    self.emit(ti, Some(r), None, d);
                }
                kostra::Status::NotYet { from } => {
                    let mut d = Diagnostic::warning(
                        Code::KostraUnknown,
                        format!("KOSTRA function {code} is valid only from {from}"),
                    )
                    .at(self.table(ti).rows[r].span.clone());
                    d.table = Some(self.table(ti).id.clone());
                    d.row = Some(label.clone());
                    self.emit(ti, Some(r), None, d);
                }
            }
        }
    }
}

trait WithLabelSpan {
    fn with_label_span(self, span: &Span, text: &str) -> Self;
}

impl WithLabelSpan for Diagnostic {
    fn with_label_span(mut self, span: &Span, text: &str) -> Self {
        if span.range.end > span.range.start {
            self.related.push((span.clone(), text.to_string()));
        }
        self
    }
}

/// Validates the report; marks sum rows in it.
pub fn validate(
    report: &mut Report,
    specs: &[TableSpec],
    kostra: &KostraCodes,
    load_diagnostics: &mut Vec<Diagnostic>,
) -> Validation {
    let by_id = report.tables.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let mut checker = Checker {
        report,
        specs,
        by_id,
        out: Vec::new(),
        checked: Default::default(),
        per_table: (0..report.tables.len()).map(|_| Vec::new()).collect(),
    };
    let year = report.meta.year;
    // Sum rows first: "above" stops at the previous sum row of the same table.
    let mut all_targets = Vec::new();
    let mut sum_rows = Vec::new();
    for (ti, spec) in specs.iter().enumerate().take(report.tables.len()) {
        let targets = checker.mark_sum_rows(ti);
        let mut flags = vec![false; report.tables[ti].rows.len()];
        for (rule, t) in spec.sums.iter().zip(&targets) {
            let cross_only = matches!(&rule.of, SumOf::Rows(refs) if !refs.is_empty() && refs.iter().all(|r| r.table.is_some()));
            if let Some(t) = t
                && !cross_only
            {
                flags[*t] = true;
            }
        }
        all_targets.push(targets);
        sum_rows.push(flags);
    }
    for ti in 0..report.tables.len() {
        checker.check_derived(ti);
        checker.check_sums(ti, &all_targets[ti], &sum_rows[ti]);
        checker.check_links(ti);
        checker.check_totals(ti);
        checker.check_kostra(ti, kostra, year);
    }
    // Acknowledgements and cell-format findings from loading, per table.
    let mut load_by_table: Vec<Vec<Diagnostic>> =
        (0..report.tables.len()).map(|_| Vec::new()).collect();
    let mut rest = Vec::new();
    for d in load_diagnostics.drain(..) {
        match d.table.as_deref().and_then(|id| checker.by_id.get(id)) {
            Some(&ti) if d.code == Code::CellFormat => load_by_table[ti].push(d),
            _ => rest.push(d),
        }
    }
    let per_table = std::mem::take(&mut checker.per_table);
    let mut out = rest;
    for (ti, (mut findings, load)) in per_table.into_iter().zip(load_by_table).enumerate() {
        for d in load {
            let row = d
                .row
                .as_deref()
                .and_then(|l| report.tables[ti].rows.iter().position(|r| r.label() == l));
            let column = d.column.clone();
            findings.insert(0, Finding { diag: d, row, column });
        }
        let acks = &specs[ti].acknowledge;
        let mut used = vec![false; acks.len()];
        for f in findings.iter_mut() {
            for (ai, ack) in acks.iter().enumerate() {
                if ack.code != f.diag.code {
                    continue;
                }
                if let Some(row) = &ack.row {
                    let wanted =
                        find_row(&report.tables[ti], specs[ti].row_key.as_deref(), row).ok();
                    if wanted.is_none() || wanted != f.row {
                        continue;
                    }
                }
                if let Some(col) = &ack.column
                    && f.column.as_deref() != Some(col.as_str())
                {
                    continue;
                }
                f.diag.acknowledged = Some(ack.reason.clone());
                used[ai] = true;
                break;
            }
        }
        for (ai, ack) in acks.iter().enumerate() {
            if !used[ai] {
                let mut d = Diagnostic::warning(Code::UnusedAcknowledgement, format!("this acknowledgement of `{}` matches no finding", ack.code.name()))
                    .at(ack.span.clone())
                    .with_hint("the figures may have been corrected: remove the acknowledgement, or check its rule, row and column");
                d.table = Some(report.tables[ti].id.clone());
                out.push(d);
            }
        }
        out.extend(findings.into_iter().map(|f| f.diag));
    }
    let cells_checked = checker.checked.len();
    checker.out = Vec::new();
    // Mark sum rows for the renderers.
    for (ti, flags) in sum_rows.iter().enumerate() {
        for (ri, is_sum) in flags.iter().enumerate() {
            if *is_sum {
                report.tables[ti].rows[ri].style = RowStyle::Sum;
            }
        }
    }
    Validation { diagnostics: out, cells_checked }
}
