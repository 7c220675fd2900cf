use crate::{date, load};
use chrono::NaiveDate;
use edurules_deadline::sio::{BUILTIN_RULES_JSON, Contest};
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

/// The built-in rules with the term of `art. 8 pkt 4` in the text of
/// 1 September 2019 (Dz.U. 2018 poz. 2245) replaced by `term`.
fn rules_with_2019_staff_term(term: serde_json::Value) -> Rules {
    let mut file: serde_json::Value = serde_json::from_str(BUILTIN_RULES_JSON).unwrap();
    let version = file["versions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|v| v["in_force_from"] == "2019-09-01")
        .unwrap();
    let exception = version["exceptions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| {
            e["categories"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c == "art. 8 pkt 4")
        })
        .unwrap();
    exception["term"] = term;
    Rules::from_json(&file.to_string()).unwrap()
}

#[test]
fn an_own_term_replaced_before_due_gives_both_dates() {
    // A change on 15 July 2019: 10 days after the quarter by the 2017 regulation, 10 October
    // 2019, after the text carrying it ended (31 August 2019). A replacing text with 15 days
    // would put it on 15 October 2019: contested, with both dates.
    let rules = rules_with_2019_staff_term(serde_json::json!({
        "kind": "after_quarter_end", "days": 15, "basis": "test", "confirmed_by": "test"
    }));
    match rules.deadline("art. 8 pkt 4", date("2019-07-15")) {
        Err(DeadlineError::ContestedTerm {
            contest:
                Contest::ReplacedBeforeDue {
                    earlier_due,
                    replaced_from,
                    later_due,
                },
            ..
        }) => {
            assert_eq!(earlier_due, date("2019-10-10"));
            assert_eq!(replaced_from, date("2019-09-01"));
            assert_eq!(later_due, Some(date("2019-10-15")));
        }
        other => panic!("expected a contest, got {other:?}"),
    }
    // Q2 is due on 10 July 2019, before the text was replaced: certain.
    let d = rules.deadline("art. 8 pkt 4", date("2019-06-30")).unwrap();
    assert_eq!(d.due_date, date("2019-07-10"));
}

#[test]
fn another_term_giving_the_same_date_is_no_contest() {
    // Fixed dates (10 October for July to September, …) count another way, but give the
    // date of the 2017 regulation's 10 days after the third quarter: both readings agree.
    let quarter = |month: u32, year_offset: i32, from_month: u32| {
        serde_json::json!({"month": month, "day": 10, "covers":
            {"year_offset": year_offset, "from_month": from_month, "to_month": from_month + 2}})
    };
    let rules = rules_with_2019_staff_term(serde_json::json!({
        "kind": "fixed_dates",
        "dates": [quarter(4, 0, 1), quarter(7, 0, 4), quarter(10, 0, 7), quarter(1, -1, 10)],
        "basis": "test", "confirmed_by": "test"
    }));
    let d = rules.deadline("art. 8 pkt 4", date("2019-07-15")).unwrap();
    assert_eq!(d.due_date, date("2019-10-10"));
    assert_eq!(d.version_in_force_from, date("2018-10-04"));
    assert_eq!(
        d.term_basis.map(|b| b.contains("2017 poz. 1653")),
        Some(true)
    );
}

#[test]
fn the_general_term_is_contested_where_a_later_text_excepts_the_category() {
    // Art. 8 pkt 1 lit. a is excepted from 1 September 2019 (Dz.U. 2018 poz. 2245), with a
    // term the rules do not encode. A change on 31 August 2019 is due on 9 September 2019 by
    // the 7 days of the text of that day (7 September is a Saturday).
    match submission_deadline("art. 8 pkt 1 lit. a", date("2019-08-31")) {
        Err(e @ DeadlineError::ContestedTerm { .. }) => {
            let DeadlineError::ContestedTerm { contest, .. } = &e else {
                unreachable!()
            };
            assert_eq!(
                *contest,
                Contest::ReplacedBeforeDue {
                    earlier_due: date("2019-09-09"),
                    replaced_from: date("2019-09-01"),
                    later_due: None,
                }
            );
            assert!(e.message(Locale::Pl).contains("9 września 2019 r."));
        }
        other => panic!("expected a contest, got {other:?}"),
    }
}

