//! Axis ticks computed with exact decimals: «nice» steps (1, 2, 2,5 or 5 times a power of ten)
//! from the lowest to the highest figure, zero always on the axis.

use rust_decimal::Decimal;

/// The ticks of a value axis, lowest first; the first and last are the axis' ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticks {
    /// Tick values.
    pub values: Vec<Decimal>,
    /// The step between ticks.
    pub step: Decimal,
}

impl Ticks {
    /// The lowest value on the axis.
    pub fn low(&self) -> Decimal {
        self.values.first().copied().unwrap_or(Decimal::ZERO)
    }

    /// The highest value on the axis.
    pub fn high(&self) -> Decimal {
        self.values.last().copied().unwrap_or(Decimal::ONE)
    }

    /// Decimals a tick label needs (those of the step).
    pub fn scale(&self) -> u32 {
        self.step.normalize().scale()
    }
}

/// Ticks covering `min..=max` and zero with about `target` steps; `None` when the figures are
/// too large for exact arithmetic.
pub fn nice(min: Decimal, max: Decimal, target: u32) -> Option<Ticks> {
    let low = min.min(Decimal::ZERO);
    let high = max.max(Decimal::ZERO);
    let span = high.checked_sub(low)?;
    if span.is_zero() {
        return Some(Ticks { values: vec![Decimal::ZERO, Decimal::ONE], step: Decimal::ONE });
    }
    let raw = span.checked_div(Decimal::from(target.max(1)))?;
    let step = nice_step(raw)?;
    let first = (low.checked_div(step)?).floor().checked_mul(step)?;
    let last = (high.checked_div(step)?).ceil().checked_mul(step)?;
    let mut values = Vec::new();
    let mut v = first;
    // At most `target` × 2.5 + 2 ticks: the step is at least span / target / 2.5.
    while v <= last && values.len() < 64 {
        values.push(v.normalize());
        v = v.checked_add(step)?;
    }
    Some(Ticks { values, step: step.normalize() })
}

/// The smallest of 1, 2, 2,5, 5 × 10^k that is at least `raw` (> 0).
fn nice_step(raw: Decimal) -> Option<Decimal> {
    let ten = Decimal::TEN;
    let mut magnitude = Decimal::ONE;
    while magnitude > raw {
        magnitude = magnitude.checked_div(ten)?;
        if magnitude.is_zero() {
            return None;
        }
    }
    while magnitude.checked_mul(ten)? <= raw {
        magnitude = magnitude.checked_mul(ten)?;
    }
    // Now magnitude ≤ raw < 10 × magnitude.
    for factor in [Decimal::ONE, Decimal::TWO, Decimal::new(25, 1), Decimal::new(5, 0), ten] {
        let step = magnitude.checked_mul(factor)?;
        if step >= raw {
            return Some(step);
        }
    }
    magnitude.checked_mul(ten)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    fn values(t: &Ticks) -> Vec<String> {
        t.values.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn steps_are_nice_and_cover_the_figures() {
        let t = nice(d("0"), d("1714058"), 5).expect("ticks");
        assert_eq!(t.step, d("500000"));
        assert_eq!(values(&t), ["0", "500000", "1000000", "1500000", "2000000"]);
        let t = nice(d("-38767"), d("120000"), 5).expect("ticks");
        assert_eq!(t.step, d("50000"));
        assert_eq!(t.low(), d("-50000"));
        assert_eq!(t.high(), d("150000"));
        let t = nice(d("6.1"), d("9.8"), 5).expect("ticks");
        assert_eq!(t.step, d("2"));
        assert_eq!(values(&t), ["0", "2", "4", "6", "8", "10"]);
        assert_eq!(t.scale(), 0);
        let t = nice(d("6.1"), d("12"), 5).expect("ticks");
        assert_eq!(values(&t), ["0", "2.5", "5", "7.5", "10", "12.5"]);
        assert_eq!(t.scale(), 1);
    }

    #[test]
    fn zero_and_tiny_and_huge_ranges() {
        assert_eq!(nice(d("0"), d("0"), 5).map(|t| t.high()), Some(d("1")));
        let t = nice(d("0"), d("0.03"), 5).expect("ticks");
        assert_eq!(t.step, d("0.01"));
        assert_eq!(t.scale(), 2);
        // Near the largest decimal, the ticks cannot be computed: no chart, no panic.
        assert!(nice(Decimal::MIN, Decimal::MAX, 5).is_none());
        let huge = nice(d("0"), Decimal::MAX / d("100"), 5);
        assert!(huge.is_some_and(|t| t.values.len() <= 64));
    }
}
