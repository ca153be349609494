//! KOSTRA function codes: which exist in which year, for whom, and what a mistyped one meant.
//!
//! Takes a function code (or a whole row label), the report's year and its [`Region`]; hands on
//! a [`Status`], "did you mean" [`Suggestion`]s, and for a row label a ready [`Finding`] (severity,
//! message, hints) for the KOSTRA rule to turn into a diagnostic.
//!
//! The lists are SSB's, as its open-source KOSTRA control program checks them, for the years
//! 2020–2026 ([`YEARS`]), embedded in the binary. Oslo's districts (regions 030101–030115) may use
//! functions the ordinary municipal list lacks: the county functions Oslo also runs, and Oslo's
//! own 691–696 (from 2025 for the districts only). A retired function is accepted with a warning;
//! in the years SSB's control program still accepts it "for a transition period", the warning
//! says so. Messages never name a file of this program's source.

mod data;
mod label;
mod suggest;

use std::ops::RangeInclusive;

pub use label::{LabelProblem, parse_label};
pub use suggest::{CodeEdit, Suggestion, name_matches, suggest};

use crate::diag::Severity;
use crate::tr;

/// The report years the embedded lists cover. Other years are checked against the nearest one.
pub const YEARS: RangeInclusive<i32> = 2020..=2026;

/// Who is reporting: decides which functions beyond the ordinary municipal list are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// Any municipality but Oslo.
    Municipality,
    /// Oslo kommune as a whole (region 030100).
    Oslo,
    /// One of Oslo's districts (bydeler, regions 030101–030115).
    OsloDistrict,
}

impl Region {
    /// From a KOSTRA region code: `"030109"` (Bjerke) → `OsloDistrict`, `"030100"` or `"0301"` →
    /// `Oslo`, any other four- or six-digit code → `Municipality`. `None` for anything else,
    /// including `0301xx` codes that are no district.
    pub fn from_code(code: &str) -> Option<Region> {
        let code = code.trim();
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match code.len() {
            4 if code == "0301" => Some(Region::Oslo),
            4 => Some(Region::Municipality),
            6 if code == "030100" => Some(Region::Oslo),
            6 if code.starts_with("0301") => match code[4..].parse::<u8>() {
                Ok(1..=15) => Some(Region::OsloDistrict),
                _ => None,
            },
            6 => Some(Region::Municipality),
            _ => None,
        }
    }

    /// From the report's `organisation` and `district` settings, when no region code is given:
    /// organisation «Oslo kommune» with a district «Bydel …» is an Oslo district; «Oslo kommune»
    /// otherwise is Oslo; anything else an ordinary municipality.
    pub fn infer(organisation: &str, district: &str) -> Region {
        let organisation = organisation.trim().to_lowercase();
        if organisation != "oslo kommune" && organisation != "oslo" {
            return Region::Municipality;
        }
        let district = district.trim().to_lowercase();
        if district.starts_with("bydel ") { Region::OsloDistrict } else { Region::Oslo }
    }
}

/// Who may use a function in a given period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every municipality, Oslo and its districts included.
    Municipal,
    /// Oslo kommune and its districts (the county functions Oslo runs; 691–696 up to 2024).
    Oslo,
    /// Oslo's districts only (691–696 from 2025).
    OsloDistricts,
}

impl Scope {
    /// Whether a reporter in `region` may use a function of this scope.
    pub fn includes(self, region: Region) -> bool {
        match self {
            Scope::Municipal => true,
            Scope::Oslo => region != Region::Municipality,
            Scope::OsloDistricts => region == Region::OsloDistrict,
        }
    }

    /// Who, in words: "Oslo kommune and its districts".
    pub fn describe(self) -> String {
        match self {
            Scope::Municipal => tr!(kostra_scope_municipal),
            Scope::Oslo => tr!(kostra_scope_oslo),
            Scope::OsloDistricts => tr!(kostra_scope_districts),
        }
    }
}

