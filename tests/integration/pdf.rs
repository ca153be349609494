//! The PDF, judged by its extracted text and metadata (as a reader and an archive see it).
//!
//! Most tests render in-process: `pipeline::check` loads a report, `render::pdf::render` makes
//! the PDF. Expected strings come from the model itself (chapter numbers and titles, a formatted
//! sum row, a footnote), so editing the example does not break them. A few tests run the binary
//! (`arsrapport build`) for what only the command does: atomic output, `--draft`.
//!
//! Needs `pdftotext` and `pdfinfo` (Debian: `apt-get install poppler-utils`; `.ci/run` installs
//! them). Without them these tests fail, saying what to install: a PDF test never passes unchecked.

use std::path::{Path, PathBuf};
use std::process::Command;

use arsrapport::format;
use arsrapport::model::{Block, Chapter, Inline, Report, RowStyle, Section};
use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::pdf::{self, PdfOptions};
use arsrapport::render::{RenderError, TemplateDir};

use super::check::run_in;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Output of a poppler tool. A missing tool fails the test, saying what to install.
fn poppler(tool: &str, args: &[&str]) -> String {
    match Command::new(tool).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).into_owned()
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "`{tool}` is not installed: the PDF tests read the PDF with it \
             (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)"
        ),
        Err(e) => panic!("{tool} could not run: {e}"),
    }
}

/// The validated report in `dir` (relative to the repository).
fn load(dir: &str) -> Report {
    let checked = check(&root().join(dir), &CheckOptions::default());
    assert!(!checked.failed, "{dir} checks clean");
    checked.report.expect("the report loads")
}

fn options(report: &Report) -> PdfOptions {
    PdfOptions { draft: false, date: report.meta.date }
}

/// Renders to a PDF file in a temporary folder.
fn render_to_file(report: &Report, options: &PdfOptions) -> (tempfile::TempDir, PathBuf) {
    let bytes = match pdf::render(report, &TemplateDir::default(), options) {
        Ok(bytes) => bytes,
        Err(e) => panic!("the PDF renders: {e}"),
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, bytes).expect("write the PDF");
    (dir, path)
}

/// Whitespace (spaces, no-break spaces, line breaks) folded to one space; words hyphenated at
/// a line end (pdftotext writes a soft hyphen U+00AD there) joined again.
fn flat(text: &str) -> String {
    text.replace("\u{ad}\n", "")
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn text_of(pdf: &Path, layout: bool) -> String {
    let pdf = pdf.to_string_lossy();
    let args: Vec<&str> = if layout { vec!["-layout", &pdf, "-"] } else { vec![&pdf, "-"] };
    poppler("pdftotext", &args)
}

fn info_field<'a>(info: &'a str, field: &str) -> Option<&'a str> {
    info.lines().find_map(|l| l.strip_prefix(field)?.strip_prefix(':').map(str::trim))
}

fn pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[&pdf.to_string_lossy()]);
    match info_field(&info, "Pages").and_then(|p| p.parse().ok()) {
        Some(pages) => pages,
        None => panic!("no page count in:\n{info}"),
    }
}

fn sections(chapters: &[Chapter]) -> Vec<&Section> {
    fn walk<'a>(s: &'a [Section], out: &mut Vec<&'a Section>) {
        for x in s {
            out.push(x);
            walk(&x.sections, out);
        }
    }
    let mut out = Vec::new();
    for c in chapters {
        walk(&c.sections, &mut out);
    }
    out
}

