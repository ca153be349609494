//! Changes to source files by place: each replaces a byte range found by the parser, so
//! everything else in the file — comments, quoting, order, blank lines — stays as written.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::load::yaml::value_offset;
use crate::source::{FileId, Sources, Span};

/// The most years advanced in one setting, title or caption.
const MAX_YEARS: usize = 20;

/// Replacements, by file.
#[derive(Debug, Default)]
pub struct Edits {
    by_file: BTreeMap<FileId, Vec<(Range<usize>, String)>>,
}

impl Edits {
    /// Replaces `range` of `file` with `text`.
    pub fn replace(&mut self, file: FileId, range: Range<usize>, text: String) {
        self.by_file.entry(file).or_default().push((range, text));
    }

    /// Advances every year stated in a YAML scalar by one, in place. `false` when a year could
    /// not be found in the source (a scalar with escape sequences): the caller says so.
    pub fn advance_scalar(&mut self, sources: &Sources, span: &Span, value: &str) -> bool {
        let file = &sources.get(span.file).text;
        let years = super::years(value);
        // Each year is found by walking the scalar from its start: a title or caption states a
        // few; one stating more is left to the user rather than walked again and again.
        if years.len() > MAX_YEARS {
            return false;
        }
        let mut all = true;
        for (range, year) in years {
            let written = year.to_string();
            let at = value_offset(file, span.range.start, value, range.start);
            match at.filter(|&s| file.get(s..s + 4) == Some(written.as_str())) {
                Some(s) => self.replace(span.file, s..s + 4, (year + 1).to_string()),
                None => all = false,
            }
        }
        all
    }

    /// Whether a file has changes.
    pub fn touches(&self, file: FileId) -> bool {
        self.by_file.contains_key(&file)
    }

    /// Every changed file: its name in the report folder and its new text. Overlapping
    /// replacements keep the first.
    pub fn apply(&self, sources: &Sources) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (&file, edits) in &self.by_file {
            let source = sources.get(file);
            let mut edits = edits.clone();
            edits.sort_by_key(|(r, _)| (r.start, r.end));
            let mut text = String::with_capacity(source.text.len());
            let mut last = 0;
            for (range, replacement) in edits {
                if range.start < last || range.end > source.text.len() {
                    continue;
                }
                text.push_str(&source.text[last..range.start]);
                text.push_str(&replacement);
                last = range.end;
            }
            text.push_str(&source.text[last..]);
            out.push((source.name.clone(), text));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacements_keep_everything_else() {
        let mut sources = Sources::default();
        let id =
            sources.add("r.yaml", "# kommentar\ntitle: Årsberetning 2024 # x\nyear: 2024\n".into());
        let mut edits = Edits::default();
        let text = &sources.get(id).text;
        let start = text.find("Årsberetning").unwrap_or(0);
        let span = Span::new(id, start..start + 17);
        assert!(edits.advance_scalar(&sources, &span, "Årsberetning 2024"));
        let y = text.rfind("2024").unwrap_or(0);
        edits.replace(id, y..y + 4, "2025".into());
        let out = edits.apply(&sources);
        assert_eq!(out[0].1, "# kommentar\ntitle: Årsberetning 2025 # x\nyear: 2025\n");
    }
}
