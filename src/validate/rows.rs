//! Naming rows: how a rule or a `{{ tabell(…) }}` reference finds the row it means.
//!
//! A reference matches, in this order: a row whose label is the reference (spaces folded, case
//! ignored); a row whose row-key cell is the reference; a row whose label starts with the
//! reference followed by a character that is not a letter or digit. The first of these that
//! matches anything decides; if it matches more than one row, the reference is ambiguous (AR308)
//! and no row is picked — a rule never silently takes the first of two.

use crate::model::{Cell, Table};
use crate::tr;

/// Why a reference names no single row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// No row matches.
    Missing,
    /// These rows (indices, at least two) match equally well.
    Ambiguous(Vec<usize>),
}

/// Folds whitespace and case for label comparison.
pub(crate) fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A label folded as [`norm`] does, without trailing footnote marks (`*)`, `*`, `1)`, `(2)`, `³`):
/// how `rows: same` pairs the rows of two tables.
pub(crate) fn link_key(s: &str) -> String {
    let mut key = norm(s);
    loop {
        let trimmed = key.trim_end();
        let stripped = trimmed
            .strip_suffix(')')
            .map(|rest| {
                let inner = rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == '*');
                let opened = inner.rfind('(');
                match opened {
                    // «(2)» is a mark; «(kap. 3)» is part of the label.
                    Some(i) if i + 1 == inner.len() => &inner[..i],
                    Some(_) => trimmed,
                    None if inner.len() < rest.len() => inner,
                    None => trimmed,
                }
            })
            .unwrap_or(trimmed)
            .trim_end_matches(['*', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰'])
            .trim_end();
        if stripped.len() == key.len() || stripped.is_empty() {
            return key;
        }
        key = stripped.to_string();
    }
}

/// Whether `label` (folded) starts with `wanted` (folded) followed by a non-alphanumeric character.
fn is_prefix(label: &str, wanted: &str) -> bool {
    label.starts_with(wanted)
        && label[wanted.len()..].chars().next().is_some_and(|c| !c.is_alphanumeric())
}

fn decide(matches: Vec<usize>) -> Option<Result<usize, RowError>> {
    match matches.as_slice() {
        [] => None,
        [one] => Some(Ok(*one)),
        _ => Some(Err(RowError::Ambiguous(matches))),
    }
}

/// Finds the row of `table` that `reference` names: exact label, row key, or a label prefix.
pub fn find_row(table: &Table, row_key: Option<&str>, reference: &str) -> Result<usize, RowError> {
    let wanted = norm(reference);
    let rows = || table.rows.iter().enumerate();
    let exact = rows().filter(|(_, r)| norm(r.label()) == wanted).map(|(i, _)| i).collect();
    if let Some(found) = decide(exact) {
        return found;
    }
    if let Some(col) = row_key.and_then(|key| table.columns.iter().position(|c| c.key == key)) {
        let keyed = rows()
            .filter(|(_, r)| match r.cells.get(col) {
                Some(Cell::Text(t)) => norm(t) == wanted,
                Some(Cell::Number(n)) => n.value.to_string() == wanted,
                _ => false,
            })
            .map(|(i, _)| i)
            .collect();
        if let Some(found) = decide(keyed) {
            return found;
        }
    }
    let prefixed = rows().filter(|(_, r)| is_prefix(&norm(r.label()), &wanted)).map(|(i, _)| i);
    decide(prefixed.collect()).unwrap_or(Err(RowError::Missing))
}

/// A note naming the rows an ambiguous reference matches: "rows 2 and 4 under the header match:
/// «Sum», «Sum»" (rows counted from 1 below the header).
pub fn matches_note(table: &Table, rows: &[usize]) -> String {
    let numbers: Vec<String> = rows.iter().map(|r| (r + 1).to_string()).collect();
    let labels: Vec<String> =
        rows.iter().map(|&r| format!("«{}»", table.rows[r].label())).collect();
    let numbers = match numbers.split_last() {
        Some((last, rest)) if !rest.is_empty() => tr!(fix_and, list = rest.join(", "), last = last),
        _ => numbers.join(""),
    };
    tr!(val_rows_numbers_under_the_header, labels = labels.join(", "), numbers = numbers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::testing::table;

    #[test]
    fn exact_label_then_row_key_then_prefix() {
        let t = table(
            "t",
            "prosjekt;nr:code;regnskap",
            "Prosjekt;Nr;Regnskap\n100 Politisk styring;7;1\nSum  drift;8;2\nSum drift og investering;9;3\n",
        );
        assert_eq!(find_row(&t, None, "100"), Ok(0));
        assert_eq!(find_row(&t, None, "sum drift"), Ok(1), "exact beats prefix");
        assert_eq!(find_row(&t, Some("nr"), "9"), Ok(2));
        assert_eq!(find_row(&t, None, "Sum drift og"), Ok(2));
        assert_eq!(find_row(&t, None, "10"), Err(RowError::Missing), "10 is not a prefix of 100");
        assert_eq!(find_row(&t, None, "Politisk"), Err(RowError::Missing));
    }

    #[test]
    fn link_keys_ignore_case_spacing_and_footnote_marks() {
        assert_eq!(link_key("Sum netto utgifter *)"), "sum netto utgifter");
        assert_eq!(link_key("Sum  Netto utgifter 1)"), "sum netto utgifter");
        assert_eq!(link_key("Sum netto utgifter (2)"), "sum netto utgifter");
        assert_eq!(link_key("Sum netto utgifter³"), "sum netto utgifter");
        assert_eq!(link_key("Sum netto utgifter**"), "sum netto utgifter");
        assert_eq!(link_key("Funksjonsområde 2A"), "funksjonsområde 2a");
        assert_eq!(link_key("Tiltak (kap. 3)"), "tiltak (kap. 3)");
        assert_eq!(link_key("*"), "*");
    }

    #[test]
    fn two_rows_with_the_same_label_are_ambiguous() {
        let t = table("t", "gruppe;antall", "Gruppe;Antall\nBarn;1\nVoksne;2\nbarn;3\n");
        assert_eq!(find_row(&t, None, "Barn"), Err(RowError::Ambiguous(vec![0, 2])));
        assert_eq!(find_row(&t, None, "Voksne"), Ok(1));
    }

    #[test]
    fn the_note_names_the_rows() {
        let t = table("t", "gruppe;antall", "Gruppe;Antall\nBarn;1\nVoksne;2\nbarn;3\nBarn;4\n");
        assert_eq!(
            matches_note(&t, &[0, 2, 3]),
            "rows 1, 3 and 4 under the header match: «Barn», «barn», «Barn»"
        );
    }

    #[test]
    fn a_prefix_of_two_rows_is_ambiguous() {
        let t = table("t", "gruppe;antall", "Gruppe;Antall\nSum 0-17 år;1\nSum 67 år +;2\n");
        assert_eq!(find_row(&t, None, "Sum"), Err(RowError::Ambiguous(vec![0, 1])));
    }

    #[test]
    fn two_rows_with_the_same_row_key_are_ambiguous() {
        let t = table("t", "prosjekt;nr:code;regnskap", "P;Nr;R\nA;7;1\nB;7;2\n");
        assert_eq!(find_row(&t, Some("nr"), "7"), Err(RowError::Ambiguous(vec![0, 1])));
    }
}
