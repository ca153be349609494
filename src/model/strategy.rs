//! The goals a report answers to, and what in the report serves them.
//!
//! Declared once in `report.yaml` (`goals:`): the city government's goals for the districts,
//! the district's priorities and approaches from its strategic plan. Goal tables, their
//! measures, list items and result indicators name the goals they serve by id; lowering has
//! checked every id, so the ids here always name a [`StrategicGoal`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::Number;
use crate::source::Span;

/// The goal structure of a report (empty when `report.yaml` declares no `goals:`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Strategy {
    /// Every declared goal: city goals, then priorities, then approaches, each in order.
    pub goals: Vec<StrategicGoal>,
    /// The result indicators with a declared direction, in report order.
    pub indicators: Vec<Indicator>,
    /// Where the generated overview goes, if `goals.overview` places it.
    pub overview: Option<OverviewPlacement>,
    /// The position of each goal in `goals`, by id.
    #[serde(skip)]
    index: BTreeMap<String, usize>,
}

impl Strategy {
    /// Adds a goal; `false` (and nothing added) if its id is taken.
    pub fn add(&mut self, goal: StrategicGoal) -> bool {
        if self.index.contains_key(&goal.id) {
            return false;
        }
        self.index.insert(goal.id.clone(), self.goals.len());
        self.goals.push(goal);
        true
    }

    /// The position in `goals` of the goal with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The goal with this id.
    pub fn goal(&self, id: &str) -> Option<&StrategicGoal> {
        self.position(id).and_then(|i| self.goals.get(i))
    }

    /// The goals of one kind, in order.
    pub fn of_kind(&self, kind: GoalKind) -> impl Iterator<Item = &StrategicGoal> {
        self.goals.iter().filter(move |g| g.kind == kind)
    }

    /// The status of the indicator in row `row` of table `table`, if it declares one (a linear
    /// search: for tests and single look-ups).
    pub fn indicator(&self, table: usize, row: usize) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.table == table && i.row == row)
    }
}

/// What kind of goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// The city government's goal for the districts (Oslo's budget, tabell 5.1, mål 1–6).
    CityGoal,
    /// A priority of the district's strategic plan (hovedprioritering).
    Priority,
    /// An approach of the district's strategic plan (hovedgrep).
    Approach,
}

impl GoalKind {
    /// The printed name of one goal of this kind: «Byrådets mål», «Hovedprioritering», «Hovedgrep».
    pub fn name(self) -> &'static str {
        match self {
            GoalKind::CityGoal => "Byrådets mål",
            GoalKind::Priority => "Hovedprioritering",
            GoalKind::Approach => "Hovedgrep",
        }
    }
}

/// One declared goal.
#[derive(Debug, Clone, Serialize)]
pub struct StrategicGoal {
    /// The id measures name it by (`p1`, `mal3`).
    pub id: String,
    /// Its kind.
    pub kind: GoalKind,
    /// Its number among the goals of its kind, from 1.
    pub number: usize,
    /// The goal as its source document words it.
    pub title: String,
    /// A description, if given.
    pub description: Option<String>,
    /// The document that sets the goal, if given.
    pub source: Option<String>,
    /// Why nothing in the report serves it, if the report says so.
    pub not_reported: Option<String>,
    /// The anchor of its place in the overview (`mal-p1`).
    pub anchor: String,
    /// Where it is declared (diagnostics only).
    #[serde(skip)]
    pub span: Span,
}

impl StrategicGoal {
    /// «Hovedprioritering 1», «Byrådets mål 3».
    pub fn label(&self) -> String {
        format!("{} {}", self.kind.name(), self.number)
    }
}

/// Which way an indicator's result is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Direction {
    /// At or above the måltall meets it.
    Higher,
    /// At or below the måltall meets it.
    Lower,
    /// Inside the band (both ends included) meets it.
    Band {
        /// The lower end.
        from: Number,
        /// The upper end.
        to: Number,
    },
}

