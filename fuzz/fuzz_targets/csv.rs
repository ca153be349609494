//! Fuzzes the CSV reader and the Norwegian number parser: they must never panic.
#![no_main]

use arsrapport::load::{csv, number};
use arsrapport::source::Sources;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut sources = Sources::default();
    let Ok(id) = arsrapport::load::encoding::add_source(&mut sources, "fuzz.csv", data) else {
        return;
    };
    if let Ok(raw) = csv::read(id, sources.get(id)) {
        for row in &raw.rows {
            for field in &row.fields {
                let _ = number::parse_cell(&field.text);
                let _ = sources.line_col(&field.span);
            }
        }
    }
});
