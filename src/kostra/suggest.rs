//! "Did you mean": valid functions near a mistyped code, or whose name matches the row's text.

use super::Region;

/// How a suggested code differs from the code written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CodeEdit {
    /// Two neighbouring digits swapped (235 → 253).
    Swapped,
    /// One digit different (235 → 233).
    OneDigit,
    /// One digit too many (1211 → 121).
    ExtraDigit,
    /// One digit missing (10 → 110).
    MissingDigit,
}

impl CodeEdit {
    /// In words, for a hint: "253 is 235 with two digits swapped".
    pub fn describe(self) -> String {
        match self {
            CodeEdit::Swapped => crate::tr!(kostra_swapped),
            CodeEdit::OneDigit => crate::tr!(kostra_one_digit),
            CodeEdit::ExtraDigit => crate::tr!(kostra_extra_digit),
            CodeEdit::MissingDigit => crate::tr!(kostra_missing_digit),
        }
    }
}

/// A valid function the row may have meant.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The function code.
    pub code: u16,
    /// Its name, where the list has one.
    pub name: Option<&'static str>,
    /// Set when the code is one edit away from the code written.
    pub by_code: Option<CodeEdit>,
    /// Set when the function's name matches the row's text.
    pub by_name: bool,
}

/// Row text must match a name at least this well (0–1) to suggest it.
const NAME_THRESHOLD: f64 = 0.6;
/// Only names within this distance of the best match are suggested.
const NAME_MARGIN: f64 = 0.1;
/// At most this many suggestions by code alone.
const MAX_BY_CODE: usize = 4;

/// Valid functions (for `year` and `region`) the row may have meant: `digits` is the code as
/// written (`"235"`, `"1211"`, `"10"`, or empty), `text` the rest of the label.
///
/// When the text matches function names, those come first (a name that matches and a code one
/// edit away first of all) and code-only neighbours are left out: the name written is the better
/// witness. Otherwise up to four codes one edit away, swapped digits first.
pub fn suggest(digits: &str, text: &str, year: i32, region: Region) -> Vec<Suggestion> {
    let candidates = super::valid_codes(year, region);
    let words = words(text);
    let scored: Vec<(u16, Option<CodeEdit>, f64)> = candidates
        .iter()
        .map(|&code| {
            let edit = code_edit(digits, &format!("{code:03}"));
            let score = match super::name(code) {
                Some(name) if !words.is_empty() => name_score(&words, &self::words(name)),
                _ => 0.0,
            };
            (code, edit, score)
        })
        .collect();

    let best = scored.iter().map(|s| s.2).fold(0.0, f64::max);
    let mut out: Vec<(u16, Option<CodeEdit>, f64)> = if best >= NAME_THRESHOLD {
        scored.into_iter().filter(|s| s.2 >= NAME_THRESHOLD && s.2 >= best - NAME_MARGIN).collect()
    } else {
        scored.into_iter().filter(|s| s.1.is_some()).map(|(c, e, _)| (c, e, 0.0)).collect()
    };
    out.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then(a.1.is_none().cmp(&b.1.is_none()))
            .then(a.1.cmp(&b.1))
            .then(a.0.cmp(&b.0))
    });
    if best < NAME_THRESHOLD {
        out.truncate(MAX_BY_CODE);
    }
    out.into_iter()
        .map(|(code, by_code, score)| Suggestion {
            code,
            name: super::name(code),
            by_code,
            by_name: score >= NAME_THRESHOLD,
        })
        .collect()
}

/// How `candidate` (three digits) is one edit away from `written`, if it is.
fn code_edit(written: &str, candidate: &str) -> Option<CodeEdit> {
    let w: Vec<char> = written.chars().collect();
    let c: Vec<char> = candidate.chars().collect();
    if w.is_empty() || w == c {
        return None;
    }
    if w.len() == c.len() {
        let diff: Vec<usize> = (0..w.len()).filter(|&i| w[i] != c[i]).collect();
        return match diff[..] {
            [_] => Some(CodeEdit::OneDigit),
            [i, j] if j == i + 1 && w[i] == c[j] && w[j] == c[i] => Some(CodeEdit::Swapped),
            _ => None,
        };
    }
    let drops_one = |long: &[char], short: &[char]| {
        (0..long.len()).any(|i| long[..i] == short[..i] && long[i + 1..] == short[i..])
    };
    if w.len() == c.len() + 1 && drops_one(&w, &c) {
        return Some(CodeEdit::ExtraDigit);
    }
    if w.len() + 1 == c.len() && drops_one(&c, &w) {
        return Some(CodeEdit::MissingDigit);
    }
    None
}

/// Small words that say nothing about which function is meant.
const STOP_WORDS: &[&str] =
    &["og", "i", "til", "av", "for", "med", "mv", "m", "v", "o", "l", "på", "en", "et"];

/// The words of a name, lower case, without punctuation and small words.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// How well two words match (0–1): 1 when equal; 0.8 when one is an abbreviation of the other
/// («omsorgstj» for «omsorgstjenester», at least three letters); 0.8 for a typo in a long word.
fn word_match(a: &str, b: &str) -> f64 {
    let (short, long) = if a.chars().count() <= b.chars().count() { (a, b) } else { (b, a) };
    if a == b {
        1.0
    } else if (short.chars().count() >= 3 && long.starts_with(short))
        || (short.chars().count() >= 6 && strsim::jaro_winkler(a, b) >= 0.93)
    {
        0.8
    } else {
        0.0
    }
}

