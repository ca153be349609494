//! PDF renderer: the validated [`Report`] in, PDF bytes out, through Typst embedded as a library.
//!
//! [`prepare`] turns the model into data (`/data.json`, every figure already formatted by
//! [`crate::format`]) and a [`ReportWorld`] that serves only the templates (the embedded defaults
//! in `templates/pdf/`, each replaceable by the report's own), that data, the report's images and
//! the embedded fonts. [`compile`] runs the Typst compiler; [`export`] writes a tagged
//! PDF/A-2a + PDF/UA-1 with a fixed date and identifier, so the same input gives byte-identical
//! output. [`render`] is the three in a row. User text is data to the template, never Typst
//! markup.

mod data;
mod world;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions as TypstPdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::view::ReportView;
use super::{RenderError, TemplateDir, TemplateError};
use crate::model::{Date, Report};
pub use data::document_title;
pub use world::{DocumentDefaults, ReportWorld, TEMPLATES, default_template};

/// Options of the PDF renderer.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// Mark every page "UTKAST" (a draft built despite errors).
    pub draft: bool,
    /// The document date (PDF metadata); the caller resolves SOURCE_DATE_EPOCH.
    pub date: Date,
}

/// A document ready to compile: the world with templates, data, images and fonts.
pub struct Prepared {
    /// The Typst world.
    pub world: ReportWorld,
    /// The document date.
    pub date: Date,
    /// The PDF document identifier (stable for a report: its output name).
    pub ident: String,
}

/// Builds the template data and the world (our own stage before Typst).
pub fn prepare(
    report: &Report,
    templates: &TemplateDir,
    options: &PdfOptions,
) -> Result<Prepared, RenderError> {
    prepare_view(report, &ReportView::new(report), templates, options)
}

/// [`prepare`] with the report's render view already built (the build builds it once for both
/// outputs).
pub fn prepare_view(
    report: &Report,
    view: &ReportView,
    templates: &TemplateDir,
    options: &PdfOptions,
) -> Result<Prepared, RenderError> {
    let data = data::build(report, view, options)?;
    let json = serde_json::to_vec(&data.json).map_err(|e| RenderError::Other(e.to_string()))?;
    let world = ReportWorld::new(templates, json, data.images, &data.defaults, options.date)?;
    Ok(Prepared { world, date: options.date, ident: report.meta.output_name.clone() })
}

/// A compiled document and Typst's warnings about the templates.
pub struct Compiled {
    /// The laid-out document.
    pub document: PagedDocument,
    /// Typst's warnings (e.g. an unknown font family in a template), each with file, line and
    /// column as [`TemplateError`]s: the build prints them, and builds.
    pub warnings: Vec<TemplateError>,
}

/// Runs the Typst compiler on the prepared world (Typst alone). Template errors come back as
/// [`RenderError::Template`], all of them, with file, line and column; warnings with the
/// document.
pub fn compile(prepared: &Prepared) -> Result<Compiled, RenderError> {
    let result = typst::compile::<PagedDocument>(&prepared.world);
    // Drop memoized results that were not used for a while (typst-cli does the same).
    typst::comemo::evict(10);
    let warnings = located(&prepared.world, &result.warnings, Severity::Warning);
    let document = result.output.map_err(|errors| {
        RenderError::Template(located(&prepared.world, &errors, Severity::Error))
    })?;
    Ok(Compiled { document, warnings })
}

