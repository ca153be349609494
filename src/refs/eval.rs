//! Evaluating an expression: its syntax tree ([`super::parse`]), checked against the language's
//! names ([`super::names`]), is walked once; every figure stays an exact [`Decimal`] and every
//! calculation is checked ([`crate::validate::arith`]).
//!
//! A value is a figure (from a table, a fact or a calculation), a number or a text written in the
//! expression, true or false, or a list. A filter that needs a figure reads a text as one
//! ("1 657"), as before; a function's text argument must be a text.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::error::{CellProblem, Error, ErrorKind, Got};
use super::figure::{self, Figure};
use super::lex::Span;
use super::names::{self, Facts};
use super::parse::{Arg, Call, Expr, Filter, Term, parse};
use super::table::{Column, Tables};
use crate::format;
use crate::load::number;
use crate::load::spec::TableSpec;
use crate::model::{Cell, ColumnKind, Report, RowStyle};
use crate::validate::arith;

/// A value on its way through an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    /// A number written in the expression, with its decimals as written.
    Number(Decimal),
    Figure(Figure),
    Bool(bool),
    List(Vec<Value>),
}

impl Value {
    fn got(&self) -> Got {
        match self {
            Value::Text(t) => Got::Text(t.clone()),
            Value::Number(_) => Got::Number,
            Value::Figure(_) => Got::Figure,
            Value::Bool(b) => Got::Bool(*b),
            Value::List(_) => Got::List,
        }
    }

    /// The value as a figure: a figure, a number (printed without trailing zeros), or a text
    /// that reads as a figure.
    fn figure(&self) -> Result<Figure, Got> {
        match self {
            Value::Figure(f) => Ok(f.clone()),
            Value::Number(d) => {
                let d = d.normalize();
                Ok(Figure { value: d, scale: d.scale(), percent: false, unit: None })
            }
            Value::Text(s) => number::parse_number(s)
                .map(|n| Figure::from_number(&n, None))
                .map_err(|_| self.got()),
            Value::Bool(_) | Value::List(_) => Err(self.got()),
        }
    }
}

/// Evaluates expressions against one report.
pub struct Evaluator<'r> {
    report: &'r Report,
    tables: Tables<'r>,
    facts: Facts,
}

/// The evaluated arguments of a call, with the syntax they came from.
struct Args<'e> {
    owner: &'static str,
    call: &'e Span,
    values: Vec<(&'e Arg, Value)>,
}

impl<'e> Args<'e> {
    fn get(&self, name: &'static str) -> Result<&(&'e Arg, Value), Error> {
        self.values.iter().find(|(a, _)| a.name.name == name).ok_or_else(|| {
            let function = names::function(self.owner);
            let kind = ErrorKind::MissingArgument {
                function: self.owner,
                argument: name,
                required: function.map_or(&[][..], |f| f.required),
            };
            Error::new(kind, self.call.clone())
        })
    }

    /// A text argument, and where it is written.
    fn text(&self, name: &'static str) -> Result<(&str, &'e Span), Error> {
        match self.get(name)? {
            (arg, Value::Text(t)) => Ok((t, &arg.value.span)),
            (arg, other) => {
                let kind =
                    ErrorKind::NotText { owner: self.owner, argument: name, got: other.got() };
                Err(Error::new(kind, arg.value.span.clone()))
            }
        }
    }

    fn figure(&self, name: &'static str) -> Result<Figure, Error> {
        let (arg, value) = self.get(name)?;
        value.figure().map_err(|got| {
            let kind = ErrorKind::NotFigure { owner: self.owner, argument: name, got };
            Error::new(kind, arg.value.span.clone())
        })
    }

    /// Where the characters of a text argument start, if it is written as a text in quotes.
    fn content_start(&self, name: &str) -> Option<usize> {
        let (arg, _) = self.values.iter().find(|(a, _)| a.name.name == name)?;
        match &arg.value.term {
            Term::Text { span, .. } if arg.value.filters.is_empty() => Some(span.start + 1),
            _ => None,
        }
    }
}

