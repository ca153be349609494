//! Exact arithmetic for the rules: every operation is checked, nothing panics or rounds away.
//!
//! Figures are [`Decimal`]s (28–29 significant digits, largest 79 228 162 514 264 337 593 543 950
//! 335). An addition, subtraction or multiplication beyond that, or a division by zero, is an
//! [`ArithError`] that the rule reports as AR107 `arithmetic` at its cell — never a panic and
//! never a row left out without a word.

use rust_decimal::Decimal;

use crate::load::spec::{Expr, Op};

/// Why a calculation has no exact result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithError {
    /// The result is beyond the largest figure that can be computed exactly.
    Overflow,
    /// A division by zero.
    DivisionByZero,
}

impl ArithError {
    /// Plain words for a message: "is too large to compute exactly", "divides by zero".
    pub fn what(self) -> String {
        match self {
            ArithError::Overflow => crate::tr!(valz_too_large),
            ArithError::DivisionByZero => crate::tr!(valz_divides_by_zero),
        }
    }

    /// What to do about it.
    pub fn hint(self) -> String {
        match self {
            ArithError::Overflow => {
                crate::tr!(valz_too_large_hint)
            }
            ArithError::DivisionByZero => {
                crate::tr!(valz_divides_by_zero_hint)
            }
        }
    }
}

/// Why a formula has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalError {
    /// A column the formula uses has no figure.
    Missing(String),
    /// The arithmetic failed.
    Arith(ArithError),
}

impl From<ArithError> for EvalError {
    fn from(e: ArithError) -> Self {
        EvalError::Arith(e)
    }
}

/// `a op b`, checked.
pub fn apply(a: Decimal, op: Op, b: Decimal) -> Result<Decimal, ArithError> {
    match op {
        Op::Add => a.checked_add(b).ok_or(ArithError::Overflow),
        Op::Sub => a.checked_sub(b).ok_or(ArithError::Overflow),
        Op::Mul => a.checked_mul(b).ok_or(ArithError::Overflow),
        Op::Div if b.is_zero() => Err(ArithError::DivisionByZero),
        Op::Div => a.checked_div(b).ok_or(ArithError::Overflow),
    }
}

/// `a − b`, checked.
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, ArithError> {
    apply(a, Op::Sub, b)
}

/// The sum of `values`, checked.
pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Result<Decimal, ArithError> {
    values.into_iter().try_fold(Decimal::ZERO, |acc, v| apply(acc, Op::Add, v))
}

/// Evaluates a formula; `lookup` gives a column's figure.
pub fn eval(e: &Expr, lookup: &dyn Fn(&str) -> Option<Decimal>) -> Result<Decimal, EvalError> {
    match e {
        Expr::Column(c) => lookup(c).ok_or_else(|| EvalError::Missing(c.clone())),
        Expr::Const(d) => Ok(*d),
        Expr::Neg(a) => Ok(-eval(a, lookup)?),
        Expr::Binary(a, op, b) => Ok(apply(eval(a, lookup)?, *op, eval(b, lookup)?)?),
    }
}

/// How far a sum of `n` rounded parts may be off: n/2 units of `scale`, at least one unit.
pub fn sum_tolerance(scale: u32, n: usize) -> Decimal {
    let unit = Decimal::new(1, scale.min(28));
    let half_units = Decimal::from(n).saturating_mul(unit) / Decimal::TWO;
    half_units.max(unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::expr::parse_rule;

    fn value(formula: &str, a: Decimal, b: Decimal) -> Result<Decimal, EvalError> {
        let (_, e) = parse_rule(formula).expect("formula");
        eval(&e, &|k| match k {
            "a" => Some(a),
            "b" => Some(b),
            _ => None,
        })
    }

    #[test]
    fn formulas_are_exact() {
        assert_eq!(value("x = a - b", Decimal::from(1200), Decimal::from(1150)), Ok(50.into()));
        assert_eq!(value("x = -(a + b) * 2", 1.into(), 2.into()), Ok(Decimal::from(-6)));
        assert_eq!(
            value("x = a / b", Decimal::from(1), Decimal::from(8)),
            Ok(Decimal::new(125, 3))
        );
    }

    #[test]
    fn overflow_and_division_by_zero_are_errors_not_panics() {
        let big = Decimal::MAX;
        let over = Err(EvalError::Arith(ArithError::Overflow));
        assert_eq!(value("x = a + b", big, big), over);
        assert_eq!(value("x = a - b", big, -big), over);
        assert_eq!(value("x = a * b", big, Decimal::TWO), over);
        assert_eq!(value("x = a / b", big, Decimal::new(1, 2)), over);
        assert_eq!(
            value("x = (a - b) / 0", 3.into(), 1.into()),
            Err(EvalError::Arith(ArithError::DivisionByZero))
        );
        assert_eq!(
            value("x = a / b", 3.into(), Decimal::ZERO),
            Err(EvalError::Arith(ArithError::DivisionByZero))
        );
        assert_eq!(value("x = a + c", 1.into(), 1.into()), Err(EvalError::Missing("c".into())));
    }

    #[test]
    fn sums_are_checked() {
        assert_eq!(sum([Decimal::from(2), Decimal::from(3)]), Ok(Decimal::from(5)));
        assert_eq!(sum([Decimal::MAX, Decimal::ONE]), Err(ArithError::Overflow));
        assert_eq!(sum([Decimal::MAX, Decimal::ONE, -Decimal::ONE]), Err(ArithError::Overflow));
        assert_eq!(sub(Decimal::MIN, Decimal::ONE), Err(ArithError::Overflow));
    }

    #[test]
    fn tolerance_of_sums() {
        assert_eq!(sum_tolerance(0, 1), Decimal::ONE);
        assert_eq!(sum_tolerance(0, 2), Decimal::ONE);
        assert_eq!(sum_tolerance(0, 5), Decimal::new(25, 1));
        assert_eq!(sum_tolerance(1, 4), Decimal::new(2, 1));
        assert_eq!(
            sum_tolerance(40, usize::MAX),
            Decimal::new(1, 28) * Decimal::from(usize::MAX) / Decimal::TWO
        );
    }
}
