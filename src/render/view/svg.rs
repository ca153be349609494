//! Charts drawn as SVG, once, for both outputs: hand-written markup, the same bytes for the
//! same figures, text as real text in the report's font, Norwegian figures on the axes.
//!
//! Bars are drawn horizontally (categories down the side, where long labels such as
//! funksjonsområder have room); lines run over the categories from left to right (years).
//! Figures are placed with exact decimals (the ticks, and each figure's share of the axis);
//! only the resulting pixel positions are rounded, to a tenth.

use std::fmt::Write;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::format;
use crate::model::ChartKind;

use super::chart::ChartView;
use super::palette::Palette;
use super::ticks::{Ticks, nice};

/// How a chart is laid out: the wide drawing (the PDF, and the site on wide screens) or the
/// narrow one (phones), where a bar's label stands on its own line above the bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// 640 units wide (CSS pixels on the site; scaled to the text width in the PDF).
    Wide,
    /// 360 units wide, labels above the bars.
    Narrow,
}

impl Layout {
    fn width(self) -> f64 {
        match self {
            Layout::Wide => 640.0,
            Layout::Narrow => 360.0,
        }
    }

    /// The suffix of the ids of the title and description (unique on a page with both).
    fn id(self) -> &'static str {
        match self {
            Layout::Wide => "",
            Layout::Narrow => "-smal",
        }
    }
}
const LABEL_SIZE: f64 = 11.0;
const TICK_SIZE: f64 = 10.0;
const LINE_HEIGHT: f64 = 13.0;
const BAR: f64 = 14.0;

/// The chart as an SVG document; `None` when its figures are too large to place exactly.
pub fn draw(v: &ChartView, percent: bool, palette: &Palette, layout: Layout) -> Option<String> {
    let all = v.series.iter().flat_map(|s| s.values.iter().copied());
    let min = all.clone().min().unwrap_or(Decimal::ZERO);
    let max = all.max().unwrap_or(Decimal::ZERO);
    let ticks = nice(min, max, 5)?;
    let axis = Axis { ticks, percent };
    let mut body = String::new();
    let legend = if v.series.len() > 1 { legend(&mut body, v, palette, layout) } else { 0.0 };
    let height = match v.kind {
        ChartKind::Line => line(&mut body, v, &axis, legend, palette, layout)?,
        ChartKind::Bar | ChartKind::GroupedBar => {
            bars(&mut body, v, &axis, legend, palette, layout)?
        }
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\" font-family=\"{font}\" font-size=\"{LABEL_SIZE}\" fill=\"{text}\" \
         role=\"img\" aria-labelledby=\"{a}-tittel {a}-beskrivelse\">\
         <title id=\"{a}-tittel\">{title}</title><desc id=\"{a}-beskrivelse\">{desc}</desc>",
        w = num(layout.width()),
        h = num(height),
        font = esc(&palette.font),
        text = palette.text,
        a = esc(&format!("{}{}", v.anchor, layout.id())),
        title = esc(&v.caption),
        desc = esc(&v.alt),
    );
    out.push_str(&body);
    out.push_str("</svg>\n");
    Some(out)
}

/// The value axis.
struct Axis {
    ticks: Ticks,
    percent: bool,
}

impl Axis {
    /// Where `value` lies between the axis' ends, 0 to 1.
    fn share(&self, value: Decimal) -> Option<f64> {
        let span = self.ticks.high().checked_sub(self.ticks.low())?;
        value.checked_sub(self.ticks.low())?.checked_div(span)?.to_f64()
    }

    fn label(&self, value: Decimal) -> String {
        let mut s = format::decimal(value, self.ticks.scale(), true);
        if self.percent {
            s.push(format::NBSP);
            s.push('%');
        }
        s
    }
}

/// A number for SVG: at most one decimal, no trailing zeros.
fn num(x: f64) -> String {
    let s = format!("{:.1}", x);
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

fn esc(s: &str) -> String {
    crate::render::escape::xml(s)
}

/// The estimated width of `s` at `size` (Inter's average advance, on the generous side).
fn width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.56
}

