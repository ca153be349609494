//! Reading figures as Excel writes them with a Norwegian locale.
//!
//! Accepts `1 714 058` (space, no-break space, narrow no-break space or thin
//! space between thousands), `1.714.058`, `1714058`, decimal comma `89,4`,
//! minus as `-`, `−` (U+2212) or `–`, with or without a space after it,
//! percent `89,4 %` / `89,4%`, `-` / `–` alone for zero, `*` for not available
//! and an empty cell. Values are exact [`Decimal`]s; the number of printed
//! decimals is kept.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::{Cell, Number};

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_group_space(c))
}

/// Why a text is not a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANumber(pub String);

/// Reads a figure cell.
pub fn parse_cell(text: &str) -> Result<Cell, NotANumber> {
    let t = trim(text);
    match t {
        "" => return Ok(Cell::Empty),
        "-" | "–" | "—" | "−" => return Ok(Cell::Dash),
        "*" => return Ok(Cell::NotAvailable),
        _ => {}
    }
    parse_number(t).map(Cell::Number)
}

/// Reads a figure (not a dash, star or empty).
pub fn parse_number(text: &str) -> Result<Number, NotANumber> {
    let original = text;
    let mut t = trim(text);
    let mut percent = false;
    if let Some(rest) = t.strip_suffix('%') {
        percent = true;
        t = trim(rest);
    }
    let mut negative = false;
    if let Some(rest) = t.strip_prefix(['-', '−', '–']) {
        negative = true;
        t = trim(rest);
    } else if let Some(rest) = t.strip_prefix('+') {
        t = trim(rest);
    }
    if t.is_empty() {
        return Err(NotANumber(format!("«{original}» has a sign but no digits")));
    }
    let (int_part, frac_part) = match t.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    // Integer part: digits with optional group separators in groups of three.
    let mut digits = String::with_capacity(int_part.len());
    let groups: Vec<&str> = int_part.split(|c: char| is_group_space(c) || c == '.').collect();
    for (i, g) in groups.iter().enumerate() {
        if g.is_empty() || !g.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number(original));
        }
        if i > 0 && g.len() != 3 {
            // "4.7" with a decimal point instead of a comma.
            if groups.len() == 2 && frac_part.is_none() && int_part.contains('.') {
                return parse_number(&original.replacen('.', ",", 1));
            }
            return Err(NotANumber(format!(
                "«{original}» has a thousands separator in the wrong place (groups of three digits expected)"
            )));
        }
        if i == 0 && groups.len() > 1 && g.len() > 3 {
            return Err(NotANumber(format!(
                "«{original}» has a thousands separator in the wrong place (groups of three digits expected)"
            )));
        }
        digits.push_str(g);
    }
    let mut scale = 0;
    if let Some(frac) = frac_part {
        if frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number(original));
        }
        digits.push('.');
        digits.push_str(frac);
        scale = frac.len() as u32;
    }
    let mut value = Decimal::from_str(&digits).map_err(|_| not_a_number(original))?;
    if negative {
        value = -value;
    }
    Ok(Number { value, percent, scale })
}

fn not_a_number(text: &str) -> NotANumber {
    NotANumber(format!("«{text}» is not a figure"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn num(text: &str) -> (String, bool, u32) {
        let n = parse_number(text).expect("a number");
        (n.value.to_string(), n.percent, n.scale)
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(num("1 714 058"), ("1714058".into(), false, 0));
        assert_eq!(num("1\u{a0}714\u{a0}058"), ("1714058".into(), false, 0));
        assert_eq!(num("1\u{202f}714\u{2009}058"), ("1714058".into(), false, 0));
        assert_eq!(num("1.714.058"), ("1714058".into(), false, 0));
        assert_eq!(num("1714058"), ("1714058".into(), false, 0));
    }

    #[test]
    fn minus_signs() {
        assert_eq!(num("-50 136"), ("-50136".into(), false, 0));
        assert_eq!(num("−50 136"), ("-50136".into(), false, 0));
        assert_eq!(num("- 5%"), ("-5".into(), true, 0));
        assert_eq!(num("–9"), ("-9".into(), false, 0));
    }

    #[test]
    fn decimals_and_percent() {
        assert_eq!(num("89,4 %"), ("89.4".into(), true, 1));
        assert_eq!(num("89,4%"), ("89.4".into(), true, 1));
        assert_eq!(num("4,60"), ("4.60".into(), false, 2));
        assert_eq!(num("0,6"), ("0.6".into(), false, 1));
        assert_eq!(num("4.7"), ("4.7".into(), false, 1));
    }

    #[test]
    fn dash_star_empty() {
        assert_eq!(parse_cell("-"), Ok(Cell::Dash));
        assert_eq!(parse_cell(" – "), Ok(Cell::Dash));
        assert_eq!(parse_cell("*"), Ok(Cell::NotAvailable));
        assert_eq!(parse_cell("  "), Ok(Cell::Empty));
    }

    #[test]
    fn rejects_what_is_not_a_figure() {
        assert!(parse_number("<30").is_err());
        assert!(parse_number("12 34").is_err());
        assert!(parse_number("1,2,3").is_err());
        assert!(parse_number("abc").is_err());
        assert!(parse_number("-").is_err());
        assert!(parse_number("1234 567").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = parse_cell(&s);
        }

        #[test]
        fn formatted_figures_read_back(v in -10_000_000_000i64..10_000_000_000i64, scale in 0u32..3, pct: bool) {
            let value = Decimal::new(v, scale);
            let n = Number { value, percent: pct, scale };
            let printed = crate::format::number(&n);
            let back = parse_number(&printed).expect("formatted figure parses");
            prop_assert_eq!(back.value, value);
            prop_assert_eq!(back.scale, scale);
            prop_assert_eq!(back.percent, pct);
        }
    }
}
