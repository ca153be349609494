//! Integration tests: the HTML site (this file: helpers and page structure; `content.rs`:
//! tables, blocks, checklists and charts; `safety.rs`: hostile text, overrides, encodings and
//! the search index; `real.rs`: the real report, every fixture and example; `versus_pdf.rs`:
//! the tables of the HTML against the PDF's).
//!
//! The generated pages are parsed with an HTML5 parser (`scraper`, html5ever) and checked
//! the way a browser would see them: structure and accessibility markup, formatted
//! figures, anchors and links between pages, escaping of hostile text, template
//! overrides, and — once the PDF renderer is there — the same figures in HTML and PDF.
//!
//! Sites are also written for the accessibility check in `tests/a11y/`:
//! `target/tmp/html-sample-site/` (`tests/fixtures/valid/sample-site`),
//! `target/tmp/html-report-data/` (the real report in `report-data/`) and
//! `target/tmp/html-example-<name>/` (each report in `examples/`).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use arsrapport::diag::Code;
use arsrapport::model::Report;
use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::html::{self, HtmlOptions};
use arsrapport::render::{RenderError, SiteFile, TemplateDir};
use scraper::{ElementRef, Html, Selector};

const PDF: &str = "arsberetning-2024-bydel-bjerke.pdf";
const NBSP: char = '\u{a0}';
const MINUS: char = '\u{2212}';

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The report in `dir` (relative to the repository), loaded and checked by the pipeline; it must
/// check without errors.
fn load(dir: &str) -> Report {
    let checked = check(&root().join(dir), &CheckOptions::default());
    let errors: Vec<&str> =
        checked.diagnostics.iter().filter(|d| d.fails(false)).map(|d| d.message.as_str()).collect();
    assert!(!checked.failed, "{dir} checks clean: {errors:?}");
    checked.report.unwrap_or_else(|| panic!("{dir} loads"))
}

/// `tests/fixtures/valid/sample-site`: every block, cell and table kind (see its report.yaml).
fn sample() -> Report {
    load("tests/fixtures/valid/sample-site")
}

fn render(report: &Report) -> Vec<SiteFile> {
    html::render(report, &TemplateDir::default(), &HtmlOptions { pdf_file: Some(PDF.into()) })
        .expect("the site renders")
}

struct Site {
    files: Vec<SiteFile>,
}

impl Site {
    fn of(report: &Report) -> Site {
        Site { files: render(report) }
    }

    fn file(&self, path: &str) -> &SiteFile {
        self.files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path} in {:?}", self.paths()))
    }

    fn paths(&self) -> Vec<&str> {
        self.files.iter().map(|f| f.path.as_str()).collect()
    }

    fn text(&self, path: &str) -> &str {
        std::str::from_utf8(&self.file(path).bytes).expect("UTF-8")
    }

    fn page(&self, path: &str) -> Html {
        Html::parse_document(self.text(path))
    }

    fn pages(&self) -> Vec<(&str, Html)> {
        self.files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .map(|f| {
                (
                    f.path.as_str(),
                    Html::parse_document(std::str::from_utf8(&f.bytes).expect("UTF-8")),
                )
            })
            .collect()
    }

    fn write(&self, dir: &Path) {
        if dir.exists() {
            std::fs::remove_dir_all(dir).expect("clear the old site");
        }
        for file in &self.files {
            let path = dir.join(&file.path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, &file.bytes).expect("write");
        }
    }
}

fn sel(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("selector {selector}: {e:?}"))
}

fn text(element: ElementRef<'_>) -> String {
    element.text().collect::<String>()
}

/// Text with runs of ASCII whitespace folded (no-break spaces are kept).
fn squash(s: &str) -> String {
    s.split([' ', '\n', '\t', '\r']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn one<'a>(doc: &'a Html, selector: &str) -> ElementRef<'a> {
    let found: Vec<_> = doc.select(&sel(selector)).collect();
    assert_eq!(found.len(), 1, "expected exactly one {selector}, found {}", found.len());
    found[0]
}

/// Headings in document order: exactly one h1, first; no level skipped going down.
fn assert_heading_order(path: &str, doc: &Html) {
    let levels: Vec<u8> = doc
        .select(&sel("h1, h2, h3, h4, h5, h6"))
        .map(|h| h.value().name()[1..].parse().expect("heading level"))
        .collect();
    assert_eq!(levels.first(), Some(&1), "{path}: the first heading is h1: {levels:?}");
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "{path}: one h1: {levels:?}");
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "{path}: heading level skipped in {levels:?}");
    }
}

