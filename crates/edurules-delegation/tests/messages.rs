//! Every message exists in Polish, Bulgarian and English.

use crate::common::*;
use edurules_delegation::*;

fn violations() -> Vec<Violation> {
    let kind = RecordKind::Authorization;
    vec![
        Violation::GrantorWithoutAccess {
            grantor: login("a"),
            entity: ent("E"),
            on: d(2026, 1, 1),
        },
        Violation::MissingWrittenForm {
            authorization: AuthorizationId::new("g").unwrap(),
        },
        Violation::StartsAfterGrantor {
            from: d(2026, 9, 1),
            grantor_last_day: d(2026, 8, 31),
        },
        Violation::EmptyScope {
            authorization: AuthorizationId::new("g").unwrap(),
        },
        Violation::OwnRoles {
            person: login("a"),
            entity: ent("E"),
        },
        Violation::TermTooLong {
            from: d(2025, 9, 1),
            until: d(2031, 8, 31),
            max_until: d(2030, 8, 31),
            school_years: 5,
        },
        Violation::ExceedsGrantor {
            excess: vec![perm("a:b")],
        },
        Violation::TooLong {
            from: d(2026, 1, 1),
            until: d(2032, 1, 1),
            max_until: d(2030, 12, 31),
        },
        Violation::OutlivesGrantor {
            until: d(2027, 1, 1),
            grantor_last_day: d(2026, 8, 31),
        },
        Violation::OverlappingHead {
            entity: ent("E"),
            other: AppointmentId::new("x").unwrap(),
        },
        Violation::SelfGrant { person: login("a") },
        Violation::Cycle { person: login("a") },
        Violation::DepthExceeded { depth: 3, max: 2 },
        Violation::NoPendingRequest {
            grantee: login("a"),
            request: None,
        },
        Violation::InstitutionalEmail {
            email: "a@school.pl".into(),
        },
        Violation::ExtensionTooEarly {
            filed_on: d(2026, 1, 1),
            earliest: d(2026, 6, 1),
        },
        Violation::ExtensionAfterExpiry {
            authorization: AuthorizationId::new("g").unwrap(),
            last_day: d(2026, 8, 31),
        },
        Violation::NotRevoker {
            by: login("a"),
            authorization: AuthorizationId::new("g").unwrap(),
        },
        Violation::NotRoleAdministrator {
            by: login("a"),
            entity: ent("E"),
        },
        Violation::OutOfOrder {
            on: d(2026, 1, 1),
            last: d(2026, 2, 1),
        },
        Violation::Retroactive {
            from: d(2026, 1, 1),
            on: d(2026, 2, 1),
        },
        Violation::InvertedPeriod {
            from: d(2026, 2, 1),
            until: d(2026, 1, 1),
        },
        Violation::DuplicateId {
            kind,
            id: "g".into(),
        },
        Violation::UnknownReference {
            kind,
            id: "g".into(),
        },
        Violation::AlreadyEnded {
            kind,
            id: "g".into(),
        },
    ]
}

fn reasons() -> Vec<DenyReason> {
    let g = || AuthorizationId::new("g").unwrap();
    vec![
        DenyReason::UnknownPermission {
            permission: perm("a:b"),
        },
        DenyReason::NoGrant,
        DenyReason::NotYetValid {
            source: Source::Authorization(g()),
            from: d(2026, 1, 1),
        },
        DenyReason::Expired {
            source: Source::Appointment(AppointmentId::new("x").unwrap()),
            last_day: d(2026, 8, 31),
        },
        DenyReason::Revoked {
            authorization: g(),
            by: login("a"),
            on: d(2026, 1, 1),
        },
        DenyReason::GrantorLostAccess {
            authorization: g(),
            grantor: login("a"),
            last_day: d(2026, 8, 31),
        },
        DenyReason::PermissionNotGranted {
            source: Source::Authorization(g()),
        },
        DenyReason::NoRole {
            permission: perm("a:b"),
        },
        DenyReason::VoidWithoutWrittenForm {
            authorization: g(),
            on: d(2026, 1, 1),
        },
    ]
}

#[test]
fn every_violation_has_three_languages_and_a_code() {
    let all = violations();
    let rules: std::collections::HashSet<Rule> = all.iter().map(Violation::rule).collect();
    // Every rule is reachable from some violation.
    assert_eq!(rules.len(), Rule::ALL.len());
    for v in &all {
        let texts: Vec<String> = Locale::ALL.iter().map(|&l| v.message(l)).collect();
        assert!(texts.iter().all(|t| !t.is_empty()), "{v:?}");
        assert_ne!(texts[0], texts[2], "Polish differs from English: {v:?}");
        assert_ne!(texts[1], texts[2], "Bulgarian differs from English: {v:?}");
        assert!(v.code().starts_with(v.rule().code()), "{v:?}");
        let back: Violation = serde_json::from_str(&serde_json::to_string(v).unwrap()).unwrap();
        assert_eq!(&back, v);
    }
}

#[test]
fn every_deny_reason_has_three_languages() {
    for r in reasons() {
        for l in Locale::ALL {
            assert!(!r.message(l).is_empty(), "{r:?}");
        }
        assert_ne!(r.message(Locale::Pl), r.message(Locale::En));
        assert_ne!(r.message(Locale::Bg), r.message(Locale::En));
        assert!(r.code().starts_with("deny."));
    }
}

#[test]
fn every_error_has_three_languages() {
    let errors = [
        DelegationError::InvalidIdentifier {
            kind: "login",
            value: "".into(),
        },
        DelegationError::InvalidPolicy {
            problems: vec!["max_depth: `0`".into()],
        },
        DelegationError::Json {
            reason: "eof".into(),
        },
        DelegationError::Rejected {
            violations: violations(),
        },
    ];
    for e in errors {
        for l in Locale::ALL {
            assert!(!e.message(l).is_empty());
        }
        assert_ne!(e.message(Locale::Pl), e.message(Locale::En));
        assert!(e.code().starts_with("delegation."));
    }
}

#[test]
fn term_messages_use_each_language_plural_forms() {
    let term = |n| Violation::TermTooLong {
        from: d(2025, 9, 1),
        until: d(2031, 8, 31),
        max_until: d(2030, 8, 31),
        school_years: n,
    };
    let cases = [
        (1, "1 rok szkolny", "1 учебна година", "1 school year"),
        (3, "3 lata szkolne", "3 учебни години", "3 school years"),
        (5, "5 lat szkolnych", "5 учебни години", "5 school years"),
    ];
    for (n, pl, bg, en) in cases {
        let v = term(n);
        assert!(
            v.message(Locale::Pl).contains(pl),
            "{}",
            v.message(Locale::Pl)
        );
        assert!(
            v.message(Locale::Bg).contains(bg),
            "{}",
            v.message(Locale::Bg)
        );
        assert!(
            v.message(Locale::En).contains(en),
            "{}",
            v.message(Locale::En)
        );
    }
}
