//! A table as a JSON-stat 2 dataset (<https://json-stat.org/full/>), the format Statistics
//! Norway (SSB) publishes, and the collection linking all of a report's datasets.
//!
//! A dataset has two dimensions: the rows (`funksjon`, «KOSTRA-funksjon», with the function
//! codes as category ids, when the table is a KOSTRA table; else `rad`, named by the first
//! column's header, with the row's position as id) and the figure columns (`ContentsCode`,
//! «statistikkvariabel», the metric role as in SSB's tables, with each column's unit and
//! decimals). Group rows (a label, no figures) are left out; text and code columns other
//! than the row label are kept in `extension.tekst`, by column. `value` runs row by row; a
//! dash (zero) is `0`, an empty cell `null`, a «not available» cell `null` with status `*`,
//! a text in a figure column («<30») `null` with that text as its status.
//!
//! Figures are written as JSON numbers from their exact decimal text (`1714058`, `89.4`,
//! `-50136`), never through a float.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::kostra;
use crate::model::{Cell, ColumnKind, Report, RowStyle, Table, TableKind};

use super::csv::{group_titles, plain};

const METRIC: &str = "ContentsCode";

#[derive(Serialize)]
struct Dataset {
    version: &'static str,
    class: &'static str,
    label: String,
    source: String,
    updated: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    note: Vec<String>,
    id: Vec<&'static str>,
    size: [usize; 2],
    role: BTreeMap<&'static str, Vec<&'static str>>,
    dimension: BTreeMap<&'static str, Dimension>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    status: BTreeMap<usize, String>,
    extension: Extension,
    /// A placeholder replaced by the exact figures (see [`dataset`]); it must stay last.
    value: &'static str,
}

#[derive(Serialize)]
struct Extension {
    /// «0.1 B», if numbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    tabell: Option<String>,
    /// The table's unit line («1000 kr»).
    #[serde(skip_serializing_if = "Option::is_none")]
    enhet: Option<String>,
    /// Text and code columns by header: one entry per row of the row dimension.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    tekst: BTreeMap<String, Vec<String>>,
}

#[derive(Serialize)]
struct Dimension {
    label: String,
    category: Category,
}

#[derive(Serialize)]
struct Category {
    index: Vec<String>,
    label: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<BTreeMap<String, Unit>>,
}

#[derive(Serialize)]
struct Unit {
    label: String,
    decimals: u32,
}

const PLACEHOLDER: &str = "\"value\":\"\"";

/// The JSON-stat 2 dataset of a table.
pub fn dataset(report: &Report, table: &Table) -> String {
    let rows: Vec<_> = table.rows.iter().filter(|r| r.style != RowStyle::Group).collect();
    let metrics: Vec<usize> =
        (1..table.columns.len()).filter(|&i| table.columns[i].kind == ColumnKind::Number).collect();
    let kostra = table.kind == TableKind::Kostra;
    let row_ids = row_ids(&rows.iter().map(|r| r.label()).collect::<Vec<_>>(), kostra);
    let row_dimension = Dimension {
        label: if kostra {
            "KOSTRA-funksjon".into()
        } else {
            table
                .columns
                .first()
                .map(|c| c.header.trim())
                .filter(|h| !h.is_empty())
                .unwrap_or("Rad")
                .into()
        },
        category: Category {
            label: row_ids
                .iter()
                .zip(&rows)
                .map(|(id, r)| (id.clone(), r.label().to_string()))
                .collect(),
            index: row_ids,
            unit: None,
        },
    };
    let groups = group_titles(table);
    let metric_ids: Vec<String> = metrics.iter().map(|&i| table.columns[i].key.clone()).collect();
    let metric_dimension = Dimension {
        label: "statistikkvariabel".into(),
        category: Category {
            index: metric_ids.clone(),
            label: metrics
                .iter()
                .map(|&i| {
                    let header = table.columns[i].header.trim();
                    let label = match groups[i].trim() {
                        "" => header.to_string(),
                        group => format!("{group} – {header}"),
                    };
                    (table.columns[i].key.clone(), label)
                })
                .collect(),
            unit: Some(
                metrics.iter().map(|&i| (table.columns[i].key.clone(), unit(table, i))).collect(),
            ),
        },
    };
    let mut values = Vec::with_capacity(rows.len() * metrics.len());
    let mut status = BTreeMap::new();
    for row in &rows {
        for &i in &metrics {
            values.push(match row.cells.get(i) {
                Some(Cell::Number(n)) => plain(n),
                Some(Cell::Dash) => "0".into(),
                Some(Cell::NotAvailable) => {
                    status.insert(values.len(), "*".to_string());
                    "null".into()
                }
                Some(Cell::Text(text)) if !text.trim().is_empty() => {
                    status.insert(values.len(), text.trim().to_string());
                    "null".into()
                }
                _ => "null".into(),
            });
        }
    }
    let mut tekst = BTreeMap::new();
    for (i, column) in table.columns.iter().enumerate().skip(1) {
        if column.kind != ColumnKind::Number {
            let cells = rows
                .iter()
                .map(|r| {
                    r.cells.get(i).map_or(String::new(), |c| crate::format::cell(c, column.kind))
                })
                .collect();
            tekst.insert(column.header.trim().to_string(), cells);
        }
    }
    let row_id = if kostra { "funksjon" } else { "rad" };
    let dataset = Dataset {
        version: "2.0",
        class: "dataset",
        label: super::title(table),
        source: format!("{}, {}", report.meta.organisation, report.meta.district),
        updated: iso_date(report),
        note: table.footnotes.iter().map(|f| super::plain(f)).collect(),
        id: vec![row_id, METRIC],
        size: [rows.len(), metrics.len()],
        role: BTreeMap::from([("metric", vec![METRIC])]),
        dimension: BTreeMap::from([(row_id, row_dimension), (METRIC, metric_dimension)]),
        status,
        extension: Extension { tabell: table.number.clone(), enhet: table.unit.clone(), tekst },
        value: "",
    };
    let json = serde_json::to_string(&dataset).unwrap_or_else(|_| "{}".into());
    // `value` is the last field and its placeholder cannot occur in an escaped string.
    match json.rfind(PLACEHOLDER) {
        Some(at) => format!(
            "{}\"value\":[{}]{}",
            &json[..at],
            values.join(","),
            &json[at + PLACEHOLDER.len()..]
        ),
        None => json,
    }
}

