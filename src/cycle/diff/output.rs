//! `arsrapport diff`: reading both versions, and the changes as terminal text, JSON or an HTML
//! page for reviewers (the site's stylesheet, with insertions and deletions marked).

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::pipeline::{self, CheckOptions};
use crate::tr;

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

/// What `arsrapport diff` compares, and how it prints the changes.
#[derive(Debug, Clone)]
pub struct DiffRequest {
    /// The old version: a report folder, a git revision, or `REV:PATH`.
    pub old: String,
    /// The new version: a report folder.
    pub new: std::path::PathBuf,
    /// The format on stdout.
    pub format: DiffFormat,
    /// Also write an HTML page for reviewers here.
    pub html: Option<std::path::PathBuf>,
}

/// Runs `arsrapport diff`: 0 when compared (with or without changes), 2 when a version cannot
/// be read.
pub fn run(args: &DiffRequest) -> ExitCode {
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
                let message = tr!(cycle_diff_write, file = file.display(), error = e);
                eprintln!("{}", tr!(cli_error, message = message));
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", tr!(cli_error, message = e));
            ExitCode::from(2)
        }
    }
}

fn changes(args: &DiffRequest) -> Result<Changes, String> {
    let old = version::open(&args.old, &args.new)?;
    let read = |dir: &std::path::Path, label: &str| {
        let checked = pipeline::check(dir, &CheckOptions::default());
        let (awaiting, previous) = (checked.awaiting, checked.previous);
        checked
            .report
            .map(|r| (r, awaiting, previous))
            .ok_or_else(|| tr!(cycle_diff_unreadable, label = label))
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
    let header = tr!(
        cycle_diff_header,
        old = c.old.source,
        old_title = c.old.title,
        old_year = c.old.year,
        new = c.new.source,
        new_title = c.new.title,
        new_year = c.new.year
    );
    let _ = writeln!(out, "{header}");
    if c.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(cycle_diff_none));
        return out;
    }
    if !c.settings.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(cycle_diff_settings));
        for s in &c.settings {
            let _ = writeln!(out, "  ~ {}: {} → {}", s.key, s.old, s.new);
        }
    }
    if !c.facts.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(cycle_diff_facts));
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
        let _ = writeln!(out, "\n{}", tr!(cycle_diff_tables));
        let words = TableWords::new();
        for t in &c.tables {
            let mark = status_mark(t.status);
            let _ = writeln!(out, "  {mark} {} `{}` «{}»", words.table, t.id, t.caption);
            for (old, new) in &t.headings {
                let _ = writeln!(out, "      {} «{old}» → «{new}»", words.heading);
            }
            for h in &t.columns_added {
                let _ = writeln!(out, "      + {} «{h}»", words.column);
            }
            for h in &t.columns_removed {
                let _ = writeln!(out, "      - {} «{h}»", words.column);
            }
            for r in &t.rows_added {
                let _ = writeln!(out, "      + {} «{r}»", words.row);
            }
            for r in &t.rows_removed {
                let _ = writeln!(out, "      - {} «{r}»", words.row);
            }
            for f in &t.figures {
                let show = |s: &str| if s.is_empty() { words.empty.clone() } else { s.to_string() };
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
        let _ = writeln!(out, "\n{}", tr!(cycle_diff_sections));
        for s in &c.sections {
            let _ = writeln!(out, "  {} {} (#{})", status_mark(s.status), s.title, s.id);
        }
    }
    if !c.texts.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(cycle_diff_text));
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

/// The words of the table lines, looked up once.
struct TableWords {
    table: String,
    heading: String,
    column: String,
    row: String,
    empty: String,
}

impl TableWords {
    fn new() -> Self {
        TableWords {
            table: tr!(cycle_diff_table),
            heading: tr!(cycle_diff_heading),
            column: tr!(cycle_diff_column),
            row: tr!(cycle_diff_row),
            empty: tr!(cycle_diff_empty),
        }
    }
}

