//! A figure on its way through an expression, and the filters that print it the Norwegian way.
//!
//! Every calculation and every filter works on [`Figure`] with exact [`Decimal`] arithmetic and
//! prints through [`crate::format`]; a filter that does not fit the figure says why with a
//! [`FilterError`].

use rust_decimal::Decimal;

use crate::format::{self, NBSP};
use crate::model::Number;

/// Why a filter cannot print a figure; `figure` is the figure as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    /// `kr`, `tusen` or `mill` on a percentage.
    Percentage { figure: String },
    /// `mill` on a figure without a unit.
    NoUnit { figure: String },
    /// `mill` on a figure whose unit is not kroner.
    NotKroner { figure: String, unit: String },
    /// `mill` beyond exact arithmetic.
    TooLarge { figure: String },
    /// `forbruk` on an avvik of 0.
    ZeroAvvik { figure: String },
}

/// An exact figure and how it was printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The exact value.
    pub value: Decimal,
    /// Decimals as printed (or, for a calculation, the most of its figures).
    pub scale: u32,
    /// Printed with a percent sign.
    pub percent: bool,
    /// The unit, e.g. "1000 kr" (a table's unit or a fact's `unit`).
    pub unit: Option<String>,
}

impl Figure {
    /// A figure as printed in a table or a fact.
    pub fn from_number(n: &Number, unit: Option<String>) -> Figure {
        Figure { value: n.value, scale: n.scale, percent: n.percent, unit }
    }

    /// The result of a calculation: printed as a plain number, never with a percent sign.
    pub fn calculated(value: Decimal, scale: u32, unit: Option<String>) -> Figure {
        Figure { value, scale, percent: false, unit }
    }

    /// The figure as printed in the source: `1 714 058`, `−50 136`, `89,4 %`.
    pub fn printed(&self) -> String {
        format::number(&Number { value: self.value, percent: self.percent, scale: self.scale })
    }

    fn decimals(&self, wanted: Option<u32>) -> u32 {
        wanted.unwrap_or(self.scale)
    }

    fn not_percent(&self) -> Result<(), FilterError> {
        if self.percent {
            return Err(FilterError::Percentage { figure: self.printed() });
        }
        Ok(())
    }
}

/// `tall`: the figure without a percent sign: `1 657`, or `1657` with `tusenskille=false`.
pub fn tall(f: &Figure, decimals: Option<u32>, group: bool) -> String {
    format::decimal(f.value, f.decimals(decimals), group)
}

/// `kr` (and `tusen`): a whole amount in the table's unit, grouped: `62 635`.
pub fn kr(f: &Figure) -> Result<String, FilterError> {
    f.not_percent()?;
    Ok(format::decimal(f.value, 0, true))
}

/// How many kroner one unit of `unit` is, for the units `mill` understands.
fn kroner_per_unit(unit: &str) -> Option<Decimal> {
    let key: String = unit
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != NBSP)
        .collect();
    match key.as_str() {
        "kr" | "kroner" | "nok" => Some(Decimal::ONE),
        "1000kr" | "1000kroner" | "tusenkr" | "tusenkroner" => Some(Decimal::from(1000)),
        "millkr" | "millkroner" | "millionerkroner" | "mnok" => Some(Decimal::from(1_000_000)),
        _ => None,
    }
}

