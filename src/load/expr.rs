//! Formulas of derived columns: `avvik = regulert - regnskap`.
//!
//! A formula is nested at most [`MAX_DEPTH`] levels (brackets, signs and operations
//! together), so that reading, checking and printing it never run out of stack; deeper is an
//! AR007 error. Numbers in a formula are exact (see [`super::number::exact_decimal`]).

use std::fmt;

use rust_decimal::Decimal;

use super::number::{FigureProblem, exact_decimal};
use super::spec::{Expr, Op};
use crate::diag::Code;
use crate::tr;

/// How deeply a formula may nest: brackets, signs and chained operations.
pub const MAX_DEPTH: usize = 64;

/// Why a formula cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    /// What is wrong, in plain words.
    pub message: String,
    /// AR003 (the formula is not well formed) or AR007 (nested too deeply).
    pub code: Code,
}

impl FormulaError {
    fn new(message: impl Into<String>) -> Self {
        FormulaError { message: message.into(), code: Code::YamlSchema }
    }

    fn too_deep() -> Self {
        FormulaError {
            message: tr!(load_this_formula_is_nested_too, max = MAX_DEPTH),
            code: Code::Limit,
        }
    }
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FormulaError {}

/// Parses `target = expression`. Returns the target and the expression.
pub fn parse_rule(text: &str) -> Result<(String, Expr), FormulaError> {
    let Some((target, expr)) = text.split_once('=') else {
        return Err(FormulaError::new(tr!(load_text_is_not_a_formula, text = text)));
    };
    let target = target.trim();
    if !is_key(target) {
        return Err(FormulaError::new(tr!(load_target_is_not_a_column, target = target)));
    }
    Ok((target.to_string(), parse_expr(expr)?))
}

fn is_key(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Key(String),
    Num(Decimal),
    Op(char),
    Open,
    Close,
}

fn lex(text: &str) -> Result<Vec<Tok>, FormulaError> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if "+-*/".contains(c) || c == '−' {
            out.push(Tok::Op(if c == '−' { '-' } else { c }));
            i += 1;
        } else if c == '(' {
            out.push(Tok::Open);
            i += 1;
        } else if c == ')' {
            out.push(Tok::Close);
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',')
            {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            let (int, frac) = s.split_once(['.', ',']).unwrap_or((s.as_str(), ""));
            let exact = if s.ends_with(['.', ',']) {
                Err(FigureProblem::NotAFigure)
            } else {
                exact_decimal(int, frac, false)
            };
            out.push(Tok::Num(exact.map_err(|p| {
                FormulaError::new(match p {
                    FigureProblem::NotAFigure => tr!(load_s_is_not_a_number, s = s),
                    FigureProblem::TooLarge => tr!(load_s_is_too_large_to, s = s),
                    FigureProblem::TooPrecise => {
                        tr!(load_s_has_more_digits_than, s = s)
                    }
                })
            })?));
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Tok::Key(chars[start..i].iter().collect()));
        } else {
            return Err(FormulaError::new(tr!(load_unexpected_c_in_formula, c = c)));
        }
    }
    Ok(out)
}

struct P {
    toks: Vec<Tok>,
    pos: usize,
    /// How many brackets and signs the parser is inside.
    nesting: usize,
}

/// An expression and the depth of its tree.
type Parsed = (Expr, usize);

fn binary(left: Parsed, op: Op, right: Parsed) -> Result<Parsed, FormulaError> {
    let depth = left.1.max(right.1) + 1;
    if depth > MAX_DEPTH {
        return Err(FormulaError::too_deep());
    }
    Ok((Expr::Binary(Box::new(left.0), op, Box::new(right.0)), depth))
}

impl P {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn enter(&mut self) -> Result<(), FormulaError> {
        self.nesting += 1;
        if self.nesting > MAX_DEPTH { Err(FormulaError::too_deep()) } else { Ok(()) }
    }
    fn sum(&mut self) -> Result<Parsed, FormulaError> {
        let mut left = self.product()?;
        while let Some(Tok::Op(c @ ('+' | '-'))) = self.peek().cloned() {
            self.pos += 1;
            let right = self.product()?;
            let op = if c == '+' { Op::Add } else { Op::Sub };
            left = binary(left, op, right)?;
        }
        Ok(left)
    }
    fn product(&mut self) -> Result<Parsed, FormulaError> {
        let mut left = self.unary()?;
        while let Some(Tok::Op(c @ ('*' | '/'))) = self.peek().cloned() {
            self.pos += 1;
            let right = self.unary()?;
            let op = if c == '*' { Op::Mul } else { Op::Div };
            left = binary(left, op, right)?;
        }
        Ok(left)
    }
    fn unary(&mut self) -> Result<Parsed, FormulaError> {
        if let Some(Tok::Op('-')) = self.peek() {
            self.pos += 1;
            self.enter()?;
            let (inner, depth) = self.unary()?;
            self.nesting -= 1;
            if depth + 1 > MAX_DEPTH {
                return Err(FormulaError::too_deep());
            }
            return Ok((Expr::Neg(Box::new(inner)), depth + 1));
        }
        self.atom()
    }
    fn atom(&mut self) -> Result<Parsed, FormulaError> {
        let tok = self.peek().cloned();
        self.pos += 1;
        match tok {
            Some(Tok::Key(k)) => Ok((Expr::Column(k), 1)),
            Some(Tok::Num(n)) => Ok((Expr::Const(n), 1)),
            Some(Tok::Open) => {
                self.enter()?;
                let e = self.sum()?;
                self.nesting -= 1;
                if self.peek() != Some(&Tok::Close) {
                    return Err(FormulaError::new(tr!(load2_a_is_not_closed)));
                }
                self.pos += 1;
                Ok(e)
            }
            Some(t) => {
                Err(FormulaError::new(tr!(load_unexpected_t_in_formula, t = format!("{t:?}"))))
            }
            None => Err(FormulaError::new(tr!(load2_the_formula_ends_too_early))),
        }
    }
}

