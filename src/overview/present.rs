//! The overview as chapters, and the goals marked where each measure and indicator stands.

use crate::model::{Block, Chapter, GoalKind, Inline, ListItem, Report, Section, Status, Strategy};

use super::{GoalOverview, Overview, Place};

/// The id of the overview's first (or only) chapter.
pub const OVERVIEW_ID: &str = "maloversikt";

/// The most priorities that get a page each on the site; with more, they are sections of the
/// overview's page (every page of the site lists every page, so pages cost their square).
pub const MAX_PRIORITY_PAGES: usize = 50;

/// How the overview is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One chapter with a section per goal (the PDF).
    Sections,
    /// A chapter with the summary, city goals and approaches, then a chapter (a page of the
    /// site) per priority.
    Pages,
}

/// The report as the renderers print it: the overview placed as `report.yaml` says (after
/// the last chapter if it does not say), every measure, goal row, «Hovedmål» item and
/// indicator table marked with the goals it serves. A report without `goals:` is unchanged.
///
/// `overview` is [`Overview::of`] the same report, decided once for both layouts.
pub fn present(report: &Report, overview: Option<&Overview>, layout: Layout) -> Report {
    let mut out = report.clone();
    let Some(overview) = overview else { return out };
    mark(&mut out);
    let chapters = chapters(overview, layout);
    let at = overview
        .after
        .as_ref()
        .and_then(|after| out.chapters.iter().position(|c| &c.source == after))
        .map_or(out.chapters.len(), |i| i + 1);
    out.chapters.splice(at..at, chapters);
    out
}

fn text(t: impl Into<String>) -> Inline {
    Inline::Text { text: t.into() }
}

fn link(anchor: &str, content: Vec<Inline>) -> Inline {
    Inline::Link { url: format!("#{anchor}"), content }
}

/// «Mål: Hovedprioritering 1, Byrådets mål 3», each a link to the goal in the overview.
fn goal_links(strategy: &Strategy, ids: &[String]) -> Vec<Inline> {
    let mut out = Vec::new();
    for goal in ids.iter().filter_map(|id| strategy.goal(id)) {
        if !out.is_empty() {
            out.push(text(", "));
        }
        out.push(link(&goal.anchor, vec![text(goal.label())]));
    }
    out
}

fn tag(strategy: &Strategy, ids: &[String]) -> Vec<Inline> {
    let mut content = vec![text("Mål: ")];
    content.extend(goal_links(strategy, ids));
    vec![Inline::LineBreak, Inline::Emph { content }]
}

/// Marks each measure, goal row and «Hovedmål» item with the goals it names, and puts the
/// status of each declared indicator under its table.
fn mark(report: &mut Report) {
    let strategy = report.strategy.clone();
    fn blocks(strategy: &Strategy, list: &mut [Block]) {
        for b in list {
            match b {
                Block::Goals(table) => {
                    for goal in &mut table.goals {
                        if !goal.serves.is_empty() {
                            goal.goal.extend(tag(strategy, &goal.serves));
                        }
                        for m in goal.measures.iter_mut().filter(|m| !m.serves.is_empty()) {
                            m.measure.extend(tag(strategy, &m.serves));
                        }
                    }
                }
                Block::List { items, .. } => items_(strategy, items),
                _ => {}
            }
        }
    }
    fn items_(strategy: &Strategy, items: &mut [ListItem]) {
        for item in items {
            if !item.serves.is_empty() {
                item.content.push(text(" ("));
                item.content.extend(goal_links(strategy, &item.serves));
                item.content.push(text(")"));
            }
            items_(strategy, &mut item.children);
        }
    }
    fn sections(strategy: &Strategy, list: &mut [Section]) {
        for s in list {
            blocks(strategy, &mut s.blocks);
            sections(strategy, &mut s.sections);
        }
    }
    for c in &mut report.chapters {
        blocks(&strategy, &mut c.blocks);
        sections(&strategy, &mut c.sections);
    }
    for ind in &strategy.indicators {
        let Some(table) = report.tables.get_mut(ind.table) else { continue };
        let label = table.rows.get(ind.row).map_or("", |r| r.label()).to_string();
        let mut note = vec![
            Inline::Strong {
                content: vec![text(format!("{} {}", ind.status.symbol(), ind.status.word()))],
            },
            text(format!(": {label} ({})", ind.direction.describe())),
        ];
        if !ind.serves.is_empty() {
            note.push(text(". Mål: "));
            note.extend(goal_links(&strategy, &ind.serves));
        }
        table.footnotes.push(note);
    }
}

fn counts(g: &GoalOverview) -> String {
    let (m, i) = (g.measures.len(), g.indicators.len());
    let mut s = format!(
        "{m} tiltak, {i} {}",
        if i == 1 { "resultatindikator" } else { "resultatindikatorer" }
    );
    if i > 0 {
        let parts: Vec<String> = [Status::Met, Status::NotMet, Status::NotMeasured]
            .iter()
            .map(|st| format!("{} {} {}", st.symbol(), g.count(*st), st.word().to_lowercase()))
            .collect();
        s.push_str(&format!(" ({})", parts.join(", ")));
    }
    s
}

fn title(g: &GoalOverview) -> String {
    format!("{}: {}", g.goal.label(), g.goal.title)
}

fn at(place: &Place) -> Vec<Inline> {
    vec![text(" ("), link(&place.anchor, vec![text(place.label.clone())]), text(")")]
}

fn item(content: Vec<Inline>) -> ListItem {
    ListItem { content, children: Vec::new(), serves: Vec::new() }
}

