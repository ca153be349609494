//! A `table:` block: the CSV file, its columns and cells, and the rules
//! declared by its kind and by the user.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::spec::{
    Acknowledgement, DerivedRule, LinkRows, LinkRule, Relation, RowRef, SumOf, SumRule, TableSpec,
    TotalRule,
};
use super::yaml::{Map, Node, Value};
use super::{Loader, csv, expr, number, slug, yaml};
use crate::diag::{Code, Diagnostic};
use crate::model::{Cell, Column, ColumnKind, HeaderGroup, Row, RowStyle, Table, TableKind};
use crate::source::Span;

const KINDS: &[(&str, TableKind)] = &[
    ("kostra", TableKind::Kostra),
    ("overview", TableKind::Overview),
    ("investment", TableKind::Investment),
    ("investment_categories", TableKind::InvestmentCategories),
    ("indicators", TableKind::Indicators),
    ("key_figures", TableKind::KeyFigures),
    ("population", TableKind::Population),
    ("staffing", TableKind::Staffing),
    ("generic", TableKind::Generic),
];

const TABLE_KEYS: &[&str] = &[
    "id",
    "file",
    "kind",
    "caption",
    "number",
    "unit",
    "footnotes",
    "columns",
    "header_groups",
    "derived",
    "sums",
    "links",
    "totals",
    "row_key",
    "acknowledge",
];

/// The preset columns of a kind: (key, type). `None` when the kind takes keys from headers.
fn preset_columns(kind: TableKind, count: usize) -> Option<Vec<(String, ColumnKind)>> {
    use ColumnKind::{Code, Number as N, Text};
    let fixed: &[(&str, ColumnKind)] = match kind {
        TableKind::Kostra => &[
            ("funksjon", Text),
            ("regnskap_fjor", N),
            ("opprinnelig", N),
            ("regulert", N),
            ("regnskap", N),
            ("avvik", N),
        ],
        TableKind::Overview => &[
            ("funksjonsomrade", Text),
            ("regnskap_fjor", N),
            ("opprinnelig", N),
            ("regulert", N),
            ("regnskap", N),
            ("avvik", N),
        ],
        TableKind::Investment => &[
            ("prosjekt", Text),
            ("prosjektnummer", Code),
            ("artsgruppe", Code),
            ("vedtatt_ferdig", Text),
            ("forventet_ferdig", Text),
            ("dok3", N),
            ("regulert", N),
            ("regnskap", N),
            ("avvik", N),
            ("kommentar", Text),
        ],
        TableKind::InvestmentCategories => &[
            ("prosjekt", Text),
            ("periodisering", N),
            ("besparelse", N),
            ("forsinkelse", N),
            ("uforutsigbar", N),
            ("sum", N),
        ],
        TableKind::Staffing => &[("kategori", Text), ("fra", N), ("til", N), ("endring", N)],
        TableKind::Indicators => {
            if count < 4 {
                return None;
            }
            let mut cols = vec![("indikator".to_string(), Text)];
            for i in 1..count - 3 {
                cols.push((format!("resultat_{i}"), N));
            }
            cols.push(("maltall".into(), N));
            cols.push(("resultat".into(), N));
            cols.push(("avvik".into(), N));
            return Some(cols);
        }
        _ => return None,
    };
    Some(fixed.iter().map(|(k, t)| (k.to_string(), *t)).collect())
}

fn header_key(header: &str, index: usize) -> String {
    let s = slug(header).replace('-', "_");
    if s.is_empty() { format!("kolonne_{}", index + 1) } else { s }
}

/// Parses a row reference: a text, or `{table: id, row: label}`.
fn row_ref(this: &mut Loader, node: &Node) -> Option<RowRef> {
    match &node.value {
        Value::Scalar(s, _) => {
            Some(RowRef { table: None, row: s.trim().to_string(), span: node.span.clone() })
        }
        Value::Map(_) => {
            let mut m = node.as_map("a row reference").map_err(|d| this.push(d)).ok()?;
            let table = m.str("table").unwrap_or(None).map(|s| s.trim().to_string());
            let row = match m.require("row", "the row's label").and_then(|n| n.as_str("a text")) {
                Ok(r) => r.trim().to_string(),
                Err(d) => {
                    this.push(d);
                    return None;
                }
            };
            let unknown = m.finish(&["table", "row"]);
            this.push_all(unknown);
            Some(RowRef { table, row, span: node.span.clone() })
        }
        _ => {
            this.push(node.type_error("a row label or {table: …, row: …}"));
            None
        }
    }
}

