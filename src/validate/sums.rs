//! AR102 `sum-row`: a sum row equals the sum of its rows, in every figure column it covers.
//!
//! The parts are the ordinary rows above (back to the previous sum row), every ordinary row
//! above, a list of rows (possibly in other tables) or a range. In each column: a sum cell that
//! is empty or `*` prints no figure and is not checked; an empty part counts as zero; a part that
//! is `*` or unreadable means the column cannot be checked, and one finding says so.

use rust_decimal::Decimal;

use super::arith::{self, ArithError};
use super::{Blocker, Checker, Read, WithLabelSpan, fmt_signed, fmt_value};
use crate::diag::{Code, Diagnostic, Severity};
use crate::load::spec::{SumOf, SumRule};
use crate::source::Span;
use crate::tr;

/// The figures of one column of a sum.
struct Column {
    total: Decimal,
    terms: Vec<String>,
}

impl Checker<'_> {
    /// The rows a sum adds, as (table, row); `None` when the rule cannot be resolved (reported).
    fn sum_parts(
        &mut self,
        ti: usize,
        rule: &SumRule,
        target: usize,
    ) -> Option<Vec<(usize, usize)>> {
        let sum_rows = &self.sum_rows[ti];
        let table = self.table(ti);
        let ordinary = |r: usize| !sum_rows[r] && !self.is_group(ti, r);
        let parts = match &rule.of {
            SumOf::Above => {
                let start = (0..target).rev().find(|&r| sum_rows[r]).map_or(0, |r| r + 1);
                (start..target).filter(|&r| !self.is_group(ti, r)).map(|r| (ti, r)).collect()
            }
            SumOf::All => (0..target.min(table.rows.len()))
                .filter(|&r| ordinary(r))
                .map(|r| (ti, r))
                .collect(),
            SumOf::Rows(refs) => {
                let resolved: Vec<_> = refs.iter().map(|r| self.resolve(ti, r)).collect();
                if resolved.iter().any(Option::is_none) {
                    return None;
                }
                resolved.into_iter().flatten().collect()
            }
            SumOf::Range(from, to) => match (self.resolve(ti, from), self.resolve(ti, to)) {
                (Some((tf, f)), Some((tt, t))) if tf == ti && tt == ti && f <= t => {
                    (f..=t).filter(|&r| !self.is_group(ti, r)).map(|r| (ti, r)).collect()
                }
                (Some(_), Some(_)) => {
                    self.rule_error(
                        ti,
                        rule.span.clone(),
                        tr!(val_a_range_must_run_downwards),
                        None,
                    );
                    return None;
                }
                _ => return None,
            },
        };
        Some(parts)
    }

    pub(super) fn check_sums(&mut self, ti: usize) {
        let specs = self.specs;
        for (rule_index, rule) in specs[ti].sums.iter().enumerate() {
            let Some((tt, target)) = self.resolve(ti, &rule.row) else { continue };
            if tt != ti {
                self.rule_error(
                    ti,
                    rule.row.span.clone(),
                    tr!(val_the_sum_row_must_be, row = rule.row.row),
                    Some(tr!(val_name_another_table_s_rows)),
                );
                continue;
            }
            let Some(parts) = self.sum_parts(ti, rule, target) else { continue };
            if parts.is_empty() {
                self.rule_error(
                    ti,
                    rule.span.clone(),
                    tr!(val_the_sum_has_no_rows, row = rule.row.row),
                    None,
                );
                continue;
            }
            self.check_range_label(ti, target, &parts, &rule.span);
            let columns: Vec<usize> = match &rule.columns {
                Some(list) => self.resolve_columns(ti, list),
                None => self.figure_columns(ti),
            };
            // Another table that the sum adds must have each column.
            let mut missing = false;
            for &col in &columns {
                let key = &self.table(ti).columns[col].key;
                let mut tables: Vec<usize> =
                    parts.iter().map(|p| p.0).filter(|&t| t != ti).collect();
                tables.dedup();
                for t in tables {
                    if self.col_index(t, key).is_none() {
                        let msg =
                            tr!(val_the_sum_adds_rows_of, table = self.table(t).id, key = key);
                        let hint = Some(tr!(val_limit_the_sum_to_the));
                        self.rule_error(ti, rule.span.clone(), msg, hint);
                        missing = true;
                    }
                }
            }
            if missing {
                continue;
            }
            for col in columns {
                self.check_sum_column(ti, rule_index, target, col, &parts);
            }
        }
    }

    /// A sum row whose label states a range («Sum 67 år +») must add exactly that range.
    fn check_range_label(
        &mut self,
        ti: usize,
        target: usize,
        parts: &[(usize, usize)],
        rule_span: &Span,
    ) {
        let label = self.table(ti).rows[target].label().to_string();
        let part_labels: Vec<&str> =
            parts.iter().map(|&(t, r)| self.table(t).rows[r].label()).collect();
        let Some(problem) = super::ranges::mismatch(&label, &part_labels) else { return };
        let mut d = Diagnostic::warning(
            Code::RangeLabel,
            tr!(val_the_sum_row_label_does, label = label, problem = problem),
        )
        .at(self.cell_span(ti, target, 0))
        .with_label(tr!(val_the_label))
        .with_label_span(rule_span, tr!(val_parts_declared_here))
        .with_hint(tr!(val_declare_the_sum_as_its));
        d.table = Some(self.table(ti).id.clone());
        d.row = Some(label);
        self.emit(ti, Some(target), None, d);
    }

    fn check_sum_column(
        &mut self,
        ti: usize,
        rule_index: usize,
        target: usize,
        col: usize,
        parts: &[(usize, usize)],
    ) {
        let specs = self.specs;
        let rule = &specs[ti].sums[rule_index];
        let key = self.table(ti).columns[col].key.clone();
        let label = self.table(ti).rows[target].label();
        // A row with the wrong number of cells stops the whole sum, not one column.
        let what = |b: &Blocker| {
            if b.row_wide {
                tr!(val_the_sum_label, label = label)
            } else {
                tr!(val_the_sum_in_column_key, key = key)
            }
        };
        let blocked = |this: &mut Self, b: &Blocker| {
            this.unchecked(ti, Code::SumRow, rule_index, &rule.span, (target, col), what(b), b);
        };
        let found = match self.read(ti, target, col, false) {
            Read::Figure(v) => v,
            Read::Empty | Read::NotAvailable => return,
            Read::Blocked(b) => {
                blocked(self, &b);
                return;
            }
        };
        let mut column = Column { total: Decimal::ZERO, terms: Vec::new() };
        let mut cells = vec![((ti, target, col), Decimal::ONE)];
        for &(pt, pr) in parts {
            let pc = if pt == ti { col } else { self.col_index(pt, &key).unwrap_or(col) };
            cells.push(((pt, pr, pc), Decimal::NEGATIVE_ONE));
            let v = match self.read(pt, pr, pc, true) {
                Read::Figure(v) => v,
                Read::NotAvailable => {
                    let b = Blocker {
                        span: self.cell_span(pt, pr, pc),
                        why: tr!(val_row_is_not_available, row = self.table(pt).rows[pr].label()),
                        severity: Severity::Note,
                        label: tr!(valz_not_available),
                        note: tr!(valz_sum_not_available),
                        row_wide: false,
                    };
                    blocked(self, &b);
                    return;
                }
                Read::Blocked(b) => {
                    blocked(self, &b);
                    return;
                }
                // An empty part is read as zero.
                Read::Empty => Decimal::ZERO,
            };
            column.terms.push(fmt_value(v, self.scale(pt, pr, pc)));
            match arith::sum([column.total, v]) {
                Ok(total) => column.total = total,
                Err(error) => {
                    return self.sum_overflow(ti, rule_index, target, col, &column, error);
                }
            }
        }
        let diff = match arith::sub(found, column.total) {
            Ok(d) => d,
            Err(error) => return self.sum_overflow(ti, rule_index, target, col, &column, error),
        };
        let before = self.per_table[ti].len();
        if !diff.is_zero() {
            self.sum_finding(ti, rule_index, target, col, parts, &column, found, diff);
        }
        let tolerance = arith::sum_tolerance(self.scale(ti, target, col), parts.len());
        self.relation(ti, before, Code::SumRow, cells, Decimal::ZERO, tolerance);
    }

    fn sum_overflow(
        &mut self,
        ti: usize,
        rule_index: usize,
        target: usize,
        col: usize,
        column: &Column,
        error: ArithError,
    ) {
        let specs = self.specs;
        let rule = &specs[ti].sums[rule_index];
        let key = &self.table(ti).columns[col].key;
        let formula = Some(shown_terms(&column.terms));
        let what = tr!(val_the_sum_in_column_key_2, key = key);
        self.arithmetic(ti, (target, col), &rule.span, what, error, formula);
    }

    #[allow(clippy::too_many_arguments)]
    fn sum_finding(
        &mut self,
        ti: usize,
        rule_index: usize,
        target: usize,
        col: usize,
        parts: &[(usize, usize)],
        column: &Column,
        found: Decimal,
        diff: Decimal,
    ) {
        let specs = self.specs;
        let rule = &specs[ti].sums[rule_index];
        let key = self.table(ti).columns[col].key.clone();
        let scale = self.scale(ti, target, col);
        let n = parts.len();
        let rounding = diff.abs() <= arith::sum_tolerance(scale, n);
        let message = if rounding {
            tr!(val_the_sum_differs_from_its, difference = fmt_value(diff.abs(), scale), n = n)
        } else {
            tr!(val_the_sum_row_does_not, n = n)
        };
        let severity = if rounding { Severity::Note } else { Severity::Error };
        let mut d = self.base(severity, Code::SumRow, ti, target, col, message);
        let total = column.total;
        d.formula = Some(format!("{} = {}", shown_terms(&column.terms), fmt_value(total, scale)));
        d.expected = Some(fmt_value(total, scale));
        d.found = Some(fmt_value(found, scale));
        d.difference = Some(fmt_signed(diff, scale));
        d.label = Some(if rounding {
            tr!(fix_rounding)
        } else {
            tr!(human_expected, expected = fmt_value(total, scale))
        });
        let cross: Vec<String> = parts
            .iter()
            .filter(|(t, _)| *t != ti)
            .map(|(t, r)| {
                format!("«{}» in `{}`", self.table(*t).rows[*r].label(), self.table(*t).id)
            })
            .collect();
        if !cross.is_empty() {
            d.notes.push(tr!(val_adds, rows = cross.join(", ")));
        }
        if rounding {
            d.notes.push(tr!(
                val_printed_figures_are_rounded_one_2,
                units = fmt_value(arith::sum_tolerance(0, n), 1),
                n = n
            ));
        } else {
            d.hints.push(tr!(
                val_check_the_rows_and_the,
                row = self.table(ti).rows[target].label(),
                key = key
            ));
        }
        d = d.with_label_span(&rule.span, tr!(val_sum_declared_here));
        self.emit(ti, Some(target), Some(key), d);
    }
}

