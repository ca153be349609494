//! Integration tests: the HTML site.
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

#[test]
fn tables_have_caption_header_scopes_and_formatted_figures() {
    let site = Site::of(&sample());
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
    let site = Site::of(&sample());
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
    // The marker is text («–» one level down), hidden from screen readers.
    assert_eq!(nested, ["– Regnskap", "– Innkjøp"]);
    for marker in k3.select(&sel("main ul.marked > li > .marker")) {
        assert_eq!(marker.value().attr("aria-hidden"), Some("true"));
    }
    let top: Vec<String> =
        k3.select(&sel("main ul.marked > li > .marker")).map(text).filter(|m| m == "•").collect();
    assert!(!top.is_empty(), "top-level bullets printed as «•»");
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
    // `answer_header: Ja/nei`: one column holding the answer as a word, as the form prints it.
    assert_eq!(answers, ["Ja", "", "Ja", "Nei", "Delvis"]);
    // An unanswered question is an ordinary row, not a sub-heading.
    assert_eq!(checklist.select(&sel("tr.group")).count(), 0);
    let unanswered = checklist
        .select(&sel("tbody th[scope=row]"))
        .find(|th| text(*th) == "Er tiltak i handlingsplanen")
        .expect("the unanswered question is a row header");
    assert_eq!(unanswered.value().attr("colspan"), None);
    assert!(checklist.select(&sel("br")).count() == 1, "line break in a comment");
}

#[test]
fn checklists_have_one_column_per_answer_with_an_x_a_screen_reader_hears() {
    let site = Site::of(&sample());
    let k1 = site.page("kapittel-1.html");
    let checklist = one(&k1, "table.checklist");
    // The caption as written is the table's accessible name.
    let caption = one_in(checklist, "caption");
    assert_eq!(text(caption), "Handlingsplan for mennesker med funksjonsnedsettelse");
    assert_eq!(checklist.value().attr("aria-labelledby"), caption.value().attr("id"));
    let heads: Vec<String> = checklist.select(&sel("thead th[scope=col]")).map(text).collect();
    assert_eq!(
        heads,
        ["Områder fra handlingsplanen", "Ja", "Delvis", "Nei", "Ikke aktuelt", "Kommentar"]
    );
    let rows: Vec<ElementRef<'_>> = checklist.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), 3);
    // Per row: what each answer cell shows, and what a screen reader hears in it.
    let marks = |row: ElementRef<'_>| -> Vec<(String, String)> {
        row.select(&sel("td.answer"))
            .map(|td| {
                let shown = td.select(&sel("[aria-hidden=true]")).map(text).collect::<String>();
                let heard = td.select(&sel(".visually-hidden")).map(text).collect::<String>();
                (shown, heard)
            })
            .collect()
    };
    let none = (String::new(), String::new());
    let x = |a: &str| ("X".to_string(), a.to_string());
    assert_eq!(text(one_in(rows[0], "th[scope=row]")), "Planarbeid");
    assert_eq!(marks(rows[0]), [none.clone(), none.clone(), none.clone(), none.clone()]);
    assert_eq!(marks(rows[1]), [x("Ja"), none.clone(), none.clone(), none.clone()]);
    assert_eq!(marks(rows[2]), [none.clone(), x("Delvis"), none.clone(), none.clone()]);
}

