//! Reading typed source structs from the positioned YAML tree.
//!
//! Every source struct implements [`FromYaml`]. A struct reads its map through
//! [`Fields`], which remembers each key the struct asked for: the keys it never
//! asked for are the unknown keys (with a "did you mean" among the keys it did
//! ask for), so there is no list of known keys to keep by hand. A value of the
//! wrong type is always an error at its place naming what was expected — a
//! reader never turns a wrongly typed value into "absent".

use std::fmt;

use crate::diag::{Code, Diagnostic};
use crate::source::Span;
use crate::tr;

use super::yaml::{Node, Value, did_you_mean};

/// Where the problems found while reading go.
pub type Out = Vec<Diagnostic>;

/// A value that can be read from a YAML node.
pub trait FromYaml: Sized {
    /// What a value of this type looks like, for "expected …" messages.
    const EXPECTED: crate::i18n::MessageId;

    /// Reads the value; on failure the reason is in `out` (never a silent `None`).
    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self>;
}

/// A value with the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// A value at a place.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: FromYaml> FromYaml for Spanned<T> {
    const EXPECTED: crate::i18n::MessageId = T::EXPECTED;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        T::from_yaml(node, out).map(|value| Spanned { value, span: node.span.clone() })
    }
}

impl FromYaml for String {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_text;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(s, _) => Some(s.clone()),
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}

impl FromYaml for bool {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_true_or_false;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(s, _) => match s.trim() {
                "true" | "yes" | "ja" => Some(true),
                "false" | "no" | "nei" => Some(false),
                _ => fail(node, &Self::EXPECTED.text(), out),
            },
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}

impl FromYaml for usize {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_whole_number_such_as;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(s, _) => match s.trim().parse() {
                Ok(n) => Some(n),
                Err(_) => fail(node, &Self::EXPECTED.text(), out),
            },
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}

impl<T: FromYaml> FromYaml for Vec<T> {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_list;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            // A bad item is reported where it is; the good items are kept so that later
            // stages can still report their own problems.
            Value::Seq(items) => Some(items.iter().filter_map(|i| T::from_yaml(i, out)).collect()),
            _ => fail(node, &tr!(read_a_list_of, items = T::EXPECTED.text()), out),
        }
    }
}

impl FromYaml for Node {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_value;

    fn from_yaml(node: &Node, _out: &mut Out) -> Option<Self> {
        Some(node.clone())
    }
}

/// Either one value or a list of them (`text: …` or `text: [ …, … ]`).
#[derive(Debug, Clone)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<T: FromYaml> FromYaml for OneOrMany<T> {
    const EXPECTED: crate::i18n::MessageId = T::EXPECTED;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Seq(_) => Vec::<T>::from_yaml(node, out).map(OneOrMany),
            _ => T::from_yaml(node, out).map(|v| OneOrMany(vec![v])),
        }
    }
}

/// A text with inline markup, as written in a YAML scalar.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The scalar's value.
    pub text: String,
    /// The scalar's node.
    pub span: Span,
    /// `unchanged: true` (the map form `{text: …, unchanged: true}`): the text is deliberately
    /// the same as in last year's report; where it was written.
    pub unchanged: Option<Span>,
}

impl FromYaml for Text {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_text_2;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(s, _) => {
                Some(Text { text: s.clone(), span: node.span.clone(), unchanged: None })
            }
            Value::Map(_) => {
                let mut f = Fields::new(node, &tr!(read_expected_text_or_unchanged), out)?;
                let text: Option<Spanned<String>> = f.req("text", &tr!(read_the_text), out);
                let unchanged: Option<Spanned<bool>> = f.opt("unchanged", out);
                f.finish(out);
                let text = text?;
                Some(Text {
                    text: text.value,
                    span: text.span,
                    unchanged: unchanged.filter(|u| u.value).map(|u| u.span),
                })
            }
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}

