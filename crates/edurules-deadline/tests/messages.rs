//! Every message a person reads, in every language: each error code and
//! rules-file problem code with sample values (a long input, counts of 1, 2,
//! 5, 12 and 22), each explanation, checked by `edurules_locale::lint`.

use std::collections::BTreeSet;

use edurules_deadline::calendar::{self, HolidayKind};
use edurules_deadline::sio::{Contest, RulesProblem};
use edurules_deadline::term::{CountingRule, Term, term_end};
use edurules_deadline::{DeadlineError, Locale, Rules, submission_deadline};
use edurules_locale::{Message, lint};

use crate::date;

/// More than the 64 characters a message quotes.
fn long() -> String {
    format!("art. 8 pkt 1 lit. d\u{1b}[31m{}", "ż".repeat(80))
}

const COUNTS: [usize; 5] = [1, 2, 5, 12, 22];

fn errors() -> Vec<DeadlineError> {
    let d = date("2025-12-19");
    let rules = Rules::builtin().unwrap();
    let mut out = vec![
        DeadlineError::DateOutOfRange {
            date: date("1800-01-01"),
            min: date("1951-01-01"),
            max: date("2100-12-31"),
        },
        submission_deadline("art. 8 pkt 1 lit. d", date("2012-04-29")).unwrap_err(),
        DeadlineError::NoVersionInForce {
            date: date("2200-01-01"),
        },
        submission_deadline("art. 99", d).unwrap_err(),
        submission_deadline(&long(), d).unwrap_err(),
        DeadlineError::AmbiguousCategory {
            category: "Art 8".into(),
            candidates: vec!["art. 8".into(), "art 8".into()],
        },
        DeadlineError::AmbiguousCategory {
            category: long(),
            candidates: vec!["a".into(), "b".into(), "c".into()],
        },
        submission_deadline("art. 8 pkt 2", d).unwrap_err(),
        DeadlineError::UnknownExceptionTerm {
            category: long(),
            provision: long(),
            version_source: long(),
        },
        // The general 7 days ending after a version that excepts the category took force.
        submission_deadline("art. 8 pkt 1 lit. a", date("2019-08-31")).unwrap_err(),
        // An own term replaced by a known one that counts another way: rules loaded from a
        // file could give it.
        DeadlineError::ContestedTerm {
            category: "art. 8 pkt 4".into(),
            change_date: date("2019-07-15"),
            contest: edurules_deadline::sio::Contest::ReplacedBeforeDue {
                earlier_due: date("2019-10-10"),
                replaced_from: date("2019-09-01"),
                later_due: Some(date("2019-10-15")),
            },
        },
        submission_deadline("exam candidates: egzamin gimnazjalny", date("2018-03-01"))
            .unwrap_err(),
        Rules::from_json("{}").unwrap_err(),
        Rules::from_json("{\"act\": ").unwrap_err(),
        Rules::from_json(&"x".repeat(edurules_deadline::sio::MAX_RULES_JSON_BYTES + 1))
            .unwrap_err(),
        DeadlineError::SubmittedBeforeChange {
            submitted_on: date("2025-11-21"),
            change_date: d,
        },
    ];
    for n in COUNTS {
        out.push(DeadlineError::RulesTooLarge { bytes: n, limit: n });
        out.push(DeadlineError::InvalidRules {
            problems: vec![RulesProblem::NoVersion; n],
        });
    }
    out.push(DeadlineError::UnknownCategory {
        category: "x".into(),
        closest: vec![],
        example: None,
        known: 0,
    });
    for n in COUNTS {
        out.push(DeadlineError::UnknownCategory {
            category: "x".into(),
            closest: rules
                .categories()
                .take(n.min(3))
                .map(str::to_owned)
                .collect(),
            example: None,
            known: n,
        });
    }
    out
}

