//! Which rows are sum rows: the rows that a same-table sum rule names.
//!
//! A pure function of the report and its rules: [`targets`] gives, per table and row, whether the
//! row is a sum row; [`apply`] marks them [`RowStyle::Sum`] so the renderers print them bold.
//! `validate` uses the same flags: `of: above` stops at the previous sum row, `of: all` leaves sum
//! rows out. A sum whose parts are all in other tables does not make its row a sum row of this
//! table's own rows (it is still checked). A reference that names no row or more than one is
//! left unmarked here; `validate` reports it (AR303, AR308).

use crate::load::spec::{SumOf, SumRule, TableSpec};
use crate::model::{Report, RowStyle};

use super::rows::find_row;

/// Whether `rule` sums rows of its own table (and so makes its row a sum row).
pub fn marks_its_row(rule: &SumRule) -> bool {
    !matches!(&rule.of, SumOf::Rows(refs) if !refs.is_empty() && refs.iter().all(|r| r.table.is_some()))
}

/// Per table (in `report.tables` order) and row: whether it is a sum row.
pub fn targets(report: &Report, specs: &[TableSpec]) -> Vec<Vec<bool>> {
    report
        .tables
        .iter()
        .enumerate()
        .map(|(ti, table)| {
            let mut flags = vec![false; table.rows.len()];
            let Some(spec) = specs.get(ti) else { return flags };
            for rule in spec.sums.iter().filter(|r| marks_its_row(r)) {
                let in_this_table = rule.row.table.as_deref().is_none_or(|id| id == table.id);
                if in_this_table
                    && let Ok(r) = find_row(table, spec.row_key.as_deref(), &rule.row.row)
                {
                    flags[r] = true;
                }
            }
            flags
        })
        .collect()
}

/// Marks the rows flagged by [`targets`] as [`RowStyle::Sum`].
pub fn apply(report: &mut Report, flags: &[Vec<bool>]) {
    for (table, flags) in report.tables.iter_mut().zip(flags) {
        for (row, &is_sum) in table.rows.iter_mut().zip(flags) {
            if is_sum {
                row.style = RowStyle::Sum;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::testing::{report, row, row_in, spec, sum, table};

    #[test]
    fn same_table_sums_mark_their_row_and_nothing_else() {
        let r = report(vec![
            table("a", "gruppe;antall", "G;A\nX;1\nY;2\nSum;3\nZ;4\nTotal;7\n"),
            table("b", "gruppe;antall", "G;A\nSum a;3\n"),
        ]);
        let mut a = spec(0);
        a.sums.push(sum("Sum", SumOf::Above));
        a.sums.push(sum("Total", SumOf::Rows(vec![row("Sum"), row("Z")])));
        a.sums.push(sum("Nowhere", SumOf::All));
        let mut b = spec(1);
        b.sums.push(sum("Sum a", SumOf::Rows(vec![row_in("a", "Sum")])));
        let flags = targets(&r, &[a, b]);
        assert_eq!(flags, vec![vec![false, false, true, false, true], vec![false]]);
        let mut marked = r.clone();
        apply(&mut marked, &flags);
        let styles: Vec<RowStyle> = marked.tables[0].rows.iter().map(|r| r.style).collect();
        assert_eq!(
            styles,
            [RowStyle::Normal, RowStyle::Normal, RowStyle::Sum, RowStyle::Normal, RowStyle::Sum]
        );
        assert_eq!(marked.tables[1].rows[0].style, RowStyle::Normal);
    }

    #[test]
    fn an_ambiguous_sum_row_is_not_marked() {
        let r = report(vec![table("a", "gruppe;antall", "G;A\nX;1\nSum;1\nY;2\nSum;2\n")]);
        let mut a = spec(0);
        a.sums.push(sum("Sum", SumOf::Above));
        assert_eq!(targets(&r, &[a]), vec![vec![false; 4]]);
    }
}