#[test]
fn the_general_term_is_contested_exactly_where_a_text_in_force_by_its_due_date_excepts() {
    // Read from the rules file alone: whether a version lists the category among its
    // exceptions. Checked for the 15 days up to each version's first day.
    let rules = Rules::builtin().unwrap();
    let versions = &rules.file().versions;
    let excepts = |v: &edurules_deadline::sio::Version, c: &str| {
        v.exceptions
            .iter()
            .any(|e| e.categories.iter().any(|x| x == c))
    };
    let version_of = |d: NaiveDate| {
        versions
            .iter()
            .find(|v| v.in_force_from <= d && v.in_force_to.is_none_or(|t| d <= t))
            .unwrap()
    };
    // The oracle counts 7 days: every built-in version's general term.
    assert!(versions.iter().all(|v| v.general_term_days == 7));
    let (mut certain, mut contested) = (0, std::collections::BTreeSet::new());
    let changes: std::collections::BTreeSet<NaiveDate> = versions
        .iter()
        .skip(1)
        .flat_map(|v| (0..15).map(|back| v.in_force_from - chrono::Days::new(back)))
        .collect();
    for &change in &changes {
        for c in &rules.file().categories {
            let id = c.id.as_str();
            if id == "exam candidates: egzamin gimnazjalny" || excepts(version_of(change), id) {
                continue;
            }
            let later_excepting = |due: NaiveDate| {
                versions
                    .iter()
                    .find(|v| v.in_force_from > change && v.in_force_from <= due && excepts(v, id))
                    .map(|v| v.in_force_from)
            };
            match rules.deadline(id, change) {
                Ok(d) => {
                    assert_eq!(later_excepting(d.due_date), None, "{id} {change}");
                    certain += 1;
                }
                Err(DeadlineError::ContestedTerm {
                    contest:
                        Contest::ReplacedBeforeDue {
                            earlier_due,
                            replaced_from,
                            later_due,
                        },
                    ..
                }) => {
                    assert_eq!(
                        later_excepting(earlier_due),
                        Some(replaced_from),
                        "{id} {change}"
                    );
                    // Every built-in exception that starts so is of a term not encoded.
                    assert_eq!(later_due, None, "{id} {change}");
                    assert!(
                        earlier_due >= change + chrono::Days::new(7),
                        "{id} {change}"
                    );
                    contested.insert((id, change));
                }
                Err(e) => panic!("{id} {change}: {e}"),
            }
        }
    }
    // The README's count, all of them within 15 days of a version's start.
    assert_eq!(contested.len(), 122);
    assert!(certain > 3_000, "{certain}");
}

#[test]
fn replaced_from_is_the_first_later_text_that_gives_another_date() {
    // A change on 26 August 2017 to art. 29 ust. 1 pkt 1 lit. j: 7 days end on Saturday
    // 2 September and move to Monday 4 September 2017. The one-day text of 1 September 2017
    // keeps the 7 days (same date); the text of 2 September excepts the data.
    match submission_deadline("art. 29 ust. 1 pkt 1 lit. j", date("2017-08-26")) {
        Err(DeadlineError::ContestedTerm {
            contest:
                Contest::ReplacedBeforeDue {
                    earlier_due,
                    replaced_from,
                    later_due,
                },
            ..
        }) => {
            assert_eq!(earlier_due, date("2017-09-04"));
            assert_eq!(replaced_from, date("2017-09-02"));
            assert_eq!(later_due, None);
        }
        other => panic!("expected a contest, got {other:?}"),
    }
    // A day earlier the 7 days end on Friday 1 September, under the one-day text: certain.
    let d = submission_deadline("art. 29 ust. 1 pkt 1 lit. j", date("2017-08-25")).unwrap();
    assert_eq!(d.due_date, date("2017-09-01"));
}

#[test]
fn no_built_in_own_term_is_contested() {
    // Read from the rules file alone: every change on which the version in force gives the
    // category an own term (up to 400 days into the version in force now) gets a date,
    // however many later versions start before it falls due.
    use edurules_deadline::sio::ExceptionTerm;
    let rules = Rules::builtin().unwrap();
    let versions = &rules.file().versions;
    let own_term = |v: &edurules_deadline::sio::Version, c: &str| {
        v.exceptions.iter().any(|e| {
            e.categories.iter().any(|x| x == c) && !matches!(e.term, ExceptionTerm::Unknown {})
        })
    };
    let mut checked = 0;
    for id in ["art. 8 pkt 4", "art. 8 pkt 1 lit. f"] {
        for v in versions.iter().filter(|v| own_term(v, id)) {
            let last = v
                .in_force_to
                .unwrap_or(v.in_force_from + chrono::Days::new(400));
            let mut change = v.in_force_from;
            while change <= last {
                let d = rules
                    .deadline(id, change)
                    .unwrap_or_else(|e| panic!("{id} {change}: {e}"));
                assert!(d.term_basis.is_some(), "{id} {change}");
                checked += 1;
                change = change.succ_opt().unwrap();
            }
        }
    }
    // 2017-11-23 – 2019-08-31 (647 days) and 401 from 2019-09-01 for pkt 4, 401 for lit. f.
    assert!(checked >= 1_449, "{checked}");
}