/// `mill`: an amount in millions of kroner: `12 mill. kroner`, `12,4 mill. kroner`.
///
/// The figure's unit says what it counts (a table in "1000 kr", a fact with `unit: kr` …).
/// Without `desimaler` it takes one decimal and drops it when it is 0.
pub fn mill(f: &Figure, decimals: Option<u32>) -> Result<String, FilterError> {
    f.not_percent()?;
    let Some(unit) = f.unit.as_deref() else {
        return Err(FilterError::NoUnit { figure: f.printed() });
    };
    let per_unit = kroner_per_unit(unit)
        .ok_or_else(|| FilterError::NotKroner { figure: f.printed(), unit: unit.to_string() })?;
    // Dividing by a power of ten (1, 1 000 or 1 000 000 kroner per unit) cannot overflow, where
    // multiplying first could.
    let millions = Decimal::from(1_000_000)
        .checked_div(per_unit)
        .and_then(|divisor| f.value.checked_div(divisor))
        .ok_or_else(|| FilterError::TooLarge { figure: f.printed() })?;
    let text = match decimals {
        Some(d) => format::decimal(millions, d, true),
        None => {
            let text = format::decimal(millions, 1, true);
            text.strip_suffix(",0").map(str::to_string).unwrap_or(text)
        }
    };
    Ok(format!("{text}{NBSP}mill. kroner"))
}

/// `prosent`: `89,4 %`.
pub fn prosent(f: &Figure, decimals: Option<u32>) -> String {
    format!("{}{NBSP}%", format::decimal(f.value, f.decimals(decimals), true))
}

/// `prosentpoeng`: `1,6 prosentpoeng`.
pub fn prosentpoeng(f: &Figure, decimals: Option<u32>) -> String {
    format!("{}{NBSP}prosentpoeng", format::decimal(f.value, f.decimals(decimals), true))
}

