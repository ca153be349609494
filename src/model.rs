//! The validated report: what `load` + `validate` hand to the renderers.
//!
//! Everything here is plain data. Numbers are exact [`Decimal`]s together with
//! the way they were printed in the source (scale, percent sign, dash for
//! zero), section and table numbers are already assigned, and inline markup is
//! already parsed into [`Inline`] trees. Renderers read this model and the
//! shared formatter in [`crate::format`]; they never look at the source files
//! and never re-check figures.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::source::Span;

mod strategy;

pub use strategy::{
    Direction, GoalKind, Indicator, OverviewPlacement, Status, StrategicGoal, Strategy,
};

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Metadata from `report.yaml`.
    pub meta: Meta,
    /// Chapters in reading order (the director's letter usually first, unnumbered).
    pub chapters: Vec<Chapter>,
    /// Every table of the report, by its id, in order of first placement.
    pub tables: Vec<Table>,
    /// Named facts declared in `report.yaml` (`facts:`), by name.
    pub facts: BTreeMap<String, Fact>,
    /// Every chart of the report, in order of placement ([`Block::Chart`] points here).
    pub charts: Vec<Chart>,
    /// The goals the report answers to and the indicators' statuses (`goals:`).
    pub strategy: Strategy,
}

impl Report {
    /// The table with the given id.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
}

/// Report metadata (`report.yaml`).
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// "Årsberetning 2024"
    pub title: String,
    /// Optional subtitle on the cover.
    pub subtitle: Option<String>,
    /// "Bydel Bjerke"
    pub district: String,
    /// "Oslo kommune"
    pub organisation: String,
    /// The reporting year.
    pub year: i32,
    /// BCP 47 language tag, "nb".
    pub language: String,
    /// Default unit of amount tables, "1000 kr".
    pub unit: String,
    /// Document date (PDF metadata, cover).
    pub date: Date,
    /// The running header, e.g. "Årsberetning 2024 Bydel Bjerke".
    pub running_header: String,
    /// File stem of the outputs, e.g. "arsberetning-2024-bydel-bjerke".
    pub output_name: String,
    /// A report-specific template directory (relative to the report directory).
    pub templates: Option<String>,
    /// Keywords for PDF and HTML metadata.
    pub keywords: Vec<String>,
    /// The KOSTRA region code (`030109` for Bydel Bjerke), if given.
    pub region: Option<String>,
    /// The report's look (`theme:`); empty: the templates' own.
    pub theme: Theme,
}

/// The report's look, applied alike to the PDF and the site (`theme:` in `report.yaml`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Theme {
    /// Colours by name (`primary`, `accent`, `light`, `tint`) as `#rrggbb`, lower case; a colour
    /// not given is the template's.
    pub colors: std::collections::BTreeMap<String, String>,
    /// The text face, one of [`THEME_FONTS`]; `None`: the template's (Inter).
    pub font: Option<String>,
    /// The logo, on the cover and in the site's header.
    pub logo: Option<ThemeImage>,
    /// The cover image.
    pub cover_image: Option<ThemeImage>,
}

/// The fonts a theme may choose: embedded in the program, for the PDF and the site alike.
pub const THEME_FONTS: &[&str] = &["Inter", "Libertinus Serif"];

/// An image of the theme.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeImage {
    /// Path relative to the report folder.
    pub path: String,
    /// Alternative text.
    pub alt: String,
    /// The file's bytes.
    #[serde(skip)]
    pub data: std::sync::Arc<Vec<u8>>,
}

impl ThemeImage {
    /// The file's extension, lower case (`png`).
    pub fn extension(&self) -> String {
        self.path.rsplit('.').next().unwrap_or("png").to_ascii_lowercase()
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

/// A chapter (one YAML file).
#[derive(Debug, Clone, Serialize)]
pub struct Chapter {
    /// Anchor id, unique in the report (e.g. "kapittel-3" or "beretning").
    pub id: String,
    /// "3", or `None` for unnumbered chapters such as the director's letter.
    pub number: Option<String>,
    /// Heading text.
    pub title: String,
    /// Blocks before the first section.
    pub blocks: Vec<Block>,
    /// Numbered sections.
    pub sections: Vec<Section>,
    /// The chapter's source file, relative to the report directory.
    pub source: String,
}

/// A numbered section at any depth (2.1, 3.1.1 …).
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Anchor id, unique in the report (e.g. "seksjon-3-1-1").
    pub id: String,
    /// "3.1.1", or `None` for an unnumbered section.
    pub number: Option<String>,
    /// Heading level: 2 for 2.1, 3 for 3.1.1, …
    pub level: u8,
    /// Heading text.
    pub title: String,
    /// Content before subsections.
    pub blocks: Vec<Block>,
    /// Subsections.
    pub sections: Vec<Section>,
}

/// A piece of content.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// Its text.
        content: Vec<Inline>,
    },
    /// An unnumbered minor heading inside a section ("Heltid", "Språk:").
    Heading {
        /// Its text.
        content: Vec<Inline>,
    },
    /// A bullet or numbered list.
    List {
        /// Numbered (1., 2., …) instead of bullets.
        ordered: bool,
        /// The items.
        items: Vec<ListItem>,
    },
    /// A highlighted note, "Kommentar:" by default.
    Note {
        /// The label, e.g. "Kommentar" or "Kommentar til tabell".
        title: String,
        /// Its paragraphs.
        paragraphs: Vec<Vec<Inline>>,
    },
    /// A goal/measure table (mål → tiltak → kommentar).
    Goals(Goals),
    /// A checklist table (Ja / Delvis / Nei).
    Checklist(Checklist),
    /// A placed data table: index into [`Report::tables`].
    Table {
        /// Index into `Report::tables`.
        index: usize,
    },
    /// An image with mandatory alternative text.
    Figure(Figure),
    /// A chart drawn from a table's figures: index into [`Report::charts`].
    Chart {
        /// Index into `Report::charts`.
        index: usize,
    },
}

