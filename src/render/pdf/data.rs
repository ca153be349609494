//! The report as data for the Typst templates (`/data.json`).
//!
//! Tables and charts are the shared render view ([`crate::render::view`]) serialised as it is:
//! every figure formatted with [`crate::format`] (no-break spaces between thousands, U+2212
//! minus, `89,4 %`, `–` for zero, `*`), labels («Tabell 0.1 B»), unit lines and header spans
//! decided there; section and table numbers are the model's. Charts arrive as SVG images.
//! Inline text stays a tree of typed nodes (`text`, `strong`, `emph`, `link`, `footnote`,
//! `line_break`, exactly as [`Inline`] serialises) that the template turns into content, so user
//! text is never parsed as Typst markup. The shape is documented in docs/pdf.md.

use std::sync::Arc;

use serde_json::{Value, json};

use crate::format;
use crate::model::{Block, Chapter, Inline, ListItem, Report, Section};
use crate::render::view::{ChartView, ReportView, TableView, TextRun, text_runs};

use super::PdfOptions;
use super::world::DocumentDefaults;
use crate::render::RenderError;

/// Data and images for the world.
pub struct Data {
    /// The JSON document.
    pub json: Value,
    /// Images: (virtual path without the leading slash, bytes).
    pub images: Vec<(String, Arc<Vec<u8>>)>,
    /// Title, author and language, for the world's base styles.
    pub defaults: DocumentDefaults,
}

/// Builds the template data. Fails only on an image whose bytes are not an image.
pub fn build(
    report: &Report,
    view: &ReportView,
    options: &PdfOptions,
) -> Result<Data, RenderError> {
    let mut b = Builder { view, figures: 0, images: Vec::new(), anchors: Vec::new(), error: None };
    let chapters: Vec<Value> = report.chapters.iter().map(|c| b.chapter(c)).collect();
    if let Some(e) = b.error {
        return Err(e);
    }
    let m = &report.meta;
    // "nb", "nb-NO": Typst takes the language and the region apart.
    // (Typst wants an ISO 639 code of two or three letters; anything else falls back to "nb".)
    let mut tag = m.language.split(['-', '_']);
    let lang = tag
        .next()
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))
        .unwrap_or("nb")
        .to_ascii_lowercase();
    let region = tag
        .next()
        .filter(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|r| r.to_ascii_uppercase());
    let defaults = DocumentDefaults {
        title: document_title(report),
        author: m.district.clone(),
        lang: lang.clone(),
        region: region.clone(),
    };
    let mut images = b.images;
    let theme = theme_data(&m.theme, &mut images);
    let json = json!({
        "meta": {
            "title": m.title,
            "subtitle": m.subtitle,
            "district": m.district,
            "organisation": m.organisation,
            "year": m.year,
            "lang": lang,
            "region": region,
            // The report's own date on the cover; `options.date` (SOURCE_DATE_EPOCH) is for
            // the PDF's timestamps.
            "date": format::date(m.date),
            "running_header": m.running_header,
            "document_title": document_title(report),
            "keywords": m.keywords,
            "unit": m.unit,
            "draft": options.draft,
            "theme": theme,
        },
        "chapters": chapters,
        "anchors": b.anchors,
    });
    Ok(Data { json, images, defaults })
}

/// The theme for the templates (`meta.theme`, see docs/pdf.md); its images are added to the
/// world as `img/theme-logo.<ext>` and `img/theme-cover.<ext>`.
fn theme_data(theme: &crate::model::Theme, images: &mut Vec<(String, Arc<Vec<u8>>)>) -> Value {
    let mut image = |name: &str, i: &Option<crate::model::ThemeImage>| match i {
        Some(i) => {
            let ext = image_format(&i.data).map_or_else(|| i.extension(), str::to_string);
            let path = format!("img/theme-{name}.{ext}");
            images.push((path.clone(), i.data.clone()));
            json!({ "path": format!("/{path}"), "alt": i.alt })
        }
        None => Value::Null,
    };
    json!({
        "colors": theme.colors,
        "font": theme.font,
        "logo": image("logo", &theme.logo),
        "cover_image": image("cover", &theme.cover_image),
    })
}

