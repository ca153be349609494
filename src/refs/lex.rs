//! The tokens of an expression `{{ … }}`, with their byte ranges in the expression's text.
//!
//! One pass over the text, no backtracking: linear in its length. Texts in quotes (`"…"`, `'…'`,
//! `` `…` ``) have no escapes, as before; a name is letters, digits and `_` (Unicode letters are
//! read so that a message can name them; the parser decides where they may be used).

use std::ops::Range;

use super::error::{Error, ErrorKind};

/// A byte range in the expression's text.
pub type Span = Range<usize>;

/// An operator the language does not have, kept so that the message can say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    /// `+ - * / %`
    Arithmetic(char),
    /// `== != < > <= >=`
    Comparison,
    /// `~`
    Concat,
    /// `::` (Tera's macros)
    Macro,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok<'a> {
    /// `fakta`, `tabell`, `desimaler`, `and` …
    Name(&'a str),
    /// Digits with an optional fraction after `.`: `12`, `1.5` (a sign is a separate token).
    Number(&'a str),
    /// A text in quotes; the content without the quotes.
    Text(&'a str),
    Dot,
    Comma,
    Pipe,
    Equals,
    Minus,
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    /// An operator other than `-`.
    Op(Operator),
}

/// A token and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub tok: Tok<'a>,
    pub span: Span,
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The length of the run of characters from `from` that satisfy `keep`.
fn run(text: &str, from: usize, keep: impl Fn(char) -> bool) -> usize {
    text[from..].find(|c: char| !keep(c)).unwrap_or(text.len() - from)
}

/// Splits `text` into tokens.
pub fn lex(text: &str) -> Result<Vec<Token<'_>>, Error> {
    let mut out: Vec<Token<'_>> = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let start = i;
        let one = |tok| (tok, c.len_utf8());
        let after_dot = out.last().is_some_and(|t| t.tok == Tok::Dot && t.span.end == i);
        let (tok, len) = match c {
            c if c.is_whitespace() => {
                i += c.len_utf8();
                continue;
            }
            // After `fakta.` a part of a name may start with a digit: `fakta.2024_saker`.
            c if after_dot && is_name_char(c) => {
                let len = run(text, i, is_name_char);
                (Tok::Name(&text[i..i + len]), len)
            }
            c if is_name_start(c) => {
                let len = run(text, i, is_name_char);
                (Tok::Name(&text[i..i + len]), len)
            }
            c if c.is_ascii_digit() => {
                let mut len = run(text, i, |c| c.is_ascii_digit());
                let rest = &text.as_bytes()[i + len..];
                if rest.first() == Some(&b'.') && rest.get(1).is_some_and(u8::is_ascii_digit) {
                    len += 1 + run(text, i + len + 1, |c| c.is_ascii_digit());
                }
                (Tok::Number(&text[i..i + len]), len)
            }
            '"' | '\'' | '`' => {
                let Some(close) = text[i + 1..].find(c) else {
                    return Err(Error::new(ErrorKind::UnclosedText { quote: c }, i..i + 1));
                };
                (Tok::Text(&text[i + 1..i + 1 + close]), close + 2)
            }
            '.' => one(Tok::Dot),
            ',' => one(Tok::Comma),
            '(' => one(Tok::Open),
            ')' => one(Tok::Close),
            '[' => one(Tok::OpenBracket),
            ']' => one(Tok::CloseBracket),
            '-' => one(Tok::Minus),
            '+' | '*' | '/' | '%' => one(Tok::Op(Operator::Arithmetic(c))),
            '~' => one(Tok::Op(Operator::Concat)),
            '|' => one(Tok::Pipe),
            '=' | '!' | '<' | '>' | ':' => {
                let two = text[i..].get(..2).unwrap_or("");
                match (c, two) {
                    (_, "==" | "!=" | "<=" | ">=") => (Tok::Op(Operator::Comparison), 2),
                    ('<' | '>', _) => (Tok::Op(Operator::Comparison), 1),
                    ('=', _) => (Tok::Equals, 1),
                    (':', "::") => (Tok::Op(Operator::Macro), 2),
                    _ => return Err(unexpected_character(c, i)),
                }
            }
            c => return Err(unexpected_character(c, i)),
        };
        i += len;
        out.push(Token { tok, span: start..i });
    }
    Ok(out)
}

fn unexpected_character(c: char, at: usize) -> Error {
    Error::new(ErrorKind::UnexpectedCharacter { character: c }, at..at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(Tok<'_>, Span)> {
        lex(text).expect("lexes").into_iter().map(|t| (t.tok, t.span)).collect()
    }

    #[test]
    fn every_kind_of_token_with_its_place() {
        assert_eq!(
            toks(r#" tabell(id="x", rad='a"b') | tall(desimaler=1.5) "#),
            vec![
                (Tok::Name("tabell"), 1..7),
                (Tok::Open, 7..8),
                (Tok::Name("id"), 8..10),
                (Tok::Equals, 10..11),
                (Tok::Text("x"), 11..14),
                (Tok::Comma, 14..15),
                (Tok::Name("rad"), 16..19),
                (Tok::Equals, 19..20),
                (Tok::Text("a\"b"), 20..25),
                (Tok::Close, 25..26),
                (Tok::Pipe, 27..28),
                (Tok::Name("tall"), 29..33),
                (Tok::Open, 33..34),
                (Tok::Name("desimaler"), 34..43),
                (Tok::Equals, 43..44),
                (Tok::Number("1.5"), 44..47),
                (Tok::Close, 47..48),
            ]
        );
        assert_eq!(
            toks("fakta.2024_x[`a`]-1 ~ == != <= < :: % ø"),
            vec![
                (Tok::Name("fakta"), 0..5),
                (Tok::Dot, 5..6),
                (Tok::Name("2024_x"), 6..12),
                (Tok::OpenBracket, 12..13),
                (Tok::Text("a"), 13..16),
                (Tok::CloseBracket, 16..17),
                (Tok::Minus, 17..18),
                (Tok::Number("1"), 18..19),
                (Tok::Op(Operator::Concat), 20..21),
                (Tok::Op(Operator::Comparison), 22..24),
                (Tok::Op(Operator::Comparison), 25..27),
                (Tok::Op(Operator::Comparison), 28..30),
                (Tok::Op(Operator::Comparison), 31..32),
                (Tok::Op(Operator::Macro), 33..35),
                (Tok::Op(Operator::Arithmetic('%')), 36..37),
                (Tok::Name("ø"), 38..40),
            ]
        );
    }

    #[test]
    fn a_dot_after_a_number_without_digits_is_a_dot() {
        assert_eq!(toks("1."), vec![(Tok::Number("1"), 0..1), (Tok::Dot, 1..2)]);
        assert_eq!(toks("1.2.3").len(), 3);
    }

    #[test]
    fn unclosed_texts_and_stray_characters() {
        let e = lex(r#"fakta["x]"#).expect_err("unclosed");
        assert_eq!((e.kind, e.span), (ErrorKind::UnclosedText { quote: '"' }, Some(6..7)));
        let e = lex("a @ b").expect_err("stray");
        assert_eq!(
            (e.kind, e.span),
            (ErrorKind::UnexpectedCharacter { character: '@' }, Some(2..3))
        );
        let e = lex("a ! b").expect_err("stray");
        assert_eq!(e.kind, ErrorKind::UnexpectedCharacter { character: '!' });
        let e = lex("a − b").expect_err("true minus");
        assert_eq!(
            (e.kind, e.span),
            (ErrorKind::UnexpectedCharacter { character: '−' }, Some(2..5))
        );
    }
}
