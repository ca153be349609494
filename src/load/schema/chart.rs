//! `chart:` blocks: a chart of a table's figures, as written.

use crate::load::read::{Fields, FromYaml, Keyword, Out, Spanned, keyword_from_yaml};
use crate::load::yaml::Node;
use crate::model::{ChartKind, SeriesIn};
use crate::source::Span;
use crate::tr;

impl Keyword for ChartKind {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("bar", ChartKind::Bar),
        ("grouped_bar", ChartKind::GroupedBar),
        ("line", ChartKind::Line),
    ];
}
keyword_from_yaml!(ChartKind);

impl Keyword for SeriesIn {
    const WORDS: &'static [(&'static str, Self)] =
        &[("columns", SeriesIn::Columns), ("rows", SeriesIn::Rows)];
}
keyword_from_yaml!(SeriesIn);

/// A `chart:` block as written.
#[derive(Debug, Clone)]
pub struct ChartSource {
    /// `table:` the id of the table whose figures are drawn.
    pub table: Option<Spanned<String>>,
    /// `kind:` bar, grouped_bar or line (default: bar for one series, else grouped_bar).
    pub kind: Option<Spanned<ChartKind>>,
    /// `series:` columns (default) or rows.
    pub series: Option<Spanned<SeriesIn>>,
    /// `rows:` row labels or keys (default: every ordinary row).
    pub rows: Option<Spanned<Vec<Spanned<String>>>>,
    /// `columns:` column keys or headers (default: every figure column).
    pub columns: Option<Spanned<Vec<Spanned<String>>>>,
    /// `caption:` (default: the table's caption).
    pub caption: Option<Spanned<String>>,
    /// `alt:` alternative text (default: generated from the figures).
    pub alt: Option<Spanned<String>>,
    /// The chart's map.
    pub span: Span,
}

impl FromYaml for ChartSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_chart;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let chart = ChartSource {
            table: f.req("table", &tr!(charts_what_table), out),
            kind: f.opt("kind", out),
            series: f.opt("series", out),
            rows: f.opt("rows", out),
            columns: f.opt("columns", out),
            caption: f.opt("caption", out),
            alt: f.opt("alt", out),
            span: f.span(),
        };
        f.finish(out);
        Some(chart)
    }
}