fn problems() -> Vec<RulesProblem> {
    let (a, b) = (date("2017-09-01"), date("2017-09-05"));
    let mut out = vec![
        RulesProblem::EmptyCategoryId,
        RulesProblem::DuplicateCategory { id: long() },
        RulesProblem::NoVersion,
        RulesProblem::AppliesFromMismatch {
            applies_from: a,
            first_start: b,
        },
        RulesProblem::EmptySource { version_from: a },
        RulesProblem::EndsBeforeStart {
            version_from: b,
            to: a,
        },
        RulesProblem::OpenEndedNotLast { version_from: a },
        RulesProblem::Gap {
            version_from: a,
            next_from: b,
        },
        RulesProblem::Overlap {
            version_from: a,
            next_from: b,
        },
        RulesProblem::UnknownCategoryReference {
            version_from: a,
            provision: long(),
            category: long(),
        },
        RulesProblem::ExceptedTwice {
            version_from: a,
            category: long(),
        },
        RulesProblem::TermWithoutBasis { version_from: a },
        RulesProblem::FixedDateImpossible {
            version_from: a,
            month: 2,
            day: 29,
        },
        RulesProblem::YearOffsetInvalid {
            version_from: a,
            year_offset: -2,
        },
        RulesProblem::MonthsNotAPeriod {
            version_from: a,
            from_month: 9,
            to_month: 13,
        },
        RulesProblem::FixedDateNotAfterPeriod {
            version_from: a,
            month: 8,
            day: 10,
            from_month: 1,
            to_month: 8,
        },
        RulesProblem::MonthsNotCovered { version_from: a },
    ];
    for n in COUNTS {
        let n32 = u32::try_from(n).unwrap();
        out.push(RulesProblem::TooManyCategories { count: n, max: n });
        out.push(RulesProblem::TooManyVersions { count: n, max: n });
        out.push(RulesProblem::GeneralTermOutOfRange {
            version_from: a,
            days: n32,
            max: n32,
        });
        out.push(RulesProblem::QuarterTermTooLong {
            version_from: a,
            days: n32,
            max: n32,
        });
    }
    out
}

/// Explanations: (what, text) in a locale.
fn explanations(l: Locale) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (category, change) in [
        ("art. 8 pkt 1 lit. d", "2025-12-19"),
        ("art. 8 pkt 1 lit. d", "2016-12-17"),
        ("art. 8 pkt 1 lit. f", "2025-12-19"),
        ("art. 8 pkt 4", "2018-02-01"),
    ] {
        let d = submission_deadline(category, date(change)).unwrap();
        out.push((format!("explain {category}"), d.explain(l)));
        out.push((format!("legal basis {category}"), d.legal_basis(l)));
    }
    // A caller's file naming another act: cited as the file writes it.
    let mut file = Rules::builtin().unwrap().file().clone();
    file.act = "ustawa z dnia 7 września 1991 r. o systemie oświaty".into();
    let other = Rules::from_file(file).unwrap();
    let d = other
        .deadline("art. 8 pkt 1 lit. d", date("2025-12-19"))
        .unwrap();
    out.push(("legal basis, another act".into(), d.legal_basis(l)));
    for n in COUNTS {
        let n = u32::try_from(n).unwrap();
        for t in [
            Term::days(n),
            Term::weeks(n),
            Term::months(n),
            Term::years(n),
        ] {
            let e = term_end(date("2025-03-03"), t).unwrap();
            out.push((format!("term {t:?}"), e.explain(l)));
        }
    }
    for r in [
        CountingRule::Art115DaysOffOnly,
        CountingRule::Art115WithSaturdays,
    ] {
        out.push((format!("{r:?}"), r.describe(l).to_owned()));
    }
    for later_due in [None, Some(date("2019-10-15"))] {
        let c = Contest::ReplacedBeforeDue {
            earlier_due: date("2019-10-10"),
            replaced_from: date("2019-09-01"),
            later_due,
        };
        out.push((format!("contest {later_due:?}"), c.readings(l)));
    }
    let mut kinds = BTreeSet::new();
    for year in [1955, 1985, 2018, 2025] {
        kinds.extend(
            calendar::holidays(year)
                .unwrap()
                .into_iter()
                .map(|h| h.kind),
        );
    }
    assert!(kinds.contains(&HolidayKind::IndependenceCentenary));
    for k in kinds {
        out.push((format!("{k:?}"), k.name(l).to_owned()));
    }
    out.push(("country".into(), calendar::country_name(l).to_owned()));
    for n in COUNTS {
        out.push(("heading".into(), calendar::holidays_heading(2025, n, l)));
    }
    out
}

fn check(l: Locale, what: &str, text: &str, english: &str) {
    assert!(!text.trim().is_empty(), "{what} {l}: empty");
    let p = lint::problems(l, text);
    assert!(p.is_empty(), "{what} {l}: {p:?}\n{text}");
    if l != Locale::En {
        assert_ne!(text, english, "{what} {l}: not translated");
    }
    assert!(!text.contains('\u{1b}'), "{what} {l}: control character");
}

