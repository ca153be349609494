//! `previous: ../2024`: the figures this report states about earlier years, checked against the
//! report that published them.
//!
//! Last year's report is loaded (not checked) and its files are added to this report's
//! [`Sources`], so that every finding can point at both places. Tables pair by id (or the id
//! given under the table's `previous: {table: …}`); columns by heading — the header group's
//! title and the column's heading, case, spacing and footnote marks ignored, so «Regnskap 2024»
//! in the 2025 report pairs with «Regnskap 2024» in the 2024 report — and, where the headings
//! do not say, by role (`regnskap_fjor` holds what `regnskap` held last year); rows by label,
//! or as the table's `previous: {rows: {new label: old label}}` says.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::format;
use crate::load::spec::TableSpec;
use crate::load::{self, Loaded};
use crate::model::{Cell, ColumnKind, Report, RowStyle, Table, TableKind};
use crate::source::Span;
use crate::tr;

use super::{column_headings, key, years};

/// Checks the report against last year's (see [`check`]) and settles acknowledgements: a
/// mismatch a table acknowledges (`rule: previous-year`) is marked so, and the acknowledgement
/// is no longer reported as unused (AR307) among `diagnostics`.
pub fn check_into(
    dir: &Path,
    report: &Report,
    loaded: &mut Loaded,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut found = check(dir, report, loaded);
    let mut used: std::collections::BTreeSet<(usize, usize)> = Default::default();
    let by_id: BTreeMap<&str, usize> =
        report.tables.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    for d in found.iter_mut().filter(|d| d.code == Code::PreviousYear) {
        let Some(&ti) = d.table.as_deref().and_then(|id| by_id.get(id)) else {
            continue;
        };
        let Some(spec) = loaded.specs.get(ti) else { continue };
        let row = d.row.as_deref().map(key);
        let column = d.column.as_deref().and_then(|c| c.split('`').nth(1));
        let ack = spec.acknowledge.iter().find(|a| {
            a.code == Code::PreviousYear
                && a.row.as_deref().is_none_or(|r| Some(key(r)) == row)
                && a.column.as_deref().is_none_or(|c| Some(c.trim()) == column)
        });
        if let Some(ack) = ack {
            d.acknowledged = Some(ack.reason.clone());
            used.insert((ack.span.file, ack.span.range.start));
        }
    }
    for d in found.iter_mut().filter(|d| matches!(d.code, Code::PreviousYear | Code::UnrevisedText))
    {
        let places: Vec<String> = d
            .related
            .iter()
            .map(|(span, label)| {
                let (line, column) = loaded.sources.line_col(span);
                let file = loaded.sources.get(span.file).display_name();
                place_note(label, &file, line, column)
            })
            .collect();
        d.notes.extend(places);
    }
    diagnostics.retain(|d| {
        d.code != Code::UnusedAcknowledgement
            || d.span.as_ref().is_none_or(|s| !used.contains(&(s.file, s.range.start)))
    });
    diagnostics.extend(found);
}

/// Reads the report `previous:` names and checks this one against it; its files are added to
/// `loaded.sources`. Nothing happens without `previous:`.
pub fn check(dir: &Path, report: &Report, loaded: &mut Loaded) -> Vec<Diagnostic> {
    let Some(previous) = loaded.previous.clone() else { return Vec::new() };
    let written = previous.value.trim();
    let folder = lexical(&dir.join(written));
    if let Some(problem) = folder_problem(dir, &folder) {
        return vec![unreadable(written, &problem, previous.span)];
    }
    let mut old = load::load(&folder);
    let Some(old_report) = old.report.take() else {
        let first = old.diagnostics.iter().find(|d| d.code.is_fatal());
        let problem = first.map_or_else(|| tr!(cycle_has_errors), |d| d.message.clone());
        return vec![unreadable(written, &problem, previous.span)];
    };
    let offset = loaded.sources.absorb(std::mem::take(&mut old.sources), written);
    let shift = |span: &Span| Span::new(span.file + offset, span.range.clone());
    let mut out = Vec::new();
    if old_report.meta.year != report.meta.year - 1 {
        out.push(other_year(
            written,
            old_report.meta.year,
            report.meta.year - 1,
            previous.span.clone(),
        ));
    }
    let old_side = Side { report: &old_report, shift: &shift };
    for (table, spec) in report.tables.iter().zip(&loaded.specs) {
        out.extend(check_table(table, spec, report.meta.year, &old_side));
    }
    out.extend(check_facts(report, loaded, &old_report, &old, &shift));
    let old_texts: Vec<_> =
        old.texts.iter().map(|t| load::TextSource { span: shift(&t.span), ..t.clone() }).collect();
    out.extend(super::unrevised::check(
        &loaded.sources,
        &loaded.texts,
        &old_texts,
        old_report.meta.year,
    ));
    out
}

