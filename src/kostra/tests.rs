use super::*;

use Region::{Municipality, Oslo, OsloDistrict};

#[test]
fn codes_change_over_the_years() {
    assert_eq!(status(253, 2024, Municipality), Status::Valid);
    assert_eq!(status(254, 2023, Municipality), Status::Valid);
    assert_eq!(
        status(254, 2024, Municipality),
        Status::Expired { until: 2023, successors: vec![257, 258] }
    );
    assert_eq!(status(257, 2023, Municipality), Status::NotYet { from: 2024 });
    assert_eq!(status(257, 2024, Municipality), Status::Valid);
    assert_eq!(status(322, 2020, Municipality), Status::NotYet { from: 2021 });
    assert_eq!(status(322, 2021, Municipality), Status::Valid);
    assert_eq!(status(112, 2024, Municipality), Status::Unknown);
    assert_eq!(status(999, 2024, OsloDistrict), Status::Unknown);
}

#[test]
fn retired_codes_ssb_still_accepts_for_a_while() {
    assert_eq!(
        status(254, 2025, Municipality),
        Status::TransitionAccepted {
            until: 2023,
            successors: vec![257, 258],
            accepted_until: 2026
        }
    );
    assert_eq!(
        status(190, 2020, Municipality),
        Status::Expired { until: 2019, successors: vec![] }
    );
    assert_eq!(
        status(190, 2026, Municipality),
        Status::TransitionAccepted { until: 2019, successors: vec![], accepted_until: 2026 }
    );
}

#[test]
fn oslo_and_its_districts_have_more_functions() {
    // Oslo's own functions: every Oslo region up to 2024, the districts only from 2025.
    assert_eq!(status(691, 2024, Municipality), Status::OtherRegion { scope: Scope::Oslo });
    assert_eq!(status(691, 2024, Oslo), Status::Valid);
    assert_eq!(status(691, 2024, OsloDistrict), Status::Valid);
    assert_eq!(status(691, 2025, Oslo), Status::OtherRegion { scope: Scope::OsloDistricts });
    assert_eq!(status(691, 2025, OsloDistrict), Status::Valid);
    assert_eq!(status(695, 2024, OsloDistrict), Status::NotYet { from: 2025 });
    assert_eq!(status(695, 2026, OsloDistrict), Status::Valid);
    // County functions Oslo runs (733 transport for people with disabilities).
    assert_eq!(status(733, 2024, Municipality), Status::OtherRegion { scope: Scope::Oslo });
    assert_eq!(status(733, 2024, OsloDistrict), Status::Valid);
    assert_eq!(
        status(715, 2023, OsloDistrict),
        Status::Expired { until: 2022, successors: vec![] }
    );
    assert_eq!(status(715, 2023, Municipality), Status::OtherRegion { scope: Scope::Oslo });
}

#[test]
fn the_year_lists_have_the_size_of_ssbs() {
    // 75 municipal + 8 financial functions in 2024; an Oslo district adds 61 county and 6 own.
    assert_eq!(valid_codes(2024, Municipality).len(), 83);
    assert_eq!(valid_codes(2020, Municipality).len(), 81);
    assert_eq!(valid_codes(2025, OsloDistrict).len(), 83 + 61 + 6);
    assert_eq!(valid_codes(2025, Oslo).len(), 83 + 61);
}

#[test]
fn years_outside_the_lists_use_the_nearest() {
    assert_eq!(list_year(2019), 2020);
    assert_eq!(list_year(2030), 2026);
    assert_eq!(status(257, 2030, Municipality), Status::Valid);
    assert_eq!(status(254, 2015, Municipality), Status::Valid);
}

#[test]
fn regions() {
    assert_eq!(Region::from_code("030109"), Some(OsloDistrict));
    assert_eq!(Region::from_code("030115"), Some(OsloDistrict));
    assert_eq!(Region::from_code("030100"), Some(Oslo));
    assert_eq!(Region::from_code("0301"), Some(Oslo));
    assert_eq!(Region::from_code("030116"), None);
    assert_eq!(Region::from_code("460100"), Some(Municipality));
    assert_eq!(Region::from_code("4601"), Some(Municipality));
    assert_eq!(Region::from_code("Oslo"), None);
    assert_eq!(Region::from_code(""), None);
    assert_eq!(Region::infer("Oslo kommune", "Bydel Bjerke"), OsloDistrict);
    assert_eq!(Region::infer(" oslo kommune", "Sentraladministrasjonen"), Oslo);
    assert_eq!(Region::infer("Bergen kommune", "Bydel Årstad"), Municipality);
}

#[test]
fn names() {
    assert_eq!(name(253), Some("Helse- og omsorgstjenester i institusjon"));
    assert_eq!(name(258), Some("Hjemmetjenester – ambulerende virksomhet mv."));
    assert_eq!(name(691), None);
    assert_eq!(name(999), None);
}

fn finding(label: &str, year: i32, region: Region) -> Finding {
    check_label(label, year, region).expect("a finding")
}

