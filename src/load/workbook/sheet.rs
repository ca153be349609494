//! A sheet's cells as positioned fields: the virtual text, figures as shown, merged headings.

use std::collections::HashMap;

use calamine::{Data, Dimensions, StyleRange};
use rust_decimal::Decimal;

use super::Area;
use super::display::{NumberFormat, excel_decimal};
use crate::diag::{Code, Diagnostic};
use crate::load::csv::{self, RawCsv, RawField, RawGroup, RawRecord};
use crate::source::{FileId, SheetOrigin, Sources, Span};
use crate::tr;

/// What calamine read of one sheet: the cells with a value or a formula, by (row, column).
#[derive(Default)]
pub(super) struct Cells {
    values: HashMap<(u32, u32), Data>,
    formulas: HashMap<(u32, u32), String>,
    styles: Option<StyleRange>,
    bounds: Option<Area>,
}

/// A cell's text for the table and its problem, if any.
struct Read {
    text: String,
    problem: Option<String>,
}

impl Cells {
    /// No cells yet; number formats from `styles`.
    pub fn with_styles(styles: Option<StyleRange>) -> Self {
        Cells { styles, ..Cells::default() }
    }

    /// Adds a cell (the first one wins at a position written twice).
    pub fn add(&mut self, pos: (u32, u32), value: Data, formula: Option<String>) {
        let formula = formula.filter(|f| !f.trim().is_empty());
        if matches!(value, Data::Empty) && formula.is_none() {
            return;
        }
        if !matches!(value, Data::Empty) {
            self.values.entry(pos).or_insert(value);
        }
        if let Some(f) = formula {
            self.formulas.entry(pos).or_insert(f);
        }
        self.bounds = Some(match self.bounds {
            None => Area { start: pos, end: pos },
            Some(a) => Area {
                start: (a.start.0.min(pos.0), a.start.1.min(pos.1)),
                end: (a.end.0.max(pos.0), a.end.1.max(pos.1)),
            },
        });
    }

    /// The cells to read: the range asked for (cut to the cells in use), or the cells in use.
    pub fn area(&self, wanted: Option<Area>) -> Option<Area> {
        let used = self.bounds?;
        let Some(wanted) = wanted else { return Some(used) };
        let end = (wanted.end.0.min(used.end.0), wanted.end.1.min(used.end.1));
        (end.0 >= wanted.start.0
            && end.1 >= wanted.start.1
            && used.start.0 <= end.0
            && used.start.1 <= end.1)
            .then_some(Area { start: wanted.start, end })
    }

    fn cell(&self, pos: (u32, u32), formats: &mut HashMap<String, NumberFormat>) -> Read {
        let code = self
            .styles
            .as_ref()
            .and_then(|s| s.get(pos))
            .and_then(|s| s.number_format.as_ref())
            .map_or("General", |f| f.format_code.as_str());
        let format =
            formats.entry(code.to_string()).or_insert_with(|| NumberFormat::parse(Some(code)));
        let formula = self.formulas.get(&pos);
        let ok = |text: String| Read { text, problem: None };
        match self.values.get(&pos).unwrap_or(&Data::Empty) {
            Data::Empty => match formula {
                Some(f) => Read {
                    text: String::new(),
                    problem: Some(tr!(wb_formula_no_result, formula = f)),
                },
                None => ok(String::new()),
            },
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => ok(s.clone()),
            Data::Int(i) => ok(format.show(Decimal::from(*i)).unwrap_or_else(|| i.to_string())),
            Data::Float(f) => {
                ok(excel_decimal(*f).and_then(|d| format.show(d)).unwrap_or_else(|| f.to_string()))
            }
            Data::Bool(b) => ok(if *b { "SANN" } else { "USANN" }.to_string()),
            Data::DateTime(dt) if dt.is_datetime() => {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                ok(format!("{d:02}.{m:02}.{y:04}"))
            }
            Data::DateTime(dt) => {
                ok(excel_decimal(dt.as_f64()).map_or_else(String::new, |d| d.to_string()))
            }
            Data::Error(e) => {
                Read { text: String::new(), problem: Some(tr!(wb_cell_shows_error, error = e)) }
            }
        }
    }

    /// Reads the area into `sources` and fields, with the same tidying as a CSV file.
    pub fn read(
        &self,
        sources: &mut Sources,
        file: &str,
        sheet: &str,
        area: Area,
        wanted: Option<Area>,
        merged: &[Dimensions],
    ) -> Result<(FileId, RawCsv), Diagnostic> {
        // Lines start at the range asked for, so that line n is the range's row n.
        let origin = wanted.map_or(area.start, |w| w.start);
        let mut text = String::new();
        let mut rows: Vec<Vec<(Read, std::ops::Range<usize>)>> = Vec::new();
        let mut formats = HashMap::new();
        for r in origin.0..=area.end.0 {
            let mut row = Vec::new();
            for c in origin.1..=area.end.1 {
                if c > origin.1 {
                    text.push('\t');
                }
                let read = self.cell((r, c), &mut formats);
                let start = text.len();
                text.extend(
                    read.text
                        .chars()
                        .map(|ch| if matches!(ch, '\t' | '\n' | '\r') { ' ' } else { ch }),
                );
                row.push((read, start..text.len()));
            }
            text.push('\n');
            rows.push(row);
        }
        let origin_info = SheetOrigin { sheet: sheet.to_string(), row: origin.0, column: origin.1 };
        let id = sources.add_sheet(file.replace('\\', "/"), text, origin_info);
        let mut problems = Vec::new();
        let mut line_start = 0;
        let mut records = Vec::new();
        for row in rows {
            let line_end = row.last().map_or(line_start, |(_, r)| r.end);
            let fields = row
                .into_iter()
                .map(|(read, range)| {
                    let span = Span::new(id, range);
                    if let Some(p) = read.problem {
                        problems.push(cell_problem(p, span.clone()));
                    }
                    RawField { text: read.text, span }
                })
                .collect();
            records.push(RawRecord { fields, span: Span::new(id, line_start..line_end) });
            line_start = line_end + 1;
        }
        let (records, groups) = header_groups(records, merged, origin);
        let mut raw = csv::tidy(records, id, sources.get(id))?;
        raw.groups = fit_groups(groups, raw.header.len());
        raw.notes.append(&mut problems);
        Ok((id, raw))
    }
}

