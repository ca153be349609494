//! Reading CSV tables as Excel writes them in Norway.
//!
//! Takes the decoded text (see [`super::encoding`]), detects the delimiter
//! (`;`, `,` or tab) from the header line, and returns every field with its
//! [`Span`] so that findings can point at the exact cell.
//!
//! What Excel leaves behind never changes the meaning of a table: rows where
//! every cell is empty and empty columns at the right (no heading, no figure)
//! are left out, each kind with one AR313 note at the first of them; a column
//! that holds data under an empty heading is an AR302 error at the heading
//! (the first column, the row labels, may have an empty heading).

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, Span};
use crate::tr;

/// A CSV file split into cells, before any typing.
#[derive(Debug, Clone)]
pub struct RawCsv {
    /// The header row.
    pub header: Vec<RawField>,
    /// The data rows (rows where every field is empty are left out).
    pub rows: Vec<RawRecord>,
    /// What the reader left out (AR313 notes) and headings missing over data (AR302 errors).
    pub notes: Vec<Diagnostic>,
    /// The bytes the reader visited, a measure of its work (it is linear in the file's size).
    pub work: usize,
    /// Column groups over the header, from merged cells above a workbook table's headings.
    pub groups: Vec<RawGroup>,
}

/// A group of columns over the header (a merged heading in a workbook).
#[derive(Debug, Clone)]
pub struct RawGroup {
    /// The group's title (may be empty).
    pub title: RawField,
    /// How many columns it spans.
    pub columns: usize,
}

/// One row.
#[derive(Debug, Clone)]
pub struct RawRecord {
    /// The fields.
    pub fields: Vec<RawField>,
    /// The whole line.
    pub span: Span,
}

/// One field.
#[derive(Debug, Clone)]
pub struct RawField {
    /// The text (quotes removed).
    pub text: String,
    /// Where it is.
    pub span: Span,
}

fn detect_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut in_quotes = false;
    let (mut semis, mut commas, mut tabs) = (0, 0, 0);
    for c in first.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => semis += 1,
            ',' if !in_quotes => commas += 1,
            '\t' if !in_quotes => tabs += 1,
            _ => {}
        }
    }
    if semis > 0 {
        b';'
    } else if tabs > 0 {
        b'\t'
    } else if commas > 0 {
        b','
    } else {
        b';'
    }
}

/// Byte ranges of the fields of the record starting at `start`, scanning the raw text
/// the way the csv crate reads it (quotes may contain delimiters and line breaks).
fn field_ranges(
    text: &str,
    start: usize,
    delimiter: u8,
    work: &mut usize,
) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut i = start;
    // With CRLF line ends a record may be reported as starting at the `\n`.
    while i < bytes.len() && (bytes[i] == b'\r' || bytes[i] == b'\n') {
        i += 1;
    }
    let mut field_start = i;
    let mut in_quotes = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'"' && i == field_start {
            // As the csv crate reads it: a quote opens a quoted field only at its start.
            in_quotes = true;
        } else if b == delimiter {
            ranges.push(field_start..i);
            field_start = i + 1;
        } else if b == b'\n' || b == b'\r' {
            break;
        }
        i += 1;
    }
    ranges.push(field_start..i);
    *work += i.saturating_sub(start) + 1;
    ranges
}

/// Splits a decoded CSV file into fields with positions, leaving out Excel's empty rows and
/// columns (with notes, see the module docs).
pub fn read(file: FileId, source: &SourceFile) -> Result<RawCsv, Diagnostic> {
    let text = &source.text;
    let mut work = text.lines().next().map_or(0, str::len);
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let start = record.position().map_or(0, |p| p.byte() as usize);
                let ranges = field_ranges(text, start, delimiter, &mut work);
                let end = ranges.last().map_or(start, |r| r.end);
                let start = ranges.first().map_or(start, |r| r.start);
                let fields = record
                    .iter()
                    .enumerate()
                    .map(|(i, f)| RawField {
                        text: f.to_string(),
                        span: Span::new(file, ranges.get(i).cloned().unwrap_or(start..end)),
                    })
                    .collect::<Vec<_>>();
                work += fields.len();
                records.push(RawRecord { fields, span: Span::new(file, start..end) });
            }
            Err(e) => {
                let at = e.position().map_or(text.len(), |p| p.byte() as usize);
                let message = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => tr!(load_the_file_is_not_valid),
                    _ => tr!(load_this_csv_file_cannot_be, e = e),
                };
                return Err(Diagnostic::error(Code::CsvSyntax, message)
                    .at(Span::new(file, at..(at + 1).min(text.len()).max(at)))
                    .with_hint(tr!(load_a_field_that_contains_the)));
            }
        }
    }
    let mut raw = tidy(records, file, source)?;
    raw.work += work;
    Ok(raw)
}