/// A chart: an inline SVG that is one image with a name and a description, and its figures as a
/// table behind a disclosure, with a link to the table they come from.
#[test]
fn charts_are_inline_svg_with_their_figures_behind_a_disclosure() {
    let site = Site::of(&load("examples/minimal"));
    let page = site.page("kapittel-2.html");
    let chart = one(&page, "figure.chart#diagram-1");
    let caption = one_in(chart, "figcaption");
    assert_eq!(chart.value().attr("aria-labelledby"), caption.value().attr("id"));
    assert!(text(caption).starts_with("Regulert budsjett og regnskap 2024 per funksjonsområde"));
    let svg = one_in(chart, ".chart-wide svg");
    // The narrow drawing (shown instead on phones) has ids of its own.
    let narrow = one_in(chart, ".chart-narrow svg");
    assert_eq!(
        narrow.value().attr("aria-labelledby"),
        Some("diagram-1-smal-tittel diagram-1-smal-beskrivelse")
    );
    assert_eq!(svg.value().attr("role"), Some("img"));
    let title = one_in(svg, "title");
    let desc = one_in(svg, "desc");
    assert_eq!(
        svg.value().attr("aria-labelledby").map(str::to_string),
        Some(format!(
            "{} {}",
            title.value().id().unwrap_or_default(),
            desc.value().id().unwrap_or_default()
        ))
    );
    // The description reads the figures as the table prints them.
    let alt = text(desc);
    assert!(alt.starts_with("Gruppert søylediagram: Regulert budsjett og regnskap"), "{alt}");
    assert!(alt.contains(&format!("regulert budsjett 2024 187{NBSP}710")), "{alt}");
    // Axis ticks in Norwegian figures.
    let ticks: Vec<String> = svg.select(&sel("g.grid text")).map(text).collect();
    assert!(ticks.contains(&format!("100{NBSP}000")), "{ticks:?}");
    let details = one_in(chart, "details");
    assert_eq!(text(one_in(details, "summary")), "Tallene i diagrammet");
    let table = one_in(details, "table");
    let heads: Vec<String> = table.select(&sel("thead th[scope=col]")).map(text).collect();
    assert_eq!(heads, ["Netto driftsutgifter", "Regulert budsjett 2024", "Regnskap 2024"]);
    let rows: Vec<ElementRef<'_>> = table.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), 3, "the sum row is not a bar");
    assert_eq!(text(one_in(rows[1], "th[scope=row]")), "Funksjonsområde 2A Barnehager");
    let cells: Vec<String> = rows[1].select(&sel("td")).map(text).collect();
    assert_eq!(cells, [format!("187{NBSP}710"), format!("183{NBSP}784")]);
    let link = one_in(details, "a");
    assert_eq!(link.value().attr("href"), Some("#tabell-0-1-b"));
    // The line chart of the key figures, on the page of section 2.3.
    let line = site.pages().into_iter().find_map(|(_, doc)| {
        doc.select(&sel("figure.chart")).map(text).find(|t| t.contains("Barn med barnehageplass"))
    });
    assert!(line.is_some_and(|t| t.contains("Linjediagram")), "a line chart with its data table");
    // Markup characters in a caption are text in the SVG, not elements.
    let sample = Site::of(&sample());
    let caption = r##"Regnskap 2024 <i>per</i> funksjonsområde & "#set""##;
    let titles: Vec<String> = sample
        .pages()
        .iter()
        .flat_map(|(_, doc)| {
            let charts: Vec<String> = doc
                .select(&sel("figure.chart .chart-wide svg"))
                .map(|svg| {
                    assert_eq!(svg.select(&sel("i")).count(), 0, "an <i> element in the SVG");
                    text(one_in(svg, "title"))
                })
                .collect();
            charts
        })
        .collect();
    assert_eq!(titles, [caption]);
}

#[test]
fn pdf_link_on_every_page_only_when_there_is_a_pdf() {
    let site = Site::of(&sample());
    for (path, doc) in site.pages() {
        assert!(doc.select(&sel(&format!("a[href=\"{PDF}\"]"))).count() >= 1, "{path}");
    }
    one(&site.page("index.html"), &format!("main a.button[href=\"{PDF}\"]"));

    let files =
        html::render(&sample(), &TemplateDir::default(), &HtmlOptions::default()).expect("renders");
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let text = std::str::from_utf8(&file.bytes).expect("UTF-8");
        assert!(!text.contains(".pdf"), "{}: PDF link without a PDF", file.path);
    }
}

/// `tests/fixtures/invalid/hostile-text`: every kind of text carries markup and script, and links
/// go to `javascript:` and `data:`. `check` fails on the links (AR305) but hands on the report, as
/// `build --draft` renders it.
fn hostile_report() -> Report {
    arsrapport::i18n::set_lang(arsrapport::i18n::Lang::En);
    let checked = check(&root().join("tests/fixtures/invalid/hostile-text"), &Default::default());
    assert!(checked.failed, "the forbidden links are errors");
    let forbidden = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::Markup && d.message.starts_with("links may not go to"))
        .count();
    assert_eq!(forbidden, 3, "{:?}", checked.diagnostics);
    checked.report.expect("the report loads despite the errors")
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
        assert_eq!(one(&doc, "head > title").text().count(), 1);
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
        assert!(text(one(&doc, "head > title")).contains("</title><script>"), "{path}");
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
    let k1 = site.page("kapittel-1.html");
    assert_eq!(one(&k1, "figure img").value().attr("alt"), Some("\" onerror=\"alert(1)"));
    assert!(text(one(&k1, "figure figcaption")).contains("Figur <script>"));
    // The search index is a script: its strings must not close or break it.
    let index = site.text("assets/search-index.js");
    assert!(index.starts_with("window.arsrapportSearch = {"));
    assert_eq!(index.matches('\n').count(), 1, "one statement, one line");
}

#[test]
fn search_index_covers_every_section_with_norwegian_stemming() {
    let report = sample();
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
    let files =
        html::render(&sample(), &TemplateDir::with_overrides(dir.path()), &HtmlOptions::default())
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
    let error =
        html::render(&sample(), &TemplateDir::with_overrides(dir.path()), &HtmlOptions::default())
            .expect_err("a broken template fails");
    let RenderError::Template(errors) = error else { panic!("template errors expected") };
    assert_eq!(errors.len(), 1, "syntax errors first: {errors:?}");
    assert!(errors[0].template.ends_with("html/search.html"), "{errors:?}");
    assert_eq!(errors[0].line, Some(1));

    std::fs::remove_file(html_dir.join("search.html")).expect("rm");
    let error =
        html::render(&sample(), &TemplateDir::with_overrides(dir.path()), &HtmlOptions::default())
            .expect_err("an unknown variable fails");
    let RenderError::Template(errors) = error else { panic!("template errors expected") };
    assert!(errors[0].template.ends_with("html/index.html"), "{errors:?}");
    assert!(errors[0].message.contains("nope"), "{errors:?}");
}

