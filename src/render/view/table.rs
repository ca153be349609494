//! The render-ready view of a data table: decided once here, laid out by both renderers.
//!
//! Numbers and captions («Tabell 0.1 B»), the unit line («Tall i 1000 kr»), header groups that
//! span exactly the table's columns, each column's role and width hints, and every cell as it
//! prints (formatted by [`crate::format`], padded to the table's width).

use serde::Serialize;

use crate::format;
use crate::model::{Cell, ColumnKind, Inline, RowStyle, Table, TableKind};

/// How long a text cell may be before its column counts as prose (it gets room to wrap).
const PROSE_CHARS: usize = 30;

/// A data table, ready to lay out.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    /// The table id.
    pub id: String,
    /// The anchor for links (`tabell-0-1-b`).
    pub anchor: String,
    /// The printed number («0.1 B»), if numbered.
    pub number: Option<String>,
    /// «Tabell 0.1 B», if numbered.
    pub label: Option<String>,
    /// The caption as printed (without the label); made up when `caption_hidden`.
    pub caption: String,
    /// The table has neither a caption nor a number: `caption` is made up (from the first
    /// column header or row label), for screen readers only.
    pub caption_hidden: bool,
    /// The accessible name: «Tabell 0.1 B Brutto driftsutgifter», or the made-up caption.
    pub name: String,
    /// The unit as declared («1000 kr»).
    pub unit: Option<String>,
    /// The unit line as printed («Tall i 1000 kr»).
    pub unit_line: Option<String>,
    /// The declared kind.
    pub kind: TableKind,
    /// The columns, first (the row labels) included.
    pub columns: Vec<ColumnView>,
    /// Header groups above the column headers, spanning exactly the columns (empty: none).
    pub header_groups: Vec<HeaderGroupView>,
    /// The rows, each with one cell per column.
    pub rows: Vec<RowView>,
    /// Footnotes under the table.
    pub footnotes: Vec<Vec<Inline>>,
}

/// A header cell spanning `span` (≥ 1) columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderGroupView {
    /// Its text (may be empty).
    pub title: String,
    /// Columns spanned.
    pub span: usize,
}

/// What a column holds, for alignment and width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// The first column: the rows' labels (row headers).
    Label,
    /// Short text.
    Text,
    /// Text with a cell longer than 30 characters: gets room to wrap.
    Prose,
    /// Figures: right-aligned, natural width.
    Number,
    /// Identifiers that look like numbers: right-aligned, no grouping.
    Code,
}

/// A column.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    /// The key rules use.
    pub key: String,
    /// The header as printed.
    pub header: String,
    /// The declared cell type: `text`, `number` or `code`.
    pub kind: ColumnKind,
    /// Its role in layout.
    pub role: ColumnRole,
    /// The longest cell, in characters (group rows left out): a width hint.
    pub max_chars: usize,
    /// The average cell, in characters (group rows left out): a width hint.
    pub avg_chars: usize,
}

/// A row.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// Its role.
    pub style: RowStyle,
    /// One cell per column; the first is the row's label.
    pub cells: Vec<CellView>,
}

impl RowView {
    /// The row's label as printed.
    pub fn label(&self) -> &str {
        self.cells.first().map_or("", |c| c.text.as_str())
    }
}

/// A cell as printed.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The formatted text.
    pub text: String,
    /// A negative figure (printed with U+2212, coloured).
    pub negative: bool,
}

/// The view of one table.
pub fn table(t: &Table) -> TableView {
    let rows: Vec<RowView> = t.rows.iter().map(|r| row(t, r)).collect();
    let columns = t.columns.iter().enumerate().map(|(i, c)| column(t, &rows, i, c)).collect();
    let caption_hidden = t.caption.trim().is_empty() && t.number.is_none();
    let label = t.number.as_ref().map(|n| format!("Tabell {n}"));
    let caption = if caption_hidden { made_up_caption(t) } else { t.caption.clone() };
    let name = match &label {
        Some(l) if caption.trim().is_empty() => l.clone(),
        Some(l) => format!("{l} {caption}"),
        None => caption.clone(),
    };
    TableView {
        id: t.id.clone(),
        anchor: t.anchor.clone(),
        number: t.number.clone(),
        label,
        caption,
        caption_hidden,
        name,
        unit: t.unit.clone(),
        unit_line: t.unit.as_ref().map(|u| format!("Tall i {u}")),
        kind: t.kind,
        columns,
        header_groups: header_groups(t),
        rows,
        footnotes: t.footnotes.clone(),
    }
}

/// «Tabell: <first column header>», else «Tabell: <first row label>», else «Tabell».
fn made_up_caption(t: &Table) -> String {
    let header = t.columns.first().map(|c| c.header.trim()).unwrap_or_default();
    let label = t.rows.first().map(|r| r.label().trim()).unwrap_or_default();
    match (header, label) {
        ("", "") => "Tabell".to_string(),
        ("", label) => format!("Tabell: {label}"),
        (header, _) => format!("Tabell: {header}"),
    }
}

