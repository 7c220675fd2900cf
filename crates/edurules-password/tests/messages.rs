//! Every message of the crate, in every language: the language sweep of
//! issue #16 (`edurules_locale::lint`), exact texts, bounded echoes.
//!
//! Completeness: the codes of [`Violation`], [`PolicyProblem`],
//! [`PasswordStatus`] and [`HashProblem`] are read from their JSON schemas,
//! so a new variant without a sample here fails
//! `every_code_has_a_sample`; [`PasswordError`]'s variants are kept complete
//! by the exhaustive match in `error::tests` (inside the crate).

use std::collections::BTreeSet;

use chrono::{TimeZone, Utc};
use edurules_locale::{Message, SchoolZone, lint};
use edurules_password::{
    CharClass, Edge, HashField, HashProblem, Locale, MustChangeReason, Normalization,
    PasswordError, PasswordPolicy, PasswordStatus, PersonalField, PolicyProblem, StoredHash,
    StrengthWarning, Violation,
};
use schemars::JsonSchema;

/// Counts every counted thing is rendered with (Polish one/few/many).
const COUNTS: [u32; 6] = [1, 2, 5, 12, 22, 1_048_576];

fn long() -> String {
    format!("{}\u{202e}\n", "ż".repeat(100))
}

fn violations() -> Vec<Violation> {
    let mut out = Vec::new();
    for n in COUNTS {
        out.push(Violation::TooShort { min: n, actual: n });
        out.push(Violation::TooLong { max: n, actual: n });
        out.push(Violation::TooManyRepeated { max: n, actual: n });
    }
    out.push(Violation::ControlCharacter);
    out.push(Violation::Blocklisted);
    for classes in [
        vec![CharClass::Upper],
        vec![CharClass::Digit, CharClass::Special],
        vec![CharClass::Upper, CharClass::Lower, CharClass::OtherLetter],
        CharClass::ALL.to_vec(),
    ] {
        let len = u8::try_from(classes.len()).unwrap();
        for min_present in 1..=len {
            out.push(Violation::MissingClasses {
                classes: classes.clone(),
                min_present,
                present: min_present - 1,
            });
        }
    }
    for class in CharClass::ALL {
        for edge in [Edge::First, Edge::Last] {
            out.push(Violation::ForbiddenAtEdge { edge, class });
        }
    }
    for field in [
        PersonalField::Login,
        PersonalField::Name,
        PersonalField::Email,
        PersonalField::NationalId,
    ] {
        out.push(Violation::ContainsPersonalData { field });
    }
    out.push(Violation::TooWeak {
        min_score: 3,
        score: 1,
        warning: None,
    });
    for w in StrengthWarning::ALL {
        out.push(Violation::TooWeak {
            min_score: 4,
            score: 0,
            warning: Some(w),
        });
    }
    out
}

fn problems() -> Vec<PolicyProblem> {
    let mut out = vec![
        PolicyProblem::MinLengthZero,
        PolicyProblem::MaxRepeatedZero,
        PolicyProblem::StrengthUnavailable,
        PolicyProblem::ZxcvbnScore { score: 5 },
    ];
    for n in COUNTS {
        let w = u64::from(n);
        let index = usize::try_from(n).unwrap();
        out.extend([
            PolicyProblem::MinAboveMax { min: n, max: n },
            PolicyProblem::MaxLengthAboveLimit { max: n, limit: n },
            PolicyProblem::BytesBelowMaxLength {
                bytes: n,
                max_length: n,
                after_normalization: n % 2 == 0,
            },
            PolicyProblem::ClassRequirement {
                index,
                min_present: 3,
                classes: n,
            },
            PolicyProblem::ClassesExceedMaxLength {
                required: n,
                max: n,
            },
            PolicyProblem::MaxAge { days: n, limit: n },
            PolicyProblem::WarningNotBelowMaxAge {
                warning: n,
                max_age: n,
            },
            PolicyProblem::MinAgeNotBelowMaxAge {
                min_age: n,
                max_age: n,
            },
            PolicyProblem::HistoryDepth { depth: n, limit: n },
            PolicyProblem::BlocklistEntryEmpty { index },
            PolicyProblem::HashMemory {
                m_cost_kib: n,
                min: n,
                max: n,
            },
            PolicyProblem::HashTime { t_cost: n, max: n },
            PolicyProblem::HashParallelism { p_cost: n, max: n },
            PolicyProblem::HashWork { work: w, max: w },
            PolicyProblem::HashAboveCeiling {
                m_cost_kib: n,
                t_cost: n,
            },
            PolicyProblem::PasswordBytes { bytes: n, limit: n },
            PolicyProblem::VerifyCeiling {
                m_cost_kib: n,
                work: w,
            },
        ]);
    }
    out
}

