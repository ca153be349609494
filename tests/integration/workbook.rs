//! Tables from Excel workbooks: the example in `examples/workbook/` checks and renders exactly
//! like the same tables read from CSV, and bad workbook input has located messages.

use std::path::{Path, PathBuf};

use super::check::run_in;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for entry in std::fs::read_dir(from).expect("folder").filter_map(|e| e.ok()) {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The example, and its twin whose tables are the CSV files of `report-data/` the workbook was
/// made from (see examples/workbook/lag-arbeidsbok.py).
fn example_and_csv_twin() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let book = dir.path().join("book");
    let csv = dir.path().join("csv");
    copy(&root().join("examples/workbook"), &book);
    copy(&root().join("examples/workbook"), &csv);
    std::fs::remove_file(csv.join("tabeller/budsjett.xlsx")).expect("remove");
    for name in ["fo1-netto.csv", "fo1-indikatorer.csv"] {
        std::fs::copy(
            root().join("report-data/tabeller").join(name),
            csv.join("tabeller").join(name),
        )
        .expect("copy csv");
    }
    let chapter = csv.join("kapitler/fo1.yaml");
    let yaml = std::fs::read_to_string(&chapter).expect("chapter");
    let twin = yaml
        .replace("file: tabeller/budsjett.xlsx\n          sheet: FO1 netto", "file: tabeller/fo1-netto.csv")
        .replace(
            "file: tabeller/budsjett.xlsx\n          sheet: FO1 indikatorer\n          range: A1:F2",
            "file: tabeller/fo1-indikatorer.csv",
        );
    assert!(!twin.contains("budsjett.xlsx"), "every table is replaced:\n{twin}");
    std::fs::write(&chapter, twin).expect("write");
    (dir, book, csv)
}

/// A JSON check report without the places (which differ by nature: a cell, a line).
fn without_places(json: &str) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for key in ["file", "path", "line", "column", "sheet", "cell", "base"] {
                    map.remove(key);
                }
                if let Some(serde_json::Value::String(m)) = map.get_mut("message") {
                    // The likely cause names its cell: `path:line:column` or `file, ark …, celle …`.
                    if let Some(i) = m.find("likely wrong: ") {
                        m.truncate(i);
                    }
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(json).expect("json");
    strip(&mut v);
    v
}

#[test]
fn the_workbook_example_checks_like_its_csv_files() {
    let (dir, book, csv) = example_and_csv_twin();
    let (code_b, json_b, _) =
        run_in(dir.path(), &["check", "--format", "json", book.to_str().expect("utf-8")]);
    let (code_c, json_c, _) =
        run_in(dir.path(), &["check", "--format", "json", csv.to_str().expect("utf-8")]);
    assert_eq!((code_b, code_c), (0, 0), "{json_b}");
    let (b, c) = (without_places(&json_b), without_places(&json_c));
    assert!(
        b["diagnostics"].as_array().is_some_and(|d| !d.is_empty()),
        "the example has rounding notes"
    );
    assert_eq!(b, c);
    // The places of workbook findings are cells.
    let raw: serde_json::Value = serde_json::from_str(&json_b).expect("json");
    let first = &raw["diagnostics"][0];
    assert_eq!(first["sheet"], "FO1 netto", "{first}");
    assert_eq!(
        (&first["cell"], &first["line"], &first["column"]),
        (&"F2".into(), &2.into(), &6.into()),
        "{first}"
    );
    assert_eq!(first["file"], "tabeller/budsjett.xlsx");
}

