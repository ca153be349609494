//! Property tests on structured YAML: maps and lists built from the format's own keys (and
//! near misses), scalars in Norwegian forms, markup, anchors and aliases, nested deeper than
//! any report. `check` must never panic or abort on them, and every failure it reports must
//! have a place in a file.

use std::path::Path;

use arsrapport::pipeline::{CheckOptions, check};
use proptest::prelude::*;

/// Keys of the format, a few near misses and some noise.
const KEYS: &[&str] = &[
    "title",
    "blocks",
    "sections",
    "p",
    "list",
    "numbered_list",
    "note",
    "goals",
    "checklist",
    "table",
    "figure",
    "heading",
    "id",
    "caption",
    "numbered",
    "include",
    "text",
    "items",
    "goal",
    "measures",
    "measure",
    "comment",
    "question",
    "answer",
    "file",
    "kind",
    "columns",
    "sums",
    "links",
    "totals",
    "derived",
    "acknowledge",
    "row",
    "of",
    "to",
    "rows",
    "equals",
    "rule",
    "reason",
    "key",
    "type",
    "span",
    "header_groups",
    "footnotes",
    "unit",
    "alt",
    "titel",
    "blokker",
    "<<",
    "?",
];

/// Scalars: texts with markup, Norwegian figures, keywords, anchors and aliases, odd bytes.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zæøå ]{0,12}",
        Just("1 714 058".to_string()),
        Just("−50 136".to_string()),
        Just("89,4 %".to_string()),
        Just("'*t'".to_string()),
        Just("*a".to_string()),
        Just("&a verdi".to_string()),
        Just("\"**fet** og [lenke](#tabell-1-1) ^[fotnote]\"".to_string()),
        Just("\"{{ fakta.x }}\"".to_string()),
        Just("kostra".to_string()),
        Just("t/fo1.csv".to_string()),
        Just("../utenfor.csv".to_string()),
        Just("ja".to_string()),
        Just("~".to_string()),
        Just("!!str x".to_string()),
        Just("\"\\u0000\"".to_string()),
        Just("[".to_string()),
    ]
}

#[derive(Debug, Clone)]
enum Tree {
    Scalar(String),
    List(Vec<Tree>),
    Map(Vec<(String, Tree)>),
}

fn tree() -> impl Strategy<Value = Tree> {
    scalar().prop_map(Tree::Scalar).prop_recursive(8, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Tree::List),
            prop::collection::vec(
                (prop::sample::select(KEYS).prop_map(str::to_string), inner),
                0..6
            )
            .prop_map(Tree::Map),
        ]
    })
}

/// Writes a tree as block-style YAML (the style users write).
fn write(tree: &Tree, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match tree {
        Tree::Scalar(s) => {
            out.push(' ');
            out.push_str(s);
            out.push('\n');
        }
        Tree::List(items) if items.is_empty() => out.push_str(" []\n"),
        Tree::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Tree::List(items) => {
            out.push('\n');
            for item in items {
                out.push_str(&pad);
                out.push('-');
                write(item, indent + 2, out);
            }
        }
        Tree::Map(entries) => {
            out.push('\n');
            for (k, v) in entries {
                out.push_str(&pad);
                out.push_str(k);
                out.push(':');
                write(v, indent + 2, out);
            }
        }
    }
}

fn write_report(dir: &Path, chapter: &Tree, report_extra: &Tree) {
    let mut chapter_text = String::new();
    write(chapter, 0, &mut chapter_text);
    let mut extra = String::new();
    write(report_extra, 2, &mut extra);
    std::fs::create_dir_all(dir.join("t")).expect("dir");
    std::fs::write(
        dir.join("t/fo1.csv"),
        "Funksjon;Regnskap 2023;Oppr.;Regulert;Regnskap;Avvik\n100 Politisk styring;1;1;1;1;0\n",
    )
    .expect("csv");
    std::fs::write(
        dir.join("report.yaml"),
        format!(
            "title: T\ndistrict: D\norganisation: O\nyear: 2024\ndate: 2025-03-01\nchapters: [k.yaml]\nfacts:{extra}"
        ),
    )
    .expect("report");
    std::fs::write(
        dir.join("k.yaml"),
        format!(
            "title: K{}",
            chapter_text
                .trim_start_matches('\n')
                .lines()
                .map(|l| format!("\n{l}"))
                .collect::<String>()
        ),
    )
    .expect("chapter");
    std::fs::write(dir.join("k2.yaml"), chapter_text).expect("chapter");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn check_never_panics_on_structured_yaml(chapter in tree(), extra in tree()) {
        let dir = tempfile::tempdir().expect("tempdir");
        write_report(dir.path(), &chapter, &extra);
        let checked = check(dir.path(), &CheckOptions::default());
        for d in &checked.diagnostics {
            // Every problem in the user's files is located (only a missing report.yaml is not).
            prop_assert!(d.span.is_some() || d.code.code() == "AR001", "{d:?}");
        }
    }

    #[test]
    fn sections_and_blocks_in_the_formats_shape_never_panic(
        depth in 1usize..60,
        width in 1usize..4,
        text in "[a-zæøå*_\\[\\]{}() ]{0,40}",
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut chapter = String::from("title: K\nsections:\n");
        let mut indent = 2;
        for level in 0..depth {
            let pad = " ".repeat(indent);
            chapter.push_str(&format!("{pad}- title: Nivå {level}\n{pad}  blocks:\n"));
            for _ in 0..width {
                chapter.push_str(&format!("{pad}    - p: \"{text}\"\n"));
            }
            chapter.push_str(&format!("{pad}  sections:\n"));
            indent += 4;
        }
        chapter.push_str(&format!("{}- title: Bunn\n", " ".repeat(indent)));
        std::fs::write(dir.path().join("report.yaml"),
            "title: T\ndistrict: D\norganisation: O\nyear: 2024\ndate: 2025-03-01\nchapters: [k.yaml]\n").expect("r");
        std::fs::write(dir.path().join("k.yaml"), chapter).expect("k");
        let checked = check(dir.path(), &CheckOptions::default());
        // Beyond the deepest heading level, the report is refused with a located limit.
        if depth > 5 {
            prop_assert!(checked.fatal);
            prop_assert!(checked.diagnostics.iter().any(|d| d.code.code() == "AR007" && d.span.is_some()));
        }
    }
}

/// A map with many keys and a list with many items are read in one pass (this finishes
/// quickly only if duplicate-key detection and unknown-key reporting are linear).
#[test]
fn wide_maps_and_long_lists_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut facts = String::new();
    for i in 0..50_000 {
        facts.push_str(&format!("  fakta_{i}: \"{i}\"\n"));
    }
    std::fs::write(
        dir.path().join("report.yaml"),
        format!("title: T\ndistrict: D\norganisation: O\nyear: 2024\ndate: 2025-03-01\nchapters: [k.yaml]\nfacts:\n{facts}"),
    )
    .expect("r");
    let mut chapter = String::from("title: K\nblocks:\n");
    for i in 0..50_000 {
        chapter.push_str(&format!("  - p: Avsnitt {i}\n"));
    }
    std::fs::write(dir.path().join("k.yaml"), chapter).expect("k");
    let checked = check(dir.path(), &CheckOptions::default());
    assert!(!checked.failed, "{:?}", checked.diagnostics.first());
    let report = checked.report.expect("report");
    assert_eq!(report.facts.len(), 50_000);
    assert_eq!(report.chapters[0].blocks.len(), 50_000);
}