fn row(t: &Table, r: &crate::model::Row) -> RowView {
    let cells = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, col)| match r.cells.get(i) {
            // The label of a row is printed as text whatever its column's kind.
            Some(c) => {
                CellView { text: format::cell(c, col.kind), negative: format::is_negative(c) }
            }
            None => CellView { text: String::new(), negative: false },
        })
        .collect();
    RowView { style: r.style, cells }
}

fn column(t: &Table, rows: &[RowView], i: usize, c: &crate::model::Column) -> ColumnView {
    // Group rows' labels span the table: left out of the width hints.
    let lengths: Vec<usize> = rows
        .iter()
        .filter(|r| r.style != RowStyle::Group)
        .map(|r| r.cells.get(i).map_or(0, |c| c.text.chars().count()))
        .collect();
    let max_chars = lengths.iter().copied().max().unwrap_or(0);
    let avg_chars =
        if lengths.is_empty() { 0 } else { lengths.iter().sum::<usize>() / lengths.len() };
    let prose = t
        .rows
        .iter()
        .any(|r| matches!(r.cells.get(i), Some(Cell::Text(x)) if x.chars().count() > PROSE_CHARS));
    let role = match c.kind {
        _ if i == 0 => ColumnRole::Label,
        ColumnKind::Text if prose => ColumnRole::Prose,
        ColumnKind::Text => ColumnRole::Text,
        ColumnKind::Number => ColumnRole::Number,
        ColumnKind::Code => ColumnRole::Code,
    };
    ColumnView {
        key: c.key.clone(),
        header: c.header.clone(),
        kind: c.kind,
        role,
        max_chars,
        avg_chars,
    }
}

/// Header groups that span exactly the table's columns (Typst refuses a span beyond the last
/// column, and a browser draws one as a ragged edge): spans are cut at the last column, an
/// empty span is dropped, and a blank group fills up a short row.
pub fn header_groups(t: &Table) -> Vec<HeaderGroupView> {
    if t.header_groups.is_empty() {
        return Vec::new();
    }
    let columns = t.columns.len();
    let mut used = 0;
    let mut groups = Vec::new();
    for g in &t.header_groups {
        let span = g.span.min(columns - used);
        if span > 0 {
            groups.push(HeaderGroupView { title: g.title.clone(), span });
            used += span;
        }
    }
    if used < columns {
        groups.push(HeaderGroupView { title: String::new(), span: columns - used });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HeaderGroup;
    use crate::render::test_support::sample_site;

    fn sample(id: &str) -> Table {
        match sample_site().tables.into_iter().find(|t| t.id == id) {
            Some(t) => t,
            None => panic!("no table {id}"),
        }
    }

    #[test]
    fn header_groups_span_the_columns_exactly() {
        let mut t = sample("brutto-oversikt");
        assert_eq!(t.columns.len(), 6);
        t.header_groups = vec![
            HeaderGroup { title: "A".into(), span: 2 },
            HeaderGroup { title: "B".into(), span: 9 },
        ];
        let spans = |t: &Table| header_groups(t).iter().map(|g| g.span).collect::<Vec<_>>();
        assert_eq!(spans(&t), [2, 4]);
        t.header_groups.truncate(1);
        assert_eq!(spans(&t), [2, 4]);
        t.header_groups = vec![HeaderGroup { title: "A".into(), span: 0 }];
        assert_eq!(spans(&t), [6]);
    }

    #[test]
    fn labels_units_and_names_are_decided_here() {
        let v = table(&sample("brutto-oversikt"));
        assert_eq!(v.label.as_deref(), Some("Tabell 0.1"));
        assert_eq!(v.unit_line.as_deref(), Some("Tall i 1000 kr"));
        assert!(v.name.starts_with("Tabell 0.1 "), "{}", v.name);
        assert_eq!(v.columns[0].role, ColumnRole::Label);
        assert_eq!(v.columns[1].role, ColumnRole::Number);
        assert!(v.rows.iter().all(|r| r.cells.len() == v.columns.len()));
        let sum = v.rows.last().expect("a sum row");
        assert_eq!(sum.style, RowStyle::Sum);
        assert_eq!(sum.cells[4].text, "1\u{a0}714\u{a0}058");
        assert!(sum.cells[5].negative);
    }

    #[test]
    fn a_table_without_caption_or_number_gets_a_hidden_name() {
        let mut t = sample("brutto-oversikt");
        t.caption = " ".into();
        t.number = None;
        let v = table(&t);
        assert!(v.caption_hidden);
        assert_eq!(v.name, format!("Tabell: {}", t.columns[0].header.trim()));
    }
}
