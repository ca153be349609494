//! A workbook figure as Excel shows it.
//!
//! A workbook stores figures as binary doubles (`426315.99999999994`); the user sees them through
//! the cell's number format (`# ##0` shows `426 316`). The figure this program works with is the
//! one the user sees, written the way the CSV reader reads figures, so that workbook tables
//! follow exactly the same rules, kinds and rounding model as CSV tables:
//!
//! 1. the double is taken with 15 significant digits (what Excel keeps and shows);
//! 2. the format's section for the value's sign is chosen (`#,##0;-#,##0;"–"`); a section without
//!    digit placeholders shows its text (a dash for zero is read as zero);
//! 3. `%` multiplies by 100, commas right after the last digit placeholder divide by 1000;
//! 4. the figure is rounded half away from zero to the decimals the format shows (General keeps
//!    the 15 significant digits) and written with a decimal comma (`2351,50`, `12,5 %`).

use rust_decimal::{Decimal, RoundingStrategy};

/// What a number format shows, as far as the figure is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    /// General (or text `@`): the stored figure with 15 significant digits.
    General,
    /// A fixed format.
    Fixed {
        /// Digits after the comma.
        decimals: u32,
        /// How many `%`.
        percent: u32,
        /// How many thousands scalings (commas after the last digit placeholder).
        thousands: u32,
        /// Whether thousands are separated (a comma between digit placeholders).
        grouped: bool,
    },
    /// No digit placeholders: the section shows this text.
    Literal(String),
}

/// Splits a format code into its sections at `;` outside quotes, brackets and escapes.
fn sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        let last = out.len() - 1;
        if escaped {
            escaped = false;
        } else if quoted {
            quoted = c != '"';
        } else if bracket {
            bracket = c != ']';
        } else if c == '"' {
            quoted = true;
        } else if c == '[' {
            bracket = true;
        } else if c == '\\' {
            escaped = true;
        } else if c == ';' {
            out.push(String::new());
            continue;
        }
        out[last].push(c);
    }
    out
}

/// The section without quoted text, escapes, `[colour]` brackets and `_x` / `*x` spacing: the
/// characters that place digits. Returns that and the literal text shown.
fn placing(section: &str) -> (String, String) {
    let (mut placing, mut literal) = (String::new(), String::new());
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => literal.extend(chars.by_ref().take_while(|&c| c != '"')),
            '[' => for _ in chars.by_ref().take_while(|&c| c != ']') {},
            '\\' => literal.extend(chars.next()),
            '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' | '.' | ',' | '%' | 'E' | 'e' => placing.push(c),
            c => literal.push(c),
        }
    }
    (placing, literal)
}

fn analyse(section: &str) -> Shown {
    let trimmed = section.trim();
    if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("general") || trimmed == "@" {
        return Shown::General;
    }
    let (placing, literal) = placing(section);
    if !placing.contains(['0', '#', '?']) {
        if literal.to_ascii_lowercase().contains("general") {
            return Shown::General;
        }
        return Shown::Literal(literal.trim().to_string());
    }
    if placing.contains(['E', 'e']) {
        return Shown::General;
    }
    let percent = placing.matches('%').count() as u32;
    let (int, frac) = placing.split_once('.').unwrap_or((&placing, ""));
    let decimals = frac.chars().filter(|c| matches!(c, '0' | '#' | '?')).count() as u32;
    let after_digits = int.trim_end_matches('%');
    let thousands = after_digits.len() - after_digits.trim_end_matches(',').len();
    let grouped = after_digits.trim_end_matches(',').contains(',');
    Shown::Fixed { decimals, percent, thousands: thousands as u32, grouped }
}

/// A double with the 15 significant digits Excel keeps.
pub fn excel_decimal(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    Decimal::from_scientific(&format!("{value:.14e}")).ok().map(|d| d.normalize())
}

/// A number format, analysed once for every cell that has it.
#[derive(Debug, Clone)]
pub struct NumberFormat {
    sections: Vec<Shown>,
}

impl NumberFormat {
    /// Analyses a format code (`#,##0;-#,##0;"–"`); `None` is General.
    pub fn parse(code: Option<&str>) -> NumberFormat {
        NumberFormat {
            sections: sections(code.unwrap_or("General")).iter().map(|s| analyse(s)).collect(),
        }
    }