impl<'r> Evaluator<'r> {
    /// The evaluator for `report`, whose tables were read with `specs`.
    pub fn new(report: &'r Report, specs: &'r [TableSpec]) -> Evaluator<'r> {
        Evaluator { report, tables: Tables::new(report, specs), facts: Facts::new(report) }
    }

    /// Evaluates the text between `{{` and `}}`; gives the formatted text.
    pub fn evaluate(&self, text: &str) -> Result<String, Error> {
        let expr = parse(text)?;
        names::check(&expr, text, &self.facts)?;
        let shown = match self.expr(&expr, text)? {
            Value::Text(s) => s,
            Value::Figure(f) => f.printed(),
            number @ Value::Number(_) => number.figure().map(|f| f.printed()).unwrap_or_default(),
            other => return Err(Error::whole(ErrorKind::Result { got: other.got() })),
        };
        if shown.trim().is_empty() {
            return Err(Error::whole(ErrorKind::EmptyResult));
        }
        Ok(shown.chars().filter(|c| !crate::load::inline::is_private_use(*c)).collect())
    }

    fn expr(&self, e: &Expr, text: &str) -> Result<Value, Error> {
        let mut value = self.term(&e.term, text)?;
        for f in &e.filters {
            value = self.filter(f, &value, text)?;
        }
        Ok(value)
    }

    fn term(&self, term: &Term, text: &str) -> Result<Value, Error> {
        Ok(match term {
            Term::Number { value, .. } => Value::Number(*value),
            Term::Text { text, .. } => Value::Text(text.clone()),
            Term::Bool { value, .. } => Value::Bool(*value),
            Term::List { items, .. } => {
                Value::List(items.iter().map(|i| self.expr(i, text)).collect::<Result<_, _>>()?)
            }
            Term::Group { inner, .. } => self.expr(inner, text)?,
            Term::Path(path) => {
                let fact = &self.report.facts[self.facts.resolve(path, text)?];
                Value::Figure(Figure::from_number(&fact.value, fact.unit.clone()))
            }
            Term::Call(call) => self.call(call, text)?,
        })
    }

    fn args<'e>(
        &self,
        owner: &'static str,
        call: &'e Span,
        args: &'e [Arg],
        text: &str,
    ) -> Result<Args<'e>, Error> {
        let mut values = Vec::with_capacity(args.len());
        for a in args {
            values.push((a, self.expr(&a.value, text)?));
        }
        Ok(Args { owner, call, values })
    }

    fn call(&self, call: &Call, text: &str) -> Result<Value, Error> {
        let unknown = || {
            let kind =
                ErrorKind::UnknownFunction { name: call.name.name.clone(), suggestion: None };
            Error::new(kind, call.name.span.clone())
        };
        let function = names::function(&call.name.name).ok_or_else(unknown)?;
        let args = self.args(function.name, &call.span, &call.args, text)?;
        match function.name {
            "tabell" => self.tabell(&args, &call.span),
            "sum" => self.sum(&args, &call.span),
            "endring" => endring(&args, &call.span),
            _ => Err(unknown()),
        }
    }

    /// `tabell(id=…, rad=…, kolonne=…)`
    fn tabell(&self, args: &Args<'_>, call: &Span) -> Result<Value, Error> {
        let (id, id_span) = args.text("id")?;
        let ti = self.tables.table(id, id_span)?;
        let (rad, rad_span) = args.text("rad")?;
        let ri = self.tables.row(ti, rad, rad_span)?;
        let (kolonne, kolonne_span) = args.text("kolonne")?;
        let column =
            self.tables.column(ti, kolonne, kolonne_span, args.content_start("kolonne"))?;
        let table = &self.tables.tables[ti];
        let at_call = |kind| Error::new(kind, call.clone());
        let (value, scale) = match column {
            Column::Key(c) => {
                let column = &table.columns[c];
                let cell = table.rows[ri].cells.get(c);
                if column.kind != ColumnKind::Number || c == 0 {
                    let text = cell.map(|cell| format::cell(cell, column.kind)).unwrap_or_default();
                    if text.trim().is_empty() {
                        let kind = ErrorKind::Cell {
                            table: table.id.clone(),
                            row: table.rows[ri].label().to_string(),
                            column: column.key.clone(),
                            problem: CellProblem::Empty,
                        };
                        return Err(at_call(kind));
                    }
                    return Ok(Value::Text(text));
                }
                if let Some(Cell::Number(n)) = cell
                    && !table.rows[ri].malformed
                {
                    return Ok(Value::Figure(Figure::from_number(n, table.unit.clone())));
                }
                self.tables.number(ti, ri, c, false).map_err(at_call)?
            }
            Column::Formula(expr, indices) => self
                .tables
                .formula_value(ti, ri, &expr, &indices, false)
                .map_err(|kind| formula_error(kind, kolonne_span, call))?,
        };
        Ok(Value::Figure(Figure::calculated(value, scale, table.unit.clone())))
    }

    /// `sum(tabell=…, kolonne=…, rader=[…])`
    fn sum(&self, args: &Args<'_>, call: &Span) -> Result<Value, Error> {
        let (id, id_span) = args.text("tabell")?;
        let ti = self.tables.table(id, id_span)?;
        let (kolonne, kolonne_span) = args.text("kolonne")?;
        let column =
            self.tables.column(ti, kolonne, kolonne_span, args.content_start("kolonne"))?;
        let table = &self.tables.tables[ti];
        let rows = match args.values.iter().find(|(a, _)| a.name.name == "rader") {
            // Every ordinary row; one with the wrong number of cells is an error, not left out.
            None => {
                (0..table.rows.len()).filter(|&i| table.rows[i].style == RowStyle::Normal).collect()
            }
            Some((arg, Value::List(items))) => self.listed_rows(ti, arg, items)?,
            Some((arg, other)) => {
                let kind = ErrorKind::NotRowList { got: other.got() };
                return Err(Error::new(kind, arg.value.span.clone()));
            }
        };
        let mut total = Decimal::ZERO;
        let mut scale = 0;
        for ri in rows {
            let (v, s) = match &column {
                Column::Key(c) => {
                    self.tables.number(ti, ri, *c, true).map_err(|k| Error::new(k, call.clone()))?
                }
                Column::Formula(expr, indices) => self
                    .tables
                    .formula_value(ti, ri, expr, indices, true)
                    .map_err(|kind| formula_error(kind, kolonne_span, call))?,
            };
            total = arith::sum([total, v])
                .map_err(|e| Error::new(ErrorKind::SumArithmetic(e), call.clone()))?;
            scale = scale.max(s);
        }
        Ok(Value::Figure(Figure::calculated(total, scale, table.unit.clone())))
    }

    /// The rows of `rader=[…]`, each placed at its own item when the list is written out.
    fn listed_rows(&self, ti: usize, arg: &Arg, items: &[Value]) -> Result<Vec<usize>, Error> {
        let written = match &arg.value.term {
            Term::List { items, .. } if arg.value.filters.is_empty() => Some(items),
            _ => None,
        };
        let mut rows = Vec::with_capacity(items.len());
        // A label written again is looked up once.
        let mut found: HashMap<&str, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let span = written.and_then(|w| w.get(i)).map_or(&arg.value.span, |e| &e.span);
            let Value::Text(label) = item else {
                return Err(Error::new(ErrorKind::NotRowLabel { got: item.got() }, span.clone()));
            };
            let row = match found.get(label.as_str()) {
                Some(&row) => row,
                None => self.tables.row(ti, label, span)?,
            };
            found.insert(label, row);
            rows.push(row);
        }
        Ok(rows)
    }

    /// Applies a filter to a value.
    fn filter(&self, f: &Filter, value: &Value, text: &str) -> Result<Value, Error> {
        let at_name = |kind| Error::new(kind, f.name.span.clone());
        let known = names::filter(&f.name.name).ok_or_else(|| {
            at_name(ErrorKind::UnknownFilter { name: f.name.name.clone(), suggestion: None })
        })?;
        let name = known.name;
        let fig =
            value.figure().map_err(|got| at_name(ErrorKind::FilterInput { filter: name, got }))?;
        let args = self.args(name, &f.name.span, &f.args, text)?;
        let failed = |problem| at_name(ErrorKind::Filter { filter: name, problem });
        let decimals = decimals(&args)?;
        let printed = match name {
            "tall" => figure::tall(&fig, decimals, thousands(&args)?),
            "kr" | "tusen" => figure::kr(&fig).map_err(failed)?,
            "mill" => figure::mill(&fig, decimals).map_err(failed)?,
            "prosent" => figure::prosent(&fig, decimals),
            "prosentpoeng" => figure::prosentpoeng(&fig, decimals),
            "fortegn" => figure::fortegn(&fig, decimals),
            "forbruk" => figure::forbruk(&fig).map_err(failed)?,
            _ => return Ok(Value::Figure(figure::abs(&fig))),
        };
        Ok(Value::Text(printed))
    }
}

