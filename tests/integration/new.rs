//! `arsrapport new` writes a starter report that checks clean and builds; `arsrapport completions`
//! prints a script for each shell.

use std::fs;

use crate::check::run_in;

fn grorud(dir: &std::path::Path) -> (i32, String, String) {
    run_in(dir, &["new", "min-bydel", "--district", "Bydel Grorud", "--year", "2025"])
}

#[test]
fn a_new_report_checks_clean_with_its_district_and_year() {
    let temp = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = grorud(temp.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("arsrapport check min-bydel"), "says what to do next:\n{stderr}");

    let report = temp.path().join("min-bydel");
    let yaml = fs::read_to_string(report.join("report.yaml")).expect("report.yaml");
    for line in [
        "title: \"Årsberetning 2025\"",
        "district: \"Bydel Grorud\"",
        "year: 2025",
        "date: 2026-03-01",
        "output_name: arsberetning-2025-bydel-grorud",
    ] {
        assert!(yaml.lines().any(|l| l.starts_with(line)), "{line} missing:\n{yaml}");
    }
    let table = fs::read_to_string(report.join("tabeller/netto-oversikt.csv")).expect("csv");
    assert!(
        table.starts_with("Netto driftsutgifter;Regnskap 2024;Oppr. budsjett 2025;"),
        "{table}"
    );
    // Nothing is left beside the report (the temporary folder was renamed into place).
    let entries: Vec<_> = fs::read_dir(temp.path()).expect("dir").collect();
    assert_eq!(entries.len(), 1);

    let (code, _, stderr) = run_in(&report, &["check", "."]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(": 0 errors, 0 warnings"), "{stderr}");
}

#[test]
fn every_supported_kostra_year_checks_clean() {
    let temp = tempfile::tempdir().expect("tempdir");
    for year in ["2020", "2023", "2026", "2030"] {
        let dir = format!("r{year}");
        let args =
            ["new", &dir, "--district", "Bydel Bjerke", "--year", year, "--region", "030109"];
        let (code, _, stderr) = run_in(temp.path(), &args);
        assert_eq!(code, 0, "{stderr}");
        let (code, _, stderr) = run_in(temp.path(), &["check", &dir]);
        assert_eq!(code, 0, "{year}: {stderr}");
        assert!(stderr.contains(": 0 errors, 0 warnings"), "{year}: {stderr}");
    }
}

#[test]
fn a_new_report_builds() {
    let temp = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = grorud(temp.path());
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run_in(temp.path(), &["build", "min-bydel", "--out", "ut"]);
    assert_eq!(code, 0, "{stderr}");
    let out = temp.path().join("ut");
    let pdf = fs::read(out.join("arsberetning-2025-bydel-grorud.pdf")).expect("the PDF");
    assert!(pdf.starts_with(b"%PDF"));
    let index = fs::read_to_string(out.join("html/index.html")).expect("the site");
    assert!(index.contains("Bydel Grorud") && index.contains("2025"), "{index}");
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let temp = tempfile::tempdir().expect("tempdir");
    fs::create_dir(temp.path().join("min-bydel")).expect("mkdir");
    fs::write(temp.path().join("min-bydel/notat.txt"), "mitt").expect("write");
    let (code, stdout, stderr) = run_in(
        temp.path(),
        &["--lang", "nb", "new", "min-bydel", "--district", "Bydel Grorud", "--year", "2025"],
    );
    assert_eq!(code, 2);
    assert_eq!(
        fs::read_to_string(temp.path().join("min-bydel/notat.txt")).expect("kept"),
        "mitt",
        "the folder is left as it was"
    );
    assert_eq!(fs::read_dir(temp.path()).expect("dir").count(), 1, "no temporary folder left");
    insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(
            "new-not-empty",
            format!("exit code: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}")
        );
    });

    // An empty folder is fine.
    fs::remove_file(temp.path().join("min-bydel/notat.txt")).expect("rm");
    let (code, _, stderr) = grorud(temp.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(temp.path().join("min-bydel/report.yaml").is_file());
}