/// A code's standing in a year, for a region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// In the year's list for the region.
    Valid,
    /// In no list of any year.
    Unknown,
    /// Retired: last in the list in `until`.
    Expired {
        /// Last year the code was in the list.
        until: i32,
        /// The codes that replace it (may be empty).
        successors: Vec<u16>,
    },
    /// Retired, but SSB's control program still accepts it in this year, with a message.
    TransitionAccepted {
        /// Last year the code was in the list.
        until: i32,
        /// The codes that replace it (may be empty).
        successors: Vec<u16>,
        /// Last year of the transition period.
        accepted_until: i32,
    },
    /// Not yet in the list: first in `from`.
    NotYet {
        /// First year the code is in the list.
        from: i32,
    },
    /// In the year's list, but for other reporters (an Oslo function in another municipality, a
    /// district function in Oslo kommune's own report).
    OtherRegion {
        /// Who may use it.
        scope: Scope,
    },
}

/// The year whose list `year` is checked against: itself if covered, else the nearest covered.
pub fn list_year(year: i32) -> i32 {
    year.clamp(*YEARS.start(), *YEARS.end())
}

/// The standing of function `code` in report year `year` for a reporter in `region`.
pub fn status(code: u16, year: i32, region: Region) -> Status {
    let year = list_year(year);
    let periods: Vec<&data::Period> =
        data::table().periods.iter().filter(|p| p.code == code).collect();
    if periods.is_empty() {
        return Status::Unknown;
    }
    let now: Vec<&&data::Period> = periods.iter().filter(|p| p.covers(year)).collect();
    if now.iter().any(|p| p.scope.includes(region)) {
        return Status::Valid;
    }
    if let Some(p) = now.first() {
        return Status::OtherRegion { scope: p.scope };
    }
    let retired =
        periods.iter().filter(|p| p.until.is_some_and(|u| u < year)).max_by_key(|p| p.until);
    if let Some(p) = retired
        && let Some(until) = p.until
    {
        if !p.scope.includes(region) {
            return Status::OtherRegion { scope: p.scope };
        }
        let successors = p.successors.clone();
        return match p.accepted {
            Some((from, to)) if (from..=to).contains(&year) => {
                Status::TransitionAccepted { until, successors, accepted_until: to }
            }
            _ => Status::Expired { until, successors },
        };
    }
    match periods.iter().filter_map(|p| p.from).filter(|&f| f > year).min() {
        Some(from) => Status::NotYet { from },
        None => Status::Unknown,
    }
}

/// The function's name, where the list has one.
pub fn name(code: u16) -> Option<&'static str> {
    data::table().names.get(&code).map(String::as_str)
}

/// Every code valid in `year` for `region`, ascending.
pub fn valid_codes(year: i32, region: Region) -> Vec<u16> {
    let year = list_year(year);
    let mut codes: Vec<u16> = data::table()
        .periods
        .iter()
        .filter(|p| p.covers(year) && p.scope.includes(region))
        .map(|p| p.code)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// What the KOSTRA rule reports about one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// The label does not start with a three-digit code.
    NotACode,
    /// A code in no list.
    Unknown,
    /// A code of another year's list (not yet valid).
    NotYet,
    /// A code for other reporters.
    OtherRegion,
    /// A retired code.
    Expired,
    /// A retired code SSB still accepts this year.
    Transition,
}

/// One finding about a row label: the KOSTRA rule adds the place and the code.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Which problem.
    pub kind: FindingKind,
    /// Error for a row that is not a valid code, warning for a retired code.
    pub severity: Severity,
    /// The message.
    pub message: String,
    /// Hints, "did you mean" first.
    pub hints: Vec<String>,
    /// The suggestions behind the "did you mean" hint.
    pub suggestions: Vec<Suggestion>,
}

