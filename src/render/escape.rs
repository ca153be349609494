//! Text as HTML/XML character data or attribute value: one escape for the SVG of charts, the
//! pages of `watch` and the `diff` page.

/// `text` with `& < > " '` written as entities, so it stands as text in an element or a quoted
/// attribute of HTML, SVG or XML.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(
            super::xml(r#"<a href="x">B&O's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;B&amp;O&#39;s&lt;/a&gt;"
        );
        assert_eq!(super::xml("Økern 1 000"), "Økern 1 000");
    }
}
