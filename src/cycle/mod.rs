//! The annual cycle: next year's report from this year's, and checks against last year's.
//!
//! - [`roll`]: `arsrapport roll-forward DIR --to NEWDIR` writes next year's report: the same
//!   files with the year advanced in settings, titles, captions and column headings, every
//!   table's figures moved one year back by heading, and the cells for the new year's figures
//!   written `?` ([`AWAITING`]).
//! - [`awaiting`]: `check` lists the cells that still wait for figures (AR601).
//! - [`previous`]: with `previous: ../2024` in `report.yaml`, `check` reads last year's report
//!   and compares every figure this report states about an earlier year with the one
//!   published then (AR603, AR604, AR605), and every paragraph with last year's text
//!   ([`unrevised`], AR602).
//! - [`diff`]: `arsrapport diff OLD NEW`, what changed between two versions of a report.
//!
//! `build` refuses to publish while cells await figures or texts are unrevised, unless
//! `--draft` ([`blocks_publishing`]).

pub mod awaiting;
pub mod diff;
mod edits;
pub mod previous;
pub mod roll;
pub mod unrevised;

use std::ops::Range;

use crate::diag::{Code, Diagnostic};

/// A cell written like this awaits figures: it prints empty, and `check` lists it (AR601).
pub const AWAITING: &str = "?";

/// The four-digit years (1900–2099) stated in a text, with their byte ranges.
pub fn years(text: &str) -> Vec<(Range<usize>, i32)> {
    crate::validate::years::years_at(text)
}

/// The text with every year stated in it advanced by `by` years.
pub fn advance_years(text: &str, by: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, year) in years(text) {
        out.push_str(&text[last..range.start]);
        out.push_str(&(year + by).to_string());
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// A heading or label folded for pairing: case, spacing and trailing footnote marks ignored.
pub fn key(text: &str) -> String {
    crate::validate::rows::link_key(text)
}

/// The heading a column is known by: its header group's title (if any) and its own heading.
pub fn column_headings(headings: &[String], groups: &[(String, usize)]) -> Vec<String> {
    let mut group_of = Vec::with_capacity(headings.len());
    for (title, span) in groups {
        for _ in 0..*span {
            group_of.push(title.trim().to_string());
        }
    }
    headings
        .iter()
        .enumerate()
        .map(|(i, h)| match group_of.get(i).filter(|g| !g.is_empty()) {
            Some(g) => format!("{g} {}", h.trim()),
            None => h.trim().to_string(),
        })
        .collect()
}

/// Whether a finding keeps `build` from publishing without `--draft`: a cell awaiting figures
/// or a text unrevised since last year's report.
pub fn blocks_publishing(d: &Diagnostic) -> bool {
    d.acknowledged.is_none()
        && matches!(d.code, Code::AwaitingFigures | Code::UnrevisedText)
        && d.severity != crate::diag::Severity::Note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_advance_where_they_are_stated() {
        assert_eq!(advance_years("Regnskap 2024", 1), "Regnskap 2025");
        assert_eq!(
            advance_years("Regulert budsjett 2024 (inkl. y.disp- fra 2023)", 1),
            "Regulert budsjett 2025 (inkl. y.disp- fra 2024)"
        );
        assert_eq!(advance_years("01.01.2024", 1), "01.01.2025");
        assert_eq!(advance_years("Konto 120045; 1 714 058", 1), "Konto 120045; 1 714 058");
    }

    #[test]
    fn keys_ignore_case_spacing_and_footnote_marks() {
        assert_eq!(key("Måltall 2024²"), key("måltall  2024"));
        assert_eq!(key("Sum netto utgifter *)"), key("Sum netto utgifter"));
    }

    #[test]
    fn header_groups_name_their_columns() {
        let h = ["".to_string(), "Møter".into(), "Saker".into(), "Møter".into()];
        let g = [("".to_string(), 1), ("2023".to_string(), 2), ("2024".to_string(), 1)];
        assert_eq!(column_headings(&h, &g), ["", "2023 Møter", "2023 Saker", "2024 Møter"]);
    }
}
