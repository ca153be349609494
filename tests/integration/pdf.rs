//! `arsrapport build`: the PDF, judged by its extracted text and metadata.
//!
//! Needs `pdftotext` and `pdfinfo` (Debian: poppler-utils; `.ci/run` installs them).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::check::run_in;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} must be installed (Debian: poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Builds `dir` (relative to the repository) into a temporary folder; returns the folder.
fn build(dir: &str, extra: &[&str]) -> (tempfile::TempDir, i32, String) {
    let out = tempfile::tempdir().expect("tempdir");
    let out_path = out.path().to_string_lossy().into_owned();
    let mut args = vec!["build", dir, "--out", &out_path];
    args.extend_from_slice(extra);
    let (code, _, stderr) = run_in(root(), &args);
    (out, code, stderr)
}

fn pdf_in(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("out dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("a PDF was written")
}

fn text(pdf: &Path) -> String {
    poppler("pdftotext", &["-layout", &pdf.to_string_lossy(), "-"])
}

#[test]
fn the_example_builds_a_complete_pdf() {
    let (out, code, stderr) = build("examples/minimal", &["--only-output", "pdf"]);
    assert_eq!(code, 0, "{stderr}");
    let pdf = pdf_in(out.path());
    let text = text(&pdf);
    // Headings with the model's numbers, the table of contents and the cover.
    for needle in [
        "Innhold",
        "Årsberetning 2024",
        "Bydel Eksempel",
        "1 Innledning",
        "Tabell 0.1 B",
        "Tall i 1000 kr",
    ] {
        assert!(text.contains(needle), "missing «{needle}» in the PDF text:\n{text}");
    }
    // A formatted table row: no-break spaces between thousands, a true minus.
    assert!(text.contains("47\u{a0}531") || text.contains("47 531"), "formatted figure missing");
    assert!(text.contains('\u{2212}'), "negative figures use U+2212");
    // The running header.
    assert!(text.contains("Årsberetning 2024 Bydel Eksempel"));
    let info = poppler("pdfinfo", &[&pdf.to_string_lossy()]);
    assert!(info.contains("Title:           Årsberetning 2024 Bydel Eksempel"), "{info}");
    assert!(info.contains("Author:          Bydel Eksempel"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().parse().unwrap_or(0)))
        .unwrap_or(0);
    assert!((4..=40).contains(&pages), "unexpected page count {pages}");
}

#[test]
fn the_pdf_is_reproducible() {
    let (a, code_a, _) = build("examples/minimal", &["--only-output", "pdf"]);
    let (b, code_b, _) = build("examples/minimal", &["--only-output", "pdf"]);
    assert_eq!((code_a, code_b), (0, 0));
    let (pa, pb) = (pdf_in(a.path()), pdf_in(b.path()));
    assert!(std::fs::read(pa).expect("a") == std::fs::read(pb).expect("b"), "two builds differ");
}

#[test]
fn typst_special_characters_print_literally() {
    let (out, code, stderr) =
        build("tests/fixtures/valid/special-characters", &["--only-output", "pdf"]);
    assert_eq!(code, 0, "{stderr}");
    let text = text(&pdf_in(out.path()));
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "# $ @ < > \\ _ ` = - ~ {}",
        "<script>alert(1)</script>",
        "#set page(fill: red)",
        "$x^2$",
        "[lenke]",
    ] {
        assert!(flat.contains(needle), "«{needle}» not printed literally:\n{flat}");
    }
}

#[test]
fn a_broken_template_is_reported_with_file_and_line_and_keeps_old_output() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_path = out.path().to_string_lossy().into_owned();
    std::fs::write(out.path().join("arsberetning-2024-bydel-test.pdf"), b"previous").expect("old");
    let (code, _, stderr) =
        run_in(root(), &["build", "tests/fixtures/invalid-template/broken", "--out", &out_path]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("maler/pdf/report.typ:4:2: unknown variable: undefined-function"),
        "{stderr}"
    );
    assert!(stderr.contains("previous output is unchanged"), "{stderr}");
    assert_eq!(
        std::fs::read(out.path().join("arsberetning-2024-bydel-test.pdf")).expect("old"),
        b"previous"
    );
    let leftovers: Vec<_> =
        std::fs::read_dir(out.path()).expect("ls").filter_map(|e| e.ok()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
}

#[test]
fn build_refuses_errors_unless_draft() {
    let (out, code, stderr) = build("tests/fixtures/invalid/avvik", &["--only-output", "pdf"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not building"), "{stderr}");
    assert_eq!(std::fs::read_dir(out.path()).expect("ls").count(), 0, "nothing written");
    let (out, code, stderr) =
        build("tests/fixtures/invalid/avvik", &["--only-output", "pdf", "--draft"]);
    assert_eq!(code, 0, "{stderr}");
    let text = text(&pdf_in(out.path()));
    assert!(text.matches("UTKAST").count() >= 2, "every page is marked UTKAST:\n{text}");
}

#[test]
fn the_real_report_builds() {
    let (out, code, stderr) = build("report-data", &[]);
    assert_eq!(code, 0, "{stderr}");
    let pdf = pdf_in(out.path());
    let info = poppler("pdfinfo", &[&pdf.to_string_lossy()]);
    assert!(info.contains("Title:           Årsberetning 2024 Bydel Bjerke"), "{info}");
    let text = text(&pdf);
    assert!(text.contains("3.2 Funksjonsområde 1: Administrasjon og fellestjenester"));
    assert!(out.path().join("html/index.html").is_file());
}
