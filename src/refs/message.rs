//! The one place where an expression's [`Error`] becomes a finding for the user: code, message,
//! label, notes and hints. Messages are in English here; every variable part comes from the
//! error as a separate value.

use super::error::{CellProblem, Error, ErrorKind, Expected, Got, Unsupported};
use super::figure::FilterError;
use super::lex::Span;
use crate::diag::{Code, Diagnostic, Severity};
use crate::source::Span as SourceSpan;
use crate::validate::arith::EvalError;

const LANGUAGE: &str = "text can use fakta.<name>, tabell(…), sum(…), endring(…) and the filters of docs/format.md, \"Figures in text\"";

/// A message on its way to a [`Diagnostic`].
struct Msg {
    code: Code,
    label: &'static str,
    text: String,
    notes: Vec<String>,
    hints: Vec<String>,
}

impl Msg {
    fn new(code: Code, label: &'static str, text: impl Into<String>) -> Msg {
        Msg { code, label, text: text.into(), notes: Vec::new(), hints: Vec::new() }
    }

    /// AR402 `expression`.
    fn expression(label: &'static str, text: impl Into<String>) -> Msg {
        Msg::new(Code::Expression, label, text)
    }

    fn unknown(label: &'static str, text: impl Into<String>) -> Msg {
        Msg::new(Code::UnknownReference, label, text)
    }

    fn note(mut self, note: impl Into<String>) -> Msg {
        self.notes.push(note.into());
        self
    }

    fn hint(mut self, hint: impl Into<String>) -> Msg {
        self.hints.push(hint.into());
        self
    }

    fn hint_opt(self, hint: Option<String>) -> Msg {
        match hint {
            Some(h) => self.hint(h),
            None => self,
        }
    }
}

fn list(names: &[&str], each: impl Fn(&str) -> String) -> String {
    names.iter().map(|n| each(n)).collect::<Vec<_>>().join(", ")
}

/// How to call `function` with `args`: `tabell(id="…", rad="…")`, `endring(fra=…, til=…)`.
fn named_form(function: &str, args: &[&str]) -> String {
    let value = |a: &str| match a {
        "fra" | "til" => "…",
        "rader" => "[\"…\"]",
        _ => "\"…\"",
    };
    format!("{function}({})", list(args, |a| format!("{a}={}", value(a))))
}

fn did_you_mean(suggestion: Option<&str>, form: impl Fn(&str) -> String) -> Option<String> {
    suggestion.map(|s| format!("did you mean {}?", form(s)))
}

/// A value kind as a noun: "a text", "a figure" …
fn noun(got: &Got) -> &'static str {
    match got {
        Got::Text(_) => "a text",
        Got::Number => "a number",
        Got::Figure => "a figure",
        Got::Bool(_) => "true or false",
        Got::List => "a list",
    }
}

/// A value that is not a figure, as a noun: "the text «abc»", "`true`" …
fn not_a_figure(got: &Got) -> String {
    match got {
        Got::Text(t) => format!("the text «{t}»"),
        Got::Bool(b) => format!("`{b}`"),
        other => noun(other).to_string(),
    }
}

fn expected(e: Expected) -> String {
    match e {
        Expected::Value => {
            "a value (fakta.<name>, tabell(…), sum(…), endring(…), a number or a text in quotes)"
                .into()
        }
        Expected::FilterName => "the name of a filter after `|`".into(),
        Expected::FieldName => "the name of a fact after `fakta.`".into(),
        Expected::Index => "the name of a fact in quotes, as in fakta[\"navn\"]".into(),
        Expected::ArgumentName => "the name of an argument, as in id=\"…\"".into(),
        Expected::CommaOrClose(c) => format!("`,` or `{c}`"),
        Expected::Close(c) => format!("a closing `{c}`"),
        Expected::FilterOrEnd => "`|` and a filter, or the end of the expression".into(),
    }
}

/// The finding for `error` in the expression `expr`; `locate` gives the source span of a place
/// in the expression (`None`: the whole `{{ … }}`). Every message about expressions is
/// written here.
pub fn diagnostic(
    error: &Error,
    expr: &str,
    locate: &dyn Fn(Option<Span>) -> SourceSpan,
) -> Diagnostic {
    let found = error.span.as_ref().and_then(|s| expr.get(s.clone())).unwrap_or_default();
    let msg = message(&error.kind, found);
    // A figure still awaited (`?`) is part of the unfinished report AR601 lists: a warning that
    // keeps `build` from publishing, not an error in the text.
    let severity =
        if msg.code == Code::AwaitingFigures { Severity::Warning } else { Severity::Error };
    let mut d = Diagnostic::new(severity, msg.code, msg.text)
        .at(locate(error.span.clone()))
        .with_label(msg.label);
    if let ErrorKind::DuplicateArgument { first, .. } = &error.kind {
        d.related.push((locate(Some(first.clone())), "first given here".into()));
    }
    d.notes = msg.notes;
    d.hints = msg.hints;
    d
}