/// An error of a formula in `kolonne=`: arithmetic at the formula, a cell at the call.
fn formula_error(kind: ErrorKind, formula: &Span, call: &Span) -> Error {
    match kind {
        ErrorKind::FormulaArithmetic { .. } => Error::new(kind, formula.clone()),
        _ => Error::new(kind, call.clone()),
    }
}

/// `desimaler=`: a whole number from 0 to 10, written without decimals.
fn decimals(args: &Args<'_>) -> Result<Option<u32>, Error> {
    let Some((arg, value)) = args.values.iter().find(|(a, _)| a.name.name == "desimaler") else {
        return Ok(None);
    };
    match value {
        Value::Number(d) if d.scale() == 0 && *d >= Decimal::ZERO && *d <= Decimal::TEN => {
            Ok(u32::try_from(d.mantissa()).ok())
        }
        _ => Err(Error::new(ErrorKind::BadDecimals { filter: args.owner }, arg.value.span.clone())),
    }
}

/// `tusenskille=`: true or false; true when not given.
fn thousands(args: &Args<'_>) -> Result<bool, Error> {
    match args.values.iter().find(|(a, _)| a.name.name == "tusenskille") {
        None => Ok(true),
        Some((_, Value::Bool(b))) => Ok(*b),
        Some((arg, _)) => Err(Error::new(ErrorKind::BadThousands, arg.value.span.clone())),
    }
}

/// `endring(fra=…, til=…)`: til − fra.
fn endring(args: &Args<'_>, call: &Span) -> Result<Value, Error> {
    let from = args.figure("fra")?;
    let to = args.figure("til")?;
    let value = arith::sub(to.value, from.value)
        .map_err(|e| Error::new(ErrorKind::ChangeArithmetic(e), call.clone()))?;
    let unit = if from.unit == to.unit || from.unit.is_none() { to.unit } else { None };
    Ok(Value::Figure(Figure::calculated(value, from.scale.max(to.scale), unit)))
}

#[cfg(test)]
#[path = "eval_tests.rs"]
mod tests;
