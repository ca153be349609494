//! PDF renderer: the validated [`Report`] in, PDF bytes out, through Typst embedded as a library.
//!
//! [`prepare`] turns the model into data (`/data.json`, every figure already
//! formatted by [`crate::format`]) and a [`ReportWorld`] that serves only the
//! templates (embedded defaults or the report's own), that data, the report's
//! images and the embedded fonts. [`compile`] runs the Typst compiler;
//! [`export`] writes a tagged PDF/A-2a + PDF/UA-1 with a fixed date and
//! identifier, so the same input gives byte-identical output. User text is
//! data to the template, never Typst markup.

mod data;
mod world;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions as TypstPdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::{RenderError, TemplateDir, TemplateError};
use crate::model::{Date, Report};
pub use world::ReportWorld;

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
    /// The PDF identifier (stable for a report).
    pub ident: String,
}

/// Builds the template data and the world.
pub fn prepare(
    report: &Report,
    templates: &TemplateDir,
    options: &PdfOptions,
) -> Result<Prepared, RenderError> {
    let data = data::build(report, options);
    let json = serde_json::to_vec(&data.json).map_err(|e| RenderError::Other(e.to_string()))?;
    let world = ReportWorld::new(templates, json, data.images, options.date)?;
    Ok(Prepared { world, date: options.date, ident: report.meta.output_name.clone() })
}

/// Runs the Typst compiler on the prepared world.
pub fn compile(prepared: &Prepared) -> Result<PagedDocument, RenderError> {
    let result = typst::compile::<PagedDocument>(&prepared.world);
    let output = result.output.map_err(|errors| template_errors(&prepared.world, &errors));
    typst::comemo::evict(10);
    output
}

/// Exports the compiled document as PDF/A-2a + PDF/UA-1.
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
    typst_pdf::pdf(document, &options).map_err(|errors| template_errors(&prepared.world, &errors))
}

/// Renders the report to PDF bytes.
pub fn render(
    report: &Report,
    templates: &TemplateDir,
    options: &PdfOptions,
) -> Result<Vec<u8>, RenderError> {
    let prepared = prepare(report, templates, options)?;
    let document = compile(&prepared)?;
    export(&prepared, &document)
}

fn template_errors(world: &ReportWorld, errors: &[SourceDiagnostic]) -> RenderError {
    RenderError::Template(
        errors
            .iter()
            .filter(|e| e.severity == Severity::Error)
            .map(|e| {
                let (template, line, column) = world.locate(e.span);
                TemplateError {
                    template,
                    line,
                    column,
                    message: e.message.to_string(),
                    hints: e.hints.iter().map(|h| h.v.to_string()).collect(),
                }
            })
            .collect(),
    )
}
