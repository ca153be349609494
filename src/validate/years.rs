//! Years in column headings: «Regnskap 2024» left over the 2025 column is a stale heading.
//!
//! Each column of a known kind has a role — this year's accounts or budget, last year's
//! accounts, an earlier result — and so an expected year. A heading that states a year
//! (`Regnskap 2024`, `01.01.2024`) must state that one. Columns without a known role may not
//! state a year after the report's.

use crate::diag::{Code, Diagnostic};
use crate::load::spec::TableSpec;
use crate::model::{Report, Table, TableKind};
use crate::tr;

/// What a column holds, by year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The report year (accounts, budget, target, this year's result).
    ThisYear,
    /// The year before.
    LastYear,
    /// An earlier year than the report's.
    Earlier,
    /// A count at the start of the report year: 31.12. the year before, or 01.01. the year.
    Start,
    /// A count at the end of the report year: 31.12. the year, or 01.01. the year after.
    End,
    /// Not known: only a year after the report's is suspicious.
    Unknown,
}

fn role(kind: TableKind, key: &str) -> Role {
    match (kind, key) {
        (TableKind::Kostra | TableKind::Overview, "regnskap_fjor") => Role::LastYear,
        (
            TableKind::Kostra | TableKind::Overview,
            "opprinnelig" | "regulert" | "regnskap" | "avvik",
        ) => Role::ThisYear,
        (TableKind::Investment, "regulert" | "regnskap" | "avvik") => Role::ThisYear,
        (TableKind::Indicators, "maltall" | "resultat" | "avvik") => Role::ThisYear,
        (TableKind::Indicators, k) if k.starts_with("resultat_") => Role::Earlier,
        (TableKind::Staffing, "fra") => Role::Start,
        (TableKind::Staffing, "til") => Role::End,
        _ => Role::Unknown,
    }
}

/// The years (1900–2099) stated in a heading, as whole four-digit numbers.
pub fn years_in(text: &str) -> Vec<i32> {
    years_at(text).into_iter().map(|(_, year)| year).collect()
}

/// The four-digit years (1900–2099) stated in a text, with their byte ranges.
pub fn years_at(text: &str) -> Vec<(std::ops::Range<usize>, i32)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let before = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if digits && before && after {
            let year: i32 = text[i..i + 4].parse().unwrap_or(0);
            if (1900..2100).contains(&year) {
                out.push((i..i + 4, year));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

fn expected_text(role: Role, year: i32) -> String {
    match role {
        Role::ThisYear => tr!(val_the_report_year_year, year = year),
        Role::LastYear => tr!(val_the_year_before_the_report, year_before = year - 1),
        Role::Earlier => tr!(val_a_year_before_year, year = year),
        Role::Start => tr!(val_the_start_of_the_report, year_before = year - 1, year = year),
        Role::End => tr!(val_the_end_of_the_report, year_after = year + 1, year = year),
        Role::Unknown => tr!(val_year_or_earlier, year = year),
    }
}

fn fits(role: Role, stated: i32, year: i32) -> bool {
    match role {
        Role::ThisYear => stated == year,
        Role::LastYear => stated == year - 1,
        Role::Earlier => stated < year,
        Role::Start => stated == year - 1 || stated == year,
        Role::End => stated == year || stated == year + 1,
        Role::Unknown => stated <= year,
    }
}

fn check_table(table: &Table, spec: &TableSpec, year: i32, out: &mut Vec<Diagnostic>) {
    for (i, column) in table.columns.iter().enumerate().skip(1) {
        let role = role(table.kind, &column.key);
        let stated = years_in(&column.header);
        // A heading may state a period («2023–2024»): it fits when one of its years does.
        if stated.is_empty() || stated.iter().any(|&y| fits(role, y, year)) {
            continue;
        }
        let shown = stated.iter().map(i32::to_string).collect::<Vec<_>>().join("–");
        let mut d = Diagnostic::warning(
            Code::ColumnYear,
            tr!(
                val_the_heading_states_shown_but,
                header = column.header,
                holds = expected_text(role, year),
                shown = shown
            ),
        )
        .with_label(tr!(val_stale_year))
        .with_hint(tr!(val_correct_the_year_in_the));
        if let Some(span) = spec.header_spans.get(i) {
            d = d.at(span.clone());
        }
        d.table = Some(table.id.clone());
        d.column = Some(format!("`{}` («{}»)", column.key, column.header));
        out.push(d);
    }
}

/// Checks the years stated in every table's column headings.
pub fn check(report: &Report, specs: &[TableSpec]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (table, spec) in report.tables.iter().zip(specs) {
        check_table(table, spec, report.meta.year, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_whole_four_digit_numbers() {
        assert_eq!(years_in("Regnskap 2024"), vec![2024]);
        assert_eq!(years_in("01.01.2021"), vec![2021]);
        assert_eq!(years_in("Endring 2023–2024"), vec![2023, 2024]);
        assert_eq!(years_in("Konto 120045"), Vec::<i32>::new());
        assert_eq!(years_in("1 714 058"), Vec::<i32>::new());
        assert_eq!(years_in("Avvik"), Vec::<i32>::new());
    }

    #[test]
    fn roles_decide_the_expected_year() {
        assert!(fits(role(TableKind::Kostra, "regnskap"), 2025, 2025));
        assert!(!fits(role(TableKind::Kostra, "regnskap"), 2024, 2025));
        assert!(fits(role(TableKind::Kostra, "regnskap_fjor"), 2024, 2025));
        assert!(!fits(role(TableKind::Overview, "regnskap_fjor"), 2025, 2025));
        assert!(fits(role(TableKind::Indicators, "resultat_2"), 2023, 2025));
        assert!(!fits(role(TableKind::Indicators, "resultat_2"), 2025, 2025));
        assert!(fits(role(TableKind::Staffing, "fra"), 2024, 2024));
        assert!(fits(role(TableKind::Staffing, "til"), 2025, 2024));
        assert!(!fits(role(TableKind::Staffing, "til"), 2023, 2024));
        assert!(fits(role(TableKind::Generic, "x"), 2024, 2025));
        assert!(!fits(role(TableKind::Generic, "x"), 2026, 2025));
    }
}
