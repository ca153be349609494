//! `chart:` blocks: the table, rows and columns they name, resolved once every table is known.
//!
//! A chart holds no figures of its own; it names cells of a table, and every cell it names
//! must hold a figure (a dash counts as zero). Everything wrong is reported at its place with
//! code AR316, with «did you mean» for a misspelt table, row or column.

use crate::diag::{Code, Diagnostic};
use crate::load::read::Spanned;
use crate::load::schema::ChartSource;
use crate::load::spec::TableSpec;
use crate::load::yaml::did_you_mean;
use crate::model::{Cell, Chart, ChartKind, ColumnKind, RowStyle, SeriesIn, Table};
use crate::source::Span;
use crate::tr;
use crate::validate::rows::norm;
use crate::validate::{RowError, find_row};

/// A chart as lowered before the tables are all known.
#[derive(Debug, Clone)]
pub(super) struct PendingChart {
    /// What was written.
    pub source: ChartSource,
    /// The caption as written, checked for printable characters.
    pub caption: Option<String>,
    /// The alternative text as written, checked likewise.
    pub alt: Option<String>,
}

/// Resolves every chart against the report's tables; problems go to `out`.
pub(super) fn resolve(
    pending: &[PendingChart],
    tables: &[Table],
    specs: &[TableSpec],
    out: &mut Vec<Diagnostic>,
) -> Vec<Chart> {
    pending.iter().map(|p| resolve_one(p, tables, specs, out)).collect()
}

fn error(span: &Span, message: String) -> Diagnostic {
    Diagnostic::error(Code::Chart, message).at(span.clone())
}

fn resolve_one(
    p: &PendingChart,
    tables: &[Table],
    specs: &[TableSpec],
    out: &mut Vec<Diagnostic>,
) -> Chart {
    let s = &p.source;
    let mut chart = Chart {
        table: None,
        kind: s.kind.as_ref().map_or(ChartKind::Bar, |k| k.value),
        caption: p.caption.clone().unwrap_or_default(),
        alt: p.alt.clone().filter(|a| !a.trim().is_empty()),
        rows: Vec::new(),
        columns: Vec::new(),
        series: s.series.as_ref().map_or(SeriesIn::Columns, |x| x.value),
        span: s.span.clone(),
    };
    let Some(id) = &s.table else { return chart };
    let Some(ti) = tables.iter().position(|t| t.id == id.value.trim()) else {
        let mut d = error(&id.span, tr!(charts_unknown_table, id = id.value.trim()))
            .with_label(tr!(charts_unknown_table_label));
        if let Some(best) = did_you_mean(id.value.trim(), tables.iter().map(|t| t.id.as_str())) {
            d = d.with_hint(tr!(charts_did_you_mean, best = best));
        }
        out.push(d);
        return chart;
    };
    let table = &tables[ti];
    let row_key = specs.get(ti).and_then(|s| s.row_key.as_deref());
    let rows: Vec<usize> = match &s.rows {
        Some(names) => names.value.iter().filter_map(|n| row(table, row_key, n, out)).collect(),
        None => (0..table.rows.len())
            .filter(|&r| table.rows[r].style == RowStyle::Normal && !table.rows[r].malformed)
            .collect(),
    };
    let columns: Vec<usize> = match &s.columns {
        Some(names) => names.value.iter().filter_map(|n| column(table, n, out)).collect(),
        None => (1..table.columns.len())
            .filter(|&c| table.columns[c].kind == ColumnKind::Number)
            .collect(),
    };
    if s.rows.as_ref().is_some_and(|r| r.value.len() > rows.len())
        || s.columns.as_ref().is_some_and(|c| c.value.len() > columns.len())
    {
        return chart; // Reported.
    }
    chart.table = Some(ti);
    chart.rows = rows;
    chart.columns = columns;
    // By default the chart is named after its table, and apart from it.
    chart.caption =
        p.caption.clone().filter(|c| !c.trim().is_empty()).unwrap_or_else(|| match &table.number {
            Some(n) => format!("Diagram – Tabell {n} {}", table.caption.trim()),
            None => format!("Diagram – {}", table.caption.trim()),
        });
    if settle_kind(&mut chart, s, &id.span, table, out) {
        let awaiting = specs.get(ti).map_or(&[][..], |s| s.awaiting.as_slice());
        figures(&chart, &id.span, table, awaiting, out);
    }
    chart
}

