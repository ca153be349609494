//! `arsrapport check` on fixture reports: snapshots of what the user sees.
//!
//! Every folder under `tests/fixtures/valid/` must check without errors;
//! every folder under `tests/fixtures/invalid/` has a snapshot of its stderr
//! and exit code in `snapshots/`. See tests/README.md to add a case.

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Runs the binary in the fixtures folder with `args`; returns (exit code, stdout, stderr).
///
/// The messages are in English (`ARSRAPPORT_LANG=en`), which the assertions on parts of the
/// output are written in; the snapshots pass `--lang nb` (the default without the variable)
/// and have an English twin in `snapshots/en/`.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_arsrapport"))
        .current_dir(dir)
        .args(args)
        .env("ARSRAPPORT_LANG", "en")
        .env("ARSRAPPORT_COLOR", "never")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn cases(kind: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join(kind))
        .expect("fixture folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn valid_fixtures_check_clean() {
    for case in cases("valid") {
        let (code, _, stderr) = run_in(&fixtures(), &["check", &format!("valid/{case}")]);
        assert_eq!(code, 0, "valid/{case} should pass:\n{stderr}");
        assert!(stderr.contains(" 0 errors, 0 warnings"), "valid/{case}:\n{stderr}");
    }
}

#[test]
fn invalid_fixtures_match_their_snapshots() {
    invalid_fixtures_in("nb", "snapshots");
}

#[test]
fn invalid_fixtures_match_their_english_snapshots() {
    invalid_fixtures_in("en", "snapshots/en");
}

/// Every invalid fixture, checked with `--lang lang`, against the snapshots in `folder`.
fn invalid_fixtures_in(lang: &str, folder: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(folder);
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for case in cases("invalid") {
            let (code, stdout, stderr) =
                run_in(&fixtures(), &["--lang", lang, "check", &format!("invalid/{case}")]);
            // These cases hold warnings only: they fail with --deny-warnings.
            let warnings_only = [
                "kostra-codes",
                "ref-literal-fact",
                "stale-year",
                "range-label",
                "loose-label-match",
                "goal-coverage",
            ]
            .contains(&case.as_str());
            assert!(code != 0 || warnings_only, "invalid/{case} should fail");
            insta::assert_snapshot!(
                format!("check-{case}"),
                format!("exit code: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}")
            );
        }
    });
}

