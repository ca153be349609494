//! `arsrapport diff OLD NEW`: what changed between two versions of a report.
//!
//! Both versions are checked as `check` reads them (figures in text filled in), then compared
//! ([`compare`]): settings, facts, tables (by id; columns by key, rows by label) down to each
//! figure with its difference, chapters and sections (by id) added or removed, and the text of
//! each section word by word ([`text`]). [`output`] prints it for the terminal, as JSON, or as
//! an HTML page styled like the site; [`version`] reads an old version from git.

mod output;
pub mod text;
mod version;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::Serialize;

use crate::format;
use crate::model::{Cell, Report, Table};

pub use output::{DiffFormat, DiffRequest, run};

/// Everything that changed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Changes {
    /// The old version: where it came from, and its title.
    pub old: Version,
    /// The new version.
    pub new: Version,
    /// Settings in `report.yaml` that changed.
    pub settings: Vec<Setting>,
    /// Facts added, removed or changed.
    pub facts: Vec<Fact>,
    /// Tables added, removed or changed.
    pub tables: Vec<TableChange>,
    /// Chapters and sections added or removed.
    pub sections: Vec<SectionChange>,
    /// Texts added, removed or changed.
    pub texts: Vec<text::TextChange>,
}

/// One version of the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Version {
    /// The folder or `REV:PATH` it was read from.
    pub source: String,
    /// Its title and district.
    pub title: String,
    /// Its year.
    pub year: i32,
}

/// Whether something was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, different.
    Changed,
}

/// A changed setting.
#[derive(Debug, Clone, Serialize)]
pub struct Setting {
    /// Its key in `report.yaml`.
    pub key: String,
    /// Old value.
    pub old: String,
    /// New value.
    pub new: String,
}

/// A fact added, removed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// Its name.
    pub name: String,
    /// What happened.
    pub status: Status,
    /// Old figure as printed.
    pub old: Option<String>,
    /// New figure as printed.
    pub new: Option<String>,
    /// New − old.
    pub difference: Option<String>,
}

/// A table added, removed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct TableChange {
    /// Its id.
    pub id: String,
    /// Its caption (the new one when both).
    pub caption: String,
    /// What happened.
    pub status: Status,
    /// Column headings only in the new version.
    pub columns_added: Vec<String>,
    /// Column headings only in the old version.
    pub columns_removed: Vec<String>,
    /// Row labels only in the new version.
    pub rows_added: Vec<String>,
    /// Row labels only in the old version.
    pub rows_removed: Vec<String>,
    /// Column headings that changed: (old, new).
    pub headings: Vec<(String, String)>,
    /// Figures that changed.
    pub figures: Vec<FigureChange>,
}

/// One changed cell.
#[derive(Debug, Clone, Serialize)]
pub struct FigureChange {
    /// The row's label.
    pub row: String,
    /// The column's heading (new version).
    pub column: String,
    /// As printed in the old version (`""` for an empty cell).
    pub old: String,
    /// As printed in the new version.
    pub new: String,
    /// New − old, when both are figures.
    pub difference: Option<String>,
}

/// A chapter or section added or removed.
#[derive(Debug, Clone, Serialize)]
pub struct SectionChange {
    /// What happened.
    pub status: Status,
    /// Its id.
    pub id: String,
    /// Its number and title.
    pub title: String,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.settings.is_empty()
            && self.facts.is_empty()
            && self.tables.is_empty()
            && self.sections.is_empty()
            && self.texts.is_empty()
    }
}

/// One version as read: the report and, per table, its cells awaiting figures (row, column).
pub struct Side<'a> {
    /// The report.
    pub report: &'a Report,
    /// Per table, the cells written `?`.
    pub awaiting: &'a [Vec<(usize, usize)>],
    /// Per table, its `previous:` (a renamed table or rows, from last year).
    pub previous: &'a [Option<crate::load::schema::PreviousSource>],
}

/// Compares two versions of a report.
pub fn compare(old_side: &Side<'_>, new_side: &Side<'_>) -> Changes {
    let (old, new) = (old_side.report, new_side.report);
    let version = |r: &Report| Version {
        source: String::new(),
        title: format!("{} {}", r.meta.title, r.meta.district),
        year: r.meta.year,
    };
    let (sections, texts) = text::compare(old, new);
    Changes {
        old: version(old),
        new: version(new),
        settings: settings(old, new),
        facts: facts(old, new),
        tables: tables(old_side, new_side),
        sections,
        texts,
    }
}

fn settings(old: &Report, new: &Report) -> Vec<Setting> {
    let values = |r: &Report| {
        let m = &r.meta;
        vec![
            ("title", m.title.clone()),
            ("subtitle", m.subtitle.clone().unwrap_or_default()),
            ("district", m.district.clone()),
            ("organisation", m.organisation.clone()),
            ("year", m.year.to_string()),
            ("date", format::date(m.date)),
            ("unit", m.unit.clone()),
            ("running_header", m.running_header.clone()),
            ("output_name", m.output_name.clone()),
            ("keywords", m.keywords.join(", ")),
            ("region", m.region.clone().unwrap_or_default()),
        ]
    };
    values(old)
        .into_iter()
        .zip(values(new))
        .filter(|(a, b)| a.1 != b.1)
        .map(|((key, old), (_, new))| Setting { key: key.to_string(), old, new })
        .collect()
}

