//! The search index script, written straight from the documents as elasticlunr-rs would write
//! it (see [`index_script`]).

use std::collections::{BTreeMap, HashMap};

use elasticlunr::Language;
use elasticlunr::lang::Norwegian;

use super::SearchDoc;

/// The search index script: `window.arsrapportSearch = {pages, figures, index};`.
///
/// `pages` maps page file to the chapter label shown with each hit; `figures` is the figure
/// lookup (see the module documentation); `index` is an elasticlunr 0.9.5 index, exactly as
/// `elasticlunr::Index::to_json` writes it for these documents (a test holds the two equal).
///
/// The index is built here rather than with `elasticlunr::Index::add_doc`, which keys every
/// posting by the document's reference in sorted maps (a string allocated and compared per
/// token) and made this stage grow faster than the report. Here documents are numbers, the
/// pipeline (elasticlunr-rs's own Norwegian trimmer, stop-word filter and stemmer) runs once per
/// distinct word, postings are appended in the order of the references and the JSON is
/// written straight from them, each reference escaped once.
pub(crate) fn index_script(docs: &[SearchDoc], pages: &[(String, String)]) -> String {
    let lang = Norwegian::new();
    let pipeline = lang.make_pipeline();

    // Documents in the order of their references (elasticlunr's maps are sorted by them); a
    // reference given twice is one document, the later text winning as in `add_doc`.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].href.cmp(&docs[b].href));
    let mut refs: Vec<usize> = Vec::new(); // document number → index of its (last) doc
    let mut number = vec![0u32; docs.len()]; // doc index → document number
    for &i in &order {
        match refs.last_mut() {
            Some(last) if docs[*last].href == docs[i].href => *last = i,
            _ => refs.push(i),
        }
        number[i] = (refs.len() - 1) as u32;
    }

    let mut words = Words::new(&lang, &pipeline);
    let mut fields = [Field::default(), Field::default()];
    let mut terms: Vec<u32> = Vec::new();
    for &i in &order {
        let doc = &docs[i];
        let n = number[i];
        for (field, text) in fields.iter_mut().zip([doc.title.as_str(), doc.body.as_str()]) {
            terms.clear();
            terms.extend(
                text.split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|w| !w.is_empty())
                    .filter_map(|w| words.term(w)),
            );
            field.length.resize(refs.len(), 0);
            field.length[n as usize] = terms.len();
            terms.sort_unstable();
            for run in terms.chunk_by(|a, b| a == b) {
                let term = run[0] as usize;
                if field.postings.len() <= term {
                    field.postings.resize_with(term + 1, Vec::new);
                }
                let postings = &mut field.postings[term];
                let count = run.len() as u32;
                match postings.last_mut() {
                    Some(last) if last.0 == n => last.1 = count,
                    _ => postings.push((n, count)),
                }
            }
        }
    }

    // Each reference as a JSON string, once.
    let keys: Vec<String> = refs.iter().map(|&i| json_string(&docs[i].href)).collect();
    let body_bytes: usize = docs.iter().map(|d| d.body.len() + d.title.len()).sum();
    let mut out = String::with_capacity(4 * body_bytes + 1024);
    out.push_str("window.arsrapportSearch = {\"pages\":");
    let pages: BTreeMap<&str, &str> =
        pages.iter().map(|(file, label)| (file.as_str(), label.as_str())).collect();
    out.push_str(&serde_json::to_string(&pages).unwrap_or_else(|_| "{}".into()));

    // Figure key → the references printing it, in the order of the documents.
    out.push_str(",\"figures\":{");
    let mut figures: HashMap<&str, Vec<u32>> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        for key in &doc.figures {
            figures.entry(key.as_str()).or_default().push(number[i]);
        }
    }
    let mut figures: Vec<(&str, Vec<u32>)> = figures.into_iter().collect();
    figures.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (k, (key, numbers)) in figures.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(&json_string(key));
        out.push_str(":[");
        for (j, n) in numbers.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(&keys[*n as usize]);
        }
        out.push(']');
    }

    out.push_str("},\"index\":{\"fields\":[\"title\",\"body\"],\"pipeline\":[");
    for (k, f) in pipeline.queue.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(&json_string(&f.name()));
    }
    out.push_str("],\"ref\":\"id\",\"version\":");
    out.push_str(&json_string(elasticlunr::ELASTICLUNR_VERSION));
    // The inverted indexes, by field name: body, title.
    let [title, body] = &fields;
    let mut tf = Frequencies::default();
    for (k, (name, field)) in [("body", body), ("title", title)].into_iter().enumerate() {
        out.push_str(if k == 0 { ",\"index\":{" } else { "," });
        out.push_str(&json_string(name));
        out.push_str(":{\"root\":");
        let mut entries: Vec<(&str, &[(u32, u32)])> = field
            .postings
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .map(|(t, p)| (words.terms[t].as_str(), p.as_slice()))
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        write_node(&mut out, &entries, 0, &keys, &mut tf);
        out.push('}');
    }
    out.push_str("},\"documentStore\":{\"save\":true,\"docs\":{");
    for (n, &i) in refs.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        let doc = &docs[i];
        out.push_str(&keys[n]);
        out.push_str(":{\"body\":");
        out.push_str(&json_string(&doc.body));
        out.push_str(",\"id\":");
        out.push_str(&keys[n]);
        out.push_str(",\"title\":");
        out.push_str(&json_string(&doc.title));
        out.push('}');
    }
    out.push_str("},\"docInfo\":{");
    for (n, key) in keys.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(key);
        out.push_str(&format!(
            ":{{\"body\":{},\"title\":{}}}",
            body.length.get(n).copied().unwrap_or(0),
            title.length.get(n).copied().unwrap_or(0)
        ));
    }
    out.push_str(&format!("}},\"length\":{}}},\"lang\":", refs.len()));
    out.push_str(&json_string(&lang.name()));
    out.push_str("}};\n");
    out
}

