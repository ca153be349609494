//! Source files and positions.
//!
//! Every file the loader reads is kept here (as decoded UTF-8 text) so that
//! diagnostics can point into it by byte range. A [`Span`] is a file id and a
//! byte range; [`Sources::line_col`] turns it into 1-based line and column.
//!
//! A sheet of a workbook (.xlsx, .ods, .xls) is kept as a *virtual text*: one line per row of
//! the sheet's range, the cells of a row separated by tabs (tabs and line breaks inside a cell
//! shown as spaces). Every existing diagnostic that points at a cell's span therefore works
//! unchanged; [`Sources::location`] turns a span in such a text back into the sheet and the
//! cell (`E12`) the way Excel users name it.

use std::ops::Range;

use serde::Serialize;

/// Identifies a file in [`Sources`].
pub type FileId = usize;

/// A byte range in a source file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// Byte range in the decoded text.
    pub range: Range<usize>,
}

impl Span {
    /// A span covering `range` in `file`.
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span { file, range }
    }
}

/// One source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the report directory, with `/` separators.
    pub name: String,
    /// Decoded text.
    pub text: String,
    line_starts: Vec<usize>,
    /// The folder of another report this file belongs to (last year's, see `previous:`), as
    /// seen from the current directory.
    base: Option<String>,
    /// For such a file, its name as seen from this report's folder (`../2024/tabeller/fo1.csv`).
    shown: Option<String>,
    /// For a sheet of a workbook: which sheet, and where its range starts.
    pub sheet: Option<SheetOrigin>,
}

/// Where a workbook sheet's virtual text lies in the sheet: line 1 is row `row`, the first
/// field of a line is column `column` (both 0-based, as in the workbook).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetOrigin {
    /// The sheet's name.
    pub sheet: String,
    /// The first row of the range (0-based).
    pub row: u32,
    /// The first column of the range (0-based).
    pub column: u32,
}

/// Where a span is, in the words of its kind of file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A text file: 1-based line and column.
    Text {
        /// Line.
        line: usize,
        /// Column (in characters).
        column: usize,
    },
    /// A workbook cell.
    Cell {
        /// The sheet's name.
        sheet: String,
        /// The cell as Excel names it: `E12`.
        cell: String,
        /// 1-based row.
        row: usize,
        /// 1-based column (A = 1).
        column: usize,
    },
}

