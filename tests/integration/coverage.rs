//! Fidelity of the real report: how much of the published text (`tests/fixtures/coverage/`, the
//! PDF's text extraction) the site and the PDF built from `report-data/` print.
//!
//! The measure is the one of the project's `coverage.py`: every line of the published text of at
//! least 20 characters (page furniture and bare links aside), normalised (whitespace folded, soft
//! hyphens and no-break spaces dropped, dashes, minus signs and quotes unified, lower case), is
//! looked for in the site's visible text, also with all spaces removed (table cells). The PDF's
//! text is read as `coverage.py` reads it: `pdftotext -layout` and `-raw`, a word hyphenated at a
//! line's end joined, and the running header and footer left in (the tool means to drop them, but
//! its pattern never matches), so a line that a page break splits counts as missing. Lines that
//! cannot sensibly appear are listed in `docs/report-data.md`.

use std::path::Path;
use std::process::Command;

use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::TemplateDir;
use arsrapport::render::html::{self, HtmlOptions};
use scraper::{Html, Node};

const SEED: &str = "tests/fixtures/coverage/arsberetning-2024-bydel-bjerke.txt";
/// The share of the published lines the site must print.
const LEAST: f64 = 0.99;

fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .filter(|c| *c != '\u{ad}')
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            '\u{2212}' | '\u{2013}' | '\u{2014}' => '-',
            '«' | '»' | '“' | '”' => '"',
            '’' => '\'',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The visible text of a page: every text node outside `script`, `style` and `noscript`,
/// elements separated by a space.
fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    for node in doc.tree.root().descendants() {
        if let Node::Text(text) = node.value() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript"))
            });
            if !hidden {
                out.push(' ');
                out.push_str(text);
                out.push(' ');
            }
        }
    }
    out
}

fn is_furniture(line: &str) -> bool {
    let rest = line.strip_prefix("årsberetning 2024 bydel bjerke").map(str::trim);
    rest.is_some_and(|r| r.is_empty() || r.chars().all(|c| c.is_ascii_digit()))
}

/// The share of the seed's lines found in `text` (already normalised): hits, total, missing.
fn measure(text: &str) -> (usize, usize, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let nospace = text.replace(' ', "");
    let seed = std::fs::read_to_string(root.join(SEED)).expect("seed text");
    let (mut hits, mut total, mut missing) = (0usize, 0usize, Vec::new());
    for raw in seed.lines() {
        let line = norm(raw);
        if line.chars().count() < 20 || line.starts_with("http") || is_furniture(&line) {
            continue;
        }
        total += 1;
        if text.contains(&line) || nospace.contains(&line.replace(' ', "")) {
            hits += 1;
        } else {
            missing.push(line);
        }
    }
    (hits, total, missing)
}

fn assert_covered(what: &str, text: &str) {
    let (hits, total, missing) = measure(text);
    let share = hits as f64 / total as f64;
    eprintln!(
        "coverage of the published text by the {what}: {hits}/{total} = {:.1} %",
        share * 100.0
    );
    for line in &missing {
        eprintln!("  missing: {line}");
    }
    assert!(total > 1900, "the seed has its lines ({total})");
    assert!(
        share >= LEAST,
        "{what}: {:.1} % < {} %: {} lines missing",
        share * 100.0,
        LEAST * 100.0,
        missing.len()
    );
}

#[test]
fn the_site_prints_at_least_99_percent_of_the_published_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = check(&root.join("report-data"), &CheckOptions::default());
    let report = checked.report.expect("report-data loads");
    let files =
        html::render(&report, &TemplateDir::default(), &HtmlOptions::default()).expect("renders");
    let mut pages: Vec<_> = files.iter().filter(|f| f.path.ends_with(".html")).collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let text = norm(
        &pages
            .iter()
            .map(|f| visible_text(&String::from_utf8_lossy(&f.bytes)))
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert_covered("site", &text);
}

/// The PDF's text as `pdftotext` reads it with `option`, a word hyphenated at a line's end
/// joined.
fn pdf_text(pdf: &Path, option: &str) -> String {
    let out = match Command::new("pdftotext").arg(option).arg(pdf).arg("-").output() {
        Ok(out) => out,
        Err(e) => panic!("`pdftotext` could not run ({e}): apt-get install poppler-utils"),
    };
    assert!(out.status.success(), "pdftotext {option} failed");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut joined = String::with_capacity(text.len());
    let mut rest = text.as_ref();
    while let Some(at) = rest.find('\u{ad}') {
        joined.push_str(&rest[..at]);
        let after = &rest[at + '\u{ad}'.len_utf8()..];
        rest = match after.trim_start_matches([' ', '\t']).strip_prefix('\n') {
            Some(next_line) => next_line.trim_start(),
            None => after,
        };
    }
    joined.push_str(rest);
    joined
}

#[test]
fn the_pdf_prints_at_least_99_percent_of_the_published_text() {
    let pdf = crate::pdf_layout::report_data_pdf();
    let text =
        format!("{} \u{0} {}", norm(&pdf_text(pdf, "-layout")), norm(&pdf_text(pdf, "-raw")));
    assert_covered("PDF", &text);
}
