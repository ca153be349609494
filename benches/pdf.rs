//! Prints the wall time of the PDF renderer on a whole report next to the time the Typst
//! compiler alone needs for the same generated document, so the overhead of our own stages
//! (check, data + world, PDF export) is visible.
//!
//! The sample site (`tests/fixtures/valid/sample-site`, every block and table kind on a few pages)
//! is timed too, as a floor: what a small report costs.
//!
//! Run: `cargo bench --bench pdf` (the report from ARSRAPPORT_BENCH_DIR, default report-data;
//! ARSRAPPORT_BENCH_RUNS runs per figure, default 5; ARSRAPPORT_BENCH_TEMPLATES a template folder
//! to time instead of the defaults). Every run is cold: Typst's memoized results are evicted
//! first.

use std::path::Path;
use std::time::{Duration, Instant};

use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::TemplateDir;
use arsrapport::render::pdf::{self, PdfOptions};

fn best<T>(runs: u32, mut f: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
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
    let runs =
        std::env::var("ARSRAPPORT_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    let report = check(&dir, &CheckOptions::default()).report.expect("the report loads");
    let options = PdfOptions { draft: false, date: report.meta.date };
    let templates = match std::env::var_os("ARSRAPPORT_BENCH_TEMPLATES") {
        Some(t) => TemplateDir::with_overrides(t),
        None => TemplateDir::default(),
    };

    // Warm up once: fonts and the standard library are parsed once per process.
    let bytes = pdf::render(&report, &templates, &options).expect("render");

    let build = best(runs, || {
        let r = check(&dir, &CheckOptions::default()).report.expect("report");
        pdf::render(&r, &templates, &options).expect("pdf")
    });
    let render = best(runs, || pdf::render(&report, &templates, &options).expect("pdf"));
    let check_only = best(runs, || check(&dir, &CheckOptions::default()));
    let prepare = best(runs, || pdf::prepare(&report, &templates, &options).expect("prepare"));
    let prepared = pdf::prepare(&report, &templates, &options).expect("prepare");
    let compile = best(runs, || pdf::compile(&prepared).expect("compile"));
    let document = pdf::compile(&prepared).expect("compile").document;
    let export = best(runs, || pdf::export(&prepared, &document).expect("export"));
    let warm = {
        let mut best = Duration::MAX;
        for _ in 0..runs {
            let t = Instant::now();
            std::hint::black_box(pdf::compile(&prepared).expect("compile"));
            best = best.min(t.elapsed());
        }
        best
    };

    let ours = check_only + prepare;
    let pages = document.pages().len();
    println!(
        "PDF of {} ({pages} pages, {} kB), best of {runs}, cold:",
        dir.display(),
        bytes.len() / 1000
    );
    println!("  build: check + render                   {:>8.1} ms", ms(build));
    println!("  render(): prepare + compile + export    {:>8.1} ms", ms(render));
    println!("    prepare (data.json + world)           {:>8.1} ms", ms(prepare));
    println!("    compile (Typst alone)                 {:>8.1} ms", ms(compile));
    println!("    export (typst-pdf, PDF/A-2a + UA-1)   {:>8.1} ms", ms(export));
    println!("  check (load + validate)                 {:>8.1} ms", ms(check_only));
    println!("  Typst compile, warm (memoized)          {:>8.1} ms", ms(warm));
    println!(
        "  our stages (check + prepare) {:.1} ms = {:.1} % of Typst's compile",
        ms(ours),
        100.0 * ours.as_secs_f64() / compile.as_secs_f64()
    );

    let sample = root.join("tests/fixtures/valid/sample-site");
    let report = check(&sample, &CheckOptions::default()).report.expect("the sample site loads");
    let options = PdfOptions { draft: false, date: report.meta.date };
    let bytes = pdf::render(&report, &templates, &options).expect("render");
    let render = best(runs, || pdf::render(&report, &templates, &options).expect("pdf"));
    println!(
        "PDF of the sample site ({} kB), best of {runs}, cold: render() {:>8.1} ms",
        bytes.len() / 1000,
        ms(render)
    );
}
