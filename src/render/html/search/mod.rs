//! The search index, built at build time: an elasticlunr 0.9.5 index with `elasticlunr-rs`'s
//! Norwegian pipeline (trimmer, stop words, Snowball stemmer — the same three functions
//! `lunr.no.js` registers in the browser), written by [`index_script`] as elasticlunr-rs
//! would write it.
//!
//! One document per chapter introduction and per section: its reference is the href of
//! its heading (`kapittel-3.html#seksjon-3-1`), its fields the heading (`title`) and the
//! section's own text (`body`: paragraphs, lists, notes, goals, checklists, figure
//! captions). Each table is a document of its own (`kapittel-3.html#tabell-0-1-b`): its
//! caption, column headers, row labels and figures as printed.
//!
//! The Norwegian trimmer drops digits from tokens, so figures cannot be found through the
//! word index. They get a lookup of their own, `figures`: each printed figure, in the
//! [`figure_key`] form (no spaces of any kind, no `%`, a hyphen for the minus), maps to the
//! tables that print it; the browser normalises a query the same way, so «8 110»,
//! «8110» and «89,4 %» find the tables that print them.
//!
//! The index is written as `assets/search-index.js`, a script that assigns
//! `window.arsrapportSearch`, so that it loads from `file://` too, where `fetch` of a
//! JSON file is refused.

use crate::format;
use crate::model::{Block, Cell, Chapter, ListItem, Report, Section, Table};

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
    /// Figures printed in it, in [`figure_key`] form: a table's cells, the figures in a
    /// section's text.
    pub figures: Vec<String>,
}

/// The documents of one chapter page.
pub(crate) fn chapter_docs(report: &Report, chapter: &Chapter, file: &str) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    let body = blocks_text(report, &chapter.blocks);
    docs.push(SearchDoc {
        href: format!("{file}#{}", chapter.id),
        title: numbered(chapter.number.as_deref(), &chapter.title),
        figures: figures_in(&body),
        body,
    });
    table_docs(report, &chapter.blocks, file, &mut docs);
    for section in &chapter.sections {
        section_docs(report, section, file, &mut docs);
    }
    docs
}

fn section_docs(report: &Report, section: &Section, file: &str, docs: &mut Vec<SearchDoc>) {
    let body = blocks_text(report, &section.blocks);
    docs.push(SearchDoc {
        href: format!("{file}#{}", section.id),
        title: numbered(section.number.as_deref(), &section.title),
        figures: figures_in(&body),
        body,
    });
    table_docs(report, &section.blocks, file, docs);
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

/// One document per table among `blocks`.
fn table_docs(report: &Report, blocks: &[Block], file: &str, docs: &mut Vec<SearchDoc>) {
    for block in blocks {
        if let Block::Table { index } = block
            && let Some(table) = report.tables.get(*index)
        {
            docs.push(table_doc(table, file));
        }
    }
}

/// A table's document: «Tabell 0.1 B Caption», and headers, row labels and figures as printed
/// (no-break spaces as plain spaces, so that the hit's excerpt reads as typed).
fn table_doc(table: &Table, file: &str) -> SearchDoc {
    let title =
        numbered(table.number.as_ref().map(|n| format!("Tabell {n}")).as_deref(), &table.caption);
    let mut parts: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
    let mut figures = Vec::new();
    for row in &table.rows {
        for (cell, column) in row.cells.iter().zip(&table.columns) {
            let printed = format::cell(cell, column.kind);
            if matches!(cell, Cell::Number(_)) {
                figures.push(figure_key(&printed));
            }
            parts.push(printed.replace(format::NBSP, " "));
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    figures.sort();
    figures.dedup();
    SearchDoc { href: format!("{file}#{}", table.anchor), title, body: parts.join(" "), figures }
}

/// A figure as a lookup key: its digits and decimal comma only — no whitespace of any kind
/// (so «8 110» with a no-break, narrow or plain space and «8110» are one key), no `%`, no
/// sign (a search for «50 136» finds «−50 136»). `site.js` does the same to a query (keep
/// the two in step).
pub(crate) fn figure_key(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_digit() || *c == ',').collect()
}

/// The figures written in a text, as keys: a run of 1–3 digits followed by groups of three
/// separated by one space of any kind («8 110 000»), or a run of digits, either with a
/// decimal part («89,4»). Linear in the text.
pub(crate) fn figures_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digits_from = |at: usize| chars[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut keys = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_digit() || matches!(chars[i - 1], ',' | '.')));
        if !starts {
            i += 1;
            continue;
        }
        let first = digits_from(i);
        let mut key: String = chars[i..i + first].iter().collect();
        i += first;
        if first <= 3 {
            while i + 4 <= chars.len()
                && matches!(chars[i], ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
                && digits_from(i + 1) == 3
            {
                key.extend(&chars[i + 1..i + 4]);
                i += 4;
            }
        }
        if i + 1 < chars.len() && chars[i] == ',' && chars[i + 1].is_ascii_digit() {
            let decimals = digits_from(i + 1);
            key.push(',');
            key.extend(&chars[i + 1..i + 1 + decimals]);
            i += 1 + decimals;
        }
        keys.push(key);
    }
    keys.sort();
    keys.dedup();
    keys
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
            Block::Table { .. } => {}
            Block::Figure(figure) => {
                parts.extend(figure.caption.as_ref().map(|c| plain_text(c)));
            }
            Block::Chart { index } => {
                parts.extend(report.charts.get(*index).map(|c| c.caption.clone()));
            }
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    // Plain spaces, so that a hit's excerpt can be marked as the reader typed it.
    parts.join(" ").replace(['\u{a0}', '\u{202f}'], " ")
}

