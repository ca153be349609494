//! How the cost grows with the size of one document (issue 15): report-data ×1, ×2, ×4, ×8, ×16
//! in one report, each size in a fresh process, timing every stage (load, check, PDF, HTML) and
//! reading the process's peak memory (VmHWM). Prints the figures and the ratio per doubling;
//! asserts nothing about time. Target: every ratio ≤ 2.1, and ≤ 120 MB peak for ×1.
//!
//! The ×N report is a folder of its own: the tables once, the chapter files (and the files they
//! include) N times, the copies' ids renamed with a suffix so every id stays unique, and
//! `report.yaml` listing all N·7 chapters.
//! Explicit table numbers repeat in the copies; `check` reports that, and every stage still runs.
//!
//! Run: `cargo bench --bench scale` (ARSRAPPORT_BENCH_DIR: the report, default report-data;
//! ARSRAPPORT_BENCH_SIZES: e.g. `1,2,4`; ARSRAPPORT_SCALE_WORK: a folder to keep the ×N reports in).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use arsrapport::build::{BuildOptions, Output, render_outputs};
use arsrapport::pipeline::{CheckOptions, check};

mod support;
use support::copy;

const CHILD: &str = "ARSRAPPORT_SCALE_CHILD";

/// The values of `id:` keys in a YAML text.
fn ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim_start().trim_start_matches("- ").strip_prefix("id:"))
        .map(|v| v.trim().trim_matches('"').to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// `text` with every whole-word occurrence of each id followed by `suffix` (not in file paths:
/// after a `/`).
fn rename(text: &str, ids: &[String], suffix: &str) -> String {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut out = String::with_capacity(text.len() + 64);
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        let in_path = out.ends_with('/');
        out.push_str(token);
        if !in_path && ids.contains(token) {
            out.push_str(suffix);
        }
        token.clear();
    };
    for c in text.chars() {
        if word(c) {
            token.push(c);
        } else {
            flush(&mut token, &mut out);
            out.push(c);
        }
    }
    flush(&mut token, &mut out);
    out
}

/// report-data ×`times` in `to`.
fn multiply(report: &Path, times: usize, to: &Path) {
    copy(report, to);
    let yaml = std::fs::read_to_string(to.join("report.yaml")).expect("report.yaml");
    let chapters: Vec<String> = yaml
        .lines()
        .skip_while(|l| !l.starts_with("chapters:"))
        .skip(1)
        .take_while(|l| l.trim_start().starts_with("- "))
        .map(|l| l.trim_start().trim_start_matches("- ").trim().to_string())
        .collect();
    // Every chapter file, including those the chapters include.
    let mut files: Vec<PathBuf> = std::fs::read_dir(to.join("kapitler"))
        .expect("kapitler/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let texts: Vec<String> =
        files.iter().map(|f| std::fs::read_to_string(f).expect("chapter")).collect();
    let all_ids: Vec<String> = texts.iter().flat_map(|t| ids(t)).collect();
    let mut listing = chapters.clone();
    for n in 2..=times {
        let folder = format!("kopi-{n}");
        std::fs::create_dir_all(to.join(&folder)).expect("folder");
        for (file, text) in files.iter().zip(&texts) {
            let name = file.file_name().expect("name").to_string_lossy();
            let text = rename(text, &all_ids, &format!("-k{n}"))
                .replace("kapitler/", &format!("{folder}/"));
            std::fs::write(to.join(&folder).join(&*name), text).expect("write");
        }
        listing.extend(chapters.iter().map(|c| c.replace("kapitler/", &format!("{folder}/"))));
    }
    let list: String = listing.iter().map(|c| format!("  - {c}\n")).collect();
    let start = yaml.find("chapters:").expect("chapters");
    let rest = &yaml[start..];
    let end = rest
        .lines()
        .skip(1)
        .take_while(|l| l.trim_start().starts_with("- "))
        .map(|l| l.len() + 1)
        .sum::<usize>()
        + "chapters:\n".len();
    let new = format!("{}chapters:\n{list}{}", &yaml[..start], &rest[end.min(rest.len())..]);
    std::fs::write(to.join("report.yaml"), new).expect("report.yaml");
}

/// The CPU time this thread has used, in nanoseconds (CLOCK_THREAD_CPUTIME_ID;
/// `/proc/thread-self/schedstat`, read before, moved in 4 ms scheduler ticks, too coarse for the
/// small sizes).
fn thread_cpu() -> std::time::Duration {
    let ts = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    std::time::Duration::new(ts.tv_sec.max(0) as u64, ts.tv_nsec.clamp(0, 999_999_999) as u32)
}

/// The peak resident memory of this process in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// In the child: one build of the report in `dir`, stage by stage; prints
/// `load check pdf html peak pdf-kB files tables` (ms, MB).
fn child(dir: &Path) {
    // Load, check and HTML run on this thread: the best of three, in CPU time of this thread
    // (steadier than wall time on a shared machine). The PDF once, cold (Typst memoizes), in
    // wall time (Typst lays out on several threads).
    let best = |f: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let t = thread_cpu();
                f();
                thread_cpu().saturating_sub(t)
            })
            .min()
            .unwrap_or_default()
    };
    let load = best(&mut || drop(arsrapport::load::load(dir)));
    let whole_check = best(&mut || drop(check(dir, &CheckOptions::default())));
    let check_time = whole_check.saturating_sub(load);
    let checked = check(dir, &CheckOptions::default());
    let Some(report) = checked.report else {
        let fatal: Vec<&str> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code.is_fatal())
            .map(|d| d.message.as_str())
            .collect();
        panic!("{} does not load: {fatal:?}", dir.display());
    };
    let tables = report.tables.len();
    // Each output as `build` renders it (`render_outputs`: the goal overview included, Typst's
    // memoized results dropped before the PDF export).
    let render = |outputs| {
        let options =
            BuildOptions { outputs, draft: false, verify_pdf: false, keep_typst_cache: false };
        render_outputs(&report, dir, &options).expect("the report renders")
    };
    let t = Instant::now();
    // ARSRAPPORT_SCALE_HTML_ONLY=1 leaves out the PDF (for profiling the HTML stage).
    let bytes = match std::env::var_os("ARSRAPPORT_SCALE_HTML_ONLY") {
        Some(_) => Vec::new(),
        None => render(Output::Pdf).pdf.expect("a PDF"),
    };
    let pdf_time = t.elapsed();
    // The PDF again, warm: the process's memory already mapped and the allocator's free lists
    // filled, Typst's memoized results dropped before each run; the best of 2 (wall time).
    let pdf_warm = match std::env::var_os("ARSRAPPORT_SCALE_HTML_ONLY") {
        Some(_) => std::time::Duration::ZERO,
        None => (0..2)
            .map(|_| {
                typst::comemo::evict(0);
                let t = Instant::now();
                drop(render(Output::Pdf));
                t.elapsed()
            })
            .min()
            .unwrap_or_default(),
    };
    typst::comemo::evict(0);
    let mut files = 0;
    let html_time = best(&mut || {
        files = render(Output::Html).site.map_or(0, |site| site.len());
    });
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "{:.1} {:.1} {:.1} {:.1} {:.1} {:.1} {} {} {}",
        ms(load),
        ms(check_time),
        ms(pdf_time),
        ms(pdf_warm),
        ms(html_time),
        peak_mb(),
        bytes.len() / 1024,
        files,
        tables
    );
}

