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
use crate::tr;

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
///
/// The code is AR305 (markup), AR402 (an unclosed `{{`) or AR007 (nested too deeply, see
/// [`MAX_DEPTH`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// Byte offset in the parsed text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// AR305 (markup), AR402 (expression) for an unclosed `{{`, AR007 (limit) for nesting.
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
    /// The steps the parser took: a measure of its work, linear in the text's length.
    pub work: usize,
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

/// How deeply emphasis, links and footnotes may nest in each other.
pub const MAX_DEPTH: usize = 10;

/// How many problems are reported for one text (the rest are summed up in one more).
const MAX_ERRORS: usize = 50;

/// No position.
const NONE: usize = usize::MAX;

/// The longest text the markup parser reads (its tables hold 32-bit offsets).
pub const MAX_TEXT: usize = u32::MAX as usize - 4;

/// A position for every byte of a text, stored in 32 bits (texts are shorter than
/// [`MAX_TEXT`]).
struct Positions(Vec<u32>);

impl Positions {
    fn new(len: usize) -> Self {
        Positions(vec![u32::MAX; len])
    }

    fn get(&self, i: usize) -> usize {
        match self.0.get(i) {
            Some(&p) if p != u32::MAX => p as usize,
            _ => NONE,
        }
    }

    fn set(&mut self, i: usize, p: usize) {
        if let Some(slot) = self.0.get_mut(i) {
            *slot = u32::try_from(p).unwrap_or(u32::MAX);
        }
    }
}

/// Where the delimiters of a text close, computed once in linear time so that the parser never
/// scans ahead more than once (a paragraph of 100 000 unmatched `[` or `*x` stays linear).
///
/// Each table answers the question the parser asks at a position, over the whole text; the
/// parser accepts an answer only if it lies inside the part it is parsing.
struct Tables {
    /// For a position: the offset of the `}}` that closes an expression whose text starts
    /// there (quoted strings may hold braces), or [`NONE`].
    expr_close: Positions,
    /// For a position `p`: the first `]` after `p`, walking as the bracket matcher does, where
    /// the brackets since `p` are balanced; for a `[` at `p` that is its matching `]`.
    bracket_close: Positions,
    /// For a `(`: its matching `)` on the same line.
    paren_close: Positions,
    /// The first closing `*` of an emphasis at or after a position.
    star_close: Positions,
    /// The first closing `**` of a strong emphasis at or after a position.
    double_close: Positions,
    /// Steps taken to build the tables.
    work: usize,
}

impl Tables {
    fn new(text: &str) -> Self {
        let b = text.as_bytes();
        let n = b.len();
        let boundary = |i: usize| text.is_char_boundary(i);
        let char_len = |i: usize| text[i..].chars().next().map_or(1, char::len_utf8);
        let mut work = 0usize;

        // The end of an expression from each position (see `expression_end`).
        let mut expr_close = Positions::new(n + 1);
        // The next `"`, `'` and backquote after the position being looked at.
        let mut next_quote = [NONE; 3];
        for i in (0..n).rev() {
            let quote = match b[i] {
                b'"' => Some(0),
                b'\'' => Some(1),
                b'`' => Some(2),
                _ => None,
            };
            let after = quote.map(|k| next_quote[k]);
            if let Some(k) = quote {
                next_quote[k] = i;
            }
            if !boundary(i) {
                continue;
            }
            work += 1;
            if b[i..].starts_with(b"}}") {
                expr_close.set(i, i);
                continue;
            }
            let next = match after {
                Some(close) if close != NONE => close + 1,
                _ => i + char_len(i),
            };
            expr_close.set(i, expr_close.get(next));
        }
        // One step of the scanners: an escape, a closed expression, or one character.
        let step = |i: usize, expr_close: &Positions| -> usize {
            if b[i] == b'\\' {
                i + 1 + if i + 1 < n { char_len(i + 1) } else { 0 }
            } else if b[i..].starts_with(b"{{") && expr_close.get(i + 2) != NONE {
                expr_close.get(i + 2) + 2
            } else {
                i + char_len(i)
            }
        };
        // Brackets: C(p) = the first `]` after p that leaves the brackets since p balanced.
        let mut bracket_close = Positions::new(n + 1);
        for p in (0..n).rev() {
            if !boundary(p) {
                continue;
            }
            work += 1;
            let q = step(p, &expr_close);
            let close = match b.get(q) {
                None => NONE,
                Some(b']') => q,
                Some(b'[') => match bracket_close.get(q) {
                    NONE => NONE,
                    m => bracket_close.get(m),
                },
                Some(_) => bracket_close.get(q),
            };
            bracket_close.set(p, close);
        }
        // Parentheses, paired on each line.
        let mut paren_close = Positions::new(n + 1);
        let mut stack = Vec::new();
        for (i, &c) in b.iter().enumerate() {
            match c {
                b'\n' => stack.clear(),
                b'(' => stack.push(i),
                b')' => {
                    if let Some(open) = stack.pop() {
                        paren_close.set(open, i);
                    }
                }
                _ => {}
            }
            work += 1;
        }
        // Emphasis closers (see `find_close`), for `*` and for `**`.
        let mut star_close = Positions::new(n + 1);
        let mut double_close = Positions::new(n + 1);
        for i in (0..n).rev() {
            if !boundary(i) {
                continue;
            }
            work += 1;
            let rest = &b[i..];
            let before = text[..i].chars().next_back();
            let after_word = before.is_some_and(|c| !c.is_whitespace());
            let double_here = rest.starts_with(b"**");
            // `*`: a single star after a non-space that is not part of `**`.
            let single_ok =
                rest.starts_with(b"*") && after_word && !double_here && !text[..i].ends_with('*');
            let star = if single_ok {
                i
            } else if double_here {
                star_close.get(i + 2)
            } else {
                star_close.get(step(i, &expr_close))
            };
            star_close.set(i, star);
            let double =
                if double_here && after_word { i } else { double_close.get(step(i, &expr_close)) };
            double_close.set(i, double);
        }
        Tables { expr_close, bracket_close, paren_close, star_close, double_close, work }
    }