fn facts(old: &Report, new: &Report) -> Vec<Fact> {
    let mut out = Vec::new();
    for (name, fact) in &old.facts {
        let printed = format::number(&fact.value);
        match new.facts.get(name) {
            None => out.push(Fact {
                name: name.clone(),
                status: Status::Removed,
                old: Some(printed),
                new: None,
                difference: None,
            }),
            Some(now) if now.value.value != fact.value.value || now.value != fact.value => {
                let difference = now.value.value.checked_sub(fact.value.value);
                out.push(Fact {
                    name: name.clone(),
                    status: Status::Changed,
                    old: Some(printed),
                    new: Some(format::number(&now.value)),
                    difference: difference.map(signed),
                })
            }
            Some(_) => {}
        }
    }
    for (name, fact) in new.facts.iter().filter(|(n, _)| !old.facts.contains_key(*n)) {
        out.push(Fact {
            name: name.clone(),
            status: Status::Added,
            old: None,
            new: Some(format::number(&fact.value)),
            difference: None,
        });
    }
    out
}

/// A difference with its sign: `+50`, `−41`, `0`.
fn signed(d: rust_decimal::Decimal) -> String {
    let text = format::decimal(d, d.scale(), true);
    if d.is_sign_positive() && !d.is_zero() { format!("+{text}") } else { text }
}

/// A table pairs with the old version's table of the same id; from one year to the next also
/// with the id the new table names under `previous: {table: …}`.
fn tables(old_side: &Side<'_>, new_side: &Side<'_>) -> Vec<TableChange> {
    let (old, new) = (old_side.report, new_side.report);
    let next_year = new.meta.year == old.meta.year + 1;
    let renames =
        |n: usize| next_year.then(|| new_side.previous.get(n).and_then(Option::as_ref)).flatten();
    let old_index: BTreeMap<&str, usize> =
        old.tables.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let mut new_of_old: Vec<Option<usize>> = vec![None; old.tables.len()];
    for (n, t) in new.tables.iter().enumerate() {
        let id =
            renames(n).and_then(|p| p.table.as_ref()).map_or(t.id.as_str(), |i| i.value.trim());
        if let Some(&o) = old_index.get(id).filter(|&&o| new_of_old[o].is_none()) {
            new_of_old[o] = Some(n);
        }
    }
    let waiting = |side: &Side<'_>, i: usize| -> BTreeSet<(usize, usize)> {
        side.awaiting.get(i).map(|a| a.iter().copied().collect()).unwrap_or_default()
    };
    let empty = |t: &Table, status| TableChange {
        id: t.id.clone(),
        caption: t.caption.clone(),
        status,
        columns_added: Vec::new(),
        columns_removed: Vec::new(),
        rows_added: Vec::new(),
        rows_removed: Vec::new(),
        headings: Vec::new(),
        figures: Vec::new(),
    };
    let mut out = Vec::new();
    for (o, t) in old.tables.iter().enumerate() {
        let Some(n) = new_of_old[o] else {
            out.push(empty(t, Status::Removed));
            continue;
        };
        let nt = &new.tables[n];
        let sides = [waiting(old_side, o), waiting(new_side, n)];
        let rows: BTreeMap<String, String> = renames(n)
            .iter()
            .flat_map(|p| &p.rows)
            .map(|(a, b)| (super::key(&a.value), super::key(&b.value)))
            .collect();
        let pairing =
            Pairing { same_year: old.meta.year == new.meta.year, awaiting: &sides, rows: &rows };
        let change = table(t, nt, &pairing, empty(nt, Status::Changed));
        let changed = !(change.columns_added.is_empty()
            && change.columns_removed.is_empty()
            && change.rows_added.is_empty()
            && change.rows_removed.is_empty()
            && change.headings.is_empty()
            && change.figures.is_empty());
        if changed || t.caption != nt.caption || t.id != nt.id {
            out.push(change);
        }
    }
    let paired: BTreeSet<usize> = new_of_old.iter().flatten().copied().collect();
    for (_, t) in new.tables.iter().enumerate().filter(|(n, _)| !paired.contains(n)) {
        out.push(empty(t, Status::Added));
    }
    out
}

/// How the cells of two versions of a table pair.
struct Pairing<'a> {
    /// Both versions are of the same year (columns also pair by key).
    same_year: bool,
    /// Per version, the cells awaiting figures.
    awaiting: &'a [BTreeSet<(usize, usize)>; 2],
    /// Renamed rows: the new label's key → the old label's key.
    rows: &'a BTreeMap<String, String>,
}