/// The message for an error of this kind; `found` is the text at its place.
fn message(kind: &ErrorKind, found: &str) -> Msg {
    reading(kind, found)
        .or_else(|| names(kind))
        .or_else(|| values(kind))
        .or_else(|| tables(kind))
        .unwrap_or_else(|| {
            Msg::expression("cannot be evaluated", "the expression cannot be evaluated")
        })
}

/// The messages of [`super::lex`] and [`super::parse`].
fn reading(kind: &ErrorKind, found: &str) -> Option<Msg> {
    use ErrorKind as K;
    let read = |text: String| Msg::expression("cannot be read", text);
    Some(match kind {
        K::Empty => read("the braces are empty".into())
            .hint("write a reference such as `{{ fakta.navn }}`"),
        K::WhitespaceControl => {
            Msg::expression("cannot be evaluated", "`{{-` and `-}}` (whitespace control) are not used in text")
                .hint("write the spaces you want around the braces in the text itself")
        }
        K::UnexpectedCharacter { character } => {
            read(format!("the expression cannot be read: «{character}» has no meaning here"))
                .note(LANGUAGE)
        }
        K::UnclosedText { quote } => Msg::expression(
            "never closed",
            "the expression cannot be read: the text in quotes that starts here is never closed",
        )
        .hint(format!("end the text with {quote}")),
        K::BadNumber { too_large: true } => {
            read(format!("the number {found} is too large to compute exactly"))
        }
        K::BadNumber { too_large: false } => {
            read(format!("the number {found} has more decimals than can be kept exactly"))
        }
        K::Unexpected { expected: e, at_end } => {
            let text = if *at_end {
                format!("the expression cannot be read: it ends where {} should come", expected(*e))
            } else {
                format!("the expression cannot be read: expected {} here, not «{found}»", expected(*e))
            };
            let m = read(text);
            if *e == Expected::FilterOrEnd {
                m.hint("an expression is one value with optional filters, e.g. `{{ tabell(id=\"…\", rad=\"…\", kolonne=\"avvik\") | kr }}`")
            } else {
                m
            }
        }
        K::Positional { function } => {
            let (name, args) = super::names::function(function)
                .map_or(("tabell", &["id", "rad", "kolonne"][..]), |f| (f.name, f.required));
            read("the arguments of a function are named".into())
                .hint(format!("write {}", named_form(name, args)))
        }
        K::DuplicateArgument { owner, argument, .. } => {
            Msg::expression("given again", format!("`{owner}` is given `{argument}=` twice"))
                .note("each argument is given once")
        }
        K::NonAsciiField => read("a name after `.` may only use the letters a–z, digits and _".into())
            .hint("write a fact with other letters as fakta[\"navn\"]"),
        K::Unsupported(Unsupported::Arithmetic(_)) => Msg::expression(
            "not available in text",
            "arithmetic with + - * / is not available in text (it would not be exact)",
        )
        .hint("compute inside the table reference, `kolonne=\"regnskap - regnskap_fjor\"`, or write `endring(fra=…, til=…)`; see docs/format.md, \"Figures in text\""),
        K::Unsupported(Unsupported::Concat) => {
            Msg::expression("not available in text", "joining with `~` cannot be used in text")
                .hint("write the words outside the braces")
        }
        K::Unsupported(u) => {
            let what = match u {
                Unsupported::Not => "`not`",
                Unsupported::Test => "tests with `is`",
                Unsupported::Macro => "macros",
                _ => "comparisons and `and`/`or`",
            };
            Msg::expression("not available in text", format!("{what} cannot be used in text"))
                .note(LANGUAGE)
        }
        K::TooDeep => Msg::new(
            Code::Limit,
            "too deep",
            format!(
                "this expression is nested too deeply (more than {} levels of brackets, calls and lists)",
                crate::load::expr::MAX_DEPTH
            ),
        ),
        _ => return None,
    })
}

