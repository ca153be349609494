//! A `table:` block: its CSV file as typed cells, its columns by kind, and its rules.

mod columns;
mod rules;

use crate::cycle::AWAITING;
use crate::diag::{Code, Diagnostic};
use crate::load::csv::{RawCsv, RawRecord};
use crate::load::number;
use crate::load::schema::{HeaderGroupSource, TableSource};
use crate::load::slug;
use crate::load::spec::TableSpec;
use crate::model::{Cell, Column, ColumnKind, HeaderGroup, Row, RowStyle, Table, TableKind};
use crate::source::{FileId, Span};
use crate::tr;

use super::Lowerer;
use crate::load::read::Spanned;
use crate::load::schema::TableNumbers;

impl Lowerer<'_> {
    /// Lowers a `table:` block; returns the table's index in the report.
    pub(super) fn table(&mut self, t: &TableSource) -> Option<usize> {
        let id = t.id.as_ref()?;
        let id_text = id.value.trim().to_string();
        if !self.claim_id(&id_text, &id.span) {
            return None;
        }
        let file = t.file.as_ref()?;
        let (file_id, raw) = self.files.table(t)?;
        let (file_id, raw) = (*file_id, raw.clone());
        let kind = t.kind.as_ref().map_or(TableKind::Generic, |k| k.value);
        let kind_span = t.kind.as_ref().map_or(t.span.clone(), |k| k.span.clone());
        let columns = self.columns(t, kind, &raw, file_id, &file.value);
        let groups = t.header_groups.clone().or_else(|| workbook_groups(&raw));
        let header_groups = self.header_groups(&groups, columns.len(), &t.span);
        let rows = self.rows(&raw, &columns, &id_text);
        let mut spec = TableSpec {
            index: self.tables.len(),
            span: t.span.clone(),
            header_spans: raw.header.iter().map(|h| h.span.clone()).collect(),
            kostra: kind == TableKind::Kostra,
            ..TableSpec::default()
        };
        spec.awaiting = awaiting(&raw);
        spec.previous = t.previous.clone();
        self.preset_rules(&mut spec, kind, &kind_span, &rows);
        self.declared_rules(&mut spec, t);
        let number = self.next_table_number(t.number.as_ref());
        let caption = t.caption.as_ref().map(|c| self.plain(c)).unwrap_or_default();
        for h in &raw.header {
            self.printable_cell(&h.text, &h.span);
        }
        let unit = self.unit_of(t, kind);
        let footnotes = t.footnotes.iter().map(|f| self.inline(f)).collect();
        let anchor = match &number {
            Some(n) => format!("tabell-{}", slug(n)),
            None => format!("tabell-{}", slug(&id_text)),
        };
        self.tables.push(Table {
            id: id_text,
            number,
            anchor,
            caption,
            unit,
            kind,
            columns,
            header_groups,
            rows,
            footnotes,
            source: file.value.clone(),
        });
        self.specs.push(spec);
        let index = self.tables.len() - 1;
        self.indicators(t, index);
        Some(index)
    }

    /// The unit line: as declared (`none` for none), else the report's unit for money tables.
    fn unit_of(&self, t: &TableSource, kind: TableKind) -> Option<String> {
        match t.unit.as_ref().map(|u| u.value.trim()) {
            Some("none") => None,
            Some(u) => Some(u.to_string()),
            None => matches!(
                kind,
                TableKind::Kostra
                    | TableKind::Overview
                    | TableKind::Investment
                    | TableKind::InvestmentCategories
            )
            .then(|| self.unit.clone()),
        }
    }

    /// The table's number: as written, else the next in the chapter (with `table_numbers: auto`).
    fn next_table_number(&mut self, explicit: Option<&Spanned<String>>) -> Option<String> {
        if let Some(n) = explicit {
            return Some(n.value.trim().to_string());
        }
        if self.table_numbers != TableNumbers::Auto {
            return None;
        }
        let chapter = self.chapter_number.clone()?;
        self.chapter_table_count += 1;
        Some(format!("{chapter}.{}", self.chapter_table_count))
    }

    fn header_groups(
        &mut self,
        groups: &Option<Spanned<Vec<HeaderGroupSource>>>,
        ncols: usize,
        table_span: &Span,
    ) -> Vec<HeaderGroup> {
        let Some(groups) = groups else { return Vec::new() };
        let mut out = Vec::new();
        for g in &groups.value {
            let span = match &g.columns {
                Some(s) if s.value == 0 => {
                    self.push(
                        Diagnostic::error(Code::TableShape, tr!(low_a_header_group_spans_at))
                            .at(s.span.clone())
                            .with_label(tr!(low_columns)),
                    );
                    continue;
                }
                Some(s) => s.value,
                None => 1,
            };
            let title = g.title.as_ref().map(|t| self.plain(t)).unwrap_or_default();
            out.push(HeaderGroup { title, span });
        }
        let total = out.iter().try_fold(0usize, |a, g| a.checked_add(g.span));
        if total != Some(ncols) {
            let at = if groups.value.is_empty() { table_span.clone() } else { groups.span.clone() };
            self.push(
                Diagnostic::error(
                    Code::TableShape,
                    tr!(
                        low_the_header_groups_span_columns,
                        spanned = total.map_or("too many".to_string(), |t| t.to_string()),
                        ncols = ncols
                    ),
                )
                .at(at),
            );
        }
        out
    }

    fn rows(&mut self, raw: &RawCsv, columns: &[Column], table: &str) -> Vec<Row> {
        raw.rows.iter().map(|record| self.row(record, columns, table)).collect()
    }

    fn row(&mut self, record: &RawRecord, columns: &[Column], table: &str) -> Row {
        let ncols = columns.len();
        if record.fields.len() != ncols {
            let extra = record.fields.len() > ncols;
            let at = if extra { record.fields[ncols].span.clone() } else { record.span.clone() };
            self.push(
                Diagnostic::error(
                    Code::TableShape,
                    tr!(
                        low_this_row_has_cells_the,
                        fields_len = record.fields.len(),
                        ncols = ncols
                    ),
                )
                .at(at)
                .with_label(if extra { tr!(fix_extra_cells) } else { tr!(fix_cells_missing) })
                .with_hint(tr!(low_every_row_needs_one_cell)),
            );
        }
        let label = record.fields.first().map_or("", |f| f.text.trim());
        let cells: Vec<Cell> = columns
            .iter()
            .enumerate()
            .map(|(i, col)| match record.fields.get(i) {
                None => Cell::Empty,
                Some(field) => self.cell(field.text.trim(), &field.span, col, table, label),
            })
            .collect();
        // A row whose cells all await figures (`?`) is an ordinary row still to be filled in.
        let awaits = record.fields.iter().skip(1).any(|f| f.text.trim() == AWAITING);
        let group = ncols > 1
            && !awaits
            && matches!(cells.first(), Some(Cell::Text(_)))
            && cells[1..].iter().all(|c| matches!(c, Cell::Empty));
        Row {
            cells,
            style: if group { RowStyle::Group } else { RowStyle::Normal },
            span: record.span.clone(),
            cell_spans: record.fields.iter().map(|f| f.span.clone()).collect(),
            malformed: record.fields.len() != ncols,
        }
    }

    fn cell(&mut self, text: &str, span: &Span, col: &Column, table: &str, label: &str) -> Cell {
        self.printable_cell(text, span);
        if text == AWAITING {
            return Cell::Empty;
        }
        match col.kind {
            ColumnKind::Text | ColumnKind::Code if text.is_empty() => Cell::Empty,
            ColumnKind::Text | ColumnKind::Code => Cell::Text(text.to_string()),
            ColumnKind::Number => match number::parse_cell(text) {
                Ok(c) => c,
                Err(e) => {
                    let mut d = Diagnostic::error(Code::CellFormat, e.0.clone())
                        .at(span.clone())
                        .with_label(e.label())
                        .with_hint(tr!(low_write_figures_as_or_for));
                    d.table = Some(table.to_string());
                    d.row = Some(label.to_string());
                    d.column = Some(col.key.clone());
                    self.push(d);
                    Cell::Text(text.to_string())
                }
            },
        }
    }
}

