//! AR103 `transfer` and AR104 `comparison`: a figure copied to another table is identical there,
//! or stands in the declared `>=`/`<=` relation to it.
//!
//! Rows are paired explicitly or by label (`rows: same`: every labelled row whose label is in
//! both tables; a label that is on two rows of either table is ambiguous, AR308). In each paired
//! cell: two empty cells or two `*` are the same; one empty cell is read as zero; a `*` against a
//! figure differs (a transfer) or cannot be compared (a comparison); an unreadable cell means the
//! pair cannot be checked, and one finding says so.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::arith;
use super::rows::link_key;
use super::{Blocker, Checker, Read, WithLabelSpan, fmt_signed, fmt_value};
use crate::diag::{Code, Diagnostic, Severity};
use crate::format;
use crate::load::spec::{LinkRows, LinkRule, Relation, RowRef};
use crate::model::{Cell, ColumnKind};
use crate::tr;

impl Checker<'_> {
    /// Row pairs (this table's row, the other table's row) of a link.
    fn link_pairs(&mut self, ti: usize, other: usize, link: &LinkRule) -> Vec<(usize, usize)> {
        match &link.rows {
            LinkRows::Same => {
                let labelled = |t: usize| {
                    let mut by_label: BTreeMap<String, Vec<usize>> = BTreeMap::new();
                    for (r, row) in self.table(t).rows.iter().enumerate() {
                        let label = link_key(row.label());
                        if !label.is_empty() && !self.is_group(t, r) {
                            by_label.entry(label).or_default().push(r);
                        }
                    }
                    by_label
                };
                let (mine, theirs) = (labelled(ti), labelled(other));
                let mut pairs = Vec::new();
                for (label, rows) in &mine {
                    let Some(others) = theirs.get(label) else { continue };
                    match (rows.as_slice(), others.as_slice()) {
                        ([r], [o]) => {
                            self.loose_match_note(ti, other, (*r, *o), link);
                            pairs.push((*r, *o));
                        }
                        ([_], _) => {
                            let text = self.table(other).rows[others[0]].label().to_string();
                            self.ambiguous(
                                ti,
                                other,
                                &text,
                                &link.span,
                                &tr!(valz_the_link_rows_same),
                                others,
                            );
                        }
                        _ => {
                            let text = self.table(ti).rows[rows[0]].label().to_string();
                            self.ambiguous(
                                ti,
                                ti,
                                &text,
                                &link.span,
                                &tr!(valz_the_link_rows_same),
                                rows,
                            );
                        }
                    }
                }
                pairs.sort_unstable();
                pairs
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
        }
    }

    /// A note when `rows: same` pairs two labels that are not written alike (they differ only in
    /// case, spacing or a footnote mark), so the pairing is visible.
    fn loose_match_note(
        &mut self,
        ti: usize,
        other: usize,
        (r, o): (usize, usize),
        link: &LinkRule,
    ) {
        let (a, b) = (self.table(ti).rows[r].label(), self.table(other).rows[o].label());
        if a.trim() == b.trim() {
            return;
        }
        let code = if link.relation == Relation::Eq { Code::Transfer } else { Code::Comparison };
        let mut d = Diagnostic::note(code, tr!(val_a_is_paired_with_b, to = link.to, a = a, b = b))
            .at(self.cell_span(ti, r, 0))
            .with_label(tr!(val_paired_by_label))
            .with_label_span(&self.cell_span(other, o, 0), tr!(val_paired_with_this_row))
            .with_hint(tr!(val_write_the_labels_alike_or));
        d.table = Some(self.table(ti).id.clone());
        d.row = Some(a.to_string());
        self.emit(ti, Some(r), None, d);
    }

    /// Column pairs (this table's column, the other table's column) of a link.
    fn link_columns(&mut self, ti: usize, other: usize, link: &LinkRule) -> Vec<(usize, usize)> {
        match &link.columns {
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
                                tr!(val_there_is_no_column_a, a = a),
                                Some(hint),
                            );
                            None
                        }
                        (_, None) => {
                            let hint = self.keys_hint(other);
                            self.rule_error(
                                ti,
                                span.clone(),
                                tr!(val_table_has_no_column_b, to = link.to, b = b),
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
        }
    }

    pub(super) fn check_links(&mut self, ti: usize) {
        let specs = self.specs;
        for (link_index, link) in specs[ti].links.iter().enumerate() {
            let Some(other) = self.resolve_table(ti, Some(&link.to), &link.to_span) else {
                continue;
            };
            let pairs = self.link_pairs(ti, other, link);
            let columns = self.link_columns(ti, other, link);
            for &(r, o) in &pairs {
                for &(c, oc) in &columns {
                    self.check_link_cell(ti, link_index, (r, c), (other, o, oc));
                }
            }
        }
    }

    fn check_link_cell(
        &mut self,
        ti: usize,
        link_index: usize,
        (r, c): (usize, usize),
        (other, o, oc): (usize, usize, usize),
    ) {
        let specs = self.specs;
        let link = &specs[ti].links[link_index];
        let code = if link.relation == Relation::Eq { Code::Transfer } else { Code::Comparison };
        let this_cell = self.table(ti).rows[r].cells.get(c).cloned().unwrap_or(Cell::Empty);
        let that_cell = self.table(other).rows[o].cells.get(oc).cloned().unwrap_or(Cell::Empty);
        if this_cell == Cell::Empty && that_cell == Cell::Empty {
            return;
        }
        let what = || tr!(val_the_link_to, to = link.to);
        let a = self.read(ti, r, c, true);
        let b = self.read(other, o, oc, true);
        let (a, b) = match (a, b) {
            (Read::Blocked(x), _) | (_, Read::Blocked(x)) => {
                self.unchecked(ti, code, link_index, &link.span, (r, c), what(), &x);
                return;
            }
            (Read::NotAvailable, Read::NotAvailable) => return,
            (Read::Figure(a), Read::Figure(b)) => (a, b),
            (Read::NotAvailable, _) | (_, Read::NotAvailable) if code == Code::Comparison => {
                let (t, row, col) =
                    if this_cell == Cell::NotAvailable { (ti, r, c) } else { (other, o, oc) };
                let x = Blocker {
                    span: self.cell_span(t, row, col),
                    why: tr!(
                        val_row_of_is_not_available,
                        row = self.table(t).rows[row].label(),
                        table = self.table(t).id
                    ),
                    severity: Severity::Note,
                    label: tr!(valz_not_available),
                    note: tr!(valz_not_available_cannot_be_compared),
                    row_wide: false,
                };
                self.unchecked(ti, code, link_index, &link.span, (r, c), what(), &x);
                return;
            }
            // A transfer of `*` against a figure: the two are not the same.
            _ => {
                self.link_finding(ti, link_index, (r, c), (other, o, oc), None);
                return;
            }
        };
        let holds = match link.relation {
            Relation::Eq => a == b,
            Relation::Ge => a >= b,
            Relation::Le => a <= b,
        };
        let before = self.per_table[ti].len();
        if !holds {
            self.link_finding(ti, link_index, (r, c), (other, o, oc), Some((a, b)));
        }
        if link.relation == Relation::Eq {
            let terms = vec![((ti, r, c), Decimal::ONE), ((other, o, oc), Decimal::NEGATIVE_ONE)];
            self.relation(ti, before, code, terms, Decimal::ZERO, Decimal::ZERO);
        }
    }

    fn link_finding(
        &mut self,
        ti: usize,
        link_index: usize,
        (r, c): (usize, usize),
        (other, o, oc): (usize, usize, usize),
        values: Option<(rust_decimal::Decimal, rust_decimal::Decimal)>,
    ) {
        let specs = self.specs;
        let link = &specs[ti].links[link_index];
        let other_row = self.table(other).rows[o].label().to_string();
        let (code, message) = match link.relation {
            Relation::Eq => (
                Code::Transfer,
                tr!(val_the_figure_is_transferred_to, to = link.to, other_row = other_row),
            ),
            _ => (
                Code::Comparison,
                tr!(
                    val_this_figure_should_be_the,
                    relation = if link.relation == Relation::Ge {
                        tr!(valz_at_least)
                    } else {
                        tr!(valz_at_most)
                    },
                    to = link.to,
                    other_row = other_row
                ),
            ),
        };
        let mut d = self.base(Severity::Error, code, ti, r, c, message);
        let scale = self.scale(ti, r, c).max(self.scale(other, o, oc));
        let (shown_a, shown_b) = match values {
            Some((a, b)) => (fmt_value(a, scale), fmt_value(b, scale)),
            None => {
                let show = |t: usize, row: usize, col: usize| {
                    let cell =
                        self.table(t).rows[row].cells.get(col).cloned().unwrap_or(Cell::Empty);
                    format::cell(&cell, ColumnKind::Number)
                };
                (show(ti, r, c), show(other, o, oc))
            }
        };
        d.formula = Some(format!("{shown_a} {} {shown_b}", link.relation.symbol()));
        d.expected = Some(shown_b);
        d.found = Some(shown_a);
        if link.relation == Relation::Eq {
            if let Some((a, b)) = values {
                // Beyond exact figures the two still differ; the difference is then not shown.
                d.difference = arith::sub(a, b).ok().map(|diff| fmt_signed(diff, scale));
            }
            d.notes.push(tr!(val_a_transferred_figure_is_a));
        }
        let other_column = &self.table(other).columns[oc];
        d.related.push((
            self.cell_span(other, o, oc),
            tr!(fix_row_column_in, row = other_row, column = other_column.key, table = link.to),
        ));
        d.hints.push(tr!(
            val_correct_one_of_the_two,
            rule = code.name(),
            row = self.table(ti).rows[r].label(),
            column = self.table(ti).columns[c].key
        ));
        let key = self.table(ti).columns[c].key.clone();
        self.emit(ti, Some(r), Some(key), d);
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::{Code, Severity};
    use crate::load::spec::{LinkRows, Relation};
    use crate::validate::testing::*;

    const COLS: &str = "omrade;regnskap;budsjett";

    fn check(a: &str, b: &str, rows: LinkRows, relation: Relation) -> crate::validate::Validation {
        let r = report(vec![table_in(0, "fo1", COLS, a), table_in(1, "oversikt", COLS, b)]);
        let mut s = spec(0);
        s.links.push(link("oversikt", rows, relation));
        run(&r, &[s, spec(1)])
    }

    #[test]
    fn an_identical_transfer_has_no_finding() {
        let a = "O;R;B\nSum FO1;3 150;*\n";
        let b = "O;R;B\nFO 1;3 150;*\nFO 2;1;1\n";
        let v = check(a, b, pairs(&[("Sum FO1", "FO 1")]), Relation::Eq);
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    }

    #[test]
    fn a_transfer_that_differs_is_an_error_with_both_figures() {
        let a = "O;R;B\nSum FO1;3 150;10\n";
        let b = "O;R;B\nFO 1;3 105;10\n";
        let v = check(a, b, pairs(&[("Sum FO1", "FO 1")]), Relation::Eq);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Transfer, Severity::Error));
        assert_eq!(
            d.message,
            "the figure is transferred to `oversikt` («FO 1»), but the two differ"
        );
        assert_eq!(text_at(a, d), "3 150");
        assert_eq!(d.formula.as_deref(), Some("3\u{a0}150 = 3\u{a0}105"));
        assert_eq!(
            (d.found.as_deref(), d.expected.as_deref(), d.difference.as_deref()),
            (Some("3\u{a0}150"), Some("3\u{a0}105"), Some("+45"))
        );
        // The other side is underlined at its cell, not its whole row.
        assert_eq!(&b[d.related[0].0.range.clone()], "3 105");
    }

    #[test]
    fn a_transfer_of_not_available_against_a_figure_differs() {
        let a = "O;R;B\nSum FO1;*;10\n";
        let b = "O;R;B\nFO 1;3 105;10\n";
        let v = check(a, b, pairs(&[("Sum FO1", "FO 1")]), Relation::Eq);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!(d.code, Code::Transfer);
        assert_eq!(d.formula.as_deref(), Some("* = 3\u{a0}105"));
        assert_eq!(d.difference, None);
    }

    #[test]
    fn comparisons_hold_or_are_errors() {
        let brutto = "O;R;B\nFO 1;500;500\nFO 2;100;90\n";
        let netto = "O;R;B\nFO 1;400;500\nFO 2;100;95\n";
        let v = check(brutto, netto, LinkRows::Same, Relation::Ge);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Comparison, Severity::Error));
        assert_eq!(d.message, "this figure should be at least the one in `oversikt` («FO 2»)");
        assert_eq!(text_at(brutto, d), "90");
        assert_eq!(d.row.as_deref(), Some("FO 2"));
        assert_eq!(d.formula.as_deref(), Some("90 ≥ 95"));
        assert_eq!((d.found.as_deref(), d.expected.as_deref()), (Some("90"), Some("95")));
        assert_eq!(d.difference, None);

        let v = check(netto, brutto, LinkRows::Same, Relation::Le);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        assert_eq!(
            v.diagnostics[0].message,
            "this figure should be at most the one in `oversikt` («FO 2»)"
        );
        assert_eq!(v.diagnostics[0].formula.as_deref(), Some("95 ≤ 90"));
    }

    #[test]
    fn a_comparison_with_a_figure_not_available_is_a_note() {
        let brutto = "O;R;B\nFO 1;*;500\n";
        let netto = "O;R;B\nFO 1;400;500\n";
        let v = check(brutto, netto, LinkRows::Same, Relation::Ge);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Comparison, Severity::Note));
        assert_eq!(text_at(brutto, d), "*");
    }

    #[test]
    fn an_unreadable_cell_says_the_link_cannot_be_checked() {
        let a = "O;R;B\nSum FO1;3 15O;10\n";
        let b = "O;R;B\nFO 1;3 150;10\n";
        let v = check(a, b, pairs(&[("Sum FO1", "FO 1")]), Relation::Eq);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::Transfer, Severity::Note));
        assert!(
            d.message.starts_with("the link to `oversikt` cannot be checked: «3 15O»"),
            "{}",
            d.message
        );
    }

    #[test]
    fn same_rows_pair_by_label_and_a_label_on_two_rows_is_ambiguous() {
        let a = "O;R;B\nFO 1;1;1\nFO 2;2;2\nBare her;9;9\n";
        let b = "O;R;B\nfo  1;1;1\nFO 2;2;2\nFO 2;2;2\n";
        let v = check(a, b, LinkRows::Same, Relation::Eq);
        assert_eq!(v.diagnostics.len(), 2, "{:#?}", v.diagnostics);
        // «FO 1» and «fo  1» are paired, and the pairing is said.
        let note = &v.diagnostics[0];
        assert_eq!((note.code, note.severity), (Code::Transfer, Severity::Note));
        assert_eq!(
            note.message,
            "«FO 1» is paired with «fo  1» in `oversikt`: the labels differ only in case, spacing or a footnote mark"
        );
        let d = &v.diagnostics[1];
        assert_eq!(d.code, Code::AmbiguousRow);
        assert_eq!(
            d.message,
            "the link (`rows: same`) names the row «FO 2», but table `oversikt` has 2 rows it could mean"
        );
        assert_eq!(v.cells_checked, 4);
    }

    #[test]
    fn unknown_tables_and_columns_are_rule_errors() {
        let r = report(vec![table("fo1", COLS, "O;R;B\nA;1;1\n")]);
        let mut s = spec(0);
        s.links.push(link("oversigt", LinkRows::Same, Relation::Eq));
        let v = run(&r, &[s]);
        assert_eq!(v.diagnostics[0].code, Code::RuleReference);
        assert_eq!(v.diagnostics[0].message, "there is no table with id «oversigt»");
    }
}