/// Exports the compiled document as a tagged PDF/A-2a + PDF/UA-1, reproducibly: the timestamp
/// is the document date (12:00 UTC) and the identifier is [`Prepared::ident`].
pub fn export(prepared: &Prepared, document: &PagedDocument) -> Result<Vec<u8>, RenderError> {
    let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .map_err(|e| RenderError::Other(e.message().to_string()))?;
    let d = prepared.date;
    let datetime = Datetime::from_ymd_hms(d.year, d.month, d.day, 12, 0, 0).ok_or_else(|| {
        RenderError::Other(format!("invalid document date {}", crate::format::date(d)))
    })?;
    let options = TypstPdfOptions {
        ident: Smart::Custom(prepared.ident.clone()),
        creator: Smart::Custom(Some(format!("arsrapport {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(datetime)),
        standards,
        tagged: true,
        ..TypstPdfOptions::default()
    };
    typst_pdf::pdf(document, &options)
        .map_err(|errors| RenderError::Template(located(&prepared.world, &errors, Severity::Error)))
}

/// Renders the report to PDF bytes: [`prepare`], [`compile`], [`export`]. Typst's warnings are
/// left out: `build` runs the three itself and prints them.
pub fn render(
    report: &Report,
    templates: &TemplateDir,
    options: &PdfOptions,
) -> Result<Vec<u8>, RenderError> {
    render_view(report, &ReportView::new(report), templates, options)
}

/// [`render`] with the report's render view already built.
pub fn render_view(
    report: &Report,
    view: &ReportView,
    templates: &TemplateDir,
    options: &PdfOptions,
) -> Result<Vec<u8>, RenderError> {
    let prepared = prepare_view(report, view, templates, options)?;
    let compiled = compile(&prepared)?;
    export(&prepared, &compiled.document)
}

/// Typst's diagnostics of `severity` as template errors (or warnings): file as the user knows
/// it, line, column, message, hints.
fn located(
    world: &ReportWorld,
    diagnostics: &[SourceDiagnostic],
    severity: Severity,
) -> Vec<TemplateError> {
    diagnostics
        .iter()
        .filter(|e| e.severity == severity)
        .map(|e| {
            let (template, line, column) = world.locate(e.span);
            let mut hints: Vec<String> = e.hints.iter().map(|h| h.v.to_string()).collect();
            // Where the error was reached from, e.g. a partial called from the user's file.
            for point in &e.trace {
                if let (file, Some(line), _) = world.locate(point.span.into()) {
                    hints.push(format!("{} (at {file}:{line})", point.v));
                }
            }
            TemplateError {
                template,
                line,
                column,
                message: e.message.to_string(),
                hints,
                snippet: world.snippet(e.span),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::sample_site;

    fn options() -> PdfOptions {
        PdfOptions { draft: false, date: Date { year: 2025, month: 3, day: 1 } }
    }

    fn render_fixture(options: &PdfOptions) -> Vec<u8> {
        match render(&sample_site(), &TemplateDir::default(), options) {
            Ok(pdf) => pdf,
            Err(e) => panic!("the sample site renders: {e}"),
        }
    }

    #[test]
    fn the_default_templates_render_a_reproducible_pdf() {
        let a = render_fixture(&options());
        if let Some(path) = std::env::var_os("ARSRAPPORT_PDF_FIXTURE_OUT") {
            std::fs::write(path, &a).expect("write the fixture PDF");
        }
        assert!(a.starts_with(b"%PDF-"));
        let b = render_fixture(&options());
        assert!(a == b, "two renders of the same report differ");
        let draft = render_fixture(&PdfOptions { draft: true, ..options() });
        assert!(draft != a, "the draft differs");
        // PDF/A and PDF/UA identification, language and title in the metadata.
        let text = String::from_utf8_lossy(&a);
        assert!(text.contains("pdfaid:part>2<") || text.contains("pdfaid:part=\"2\""), "PDF/A-2");
        assert!(
            text.contains("pdfuaid:part>1<") || text.contains("pdfuaid:part=\"1\""),
            "PDF/UA-1"
        );
        assert!(text.contains("/Lang(nb)") || text.contains("/Lang (nb)"), "document language");
        assert!(text.contains("/StructTreeRoot"), "tagged");
    }

    #[test]
    fn the_pages_have_the_expected_shape() {
        let prepared =
            prepare(&sample_site(), &TemplateDir::default(), &options()).expect("prepare");
        let compiled = compile(&prepared).expect("compile");
        assert!(compiled.warnings.is_empty(), "the default templates give no warnings");
        let document = compiled.document;
        // Cover, contents, letter, four chapters, the landscape page of the wide table: 10 pages
        // when this was written.
        let pages = document.pages();
        assert!((7..=14).contains(&pages.len()), "{} pages", pages.len());
        let landscape = pages.iter().filter(|p| p.frame.width() > p.frame.height()).count();
        assert_eq!(landscape, 1, "the 10-column table is on a landscape page");
    }

    fn broken(name: &str, source: &str) -> (tempfile::TempDir, Vec<TemplateError>) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("pdf")).expect("mkdir");
        std::fs::write(dir.path().join("pdf").join(name), source).expect("write");
        let templates = TemplateDir::with_overrides(dir.path());
        match render(&sample_site(), &templates, &options()) {
            Err(RenderError::Template(errors)) => (dir, errors),
            Err(e) => panic!("expected template errors, got {e}"),
            Ok(_) => panic!("expected template errors, got a PDF"),
        }
    }

    #[test]
    fn errors_in_a_users_template_name_the_file_line_and_column() {
        let (dir, errors) = broken(
            "report.typ",
            "#let data = json(\"/data.json\")\n\n= Hei\n #undefined-function()\n",
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        let expected = dir.path().join("pdf/report.typ").to_string_lossy().replace('\\', "/");
        assert_eq!(e.template, expected);
        assert_eq!((e.line, e.column), (Some(4), Some(3)));
        assert_eq!(e.message, "unknown variable: undefined-function");
    }

    #[test]
    fn all_errors_are_reported_with_hints() {
        // Typst reports every syntax error of a file, not just the first.
        let (_dir, errors) = broken("report.typ", "#let = 1\n= Hei\n#let y = )\n");
        assert!(errors.len() >= 2, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (Some(1), Some(5)));
        assert_eq!(errors[0].message, "expected pattern");
        assert!(errors[1..].iter().all(|e| e.line == Some(3)), "{errors:?}");
        // Typst's hints come along.
        let (_dir, errors) = broken("report.typ", "#let a = 1\n#let b = 2\n#a-b\n");
        assert_eq!(errors[0].message, "unknown variable: a-b");
        assert_eq!(
            errors[0].hints,
            ["if you meant to use subtraction, try adding spaces around the minus sign: `a - b`"]
        );
        // Nothing outside the templates is served: no packages, no files.
        let (_dir, errors) = broken("report.typ", "#import \"@preview/x:0.1.0\": *\n");
        assert!(errors[0].message.contains("packages are not available"), "{errors:?}");
        let (_dir, errors) = broken("report.typ", "#read(\"../../Cargo.toml\")\n");
        assert_eq!(errors[0].line, Some(1), "{errors:?}");
    }

    #[test]
    fn a_template_of_ones_own_gets_the_metadata_pdf_ua_needs() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("pdf")).expect("mkdir");
        let source = "#let data = json(\"/data.json\")\n= #data.meta.title\nHei.\n";
        std::fs::write(dir.path().join("pdf/report.typ"), source).expect("write");
        let templates = TemplateDir::with_overrides(dir.path());
        let pdf = render(&sample_site(), &templates, &options()).expect("renders");
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/Lang(nb)"), "document language");
        // The title is in the XMP metadata (UTF-8).
        assert!(text.contains("Årsberetning 2024 Bydel Bjerke"), "document title");
    }

    #[test]
    fn an_error_in_an_overridden_partial_names_that_partial() {
        let (dir, errors) = broken("theme.typ", "#let colors = (primary: rgb(\"#zz\"))\n");
        let e = &errors[0];
        assert!(e.template.ends_with("pdf/theme.typ"), "{e}");
        assert!(e.template.starts_with(&*dir.path().to_string_lossy()), "{e}");
        assert_eq!(e.line, Some(1), "{e}");
        // An error in the user's partial, reached from the default templates: the user's file
        // and line, and where it was called from as a hint.
        let source = "#let anchors = ()\n#let inl(xs) = xs.nope\n#let plain(xs) = \"\"\n";
        let (dir, errors) = broken("inline.typ", source);
        let e = &errors[0];
        assert!(e.template.starts_with(&*dir.path().to_string_lossy()), "{e}");
        assert!(e.template.ends_with("pdf/inline.typ") && e.line == Some(2), "{e}");
        assert!(e.hints.iter().any(|h| h.contains("(at templates/pdf/")), "{e}");
    }
}
