//! Inline text ([`Inline`] trees) to HTML, with footnotes and link checks.
//!
//! Every character of user text goes through [`tera::escape_html`]; the only markup
//! produced here is the fixed set of elements below. Links are emitted only for
//! `http(s)://` and `mailto:` URLs and for `#anchor`s that exist in the report (rewritten
//! to the page that holds them); anything else is rendered as its plain link text, so a
//! `javascript:` URL that slipped past the loader never becomes a link.

use std::collections::HashMap;

use tera::escape_html;

use crate::model::Inline;
use crate::render::view::{TextRun, text_runs};

/// Where every in-report anchor lives: anchor id → page file (`kapittel-3.html`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Anchors {
    pages: HashMap<String, String>,
}

impl Anchors {
    /// Records that `anchor` is on `page`. The first placement wins.
    pub(crate) fn insert(&mut self, anchor: &str, page: &str) {
        self.pages.entry(anchor.to_string()).or_insert_with(|| page.to_string());
    }

    /// The page that holds `anchor`.
    pub(crate) fn page(&self, anchor: &str) -> Option<&str> {
        self.pages.get(anchor).map(String::as_str)
    }

    /// The href of `anchor` as seen from `current` (`#a` on the same page, `p.html#a` else).
    pub(crate) fn href(&self, anchor: &str, current: &str) -> Option<String> {
        let page = self.page(anchor)?;
        Some(if page == current { format!("#{anchor}") } else { format!("{page}#{anchor}") })
    }
}

/// The href for a link target, or `None` if the target is not allowed (rendered as text).
///
/// Allowed: `http://…`, `https://…`, `mailto:…` (scheme case-insensitive, no whitespace or
/// control characters) and `#anchor` for an anchor that exists in the report.
pub(crate) fn link_href(url: &str, anchors: &Anchors, current: &str) -> Option<String> {
    if let Some(anchor) = url.strip_prefix('#') {
        return anchors.href(anchor, current);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find(|scheme| lower.starts_with(**scheme))
        .map(|scheme| &url[scheme.len()..])?;
    (!rest.is_empty()).then(|| url.to_string())
}

/// A footnote collected on a page.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Footnote {
    /// Its number on the page (1-based).
    pub number: usize,
    /// Its content as HTML.
    pub html: String,
}

/// Renders inline content for one page, numbering the footnotes it meets.
pub(crate) struct InlineRenderer<'a> {
    anchors: &'a Anchors,
    page: &'a str,
    footnotes: Vec<Footnote>,
}

impl<'a> InlineRenderer<'a> {
    /// A renderer for page `page` (its file name, used to shorten same-page links).
    pub(crate) fn new(anchors: &'a Anchors, page: &'a str) -> Self {
        InlineRenderer { anchors, page, footnotes: Vec::new() }
    }

    /// The href of an in-report anchor as seen from this page, if the anchor is placed.
    pub(crate) fn href(&self, anchor: &str) -> Option<String> {
        self.anchors.href(anchor, self.page)
    }

    /// The footnotes met so far, in order.
    pub(crate) fn take_footnotes(&mut self) -> Vec<Footnote> {
        std::mem::take(&mut self.footnotes)
    }

    /// The HTML of `inlines`.
    pub(crate) fn render(&mut self, inlines: &[Inline]) -> String {
        let mut out = String::new();
        self.write(inlines, &mut out, Nesting::default());
        out
    }

    fn write(&mut self, inlines: &[Inline], out: &mut String, nesting: Nesting) {
        for inline in inlines {
            match inline {
                Inline::Text { text } => write_text(text, out),
                Inline::Strong { content } => {
                    out.push_str("<strong>");
                    self.write(content, out, nesting);
                    out.push_str("</strong>");
                }
                Inline::Emph { content } => {
                    out.push_str("<em>");
                    self.write(content, out, nesting);
                    out.push_str("</em>");
                }
                Inline::Link { url, content } => {
                    match link_href(url, self.anchors, self.page).filter(|_| !nesting.link) {
                        Some(href) => {
                            out.push_str("<a href=\"");
                            out.push_str(&escape_html(&href));
                            out.push_str("\">");
                            self.write(content, out, Nesting { link: true, ..nesting });
                            out.push_str("</a>");
                        }
                        None => self.write(content, out, nesting),
                    }
                }
                Inline::Footnote { content } => {
                    if nesting.footnote {
                        // A footnote inside a footnote: print it in brackets where it stands.
                        out.push_str(" (");
                        self.write(content, out, nesting);
                        out.push(')');
                        continue;
                    }
                    let number = self.footnotes.len() + 1;
                    // Reserve the number before rendering the content.
                    self.footnotes.push(Footnote { number, html: String::new() });
                    let mut html = String::new();
                    self.write(content, &mut html, Nesting { footnote: true, link: false });
                    self.footnotes[number - 1].html = html;
                    out.push_str(&format!(
                        "<sup class=\"fn-ref\"><a href=\"#fn-{number}\" id=\"fnref-{number}\" \
                         role=\"doc-noteref\" aria-label=\"Fotnote {number}\">{number}</a></sup>"
                    ));
                }
                Inline::LineBreak => out.push_str("<br>"),
            }
        }
    }
}

