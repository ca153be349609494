//! A YAML reader that keeps the position of every node.
//!
//! `yaml-rust2` parses the text into events with markers; we build a small
//! tree ([`Node`]) where every scalar, list and map carries its [`Span`]. The
//! typed source structs ([`super::source`]) are read from that tree through
//! [`super::read::FromYaml`], which reports unknown keys (with a "did you mean"
//! hint), missing keys and wrong types at the exact line and column.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, Span};
use crate::tr;

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
    pub fn kind(&self) -> String {
        match &self.value {
            Value::Scalar(..) => tr!(yaml_kind_text),
            Value::Seq(_) => tr!(yaml_kind_list),
            Value::Map(_) => tr!(yaml_kind_map),
            Value::Null => tr!(yaml_kind_nothing),
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
        Diagnostic::error(
            Code::YamlSchema,
            tr!(yaml_expected_what_found, found = self.kind(), what = what),
        )
        .at(self.span.clone())
        .with_label(tr!(yaml_expected_what, what = what))
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

pub use super::yaml_offset::value_offset;

/// How deep lists and maps may nest in one file. The deepest legitimate nesting (a chapter's
/// sections five levels down, each with blocks and nested lists) stays far below; the limit
/// keeps every later stage (which walks the tree recursively) far from the stack limit.
pub const MAX_DEPTH: usize = 48;

/// How many nodes aliases may copy into one file: anchors that refer to anchors can
/// otherwise grow a small file exponentially ("billion laughs").
const MAX_ALIAS_NODES: usize = 100_000;

/// A list or map being read.
struct Open {
    node: Node,
    /// A map's key waiting for its value.
    pending_key: Option<Node>,
    /// The anchor id (0: none).
    anchor: usize,
    /// A map's keys so far, with where each was written (to find duplicates in linear time).
    keys: std::collections::HashMap<String, Span>,
}

struct Builder<'s> {
    file: FileId,
    source: &'s SourceFile,
    /// Open lists and maps.
    stack: Vec<Open>,
    root: Option<Node>,
    /// Anchored nodes by id, with their node count.
    anchors: std::collections::HashMap<usize, (Node, usize)>,
    alias_nodes: usize,
    documents: usize,
    errors: Vec<Diagnostic>,
}

fn count_nodes(node: &Node) -> usize {
    let mut count = 0;
    let mut todo = vec![node];
    while let Some(n) = todo.pop() {
        count += 1;
        match &n.value {
            Value::Seq(items) => todo.extend(items),
            Value::Map(entries) => todo.extend(entries.iter().flat_map(|(k, v)| [k, v])),
            _ => {}
        }
    }
    count
}

impl Builder<'_> {
    fn span(&self, mark: Marker, len: usize) -> Span {
        let start = self.source.offset(mark.line(), mark.col() + 1);
        let line_end =
            self.source.text[start..].find('\n').map_or(self.source.text.len(), |i| start + i);
        Span::new(self.file, start..(start + len).min(line_end).max(start))
    }

    fn error(&mut self, span: Span, message: String, label: String, hint: String) {
        self.errors.push(
            Diagnostic::error(Code::YamlSchema, message).at(span).with_label(label).with_hint(hint),
        );
    }

    fn push_value(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            let count = count_nodes(&node);
            self.anchors.insert(anchor, (node.clone(), count));
        }
        let Some(open) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        match &mut open.node.value {
            Value::Seq(items) => items.push(node),
            Value::Map(entries) => match open.pending_key.take() {
                None => open.pending_key = Some(node),
                Some(key) => match &key.value {
                    Value::Scalar(k, _) => {
                        if let Some(first) = open.keys.get(k) {
                            let mut d = Diagnostic::error(
                                Code::YamlSchema,
                                tr!(yaml_duplicate_key_k_this_map, k = k),
                            )
                            .at(key.span.clone())
                            .with_label(tr!(yaml_second_time))
                            .with_hint(tr!(yaml_a_key_may_appear_once));
                            d.related.push((first.clone(), "first time".into()));
                            self.errors.push(d);
                        } else {
                            open.keys.insert(k.clone(), key.span.clone());
                            entries.push((key, node));
                        }
                    }
                    _ => {
                        let span = key.span.clone();
                        let kind = key.kind();
                        self.error(
                            span,
                            tr!(yaml_a_key_must_be_a, kind = kind),
                            tr!(yaml_not_a_text),
                            tr!(yaml_write_the_key_as_plain),
                        );
                    }
                },
            },
            _ => {}
        }
    }

    fn check_tag(&mut self, tag: Option<&yaml_rust2::parser::Tag>, mark: Marker) {
        if let Some(tag) = tag {
            let span = self.span(mark, 1);
            self.error(
                span,
                tr!(
                    yaml_yaml_tags_such_as_are,
                    tag = if tag.handle.starts_with("tag:yaml.org,2002:") {
                        "!!"
                    } else {
                        &tag.handle
                    },
                    suffix = tag.suffix
                ),
                tr!(yaml_a_tag),
                tr!(yaml_remove_the_tag_if_the),
            );
        }
    }

    fn open(&mut self, value: Value, anchor: usize, mark: Marker) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            let span = self.span(mark, 1);
            self.errors.push(
                Diagnostic::error(
                    Code::Limit,
                    tr!(yaml_lists_and_maps_are_nested, max = MAX_DEPTH),
                )
                .at(span)
                .with_label(tr!(yaml_too_deep))
                .with_hint(tr!(yaml_a_report_needs_far_less)),
            );
            return false;
        }
        let span = self.span(mark, 1);
        let node = Node { value, span };
        self.stack.push(Open { node, pending_key: None, anchor, keys: Default::default() });
        true
    }

    fn alias(&mut self, id: usize, mark: Marker) -> bool {
        let span = self.span(mark, 1);
        let Some((node, count)) = self.anchors.get(&id) else {
            self.error(
                span,
                tr!(yaml_this_alias_refers_to_the),
                tr!(yaml_refers_to_itself),
                tr!(yaml_an_alias_name_repeats_a),
            );
            return true;
        };
        self.alias_nodes += count;
        if self.alias_nodes > MAX_ALIAS_NODES {
            self.errors.push(
                Diagnostic::error(
                    Code::Limit,
                    tr!(yaml_aliases_name_copy_more_than, max = MAX_ALIAS_NODES),
                )
                .at(span)
                .with_label(tr!(yaml_too_many_copies))
                .with_hint(tr!(yaml_write_the_repeated_values_out)),
            );
            return false;
        }
        let mut node = node.clone();
        node.span = span;
        self.push_value(node, 0);
        true
    }

    /// Handles one event; `false` stops the reading (a limit was reached).
    fn on_event(&mut self, event: Event, mark: Marker) -> bool {
        match event {
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    let span = self.span(mark, 3);
                    self.error(
                        span,
                        tr!(yaml_a_second_yaml_document_starts),
                        tr!(yaml_second_document),
                        tr!(yaml_remove_the_line_and_what),
                    );
                    return false;
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.check_tag(tag.as_ref(), mark);
                let plain = style == TScalarStyle::Plain;
                let is_null = plain && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
                let len = match style {
                    TScalarStyle::Plain => text.len(),
                    TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => text.len() + 2,
                    _ => 1,
                };
                let span = self.span(mark, len.max(1));
                let value = if is_null { Value::Null } else { Value::Scalar(text, plain) };
                self.push_value(Node { value, span }, anchor);
            }
            Event::SequenceStart(anchor, tag) => {
                self.check_tag(tag.as_ref(), mark);
                return self.open(Value::Seq(Vec::new()), anchor, mark);
            }
            Event::MappingStart(anchor, tag) => {
                self.check_tag(tag.as_ref(), mark);
                return self.open(Value::Map(Vec::new()), anchor, mark);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(Open { node, pending_key, anchor, .. }) = self.stack.pop() {
                    if let Some(key) = pending_key {
                        // A key without a value cannot happen in valid YAML; keep it visible.
                        let span = key.span.clone();
                        self.error(
                            span,
                            tr!(yaml_this_key_has_no_value),
                            tr!(yaml_no_value),
                            tr!(yaml_write_key_value),
                        );
                    }
                    self.push_value(node, anchor);
                }
            }
            Event::Alias(id) => return self.alias(id, mark),
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        true
    }
}

