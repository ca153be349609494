//! `arsrapport build`: check, render, verify, publish — atomically.
//!
//! Runs `check` and refuses to build when it finds errors (unless `--draft`,
//! which marks every PDF page "UTKAST"). Renders the PDF and the HTML site in
//! memory; with `--verify-pdf` checks the PDF against PDF/A-2a and PDF/UA-1
//! ([`conformance`]) and refuses to publish one that fails; then publishes both as one new generation
//! of the output folder ([`publish`]): a failed or killed build leaves the
//! previous output as it was. Progress and timings go to stderr.

pub mod conformance;
pub mod publish;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::model::{Date, Report};
use crate::pipeline;
use crate::render::{self, SiteFile, TemplateDir};
use crate::tr;
use publish::Publication;

/// Where `build` writes its progress (stderr), naming the report when several are built at once.
#[derive(Debug, Clone, Copy, Default)]
pub struct Log<'a> {
    /// The report's folder, when several are built in one run.
    pub report: Option<&'a str>,
}

impl Log<'_> {
    fn progress(&self, stage: &str, what: &str, started: Instant) {
        self.took(stage, what, started.elapsed());
    }

    fn took(&self, stage: &str, what: &str, took: Duration) {
        let ms = took.as_millis();
        match self.report {
            None => eprintln!("{stage:>12} {what} ({ms} ms)"),
            Some(report) if what.is_empty() => eprintln!("{stage:>12} {report} ({ms} ms)"),
            Some(report) => eprintln!("{stage:>12} {report}: {what} ({ms} ms)"),
        }
    }

    fn stage(&self, stage: &str, what: &str) {
        match self.report {
            None => eprintln!("{stage:>12} {what}"),
            Some(report) => eprintln!("{stage:>12} {report}: {what}"),
        }
    }

    fn line(&self, text: &str) {
        match self.report {
            None => eprintln!("{text}"),
            Some(report) => eprintln!("{report}: {text}"),
        }
    }
}

/// The document date: `SOURCE_DATE_EPOCH` if set, else the report's date.
pub fn document_date(report: &Report) -> Date {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .map(date_from_epoch)
        .unwrap_or(report.meta.date)
}

/// Converts seconds since 1970-01-01 to a calendar date (UTC).
pub fn date_from_epoch(seconds: i64) -> Date {
    // Howard Hinnant's days-to-civil algorithm.
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// What became of one report's build.
#[derive(Debug)]
pub enum Outcome {
    /// The folder could not be read (exit code 2).
    Unreadable,
    /// `check` found errors and `--draft` was not given: nothing built (exit code 1).
    NotBuilt {
        /// The errors (and warnings, with `--deny-warnings`) that fail the check.
        errors: usize,
    },
    /// Built and published: the paths users open.
    Built(Vec<PathBuf>),
    /// Rendering or publishing failed; the previous output is unchanged (exit code 2).
    Failed(String),
}

impl Outcome {
    /// The exit code `build` of this report alone ends with.
    pub fn exit_code(&self) -> u8 {
        match self {
            Outcome::Built(_) => 0,
            Outcome::NotBuilt { .. } => 1,
            Outcome::Unreadable | Outcome::Failed(_) => 2,
        }
    }
}

/// Checks the report in `dir` (handing the outcome to `findings` to print), then renders and
/// publishes it into `out`, logging progress to stderr. The one build of one report that both
/// `build DIR` and `build DIR...` ([`crate::multi::build`]) run.
///
/// `request.draft`: build a draft when `check` fails (`--draft`); the PDF is marked a draft
/// only when it is one. `options.deny_warnings` makes warnings stop the build too.
pub fn build_report(
    dir: &Path,
    out: &Path,
    request: &BuildOptions,
    options: &pipeline::CheckOptions,
    findings: &mut dyn FnMut(&pipeline::Checked),
    log: Log<'_>,
) -> Outcome {
    let started = Instant::now();
    let checked = pipeline::check(dir, options);
    findings(&checked);
    let what = if log.report.is_some() { String::new() } else { dir.display().to_string() };
    log.progress(&tr!(stage_checked), &what, started);
    let Some(report) = checked.report.as_ref() else {
        return if checked.fatal {
            Outcome::Unreadable
        } else {
            Outcome::NotBuilt { errors: checked.summary.errors }
        };
    };
    if checked.failed && !request.draft {
        let errors = checked.summary.errors
            + if options.deny_warnings { checked.summary.warnings } else { 0 };
        log.line(&tr!(run_error_not_building_check_found, errors = errors));
        return Outcome::NotBuilt { errors };
    }
    let unfinished =
        checked.diagnostics.iter().filter(|d| crate::cycle::blocks_publishing(d)).count();
    if unfinished > 0 && !request.draft {
        log.line(&tr!(build_not_publishing_unfinished, count = unfinished));
        return Outcome::NotBuilt { errors: unfinished };
    }
    let draft = request.draft && (checked.failed || unfinished > 0);
    if request.draft && !draft {
        log.line(&tr!(build_draft_without_errors));
    }
    let build_options = BuildOptions { draft, ..*request };
    match build(report, dir, out, &build_options, log) {
        Ok(written) => {
            for w in &written {
                log.stage(&tr!(stage_wrote), &w.display().to_string());
            }
            log.progress(&tr!(stage_finished), &tr!(stage_build), started);
            Outcome::Built(written)
        }
        Err(e) => {
            log.line(&tr!(build_failed));
            for cause in e.chain() {
                log.line(&format!("  {cause}"));
            }
            Outcome::Failed(format!("{e:#}"))
        }
    }
}

/// Which outputs `build` writes (`--only-output`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    /// PDF and HTML.
    All,
    /// Only the PDF.
    Pdf,
    /// Only the HTML site.
    Html,
}

