//! `theme:` in `report.yaml`: colours, font, logo, cover image and subtitle, as written.

use crate::load::read::{Fields, FromYaml, Out, Spanned, fail};
use crate::load::yaml::{Node, Value};
use crate::source::Span;
use crate::tr;

/// `theme:` as written.
#[derive(Debug, Clone)]
pub struct ThemeSource {
    /// `colors:`
    pub colors: Option<ColorsSource>,
    /// `font:` one of the embedded fonts.
    pub font: Option<Spanned<String>>,
    /// `logo:` on the cover and in the site's header.
    pub logo: Option<ThemeImageSource>,
    /// `cover_image:` on the cover (PDF) and the front page (site).
    pub cover_image: Option<ThemeImageSource>,
    /// `subtitle:` on the cover (the same as the report's `subtitle:`).
    pub subtitle: Option<Spanned<String>>,
    /// The map.
    pub span: Span,
}

impl FromYaml for ThemeSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_theme;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let theme = ThemeSource {
            colors: f.opt("colors", out),
            font: f.opt("font", out),
            logo: f.opt("logo", out),
            cover_image: f.opt("cover_image", out),
            subtitle: f.opt("subtitle", out),
            span: f.span(),
        };
        f.finish(out);
        Some(theme)
    }
}

/// The names of the theme's colours, with what each colours.
pub const COLOR_NAMES: &[(&str, &str)] = &[
    ("primary", "headings, table headers, the cover and the site's header"),
    ("accent", "links and rules"),
    ("light", "the band and the district's name on the cover"),
    ("tint", "group rows, goal rows and note boxes"),
];

/// `colors:` as written: each colour's node, kept raw so that an unquoted `#2A2859` (a YAML
/// comment, so an empty value) is reported instead of ignored.
#[derive(Debug, Clone)]
pub struct ColorsSource {
    /// (name, the value as written or `None` when empty, the key's place).
    pub colors: Vec<(&'static str, Option<Spanned<String>>, Span)>,
    /// The map.
    pub span: Span,
}

impl FromYaml for ColorsSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_colors;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        let Value::Map(entries) = &node.value else {
            return fail(node, &Self::EXPECTED.text(), out);
        };
        let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
        let mut colors = Vec::new();
        for (name, _) in COLOR_NAMES {
            // `raw` treats an empty value as absent; find the key itself to report it.
            let key =
                entries.iter().find(|(k, _)| matches!(&k.value, Value::Scalar(s, _) if s == name));
            let value = f.opt::<Spanned<String>>(name, out);
            if let Some((k, _)) = key {
                colors.push((*name, value, k.span.clone()));
            }
        }
        f.finish(out);
        Some(ColorsSource { colors, span: node.span.clone() })
    }
}

/// An image of the theme: a path, or `{file, alt}`.
#[derive(Debug, Clone)]
pub struct ThemeImageSource {
    /// The image file.
    pub file: Spanned<String>,
    /// `alt:` its alternative text.
    pub alt: Option<Spanned<String>>,
    /// Where it was written.
    pub span: Span,
}

impl FromYaml for ThemeImageSource {
    const EXPECTED: crate::i18n::MessageId = crate::i18n::ids::read_expected_image;

    fn from_yaml(node: &Node, out: &mut Out) -> Option<Self> {
        match &node.value {
            Value::Scalar(..) => Some(ThemeImageSource {
                file: Spanned::from_yaml(node, out)?,
                alt: None,
                span: node.span.clone(),
            }),
            Value::Map(_) => {
                let mut f = Fields::new(node, &Self::EXPECTED.text(), out)?;
                let file = f.req("file", &tr!(theme_image_file), out);
                let alt = f.opt("alt", out);
                f.finish(out);
                Some(ThemeImageSource { file: file?, alt, span: node.span.clone() })
            }
            _ => fail(node, &Self::EXPECTED.text(), out),
        }
    }
}