    /// The `}}` closing an expression whose text starts at `from`, inside `..end`.
    fn expression_end(&self, from: usize, end: usize) -> Option<usize> {
        let close = self.expr_close.get(from);
        (close != NONE && close + 2 <= end).then_some(close)
    }

    /// The `]` matching the `[` at `open`, inside `..end`.
    fn matching_bracket(&self, open: usize, end: usize) -> Option<usize> {
        let close = self.bracket_close.get(open);
        (close != NONE && close < end).then_some(close)
    }

    /// The `)` matching the `(` at `open`, on the same line and inside `..end`.
    fn matching_paren(&self, open: usize, end: usize) -> Option<usize> {
        let close = self.paren_close.get(open);
        (close != NONE && close < end).then_some(close)
    }

    /// The closing delimiter of an emphasis whose content starts at `from`, inside `..end`:
    /// not at `from` itself, not after white space.
    fn find_close(&self, text: &str, from: usize, end: usize, double: bool) -> Option<usize> {
        let (table, len) = if double { (&self.double_close, 2) } else { (&self.star_close, 1) };
        let mut close = table.get(from);
        if close == from {
            // The content may not be empty: look on from the next step.
            let b = text.as_bytes();
            let next = if !double && b[from..].starts_with(b"**") {
                from + 2
            } else if b[from] == b'\\' {
                from + 1 + text[from + 1..].chars().next().map_or(0, char::len_utf8)
            } else if b[from..].starts_with(b"{{") && self.expr_close.get(from + 2) != NONE {
                self.expr_close.get(from + 2) + 2
            } else {
                from + text[from..].chars().next().map_or(1, char::len_utf8)
            };
            close = table.get(next);
        }
        (close != NONE && close + len <= end).then_some(close)
    }
}

struct Parser<'a> {
    text: &'a str,
    tables: Tables,
    errors: Vec<MarkupError>,
    references: Vec<RawReference>,
    first_index: usize,
    /// Problems not recorded because there were already [`MAX_ERRORS`].
    dropped_errors: usize,
    /// Whether the nesting limit was reported.
    too_deep: bool,
    /// Characters visited.
    work: usize,
}

