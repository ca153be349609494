//! Blocks: paragraphs, headings, lists, notes, goal tables, checklists, tables, figures.

use crate::diag::{Code, Diagnostic};
use crate::load::read::{Fields, FromYaml, OneOrMany, Out, Spanned, Text, fail};
use crate::load::yaml::{Node, Value, did_you_mean};
use crate::source::Span;
use crate::tr;

use super::{ChartSource, TableSource};

/// The block kinds, as written.
const KINDS: &[&str] = &[
    "p",
    "heading",
    "list",
    "numbered_list",
    "note",
    "goals",
    "checklist",
    "table",
    "figure",
    "chart",
];

/// A block as written: a map with one key naming its kind.
#[derive(Debug, Clone)]
pub enum BlockSource {
    /// `p:`
    Paragraph(Text),
    /// `heading:`
    Heading(Text),
    /// `list:` or `numbered_list:`
    List {
        /// `numbered_list:`
        ordered: bool,
        /// The items.
        items: Vec<ListItemSource>,
    },
    /// `note:`
    Note(NoteSource),
    /// `goals:`
    Goals(GoalsSource),
    /// `checklist:`
    Checklist(ChecklistSource),
    /// `table:`
    Table(Box<TableSource>),
    /// `figure:`
    Figure(FigureSource),
    /// `chart:`
    Chart(Box<ChartSource>),
}

impl FromYaml for BlockSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_block_a_map_with;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let entries = match &node.value {
            Value::Map(e) => e,
            Value::Scalar(..) => {
                out.push(
                    node.type_error(&tr!(read_a_block_such_as_p))
                        .with_hint(tr!(read_write_a_paragraph_as_p)),
                );
                return None;
            }
            _ => return fail(node, &Self::EXPECTED.text(), out),
        };
        let [(key_node, value)] = entries.as_slice() else {
            let keys: Vec<String> = entries
                .iter()
                .filter_map(|(k, _)| k.as_str("").ok().map(|s| format!("`{s}`")))
                .collect();
            out.push(
                Diagnostic::error(
                    Code::YamlSchema,
                    tr!(
                        read_a_block_has_exactly_one,
                        count = entries.len(),
                        keys = keys.join(", ")
                    ),
                )
                .at(node.span.clone())
                .with_hint(tr!(read_is_the_indentation_right_options)),
            );
            return None;
        };
        let key = key_node.as_str(&tr!(read_a_block_kind)).unwrap_or("");
        Some(match key {
            "p" => BlockSource::Paragraph(Text::from_yaml(value, out)?),
            "heading" => BlockSource::Heading(Text::from_yaml(value, out)?),
            "list" | "numbered_list" => BlockSource::List {
                ordered: key == "numbered_list",
                items: Vec::from_yaml(value, out)?,
            },
            "note" => BlockSource::Note(NoteSource::from_yaml(value, out)?),
            "goals" => BlockSource::Goals(GoalsSource::from_yaml(value, out)?),
            "checklist" => BlockSource::Checklist(ChecklistSource::from_yaml(value, out)?),
            "table" => BlockSource::Table(Box::new(TableSource::from_yaml(value, out)?)),
            "figure" => BlockSource::Figure(FigureSource::from_yaml(value, out)?),
            "chart" => BlockSource::Chart(Box::new(ChartSource::from_yaml(value, out)?)),
            other => {
                let mut d = Diagnostic::error(
                    Code::YamlSchema,
                    tr!(read_unknown_block_other, other = other),
                )
                .at(key_node.span.clone())
                .with_note(tr!(read_blocks_are, blocks = KINDS.join(", ")));
                if let Some(best) = did_you_mean(other, KINDS.iter().copied()) {
                    d = d.with_hint(tr!(read_did_you_mean_best_3, best = best));
                }
                out.push(d);
                return None;
            }
        })
    }
}

/// A list item: a text, or `{text, items}` with a nested list.
#[derive(Debug, Clone)]
pub struct ListItemSource {
    /// The item's text.
    pub text: Text,
    /// A nested list.
    pub items: Vec<ListItemSource>,
    /// `serves:` the goals the item restates (a «Hovedmål» list).
    pub serves: Vec<Spanned<String>>,
    /// The item.
    pub span: Span,
}

impl FromYaml for ListItemSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_list_item_a_text;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        if !matches!(node.value, Value::Map(_)) {
            let text = Text::from_yaml(node, out)?;
            return Some(ListItemSource {
                text,
                items: Vec::new(),
                serves: Vec::new(),
                span: node.span.clone(),
            });
        }
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let text: Option<Text> = f.req("text", &tr!(read_the_item_s_text), out);
        let items = f.list("items", out);
        let unchanged: Option<Spanned<bool>> = f.opt("unchanged", out);
        let serves = super::strategy::serves(&mut f, out);
        f.finish(out);
        let mut text = text?;
        if let Some(u) = unchanged.filter(|u| u.value) {
            text.unchanged = Some(u.span);
        }
        Some(ListItemSource { text, items, serves, span: node.span.clone() })
    }
}

/// `note:` a text, a list of paragraphs, or `{title, text}`.
#[derive(Debug, Clone)]
pub struct NoteSource {
    /// `title:` (default «Kommentar»).
    pub title: Option<Spanned<String>>,
    /// Its paragraphs.
    pub paragraphs: Vec<Text>,
}