/// Header groups from cells merged over a workbook table's headings (when the YAML declares none).
fn workbook_groups(raw: &RawCsv) -> Option<Spanned<Vec<HeaderGroupSource>>> {
    let first = raw.groups.first()?;
    let groups = raw
        .groups
        .iter()
        .map(|g| HeaderGroupSource {
            title: (!g.title.text.trim().is_empty())
                .then(|| Spanned::new(g.title.text.trim().to_string(), g.title.span.clone())),
            columns: Some(Spanned::new(g.columns, g.title.span.clone())),
            span: g.title.span.clone(),
        })
        .collect();
    Some(Spanned::new(groups, first.title.span.clone()))
}

/// The place of a table's header line (for table-wide problems).
fn header_span(raw: &RawCsv, file: FileId) -> Span {
    raw.header.first().map_or(Span::new(file, 0..0), |h| h.span.clone())
}

/// Captions that name one table each: an unnumbered table whose caption another unnumbered
/// table shares (the five «Resultatindikatorer FO2A» of one section) is told apart by its first
/// row's label («Resultatindikatorer FO2A – Dekningsgrad 1-5 åringer»), and « (2)», « (3)» …
/// when that is shared too. A numbered table is named by its number. Decided here once, so the
/// PDF, the site and its accessible names agree.
pub(super) fn distinct_captions(tables: &mut [Table]) {
    use std::collections::BTreeMap;
    let key = |t: &Table| t.caption.trim().to_lowercase();
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for t in tables.iter().filter(|t| t.number.is_none() && !t.caption.trim().is_empty()) {
        *count.entry(key(t)).or_insert(0) += 1;
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for t in tables.iter_mut().filter(|t| t.number.is_none() && !t.caption.trim().is_empty()) {
        if count.get(&key(t)).copied().unwrap_or(0) < 2 {
            continue;
        }
        let first = t
            .rows
            .iter()
            .find(|r| r.style != crate::model::RowStyle::Group)
            .map(|r| r.label().trim().to_string())
            .unwrap_or_default();
        let base = t.caption.trim().trim_end_matches(['.', ':']).to_string();
        let named = if first.is_empty() { base } else { format!("{base} – {first}") };
        let n = seen.entry(named.to_lowercase()).or_insert(0);
        *n += 1;
        t.caption = if *n == 1 { named } else { format!("{named} ({n})") };
    }
}

/// The cells written `?` (not in the label column): (row, column).
fn awaiting(raw: &RawCsv) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (r, record) in raw.rows.iter().enumerate() {
        for (c, field) in record.fields.iter().enumerate().skip(1) {
            if field.text.trim() == AWAITING {
                out.push((r, c));
            }
        }
    }
    out
}