/// Parses a YAML file into a [`Node`] tree. An empty file is a null node.
///
/// Anchors (`&name`) and aliases (`*name`) work everywhere: an alias is a copy of the
/// anchored value. Duplicate keys, a second document, tags, keys that are not texts and
/// nesting beyond [`MAX_DEPTH`] are errors with their place. The events are read one by one
/// (never through a recursive loader), so no input can overflow the stack.
pub fn parse(file: FileId, source: &SourceFile) -> Result<Node, Vec<Diagnostic>> {
    let mut builder = Builder {
        file,
        source,
        stack: Vec::new(),
        root: None,
        anchors: Default::default(),
        alias_nodes: 0,
        documents: 0,
        errors: Vec::new(),
    };
    let mut parser = Parser::new_from_str(&source.text);
    loop {
        match parser.next_token() {
            Ok((Event::StreamEnd, _)) => break,
            Ok((event, mark)) => {
                if !builder.on_event(event, mark) {
                    break;
                }
            }
            Err(e) => {
                let m = e.marker();
                let start = source.offset(m.line(), m.col() + 1).min(source.text.len());
                if e.info().contains("unknown anchor") {
                    let end = source.text[start..]
                        .find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}')
                        .map_or(source.text.len(), |i| start + i);
                    let written = &source.text[start..end.max(start)];
                    builder.errors.push(
                        Diagnostic::error(
                            Code::YamlSyntax,
                            tr!(yaml_written_is_read_as_a, written = written),
                        )
                        .at(Span::new(file, start..end.max(start + 1).min(source.text.len())))
                        .with_label(tr!(yaml_unknown_alias))
                        .with_hint(tr!(yaml_if_you_mean_the_text, written = written)),
                    );
                    break;
                }
                if e.info().contains("recursion limit") {
                    builder.errors.push(
                        Diagnostic::error(Code::Limit, tr!(yaml_lists_and_maps_are_nested_2))
                            .at(Span::new(
                                file,
                                start..(start + 1).min(source.text.len()).max(start),
                            ))
                            .with_label(tr!(yaml_too_deep_2))
                            .with_hint(tr!(yaml_a_report_needs_far_less_2)),
                    );
                    break;
                }
                builder.errors.push(super::yaml_syntax::explain(e.info(), file, source, start));
                break;
            }
        }
    }
    if !builder.errors.is_empty() {
        // Drop the partial tree without recursion: it may be deep.
        dismantle(builder.root.take());
        for open in builder.stack.drain(..) {
            dismantle(Some(open.node));
        }
        return Err(builder.errors);
    }
    Ok(builder.root.unwrap_or(Node { value: Value::Null, span: Span::new(file, 0..0) }))
}