/// Row ids: in a KOSTRA table the function code a label starts with (`201`), else `sum` for
/// a sum row, else `rad-<position>`; in other tables the row's position from 1. Unique: a
/// taken id gets `-2`, `-3` ….
fn row_ids(labels: &[&str], kostra: bool) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    let mut ids = Vec::with_capacity(labels.len());
    for (n, label) in labels.iter().enumerate() {
        let code = kostra
            .then(|| kostra::parse_label(label).ok())
            .flatten()
            .map(|(code, _)| format!("{code:03}"))
            .filter(|c| !taken.contains(c));
        let id = code.unwrap_or_else(|| {
            let base = match label.trim().to_lowercase() {
                l if kostra && l.starts_with("sum") => "sum".to_string(),
                _ if kostra => format!("rad-{}", n + 1),
                _ => format!("{}", n + 1),
            };
            let (mut id, mut k) = (base.clone(), 1);
            while taken.contains(&id) {
                k += 1;
                id = format!("{base}-{k}");
            }
            id
        });
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

/// A figure column's unit: «prosent» for percentages, else the table's unit («1000 kr»), else
/// «antall»; decimals as printed (the most in the column).
fn unit(table: &Table, column: usize) -> Unit {
    let numbers = table.rows.iter().filter_map(|r| match r.cells.get(column) {
        Some(Cell::Number(n)) => Some(n),
        _ => None,
    });
    let (mut percent, mut decimals) = (false, 0);
    for n in numbers {
        percent |= n.percent;
        decimals = decimals.max(n.scale);
    }
    let label = if percent {
        "prosent".to_string()
    } else {
        table.unit.clone().unwrap_or_else(|| "antall".into())
    };
    Unit { label, decimals }
}

fn iso_date(report: &Report) -> String {
    let d = report.meta.date;
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

#[derive(Serialize)]
struct Collection {
    version: &'static str,
    class: &'static str,
    label: String,
    updated: String,
    link: BTreeMap<&'static str, Vec<Item>>,
}

#[derive(Serialize)]
struct Item {
    class: &'static str,
    href: String,
    label: String,
    extension: BTreeMap<&'static str, String>,
}

/// The JSON-stat 2 collection of all datasets (`data/index.json`); links are relative to it.
pub fn collection(report: &Report) -> String {
    let items = report
        .tables
        .iter()
        .map(|t| {
            let links = super::links(&t.anchor);
            Item {
                class: "dataset",
                href: links.json.trim_start_matches("data/").to_string(),
                label: super::title(t),
                extension: BTreeMap::from([(
                    "csv",
                    links.csv.trim_start_matches("data/").to_string(),
                )]),
            }
        })
        .collect();
    let collection = Collection {
        version: "2.0",
        class: "collection",
        label: format!("Tallgrunnlaget for {}, {}", report.meta.title, report.meta.district),
        updated: iso_date(report),
        link: BTreeMap::from([("item", items)]),
    };
    serde_json::to_string(&collection).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_ids_are_kostra_codes_and_unique() {
        assert_eq!(
            row_ids(&["201 Barnehage", "211 Styrket", "Sum", "201 Igjen", "Sum"], true),
            ["201", "211", "sum", "rad-4", "sum-2"]
        );
        assert_eq!(row_ids(&["A", "B"], false), ["1", "2"]);
    }
}
