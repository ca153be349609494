//! How the bytes of a source file become text: exactly one reading, or an error.
//!
//! A file is read as
//! - UTF-8, with or without a byte order mark;
//! - UTF-16 little or big endian with a byte order mark (Excel's "Unicode-tekst" export);
//! - Windows-1252, only when the file as a whole is not UTF-8 *and* holds no valid multi-byte
//!   UTF-8 sequence at all and no control bytes — what Excel's "CSV (semikolonseparert)" export
//!   writes on a Norwegian Windows.
//!
//! Everything else is an [`DecodeError`] with the byte where reading failed: a file that is
//! UTF-8 except for a few bytes (one line pasted from an old file, a stray `æ` as 0xE6) is never
//! guessed at, since either guess prints «SÃ¦rskilt» somewhere; a binary file (an Excel
//! workbook, a PDF, an image) given where text is expected says what it is.
//!
//! [`decode`] is the pure function; [`add_source`] decodes and adds the file to [`Sources`],
//! turning a failure into a located AR006 diagnostic.

use std::fmt;

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Sources, Span};
use crate::tr;

/// How a file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little endian with a byte order mark (Excel's "Unicode-tekst").
    Utf16Le,
    /// UTF-16 big endian with a byte order mark.
    Utf16Be,
    /// Windows-1252 (Excel's "CSV (semikolonseparert)" on a Norwegian Windows).
    Windows1252,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
        })
    }
}

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// How it was read.
    pub encoding: Encoding,
}

/// A kind of binary file that is sometimes given where text is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    /// An Excel workbook (.xlsx, .xlsm).
    ExcelWorkbook,
    /// An OpenDocument spreadsheet (.ods, LibreOffice Calc).
    OdsWorkbook,
    /// A Word document (.docx).
    WordDocument,
    /// An older Office file (.xls, .doc): the OLE compound format.
    OldOfficeFile,
    /// Another ZIP archive.
    Zip,
    /// A PDF.
    Pdf,
    /// A PNG, JPEG, GIF or WebP image.
    Image,
    /// A gzip file.
    Gzip,
    /// Something else that is not text (NUL bytes).
    Unknown,
}

impl BinaryKind {
    fn what(self) -> String {
        match self {
            BinaryKind::ExcelWorkbook => tr!(load3_excel_workbook),
            BinaryKind::OdsWorkbook => tr!(load3_ods),
            BinaryKind::WordDocument => tr!(load3_docx),
            BinaryKind::OldOfficeFile => tr!(load3_xls),
            BinaryKind::Zip => tr!(load3_zip),
            BinaryKind::Pdf => tr!(load2_a_pdf),
            BinaryKind::Image => tr!(load3_image),
            BinaryKind::Gzip => tr!(load3_gzip),
            BinaryKind::Unknown => tr!(load3_binary),
        }
    }
}

/// Why a file cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// UTF-8 except for some bytes: two encodings in one file.
    MixedUtf8 {
        /// The first byte that is not UTF-8.
        byte: u8,
        /// Byte offset (in the file) of the first valid multi-byte UTF-8 character.
        utf8_at: usize,
        /// That character.
        utf8_char: char,
    },
    /// A binary file.
    Binary(BinaryKind),
    /// UTF-16 without a byte order mark (every other byte is NUL).
    Utf16WithoutBom,
    /// UTF-16 with a byte order mark, but broken (a lone surrogate or an odd length).
    InvalidUtf16,
    /// Not UTF-8, and a control byte that no text export writes.
    ControlByte(u8),
}

/// A file that cannot be read as text, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset in the file of the first problem.
    pub offset: usize,
    /// What is wrong.
    pub problem: DecodeProblem,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            DecodeProblem::MixedUtf8 { byte, .. } => f.write_str(&tr!(
                load3_mixed_utf8,
                offset = self.offset,
                byte = format!("{byte:02X}")
            )),
            DecodeProblem::Binary(kind) => f.write_str(&tr!(load3_this_is, what = kind.what())),
            DecodeProblem::Utf16WithoutBom => f.write_str(&tr!(load3_utf16_without_bom)),
            DecodeProblem::InvalidUtf16 => {
                f.write_str(&tr!(load3_broken_utf16, offset = self.offset))
            }
            DecodeProblem::ControlByte(b) => f.write_str(&tr!(
                load3_control_byte,
                offset = self.offset,
                byte = format!("{b:02X}")
            )),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The Windows-1252 bytes 0x80–0x9F that encode no character.
