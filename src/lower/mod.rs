//! The lowering stage: typed source structs → the immutable [`Report`] and its rules.
//!
//! Takes what [`crate::load::parse`] read (the structs of [`crate::load::schema`] and the raw
//! CSV tables) and settles everything that depends on the report as a whole: chapter,
//! section and table numbers; ids and anchors (unique in the report); default texts; table
//! columns by kind, cells as exact figures, header groups and the rules each table declares
//! ([`TableSpec`]). Inline markup is parsed here and every `{{ … }}` left as a placeholder
//! for [`crate::refs`]. The result is handed to [`crate::validate`] and [`crate::refs`] and
//! is not changed afterwards except by the placeholders being filled in.

mod blocks;
mod chapters;
mod charts;
pub mod goals;
pub mod links;
mod meta;
mod printable;
mod table;
mod theme;

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::load::files::Files;
use crate::load::parse::ParsedReport;
use crate::load::schema::TableNumbers;
use crate::load::spec::TableSpec;
use crate::load::{Reference, TextSource};
use crate::model::{Report, Strategy, Table};
use crate::source::Span;
use crate::tr;

/// What lowering hands on.
#[derive(Debug, Default)]
pub struct Lowered {
    /// The report, unless its settings could not be read.
    pub report: Option<Report>,
    /// Declared rules per table, in the order of `report.tables`.
    pub specs: Vec<TableSpec>,
    /// Every `{{ … }}` in inline text.
    pub references: Vec<Reference>,
    /// Every inline text as written.
    pub texts: Vec<TextSource>,
    /// Where each fact's value is declared.
    pub fact_spans: BTreeMap<String, Span>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

/// State while lowering.
struct Lowerer<'f> {
    files: &'f Files,
    out: Vec<Diagnostic>,
    ids: BTreeMap<String, Span>,
    table_numbers: TableNumbers,
    unit: String,
    chapter_number: Option<String>,
    chapter_table_count: usize,
    tables: Vec<Table>,
    specs: Vec<TableSpec>,
    references: Vec<Reference>,
    texts: Vec<TextSource>,
    fact_spans: BTreeMap<String, Span>,
    links: Vec<links::LinkSource>,
    /// What names the chapter or section whose blocks are being lowered, for default captions:
    /// its title, or the nearest enclosing section's or chapter's title that is not used more
    /// than once in the report («Hovedmål» in every chapter names nothing).
    block_title: String,
    /// The titles of the chapter and sections being lowered, outermost first.
    titles: Vec<String>,
    /// How many sections in the report have each title.
    section_titles: BTreeMap<String, usize>,
    /// How often each caption of a goal table or checklist has been given (to keep them distinct).
    captions: BTreeMap<String, usize>,
    /// The `chart:` blocks, resolved once every table is known.
    charts: Vec<charts::PendingChart>,
    /// The declared goals and the indicators' statuses, as far as lowered.
    strategy: Strategy,
    /// Whether report.yaml has `goals:` (else every `serves:` is an error).
    goals_declared: bool,
    /// How many `serves:` ids named no goal so far.
    unknown_goals: usize,
}

/// Lowers a parsed report.
pub fn lower(parsed: &ParsedReport, files: &Files) -> Lowered {
    let mut l = Lowerer {
        files,
        out: Vec::new(),
        ids: BTreeMap::new(),
        table_numbers: TableNumbers::Auto,
        unit: "1000 kr".into(),
        chapter_number: None,
        chapter_table_count: 0,
        tables: Vec::new(),
        specs: Vec::new(),
        references: Vec::new(),
        texts: Vec::new(),
        fact_spans: BTreeMap::new(),
        links: Vec::new(),
        block_title: String::new(),
        titles: Vec::new(),
        section_titles: chapters::section_titles(&parsed.chapters),
        captions: BTreeMap::new(),
        charts: Vec::new(),
        strategy: Strategy::default(),
        goals_declared: false,
        unknown_goals: 0,
    };
    let meta = l.meta(&parsed.report);
    let facts = l.facts(&parsed.report.facts);
    l.strategy(parsed.report.goals.as_ref(), &parsed.report.chapters);
    let chapters = l.chapters(&parsed.chapters);
    let tables = std::mem::take(&mut l.tables);
    let strategy = std::mem::take(&mut l.strategy);
    let mut report =
        meta.map(|meta| Report { meta, chapters, tables, facts, charts: Vec::new(), strategy });
    if let Some(report) = report.as_mut() {
        // Sum rows are settled here, once: printed bold, and read as sum rows by `validate`
        // and `refs`.
        let sum_rows = crate::validate::sum_rows::targets(report, &l.specs);
        crate::validate::sum_rows::apply(report, &sum_rows);
        table::distinct_captions(&mut report.tables);
        // Charts name rows, and a chart's default rows leave the sum rows out.
        report.charts = charts::resolve(&l.charts, &report.tables, &l.specs, &mut l.out);
    }
    if let Some(report) = &report {
        l.out.extend(links::check(report, &l.links));
    }
    Lowered {
        report,
        specs: l.specs,
        references: l.references,
        texts: l.texts,
        fact_spans: l.fact_spans,
        diagnostics: l.out,
    }
}

impl Lowerer<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// Claims an id for a chapter, section or table; a second use is an error.
    fn claim_id(&mut self, id: &str, span: &Span) -> bool {
        if let Some(first) = self.ids.get(id) {
            let mut d = Diagnostic::error(Code::DuplicateId, tr!(low_the_id_id_is_used, id = id))
                .at(span.clone())
                .with_label(tr!(low_second_use))
                .with_hint(tr!(low_ids_of_chapters_sections_and));
            d.related.push((first.clone(), tr!(low_first_use)));
            self.push(d);
            false
        } else {
            self.ids.insert(id.to_string(), span.clone());
            true
        }
    }

    /// The caption of a goal table or checklist: as written, else «<kind> – <section title>»;
    /// a default already given in the report gets « (2)», « (3)» … so every table has a
    /// distinct accessible name. Decided here once, so the PDF and the site print the same.
    fn block_caption(&mut self, written: Option<String>, kind: &str) -> String {
        let caption = match written.filter(|c| !c.trim().is_empty()) {
            Some(c) => c,
            None if self.block_title.is_empty() => kind.to_string(),
            None => format!("{kind} – {}", self.block_title),
        };
        let n = self.captions.entry(caption.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { caption } else { format!("{caption} ({n})") }
    }

    /// An id not yet used: `base`, else `base-2`, `base-3` …
    fn free_id(&self, base: String) -> String {
        if !self.ids.contains_key(&base) {
            return base;
        }
        (2..).map(|k| format!("{base}-{k}")).find(|id| !self.ids.contains_key(id)).unwrap_or(base)
    }
}
