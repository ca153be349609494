//! `theme:` → the report's [`Theme`]: colours checked for contrast, a font that is embedded,
//! images that decode, each problem at its place.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::load::read::Spanned;
use crate::load::schema::{ColorsSource, ThemeImageSource, ThemeSource};
use crate::load::yaml::did_you_mean;
use crate::model::{THEME_FONTS, Theme, ThemeImage};
use crate::source::Span;
use crate::tr;

use super::Lowerer;

/// The default colours of the templates (`templates/pdf/theme.typ`, `site.css`), which a theme
/// colour is checked against when the other colour of a pair is not given.
const DEFAULTS: &[(&str, &str)] =
    &[("primary", "#2a2859"), ("accent", "#1f42aa"), ("light", "#b3f5ff"), ("tint", "#eaf6fb")];

/// Body text on tinted backgrounds (the PDF's text colour; the site's is the primary default).
const BODY_TEXT: &[&str] = &["#1a1a2e", "#2a2859"];

/// WCAG 2.1 AA for normal text: 4.5:1 (every pair here holds normal text somewhere).
const NORMAL: f64 = 4.5;

impl Lowerer<'_> {
    /// The report's theme; problems are reported, and what is wrong is left at the default.
    pub(super) fn theme(&mut self, t: &ThemeSource, organisation: &str) -> Theme {
        let colors = t.colors.as_ref().map(|c| self.colors(c)).unwrap_or_default();
        let font = t.font.as_ref().and_then(|f| self.font(f));
        let logo = t.logo.as_ref().and_then(|l| self.theme_image(l, Some(organisation)));
        let cover_image = t.cover_image.as_ref().and_then(|c| self.theme_image(c, None));
        Theme { colors, font, logo, cover_image }
    }

    /// The colours given, each checked to be a colour and to keep text readable.
    fn colors(&mut self, c: &ColorsSource) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let mut spans = BTreeMap::new();
        for (name, value, key) in &c.colors {
            if let Some(hex) = self.color(name, value.as_ref(), key) {
                out.insert(name.to_string(), hex);
                spans.insert(*name, value.as_ref().map_or(key.clone(), |v| v.span.clone()));
            }
        }
        for name in self.low_contrast(&out, &spans) {
            out.remove(name);
        }
        out
    }

    /// One colour as `#rrggbb`; an empty or malformed value is reported.
    fn color(&mut self, name: &str, value: Option<&Spanned<String>>, key: &Span) -> Option<String> {
        let Some(value) = value else {
            self.push(
                Diagnostic::error(Code::YamlSchema, tr!(theme_colour_no_value, name = name))
                    .at(key.clone())
                    .with_hint(tr!(theme_colour_no_value_hint, name = name)),
            );
            return None;
        };
        let hex = parse_color(&value.value);
        if hex.is_none() {
            self.push(
                Diagnostic::error(
                    Code::YamlSchema,
                    tr!(theme_not_a_colour, value = value.value.trim()),
                )
                .at(value.span.clone())
                .with_label(tr!(theme_expected_hex))
                .with_hint(tr!(theme_colour_hint)),
            );
        }
        hex
    }

    /// The colours given that carry text with less than WCAG AA contrast (each reported).
    fn low_contrast(
        &mut self,
        given: &BTreeMap<String, String>,
        spans: &BTreeMap<&'static str, Span>,
    ) -> Vec<&'static str> {
        let color = |name: &str| -> String {
            given.get(name).cloned().unwrap_or_else(|| {
                DEFAULTS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or_else(String::new, |(_, c)| c.to_string())
            })
        };
        // (colour, the colours it must stand out against, what is read on what)
        let pairs: [(&'static str, Vec<String>, String); 4] = [
            ("primary", vec!["#ffffff".into()], tr!(theme_use_primary)),
            ("accent", vec!["#ffffff".into()], tr!(theme_use_accent)),
            ("light", vec![color("primary")], tr!(theme_use_light)),
            ("tint", BODY_TEXT.iter().map(|t| (*t).to_string()).collect(), tr!(theme_use_tint)),
        ];
        let mut low = Vec::new();
        for (name, against, what) in pairs {
            // A pair is checked when one of its colours was given; `light` also with `primary`.
            let Some(at) =
                spans.get(name).or_else(|| spans.get("primary").filter(|_| name == "light"))
            else {
                continue;
            };
            let ratio =
                against.iter().map(|a| contrast(&color(name), a)).fold(f64::INFINITY, f64::min);
            if ratio + 1e-9 >= NORMAL {
                continue;
            }
            self.push(
                Diagnostic::error(
                    Code::YamlSchema,
                    tr!(
                        theme_low_contrast,
                        name = name,
                        colour = color(name),
                        ratio = ratio_text(format!("{:.2}", (ratio * 100.0).floor() / 100.0)),
                        what = what,
                        needed = ratio_text(NORMAL.to_string())
                    ),
                )
                .at(at.clone())
                .with_label(tr!(theme_too_little_contrast))
                .with_hint(if name == "light" || name == "tint" {
                    tr!(theme_choose_lighter)
                } else {
                    tr!(theme_choose_darker)
                }),
            );
            low.push(name);
        }
        low
    }

    fn font(&mut self, f: &Spanned<String>) -> Option<String> {
        let name = f.value.trim();
        if let Some(font) = THEME_FONTS.iter().find(|t| t.eq_ignore_ascii_case(name)) {
            return Some((*font).to_string());
        }
        let mut d = Diagnostic::error(Code::YamlSchema, tr!(theme_unknown_font, name = name))
            .at(f.span.clone())
            .with_label(tr!(theme_unknown_font_label))
            .with_note(tr!(
                theme_the_fonts_are,
                list = THEME_FONTS.iter().map(|f| format!("«{f}»")).collect::<Vec<_>>().join(", ")
            ));
        if let Some(best) = did_you_mean(name, THEME_FONTS.iter().copied()) {
            d = d.with_hint(tr!(load_did_you_mean_best, best = best));
        }
        self.push(d);
        None
    }

    /// An image of the theme; `default_alt` for a logo (the organisation's name), else `alt:`
    /// is required.
    fn theme_image(
        &mut self,
        i: &ThemeImageSource,
        default_alt: Option<&str>,
    ) -> Option<ThemeImage> {
        let alt = match (i.alt.as_ref().map(|a| self.plain(a)), default_alt) {
            (Some(a), _) if !a.is_empty() => a,
            (_, Some(d)) => d.to_string(),
            _ => {
                self.push(
                    Diagnostic::error(Code::AltText, tr!(theme_cover_no_alt))
                        .at(i.span.clone())
                        .with_label(tr!(theme_add_alt))
                        .with_hint(tr!(theme_cover_alt_hint)),
                );
                String::new()
            }
        };
        let data = self.image_file(&i.file)?;
        Some(ThemeImage { path: i.file.value.trim().to_string(), alt, data })
    }
}

