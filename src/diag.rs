//! Diagnostics: what `check` finds, and how it is shown.
//!
//! Every problem in a user's sources is a [`Diagnostic`] with a stable
//! [`Code`], a [`Severity`], a place ([`Span`]) and, for figures, the expected
//! and found values and the formula with the actual numbers. The library only
//! collects them; [`emit`] renders them as human text (rustc style, through
//! `codespan-reporting`), as JSON (schema in `docs/check.md`) or as GitHub
//! Actions annotations.

use std::fmt;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use serde::Serialize;

use crate::source::{Sources, Span};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information, e.g. a difference explained by rounding.
    Note,
    /// Probably wrong, but does not fail `check` (unless `--deny-warnings`).
    Warning,
    /// Wrong: `check` fails.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $name:literal, $what:literal;)*) => {
        /// The stable code of every rule and every kind of input problem.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $what] $variant,)*
        }

        impl Code {
            /// All codes, in order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code, e.g. `AR102`.
            pub fn code(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// The rule's name, e.g. `sum-row`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// One line on what the rule checks.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $what,)* }
            }
        }
    };
}

codes! {
    Io = "AR001", "io", "a file could not be read";
    YamlSyntax = "AR002", "yaml-syntax", "a YAML file is not valid YAML";
    YamlSchema = "AR003", "yaml-schema", "a YAML file does not follow the source format";
    CsvSyntax = "AR004", "csv-syntax", "a CSV file cannot be read";
    Path = "AR005", "path", "a path leaves the report folder or does not exist";
    Encoding = "AR006", "encoding", "a file's characters can be read in exactly one way";
    Limit = "AR007", "limit", "nesting and sizes stay within what the report can hold";
    Derived = "AR101", "derived-column", "a derived column equals its formula";
    SumRow = "AR102", "sum-row", "a sum row equals the sum of its rows";
    Transfer = "AR103", "transfer", "a figure copied to another table is identical there";
    Comparison = "AR104", "comparison", "a >= or <= relation between tables holds";
    Total = "AR105", "total", "shares add up to their total";
    IndicatorDeviation = "AR106", "indicator-deviation", "indicator avvik = resultat - måltall";
    Arithmetic = "AR107", "arithmetic", "a rule's arithmetic stays within exact figures (no overflow, no division by zero)";
    KostraUnknown = "AR201", "kostra-unknown", "a KOSTRA function code is valid for the report year";
    KostraExpired = "AR202", "kostra-expired", "a KOSTRA function code has been replaced";
    CellFormat = "AR301", "cell", "a cell that should hold a figure can be read as one";
    TableShape = "AR302", "table-shape", "every row has as many cells as the header";
    RuleReference = "AR303", "rule-reference", "rules name rows, columns and tables that exist";
    AltText = "AR304", "alt-text", "every image has alternative text";
    Markup = "AR305", "markup", "inline markup is balanced and links go to allowed targets";
    DuplicateId = "AR306", "duplicate-id", "ids of tables and sections are unique";
    UnusedAcknowledgement = "AR307", "unused-acknowledgement", "every acknowledgement matches a finding";
    AmbiguousRow = "AR308", "ambiguous-row", "a row a rule or reference names is one row, not several";
    OutputName = "AR309", "output-name", "the output name is a plain file name";
    Glyph = "AR310", "glyph", "every character has a glyph in the embedded fonts";
    ControlCharacter = "AR311", "control-character", "text and cells hold no control characters";
    Image = "AR312", "image", "an image file is what its extension says and can be decoded";
    ExcelArtefact = "AR313", "excel-artefact", "empty columns and rows left by Excel are dropped";
    ColumnYear = "AR314", "column-year", "a column heading states the year its column holds";
    RangeLabel = "AR315", "range-label", "a sum row whose label states a range adds exactly that range";
    UnknownReference = "AR401", "unknown-reference", "a reference in text names an existing table, row, column or fact";
    Expression = "AR402", "expression", "an expression in text can be evaluated";
    LiteralFigure = "AR403", "literal-figure", "text refers to a declared fact instead of repeating its figure";
}

impl Code {
    /// Input problems that stop the report from being read at all (exit code 2).
    pub fn is_fatal(self) -> bool {
        matches!(
            self,
            Code::Io
                | Code::YamlSyntax
                | Code::YamlSchema
                | Code::CsvSyntax
                | Code::Path
                | Code::Encoding
                | Code::Limit
        )
    }