/// `fortegn`: a change with its sign: `+1 100`, `−41`, `0`.
pub fn fortegn(f: &Figure, decimals: Option<u32>) -> String {
    let d = f.decimals(decimals);
    let text = format::decimal(f.value, d, true);
    let rounded =
        f.value.round_dp_with_strategy(d, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let mut out = if rounded > Decimal::ZERO { format!("+{text}") } else { text };
    if f.percent {
        out.push(NBSP);
        out.push('%');
    }
    out
}

/// `forbruk`: the word for an avvik (budget − accounts): negative is `merforbruk`, positive is
/// `mindreforbruk`.
pub fn forbruk(f: &Figure) -> Result<String, FilterError> {
    if f.value < Decimal::ZERO {
        Ok("merforbruk".into())
    } else if f.value > Decimal::ZERO {
        Ok("mindreforbruk".into())
    } else {
        Err(FilterError::ZeroAvvik { figure: f.printed() })
    }
}

/// `abs`: the figure without its sign (for "et merforbruk på 41").
pub fn abs(f: &Figure) -> Figure {
    Figure { value: f.value.abs(), ..f.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::str::FromStr;

    fn fig(v: &str, scale: u32, percent: bool, unit: Option<&str>) -> Figure {
        Figure {
            value: Decimal::from_str(v).expect("decimal"),
            scale,
            percent,
            unit: unit.map(str::to_string),
        }
    }

    #[test]
    fn printed_as_in_the_source() {
        assert_eq!(fig("89.4", 1, true, None).printed(), "89,4\u{a0}%");
        assert_eq!(fig("-50136", 0, false, None).printed(), "\u{2212}50\u{a0}136");
    }

    #[test]
    fn tall_groups_unless_asked_not_to() {
        let f = fig("1657", 0, false, None);
        assert_eq!(tall(&f, None, true), "1\u{a0}657");
        assert_eq!(tall(&f, None, false), "1657");
        assert_eq!(tall(&fig("89.4", 1, true, None), None, true), "89,4");
        assert_eq!(tall(&fig("4.25", 2, false, None), Some(1), true), "4,3");
    }

    #[test]
    fn kr_is_a_whole_grouped_amount() {
        assert_eq!(kr(&fig("62635", 0, false, None)), Ok("62\u{a0}635".into()));
        assert_eq!(kr(&fig("-37636", 0, false, None)), Ok("\u{2212}37\u{a0}636".into()));
        assert_eq!(kr(&fig("1100.5", 1, false, None)), Ok("1\u{a0}101".into()));
        assert!(kr(&fig("89.4", 1, true, None)).is_err());
    }

    #[test]
    fn mill_reads_the_unit() {
        let thousands = Some("1000 kr");
        assert_eq!(
            mill(&fig("12000", 0, false, thousands), None),
            Ok("12\u{a0}mill. kroner".into())
        );
        assert_eq!(
            mill(&fig("12400", 0, false, thousands), None),
            Ok("12,4\u{a0}mill. kroner".into())
        );
        assert_eq!(
            mill(&fig("12449", 0, false, thousands), Some(2)),
            Ok("12,45\u{a0}mill. kroner".into())
        );
        assert_eq!(
            mill(&fig("8110000", 0, false, Some("kr")), None),
            Ok("8,1\u{a0}mill. kroner".into())
        );
        assert_eq!(
            mill(&fig("-31197", 0, false, Some("1 000 kr")), None),
            Ok("\u{2212}31,2\u{a0}mill. kroner".into())
        );
        assert!(mill(&fig("12", 0, false, None), None).is_err());
        assert!(mill(&fig("12", 0, false, Some("personer")), None).is_err());
    }

    #[test]
    fn filters_at_the_limits_of_exact_figures_never_panic() {
        for v in [Decimal::MAX, Decimal::MIN, Decimal::new(1, 28), Decimal::new(-5, 28)] {
            for unit in ["kr", "1000 kr", "mill. kr"] {
                let f =
                    Figure { value: v, scale: v.scale(), percent: false, unit: Some(unit.into()) };
                assert!(mill(&f, None).is_ok(), "{v} {unit}");
                assert!(mill(&f, Some(10)).is_ok(), "{v} {unit}");
            }
            let f = Figure { value: v, scale: v.scale(), percent: true, unit: None };
            for d in [None, Some(0), Some(10)] {
                assert!(!prosent(&f, d).is_empty());
                assert!(!prosentpoeng(&f, d).is_empty());
                assert!(!fortegn(&f, d).is_empty());
                assert!(!tall(&f, d, true).is_empty());
            }
            assert_eq!(abs(&f).value, v.abs());
        }
        assert_eq!(
            mill(&fig("79228162514264337593543950335", 0, false, Some("kr")), Some(0)),
            Ok("79\u{a0}228\u{a0}162\u{a0}514\u{a0}264\u{a0}337\u{a0}593\u{a0}544\u{a0}mill. kroner".into())
        );
    }

    #[test]
    fn percent_and_percentage_points() {
        assert_eq!(prosent(&fig("89.4", 1, true, None), None), "89,4\u{a0}%");
        assert_eq!(prosent(&fig("0.894", 3, false, None), Some(1)), "0,9\u{a0}%");
        assert_eq!(prosentpoeng(&fig("1.6", 1, false, None), None), "1,6\u{a0}prosentpoeng");
        assert_eq!(
            prosentpoeng(&fig("-0.25", 2, false, None), Some(1)),
            "\u{2212}0,3\u{a0}prosentpoeng"
        );
    }

    #[test]
    fn signed_changes() {
        assert_eq!(fortegn(&fig("1100", 0, false, None), None), "+1\u{a0}100");
        assert_eq!(fortegn(&fig("-41", 0, false, None), None), "\u{2212}41");
        assert_eq!(fortegn(&fig("0", 0, false, None), None), "0");
        assert_eq!(fortegn(&fig("0.04", 2, false, None), Some(1)), "0,0");
        assert_eq!(fortegn(&fig("1.6", 1, true, None), None), "+1,6\u{a0}%");
    }

    #[test]
    fn merforbruk_is_a_negative_avvik() {
        assert_eq!(forbruk(&fig("-41", 0, false, None)), Ok("merforbruk".into()));
        assert_eq!(forbruk(&fig("62635", 0, false, None)), Ok("mindreforbruk".into()));
        assert!(forbruk(&fig("0", 0, false, None)).is_err());
        assert_eq!(abs(&fig("-41", 0, false, None)).value, Decimal::from(41));
    }
}