/// Every id is unique on its page; every relative link points to an existing file and id.
fn assert_links_resolve(site: &Site) {
    let mut ids: BTreeMap<&str, HashSet<String>> = BTreeMap::new();
    let pages = site.pages();
    for (path, doc) in &pages {
        let mut seen = HashSet::new();
        for element in doc.select(&sel("[id]")) {
            let id = element.value().id().expect("id").to_string();
            assert!(seen.insert(id.clone()), "{path}: duplicate id {id}");
        }
        ids.insert(path, seen);
    }
    let files: HashSet<&str> = site.paths().into_iter().collect();
    for (path, doc) in &pages {
        for a in doc.select(&sel("a[href], link[href], script[src], img[src]")) {
            let target = a.value().attr("href").or(a.value().attr("src")).expect("target");
            if target.starts_with("https://")
                || target.starts_with("http://")
                || target.starts_with("mailto:")
            {
                continue;
            }
            let (file, fragment) = match target.split_once('#') {
                Some((file, fragment)) => (file, Some(fragment)),
                None => (target, None),
            };
            let file = if file.is_empty() { *path } else { file };
            if file == PDF {
                continue;
            }
            assert!(files.contains(file), "{path}: link to missing file {target}");
            if let Some(fragment) = fragment {
                let page_ids =
                    ids.get(file).unwrap_or_else(|| panic!("{path}: {target} is no page"));
                assert!(page_ids.contains(fragment), "{path}: link to missing anchor {target}");
            }
        }
    }
}

mod content;
mod real;
mod safety;
mod versus_pdf;

pub(crate) use safety::assert_windows_1252_bytes;

#[test]
fn pages_have_language_metadata_skip_link_and_landmarks() {
    let site = Site::of(&sample());
    for (path, doc) in site.pages() {
        assert_eq!(one(&doc, "html").value().attr("lang"), Some("nb"), "{path}");
        let meta = |name: &str| {
            one(&doc, &format!("meta[name=\"{name}\"]"))
                .value()
                .attr("content")
                .unwrap_or("")
                .to_string()
        };
        assert_eq!(meta("author"), "Bydel Bjerke", "{path}");
        assert!(meta("description").contains("Årsberetning 2024 for Bydel Bjerke"), "{path}");
        assert_eq!(meta("keywords"), "årsberetning, Oslo kommune, Bydel Bjerke");
        assert_eq!(meta("date"), "2025-03-01");
        assert!(meta("generator").starts_with("arsrapport "));
        assert!(text(one(&doc, "head > title")).contains("Årsberetning 2024"), "{path}");
        assert!(one(&doc, "meta[name=viewport]").value().attr("content").is_some());

        // The skip link is the first link of the page and leads to <main>.
        let first_link = doc.select(&sel("body a[href]")).next().expect("a link");
        assert_eq!(first_link.value().attr("href"), Some("#innhold"), "{path}");
        assert_eq!(text(first_link), "Hopp til innholdet");
        assert_eq!(one(&doc, "main").value().id(), Some("innhold"));
        one(&doc, "header");
        one(&doc, "footer");
        assert_heading_order(path, &doc);

        // Nothing is loaded from elsewhere.
        for element in doc.select(&sel("[src], link[href]")) {
            let target = element.value().attr("src").or(element.value().attr("href")).unwrap_or("");
            assert!(!target.contains("//"), "{path}: external resource {target}");
        }
        // Search is an enhancement: the form is hidden until the script shows it.
        assert!(one(&doc, "form[role=search]").value().attr("hidden").is_some(), "{path}");
        assert_eq!(one(&doc, "script").value().attr("src"), Some("assets/site.js"));
    }
}

#[test]
fn chapter_pages_have_contents_and_previous_next_links() {
    let site = Site::of(&sample());
    let index = site.page("index.html");
    let contents: Vec<String> = index
        .select(&sel("nav.contents a"))
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    for expected in [
        "beretning.html",
        "kapittel-1.html",
        "kapittel-1.html#seksjon-1-1-1",
        "kapittel-2.html",
        "kapittel-3.html",
        "kapittel-3.html#seksjon-3-1",
        "kapittel-3.html#seksjon-3-1-1",
        "kapittel-4.html",
    ] {
        assert!(contents.iter().any(|h| h == expected), "{expected} in {contents:?}");
    }

    let rel = |doc: &Html, rel: &str| -> Option<String> {
        doc.select(&sel(&format!("nav.pager a[rel={rel}]")))
            .next()
            .and_then(|a| a.value().attr("href").map(str::to_string))
    };
    let beretning = site.page("beretning.html");
    assert_eq!(rel(&beretning, "prev").as_deref(), Some("index.html"));
    assert_eq!(rel(&beretning, "next").as_deref(), Some("kapittel-1.html"));
    let k3 = site.page("kapittel-3.html");
    assert_eq!(rel(&k3, "prev").as_deref(), Some("kapittel-2.html"));
    assert_eq!(rel(&k3, "next").as_deref(), Some("kapittel-4.html"));
    let k4 = site.page("kapittel-4.html");
    assert_eq!(rel(&k4, "prev").as_deref(), Some("kapittel-3.html"));
    assert_eq!(rel(&k4, "next"), None);
    assert_eq!(rel(&index, "next").as_deref(), Some("beretning.html"));

    // The chapter list marks the current page.
    let current = one(&k3, "nav.sidebar a[aria-current=page]");
    assert_eq!(current.value().attr("href"), Some("kapittel-3.html"));
    assert_eq!(squash(&text(one(&k3, "h1"))), "3 Målopnåelse");
    assert_eq!(one(&k3, "h1").value().id(), Some("kapittel-3"));
}