/// Drops a tree iteratively.
fn dismantle(node: Option<Node>) {
    let mut todo: Vec<Node> = node.into_iter().collect();
    while let Some(mut n) = todo.pop() {
        match std::mem::replace(&mut n.value, Value::Null) {
            Value::Seq(items) => todo.extend(items),
            Value::Map(entries) => todo.extend(entries.into_iter().flat_map(|(k, v)| [k, v])),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    fn parse_str(text: &str) -> (Sources, Result<Node, Vec<Diagnostic>>) {
        let mut s = Sources::default();
        let id = s.add("t.yaml", text.to_string());
        let r = parse(id, s.get(id));
        (s, r)
    }

    fn get<'a>(node: &'a Node, key: &str) -> &'a Node {
        let Value::Map(entries) = &node.value else { panic!("a map") };
        entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Scalar(s, _) if s == key))
            .map(|(_, v)| v)
            .expect("key")
    }

    fn errors(text: &str) -> (Sources, Vec<Diagnostic>) {
        let (s, r) = parse_str(text);
        (s, r.expect_err("invalid"))
    }

    #[test]
    fn keeps_line_and_column_of_scalars() {
        let (s, r) = parse_str("title: Årsberetning\nchapters:\n  - a.yaml\n  - b.yaml\n");
        let node = r.expect("valid yaml");
        let chapters = get(&node, "chapters").as_seq("list").expect("seq");
        assert_eq!(s.line_col(&chapters[1].span), (4, 5));
        assert_eq!(s.line_col(&get(&node, "title").span), (1, 8));
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let (s, e) = errors("a: [1, 2\nb: c\n");
        assert_eq!(e[0].code, Code::YamlSyntax);
        assert!(s.line_col(e[0].span.as_ref().expect("span")).0 >= 1);
    }

    #[test]
    fn aliases_copy_the_anchored_value() {
        let (_, r) = parse_str("a: &x Særskilt\nb: *x\nc: &l [1, 2]\nd: *l\n");
        let node = r.expect("valid");
        assert!(matches!(&get(&node, "b").value, Value::Scalar(s, _) if s == "Særskilt"));
        assert!(matches!(&get(&node, "d").value, Value::Seq(items) if items.len() == 2));
    }

    #[test]
    fn an_alias_without_anchor_is_an_error() {
        let (s, e) = errors("title: x\nsubtitle: *t\n");
        assert_eq!(e[0].code, Code::YamlSyntax);
        assert_eq!(s.line_col(e[0].span.as_ref().expect("span")).0, 2);
    }

    #[test]
    fn exponential_aliases_hit_a_limit() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let (_, e) = errors(&text);
        assert_eq!(e[0].code, Code::Limit);
    }

    #[test]
    fn duplicate_keys_say_so() {
        let (s, e) = errors("district: a\ntitle: t\ndistrict: b\n");
        assert_eq!(e[0].message, "duplicate key `district`: this map already has it");
        assert_eq!(s.line_col(e[0].span.as_ref().expect("span")), (3, 1));
        assert_eq!(s.line_col(&e[0].related[0].0), (1, 1));
    }

    #[test]
    fn a_second_document_is_an_error() {
        let (s, e) = errors("title: a\n---\ntitle: b\n");
        assert!(e[0].message.contains("second YAML document"), "{}", e[0].message);
        assert_eq!(s.line_col(e[0].span.as_ref().expect("span")).0, 2);
    }

    #[test]
    fn tags_are_errors() {
        let (_, e) = errors("title: !!str a\n");
        assert!(e[0].message.contains("tags"), "{}", e[0].message);
    }

    #[test]
    fn deep_nesting_is_a_limit_not_a_stack_overflow() {
        let text = "[".repeat(200_000);
        let (_, e) = errors(&text);
        assert_eq!(e[0].code, Code::Limit, "{}", e[0].message);
        let text = (0..5_000).map(|i| format!("{}- a:\n", "  ".repeat(i))).collect::<String>();
        let (_, e) = errors(&text);
        assert_eq!(e[0].code, Code::Limit);
    }

    #[test]
    fn non_text_keys_are_errors() {
        let (_, e) = errors("? [a, b]\n: c\n");
        assert!(e[0].message.starts_with("a key must be a text"), "{}", e[0].message);
    }

    /// The offset of `needle` in a scalar's value, mapped into the source.
    fn mapped(text: &str, key: &str, needle: &str) -> (usize, usize) {
        let (s, r) = parse_str(text);
        let node = r.expect("valid");
        let value = get(&node, key);
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
        let value = get(&node, "p");
        let Value::Scalar(v, _) = &value.value else { panic!("scalar") };
        let file = s.get(value.span.file);
        let offset = v.find("12").expect("12");
        assert_eq!(value_offset(&file.text, value.span.range.start, v, offset), None);
    }

    #[test]
    fn plain_norway_stays_text() {
        let (_, r) = parse_str("language: no\n");
        let node = r.expect("valid");
        assert!(matches!(&get(&node, "language").value, Value::Scalar(s, _) if s == "no"));
    }
}