/// Checks a `kostra` table's row label (not a sum row) for report year `year` and `region`:
/// `None` when it starts with a code valid that year.
pub fn check_label(label: &str, year: i32, region: Region) -> Option<Finding> {
    let in_year = if YEARS.contains(&year) {
        tr!(kostra_in_year, year = year)
    } else {
        tr!(run_in_the_newest_list_this, year = list_year(year))
    };
    let (code, text) = match parse_label(label) {
        Ok(parsed) => parsed,
        Err(problem) => {
            let text = label.trim_start()[problem_len(label, &problem)..].trim();
            let suggestions = suggest(problem.digits(), text, year, region);
            let message = match problem {
                LabelProblem::NoCode => {
                    tr!(run_does_not_start_with_a, label = label.trim())
                }
                _ => tr!(run_does_not_start_with_a_2, label = label.trim(), problem = problem),
            };
            let mut hints: Vec<String> =
                did_you_mean(&suggestions, problem.digits()).into_iter().collect();
            hints.push(tr!(run_in_a_kostra_table_every));
            return Some(Finding {
                kind: FindingKind::NotACode,
                severity: Severity::Error,
                message,
                hints,
                suggestions,
            });
        }
    };
    let digits = format!("{code:03}");
    let error = |kind: FindingKind,
                 message: String,
                 suggestions: Vec<Suggestion>,
                 extra: Option<String>| {
        let mut hints: Vec<String> = did_you_mean(&suggestions, &digits).into_iter().collect();
        hints.extend(extra);
        Some(Finding { kind, severity: Severity::Error, message, hints, suggestions })
    };
    match status(code, year, region) {
        Status::Valid => None,
        Status::Unknown => error(
            FindingKind::Unknown,
            tr!(run_digits_is_not_a_kostra, digits = digits, in_year = in_year),
            suggest(&digits, text, year, region),
            None,
        ),
        Status::NotYet { from } => error(
            FindingKind::NotYet,
            tr!(run_digits_is_not_a_kostra_2, digits = digits, in_year = in_year, from = from),
            suggest(&digits, text, year, region),
            Some(tr!(run_check_the_report_s_year)),
        ),
        Status::OtherRegion { scope } => error(
            FindingKind::OtherRegion,
            tr!(
                run_digits_is_a_kostra_function,
                users = scope.describe(),
                digits = digits,
                in_year = in_year
            ),
            suggest(&digits, text, year, region),
            (scope != Scope::Municipal).then(|| tr!(run_if_this_report_is_for)),
        ),
        Status::Expired { until, successors } => {
            let mut hints: Vec<String> = replaced_by(&successors).into_iter().collect();
            hints.push(tr!(run_a_row_that_keeps_a));
            Some(Finding {
                kind: FindingKind::Expired,
                severity: Severity::Warning,
                message: tr!(
                    run_kostra_function_digits_was_retired,
                    digits = digits,
                    until = until
                ),
                hints,
                suggestions: Vec::new(),
            })
        }
        Status::TransitionAccepted { until, successors, accepted_until } => Some(Finding {
            kind: FindingKind::Transition,
            severity: Severity::Warning,
            message: tr!(
                run_kostra_function_digits_was_retired_2,
                digits = digits,
                until = until,
                accepted_until = accepted_until
            ),
            hints: replaced_by(&successors).into_iter().collect(),
            suggestions: Vec::new(),
        }),
    }
}

/// How many characters of the trimmed label the problem's code takes (to find the name after it).
fn problem_len(label: &str, problem: &LabelProblem) -> usize {
    let text = label.trim_start();
    match problem {
        LabelProblem::NoCode => 0,
        LabelProblem::Lookalike { written, .. } => written.len(),
        LabelProblem::TooFewDigits { digits }
        | LabelProblem::TooManyDigits { digits }
        | LabelProblem::NoSpace { digits, .. } => digits.len().min(text.len()),
    }
}

/// «did you mean 253 «Helse- og omsorgstjenester i institusjon» (…)?»
fn did_you_mean(suggestions: &[Suggestion], written: &str) -> Option<String> {
    if suggestions.is_empty() {
        return None;
    }
    let each: Vec<String> = suggestions
        .iter()
        .map(|s| {
            let mut why = Vec::new();
            if s.by_name {
                why.push(tr!(run_its_name_matches_the_row));
            }
            if let Some(edit) = s.by_code
                && !written.is_empty()
            {
                why.push(tr!(run_written_with, edit = edit.describe(), written = written));
            }
            let named = match s.name {
                Some(name) => format!("{:03} «{name}»", s.code),
                None => format!("{:03}", s.code),
            };
            if why.is_empty() { named } else { format!("{named} ({})", why.join("; ")) }
        })
        .collect();
    Some(tr!(run_did_you_mean, suggestions = join_or(&each)))
}

/// «from 2024: 257 «…» or 258 «…»»
fn replaced_by(successors: &[u16]) -> Option<String> {
    if successors.is_empty() {
        return None;
    }
    let each: Vec<String> = successors
        .iter()
        .map(|&c| match name(c) {
            Some(n) => format!("{c:03} «{n}»"),
            None => format!("{c:03}"),
        })
        .collect();
    Some(tr!(run_it_is_replaced_by, codes = join_or(&each)))
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tr!(fix_or, list = rest.join(", "), last = last),
    }
}

#[cfg(test)]
mod tests;
