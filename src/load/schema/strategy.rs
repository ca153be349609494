//! The goals a report answers to (`goals:` in `report.yaml`), and how measures and result
//! indicators name the goals they serve (`serves:`, a table's `indicators:`), as written.

use crate::load::read::{
    Fields, FromYaml, Keyword, OneOrMany, Out, Spanned, fail, keyword_from_yaml,
};
use crate::load::yaml::{Node, Value};
use crate::source::Span;
use crate::tr;

/// `goals:` in `report.yaml`: the city's goals, the district's priorities and approaches.
#[derive(Debug, Clone)]
pub struct StrategySource {
    /// `city_goals:` the city government's goals for the districts (bystyrets/byrådets mål).
    pub city_goals: Vec<StrategicGoalSource>,
    /// `priorities:` the district's priorities (hovedprioriteringer in the strategic plan).
    pub priorities: Vec<StrategicGoalSource>,
    /// `approaches:` the district's approaches (hovedgrep in the strategic plan).
    pub approaches: Vec<StrategicGoalSource>,
    /// `overview:` where the generated overview goes.
    pub overview: Option<OverviewSource>,
    /// The map.
    pub span: Span,
}

impl FromYaml for StrategySource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_goals_section;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let strategy = StrategySource {
            city_goals: f.list("city_goals", out),
            priorities: f.list("priorities", out),
            approaches: f.list("approaches", out),
            overview: f.opt("overview", out),
            span: f.span(),
        };
        f.finish(out);
        Some(strategy)
    }
}

/// One declared goal, priority or approach.
#[derive(Debug, Clone)]
pub struct StrategicGoalSource {
    /// `id:` how measures and indicators name it (`p1`, `mal3`).
    pub id: Option<Spanned<String>>,
    /// `number:` its number in the source document (default: its place in the list).
    pub number: Option<Spanned<usize>>,
    /// `title:` as the source document words it.
    pub title: Option<Spanned<String>>,
    /// `description:`
    pub description: Option<Spanned<String>>,
    /// `source:` the document that sets the goal.
    pub source: Option<Spanned<String>>,
    /// `not_reported:` why no measure or indicator of the report serves it (acknowledges the
    /// warning).
    pub not_reported: Option<Spanned<String>>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for StrategicGoalSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_goal;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let goal = StrategicGoalSource {
            id: f.req("id", &tr!(goals_what_id), out),
            number: f.opt("number", out),
            title: f.req("title", &tr!(goals_what_title), out),
            description: f.opt("description", out),
            source: f.opt("source", out),
            not_reported: f.opt("not_reported", out),
            span: f.span(),
        };
        f.finish(out);
        Some(goal)
    }
}

/// `overview:` the generated «Måloppnåelse per hovedprioritering».
#[derive(Debug, Clone)]
pub struct OverviewSource {
    /// `after:` the chapter file it follows.
    pub after: Option<Spanned<String>>,
    /// `title:` (default «Måloppnåelse per hovedprioritering»).
    pub title: Option<Spanned<String>>,
    /// The map.
    pub span: Span,
}

impl FromYaml for OverviewSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_overview;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let overview = OverviewSource {
            after: f.req("after", &tr!(goals_what_after), out),
            title: f.opt("title", out),
            span: f.span(),
        };
        f.finish(out);
        Some(overview)
    }
}

/// Which way an indicator is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    /// A result at or above the måltall meets it.
    Higher,
    /// A result at or below the måltall meets it.
    Lower,
}

impl Keyword for Better {
    const WORDS: &'static [(&'static str, Self)] = &[
        ("higher", Better::Higher),
        ("lower", Better::Lower),
        ("høyere", Better::Higher),
        ("lavere", Better::Lower),
    ];
}
keyword_from_yaml!(Better);

/// One entry of a table's `indicators:`: a row, which way is better, the goals it serves.
#[derive(Debug, Clone)]
pub struct IndicatorSource {
    /// `row:` the indicator's row, named as in rules.
    pub row: Option<Spanned<String>>,
    /// `better:` higher or lower.
    pub better: Option<Spanned<Better>>,
    /// `band:` `[from, to]`: the result meets the target inside this band.
    pub band: Option<Spanned<Vec<Spanned<String>>>>,
    /// `serves:`
    pub serves: Vec<Spanned<String>>,
    /// The entry.
    pub span: Span,
}

impl FromYaml for IndicatorSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_indicator;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let indicator = IndicatorSource {
            row: f.req("row", &tr!(goals_what_row), out),
            better: f.opt("better", out),
            band: f.opt("band", out),
            serves: serves(&mut f, out),
            span: f.span(),
        };
        f.finish(out);
        Some(indicator)
    }
}

/// `serves:` one goal id or a list of them.
pub fn serves(f: &mut Fields<'_>, out: &mut Out) -> Vec<Spanned<String>> {
    let Some(node) = f.raw("serves") else { return Vec::new() };
    if let Value::Map(_) = node.value {
        return fail(node, &tr!(goals_expected_serves), out).unwrap_or_default();
    }
    OneOrMany::<Spanned<String>>::from_yaml(node, out).map(|m| m.0).unwrap_or_default()
}