/// `s` broken between words into lines no wider than `max` (a longer word gets its own line),
/// at most `lines` lines (the last one ends in «…» when cut).
fn wrap(s: &str, size: f64, max: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        match out.last_mut() {
            Some(line) if width(&format!("{line} {word}"), size) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            last.push('…');
        }
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// Text lines starting at (`x`, `y`), one below the other.
fn text(out: &mut String, x: f64, y: f64, anchor: &str, lines: &[String], attrs: &str) {
    let _ = write!(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{attrs}>", num(x), num(y));
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            let _ = write!(out, "<tspan>{}</tspan>", esc(line));
        } else {
            let _ =
                write!(out, "<tspan x=\"{}\" dy=\"{LINE_HEIGHT}\">{}</tspan>", num(x), esc(line));
        }
    }
    out.push_str("</text>");
}

/// The legend (one swatch and name per series, wrapping): returns its height.
fn legend(out: &mut String, v: &ChartView, palette: &Palette, layout: Layout) -> f64 {
    let (mut x, mut y) = (0.0, 14.0);
    out.push_str("<g class=\"legend\">");
    for (i, s) in v.series.iter().enumerate() {
        let w = 18.0 + width(&s.name, LABEL_SIZE) + 16.0;
        if x > 0.0 && x + w > layout.width() {
            x = 0.0;
            y += 18.0;
        }
        if v.kind == ChartKind::Line {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"/>",
                num(x),
                num(y - 4.0),
                num(x + 14.0),
                num(y - 4.0),
                palette.line(i)
            );
            marker(out, i, x + 7.0, y - 4.0, palette);
        } else {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"{}\" stroke-width=\"0.8\"/>",
                num(x),
                num(y - 10.0),
                palette.bar(i),
                palette.ink
            );
        }
        text(out, x + 18.0, y, "start", std::slice::from_ref(&s.name), "");
        x += w;
    }
    out.push_str("</g>");
    y + 12.0
}

/// A point marker of series `i`: circle, square, diamond, triangle — not colour alone.
fn marker(out: &mut String, i: usize, x: f64, y: f64, palette: &Palette) {
    let (c, ink) = (palette.line(i), &palette.ink);
    let style = format!("fill=\"{c}\" stroke=\"{ink}\" stroke-width=\"0.8\"");
    let _ = match i % 4 {
        0 => write!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"3.6\" {style}/>", num(x), num(y)),
        1 => write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"6.6\" height=\"6.6\" {style}/>",
            num(x - 3.3),
            num(y - 3.3)
        ),
        2 => write!(
            out,
            "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" {style}/>",
            num(x),
            num(y - 4.4),
            num(x + 4.4),
            num(y),
            num(x),
            num(y + 4.4),
            num(x - 4.4),
            num(y)
        ),
        _ => write!(
            out,
            "<path d=\"M{} {}L{} {}L{} {}Z\" {style}/>",
            num(x),
            num(y - 4.2),
            num(x + 4.2),
            num(y + 3.4),
            num(x - 4.2),
            num(y + 3.4)
        ),
    };
}

