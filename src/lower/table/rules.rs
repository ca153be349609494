//! A table's rules: those its kind implies and those declared in its block.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic};
use crate::load::expr;
use crate::load::read::Spanned;
use crate::load::schema::{
    AcknowledgementSource, LinkColumnsSource, LinkRowsSource, LinkSource, RowRefSource,
    SumOfSource, SumSource, TableSource, TotalSource,
};
use crate::load::spec::{
    Acknowledgement, DerivedRule, LinkRows, LinkRule, Relation, RowRef, SumOf, SumRule, TableSpec,
    TotalRule,
};
use crate::load::yaml::did_you_mean;
use crate::model::{Row, TableKind};
use crate::source::Span;
use crate::tr;

use super::super::Lowerer;

fn row_ref(r: &RowRefSource) -> RowRef {
    RowRef {
        table: r.table.as_ref().map(|t| t.value.trim().to_string()),
        row: r.row.value.trim().to_string(),
        span: r.span.clone(),
    }
}

fn keys(list: &[Spanned<String>]) -> Vec<(String, Span)> {
    list.iter().map(|k| (k.value.trim().to_string(), k.span.clone())).collect()
}

fn starts_with_sum(r: &Row) -> bool {
    r.label().trim_start().to_lowercase().starts_with("sum")
}

/// The formula a kind implies, with the code its findings get.
fn preset_derived(kind: TableKind) -> Option<(&'static str, Code)> {
    match kind {
        TableKind::Kostra | TableKind::Overview | TableKind::Investment => {
            Some(("avvik = regulert - regnskap", Code::Derived))
        }
        TableKind::InvestmentCategories => {
            Some(("sum = periodisering + besparelse + forsinkelse + uforutsigbar", Code::Derived))
        }
        TableKind::Indicators => Some(("avvik = resultat - maltall", Code::IndicatorDeviation)),
        TableKind::Staffing => Some(("endring = til - fra", Code::Derived)),
        _ => None,
    }
}

