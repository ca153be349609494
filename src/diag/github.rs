//! `--format github`: GitHub Actions workflow commands, one annotation per finding.

use codespan_reporting::term;

use super::{Diagnostic, Severity, Summary};
use crate::source::{Location, Sources};
use crate::tr;

pub(super) fn github_escape(text: &str, property: bool) -> String {
    let mut s = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        s = s.replace(':', "%3A").replace(',', "%2C");
    }
    s
}

/// `file=…,line=…,col=…` for a text file; for a workbook only `file=` (a workbook has no lines
/// GitHub can show; the cell is named in the title).
fn place(sources: &Sources, span: &crate::source::Span) -> Vec<String> {
    let mut props = vec![format!("file={}", github_escape(&sources.path(span), true))];
    if let Location::Text { line, column } = sources.location(span) {
        props.push(format!("line={line}"));
        props.push(format!("col={column}"));
    }
    props
}

/// An annotation's title, with the workbook cell when the place is one.
fn title(sources: &Sources, span: &crate::source::Span, what: &str) -> String {
    match sources.location(span) {
        Location::Cell { .. } => format!("{what} ({})", sources.describe(span)),
        Location::Text { .. } => what.to_string(),
    }
}

pub(super) fn emit_github(
    out: &mut dyn term::WriteStyle,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &Summary,
) -> std::io::Result<()> {
    for d in diagnostics {
        if let Some(cause) = &d.cause {
            for cell in &cause.cells {
                writeln!(
                    out,
                    "::warning {},title={}::{}",
                    place(sources, &cell.span).join(","),
                    github_escape(&title(sources, &cell.span, &tr!(github_likely_cause)), true),
                    github_escape(&cause.message(sources), false)
                )?;
            }
        }
        let level = match (d.acknowledged.is_some(), d.severity) {
            (true, _) | (false, Severity::Note) => "notice",
            (false, Severity::Warning) => "warning",
            (false, Severity::Error) => "error",
        };
        let mut props = Vec::new();
        let code = format!("{} {}", d.code, d.code.name());
        let title = match &d.span {
            Some(span) => {
                props.extend(place(sources, span));
                title(sources, span, &code)
            }
            None => code,
        };
        props.push(format!("title={}", github_escape(&title, true)));
        let mut body = d.message.clone();
        if let Some(f) = &d.formula {
            body.push_str(&format!("\n{}", tr!(human_formula, formula = f)));
        }
        if let (Some(e), Some(f)) = (&d.expected, &d.found) {
            body.push_str(&format!("\n{}", tr!(human_expected_found, expected = e, found = f)));
        }
        for n in &d.notes {
            body.push_str(&format!("\n{}", tr!(human_note, note = n)));
        }
        for h in &d.hints {
            body.push_str(&format!("\n{}", tr!(human_hint, hint = h)));
        }
        if let Some(reason) = &d.acknowledged {
            body.push_str(&format!("\n{}", tr!(github_acknowledged, reason = reason)));
        }
        writeln!(out, "::{level} {}::{}", props.join(","), github_escape(&body, false))?;
    }
    writeln!(out, "{summary}")
}
