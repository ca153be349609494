//! A chapter file and its sections.

use crate::load::read::{Fields, FromYaml, Out, Spanned};
use crate::load::yaml::{Node, Value};
use crate::source::Span;
use crate::tr;

use super::BlockSource;

/// A chapter file as written: the same map as a section (title, numbered, id, blocks,
/// sections); only where it stands differs.
pub type ChapterSource = SectionSource;

/// A chapter or section as written.
#[derive(Debug, Clone)]
pub struct SectionSource {
    /// `title:`
    pub title: Option<Spanned<String>>,
    /// `numbered:` (default true).
    pub numbered: Option<Spanned<bool>>,
    /// `id:`
    pub id: Option<Spanned<String>>,
    /// `blocks:`
    pub blocks: Vec<BlockSource>,
    /// `sections:`
    pub sections: Vec<SectionItem>,
    /// The section's map.
    pub span: Span,
}

impl FromYaml for SectionSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_chapter_or_section_a;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let section = SectionSource {
            title: f.req("title", &tr!(read_the_heading), out),
            numbered: f.opt("numbered", out),
            id: f.opt("id", out),
            blocks: f.list("blocks", out),
            sections: f.list("sections", out),
            span: f.span(),
        };
        f.finish(out);
        Some(section)
    }
}

/// An item of a `sections:` list: a section, or `- include: file.yaml`.
#[derive(Debug, Clone)]
pub enum SectionItem {
    /// A section written in place.
    Section(SectionSource),
    /// A section in another file; `section` is filled in when the file has been read.
    Include {
        /// The file, relative to the report folder.
        path: Spanned<String>,
        /// The section it holds, once read.
        section: Option<Box<SectionSource>>,
    },
}

impl FromYaml for SectionItem {
    const EXPECTED: crate::i18n::MessageId =
        crate::i18n::ids::read_expected_a_section_or_include_file;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let is_include = matches!(&node.value, Value::Map(entries)
            if entries.len() == 1 && matches!(&entries[0].0.value, Value::Scalar(k, _) if k == "include"));
        if is_include {
            let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
            let path = f.req("include", &tr!(read_the_file_with_the_section), out)?;
            f.finish(out);
            return Some(SectionItem::Include { path, section: None });
        }
        SectionSource::from_yaml(node, out).map(SectionItem::Section)
    }
}
