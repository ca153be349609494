//! The rules declared for a table (by its kind and in its YAML block), as read.
//!
//! `load` fills these in with source positions; `validate` evaluates them.

use rust_decimal::Decimal;

use crate::diag::Code;
use crate::source::Span;

/// All rules of one table.
#[derive(Debug, Clone, Default)]
pub struct TableSpec {
    /// Index into `Report::tables`.
    pub index: usize,
    /// The `table:` block in the chapter file.
    pub span: Span,
    /// Derived columns.
    pub derived: Vec<DerivedRule>,
    /// Sum rows.
    pub sums: Vec<SumRule>,
    /// Links to other tables.
    pub links: Vec<LinkRule>,
    /// Totals (shares adding up to 100 …).
    pub totals: Vec<TotalRule>,
    /// A column whose values also name rows.
    pub row_key: Option<String>,
    /// Acknowledged findings.
    pub acknowledge: Vec<Acknowledgement>,
    /// Check KOSTRA codes in row labels.
    pub kostra: bool,
    /// Spans of the header cells.
    pub header_spans: Vec<Span>,
    /// Cells written `?`: awaiting figures (row index, column index), in order.
    pub awaiting: Vec<(usize, usize)>,
    /// `previous:` how the table pairs with last year's.
    pub previous: Option<crate::load::schema::PreviousSource>,
}

/// `target = expression`, evaluated in every row.
#[derive(Debug, Clone)]
pub struct DerivedRule {
    /// The column computed.
    pub target: String,
    /// The formula.
    pub expr: Expr,
    /// The formula as written.
    pub text: String,
    /// Where it was declared (the kind's preset points at the `kind:` line).
    pub span: Span,
    /// AR101, or AR106 for indicator avvik.
    pub code: Code,
}

/// An arithmetic expression over column keys.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A column of the same row.
    Column(String),
    /// A constant.
    Const(Decimal),
    /// A binary operation.
    Binary(Box<Expr>, Op, Box<Expr>),
    /// Negation.
    Neg(Box<Expr>),
}

/// An operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// +
    Add,
    /// -
    Sub,
    /// *
    Mul,
    /// /
    Div,
}

impl Expr {
    /// Column keys used.
    pub fn columns(&self, out: &mut Vec<String>) {
        match self {
            Expr::Column(c) => {
                if !out.contains(c) {
                    out.push(c.clone())
                }
            }
            Expr::Const(_) => {}
            Expr::Binary(a, _, b) => {
                a.columns(out);
                b.columns(out);
            }
            Expr::Neg(a) => a.columns(out),
        }
    }
}

/// A row reference, possibly into another table.
#[derive(Debug, Clone)]
pub struct RowRef {
    /// Another table's id, or `None` for this table.
    pub table: Option<String>,
    /// The label (or row key, or label prefix).
    pub row: String,
    /// Where it was written.
    pub span: Span,
}

/// Which rows a sum adds.
#[derive(Debug, Clone)]
pub enum SumOf {
    /// Ordinary rows above, back to the previous sum row.
    Above,
    /// Every ordinary row.
    All,
    /// Exactly these rows.
    Rows(Vec<RowRef>),
    /// A range, both ends included.
    Range(RowRef, RowRef),
}

/// A sum row.
#[derive(Debug, Clone)]
pub struct SumRule {
    /// The sum row.
    pub row: RowRef,
    /// Its parts.
    pub of: SumOf,
    /// Columns to check (default: every figure column).
    pub columns: Option<Vec<(String, Span)>>,
    /// Where it was declared.
    pub span: Span,
    /// Declared by the table's kind, not by the user.
    pub preset: bool,
}

/// How rows are paired in a link.
#[derive(Debug, Clone)]
pub enum LinkRows {
    /// Every row whose label is in both tables.
    Same,
    /// Explicit pairs: (this table's row, that table's row).
    Pairs(Vec<(RowRef, RowRef)>),
}

/// The relation a link asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// A transfer: identical.
    Eq,
    /// This ≥ that.
    Ge,
    /// This ≤ that.
    Le,
}

impl Relation {
    /// As written.
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::Eq => "=",
            Relation::Ge => "≥",
            Relation::Le => "≤",
        }
    }
}

/// A link to another table.
#[derive(Debug, Clone)]
pub struct LinkRule {
    /// The other table's id.
    pub to: String,
    /// Where `to` was written.
    pub to_span: Span,
    /// Row pairs.
    pub rows: LinkRows,
    /// Column pairs (this key, that key), or `None` for all shared figure columns.
    pub columns: Option<Vec<(String, String, Span)>>,
    /// The relation.
    pub relation: Relation,
    /// Where it was declared.
    pub span: Span,
}

/// Figures that must add up to a total.
#[derive(Debug, Clone)]
pub struct TotalRule {
    /// Add across these columns in every row …
    pub columns: Option<Vec<(String, Span)>>,
    /// … or down these rows in every figure column.
    pub rows: Option<Vec<RowRef>>,
    /// The total.
    pub equals: Decimal,
    /// Where it was declared.
    pub span: Span,
}

/// An acknowledged finding.
#[derive(Debug, Clone)]
pub struct Acknowledgement {
    /// The rule.
    pub code: Code,
    /// Limited to this row, if given.
    pub row: Option<String>,
    /// Limited to this column key, if given.
    pub column: Option<String>,
    /// Why it is accepted.
    pub reason: String,
    /// Where it was declared.
    pub span: Span,
}