/// Unknown names: facts, functions, filters, arguments.
fn names(kind: &ErrorKind) -> Option<Msg> {
    use ErrorKind as K;
    Some(match kind {
        K::UnknownName { name, fact, near_fakta, function } => {
            let hint = if let Some(fact) = fact {
                Some(format!("the fact «{fact}» is written `fakta.{name}`"))
            } else if *function {
                let args = super::names::function(name).map_or(&[][..], |f| f.required);
                Some(format!("`{name}` is a function: write {}", named_form(name, args)))
            } else if super::names::filter(name).is_some() {
                Some(format!(
                    "`{name}` is a filter: write it after a value, as in `{{{{ fakta.navn | {name} }}}}`"
                ))
            } else {
                near_fakta.then(|| "did you mean `fakta`?".to_string())
            };
            Msg::unknown("unknown name", format!("there is no name `{name}` in text"))
                .hint_opt(hint)
                .note("text can use fakta.<name>, tabell(…), sum(…) and endring(…)")
        }
        K::FactNotNamed => Msg::expression("cannot be evaluated", "name the fact: `fakta.<name>`"),
        K::FactParts { written } => Msg::expression(
            "cannot be evaluated",
            format!("`{written}`: a fact is a single figure and has no parts"),
        ),
        K::FactNameNotQuoted { name } => Msg::expression(
            "cannot be evaluated",
            "the name of a fact in `[ ]` is written in quotes",
        )
        .hint(format!("write fakta[\"{name}\"]")),
        K::UnknownFact { name, suggestion, declared } => {
            let note = if declared.is_empty() {
                "the report declares no facts: add them under `facts:` in report.yaml".into()
            } else {
                format!("facts are declared under `facts:` in report.yaml: {}", declared.join(", "))
            };
            Msg::unknown("no such fact", format!("there is no fact «{name}»"))
                .hint_opt(did_you_mean(suggestion.as_deref(), |s| format!("`{s}`")))
                .note(note)
        }
        K::UnknownFunction { name, suggestion } => {
            Msg::expression("cannot be evaluated", format!("there is no function `{name}`"))
                .hint_opt(did_you_mean(*suggestion, |s| format!("`{s}`")))
                .note(format!("functions: {}", super::names::function_names().join(", ")))
        }
        K::UnknownFilter { name, suggestion } => {
            let function = super::names::function(name).map(|f| {
                format!(
                    "`{name}` is a function: write {} as the value, before the filters",
                    named_form(name, f.required)
                )
            });
            Msg::expression("cannot be evaluated", format!("there is no filter `{name}`"))
                .hint_opt(function.or_else(|| did_you_mean(*suggestion, |s| format!("`{s}`"))))
                .note(format!("filters: {}", super::names::filter_names().join(", ")))
        }
        K::UnknownArgument { owner, filter, argument, suggestion, known } => {
            let what = if *filter { "filter" } else { "function" };
            let takes = if known.is_empty() {
                format!("the {what} `{owner}` takes no arguments")
            } else {
                format!("`{owner}` takes {}", list(known, |k| format!("`{k}=`")))
            };
            Msg::expression(
                "cannot be evaluated",
                format!("the {what} `{owner}` has no argument `{argument}`"),
            )
            .hint_opt(did_you_mean(*suggestion, |s| format!("`{s}=`")))
            .note(takes)
        }
        K::MissingArgument { function, argument, required } => {
            Msg::expression("cannot be evaluated", format!("`{function}` needs `{argument}=`"))
                .hint(format!("write {}", named_form(function, required)))
        }
        _ => return None,
    })
}

/// Values that do not fit where they are used.
fn values(kind: &ErrorKind) -> Option<Msg> {
    use ErrorKind as K;
    let msg = |text: String| Msg::expression("cannot be evaluated", text);
    Some(match kind {
        K::NotText { owner, argument, got } => {
            msg(format!("`{argument}=` of `{owner}` must be a text in quotes, not {}", noun(got)))
        }
        K::NotFigure { owner, argument, got } => msg(format!(
            "`{argument}=` of `{owner}` must be a figure, but it is {}",
            not_a_figure(got)
        )),
        K::NotRowList { got } => msg(format!(
            "`rader=` of `sum` must be a list such as [\"100\", \"110\"], not {}",
            noun(got)
        )),
        K::NotRowLabel { got } => {
            msg(format!("`rader=` of `sum` is a list of row labels in quotes, not {}", noun(got)))
        }
        K::BadDecimals { filter } => {
            msg(format!("`desimaler=` of `{filter}` must be a whole number from 0 to 10"))
        }
        K::BadThousands => msg("`tusenskille=` of `tall` is true or false".into()),
        K::FilterInput { filter, got } => {
            msg(format!("the filter `{filter}` needs a figure, but gets {}", not_a_figure(got)))
        }
        K::Filter { filter, problem } => filter_problem(filter, problem),
        K::Result { got } => {
            msg(format!("the expression gives {}, not a figure or a text", noun(got)))
        }
        K::EmptyResult => msg("the expression gives empty text".into()),
        K::SumArithmetic(e) | K::ChangeArithmetic(e) => {
            let what = if matches!(kind, K::SumArithmetic(_)) { "sum" } else { "change" };
            Msg::new(Code::Arithmetic, "cannot be computed", format!("the {what} {}", e.what()))
                .hint(e.hint())
        }
        _ => return None,
    })
}