/// The kind (default: bar for one series, else grouped bar) and the shape it needs.
fn settle_kind(
    chart: &mut Chart,
    s: &ChartSource,
    at: &Span,
    table: &Table,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let (series, categories) = match chart.series {
        SeriesIn::Columns => (chart.columns.len(), chart.rows.len()),
        SeriesIn::Rows => (chart.rows.len(), chart.columns.len()),
    };
    if series == 0 || categories == 0 {
        let (message, hint) = if chart.rows.is_empty() {
            (tr!(charts_no_rows, table = table.id), tr!(charts_no_rows_hint))
        } else {
            (tr!(charts_no_columns, table = table.id), tr!(charts_no_columns_hint))
        };
        out.push(error(at, message).with_label(tr!(charts_empty_chart)).with_hint(hint));
        return false;
    }
    let Some(kind) = &s.kind else {
        chart.kind = if series == 1 { ChartKind::Bar } else { ChartKind::GroupedBar };
        return true;
    };
    let problem = match kind.value {
        ChartKind::Bar if series > 1 => {
            Some((tr!(charts_bar_one_series, series = series), tr!(charts_bar_one_series_hint)))
        }
        ChartKind::Line if categories < 2 => {
            Some((tr!(charts_line_two_points), tr!(charts_line_two_points_hint)))
        }
        _ => None,
    };
    match problem {
        Some((message, hint)) => {
            out.push(error(&kind.span, message).with_label(tr!(charts_wrong_kind)).with_hint(hint));
            false
        }
        None => true,
    }
}

/// Every cell the chart draws holds a figure, and all are percentages or none is. A cell still
/// awaiting its figure (`?`) is left to AR601, which lists it with its table and keeps `build`
/// from publishing; a draft leaves such a chart out.
fn figures(
    chart: &Chart,
    at: &Span,
    table: &Table,
    awaiting: &[(usize, usize)],
    out: &mut Vec<Diagnostic>,
) {
    let mut percent = None;
    for &r in &chart.rows {
        for &c in &chart.columns {
            if awaiting.binary_search(&(r, c)).is_ok() {
                continue;
            }
            let row = &table.rows[r];
            let cell = row.cells.get(c).unwrap_or(&Cell::Empty);
            let is_percent = match cell {
                Cell::Number(n) => Some(n.percent),
                Cell::Dash => None,
                _ => {
                    let what = match cell {
                        Cell::NotAvailable => tr!(charts_cell_not_available),
                        Cell::Text(t) => tr!(charts_cell_text, text = t),
                        _ => tr!(charts_cell_nothing),
                    };
                    let mut d = error(
                        at,
                        tr!(
                            charts_cell_not_a_figure,
                            row = row.label(),
                            column = table.columns[c].header.trim(),
                            table = table.id,
                            what = what
                        ),
                    )
                    .with_label(tr!(charts_this_chart_s_table))
                    .with_hint(tr!(charts_cell_not_a_figure_hint));
                    if let Some(span) = row.cell_spans.get(c) {
                        d.related.push((span.clone(), tr!(charts_this_cell)));
                    }
                    out.push(d);
                    return;
                }
            };
            if let Some(p) = is_percent
                && *percent.get_or_insert(p) != p
            {
                out.push(
                    error(at, tr!(charts_mixed_units, table = table.id))
                        .with_label(tr!(charts_mixed_units_label))
                        .with_hint(tr!(charts_mixed_units_hint)),
                );
                return;
            }
        }
    }
}

fn row(
    table: &Table,
    row_key: Option<&str>,
    name: &Spanned<String>,
    out: &mut Vec<Diagnostic>,
) -> Option<usize> {
    match find_row(table, row_key, &name.value) {
        Ok(r) if table.rows[r].style != RowStyle::Group => Some(r),
        Ok(_) => {
            out.push(
                error(&name.span, tr!(charts_group_row, row = name.value.trim(), table = table.id))
                    .with_label(tr!(charts_group_row_label)),
            );
            None
        }
        Err(RowError::Missing) => {
            let mut d =
                error(&name.span, tr!(charts_no_row, table = table.id, row = name.value.trim()))
                    .with_label(tr!(charts_unknown_row));
            if let Some(best) = did_you_mean(&name.value, table.rows.iter().map(|r| r.label())) {
                d = d.with_hint(tr!(charts_did_you_mean, best = best));
            }
            out.push(d);
            None
        }
        Err(RowError::Ambiguous(rows)) => {
            out.push(
                error(
                    &name.span,
                    tr!(charts_row_ambiguous, row = name.value.trim(), table = table.id),
                )
                .with_label(tr!(charts_ambiguous))
                .with_note(crate::validate::rows::matches_note(table, &rows))
                .with_hint(tr!(charts_write_the_full_label)),
            );
            None
        }
    }
}