fn undefined_in_1252(b: u8) -> bool {
    matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)
}

/// A control byte that neither an Excel text export nor a text editor writes.
fn control_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F
}

/// Whether the bytes are a workbook (.xlsx, .ods, or an old .xls / other OLE file).
pub fn is_workbook(bytes: &[u8]) -> bool {
    matches!(
        binary_kind(bytes),
        Some(BinaryKind::ExcelWorkbook | BinaryKind::OdsWorkbook | BinaryKind::OldOfficeFile)
    )
}

fn binary_kind(bytes: &[u8]) -> Option<BinaryKind> {
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(if contains(b"xl/") {
            BinaryKind::ExcelWorkbook
        } else if contains(b"application/vnd.oasis.opendocument.spreadsheet") {
            BinaryKind::OdsWorkbook
        } else if contains(b"word/") {
            BinaryKind::WordDocument
        } else {
            BinaryKind::Zip
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(BinaryKind::OldOfficeFile);
    }
    if bytes.starts_with(b"%PDF-") {
        return Some(BinaryKind::Pdf);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF87a")
        || bytes.starts_with(b"GIF89a")
        || (bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
    {
        return Some(BinaryKind::Image);
    }
    if bytes.starts_with(&[0x1F, 0x8B]) {
        return Some(BinaryKind::Gzip);
    }
    None
}

/// Decodes UTF-16 code units; the error is the byte offset (in `body`) of the first broken unit.
fn decode_utf16(body: &[u8], little_endian: bool) -> Result<String, usize> {
    let mut text = String::with_capacity(body.len() / 2);
    let mut high: Option<(u16, usize)> = None;
    for (i, pair) in body.chunks(2).enumerate() {
        let pos = i * 2;
        let unit = match (pair, little_endian) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            _ => return Err(high.map_or(pos, |(_, at)| at)),
        };
        let is_low = (0xDC00..0xE000).contains(&unit);
        let is_high = (0xD800..0xDC00).contains(&unit);
        match high.take() {
            Some((h, at)) => {
                if !is_low {
                    return Err(at);
                }
                let c = char::decode_utf16([h, unit]).next().and_then(Result::ok);
                text.push(c.ok_or(at)?);
            }
            None if is_high => high = Some((unit, pos)),
            None if is_low => return Err(pos),
            None => text.push(char::from_u32(u32::from(unit)).ok_or(pos)?),
        }
    }
    match high {
        Some((_, at)) => Err(at),
        None => Ok(text),
    }
}

/// Reads a file's bytes as text, in exactly one encoding (see the module docs).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8_or_1252(body, 3, true);
    }
    if let Some((body, le)) = bytes
        .strip_prefix(b"\xFF\xFE")
        .map(|b| (b, true))
        .or_else(|| bytes.strip_prefix(b"\xFE\xFF").map(|b| (b, false)))
    {
        return match decode_utf16(body, le) {
            Ok(text) => Ok(Decoded {
                text,
                encoding: if le { Encoding::Utf16Le } else { Encoding::Utf16Be },
            }),
            Err(at) => Err(DecodeError { offset: at + 2, problem: DecodeProblem::InvalidUtf16 }),
        };
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(DecodeError { offset: 0, problem: DecodeProblem::Binary(kind) });
    }
    decode_utf8_or_1252(bytes, 0, false)
}

/// Whether the bytes look like UTF-16 without a byte order mark: NUL in (nearly) every other
/// byte, as ASCII text in UTF-16 is.
fn looks_like_utf16(body: &[u8]) -> bool {
    let half = body.len() / 2;
    if half < 2 {
        return false;
    }
    let even = body.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = body.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    even * 10 >= half * 9 || odd * 10 >= half * 9
}

