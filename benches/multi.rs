//! Many reports in one run (issue 15): 15 copies of a report built by one `arsrapport build
//! DIR...` against 15 single builds one after the other, with the peak memory of each.
//!
//! Runs the release binary, as a user would. Prints figures; asserts nothing about time.
//! Targets: the run of 15 ≤ 8 s and ≤ 0.6 × the 15 single builds.
//!
//! Run: `cargo bench --bench multi` (ARSRAPPORT_BENCH_DIR: the report, default report-data;
//! ARSRAPPORT_BENCH_COPIES: how many copies, default 15).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod support;
use support::copy;

/// The peak resident memory (VmHWM) of a process, in MB, read while it runs.
fn peak_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Runs `arsrapport` with `args` in `dir`; wall time, peak memory in MB, and whether it passed.
fn run(dir: &Path, args: &[String]) -> (Duration, f64, bool) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_arsrapport"))
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut peak: f64 = 0.0;
    let status = loop {
        if let Some(mb) = peak_mb(child.id()) {
            peak = peak.max(mb);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    (start.elapsed(), peak, status.success())
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report =
        std::env::var("ARSRAPPORT_BENCH_DIR").map_or(root.join("report-data"), PathBuf::from);
    let copies: usize =
        std::env::var("ARSRAPPORT_BENCH_COPIES").ok().and_then(|c| c.parse().ok()).unwrap_or(15);
    let work = tempfile::tempdir().expect("tempdir");
    let names: Vec<String> = (1..=copies).map(|i| format!("bydel-{i:02}")).collect();
    for name in &names {
        copy(&report, &work.path().join(name));
    }

    let mut sequential = Duration::ZERO;
    let mut single_peak: f64 = 0.0;
    for name in &names {
        let out = format!("seq/{name}");
        let (time, peak, ok) =
            run(work.path(), &["build".into(), name.clone(), "--out".into(), out]);
        assert!(ok, "{name} builds");
        sequential += time;
        single_peak = single_peak.max(peak);
    }
    let mut args = vec!["build".to_string()];
    args.extend(names.iter().cloned());
    args.extend(["--out".to_string(), "all".to_string()]);
    let (together, together_peak, ok) = run(work.path(), &args);
    assert!(ok, "the run of {copies} builds");
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("{copies} copies of {} on {cpus} CPUs (release binary):", report.display());
    println!(
        "  {copies} single builds, one after the other: {:>8.2} s   peak memory of one {:>6.0} MB",
        sequential.as_secs_f64(),
        single_peak
    );
    println!(
        "  one `build DIR...` of all {copies}:           {:>8.2} s   peak memory        {:>6.0} MB",
        together.as_secs_f64(),
        together_peak
    );
    println!(
        "  ratio {:.2} (target ≤ 0.60); run of {copies} {:.2} s (target ≤ 8 s)",
        together.as_secs_f64() / sequential.as_secs_f64(),
        together.as_secs_f64()
    );
}