#[test]
fn the_workbook_example_renders_the_same_figures_as_its_csv_files() {
    let (dir, book, csv) = example_and_csv_twin();
    for (folder, out) in [(&book, "out-book"), (&csv, "out-csv")] {
        let out = dir.path().join(out);
        let (code, _, stderr) = run_in(
            dir.path(),
            &["build", "-o", out.to_str().expect("utf-8"), folder.to_str().expect("utf-8")],
        );
        assert_eq!(code, 0, "{stderr}");
    }
    let pages = |out: &str| -> Vec<(String, String)> {
        let mut pages: Vec<(String, String)> = walk(&dir.path().join(out))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .map(|p| {
                let rel = p
                    .strip_prefix(dir.path().join(out))
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                (rel, std::fs::read_to_string(&p).expect("page"))
            })
            .collect();
        pages.sort();
        pages
    };
    // The PDFs are the same, byte for byte.
    let pdf = |out: &str| {
        let path = dir.path().join(out).join("arbeidsbok-eksempel.pdf");
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    assert!(pdf("out-book") == pdf("out-csv"), "the PDFs differ");
    let (b, c) = (pages("out-book"), pages("out-csv"));
    assert!(!b.is_empty());
    assert_eq!(b.len(), c.len());
    // The workbook's figures are on the site (FO1's regnskap 2024).
    assert!(b.iter().any(|(_, page)| page.contains("98\u{a0}290")));
    for ((name_b, page_b), (name_c, page_c)) in b.iter().zip(&c) {
        assert_eq!(name_b, name_c);
        assert_eq!(page_b, page_c, "{name_b} differs");
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("out").filter_map(|e| e.ok()) {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

#[test]
fn merged_headings_become_header_groups_and_figures_are_as_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let report = root().join("tests/fixtures/valid/workbook-merged");
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "build",
            "--only-output",
            "html",
            "-o",
            out.to_str().expect("utf-8"),
            report.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let page = walk(&out)
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n == "kapittel-1.html"))
        .map(|p| std::fs::read_to_string(p).expect("page"))
        .expect("chapter page");
    let html = scraper::Html::parse_document(&page);
    let texts = |css: &str| -> Vec<String> {
        let selector = scraper::Selector::parse(css).expect("selector");
        html.select(&selector).map(|e| e.text().collect::<String>().trim().to_string()).collect()
    };
    assert_eq!(texts("tr.header-groups th"), ["2023", "2024"]);
    assert_eq!(
        texts("thead tr:last-child th"),
        ["Funksjon", "Regnskap", "Budsjett", "Regnskap", "Andel"]
    );
    let nb = |s: &str| s.replace(' ', "\u{a0}");
    // 426315.99999999994 shown as 426 316; `#,##0,` shows thousands; a dash for zero; 0.0 %.
    assert_eq!(
        texts("tbody tr:first-child td"),
        [nb("426 316"), nb("1 714"), "–".into(), nb("33,3 %")]
    );
    assert_eq!(
        texts("tbody tr.sum td"),
        [nb("526 316"), nb("2 000"), nb("500 000"), nb("100,0 %")]
    );
}

#[test]
fn a_workbook_named_like_a_csv_file_is_read_as_a_workbook() {
    let dir = tempfile::tempdir().expect("tempdir");
    let book = dir.path().join("book");
    copy(&root().join("examples/workbook"), &book);
    std::fs::rename(book.join("tabeller/budsjett.xlsx"), book.join("tabeller/budsjett.csv"))
        .expect("rename");
    let chapter = book.join("kapitler/fo1.yaml");
    let yaml = std::fs::read_to_string(&chapter)
        .expect("chapter")
        .replace("budsjett.xlsx", "budsjett.csv");
    std::fs::write(&chapter, yaml).expect("write");
    let (code, _, stderr) = run_in(dir.path(), &["check", "book"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("2 tables"), "{stderr}");
}

#[test]
fn workbook_cells_are_named_in_every_output_format() {
    let fixtures = root().join("tests/fixtures");
    let (code, _, stderr) = run_in(&fixtures, &["--lang", "nb", "check", "invalid/workbook-cells"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("= i budsjett.xlsx, ark «Netto», celle C4"), "{stderr}");
    let (_, json, _) = run_in(&fixtures, &["check", "--format", "json", "invalid/workbook-cells"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let formula = v["diagnostics"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["code"] == "AR317"))
        .expect("AR317");
    assert_eq!(formula["sheet"], "Netto");
    assert_eq!(formula["cell"], "C4");
    assert_eq!((&formula["line"], &formula["column"]), (&4.into(), &3.into()));
    assert_eq!(formula["file"], "tabeller/budsjett.xlsx");
    let (_, github, _) = run_in(
        &fixtures,
        &["--lang", "nb", "check", "--format", "github", "invalid/workbook-cells"],
    );
    assert!(
        github.contains(
            "::error file=invalid/workbook-cells/tabeller/budsjett.xlsx,title=AR317 workbook-cell (budsjett.xlsx%2C ark «Netto»%2C celle C4)::"
        ),
        "{github}"
    );
}
