//! Edit → updated PDF in `watch` (issue 15): a copy of report-data, one paragraph changed per
//! round, rebuilt by the same in-process [`Session::rebuild`] that `arsrapport watch` runs on a
//! save (Typst's memoized state kept between rebuilds, as in `watch`). Prints figures; asserts
//! nothing about time. Target: ≤ 200 ms from the save to the new PDF.
//!
//! Run: `cargo bench --bench watch` (ARSRAPPORT_BENCH_DIR: the report, default report-data;
//! ARSRAPPORT_BENCH_RUNS: edits, default 10).

use std::path::{Path, PathBuf};
use std::time::Duration;

use arsrapport::pipeline::CheckOptions;
use arsrapport::watch::Session;

mod support;
use support::copy;

/// The first chapter file with a plain one-line paragraph (`- p: text`), and that line.
fn paragraph(dir: &Path) -> (PathBuf, String) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("kapitler"))
        .expect("kapitler/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("chapter");
        if let Some(line) = text.lines().find(|l| {
            let t = l.trim_start();
            t.starts_with("- p: ") && !t.contains('"') && !t.contains('\'') && t.len() > 40
        }) {
            return (file, line.to_string());
        }
    }
    panic!("no one-line paragraph in {}", dir.display());
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report =
        std::env::var("ARSRAPPORT_BENCH_DIR").map_or(root.join("report-data"), PathBuf::from);
    let runs: usize =
        std::env::var("ARSRAPPORT_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(10);
    let work = tempfile::tempdir().expect("tempdir");
    let dir = work.path().join("rapport");
    copy(&report, &dir);
    let session = Session::new(&dir, CheckOptions::default(), false, true);

    let first = session.rebuild();
    assert!(first.rendered.is_some(), "{:?}", first.findings.not_built);
    let unchanged = session.rebuild();
    let (file, line) = paragraph(&dir);
    let original = std::fs::read_to_string(&file).expect("chapter");

    let mut to_pdf = Vec::new();
    let mut total = Vec::new();
    let mut stages = Vec::new();
    for round in 0..runs {
        let edited = original.replacen(&line, &format!("{line} Endring nummer {round}."), 1);
        std::fs::write(&file, edited).expect("save");
        let rebuild = session.rebuild();
        let rendered = rebuild.rendered.expect("rebuilt");
        to_pdf.push(rebuild.check_time + rendered.pdf_time);
        total.push(rebuild.total_time);
        stages.push((rebuild.check_time, rendered.pdf_time, rendered.html_time));
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let best = |v: &[Duration]| v.iter().min().copied().unwrap_or_default();
    println!(
        "watch on {} ({runs} edits of one paragraph in {}):",
        report.display(),
        file.display()
    );
    println!("  first build (cold)                    {:>8.1} ms", ms(first.total_time));
    println!("  rebuild, nothing changed              {:>8.1} ms", ms(unchanged.total_time));
    println!(
        "  edit → updated PDF (check + PDF)      {:>8.1} ms median {:>8.1} ms best   (target ≤ 200 ms)",
        ms(median(&mut to_pdf.clone())),
        ms(best(&to_pdf))
    );
    println!(
        "  edit → site and PDF served (all)      {:>8.1} ms median {:>8.1} ms best",
        ms(median(&mut total.clone())),
        ms(best(&total))
    );
    let mut check: Vec<Duration> = stages.iter().map(|s| s.0).collect();
    let mut pdf: Vec<Duration> = stages.iter().map(|s| s.1).collect();
    let mut html: Vec<Duration> = stages.iter().map(|s| s.2).collect();
    println!(
        "    medians: check {:.1} ms, PDF {:.1} ms, HTML {:.1} ms",
        ms(median(&mut check)),
        ms(median(&mut pdf)),
        ms(median(&mut html))
    );
}
