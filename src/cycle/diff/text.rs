//! The text of two versions, section by section: chapters and sections paired by id, the
//! texts of each compared in order (a longest common subsequence, so an inserted paragraph is
//! one addition, not a change of every paragraph after it), and a changed text word by word.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use crate::model::{Block, Chapter, Inline, ListItem, Report, Section};

use super::{SectionChange, Status};

/// A text added, removed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct TextChange {
    /// The chapter or section: its number and title.
    pub place: String,
    /// What kind of text: avsnitt, liste, kommentar, …
    pub kind: String,
    /// What happened.
    pub status: Status,
    /// The old text.
    pub old: Option<String>,
    /// The new text.
    pub new: Option<String>,
    /// A changed text word by word.
    pub words: Vec<Words>,
}

/// A run of words: kept, deleted or inserted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    /// The words, with their spacing.
    pub text: String,
}

/// A chapter or section with its own texts (not its subsections').
struct Part {
    id: String,
    title: String,
    texts: Vec<(&'static str, String)>,
}

/// Sections added or removed, and texts added, removed or changed.
pub fn compare(old: &Report, new: &Report) -> (Vec<SectionChange>, Vec<TextChange>) {
    let (old_parts, new_parts) = (parts(old), parts(new));
    let mut sections = Vec::new();
    let mut texts = Vec::new();
    for part in &old_parts {
        match new_parts.iter().find(|p| p.id == part.id) {
            Some(now) => texts.extend(compare_texts(part, now)),
            None => sections.push(SectionChange {
                status: Status::Removed,
                id: part.id.clone(),
                title: part.title.clone(),
            }),
        }
    }
    for part in new_parts.iter().filter(|p| !old_parts.iter().any(|o| o.id == p.id)) {
        sections.push(SectionChange {
            status: Status::Added,
            id: part.id.clone(),
            title: part.title.clone(),
        });
    }
    (sections, texts)
}

fn parts(report: &Report) -> Vec<Part> {
    let mut out = Vec::new();
    for chapter in &report.chapters {
        chapter_parts(chapter, &mut out);
    }
    out
}

fn numbered(number: &Option<String>, title: &str) -> String {
    match number {
        Some(n) => format!("{n} {title}"),
        None => title.to_string(),
    }
}

fn chapter_parts(chapter: &Chapter, out: &mut Vec<Part>) {
    out.push(Part {
        id: chapter.id.clone(),
        title: numbered(&chapter.number, &chapter.title),
        texts: block_texts(&chapter.blocks),
    });
    let mut todo: Vec<&Section> = chapter.sections.iter().rev().collect();
    while let Some(section) = todo.pop() {
        out.push(Part {
            id: section.id.clone(),
            title: numbered(&section.number, &section.title),
            texts: block_texts(&section.blocks),
        });
        todo.extend(section.sections.iter().rev());
    }
}

fn block_texts(blocks: &[Block]) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { content } => out.push(("avsnitt", plain(content))),
            Block::Heading { content } => out.push(("overskrift", plain(content))),
            Block::List { items, .. } => list_texts(items, &mut out),
            Block::Note { paragraphs, .. } => {
                out.extend(paragraphs.iter().map(|p| ("kommentar", plain(p))));
            }
            Block::Goals(goals) => {
                for goal in &goals.goals {
                    out.push(("mål", plain(&goal.goal)));
                    for m in &goal.measures {
                        out.push(("tiltak", plain(&m.measure)));
                        out.push(("kommentar til tiltak", plain(&m.comment)));
                    }
                }
            }
            Block::Checklist(list) => {
                for item in &list.items {
                    let answer = item.answer.and_then(|a| list.answers.get(a)).map_or("", String::as_str);
                    out.push(("sjekkliste", format!("{} – {answer}", plain(&item.question))));
                    out.push(("kommentar i sjekkliste", plain(&item.comment)));
                }
            }
            Block::Figure(figure) => out.push(("figur", figure.alt.clone())),
            Block::Table { .. } => {}
        }
    }
    out.retain(|(_, t)| !t.trim().is_empty());
    out
}

fn list_texts(items: &[ListItem], out: &mut Vec<(&'static str, String)>) {
    for item in items {
        out.push(("listepunkt", plain(&item.content)));
        list_texts(&item.children, out);
    }
}

/// The words of inline text, without markup (a footnote in brackets).
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(text),
            Inline::Strong { content } | Inline::Emph { content } | Inline::Link { content, .. } => {
                out.push_str(&plain(content));
            }
            Inline::Footnote { content } => {
                out.push_str(" [");
                out.push_str(&plain(content));
                out.push(']');
            }
            Inline::LineBreak => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn compare_texts(old: &Part, new: &Part) -> Vec<TextChange> {
    let a: Vec<&(&str, String)> = old.texts.iter().collect();
    let b: Vec<&(&str, String)> = new.texts.iter().collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (removed, added) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete { old_index, old_len, .. } => (old_index..old_index + old_len, 0..0),
            DiffOp::Insert { new_index, new_len, .. } => (0..0, new_index..new_index + new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (old_index..old_index + old_len, new_index..new_index + new_len)
            }
        };
        let paired = removed.len().min(added.len());
        for k in 0..removed.len().max(added.len()) {
            let o = (k < removed.len()).then(|| a[removed.start + k]);
            let n = (k < added.len()).then(|| b[added.start + k]);
            let status = match (o, n) {
                (Some(_), Some(_)) if k < paired => Status::Changed,
                (Some(_), _) => Status::Removed,
                _ => Status::Added,
            };
            let kind = n.or(o).map_or("", |t| t.0);
            out.push(TextChange {
                place: new.title.clone(),
                kind: kind.to_string(),
                status,
                old: o.map(|t| t.1.clone()),
                new: n.map(|t| t.1.clone()),
                words: match (o, n) {
                    (Some(o), Some(n)) => words(&o.1, &n.1),
                    _ => Vec::new(),
                },
            });
        }
    }
    out
}

/// A text's change word by word; runs of the same kind merged.
pub fn words(old: &str, new: &str) -> Vec<Words> {
    let diff = TextDiff::configure().algorithm(Algorithm::Myers).diff_words(old, new);
    let mut out: Vec<Words> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(Words { op, text: change.value().to_string() }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_show_what_changed() {
        let w = words("Bydelen hadde 1657 saker i 2024.", "Bydelen hadde 1702 saker i 2025.");
        let changed: Vec<_> = w.iter().filter(|w| w.op != "equal").map(|w| (w.op, w.text.as_str())).collect();
        assert_eq!(changed, [("delete", "1657"), ("insert", "1702"), ("delete", "2024."), ("insert", "2025.")]);
    }
}
