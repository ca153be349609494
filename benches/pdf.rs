//! Prints the wall time of `build` (PDF only) on the full report next to the
//! time the Typst compiler alone needs for the same document, so the overhead
//! of our own stages (load, validate, data, PDF export) is visible.
//! Run: `cargo bench --bench pdf` (report from ARSRAPPORT_BENCH_DIR, default report-data).

use std::path::Path;
use std::time::{Duration, Instant};

use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::TemplateDir;
use arsrapport::render::pdf::{self, PdfOptions};

fn best<T>(runs: u32, mut f: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        // Cold compiles: drop Typst's memoized results from the previous run.
        typst::comemo::evict(0);
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed());
    }
    best
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var("ARSRAPPORT_BENCH_DIR").map_or(root.join("report-data"), Into::into);
    let runs = 5;
    let checked = check(&dir, &CheckOptions::default());
    let report = checked.report.expect("the report loads");
    let options = PdfOptions { draft: false, date: report.meta.date };
    let templates = TemplateDir::default();

    let whole = best(runs, || {
        let c = check(&dir, &CheckOptions::default());
        let r = c.report.expect("report");
        pdf::render(&r, &templates, &options).expect("pdf")
    });
    let prepared = pdf::prepare(&report, &templates, &options).expect("prepare");
    let typst_only = best(runs, || pdf::compile(&prepared).expect("compile"));
    let document = pdf::compile(&prepared).expect("compile");
    let export = best(runs, || pdf::export(&prepared, &document).expect("export"));
    let check_only = best(runs, || check(&dir, &CheckOptions::default()));
    let prepare_only = best(runs, || pdf::prepare(&report, &templates, &options).expect("prepare"));
    let pages = document.pages().len();

    println!("PDF build of {} ({pages} pages), best of {runs}:", dir.display());
    println!("  whole build (check + data + Typst + PDF export) {:>8.1} ms", ms(whole));
    println!("  Typst compile alone (same document)             {:>8.1} ms", ms(typst_only));
    println!("  PDF export (typst-pdf, PDF/A-2a + UA-1)         {:>8.1} ms", ms(export));
    println!(
        "  our stages: check {:.1} ms + data/world {:.1} ms = {:.1} ms ({:.1} % of Typst compile)",
        ms(check_only),
        ms(prepare_only),
        ms(check_only + prepare_only),
        100.0 * (check_only + prepare_only).as_secs_f64() / typst_only.as_secs_f64()
    );
}