    /// Finds a code by its code (`AR102`) or name (`sum-row`), case-insensitively.
    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.code().eq_ignore_ascii_case(text) || c.name().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Severity.
    pub severity: Severity,
    /// The rule or input problem.
    pub code: Code,
    /// One sentence in plain language.
    pub message: String,
    /// Where it is.
    pub span: Option<Span>,
    /// Label at the span (short).
    pub label: Option<String>,
    /// The table id, for table findings.
    pub table: Option<String>,
    /// The row label.
    pub row: Option<String>,
    /// The column (key and header).
    pub column: Option<String>,
    /// The expected value, formatted.
    pub expected: Option<String>,
    /// The value found in the source, formatted.
    pub found: Option<String>,
    /// found − expected, formatted.
    pub difference: Option<String>,
    /// The formula with the actual numbers.
    pub formula: Option<String>,
    /// Other places involved, with a label each.
    pub related: Vec<(Span, String)>,
    /// Further explanation.
    pub notes: Vec<String>,
    /// How to fix it.
    pub hints: Vec<String>,
    /// The reason given in the report's acknowledgement, if acknowledged.
    pub acknowledged: Option<String>,
    /// Findings that one likely wrong figure explains share a group number.
    pub group: Option<usize>,
    /// On the first finding of a group: the likely wrong figure(s).
    pub cause: Option<Cause>,
}

/// The likely wrong figure behind a group of findings ([`crate::validate::cause`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    /// The cell, or two cells that explain the group equally well.
    pub cells: Vec<CauseCell>,
    /// How many findings the group has.
    pub relations: usize,
}

/// A likely wrong cell and the value that satisfies every relation of its group.
#[derive(Debug, Clone, PartialEq)]
pub struct CauseCell {
    /// Where it is.
    pub span: Span,
    /// Its table id.
    pub table: String,
    /// Its row label.
    pub row: String,
    /// Its column key.
    pub column: String,
    /// The figure as printed.
    pub found: String,
    /// The figure that satisfies every relation of the group.
    pub suggested: String,
}

impl Cause {
    /// One sentence: what is likely wrong and what would fit.
    pub fn message(&self, sources: &Sources) -> String {
        let n = self.relations;
        let all = match n {
            1 => "the finding below".to_string(),
            2 => "both findings below".to_string(),
            n => format!("all {n} findings below"),
        };
        match self.cells.as_slice() {
            [one] => {
                let (line, column) = sources.line_col(&one.span);
                format!(
                    "likely wrong: {}:{line}:{column} «{}»; {} satisfies {all}",
                    sources.path(&one.span),
                    one.found,
                    one.suggested
                )
            }
            cells => format!(
                "{} figures explain {all} equally well: {}",
                cells.len(),
                cells
                    .iter()
                    .map(|c| format!(
                        "«{}» in row «{}» of `{}` (→ {})",
                        c.found, c.row, c.table, c.suggested
                    ))
                    .collect::<Vec<_>>()
                    .join(", or ")
            ),
        }
    }
}

/// Puts the findings of each group together, the one carrying the cause first, where the
/// group's first finding stood.
///
/// A cause is dropped where it adds nothing: when every finding of its group is acknowledged,
/// or when the group is one finding and the cause is that finding's own cell or either of its
/// two cells.
pub fn group_findings(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, d) in diagnostics.iter().enumerate() {
        if let Some(g) = d.group {
            members.entry(g).or_default().push(i);
        }
    }
    for list in members.values() {
        let all_acknowledged = list.iter().all(|&i| diagnostics[i].acknowledged.is_some());
        let says_nothing_new = match list.as_slice() {
            [only] => {
                let d = &diagnostics[*only];
                d.cause.as_ref().is_some_and(|c| {
                    c.cells.len() > 1
                        || c.cells.iter().any(|cell| Some(&cell.span) == d.span.as_ref())
                })
            }
            _ => false,
        };
        if all_acknowledged || says_nothing_new {
            for &i in list {
                diagnostics[i].group = None;
                diagnostics[i].cause = None;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Diagnostic>> = Default::default();
    let mut order: Vec<Result<Diagnostic, usize>> = Vec::new();
    for d in diagnostics {
        match d.group {
            Some(g) => {
                let members = groups.entry(g).or_default();
                if members.is_empty() {
                    order.push(Err(g));
                }
                if d.cause.is_some() { members.insert(0, d) } else { members.push(d) }
            }
            None => order.push(Ok(d)),
        }
    }
    let mut out = Vec::new();
    for item in order {
        match item {
            Ok(d) => out.push(d),
            Err(g) => out.extend(groups.remove(&g).unwrap_or_default()),
        }
    }
    out
}

impl Diagnostic {
    /// A new finding.
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            span: None,
            label: None,
            table: None,
            row: None,
            column: None,
            expected: None,
            found: None,
            difference: None,
            formula: None,
            related: Vec::new(),
            notes: Vec::new(),
            hints: Vec::new(),
            acknowledged: None,
            group: None,
            cause: None,
        }
    }

    /// An error.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A warning.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// A note.
    pub fn note(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, message)
    }

    /// Sets the place.
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Sets the place if there is one.
    pub fn at_opt(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }

    /// Sets the label shown at the place.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Whether this finding makes `check` fail.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.acknowledged.is_none()
            && (self.severity == Severity::Error
                || (deny_warnings && self.severity == Severity::Warning))
    }
}