/// `2025/../2024` → `2024`: the folder as the user would name it (for the paths shown).
fn lexical(path: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    if out.as_os_str().is_empty() { ".".into() } else { out }
}

/// Why `previous:` names no report that can be read.
fn folder_problem(dir: &Path, folder: &Path) -> Option<String> {
    if !folder.join("report.yaml").is_file() {
        return Some(tr!(cycle_no_report_yaml, folder = folder.display()));
    }
    let same = match (dir.canonicalize(), folder.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    same.then(|| tr!(cycle_own_folder))
}

/// Last year's place as a note too, for the formats that show only one place (JSON, GitHub).
fn place_note(label: &str, file: &str, line: usize, column: usize) -> String {
    format!("{label}: {file}:{line}:{column}")
}

fn other_year(written: &str, found: i32, expected: i32, span: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::PreviousReport,
        tr!(cycle_other_year, written = written, found = found, expected = expected),
    )
    .at(span)
}

fn fact_mismatch(
    name: &str,
    here: &crate::model::Number,
    there: &crate::model::Number,
    year: i32,
    here_span: Option<Span>,
    there_span: Option<Span>,
) -> Diagnostic {
    let (found, expected) = (format::number(here), format::number(there));
    let mut d = Diagnostic::error(
        Code::PreviousYear,
        tr!(cycle_fact_mismatch, name = name, found = found, year = year, expected = expected),
    )
    .at_opt(here_span)
    .with_label(tr!(cycle_published_label, year = year, expected = expected));
    if let Some(span) = there_span {
        d.related.push((span, tr!(cycle_published_there, year = year)));
    }
    d.found = Some(found);
    d.expected = Some(expected);
    d
}

fn unreadable(written: &str, problem: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::PreviousReport,
        tr!(cycle_unreadable, written = written, problem = problem),
    )
    .at(span)
    .with_label(tr!(cycle_unreadable_label))
    .with_hint(tr!(cycle_unreadable_hint))
}

/// Last year's report, with the shift of its file ids into this report's sources.
struct Side<'a> {
    report: &'a Report,
    shift: &'a dyn Fn(&Span) -> Span,
}

