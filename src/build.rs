//! `arsrapport build`: check, render, write — atomically.
//!
//! Runs `check` and refuses to build when it finds errors (unless `--draft`,
//! which marks every PDF page "UTKAST"). Renders the PDF and the HTML site in
//! memory, then writes them: the PDF through a temporary file and a rename,
//! the site into a temporary folder that replaces the old one. A failed build
//! leaves the previous output untouched. Progress and timings go to stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::cli::{BuildArgs, Output, exit_code, shown};
use crate::diag::{self, Format};
use crate::model::{Date, Report};
use crate::pipeline;
use crate::render::{self, SiteFile, TemplateDir};

fn progress(stage: &str, what: &str, started: Instant) {
    eprintln!("{stage:>12} {what} ({} ms)", started.elapsed().as_millis());
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

/// Runs `build`.
pub fn run(args: &BuildArgs, color: ColorChoice) -> ExitCode {
    let options = match args.common_options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let checked = pipeline::check(&args.common.dir, &options);
    let stream = StandardStream::stderr(color);
    {
        let mut lock = stream.lock();
        let list = shown(&checked.diagnostics, true);
        let _ = diag::emit(&mut lock, Format::Human, &checked.sources, &list, &checked.summary);
    }
    progress("Checked", &args.common.dir.display().to_string(), started);
    let Some(report) = checked.report.as_ref() else {
        return exit_code(&checked);
    };
    if checked.failed && !args.draft {
        eprintln!(
            "error: not building: `check` found {} error(s). Fix them, acknowledge them in the YAML with a reason, or build a draft with --draft.",
            checked.summary.errors
                + if args.common.deny_warnings { checked.summary.warnings } else { 0 }
        );
        return ExitCode::from(1);
    }
    let draft = args.draft && checked.failed;
    if args.draft && !checked.failed {
        eprintln!("note: --draft given, but `check` found no errors: building the final report");
    }
    match build(report, &args.common.dir, &args.out, args.only_output, draft) {
        Ok(written) => {
            for w in written {
                eprintln!("{:>12} {}", "Wrote", w.display());
            }
            progress("Finished", "build", started);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: the build failed; the previous output is unchanged");
            for cause in e.chain() {
                eprintln!("  {cause}");
            }
            ExitCode::from(2)
        }
    }
}

impl BuildArgs {
    fn common_options(&self) -> Result<pipeline::CheckOptions, String> {
        let parse = |list: &[String], flag: &str| -> Result<Vec<diag::Code>, String> {
            list.iter()
                .map(|s| diag::Code::parse(s).ok_or_else(|| format!("{flag}: unknown rule «{s}»")))
                .collect()
        };
        Ok(pipeline::CheckOptions {
            only: parse(&self.common.only, "--only")?,
            skip: parse(&self.common.skip, "--skip")?,
            deny_warnings: self.common.deny_warnings,
        })
    }
}

/// Renders and writes the outputs; returns the paths written.
pub fn build(
    report: &Report,
    dir: &Path,
    out: &Path,
    outputs: Output,
    draft: bool,
) -> Result<Vec<PathBuf>> {
    let templates = match &report.meta.templates {
        Some(t) => TemplateDir::with_overrides(dir.join(t)),
        None => TemplateDir::default(),
    };
    let pdf_name = format!("{}.pdf", report.meta.output_name);
    let want_pdf = outputs != Output::Html;
    let want_html = outputs != Output::Pdf;

    let mut pdf = None;
    if want_pdf {
        let t = Instant::now();
        let options = render::pdf::PdfOptions { draft, date: document_date(report) };
        let bytes =
            render::pdf::render(report, &templates, &options).context("rendering the PDF")?;
        progress(
            "Rendered",
            &format!(
                "PDF, {} kB{}",
                bytes.len() / 1024,
                if draft { ", marked UTKAST" } else { "" }
            ),
            t,
        );
        pdf = Some(bytes);
    }
    let mut site = None;
    if want_html {
        let t = Instant::now();
        let options =
            render::html::HtmlOptions { pdf_file: pdf.as_ref().map(|_| pdf_name.clone()) };
        let mut files = render::html::render(report, &templates, &options)
            .context("rendering the HTML site")?;
        if let Some(bytes) = &pdf {
            files.push(SiteFile { path: pdf_name.clone(), bytes: bytes.clone() });
        }
        progress("Rendered", &format!("HTML, {} files", files.len()), t);
        site = Some(files);
    }

    let t = Instant::now();
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut written = Vec::new();
    if let Some(bytes) = &pdf {
        let target = out.join(&pdf_name);
        write_atomic(&target, bytes)?;
        written.push(target);
    }
    if let Some(files) = &site {
        let target = out.join("html");
        write_site(&target, files)?;
        written.push(target);
    }
    progress("Wrote", &out.display().to_string(), t);
    Ok(written)
}

/// Writes a file through a temporary file in the same folder and a rename.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> Result<()> {
        std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, target).with_context(|| format!("replacing {}", target.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn safe_relative(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !p.is_absolute()
        && p.components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Writes the site into a temporary folder, then swaps it in for `target`.
pub fn write_site(target: &Path, files: &[SiteFile]) -> Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let old = dir.join(format!(".{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let result = (|| -> Result<()> {
        for f in files {
            anyhow::ensure!(
                safe_relative(&f.path),
                "the renderer produced an unsafe path «{}»",
                f.path
            );
            let path = tmp.join(&f.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
            std::fs::write(&path, &f.bytes)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        if target.exists() {
            std::fs::rename(target, &old)
                .with_context(|| format!("moving the old {} aside", target.display()))?;
        }
        if let Err(e) = std::fs::rename(&tmp, target) {
            let _ = std::fs::rename(&old, target);
            return Err(e).with_context(|| format!("putting the new site in {}", target.display()));
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_dates() {
        assert_eq!(date_from_epoch(0), Date { year: 1970, month: 1, day: 1 });
        assert_eq!(date_from_epoch(1_740_787_200), Date { year: 2025, month: 3, day: 1 });
        assert_eq!(date_from_epoch(951_782_400), Date { year: 2000, month: 2, day: 29 });
    }

    #[test]
    fn site_paths_must_stay_inside() {
        assert!(safe_relative("index.html"));
        assert!(safe_relative("assets/site.css"));
        assert!(!safe_relative("../x"));
        assert!(!safe_relative("/etc/x"));
        assert!(!safe_relative(""));
    }

    #[test]
    fn a_failed_site_write_keeps_the_old_site() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("html");
        write_site(&target, &[SiteFile { path: "index.html".into(), bytes: b"old".to_vec() }])
            .expect("first");
        let bad = [
            SiteFile { path: "index.html".into(), bytes: b"new".to_vec() },
            SiteFile { path: "../escape.html".into(), bytes: b"x".to_vec() },
        ];
        assert!(write_site(&target, &bad).is_err());
        assert_eq!(std::fs::read(target.join("index.html")).expect("read"), b"old");
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("ls").count(),
            1,
            "no temporary folders left"
        );
    }
}