/// A column by key, else by header (spaces folded, case ignored); never the label column.
fn column(table: &Table, name: &Spanned<String>, out: &mut Vec<Diagnostic>) -> Option<usize> {
    let wanted = name.value.trim();
    let found = table
        .columns
        .iter()
        .position(|c| c.key == wanted)
        .or_else(|| table.columns.iter().position(|c| norm(&c.header) == norm(wanted)));
    match found {
        Some(c) if c > 0 => Some(c),
        Some(_) => {
            out.push(
                error(&name.span, tr!(charts_label_column, column = wanted, table = table.id))
                    .with_label(tr!(charts_label_column_label))
                    .with_hint(tr!(charts_label_column_hint)),
            );
            None
        }
        None => {
            let mut d = error(&name.span, tr!(charts_no_column, table = table.id, column = wanted))
                .with_label(tr!(charts_unknown_column))
                .with_note(tr!(
                    charts_its_columns_are,
                    list = table
                        .columns
                        .iter()
                        .skip(1)
                        .map(|c| c.key.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            let names = table.columns.iter().flat_map(|c| [c.key.as_str(), c.header.as_str()]);
            if let Some(best) = did_you_mean(wanted, names) {
                d = d.with_hint(tr!(charts_did_you_mean, best = best));
            }
            out.push(d);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::testing::table;

    /// A place in a (made-up) chapter file, file 9.
    fn rule_span(_: &str) -> Span {
        Span::new(9, 0..1)
    }

    fn source(columns: Option<&[&str]>, kind: Option<ChartKind>) -> PendingChart {
        let s = |x: &str| Spanned::new(x.to_string(), rule_span(x));
        PendingChart {
            source: ChartSource {
                table: Some(s("oversikt")),
                kind: kind.map(|k| Spanned::new(k, rule_span("kind"))),
                series: None,
                rows: None,
                columns: columns
                    .map(|c| Spanned::new(c.iter().map(|x| s(x)).collect(), rule_span("columns"))),
                caption: None,
                alt: None,
                span: rule_span("chart"),
            },
            caption: None,
            alt: None,
        }
    }

    fn tables() -> Vec<Table> {
        let mut t = table(
            "oversikt",
            "omrade;regulert;regnskap;merknad:text",
            "Område;Regulert;Regnskap;Merknad\nFO1;60 654;98 290;x\nFO2A;579 616;516 981;\nSum;640 270;615 271;",
        );
        t.number = Some("0.1 B".into());
        t.caption = "Netto driftsutgifter".into();
        t.rows[2].style = RowStyle::Sum;
        vec![t]
    }

    fn resolve_one_chart(p: PendingChart) -> (Chart, Vec<Diagnostic>) {
        let mut out = Vec::new();
        let charts = resolve(&[p], &tables(), &[], &mut out);
        (charts.into_iter().next().expect("a chart"), out)
    }

    #[test]
    fn defaults_every_ordinary_row_every_figure_column_and_a_kind_by_series() {
        let (chart, out) = resolve_one_chart(source(None, None));
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(chart.table, Some(0));
        assert_eq!(chart.rows, [0, 1], "the sum row is left out");
        assert_eq!(chart.columns, [1, 2], "the text column is left out");
        assert_eq!(chart.kind, ChartKind::GroupedBar);
        assert_eq!(chart.caption, "Diagram – Tabell 0.1 B Netto driftsutgifter");
        let (chart, out) = resolve_one_chart(source(Some(&["Regnskap"]), None));
        assert!(out.is_empty(), "{out:?}");
        assert_eq!((chart.columns.as_slice(), chart.kind), (&[2][..], ChartKind::Bar));
    }

    #[test]
    fn a_bar_chart_of_two_series_is_the_wrong_kind() {
        let (_, out) = resolve_one_chart(source(None, Some(ChartKind::Bar)));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].code, Code::Chart);
        assert!(out[0].message.contains("one series; this one has 2"), "{}", out[0].message);
    }
}
