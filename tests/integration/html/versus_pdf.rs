//! The tables of the HTML against the text of the PDF: the same figures in every table, row and
//! column.

use super::*;

/// One table as the HTML prints it (`.table-block` of a page), for comparing it with the PDF.
#[derive(Debug, Clone)]
struct HtmlTable {
    anchor: String,
    /// The caption as printed (table number, caption, unit), or `None` when it is hidden.
    caption: Option<String>,
    /// Every word of the column headings (a repeated header row in the PDF is made of them).
    header_words: Vec<String>,
    rows: Vec<HtmlRow>,
}

#[derive(Debug, Clone)]
struct HtmlRow {
    label: String,
    /// The cells after the label, in column order.
    cells: Vec<HtmlCell>,
}

#[derive(Debug, Clone, PartialEq)]
enum HtmlCell {
    /// A figure or code column's cell with its text, e.g. `−54 213`, `89,4 %`, `–`, `*`.
    Figure(String),
    /// A text column's cell (may wrap over several lines in the PDF).
    Text(String),
    Empty,
}

/// The tables of the site, in reading order (pages in the order of the chapters).
fn html_tables(site: &Site) -> Vec<HtmlTable> {
    let mut tables = Vec::new();
    for (_, doc) in site.pages() {
        for block in doc.select(&sel(".table-block[id]")) {
            let caption = block
                .select(&sel("caption"))
                .next()
                .filter(|c| !c.value().classes().any(|c| c == "visually-hidden"))
                .map(|c| squash(&text(c)));
            let header_words = block
                .select(&sel("thead th"))
                .flat_map(|th| squash(&text(th)).split(' ').map(str::to_string).collect::<Vec<_>>())
                .collect();
            let rows = block
                .select(&sel("tbody tr"))
                .map(|tr| {
                    let label = tr.select(&sel("th")).next().map(|th| squash(&text(th)));
                    let cells = tr
                        .select(&sel("td"))
                        .map(|td| {
                            let content = squash(&text(td));
                            let figure = td.value().classes().any(|c| c == "num" || c == "code");
                            match (content.is_empty(), figure) {
                                (true, _) => HtmlCell::Empty,
                                (false, true) => HtmlCell::Figure(content),
                                (false, false) => HtmlCell::Text(content),
                            }
                        })
                        .collect();
                    HtmlRow { label: label.unwrap_or_default(), cells }
                })
                .collect();
            tables.push(HtmlTable {
                anchor: block.value().id().expect("id").to_string(),
                caption,
                header_words,
                rows,
            });
        }
    }
    tables
}

/// Compares every table of the HTML with the text `pdftotext -layout` prints for the PDF, row by
/// row and column by column, in both directions:
///
/// - each table is looked for after the previous one, from its caption; each row, in order,
///   on the first line after the previous row that starts with (the start of) its label;
/// - HTML → PDF: every figure of the row is on that line, in column order, and it stands in its
///   own column: of the right edges of the table's figure columns on that page (figures are
///   right-aligned; the edge of a column is where most of its figures end), the one nearest to
///   the figure is that column's;
/// - PDF → HTML: once the label, the row's figures and the start of its text cells are taken
///   away, nothing that looks like a figure is left on the line; and no line between two rows
///   of the same page has a figure standing at a figure column's edge (a row the HTML lacks).
///
/// Returns the number of figures compared and the problems found.
fn compare_tables(tables: &[HtmlTable], pdf_layout: &str) -> (usize, Vec<String>) {
    let lines = pdf_lines(pdf_layout);
    let mut problems = Vec::new();
    let mut compared = 0;
    let mut cursor = 0;
    for table in tables {
        if let Some(caption) = &table.caption {
            let words: Vec<&str> = caption.split(' ').take(3).collect();
            let start = words.join(" ");
            match (cursor..lines.len()).find(|&i| flat_line(&lines[i].chars).contains(&start)) {
                Some(i) => cursor = i + 1,
                None => {
                    problems
                        .push(format!("{}: caption «{start}» not found in the PDF", table.anchor));
                    continue;
                }
            }
        }
        let mut placed: Vec<PlacedRow> = Vec::new();
        for row in &table.rows {
            let Some(i) = (cursor..lines.len())
                .find(|&i| label_prefix(&lines[i].chars, &row.label).is_some())
            else {
                problems.push(format!(
                    "{}: row «{}» not found in the PDF after line {}",
                    table.anchor,
                    row.label,
                    lines.get(cursor).map_or(0, |l| l.number)
                ));
                break;
            };
            placed.push(place_row(table, row, &lines[i], &mut problems));
            cursor = i + 1;
        }
        compared += check_columns(table, &placed, &lines, &mut problems);
    }
    (compared, problems)
}

