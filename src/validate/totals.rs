//! AR105 `total`: shares add up to their declared total (100 %), across columns in every row or
//! down rows in every figure column.
//!
//! A row (or column) whose shares are all empty or `*` has no shares and is not checked. One with
//! some shares and an empty or `*` one is not checked either, with a note saying which cell is
//! missing. An unreadable share gives one "cannot be checked" finding.

use rust_decimal::Decimal;

use super::arith;
use super::{Checker, Read, WithLabelSpan, fmt_signed, fmt_value};
use crate::diag::{Code, Severity};
use crate::load::spec::TotalRule;
use crate::tr;

/// The shares of one row or column.
enum Shares {
    /// All empty or `*`.
    None,
    /// Every share is a figure.
    Figures(Vec<Decimal>),
    /// The share at this index (in the cells given) is empty or `*`, others are figures.
    Gap(usize),
}

impl Checker<'_> {
    /// Reads the shares at `cells` (table `ti`); `None` when one blocks the rule (reported).
    fn shares(
        &mut self,
        ti: usize,
        rule: usize,
        cells: &[(usize, usize)],
        target: (usize, usize),
    ) -> Option<Shares> {
        let specs = self.specs;
        let span = &specs[ti].totals[rule].span;
        let mut values = Vec::new();
        let mut gap = None;
        for (i, &(r, c)) in cells.iter().enumerate() {
            match self.read(ti, r, c, false) {
                Read::Figure(v) => values.push(v),
                Read::Empty | Read::NotAvailable => {
                    gap.get_or_insert(i);
                }
                Read::Blocked(b) => {
                    self.unchecked(ti, Code::Total, rule, span, target, tr!(val_the_total), &b);
                    return None;
                }
            }
        }
        Some(match gap {
            Some(_) if values.is_empty() => Shares::None,
            Some(i) => Shares::Gap(i),
            None => Shares::Figures(values),
        })
    }

    pub(super) fn check_totals(&mut self, ti: usize) {
        let specs = self.specs;
        for (rule_index, total) in specs[ti].totals.iter().enumerate() {
            // Across columns, in the given rows or every row.
            if let Some(cols) = &total.columns {
                let idx: Vec<usize> = self.resolve_columns(ti, cols);
                if idx.len() != cols.len() || idx.is_empty() {
                    continue;
                }
                let rows: Vec<usize> = match &total.rows {
                    Some(refs) => {
                        let resolved: Vec<_> = refs.iter().map(|r| self.resolve(ti, r)).collect();
                        if resolved.iter().any(Option::is_none) {
                            continue;
                        }
                        resolved.into_iter().flatten().map(|x| x.1).collect()
                    }
                    None => {
                        (0..self.table(ti).rows.len()).filter(|&r| !self.is_group(ti, r)).collect()
                    }
                };
                for r in rows {
                    let cells: Vec<(usize, usize)> = idx.iter().map(|&c| (r, c)).collect();
                    self.check_total(ti, rule_index, total, &cells, (r, idx[0]));
                }
            } else if let Some(refs) = &total.rows {
                // Down rows, in every figure column.
                let resolved: Vec<_> = refs.iter().map(|r| self.resolve(ti, r)).collect();
                if resolved.iter().any(Option::is_none) || resolved.is_empty() {
                    continue;
                }
                let rows: Vec<usize> = resolved.into_iter().flatten().map(|x| x.1).collect();
                let last = rows[rows.len() - 1];
                for c in self.figure_columns(ti) {
                    let cells: Vec<(usize, usize)> = rows.iter().map(|&r| (r, c)).collect();
                    self.check_total(ti, rule_index, total, &cells, (last, c));
                }
            }
        }
    }

    fn check_total(
        &mut self,
        ti: usize,
        rule_index: usize,
        total: &TotalRule,
        cells: &[(usize, usize)],
        at: (usize, usize),
    ) {
        let values = match self.shares(ti, rule_index, cells, at) {
            None | Some(Shares::None) => return,
            Some(Shares::Gap(i)) => {
                let (r, c) = cells[i];
                let t = self.table(ti);
                let mut d = self
                    .base(
                        Severity::Note,
                        Code::Total,
                        ti,
                        r,
                        c,
                        tr!(
                            val_the_total_is_not_checked,
                            row = t.rows[r].label(),
                            column = t.columns[c].key
                        ),
                    )
                    .with_label(tr!(val_no_share))
                    .with_label_span(&total.span, tr!(val_total_declared_here));
                d.notes.push(tr!(val_the_shares_are_added_only));
                let key = t.columns[at.1].key.clone();
                self.emit(ti, Some(at.0), Some(key), d);
                return;
            }
            Some(Shares::Figures(v)) => v,
        };
        let scale = cells.iter().map(|&(r, c)| self.scale(ti, r, c)).max().unwrap_or(0);
        let terms: Vec<String> = values.iter().map(|v| fmt_value(*v, scale)).collect();
        let computed = arith::sum(values.iter().copied())
            .and_then(|sum| Ok((sum, arith::sub(sum, total.equals)?)));
        let (sum, diff) = match computed {
            Ok(x) => x,
            Err(error) => {
                let formula = Some(terms.join(" + "));
                self.arithmetic(
                    ti,
                    at,
                    &total.span,
                    tr!(val_the_total_of_the_shares),
                    error,
                    formula,
                );
                return;
            }
        };
        if diff.is_zero() {
            return;
        }
        let (r, c) = at;
        let rounding = diff.abs() <= arith::sum_tolerance(scale, values.len());
        let equals = total.equals;
        let message = if rounding {
            tr!(val_the_shares_add_up_to, sum = fmt_value(sum, scale), total = fmt_value(equals, 0))
        } else {
            tr!(
                val_the_shares_should_add_up,
                total = fmt_value(equals, 0),
                sum = fmt_value(sum, scale)
            )
        };
        let severity = if rounding { Severity::Note } else { Severity::Error };
        let mut d = self.base(severity, Code::Total, ti, r, c, message);
        d.formula = Some(format!("{} = {}", terms.join(" + "), fmt_value(sum, scale)));
        d.expected = Some(fmt_value(equals, scale));
        d.found = Some(fmt_value(sum, scale));
        d.difference = Some(fmt_signed(diff, scale));
        d = d.with_label_span(&total.span, tr!(val_total_declared_here_2));
        let key = self.table(ti).columns[c].key.clone();
        self.emit(ti, Some(r), Some(key), d);
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::{Code, Severity};
    use crate::validate::testing::*;

    const COLS: &str = "gruppe;menn;kvinner";

    fn check(csv: &str, rule: crate::load::spec::TotalRule) -> crate::validate::Validation {
        let r = report(vec![table("t", COLS, csv)]);
        let mut s = spec(0);
        s.totals.push(rule);
        run(&r, &[s])
    }

    #[test]
    fn shares_that_add_up_have_no_finding() {
        let csv = "G;M;K\nOverskrift;;\nA;40 %;60 %\nB;-;100 %\nC;*;*\n";
        assert!(check(csv, total_across(&["menn", "kvinner"], 100)).diagnostics.is_empty());
    }

    #[test]
    fn shares_that_do_not_add_up_are_an_error_at_the_first_share() {
        let csv = "G;M;K\nA;40 %;50 %\n";
        let v = check(csv, total_across(&["menn", "kvinner"], 100));
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Total, Severity::Error));
        assert_eq!(d.message, "the shares should add up to 100, but add up to 90");
        assert_eq!(text_at(csv, d), "40 %");
        assert_eq!(d.formula.as_deref(), Some("40 + 50 = 90"));
        assert_eq!(
            (d.expected.as_deref(), d.found.as_deref(), d.difference.as_deref()),
            (Some("100"), Some("90"), Some("−10"))
        );
    }

    #[test]
    fn rounded_shares_are_a_note() {
        let csv = "G;M;K\nA;33,3 %;66,6 %\n";
        let v = check(csv, total_across(&["menn", "kvinner"], 100));
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].severity, Severity::Note);
        assert_eq!(v.diagnostics[0].message, "the shares add up to 99,9, not 100: rounding");
    }

    #[test]
    fn shares_down_rows_are_checked_in_every_figure_column() {
        let csv = "G;M;K\nKorttid;30;50\nLangtid;70;40\nAndre;5;5\n";
        let v = check(csv, total_down(&["Korttid", "Langtid"], 100));
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!(text_at(csv, d), "40");
        assert_eq!(d.column.as_deref(), Some("`kvinner` («kvinner»)"));
        assert_eq!(d.found.as_deref(), Some("90"));
    }

    #[test]
    fn a_missing_share_is_a_note_and_an_unreadable_one_cannot_be_checked() {
        let csv = "G;M;K\nA;40 %;\nB;4O %;60 %\n";
        let v = check(csv, total_across(&["menn", "kvinner"], 100));
        let found: Vec<_> =
            v.diagnostics.iter().map(|d| (d.code, d.severity, text_at(csv, d))).collect();
        assert_eq!(
            found,
            [(Code::Total, Severity::Note, ""), (Code::Total, Severity::Note, "4O %")],
            "{:#?}",
            v.diagnostics
        );
        assert_eq!(
            v.diagnostics[0].message,
            "the total is not checked here: row «A», column `kvinner` has no share"
        );
    }

    #[test]
    fn a_total_beyond_exact_figures_is_an_arithmetic_error() {
        let big = "79 228 162 514 264 337 593 543 950 335";
        let csv = format!("G;M;K\nA;{big};{big}\n");
        let v = check(&csv, total_across(&["menn", "kvinner"], 100));
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].code, Code::Arithmetic);
        assert_eq!(
            v.diagnostics[0].message,
            "the total of the shares is too large to compute exactly"
        );
    }
}
