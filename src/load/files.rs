//! The report folder's files: paths confined to the folder, text decoded, YAML, CSV and
//! workbooks read.
//!
//! This is the only place that reads the user's input files. Every file read is added to
//! [`Sources`] so that diagnostics can show it.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Sources, Span};
use crate::tr;

use super::read::{FromYaml, Out};
use super::schema::TableSource;
use super::workbook::{self, Workbook};
use super::{csv, encoding, yaml};

/// The report folder and what has been read from it.
pub struct Files {
    /// The report folder.
    pub root: PathBuf,
    /// Every file read.
    pub sources: Sources,
    /// Problems found while reading.
    pub diagnostics: Out,
    tables: BTreeMap<String, Option<(FileId, csv::RawCsv)>>,
    workbooks: BTreeMap<String, Option<Workbook>>,
    images: BTreeMap<String, Option<Arc<Vec<u8>>>>,
}

/// Why a path is not accepted.
pub(crate) fn path_problem(rel: &str) -> Option<String> {
    let path = Path::new(rel);
    if rel.trim().is_empty() {
        return Some(tr!(load2_is_empty));
    }
    let escapes = path.is_absolute()
        || rel.starts_with('/')
        || rel.starts_with('\\')
        || rel.contains(':')
        || path.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    escapes.then(|| tr!(load3_leaves_the_report_folder))
}

/// A readable reason for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => tr!(load_the_file_does_not_exist),
        std::io::ErrorKind::PermissionDenied => tr!(load_permission_denied),
        _ => e.to_string(),
    }
}