fn key_list(this: &mut Loader, node: &Node) -> Option<Vec<(String, Span)>> {
    match node.as_seq("a list of column keys") {
        Ok(items) => Some(
            items
                .iter()
                .filter_map(|i| match i.as_str("a column key") {
                    Ok(s) => Some((s.trim().to_string(), i.span.clone())),
                    Err(d) => {
                        this.push(d);
                        None
                    }
                })
                .collect(),
        ),
        Err(d) => {
            this.push(d);
            None
        }
    }
}

fn seq<'a>(this: &mut Loader, m: &mut Map<'a>, key: &str, what: &str) -> &'a [Node] {
    match m.get(key) {
        Some(n) => match n.as_seq(what) {
            Ok(items) => items,
            Err(d) => {
                this.push(d);
                &[]
            }
        },
        None => &[],
    }
}

impl Loader {
    /// Reads a `table:` block; returns the table's index in the report.
    pub(crate) fn table(&mut self, node: &Node) -> Option<usize> {
        let mut m = match node.as_map("a table (a map with id, file, kind …)") {
            Ok(m) => m,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let id = match m
            .require("id", "the table's id, unique in the report")
            .and_then(|n| Ok((n.as_str("a text")?, n)))
        {
            Ok((s, n)) => {
                let id = s.trim().to_string();
                if !self.claim_table_id(&id, &n.span) {
                    return None;
                }
                id
            }
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let kind = match m.str_node("kind").unwrap_or(None) {
            None => TableKind::Generic,
            Some((k, n)) => match KINDS.iter().find(|(name, _)| *name == k.trim()) {
                Some((_, kind)) => *kind,
                None => {
                    let mut d =
                        Diagnostic::error(Code::YamlSchema, format!("unknown table kind `{k}`"))
                            .at(n.span.clone())
                            .with_note(format!(
                                "kinds are: {}",
                                KINDS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                            ));
                    if let Some(best) = yaml::did_you_mean(k, KINDS.iter().map(|(n, _)| *n)) {
                        d = d.with_hint(format!("did you mean `{best}`?"));
                    }
                    self.push(d);
                    TableKind::Generic
                }
            },
        };
        let kind_span = m.get("kind").map_or(node.span.clone(), |n| n.span.clone());
        let caption = m.str("caption").unwrap_or(None).unwrap_or("").trim().to_string();
        let explicit_number = m.str("number").unwrap_or(None).map(|s| s.trim().to_string());
        let unit = match m.str("unit").unwrap_or(None) {
            Some("none") => None,
            Some(u) => Some(u.trim().to_string()),
            None => match kind {
                TableKind::Kostra
                | TableKind::Overview
                | TableKind::Investment
                | TableKind::InvestmentCategories => Some(self.unit.clone()),
                _ => None,
            },
        };
        let footnotes = seq(self, &mut m, "footnotes", "a list of footnotes")
            .iter()
            .map(|n| self.inline_node(n, "a footnote"))
            .collect::<Vec<_>>();

        let file_node = match m.require("file", "the CSV file") {
            Ok(n) => n,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let rel = match file_node.as_str("a file path") {
            Ok(r) => r.to_string(),
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        let file = self.read_text(&rel, file_node)?;
        let mut raw = match csv::read(file, self.sources.get(file)) {
            Ok(r) => r,
            Err(d) => {
                self.push(d);
                return None;
            }
        };
        self.push_all(std::mem::take(&mut raw.notes));
        let ncols = raw.header.len();

        // Columns: user keys/types > kind preset > headers.
        let preset = preset_columns(kind, ncols);
        let mut columns: Vec<Column> = raw
            .header
            .iter()
            .enumerate()
            .map(|(i, h)| Column {
                key: header_key(&h.text, i),
                header: h.text.trim().to_string(),
                kind: if i == 0 { ColumnKind::Text } else { ColumnKind::Number },
            })
            .collect();
        if let Some(p) = &preset {
            if p.len() == ncols {
                for (c, (k, t)) in columns.iter_mut().zip(p) {
                    c.key = k.clone();
                    c.kind = *t;
                }
            } else if m.get("columns").is_none() {
                self.push(
                    Diagnostic::error(
                        Code::TableShape,
                        format!(
                            "a `{}` table has {} columns, but «{rel}» has {ncols}",
                            KINDS.iter().find(|(_, k)| *k == kind).map_or("", |(n, _)| n),
                            p.len()
                        ),
                    )
                    .at(raw.header.first().map_or(Span::new(file, 0..0), |h| h.span.clone()))
                    .with_note(format!(
                        "expected columns: {}",
                        p.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(", ")
                    ))
                    .with_hint("use kind `generic` and declare the rules, or name the columns with `columns:`"),
                );
            }
        }
        if let Some(cols_node) = m.get("columns") {
            match cols_node.as_seq("a list of columns") {
                Ok(items) => {
                    if items.len() != ncols {
                        self.push(
                            Diagnostic::error(
                                Code::TableShape,
                                format!(
                                    "`columns` names {} columns, but «{rel}» has {ncols}",
                                    items.len()
                                ),
                            )
                            .at(cols_node.span.clone()),
                        );
                    }
                    for (i, item) in items.iter().enumerate().take(ncols) {
                        match &item.value {
                            Value::Scalar(s, _) => columns[i].key = s.trim().to_string(),
                            Value::Map(_) => {
                                let Ok(mut cm) = item.as_map("a column") else { continue };
                                if let Some(k) = cm.str("key").unwrap_or(None) {
                                    columns[i].key = k.trim().to_string();
                                }
                                if let Some((t, tn)) = cm.str_node("type").unwrap_or(None) {
                                    columns[i].kind = match t.trim() {
                                        "text" => ColumnKind::Text,
                                        "number" => ColumnKind::Number,
                                        "code" => ColumnKind::Code,
                                        _ => {
                                            self.push(tn.type_error("`text`, `number` or `code`"));
                                            columns[i].kind
                                        }
                                    };
                                }
                                let unknown = cm.finish(&["key", "type"]);
                                self.push_all(unknown);
                            }
                            _ => self.push(item.type_error("a column key or {key, type}")),
                        }
                    }
                    if let Some(first) = columns.first_mut() {
                        first.kind = ColumnKind::Text;
                    }
                }
                Err(d) => self.push(d),
            }
        }
        // Unique keys.
        for i in 1..columns.len() {
            if columns[..i].iter().any(|c| c.key == columns[i].key) {
                let base = columns[i].key.clone();
                let mut k = 2;
                while columns.iter().any(|c| c.key == format!("{base}_{k}")) {
                    k += 1;
                }
                columns[i].key = format!("{base}_{k}");
            }
        }

        let header_groups = seq(self, &mut m, "header_groups", "a list of header groups")
            .iter()
            .filter_map(|n| {
                let mut gm =
                    n.as_map("a header group {title, span}").map_err(|d| self.push(d)).ok()?;
                let title = gm.str("title").unwrap_or(None).unwrap_or("").to_string();
                let span = gm
                    .get("span")
                    .and_then(|s| s.as_str("a number").ok())
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .max(1);
                let unknown = gm.finish(&["title", "span"]);
                self.push_all(unknown);
                Some(HeaderGroup { title, span })
            })
            .collect::<Vec<_>>();
        if !header_groups.is_empty() {
            let total: usize = header_groups.iter().map(|g| g.span).sum();
            if total != ncols {
                let at = m.get("header_groups").map_or(node.span.clone(), |n| n.span.clone());
                self.push(
                    Diagnostic::error(
                        Code::TableShape,
                        format!(
                            "the header groups span {total} columns, but the table has {ncols}"
                        ),
                    )
                    .at(at),
                );
            }
        }

        // Rows and cells.
        let mut rows = Vec::with_capacity(raw.rows.len());
        for record in &raw.rows {
            if record.fields.len() != ncols {
                let extra = record.fields.len() > ncols;
                let at =
                    if extra { record.fields[ncols].span.clone() } else { record.span.clone() };
                self.push(
                    Diagnostic::error(
                        Code::TableShape,
                        format!(
                            "this row has {} cells, the header has {ncols}",
                            record.fields.len()
                        ),
                    )
                    .at(at)
                    .with_label(if extra { "extra cells start here" } else { "cells missing" })
                    .with_hint("every row needs one cell per column; an empty cell is written as nothing between two `;`"),
                );
            }
            let mut cells = Vec::with_capacity(ncols);
            for (i, col) in columns.iter().enumerate() {
                let Some(field) = record.fields.get(i) else {
                    cells.push(Cell::Empty);
                    continue;
                };
                let text = field.text.trim();
                let cell = match col.kind {
                    ColumnKind::Text | ColumnKind::Code => {
                        if text.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(text.to_string())
                        }
                    }
                    ColumnKind::Number => match number::parse_cell(text) {
                        Ok(c) => c,
                        Err(e) => {
                            let label = record.fields.first().map_or("", |f| f.text.trim());
                            let mut d = Diagnostic::error(Code::CellFormat, e.0.clone())
                                .at(field.span.clone())
                                .with_label(e.label())
                                .with_hint("write figures as 1 714 058, −50 136, 89,4 % or 4,7; `-` for zero, `*` for not available; or give the column `type: text`");
                            d.table = Some(id.clone());
                            d.row = Some(label.to_string());
                            d.column = Some(col.key.clone());
                            self.push(d);
                            Cell::Text(text.to_string())
                        }
                    },
                };
                cells.push(cell);
            }
            let style = if ncols > 1
                && cells.first().is_some_and(|c| matches!(c, Cell::Text(_)))
                && cells[1..].iter().all(|c| matches!(c, Cell::Empty))
            {
                RowStyle::Group
            } else {
                RowStyle::Normal
            };
            rows.push(Row {
                cells,
                style,
                span: record.span.clone(),
                cell_spans: record.fields.iter().map(|f| f.span.clone()).collect(),
                malformed: record.fields.len() != ncols,
            });
        }

        // Rules.
        let mut spec = TableSpec {
            index: self.tables.len(),
            span: node.span.clone(),
            header_spans: raw.header.iter().map(|h| h.span.clone()).collect(),
            kostra: kind == TableKind::Kostra,
            ..TableSpec::default()
        };
        let preset_derived: &[(&str, Code)] = match kind {
            TableKind::Kostra | TableKind::Overview | TableKind::Investment => {
                &[("avvik = regulert - regnskap", Code::Derived)]
            }
            TableKind::InvestmentCategories => {
                &[("sum = periodisering + besparelse + forsinkelse + uforutsigbar", Code::Derived)]
            }
            TableKind::Indicators => &[("avvik = resultat - maltall", Code::IndicatorDeviation)],
            TableKind::Staffing => &[("endring = til - fra", Code::Derived)],
            _ => &[],
        };
        for (text, code) in preset_derived {
            if let Ok((target, e)) = expr::parse_rule(text) {
                spec.derived.push(DerivedRule {
                    target,
                    expr: e,
                    text: text.to_string(),
                    span: kind_span.clone(),
                    code: *code,
                });
            }
        }
        if kind == TableKind::Investment {
            spec.row_key = Some("prosjektnummer".into());
        }
        let starts_with_sum = |r: &Row| r.label().trim_start().to_lowercase().starts_with("sum");
        match kind {
            TableKind::Kostra => {
                if let Some(last) = rows.last()
                    && starts_with_sum(last)
                {
                    spec.sums.push(SumRule {
                        row: RowRef {
                            table: None,
                            row: last.label().to_string(),
                            span: kind_span.clone(),
                        },
                        of: SumOf::Above,
                        columns: None,
                        span: kind_span.clone(),
                        preset: true,
                    });
                }
            }
            TableKind::Overview => {
                for r in rows.iter().filter(|r| starts_with_sum(r)) {
                    spec.sums.push(SumRule {
                        row: RowRef {
                            table: None,
                            row: r.label().to_string(),
                            span: kind_span.clone(),
                        },
                        of: SumOf::All,
                        columns: None,
                        span: kind_span.clone(),
                        preset: true,
                    });
                }
            }
            _ => {}
        }

        for n in seq(self, &mut m, "derived", "a list of formulas") {
            let Ok(text) = n.as_str("a formula such as `avvik = regulert - regnskap`") else {
                self.push(n.type_error("a formula such as `avvik = regulert - regnskap`"));
                continue;
            };
            match expr::parse_rule(text) {
                Ok((target, e)) => {
                    spec.derived.retain(|d| d.target != target);
                    spec.derived.push(DerivedRule {
                        target,
                        expr: e,
                        text: text.trim().to_string(),
                        span: n.span.clone(),
                        code: Code::Derived,
                    })
                }
                Err(e) => self.push(
                    Diagnostic::error(e.code, e.message)
                        .at(n.span.clone())
                        .with_hint("a formula names a column key, `=`, and an expression of column keys with + - * / and ( )"),
                ),
            }
        }
        for n in seq(self, &mut m, "sums", "a list of sum rows") {
            let Ok(mut sm) = n.as_map("a sum {row, of, columns}").map_err(|d| self.push(d)) else {
                continue;
            };
            let row = match sm.require("row", "the sum row") {
                Ok(r) => row_ref(self, r),
                Err(d) => {
                    self.push(d);
                    None
                }
            };
            let of = match sm.get("of") {
                None => Some(SumOf::Above),
                Some(o) => match &o.value {
                    Value::Scalar(s, _) if s == "above" => Some(SumOf::Above),
                    Value::Scalar(s, _) if s == "all" => Some(SumOf::All),
                    Value::Seq(items) => {
                        Some(SumOf::Rows(items.iter().filter_map(|i| row_ref(self, i)).collect()))
                    }
                    Value::Map(_) => {
                        let mut om = o.as_map("a range {from, to}").map_err(|d| self.push(d)).ok();
                        let from = om.as_mut().and_then(|m| {
                            m.require("from", "the first row").map_err(|d| self.push(d)).ok()
                        });
                        let to = om.as_mut().and_then(|m| {
                            m.require("to", "the last row").map_err(|d| self.push(d)).ok()
                        });
                        if let Some(om) = om {
                            let unknown = om.finish(&["from", "to"]);
                            self.push_all(unknown);
                        }
                        match (
                            from.and_then(|f| row_ref(self, f)),
                            to.and_then(|t| row_ref(self, t)),
                        ) {
                            (Some(f), Some(t)) => Some(SumOf::Range(f, t)),
                            _ => None,
                        }
                    }
                    _ => {
                        self.push(o.type_error("`above`, `all`, a list of rows or {from, to}"));
                        None
                    }
                },
            };
            let columns = sm.get("columns").and_then(|c| key_list(self, c));
            let unknown = sm.finish(&["row", "of", "columns"]);
            self.push_all(unknown);
            if let (Some(row), Some(of)) = (row, of) {
                spec.sums.retain(|s| !(s.preset && s.row.row == row.row));
                spec.sums.push(SumRule { row, of, columns, span: n.span.clone(), preset: false });
            }
        }
        for n in seq(self, &mut m, "links", "a list of links") {
            let Ok(mut lm) =
                n.as_map("a link {to, rows, columns, relation}").map_err(|d| self.push(d))
            else {
                continue;
            };
            let to = lm
                .require("to", "the other table's id")
                .and_then(|t| Ok((t.as_str("a table id")?.trim().to_string(), t.span.clone())));
            let rows = match lm.get("rows") {
                None => Some(LinkRows::Same),
                Some(r) => match &r.value {
                    Value::Scalar(s, _) if s == "same" => Some(LinkRows::Same),
                    Value::Map(entries) => Some(LinkRows::Pairs(
                        entries
                            .iter()
                            .filter_map(|(a, b)| Some((row_ref(self, a)?, row_ref(self, b)?)))
                            .collect(),
                    )),
                    _ => {
                        self.push(r.type_error("`same` or a map {this row: that row}"));
                        None
                    }
                },
            };
            let columns = match lm.get("columns") {
                None => None,
                Some(c) => match &c.value {
                    Value::Seq(_) => key_list(self, c)
                        .map(|l| l.into_iter().map(|(k, s)| (k.clone(), k, s)).collect()),
                    Value::Map(entries) => Some(
                        entries
                            .iter()
                            .filter_map(|(a, b)| {
                                Some((
                                    a.as_str("").ok()?.trim().to_string(),
                                    b.as_str("").ok()?.trim().to_string(),
                                    a.span.clone(),
                                ))
                            })
                            .collect(),
                    ),
                    _ => {
                        self.push(c.type_error("a list of column keys or a map {this: that}"));
                        None
                    }
                },
            };
            let relation = match lm.str_node("relation").unwrap_or(None) {
                None => Relation::Eq,
                Some((r, rn)) => match r.trim() {
                    "=" | "==" => Relation::Eq,
                    ">=" | "≥" => Relation::Ge,
                    "<=" | "≤" => Relation::Le,
                    _ => {
                        self.push(rn.type_error("\"=\", \">=\" or \"<=\""));
                        Relation::Eq
                    }
                },
            };
            let unknown = lm.finish(&["to", "rows", "columns", "relation"]);
            self.push_all(unknown);
            match (to, rows) {
                (Ok((to, to_span)), Some(rows)) => spec.links.push(LinkRule {
                    to,
                    to_span,
                    rows,
                    columns,
                    relation,
                    span: n.span.clone(),
                }),
                (Err(d), _) => self.push(d),
                _ => {}
            }
        }
        for n in seq(self, &mut m, "totals", "a list of totals") {
            let Ok(mut tm) = n.as_map("a total {columns | rows, equals}").map_err(|d| self.push(d))
            else {
                continue;
            };
            let columns = tm.get("columns").and_then(|c| key_list(self, c));
            let rows = tm.get("rows").map(|r| match r.as_seq("a list of rows") {
                Ok(items) => items.iter().filter_map(|i| row_ref(self, i)).collect(),
                Err(d) => {
                    self.push(d);
                    Vec::new()
                }
            });
            let equals = match tm.require("equals", "the total, e.g. 100") {
                Ok(e) => match e
                    .as_str("a number")
                    .ok()
                    .map(|s| Decimal::from_str(&s.trim().replace(',', ".")))
                {
                    Some(Ok(v)) => Some(v),
                    _ => {
                        self.push(e.type_error("a number such as 100"));
                        None
                    }
                },
                Err(d) => {
                    self.push(d);
                    None
                }
            };
            let unknown = tm.finish(&["columns", "rows", "equals"]);
            self.push_all(unknown);
            if columns.is_none() && rows.is_none() {
                self.push(
                    Diagnostic::error(
                        Code::YamlSchema,
                        "a total needs `columns` (add across) or `rows` (add down)",
                    )
                    .at(n.span.clone()),
                );
                continue;
            }
            if let Some(equals) = equals {
                spec.totals.push(TotalRule { columns, rows, equals, span: n.span.clone() });
            }
        }
        if let Some(k) = m.str("row_key").unwrap_or(None) {
            spec.row_key = Some(k.trim().to_string());
        }
        for n in seq(self, &mut m, "acknowledge", "a list of acknowledged findings") {
            let Ok(mut am) = n
                .as_map("an acknowledgement {rule, row, column, reason}")
                .map_err(|d| self.push(d))
            else {
                continue;
            };
            let code = match am
                .require("rule", "the rule's code or name, e.g. sum-row")
                .and_then(|r| Ok((r.as_str("a rule")?, r)))
            {
                Ok((r, rn)) => match Code::parse(r) {
                    Some(c) if !c.is_fatal() => Some(c),
                    _ => {
                        let mut d =
                            Diagnostic::error(Code::YamlSchema, format!("unknown rule «{r}»"))
                                .at(rn.span.clone());
                        if let Some(best) = yaml::did_you_mean(
                            r,
                            Code::ALL.iter().filter(|c| !c.is_fatal()).map(|c| c.name()),
                        ) {
                            d = d.with_hint(format!("did you mean `{best}`?"));
                        }
                        self.push(d);
                        None
                    }
                },
                Err(d) => {
                    self.push(d);
                    None
                }
            };
            let row = am.str("row").unwrap_or(None).map(|s| s.trim().to_string());
            let column = am.str("column").unwrap_or(None).map(|s| s.trim().to_string());
            let reason = match am
                .require("reason", "why the finding is accepted")
                .and_then(|r| r.as_str("a text"))
            {
                Ok(r) if !r.trim().is_empty() => Some(r.trim().to_string()),
                Ok(_) => {
                    self.push(
                        Diagnostic::error(Code::YamlSchema, "an acknowledgement needs a reason")
                            .at(n.span.clone()),
                    );
                    None
                }
                Err(d) => {
                    self.push(d);
                    None
                }
            };
            let unknown = am.finish(&["rule", "row", "column", "reason"]);
            self.push_all(unknown);
            if let (Some(code), Some(reason)) = (code, reason) {
                spec.acknowledge.push(Acknowledgement {
                    code,
                    row,
                    column,
                    reason,
                    span: n.span.clone(),
                });
            }
        }
        let unknown = m.finish(TABLE_KEYS);
        self.push_all(unknown);

        let number = self.next_table_number(explicit_number);
        let anchor = match &number {
            Some(n) => format!("tabell-{}", slug(n)),
            None => format!("tabell-{}", slug(&id)),
        };
        self.tables.push(Table {
            id,
            number,
            anchor,
            caption,
            unit,
            kind,
            columns,
            header_groups,
            rows,
            footnotes,
            source: rel,
        });
        self.specs.push(spec);
        Some(self.tables.len() - 1)
    }
}