fn first_footnote(report: &Report) -> Option<String> {
    fn plain(xs: &[Inline]) -> String {
        xs.iter()
            .map(|x| match x {
                Inline::Text { text } => text.clone(),
                Inline::Strong { content } | Inline::Emph { content } => plain(content),
                Inline::Link { content, .. } => plain(content),
                Inline::Footnote { .. } => String::new(),
                Inline::LineBreak => " ".into(),
            })
            .collect()
    }
    fn find(xs: &[Inline]) -> Option<String> {
        xs.iter().find_map(|x| match x {
            Inline::Footnote { content } => Some(plain(content)),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => find(content),
            _ => None,
        })
    }
    let blocks = report.chapters.iter().flat_map(|c| c.blocks.iter());
    let blocks = blocks.chain(sections(&report.chapters).into_iter().flat_map(|s| s.blocks.iter()));
    for b in blocks {
        if let Block::Paragraph { content } = b
            && let Some(f) = find(content)
        {
            return Some(f);
        }
    }
    None
}

#[test]
fn the_example_renders_headings_tables_footnotes_and_metadata() {
    let report = load("examples/minimal");
    let (_dir, pdf) = render_to_file(&report, &options(&report));
    let text = text_of(&pdf, false);
    let text = flat(&text);
    let meta = &report.meta;
    for needle in ["Innhold", meta.title.as_str(), meta.district.as_str(), &meta.running_header] {
        assert!(text.contains(needle), "missing «{needle}» in the PDF text:\n{text}");
    }
    // Every chapter and section heading, numbered as in the model.
    for c in &report.chapters {
        let heading = match &c.number {
            Some(n) => format!("{n} {}", c.title),
            None => c.title.clone(),
        };
        assert!(text.contains(&flat(&heading)), "missing heading «{heading}»");
    }
    for s in sections(&report.chapters) {
        let heading = format!("{} {}", s.number.as_deref().unwrap_or(""), s.title);
        assert!(text.contains(&flat(&heading)), "missing heading «{heading}»");
    }
    // Table captions with the model's numbers, and the unit line.
    for t in report.tables.iter().filter(|t| t.number.is_some()) {
        let caption = format!("Tabell {} {}", t.number.as_deref().unwrap_or(""), t.caption);
        assert!(text.contains(&flat(&caption)), "missing caption «{caption}»");
    }
    assert!(text.contains("Tall i 1000 kr"));
    // A footnote of the text.
    let footnote = first_footnote(&report).expect("the example has a footnote");
    let start: Vec<&str> = footnote.split_whitespace().take(4).collect();
    assert!(text.contains(&start.join(" ")), "missing footnote «{footnote}»");

    // A sum row, laid out as one line: label and figures formatted by `format` (no-break
    // spaces between thousands, a true minus).
    let layout = text_of(&pdf, true);
    let lines: Vec<String> = layout.lines().map(flat).collect();
    let (table, row) = report
        .tables
        .iter()
        .find_map(|t| Some((t, t.rows.iter().find(|r| r.style == RowStyle::Sum)?)))
        .expect("a table with a sum row");
    let expected = flat(
        &row.cells
            .iter()
            .zip(&table.columns)
            .map(|(c, col)| format::cell(c, col.kind))
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert!(lines.contains(&expected), "missing sum row «{expected}» in:\n{layout}");
    assert!(layout.contains('\u{2212}'), "negative figures take U+2212");

    // Metadata: title, author, language, tagged, PDF/A-2a + PDF/UA-1, page count.
    let info = poppler("pdfinfo", &[&pdf.to_string_lossy()]);
    assert_eq!(info_field(&info, "Title"), Some(pdf::document_title(&report).as_str()), "{info}");
    assert_eq!(info_field(&info, "Author"), Some(meta.district.as_str()), "{info}");
    assert_eq!(info_field(&info, "Tagged"), Some("yes"), "{info}");
    let pages: usize = info_field(&info, "Pages").and_then(|p| p.parse().ok()).expect("pages");
    assert!((6..=20).contains(&pages), "unexpected page count {pages}");
    let xmp = poppler("pdfinfo", &["-meta", &pdf.to_string_lossy()]);
    assert!(xmp.contains("<dc:language><rdf:Bag><rdf:li>nb</rdf:li>"), "language nb:\n{xmp}");
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A<"), "PDF/A-2a");
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA-1");
    assert!(xmp.contains("<xmp:CreateDate>2025-03-01T12:00:00+00:00<"), "the document date");
}

#[test]
fn two_renders_are_byte_identical() {
    let report = load("examples/minimal");
    let render = |o: &PdfOptions| pdf::render(&report, &TemplateDir::default(), o).expect("pdf");
    let a = render(&options(&report));
    let b = render(&options(&report));
    assert!(a == b, "two renders of the same report differ");
    // Only the inputs change the output: here the date.
    let mut later = options(&report);
    later.date.day = if later.date.day == 1 { 2 } else { 1 };
    assert!(render(&later) != a);
}

#[test]
fn typst_special_characters_print_literally() {
    let special = "Tegn: # $ [ ] @ < > \\ * _ ` `` = - ~ {} #set page(fill: red) $x^2$ \
                   <etikett> @ref #{1 + 1} [lenke](#x) // ikke kommentar /* heller ikke */";
    let mut report = load("examples/minimal");
    let chapter = report.chapters.last_mut().expect("a chapter");
    chapter.blocks.push(Block::Paragraph { content: vec![Inline::Text { text: special.into() }] });
    chapter.blocks.push(Block::Paragraph {
        content: vec![Inline::Strong {
            content: vec![Inline::Text { text: "*fet* #strong".into() }],
        }],
    });
    let (_dir, pdf) = render_to_file(&report, &options(&report));
    let text = text_of(&pdf, false);
    let text = flat(&text);
    assert!(text.contains(&flat(special)), "not printed literally:\n{text}");
    assert!(text.contains("*fet* #strong"), "not printed literally:\n{text}");
}

#[test]
fn the_fixture_with_special_characters_renders_literally() {
    let report = load("tests/fixtures/valid/special-characters");
    let (_dir, pdf) = render_to_file(&report, &options(&report));
    let text = text_of(&pdf, false);
    let text = flat(&text);
    for needle in [
        "# $ @ < > \\ _ ` = - ~ {}",
        "<script>alert(1)</script>",
        "#set page(fill: red)",
        "$x^2$",
        "[lenke]",
    ] {
        assert!(text.contains(needle), "«{needle}» not printed literally:\n{text}");
    }
}

#[test]
fn the_windows_1252_fixture_prints_its_letters_dash_and_figures() {
    super::html::assert_windows_1252_bytes();
    let report = load("tests/fixtures/valid/windows-1252");
    let (_dir, pdf) = render_to_file(&report, &options(&report));
    let text = flat(&text_of(&pdf, false));
    assert!(!text.contains('\u{fffd}') && !text.contains("Ã"), "mis-decoded text:\n{text}");
    for needle in [
        "Netto driftsutgifter (før særskilte poster)",
        "Funksjonsområde 2A – Barnehager og særskilt støtte",
        "100 Politisk styring – Bydelsutvalget",
        "120 Administrasjon, Økonomi og Årsoppgjør",
    ] {
        assert!(text.contains(needle), "missing «{needle}» in the PDF text:\n{text}");
    }
    // Each row on one line of the layout text: its figures read with the no-break space as the
    // thousands separator, and the dash (0x96) printed as an en dash.
    let layout: Vec<String> = text_of(&pdf, true).lines().map(flat).collect();
    for row in [
        "Funksjonsområde 1 – Administrasjon 3 000 3 100 3 200 3 150 50",
        "120 Administrasjon, Økonomi og Årsoppgjør 2 000 2 000 2 000 2 000 –",
    ] {
        assert!(layout.iter().any(|l| l == row), "missing the row «{row}» in:\n{layout:#?}");
    }
}

#[test]
fn a_broken_override_template_is_a_template_error_with_file_and_line() {
    let report = load("examples/minimal");
    let maler = root().join("tests/fixtures/invalid-template/broken/maler");
    let err = pdf::render(&report, &TemplateDir::with_overrides(&maler), &options(&report))
        .expect_err("the broken template fails");
    let RenderError::Template(errors) = err else { panic!("a template error, got {err}") };
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert!(e.template.ends_with("invalid-template/broken/maler/pdf/report.typ"), "{e}");
    assert_eq!((e.line, e.column), (Some(4), Some(2)), "{e}");
    assert_eq!(e.message, "unknown variable: undefined-function");
    assert!(e.hints.iter().any(|h| h.contains("undefined - function")), "{e}");
    assert!(e.to_string().contains("maler/pdf/report.typ:4:2: unknown variable"), "{e}");
}

#[test]
fn a_draft_marks_every_page() {
    let report = load("examples/minimal");
    let (_dir, pdf) = render_to_file(&report, &PdfOptions { draft: true, ..options(&report) });
    let pages = pages(&pdf);
    for page in 1..=pages {
        let p = page.to_string();
        let args = ["-f", &p, "-l", &p, &pdf.to_string_lossy(), "-"];
        let text = poppler("pdftotext", &args);
        assert!(text.contains("UTKAST"), "page {page} is not marked UTKAST:\n{text}");
    }
}

#[test]
fn the_real_report_renders_with_the_wide_table_on_a_landscape_page() {
    let report = load("report-data");
    let (_dir, pdf) = render_to_file(&report, &options(&report));
    let text = text_of(&pdf, false);
    let flat_text = flat(&text);
    for needle in [
        "Bydelsdirektørens beretning",
        "3.2 Funksjonsområde 1: Administrasjon og fellestjenester",
        "Tabell 0.1 B Netto driftsutgifter",
    ] {
        assert!(flat_text.contains(needle), "missing «{needle}»");
    }
    let pages = pages(&pdf);
    assert!((35..=80).contains(&pages), "unexpected page count {pages}");
    // pdfinfo prints every page's size: the investment table's page is landscape.
    let p = pages.to_string();
    let file = pdf.to_string_lossy();
    let info = poppler("pdfinfo", &["-f", "1", "-l", &p, &file]);
    let landscape: Vec<usize> = info
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|w| w.len() >= 6 && w[0] == "Page" && w[2] == "size:" && w[3] == "841.89")
        .filter_map(|w| w[1].parse().ok())
        .collect();
    assert!(!landscape.is_empty(), "no landscape page:\n{info}");
    let investment = report.tables.iter().find(|t| t.columns.len() >= 9).expect("a wide table");
    let on_landscape = landscape.iter().any(|page| {
        let n = page.to_string();
        flat(&poppler("pdftotext", &["-f", &n, "-l", &n, &file, "-"]))
            .contains(&flat(&investment.caption))
    });
    assert!(
        on_landscape,
        "the {}-column table is not on a landscape page",
        investment.columns.len()
    );
}

