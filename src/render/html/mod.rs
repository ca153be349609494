//! HTML renderer: the validated [`Report`] in, the files of a static site out.
//!
//! The site has a cover page (`index.html`: title, metadata, the full table of contents,
//! the PDF link) and one page per chapter (`<chapter id>.html`), each with the list of
//! chapters, previous/next links and the chapter's footnotes. Every section and table
//! keeps the anchor the model gives it (`#seksjon-3-1`, `#tabell-0-1-b`); in-report
//! links are rewritten to the page that holds their anchor. Figures are written under
//! `figurer/`, the stylesheets, scripts and the search index under `assets/`.
//! Nothing is fetched from elsewhere and the pages are readable without JavaScript;
//! search is an enhancement (`search.rs`). The reasons for this shape, and how to restyle
//! the site, are in `docs/html.md`.
//!
//! Markup comes from Tera templates (`templates.rs`), escaped automatically; inline text
//! is turned into HTML by `inline.rs`, which escapes every character of user text and
//! only emits links to allowed targets. Figures are formatted by [`crate::format`] in
//! `view.rs`; templates never format numbers.

mod inline;
mod search;
mod templates;
mod theme;
mod view;

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tera::Context;

use crate::format;
use crate::model::{Block, Chapter, Report, Section};
use crate::render::view::ReportView;
use crate::render::{RenderError, SiteFile, TemplateDir, TemplateError};

use inline::{Anchors, InlineRenderer};
use templates::Templates;

/// The embedded HTML templates and assets, by name below `templates/html/` (for
/// `arsrapport templates`).
pub fn embedded_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    templates::TEMPLATES.iter().chain(templates::ASSETS).copied()
}
use view::{ChapterView, NavChapter, NavSection, PageBuilder, PageLink, SiteView};

/// Options of the HTML renderer.
#[derive(Debug, Clone, Default)]
pub struct HtmlOptions {
    /// File name of the PDF copied into the site root, for the link (`None`: no link).
    pub pdf_file: Option<String>,
}

/// Renders the report as a static site: every file with its path relative to the site root.
///
/// The files are returned in a stable order (pages, then figures, then assets); the caller
/// writes them. Fails with every template error found, or if a template or asset cannot
/// be read.
pub fn render(
    report: &Report,
    templates: &TemplateDir,
    options: &HtmlOptions,
) -> Result<Vec<SiteFile>, RenderError> {
    render_view(report, &ReportView::new(report), templates, options)
}