impl Lowerer<'_> {
    /// The rules a table's kind implies: its avvik formula, its sum rows, its row key.
    pub(super) fn preset_rules(
        &mut self,
        spec: &mut TableSpec,
        kind: TableKind,
        kind_span: &Span,
        rows: &[Row],
    ) {
        if let Some((text, code)) = preset_derived(kind)
            && let Ok((target, e)) = expr::parse_rule(text)
        {
            spec.derived.push(DerivedRule {
                target,
                expr: e,
                text: text.to_string(),
                span: kind_span.clone(),
                code,
            });
        }
        if kind == TableKind::Investment {
            spec.row_key = Some("prosjektnummer".into());
        }
        let sum_rows: Vec<&Row> = match kind {
            TableKind::Kostra => rows.last().filter(|r| starts_with_sum(r)).into_iter().collect(),
            TableKind::Overview => rows.iter().filter(|r| starts_with_sum(r)).collect(),
            _ => Vec::new(),
        };
        let of = if kind == TableKind::Kostra { SumOf::Above } else { SumOf::All };
        for r in sum_rows {
            spec.sums.push(SumRule {
                row: RowRef { table: None, row: r.label().to_string(), span: kind_span.clone() },
                of: of.clone(),
                columns: None,
                span: kind_span.clone(),
                preset: true,
            });
        }
    }

    /// The rules declared in the table's block (a declared formula or sum replaces the preset
    /// one for the same column or row).
    pub(super) fn declared_rules(&mut self, spec: &mut TableSpec, t: &TableSource) {
        for formula in &t.derived {
            self.derived(spec, formula);
        }
        for sum in &t.sums {
            let rule = sum_rule(sum);
            spec.sums.retain(|s| !(s.preset && s.row.row == rule.row.row));
            spec.sums.push(rule);
        }
        spec.links.extend(t.links.iter().map(link_rule));
        for total in &t.totals {
            if let Some(rule) = self.total_rule(total) {
                spec.totals.push(rule);
            }
        }
        if let Some(k) = &t.row_key {
            spec.row_key = Some(k.value.trim().to_string());
        }
        for ack in &t.acknowledge {
            if let Some(a) = self.acknowledgement(ack) {
                spec.acknowledge.push(a);
            }
        }
    }

    fn derived(&mut self, spec: &mut TableSpec, formula: &Spanned<String>) {
        match expr::parse_rule(&formula.value) {
            Ok((target, e)) => {
                spec.derived.retain(|d| d.target != target);
                spec.derived.push(DerivedRule {
                    target,
                    expr: e,
                    text: formula.value.trim().to_string(),
                    span: formula.span.clone(),
                    code: Code::Derived,
                });
            }
            Err(e) => self.push(
                Diagnostic::error(e.code, e.message)
                    .at(formula.span.clone())
                    .with_hint(tr!(low_a_formula_names_a_column)),
            ),
        }
    }

    fn total_rule(&mut self, t: &TotalSource) -> Option<TotalRule> {
        let equals = Decimal::from_str(&t.equals.value.trim().replace(',', ".")).ok();
        if equals.is_none() {
            self.push(
                Diagnostic::error(
                    Code::YamlSchema,
                    tr!(low_is_not_a_number, number = t.equals.value.trim()),
                )
                .at(t.equals.span.clone())
                .with_label(tr!(low_expected_a_number_such_as)),
            );
        }
        if t.columns.is_none() && t.rows.is_none() {
            self.push(
                Diagnostic::error(Code::YamlSchema, tr!(low_a_total_needs_columns_add))
                    .at(t.span.clone()),
            );
            return None;
        }
        Some(TotalRule {
            columns: t.columns.as_deref().map(keys),
            rows: t.rows.as_ref().map(|rows| rows.iter().map(row_ref).collect()),
            equals: equals?,
            span: t.span.clone(),
        })
    }

    fn acknowledgement(&mut self, a: &AcknowledgementSource) -> Option<Acknowledgement> {
        let rule = a.rule.value.trim();
        let code = Code::parse(rule).filter(|c| !c.is_fatal());
        if code.is_none() {
            let mut d =
                Diagnostic::error(Code::YamlSchema, tr!(low_unknown_rule_rule, rule = rule))
                    .at(a.rule.span.clone())
                    .with_hint(tr!(low_arsrapport_rules_lists_every_rule));
            if let Some(best) =
                did_you_mean(rule, Code::ALL.iter().filter(|c| !c.is_fatal()).map(|c| c.name()))
            {
                d = d.with_hint(tr!(low_did_you_mean_best_3, best = best));
            }
            self.push(d);
        }
        let reason = a.reason.value.trim();
        if reason.is_empty() {
            self.push(
                Diagnostic::error(Code::YamlSchema, tr!(low_an_acknowledgement_needs_a_reason))
                    .at(a.reason.span.clone())
                    .with_hint(tr!(low_say_why_the_published_figure)),
            );
            return None;
        }
        Some(Acknowledgement {
            code: code?,
            row: a.row.as_ref().map(|r| r.value.trim().to_string()),
            column: a.column.as_ref().map(|c| c.value.trim().to_string()),
            reason: reason.to_string(),
            span: a.span.clone(),
        })
    }
}

fn sum_rule(s: &SumSource) -> SumRule {
    let of = match &s.of {
        None | Some(SumOfSource::Above) => SumOf::Above,
        Some(SumOfSource::All) => SumOf::All,
        Some(SumOfSource::Rows(rows)) => SumOf::Rows(rows.iter().map(row_ref).collect()),
        Some(SumOfSource::Range(range)) => SumOf::Range(row_ref(&range.0), row_ref(&range.1)),
    };
    SumRule {
        row: row_ref(&s.row),
        of,
        columns: s.columns.as_deref().map(keys),
        span: s.span.clone(),
        preset: false,
    }
}

fn link_rule(l: &LinkSource) -> LinkRule {
    LinkRule {
        to: l.to.value.trim().to_string(),
        to_span: l.to.span.clone(),
        rows: match &l.rows {
            None | Some(LinkRowsSource::Same) => LinkRows::Same,
            Some(LinkRowsSource::Pairs(pairs)) => {
                LinkRows::Pairs(pairs.iter().map(|(a, b)| (row_ref(a), row_ref(b))).collect())
            }
        },
        columns: l.columns.as_ref().map(|c| match c {
            LinkColumnsSource::Same(list) => {
                keys(list).into_iter().map(|(k, s)| (k.clone(), k, s)).collect()
            }
            LinkColumnsSource::Pairs(pairs) => pairs
                .iter()
                .map(|(a, b)| {
                    (a.value.trim().to_string(), b.value.trim().to_string(), a.span.clone())
                })
                .collect(),
        }),
        relation: l.relation.as_ref().map_or(Relation::Eq, |r| r.value),
        span: l.span.clone(),
    }
}
