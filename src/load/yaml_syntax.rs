//! YAML syntax errors in plain words: the YAML parser's messages («did not find expected
//! key», «mapping values are not allowed in this context» …) mapped to what the user wrote
//! wrong — indentation, a missing colon, a tab, an unclosed quote or bracket — at the place
//! the parser stopped. The parser's own words stay available as a note.

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, Span};
use crate::tr;

/// What the parser's message says went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Tab,
    Indentation,
    ColonInText,
    MissingColon,
    UnclosedQuote,
    UnclosedList,
    UnclosedBraces,
    MissingValue,
    SpecialCharacter,
    Escape,
    Other,
}

fn classify(info: &str, line: &str) -> Problem {
    let has = |s: &str| info.contains(s);
    if has("tab") {
        Problem::Tab
    } else if has("quoted scalar") && (has("end of stream") || has("document indicator")) {
        Problem::UnclosedQuote
    } else if has("escape") || has("hexadecimal") {
        Problem::Escape
    } else if has("',' or ']'") {
        Problem::UnclosedList
    } else if has("',' or '}'") {
        Problem::UnclosedBraces
    } else if has("mapping values are not allowed") {
        Problem::ColonInText
    } else if has("simple key expect") || has("could not find expected ':'") {
        Problem::MissingColon
    } else if has("did not find expected key")
        || has("indentation")
        || has("block sequence entries are not allowed")
        || has("expected '-' indicator")
    {
        // A line without `: ` among keys is a missing colon, not a wrong indentation.
        let text = line.trim();
        if !text.is_empty() && !text.starts_with(['-', '#']) && !text.contains(':') {
            Problem::MissingColon
        } else {
            Problem::Indentation
        }
    } else if has("did not find expected node content") {
        Problem::MissingValue
    } else if has("unexpected character") || has("cannot start any token") || has("plain scalar") {
        Problem::SpecialCharacter
    } else {
        Problem::Other
    }
}

/// The error for a YAML syntax error at byte `start` of `source`.
pub(super) fn explain(info: &str, file: FileId, source: &SourceFile, start: usize) -> Diagnostic {
    let text = &source.text;
    let line_start = text[..start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let span = Span::new(file, start..(start + 1).min(text.len()).max(start));
    let (message, label, hint) = match classify(info, line) {
        Problem::Tab => {
            (tr!(yaml_syntax_tab), tr!(yaml_syntax_tab_label), tr!(yaml_syntax_tab_hint))
        }
        Problem::Indentation => (
            tr!(yaml_syntax_indentation),
            tr!(yaml_syntax_indentation_label),
            tr!(yaml_syntax_indentation_hint),
        ),
        Problem::ColonInText => (
            tr!(yaml_syntax_colon_in_text),
            tr!(yaml_syntax_colon_in_text_label),
            tr!(yaml_syntax_colon_in_text_hint),
        ),
        Problem::MissingColon => (
            tr!(yaml_syntax_missing_colon),
            tr!(yaml_syntax_missing_colon_label),
            tr!(yaml_syntax_missing_colon_hint),
        ),
        Problem::UnclosedQuote => (
            tr!(yaml_syntax_unclosed_quote),
            tr!(yaml_syntax_unclosed_quote_label),
            tr!(yaml_syntax_unclosed_quote_hint),
        ),
        Problem::UnclosedList => (
            tr!(yaml_syntax_unclosed_list),
            tr!(yaml_syntax_unclosed_list_label),
            tr!(yaml_syntax_unclosed_list_hint),
        ),
        Problem::UnclosedBraces => (
            tr!(yaml_syntax_unclosed_braces),
            tr!(yaml_syntax_unclosed_braces_label),
            tr!(yaml_syntax_unclosed_braces_hint),
        ),
        Problem::MissingValue => (
            tr!(yaml_syntax_missing_value),
            tr!(yaml_syntax_missing_value_label),
            tr!(yaml_syntax_missing_value_hint),
        ),
        Problem::SpecialCharacter => (
            tr!(yaml_syntax_special),
            tr!(yaml_syntax_special_label),
            tr!(yaml_syntax_special_hint),
        ),
        Problem::Escape => {
            (tr!(yaml_syntax_escape), tr!(yaml_syntax_escape_label), tr!(yaml_syntax_escape_hint))
        }
        Problem::Other => {
            (tr!(yaml_syntax_other), tr!(yaml_syntax_other_label), tr!(yaml_syntax_other_hint))
        }
    };
    Diagnostic::error(Code::YamlSyntax, message)
        .at(span)
        .with_label(label)
        .with_hint(hint)
        .with_note(tr!(yaml_syntax_parser_said, info = info))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_map_to_what_was_written_wrong() {
        let cases = [
            ("found a tab character that violates indentation", "\ta: 1", Problem::Tab),
            (
                "while parsing a block mapping, did not find expected key",
                "  b: 2",
                Problem::Indentation,
            ),
            (
                "while parsing a block mapping, did not find expected key",
                "title Årsberetning",
                Problem::MissingColon,
            ),
            (
                "mapping values are not allowed in this context",
                "p: Merk: dette",
                Problem::ColonInText,
            ),
            (
                "while scanning a quoted scalar, found unexpected end of stream",
                "a: \"b",
                Problem::UnclosedQuote,
            ),
            (
                "while parsing a flow sequence, expected ',' or ']'",
                "a: [1, 2",
                Problem::UnclosedList,
            ),
            (
                "while parsing a node, did not find expected node content",
                "a: ]",
                Problem::MissingValue,
            ),
            ("something new", "", Problem::Other),
        ];
        for (info, line, problem) in cases {
            assert_eq!(classify(info, line), problem, "{info}");
        }
    }
}