/// Pairs one table with last year's and compares the figures of their shared columns.
fn check_table(table: &Table, spec: &TableSpec, year: i32, old: &Side<'_>) -> Vec<Diagnostic> {
    let renamed = spec.previous.as_ref().and_then(|p| p.table.as_ref());
    let old_id = renamed.map_or(table.id.as_str(), |t| t.value.trim());
    let Some(old_table) = old.report.table(old_id) else {
        return missing_table(table, spec, year, old_id, renamed.map(|t| t.span.clone()));
    };
    let columns = pair_columns(table, old_table, old.report.meta.year);
    if columns.is_empty() {
        return Vec::new();
    }
    let renames: BTreeMap<String, String> = spec
        .previous
        .iter()
        .flat_map(|p| &p.rows)
        .map(|(new, old)| (key(&new.value), key(&old.value)))
        .collect();
    let mut old_rows: BTreeMap<String, Vec<&crate::model::Row>> = BTreeMap::new();
    for r in old_table.rows.iter().filter(|r| !r.malformed) {
        old_rows.entry(key(r.label())).or_default().push(r);
    }
    let mut out = Vec::new();
    let mut unpaired = Vec::new();
    for row in table.rows.iter().filter(|r| r.style != RowStyle::Group && !r.malformed) {
        let wanted = key(row.label());
        let wanted = renames.get(&wanted).cloned().unwrap_or(wanted);
        let matches: &[&crate::model::Row] = old_rows.get(&wanted).map_or(&[], Vec::as_slice);
        let [old_row] = matches else {
            let has_figures = columns.iter().any(|&(c, _)| row.cells[c].value(false).is_some());
            if matches.is_empty() && has_figures {
                unpaired.push(row);
            }
            continue;
        };
        for &(c, oc) in &columns {
            let (Some(here), Some(there)) = (row.cells.get(c), old_row.cells.get(oc)) else {
                continue;
            };
            if differs(here, there) {
                let spans = (row.cell_spans.get(c).cloned(), old_row.cell_spans.get(oc));
                let there_span = spans.1.map(|s| (old.shift)(s));
                let place =
                    Place { table, row: row.label(), column: c, year: old.report.meta.year };
                out.push(mismatch(&place, here, there, spans.0, there_span));
            }
        }
    }
    if !unpaired.is_empty() {
        let labels: Vec<String> = unpaired.iter().map(|r| format!("«{}»", r.label())).collect();
        out.push(unpaired_rows(table, &labels, unpaired[0].span.clone()));
    }
    out
}

/// Where a mismatch is.
struct Place<'a> {
    table: &'a Table,
    row: &'a str,
    column: usize,
    year: i32,
}

/// Whether a figure stated here differs from the one published last year. An empty cell here
/// states nothing; a figure here where last year's was empty or `*` is a figure that came later.
fn differs(here: &Cell, there: &Cell) -> bool {
    match (here.value(false), there.value(false)) {
        (Some(a), Some(b)) => a != b,
        (None, Some(_)) => matches!(here, Cell::NotAvailable),
        _ => false,
    }
}

fn printed(cell: &Cell) -> String {
    match cell {
        Cell::NotAvailable => "*".to_string(),
        Cell::Empty => tr!(cycle_empty_cell),
        other => format::cell(other, ColumnKind::Number),
    }
}

fn mismatch(
    place: &Place<'_>,
    here: &Cell,
    there: &Cell,
    here_span: Option<Span>,
    there_span: Option<Span>,
) -> Diagnostic {
    let heading = &place.table.columns[place.column].header;
    let (found, expected) = (printed(here), printed(there));
    let message = tr!(
        cycle_mismatch,
        heading = heading,
        row = place.row,
        found = found,
        year = place.year,
        expected = expected
    );
    let mut d = Diagnostic::error(Code::PreviousYear, message)
        .at_opt(here_span)
        .with_label(tr!(cycle_published_label, year = place.year, expected = expected))
        .with_hint(tr!(cycle_mismatch_hint));
    if let Some(span) = there_span {
        d.related.push((span, tr!(cycle_published_there, year = place.year)));
    }
    if let (Some(a), Some(b)) = (here.value(false), there.value(false)) {
        d.difference = a.checked_sub(b).map(|diff| format::decimal(diff, diff.scale(), true));
    }
    d.table = Some(place.table.id.clone());
    d.row = Some(place.row.to_string());
    d.column = Some(format!("`{}` («{heading}»)", place.table.columns[place.column].key));
    d.found = Some(found);
    d.expected = Some(expected);
    d
}

fn unpaired_rows(table: &Table, labels: &[String], span: Span) -> Diagnostic {
    let message =
        tr!(cycle_unpaired, count = labels.len(), table = table.id, labels = labels.join(", "));
    let mut d = Diagnostic::note(Code::PreviousUnmatched, message)
        .at(span)
        .with_label(tr!(cycle_not_compared_label))
        .with_hint(tr!(cycle_unpaired_hint));
    d.table = Some(table.id.clone());
    d
}

