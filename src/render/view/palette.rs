//! The colours charts are drawn in: today's theme (Oslo kommune's palette, as in
//! `templates/pdf/theme.typ` and `templates/html/assets/site.css`), in one place so a report
//! theme can replace it.

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
    /// The fill of bar series `i`.
    pub fn bar(&self, i: usize) -> &str {
        pick(&self.bars, i, &self.ink)
    }

    /// The colour of line series `i`.
    pub fn line(&self, i: usize) -> &str {
        pick(&self.lines, i, &self.ink)
    }
}

fn pick<'a>(xs: &'a [String], i: usize, fallback: &'a str) -> &'a str {
    if xs.is_empty() { fallback } else { &xs[i % xs.len()] }
}
