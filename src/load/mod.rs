//! Loading a report folder: `report.yaml`, the chapter files and the CSV tables.
//!
//! Two stages. [`parse`] reads the files ([`files`]: paths confined to the report
//! folder, text decoded) into typed source structs ([`schema`], read from the
//! positioned YAML tree of [`yaml`] through [`read::FromYaml`]) and the raw CSV
//! tables ([`csv`]). [`crate::lower`] then numbers, names and types everything
//! into the immutable [`Report`] and the declared rules of every table
//! ([`spec::TableSpec`]). [`load`] runs both and hands on a [`Loaded`]: every
//! source file (for diagnostics), the report, its rules, and the problems found.
//! This is the only module that reads the report's files.
//!
//! Expressions `{{ … }}` in inline text are not evaluated here: each is left
//! as a placeholder in the text and listed in [`Loaded::references`], with the
//! text it was written in ([`Loaded::texts`]); [`crate::refs`] resolves them
//! once the report is validated.

pub mod control;
pub mod csv;
pub mod date;
pub mod encoding;
pub mod expr;
pub mod files;
pub mod glyphs;
pub mod image;
pub mod inline;
pub mod number;
pub mod parse;
pub mod read;
pub mod schema;
pub mod spec;
pub mod workbook;
pub mod yaml;
mod yaml_offset;
mod yaml_syntax;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::lower;
use crate::model::Report;
use crate::source::{Sources, Span};
use spec::TableSpec;

/// What loading a report folder gives.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every file read.
    pub sources: Sources,
    /// The report, unless a fatal problem stopped the loading.
    pub report: Option<Report>,
    /// Declared rules per table, in the order of `report.tables`.
    pub specs: Vec<TableSpec>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// The report year, also when the report could not be built.
    pub kostra_year: Option<i32>,
    /// Every expression `{{ … }}` in inline text; the placeholder of number `i` stands for
    /// `references[i]`.
    pub references: Vec<Reference>,
    /// Every inline text as written (for positions inside it, and the literal-figure check).
    pub texts: Vec<TextSource>,
    /// Where each fact's value is declared in `report.yaml`.
    pub fact_spans: BTreeMap<String, Span>,
    /// `previous:` in `report.yaml`: last year's report folder, relative to this one.
    pub previous: Option<read::Spanned<String>>,
}

/// An expression `{{ … }}` in inline text, left as a placeholder for [`crate::refs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The text between the braces, as written.
    pub expr: String,
    /// The text it was written in: an index into [`Loaded::texts`].
    pub text: usize,
    /// Byte range of `{{ … }}`, braces included, in that text.
    pub range: Range<usize>,
}

/// An inline text as written in a YAML scalar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSource {
    /// The scalar's node (see [`yaml::value_offset`] for places inside it).
    pub span: Span,
    /// The scalar's value, before inline markup is parsed.
    pub text: String,
    /// Whether the text is prose that is revised every year, and whether it is marked as
    /// deliberately unchanged (see [`crate::cycle::unrevised`]).
    pub revise: Revise,
}

/// Whether a text is compared with last year's report (AR602 `unrevised-text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Revise {
    /// Not prose that changes yearly: headings, goals, measures, questions, footnotes, captions.
    #[default]
    No,
    /// A paragraph, note, list item or comment: revised every year.
    Yes,
    /// Prose marked `unchanged: true`.
    MarkedUnchanged,
}

impl TextSource {
    /// The place of `range` (byte offsets in [`TextSource::text`]) in the source file: exact
    /// when the scalar can be matched with its source, else the start of the node. The span
    /// does not run past the end of its first line.
    pub fn span_of(&self, sources: &Sources, range: Range<usize>) -> Span {
        let file = &sources.get(self.span.file).text;
        let start = yaml::value_offset(file, self.span.range.start, &self.text, range.start);
        let Some(start) = start else { return self.span.clone() };
        let end = yaml::value_offset(file, self.span.range.start, &self.text, range.end)
            .filter(|&e| e >= start)
            .unwrap_or(start + 1);
        let line_end = file[start..].find('\n').map_or(file.len(), |i| start + i);
        Span::new(self.span.file, start..end.min(line_end).max(start + 1).min(file.len()))
    }
}

impl Loaded {
    /// Whether a problem stopped the report from being read (exit code 2).
    pub fn is_fatal(&self) -> bool {
        self.diagnostics.iter().any(|d| d.code.is_fatal())
    }
}

/// Loads the report in `dir`: parse, then lower.
pub fn load(dir: &Path) -> Loaded {
    let mut files = files::Files::new(dir);
    files.sources.set_base(dir);
    let parsed = parse::parse(&mut files);
    let year = parsed
        .as_ref()
        .and_then(|p| p.report.year.as_ref())
        .and_then(|y| y.value.trim().parse().ok());
    let lowered = parsed.as_ref().map(|p| lower::lower(p, &files)).unwrap_or_default();
    let mut diagnostics = files.diagnostics;
    diagnostics.extend(lowered.diagnostics);
    let fatal = diagnostics.iter().any(|d| d.code.is_fatal());
    Loaded {
        sources: files.sources,
        report: if fatal { None } else { lowered.report },
        specs: lowered.specs,
        diagnostics,
        kostra_year: year,
        references: lowered.references,
        texts: lowered.texts,
        fact_spans: lowered.fact_spans,
        previous: parsed.as_ref().and_then(|p| p.report.previous.clone()),
    }
}

/// Makes an anchor-safe slug: lower case ASCII letters, digits and `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'æ' => "ae",
            'ø' => "o",
            'å' => "a",
            'é' | 'è' | 'ê' => "e",
            'ü' => "u",
            'ö' => "o",
            'ä' => "a",
            _ => "",
        };
        if !mapped.is_empty() {
            out.push_str(mapped);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Every id in a set, for "did you mean".
pub(crate) fn nearest<'a>(word: &str, set: &'a BTreeSet<String>) -> Option<&'a str> {
    yaml::did_you_mean(word, set.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Bydelsdirektørens beretning"), "bydelsdirektorens-beretning");
        assert_eq!(slug("0.1 B"), "0-1-b");
        assert_eq!(slug("Årsberetning 2024 Bydel Bjerke"), "arsberetning-2024-bydel-bjerke");
    }
}
