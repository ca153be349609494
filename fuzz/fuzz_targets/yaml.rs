//! Fuzzes the positioned YAML reader and the inline markup parser: they must never panic.
#![no_main]

use arsrapport::load::{encoding, inline, yaml};
use arsrapport::source::Sources;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut sources = Sources::default();
    let Ok(decoded) = encoding::decode(data) else { return };
    let text = decoded.text;
    let _ = inline::parse(&text);
    let id = sources.add("fuzz.yaml", text);
    if let Ok(node) = yaml::parse(id, sources.get(id)) {
        let _ = sources.line_col(&node.span);
    }
});
