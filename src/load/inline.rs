//! The inline markup of paragraph text (see docs/format.md, "Inline markup").
//!
//! `**bold**`, `*italic*`, `[text](url)`, `^[footnote]`, `\` escapes and a
//! backslash at the end of a line for a line break. Everything else is literal
//! text: the renderers never pass user text through as Typst or HTML markup.
//! A lone `*` or `[` that opens nothing is literal too. Links may only go to
//! `http(s)://`, `mailto:` or `#anchor` inside the report.
//!
//! An expression `{{ … }}` (a figure from a table or a fact, see docs/format.md,
//! "Figures in text") is not evaluated here: it is kept as an opaque
//! placeholder inside [`Inline::Text`] — [`PLACEHOLDER_START`], the
//! expression's number, [`PLACEHOLDER_END`] — and returned in
//! [`Parsed::references`]; [`crate::refs`] later replaces every placeholder
//! with the formatted figure. Private-use characters in the user's text are
//! removed, so a placeholder can only come from an expression.

use std::ops::Range;

use crate::diag::Code;
use crate::model::Inline;

/// Opens a placeholder for an expression in [`Inline::Text`] (a private-use character).
pub const PLACEHOLDER_START: char = '\u{E000}';
/// Closes a placeholder (a private-use character).
pub const PLACEHOLDER_END: char = '\u{E001}';

/// Whether a character is in one of Unicode's private-use areas (removed from user text).
pub fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// The placeholder text for expression number `index`.
pub fn placeholder(index: usize) -> String {
    format!("{PLACEHOLDER_START}{index}{PLACEHOLDER_END}")
}

/// A problem in inline markup, with its byte offset in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// Byte offset in the parsed text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// AR305 (markup), or AR402 (expression) for an unclosed `{{`.
    pub code: Code,
}

/// An expression `{{ … }}` found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawReference {
    /// The text between the braces, as written.
    pub expr: String,
    /// Byte range of `{{ … }}`, braces included, in the parsed text.
    pub range: Range<usize>,
}

/// What [`parse_with_references`] gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The inlines, with a placeholder for each expression.
    pub inlines: Vec<Inline>,
    /// Problems found.
    pub errors: Vec<MarkupError>,
    /// The expressions, in the order of their placeholders.
    pub references: Vec<RawReference>,
}

/// Whether a link target is allowed.
pub fn allowed_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && lower.len() > 8
        || lower.starts_with("mailto:") && lower.len() > 7
        || (url.starts_with('#')
            && url.len() > 1
            && url[1..].chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_'))
}

struct Parser<'a> {
    text: &'a str,
    errors: Vec<MarkupError>,
    references: Vec<RawReference>,
    first_index: usize,
}

impl Parser<'_> {
    /// Parses `text[start..end]` into inlines.
    fn parse(&mut self, start: usize, end: usize) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let s = &self.text[..end];
        let mut i = start;
        while i < end {
            let rest = &s[i..];
            let c = rest.chars().next().unwrap_or(' ');
            if is_private_use(c) {
                i += c.len_utf8();
                continue;
            }
            if rest.starts_with("{{") {
                if let Some(close) = expression_end(s, i + 2) {
                    let index = self.first_index + self.references.len();
                    self.references.push(RawReference {
                        expr: s[i + 2..close].to_string(),
                        range: i..close + 2,
                    });
                    buf.push_str(&placeholder(index));
                    i = close + 2;
                    continue;
                }
                self.errors.push(MarkupError {
                    offset: i,
                    message: "this expression `{{` is never closed".into(),
                    hint: "end the expression with `}}`, or write `\\{{` for literal braces".into(),
                    code: Code::Expression,
                });
                buf.push_str("{{");
                i += 2;
                continue;
            }
            if c == '\\' {
                let next = rest[1..].chars().next();
                match next {
                    Some('\n') => {
                        flush(&mut buf, &mut out);
                        out.push(Inline::LineBreak);
                        i += 2;
                        continue;
                    }
                    Some(n) if "*[]^\\{}_()#".contains(n) => {
                        buf.push(n);
                        i += 1 + n.len_utf8();
                        continue;
                    }
                    _ => {
                        buf.push('\\');
                        i += 1;
                        continue;
                    }
                }
            }
            if rest.starts_with("**") {
                if let Some(close) = find_close(s, i + 2, "**") {
                    flush(&mut buf, &mut out);
                    let content = self.parse(i + 2, close);
                    out.push(Inline::Strong { content });
                    i = close + 2;
                    continue;
                }
            } else if c == '*' {
                let after = rest[1..].chars().next();
                if after.is_some_and(|a| !a.is_whitespace())
                    && let Some(close) = find_close(s, i + 1, "*")
                {
                    flush(&mut buf, &mut out);
                    let content = self.parse(i + 1, close);
                    out.push(Inline::Emph { content });
                    i = close + 1;
                    continue;
                }
            } else if rest.starts_with("^[") {
                if let Some(close) = matching_bracket(s, i + 1) {
                    flush(&mut buf, &mut out);
                    let content = self.parse(i + 2, close);
                    out.push(Inline::Footnote { content });
                    i = close + 1;
                    continue;
                }
                self.errors.push(MarkupError {
                    offset: i,
                    message: "this footnote `^[` is never closed".into(),
                    hint: "end the footnote with `]`, or write `\\^` for a literal ^".into(),
                    code: Code::Markup,
                });
            } else if c == '['
                && let Some(close) = matching_bracket(s, i)
                && s[close + 1..].starts_with('(')
                && let Some(paren) = matching_paren(&s[close + 1..])
            {
                let url = s[close + 2..close + 1 + paren].trim();
                let after = close + 1 + paren + 1;
                flush(&mut buf, &mut out);
                let content = self.parse(i + 1, close);
                if allowed_link(url) {
                    out.push(Inline::Link { url: url.to_string(), content });
                } else {
                    self.errors.push(MarkupError {
                        offset: close + 2,
                        message: format!("links may not go to «{url}»"),
                        hint: "links may go to https://, http://, mailto: or #anchor inside the report".into(),
                        code: Code::Markup,
                    });
                    out.extend(content);
                }
                i = after;
                continue;
            }
            buf.push(c);
            i += c.len_utf8();
        }
        flush(&mut buf, &mut out);
        out
    }
}