// ---- through the command: `arsrapport build`

/// Builds `dir` (relative to the repository) into a temporary folder.
fn build(dir: &str, extra: &[&str]) -> (tempfile::TempDir, i32, String) {
    let out = tempfile::tempdir().expect("tempdir");
    let out_path = out.path().to_string_lossy().into_owned();
    let mut args = vec!["build", dir, "--out", &out_path];
    args.extend_from_slice(extra);
    let (code, _, stderr) = run_in(root(), &args);
    (out, code, stderr)
}

fn pdf_in(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("out dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("a PDF was written")
}

#[test]
fn build_writes_a_reproducible_pdf() {
    let (a, code_a, stderr) = build("examples/minimal", &["--only-output", "pdf"]);
    assert_eq!(code_a, 0, "{stderr}");
    let (b, code_b, stderr) = build("examples/minimal", &["--only-output", "pdf"]);
    assert_eq!(code_b, 0, "{stderr}");
    let (pa, pb) = (pdf_in(a.path()), pdf_in(b.path()));
    assert!(std::fs::read(pa).expect("a") == std::fs::read(pb).expect("b"), "two builds differ");
}

#[test]
fn build_reports_a_broken_template_with_file_and_line_and_keeps_old_output() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_path = out.path().to_string_lossy().into_owned();
    std::fs::write(out.path().join("arsberetning-2024-bydel-test.pdf"), b"previous").expect("old");
    let (code, _, stderr) =
        run_in(root(), &["build", "tests/fixtures/invalid-template/broken", "--out", &out_path]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("error[AR701/template]: unknown variable: undefined-function"),
        "{stderr}"
    );
    assert!(
        stderr.contains("┌─ tests/fixtures/invalid-template/broken/maler/pdf/report.typ:4:2"),
        "{stderr}"
    );
    assert!(stderr.contains("previous output is unchanged"), "{stderr}");
    assert!(stderr.contains("1 error in templates:"), "{stderr}");
    // In Norwegian, the words around Typst's own message are Norwegian.
    let (code, _, stderr) = run_in(
        root(),
        &["--lang", "nb", "build", "tests/fixtures/invalid-template/broken", "--out", &out_path],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("1 feil i malene:"), "{stderr}");
    assert!(stderr.contains("= tips: if you meant to use subtraction"), "{stderr}");
    let block: Vec<&str> = stderr.lines().skip_while(|l| !l.starts_with("feil: ")).collect();
    crate::snapshot("build-template-error", &block.join("\n"));
    assert_eq!(
        std::fs::read(out.path().join("arsberetning-2024-bydel-test.pdf")).expect("old"),
        b"previous"
    );
    let leftovers: Vec<_> =
        std::fs::read_dir(out.path()).expect("ls").filter_map(|e| e.ok()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
}

/// Typst's warnings about a template (here: a font the build does not have) are printed with
/// file, line and column, in the words of the chosen language, and the build goes on.
#[test]
fn build_prints_template_warnings_and_builds() {
    let out = tempfile::tempdir().expect("tempdir");
    let out_path = out.path().to_string_lossy().into_owned();
    let fixture = "tests/fixtures/invalid-template/warning";
    let (code, _, stderr) = run_in(
        root(),
        &["--lang", "nb", "build", fixture, "--out", &out_path, "--only-output", "pdf"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(pdf_in(out.path()).exists(), "the PDF is made");
    // The warning block: from its first line to the line after the last warning.
    let block: Vec<&str> = stderr
        .lines()
        .skip_while(|l| !l.contains("advarsel fra malene"))
        .take_while(|l| {
            !l.trim_start().starts_with("Laget") && !l.trim_start().starts_with("Skrev")
        })
        .collect();
    assert!(!block.is_empty(), "{stderr}");
    crate::snapshot("build-template-warning", &block.join("\n"));
    let (code, _, stderr) =
        run_in(root(), &["build", fixture, "--out", &out_path, "--only-output", "pdf"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("1 warning from the templates (the PDF was made all the same):"),
        "{stderr}"
    );
    assert!(stderr.contains("warning[AR702/template-warning]: unknown font family"), "{stderr}");
    assert!(stderr.contains("maler/pdf/report.typ:6:13"), "{stderr}");
}

#[test]
fn build_refuses_errors_unless_draft() {
    let (out, code, stderr) = build("tests/fixtures/invalid/avvik", &["--only-output", "pdf"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not building"), "{stderr}");
    assert_eq!(std::fs::read_dir(out.path()).expect("ls").count(), 0, "nothing written");
    let (out, code, stderr) =
        build("tests/fixtures/invalid/avvik", &["--only-output", "pdf", "--draft"]);
    assert_eq!(code, 0, "{stderr}");
    let pdf = pdf_in(out.path());
    let (text, pages) = (text_of(&pdf, false), pages(&pdf));
    assert!(text.matches("UTKAST").count() >= pages, "every page is marked UTKAST:\n{text}");
}

/// A checklist prints one column per answer, headed by the answer, with an X in the chosen
/// one; its caption (as written, or from its section) is printed above it; row labels are
/// tagged as row headers (TH with Scope Row).
#[test]
fn checklists_print_their_answer_columns_and_row_headers_are_tagged() {
    let report = load("examples/minimal");
    let (_dir, pdf) = render_to_file(&report, &options(&report));
    let layout = text_of(&pdf, true);
    let lines: Vec<String> = layout.lines().map(flat).collect();
    let squashed: Vec<String> =
        lines.iter().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    assert!(
        squashed.iter().any(|l| l.contains("Ja Delvis Nei Ikke aktuelt Kommentar")),
        "no line with the answer columns in:\n{layout}"
    );
    let checklist = report
        .chapters
        .iter()
        .flat_map(|c| sections(std::slice::from_ref(c)))
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            arsrapport::model::Block::Checklist(c) => Some(c),
            _ => None,
        })
        .expect("the example has a checklist");
    let answered = checklist.items.iter().filter(|i| i.answer.is_some()).count();
    let xs = squashed.iter().flat_map(|l| l.split(' ')).filter(|w| *w == "X").count();
    assert_eq!(xs, answered, "one X per answered item in:\n{layout}");
    let text = flat(&text_of(&pdf, false));
    assert!(text.contains(&flat(&checklist.caption)), "missing caption «{}»", checklist.caption);

    let structure = poppler("pdfinfo", &["-struct", &pdf.to_string_lossy()]);
    let row_headers = structure.lines().filter(|l| l.trim() == "/Scope /Row").count();
    assert!(row_headers >= checklist.items.len(), "row headers with Scope Row:\n{structure}");
}

/// The strings of every `/Alt` entry in the PDF (UTF-16BE hex strings, as Typst writes them).
fn alt_texts(pdf: &Path) -> Vec<String> {
    let bytes = std::fs::read(pdf).expect("read the PDF");
    let mut out = Vec::new();
    let mut rest = bytes.as_slice();
    while let Some(at) = rest.windows(5).position(|w| w == b"/Alt<") {
        let hex: Vec<u8> =
            rest[at + 5..].iter().copied().take_while(|b| b.is_ascii_hexdigit()).collect();
        let digits = std::str::from_utf8(&hex).expect("hex");
        let units: Vec<u16> = (0..digits.len() / 4)
            .filter_map(|i| u16::from_str_radix(&digits[i * 4..i * 4 + 4], 16).ok())
            .collect();
        out.push(String::from_utf16_lossy(units.strip_prefix(&[0xfeff]).unwrap_or(&units)));
        rest = &rest[at + 5..];
    }
    out
}

#[test]
fn charts_are_tagged_figures_with_alt_text_from_their_figures() {
    let report = load("examples/minimal");
    let (_dir, pdf) = render_to_file(&report, &options(&report));
    let alts = alt_texts(&pdf);
    let bars = alts
        .iter()
        .find(|a| a.starts_with("Gruppert søylediagram: Regulert budsjett og regnskap 2024"))
        .unwrap_or_else(|| panic!("no alt text of the bar chart in {alts:?}"));
    assert!(bars.contains("Funksjonsområde 2A Barnehager: regulert budsjett 2024 187\u{a0}710, regnskap 2024 183\u{a0}784."), "{bars}");
    let line = alts.iter().find(|a| a.starts_with("Linjediagram: Barn med barnehageplass"));
    assert!(line.is_some_and(|a| a.contains("2021 412, 2022 405")), "{alts:?}");
    // The SVG's text is real text in the embedded font: captions and the axis' figures.
    let text = flat(&text_of(&pdf, false));
    assert!(text.contains("Regulert budsjett og regnskap 2024 per funksjonsområde"));
    assert!(text.contains(&flat("100\u{a0}000")), "axis ticks in Norwegian figures");
    let structure = poppler("pdfinfo", &["-struct", &pdf.to_string_lossy()]);
    let figures = structure.lines().filter(|l| l.trim() == "Figure:").count();
    assert!(figures >= 3, "the image and the two charts are Figures:\n{structure}");
}
