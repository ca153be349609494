//! A small, realistic report built by hand for the renderer's unit tests: an unnumbered letter,
//! a numbered chapter with sections at three depths, a KOSTRA table with a sum row and negative
//! avvik, a wide investment table, a note, a goals table, a checklist, nested lists, a footnote,
//! a link, a figure, and a paragraph full of Typst's special characters.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::PdfOptions;
use crate::model::*;

/// A paragraph of characters that are markup in Typst.
pub const SPECIAL: &str = "Tegn: # $ [ ] @ < > \\ * _ ` = - ~ {} #set page(fill: red) $x^2$ <a> @b";

pub const DATE: Date = Date { year: 2025, month: 3, day: 1 };

pub fn options() -> PdfOptions {
    PdfOptions { draft: false, date: DATE }
}

fn t(text: &str) -> Inline {
    Inline::Text { text: text.into() }
}

fn p(parts: Vec<Inline>) -> Block {
    Block::Paragraph { content: parts }
}

fn para(text: &str) -> Block {
    p(vec![t(text)])
}

fn n(value: &str) -> Cell {
    let scale = value.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    Cell::Number(Number {
        value: Decimal::from_str(value).expect("decimal"),
        percent: false,
        scale,
    })
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn row(style: RowStyle, cells: Vec<Cell>) -> Row {
    Row { cells, style, span: Default::default(), cell_spans: Vec::new(), malformed: false }
}

fn column(key: &str, header: &str, kind: ColumnKind) -> Column {
    Column { key: key.into(), header: header.into(), kind }
}

fn kostra() -> Table {
    let num = ColumnKind::Number;
    let r = |label: &str, a: &str, b: &str, c: &str, d: &str, e: &str| {
        let cells = vec![text(label), n(a), n(b), n(c), n(d), n(e)];
        row(RowStyle::Normal, cells)
    };
    let mut rows = vec![
        r("Funksjonsområde 1", "108519", "51051", "67662", "117798", "-50136"),
        r("Funksjonsområde 2A", "554092", "579683", "662319", "591666", "70653"),
        r("Funksjonsområde 2B", "114901", "107364", "112795", "110146", "2649"),
        r("Funksjonsområde 3", "850236", "825804", "832515", "895955", "-63440"),
    ];
    rows.push(row(
        RowStyle::Normal,
        vec![
            text("Funksjonsområde 4"),
            Cell::Dash,
            n("0"),
            Cell::NotAvailable,
            Cell::Empty,
            n("0"),
        ],
    ));
    rows.push(row(
        RowStyle::Sum,
        vec![
            text("Sum brutto utgifter, drift"),
            n("1627748"),
            n("1563902"),
            n("1675291"),
            n("1714058"),
            n("-42741"),
        ],
    ));
    Table {
        id: "brutto-oversikt".into(),
        number: Some("0.1 B".into()),
        anchor: "tabell-0-1-b".into(),
        caption: "Brutto driftsutgifter".into(),
        unit: Some("1000 kr".into()),
        kind: TableKind::Kostra,
        columns: vec![
            column("funksjon", "Brutto driftsutgifter", ColumnKind::Text),
            column("regnskap_fjor", "Regnskap 2023", num),
            column("opprinnelig", "Oppr. budsjett 2024", num),
            column("regulert", "Regulert budsjett 2024", num),
            column("regnskap", "Regnskap 2024", num),
            column("avvik", "Avvik reg.bud/ regnskap 2024", num),
        ],
        header_groups: vec![
            HeaderGroup { title: String::new(), span: 2 },
            HeaderGroup { title: "2024".into(), span: 4 },
        ],
        rows,
        footnotes: vec![vec![t("*) Tall overføres hovedoversikten, tabell 0.1 B")]],
        source: "tabeller/brutto.csv".into(),
    }
}

fn investment() -> Table {
    let num = ColumnKind::Number;
    let project = |name: &str, nr: &str, avvik: &str, comment: &str| {
        row(
            RowStyle::Normal,
            vec![
                text(name),
                n(nr),
                n("230"),
                Cell::Empty,
                text("4 kv/25"),
                Cell::Dash,
                n("3151"),
                n("1118"),
                n(avvik),
                text(comment),
            ],
        )
    };
    Table {
        id: "investeringer".into(),
        number: None,
        anchor: "tabell-investeringer".into(),
        caption: "Investeringsprosjekter for kap.009 Bydel Fixtur".into(),
        unit: Some("1000 kr".into()),
        kind: TableKind::Investment,
        columns: vec![
            column("prosjekt", "Prosjektnavn", ColumnKind::Text),
            column("prosjektnummer", "Prosjektnummer", ColumnKind::Code),
            column("artsgruppe", "Artsgruppe", ColumnKind::Code),
            column("vedtatt_ferdig", "Bystyrevedtatt ferdig (kv/år)", ColumnKind::Text),
            column("forventet_ferdig", "Faktisk/forventet ferdig (kv/år)", ColumnKind::Text),
            column("dok3", "Dok 3 2024", num),
            column("regulert", "Regulert budsjett 2024 (inkl. y.disp- fra 2023)", num),
            column("regnskap", "Regnskap 2024", num),
            column("avvik", "Avvik (VII-VIII)", num),
            column("kommentar", "Kommentarer/årsak til avvik", ColumnKind::Text),
        ],
        header_groups: Vec::new(),
        rows: vec![
            project(
                "Kjøp av bil (BBJ)",
                "11103205",
                "2033",
                "2 mill av budsjettet ble omdisponert fra minibuss til elbiler sent på året.",
            ),
            project(
                "Torg og møteplasser - Årvolldammen",
                "11605202",
                "2033",
                "Restmidlene er planlagt brukt til ytterligere tiltak i samme prosjekt i 2025.",
            ),
            row(
                RowStyle::Sum,
                vec![
                    text("Sum kap.009 Bydel Fixtur"),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Dash,
                    n("6302"),
                    n("2236"),
                    n("4066"),
                    Cell::Empty,
                ],
            ),
        ],
        footnotes: Vec::new(),
        source: "tabeller/investeringer.csv".into(),
    }
}

const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160" viewBox="0 0 400 160"><rect width="400" height="160" fill="#f2f2f2"/><rect x="40" y="40" width="60" height="100" fill="#2a2859"/><rect x="140" y="70" width="60" height="70" fill="#1f42aa"/><rect x="240" y="20" width="60" height="120" fill="#6fe9ff"/></svg>"##;

/// The report.
pub fn report() -> Report {
    let letter = Chapter {
        id: "beretning".into(),
        number: None,
        title: "Bydelsdirektørens beretning".into(),
        blocks: vec![
            p(vec![
                t("Bydelen har i vedtatt "),
                Inline::Strong { content: vec![t("Strategisk plan")] },
                t(" lagt føringer for alt arbeid, se "),
                Inline::Link {
                    url: "https://www.oslo.kommune.no".into(),
                    content: vec![t("oslo.kommune.no")],
                },
                t(" og "),
                Inline::Link { url: "#tabell-0-1-b".into(), content: vec![t("tabell 0.1 B")] },
                t("."),
            ]),
            Block::Heading { content: vec![t("Språk")] },
            p(vec![
                t("Andel barn med plass i barnehagene var "),
                Inline::Emph { content: vec![t("89,4\u{a0}%")] },
                t(" pr. 15.12.2024."),
                Inline::Footnote { content: vec![t("Kilde: Barnehagebasen, 15.12.2024.")] },
                Inline::LineBreak,
                t("En økning på 1,6 prosentpoeng."),
            ]),
        ],
        sections: Vec::new(),
        source: "kapitler/00-beretning.yaml".into(),
    };
    let goals = Goals {
        caption: Some("Mål og tiltak FO2A".into()),
        goal_header: "Hovedmål".into(),
        comment_header: "Kommentar".into(),
        goals: vec![Goal {
            goal: vec![t(
                "Barn og unge skal ha et trygt og inkluderende oppvekst- og læringsmiljø",
            )],
            measures: vec![
                Measure {
                    measure: vec![t(
                        "Tiltak 1: Videreføre utviklingsarbeidet med Barnehjernevernet",
                    )],
                    comment: vec![t("Barnehagene har videreført arbeidet med Barnehjernevernet.")],
                },
                Measure {
                    measure: vec![t("Tiltak 2: Delta i utvikling av lokale handlingsplaner")],
                    comment: vec![t("Gjennomført i samarbeid med øvrige tjenester.")],
                },
            ],
        }],
    };
    let checklist = Checklist {
        caption: Some("Handlingsplan for mennesker med funksjonsnedsettelse".into()),
        question_header: "Områder fra handlingsplanen".into(),
        answer_header: "Ja/nei".into(),
        comment_header: "Kommentar".into(),
        items: vec![
            ChecklistItem { question: vec![t("Planarbeid")], answer: None, comment: Vec::new() },
            ChecklistItem {
                question: vec![t("Har virksomheten utarbeidet handlingsplan?")],
                answer: Some(Answer::Ja),
                comment: Vec::new(),
            },
            ChecklistItem {
                question: vec![t("Er tiltakene i planen gjennomført?")],
                answer: Some(Answer::Delvis),
                comment: vec![t("Arbeidet fortsetter i 2025.")],
            },
        ],
    };
    let chapter = Chapter {
        id: "kapittel-1".into(),
        number: Some("1".into()),
        title: "Måloppnåelse og resultater".into(),
        blocks: vec![para("Kapitlet omtaler økonomi og mål.")],
        sections: vec![Section {
            id: "seksjon-1-1".into(),
            number: Some("1.1".into()),
            level: 2,
            title: "Økonomi".into(),
            blocks: vec![
                Block::Table { index: 0 },
                Block::Note {
                    title: "Kommentar".into(),
                    paragraphs: vec![vec![t("Avviket skyldes regnskapstekniske føringer.")]],
                },
                para(SPECIAL),
            ],
            sections: vec![Section {
                id: "seksjon-1-1-1".into(),
                number: Some("1.1.1".into()),
                level: 3,
                title: "Investeringer".into(),
                blocks: vec![
                    Block::Table { index: 1 },
                    Block::Goals(goals),
                    Block::Checklist(checklist),
                    Block::List {
                        ordered: false,
                        items: vec![
                            ListItem { content: vec![t("HR")], children: Vec::new() },
                            ListItem {
                                content: vec![t("Økonomi")],
                                children: vec![ListItem {
                                    content: vec![t("Regnskap")],
                                    children: Vec::new(),
                                }],
                            },
                        ],
                    },
                    Block::List {
                        ordered: true,
                        items: vec![
                            ListItem { content: vec![t("Første")], children: Vec::new() },
                            ListItem { content: vec![t("Andre")], children: Vec::new() },
                        ],
                    },
                    Block::Figure(Figure {
                        path: "bilder/søyler.svg".into(),
                        alt: "Søylediagram over netto driftsutgifter per funksjonsområde".into(),
                        caption: Some(vec![t("Netto driftsutgifter per funksjonsområde")]),
                        data: Arc::new(SVG.as_bytes().to_vec()),
                    }),
                ],
                sections: Vec::new(),
            }],
        }],
        source: "kapitler/01-maal.yaml".into(),
    };
    Report {
        meta: Meta {
            title: "Årsberetning 2024".into(),
            subtitle: Some("Bydelsutvalgets vedtak".into()),
            district: "Bydel Fixtur".into(),
            organisation: "Oslo kommune".into(),
            year: 2024,
            language: "nb".into(),
            unit: "1000 kr".into(),
            date: DATE,
            running_header: "Årsberetning 2024 Bydel Fixtur".into(),
            output_name: "arsberetning-2024-bydel-fixtur".into(),
            templates: None,
            keywords: vec!["årsberetning".into(), "Oslo".into()],
        },
        chapters: vec![letter, chapter],
        tables: vec![kostra(), investment()],
        facts: BTreeMap::new(),
    }
}