impl Parser<'_> {
    fn error(&mut self, e: MarkupError) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        } else {
            self.dropped_errors += 1;
        }
    }

    /// Whether content may be parsed one level deeper; reports the limit once if not.
    fn deeper(&mut self, depth: usize, at: usize) -> bool {
        if depth < MAX_DEPTH {
            return true;
        }
        if !self.too_deep {
            self.too_deep = true;
            self.error(MarkupError {
                offset: at,
                message: tr!(load_emphasis_links_and_footnotes_are, max = MAX_DEPTH),
                hint: tr!(load_write_the_text_with_less),
                code: Code::Limit,
            });
        }
        false
    }

    /// Parses `text[start..end]` into inlines, `depth` levels inside emphasis, links and
    /// footnotes.
    fn parse(&mut self, start: usize, end: usize, depth: usize) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let s = &self.text[..end];
        let mut i = start;
        while i < end {
            self.work += 1;
            let rest = &s[i..];
            let c = rest.chars().next().unwrap_or(' ');
            if is_private_use(c) {
                i += c.len_utf8();
                continue;
            }
            if rest.starts_with("{{") {
                if let Some(close) = self.tables.expression_end(i + 2, end) {
                    let index = self.first_index + self.references.len();
                    self.references.push(RawReference {
                        expr: s[i + 2..close].to_string(),
                        range: i..close + 2,
                    });
                    buf.push_str(&placeholder(index));
                    i = close + 2;
                    continue;
                }
                self.error(MarkupError {
                    offset: i,
                    message: crate::tr!(load_this_expression_is_never_closed),
                    hint: crate::tr!(load_end_the_expression_with_or),
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
            // A construct from `i + open` to `close`, then `after`.
            let mut nested: Option<(usize, usize, usize)> = None;
            if rest.starts_with("**") {
                if let Some(close) = self.tables.find_close(self.text, i + 2, end, true) {
                    nested = Some((i + 2, close, close + 2));
                }
            } else if c == '*' {
                let after = rest[1..].chars().next();
                if after.is_some_and(|a| !a.is_whitespace())
                    && let Some(close) = self.tables.find_close(self.text, i + 1, end, false)
                {
                    nested = Some((i + 1, close, close + 1));
                }
            } else if rest.starts_with("^[") {
                if let Some(close) = self.tables.matching_bracket(i + 1, end) {
                    nested = Some((i + 2, close, close + 1));
                } else {
                    self.error(MarkupError {
                        offset: i,
                        message: crate::tr!(load_this_footnote_is_never_closed),
                        hint: crate::tr!(load_end_the_footnote_with_or),
                        code: Code::Markup,
                    });
                }
            } else if c == '['
                && let Some(close) = self.tables.matching_bracket(i, end)
                && s[close + 1..].starts_with('(')
                && let Some(paren) = self.tables.matching_paren(close + 1, end)
            {
                nested = Some((i + 1, close, paren + 1));
            }
            let Some((from, close, after)) = nested else {
                buf.push(c);
                i += c.len_utf8();
                continue;
            };
            flush(&mut buf, &mut out);
            if !self.deeper(depth, i) {
                // Too deep: the rest of the construct stays literal text.
                buf.push_str(&s[i..after]);
                i = after;
                continue;
            }
            let content = self.parse(from, close, depth + 1);
            if rest.starts_with("**") {
                out.push(Inline::Strong { content });
            } else if c == '*' {
                out.push(Inline::Emph { content });
            } else if c == '^' {
                out.push(Inline::Footnote { content });
            } else {
                let url = s[close + 2..after - 1].trim();
                if allowed_link(url) {
                    out.push(Inline::Link { url: url.to_string(), content });
                } else {
                    self.error(MarkupError {
                        offset: close + 2,
                        message: tr!(load_links_may_not_go_to, url = url),
                        hint: tr!(load_links_may_go_to_https),
                        code: Code::Markup,
                    });
                    out.extend(content);
                }
            }
            i = after;
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

/// Parses inline markup. Returns the inlines and any problems found. Expressions
/// `{{ … }}` become placeholders numbered from 0.
pub fn parse(text: &str) -> (Vec<Inline>, Vec<MarkupError>) {
    let parsed = parse_with_references(text, 0);
    (parsed.inlines, parsed.errors)
}

/// Parses inline markup; the placeholders of expressions are numbered from `first_index`.
/// Takes time linear in the length of the text (see [`Parsed::work`]).
pub fn parse_with_references(text: &str, first_index: usize) -> Parsed {
    if text.len() > MAX_TEXT {
        return Parsed {
            inlines: vec![Inline::Text {
                text: text.chars().filter(|c| !is_private_use(*c)).collect(),
            }],
            errors: vec![MarkupError {
                offset: 0,
                message: tr!(load_this_text_is_longer_than),
                hint: tr!(load_split_it_into_paragraphs),
                code: Code::Limit,
            }],
            references: Vec::new(),
            work: text.len(),
        };
    }
    let tables = Tables::new(text);
    let mut p = Parser {
        text,
        tables,
        errors: Vec::new(),
        references: Vec::new(),
        first_index,
        dropped_errors: 0,
        too_deep: false,
        work: 0,
    };
    let inlines = p.parse(0, text.len(), 0);
    if p.dropped_errors > 0 {
        let offset = p.errors.last().map_or(0, |e| e.offset);
        p.errors.push(MarkupError {
            offset,
            message: tr!(load_and_more_problems_with_markup, dropped_errors = p.dropped_errors),
            hint: tr!(load_fix_the_problems_above_first),
            code: Code::Markup,
        });
    }
    let work = p.work + p.tables.work;
    Parsed { inlines, errors: p.errors, references: p.references, work }
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
#[path = "inline_tests.rs"]
mod tests;