/// Horizontal bars: a band per category, a bar per series; returns the chart's height.
fn bars(
    out: &mut String,
    v: &ChartView,
    axis: &Axis,
    top: f64,
    palette: &Palette,
    layout: Layout,
) -> Option<f64> {
    let above = layout == Layout::Narrow;
    let longest = v.categories.iter().map(|c| width(c, LABEL_SIZE)).fold(0.0, f64::max);
    // Narrow: the label spans the drawing above its bars; the axis' end labels need room.
    let label_w = if above { layout.width() - 8.0 } else { longest.clamp(40.0, 190.0) };
    let x0 = if above { 24.0 } else { label_w + 12.0 };
    let x1 = layout.width() - 24.0;
    let pos = |value: Decimal| axis.share(value).map(|s| x0 + s * (x1 - x0));
    let zero = pos(Decimal::ZERO)?;
    let n = v.series.len() as f64;
    let labels: Vec<Vec<String>> =
        v.categories.iter().map(|c| wrap(c, LABEL_SIZE, label_w, 3)).collect();
    let mut y = top + 8.0;
    let mut body = String::new();
    for (k, lines) in labels.iter().enumerate() {
        let label_h = lines.len() as f64 * LINE_HEIGHT;
        let (band, bars_top) = if above {
            // A white halo keeps the label readable where the zero line and grid cross it.
            let halo = " stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\"";
            text(&mut body, x0 + 2.0, y + 10.0, "start", lines, halo);
            (label_h + n * BAR + 12.0, y + label_h + 2.0)
        } else {
            let band = (n * BAR).max(label_h) + 10.0;
            let label_top = y + (band - label_h) / 2.0 + 10.0;
            text(&mut body, label_w, label_top, "end", lines, "");
            (band, y + (band - n * BAR) / 2.0)
        };
        for (i, s) in v.series.iter().enumerate() {
            let value = *s.values.get(k)?;
            let end = pos(value)?;
            let (left, w) = if end >= zero { (zero, end - zero) } else { (end, zero - end) };
            let by = bars_top + i as f64 * BAR;
            let _ = write!(
                body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"0.6\"/>",
                num(left),
                num(by + 1.0),
                num(w),
                num(BAR - 2.0),
                palette.bar(i),
                palette.ink
            );
            bar_label(&mut body, s.texts.get(k)?, end, zero, by + BAR - 3.5, x0, x1);
        }
        y += band;
    }
    let bottom = y + 4.0;
    // Grid and ticks under the bars, the zero line over them.
    out.push_str("<g class=\"grid\">");
    for &t in &axis.ticks.values {
        let x = pos(t)?;
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"0.6\"/>",
            num(top + 4.0),
            num(bottom),
            palette.grid,
            x = num(x)
        );
        text(out, x, bottom + 14.0, "middle", &[axis.label(t)], &muted(palette));
    }
    // The zero line under the bars (which start at it) and under the labels' halo.
    let _ = write!(
        out,
        "</g><line class=\"zero\" x1=\"{z}\" y1=\"{}\" x2=\"{z}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
        num(top + 4.0),
        num(bottom),
        palette.ink,
        z = num(zero)
    );
    out.push_str("<g class=\"bars\">");
    out.push_str(&body);
    out.push_str("</g>");
    Some(bottom + 22.0)
}

fn muted(palette: &Palette) -> String {
    format!(" font-size=\"{TICK_SIZE}\" fill=\"{}\"", palette.muted)
}

/// The figure at the end of its bar, when it fits inside the plot.
fn bar_label(out: &mut String, t: &str, end: f64, zero: f64, y: f64, x0: f64, x1: f64) {
    let w = width(t, TICK_SIZE);
    if end >= zero && end + 3.0 + w <= x1 + 20.0 {
        text(out, end + 3.0, y, "start", &[t.to_string()], &format!(" font-size=\"{TICK_SIZE}\""));
    } else if end < zero && end - 3.0 - w >= x0 {
        text(out, end - 3.0, y, "end", &[t.to_string()], &format!(" font-size=\"{TICK_SIZE}\""));
    }
}

