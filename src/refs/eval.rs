//! Evaluating one expression with Tera: the functions, the filters, and plain-language errors.
//!
//! An expression is first parsed by Tera (`{{ … }}` must hold exactly one expression) and its
//! syntax tree checked against the small language of docs/format.md, "Figures in text": only
//! `fakta.…`, the functions `tabell`, `sum`, `endring` and the filters of [`FILTERS`], no
//! arithmetic operators (Tera computes with `f64`), no tests, macros or tags. Then Tera renders
//! it with the functions and filters registered here; every figure stays an exact
//! [`Decimal`](rust_decimal::Decimal) (see [`super::figure`]). A function or filter that fails
//! leaves a structured [`Failure`] (code, message, hints, the place in the expression) in a
//! shared slot, so the diagnostic does not depend on Tera's wording.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use rust_decimal::Decimal;
use tera::ast::{Expr, ExprVal, FunctionCall, Node};
use tera::{Context, Template, Tera, Value};

use super::figure::{self, Figure};
use crate::diag::Code;
use crate::format;
use crate::load::expr as formula;
use crate::load::spec::{Expr as Formula, TableSpec};
use crate::load::yaml::did_you_mean;
use crate::model::{Cell, ColumnKind, Report, RowStyle, Table};
use crate::validate::arith::{self, ArithError, EvalError};
use crate::validate::rows::matches_note;
use crate::validate::{RowError, find_row};

/// The functions of the language: name, arguments, required arguments.
pub const FUNCTIONS: &[(&str, &[&str], &[&str])] = &[
    ("tabell", &["id", "rad", "kolonne"], &["id", "rad", "kolonne"]),
    ("sum", &["tabell", "kolonne", "rader"], &["tabell", "kolonne"]),
    ("endring", &["fra", "til"], &["fra", "til"]),
];

/// The filters of the language and their (optional) arguments.
pub const FILTERS: &[(&str, &[&str])] = &[
    ("tall", &["desimaler", "tusenskille"]),
    ("kr", &[]),
    ("tusen", &[]),
    ("mill", &["desimaler"]),
    ("prosent", &["desimaler"]),
    ("prosentpoeng", &["desimaler"]),
    ("fortegn", &["desimaler"]),
    ("forbruk", &[]),
    ("abs", &[]),
];

/// The internal filter that prints the final value; not part of the language.
const SHOW: &str = "__arsrapport_vis";
/// The internal variable the expression's value is kept in.
const VALUE: &str = "__arsrapport_verdi";

/// Where in the expression a failure is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole expression.
    Whole,
    /// A byte range in the expression's text.
    Range(usize, usize),
    /// A quoted string with this content (an id, a row label …).
    Literal(Box<str>),
    /// A name (function, filter, argument, fact) as a whole word.
    Name(Box<str>),
}

/// Why an expression could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// AR401 (unknown table, row, column or fact) or AR402 (anything else).
    pub code: Code,
    /// One sentence.
    pub message: String,
    /// A short label at the place.
    pub label: &'static str,
    /// Where.
    pub place: Place,
    /// Further explanation.
    pub notes: Vec<String>,
    /// How to fix it.
    pub hints: Vec<String>,
}

impl Failure {
    fn new(code: Code, message: impl Into<String>, label: &'static str, place: Place) -> Failure {
        Failure {
            code,
            message: message.into(),
            label,
            place,
            notes: Vec::new(),
            hints: Vec::new(),
        }
    }

    fn expression(message: impl Into<String>, place: Place) -> Failure {
        Failure::new(Code::Expression, message, "cannot be evaluated", place)
    }

    fn unknown(message: impl Into<String>, label: &'static str, place: Place) -> Failure {
        Failure::new(Code::UnknownReference, message, label, place)
    }

    fn hint(mut self, hint: impl Into<String>) -> Failure {
        self.hints.push(hint.into());
        self
    }

    fn hint_opt(self, hint: Option<String>) -> Failure {
        match hint {
            Some(h) => self.hint(h),
            None => self,
        }
    }

    /// An arithmetic failure of the formula `kolonne=` is placed at that formula.
    fn at_formula(mut self, kolonne: &str) -> Failure {
        if self.code == Code::Arithmetic && self.place == Place::Whole {
            self.place = Place::Literal(kolonne.into());
        }
        self
    }

