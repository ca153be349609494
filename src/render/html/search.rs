//! The search index, built at build time with `elasticlunr-rs` (Norwegian pipeline:
//! trimmer, stop words, Snowball stemmer — the same three functions `lunr.no.js` registers
//! in the browser).
//!
//! One document per chapter introduction and per section: its reference is the href of
//! its heading (`kapittel-3.html#seksjon-3-1`), its fields the heading (`title`) and the
//! section's own text (`body`: paragraphs, lists, notes, goals, checklists, table
//! captions and row labels, figure captions; figures themselves are not indexed).
//! The index is written as `assets/search-index.js`, a script that assigns
//! `window.arsrapportSearch`, so that it loads from `file://` too, where `fetch` of a
//! JSON file is refused.

use elasticlunr::IndexBuilder;
use elasticlunr::lang::Norwegian;
use serde::Serialize;

use crate::model::{Block, Chapter, ListItem, Report, Section};

use super::inline::plain_text;

/// One searchable unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SearchDoc {
    /// The href of its heading.
    pub href: String,
    /// "3.1 Økonomi"
    pub title: String,
    /// Its text.
    pub body: String,
}

#[derive(Serialize)]
struct Payload<'a> {
    /// Page file → chapter label, for the breadcrumb of each hit.
    pages: std::collections::BTreeMap<&'a str, String>,
    index: &'a elasticlunr::Index,
}

/// The documents of one chapter page.
pub(crate) fn chapter_docs(report: &Report, chapter: &Chapter, file: &str) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    let body = blocks_text(report, &chapter.blocks);
    docs.push(SearchDoc {
        href: format!("{file}#{}", chapter.id),
        title: numbered(chapter.number.as_deref(), &chapter.title),
        body,
    });
    for section in &chapter.sections {
        section_docs(report, section, file, &mut docs);
    }
    docs
}

fn section_docs(report: &Report, section: &Section, file: &str, docs: &mut Vec<SearchDoc>) {
    docs.push(SearchDoc {
        href: format!("{file}#{}", section.id),
        title: numbered(section.number.as_deref(), &section.title),
        body: blocks_text(report, &section.blocks),
    });
    for sub in &section.sections {
        section_docs(report, sub, file, docs);
    }
}

/// "3.1 Økonomi", or the title alone.
pub(crate) fn numbered(number: Option<&str>, title: &str) -> String {
    match number {
        Some(n) => format!("{n} {title}"),
        None => title.to_string(),
    }
}

fn blocks_text(report: &Report, blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { content } | Block::Heading { content } => {
                parts.push(plain_text(content))
            }
            Block::List { items, .. } => list_text(items, &mut parts),
            Block::Note { title, paragraphs } => {
                parts.push(format!("{title}:"));
                parts.extend(paragraphs.iter().map(|p| plain_text(p)));
            }
            Block::Goals(goals) => {
                parts.push(goals.caption.clone());
                for goal in &goals.goals {
                    parts.push(plain_text(&goal.goal));
                    for m in &goal.measures {
                        parts.push(plain_text(&m.measure));
                        parts.push(plain_text(&m.comment));
                    }
                }
            }
            Block::Checklist(checklist) => {
                parts.push(checklist.caption.clone());
                for item in &checklist.items {
                    parts.push(plain_text(&item.question));
                    parts.push(plain_text(&item.comment));
                }
            }
            Block::Table { index } => {
                if let Some(table) = report.tables.get(*index) {
                    parts.push(numbered(
                        table.number.as_ref().map(|n| format!("Tabell {n}")).as_deref(),
                        &table.caption,
                    ));
                    parts.extend(table.rows.iter().map(|r| r.label().to_string()));
                }
            }
            Block::Figure(figure) => {
                parts.extend(figure.caption.as_ref().map(|c| plain_text(c)));
            }
            Block::Chart { index } => {
                parts.extend(report.charts.get(*index).map(|c| c.caption.clone()));
            }
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join(" ")
}

fn list_text(items: &[ListItem], parts: &mut Vec<String>) {
    for item in items {
        parts.push(plain_text(&item.content));
        list_text(&item.children, parts);
    }
}

/// The search index script: `window.arsrapportSearch = {pages, index};`.
///
/// `pages` maps page file to the chapter label shown with each hit.
pub(crate) fn index_script(docs: &[SearchDoc], pages: &[(String, String)]) -> String {
    let mut index = IndexBuilder::with_language(Box::new(Norwegian::new()))
        .save_docs(true)
        .add_fields(["title", "body"])
        .set_ref("id")
        .build();
    for doc in docs {
        index.add_doc(&doc.href, [doc.title.as_str(), doc.body.as_str()]);
    }
    let payload = Payload {
        pages: pages.iter().map(|(file, label)| (file.as_str(), label.clone())).collect(),
        index: &index,
    };
    // Serialising plain maps and strings cannot fail; keep a valid script if it ever did.
    let json = serde_json::to_string(&payload).unwrap_or_else(|_| "null".to_string());
    format!("window.arsrapportSearch = {json};\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(href: &str, title: &str, body: &str) -> SearchDoc {
        SearchDoc { href: href.into(), title: title.into(), body: body.into() }
    }

    #[test]
    fn index_is_a_script_with_the_norwegian_pipeline() {
        let script = index_script(
            &[doc("kapittel-3.html#seksjon-3-1", "3.1 Barnehager", "Barnehagene har mange barn.")],
            &[("kapittel-3.html".into(), "3 Målopnåelse".into())],
        );
        assert!(script.starts_with("window.arsrapportSearch = {"));
        assert!(script.trim_end().ends_with("};"));
        let json = script
            .trim_start_matches("window.arsrapportSearch = ")
            .trim_end()
            .trim_end_matches(';');
        let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        assert_eq!(value["pages"]["kapittel-3.html"], "3 Målopnåelse");
        let index = &value["index"];
        assert_eq!(index["lang"], "Norwegian");
        assert_eq!(
            index["pipeline"],
            serde_json::json!(["trimmer-no", "stopWordFilter-no", "stemmer-no"])
        );
        // "barnehager" and "barnehagene" are stemmed to the same term.
        let body = &index["index"]["body"]["root"];
        assert!(body["b"]["a"]["r"]["n"]["e"]["h"]["a"]["g"].is_object(), "{body}");
        assert!(index["index"]["body"]["root"]["h"]["a"]["r"].is_null(), "stop word 'har' dropped");
        assert_eq!(
            index["documentStore"]["docs"]["kapittel-3.html#seksjon-3-1"]["title"],
            "3.1 Barnehager"
        );
    }
}
