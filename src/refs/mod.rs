//! Resolving figures in text: the `{{ … }}` expressions of inline text.
//!
//! Takes the validated [`Report`] — whose inline text holds a placeholder for every expression
//! (see [`crate::load::inline`]) — and what `load` recorded: the expressions, the texts they
//! were written in and where the facts are declared. Evaluates every expression once, with Tera,
//! against the report's tables and facts ([`eval`]), and replaces each placeholder with the
//! formatted figure: plain text inside [`Inline::Text`], the same for the PDF and the HTML
//! (renderers escape it like any other text). Hands on the report, changed in place, and
//! diagnostics with file, line and column:
//!
//! - AR401 `unknown-reference`: an expression names a table, row, column or fact that does not
//!   exist (with a "did you mean" hint);
//! - AR402 `expression`: an expression cannot be read or evaluated;
//! - AR403 `literal-figure` (warning): the text writes out a declared fact's figure instead of
//!   referring to it ([`literal`]).
//!
//! An expression that fails never becomes empty text: its placeholder is replaced by a visible
//! `[feil: …]` marker, which only a `--draft` build shows, since `check` fails.
//!
//! The language is documented in docs/format.md, "Figures in text".

mod eval;
mod figure;
mod literal;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diag::{Code, Diagnostic};
use crate::load::Loaded;
use crate::load::inline::{PLACEHOLDER_END, PLACEHOLDER_START};
use crate::model::{Block, Inline, ListItem, Report, Section};

pub use eval::{FILTERS, FUNCTIONS};
use eval::{Evaluator, Failure, Place};
pub use figure::Figure;

/// Resolves every expression of the report's text; returns the findings.
///
/// `loaded` is what [`crate::load::load`] gave (its report taken out and validated).
pub fn resolve(report: &mut Report, loaded: &Loaded) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut values = Vec::with_capacity(loaded.references.len());
    if !loaded.references.is_empty() {
        let mut evaluator = Evaluator::new(report, &loaded.specs);
        for reference in &loaded.references {
            match evaluator.evaluate(&reference.expr) {
                Ok(text) => values.push(text),
                Err(failure) => {
                    values.push(format!("[feil: {}]", failure.message));
                    diagnostics.push(diagnostic(loaded, reference, failure));
                }
            }
        }
    }
    each_text(report, &mut |text| replace_placeholders(text, &values));
    diagnostics.extend(literal_figures(report, loaded));
    diagnostics
}

/// The byte range of `place` in the expression `expr`.
fn locate(expr: &str, place: &Place) -> Option<Range<usize>> {
    match place {
        Place::Whole => None,
        Place::Range(start, len) => {
            let start = (*start).min(expr.len());
            Some(start..(start + len.max(&1)).min(expr.len()).max(start))
        }
        Place::Literal(text) => ['"', '\'', '`'].iter().find_map(|q| {
            let quoted = format!("{q}{text}{q}");
            expr.find(&quoted).map(|i| i..i + quoted.len())
        }),
        Place::Name(name) => {
            let ident = |c: char| c.is_alphanumeric() || c == '_';
            expr.match_indices(name.as_str()).map(|(i, _)| i).find(|&i| {
                !expr[..i].chars().next_back().is_some_and(ident)
                    && !expr[i + name.len()..].chars().next().is_some_and(ident)
            })
            .map(|i| i..i + name.len())
        }
    }
}

fn diagnostic(loaded: &Loaded, reference: &crate::load::Reference, failure: Failure) -> Diagnostic {
    let source = &loaded.texts[reference.text];
    let inner = reference.range.start + 2;
    let range = match locate(&reference.expr, &failure.place) {
        Some(r) => inner + r.start..inner + r.end,
        None => reference.range.clone(),
    };
    let mut d = Diagnostic::error(failure.code, failure.message)
        .at(source.span_of(&loaded.sources, range))
        .with_label(failure.label);
    d.notes = failure.notes;
    d.hints = failure.hints;
    d
}

