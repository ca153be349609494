//! Test-only builders: small tables from CSV text, rules, and a report around them.
//!
//! Tables are built the way the loader types them (the first column text, figures read with
//! [`crate::load::number::parse_cell`], an unreadable figure kept as [`Cell::Text`], a row with
//! only a label a group row, a row with the wrong number of cells malformed), with spans into
//! the CSV text as file 0, so tests can pin the cell a finding points at.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic};
use crate::load::spec::{
    Acknowledgement, DerivedRule, LinkRows, LinkRule, Relation, RowRef, SumOf, SumRule, TableSpec,
    TotalRule,
};
use crate::model::{Cell, Column, ColumnKind, Date, Meta, Report, Row, RowStyle, Table, TableKind};
use crate::source::Span;

use super::Validation;

/// A table `id` from `csv` (`;`-separated, first line the header). `columns` names the keys,
/// `;`-separated, with `:text` or `:code` for a non-figure column: `"funksjon;regnskap;avvik"`.
/// Spans point into `csv` as file `file`.
pub fn table_in(file: usize, id: &str, columns: &str, csv: &str) -> Table {
    let columns: Vec<Column> = columns
        .split(';')
        .enumerate()
        .map(|(i, c)| {
            let (key, kind) = match c.split_once(':') {
                Some((k, "text")) => (k, ColumnKind::Text),
                Some((k, "code")) => (k, ColumnKind::Code),
                Some((k, other)) => panic!("unknown column type {other} for {k}"),
                None if i == 0 => (c, ColumnKind::Text),
                None => (c, ColumnKind::Number),
            };
            Column { key: key.to_string(), header: key.to_string(), kind }
        })
        .collect();
    let mut offset = 0;
    let mut rows = Vec::new();
    for (n, line) in csv.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let text = line.trim_end_matches(['\n', '\r']);
        if n == 0 || text.trim().is_empty() {
            continue;
        }
        let mut fields = Vec::new();
        let mut at = start;
        for f in text.split(';') {
            fields.push((f.trim(), Span::new(file, at..at + f.len())));
            at += f.len() + 1;
        }
        let cells: Vec<Cell> = columns
            .iter()
            .enumerate()
            .map(|(i, col)| match fields.get(i) {
                None => Cell::Empty,
                Some(("", _)) => Cell::Empty,
                Some((t, _)) if col.kind != ColumnKind::Number || i == 0 => {
                    Cell::Text(t.to_string())
                }
                Some((t, _)) => {
                    crate::load::number::parse_cell(t).unwrap_or_else(|_| Cell::Text(t.to_string()))
                }
            })
            .collect();
        let style = if cells.len() > 1
            && matches!(cells[0], Cell::Text(_))
            && cells[1..].iter().all(|c| *c == Cell::Empty)
        {
            RowStyle::Group
        } else {
            RowStyle::Normal
        };
        rows.push(Row {
            malformed: fields.len() != columns.len(),
            cells,
            style,
            span: Span::new(file, start..start + text.len()),
            cell_spans: fields.into_iter().map(|(_, s)| s).collect(),
        });
    }
    Table {
        id: id.to_string(),
        number: None,
        anchor: format!("tabell-{id}"),
        caption: id.to_string(),
        unit: Some("1000 kr".into()),
        kind: TableKind::Generic,
        columns,
        header_groups: Vec::new(),
        rows,
        footnotes: Vec::new(),
        source: format!("{id}.csv"),
    }
}

/// [`table_in`] file 0.
pub fn table(id: &str, columns: &str, csv: &str) -> Table {
    table_in(0, id, columns, csv)
}