/// Leaves out Excel's empty rows and columns (with notes) and finds headings missing over data
/// (see the module docs); the first row left is the header. Shared by CSV files and workbook
/// sheets, so that both follow the same rules.
pub fn tidy(
    mut records: Vec<RawRecord>,
    file: FileId,
    source: &SourceFile,
) -> Result<RawCsv, Diagnostic> {
    let sheet = source.sheet.is_some();
    let mut work = records.len();
    let mut notes = Vec::new();
    let is_empty = |r: &RawRecord| r.fields.iter().all(|f| f.text.trim().is_empty());
    let empty_rows: Vec<Span> =
        records.iter().filter(|r| is_empty(r)).map(|r| r.span.clone()).collect();
    records.retain(|r| !is_empty(r));
    let mut iter = records.into_iter();
    let Some(mut header) = iter.next() else {
        return Err(if sheet {
            Diagnostic::error(Code::Workbook, tr!(load_sheet_has_no_cells))
                .at(Span::new(file, 0..0))
                .with_hint(tr!(load_sheet_first_row_holds_headings))
        } else {
            Diagnostic::error(Code::CsvSyntax, tr!(load_this_csv_file_has_no))
                .at(Span::new(file, 0..0))
                .with_hint(tr!(load_the_first_line_holds_the))
        });
    };
    let mut rows: Vec<RawRecord> = iter.collect();
    if let Some(first) = empty_rows.first() {
        let n = empty_rows.len();
        let before_header = empty_rows.iter().filter(|s| s.range.start < header.span.range.start);
        let mut d = Diagnostic::note(
            Code::ExcelArtefact,
            if n == 1 {
                tr!(load_an_empty_row_every_cell)
            } else {
                tr!(load_n_empty_rows_every_cell, n = n)
            },
        )
        .at(first.clone())
        .with_label(tr!(load_empty_row))
        .with_hint(tr!(load_excel_leaves_such_rows_when));
        if before_header.count() > 0 {
            let place = source.place(header.span.range.start);
            d = d.with_note(if sheet {
                tr!(load_headings_read_from_sheet_row, place = place)
            } else {
                tr!(load_the_column_headings_are_read, place = place)
            });
        }
        notes.push(d);
    }
    // Empty columns at the right: no heading and no cell in any row. One pass over all cells
    // finds the first cell with data in every column.
    let width = rows.iter().map(|r| r.fields.len()).chain([header.fields.len()]).max().unwrap_or(0);
    let mut first_data: Vec<Option<(usize, usize)>> = vec![None; width];
    for (r, row) in rows.iter().enumerate() {
        for (i, f) in row.fields.iter().enumerate() {
            if first_data[i].is_none() && !f.text.trim().is_empty() {
                first_data[i] = Some((r, i));
            }
        }
    }
    work += width;
    let has_heading = |i: usize| header.fields.get(i).is_some_and(|f| !f.text.trim().is_empty());
    let keep = (0..width)
        .rev()
        .find(|&i| has_heading(i) || first_data[i].is_some())
        .map_or(1, |i| i + 1)
        .max(1);
    if keep < width {
        let at = header
            .fields
            .get(keep)
            .or_else(|| rows.iter().find_map(|r| r.fields.get(keep)))
            .map_or(header.span.clone(), |f| f.span.clone());
        let n = width - keep;
        notes.push(
            Diagnostic::note(
                Code::ExcelArtefact,
                if n == 1 {
                    tr!(load_the_last_column_has_no)
                } else {
                    tr!(load_the_last_n_columns_have, n = n)
                },
            )
            .at(at)
            .with_label(tr!(load_empty_column_starts_here))
            .with_hint(if sheet {
                tr!(load_excel_keeps_such_columns_sheet)
            } else {
                tr!(load_excel_writes_such_columns_when)
            }),
        );
        header.fields.truncate(keep);
        for r in &mut rows {
            r.fields.truncate(keep);
        }
    }
    // A heading left empty over a column that holds data.
    for (i, h) in header.fields.iter().enumerate().skip(1) {
        if !h.text.trim().is_empty() {
            continue;
        }
        let Some(cell) = first_data.get(i).copied().flatten().map(|(r, c)| &rows[r].fields[c])
        else {
            continue;
        };
        let place = source.place(cell.span.range.start);
        notes.push(
            Diagnostic::error(
                Code::TableShape,
                tr!(
                    load_column_has_no_heading_but,
                    column = i + 1,
                    value = cell.text.trim(),
                    place = place
                ),
            )
            .at(h.span.clone())
            .with_label(tr!(load_empty_heading))
            .with_hint(if sheet {
                tr!(load_write_heading_first_row_sheet)
            } else {
                tr!(load_write_the_column_s_heading)
            }),
        );
    }
    Ok(RawCsv { header: header.fields, rows, notes, work, groups: Vec::new() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    fn read_str(text: &str) -> (Sources, RawCsv) {
        let mut s = Sources::default();
        let id = s.add("t.csv", text.to_string());
        let csv = read(id, s.get(id)).expect("readable");
        (s, csv)
    }

    #[test]
    fn semicolons_with_decimal_commas() {
        let (s, csv) = read_str("Funksjon;Regnskap\n100 Politisk styring;2 351,5\n");
        assert_eq!(csv.header.len(), 2);
        assert_eq!(csv.rows[0].fields[1].text, "2 351,5");
        assert_eq!(s.line_col(&csv.rows[0].fields[1].span), (2, 22));
    }

    #[test]
    fn quoted_fields_keep_positions() {
        let (s, csv) = read_str("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",3\n");
        assert_eq!(csv.rows[0].fields[0].text, "x, y");
        assert_eq!(csv.rows[0].fields[1].text, "say \"hi\"");
        assert_eq!(s.line_col(&csv.rows[0].fields[2].span), (2, 21));
    }

    #[test]
    fn blank_lines_and_empty_rows_are_skipped_with_a_note() {
        let (s, csv) = read_str("a;b\n\n;\nx;1\n ; \n");
        assert_eq!(csv.rows.len(), 1);
        assert_eq!(csv.rows[0].fields[0].text, "x");
        assert_eq!(csv.notes.len(), 1);
        let note = &csv.notes[0];
        assert_eq!((note.code, note.severity), (Code::ExcelArtefact, crate::diag::Severity::Note));
        assert!(note.message.starts_with("2 empty rows"), "{}", note.message);
        assert_eq!(s.line_col(note.span.as_ref().expect("located")), (3, 1));
    }

    #[test]
    fn empty_rows_before_the_header_are_named() {
        let (s, csv) = read_str(";;\nFunksjon;Regnskap\nx;1\n");
        assert_eq!(csv.header[0].text, "Funksjon");
        assert_eq!(s.line_col(csv.notes[0].span.as_ref().expect("located")), (1, 1));
        assert!(csv.notes[0].notes[0].contains("line 2"), "{:?}", csv.notes[0].notes);
    }

    #[test]
    fn trailing_empty_columns_are_dropped_with_a_note() {
        let (s, csv) = read_str("Funksjon;Regnskap;;;\n100;5;;;\n110;6;;\n120;7\n");
        assert_eq!(csv.header.len(), 2);
        assert!(csv.rows.iter().all(|r| r.fields.len() == 2));
        assert_eq!(csv.notes.len(), 1);
        assert!(csv.notes[0].message.starts_with("the last 3 columns"), "{}", csv.notes[0].message);
        assert_eq!(s.line_col(csv.notes[0].span.as_ref().expect("located")), (1, 19));
        // Without trailing semicolons in the header, the note points at the first row's cell.
        let (s, csv) = read_str("Funksjon;Regnskap\n100;5;\n");
        assert_eq!(csv.rows[0].fields.len(), 2);
        assert_eq!(s.line_col(csv.notes[0].span.as_ref().expect("located")), (2, 7));
    }

    #[test]
    fn a_column_with_a_heading_or_data_is_kept() {
        let (_, csv) = read_str("a;b;c\nx;;\n");
        assert_eq!(csv.header.len(), 3);
        assert!(csv.notes.is_empty());
        let (_, csv) = read_str(";b\nx;1\n");
        assert!(csv.notes.is_empty(), "the label column may have no heading");
    }

    #[test]
    fn an_empty_heading_over_data_is_an_error() {
        let (s, csv) = read_str("Funksjon;;Regnskap\n100;5;6\n");
        assert_eq!(csv.header.len(), 3);
        assert_eq!(csv.notes.len(), 1);
        let d = &csv.notes[0];
        assert_eq!((d.code, d.severity), (Code::TableShape, crate::diag::Severity::Error));
        assert_eq!(s.line_col(d.span.as_ref().expect("located")), (1, 10));
        assert!(d.message.contains("«5»"), "{}", d.message);
    }

    #[test]
    fn work_is_linear_in_the_size() {
        let work = |n: usize| {
            let text = format!("a;b\n{}", "x;\"1\n2\";;;\n;;;\n".repeat(n));
            let mut s = Sources::default();
            let id = s.add("t.csv", text);
            read(id, s.get(id)).expect("readable").work
        };
        let (small, large) = (work(500), work(2000));
        assert!(large <= 4 * small + 64, "{small} → {large}");
    }

    #[test]
    fn empty_file_is_an_error() {
        let mut s = Sources::default();
        let id = s.add("t.csv", "\n\n".to_string());
        assert_eq!(read(id, s.get(id)).expect_err("no header").code, Code::CsvSyntax);
    }

    #[test]
    fn a_quote_inside_a_field_is_literal() {
        let (s, csv) = read_str("a;b;c\nx\"y;2;3\nz;4;5\n");
        assert_eq!(csv.rows[0].fields[0].text, "x\"y");
        assert_eq!(s.line_col(&csv.rows[0].fields[2].span), (2, 7));
        assert_eq!(s.line_col(&csv.rows[1].fields[1].span), (3, 3));
    }

    #[test]
    fn crlf_lines() {
        let (s, csv) = read_str("a;b\r\nx;1\r\ny;2\r\n");
        assert_eq!(csv.rows.len(), 2);
        assert_eq!(s.line_col(&csv.rows[1].fields[1].span), (3, 3));
        assert_eq!(csv.rows[1].fields[1].text, "2");
    }
}
