//! Resolving figures in text: the `{{ … }}` expressions of inline text.
//!
//! Takes the validated [`Report`] — whose inline text holds a placeholder for every expression
//! (see [`crate::load::inline`]) — and what `load` recorded: the expressions, the texts they
//! were written in and where the facts are declared. Reads every expression once with its own
//! small parser (`lex.rs`, `parse.rs`), checks its names (`names.rs`), evaluates it over exact
//! decimals against the report's tables and facts (`eval.rs`, `table.rs`), and replaces each
//! placeholder with the
//! formatted figure: plain text inside [`Inline::Text`], the same for the PDF and the HTML
//! (renderers escape it like any other text). Hands on the report, changed in place, and
//! diagnostics with file, line and column:
//!
//! - AR401 `unknown-reference`: an expression names a table, row, column or fact that does not
//!   exist (with a "did you mean" hint);
//! - AR402 `expression`: an expression cannot be read or evaluated;
//! - AR107 `arithmetic`: a calculation (a sum, a change, a formula in `kolonne=`) has no exact
//!   result: beyond 28 significant digits, or a division by zero;
//! - AR308 `ambiguous-row`: `rad=` or an entry of `rader=` names more than one row;
//! - AR007 `limit`: an expression nested more than 64 levels deep;
//! - AR403 `literal-figure` (warning): the text writes out a declared fact's figure instead of
//!   referring to it (`literal.rs`).
//!
//! Every failure is a typed [`error::Error`] with its place in the expression; `error.rs` turns
//! it into the message. An expression that fails never becomes empty text: its placeholder is replaced by a visible
//! `[feil: …]` marker, which only a `--draft` build shows, since `check` fails.
//!
//! The language is documented in docs/format.md, "Figures in text".

mod error;
mod eval;
mod figure;
mod lex;
mod literal;
mod message;
mod names;
mod parse;
mod table;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diag::{Code, Diagnostic};
use crate::load::Loaded;
use crate::load::inline::{PLACEHOLDER_END, PLACEHOLDER_START};
use crate::model::{Block, Inline, ListItem, Report, Section};
use crate::tr;

use eval::Evaluator;
pub use names::{FILTERS, FUNCTIONS};

/// Resolves every expression of the report's text; returns the findings.
///
/// `loaded` is what [`crate::load::load`] gave (its report taken out and validated).
pub fn resolve(report: &mut Report, loaded: &Loaded) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut values = Vec::with_capacity(loaded.references.len());
    if !loaded.references.is_empty() {
        let evaluator = Evaluator::new(report, &loaded.specs);
        for reference in &loaded.references {
            match evaluator.evaluate(&reference.expr) {
                Ok(text) => values.push(text),
                Err(error) => {
                    let d = diagnostic(loaded, reference, &error);
                    values.push(tr!(refs_feil, message = d.message));
                    diagnostics.push(d);
                }
            }
        }
    }
    each_text(report, &mut |text| replace_placeholders(text, &values));
    diagnostics.extend(literal_figures(report, loaded));
    diagnostics
}

/// The finding for an expression that failed, at its place in the source.
fn diagnostic(
    loaded: &Loaded,
    reference: &crate::load::Reference,
    error: &error::Error,
) -> Diagnostic {
    let source = &loaded.texts[reference.text];
    let inner = reference.range.start + 2;
    let locate = |span: Option<Range<usize>>| {
        let range = match span {
            Some(r) => {
                let end = reference.range.end;
                (inner + r.start).min(end)..(inner + r.end).min(end)
            }
            None => reference.range.clone(),
        };
        source.span_of(&loaded.sources, range)
    };
    message::diagnostic(error, &reference.expr, &locate)
}

