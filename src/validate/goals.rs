//! AR503 `uncovered-goal`: every priority and city goal is served by a measure or indicator of
//! the report; and the coverage line of the summary.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::model::{Block, Chapter, GoalKind, Report, Section};

/// How many goals of each kind something in the report serves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Priorities served / declared.
    pub priorities: (usize, usize),
    /// City goals served / declared.
    pub city_goals: (usize, usize),
    /// Approaches served / declared.
    pub approaches: (usize, usize),
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |(served, all): (usize, usize), one: &str, many: &str| {
            (all > 0).then(|| format!("{served} of {all} {}", if all == 1 { one } else { many }))
        };
        let parts: Vec<String> = [
            part(self.priorities, "priority", "priorities"),
            part(self.city_goals, "city goal", "city goals"),
            part(self.approaches, "approach", "approaches"),
        ]
        .into_iter()
        .flatten()
        .collect();
        write!(f, "goals served by a measure or indicator: {}", parts.join(", "))
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
    if strategy.goals.is_empty() {
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
        count.1 += 1;
        count.0 += usize::from(is_served);
        match (&goal.not_reported, is_served) {
            (Some(_), true) => out.push(
                Diagnostic::warning(
                    Code::UnusedAcknowledgement,
                    format!(
                        "{} «{}» says `not_reported:`, but the report serves it",
                        goal.label(),
                        goal.id
                    ),
                )
                .at(goal.span.clone())
                .with_hint("remove `not_reported:`"),
            ),
            (reason, false) if goal.kind != GoalKind::Approach => {
                let mut d = Diagnostic::warning(
                    Code::UncoveredGoal,
                    format!("{} «{}» ({}) is served by no measure or indicator", goal.label(), goal.id, goal.title),
                )
                .at(goal.span.clone())
                .with_label("nothing serves this goal")
                .with_hint(format!(
                    "name it in `serves: [{}]` of the measures or indicators that work towards it, or say why with `not_reported:`",
                    goal.id
                ));
                d.acknowledged = reason.clone();
                out.push(d);
            }
            _ => {}
        }
    }
    (out, Some(coverage))
}
