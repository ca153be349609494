//! Reading figures as Excel writes them with a Norwegian locale.
//!
//! Accepts `1 714 058` (space, no-break space, narrow no-break space or thin
//! space between thousands), `1.714.058`, `1714058`, decimal comma `89,4`,
//! minus as `-`, `−` (U+2212) or `–`, with or without a space after it,
//! percent `89,4 %` / `89,4%`, `-` / `–` alone for zero, `*` for not available
//! and an empty cell. Values are exact [`Decimal`]s; the number of printed
//! decimals is kept.
//!
//! Nothing is rounded: a figure needs at most 28 significant digits and 28
//! decimals (what a [`Decimal`] holds exactly). A larger figure is "too large",
//! one with more digits after the comma is "too precise" — both errors, never
//! a silently rounded value.

use rust_decimal::Decimal;

use crate::model::{Cell, Number};
use crate::tr;

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_group_space(c))
}

/// Why a text is not a figure: a message for the user and the kind of problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANumber(pub String, pub FigureProblem);

/// The kinds of [`NotANumber`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureProblem {
    /// Not written as a figure.
    NotAFigure,
    /// More than 28 significant digits before the comma: beyond exact arithmetic.
    TooLarge,
    /// More digits after the comma than can be kept exactly.
    TooPrecise,
}

impl NotANumber {
    /// A short label for the place, e.g. "not a figure".
    pub fn label(&self) -> String {
        match self.1 {
            FigureProblem::NotAFigure => crate::tr!(valz_not_a_figure),
            FigureProblem::TooLarge => crate::tr!(load3_too_large),
            FigureProblem::TooPrecise => crate::tr!(load3_too_many_decimals),
        }
    }
}

/// The most digits after the comma a figure can have.
pub const MAX_DECIMALS: usize = 28;

/// An exact decimal from ASCII digits: `int_digits` before the comma, `frac_digits` after.
/// Never rounds: a value that a [`Decimal`] cannot hold exactly is an error.
pub fn exact_decimal(
    int_digits: &str,
    frac_digits: &str,
    negative: bool,
) -> Result<Decimal, FigureProblem> {
    if !int_digits.bytes().chain(frac_digits.bytes()).all(|b| b.is_ascii_digit())
        || int_digits.is_empty() && frac_digits.is_empty()
    {
        return Err(FigureProblem::NotAFigure);
    }
    // The largest Decimal mantissa is 2^96 − 1 = 79 228 162 514 264 337 593 543 950 335 (29 digits).
    let fits = |digits: &str| -> Option<u128> {
        let d = digits.trim_start_matches('0');
        if d.len() > 29 {
            return None;
        }
        let v = if d.is_empty() { 0 } else { d.parse::<u128>().ok()? };
        (v < 1u128 << 96).then_some(v)
    };
    if fits(int_digits).is_none() {
        return Err(FigureProblem::TooLarge);
    }
    if frac_digits.len() > MAX_DECIMALS {
        return Err(FigureProblem::TooPrecise);
    }
    let mut all = String::with_capacity(int_digits.len() + frac_digits.len());
    all.push_str(int_digits);
    all.push_str(frac_digits);
    let mantissa = fits(&all).ok_or(FigureProblem::TooPrecise)?;
    let signed = i128::try_from(mantissa).map_err(|_| FigureProblem::TooLarge)?;
    let signed = if negative { -signed } else { signed };
    let scale = u32::try_from(frac_digits.len()).map_err(|_| FigureProblem::TooPrecise)?;
    Decimal::try_from_i128_with_scale(signed, scale).map_err(|_| FigureProblem::TooPrecise)
}

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
        return Err(NotANumber(
            tr!(load_original_has_a_sign_but, original = original),
            FigureProblem::NotAFigure,
        ));
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
            return Err(NotANumber(
                tr!(load_original_has_a_thousands_separator, original = original),
                FigureProblem::NotAFigure,
            ));
        }
        if i == 0 && groups.len() > 1 && g.len() > 3 {
            return Err(NotANumber(
                tr!(load_original_has_a_thousands_separator_2, original = original),
                FigureProblem::NotAFigure,
            ));
        }
        digits.push_str(g);
    }
    let frac = frac_part.unwrap_or("");
    if frac_part.is_some() && (frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit())) {
        return Err(not_a_number(original));
    }
    let value = exact_decimal(&digits, frac, negative).map_err(|problem| match problem {
        FigureProblem::NotAFigure => not_a_number(original),
        FigureProblem::TooLarge => {
            NotANumber(tr!(load_is_too_large_the_largest, figure = original.trim()), problem)
        }
        FigureProblem::TooPrecise => {
            NotANumber(tr!(load_has_more_digits_than_can, figure = original.trim()), problem)
        }
    })?;
    // `frac` has at most 28 digits here (checked by `exact_decimal`).
    let scale = u32::try_from(frac.len()).unwrap_or(u32::MAX);
    Ok(Number { value, percent, scale })
}

fn not_a_number(text: &str) -> NotANumber {
    NotANumber(tr!(load_text_is_not_a_figure, text = text), FigureProblem::NotAFigure)
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

    #[test]
    fn too_large_and_too_precise_are_errors_not_rounding() {
        let forty = "1234567890123456789012345678901234567890";
        let e = parse_number(forty).expect_err("too large");
        assert_eq!((e.1, e.label().as_str()), (FigureProblem::TooLarge, "too large"));
        assert!(e.0.contains("too large"), "{}", e.0);
        let e = parse_number("0,0000000000000000000000000000001").expect_err("31 decimals");
        assert_eq!(e.1, FigureProblem::TooPrecise);
        // 30 significant digits would be rounded by Decimal::from_str.
        let e = parse_number("12 345 678 901 234 567 890,1234567890").expect_err("30 digits");
        assert_eq!(e.1, FigureProblem::TooPrecise);
        assert_eq!(parse_cell("abc").expect_err("text").1, FigureProblem::NotAFigure);
    }

    #[test]
    fn the_largest_exact_figures_are_kept_exactly() {
        assert_eq!(
            num("79 228 162 514 264 337 593 543 950 335"),
            ("79228162514264337593543950335".into(), false, 0)
        );
        assert_eq!(
            parse_number("79 228 162 514 264 337 593 543 950 336").expect_err("2^96").1,
            FigureProblem::TooLarge
        );
        assert_eq!(
            num("-0,0000000000000000000000000001"),
            ("-0.0000000000000000000000000001".into(), false, 28)
        );
        assert_eq!(num("000 001,50"), ("1.50".into(), false, 2));
        assert_eq!(num("0,000"), ("0.000".into(), false, 3));
    }

    proptest! {
        #[test]
        fn digits_are_never_lost(int in "[0-9]{1,32}", frac in "[0-9]{0,32}") {
            let text = if frac.is_empty() { int.clone() } else { format!("{int},{frac}") };
            if let Ok(n) = parse_number(&text) {
                // What was read prints back to the same digits: nothing was rounded.
                let printed = n.value.to_string();
                let (pi, pf) = printed.split_once('.').unwrap_or((printed.as_str(), ""));
                prop_assert_eq!(pi.trim_start_matches('0'), int.trim_start_matches('0'));
                prop_assert_eq!(pf, frac.as_str());
            }
        }

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
