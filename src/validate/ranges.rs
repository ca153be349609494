//! Labels that state a range: «Sum 0-17 år» must add the rows 0 år … 13-17 år, «Sum 67 år +»
//! the rows from 67 år up. A sum whose parts cover another range than its label states is a
//! warning: either the label or the declared parts are wrong.

use crate::tr;

/// A range of ages (or other whole numbers) a label states; `to: None` is open-ended («67 år +»).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    /// First included.
    pub from: u32,
    /// Last included; `None`: and up.
    pub to: Option<u32>,
}

impl std::fmt::Display for Stated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.to {
            Some(to) if to == self.from => write!(f, "{} år", self.from),
            Some(to) => write!(f, "{}–{} år", self.from, to),
            None => write!(f, "{} år og eldre", self.from),
        }
    }
}

/// Whole numbers in a text, with what follows each.
fn numbers(text: &str) -> Vec<(u32, &str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if let Ok(n) = text[start..i].parse() {
                out.push((n, &text[i..]));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The age range a label states: «0-17 år», «Sum 0–17 år», «67 år +», «67+», «90 år og eldre»,
/// «0 år». Labels without «år» (or `+`) state no age range.
pub fn stated(label: &str) -> Option<Stated> {
    let lower = label.to_lowercase();
    let has_years = lower.contains("år");
    let nums = numbers(&lower);
    match nums.as_slice() {
        [(a, rest_a), (b, rest_b)] => {
            let between = rest_a.trim_start();
            let dash =
                between.starts_with('-') || between.starts_with('–') || between.starts_with('—');
            let unit = rest_b.trim_start();
            (dash && (has_years || unit.starts_with('+')) && a <= b)
                .then_some(Stated { from: *a, to: Some(*b) })
        }
        [(a, rest)] => {
            let rest = rest.trim_start();
            let rest = rest.strip_prefix("år").map_or(rest, str::trim_start);
            if rest.starts_with('+') || rest.starts_with("og eldre") || rest.starts_with("og over")
            {
                Some(Stated { from: *a, to: None })
            } else if has_years {
                Some(Stated { from: *a, to: Some(*a) })
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Why the parts of a sum do not cover the range its label states, if they do not.
pub fn mismatch(sum_label: &str, parts: &[&str]) -> Option<String> {
    let want = stated(sum_label)?;
    let mut ranges = Vec::new();
    for part in parts {
        match stated(part) {
            Some(r) => ranges.push(r),
            None => {
                return Some(tr!(val_the_label_states_want_but, want = want, part = part));
            }
        }
    }
    ranges.sort_by_key(|r| r.from);
    let first = ranges.first()?;
    let mut covered = Stated { from: first.from, to: first.to };
    for r in &ranges[1..] {
        match covered.to {
            Some(end) if r.from == end + 1 => covered.to = r.to,
            Some(end) if r.from <= end => {
                return Some(tr!(val_the_label_states_want_but_2, from = r.from, want = want));
            }
            Some(end) => {
                return Some(tr!(
                    val_the_label_states_want_but_3,
                    missing = Stated { from: end + 1, to: Some(r.from - 1) },
                    want = want
                ));
            }
            None => {
                return Some(tr!(val_the_label_states_want_but_4, from = r.from, want = want));
            }
        }
    }
    (covered != want).then(|| tr!(val_the_label_states_want_but_5, want = want, covered = covered))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(from: u32, to: Option<u32>) -> Stated {
        Stated { from, to }
    }

    #[test]
    fn labels_state_ranges() {
        assert_eq!(stated("Sum 0-17 år"), Some(r(0, Some(17))));
        assert_eq!(stated("13–17 år"), Some(r(13, Some(17))));
        assert_eq!(stated("Sum 67 år +"), Some(r(67, None)));
        assert_eq!(stated("90 år +"), Some(r(90, None)));
        assert_eq!(stated("67+"), Some(r(67, None)));
        assert_eq!(stated("80 år og eldre"), Some(r(80, None)));
        assert_eq!(stated("0 år"), Some(r(0, Some(0))));
        assert_eq!(stated("Sum bydel"), None);
        assert_eq!(stated("120 Administrasjon"), None);
        assert_eq!(stated("Sum kap. 009"), None);
    }

    #[test]
    fn parts_must_cover_the_stated_range() {
        let young = ["0 år", "1-2 år", "3-5 år", "6-12 år", "13-17 år"];
        assert_eq!(mismatch("Sum 0-17 år", &young), None);
        assert_eq!(mismatch("Sum 67 år +", &["67-79 år", "80-89 år", "90 år +"]), None);
        assert_eq!(
            mismatch("Sum 67 år +", &["18-24 år", "25-66 år", "67-79 år", "80-89 år", "90 år +"]),
            Some("the label states 67 år og eldre, but its parts add 18 år og eldre".into())
        );
        assert_eq!(
            mismatch("Sum 0-17 år", &["0 år", "1-2 år", "6-12 år", "13-17 år"]),
            Some("the label states 0–17 år, but the parts leave out 3–5 år".into())
        );
        assert!(mismatch("Sum 0-17 år", &["0 år", "Herav innvandrere"]).is_some());
        assert_eq!(mismatch("Sum bydel", &["x", "y"]), None);
    }
}
