//! `theme:` restyles the PDF and the site alike; `arsrapport templates` exports the templates.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::check::run_in;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(report: &Path, out: &Path) {
    let (code, _, stderr) = run_in(
        report.parent().expect("parent"),
        &[
            "build",
            "--verify-pdf",
            "-o",
            out.to_str().expect("utf-8"),
            report.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("Verified PDF/A-2a and PDF/UA-1"),
        "logo and cover image keep the PDF conforming:\n{stderr}"
    );
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for this test (poppler-utils): {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdf_in(out: &Path) -> PathBuf {
    std::fs::read_dir(out)
        .expect("out")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a PDF")
}

#[test]
fn the_theme_restyles_the_pdf_and_the_site() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    build(&root().join("tests/fixtures/valid/theme"), &out);
    let site = out.join("html");
    let css = std::fs::read_to_string(site.join("assets/theme.css")).expect("theme.css");
    for line in [
        "--oslo-dark-blue: #1b4332;",
        "--link: #2d6a4f;",
        "--oslo-light-blue: #d8f3dc;",
        "--oslo-light-beige: #f1f8f3;",
        "--font: \"Libertinus Serif\"",
    ] {
        assert!(css.contains(line), "{line} in\n{css}");
    }
    assert!(site.join("assets/fonts/LibertinusSerif-Regular.otf").is_file());
    assert!(site.join("assets/fonts/LibertinusSerif-LICENSE.txt").is_file());
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    let html = scraper::Html::parse_document(&index);
    let one = |css: &str, attr: &str| -> Option<String> {
        let selector = scraper::Selector::parse(css).expect("selector");
        html.select(&selector).next().and_then(|e| e.value().attr(attr).map(str::to_string))
    };
    assert_eq!(
        one("link[rel=stylesheet][href$='theme.css']", "href").as_deref(),
        Some("assets/theme.css")
    );
    assert_eq!(one("meta[name=theme-color]", "content").as_deref(), Some("#1b4332"));
    assert_eq!(one(".site-header img.brand-logo", "src").as_deref(), Some("assets/theme-logo.png"));
    assert_eq!(
        one(".site-header img.brand-logo", "alt").as_deref(),
        Some(""),
        "the link says the organisation"
    );
    assert_eq!(one("img.cover-image", "alt").as_deref(), Some("Grønt parkområde i bydelen"));
    assert_eq!(
        std::fs::read(site.join("assets/theme-cover.png")).expect("cover"),
        std::fs::read(root().join("tests/fixtures/valid/theme/bilder/forside.png"))
            .expect("source")
    );

    let pdf = pdf_in(&out);
    let pdf = pdf.to_str().expect("utf-8");
    let fonts = tool("pdffonts", &[pdf]);
    assert!(fonts.contains("LibertinusSerif-Regular"), "{fonts}");
    assert!(!fonts.contains("Inter"), "the theme's font replaces Inter:\n{fonts}");
    let images = tool("pdfimages", &["-list", "-f", "1", "-l", "1", pdf]);
    assert_eq!(images.lines().skip(2).count(), 2, "logo and cover image on the cover:\n{images}");
    let cover = tool("pdftotext", &["-f", "1", "-l", "1", pdf, "-"]);
    assert!(
        cover.contains("Bydelsdirektørens årsberetning"),
        "theme: subtitle: on the cover\n{cover}"
    );
}

#[test]
fn exported_templates_build_the_same_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("rapport");
    super::workbook::copy(&root().join("tests/fixtures/valid/theme"), &report);
    build(&report, &dir.path().join("embedded"));
    let (code, _, stderr) = run_in(dir.path(), &["templates", "rapport/maler"]);
    assert_eq!(code, 0, "{stderr}");
    let readme = std::fs::read_to_string(report.join("maler/README.md")).expect("README");
    assert!(readme.contains("templates: maler"), "{readme}");
    for file in [
        "pdf/report.typ",
        "pdf/theme.typ",
        "pdf/cover.typ",
        "html/base.html",
        "html/assets/site.css",
    ] {
        assert!(report.join("maler").join(file).is_file(), "{file}");
    }
    let yaml = std::fs::read_to_string(report.join("report.yaml")).expect("yaml");
    std::fs::write(report.join("report.yaml"), format!("{yaml}templates: maler\n")).expect("write");
    build(&report, &dir.path().join("exported"));
    let (a, b) = (pdf_in(&dir.path().join("embedded")), pdf_in(&dir.path().join("exported")));
    assert_eq!(std::fs::read(a).expect("pdf"), std::fs::read(b).expect("pdf"), "the same PDF");
    let page = |out: &str| {
        std::fs::read_to_string(dir.path().join(out).join("html/index.html")).expect("index")
    };
    assert_eq!(page("embedded"), page("exported"));
    // A second export into the same folder writes nothing.
    let (code, _, stderr) = run_in(dir.path(), &["templates", "rapport/maler"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not an empty folder"), "{stderr}");
}