/// A line of the PDF text: its number (1-based), its page, its characters with no-break and
/// narrow no-break spaces as spaces (one character each, so columns stay where they are).
struct PdfLine {
    number: usize,
    page: usize,
    chars: Vec<char>,
}

fn pdf_lines(text: &str) -> Vec<PdfLine> {
    let mut page = 1;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        page += line.matches('\u{c}').count();
        let chars = line
            .chars()
            .filter(|c| *c != '\u{c}')
            .map(|c| if matches!(c, NBSP | '\u{202f}') { ' ' } else { c })
            .collect();
        out.push(PdfLine { number: n + 1, page, chars });
    }
    out
}

fn flat_line(chars: &[char]) -> String {
    squash(&chars.iter().collect::<String>())
}

/// Where the label of a row ends on `line`, if the line starts with the label or, when the label
/// wraps, with its first words (the last one possibly hyphenated).
fn label_prefix(line: &[char], label: &str) -> Option<usize> {
    let words: Vec<&str> = label.split(' ').filter(|w| !w.is_empty()).collect();
    let mut at = line.iter().position(|c| *c != ' ')?;
    let mut end = None;
    for (k, word) in words.iter().enumerate() {
        let stop = line[at..].iter().position(|c| *c == ' ').map_or(line.len(), |p| at + p);
        let found: String = line[at..stop].iter().collect();
        if found == *word {
            end = Some(stop);
        } else if k > 0 && found.len() > 1 && {
            let stem = found.trim_end_matches(['-', '\u{ad}', '\u{2010}']);
            stem.len() < found.len() && word.starts_with(stem)
        } {
            // Hyphenated where the label wraps.
            return Some(stop);
        } else {
            // Another label (a wrapped label ends at the line's end or at a wide gap).
            return None;
        }
        // Words of a label are one space apart; a wider gap ends the label.
        if line.get(stop) == Some(&' ') && line.get(stop + 1) != Some(&' ') {
            at = stop + 1;
        } else {
            break;
        }
    }
    end
}

/// A row found in the PDF: its line, and where each figure column's figure ends on it.
struct PlacedRow {
    line: usize,
    label: String,
    /// (column index among the cells, end character of the figure).
    ends: Vec<(usize, usize)>,
}

/// Finds the row's figures on its line (HTML → PDF) and checks that nothing else on it looks
/// like a figure (PDF → HTML).
fn place_row(
    table: &HtmlTable,
    row: &HtmlRow,
    line: &PdfLine,
    problems: &mut Vec<String>,
) -> PlacedRow {
    let mut chars = line.chars.clone();
    let label_end = label_prefix(&chars, &row.label).unwrap_or(0);
    blank(&mut chars, 0, label_end);
    let mut at = label_end;
    let mut ends = Vec::new();
    for (column, cell) in row.cells.iter().enumerate() {
        match cell {
            HtmlCell::Figure(figure) => match find_figure(&chars, at, figure) {
                Some((start, end)) => {
                    blank(&mut chars, start, end);
                    ends.push((column, end));
                    at = end;
                }
                None => problems.push(format!(
                    "{}: row «{}», column {}: {figure:?} is not on PDF line {}: {:?}",
                    table.anchor,
                    row.label,
                    column + 2,
                    line.number,
                    line.chars.iter().collect::<String>().trim_end()
                )),
            },
            HtmlCell::Text(text) => {
                // The first words of a text cell are on the row's line; the rest wrap below.
                let mut from = at;
                for word in text.split(' ') {
                    let Some((start, end)) = find_word(&chars, from, word) else { break };
                    blank(&mut chars, start, end);
                    from = end;
                }
            }
            HtmlCell::Empty => {}
        }
    }
    let rest: String = chars.iter().collect();
    let left: Vec<&str> = rest.split(' ').filter(|w| looks_like_figure(w)).collect();
    if !left.is_empty() {
        problems.push(format!(
            "{}: row «{}»: the PDF has {left:?} on line {} that the HTML row does not have: {:?}",
            table.anchor,
            row.label,
            line.number,
            line.chars.iter().collect::<String>().trim_end()
        ));
    }
    let line_index = line.number - 1;
    PlacedRow { line: line_index, label: row.label.clone(), ends }
}