/// Replaces the placeholders in `text` with the resolved values.
fn replace_placeholders(text: &mut String, values: &[String]) {
    if !text.contains(PLACEHOLDER_START) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find(PLACEHOLDER_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + PLACEHOLDER_START.len_utf8()..];
        let Some(end) = after.find(PLACEHOLDER_END) else {
            rest = after;
            continue;
        };
        let value = after[..end].parse::<usize>().ok().and_then(|i| values.get(i));
        out.push_str(value.map_or("[feil: uttrykket mangler]", String::as_str));
        rest = &after[end + PLACEHOLDER_END.len_utf8()..];
    }
    out.push_str(rest);
    *text = out;
}

/// AR403 for every text that writes out a fact's figure.
fn literal_figures(report: &Report, loaded: &Loaded) -> Vec<Diagnostic> {
    let mut by_figure: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (name, fact) in &report.facts {
        let figure = literal::normalized(fact);
        if literal::worth_looking_for(&figure) {
            by_figure.entry(figure).or_default().push(name);
        }
    }
    if by_figure.is_empty() {
        return Vec::new();
    }
    let mut skip: Vec<Vec<Range<usize>>> = vec![Vec::new(); loaded.texts.len()];
    for r in &loaded.references {
        skip[r.text].push(r.range.clone());
    }
    let mut out = Vec::new();
    for (source, skip) in loaded.texts.iter().zip(&skip) {
        for (range, figure) in literal::figures(&source.text, skip) {
            let Some(names) = by_figure.get(&figure) else { continue };
            let name = names[0];
            let printed = crate::format::number(&report.facts[name].value);
            let mut d = Diagnostic::warning(
                Code::LiteralFigure,
                format!("the text writes out {printed}, the figure of the fact «{name}»"),
            )
            .at(source.span_of(&loaded.sources, range))
            .with_label("the fact's figure, written out")
            .with_hint(format!(
                "write `{}` instead, so the figure is stated once, in report.yaml",
                Evaluator::fact_reference(name)
            ));
            if names.len() > 1 {
                d = d.with_note(format!("the facts «{}» have this figure", names.join("», «")));
            }
            d = d.with_note(
                "if this is another quantity that happens to be equal, skip the rule with `--skip literal-figure`",
            );
            if let Some(span) = loaded.fact_spans.get(name) {
                d.related.push((span.clone(), "the fact is declared here".into()));
            }
            out.push(d);
        }
    }
    out
}

/// Calls `f` on the text of every [`Inline::Text`] of the report.
fn each_text(report: &mut Report, f: &mut dyn FnMut(&mut String)) {
    for chapter in &mut report.chapters {
        blocks(&mut chapter.blocks, f);
        sections(&mut chapter.sections, f);
    }
    for table in &mut report.tables {
        for footnote in &mut table.footnotes {
            inlines(footnote, f);
        }
    }
}

fn sections(list: &mut [Section], f: &mut dyn FnMut(&mut String)) {
    for s in list {
        blocks(&mut s.blocks, f);
        sections(&mut s.sections, f);
    }
}

fn blocks(list: &mut [Block], f: &mut dyn FnMut(&mut String)) {
    for b in list {
        match b {
            Block::Paragraph { content } | Block::Heading { content } => inlines(content, f),
            Block::List { items, .. } => list_items(items, f),
            Block::Note { paragraphs, .. } => {
                for p in paragraphs {
                    inlines(p, f);
                }
            }
            Block::Goals(goals) => {
                for g in &mut goals.goals {
                    inlines(&mut g.goal, f);
                    for m in &mut g.measures {
                        inlines(&mut m.measure, f);
                        inlines(&mut m.comment, f);
                    }
                }
            }
            Block::Checklist(list) => {
                for item in &mut list.items {
                    inlines(&mut item.question, f);
                    inlines(&mut item.comment, f);
                }
            }
            Block::Figure(figure) => {
                if let Some(caption) = &mut figure.caption {
                    inlines(caption, f);
                }
            }
            Block::Table { .. } => {}
        }
    }
}

fn list_items(items: &mut [ListItem], f: &mut dyn FnMut(&mut String)) {
    for item in items {
        inlines(&mut item.content, f);
        list_items(&mut item.children, f);
    }
}

fn inlines(list: &mut [Inline], f: &mut dyn FnMut(&mut String)) {
    for i in list {
        match i {
            Inline::Text { text } => f(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. }
            | Inline::Footnote { content } => inlines(content, f),
            Inline::LineBreak => {}
        }
    }
}
