//! Chapters and sections: numbers, ids, nesting.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::load::parse::ChapterFile;
use crate::load::read::Spanned;
use crate::load::schema::{BlockSource, SectionItem, SectionSource};
use crate::load::slug;
use crate::model::{Chapter, Section};
use crate::source::Span;
use crate::tr;

use super::Lowerer;

/// The deepest section level: a chapter is level 1, its sections level 2, and so on down to
/// the sixth level — the last heading level HTML has (`h6`) and well within what the PDF
/// template and its data take.
pub const MAX_SECTION_LEVEL: u8 = 6;

/// How many sections of the report have each title (trimmed), at any level.
pub(super) fn section_titles(files: &[ChapterFile]) -> BTreeMap<String, usize> {
    fn walk(items: &[SectionItem], counts: &mut BTreeMap<String, usize>) {
        for source in items.iter().filter_map(SectionItem::section) {
            if let Some(t) = &source.title {
                *counts.entry(t.value.trim().to_string()).or_insert(0) += 1;
            }
            walk(&source.sections, counts);
        }
    }
    let mut counts = BTreeMap::new();
    for chapter in files.iter().filter_map(|f| f.chapter.as_ref()) {
        walk(&chapter.sections, &mut counts);
    }
    counts
}

impl Lowerer<'_> {
    fn title(&mut self, t: &Option<Spanned<String>>) -> String {
        t.as_ref().map(|t| self.plain(t)).unwrap_or_default()
    }

    pub(super) fn chapters(&mut self, files: &[ChapterFile]) -> Vec<Chapter> {
        let mut number = 0;
        let mut out = Vec::new();
        for file in files {
            let Some(source) = &file.chapter else { continue };
            let numbered = source.numbered.as_ref().is_none_or(|n| n.value);
            let chapter_number = numbered.then(|| {
                number += 1;
                number.to_string()
            });
            self.chapter_number = chapter_number.clone();
            self.chapter_table_count = 0;
            let title = self.title(&source.title);
            let id = self.id(&source.id, &source.span, || match &chapter_number {
                Some(n) => format!("kapittel-{n}"),
                None => slug(&title),
            });
            self.titles = vec![title.clone()];
            self.block_title = title.clone();
            let blocks = self.blocks(&source.blocks);
            let sections = self.sections(&source.sections, chapter_number.as_deref(), 2);
            out.push(Chapter {
                id,
                number: chapter_number,
                title,
                blocks,
                sections,
                source: file.path.value.clone(),
            });
        }
        out
    }

    /// The innermost title being lowered that no other section has (the chapter's title is
    /// taken as it is), for default captions.
    fn naming_title(&self) -> String {
        let unique = |t: &&String| {
            !t.trim().is_empty() && self.section_titles.get(t.trim()).is_none_or(|n| *n <= 1)
        };
        self.titles.iter().rev().find(unique).or(self.titles.first()).cloned().unwrap_or_default()
    }

    /// An explicit id (must be unique) or a generated one (made unique).
    fn id(
        &mut self,
        explicit: &Option<Spanned<String>>,
        span: &Span,
        generated: impl FnOnce() -> String,
    ) -> String {
        match explicit {
            Some(id) => {
                let value = id.value.trim().to_string();
                self.claim_id(&value, &id.span);
                value
            }
            None => {
                let id = self.free_id(generated());
                self.claim_id(&id, span);
                id
            }
        }
    }

    fn sections(&mut self, items: &[SectionItem], parent: Option<&str>, level: u8) -> Vec<Section> {
        let mut count = 0;
        let mut out = Vec::new();
        for item in items {
            let Some(source) = item.section() else { continue };
            if level > MAX_SECTION_LEVEL {
                self.push(
                    Diagnostic::error(
                        Code::Limit,
                        tr!(low_sections_are_nested_more_than, max = MAX_SECTION_LEVEL - 1),
                    )
                    .at(source.span.clone())
                    .with_label(tr!(low_too_deep_2))
                    .with_hint(tr!(low_a_report_s_headings_go)),
                );
                continue;
            }
            out.push(self.section(source, parent, level, &mut count));
        }
        out
    }

    fn section(
        &mut self,
        source: &SectionSource,
        parent: Option<&str>,
        level: u8,
        count: &mut usize,
    ) -> Section {
        let title = self.title(&source.title);
        let numbered = source.numbered.as_ref().is_none_or(|n| n.value);
        let number = match (parent, numbered) {
            (Some(p), true) => {
                *count += 1;
                Some(format!("{p}.{count}"))
            }
            _ => None,
        };
        let id = self.id(&source.id, &source.span, || match &number {
            Some(n) => format!("seksjon-{}", n.replace('.', "-")),
            None => slug(&title),
        });
        let blocks: &[BlockSource] = &source.blocks;
        self.titles.push(title.clone());
        self.block_title = self.naming_title();
        let blocks = self.blocks(blocks);
        let sections = self.sections(&source.sections, number.as_deref(), level + 1);
        self.titles.pop();
        Section { id, number, level, title, blocks, sections }
    }
}