/// A report of `year` holding `tables`.
pub fn report(tables: Vec<Table>) -> Report {
    Report {
        meta: Meta {
            title: "Årsberetning 2024".into(),
            subtitle: None,
            district: "Bydel Test".into(),
            organisation: "Oslo kommune".into(),
            year: 2024,
            language: "nb".into(),
            unit: "1000 kr".into(),
            date: Date { year: 2025, month: 3, day: 1 },
            running_header: String::new(),
            output_name: "test".into(),
            templates: None,
            keywords: Vec::new(),
            region: None,
            theme: Default::default(),
        },
        chapters: Vec::new(),
        tables,
        facts: BTreeMap::new(),
        charts: Vec::new(),
        strategy: Default::default(),
    }
}

/// The span of `text` in the rule file (file 1, see [`RULES`]).
pub fn rule_span(text: &str) -> Span {
    let start = RULES.find(text).unwrap_or_else(|| panic!("«{text}» is not in RULES"));
    Span::new(1, start..start + text.len())
}

/// A stand-in for the YAML file the rules are declared in; spans of rules point into it.
pub const RULES: &str = "rules: derived sums links totals acknowledge kind";

/// An empty spec for table `index`.
pub fn spec(index: usize) -> TableSpec {
    TableSpec { index, ..TableSpec::default() }
}

/// `target = expression`, code AR101.
pub fn derived(text: &str) -> DerivedRule {
    derived_as(text, Code::Derived)
}

/// `target = expression` with a code (AR106 for indicators).
pub fn derived_as(text: &str, code: Code) -> DerivedRule {
    let (target, expr) = crate::load::expr::parse_rule(text).expect("a formula");
    DerivedRule { target, expr, text: text.to_string(), span: rule_span("derived"), code }
}

/// A reference to a row of this table.
pub fn row(label: &str) -> RowRef {
    RowRef { table: None, row: label.to_string(), span: rule_span("sums") }
}

/// A reference to a row of another table.
pub fn row_in(table: &str, label: &str) -> RowRef {
    RowRef { table: Some(table.to_string()), row: label.to_string(), span: rule_span("sums") }
}

/// A sum rule.
pub fn sum(target: &str, of: SumOf) -> SumRule {
    SumRule { row: row(target), of, columns: None, span: rule_span("sums"), preset: false }
}

/// A link rule to table `to`.
pub fn link(to: &str, rows: LinkRows, relation: Relation) -> LinkRule {
    LinkRule {
        to: to.to_string(),
        to_span: rule_span("links"),
        rows,
        columns: None,
        relation,
        span: rule_span("links"),
    }
}

/// Explicit link pairs.
pub fn pairs(list: &[(&str, &str)]) -> LinkRows {
    LinkRows::Pairs(list.iter().map(|(a, b)| (row(a), row(b))).collect())
}

/// A total over columns in every row.
pub fn total_across(columns: &[&str], equals: i64) -> TotalRule {
    TotalRule {
        columns: Some(columns.iter().map(|c| (c.to_string(), rule_span("totals"))).collect()),
        rows: None,
        equals: Decimal::from(equals),
        span: rule_span("totals"),
    }
}

/// A total down rows in every figure column.
pub fn total_down(rows: &[&str], equals: i64) -> TotalRule {
    TotalRule {
        columns: None,
        rows: Some(rows.iter().map(|r| row(r)).collect()),
        equals: Decimal::from(equals),
        span: rule_span("totals"),
    }
}

/// An acknowledgement.
pub fn ack(code: Code, row: Option<&str>, column: Option<&str>) -> Acknowledgement {
    Acknowledgement {
        code,
        row: row.map(str::to_string),
        column: column.map(str::to_string),
        reason: "published so".into(),
        span: rule_span("acknowledge"),
    }
}

/// Validates with the embedded KOSTRA list and no load findings.
pub fn run(report: &Report, specs: &[TableSpec]) -> Validation {
    super::validate(report, specs, Vec::new())
}

/// The text a span covers in `csv`.
pub fn text_at<'a>(csv: &'a str, d: &Diagnostic) -> &'a str {
    let span = d.span.as_ref().expect("a span");
    &csv[span.range.clone()]
}