/// Lines over the categories; returns the chart's height.
fn line(
    out: &mut String,
    v: &ChartView,
    axis: &Axis,
    top: f64,
    palette: &Palette,
    layout: Layout,
) -> Option<f64> {
    let tick_w =
        axis.ticks.values.iter().map(|&t| width(&axis.label(t), TICK_SIZE)).fold(0.0, f64::max);
    let x0 = tick_w + 10.0;
    let x1 = layout.width() - 10.0;
    let y0 = top + 10.0;
    let y1 = y0 + 200.0;
    let step = (x1 - x0) / v.categories.len().max(1) as f64;
    let ypos = |value: Decimal| axis.share(value).map(|s| y1 - s * (y1 - y0));
    out.push_str("<g class=\"grid\">");
    for &t in &axis.ticks.values {
        let y = ypos(t)?;
        let stroke = if t.is_zero() { &palette.ink } else { &palette.grid };
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{stroke}\" stroke-width=\"0.6\"/>",
            num(x0),
            num(x1),
            y = num(y)
        );
        text(out, x0 - 6.0, y + 3.5, "end", &[axis.label(t)], &muted(palette));
    }
    out.push_str("</g><g class=\"categories\">");
    let mut lines = 1;
    for (k, c) in v.categories.iter().enumerate() {
        let wrapped = wrap(c, LABEL_SIZE, step - 4.0, 2);
        lines = lines.max(wrapped.len());
        text(out, x0 + (k as f64 + 0.5) * step, y1 + 16.0, "middle", &wrapped, "");
    }
    out.push_str("</g>");
    let one = v.series.len() == 1;
    for (i, s) in v.series.iter().enumerate() {
        let mut points = Vec::with_capacity(s.values.len());
        for (k, &value) in s.values.iter().enumerate() {
            points.push((x0 + (k as f64 + 0.5) * step, ypos(value)?));
        }
        let path: Vec<String> =
            points.iter().map(|(x, y)| format!("{},{}", num(*x), num(*y))).collect();
        let _ = write!(
            out,
            "<g class=\"series\"><polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>",
            path.join(" "),
            palette.line(i)
        );
        for (k, (x, y)) in points.iter().enumerate() {
            marker(out, i, *x, *y, palette);
            if one && let Some(t) = s.texts.get(k) {
                text(
                    out,
                    *x,
                    *y - 8.0,
                    "middle",
                    std::slice::from_ref(t),
                    &format!(" font-size=\"{TICK_SIZE}\""),
                );
            }
        }
        out.push_str("</g>");
    }
    Some(y1 + 16.0 + lines as f64 * LINE_HEIGHT + 6.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::chart::SeriesView;
    use std::str::FromStr;

    fn series(name: &str, values: &[&str]) -> SeriesView {
        let values: Vec<Decimal> =
            values.iter().map(|v| Decimal::from_str(v).expect("decimal")).collect();
        let texts = values.iter().map(|v| format::decimal(*v, v.scale(), true)).collect();
        SeriesView { name: name.into(), texts, values }
    }

    fn view(kind: ChartKind, series: Vec<SeriesView>, categories: &[&str]) -> ChartView {
        ChartView {
            anchor: "diagram-1".into(),
            kind,
            kind_name: "Søylediagram",
            caption: "Netto <driftsutgifter> & mer".into(),
            unit_line: Some("Tall i 1000 kr".into()),
            table_anchor: "tabell-0-1-b".into(),
            table_name: "Tabell 0.1 B".into(),
            category_header: "Område".into(),
            categories: categories.iter().map(|c| (*c).to_string()).collect(),
            series,
            alt: "Søylediagram \"x\"".into(),
            svg: String::new(),
            svg_narrow: String::new(),
        }
    }

    fn bars() -> ChartView {
        view(
            ChartKind::GroupedBar,
            vec![
                series("Regulert", &["60654", "579616", "-21893"]),
                series("Regnskap", &["98290", "516981", "3800"]),
            ],
            &["Funksjonsområde 1", "Funksjonsområde 2A Barnehager og skole", "FO3"],
        )
    }

    fn ticks(svg: &str) -> Vec<String> {
        let grid = svg.split("<g class=\"grid\">").nth(1).unwrap_or_default();
        let grid = grid.split("</g>").next().unwrap_or_default();
        grid.split("<tspan>")
            .skip(1)
            .filter_map(|t| t.split("</tspan>").next())
            .map(String::from)
            .collect()
    }

    #[test]
    fn the_narrow_drawing_puts_labels_above_the_bars() {
        let p = Palette::default();
        let svg = draw(&bars(), false, &p, Layout::Narrow).expect("svg");
        assert!(svg.contains("viewBox=\"0 0 360 "));
        assert!(svg.contains("<title id=\"diagram-1-smal-tittel\">"));
        // Every label starts at the left edge of the bars.
        let labels = svg.split("<g class=\"bars\">").nth(1).unwrap_or_default();
        assert!(labels.matches("<text x=\"26\" y=").count() >= 3, "{svg}");
    }

    #[test]
    fn the_same_figures_give_the_same_bytes() {
        let p = Palette::default();
        let a = draw(&bars(), false, &p, Layout::Wide).expect("svg");
        assert_eq!(a, draw(&bars(), false, &p, Layout::Wide).expect("svg"));
        assert!(a.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 "));
        assert!(a.ends_with("</svg>\n"));
    }

    #[test]
    fn axes_have_nice_ticks_in_norwegian_figures() {
        let svg = draw(&bars(), false, &Palette::default(), Layout::Wide).expect("svg");
        let nb = |s: &str| s.replace(' ', "\u{a0}").replace('-', "\u{2212}");
        assert_eq!(ticks(&svg), ["-200 000", "0", "200 000", "400 000", "600 000"].map(nb));
        let percent =
            view(ChartKind::Line, vec![series("Totalt", &["12.99", "12.14"])], &["2023", "2024"]);
        let svg = draw(&percent, true, &Palette::default(), Layout::Wide).expect("svg");
        assert_eq!(ticks(&svg), ["0 %", "5 %", "10 %", "15 %"].map(nb));
        // One series: each point is labelled with its figure as printed.
        assert!(svg.contains("<tspan>12,99</tspan>") && svg.contains("<tspan>12,14</tspan>"));
    }

    #[test]
    fn text_is_escaped_and_long_labels_wrap() {
        let svg = draw(&bars(), false, &Palette::default(), Layout::Wide).expect("svg");
        assert!(svg.contains(
            "<title id=\"diagram-1-tittel\">Netto &lt;driftsutgifter&gt; &amp; mer</title>"
        ));
        assert!(
            svg.contains("<desc id=\"diagram-1-beskrivelse\">Søylediagram &quot;x&quot;</desc>")
        );
        assert!(svg.contains("font-family=\"Inter\""));
        assert_eq!(wrap("Funksjonsområde 2A Barnehager og skole", 11.0, 120.0, 3).len(), 2);
        assert_eq!(wrap("a b c d e f g h", 11.0, 5.0, 3), ["a", "b", "c…"]);
    }

    #[test]
    fn a_negative_figure_draws_left_of_zero() {
        let svg = draw(&bars(), false, &Palette::default(), Layout::Wide).expect("svg");
        // Every bar starts or ends at the zero line.
        let zero = svg
            .split("<line class=\"zero\" x1=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("zero");
        let zero: f64 = zero.parse().expect("x");
        let rects: Vec<(f64, f64)> = svg
            .split("<g class=\"bars\">")
            .nth(1)
            .unwrap_or_default()
            .split("<rect x=\"")
            .skip(1)
            .filter_map(|r| {
                let x: f64 = r.split('"').next()?.parse().ok()?;
                let w: f64 = r.split("width=\"").nth(1)?.split('"').next()?.parse().ok()?;
                Some((x, w))
            })
            .collect();
        assert_eq!(rects.len(), 6);
        assert!(
            rects.iter().all(|(x, w)| (*x - zero).abs() < 0.11 || (*x + *w - zero).abs() < 0.11)
        );
        assert!(rects.iter().any(|(x, _)| *x < zero - 1.0), "the −21 893 bar");
    }

    #[test]
    fn figures_beyond_exact_arithmetic_draw_no_chart() {
        let mut v = bars();
        v.series[0].values[0] = Decimal::MAX;
        v.series[1].values[0] = Decimal::MIN;
        assert!(draw(&v, false, &Palette::default(), Layout::Wide).is_none());
    }
}