/// Counts for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Tables read.
    pub tables: usize,
    /// Figure cells that at least one rule looked at.
    pub cells_checked: usize,
    /// Unacknowledged errors.
    pub errors: usize,
    /// Unacknowledged warnings.
    pub warnings: usize,
    /// Unacknowledged notes.
    pub notes: usize,
    /// Acknowledged findings.
    pub acknowledged: usize,
}

impl Summary {
    /// Counts the findings into the summary.
    pub fn count(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            if d.acknowledged.is_some() {
                self.acknowledged += 1;
                continue;
            }
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "checked {}, {}, {}: {}, {}, {}",
            plural(self.files, "file", "files"),
            plural(self.tables, "table", "tables"),
            plural(self.cells_checked, "cell", "cells"),
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.notes, "note", "notes"),
        )?;
        if self.acknowledged > 0 {
            write!(f, " ({} acknowledged)", self.acknowledged)?;
        }
        Ok(())
    }
}

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: rustc-style with source excerpts.
    #[default]
    Human,
    /// One JSON document (schema in docs/check.md).
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Writes diagnostics and the summary in the chosen format.
pub fn emit(
    out: &mut dyn term::WriteStyle,
    format: Format,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &Summary,
) -> std::io::Result<()> {
    match format {
        Format::Human => emit_human(out, sources, diagnostics, summary),
        Format::Json => {
            let json = to_json(sources, diagnostics, summary);
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        Format::Github => emit_github(out, sources, diagnostics, summary),
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

fn emit_human(
    out: &mut dyn term::WriteStyle,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &Summary,
) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    for file in sources.files() {
        files.add(file.name.clone(), file.text.clone());
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
    writeln!(out, "{summary}")
}

/// The JSON document `--format json` prints (stable; see docs/check.md).
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// Schema version, currently 1.
    pub version: u32,
    /// The report folder as seen from the current directory; `file` is relative to it,
    /// `path` is `base/file`.
    pub base: &'a str,
    /// All findings, grouped by table in file order.
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Counts.
    pub summary: &'a Summary,
}

/// One finding in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// "error", "warning" or "note".
    pub severity: Severity,
    /// e.g. "AR102".
    pub code: &'static str,
    /// e.g. "sum-row".
    pub rule: &'static str,
    /// The message.
    pub message: &'a str,
    /// File relative to the report directory.
    pub file: Option<&'a str>,
    /// File relative to the current directory (`base/file`), as CI annotations need it.
    pub path: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
    /// Table id.
    pub table: Option<&'a str>,
    /// Row label.
    pub row: Option<&'a str>,
    /// Column key and header.
    pub table_column: Option<&'a str>,
    /// Expected value, formatted.
    pub expected: Option<&'a str>,
    /// Found value, formatted.
    pub found: Option<&'a str>,
    /// Difference, formatted.
    pub difference: Option<&'a str>,
    /// Formula with the numbers.
    pub formula: Option<&'a str>,
    /// Notes.
    pub notes: &'a [String],
    /// Hints.
    pub hints: &'a [String],
    /// The acknowledgement's reason, or null.
    pub acknowledged: Option<&'a str>,
    /// Findings that one likely wrong figure explains share a group number, or null.
    pub group: Option<usize>,
    /// On the first finding of a group: the likely wrong figure(s), or null.
    pub cause: Option<JsonCause>,
}

/// The likely cause of a group, in JSON.
#[derive(Debug, Serialize)]
pub struct JsonCause {
    /// The sentence the human output prints.
    pub message: String,
    /// How many findings the group has.
    pub relations: usize,
    /// The likely wrong cell (two when both explain the group equally well).
    pub cells: Vec<JsonCauseCell>,
}

/// A likely wrong cell, in JSON.
#[derive(Debug, Serialize)]
pub struct JsonCauseCell {
    /// File relative to the report folder.
    pub file: String,
    /// File relative to the current directory.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Table id.
    pub table: String,
    /// Row label.
    pub row: String,
    /// Column key.
    pub table_column: String,
    /// The figure as printed.
    pub found: String,
    /// The figure that satisfies every finding of the group.
    pub suggested: String,
}

/// Builds the JSON document.
pub fn to_json<'a>(
    sources: &'a Sources,
    diagnostics: &'a [Diagnostic],
    summary: &'a Summary,
) -> JsonReport<'a> {
    JsonReport {
        version: 1,
        base: sources.base(),
        diagnostics: diagnostics
            .iter()
            .map(|d| {
                let (line, column) = match &d.span {
                    Some(s) => {
                        let (l, c) = sources.line_col(s);
                        (Some(l), Some(c))
                    }
                    None => (None, None),
                };
                JsonDiagnostic {
                    severity: d.severity,
                    code: d.code.code(),
                    rule: d.code.name(),
                    message: &d.message,
                    file: d.span.as_ref().map(|s| sources.name(s)),
                    path: d.span.as_ref().map(|s| sources.path(s)),
                    line,
                    column,
                    table: d.table.as_deref(),
                    row: d.row.as_deref(),
                    table_column: d.column.as_deref(),
                    expected: d.expected.as_deref(),
                    found: d.found.as_deref(),
                    difference: d.difference.as_deref(),
                    formula: d.formula.as_deref(),
                    notes: &d.notes,
                    hints: &d.hints,
                    acknowledged: d.acknowledged.as_deref(),
                    group: d.group,
                    cause: d.cause.as_ref().map(|c| JsonCause {
                        message: c.message(sources),
                        relations: c.relations,
                        cells: c
                            .cells
                            .iter()
                            .map(|cell| {
                                let (line, column) = sources.line_col(&cell.span);
                                JsonCauseCell {
                                    file: sources.name(&cell.span).to_string(),
                                    path: sources.path(&cell.span),
                                    line,
                                    column,
                                    table: cell.table.clone(),
                                    row: cell.row.clone(),
                                    table_column: cell.column.clone(),
                                    found: cell.found.clone(),
                                    suggested: cell.suggested.clone(),
                                }
                            })
                            .collect(),
                    }),
                }
            })
            .collect(),
        summary,
    }
}

