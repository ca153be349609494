//! Integration tests: the HTML site.
//!
//! The generated pages are parsed with an HTML5 parser (`scraper`, html5ever) and checked
//! the way a browser would see them: structure and accessibility markup, formatted
//! figures, anchors and links between pages, escaping of hostile text, template
//! overrides, and — once the PDF renderer is there — the same figures in HTML and PDF.
//!
//! Sites are also written for the accessibility check in `tests/a11y/`:
//! `target/tmp/html-sample-site/` (the hand-built sample report),
//! `target/tmp/html-report-data/` (the real report in `report-data/`) and
//! `target/tmp/html-example-<name>/` (each report in `examples/`).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use arsrapport::model::{Block, Cell, Inline, Report};
use arsrapport::render::html::{self, HtmlOptions, sample};
use arsrapport::render::{RenderError, SiteFile, TemplateDir};
use scraper::{ElementRef, Html, Selector};

const PDF: &str = "arsberetning-2024-bydel-bjerke.pdf";
const NBSP: char = '\u{a0}';
const MINUS: char = '\u{2212}';

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

#[test]
fn pages_have_language_metadata_skip_link_and_landmarks() {
    let site = Site::of(&sample::report());
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
        assert!(text(one(&doc, "title")).contains("Årsberetning 2024"), "{path}");
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
    let site = Site::of(&sample::report());
    let index = site.page("index.html");
    let contents: Vec<String> = index
        .select(&sel("nav.contents a"))
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    for expected in [
        "beretning.html",
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
    assert_eq!(rel(&beretning, "next").as_deref(), Some("kapittel-3.html"));
    let k3 = site.page("kapittel-3.html");
    assert_eq!(rel(&k3, "prev").as_deref(), Some("beretning.html"));
    assert_eq!(rel(&k3, "next").as_deref(), Some("kapittel-4.html"));
    let k4 = site.page("kapittel-4.html");
    assert_eq!(rel(&k4, "next"), None);
    assert_eq!(rel(&index, "next").as_deref(), Some("beretning.html"));

    // The chapter list marks the current page.
    let current = one(&k3, "nav.sidebar a[aria-current=page]");
    assert_eq!(current.value().attr("href"), Some("kapittel-3.html"));
    assert_eq!(squash(&text(one(&k3, "h1"))), "3 Målopnåelse");
    assert_eq!(one(&k3, "h1").value().id(), Some("kapittel-3"));
}

#[test]
fn every_section_and_table_has_its_stable_anchor() {
    let report = sample::report();
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

#[test]
fn tables_have_caption_header_scopes_and_formatted_figures() {
    let site = Site::of(&sample::report());
    let beretning = site.page("beretning.html");
    let caption = one(&beretning, "#tabell-0-1-b caption");
    assert!(
        squash(&text(caption)).starts_with("Tabell 0.1 B Netto driftsutgifter i 1000 kr."),
        "{}",
        text(caption)
    );
    assert_eq!(text(one(&beretning, "#tabell-0-1-b .table-unit")), "Tall i 1000 kr");

    // The scroll container is a labelled, focusable region.
    let region = one(&beretning, "#tabell-0-1-b .table-scroll");
    assert_eq!(region.value().attr("role"), Some("region"));
    assert_eq!(region.value().attr("tabindex"), Some("0"));
    assert_eq!(region.value().attr("aria-labelledby"), caption.value().id());

    let k3 = site.page("kapittel-3.html");
    let table = one(&k3, "#tabell-3-1 table");
    let headers: Vec<_> = table.select(&sel("thead th")).collect();
    assert_eq!(headers.len(), 6);
    assert!(headers.iter().all(|th| th.value().attr("scope") == Some("col")));
    assert_eq!(text(headers[5]), "Avvik reg.bud/regnskap 2024");

    // 130 Adm.lokaler;23 059;3 809;-54 213;24 172;-78 384
    let row = table
        .select(&sel("tbody tr"))
        .find(|tr| tr.select(&sel("th")).next().map(text).as_deref() == Some("130 Adm.lokaler"))
        .expect("row 130");
    assert_eq!(one_in(row, "th").value().attr("scope"), Some("row"));
    let cells: Vec<String> = row.select(&sel("td")).map(text).collect();
    assert_eq!(
        cells,
        [
            format!("23{NBSP}059"),
            format!("3{NBSP}809"),
            format!("{MINUS}54{NBSP}213"),
            format!("24{NBSP}172"),
            format!("{MINUS}78{NBSP}384"),
        ]
    );
    assert!(row.select(&sel("td")).all(|td| td.value().classes().any(|c| c == "num")));
    // A dash cell prints an en dash.
    let row_180 = table
        .select(&sel("tbody tr"))
        .find(|tr| text(*tr).contains("180 Div. fellesutgifter"))
        .expect("row 180");
    assert_eq!(row_180.select(&sel("td")).next().map(text).as_deref(), Some("\u{2013}"));

    // The sum row is marked (bold in the stylesheet).
    let sum = one_in(table, "tr.sum");
    assert_eq!(text(one_in(sum, "th")), "Sum netto utgifter *)");
    assert_eq!(text(sum.select(&sel("td")).last().expect("avvik")), format!("{MINUS}37{NBSP}636"));

    // Table footnotes, linked from the table, with an in-report link to another page.
    let notes = one(&k3, "#tabell-3-1 .table-footnotes");
    assert_eq!(table.value().attr("aria-describedby"), notes.value().id());
    assert_eq!(
        one_in(notes, "a").value().attr("href"),
        Some("beretning.html#tabell-0-1-b"),
        "anchor links are rewritten to the page holding the anchor"
    );

    // Header groups: colgroup headers with colspan; group rows head their row group.
    let population = one(&k3, "#tabell-3-3 table");
    let groups: Vec<_> = population.select(&sel("thead tr.header-groups th")).collect();
    assert_eq!(groups.len(), 2);
    assert!(groups.iter().all(|th| th.value().attr("scope") == Some("colgroup")
        && th.value().attr("colspan") == Some("2")));
    assert_eq!(population.select(&sel("colgroup")).count(), 3);
    let percent = population.select(&sel("tbody td")).nth(2).map(text);
    assert_eq!(percent, Some(format!("6,35{NBSP}%")));

    let key_figures = one(&k3, "#tabell-3-2 table");
    let group_headers: Vec<String> =
        key_figures.select(&sel("tbody tr.group th[scope=rowgroup]")).map(text).collect();
    assert_eq!(group_headers, ["Innhold", "Utbygging"]);
    assert_eq!(key_figures.select(&sel("tbody")).count(), 2);
    assert!(text(key_figures).contains("231\u{a0}106"));

    // Tabular figures and right alignment come from the stylesheet.
    let css = site.text("assets/site.css");
    assert!(css.contains("font-variant-numeric: tabular-nums"));
    assert!(css.contains(".num, .code { text-align: right;"));
    assert!(css.contains("overflow-x: auto"));
}

fn one_in<'a>(element: ElementRef<'a>, selector: &str) -> ElementRef<'a> {
    let found: Vec<_> = element.select(&sel(selector)).collect();
    assert_eq!(found.len(), 1, "expected one {selector}");
    found[0]
}

