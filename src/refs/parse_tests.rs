use super::*;

fn ok(text: &str) -> Expr {
    parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn err(text: &str) -> Error {
    parse(text).expect_err(text)
}

fn ident(name: &str, span: Span) -> Ident {
    Ident { name: name.into(), span }
}

#[test]
fn a_fact_with_filters() {
    let e = ok(" fakta.saker_2024 | tall(tusenskille=false) | kr ");
    assert_eq!(e.span, 1..48);
    let Term::Path(path) = &e.term else { panic!("{e:?}") };
    assert_eq!(path.root, ident("fakta", 1..6));
    assert_eq!(path.parts, vec![Part::Field(ident("saker_2024", 7..17))]);
    assert_eq!(path.span, 1..17);
    assert_eq!(e.filters.len(), 2);
    assert_eq!(e.filters[0].name, ident("tall", 20..24));
    assert_eq!(e.filters[0].args[0].name, ident("tusenskille", 25..36));
    assert_eq!(e.filters[0].args[0].value.term, Term::Bool { value: false, span: 37..42 });
    assert_eq!(e.filters[1].name, ident("kr", 46..48));
    assert!(e.filters[1].args.is_empty());
}

#[test]
fn facts_in_brackets() {
    for (text, index) in [
        (r#"fakta["a-b"]"#, Term::Text { text: "a-b".into(), span: 6..11 }),
        ("fakta['a-b']", Term::Text { text: "a-b".into(), span: 6..11 }),
        ("fakta[`a-b`]", Term::Text { text: "a-b".into(), span: 6..11 }),
        ("fakta[0]", Term::Number { value: Decimal::ZERO, span: 6..7 }),
    ] {
        let Term::Path(path) = ok(text).term else { panic!("{text}") };
        assert_eq!(path.parts, vec![Part::Index(index)], "{text}");
        assert_eq!(path.span, 0..text.len(), "{text}");
    }
    let Term::Path(path) = ok("fakta.2024_saker").term else { panic!() };
    assert_eq!(path.parts, vec![Part::Field(ident("2024_saker", 6..16))]);
}

#[test]
fn calls_with_named_arguments_nested_and_lists() {
    let text = r#"endring(fra=tabell(id="t", rad='r', kolonne="a - b"), til=sum(tabell="t", kolonne="a", rader=["1", "2",]),)"#;
    let e = ok(text);
    let Term::Call(call) = &e.term else { panic!() };
    assert_eq!(call.name, ident("endring", 0..7));
    assert_eq!(call.span, 0..text.len());
    let names: Vec<&str> = call.args.iter().map(|a| a.name.name.as_str()).collect();
    assert_eq!(names, ["fra", "til"]);
    let Term::Call(inner) = &call.args[0].value.term else { panic!() };
    assert_eq!(inner.name.name, "tabell");
    assert_eq!(inner.args[2].value.term, Term::Text { text: "a - b".into(), span: 44..51 });
    let Term::Call(sum) = &call.args[1].value.term else { panic!() };
    let Term::List { items, span } = &sum.args[2].value.term else { panic!() };
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].span, 99..102);
    assert_eq!(&text[span.clone()], r#"["1", "2",]"#);
    let e = ok("tabell()");
    assert!(matches!(e.term, Term::Call(Call { ref args, .. }) if args.is_empty()));
    assert!(matches!(ok("[]").term, Term::List { ref items, .. } if items.is_empty()));
}

#[test]
fn literals_keep_their_decimals() {
    let number = |text: &str| match ok(text).term {
        Term::Number { value, span } => (value.to_string(), span),
        other => panic!("{other:?}"),
    };
    assert_eq!(number("12"), ("12".into(), 0..2));
    assert_eq!(number("1.50"), ("1.50".into(), 0..4));
    assert_eq!(number(" -1 "), ("-1".into(), 1..3));
    assert_eq!(number("79228162514264337593543950335").0, "79228162514264337593543950335");
    assert!(matches!(ok("True").term, Term::Bool { value: true, .. }));
    assert!(matches!(ok("false").term, Term::Bool { value: false, .. }));
    assert!(matches!(ok("'x'").term, Term::Text { ref text, .. } if text == "x"));
    let Term::Group { inner, span } = ok("(fakta.x | abs) | kr").term else { panic!() };
    assert_eq!(span, 0..15);
    assert_eq!(inner.filters.len(), 1);
}

fn kind(text: &str) -> (ErrorKind, Option<Span>) {
    let e = err(text);
    (e.kind, e.span)
}

fn unexpected(expected: Expected, at_end: bool) -> ErrorKind {
    ErrorKind::Unexpected { expected, at_end }
}

#[test]
fn errors_say_what_was_expected_and_where() {
    use Expected as E;
    assert_eq!(kind(" fakta.x |"), (unexpected(E::FilterName, true), Some(10..12)));
    assert_eq!(kind("fakta.x | 5"), (unexpected(E::FilterName, false), Some(10..11)));
    assert_eq!(kind("fakta.x fakta.y"), (unexpected(E::FilterOrEnd, false), Some(8..13)));
    assert_eq!(kind("tabell(id=)"), (unexpected(E::Value, false), Some(10..11)));
    assert_eq!(kind(r#"tabell(id="x""#), (unexpected(E::CommaOrClose(')'), true), Some(13..15)));
    assert_eq!(kind("tabell("), (unexpected(E::ArgumentName, true), Some(7..9)));
    assert_eq!(kind("tabell(,)"), (unexpected(E::ArgumentName, false), Some(7..8)));
    assert_eq!(kind("(fakta.x"), (unexpected(E::Close(')'), true), Some(8..10)));
    assert_eq!(kind("fakta.x)"), (unexpected(E::FilterOrEnd, false), Some(7..8)));
    assert_eq!(kind("fakta["), (unexpected(E::Index, true), Some(6..8)));
    assert_eq!(kind(r#"fakta["x""#), (unexpected(E::Close(']'), true), Some(9..11)));
    assert_eq!(kind("fakta."), (unexpected(E::FieldName, true), Some(6..8)));
    assert_eq!(kind("[1 2]"), (unexpected(E::CommaOrClose(']'), false), Some(3..4)));
    assert_eq!(kind(","), (unexpected(E::Value, false), Some(0..1)));
}

#[test]
fn reading_errors() {
    assert_eq!(err("   ").kind, ErrorKind::Empty);
    assert_eq!(err("").span, None);
    assert_eq!(err("- fakta.x").kind, ErrorKind::WhitespaceControl);
    assert_eq!(err(" fakta.x -").kind, ErrorKind::WhitespaceControl);
    assert_eq!(kind(r#" "abc "#), (ErrorKind::UnclosedText { quote: '"' }, Some(1..2)));
    assert_eq!(kind("fakta.søknader"), (ErrorKind::NonAsciiField, Some(6..15)));
    assert_eq!(
        kind("1234567890123456789012345678901234"),
        (ErrorKind::BadNumber { too_large: true }, Some(0..34))
    );
    assert_eq!(
        kind("0.00000000000000000000000000000001"),
        (ErrorKind::BadNumber { too_large: false }, Some(0..34))
    );
}

#[test]
fn arguments_are_named_and_given_once() {
    let positional = |f: &str| ErrorKind::Positional { function: f.into() };
    assert_eq!(kind(r#"sum("t", kolonne="a")"#), (positional("sum"), Some(4..7)));
    assert_eq!(kind(r#"tabell(id="t", "r")"#), (positional("tabell"), Some(15..18)));
    assert_eq!(kind("tabell(fakta.x)"), (positional("tabell"), Some(7..12)));
    assert_eq!(kind("fakta.x | tall(2)"), (positional("tall"), Some(15..16)));
    assert_eq!(
        kind(r#"tabell(id="a", rad="b", id="c")"#),
        (
            ErrorKind::DuplicateArgument {
                owner: "tabell".into(),
                argument: "id".into(),
                first: 7..9
            },
            Some(24..26)
        )
    );
}

#[test]
fn operators_are_named_not_computed() {
    use Unsupported as U;
    for (text, what, at) in [
        ("fakta.x - 1", U::Arithmetic('-'), 8..9),
        ("fakta.x-1", U::Arithmetic('-'), 7..8),
        ("fakta.x + fakta.y", U::Arithmetic('+'), 8..9),
        ("fakta.x | kr * 2", U::Arithmetic('*'), 13..14),
        ("fakta.x / 2", U::Arithmetic('/'), 8..9),
        ("fakta.x % 2", U::Arithmetic('%'), 8..9),
        ("- 1", U::Arithmetic('-'), 0..1),
        ("fakta.x == 2", U::Comparison, 8..10),
        ("fakta.x and true", U::Comparison, 8..11),
        ("fakta.x in [1]", U::Comparison, 8..10),
        ("not fakta.x", U::Not, 0..3),
        ("fakta.x is defined", U::Test, 8..10),
        (r#""a" ~ "b""#, U::Concat, 4..5),
        ("m::x()", U::Macro, 1..3),
    ] {
        let text = format!(" {text} ");
        let at = at.start + 1..at.end + 1;
        assert_eq!(kind(&text), (ErrorKind::Unsupported(what), Some(at)), "{text}");
    }
}

#[test]
fn nesting_is_limited_not_a_stack_overflow() {
    let n = MAX_DEPTH - 1;
    assert!(parse(&format!("{}1{}", "(".repeat(n), ")".repeat(n))).is_ok());
    let calls = format!("{}1{}", "endring(fra=1, til=".repeat(n - 1), ")".repeat(n - 1));
    assert!(parse(&calls).is_ok());
    for text in [
        format!("{}1{}", "(".repeat(n + 1), ")".repeat(n + 1)),
        format!("{}1", "(".repeat(200_000)),
        "[".repeat(200_000),
        "endring(fra=".repeat(100_000),
        "fakta.x | tall(desimaler=".repeat(100_000),
    ] {
        assert_eq!(err(&text).kind, ErrorKind::TooDeep, "{}", &text[..20]);
    }
}

#[test]
fn long_flat_expressions_are_read_in_one_pass() {
    let filters = format!("fakta.x{}", " | abs".repeat(200_000));
    assert_eq!(ok(&filters).filters.len(), 200_000);
    let list = format!("[{}]", "\"a\", ".repeat(200_000));
    assert!(matches!(ok(&list).term, Term::List { ref items, .. } if items.len() == 200_000));
    let fields = format!("fakta{}", ".x".repeat(200_000));
    assert!(matches!(ok(&fields).term, Term::Path(ref p) if p.parts.len() == 200_000));
    let args = format!("tabell({})", "a=1, ".repeat(1000));
    assert!(matches!(err(&args).kind, ErrorKind::DuplicateArgument { .. }));
    let many: String = (0..200_000).map(|i| format!("a{i}=1, ")).collect();
    let Term::Call(call) = ok(&format!("tabell({many})")).term else { panic!() };
    assert_eq!(call.args.len(), 200_000);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]

    /// Any text, and any mix of the language's pieces, reads or fails with a place inside
    /// the text (or the closing braces), never a panic.
    #[test]
    fn random_input_never_panics(
        text in proptest::string::string_regex(r#"[ a-zæ_0-9.,()\[\]|="'`+\-*/%~<>!:{}@ø−]{0,60}"#)
            .expect("regex"),
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "fakta", ".", "x", "[", "]", "(", ")", "tabell", "id", "=", "\"a\"", ",", "|",
                "kr", "tall", "-", "1", "1.5", "true", " ", "'", "`", "endring", "+", "~", "not",
            ]),
            0..40,
        ),
    ) {
        for t in [text, pieces.concat()] {
            if let Err(Error { span: Some(span), .. }) = parse(&t) {
                proptest::prop_assert!(span.start <= span.end && span.end <= t.len() + 2, "{t:?}: {span:?}");
                proptest::prop_assert!(t.is_char_boundary(span.start.min(t.len())), "{t:?}");
            }
        }
    }
}
