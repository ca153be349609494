//! `table:` blocks: the CSV file, its kind, columns, and the declared rules, as written.

use crate::load::read::{Fields, FromYaml, Keyword, Out, Spanned, Text, fail, keyword_from_yaml};
use crate::load::spec::Relation;
use crate::load::yaml::{Node, Value};
use crate::model::{ColumnKind, TableKind};
use crate::source::Span;
use crate::tr;

impl Keyword for TableKind {
    const WORDS: &'static [(&'static str, Self)] = &[
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
}
keyword_from_yaml!(TableKind);

/// A column's type as written.
pub type ColumnType = ColumnKind;

impl Keyword for ColumnKind {
    const WORDS: &'static [(&'static str, Self)] =
        &[("text", ColumnKind::Text), ("number", ColumnKind::Number), ("code", ColumnKind::Code)];
}
keyword_from_yaml!(ColumnKind);

/// The relation of a link, as written.
pub type RelationSource = Relation;

impl Keyword for Relation {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("=", Relation::Eq),
        ("==", Relation::Eq),
        (">=", Relation::Ge),
        ("≥", Relation::Ge),
        ("<=", Relation::Le),
        ("≤", Relation::Le),
    ];
}
keyword_from_yaml!(Relation);

/// A `table:` block as written.
#[derive(Debug, Clone)]
pub struct TableSource {
    /// `id:`
    pub id: Option<Spanned<String>>,
    /// `file:` the CSV file or workbook.
    pub file: Option<Spanned<String>>,
    /// `sheet:` the workbook's sheet.
    pub sheet: Option<Spanned<String>>,
    /// `range:` the cells of the workbook's sheet, e.g. `A1:F12`.
    pub range: Option<Spanned<String>>,
    /// `kind:`
    pub kind: Option<Spanned<TableKind>>,
    /// `caption:`
    pub caption: Option<Spanned<String>>,
    /// `number:`
    pub number: Option<Spanned<String>>,
    /// `unit:` (`none` for no unit line).
    pub unit: Option<Spanned<String>>,
    /// `footnotes:`
    pub footnotes: Vec<Text>,
    /// `columns:`
    pub columns: Option<Spanned<Vec<ColumnSource>>>,
    /// `header_groups:`
    pub header_groups: Option<Spanned<Vec<HeaderGroupSource>>>,
    /// `derived:` formulas.
    pub derived: Vec<Spanned<String>>,
    /// `sums:`
    pub sums: Vec<SumSource>,
    /// `links:`
    pub links: Vec<LinkSource>,
    /// `totals:`
    pub totals: Vec<TotalSource>,
    /// `row_key:`
    pub row_key: Option<Spanned<String>>,
    /// `acknowledge:`
    pub acknowledge: Vec<AcknowledgementSource>,
    /// `previous:` how the table pairs with last year's (a renamed table, renamed rows).
    pub previous: Option<PreviousSource>,
    /// `indicators:` which way each indicator is better and the goals it serves.
    pub indicators: Vec<super::IndicatorSource>,
    /// The table's map.
    pub span: Span,
}

impl FromYaml for TableSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_table_a_map_with;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let table = TableSource {
            id: f.req("id", &tr!(read_the_table_s_id_unique), out),
            file: f.req("file", &tr!(read_the_csv_file), out),
            sheet: f.opt("sheet", out),
            range: f.opt("range", out),
            kind: f.opt("kind", out),
            caption: f.opt("caption", out),
            number: f.opt("number", out),
            unit: f.opt("unit", out),
            footnotes: f.list("footnotes", out),
            columns: f.opt("columns", out),
            header_groups: f.opt("header_groups", out),
            derived: f.list("derived", out),
            sums: f.list("sums", out),
            links: f.list("links", out),
            totals: f.list("totals", out),
            row_key: f.opt("row_key", out),
            acknowledge: f.list("acknowledge", out),
            previous: f.opt("previous", out),
            indicators: f.list("indicators", out),
            span: f.span(),
        };
        f.finish(out);
        Some(table)
    }
}

