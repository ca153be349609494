//! Human output: rustc-style diagnostics with source excerpts, through codespan-reporting.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files, SimpleFiles};
use codespan_reporting::term;

use super::{Cause, Diagnostic, Severity, Summary};
use std::io::Write as _;

use crate::source::{Location, SheetOrigin, Sources};
use crate::tr;

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

/// The findings as plain human text, without the summary line (for findings outside `check`,
/// such as a template's, printed by `build`).
pub fn findings_to_human_string(sources: &Sources, diagnostics: &[Diagnostic]) -> String {
    let mut buffer = Vec::new();
    {
        let mut writer = term::termcolor::NoColor::new(&mut buffer);
        let _ = emit_findings(&mut writer, sources, diagnostics);
    }
    String::from_utf8_lossy(&buffer).into_owned()
}

pub(super) fn emit_human(
    out: &mut dyn term::WriteStyle,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &Summary,
) -> std::io::Result<()> {
    emit_findings(out, sources, diagnostics)?;
    let mut out = Localised { inner: out, header: None };
    if let Some(goals) = summary.goals.as_ref().map(ToString::to_string).filter(|g| !g.is_empty()) {
        writeln!(out, "{goals}")?;
    }
    writeln!(out, "{summary}")
}

fn emit_findings(
    out: &mut dyn term::WriteStyle,
    sources: &Sources,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    let mut files = Shown { files: SimpleFiles::new(), sheets: Vec::new() };
    for file in sources.files() {
        files.files.add(file.display_name(), file.text.clone());
        files.sheets.push(file.sheet.clone());
    }
    let config = term::Config::default();
    let mut out = Localised { inner: out, header: None };
    for d in diagnostics {
        if let Some(cause) = &d.cause {
            emit(&mut out, &config, &files, &cause_diagnostic(d, cause, sources))?;
        }
        emit(&mut out, &config, &files, &finding(d, sources))?;
    }
    Ok(())
}

fn emit(
    out: &mut Localised<'_>,
    config: &term::Config,
    files: &Shown,
    diagnostic: &cs::Diagnostic<usize>,
) -> std::io::Result<()> {
    term::emit_to_write_style(out, config, files, diagnostic)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// The "likely cause" shown before the first finding of its group.
fn cause_diagnostic(d: &Diagnostic, cause: &Cause, sources: &Sources) -> cs::Diagnostic<usize> {
    let labels = cause
        .cells
        .iter()
        .map(|c| {
            cs::Label::primary(c.span.file, c.span.range.clone())
                .with_message(tr!(human_likely_wrong_label, suggested = c.suggested))
        })
        .collect();
    let group = d.group.map(|g| tr!(human_group, n = g)).unwrap_or_default();
    cs::Diagnostic::help()
        .with_code(tr!(human_likely_cause, group = group))
        .with_message(cause.message(sources))
        .with_labels(labels)
        .with_notes(vec![tr!(human_cause_note, relations = cause.relations, group = group)])
}

/// One finding with its place, figures, notes and hints.
fn finding(d: &Diagnostic, sources: &Sources) -> cs::Diagnostic<usize> {
    let severity = match (d.acknowledged.is_some(), d.severity) {
        (true, _) => cs::Severity::Help,
        (false, Severity::Error) => cs::Severity::Error,
        (false, Severity::Warning) => cs::Severity::Warning,
        (false, Severity::Note) => cs::Severity::Note,
    };
    let mut message = d.message.clone();
    if d.acknowledged.is_some() {
        message = tr!(human_acknowledged, message = message);
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
    cs::Diagnostic::new(severity)
        .with_code(format!("{}/{}", d.code.code(), d.code.name()))
        .with_message(message)
        .with_labels(labels)
        .with_notes(notes(d, sources))
}

fn notes(d: &Diagnostic, sources: &Sources) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(span) = &d.span
        && let Location::Cell { .. } = sources.location(span)
    {
        notes.push(tr!(human_in, place = sources.describe(span)));
    }
    let mut place = Vec::new();
    if let Some(t) = &d.table {
        place.push(tr!(human_in_table, table = t));
    }
    if let Some(r) = &d.row {
        place.push(tr!(human_in_row, row = r));
    }
    if let Some(c) = &d.column {
        place.push(tr!(human_in_column, column = c));
    }
    if !place.is_empty() {
        notes.push(tr!(human_in, place = place.join(", ")));
    }
    if let Some(f) = &d.formula {
        notes.push(tr!(human_formula, formula = f));
    }
    match (&d.expected, &d.found, &d.difference) {
        (Some(e), Some(found), Some(x)) => notes.push(tr!(
            human_expected_found_difference,
            expected = e,
            found = found,
            difference = x
        )),
        (Some(e), Some(found), None) => {
            notes.push(tr!(human_expected_found, expected = e, found = found))
        }
        (Some(e), None, _) => notes.push(tr!(human_expected, expected = e)),
        (None, Some(found), _) => notes.push(tr!(human_found, found = found)),
        (None, None, _) => {}
    }
    notes.extend(d.notes.iter().map(|n| tr!(human_note, note = n)));
    notes.extend(d.hints.iter().map(|h| tr!(human_hint, hint = h)));
    if let Some(reason) = &d.acknowledged {
        notes.push(tr!(human_acknowledged_reason, reason = reason));
    }
    if let (Some(g), None) = (d.group, &d.cause) {
        notes.push(tr!(human_part_of_group, n = g));
    }
    notes
}

/// Passes everything to the terminal, but writes codespan-reporting's severity word
/// (`error`, `warning`, …) at the head of a finding in the current language.
struct Localised<'a> {
    inner: &'a mut dyn term::WriteStyle,
    /// Set between the styling of a header and the severity word that follows it.
    header: Option<cs::Severity>,
}