/// The PDF title: "Årsberetning 2024 Bydel Bjerke" (the district added unless the title has it).
pub fn document_title(report: &Report) -> String {
    let m = &report.meta;
    if m.district.is_empty() || m.title.contains(&m.district) {
        m.title.clone()
    } else {
        format!("{} {}", m.title, m.district)
    }
}

struct Builder<'a> {
    view: &'a ReportView,
    /// Figures (images from the report folder) so far: `/img/1.png` …; charts are
    /// `/img/diagram-<n>.svg`.
    figures: usize,
    images: Vec<(String, Arc<Vec<u8>>)>,
    anchors: Vec<String>,
    /// The first image that could not be used.
    error: Option<RenderError>,
}

/// The image format by the file's first bytes (Typst decodes PNG, JPEG, GIF, WebP and SVG).
fn image_format(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if head.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("jpg")
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some("gif")
    } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        Some("webp")
    } else {
        let text = String::from_utf8_lossy(head);
        let text = text.trim_start_matches('\u{feff}').trim_start();
        (text.starts_with('<') && text.contains("<svg")).then_some("svg")
    }
}

fn inlines(xs: &[Inline]) -> Value {
    let mut out = Vec::with_capacity(xs.len());
    for x in xs {
        match x {
            Inline::Text { text } => out.extend(text_nodes(text)),
            _ => out.push(inline(x)),
        }
    }
    Value::Array(out)
}

/// A text as `text` nodes and, for its superscript digits, `sup` nodes (see [`text_runs`]).
fn text_nodes(text: &str) -> impl Iterator<Item = Value> + '_ {
    text_runs(text).into_iter().map(|run| match run {
        TextRun::Plain(plain) => json!({"type": "text", "text": plain}),
        TextRun::Superscript(digits) => json!({"type": "sup", "text": digits}),
    })
}

fn inline(x: &Inline) -> Value {
    match x {
        Inline::Text { text } => json!({"type": "text", "text": text}),
        Inline::Strong { content } => json!({"type": "strong", "content": inlines(content)}),
        Inline::Emph { content } => json!({"type": "emph", "content": inlines(content)}),
        Inline::Link { url, content } => {
            json!({"type": "link", "url": url, "content": inlines(content)})
        }
        Inline::Footnote { content } => json!({"type": "footnote", "content": inlines(content)}),
        Inline::LineBreak => json!({"type": "line_break"}),
    }
}

fn list(items: &[ListItem]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|i| json!({"content": inlines(&i.content), "children": list(&i.children)}))
            .collect(),
    )
}

