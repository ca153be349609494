//! Prints how long `check` (load + validate) takes on the real report and on a
//! generated large report (15 districts, each with a netto overview, KOSTRA
//! tables for FO1–FO4C, indicators and a population table). Target: the full
//! report-data in under 50 ms. Run: `cargo bench --bench check`.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use arsrapport::pipeline::{CheckOptions, check};

fn time(label: &str, dir: &Path, runs: u32) {
    // Warm the file cache once.
    let first = check(dir, &CheckOptions::default());
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    for _ in 0..runs {
        let t = Instant::now();
        let c = check(dir, &CheckOptions::default());
        let e = t.elapsed();
        std::hint::black_box(c);
        best = best.min(e);
        total += e;
    }
    println!(
        "{label:<34} {:>8.2} ms best {:>8.2} ms mean  ({} tables, {} cells checked, {} files)",
        best.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / f64::from(runs),
        first.summary.tables,
        first.summary.cells_checked,
        first.summary.files,
    );
}

/// A figure as the report prints it (no-break spaces, U+2212), which the CSV reader accepts.
fn n(v: i64) -> String {
    arsrapport::format::decimal(rust_decimal::Decimal::from(v), 0, true)
}

fn generate(dir: &Path, districts: usize) {
    std::fs::create_dir_all(dir.join("t")).expect("dir");
    std::fs::create_dir_all(dir.join("k")).expect("dir");
    let areas = ["FO1", "FO2A", "FO2B", "FO2C", "FO3", "FO4A", "FO4B", "FO4C"];
    let codes =
        [100, 110, 120, 130, 201, 211, 221, 231, 232, 233, 234, 241, 242, 243, 244, 251, 252, 253];
    let mut chapters = String::new();
    let mut seed = 12345u64;
    let mut rnd = move |m: i64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as i64) % m
    };
    for d in 0..districts {
        let mut yaml = format!("title: Bydel {d}\nsections:\n");
        let mut overview_rows = Vec::new();
        for area in areas {
            let mut csv = String::from(
                "Funksjon;Regnskap 2023;Oppr. budsjett;Regulert budsjett;Regnskap 2024;Avvik\n",
            );
            let mut sum = [0i64; 5];
            for code in codes.iter().take(12) {
                let r = [rnd(90_000), rnd(90_000), rnd(90_000), rnd(90_000)];
                let row = [r[0], r[1], r[2], r[3], r[2] - r[3]];
                for c in 0..5 {
                    sum[c] += row[c];
                }
                let _ = writeln!(
                    csv,
                    "{code} Funksjon;{}",
                    row.iter().map(|v| n(*v)).collect::<Vec<_>>().join(";")
                );
            }
            let _ = writeln!(
                csv,
                "Sum netto utgifter *);{}",
                sum.iter().map(|v| n(*v)).collect::<Vec<_>>().join(";")
            );
            overview_rows.push((area, sum));
            std::fs::write(dir.join(format!("t/{d}-{area}.csv")), csv).expect("csv");
            let _ = write!(
                yaml,
                "  - title: {area}\n    blocks:\n      - table:\n          id: d{d}-{area}\n          file: t/{d}-{area}.csv\n          kind: kostra\n          links:\n            - to: d{d}-netto\n              rows: {{\"Sum netto utgifter\": \"{area}\"}}\n"
            );
            let mut ind = String::from(
                "Indikator;Resultat 2022;Resultat 2023;Måltall 2024;Resultat 2024;Avvik 2024\n",
            );
            for i in 0..6 {
                let (m, r) = (rnd(1000), rnd(1000));
                let _ = writeln!(
                    ind,
                    "Indikator {i};{} %;{} %;{},{} %;{},{} %;{} %",
                    rnd(100),
                    rnd(100),
                    m / 10,
                    m % 10,
                    r / 10,
                    r % 10,
                    {
                        let d = r - m;
                        format!("{}{},{}", if d < 0 { "-" } else { "" }, d.abs() / 10, d.abs() % 10)
                    }
                );
            }
            std::fs::write(dir.join(format!("t/{d}-{area}-ind.csv")), ind).expect("csv");
            let _ = writeln!(
                yaml,
                "      - table: {{id: d{d}-{area}-ind, file: t/{d}-{area}-ind.csv, kind: indicators}}"
            );
        }
        let mut csv = String::from(
            "Netto driftsutgifter;Regnskap 2023;Oppr. budsjett;Regulert budsjett;Regnskap 2024;Avvik\n",
        );
        let mut total = [0i64; 5];
        for (area, sum) in &overview_rows {
            for c in 0..5 {
                total[c] += sum[c];
            }
            let _ =
                writeln!(csv, "{area};{}", sum.iter().map(|v| n(*v)).collect::<Vec<_>>().join(";"));
        }
        let _ = writeln!(
            csv,
            "Sum netto utgifter;{}",
            total.iter().map(|v| n(*v)).collect::<Vec<_>>().join(";")
        );
        std::fs::write(dir.join(format!("t/{d}-netto.csv")), csv).expect("csv");
        let _ = write!(
            yaml,
            "  - title: Oversikt\n    blocks:\n      - table: {{id: d{d}-netto, file: t/{d}-netto.csv, kind: overview}}\n"
        );
        std::fs::write(dir.join(format!("k/{d}.yaml")), yaml).expect("yaml");
        let _ = writeln!(chapters, "  - k/{d}.yaml");
    }
    std::fs::write(
        dir.join("report.yaml"),
        format!("title: Stor rapport\ndistrict: Oslo\norganisation: Oslo kommune\nyear: 2024\ndate: 2025-03-01\nchapters:\n{chapters}"),
    )
    .expect("report");
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var("ARSRAPPORT_BENCH_DIR").map_or(root.join("report-data"), Into::into);
    println!("check (load + validate), wall time:");
    time("report-data (full Bjerke 2024)", &dir, 50);
    let tmp = std::env::temp_dir().join(format!("arsrapport-bench-{}", std::process::id()));
    generate(&tmp, 15);
    time("generated: 15 districts", &tmp, 10);
    let _ = std::fs::remove_dir_all(&tmp);
}
