//! The goal structure: declared goals, the ids that `serves:` names, and each result
//! indicator's direction and status (AR501, AR502).

use std::collections::BTreeSet;

use crate::diag::{Code, Diagnostic};
use crate::load::number::parse_number;
use crate::load::read::Spanned;
use crate::load::schema::{
    Better, IndicatorSource, StrategicGoalSource, StrategySource, TableSource,
};
use crate::load::slug;
use crate::load::yaml::did_you_mean;
use crate::model::{
    Cell, Direction, GoalKind, Indicator, Number, OverviewPlacement, Status, StrategicGoal, Table,
};
use crate::source::Span;
use crate::tr;
use crate::validate::rows::{RowError, find_row, matches_note};

use super::Lowerer;

/// How many unknown goal ids get a "did you mean" (each costs a pass over the declared goals).
const MAX_SUGGESTIONS: usize = 100;

/// The overview's title when `overview:` gives none.
pub const DEFAULT_OVERVIEW_TITLE: &str = "Måloppnåelse per hovedprioritering";

/// The declared id a mistyped one most likely means: a close match, or for short ids one
/// that differs in a single character (`pl` for `p1`).
fn nearest_id<'a>(id: &str, goals: &'a [StrategicGoal]) -> Option<&'a str> {
    let ids = || goals.iter().map(|g| g.id.as_str());
    did_you_mean(id, ids()).or_else(|| {
        let one_off: Vec<&str> = ids().filter(|g| strsim::levenshtein(id, g) == 1).collect();
        match one_off.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    })
}

/// Whether a goal id is written with letters a–z, digits, `-` and `_`.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

