//! A small, realistic validated report (figures from Bydel Bjerke's årsberetning 2024),
//! built by hand. Used by the renderer's unit tests, the integration tests, the HTML
//! benchmark and the accessibility check until reports are loaded from folders; not part
//! of the supported API.

use std::str::FromStr;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::*;
use crate::source::Span;

fn t(text: &str) -> Inline {
    Inline::Text { text: text.to_string() }
}

fn p(parts: Vec<Inline>) -> Block {
    Block::Paragraph { content: parts }
}

fn para(text: &str) -> Block {
    p(vec![t(text)])
}

fn heading(text: &str) -> Block {
    Block::Heading { content: vec![t(text)] }
}

fn item(text: &str, children: Vec<ListItem>) -> ListItem {
    ListItem { content: vec![t(text)], children }
}

/// A cell as printed in the CSV: `2 351`, `-54 213`, `-`, `89,4 %`, `*`, empty.
fn cell(text: &str) -> Cell {
    let text = text.trim();
    match text {
        "" => Cell::Empty,
        "-" | "–" => Cell::Dash,
        "*" => Cell::NotAvailable,
        _ => {
            let percent = text.ends_with('%');
            let digits: String = text
                .trim_end_matches('%')
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == ',' { '.' } else { c })
                .collect();
            match Decimal::from_str(&digits) {
                Ok(value) => Cell::Number(Number { value, percent, scale: value.scale() }),
                Err(_) => Cell::Text(text.to_string()),
            }
        }
    }
}

fn column(key: &str, header: &str, kind: ColumnKind) -> Column {
    Column { key: key.to_string(), header: header.to_string(), kind }
}

/// A table from CSV-like text (`;`-separated, header first). Rows whose label starts with
/// "Sum" or equals one of `sums` are sum rows; rows with only a label are group rows.
#[allow(clippy::too_many_arguments)]
fn table(
    id: &str,
    number: Option<&str>,
    caption: &str,
    unit: Option<&str>,
    kind: TableKind,
    csv: &str,
    sums: &[&str],
    footnotes: Vec<Vec<Inline>>,
) -> Table {
    let mut lines = csv.lines().map(str::trim).filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().unwrap_or_default().split(';').collect();
    let columns = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let kind = if i == 0 { ColumnKind::Text } else { ColumnKind::Number };
            column(&format!("k{i}"), h, kind)
        })
        .collect();
    let rows = lines
        .map(|line| {
            let fields: Vec<&str> = line.split(';').collect();
            let label = fields[0].to_string();
            let rest: Vec<Cell> = fields[1..].iter().map(|f| cell(f)).collect();
            let style = if rest.iter().all(|c| *c == Cell::Empty) {
                RowStyle::Group
            } else if label.starts_with("Sum") || sums.contains(&label.as_str()) {
                RowStyle::Sum
            } else {
                RowStyle::Normal
            };
            let mut cells = vec![Cell::Text(label)];
            cells.extend(rest);
            Row { cells, style, span: Span::default(), cell_spans: Vec::new(), malformed: false }
        })
        .collect();
    let anchor = match number {
        Some(n) => format!("tabell-{}", n.to_lowercase().replace(['.', ' '], "-")),
        None => format!("tabell-{id}"),
    };
    Table {
        id: id.to_string(),
        number: number.map(str::to_string),
        anchor,
        caption: caption.to_string(),
        unit: unit.map(str::to_string),
        kind,
        columns,
        header_groups: Vec::new(),
        rows,
        footnotes,
        source: format!("tabeller/{id}.csv"),
    }
}

