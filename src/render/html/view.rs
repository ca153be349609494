//! The template data: the report turned into what the Tera templates print.
//!
//! Every figure is formatted here with [`crate::format`], every piece of inline text is
//! turned into escaped HTML by [`super::inline`], and everything else (titles, captions,
//! cell text) is passed as plain strings that Tera escapes. Templates therefore only
//! decide markup and never format numbers.

use serde::Serialize;

use crate::model::{Block, Checklist, Figure, Goals, ListItem, RowStyle, Section};
use crate::render::view::{
    ChartView as SharedChart, ColumnRole, ColumnView as SharedColumn, ReportView,
    RowView as SharedRow, TableView as SharedTable,
};

use super::inline::{Footnote, InlineRenderer};

/// Site-wide data, the same on every page (`site` in templates).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteView {
    pub title: String,
    pub subtitle: Option<String>,
    pub district: String,
    pub organisation: String,
    pub year: i32,
    pub language: String,
    pub running_header: String,
    /// `01.03.2025`
    pub date: String,
    /// `2025-03-01`
    pub date_iso: String,
    pub description: String,
    pub keywords: String,
    pub generator: String,
    /// The href of the PDF, if there is one.
    pub pdf: Option<String>,
    /// Chapters for the tables of contents.
    pub chapters: Vec<NavChapter>,
    /// The report's `theme:` (stylesheet, logo, cover image).
    pub theme: super::theme::ThemeView,
}

/// A chapter in the tables of contents.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NavChapter {
    pub file: String,
    pub id: String,
    pub number: Option<String>,
    pub title: String,
    pub sections: Vec<NavSection>,
}

/// A section in the tables of contents.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NavSection {
    pub href: String,
    pub number: Option<String>,
    pub title: String,
    pub sections: Vec<NavSection>,
}

/// A link to another page (previous/next).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageLink {
    pub href: String,
    pub number: Option<String>,
    pub title: String,
}

/// One chapter page (`chapter` in `chapter.html`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChapterView {
    pub id: String,
    pub file: String,
    pub number: Option<String>,
    pub title: String,
    pub blocks: Vec<BlockView>,
    pub sections: Vec<SectionView>,
    pub footnotes: Vec<Footnote>,
    pub prev: Option<PageLink>,
    pub next: Option<PageLink>,
}

/// A section with its heading level on the page (h2 for the chapter's sections, …).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SectionView {
    pub id: String,
    pub number: Option<String>,
    pub title: String,
    /// 2–6.
    pub level: u8,
    pub blocks: Vec<BlockView>,
    pub sections: Vec<SectionView>,
}

/// A block, tagged by `type` for the templates.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub(crate) enum BlockView {
    Paragraph { html: String },
    Heading { html: String, level: u8 },
    List { ordered: bool, items: Vec<ListItemView> },
    Note { title: String, paragraphs: Vec<String> },
    Goals(GoalsView),
    Checklist(ChecklistView),
    Table(TableView),
    Figure(FigureView),
    Chart(ChartHtml),
}

/// A chart: the SVG drawn by the shared view, inline, and its figures as a table behind a
/// disclosure.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChartHtml {
    /// The chart's anchor (`diagram-1`), the id of its figure.
    pub anchor: String,
    /// `<anchor>-overskrift`, the id of the caption.
    pub caption_id: String,
    pub caption: String,
    /// «Tall i 1000 kr», if the table has a unit.
    pub unit: Option<String>,
    /// «Søylediagram» …
    pub kind_name: &'static str,
    /// The SVG document (made by arsrapport; every text in it escaped).
    pub svg: String,
    /// The same for narrow screens.
    pub svg_narrow: String,
    /// A link to the table the figures are from, if the table is placed.
    pub table_href: Option<String>,
    pub table_name: String,
    /// The header of the categories' column in the data table.
    pub category_header: String,
    /// The series' names: the data table's column headers.
    pub series: Vec<String>,
    /// The data table's rows: one per category.
    pub rows: Vec<ChartRowHtml>,
}

