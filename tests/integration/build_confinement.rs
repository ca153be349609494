//! Confinement through the command: a report cannot make `build` write outside the output
//! folder, nor read files outside the report folder (templates that are symbolic links out),
//! nor publish the environment through an HTML template. The `output_name` cases are fixtures
//! with snapshots (`tests/fixtures/invalid/output-name-*`); the link cases are made here in a
//! temporary folder, since links out of the repository do not belong in git.

use std::path::{Path, PathBuf};

use super::check::run_in;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of `tests/fixtures/invalid/output-name-escape`'s small report with `extra` lines
/// added to report.yaml, in a temporary folder.
fn small_report(extra: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("rapport");
    std::fs::create_dir_all(report.join("kapitler")).expect("mkdir");
    std::fs::write(
        report.join("report.yaml"),
        format!(
            "title: Årsberetning 2024\ndistrict: Bydel Test\norganisation: Oslo kommune\n\
             year: 2024\ndate: 2025-03-01\noutput_name: rapport\n{extra}chapters:\n  - kapitler/01.yaml\n"
        ),
    )
    .expect("write");
    std::fs::copy(
        root().join("tests/fixtures/invalid/output-name-escape/kapitler/01.yaml"),
        report.join("kapitler/01.yaml"),
    )
    .expect("copy");
    (dir, report)
}

fn path_arg(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[test]
fn output_names_that_leave_the_folder_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("o/a/b");
    for (case, escaped) in [
        ("output-name-escape", dir.path().join("o/escaped-pdf.pdf")),
        ("output-name-absolute", PathBuf::from("/abs/path/x.pdf")),
        ("output-name-empty", out.join(".pdf")),
        ("output-name-subfolder", out.join("html/index.pdf")),
        ("output-name-hidden", out.join(".hidden.pdf")),
    ] {
        for only in ["pdf", "html"] {
            let fixture = format!("tests/fixtures/invalid/{case}");
            let (code, _, stderr) = run_in(
                root(),
                &["build", &fixture, "--out", &path_arg(&out), "--only-output", only],
            );
            assert_eq!(code, 1, "{case}: {stderr}");
            assert!(stderr.contains("AR309"), "{case}: {stderr}");
            assert!(stderr.contains("not building"), "{case}: {stderr}");
            assert!(!escaped.exists(), "{case}: {} was written", escaped.display());
        }
    }
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn a_draft_build_does_not_write_a_bad_output_name_either() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("o/a/b");
    let (code, _, stderr) = run_in(
        root(),
        &[
            "build",
            "tests/fixtures/invalid/output-name-escape",
            "--out",
            &path_arg(&out),
            "--draft",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not a plain file name"), "{stderr}");
    assert!(stderr.contains("previous output is unchanged"), "{stderr}");
    assert!(!dir.path().join("o/escaped-pdf.pdf").exists());
    assert!(!out.exists(), "nothing was written");
}

#[cfg(unix)]
mod links {
    use std::os::unix::fs::symlink;

    use super::*;

    /// A folder outside the report standing in for `/etc`.
    fn outside() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("leak.txt"), "SECRET-FROM-OUTSIDE").expect("write");
        std::fs::create_dir_all(dir.path().join("pdf")).expect("mkdir");
        std::fs::write(
            dir.path().join("pdf/cover.typ"),
            "#let cover(data) = [#read(\"leak.txt\")]",
        )
        .expect("write");
        dir
    }

    fn assert_refused(report: &Path, out: &Path, expected: &str) {
        let (code, _, stderr) = run_in(root(), &["check", &path_arg(report)]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("AR005"), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        let (code, _, stderr) =
            run_in(root(), &["build", &path_arg(report), "--out", &path_arg(out), "--draft"]);
        assert_ne!(code, 0, "{stderr}");
        assert!(!stderr.contains("SECRET-FROM-OUTSIDE"), "{stderr}");
        assert!(!out.exists(), "nothing was written");
    }

    #[test]
    fn a_template_folder_that_is_a_link_out_is_refused() {
        let etc = outside();
        let (dir, report) = small_report("templates: maler\n");
        symlink(etc.path(), report.join("maler")).expect("link");
        assert_refused(&report, &dir.path().join("out"), "leads out of the report folder");
    }

    #[test]
    fn a_link_out_inside_the_template_folder_is_refused() {
        let etc = outside();
        let (dir, report) = small_report("templates: maler\n");
        std::fs::create_dir_all(report.join("maler/pdf")).expect("mkdir");
        symlink(etc.path().join("leak.txt"), report.join("maler/pdf/leak.txt")).expect("link");
        assert_refused(&report, &dir.path().join("out"), "«pdf/leak.txt»");
    }

    #[test]
    fn a_link_to_a_folder_whose_files_link_out_is_refused() {
        let etc = outside();
        let (dir, report) = small_report("templates: maler\n");
        std::fs::create_dir_all(report.join("maler")).expect("mkdir");
        std::fs::create_dir_all(report.join("delt")).expect("mkdir");
        symlink(etc.path().join("pdf/cover.typ"), report.join("delt/cover.typ")).expect("link");
        symlink(report.join("delt"), report.join("maler/pdf")).expect("link");
        assert_refused(&report, &dir.path().join("out"), "«pdf/cover.typ»");
    }

    #[test]
    fn links_that_stay_inside_the_report_folder_are_fine() {
        let (dir, report) = small_report("templates: maler\n");
        std::fs::create_dir_all(report.join("maler/pdf")).expect("mkdir");
        std::fs::write(report.join("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            .expect("write");
        symlink(report.join("logo.svg"), report.join("maler/pdf/logo.svg")).expect("link");
        let (code, _, stderr) = run_in(root(), &["check", &path_arg(&report)]);
        assert_eq!(code, 0, "{stderr}");
        let out = dir.path().join("out");
        let (code, _, stderr) =
            run_in(root(), &["build", &path_arg(&report), "--out", &path_arg(&out)]);
        assert_eq!(code, 0, "{stderr}");
        assert!(out.join("rapport.pdf").is_file());
    }
}

#[test]
fn an_html_template_cannot_publish_the_environment() {
    let (dir, report) = small_report("templates: maler\n");
    std::fs::create_dir_all(report.join("maler/html")).expect("mkdir");
    std::fs::write(
        report.join("maler/html/search.html"),
        "{{ get_env(name=\"ARSRAPPORT_TEST_SECRET\") }}",
    )
    .expect("write");
    let out = dir.path().join("out");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_arsrapport"))
        .args(["build", &path_arg(&report), "--out", &path_arg(&out), "--only-output", "html"])
        .env("ARSRAPPORT_COLOR", "never")
        .env("ARSRAPPORT_LANG", "en")
        .env("ARSRAPPORT_TEST_SECRET", "SECRET-FROM-ENV")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("`get_env` is not available"), "{stderr}");
    assert!(!stderr.contains("SECRET-FROM-ENV"), "{stderr}");
    assert!(!out.exists(), "nothing was published");
}