fn main() {
    if let Some(dir) = std::env::var_os(CHILD) {
        child(Path::new(&dir));
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report =
        std::env::var("ARSRAPPORT_BENCH_DIR").map_or(root.join("report-data"), PathBuf::from);
    let sizes: Vec<usize> = std::env::var("ARSRAPPORT_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2, 4, 8, 16]);
    // ARSRAPPORT_SCALE_WORK=DIR keeps the ×N folders there (to profile one size:
    // `ARSRAPPORT_SCALE_CHILD=DIR/x16 perf record target/release/deps/scale-…`).
    let temp = tempfile::tempdir().expect("tempdir");
    let work =
        std::env::var_os("ARSRAPPORT_SCALE_WORK").map_or(temp.path().to_path_buf(), PathBuf::from);
    let exe = std::env::current_exe().expect("this bench");
    println!("{} ×N in one document, each in a fresh process:", report.display());
    println!(
        "(ms: load, check, HTML in CPU time of the thread, best of 3; PDF in wall time, once \
         in the fresh process and warm, best of 2)"
    );
    println!(
        "{:>4} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}   {:>6} {:>6} {:>6}",
        "×N", "load", "check", "PDF", "PDF warm", "HTML", "peak MB", "PDF kB", "files", "tables"
    );
    let mut previous: Option<Vec<f64>> = None;
    for n in sizes {
        let dir = work.join(format!("x{n}"));
        multiply(&report, n, &dir);
        let output = Command::new(&exe)
            .env(CHILD, &dir)
            .stderr(std::process::Stdio::inherit())
            .output()
            .expect("the child runs");
        assert!(output.status.success(), "the child failed at ×{n}");
        let line = String::from_utf8_lossy(&output.stdout);
        let figures: Vec<f64> = line.split_whitespace().filter_map(|f| f.parse().ok()).collect();
        assert_eq!(figures.len(), 9, "{line}");
        let timed: String = figures[..6].iter().map(|f| format!(" {f:>9.1}")).collect();
        let counts: String = figures[6..].iter().map(|f| format!(" {f:>6}")).collect();
        println!("{n:>4}{timed}  {counts}");
        if let Some(before) = &previous {
            let ratios: String =
                (0..6).map(|i| format!(" ×{:<8.2}", figures[i] / before[i].max(0.001))).collect();
            println!("    {ratios}  (ratio to the size before)");
        }
        previous = Some(figures);
    }
}
