//! «Måloppnåelse per hovedprioritering»: per declared goal, the measures and indicators that
//! serve it across the report, with their status and where they are reported.
//!
//! [`Overview::of`] decides the content once, from the validated [`Report`]; [`present`] turns
//! it into chapters (one with a section per goal for the PDF, a page per priority for the
//! site) and marks each measure, goal row, «Hovedmål» item and indicator table with the goals
//! it serves. The renderers print what they are given and compute nothing of it.

mod present;

use serde::Serialize;

use crate::format;
use crate::model::{
    Block, Cell, Chapter, Direction, Indicator, Inline, ListItem, Report, Section, Status,
    StrategicGoal, Table,
};

pub use present::{Layout, OVERVIEW_ID, present};

/// The overview of a report with `goals:`.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// Its title.
    pub title: String,
    /// The chapter file it follows (`None`: after the last chapter).
    pub after: Option<String>,
    /// Every declared goal, city goals first, then priorities, then approaches.
    pub goals: Vec<GoalOverview>,
}

/// One goal and what serves it.
#[derive(Debug, Clone, Serialize)]
pub struct GoalOverview {
    /// The goal.
    pub goal: StrategicGoal,
    /// The measures serving it (themselves or through their goal row), in report order.
    pub measures: Vec<MeasureEntry>,
    /// The indicators serving it, in report order.
    pub indicators: Vec<IndicatorEntry>,
    /// The «Hovedmål» items that restate it.
    pub restated_by: Vec<RestatementEntry>,
}

impl GoalOverview {
    /// How many of its indicators have this status.
    pub fn count(&self, status: Status) -> usize {
        self.indicators.iter().filter(|i| i.status == status).count()
    }
}

/// Where something is reported: the anchor to link to and how to name the place.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// The anchor (`seksjon-3-3-4`, `tabell-fo2a-indikatorer-5`).
    pub anchor: String,
    /// «3.3.4, Funksjonsområde 2A Barnehager».
    pub label: String,
}

/// A measure in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureEntry {
    /// The measure's text.
    pub measure: Vec<Inline>,
    /// The text of its goal row («Hovedmål» of the goal table).
    pub goal: Vec<Inline>,
    /// Where it is reported.
    pub place: Place,
}

/// An indicator in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorEntry {
    /// The row label.
    pub label: String,
    /// Its status.
    pub status: Status,
    /// «resultat 45 % mot måltall 50 %, høyere er bedre», or why it is not measured.
    pub detail: String,
    /// Where it is reported (its table).
    pub place: Place,
}

/// A «Hovedmål» list item restating a goal.
#[derive(Debug, Clone, Serialize)]
pub struct RestatementEntry {
    /// The item's text.
    pub text: Vec<Inline>,
    /// Where it stands.
    pub place: Place,
}

/// The sections around a block while walking the report: (anchor, number, title), outermost
/// first, the chapter included.
type Trail<'a> = Vec<(&'a str, Option<&'a str>, &'a str)>;

fn place(trail: &Trail<'_>) -> Place {
    let (anchor, number, title) = trail.last().copied().unwrap_or(("", None, ""));
    // The functional area or topic: the chapter's section the block is in (3.3 «Funksjonsområde
    // 2A Barnehager»), else the innermost title.
    let area = trail.get(1).map_or(title, |s| s.2);
    let label = match number {
        Some(n) if area != title || trail.len() > 1 => format!("{n}, {area}"),
        Some(n) => format!("{n} {title}"),
        None => area.to_string(),
    };
    Place { anchor: anchor.to_string(), label }
}

/// Printed cell text, or «–» for an empty cell.
fn printed(table: &Table, row: usize, key: &str) -> String {
    let Some(col) = table.columns.iter().position(|c| c.key == key) else { return "–".into() };
    match table.rows[row].cells.get(col) {
        Some(Cell::Empty) | None => "–".into(),
        Some(cell) => format::cell(cell, table.columns[col].kind),
    }
}

/// What the overview says about an indicator's figures.
fn detail(table: &Table, ind: &Indicator) -> String {
    let target = printed(table, ind.row, "maltall");
    let result = printed(table, ind.row, "resultat");
    let how = ind.direction.describe();
    let band = matches!(ind.direction, Direction::Band { .. });
    let missing = |printed: &str, what: &str| match printed {
        "*" | "–" => format!("{what} er ikke tilgjengelig"),
        other => format!("{what} «{other}» er ikke ett tall"),
    };
    match ind.status {
        Status::NotMeasured if !is_figure(table, ind.row, "resultat") => {
            format!("{}, {how}", missing(&result, "resultatet"))
        }
        Status::NotMeasured => {
            format!("resultat {result}, men {}, {how}", missing(&target, "måltallet"))
        }
        _ if band => format!("resultat {result}, {how}"),
        _ => format!("resultat {result} mot måltall {target}, {how}"),
    }
}