#[test]
fn blocks_render_as_semantic_html() {
    let site = Site::of(&sample::report());
    let beretning = site.page("beretning.html");
    // A minor heading in an unnumbered chapter's blocks is an h2.
    let minor: Vec<String> = beretning.select(&sel("h2.minor-heading")).map(text).collect();
    assert_eq!(minor, ["Språk", "Økonomi"]);
    // Footnotes: numbered, linked both ways.
    let reference = one(&beretning, "sup.fn-ref a");
    assert_eq!(reference.value().attr("href"), Some("#fn-1"));
    assert_eq!(reference.value().id(), Some("fnref-1"));
    let note = one(&beretning, ".footnotes li#fn-1");
    assert!(text(note).contains("barnehagestatistikk"));
    assert_eq!(one_in(note, "a.fn-back").value().attr("href"), Some("#fnref-1"));
    // A note with its label; links inside the report and to other pages.
    assert!(
        squash(&text(one(&beretning, ".note[role=note]"))).starts_with("Kommentar til tabell:")
    );
    let hrefs: Vec<&str> =
        beretning.select(&sel("main p a")).filter_map(|a| a.value().attr("href")).collect();
    assert!(hrefs.contains(&"#tabell-0-1-b"), "{hrefs:?}");
    assert!(hrefs.contains(&"kapittel-3.html#seksjon-3-1"), "{hrefs:?}");

    let k3 = site.page("kapittel-3.html");
    // Nested list.
    let nested: Vec<String> = k3.select(&sel("main ul > li > ul > li")).map(text).collect();
    assert_eq!(nested, ["Regnskap", "Innkjøp"]);
    // External link.
    one(&k3, "main a[href=\"https://www.oslo.kommune.no/bydeler/bydel-bjerke/\"]");
    // Goal/measure table.
    let goals = one(&k3, "table.goals");
    assert_eq!(text(one_in(goals, "caption")), "Mål og tiltak FO1");
    assert!(text(one_in(goals, "th[scope=rowgroup]")).contains("heltidsstillinger"));
    assert_eq!(goals.select(&sel("tr.measure th[scope=row]")).count(), 2);
    // Figure: the bytes are in the site, the alt text from the model.
    let img = one(&k3, "figure img");
    assert_eq!(img.value().attr("src"), Some("figurer/bilder/omrader.svg"));
    assert!(img.value().attr("alt").unwrap_or("").starts_with("Søylediagram"));
    assert!(site.text("figurer/bilder/omrader.svg").starts_with("<svg"));
    assert!(text(one(&k3, "figure figcaption")).contains("barnehageplass"));

    let k4 = site.page("kapittel-4.html");
    let checklist = one(&k4, "table.checklist");
    let answers: Vec<String> = checklist.select(&sel("td.answer")).map(text).collect();
    assert_eq!(answers, ["Ja", "Ja", "Nei", "Delvis"]);
    assert_eq!(text(one_in(checklist, "tr.group th")), "Er tiltak i handlingsplanen");
    assert_eq!(one_in(checklist, "tr.group th").value().attr("colspan"), Some("3"));
    assert!(checklist.select(&sel("br")).count() == 1, "line break in a comment");
}