/// Checks that every figure stands in its own column, and that no line between two rows of a
/// page holds a figure in a figure column. Returns the number of figures placed.
fn check_columns(
    table: &HtmlTable,
    rows: &[PlacedRow],
    lines: &[PdfLine],
    problems: &mut Vec<String>,
) -> usize {
    // The edge of each column on each page: where most of its figures end.
    let mut ends: BTreeMap<(usize, usize), BTreeMap<usize, usize>> = BTreeMap::new();
    for row in rows {
        for &(column, end) in &row.ends {
            *ends.entry((lines[row.line].page, column)).or_default().entry(end).or_default() += 1;
        }
    }
    let edges: BTreeMap<(usize, usize), usize> = ends
        .iter()
        .map(|(&key, counts)| {
            let edge = counts.iter().max_by_key(|(end, n)| (**n, usize::MAX - **end));
            (key, edge.map_or(0, |(end, _)| *end))
        })
        .collect();
    let page_edges = |page: usize| -> Vec<(usize, usize)> {
        edges.iter().filter(|((p, _), _)| *p == page).map(|((_, c), e)| (*c, *e)).collect()
    };
    let mut placed = 0;
    for row in rows {
        let page = lines[row.line].page;
        let columns = page_edges(page);
        for &(column, end) in &row.ends {
            let nearest =
                columns.iter().min_by_key(|(_, edge)| edge.abs_diff(end)).map(|(c, _)| *c);
            if nearest == Some(column) {
                placed += 1;
            } else {
                problems.push(format!(
                    "{}: row «{}»: the figure of column {} ends at character {end} on PDF line {}, \
                     under column {} (edges on page {page}: {columns:?})",
                    table.anchor,
                    row.label,
                    column + 2,
                    row.line + 1,
                    nearest.map_or(0, |c| c + 2),
                ));
            }
        }
    }
    // Lines between two rows on the same page: wrapped labels and text, never figures.
    for pair in rows.windows(2) {
        let (a, b) = (pair[0].line, pair[1].line);
        if lines[a].page != lines[b].page {
            continue;
        }
        let columns = page_edges(lines[a].page);
        for line in &lines[a + 1..b] {
            let text: String = line.chars.iter().collect();
            let mut offset = 0;
            for word in text.split(' ') {
                let end = offset + word.chars().count();
                if looks_like_figure(word)
                    && !table.header_words.iter().any(|h| h == word)
                    && columns.iter().any(|(_, edge)| edge.abs_diff(end) <= 1)
                {
                    problems.push(format!(
                        "{}: PDF line {} between the rows «{}» and «{}» has the figure {word:?} \
                         in a figure column, which the HTML does not have",
                        table.anchor, line.number, pair[0].label, pair[1].label
                    ));
                }
                offset = end + 1;
            }
        }
    }
    placed
}

fn blank(chars: &mut [char], start: usize, end: usize) {
    for c in &mut chars[start..end] {
        *c = ' ';
    }
}

/// A word that prints a figure or stands for one: digits, `–`, `-`, `*`, `%`.
fn looks_like_figure(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) || matches!(word, "–" | "-" | "*" | "%" | "\u{2212}")
}

/// The first place at or after `from` where `figure` stands on the line, not glued to another
/// figure (`12` in `12,99`, `5` in `−5`, `89,4` in `89,4 %`). The space before a percent sign
/// may be missing in the PDF text (pdftotext infers spaces from the gaps between glyphs).
fn find_figure(line: &[char], from: usize, figure: &str) -> Option<(usize, usize)> {
    let pattern: Vec<char> = figure.replace(NBSP, " ").chars().collect();
    let glued = |c: Option<&char>| {
        c.is_some_and(|c| c.is_ascii_digit() || matches!(*c, ',' | '%' | MINUS | '-' | '–'))
    };
    (from..line.len()).find_map(|start| {
        let end = match_at(line, start, &pattern)?;
        let before = start.checked_sub(1).and_then(|i| line.get(i));
        (!glued(before) && !glued(line.get(end))).then_some((start, end))
    })
}

