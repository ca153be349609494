//! Human output: rustc-style diagnostics with source excerpts, through codespan-reporting.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files, SimpleFiles};
use codespan_reporting::term;

use super::{Diagnostic, Severity, Summary};
use crate::source::{Location, SheetOrigin, Sources};

/// The files as codespan shows them: a workbook sheet is named `file, ark «Sheet»`, its lines
/// numbered as the sheet's rows and its columns as the sheet's columns (A = 1).
struct Shown {
    files: SimpleFiles<String, String>,
    sheets: Vec<Option<SheetOrigin>>,
}

impl<'a> Files<'a> for Shown {
    type FileId = usize;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<String, FilesError> {
        let name = self.files.name(id)?;
        Ok(match self.sheets.get(id).and_then(Option::as_ref) {
            Some(sheet) => format!("{name}, ark «{}»", sheet.sheet),
            None => name,
        })
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        self.files.source(id)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        self.files.line_index(id, byte_index)
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, FilesError> {
        let first = self.sheets.get(id).and_then(Option::as_ref).map_or(0, |s| s.row as usize);
        Ok(first + line_index + 1)
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let Some(sheet) = self.sheets.get(id).and_then(Option::as_ref) else {
            return self.files.column_number(id, line_index, byte_index);
        };
        let range = self.files.line_range(id, line_index)?;
        let text = self.files.source(id)?;
        let before = text.get(range.start..byte_index.max(range.start)).unwrap_or("");
        Ok(sheet.column as usize + before.matches('\t').count() + 1)
    }

    fn line_range(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, FilesError> {
        self.files.line_range(id, line_index)
    }
}

/// Renders diagnostics as plain human text (no colour), e.g. for snapshots.
pub fn to_human_string(sources: &Sources, diagnostics: &[Diagnostic], summary: &Summary) -> String {
    let mut buffer = Vec::new();
    {
        let mut writer = term::termcolor::NoColor::new(&mut buffer);
        let _ = emit_human(&mut writer, sources, diagnostics, summary);
    }
    String::from_utf8_lossy(&buffer).into_owned()
}

pub(super) fn emit_human(
    out: &mut dyn term::WriteStyle,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &Summary,
) -> std::io::Result<()> {
    let mut files = Shown { files: SimpleFiles::new(), sheets: Vec::new() };
    for file in sources.files() {
        files.files.add(file.display_name(), file.text.clone());
        files.sheets.push(file.sheet.clone());
    }
    let config = term::Config::default();
    for d in diagnostics {
        if let Some(cause) = &d.cause {
            let labels = cause
                .cells
                .iter()
                .map(|c| {
                    cs::Label::primary(c.span.file, c.span.range.clone())
                        .with_message(format!("likely wrong: {} would fit", c.suggested))
                })
                .collect();
            let group = d.group.map(|g| format!("group {g}")).unwrap_or_default();
            let diagnostic = cs::Diagnostic::help()
                .with_code(format!("likely cause, {group}"))
                .with_message(cause.message(sources))
                .with_labels(labels)
                .with_notes(vec![format!(
                    "the {} finding{} of {group} follow{}; correcting this figure resolves {}",
                    cause.relations,
                    if cause.relations == 1 { "" } else { "s" },
                    if cause.relations == 1 { "s" } else { "" },
                    if cause.relations == 1 { "it" } else { "them all" }
                )]);
            term::emit_to_write_style(out, &config, &files, &diagnostic)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        }
        let severity = match (d.acknowledged.is_some(), d.severity) {
            (true, _) => cs::Severity::Help,
            (false, Severity::Error) => cs::Severity::Error,
            (false, Severity::Warning) => cs::Severity::Warning,
            (false, Severity::Note) => cs::Severity::Note,
        };
        let mut message = d.message.clone();
        if d.acknowledged.is_some() {
            message = format!("acknowledged: {message}");
        }
        let mut labels = Vec::new();
        if let Some(span) = &d.span {
            labels.push(
                cs::Label::primary(span.file, span.range.clone())
                    .with_message(d.label.clone().unwrap_or_default()),
            );
        }
        for (span, text) in &d.related {
            labels.push(cs::Label::secondary(span.file, span.range.clone()).with_message(text));
        }
        let mut notes = Vec::new();
        if let Some(span) = &d.span
            && let Location::Cell { .. } = sources.location(span)
        {
            notes.push(format!("in {}", sources.describe(span)));
        }
        let mut place = Vec::new();
        if let Some(t) = &d.table {
            place.push(format!("table `{t}`"));
        }
        if let Some(r) = &d.row {
            place.push(format!("row «{r}»"));
        }
        if let Some(c) = &d.column {
            place.push(format!("column {c}"));
        }
        if !place.is_empty() {
            notes.push(format!("in {}", place.join(", ")));
        }
        if let Some(f) = &d.formula {
            notes.push(format!("formula: {f}"));
        }
        match (&d.expected, &d.found) {
            (Some(e), Some(found)) => {
                let diff =
                    d.difference.as_ref().map(|x| format!(" (difference {x})")).unwrap_or_default();
                notes.push(format!("expected {e}, found {found}{diff}"));
            }
            (Some(e), None) => notes.push(format!("expected {e}")),
            (None, Some(found)) => notes.push(format!("found {found}")),
            (None, None) => {}
        }
        notes.extend(d.notes.iter().map(|n| format!("note: {n}")));
        notes.extend(d.hints.iter().map(|h| format!("help: {h}")));
        if let Some(reason) = &d.acknowledged {
            notes.push(format!("acknowledged in the report: {reason}"));
        }
        if let (Some(g), None) = (d.group, &d.cause) {
            notes.push(format!("part of group {g}: see the likely cause above"));
        }
        let diagnostic = cs::Diagnostic::new(severity)
            .with_code(format!("{}/{}", d.code.code(), d.code.name()))
            .with_message(message)
            .with_labels(labels)
            .with_notes(notes);
        term::emit_to_write_style(out, &config, &files, &diagnostic)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    if let Some(goals) = summary.goals.as_ref().map(ToString::to_string).filter(|g| !g.is_empty()) {
        writeln!(out, "{goals}")?;
    }
    writeln!(out, "{summary}")
}