const NETTO_OVERSIKT: &str = "\
Netto driftsutgifter;Regnskap 2023;Oppr. Budsjett 2024;Regulert budsjett 2024;Regnskap 2024;Avvik reg.bud/regnskap 2024
Funksjonsområde 1;89 672;44 401;60 654;98 290;-37 636
Funksjonsområde 2A;480 469;511 299;579 616;516 981;62 635
Funksjonsområde 2B;108 429;102 726;107 814;104 014;3 800
Funksjonsområde 2C;69 655;66 396;75 571;69 138;6 433
Funksjonsområde 3;666 777;674 571;677 877;699 770;-21 893
Sum netto utgifter, drift;1 415 002;1 399 393;1 501 532;1 488 193;13 339
Funk.omr. 4, Sosiale tjenester og ytelser (netto utg.);236 713;255 959;310 082;271 981;38 101
Sum netto utgift + sosialhjelp;1 651 715;1 655 352;1 811 614;1 760 174;51 440";

const NETTO_FO1: &str = "\
Netto driftsutgifter pr. KOSTRA-funksjon;Regnskap 2023;Oppr. Budsjett 2024;Regulert budsjett 2024;Regnskap 2024;Avvik reg.bud/regnskap 2024
100 Politisk styring;2 351;2 268;2 343;850;1 494
110 Kontroll og revisjon;313;650;650;310;340
120 Administrasjon;37 664;29 682;86 152;46 495;39 657
130 Adm.lokaler;23 059;3 809;-54 213;24 172;-78 384
180 Div. fellesutgifter;-;-9;-9;-;-9
301 Plansaksbehandling;1 172;1 022;1 067;1 516;-449
315 Boligbygging og fysiske bomiljøtiltak;5 853;-1 588;17 431;5 660;11 771
335 Rekreasjon i tettsted;5 335;1 068;-257;6 729;-6 986
360 Naturforvaltning og friluftsliv;-;486;486;-;486
385 Andre kulturaktiviteter og tilskudd til andres kulturbygg;4 985;4 678;4 846;3 669;1 176
386 Kommunale kulturbygg;9 806;2 334;2 158;10 013;-7 855
860 Motpost avskrivninger;-867;-;-;-1 123;1 123
Sum netto utgifter *);89 670;44 401;60 654;98 290;-37 636";

const SYKEFRAVAER: &str = "\
Sykefravær i %;Resultat 2023;Mål 2024;Resultat 2024
Korttid (0-16 dager);4,05;;4,21
Langtid (17 - > dager);8,6;;7,93
Totalt;12,99;9,2;12,14";

const NOKKELTALL_FO2A: &str = "\
Nøkkeltall for: Funksjonsområde 2A – Barnehager;Resultat 2020;Resultat 2021;Resultat 2022;Resultat 2023;Resultat 2024¹
Innhold;;;;;
Andel barn i barnehage med vedtak om spesialpedagogisk hjelp;43 %;39 %;42 %;43 %;
Andel pedagogiske ledere med godkjent utdanning i kommunale og private barnehager;90 %;93 %;82 %;90 %;91 %
Korrigerte brutto driftsutgifter i kroner per barn i kommunal barnehage;231 106;247 949;271 354;280 294;*
Utbygging;;;;;
Andel barn 1-2 år med barnehageplass (dekningsgrad);78 %;77 %;83 %;80 %;
Antall barn 3-5 år med barnehageplass;1 214;1 212;1 236;1 193;";

const BEFOLKNING: &str = "\
Befolkningsutvikling;01.01.2023;01.01.2024;01.01.2023;01.01.2024
0 år;516;482;6,35 %;5,79 %
1-2 år;991;987;6,08 %;6,23 %
3-5 år;1 380;1 339;6,32 %;6,17 %
6-12 år;3 113;3 124;6,16 %;6,25 %
13-17 år;2 122;2 234;6,04 %;6,24 %
Sum 0-17 år;8 122;8 166;6,16 %;6,20 %";