fn list_text(items: &[ListItem], parts: &mut Vec<String>) {
    for item in items {
        parts.push(plain_text(&item.content));
        list_text(&item.children, parts);
    }
}

mod index;

pub(crate) use index::index_script;

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(href: &str, title: &str, body: &str) -> SearchDoc {
        SearchDoc { href: href.into(), title: title.into(), body: body.into(), figures: vec![] }
    }

    #[test]
    fn figures_are_keys_whatever_space_was_typed() {
        for typed in ["8\u{a0}110", "8 110", "8\u{202f}110", "8110"] {
            assert_eq!(figure_key(typed), "8110", "{typed:?}");
        }
        assert_eq!(figure_key("89,4\u{a0}%"), "89,4");
        assert_eq!(figure_key("89,4 %"), "89,4");
        assert_eq!(figure_key("\u{2212}50\u{a0}136"), "50136");
    }

    #[test]
    fn figures_in_prose_are_found_grouped_or_not() {
        assert_eq!(
            figures_in("et merforbruk på 8\u{a0}110\u{a0}000 kroner i 2024, 89,4 % og 12 barn"),
            ["12", "2024", "8110000", "89,4"]
        );
        // A four-digit run does not take the next group: «2023 350» is two figures.
        assert_eq!(figures_in("i 2023 350 barn"), ["2023", "350"]);
        assert_eq!(figures_in("1 234 56"), ["1234", "56"]);
        assert_eq!(figures_in("3, og 4,5"), ["3", "4,5"]);
        assert!(figures_in("ingen tall").is_empty());
    }

    #[test]
    fn figures_map_to_the_tables_printing_them() {
        let mut table = doc("kapittel-3.html#tabell-0-1-b", "Tabell 0.1 B Drift", "Sum 8 110");
        table.figures = vec![figure_key("8\u{a0}110"), figure_key("89,4\u{a0}%")];
        let mut other = doc("kapittel-4.html#tabell-4-1", "Tabell 4.1", "89,4 %");
        other.figures = vec![figure_key("89,4\u{a0}%")];
        let script = index_script(&[table, other], &[]);
        let json = script
            .trim_start_matches("window.arsrapportSearch = ")
            .trim_end()
            .trim_end_matches(';');
        let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        assert_eq!(value["figures"]["8110"], serde_json::json!(["kapittel-3.html#tabell-0-1-b"]));
        assert_eq!(
            value["figures"]["89,4"],
            serde_json::json!(["kapittel-3.html#tabell-0-1-b", "kapittel-4.html#tabell-4-1"])
        );
        assert_eq!(
            value["index"]["documentStore"]["docs"]["kapittel-3.html#tabell-0-1-b"]["body"],
            "Sum 8 110"
        );
    }
}
