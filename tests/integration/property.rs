//! Property tests: consistent tables always pass; any figure changed by more
//! than rounding is always caught. And `check` never panics on any input.

use std::fmt::Write as _;
use std::path::Path;

use arsrapport::diag::{Code, Severity};
use arsrapport::pipeline::{CheckOptions, check};
use proptest::prelude::*;

/// A figure as the report prints it (no-break spaces, U+2212), which the CSV reader accepts.
fn fmt(v: i64) -> String {
    arsrapport::format::decimal(rust_decimal::Decimal::from(v), 0, true)
}

/// Rows of (regnskap_fjor, opprinnelig, regulert, regnskap); avvik and the sum row are computed.
fn write_report(dir: &Path, rows: &[[i64; 4]], tweak: Option<(usize, usize, i64)>) {
    let mut table: Vec<[i64; 5]> =
        rows.iter().map(|r| [r[0], r[1], r[2], r[3], r[2] - r[3]]).collect();
    let mut sum = [0i64; 5];
    for r in &table {
        for c in 0..5 {
            sum[c] += r[c];
        }
    }
    table.push(sum);
    if let Some((r, c, delta)) = tweak {
        table[r][c] += delta;
    }
    let codes = [100, 110, 120, 130, 180, 301, 315, 335, 360, 385, 386, 860];
    let mut csv =
        String::from("Funksjon;Regnskap 2023;Oppr. budsjett;Regulert budsjett;Regnskap;Avvik\n");
    for (i, r) in table.iter().enumerate() {
        let label = if i == rows.len() {
            "Sum netto utgifter".to_string()
        } else {
            format!("{} Funksjon", codes[i])
        };
        let cells: Vec<String> = r.iter().map(|v| fmt(*v)).collect();
        let _ = writeln!(csv, "{label};{}", cells.join(";"));
    }
    std::fs::create_dir_all(dir.join("t")).expect("dir");
    std::fs::write(dir.join("t/fo1.csv"), csv).expect("csv");
    std::fs::write(
        dir.join("report.yaml"),
        "title: T\ndistrict: D\norganisation: O\nyear: 2024\ndate: 2025-03-01\nchapters: [k.yaml]\n",
    )
    .expect("report");
    std::fs::write(
        dir.join("k.yaml"),
        "title: K\nblocks:\n  - table: {id: fo1, file: t/fo1.csv, kind: kostra, caption: FO1}\n",
    )
    .expect("chapter");
}

fn rows() -> impl Strategy<Value = Vec<[i64; 4]>> {
    prop::collection::vec(prop::array::uniform4(-500_000i64..2_000_000), 1..12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn consistent_tables_pass(rows in rows()) {
        let dir = tempfile::tempdir().expect("tempdir");
        write_report(dir.path(), &rows, None);
        let checked = check(dir.path(), &CheckOptions::default());
        let findings: Vec<_> = checked.diagnostics.iter().filter(|d| d.severity != Severity::Note || d.code != Code::KostraExpired).collect();
        prop_assert!(findings.is_empty(), "{:?}", findings);
        prop_assert!(!checked.failed);
    }

    #[test]
    fn a_figure_changed_beyond_rounding_is_caught(
        rows in rows(),
        row_pick in any::<prop::sample::Index>(),
        col in 0usize..5,
        delta in prop_oneof![-1_000_000i64..-2, 2i64..1_000_000],
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let row = row_pick.index(rows.len() + 1);
        // A sum of n rows tolerates n/2 units; make the change larger than that.
        let n = rows.len() as i64;
        let delta = if delta.abs() <= n { delta.signum() * (n + 2) } else { delta };
        write_report(dir.path(), &rows, Some((row, col, delta)));
        let checked = check(dir.path(), &CheckOptions::default());
        prop_assert!(checked.failed, "changing row {row} column {col} by {delta} went unnoticed");
        prop_assert!(checked.diagnostics.iter().any(|d| d.severity == Severity::Error
            && matches!(d.code, Code::Derived | Code::SumRow)));
    }

    #[test]
    fn check_never_panics_on_arbitrary_csv(text in "\\PC{0,200}", yaml_noise in "\\PC{0,80}") {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("t")).expect("dir");
        std::fs::write(dir.path().join("t/fo1.csv"), &text).expect("csv");
        std::fs::write(dir.path().join("report.yaml"),
            format!("title: T\ndistrict: D\norganisation: O\nyear: 2024\ndate: 2025-03-01\nchapters: [k.yaml]\n#{}\n", yaml_noise.replace('\n', " "))).expect("r");
        std::fs::write(dir.path().join("k.yaml"),
            "title: K\nblocks:\n  - table: {id: fo1, file: t/fo1.csv, kind: kostra}\n").expect("k");
        let _ = check(dir.path(), &CheckOptions::default());
    }

    #[test]
    fn check_never_panics_on_arbitrary_yaml(text in "\\PC{0,300}") {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("report.yaml"), &text).expect("r");
        let _ = check(dir.path(), &CheckOptions::default());
    }
}

