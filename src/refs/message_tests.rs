use super::*;
use crate::validate::arith::ArithError;

/// One error of every kind.
fn every_kind() -> Vec<ErrorKind> {
    use ErrorKind as K;
    let s = String::from;
    let fig = || s("1\u{a0}657");
    vec![
        K::Empty,
        K::WhitespaceControl,
        K::UnexpectedCharacter { character: '@' },
        K::UnclosedText { quote: '"' },
        K::BadNumber { too_large: true },
        K::BadNumber { too_large: false },
        K::Unexpected { expected: Expected::Value, at_end: true },
        K::Unexpected { expected: Expected::FilterOrEnd, at_end: false },
        K::Positional { function: s("sum") },
        K::DuplicateArgument { owner: s("tabell"), argument: s("id"), first: 0..2 },
        K::NonAsciiField,
        K::Unsupported(Unsupported::Arithmetic('+')),
        K::Unsupported(Unsupported::Comparison),
        K::Unsupported(Unsupported::Not),
        K::Unsupported(Unsupported::Test),
        K::Unsupported(Unsupported::Concat),
        K::Unsupported(Unsupported::Macro),
        K::TooDeep,
        K::UnknownName { name: s("tabell"), fact: None, near_fakta: false, function: true },
        K::FactNotNamed,
        K::FactParts { written: s("fakta.x.y") },
        K::FactNameNotQuoted { name: s("x") },
        K::UnknownFact { name: s("x"), suggestion: None, declared: vec![] },
        K::UnknownFunction { name: s("tabel"), suggestion: Some("tabell") },
        K::UnknownFilter { name: s("kroner"), suggestion: Some("kr") },
        K::UnknownArgument {
            owner: s("kr"),
            filter: true,
            argument: s("desimaler"),
            suggestion: None,
            known: &[],
        },
        K::MissingArgument { function: "endring", argument: "til", required: &["fra", "til"] },
        K::NotText { owner: "tabell", argument: "id", got: Got::Figure },
        K::NotFigure { owner: "endring", argument: "fra", got: Got::Bool(true) },
        K::NotRowList { got: Got::Text(s("100")) },
        K::NotRowLabel { got: Got::Number },
        K::BadDecimals { filter: "tall" },
        K::BadThousands,
        K::FilterInput { filter: "kr", got: Got::List },
        K::Filter { filter: "kr", problem: FilterError::Percentage { figure: fig() } },
        K::Filter { filter: "mill", problem: FilterError::NoUnit { figure: fig() } },
        K::Filter {
            filter: "mill",
            problem: FilterError::NotKroner { figure: fig(), unit: s("personer") },
        },
        K::Filter { filter: "mill", problem: FilterError::TooLarge { figure: fig() } },
        K::Filter { filter: "forbruk", problem: FilterError::ZeroAvvik { figure: s("0") } },
        K::UnknownTable { id: s("x"), suggestion: Some(s("y")) },
        K::UnknownRow { table: s("t"), row: s("r"), suggestion: None },
        K::AmbiguousRow { table: s("t"), row: s("r"), count: 2, matches: s("rows 1 and 2") },
        K::UnknownColumn { table: s("t"), column: s("c"), suggestion: None, keys: vec![] },
        K::ColumnHeading { table: s("t"), heading: s("Regnskap 2024"), key: s("regnskap") },
        K::BadFormula { formula: s("a -"), reason: s("the formula ends too early"), limit: false },
        K::Cell { table: s("t"), row: s("r"), column: s("c"), problem: CellProblem::Malformed },
        K::Cell { table: s("t"), row: s("r"), column: s("c"), problem: CellProblem::Empty },
        K::Cell { table: s("t"), row: s("r"), column: s("c"), problem: CellProblem::NotAvailable },
        K::Cell { table: s("t"), row: s("r"), column: s("c"), problem: CellProblem::Text(s("x")) },
        K::FormulaArithmetic {
            table: s("t"),
            row: s("r"),
            problem: EvalError::Arith(ArithError::DivisionByZero),
        },
        K::FormulaArithmetic { table: s("t"), row: s("r"), problem: EvalError::Missing(s("a")) },
        K::SumArithmetic(ArithError::Overflow),
        K::ChangeArithmetic(ArithError::Overflow),
        K::Result { got: Got::Bool(false) },
        K::EmptyResult,
    ]
}