#[test]
fn pdf_link_on_every_page_only_when_there_is_a_pdf() {
    let site = Site::of(&sample::report());
    for (path, doc) in site.pages() {
        assert!(doc.select(&sel(&format!("a[href=\"{PDF}\"]"))).count() >= 1, "{path}");
    }
    one(&site.page("index.html"), &format!("main a.button[href=\"{PDF}\"]"));

    let files = html::render(&sample::report(), &TemplateDir::default(), &HtmlOptions::default())
        .expect("renders");
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let text = std::str::from_utf8(&file.bytes).expect("UTF-8");
        assert!(!text.contains(".pdf"), "{}: PDF link without a PDF", file.path);
    }
}

/// A report whose every kind of text carries markup and script.
fn hostile_report() -> Report {
    const SCRIPT: &str = "<script>alert(\"x\")</script>";
    let mut report = sample::report();
    report.meta.title = format!("Årsberetning</title>{SCRIPT}");
    report.meta.running_header = format!("Årsberetning</title>{SCRIPT}");
    report.meta.district = "Bydel \"Bjerke\" <b>".into();
    report.chapters[0].title = format!("Beretning {SCRIPT}");
    report.chapters[0].blocks.insert(
        0,
        Block::Paragraph {
            content: vec![
                Inline::Text { text: format!("Avsnitt {SCRIPT} <img src=x onerror=alert(1)>") },
                Inline::Link {
                    url: "https://example.org/\"><script>alert(1)</script>".into(),
                    content: vec![Inline::Text { text: format!("lenketekst {SCRIPT}") }],
                },
                Inline::Link {
                    url: "javascript:alert(document.cookie)".into(),
                    content: vec![Inline::Text { text: "farlig lenke".into() }],
                },
                Inline::Link {
                    url: "JaVaScRiPt:alert(1)".into(),
                    content: vec![Inline::Text { text: "også farlig".into() }],
                },
                Inline::Link {
                    url: "data:text/html,<script>alert(1)</script>".into(),
                    content: vec![Inline::Text { text: "data-lenke".into() }],
                },
            ],
        },
    );
    report.tables[0].caption = format!("Tabell med {SCRIPT}");
    report.tables[0].columns[1].header = format!("Kolonne {SCRIPT}");
    report.tables[0].rows[0].cells[0] = Cell::Text(format!("Rad {SCRIPT}"));
    report.tables[0].footnotes = vec![vec![Inline::Text { text: format!("Fotnote {SCRIPT}") }]];
    if let Block::Figure(figure) = &mut report.chapters[1].sections[1].blocks[1] {
        figure.alt = "\" onerror=\"alert(1)".into();
    }
    report
}

