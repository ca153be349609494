//! `report.yaml`: the report's settings, facts and chapter list.

use crate::diag::Code;
use crate::load::read::{Fields, FromYaml, Keyword, Out, Spanned, fail, keyword_from_yaml};
use crate::load::yaml::{Node, Value};
use crate::source::Span;
use crate::tr;

/// How tables are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableNumbers {
    /// `<chapter>.<n>` in order.
    Auto,
    /// Only tables with `number:`.
    Explicit,
}

impl Keyword for TableNumbers {
    const WORDS: &'static [(&'static str, Self)] =
        &[("auto", TableNumbers::Auto), ("explicit", TableNumbers::Explicit)];
}
keyword_from_yaml!(TableNumbers);

/// `report.yaml` as written.
#[derive(Debug, Clone)]
pub struct ReportSource {
    /// `title:`
    pub title: Option<Spanned<String>>,
    /// `district:`
    pub district: Option<Spanned<String>>,
    /// `organisation:`
    pub organisation: Option<Spanned<String>>,
    /// `year:` as written (checked when lowered).
    pub year: Option<Spanned<String>>,
    /// `date:` as written (checked when lowered).
    pub date: Option<Spanned<String>>,
    /// `language:`
    pub language: Option<Spanned<String>>,
    /// `unit:`
    pub unit: Option<Spanned<String>>,
    /// `subtitle:`
    pub subtitle: Option<Spanned<String>>,
    /// `running_header:`
    pub running_header: Option<Spanned<String>>,
    /// `output_name:`
    pub output_name: Option<Spanned<String>>,
    /// `templates:`
    pub templates: Option<Spanned<String>>,
    /// `keywords:`
    pub keywords: Vec<Spanned<String>>,
    /// `table_numbers:`
    pub table_numbers: Option<Spanned<TableNumbers>>,
    /// `region:` the KOSTRA region code.
    pub region: Option<Spanned<String>>,
    /// `theme:` colours, font, logo, cover image.
    pub theme: Option<super::ThemeSource>,
    /// `facts:`
    pub facts: Vec<FactSource>,
    /// `previous:` last year's report folder, relative to this one (`../2024`).
    pub previous: Option<Spanned<String>>,
    /// `goals:` the goals the report answers to.
    pub goals: Option<super::StrategySource>,
    /// `chapters:` the chapter files.
    pub chapters: Vec<Spanned<String>>,
    /// The whole file.
    pub span: Span,
}

impl FromYaml for ReportSource {
    const EXPECTED: crate::i18n::MessageId =
        crate::i18n::ids::read_expected_the_report_s_settings_a;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let report = ReportSource {
            title: f.req("title", &tr!(read_the_report_s_title_e), out),
            district: f.req("district", &tr!(read_the_district_e_g_bydel), out),
            organisation: f.req("organisation", &tr!(read_e_g_oslo_kommune), out),
            year: f.req("year", &tr!(read_the_reporting_year_e_g), out),
            date: f.req("date", &tr!(read_the_document_date_yyyy_mm), out),
            language: f.opt("language", out),
            unit: f.opt("unit", out),
            subtitle: f.opt("subtitle", out),
            running_header: f.opt("running_header", out),
            output_name: f.opt("output_name", out),
            templates: f.opt("templates", out),
            keywords: f.list("keywords", out),
            table_numbers: f.opt("table_numbers", out),
            region: f.opt("region", out),
            previous: f.opt("previous", out),
            theme: f.opt("theme", out),
            facts: f.raw("facts").map(|n| facts(n, out)).unwrap_or_default(),
            goals: f.opt("goals", out),
            chapters: f
                .req("chapters", &tr!(read_the_list_of_chapter_files), out)
                .unwrap_or_default(),
            span: f.span(),
        };
        f.finish(out);
        Some(report)
    }
}

/// A fact declared once: `name: "89,4 %"` or `name: {value, description, unit}`.
#[derive(Debug, Clone)]
pub struct FactSource {
    /// Its name.
    pub name: Spanned<String>,
    /// Its figure as written.
    pub value: Spanned<String>,
    /// `description:`
    pub description: Option<Spanned<String>>,
    /// `unit:`
    pub unit: Option<Spanned<String>>,
}

fn facts(node: &Node, out: &mut Out) -> Vec<FactSource> {
    let Value::Map(entries) = &node.value else {
        return fail(node, &tr!(read_a_map_of_facts_name), out).unwrap_or_default();
    };
    entries.iter().filter_map(|(k, v)| fact(k, v, out)).collect()
}

fn fact(key: &Node, value: &Node, out: &mut Out) -> Option<FactSource> {
    let name = Spanned::<String>::from_yaml(key, out)?;
    match &value.value {
        Value::Scalar(..) => Some(FactSource {
            name,
            value: Spanned::from_yaml(value, out)?,
            description: None,
            unit: None,
        }),
        Value::Map(_) => {
            let mut f = Fields::new(value, &tr!(read_a_fact), out)?;
            let fact = FactSource {
                name,
                value: f.req("value", &tr!(read_the_fact_s_figure_e), out)?,
                description: f.opt("description", out),
                unit: f.opt("unit", out),
            };
            f.finish(out);
            Some(fact)
        }
        Value::Null => {
            out.push(
                crate::diag::Diagnostic::error(
                    Code::YamlSchema,
                    tr!(read_the_fact_has_no_value, value = name.value),
                )
                .at(key.span.clone())
                .with_hint(tr!(read_write_its_figure_after_the)),
            );
            None
        }
        Value::Seq(_) => fail(value, &tr!(read_a_figure_or_a_map), out),
    }
}