#[test]
fn every_kind_has_its_own_message() {
    let at = |_: Option<Span>| SourceSpan::new(0, 0..1);
    let mut seen = std::collections::BTreeSet::new();
    for kind in every_kind() {
        let d = diagnostic(&Error::new(kind.clone(), 0..1), "x", &at);
        assert_ne!(d.message, "the expression cannot be evaluated", "{kind:?}");
        assert!(d.label.as_ref().is_some_and(|l| !l.is_empty()), "{kind:?}");
        assert!(seen.insert(d.message.clone()), "{kind:?}: {}", d.message);
    }
}

#[test]
fn a_function_or_filter_in_the_wrong_place_is_named() {
    let at = |_: Option<Span>| SourceSpan::new(0, 0..1);
    let hints = |kind: ErrorKind| diagnostic(&Error::whole(kind), "", &at).hints;
    let name = |n: &str| ErrorKind::UnknownName {
        name: n.into(),
        fact: None,
        near_fakta: false,
        function: false,
    };
    assert_eq!(
        hints(name("kr")),
        ["`kr` is a filter: write it after a value, as in `{{ fakta.navn | kr }}`"]
    );
    let filter = ErrorKind::UnknownFilter { name: "endring".into(), suggestion: None };
    assert_eq!(
        hints(filter),
        ["`endring` is a function: write endring(fra=…, til=…) as the value, before the filters"]
    );
}

#[test]
fn codes_follow_the_kind() {
    let at = |_: Option<Span>| SourceSpan::new(0, 0..1);
    let code = |kind: ErrorKind| diagnostic(&Error::whole(kind), "", &at).code;
    assert_eq!(code(ErrorKind::TooDeep), Code::Limit);
    assert_eq!(code(ErrorKind::SumArithmetic(ArithError::Overflow)), Code::Arithmetic);
    let heading =
        ErrorKind::ColumnHeading { table: "t".into(), heading: "H".into(), key: "h".into() };
    assert_eq!(code(heading), Code::UnknownReference);
    assert_eq!(code(ErrorKind::Empty), Code::Expression);
}

#[test]
fn a_duplicate_argument_points_at_both() {
    let kind =
        ErrorKind::DuplicateArgument { owner: "t".into(), argument: "id".into(), first: 2..4 };
    let at = |s: Option<Span>| SourceSpan::new(0, s.unwrap_or(0..1));
    let d = diagnostic(&Error::new(kind, 10..12), "", &at);
    assert_eq!(d.span, Some(SourceSpan::new(0, 10..12)));
    assert_eq!(d.related, vec![(SourceSpan::new(0, 2..4), "first given here".to_string())]);
}

#[test]
fn every_kind_has_its_own_message_in_norwegian() {
    use crate::i18n::{Lang, with_lang};
    let at = |_: Option<Span>| SourceSpan::new(0, 0..1);
    with_lang(Lang::Nb, || {
        let mut seen = std::collections::BTreeSet::new();
        for kind in every_kind() {
            let d = diagnostic(&Error::new(kind.clone(), 0..1), "x", &at);
            assert_ne!(d.message, "uttrykket kan ikke regnes ut", "{kind:?}");
            assert!(d.label.as_ref().is_some_and(|l| !l.is_empty()), "{kind:?}");
            assert!(seen.insert(d.message.clone()), "{kind:?}: {}", d.message);
        }
    });
}

#[test]
fn a_column_heading_names_the_column_in_norwegian() {
    use crate::i18n::{Lang, with_lang};
    let at = |_: Option<Span>| SourceSpan::new(0, 0..1);
    let kind = ErrorKind::ColumnHeading {
        table: "netto-fo1".into(),
        heading: "Regnskap 2024".into(),
        key: "regnskap".into(),
    };
    let d = with_lang(Lang::Nb, || diagnostic(&Error::whole(kind), "", &at));
    assert_eq!(
        d.message,
        "«Regnskap 2024» er overskriften på kolonnen `regnskap` i tabellen `netto-fo1`, ikke kolonnenavnet"
    );
    assert_eq!(d.hints, ["skriv kolonne=\"regnskap\""]);
}