/// The chapter list (side navigation and «Kapitler» menu) on every chapter page: every chapter
/// once, the page's own chapter marked with aria-current and listing its sections, the other
/// chapters plain. Its entries are rendered once per site by chapter_nav.html, which can be
/// overridden like every template.
#[test]
fn the_chapter_list_marks_each_page_and_lists_its_sections_only() {
    let report = sample();
    let site = Site::of(&report);
    let chapters: Vec<String> = report.chapters.iter().map(|c| format!("{}.html", c.id)).collect();
    for (i, file) in chapters.iter().enumerate() {
        let page = site.page(file);
        for nav in ["details.menu nav[aria-label=Kapitler]", "nav.sidebar[aria-label=Kapitler]"] {
            let nav = one(&page, nav);
            let links: Vec<String> = nav
                .select(&sel("ol.chapter-list > li > a"))
                .map(|a| a.value().attr("href").unwrap_or_default().to_string())
                .collect();
            assert_eq!(links, chapters, "{file}");
            let current: Vec<_> = nav.select(&sel("a[aria-current=page]")).collect();
            assert_eq!(current.len(), 1, "{file}");
            assert_eq!(current[0].value().attr("href"), Some(file.as_str()));
            let own: Vec<_> = nav.select(&sel("li.current")).collect();
            assert_eq!(own.len(), 1, "{file}");
            let sections: Vec<String> = nav
                .select(&sel("ol.chapter-list > li > ol > li > a"))
                .map(|a| a.value().attr("href").unwrap_or_default().to_string())
                .collect();
            let expected: Vec<String> =
                report.chapters[i].sections.iter().map(|s| format!("{file}#{}", s.id)).collect();
            assert_eq!(sections, expected, "{file}: only its own sections");
        }
    }
    // No chapter list on the cover and the data page.
    for page in ["index.html", "tallgrunnlag.html"] {
        assert!(site.page(page).select(&sel("ol.chapter-list")).next().is_none(), "{page}");
    }

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("html")).expect("mkdir");
    std::fs::write(
        dir.path().join("html/chapter_nav.html"),
        "<li{% if current %} class=\"mine\"{% endif %}>{{ chapter.title }} ({{ site.district }})</li>",
    )
    .expect("write");
    let files =
        html::render(&report, &TemplateDir::with_overrides(dir.path()), &HtmlOptions::default())
            .expect("renders");
    let custom = Site { files };
    let k3 = custom.page("kapittel-3.html");
    let own = one(&k3, "nav.sidebar li.mine");
    assert_eq!(text(own), format!("Målopnåelse ({})", report.meta.district));
    assert_eq!(k3.select(&sel("nav.sidebar li")).count(), chapters.len());
}

#[test]
fn every_section_and_table_has_its_stable_anchor() {
    let report = sample();
    let site = Site::of(&report);
    let k3 = site.page("kapittel-3.html");
    for id in
        ["seksjon-3-1", "seksjon-3-1-1", "seksjon-3-1-2", "seksjon-3-2", "tabell-3-1", "tabell-3-2"]
    {
        one(&k3, &format!("#{id}"));
    }
    assert_eq!(one(&k3, "#seksjon-3-1").value().name(), "h2");
    assert_eq!(one(&k3, "#seksjon-3-1-1").value().name(), "h3");
    one(&site.page("beretning.html"), "#tabell-0-1-b");
    // Unnumbered tables: tabell-<id>.
    one(&k3, "#tabell-k4-sykefravaer");
    assert_links_resolve(&site);
}

fn one_in<'a>(element: ElementRef<'a>, selector: &str) -> ElementRef<'a> {
    let found: Vec<_> = element.select(&sel(selector)).collect();
    assert_eq!(found.len(), 1, "expected one {selector}");
    found[0]
}