    fn note(mut self, note: impl Into<String>) -> Failure {
        self.notes.push(note.into());
        self
    }
}

type Slot = Arc<Mutex<Option<Failure>>>;

fn keep(slot: &Slot, failure: Failure) -> tera::Error {
    let message = failure.message.clone();
    if let Ok(mut s) = slot.lock()
        && s.is_none()
    {
        *s = Some(failure);
    }
    tera::Error::msg(message)
}

/// The tables, as the functions see them.
struct Data {
    tables: Vec<Table>,
    row_keys: Vec<Option<String>>,
    /// Per table, the cells written `?` (awaiting figures).
    awaiting: Vec<std::collections::BTreeSet<(usize, usize)>>,
}

/// A column of a table: one key, or a formula over keys.
enum Column {
    Key(usize),
    Formula(Formula, Vec<usize>),
}

fn text_arg<'a>(
    args: &'a HashMap<String, Value>,
    function: &str,
    name: &str,
) -> Result<&'a str, Failure> {
    match args.get(name) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(Failure::expression(
            format!("`{name}=` of `{function}` must be a text in quotes, not {}", kind(other)),
            Place::Name(name.into()),
        )),
        None => Err(Failure::expression(
            format!("`{function}` needs `{name}=`"),
            Place::Name(function.into()),
        )),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "a text",
        Value::Number(_) => "a number",
        Value::Bool(_) => "true or false",
        Value::Null => "nothing",
        Value::Array(_) => "a list",
        Value::Object(m) if m.contains_key("__figur") => "a figure",
        Value::Object(_) => "a map",
    }
}

impl Data {
    fn table(&self, id: &str) -> Result<usize, Failure> {
        if let Some(i) = self.tables.iter().position(|t| t.id == id) {
            return Ok(i);
        }
        let hint = did_you_mean(id, self.tables.iter().map(|t| t.id.as_str()))
            .map(|b| format!("did you mean `{b}`?"));
        Err(Failure::unknown(
            format!("there is no table with id «{id}»"),
            "no such table",
            Place::Literal(id.into()),
        )
        .hint_opt(hint)
        .note("a table is named by the `id:` of its `table:` block"))
    }

    fn row(&self, ti: usize, reference: &str) -> Result<usize, Failure> {
        let table = &self.tables[ti];
        match find_row(table, self.row_keys[ti].as_deref(), reference) {
            Ok(i) => Ok(i),
            Err(RowError::Ambiguous(rows)) => {
                Err(Failure::new(
                    Code::AmbiguousRow,
                    format!("«{reference}» names {} rows of table `{}`", rows.len(), table.id),
                    "more than one row",
                    Place::Literal(reference.into()),
                )
                .note(matches_note(table, &rows))
                .hint("write the whole label of the row you mean, or give the rows different labels in the CSV file"))
            }
            Err(RowError::Missing) => {
                let labels = table.rows.iter().map(|r| r.label());
                let hint = did_you_mean(reference, labels).map(|b| format!("did you mean «{b}»?"));
                Err(Failure::unknown(
                    format!("table `{}` has no row «{reference}»", table.id),
                    "no such row",
                    Place::Literal(reference.into()),
                )
                .hint_opt(hint)
                .note("a row is named by its label, by its row key, or by the start of its label followed by a space"))
            }
        }
    }

