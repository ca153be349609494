//! The built site, as published by `arsrapport build`: every internal link and anchor resolves.
//!
//! [`built`] runs the binary once per report and test run, into
//! `target/tmp/build-<name>/` (kept for `.ci/run`, which runs the Nu Html Checker on the pages
//! and the accessibility check on the site). The tests here read what `build` left on disk,
//! through the links a reader follows (`OUT/html/…`, `OUT/<name>.pdf`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use scraper::{Html, Selector};

use super::check::run_in;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the report in `dir` (relative to the repository) once per test run into
/// `target/tmp/build-<name>/`; returns that output folder.
pub fn built(dir: &str) -> PathBuf {
    static BUILT: OnceLock<Mutex<HashMap<String, PathBuf>>> = OnceLock::new();
    let map = BUILT.get_or_init(Default::default);
    let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(out) = map.get(dir) {
        return out.clone();
    }
    let name = dir.rsplit('/').next().unwrap_or(dir);
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("build-{name}"));
    let _ = std::fs::remove_dir_all(&out);
    let out_arg = out.to_string_lossy().into_owned();
    let (code, _, stderr) = run_in(root(), &["build", dir, "--out", &out_arg]);
    assert_eq!(code, 0, "building {dir}:\n{stderr}");
    map.insert(dir.to_string(), out.clone());
    out
}

/// The PDF the build published (`OUT/<name>.pdf`).
pub fn pdf_of(out: &Path) -> PathBuf {
    std::fs::read_dir(out)
        .expect("output folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("a PDF was published")
}

/// Every file below `dir`, relative with `/`.
fn files_below(dir: &Path) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read site folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel =
                    path.strip_prefix(dir).expect("below").to_string_lossy().replace('\\', "/");
                files.insert(rel);
            }
        }
    }
    files
}

/// `target` (a relative URL on page `page`, both relative to the site root) as a site path;
/// `None` if it leaves the site.
fn resolve(page: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for component in Path::new(target).components() {
        match component {
            Component::Normal(c) => parts.push(c.to_str()?),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// Checks that every internal link (`a`, `link`, `script`, `img`) on every page of the site in
/// `site` points to a file of the site and, with a fragment, to an id on that page; returns
/// the number of links checked.
fn assert_internal_links_resolve(site: &Path) -> usize {
    let files = files_below(site);
    let pages: BTreeMap<&str, Html> = files
        .iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| {
            let text = std::fs::read_to_string(site.join(f)).expect("page");
            (f.as_str(), Html::parse_document(&text))
        })
        .collect();
    assert!(pages.contains_key("index.html"), "the site has an index.html: {files:?}");
    let with_id = Selector::parse("[id]").expect("selector");
    let ids: BTreeMap<&str, BTreeSet<String>> = pages
        .iter()
        .map(|(path, doc)| {
            let ids =
                doc.select(&with_id).filter_map(|e| e.value().id().map(str::to_string)).collect();
            (*path, ids)
        })
        .collect();
    let linking = Selector::parse("a[href], link[href], script[src], img[src]").expect("selector");
    let mut checked = 0;
    for (path, doc) in &pages {
        for element in doc.select(&linking) {
            let target = element.value().attr("href").or(element.value().attr("src")).unwrap_or("");
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            assert!(
                !target.starts_with('/'),
                "{path}: root-relative link {target} breaks off-site"
            );
            let (file, fragment) = match target.split_once('#') {
                Some((file, fragment)) => (file, Some(fragment)),
                None => (target, None),
            };
            let file = if file.is_empty() {
                path.to_string()
            } else {
                resolve(path, file).unwrap_or_else(|| panic!("{path}: {target} leaves the site"))
            };
            assert!(files.contains(&file), "{path}: link to a missing file {target}");
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let page_ids = ids
                    .get(file.as_str())
                    .unwrap_or_else(|| panic!("{path}: {target} has a fragment but is no page"));
                assert!(page_ids.contains(fragment), "{path}: link to a missing anchor {target}");
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn links_resolve() {
    assert_eq!(resolve("index.html", "kapittel-1.html"), Some("kapittel-1.html".into()));
    assert_eq!(resolve("a/b.html", "../assets/x.css"), Some("assets/x.css".into()));
    assert_eq!(resolve("index.html", "../x"), None);
}

#[test]
fn every_internal_link_and_anchor_of_the_built_example_resolves() {
    let out = built("examples/minimal");
    let checked = assert_internal_links_resolve(&out.join("html"));
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn every_internal_link_and_anchor_of_the_built_real_report_resolves() {
    if !root().join("report-data/report.yaml").is_file() {
        eprintln!("no report-data/report.yaml: skipped");
        return;
    }
    let out = built("report-data");
    let checked = assert_internal_links_resolve(&out.join("html"));
    assert!(checked > 100, "only {checked} links checked");
    // The site offers the PDF it was built with: the very same bytes.
    let pdf = pdf_of(&out);
    let name = pdf.file_name().expect("name");
    assert_eq!(
        std::fs::read(&pdf).expect("pdf"),
        std::fs::read(out.join("html").join(name)).expect("the site's copy")
    );
}
