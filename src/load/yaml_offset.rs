//! Where a byte of a scalar's value is in the YAML source, so a finding inside a text (a figure,
//! a link) points at its own characters rather than at the start of the text.

/// The byte offset in the source file of byte `offset` of a scalar's value.
///
/// `start` is where the scalar's node starts (its [`Span`](crate::source::Span)). Works for plain,
/// quoted, folded (`>`) and literal (`|`) scalars over any number of lines by
/// walking the value and the source side by side: every character of the
/// value other than whitespace must be found, in order, in the source (a line
/// break plus indentation in the source stands for one space or line break in
/// the value). `None` when the two cannot be matched, e.g. around escape
/// sequences in double-quoted strings: the caller then points at the node.
pub fn value_offset(source: &str, start: usize, value: &str, offset: usize) -> Option<usize> {
    let mut j = start;
    let quote = match source.get(start..)?.chars().next()? {
        q @ ('"' | '\'') => {
            j += 1;
            Some(q)
        }
        '>' | '|' => {
            j = start + source[start..].find('\n')? + 1;
            None
        }
        _ => None,
    };
    let at = |j: usize| source.get(j..).and_then(|r| r.chars().next());
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            if !at(j)?.is_whitespace() {
                return None;
            }
            if i == offset {
                return Some(j);
            }
            if chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
                j += at(j)?.len_utf8();
            } else {
                while let Some(w) = at(j).filter(|w| w.is_whitespace()) {
                    j += w.len_utf8();
                }
            }
            continue;
        }
        if i == 0 {
            // The indentation before the first line of a block scalar.
            while let Some(w) = at(j).filter(|w| w.is_whitespace()) {
                j += w.len_utf8();
            }
        }
        let s = at(j)?;
        if s != c {
            return None;
        }
        if i == offset {
            return Some(j);
        }
        j += s.len_utf8();
        if c == '\'' && quote == Some('\'') {
            // `''` stands for one `'` in a single-quoted string.
            if at(j) != Some('\'') {
                return None;
            }
            j += 1;
        }
    }
    (offset == value.len()).then_some(j)
}
