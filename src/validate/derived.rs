//! AR101 `derived-column` and AR106 `indicator-deviation`: a computed column equals its formula
//! in every row.
//!
//! A row is checked when its computed cell holds a figure (a dash is 0). Group rows and rows whose
//! computed cell is empty or `*` print no figure and are not checked. A cell the formula uses that
//! is empty or `*` leaves the printed figure without a basis: a note says the row is not checked.
//! An unreadable cell gives one "cannot be checked" finding; overflow or a division by zero is
//! AR107.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::arith::{self, EvalError};
use super::cause;
use super::{Checker, Read, WithLabelSpan, fmt_signed, fmt_value, unit_of};
use crate::diag::{Code, Diagnostic, Severity};
use crate::format;
use crate::load::expr;
use crate::model::{Cell, ColumnKind};
use crate::tr;

impl Checker<'_> {
    pub(super) fn check_derived(&mut self, ti: usize) {
        let specs = self.specs;
        for (rule_index, rule) in specs[ti].derived.iter().enumerate() {
            let Some(target) = self.col_index(ti, &rule.target) else {
                let msg =
                    tr!(val_the_formula_computes_a_column, text = rule.text, target = rule.target);
                self.rule_error(ti, rule.span.clone(), msg, Some(self.keys_hint(ti)));
                continue;
            };
            let mut used = Vec::new();
            rule.expr.columns(&mut used);
            let mut cols = Vec::new();
            for key in &used {
                match self.col_index(ti, key) {
                    Some(c) => cols.push((key.clone(), c)),
                    None => {
                        let msg = tr!(val_the_formula_uses_a_column, text = rule.text, key = key);
                        self.rule_error(ti, rule.span.clone(), msg, Some(self.keys_hint(ti)));
                    }
                }
            }
            if cols.len() != used.len() {
                continue;
            }
            let formula = rule.text.split_once('=').map_or("", |x| x.1).trim();
            'rows: for ri in 0..self.table(ti).rows.len() {
                if self.is_group(ti, ri) {
                    continue;
                }
                let found = match self.read(ti, ri, target, false) {
                    Read::Figure(v) => v,
                    Read::Empty | Read::NotAvailable => continue,
                    Read::Blocked(b) => {
                        let what = format!("`{}`", rule.target);
                        self.unchecked(
                            ti,
                            rule.code,
                            rule_index,
                            &rule.span,
                            (ri, target),
                            what,
                            &b,
                        );
                        continue;
                    }
                };
                let mut values = BTreeMap::new();
                for (k, c) in &cols {
                    match self.read(ti, ri, *c, false) {
                        Read::Figure(v) => {
                            values.insert(k.as_str(), v);
                        }
                        Read::Empty | Read::NotAvailable => {
                            self.without_basis(ti, ri, target, *c, rule_index);
                            continue 'rows;
                        }
                        Read::Blocked(b) => {
                            let what = format!("`{}`", rule.target);
                            self.unchecked(
                                ti,
                                rule.code,
                                rule_index,
                                &rule.span,
                                (ri, target),
                                what,
                                &b,
                            );
                            continue 'rows;
                        }
                    }
                }
                let cells = &self.table(ti).rows[ri].cells;
                let show = |k: &str| {
                    cols.iter()
                        .find(|(key, _)| key == k)
                        .and_then(|(_, c)| cells.get(*c))
                        .map(|cell| match cell {
                            Cell::Number(n) => format::decimal(n.value, n.scale, true),
                            other => format::cell(other, ColumnKind::Number),
                        })
                        .unwrap_or_default()
                };
                let shown = expr::show(&rule.expr, &show);
                let computed = arith::eval(&rule.expr, &|k| values.get(k).copied())
                    .and_then(|e| Ok((e, arith::sub(found, e)?)));
                let (expected, diff) = match computed {
                    Ok(x) => x,
                    Err(EvalError::Arith(error)) => {
                        let what = tr!(val_the_formula, text = rule.text);
                        let formula = Some(format!("{formula} = {shown}"));
                        self.arithmetic(ti, (ri, target), &rule.span, what, error, formula);
                        continue;
                    }
                    // Every column the formula uses was read as a figure above.
                    Err(EvalError::Missing(_)) => continue,
                };
                let before = self.per_table[ti].len();
                if !diff.is_zero() {
                    self.derived_finding(ti, ri, target, rule_index, found, expected, diff, shown);
                }
                if let Some((coefficients, constant)) = cause::linear(&rule.expr) {
                    let mut terms = vec![((ti, ri, target), Decimal::ONE)];
                    for (key, coefficient) in coefficients {
                        if let Some((_, c)) = cols.iter().find(|(k, _)| *k == key) {
                            terms.push(((ti, ri, *c), -coefficient));
                        }
                    }
                    let tolerance = Decimal::new(1, self.scale(ti, ri, target).min(28));
                    self.relation(ti, before, rule.code, terms, constant, tolerance);
                }
            }
        }
    }

    /// A note: the computed cell holds a figure, but a cell the formula uses is empty or `*`.
    fn without_basis(&mut self, ti: usize, ri: usize, target: usize, used: usize, rule: usize) {
        let specs = self.specs;
        let spec_rule = &specs[ti].derived[rule];
        let table = self.table(ti);
        let cell = table.rows[ri]
            .cells
            .get(used)
            .map(|c| format::cell(c, ColumnKind::Number))
            .unwrap_or_default();
        let shown = if cell.is_empty() { tr!(valz_empty) } else { format!("«{cell}»") };
        let mut d = self
            .base(
                Severity::Note,
                spec_rule.code,
                ti,
                ri,
                target,
                tr!(
                    val_is_not_checked_in_this,
                    target = spec_rule.target,
                    column = table.columns[used].key,
                    shown = shown
                ),
            )
            .with_label(tr!(val_not_checked))
            .with_label_span(&spec_rule.span, tr!(val_rule_declared_here));
        d.notes.push(tr!(val_the_formula_needs_a_figure, text = spec_rule.text));
        d.hints.push(tr!(val_if_the_figure_is_not));
        let key = spec_rule.target.clone();
        self.emit(ti, Some(ri), Some(key), d);
    }

    #[allow(clippy::too_many_arguments)]
    fn derived_finding(
        &mut self,
        ti: usize,
        ri: usize,
        target: usize,
        rule_index: usize,
        found: Decimal,
        expected: Decimal,
        diff: Decimal,
        shown: String,
    ) {
        let specs = self.specs;
        let rule = &specs[ti].derived[rule_index];
        let formula = rule.text.split_once('=').map_or("", |x| x.1).trim();
        let scale = self.scale(ti, ri, target);
        let unit = unit_of(scale);
        let row = &self.table(ti).rows[ri];
        let mut used = Vec::new();
        rule.expr.columns(&mut used);
        let percent_points = rule.code == Code::IndicatorDeviation
            && used
                .iter()
                .filter_map(|k| self.col_index(ti, k))
                .any(|c| matches!(row.cells.get(c), Some(Cell::Number(n)) if n.percent));
        let rounding = diff.abs() <= unit;
        let (severity, message) = if rounding {
            (Severity::Note, tr!(val_differs_from_its_formula_by, target = rule.target))
        } else if rule.code == Code::IndicatorDeviation {
            (
                Severity::Error,
                tr!(
                    val_the_indicator_s_avvik_is,
                    points = if percent_points { tr!(valz_in_points) } else { String::new() }
                ),
            )
        } else {
            (
                Severity::Error,
                tr!(val_does_not_equal_formula, target = rule.target, formula = formula),
            )
        };
        let mut d: Diagnostic = self.base(severity, rule.code, ti, ri, target, message);
        let shown_scale = scale.max(expected.normalize().scale().min(4));
        d.formula = Some(format!("{formula} = {shown} = {}", fmt_value(expected, shown_scale)));
        d.expected = Some(fmt_value(expected, shown_scale));
        d.found = Some(fmt_value(found, scale));
        d.difference = Some(fmt_signed(diff, shown_scale));
        d.label = Some(if rounding {
            tr!(fix_rounding)
        } else {
            tr!(human_expected, expected = fmt_value(expected, scale))
        });
        if rounding {
            d.notes.push(tr!(val_printed_figures_are_rounded_one));
        } else {
            if percent_points {
                d.notes.push(tr!(val_for_percentages_the_avvik_is));
            }
            d.hints.push(tr!(
                val_correct_the_figure_or_if,
                rule = rule.code.name(),
                row = row.label(),
                target = rule.target
            ));
        }
        d = d.with_label_span(&rule.span, tr!(val_rule_declared_here_2));
        let key = rule.target.clone();
        self.emit(ti, Some(ri), Some(key), d);
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::{Code, Severity};
    use crate::validate::testing::*;

    const COLS: &str = "funksjon;regulert;regnskap;avvik";

    fn check(csv: &str, formula: &str, code: Code) -> crate::validate::Validation {
        let r = report(vec![table("t", COLS, csv)]);
        let mut s = spec(0);
        s.derived.push(derived_as(formula, code));
        run(&r, &[s])
    }

    #[test]
    fn a_consistent_table_has_no_finding() {
        let csv =
            "F;Reg;Regn;Avvik\n100 A;1 200;1 150;50\n110 B;-;40;-40\nGruppe;;;\n120 C;10;10;-\n";
        let v = check(csv, "avvik = regulert - regnskap", Code::Derived);
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
        assert_eq!(v.cells_checked, 9);
    }

    #[test]
    fn a_wrong_figure_is_an_error_at_its_cell_with_the_numbers() {
        let csv = "F;Reg;Regn;Avvik\n100 A;1 200;1 150;60\n";
        let v = check(csv, "avvik = regulert - regnskap", Code::Derived);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Derived, Severity::Error));
        assert_eq!(d.message, "`avvik` does not equal regulert - regnskap");
        assert_eq!(text_at(csv, d), "60");
        assert_eq!(d.row.as_deref(), Some("100 A"));
        assert_eq!(d.column.as_deref(), Some("`avvik` («avvik»)"));
        assert_eq!(d.expected.as_deref(), Some("50"));
        assert_eq!(d.found.as_deref(), Some("60"));
        assert_eq!(d.difference.as_deref(), Some("+10"));
        assert_eq!(
            d.formula.as_deref(),
            Some("regulert - regnskap = 1\u{a0}200 − 1\u{a0}150 = 50")
        );
        assert_eq!(d.related[0], (rule_span("derived"), "rule declared here".to_string()));
    }

    #[test]
    fn one_unit_off_is_a_rounding_note() {
        let csv = "F;Reg;Regn;Avvik\nA;10,4;3,2;7,1\nB;10;3;9\n";
        let v = check(csv, "avvik = regulert - regnskap", Code::Derived);
        let kinds: Vec<_> = v.diagnostics.iter().map(|d| (d.severity, text_at(csv, d))).collect();
        assert_eq!(kinds, [(Severity::Note, "7,1"), (Severity::Error, "9")]);
        assert_eq!(v.diagnostics[0].difference.as_deref(), Some("−0,1"));
        assert_eq!(v.diagnostics[0].label.as_deref(), Some("rounding"));
    }

    #[test]
    fn an_indicator_avvik_is_in_percentage_points() {
        let csv = "I;maltall;resultat;avvik\nA;90 %;89,4 %;-0,6\nB;90 %;85 %;5\n";
        let r = report(vec![table("t", "indikator;maltall;resultat;avvik", csv)]);
        let mut s = spec(0);
        s.derived.push(derived_as("avvik = resultat - maltall", Code::IndicatorDeviation));
        let v = run(&r, &[s]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!(d.code, Code::IndicatorDeviation);
        assert_eq!(
            d.message,
            "the indicator's avvik is not resultat − måltall (in percentage points)"
        );
        assert_eq!((d.expected.as_deref(), d.found.as_deref()), (Some("−5"), Some("5")));
        assert_eq!(d.notes, ["for percentages the avvik is in percentage points"]);
    }

    #[test]
    fn an_unreadable_cell_says_the_row_cannot_be_checked() {
        let csv = "F;Reg;Regn;Avvik\n100 A;1 200;20 00;50\n110 B;1O;5;5\n";
        let v = check(csv, "avvik = regulert - regnskap", Code::Derived);
        assert_eq!(v.diagnostics.len(), 2, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Derived, Severity::Note));
        assert_eq!(
            d.message,
            "`avvik` cannot be checked: «20 00» in row «100 A», column `regnskap`, is not a figure"
        );
        assert_eq!(text_at(csv, d), "20 00");
        assert_eq!(&csv[d.related[0].0.range.clone()], "50");
        assert_eq!(text_at(csv, &v.diagnostics[1]), "1O");
    }

    #[test]
    fn empty_cells_print_no_figure_or_leave_it_without_basis() {
        let csv = "F;Reg;Regn;Avvik\nA;10;3;\nB;10;*;*\nC;;3;7\n";
        let v = check(csv, "avvik = regulert - regnskap", Code::Derived);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Derived, Severity::Note));
        assert_eq!(d.message, "`avvik` is not checked in this row: `regulert` is empty");
        assert_eq!(text_at(csv, d), "7");
    }

    #[test]
    fn division_by_zero_and_overflow_are_arithmetic_errors() {
        let csv = "K;fra;til;endring\nA;5;5;1\nB;1;3;1\n";
        let r = report(vec![table("t", "kategori;fra;til;endring", csv)]);
        let mut s = spec(0);
        s.derived.push(derived("endring = (til - fra) / (til - fra)"));
        let v = run(&r, &[s]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Arithmetic, Severity::Error));
        assert_eq!(d.message, "the formula «endring = (til - fra) / (til - fra)» divides by zero");
        assert_eq!(text_at(csv, d), "1");
        assert_eq!(d.row.as_deref(), Some("A"));
        assert_eq!(d.formula.as_deref(), Some("(til - fra) / (til - fra) = (5 − 5) ÷ (5 − 5)"));

        let big = "79 228 162 514 264 337 593 543 950 335";
        let csv = format!("K;a;b;sum\nA;{big};{big};1\n");
        let r = report(vec![table("t", "kategori;a;b;sum", &csv)]);
        let mut s = spec(0);
        s.derived.push(derived("sum = a + b"));
        let v = run(&r, &[s]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].code, Code::Arithmetic);
        assert_eq!(
            v.diagnostics[0].message,
            "the formula «sum = a + b» is too large to compute exactly"
        );
    }

    #[test]
    fn a_difference_beyond_exact_figures_is_an_arithmetic_error() {
        let big = "79 228 162 514 264 337 593 543 950 335";
        let csv = format!("K;a;b\nA;-{big};{big}\n");
        let r = report(vec![table("t", "kategori;a;b", &csv)]);
        let mut s = spec(0);
        s.derived.push(derived("b = a"));
        let v = run(&r, &[s]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].code, Code::Arithmetic);
    }

    #[test]
    fn a_row_with_missing_cells_is_said_once() {
        let csv = "F;Reg;Regn;Avvik\nA;10;3\nB;10;3;7\n";
        let v = check(csv, "avvik = regulert - regnskap", Code::Derived);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!(d.severity, Severity::Note);
        assert_eq!(
            d.message,
            "`avvik` cannot be checked: row «A» has 3 cells, but the header has 4"
        );
        assert_eq!(text_at(csv, d), "A;10;3");
    }

    #[test]
    fn a_formula_over_a_text_column_is_an_error_not_a_silent_skip() {
        let csv = "F;Reg;Kommentar;Avvik\nA;10;ferdig;7\n";
        let r = report(vec![table("t", "funksjon;regulert;kommentar:text;avvik", csv)]);
        let mut s = spec(0);
        s.derived.push(derived("avvik = regulert - kommentar"));
        let v = run(&r, &[s]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Derived, Severity::Error));
        assert_eq!(text_at(csv, d), "ferdig");
        assert_eq!(d.notes, ["a rule can only use figures, and this column holds text"]);
    }

    #[test]
    fn unknown_columns_are_rule_errors() {
        let v = check("F;Reg;Regn;Avvik\nA;1;1;0\n", "avvik = regulert - regnskapp", Code::Derived);
        let d = &v.diagnostics[0];
        assert_eq!(d.code, Code::RuleReference);
        assert_eq!(
            d.message,
            "the formula «avvik = regulert - regnskapp» uses a column `regnskapp` that the table does not have"
        );
        let v = check("F;Reg;Regn;Avvik\nA;1;1;0\n", "avik = regulert - regnskap", Code::Derived);
        assert_eq!(v.diagnostics[0].code, Code::RuleReference);
    }
}
