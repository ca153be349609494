//! Several reports in one run: `check DIR...`, `build DIR...` and the workspace file.

use std::path::{Path, PathBuf};

use super::check::run_in;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const CLEAN: &str = "tests/fixtures/valid/clean";
const MINIMAL: &str = "examples/minimal";
const BROKEN: &str = "tests/fixtures/invalid/avvik";

#[test]
fn check_of_several_reports_names_each_and_fails_on_one() {
    let (code, stdout, stderr) = run_in(root(), &["--lang", "nb", "check", CLEAN, MINIMAL, BROKEN]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    crate::snapshot("multi-check-human", &stderr);
}

#[test]
fn check_json_of_several_reports_is_keyed_by_report() {
    let (code, stdout, stderr) =
        run_in(root(), &["check", CLEAN, MINIMAL, BROKEN, "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(doc["version"], 1);
    let reports = doc["reports"].as_object().expect("reports by folder");
    assert_eq!(reports.len(), 3);
    for key in [CLEAN, MINIMAL, BROKEN] {
        assert_eq!(reports[key]["base"], key, "{key}");
    }
    assert_eq!(reports[CLEAN]["summary"]["errors"], 0);
    assert_eq!(reports[BROKEN]["summary"]["errors"], 2);
    assert_eq!(reports[BROKEN]["diagnostics"][1]["path"], format!("{BROKEN}/tabeller/fo1.csv"));
    let summary = &doc["summary"];
    assert_eq!(
        (&summary["reports"], &summary["passed"], &summary["failed"], &summary["unreadable"]),
        (&3.into(), &2.into(), &1.into(), &0.into())
    );
    assert_eq!(summary["errors"], 2);
    assert_eq!(summary["files"], 4 + 17 + 4);
}

#[test]
fn an_unreadable_report_makes_the_run_exit_2_and_the_others_are_still_checked() {
    let (code, _, stderr) = run_in(root(), &["check", CLEAN, "tests/fixtures/invalid/no-report"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("  passed     tests/fixtures/valid/clean "), "{stderr}");
    assert!(stderr.contains("  unreadable tests/fixtures/invalid/no-report "), "{stderr}");
}

#[test]
fn two_folders_of_one_name_are_refused_before_any_work() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_str().expect("utf-8 path");
    let (code, _, stderr) = run_in(
        root(),
        &[
            "build",
            "tests/fixtures/valid/clean",
            "tests/fixtures/invalid/acknowledged/../../valid/clean",
            "--out",
            out_arg,
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("two report folders are named «clean»"), "{stderr}");
    assert_eq!(std::fs::read_dir(out.path()).expect("out").count(), 0, "nothing built");
}

fn only_pdf_in(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
}

#[test]
fn a_multi_report_build_with_one_broken_report_reports_it_and_builds_the_others() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_arg = out.path().to_str().expect("utf-8 path");
    let (code, _, stderr) = run_in(root(), &["build", MINIMAL, BROKEN, "--out", out_arg]);
    assert_eq!(code, 1, "{stderr}");
    // The good one: its PDF and site in its own subfolder, published as a single build would.
    let built = out.path().join("minimal");
    let pdf = only_pdf_in(&built).expect("the PDF of examples/minimal");
    assert!(std::fs::read(&pdf).expect("PDF").starts_with(b"%PDF"), "{}", pdf.display());
    assert!(built.join("html/index.html").is_file(), "{stderr}");
    // The broken one: nothing.
    assert!(!out.path().join("avvik").exists(), "{stderr}");
    // Findings under the report's name, and one summary naming both.
    assert!(stderr.contains(&format!("==> {BROKEN} <==")), "{stderr}");
    assert!(stderr.contains("2 reports: 1 built, 1 not built (check found errors)"), "{stderr}");
    assert!(stderr.contains(&format!("  built      {MINIMAL}  ")), "{stderr}");
    assert!(
        stderr.contains(&format!("  not built  {BROKEN}  `check` found 2 error(s)")),
        "{stderr}"
    );
}

#[test]
fn a_workspace_file_in_the_current_folder_lists_the_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clean = root().join(CLEAN);
    let broken = root().join(BROKEN);
    let listing = format!("reports:\n  - {}\n  - {}\n", clean.display(), broken.display());
    std::fs::write(dir.path().join("arsrapport.yaml"), listing).expect("workspace file");
    let (code, _, stderr) = run_in(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&format!("==> {} <==", clean.display())), "{stderr}");
    assert!(stderr.contains("2 reports: 1 passed, 1 failed, 0 unreadable"), "{stderr}");

    // A folder given on the command line wins over the workspace file.
    let (code, _, stderr) = run_in(dir.path(), &["check", clean.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("==>"), "{stderr}");
}

#[test]
fn a_wrong_workspace_file_is_reported_at_its_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("districts.yaml"), "reports: [grorud]\nreport: [bjerke]\n")
        .expect("workspace file");
    let (code, _, stderr) = run_in(dir.path(), &["check", "--workspace", "districts.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("error[AR003/yaml-schema]: unknown key `report`"), "{stderr}");
    assert!(stderr.contains("┌─ districts.yaml:2:1"), "{stderr}");
}