/// The bytes of the Windows-1252 fixture's tables: Excel's ANSI export, not UTF-8, with the
/// letters, the en dash and the no-break space as single bytes. (If an editor ever re-saves them
/// as UTF-8, this fails instead of the fixture silently testing nothing.)
pub fn assert_windows_1252_bytes() {
    let dir = root().join("tests/fixtures/valid/windows-1252/tabeller");
    for (file, bytes) in [
        ("oversikt.csv", [0xE6, 0xF8, 0xE5, 0x96, 0xA0]), // æ ø å – NBSP
        ("fo1.csv", [0xD8, 0xC5, 0xF8, 0x96, 0xA0]),      // Ø Å ø – NBSP
    ] {
        let content = std::fs::read(dir.join(file)).expect("the fixture");
        assert!(std::str::from_utf8(&content).is_err(), "{file} must not be valid UTF-8");
        for byte in bytes {
            assert!(content.contains(&byte), "{file} has no byte {byte:#04X}");
        }
    }
}

#[test]
fn a_windows_1252_table_prints_its_letters_dash_and_figures() {
    assert_windows_1252_bytes();
    let site = Site::of(&load("tests/fixtures/valid/windows-1252"));
    for (path, _) in site.pages() {
        let raw = site.text(path);
        assert!(!raw.contains('\u{fffd}') && !raw.contains("Ã"), "{path}: mis-decoded text");
    }
    let page = site.page("kapittel-1.html");
    let rows = |table: &str| -> Vec<Vec<String>> {
        one(&page, &format!("#tabell-{table} table"))
            .select(&sel("tbody tr"))
            .map(|tr| tr.select(&sel("th, td")).map(text).collect())
            .collect()
    };
    let overview = rows("1-1");
    let thousands = |a: &str, b: &str| format!("{a}{NBSP}{b}");
    assert_eq!(overview[1][0], "Funksjonsområde 2A – Barnehager og særskilt støtte");
    assert_eq!(
        overview[1][1..],
        [
            thousands("10", "000"),
            thousands("10", "500"),
            thousands("10", "600"),
            thousands("10", "400"),
            "200".to_string()
        ]
    );
    assert!(
        text(one(&page, "#tabell-1-1 thead"))
            .contains("Netto driftsutgifter (før særskilte poster)")
    );
    let fo1 = rows("1-2");
    assert_eq!(fo1[0][0], "100 Politisk styring – Bydelsutvalget");
    assert_eq!(fo1[1][0], "120 Administrasjon, Økonomi og Årsoppgjør");
    assert_eq!(fo1[1][5], "\u{2013}", "the dash cell (0x96) prints as an en dash");
}