/// What to build, and how.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    /// Which outputs.
    pub outputs: Output,
    /// Mark every PDF page "UTKAST".
    pub draft: bool,
    /// Validate the PDF against PDF/A-2a and PDF/UA-1 and publish nothing if it fails.
    pub verify_pdf: bool,
    /// Keep Typst's memoized results after the compile (`watch`, and several reports in one
    /// run, reuse them). `false` for a single build: they are dropped before the PDF export,
    /// which lowers the peak memory (see docs/performance.md).
    pub keep_typst_cache: bool,
}

/// The outputs of one report, rendered in memory and not yet published.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The PDF's file name (`<output_name>.pdf`).
    pub pdf_name: String,
    /// The PDF, if built.
    pub pdf: Option<Vec<u8>>,
    /// The site's files (with a copy of the PDF, if built), if built.
    pub site: Option<Vec<SiteFile>>,
    /// How long the PDF took (prepare + compile + export).
    pub pdf_time: Duration,
    /// How long the PDF/A and PDF/UA check took, if run.
    pub verify_time: Option<Duration>,
    /// How long the site took.
    pub html_time: Duration,
    /// Typst's warnings about the PDF templates (the PDF was made).
    pub template_warnings: Vec<render::TemplateError>,
}

impl Rendered {
    /// Typst's warnings about the templates as lines to print («1 advarsel fra malene:» and each
    /// with its file, line and column), if there are any.
    pub fn template_warnings_text(&self) -> Option<String> {
        let warnings = &self.template_warnings;
        if warnings.is_empty() {
            return None;
        }
        let list = render::template_report(warnings, crate::diag::Severity::Warning);
        Some(tr!(render_template_warnings, count = warnings.len(), list = list))
    }
}

/// Renders (and with `verify_pdf` verifies) the outputs in memory: what [`build`] publishes and
/// what `watch` serves.
pub fn render_outputs(report: &Report, dir: &Path, options: &BuildOptions) -> Result<Rendered> {
    let BuildOptions { outputs, draft, verify_pdf, keep_typst_cache } = *options;
    let templates = match &report.meta.templates {
        Some(t) => TemplateDir::confined(dir, dir.join(t)),
        None => TemplateDir::default(),
    };
    // `check` reports a bad output name (AR309); this guards the one place that writes it.
    let name = &report.meta.output_name;
    if let Err(problem) = crate::paths::check_output_name(name) {
        anyhow::bail!(
            "the output name «{name}» is not a plain file name: {problem}; set `output_name` in \
             report.yaml (letters, digits, `-`, `_`, `.`)"
        );
    }
    let mut rendered = Rendered { pdf_name: format!("{name}.pdf"), ..Rendered::default() };
    // The goal overview, decided once; each renderer gets it in its layout (a chapter of
    // sections in the PDF, a page per priority on the site), and reads one render view of it.
    let overview = crate::overview::Overview::of(report);
    if outputs != Output::Html {
        let t = Instant::now();
        let options = render::pdf::PdfOptions { draft, date: document_date(report) };
        let shown =
            crate::overview::present(report, overview.as_ref(), crate::overview::Layout::Sections);
        let (bytes, warnings) = render_pdf(&shown, &templates, &options, keep_typst_cache)
            .context(tr!(build_rendering_pdf))?;
        rendered.template_warnings = warnings;
        rendered.pdf_time = t.elapsed();
        if verify_pdf {
            let t = Instant::now();
            verify(&bytes)?;
            rendered.verify_time = Some(t.elapsed());
        }
        rendered.pdf = Some(bytes);
    }
    if outputs != Output::Pdf {
        let t = Instant::now();
        let options = render::html::HtmlOptions {
            pdf_file: rendered.pdf.as_ref().map(|_| rendered.pdf_name.clone()),
        };
        let shown =
            crate::overview::present(report, overview.as_ref(), crate::overview::Layout::Pages);
        let view = render::view::ReportView::new(&shown);
        let mut files = render::html::render_view(&shown, &view, &templates, &options)
            .context(tr!(build_rendering_html))?;
        if let Some(bytes) = &rendered.pdf {
            files.push(SiteFile { path: rendered.pdf_name.clone(), bytes: bytes.clone() });
        }
        rendered.html_time = t.elapsed();
        rendered.site = Some(files);
    }
    Ok(rendered)
}

