//! Which characters the PDF can print (AR310).
//!
//! The PDF embeds exactly Typst's bundled fonts (New Computer Modern, Libertinus Serif,
//! DejaVu Sans Mono, the math fonts) and Inter from `templates/fonts/` (see
//! `src/render/pdf/world.rs`); Typst falls back from one to another, so a character prints if
//! any of them has a glyph for it. Otherwise Typst prints an empty box ("tofu"), which `check`
//! must catch instead: [`missing_glyphs`] finds such characters.
//!
//! The set of covered characters is a table of ranges in `ranges.rs`, generated from those
//! font files; the test `the_table_matches_the_embedded_fonts` recomputes it from the fonts and
//! fails when they change (run it with `ARSRAPPORT_UPDATE_GLYPHS=1` to rewrite the table). The
//! table costs a few kilobytes where a second copy of the fonts would cost a megabyte.
//!
//! No fallback font for emoji or CJK is embedded: Noto Color Emoji and Noto Sans CJK add 10–20
//! MB each to the binary, and a municipal annual report has no need for them; a character
//! without a glyph is an error that says which character and where (docs/format.md, "Text").
//!
//! Report templates with their own `fonts/` folder are not covered here: the table describes
//! the default fonts.

use crate::tr;

mod ranges;

use ranges::RANGES;

/// Characters that need no glyph: Unicode's default-ignorable code points (zero-width
/// space and joiners, soft hyphen, variation selectors, the byte order mark, …) and the white
/// space that Typst lays out without a glyph.
fn needs_no_glyph(c: char) -> bool {
    matches!(
        u32::from(c),
        0x09 | 0x0A | 0x0D
            | 0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// Whether one of the embedded fonts has a glyph for `c` (or `c` needs none).
pub fn has_glyph(c: char) -> bool {
    if needs_no_glyph(c) {
        return true;
    }
    let u = u32::from(c);
    let i = RANGES.partition_point(|&(_, end)| end < u);
    RANGES.get(i).is_some_and(|&(start, _)| start <= u)
}

/// Every character of `text` that no embedded font can print, with its byte offset.
pub fn missing_glyphs(text: &str) -> Vec<(usize, char)> {
    text.char_indices().filter(|(_, c)| !has_glyph(*c)).collect()
}

/// The message for AR310.
pub fn message(c: char) -> String {
    tr!(load_the_pdf_s_fonts_have, code = format!("{:04X}", u32::from(c)), c = c)
}

/// The hint for AR310.
pub fn hint() -> String {
    tr!(fix_glyph_hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_text_and_report_symbols_print() {
        let text = "Årsberetning for Bydel Østensjø: «Særskilt» – 1\u{a0}714\u{202f}058 kr, −5 %, 89,4 ‰, € § © ’ “ ” … • → ≥ ≤ × ÷ ± ½ ² ¹ ÆØÅæøå éèêëüöäÿçñ";
        assert_eq!(missing_glyphs(text), vec![]);
        // Sámi letters (Oslo publishes in nordsamisk and lulesamisk too).
        assert_eq!(missing_glyphs("Áá Čč Đđ Ŋŋ Šš Ŧŧ Žž"), vec![]);
    }

    #[test]
    fn emoji_and_cjk_have_no_glyph() {
        assert_eq!(missing_glyphs("Bra 😀!"), vec![(4, '😀')]);
        assert_eq!(missing_glyphs("奥斯陆 ok"), vec![(0, '奥'), (3, '斯'), (6, '陆')]);
        assert!(message('😀').contains("U+1F600"));
    }

    #[test]
    fn ignorable_characters_need_no_glyph() {
        assert_eq!(missing_glyphs("a\u{200b}b\u{ad}c\u{feff}\u{fe0f}\n\t"), vec![]);
    }

    #[test]
    fn ranges_are_sorted_and_disjoint() {
        assert!(RANGES.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(RANGES.iter().all(|(s, e)| s <= e));
    }

    /// The union of the coverage of the fonts the PDF embeds, as sorted inclusive ranges.
    fn coverage_of_the_embedded_fonts() -> Vec<(u32, u32)> {
        use typst::foundations::Bytes;
        use typst::text::Font;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/fonts");
        let mut fonts: Vec<Font> = typst_kit::fonts::embedded().map(|(f, _)| f).collect();
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("templates/fonts")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "otf" || e == "ttf"))
            .collect();
        names.sort();
        assert!(!names.is_empty(), "no fonts in {}", dir.display());
        for path in names {
            let bytes = std::fs::read(&path).expect("font file");
            fonts.extend(Font::iter(Bytes::new(bytes)));
        }
        let mut all: Vec<u32> = fonts.iter().flat_map(|f| f.info().coverage.iter()).collect();
        all.sort_unstable();
        all.dedup();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in all {
            match ranges.last_mut() {
                Some((_, end)) if *end + 1 == c => *end = c,
                _ => ranges.push((c, c)),
            }
        }
        ranges
    }

    #[test]
    fn the_table_matches_the_embedded_fonts() {
        let ranges = coverage_of_the_embedded_fonts();
        if std::env::var_os("ARSRAPPORT_UPDATE_GLYPHS").is_some() {
            let mut out = String::from(
                "//! Generated by `ARSRAPPORT_UPDATE_GLYPHS=1 cargo test --lib glyphs`: the characters\n//! the embedded fonts cover, as sorted inclusive ranges. Do not edit.\n\n/// Sorted, disjoint, inclusive ranges of covered code points.\npub(super) const RANGES: &[(u32, u32)] = &[\n",
            );
            for (s, e) in &ranges {
                out.push_str(&format!("    (0x{s:X}, 0x{e:X}),\n"));
            }
            out.push_str("];\n");
            let path =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/load/glyphs/ranges.rs");
            std::fs::write(path, out).expect("write the table");
            return;
        }
        assert!(
            ranges == RANGES,
            "the embedded fonts changed: run `ARSRAPPORT_UPDATE_GLYPHS=1 cargo test --lib glyphs` and commit src/load/glyphs/ranges.rs"
        );
    }
}