fn decode_utf8_or_1252(body: &[u8], skip: usize, bom: bool) -> Result<Decoded, DecodeError> {
    if looks_like_utf16(body) {
        let first_nul = body.iter().position(|b| *b == 0).unwrap_or(0);
        return Err(DecodeError {
            offset: skip + first_nul,
            problem: DecodeProblem::Utf16WithoutBom,
        });
    }
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: if bom { Encoding::Utf8Bom } else { Encoding::Utf8 },
        });
    }
    // Not UTF-8 as a whole: find the first invalid byte and the first valid multi-byte character.
    let mut first_bad = None;
    let mut first_utf8 = None;
    let mut at = 0usize;
    for chunk in body.utf8_chunks() {
        if first_utf8.is_none()
            && let Some((i, c)) = chunk.valid().char_indices().find(|(_, c)| !c.is_ascii())
        {
            first_utf8 = Some((at + i, c));
        }
        at += chunk.valid().len();
        if first_bad.is_none() && !chunk.invalid().is_empty() {
            first_bad = Some(at);
        }
        at += chunk.invalid().len();
        if first_bad.is_some() && first_utf8.is_some() {
            break;
        }
    }
    let bad = first_bad.unwrap_or(0);
    let bad_byte = body.get(bad).copied().unwrap_or(0);
    if let Some(first_nul) = body.iter().position(|b| *b == 0) {
        let problem = DecodeProblem::Binary(BinaryKind::Unknown);
        return Err(DecodeError { offset: skip + first_nul, problem });
    }
    if let Some((utf8_at, utf8_char)) = first_utf8 {
        return Err(DecodeError {
            offset: skip + bad,
            problem: DecodeProblem::MixedUtf8 {
                byte: bad_byte,
                utf8_at: skip + utf8_at,
                utf8_char,
            },
        });
    }
    if let Some(i) = body.iter().position(|b| control_byte(*b) || undefined_in_1252(*b)) {
        return Err(DecodeError { offset: skip + i, problem: DecodeProblem::ControlByte(body[i]) });
    }
    let text = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body).0.into_owned();
    Ok(Decoded { text, encoding: Encoding::Windows1252 })
}

/// The character a byte stands for in Windows-1252 (for messages).
fn as_1252(byte: u8) -> Option<char> {
    let bytes = [byte];
    let (text, _, bad) = encoding_rs::WINDOWS_1252.decode(&bytes);
    if bad { None } else { text.chars().next().filter(|c| !c.is_control()) }
}

/// The text of a file that could not be decoded, for pointing into it: every invalid byte
/// becomes U+FFFD; returns the text and the offset in it of byte `offset` of the file.
fn lossy(bytes: &[u8], offset: usize) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len());
    let mut mapped = None;
    let mut at = 0usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        if mapped.is_none() && offset < at + valid.len() {
            mapped = Some(text.len() + (offset - at));
        }
        text.push_str(valid);
        at += valid.len();
        for _ in chunk.invalid() {
            if mapped.is_none() && offset == at {
                mapped = Some(text.len());
            }
            text.push(char::REPLACEMENT_CHARACTER);
            at += 1;
        }
    }
    let mapped = mapped.unwrap_or(text.len());
    // A NUL or other control character would upset the terminal: show them as U+FFFD too.
    let text: String = text
        .chars()
        .map(|c| if c.is_control() && !matches!(c, '\n' | '\t' | '\r') { '\u{FFFD}' } else { c })
        .collect();
    (text, mapped)
}

fn is_csv(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".txt") || lower.ends_with(".tsv")
}

