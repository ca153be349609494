//! AR503 `uncovered-goal`: every priority and city goal is served by a measure or indicator of
//! the report; and the coverage line of the summary.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::model::{Block, Chapter, GoalKind, Report, Section, Status};
use crate::tr;

/// How many goals of one kind are declared, and how many of them the report serves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Served by at least one measure or indicator.
    pub served: usize,
    /// Declared.
    pub declared: usize,
}

/// How many goals of each kind something in the report serves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Priorities (hovedprioriteringer).
    pub priorities: Count,
    /// City goals (byrådets mål).
    pub city_goals: Count,
    /// Approaches (hovedgrep).
    pub approaches: Count,
    /// The statuses of the indicators that declare a direction.
    pub indicators: Statuses,
}

/// How many indicators have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Statuses {
    /// ✓ Nådd.
    pub met: usize,
    /// ✗ Ikke nådd.
    pub not_met: usize,
    /// ○ Ikke målt.
    pub not_measured: usize,
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Coverage { priorities: p, city_goals: c, approaches: a, .. } = *self;
        let parts: Vec<String> = [
            (p.declared > 0)
                .then(|| tr!(goals_coverage_priorities, served = p.served, all = p.declared)),
            (c.declared > 0)
                .then(|| tr!(goals_coverage_city_goals, served = c.served, all = c.declared)),
            (a.declared > 0)
                .then(|| tr!(goals_coverage_approaches, served = a.served, all = a.declared)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut lines = Vec::new();
        if !parts.is_empty() {
            lines.push(tr!(goals_coverage, parts = parts.join(", ")));
        }
        let Statuses { met, not_met, not_measured } = self.indicators;
        if met + not_met + not_measured > 0 {
            lines.push(tr!(
                goals_indicator_statuses,
                met = met,
                not_met = not_met,
                not_measured = not_measured
            ));
        }
        f.write_str(&lines.join("\n"))
    }
}

/// The ids of the goals that a measure (its own or its goal row's) or an indicator serves.
pub fn served(report: &Report) -> BTreeSet<&str> {
    fn blocks<'a>(list: &'a [Block], out: &mut BTreeSet<&'a str>) {
        for b in list {
            if let Block::Goals(table) = b {
                for goal in table.goals.iter().filter(|g| !g.measures.is_empty()) {
                    out.extend(goal.serves.iter().map(String::as_str));
                    for m in &goal.measures {
                        out.extend(m.serves.iter().map(String::as_str));
                    }
                }
            }
        }
    }
    fn sections<'a>(list: &'a [Section], out: &mut BTreeSet<&'a str>) {
        for s in list {
            blocks(&s.blocks, out);
            sections(&s.sections, out);
        }
    }
    let mut out = BTreeSet::new();
    for Chapter { blocks: b, sections: s, .. } in &report.chapters {
        blocks(b, &mut out);
        sections(s, &mut out);
    }
    for i in &report.strategy.indicators {
        out.extend(i.serves.iter().map(String::as_str));
    }
    out
}

/// AR503 for each priority and city goal that nothing serves (acknowledged when the goal says
/// `not_reported:`), AR307 for a `not_reported:` on a goal that is served, and the coverage.
pub fn check(report: &Report) -> (Vec<Diagnostic>, Option<Coverage>) {
    let strategy = &report.strategy;
    if strategy.goals.is_empty() && strategy.indicators.is_empty() {
        return (Vec::new(), None);
    }
    let served = served(report);
    let mut out = Vec::new();
    let mut coverage = Coverage::default();
    for goal in &strategy.goals {
        let is_served = served.contains(goal.id.as_str());
        let count = match goal.kind {
            GoalKind::Priority => &mut coverage.priorities,
            GoalKind::CityGoal => &mut coverage.city_goals,
            GoalKind::Approach => &mut coverage.approaches,
        };
        count.declared += 1;
        count.served += usize::from(is_served);
        match (&goal.not_reported, is_served) {
            (Some(_), true) => out.push(
                Diagnostic::warning(
                    Code::UnusedAcknowledgement,
                    tr!(goals_not_reported_but_served, goal = goal.label(), id = goal.id),
                )
                .at(goal.span.clone())
                .with_hint(tr!(goals_remove_not_reported)),
            ),
            (reason, false) if goal.kind != GoalKind::Approach => {
                let mut d = Diagnostic::warning(
                    Code::UncoveredGoal,
                    tr!(goals_uncovered, goal = goal.label(), id = goal.id, title = goal.title),
                )
                .at(goal.span.clone())
                .with_label(tr!(goals_uncovered_label))
                .with_hint(tr!(goals_uncovered_hint, id = goal.id));
                d.acknowledged = reason.clone();
                out.push(d);
            }
            _ => {}
        }
    }
    for i in &strategy.indicators {
        let n = &mut coverage.indicators;
        match i.status {
            Status::Met => n.met += 1,
            Status::NotMet => n.not_met += 1,
            Status::NotMeasured => n.not_measured += 1,
        }
    }
    (out, Some(coverage))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coverage_line_names_the_declared_kinds_only() {
        let c = Coverage {
            priorities: Count { served: 4, declared: 5 },
            city_goals: Count { served: 1, declared: 1 },
            approaches: Count::default(),
            indicators: Statuses::default(),
        };
        assert_eq!(
            c.to_string(),
            "goals served by a measure or indicator: 4 of 5 priorities, 1 of 1 city goal"
        );
    }
}

#[cfg(test)]
mod status_tests {
    use super::*;

    #[test]
    fn the_indicator_line_follows_when_indicators_have_a_status() {
        let c = Coverage {
            priorities: Count { served: 1, declared: 1 },
            indicators: Statuses { met: 2, not_met: 1, not_measured: 0 },
            ..Coverage::default()
        };
        assert_eq!(
            c.to_string(),
            "goals served by a measure or indicator: 1 of 1 priority\n\
             indicators: 2 met, 1 not met, 0 not measured"
        );
    }

    #[test]
    fn the_coverage_lines_in_norwegian() {
        use crate::i18n::{Lang, with_lang};
        let c = Coverage {
            priorities: Count { served: 4, declared: 5 },
            city_goals: Count { served: 1, declared: 1 },
            approaches: Count { served: 2, declared: 3 },
            indicators: Statuses { met: 2, not_met: 1, not_measured: 0 },
        };
        assert_eq!(
            with_lang(Lang::Nb, || c.to_string()),
            "mål som et tiltak eller en indikator bidrar til: 4 av 5 hovedprioriteringer, \
             1 av 1 byrådsmål, 2 av 3 hovedgrep\n\
             resultatindikatorer: 2 nådd, 1 ikke nådd, 0 ikke målt"
        );
    }
}