#[test]
fn hostile_text_is_escaped_and_forbidden_links_are_not_emitted() {
    let site = Site::of(&hostile_report());
    for (path, doc) in site.pages() {
        let raw = site.text(path);
        assert!(!raw.contains("<script>alert"), "{path}: raw script tag");
        assert!(!raw.contains("<img src=x"), "{path}: raw img tag");
        let scripts: Vec<_> = doc.select(&sel("script")).collect();
        assert_eq!(scripts.len(), 1, "{path}: only the site's own script");
        assert_eq!(one(&doc, "title").text().count(), 1);
        for element in doc.root_element().descendants().filter_map(ElementRef::wrap) {
            for (name, value) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{path}: event handler attribute {name}={value}");
                let lower = value.to_ascii_lowercase();
                assert!(
                    !(matches!(name, "href" | "src")
                        && (lower.starts_with("javascript:") || lower.starts_with("data:"))),
                    "{path}: {name}={value}"
                );
            }
        }
        // The text is there, as text.
        assert!(text(one(&doc, "title")).contains("</title><script>"), "{path}");
    }
    let page = site.page("beretning.html");
    let paragraph = page.select(&sel("main p")).next().expect("paragraph");
    let paragraph_text = text(paragraph);
    assert!(
        paragraph_text
            .contains("Avsnitt <script>alert(\"x\")</script> <img src=x onerror=alert(1)>")
    );
    assert!(paragraph_text.contains("farlig lenke"), "a forbidden link keeps its text");
    let links: Vec<_> = paragraph.select(&sel("a")).collect();
    assert_eq!(links.len(), 1, "only the https link is a link");
    assert_eq!(
        links[0].value().attr("href"),
        Some("https://example.org/\"><script>alert(1)</script>")
    );
    assert_eq!(text(links[0]), "lenketekst <script>alert(\"x\")</script>");
    assert!(text(one(&page, "#tabell-0-1-b caption")).contains("Tabell med <script>"));
    assert!(text(one(&page, "#tabell-0-1-b thead")).contains("Kolonne <script>"));
    assert!(text(one(&page, "#tabell-0-1-b tbody tr:first-child th")).contains("Rad <script>"));
    assert!(text(one(&page, "#tabell-0-1-b .table-footnotes")).contains("Fotnote <script>"));
    assert!(text(one(&page, "h1")).contains("Beretning <script>"));
    let k3 = site.page("kapittel-3.html");
    assert_eq!(one(&k3, "figure img").value().attr("alt"), Some("\" onerror=\"alert(1)"));
    // The search index is a script: its strings must not close or break it.
    let index = site.text("assets/search-index.js");
    assert!(index.starts_with("window.arsrapportSearch = {"));
    assert_eq!(index.matches('\n').count(), 1, "one statement, one line");
}

#[test]
fn search_index_covers_every_section_with_norwegian_stemming() {
    let report = sample::report();
    let site = Site::of(&report);
    let script = site.text("assets/search-index.js");
    let json =
        script.trim_start_matches("window.arsrapportSearch = ").trim_end().trim_end_matches(';');
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
    let docs = value["index"]["documentStore"]["docs"].as_object().expect("docs");
    for reference in [
        "beretning.html#beretning",
        "kapittel-3.html#seksjon-3-1",
        "kapittel-3.html#seksjon-3-1-2",
        "kapittel-4.html#seksjon-4-1",
    ] {
        assert!(docs.contains_key(reference), "{reference} in {:?}", docs.keys());
    }
    assert_eq!(value["pages"]["kapittel-3.html"], "3 Målopnåelse");
    assert_eq!(value["index"]["pipeline"][2], "stemmer-no");
    // "barnehagene"/"barnehager"/"barnehagen" share the stem "barnehag".
    let body = &value["index"]["index"]["body"]["root"];
    let mut node = body;
    for ch in "barnehag".chars() {
        node = &node[ch.to_string()];
    }
    assert!(node["docs"].as_object().is_some_and(|d| !d.is_empty()), "stem barnehag indexed");
    for asset in [
        "assets/vendor/elasticlunr.min.js",
        "assets/vendor/lunr.stemmer.support.min.js",
        "assets/vendor/lunr.no.min.js",
        "assets/vendor/LICENSE-elasticlunr.txt",
        "assets/vendor/LICENSE-lunr-languages.txt",
    ] {
        assert!(!site.file(asset).bytes.is_empty());
    }
}