impl FromYaml for NoteSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_note_a_text_a;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        if !matches!(node.value, Value::Map(_)) {
            let OneOrMany(paragraphs) = OneOrMany::from_yaml(node, out)?;
            return Some(NoteSource { title: None, paragraphs });
        }
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let title = f.opt("title", out);
        let text: Option<OneOrMany<Text>> = f.req("text", &tr!(read_the_note_s_text), out);
        f.finish(out);
        Some(NoteSource { title, paragraphs: text?.0 })
    }
}

/// `goals:` a goal table.
#[derive(Debug, Clone)]
pub struct GoalsSource {
    /// `caption:`
    pub caption: Option<Spanned<String>>,
    /// `goal_header:` (default «Hovedmål»).
    pub goal_header: Option<Spanned<String>>,
    /// `comment_header:` (default «Kommentar»).
    pub comment_header: Option<Spanned<String>>,
    /// `goals:`
    pub goals: Vec<GoalSource>,
}

impl FromYaml for GoalsSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_goal_table_a_map;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let goals = GoalsSource {
            caption: f.opt("caption", out),
            goal_header: f.opt("goal_header", out),
            comment_header: f.opt("comment_header", out),
            goals: f.req("goals", &tr!(read_the_list_of_goals), out).unwrap_or_default(),
        };
        f.finish(out);
        Some(goals)
    }
}

/// One goal with its measures.
#[derive(Debug, Clone)]
pub struct GoalSource {
    /// `goal:`
    pub goal: Text,
    /// `measures:`
    pub measures: Vec<MeasureSource>,
    /// `serves:` the goals the goal row serves (its measures serve them too).
    pub serves: Vec<Spanned<String>>,
}

impl FromYaml for GoalSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_goal_a_map_with;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let goal = f.req("goal", &tr!(read_the_goal_s_text), out);
        let measures = f.list("measures", out);
        let serves = super::strategy::serves(&mut f, out);
        f.finish(out);
        Some(GoalSource { goal: goal?, measures, serves })
    }
}

/// One measure and the comment on it.
#[derive(Debug, Clone)]
pub struct MeasureSource {
    /// `measure:`
    pub measure: Text,
    /// `comment:`
    pub comment: Option<Text>,
    /// `serves:` the goals the measure serves.
    pub serves: Vec<Spanned<String>>,
}

impl FromYaml for MeasureSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_measure_a_map_with;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let measure = f.req("measure", &tr!(read_the_measure_s_text), out);
        let comment = f.opt("comment", out);
        let serves = super::strategy::serves(&mut f, out);
        f.finish(out);
        Some(MeasureSource { measure: measure?, comment, serves })
    }
}

/// `checklist:` a checklist table.
#[derive(Debug, Clone)]
pub struct ChecklistSource {
    /// `caption:`
    pub caption: Option<Spanned<String>>,
    /// `question_header:` (default «Spørsmål»).
    pub question_header: Option<Spanned<String>>,
    /// `answer_header:` print one column with this header and the chosen answer as a word
    /// (the forms' «Ja/nei» column) instead of one column per answer with an X.
    pub answer_header: Option<Spanned<String>>,
    /// `answers:` the answer columns (default `[Ja, Delvis, Nei]`).
    pub answers: Option<Spanned<Vec<Spanned<String>>>>,
    /// `comment_header:` (default «Kommentar»).
    pub comment_header: Option<Spanned<String>>,
    /// `items:`
    pub items: Vec<ChecklistItemSource>,
}

impl FromYaml for ChecklistSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_checklist_a_map_with;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let list = ChecklistSource {
            caption: f.opt("caption", out),
            question_header: f.opt("question_header", out),
            answer_header: f.opt("answer_header", out),
            answers: f.opt("answers", out),
            comment_header: f.opt("comment_header", out),
            items: f.req("items", &tr!(read_the_checklist_s_rows), out).unwrap_or_default(),
        };
        f.finish(out);
        Some(list)
    }
}

/// One checklist row.
#[derive(Debug, Clone)]
pub struct ChecklistItemSource {
    /// `question:`
    pub question: Text,
    /// `answer:` one of the checklist's answers; resolved when lowering.
    pub answer: Option<Spanned<String>>,
    /// `comment:`
    pub comment: Option<Text>,
}

impl FromYaml for ChecklistItemSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_row_a_map_with;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let question = f.req("question", &tr!(read_the_question), out);
        let answer = f.opt("answer", out);
        let comment = f.opt("comment", out);
        f.finish(out);
        Some(ChecklistItemSource { question: question?, answer, comment })
    }
}

/// `figure:` an image.
#[derive(Debug, Clone)]
pub struct FigureSource {
    /// `file:`
    pub file: Option<Spanned<String>>,
    /// `alt:`
    pub alt: Option<Spanned<String>>,
    /// `caption:`
    pub caption: Option<Text>,
    /// The figure's map.
    pub span: Span,
}

impl FromYaml for FigureSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_figure_a_map_with;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let figure = FigureSource {
            file: f.req("file", &tr!(read_the_image_file), out),
            alt: f.opt("alt", out),
            caption: f.opt("caption", out),
            span: f.span(),
        };
        f.finish(out);
        Some(figure)
    }
}
