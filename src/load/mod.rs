//! Loading a report folder: `report.yaml`, the chapter files and the CSV tables.
//!
//! Takes a directory; hands on a [`Loaded`]: every source file (for
//! diagnostics), the report as a [`Report`] with numbers assigned and inline
//! markup parsed, the declared rules of every table ([`spec::TableSpec`]), and
//! the problems found while reading. This is the only module that reads the
//! report's files. Paths in the sources are confined to the report folder.
//!
//! Expressions `{{ … }}` in inline text are not evaluated here: each is left
//! as a placeholder in the text and listed in [`Loaded::references`], with the
//! text it was written in ([`Loaded::texts`]); [`crate::refs`] resolves them
//! once the report is validated.

pub mod csv;
pub mod expr;
pub mod inline;
pub mod number;
pub mod spec;
mod table;
pub mod yaml;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use crate::diag::{Code, Diagnostic};
use crate::model::{
    Answer, Block, Chapter, Checklist, ChecklistItem, Date, Fact, Figure, Goal, Goals, Inline,
    ListItem, Measure, Meta, Report, Section,
};
use crate::source::{Sources, Span};
use spec::TableSpec;
use yaml::{Map, Node, Value};

/// What loading a report folder gives.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every file read.
    pub sources: Sources,
    /// The report, unless a fatal problem stopped the loading.
    pub report: Option<Report>,
    /// Declared rules per table, in the order of `report.tables`.
    pub specs: Vec<TableSpec>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// The report year, also when the report could not be built.
    pub kostra_year: Option<i32>,
    /// Every expression `{{ … }}` in inline text; the placeholder of number `i` stands for
    /// `references[i]`.
    pub references: Vec<Reference>,
    /// Every inline text as written (for positions inside it, and the literal-figure check).
    pub texts: Vec<TextSource>,
    /// Where each fact's value is declared in `report.yaml`.
    pub fact_spans: BTreeMap<String, Span>,
}

/// An expression `{{ … }}` in inline text, left as a placeholder for [`crate::refs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The text between the braces, as written.
    pub expr: String,
    /// The text it was written in: an index into [`Loaded::texts`].
    pub text: usize,
    /// Byte range of `{{ … }}`, braces included, in that text.
    pub range: Range<usize>,
}

/// An inline text as written in a YAML scalar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSource {
    /// The scalar's node (see [`yaml::value_offset`] for places inside it).
    pub span: Span,
    /// The scalar's value, before inline markup is parsed.
    pub text: String,
}

impl TextSource {
    /// The place of `range` (byte offsets in [`TextSource::text`]) in the source file: exact
    /// when the scalar can be matched with its source, else the start of the node. The span
    /// does not run past the end of its first line.
    pub fn span_of(&self, sources: &Sources, range: Range<usize>) -> Span {
        let file = &sources.get(self.span.file).text;
        let start = yaml::value_offset(file, self.span.range.start, &self.text, range.start);
        let Some(start) = start else { return self.span.clone() };
        let end = yaml::value_offset(file, self.span.range.start, &self.text, range.end)
            .filter(|&e| e >= start)
            .unwrap_or(start + 1);
        let line_end = file[start..].find('\n').map_or(file.len(), |i| start + i);
        Span::new(self.span.file, start..end.min(line_end).max(start + 1).min(file.len()))
    }
}

impl Loaded {
    /// Whether a problem stopped the report from being read (exit code 2).
    pub fn is_fatal(&self) -> bool {
        self.diagnostics.iter().any(|d| d.code.is_fatal())
    }
}

/// Context while loading.
pub(crate) struct Loader {
    pub(crate) root: PathBuf,
    pub(crate) sources: Sources,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) tables: Vec<crate::model::Table>,
    pub(crate) specs: Vec<TableSpec>,
    pub(crate) unit: String,
    ids: BTreeMap<String, Span>,
    table_numbers_auto: bool,
    chapter_number: Option<String>,
    chapter_table_count: usize,
    include_stack: Vec<String>,
    references: Vec<Reference>,
    texts: Vec<TextSource>,
    fact_spans: BTreeMap<String, Span>,
}