/// One field's inverted index: per term, the documents using it and how often.
#[derive(Default)]
struct Field {
    /// Term number → (document number, occurrences), in document order.
    postings: Vec<Vec<(u32, u32)>>,
    /// Document number → the number of terms in the field.
    length: Vec<usize>,
}

/// The pipeline's result for each distinct word, computed once: word → term number.
struct Words<'a> {
    lang: &'a Norwegian,
    pipeline: &'a elasticlunr::Pipeline,
    seen: HashMap<&'a str, Option<u32>>,
    numbers: HashMap<String, u32>,
    terms: Vec<String>,
}

impl<'a> Words<'a> {
    fn new(lang: &'a Norwegian, pipeline: &'a elasticlunr::Pipeline) -> Self {
        Words { lang, pipeline, seen: HashMap::new(), numbers: HashMap::new(), terms: Vec::new() }
    }

    /// The term of a word as split from the text (elasticlunr's tokenizer: split at whitespace
    /// and `-`), or `None` when the pipeline drops it.
    fn term<'w: 'a>(&mut self, word: &'w str) -> Option<u32> {
        if let Some(term) = self.seen.get(word) {
            return *term;
        }
        let term = self.pipeline.run(self.lang.tokenize(word)).pop().map(|token| {
            *self.numbers.entry(token).or_insert_with_key(|token| {
                self.terms.push(token.clone());
                (self.terms.len() - 1) as u32
            })
        });
        self.seen.insert(word, term);
        term
    }
}

/// `sqrt(count)` as serde_json writes it, by count.
#[derive(Default)]
struct Frequencies(Vec<String>);

impl Frequencies {
    fn get(&mut self, count: u32) -> &str {
        let count = count as usize;
        while self.0.len() <= count {
            let tf = (self.0.len() as f64).sqrt();
            self.0.push(serde_json::to_string(&tf).unwrap_or_else(|_| "1.0".into()));
        }
        &self.0[count]
    }
}

