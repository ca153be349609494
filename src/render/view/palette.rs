//! The colours charts are drawn in: today's theme (Oslo kommune's palette, as in
//! `templates/pdf/theme.typ` and `templates/html/assets/site.css`), in one place so a report
//! theme can replace it.

use crate::model::Theme;

/// Colours of a chart, as CSS/SVG hex colours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// Bar fills, series by series (repeated when there are more series).
    pub bars: Vec<String>,
    /// Line colours, series by series; dark enough for 3:1 against white (WCAG 1.4.11).
    pub lines: Vec<String>,
    /// Outlines of bars and markers, the zero line.
    pub ink: String,
    /// Grid lines.
    pub grid: String,
    /// Labels.
    pub text: String,
    /// Tick labels.
    pub muted: String,
    /// The font family of all text.
    pub font: String,
}

impl Default for Palette {
    fn default() -> Self {
        let hex = |xs: &[&str]| xs.iter().map(|x| (*x).to_string()).collect();
        Palette {
            // Blue, yellow, dark green, light red, dark blue, light blue (each outlined in ink).
            bars: hex(&["#1F42AA", "#F9C66B", "#034B45", "#FF8274", "#2A2859", "#B3F5FF"]),
            // Blue, dark green, dark red, dark blue.
            lines: hex(&["#1F42AA", "#034B45", "#A4161A", "#2A2859"]),
            ink: "#2A2859".into(),
            grid: "#C9CDD6".into(),
            text: "#1A1A2E".into(),
            muted: "#5B5B6E".into(),
            font: "Inter".into(),
        }
    }
}

impl Palette {
    /// The default palette with the report's theme (`theme:`) applied: the first series in
    /// `primary` (its outline and the zero line too), the next in `light` (bars) or `accent`
    /// (lines), then the default colours; labels in the theme's font. The theme's colours were
    /// checked for contrast where they carry text (`primary`, `accent` against white), so a
    /// line in them stays above 3:1; bars are outlined in `ink` whatever their fill.
    pub fn from_theme(theme: &Theme) -> Palette {
        let mut palette = Palette::default();
        let colour = |name: &str| theme.colors.get(name).cloned();
        let mut lead_bars = Vec::new();
        let mut lead_lines = Vec::new();
        if let Some(primary) = colour("primary") {
            palette.ink = primary.clone();
            lead_bars.push(primary.clone());
            lead_lines.push(primary);
        }
        if let Some(light) = colour("light") {
            lead_bars.push(light);
        }
        if let Some(accent) = colour("accent") {
            lead_lines.push(accent);
        }
        palette.bars = merged(lead_bars, &palette.bars);
        palette.lines = merged(lead_lines, &palette.lines);
        if let Some(font) = &theme.font {
            palette.font = font.clone();
        }
        palette
    }

    /// The fill of bar series `i`.
    pub fn bar(&self, i: usize) -> &str {
        pick(&self.bars, i, &self.ink)
    }

    /// The colour of line series `i`.
    pub fn line(&self, i: usize) -> &str {
        pick(&self.lines, i, &self.ink)
    }
}

/// `lead`, then the colours of `rest` not already in it.
fn merged(mut lead: Vec<String>, rest: &[String]) -> Vec<String> {
    for c in rest {
        if !lead.iter().any(|l| l.eq_ignore_ascii_case(c)) {
            lead.push(c.clone());
        }
    }
    lead
}

fn pick<'a>(xs: &'a [String], i: usize, fallback: &'a str) -> &'a str {
    if xs.is_empty() { fallback } else { &xs[i % xs.len()] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_leads_the_series_and_keeps_the_rest() {
        let mut theme = Theme::default();
        assert_eq!(Palette::from_theme(&theme), Palette::default());
        theme.colors.insert("primary".into(), "#1b4332".into());
        theme.colors.insert("light".into(), "#d8f3dc".into());
        theme.colors.insert("accent".into(), "#2d6a4f".into());
        theme.font = Some("Libertinus Serif".into());
        let p = Palette::from_theme(&theme);
        assert_eq!((p.bar(0), p.bar(1), p.bar(2)), ("#1b4332", "#d8f3dc", "#1F42AA"));
        assert_eq!((p.line(0), p.line(1), p.line(2)), ("#1b4332", "#2d6a4f", "#1F42AA"));
        assert_eq!((p.ink.as_str(), p.font.as_str()), ("#1b4332", "Libertinus Serif"));
        assert_eq!(p.bars.len(), Palette::default().bars.len() + 2);
    }
}