/// Loads the report in `dir`.
pub fn load(dir: &Path) -> Loaded {
    let mut loader = Loader {
        root: dir.to_path_buf(),
        sources: Sources::default(),
        diagnostics: Vec::new(),
        tables: Vec::new(),
        specs: Vec::new(),
        unit: "1000 kr".into(),
        ids: BTreeMap::new(),
        table_numbers_auto: true,
        chapter_number: None,
        chapter_table_count: 0,
        include_stack: Vec::new(),
        references: Vec::new(),
        texts: Vec::new(),
        fact_spans: BTreeMap::new(),
    };
    let report_path = dir.join("report.yaml");
    let bytes = match std::fs::read(&report_path) {
        Ok(b) => b,
        Err(e) => {
            let hint = if dir.is_dir() {
                "a report folder holds a report.yaml; see docs/format.md or copy examples/minimal"
                    .to_string()
            } else {
                format!("the folder {} does not exist", dir.display())
            };
            loader.diagnostics.push(
                Diagnostic::error(
                    Code::Io,
                    format!("could not read {}: {}", report_path.display(), io_reason(&e)),
                )
                .with_hint(hint),
            );
            return loader.finish(None, None);
        }
    };
    let file = loader.sources.add("report.yaml", csv::decode(&bytes));
    let root = match yaml::parse(file, loader.sources.get(file)) {
        Ok(n) => n,
        Err(d) => {
            loader.diagnostics.push(d);
            return loader.finish(None, None);
        }
    };
    let year = loader.report_year(&root);
    let report = loader.report(&root);
    loader.finish(report, year)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file does not exist".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Makes an anchor-safe slug: lower case ASCII letters, digits and `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'æ' => "ae",
            'ø' => "o",
            'å' => "a",
            'é' | 'è' | 'ê' => "e",
            'ü' => "u",
            'ö' => "o",
            'ä' => "a",
            _ => "",
        };
        if !mapped.is_empty() {
            out.push_str(mapped);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl Loader {
    fn finish(self, report: Option<Report>, year: Option<i32>) -> Loaded {
        let fatal = self.diagnostics.iter().any(|d| d.code.is_fatal());
        Loaded {
            sources: self.sources,
            report: if fatal { None } else { report },
            specs: self.specs,
            diagnostics: self.diagnostics,
            kostra_year: year,
            references: self.references,
            texts: self.texts,
            fact_spans: self.fact_spans,
        }
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub(crate) fn push_all(&mut self, ds: Vec<Diagnostic>) {
        self.diagnostics.extend(ds);
    }

    fn report_year(&self, root: &Node) -> Option<i32> {
        let Value::Map(entries) = &root.value else { return None };
        entries.iter().find_map(|(k, v)| match (&k.value, &v.value) {
            (Value::Scalar(k, _), Value::Scalar(v, _)) if k == "year" => v.trim().parse().ok(),
            _ => None,
        })
    }

    /// Resolves a path written in a source file, confined to the report folder.
    pub(crate) fn resolve(&mut self, rel: &str, node: &Node) -> Option<PathBuf> {
        let path = Path::new(rel);
        let bad = path.is_absolute()
            || rel.starts_with('/')
            || rel.starts_with('\\')
            || rel.contains(':')
            || path.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
        if bad || rel.trim().is_empty() {
            self.push(
                Diagnostic::error(Code::Path, format!("the path «{rel}» leaves the report folder"))
                    .at(node.span.clone())
                    .with_label("not allowed")
                    .with_hint("paths are relative to the report folder and may not use `..` or start with `/`"),
            );
            return None;
        }
        let full = self.root.join(path);
        if !full.is_file() {
            let mut d = Diagnostic::error(Code::Path, format!("the file «{rel}» does not exist"))
                .at(node.span.clone())
                .with_label("no such file in the report folder");
            if let Some(parent) = full.parent()
                && let Ok(entries) = std::fs::read_dir(parent)
            {
                let names: Vec<String> = entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                let wanted =
                    full.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                if let Some(best) = yaml::did_you_mean(&wanted, names.iter().map(String::as_str)) {
                    d = d.with_hint(format!("did you mean «{best}»?"));
                }
            }
            self.push(d);
            return None;
        }
        // Symbolic links may not lead out of the folder either.
        if let (Ok(root), Ok(real)) = (self.root.canonicalize(), full.canonicalize())
            && !real.starts_with(&root)
        {
            self.push(
                Diagnostic::error(
                    Code::Path,
                    format!("the path «{rel}» leads out of the report folder"),
                )
                .at(node.span.clone())
                .with_hint("copy the file into the report folder"),
            );
            return None;
        }
        Some(full)
    }

    /// Reads a file named in a source into `Sources`.
    pub(crate) fn read_text(&mut self, rel: &str, node: &Node) -> Option<usize> {
        let full = self.resolve(rel, node)?;
        match std::fs::read(&full) {
            Ok(bytes) => Some(self.sources.add(rel.replace('\\', "/"), csv::decode(&bytes))),
            Err(e) => {
                self.push(
                    Diagnostic::error(
                        Code::Io,
                        format!("could not read «{rel}»: {}", io_reason(&e)),
                    )
                    .at(node.span.clone()),
                );
                None
            }
        }
    }

    fn claim_id(&mut self, id: &str, span: &Span) -> bool {
        if let Some(first) = self.ids.get(id) {
            let mut d =
                Diagnostic::error(Code::DuplicateId, format!("the id «{id}» is used twice"))
                    .at(span.clone())
                    .with_label("second use")
                    .with_hint("ids of chapters, sections and tables must be unique in the report");
            d.related.push((first.clone(), "first use".into()));
            self.push(d);
            false
        } else {
            self.ids.insert(id.to_string(), span.clone());
            true
        }
    }

    /// Parses inline markup, reporting problems at the node. Expressions `{{ … }}` become
    /// placeholders and are recorded in `references`.
    pub(crate) fn inline(&mut self, text: &str, node: &Node) -> Vec<Inline> {
        let parsed = inline::parse_with_references(text, self.references.len());
        let source = TextSource { span: node.span.clone(), text: text.to_string() };
        for e in parsed.errors {
            let span = if e.code == Code::Expression {
                source.span_of(&self.sources, e.offset..e.offset + 2)
            } else {
                let offset = match &node.value {
                    Value::Scalar(s, true) if !s.contains('\n') => e.offset,
                    _ => 0,
                };
                let start = node.span.range.start + offset;
                Span::new(node.span.file, start..start + 1)
            };
            self.push(Diagnostic::error(e.code, e.message).at(span).with_hint(e.hint));
        }
        let index = self.texts.len();
        self.texts.push(source);
        self.references.extend(parsed.references.into_iter().map(|r| Reference {
            expr: r.expr,
            text: index,
            range: r.range,
        }));
        parsed.inlines
    }

    /// Reads a required key of a map as inline markup (empty, with an error, if missing).
    fn required_inline(&mut self, m: &mut Map, key: &str, what: &str) -> Vec<Inline> {
        match m.require(key, what) {
            Ok(n) => self.inline_node(n, "a text"),
            Err(d) => {
                self.push(d);
                Vec::new()
            }
        }
    }

    /// Reads an optional key of a map as inline markup (empty if missing).
    fn optional_inline(&mut self, m: &mut Map, key: &str) -> Vec<Inline> {
        match m.get(key) {
            Some(n) => self.inline_node(n, "a text"),
            None => Vec::new(),
        }
    }

    /// Reads a text node as inline markup.
    pub(crate) fn inline_node(&mut self, node: &Node, what: &str) -> Vec<Inline> {
        match node.as_str(what) {
            Ok(s) => self.inline(s, node),
            Err(d) => {
                self.push(d);
                Vec::new()
            }
        }
    }

    fn report(&mut self, root: &Node) -> Option<Report> {
        let mut m = match root.as_map("the report's settings (a map)") {
            Ok(m) => m,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let req = |m: &mut Map, key: &str, what: &str, this: &mut Self| -> Option<String> {
            match m.require(key, what).and_then(|n| n.as_str("a text")) {
                Ok(s) => Some(s.trim().to_string()),
                Err(d) => {
                    this.push(d);
                    None
                }
            }
        };
        let title = req(&mut m, "title", "the report's title, e.g. Årsberetning 2024", self);
        let district = req(&mut m, "district", "the district, e.g. Bydel Bjerke", self);
        let organisation = req(&mut m, "organisation", "e.g. Oslo kommune", self);
        let year = m.require("year", "the reporting year, e.g. 2024").and_then(|n| {
            n.as_str("a year")?
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..3000).contains(y))
                .ok_or_else(|| n.type_error("a year such as 2024"))
        });
        let year = match year {
            Ok(y) => Some(y),
            Err(d) => {
                self.push(d);
                None
            }
        };
        let date = match m.require("date", "the document date, YYYY-MM-DD") {
            Ok(n) => match n.as_str("a date").ok().and_then(parse_date) {
                Some(d) => Some(d),
                None => {
                    self.push(n.type_error("a date written YYYY-MM-DD, e.g. 2025-03-01"));
                    None
                }
            },
            Err(d) => {
                self.push(d);
                None
            }
        };
        let opt = |m: &mut Map, key: &str, this: &mut Self| -> Option<String> {
            match m.str(key) {
                Ok(s) => s.map(|s| s.trim().to_string()),
                Err(d) => {
                    this.push(d);
                    None
                }
            }
        };
        let language = opt(&mut m, "language", self).unwrap_or_else(|| "nb".into());
        let unit = opt(&mut m, "unit", self).unwrap_or_else(|| "1000 kr".into());
        self.unit = unit.clone();
        let subtitle = opt(&mut m, "subtitle", self);
        let running_header = opt(&mut m, "running_header", self);
        let output_name = opt(&mut m, "output_name", self);
        if let (Some(name), Some(node)) = (&output_name, m.get("output_name")) {
            self.diagnostics.extend(crate::paths::output_name_diagnostic(name, node.span.clone()));
        }
        let templates = opt(&mut m, "templates", self);
        if let (Some(t), Some(node)) = (&templates, m.get("templates")) {
            let full = self.root.join(t);
            if Path::new(t)
                .components()
                .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
            {
                self.push(
                    Diagnostic::error(
                        Code::Path,
                        format!("the template folder «{t}» leaves the report folder"),
                    )
                    .at(node.span.clone()),
                );
            } else if !full.is_dir() {
                self.push(
                    Diagnostic::error(
                        Code::Path,
                        format!("the template folder «{t}» does not exist"),
                    )
                    .at(node.span.clone()),
                );
            } else {
                let span = node.span.clone();
                let found = crate::paths::template_folder_diagnostic(&self.root, &full, t, span);
                self.diagnostics.extend(found);
            }
        }
        if let Some((value, node)) = m.str_node("table_numbers").unwrap_or(None) {
            match value {
                "auto" => self.table_numbers_auto = true,
                "explicit" => self.table_numbers_auto = false,
                _ => self.push(node.type_error("`auto` or `explicit`")),
            }
        }
        let keywords = match m.get("keywords") {
            Some(n) => match n.as_seq("a list of keywords") {
                Ok(items) => items
                    .iter()
                    .filter_map(|i| i.as_str("a keyword").ok().map(str::to_string))
                    .collect(),
                Err(d) => {
                    self.push(d);
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
        let facts = match m.get("facts") {
            Some(n) => self.facts(n),
            None => BTreeMap::new(),
        };
        let chapter_nodes = match m.require("chapters", "the list of chapter files") {
            Ok(n) => match n.as_seq("a list of chapter files") {
                Ok(items) => items.to_vec(),
                Err(d) => {
                    self.push(d);
                    Vec::new()
                }
            },
            Err(d) => {
                self.push(d);
                Vec::new()
            }
        };
        let unknown = m.finish(&[
            "title",
            "district",
            "organisation",
            "year",
            "date",
            "language",
            "unit",
            "subtitle",
            "running_header",
            "output_name",
            "templates",
            "keywords",
            "table_numbers",
            "chapters",
            "facts",
        ]);
        self.push_all(unknown);

        let mut chapters = Vec::new();
        let mut number = 0;
        for node in &chapter_nodes {
            let Ok(rel) = node.as_str("a chapter file") else {
                self.push(node.type_error("a chapter file path"));
                continue;
            };
            if let Some(ch) = self.chapter(rel, node, &mut number) {
                chapters.push(ch);
            }
        }
        let (title, district, organisation, year, date) =
            (title?, district?, organisation?, year?, date?);
        let running_header = running_header.unwrap_or_else(|| format!("{title} {district}"));
        let output_name = output_name.unwrap_or_else(|| slug(&format!("{title} {district}")));
        Some(Report {
            meta: Meta {
                title,
                subtitle,
                district,
                organisation,
                year,
                language,
                unit,
                date,
                running_header,
                output_name,
                templates,
                keywords,
            },
            chapters,
            tables: std::mem::take(&mut self.tables),
            facts,
        })
    }

    fn facts(&mut self, node: &Node) -> BTreeMap<String, Fact> {
        let mut out = BTreeMap::new();
        let Value::Map(entries) = &node.value else {
            self.push(node.type_error("a map of facts (name: {value: …})"));
            return out;
        };
        for (k, v) in entries {
            let Ok(name) = k.as_str("a fact name") else { continue };
            let (value_node, description, unit) = match &v.value {
                Value::Scalar(..) => (Some(v), None, None),
                Value::Map(_) => {
                    let mut m = match v.as_map("a fact") {
                        Ok(m) => m,
                        Err(d) => {
                            self.push(d);
                            continue;
                        }
                    };
                    let value = m.require("value", "the fact's figure, e.g. \"89,4 %\"");
                    let description = m.str("description").ok().flatten().map(str::to_string);
                    let unit = m.str("unit").ok().flatten().map(str::to_string);
                    let unknown = m.finish(&["value", "description", "unit"]);
                    self.push_all(unknown);
                    match value {
                        Ok(n) => (Some(n), description, unit),
                        Err(d) => {
                            self.push(d);
                            (None, description, unit)
                        }
                    }
                }
                _ => {
                    self.push(v.type_error("a figure or a map with `value`"));
                    continue;
                }
            };
            let Some(value_node) = value_node else { continue };
            match value_node.as_str("a figure").map(number::parse_number) {
                Ok(Ok(value)) => {
                    self.fact_spans.insert(name.to_string(), value_node.span.clone());
                    out.insert(name.to_string(), Fact { description, value, unit });
                }
                Ok(Err(e)) => self.push(
                    Diagnostic::error(Code::CellFormat, format!("the fact «{name}»: {}", e.0))
                        .at(value_node.span.clone()),
                ),
                Err(d) => self.push(d),
            }
        }
        out
    }

    fn chapter(&mut self, rel: &str, node: &Node, number: &mut usize) -> Option<Chapter> {
        let file = self.read_text(rel, node)?;
        let root = match yaml::parse(file, self.sources.get(file)) {
            Ok(n) => n,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let mut m = match root.as_map("a chapter (a map with title, blocks, sections)") {
            Ok(m) => m,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let title =
            match m.require("title", "the chapter's heading").and_then(|n| n.as_str("a text")) {
                Ok(t) => t.trim().to_string(),
                Err(d) => {
                    self.push(d);
                    String::new()
                }
            };
        let numbered = m.bool("numbered").unwrap_or_else(|d| {
            self.push(d);
            None
        });
        let numbered = numbered.unwrap_or(true);
        let chapter_number = if numbered {
            *number += 1;
            Some(number.to_string())
        } else {
            None
        };
        self.chapter_number = chapter_number.clone();
        self.chapter_table_count = 0;
        let id = match m.str_node("id").unwrap_or(None) {
            Some((id, n)) => {
                let id = id.trim().to_string();
                self.claim_id(&id, &n.span);
                id
            }
            None => {
                let id = match &chapter_number {
                    Some(n) => format!("kapittel-{n}"),
                    None => slug(&title),
                };
                self.claim_id(&id, &m.node().span);
                id
            }
        };
        let blocks = match m.get("blocks") {
            Some(n) => self.blocks(n),
            None => Vec::new(),
        };
        let sections = match m.get("sections") {
            Some(n) => self.sections(n, chapter_number.as_deref(), 2),
            None => Vec::new(),
        };
        let unknown = m.finish(&["title", "numbered", "id", "blocks", "sections"]);
        self.push_all(unknown);
        Some(Chapter {
            id,
            number: chapter_number,
            title,
            blocks,
            sections,
            source: rel.to_string(),
        })
    }

    fn sections(&mut self, node: &Node, parent: Option<&str>, level: u8) -> Vec<Section> {
        let items = match node.as_seq("a list of sections") {
            Ok(items) => items,
            Err(d) => {
                self.push(d);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        let mut count = 0;
        for item in items {
            // `- include: file.yaml`
            if let Value::Map(entries) = &item.value
                && entries.len() == 1
                && matches!(&entries[0].0.value, Value::Scalar(k, _) if k == "include")
            {
                let path_node = &entries[0].1;
                let Ok(rel) = path_node.as_str("a file path") else {
                    self.push(path_node.type_error("a file path"));
                    continue;
                };
                if self.include_stack.iter().any(|p| p == rel) {
                    self.push(
                        Diagnostic::error(Code::Path, format!("«{rel}» includes itself"))
                            .at(path_node.span.clone()),
                    );
                    continue;
                }
                let Some(file) = self.read_text(rel, path_node) else { continue };
                let root = match yaml::parse(file, self.sources.get(file)) {
                    Ok(n) => n,
                    Err(d) => {
                        self.push(d);
                        continue;
                    }
                };
                self.include_stack.push(rel.to_string());
                if let Some(s) = self.section(&root, parent, level, &mut count) {
                    out.push(s);
                }
                self.include_stack.pop();
                continue;
            }
            if let Some(s) = self.section(item, parent, level, &mut count) {
                out.push(s);
            }
        }
        out
    }

    fn section(
        &mut self,
        node: &Node,
        parent: Option<&str>,
        level: u8,
        count: &mut usize,
    ) -> Option<Section> {
        let mut m = match node.as_map("a section (a map with title, blocks, sections)") {
            Ok(m) => m,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let title =
            match m.require("title", "the section's heading").and_then(|n| n.as_str("a text")) {
                Ok(t) => t.trim().to_string(),
                Err(d) => {
                    self.push(d);
                    String::new()
                }
            };
        let numbered = m.bool("numbered").unwrap_or_else(|d| {
            self.push(d);
            None
        });
        let number = match (parent, numbered.unwrap_or(true)) {
            (Some(p), true) => {
                *count += 1;
                Some(format!("{p}.{count}"))
            }
            _ => None,
        };
        let id = match m.str_node("id").unwrap_or(None) {
            Some((id, n)) => {
                let id = id.trim().to_string();
                self.claim_id(&id, &n.span);
                id
            }
            None => {
                let mut id = match &number {
                    Some(n) => format!("seksjon-{}", n.replace('.', "-")),
                    None => slug(&title),
                };
                if self.ids.contains_key(&id) {
                    let base = id.clone();
                    let mut k = 2;
                    while self.ids.contains_key(&id) {
                        id = format!("{base}-{k}");
                        k += 1;
                    }
                }
                self.claim_id(&id, &m.node().span);
                id
            }
        };
        let blocks = match m.get("blocks") {
            Some(n) => self.blocks(n),
            None => Vec::new(),
        };
        let sections = match m.get("sections") {
            Some(n) => self.sections(n, number.as_deref(), level.saturating_add(1)),
            None => Vec::new(),
        };
        let unknown = m.finish(&["title", "numbered", "id", "blocks", "sections"]);
        self.push_all(unknown);
        Some(Section { id, number, level, title, blocks, sections })
    }

    fn blocks(&mut self, node: &Node) -> Vec<Block> {
        let items = match node.as_seq("a list of blocks") {
            Ok(items) => items,
            Err(d) => {
                self.push(d);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            if let Some(b) = self.block(item) {
                out.push(b);
            }
        }
        out
    }

    fn block(&mut self, node: &Node) -> Option<Block> {
        const KINDS: &[&str] = &[
            "p",
            "heading",
            "list",
            "numbered_list",
            "note",
            "goals",
            "checklist",
            "table",
            "figure",
        ];
        let entries = match &node.value {
            Value::Map(e) => e,
            Value::Scalar(..) => {
                self.push(
                    node.type_error("a block such as `- p: text`")
                        .with_hint("write a paragraph as `- p: Your text`"),
                );
                return None;
            }
            _ => {
                self.push(node.type_error("a block (a map with one key: p, list, note, table …)"));
                return None;
            }
        };
        if entries.len() != 1 {
            let keys: Vec<String> = entries
                .iter()
                .filter_map(|(k, _)| k.as_str("").ok().map(|s| format!("`{s}`")))
                .collect();
            self.push(
                Diagnostic::error(
                    Code::YamlSchema,
                    format!("a block has exactly one key, this one has {}: {}", entries.len(), keys.join(", ")),
                )
                .at(node.span.clone())
                .with_hint("is the indentation right? Options of a table or note go one level deeper, under `table:`"),
            );
            return None;
        }
        let (key_node, value) = &entries[0];
        let key = key_node.as_str("a block kind").unwrap_or("");
        match key {
            "p" => {
                Some(Block::Paragraph { content: self.inline_node(value, "the paragraph's text") })
            }
            "heading" => {
                Some(Block::Heading { content: self.inline_node(value, "the heading's text") })
            }
            "list" | "numbered_list" => {
                Some(Block::List { ordered: key == "numbered_list", items: self.list_items(value) })
            }
            "note" => self.note(value),
            "goals" => self.goals(value),
            "checklist" => self.checklist(value),
            "table" => self.table(value).map(|index| Block::Table { index }),
            "figure" => self.figure(value),
            other => {
                let mut d = Diagnostic::error(Code::YamlSchema, format!("unknown block `{other}`"))
                    .at(key_node.span.clone())
                    .with_note(format!("blocks are: {}", KINDS.join(", ")));
                if let Some(best) = yaml::did_you_mean(other, KINDS.iter().copied()) {
                    d = d.with_hint(format!("did you mean `{best}`?"));
                }
                self.push(d);
                None
            }
        }
    }

    fn list_items(&mut self, node: &Node) -> Vec<ListItem> {
        let items = match node.as_seq("a list of items") {
            Ok(items) => items,
            Err(d) => {
                self.push(d);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            match &item.value {
                Value::Map(_) => {
                    let Ok(mut m) = item.as_map("a list item") else { continue };
                    let content = self.required_inline(&mut m, "text", "the item's text");
                    let children = match m.get("items") {
                        Some(n) => self.list_items(n),
                        None => Vec::new(),
                    };
                    let unknown = m.finish(&["text", "items"]);
                    self.push_all(unknown);
                    out.push(ListItem { content, children });
                }
                _ => out.push(ListItem {
                    content: self.inline_node(item, "the item's text"),
                    children: Vec::new(),
                }),
            }
        }
        out
    }

    fn paragraphs(&mut self, node: &Node) -> Vec<Vec<Inline>> {
        match &node.value {
            Value::Seq(items) => items.iter().map(|i| self.inline_node(i, "a paragraph")).collect(),
            _ => vec![self.inline_node(node, "a text or a list of paragraphs")],
        }
    }

    fn note(&mut self, node: &Node) -> Option<Block> {
        match &node.value {
            Value::Map(_) => {
                let mut m = node.as_map("a note").ok()?;
                let title = m.str("title").unwrap_or(None).unwrap_or("Kommentar").to_string();
                let paragraphs = match m.require("text", "the note's text") {
                    Ok(n) => self.paragraphs(n),
                    Err(d) => {
                        self.push(d);
                        Vec::new()
                    }
                };
                let unknown = m.finish(&["title", "text"]);
                self.push_all(unknown);
                Some(Block::Note { title, paragraphs })
            }
            _ => Some(Block::Note { title: "Kommentar".into(), paragraphs: self.paragraphs(node) }),
        }
    }

    fn goals(&mut self, node: &Node) -> Option<Block> {
        let mut m = match node.as_map("a goal table (a map with goals)") {
            Ok(m) => m,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let caption = m.str("caption").unwrap_or(None).map(str::to_string);
        let goal_header = m.str("goal_header").unwrap_or(None).unwrap_or("Hovedmål").to_string();
        let comment_header =
            m.str("comment_header").unwrap_or(None).unwrap_or("Kommentar").to_string();
        let mut goals = Vec::new();
        match m.require("goals", "the list of goals").and_then(|n| n.as_seq("a list of goals")) {
            Ok(items) => {
                for item in items {
                    let Ok(mut g) =
                        item.as_map("a goal (goal, measures)").map_err(|d| self.push(d))
                    else {
                        continue;
                    };
                    let goal = self.required_inline(&mut g, "goal", "the goal's text");
                    let mut measures = Vec::new();
                    if let Some(ms) = g.get("measures") {
                        match ms.as_seq("a list of measures") {
                            Ok(ms) => {
                                for mnode in ms {
                                    let Ok(mut mm) = mnode
                                        .as_map("a measure (measure, comment)")
                                        .map_err(|d| self.push(d))
                                    else {
                                        continue;
                                    };
                                    let measure = match mm.require("measure", "the measure's text")
                                    {
                                        Ok(n) => self.inline_node(n, "a text"),
                                        Err(d) => {
                                            self.push(d);
                                            Vec::new()
                                        }
                                    };
                                    let comment = self.optional_inline(&mut mm, "comment");
                                    let unknown = mm.finish(&["measure", "comment"]);
                                    self.push_all(unknown);
                                    measures.push(Measure { measure, comment });
                                }
                            }
                            Err(d) => self.push(d),
                        }
                    }
                    let unknown = g.finish(&["goal", "measures"]);
                    self.push_all(unknown);
                    goals.push(Goal { goal, measures });
                }
            }
            Err(d) => self.push(d),
        }
        let unknown = m.finish(&["caption", "goal_header", "comment_header", "goals"]);
        self.push_all(unknown);
        Some(Block::Goals(Goals { caption, goal_header, comment_header, goals }))
    }

    fn checklist(&mut self, node: &Node) -> Option<Block> {
        let mut m = match node.as_map("a checklist (a map with items)") {
            Ok(m) => m,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let caption = m.str("caption").unwrap_or(None).map(str::to_string);
        let question_header =
            m.str("question_header").unwrap_or(None).unwrap_or("Spørsmål").to_string();
        let answer_header = m.str("answer_header").unwrap_or(None).unwrap_or("Svar").to_string();
        let comment_header =
            m.str("comment_header").unwrap_or(None).unwrap_or("Kommentar").to_string();
        let mut items = Vec::new();
        match m.require("items", "the checklist's rows").and_then(|n| n.as_seq("a list of rows")) {
            Ok(list) => {
                for item in list {
                    let Ok(mut im) =
                        item.as_map("a row (question, answer, comment)").map_err(|d| self.push(d))
                    else {
                        continue;
                    };
                    let question = self.required_inline(&mut im, "question", "the question");
                    let answer = match im.str_node("answer").unwrap_or(None) {
                        None => None,
                        Some((a, n)) => match a.trim().to_lowercase().as_str() {
                            "ja" | "yes" | "true" | "x" => Some(Answer::Ja),
                            "delvis" => Some(Answer::Delvis),
                            "nei" | "no" | "false" => Some(Answer::Nei),
                            "ikke aktuelt" | "ikke relevant" | "i/a" => Some(Answer::IkkeAktuelt),
                            _ => {
                                self.push(n.type_error("ja, delvis, nei or ikke aktuelt"));
                                None
                            }
                        },
                    };
                    let comment = self.optional_inline(&mut im, "comment");
                    let unknown = im.finish(&["question", "answer", "comment"]);
                    self.push_all(unknown);
                    items.push(ChecklistItem { question, answer, comment });
                }
            }
            Err(d) => self.push(d),
        }
        let unknown =
            m.finish(&["caption", "question_header", "answer_header", "comment_header", "items"]);
        self.push_all(unknown);
        Some(Block::Checklist(Checklist {
            caption,
            question_header,
            answer_header,
            comment_header,
            items,
        }))
    }

    fn figure(&mut self, node: &Node) -> Option<Block> {
        let mut m = match node.as_map("a figure (file, alt, caption)") {
            Ok(m) => m,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let file = m.require("file", "the image file");
        let alt = m.str("alt").unwrap_or(None).map(str::trim).unwrap_or("").to_string();
        if alt.is_empty() {
            self.push(
                Diagnostic::error(Code::AltText, "this image has no alternative text")
                    .at(m.node().span.clone())
                    .with_label("add `alt:`")
                    .with_hint("describe what the image shows in one or two sentences: readers with screen readers and PDF/UA need it"),
            );
        }
        let caption = m.get("caption").map(|n| self.inline_node(n, "a caption"));
        let unknown = m.finish(&["file", "alt", "caption"]);
        self.push_all(unknown);
        let file_node = match file {
            Ok(n) => n,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let rel = file_node.as_str("a file path").ok()?.to_string();
        let full = self.resolve(&rel, file_node)?;
        let lower = rel.to_lowercase();
        if ![".png", ".jpg", ".jpeg", ".svg"].iter().any(|e| lower.ends_with(e)) {
            self.push(
                Diagnostic::error(Code::Path, format!("«{rel}» is not a PNG, JPEG or SVG image"))
                    .at(file_node.span.clone()),
            );
            return None;
        }
        let data = match std::fs::read(&full) {
            Ok(d) => d,
            Err(e) => {
                self.push(
                    Diagnostic::error(
                        Code::Io,
                        format!("could not read «{rel}»: {}", io_reason(&e)),
                    )
                    .at(file_node.span.clone()),
                );
                return None;
            }
        };
        Some(Block::Figure(Figure { path: rel, alt, caption, data: std::sync::Arc::new(data) }))
    }

    /// Assigns the next table number in the current chapter.
    pub(crate) fn next_table_number(&mut self, explicit: Option<String>) -> Option<String> {
        if explicit.is_some() {
            return explicit;
        }
        if !self.table_numbers_auto {
            return None;
        }
        let chapter = self.chapter_number.clone()?;
        self.chapter_table_count += 1;
        Some(format!("{chapter}.{}", self.chapter_table_count))
    }

    pub(crate) fn claim_table_id(&mut self, id: &str, span: &Span) -> bool {
        self.claim_id(id, span)
    }
}

fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().split('-');
    let year = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(Date { year, month, day })
}

/// Every id in a set, for "did you mean".
pub(crate) fn nearest<'a>(word: &str, set: &'a BTreeSet<String>) -> Option<&'a str> {
    yaml::did_you_mean(word, set.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Bydelsdirektørens beretning"), "bydelsdirektorens-beretning");
        assert_eq!(slug("0.1 B"), "0-1-b");
        assert_eq!(slug("Årsberetning 2024 Bydel Bjerke"), "arsberetning-2024-bydel-bjerke");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-03-01"), Some(Date { year: 2025, month: 3, day: 1 }));
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("01.03.2025"), None);
    }
}