/// A node of elasticlunr's character trie: `{"docs":{ref:{"tf":…}},"df":n,"<char>":{…}…}`.
/// `entries` are the terms below this node, sorted, each with its postings; `depth` is the
/// byte length of the node's prefix.
fn write_node(
    out: &mut String,
    entries: &[(&str, &[(u32, u32)])],
    depth: usize,
    keys: &[String],
    tf: &mut Frequencies,
) {
    let (own, children) = match entries.first() {
        Some((term, postings)) if term.len() == depth => (*postings, &entries[1..]),
        _ => (&[][..], entries),
    };
    out.push_str("{\"docs\":{");
    for (k, (n, count)) in own.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(&keys[*n as usize]);
        out.push_str(":{\"tf\":");
        out.push_str(tf.get(*count));
        out.push('}');
    }
    out.push_str(&format!("}},\"df\":{}", own.len()));
    let mut rest = children;
    while let Some((term, _)) = rest.first() {
        let Some(c) = term[depth..].chars().next() else { break };
        let next = depth + c.len_utf8();
        let group = rest.iter().take_while(|(t, _)| t[depth..].starts_with(c)).count();
        out.push(',');
        let mut buf = [0u8; 4];
        out.push_str(&json_string(c.encode_utf8(&mut buf)));
        out.push(':');
        write_node(out, &rest[..group], next, keys, tf);
        rest = &rest[group..];
    }
    out.push('}');
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    // Serialising a string cannot fail.
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::html::search::{chapter_docs, numbered};

    fn doc(href: &str, title: &str, body: &str) -> SearchDoc {
        SearchDoc { href: href.into(), title: title.into(), body: body.into(), figures: vec![] }
    }

    /// The script as elasticlunr-rs's own `Index` writes it (how it was built before
    /// `index_script` wrote the index itself).
    fn reference_script(docs: &[SearchDoc], pages: &[(String, String)]) -> String {
        #[derive(serde::Serialize)]
        struct Payload<'a> {
            pages: BTreeMap<&'a str, String>,
            figures: BTreeMap<&'a str, Vec<&'a str>>,
            index: &'a elasticlunr::Index,
        }
        let mut index = elasticlunr::IndexBuilder::with_language(Box::new(Norwegian::new()))
            .save_docs(true)
            .add_fields(["title", "body"])
            .set_ref("id")
            .build();
        let mut figures: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for doc in docs {
            index.add_doc(&doc.href, [doc.title.as_str(), doc.body.as_str()]);
            for key in &doc.figures {
                figures.entry(key.as_str()).or_default().push(doc.href.as_str());
            }
        }
        let payload = Payload {
            pages: pages.iter().map(|(file, label)| (file.as_str(), label.clone())).collect(),
            figures,
            index: &index,
        };
        format!("window.arsrapportSearch = {};\n", serde_json::to_string(&payload).expect("JSON"))
    }

    #[test]
    fn index_is_the_one_elasticlunr_writes() {
        let mut docs = vec![
            doc("kapittel-3.html#seksjon-3-1", "3.1 Barnehager", "Barnehagene har mange barn."),
            doc(
                "beretning.html#beretning",
                "Bydelsdirektørens beretning",
                "Et merforbruk på 8 110 000 kroner. Barnevernet og barnevernstjenesten – \
                 «sitat» \"anførsel\" \\ <script> ÆØÅ æøå é ü ß İ ﬁ 𝔘 tab\tline\nbreak \
                 selv-styrt ---",
            ),
            doc("kapittel-3.html#tabell-0-1-b", "Tabell 0.1 B Drift", "Sum 8 110 89,4 % 2023"),
            doc("kapittel-3.html#seksjon-3-1-2", "3.1.2 Barnehage", "barnehage barnehager"),
            doc("tom.html#tom", "", ""),
            doc("kapittel-3.html#seksjon-3-1", "3.1 Igjen", "Samme referanse, ny tekst barn."),
            doc("a\"b.html#x", "og i på", "og i på"),
        ];
        docs[1].figures = vec!["8110000".into()];
        docs[2].figures = vec!["8110".into(), "89,4".into(), "2023".into()];
        docs[5].figures = vec!["8110".into()];
        let pages = [
            ("kapittel-3.html".to_string(), "3 Målopnåelse".to_string()),
            ("beretning.html".to_string(), "Beretning".to_string()),
        ];
        assert_eq!(index_script(&docs, &pages), reference_script(&docs, &pages));
        assert_eq!(index_script(&[], &[]), reference_script(&[], &[]));
    }

    #[test]
    fn index_of_a_whole_report_is_the_one_elasticlunr_writes() {
        let report = crate::render::test_support::sample_site();
        let mut docs = Vec::new();
        let mut pages = Vec::new();
        for chapter in &report.chapters {
            let file = format!("{}.html", chapter.id);
            docs.extend(chapter_docs(&report, chapter, &file));
            pages.push((file, numbered(chapter.number.as_deref(), &chapter.title)));
        }
        assert!(docs.len() > 10 && docs.iter().any(|d| !d.figures.is_empty()));
        assert_eq!(index_script(&docs, &pages), reference_script(&docs, &pages));
    }

    #[test]
    fn index_is_a_script_with_the_norwegian_pipeline() {
        let script = index_script(
            &[doc("kapittel-3.html#seksjon-3-1", "3.1 Barnehager", "Barnehagene har mange barn.")],
            &[("kapittel-3.html".into(), "3 Målopnåelse".into())],
        );
        assert!(script.starts_with("window.arsrapportSearch = {"));
        assert!(script.trim_end().ends_with("};"));
        let json = script
            .trim_start_matches("window.arsrapportSearch = ")
            .trim_end()
            .trim_end_matches(';');
        let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        assert_eq!(value["pages"]["kapittel-3.html"], "3 Målopnåelse");
        let index = &value["index"];
        assert_eq!(index["lang"], "Norwegian");
        assert_eq!(
            index["pipeline"],
            serde_json::json!(["trimmer-no", "stopWordFilter-no", "stemmer-no"])
        );
        // "barnehager" and "barnehagene" are stemmed to the same term.
        let body = &index["index"]["body"]["root"];
        assert!(body["b"]["a"]["r"]["n"]["e"]["h"]["a"]["g"].is_object(), "{body}");
        assert!(index["index"]["body"]["root"]["h"]["a"]["r"].is_null(), "stop word 'har' dropped");
        assert_eq!(
            index["documentStore"]["docs"]["kapittel-3.html#seksjon-3-1"]["title"],
            "3.1 Barnehager"
        );
    }
}
