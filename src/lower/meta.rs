//! The report's settings and facts.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::load::read::Spanned;
use crate::load::schema::{FactSource, ReportSource};
use crate::load::{number, slug};
use crate::model::{Date, Fact, Meta};

use super::Lowerer;

/// The plain text of an optional setting, trimmed.
fn text(value: &Option<Spanned<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.trim().to_string())
}

/// Parses `YYYY-MM-DD` as a real calendar date.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1000..=9999).contains(&year) {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some(Date { year, month, day })
}

impl Lowerer<'_> {
    /// The report's settings; `None` when a required one is missing (already reported).
    pub(super) fn meta(&mut self, r: &ReportSource) -> Option<Meta> {
        let year = r.year.as_ref().and_then(|y| self.year(y));
        let date = r.date.as_ref().and_then(|d| {
            let date = parse_date(&d.value);
            if date.is_none() {
                self.push(
                    Diagnostic::error(Code::YamlSchema, format!("«{}» is not a date", d.value.trim()))
                        .at(d.span.clone())
                        .with_label("expected a real date written YYYY-MM-DD")
                        .with_hint("write the date as year-month-day, e.g. 2025-03-01, and check that the day exists in that month"),
                );
            }
            date
        });
        if let Some(t) = &r.templates {
            self.check_templates(t);
        }
        if let Some(t) = &r.table_numbers {
            self.table_numbers = t.value;
        }
        let unit = text(&r.unit).unwrap_or_else(|| "1000 kr".into());
        self.unit = unit.clone();
        let title = text(&r.title)?;
        let district = text(&r.district)?;
        let organisation = text(&r.organisation)?;
        let running_header =
            text(&r.running_header).unwrap_or_else(|| format!("{title} {district}"));
        let output_name =
            text(&r.output_name).unwrap_or_else(|| slug(&format!("{title} {district}")));
        Some(Meta {
            subtitle: text(&r.subtitle),
            language: text(&r.language).unwrap_or_else(|| "nb".into()),
            unit,
            running_header,
            output_name,
            templates: text(&r.templates),
            keywords: r.keywords.iter().map(|k| k.value.trim().to_string()).collect(),
            year: year?,
            date: date?,
            title,
            district,
            organisation,
        })
    }

    /// The template folder must be a folder inside the report folder (also through links).
    fn check_templates(&mut self, t: &Spanned<String>) {
        let rel = t.value.trim();
        let full = self.files.root.join(rel);
        let inside = crate::load::files::path_problem(rel).is_none()
            && match (self.files.root.canonicalize(), full.canonicalize()) {
                (Ok(root), Ok(real)) => real.starts_with(root),
                _ => true,
            };
        let problem = if !inside {
            "leaves the report folder"
        } else if !full.is_dir() {
            "does not exist"
        } else {
            return;
        };
        self.push(
            Diagnostic::error(Code::Path, format!("the template folder «{rel}» {problem}"))
                .at(t.span.clone())
                .with_hint(
                    "templates: names a folder inside the report folder, e.g. `templates: maler`",
                ),
        );
    }

    fn year(&mut self, y: &Spanned<String>) -> Option<i32> {
        let year = y.value.trim().parse::<i32>().ok().filter(|y| (1900..3000).contains(y));
        if year.is_none() {
            self.push(
                Diagnostic::error(Code::YamlSchema, format!("«{}» is not a year", y.value.trim()))
                    .at(y.span.clone())
                    .with_label("expected a year such as 2024"),
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
                    Diagnostic::error(Code::CellFormat, format!("the fact «{name}»: {}", e.0))
                        .at(f.value.span.clone()),
                ),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_calendar_dates() {
        assert_eq!(parse_date("2025-03-01"), Some(Date { year: 2025, month: 3, day: 1 }));
        assert_eq!(parse_date("2025-02-30"), None);
        assert_eq!(parse_date("2024-02-29"), Some(Date { year: 2024, month: 2, day: 29 }));
        assert_eq!(parse_date("2100-02-29"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("01.03.2025"), None);
        assert_eq!(parse_date("2025-04-31"), None);
    }
}
