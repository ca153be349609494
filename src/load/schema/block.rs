//! Blocks: paragraphs, headings, lists, notes, goal tables, checklists, tables, figures.

use crate::diag::{Code, Diagnostic};
use crate::load::read::{Fields, FromYaml, OneOrMany, Out, Spanned, Text, fail};
use crate::load::yaml::{Node, Value, did_you_mean};
use crate::source::Span;

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
    const EXPECTED: &'static str = "a block (a map with one key: p, list, note, table …)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let entries = match &node.value {
            Value::Map(e) => e,
            Value::Scalar(..) => {
                out.push(
                    node.type_error("a block such as `- p: text`")
                        .with_hint("write a paragraph as `- p: Your text`"),
                );
                return None;
            }
            _ => return fail(node, Self::EXPECTED, out),
        };
        let [(key_node, value)] = entries.as_slice() else {
            let keys: Vec<String> = entries
                .iter()
                .filter_map(|(k, _)| k.as_str("").ok().map(|s| format!("`{s}`")))
                .collect();
            out.push(
                Diagnostic::error(
                    Code::YamlSchema,
                    format!("a block has exactly one key, this one has {}: {}", entries.len(), keys.join(", ")),
                )
                .at(node.span.clone())
                .with_hint("is the indentation right? Options of a table or note go one level deeper, under `table:`"),
            );
            return None;
        };
        let key = key_node.as_str("a block kind").unwrap_or("");
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
                let mut d = Diagnostic::error(Code::YamlSchema, format!("unknown block `{other}`"))
                    .at(key_node.span.clone())
                    .with_note(format!("blocks are: {}", KINDS.join(", ")));
                if let Some(best) = did_you_mean(other, KINDS.iter().copied()) {
                    d = d.with_hint(format!("did you mean `{best}`?"));
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
    const EXPECTED: &'static str = "a list item (a text, or a map with text and items)";

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
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let text: Option<Text> = f.req("text", "the item's text", out);
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
    const EXPECTED: &'static str =
        "a note (a text, a list of paragraphs, or a map with title and text)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        if !matches!(node.value, Value::Map(_)) {
            let OneOrMany(paragraphs) = OneOrMany::from_yaml(node, out)?;
            return Some(NoteSource { title: None, paragraphs });
        }
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let title = f.opt("title", out);
        let text: Option<OneOrMany<Text>> = f.req("text", "the note's text", out);
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
    const EXPECTED: &'static str = "a goal table (a map with goals)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let goals = GoalsSource {
            caption: f.opt("caption", out),
            goal_header: f.opt("goal_header", out),
            comment_header: f.opt("comment_header", out),
            goals: f.req("goals", "the list of goals", out).unwrap_or_default(),
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
    const EXPECTED: &'static str = "a goal (a map with goal and measures)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let goal = f.req("goal", "the goal's text", out);
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
    const EXPECTED: &'static str = "a measure (a map with measure and comment)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let measure = f.req("measure", "the measure's text", out);
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
    const EXPECTED: &'static str = "a checklist (a map with items)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let list = ChecklistSource {
            caption: f.opt("caption", out),
            question_header: f.opt("question_header", out),
            answer_header: f.opt("answer_header", out),
            answers: f.opt("answers", out),
            comment_header: f.opt("comment_header", out),
            items: f.req("items", "the checklist's rows", out).unwrap_or_default(),
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
    const EXPECTED: &'static str = "a row (a map with question, answer, comment)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let question = f.req("question", "the question", out);
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
    const EXPECTED: &'static str = "a figure (a map with file, alt, caption)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let figure = FigureSource {
            file: f.req("file", "the image file", out),
            alt: f.opt("alt", out),
            caption: f.opt("caption", out),
            span: f.span(),
        };
        f.finish(out);
        Some(figure)
    }
}
