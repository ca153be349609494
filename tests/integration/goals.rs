//! The goal structure of report-data: the overview's content (priorities, counts, statuses),
//! its place in the PDF and on the site, and the statuses in words and symbols.

use std::path::Path;

use arsrapport::model::{GoalKind, Report, Status};
use arsrapport::overview::{Layout, Overview, present};
use arsrapport::pipeline::{CheckOptions, check};
use arsrapport::render::TemplateDir;
use arsrapport::render::html::{self, HtmlOptions};

fn report_data() -> (Report, arsrapport::diag::Summary) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("report-data");
    let checked = check(&dir, &CheckOptions::default());
    assert!(!checked.failed, "report-data checks clean");
    (checked.report.expect("report-data loads"), checked.summary)
}

/// (id, measures, indicators, met, not met, not measured)
type Counts<'a> = (&'a str, usize, usize, usize, usize, usize);

fn counts(o: &Overview, kind: GoalKind) -> Vec<Counts<'_>> {
    o.goals
        .iter()
        .filter(|g| g.goal.kind == kind)
        .map(|g| {
            (
                g.goal.id.as_str(),
                g.measures.len(),
                g.indicators.len(),
                g.count(Status::Met),
                g.count(Status::NotMet),
                g.count(Status::NotMeasured),
            )
        })
        .collect()
}

#[test]
fn the_overview_of_report_data_is_pinned() {
    let (report, summary) = report_data();
    let coverage = summary.goals.expect("report-data declares goals");
    let all = |n| arsrapport::validate::goals::Count { served: n, declared: n };
    assert_eq!(coverage.priorities, all(5));
    assert_eq!(coverage.city_goals, all(6));
    assert_eq!(coverage.approaches, all(3));
    // 23 indicators: counted by hand from the published tables (docs/report-data.md).
    let st = coverage.indicators;
    assert_eq!((st.met, st.not_met, st.not_measured), (10, 7, 6));

    let o = Overview::of(&report).expect("an overview");
    assert_eq!(o.title, "Måloppnåelse per hovedprioritering");
    assert_eq!(o.after.as_deref(), Some("kapitler/03-maloppnaelse.yaml"));
    let titles: Vec<&str> = o
        .goals
        .iter()
        .filter(|g| g.goal.kind == GoalKind::Priority)
        .map(|g| g.goal.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Alle barn behersker norsk ved skolestart",
            "Alle skal kunne bo trygt i egnet hjem",
            "Alle som kan jobbe skal få muligheten til jobb",
            "Redusere barnefattigdom og sosial ulikhet i helse",
            "Alle bo- og nærmiljøer er aktive, inkluderende og helsefremmende",
        ]
    );
    assert_eq!(
        counts(&o, GoalKind::Priority),
        [
            ("p1", 4, 3, 1, 0, 2),
            ("p2", 13, 6, 4, 1, 1),
            ("p3", 9, 2, 0, 2, 0),
            ("p4", 21, 2, 0, 1, 1),
            ("p5", 6, 0, 0, 0, 0),
        ]
    );
    assert_eq!(
        counts(&o, GoalKind::CityGoal),
        [
            ("mal1", 13, 4, 3, 0, 1),
            ("mal2", 10, 6, 4, 1, 1),
            ("mal3", 9, 0, 0, 0, 0),
            ("mal4", 8, 2, 0, 2, 0),
            ("mal5", 10, 0, 0, 0, 0),
            ("mal6", 6, 1, 1, 0, 0),
        ]
    );
}

#[test]
fn indicator_statuses_are_computed_exactly() {
    let (report, _) = report_data();
    let status = |table: &str, row: &str| {
        let ti = report.tables.iter().position(|t| t.id == table).expect("table");
        let ri =
            report.tables[ti].rows.iter().position(|r| r.label().starts_with(row)).expect("row");
        report.strategy.indicator(ti, ri).map(|i| i.status)
    };
    // 89,4 % against a måltall of 89,4 %: met, exactly.
    assert_eq!(status("fo2a-indikatorer-5", "Dekningsgrad"), Some(Status::Met));
    // 84 % against 100: not met.
    assert_eq!(status("fo2b-indikatorer", "Andel avsluttede"), Some(Status::NotMet));
    // «*»: the result for 2024 is not available.
    assert_eq!(status("fo2a-indikatorer-1", "Foreldreundersøkelse"), Some(Status::NotMeasured));
    // «<30» is not one figure.
    assert_eq!(status("fo3-indikatorer", "Antall betalingspliktige"), Some(Status::NotMeasured));
    // Lower is better: 8,4 hip fractures would have met 8,4, but the result is «*».
    assert_eq!(status("fo3-indikatorer", "Antall innbyggere 65"), Some(Status::NotMeasured));
    // Every row of every indicator table declares its direction.
    for (ti, t) in report.tables.iter().enumerate() {
        if t.kind == arsrapport::model::TableKind::Indicators {
            for ri in 0..t.rows.len() {
                assert!(report.strategy.indicator(ti, ri).is_some(), "{} row {ri}", t.id);
            }
        }
    }
}

