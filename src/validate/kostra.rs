//! KOSTRA function codes and the years they are valid in.
//!
//! The list ships as data (`data/kostra-funksjoner.csv`, embedded in the
//! binary): codes change over time (254 was replaced by 257 and 258 from
//! 2024), so an unknown code is a warning and an expired one a note.

use crate::diag::{Code, Diagnostic};

/// The status of a code in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Valid in that year.
    Valid,
    /// Not in the list at all.
    Unknown,
    /// Valid only until `until`.
    Expired {
        /// Last year the code was valid.
        until: i32,
        /// What replaced it.
        replaced_by: Option<String>,
    },
    /// Valid only from `from`.
    NotYet {
        /// First valid year.
        from: i32,
    },
}

#[derive(Debug, Clone)]
struct Entry {
    code: u16,
    from: Option<i32>,
    until: Option<i32>,
    replaced_by: Option<String>,
}

/// The list of KOSTRA function codes.
#[derive(Debug, Clone)]
pub struct KostraCodes {
    entries: Vec<Entry>,
}

const EMBEDDED: &str = include_str!("../../data/kostra-funksjoner.csv");

impl Default for KostraCodes {
    fn default() -> Self {
        Self::parse(EMBEDDED)
    }
}

impl KostraCodes {
    /// Parses the list: `code;name;from;until;replaced_by`, `#` comments.
    pub fn parse(text: &str) -> Self {
        let entries = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let f: Vec<&str> = l.split(';').map(str::trim).collect();
                Some(Entry {
                    code: f.first()?.parse().ok()?,
                    from: f.get(2).and_then(|s| s.parse().ok()),
                    until: f.get(3).and_then(|s| s.parse().ok()),
                    replaced_by: f.get(4).filter(|s| !s.is_empty()).map(|s| s.to_string()),
                })
            })
            .collect();
        KostraCodes { entries }
    }

    /// The status of `code` in `year`.
    pub fn status(&self, code: u16, year: i32) -> Status {
        let Some(e) = self.entries.iter().find(|e| e.code == code) else { return Status::Unknown };
        if let Some(until) = e.until
            && year > until
        {
            return Status::Expired { until, replaced_by: e.replaced_by.clone() };
        }
        if let Some(from) = e.from
            && year < from
        {
            return Status::NotYet { from };
        }
        Status::Valid
    }
}

/// The three-digit code a row label starts with ("254 Helse- og …" → 254).
pub fn leading_code(label: &str) -> Option<u16> {
    let t = label.trim_start();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 3 {
        return None;
    }
    let rest = &t[3..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    digits.parse().ok()
}

impl super::Checker<'_> {
    /// AR201 and AR202: the KOSTRA function code a row label starts with, in a `kostra` table.
    pub(super) fn check_kostra(&mut self, ti: usize, codes: &KostraCodes, year: i32) {
        if !self.specs[ti].kostra {
            return;
        }
        let table = self.table(ti);
        for (r, row) in table.rows.iter().enumerate() {
            let label = row.label();
            let Some(code) = leading_code(label) else { continue };
            let mut d = match codes.status(code, year) {
                Status::Valid => continue,
                Status::Unknown => Diagnostic::warning(
                    Code::KostraUnknown,
                    format!("{code} is not a KOSTRA function in {year}"),
                )
                .with_hint("check the function code against the year's KOSTRA list (data/kostra-funksjoner.csv)"),
                Status::Expired { until, replaced_by } => Diagnostic::note(
                    Code::KostraExpired,
                    format!(
                        "KOSTRA function {code} was used until {until}{}",
                        replaced_by.map(|r| format!(" and is replaced by {r}")).unwrap_or_default()
                    ),
                ),
                Status::NotYet { from } => Diagnostic::warning(
                    Code::KostraUnknown,
                    format!("KOSTRA function {code} is valid only from {from}"),
                ),
            }
            .at(row.span.clone());
            d.table = Some(table.id.clone());
            d.row = Some(label.to_string());
            self.emit(ti, Some(r), None, d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_change_over_time() {
        let k = KostraCodes::default();
        assert_eq!(k.status(201, 2024), Status::Valid);
        assert_eq!(k.status(254, 2023), Status::Valid);
        assert_eq!(
            k.status(254, 2024),
            Status::Expired { until: 2023, replaced_by: Some("257 og 258".into()) }
        );
        assert_eq!(k.status(257, 2023), Status::NotYet { from: 2024 });
        assert_eq!(k.status(257, 2024), Status::Valid);
        assert_eq!(k.status(999, 2024), Status::Unknown);
    }

    #[test]
    fn leading_codes() {
        assert_eq!(leading_code("254 Helse- og omsorgstj."), Some(254));
        assert_eq!(leading_code("Sum netto utgifter"), None);
        assert_eq!(leading_code("11103205 Biler"), None);
        assert_eq!(leading_code("100"), Some(100));
    }
}

#[cfg(test)]
mod rule_tests {
    use crate::diag::{Code, Severity};
    use crate::validate::testing::*;

    #[test]
    fn codes_are_checked_in_kostra_tables_only() {
        let csv = "F;R\n201 Førskole;1\n254 Helse;2\n257 Helse;3\n999 Ukjent;4\nSum;10\n";
        let r = report(vec![table("t", "funksjon;regnskap", csv)]);
        let mut s = spec(0);
        assert!(run(&r, std::slice::from_ref(&s)).diagnostics.is_empty());
        s.kostra = true;
        let v = run(&r, &[s]);
        let found: Vec<_> = v
            .diagnostics
            .iter()
            .map(|d| (d.code, d.severity, d.message.as_str(), text_at(csv, d)))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Code::KostraExpired,
                    Severity::Note,
                    "KOSTRA function 254 was used until 2023 and is replaced by 257 og 258",
                    "254 Helse;2"
                ),
                (
                    Code::KostraUnknown,
                    Severity::Warning,
                    "999 is not a KOSTRA function in 2024",
                    "999 Ukjent;4"
                ),
            ]
        );
        assert_eq!(v.diagnostics[1].row.as_deref(), Some("999 Ukjent"));
    }

    #[test]
    fn a_code_from_a_later_year_is_a_warning() {
        let csv = "F;R\n257 Helse;3\n";
        let mut r = report(vec![table("t", "funksjon;regnskap", csv)]);
        r.meta.year = 2023;
        let mut s = spec(0);
        s.kostra = true;
        let v = run(&r, &[s]);
        assert_eq!(v.diagnostics.len(), 1);
        assert_eq!(v.diagnostics[0].code, Code::KostraUnknown);
        assert_eq!(v.diagnostics[0].message, "KOSTRA function 257 is valid only from 2024");
    }
}
