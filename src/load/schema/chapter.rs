//! A chapter file and its sections.

use crate::load::read::{Fields, FromYaml, Out, Spanned};
use crate::load::yaml::{Node, Value};
use crate::source::Span;

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
    const EXPECTED: &'static str = "a chapter or section (a map with title, blocks, sections)";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, Self::EXPECTED, out)?;
        let section = SectionSource {
            title: f.req("title", "the heading", out),
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
    const EXPECTED: &'static str = "a section, or `include: file.yaml`";

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let is_include = matches!(&node.value, Value::Map(entries)
            if entries.len() == 1 && matches!(&entries[0].0.value, Value::Scalar(k, _) if k == "include"));
        if is_include {
            let mut f = Fields::new(node, Self::EXPECTED, out)?;
            let path = f.req("include", "the file with the section", out)?;
            f.finish(out);
            return Some(SectionItem::Include { path, section: None });
        }
        SectionSource::from_yaml(node, out).map(SectionItem::Section)
    }
}