/// The letters of a 0-based column: 0 → `A`, 26 → `AA`.
pub fn column_letters(column: u32) -> String {
    let mut n = u64::from(column) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell's name from 0-based row and column: (11, 4) → `E12`.
pub fn cell_name(row: u32, column: u32) -> String {
    format!("{}{}", column_letters(column), u64::from(row) + 1)
}

impl SourceFile {
    fn new(name: String, text: String) -> Self {
        let line_starts =
            std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        SourceFile { name, text, line_starts, base: None, shown: None, sheet: None }
    }

    /// The name to show: relative to the report folder, or, for a file of last year's report,
    /// with that report's folder in front (`../2024/tabeller/fo1.csv`).
    pub fn display_name(&self) -> String {
        self.shown.clone().unwrap_or_else(|| self.name.clone())
    }

    /// Where a byte offset is: line and column, or the sheet's cell.
    pub fn location(&self, offset: usize) -> Location {
        let (line, column) = self.line_col(offset);
        let Some(sheet) = &self.sheet else { return Location::Text { line, column } };
        let offset = offset.min(self.text.len());
        let start = self.line_starts[line - 1];
        let field = self.text.get(start..offset).map_or(0, |s| s.matches('\t').count());
        let row = sheet.row.saturating_add(u32::try_from(line - 1).unwrap_or(u32::MAX));
        let col = sheet.column.saturating_add(u32::try_from(field).unwrap_or(u32::MAX));
        Location::Cell {
            sheet: sheet.sheet.clone(),
            cell: cell_name(row, col),
            row: row as usize + 1,
            column: col as usize + 1,
        }
    }

    /// A place in words for messages: `line 3` in a text file, `celle B3` in a sheet.
    pub fn place(&self, offset: usize) -> String {
        match self.location(offset) {
            Location::Text { line, .. } => crate::tr!(source_line, line = line),
            Location::Cell { cell, .. } => crate::tr!(source_cell, cell = cell),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// Byte offset of a 1-based line and column (in characters).
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }
}

/// All files read for one report.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// The report folder as seen from the current directory (`grorud`, `.`), with `/`.
    base: String,
}

impl Sources {
    /// Adds a file and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: String) -> FileId {
        self.files.push(SourceFile::new(name.into(), text));
        self.files.len() - 1
    }

    /// Adds a workbook sheet as its virtual text (see the module docs) and returns its id.
    pub fn add_sheet(
        &mut self,
        name: impl Into<String>,
        text: String,
        origin: SheetOrigin,
    ) -> FileId {
        let mut file = SourceFile::new(name.into(), text);
        file.sheet = Some(origin);
        self.files.push(file);
        self.files.len() - 1
    }

    /// Where a span starts: line and column, or a workbook cell.
    pub fn location(&self, span: &Span) -> Location {
        self.files
            .get(span.file)
            .map_or(Location::Text { line: 1, column: 1 }, |f| f.location(span.range.start))
    }

    /// The place of a span as users name it: `tabeller/fo1.csv:3:5`, or for a workbook cell
    /// `budsjett.xlsx, ark «Netto», celle E12` (the file name without its folder, as Excel
    /// shows it in its title bar).
    pub fn describe(&self, span: &Span) -> String {
        match self.location(span) {
            Location::Text { line, column } => format!("{}:{line}:{column}", self.path(span)),
            Location::Cell { sheet, cell, .. } => {
                let name = self.name(span);
                let file = name.rsplit('/').next().unwrap_or(name);
                crate::tr!(source_sheet_cell, file = file, sheet = sheet, cell = cell)
            }
        }
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// All files.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// 1-based line and column of the start of a span.
    pub fn line_col(&self, span: &Span) -> (usize, usize) {
        self.files.get(span.file).map_or((1, 1), |f| f.line_col(span.range.start))
    }

    /// The file name of a span, relative to the report folder.
    pub fn name(&self, span: &Span) -> &str {
        self.files.get(span.file).map_or("", |f| f.name.as_str())
    }

    /// Sets the report folder as given on the command line; a path inside the current
    /// directory is kept relative to it.
    pub fn set_base(&mut self, dir: &std::path::Path) {
        let relative = std::env::current_dir()
            .ok()
            .and_then(|cwd| dir.strip_prefix(&cwd).ok().map(std::path::Path::to_path_buf))
            .unwrap_or_else(|| dir.to_path_buf());
        let text = relative.to_string_lossy().replace('\\', "/");
        let text = text.trim_start_matches("./").trim_end_matches('/');
        self.base = if text.is_empty() { ".".into() } else { text.to_string() };
    }

    /// The report folder as seen from the current directory (`.` when unknown).
    pub fn base(&self) -> &str {
        if self.base.is_empty() { "." } else { &self.base }
    }

    /// Adds every file of another report's sources (last year's report), each keeping that
    /// report's folder for [`Sources::path`] and shown with `folder` (that report's folder as
    /// seen from this one, `../2024`) in front; returns the offset to add to its file ids.
    pub fn absorb(&mut self, other: Sources, folder: &str) -> FileId {
        let offset = self.files.len();
        let base = other.base().to_string();
        for mut file in other.files {
            file.base = Some(file.base.take().unwrap_or_else(|| base.clone()));
            file.shown = Some(format!("{}/{}", folder.trim_end_matches('/'), file.name));
            self.files.push(file);
        }
        offset
    }

    /// The file of a span as seen from the current directory: `grorud/tabeller/fo1.csv`.
    pub fn path(&self, span: &Span) -> String {
        let name = self.name(span);
        let own = self.files.get(span.file).and_then(|f| f.base.as_deref());
        match own.unwrap_or(self.base()) {
            "." => name.to_string(),
            base => format!("{base}/{name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let mut s = Sources::default();
        let id = s.add("a.csv", "År;Beløp\nØkern;1 000\n".to_string());
        let f = s.get(id);
        assert_eq!(f.line_col(0), (1, 1));
        let off = f.text.find("1 000").unwrap_or_default();
        assert_eq!(f.line_col(off), (2, 7));
        assert_eq!(f.offset(2, 7), off);
    }

    #[test]
    fn sheet_cells_are_named_as_in_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        let mut s = Sources::default();
        let origin = SheetOrigin { sheet: "Netto".into(), row: 10, column: 2 };
        let id = s.add_sheet(
            "tabeller/budsjett.xlsx",
            "Funksjon\tRegnskap\nØkern\t1 000\n".into(),
            origin,
        );
        let off = s.get(id).text.find("1 000").unwrap_or_default();
        let span = Span::new(id, off..off + 5);
        assert_eq!(
            s.location(&span),
            Location::Cell { sheet: "Netto".into(), cell: "D12".into(), row: 12, column: 4 }
        );
        crate::i18n::with_lang(crate::i18n::Lang::Nb, || {
            assert_eq!(s.describe(&span), "budsjett.xlsx, ark «Netto», celle D12");
            assert_eq!(s.get(id).place(0), "celle C11");
        });
        assert_eq!(s.describe(&span), "budsjett.xlsx, sheet «Netto», cell D12");
    }

    #[test]
    fn paths_are_seen_from_the_current_directory() {
        let mut s = Sources::default();
        let id = s.add("tabeller/fo1.csv", String::new());
        let span = Span::new(id, 0..0);
        assert_eq!(s.path(&span), "tabeller/fo1.csv");
        s.set_base(std::path::Path::new("grorud"));
        assert_eq!(s.path(&span), "grorud/tabeller/fo1.csv");
        s.set_base(std::path::Path::new("./rapporter/grorud/"));
        assert_eq!(s.path(&span), "rapporter/grorud/tabeller/fo1.csv");
        let cwd = std::env::current_dir().expect("cwd");
        s.set_base(&cwd.join("bjerke"));
        assert_eq!(s.path(&span), "bjerke/tabeller/fo1.csv");
        s.set_base(std::path::Path::new("."));
        assert_eq!(s.path(&span), "tabeller/fo1.csv");
    }
}