/// Text as written, its superscript digits as `<sup>` figures (see [`text_runs`]).
fn write_text(text: &str, out: &mut String) {
    for run in text_runs(text) {
        match run {
            TextRun::Plain(plain) => out.push_str(&escape_html(plain)),
            TextRun::Superscript(digits) => {
                out.push_str("<sup>");
                out.push_str(&digits);
                out.push_str("</sup>");
            }
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Nesting {
    link: bool,
    footnote: bool,
}

/// The plain text of `inlines` (for the search index and `<title>`), footnotes in brackets.
pub(crate) fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => push_plain(content, out),
            Inline::Footnote { content } => {
                out.push_str(" (");
                push_plain(content, out);
                out.push(')');
            }
            Inline::LineBreak => out.push(' '),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.to_string() }
    }

    fn link(url: &str, t: &str) -> Inline {
        Inline::Link { url: url.to_string(), content: vec![text(t)] }
    }

    fn anchors() -> Anchors {
        let mut a = Anchors::default();
        a.insert("tabell-0-1", "kapittel-0.html");
        a.insert("seksjon-3-1", "kapittel-3.html");
        a
    }

    fn render(inlines: &[Inline]) -> String {
        let anchors = anchors();
        InlineRenderer::new(&anchors, "kapittel-3.html").render(inlines)
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            render(&[text("<script>alert('x') & \"y\"</script>")]),
            "&lt;script&gt;alert(&#x27;x&#x27;) &amp; &quot;y&quot;&lt;&#x2F;script&gt;"
        );
    }

    #[test]
    fn superscript_digits_are_sup_figures() {
        assert_eq!(render(&[text("¹ Nøkkeltall <i>")]), "<sup>1</sup> Nøkkeltall &lt;i&gt;");
        assert_eq!(
            render(&[Inline::Strong { content: vec![text("120 m²")] }]),
            "<strong>120 m<sup>2</sup></strong>"
        );
    }

    #[test]
    fn emphasis_and_line_breaks() {
        let inlines = [
            Inline::Strong { content: vec![text("fet")] },
            text(" og "),
            Inline::Emph { content: vec![text("kursiv")] },
            Inline::LineBreak,
        ];
        assert_eq!(render(&inlines), "<strong>fet</strong> og <em>kursiv</em><br>");
    }

    #[test]
    fn allowed_links() {
        assert_eq!(
            render(&[link("https://www.oslo.kommune.no/?a=1&b=2", "Oslo")]),
            "<a href=\"https:&#x2F;&#x2F;www.oslo.kommune.no&#x2F;?a=1&amp;b=2\">Oslo</a>"
        );
        assert_eq!(render(&[link("HTTP://x.no", "x")]), "<a href=\"HTTP:&#x2F;&#x2F;x.no\">x</a>");
        assert_eq!(
            render(&[link("mailto:post@bbj.oslo.kommune.no", "e-post")]),
            "<a href=\"mailto:post@bbj.oslo.kommune.no\">e-post</a>"
        );
    }

    #[test]
    fn anchors_are_resolved_to_their_page() {
        assert_eq!(
            render(&[link("#tabell-0-1", "tabell 0.1")]),
            "<a href=\"kapittel-0.html#tabell-0-1\">tabell 0.1</a>"
        );
        assert_eq!(
            render(&[link("#seksjon-3-1", "3.1")]),
            "<a href=\"#seksjon-3-1\">3.1</a>",
            "same page: fragment only"
        );
    }

    #[test]
    fn forbidden_links_become_text() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "https://x.no/\u{0}",
            "https:// evil",
            "https://",
            "#finnes-ikke",
            "ftp://x.no",
            "//evil.example",
            "",
        ] {
            assert_eq!(render(&[link(url, "klikk <her>")]), "klikk &lt;her&gt;", "{url:?}");
        }
    }

    #[test]
    fn nested_links_are_flattened() {
        let inner =
            Inline::Link { url: "https://a.no".into(), content: vec![link("https://b.no", "b")] };
        assert_eq!(render(&[inner]), "<a href=\"https:&#x2F;&#x2F;a.no\">b</a>");
    }

    #[test]
    fn footnotes_are_numbered_and_collected() {
        let anchors = anchors();
        let mut r = InlineRenderer::new(&anchors, "kapittel-3.html");
        let html = r.render(&[
            text("Tall"),
            Inline::Footnote {
                content: vec![
                    text("Ikke <tilgjengelig>"),
                    Inline::Footnote { content: vec![text("indre")] },
                ],
            },
            text(" og mer"),
            Inline::Footnote { content: vec![link("https://ssb.no", "SSB")] },
        ]);
        assert!(html.starts_with("Tall<sup class=\"fn-ref\"><a href=\"#fn-1\" id=\"fnref-1\""));
        assert!(html.contains(">1</a></sup> og mer<sup"));
        assert!(html.contains("href=\"#fn-2\""));
        let notes = r.take_footnotes();
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].html, "Ikke &lt;tilgjengelig&gt; (indre)");
        assert_eq!(notes[1].number, 2);
        assert_eq!(notes[1].html, "<a href=\"https:&#x2F;&#x2F;ssb.no\">SSB</a>");
        assert!(r.take_footnotes().is_empty());
    }

    #[test]
    fn plain_text_flattens() {
        let inlines = [
            Inline::Strong { content: vec![text("Fet")] },
            Inline::LineBreak,
            link("https://x.no", "lenke"),
            Inline::Footnote { content: vec![text("note")] },
        ];
        assert_eq!(plain_text(&inlines), "Fet lenke (note)");
    }
}