impl Builder<'_> {
    fn table(&mut self, t: &TableView) -> Value {
        self.anchors.push(t.anchor.clone());
        let mut value = serde_json::to_value(t).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            map.insert("type".into(), json!("table"));
            // Inline text as everywhere else in the data (superscript digits as `sup` nodes).
            let footnotes = t.footnotes.iter().map(|f| inlines(f)).collect();
            map.insert("footnotes".into(), Value::Array(footnotes));
        }
        value
    }

    /// A chart: its SVG as an image, its caption, unit line and alternative text.
    fn chart(&mut self, c: &ChartView) -> Value {
        self.anchors.push(c.anchor.clone());
        let path = format!("img/{}.svg", c.anchor);
        self.images.push((path.clone(), Arc::new(c.svg.clone().into_bytes())));
        json!({
            "type": "chart",
            "anchor": c.anchor,
            "kind": c.kind,
            "path": format!("/{path}"),
            "caption": c.caption,
            "unit_line": c.unit_line,
            "alt": c.alt,
            "table_anchor": c.table_anchor,
            "table_name": c.table_name,
        })
    }

    fn block(&mut self, b: &Block) -> Option<Value> {
        Some(match b {
            Block::Paragraph { content } => {
                json!({"type": "paragraph", "content": inlines(content)})
            }
            Block::Heading { content } => json!({"type": "heading", "content": inlines(content)}),
            Block::List { ordered, items } => {
                json!({"type": "list", "ordered": ordered, "items": list(items)})
            }
            Block::Note { title, paragraphs } => json!({
                "type": "note",
                "title": title,
                "paragraphs": paragraphs.iter().map(|p| inlines(p)).collect::<Vec<_>>(),
            }),
            Block::Goals(g) => json!({
                "type": "goals",
                "caption": g.caption,
                "goal_header": g.goal_header,
                "comment_header": g.comment_header,
                "goals": g.goals.iter().map(|goal| json!({
                    "goal": inlines(&goal.goal),
                    "measures": goal.measures.iter().map(|m| json!({
                        "measure": inlines(&m.measure),
                        "comment": inlines(&m.comment),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            }),
            Block::Checklist(c) => json!({
                "type": "checklist",
                "caption": c.caption,
                "question_header": c.question_header,
                "answers": c.answers,
                "answer_header": c.answer_header,
                "comment_header": c.comment_header,
                "items": c.items.iter().map(|i| json!({
                    "question": inlines(&i.question),
                    "answer": i.answer,
                    "comment": inlines(&i.comment),
                })).collect::<Vec<_>>(),
            }),
            Block::Table { index } => self.table(self.view.table(*index)?),
            Block::Chart { index } => self.chart(self.view.chart(*index)?),
            Block::Figure(f) => {
                let Some(ext) = image_format(&f.data) else {
                    self.error.get_or_insert_with(|| {
                        RenderError::Other(format!(
                            "{}: not a PNG, JPEG, GIF, WebP or SVG image",
                            f.path
                        ))
                    });
                    return None;
                };
                self.figures += 1;
                let path = format!("img/{}.{ext}", self.figures);
                self.images.push((path.clone(), f.data.clone()));
                json!({
                    "type": "figure",
                    "path": format!("/{path}"),
                    "alt": f.alt,
                    "caption": f.caption.as_ref().map(|c| inlines(c)),
                })
            }
        })
    }

    fn blocks(&mut self, blocks: &[Block]) -> Value {
        Value::Array(blocks.iter().filter_map(|b| self.block(b)).collect())
    }

    fn section(&mut self, s: &Section) -> Value {
        self.anchors.push(s.id.clone());
        json!({
            "id": s.id,
            "number": s.number,
            "title": s.title,
            "level": s.level,
            "blocks": self.blocks(&s.blocks),
            "sections": s.sections.iter().map(|x| self.section(x)).collect::<Vec<_>>(),
        })
    }

    fn chapter(&mut self, c: &Chapter) -> Value {
        self.anchors.push(c.id.clone());
        json!({
            "id": c.id,
            "number": c.number,
            "title": c.title,
            "level": 1,
            "blocks": self.blocks(&c.blocks),
            "sections": c.sections.iter().map(|x| self.section(x)).collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::PdfOptions;
    use crate::render::test_support::sample_site;

    /// The paragraph of characters that are markup in Typst, as the sample site's
    /// `kapitler/01-okonomi.yaml` writes it once its own escapes (`\[`, `\*` …) are read.
    const SPECIAL: &str = "Tegn: # $ [ ] @ < > \\ * _ ` = - ~ {} #set page(fill: red) $x^2$ <a> @b";

    fn options() -> PdfOptions {
        PdfOptions { draft: false, date: crate::model::Date { year: 2025, month: 3, day: 1 } }
    }

    fn data() -> Value {
        let report = sample_site();
        build(&report, &ReportView::new(&report), &options()).expect("data").json
    }

    fn table<'a>(d: &'a Value, number: &str) -> &'a Value {
        match find(d, "table").into_iter().find(|t| t["number"] == number) {
            Some(table) => table,
            None => panic!("no table {number}"),
        }
    }

    fn find<'a>(v: &'a Value, ty: &str) -> Vec<&'a Value> {
        let mut out = Vec::new();
        fn walk<'a>(v: &'a Value, ty: &str, out: &mut Vec<&'a Value>) {
            match v {
                Value::Object(map) => {
                    if map.get("type").and_then(Value::as_str) == Some(ty) {
                        out.push(v);
                    }
                    map.values().for_each(|x| walk(x, ty, out));
                }
                Value::Array(xs) => xs.iter().for_each(|x| walk(x, ty, out)),
                _ => {}
            }
        }
        walk(v, ty, &mut out);
        out
    }

    #[test]
    fn superscript_digits_arrive_as_sup_nodes() {
        let nodes = inlines(&[
            Inline::Text { text: "¹ Nøkkeltall".into() },
            Inline::Emph { content: vec![Inline::Text { text: "m²".into() }] },
        ]);
        assert_eq!(
            nodes,
            json!([
                {"type": "sup", "text": "1"},
                {"type": "text", "text": " Nøkkeltall"},
                {"type": "emph", "content": [{"type": "text", "text": "m"}, {"type": "sup", "text": "2"}]},
            ])
        );
    }

    #[test]
    fn figures_arrive_formatted() {
        let d = data();
        assert_eq!(table(&d, "3.1")["kind"], "kostra");
        let table = table(&d, "0.1");
        assert_eq!(table["kind"], "overview");
        let sum = table["rows"].as_array().expect("rows").last().expect("sum row");
        assert_eq!(sum["style"], "sum");
        assert_eq!(sum["cells"][4]["text"], "1\u{a0}714\u{a0}058");
        assert_eq!(sum["cells"][5]["text"], "\u{2212}38\u{a0}767");
        assert_eq!(sum["cells"][5]["negative"], true);
        let rows = table["rows"].as_array().expect("rows");
        assert!(rows.iter().any(|r| r["cells"][1]["text"] == "\u{2013}"), "a dash prints as –");
        assert_eq!(table["columns"][0]["kind"], "text");
        assert_eq!(table["columns"][1]["kind"], "number");
        assert_eq!(d["meta"]["date"], "01.03.2025");
        assert_eq!(d["meta"]["lang"], "nb");
        assert_eq!(d["meta"]["document_title"], "Årsberetning 2024 Bydel Bjerke");
    }

    #[test]
    fn the_language_tag_is_split_for_typst() {
        let lang = |tag: &str| {
            let mut report = sample_site();
            report.meta.language = tag.into();
            let d = build(&report, &ReportView::new(&report), &options()).expect("data").json;
            (d["meta"]["lang"].clone(), d["meta"]["region"].clone())
        };
        assert_eq!(lang("nb"), (json!("nb"), Value::Null));
        assert_eq!(lang("nn-NO"), (json!("nn"), json!("NO")));
        assert_eq!(lang("NB_no"), (json!("nb"), json!("NO")));
        assert_eq!(lang("norsk"), (json!("nb"), Value::Null));
    }

    #[test]
    fn user_text_stays_data() {
        let d = data();
        let text = serde_json::to_string(&d).expect("json");
        // The special-character paragraph is one text node, character for character.
        assert!(text.contains(&serde_json::to_string(SPECIAL).expect("json")));
        let footnotes = find(&d, "footnote");
        assert!(!footnotes.is_empty());
        // One in the letter's paragraph, one in a checklist comment.
        assert_eq!(find(&d, "line_break").len(), 2);
    }

    #[test]
    fn images_are_recognised_by_their_bytes() {
        assert_eq!(image_format(b"\x89PNG\r\n\x1a\n...."), Some("png"));
        assert_eq!(image_format(&[0xff, 0xd8, 0xff, 0xe0]), Some("jpg"));
        assert_eq!(image_format(b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<svg/>"), Some("svg"));
        assert_eq!(image_format(b"not an image"), None);
        let mut report = sample_site();
        let mut replaced = 0;
        for b in &mut report.chapters[1].sections[0].sections[0].blocks {
            if let Block::Figure(f) = b {
                f.data = Arc::new(b"oops".to_vec());
                replaced += 1;
            }
        }
        assert_eq!(replaced, 1, "the figure of section 1.1.1");
        let err = build(&report, &ReportView::new(&report), &options()).err().expect("an error");
        assert!(err.to_string().contains("bilder/søyler.svg: not a PNG"), "{err}");
    }

    #[test]
    fn numbers_and_anchors_come_from_the_model() {
        let d = data();
        let chapters = d["chapters"].as_array().expect("chapters");
        assert_eq!(chapters[0]["number"], Value::Null);
        assert_eq!(chapters[1]["number"], "1");
        assert_eq!(chapters[1]["sections"][0]["number"], "1.1");
        assert_eq!(chapters[1]["sections"][0]["sections"][0]["number"], "1.1.1");
        let anchors: Vec<&str> =
            d["anchors"].as_array().expect("anchors").iter().filter_map(Value::as_str).collect();
        assert!(anchors.contains(&"tabell-0-1-b") && anchors.contains(&"seksjon-1-1-1"));
        let figure = find(&d, "figure")[0];
        assert_eq!(figure["path"], "/img/1.svg");
        assert!(figure["alt"].as_str().is_some_and(|a| !a.is_empty()));
    }
}