/// A cell as people and Excel write them: Norwegian figures, dashes, labels, quotes, noise.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        (-2_000_000i64..2_000_000).prop_map(fmt),
        (-2_000_000i64..2_000_000, 0u32..4).prop_map(|(v, s)| {
            arsrapport::format::decimal(rust_decimal::Decimal::new(v, s), s, true)
        }),
        (0u32..1000, 0u32..10).prop_map(|(a, b)| format!("{a},{b} %")),
        "[0-9]{1,45}(,[0-9]{1,35})?",
        Just("-".to_string()),
        Just("–".to_string()),
        Just("*".to_string()),
        Just(String::new()),
        "[A-Za-zÆØÅæøå0-9 .,()*/-]{0,20}",
        "\"[A-Za-zæøå;, \n]{0,12}\"",
        "\"[a-z]{0,4}\"\"[a-z]{0,4}\"\"\"",
        "\\PC{0,6}",
    ]
}

/// A CSV file as bytes: rows of cells joined by `;` (or tab), LF or CRLF, in one of the
/// encodings Excel writes, sometimes with a stray byte or a cut-off end.
fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(prop::collection::vec(cell(), 0..9), 0..14),
        prop::bool::ANY,
        0u8..5,
        prop::option::of((any::<prop::sample::Index>(), any::<u8>())),
        prop::option::of(any::<prop::sample::Index>()),
    )
        .prop_map(|(rows, crlf, encoding, stray, cut)| {
            let delimiter = if encoding == 3 { "\t" } else { ";" };
            let end = if crlf { "\r\n" } else { "\n" };
            let text: String =
                rows.iter().map(|r| r.join(delimiter) + end).collect::<Vec<_>>().concat();
            let mut bytes = match encoding {
                0 => text.into_bytes(),
                1 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
                2 => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
                3 => {
                    let mut b = vec![0xFF, 0xFE];
                    b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                    b
                }
                _ => {
                    let mut b = vec![0xFE, 0xFF];
                    b.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
                    b
                }
            };
            if let Some((at, byte)) = stray
                && !bytes.is_empty()
            {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            if let Some(at) = cut
                && !bytes.is_empty()
            {
                bytes.truncate(at.index(bytes.len()));
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn check_never_panics_on_structured_csv_bytes(bytes in csv_bytes()) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("t")).expect("dir");
        std::fs::write(dir.path().join("t/fo1.csv"), &bytes).expect("csv");
        std::fs::write(dir.path().join("report.yaml"),
            "title: T\ndistrict: D\norganisation: O\nyear: 2024\ndate: 2025-03-01\nchapters: [k.yaml]\n").expect("r");
        std::fs::write(dir.path().join("k.yaml"),
            "title: K\nblocks:\n  - table: {id: fo1, file: t/fo1.csv, kind: generic, caption: T}\n").expect("k");
        let checked = check(dir.path(), &CheckOptions::default());
        // Every finding about the file has a place in it.
        for d in &checked.diagnostics {
            prop_assert!(d.span.is_some() || d.code == Code::Io, "{:?}", d);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_csv_reader_never_panics_and_its_work_is_linear(bytes in csv_bytes()) {
        let mut sources = arsrapport::source::Sources::default();
        let Ok(id) = arsrapport::load::encoding::add_source(&mut sources, "t.csv", &bytes) else {
            return Ok(());
        };
        let text_len = sources.get(id).text.len();
        if let Ok(raw) = arsrapport::load::csv::read(id, sources.get(id)) {
            prop_assert!(raw.work <= 4 * text_len + 16, "{} steps for {} bytes", raw.work, text_len);
            for row in &raw.rows {
                for field in &row.fields {
                    let _ = arsrapport::load::number::parse_cell(&field.text);
                    let _ = sources.line_col(&field.span);
                }
            }
        }
    }

    #[test]
    fn the_csv_reader_scales_linearly_when_a_file_grows(bytes in csv_bytes(), k in 1usize..4) {
        // The same rows repeated: four times the text may take at most about four times the work.
        let Ok(decoded) = arsrapport::load::encoding::decode(&bytes) else { return Ok(()) };
        let text = decoded.text;
        prop_assume!(text.ends_with('\n') && !text.is_empty());
        let work = |text: String| {
            let mut sources = arsrapport::source::Sources::default();
            let id = sources.add("t.csv", text);
            arsrapport::load::csv::read(id, sources.get(id)).map(|r| r.work).ok()
        };
        if let (Some(small), Some(large)) = (work(text.repeat(k)), work(text.repeat(4 * k))) {
            prop_assert!(large <= 4 * small + 64, "{small} → {large}");
        }
    }
}
