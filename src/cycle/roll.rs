//! `arsrapport roll-forward DIR --to NEWDIR`: next year's report from this year's.
//!
//! The report is read as `check` reads it (a report that cannot be read is not rolled), its
//! folder copied, and the files that change are rewritten in place by position
//! ([`super::edits`]), so comments and layout stay:
//!
//! - `report.yaml`: `year` and `date` one year on; the years in `title`, `subtitle`,
//!   `running_header`, `output_name` and `keywords` advanced; `previous:` set to this report's
//!   folder, so `check` compares the new report with it.
//! - chapter and section titles, `heading:` blocks, captions, note titles and header groups:
//!   the years in them advanced. Paragraphs, notes, lists and comments are kept as they are,
//!   the starting point for this year's text (`check` warns until each is revised, AR602).
//! - every CSV table: the years in the headings advanced, and each figure column filled from
//!   last year's column with the same heading: «Regnskap 2024» in the new report takes what
//!   «Regnskap 2024» held, «Resultat 2023» what «Resultat 2023» held. A figure column whose new
//!   heading was no column last year — the new year's accounts, budget, target, result, and
//!   every figure column of a table whose headings state no year — is written `?`, awaiting
//!   figures (AR601). Row labels, text and code columns and group rows stay.

use std::path::{Path, PathBuf};

use crate::load::csv::RawCsv;
use crate::load::files::Files;
use crate::load::parse::{self, ParsedReport};
use crate::load::read::Spanned;
use crate::load::schema::{BlockSource, SectionItem, SectionSource, TableSource};
use crate::model::{ColumnKind, Report, Table};
use crate::source::Sources;
use crate::tr;

use super::edits::Edits;
use super::{AWAITING, advance_years, column_headings, key, years};

/// Why a report could not be rolled forward (its text is shown to the user).
#[derive(Debug)]
pub enum RollError {
    /// The report cannot be read.
    Unreadable {
        /// The folder.
        dir: String,
        /// The first problem.
        problem: String,
    },
    /// The target folder is not a new, empty folder outside the report.
    Target(String),
    /// Writing failed.
    Io {
        /// The file.
        path: String,
        /// The reason.
        source: std::io::Error,
    },
}

impl std::fmt::Display for RollError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            RollError::Unreadable { dir, problem } => {
                tr!(cycle_roll_unreadable, dir = dir, problem = problem)
            }
            RollError::Target(text) => text.clone(),
            RollError::Io { path, source } => tr!(cycle_roll_write, path = path, error = source),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for RollError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RollError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// What roll-forward did, for the user to review.
#[derive(Debug, Default)]
pub struct Rolled {
    /// The new report's year.
    pub year: i32,
    /// Files copied or written.
    pub files: usize,
    /// One line per change worth reviewing.
    pub log: Vec<String>,
    /// Cells written `?`.
    pub awaiting: usize,
}

/// Rolls the report in `dir` forward one year into the new folder `to`.
pub fn roll_forward(dir: &Path, to: &Path) -> Result<Rolled, RollError> {
    check_target(dir, to)?;
    let mut files = Files::new(dir);
    files.sources.set_base(dir);
    let parsed = parse::parse(&mut files);
    let lowered = parsed.as_ref().map(|p| crate::lower::lower(p, &files));
    let fatal = files
        .diagnostics
        .iter()
        .chain(lowered.iter().flat_map(|l| &l.diagnostics))
        .find(|d| d.code.is_fatal())
        .map(|d| d.message.clone());
    let unreadable =
        |problem: String| RollError::Unreadable { dir: dir.display().to_string(), problem };
    let (Some(parsed), Some(report)) = (parsed, lowered.and_then(|l| l.report)) else {
        return Err(unreadable(fatal.unwrap_or_else(|| tr!(cycle_roll_incomplete))));
    };
    if let Some(problem) = fatal {
        return Err(unreadable(problem));
    }
    let mut roll =
        Roller { sources: &files.sources, edits: Edits::default(), rolled: Rolled::default() };
    roll.rolled.year = report.meta.year + 1;
    let previous = relative_path(to, dir);
    roll.settings(&parsed, &previous);
    for chapter in parsed.chapters.iter().filter_map(|c| c.chapter.as_ref()) {
        roll.section(chapter, &report, &files);
    }
    let Roller { edits, mut rolled, .. } = roll;
    rolled.files = copy_tree(dir, to)?;
    for (name, text) in edits.apply(&files.sources) {
        let path = to.join(&name);
        std::fs::write(&path, text)
            .map_err(|source| RollError::Io { path: path.display().to_string(), source })?;
    }
    // The new report must read back; if a rewrite broke it, say so rather than leave it unsaid.
    let written = crate::load::load(to);
    if let Some(d) = written.diagnostics.iter().find(|d| d.code.is_fatal()) {
        rolled.log.push(tr!(cycle_roll_broken, message = d.message, dir = to.display()));
    }
    Ok(rolled)
}