    fn column(&self, ti: usize, text: &str) -> Result<Column, Failure> {
        let table = &self.tables[ti];
        let key = |k: &str| table.columns.iter().position(|c| c.key == k);
        if let Some(c) = key(text.trim()) {
            return Ok(Column::Key(c));
        }
        let keys = || table.columns.iter().map(|c| c.key.as_str());
        let unknown = |k: &str| {
            let hint = did_you_mean(k, keys()).map(|b| format!("did you mean `{b}`?"));
            Failure::unknown(
                format!("table `{}` has no column `{k}`", table.id),
                "no such column",
                Place::Literal(text.into()),
            )
            .hint_opt(hint)
            .note(format!(
                "the columns of `{}` are: {}",
                table.id,
                keys().collect::<Vec<_>>().join(", ")
            ))
        };
        let trimmed = text.trim();
        if trimmed.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Err(unknown(trimmed));
        }
        let expr = formula::parse_expr(text).map_err(|e| {
            Failure::expression(
                format!("the formula «{text}» cannot be read: {e}"),
                Place::Literal(text.into()),
            )
            .hint("a formula uses column keys, numbers, + - * / and ( ), e.g. \"regnskap - regnskap_fjor\"")
        })?;
        let mut used = Vec::new();
        expr.columns(&mut used);
        let mut indices = Vec::new();
        for k in &used {
            indices.push(key(k).ok_or_else(|| unknown(k))?);
        }
        Ok(Column::Formula(expr, indices))
    }

    fn place_of(&self, ti: usize, ri: usize, col: usize) -> String {
        let t = &self.tables[ti];
        format!("row «{}», column `{}` of table `{}`", t.rows[ri].label(), t.columns[col].key, t.id)
    }

    /// A cell as a figure value; `empty_is_zero` for sums.
    fn number(
        &self,
        ti: usize,
        ri: usize,
        col: usize,
        empty_is_zero: bool,
    ) -> Result<(Decimal, u32), Failure> {
        let row = &self.tables[ti].rows[ri];
        if row.malformed {
            return Err(Failure::expression(
                format!(
                    "{} cannot be used: the row has more or fewer cells than the header",
                    self.place_of(ti, ri, col)
                ),
                Place::Whole,
            ));
        }
        match row.cells.get(col) {
            Some(Cell::Number(n)) => Ok((n.value, n.scale)),
            Some(Cell::Dash) => Ok((Decimal::ZERO, 0)),
            Some(Cell::Empty) | None if empty_is_zero => Ok((Decimal::ZERO, 0)),
            Some(Cell::Empty) | None
                if self.awaiting.get(ti).is_some_and(|a| a.contains(&(ri, col))) =>
            {
                Err(Failure::new(
                    Code::AwaitingFigures,
                    format!("{} still waits for its figure (`?`)", self.place_of(ti, ri, col)),
                    "waits for a figure",
                    Place::Whole,
                ))
            }
            Some(Cell::Empty) | None => Err(Failure::expression(
                format!("{} is empty", self.place_of(ti, ri, col)),
                Place::Whole,
            )),
            Some(Cell::NotAvailable) => Err(Failure::expression(
                format!("{} is `*` (not available)", self.place_of(ti, ri, col)),
                Place::Whole,
            )),
            Some(Cell::Text(t)) => Err(Failure::expression(
                format!("{} holds the text «{t}», not a figure", self.place_of(ti, ri, col)),
                Place::Whole,
            )),
        }
    }

    fn formula_value(
        &self,
        ti: usize,
        ri: usize,
        expr: &Formula,
        indices: &[usize],
        empty_is_zero: bool,
    ) -> Result<(Decimal, u32), Failure> {
        let table = &self.tables[ti];
        let mut values = BTreeMap::new();
        let mut scale = 0;
        for &c in indices {
            let (v, s) = self.number(ti, ri, c, empty_is_zero)?;
            scale = scale.max(s);
            values.insert(table.columns[c].key.as_str(), v);
        }
        let value = arith::eval(expr, &|k| values.get(k).copied()).map_err(|e| {
            let what = match &e {
                EvalError::Arith(error) => error.what().to_string(),
                EvalError::Missing(key) => format!("has no figure for `{key}`"),
            };
            let mut f = Failure::new(
                Code::Arithmetic,
                format!(
                    "the formula {what} in row «{}» of table `{}`",
                    table.rows[ri].label(),
                    table.id
                ),
                "cannot be computed",
                Place::Whole,
            );
            if let EvalError::Arith(error) = e {
                f = f.hint(error.hint());
            }
            f
        })?;
        Ok((value, scale))
    }

    /// `tabell(id=…, rad=…, kolonne=…)`
    fn tabell(&self, args: &HashMap<String, Value>) -> Result<Value, Failure> {
        let ti = self.table(text_arg(args, "tabell", "id")?)?;
        let ri = self.row(ti, text_arg(args, "tabell", "rad")?)?;
        let table = &self.tables[ti];
        let kolonne = text_arg(args, "tabell", "kolonne")?;
        match self.column(ti, kolonne)? {
            Column::Key(c) => {
                let column = &table.columns[c];
                let cell = table.rows[ri].cells.get(c);
                if column.kind != ColumnKind::Number || c == 0 {
                    let text = cell.map(|cell| format::cell(cell, column.kind)).unwrap_or_default();
                    if text.trim().is_empty() {
                        return Err(Failure::expression(
                            format!("{} is empty", self.place_of(ti, ri, c)),
                            Place::Whole,
                        ));
                    }
                    return Ok(Value::String(text));
                }
                match cell {
                    Some(Cell::Number(n)) if !table.rows[ri].malformed => {
                        Ok(Figure::from_number(n, table.unit.clone()).to_value())
                    }
                    _ => {
                        let (value, scale) = self.number(ti, ri, c, false)?;
                        Ok(Figure::calculated(value, scale, table.unit.clone()).to_value())
                    }
                }
            }
            Column::Formula(expr, indices) => {
                let (value, scale) = self
                    .formula_value(ti, ri, &expr, &indices, false)
                    .map_err(|f| f.at_formula(kolonne))?;
                Ok(Figure::calculated(value, scale, table.unit.clone()).to_value())
            }
        }
    }

    /// `sum(tabell=…, kolonne=…, rader=[…])`
    fn sum(&self, args: &HashMap<String, Value>) -> Result<Value, Failure> {
        let ti = self.table(text_arg(args, "sum", "tabell")?)?;
        let kolonne = text_arg(args, "sum", "kolonne")?;
        let column = self.column(ti, kolonne)?;
        let table = &self.tables[ti];
        let rows: Vec<usize> = match args.get("rader") {
            // Every ordinary row; one with the wrong number of cells is an error, not left out.
            None => {
                (0..table.rows.len()).filter(|&i| table.rows[i].style == RowStyle::Normal).collect()
            }
            Some(Value::Array(items)) => {
                let mut rows = Vec::new();
                for item in items {
                    let Value::String(r) = item else {
                        return Err(Failure::expression(
                            format!(
                                "`rader=` of `sum` is a list of row labels in quotes, not {}",
                                kind(item)
                            ),
                            Place::Name("rader".into()),
                        ));
                    };
                    rows.push(self.row(ti, r)?);
                }
                rows
            }
            Some(other) => {
                return Err(Failure::expression(
                    format!(
                        "`rader=` of `sum` must be a list such as [\"100\", \"110\"], not {}",
                        kind(other)
                    ),
                    Place::Name("rader".into()),
                ));
            }
        };
        let mut total = Decimal::ZERO;
        let mut scale = 0;
        for ri in rows {
            let (v, s) = match &column {
                Column::Key(c) => self.number(ti, ri, *c, true)?,
                Column::Formula(expr, indices) => self
                    .formula_value(ti, ri, expr, indices, true)
                    .map_err(|f| f.at_formula(kolonne))?,
            };
            total = arith::sum([total, v])
                .map_err(|e| arithmetic(format!("the sum {}", e.what()), e))?;
            scale = scale.max(s);
        }
        Ok(Figure::calculated(total, scale, table.unit.clone()).to_value())
    }
}

