//! The PDF meets the standards it declares: PDF/A-2a and PDF/UA-1, checked by an independent
//! validator (`page_validation`) on the built example and real report, and on a document made
//! to contain stream data that ends with a CR byte (the cause of a PDF/A 6.1.7.1 failure,
//! fixed by the patched pdf-writer in `vendor/pdf-writer`).

use std::path::Path;

use arsrapport::build::conformance;
use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::TemplateDir;
use arsrapport::render::pdf::{self, PdfOptions};

use super::build_site::{built, pdf_of};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn assert_conforms(pdf: &[u8], what: &str) {
    let failures = conformance::check(pdf).expect("the validator reads the PDF");
    assert!(
        failures.is_empty(),
        "{what} fails:\n{}",
        failures.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_built_example_conforms_to_pdf_a_2a_and_pdf_ua_1() {
    let out = built("examples/minimal");
    assert_conforms(&std::fs::read(pdf_of(&out)).expect("pdf"), "examples/minimal");
}

#[test]
fn the_built_real_report_conforms_to_pdf_a_2a_and_pdf_ua_1() {
    if !root().join("report-data/report.yaml").is_file() {
        eprintln!("no report-data/report.yaml: skipped");
        return;
    }
    let out = built("report-data");
    assert_conforms(&std::fs::read(pdf_of(&out)).expect("pdf"), "report-data");
}

/// The UTKAST mark of a draft is an artifact: as tagged text it landed inside the structure of a
/// list or table that breaks across a page, and the export refused the whole draft.
#[test]
fn a_draft_of_the_real_report_renders_and_conforms() {
    if !root().join("report-data/report.yaml").is_file() {
        eprintln!("no report-data/report.yaml: skipped");
        return;
    }
    let report = check(&root().join("report-data"), &CheckOptions::default())
        .report
        .expect("report-data loads");
    let options = PdfOptions { draft: true, date: report.meta.date };
    let bytes = pdf::render(&report, &TemplateDir::default(), &options)
        .unwrap_or_else(|e| panic!("the draft renders: {e}"));
    assert_conforms(&bytes, "the draft of report-data");
}

/// The streams of a PDF written by pdf-writer: (`/Length`, the data).
fn streams(pdf: &[u8]) -> Vec<&[u8]> {
    let mut found = Vec::new();
    let marker = b">>\nstream\n";
    let mut from = 0;
    while let Some(at) = pdf[from..].windows(marker.len()).position(|w| w == marker) {
        let start = from + at + marker.len();
        // pdf-writer writes `/Length n` first in the stream's dictionary.
        let dict = &pdf[..from + at];
        let key = dict.windows(8).rposition(|w| w == b"/Length ").expect("/Length");
        let digits: String = dict[key + 8..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|b| char::from(*b))
            .collect();
        let length: usize = digits.parse().expect("a length");
        found.push(&pdf[start..start + length]);
        from = start + length;
    }
    found
}

/// A document whose compressed streams include one that ends with CR (0x0D): pages of
/// `lorem` text through a template of our own, searched from a pinned seed (bounded).
fn pdf_with_a_stream_ending_in_cr() -> (usize, Vec<u8>) {
    const SEED: usize = 23;
    let checked = check(&root().join("examples/minimal"), &CheckOptions::default());
    let report = checked.report.expect("the example loads");
    let options = PdfOptions { draft: false, date: report.meta.date };
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("pdf")).expect("mkdir");
    for seed in SEED..SEED + 60 {
        let template = format!(
            "#for i in range(12) [\n  = Side #(i + 1)\n  #lorem({seed} + 7 * i + 20)\n  #pagebreak(weak: true)\n]\n"
        );
        std::fs::write(dir.path().join("pdf/report.typ"), template).expect("write");
        let bytes = pdf::render(&report, &TemplateDir::with_overrides(dir.path()), &options)
            .unwrap_or_else(|e| panic!("the test document renders: {e}"));
        if streams(&bytes).iter().any(|data| data.last() == Some(&b'\r')) {
            if seed != SEED {
                eprintln!("NOTICE: the first triggering seed is now {seed}; pin it as SEED");
            }
            return (seed, bytes);
        }
    }
    panic!("no document in {SEED}..{} has a stream ending in CR: widen the search", SEED + 60);
}

#[test]
fn stream_data_ending_with_cr_keeps_the_pdf_conformant() {
    let (seed, pdf) = pdf_with_a_stream_ending_in_cr();
    // The written form: CR LF after the data, so the marker before `endstream` is unambiguous.
    let ends_with_cr = streams(&pdf).into_iter().filter(|d| d.last() == Some(&b'\r')).count();
    let unambiguous = pdf.windows(12).filter(|w| w == b"\r\r\nendstream").count();
    assert!(unambiguous >= ends_with_cr, "seed {seed}: {unambiguous} < {ends_with_cr}");
    assert_conforms(&pdf, &format!("the document of seed {seed}"));

    // The same document as the unpatched pdf-writer writes it (a lone LF after the data) fails
    // rule 6.1.7.1: the test document does trigger the bug.
    let unpatched = as_unpatched(&pdf);
    let failures = conformance::check(&unpatched).expect("readable");
    assert!(
        failures.iter().any(|f| f.rule.contains("6.1.7.1")),
        "seed {seed}: the unpatched form should fail 6.1.7.1: {failures:?}"
    );
}

/// `pdf` with the CR the patch adds before `CR LF endstream` removed, and the cross-reference
/// table's offsets moved to match: the bytes the unpatched pdf-writer writes.
fn as_unpatched(pdf: &[u8]) -> Vec<u8> {
    let marker = b"\r\r\nendstream";
    let removed: Vec<usize> = (0..pdf.len().saturating_sub(marker.len()))
        .filter(|&i| &pdf[i..i + marker.len()] == marker)
        .collect();
    let shift = |offset: usize| offset - removed.iter().filter(|&&r| r < offset).count();
    let mut out: Vec<u8> =
        pdf.iter().enumerate().filter(|(i, _)| !removed.contains(i)).map(|(_, b)| *b).collect();
    let find_last = |needle: &[u8]| out.windows(needle.len()).rposition(|w| w == needle);
    let xref = find_last(b"\nxref\n").expect("a classic cross-reference table") + 1;
    let startxref = find_last(b"startxref\n").expect("startxref");
    let text = std::str::from_utf8(&out[xref..startxref]).expect("an ASCII table");
    let mut table = String::new();
    for line in text.split_inclusive('\n') {
        let entry = line.len() >= 18 && line.get(16..).is_some_and(|l| l.starts_with(" n"));
        match line.get(..10).map(str::parse::<usize>) {
            Some(Ok(offset)) if entry => {
                table.push_str(&format!("{:010}{}", shift(offset), &line[10..]));
            }
            _ => table.push_str(line),
        }
    }
    out.truncate(xref);
    out.extend(table.as_bytes());
    out.extend(format!("startxref\n{}\n%%EOF\n", xref).as_bytes());
    out
}

#[test]
fn the_stream_scanner_reads_lengths() {
    let pdf = b"1 0 obj\n<<\n  /Length 3\n>>\nstream\nab\r\r\nendstream\nendobj\n2 0 obj\n<<\n  /Length 2\n  /Filter /FlateDecode\n>>\nstream\nxy\nendstream\n";
    assert_eq!(streams(pdf), vec![&b"ab\r"[..], &b"xy"[..]]);
}

#[test]
fn build_verifies_its_pdf_when_asked() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let (code, _, stderr) = super::check::run_in(
        root(),
        &["build", "examples/minimal", "--out", &out_arg, "--only-output", "pdf", "--verify-pdf"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("Verified PDF/A-2a and PDF/UA-1"), "{stderr}");
    let (code, _, stderr) =
        super::check::run_in(root(), &["build", "examples/minimal", "--out", &out_arg]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("Verified"), "verifying is asked for: {stderr}");
}