/// Decodes a file and adds it to `sources` under `name`. On failure the file is added as well
/// (undecodable bytes shown as �, a binary file as empty text) so that the AR006 diagnostic
/// points at the place; the diagnostic is returned.
pub fn add_source(sources: &mut Sources, name: &str, bytes: &[u8]) -> Result<FileId, Diagnostic> {
    let error = match decode(bytes) {
        Ok(decoded) => return Ok(sources.add(name, decoded.text)),
        Err(e) => e,
    };
    let csv = is_csv(name);
    let save_as = if csv { tr!(load3_save_as_csv) } else { tr!(load3_save_as_text) };
    let d = match &error.problem {
        DecodeProblem::Binary(kind) => {
            let id = sources.add(name, String::new());
            let what = if csv { tr!(load3_a_csv_file) } else { tr!(load3_a_text_file) };
            let hint = match kind {
                BinaryKind::ExcelWorkbook | BinaryKind::OdsWorkbook | BinaryKind::OldOfficeFile
                    if csv =>
                {
                    tr!(load_open_it_in_excel_and)
                }
                BinaryKind::WordDocument if !csv => {
                    tr!(load_copy_the_text_into_the)
                }
                BinaryKind::Image | BinaryKind::Pdf => {
                    tr!(load_an_image_belongs_in_a)
                }
                _ => format!("name {what} here"),
            };
            Diagnostic::error(
                Code::Encoding,
                tr!(load_name_is_not_what, found = kind.what(), name = name, what = what),
            )
            .at(Span::new(id, 0..0))
            .with_hint(hint)
        }
        DecodeProblem::Utf16WithoutBom => {
            let id = sources.add(name, String::new());
            Diagnostic::error(Code::Encoding, tr!(load_name_looks_like_utf_text, name = name))
                .at(Span::new(id, 0..0))
                .with_hint(tr!(load_save_it_again_as_utf, save_as = save_as))
        }
        DecodeProblem::InvalidUtf16 => {
            let id = sources.add(name, String::new());
            Diagnostic::error(
                Code::Encoding,
                tr!(load_name_is_utf_text_but, offset = error.offset, name = name),
            )
            .at(Span::new(id, 0..0))
            .with_hint(tr!(load_save_it_again_as_utf_2, save_as = save_as))
        }
        DecodeProblem::ControlByte(b) => {
            let (text, at) = lossy(bytes, error.offset);
            let id = sources.add(name, text);
            Diagnostic::error(
                Code::Encoding,
                tr!(load_name_is_not_utf_and, name = name, b = format!("{b:02X}")),
            )
            .at(Span::new(id, at..at + 3))
            .with_label(tr!(load_this_byte))
            .with_hint(tr!(load_save_it_again_as_utf_3, save_as = save_as))
        }
        DecodeProblem::MixedUtf8 { byte, utf8_at, utf8_char } => {
            let (text, at) = lossy(bytes, error.offset);
            let (_, good) = lossy(bytes, *utf8_at);
            let id = sources.add(name, text);
            let meant =
                as_1252(*byte).map(|c| tr!(load_in_windows_it_would_be, c = c)).unwrap_or_default();
            let mut d = Diagnostic::error(
                Code::Encoding,
                tr!(
                    load_name_mixes_two_encodings_byte,
                    name = name,
                    byte = format!("{byte:02X}"),
                    meant = meant
                ),
            )
            .at(Span::new(id, at..at + 3))
            .with_label(tr!(load_not_utf))
            .with_note(tr!(load_probably_this_line_was_copied))
            .with_hint(tr!(load_retype_the_marked_characters_then, save_as = save_as));
            d.related.push((
                Span::new(id, good..good + utf8_char.len_utf8()),
                tr!(load_utf_char_is_utf, utf8_char = utf8_char),
            ));
            d
        }
    };
    Err(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> (String, Encoding) {
        let d = decode(bytes).expect("decodes");
        (d.text, d.encoding)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(ok(b"a;b"), ("a;b".into(), Encoding::Utf8));
        assert_eq!(ok(b"\xEF\xBB\xBFa;\xC3\xB8"), ("a;ø".into(), Encoding::Utf8Bom));
        assert_eq!(ok(b""), (String::new(), Encoding::Utf8));
    }

    #[test]
    fn windows_1252_when_no_byte_is_utf8() {
        assert_eq!(ok(b"\xC5rvoll;\xF8"), ("Årvoll;ø".into(), Encoding::Windows1252));
        assert_eq!(ok(b"a\x96b\xA0c\x80"), ("a–b\u{a0}c€".into(), Encoding::Windows1252));
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("Øst\t1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(ok(&le), ("Øst\t1".into(), Encoding::Utf16Le));
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain("Øst😀".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(ok(&be), ("Øst😀".into(), Encoding::Utf16Be));
    }

    #[test]
    fn broken_utf16_is_an_error_at_the_byte() {
        // "a", a lone high surrogate, "b".
        let e = decode(b"\xFF\xFEa\x00\x00\xD8b\x00").expect_err("broken");
        assert_eq!((e.offset, e.problem), (4, DecodeProblem::InvalidUtf16));
        let e = decode(b"\xFF\xFEa\x00b").expect_err("odd length");
        assert_eq!((e.offset, e.problem), (4, DecodeProblem::InvalidUtf16));
        let e = decode(b"\xFF\xFEa\x00\x00\xDC").expect_err("lone low surrogate");
        assert_eq!(e.offset, 4);
    }

    #[test]
    fn one_latin1_byte_in_utf8_is_an_error() {
        let mut bytes = "title: Særskilt\np: Oppfølging #".to_string().into_bytes();
        let at = bytes.len() - 1;
        bytes[at] = 0xE6;
        let e = decode(&bytes).expect_err("mixed");
        assert_eq!(e.offset, at);
        assert_eq!(e.problem, DecodeProblem::MixedUtf8 { byte: 0xE6, utf8_at: 8, utf8_char: 'æ' });
        // Also after a BOM, with the offset counted in the file.
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(&bytes);
        assert_eq!(decode(&with_bom).expect_err("mixed").offset, at + 3);
    }

    #[test]
    fn binary_files_say_what_they_are() {
        let kind = |b: &[u8]| match decode(b).expect_err("binary").problem {
            DecodeProblem::Binary(k) => Some(k),
            _ => None,
        };
        assert_eq!(
            kind(b"PK\x03\x04\x14\x00[Content_Types].xml....xl/workbook.xml"),
            Some(BinaryKind::ExcelWorkbook)
        );
        assert_eq!(
            kind(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            Some(BinaryKind::OdsWorkbook)
        );
        assert_eq!(
            kind(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"),
            Some(BinaryKind::OldOfficeFile)
        );
        assert_eq!(kind(b"%PDF-1.7\n%\xE2\xE3"), Some(BinaryKind::Pdf));
        assert_eq!(kind(b"\x89PNG\r\n\x1a\n\x00\x00"), Some(BinaryKind::Image));
        assert_eq!(kind(b"\x00\x01\x02\xFF\x00\x13"), Some(BinaryKind::Unknown));
    }

    #[test]
    fn utf16_without_bom_is_named() {
        let bytes: Vec<u8> =
            "Funksjon;Regnskap".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bytes).expect_err("no BOM").problem, DecodeProblem::Utf16WithoutBom);
    }

    #[test]
    fn control_bytes_are_not_ansi_text() {
        let e = decode(b"a;b\x01\xE6").expect_err("control");
        assert_eq!((e.offset, e.problem), (3, DecodeProblem::ControlByte(1)));
        let e = decode(b"a;\x81\xE6").expect_err("undefined in 1252");
        assert_eq!(e.problem, DecodeProblem::ControlByte(0x81));
        // Valid UTF-8 with a NUL is text: the control character check (AR311) points at it.
        assert_eq!(ok(b"a\x00b").1, Encoding::Utf8);
    }

    #[test]
    fn diagnostics_point_at_the_byte() {
        let mut sources = Sources::default();
        let bytes = b"Bydel;Ansatte\n\xC3\x85rvoll;1\nAnsatte \xF8st;2\n";
        let d = add_source(&mut sources, "t/a.csv", bytes).expect_err("mixed");
        assert_eq!(d.code, Code::Encoding);
        let span = d.span.clone().expect("located");
        assert_eq!(sources.line_col(&span), (3, 9));
        assert_eq!(&sources.get(span.file).text[span.range.clone()], "\u{FFFD}");
        assert_eq!(sources.line_col(&d.related[0].0), (2, 1));
        assert!(d.message.contains("«ø»"), "{}", d.message);

        let d =
            add_source(&mut sources, "t/b.csv", b"PK\x03\x04....xl/styles.xml").expect_err("xlsx");
        assert!(d.message.contains("Excel workbook"), "{}", d.message);
        assert!(d.hints[0].contains("CSV (semikolonseparert)"), "{:?}", d.hints);
    }

    #[test]
    fn lossy_maps_offsets_after_invalid_bytes() {
        let (text, at) = lossy(b"\xE6a\xE6b", 3);
        assert_eq!(&text[at..], "b");
        let (text, at) = lossy(b"\xE6a\xE6b", 2);
        assert_eq!(&text[at..], "\u{FFFD}b");
    }
}
