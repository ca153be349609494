//! `--format github`: GitHub Actions workflow commands, one annotation per finding.

use codespan_reporting::term;

use super::{Diagnostic, Severity, Summary};
use crate::source::Sources;
use crate::tr;

pub(super) fn github_escape(text: &str, property: bool) -> String {
    let mut s = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        s = s.replace(':', "%3A").replace(',', "%2C");
    }
    s
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
                let (line, col) = sources.line_col(&cell.span);
                writeln!(
                    out,
                    "::warning file={},line={line},col={col},title={}::{}",
                    github_escape(&sources.path(&cell.span), true),
                    github_escape(&tr!(github_likely_cause), true),
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
        if let Some(span) = &d.span {
            let (line, col) = sources.line_col(span);
            props.push(format!("file={}", github_escape(&sources.path(span), true)));
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
        }
        props.push(format!(
            "title={}",
            github_escape(&format!("{} {}", d.code, d.code.name()), true)
        ));
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
