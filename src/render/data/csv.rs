//! A table as CSV the way Norwegian Excel opens it with a double click: UTF-8 with a byte
//! order mark (else Excel reads it as Windows-1252), `;` between fields, CRLF line ends, a
//! decimal comma and no thousands separators (so every figure is read as a number).
//!
//! The first line holds the column headers (a header group's title before its columns'
//! headers, «Kjønnsbalanse – Menn %»; the table's unit after each figure column's header,
//! «Regnskap 2024 (1000 kr)»). Then one line per row, group rows included (their label
//! alone). Figures: `-50136`, `89,4%` (Excel reads it as a percentage), a printed dash (zero)
//! as `0`, «not available» as `*`, text and codes as printed.

use crate::model::{Cell, ColumnKind, Number, Table};

/// The CSV file of a table.
pub fn table(table: &Table) -> Vec<u8> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    let mut write = |fields: Vec<String>| {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&fields);
    };
    write(headers(table));
    for row in &table.rows {
        let fields = row
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| field(c, table.columns.get(i).map_or(ColumnKind::Text, |c| c.kind)))
            .collect();
        write(fields);
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(writer.into_inner().unwrap_or_default());
    bytes
}

/// The header line: group title and header, unit after figure columns.
pub(crate) fn headers(table: &Table) -> Vec<String> {
    let groups = group_titles(table);
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let header = column.header.trim();
            let mut text = match groups.get(i).map(|g| g.trim()) {
                Some(group) if !group.is_empty() && !header.is_empty() => {
                    format!("{group} – {header}")
                }
                Some(group) if !group.is_empty() => group.to_string(),
                _ => header.to_string(),
            };
            if let (Some(unit), ColumnKind::Number, true) = (&table.unit, column.kind, i > 0) {
                text.push_str(&format!(" ({unit})"));
            }
            text
        })
        .collect()
}

/// The title of the header group above each column ("" where none).
pub(crate) fn group_titles(table: &Table) -> Vec<&str> {
    let mut out = Vec::with_capacity(table.columns.len());
    for group in &table.header_groups {
        for _ in 0..group.span.max(1) {
            if out.len() < table.columns.len() {
                out.push(group.title.as_str());
            }
        }
    }
    out.resize(table.columns.len(), "");
    out
}

/// One cell as a CSV field.
fn field(cell: &Cell, kind: ColumnKind) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Dash => "0".into(),
        Cell::NotAvailable => "*".into(),
        Cell::Text(text) => text.clone(),
        Cell::Number(n) if kind == ColumnKind::Code => n.value.to_string(),
        Cell::Number(n) => {
            let mut out = plain(n).replace('.', ",");
            if n.percent {
                out.push('%');
            }
            out
        }
    }
}

/// The exact figure with its printed decimals, `.` as decimal sign, `-` for minus:
/// `-50136`, `89.4`.
pub(crate) fn plain(n: &Number) -> String {
    let mut value = n.value;
    if value.scale() < n.scale {
        value.rescale(n.scale);
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, HeaderGroup, Row, RowStyle, TableKind};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    pub(crate) fn number(v: &str, percent: bool) -> Cell {
        let value = Decimal::from_str(v).expect("decimal");
        Cell::Number(Number { value, percent, scale: value.scale() })
    }

    fn sample() -> Table {
        let col =
            |key: &str, header: &str, kind| Column { key: key.into(), header: header.into(), kind };
        let row = |cells: Vec<Cell>, style| Row {
            cells,
            style,
            span: Default::default(),
            cell_spans: vec![],
            malformed: false,
        };
        Table {
            id: "t".into(),
            number: Some("0.1 B".into()),
            anchor: "tabell-0-1-b".into(),
            caption: "Netto".into(),
            unit: Some("1000 kr".into()),
            kind: TableKind::Generic,
            columns: vec![
                col("navn", "Navn", ColumnKind::Text),
                col("nr", "Nr", ColumnKind::Code),
                col("regnskap", "Regnskap", ColumnKind::Number),
                col("andel", "Andel", ColumnKind::Number),
            ],
            header_groups: vec![
                HeaderGroup { title: String::new(), span: 2 },
                HeaderGroup { title: "2024".into(), span: 2 },
            ],
            rows: vec![
                row(vec![Cell::Text("Drift".into())], RowStyle::Group),
                row(
                    vec![
                        Cell::Text("Årvolldammen; \"torg\"".into()),
                        number("11605202", false),
                        number("-50136", false),
                        number("89.4", true),
                    ],
                    RowStyle::Normal,
                ),
                row(
                    vec![Cell::Text("Sum".into()), Cell::Empty, Cell::Dash, Cell::NotAvailable],
                    RowStyle::Sum,
                ),
            ],
            footnotes: vec![],
            source: "t.csv".into(),
        }
    }

    #[test]
    fn csv_is_norwegian_excel() {
        let bytes = table(&sample());
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "byte order mark");
        let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
        assert_eq!(
            text,
            "Navn;Nr;2024 – Regnskap (1000 kr);2024 – Andel (1000 kr)\r\n\
             Drift\r\n\
             \"Årvolldammen; \"\"torg\"\"\";11605202;-50136;89,4%\r\n\
             Sum;;0;*\r\n"
        );
    }

    #[test]
    fn plain_keeps_printed_decimals() {
        let n = Number { value: Decimal::from_str("29").expect("d"), percent: true, scale: 2 };
        assert_eq!(plain(&n), "29.00");
    }
}
