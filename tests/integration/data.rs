//! Integration tests: the data behind the report (`data/` in the site) — every table's
//! figures as CSV (Norwegian Excel) and as a JSON-stat 2 dataset, read back and compared with
//! the table's own source CSV.

use std::path::Path;
use std::str::FromStr;

use arsrapport::model::{ColumnKind, Report, RowStyle};
use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::html::{self, HtmlOptions};
use arsrapport::render::{SiteFile, TemplateDir};
use rust_decimal::Decimal;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(dir: &str) -> Report {
    let checked = check(&root().join(dir), &CheckOptions::default());
    assert!(!checked.failed, "{dir} checks clean");
    checked.report.expect("loads")
}

fn site(report: &Report) -> Vec<SiteFile> {
    html::render(report, &TemplateDir::default(), &HtmlOptions::default()).expect("renders")
}

fn file<'a>(files: &'a [SiteFile], path: &str) -> &'a [u8] {
    &files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}")).bytes
}

/// A figure as written in a source CSV or in the generated one, as an exact decimal:
/// spaces of any kind dropped, decimal comma, a lone dash is zero, `%` dropped.
fn figure(text: &str) -> Option<Decimal> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '%')
        .map(|c| match c {
            '\u{2212}' => '-',
            ',' => '.',
            c => c,
        })
        .collect();
    match t.as_str() {
        "-" | "\u{2013}" => Some(Decimal::ZERO),
        _ => Decimal::from_str(&t).ok(),
    }
}

fn records(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("CSV record").iter().map(str::to_string).collect())
        .collect()
}

/// Every table of the real report: the CSV is Norwegian Excel's, its figures are the source
/// CSV's; the JSON-stat dataset is well formed (size product = number of values) and holds
/// the same figures, exactly.
#[test]
fn every_table_of_report_data_downloads_with_its_checked_figures() {
    let dir = "report-data";
    if !root().join(dir).join("report.yaml").is_file() {
        eprintln!("no report-data: skipped");
        return;
    }
    let report = load(dir);
    let files = site(&report);
    let mut compared = 0;
    for table in &report.tables {
        let csv_bytes = file(&files, &format!("data/{}.csv", table.anchor));
        assert_eq!(&csv_bytes[..3], b"\xEF\xBB\xBF", "{}: BOM", table.id);
        let body = std::str::from_utf8(&csv_bytes[3..]).expect("UTF-8");
        assert!(body.ends_with("\r\n") && !body.replace("\r\n", "").contains('\n'), "CRLF");
        let ours = records(body.as_bytes());
        let source = std::fs::read(root().join(dir).join(&table.source)).expect("source CSV");
        let mut source = records(source.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&source));
        // The loader skips lines with no text (`;`), as a header too.
        source.retain(|r| r.iter().any(|f| !f.trim().is_empty()));
        assert_eq!(ours.len(), source.len(), "{}: one line per source line: {ours:?}", table.id);
        for (line, (mine, theirs)) in ours.iter().zip(&source).enumerate().skip(1) {
            for (i, column) in table.columns.iter().enumerate().skip(1) {
                if column.kind != ColumnKind::Number {
                    continue;
                }
                let (a, b) = (mine.get(i).map(String::as_str), theirs.get(i).map(|s| s.trim()));
                match (a, b) {
                    (Some("*"), Some("*")) | (None | Some(""), None | Some("")) => {}
                    (Some(a), Some(b)) if figure(b).is_none() => {
                        assert_eq!(a, b, "{} line {line}: a text in a figure column", table.id)
                    }
                    (Some(a), Some(b)) => {
                        assert_eq!(figure(a), figure(b), "{} line {line} column {i}", table.id);
                        assert!(figure(a).is_some(), "{} line {line}: «{a}»", table.id);
                        compared += 1;
                    }
                    other => panic!("{} line {line} column {i}: {other:?}", table.id),
                }
            }
        }
        let json = file(&files, &format!("data/{}.json", table.anchor));
        let value: serde_json::Value = serde_json::from_slice(json).expect("JSON");
        assert_eq!(value["version"], "2.0");
        assert_eq!(value["class"], "dataset");
        let ids: Vec<&str> =
            value["id"].as_array().expect("id").iter().map(|v| v.as_str().expect("id")).collect();
        let size: Vec<u64> = value["size"]
            .as_array()
            .expect("size")
            .iter()
            .map(|v| v.as_u64().expect("n"))
            .collect();
        assert_eq!(ids.len(), size.len());
        let values = value["value"].as_array().expect("value");
        assert_eq!(size.iter().product::<u64>() as usize, values.len(), "{}", table.id);
        for (id, n) in ids.iter().zip(&size) {
            let index = value["dimension"][id]["category"]["index"].as_array().expect("index");
            assert_eq!(index.len() as u64, *n, "{}: {id}", table.id);
        }
        if table.kind == arsrapport::model::TableKind::Kostra {
            assert_eq!(ids[0], "funksjon", "{}", table.id);
            assert_eq!(value["dimension"]["funksjon"]["label"], "KOSTRA-funksjon");
        }
        // The dataset's figures are the CSV's, row by row.
        let metrics: Vec<usize> = (1..table.columns.len())
            .filter(|&i| table.columns[i].kind == ColumnKind::Number)
            .collect();
        let data_rows = table.rows.iter().enumerate().filter(|(_, r)| r.style != RowStyle::Group);
        let mut k = 0;
        for (r, _) in data_rows {
            for &i in &metrics {
                let cell = ours[r + 1].get(i).map(String::as_str).unwrap_or("");
                let json_figure = values[k].as_number().map(|n| {
                    Decimal::from_str(&n.to_string())
                        .or_else(|_| Decimal::from_scientific(&n.to_string()))
                        .expect("decimal")
                });
                match cell {
                    "" => assert!(values[k].is_null(), "{} value {k}", table.id),
                    cell if figure(cell).is_none() => {
                        assert!(values[k].is_null(), "{} value {k}", table.id);
                        assert_eq!(value["status"][k.to_string()], cell, "{} status {k}", table.id);
                    }
                    cell => assert_eq!(json_figure, figure(cell), "{} value {k}", table.id),
                }
                k += 1;
            }
        }
    }
    assert!(compared > 800, "compared {compared} figures");
    let index: serde_json::Value =
        serde_json::from_slice(file(&files, "data/index.json")).expect("index JSON");
    assert_eq!(index["class"], "collection");
    assert_eq!(index["link"]["item"].as_array().expect("items").len(), report.tables.len());
}