/// How well the row's words match a function name (0–1): the harmonic mean of how well the row's
/// words are found in the name and the name's words in the row.
fn name_score(row: &[String], name: &[String]) -> f64 {
    if row.is_empty() || name.is_empty() {
        return 0.0;
    }
    let found = |xs: &[String], ys: &[String]| {
        let total: f64 =
            xs.iter().map(|x| ys.iter().map(|y| word_match(x, y)).fold(0.0, f64::max)).sum();
        total / xs.len() as f64
    };
    let (p, r) = (found(row, name), found(name, row));
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// Whether `text` reads as the name of function `code` (used to flag a code whose row names a
/// different function). `None` when the list has no name for the code or the text is empty.
pub fn name_matches(code: u16, text: &str) -> Option<bool> {
    let row = words(text);
    let name = super::name(code)?;
    if row.is_empty() {
        return None;
    }
    Some(name_score(&row, &words(name)) >= NAME_THRESHOLD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &[Suggestion]) -> Vec<u16> {
        s.iter().map(|s| s.code).collect()
    }

    #[test]
    fn swapped_digits_and_the_name_point_at_253() {
        let s =
            suggest("235", "Helse- og omsorgstjenester i institusjon", 2024, Region::Municipality);
        assert_eq!(codes(&s), [253]);
        assert_eq!(s[0].by_code, Some(CodeEdit::Swapped));
        assert!(s[0].by_name);
        assert_eq!(s[0].name, Some("Helse- og omsorgstjenester i institusjon"));
    }

    #[test]
    fn by_code_alone_swapped_digits_come_first() {
        let s = suggest("235", "", 2024, Region::Municipality);
        assert_eq!(codes(&s), [253, 325, 215, 231]);
        assert_eq!(s[1].by_code, Some(CodeEdit::Swapped));
        assert!(s[2..].iter().all(|s| s.by_code == Some(CodeEdit::OneDigit) && !s.by_name));
    }

    #[test]
    fn by_name_alone() {
        assert_eq!(codes(&suggest("", "Barnehage", 2024, Region::Municipality)), [201]);
        assert_eq!(
            codes(&suggest("", "Helse- og omsorgstj. i institusjon", 2024, Region::Municipality)),
            [253]
        );
        assert_eq!(codes(&suggest("112", "Barneverntjenste", 2024, Region::Municipality)), [244]);
    }

    #[test]
    fn wrong_length_codes() {
        let s = suggest("1211", "", 2024, Region::Municipality);
        assert_eq!(codes(&s), [121, 211]);
        assert!(s.iter().all(|s| s.by_code == Some(CodeEdit::ExtraDigit)));
        assert_eq!(
            codes(&suggest("10", "Kontroll og revisjon", 2024, Region::Municipality)),
            [110]
        );
        assert!(
            suggest("10", "", 2024, Region::Municipality)
                .iter()
                .all(|s| s.by_code == Some(CodeEdit::MissingDigit))
        );
    }

    #[test]
    fn only_codes_valid_in_the_year_and_region() {
        // 254 was retired after 2023: in 2024 its name points to nothing valid …
        assert!(
            !codes(&suggest(
                "",
                "Helse- og omsorgstjenester til hjemmeboende",
                2024,
                Region::Municipality
            ))
            .contains(&254)
        );
        // … in 2023 it is the answer.
        assert_eq!(
            codes(&suggest(
                "",
                "Helse- og omsorgstjenester til hjemmeboende",
                2023,
                Region::Municipality
            )),
            [254]
        );
        // 692 is near 629 only for an Oslo district.
        assert!(!codes(&suggest("629", "", 2025, Region::Municipality)).contains(&692));
        assert!(codes(&suggest("629", "", 2025, Region::OsloDistrict)).contains(&692));
    }

    #[test]
    fn edits() {
        assert_eq!(code_edit("235", "253"), Some(CodeEdit::Swapped));
        assert_eq!(code_edit("235", "233"), Some(CodeEdit::OneDigit));
        assert_eq!(code_edit("235", "325"), Some(CodeEdit::Swapped));
        assert_eq!(code_edit("235", "352"), None);
        assert_eq!(code_edit("1211", "121"), Some(CodeEdit::ExtraDigit));
        assert_eq!(code_edit("1211", "211"), Some(CodeEdit::ExtraDigit));
        assert_eq!(code_edit("10", "100"), Some(CodeEdit::MissingDigit));
        assert_eq!(code_edit("10", "210"), Some(CodeEdit::MissingDigit));
        assert_eq!(code_edit("", "100"), None);
        assert_eq!(code_edit("100", "100"), None);
    }

    #[test]
    fn names_match_their_code() {
        assert_eq!(name_matches(253, "Helse- og omsorgstj. i institusjon"), Some(true));
        assert_eq!(name_matches(253, "Barnehage"), Some(false));
        assert_eq!(name_matches(253, ""), None);
        assert_eq!(name_matches(691, "Noe"), None);
    }
}