/// Reports "expected …, found …" at the node.
pub fn fail<T>(node: &Node, expected: &str, out: &mut Out) -> Option<T> {
    out.push(node.type_error(expected));
    None
}

/// A keyword value: one of a fixed set of words.
pub trait Keyword: Copy + 'static {
    /// The words and their values.
    const WORDS: &'static [(&'static str, Self)];

    /// The word of a value.
    fn word(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::WORDS.iter().find(|(_, v)| *v == self).map_or("", |(w, _)| w)
    }
}

/// Reads a keyword, with "did you mean" among its words.
pub fn keyword<K: Keyword>(node: &Node, out: &mut Out) -> Option<K> {
    let words = || K::WORDS.iter().map(|(w, _)| *w);
    let list = words().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ");
    let Value::Scalar(s, _) = &node.value else {
        return fail(node, &tr!(read_one_of, list = list), out);
    };
    let s = s.trim();
    if let Some((_, v)) = K::WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(s) || w.to_lowercase() == s.to_lowercase())
    {
        return Some(*v);
    }
    let mut d = Diagnostic::error(Code::YamlSchema, tr!(read_s_is_not_one_of, s = s, list = list))
        .at(node.span.clone())
        .with_label(tr!(read_unknown_word));
    if let Some(best) = did_you_mean(s, words()) {
        d = d.with_hint(tr!(read_did_you_mean_best, best = best));
    }
    out.push(d);
    None
}

/// Implements [`FromYaml`] for a [`Keyword`] type.
macro_rules! keyword_from_yaml {
    ($t:ty) => {
        impl $crate::load::read::FromYaml for $t {
            const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_a_keyword;
            fn from_yaml(
                node: &$crate::load::yaml::Node,
                out: &mut $crate::load::read::Out,
            ) -> Option<Self> {
                $crate::load::read::keyword(node, out)
            }
        }
    };
}
pub(crate) use keyword_from_yaml;

