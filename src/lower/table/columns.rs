//! A table's columns: keys and types from the kind's preset, the headers, and `columns:`.

use crate::diag::{Code, Diagnostic};
use crate::load::csv::RawCsv;
use crate::load::read::Keyword;
use crate::load::schema::{ColumnSource, TableSource};
use crate::load::slug;
use crate::model::{Column, ColumnKind, TableKind};
use crate::source::FileId;
use crate::tr;

use super::super::Lowerer;
use super::header_span;

/// The preset columns of a kind: (key, type). `None` when the kind takes keys from headers.
fn preset_columns(kind: TableKind, count: usize) -> Option<Vec<(String, ColumnKind)>> {
    use ColumnKind::{Code, Number as N, Text};
    let fixed: &[(&str, ColumnKind)] = match kind {
        TableKind::Kostra => &[
            ("funksjon", Text),
            ("regnskap_fjor", N),
            ("opprinnelig", N),
            ("regulert", N),
            ("regnskap", N),
            ("avvik", N),
        ],
        TableKind::Overview => &[
            ("funksjonsomrade", Text),
            ("regnskap_fjor", N),
            ("opprinnelig", N),
            ("regulert", N),
            ("regnskap", N),
            ("avvik", N),
        ],
        TableKind::Investment => &[
            ("prosjekt", Text),
            ("prosjektnummer", Code),
            ("artsgruppe", Code),
            ("vedtatt_ferdig", Text),
            ("forventet_ferdig", Text),
            ("dok3", N),
            ("regulert", N),
            ("regnskap", N),
            ("avvik", N),
            ("kommentar", Text),
        ],
        TableKind::InvestmentCategories => &[
            ("prosjekt", Text),
            ("periodisering", N),
            ("besparelse", N),
            ("forsinkelse", N),
            ("uforutsigbar", N),
            ("sum", N),
        ],
        TableKind::Staffing => &[("kategori", Text), ("fra", N), ("til", N), ("endring", N)],
        TableKind::Indicators => {
            if count < 4 {
                return None;
            }
            let mut cols = vec![("indikator".to_string(), Text)];
            for i in 1..count - 3 {
                cols.push((format!("resultat_{i}"), N));
            }
            cols.push(("maltall".into(), N));
            cols.push(("resultat".into(), N));
            cols.push(("avvik".into(), N));
            return Some(cols);
        }
        _ => return None,
    };
    Some(fixed.iter().map(|(k, t)| (k.to_string(), *t)).collect())
}

/// A key made from a header: lower case ASCII, `_` between words.
fn header_key(header: &str, index: usize) -> String {
    let s = slug(header).replace('-', "_");
    if s.is_empty() { format!("kolonne_{}", index + 1) } else { s }
}

impl Lowerer<'_> {
    /// Columns: keys and types declared in `columns:` > the kind's preset > the headers.
    pub(super) fn columns(
        &mut self,
        t: &TableSource,
        kind: TableKind,
        raw: &RawCsv,
        file: FileId,
        rel: &str,
    ) -> Vec<Column> {
        let ncols = raw.header.len();
        let mut columns: Vec<Column> = raw
            .header
            .iter()
            .enumerate()
            .map(|(i, h)| Column {
                key: header_key(&h.text, i),
                header: h.text.trim().to_string(),
                kind: if i == 0 { ColumnKind::Text } else { ColumnKind::Number },
            })
            .collect();
        if let Some(preset) = preset_columns(kind, ncols) {
            if preset.len() == ncols {
                for (c, (k, t)) in columns.iter_mut().zip(preset) {
                    c.key = k;
                    c.kind = t;
                }
            } else if t.columns.is_none() {
                self.push(
                    Diagnostic::error(
                        Code::TableShape,
                        tr!(
                            low_a_table_has_columns_but,
                            kind = kind.word(),
                            preset_len = preset.len(),
                            rel = rel,
                            ncols = ncols
                        ),
                    )
                    .at(header_span(raw, file))
                    .with_note(tr!(
                        low_expected_columns,
                        columns =
                            preset.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(", ")
                    ))
                    .with_hint(tr!(low_use_kind_generic_and_declare)),
                );
            }
        }
        if let Some(declared) = &t.columns {
            if declared.value.len() != ncols {
                self.push(
                    Diagnostic::error(
                        Code::TableShape,
                        tr!(
                            low_columns_names_columns_but_rel,
                            value_len = declared.value.len(),
                            rel = rel,
                            ncols = ncols
                        ),
                    )
                    .at(declared.span.clone())
                    .with_hint(tr!(low_name_one_entry_per_column)),
                );
            }
            self.apply_declared(&mut columns, &declared.value);
        }
        if let Some(first) = columns.first_mut() {
            first.kind = ColumnKind::Text;
        }
        unique_keys(&mut columns);
        columns
    }

    /// Applies `columns:` entries; a key declared twice is an error.
    fn apply_declared(&mut self, columns: &mut [Column], declared: &[ColumnSource]) {
        let mut seen: Vec<(&str, &ColumnSource)> = Vec::new();
        for (column, source) in columns.iter_mut().zip(declared) {
            if let Some(key) = &source.key {
                let key_text = key.value.trim();
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key_text) {
                    let mut d = Diagnostic::error(
                        Code::TableShape,
                        tr!(low_the_column_key_key_text, key_text = key_text),
                    )
                    .at(key.span.clone())
                    .with_hint(tr!(low_every_column_needs_its_own));
                    d.related.push((first.span.clone(), tr!(low_first_time)));
                    self.push(d);
                } else {
                    seen.push((key_text, source));
                }
                column.key = key_text.to_string();
            }
            if let Some(kind) = &source.kind {
                column.kind = kind.value;
            }
        }
    }
}

/// Keys made from headers that repeat get `_2`, `_3` … (declared keys are checked above).
fn unique_keys(columns: &mut [Column]) {
    let mut used = std::collections::HashSet::new();
    for column in columns.iter_mut() {
        if !used.insert(column.key.clone()) {
            let base = column.key.clone();
            let key =
                (2..).map(|k| format!("{base}_{k}")).find(|k| !used.contains(k)).unwrap_or(base);
            used.insert(key.clone());
            column.key = key;
        }
    }
}