#[test]
fn rounding_differences_are_notes_not_errors() {
    let (code, _, stderr) = run_in(&fixtures(), &["check", "valid/rounding"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("note[AR101/derived-column]"), "{stderr}");
    assert!(stderr.contains("note[AR102/sum-row]"), "{stderr}");
    let (_, _, quiet) = run_in(&fixtures(), &["check", "valid/rounding", "--quiet"]);
    assert!(!quiet.contains("note["), "--quiet hides notes:\n{quiet}");
}

#[test]
fn exit_codes_distinguish_findings_from_unreadable_input() {
    assert_eq!(run_in(&fixtures(), &["check", "invalid/avvik"]).0, 1);
    assert_eq!(run_in(&fixtures(), &["check", "invalid/yaml-syntax"]).0, 2);
    assert_eq!(run_in(&fixtures(), &["check", "invalid/no-report"]).0, 2);
    assert_eq!(run_in(&fixtures(), &["check", "invalid/path-escape"]).0, 2);
    // A warning fails only with --deny-warnings.
    assert_eq!(run_in(&fixtures(), &["check", "invalid/stale-year"]).0, 0);
    assert_eq!(run_in(&fixtures(), &["check", "invalid/stale-year", "--deny-warnings"]).0, 1);
    assert_eq!(run_in(&fixtures(), &["check", "invalid/ref-literal-fact"]).0, 0);
    assert_eq!(run_in(&fixtures(), &["check", "invalid/ref-literal-fact", "--deny-warnings"]).0, 1);
}

#[test]
fn only_and_skip_take_codes_and_names() {
    let (code, _, stderr) =
        run_in(&fixtures(), &["check", "invalid/avvik", "--skip", "AR101,sum-row"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run_in(&fixtures(), &["check", "invalid/avvik", "--only", "sum-row"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("AR102") && !stderr.contains("AR101"), "{stderr}");
    let (code, _, stderr) = run_in(&fixtures(), &["check", "invalid/avvik", "--only", "sum-rows"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `sum-row`"), "{stderr}");
}

#[test]
fn json_output_has_places_and_figures() {
    let (code, stdout, _) = run_in(&fixtures(), &["check", "invalid/avvik", "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(v["version"], 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "AR101");
    assert_eq!(d["rule"], "derived-column");
    assert_eq!(d["severity"], "error");
    assert_eq!(v["base"], "invalid/avvik");
    assert_eq!(d["file"], "tabeller/fo1.csv");
    assert_eq!(d["path"], "invalid/avvik/tabeller/fo1.csv");
    assert_eq!(d["line"], 2);
    assert_eq!(d["column"], 46);
    assert_eq!(d["table"], "netto-fo1");
    assert_eq!(d["row"], "100 Politisk styring");
    assert_eq!(d["expected"], "50");
    assert_eq!(d["found"], "60");
    assert_eq!(v["summary"]["errors"], 2);
}

#[test]
fn the_likely_cause_comes_first_in_every_format() {
    let (code, stdout, _) =
        run_in(&fixtures(), &["check", "invalid/likely-cause", "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let first = &v["diagnostics"][0];
    let cause = &first["cause"];
    assert_eq!(cause["relations"], 3);
    assert_eq!(cause["cells"][0]["file"], "tabeller/fo1.csv");
    assert_eq!(cause["cells"][0]["line"], 4);
    assert_eq!(cause["cells"][0]["column"], 41);
    assert_eq!(cause["cells"][0]["found"], "3\u{a0}510");
    assert_eq!(cause["cells"][0]["suggested"], "3\u{a0}150");
    let groups: Vec<_> =
        v["diagnostics"].as_array().expect("list").iter().map(|d| d["group"].clone()).collect();
    assert_eq!(groups, vec![serde_json::json!(1); 3]);
    let (_, github, _) =
        run_in(&fixtures(), &["check", "invalid/likely-cause", "--format", "github"]);
    let first_line = github.lines().next().expect("a line");
    assert!(first_line.starts_with("::warning file=invalid/likely-cause/tabeller/fo1.csv,line=4,col=41,title=likely cause::likely wrong"), "{first_line}");
}

#[test]
fn github_output_is_annotations() {
    let (code, stdout, _) =
        run_in(&fixtures(), &["--lang", "nb", "check", "invalid/transfer", "--format", "github"]);
    assert_eq!(code, 1);
    insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("check-github-transfer", stdout);
    });
}

#[test]
fn a_column_heading_as_a_reference_is_explained_in_norwegian() {
    let (code, _, stderr) =
        run_in(&fixtures(), &["--lang", "nb", "check", "invalid/ref-column-heading"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "«Regnskap 2024» er overskriften på kolonnen `regnskap` i tabellen `netto-fo1`, ikke kolonnenavnet"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("skriv kolonne=\"regnskap\""), "{stderr}");
}

#[test]
fn the_real_report_checks_without_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, _, stderr) = run_in(root, &["check", "report-data"]);
    assert_eq!(code, 0, "report-data must check clean (acknowledged findings only):\n{stderr}");
    assert!(stderr.contains(" 0 errors, 0 warnings"), "{stderr}");
    assert!(
        stderr.contains("acknowledged"),
        "the published inconsistencies stay visible:\n{stderr}"
    );
}

#[test]
fn the_example_checks_without_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, _, stderr) = run_in(root, &["check", "examples/minimal"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(" 0 errors, 0 warnings"), "{stderr}");
}

#[test]
fn rules_lists_every_code() {
    let (code, stdout, _) = run_in(&fixtures(), &["rules"]);
    assert_eq!(code, 0);
    for needle in ["AR101  derived-column", "AR103  transfer", "AR202  kostra-expired"] {
        assert!(stdout.contains(needle), "{stdout}");
    }
}

#[test]
fn an_unreadable_cell_is_not_summed_but_named() {
    let (code, stdout, _) = run_in(&fixtures(), &["check", "invalid/bad-cell", "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let found: Vec<(String, String, u64, u64)> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["severity"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let at = |c: &str, s: &str, l: u64, col: u64| (c.to_string(), s.to_string(), l, col);
    assert_eq!(
        found,
        [
            at("AR301", "error", 3, 38),
            at("AR301", "error", 2, 28),
            // Each rule that needs an unreadable cell says so, at that cell; no sum without it.
            at("AR101", "note", 3, 38),
            at("AR102", "note", 2, 28),
            at("AR102", "note", 3, 38),
        ]
    );
}

#[test]
fn comparison_arithmetic_and_ambiguous_rows_have_fixtures() {
    for (case, code) in
        [("comparison", "AR104"), ("arithmetic", "AR107"), ("ambiguous-row", "AR308")]
    {
        let (exit, _, stderr) = run_in(&fixtures(), &["check", &format!("invalid/{case}")]);
        assert_eq!(exit, 1, "{case}:\n{stderr}");
        assert!(stderr.contains(&format!("error[{code}/")), "{case}:\n{stderr}");
    }
}

/// Copies a fixture folder into a temporary folder, to add generated files to it.
fn copy_fixture(kind: &str, case: &str) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("dir");
        for entry in std::fs::read_dir(from).expect("fixture").filter_map(|e| e.ok()) {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).expect("copy");
            }
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    copy(&fixtures().join(kind).join(case), dir.path());
    dir
}

/// The summary line, e.g. "checked 3 files, 2 tables, 40 cells: 0 errors, 0 warnings".
fn summary(stderr: &str) -> &str {
    stderr.lines().rfind(|l| l.starts_with("checked ")).unwrap_or("")
}

#[test]
fn excel_artefacts_are_dropped_with_notes() {
    let (code, _, stderr) =
        run_in(&fixtures(), &["--lang", "nb", "check", "valid/excel-artefacts"]);
    assert_eq!(code, 0, "{stderr}");
    insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("check-valid-excel-artefacts", stderr);
    });
    // The table reads exactly as the clean one: the same cells, no extra columns or rows.
    let (_, _, english) = run_in(&fixtures(), &["check", "valid/excel-artefacts"]);
    let (_, _, clean) = run_in(&fixtures(), &["check", "valid/clean"]);
    assert_eq!(summary(&english).split(':').next(), summary(&clean).split(':').next(), "{english}");
}

#[test]
fn a_utf16_csv_reads_like_its_utf8_original() {
    let (code, _, stderr) = run_in(&fixtures(), &["check", "valid/utf16-csv"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, _, clean) = run_in(&fixtures(), &["check", "valid/clean"]);
    assert_eq!(summary(&stderr), summary(&clean), "{stderr}");
    let (_, stdout, _) = run_in(&fixtures(), &["check", "valid/utf16-csv", "--format", "json"]);
    let (_, clean_json, _) = run_in(&fixtures(), &["check", "valid/clean", "--format", "json"]);
    // The same document, apart from the folder it names.
    assert_eq!(stdout.replace("valid/utf16-csv", "valid/clean"), clean_json);
}

#[test]
fn a_paragraph_of_120_000_brackets_checks_in_linear_time() {
    // Took 11 s with the quadratic inline parser; the unit tests in src/load/inline.rs count
    // the parser's steps. Unmatched `[`, `*` and `**` are literal text.
    let dir = copy_fixture("valid", "clean");
    let chapter = dir.path().join("kapitler/01.yaml");
    let text = std::fs::read_to_string(&chapter).expect("chapter");
    let hostile = format!(
        "      - p: \"{}\"\n      - p: \"{}\"\n",
        "[".repeat(120_000),
        "*a [b **c ".repeat(20_000)
    );
    let text = text.replacen("      - table:", &format!("{hostile}      - table:"), 1);
    std::fs::write(&chapter, text).expect("write");
    let (code, _, stderr) = run_in(dir.path(), &["check", "."]);
    assert_eq!(code, 0, "{}", &stderr[..stderr.len().min(2000)]);
    assert!(stderr.contains(" 0 errors, 0 warnings"), "{}", &stderr[..stderr.len().min(2000)]);
}

#[test]
fn thousands_of_nested_footnotes_and_links_are_a_limit_not_a_crash() {
    let dir = copy_fixture("valid", "clean");
    let chapter = dir.path().join("kapitler/01.yaml");
    let text = std::fs::read_to_string(&chapter).expect("chapter");
    let n = 3_000;
    let deep = format!(
        "      - p: \"{}x{}\"\n      - p: \"{}x{}\"\n",
        "^[".repeat(n),
        "]".repeat(n),
        "[".repeat(n),
        "](#a)".repeat(n)
    );
    let text = text.replacen("      - table:", &format!("{deep}      - table:"), 1);
    std::fs::write(&chapter, text).expect("write");
    let (code, _, stderr) = run_in(dir.path(), &["check", "."]);
    assert_eq!(code, 2, "{}", &stderr[..stderr.len().min(2000)]);
    assert_eq!(stderr.matches("error[AR007/limit]").count(), 2, "{stderr}");
}

#[test]
fn a_windows_1252_report_reads_like_its_utf8_original() {
    // The fixture is real Windows-1252: æøå, a no-break space in figures and `–` for zero are
    // single bytes (0xE5, 0xA0, 0x96).
    let raw = std::fs::read(fixtures().join("valid/windows-1252/tabeller/oversikt.csv"))
        .expect("fixture");
    assert!(raw.contains(&0xE5) && raw.contains(&0xA0), "the fixture must hold Windows-1252 bytes");
    assert!(
        std::fs::read(fixtures().join("valid/windows-1252/tabeller/fo1.csv"))
            .expect("fixture")
            .contains(&0x96)
    );
    let options = arsrapport::pipeline::CheckOptions::default();
    let ansi = arsrapport::pipeline::check(&fixtures().join("valid/windows-1252"), &options);
    let utf8 = arsrapport::pipeline::check(&fixtures().join("valid/clean"), &options);
    let (Some(ansi), Some(utf8)) = (ansi.report, utf8.report) else {
        panic!("both reports load");
    };
    assert_eq!(ansi.meta.title, "Årsberetning 2024");
    assert_eq!(ansi.meta.title, utf8.meta.title);
    assert_eq!(ansi.chapters[0].title, "Økonomi");
    assert_eq!(ansi.tables.len(), utf8.tables.len());
    // The figures are the clean report's; the labels carry the Windows-1252 letters and dashes.
    for (a, u) in ansi.tables.iter().zip(&utf8.tables) {
        let figures = |t: &arsrapport::model::Table| -> Vec<_> {
            t.rows.iter().map(|r| r.cells[1..].to_vec()).collect()
        };
        assert_eq!(figures(a), figures(u), "table {}", a.id);
        assert_eq!(a.columns.len(), u.columns.len(), "table {}", a.id);
    }
    assert_eq!(ansi.tables[0].rows[0].label(), "Funksjonsområde 1 – Administrasjon");
}