/// A `columns:` entry: a key, or `{key, type}`.
#[derive(Debug, Clone)]
pub struct ColumnSource {
    /// The key.
    pub key: Option<Spanned<String>>,
    /// The type.
    pub kind: Option<Spanned<ColumnKind>>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for ColumnSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_column_key_or_key;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(..) => Some(ColumnSource {
                key: Some(Spanned::from_yaml(node, out)?),
                kind: None,
                span: node.span.clone(),
            }),
            Value::Map(_) => {
                let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
                let column = ColumnSource {
                    key: f.opt("key", out),
                    kind: f.opt("type", out),
                    span: node.span.clone(),
                };
                f.finish(out);
                Some(column)
            }
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}

/// A `header_groups:` entry.
#[derive(Debug, Clone)]
pub struct HeaderGroupSource {
    /// `title:`
    pub title: Option<Spanned<String>>,
    /// `span:` how many columns (default 1).
    pub columns: Option<Spanned<usize>>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for HeaderGroupSource {
    const EXPECTED: crate::i18n::MessageId =
        crate::i18n::ids::read_expected_a_header_group_title_span;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let group = HeaderGroupSource {
            title: f.opt("title", out),
            columns: f.opt("span", out),
            span: f.span(),
        };
        f.finish(out);
        Some(group)
    }
}

/// A row reference: a label, or `{table, row}`.
#[derive(Debug, Clone)]
pub struct RowRefSource {
    /// Another table's id.
    pub table: Option<Spanned<String>>,
    /// The label, row key or label prefix.
    pub row: Spanned<String>,
    /// Where it was written.
    pub span: Span,
}

impl FromYaml for RowRefSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_row_label_or_table;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(..) => Some(RowRefSource {
                table: None,
                row: Spanned::from_yaml(node, out)?,
                span: node.span.clone(),
            }),
            Value::Map(_) => {
                let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
                let table = f.opt("table", out);
                let row = f.req("row", &tr!(read_the_row_s_label), out);
                f.finish(out);
                Some(RowRefSource { table, row: row?, span: node.span.clone() })
            }
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}

/// A `sums:` entry.
#[derive(Debug, Clone)]
pub struct SumSource {
    /// `row:` the sum row.
    pub row: RowRefSource,
    /// `of:` its parts (default: the rows above).
    pub of: Option<SumOfSource>,
    /// `columns:`
    pub columns: Option<Vec<Spanned<String>>>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for SumSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_sum_row_of_columns;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let row = f.req("row", &tr!(read_the_sum_row), out);
        let of = f.opt("of", out);
        let columns = f.opt("columns", out);
        f.finish(out);
        Some(SumSource { row: row?, of, columns, span: node.span.clone() })
    }
}

/// What a sum adds.
#[derive(Debug, Clone)]
pub enum SumOfSource {
    /// `above`
    Above,
    /// `all`
    All,
    /// A list of rows.
    Rows(Vec<RowRefSource>),
    /// `{from, to}`
    Range(Box<(RowRefSource, RowRefSource)>),
}

impl FromYaml for SumOfSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_above_all_a_list_of;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(s, _) if s.trim() == "above" => Some(SumOfSource::Above),
            Value::Scalar(s, _) if s.trim() == "all" => Some(SumOfSource::All),
            Value::Seq(_) => Vec::from_yaml(node, out).map(SumOfSource::Rows),
            Value::Map(_) => {
                let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
                let from = f.req("from", &tr!(read_the_first_row), out);
                let to = f.req("to", &tr!(read_the_last_row), out);
                f.finish(out);
                Some(SumOfSource::Range(Box::new((from?, to?))))
            }
            _ => {
                out.push(
                    node.type_error(&Self::EXPECTED.text())
                        .with_hint(tr!(read_to_add_named_rows_write)),
                );
                None
            }
        }
    }
}

/// A `links:` entry.
#[derive(Debug, Clone)]
pub struct LinkSource {
    /// `to:` the other table's id.
    pub to: Spanned<String>,
    /// `rows:`
    pub rows: Option<LinkRowsSource>,
    /// `columns:`
    pub columns: Option<LinkColumnsSource>,
    /// `relation:`
    pub relation: Option<Spanned<Relation>>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for LinkSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_link_to_rows_columns;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let to = f.req("to", &tr!(read_the_other_table_s_id), out);
        let rows = f.opt("rows", out);
        let columns = f.opt("columns", out);
        let relation = f.opt("relation", out);
        f.finish(out);
        Some(LinkSource { to: to?, rows, columns, relation, span: node.span.clone() })
    }
}

