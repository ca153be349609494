//! The render-ready view of a chart: its categories, series and figures taken from its table
//! (formatted as the table prints them), the generated alternative text, and the SVG drawn once
//! for both outputs.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::format;
use crate::model::{Cell, Chart, ChartKind, ColumnKind, SeriesIn, Table};

use super::palette::Palette;
use super::svg;

/// A chart, ready to place.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// Its anchor (`diagram-1`).
    pub anchor: String,
    /// Bar, grouped bar or line.
    pub kind: ChartKind,
    /// «Søylediagram», «Gruppert søylediagram», «Linjediagram».
    pub kind_name: &'static str,
    /// The caption above the chart.
    pub caption: String,
    /// The unit line («Tall i 1000 kr»), if the table has a unit.
    pub unit_line: Option<String>,
    /// The table the figures are from: its anchor and accessible name («Tabell 0.1 B …»).
    pub table_anchor: String,
    /// The name of the table the figures are from.
    pub table_name: String,
    /// The header of the categories (the table's label column header, or «»).
    pub category_header: String,
    /// The categories (x axis for lines, one band of bars each for bars).
    pub categories: Vec<String>,
    /// The series.
    pub series: Vec<SeriesView>,
    /// Alternative text: as written, else generated from the figures.
    pub alt: String,
    /// The chart as an SVG document (text in the report's font, deterministic), 640 wide.
    pub svg: String,
    /// The same chart for narrow screens, 360 wide, labels above the bars.
    pub svg_narrow: String,
}

/// One series of a chart.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesView {
    /// Its name (the column header, or the row label).
    pub name: String,
    /// Its figures as printed in the table, one per category.
    pub texts: Vec<String>,
    /// Its figures (a dash is zero), one per category.
    #[serde(skip)]
    pub values: Vec<Decimal>,
}

/// The view of a chart of `table`, numbered `n` (from 1) in the report; `None` when its table
/// is unknown (reported by `check`) or its figures are too large to draw exactly.
pub fn chart(c: &Chart, table: &Table, n: usize, palette: &Palette) -> Option<ChartView> {
    let cell = |r: usize, col: usize| {
        let cell = table.rows.get(r)?.cells.get(col).unwrap_or(&Cell::Empty);
        let kind = table.columns.get(col).map_or(ColumnKind::Number, |c| c.kind);
        Some((
            cell.value(false)?,
            format::cell(cell, kind),
            matches!(cell, Cell::Number(x) if x.percent),
        ))
    };
    let row_label =
        |r: usize| table.rows.get(r).map_or(String::new(), |r| r.label().trim().to_string());
    let column_header =
        |c: usize| table.columns.get(c).map_or(String::new(), |c| c.header.trim().to_string());
    let (categories, names): (Vec<String>, Vec<String>) = match c.series {
        SeriesIn::Columns => (
            c.rows.iter().map(|&r| row_label(r)).collect(),
            c.columns.iter().map(|&k| column_header(k)).collect(),
        ),
        SeriesIn::Rows => (
            c.columns.iter().map(|&k| column_header(k)).collect(),
            c.rows.iter().map(|&r| row_label(r)).collect(),
        ),
    };
    let mut percent = false;
    let mut series = Vec::with_capacity(names.len());
    for (s, name) in names.into_iter().enumerate() {
        let mut values = Vec::with_capacity(categories.len());
        let mut texts = Vec::with_capacity(categories.len());
        for k in 0..categories.len() {
            let (r, col) = match c.series {
                SeriesIn::Columns => (c.rows[k], c.columns[s]),
                SeriesIn::Rows => (c.rows[s], c.columns[k]),
            };
            let (value, text, is_percent) = cell(r, col)?;
            percent |= is_percent;
            values.push(value);
            texts.push(text);
        }
        series.push(SeriesView { name, texts, values });
    }
    let unit_line = table.unit.as_ref().map(|u| format!("Tall i {u}"));
    let mut view = ChartView {
        anchor: format!("diagram-{n}"),
        kind: c.kind,
        kind_name: kind_name(c.kind),
        caption: c.caption.clone(),
        unit_line,
        table_anchor: table.anchor.clone(),
        table_name: super::table::table(table).name,
        category_header: match c.series {
            SeriesIn::Columns => column_header(0),
            SeriesIn::Rows => String::new(),
        },
        categories,
        series,
        alt: String::new(),
        svg: String::new(),
        svg_narrow: String::new(),
    };
    view.alt = c.alt.clone().unwrap_or_else(|| alt_text(&view));
    view.svg = svg::draw(&view, percent, palette, svg::Layout::Wide)?;
    view.svg_narrow = svg::draw(&view, percent, palette, svg::Layout::Narrow)?;
    Some(view)
}

fn kind_name(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bar => "Søylediagram",
        ChartKind::GroupedBar => "Gruppert søylediagram",
        ChartKind::Line => "Linjediagram",
    }
}

/// «Søylediagram: Brutto driftsutgifter, tall i 1000 kr. Administrasjon: 45 000; Oppvekst: …»;
/// a line chart reads series by series, bars category by category.
pub fn alt_text(v: &ChartView) -> String {
    let mut out = format!("{}: {}", v.kind_name, v.caption.trim());
    if let Some(unit) = &v.unit_line {
        out.push_str(&format!(", {}", lower_first(unit)));
    }
    out.push('.');
    let one = v.series.len() == 1;
    let parts: Vec<String> = if v.kind == ChartKind::Line {
        v.series
            .iter()
            .map(|s| {
                let points: Vec<String> =
                    v.categories.iter().zip(&s.texts).map(|(c, t)| format!("{c} {t}")).collect();
                format!("{}: {}", s.name, points.join(", "))
            })
            .collect()
    } else {
        v.categories
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let figures: Vec<String> = v
                    .series
                    .iter()
                    .map(|s| {
                        let t = s.texts.get(k).map_or("", String::as_str);
                        if one { t.to_string() } else { format!("{} {t}", lower_first(&s.name)) }
                    })
                    .collect();
                format!("{c}: {}", figures.join(", "))
            })
            .collect()
    };
    for p in parts {
        out.push(' ');
        out.push_str(&p);
        out.push('.');
    }
    out
}

/// «Tall i 1000 kr» → «tall i 1000 kr»; «Regnskap» → «regnskap»; an acronym («KOSTRA») stays.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}
