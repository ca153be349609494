//! A YAML reader that keeps the position of every node.
//!
//! `yaml-rust2` parses the text into events with markers; we build a small
//! tree ([`Node`]) where every scalar, list and map carries its [`Span`]. The
//! typed readers in `load::report` walk that tree with [`Map`], which reports
//! unknown keys (with a "did you mean" hint), missing keys and wrong types at
//! the exact line and column.

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, Span};

/// A YAML node with its place.
#[derive(Debug, Clone)]
pub struct Node {
    /// What it is.
    pub value: Value,
    /// Where it starts (and, for scalars, its extent on the first line).
    pub span: Span,
}

/// The value of a node.
#[derive(Debug, Clone)]
pub enum Value {
    /// A scalar, with whether it was written plain (unquoted).
    Scalar(String, bool),
    /// A list.
    Seq(Vec<Node>),
    /// A map, keys in order.
    Map(Vec<(Node, Node)>),
    /// `null`, `~` or nothing.
    Null,
}

impl Node {
    /// A short description of the node's type for error messages.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar(..) => "a text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map",
            Value::Null => "nothing",
        }
    }

    /// The scalar text, or an error naming what was expected.
    pub fn as_str(&self, what: &str) -> Result<&str, Diagnostic> {
        match &self.value {
            Value::Scalar(s, _) => Ok(s),
            _ => Err(self.type_error(what)),
        }
    }

    /// An error "expected X, found Y".
    pub fn type_error(&self, what: &str) -> Diagnostic {
        Diagnostic::error(Code::YamlSchema, format!("expected {what}, found {}", self.kind()))
            .at(self.span.clone())
            .with_label(format!("expected {what}"))
    }

    /// The node as a map reader.
    pub fn as_map<'a>(&'a self, what: &str) -> Result<Map<'a>, Diagnostic> {
        match &self.value {
            Value::Map(entries) => {
                Ok(Map { node: self, entries, used: vec![false; entries.len()] })
            }
            _ => Err(self.type_error(what)),
        }
    }

    /// The items of a list.
    pub fn as_seq(&self, what: &str) -> Result<&[Node], Diagnostic> {
        match &self.value {
            Value::Seq(items) => Ok(items),
            Value::Null => Ok(&[]),
            _ => Err(self.type_error(what)),
        }
    }
}

/// Reads the keys of a map one by one and reports what is left over.
pub struct Map<'a> {
    node: &'a Node,
    entries: &'a [(Node, Node)],
    used: Vec<bool>,
}

impl<'a> Map<'a> {
    /// The map node itself.
    pub fn node(&self) -> &'a Node {
        self.node
    }

    /// The value under `key`, if present (and not null).
    pub fn get(&mut self, key: &str) -> Option<&'a Node> {
        for (i, (k, v)) in self.entries.iter().enumerate() {
            if matches!(&k.value, Value::Scalar(s, _) if s == key) {
                self.used[i] = true;
                return match v.value {
                    Value::Null => None,
                    _ => Some(v),
                };
            }
        }
        None
    }

    /// The value under `key`, or an error that it is missing.
    pub fn require(&mut self, key: &str, what: &str) -> Result<&'a Node, Diagnostic> {
        self.get(key).ok_or_else(|| {
            Diagnostic::error(Code::YamlSchema, format!("missing key `{key}` ({what})"))
                .at(self.node.span.clone())
                .with_label(format!("this map needs `{key}`"))
        })
    }

    /// A text value, if present.
    pub fn str(&mut self, key: &str) -> Result<Option<&'a str>, Diagnostic> {
        self.get(key).map(|n| n.as_str("a text")).transpose()
    }

    /// A text value with its node, if present.
    pub fn str_node(&mut self, key: &str) -> Result<Option<(&'a str, &'a Node)>, Diagnostic> {
        match self.get(key) {
            Some(n) => Ok(Some((n.as_str("a text")?, n))),
            None => Ok(None),
        }
    }

    /// A yes/no value, if present.
    pub fn bool(&mut self, key: &str) -> Result<Option<bool>, Diagnostic> {
        let Some(n) = self.get(key) else { return Ok(None) };
        match n.as_str("true or false")? {
            "true" | "yes" | "ja" => Ok(Some(true)),
            "false" | "no" | "nei" => Ok(Some(false)),
            _ => Err(n.type_error("true or false")),
        }
    }

    /// The keys that were never read: each is an error with a "did you mean" hint.
    pub fn finish(self, known: &[&str]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, (k, _)) in self.entries.iter().enumerate() {
            if self.used[i] {
                continue;
            }
            let key = match &k.value {
                Value::Scalar(s, _) => s.as_str(),
                _ => "?",
            };
            let mut d = Diagnostic::error(Code::YamlSchema, format!("unknown key `{key}`"))
                .at(k.span.clone())
                .with_label("not a key of this map");
            if let Some(best) = did_you_mean(key, known.iter().copied()) {
                d = d.with_hint(format!("did you mean `{best}`?"));
            }
            d = d.with_note(format!("known keys here: {}", known.join(", ")));
            out.push(d);
        }
        out
    }
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_l, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The byte offset in the source file of byte `offset` of a scalar's value.
///
/// `start` is where the scalar's node starts (its [`Span`]). Works for plain,
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