impl Files {
    /// A report folder, nothing read yet.
    pub fn new(root: &Path) -> Self {
        Files {
            root: root.to_path_buf(),
            sources: Sources::default(),
            diagnostics: Vec::new(),
            tables: BTreeMap::new(),
            workbooks: BTreeMap::new(),
            images: BTreeMap::new(),
        }
    }

    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Resolves a path written in a source file, confined to the report folder (also through
    /// symbolic links).
    pub fn resolve(&mut self, rel: &str, span: &Span) -> Option<PathBuf> {
        if let Some(problem) = path_problem(rel) {
            self.push(
                Diagnostic::error(
                    Code::Path,
                    tr!(load_the_path_rel_problem, rel = rel, problem = problem),
                )
                .at(span.clone())
                .with_label(tr!(load_not_allowed))
                .with_hint(tr!(load_paths_are_relative_to_the)),
            );
            return None;
        }
        let full = self.root.join(rel);
        if !full.is_file() {
            let mut d = Diagnostic::error(Code::Path, tr!(load_the_file_rel_does_not, rel = rel))
                .at(span.clone())
                .with_label(tr!(load_no_such_file_in_the));
            if let Some(best) = nearest_file(&full) {
                d = d.with_hint(tr!(load_did_you_mean_best, best = best));
            }
            self.push(d);
            return None;
        }
        if let (Ok(root), Ok(real)) = (self.root.canonicalize(), full.canonicalize())
            && !real.starts_with(&root)
        {
            self.push(
                Diagnostic::error(Code::Path, tr!(load_the_path_rel_leads_out, rel = rel))
                    .at(span.clone())
                    .with_hint(tr!(load_copy_the_file_into_the)),
            );
            return None;
        }
        Some(full)
    }

    /// Reads a file's bytes.
    pub fn read_bytes(&mut self, rel: &str, span: &Span) -> Option<Vec<u8>> {
        let full = self.resolve(rel, span)?;
        match std::fs::read(&full) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                self.push(
                    Diagnostic::error(
                        Code::Io,
                        tr!(load_could_not_read_rel, reason = io_reason(&e), rel = rel),
                    )
                    .at(span.clone()),
                );
                None
            }
        }
    }

    /// Reads a text file into [`Sources`].
    pub fn read_text(&mut self, rel: &str, span: &Span) -> Option<FileId> {
        let bytes = self.read_bytes(rel, span)?;
        match encoding::add_source(&mut self.sources, &rel.replace('\\', "/"), &bytes) {
            Ok(file) => Some(file),
            Err(mut d) => {
                d.related.push((span.clone(), tr!(load_named_here)));
                self.push(d);
                None
            }
        }
    }

    /// Reads `report.yaml`; a missing file is a fatal error with a hint.
    pub fn read_report_file(&mut self) -> Option<FileId> {
        let path = self.root.join("report.yaml");
        match std::fs::read(&path) {
            Ok(bytes) => match encoding::add_source(&mut self.sources, "report.yaml", &bytes) {
                Ok(file) => Some(file),
                Err(d) => {
                    self.push(d);
                    None
                }
            },
            Err(e) => {
                let hint = if self.root.is_dir() {
                    tr!(load_a_report_folder_holds_a)
                } else {
                    tr!(load_the_folder_does_not_exist, root = self.root.display())
                };
                self.push(
                    Diagnostic::error(
                        Code::Io,
                        tr!(
                            load_could_not_read,
                            path = path.display().to_string(),
                            reason = io_reason(&e)
                        ),
                    )
                    .with_hint(hint),
                );
                None
            }
        }
    }

    /// Parses a file read into [`Sources`] as YAML and reads it as `T`.
    pub fn parse_yaml<T: FromYaml>(&mut self, file: FileId) -> Option<T> {
        match yaml::parse(file, self.sources.get(file)) {
            Ok(root) => T::from_yaml(&root, &mut self.diagnostics),
            Err(ds) => {
                self.diagnostics.extend(ds);
                None
            }
        }
    }

    /// Reads a table's cells once, however many tables use them: a CSV file, or a sheet (and
    /// range) of a workbook. A workbook is recognised by its name or its content.
    pub fn read_table(&mut self, t: &TableSource) {
        let Some(file) = &t.file else { return };
        let key = table_key(t);
        if self.tables.contains_key(&key) {
            return;
        }
        let table = self.read_bytes(&file.value, &file.span).and_then(|bytes| {
            if workbook::is_workbook_name(&file.value) || encoding::is_workbook(&bytes) {
                self.read_workbook_table(t, file, bytes)
            } else {
                self.read_csv(t, file, &bytes)
            }
        });
        self.tables.insert(key, table);
    }

    fn read_csv(
        &mut self,
        t: &TableSource,
        file: &super::read::Spanned<String>,
        bytes: &[u8],
    ) -> Option<(FileId, csv::RawCsv)> {
        for extra in [&t.sheet, &t.range].into_iter().flatten() {
            self.push(
                Diagnostic::error(
                    Code::YamlSchema,
                    format!(
                        "«{}» is a CSV file; `sheet:` and `range:` belong to workbooks",
                        file.value
                    ),
                )
                .at(extra.span.clone())
                .with_label("not for a CSV file")
                .with_hint("name the workbook (.xlsx, .ods, .xls) in `file:`, or remove this line"),
            );
        }
        let id =
            match encoding::add_source(&mut self.sources, &file.value.replace('\\', "/"), bytes) {
                Ok(id) => id,
                Err(mut d) => {
                    d.related.push((file.span.clone(), "named here".into()));
                    self.push(d);
                    return None;
                }
            };
        match csv::read(id, self.sources.get(id)) {
            Ok(mut raw) => {
                self.diagnostics.append(&mut raw.notes);
                Some((id, raw))
            }
            Err(d) => {
                self.push(d);
                None
            }
        }
    }

    fn read_workbook_table(
        &mut self,
        t: &TableSource,
        file: &super::read::Spanned<String>,
        bytes: Vec<u8>,
    ) -> Option<(FileId, csv::RawCsv)> {
        if !self.workbooks.contains_key(&file.value) {
            let text = !encoding::is_workbook(&bytes) && encoding::decode(&bytes).is_ok();
            let opened = match Workbook::open(bytes) {
                Ok(w) => Some(w),
                Err(reason) => {
                    let (message, hint) = if text {
                        (tr!(wb_holds_text, file = file.value), tr!(wb_holds_text_hint))
                    } else {
                        (
                            tr!(wb_unreadable, file = file.value, reason = reason),
                            tr!(wb_unreadable_hint),
                        )
                    };
                    self.push(
                        Diagnostic::error(Code::Workbook, message)
                            .at(file.span.clone())
                            .with_hint(hint),
                    );
                    None
                }
            };
            self.workbooks.insert(file.value.clone(), opened);
        }
        let book = self.workbooks.get_mut(&file.value)?.as_mut()?;
        let request = workbook::Request { file, sheet: t.sheet.as_ref(), range: t.range.as_ref() };
        match book.read(&mut self.sources, &request) {
            Ok((id, mut raw)) => {
                self.diagnostics.append(&mut raw.notes);
                Some((id, raw))
            }
            Err(d) => {
                self.diagnostics.push(d);
                None
            }
        }
    }

    /// Reads an image once.
    pub fn read_image(&mut self, rel: &str, span: &Span) {
        if self.images.contains_key(rel) {
            return;
        }
        let data = self.read_bytes(rel, span).map(Arc::new);
        self.images.insert(rel.to_string(), data);
    }

    /// A table's cells read before, unless they could not be read (that was reported).
    pub fn table(&self, t: &TableSource) -> Option<&(FileId, csv::RawCsv)> {
        self.tables.get(&table_key(t)).and_then(Option::as_ref)
    }

    /// An image read before, unless it could not be read (that was reported).
    pub fn image(&self, rel: &str) -> Option<&Arc<Vec<u8>>> {
        self.images.get(rel).and_then(Option::as_ref)
    }
}

/// What identifies a table's cells: the file, and for a workbook the sheet and range.
fn table_key(t: &TableSource) -> String {
    let part =
        |s: &Option<super::read::Spanned<String>>| s.as_ref().map(|s| s.value.trim().to_string());
    let file = t.file.as_ref().map(|f| f.value.as_str()).unwrap_or_default();
    format!(
        "{file}\u{0}{}\u{0}{}",
        part(&t.sheet).unwrap_or_default(),
        part(&t.range).unwrap_or_default()
    )
}

/// The name in the same folder closest to the one asked for.
fn nearest_file(full: &Path) -> Option<String> {
    let entries = std::fs::read_dir(full.parent()?).ok()?;
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let wanted = full.file_name()?.to_string_lossy().into_owned();
    yaml::did_you_mean(&wanted, names.iter().map(String::as_str)).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_in_the_folder() {
        assert_eq!(path_problem("tabeller/a.csv"), None);
        assert_eq!(path_problem("./a.csv"), None);
        assert!(path_problem("../a.csv").is_some());
        assert!(path_problem("/etc/passwd").is_some());
        assert!(path_problem("C:/x.csv").is_some());
        assert!(path_problem("  ").is_some());
    }
}