fn figure_arg(
    args: &HashMap<String, Value>,
    function: &str,
    name: &str,
) -> Result<Figure, Failure> {
    let v = args.get(name).ok_or_else(|| {
        Failure::expression(format!("`{function}` needs `{name}=`"), Place::Name(function.into()))
    })?;
    Figure::from_value(v).map_err(|got| {
        Failure::expression(
            format!("`{name}=` of `{function}` must be a figure, but it is {got}"),
            Place::Name(name.into()),
        )
    })
}

/// AR107: a calculation in text has no exact result.
fn arithmetic(message: String, error: ArithError) -> Failure {
    Failure::new(Code::Arithmetic, message, "cannot be computed", Place::Whole).hint(error.hint())
}

/// `endring(fra=…, til=…)`: til − fra.
fn endring(args: &HashMap<String, Value>) -> Result<Value, Failure> {
    let from = figure_arg(args, "endring", "fra")?;
    let to = figure_arg(args, "endring", "til")?;
    let value = arith::sub(to.value, from.value)
        .map_err(|e| arithmetic(format!("the change {}", e.what()), e))?;
    let unit = if from.unit == to.unit || from.unit.is_none() { to.unit } else { None };
    Ok(Figure::calculated(value, from.scale.max(to.scale), unit).to_value())
}

fn decimals_arg(args: &HashMap<String, Value>, filter: &str) -> Result<Option<u32>, Failure> {
    match args.get("desimaler") {
        None => Ok(None),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|d| d <= 10) => {
            Ok(n.as_u64().map(|d| d as u32))
        }
        Some(_) => Err(Failure::expression(
            format!("`desimaler=` of `{filter}` must be a whole number from 0 to 10"),
            Place::Name("desimaler".into()),
        )),
    }
}

