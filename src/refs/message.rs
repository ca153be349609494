//! The one place where an expression's [`Error`] becomes a finding for the user: code, message,
//! label, notes and hints. Every text comes from the message catalogue (`expr-…`); every
//! variable part comes from the error as a separate value.

use super::error::{CellProblem, Error, ErrorKind, Expected, Got, Unsupported};
use super::figure::FilterError;
use super::lex::Span;
use crate::diag::{Code, Diagnostic, Severity};
use crate::source::Span as SourceSpan;
use crate::tr;
use crate::validate::arith::EvalError;

/// A message on its way to a [`Diagnostic`].
struct Msg {
    code: Code,
    label: String,
    text: String,
    notes: Vec<String>,
    hints: Vec<String>,
}

impl Msg {
    fn new(code: Code, label: String, text: impl Into<String>) -> Msg {
        Msg { code, label, text: text.into(), notes: Vec::new(), hints: Vec::new() }
    }

    /// AR402 `expression`.
    fn expression(label: String, text: impl Into<String>) -> Msg {
        Msg::new(Code::Expression, label, text)
    }

    /// AR402, labelled "cannot be evaluated".
    fn evaluation(text: impl Into<String>) -> Msg {
        Msg::expression(tr!(expr_label_cannot_be_evaluated), text)
    }

