//! AR403: a declared fact's figure written out literally in text.
//!
//! The text is scanned for figures as people write them (`743`, `1 657`, `1657`, `89,4 %`,
//! `89,4%`, `−41`), each taken whole: a figure that is part of a larger one (`1 743`, `743 000`),
//! of a date or a code (`15.12.2024`, `11605203`), a word (`FO4`), a path or a range written
//! with a hyphen is not a match. A match needs the same digits, decimals, sign and percent sign
//! as the fact printed. Only facts with at least three digits are looked for: small figures
//! ("12 personer") are too common to say anything.

use std::ops::Range;

use crate::model::Fact;

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// A fact's figure as printed, without spaces: `1657`, `89,4%`, `−41`.
pub fn normalized(fact: &Fact) -> String {
    crate::format::number(&fact.value).chars().filter(|c| !is_group_space(*c)).collect()
}

/// Whether a fact's figure is distinctive enough to look for.
pub fn worth_looking_for(normalized: &str) -> bool {
    normalized.chars().filter(char::is_ascii_digit).count() >= 3
}

/// The figures written in `text` outside the `skip` ranges: (byte range, normalized figure).
pub fn figures(text: &str, skip: &[Range<usize>]) -> Vec<(Range<usize>, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|x| x.1);
    let digit = |k: usize| at(k).is_some_and(|c| c.is_ascii_digit());
    let free_before =
        |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || ".,/_\\#§$€+-−–:".contains(c)));
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        let (pos, c) = chars[k];
        if !c.is_ascii_digit() || skip.iter().any(|r| r.contains(&pos)) {
            k += 1;
            continue;
        }
        let prev = k.checked_sub(1).and_then(at);
        let (start, negative, free) = match prev {
            Some('-' | '−') => {
                let before = k.checked_sub(2).and_then(at);
                let sign_free = before.is_none_or(|b| b.is_whitespace() || b == '(');
                (k - 1, sign_free, sign_free)
            }
            _ => (k, false, free_before(prev)),
        };
        let mut j = k;
        while digit(j) {
            j += 1;
        }
        let mut digits: String = chars[k..j].iter().map(|x| x.1).collect();
        if j - k <= 3 {
            while at(j).is_some_and(is_group_space)
                && digit(j + 1)
                && digit(j + 2)
                && digit(j + 3)
                && !digit(j + 4)
            {
                digits.extend(chars[j + 1..j + 4].iter().map(|x| x.1));
                j += 4;
            }
        }
        let mut figure = String::new();
        if negative {
            figure.push('−');
        }
        figure.push_str(&digits);
        if at(j) == Some(',') && digit(j + 1) {
            figure.push(',');
            j += 1;
            while digit(j) {
                figure.push(chars[j].1);
                j += 1;
            }
        }
        if at(j) == Some('%') {
            figure.push('%');
            j += 1;
        } else if at(j).is_some_and(is_group_space) && at(j + 1) == Some('%') {
            figure.push('%');
            j += 2;
        }
        let free_after = match at(j) {
            None => true,
            Some(c) if c.is_alphanumeric() || c == '/' => false,
            Some('.' | ',' | '-' | ':') => !digit(j + 1),
            Some(_) => true,
        };
        if free && free_after {
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            out.push((chars[start].0..end, figure));
        }
        // Skip the rest of a date, code or decimal run ("15.12.2024").
        k = j;
        while k < n && (digit(k) || (matches!(at(k), Some('.' | ',' | '-' | ':')) && digit(k + 1)))
        {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Number;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn found(text: &str) -> Vec<String> {
        figures(text, &[]).into_iter().map(|(_, f)| f).collect()
    }

    #[test]
    fn figures_as_people_write_them() {
        assert_eq!(found("økning fra 728 barn til 743 barn"), ["728", "743"]);
        assert_eq!(found("det var 1657 saker, eller 1 657 saker"), ["1657", "1657"]);
        assert_eq!(found("på 89,4%. En økning på 1,6 %."), ["89,4%", "1,6%"]);
        assert_eq!(found("merforbruk på 8 110 000 kroner"), ["8110000"]);
        assert_eq!(found("avvik på −41 og -7"), ["−41", "−7"]);
        assert_eq!(found("på 89,4\u{a0}%"), ["89,4%"]);
    }

    #[test]
    fn parts_of_other_things_are_not_figures() {
        assert!(found("pr 15.12.2024").is_empty());
        assert_eq!(found("FO4 og KOSTRA-funksjon 11605203"), ["11605203"]);
        assert!(found("FO4C").is_empty());
        assert!(found("https://example.no/743").is_empty());
        assert!(found("1-5 år").is_empty());
        assert_eq!(found("i 2024 743 barn"), ["2024", "743"]);
        assert_eq!(found("kr 17.885 per måned"), Vec::<String>::new());
    }

    #[test]
    fn skipped_ranges_are_left_out() {
        let text = "{{ fakta.x }} og 743";
        assert_eq!(
            figures(text, std::slice::from_ref(&(0..13))),
            vec![(17..20, "743".to_string())]
        );
    }

    #[test]
    fn facts_print_without_spaces() {
        let fact = |v: &str, scale, percent| Fact {
            description: None,
            value: Number { value: Decimal::from_str(v).expect("decimal"), percent, scale },
            unit: None,
        };
        assert_eq!(normalized(&fact("1657", 0, false)), "1657");
        assert_eq!(normalized(&fact("89.4", 1, true)), "89,4%");
        assert_eq!(normalized(&fact("-41", 0, false)), "−41");
        assert!(worth_looking_for("89,4%"));
        assert!(worth_looking_for("743"));
        assert!(!worth_looking_for("12"));
        assert!(!worth_looking_for("50%"));
    }
}