/// Applies a figure filter to a value.
fn apply_filter(name: &str, v: &Value, args: &HashMap<String, Value>) -> Result<Value, Failure> {
    let f = Figure::from_value(v).map_err(|got| {
        Failure::expression(
            format!("the filter `{name}` needs a figure, but gets {got}"),
            Place::Name(name.into()),
        )
    })?;
    let failed = |message: String| Failure::expression(message, Place::Name(name.into()));
    let text = match name {
        "tall" => {
            let group = match args.get("tusenskille") {
                None => true,
                Some(Value::Bool(b)) => *b,
                Some(_) => {
                    return Err(Failure::expression(
                        "`tusenskille=` of `tall` is true or false",
                        Place::Name("tusenskille".into()),
                    ));
                }
            };
            figure::tall(&f, decimals_arg(args, name)?, group)
        }
        "kr" | "tusen" => figure::kr(&f, name).map_err(failed)?,
        "mill" => figure::mill(&f, decimals_arg(args, name)?).map_err(failed)?,
        "prosent" => figure::prosent(&f, decimals_arg(args, name)?),
        "prosentpoeng" => figure::prosentpoeng(&f, decimals_arg(args, name)?),
        "fortegn" => figure::fortegn(&f, decimals_arg(args, name)?),
        "forbruk" => figure::forbruk(&f).map_err(failed)?,
        "abs" => return Ok(figure::abs(&f).to_value()),
        _ => return Err(failed(format!("unknown filter `{name}`"))),
    };
    Ok(Value::String(text))
}

