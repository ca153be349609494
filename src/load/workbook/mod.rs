//! Tables from Excel workbooks (.xlsx, .xlsm, .xlsb, .xls) and OpenDocument spreadsheets (.ods).
//!
//! A workbook table names its file, its sheet (`sheet:`, needed when the workbook has several)
//! and optionally a range (`range: A1:F12`, else the sheet's used cells). The cells are read
//! through `calamine` into the same positioned fields the CSV reader gives (see
//! [`crate::source`] for the sheet's virtual text), with figures as Excel shows them
//! ([`display`]), so every later rule treats a workbook table exactly like a CSV table.

mod display;
mod sheet;

use std::io::Cursor;

use calamine::{Data, Reader, Sheets};

use crate::diag::{Code, Diagnostic};
use crate::load::csv::RawCsv;
use crate::load::read::Spanned;
use crate::load::yaml;
use crate::source::{FileId, Sources, cell_name, column_letters};
use crate::tr;

pub use display::{excel_decimal, shown};

/// The extensions read as workbooks.
const EXTENSIONS: &[&str] = &[".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"];

/// Whether a file name names a workbook.
pub fn is_workbook_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    EXTENSIONS.iter().any(|e| lower.ends_with(e))
}

/// An open workbook.
pub struct Workbook {
    sheets: Sheets<Cursor<Vec<u8>>>,
    /// The worksheets' names, in workbook order (chart sheets left out).
    names: Vec<String>,
}

/// What a table asks of a workbook.
pub struct Request<'a> {
    /// The file as written.
    pub file: &'a Spanned<String>,
    /// `sheet:`
    pub sheet: Option<&'a Spanned<String>>,
    /// `range:`
    pub range: Option<&'a Spanned<String>>,
}

/// A rectangle of cells, 0-based, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// First (row, column).
    pub start: (u32, u32),
    /// Last (row, column).
    pub end: (u32, u32),
}

/// The most cells one table may span; a larger range is an AR007 error.
pub const MAX_CELLS: u64 = 1_000_000;

impl Workbook {
    /// Opens a workbook from its bytes; the error is a readable reason.
    pub fn open(bytes: Vec<u8>) -> Result<Workbook, String> {
        let opened = guarded(|| calamine::open_workbook_auto_from_rs(Cursor::new(bytes)));
        let sheets = opened
            .and_then(|r| r.map_err(|e| e.to_string()))
            .map_err(|e| tr!(wb_cannot_be_read_as_workbook, error = e))?;
        let names = sheets
            .sheets_metadata()
            .iter()
            .filter(|s| s.typ == calamine::SheetType::WorkSheet)
            .map(|s| s.name.clone())
            .collect();
        Ok(Workbook { sheets, names })
    }

    /// Reads the table a request names into `sources` (as a sheet's virtual text) and fields.
    pub fn read(
        &mut self,
        sources: &mut Sources,
        req: &Request,
    ) -> Result<(FileId, RawCsv), Diagnostic> {
        // A damaged workbook must not stop the program, even where the reader would panic.
        match guarded(|| self.read_unguarded(sources, req)) {
            Ok(result) => result,
            Err(reason) => Err(unreadable(req, &tr!(wb_cannot_be_read, reason = reason))),
        }
    }