/// How a link pairs rows.
#[derive(Debug, Clone)]
pub enum LinkRowsSource {
    /// `same`
    Same,
    /// `{this row: that row, …}`
    Pairs(Vec<(RowRefSource, RowRefSource)>),
}

impl FromYaml for LinkRowsSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_same_or_a_map_this;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(s, _) if s.trim() == "same" => Some(LinkRowsSource::Same),
            Value::Map(entries) => Some(LinkRowsSource::Pairs(
                entries
                    .iter()
                    .filter_map(|(a, b)| {
                        let a = RowRefSource::from_yaml(a, out);
                        let b = RowRefSource::from_yaml(b, out);
                        Some((a?, b?))
                    })
                    .collect(),
            )),
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}

/// Which columns a link compares.
#[derive(Debug, Clone)]
pub enum LinkColumnsSource {
    /// The same keys in both tables.
    Same(Vec<Spanned<String>>),
    /// `{this key: that key}`
    Pairs(Vec<(Spanned<String>, Spanned<String>)>),
}

impl FromYaml for LinkColumnsSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_list_of_column_keys;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Seq(_) => Vec::from_yaml(node, out).map(LinkColumnsSource::Same),
            Value::Map(entries) => Some(LinkColumnsSource::Pairs(
                entries
                    .iter()
                    .filter_map(|(a, b)| {
                        let a = Spanned::<String>::from_yaml(a, out);
                        let b = Spanned::<String>::from_yaml(b, out);
                        Some((a?, b?))
                    })
                    .collect(),
            )),
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}

/// A `totals:` entry.
#[derive(Debug, Clone)]
pub struct TotalSource {
    /// `columns:` add across.
    pub columns: Option<Vec<Spanned<String>>>,
    /// `rows:` add down.
    pub rows: Option<Vec<RowRefSource>>,
    /// `equals:` as written.
    pub equals: Spanned<String>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for TotalSource {
    const EXPECTED: crate::i18n::MessageId =
        crate::i18n::ids::read_expected_a_total_columns_rows_equals;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let columns = f.opt("columns", out);
        let rows = f.opt("rows", out);
        let equals = f.req("equals", &tr!(read_the_total_e_g), out);
        f.finish(out);
        Some(TotalSource { columns, rows, equals: equals?, span: node.span.clone() })
    }
}

/// An `acknowledge:` entry.
#[derive(Debug, Clone)]
pub struct AcknowledgementSource {
    /// `rule:` code or name.
    pub rule: Spanned<String>,
    /// `row:`
    pub row: Option<Spanned<String>>,
    /// `column:`
    pub column: Option<Spanned<String>>,
    /// `reason:`
    pub reason: Spanned<String>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for AcknowledgementSource {
    const EXPECTED: crate::i18n::MessageId =
        crate::i18n::ids::read_expected_an_acknowledgement_rule_row_column;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let rule = f.req("rule", &tr!(read_the_rule_s_code_or), out);
        let row = f.opt("row", out);
        let column = f.opt("column", out);
        let reason = f.req("reason", &tr!(read_why_the_finding_is_accepted), out);
        f.finish(out);
        Some(AcknowledgementSource {
            rule: rule?,
            row,
            column,
            reason: reason?,
            span: node.span.clone(),
        })
    }
}

/// A table's `previous:` entry: what it was called in last year's report.
#[derive(Debug, Clone, Default)]
pub struct PreviousSource {
    /// `table:` last year's table id, when the table was renamed.
    pub table: Option<Spanned<String>>,
    /// `rows:` {this year's label: last year's label} for renamed rows.
    pub rows: Vec<(Spanned<String>, Spanned<String>)>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for PreviousSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_previous_table;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let table = f.opt("table", out);
        let rows = match f.raw("rows") {
            Some(n) => match &n.value {
                Value::Map(entries) => entries
                    .iter()
                    .filter_map(|(a, b)| {
                        let a = Spanned::<String>::from_yaml(a, out);
                        let b = Spanned::<String>::from_yaml(b, out);
                        Some((a?, b?))
                    })
                    .collect(),
                _ => fail(n, &crate::tr!(read_expected_renamed_rows), out).unwrap_or_default(),
            },
            None => Vec::new(),
        };
        f.finish(out);
        Some(PreviousSource { table, rows, span: node.span.clone() })
    }
}