/// Prints the final value of an expression.
fn show(v: &Value) -> Result<Value, Failure> {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Object(_) | Value::Number(_) => match Figure::from_value(v) {
            Ok(f) => f.printed(),
            Err(got) => {
                return Err(Failure::expression(
                    format!("the expression gives {got}, not a figure or a text"),
                    Place::Whole,
                ));
            }
        },
        other => {
            return Err(Failure::expression(
                format!("the expression gives {}, not a figure or a text", kind(other)),
                Place::Whole,
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(Failure::expression("the expression gives empty text", Place::Whole));
    }
    Ok(Value::String(text))
}

/// Evaluates expressions against one report.
pub struct Evaluator {
    tera: Tera,
    context: Context,
    slot: Slot,
    /// Fact names as written in expressions (the names, and `_` for `-`) → the declared name.
    facts: BTreeMap<String, String>,
}

impl Evaluator {
    /// Sets up Tera with the report's tables and facts.
    pub fn new(report: &Report, specs: &[TableSpec]) -> Evaluator {
        let slot: Slot = Arc::new(Mutex::new(None));
        let data = Arc::new(Data {
            tables: report.tables.clone(),
            row_keys: (0..report.tables.len())
                .map(|i| specs.get(i).and_then(|s| s.row_key.clone()))
                .collect(),
            awaiting: (0..report.tables.len())
                .map(|i| {
                    specs.get(i).map(|s| s.awaiting.iter().copied().collect()).unwrap_or_default()
                })
                .collect(),
        });
        let mut tera = Tera::default();
        {
            let (data, slot) = (data.clone(), slot.clone());
            tera.register_function("tabell", move |args: &HashMap<String, Value>| {
                data.tabell(args).map_err(|f| keep(&slot, f))
            });
        }
        {
            let (data, slot) = (data.clone(), slot.clone());
            tera.register_function("sum", move |args: &HashMap<String, Value>| {
                data.sum(args).map_err(|f| keep(&slot, f))
            });
        }
        {
            let slot = slot.clone();
            tera.register_function("endring", move |args: &HashMap<String, Value>| {
                endring(args).map_err(|f| keep(&slot, f))
            });
        }
        for (name, _) in FILTERS {
            let slot = slot.clone();
            tera.register_filter(name, move |v: &Value, args: &HashMap<String, Value>| {
                apply_filter(name, v, args).map_err(|f| keep(&slot, f))
            });
        }
        {
            let slot = slot.clone();
            tera.register_filter(SHOW, move |v: &Value, _: &HashMap<String, Value>| {
                show(v).map_err(|f| keep(&slot, f))
            });
        }
        // Tera's own `get_env` would let a report print the environment.
        tera.register_function("get_env", |_: &HashMap<String, Value>| {
            Err(tera::Error::msg("not available"))
        });

        let mut facts = BTreeMap::new();
        let mut values = tera::Map::new();
        for (name, fact) in &report.facts {
            let figure = Figure::from_number(&fact.value, fact.unit.clone()).to_value();
            values.insert(name.clone(), figure);
            facts.insert(name.clone(), name.clone());
        }
        for (name, fact) in &report.facts {
            let alias = name.replace('-', "_");
            if let std::collections::btree_map::Entry::Vacant(e) = facts.entry(alias.clone()) {
                e.insert(name.clone());
                values
                    .insert(alias, Figure::from_number(&fact.value, fact.unit.clone()).to_value());
            }
        }
        let mut context = Context::new();
        context.insert("fakta", &Value::Object(values));
        Evaluator { tera, context, slot, facts }
    }

    /// How to write a reference to the fact `name` in text.
    pub fn fact_reference(name: &str) -> String {
        let alias = name.replace('-', "_");
        if alias.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            format!("{{{{ fakta.{alias} }}}}")
        } else {
            format!("{{{{ fakta[\"{name}\"] }}}}")
        }
    }

    /// Evaluates the text between `{{` and `}}`; gives the formatted text.
    pub fn evaluate(&mut self, expr: &str) -> Result<String, Failure> {
        let trimmed = expr.trim();
        if trimmed.starts_with('-') || trimmed.ends_with('-') {
            return Err(Failure::expression(
                "`{{-` and `-}}` (whitespace control) are not used in text",
                Place::Whole,
            )
            .hint("write the spaces you want around the braces in the text itself"));
        }
        let template = format!("{{{{{expr}}}}}");
        let parsed =
            Template::new("uttrykk", None, &template).map_err(|e| parse_failure(&e, expr))?;
        let e = match parsed.ast.as_slice() {
            [Node::VariableBlock(_, e)] => e,
            _ => {
                return Err(Failure::expression("`{{ … }}` holds one expression", Place::Whole));
            }
        };
        self.check(e)?;
        if let Ok(mut s) = self.slot.lock() {
            *s = None;
        }
        let text = format!("{{% set {VALUE} = {expr} %}}{{{{ {VALUE} | {SHOW} }}}}");
        match self.tera.render_str(&text, &self.context) {
            Ok(out) => {
                Ok(out.chars().filter(|c| !crate::load::inline::is_private_use(*c)).collect())
            }
            Err(e) => {
                let kept = self.slot.lock().ok().and_then(|mut s| s.take());
                Err(kept.unwrap_or_else(|| render_failure(&e)))
            }
        }
    }

    fn check(&self, e: &Expr) -> Result<(), Failure> {
        if e.negated {
            return Err(unsupported("`not`", Place::Name("not".into())));
        }
        match &e.val {
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
            ExprVal::Ident(name) => self.check_ident(name)?,
            ExprVal::FunctionCall(call) => self.check_call(call)?,
            ExprVal::Array(items) => {
                for i in items {
                    self.check(i)?;
                }
            }
            ExprVal::Math(_) => {
                return Err(Failure::expression(
                    "arithmetic with + - * / is not available in text (it would not be exact)",
                    Place::Whole,
                )
                .hint("compute inside the table reference, `kolonne=\"regnskap - regnskap_fjor\"`, or write `endring(fra=…, til=…)`; see docs/format.md, \"Figures in text\""));
            }
            ExprVal::Logic(_) | ExprVal::In(_) => {
                return Err(unsupported("comparisons and `and`/`or`", Place::Whole));
            }
            ExprVal::Test(_) => return Err(unsupported("tests with `is`", Place::Whole)),
            ExprVal::MacroCall(_) => return Err(unsupported("macros", Place::Whole)),
            ExprVal::StringConcat(_) => {
                return Err(unsupported("joining with `~`", Place::Whole)
                    .hint("write the words outside the braces"));
            }
        }
        for f in &e.filters {
            let Some((_, known)) = FILTERS.iter().find(|(n, _)| *n == f.name) else {
                let names = FILTERS.iter().map(|(n, _)| *n);
                let hint =
                    did_you_mean(&f.name, names.clone()).map(|b| format!("did you mean `{b}`?"));
                return Err(Failure::expression(
                    format!("there is no filter `{}`", f.name),
                    Place::Name(f.name.as_str().into()),
                )
                .hint_opt(hint)
                .note(format!("filters: {}", names.collect::<Vec<_>>().join(", "))));
            };
            self.check_args(&f.name, "filter", f, known, &[])?;
        }
        Ok(())
    }

    fn check_call(&self, call: &FunctionCall) -> Result<(), Failure> {
        let Some((_, known, required)) = FUNCTIONS.iter().find(|(n, _, _)| *n == call.name) else {
            let names = FUNCTIONS.iter().map(|(n, _, _)| *n);
            let hint =
                did_you_mean(&call.name, names.clone()).map(|b| format!("did you mean `{b}`?"));
            return Err(Failure::expression(
                format!("there is no function `{}`", call.name),
                Place::Name(call.name.as_str().into()),
            )
            .hint_opt(hint)
            .note(format!("functions: {}", names.collect::<Vec<_>>().join(", "))));
        };
        self.check_args(&call.name, "function", call, known, required)
    }

    fn check_args(
        &self,
        name: &str,
        what: &str,
        call: &FunctionCall,
        known: &[&str],
        required: &[&str],
    ) -> Result<(), Failure> {
        let mut args: Vec<(&String, &Expr)> = call.args.iter().collect();
        args.sort_by(|a, b| a.0.cmp(b.0));
        for (arg, value) in args {
            if !known.contains(&arg.as_str()) {
                let hint = did_you_mean(arg, known.iter().copied())
                    .map(|b| format!("did you mean `{b}=`?"));
                let takes = if known.is_empty() {
                    format!("the {what} `{name}` takes no arguments")
                } else {
                    format!(
                        "`{name}` takes {}",
                        known.iter().map(|k| format!("`{k}=`")).collect::<Vec<_>>().join(", ")
                    )
                };
                return Err(Failure::expression(
                    format!("the {what} `{name}` has no argument `{arg}`"),
                    Place::Name(arg.as_str().into()),
                )
                .hint_opt(hint)
                .note(takes));
            }
            self.check(value)?;
        }
        if let Some(missing) = required.iter().find(|r| !call.args.contains_key(**r)) {
            return Err(Failure::expression(
                format!("`{name}` needs `{missing}=`"),
                Place::Name(name.into()),
            )
            .hint(format!(
                "write {name}({})",
                required.iter().map(|r| format!("{r}=\"…\"")).collect::<Vec<_>>().join(", ")
            )));
        }
        Ok(())
    }

    fn check_ident(&self, ident: &str) -> Result<(), Failure> {
        let root_end = ident.find(['.', '[']).unwrap_or(ident.len());
        let (root, rest) = ident.split_at(root_end);
        if root != "fakta" {
            let mut f = Failure::unknown(
                format!("there is no name `{root}` in text"),
                "unknown name",
                Place::Name(root.into()),
            );
            if let Some(fact) = self.facts.get(root) {
                f = f.hint(format!("the fact «{fact}» is written `fakta.{root}`"));
            } else if did_you_mean(root, ["fakta"]).is_some() {
                f = f.hint("did you mean `fakta`?");
            }
            return Err(f.note("text can use fakta.<name>, tabell(…), sum(…) and endring(…)"));
        }
        let name = if let Some(n) = rest.strip_prefix('.') {
            n
        } else if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            inner.trim_matches(|c| c == '"' || c == '\'' || c == '`')
        } else {
            return Err(Failure::expression("name the fact: `fakta.<name>`", Place::Whole));
        };
        if name.contains(['.', '[', ']']) {
            return Err(Failure::expression(
                format!("`{ident}`: a fact is a single figure and has no parts"),
                Place::Name(ident.into()),
            ));
        }
        if self.facts.contains_key(name) {
            return Ok(());
        }
        let declared: std::collections::BTreeSet<&str> =
            self.facts.values().map(String::as_str).collect();
        let best = did_you_mean(name, self.facts.keys().map(String::as_str))
            .map(|b| Evaluator::fact_reference(&self.facts[b]));
        let place = if rest.starts_with('[') {
            Place::Literal(name.into())
        } else {
            Place::Name(ident.into())
        };
        let mut f = Failure::unknown(format!("there is no fact «{name}»"), "no such fact", place)
            .hint_opt(best.map(|b| format!("did you mean `{b}`?")));
        f = if declared.is_empty() {
            f.note("the report declares no facts: add them under `facts:` in report.yaml")
        } else {
            let names: Vec<&str> = declared.into_iter().collect();
            f.note(format!(
                "facts are declared under `facts:` in report.yaml: {}",
                names.join(", ")
            ))
        };
        Err(f)
    }
}

