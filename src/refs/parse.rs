//! Reading an expression `{{ … }}` into a syntax tree with byte ranges.
//!
//! The grammar (docs/format.md, "Figures in text"):
//!
//! ```text
//! expression := term ("|" name ("(" arguments ")")?)*
//! term       := number | "-" number | text | true | false | "[" (expression ","?)* "]"
//!             | "(" expression ")" | name "(" arguments ")" | name ("." name | "[" index "]")*
//! arguments  := (name "=" expression ","?)*
//! ```
//!
//! Recursive descent over the tokens of [`super::lex`], nested at most [`MAX_DEPTH`] levels
//! (brackets, calls, lists and arguments together): deeper is AR007, never a stack overflow.
//! Each token is looked at a bounded number of times, so reading is linear in the text. An
//! operator after a value (`+`, `==`, `~` …) is an error that says the language has none.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::error::{Error, ErrorKind, Expected, Unsupported};
use super::lex::{Operator, Span, Tok, Token, lex};
use crate::load::expr::MAX_DEPTH;
use crate::load::number::{FigureProblem, exact_decimal};

/// A name as written, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// One value and its filters.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub term: Term,
    pub filters: Vec<Filter>,
    /// From the start of the term to the end of the last filter.
    pub span: Span,
}

/// A value.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// A number as written: `12`, `-1`, `1.50` (its decimals as written).
    Number {
        value: Decimal,
        span: Span,
    },
    /// A text in quotes; the span includes the quotes.
    Text {
        text: String,
        span: Span,
    },
    Bool {
        value: bool,
        span: Span,
    },
    List {
        items: Vec<Expr>,
        span: Span,
    },
    /// `( … )`
    Group {
        inner: Box<Expr>,
        span: Span,
    },
    Call(Call),
    /// `fakta.navn`, `fakta["navn"]`, or any other name (an error the checker explains).
    Path(Path),
}

/// `tabell(id="…", …)`
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: Ident,
    pub args: Vec<Arg>,
    pub span: Span,
}

/// `name=value`
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub name: Ident,
    pub value: Expr,
}

/// `| name` or `| name(arguments)`
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub name: Ident,
    pub args: Vec<Arg>,
}

/// A name with its parts: `fakta.navn`, `fakta["navn"]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub root: Ident,
    pub parts: Vec<Part>,
    pub span: Span,
}

/// A part of a [`Path`].
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// `.navn`
    Field(Ident),
    /// `[…]`: a text, a number or a name.
    Index(Term),
}

impl Term {
    /// Where the term is.
    pub fn span(&self) -> Span {
        match self {
            Term::Number { span, .. }
            | Term::Text { span, .. }
            | Term::Bool { span, .. }
            | Term::List { span, .. }
            | Term::Group { span, .. } => span.clone(),
            Term::Call(c) => c.span.clone(),
            Term::Path(p) => p.span.clone(),
        }
    }
}

/// Reads the text between `{{` and `}}`.
pub fn parse(text: &str) -> Result<Expr, Error> {
    if text.starts_with('-') || text.ends_with('-') {
        return Err(Error::whole(ErrorKind::WhitespaceControl));
    }
    if text.trim().is_empty() {
        return Err(Error::whole(ErrorKind::Empty));
    }
    let tokens = lex(text)?;
    let mut p = Parser { tokens: &tokens, pos: 0, depth: 0, end: text.len() };
    let expr = p.expression()?;
    match p.peek() {
        None => Ok(expr),
        Some(_) => Err(p.unexpected(Expected::FilterOrEnd)),
    }
}

struct Parser<'t, 'a> {
    tokens: &'t [Token<'a>],
    pos: usize,
    depth: usize,
    /// The length of the text: where "the end" is.
    end: usize,
}