fn target_tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Writes the sample site for `tests/a11y` (and for looking at).
#[test]
fn writes_the_sample_site() {
    let site = Site::of(&sample());
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
    // Every goal table and checklist has a caption of its own (from its section when the
    // source has none), which names the table for a screen reader.
    let mut names = HashSet::new();
    for (path, doc) in site.pages() {
        for table in doc.select(&sel("table.goals, table.checklist")) {
            let caption = one_in(table, "caption");
            assert_eq!(table.value().attr("aria-labelledby"), caption.value().attr("id"));
            let name = text(caption);
            assert!(
                name.starts_with("Mål og tiltak – ") || name.starts_with("Sjekkliste – "),
                "{path}: {name}"
            );
            assert!(names.insert(name.clone()), "{path}: «{name}» names two tables");
        }
    }
    assert!(names.contains("Mål og tiltak – Funksjonsområde 2A Barnehager (2)"), "{names:?}");
    // Every data table, chart and chart data table has a distinct accessible name too.
    for (path, doc) in site.pages() {
        for caption in doc.select(&sel("table.data > caption, figure.chart > figcaption")) {
            let name = text(caption);
            assert!(names.insert(name.clone()), "{path}: «{name}» names two tables or charts");
        }
    }
    let charts: Vec<String> = site
        .pages()
        .iter()
        .flat_map(|(_, doc)| {
            doc.select(&sel("figure.chart > figcaption")).map(text).collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(charts.len(), 2, "the budget and sick-leave charts: {charts:?}");
    // The five indicator tables of FO2A share a caption: their first rows tell them apart.
    assert!(
        names.iter().any(|n| n.starts_with("Resultatindikatorer FO2A – Dekningsgrad 1-5 åringer")),
        "{names:?}"
    );
    let mut anchors = HashSet::new();
    for (_, doc) in site.pages() {
        for element in doc.select(&sel("[id]")) {
            anchors.insert(element.value().id().expect("id").to_string());
        }
    }
    for table in &report.tables {
        assert!(anchors.contains(&table.anchor), "table {} placed with its anchor", table.id);
    }
    search_finds_figures_as_printed(&site);
    site.write(&target_tmp().join("html-report-data"));
}

/// The search index's figure lookup, queried the way `site.js` does: «8 110» (the merforbruk
/// in the text, «8 110 000 kroner») and «89,4 %» (a cell of the barnehage indicators) are found
/// whichever space the reader types.
fn search_finds_figures_as_printed(site: &Site) {
    let script = site.text("assets/search-index.js");
    let json =
        script.trim_start_matches("window.arsrapportSearch = ").trim_end().trim_end_matches(';');
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
    let figures = value["figures"].as_object().expect("figures");
    let docs = value["index"]["documentStore"]["docs"].as_object().expect("docs");
    let key = |typed: &str| typed.chars().filter(|c| c.is_ascii_digit() || *c == ',').collect();
    let hits = |typed: &str| -> Vec<String> {
        let q: String = key(typed);
        let mut refs = Vec::new();
        for (k, r) in figures {
            let rest = k.strip_prefix(q.as_str());
            let whole_groups = rest.is_some_and(|rest| {
                let int = rest.split(',').next().unwrap_or("");
                !q.contains(',') && !int.is_empty() && int.len() % 3 == 0
            });
            if *k == q || whole_groups {
                refs.extend(
                    r.as_array()
                        .expect("refs")
                        .iter()
                        .map(|h| h.as_str().expect("href").to_string()),
                );
            }
        }
        refs
    };
    for typed in ["8 110", "8\u{a0}110", "8\u{202f}110", "8110"] {
        let found = hits(typed);
        assert!(!found.is_empty(), "«{typed}» finds nothing");
        assert!(
            found.iter().any(|r| docs[r.as_str()]["body"]
                .as_str()
                .is_some_and(|b| b.contains("8 110 000 kroner"))),
            "«{typed}»: {found:?}"
        );
    }
    for typed in ["89,4 %", "89,4\u{a0}%", "89,4"] {
        let found = hits(typed);
        assert!(found.iter().any(|r| r.contains("#tabell-")), "«{typed}»: {found:?}");
        assert!(
            found
                .iter()
                .any(|r| docs[r.as_str()]["body"].as_str().is_some_and(|b| b.contains("89,4 %"))),
            "«{typed}»: {found:?}"
        );
    }
    assert!(
        hits("18 110")
            .iter()
            .all(|r| !docs[r.as_str()]["body"].as_str().unwrap_or("").contains(" 8 110 000"))
    );
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

/// One table as the HTML prints it (`.table-block` of a page), for comparing it with the PDF.
#[derive(Debug, Clone)]
struct HtmlTable {
    anchor: String,
    /// The caption as printed (table number, caption, unit), or `None` when it is hidden.
    caption: Option<String>,
    /// Every word of the column headings (a repeated header row in the PDF is made of them).
    header_words: Vec<String>,
    rows: Vec<HtmlRow>,
}

#[derive(Debug, Clone)]
struct HtmlRow {
    label: String,
    /// The cells after the label, in column order.
    cells: Vec<HtmlCell>,
}

#[derive(Debug, Clone, PartialEq)]
enum HtmlCell {
    /// A figure or code column's cell with its text, e.g. `−54 213`, `89,4 %`, `–`, `*`.
    Figure(String),
    /// A text column's cell (may wrap over several lines in the PDF).
    Text(String),
    Empty,
}

/// The tables of the site, in reading order (pages in the order of the chapters).
fn html_tables(site: &Site) -> Vec<HtmlTable> {
    let mut tables = Vec::new();
    for (_, doc) in site.pages() {
        for block in doc.select(&sel(".table-block[id]")) {
            let caption = block
                .select(&sel("caption"))
                .next()
                .filter(|c| !c.value().classes().any(|c| c == "visually-hidden"))
                .map(|c| squash(&text(c)));
            let header_words = block
                .select(&sel("thead th"))
                .flat_map(|th| squash(&text(th)).split(' ').map(str::to_string).collect::<Vec<_>>())
                .collect();
            let rows = block
                .select(&sel("tbody tr"))
                .map(|tr| {
                    let label = tr.select(&sel("th")).next().map(|th| squash(&text(th)));
                    let cells = tr
                        .select(&sel("td"))
                        .map(|td| {
                            let content = squash(&text(td));
                            let figure = td.value().classes().any(|c| c == "num" || c == "code");
                            match (content.is_empty(), figure) {
                                (true, _) => HtmlCell::Empty,
                                (false, true) => HtmlCell::Figure(content),
                                (false, false) => HtmlCell::Text(content),
                            }
                        })
                        .collect();
                    HtmlRow { label: label.unwrap_or_default(), cells }
                })
                .collect();
            tables.push(HtmlTable {
                anchor: block.value().id().expect("id").to_string(),
                caption,
                header_words,
                rows,
            });
        }
    }
    tables
}

/// Compares every table of the HTML with the text `pdftotext -layout` prints for the PDF, row by
/// row and column by column, in both directions:
///
/// - each table is looked for after the previous one, from its caption; each row, in order,
///   on the first line after the previous row that starts with (the start of) its label;
/// - HTML → PDF: every figure of the row is on that line, in column order, and it stands in its
///   own column: of the right edges of the table's figure columns on that page (figures are
///   right-aligned; the edge of a column is where most of its figures end), the one nearest to
///   the figure is that column's;
/// - PDF → HTML: once the label, the row's figures and the start of its text cells are taken
///   away, nothing that looks like a figure is left on the line; and no line between two rows
///   of the same page has a figure standing at a figure column's edge (a row the HTML lacks).
///
/// Returns the number of figures compared and the problems found.
fn compare_tables(tables: &[HtmlTable], pdf_layout: &str) -> (usize, Vec<String>) {
    let lines = pdf_lines(pdf_layout);
    let mut problems = Vec::new();
    let mut compared = 0;
    let mut cursor = 0;
    for table in tables {
        if let Some(caption) = &table.caption {
            let words: Vec<&str> = caption.split(' ').take(3).collect();
            let start = words.join(" ");
            match (cursor..lines.len()).find(|&i| flat_line(&lines[i].chars).contains(&start)) {
                Some(i) => cursor = i + 1,
                None => {
                    problems
                        .push(format!("{}: caption «{start}» not found in the PDF", table.anchor));
                    continue;
                }
            }
        }
        let mut placed: Vec<PlacedRow> = Vec::new();
        for row in &table.rows {
            let Some(i) = (cursor..lines.len())
                .find(|&i| label_prefix(&lines[i].chars, &row.label).is_some())
            else {
                problems.push(format!(
                    "{}: row «{}» not found in the PDF after line {}",
                    table.anchor,
                    row.label,
                    lines.get(cursor).map_or(0, |l| l.number)
                ));
                break;
            };
            placed.push(place_row(table, row, &lines[i], &mut problems));
            cursor = i + 1;
        }
        compared += check_columns(table, &placed, &lines, &mut problems);
    }
    (compared, problems)
}

/// A line of the PDF text: its number (1-based), its page, its characters with no-break and
/// narrow no-break spaces as spaces (one character each, so columns stay where they are).
struct PdfLine {
    number: usize,
    page: usize,
    chars: Vec<char>,
}

fn pdf_lines(text: &str) -> Vec<PdfLine> {
    let mut page = 1;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        page += line.matches('\u{c}').count();
        let chars = line
            .chars()
            .filter(|c| *c != '\u{c}')
            .map(|c| if matches!(c, NBSP | '\u{202f}') { ' ' } else { c })
            .collect();
        out.push(PdfLine { number: n + 1, page, chars });
    }
    out
}

fn flat_line(chars: &[char]) -> String {
    squash(&chars.iter().collect::<String>())
}

/// Where the label of a row ends on `line`, if the line starts with the label or, when the label
/// wraps, with its first words (the last one possibly hyphenated).
fn label_prefix(line: &[char], label: &str) -> Option<usize> {
    let words: Vec<&str> = label.split(' ').filter(|w| !w.is_empty()).collect();
    let mut at = line.iter().position(|c| *c != ' ')?;
    let mut end = None;
    for (k, word) in words.iter().enumerate() {
        let stop = line[at..].iter().position(|c| *c == ' ').map_or(line.len(), |p| at + p);
        let found: String = line[at..stop].iter().collect();
        if found == *word {
            end = Some(stop);
        } else if k > 0 && found.len() > 1 && {
            let stem = found.trim_end_matches(['-', '\u{ad}', '\u{2010}']);
            stem.len() < found.len() && word.starts_with(stem)
        } {
            // Hyphenated where the label wraps.
            return Some(stop);
        } else {
            // Another label (a wrapped label ends at the line's end or at a wide gap).
            return None;
        }
        // Words of a label are one space apart; a wider gap ends the label.
        if line.get(stop) == Some(&' ') && line.get(stop + 1) != Some(&' ') {
            at = stop + 1;
        } else {
            break;
        }
    }
    end
}

/// A row found in the PDF: its line, and where each figure column's figure ends on it.
struct PlacedRow {
    line: usize,
    label: String,
    /// (column index among the cells, end character of the figure).
    ends: Vec<(usize, usize)>,
}

/// Finds the row's figures on its line (HTML → PDF) and checks that nothing else on it looks
/// like a figure (PDF → HTML).
fn place_row(
    table: &HtmlTable,
    row: &HtmlRow,
    line: &PdfLine,
    problems: &mut Vec<String>,
) -> PlacedRow {
    let mut chars = line.chars.clone();
    let label_end = label_prefix(&chars, &row.label).unwrap_or(0);
    blank(&mut chars, 0, label_end);
    let mut at = label_end;
    let mut ends = Vec::new();
    for (column, cell) in row.cells.iter().enumerate() {
        match cell {
            HtmlCell::Figure(figure) => match find_figure(&chars, at, figure) {
                Some((start, end)) => {
                    blank(&mut chars, start, end);
                    ends.push((column, end));
                    at = end;
                }
                None => problems.push(format!(
                    "{}: row «{}», column {}: {figure:?} is not on PDF line {}: {:?}",
                    table.anchor,
                    row.label,
                    column + 2,
                    line.number,
                    line.chars.iter().collect::<String>().trim_end()
                )),
            },
            HtmlCell::Text(text) => {
                // The first words of a text cell are on the row's line; the rest wrap below.
                let mut from = at;
                for word in text.split(' ') {
                    let Some((start, end)) = find_word(&chars, from, word) else { break };
                    blank(&mut chars, start, end);
                    from = end;
                }
            }
            HtmlCell::Empty => {}
        }
    }
    let rest: String = chars.iter().collect();
    let left: Vec<&str> = rest.split(' ').filter(|w| looks_like_figure(w)).collect();
    if !left.is_empty() {
        problems.push(format!(
            "{}: row «{}»: the PDF has {left:?} on line {} that the HTML row does not have: {:?}",
            table.anchor,
            row.label,
            line.number,
            line.chars.iter().collect::<String>().trim_end()
        ));
    }
    let line_index = line.number - 1;
    PlacedRow { line: line_index, label: row.label.clone(), ends }
}

/// Checks that every figure stands in its own column, and that no line between two rows of a
/// page holds a figure in a figure column. Returns the number of figures placed.
fn check_columns(
    table: &HtmlTable,
    rows: &[PlacedRow],
    lines: &[PdfLine],
    problems: &mut Vec<String>,
) -> usize {
    // The edge of each column on each page: where most of its figures end.
    let mut ends: BTreeMap<(usize, usize), BTreeMap<usize, usize>> = BTreeMap::new();
    for row in rows {
        for &(column, end) in &row.ends {
            *ends.entry((lines[row.line].page, column)).or_default().entry(end).or_default() += 1;
        }
    }
    let edges: BTreeMap<(usize, usize), usize> = ends
        .iter()
        .map(|(&key, counts)| {
            let edge = counts.iter().max_by_key(|(end, n)| (**n, usize::MAX - **end));
            (key, edge.map_or(0, |(end, _)| *end))
        })
        .collect();
    let page_edges = |page: usize| -> Vec<(usize, usize)> {
        edges.iter().filter(|((p, _), _)| *p == page).map(|((_, c), e)| (*c, *e)).collect()
    };
    let mut placed = 0;
    for row in rows {
        let page = lines[row.line].page;
        let columns = page_edges(page);
        for &(column, end) in &row.ends {
            let nearest =
                columns.iter().min_by_key(|(_, edge)| edge.abs_diff(end)).map(|(c, _)| *c);
            if nearest == Some(column) {
                placed += 1;
            } else {
                problems.push(format!(
                    "{}: row «{}»: the figure of column {} ends at character {end} on PDF line {}, \
                     under column {} (edges on page {page}: {columns:?})",
                    table.anchor,
                    row.label,
                    column + 2,
                    row.line + 1,
                    nearest.map_or(0, |c| c + 2),
                ));
            }
        }
    }
    // Lines between two rows on the same page: wrapped labels and text, never figures.
    for pair in rows.windows(2) {
        let (a, b) = (pair[0].line, pair[1].line);
        if lines[a].page != lines[b].page {
            continue;
        }
        let columns = page_edges(lines[a].page);
        for line in &lines[a + 1..b] {
            let text: String = line.chars.iter().collect();
            let mut offset = 0;
            for word in text.split(' ') {
                let end = offset + word.chars().count();
                if looks_like_figure(word)
                    && !table.header_words.iter().any(|h| h == word)
                    && columns.iter().any(|(_, edge)| edge.abs_diff(end) <= 1)
                {
                    problems.push(format!(
                        "{}: PDF line {} between the rows «{}» and «{}» has the figure {word:?} \
                         in a figure column, which the HTML does not have",
                        table.anchor, line.number, pair[0].label, pair[1].label
                    ));
                }
                offset = end + 1;
            }
        }
    }
    placed
}

fn blank(chars: &mut [char], start: usize, end: usize) {
    for c in &mut chars[start..end] {
        *c = ' ';
    }
}

/// A word that prints a figure or stands for one: digits, `–`, `-`, `*`, `%`.
fn looks_like_figure(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) || matches!(word, "–" | "-" | "*" | "%" | "\u{2212}")
}

/// The first place at or after `from` where `figure` stands on the line, not glued to another
/// figure (`12` in `12,99`, `5` in `−5`, `89,4` in `89,4 %`). The space before a percent sign
/// may be missing in the PDF text (pdftotext infers spaces from the gaps between glyphs).
fn find_figure(line: &[char], from: usize, figure: &str) -> Option<(usize, usize)> {
    let pattern: Vec<char> = figure.replace(NBSP, " ").chars().collect();
    let glued = |c: Option<&char>| {
        c.is_some_and(|c| c.is_ascii_digit() || matches!(*c, ',' | '%' | MINUS | '-' | '–'))
    };
    (from..line.len()).find_map(|start| {
        let end = match_at(line, start, &pattern)?;
        let before = start.checked_sub(1).and_then(|i| line.get(i));
        (!glued(before) && !glued(line.get(end))).then_some((start, end))
    })
}

fn match_at(line: &[char], start: usize, pattern: &[char]) -> Option<usize> {
    let mut i = start;
    for (k, &p) in pattern.iter().enumerate() {
        if p == ' ' && pattern.get(k + 1) == Some(&'%') && line.get(i) == Some(&'%') {
            continue;
        }
        if line.get(i) != Some(&p) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// A whole word at or after `from` (the next one only: text cells come in column order).
fn find_word(line: &[char], from: usize, word: &str) -> Option<(usize, usize)> {
    let start = (from..line.len()).find(|&i| line[i] != ' ')?;
    let end = line[start..].iter().position(|c| *c == ' ').map_or(line.len(), |p| start + p);
    let found: String = line[start..end].iter().collect();
    let stem = found.trim_end_matches(['-', '\u{ad}', '\u{2010}']);
    (found == word || (stem.len() < found.len() && word.starts_with(stem))).then_some((start, end))
}

/// The same report as HTML and as PDF: the same figures in every table, row and column.
mod html_and_pdf {
    use super::*;
    use arsrapport::model::Cell;
    use arsrapport::render::pdf::{self, PdfOptions};

    /// Text of a PDF through `pdftotext -layout` (poppler-utils); a missing tool fails.
    fn pdf_text(bytes: &[u8]) -> String {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("r.pdf");
        std::fs::write(&path, bytes).expect("write");
        let output = match std::process::Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
        {
            Ok(output) => output,
            Err(e) => panic!(
                "pdftotext could not run ({e}): it is needed to read the PDF \
                 (Debian/Ubuntu: apt-get install poppler-utils)"
            ),
        };
        assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn pdf_of(report: &Report) -> String {
        let options = PdfOptions { draft: false, date: report.meta.date };
        let pdf = pdf::render(report, &TemplateDir::default(), &options).expect("PDF renders");
        let text = pdf_text(&pdf);
        // To look at a failure: ARSRAPPORT_DUMP_PDF=/tmp/r writes /tmp/r.pdf and /tmp/r.txt.
        if let Ok(stem) = std::env::var("ARSRAPPORT_DUMP_PDF") {
            std::fs::write(format!("{stem}.pdf"), &pdf).expect("dump the PDF");
            std::fs::write(format!("{stem}.txt"), &text).expect("dump the PDF text");
        }
        text
    }

    fn compare(report: &Report, at_least: usize) {
        let (compared, problems) = compare_tables(&html_tables(&Site::of(report)), &pdf_of(report));
        assert!(problems.is_empty(), "tables that differ:\n{}", problems.join("\n"));
        eprintln!("{compared} figures compared, each in its row and column");
        assert!(compared >= at_least, "only {compared} figures compared");
    }

    #[test]
    fn table_figures_are_the_same_in_html_and_pdf() {
        compare(&sample(), 200);
    }

    #[test]
    fn table_figures_of_the_real_report_are_the_same_in_html_and_pdf() {
        compare(&load("report-data"), 800);
    }

    /// The comparison fails when the two outputs differ: the HTML of a changed report against the
    /// PDF of the sample site.
    #[test]
    fn a_changed_figure_fails_the_comparison() {
        let report = sample();
        let pdf = pdf_of(&report);
        let mut changed = report.clone();
        let table = changed.tables.iter_mut().find(|t| t.id == "netto-fo1").expect("netto-fo1");
        // 130 Adm.lokaler: regnskap 24 172 → 24 173.
        let row = table
            .rows
            .iter_mut()
            .find(|r| r.cells.first() == Some(&Cell::Text("130 Adm.lokaler".into())))
            .expect("row 130");
        let Cell::Number(n) = &mut row.cells[4] else { panic!("a figure") };
        n.value += rust_decimal::Decimal::ONE;
        let (_, problems) = compare_tables(&html_tables(&Site::of(&changed)), &pdf);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(
            problems[0].contains("«130 Adm.lokaler», column 5: \"24\\u{a0}173\""),
            "{problems:#?}"
        );
        assert!(problems[1].contains("the PDF has [\"24\", \"172\"]"), "{problems:#?}");
    }
}

/// The comparison itself, on a small table and hand-written PDF text: it passes on what matches
/// and fails on every kind of difference.
mod comparison {
    use super::*;

    fn table() -> HtmlTable {
        let f = |s: &str| HtmlCell::Figure(s.replace(' ', "\u{a0}"));
        let empty = HtmlCell::Empty;
        HtmlTable {
            anchor: "tabell-1".into(),
            caption: Some("Tabell 1 Netto driftsutgifter".into()),
            header_words: vec!["Funksjon".into(), "Regnskap".into(), "2023".into()],
            rows: vec![
                HtmlRow {
                    label: "100 Politisk styring".into(),
                    cells: vec![
                        f("2 351"),
                        f("−54 213"),
                        empty.clone(),
                        f("89,4 %"),
                        empty.clone(),
                    ],
                },
                HtmlRow {
                    label: "385 Andre kulturaktiviteter og tilskudd".into(),
                    cells: vec![f("4 985"), empty.clone(), f("–"), f("1,6 %"), empty.clone()],
                },
                HtmlRow {
                    label: "Sum".into(),
                    cells: vec![
                        f("7 336"),
                        f("−54 213"),
                        f("3 151"),
                        empty,
                        HtmlCell::Text("se note 2".into()),
                    ],
                },
            ],
        }
    }

    /// As `pdftotext -layout` prints it: figures right-aligned at characters 40, 54, 66 and 76,
    /// a wrapped label, a wrapped text cell, no space before one percent sign.
    const PDF: &str = "\
Tabell 1 Netto driftsutgifter
Funksjon                          Regnskap      Regulert      Avvik     Andel   Kommentar
                                      2023
100 Politisk styring               2 351       −54 213                89,4 %
385 Andre                          4 985                         –      1,6%
kulturaktiviteter og
tilskudd
Sum                                7 336       −54 213       3 151            se note
                                                                              2
";

    fn problems(pdf: &str, table: HtmlTable) -> Vec<String> {
        compare_tables(&[table], pdf).1
    }

    #[test]
    fn the_same_table_passes() {
        let (compared, problems) = compare_tables(&[table()], PDF);
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(compared, 9);
    }

    #[test]
    fn every_kind_of_difference_fails() {
        // A figure changed in the PDF.
        let p = problems(&PDF.replace("4 985", "4 986"), table());
        assert!(p.iter().any(|p| p.contains("\"4\\u{a0}985\" is not on PDF line 5")), "{p:#?}");
        assert!(p.iter().any(|p| p.contains("the PDF has [\"4\", \"986\"]")), "{p:#?}");
        // A figure in the wrong column (the dash moved one column to the left).
        let moved = PDF.replace(
            "385 Andre                          4 985                         –      1,6%",
            "385 Andre                          4 985             –                  1,6%",
        );
        let p = problems(&moved, table());
        assert!(
            p.iter().any(|p| p.contains("the figure of column 4 ends at character 54")),
            "{p:#?}"
        );
        // A figure the HTML does not have.
        let extra =
            PDF.replace("4 985                         –", "4 985           −12           –");
        let p = problems(&extra, table());
        assert!(p.iter().any(|p| p.contains("the PDF has [\"−12\"]")), "{p:#?}");
        // A figure the PDF does not have.
        let p = problems(&PDF.replace("89,4 %", "      "), table());
        assert!(p.iter().any(|p| p.contains("\"89,4\\u{a0}%\" is not on PDF line 4")), "{p:#?}");
        // A row of figures the HTML does not have, between two rows.
        let row = PDF.replace(
            "tilskudd\n",
            "tilskudd\n120 Administrasjon                    10       −54 213\n",
        );
        let p = problems(&row, table());
        assert!(
            p.iter().any(|p| p.contains("has the figure \"213\" in a figure column")),
            "{p:#?}"
        );
        // A row missing in the PDF.
        let p = problems(&PDF.replace("Sum  ", "Sam  "), table());
        assert!(p.iter().any(|p| p.contains("row «Sum» not found")), "{p:#?}");
        // A different label.
        let mut renamed = table();
        renamed.rows[0].label = "110 Kontroll og revisjon".into();
        let p = problems(PDF, renamed);
        assert!(p.iter().any(|p| p.contains("row «110 Kontroll og revisjon» not found")), "{p:#?}");
        // The caption missing.
        let p = problems(&PDF.replace("Tabell 1", "Tabell 2"), table());
        assert!(p.iter().any(|p| p.contains("caption «Tabell 1 Netto» not found")), "{p:#?}");
    }
}
