//! `arsrapport diff`: reading both versions, and the changes as terminal text, JSON or an HTML
//! page for reviewers (the site's stylesheet, with insertions and deletions marked).

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::cli::DiffArgs;
use crate::pipeline::{self, CheckOptions};

use super::text::TextChange;
use super::{Changes, Status, version};

/// Output formats of `diff` on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DiffFormat {
    /// For people: one line per change, changed words as `[-old-]{+new+}`.
    #[default]
    Human,
    /// One JSON document.
    Json,
}

/// Runs `arsrapport diff`: 0 when compared (with or without changes), 2 when a version cannot
/// be read.
pub fn run(args: &DiffArgs) -> ExitCode {
    match changes(args) {
        Ok(changes) => {
            let printed = match args.format {
                DiffFormat::Human => human(&changes),
                DiffFormat::Json => {
                    serde_json::to_string_pretty(&changes).unwrap_or_default() + "\n"
                }
            };
            print!("{printed}");
            if let Some(file) = &args.html
                && let Err(e) = std::fs::write(file, html(&changes))
            {
                eprintln!("error: could not write {}: {e}", file.display());
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn changes(args: &DiffArgs) -> Result<Changes, String> {
    let old = version::open(&args.old, &args.new)?;
    let read = |dir: &std::path::Path, label: &str| {
        let checked = pipeline::check(dir, &CheckOptions::default());
        let (awaiting, previous) = (checked.awaiting, checked.previous);
        checked.report.map(|r| (r, awaiting, previous)).ok_or_else(|| {
            format!("the report {label} cannot be read; run `arsrapport check` on it")
        })
    };
    let old_report = read(&old.dir, &old.label)?;
    let new_label = args.new.display().to_string();
    let new_report = read(&args.new, &new_label)?;
    let mut changes = super::compare(
        &super::Side { report: &old_report.0, awaiting: &old_report.1, previous: &old_report.2 },
        &super::Side { report: &new_report.0, awaiting: &new_report.1, previous: &new_report.2 },
    );
    changes.old.source = old.label.clone();
    changes.new.source = new_label;
    Ok(changes)
}

fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Added => "+",
        Status::Removed => "-",
        Status::Changed => "~",
    }
}

fn marked_words(change: &TextChange) -> String {
    change
        .words
        .iter()
        .map(|w| match w.op {
            "delete" => format!("[-{}-]", w.text),
            "insert" => format!("{{+{}+}}", w.text),
            _ => w.text.clone(),
        })
        .collect()
}

/// The changes for the terminal.
pub fn human(c: &Changes) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Changes from {} ({}, {}) to {} ({}, {})",
        c.old.source, c.old.title, c.old.year, c.new.source, c.new.title, c.new.year
    );
    if c.is_empty() {
        out.push_str("\nNo changes.\n");
        return out;
    }
    if !c.settings.is_empty() {
        out.push_str("\nSettings\n");
        for s in &c.settings {
            let _ = writeln!(out, "  ~ {}: {} → {}", s.key, s.old, s.new);
        }
    }
    if !c.facts.is_empty() {
        out.push_str("\nFacts\n");
        for f in &c.facts {
            let old = f.old.as_deref().unwrap_or("");
            let new = f.new.as_deref().unwrap_or("");
            let line = match f.status {
                Status::Added => format!("  + {} = {new}", f.name),
                Status::Removed => format!("  - {} = {old}", f.name),
                Status::Changed => format!(
                    "  ~ {}: {old} → {new}{}",
                    f.name,
                    f.difference.as_ref().map_or(String::new(), |d| format!(" ({d})"))
                ),
            };
            let _ = writeln!(out, "{line}");
        }
    }
    if !c.tables.is_empty() {
        out.push_str("\nTables\n");
        for t in &c.tables {
            let _ = writeln!(out, "  {} table `{}` «{}»", status_mark(t.status), t.id, t.caption);
            for (old, new) in &t.headings {
                let _ = writeln!(out, "      heading «{old}» → «{new}»");
            }
            for h in &t.columns_added {
                let _ = writeln!(out, "      + column «{h}»");
            }
            for h in &t.columns_removed {
                let _ = writeln!(out, "      - column «{h}»");
            }
            for r in &t.rows_added {
                let _ = writeln!(out, "      + row «{r}»");
            }
            for r in &t.rows_removed {
                let _ = writeln!(out, "      - row «{r}»");
            }
            for f in &t.figures {
                let show =
                    |s: &str| if s.is_empty() { "(empty)".to_string() } else { s.to_string() };
                let _ = writeln!(
                    out,
                    "      «{}», «{}»: {} → {}{}",
                    f.row,
                    f.column,
                    show(&f.old),
                    show(&f.new),
                    f.difference.as_ref().map_or(String::new(), |d| format!(" ({d})"))
                );
            }
        }
    }
    if !c.sections.is_empty() {
        out.push_str("\nChapters and sections\n");
        for s in &c.sections {
            let _ = writeln!(out, "  {} {} (#{})", status_mark(s.status), s.title, s.id);
        }
    }
    if !c.texts.is_empty() {
        out.push_str("\nText\n");
        for t in &c.texts {
            let body = match t.status {
                Status::Changed => marked_words(t),
                Status::Added => t.new.clone().unwrap_or_default(),
                Status::Removed => t.old.clone().unwrap_or_default(),
            };
            let _ = writeln!(out, "  {} {} ({}): {body}", status_mark(t.status), t.place, t.kind);
        }
    }
    let _ = writeln!(out, "\n{}", summary(c));
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The last line: how much changed.
fn summary(c: &Changes) -> String {
    let figures: usize = c.tables.iter().map(|t| t.figures.len()).sum();
    format!(
        "changed: {}, {}, {} ({}), {}, {}",
        plural(c.settings.len(), "setting", "settings"),
        plural(c.facts.len(), "fact", "facts"),
        plural(c.tables.len(), "table", "tables"),
        plural(figures, "figure", "figures"),
        plural(c.sections.len(), "chapter or section", "chapters and sections"),
        plural(c.texts.len(), "text", "texts"),
    )
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const SITE_CSS: &str = include_str!("../../../templates/html/assets/site.css");

const DIFF_CSS: &str = "
.diff main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.diff ins { background: var(--oslo-light-green); text-decoration: underline; }
.diff del { background: var(--oslo-light-red); text-decoration: line-through; }
.diff .status { font-weight: 700; display: inline-block; min-width: 1.5em; }
.diff table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
.diff th, .diff td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.5rem; text-align: left; }
.diff td.num { text-align: right; font-variant-numeric: tabular-nums; }
.diff li { margin: 0.4rem 0; }
";

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Added => "Ny",
        Status::Removed => "Fjernet",
        Status::Changed => "Endret",
    }
}