    fn read_unguarded(
        &mut self,
        sources: &mut Sources,
        req: &Request,
    ) -> Result<(FileId, RawCsv), Diagnostic> {
        let (named, cells) = sheet_in_range(req)?;
        let by_range =
            Request { file: req.file, sheet: req.sheet.or(named.as_ref()), range: req.range };
        let sheet = self.choose_sheet(&by_range)?;
        let wanted = cells.as_ref().map(parse_range).transpose()?;
        let cells = self.cells(&sheet).map_err(|e| {
            unreadable(req, &tr!(wb_sheet_cannot_be_read, sheet = sheet, error = e))
        })?;
        let merged = match &mut self.sheets {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&sheet).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&sheet).unwrap_or_default(),
            _ => Vec::new(),
        };
        let area = table_area(req, &sheet, cells.area(wanted))?;
        cells.read(sources, &req.file.value, &sheet, area, wanted, &merged)
    }

    /// A sheet's cells with content, their formulas and styles. An .xlsx sheet is read cell by
    /// cell, so that memory follows the cells written, not the rectangle they span (a stray
    /// cell at XFD1048576 must not make a 17-billion-cell grid); the other formats come as
    /// calamine reads them.
    fn cells(&mut self, sheet: &str) -> Result<sheet::Cells, String> {
        // Styles are an extra: a format without them reads without.
        let styles = self.sheets.worksheet_style(sheet).ok();
        if let Sheets::Xlsx(x) = &mut self.sheets {
            let mut cells = sheet::Cells::with_styles(styles);
            let mut reader = x.worksheet_cells_reader(sheet).map_err(|e| e.to_string())?;
            while let Some(cell) = reader.next_cell_with_formula().map_err(|e| e.to_string())? {
                cells.add(cell.pos, cell.value.into(), cell.formula);
            }
            return Ok(cells);
        }
        let values = self.sheets.worksheet_range(sheet).map_err(|e| e.to_string())?;
        let formulas = self.sheets.worksheet_formula(sheet).ok();
        let mut cells = sheet::Cells::with_styles(styles);
        let start = values.start().unwrap_or_default();
        for (row, column, value) in values.used_cells() {
            cells.add((start.0 + row as u32, start.1 + column as u32), value.clone(), None);
        }
        if let Some(f) = &formulas {
            let start = f.start().unwrap_or_default();
            for (row, column, formula) in f.used_cells() {
                cells.add(
                    (start.0 + row as u32, start.1 + column as u32),
                    Data::Empty,
                    Some(formula.clone()),
                );
            }
        }
        Ok(cells)
    }

    /// The sheet a request names, or the only worksheet.
    fn choose_sheet(&self, req: &Request) -> Result<String, Diagnostic> {
        let list = self.names.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ");
        let Some(wanted) = req.sheet else {
            return match self.names.as_slice() {
                [one] => Ok(one.clone()),
                [] => Err(unreadable(req, &tr!(wb_no_worksheets))),
                _ => Err(Diagnostic::error(
                    Code::Workbook,
                    tr!(wb_which_sheet, file = req.file.value, n = self.names.len()),
                )
                .at(req.file.span.clone())
                .with_label(tr!(wb_which_sheet_label))
                .with_note(tr!(wb_the_sheets_are, list = list))
                .with_hint(tr!(wb_which_sheet_hint, sheet = self.names[0]))),
            };
        };
        let name = wanted.value.trim();
        if let Some(found) = self.names.iter().find(|n| n.as_str() == name) {
            return Ok(found.clone());
        }
        if let Some(found) =
            self.names.iter().find(|n| n.trim().to_lowercase() == name.to_lowercase())
        {
            return Ok(found.clone());
        }
        let mut d = Diagnostic::error(
            Code::Workbook,
            tr!(wb_no_sheet_named, file = req.file.value, name = name),
        )
        .at(wanted.span.clone())
        .with_label(tr!(wb_no_such_sheet))
        .with_note(tr!(wb_the_sheets_are, list = list));
        if let Some(best) = yaml::did_you_mean(name, self.names.iter().map(String::as_str)) {
            d = d.with_hint(tr!(load_did_you_mean_best, best = best));
        }
        Err(d)
    }
}

/// Runs the workbook reader so that a panic in it (on a damaged file) becomes an error.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|e| {
        e.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| tr!(wb_reader_stopped))
    })
}

fn unreadable(req: &Request, reason: &str) -> Diagnostic {
    Diagnostic::error(Code::Workbook, tr!(wb_unreadable, file = req.file.value, reason = reason))
        .at(req.file.span.clone())
        .with_hint(tr!(wb_unreadable_hint))
}

/// A cell reference `E12` (with or without `$`) as 0-based (row, column).
fn parse_cell(text: &str) -> Option<(u32, u32)> {
    let text = text.trim().replace('$', "");
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let column =
        letters.to_ascii_uppercase().bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    let row: u32 = digits.parse().ok()?;
    // Excel's largest sheet: 1 048 576 rows, 16 384 columns (XFD).
    ((1..=1_048_576).contains(&row) && column <= 16_384).then(|| (row - 1, column - 1))
}

/// A value as written, with its place.
type Text = Spanned<String>;

/// The sheet a `range:` names (`Netto!A1:F12`, as Excel writes a reference) and its cells; a
/// sheet there that disagrees with `sheet:` is an error.
fn sheet_in_range(req: &Request) -> Result<(Option<Text>, Option<Text>), Diagnostic> {
    let Some((named, cells)) = req.range.map(split_sheet) else { return Ok((None, None)) };
    if let (Some(named), Some(sheet)) = (&named, req.sheet)
        && named.value.trim() != sheet.value.trim()
    {
        let mut d = Diagnostic::error(
            Code::Workbook,
            tr!(wb_range_names_other_sheet, named = named.value.trim(), sheet = sheet.value.trim()),
        )
        .at(named.span.clone())
        .with_hint(tr!(wb_range_names_other_sheet_hint));
        d.related.push((sheet.span.clone(), tr!(wb_sheet_given_here)));
        return Err(d);
    }
    Ok((named, Some(cells)))
}