/// The measures under their goal rows: «Hovedmål: … (3.3.5, Funksjonsområde 2A Barnehager)»
/// with the measures nested.
fn measures_by_goal_row(g: &GoalOverview) -> Vec<ListItem> {
    let mut out: Vec<ListItem> = Vec::new();
    let mut last: Option<(&str, &[Inline])> = None;
    for m in &g.measures {
        let key = (m.place.anchor.as_str(), m.goal.as_slice());
        if last != Some(key) {
            let mut head = vec![text("Hovedmål: ")];
            head.extend(m.goal.iter().cloned());
            head.extend(at(&m.place));
            out.push(item(head));
            last = Some(key);
        }
        if let Some(parent) = out.last_mut() {
            parent.children.push(item(m.measure.clone()));
        }
    }
    out
}

/// The blocks of one goal's section or page.
fn goal_blocks(g: &GoalOverview) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(d) = &g.goal.description {
        out.push(Block::Paragraph { content: vec![text(d.clone())] });
    }
    if let Some(s) = &g.goal.source {
        out.push(Block::Paragraph {
            content: vec![Inline::Emph { content: vec![text(format!("Kilde: {s}"))] }],
        });
    }
    if g.measures.is_empty() && g.indicators.is_empty() {
        let mut p = vec![text(
            "Ingen tiltak eller resultatindikatorer i rapporten oppgir at de tjener dette målet.",
        )];
        if let Some(why) = &g.goal.not_reported {
            p.push(text(format!(" Begrunnelse: {why}")));
        }
        out.push(Block::Paragraph { content: p });
    } else {
        out.push(Block::Paragraph { content: vec![text(format!("I rapporten: {}.", counts(g)))] });
    }
    if !g.restated_by.is_empty() {
        out.push(Block::Heading { content: vec![text("Hovedmål som gjengir målet")] });
        let items = g.restated_by.iter().map(|r| item([r.text.clone(), at(&r.place)].concat()));
        out.push(Block::List { ordered: false, items: items.collect() });
    }
    if !g.measures.is_empty() {
        out.push(Block::Heading { content: vec![text("Tiltak")] });
        out.push(Block::List { ordered: false, items: measures_by_goal_row(g) });
    }
    if !g.indicators.is_empty() {
        out.push(Block::Heading { content: vec![text("Resultatindikatorer")] });
        let items = g.indicators.iter().map(|i| {
            let status = format!("{} {}", i.status.symbol(), i.status.word());
            let mut content = vec![
                Inline::Strong { content: vec![text(status)] },
                text(format!(": {} – {}", i.label, i.detail)),
            ];
            content.extend(at(&i.place));
            item(content)
        });
        out.push(Block::List { ordered: false, items: items.collect() });
    }
    out
}

fn section(g: &GoalOverview) -> Section {
    Section {
        id: g.goal.anchor.clone(),
        number: None,
        level: 2,
        title: title(g),
        blocks: goal_blocks(g),
        sections: Vec::new(),
    }
}

/// The summary: the legend and one line per goal with its counts, by kind.
fn summary(o: &Overview) -> Vec<Block> {
    let mut out = vec![Block::Paragraph {
        content: vec![text(
            "Oversikten viser, for hver hovedprioritering i bydelens strategiske plan og hvert av \
             byrådets mål, tiltakene og resultatindikatorene i årsberetningen som oppgir at de \
             tjener målet, med lenke til der de er rapportert. Status for resultatindikatorene: \
             ✓ Nådd, ✗ Ikke nådd, ○ Ikke målt (resultat eller måltall for året mangler).",
        )],
    }];
    for (kind, heading) in [
        (GoalKind::Priority, "Hovedprioriteringer"),
        (GoalKind::CityGoal, "Byrådets mål for bydelene"),
        (GoalKind::Approach, "Hovedgrep"),
    ] {
        let items: Vec<ListItem> = o
            .goals
            .iter()
            .filter(|g| g.goal.kind == kind)
            .map(|g| {
                item(vec![
                    link(&g.goal.anchor, vec![text(title(g))]),
                    text(format!(": {}", counts(g))),
                ])
            })
            .collect();
        if !items.is_empty() {
            out.push(Block::Heading { content: vec![text(heading)] });
            out.push(Block::List { ordered: false, items });
        }
    }
    out
}

/// The overview as chapters, in `layout`.
fn chapters(o: &Overview, layout: Layout) -> Vec<Chapter> {
    let ordered = [GoalKind::Priority, GoalKind::CityGoal, GoalKind::Approach]
        .into_iter()
        .flat_map(|k| o.goals.iter().filter(move |g| g.goal.kind == k));
    let chapter = |id: String, title: String, blocks, sections| Chapter {
        id,
        number: None,
        title,
        blocks,
        sections,
        source: "report.yaml".into(),
    };
    let priorities = o.goals.iter().filter(|g| g.goal.kind == GoalKind::Priority).count();
    let layout = if priorities > MAX_PRIORITY_PAGES { Layout::Sections } else { layout };
    match layout {
        Layout::Sections => {
            vec![chapter(
                OVERVIEW_ID.into(),
                o.title.clone(),
                summary(o),
                ordered.map(section).collect(),
            )]
        }
        Layout::Pages => {
            let (pages, rest): (Vec<&GoalOverview>, Vec<&GoalOverview>) =
                ordered.partition(|g| g.goal.kind == GoalKind::Priority);
            let mut out = vec![chapter(
                OVERVIEW_ID.into(),
                o.title.clone(),
                summary(o),
                rest.into_iter().map(section).collect(),
            )];
            out.extend(
                pages
                    .into_iter()
                    .map(|g| chapter(g.goal.anchor.clone(), title(g), goal_blocks(g), Vec::new())),
            );
            out
        }
    }
}