/// One list item, possibly with a nested list.
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    /// The item text.
    pub content: Vec<Inline>,
    /// A nested list under the item.
    pub children: Vec<ListItem>,
    /// The goals the item restates (ids; a «Hovedmål» list).
    pub serves: Vec<String>,
}

/// Inline text, parsed from the documented inline markup.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Literal text. Never interpreted as markup by any renderer.
    Text {
        /// The characters.
        text: String,
    },
    /// `**bold**`
    Strong {
        /// Content.
        content: Vec<Inline>,
    },
    /// `*italic*`
    Emph {
        /// Content.
        content: Vec<Inline>,
    },
    /// `[text](https://…)`, `[text](mailto:…)` or `[text](#anchor)`.
    Link {
        /// Target: an http(s) or mailto URL, or `#anchor` inside the report.
        url: String,
        /// Link text.
        content: Vec<Inline>,
    },
    /// `^[footnote text]`
    Footnote {
        /// Footnote content.
        content: Vec<Inline>,
    },
    /// A forced line break (a backslash at the end of a line).
    LineBreak,
}

/// A goal/measure table.
#[derive(Debug, Clone, Serialize)]
pub struct Goals {
    /// Caption above the table: as written, else «Mål og tiltak – <section title>» (distinct in
    /// the report), settled when lowering.
    pub caption: String,
    /// Header of the goal column ("Hovedmål" by default).
    pub goal_header: String,
    /// Header of the comment column ("Kommentar" by default).
    pub comment_header: String,
    /// The goals.
    pub goals: Vec<Goal>,
}

/// One goal with its measures.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    /// The goal text.
    pub goal: Vec<Inline>,
    /// Measures under it.
    pub measures: Vec<Measure>,
    /// The goals the goal row serves (ids); its measures serve them too.
    pub serves: Vec<String>,
}

/// One measure ("Tiltak 1: …") and the comment on it.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    /// The measure text.
    pub measure: Vec<Inline>,
    /// The comment (status) on the measure.
    pub comment: Vec<Inline>,
    /// The goals the measure itself names (ids); see [`Goal::serves`] for the row's.
    pub serves: Vec<String>,
}

/// A checklist table: a question column, one column per answer (an X in the chosen one) or one
/// answer column holding the word, a comment column — as the Oslo forms print them.
#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    /// Caption above the checklist: as written, else «Sjekkliste – <section title>» (distinct
    /// in the report), settled when lowering.
    pub caption: String,
    /// Header of the question column.
    pub question_header: String,
    /// The answers, in order (default «Ja», «Delvis», «Nei»): one column each, with an X in
    /// the chosen one.
    pub answers: Vec<String>,
    /// When set, one column with this header holding the chosen answer as a word instead
    /// (the forms' «Ja/nei» column).
    pub answer_header: Option<String>,
    /// Header of the comment column.
    pub comment_header: String,
    /// The rows.
    pub items: Vec<ChecklistItem>,
}

/// One checklist row.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistItem {
    /// The question or requirement.
    pub question: Vec<Inline>,
    /// The chosen answer, an index into [`Checklist::answers`]; `None`: not answered.
    pub answer: Option<usize>,
    /// Optional comment.
    pub comment: Vec<Inline>,
}

/// An image.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// Path relative to the report directory.
    pub path: String,
    /// Alternative text (required).
    pub alt: String,
    /// Optional caption.
    pub caption: Option<Vec<Inline>>,
    /// The file's bytes are read by the loader; renderers use these.
    #[serde(skip)]
    pub data: std::sync::Arc<Vec<u8>>,
}

/// A chart of some of a table's figures (`chart:`).
///
/// It holds no figures of its own: it names cells of [`Report::tables`], so what it shows is
/// what the table prints and what `check` has checked.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Index into [`Report::tables`]; `None` when the table named does not exist (reported).
    pub table: Option<usize>,
    /// Bar, grouped bar or line.
    pub kind: ChartKind,
    /// Caption above the chart: as written, else «Diagram – Tabell 0.1 B <the table's caption>».
    pub caption: String,
    /// Alternative text as written; else generated from the figures by the renderers.
    pub alt: Option<String>,
    /// The rows shown (indices into the table's rows), in order.
    pub rows: Vec<usize>,
    /// The columns shown (indices into the table's columns), in order.
    pub columns: Vec<usize>,
    /// Whether each column (default) or each row is a series; the other is the categories.
    pub series: SeriesIn,
    /// The `chart:` block (for diagnostics only).
    #[serde(skip)]
    pub span: Span,
}