#[test]
fn labels_that_are_not_codes() {
    let f = finding("1211 Administrasjon", 2024, Municipality);
    assert_eq!((f.kind, f.severity), (FindingKind::NotACode, Severity::Error));
    assert_eq!(
        f.message,
        "«1211 Administrasjon» does not start with a KOSTRA function code: «1211» has 4 digits; a function code has three"
    );
    assert_eq!(f.hints[0], "did you mean 120 «Administrasjon» (its name matches the row)?");

    let f = finding("10", 2024, Municipality);
    assert_eq!(
        f.message,
        "«10» does not start with a KOSTRA function code: «10» has 2 digits; a function code has three"
    );
    assert_eq!(
        f.hints[0],
        "did you mean 100 «Politisk styring» (10 with one digit added), 110 «Kontroll og revisjon» (10 with one digit added), \
         120 «Administrasjon» (10 with one digit added) or 130 «Administrasjonslokaler» (10 with one digit added)?"
    );

    let f = finding("13O Administrasjonslokaler", 2024, Municipality);
    assert_eq!(
        f.message,
        "«13O Administrasjonslokaler» does not start with a KOSTRA function code: «13O» has the letter O where a digit belongs"
    );
    assert_eq!(f.hints[0], "did you mean 130 «Administrasjonslokaler» (its name matches the row)?");

    let f = finding("Barnehage", 2024, Municipality);
    assert_eq!(f.message, "«Barnehage» does not start with a KOSTRA function code");
    assert_eq!(f.hints[0], "did you mean 201 «Barnehage» (its name matches the row)?");
    assert_eq!(
        f.hints[1],
        "in a `kostra` table every row but the sum row starts with its three-digit function code and a space, e.g. «201 Barnehage»"
    );
}

#[test]
fn unknown_codes_get_did_you_mean_by_code_and_by_name() {
    let f = finding("235 Helse- og omsorgstjenester i institusjon", 2024, Municipality);
    assert_eq!((f.kind, f.severity), (FindingKind::Unknown, Severity::Error));
    assert_eq!(f.message, "235 is not a KOSTRA function code in 2024");
    assert_eq!(
        f.hints,
        [
            "did you mean 253 «Helse- og omsorgstjenester i institusjon» (its name matches the row; 235 with two digits swapped)?"
        ]
    );

    let f = finding("112", 2024, Municipality);
    assert_eq!(
        f.hints,
        [
            "did you mean 121 «Forvaltningsutgifter i eiendomsforvaltningen» (112 with two digits swapped), \
             110 «Kontroll og revisjon» (112 with one digit different) or 172 «Pensjon» (112 with one digit different)?"
        ]
    );

    let f = finding("998 Noe", 2030, Municipality);
    assert_eq!(
        f.message,
        "998 is not a KOSTRA function code in 2026 (the newest list this version has)"
    );
    assert!(f.hints.is_empty());
}

#[test]
fn codes_of_other_years_and_other_reporters_are_errors() {
    let f = finding("257 Hjemmetjenester", 2023, Municipality);
    assert_eq!((f.kind, f.severity), (FindingKind::NotYet, Severity::Error));
    assert_eq!(f.message, "257 is not a KOSTRA function code in 2023: it is new from 2024");

    let f = finding("691", 2025, Oslo);
    assert_eq!((f.kind, f.severity), (FindingKind::OtherRegion, Severity::Error));
    assert_eq!(f.message, "691 is a KOSTRA function only Oslo's districts use in 2025");
    assert!(
        f.hints
            .last()
            .is_some_and(|h| h.starts_with("if this report is for one of Oslo's districts"))
    );

    let f = finding("733 Transport for funksjonshemmede", 2024, Municipality);
    assert_eq!(
        f.message,
        "733 is a KOSTRA function only Oslo kommune and its districts use in 2024"
    );
}

#[test]
fn retired_codes_are_warnings_naming_their_successors() {
    let f = finding("254 Helse- og omsorgstj. til hjemmeboende", 2024, OsloDistrict);
    assert_eq!((f.kind, f.severity), (FindingKind::Expired, Severity::Warning));
    assert_eq!(f.message, "KOSTRA function 254 was retired after 2023");
    assert_eq!(
        f.hints[0],
        "it is replaced by 257 «Hjemmetjenester – personellbase knyttet til bofellesskap/samlokaliserte omsorgsboliger» \
         or 258 «Hjemmetjenester – ambulerende virksomhet mv.»"
    );

    let f = finding("254 Helse- og omsorgstj. til hjemmeboende", 2025, OsloDistrict);
    assert_eq!((f.kind, f.severity), (FindingKind::Transition, Severity::Warning));
    assert_eq!(
        f.message,
        "KOSTRA function 254 was retired after 2023; SSB still accepts it for a transition period (up to 2026)"
    );
}

#[test]
fn the_bjerke_2024_report_has_one_retired_code() {
    let labels = [
        "100 Politisk styring",
        "130 Adm.lokaler",
        "180 Div. fellesutgifter",
        "201 Barnehage",
        "234 Aktivisering og servicetjenester til eldre og personer med funksjonsnedsettelser mv.",
        "254 Helse- og omsorgstj. til hjemmeboende",
        "257 Hjemmetjenester - personellbase knyttet til bofellesskap/samlokaliserte omsorgsboliger",
        "258 Hjemmetjenester - ambulerende virksomhet mv.",
        "733 Transportordninger for funksjonshemmede",
        "850 Statstilskudd knyttet til bosetting og integrering av flyktninger og drift av asylmottak",
        "860 Motpost avskrivninger",
    ];
    let found: Vec<(&str, FindingKind)> = labels
        .iter()
        .filter_map(|l| {
            check_label(l, 2024, Region::infer("Oslo kommune", "Bydel Bjerke"))
                .map(|f| (*l, f.kind))
        })
        .collect();
    assert_eq!(found, [("254 Helse- og omsorgstj. til hjemmeboende", FindingKind::Expired)]);
}
