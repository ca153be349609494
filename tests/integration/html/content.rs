//! The site's content: tables, blocks, checklists, charts and the PDF link.

use super::*;

#[test]
fn tables_have_caption_header_scopes_and_formatted_figures() {
    let site = Site::of(&sample());
    let beretning = site.page("beretning.html");
    let caption = one(&beretning, "#tabell-0-1-b caption");
    assert!(
        squash(&text(caption)).starts_with("Tabell 0.1 B Netto driftsutgifter i 1000 kr."),
        "{}",
        text(caption)
    );
    assert_eq!(text(one(&beretning, "#tabell-0-1-b .table-unit")), "Tall i 1000 kr");

    // The scroll container is a labelled, focusable region.
    let region = one(&beretning, "#tabell-0-1-b .table-scroll");
    assert_eq!(region.value().attr("role"), Some("region"));
    assert_eq!(region.value().attr("tabindex"), Some("0"));
    assert_eq!(region.value().attr("aria-labelledby"), caption.value().id());

    let k3 = site.page("kapittel-3.html");
    let table = one(&k3, "#tabell-3-1 table");
    let headers: Vec<_> = table.select(&sel("thead th")).collect();
    assert_eq!(headers.len(), 6);
    assert!(headers.iter().all(|th| th.value().attr("scope") == Some("col")));
    assert_eq!(text(headers[5]), "Avvik reg.bud/regnskap 2024");

    // 130 Adm.lokaler;23 059;3 809;-54 213;24 172;-78 384
    let row = table
        .select(&sel("tbody tr"))
        .find(|tr| tr.select(&sel("th")).next().map(text).as_deref() == Some("130 Adm.lokaler"))
        .expect("row 130");
    assert_eq!(one_in(row, "th").value().attr("scope"), Some("row"));
    let cells: Vec<String> = row.select(&sel("td")).map(text).collect();
    assert_eq!(
        cells,
        [
            format!("23{NBSP}059"),
            format!("3{NBSP}809"),
            format!("{MINUS}54{NBSP}213"),
            format!("24{NBSP}172"),
            format!("{MINUS}78{NBSP}384"),
        ]
    );
    assert!(row.select(&sel("td")).all(|td| td.value().classes().any(|c| c == "num")));
    // A dash cell prints an en dash.
    let row_180 = table
        .select(&sel("tbody tr"))
        .find(|tr| text(*tr).contains("180 Div. fellesutgifter"))
        .expect("row 180");
    assert_eq!(row_180.select(&sel("td")).next().map(text).as_deref(), Some("\u{2013}"));

    // The sum row is marked (bold in the stylesheet).
    let sum = one_in(table, "tr.sum");
    assert_eq!(text(one_in(sum, "th")), "Sum netto utgifter *)");
    assert_eq!(text(sum.select(&sel("td")).last().expect("avvik")), format!("{MINUS}37{NBSP}636"));

    // Table footnotes, linked from the table, with an in-report link to another page.
    let notes = one(&k3, "#tabell-3-1 .table-footnotes");
    assert_eq!(table.value().attr("aria-describedby"), notes.value().id());
    assert_eq!(
        one_in(notes, "a").value().attr("href"),
        Some("beretning.html#tabell-0-1-b"),
        "anchor links are rewritten to the page holding the anchor"
    );

    // Header groups: colgroup headers with colspan; group rows head their row group.
    let population = one(&k3, "#tabell-3-3 table");
    let groups: Vec<_> = population.select(&sel("thead tr.header-groups th")).collect();
    assert_eq!(groups.len(), 2);
    assert!(groups.iter().all(|th| th.value().attr("scope") == Some("colgroup")
        && th.value().attr("colspan") == Some("2")));
    assert_eq!(population.select(&sel("colgroup")).count(), 3);
    let percent = population.select(&sel("tbody td")).nth(2).map(text);
    assert_eq!(percent, Some(format!("6,35{NBSP}%")));

    let key_figures = one(&k3, "#tabell-3-2 table");
    let group_headers: Vec<String> =
        key_figures.select(&sel("tbody tr.group th[scope=rowgroup]")).map(text).collect();
    assert_eq!(group_headers, ["Innhold", "Utbygging"]);
    assert_eq!(key_figures.select(&sel("tbody")).count(), 2);
    assert!(text(key_figures).contains("231\u{a0}106"));

    // Tabular figures and right alignment come from the stylesheet.
    let css = site.text("assets/site.css");
    assert!(css.contains("font-variant-numeric: tabular-nums"));
    assert!(css.contains(".num, .code { text-align: right;"));
    assert!(css.contains("overflow-x: auto"));
}