/// Replaces the placeholders in `text` with the resolved values.
fn replace_placeholders(text: &mut String, values: &[String]) {
    if !text.contains(PLACEHOLDER_START) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find(PLACEHOLDER_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + PLACEHOLDER_START.len_utf8()..];
        let Some(end) = after.find(PLACEHOLDER_END) else {
            rest = after;
            continue;
        };
        let value = after[..end].parse::<usize>().ok().and_then(|i| values.get(i));
        out.push_str(value.map_or("[feil: uttrykket mangler]", String::as_str));
        rest = &after[end + PLACEHOLDER_END.len_utf8()..];
    }
    out.push_str(rest);
    *text = out;
}

/// AR403 for every text that writes out a fact's figure.
fn literal_figures(report: &Report, loaded: &Loaded) -> Vec<Diagnostic> {
    let mut by_figure: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (name, fact) in &report.facts {
        let figure = literal::normalized(fact);
        if literal::worth_looking_for(&figure) {
            by_figure.entry(figure).or_default().push(name);
        }
    }
    if by_figure.is_empty() {
        return Vec::new();
    }
    let mut skip: Vec<Vec<Range<usize>>> = vec![Vec::new(); loaded.texts.len()];
    for r in &loaded.references {
        skip[r.text].push(r.range.clone());
    }
    let mut out = Vec::new();
    for (source, skip) in loaded.texts.iter().zip(&skip) {
        for (range, figure) in literal::figures(&source.text, skip) {
            let Some(names) = by_figure.get(&figure) else { continue };
            let name = names[0];
            let printed = crate::format::number(&report.facts[name].value);
            let mut d = Diagnostic::warning(
                Code::LiteralFigure,
                tr!(refs_the_text_writes_out_printed, printed = printed, name = name),
            )
            .at(source.span_of(&loaded.sources, range))
            .with_label(tr!(refs_the_fact_s_figure_written))
            .with_hint(tr!(
                refs_write_instead_so_the_figure,
                reference = names::fact_reference(name)
            ));
            if names.len() > 1 {
                d = d.with_note(tr!(refs_the_facts_have_this_figure, names = names.join("», «")));
            }
            d = d.with_note(tr!(refs_if_this_is_another_quantity));
            if let Some(span) = loaded.fact_spans.get(name) {
                d.related.push((span.clone(), tr!(refs_the_fact_is_declared_here)));
            }
            out.push(d);
        }
    }
    out
}

/// Calls `f` on the text of every [`Inline::Text`] of the report.
fn each_text(report: &mut Report, f: &mut dyn FnMut(&mut String)) {
    for chapter in &mut report.chapters {
        blocks(&mut chapter.blocks, f);
        sections(&mut chapter.sections, f);
    }
    for table in &mut report.tables {
        for footnote in &mut table.footnotes {
            inlines(footnote, f);
        }
    }
}

fn sections(list: &mut [Section], f: &mut dyn FnMut(&mut String)) {
    for s in list {
        blocks(&mut s.blocks, f);
        sections(&mut s.sections, f);
    }
}

fn blocks(list: &mut [Block], f: &mut dyn FnMut(&mut String)) {
    for b in list {
        match b {
            Block::Paragraph { content } | Block::Heading { content } => inlines(content, f),
            Block::List { items, .. } => list_items(items, f),
            Block::Note { paragraphs, .. } => {
                for p in paragraphs {
                    inlines(p, f);
                }
            }
            Block::Goals(goals) => {
                for g in &mut goals.goals {
                    inlines(&mut g.goal, f);
                    for m in &mut g.measures {
                        inlines(&mut m.measure, f);
                        inlines(&mut m.comment, f);
                    }
                }
            }
            Block::Checklist(list) => {
                for item in &mut list.items {
                    inlines(&mut item.question, f);
                    inlines(&mut item.comment, f);
                }
            }
            Block::Figure(figure) => {
                if let Some(caption) = &mut figure.caption {
                    inlines(caption, f);
                }
            }
            Block::Table { .. } | Block::Chart { .. } => {}
        }
    }
}

