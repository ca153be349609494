//! Running text as both outputs set it.
//!
//! A footnote mark typed as a Unicode superscript digit («¹ Nøkkeltall for 2024 …», «m²») is
//! set as a superscript figure: `<sup>1</sup>` on the site, Typst's `super` in the PDF, so that
//! it takes the typeface's own superscript figures, and a screen reader, a search or a copy of
//! the text gets the digit «1» (as from the published report's superscripts), not the
//! compatibility character «¹». Every other character is printed as written.

/// A stretch of text: as written, or superscript figures (as ASCII digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextRun<'a> {
    /// Characters printed as they are.
    Plain(&'a str),
    /// Digits to set as superscript (`"1"` for «¹»).
    Superscript(String),
}

/// The digit a Unicode superscript digit stands for.
fn superscript_digit(c: char) -> Option<char> {
    match c {
        '⁰' => Some('0'),
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁴'..='⁹' => char::from_u32(c as u32 - '⁴' as u32 + '4' as u32),
        _ => None,
    }
}

/// `text` as runs of plain text and superscript figures, in order; one plain run when it
/// holds no superscript digit.
pub fn runs(text: &str) -> Vec<TextRun<'_>> {
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let Some(digit) = superscript_digit(c) else { continue };
        if at > plain_start {
            out.push(TextRun::Plain(&text[plain_start..at]));
        }
        let mut digits = String::from(digit);
        let mut end = at + c.len_utf8();
        while let Some(d) = chars.peek().and_then(|&(_, n)| superscript_digit(n)) {
            digits.push(d);
            if let Some((i, n)) = chars.next() {
                end = i + n.len_utf8();
            }
        }
        out.push(TextRun::Superscript(digits));
        plain_start = end;
    }
    if plain_start < text.len() || out.is_empty() {
        out.push(TextRun::Plain(&text[plain_start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_superscripts_is_one_run() {
        assert_eq!(runs("Tall i 1000 kr"), vec![TextRun::Plain("Tall i 1000 kr")]);
        assert_eq!(runs(""), vec![TextRun::Plain("")]);
    }

    #[test]
    fn superscript_digits_become_superscript_figures() {
        assert_eq!(
            runs("¹ Nøkkeltall for 2024"),
            vec![TextRun::Superscript("1".into()), TextRun::Plain(" Nøkkeltall for 2024")]
        );
        assert_eq!(
            runs("areal 120 m², note ¹²"),
            vec![
                TextRun::Plain("areal 120 m"),
                TextRun::Superscript("2".into()),
                TextRun::Plain(", note "),
                TextRun::Superscript("12".into()),
            ]
        );
    }

    #[test]
    fn every_superscript_digit_maps_to_its_figure() {
        let all: String = runs("⁰¹²³⁴⁵⁶⁷⁸⁹")
            .into_iter()
            .map(|r| match r {
                TextRun::Superscript(d) => d,
                TextRun::Plain(p) => panic!("plain run {p:?}"),
            })
            .collect();
        assert_eq!(all, "0123456789");
    }

    #[test]
    fn other_raised_characters_are_left_as_written() {
        assert_eq!(runs("x⁺ ⁽a⁾ ª"), vec![TextRun::Plain("x⁺ ⁽a⁾ ª")]);
    }
}
