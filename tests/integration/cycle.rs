//! The annual cycle: `roll-forward`, `check` against last year's report (`previous:`), and
//! `diff`, on the small fixture in `tests/fixtures/cycle/` (2024, the rolled 2025 exactly as
//! `roll-forward` writes it, and 2025 with figures and text filled in) and on `report-data`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::check::run_in;
use crate::snapshot;

fn cycle() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cycle")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create");
    for entry in fs::read_dir(from).expect("read").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn files(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("read").flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.path().is_dir() {
            files(&entry.path(), base, out);
        } else {
            let name =
                entry.path().strip_prefix(base).expect("inside").to_string_lossy().into_owned();
            out.push((name, fs::read_to_string(entry.path()).expect("text")));
        }
    }
}

#[test]
fn roll_forward_writes_exactly_the_rolled_fixture() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_dir(&cycle().join("2024"), &temp.path().join("2024"));
    let (code, _, stderr) = run_in(temp.path(), &["roll-forward", "2024", "--to", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    snapshot("cycle-roll-forward", &stderr);
    let (mut written, mut expected) = (Vec::new(), Vec::new());
    files(&temp.path().join("2025"), &temp.path().join("2025"), &mut written);
    files(&cycle().join("2025-rolled"), &cycle().join("2025-rolled"), &mut expected);
    assert_eq!(written, expected);

    // Rolled, the report lists what waits (no cell errors), and passes `check` with warnings.
    let (code, _, stderr) = run_in(&cycle(), &["check", "2025-rolled"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("0 errors, 7 warnings"), "{stderr}");
    assert_eq!(stderr.matches("warning[AR601/awaiting-figures]").count(), 2, "{stderr}");
    assert_eq!(stderr.matches("warning[AR602/unrevised-text]").count(), 5, "{stderr}");
}

#[test]
fn roll_forward_refuses_a_folder_in_use_or_inside_the_report() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_dir(&cycle().join("2024"), &temp.path().join("2024"));
    let (code, _, stderr) = run_in(temp.path(), &["roll-forward", "2024", "--to", "2024"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists and is not empty"), "{stderr}");
    let (code, _, stderr) = run_in(temp.path(), &["roll-forward", "2024", "--to", "2024/neste"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("lies inside the report folder"), "{stderr}");
    let (code, _, stderr) = run_in(temp.path(), &["roll-forward", "finnes-ikke", "--to", "2025"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot be read"), "{stderr}");
}

#[test]
fn check_compares_with_last_years_report() {
    let (code, stdout, stderr) = run_in(&cycle(), &["check", "2025"]);
    assert_eq!(code, 1, "one deliberate mismatch: {stderr}");
    assert_eq!(stdout, "");
    snapshot("cycle-check-2025", &stderr);
}

#[test]
fn build_refuses_unfinished_figures_and_text_without_draft() {
    let temp = tempfile::tempdir().expect("tempdir");
    let out = temp.path().join("out");
    let out = out.to_string_lossy();
    let (code, _, stderr) = run_in(&cycle(), &["build", "2025-rolled", "-o", &out]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error: not publishing: 7 table(s) still wait"), "{stderr}");
    assert!(!temp.path().join("out").exists());
}

#[test]
fn previous_that_cannot_be_read_is_an_error_at_the_setting() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_dir(&cycle().join("2025-rolled"), &temp.path().join("2025"));
    let (code, _, stderr) = run_in(temp.path(), &["check", "2025"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr
            .contains("error[AR605/previous-report]: last year's report «../2024» cannot be read"),
        "{stderr}"
    );
    assert!(stderr.contains("report.yaml:6:11"), "{stderr}");
}

#[test]
fn diff_shows_figures_text_and_structure() {
    let (code, stdout, stderr) = run_in(&cycle(), &["diff", "2024", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    snapshot("cycle-diff-2024-2025", &stdout);
    let (code, stdout, stderr) =
        run_in(&cycle(), &["diff", "2025-rolled", "2025", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    snapshot("cycle-diff-rolled-filled-json", &stdout);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let first = &json["tables"][0]["figures"][0];
    assert_eq!((&first["old"], &first["new"]), (&"?".into(), &"50\u{a0}000".into()));

    let temp = tempfile::tempdir().expect("tempdir");
    let page = temp.path().join("endringer.html");
    let (code, _, stderr) = run_in(
        &cycle(),
        &["diff", "2024", "2025", "--html", &page.to_string_lossy(), "--lang", "nb"],
    );
    assert_eq!(code, 0, "{stderr}");
    let html = fs::read_to_string(&page).expect("page");
    assert!(html.contains("<h1>Endringer i "), "{html}");
    assert!(html.contains("<th scope=\"col\">Før</th>"), "{html}");
    assert!(html.contains("--oslo-dark-blue"), "the site's stylesheet");
    assert!(
        html.contains("<del>vakante stillinger.</del><ins>lavere utgifter til husleie.</ins>")
            || html
                .contains("<del>vakante stillinger.</del> <ins>lavere utgifter til husleie.</ins>"),
        "{html}"
    );
    assert!(html.contains("<html lang=\"nb\">"));
}

/// A report's own git history: `diff HEAD:DIR DIR` compares the last commit with the folder.
/// The repository is made here, so the test does not depend on this checkout's history.
#[test]
fn diff_reads_an_old_version_from_git() {
    let temp = tempfile::tempdir().expect("tempdir");
    let repo = temp.path();
    copy_dir(&cycle().join("2024"), &repo.join("rapport"));
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(repo)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "2024"]);
    let csv = repo.join("rapport/tabeller/netto.csv");
    let text = fs::read_to_string(&csv).expect("csv");
    fs::write(&csv, text.replacen("98 290", "98 291", 1)).expect("write");
    let (code, stdout, stderr) = run_in(repo, &["diff", "HEAD:rapport", "rapport"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("Changes from HEAD:rapport"), "{stdout}");
    assert!(stdout.contains("«Regnskap 2024»") && stdout.contains("(+1)"), "{stdout}");
    let (code, _, stderr) = run_in(repo, &["diff", "HEAD:finnes/ikke", "rapport"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no report in «finnes/ikke» at revision HEAD"), "{stderr}");
}

/// `report-data` (Bydel Bjerke 2024) rolled forward to 2025: every figure kept about 2024 and
/// earlier is the one published, until one is changed.
#[test]
fn report_data_rolls_forward_and_a_changed_figure_is_found() {
    let temp = tempfile::tempdir().expect("tempdir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("report-data");
    copy_dir(&data, &temp.path().join("2024"));
    let (code, _, stderr) = run_in(temp.path(), &["roll-forward", "2024", "--to", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("Wrote the 2025 report in 2025"), "{stderr}");
    let (code, _, stderr) =
        run_in(temp.path(), &["roll-forward", "2024", "--to", "2025-nb", "--lang", "nb"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("Skrev rapporten for 2025 i 2025-nb"), "{stderr}");
    let (_, stdout, _) = run_in(temp.path(), &["diff", "2025-nb", "2025", "--lang", "nb"]);
    assert!(stdout.contains("Ingen endringer."), "{stdout}");
    let dir = temp.path().join("2025");
    let yaml = fs::read_to_string(dir.join("report.yaml")).expect("yaml");
    for line in ["year: 2025", "previous: ../2024", "date: 2026-03-01", "title: Årsberetning 2025"]
    {
        assert!(yaml.lines().any(|l| l.starts_with(line)), "{line}:\n{yaml}");
    }
    let netto = fs::read_to_string(dir.join("tabeller/fo1-netto.csv")).expect("csv");
    assert!(netto.starts_with("Netto driftsutgifter pr. KOSTRA-funksjon;Regnskap 2024;Oppr. Budsjett 2025;Regulert budsjett 2025;Regnskap 2025;Avvik reg.bud/regnskap 2025\n100 Politisk styring;850;?;?;?;?\n"), "{netto}");

    // Rolled, the report checks without errors: what is left to do are warnings.
    let (code, _, stderr) = run_in(temp.path(), &["check", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(": 0 errors,"), "{stderr}");

    let cycle_codes = "awaiting-figures,previous-year,previous-unmatched,previous-report";
    let (_, _, stderr) =
        run_in(temp.path(), &["check", "2025", "--only", "previous-year,previous-report"]);
    assert!(
        stderr.contains(": 0 errors, 0 warnings, 0 notes"),
        "every kept figure is the published one:\n{stderr}"
    );

    // Fill in a few figures of 2025; one figure about 2024 copied wrongly.
    let filled = netto
        .replace(
            "100 Politisk styring;850;?;?;?;?",
            "100 Politisk styring;805;2 400;2 450;2 300;150",
        )
        .replace(
            "110 Kontroll og revisjon;310;?;?;?;?",
            "110 Kontroll og revisjon;310;660;660;320;340",
        );
    fs::write(dir.join("tabeller/fo1-netto.csv"), filled).expect("write");
    let (_, _, stderr) = run_in(temp.path(), &["check", "2025", "--only", cycle_codes]);
    let mismatch = stderr.split("\n\n").find(|f| f.contains("AR603")).unwrap_or_default();
    snapshot("cycle-report-data-mismatch", mismatch);
    assert!(stderr.contains("44 cells of table `netto-fo1` still wait for figures"), "{stderr}");
    let (_, _, stderr) =
        run_in(temp.path(), &["check", "2025", "--only", cycle_codes, "--lang", "nb"]);
    assert!(
        stderr.contains("44 celler i tabellen `netto-fo1` venter fortsatt på tall"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "«Regnskap 2024» for «100 Politisk styring» er 805 her, men rapporten for 2024 viste 850"
        ),
        "{stderr}"
    );
    let (_, _, stderr) = run_in(temp.path(), &["check", "2025", "--only", "unrevised-text"]);
    assert!(stderr.matches("warning[AR602/unrevised-text]").count() > 300, "{stderr}");
}

#[test]
fn a_mismatch_can_be_acknowledged_and_unchanged_marks_are_checked() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_dir(&cycle().join("2024"), &temp.path().join("2024"));
    copy_dir(&cycle().join("2025"), &temp.path().join("2025"));
    let chapter = temp.path().join("2025/kapitler/01-okonomi.yaml");
    let text = fs::read_to_string(&chapter).expect("chapter");
    let acknowledged = format!(
        "{text}          acknowledge:\n            - rule: previous-year\n              row: Sykefravær totalt\n              column: resultat_1\n              reason: Sykefraværet for 2023 ble rettet etter publiseringen.\n"
    );
    fs::write(&chapter, &acknowledged).expect("write");
    let (code, _, stderr) = run_in(temp.path(), &["check", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("0 errors, 3 warnings, 1 note (1 acknowledged)"), "{stderr}");
    assert!(!stderr.contains("AR307"), "the acknowledgement is used: {stderr}");

    // A mark on a text that was revised after all is a note; a mark on a heading an error.
    let marked = acknowledged.replace(
        "      - p: Bydelen hadde et mindreforbruk i 2025, hovedsakelig på grunn av lavere utgifter til husleie.",
        "      - p: {text: Bydelen hadde et mindreforbruk i 2025 på grunn av lavere husleie., unchanged: true}\n      - heading: {text: Husleie, unchanged: true}",
    );
    fs::write(&chapter, marked).expect("write");
    let (code, _, stderr) = run_in(temp.path(), &["check", "2025"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`unchanged` applies only to paragraphs, notes, list items and comments"),
        "{stderr}"
    );
    let revised = fs::read_to_string(&chapter)
        .expect("chapter")
        .replace("\n      - heading: {text: Husleie, unchanged: true}", "");
    fs::write(&chapter, revised).expect("write");
    let (code, _, stderr) = run_in(temp.path(), &["check", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "note[AR602/unrevised-text]: this text is marked `unchanged: true`, but it differs"
        ),
        "{stderr}"
    );
}

#[test]
fn a_fact_about_an_earlier_year_is_checked_against_last_year() {
    let temp = tempfile::tempdir().expect("tempdir");
    copy_dir(&cycle().join("2024"), &temp.path().join("2024"));
    copy_dir(&cycle().join("2025"), &temp.path().join("2025"));
    let settings = temp.path().join("2025/report.yaml");
    let text = fs::read_to_string(&settings).expect("yaml");
    // 2024's users were 426; this year's report repeats the figure wrongly.
    fs::write(&settings, text.replace("    value: 426", "    value: 462")).expect("write");
    let (code, _, stderr) = run_in(temp.path(), &["check", "2025", "--only", "previous-year"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error[AR603/previous-year]: the fact «brukere-2024» is 462 here, but the 2024 report published 426"), "{stderr}");
    assert!(stderr.contains("../2024/report.yaml:16:12"), "{stderr}");
}

#[test]
fn the_cycle_commands_have_examples_in_their_help() {
    for command in ["roll-forward", "diff"] {
        let (code, stdout, _) = run_in(&cycle(), &[command, "--help"]);
        assert_eq!(code, 0);
        assert!(stdout.contains("Examples:"), "{command} --help:\n{stdout}");
        assert!(stdout.contains(&format!("arsrapport {command}")), "{command}:\n{stdout}");
    }
}

/// The starter report rolled forward checks without errors: rows whose cells all await figures
/// are rows to fill in (sums still add them), not group headings.
#[test]
fn the_example_report_rolls_forward_without_errors() {
    let temp = tempfile::tempdir().expect("tempdir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/minimal");
    copy_dir(&example, &temp.path().join("2024"));
    let (code, _, stderr) = run_in(temp.path(), &["roll-forward", "2024", "--to", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run_in(temp.path(), &["check", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(": 0 errors,"), "{stderr}");
    assert!(!stderr.contains("has no rows to add"), "{stderr}");
}