#[test]
fn blocks_render_as_semantic_html() {
    let site = Site::of(&sample());
    let beretning = site.page("beretning.html");
    // A minor heading in an unnumbered chapter's blocks is an h2.
    let minor: Vec<String> = beretning.select(&sel("h2.minor-heading")).map(text).collect();
    assert_eq!(minor, ["Språk", "Økonomi"]);
    // Footnotes: numbered, linked both ways.
    let reference = one(&beretning, "sup.fn-ref a");
    assert_eq!(reference.value().attr("href"), Some("#fn-1"));
    assert_eq!(reference.value().id(), Some("fnref-1"));
    let note = one(&beretning, ".footnotes li#fn-1");
    assert!(text(note).contains("barnehagestatistikk"));
    assert_eq!(one_in(note, "a.fn-back").value().attr("href"), Some("#fnref-1"));
    // A note with its label; links inside the report and to other pages.
    assert!(
        squash(&text(one(&beretning, ".note[role=note]"))).starts_with("Kommentar til tabell:")
    );
    let hrefs: Vec<&str> =
        beretning.select(&sel("main p a")).filter_map(|a| a.value().attr("href")).collect();
    assert!(hrefs.contains(&"#tabell-0-1-b"), "{hrefs:?}");
    assert!(hrefs.contains(&"kapittel-3.html#seksjon-3-1"), "{hrefs:?}");

    let k3 = site.page("kapittel-3.html");
    // Nested list.
    let nested: Vec<String> = k3.select(&sel("main ul > li > ul > li")).map(text).collect();
    // The marker is text («–» one level down), hidden from screen readers.
    assert_eq!(nested, ["– Regnskap", "– Innkjøp"]);
    for marker in k3.select(&sel("main ul.marked > li > .marker")) {
        assert_eq!(marker.value().attr("aria-hidden"), Some("true"));
    }
    let top: Vec<String> =
        k3.select(&sel("main ul.marked > li > .marker")).map(text).filter(|m| m == "•").collect();
    assert!(!top.is_empty(), "top-level bullets printed as «•»");
    // External link.
    one(&k3, "main a[href=\"https://www.oslo.kommune.no/bydeler/bydel-bjerke/\"]");
    // Goal/measure table.
    let goals = one(&k3, "table.goals");
    assert_eq!(text(one_in(goals, "caption")), "Mål og tiltak FO1");
    assert!(text(one_in(goals, "th[scope=rowgroup]")).contains("heltidsstillinger"));
    assert_eq!(goals.select(&sel("tr.measure th[scope=row]")).count(), 2);
    // Figure: the bytes are in the site, the alt text from the model.
    let img = one(&k3, "figure img");
    assert_eq!(img.value().attr("src"), Some("figurer/bilder/omrader.svg"));
    assert!(img.value().attr("alt").unwrap_or("").starts_with("Søylediagram"));
    assert!(site.text("figurer/bilder/omrader.svg").starts_with("<svg"));
    assert!(text(one(&k3, "figure figcaption")).contains("barnehageplass"));

    let k4 = site.page("kapittel-4.html");
    let checklist = one(&k4, "table.checklist");
    let answers: Vec<String> = checklist.select(&sel("td.answer")).map(text).collect();
    // `answer_header: Ja/nei`: one column holding the answer as a word, as the form prints it.
    assert_eq!(answers, ["Ja", "", "Ja", "Nei", "Delvis"]);
    // An unanswered question is an ordinary row, not a sub-heading.
    assert_eq!(checklist.select(&sel("tr.group")).count(), 0);
    let unanswered = checklist
        .select(&sel("tbody th[scope=row]"))
        .find(|th| text(*th) == "Er tiltak i handlingsplanen")
        .expect("the unanswered question is a row header");
    assert_eq!(unanswered.value().attr("colspan"), None);
    assert!(checklist.select(&sel("br")).count() == 1, "line break in a comment");
}

#[test]
fn checklists_have_one_column_per_answer_with_an_x_a_screen_reader_hears() {
    let site = Site::of(&sample());
    let k1 = site.page("kapittel-1.html");
    let checklist = one(&k1, "table.checklist");
    // The caption as written is the table's accessible name.
    let caption = one_in(checklist, "caption");
    assert_eq!(text(caption), "Handlingsplan for mennesker med funksjonsnedsettelse");
    assert_eq!(checklist.value().attr("aria-labelledby"), caption.value().attr("id"));
    let heads: Vec<String> = checklist.select(&sel("thead th[scope=col]")).map(text).collect();
    assert_eq!(
        heads,
        ["Områder fra handlingsplanen", "Ja", "Delvis", "Nei", "Ikke aktuelt", "Kommentar"]
    );
    let rows: Vec<ElementRef<'_>> = checklist.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), 3);
    // Per row: what each answer cell shows, and what a screen reader hears in it.
    let marks = |row: ElementRef<'_>| -> Vec<(String, String)> {
        row.select(&sel("td.answer"))
            .map(|td| {
                let shown = td.select(&sel("[aria-hidden=true]")).map(text).collect::<String>();
                let heard = td.select(&sel(".visually-hidden")).map(text).collect::<String>();
                (shown, heard)
            })
            .collect()
    };
    let none = (String::new(), String::new());
    let x = |a: &str| ("X".to_string(), a.to_string());
    assert_eq!(text(one_in(rows[0], "th[scope=row]")), "Planarbeid");
    assert_eq!(marks(rows[0]), [none.clone(), none.clone(), none.clone(), none.clone()]);
    assert_eq!(marks(rows[1]), [x("Ja"), none.clone(), none.clone(), none.clone()]);
    assert_eq!(marks(rows[2]), [none.clone(), x("Delvis"), none.clone(), none.clone()]);
}

