//! Everything printed must print: no control characters, and a glyph in the embedded fonts for
//! every character (AR310, AR311). `check` finds these so that `build` cannot fail on them.

use crate::diag::{Code, Diagnostic};
use crate::load::read::Spanned;
use crate::load::{TextSource, control, glyphs};
use crate::source::Span;
use crate::tr;

use super::Lowerer;

/// At most this many characters are reported for one text (the rest are counted).
const MAX_PER_TEXT: usize = 5;

impl Lowerer<'_> {
    /// Checks a text written in a YAML scalar.
    pub(super) fn printable(&mut self, source: &TextSource) {
        let sources = &self.files.sources;
        let found = problems(&source.text);
        for (offset, c, code) in found {
            let len = c.len_utf8();
            let span = source.span_of(sources, offset..offset + len);
            self.push(problem(code, c, span));
        }
    }

    /// Checks a plain setting or title and returns it trimmed.
    pub(super) fn plain(&mut self, value: &Spanned<String>) -> String {
        self.printable(&TextSource {
            span: value.span.clone(),
            text: value.value.clone(),
            revise: Default::default(),
        });
        value.value.trim().to_string()
    }

    /// Checks a CSV cell; `span` is the cell's place in the file, `text` its content.
    pub(super) fn printable_cell(&mut self, text: &str, span: &Span) {
        let file = &self.files.sources.get(span.file).text;
        // A quoted field's content starts one byte later.
        let quoted = file.get(span.range.start..).is_some_and(|t| t.starts_with('"'));
        let start = span.range.start + usize::from(quoted);
        for (offset, c, code) in problems(text) {
            let at = (start + offset).min(file.len());
            self.push(problem(
                code,
                c,
                Span::new(span.file, at..(at + c.len_utf8()).min(file.len())),
            ));
        }
    }
}

fn problems(text: &str) -> Vec<(usize, char, Code)> {
    let mut found: Vec<(usize, char, Code)> = control::control_characters(text)
        .into_iter()
        .map(|(o, c)| (o, c, Code::ControlCharacter))
        .chain(glyphs::missing_glyphs(text).into_iter().map(|(o, c)| (o, c, Code::Glyph)))
        .collect();
    found.sort_by_key(|(o, ..)| *o);
    found.dedup_by_key(|(o, ..)| *o);
    found.truncate(MAX_PER_TEXT);
    found
}

fn problem(code: Code, c: char, span: Span) -> Diagnostic {
    let (message, hint) = match code {
        Code::ControlCharacter => (control::message(c), control::hint()),
        _ => (glyphs::message(c), glyphs::hint()),
    };
    Diagnostic::error(code, message).at(span).with_label(tr!(low_here)).with_hint(hint)
}