fn flush(buf: &mut String, out: &mut Vec<Inline>) {
    if buf.is_empty() {
        return;
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        text.push_str(buf);
    } else {
        out.push(Inline::Text { text: std::mem::take(buf) });
    }
    buf.clear();
}

/// The offset of the closing delimiter of an emphasis, not preceded by whitespace.
fn find_close(s: &str, from: usize, delim: &str) -> Option<usize> {
    let mut i = from;
    while i < s.len() {
        let rest = &s[i..];
        if let Some(after) = rest.strip_prefix('\\') {
            i += 1 + after.chars().next().map_or(0, char::len_utf8);
            continue;
        }
        if rest.starts_with("{{")
            && let Some(close) = expression_end(s, i + 2)
        {
            i = close + 2;
            continue;
        }
        if rest.starts_with(delim) {
            let before = s[..i].chars().next_back();
            let is_double = delim == "*" && (rest.starts_with("**") || s[..i].ends_with('*'));
            if i > from && before.is_some_and(|b| !b.is_whitespace()) && !is_double {
                return Some(i);
            }
            if delim == "*" && rest.starts_with("**") {
                i += 2;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The offset of the `)` matching the `(` that `s` starts with.
fn matching_paren(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// The offset of the `]` matching the `[` at `open`.
fn matching_bracket(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next()?;
        if rest.starts_with("{{")
            && let Some(close) = expression_end(s, i + 2)
        {
            i = close + 2;
            continue;
        }
        match c {
            '\\' => {
                i += 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
                continue;
            }
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    None
}

/// The offset of the `}}` that closes an expression whose text starts at `from`.
/// Quoted strings inside the expression may hold braces.
fn expression_end(s: &str, from: usize) -> Option<usize> {
    let mut i = from;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with("}}") {
            return Some(i);
        }
        let c = rest.chars().next()?;
        if matches!(c, '"' | '\'' | '`')
            && let Some(close) = rest[1..].find(c)
        {
            i += 1 + close + 1;
            continue;
        }
        i += c.len_utf8();
    }
    None
}

/// Parses inline markup. Returns the inlines and any problems found. Expressions
/// `{{ … }}` become placeholders numbered from 0.
pub fn parse(text: &str) -> (Vec<Inline>, Vec<MarkupError>) {
    let parsed = parse_with_references(text, 0);
    (parsed.inlines, parsed.errors)
}

/// Parses inline markup; the placeholders of expressions are numbered from `first_index`.
pub fn parse_with_references(text: &str, first_index: usize) -> Parsed {
    let mut p = Parser { text, errors: Vec::new(), references: Vec::new(), first_index };
    let inlines = p.parse(0, text.len());
    Parsed { inlines, errors: p.errors, references: p.references }
}

/// The plain text of inlines (footnotes left out).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text { text } => out.push_str(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => out.push_str(&plain_text(content)),
            Inline::Footnote { .. } => {}
            Inline::LineBreak => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn plain_text_with_special_characters_is_literal() {
        let (out, errs) = parse("# $ @ < > \\ _ ` = - 50 % *) Tall overføres");
        assert!(errs.is_empty());
        assert_eq!(out, vec![t("# $ @ < > \\ _ ` = - 50 % *) Tall overføres")]);
    }

    #[test]
    fn bold_italic_link_footnote() {
        let (out, errs) = parse(
            "**Fet** og *kursiv* med [lenke](https://oslo.kommune.no) og fotnote^[Se *tabell*.]",
        );
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(
            out,
            vec![
                Inline::Strong { content: vec![t("Fet")] },
                t(" og "),
                Inline::Emph { content: vec![t("kursiv")] },
                t(" med "),
                Inline::Link { url: "https://oslo.kommune.no".into(), content: vec![t("lenke")] },
                t(" og fotnote"),
                Inline::Footnote {
                    content: vec![t("Se "), Inline::Emph { content: vec![t("tabell")] }, t(".")]
                },
            ]
        );
    }

    #[test]
    fn forbidden_links_are_errors_and_become_text() {
        let (out, errs) = parse("[klikk](javascript:alert(1))");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].offset, 8);
        assert!(!out.iter().any(|i| matches!(i, Inline::Link { .. })));
    }

    #[test]
    fn escapes_and_line_breaks() {
        let (out, _) = parse("\\*ikke kursiv\\* \\[x\\]\\\nneste");
        assert_eq!(out, vec![t("*ikke kursiv* [x]"), Inline::LineBreak, t("neste")]);
    }

    #[test]
    fn unclosed_footnote_is_an_error() {
        let (_, errs) = parse("tekst^[uten slutt");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].offset, 5);
    }

    #[test]
    fn lone_brackets_and_stars_are_literal() {
        let (out, errs) = parse("[a] 2 * 3 = 6 og **");
        assert!(errs.is_empty());
        assert_eq!(out, vec![t("[a] 2 * 3 = 6 og **")]);
    }

    #[test]
    fn expressions_become_numbered_placeholders() {
        let text = "Andelen var {{ fakta.andel }}, **{{ tabell(id=\"x\", rad=\"a*b\", kolonne=\"avvik\") | kr }}** i alt.";
        let parsed = parse_with_references(text, 7);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert_eq!(
            parsed.inlines,
            vec![
                t("Andelen var \u{E000}7\u{E001}, "),
                Inline::Strong { content: vec![t("\u{E000}8\u{E001}")] },
                t(" i alt."),
            ]
        );
        assert_eq!(parsed.references.len(), 2);
        assert_eq!(parsed.references[0].expr, " fakta.andel ");
        assert_eq!(&text[parsed.references[0].range.clone()], "{{ fakta.andel }}");
        assert_eq!(
            parsed.references[1].expr,
            " tabell(id=\"x\", rad=\"a*b\", kolonne=\"avvik\") | kr "
        );
    }

    #[test]
    fn braces_inside_quotes_do_not_close_an_expression() {
        let parsed = parse_with_references("{{ tabell(id=\"}}\") }} og {{ x }}", 0);
        assert_eq!(parsed.references.len(), 2);
        assert_eq!(parsed.references[0].expr, " tabell(id=\"}}\") ");
        assert_eq!(parsed.inlines, vec![t("\u{E000}0\u{E001} og \u{E000}1\u{E001}")]);
    }

    #[test]
    fn escaped_and_unclosed_braces() {
        let (out, errs) = parse("\\{{ ikke et uttrykk }} og }}");
        assert!(errs.is_empty());
        assert_eq!(out, vec![t("{{ ikke et uttrykk }} og }}")]);
        let (out, errs) = parse("Andelen var {{ fakta.andel");
        assert_eq!(errs.len(), 1);
        assert_eq!((errs[0].offset, errs[0].code), (12, Code::Expression));
        assert_eq!(out, vec![t("Andelen var {{ fakta.andel")]);
    }

    #[test]
    fn private_use_characters_are_removed() {
        let (out, _) = parse("a\u{E000}0\u{E001}b\u{F8FF}c\u{F0000}d\\\u{E000}e");
        assert_eq!(out, vec![t("a0bcd\\e")]);
        assert!(is_private_use('\u{E000}') && is_private_use('\u{10FFFD}'));
        assert!(!is_private_use('å') && !is_private_use('\u{a0}'));
    }

    #[test]
    fn anchors_allowed() {
        assert!(allowed_link("#tabell-0-1"));
        assert!(allowed_link("mailto:post@bjerke.oslo.kommune.no"));
        assert!(!allowed_link("#"));
        assert!(!allowed_link("file:///etc/passwd"));
        assert!(!allowed_link("data:text/html,x"));
    }
}
