//! AR201 and AR202: the KOSTRA function code each row of a `kostra` table starts with.
//!
//! Every row but the sum rows must start with a three-digit function code valid for the report's
//! year and region; the lists and the "did you mean" live in [`crate::kostra`].

use crate::diag::{Code, Diagnostic};
use crate::kostra::{self, FindingKind, Region};
use crate::model::Meta;
use crate::tr;

/// The report's KOSTRA region: `region:` when given, else read from organisation and district.
pub fn region(meta: &Meta) -> Region {
    meta.region
        .as_deref()
        .and_then(Region::from_code)
        .unwrap_or_else(|| Region::infer(&meta.organisation, &meta.district))
}

impl super::Checker<'_> {
    /// Checks the row labels of a `kostra` table.
    pub(super) fn check_kostra(&mut self, ti: usize) {
        if !self.specs[ti].kostra {
            return;
        }
        let meta = &self.report.meta;
        let (year, region) = (meta.year, region(meta));
        let table = self.table(ti);
        for (r, row) in table.rows.iter().enumerate() {
            if self.sum_rows[ti].get(r).copied().unwrap_or(false) {
                continue;
            }
            let label = row.label();
            let Some(finding) = kostra::check_label(label, year, region) else { continue };
            let code = match finding.kind {
                FindingKind::Expired | FindingKind::Transition => Code::KostraExpired,
                _ => Code::KostraUnknown,
            };
            let mut d = Diagnostic::new(finding.severity, code, finding.message)
                .at(self.cell_span(ti, r, 0))
                .with_label(tr!(val_function_code));
            d.hints = finding.hints;
            d.table = Some(table.id.clone());
            d.row = Some(label.to_string());
            self.emit(ti, Some(r), None, d);
        }
    }
}

#[cfg(test)]
mod rule_tests {
    use crate::diag::{Code, Severity};
    use crate::validate::testing::*;

    #[test]
    fn every_row_but_the_sum_starts_with_a_valid_code() {
        let csv = "F;R\n201 Førskole;1\n254 Helse;2\n257 Helse;3\n1211 Administrasjon;4\n13O Miljø;5\nSum;15\n";
        let r = report(vec![table("t", "funksjon;regnskap", csv)]);
        let mut s = spec(0);
        s.sums.push(sum("Sum", crate::load::spec::SumOf::Above));
        assert!(run(&r, std::slice::from_ref(&s)).diagnostics.is_empty(), "not a kostra table");
        s.kostra = true;
        let v = run(&r, &[s]);
        let found: Vec<_> =
            v.diagnostics.iter().map(|d| (d.code, d.severity, text_at(csv, d))).collect();
        assert_eq!(
            found,
            [
                (Code::KostraExpired, Severity::Warning, "254 Helse"),
                (Code::KostraUnknown, Severity::Error, "1211 Administrasjon"),
                (Code::KostraUnknown, Severity::Error, "13O Miljø"),
            ]
        );
        assert!(v.diagnostics[0].message.contains("254"), "{}", v.diagnostics[0].message);
        assert!(
            v.diagnostics[0].hints.iter().any(|h| h.contains("257")),
            "{:?}",
            v.diagnostics[0].hints
        );
        assert!(
            v.diagnostics[1].hints.iter().any(|h| h.contains("120")),
            "{:?}",
            v.diagnostics[1].hints
        );
    }
}