fn list_items(items: &mut [ListItem], f: &mut dyn FnMut(&mut String)) {
    for item in items {
        inlines(&mut item.content, f);
        list_items(&mut item.children, f);
    }
}

fn inlines(list: &mut [Inline], f: &mut dyn FnMut(&mut String)) {
    for i in list {
        match i {
            Inline::Text { text } => f(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. }
            | Inline::Footnote { content } => inlines(content, f),
            Inline::LineBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::load::inline::plain_text;
    use crate::pipeline::{CheckOptions, Checked, check};

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
    }

    /// Every paragraph, note paragraph and footnote of the report as plain text, in order.
    fn texts(report: &Report) -> Vec<String> {
        let mut out = Vec::new();
        let mut report = report.clone();
        each_text(&mut report, &mut |t| out.push(t.clone()));
        out
    }

    /// Checks a copy of the `valid/clean` fixture with `facts` added to report.yaml and
    /// `blocks` (YAML) before the chapter's sections.
    fn check_with(facts: &str, blocks: &str) -> (tempfile::TempDir, Checked) {
        let dir = tempfile::tempdir().expect("tempdir");
        let clean = fixture("valid/clean");
        for sub in ["kapitler", "tabeller"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        }
        for file in ["tabeller/fo1.csv", "tabeller/oversikt.csv"] {
            std::fs::copy(clean.join(file), dir.path().join(file)).expect("copy");
        }
        let report = std::fs::read_to_string(clean.join("report.yaml")).expect("report.yaml");
        std::fs::write(dir.path().join("report.yaml"), format!("{report}facts:\n{facts}"))
            .expect("write");
        let chapter = std::fs::read_to_string(clean.join("kapitler/01.yaml")).expect("chapter");
        let chapter = chapter.replacen("sections:\n", &format!("blocks:\n{blocks}sections:\n"), 1);
        std::fs::write(dir.path().join("kapitler/01.yaml"), chapter).expect("write");
        let checked = check(dir.path(), &CheckOptions::default());
        (dir, checked)
    }

    fn first_paragraph(checked: &Checked) -> String {
        let report = checked.report.as_ref().expect("report");
        match &report.chapters[0].blocks[0] {
            Block::Paragraph { content } => plain_text(content),
            other => panic!("not a paragraph: {other:?}"),
        }
    }

    const FACTS: &str = "  andel-barnehage-1-5: \"89,4 %\"\n  saker: 1657\n  merforbruk:\n    value: 8 110 000\n    unit: kr\n";

    #[test]
    fn the_refs_fixture_resolves_word_for_word() {
        let checked = check(&fixture("valid/refs"), &CheckOptions::default());
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        let report = checked.report.as_ref().expect("report");
        let all = texts(report).join("\n");
        for expected in [
            "Andelen barn i barnehage var 89,4\u{a0}%, og det var 1657 saker.",
            "merforbruk på 8\u{a0}110\u{a0}000 kroner, det vil si 8,1\u{a0}mill. kroner.",
            "Funksjonsområde 2A fikk et mindreforbruk på 200 (1000 kr), eller 0,2\u{a0}mill. kroner.",
            "Endringen fra 2023 var +550.",
            "Summen av funksjonsområdene: 13\u{a0}550; FO1 og FO2A: 250.",
            "Regnskap 2024 for 100 Politisk styring: 1\u{a0}150.",
        ] {
            assert!(all.contains(expected), "missing «{expected}» in:\n{all}");
        }
        assert!(!all.contains(PLACEHOLDER_START), "a placeholder leaked:\n{all}");
    }

    #[test]
    fn facts_by_name_alias_and_brackets() {
        let (_d, checked) = check_with(
            FACTS,
            "  - p: \"{{ fakta.andel_barnehage_1_5 }} / {{ fakta['andel-barnehage-1-5'] | tall }} / {{ fakta.saker }} / {{ fakta.merforbruk | kr }}\"\n",
        );
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        assert_eq!(
            first_paragraph(&checked),
            "89,4\u{a0}% / 89,4 / 1\u{a0}657 / 8\u{a0}110\u{a0}000"
        );
    }

    #[test]
    fn changes_from_last_year_are_exact() {
        let (_d, checked) = check_with(
            FACTS,
            "  - p: '{{ tabell(id=\"netto-fo1\", rad=\"100\", kolonne=\"regnskap - regnskap_fjor\") | fortegn }} og {{ endring(fra=tabell(id=\"netto-fo1\", rad=\"120\", kolonne=\"regnskap\"), til=tabell(id=\"netto-fo1\", rad=\"100\", kolonne=\"regnskap\")) }} og {{ tabell(id=\"netto-fo1\", rad=\"120\", kolonne=\"avvik\") }}'\n",
        );
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        assert_eq!(first_paragraph(&checked), "+150 og \u{2212}850 og 0");
    }

    #[test]
    fn results_are_plain_text_that_renderers_escape() {
        let (_d, checked) = check_with(
            FACTS,
            "  - p: '{{ tabell(id=\"netto-fo1\", rad=\"100\", kolonne=\"funksjon\") }}'\n",
        );
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        let report = checked.report.as_ref().expect("report");
        let Block::Paragraph { content } = &report.chapters[0].blocks[0] else { panic!() };
        assert_eq!(content, &vec![Inline::Text { text: "100 Politisk styring".into() }]);
    }

    fn only_diagnostic(checked: &Checked) -> &Diagnostic {
        assert_eq!(checked.diagnostics.len(), 1, "{:#?}", checked.diagnostics);
        &checked.diagnostics[0]
    }

    #[test]
    fn unknown_references_point_at_the_name_with_a_hint() {
        let (_d, checked) = check_with(
            FACTS,
            "  - p: Avvik {{ tabell(id=\"netto-oversikt\", rad=\"Funksjonsområde 2B\", kolonne=\"avvik\") }}.\n",
        );
        let d = only_diagnostic(&checked);
        assert_eq!(d.code, Code::UnknownReference);
        assert_eq!(d.message, "table `netto-oversikt` has no row «Funksjonsområde 2B»");
        assert_eq!(d.hints, vec!["did you mean «Funksjonsområde 2A»?".to_string()]);
        let span = d.span.as_ref().expect("span");
        assert_eq!(checked.sources.line_col(span), (3, 49));
        assert_eq!(
            &checked.sources.get(span.file).text[span.range.clone()],
            "\"Funksjonsområde 2B\""
        );
        assert!(first_paragraph(&checked).starts_with("Avvik [feil: table `netto-oversikt`"));
        assert!(checked.failed);
    }

    #[test]
    fn unknown_facts_tables_and_columns() {
        let cases = [
            ("{{ fakta.andel_barnehage }}", "there is no fact «andel_barnehage»"),
            (
                "{{ tabell(id=\"netto-oversigt\", rad=\"x\", kolonne=\"avvik\") }}",
                "there is no table with id «netto-oversigt»",
            ),
            (
                "{{ tabell(id=\"netto-fo1\", rad=\"100\", kolonne=\"avik\") }}",
                "table `netto-fo1` has no column `avik`",
            ),
            (
                "{{ tabell(id=\"netto-fo1\", rad=\"100\", kolonne=\"regnskap - fjor\") }}",
                "table `netto-fo1` has no column `fjor`",
            ),
            ("{{ saker }}", "there is no name `saker` in text"),
        ];
        for (expr, message) in cases {
            let (_d, checked) = check_with(FACTS, &format!("  - p: '{expr}'\n"));
            let d = only_diagnostic(&checked);
            assert_eq!((d.code, d.message.as_str()), (Code::UnknownReference, message), "{expr}");
        }
    }

    #[test]
    fn expressions_that_cannot_be_evaluated() {
        let cases = [
            ("{{ tabell(\"netto-fo1\") }}", "the arguments of a function are named"),
            (
                "{{ fakta.saker - 1 }}",
                "arithmetic with + - * / is not available in text (it would not be exact)",
            ),
            ("{{ fakta.saker | kroner }}", "there is no filter `kroner`"),
            ("{{ tabel(id=\"netto-fo1\") }}", "there is no function `tabel`"),
            ("{{ tabell(id=\"netto-fo1\", rad=\"100\") }}", "`tabell` needs `kolonne=`"),
            (
                "{{ fakta.andel_barnehage_1_5 | kr }}",
                "`kr` is for amounts, but 89,4\u{a0}% is a percentage",
            ),
            (
                "{{ tabell(id=\"netto-fo1\", rad=\"120\", kolonne=\"avvik\") | forbruk }}",
                "the avvik is 0: neither merforbruk nor mindreforbruk (write the sentence without `forbruk`)",
            ),
            ("{{ }}", "the braces are empty"),
            (
                "{{ fakta.saker | mill }}",
                "`mill` needs to know the unit of 1\u{a0}657: it has none (give the fact `unit: 1000 kr` or `unit: kr`)",
            ),
            ("{{ get_env(name=\"HOME\") }}", "there is no function `get_env`"),
            (
                "{{ fakta.saker | tall(desimaler=-1) }}",
                "`desimaler=` of `tall` must be a whole number from 0 to 10",
            ),
        ];
        for (expr, message) in cases {
            let (_d, checked) = check_with(FACTS, &format!("  - p: '{expr}'\n"));
            let d = only_diagnostic(&checked);
            assert_eq!((d.code, d.message.as_str()), (Code::Expression, message), "{expr}");
            assert!(first_paragraph(&checked).starts_with("[feil: "), "{expr}");
        }
    }

    #[test]
    fn a_row_named_by_the_start_of_two_labels_is_ambiguous() {
        for expr in [
            "{{ tabell(id=\"netto-oversikt\", rad=\"Funksjonsområde\", kolonne=\"avvik\") }}",
            "{{ sum(tabell=\"netto-oversikt\", kolonne=\"avvik\", rader=[\"Funksjonsområde\"]) }}",
        ] {
            let (_d, checked) = check_with(FACTS, &format!("  - p: '{expr}'\n"));
            let d = only_diagnostic(&checked);
            assert_eq!(
                (d.code, d.message.as_str()),
                (Code::AmbiguousRow, "«Funksjonsområde» names 2 rows of table `netto-oversikt`"),
                "{expr}"
            );
            assert_eq!(
                d.notes,
                ["rows 1 and 2 under the header match: «Funksjonsområde 1», «Funksjonsområde 2A»"]
            );
            assert_eq!(
                &checked.sources.get(d.span.as_ref().expect("span").file).text
                    [d.span.as_ref().expect("span").range.clone()],
                "\"Funksjonsområde\""
            );
        }
    }

    #[test]
    fn arithmetic_without_an_exact_result_is_an_error() {
        let facts = "  stor: 79 228 162 514 264 337 593 543 950 335\n  minus: -1\n";
        let cases = [
            (
                "{{ endring(fra=fakta.minus, til=fakta.stor) }}",
                "the change is too large to compute exactly",
            ),
            (
                "{{ tabell(id=\"netto-fo1\", rad=\"120\", kolonne=\"regnskap / avvik\") }}",
                "the formula divides by zero in row «120 Administrasjon» of table `netto-fo1`",
            ),
            ("{{ fakta.stor | mill }}", ""),
        ];
        for (expr, message) in cases {
            let facts = if expr.contains("mill") {
                "  stor:\n    value: 79 228 162 514 264 337 593 543 950 335\n    unit: kr\n"
            } else {
                facts
            };
            let (_d, checked) = check_with(facts, &format!("  - p: '{expr}'\n"));
            if message.is_empty() {
                assert!(checked.diagnostics.is_empty(), "{expr}: {:?}", checked.diagnostics);
                assert!(first_paragraph(&checked).ends_with("mill. kroner"), "{expr}");
                continue;
            }
            let d = only_diagnostic(&checked);
            assert_eq!((d.code, d.message.as_str()), (Code::Arithmetic, message), "{expr}");
            assert!(first_paragraph(&checked).starts_with("[feil: "), "{expr}");
        }
    }

    #[test]
    fn positional_arguments_get_the_named_form() {
        let (_d, checked) =
            check_with(FACTS, "  - p: '{{ sum(\"netto-fo1\", kolonne=\"regnskap\") }}'\n");
        let d = only_diagnostic(&checked);
        assert_eq!(d.hints, ["write sum(tabell=\"…\", kolonne=\"…\")"]);
        assert_eq!(checked.sources.line_col(d.span.as_ref().expect("span")), (3, 16));
    }

    #[test]
    fn an_unclosed_expression_is_an_error() {
        let (_d, checked) = check_with(FACTS, "  - p: Andelen var {{ fakta.saker.\n");
        let d = only_diagnostic(&checked);
        assert_eq!(d.code, Code::Expression);
        assert_eq!(checked.sources.line_col(d.span.as_ref().expect("span")), (3, 20));
    }

    #[test]
    fn a_fact_written_out_is_a_warning() {
        let (_d, checked) = check_with(
            FACTS,
            "  - p: >-\n      Andelen var 89,4% og det var\n      1657 saker, 15.12.2024, kr 1.657 og 11657.\n",
        );
        assert_eq!(checked.diagnostics.len(), 2, "{:#?}", checked.diagnostics);
        let places: Vec<(usize, usize)> = checked
            .diagnostics
            .iter()
            .map(|d| checked.sources.line_col(d.span.as_ref().expect("span")))
            .collect();
        assert_eq!(places, [(4, 19), (5, 7)]);
        let d = &checked.diagnostics[0];
        assert_eq!(d.code, Code::LiteralFigure);
        assert_eq!(d.severity, crate::diag::Severity::Warning);
        assert_eq!(
            d.hints,
            [
                "write `{{ fakta.andel_barnehage_1_5 }}` instead, so the figure is stated once, in report.yaml"
            ]
        );
        assert!(!checked.failed);
    }

    #[test]
    fn placeholders_cannot_be_injected() {
        let (_d, checked) =
            check_with(FACTS, "  - p: \"Tekst \\uE0000\\uE001 og {{ fakta.saker }}\"\n");
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        assert_eq!(first_paragraph(&checked), "Tekst 0 og 1\u{a0}657");
    }

    #[test]
    fn every_function_and_filter_is_documented() {
        let docs =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md"))
                .expect("docs/format.md");
        let section = docs.split("## Figures in text").nth(1).expect("the section");
        let section = section.split("\n## ").next().unwrap_or(section);
        for f in FUNCTIONS {
            let name = f.name;
            assert!(section.contains(&format!("`{name}(")), "function {name} is not documented");
            for a in f.args {
                assert!(section.contains(&format!("{a}=")), "argument {a}= is not documented");
            }
        }
        for f in FILTERS {
            let (name, args) = (f.name, f.args);
            assert!(
                (section.contains(&format!("`{name}`")) || section.contains(&format!("`{name}("))),
                "filter {name} is not documented"
            );
            for a in args {
                assert!(section.contains(&format!("{a}=")), "argument {a}= is not documented");
            }
        }
    }

    #[test]
    fn replacing_placeholders() {
        let mut text = format!(
            "a {} b {} c",
            crate::load::inline::placeholder(1),
            crate::load::inline::placeholder(0)
        );
        replace_placeholders(&mut text, &["null".into(), "en".into()]);
        assert_eq!(text, "a en b null c");
    }
}