/// A bar chart of the kindergarten coverage, as an SVG figure.
const FIGURE_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320" width="640" height="320" role="img">
<rect width="640" height="320" fill="#f8f0dd"/>
<g font-family="sans-serif" font-size="18" fill="#2a2859">
<text x="24" y="36" font-size="20" font-weight="bold">Andel barn 1–5 år med barnehageplass</text>
<rect x="60" y="110" width="80" height="170" fill="#2a2859"/><text x="70" y="100">86,2 %</text><text x="78" y="304">2021</text>
<rect x="200" y="100" width="80" height="180" fill="#2a2859"/><text x="210" y="90">87,1 %</text><text x="218" y="304">2022</text>
<rect x="340" y="96" width="80" height="184" fill="#2a2859"/><text x="350" y="86">87,8 %</text><text x="358" y="304">2023</text>
<rect x="480" y="80" width="80" height="200" fill="#1f42aa"/><text x="490" y="70">89,4 %</text><text x="498" y="304">2024</text>
</g></svg>
"##;

/// The sample report.
pub fn report() -> Report {
    let mut netto_oversikt = table(
        "netto-oversikt",
        Some("0.1 B"),
        "Netto driftsutgifter i 1000 kr.",
        Some("1000 kr"),
        TableKind::Overview,
        NETTO_OVERSIKT,
        &[],
        vec![],
    );
    netto_oversikt.columns[0].key = "funksjonsomrade".into();

    let mut netto_fo1 = table(
        "netto-fo1",
        Some("3.1"),
        "Hovedoversikt økonomi FO 1 - netto driftsutgifter",
        Some("1000 kr"),
        TableKind::Kostra,
        NETTO_FO1,
        &[],
        vec![vec![
            t("*) Tall overføres hovedoversikten, "),
            Inline::Link { url: "#tabell-0-1-b".into(), content: vec![t("tabell 0.1 B")] },
        ]],
    );
    for (column, key) in netto_fo1.columns.iter_mut().zip([
        "funksjon",
        "regnskap_fjor",
        "opprinnelig",
        "regulert",
        "regnskap",
        "avvik",
    ]) {
        column.key = key.into();
    }

    let sykefravaer = table(
        "k4-sykefravaer",
        None,
        "Sykefravær",
        None,
        TableKind::Generic,
        SYKEFRAVAER,
        &["Totalt"],
        vec![],
    );

    let nokkeltall = table(
        "fo2a-nokkeltall",
        Some("3.2"),
        "Nøkkeltall for: Funksjonsområde 2A – Barnehager",
        None,
        TableKind::KeyFigures,
        NOKKELTALL_FO2A,
        &[],
        vec![vec![t(
            "¹ Nøkkeltall for 2024 er ikke tilgjengelig ved publisering av årsberetning 2024",
        )]],
    );

    let mut befolkning = table(
        "k2-befolkning",
        Some("3.3"),
        "Befolkning i bydelen etter alder",
        None,
        TableKind::Population,
        BEFOLKNING,
        &[],
        vec![],
    );
    befolkning.header_groups = vec![
        HeaderGroup { title: String::new(), span: 1 },
        HeaderGroup { title: "Antall".into(), span: 2 },
        HeaderGroup { title: "Andel av befolkningen i Oslo".into(), span: 2 },
    ];

    let tables = vec![netto_oversikt, netto_fo1, sykefravaer, nokkeltall, befolkning];

    let beretning = Chapter {
        id: "beretning".into(),
        number: None,
        title: "Bydelsdirektørens beretning".into(),
        blocks: vec![
            para(
                "Bydelen har i vedtatt Strategisk plan lagt føringer for alt arbeid i perioden. \
                 Bydelsutvalget har prioritert fem satsingsområder.",
            ),
            heading("Språk"),
            p(vec![
                t("Språk er satsingsområde. Godt språk er nøkkelen for læring og mestring. \
                   Andel barn med plass i barnehagene i aldersgruppen 1–5 år var pr. 15.12.2024 "),
                Inline::Strong { content: vec![t("89,4\u{a0}%")] },
                t(", en økning på 1,6 prosentpoeng."),
                Inline::Footnote {
                    content: vec![t("Kilde: Oslo kommunes barnehagestatistikk pr. 15.12.2024.")],
                },
            ]),
            heading("Økonomi"),
            p(vec![
                t("Bydelen fikk et mindreforbruk på 51,4 mill. kroner, se "),
                Inline::Link { url: "#tabell-0-1-b".into(), content: vec![t("tabell 0.1 B")] },
                t(" og "),
                Inline::Link {
                    url: "#seksjon-3-1".into(),
                    content: vec![t("avsnitt 3.1 om administrasjon")],
                },
                t("."),
            ]),
            Block::Table { index: 0 },
            Block::Note {
                title: "Kommentar til tabell".into(),
                paragraphs: vec![vec![t(
                    "“Andre utvalg” besto i 2023 av Eldrerådet og Rådet for personer med \
                     funksjonsnedsettelse. Ungdomsrådet er lagt til som egen linje.",
                )]],
            },
        ],
        sections: vec![],
        source: "kapitler/00-beretning.yaml".into(),
    };

    let kapittel3 = Chapter {
        id: "kapittel-3".into(),
        number: Some("3".into()),
        title: "Målopnåelse".into(),
        blocks: vec![p(vec![
            t("Kapitlet beskriver måloppnåelse per funksjonsområde. Les mer på "),
            Inline::Link {
                url: "https://www.oslo.kommune.no/bydeler/bydel-bjerke/".into(),
                content: vec![t("bydelens nettsider")],
            },
            t("."),
        ])],
        sections: vec![
            Section {
                id: "seksjon-3-1".into(),
                number: Some("3.1".into()),
                level: 2,
                title: "Funksjonsområde 1: Administrasjon og fellestjenester".into(),
                blocks: vec![
                    para(
                        "Administrasjon og fellestjenester er rendyrket til administrasjon, \
                         fellestjenester og enkelte nærmiljøoppgaver, herunder:",
                    ),
                    Block::List {
                        ordered: false,
                        items: vec![
                            item("HR", vec![]),
                            item(
                                "Økonomi",
                                vec![item("Regnskap", vec![]), item("Innkjøp", vec![])],
                            ),
                            item("IKT og digitalisering", vec![]),
                            item("Politisk sekretariat", vec![]),
                        ],
                    },
                    Block::Table { index: 1 },
                    Block::Note {
                        title: "Kommentar".into(),
                        paragraphs: vec![vec![t(
                            "Avviket på Kostra 120 og Kostra 130 skyldes regnskapstekniske føringer \
                             i budsjettet.",
                        )]],
                    },
                ],
                sections: vec![
                    Section {
                        id: "seksjon-3-1-1".into(),
                        number: Some("3.1.1".into()),
                        level: 3,
                        title: "Hovedmål".into(),
                        blocks: vec![Block::Goals(Goals {
                            caption: Some("Mål og tiltak FO1".into()),
                            goal_header: "Hovedmål".into(),
                            comment_header: "Kommentar".into(),
                            goals: vec![Goal {
                                goal: vec![t(
                                    "Styrke arbeidet med å øke andelen heltidsstillinger",
                                )],
                                measures: vec![
                                    Measure {
                                        measure: vec![t(
                                            "Tiltak 1: Kartlegge omfanget av ufrivillig deltid",
                                        )],
                                        comment: vec![t(
                                            "Gjennomført. Pr. desember 2024 er det 23 personer som \
                                             ønsker utvidelser.",
                                        )],
                                    },
                                    Measure {
                                        measure: vec![t(
                                            "Tiltak 2: Tilrettelegge turnuser for hele stillinger",
                                        )],
                                        comment: vec![t("Arbeidet pågår.")],
                                    },
                                ],
                            }],
                        })],
                        sections: vec![],
                    },
                    Section {
                        id: "seksjon-3-1-2".into(),
                        number: Some("3.1.2".into()),
                        level: 3,
                        title: "Sykefravær".into(),
                        blocks: vec![
                            para("Sykefraværet gikk ned fra 12,99 % i 2023 til 12,14 % i 2024."),
                            Block::Table { index: 2 },
                        ],
                        sections: vec![],
                    },
                ],
            },
            Section {
                id: "seksjon-3-2".into(),
                number: Some("3.2".into()),
                level: 2,
                title: "Funksjonsområde 2A: Barnehager".into(),
                blocks: vec![
                    para("Bydelen har opprettet flere småbarnsplasser i 2024."),
                    Block::Figure(Figure {
                        path: "bilder/omrader.svg".into(),
                        alt: "Søylediagram: andelen barn 1–5 år med barnehageplass steg fra \
                              86,2 % i 2021 til 89,4 % i 2024."
                            .into(),
                        caption: Some(vec![t("Andel barn 1–5 år med barnehageplass, 2021–2024")]),
                        data: Arc::new(FIGURE_SVG.as_bytes().to_vec()),
                    }),
                    Block::Table { index: 3 },
                    Block::Table { index: 4 },
                ],
                sections: vec![],
            },
        ],
        source: "kapitler/03-maloppnaelse.yaml".into(),
    };

    let kapittel4 = Chapter {
        id: "kapittel-4".into(),
        number: Some("4".into()),
        title: "Særskilte rapporteringer".into(),
        blocks: vec![],
        sections: vec![Section {
            id: "seksjon-4-1".into(),
            number: Some("4.1".into()),
            level: 2,
            title: "Universell utforming".into(),
            blocks: vec![Block::Checklist(Checklist {
                caption: Some("Handlingsplan for universell utforming".into()),
                question_header: "Problemstilling".into(),
                answer_header: "Ja/nei".into(),
                comment_header: "Kommentarer".into(),
                items: vec![
                    ChecklistItem {
                        question: vec![t(
                            "Har virksomheten utarbeidet handlingsplan for universell utforming?",
                        )],
                        answer: Some(Answer::Ja),
                        comment: vec![t(
                            "Bydelen undersøker forhold ang. UU i alle reguleringsplaner på høring.",
                        )],
                    },
                    ChecklistItem {
                        question: vec![t("Er tiltak i handlingsplanen")],
                        answer: None,
                        comment: vec![],
                    },
                    ChecklistItem {
                        question: vec![t("a) Behovsvurdert")],
                        answer: Some(Answer::Ja),
                        comment: vec![],
                    },
                    ChecklistItem {
                        question: vec![t("b) Kostnadsberegnet")],
                        answer: Some(Answer::Nei),
                        comment: vec![],
                    },
                    ChecklistItem {
                        question: vec![t("Er det søkt om tilskudd til tiltak i handlingsplanen?")],
                        answer: Some(Answer::Delvis),
                        comment: vec![
                            t("1. Søknad sendt Husbanken"),
                            Inline::LineBreak,
                            t("2. Søknad om midler til HC-parkering"),
                        ],
                    },
                ],
            })],
            sections: vec![],
        }],
        source: "kapitler/04-saerskilt.yaml".into(),
    };

    Report {
        meta: Meta {
            title: "Årsberetning 2024".into(),
            subtitle: Some("Bydelsutvalgets vedtak".into()),
            district: "Bydel Bjerke".into(),
            organisation: "Oslo kommune".into(),
            year: 2024,
            language: "nb".into(),
            unit: "1000 kr".into(),
            date: Date { year: 2025, month: 3, day: 1 },
            running_header: "Årsberetning 2024 Bydel Bjerke".into(),
            output_name: "arsberetning-2024-bydel-bjerke".into(),
            templates: None,
            keywords: vec!["årsberetning".into(), "Oslo kommune".into(), "Bydel Bjerke".into()],
        },
        chapters: vec![beretning, kapittel3, kapittel4],
        tables,
        facts: Default::default(),
    }
}