/// Parses an expression.
pub fn parse_expr(text: &str) -> Result<Expr, FormulaError> {
    let mut p = P { toks: lex(text)?, pos: 0, nesting: 0 };
    let (e, _) = p.sum()?;
    if p.pos != p.toks.len() {
        return Err(FormulaError::new(tr!(load2_unexpected_text_after_the_formula)));
    }
    Ok(e)
}

/// Evaluates an expression; `lookup` gives a column's value. `None` if a value is missing or
/// the formula divides by zero.
pub fn eval(e: &Expr, lookup: &dyn Fn(&str) -> Option<Decimal>) -> Option<Decimal> {
    match e {
        Expr::Column(c) => lookup(c),
        Expr::Const(d) => Some(*d),
        Expr::Neg(a) => eval(a, lookup).map(|v| -v),
        Expr::Binary(a, op, b) => {
            let (a, b) = (eval(a, lookup)?, eval(b, lookup)?);
            match op {
                Op::Add => a.checked_add(b),
                Op::Sub => a.checked_sub(b),
                Op::Mul => a.checked_mul(b),
                Op::Div => a.checked_div(b),
            }
        }
    }
}

/// Writes the expression with the values filled in: `67 662 − 117 798`.
pub fn show(e: &Expr, value: &dyn Fn(&str) -> String) -> String {
    match e {
        Expr::Column(c) => value(c),
        Expr::Const(d) => crate::format::decimal(*d, d.scale(), true),
        Expr::Neg(a) => format!("−{}", show(a, value)),
        Expr::Binary(a, op, b) => {
            let sym = match op {
                Op::Add => "+",
                Op::Sub => "−",
                Op::Mul => "×",
                Op::Div => "÷",
            };
            let wrap = |x: &Expr| match x {
                Expr::Binary(_, Op::Add | Op::Sub, _) if matches!(op, Op::Mul | Op::Div) => {
                    format!("({})", show(x, value))
                }
                _ => show(x, value),
            };
            let right = match (op, b.as_ref()) {
                (Op::Sub, Expr::Binary(_, Op::Add | Op::Sub, _)) => format!("({})", show(b, value)),
                _ => wrap(b),
            };
            format!("{} {sym} {right}", wrap(a))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_evaluates() {
        let (t, e) = parse_rule("avvik = regulert - regnskap").expect("valid");
        assert_eq!(t, "avvik");
        let v = eval(&e, &|k| match k {
            "regulert" => Some(Decimal::from(67662)),
            "regnskap" => Some(Decimal::from(117798)),
            _ => None,
        });
        assert_eq!(v, Some(Decimal::from(-50136)));
    }

    #[test]
    fn precedence_and_parentheses() {
        let (_, e) = parse_rule("x = a + b * 2 - (c - d) / 2").expect("valid");
        let v = eval(&e, &|k| match k {
            "a" => Some(Decimal::from(1)),
            "b" => Some(Decimal::from(3)),
            "c" => Some(Decimal::from(10)),
            "d" => Some(Decimal::from(4)),
            _ => None,
        });
        assert_eq!(v, Some(Decimal::from(4)));
    }

    #[test]
    fn errors() {
        assert!(parse_rule("avvik regulert").is_err());
        assert!(parse_rule("avvik = (a - b").is_err());
        assert!(parse_rule("avvik = a -").is_err());
        assert!(parse_rule("avvik = a $ b").is_err());
    }

    #[test]
    fn numbers_are_exact() {
        let (_, e) = parse_rule("x = a * 1,5 + 0.25").expect("valid");
        assert_eq!(eval(&e, &|_| Some(Decimal::from(2))), Some(Decimal::new(325, 2)));
        let too_large =
            parse_rule("x = a * 1234567890123456789012345678901234567890").expect_err("large");
        assert!(too_large.message.contains("too large"), "{too_large}");
        assert!(parse_rule("x = 0,00000000000000000000000000000001 * a").is_err());
        assert!(parse_rule("x = 1.2.3").is_err());
        assert!(parse_rule("x = 1, + a").is_err());
    }

    #[test]
    fn deep_nesting_is_a_limit_error_not_a_stack_overflow() {
        // Each of these overflows the stack (or takes the renderer's) without the limit.
        let n = 200_000;
        let brackets = format!("x = {}a{}", "(".repeat(n), ")".repeat(n));
        let signs = format!("x = {}a", "-".repeat(n));
        let chain = format!("x = a{}", " + a".repeat(n));
        let right = format!("x = {}a", "a - (".repeat(n));
        for text in [brackets, signs, chain, right] {
            let e = parse_rule(&text).expect_err("too deep");
            assert_eq!(e.code, Code::Limit, "{e}");
        }
        // Within the limit, nesting is fine.
        let ok = format!("x = {}a{}", "(".repeat(MAX_DEPTH - 1), ")".repeat(MAX_DEPTH - 1));
        assert!(parse_rule(&ok).is_ok());
        let ok = format!("x = a{}", " + a".repeat(MAX_DEPTH - 1));
        assert!(parse_rule(&ok).is_ok());
    }

    #[test]
    fn division_by_zero_is_none() {
        let (_, e) = parse_rule("x = a / b").expect("valid");
        assert_eq!(eval(&e, &|_| Some(Decimal::ZERO)), None);
    }
}