/// A contrast ratio as written in the chosen language (`4.5`, in Norwegian `4,5`).
fn ratio_text(text: String) -> String {
    match crate::i18n::lang() {
        crate::i18n::Lang::Nb => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
}

/// `#2A2859` (or `#2a2859`) → `#2a2859`; `None` if it is not # and six hexadecimal digits.
pub fn parse_color(text: &str) -> Option<String> {
    let hex = text.trim().strip_prefix('#')?;
    (hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// WCAG 2.1 relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0))
            / 255.0;
        if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_contrast() {
        assert_eq!(parse_color(" #2A2859 ").as_deref(), Some("#2a2859"));
        assert_eq!(parse_color("#2A285"), None);
        assert_eq!(parse_color("2A2859"), None);
        assert_eq!(parse_color("#GGGGGG"), None);
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#ffffff", "#ffffff") - 1.0).abs() < 1e-9);
        // The defaults pass.
        assert!(contrast("#2a2859", "#ffffff") >= NORMAL);
        assert!(contrast("#1f42aa", "#ffffff") >= NORMAL);
        assert!(contrast("#b3f5ff", "#2a2859") >= NORMAL);
        assert!(contrast("#eaf6fb", "#1a1a2e") >= NORMAL);
        // #777777 on white is 4.48:1, just below AA.
        assert!(contrast("#777777", "#ffffff") < NORMAL);
    }
}
