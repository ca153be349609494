//! `theme:` on the site: a stylesheet `assets/theme.css` that sets the stylesheet's colour and
//! font properties (loaded after `site.css`), the logo in the header and the cover image on the
//! front page. The content security policy allows no inline styles, so the theme is a file.

use serde::Serialize;

use crate::model::Theme;
use crate::render::SiteFile;

/// The theme as templates see it (`site.theme`).
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct ThemeView {
    /// `assets/theme.css` when the theme sets colours or a font.
    pub css: Option<String>,
    /// The logo in the header.
    pub logo: Option<ImageView>,
    /// The cover image on the front page.
    pub cover_image: Option<ImageView>,
    /// The primary colour (`<meta name="theme-color">`), if the theme sets it.
    pub primary: Option<String>,
}

/// An image of the theme on the site.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ImageView {
    pub src: String,
    pub alt: String,
}

/// Which custom property of `site.css` each theme colour sets.
const PROPERTIES: &[(&str, &[&str])] = &[
    ("primary", &["--oslo-dark-blue"]),
    ("accent", &["--oslo-blue", "--link", "--focus"]),
    ("light", &["--oslo-light-blue"]),
    ("tint", &["--oslo-light-beige"]),
];

/// Libertinus Serif (SIL OFL 1.1), from the fonts Typst embeds, for a theme that chooses it.
const LIBERTINUS: &[(&str, &str, u16)] = &[
    ("assets/fonts/LibertinusSerif-Regular.otf", "normal", 400),
    ("assets/fonts/LibertinusSerif-Italic.otf", "italic", 400),
    ("assets/fonts/LibertinusSerif-Bold.otf", "normal", 700),
];

fn image_src(name: &str, i: &crate::model::ThemeImage) -> String {
    format!("assets/theme-{name}.{}", i.extension())
}

/// The theme's view for the templates.
pub(crate) fn view(theme: &Theme) -> ThemeView {
    let image = |name: &str, i: &Option<crate::model::ThemeImage>| {
        i.as_ref().map(|i| ImageView { src: image_src(name, i), alt: i.alt.clone() })
    };
    ThemeView {
        css: (!theme.colors.is_empty() || theme.font.is_some()).then(|| "assets/theme.css".into()),
        logo: image("logo", &theme.logo),
        cover_image: image("cover", &theme.cover_image),
        primary: theme.colors.get("primary").cloned(),
    }
}

/// The theme's files: the stylesheet, the images and the chosen font.
pub(crate) fn files(theme: &Theme) -> Vec<SiteFile> {
    let mut out = Vec::new();
    if view(theme).css.is_some() {
        out.push(SiteFile {
            path: "assets/theme.css".into(),
            bytes: stylesheet(theme).into_bytes(),
        });
    }
    for (name, image) in [("logo", &theme.logo), ("cover", &theme.cover_image)] {
        if let Some(i) = image {
            out.push(SiteFile { path: image_src(name, i), bytes: i.data.as_ref().clone() });
        }
    }
    if theme.font.as_deref() == Some("Libertinus Serif") {
        for ((path, ..), bytes) in LIBERTINUS.iter().zip(libertinus()) {
            out.push(SiteFile { path: (*path).to_string(), bytes: bytes.to_vec() });
        }
        out.push(SiteFile {
            path: "assets/fonts/LibertinusSerif-LICENSE.txt".into(),
            bytes: include_bytes!("../../../templates/fonts/LibertinusSerif-LICENSE.txt").to_vec(),
        });
    }
    out
}

/// The stylesheet: the custom properties the theme sets.
fn stylesheet(theme: &Theme) -> String {
    let mut css = String::from("/* From `theme:` in report.yaml; loaded after site.css. */\n");
    if theme.font.as_deref() == Some("Libertinus Serif") {
        for (path, style, weight) in LIBERTINUS {
            let file = path.trim_start_matches("assets/");
            css.push_str(&format!(
                "@font-face {{\n  font-family: \"Libertinus Serif\";\n  font-style: {style};\n  font-weight: {weight};\n  font-display: swap;\n  src: url(\"{file}\") format(\"opentype\");\n}}\n"
            ));
        }
    }
    css.push_str(":root {\n");
    for (name, properties) in PROPERTIES {
        if let Some(color) = theme.colors.get(*name) {
            for p in *properties {
                css.push_str(&format!("  {p}: {color};\n"));
            }
        }
    }
    if theme.font.as_deref() == Some("Libertinus Serif") {
        css.push_str("  --font: \"Libertinus Serif\", Georgia, \"Times New Roman\", serif;\n");
    }
    css.push_str("}\n");
    css
}

/// Libertinus Serif regular, italic and bold, as Typst embeds them (the same files the PDF uses).
fn libertinus() -> Vec<&'static [u8]> {
    use typst::foundations::Bytes;
    use typst::text::{Font, FontStyle, FontWeight};
    let wanted = [
        (FontStyle::Normal, FontWeight::REGULAR),
        (FontStyle::Italic, FontWeight::REGULAR),
        (FontStyle::Normal, FontWeight::BOLD),
    ];
    let fonts: Vec<(&'static [u8], FontStyle, FontWeight)> = typst_assets::fonts()
        .filter_map(|data| {
            let font = Font::new(Bytes::new(data), 0)?;
            let info = font.info();
            (info.family == "Libertinus Serif").then_some((
                data,
                info.variant.style,
                info.variant.weight,
            ))
        })
        .collect();
    wanted
        .iter()
        .filter_map(|(style, weight)| {
            fonts.iter().find(|(_, s, w)| s == style && w == weight).map(|(d, ..)| *d)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_sets_what_the_theme_gives() {
        let mut theme = Theme::default();
        assert!(files(&theme).is_empty());
        theme.colors.insert("primary".into(), "#1b4332".into());
        theme.font = Some("Libertinus Serif".into());
        let css = stylesheet(&theme);
        assert!(css.contains("--oslo-dark-blue: #1b4332;"), "{css}");
        assert!(!css.contains("--link"), "{css}");
        assert!(css.contains("url(\"fonts/LibertinusSerif-Bold.otf\")"), "{css}");
        let paths: Vec<String> = files(&theme).into_iter().map(|f| f.path).collect();
        assert_eq!(
            paths,
            [
                "assets/theme.css",
                "assets/fonts/LibertinusSerif-Regular.otf",
                "assets/fonts/LibertinusSerif-Italic.otf",
                "assets/fonts/LibertinusSerif-Bold.otf",
                "assets/fonts/LibertinusSerif-LICENSE.txt"
            ]
        );
    }
}