/// Whether the cell in column `key` is a figure.
fn is_figure(table: &Table, row: usize, key: &str) -> bool {
    let col = table.columns.iter().position(|c| c.key == key);
    matches!(col.and_then(|c| table.rows[row].cells.get(c)), Some(Cell::Number(_) | Cell::Dash))
}

impl Overview {
    /// The overview of `report`, or `None` when it declares no goals.
    pub fn of(report: &Report) -> Option<Overview> {
        let strategy = &report.strategy;
        if strategy.goals.is_empty() {
            return None;
        }
        let mut goals: Vec<GoalOverview> = strategy
            .goals
            .iter()
            .map(|g| GoalOverview {
                goal: g.clone(),
                measures: Vec::new(),
                indicators: Vec::new(),
                restated_by: Vec::new(),
            })
            .collect();
        let mut walker = Walker { report, goals: &mut goals, trail: Vec::new() };
        for c in &report.chapters {
            walker.chapter(c);
        }
        let placement = strategy.overview.as_ref();
        Some(Overview {
            title: placement.map_or(crate::lower::goals::DEFAULT_OVERVIEW_TITLE.to_string(), |p| {
                p.title.clone()
            }),
            after: placement.map(|p| p.after.clone()),
            goals,
        })
    }
}

struct Walker<'r, 'g> {
    report: &'r Report,
    goals: &'g mut Vec<GoalOverview>,
    trail: Trail<'r>,
}

impl<'r> Walker<'r, '_> {
    fn entry(&mut self, id: &str) -> Option<&mut GoalOverview> {
        // `goals` is in the order of `strategy.goals`.
        self.report.strategy.position(id).and_then(|i| self.goals.get_mut(i))
    }

    fn chapter(&mut self, c: &'r Chapter) {
        self.trail = vec![(&c.id, c.number.as_deref(), &c.title)];
        self.blocks(&c.blocks);
        self.sections(&c.sections);
    }

    fn sections(&mut self, list: &'r [Section]) {
        for s in list {
            self.trail.push((&s.id, s.number.as_deref(), &s.title));
            self.blocks(&s.blocks);
            self.sections(&s.sections);
            self.trail.pop();
        }
    }

    fn blocks(&mut self, blocks: &'r [Block]) {
        for b in blocks {
            match b {
                Block::Goals(table) => {
                    for goal in &table.goals {
                        for m in &goal.measures {
                            let at = place(&self.trail);
                            let mut ids: Vec<&String> = goal.serves.iter().collect();
                            ids.extend(m.serves.iter().filter(|id| !goal.serves.contains(id)));
                            for id in ids {
                                let entry = MeasureEntry {
                                    measure: m.measure.clone(),
                                    goal: goal.goal.clone(),
                                    place: at.clone(),
                                };
                                if let Some(g) = self.entry(id) {
                                    g.measures.push(entry);
                                }
                            }
                        }
                    }
                }
                Block::List { items, .. } => self.items(items),
                Block::Table { index } => self.table(*index),
                _ => {}
            }
        }
    }

    fn items(&mut self, items: &'r [ListItem]) {
        for item in items {
            for id in &item.serves {
                let entry =
                    RestatementEntry { text: item.content.clone(), place: place(&self.trail) };
                if let Some(g) = self.entry(id) {
                    g.restated_by.push(entry);
                }
            }
            self.items(&item.children);
        }
    }

    fn table(&mut self, index: usize) {
        let report = self.report;
        let Some(table) = report.tables.get(index) else { return };
        let area = place(&self.trail);
        let at = Place {
            anchor: table.anchor.clone(),
            label: format!("{}, {}", table.caption, area.label),
        };
        for ind in report.strategy.indicators.iter().filter(|i| i.table == index) {
            let detail = detail(table, ind);
            let label = table.rows[ind.row].label().to_string();
            for id in &ind.serves {
                let entry = IndicatorEntry {
                    label: label.clone(),
                    status: ind.status,
                    detail: detail.clone(),
                    place: at.clone(),
                };
                if let Some(g) = self.entry(id) {
                    g.indicators.push(entry);
                }
            }
        }
    }
}