/// The new folder must not exist yet (or be empty) and must not lie inside the report.
fn check_target(dir: &Path, to: &Path) -> Result<(), RollError> {
    if to.exists() && std::fs::read_dir(to).map_or(true, |mut d| d.next().is_some()) {
        return Err(RollError::Target(tr!(cycle_roll_not_empty, to = to.display())));
    }
    let inside = match (dir.canonicalize(), absolute(to)) {
        (Ok(d), Some(t)) => t.starts_with(&d),
        _ => false,
    };
    if inside {
        let name = to.file_name().map_or("2025".into(), |n| n.to_string_lossy().into_owned());
        return Err(RollError::Target(tr!(
            cycle_roll_inside,
            to = to.display(),
            dir = dir.display(),
            name = name
        )));
    }
    Ok(())
}

/// A path made absolute and with `..` resolved as far as it exists.
fn absolute(path: &Path) -> Option<PathBuf> {
    let full = std::env::current_dir().ok()?.join(path);
    let mut existing = full.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
    let mut out = existing.canonicalize().ok()?;
    for part in rest.iter().rev() {
        out.push(part);
    }
    Some(out)
}

/// `dir` as seen from `from`, with `/`: `../2024`.
fn relative_path(from: &Path, dir: &Path) -> String {
    let (Some(from), Some(dir)) = (absolute(from), absolute(dir)) else {
        return dir.display().to_string();
    };
    let a: Vec<_> = from.components().collect();
    let b: Vec<_> = dir.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(b[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    if parts.is_empty() { ".".into() } else { parts.join("/") }
}

/// Copies the report folder (hidden files and folders left out); returns the number of files.
fn copy_tree(from: &Path, to: &Path) -> Result<usize, RollError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| RollError::Io { path, source }
    };
    std::fs::create_dir_all(to).map_err(io(to))?;
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(from).map_err(io(from))?.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        let kind = entry.file_type().map_err(io(&source))?;
        if kind.is_dir() {
            count += copy_tree(&source, &target)?;
        } else if kind.is_file() {
            std::fs::copy(&source, &target).map_err(io(&target))?;
            count += 1;
        }
    }
    Ok(count)
}

struct Roller<'a> {
    sources: &'a Sources,
    edits: Edits,
    rolled: Rolled,
}

