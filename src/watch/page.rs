//! What `watch` adds to the pages it serves: a banner with the findings at the top of every
//! page, and a small script that reloads the page when a new build is ready.
//!
//! Only the served copy is changed: the pages `build` writes (and `watch` publishes) are the
//! same as ever. The served copy allows the page one more thing than the built site's
//! Content-Security-Policy does: `connect-src 'self'`, for the script to hear about new builds
//! (Server-Sent Events from this server). The script and its stylesheet are served from this
//! server (`/__arsrapport/…`), so `script-src 'self'` and `style-src 'self'` admit them.

use std::fmt::Write as _;

use super::session::Findings;
use crate::tr;

/// The path prefix of everything `watch` serves besides the report.
pub const PREFIX: &str = "/__arsrapport/";

/// The reload script: reloads the page when the server announces another build than the one
/// the page shows (the generation in the banner's `data-generation`).
pub const LIVE_JS: &str = r#"(function () {
  "use strict";
  var banner = document.getElementById("arsrapport-live");
  var shown = banner ? banner.getAttribute("data-generation") : null;
  var time = banner ? banner.querySelector("time[datetime]") : null;
  if (time) { time.textContent = new Date(time.getAttribute("datetime")).toLocaleTimeString(); }
  if (!window.EventSource) { return; }
  var events = new EventSource("/__arsrapport/events");
  events.onmessage = function (event) {
    if (shown !== null && event.data !== shown) { window.location.reload(); }
  };
})();
"#;

/// The banner's style: above the site's own, readable on any page.
pub const LIVE_CSS: &str = r#"#arsrapport-live {
  all: initial; display: block; position: sticky; top: 0; z-index: 2147483647;
  font: 14px/1.4 system-ui, sans-serif; color: #111; background: #e8f3e8;
  border-bottom: 2px solid #2e7d32; padding: 6px 12px; max-height: 60vh; overflow: auto;
}
#arsrapport-live.has-warnings { background: #fff6dc; border-color: #a86b00; }
#arsrapport-live.has-errors { background: #fde8e8; border-color: #b3261e; }
#arsrapport-live * { font: inherit; color: inherit; }
#arsrapport-live strong { font-weight: 700; }
#arsrapport-live a { color: #1a3d8f; text-decoration: underline; margin-left: 1em; }
#arsrapport-live summary { cursor: pointer; display: list-item; }
#arsrapport-live pre {
  font: 12px/1.35 ui-monospace, monospace; white-space: pre-wrap; margin: 6px 0 0;
  background: #fff; border: 1px solid #ccc; padding: 6px;
}
.arsrapport-viewer { margin: 0; }
.arsrapport-viewer iframe { display: block; width: 100%; height: calc(100vh - 40px); border: 0; }
"#;

/// What the banner shows, besides the findings.
#[derive(Debug, Clone, Copy)]
pub struct BannerState<'a> {
    /// The build counter the page belongs to.
    pub generation: u64,
    /// When the served output was built (`YYYY-MM-DDTHH:MM:SSZ`), if there is one.
    pub built_at: Option<&'a str>,
    /// The PDF's file name, if there is a PDF to view.
    pub pdf: Option<&'a str>,
}

/// The banner: what the last save did, the findings, and a link to the PDF.
pub fn banner(findings: &Findings, state: BannerState<'_>) -> String {
    let s = &findings.summary;
    let class = if s.errors > 0 || findings.not_built.is_some() {
        "has-errors"
    } else if s.warnings > 0 {
        "has-warnings"
    } else {
        "clean"
    };
    let mut out = format!(
        "<div id=\"arsrapport-live\" class=\"{class}\" role=\"status\" data-generation=\"{}\">",
        state.generation
    );
    let at = |iso: &str| {
        // Shown in UTC; the script turns it into the reader's local time.
        let clock = iso.get(11..19).unwrap_or(iso);
        format!("<time datetime=\"{}\">{} UTC</time>", escape(iso), escape(clock))
    };
    let headline = match (&findings.not_built, state.built_at) {
        (Some(why), Some(built)) => format!(
            "<strong>{}</strong> {}",
            tr!(watch_banner_not_rebuilt, why = escape(why)),
            tr!(watch_banner_showing_last, time = at(built))
        ),
        (Some(why), None) => {
            format!("<strong>{}</strong>", tr!(watch_banner_nothing_built, why = escape(why)))
        }
        (None, Some(built)) => format!(
            "<strong>{}</strong>, {}.",
            tr!(watch_banner_live),
            tr!(watch_banner_built, time = at(built))
        ),
        (None, None) => format!("<strong>{}.</strong>", tr!(watch_banner_live)),
    };
    let _ = write!(out, "{headline} ");
    let _ = write!(out, "{}", escape(&counts(findings)));
    if let Some(pdf) = state.pdf {
        let _ = write!(out, "<a href=\"/__arsrapport/pdf\">PDF ({})</a>", escape(pdf));
    }
    let _ = write!(out, "<a href=\"/\">{}</a>", escape(&tr!(watch_banner_site)));
    if !findings.text.is_empty() {
        let open = if s.errors > 0 || s.warnings > 0 { " open" } else { "" };
        let _ = write!(
            out,
            "<details{open}><summary>{}</summary><pre>{}</pre></details>",
            escape(&tr!(watch_banner_findings)),
            escape(&findings.text)
        );
    }
    out.push_str("</div>");
    out
}