/// Rows paired by label: the k-th row with a label in the old table with the k-th in the new.
fn pair_rows(
    old: &Table,
    new: &Table,
    renamed: &BTreeMap<String, String>,
) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut by_key: BTreeMap<String, VecDeque<usize>> = BTreeMap::new();
    for (n, row) in new.rows.iter().enumerate() {
        let key = super::key(row.label());
        let key = renamed.get(&key).cloned().unwrap_or(key);
        by_key.entry(key).or_default().push_back(n);
    }
    let mut used = vec![false; new.rows.len()];
    let mut pairs = Vec::new();
    let mut removed = Vec::new();
    for (o, row) in old.rows.iter().enumerate() {
        match by_key.get_mut(&super::key(row.label())).and_then(VecDeque::pop_front) {
            Some(n) => {
                used[n] = true;
                pairs.push((o, n));
            }
            None => removed.push(o),
        }
    }
    let nk = &used;
    let added = (0..nk.len()).filter(|&n| !nk[n]).collect();
    (pairs, removed, added)
}

fn table(old: &Table, new: &Table, pairing: &Pairing<'_>, mut change: TableChange) -> TableChange {
    let awaiting = pairing.awaiting;
    let columns = pair_columns(old, new, pairing.same_year);
    let mut old_of = vec![None; new.columns.len()];
    let mut used = vec![false; old.columns.len()];
    for &(o, n) in &columns {
        old_of[n] = Some(o);
        used[o] = true;
    }
    for (n, c) in new.columns.iter().enumerate().skip(1) {
        match old_of[n] {
            Some(o) if old.columns[o].header != c.header => {
                change.headings.push((old.columns[o].header.clone(), c.header.clone()));
            }
            Some(_) => {}
            None => change.columns_added.push(c.header.clone()),
        }
    }
    for (o, c) in old.columns.iter().enumerate().skip(1) {
        if !used[o] {
            change.columns_removed.push(c.header.clone());
        }
    }
    let (rows, removed, added) = pair_rows(old, new, pairing.rows);
    change.rows_removed = removed.iter().map(|&r| old.rows[r].label().to_string()).collect();
    change.rows_added = added.iter().map(|&r| new.rows[r].label().to_string()).collect();
    for (o, n) in rows {
        for &(oc, nc) in &columns {
            let (a, b) = (cell(old, o, oc, &awaiting[0]), cell(new, n, nc, &awaiting[1]));
            if a.0 == b.0 {
                continue;
            }
            let difference = match (a.1, b.1) {
                (Some(x), Some(y)) => y.checked_sub(x).map(signed),
                _ => None,
            };
            change.figures.push(FigureChange {
                row: new.rows[n].label().to_string(),
                column: new.columns[nc].header.clone(),
                old: a.0,
                new: b.0,
                difference,
            });
        }
    }
    change
}

/// Columns (old, new) holding the same figures: the same heading (with its header group); then,
/// between versions of the same year, the same key (a heading that was edited). Between two
/// years only headings pair: «Regnskap 2024» is last year's `regnskap` and this year's
/// `regnskap_fjor`.
fn pair_columns(old: &Table, new: &Table, same_year: bool) -> Vec<(usize, usize)> {
    let headings = |t: &Table| {
        let h: Vec<String> = t.columns.iter().map(|c| c.header.clone()).collect();
        let g: Vec<(String, usize)> =
            t.header_groups.iter().map(|g| (g.title.clone(), g.span)).collect();
        super::column_headings(&h, &g).iter().map(|h| super::key(h)).collect::<Vec<_>>()
    };
    let (oh, nh) = (headings(old), headings(new));
    let mut free: BTreeMap<&str, VecDeque<usize>> = BTreeMap::new();
    for (o, h) in oh.iter().enumerate().skip(1) {
        free.entry(h.as_str()).or_default().push_back(o);
    }
    let mut taken = vec![false; old.columns.len()];
    let mut paired = vec![false; new.columns.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (n, h) in nh.iter().enumerate().skip(1) {
        if let Some(o) = free.get_mut(h.as_str()).and_then(VecDeque::pop_front) {
            taken[o] = true;
            paired[n] = true;
            pairs.push((o, n));
        }
    }
    if same_year {
        let mut by_key: BTreeMap<&str, VecDeque<usize>> = BTreeMap::new();
        for (o, c) in old.columns.iter().enumerate().skip(1).filter(|(o, _)| !taken[*o]) {
            by_key.entry(c.key.as_str()).or_default().push_back(o);
        }
        for (n, c) in new.columns.iter().enumerate().skip(1).filter(|(n, _)| !paired[*n]) {
            if let Some(o) = by_key.get_mut(c.key.as_str()).and_then(VecDeque::pop_front) {
                pairs.push((o, n));
            }
        }
    }
    pairs.sort_by_key(|p| p.1);
    pairs
}

/// A cell as printed (`?` awaiting figures), and its value when it is a figure.
fn cell(
    t: &Table,
    row: usize,
    column: usize,
    awaiting: &BTreeSet<(usize, usize)>,
) -> (String, Option<rust_decimal::Decimal>) {
    let Some(c) = t.rows[row].cells.get(column) else { return (String::new(), None) };
    let kind = t.columns[column].kind;
    match c {
        Cell::Empty if awaiting.contains(&(row, column)) => (super::AWAITING.into(), None),
        Cell::Empty => (String::new(), None),
        Cell::NotAvailable => ("*".into(), None),
        other => (format::cell(other, kind), other.value(false)),
    }
}
