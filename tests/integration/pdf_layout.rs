//! The PDF's page economy, measured on the real report: how full every page is, read from the
//! PDF itself with `pdftotext -bbox` (the lowest word inside the text area of each page).
//!
//! Rule (issue 14): no page is less than 60 % full, except a page right before a chapter
//! starts and the last page. Needs `pdftotext` (poppler-utils), like the other PDF tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use arsrapport::model::Report;
use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::TemplateDir;
use arsrapport::render::pdf::{self, PdfOptions};

/// The page margins of the default theme (`templates/pdf/theme.typ`: top 2.6 cm, bottom
/// 2.3 cm), in points: the running header and footer are outside the text area.
const TOP: f64 = 2.6 / 2.54 * 72.0;
const BOTTOM: f64 = 2.3 / 2.54 * 72.0;
const LEAST_FILL: f64 = 0.60;

/// One word as `pdftotext -bbox` places it.
struct Word {
    x: f64,
    top: f64,
    bottom: f64,
    text: String,
}

struct Page {
    width: f64,
    height: f64,
    /// Words inside the text area, in reading order (line by line, left to right).
    words: Vec<Word>,
}

impl Page {
    /// How much of the text area's height is used: down to the lowest word.
    fn fill(&self) -> f64 {
        let lowest = self.words.iter().map(|w| w.bottom).fold(TOP, f64::max);
        (lowest - TOP) / (self.height - TOP - BOTTOM)
    }

    /// The first words of the page's text area.
    fn opening(&self, n: usize) -> String {
        self.words.iter().take(n).map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
    }
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    tag.split_once(&key)
        .and_then(|(_, rest)| rest.split_once('"'))
        .and_then(|(value, _)| value.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// The pages of `pdf` as `pdftotext -bbox` reads them.
fn read_pages(pdf: &Path) -> Vec<Page> {
    let out = match Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output() {
        Ok(out) => out,
        Err(e) => panic!("`pdftotext` could not run ({e}): apt-get install poppler-utils"),
    };
    assert!(out.status.success(), "pdftotext failed");
    let xml = String::from_utf8_lossy(&out.stdout);
    let mut pages = Vec::new();
    for chunk in xml.split("<page ").skip(1) {
        let (tag, body) = chunk.split_once('>').expect("page tag");
        let (width, height) = (attr(tag, "width"), attr(tag, "height"));
        let mut words: Vec<Word> = body
            .split("<word ")
            .skip(1)
            .filter_map(|w| {
                let (tag, rest) = w.split_once('>')?;
                let text = unescape(rest.split_once("</word>")?.0);
                Some(Word {
                    x: attr(tag, "xMin"),
                    top: attr(tag, "yMin"),
                    bottom: attr(tag, "yMax"),
                    text,
                })
            })
            // A word is in the text area if it reaches into it (a large heading's ascent may
            // start above it); the running header and footer lie wholly in the margins.
            .filter(|w| w.bottom > TOP && w.top < height - BOTTOM)
            .collect();
        words.sort_by(|a, b| {
            (a.top.round() as i64, a.x as i64).cmp(&(b.top.round() as i64, b.x as i64))
        });
        pages.push(Page { width, height, words });
    }
    pages
}

fn load(dir: &str) -> Report {
    let checked = check(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &CheckOptions::default());
    assert!(!checked.failed, "{dir} checks clean");
    checked.report.expect("loads")
}

/// «3 Måloppnåelse og resultater», or the title alone: how a chapter's first page opens.
fn chapter_openings(report: &Report) -> Vec<String> {
    report
        .chapters
        .iter()
        .map(|c| match &c.number {
            Some(n) => format!("{n} {}", c.title),
            None => c.title.clone(),
        })
        .collect()
}

/// The PDF of report-data, rendered once for the tests of this binary that read it, in a
/// folder that lives as long as they run; Typst must have no warning about it.
pub(crate) fn report_data_pdf() -> &'static Path {
    static PDF: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = PDF.get_or_init(|| {
        let report = load("report-data");
        let options = PdfOptions { draft: false, date: report.meta.date };
        let prepared = match pdf::prepare(&report, &TemplateDir::default(), &options) {
            Ok(prepared) => prepared,
            Err(e) => panic!("prepares: {e}"),
        };
        let compiled = match pdf::compile(&prepared) {
            Ok(compiled) => compiled,
            Err(e) => panic!("compiles: {e}"),
        };
        let warnings: Vec<String> = compiled.warnings.iter().map(ToString::to_string).collect();
        assert!(warnings.is_empty(), "Typst warns about the default templates: {warnings:?}");
        let bytes = match pdf::export(&prepared, &compiled.document) {
            Ok(bytes) => bytes,
            Err(e) => panic!("exports: {e}"),
        };
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.pdf");
        std::fs::write(&path, bytes).expect("write");
        (dir, path)
    });
    path
}

/// Every page of the real report is at least 60 % full, but for the page before a chapter
/// starts and the last page. Prints every page's fill.
#[test]
fn no_page_of_report_data_is_mostly_empty() {
    let report = load("report-data");
    let pages = read_pages(report_data_pdf());
    let openings = chapter_openings(&report);
    let starts_chapter = |page: &Page| {
        let words = page.opening(12);
        openings.iter().any(|o| {
            let first: Vec<&str> = o.split_whitespace().take(4).collect();
            words.starts_with(&first.join(" "))
        })
    };
    let mut bad = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let fill = page.fill();
        let orientation = if page.width > page.height { "landscape" } else { "portrait" };
        let exempt = i + 1 == pages.len() || pages.get(i + 1).is_some_and(starts_chapter);
        eprintln!(
            "page {:>2} {orientation:<9} {:>5.1} %{} «{}»",
            i + 1,
            fill * 100.0,
            if exempt { " (exempt)" } else { "" },
            page.opening(5)
        );
        if fill < LEAST_FILL && !exempt {
            bad.push(format!(
                "page {} ({orientation}): {:.1} % full, opens «{}»",
                i + 1,
                fill * 100.0,
                page.opening(8)
            ));
        }
    }
    assert!(
        openings
            .iter()
            .filter(|o| pages
                .iter()
                .any(|p| p.opening(12).starts_with(o.split_whitespace().next().unwrap_or(""))))
            .count()
            > 1,
        "chapter starts are recognised"
    );
    assert!(bad.is_empty(), "pages less than {} % full:\n{}", LEAST_FILL * 100.0, bad.join("\n"));
}