fn hash_fields() -> [HashField; 6] {
    [
        HashField::V,
        HashField::M,
        HashField::T,
        HashField::P,
        HashField::Salt,
        HashField::Tag,
    ]
}

fn hash_problems() -> Vec<HashProblem> {
    let mut out = vec![
        HashProblem::NotPhc,
        HashProblem::UnsupportedAlgorithm,
        HashProblem::ParametersOutOfOrder,
        HashProblem::UnsupportedVersion { version: 20 },
    ];
    for n in COUNTS {
        out.push(HashProblem::TooLong { max_bytes: n });
        out.push(HashProblem::UnknownParameter { index: n });
    }
    for field in hash_fields() {
        out.push(HashProblem::MissingParameter { field });
        out.push(HashProblem::DuplicateParameter { field });
        out.push(HashProblem::BadNumber { field });
        out.push(HashProblem::BadBase64 { field });
        for n in COUNTS {
            out.push(HashProblem::OutOfRange {
                field,
                value: n,
                min: n,
                max: n,
            });
        }
    }
    out
}

fn statuses() -> Vec<PasswordStatus> {
    let t = Utc.with_ymd_and_hms(2026, 10, 31, 22, 30, 0).unwrap();
    let mut out = vec![
        PasswordStatus::MustChange {
            reason: MustChangeReason::FirstLogin,
        },
        PasswordStatus::MustChange {
            reason: MustChangeReason::AdminReset,
        },
    ];
    for zone in SchoolZone::ALL {
        out.push(PasswordStatus::Valid {
            expires_at: None,
            zone,
        });
        out.push(PasswordStatus::Valid {
            expires_at: Some(t),
            zone,
        });
        out.push(PasswordStatus::Expired {
            expired_at: t,
            zone,
        });
        for n in COUNTS {
            out.push(PasswordStatus::ExpiringSoon {
                expires_at: t,
                days_left: n,
                zone,
            });
        }
    }
    out
}

fn errors() -> Vec<PasswordError> {
    let t = Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap();
    let mut out = vec![
        PasswordPolicy::from_json("{").unwrap_err(),
        PasswordPolicy::from_json(&format!("{{\"{}\": 1}}", long())).unwrap_err(),
        PasswordError::InvalidPolicy {
            problems: problems(),
        },
        PasswordError::InvalidHash { reason: long() },
        PasswordError::Hashing { reason: long() },
        StoredHash::new(long(), Normalization::Nfkc).unwrap_err(),
        PasswordError::InvalidCredentials,
        PasswordError::Rejected {
            violations: violations(),
        },
        PasswordError::HashTooCostly {
            m_cost_kib: 1_048_576,
            t_cost: 64,
            max_m_cost_kib: 262_144,
            max_work: 524_288,
        },
    ];
    for p in hash_problems() {
        out.push(PasswordError::MalformedHash { problem: p });
    }
    for n in COUNTS {
        for after_normalization in [false, true] {
            out.push(PasswordError::InputTooLong {
                max_bytes: n,
                after_normalization,
            });
        }
        for zone in SchoolZone::ALL {
            out.push(PasswordError::TooSoon {
                min_age_days: n,
                allowed_from: t,
                zone,
            });
        }
        for position in [1, 2, n] {
            out.push(PasswordError::Reused { position, depth: n });
        }
    }
    out
}