/// The terms of a sum, shortened when there are many: `1 + 2 + 3 + … + 9 + 10 (10 rows)`.
fn shown_terms(terms: &[String]) -> String {
    if terms.len() > 8 {
        format!(
            "{} + … + {} ({} rows)",
            terms[..3].join(" + "),
            terms[terms.len() - 2..].join(" + "),
            terms.len()
        )
    } else {
        terms.join(" + ")
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::{Code, Severity};
    use crate::load::spec::SumOf;
    use crate::validate::testing::*;

    const COLS: &str = "gruppe;antall;andel";

    fn check(csv: &str, rules: Vec<crate::load::spec::SumRule>) -> crate::validate::Validation {
        let r = report(vec![table("t", COLS, csv)]);
        let mut s = spec(0);
        s.sums = rules;
        run(&r, &[s])
    }

    #[test]
    fn consistent_sums_have_no_finding() {
        let csv = "G;A;B\nBarn;1 000;1,5\nUnge;;2,5\nSum barn;1 000;4\nVoksne;2;-\nSum voksne;2;0\nTotalt;1 002;4\n";
        let v = check(
            csv,
            vec![
                sum("Sum barn", SumOf::Above),
                sum("Sum voksne", SumOf::Above),
                sum("Totalt", SumOf::Rows(vec![row("Sum barn"), row("Sum voksne")])),
            ],
        );
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    }

    #[test]
    fn a_wrong_sum_is_an_error_with_its_terms() {
        let csv = "G;A;B\nBarn;1 000;1\nUnge;500;2\nSum;1 600;3\n";
        let v = check(csv, vec![sum("Sum", SumOf::Above)]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::SumRow, Severity::Error));
        assert_eq!(d.message, "the sum row does not equal the sum of its 2 rows");
        assert_eq!(text_at(csv, d), "1 600");
        assert_eq!(d.row.as_deref(), Some("Sum"));
        assert_eq!(d.column.as_deref(), Some("`antall` («antall»)"));
        assert_eq!(d.formula.as_deref(), Some("1\u{a0}000 + 500 = 1\u{a0}500"));
        assert_eq!(d.expected.as_deref(), Some("1\u{a0}500"));
        assert_eq!(d.found.as_deref(), Some("1\u{a0}600"));
        assert_eq!(d.difference.as_deref(), Some("+100"));
    }

    #[test]
    fn up_to_half_a_unit_per_row_is_rounding() {
        let csv = "G;A;B\nA;1;1\nB;1;1\nC;1;1\nD;1;1\nSum;6;7\n";
        let v = check(csv, vec![sum("Sum", SumOf::Above)]);
        let found: Vec<_> = v.diagnostics.iter().map(|d| (d.severity, text_at(csv, d))).collect();
        assert_eq!(found, [(Severity::Note, "6"), (Severity::Error, "7")]);
        assert_eq!(v.diagnostics[0].message, "the sum differs from its 4 rows by 2: rounding");
    }

    #[test]
    fn above_stops_at_the_previous_sum_row_and_all_skips_sum_and_group_rows() {
        let csv = "G;A;B\nOverskrift;;\nA;1;1\nSum A;1;1\nB;2;2\nSum B;2;2\nAlt;3;3\n";
        let v = check(
            csv,
            vec![sum("Sum A", SumOf::Above), sum("Sum B", SumOf::Above), sum("Alt", SumOf::All)],
        );
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
        let v = check(
            csv.replace("Alt;3;3", "Alt;6;3").as_str(),
            vec![sum("Sum A", SumOf::Above), sum("Sum B", SumOf::Above), sum("Alt", SumOf::All)],
        );
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].expected.as_deref(), Some("3"));
    }

    #[test]
    fn a_range_adds_both_ends() {
        let csv = "G;A;B\n0-5 år;1;1\n6-15 år;2;2\n16-17 år;4;4\nSum 0-15 år;3;4\n";
        let v = check(csv, vec![sum("Sum 0-15 år", SumOf::Range(row("0-5"), row("6-15")))]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].found.as_deref(), Some("4"));
        assert_eq!(v.diagnostics[0].expected.as_deref(), Some("3"));
        let v = check(csv, vec![sum("Sum 0-15 år", SumOf::Range(row("6-15"), row("0-5")))]);
        assert_eq!(v.diagnostics[0].message, "a range must run downwards within the same table");
    }

    #[test]
    fn a_sum_may_add_rows_of_other_tables() {
        let a = "G;A;B\nSum FO1;10;1\n";
        let b = "G;A;B\nSum FO2;20;2\n";
        let t = "G;A;B\nTotalt;31;3\n";
        let r = report(vec![
            table_in(0, "fo1", COLS, a),
            table_in(1, "fo2", COLS, b),
            table_in(2, "total", COLS, t),
        ]);
        let mut s = spec(2);
        s.sums.push(sum(
            "Totalt",
            SumOf::Rows(vec![row_in("fo1", "Sum FO1"), row_in("fo2", "Sum FO2")]),
        ));
        let v = run(&r, &[spec(0), spec(1), s]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!(d.table.as_deref(), Some("total"));
        assert_eq!(d.formula.as_deref(), Some("10 + 20 = 30"));
        assert_eq!(d.notes[0], "adds «Sum FO1» in `fo1`, «Sum FO2» in `fo2`");
    }

    #[test]
    fn a_label_that_states_a_range_must_match_its_parts() {
        let csv = "Gruppe;A\n0-5 år;1\n6-17 år;2\n18-66 år;3\nSum 0-17 år;6\n";
        let v = check(csv, vec![sum("Sum 0-17 år", SumOf::Above)]);
        let d = v.diagnostics.iter().find(|d| d.code == Code::RangeLabel).expect("range finding");
        assert_eq!(
            d.message,
            "the sum row «Sum 0-17 år» does not add the rows its label names: the label states 0–17 år, but its parts add 0–66 år"
        );
        assert_eq!(d.severity, Severity::Warning);
        let good = "Gruppe;A\n0-5 år;1\n6-17 år;2\nSum 0-17 år;3\n";
        let v = check(good, vec![sum("Sum 0-17 år", SumOf::Above)]);
        assert!(v.diagnostics.iter().all(|d| d.code != Code::RangeLabel));
    }

    #[test]
    fn an_unreadable_part_says_the_column_cannot_be_checked() {
        // The bug this pins: the sum of 1 000 + «20 00» was taken as 1 000.
        let csv = "G;A;B\nBarn;1 000;1\nUnge;20 00;2\nSum;3 000;3\n";
        let v = check(csv, vec![sum("Sum", SumOf::Above)]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::SumRow, Severity::Note));
        assert_eq!(
            d.message,
            "the sum in column `antall` cannot be checked: «20 00» in row «Unge», column `antall`, is not a figure"
        );
        assert_eq!(text_at(csv, d), "20 00");
        assert_eq!(&csv[d.related[0].0.range.clone()], "3 000");
    }

    #[test]
    fn a_part_not_available_says_the_column_cannot_be_checked() {
        let csv = "G;A;B\nBarn;*;1\nUnge;4;2\nSum;9;3\n";
        let v = check(csv, vec![sum("Sum", SumOf::Above)]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::SumRow, Severity::Note));
        assert_eq!(text_at(csv, d), "*");
    }

    #[test]
    fn a_sum_of_empty_rows_is_zero() {
        let csv = "G;A;B\nBarn;;1\nUnge;;2\nSum;5;3\nTom;;\n";
        let v = check(csv, vec![sum("Sum", SumOf::Above)]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].expected.as_deref(), Some("0"));
    }

    #[test]
    fn a_sum_beyond_exact_figures_is_an_arithmetic_error() {
        let big = "79 228 162 514 264 337 593 543 950 335";
        let csv = format!("G;A;B\nA;{big};1\nB;{big};1\nSum;1;2\n");
        let v = check(&csv, vec![sum("Sum", SumOf::Above)]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Arithmetic, Severity::Error));
        assert_eq!(d.message, "the sum in column `antall` is too large to compute exactly");
        assert_eq!(text_at(&csv, d), "1");
    }

    #[test]
    fn a_sum_row_named_twice_is_ambiguous() {
        let csv = "G;A;B\nA;1;1\nSum;1;1\nB;2;2\nSum;2;2\n";
        let v = check(csv, vec![sum("Sum", SumOf::Above)]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::AmbiguousRow, Severity::Error));
        assert_eq!(
            d.message,
            "the rule names the row «Sum», but table `t` has 2 rows it could mean"
        );
        assert_eq!(d.notes, ["rows 2 and 4 under the header match: «Sum», «Sum»"]);
        let related: Vec<&str> = d.related.iter().map(|(s, _)| &csv[s.range.clone()]).collect();
        assert_eq!(related, ["Sum;1;1", "Sum;2;2"]);
    }

    #[test]
    fn a_part_named_by_a_prefix_of_two_rows_is_ambiguous() {
        let csv = "G;A;B\nSum 0-17 år;1;1\nSum 67 år +;2;2\nTotalt;3;3\n";
        let v = check(csv, vec![sum("Totalt", SumOf::Rows(vec![row("Sum")]))]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(v.diagnostics[0].code, Code::AmbiguousRow);
    }

    #[test]
    fn explicit_columns_and_missing_rows() {
        let csv = "G;A;B\nA;1;1\nSum;1;5\n";
        let mut rule = sum("Sum", SumOf::Above);
        rule.columns = Some(vec![("antall".into(), rule_span("sums"))]);
        assert!(check(csv, vec![rule]).diagnostics.is_empty());
        let v = check(csv, vec![sum("Summ", SumOf::Above)]);
        assert_eq!(v.diagnostics[0].code, Code::RuleReference);
        assert_eq!(v.diagnostics[0].message, "table `t` has no row «Summ»");
        assert_eq!(v.diagnostics[0].hints, ["did you mean «Sum»?"]);
    }
}