fn cell_problem(problem: String, span: Span) -> Diagnostic {
    Diagnostic::error(Code::WorkbookCell, problem)
        .at(span)
        .with_label(tr!(wb_no_value))
        .with_hint(tr!(wb_no_value_hint))
}

/// A first row with cells merged across columns over a row of headings is a row of header
/// groups: it is taken out of the table and returned as groups. A heading merged down from
/// the group row (`Funksjon` over two rows) becomes the column's heading.
fn header_groups(
    mut records: Vec<RawRecord>,
    merged: &[Dimensions],
    origin: (u32, u32),
) -> (Vec<RawRecord>, Vec<RawGroup>) {
    let is_empty = |r: &RawRecord| r.fields.iter().all(|f| f.text.trim().is_empty());
    let Some(k) = records.iter().position(|r| !is_empty(r)) else { return (records, Vec::new()) };
    let row = origin.0 + k as u32;
    let across = |m: &&Dimensions| m.start.0 == row && m.end.1 > m.start.1 && m.start.1 >= origin.1;
    if !merged.iter().any(|m| across(&m)) || k + 1 >= records.len() {
        return (records, Vec::new());
    }
    let group_row = records.remove(k);
    let header = &mut records[k];
    let width = group_row.fields.len();
    let mut groups = Vec::new();
    let mut i = 0;
    while i < width {
        let column = origin.1 + i as u32;
        let title = group_row.fields[i].clone();
        let here = merged.iter().find(|m| m.start == (row, column));
        let span = match here {
            Some(m) if m.end.1 > column => ((m.end.1 - column) as usize + 1).min(width - i),
            _ => 1,
        };
        let down = here.is_some_and(|m| m.end.0 > row);
        if span == 1 && down && header.fields.get(i).is_some_and(|h| h.text.trim().is_empty()) {
            header.fields[i] = title.clone();
            groups.push(RawGroup {
                title: RawField { text: String::new(), span: title.span },
                columns: 1,
            });
        } else {
            groups.push(RawGroup { title, columns: span });
        }
        i += span;
    }
    (records, groups)
}

/// Cuts groups to the header's width (empty columns at the right are left out of the table).
fn fit_groups(groups: Vec<RawGroup>, width: usize) -> Vec<RawGroup> {
    let mut left = width;
    let mut out = Vec::new();
    for mut g in groups {
        if left == 0 {
            break;
        }
        g.columns = g.columns.min(left);
        left -= g.columns;
        out.push(g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(texts: &[&str]) -> RawRecord {
        RawRecord {
            fields: texts
                .iter()
                .map(|t| RawField { text: (*t).to_string(), span: Span::default() })
                .collect(),
            span: Span::default(),
        }
    }

    fn dims(start: (u32, u32), end: (u32, u32)) -> Dimensions {
        Dimensions { start, end }
    }

    #[test]
    fn merged_headings_become_groups() {
        // Rows 3 and 4 (0-based 2, 3): "Funksjon" merged down, "2023" and "2024" across two.
        let records = vec![
            record(&["", "", "", "", ""]),
            record(&["Funksjon", "2023", "", "2024", ""]),
            record(&["", "Regnskap", "Budsjett", "Regnskap", "Andel"]),
            record(&["FO1", "1", "2", "3", "4"]),
        ];
        let merged = [dims((2, 0), (3, 0)), dims((2, 1), (2, 2)), dims((2, 3), (2, 4))];
        let (records, groups) = header_groups(records, &merged, (1, 0));
        assert_eq!(records.len(), 3, "the group row is taken out");
        assert_eq!(records[1].fields[0].text, "Funksjon", "merged down into the heading");
        let g: Vec<(&str, usize)> =
            groups.iter().map(|g| (g.title.text.as_str(), g.columns)).collect();
        assert_eq!(g, [("", 1), ("2023", 2), ("2024", 2)]);
        assert_eq!(fit_groups(groups, 4).iter().map(|g| g.columns).collect::<Vec<_>>(), [1, 2, 1]);
    }

    #[test]
    fn without_a_merge_across_the_first_row_is_the_header() {
        let records = vec![record(&["Funksjon", "Regnskap"]), record(&["FO1", "1"])];
        let (records, groups) = header_groups(records, &[dims((0, 0), (1, 0))], (0, 0));
        assert_eq!(records.len(), 2);
        assert!(groups.is_empty());
    }
}