fn unsupported(what: &str, place: Place) -> Failure {
    Failure::expression(format!("{what} cannot be used in text"), place)
        .note("text can use fakta.<name>, tabell(…), sum(…), endring(…) and the filters of docs/format.md, \"Figures in text\"")
}

/// Turns Tera's parse error into a plain sentence at the right place.
fn parse_failure(e: &tera::Error, expr: &str) -> Failure {
    let text = e.to_string();
    // " --> 1:8" (line and column in `{{` + expr + `}}`) and "= expected …".
    let position = text.split("--> ").nth(1).and_then(|rest| {
        let loc = rest.split_whitespace().next()?;
        let (l, c) = loc.split_once(':')?;
        Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?))
    });
    let expected =
        text.lines().find_map(|l| l.trim().strip_prefix("= expected ")).unwrap_or("").to_string();
    let template = format!("{{{{{expr}}}}}");
    let offset = position.map(|(line, col)| {
        let start: usize =
            template.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
        let line_text = &template[start.min(template.len())..];
        let within =
            line_text.char_indices().nth(col.saturating_sub(1)).map_or(line_text.len(), |(i, _)| i);
        (start + within).saturating_sub(2).min(expr.len())
    });
    let here = offset.map_or("", |o| &expr[o..]);
    let before = offset.map_or("", |o| expr[..o].trim_end());
    let next = here.chars().next();
    let (message, hint) = if expr.trim().is_empty() {
        (
            "the braces are empty".to_string(),
            Some("write a reference such as `{{ fakta.navn }}`".to_string()),
        )
    } else if matches!(next, Some('"' | '\'')) && (before.ends_with('(') || before.ends_with(',')) {
        (
            "the arguments of a function are named".to_string(),
            Some(format!("write {}", named_form(before))),
        )
    } else if next.is_some_and(|c| c.is_alphabetic() && !c.is_ascii()) && before.ends_with('.') {
        (
            "a name after `.` may only use the letters a–z, digits and _".to_string(),
            Some("write a fact with other letters as fakta[\"navn\"]".to_string()),
        )
    } else if expected.contains("a variable end") || expected.contains("a filter") {
        (
            "the expression cannot be read: something is missing or out of place here".to_string(),
            Some("an expression is one value with optional filters, e.g. `{{ tabell(id=\"…\", rad=\"…\", kolonne=\"avvik\") | kr }}`".to_string()),
        )
    } else if expected.starts_with("an identifier") {
        ("the expression cannot be read: a name is missing here".to_string(), None)
    } else if expected.starts_with("an integer") || expected.contains("an expression") {
        ("the expression cannot be read: a value is missing here".to_string(), None)
    } else {
        ("the expression cannot be read here".to_string(), None)
    };
    let place = match offset {
        Some(o) => Place::Range(o, here.chars().next().map_or(0, char::len_utf8)),
        None => Place::Whole,
    };
    let generic = message == "the expression cannot be read here";
    let f = Failure::new(Code::Expression, message, "cannot be read", place).hint_opt(hint);
    if generic && !expected.is_empty() { f.note(format!("Tera expected {expected}")) } else { f }
}

/// How to call the function whose argument list `before` (the expression up to an argument)
/// is in: `sum(tabell="…", kolonne="…")`.
fn named_form(before: &str) -> String {
    let open = before.rfind('(').unwrap_or(before.len());
    let name = before[..open]
        .trim_end()
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    let (name, args) = FUNCTIONS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or(("tabell", &["id", "rad", "kolonne"][..]), |(n, _, required)| (*n, *required));
    let args: Vec<String> = args.iter().map(|a| format!("{a}=\"…\"")).collect();
    format!("{name}({})", args.join(", "))
}

/// A render error that no function or filter explained.
fn render_failure(e: &tera::Error) -> Failure {
    let mut innermost = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        innermost = s.to_string();
        source = s.source();
    }
    let cleaned = innermost
        .replace(" while rendering '__tera_one_off'", "")
        .replace("'__tera_one_off'", "the expression");
    Failure::expression(format!("the expression cannot be evaluated: {cleaned}"), Place::Whole)
}
