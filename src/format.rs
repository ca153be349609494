//! Norwegian formatting of figures and dates, shared by the PDF and HTML renderers.
//!
//! Follows Språkrådet's rules: a no-break space (U+00A0) groups thousands
//! (`1 714 058`), negative figures take a true minus sign (U+2212, `−50 136`),
//! the decimal sign is a comma, and a percent sign is preceded by a no-break
//! space (`89,4 %`). A printed dash for zero is an en dash (`–`); `*` (not
//! available) is kept. Dates are `31.12.2024`.
//!
//! Figures keep the number of decimals they were printed with in the source.

use rust_decimal::Decimal;

use crate::model::{Cell, ColumnKind, Date, Number};

/// No-break space, the thousands separator and the space before `%`.
pub const NBSP: char = '\u{a0}';
/// The minus sign.
pub const MINUS: char = '\u{2212}';
/// What a dash cell (zero) prints as.
pub const DASH: &str = "\u{2013}";

/// Formats a cell of a column of the given kind.
pub fn cell(cell: &Cell, column: ColumnKind) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Dash => DASH.to_string(),
        Cell::NotAvailable => "*".to_string(),
        Cell::Text(text) => text.clone(),
        Cell::Number(n) => match column {
            ColumnKind::Code => decimal(n.value, n.scale, false),
            _ => number(n),
        },
    }
}

/// Formats a figure as printed: `1 714 058`, `−50 136`, `89,4 %`.
pub fn number(n: &Number) -> String {
    let mut out = decimal(n.value, n.scale, true);
    if n.percent {
        out.push(NBSP);
        out.push('%');
    }
    out
}

/// Formats a decimal with `scale` decimals (rounded half away from zero), a decimal comma,
/// a true minus and, if `group`, no-break spaces between thousands.
pub fn decimal(value: Decimal, scale: u32, group: bool) -> String {
    let rounded =
        value.round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    // The decimals are padded here: `format!("{:.N}")` of a Decimal panics when digits and
    // decimals together pass 32 characters (rust_decimal's fixed buffer).
    let text = rounded.abs().to_string();
    let (int_part, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let padded;
    let frac_part = if scale == 0 {
        None
    } else {
        padded = format!("{frac:0<width$}", width = scale as usize);
        Some(padded.as_str())
    };
    let mut out = String::with_capacity(text.len() + 8);
    if negative {
        out.push(MINUS);
    }
    if group {
        let digits = int_part.len();
        for (i, ch) in int_part.chars().enumerate() {
            if i > 0 && (digits - i) % 3 == 0 {
                out.push(NBSP);
            }
            out.push(ch);
        }
    } else {
        out.push_str(int_part);
    }
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Formats a date as `31.12.2024`.
pub fn date(d: Date) -> String {
    format!("{:02}.{:02}.{}", d.day, d.month, d.year)
}

/// Whether the cell holds a negative figure (renderers mark negative avvik).
pub fn is_negative(cell: &Cell) -> bool {
    matches!(cell, Cell::Number(n) if n.value.is_sign_negative() && !n.value.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn n(v: &str, scale: u32, percent: bool) -> Number {
        Number { value: Decimal::from_str(v).expect("test decimal"), percent, scale }
    }

    #[test]
    fn groups_thousands_with_no_break_space() {
        assert_eq!(number(&n("1714058", 0, false)), "1\u{a0}714\u{a0}058");
        assert_eq!(number(&n("714", 0, false)), "714");
        assert_eq!(number(&n("1000", 0, false)), "1\u{a0}000");
    }

    #[test]
    fn negative_figures_take_a_true_minus() {
        assert_eq!(number(&n("-50136", 0, false)), "\u{2212}50\u{a0}136");
        assert_eq!(number(&n("-0.0", 1, false)), "0,0");
    }

    #[test]
    fn percent_and_decimals() {
        assert_eq!(number(&n("89.4", 1, true)), "89,4\u{a0}%");
        assert_eq!(number(&n("4.60", 2, false)), "4,60");
        assert_eq!(number(&n("-16", 0, true)), "\u{2212}16\u{a0}%");
    }

    #[test]
    fn the_largest_figures_with_many_decimals() {
        assert_eq!(decimal(Decimal::MAX, 10, false), "79228162514264337593543950335,0000000000");
        assert_eq!(decimal(Decimal::new(1, 28), 2, false), "0,00");
        assert_eq!(decimal(Decimal::new(-5, 1), 3, false), "\u{2212}0,500");
        assert_eq!(decimal(Decimal::new(125, 2), 0, true), "1");
    }

    #[test]
    fn cells() {
        assert_eq!(cell(&Cell::Dash, ColumnKind::Number), "\u{2013}");
        assert_eq!(cell(&Cell::NotAvailable, ColumnKind::Number), "*");
        assert_eq!(cell(&Cell::Empty, ColumnKind::Number), "");
        assert_eq!(cell(&Cell::Number(n("11103205", 0, false)), ColumnKind::Code), "11103205");
    }

    #[test]
    fn dates() {
        assert_eq!(date(Date { year: 2024, month: 12, day: 31 }), "31.12.2024");
        assert_eq!(date(Date { year: 2025, month: 3, day: 1 }), "01.03.2025");
    }
}