struct Builder<'s> {
    file: FileId,
    source: &'s SourceFile,
    stack: Vec<(Node, Option<Node>)>,
    root: Option<Node>,
}

impl Builder<'_> {
    fn span(&self, mark: Marker, len: usize) -> Span {
        let start = self.source.offset(mark.line(), mark.col() + 1);
        let line_end =
            self.source.text[start..].find('\n').map_or(self.source.text.len(), |i| start + i);
        Span::new(self.file, start..(start + len).min(line_end).max(start))
    }

    fn push_value(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some((parent, pending_key)) => match &mut parent.value {
                Value::Seq(items) => items.push(node),
                Value::Map(entries) => match pending_key.take() {
                    None => *pending_key = Some(node),
                    Some(key) => entries.push((key, node)),
                },
                _ => {}
            },
        }
    }
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(text, style, _, _) => {
                let plain = style == TScalarStyle::Plain;
                let is_null = plain && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
                let len = match style {
                    TScalarStyle::Plain => text.len(),
                    TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => text.len() + 2,
                    _ => 1,
                };
                let span = self.span(mark, len.max(1));
                let value = if is_null { Value::Null } else { Value::Scalar(text, plain) };
                self.push_value(Node { value, span });
            }
            Event::SequenceStart(..) => {
                let span = self.span(mark, 1);
                self.stack.push((Node { value: Value::Seq(Vec::new()), span }, None));
            }
            Event::MappingStart(..) => {
                let span = self.span(mark, 1);
                self.stack.push((Node { value: Value::Map(Vec::new()), span }, None));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((node, _)) = self.stack.pop() {
                    self.push_value(node);
                }
            }
            Event::Alias(_) => {
                let span = self.span(mark, 1);
                self.push_value(Node { value: Value::Null, span });
            }
            _ => {}
        }
    }
}