fn counts(findings: &Findings) -> String {
    let s = &findings.summary;
    let mut parts = Vec::new();
    if s.errors > 0 {
        parts.push(tr!(count_errors, n = s.errors));
    }
    if s.warnings > 0 {
        parts.push(tr!(count_warnings, n = s.warnings));
    }
    if s.notes > 0 {
        parts.push(tr!(count_notes, n = s.notes));
    }
    if parts.is_empty() { tr!(watch_banner_no_findings) } else { format!("{}.", parts.join(", ")) }
}

/// The page with the banner, the reload script and a connect-src for it.
pub fn inject(html: &str, banner: &str) -> String {
    let mut page = String::with_capacity(html.len() + banner.len() + 256);
    let head = "<link rel=\"stylesheet\" href=\"/__arsrapport/live.css\">\
                <script src=\"/__arsrapport/live.js\" defer></script>";
    let mut rest = allow_connect(html);
    match find_ci(&rest, "</head>") {
        Some(i) => {
            page.push_str(&rest[..i]);
            page.push_str(head);
            rest = rest[i..].to_string();
        }
        None => page.push_str(head),
    }
    match find_ci(&rest, "<body").and_then(|i| rest[i..].find('>').map(|j| i + j + 1)) {
        Some(i) => {
            page.push_str(&rest[..i]);
            page.push_str(banner);
            page.push_str(&rest[i..]);
        }
        None => {
            page.push_str(banner);
            page.push_str(&rest);
        }
    }
    page
}

/// Adds `connect-src 'self'` in front of a Content-Security-Policy given in a meta element (the
/// first of a directive counts, so it wins over a `connect-src` of the page's own).
fn allow_connect(html: &str) -> String {
    let marker = "http-equiv=\"content-security-policy\"";
    let Some(meta) = find_ci(html, marker) else { return html.to_string() };
    let Some(content) = html[meta..].find("content=\"").map(|i| meta + i + "content=\"".len())
    else {
        return html.to_string();
    };
    format!("{}connect-src 'self'; {}", &html[..content], &html[content..])
}

/// The byte offset of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// A page of its own: the banner and a body (the PDF viewer, or the page shown before the first
/// good build).
pub fn standalone(title: &str, banner: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"/__arsrapport/live.css\">\
         <script src=\"/__arsrapport/live.js\" defer></script></head>\
         <body class=\"arsrapport-viewer\">{banner}{body}</body></html>\n",
        escape(title),
        lang = match crate::i18n::lang() {
            crate::i18n::Lang::Nb => "nb",
            crate::i18n::Lang::En => "en",
        }
    )
}

/// The PDF viewer: the PDF in a frame, reloaded with the page.
pub fn viewer(pdf: &str, generation: u64) -> String {
    format!(
        "<iframe title=\"PDF\" src=\"/{}?build={generation}\"></iframe>",
        escape(&percent_encode(pdf))
    )
}

fn percent_encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~' | b'-') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Text as HTML.
pub fn escape(text: &str) -> String {
    crate::render::escape::xml(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banner_goes_after_body_and_the_script_into_head() {
        let html = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" \
                    content=\"default-src 'none'\"><title>x</title></head>\
                    <body class=\"page\"><p>Hei</p></body></html>";
        let page = inject(html, "<div id=\"b\"></div>");
        assert!(page.contains("content=\"connect-src 'self'; default-src 'none'\""), "{page}");
        assert!(page.contains("live.js\" defer></script></head>"), "{page}");
        assert!(page.contains("<body class=\"page\"><div id=\"b\"></div><p>Hei</p>"), "{page}");
        // A fragment without head or body still gets both.
        let page = inject("<p>x</p>", "<div id=\"b\"></div>");
        assert!(page.contains("live.js") && page.ends_with("<div id=\"b\"></div><p>x</p>"));
    }

    #[test]
    fn the_banner_escapes_the_findings() {
        let findings = Findings {
            text: "error: <script>alert(1)</script>".into(),
            not_built: Some("`check` found 1 error(s)".into()),
            ..Findings::default()
        };
        let state = BannerState {
            generation: 7,
            built_at: Some("2025-03-01T12:00:00Z"),
            pdf: Some("a b.pdf"),
        };
        let html = banner(&findings, state);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("data-generation=\"7\""), "{html}");
        assert!(html.contains("Showing the last good build (<time datetime=\"2025-03-01T12:00:00Z\">12:00:00 UTC</time>)"), "{html}");
        assert!(viewer("a b.pdf", 3).contains("src=\"/a%20b.pdf?build=3\""));
    }
}