/// A chart: an inline SVG that is one image with a name and a description, and its figures as a
/// table behind a disclosure, with a link to the table they come from.
#[test]
fn charts_are_inline_svg_with_their_figures_behind_a_disclosure() {
    let site = Site::of(&load("examples/minimal"));
    let page = site.page("kapittel-2.html");
    let chart = one(&page, "figure.chart#diagram-1");
    let caption = one_in(chart, "figcaption");
    assert_eq!(chart.value().attr("aria-labelledby"), caption.value().attr("id"));
    assert!(text(caption).starts_with("Regulert budsjett og regnskap 2024 per funksjonsområde"));
    let svg = one_in(chart, ".chart-wide svg");
    // The narrow drawing (shown instead on phones) has ids of its own.
    let narrow = one_in(chart, ".chart-narrow svg");
    assert_eq!(
        narrow.value().attr("aria-labelledby"),
        Some("diagram-1-smal-tittel diagram-1-smal-beskrivelse")
    );
    assert_eq!(svg.value().attr("role"), Some("img"));
    let title = one_in(svg, "title");
    let desc = one_in(svg, "desc");
    assert_eq!(
        svg.value().attr("aria-labelledby").map(str::to_string),
        Some(format!(
            "{} {}",
            title.value().id().unwrap_or_default(),
            desc.value().id().unwrap_or_default()
        ))
    );
    // The description reads the figures as the table prints them.
    let alt = text(desc);
    assert!(alt.starts_with("Gruppert søylediagram: Regulert budsjett og regnskap"), "{alt}");
    assert!(alt.contains(&format!("regulert budsjett 2024 187{NBSP}710")), "{alt}");
    // Axis ticks in Norwegian figures.
    let ticks: Vec<String> = svg.select(&sel("g.grid text")).map(text).collect();
    assert!(ticks.contains(&format!("100{NBSP}000")), "{ticks:?}");
    let details = one_in(chart, "details");
    assert_eq!(text(one_in(details, "summary")), "Tallene i diagrammet");
    let table = one_in(details, "table");
    let heads: Vec<String> = table.select(&sel("thead th[scope=col]")).map(text).collect();
    assert_eq!(heads, ["Netto driftsutgifter", "Regulert budsjett 2024", "Regnskap 2024"]);
    let rows: Vec<ElementRef<'_>> = table.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), 3, "the sum row is not a bar");
    assert_eq!(text(one_in(rows[1], "th[scope=row]")), "Funksjonsområde 2A Barnehager");
    let cells: Vec<String> = rows[1].select(&sel("td")).map(text).collect();
    assert_eq!(cells, [format!("187{NBSP}710"), format!("183{NBSP}784")]);
    let link = one_in(details, "a");
    assert_eq!(link.value().attr("href"), Some("#tabell-0-1-b"));
    // The line chart of the key figures, on the page of section 2.3.
    let line = site.pages().into_iter().find_map(|(_, doc)| {
        doc.select(&sel("figure.chart")).map(text).find(|t| t.contains("Barn med barnehageplass"))
    });
    assert!(line.is_some_and(|t| t.contains("Linjediagram")), "a line chart with its data table");
    // Markup characters in a caption are text in the SVG, not elements.
    let sample = Site::of(&sample());
    let caption = r##"Regnskap 2024 <i>per</i> funksjonsområde & "#set""##;
    let titles: Vec<String> = sample
        .pages()
        .iter()
        .flat_map(|(_, doc)| {
            let charts: Vec<String> = doc
                .select(&sel("figure.chart .chart-wide svg"))
                .map(|svg| {
                    assert_eq!(svg.select(&sel("i")).count(), 0, "an <i> element in the SVG");
                    text(one_in(svg, "title"))
                })
                .collect();
            charts
        })
        .collect();
    assert_eq!(titles, [caption]);
}

#[test]
fn pdf_link_on_every_page_only_when_there_is_a_pdf() {
    let site = Site::of(&sample());
    for (path, doc) in site.pages() {
        assert!(doc.select(&sel(&format!("a[href=\"{PDF}\"]"))).count() >= 1, "{path}");
    }
    one(&site.page("index.html"), &format!("main a.button[href=\"{PDF}\"]"));

    let files =
        html::render(&sample(), &TemplateDir::default(), &HtmlOptions::default()).expect("renders");
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let text = std::str::from_utf8(&file.bytes).expect("UTF-8");
        assert!(!text.contains(".pdf"), "{}: PDF link without a PDF", file.path);
    }
}