fn match_at(line: &[char], start: usize, pattern: &[char]) -> Option<usize> {
    let mut i = start;
    for (k, &p) in pattern.iter().enumerate() {
        if p == ' ' && pattern.get(k + 1) == Some(&'%') && line.get(i) == Some(&'%') {
            continue;
        }
        if line.get(i) != Some(&p) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// A whole word at or after `from` (the next one only: text cells come in column order).
fn find_word(line: &[char], from: usize, word: &str) -> Option<(usize, usize)> {
    let start = (from..line.len()).find(|&i| line[i] != ' ')?;
    let end = line[start..].iter().position(|c| *c == ' ').map_or(line.len(), |p| start + p);
    let found: String = line[start..end].iter().collect();
    let stem = found.trim_end_matches(['-', '\u{ad}', '\u{2010}']);
    (found == word || (stem.len() < found.len() && word.starts_with(stem))).then_some((start, end))
}

/// The same report as HTML and as PDF: the same figures in every table, row and column.
mod html_and_pdf {
    use super::*;
    use arsrapport::model::Cell;
    use arsrapport::render::pdf::{self, PdfOptions};

    /// Text of a PDF through `pdftotext -layout` (poppler-utils); a missing tool fails.
    fn pdf_text(bytes: &[u8]) -> String {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("r.pdf");
        std::fs::write(&path, bytes).expect("write");
        let output = match std::process::Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
        {
            Ok(output) => output,
            Err(e) => panic!(
                "pdftotext could not run ({e}): it is needed to read the PDF \
                 (Debian/Ubuntu: apt-get install poppler-utils)"
            ),
        };
        assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn pdf_of(report: &Report) -> String {
        let options = PdfOptions { draft: false, date: report.meta.date };
        let pdf = pdf::render(report, &TemplateDir::default(), &options).expect("PDF renders");
        let text = pdf_text(&pdf);
        // To look at a failure: ARSRAPPORT_DUMP_PDF=/tmp/r writes /tmp/r.pdf and /tmp/r.txt.
        if let Ok(stem) = std::env::var("ARSRAPPORT_DUMP_PDF") {
            std::fs::write(format!("{stem}.pdf"), &pdf).expect("dump the PDF");
            std::fs::write(format!("{stem}.txt"), &text).expect("dump the PDF text");
        }
        text
    }

    fn compare(report: &Report, at_least: usize) {
        let (compared, problems) = compare_tables(&html_tables(&Site::of(report)), &pdf_of(report));
        assert!(problems.is_empty(), "tables that differ:\n{}", problems.join("\n"));
        eprintln!("{compared} figures compared, each in its row and column");
        assert!(compared >= at_least, "only {compared} figures compared");
    }

    #[test]
    fn table_figures_are_the_same_in_html_and_pdf() {
        compare(&sample(), 200);
    }

    #[test]
    fn table_figures_of_the_real_report_are_the_same_in_html_and_pdf() {
        compare(&load("report-data"), 800);
    }

    /// The comparison fails when the two outputs differ: the HTML of a changed report against the
    /// PDF of the sample site.
    #[test]
    fn a_changed_figure_fails_the_comparison() {
        let report = sample();
        let pdf = pdf_of(&report);
        let mut changed = report.clone();
        let table = changed.tables.iter_mut().find(|t| t.id == "netto-fo1").expect("netto-fo1");
        // 130 Adm.lokaler: regnskap 24 172 → 24 173.
        let row = table
            .rows
            .iter_mut()
            .find(|r| r.cells.first() == Some(&Cell::Text("130 Adm.lokaler".into())))
            .expect("row 130");
        let Cell::Number(n) = &mut row.cells[4] else { panic!("a figure") };
        n.value += rust_decimal::Decimal::ONE;
        let (_, problems) = compare_tables(&html_tables(&Site::of(&changed)), &pdf);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(
            problems[0].contains("«130 Adm.lokaler», column 5: \"24\\u{a0}173\""),
            "{problems:#?}"
        );
        assert!(problems[1].contains("the PDF has [\"24\", \"172\"]"), "{problems:#?}");
    }
}

/// The comparison itself, on a small table and hand-written PDF text: it passes on what matches
/// and fails on every kind of difference.
mod comparison {
    use super::*;

    fn table() -> HtmlTable {
        let f = |s: &str| HtmlCell::Figure(s.replace(' ', "\u{a0}"));
        let empty = HtmlCell::Empty;
        HtmlTable {
            anchor: "tabell-1".into(),
            caption: Some("Tabell 1 Netto driftsutgifter".into()),
            header_words: vec!["Funksjon".into(), "Regnskap".into(), "2023".into()],
            rows: vec![
                HtmlRow {
                    label: "100 Politisk styring".into(),
                    cells: vec![
                        f("2 351"),
                        f("−54 213"),
                        empty.clone(),
                        f("89,4 %"),
                        empty.clone(),
                    ],
                },
                HtmlRow {
                    label: "385 Andre kulturaktiviteter og tilskudd".into(),
                    cells: vec![f("4 985"), empty.clone(), f("–"), f("1,6 %"), empty.clone()],
                },
                HtmlRow {
                    label: "Sum".into(),
                    cells: vec![
                        f("7 336"),
                        f("−54 213"),
                        f("3 151"),
                        empty,
                        HtmlCell::Text("se note 2".into()),
                    ],
                },
            ],
        }
    }

    /// As `pdftotext -layout` prints it: figures right-aligned at characters 40, 54, 66 and 76,
    /// a wrapped label, a wrapped text cell, no space before one percent sign.
    const PDF: &str = "\
Tabell 1 Netto driftsutgifter
Funksjon                          Regnskap      Regulert      Avvik     Andel   Kommentar
                                      2023
100 Politisk styring               2 351       −54 213                89,4 %
385 Andre                          4 985                         –      1,6%
kulturaktiviteter og
tilskudd
Sum                                7 336       −54 213       3 151            se note
                                                                              2
";

    fn problems(pdf: &str, table: HtmlTable) -> Vec<String> {
        compare_tables(&[table], pdf).1
    }

    #[test]
    fn the_same_table_passes() {
        let (compared, problems) = compare_tables(&[table()], PDF);
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(compared, 9);
    }

    #[test]
    fn every_kind_of_difference_fails() {
        // A figure changed in the PDF.
        let p = problems(&PDF.replace("4 985", "4 986"), table());
        assert!(p.iter().any(|p| p.contains("\"4\\u{a0}985\" is not on PDF line 5")), "{p:#?}");
        assert!(p.iter().any(|p| p.contains("the PDF has [\"4\", \"986\"]")), "{p:#?}");
        // A figure in the wrong column (the dash moved one column to the left).
        let moved = PDF.replace(
            "385 Andre                          4 985                         –      1,6%",
            "385 Andre                          4 985             –                  1,6%",
        );
        let p = problems(&moved, table());
        assert!(
            p.iter().any(|p| p.contains("the figure of column 4 ends at character 54")),
            "{p:#?}"
        );
        // A figure the HTML does not have.
        let extra =
            PDF.replace("4 985                         –", "4 985           −12           –");
        let p = problems(&extra, table());
        assert!(p.iter().any(|p| p.contains("the PDF has [\"−12\"]")), "{p:#?}");
        // A figure the PDF does not have.
        let p = problems(&PDF.replace("89,4 %", "      "), table());
        assert!(p.iter().any(|p| p.contains("\"89,4\\u{a0}%\" is not on PDF line 4")), "{p:#?}");
        // A row of figures the HTML does not have, between two rows.
        let row = PDF.replace(
            "tilskudd\n",
            "tilskudd\n120 Administrasjon                    10       −54 213\n",
        );
        let p = problems(&row, table());
        assert!(
            p.iter().any(|p| p.contains("has the figure \"213\" in a figure column")),
            "{p:#?}"
        );
        // A row missing in the PDF.
        let p = problems(&PDF.replace("Sum  ", "Sam  "), table());
        assert!(p.iter().any(|p| p.contains("row «Sum» not found")), "{p:#?}");
        // A different label.
        let mut renamed = table();
        renamed.rows[0].label = "110 Kontroll og revisjon".into();
        let p = problems(PDF, renamed);
        assert!(p.iter().any(|p| p.contains("row «110 Kontroll og revisjon» not found")), "{p:#?}");
        // The caption missing.
        let p = problems(&PDF.replace("Tabell 1", "Tabell 2"), table());
        assert!(p.iter().any(|p| p.contains("caption «Tabell 1 Netto» not found")), "{p:#?}");
    }
}