impl<'a> Parser<'_, 'a> {
    fn peek(&self) -> Option<Tok<'a>> {
        self.tokens.get(self.pos).map(|t| t.tok)
    }

    /// The span of the next token, or of the closing `}}` at the end.
    fn here(&self) -> Span {
        self.tokens.get(self.pos).map_or(self.end..self.end + 2, |t| t.span.clone())
    }

    fn eat(&mut self, tok: Tok<'_>) -> bool {
        let found = self.peek() == Some(tok);
        if found {
            self.pos += 1;
        }
        found
    }

    fn unexpected(&self, expected: Expected) -> Error {
        let found = self.tokens.get(self.pos).map(|t| t.span.clone());
        Error::new(ErrorKind::Unexpected { expected, at_end: found.is_none() }, self.here())
    }

    fn expect(&mut self, tok: Tok<'_>, expected: Expected) -> Result<Span, Error> {
        let span = self.here();
        if self.eat(tok) { Ok(span) } else { Err(self.unexpected(expected)) }
    }

    fn expression(&mut self) -> Result<Expr, Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::new(ErrorKind::TooDeep, self.here()));
        }
        let term = self.term()?;
        self.no_operator()?;
        let start = term.span().start;
        let mut end = term.span().end;
        let mut filters = Vec::new();
        while self.eat(Tok::Pipe) {
            let name = self.name(Expected::FilterName)?;
            end = name.span.end;
            let mut args = Vec::new();
            if self.peek() == Some(Tok::Open) {
                (args, end) = self.arguments(&name.name)?;
            }
            filters.push(Filter { name, args });
            self.no_operator()?;
        }
        self.depth -= 1;
        Ok(Expr { term, filters, span: start..end })
    }

    /// After a value: an operator is an error that names it.
    fn no_operator(&self) -> Result<(), Error> {
        let unsupported = match self.peek() {
            Some(Tok::Minus) => Unsupported::Arithmetic('-'),
            Some(Tok::Op(Operator::Arithmetic(c))) => Unsupported::Arithmetic(c),
            Some(Tok::Op(Operator::Comparison)) => Unsupported::Comparison,
            Some(Tok::Op(Operator::Concat)) => Unsupported::Concat,
            Some(Tok::Op(Operator::Macro)) => Unsupported::Macro,
            Some(Tok::Name("and" | "or" | "in" | "not")) => Unsupported::Comparison,
            Some(Tok::Name("is")) => Unsupported::Test,
            _ => return Ok(()),
        };
        Err(Error::new(ErrorKind::Unsupported(unsupported), self.here()))
    }

    fn name(&mut self, expected: Expected) -> Result<Ident, Error> {
        match self.tokens.get(self.pos) {
            Some(Token { tok: Tok::Name(name), span }) => {
                self.pos += 1;
                Ok(Ident { name: (*name).to_string(), span: span.clone() })
            }
            _ => Err(self.unexpected(expected)),
        }
    }

    fn term(&mut self) -> Result<Term, Error> {
        let Some(token) = self.tokens.get(self.pos).cloned() else {
            return Err(self.unexpected(Expected::Value));
        };
        let span = token.span.clone();
        match token.tok {
            Tok::Number(digits) => {
                self.pos += 1;
                Ok(Term::Number { value: number(digits, false, &span)?, span })
            }
            Tok::Minus => match self.tokens.get(self.pos + 1) {
                Some(Token { tok: Tok::Number(digits), span: n }) if n.start == span.end => {
                    self.pos += 2;
                    let span = span.start..n.end;
                    Ok(Term::Number { value: number(digits, true, &span)?, span })
                }
                _ => Err(Error::new(ErrorKind::Unsupported(Unsupported::Arithmetic('-')), span)),
            },
            Tok::Text(text) => {
                self.pos += 1;
                Ok(Term::Text { text: text.to_string(), span })
            }
            Tok::Name(b @ ("true" | "false" | "True" | "False")) => {
                self.pos += 1;
                Ok(Term::Bool { value: b.eq_ignore_ascii_case("true"), span })
            }
            Tok::Name("not") if self.tokens.get(self.pos + 1).is_some() => {
                Err(Error::new(ErrorKind::Unsupported(Unsupported::Not), span))
            }
            Tok::Name(_) if self.tokens.get(self.pos + 1).map(|t| t.tok) == Some(Tok::Open) => {
                let name = self.name(Expected::Value)?;
                let (args, end) = self.arguments(&name.name)?;
                Ok(Term::Call(Call { span: name.span.start..end, name, args }))
            }
            Tok::Name(_) => self.path(),
            Tok::OpenBracket => self.list(),
            Tok::Open => {
                self.pos += 1;
                let inner = self.expression()?;
                let close = self.expect(Tok::Close, Expected::Close(')'))?;
                Ok(Term::Group { inner: Box::new(inner), span: span.start..close.end })
            }
            _ => Err(self.unexpected(Expected::Value)),
        }
    }

    fn path(&mut self) -> Result<Term, Error> {
        let root = self.name(Expected::Value)?;
        let start = root.span.start;
        let mut end = root.span.end;
        let mut parts = Vec::new();
        loop {
            if self.eat(Tok::Dot) {
                let part = match self.tokens.get(self.pos) {
                    Some(Token { tok: Tok::Name(n), span }) if !n.is_ascii() => {
                        return Err(Error::new(ErrorKind::NonAsciiField, span.clone()));
                    }
                    _ => self.name(Expected::FieldName)?,
                };
                end = part.span.end;
                parts.push(Part::Field(part));
            } else if self.eat(Tok::OpenBracket) {
                let index = match self.peek() {
                    Some(Tok::Text(_) | Tok::Number(_) | Tok::Name(_)) => self.term()?,
                    _ => return Err(self.unexpected(Expected::Index)),
                };
                end = self.expect(Tok::CloseBracket, Expected::Close(']'))?.end;
                parts.push(Part::Index(index));
            } else {
                return Ok(Term::Path(Path { root, parts, span: start..end }));
            }
        }
    }

    fn list(&mut self) -> Result<Term, Error> {
        let start = self.expect(Tok::OpenBracket, Expected::Value)?.start;
        let mut items = Vec::new();
        loop {
            if let Some(close) = self.close(Tok::CloseBracket) {
                return Ok(Term::List { items, span: start..close.end });
            }
            items.push(self.expression()?);
            if !self.eat(Tok::Comma) && self.peek() != Some(Tok::CloseBracket) {
                return Err(self.unexpected(Expected::CommaOrClose(']')));
            }
        }
    }

    fn close(&mut self, tok: Tok<'_>) -> Option<Span> {
        let span = self.here();
        self.eat(tok).then_some(span)
    }

    /// `( name=value, … )` after a function or filter `owner`; gives the arguments and the end.
    fn arguments(&mut self, owner: &str) -> Result<(Vec<Arg>, usize), Error> {
        self.expect(Tok::Open, Expected::Value)?;
        let mut args: Vec<Arg> = Vec::new();
        // Where each argument was first given (a map, so many arguments stay linear).
        let mut given: HashMap<&str, Span> = HashMap::new();
        loop {
            if let Some(close) = self.close(Tok::Close) {
                return Ok((args, close.end));
            }
            let named = matches!(self.peek(), Some(Tok::Name(_)))
                && self.tokens.get(self.pos + 1).map(|t| t.tok) == Some(Tok::Equals);
            if !named {
                return Err(match self.peek() {
                    None | Some(Tok::Comma | Tok::Equals) => {
                        self.unexpected(Expected::ArgumentName)
                    }
                    Some(_) => Error::new(
                        ErrorKind::Positional { function: owner.to_string() },
                        self.here(),
                    ),
                });
            }
            let written = match self.tokens.get(self.pos) {
                Some(Token { tok: Tok::Name(n), .. }) => *n,
                _ => "",
            };
            let name = self.name(Expected::ArgumentName)?;
            self.pos += 1; // `=`
            if let Some(first) = given.insert(written, name.span.clone()) {
                let kind = ErrorKind::DuplicateArgument {
                    owner: owner.to_string(),
                    argument: name.name.clone(),
                    first,
                };
                return Err(Error::new(kind, name.span));
            }
            let value = self.expression()?;
            args.push(Arg { name, value });
            if !self.eat(Tok::Comma) && self.peek() != Some(Tok::Close) {
                return Err(self.unexpected(Expected::CommaOrClose(')')));
            }
        }
    }
}

/// An exact number from its digits.
fn number(digits: &str, negative: bool, span: &Span) -> Result<Decimal, Error> {
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    exact_decimal(int, frac, negative).map_err(|problem| {
        let too_large = problem == FigureProblem::TooLarge;
        Error::new(ErrorKind::BadNumber { too_large }, span.clone())
    })
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
