//! The likely cause: which figure is most probably the wrong one.
//!
//! One mistyped figure often breaks several relations at once — a sum typed 65 501 instead of
//! 56 501 breaks its sum row, its row's avvik and its transfer to the overview — and the first
//! finding need not point at it. Every relation a rule checked is recorded as a linear equation
//! over cells, Σ cᵢ·xᵢ = k, whether it held or not. The failing relations that share cells form
//! groups; in each group the likely cause is the cell that all of them contain and for which one
//! value satisfies them all (within each relation's rounding tolerance), preferring the cell
//! whose correction breaks the fewest relations that hold today. Where two cells explain a group
//! equally well, both are named rather than one picked.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::{Checker, fmt_value};
use crate::diag::{Cause, CauseCell};
use crate::load::spec::{Expr, Op};

/// A cell: (table, row, column).
pub type CellId = (usize, usize, usize);

/// A checked relation: Σ coefficient · cell = constant.
#[derive(Debug, Clone)]
pub struct Relation {
    /// The cells with their coefficients.
    pub terms: Vec<(CellId, Decimal)>,
    /// The right-hand side.
    pub constant: Decimal,
    /// How far the two sides may differ through rounding of printed figures.
    pub tolerance: Decimal,
    /// The error finding it gave, as (table, index among that table's findings); `None` if it
    /// held (or differed only by rounding).
    pub finding: Option<(usize, usize)>,
}

/// The likely wrong cell of a group of failing relations.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    /// The cell and the value that satisfies every relation of the group.
    pub cells: Vec<(CellId, Decimal)>,
    /// The findings of the group, in the order recorded.
    pub findings: Vec<(usize, usize)>,
}

fn residual(r: &Relation, value: &dyn Fn(CellId) -> Option<Decimal>) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for (cell, c) in &r.terms {
        sum = sum.checked_add(c.checked_mul(value(*cell)?)?)?;
    }
    sum.checked_sub(r.constant)
}

/// The value of `cell` that makes `r` hold exactly, other cells kept.
fn required(
    r: &Relation,
    cell: CellId,
    value: &dyn Fn(CellId) -> Option<Decimal>,
) -> Option<Decimal> {
    let coefficient: Decimal = r.terms.iter().filter(|(c, _)| *c == cell).map(|(_, k)| *k).sum();
    if coefficient.is_zero() {
        return None;
    }
    let res = residual(r, value)?;
    value(cell)?.checked_sub(res.checked_div(coefficient)?)
}

/// Groups of failing relations that share cells (indices into `relations`).
fn groups(relations: &[Relation]) -> Vec<Vec<usize>> {
    let failing: Vec<usize> =
        (0..relations.len()).filter(|&i| relations[i].finding.is_some()).collect();
    let mut parent: Vec<usize> = (0..relations.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut by_cell: BTreeMap<CellId, usize> = BTreeMap::new();
    for &i in &failing {
        for (cell, _) in &relations[i].terms {
            match by_cell.get(cell) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    by_cell.insert(*cell, i);
                }
            }
        }
    }
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in &failing {
        out.entry(root(&mut parent, i)).or_default().push(i);
    }
    out.into_values().collect()
}