#[test]
fn templates_and_assets_can_be_overridden_file_by_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html_dir = dir.path().join("html");
    std::fs::create_dir_all(html_dir.join("assets")).expect("mkdir");
    std::fs::write(html_dir.join("assets/site.css"), "body { color: black; }").expect("write");
    std::fs::write(
        html_dir.join("chapter.html"),
        "{% extends \"base.html\" %}{% block main %}<p class=\"custom\">{{ chapter.title }}</p>{% endblock main %}",
    )
    .expect("write");
    let files = html::render(
        &sample::report(),
        &TemplateDir::with_overrides(dir.path()),
        &HtmlOptions::default(),
    )
    .expect("renders");
    let site = Site { files };
    assert_eq!(site.text("assets/site.css"), "body { color: black; }");
    assert_eq!(text(one(&site.page("kapittel-3.html"), "p.custom")), "Målopnåelse");
    // Templates not overridden are the defaults.
    one(&site.page("index.html"), "nav.contents");

    std::fs::write(
        html_dir.join("index.html"),
        "{% extends \"base.html\" %}\n{% block main %}{{ site.nope }}{% endblock main %}",
    )
    .expect("write");
    std::fs::write(html_dir.join("search.html"), "{% for %}").expect("write");
    let error = html::render(
        &sample::report(),
        &TemplateDir::with_overrides(dir.path()),
        &HtmlOptions::default(),
    )
    .expect_err("a broken template fails");
    let RenderError::Template(errors) = error else { panic!("template errors expected") };
    assert_eq!(errors.len(), 1, "syntax errors first: {errors:?}");
    assert!(errors[0].template.ends_with("html/search.html"), "{errors:?}");
    assert_eq!(errors[0].line, Some(1));

    std::fs::remove_file(html_dir.join("search.html")).expect("rm");
    let error = html::render(
        &sample::report(),
        &TemplateDir::with_overrides(dir.path()),
        &HtmlOptions::default(),
    )
    .expect_err("an unknown variable fails");
    let RenderError::Template(errors) = error else { panic!("template errors expected") };
    assert!(errors[0].template.ends_with("html/index.html"), "{errors:?}");
    assert!(errors[0].message.contains("nope"), "{errors:?}");
}

fn target_tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Writes the sample site for `tests/a11y` (and for looking at).
#[test]
fn writes_the_sample_site() {
    let site = Site::of(&sample::report());
    let dir = target_tmp().join("html-sample-site");
    site.write(&dir);
    assert!(dir.join("index.html").is_file());
}

/// The real report (report-data/) renders into a site whose structure holds on every page.
#[test]
fn real_report_renders_with_working_links_and_headings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("report-data");
    if !dir.join("report.yaml").is_file() {
        eprintln!("no report-data/report.yaml: skipped");
        return;
    }
    let checked = arsrapport::pipeline::check(&dir, &Default::default());
    let report = checked.report.expect("report-data loads");
    let site = Site::of(&report);
    for (path, doc) in site.pages() {
        assert_heading_order(path, &doc);
        for caption in doc.select(&sel("table.data caption")) {
            assert!(!text(caption).trim().is_empty(), "{path}: empty caption");
        }
    }
    assert_links_resolve(&site);
    let mut anchors = HashSet::new();
    for (_, doc) in site.pages() {
        for element in doc.select(&sel("[id]")) {
            anchors.insert(element.value().id().expect("id").to_string());
        }
    }
    for table in &report.tables {
        assert!(anchors.contains(&table.anchor), "table {} placed with its anchor", table.id);
    }
    site.write(&target_tmp().join("html-report-data"));
}

/// Every valid fixture and every example report renders into a site whose structure holds.
#[test]
fn fixture_and_example_reports_render() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = Vec::new();
    for parent in [root.join("tests/fixtures/valid"), root.join("examples")] {
        let Ok(entries) = std::fs::read_dir(&parent) else { continue };
        for entry in entries.flatten() {
            if entry.path().join("report.yaml").is_file() {
                dirs.push(entry.path());
            }
        }
    }
    dirs.sort();
    for dir in dirs {
        let checked = arsrapport::pipeline::check(&dir, &Default::default());
        let Some(report) = checked.report else {
            panic!("{}: does not load", dir.display());
        };
        let site = Site::of(&report);
        for (path, doc) in site.pages() {
            assert_heading_order(&format!("{}: {path}", dir.display()), &doc);
        }
        assert_links_resolve(&site);
        if dir.parent().is_some_and(|p| p.ends_with("examples")) {
            let name =
                dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            site.write(&target_tmp().join(format!("html-example-{name}")));
        }
    }
}

