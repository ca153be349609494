//! The real report, and every fixture and example report.

use super::*;

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