/// One row of a chart's data table: a category and its figures, as printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChartRowHtml {
    pub label: String,
    pub cells: Vec<String>,
}

/// A list item.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListItemView {
    pub html: String,
    pub children: Vec<ListItemView>,
}

/// A goal/measure table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GoalsView {
    /// Id of the caption.
    pub id: String,
    pub caption: String,
    pub goal_header: String,
    pub measure_header: String,
    pub comment_header: String,
    pub goals: Vec<GoalView>,
}

/// One goal and its measures.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GoalView {
    pub html: String,
    pub measures: Vec<MeasureView>,
}

/// One measure and the comment on it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MeasureView {
    pub measure: String,
    pub comment: String,
}

/// A checklist.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChecklistView {
    /// Id of the caption.
    pub id: String,
    pub caption: String,
    pub question_header: String,
    /// The answer columns (Ja, Delvis, Nei …), empty when `answer_header` is set.
    pub answers: Vec<String>,
    /// The header of the one answer column holding the answer as a word, if the form has one.
    pub answer_header: Option<String>,
    pub comment_header: String,
    pub items: Vec<ChecklistItemView>,
}

/// One checklist row.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChecklistItemView {
    pub question: String,
    /// One entry per answer column: the answer's name in the chosen one, else `None`.
    pub marks: Vec<Option<String>>,
    /// The chosen answer as a word (for the one-column form).
    pub answer: Option<String>,
    pub comment: String,
}

/// A data table, ready to print.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TableView {
    /// The table's anchor (`tabell-0-1-b`), the id of its container.
    pub anchor: String,
    /// `<anchor>-tittel`, the id of the caption.
    pub caption_id: String,
    /// `<anchor>-noter`, the id of the footnotes (when there are any).
    pub notes_id: String,
    /// "Tabell 0.1 B", if numbered.
    pub label: Option<String>,
    pub caption: String,
    /// The table has no caption of its own: `caption` is made up (from the first column
    /// header or row label) and printed for screen readers only.
    pub caption_hidden: bool,
    /// "Tall i 1000 kr", if the table has a unit.
    pub unit: Option<String>,
    /// The declared kind, as a CSS class (`kostra`, `key-figures` …).
    pub kind: String,
    /// Header groups above the column headers (empty: none).
    pub header_groups: Vec<HeaderGroupView>,
    pub columns: Vec<ColumnView>,
    /// Row groups: a new one starts at every group row.
    pub bodies: Vec<BodyView>,
    pub footnotes: Vec<String>,
    /// The table's figures as CSV and JSON-stat (`data/<anchor>.csv`, `.json`).
    pub data: crate::render::data::DataLinks,
}

/// A header cell spanning columns.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HeaderGroupView {
    pub title: String,
    pub span: usize,
}

/// A column header.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ColumnView {
    pub header: String,
    /// `text`, `num` or `code`.
    pub class: &'static str,
}

/// A `<tbody>`: an optional group row and the rows under it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BodyView {
    pub group: Option<String>,
    pub rows: Vec<RowView>,
}

/// One row: its label (the row header) and its other cells.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RowView {
    /// `normal` or `sum`.
    pub style: &'static str,
    pub label: String,
    pub cells: Vec<CellView>,
}

/// One formatted cell.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CellView {
    pub text: String,
    /// `text`, `num`, `num neg`, `code`.
    pub class: &'static str,
}

/// An image.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FigureView {
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
}

/// Builds the views of one page; owns the page's footnote numbering and id counters.
pub(crate) struct PageBuilder<'a> {
    pub view: &'a ReportView,
    pub inline: InlineRenderer<'a>,
    /// Site path of each figure by its source path.
    pub figures: &'a std::collections::HashMap<String, String>,
    counter: usize,
}

impl<'a> PageBuilder<'a> {
    pub(crate) fn new(
        view: &'a ReportView,
        inline: InlineRenderer<'a>,
        figures: &'a std::collections::HashMap<String, String>,
    ) -> Self {
        PageBuilder { view, inline, figures, counter: 0 }
    }