/// A chart's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// One series, one bar per category.
    Bar,
    /// Several series, a group of bars per category.
    GroupedBar,
    /// One line per series over the categories (years, for example).
    Line,
}

/// Which of a chart's table dimensions are its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesIn {
    /// Each column is a series; the rows are the categories.
    Columns,
    /// Each row is a series; the columns are the categories.
    Rows,
}

/// A data table loaded from CSV.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// The table id, unique in the report.
    pub id: String,
    /// The printed number ("0.1 B"), if the table is numbered.
    pub number: Option<String>,
    /// Anchor for links: "tabell-0-1-b", or "tabell-<id>" for unnumbered tables.
    pub anchor: String,
    /// Caption text (without "Tabell 0.1").
    pub caption: String,
    /// Unit line, e.g. "1000 kr" (printed as "Tall i 1000 kr").
    pub unit: Option<String>,
    /// The kind the table was declared with.
    pub kind: TableKind,
    /// Column definitions, first column included.
    pub columns: Vec<Column>,
    /// Optional header groups above the column headers.
    pub header_groups: Vec<HeaderGroup>,
    /// Rows.
    pub rows: Vec<Row>,
    /// Footnotes printed under the table.
    pub footnotes: Vec<Vec<Inline>>,
    /// The CSV file, relative to the report directory.
    pub source: String,
}

/// A header cell spanning several columns.
#[derive(Debug, Clone, Serialize)]
pub struct HeaderGroup {
    /// Text (may be empty).
    pub title: String,
    /// Number of columns spanned.
    pub span: usize,
}

/// The declared table kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// Netto/brutto driftsutgifter per KOSTRA function.
    Kostra,
    /// Brutto or netto overview per funksjonsområde.
    Overview,
    /// Investment projects.
    Investment,
    /// Split of investment avvik into categories.
    InvestmentCategories,
    /// Result indicators (resultat, måltall, avvik).
    Indicators,
    /// Multi-year key figures.
    KeyFigures,
    /// Population table with sum rows.
    Population,
    /// Staffing: two dates and the change.
    Staffing,
    /// Anything else; rules declared by hand.
    Generic,
}

/// A column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Key used in rules ("regnskap", "avvik").
    pub key: String,
    /// Header text as printed.
    pub header: String,
    /// How the column's cells are typed.
    pub kind: ColumnKind,
}

/// Column type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Free text, left-aligned.
    Text,
    /// Figures, right-aligned, thousands grouping.
    Number,
    /// Identifiers that look like numbers (project numbers): right-aligned, no grouping.
    Code,
}

/// Row role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStyle {
    /// An ordinary row.
    Normal,
    /// A sum or subtotal row (printed bold).
    Sum,
    /// A group heading row: a label and no figures.
    Group,
}

/// One table row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// All cells, first column included.
    pub cells: Vec<Cell>,
    /// Role of the row.
    pub style: RowStyle,
    /// Where the row is in the CSV file (for diagnostics only).
    #[serde(skip)]
    pub span: Span,
    /// Where each cell is in the CSV file (for diagnostics only).
    #[serde(skip)]
    pub cell_spans: Vec<Span>,
    /// The row had more or fewer cells than the header: rules skip it.
    #[serde(skip)]
    pub malformed: bool,
}

impl Row {
    /// The text of the first cell.
    pub fn label(&self) -> &str {
        match self.cells.first() {
            Some(Cell::Text(t)) => t,
            _ => "",
        }
    }
}

/// One cell as read and as it will be printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Cell {
    /// Nothing printed.
    Empty,
    /// A printed dash, meaning zero ("-", "–").
    Dash,
    /// "*": not available.
    NotAvailable,
    /// A figure.
    Number(Number),
    /// Text (text and code columns).
    Text(String),
}

impl Cell {
    /// The numeric value, treating a dash (and, if `empty_is_zero`, an empty cell) as zero.
    pub fn value(&self, empty_is_zero: bool) -> Option<Decimal> {
        match self {
            Cell::Number(n) => Some(n.value),
            Cell::Dash => Some(Decimal::ZERO),
            Cell::Empty if empty_is_zero => Some(Decimal::ZERO),
            _ => None,
        }
    }
}

/// A printed figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Number {
    /// The exact value as printed (89,4 % is 89.4).
    pub value: Decimal,
    /// Printed with a percent sign.
    pub percent: bool,
    /// Digits after the decimal comma as printed.
    pub scale: u32,
}

/// A named fact (`facts:` in report.yaml).
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// Description.
    pub description: Option<String>,
    /// The value.
    pub value: Number,
    /// Unit ("1000 kr", "personer" …), if any.
    pub unit: Option<String>,
}