/// [`render::pdf::render`] with Typst's warnings, dropping Typst's memoized results between
/// compile and export unless `keep_typst_cache`.
fn render_pdf(
    report: &Report,
    templates: &TemplateDir,
    options: &render::pdf::PdfOptions,
    keep_typst_cache: bool,
) -> Result<(Vec<u8>, Vec<render::TemplateError>), render::RenderError> {
    let view = render::view::ReportView::new(report);
    let prepared = render::pdf::prepare_view(report, &view, templates, options)?;
    let compiled = render::pdf::compile(&prepared)?;
    if !keep_typst_cache {
        typst::comemo::evict(0);
    }
    let bytes = render::pdf::export(&prepared, &compiled.document)?;
    Ok((bytes, compiled.warnings))
}

/// Renders, verifies and publishes the outputs; returns the paths users open.
pub fn build(
    report: &Report,
    dir: &Path,
    out: &Path,
    options: &BuildOptions,
    log: Log<'_>,
) -> Result<Vec<PathBuf>> {
    let rendered = render_outputs(report, dir, options)?;
    if let Some(text) = rendered.template_warnings_text() {
        log.line(&text);
    }
    if let Some(bytes) = &rendered.pdf {
        let size = bytes.len() / 1024;
        let what = if options.draft {
            tr!(build_pdf_draft, size = size)
        } else {
            tr!(build_pdf, size = size)
        };
        log.took(&tr!(stage_rendered), &what, rendered.pdf_time);
    }
    if let Some(t) = rendered.verify_time {
        log.took(&tr!(stage_verified), &tr!(build_verified_standards), t);
    }
    if let Some(files) = &rendered.site {
        log.took(&tr!(stage_rendered), &tr!(build_html, files = files.len()), rendered.html_time);
    }
    let t = Instant::now();
    let publication = Publication {
        pdf_name: &rendered.pdf_name,
        pdf: rendered.pdf.as_deref(),
        site: rendered.site.as_deref(),
    };
    let published = publish::publish(out, &publication)?;
    for warning in &published.warnings {
        log.line(&tr!(run_warning_warning_the_new_output, warning = warning));
    }
    log.progress(&tr!(stage_published), &out.display().to_string(), t);
    Ok(published.paths)
}

/// Refuses a PDF that fails PDF/A-2a or PDF/UA-1, listing every rule it fails.
fn verify(pdf: &[u8]) -> Result<()> {
    let failures = conformance::check(pdf).map_err(anyhow::Error::msg)?;
    if failures.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = failures.iter().map(|f| format!("  - {f}")).collect();
    anyhow::bail!(
        "the PDF does not conform to the standards it declares (PDF/A-2a, PDF/UA-1), so it was \
         not published:\n{}\nIf you use your own templates (`templates:`), the cause is probably \
         there; otherwise please report this as a bug in arsrapport.",
        list.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_that_fails_its_standards_is_refused_with_the_rules() {
        let error = verify(&conformance::tests::minimal_pdf()).expect_err("refused");
        let message = error.to_string();
        assert!(message.contains("so it was not published"), "{message}");
        assert!(message.contains("  - PDF/A-2a ["), "{message}");
        assert!(message.contains("  - PDF/UA-1 ["), "{message}");
    }

    #[test]
    fn epoch_dates() {
        assert_eq!(date_from_epoch(0), Date { year: 1970, month: 1, day: 1 });
        assert_eq!(date_from_epoch(1_740_787_200), Date { year: 2025, month: 3, day: 1 });
        assert_eq!(date_from_epoch(951_782_400), Date { year: 2000, month: 2, day: 29 });
    }
}
