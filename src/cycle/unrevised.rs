//! AR602 `unrevised-text`: paragraphs still word for word last year's.
//!
//! With `previous:` set, every paragraph, note, list item and comment (not headings, goals,
//! measures, questions, captions or footnotes, which stay from year to year by design) is
//! compared with every such text of last year's report, whitespace folded. One that is the
//! same is a warning at its place, pointing at last year's text too; a text marked
//! `unchanged: true` is not, and a mark on a text that was revised after all is a note (the
//! mark can go). Texts of fewer than [`MIN_WORDS`] words («Ja», «Se tabell») are not compared.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::load::{Revise, TextSource};
use crate::source::{Sources, Span};
use crate::tr;

/// Texts shorter than this many words are not compared.
pub const MIN_WORDS: usize = 4;

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `unchanged: true` on a text that is not compared with last year's (a heading, a goal …).
pub fn mark_not_prose(span: Span) -> Diagnostic {
    Diagnostic::error(Code::YamlSchema, tr!(cycle_unchanged_not_prose))
        .at(span)
        .with_label(tr!(cycle_unchanged_not_prose_label))
        .with_hint(tr!(cycle_unchanged_not_prose_hint))
}

/// Compares this report's prose with last year's (`previous`, spans already in `sources`).
pub fn check(
    sources: &Sources,
    texts: &[TextSource],
    previous: &[TextSource],
    previous_year: i32,
) -> Vec<Diagnostic> {
    let mut last_year: BTreeMap<String, &TextSource> = BTreeMap::new();
    for t in previous.iter().filter(|t| t.revise != Revise::No) {
        last_year.entry(fold(&t.text)).or_insert(t);
    }
    let mut out = Vec::new();
    for text in texts.iter().filter(|t| t.revise != Revise::No) {
        let folded = fold(&text.text);
        if folded.split(' ').count() < MIN_WORDS {
            continue;
        }
        let old = last_year.get(&folded);
        let here = text.span_of(sources, 0..text.text.len());
        match (text.revise, old) {
            (Revise::Yes, Some(old)) => {
                let there = old.span_of(sources, 0..old.text.len());
                out.push(unrevised(here, there, previous_year));
            }
            (Revise::MarkedUnchanged, None) => out.push(mark_unneeded(here)),
            _ => {}
        }
    }
    out
}

fn unrevised(here: Span, there: Span, previous_year: i32) -> Diagnostic {
    let mut d =
        Diagnostic::warning(Code::UnrevisedText, tr!(cycle_unrevised, year = previous_year))
            .at(here)
            .with_label(tr!(cycle_unrevised_label))
            .with_hint(tr!(cycle_unrevised_hint));
    d.related.push((there, tr!(cycle_unrevised_there, year = previous_year)));
    d
}

fn mark_unneeded(here: Span) -> Diagnostic {
    Diagnostic::note(Code::UnrevisedText, tr!(cycle_mark_unneeded))
        .at(here)
        .with_label(tr!(cycle_mark_unneeded_label))
        .with_hint(tr!(cycle_mark_unneeded_hint))
}
