//! Formulas of derived columns: `avvik = regulert - regnskap`.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::spec::{Expr, Op};

/// Parses `target = expression`. Returns the target and the expression.
pub fn parse_rule(text: &str) -> Result<(String, Expr), String> {
    let Some((target, expr)) = text.split_once('=') else {
        return Err(format!("«{text}» is not a formula of the form `avvik = regulert - regnskap`"));
    };
    let target = target.trim();
    if !is_key(target) {
        return Err(format!("«{target}» is not a column key (lower case letters, digits and _)"));
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

fn lex(text: &str) -> Result<Vec<Tok>, String> {
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
            let s: String = chars[start..i].iter().collect::<String>().replace(',', ".");
            out.push(Tok::Num(
                Decimal::from_str(&s).map_err(|_| format!("«{s}» is not a number"))?,
            ));
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Tok::Key(chars[start..i].iter().collect()));
        } else {
            return Err(format!("unexpected «{c}» in formula"));
        }
    }
    Ok(out)
}

struct P {
    toks: Vec<Tok>,
    pos: usize,
}

impl P {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn sum(&mut self) -> Result<Expr, String> {
        let mut left = self.product()?;
        while let Some(Tok::Op(c @ ('+' | '-'))) = self.peek().cloned() {
            self.pos += 1;
            let right = self.product()?;
            let op = if c == '+' { Op::Add } else { Op::Sub };
            left = Expr::Binary(Box::new(left), op, Box::new(right));
        }
        Ok(left)
    }
    fn product(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        while let Some(Tok::Op(c @ ('*' | '/'))) = self.peek().cloned() {
            self.pos += 1;
            let right = self.unary()?;
            let op = if c == '*' { Op::Mul } else { Op::Div };
            left = Expr::Binary(Box::new(left), op, Box::new(right));
        }
        Ok(left)
    }
    fn unary(&mut self) -> Result<Expr, String> {
        if let Some(Tok::Op('-')) = self.peek() {
            self.pos += 1;
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        self.atom()
    }
    fn atom(&mut self) -> Result<Expr, String> {
        let tok = self.peek().cloned();
        self.pos += 1;
        match tok {
            Some(Tok::Key(k)) => Ok(Expr::Column(k)),
            Some(Tok::Num(n)) => Ok(Expr::Const(n)),
            Some(Tok::Open) => {
                let e = self.sum()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err("a `(` is not closed".into());
                }
                self.pos += 1;
                Ok(e)
            }
            Some(t) => Err(format!("unexpected {t:?} in formula")),
            None => Err("the formula ends too early".into()),
        }
    }
}

/// Parses an expression.
pub fn parse_expr(text: &str) -> Result<Expr, String> {
    let mut p = P { toks: lex(text)?, pos: 0 };
    let e = p.sum()?;
    if p.pos != p.toks.len() {
        return Err("unexpected text after the formula".into());
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
    fn division_by_zero_is_none() {
        let (_, e) = parse_rule("x = a / b").expect("valid");
        assert_eq!(eval(&e, &|_| Some(Decimal::ZERO)), None);
    }
}
