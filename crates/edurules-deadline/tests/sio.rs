use crate::{date, load};
use edurules_deadline::{DeadlineError, Lateness, Locale, Rules, is_late, submission_deadline};

#[test]
fn worked_cases() {
    let data = load("sio.json");
    let cases = data["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let r = submission_deadline(
            c["category"].as_str().unwrap(),
            date(c["change"].as_str().unwrap()),
        );
        match c.get("error").and_then(|e| e.as_str()) {
            Some(code) => assert_eq!(r.map(|d| d.due_date).unwrap_err().code(), code, "{name}"),
            None => {
                let d = r.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(d.due_date, date(c["due"].as_str().unwrap()), "{name}");
                assert_eq!(
                    d.version_in_force_from,
                    date(c["version_from"].as_str().unwrap()),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn every_version_applies_on_its_first_and_last_day() {
    let rules = Rules::builtin().unwrap();
    let versions = &rules.file().versions;
    assert_eq!(versions.len(), 17);
    for v in versions {
        let last = v.in_force_to.unwrap_or(date("2100-12-01"));
        for day in [v.in_force_from, last] {
            // A category under the 7-day rule in every version.
            let d = submission_deadline("art. 29 ust. 1 pkt 1 lit. i", day).unwrap();
            assert_eq!(d.version_in_force_from, v.in_force_from, "{day}");
            assert_eq!(d.version_source, v.source);
            assert!(d.due_date >= day + chrono::Days::new(7));
            // A category excepted in every version, term unknown: an error naming the version.
            let e =
                submission_deadline("art. 29 ust. 1 pkt 1 lit. i [promotion]", day).unwrap_err();
            match e {
                DeadlineError::UnknownExceptionTerm { version_source, .. } => {
                    assert_eq!(version_source, v.source)
                }
                other => panic!("{other:?}"),
            }
        }
    }
}

#[test]
fn exceptions_never_fall_back_to_seven_days() {
    // Every excepted category with an unknown term errors in every version.
    let rules = Rules::builtin().unwrap();
    for v in &rules.file().versions {
        for ex in &v.exceptions {
            if matches!(ex.term, edurules_deadline::sio::ExceptionTerm::Unknown {}) {
                for c in &ex.categories {
                    let e = rules.deadline(c, v.in_force_from).unwrap_err();
                    assert_eq!(
                        e.code(),
                        "deadline.unknown_exception_term",
                        "{c} {}",
                        v.in_force_from
                    );
                }
            }
        }
    }
}

#[test]
fn explanation_legal_basis_and_lateness() {
    let d = submission_deadline("art. 8 pkt 1 lit. d", date("2025-12-19")).unwrap();
    assert_eq!(
        d.explain(Locale::En),
        "change on 19 December 2025 (Fri) → 7 days → 26 December 2025 (Fri, Second Day of Christmas) → 29 December 2025 (Mon)"
    );
    assert!(
        d.explain(Locale::Pl)
            .starts_with("zmiana z 19 grudnia 2025 r. (pt.)")
    );
    assert!(d.legal_basis(Locale::En).contains("Dz.U. 2024 poz. 152"));
    assert!(d.legal_basis(Locale::En).contains("art. 115 KC"));
    assert_eq!(
        is_late(&d, date("2026-01-05")).unwrap(),
        Lateness::Late { days_late: 7 }
    );
    assert_eq!(
        is_late(&d, date("2025-12-22")).unwrap(),
        Lateness::OnTime { days_to_spare: 7 }
    );
    let f = submission_deadline("art. 8 pkt 1 lit. f", date("2025-12-19")).unwrap();
    assert!(f.legal_basis(Locale::Pl).contains("Dz.U. 2019 poz. 1663"));
    assert!(f.explain(Locale::En).contains("10 January 2026 (Sat)"));
}

#[test]
fn deadline_round_trips_through_json() {
    let d = submission_deadline("art. 8 pkt 4", date("2018-11-20")).unwrap();
    let json = serde_json::to_string(&d).unwrap();
    let back: edurules_deadline::Deadline<'_> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
}

#[test]
fn each_version_on_its_first_and_last_day_worked_independently() {
    let data = load("sio_versions.json");
    let category = data["category"].as_str().unwrap();
    let cases = data["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 34);
    for c in cases {
        let change = date(c["change"].as_str().unwrap());
        let d = submission_deadline(category, change).unwrap();
        assert_eq!(d.due_date, date(c["due"].as_str().unwrap()), "{change}");
        assert_eq!(
            d.version_in_force_from,
            date(c["version_from"].as_str().unwrap()),
            "{change}"
        );
        assert_eq!(
            d.version_source,
            c["version_source"].as_str().unwrap(),
            "{change}"
        );
    }
}

#[test]
fn the_legal_basis_names_the_text_applied_and_when_its_wording_took_force() {
    // Art. 30 has read the same since 1 September 2019 (art. 31 pkt 11 of Dz.U. 2018 poz. 2245);
    // Dz.U. 2024 poz. 152 is a consolidated text in use from 7 February 2024.
    let d = submission_deadline("art. 8 pkt 1 lit. d", date("2025-12-19")).unwrap();
    assert_eq!(d.wording_in_force_from, date("2019-09-01"));
    assert_eq!(d.version_in_force_from, date("2024-02-07"));
    let en = d.legal_basis(Locale::En);
    assert!(!en.contains("as worded from 2024-02-07"), "{en}");
    assert!(
        en.contains("text applied: “Dz.U. 2024 poz. 152 (tekst jednolity)”, current from 7 February 2024; this wording in force since 1 September 2019"),
        "{en}"
    );
    assert!(
        d.legal_basis(Locale::Pl)
            .contains("to brzmienie przepisu obowiązuje od 1 września 2019 r.")
    );
    assert!(
        d.legal_basis(Locale::Bg)
            .contains("тази редакция на разпоредбата е в сила от 1 септември 2019 г.")
    );
    // An amending act is its own wording's start; a past consolidated text has an end.
    let a = submission_deadline("art. 8 pkt 1 lit. d", date("2019-09-02")).unwrap();
    assert_eq!(a.wording_in_force_from, date("2019-09-01"));
    assert!(a.legal_basis(Locale::En).contains(
        "text applied: “Dz.U. 2018 poz. 2245”, current from 1 September 2019 to 10 October 2019; this wording in force since 1 September 2019"
    ));
    let t = submission_deadline("art. 8 pkt 1 lit. d", date("2018-11-05")).unwrap();
    assert_eq!(t.wording_in_force_from, date("2017-09-02"));
    // The original text.
    let o = submission_deadline("art. 8 pkt 1 lit. c", date("2012-05-02")).unwrap();
    assert_eq!(o.wording_in_force_from, date("2012-04-30"));
}

#[test]
fn a_submission_dated_before_its_change_is_an_error() {
    // Issue #16, item 9: sent 28 days before the change it reports, the old
    // answer was "on time, 28 days to spare" (due 29 December 2025).
    let d = submission_deadline("art. 8 pkt 1 lit. d", date("2025-12-19")).unwrap();
    let e = is_late(&d, date("2025-11-21")).unwrap_err();
    assert_eq!(
        e,
        DeadlineError::SubmittedBeforeChange {
            submitted_on: date("2025-11-21"),
            change_date: date("2025-12-19"),
        }
    );
    assert_eq!(e.code(), "deadline.submitted_before_change");
    // On the day of the change itself it is on time.
    assert_eq!(
        is_late(&d, date("2025-12-19")).unwrap(),
        Lateness::OnTime { days_to_spare: 10 }
    );
    assert_eq!(
        d.lateness(date("2025-12-18")).unwrap_err().code(),
        "deadline.submitted_before_change"
    );
}

#[test]
fn categories_are_found_across_case_and_spacing_and_ambiguity_is_refused() {
    let day = date("2025-12-19");
    for written in [
        "Art. 8 Pkt 1 Lit. D",
        "art-8-pkt-1-lit-d",
        "ART_8_PKT_1_LIT_D",
        "  art.8  pkt 1 lit.d ",
    ] {
        let d = submission_deadline(written, day).unwrap();
        assert_eq!(d.category, "art. 8 pkt 1 lit. d", "{written}");
    }
    // Found, then refused for its own reason (its term is not encoded),
    // naming the category as the rules write it.
    let e = submission_deadline("Exam Candidates: Egzamin Ósmoklasisty", day).unwrap_err();
    let DeadlineError::UnknownExceptionTerm { category, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(category, "exam candidates: egzamin ósmoklasisty");
    // A caller's file with two ids that differ only in spacing: each is
    // found exactly, a third spelling is ambiguous.
    let mut file = Rules::builtin().unwrap().file().clone();
    file.categories
        .push(edurules_deadline::sio::CategoryDef::new(
            "art. 8 pkt 1 lit. d ",
        ));
    let rules = Rules::from_file(file).unwrap();
    assert_eq!(
        rules.deadline("art. 8 pkt 1 lit. d", day).unwrap().category,
        "art. 8 pkt 1 lit. d"
    );
    let e = rules.deadline("ART 8 PKT 1 LIT D", day).unwrap_err();
    assert_eq!(e.code(), "deadline.ambiguous_category");
    let DeadlineError::AmbiguousCategory { candidates, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(candidates.len(), 2);
    assert!(e.message(Locale::Pl).ends_with("; podaj ją dokładnie"));
}

#[test]
fn an_unknown_category_lists_known_ones_in_the_locale() {
    let e = submission_deadline("art. 8 pkt 1 lit. z", date("2025-12-19")).unwrap_err();
    let DeadlineError::UnknownCategory { closest, known, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*known, 42);
    assert_eq!(closest.len(), 3);
    assert_eq!(
        e.message(Locale::Bg),
        "неизвестна категория данни „art. 8 pkt 1 lit. z“; правилата познават 42 категории, \
         най-близките са „art. 8 pkt 1 lit. a“, „art. 8 pkt 1 lit. b“ или „art. 8 pkt 1 lit. c“"
    );
}