/// The lint on each line: a list (`Rejected`, `InvalidPolicy`) is one line
/// per item, and the lint counts a line break as a control character.
fn lint_lines(l: Locale, text: &str) -> Vec<String> {
    text.split('\n')
        .flat_map(|line| lint::problems(l, line))
        .collect()
}

/// One rendered message and what it must satisfy.
fn assert_clean(code: &str, texts: [String; 3]) {
    let [pl, bg, en] = &texts;
    for (l, t) in Locale::ALL.into_iter().zip(&texts) {
        assert!(!t.trim().is_empty(), "{code} {l}: empty");
        assert_eq!(lint_lines(l, t), Vec::<String>::new(), "{code} {l}: {t}");
        assert!(!t.contains('`'), "{code} {l}: {t}");
    }
    assert_ne!(pl, en, "{code}: Polish = English");
    assert_ne!(bg, en, "{code}: Bulgarian = English");
}

fn render(m: &impl Message) -> [String; 3] {
    Locale::ALL.map(|l| m.message(l))
}

/// The codes named in a schema: every string under a property `tag`.
fn schema_codes<T: JsonSchema>(tag: &str) -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, tag: &str, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(p) = map.get("properties").and_then(|p| p.get(tag)) {
                    if let Some(c) = p.get("const").and_then(|c| c.as_str()) {
                        out.insert(c.to_owned());
                    }
                    for c in p
                        .get("enum")
                        .and_then(|e| e.as_array())
                        .into_iter()
                        .flatten()
                    {
                        out.extend(c.as_str().map(str::to_owned));
                    }
                }
                map.values().for_each(|x| walk(x, tag, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, tag, out)),
            _ => {}
        }
    }
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let mut out = BTreeSet::new();
    walk(&schema, tag, &mut out);
    out
}