/// Reads the keys of a map; the keys never asked for are reported by [`Fields::finish`].
pub struct Fields<'a> {
    node: &'a Node,
    entries: &'a [(Node, Node)],
    used: Vec<bool>,
    asked: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// Starts reading a map node; `what` describes it for the error when it is not a map.
    pub fn new(node: &'a Node, what: &str, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Map(entries) => {
                Some(Fields { node, entries, used: vec![false; entries.len()], asked: Vec::new() })
            }
            _ => fail(node, what, out),
        }
    }

    /// The map node.
    pub fn node(&self) -> &'a Node {
        self.node
    }

    /// The map's place.
    pub fn span(&self) -> Span {
        self.node.span.clone()
    }

    /// The node under `key`, if present and not null (`key:` with nothing counts as absent).
    pub fn raw(&mut self, key: &'static str) -> Option<&'a Node> {
        if !self.asked.contains(&key) {
            self.asked.push(key);
        }
        let i = self
            .entries
            .iter()
            .position(|(k, _)| matches!(&k.value, Value::Scalar(s, _) if s == key))?;
        self.used[i] = true;
        let value = &self.entries[i].1;
        (!matches!(value.value, Value::Null)).then_some(value)
    }

    /// Whether the key is written (with a value).
    pub fn has(&mut self, key: &'static str) -> bool {
        self.raw(key).is_some()
    }

    /// An optional value: `None` when absent; a wrongly typed value is an error in `out`.
    pub fn opt<T: FromYaml>(&mut self, key: &'static str, out: &mut Out) -> Option<T> {
        self.raw(key).and_then(|n| T::from_yaml(n, out))
    }

    /// A required value: its absence is an error naming `what` it should hold.
    pub fn req<T: FromYaml>(&mut self, key: &'static str, what: &str, out: &mut Out) -> Option<T> {
        match self.raw(key) {
            Some(n) => T::from_yaml(n, out),
            None => {
                out.push(
                    Diagnostic::error(
                        Code::YamlSchema,
                        tr!(read_missing_key_key_what, key = key, what = what),
                    )
                    .at(self.node.span.clone())
                    .with_label(tr!(read_this_map_needs_key, key = key)),
                );
                None
            }
        }
    }

    /// A list under `key`; empty when absent.
    pub fn list<T: FromYaml>(&mut self, key: &'static str, out: &mut Out) -> Vec<T> {
        self.opt::<Vec<T>>(key, out).unwrap_or_default()
    }

    /// Reports every key that was not asked for.
    pub fn finish(self, out: &mut Out) {
        for (i, (k, _)) in self.entries.iter().enumerate() {
            if self.used[i] {
                continue;
            }
            let key = match &k.value {
                Value::Scalar(s, _) => s.as_str(),
                _ => "?",
            };
            let mut d = Diagnostic::error(Code::YamlSchema, tr!(read_unknown_key_key, key = key))
                .at(k.span.clone())
                .with_label(tr!(read_not_a_key_of_this));
            if let Some(best) = did_you_mean(key, self.asked.iter().copied()) {
                d = d.with_hint(tr!(read_did_you_mean_best_2, best = best));
            }
            d = d.with_note(tr!(read_known_keys_here, keys = self.asked.join(", ")));
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    fn node(text: &str) -> (Sources, Node) {
        let mut s = Sources::default();
        let id = s.add("t.yaml", text.to_string());
        let n = super::super::yaml::parse(id, s.get(id)).expect("valid yaml");
        (s, n)
    }

    #[test]
    fn unknown_keys_come_from_what_was_asked() {
        let (s, n) = node("titel: x\nyear: 2024\n");
        let mut out = Vec::new();
        let mut f = Fields::new(&n, "a map", &mut out).expect("map");
        let _: Option<String> = f.opt("title", &mut out);
        let _: Option<String> = f.opt("year", &mut out);
        f.finish(&mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].message, "unknown key `titel`");
        assert_eq!(out[0].hints, vec!["did you mean `title`?".to_string()]);
        assert_eq!(s.line_col(out[0].span.as_ref().expect("span")), (1, 1));
    }

    #[test]
    fn a_wrongly_typed_value_is_an_error_not_absent() {
        let (s, n) = node("caption: [a]\n");
        let mut out = Vec::new();
        let mut f = Fields::new(&n, "a map", &mut out).expect("map");
        let caption: Option<String> = f.opt("caption", &mut out);
        f.finish(&mut out);
        assert_eq!(caption, None);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].message, "expected a text, found a list");
        assert_eq!(s.line_col(out[0].span.as_ref().expect("span")), (1, 10));
    }

    #[test]
    fn missing_required_keys_name_what_they_hold() {
        let (_, n) = node("a: 1\n");
        let mut out = Vec::new();
        let mut f = Fields::new(&n, "a map", &mut out).expect("map");
        let t: Option<String> = f.req("title", "the heading", &mut out);
        assert!(t.is_none());
        assert_eq!(out[0].message, "missing key `title` (the heading)");
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Colour {
        Red,
        Blue,
    }
    impl Keyword for Colour {
        const WORDS: &'static [(&'static str, Self)] =
            &[("red", Colour::Red), ("blue", Colour::Blue)];
    }
    keyword_from_yaml!(Colour);

    #[test]
    fn keywords_suggest_the_nearest_word() {
        let (_, n) = node("c: blu\nd: red\n");
        let mut out = Vec::new();
        let mut f = Fields::new(&n, "a map", &mut out).expect("map");
        let c: Option<Colour> = f.opt("c", &mut out);
        let d: Option<Colour> = f.opt("d", &mut out);
        assert_eq!((c, d), (None, Some(Colour::Red)));
        assert_eq!(out[0].message, "«blu» is not one of `red`, `blue`");
        assert_eq!(out[0].hints, vec!["did you mean `blue`?".to_string()]);
        assert_eq!(Colour::Blue.word(), "blue");
    }
}
