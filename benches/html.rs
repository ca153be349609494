//! Prints how long the HTML stage (`render::html::render`: templates, pages, search index)
//! takes on the report in `ARSRAPPORT_BENCH_DIR` (default `report-data`), on the same
//! report five times over (chapters copied with new ids), and on the sample site
//! (`tests/fixtures/valid/sample-site`). Loading and checking are not timed. Target: the real
//! report in under 100 ms.
//! Run: `cargo bench --bench html`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use arsrapport::model::{Report, Section};
use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::TemplateDir;
use arsrapport::render::html::{HtmlOptions, render};

fn time(label: &str, report: &Report, runs: u32) {
    let options = HtmlOptions { pdf_file: Some(format!("{}.pdf", report.meta.output_name)) };
    let templates = TemplateDir::default();
    let first = render(report, &templates, &options).expect("the site renders");
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    for _ in 0..runs {
        let t = Instant::now();
        let files = render(report, &templates, &options).expect("the site renders");
        let e = t.elapsed();
        std::hint::black_box(files);
        best = best.min(e);
        total += e;
    }
    let pages = first.iter().filter(|f| f.path.ends_with(".html")).count();
    let html_bytes: usize =
        first.iter().filter(|f| f.path.ends_with(".html")).map(|f| f.bytes.len()).sum();
    let index_bytes =
        first.iter().find(|f| f.path == "assets/search-index.js").map_or(0, |f| f.bytes.len());
    println!(
        "{label:<30} {:>8.2} ms best {:>8.2} ms mean  ({} tables, {pages} pages, {} kB HTML, {} kB search index)",
        best.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / f64::from(runs),
        report.tables.len(),
        html_bytes / 1024,
        index_bytes / 1024,
    );
}

/// The report with its chapters repeated `times` times (ids made unique).
fn repeated(report: &Report, times: usize) -> Report {
    fn rename(section: &mut Section, suffix: &str) {
        section.id.push_str(suffix);
        for sub in &mut section.sections {
            rename(sub, suffix);
        }
    }
    let mut out = report.clone();
    for n in 2..=times {
        let suffix = format!("-{n}");
        for chapter in &report.chapters {
            let mut copy = chapter.clone();
            copy.id.push_str(&suffix);
            for section in &mut copy.sections {
                rename(section, &suffix);
            }
            out.chapters.push(copy);
        }
    }
    // The copies place the same tables; anchors stay those of the first placement.
    out
}

fn main() {
    let dir = PathBuf::from(
        std::env::var("ARSRAPPORT_BENCH_DIR").unwrap_or_else(|_| "report-data".into()),
    );
    match check(&dir, &CheckOptions::default()).report {
        Some(report) => {
            time(&format!("{}", dir.display()), &report, 30);
            time(&format!("{} ×5", dir.display()), &repeated(&report, 5), 10);
        }
        None => println!("{}: no report could be loaded; timing the sample only", dir.display()),
    }
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/sample-site");
    let report = check(&sample, &CheckOptions::default()).report.expect("the sample site loads");
    time("sample site", &report, 100);
}