/// The cells the table is read from: an error when there are none, or too many.
fn table_area(req: &Request, sheet: &str, area: Option<Area>) -> Result<Area, Diagnostic> {
    let at = req.range.map_or(&req.file.span, |r| &r.span).clone();
    let Some(area) = area else {
        return Err(Diagnostic::error(
            Code::Workbook,
            match req.range {
                Some(r) => tr!(wb_range_no_cells, range = r.value.trim(), sheet = sheet),
                None => tr!(wb_sheet_no_cells, sheet = sheet),
            },
        )
        .at(at)
        .with_hint(tr!(load_sheet_first_row_holds_headings)));
    };
    let cells = u64::from(area.end.0 - area.start.0 + 1) * u64::from(area.end.1 - area.start.1 + 1);
    if cells <= MAX_CELLS {
        return Ok(area);
    }
    let (from, to) = (cell_name(area.start.0, area.start.1), cell_name(area.end.0, area.end.1));
    let group = |n: u64| crate::format::decimal(rust_decimal::Decimal::from(n), 0, true);
    Err(Diagnostic::error(
        Code::Limit,
        tr!(
            wb_too_many_cells,
            from = from,
            to = to,
            sheet = sheet,
            cells = group(cells),
            max = group(MAX_CELLS)
        ),
    )
    .at(at)
    .with_hint(tr!(
        wb_too_many_cells_hint,
        column = column_letters(area.end.1),
        row = area.end.0 + 1
    )))
}

/// `Netto!A1:F12` or `'FO1 netto'!A1:F12` → (the sheet, `A1:F12`), each with its place; a range
/// without `!` is only cells.
fn split_sheet(range: &Spanned<String>) -> (Option<Spanned<String>>, Spanned<String>) {
    let text = &range.value;
    let Some(bang) = text.rfind('!') else { return (None, range.clone()) };
    let start = range.span.range.start;
    // The span covers the scalar as written; quotes around it shift the text by one.
    let quoted = usize::from(range.span.range.len() > text.len());
    let at = |from: usize, to: usize| {
        let mut span = range.span.clone();
        span.range = (start + quoted + from).min(range.span.range.end)
            ..(start + quoted + to).min(range.span.range.end);
        span
    };
    let name = text[..bang].trim();
    let unquoted = name
        .strip_prefix('\'')
        .and_then(|n| n.strip_suffix('\''))
        .unwrap_or(name)
        .replace("''", "'");
    (
        Some(Spanned::new(unquoted, at(0, bang))),
        Spanned::new(text[bang + 1..].to_string(), at(bang + 1, text.len())),
    )
}

/// `range: A1:F12` as an area; a bad range is a located error.
fn parse_range(range: &Spanned<String>) -> Result<Area, Diagnostic> {
    let text = range.value.trim();
    let bad = |message: String| {
        Diagnostic::error(Code::Workbook, message)
            .at(range.span.clone())
            .with_label(tr!(wb_not_a_range))
            .with_hint(tr!(wb_range_hint))
    };
    let Some((a, b)) = text.split_once(':') else {
        return Err(bad(tr!(wb_range_not_two_cells, range = text)));
    };
    let (Some(start), Some(end)) = (parse_cell(a), parse_cell(b)) else {
        return Err(bad(tr!(wb_range_no_such_cell, range = text)));
    };
    if start.0 > end.0 || start.1 > end.1 {
        return Err(bad(tr!(wb_range_backwards, range = text)));
    }
    Ok(Area { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn cells_and_ranges() {
        assert_eq!(parse_cell("A1"), Some((0, 0)));
        assert_eq!(parse_cell("$E$12"), Some((11, 4)));
        assert_eq!(parse_cell("aa3"), Some((2, 26)));
        assert_eq!(parse_cell("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(parse_cell("XFE1"), None);
        assert_eq!(parse_cell("A0"), None);
        assert_eq!(parse_cell("12"), None);
        assert_eq!(parse_cell("A1B"), None);
        let r = |t: &str| parse_range(&Spanned::new(t.to_string(), Span::default()));
        assert_eq!(r("B2:F12").ok(), Some(Area { start: (1, 1), end: (11, 5) }));
        assert!(r("F12:B2").is_err());
        assert!(r("B2").is_err());
        assert!(r("B2:ZZZZ3").is_err());
        let (sheet, cells) =
            split_sheet(&Spanned::new("'FO1 netto'!A1:F14".to_string(), Span::new(0, 10..28)));
        assert_eq!(sheet.map(|s| (s.value, s.span.range)), Some(("FO1 netto".to_string(), 10..21)));
        assert_eq!((cells.value.as_str(), cells.span.range), ("A1:F14", 22..28));
        let (sheet, cells) = split_sheet(&Spanned::new("A1:F14".to_string(), Span::new(0, 0..6)));
        assert!(sheet.is_none());
        assert_eq!(cells.value, "A1:F14");
    }

    proptest::proptest! {
        #[test]
        fn any_range_text_is_read_or_refused(text in ".{0,24}") {
            let _ = parse_range(&Spanned::new(text, Span::default()));
        }

        #[test]
        fn any_bytes_are_opened_or_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let mut zip = b"PK\x03\x04".to_vec();
            zip.extend(bytes);
            let _ = Workbook::open(zip);
        }
    }

    #[test]
    fn workbook_names() {
        assert!(is_workbook_name("tabeller/Budsjett.XLSX"));
        assert!(is_workbook_name("a.ods"));
        assert!(!is_workbook_name("a.csv"));
    }
}
