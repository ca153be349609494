//! Reading CSV tables as Excel writes them in Norway.
//!
//! Decodes UTF-8 (with or without BOM) or Windows-1252, detects the delimiter
//! (`;`, `,` or tab) from the header line, and returns every field with its
//! [`Span`] so that findings can point at the exact cell.

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, Span};

/// A CSV file split into cells, before any typing.
#[derive(Debug, Clone)]
pub struct RawCsv {
    /// The header row.
    pub header: Vec<RawField>,
    /// The data rows (rows where every field is empty are skipped).
    pub rows: Vec<RawRecord>,
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

/// Decodes file bytes: UTF-8 with or without BOM, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
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
fn field_ranges(text: &str, start: usize, delimiter: u8) -> Vec<std::ops::Range<usize>> {
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
        } else if b == b'"' {
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
    ranges
}

/// Splits a decoded CSV file into fields with positions.
pub fn read(file: FileId, source: &SourceFile) -> Result<RawCsv, Diagnostic> {
    let text = &source.text;
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
                let ranges = field_ranges(text, start, delimiter);
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
                records.push(RawRecord { fields, span: Span::new(file, start..end) });
            }
            Err(e) => {
                let at = e.position().map_or(text.len(), |p| p.byte() as usize);
                let message = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "the file is not valid text".to_string(),
                    _ => format!("this CSV file cannot be read: {e}"),
                };
                return Err(Diagnostic::error(Code::CsvSyntax, message)
                    .at(Span::new(file, at..(at + 1).min(text.len()).max(at)))
                    .with_hint("a field that contains the delimiter or a line break must be enclosed in double quotes, and a quote inside it doubled (\"\")"));
            }
        }
    }
    let mut iter =
        records.into_iter().filter(|r| r.fields.iter().any(|f| !f.text.trim().is_empty()));
    let Some(header) = iter.next() else {
        return Err(Diagnostic::error(Code::CsvSyntax, "this CSV file has no header row")
            .at(Span::new(file, 0..0))
            .with_hint("the first line holds the column headings, separated by `;`"));
    };
    Ok(RawCsv { header: header.fields, rows: iter.collect() })
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
    fn bom_and_windows_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFa;b"), "a;b");
        assert_eq!(decode(b"\xC5rvoll;\xF8"), "Årvoll;ø");
    }

    #[test]
    fn blank_lines_and_empty_rows_are_skipped() {
        let (_, csv) = read_str("a;b\n\n;\nx;1\n");
        assert_eq!(csv.rows.len(), 1);
        assert_eq!(csv.rows[0].fields[0].text, "x");
    }

    #[test]
    fn empty_file_is_an_error() {
        let mut s = Sources::default();
        let id = s.add("t.csv", "\n\n".to_string());
        assert_eq!(read(id, s.get(id)).expect_err("no header").code, Code::CsvSyntax);
    }

    #[test]
    fn crlf_lines() {
        let (s, csv) = read_str("a;b\r\nx;1\r\ny;2\r\n");
        assert_eq!(csv.rows.len(), 2);
        assert_eq!(s.line_col(&csv.rows[1].fields[1].span), (3, 3));
        assert_eq!(csv.rows[1].fields[1].text, "2");
    }
}
