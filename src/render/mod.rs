//! Renderers: the validated [`crate::model::Report`] in, PDF bytes or site files out.
//!
//! Renderers never read the report's sources and never re-check figures; they
//! format with [`crate::format`] and take section and table numbers as assigned
//! in the model. Templates come from [`TemplateDir`]: the defaults embedded in
//! the binary, overridden file by file by a report's own template folder.

pub mod data;
pub mod escape;
pub mod html;
pub mod pdf;
pub mod view;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Severity};
use crate::source::{FileId, Sources, Span};

/// Where templates come from: embedded defaults, optionally overridden by a folder.
///
/// Every file read from the override folder must resolve, after following symbolic links,
/// inside the confinement root: the report folder (see [`TemplateDir::confined`]) or else the
/// override folder itself. A file that leads out is refused with an error of kind
/// `PermissionDenied` (see `docs/security.md`).
#[derive(Debug, Clone, Default)]
pub struct TemplateDir {
    /// A folder whose files replace the embedded templates of the same relative name.
    pub overrides: Option<PathBuf>,
    /// The folder every override file must resolve inside; `None`: the override folder.
    pub root: Option<PathBuf>,
}

impl TemplateDir {
    /// Templates with a user override folder; its files must resolve inside it.
    pub fn with_overrides(dir: impl Into<PathBuf>) -> Self {
        TemplateDir { overrides: Some(dir.into()), root: None }
    }

    /// Templates with a user override folder whose files must resolve inside `root` (the
    /// report folder).
    pub fn confined(root: impl Into<PathBuf>, dir: impl Into<PathBuf>) -> Self {
        TemplateDir { overrides: Some(dir.into()), root: Some(root.into()) }
    }

    /// The real path of the user's file `name` (a relative path like `pdf/report.typ`) if the
    /// override folder has one; an error if it leads outside the confinement root.
    pub fn resolve(&self, name: &str) -> std::io::Result<Option<PathBuf>> {
        let Some(dir) = &self.overrides else { return Ok(None) };
        let path = dir.join(name);
        if !path.is_file() {
            return Ok(None);
        }
        let root = self.root.as_deref().unwrap_or(dir);
        crate::paths::confined(root, &path).map(Some)
    }

    /// The bytes of template `name` (a relative path like `pdf/report.typ`): the user's file if
    /// the override folder has one, else the embedded default. Returns the path shown in
    /// error messages together with the bytes.
    pub fn read(&self, name: &str, embedded: &'static [u8]) -> std::io::Result<(String, Vec<u8>)> {
        if let Some(real) = self.resolve(name)? {
            let shown = self.overrides.as_deref().unwrap_or(Path::new("")).join(name);
            return Ok((display(&shown), std::fs::read(real)?));
        }
        Ok((format!("templates/{name}"), embedded.to_vec()))
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A problem in a template (the user's or the embedded default), with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The template's path as shown to the user (e.g. `templates/pdf/report.typ` or the
    /// user's override file).
    pub template: String,
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column, if known.
    pub column: Option<usize>,
    /// What went wrong.
    pub message: String,
    /// Hints that help fix it.
    pub hints: Vec<String>,
    /// The template's text and the bytes the problem is at, when known (Typst's problems), so
    /// that the line can be shown with the place marked.
    pub snippet: Option<TemplateSnippet>,
}

/// A template's text and a place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSnippet {
    /// The template's text.
    pub text: String,
    /// The bytes of `text` the problem is at.
    pub range: std::ops::Range<usize>,
}

impl TemplateError {
    /// The problem as a finding: AR701 `template` (an error) or AR702 `template-warning`, at
    /// its place in the template (whose text is added to `sources`, once per template) or, with
    /// no text to show, with the place in the message.
    fn diagnostic(
        &self,
        severity: Severity,
        sources: &mut Sources,
        files: &mut HashMap<String, FileId>,
    ) -> Diagnostic {
        let (code, make): (Code, fn(Code, String) -> Diagnostic) = match severity {
            Severity::Error => (Code::Template, Diagnostic::error),
            _ => (Code::TemplateWarning, Diagnostic::warning),
        };
        let mut d = match &self.snippet {
            Some(snippet) if snippet.range.end <= snippet.text.len() => {
                let file = *files
                    .entry(self.template.clone())
                    .or_insert_with(|| sources.add(self.template.clone(), snippet.text.clone()));
                make(code, self.message.clone()).at(Span::new(file, snippet.range.clone()))
            }
            _ => make(code, format!("{}: {}", self.place(), self.message)),
        };
        for hint in &self.hints {
            d = d.with_hint(hint.clone());
        }
        d
    }

    /// «templates/pdf/report.typ:4:2», as far as it is known.
    fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.template),
            (Some(line), None) => format!("{}:{line}", self.template),
            _ => self.template.clone(),
        }
    }
}

/// Template problems of one severity as the findings `build` and `watch` print: code, message,
/// the template's line with the place marked, hints; no summary line.
pub fn template_report(problems: &[TemplateError], severity: Severity) -> String {
    let mut sources = Sources::default();
    let mut files = HashMap::new();
    let diagnostics: Vec<Diagnostic> =
        problems.iter().map(|p| p.diagnostic(severity, &mut sources, &mut files)).collect();
    crate::diag::findings_to_human_string(&sources, &diagnostics).trim_end().to_string()
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)?;
        for hint in &self.hints {
            write!(f, "\n  {}", crate::tr!(human_hint, hint = hint))?;
        }
        Ok(())
    }
}

/// Why rendering failed.
#[derive(Debug)]
pub enum RenderError {
    /// Errors in templates (all of them, not just the first).
    Template(Vec<TemplateError>),
    /// Reading a template or asset failed.
    Io {
        /// What was being read.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Anything else (e.g. PDF export refused the document).
    Other(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template(errors) => {
                let list = template_report(errors, Severity::Error);
                write!(
                    f,
                    "{}",
                    crate::tr!(render_template_errors, count = errors.len(), list = list)
                )
            }
            RenderError::Io { path, source } => write!(
                f,
                "{}",
                crate::tr!(
                    render_could_not_read,
                    path = path,
                    reason = crate::load::files::io_reason(source)
                )
            ),
            RenderError::Other(text) => f.write_str(text),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// One file of the generated HTML site.
#[derive(Debug, Clone)]
pub struct SiteFile {
    /// Path relative to the site root, with `/` separators (e.g. `index.html`, `assets/site.css`).
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// What the renderers' unit tests render: the fixture reports in `tests/fixtures/`, loaded and
/// checked through the normal pipeline (never a report built by hand).
#[cfg(test)]
pub(crate) mod test_support {
    use std::path::Path;

    use crate::model::Report;
    use crate::pipeline::{CheckOptions, check};

    /// The report in `tests/fixtures/<dir>`, which must check without errors.
    pub(crate) fn fixture(dir: &str) -> Report {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
        let checked = check(&path, &CheckOptions::default());
        let errors: Vec<&str> = checked
            .diagnostics
            .iter()
            .filter(|d| d.fails(false) || d.code.is_fatal())
            .map(|d| d.message.as_str())
            .collect();
        assert!(!checked.failed, "tests/fixtures/{dir} does not check clean: {errors:?}");
        match checked.report {
            Some(report) => report,
            None => panic!("tests/fixtures/{dir} does not load"),
        }
    }

    /// `tests/fixtures/valid/sample-site`: every block, cell and table kind (see its report.yaml).
    pub(crate) fn sample_site() -> Report {
        fixture("valid/sample-site")
    }
}
