//! The parse stage: the report folder's files → typed source structs.
//!
//! Reads `report.yaml`, each chapter file and each included section file into the structs of
//! [`super::schema`], then every CSV table and image they name. Nothing is numbered, resolved
//! or checked against tables here; that is [`crate::lower`].

use crate::diag::{Code, Diagnostic};
use crate::tr;

use super::files::Files;
use super::read::Spanned;
use super::schema::{BlockSource, ChapterSource, ReportSource, SectionItem, SectionSource};

/// How many include files may be nested (a file including a file including …).
pub const MAX_INCLUDE_DEPTH: usize = 8;

/// A chapter file named in `report.yaml`.
#[derive(Debug, Clone)]
pub struct ChapterFile {
    /// The path as written.
    pub path: Spanned<String>,
    /// The chapter, unless the file could not be read.
    pub chapter: Option<ChapterSource>,
}

/// Everything the report's YAML files hold.
#[derive(Debug, Clone)]
pub struct ParsedReport {
    /// `report.yaml`.
    pub report: ReportSource,
    /// The chapters, in order.
    pub chapters: Vec<ChapterFile>,
}

/// Reads the report folder's YAML files, then the CSV tables and images they name.
pub fn parse(files: &mut Files) -> Option<ParsedReport> {
    let file = files.read_report_file()?;
    let report: ReportSource = files.parse_yaml(file)?;
    let chapters = report
        .chapters
        .iter()
        .map(|path| {
            let chapter = files
                .read_text(&path.value, &path.span)
                .and_then(|file| files.parse_yaml::<ChapterSource>(file))
                .map(|mut chapter| {
                    let mut stack = vec![path.value.clone()];
                    resolve_includes(files, &mut chapter.sections, &mut stack);
                    chapter
                });
            ChapterFile { path: path.clone(), chapter }
        })
        .collect::<Vec<_>>();
    for chapter in chapters.iter().filter_map(|c| c.chapter.as_ref()) {
        read_data(files, &chapter.blocks, &chapter.sections);
    }
    if let Some(theme) = &report.theme {
        for image in [&theme.logo, &theme.cover_image].into_iter().flatten() {
            files.read_image(&image.file.value, &image.file.span);
        }
    }
    Some(ParsedReport { report, chapters })
}

/// Reads the files of `- include: file.yaml` items, recursively.
fn resolve_includes(files: &mut Files, items: &mut [SectionItem], stack: &mut Vec<String>) {
    for item in items {
        match item {
            SectionItem::Section(section) => resolve_includes(files, &mut section.sections, stack),
            SectionItem::Include { path, section } => {
                if stack.contains(&path.value) {
                    files.diagnostics.push(
                        Diagnostic::error(
                            Code::Path,
                            tr!(load_includes_itself, value = path.value),
                        )
                        .at(path.span.clone())
                        .with_hint(tr!(load_a_file_cannot_include_itself)),
                    );
                    continue;
                }
                if stack.len() > MAX_INCLUDE_DEPTH {
                    files.diagnostics.push(
                        Diagnostic::error(
                            Code::Limit,
                            tr!(load_includes_are_nested_more_than, max = MAX_INCLUDE_DEPTH),
                        )
                        .at(path.span.clone())
                        .with_hint(tr!(load_include_the_section_files_from)),
                    );
                    continue;
                }
                let Some(file) = files.read_text(&path.value, &path.span) else { continue };
                let Some(mut included) = files.parse_yaml::<SectionSource>(file) else { continue };
                stack.push(path.value.clone());
                resolve_includes(files, &mut included.sections, stack);
                stack.pop();
                *section = Some(Box::new(included));
            }
        }
    }
}

/// Reads the tables (CSV files and workbook sheets) and images named in blocks, recursively through sections.
fn read_data(files: &mut Files, blocks: &[BlockSource], sections: &[SectionItem]) {
    for block in blocks {
        match block {
            BlockSource::Table(table) => {
                files.read_table(table);
            }
            BlockSource::Figure(figure) => {
                if let Some(file) = &figure.file {
                    files.read_image(&file.value, &file.span);
                }
            }
            _ => {}
        }
    }
    for item in sections {
        if let Some(section) = item.section() {
            read_data(files, &section.blocks, &section.sections);
        }
    }
}

impl SectionItem {
    /// The section, written in place or read from its include file.
    pub fn section(&self) -> Option<&SectionSource> {
        match self {
            SectionItem::Section(s) => Some(s),
            SectionItem::Include { section, .. } => section.as_deref(),
        }
    }
}