/// The changes as a standalone HTML page styled like the site.
pub fn html(c: &Changes) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>Endringer i {}</h1>\n<p>Fra <strong>{}</strong> ({}) til <strong>{}</strong> ({}).</p>\n",
        esc(&c.new.title),
        esc(&c.old.source),
        c.old.year,
        esc(&c.new.source),
        c.new.year
    );
    if c.is_empty() {
        body.push_str("<p>Ingen endringer.</p>\n");
    }
    if !c.settings.is_empty() || !c.facts.is_empty() {
        body.push_str("<h2>Innstillinger og fakta</h2>\n<table><thead><tr><th scope=\"col\">Navn</th><th scope=\"col\">Før</th><th scope=\"col\">Nå</th><th scope=\"col\">Endring</th></tr></thead><tbody>\n");
        for s in &c.settings {
            let _ = writeln!(
                body,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td></td></tr>",
                esc(&s.key),
                esc(&s.old),
                esc(&s.new)
            );
        }
        for f in &c.facts {
            let _ = writeln!(
                body,
                "<tr><th scope=\"row\">{} ({})</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&f.name),
                status_word(f.status).to_lowercase(),
                esc(f.old.as_deref().unwrap_or("")),
                esc(f.new.as_deref().unwrap_or("")),
                esc(f.difference.as_deref().unwrap_or(""))
            );
        }
        body.push_str("</tbody></table>\n");
    }
    if !c.tables.is_empty() {
        body.push_str("<h2>Tabeller</h2>\n");
        for t in &c.tables {
            html_table(&mut body, t);
        }
    }
    if !c.sections.is_empty() {
        body.push_str("<h2>Kapitler og avsnitt</h2>\n<ul>\n");
        for s in &c.sections {
            let _ = writeln!(
                body,
                "<li><span class=\"status\">{}:</span> {}</li>",
                status_word(s.status),
                esc(&s.title)
            );
        }
        body.push_str("</ul>\n");
    }
    if !c.texts.is_empty() {
        body.push_str("<h2>Tekst</h2>\n<ul>\n");
        for t in &c.texts {
            let text = match t.status {
                Status::Changed => t
                    .words
                    .iter()
                    .map(|w| match w.op {
                        "delete" => format!("<del>{}</del>", esc(&w.text)),
                        "insert" => format!("<ins>{}</ins>", esc(&w.text)),
                        _ => esc(&w.text),
                    })
                    .collect(),
                Status::Added => format!("<ins>{}</ins>", esc(t.new.as_deref().unwrap_or(""))),
                Status::Removed => format!("<del>{}</del>", esc(t.old.as_deref().unwrap_or(""))),
            };
            let _ = writeln!(
                body,
                "<li><span class=\"status\">{}</span> <strong>{}</strong> ({}): {text}</li>",
                status_word(t.status),
                esc(&t.place),
                esc(&t.kind)
            );
        }
        body.push_str("</ul>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Endringer – {}</title>\n<style>\n{SITE_CSS}\n{DIFF_CSS}</style>\n</head>\n<body class=\"diff\">\n<header class=\"site-header\"><div class=\"site-header-inner\"><span class=\"brand\"><span class=\"brand-org\">Endringer</span><span class=\"brand-title\">{}</span></span></div></header>\n<main id=\"innhold\">\n{body}</main>\n</body>\n</html>\n",
        esc(&c.new.title),
        esc(&c.new.title)
    )
}

