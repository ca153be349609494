//! Diagnostics: what `check` finds, and how it is shown.
//!
//! Every problem in a user's sources is a [`Diagnostic`] with a stable
//! [`Code`], a [`Severity`], a place ([`Span`]) and, for figures, the expected
//! and found values and the formula with the actual numbers. The library only
//! collects them; [`emit`] renders them as human text (rustc style, through
//! `codespan-reporting`), as JSON (schema in `docs/check.md`) or as GitHub
//! Actions annotations.

mod github;
mod human;
mod json;

use std::fmt;

use codespan_reporting::term;
use serde::Serialize;

pub use human::{findings_to_human_string, to_human_string};
pub use json::{JsonCause, JsonCauseCell, JsonDiagnostic, JsonReport, to_json};

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
        f.write_str(&match self {
            Severity::Note => crate::tr!(word_note),
            Severity::Warning => crate::tr!(word_warning),
            Severity::Error => crate::tr!(word_error),
        })
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $name:literal, $id:ident, $what:literal;)*) => {
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

            /// One line on what the rule checks, in the current language.
            pub fn description(self) -> String {
                match self { $(Code::$variant => crate::tr!($id),)* }
            }
        }
    };
}

codes! {
    Io = "AR001", "io", rule_ar001, "a file could not be read";
    YamlSyntax = "AR002", "yaml-syntax", rule_ar002, "a YAML file is not valid YAML";
    YamlSchema = "AR003", "yaml-schema", rule_ar003, "a YAML file does not follow the source format";
    CsvSyntax = "AR004", "csv-syntax", rule_ar004, "a CSV file cannot be read";
    Path = "AR005", "path", rule_ar005, "a path leaves the report folder or does not exist";
    Encoding = "AR006", "encoding", rule_ar006, "a file's characters can be read in exactly one way";
    Limit = "AR007", "limit", rule_ar007, "nesting and sizes stay within what the report can hold";
    Workbook = "AR008", "workbook", rule_ar008, "a workbook table names a sheet and range that can be read";
    Derived = "AR101", "derived-column", rule_ar101, "a derived column equals its formula";
    SumRow = "AR102", "sum-row", rule_ar102, "a sum row equals the sum of its rows";
    Transfer = "AR103", "transfer", rule_ar103, "a figure copied to another table is identical there";
    Comparison = "AR104", "comparison", rule_ar104, "a >= or <= relation between tables holds";
    Total = "AR105", "total", rule_ar105, "shares add up to their total";
    IndicatorDeviation = "AR106", "indicator-deviation", rule_ar106, "indicator avvik = resultat - måltall";
    Arithmetic = "AR107", "arithmetic", rule_ar107, "a rule's arithmetic stays within exact figures (no overflow, no division by zero)";
    KostraUnknown = "AR201", "kostra-unknown", rule_ar201, "a KOSTRA function code is valid for the report year";
    KostraExpired = "AR202", "kostra-expired", rule_ar202, "a KOSTRA function code has been replaced";
    CellFormat = "AR301", "cell", rule_ar301, "a cell that should hold a figure can be read as one";
    TableShape = "AR302", "table-shape", rule_ar302, "every row has as many cells as the header";
    RuleReference = "AR303", "rule-reference", rule_ar303, "rules name rows, columns and tables that exist";
    AltText = "AR304", "alt-text", rule_ar304, "every image has alternative text";
    Markup = "AR305", "markup", rule_ar305, "inline markup is balanced and links go to allowed targets";
    DuplicateId = "AR306", "duplicate-id", rule_ar306, "ids of tables and sections are unique";
    UnusedAcknowledgement = "AR307", "unused-acknowledgement", rule_ar307, "every acknowledgement matches a finding";
    AmbiguousRow = "AR308", "ambiguous-row", rule_ar308, "a row a rule or reference names is one row, not several";
    OutputName = "AR309", "output-name", rule_ar309, "the output name is a plain file name";
    Glyph = "AR310", "glyph", rule_ar310, "every character has a glyph in the embedded fonts";
    ControlCharacter = "AR311", "control-character", rule_ar311, "text and cells hold no control characters";
    Image = "AR312", "image", rule_ar312, "an image file is what its extension says and can be decoded";
    ExcelArtefact = "AR313", "excel-artefact", rule_ar313, "empty columns and rows left by Excel are dropped";
    ColumnYear = "AR314", "column-year", rule_ar314, "a column heading states the year its column holds";
    RangeLabel = "AR315", "range-label", rule_ar315, "a sum row whose label states a range adds exactly that range";
    Chart = "AR316", "chart", rule_ar316, "a chart names a table, rows and columns that exist and hold figures";
    WorkbookCell = "AR317", "workbook-cell", rule_ar317, "a workbook cell holds a value: a formula's saved result, not an error such as #DIV/0!";
    UnknownReference = "AR401", "unknown-reference", rule_ar401, "a reference in text names an existing table, row, column or fact";
    Expression = "AR402", "expression", rule_ar402, "an expression in text can be evaluated";
    LiteralFigure = "AR403", "literal-figure", rule_ar403, "text refers to a declared fact instead of repeating its figure";
    AwaitingFigures = "AR601", "awaiting-figures", rule_ar601, "no cell still waits for figures (`?`, left by roll-forward)";
    UnrevisedText = "AR602", "unrevised-text", rule_ar602, "no paragraph is word for word last year's, unless marked unchanged";
    PreviousYear = "AR603", "previous-year", rule_ar603, "a figure about an earlier year is the one last year's report published";
    PreviousUnmatched = "AR604", "previous-unmatched", rule_ar604, "a table or row with earlier years' figures pairs with last year's report";
    PreviousReport = "AR605", "previous-report", rule_ar605, "the report named in `previous:` can be read";
    UnknownGoal = "AR501", "unknown-goal", rule_ar501, "a goal that a measure, indicator or list item serves is declared in report.yaml";
    GoalStructure = "AR502", "goal-structure", rule_ar502, "goals, their overview and indicator directions are declared completely and once";
    UncoveredGoal = "AR503", "uncovered-goal", rule_ar503, "every priority and city goal is served by a measure or indicator of the report";
    Template = "AR701", "template", rule_ar701, "the report's templates compile and render (found by `build` and `watch`)";
    TemplateWarning = "AR702", "template-warning", rule_ar702, "Typst has no warning about the report's templates (found by `build` and `watch`)";
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
                | Code::Workbook
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
        let all = crate::tr!(cause_all, n = self.relations);
        match self.cells.as_slice() {
            [one] => {
                crate::tr!(
                    cause_one,
                    place = sources.describe(&one.span),
                    found = one.found,
                    suggested = one.suggested,
                    all = all
                )
            }
            cells => crate::tr!(
                cause_many,
                count = cells.len(),
                all = all,
                cells = cells
                    .iter()
                    .map(|c| crate::tr!(
                        cause_cell,
                        found = c.found,
                        row = c.row,
                        table = c.table,
                        suggested = c.suggested
                    ))
                    .collect::<Vec<_>>()
                    .join(&crate::tr!(cause_or))
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
    /// How many of the declared goals the report serves (when it declares goals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goals: Option<crate::validate::goals::Coverage>,
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

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = crate::tr!(
            summary,
            files = crate::tr!(count_files, n = self.files),
            tables = crate::tr!(count_tables, n = self.tables),
            cells = crate::tr!(count_cells, n = self.cells_checked),
            errors = crate::tr!(count_errors, n = self.errors),
            warnings = crate::tr!(count_warnings, n = self.warnings),
            notes = crate::tr!(count_notes, n = self.notes),
        );
        if self.acknowledged > 0 {
            f.write_str(&crate::tr!(summary_acknowledged, text = text, n = self.acknowledged))
        } else {
            f.write_str(&text)
        }
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
        Format::Human => human::emit_human(out, sources, diagnostics, summary),
        Format::Json => {
            let json = to_json(sources, diagnostics, summary);
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)
        }
        Format::Github => github::emit_github(out, sources, diagnostics, summary),
    }
}

/// The findings to print: all, or without notes (unless acknowledged) with `--quiet`.
pub fn shown(diagnostics: &[Diagnostic], quiet: bool) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| !quiet || d.severity != Severity::Note || d.acknowledged.is_some())
        .cloned()
        .collect()
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
        assert_eq!(github::github_escape("a:b,c\n", true), "a%3Ab%2Cc%0A");
        assert_eq!(github::github_escape("50 % av\nx", false), "50 %25 av%0Ax");
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