/// [`render`] with the report's render view already built (the build builds it once for both
/// outputs).
pub fn render_view(
    report: &Report,
    view: &ReportView,
    templates: &TemplateDir,
    options: &HtmlOptions,
) -> Result<Vec<SiteFile>, RenderError> {
    let tera = Templates::load(templates)?;
    let files = page_files(&report.chapters);
    let anchors = anchors(report, &files);
    let (figure_paths, figure_files) = figures(report);
    let site = site_view(report, options, &files);

    let mut out = Vec::new();
    let mut errors: Vec<TemplateError> = Vec::new();

    // Every page reads the same `site`, put into the context once (with every chapter's
    // sections, for the cover's table of contents); each page replaces `page` (and `chapter`).
    let mut context = Context::new();
    context.insert("site", &site);

    // The chapter list: each chapter's entry rendered once, plain and as the current page's;
    // a page joins them. Rendering the whole list in every page cost pages × chapters.
    let mut entries: Vec<(String, String)> = Vec::with_capacity(site.chapters.len());
    for chapter in &site.chapters {
        context.insert("chapter", chapter);
        let mut variant = |current: bool| {
            context.insert("current", &current);
            tera.render(NAV_TEMPLATE, &context).unwrap_or_else(|e| {
                if !errors.contains(&e) {
                    errors.push(e);
                }
                String::new()
            })
        };
        let plain = variant(false);
        entries.push((plain, variant(true)));
    }
    context.remove("chapter");
    context.remove("current");
    let chapter_list = |current: Option<usize>| {
        let mut html = String::with_capacity(entries.iter().map(|e| e.0.len()).sum::<usize>() * 2);
        for (i, (plain, own)) in entries.iter().enumerate() {
            html.push_str(if Some(i) == current { own } else { plain });
        }
        html
    };
    let mut record =
        |result: Result<String, TemplateError>, path: &str, out: &mut Vec<SiteFile>| match result {
            Ok(html) => out.push(SiteFile { path: path.to_string(), bytes: html.into_bytes() }),
            Err(e) => {
                if !errors.contains(&e) {
                    errors.push(e);
                }
            }
        };

    // The cover page.
    let index_page = PageContext {
        file: "index.html",
        kind: "index",
        title: format!("{} – {}", report.meta.title, report.meta.district),
        prev: None,
        next: site.chapters.first().map(page_link),
        chapter_list: chapter_list(None),
    };
    context.insert("page", &index_page);
    record(tera.render("index.html", &context), "index.html", &mut out);

    // One page per chapter.
    let mut docs = Vec::new();
    for (i, chapter) in report.chapters.iter().enumerate() {
        let file = &files[i];
        let mut builder =
            PageBuilder::new(view, InlineRenderer::new(&anchors, file), &figure_paths);
        let blocks = builder.blocks(&chapter.blocks, 1);
        let sections = builder.sections(&chapter.sections, 2);
        let prev = match i {
            0 => {
                Some(PageLink { href: "index.html".into(), number: None, title: "Forside".into() })
            }
            _ => site.chapters.get(i - 1).map(page_link),
        };
        let next = site.chapters.get(i + 1).map(page_link);
        let view = ChapterView {
            id: chapter.id.clone(),
            file: file.clone(),
            number: chapter.number.clone(),
            title: chapter.title.clone(),
            blocks,
            sections,
            footnotes: builder.footnotes(),
            prev: prev.clone(),
            next: next.clone(),
        };
        let label = search::numbered(chapter.number.as_deref(), &chapter.title);
        let page = PageContext {
            file,
            kind: "chapter",
            title: format!("{label} – {}", report.meta.running_header),
            prev,
            next,
            chapter_list: chapter_list(Some(i)),
        };
        context.insert("page", &page);
        context.insert("chapter", &view);
        record(tera.render("chapter.html", &context), file, &mut out);
        docs.extend(search::chapter_docs(report, chapter, file));
    }
    // The page listing the data behind every table.
    context.remove("chapter");
    context.insert(
        "page",
        &PageContext {
            file: DATA_PAGE,
            kind: "datasets",
            title: format!("Tallgrunnlaget – {}", report.meta.running_header),
            prev: None,
            next: None,
            chapter_list: chapter_list(None),
        },
    );
    context.insert("datasets", &datasets(report, &anchors));
    context.insert("data_index", crate::render::data::INDEX);
    record(tera.render("datasets.html", &context), DATA_PAGE, &mut out);
    if !errors.is_empty() {
        return Err(RenderError::Template(errors));
    }
    out.extend(crate::render::data::render(report));

    out.extend(figure_files);
    out.extend(theme::files(&report.meta.theme));
    for (name, embedded) in templates::ASSETS.iter().chain(templates::FONTS) {
        let (_, bytes) = templates::read(templates, name, embedded)?;
        out.push(SiteFile { path: (*name).to_string(), bytes });
    }
    let pages: Vec<(String, String)> = report
        .chapters
        .iter()
        .zip(&files)
        .map(|(c, f)| (f.clone(), search::numbered(c.number.as_deref(), &c.title)))
        .collect();
    out.push(SiteFile {
        path: "assets/search-index.js".into(),
        bytes: search::index_script(&docs, &pages).into_bytes(),
    });
    Ok(out)
}

/// The page listing every table's data files.
pub const DATA_PAGE: &str = "tallgrunnlag.html";

/// One table on the data page.
#[derive(Debug, Serialize)]
struct DatasetView {
    /// «Tabell 0.1 B Netto driftsutgifter …»
    title: String,
    /// Where the table is printed (`kapittel-3.html#tabell-0-1-b`), if placed.
    href: Option<String>,
    /// The table's unit line («Tall i 1000 kr»).
    unit: Option<String>,
    data: crate::render::data::DataLinks,
}

fn datasets(report: &Report, anchors: &Anchors) -> Vec<DatasetView> {
    report
        .tables
        .iter()
        .map(|t| DatasetView {
            title: crate::render::data::title(t),
            href: anchors.page(&t.anchor).map(|page| format!("{page}#{}", t.anchor)),
            unit: t.unit.as_ref().map(|u| format!("Tall i {u}")),
            data: crate::render::data::links(&t.anchor),
        })
        .collect()
}