/// Every table links its downloads, with link names that name the table; the data page lists
/// them all.
#[test]
fn tables_link_their_data_by_name() {
    let report = load("tests/fixtures/valid/sample-site");
    let files = site(&report);
    let page = |path: &str| {
        scraper::Html::parse_document(std::str::from_utf8(file(&files, path)).expect("UTF-8"))
    };
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    let mut links = 0;
    for f in files.iter().filter(|f| f.path.ends_with(".html")) {
        let doc = page(&f.path);
        for block in doc.select(&sel("div.table-block[id]")) {
            if block.select(&sel("table.data")).next().is_none() {
                continue;
            }
            let anchor = block.value().id().expect("id");
            let hrefs: Vec<&str> = block
                .select(&sel(".table-data a"))
                .filter_map(|a| a.value().attr("href"))
                .collect();
            assert_eq!(hrefs, [format!("data/{anchor}.csv"), format!("data/{anchor}.json")]);
            let caption: String = block
                .select(&sel("caption .caption-text"))
                .next()
                .expect("caption")
                .text()
                .collect();
            for a in block.select(&sel(".table-data a")) {
                let name: String = a.text().collect();
                let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                let caption = caption.split_whitespace().collect::<Vec<_>>().join(" ");
                let number_and_caption =
                    caption.split(" Tall i ").next().unwrap_or(&caption).to_string();
                assert!(
                    name.contains(&number_and_caption),
                    "«{name}» names «{number_and_caption}»"
                );
                links += 1;
            }
        }
    }
    assert!(links >= 2 * report.tables.len(), "{links} links");
    let data_page = page("tallgrunnlag.html");
    let listed = data_page.select(&sel("table.datasets tbody tr")).count();
    assert_eq!(listed, report.tables.len());
}
