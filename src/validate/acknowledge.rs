//! Acknowledged findings (`acknowledge:` in a table's YAML) and AR307 `unused-acknowledgement`.
//!
//! Each table's findings — the rules' and the loader's findings about its cells (AR301) — are
//! matched against the table's acknowledgements: same rule, and the row and column if given. An
//! acknowledgement marks every finding it matches (each finding takes the first acknowledgement
//! that matches it; it stays visible, with the reason, and no longer fails `check`); one that matches nothing is a warning. An acknowledgement whose row names
//! two rows is ambiguous (AR308). Hands on every finding: the loader's other findings first, then
//! per table in report order its unused acknowledgements and its findings.

use super::rows::{RowError, find_row};
use super::{Checker, Finding};
use crate::diag::{Code, Diagnostic};
use crate::model::Table;
use crate::source::Span;
use crate::tr;

/// The rows an acknowledgement is limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rows {
    /// No `row:`: every row.
    Any,
    /// This row.
    Row(usize),
    /// A `row:` that names no row: it matches nothing (and is reported as unused).
    NoSuchRow,
    /// A `row:` that names several rows: reported as AR308, not as unused.
    Ambiguous,
}

/// Applies the acknowledgements to `per_table` and merges in `load_diagnostics`.
pub(super) fn apply(
    checker: &Checker<'_>,
    per_table: Vec<Vec<Finding>>,
    load_diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let report = checker.report;
    let specs = checker.specs;
    let mut load_by_table: Vec<Vec<Diagnostic>> = vec![Vec::new(); report.tables.len()];
    let mut out = Vec::new();
    for d in load_diagnostics {
        match d.table.as_deref().and_then(|id| checker.by_id.get(id)) {
            Some(&ti) if d.code == Code::CellFormat => load_by_table[ti].push(d),
            _ => out.push(d),
        }
    }
    for (ti, (findings, load)) in per_table.into_iter().zip(load_by_table).enumerate() {
        let table = &report.tables[ti];
        let mut all: Vec<Finding> = load
            .into_iter()
            .rev()
            .map(|d| {
                let row =
                    d.row.as_deref().and_then(|l| table.rows.iter().position(|r| r.label() == l));
                let column = d.column.clone();
                Finding { diag: d, row, column }
            })
            .collect();
        all.extend(findings);
        let Some(spec) = specs.get(ti) else {
            out.extend(all.into_iter().map(|f| f.diag));
            continue;
        };
        let mut rows = Vec::new();
        for ack in &spec.acknowledge {
            rows.push(match &ack.row {
                None => Rows::Any,
                Some(row) => match find_row(table, spec.row_key.as_deref(), row) {
                    Ok(r) => Rows::Row(r),
                    Err(RowError::Missing) => Rows::NoSuchRow,
                    Err(RowError::Ambiguous(matches)) => {
                        out.push(ambiguous(table, row, &matches, ack.span.clone()));
                        Rows::Ambiguous
                    }
                },
            });
        }
        let mut used = vec![false; spec.acknowledge.len()];
        for f in all.iter_mut() {
            let found = spec.acknowledge.iter().zip(&rows).position(|(ack, row)| {
                ack.code == f.diag.code
                    && match row {
                        Rows::Any => true,
                        Rows::Row(r) => f.row == Some(*r),
                        Rows::NoSuchRow | Rows::Ambiguous => false,
                    }
                    && ack.column.as_deref().is_none_or(|c| f.column.as_deref() == Some(c))
            });
            if let Some(ai) = found {
                f.diag.acknowledged = Some(spec.acknowledge[ai].reason.clone());
                used[ai] = true;
            }
        }
        for ((ack, row), used) in spec.acknowledge.iter().zip(&rows).zip(used) {
            if *row != Rows::Ambiguous && !used {
                let mut d = Diagnostic::warning(
                    Code::UnusedAcknowledgement,
                    tr!(val_this_acknowledgement_of_matches_no, rule = ack.code.name()),
                )
                .at(ack.span.clone())
                .with_hint(tr!(val_the_figures_may_have_been));
                d.table = Some(table.id.clone());
                out.push(d);
            }
        }
        out.extend(all.into_iter().map(|f| f.diag));
    }
    out
}

/// AR308 for an acknowledgement whose row names several rows.
fn ambiguous(table: &Table, row: &str, matches: &[usize], span: Span) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::AmbiguousRow,
        tr!(
            val_the_acknowledgement_names_the_row,
            id = table.id,
            matches_len = matches.len(),
            row = row
        ),
    )
    .at(span)
    .with_label(tr!(val_which_row))
    .with_note(super::rows::matches_note(table, matches))
    .with_hint(tr!(val_give_the_rows_different_labels));
    d.table = Some(table.id.clone());
    d
}