/// What templates see as `page`.
#[derive(Debug, Serialize)]
struct PageContext<'a> {
    /// This page's file name (`index.html`, `kapittel-3.html`).
    file: &'a str,
    /// `index` or `chapter`.
    kind: &'a str,
    /// The `<title>`.
    title: String,
    prev: Option<PageLink>,
    next: Option<PageLink>,
    /// The entries of the chapter list as HTML (`chapter_nav.html` per chapter; on a chapter
    /// page its own entry is the current one).
    chapter_list: String,
}

/// The template of one entry of the chapter list.
const NAV_TEMPLATE: &str = "chapter_nav.html";

fn page_link(chapter: &NavChapter) -> PageLink {
    PageLink {
        href: chapter.file.clone(),
        number: chapter.number.clone(),
        title: chapter.title.clone(),
    }
}

/// The file name of each chapter's page: its id (when it is a safe file name) + `.html`,
/// else `kapittel-<n>.html`; unique, and never `index.html`.
fn page_files(chapters: &[Chapter]) -> Vec<String> {
    let mut used: HashSet<String> =
        HashSet::from(["index".to_string(), DATA_PAGE.trim_end_matches(".html").to_string()]);
    chapters
        .iter()
        .enumerate()
        .map(|(i, chapter)| {
            let safe = !chapter.id.is_empty()
                && chapter.id.len() <= 100
                && chapter.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            let mut stem = if safe { chapter.id.clone() } else { format!("kapittel-{}", i + 1) };
            let mut n = 1;
            while !used.insert(stem.to_ascii_lowercase()) {
                n += 1;
                stem = format!("{}-{n}", if safe { &chapter.id } else { "kapittel" });
            }
            format!("{stem}.html")
        })
        .collect()
}

/// Where every chapter, section and placed table is.
fn anchors(report: &Report, files: &[String]) -> Anchors {
    let mut anchors = Anchors::default();
    fn blocks(report: &Report, blocks: &[Block], file: &str, anchors: &mut Anchors) {
        for block in blocks {
            if let Block::Table { index } = block
                && let Some(table) = report.tables.get(*index)
            {
                anchors.insert(&table.anchor, file);
            }
        }
    }
    fn sections(report: &Report, list: &[Section], file: &str, anchors: &mut Anchors) {
        for s in list {
            anchors.insert(&s.id, file);
            blocks(report, &s.blocks, file, anchors);
            sections(report, &s.sections, file, anchors);
        }
    }
    for (chapter, file) in report.chapters.iter().zip(files) {
        anchors.insert(&chapter.id, file);
        blocks(report, &chapter.blocks, file, &mut anchors);
        sections(report, &chapter.sections, file, &mut anchors);
    }
    anchors
}

/// The site path of every figure (by source path) and the figure files.
fn figures(report: &Report) -> (HashMap<String, String>, Vec<SiteFile>) {
    let mut paths = HashMap::new();
    let mut files = Vec::new();
    let mut used = HashSet::new();
    let mut visit = |figure: &crate::model::Figure| {
        if paths.contains_key(&figure.path) {
            return;
        }
        let mut site_path = figure_path(&figure.path);
        let mut n = 1;
        while !used.insert(site_path.clone()) {
            n += 1;
            site_path = match site_path.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}-{n}.{ext}"),
                None => format!("{site_path}-{n}"),
            };
        }
        paths.insert(figure.path.clone(), site_path.clone());
        files.push(SiteFile { path: site_path, bytes: figure.data.as_ref().clone() });
    };
    fn walk(blocks: &[Block], sections: &[Section], visit: &mut dyn FnMut(&crate::model::Figure)) {
        for block in blocks {
            if let Block::Figure(figure) = block {
                visit(figure);
            }
        }
        for s in sections {
            walk(&s.blocks, &s.sections, visit);
        }
    }
    for chapter in &report.chapters {
        walk(&chapter.blocks, &chapter.sections, &mut visit);
    }
    (paths, files)
}

