//! The data behind the report: every table's checked figures as files a journalist or analyst
//! can open, written beside the site under `data/`.
//!
//! - `data/<anchor>.csv`: the table as Norwegian Excel reads it (see [`csv`]);
//! - `data/<anchor>.json`: the table as a JSON-stat 2 dataset, the format Statistics Norway
//!   publishes (see [`jsonstat`]);
//! - `data/index.json`: a JSON-stat 2 collection linking every dataset.
//!
//! Everything comes from the checked [`Report`]: the figures are the table's exact decimals
//! (never floats), so what is downloaded is what `check` verified.

pub mod csv;
pub mod jsonstat;

use serde::Serialize;

use crate::model::{Inline, Report, Table};

use super::SiteFile;

/// Where a table's files are, relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataLinks {
    /// `data/tabell-0-1-b.csv`
    pub csv: String,
    /// `data/tabell-0-1-b.json`
    pub json: String,
}

/// The index of all datasets, relative to the site root.
pub const INDEX: &str = "data/index.json";

/// The files of the table with this anchor.
pub fn links(anchor: &str) -> DataLinks {
    DataLinks { csv: format!("data/{anchor}.csv"), json: format!("data/{anchor}.json") }
}

/// «Tabell 0.1 B Netto driftsutgifter», or the caption alone, or the table id.
pub fn title(table: &Table) -> String {
    let caption = table.caption.trim();
    match (&table.number, caption) {
        (Some(n), "") => format!("Tabell {n}"),
        (Some(n), c) => format!("Tabell {n} {c}"),
        (None, "") => format!("Tabell {}", table.id),
        (None, c) => c.to_string(),
    }
}

/// Every table's CSV and JSON-stat file, and the index.
pub fn render(report: &Report) -> Vec<SiteFile> {
    let mut out = Vec::with_capacity(report.tables.len() * 2 + 1);
    for table in &report.tables {
        let links = links(&table.anchor);
        out.push(SiteFile { path: links.csv, bytes: csv::table(table) });
        out.push(SiteFile {
            path: links.json,
            bytes: jsonstat::dataset(report, table).into_bytes(),
        });
    }
    out.push(SiteFile { path: INDEX.into(), bytes: jsonstat::collection(report).into_bytes() });
    out
}

/// The plain text of inline markup (footnotes of a table, as dataset notes).
pub(crate) fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. }
            | Inline::Footnote { content } => out.push_str(&plain(content)),
            Inline::LineBreak => out.push(' '),
        }
    }
    out
}