impl std::io::Write for Localised<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(severity) = self.header.take() {
            let english: &[u8] = match severity {
                cs::Severity::Bug => b"bug",
                cs::Severity::Error => b"error",
                cs::Severity::Warning => b"warning",
                cs::Severity::Help => b"help",
                cs::Severity::Note => b"note",
            };
            if buf == english {
                let word = match severity {
                    cs::Severity::Bug => tr!(word_bug),
                    cs::Severity::Error => tr!(word_error),
                    cs::Severity::Warning => tr!(word_warning),
                    cs::Severity::Help => tr!(word_help),
                    cs::Severity::Note => tr!(word_note),
                };
                self.inner.write_all(word.as_bytes())?;
                return Ok(buf.len());
            }
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl term::WriteStyle for Localised<'_> {
    fn set_header(&mut self, severity: cs::Severity) -> std::io::Result<()> {
        self.header = Some(severity);
        self.inner.set_header(severity)
    }

    fn set_header_message(&mut self) -> std::io::Result<()> {
        self.inner.set_header_message()
    }

    fn set_line_number(&mut self) -> std::io::Result<()> {
        self.inner.set_line_number()
    }

    fn set_note_bullet(&mut self) -> std::io::Result<()> {
        self.inner.set_note_bullet()
    }

    fn set_source_border(&mut self) -> std::io::Result<()> {
        self.inner.set_source_border()
    }

    fn set_label(&mut self, severity: cs::Severity, style: cs::LabelStyle) -> std::io::Result<()> {
        self.inner.set_label(severity, style)
    }

    fn reset(&mut self) -> std::io::Result<()> {
        self.inner.reset()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn the_severity_word_is_in_the_chosen_language() {
        let mut sources = Sources::default();
        let file = sources.add("t.yaml", "a: 1\n".to_string());
        let span = crate::source::Span { file, range: 0..1 };
        let d = vec![Diagnostic::error(Code::YamlSchema, "x").at(span)];
        let nb = with_lang(Lang::Nb, || to_human_string(&sources, &d, &Summary::default()));
        let en = with_lang(Lang::En, || to_human_string(&sources, &d, &Summary::default()));
        assert!(nb.starts_with("feil[AR003/yaml-schema]: x"), "{nb}");
        assert!(nb.contains("kontrollerte 0 filer"), "{nb}");
        assert!(en.starts_with("error[AR003/yaml-schema]: x"), "{en}");
    }
}
