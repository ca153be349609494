//! Why an expression `{{ … }}` cannot be read or evaluated: a typed [`Error`] — its kind, the
//! variable parts as separate values, the byte range in the expression. [`super::message`] turns
//! it into the user's message.

use crate::validate::arith::{ArithError, EvalError};

use super::figure::FilterError;
use super::lex::Span;

/// An error with its place in the expression's text (`None`: the whole `{{ … }}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub span: Option<Span>,
}

impl Error {
    pub fn new(kind: ErrorKind, span: Span) -> Error {
        Error { kind, span: Some(span) }
    }

    pub fn whole(kind: ErrorKind) -> Error {
        Error { kind, span: None }
    }
}

/// What the parser wanted where it found something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A value: a fact, a function call, a number, a text.
    Value,
    /// A filter's name after `|`.
    FilterName,
    /// A name after `fakta.`.
    FieldName,
    /// A text or a name in `[ ]`.
    Index,
    /// An argument's name.
    ArgumentName,
    /// `,` or the closing bracket.
    CommaOrClose(char),
    /// The closing bracket.
    Close(char),
    /// `|` or the end of the expression.
    FilterOrEnd,
}

/// Something the language deliberately does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    Arithmetic(char),
    Comparison,
    Not,
    Test,
    Concat,
    Macro,
}

/// What a value turned out to be, where something else was needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Got {
    Text(String),
    Number,
    Figure,
    Bool(bool),
    List,
}

/// Why a cell cannot be used as a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellProblem {
    Malformed,
    Empty,
    /// Written `?`: the figure is still awaited (AR601).
    Awaiting,
    NotAvailable,
    Text(String),
}

/// Every reason an expression fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    // Reading.
    Empty,
    WhitespaceControl,
    UnexpectedCharacter {
        character: char,
    },
    UnclosedText {
        quote: char,
    },
    BadNumber {
        too_large: bool,
    },
    /// `at_end`: the expression ends where `expected` should come.
    Unexpected {
        expected: Expected,
        at_end: bool,
    },
    /// A value where an argument's name should be.
    Positional {
        function: String,
    },
    DuplicateArgument {
        owner: String,
        argument: String,
        first: Span,
    },
    /// A letter outside a–z after `fakta.`.
    NonAsciiField,
    Unsupported(Unsupported),
    TooDeep,
    // Names.
    /// A name other than `fakta`: `fact` if it is a fact's name, `function` if a function's.
    UnknownName {
        name: String,
        fact: Option<String>,
        near_fakta: bool,
        function: bool,
    },
    FactNotNamed,
    FactParts {
        written: String,
    },
    FactNameNotQuoted {
        name: String,
    },
    UnknownFact {
        name: String,
        suggestion: Option<String>,
        declared: Vec<String>,
    },
    UnknownFunction {
        name: String,
        suggestion: Option<&'static str>,
    },
    UnknownFilter {
        name: String,
        suggestion: Option<&'static str>,
    },
    UnknownArgument {
        owner: String,
        filter: bool,
        argument: String,
        suggestion: Option<&'static str>,
        known: &'static [&'static str],
    },
    MissingArgument {
        function: &'static str,
        argument: &'static str,
        required: &'static [&'static str],
    },
    // Values.
    NotText {
        owner: &'static str,
        argument: &'static str,
        got: Got,
    },
    NotFigure {
        owner: &'static str,
        argument: &'static str,
        got: Got,
    },
    NotRowList {
        got: Got,
    },
    NotRowLabel {
        got: Got,
    },
    BadDecimals {
        filter: &'static str,
    },
    BadThousands,
    FilterInput {
        filter: &'static str,
        got: Got,
    },
    Filter {
        filter: &'static str,
        problem: FilterError,
    },
    // Tables.
    UnknownTable {
        id: String,
        suggestion: Option<String>,
    },
    UnknownRow {
        table: String,
        row: String,
        suggestion: Option<String>,
    },
    AmbiguousRow {
        table: String,
        row: String,
        count: usize,
        matches: String,
    },
    UnknownColumn {
        table: String,
        column: String,
        suggestion: Option<String>,
        keys: Vec<String>,
    },
    /// `kolonne=` names a column by its heading.
    ColumnHeading {
        table: String,
        heading: String,
        key: String,
    },
    BadFormula {
        formula: String,
        reason: String,
        limit: bool,
    },
    Cell {
        table: String,
        row: String,
        column: String,
        problem: CellProblem,
    },
    FormulaArithmetic {
        table: String,
        row: String,
        problem: EvalError,
    },
    SumArithmetic(ArithError),
    ChangeArithmetic(ArithError),
    // The result.
    Result {
        got: Got,
    },
    EmptyResult,
}
