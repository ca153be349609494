//! A figure on its way through an expression, and the filters that print it the Norwegian way.
//!
//! Inside Tera a figure is a small JSON object whose value is the exact decimal as a *string*
//! (`{"__figur": true, "tall": "62635", "desimaler": 0, "prosent": false, "enhet": "1000 kr"}`),
//! so no figure is ever rounded through `f64`. Every calculation and every filter works on
//! [`Figure`] with [`Decimal`] arithmetic and prints through [`crate::format`].

use std::str::FromStr;

use rust_decimal::Decimal;
use tera::Value;

use crate::format::{self, NBSP};
use crate::load::number;
use crate::model::Number;
use crate::tr;

/// The key that marks a JSON object as a figure.
const MARK: &str = "__figur";

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

    /// The JSON value Tera passes around.
    pub fn to_value(&self) -> Value {
        let mut m = tera::Map::new();
        m.insert(MARK.into(), Value::Bool(true));
        m.insert("tall".into(), Value::String(self.value.to_string()));
        m.insert("desimaler".into(), Value::from(self.scale));
        m.insert("prosent".into(), Value::Bool(self.percent));
        m.insert("enhet".into(), self.unit.clone().map_or(Value::Null, Value::String));
        Value::Object(m)
    }

    /// Reads a figure back: a figure object, a number literal or a text such as "1 714 058".
    pub fn from_value(v: &Value) -> Result<Figure, String> {
        match v {
            Value::Object(m) if m.get(MARK) == Some(&Value::Bool(true)) => {
                let value = m
                    .get("tall")
                    .and_then(Value::as_str)
                    .and_then(|s| Decimal::from_str(s).ok())
                    .ok_or_else(|| tr!(refs_damaged_figure))?;
                let scale = m.get("desimaler").and_then(Value::as_u64).unwrap_or(0) as u32;
                let percent = m.get("prosent").and_then(Value::as_bool).unwrap_or(false);
                let unit = m.get("enhet").and_then(Value::as_str).map(str::to_string);
                Ok(Figure { value, scale, percent, unit })
            }
            Value::Number(n) => {
                let text = n.to_string();
                let value = Decimal::from_str(&text)
                    .or_else(|_| Decimal::from_scientific(&text))
                    .map_err(|_| tr!(refs_text_is_too_large_or, text = text))?;
                Ok(Figure { value, scale: value.scale(), percent: false, unit: None })
            }
            Value::String(s) => match number::parse_number(s) {
                Ok(n) => Ok(Figure::from_number(&n, None)),
                Err(_) => Err(tr!(refs_the_text_s, s = s)),
            },
            Value::Bool(b) => Err(format!("`{b}`")),
            Value::Null => Err("nothing".into()),
            Value::Array(_) => Err(tr!(yaml_kind_list)),
            Value::Object(_) => Err(tr!(yaml_kind_map)),
        }
    }

    /// The figure as printed in the source: `1 714 058`, `−50 136`, `89,4 %`.
    pub fn printed(&self) -> String {
        format::number(&Number { value: self.value, percent: self.percent, scale: self.scale })
    }

    fn decimals(&self, wanted: Option<u32>) -> u32 {
        wanted.unwrap_or(self.scale)
    }

    fn not_percent(&self, filter: &str) -> Result<(), String> {
        if self.percent {
            return Err(tr!(
                refs_filter_is_for_amounts_but,
                figure = self.printed(),
                filter = filter
            ));
        }
        Ok(())
    }
}

/// `tall`: the figure without a percent sign: `1 657`, or `1657` with `tusenskille=false`.
pub fn tall(f: &Figure, decimals: Option<u32>, group: bool) -> String {
    format::decimal(f.value, f.decimals(decimals), group)
}

/// `kr` (and `tusen`): a whole amount in the table's unit, grouped: `62 635`.
pub fn kr(f: &Figure, filter: &str) -> Result<String, String> {
    f.not_percent(filter)?;
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
pub fn mill(f: &Figure, decimals: Option<u32>) -> Result<String, String> {
    f.not_percent("mill")?;
    let Some(unit) = f.unit.as_deref() else {
        return Err(tr!(refs_mill_needs_to_know_the, figure = f.printed()));
    };
    let per_unit = kroner_per_unit(unit)
        .ok_or_else(|| tr!(refs_mill_works_on_amounts_in, figure = f.printed(), unit = unit))?;
    // Dividing by a power of ten (1, 1 000 or 1 000 000 kroner per unit) cannot overflow, where
    // multiplying first could.
    let millions = Decimal::from(1_000_000)
        .checked_div(per_unit)
        .and_then(|divisor| f.value.checked_div(divisor))
        .ok_or_else(|| tr!(refs_is_too_large_to_compute, figure = f.printed()))?;
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
pub fn forbruk(f: &Figure) -> Result<String, String> {
    if f.value < Decimal::ZERO {
        Ok("merforbruk".into())
    } else if f.value > Decimal::ZERO {
        Ok("mindreforbruk".into())
    } else {
        Err(tr!(refs_the_avvik_is_neither_merforbruk, figure = f.printed()))
    }
}

/// `abs`: the figure without its sign (for "et merforbruk på 41").
pub fn abs(f: &Figure) -> Figure {
    Figure { value: f.value.abs(), ..f.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(v: &str, scale: u32, percent: bool, unit: Option<&str>) -> Figure {
        Figure {
            value: Decimal::from_str(v).expect("decimal"),
            scale,
            percent,
            unit: unit.map(str::to_string),
        }
    }

    #[test]
    fn figures_survive_the_trip_through_json_exactly() {
        let f = fig("0.1000000000000000000000000001", 28, false, Some("1000 kr"));
        assert_eq!(Figure::from_value(&f.to_value()), Ok(f));
        let p = fig("89.4", 1, true, None);
        assert_eq!(Figure::from_value(&p.to_value()), Ok(p));
        let lit = Figure::from_value(&Value::from(1234)).expect("number");
        assert_eq!((lit.value, lit.scale), (Decimal::from(1234), 0));
        let text = Figure::from_value(&Value::from("1 714 058")).expect("text figure");
        assert_eq!(text.value, Decimal::from(1_714_058));
        assert_eq!(Figure::from_value(&Value::from("4 kv/25")), Err("the text «4 kv/25»".into()));
    }

    #[test]
    fn number_literals_out_of_range_are_refused_not_panics() {
        for v in [1e300, -1e300, f64::MAX, 1e-300, 5e-29] {
            let json = serde_json::Number::from_f64(v).map(Value::Number).expect("finite");
            let read = Figure::from_value(&json);
            assert!(
                read.as_ref().is_err_and(|e| e.contains("too large or too small")),
                "{v}: {read:?}"
            );
        }
        assert!(Figure::from_value(&Value::from(u64::MAX)).is_ok());
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
        assert_eq!(kr(&fig("62635", 0, false, None), "kr"), Ok("62\u{a0}635".into()));
        assert_eq!(kr(&fig("-37636", 0, false, None), "kr"), Ok("\u{2212}37\u{a0}636".into()));
        assert_eq!(kr(&fig("1100.5", 1, false, None), "tusen"), Ok("1\u{a0}101".into()));
        assert!(kr(&fig("89.4", 1, true, None), "kr").is_err());
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
