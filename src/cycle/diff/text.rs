//! The text of two versions, section by section: chapters and sections paired by id, the
//! texts of each compared in order (a longest common subsequence, so an inserted paragraph is
//! one addition, not a change of every paragraph after it), and a changed text word by word.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use crate::model::{Block, Chapter, Inline, ListItem, Report, Section};

use super::{SectionChange, Status};

/// Texts longer than this many words are compared as wholes, not word by word.
pub const MAX_WORDS: usize = 5_000;

/// Sections with more texts than this are compared as wholes: every text removed and added.
pub const MAX_TEXTS: usize = 5_000;

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
                    let answer =
                        item.answer.and_then(|a| list.answers.get(a)).map_or("", String::as_str);
                    out.push(("sjekkliste", format!("{} – {answer}", plain(&item.question))));
                    out.push(("kommentar i sjekkliste", plain(&item.comment)));
                }
            }
            Block::Figure(figure) => out.push(("figur", figure.alt.clone())),
            // A chart draws its table's figures, which the table comparison covers.
            Block::Table { .. } | Block::Chart { .. } => {}
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
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => {
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
    let ops = if a.len().max(b.len()) > MAX_TEXTS {
        vec![
            DiffOp::Delete { old_index: 0, old_len: a.len(), new_index: 0 },
            DiffOp::Insert { old_index: a.len(), new_index: 0, new_len: b.len() },
        ]
    } else {
        capture_diff_slices(Algorithm::Myers, &a, &b)
    };
    for op in ops {
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

/// A text's change word by word: the words deleted and inserted between two unchanged runs
/// are one deletion and one insertion (`[-i løpet av året-]{+igjen+}`), not word by word.
pub fn words(old: &str, new: &str) -> Vec<Words> {
    // Comparing word by word takes time in proportion to the product of the lengths at worst:
    // beyond this, a changed text is shown as replaced as a whole.
    if old.split_whitespace().count().max(new.split_whitespace().count()) > MAX_WORDS {
        return vec![
            Words { op: "delete", text: old.into() },
            Words { op: "insert", text: new.into() },
        ];
    }
    let diff = TextDiff::configure().algorithm(Algorithm::Myers).diff_words(old, new);
    let mut out: Vec<Words> = Vec::new();
    let (mut del, mut ins, mut gap) = (String::new(), String::new(), String::new());
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Equal if value.trim().is_empty() && !(del.is_empty() && ins.is_empty()) => {
                gap.push_str(value);
            }
            ChangeTag::Equal => {
                flush(&mut out, &mut del, &mut ins, &mut gap);
                push(&mut out, "equal", value);
            }
            ChangeTag::Delete => {
                if !del.is_empty() {
                    del.push_str(&gap);
                }
                del.push_str(value);
                if !ins.is_empty() {
                    ins.push_str(&gap);
                }
                gap.clear();
            }
            ChangeTag::Insert => {
                if !ins.is_empty() {
                    ins.push_str(&gap);
                }
                ins.push_str(value);
                if !del.is_empty() {
                    del.push_str(&gap);
                }
                gap.clear();
            }
        }
    }
    flush(&mut out, &mut del, &mut ins, &mut gap);
    out
}

fn push(out: &mut Vec<Words>, op: &'static str, text: &str) {
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(Words { op, text: text.to_string() }),
    }
}

fn flush(out: &mut Vec<Words>, del: &mut String, ins: &mut String, gap: &mut String) {
    for (op, text) in [("delete", &mut *del), ("insert", &mut *ins)] {
        let kept = text.trim_end().len();
        if kept > 0 {
            push(out, op, &text[..kept]);
            gap.insert_str(0, &text[kept..]);
        }
        text.clear();
    }
    if !gap.is_empty() {
        let g = std::mem::take(gap);
        let g: String =
            if g.chars().all(char::is_whitespace) && g.len() > 1 { " ".into() } else { g };
        push(out, "equal", &g);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_show_what_changed() {
        let w = words("Bydelen hadde 1657 saker i 2024.", "Bydelen hadde 1702 saker i 2025.");
        let changed: Vec<_> =
            w.iter().filter(|w| w.op != "equal").map(|w| (w.op, w.text.as_str())).collect();
        assert_eq!(
            changed,
            [("delete", "1657"), ("insert", "1702"), ("delete", "2024."), ("insert", "2025.")]
        );
        let w = words("økte i løpet av året.", "økte igjen, til 74 %.");
        let changed: Vec<_> =
            w.iter().filter(|w| w.op != "equal").map(|w| (w.op, w.text.as_str())).collect();
        assert_eq!(changed, [("delete", "i løpet av året."), ("insert", "igjen, til 74 %.")]);
    }

    #[test]
    fn very_long_texts_are_compared_as_wholes() {
        let old = "ord ".repeat(MAX_WORDS + 1);
        let new = format!("{old} til");
        let w = words(&old, &new);
        assert_eq!(w.iter().map(|w| w.op).collect::<Vec<_>>(), ["delete", "insert"]);
    }
}
