//! Every violation, problem, error and status has a message in pl, bg and en.

use chrono::{TimeZone, Utc};
use edurules_password::{
    CharClass, Edge, HashField, HashProblem, Locale, PasswordError, PasswordPolicy, PersonalField,
    PolicyProblem, StrengthWarning, Violation,
};

fn all_violations() -> Vec<Violation> {
    vec![
        Violation::TooShort { min: 8, actual: 6 },
        Violation::TooLong {
            max: 128,
            actual: 200,
        },
        Violation::ControlCharacter,
        Violation::MissingClasses {
            classes: vec![CharClass::Digit, CharClass::Special],
            min_present: 1,
            present: 0,
        },
        Violation::ForbiddenAtEdge {
            edge: Edge::First,
            class: CharClass::Digit,
        },
        Violation::ForbiddenAtEdge {
            edge: Edge::Last,
            class: CharClass::Special,
        },
        Violation::TooManyRepeated { max: 2, actual: 3 },
        Violation::ContainsPersonalData {
            field: PersonalField::Login,
        },
        Violation::ContainsPersonalData {
            field: PersonalField::Name,
        },
        Violation::ContainsPersonalData {
            field: PersonalField::Email,
        },
        Violation::ContainsPersonalData {
            field: PersonalField::NationalId,
        },
        Violation::Blocklisted,
        Violation::TooWeak {
            min_score: 3,
            score: 1,
            warning: Some(StrengthWarning::Common),
        },
        Violation::TooWeak {
            min_score: 3,
            score: 1,
            warning: None,
        },
    ]
}

fn all_problems() -> Vec<PolicyProblem> {
    vec![
        PolicyProblem::MinLengthZero,
        PolicyProblem::MinAboveMax { min: 9, max: 8 },
        PolicyProblem::MaxLengthAboveLimit {
            max: 5000,
            limit: 1024,
        },
        PolicyProblem::ClassRequirement {
            index: 0,
            min_present: 3,
            classes: 2,
        },
        PolicyProblem::ClassesExceedMaxLength {
            required: 5,
            max: 4,
        },
        PolicyProblem::MaxRepeatedZero,
        PolicyProblem::MaxAge {
            days: 0,
            limit: 3650,
        },
        PolicyProblem::WarningNotBelowMaxAge {
            warning: 60,
            max_age: 60,
        },
        PolicyProblem::MinAgeNotBelowMaxAge {
            min_age: 60,
            max_age: 60,
        },
        PolicyProblem::HistoryDepth {
            depth: 25,
            limit: 24,
        },
        PolicyProblem::BlocklistEntryEmpty { index: 1 },
        PolicyProblem::ZxcvbnScore { score: 5 },
        PolicyProblem::HashMemory {
            m_cost_kib: 1,
            min: 8,
            max: 1_048_576,
        },
        PolicyProblem::HashTime { t_cost: 0, max: 64 },
        PolicyProblem::HashParallelism { p_cost: 0, max: 16 },
        PolicyProblem::HashWork {
            work: 1_000_000,
            max: 524_288,
        },
        PolicyProblem::HashAboveCeiling {
            m_cost_kib: 262_144,
            t_cost: 4,
        },
        PolicyProblem::PasswordBytes {
            bytes: 0,
            limit: 65_536,
        },
        PolicyProblem::VerifyCeiling {
            m_cost_kib: 2_000_000,
            work: 1,
        },
    ]
}

fn all_errors() -> Vec<PasswordError> {
    vec![
        PasswordError::PolicyFormat {
            reason: "unknown field `x`".into(),
        },
        PasswordError::InvalidPolicy {
            problems: all_problems(),
        },
        PasswordError::InvalidHash {
            reason: "bad".into(),
        },
        PasswordError::Hashing {
            reason: "rng".into(),
        },
        PasswordError::MalformedHash {
            problem: HashProblem::MissingParameter {
                field: HashField::M,
            },
        },
        PasswordError::InputTooLong {
            max_bytes: 4096,
            after_normalization: true,
        },
        PasswordError::HashTooCostly {
            m_cost_kib: 1_048_576,
            t_cost: 64,
            max_m_cost_kib: 262_144,
            max_work: 524_288,
        },
        PasswordError::InvalidCredentials,
        PasswordError::TooSoon {
            min_age_days: 1,
            allowed_from: Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap(),
        },
        PasswordError::Rejected {
            violations: all_violations(),
        },
        PasswordError::Reused {
            position: 2,
            depth: 4,
        },
    ]
}

#[test]
fn every_violation_has_three_distinct_messages() {
    for v in all_violations() {
        let texts: Vec<String> = Locale::ALL.iter().map(|l| v.message(*l)).collect();
        for t in &texts {
            assert!(!t.is_empty(), "{v:?}");
            assert_eq!(
                t.chars().next().map(char::is_uppercase),
                Some(false),
                "lowercase: {t}"
            );
        }
        assert_ne!(texts[0], texts[1], "{v:?}");
        assert_ne!(texts[1], texts[2], "{v:?}");
        assert!(v.code().starts_with("password."));
    }
}

#[test]
fn every_problem_and_error_has_three_messages() {
    for p in all_problems() {
        for l in Locale::ALL {
            assert!(!p.message(l).is_empty(), "{p:?}");
        }
        assert!(p.code().starts_with("policy."));
    }
    let mut codes = Vec::new();
    for e in all_errors() {
        for l in Locale::ALL {
            assert!(!e.message(l).is_empty(), "{e:?}");
        }
        assert!(!e.to_string().is_empty());
        codes.push(e.code());
    }
    let n = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), n, "codes are distinct");
}

#[test]
fn every_hash_problem_has_three_distinct_messages() {
    let problems = [
        HashProblem::TooLong { max_bytes: 512 },
        HashProblem::NotPhc,
        HashProblem::UnsupportedAlgorithm,
        HashProblem::UnsupportedVersion { version: 20 },
        HashProblem::MissingParameter {
            field: HashField::T,
        },
        HashProblem::DuplicateParameter {
            field: HashField::P,
        },
        HashProblem::UnknownParameter { index: 3 },
        HashProblem::ParametersOutOfOrder,
        HashProblem::BadNumber {
            field: HashField::V,
        },
        HashProblem::OutOfRange {
            field: HashField::Salt,
            value: 4,
            min: 8,
            max: 64,
        },
        HashProblem::BadBase64 {
            field: HashField::Tag,
        },
    ];
    for p in problems {
        let texts: Vec<String> = Locale::ALL.iter().map(|l| p.message(*l)).collect();
        assert!(texts.iter().all(|t| !t.is_empty()), "{p:?}");
        assert_ne!(texts[0], texts[2], "{p:?}");
        assert_ne!(texts[1], texts[2], "{p:?}");
    }
}

#[test]
fn policy_schema_and_locale_serde() {
    let schema = PasswordPolicy::json_schema();
    assert!(schema["properties"]["history_depth"].is_object());
    assert_eq!(serde_json::to_string(&Locale::Pl).unwrap(), "\"pl\"");
}

#[test]
fn serde_tag_is_the_stable_code() {
    for v in all_violations() {
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["code"], v.code());
        assert_eq!(serde_json::from_value::<Violation>(json).unwrap(), v);
    }
    for p in all_problems() {
        assert_eq!(serde_json::to_value(&p).unwrap()["code"], p.code());
    }
}