    /// The figure a cell with this format shows, as text the CSV reader reads: `426316`,
    /// `-2351,50`, `12,5 %`, `-`. `None` when the figure is beyond what a decimal holds (the
    /// caller shows the raw value).
    pub fn show(&self, value: Decimal) -> Option<String> {
        let negative = value.is_sign_negative() && !value.is_zero();
        let n = self.sections.len();
        let section = match (negative, value.is_zero()) {
            (true, _) if n >= 2 => &self.sections[1],
            (false, true) if n >= 3 => &self.sections[2],
            _ => self.sections.first()?,
        };
        match section {
            Shown::General => Some(comma(value.normalize())),
            Shown::Literal(text) if text.is_empty() || text.contains(['-', '–', '−']) => {
                Some("-".into())
            }
            // A section that shows only words (`"n/a"`): the user sees that text.
            Shown::Literal(text) => Some(text.clone()),
            Shown::Fixed { decimals, percent, thousands, grouped } => {
                fixed(value, *decimals, *percent, *thousands, *grouped)
            }
        }
    }
}

/// The figure a cell shows through `format` (see [`NumberFormat::show`]).
pub fn shown(value: Decimal, format: Option<&str>) -> Option<String> {
    NumberFormat::parse(format).show(value)
}

fn fixed(
    value: Decimal,
    decimals: u32,
    percent: u32,
    thousands: u32,
    grouped: bool,
) -> Option<String> {
    let mut v = value;
    for _ in 0..percent {
        v = v.checked_mul(Decimal::ONE_HUNDRED)?;
    }
    for _ in 0..thousands {
        v = v.checked_div(Decimal::ONE_THOUSAND)?;
    }
    let mut v = v.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    if v.scale() < decimals {
        v.rescale(decimals);
    }
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    let text = if grouped { group(&comma(v)) } else { comma(v) };
    Some(if percent > 0 { format!("{text} %") } else { text })
}

fn comma(d: Decimal) -> String {
    d.to_string().replace('.', ",")
}

/// `-1714058,5` → `-1 714 058,5` (a space between thousands, as Excel shows it in Norway).
fn group(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest.split_once(',').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(v: f64, format: &str) -> String {
        shown(excel_decimal(v).expect("finite"), Some(format)).expect("shown")
    }

    #[test]
    fn the_figure_the_user_sees() {
        assert_eq!(show(426315.99999999994, "General"), "426316");
        assert_eq!(show(426315.99999999994, "#,##0"), "426 316");
        assert_eq!(show(-1714058.5, "#,##0.0"), "-1 714 058,5");
        assert_eq!(show(999.0, "#,##0"), "999");
        assert_eq!(show(426315.6, "# ##0"), "426316");
        assert_eq!(show(2351.5, "0.00"), "2351,50");
        assert_eq!(show(-50136.0, "#,##0;-#,##0"), "-50 136");
        assert_eq!(show(-50136.0, "0;[Red](0)"), "-50136");
        assert_eq!(show(0.125, "0.0%"), "12,5 %");
        assert_eq!(show(0.1255, "0.00%"), "12,55 %");
        assert_eq!(show(0.125, "0.00"), "0,13", "half away from zero, as Excel");
        assert_eq!(show(-0.125, "0.00"), "-0,13");
        assert_eq!(show(1714058.0, "#,##0,"), "1 714", "a comma after the digits shows thousands");
        assert_eq!(show(0.0, "#,##0;-#,##0;\"–\""), "-", "a dash for zero is zero");
        assert_eq!(show(0.1 + 0.2, "General"), "0,3");
        assert_eq!(show(-0.001, "0.0"), "0,0");
        assert_eq!(show(12.5, "\"kr\" #,##0.0"), "12,5");
        assert_eq!(show(1.0 / 3.0, "General"), "0,333333333333333");
    }

    proptest::proptest! {
        #[test]
        fn any_format_and_figure_is_shown_or_left_to_the_caller(format in ".{0,40}", value in proptest::num::f64::ANY) {
            if let Some(d) = excel_decimal(value) {
                let _ = shown(d, Some(&format));
            }
        }

        #[test]
        fn a_shown_figure_is_read_back_as_a_figure(value in -1e12f64..1e12, decimals in 0usize..6, grouped: bool) {
            let format = format!("{}0{}", if grouped { "#,##" } else { "" }, if decimals > 0 { format!(".{}", "0".repeat(decimals)) } else { String::new() });
            let text = shown(excel_decimal(value).expect("finite"), Some(&format)).expect("shown");
            let cell = crate::load::number::parse_cell(&text);
            proptest::prop_assert!(cell.is_ok(), "{text} from {value} with {format}");
        }
    }

    #[test]
    fn sections_respect_quotes_and_brackets() {
        assert_eq!(sections("0;\"a;b\";[Red]0"), vec!["0", "\"a;b\"", "[Red]0"]);
        assert_eq!(excel_decimal(f64::NAN), None);
    }
}