/// The last line: how much changed.
fn summary(c: &Changes) -> String {
    let figures: usize = c.tables.iter().map(|t| t.figures.len()).sum();
    tr!(
        cycle_diff_summary,
        settings = c.settings.len(),
        facts = c.facts.len(),
        tables = c.tables.len(),
        figures = figures,
        sections = c.sections.len(),
        texts = c.texts.len()
    )
}

fn esc(text: &str) -> String {
    crate::render::escape::xml(text)
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

fn status_word(status: Status) -> String {
    match status {
        Status::Added => tr!(cycle_html_added),
        Status::Removed => tr!(cycle_html_removed),
        Status::Changed => tr!(cycle_html_changed),
    }
}

/// A table head: `<thead>` with one column heading per text.
fn thead(headings: &[String]) -> String {
    let cells: String =
        headings.iter().map(|h| format!("<th scope=\"col\">{}</th>", esc(h))).collect();
    format!("<table><thead><tr>{cells}</tr></thead><tbody>\n")
}

/// The changes as a standalone HTML page styled like the site.
pub fn html(c: &Changes) -> String {
    let mut body = String::new();
    let strong = |text: &str| format!("<strong>{}</strong>", esc(text));
    let from_to = tr!(
        cycle_html_from_to,
        old = strong(&c.old.source),
        old_year = c.old.year,
        new = strong(&c.new.source),
        new_year = c.new.year
    );
    let _ = writeln!(body, "<h1>{}</h1>", esc(&tr!(cycle_html_title, title = c.new.title)));
    let _ = writeln!(body, "<p>{from_to}</p>");
    if c.is_empty() {
        let _ = writeln!(body, "<p>{}</p>", esc(&tr!(cycle_html_none)));
    }
    if !c.settings.is_empty() || !c.facts.is_empty() {
        let _ = writeln!(body, "<h2>{}</h2>", esc(&tr!(cycle_html_settings)));
        body.push_str(&thead(&[
            tr!(cycle_html_name),
            tr!(cycle_html_before),
            tr!(cycle_html_now),
            tr!(cycle_html_change),
        ]));
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
        let _ = writeln!(body, "<h2>{}</h2>", esc(&tr!(cycle_html_tables)));
        for t in &c.tables {
            html_table(&mut body, t);
        }
    }
    if !c.sections.is_empty() {
        let _ = writeln!(body, "<h2>{}</h2>\n<ul>", esc(&tr!(cycle_html_sections)));
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
        let _ = writeln!(body, "<h2>{}</h2>\n<ul>", esc(&tr!(cycle_html_text)));
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
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{SITE_CSS}\n{DIFF_CSS}</style>\n</head>\n<body class=\"diff\">\n<header class=\"site-header\"><div class=\"site-header-inner\"><span class=\"brand\"><span class=\"brand-org\">{}</span><span class=\"brand-title\">{}</span></span></div></header>\n<main id=\"innhold\">\n{body}</main>\n</body>\n</html>\n",
        tr!(cycle_html_lang),
        esc(&tr!(cycle_html_page_title, title = c.new.title)),
        esc(&tr!(cycle_html_brand)),
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
        (tr!(cycle_html_columns_added), &t.columns_added),
        (tr!(cycle_html_columns_removed), &t.columns_removed),
        (tr!(cycle_html_rows_added), &t.rows_added),
        (tr!(cycle_html_rows_removed), &t.rows_removed),
    ];
    for (title, items) in lists.iter().filter(|(_, i)| !i.is_empty()) {
        let list: Vec<String> = items.iter().map(|i| format!("«{}»", esc(i))).collect();
        let _ = writeln!(body, "<p>{}: {}</p>", esc(title), list.join(", "));
    }
    let heading = esc(&tr!(cycle_html_heading));
    for (old, new) in &t.headings {
        let _ = writeln!(body, "<p>{heading}: <del>{}</del> <ins>{}</ins></p>", esc(old), esc(new));
    }
    if t.figures.is_empty() {
        return;
    }
    body.push_str(&thead(&[
        tr!(cycle_html_row),
        tr!(cycle_html_column),
        tr!(cycle_html_before),
        tr!(cycle_html_now),
        tr!(cycle_html_change),
    ]));
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