impl Roller<'_> {
    /// Advances the years of a setting, title or caption in place.
    fn advance(&mut self, value: &Spanned<String>) {
        if years(&value.value).is_empty() {
            return;
        }
        if !self.edits.advance_scalar(self.sources, &value.span, &value.value) {
            let (line, _) = self.sources.line_col(&value.span);
            let name = self.sources.name(&value.span).to_string();
            self.rolled.log.push(tr!(
                cycle_roll_year_by_hand,
                file = name,
                line = line,
                value = value.value
            ));
        }
    }

    fn settings(&mut self, parsed: &ParsedReport, previous: &str) {
        let r = &parsed.report;
        let texts = [&r.year, &r.title, &r.subtitle, &r.running_header, &r.output_name];
        for value in texts.into_iter().flatten() {
            self.advance(value);
        }
        if let Some(date) = &r.date {
            self.date(date);
        }
        for keyword in &r.keywords {
            self.advance(keyword);
        }
        let value = yaml_text(previous);
        match &r.previous {
            Some(old) => self.edits.replace(old.span.file, old.span.range.clone(), value),
            None => {
                let Some(year) = &r.year else { return };
                let text = &self.sources.get(year.span.file).text;
                let end = text[year.span.range.end..]
                    .find('\n')
                    .map_or(text.len(), |i| year.span.range.end + i + 1);
                let line = format!(
                    "previous: {value}   # fjorårets rapport: `check` sammenligner tallene og teksten med den\n"
                );
                let line = if end == text.len() && !text.ends_with('\n') {
                    format!("\n{line}")
                } else {
                    line
                };
                self.edits.replace(year.span.file, end..end, line);
            }
        }
        if !r.facts.is_empty() {
            let names: Vec<&str> = r.facts.iter().map(|f| f.name.value.as_str()).collect();
            self.rolled.log.push(tr!(
                cycle_roll_facts,
                count = names.len(),
                names = names.join(", ")
            ));
        }
    }

    /// The document date one year on; 29 February becomes 28 February.
    fn date(&mut self, date: &Spanned<String>) {
        let Ok(d) = crate::load::date::parse_date(&date.value) else { return self.advance(date) };
        let day = if d.month == 2 && d.day == 29 { 28 } else { d.day };
        let new = format!("{:04}-{:02}-{:02}", d.year + 1, d.month, day);
        let file = &self.sources.get(date.span.file).text;
        let written = date.value.trim();
        let lead = date.value.len() - date.value.trim_start().len();
        let start = crate::load::yaml::value_offset(file, date.span.range.start, &date.value, lead);
        match start.filter(|&s| file.get(s..s + written.len()) == Some(written)) {
            Some(s) => self.edits.replace(date.span.file, s..s + written.len(), new),
            None => self.advance(date),
        }
    }

    fn section(&mut self, section: &SectionSource, report: &Report, files: &Files) {
        if let Some(title) = &section.title {
            self.advance(title);
        }
        for block in &section.blocks {
            self.block(block, report, files);
        }
        for item in &section.sections {
            if let Some(s) = match item {
                SectionItem::Section(s) => Some(s),
                SectionItem::Include { section, .. } => section.as_deref(),
            } {
                self.section(s, report, files);
            }
        }
    }

    fn block(&mut self, block: &BlockSource, report: &Report, files: &Files) {
        match block {
            BlockSource::Heading(t) => self.advance(&Spanned::new(t.text.clone(), t.span.clone())),
            BlockSource::Note(n) => n.title.iter().for_each(|t| self.advance(t)),
            BlockSource::Goals(g) => g.caption.iter().for_each(|t| self.advance(t)),
            BlockSource::Checklist(c) => c.caption.iter().for_each(|t| self.advance(t)),
            BlockSource::Figure(f) => {
                if let Some(t) = &f.caption {
                    self.advance(&Spanned::new(t.text.clone(), t.span.clone()));
                }
            }
            BlockSource::Table(t) => self.table(t, report, files),
            BlockSource::Chart(c) => {
                c.caption.iter().chain(&c.alt).for_each(|t| self.advance(t));
            }
            BlockSource::Paragraph(_) | BlockSource::List { .. } => {}
        }
    }

    fn table(&mut self, t: &TableSource, report: &Report, files: &Files) {
        if let Some(caption) = &t.caption {
            self.advance(caption);
        }
        if let (Some(first), Some(id)) = (t.acknowledge.first(), &t.id) {
            let (line, _) = self.sources.line_col(&first.span);
            self.rolled.log.push(tr!(
                cycle_roll_acknowledged,
                file = self.sources.name(&first.span),
                line = line,
                table = id.value.trim(),
                count = t.acknowledge.len()
            ));
        }
        let groups: Vec<(String, usize)> = match &t.header_groups {
            Some(g) => {
                for title in g.value.iter().filter_map(|g| g.title.as_ref()) {
                    self.advance(title);
                }
                g.value
                    .iter()
                    .map(|g| {
                        (
                            g.title.as_ref().map_or(String::new(), |t| t.value.clone()),
                            g.columns.as_ref().map_or(1, |c| c.value),
                        )
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        let (Some(file), Some(id)) = (&t.file, &t.id) else { return };
        let Some((file_id, raw)) = files.table(t) else { return };
        let Some(table) = report.table(id.value.trim()) else { return };
        if self.sources.get(*file_id).sheet.is_some() {
            // A workbook is not text: its figures are moved in Excel, not here.
            self.rolled.log.push(tr!(
                cycle_roll_workbook,
                file = file.value.trim(),
                table = id.value.trim(),
                sheet = self.sources.get(*file_id).sheet.as_ref().map_or("", |s| s.sheet.as_str())
            ));
            return;
        }
        if self.edits.touches(*file_id) || table.columns.len() != raw.header.len() {
            return;
        }
        self.csv(table, raw, &groups);
    }

    /// Rewrites one CSV table: headings a year on, figures one column back.
    fn csv(&mut self, table: &Table, raw: &RawCsv, groups: &[(String, usize)]) {
        let headings: Vec<String> = raw.header.iter().map(|h| h.text.clone()).collect();
        let new_headings: Vec<String> = headings.iter().map(|h| advance_years(h, 1)).collect();
        let new_groups: Vec<(String, usize)> =
            groups.iter().map(|(t, n)| (advance_years(t, 1), *n)).collect();
        let old_keys = column_headings(&headings, groups);
        let new_keys = column_headings(&new_headings, &new_groups);
        let sources = sources_of(table, &old_keys, &new_keys);
        let file = raw.header.first().map_or(0, |h| h.span.file);
        let delimiter = delimiter_of(&self.sources.get(file).text);
        for (field, new) in raw.header.iter().zip(&new_headings) {
            if *new != field.text {
                self.edits.replace(file, field.span.range.clone(), quoted(new, delimiter));
            }
        }
        for record in &raw.rows {
            let group = record.fields.iter().skip(1).all(|f| f.text.trim().is_empty());
            if group {
                continue;
            }
            for (c, source) in sources.iter().enumerate().skip(1) {
                let Some(field) = record.fields.get(c) else { continue };
                if table.columns[c].kind != ColumnKind::Number {
                    continue;
                }
                let new = match source {
                    Some(j) => record.fields.get(*j).map_or("", |f| f.text.trim()).to_string(),
                    None => AWAITING.to_string(),
                };
                if new == AWAITING {
                    self.rolled.awaiting += 1;
                }
                if new != field.text.trim() {
                    self.edits.replace(file, field.span.range.clone(), quoted(&new, delimiter));
                }
            }
        }
        self.rolled.log.push(table_log(table, &new_keys, &old_keys, &sources));
    }
}

/// For each column of the new table: the column of last year's table its figures come from.
fn sources_of(table: &Table, old_keys: &[String], new_keys: &[String]) -> Vec<Option<usize>> {
    let mut by_heading: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for o in (1..old_keys.len()).filter(|&o| table.columns[o].kind == ColumnKind::Number) {
        by_heading.entry(key(&old_keys[o])).or_default().push(o);
    }
    new_keys
        .iter()
        .enumerate()
        .map(|(c, heading)| {
            if c == 0 || years(heading).is_empty() || table.columns[c].kind != ColumnKind::Number {
                return None;
            }
            match by_heading.get(&key(heading)).map_or(&[][..], Vec::as_slice) {
                [one] => Some(*one),
                _ => None,
            }
        })
        .collect()
}

fn table_log(
    table: &Table,
    new_keys: &[String],
    old_keys: &[String],
    sources: &[Option<usize>],
) -> String {
    let mut moved = Vec::new();
    let mut waiting = Vec::new();
    for (c, column) in table.columns.iter().enumerate().skip(1) {
        if column.kind != ColumnKind::Number {
            continue;
        }
        match sources[c] {
            Some(o) => moved.push(format!("«{}» ← «{}»", new_keys[c], old_keys[o])),
            None => waiting.push(format!("«{}»", new_keys[c])),
        }
    }
    let mut line = format!("{} (`{}`):", table.source, table.id);
    if !moved.is_empty() {
        line.push_str(&tr!(cycle_roll_kept, columns = moved.join(", ")));
    }
    if !waiting.is_empty() {
        let sep = if moved.is_empty() { "" } else { ";" };
        line.push_str(&tr!(cycle_roll_awaiting, sep = sep, columns = waiting.join(", ")));
    }
    line
}

/// The delimiter of a CSV file, as the reader detects it.
fn delimiter_of(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut quoted = false;
    let (mut semis, mut tabs, mut commas) = (0, 0, 0);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semis += 1,
            '\t' if !quoted => tabs += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semis > 0 {
        ';'
    } else if tabs > 0 {
        '\t'
    } else if commas > 0 {
        ','
    } else {
        ';'
    }
}

/// A CSV field, quoted when it holds the delimiter, a quote or a line break.
fn quoted(text: &str, delimiter: char) -> String {
    if text.contains(delimiter) || text.contains('"') || text.contains('\n') || text.contains('\r')
    {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A path as a YAML value (quoted when YAML would read it otherwise).
fn yaml_text(text: &str) -> String {
    let plain = text.chars().all(|c| c.is_alphanumeric() || "./-_".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(quoted("1 234", ';'), "1 234");
        assert_eq!(quoted("1,5", ','), "\"1,5\"");
        assert_eq!(quoted("a \"b\"", ';'), "\"a \"\"b\"\"\"");
    }

    #[test]
    fn relative_paths_between_sibling_folders() {
        let base = std::env::temp_dir().join(format!("arsrapport-rel-{}", std::process::id()));
        let (a, b) = (base.join("2024"), base.join("rapporter").join("2025"));
        let _ = std::fs::create_dir_all(&a);
        assert_eq!(relative_path(&b, &a), "../../2024");
        assert_eq!(relative_path(&base.join("2025"), &a), "../2024");
        let _ = std::fs::remove_dir_all(&base);
    }
}