fn html_table(body: &mut String, t: &super::TableChange) {
    let _ = writeln!(
        body,
        "<h3><span class=\"status\">{}:</span> {} <code>{}</code></h3>",
        status_word(t.status),
        esc(&t.caption),
        esc(&t.id)
    );
    let lists = [
        ("Nye kolonner", &t.columns_added),
        ("Fjernede kolonner", &t.columns_removed),
        ("Nye rader", &t.rows_added),
        ("Fjernede rader", &t.rows_removed),
    ];
    for (title, items) in lists.iter().filter(|(_, i)| !i.is_empty()) {
        let list: Vec<String> = items.iter().map(|i| format!("«{}»", esc(i))).collect();
        let _ = writeln!(body, "<p>{title}: {}</p>", list.join(", "));
    }
    for (old, new) in &t.headings {
        let _ = writeln!(
            body,
            "<p>Kolonneoverskrift: <del>{}</del> <ins>{}</ins></p>",
            esc(old),
            esc(new)
        );
    }
    if t.figures.is_empty() {
        return;
    }
    body.push_str("<table><thead><tr><th scope=\"col\">Rad</th><th scope=\"col\">Kolonne</th><th scope=\"col\">Før</th><th scope=\"col\">Nå</th><th scope=\"col\">Endring</th></tr></thead><tbody>\n");
    for f in &t.figures {
        let _ = writeln!(
            body,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\"><del>{}</del></td><td class=\"num\"><ins>{}</ins></td><td class=\"num\">{}</td></tr>",
            esc(&f.row),
            esc(&f.column),
            esc(&f.old),
            esc(&f.new),
            esc(f.difference.as_deref().unwrap_or(""))
        );
    }
    body.push_str("</tbody></table>\n");
}
