//! Hostile text, template overrides, Windows-1252 tables and the search index.

use super::*;

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
pub(crate) fn assert_windows_1252_bytes() {
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
