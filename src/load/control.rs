//! Control characters in text and cells (AR311).
//!
//! A NUL byte, a form feed or a C1 control copied from an old system is invisible in an
//! editor, but the PDF build chokes on it or prints a box, and the web page may drop the text
//! after it. [`control_characters`] finds them; tab, line feed and carriage return are allowed
//! (they are white space where text allows line breaks). Unicode noncharacters (U+FFFE,
//! U+FFFF, U+FDD0–U+FDEF, …) are reported too; lone surrogates cannot occur in a Rust string.

use crate::tr;

/// Whether `c` is a character that may not stand in a report's text.
pub fn is_forbidden(c: char) -> bool {
    let u = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&u)
        || (u & 0xFFFE) == 0xFFFE
}

/// Every control character (and noncharacter) in `text`, with its byte offset.
pub fn control_characters(text: &str) -> Vec<(usize, char)> {
    text.char_indices().filter(|(_, c)| is_forbidden(*c)).collect()
}

/// The name of a control character for messages, e.g. "NUL (U+0000)".
pub fn describe(c: char) -> String {
    let u = u32::from(c);
    let name = match u {
        0x00 => "NUL".to_string(),
        0x01..=0x06 | 0x0E..=0x1A | 0x1C..=0x1F => tr!(ctl_control_character),
        0x07 => "BEL".to_string(),
        0x08 => tr!(ctl_backspace),
        0x0B => tr!(ctl_vertical_tab),
        0x0C => tr!(ctl_form_feed),
        0x1B => "escape".to_string(),
        0x7F => "DEL".to_string(),
        0x85 => tr!(ctl_next_line),
        0x80..=0x9F => tr!(ctl_c1),
        _ => tr!(ctl_noncharacter),
    };
    format!("{name} (U+{u:04X})")
}

/// A message for the first control character of a text, e.g. for an AR311 diagnostic.
pub fn message(c: char) -> String {
    tr!(load_this_text_holds_an_invisible, character = describe(c))
}

/// The hint for AR311.
pub fn hint() -> String {
    tr!(fix_control_hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_controls_with_their_offsets() {
        assert_eq!(control_characters("a\0b"), vec![(1, '\0')]);
        assert_eq!(control_characters("ø\u{1b}[1m"), vec![(2, '\u{1b}')]);
        assert_eq!(control_characters("x\u{85}y\u{9f}"), vec![(1, '\u{85}'), (4, '\u{9f}')]);
        assert_eq!(control_characters("\u{7f}"), vec![(0, '\u{7f}')]);
        assert_eq!(control_characters("a\u{c}b"), vec![(1, '\u{c}')]);
    }

    #[test]
    fn tab_and_line_ends_are_allowed() {
        assert!(control_characters("a\tb\r\nc\nd").is_empty());
        assert!(control_characters("Årsberetning – 1\u{a0}714\u{202f}058 € 😀").is_empty());
    }

    #[test]
    fn noncharacters_are_reported() {
        assert_eq!(control_characters("a\u{FFFE}\u{FFFF}"), vec![(1, '\u{FFFE}'), (4, '\u{FFFF}')]);
        assert_eq!(
            control_characters("\u{FDD0}\u{1FFFF}"),
            vec![(0, '\u{FDD0}'), (3, '\u{1FFFF}')]
        );
        assert!(!is_forbidden('\u{FFFD}'));
        assert!(!is_forbidden('\u{FDF0}'));
    }

    #[test]
    fn names() {
        assert_eq!(describe('\0'), "NUL (U+0000)");
        assert_eq!(describe('\u{9b}'), "C1 control character (U+009B)");
        assert_eq!(describe('\u{FFFF}'), "noncharacter (U+FFFF)");
        assert!(message('\u{c}').contains("form feed (U+000C)"));
    }
}