#[cfg(test)]
mod tests {
    use crate::diag::{Code, Diagnostic, Severity};
    use crate::load::spec::SumOf;
    use crate::validate::testing::*;
    use crate::validate::validate;

    const CSV: &str = "G;A;B\nA;1;1\nB;2;2\nSum;5;3\n";

    fn spec_with(acks: Vec<crate::load::spec::Acknowledgement>) -> crate::load::spec::TableSpec {
        let mut s = spec(0);
        s.sums.push(sum("Sum", SumOf::Above));
        s.acknowledge = acks;
        s
    }

    #[test]
    fn an_acknowledged_finding_stays_visible_and_does_not_fail() {
        let r = report(vec![table("t", "gruppe;a;b", CSV)]);
        let v = run(&r, &[spec_with(vec![ack(Code::SumRow, Some("Sum"), Some("a"))])]);
        assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
        let d = &v.diagnostics[0];
        assert_eq!(d.code, Code::SumRow);
        assert_eq!(d.acknowledged.as_deref(), Some("published so"));
        assert!(!d.fails(true));
    }

    #[test]
    fn an_acknowledgement_without_row_or_column_takes_every_finding_of_its_rule() {
        let csv = "G;A;B\nA;1;1\nB;2;2\nSum;5;5\n";
        let r = report(vec![table("t", "gruppe;a;b", csv)]);
        let v = run(&r, &[spec_with(vec![ack(Code::SumRow, None, None)])]);
        assert_eq!(v.diagnostics.len(), 2);
        assert!(v.diagnostics.iter().all(|d| d.acknowledged.is_some()));
    }

    #[test]
    fn an_acknowledgement_that_matches_nothing_is_a_warning() {
        let r = report(vec![table("t", "gruppe;a;b", CSV)]);
        let acks = vec![
            ack(Code::SumRow, Some("Sum"), Some("b")),
            ack(Code::Transfer, None, None),
            ack(Code::SumRow, Some("Summ"), None),
        ];
        let v = run(&r, &[spec_with(acks)]);
        let found: Vec<_> = v.diagnostics.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            found,
            [
                (Code::UnusedAcknowledgement, Severity::Warning),
                (Code::UnusedAcknowledgement, Severity::Warning),
                (Code::UnusedAcknowledgement, Severity::Warning),
                (Code::SumRow, Severity::Error),
            ]
        );
        let d = &v.diagnostics[0];
        assert_eq!(d.message, "this acknowledgement of `sum-row` matches no finding");
        assert_eq!(d.span, Some(rule_span("acknowledge")));
        assert_eq!(d.table.as_deref(), Some("t"));
        assert!(v.diagnostics[3].acknowledged.is_none());
    }

    #[test]
    fn an_acknowledgement_of_a_row_named_twice_is_ambiguous() {
        let csv = "G;A;B\nA;1;1\nA;2;2\nSum;5;3\n";
        let r = report(vec![table("t", "gruppe;a;b", csv)]);
        let v = run(&r, &[spec_with(vec![ack(Code::SumRow, Some("A"), None)])]);
        let codes: Vec<_> = v.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::AmbiguousRow, Code::SumRow]);
        assert_eq!(
            v.diagnostics[0].message,
            "the acknowledgement names the row «A», but table `t` has 2 rows it could mean"
        );
    }

    #[test]
    fn the_loaders_cell_findings_join_their_table_and_can_be_acknowledged() {
        let csv = "G;A;B\nA;1;1\nB;2 0;2\nSum;3;3\n";
        let r = report(vec![table("t", "gruppe;a;b", csv)]);
        let mut cell = Diagnostic::error(Code::CellFormat, "«2 0» is not a figure");
        cell.table = Some("t".into());
        cell.row = Some("B".into());
        cell.column = Some("a".into());
        let other = Diagnostic::error(Code::Markup, "elsewhere");
        let s = spec_with(vec![ack(Code::CellFormat, Some("B"), Some("a"))]);
        let v = validate(&r, &[s], vec![cell, other]);
        let found: Vec<_> =
            v.diagnostics.iter().map(|d| (d.code, d.acknowledged.is_some())).collect();
        assert_eq!(found, [(Code::Markup, false), (Code::CellFormat, true), (Code::SumRow, false)]);
        assert_eq!(v.diagnostics[2].severity, Severity::Note, "the sum cannot be checked");
    }
}