#[test]
fn the_pdf_gets_one_chapter_and_the_site_a_page_per_priority() {
    let (report, _) = report_data();
    let ids = |r: &Report| r.chapters.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    let before = ids(&report);
    let at = before.iter().position(|id| id == "kapittel-3").expect("chapter 3") + 1;

    let overview = Overview::of(&report);
    let pdf = present(&report, overview.as_ref(), Layout::Sections);
    let pdf_ids = ids(&pdf);
    assert_eq!(pdf_ids.len(), before.len() + 1);
    assert_eq!(pdf_ids[at], "maloversikt");
    let sections: Vec<&str> = pdf.chapters[at].sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(&sections[..5], ["mal-p1", "mal-p2", "mal-p3", "mal-p4", "mal-p5"]);
    assert_eq!(sections.len(), 5 + 6 + 3);
    assert_eq!(pdf.chapters[at].number, None, "the chapters keep their numbers");

    let site = present(&report, overview.as_ref(), Layout::Pages);
    let site_ids = ids(&site);
    assert_eq!(
        site_ids[at..at + 6],
        ["maloversikt", "mal-p1", "mal-p2", "mal-p3", "mal-p4", "mal-p5"]
    );
    assert_eq!(site_ids[at + 6], before[at]);
}

#[test]
fn statuses_show_in_words_and_symbols_on_the_site() {
    let (report, _) = report_data();
    let files = html::render(
        &present(&report, Overview::of(&report).as_ref(), Layout::Pages),
        &TemplateDir::default(),
        &HtmlOptions::default(),
    )
    .expect("the site renders");
    let page = |name: &str| {
        let f = files.iter().find(|f| f.path == name).unwrap_or_else(|| panic!("{name}"));
        String::from_utf8(f.bytes.clone()).expect("UTF-8")
    };
    let p1 = page("mal-p1.html");
    assert!(p1.contains("Hovedprioritering 1: Alle barn behersker norsk ved skolestart"));
    assert!(p1.contains("✓ Nådd"), "the symbol goes with the word");
    assert!(p1.contains("○ Ikke målt"));
    assert!(p1.contains("resultatet er ikke tilgjengelig"));
    assert!(
        p1.contains("href=\"kapittel-3.html#tabell-fo2a-indikatorer-5\""),
        "links to the table"
    );
    // Each measure's goals, linked to the goal's page.
    let fo2a = page("kapittel-3.html");
    assert!(fo2a.contains("href=\"mal-p1.html\""), "a goal row links to its priority's page");
    assert!(
        fo2a.contains("href=\"maloversikt.html#mal-mal1\""),
        "a city goal links into the overview"
    );
}

#[test]
fn directions_bands_and_the_default_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/goals");
    let checked = check(&dir, &CheckOptions::default());
    assert!(!checked.failed);
    let report = checked.report.expect("loads");
    let statuses: Vec<Status> = report.strategy.indicators.iter().map(|i| i.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Met,         // 89,4 % ≥ 89,4 %
            Status::NotMet,      // lower is better: 11 > 10
            Status::NotMet,      // 96 % outside 90 %–95 %
            Status::NotMeasured, // «*»
        ]
    );
    let o = Overview::of(&report).expect("an overview");
    assert_eq!(o.after, None);
    let p3 = o.goals.iter().find(|g| g.goal.id == "p3").expect("p3");
    assert_eq!(p3.goal.label(), "Hovedprioritering 3", "`number:` is the printed number");
    assert_eq!(p3.measures.len(), 1, "a measure's own `serves:`");
    let mal2 = o.goals.iter().find(|g| g.goal.id == "mal2").expect("mal2");
    assert_eq!(mal2.measures.len(), 2, "both measures under the goal row");
    assert_eq!(mal2.restated_by.len(), 1, "the item of the nested list");
    let shown = present(&report, Some(&o), Layout::Sections);
    assert_eq!(shown.chapters.last().map(|c| c.id.as_str()), Some("maloversikt"));
    // The band's status comes with its band in the footnote under the table.
    let notes = format!("{:?}", shown.tables[0].footnotes);
    assert!(
        notes.contains("✗ Ikke nådd") && notes.contains(r"målområde 90\u{a0}%–95\u{a0}%"),
        "{notes}"
    );
}

/// The goal findings and the coverage lines speak Norwegian by default (`--lang nb`).
#[test]
fn the_goal_and_chart_findings_are_norwegian() {
    use crate::check::{fixtures, run_in};
    let (_, _, stderr) = run_in(&fixtures(), &["--lang", "nb", "check", "invalid/goal-coverage"]);
    assert!(
        stderr.contains(
            "ingen tiltak eller indikatorer i rapporten bidrar til Hovedprioritering 2 «p2»"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "mål som et tiltak eller en indikator bidrar til: 1 av 2 hovedprioriteringer"
        ),
        "{stderr}"
    );
    let (_, _, stderr) = run_in(&fixtures(), &["--lang", "nb", "check", "invalid/chart"]);
    assert!(stderr.contains("tabell `oversikt` har ingen kolonne «regnskapp»"), "{stderr}");
    let (_, _, english) = run_in(&fixtures(), &["--lang", "en", "check", "invalid/chart"]);
    assert!(english.contains("table `oversikt` has no column «regnskapp»"), "{english}");
}
