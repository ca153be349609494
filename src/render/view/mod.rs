//! The render-ready view of a report, decided once after `check` and read by both renderers.
//!
//! Everything both outputs print the same is decided here: table labels («Tabell 0.1 B»),
//! captions and accessible names, unit lines («Tall i 1000 kr»), header groups spanning exactly
//! the columns, column roles and width hints, every cell formatted by [`crate::format`], and
//! charts (their figures, alternative text and SVG). The PDF renderer serialises this view for
//! the Typst templates, which only lay it out; the HTML renderer hands it to the Tera templates,
//! adding only markup-specific things (ids, CSS classes, inline HTML). See docs/pdf.md and
//! docs/html.md.

mod chart;
mod palette;
mod svg;
mod table;
mod text;
mod ticks;

pub use chart::{ChartView, SeriesView, alt_text};
pub use palette::Palette;
pub use table::{CellView, ColumnRole, ColumnView, HeaderGroupView, RowView, TableView};
pub use text::{TextRun, runs as text_runs};

use crate::model::Report;

/// The view of a whole report.
#[derive(Debug, Clone)]
pub struct ReportView {
    /// One per [`Report::tables`], in the same order.
    pub tables: Vec<TableView>,
    /// One per [`Report::charts`], in the same order; `None` for a chart that cannot be drawn
    /// (its table unknown — `check` reports it — or figures too large for exact placement).
    pub charts: Vec<Option<ChartView>>,
}

impl ReportView {
    /// Builds the view of a checked report, charts in the report's theme (`theme:`).
    pub fn new(report: &Report) -> Self {
        Self::with_palette(report, &Palette::from_theme(&report.meta.theme))
    }

    /// Builds the view of a checked report, charts in `palette`.
    pub fn with_palette(report: &Report, palette: &Palette) -> Self {
        ReportView {
            tables: report.tables.iter().map(table::table).collect(),
            charts: report
                .charts
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let t = report.tables.get(c.table?)?;
                    chart::chart(c, t, i + 1, palette)
                })
                .collect(),
        }
    }

    /// The view of table `index`.
    pub fn table(&self, index: usize) -> Option<&TableView> {
        self.tables.get(index)
    }

    /// The view of chart `index`, if it can be drawn.
    pub fn chart(&self, index: usize) -> Option<&ChartView> {
        self.charts.get(index).and_then(Option::as_ref)
    }
}