    fn unknown(label: String, text: impl Into<String>) -> Msg {
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
    suggestion.map(|s| tr!(expr_did_you_mean, suggestion = form(s)))
}

fn code(s: &str) -> String {
    format!("`{s}`")
}

/// A value kind as a noun: "a text", "a figure" …
fn noun(got: &Got) -> String {
    match got {
        Got::Text(_) => tr!(expr_got_text),
        Got::Number => tr!(expr_got_number),
        Got::Figure => tr!(expr_got_figure),
        Got::Bool(_) => tr!(expr_got_bool),
        Got::List => tr!(expr_got_list),
    }
}

/// A value that is not a figure, as a noun: "the text «abc»", "`true`" …
fn not_a_figure(got: &Got) -> String {
    match got {
        Got::Text(t) => tr!(expr_got_the_text, text = t),
        Got::Bool(b) => tr!(expr_got_bool_value, value = b),
        other => noun(other),
    }
}

fn expected(e: Expected) -> String {
    match e {
        Expected::Value => tr!(expr_expected_value),
        Expected::FilterName => tr!(expr_expected_filter_name),
        Expected::FieldName => tr!(expr_expected_field_name),
        Expected::Index => tr!(expr_expected_index),
        Expected::ArgumentName => tr!(expr_expected_argument_name),
        Expected::CommaOrClose(c) => tr!(expr_expected_comma_or_close, close = c),
        Expected::Close(c) => tr!(expr_expected_close, close = c),
        Expected::FilterOrEnd => tr!(expr_expected_filter_or_end),
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
        d.related.push((locate(Some(first.clone())), tr!(expr_first_given_here)));
    }
    d.notes = msg.notes;
    d.hints = msg.hints;
    d
}

/// The message for an error of this kind; `found` is the text at its place.
fn message(kind: &ErrorKind, found: &str) -> Msg {
    reading(kind, found)
        .or_else(|| unsupported(kind))
        .or_else(|| names(kind))
        .or_else(|| unknown_callables(kind))
        .or_else(|| values(kind))
        .or_else(|| tables(kind))
        .or_else(|| cells(kind))
        .unwrap_or_else(|| Msg::evaluation(tr!(expr_cannot_be_evaluated)))
}

/// The messages of [`super::lex`] and [`super::parse`].
fn reading(kind: &ErrorKind, found: &str) -> Option<Msg> {
    use ErrorKind as K;
    let read = |text: String| Msg::expression(tr!(expr_label_cannot_be_read), text);
    Some(match kind {
        K::Empty => read(tr!(expr_empty)).hint(tr!(expr_empty_hint)),
        K::WhitespaceControl => {
            Msg::evaluation(tr!(expr_whitespace_control)).hint(tr!(expr_whitespace_control_hint))
        }
        K::UnexpectedCharacter { character } => {
            read(tr!(expr_unexpected_character, character = character)).note(tr!(expr_language))
        }
        K::UnclosedText { quote } => {
            Msg::expression(tr!(expr_label_never_closed), tr!(expr_unclosed_text))
                .hint(tr!(expr_unclosed_text_hint, quote = quote))
        }
        K::BadNumber { too_large: true } => read(tr!(expr_number_too_large, number = found)),
        K::BadNumber { too_large: false } => read(tr!(expr_number_too_precise, number = found)),
        K::Unexpected { expected: e, at_end } => {
            let text = if *at_end {
                tr!(expr_ends_early, expected = expected(*e))
            } else {
                tr!(expr_unexpected, expected = expected(*e), found = found)
            };
            let m = read(text);
            if *e == Expected::FilterOrEnd { m.hint(tr!(expr_one_value_hint)) } else { m }
        }
        K::Positional { function } => {
            let (name, args) = super::names::function(function)
                .map_or(("tabell", &["id", "rad", "kolonne"][..]), |f| (f.name, f.required));
            read(tr!(expr_positional)).hint(tr!(expr_write, form = named_form(name, args)))
        }
        K::DuplicateArgument { owner, argument, .. } => Msg::expression(
            tr!(expr_label_given_again),
            tr!(expr_duplicate_argument, owner = owner, argument = argument),
        )
        .note(tr!(expr_duplicate_argument_note)),
        K::NonAsciiField => read(tr!(expr_non_ascii_field)).hint(tr!(expr_non_ascii_field_hint)),
        K::TooDeep => Msg::new(
            Code::Limit,
            tr!(expr_label_too_deep),
            tr!(expr_too_deep, max = crate::load::expr::MAX_DEPTH),
        ),
        _ => return None,
    })
}

/// What the language deliberately does not have.
fn unsupported(kind: &ErrorKind) -> Option<Msg> {
    let ErrorKind::Unsupported(u) = kind else { return None };
    let not_in_text = |text: String| Msg::expression(tr!(expr_label_not_in_text), text);
    Some(match u {
        Unsupported::Arithmetic(_) => {
            not_in_text(tr!(expr_arithmetic)).hint(tr!(expr_arithmetic_hint))
        }
        Unsupported::Concat => not_in_text(tr!(expr_concat)).hint(tr!(expr_concat_hint)),
        Unsupported::Not | Unsupported::Test | Unsupported::Macro | Unsupported::Comparison => {
            let what = match u {
                Unsupported::Not => tr!(expr_unsupported_not),
                Unsupported::Test => tr!(expr_unsupported_test),
                Unsupported::Macro => tr!(expr_unsupported_macro),
                _ => tr!(expr_unsupported_comparison),
            };
            not_in_text(tr!(expr_unsupported, what = what)).note(tr!(expr_language))
        }
    })
}

/// Unknown names and facts.
fn names(kind: &ErrorKind) -> Option<Msg> {
    use ErrorKind as K;
    Some(match kind {
        K::UnknownName { name, fact, near_fakta, function } => {
            let hint = if let Some(fact) = fact {
                Some(tr!(expr_unknown_name_fact_hint, fact = fact, name = name))
            } else if *function {
                let args = super::names::function(name).map_or(&[][..], |f| f.required);
                Some(tr!(
                    expr_unknown_name_function_hint,
                    name = name,
                    form = named_form(name, args)
                ))
            } else if super::names::filter(name).is_some() {
                Some(tr!(expr_unknown_name_filter_hint, name = name))
            } else {
                near_fakta.then(|| tr!(expr_did_you_mean_fakta))
            };
            Msg::unknown(tr!(expr_label_unknown_name), tr!(expr_unknown_name, name = name))
                .hint_opt(hint)
                .note(tr!(expr_unknown_name_note))
        }
        K::FactNotNamed => Msg::evaluation(tr!(expr_fact_not_named)),
        K::FactParts { written } => Msg::evaluation(tr!(expr_fact_parts, written = written)),
        K::FactNameNotQuoted { name } => Msg::evaluation(tr!(expr_fact_name_not_quoted))
            .hint(tr!(expr_fact_name_not_quoted_hint, name = name)),
        K::UnknownFact { name, suggestion, declared } => {
            let note = if declared.is_empty() {
                tr!(expr_no_facts_declared)
            } else {
                tr!(expr_facts_declared, facts = declared.join(", "))
            };
            Msg::unknown(tr!(expr_label_no_fact), tr!(expr_unknown_fact, name = name))
                .hint_opt(did_you_mean(suggestion.as_deref(), code))
                .note(note)
        }
        _ => return None,
    })
}

/// Unknown functions, filters and arguments.
fn unknown_callables(kind: &ErrorKind) -> Option<Msg> {
    use ErrorKind as K;
    Some(match kind {
        K::UnknownFunction { name, suggestion } => {
            Msg::evaluation(tr!(expr_unknown_function, name = name))
                .hint_opt(did_you_mean(*suggestion, code))
                .note(tr!(expr_functions, names = super::names::function_names().join(", ")))
        }
        K::UnknownFilter { name, suggestion } => {
            let function = super::names::function(name).map(|f| {
                tr!(expr_filter_is_function_hint, name = name, form = named_form(name, f.required))
            });
            Msg::evaluation(tr!(expr_unknown_filter, name = name))
                .hint_opt(function.or_else(|| did_you_mean(*suggestion, code)))
                .note(tr!(expr_filters, names = super::names::filter_names().join(", ")))
        }
        K::UnknownArgument { owner, filter, argument, suggestion, known } => {
            let (text, takes) = if *filter {
                (
                    tr!(expr_filter_no_argument, owner = owner, argument = argument),
                    tr!(expr_filter_takes_nothing, owner = owner),
                )
            } else {
                (
                    tr!(expr_function_no_argument, owner = owner, argument = argument),
                    tr!(expr_function_takes_nothing, owner = owner),
                )
            };
            let takes = if known.is_empty() {
                takes
            } else {
                tr!(expr_takes, owner = owner, arguments = list(known, |k| format!("`{k}=`")))
            };
            Msg::evaluation(text)
                .hint_opt(did_you_mean(*suggestion, |s| format!("`{s}=`")))
                .note(takes)
        }
        K::MissingArgument { function, argument, required } => {
            Msg::evaluation(tr!(expr_missing_argument, function = function, argument = argument))
                .hint(tr!(expr_write, form = named_form(function, required)))
        }
        _ => return None,
    })
}

/// Values that do not fit where they are used.
fn values(kind: &ErrorKind) -> Option<Msg> {
    use ErrorKind as K;
    let msg = Msg::evaluation;
    Some(match kind {
        K::NotText { owner, argument, got } => {
            msg(tr!(expr_not_text, argument = argument, owner = owner, got = noun(got)))
        }
        K::NotFigure { owner, argument, got } => {
            msg(tr!(expr_not_figure, argument = argument, owner = owner, got = not_a_figure(got)))
        }
        K::NotRowList { got } => msg(tr!(expr_not_row_list, got = noun(got))),
        K::NotRowLabel { got } => msg(tr!(expr_not_row_label, got = noun(got))),
        K::BadDecimals { filter } => msg(tr!(expr_bad_decimals, filter = filter)),
        K::BadThousands => msg(tr!(expr_bad_thousands)),
        K::FilterInput { filter, got } => {
            msg(tr!(expr_filter_input, filter = filter, got = not_a_figure(got)))
        }
        K::Filter { filter, problem } => filter_problem(filter, problem),
        K::Result { got } => msg(tr!(expr_result, got = noun(got))),
        K::EmptyResult => msg(tr!(expr_empty_result)),
        K::SumArithmetic(e) | K::ChangeArithmetic(e) => {
            let text = if matches!(kind, K::SumArithmetic(_)) {
                tr!(expr_sum_arithmetic, problem = e.what())
            } else {
                tr!(expr_change_arithmetic, problem = e.what())
            };
            Msg::new(Code::Arithmetic, tr!(expr_label_cannot_compute), text).hint(e.hint())
        }
        _ => return None,
    })
}

fn filter_problem(filter: &str, p: &FilterError) -> Msg {
    let msg = Msg::evaluation;
    match p {
        FilterError::Percentage { figure } => {
            msg(tr!(refs_filter_is_for_amounts_but, filter = filter, figure = figure))
        }
        FilterError::NoUnit { figure } => msg(tr!(refs_mill_needs_to_know_the, figure = figure)),
        FilterError::NotKroner { figure, unit } => {
            msg(tr!(refs_mill_works_on_amounts_in, figure = figure, unit = unit))
        }
        FilterError::TooLarge { figure } => msg(tr!(refs_is_too_large_to_compute, figure = figure)),
        FilterError::ZeroAvvik { figure } => {
            msg(tr!(refs_the_avvik_is_neither_merforbruk, figure = figure))
        }
    }
}

/// Tables, rows and columns.
fn tables(kind: &ErrorKind) -> Option<Msg> {
    use ErrorKind as K;
    Some(match kind {
        K::UnknownTable { id, suggestion } => {
            Msg::unknown(tr!(expr_label_no_table), tr!(expr_unknown_table, id = id))
                .hint_opt(did_you_mean(suggestion.as_deref(), code))
                .note(tr!(expr_unknown_table_note))
        }
        K::UnknownRow { table, row, suggestion } => {
            Msg::unknown(tr!(expr_label_no_row), tr!(expr_unknown_row, table = table, row = row))
                .hint_opt(did_you_mean(suggestion.as_deref(), |s| format!("«{s}»")))
                .note(tr!(expr_unknown_row_note))
        }
        K::AmbiguousRow { table, row, count, matches } => Msg::new(
            Code::AmbiguousRow,
            tr!(expr_label_ambiguous_row),
            tr!(expr_ambiguous_row, row = row, count = count, table = table),
        )
        .note(matches.clone())
        .hint(tr!(expr_ambiguous_row_hint)),
        K::UnknownColumn { table, column, suggestion, keys } => Msg::unknown(
            tr!(expr_label_no_column),
            tr!(expr_unknown_column, table = table, column = column),
        )
        .hint_opt(did_you_mean(suggestion.as_deref(), code))
        .note(tr!(expr_columns, table = table, keys = keys.join(", "))),
        K::ColumnHeading { table, heading, key } => Msg::unknown(
            tr!(expr_label_column_heading),
            tr!(expr_column_heading, heading = heading, key = key, table = table),
        )
        .hint(tr!(expr_column_heading_hint, key = key))
        .note(tr!(expr_column_heading_note)),
        K::BadFormula { formula, reason, limit } => Msg::new(
            if *limit { Code::Limit } else { Code::Expression },
            tr!(expr_label_cannot_be_read),
            tr!(expr_bad_formula, formula = formula, reason = reason),
        )
        .hint(tr!(expr_bad_formula_hint)),
        _ => return None,
    })
}

/// Cells that hold no usable figure, and formulas that cannot be computed.
fn cells(kind: &ErrorKind) -> Option<Msg> {
    use ErrorKind as K;
    Some(match kind {
        K::Cell { table, row, column, problem: CellProblem::Awaiting } => Msg::new(
            Code::AwaitingFigures,
            tr!(expr_label_awaiting),
            tr!(expr_cell_awaiting, row = row, column = column, table = table),
        ),
        K::Cell { table, row, column, problem } => Msg::evaluation(match problem {
            CellProblem::Malformed => {
                tr!(expr_cell_malformed, row = row, column = column, table = table)
            }
            CellProblem::Empty | CellProblem::Awaiting => {
                tr!(expr_cell_empty, row = row, column = column, table = table)
            }
            CellProblem::NotAvailable => {
                tr!(expr_cell_not_available, row = row, column = column, table = table)
            }
            CellProblem::Text(t) => {
                tr!(expr_cell_text, row = row, column = column, table = table, text = t)
            }
        }),
        K::FormulaArithmetic { table, row, problem } => {
            let (what, hint) = match problem {
                EvalError::Arith(e) => (e.what(), Some(e.hint())),
                EvalError::Missing(key) => (tr!(expr_formula_missing, key = key), None),
            };
            Msg::new(
                Code::Arithmetic,
                tr!(expr_label_cannot_compute),
                tr!(expr_formula_arithmetic, problem = what, row = row, table = table),
            )
            .hint_opt(hint)
        }
        _ => return None,
    })
}

#[cfg(test)]
#[path = "message_tests.rs"]
mod tests;