#[test]
fn every_message_code_in_every_language_is_whole_and_clean() {
    let mut seen = BTreeSet::new();
    for e in errors() {
        seen.insert(e.code());
        let en = e.message(Locale::En);
        assert_eq!(e.to_string(), en);
        assert_eq!(Message::message(&e, Locale::Pl), e.message(Locale::Pl));
        for l in Locale::ALL {
            check(l, e.code(), &e.message(l), &en);
        }
    }
    assert_eq!(
        seen,
        DeadlineError::CODES.into_iter().collect(),
        "an error code without a sample"
    );
    let mut seen = BTreeSet::new();
    for p in problems() {
        seen.insert(p.code());
        let en = p.message(Locale::En);
        for l in Locale::ALL {
            check(l, p.code(), &p.message(l), &en);
        }
    }
    assert_eq!(
        seen,
        RulesProblem::CODES.into_iter().collect(),
        "a problem code without a sample"
    );
    let en = explanations(Locale::En);
    for l in Locale::ALL {
        let texts = explanations(l);
        assert_eq!(texts.len(), en.len());
        for ((what, text), (_, english)) in texts.iter().zip(&en) {
            // Holiday names such as "Pentecost" may coincide; the rest differ.
            if what.starts_with("Art115")
                || what.starts_with("term")
                || what.starts_with("explain")
                || what.starts_with("legal")
            {
                check(l, what, text, english);
            } else {
                assert!(lint::problems(l, text).is_empty(), "{what} {l}: {text}");
            }
        }
    }
}

#[test]
fn a_huge_input_gives_a_short_message() {
    let huge = "x".repeat(100_000);
    let d = date("2025-12-19");
    let errors = [
        submission_deadline(&huge, d).unwrap_err(),
        DeadlineError::AmbiguousCategory {
            category: huge.clone(),
            candidates: vec!["a".into(), "b".into()],
        },
    ];
    for e in errors {
        for l in Locale::ALL {
            let m = e.message(l);
            assert!(m.len() < 300, "{} {l}: {} bytes: {m}", e.code(), m.len());
        }
    }
}

#[test]
fn exact_texts() {
    let d = submission_deadline("art. 8 pkt 1 lit. d", date("2025-12-19")).unwrap();
    assert_eq!(
        d.explain(Locale::Bg),
        "промяна от 19 декември 2025 г. (пт) → 7 дни → 26 декември 2025 г. (пт, Втори ден на Коледа) → 29 декември 2025 г. (пн)"
    );
    let e = |n| {
        DeadlineError::RulesTooLarge {
            bytes: n,
            limit: 1_048_576,
        }
        .message(Locale::Pl)
    };
    assert_eq!(
        e(1),
        "plik reguł ma 1 bajt, a może mieć najwyżej 1\u{a0}048\u{a0}576 bajtów"
    );
    assert!(e(2).starts_with("plik reguł ma 2 bajty,"));
    assert!(e(5).starts_with("plik reguł ma 5 bajtów,"));
    let t = |n| {
        term_end(date("2025-03-03"), Term::years(n))
            .unwrap()
            .explain(Locale::Pl)
    };
    assert!(t(1).contains(" → 1 rok → "));
    assert!(t(2).contains(" → 2 lata → "));
    assert!(t(5).contains(" → 5 lat → "));
    let e = submission_deadline("art. 99", date("2025-12-19")).unwrap_err();
    assert_eq!(
        e.message(Locale::Pl),
        "nieznana kategoria danych „art. 99”; reguły znają 42 kategorie, np. „art. 8 pkt 1 lit. a”"
    );
    let e = DeadlineError::SubmittedBeforeChange {
        submitted_on: date("2025-11-21"),
        change_date: date("2025-12-19"),
    };
    assert_eq!(
        e.message(Locale::En),
        "the submission date (21 November 2025) is before the change it reports (19 December 2025), so whether it was on time has no answer"
    );
    assert_eq!(
        RulesProblem::NoVersion.message(Locale::Bg),
        "файлът не съдържа нито една редакция на чл. 30"
    );
}

#[test]
#[ignore = "prints every message for a reader's review"]
fn print_all() {
    for l in Locale::ALL {
        for e in errors() {
            println!("{l} {}: {}", e.code(), e.message(l));
        }
        for p in problems() {
            println!("{l} {}: {}", p.code(), p.message(l));
        }
        for (w, t) in explanations(l) {
            println!("{l} {w}: {t}");
        }
    }
}