/// `figurer/<the source path>`, each segment reduced to `[A-Za-z0-9._-]`.
fn figure_path(source: &str) -> String {
    let segments: Vec<String> = source
        .split(['/', '\\'])
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .map(|s| {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '-' }
                })
                .collect::<String>()
                .trim_start_matches('.')
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect();
    if segments.is_empty() {
        "figurer/figur".to_string()
    } else {
        format!("figurer/{}", segments.join("/"))
    }
}

fn site_view(report: &Report, options: &HtmlOptions, files: &[String]) -> SiteView {
    let meta = &report.meta;
    let date = meta.date;
    SiteView {
        title: meta.title.clone(),
        subtitle: meta.subtitle.clone(),
        district: meta.district.clone(),
        organisation: meta.organisation.clone(),
        year: meta.year,
        language: if meta.language.is_empty() { "nb".into() } else { meta.language.clone() },
        running_header: meta.running_header.clone(),
        date: format::date(date),
        date_iso: format!("{:04}-{:02}-{:02}", date.year, date.month, date.day),
        description: match &meta.subtitle {
            Some(subtitle) => {
                format!("{} for {}, {}. {subtitle}.", meta.title, meta.district, meta.organisation)
            }
            None => format!("{} for {}, {}.", meta.title, meta.district, meta.organisation),
        },
        keywords: meta.keywords.join(", "),
        generator: format!("arsrapport {}", env!("CARGO_PKG_VERSION")),
        pdf: options.pdf_file.as_deref().filter(|f| !f.is_empty()).map(encode_file_name),
        chapters: report
            .chapters
            .iter()
            .zip(files)
            .map(|(c, file)| NavChapter {
                file: file.clone(),
                id: c.id.clone(),
                number: c.number.clone(),
                title: c.title.clone(),
                sections: nav_sections(&c.sections, file),
            })
            .collect(),
        theme: theme::view(&meta.theme),
    }
}

fn nav_sections(sections: &[Section], file: &str) -> Vec<NavSection> {
    sections
        .iter()
        .map(|s| NavSection {
            href: format!("{file}#{}", s.id),
            number: s.number.clone(),
            title: s.title.clone(),
            sections: nav_sections(&s.sections, file),
        })
        .collect()
}

/// A file name as a relative URL: every byte outside `[A-Za-z0-9._~-]` percent-encoded.
fn encode_file_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~' | b'-') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::sample_site;

    #[test]
    fn page_files_are_safe_and_unique() {
        let mut report = sample_site();
        let template = report.chapters[0].clone();
        let chapter = |id: &str| Chapter { id: id.into(), ..template.clone() };
        report.chapters = vec![
            chapter("beretning"),
            chapter("index"),
            chapter("../../etc"),
            chapter("beretning"),
            chapter("Beretning"),
        ];
        assert_eq!(
            page_files(&report.chapters),
            [
                "beretning.html",
                "index-2.html",
                "kapittel-3.html",
                "beretning-2.html",
                "Beretning-3.html"
            ]
        );
    }

    #[test]
    fn figure_paths_stay_inside_the_site() {
        assert_eq!(figure_path("bilder/kart.png"), "figurer/bilder/kart.png");
        assert_eq!(figure_path("../x/<b>.svg"), "figurer/x/-b-.svg");
        assert_eq!(figure_path("/.hidden"), "figurer/hidden");
        assert_eq!(figure_path(".."), "figurer/figur");
    }

    #[test]
    fn pdf_file_names_are_encoded() {
        assert_eq!(encode_file_name("arsberetning-2024.pdf"), "arsberetning-2024.pdf");
        assert_eq!(encode_file_name("år \"x\"#?.pdf"), "%C3%A5r%20%22x%22%23%3F.pdf");
    }

    #[test]
    fn renders_every_page_and_asset() {
        let report = sample_site();
        let files = render(
            &report,
            &TemplateDir::default(),
            &HtmlOptions { pdf_file: Some("rapport.pdf".into()) },
        )
        .expect("render");
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths[0], "index.html");
        for chapter in &report.chapters {
            assert!(paths.contains(&format!("{}.html", chapter.id).as_str()), "{paths:?}");
        }
        assert!(paths.contains(&"assets/site.css"));
        assert!(paths.contains(&"assets/search-index.js"));
        assert!(paths.contains(&"figurer/bilder/omrader.svg"), "{paths:?}");
    }
}