/// Works out the likely wrong cell of each group of failing relations.
pub fn infer(relations: &[Relation], value: &dyn Fn(CellId) -> Option<Decimal>) -> Vec<Inferred> {
    let mut by_cell: BTreeMap<CellId, Vec<usize>> = BTreeMap::new();
    for (i, r) in relations.iter().enumerate() {
        for (cell, _) in &r.terms {
            by_cell.entry(*cell).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for group in groups(relations) {
        let members: BTreeSet<usize> = group.iter().copied().collect();
        // Cells every failing relation of the group contains.
        let mut common: Option<BTreeSet<CellId>> = None;
        for &i in &group {
            let cells: BTreeSet<CellId> = relations[i].terms.iter().map(|(c, _)| *c).collect();
            common = Some(match common {
                None => cells,
                Some(c) => c.intersection(&cells).copied().collect(),
            });
        }
        let mut candidates: Vec<(usize, CellId, Decimal)> = Vec::new();
        for cell in common.unwrap_or_default() {
            let Some((v, broken)) = explains(relations, &members, &by_cell, cell, value) else {
                continue;
            };
            candidates.push((broken, cell, v));
        }
        let Some(best) = candidates.iter().map(|c| c.0).min() else { continue };
        let best: Vec<(CellId, Decimal)> =
            candidates.iter().filter(|c| c.0 == best).map(|c| (c.1, c.2)).collect();
        // Many equally good cells say nothing; two are named side by side.
        if best.len() > 2 {
            continue;
        }
        let findings = group.iter().filter_map(|&i| relations[i].finding).collect();
        out.push(Inferred { cells: best, findings });
    }
    out
}

/// Whether one value of `cell` satisfies every failing relation of the group; that value (from
/// the relation with the least tolerance) and how many relations that hold today it would break.
fn explains(
    relations: &[Relation],
    members: &BTreeSet<usize>,
    by_cell: &BTreeMap<CellId, Vec<usize>>,
    cell: CellId,
    value: &dyn Fn(CellId) -> Option<Decimal>,
) -> Option<(Decimal, usize)> {
    let mut wanted: Vec<(Decimal, Decimal)> = Vec::new();
    for &i in members {
        wanted.push((required(&relations[i], cell, value)?, relations[i].tolerance));
    }
    wanted.sort_by_key(|w| w.1);
    let (v, _) = *wanted.first()?;
    let all_agree = wanted.iter().all(|(w, t)| (*w - v).abs() <= *t);
    if !all_agree || Some(v) == value(cell) {
        return None;
    }
    let current = value(cell)?;
    let broken = by_cell
        .get(&cell)
        .map(|rs| {
            rs.iter()
                .filter(|&&i| !members.contains(&i) && relations[i].finding.is_none())
                .filter(|&&i| {
                    let r = &relations[i];
                    let coefficient: Decimal =
                        r.terms.iter().filter(|(c, _)| *c == cell).map(|(_, k)| *k).sum();
                    let before = residual(r, value).unwrap_or_default();
                    let after = before + coefficient * (v - current);
                    after.abs() > r.tolerance
                })
                .count()
        })
        .unwrap_or(0);
    Some((v, broken))
}

/// An expression as Σ coefficient · column + constant, when it is linear.
pub fn linear(e: &Expr) -> Option<(Vec<(String, Decimal)>, Decimal)> {
    fn add(
        into: &mut Vec<(String, Decimal)>,
        terms: Vec<(String, Decimal)>,
        sign: Decimal,
    ) -> Option<()> {
        for (k, c) in terms {
            let c = c.checked_mul(sign)?;
            match into.iter_mut().find(|(key, _)| *key == k) {
                Some((_, existing)) => *existing = existing.checked_add(c)?,
                None => into.push((k, c)),
            }
        }
        Some(())
    }
    fn scale(terms: &mut [(String, Decimal)], constant: &mut Decimal, by: Decimal) -> Option<()> {
        for (_, c) in terms.iter_mut() {
            *c = c.checked_mul(by)?;
        }
        *constant = constant.checked_mul(by)?;
        Some(())
    }
    match e {
        Expr::Column(k) => Some((vec![(k.clone(), Decimal::ONE)], Decimal::ZERO)),
        Expr::Const(v) => Some((Vec::new(), *v)),
        Expr::Neg(a) => {
            let (mut terms, mut constant) = linear(a)?;
            scale(&mut terms, &mut constant, Decimal::NEGATIVE_ONE)?;
            Some((terms, constant))
        }
        Expr::Binary(a, op, b) => {
            let (mut ta, mut ca) = linear(a)?;
            let (mut tb, mut cb) = linear(b)?;
            match op {
                Op::Add | Op::Sub => {
                    let sign = if *op == Op::Add { Decimal::ONE } else { Decimal::NEGATIVE_ONE };
                    add(&mut ta, tb, sign)?;
                    Some((ta, ca.checked_add(cb.checked_mul(sign)?)?))
                }
                Op::Mul if tb.is_empty() => {
                    scale(&mut ta, &mut ca, cb)?;
                    Some((ta, ca))
                }
                Op::Mul if ta.is_empty() => {
                    scale(&mut tb, &mut cb, ca)?;
                    Some((tb, cb))
                }
                Op::Div if tb.is_empty() && !cb.is_zero() => {
                    let by = Decimal::ONE.checked_div(cb)?;
                    scale(&mut ta, &mut ca, by)?;
                    Some((ta, ca))
                }
                _ => None,
            }
        }
    }
}

/// Works out the likely causes and marks the findings of each group: a group number on each,
/// the cause on the first.
pub(super) fn attach(checker: &mut Checker) {
    let inferred = infer(&checker.relations, &|c| checker.figure(c));
    for (group, found) in inferred.into_iter().enumerate() {
        let cells = found
            .cells
            .iter()
            .map(|&((t, r, c), v)| {
                let scale = checker.scale(t, r, c);
                CauseCell {
                    span: checker.cell_span(t, r, c),
                    table: checker.table(t).id.clone(),
                    row: checker.table(t).rows[r].label().to_string(),
                    column: checker.table(t).columns[c].key.clone(),
                    found: checker
                        .figure((t, r, c))
                        .map(|x| fmt_value(x, scale))
                        .unwrap_or_default(),
                    suggested: fmt_value(v, scale),
                }
            })
            .collect();
        let cause = Cause { cells, relations: found.findings.len() };
        for (k, &(t, i)) in found.findings.iter().enumerate() {
            let d = &mut checker.per_table[t][i].diag;
            d.group = Some(group + 1);
            if k == 0 {
                d.cause = Some(cause.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    /// A table of rows (a, b, avvik = a - b) with a sum row at the end, and the sum row's `b`
    /// transferred to an overview cell; returns the relations and the values.
    fn table(rows: &[[i64; 3]], overview: i64) -> (Vec<Relation>, BTreeMap<CellId, Decimal>) {
        let mut values = BTreeMap::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                values.insert((0, r, c), d(*v));
            }
        }
        values.insert((1, 0, 1), d(overview));
        let value = |cell: CellId| values.get(&cell).copied();
        let n = rows.len() - 1;
        let mut relations = Vec::new();
        for r in 0..rows.len() {
            relations.push(Relation {
                terms: vec![((0, r, 2), d(1)), ((0, r, 0), d(-1)), ((0, r, 1), d(1))],
                constant: Decimal::ZERO,
                tolerance: Decimal::ZERO,
                finding: None,
            });
        }
        for c in 0..3 {
            let mut terms = vec![((0, n, c), d(1))];
            terms.extend((0..n).map(|r| ((0, r, c), d(-1))));
            relations.push(Relation {
                terms,
                constant: Decimal::ZERO,
                tolerance: Decimal::ZERO,
                finding: None,
            });
        }
        relations.push(Relation {
            terms: vec![((0, n, 1), d(1)), ((1, 0, 1), d(-1))],
            constant: Decimal::ZERO,
            tolerance: Decimal::ZERO,
            finding: None,
        });
        for (i, r) in relations.iter_mut().enumerate() {
            if residual(r, &value).is_some_and(|x| !x.is_zero()) {
                r.finding = Some((0, i));
            }
        }
        (relations, values)
    }

    #[test]
    fn formulas_are_linearised() {
        let (_, e) = crate::load::expr::parse_rule("avvik = regulert - regnskap").expect("formula");
        assert_eq!(
            linear(&e),
            Some((vec![("regulert".into(), d(1)), ("regnskap".into(), d(-1))], d(0)))
        );
        let (_, e) = crate::load::expr::parse_rule("x = (a + b) / 2 - 3").expect("formula");
        let half = Decimal::new(5, 1);
        assert_eq!(linear(&e), Some((vec![("a".into(), half), ("b".into(), half)], d(-3))));
        let (_, e) = crate::load::expr::parse_rule("x = a * b").expect("formula");
        assert_eq!(linear(&e), None);
    }

    #[test]
    fn one_mistyped_sum_is_found_with_the_value_that_fits() {
        // The sum of `b` should be 56 501 but is typed 65 501.
        let rows = [[30_000, 25_000, 5_000], [40_000, 31_501, 8_499], [70_000, 65_501, 13_499]];
        let (relations, values) = table(&rows, 56_501);
        let found = infer(&relations, &|c| values.get(&c).copied());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, vec![((0, 2, 1), d(56_501))]);
        assert_eq!(found[0].findings.len(), 3);
    }

    #[test]
    fn a_swapped_sign_in_a_row_is_found() {
        let rows = [[10_000, -6_037, 3_963], [5_000, 4_000, 1_000], [15_000, 10_037, 4_963]];
        let (relations, values) = table(&rows, 10_037);
        let found = infer(&relations, &|c| values.get(&c).copied());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, vec![((0, 0, 1), d(6_037))]);
    }

    #[test]
    fn two_wrong_cells_in_different_relations_are_both_found() {
        // Row 0's avvik and the overview figure are both wrong, independently.
        let rows = [[10_000, 6_000, 4_400], [5_000, 4_000, 1_000], [15_000, 10_000, 5_000]];
        let (relations, values) = table(&rows, 10_001);
        let found = infer(&relations, &|c| values.get(&c).copied());
        let cells: Vec<CellId> = found.iter().flat_map(|f| f.cells.iter().map(|c| c.0)).collect();
        assert!(cells.contains(&(0, 0, 2)), "{found:?}");
        assert!(cells.contains(&(1, 0, 1)), "{found:?}");
    }

    #[test]
    fn generated_tables_find_every_single_mutation() {
        // Every cell of a consistent 4-row table, changed by 1 000 in turn, is found.
        let base = [
            [10_000, 6_000, 4_000],
            [5_000, 4_000, 1_000],
            [7_000, 7_500, -500],
            [22_000, 17_500, 4_500],
        ];
        for r in 0..4 {
            for c in 0..3 {
                let mut rows = base;
                rows[r][c] += 1_000;
                let (relations, values) = table(&rows, 17_500);
                let found = infer(&relations, &|cell| values.get(&cell).copied());
                assert_eq!(found.len(), 1, "row {r} column {c}: {found:?}");
                assert_eq!(found[0].cells, vec![((0, r, c), d(base[r][c]))], "row {r} column {c}");
            }
        }
    }

    #[test]
    fn a_lone_transfer_names_the_side_whose_table_still_adds_up() {
        // The overview figure alone differs: the sum row's cell is held by its sum.
        let rows = [[10_000, 6_000, 4_000], [5_000, 4_000, 1_000], [15_000, 10_000, 5_000]];
        let (relations, values) = table(&rows, 10_100);
        let found = infer(&relations, &|c| values.get(&c).copied());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, vec![((1, 0, 1), d(10_000))]);
    }
}