#[test]
fn new_refuses_bad_values() {
    let temp = tempfile::tempdir().expect("tempdir");
    for (args, expected) in [
        (["--district", " ", "--year", "2025"], "--district is empty"),
        (["--district", "Bydel Grorud", "--year", "1999"], "between 2000 and 2100"),
        (["--district", "Bydel; Grorud", "--year", "2025"], "use letters, digits"),
    ] {
        let mut all = vec!["new", "r"];
        all.extend(args);
        let (code, _, stderr) = run_in(temp.path(), &all);
        assert_eq!(code, 2, "{all:?}");
        assert!(stderr.contains(expected), "{all:?}: {stderr}");
    }
    assert_eq!(fs::read_dir(temp.path()).expect("dir").count(), 0, "nothing written");
}

#[test]
fn completions_cover_the_commands_in_every_shell() {
    let temp = tempfile::tempdir().expect("tempdir");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, stdout, stderr) = run_in(temp.path(), &["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        for word in ["arsrapport", "build", "check", "new", "district", "deny-warnings"] {
            assert!(stdout.contains(word), "{shell} completion lacks {word}:\n{stdout}");
        }
    }
    let (code, _, stderr) = run_in(temp.path(), &["completions", "tcsh"]);
    assert_eq!(code, 2, "an unknown shell is a usage error: {stderr}");
}

#[test]
fn every_command_has_examples_in_its_help() {
    let temp = tempfile::tempdir().expect("tempdir");
    for command in ["check", "build", "rules", "new", "completions"] {
        let (code, stdout, _) = run_in(temp.path(), &[command, "--help"]);
        assert_eq!(code, 0);
        assert!(stdout.contains("Examples:"), "{command} --help:\n{stdout}");
        assert!(stdout.contains(&format!("arsrapport {command}")), "{command}:\n{stdout}");
        let (code, stdout, _) = run_in(temp.path(), &["--lang", "nb", command, "--help"]);
        assert_eq!(code, 0);
        assert!(stdout.contains("Eksempler:") && stdout.contains("Bruk:"), "{command}:\n{stdout}");
    }
}

#[test]
fn the_language_comes_from_lang_or_the_environment_and_defaults_to_norwegian() {
    let temp = tempfile::tempdir().expect("tempdir");
    let bin = env!("CARGO_BIN_EXE_arsrapport");
    let run = |args: &[&str], lang: Option<&str>| {
        let mut command = std::process::Command::new(bin);
        command.current_dir(temp.path()).args(args).env("ARSRAPPORT_COLOR", "never");
        match lang {
            Some(l) => command.env("ARSRAPPORT_LANG", l),
            None => command.env_remove("ARSRAPPORT_LANG"),
        };
        let out = command.output().expect("runs");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let missing = ["check", "finnes-ikke"];
    assert!(run(&missing, None).contains("kunne ikke lese"), "{}", run(&missing, None));
    assert!(run(&missing, Some("en")).contains("could not read"));
    assert!(run(&["--lang", "nb", "check", "finnes-ikke"], Some("en")).contains("kunne ikke lese"));
    assert!(run(&["check", "finnes-ikke", "--lang=en"], None).contains("could not read"));
    // A wrong language in the variable is ignored; a wrong --lang is a usage error.
    assert!(run(&missing, Some("klingon")).contains("kunne ikke lese"));
    assert!(run(&["--lang", "de", "check"], None).contains("nb"));
    // Usage errors are in Norwegian too, with the suggestion.
    let typo = run(&["check", "--onl", "sum-row"], None);
    assert!(typo.contains("kjenner ikke valget «--onl»") && typo.contains("«--only»"), "{typo}");
    let typo = run(&["check", "--onl", "sum-row"], Some("en"));
    assert!(typo.contains("unexpected argument '--onl'"), "{typo}");
}
