//! The tables as `tabell(…)` and `sum(…)` see them: a table by id, a row as in rules, a column
//! by key or a formula over keys, and a cell as an exact figure.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::error::{CellProblem, Error, ErrorKind};
use super::lex::Span;
use crate::diag::Code;
use crate::load::expr as formula;
use crate::load::spec::{Expr as Formula, TableSpec};
use crate::load::yaml::did_you_mean;
use crate::model::{Cell, Report, Table};
use crate::validate::arith;
use crate::validate::rows::matches_note;
use crate::validate::{RowError, find_row};

/// The report's tables and their row keys.
pub struct Tables<'r> {
    pub tables: &'r [Table],
    row_keys: Vec<Option<&'r str>>,
    /// Per table, the cells written `?` (awaiting figures): (row, column).
    awaiting: Vec<std::collections::BTreeSet<(usize, usize)>>,
}

/// A column of a table: one key, or a formula over keys.
pub enum Column {
    Key(usize),
    Formula(Formula, Vec<usize>),
}

/// Whether `kolonne=` is words (a column meant by name) rather than a formula: letters, digits,
/// spaces and `_ . , %`, no operator or bracket.
fn is_words(text: &str) -> bool {
    text.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.,%".contains(c))
}

/// Letters and spaces compared without case: how a heading is recognised.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl<'r> Tables<'r> {
    pub fn new(report: &'r Report, specs: &'r [TableSpec]) -> Tables<'r> {
        let row_keys = (0..report.tables.len())
            .map(|i| specs.get(i).and_then(|s| s.row_key.as_deref()))
            .collect();
        let awaiting = (0..report.tables.len())
            .map(|i| specs.get(i).map(|s| s.awaiting.iter().copied().collect()).unwrap_or_default())
            .collect();
        Tables { tables: &report.tables, row_keys, awaiting }
    }

    /// The table with id `id`; `span` is where the id is written.
    pub fn table(&self, id: &str, span: &Span) -> Result<usize, Error> {
        if let Some(i) = self.tables.iter().position(|t| t.id == id) {
            return Ok(i);
        }
        let suggestion =
            did_you_mean(id, self.tables.iter().map(|t| t.id.as_str())).map(str::to_string);
        Err(Error::new(ErrorKind::UnknownTable { id: id.to_string(), suggestion }, span.clone()))
    }

    /// The row `reference` names in table `ti`.
    pub fn row(&self, ti: usize, reference: &str, span: &Span) -> Result<usize, Error> {
        let table = &self.tables[ti];
        let kind = match find_row(table, self.row_keys[ti], reference) {
            Ok(i) => return Ok(i),
            Err(RowError::Ambiguous(rows)) => ErrorKind::AmbiguousRow {
                table: table.id.clone(),
                row: reference.to_string(),
                count: rows.len(),
                matches: matches_note(table, &rows),
            },
            Err(RowError::Missing) => ErrorKind::UnknownRow {
                table: table.id.clone(),
                row: reference.to_string(),
                suggestion: did_you_mean(reference, table.rows.iter().map(|r| r.label()))
                    .map(str::to_string),
            },
        };
        Err(Error::new(kind, span.clone()))
    }

    fn unknown_column(&self, ti: usize, column: &str, span: Span) -> Error {
        let table = &self.tables[ti];
        let keys = || table.columns.iter().map(|c| c.key.as_str());
        let suggestion = did_you_mean(column, keys()).map(str::to_string);
        let kind = ErrorKind::UnknownColumn {
            table: table.id.clone(),
            column: column.to_string(),
            suggestion,
            keys: keys().map(str::to_string).collect(),
        };
        Error::new(kind, span)
    }

    /// The column `text` names in table `ti`: a key, or a formula over keys. `span` is where
    /// `text` is written; `content` where its characters start, when it is written as they are
    /// (a text in quotes), so that a key in a formula can be pointed at.
    pub fn column(
        &self,
        ti: usize,
        text: &str,
        span: &Span,
        content: Option<usize>,
    ) -> Result<Column, Error> {
        let table = &self.tables[ti];
        let key = |k: &str| table.columns.iter().position(|c| c.key == k);
        let trimmed = text.trim();
        if let Some(c) = key(trimmed) {
            return Ok(Column::Key(c));
        }
        if let Some(c) = table.columns.iter().find(|c| fold(&c.header) == fold(trimmed)) {
            let kind = ErrorKind::ColumnHeading {
                table: table.id.clone(),
                heading: trimmed.to_string(),
                key: c.key.clone(),
            };
            return Err(Error::new(kind, span.clone()));
        }
        if trimmed.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Err(self.unknown_column(ti, trimmed, span.clone()));
        }
        let expr = formula::parse_expr(text).map_err(|e| {
            // Words without an operator were meant as a column, not as a formula.
            if is_words(trimmed) {
                return self.unknown_column(ti, trimmed, span.clone());
            }
            let kind = ErrorKind::BadFormula {
                formula: text.to_string(),
                reason: e.message.clone(),
                limit: e.code == Code::Limit,
            };
            Error::new(kind, span.clone())
        })?;
        let mut used = Vec::new();
        expr.columns(&mut used);
        let mut indices = Vec::new();
        for k in &used {
            let place = content
                .and_then(|start| word_at(text, k).map(|at| start + at..start + at + k.len()))
                .unwrap_or_else(|| span.clone());
            indices.push(key(k).ok_or_else(|| self.unknown_column(ti, k, place))?);
        }
        Ok(Column::Formula(expr, indices))
    }

    fn cell_error(&self, ti: usize, ri: usize, col: usize, problem: CellProblem) -> ErrorKind {
        let t = &self.tables[ti];
        ErrorKind::Cell {
            table: t.id.clone(),
            row: t.rows[ri].label().to_string(),
            column: t.columns[col].key.clone(),
            problem,
        }
    }

    /// A cell as a figure (value, decimals); `empty_is_zero` for sums.
    pub fn number(
        &self,
        ti: usize,
        ri: usize,
        col: usize,
        empty_is_zero: bool,
    ) -> Result<(Decimal, u32), ErrorKind> {
        let row = &self.tables[ti].rows[ri];
        if row.malformed {
            return Err(self.cell_error(ti, ri, col, CellProblem::Malformed));
        }
        let problem = match row.cells.get(col) {
            Some(Cell::Number(n)) => return Ok((n.value, n.scale)),
            Some(Cell::Dash) => return Ok((Decimal::ZERO, 0)),
            Some(Cell::Empty) | None if empty_is_zero => return Ok((Decimal::ZERO, 0)),
            Some(Cell::Empty) | None
                if self.awaiting.get(ti).is_some_and(|a| a.contains(&(ri, col))) =>
            {
                CellProblem::Awaiting
            }
            Some(Cell::Empty) | None => CellProblem::Empty,
            Some(Cell::NotAvailable) => CellProblem::NotAvailable,
            Some(Cell::Text(t)) => CellProblem::Text(t.clone()),
        };
        Err(self.cell_error(ti, ri, col, problem))
    }

    /// The value of a formula in one row (value, decimals).
    pub fn formula_value(
        &self,
        ti: usize,
        ri: usize,
        expr: &Formula,
        indices: &[usize],
        empty_is_zero: bool,
    ) -> Result<(Decimal, u32), ErrorKind> {
        let table = &self.tables[ti];
        let mut values = BTreeMap::new();
        let mut scale = 0;
        for &c in indices {
            let (v, s) = self.number(ti, ri, c, empty_is_zero)?;
            scale = scale.max(s);
            values.insert(table.columns[c].key.as_str(), v);
        }
        let value = arith::eval(expr, &|k| values.get(k).copied()).map_err(|problem| {
            ErrorKind::FormulaArithmetic {
                table: table.id.clone(),
                row: table.rows[ri].label().to_string(),
                problem,
            }
        })?;
        Ok((value, scale))
    }
}

/// The byte offset of `word` in `text` as a whole word.
fn word_at(text: &str, word: &str) -> Option<usize> {
    let part = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        !text[..i].chars().next_back().is_some_and(part)
            && !text[i + word.len()..].chars().next().is_some_and(part)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_formulas() {
        assert_eq!(word_at("regnskap - regnskap_fjor", "regnskap_fjor"), Some(11));
        assert_eq!(word_at("regnskap_fjor - regnskap", "regnskap"), Some(16));
        assert_eq!(word_at("ab", "a"), None);
    }

    #[test]
    fn headings_fold_case_and_spaces() {
        assert_eq!(fold("  Regnskap\n 2024 "), fold("regnskap 2024"));
        assert_ne!(fold("Regnskap 2024"), fold("Regnskap2024"));
    }
}
