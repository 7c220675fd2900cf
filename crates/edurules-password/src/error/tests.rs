//! Every variant of [`PasswordError`] has a sample whose messages pass the
//! language lint; the exhaustive match below stops a new variant from
//! compiling until it is given a sample here.

use chrono::{TimeZone, Utc};
use edurules_locale::{Message, SchoolZone, lint};

use super::PasswordError;
use crate::Locale;
use crate::check::Violation;
use crate::hash::HashProblem;
use crate::policy::PolicyProblem;

/// The lint on each line: a list (`Rejected`, `InvalidPolicy`) is one line
/// per item, and the lint counts a line break as a control character.
pub(crate) fn lint_lines(l: Locale, text: &str) -> Vec<String> {
    text.split('\n')
        .flat_map(|line| lint::problems(l, line))
        .collect()
}

/// One sample of each variant.
fn samples() -> Vec<PasswordError> {
    let long = "x".repeat(100_000);
    vec![
        PasswordError::PolicyFormat {
            reason: long.clone(),
        },
        PasswordError::InvalidPolicy {
            problems: vec![PolicyProblem::MinLengthZero],
        },
        PasswordError::InvalidHash {
            reason: long.clone(),
        },
        PasswordError::MalformedHash {
            problem: HashProblem::NotPhc,
        },
        PasswordError::InputTooLong {
            max_bytes: 2,
            after_normalization: true,
        },
        PasswordError::HashTooCostly {
            m_cost_kib: 5,
            t_cost: 1,
            max_m_cost_kib: 2,
            max_work: 22,
        },
        PasswordError::Hashing { reason: long },
        PasswordError::InvalidCredentials,
        PasswordError::TooSoon {
            min_age_days: 5,
            allowed_from: Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap(),
            zone: SchoolZone::EuropeSofia,
        },
        PasswordError::Rejected {
            violations: vec![Violation::Blocklisted],
        },
        PasswordError::Reused {
            position: 2,
            depth: 12,
        },
    ]
}

/// The variant's index: exhaustive (no wildcard), so a new variant fails to
/// compile here; give it the next index, raise `VARIANTS` and add a sample.
fn index(e: &PasswordError) -> usize {
    match e {
        PasswordError::PolicyFormat { .. } => 0,
        PasswordError::InvalidPolicy { .. } => 1,
        PasswordError::InvalidHash { .. } => 2,
        PasswordError::MalformedHash { .. } => 3,
        PasswordError::InputTooLong { .. } => 4,
        PasswordError::HashTooCostly { .. } => 5,
        PasswordError::Hashing { .. } => 6,
        PasswordError::InvalidCredentials => 7,
        PasswordError::TooSoon { .. } => 8,
        PasswordError::Rejected { .. } => 9,
        PasswordError::Reused { .. } => 10,
    }
}

const VARIANTS: usize = 11;

#[test]
fn every_variant_has_a_sample_and_a_clean_message() {
    let samples = samples();
    let mut seen = [false; VARIANTS];
    for e in &samples {
        if let Some(s) = seen.get_mut(index(e)) {
            *s = true;
        }
        for l in Locale::ALL {
            let text = Message::message(e, l);
            assert!(!text.is_empty());
            assert_eq!(lint_lines(l, &text), Vec::<String>::new(), "{text}");
            assert!(text.len() < 600, "{text}");
        }
        assert_ne!(e.message(Locale::Pl), e.message(Locale::En));
        assert_ne!(e.message(Locale::Bg), e.message(Locale::En));
    }
    assert!(seen.iter().all(|s| *s), "{seen:?}");
    let codes: std::collections::BTreeSet<&str> = samples.iter().map(PasswordError::code).collect();
    assert_eq!(codes.len(), VARIANTS);
}

#[test]
fn too_soon_is_on_the_schools_clock() {
    let e = &samples()[8];
    // 29 March 2026, 01:00 UTC: 04:00 in Sofia (summer time starts).
    assert!(
        e.message(Locale::Bg)
            .ends_with("от 29 март 2026 г., 04:00."),
        "{}",
        e.message(Locale::Bg)
    );
}