fn github_escape(text: &str, property: bool) -> String {
    let mut s = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        s = s.replace(':', "%3A").replace(',', "%2C");
    }
    s
}

fn emit_github(
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
                    github_escape("likely cause", true),
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
            body.push_str(&format!("\nformula: {f}"));
        }
        if let (Some(e), Some(f)) = (&d.expected, &d.found) {
            body.push_str(&format!("\nexpected {e}, found {f}"));
        }
        for n in &d.notes {
            body.push_str(&format!("\nnote: {n}"));
        }
        for h in &d.hints {
            body.push_str(&format!("\nhelp: {h}"));
        }
        if let Some(reason) = &d.acknowledged {
            body.push_str(&format!("\nacknowledged: {reason}"));
        }
        writeln!(out, "::{level} {}::{}", props.join(","), github_escape(&body, false))?;
    }
    writeln!(out, "{summary}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_parse_by_code_or_name() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.code()), "duplicate code {}", c.code());
            assert!(seen.insert(c.name()), "duplicate name {}", c.name());
            assert_eq!(Code::parse(c.code()), Some(*c));
            assert_eq!(Code::parse(&c.name().to_uppercase()), Some(*c));
        }
        assert_eq!(Code::parse("nope"), None);
    }

    #[test]
    fn github_annotations_escape_properties() {
        assert_eq!(github_escape("a:b,c\n", true), "a%3Ab%2Cc%0A");
        assert_eq!(github_escape("50 % av\nx", false), "50 %25 av%0Ax");
    }

    #[test]
    fn acknowledged_findings_do_not_fail() {
        let mut d = Diagnostic::error(Code::SumRow, "x");
        assert!(d.fails(false));
        d.acknowledged = Some("ok".into());
        assert!(!d.fails(false));
        let w = Diagnostic::warning(Code::KostraUnknown, "x");
        assert!(!w.fails(false));
        assert!(w.fails(true));
    }
}