impl Lowerer<'_> {
    /// The declared goals; their ids become the names `serves:` may use.
    pub(super) fn strategy(&mut self, s: Option<&StrategySource>, chapters: &[Spanned<String>]) {
        let Some(s) = s else { return };
        self.goals_declared = true;
        self.claim_id(crate::overview::OVERVIEW_ID, &s.span);
        let kinds = [
            (GoalKind::CityGoal, &s.city_goals),
            (GoalKind::Priority, &s.priorities),
            (GoalKind::Approach, &s.approaches),
        ];
        for (kind, list) in kinds {
            for (i, g) in list.iter().enumerate() {
                let number = g.number.as_ref().map_or(i + 1, |n| n.value);
                if let Some(goal) = self.strategic_goal(g, kind, number) {
                    self.strategy.add(goal);
                }
            }
        }
        if let Some(o) = &s.overview {
            self.strategy.overview = o.after.as_ref().and_then(|after| {
                let written = after.value.trim().trim_start_matches("./");
                let same =
                    |c: &&Spanned<String>| c.value.trim().trim_start_matches("./") == written;
                if let Some(chapter) = chapters.iter().find(same) {
                    Some(OverviewPlacement {
                        // As `chapters:` writes it: the chapter's `source`.
                        after: chapter.value.clone(),
                        title: o
                            .title
                            .as_ref()
                            .map_or(DEFAULT_OVERVIEW_TITLE.to_string(), |t| self.plain(t)),
                    })
                } else {
                    let mut d = Diagnostic::error(
                        Code::GoalStructure,
                        tr!(goals_overview_after_unknown, written = written),
                    )
                    .at(after.span.clone())
                    .with_label(tr!(goals_not_a_chapter_file));
                    if let Some(best) =
                        did_you_mean(written, chapters.iter().map(|c| c.value.as_str()))
                    {
                        d = d.with_hint(tr!(goals_did_you_mean, best = best));
                    }
                    self.push(d);
                    None
                }
            });
        }
    }

    fn strategic_goal(
        &mut self,
        g: &StrategicGoalSource,
        kind: GoalKind,
        number: usize,
    ) -> Option<StrategicGoal> {
        let id = g.id.as_ref()?;
        let text = id.value.trim().to_string();
        if !valid_id(&text) {
            self.push(
                Diagnostic::error(Code::GoalStructure, tr!(goals_id_not_plain, id = text))
                    .at(id.span.clone())
                    .with_hint(tr!(goals_id_not_plain_hint)),
            );
            return None;
        }
        if let Some(first) = self.strategy.goal(&text) {
            let mut d = Diagnostic::error(Code::GoalStructure, tr!(goals_id_twice, id = text))
                .at(id.span.clone())
                .with_label(tr!(goals_second_declaration))
                .with_hint(tr!(goals_id_twice_hint));
            d.related.push((first.span.clone(), tr!(goals_first_declaration)));
            self.push(d);
            return None;
        }
        let anchor = format!("mal-{}", slug(&text));
        if !self.claim_id(&anchor, &id.span) {
            return None;
        }
        let opt = |v: &Option<Spanned<String>>| {
            v.as_ref().map(|v| v.value.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        Some(StrategicGoal {
            id: text,
            kind,
            number,
            title: g.title.as_ref().map(|t| self.plain(t)).unwrap_or_default(),
            description: opt(&g.description),
            source: opt(&g.source),
            not_reported: opt(&g.not_reported),
            anchor,
            span: id.span.clone(),
        })
    }

    /// The ids a `serves:` names, each checked against the declared goals (AR501).
    pub(super) fn serves(&mut self, written: &[Spanned<String>]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut named: BTreeSet<&str> = BTreeSet::new();
        for w in written {
            let id = w.value.trim();
            if !self.goals_declared {
                self.push(
                    Diagnostic::error(Code::UnknownGoal, tr!(goals_none_declared, id = id))
                        .at(w.span.clone())
                        .with_hint(tr!(goals_none_declared_hint)),
                );
                return Vec::new();
            }
            if self.strategy.goal(id).is_none() {
                let mut d = Diagnostic::error(Code::UnknownGoal, tr!(goals_unknown_id, id = id))
                    .at(w.span.clone())
                    .with_label(tr!(goals_unknown_goal));
                // Suggestions cost a pass over the goals each: only for the first few unknown ids.
                self.unknown_goals += 1;
                let hint = if self.unknown_goals <= MAX_SUGGESTIONS {
                    nearest_id(id, &self.strategy.goals)
                } else {
                    None
                };
                if let Some(best) = hint {
                    d = d.with_hint(tr!(goals_did_you_mean, best = best));
                }
                let goals = &self.strategy.goals;
                if !goals.is_empty() && goals.len() <= 20 {
                    let all: Vec<&str> = goals.iter().map(|g| g.id.as_str()).collect();
                    d = d.with_note(tr!(goals_the_goals_are, list = all.join(", ")));
                }
                self.push(d);
            } else if !named.insert(id) {
                self.push(
                    Diagnostic::error(Code::GoalStructure, tr!(goals_named_twice, id = id))
                        .at(w.span.clone())
                        .with_label(tr!(goals_second_time)),
                );
            } else {
                out.push(id.to_string());
            }
        }
        out
    }

    /// The `indicators:` of the table just lowered (at `index`): rows, directions, statuses.
    pub(super) fn indicators(&mut self, t: &TableSource, index: usize) {
        if t.indicators.is_empty() {
            return;
        }
        let table = self.tables[index].clone();
        let mut seen: BTreeSet<usize> = BTreeSet::new();
        for source in &t.indicators {
            let serves = self.serves(&source.serves);
            let Some(row) = self.indicator_row(&table, t, source) else { continue };
            if !seen.insert(row) {
                self.push(
                    Diagnostic::error(
                        Code::GoalStructure,
                        tr!(goals_indicator_twice, label = table.rows[row].label()),
                    )
                    .at(source.row.as_ref().map_or(source.span.clone(), |r| r.span.clone()))
                    .with_label(tr!(goals_second_declaration)),
                );
                continue;
            }
            let Some(direction) = self.direction(source) else { continue };
            let at = source.row.as_ref().map_or(&source.span, |r| &r.span);
            let Some(status) = self.status(&table, row, &direction, at) else { continue };
            self.strategy.indicators.push(Indicator {
                table: index,
                row,
                direction,
                serves,
                status,
            });
        }
    }

    fn indicator_row(
        &mut self,
        table: &Table,
        t: &TableSource,
        s: &IndicatorSource,
    ) -> Option<usize> {
        let written = s.row.as_ref()?;
        let row_key = t.row_key.as_ref().map(|k| k.value.trim());
        match find_row(table, row_key, &written.value) {
            Ok(row) => Some(row),
            Err(RowError::Missing) => {
                let mut d = Diagnostic::error(
                    Code::RuleReference,
                    tr!(goals_no_row, table = table.id, row = written.value.trim()),
                )
                .at(written.span.clone())
                .with_label(tr!(goals_no_such_row));
                let labels = table.rows.iter().map(|r| r.label());
                if let Some(best) = did_you_mean(&written.value, labels) {
                    d = d.with_hint(tr!(goals_did_you_mean_row, best = best));
                }
                self.push(d);
                None
            }
            Err(RowError::Ambiguous(rows)) => {
                self.push(
                    Diagnostic::error(
                        Code::AmbiguousRow,
                        tr!(
                            goals_row_ambiguous,
                            row = written.value.trim(),
                            n = rows.len(),
                            table = table.id
                        ),
                    )
                    .at(written.span.clone())
                    .with_note(matches_note(table, &rows))
                    .with_hint(tr!(goals_write_the_whole_label)),
                );
                None
            }
        }
    }

    /// `better:` or `band:`, exactly one of them.
    fn direction(&mut self, s: &IndicatorSource) -> Option<Direction> {
        match (&s.better, &s.band) {
            (Some(b), None) => Some(match b.value {
                Better::Higher => Direction::Higher,
                Better::Lower => Direction::Lower,
            }),
            (None, Some(band)) => self.band(band),
            (Some(b), Some(_)) => {
                self.push(
                    Diagnostic::error(Code::GoalStructure, tr!(goals_better_and_band))
                        .at(b.span.clone())
                        .with_hint(tr!(goals_better_and_band_hint)),
                );
                None
            }
            (None, None) => {
                let message = match &s.row {
                    Some(r) => tr!(goals_no_direction_row, row = r.value.trim()),
                    None => tr!(goals_no_direction),
                };
                self.push(
                    Diagnostic::error(Code::GoalStructure, message)
                        .at(s.row.as_ref().map_or(s.span.clone(), |r| r.span.clone()))
                        .with_hint(tr!(goals_no_direction_hint)),
                );
                None
            }
        }
    }

    fn band(&mut self, band: &Spanned<Vec<Spanned<String>>>) -> Option<Direction> {
        let [from, to] = band.value.as_slice() else {
            self.push(
                Diagnostic::error(Code::GoalStructure, tr!(goals_band_ends, n = band.value.len()))
                    .at(band.span.clone())
                    .with_hint(tr!(goals_band_ends_hint)),
            );
            return None;
        };
        let from_n = self.band_end(from)?;
        let to_n = self.band_end(to)?;
        if from_n.value > to_n.value {
            self.push(
                Diagnostic::error(Code::GoalStructure, tr!(goals_band_reversed))
                    .at(band.span.clone())
                    .with_hint(tr!(goals_band_reversed_hint)),
            );
            return None;
        }
        Some(Direction::Band { from: from_n, to: to_n })
    }

    fn band_end(&mut self, end: &Spanned<String>) -> Option<Number> {
        match parse_number(&end.value) {
            Ok(n) => Some(n),
            Err(e) => {
                self.push(
                    Diagnostic::error(
                        Code::CellFormat,
                        tr!(goals_band_end_not_a_number, end = end.value.trim(), problem = e.0),
                    )
                    .at(end.span.clone()),
                );
                None
            }
        }
    }

    /// The status from the `maltall` and `resultat` columns of the row.
    fn status(
        &mut self,
        table: &Table,
        row: usize,
        direction: &Direction,
        span: &Span,
    ) -> Option<Status> {
        let column = |key: &str| table.columns.iter().position(|c| c.key == key);
        let (target, result) = (column("maltall"), column("resultat"));
        let needs_target = !matches!(direction, Direction::Band { .. });
        if result.is_none() || (needs_target && target.is_none()) {
            self.push(
                Diagnostic::error(
                    Code::GoalStructure,
                    tr!(goals_no_status_columns, table = table.id),
                )
                .at(span.clone())
                .with_hint(tr!(goals_no_status_columns_hint)),
            );
            return None;
        }
        let value = |col: Option<usize>| match col.and_then(|c| table.rows[row].cells.get(c)) {
            Some(Cell::Number(n)) => Some(n.value),
            Some(Cell::Dash) => Some(rust_decimal::Decimal::ZERO),
            _ => None,
        };
        Some(Status::of(direction, value(target), value(result)))
    }
}

#[cfg(test)]
mod tests {
    use super::valid_id;

    #[test]
    fn goal_ids_are_plain_names() {
        assert!(valid_id("p1"));
        assert!(valid_id("mal-3"));
        assert!(!valid_id("P1"));
        assert!(!valid_id("mål 3"));
        assert!(!valid_id(""));
    }
}