/// The figures of every table, as printed in the HTML, in order.
#[allow(dead_code)]
fn html_table_figures(site: &Site) -> Vec<(String, Vec<String>)> {
    let mut tables = Vec::new();
    for (_, doc) in site.pages() {
        for block in doc.select(&sel(".table-block[id]")) {
            let figures: Vec<String> = block
                .select(&sel("tbody td.num, tbody td.code"))
                .map(|td| text(td).trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            tables.push((block.value().id().expect("id").to_string(), figures));
        }
    }
    tables
}

/// The same report as HTML and as PDF: the same figures in every table.
mod html_and_pdf {
    use super::*;
    use arsrapport::render::pdf::{self, PdfOptions};

    /// Text of a PDF through `pdftotext -layout` (poppler-utils).
    fn pdf_text(bytes: &[u8]) -> Option<String> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("r.pdf");
        std::fs::write(&path, bytes).expect("write");
        let output = std::process::Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .ok()?;
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Every figure of every table cell in the HTML appears in the PDF text, in the same
    /// order within each table.
    #[test]
    fn table_figures_are_the_same_in_html_and_pdf() {
        compare(&sample::report(), 100);
    }

    #[test]
    fn table_figures_of_the_real_report_are_the_same_in_html_and_pdf() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("report-data");
        if !dir.join("report.yaml").is_file() {
            eprintln!("no report-data/report.yaml: skipped");
            return;
        }
        let report = arsrapport::pipeline::check(&dir, &Default::default())
            .report
            .expect("report-data loads");
        compare(&report, 800);
    }

    fn compare(report: &Report, at_least: usize) {
        let report = report.clone();
        let site = Site::of(&report);
        let options = PdfOptions { draft: false, date: report.meta.date };
        let pdf = pdf::render(&report, &TemplateDir::default(), &options).expect("PDF renders");
        let Some(pdf_text) = pdf_text(&pdf) else {
            panic!("pdftotext is needed (apt-get install poppler-utils)");
        };
        // pdftotext prints the no-break spaces as spaces, and infers spaces from the gaps
        // between glyphs: the narrow one before a percent sign sometimes comes out as none.
        let normal = |s: &str| s.replace([NBSP, '\u{202f}'], " ").replace(" %", "%");
        // To look at a failure: ARSRAPPORT_DUMP_PDF=/tmp/r writes /tmp/r.pdf and /tmp/r.txt.
        if let Ok(stem) = std::env::var("ARSRAPPORT_DUMP_PDF") {
            std::fs::write(format!("{stem}.pdf"), &pdf).expect("dump the PDF");
            std::fs::write(format!("{stem}.txt"), &pdf_text).expect("dump the PDF text");
        }
        let pdf_text = normal(&pdf_text);
        // Tables come in the same order in both outputs: each table's figures are looked
        // for, in order, from where the previous table's first figure was found.
        let mut from = 0;
        let mut compared = 0;
        let mut problems = Vec::new();
        for (anchor, figures) in html_table_figures(&site) {
            let mut at = from;
            let mut first = None;
            for figure in &figures {
                let figure = normal(figure);
                match find_figure(&pdf_text, at, &figure) {
                    Some(found) => {
                        first.get_or_insert(found);
                        at = found + figure.len();
                        compared += 1;
                    }
                    None => {
                        let line = pdf_text[..at].lines().count();
                        problems.push(format!(
                            "{anchor}: {figure:?} is not in the PDF text after line {line}"
                        ));
                        break;
                    }
                }
            }
            from = first.unwrap_or(from);
        }
        assert!(problems.is_empty(), "tables that differ:\n{}", problems.join("\n"));
        assert!(compared >= at_least, "only {compared} figures compared");
    }

    /// The first occurrence of `figure` at or after `from` that is not glued to another
    /// figure (`12` in `12,99`, `5` in `−5`, `89,4` in `89,4 %`). The PDF text cannot tell
    /// `3 151 1 118` (two cells set one space apart) from one number, so a neighbour one
    /// space away is allowed; the order of the figures within a table keeps the check tight.
    fn find_figure(text: &str, from: usize, figure: &str) -> Option<usize> {
        let glued = |c: Option<char>| {
            c.is_some_and(|c| c.is_ascii_digit() || matches!(c, ',' | '\u{2212}' | '-'))
        };
        let mut start = from;
        while let Some(offset) = text[start..].find(figure) {
            let at = start + offset;
            let before = text[..at].chars().next_back();
            let rest = &text[at + figure.len()..];
            let after = rest.chars().next();
            let percent_follows = !figure.ends_with('%') && rest.starts_with('%');
            if !glued(before) && !glued(after) && !percent_follows {
                return Some(at);
            }
            start = at + figure.len().max(1);
        }
        None
    }
}