fn filter_problem(filter: &str, p: &FilterError) -> Msg {
    let msg = |text: String| Msg::expression("cannot be evaluated", text);
    match p {
        FilterError::Percentage { figure } => {
            msg(crate::tr!(refs_filter_is_for_amounts_but, filter = filter, figure = figure))
        }
        FilterError::NoUnit { figure } => {
            msg(crate::tr!(refs_mill_needs_to_know_the, figure = figure))
        }
        FilterError::NotKroner { figure, unit } => {
            msg(crate::tr!(refs_mill_works_on_amounts_in, figure = figure, unit = unit))
        }
        FilterError::TooLarge { figure } => {
            msg(crate::tr!(refs_is_too_large_to_compute, figure = figure))
        }
        FilterError::ZeroAvvik { figure } => {
            msg(crate::tr!(refs_the_avvik_is_neither_merforbruk, figure = figure))
        }
    }
}

/// Tables, rows, columns and cells.
fn tables(kind: &ErrorKind) -> Option<Msg> {
    use ErrorKind as K;
    Some(match kind {
        K::UnknownTable { id, suggestion } => {
            Msg::unknown("no such table", format!("there is no table with id «{id}»"))
                .hint_opt(did_you_mean(suggestion.as_deref(), |s| format!("`{s}`")))
                .note("a table is named by the `id:` of its `table:` block")
        }
        K::UnknownRow { table, row, suggestion } => {
            Msg::unknown("no such row", format!("table `{table}` has no row «{row}»"))
                .hint_opt(did_you_mean(suggestion.as_deref(), |s| format!("«{s}»")))
                .note("a row is named by its label, by its row key, or by the start of its label followed by a space")
        }
        K::AmbiguousRow { table, row, count, matches } => Msg::new(
            Code::AmbiguousRow,
            "more than one row",
            format!("«{row}» names {count} rows of table `{table}`"),
        )
        .note(matches.clone())
        .hint("write the whole label of the row you mean, or give the rows different labels in the CSV file"),
        K::UnknownColumn { table, column, suggestion, keys } => {
            Msg::unknown("no such column", format!("table `{table}` has no column `{column}`"))
                .hint_opt(did_you_mean(suggestion.as_deref(), |s| format!("`{s}`")))
                .note(format!("the columns of `{table}` are: {}", keys.join(", ")))
        }
        K::ColumnHeading { table, heading, key } => Msg::unknown(
            "a column heading, not a key",
            format!("«{heading}» is the heading of column `{key}` of table `{table}`, not its key"),
        )
        .hint(format!("write kolonne=\"{key}\""))
        .note("`kolonne=` names a column by its key, as rules do; the heading is what the table prints"),
        K::BadFormula { formula, reason, limit } => Msg::new(
            if *limit { Code::Limit } else { Code::Expression },
            "cannot be read",
            format!("the formula «{formula}» cannot be read: {reason}"),
        )
        .hint("a formula uses column keys, numbers, + - * / and ( ), e.g. \"regnskap - regnskap_fjor\""),
        K::Cell { table, row, column, problem: CellProblem::Awaiting } => Msg::new(
            Code::AwaitingFigures,
            "waits for a figure",
            format!("row «{row}», column `{column}` of table `{table}` still waits for its figure (`?`)"),
        ),
        K::Cell { table, row, column, problem } => {
            let place = format!("row «{row}», column `{column}` of table `{table}`");
            Msg::expression("cannot be evaluated", match problem {
                CellProblem::Malformed => format!(
                    "{place} cannot be used: the row has more or fewer cells than the header"
                ),
                CellProblem::Empty | CellProblem::Awaiting => format!("{place} is empty"),
                CellProblem::NotAvailable => format!("{place} is `*` (not available)"),
                CellProblem::Text(t) => format!("{place} holds the text «{t}», not a figure"),
            })
        }
        K::FormulaArithmetic { table, row, problem } => {
            let (what, hint) = match problem {
                EvalError::Arith(e) => (e.what().to_string(), Some(e.hint().to_string())),
                EvalError::Missing(key) => (format!("has no figure for `{key}`"), None),
            };
            Msg::new(
                Code::Arithmetic,
                "cannot be computed",
                format!("the formula {what} in row «{row}» of table `{table}`"),
            )
            .hint_opt(hint)
        }
        _ => return None,
    })
}

#[cfg(test)]
#[path = "message_tests.rs"]
mod tests;