    pub(crate) fn footnotes(&mut self) -> Vec<Footnote> {
        self.inline.take_footnotes()
    }

    fn next_id(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}-{}", self.counter)
    }

    /// Sections at heading level `level` (2 for a chapter's own sections).
    pub(crate) fn sections(&mut self, sections: &[Section], level: u8) -> Vec<SectionView> {
        sections
            .iter()
            .map(|s| SectionView {
                id: s.id.clone(),
                number: s.number.clone(),
                title: s.title.clone(),
                level,
                blocks: self.blocks(&s.blocks, level),
                sections: self.sections(&s.sections, (level + 1).min(6)),
            })
            .collect()
    }

    /// Blocks inside a heading of level `level` (1 for the chapter heading).
    pub(crate) fn blocks(&mut self, blocks: &[Block], level: u8) -> Vec<BlockView> {
        blocks.iter().filter_map(|b| self.block(b, level)).collect()
    }

    fn block(&mut self, block: &Block, level: u8) -> Option<BlockView> {
        Some(match block {
            Block::Paragraph { content } => {
                BlockView::Paragraph { html: self.inline.render(content) }
            }
            Block::Heading { content } => {
                BlockView::Heading { html: self.inline.render(content), level: (level + 1).min(6) }
            }
            Block::List { ordered, items } => {
                BlockView::List { ordered: *ordered, items: self.list_items(items) }
            }
            Block::Note { title, paragraphs } => BlockView::Note {
                title: title.clone(),
                paragraphs: paragraphs.iter().map(|p| self.inline.render(p)).collect(),
            },
            Block::Goals(goals) => BlockView::Goals(self.goals(goals)),
            Block::Checklist(checklist) => BlockView::Checklist(self.checklist(checklist)),
            Block::Table { index } => BlockView::Table(self.table(self.view.table(*index)?)),
            Block::Chart { index } => BlockView::Chart(self.chart(self.view.chart(*index)?)),
            Block::Figure(figure) => BlockView::Figure(self.figure(figure)),
        })
    }

    fn list_items(&mut self, items: &[ListItem]) -> Vec<ListItemView> {
        items
            .iter()
            .map(|item| ListItemView {
                html: self.inline.render(&item.content),
                children: self.list_items(&item.children),
            })
            .collect()
    }

    fn goals(&mut self, goals: &Goals) -> GoalsView {
        GoalsView {
            id: self.next_id("maltabell"),
            caption: goals.caption.clone(),
            goal_header: goals.goal_header.clone(),
            measure_header: "Tiltak".to_string(),
            comment_header: goals.comment_header.clone(),
            goals: goals
                .goals
                .iter()
                .map(|g| GoalView {
                    html: self.inline.render(&g.goal),
                    measures: g
                        .measures
                        .iter()
                        .map(|m| MeasureView {
                            measure: self.inline.render(&m.measure),
                            comment: self.inline.render(&m.comment),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn checklist(&mut self, checklist: &Checklist) -> ChecklistView {
        ChecklistView {
            id: self.next_id("sjekkliste"),
            caption: checklist.caption.clone(),
            question_header: checklist.question_header.clone(),
            answers: match checklist.answer_header {
                Some(_) => Vec::new(),
                None => checklist.answers.clone(),
            },
            answer_header: checklist.answer_header.clone(),
            comment_header: checklist.comment_header.clone(),
            items: checklist
                .items
                .iter()
                .map(|item| ChecklistItemView {
                    question: self.inline.render(&item.question),
                    marks: match checklist.answer_header {
                        Some(_) => Vec::new(),
                        None => checklist
                            .answers
                            .iter()
                            .enumerate()
                            .map(|(k, a)| (item.answer == Some(k)).then(|| a.clone()))
                            .collect(),
                    },
                    answer: item.answer.and_then(|k| checklist.answers.get(k).cloned()),
                    comment: self.inline.render(&item.comment),
                })
                .collect(),
        }
    }

    fn figure(&mut self, figure: &Figure) -> FigureView {
        FigureView {
            src: self.figures.get(&figure.path).cloned().unwrap_or_default(),
            alt: figure.alt.clone(),
            caption: figure.caption.as_ref().map(|c| self.inline.render(c)),
        }
    }

    pub(crate) fn table(&mut self, table: &SharedTable) -> TableView {
        table_view(table, |footnote| self.inline.render(footnote))
    }

    fn chart(&mut self, chart: &SharedChart) -> ChartHtml {
        ChartHtml {
            anchor: chart.anchor.clone(),
            caption_id: format!("{}-overskrift", chart.anchor),
            caption: chart.caption.clone(),
            unit: chart.unit_line.clone(),
            kind_name: chart.kind_name,
            svg: chart.svg.clone(),
            svg_narrow: chart.svg_narrow.clone(),
            table_href: self.inline.href(&chart.table_anchor),
            table_name: chart.table_name.clone(),
            category_header: chart.category_header.clone(),
            series: chart.series.iter().map(|s| s.name.clone()).collect(),
            rows: chart
                .categories
                .iter()
                .enumerate()
                .map(|(k, label)| ChartRowHtml {
                    label: label.clone(),
                    cells: chart
                        .series
                        .iter()
                        .map(|s| s.texts.get(k).cloned().unwrap_or_default())
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The HTML view of a data table (ids, CSS classes, row groups) from the shared view;
/// `inline` renders its footnotes.
pub(crate) fn table_view(
    table: &SharedTable,
    mut inline: impl FnMut(&[crate::model::Inline]) -> String,
) -> TableView {
    let columns: Vec<ColumnView> = table
        .columns
        .iter()
        .map(|c| ColumnView { header: c.header.clone(), class: column_class(c.role) })
        .collect();
    let mut bodies = vec![BodyView { group: None, rows: Vec::new() }];
    for row in &table.rows {
        if row.style == RowStyle::Group {
            bodies.push(BodyView { group: Some(row.label().to_string()), rows: Vec::new() });
            continue;
        }
        if let Some(body) = bodies.last_mut() {
            body.rows.push(row_view(row, &table.columns));
        }
    }
    bodies.retain(|b| b.group.is_some() || !b.rows.is_empty());
    TableView {
        anchor: table.anchor.clone(),
        caption_id: format!("{}-tittel", table.anchor),
        notes_id: format!("{}-noter", table.anchor),
        label: table.label.clone(),
        caption: table.caption.clone(),
        caption_hidden: table.caption_hidden,
        unit: table.unit_line.clone(),
        kind: serde_json::to_value(table.kind)
            .ok()
            .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
            .unwrap_or_default(),
        header_groups: table
            .header_groups
            .iter()
            .map(|g| HeaderGroupView { title: g.title.clone(), span: g.span })
            .collect(),
        columns,
        bodies,
        footnotes: table.footnotes.iter().map(|f| inline(f)).collect(),
        data: crate::render::data::links(&table.anchor),
    }
}

fn column_class(role: ColumnRole) -> &'static str {
    match role {
        ColumnRole::Label | ColumnRole::Text | ColumnRole::Prose => "text",
        ColumnRole::Number => "num",
        ColumnRole::Code => "code",
    }
}

fn row_view(row: &SharedRow, columns: &[SharedColumn]) -> RowView {
    let cells = row
        .cells
        .iter()
        .zip(columns)
        .skip(1)
        .map(|(cell, column)| {
            let class = match column.role {
                ColumnRole::Prose => "text prose",
                ColumnRole::Label | ColumnRole::Text => "text",
                ColumnRole::Code => "code",
                ColumnRole::Number if cell.negative => "num neg",
                ColumnRole::Number => "num",
            };
            CellView { text: cell.text.clone(), class }
        })
        .collect();
    RowView {
        style: if row.style == RowStyle::Sum { "sum" } else { "normal" },
        label: row.label().to_string(),
        cells,
    }
}
