//! The report's settings and facts.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::load::read::Spanned;
use crate::load::schema::{FactSource, ReportSource};
use crate::load::{date, number, slug};
use crate::model::{Fact, Meta};
use crate::tr;

use super::Lowerer;

impl Lowerer<'_> {
    /// The plain text of an optional setting, trimmed and checked to print.
    fn text(&mut self, value: &Option<Spanned<String>>) -> Option<String> {
        value.as_ref().map(|v| self.plain(v))
    }

    /// The report's settings; `None` when a required one is missing (already reported).
    pub(super) fn meta(&mut self, r: &ReportSource) -> Option<Meta> {
        let year = r.year.as_ref().and_then(|y| self.year(y));
        let date = r.date.as_ref().and_then(|d| match date::parse_date(&d.value) {
            Ok(date) => Some(date),
            Err(problem) => {
                self.push(
                    Diagnostic::error(
                        Code::YamlSchema,
                        tr!(low_is_not_a_date_problem, date = d.value.trim(), problem = problem),
                    )
                    .at(d.span.clone())
                    .with_label(tr!(low_expected_a_real_date_written))
                    .with_hint(tr!(low_write_the_date_as_year)),
                );
                None
            }
        });
        if let Some(t) = &r.templates {
            self.check_templates(t);
        }
        if let Some(t) = &r.table_numbers {
            self.table_numbers = t.value;
        }
        let unit = self.text(&r.unit).unwrap_or_else(|| "1000 kr".into());
        self.unit = unit.clone();
        let title = self.text(&r.title)?;
        let district = self.text(&r.district)?;
        let organisation = self.text(&r.organisation)?;
        let running_header =
            self.text(&r.running_header).unwrap_or_else(|| format!("{title} {district}"));
        if let Some(name) = &r.output_name {
            let found = crate::paths::output_name_diagnostic(name.value.trim(), name.span.clone());
            self.out.extend(found);
        }
        let output_name =
            self.text(&r.output_name).unwrap_or_else(|| slug(&format!("{title} {district}")));
        let theme = r.theme.as_ref().map(|t| self.theme(t, &organisation)).unwrap_or_default();
        Some(Meta {
            subtitle: self.subtitle(r),
            theme,
            language: self.text(&r.language).unwrap_or_else(|| "nb".into()),
            unit,
            running_header,
            output_name,
            templates: self.text(&r.templates),
            keywords: r.keywords.iter().map(|k| self.plain(k)).collect(),
            region: r.region.as_ref().and_then(|g| self.region(g)),
            year: year?,
            date: date?,
            title,
            district,
            organisation,
        })
    }

    /// The template folder must be a folder inside the report folder, and every file in it
    /// too (also through symbolic links).
    fn check_templates(&mut self, t: &Spanned<String>) {
        let rel = t.value.trim();
        let full = self.files.root.join(rel);
        let problem = if crate::load::files::path_problem(rel).is_some() {
            tr!(load3_leaves_the_report_folder)
        } else if !full.is_dir() {
            tr!(fix_does_not_exist)
        } else {
            let found = crate::paths::template_folder_diagnostic(
                &self.files.root,
                &full,
                rel,
                t.span.clone(),
            );
            self.out.extend(found);
            return;
        };
        self.push(
            Diagnostic::error(
                Code::Path,
                tr!(low_the_template_folder_rel_problem, rel = rel, problem = problem),
            )
            .at(t.span.clone())
            .with_hint(tr!(low_templates_names_a_folder_inside)),
        );
    }

    /// The cover's subtitle: `subtitle:` or `theme: subtitle:`, not both.
    fn subtitle(&mut self, r: &ReportSource) -> Option<String> {
        let themed = r.theme.as_ref().and_then(|t| t.subtitle.clone());
        if let (Some(a), Some(b)) = (&r.subtitle, &themed) {
            let mut d = Diagnostic::error(Code::YamlSchema, tr!(theme_subtitle_twice))
                .at(b.span.clone())
                .with_label(tr!(theme_second_subtitle))
                .with_hint(tr!(theme_subtitle_twice_hint));
            d.related.push((a.span.clone(), tr!(theme_first_subtitle)));
            self.push(d);
        }
        let chosen = r.subtitle.clone().or(themed);
        self.text(&chosen)
    }

    /// A KOSTRA region code: six digits (`030109`) or four (`0301`).
    fn region(&mut self, g: &Spanned<String>) -> Option<String> {
        let code = g.value.trim();
        if crate::kostra::Region::from_code(code).is_some() {
            return Some(code.to_string());
        }
        self.push(
            Diagnostic::error(Code::YamlSchema, tr!(low_code_is_not_a_kostra, code = code))
                .at(g.span.clone())
                .with_label(tr!(low_expected_six_digits_e_g))
                .with_hint(tr!(low_oslo_s_districts_are_bydel)),
        );
        None
    }

    fn year(&mut self, y: &Spanned<String>) -> Option<i32> {
        let year = y.value.trim().parse::<i32>().ok().filter(|y| (1900..3000).contains(y));
        if year.is_none() {
            self.push(
                Diagnostic::error(Code::YamlSchema, tr!(low_is_not_a_year, year = y.value.trim()))
                    .at(y.span.clone())
                    .with_label(tr!(low_expected_a_year_such_as)),
            );
        }
        year
    }

    /// The facts declared in `report.yaml`, each with a figure.
    pub(super) fn facts(&mut self, facts: &[FactSource]) -> BTreeMap<String, Fact> {
        let mut out = BTreeMap::new();
        for f in facts {
            let name = f.name.value.trim().to_string();
            match number::parse_number(&f.value.value) {
                Ok(value) => {
                    self.fact_spans.insert(name.clone(), f.value.span.clone());
                    out.insert(
                        name,
                        Fact {
                            description: f.description.as_ref().map(|d| d.value.trim().to_string()),
                            value,
                            unit: f.unit.as_ref().map(|u| u.value.trim().to_string()),
                        },
                    );
                }
                Err(e) => self.push(
                    Diagnostic::error(
                        Code::CellFormat,
                        tr!(low_the_fact_name, problem = e.0, name = name),
                    )
                    .at(f.value.span.clone()),
                ),
            }
        }
        out
    }
}