fn missing_table(
    table: &Table,
    spec: &TableSpec,
    year: i32,
    old_id: &str,
    declared: Option<Span>,
) -> Vec<Diagnostic> {
    if let Some(span) = declared {
        let d =
            Diagnostic::error(Code::PreviousUnmatched, tr!(cycle_missing_table, table = old_id))
                .at(span)
                .with_label(tr!(cycle_missing_table_label));
        return vec![d];
    }
    let earlier = table.columns.iter().skip(1).any(|c| years(&c.header).iter().any(|y| y.1 < year));
    if !earlier {
        return Vec::new();
    }
    let mut d =
        Diagnostic::note(Code::PreviousUnmatched, tr!(cycle_table_not_last_year, table = table.id))
            .at(spec.span.clone())
            .with_hint(tr!(cycle_table_not_last_year_hint));
    d.table = Some(table.id.clone());
    vec![d]
}

/// The columns (this table's index, last year's index) holding the same figures: figure
/// columns whose headings state a year and are the same, else by role.
fn pair_columns(table: &Table, old: &Table, old_year: i32) -> Vec<(usize, usize)> {
    let keys = |t: &Table| {
        let headings: Vec<String> = t.columns.iter().map(|c| c.header.clone()).collect();
        let groups: Vec<(String, usize)> =
            t.header_groups.iter().map(|g| (g.title.clone(), g.span)).collect();
        column_headings(&headings, &groups)
    };
    let (here, there) = (keys(table), keys(old));
    let mut by_heading: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for o in (1..old.columns.len()).filter(|&o| old.columns[o].kind == ColumnKind::Number) {
        by_heading.entry(key(&there[o])).or_default().push(o);
    }
    let mut pairs = Vec::new();
    for (c, column) in table.columns.iter().enumerate().skip(1) {
        if column.kind != ColumnKind::Number || years(&here[c]).is_empty() {
            continue;
        }
        let same: &[usize] = by_heading.get(&key(&here[c])).map_or(&[], Vec::as_slice);
        let paired = match same {
            [one] => Some(*one),
            [] => by_role(table.kind, &column.key, &here[c], old, old_year),
            _ => None,
        };
        if let Some(o) = paired {
            pairs.push((c, o));
        }
    }
    pairs
}

/// Where headings do not pair a column: last year's accounts are last year's `regnskap`; an
/// indicator's result for last year is last year's `resultat`.
fn by_role(
    kind: TableKind,
    column: &str,
    heading: &str,
    old: &Table,
    old_year: i32,
) -> Option<usize> {
    let states_old_year = years(heading).iter().all(|y| y.1 == old_year);
    let source = match (kind, column) {
        (TableKind::Kostra | TableKind::Overview, "regnskap_fjor") => "regnskap",
        (TableKind::Indicators, k) if k.starts_with("resultat_") && states_old_year => "resultat",
        _ => return None,
    };
    (old.kind == kind).then(|| old.columns.iter().position(|c| c.key == source)).flatten()
}

/// Facts whose names state only earlier years (`soknader-kommunal-bolig-2023`) are figures
/// about those years: they must be last year's figures.
fn check_facts(
    report: &Report,
    loaded: &Loaded,
    old_report: &Report,
    old: &Loaded,
    shift: &dyn Fn(&Span) -> Span,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (name, fact) in &report.facts {
        let stated = years(name);
        if stated.is_empty() || stated.iter().any(|y| y.1 >= report.meta.year) {
            continue;
        }
        let Some(old_fact) = old_report.facts.get(name) else { continue };
        if fact.value.value == old_fact.value.value {
            continue;
        }
        let year = old_report.meta.year;
        let here = loaded.fact_spans.get(name).cloned();
        let there = old.fact_spans.get(name).map(shift);
        let d = fact_mismatch(name, &fact.value, &old_fact.value, year, here, there);
        out.push(d);
    }
    out
}
