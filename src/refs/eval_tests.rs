use std::path::Path;

use super::*;
use crate::load::{Loaded, load};

/// The `valid/refs` fixture with a few more facts.
fn loaded() -> Loaded {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/refs");
    for sub in ["kapitler", "tabeller"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
    }
    for file in ["kapitler/01.yaml", "tabeller/fo1.csv", "tabeller/oversikt.csv"] {
        std::fs::copy(fixture.join(file), dir.path().join(file)).expect("copy");
    }
    let report = std::fs::read_to_string(fixture.join("report.yaml")).expect("report.yaml");
    let more = "  stor:\n    value: 79 228 162 514 264 337 593 543 950 335\n    unit: kr\n  minus: -41\n  tiendedel: \"0,1\"\n";
    std::fs::write(dir.path().join("report.yaml"), format!("{report}{more}")).expect("write");
    let loaded = load(dir.path());
    assert!(loaded.report.is_some(), "{:#?}", loaded.diagnostics);
    loaded
}

fn evaluate(loaded: &Loaded, text: &str) -> Result<String, Error> {
    let report = loaded.report.as_ref().expect("report");
    Evaluator::new(report, &loaded.specs).evaluate(text)
}

#[test]
fn every_construct_evaluates() {
    let l = loaded();
    for (text, expected) in [
        ("fakta.sosialhjelpssaker", "1\u{a0}657"),
        ("fakta['korrigert-merforbruk'] | mill", "8,1\u{a0}mill. kroner"),
        ("(fakta.minus) | abs", "41"),
        ("fakta.minus | kr | abs", "41"),
        ("'1 657' | fortegn", "+1\u{a0}657"),
        ("1.50", "1,5"),
        (" -1 ", "\u{2212}1"),
        ("'tekst'", "tekst"),
        (r#"tabell(id="netto-fo1", rad="100", kolonne="funksjon")"#, "100 Politisk styring"),
        (
            r#"tabell(kolonne="avvik", rad="Funksjonsområde 2A", id="netto-oversikt") | forbruk"#,
            "mindreforbruk",
        ),
        (r#"sum(tabell="netto-fo1", kolonne="avvik", rader=["100", '120',])"#, "50"),
        (r#"sum(tabell="netto-fo1", kolonne="regnskap - regnskap_fjor") | fortegn"#, "+150"),
        ("endring(fra=1, til=2.5)", "1,5"),
        ("endring(fra=fakta.minus | abs, til=endring(fra=fakta.minus, til=0))", "0"),
        ("fakta.sosialhjelpssaker | tall(desimaler=2, tusenskille=False)", "1657,00"),
    ] {
        assert_eq!(evaluate(&l, text).as_deref(), Ok(expected), "{text}");
    }
}

#[test]
fn arithmetic_is_exact() {
    let l = loaded();
    // 0,1 + 0,2 would not be 0,3 in floating point.
    let third = r#"tabell(id="netto-fo1", rad="100", kolonne="regnskap / 3") | tall(desimaler=10)"#;
    assert_eq!(evaluate(&l, third).as_deref(), Ok("383,3333333333"));
    assert_eq!(evaluate(&l, "endring(fra=fakta.tiendedel, til=0.3)").as_deref(), Ok("0,2"));
    let big = "endring(fra=1, til=fakta.stor) | tall";
    assert_eq!(
        evaluate(&l, big).as_deref(),
        Ok("79\u{a0}228\u{a0}162\u{a0}514\u{a0}264\u{a0}337\u{a0}593\u{a0}543\u{a0}950\u{a0}334")
    );
}

#[test]
fn overflow_and_division_by_zero_are_errors_at_their_place() {
    let l = loaded();
    let text = "endring(fra=fakta.minus, til=fakta.stor)";
    let e = evaluate(&l, text).expect_err("overflow");
    assert_eq!(e.kind, ErrorKind::ChangeArithmetic(arith::ArithError::Overflow));
    assert_eq!(e.span, Some(0..text.len()));
    let text = r#"tabell(id="netto-fo1", rad="120", kolonne="regnskap / avvik")"#;
    let e = evaluate(&l, text).expect_err("division by zero");
    assert!(matches!(e.kind, ErrorKind::FormulaArithmetic { .. }), "{e:?}");
    assert_eq!(&text[e.span.expect("span")], "\"regnskap / avvik\"");
}

#[test]
fn names_are_checked_before_anything_is_evaluated() {
    let l = loaded();
    // The table does not exist either, but the filter is reported: names come first.
    let e = evaluate(&l, r#"tabell(id="nei", rad="x", kolonne="y") | kroner"#).expect_err("filter");
    assert_eq!(e.kind, ErrorKind::UnknownFilter { name: "kroner".into(), suggestion: Some("kr") });
    let e = evaluate(&l, "sosialhjelpssaker").expect_err("name");
    assert!(
        matches!(e.kind, ErrorKind::UnknownName { fact: Some(ref f), .. } if f == "sosialhjelpssaker")
    );
    let e = evaluate(&l, "tabell").expect_err("function without brackets");
    assert!(matches!(e.kind, ErrorKind::UnknownName { function: true, .. }));
    let e = evaluate(&l, "fakta[sosialhjelpssaker]").expect_err("unquoted");
    assert_eq!(e.kind, ErrorKind::FactNameNotQuoted { name: "sosialhjelpssaker".into() });
    assert_eq!(e.span, Some(6..23));
}

#[test]
fn a_column_heading_is_recognised() {
    let l = loaded();
    let text = r#"tabell(id="netto-fo1", rad="100", kolonne="Regnskap 2024")"#;
    let e = evaluate(&l, text).expect_err("heading");
    assert_eq!(
        e.kind,
        ErrorKind::ColumnHeading {
            table: "netto-fo1".into(),
            heading: "Regnskap 2024".into(),
            key: "regnskap".into()
        }
    );
    assert_eq!(&text[e.span.expect("span")], "\"Regnskap 2024\"");
    // Words that are neither a key nor a heading are an unknown column, not a formula.
    let e = evaluate(&l, r#"tabell(id="netto-fo1", rad="100", kolonne="Regnskap i fjor")"#)
        .expect_err("words");
    assert!(
        matches!(e.kind, ErrorKind::UnknownColumn { ref column, .. } if column == "Regnskap i fjor")
    );
    // A formula that cannot be read still says so.
    let e = evaluate(&l, r#"tabell(id="netto-fo1", rad="100", kolonne="regnskap -")"#)
        .expect_err("formula");
    assert!(matches!(e.kind, ErrorKind::BadFormula { .. }), "{e:?}");
}

#[test]
fn an_unknown_key_in_a_formula_is_pointed_at() {
    let l = loaded();
    let text = r#"tabell(id="netto-fo1", rad="100", kolonne="regnskap - fjor")"#;
    let e = evaluate(&l, text).expect_err("unknown key");
    assert!(matches!(e.kind, ErrorKind::UnknownColumn { ref column, .. } if column == "fjor"));
    assert_eq!(&text[e.span.expect("span")], "fjor");
}

#[test]
fn values_of_the_wrong_kind() {
    let l = loaded();
    let cases: [(&str, ErrorKind, &str); 6] = [
        (
            r#"tabell(id=fakta.minus, rad="1", kolonne="a")"#,
            ErrorKind::NotText { owner: "tabell", argument: "id", got: Got::Figure },
            "fakta.minus",
        ),
        (
            "endring(fra='abc', til=1)",
            ErrorKind::NotFigure {
                owner: "endring",
                argument: "fra",
                got: Got::Text("abc".into()),
            },
            "'abc'",
        ),
        (
            r#"sum(tabell="netto-fo1", kolonne="avvik", rader="100")"#,
            ErrorKind::NotRowList { got: Got::Text("100".into()) },
            "\"100\"",
        ),
        (
            r#"sum(tabell="netto-fo1", kolonne="avvik", rader=["100", 1])"#,
            ErrorKind::NotRowLabel { got: Got::Number },
            "1",
        ),
        ("fakta.minus | tall(desimaler=1.0)", ErrorKind::BadDecimals { filter: "tall" }, "1.0"),
        ("true | kr", ErrorKind::FilterInput { filter: "kr", got: Got::Bool(true) }, "kr"),
    ];
    for (text, kind, place) in cases {
        let e = evaluate(&l, text).expect_err(text);
        assert_eq!(e.kind, kind, "{text}");
        assert_eq!(&text[e.span.expect("span")], place, "{text}");
    }
    assert_eq!(evaluate(&l, "[1]").expect_err("list").kind, ErrorKind::Result { got: Got::List });
    assert_eq!(evaluate(&l, "' '").expect_err("empty").kind, ErrorKind::EmptyResult);
}

#[test]
fn long_expressions_evaluate_in_one_pass() {
    let l = loaded();
    let filters = format!("fakta.minus{}", " | abs".repeat(100_000));
    assert_eq!(evaluate(&l, &filters).as_deref(), Ok("41"));
    let rows = format!(
        r#"sum(tabell="netto-fo1", kolonne="avvik", rader=[{}"100"])"#,
        "\"120\", ".repeat(100_000)
    );
    assert_eq!(evaluate(&l, &rows).as_deref(), Ok("50"));
    let nested = format!("{}1{}", "endring(fra=0, til=".repeat(60), ")".repeat(60));
    assert_eq!(evaluate(&l, &nested).as_deref(), Ok("1"));
}

/// Random mixes of the language's pieces, evaluated against a real report: every one gives a
/// text or an error with a place inside the expression (or its closing braces), never a panic.
#[test]
fn random_expressions_never_panic() {
    const PIECES: &[&str] = &[
        "fakta",
        ".",
        "minus",
        "stor",
        "sosialhjelpssaker",
        "[",
        "]",
        "(",
        ")",
        "tabell",
        "sum",
        "endring",
        "id",
        "rad",
        "kolonne",
        "rader",
        "tabell",
        "fra",
        "til",
        "=",
        "\"netto-fo1\"",
        "\"100\"",
        "\"120\"",
        "\"avvik\"",
        "\"regnskap / avvik\"",
        "'Regnskap 2024'",
        ",",
        " | ",
        "kr",
        "mill",
        "tall",
        "forbruk",
        "abs",
        "fortegn",
        "desimaler",
        "tusenskille",
        "-",
        "1",
        "0",
        "1.5",
        "true",
        " ",
        "'",
        "+",
        "~",
    ];
    let l = loaded();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut evaluated = 0;
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let text: String =
            (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        match evaluate(&l, &text) {
            Ok(out) => {
                assert!(!out.trim().is_empty(), "{text:?}");
                evaluated += 1;
            }
            Err(Error { span: Some(span), .. }) => {
                assert!(span.start <= span.end && span.end <= text.len() + 2, "{text:?}: {span:?}");
            }
            Err(_) => {}
        }
    }
    // The mixes are not all errors: some evaluate.
    assert!(evaluated > 0);
}