/// Parses a YAML document into a [`Node`] tree. An empty document is a null node.
pub fn parse(file: FileId, source: &SourceFile) -> Result<Node, Diagnostic> {
    let mut builder = Builder { file, source, stack: Vec::new(), root: None };
    let mut parser = Parser::new_from_str(&source.text);
    if let Err(e) = parser.load(&mut builder, false) {
        let m = e.marker();
        let start = source.offset(m.line(), m.col() + 1);
        return Err(Diagnostic::error(Code::YamlSyntax, format!("this is not valid YAML: {}", e.info()))
            .at(Span::new(file, start..(start + 1).min(source.text.len()).max(start)))
            .with_hint("check the indentation, and quote text that contains `: ` or starts with a special character (`*`, `&`, `!`, `[`, `{`, `>`, `|`, `#`, `@`, `%`)"));
    }
    Ok(builder.root.unwrap_or(Node { value: Value::Null, span: Span::new(file, 0..0) }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    fn parse_str(text: &str) -> (Sources, Result<Node, Diagnostic>) {
        let mut s = Sources::default();
        let id = s.add("t.yaml", text.to_string());
        let r = parse(id, s.get(id));
        (s, r)
    }

    #[test]
    fn keeps_line_and_column_of_scalars() {
        let (s, r) = parse_str("title: Årsberetning\nchapters:\n  - a.yaml\n  - b.yaml\n");
        let node = r.expect("valid yaml");
        let mut map = node.as_map("a map").expect("map");
        let chapters = map.get("chapters").expect("chapters").as_seq("list").expect("seq");
        assert_eq!(s.line_col(&chapters[1].span), (4, 5));
        let title = map.get("title").expect("title");
        assert_eq!(s.line_col(&title.span), (1, 8));
        assert!(map.finish(&["title", "chapters"]).is_empty());
    }

    #[test]
    fn unknown_keys_get_a_did_you_mean_hint() {
        let (s, r) = parse_str("titel: x\n");
        let node = r.expect("valid");
        let map = node.as_map("a map").expect("map");
        let errs = map.finish(&["title", "district"]);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].hints, vec!["did you mean `title`?".to_string()]);
        assert_eq!(s.line_col(errs[0].span.as_ref().expect("span")), (1, 1));
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let (s, r) = parse_str("a: [1, 2\nb: c\n");
        let e = r.expect_err("invalid");
        assert_eq!(e.code, Code::YamlSyntax);
        assert!(s.line_col(e.span.as_ref().expect("span")).0 >= 1);
    }

    /// The offset of `needle` in a scalar's value, mapped into the source.
    fn mapped(text: &str, key: &str, needle: &str) -> (usize, usize) {
        let (s, r) = parse_str(text);
        let node = r.expect("valid");
        let mut map = node.as_map("m").expect("map");
        let value = map.get(key).expect("key");
        let Value::Scalar(v, _) = &value.value else { panic!("scalar") };
        let offset = v.find(needle).expect("needle in value");
        let file = s.get(value.span.file);
        let at = value_offset(&file.text, value.span.range.start, v, offset).expect("mapped");
        assert!(file.text[at..].starts_with(needle), "{:?}", &file.text[at..]);
        file.line_col(at)
    }

    #[test]
    fn value_offsets_of_plain_quoted_and_block_scalars() {
        assert_eq!(mapped("p: Andelen var 89,4 % i 2024\n", "p", "89,4"), (1, 16));
        assert_eq!(mapped("p: \"Andelen var 89,4 %\"\n", "p", "89,4"), (1, 17));
        assert_eq!(mapped("p: 'Det er ''ca.'' 12 barn'\n", "p", "12"), (1, 20));
        let folded = "p: >-\n  Andelen var\n  pr 15.12.2024 på 89,4 %. En\n  økning.\n";
        assert_eq!(mapped(folded, "p", "89,4"), (3, 20));
        assert_eq!(mapped(folded, "p", "økning"), (4, 3));
        let plain = "p: Andelen\n  var 743\n\n  barn\n";
        assert_eq!(mapped(plain, "p", "743"), (2, 7));
        assert_eq!(mapped(plain, "p", "barn"), (4, 3));
        let literal = "p: |\n  linje en\n    innrykk 12\n";
        assert_eq!(mapped(literal, "p", "12"), (3, 13));
    }

    #[test]
    fn value_offsets_give_up_on_escapes() {
        let (s, r) = parse_str("p: \"a\\tb 12\"\n");
        let node = r.expect("valid");
        let mut map = node.as_map("m").expect("map");
        let value = map.get("p").expect("p");
        let Value::Scalar(v, _) = &value.value else { panic!("scalar") };
        let file = s.get(value.span.file);
        let offset = v.find("12").expect("12");
        assert_eq!(value_offset(&file.text, value.span.range.start, v, offset), None);
    }

    #[test]
    fn plain_norway_stays_text() {
        let (_, r) = parse_str("language: no\n");
        let node = r.expect("valid");
        let mut map = node.as_map("m").expect("map");
        assert_eq!(map.str("language").expect("str"), Some("no"));
    }
}