impl Direction {
    /// «høyere er bedre», «lavere er bedre», «mål: 95 %–105 %».
    pub fn describe(&self) -> String {
        match self {
            Direction::Higher => "høyere er bedre".into(),
            Direction::Lower => "lavere er bedre".into(),
            Direction::Band { from, to } => {
                format!("målområde {}–{}", crate::format::number(from), crate::format::number(to))
            }
        }
    }
}

/// Whether an indicator met its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The result meets the måltall (or lies in the band).
    Met,
    /// The result misses the måltall (or lies outside the band).
    NotMet,
    /// No result (or no måltall) for the year: «*», empty, or not a single figure.
    NotMeasured,
}

impl Status {
    /// The word: «Nådd», «Ikke nådd», «Ikke målt».
    pub fn word(self) -> &'static str {
        match self {
            Status::Met => "Nådd",
            Status::NotMet => "Ikke nådd",
            Status::NotMeasured => "Ikke målt",
        }
    }

    /// The symbol printed with the word (never alone, never colour alone): ✓, ✗, ○.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Met => "✓",
            Status::NotMet => "✗",
            Status::NotMeasured => "○",
        }
    }

    /// A name for CSS classes and JSON: `met`, `not-met`, `not-measured`.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::NotMeasured => "not-measured",
        }
    }

    /// Computes the status exactly from the måltall and the result (`None`: not a figure).
    pub fn of(direction: &Direction, target: Option<Decimal>, result: Option<Decimal>) -> Status {
        let Some(result) = result else { return Status::NotMeasured };
        let met = match (direction, target) {
            (Direction::Band { from, to }, _) => from.value <= result && result <= to.value,
            (Direction::Higher, Some(t)) => result >= t,
            (Direction::Lower, Some(t)) => result <= t,
            (_, None) => return Status::NotMeasured,
        };
        if met { Status::Met } else { Status::NotMet }
    }
}

/// A result indicator with a declared direction and its computed status.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// Index into `Report::tables`.
    pub table: usize,
    /// Index into the table's rows.
    pub row: usize,
    /// Which way is better.
    pub direction: Direction,
    /// The goals it serves (ids).
    pub serves: Vec<String>,
    /// Its status for the reporting year.
    pub status: Status,
}

/// Where the generated overview goes.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewPlacement {
    /// It follows the chapter read from this file ([`super::Chapter::source`]).
    pub after: String,
    /// Its title.
    pub title: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(units: i64, scale: u32) -> Option<Decimal> {
        Some(Decimal::new(units, scale))
    }

    #[test]
    fn status_is_exact_and_follows_the_direction() {
        // 89,4 against 89,40: equal, met.
        assert_eq!(Status::of(&Direction::Higher, d(894, 1), d(8940, 2)), Status::Met);
        assert_eq!(Status::of(&Direction::Higher, d(894, 1), d(8939, 2)), Status::NotMet);
        assert_eq!(Status::of(&Direction::Lower, d(84, 1), d(83, 1)), Status::Met);
        assert_eq!(Status::of(&Direction::Lower, d(84, 1), d(85, 1)), Status::NotMet);
        assert_eq!(Status::of(&Direction::Higher, d(95, 0), None), Status::NotMeasured);
        assert_eq!(Status::of(&Direction::Lower, None, d(7, 0)), Status::NotMeasured);
        let n = |v: i64| Number { value: Decimal::new(v, 0), percent: true, scale: 0 };
        let band = Direction::Band { from: n(95), to: n(105) };
        assert_eq!(Status::of(&band, None, d(95, 0)), Status::Met, "the ends are inside");
        assert_eq!(Status::of(&band, None, d(1051, 1)), Status::NotMet);
        assert_eq!(Status::of(&band, None, None), Status::NotMeasured);
    }

    #[test]
    fn statuses_have_a_word_and_a_symbol() {
        for s in [Status::Met, Status::NotMet, Status::NotMeasured] {
            assert!(!s.word().is_empty() && !s.symbol().is_empty());
            assert!(
                s.symbol().chars().all(crate::load::glyphs::has_glyph),
                "{s:?} prints in the PDF"
            );
        }
    }
}