fn tag_of(v: &impl serde::Serialize, tag: &str) -> String {
    serde_json::to_value(v).unwrap()[tag]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn every_code_has_a_sample() {
    let sampled: BTreeSet<String> = violations().iter().map(|v| tag_of(v, "code")).collect();
    assert_eq!(sampled, schema_codes::<Violation>("code"));
    let sampled: BTreeSet<String> = problems().iter().map(|v| tag_of(v, "code")).collect();
    assert_eq!(sampled, schema_codes::<PolicyProblem>("code"));
    let sampled: BTreeSet<String> = statuses().iter().map(|v| tag_of(v, "status")).collect();
    assert_eq!(sampled, schema_codes::<PasswordStatus>("status"));
    let sampled: BTreeSet<String> = hash_problems()
        .iter()
        .map(|v| tag_of(v, "problem"))
        .collect();
    assert_eq!(sampled, schema_codes::<HashProblem>("problem"));
    let errors: BTreeSet<&str> = errors().iter().map(Message::code).collect();
    assert_eq!(errors.len(), 11, "{errors:?}");
}

#[test]
fn every_message_is_whole_in_its_language() {
    for v in violations() {
        assert_clean(v.code(), render(&v));
        assert!(v.code().starts_with("password."));
    }
    for p in problems() {
        assert_clean(p.code(), render(&p));
        assert!(p.code().starts_with("policy."));
    }
    for s in statuses() {
        assert_clean(s.code(), render(&s));
    }
    for h in hash_problems() {
        assert_clean("hash_problem", Locale::ALL.map(|l| h.message(l)));
    }
    for f in hash_fields() {
        assert_clean("hash_field", Locale::ALL.map(|l| f.describe(l).to_owned()));
    }
    for e in errors() {
        assert_clean(e.code(), render(&e));
        assert!(lint_lines(Locale::En, &e.to_string()).is_empty(), "{e}");
    }
}

#[test]
fn messages_and_inherent_methods_agree() {
    let v = Violation::TooShort { min: 8, actual: 6 };
    assert_eq!(Message::message(&v, Locale::Pl), v.message(Locale::Pl));
    assert_eq!(Message::code(&v), v.code());
    let e = PasswordError::InvalidCredentials;
    assert_eq!(Message::message(&e, Locale::En), e.to_string());
}

#[test]
fn exact_texts_polish_plurals() {
    let pl = |actual| Violation::TooShort { min: 8, actual }.message(Locale::Pl);
    assert_eq!(
        pl(1),
        "Hasło jest za krótkie: ma 1 znak, a musi mieć co najmniej 8."
    );
    assert_eq!(
        pl(2),
        "Hasło jest za krótkie: ma 2 znaki, a musi mieć co najmniej 8."
    );
    assert_eq!(
        pl(5),
        "Hasło jest za krótkie: ma 5 znaków, a musi mieć co najmniej 8."
    );
    let soon = |days_left| {
        PasswordStatus::ExpiringSoon {
            expires_at: Utc.with_ymd_and_hms(2026, 10, 31, 22, 30, 0).unwrap(),
            days_left,
            zone: SchoolZone::EuropeWarsaw,
        }
        .message(Locale::Pl)
    };
    assert_eq!(
        soon(1),
        "Hasło wygasa 31 października 2026 r., 23:30 (za 1 dzień). Zmień je wkrótce."
    );
    assert_eq!(
        soon(2),
        "Hasło wygasa 31 października 2026 r., 23:30 (za 2 dni). Zmień je wkrótce."
    );
}

#[test]
fn exact_texts_classes() {
    let missing = |classes: &[CharClass], min_present| Violation::MissingClasses {
        classes: classes.to_vec(),
        min_present,
        present: 0,
    };
    let upper = missing(&[CharClass::Upper], 1);
    assert_eq!(
        upper.message(Locale::Pl),
        "Hasło musi zawierać wielką literę."
    );
    assert_eq!(
        upper.message(Locale::Bg),
        "Паролата трябва да съдържа главна буква."
    );
    assert_eq!(
        upper.message(Locale::En),
        "The password must contain an upper-case letter."
    );
    let either = missing(&[CharClass::Digit, CharClass::Special], 1);
    assert_eq!(
        either.message(Locale::Pl),
        "Hasło musi zawierać cyfrę lub znak specjalny."
    );
    let three = missing(
        &[
            CharClass::Upper,
            CharClass::Lower,
            CharClass::Digit,
            CharClass::Special,
        ],
        3,
    );
    assert_eq!(
        three.message(Locale::Pl),
        "Hasło musi zawierać znaki co najmniej 3 spośród 4 rodzajów: wielkie litery, małe litery, cyfry i znaki specjalne (obecnie: 0)."
    );
    assert_eq!(
        Violation::ForbiddenAtEdge {
            edge: Edge::First,
            class: CharClass::Digit
        }
        .message(Locale::Pl),
        "Pierwszy znak hasła nie może być cyfrą."
    );
}

#[test]
fn exact_texts_bulgarian_and_english() {
    let t = Utc.with_ymd_and_hms(2026, 7, 1, 21, 30, 0).unwrap();
    let expired = PasswordStatus::Expired {
        expired_at: t,
        zone: SchoolZone::EuropeSofia,
    };
    assert_eq!(
        expired.message(Locale::Bg),
        "Паролата изтече на 2 юли 2026 г., 00:30. Трябва да я смените."
    );
    assert_eq!(
        expired.message(Locale::En),
        "The password expired on 2 July 2026, 00:30. It must be changed."
    );
    let p = PolicyProblem::HashMemory {
        m_cost_kib: 1,
        min: 8,
        max: 1_048_576,
    };
    assert_eq!(
        p.message(Locale::Pl),
        "Pamięć algorytmu argon2id musi wynosić od 8 do 1\u{a0}048\u{a0}576 KiB (podano: 1 KiB)."
    );
    assert_eq!(
        p.message(Locale::En),
        "The argon2id memory must be between 8 and 1,048,576 KiB (given: 1 KiB)."
    );
    let e = PasswordError::TooSoon {
        min_age_days: 1,
        allowed_from: t,
        zone: SchoolZone::EuropeWarsaw,
    };
    assert_eq!(
        e.message(Locale::Pl),
        "Hasło zmieniono zbyt niedawno: minimalny odstęp między zmianami to 1 dzień. Następną zmianę można wykonać od 1 lipca 2026 r., 23:30."
    );
}

/// A 100,000-character input gives a message under 300 bytes.
#[test]
fn echoes_are_bounded() {
    let huge = "x".repeat(100_000);
    let unknown_field = PasswordPolicy::from_json(&format!("{{\"{huge}\": 1}}")).unwrap_err();
    let bad_json = PasswordPolicy::from_json(&format!("{{{huge}")).unwrap_err();
    let hash = StoredHash::new(huge.clone(), Normalization::Nfkc).unwrap_err();
    let too_long = edurules_password::check(
        &PasswordPolicy::opolska_eszkola(),
        &edurules_password::Password::new(huge.clone()),
        &edurules_password::UserContext::default(),
    )
    .unwrap_err();
    let mut all: Vec<Box<dyn Message>> = vec![
        Box::new(unknown_field),
        Box::new(bad_json),
        Box::new(hash),
        Box::new(PasswordError::InvalidHash {
            reason: huge.clone(),
        }),
        Box::new(PasswordError::Hashing {
            reason: huge.clone(),
        }),
    ];
    all.extend(
        too_long
            .into_iter()
            .map(|v| Box::new(v) as Box<dyn Message>),
    );
    for m in &all {
        for l in Locale::ALL {
            let text = m.message(l);
            assert!(text.len() < 300, "{} {l}: {} bytes", m.code(), text.len());
            assert!(!text.contains("xxxxx".repeat(14).as_str()), "{text}");
        }
    }
}

#[test]
fn policy_schema_and_locale_serde() {
    let schema = PasswordPolicy::json_schema();
    assert!(schema["properties"]["history_depth"].is_object());
    assert!(schema["properties"]["time_zone"].is_object());
    assert_eq!(serde_json::to_string(&Locale::Pl).unwrap(), "\"pl\"");
}

#[test]
fn serde_tag_is_the_stable_code() {
    for v in violations() {
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["code"], v.code());
        assert_eq!(serde_json::from_value::<Violation>(json).unwrap(), v);
    }
    for p in problems() {
        assert_eq!(serde_json::to_value(&p).unwrap()["code"], p.code());
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Whatever the input (any length, control and invisible characters), a
    /// message that echoes it stays short, has no control character outside
    /// its line breaks and passes the language lint.
    #[test]
    fn any_echoed_input_is_bounded_and_clean(
        s in "(\\PC|[\\x00-\\x1f\\u{202e}\\u{200b}]){0,400}",
        repeat in 1usize..300,
    ) {
        let input = s.repeat(repeat);
        let all: Vec<PasswordError> = vec![
            PasswordPolicy::from_json(&input).unwrap_err(),
            PasswordPolicy::from_json(&format!("{{\"{input}\": 1}}")).unwrap_err(),
            StoredHash::new(input.clone(), Normalization::Nfkc).unwrap_err(),
            PasswordError::InvalidHash { reason: input.clone() },
            PasswordError::Hashing { reason: input },
        ];
        for e in &all {
            for l in Locale::ALL {
                let text = e.message(l);
                proptest::prop_assert!(text.len() < 400, "{} bytes: {text}", text.len());
                proptest::prop_assert!(!text.chars().any(char::is_control), "{text}");
                proptest::prop_assert!(lint_lines(l, &text).is_empty(), "{text}");
            }
        }
    }
}
