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
        Login::new("").unwrap_err(),
        DelegationError::InvalidPolicy {
            problems: vec![PolicyProblem::MaxDepth { value: 0 }],
        },
        Policy::from_json("{").unwrap_err(),
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
        assert_eq!(e.to_string(), e.message(Locale::En));
        assert_eq!(edurules_locale::Message::code(&e), e.code());
    }
}

/// A 100,000-character input is echoed as at most 64 characters and a count: every message
/// that quotes it stays under 300 bytes.
#[test]
fn huge_input_gives_a_short_message() {
    let huge = "ż".repeat(100_000);
    let messages: Vec<Box<dyn edurules_locale::Message>> = vec![
        Box::new(Login::new(huge.clone()).unwrap_err()),
        Box::new(Permission::parse(&huge).unwrap_err()),
        Box::new(DocumentRef::new(format!(" {huge}")).unwrap_err()),
        Box::new(Violation::InstitutionalEmail {
            email: huge.clone(),
        }),
        Box::new(Violation::UnknownReference {
            kind: RecordKind::Authorization,
            id: huge.clone(),
        }),
        Box::new(Event::log_from_json(&format!("[{{\"type\": \"{huge}\"}}]")).unwrap_err()),
        Box::new(Policy::from_json(&format!("{{\"{huge}\": 1}}")).unwrap_err()),
    ];
    for m in &messages {
        for l in Locale::ALL {
            let text = m.message(l);
            println!("{} [{l}]: {} bytes", m.code(), text.len());
            assert!(
                text.len() < 300,
                "{} [{l}]: {} bytes: {text}",
                m.code(),
                text.len()
            );
            assert!(
                edurules_locale::lint::problems(l, &text).is_empty(),
                "{text}"
            );
        }
    }
    let Err(DelegationError::InvalidIdentifier { value, chars, .. }) = Login::new(huge) else {
        panic!("not refused");
    };
    assert_eq!(chars, 100_000);
    assert!(value.chars().count() <= edurules_locale::MAX_QUOTED_CHARS + 1);
}

#[test]
fn exact_texts_in_each_language() {
    let depth = |depth, max| Violation::DepthExceeded { depth, max }.message(Locale::Pl);
    assert_eq!(
        depth(2, 1),
        "łańcuch upoważnień od dyrektora miałby 2 poziomy, a zasady dopuszczają najwyżej 1 poziom"
    );
    assert_eq!(
        depth(5, 2),
        "łańcuch upoważnień od dyrektora miałby 5 poziomów, a zasady dopuszczają najwyżej 2 poziomy"
    );
    let expired = DenyReason::Expired {
        source: Source::Authorization(AuthorizationId::new("g-anna").unwrap()),
        last_day: d(2027, 8, 31),
    };
    assert_eq!(
        expired.message(Locale::Pl),
        "upoważnienie „g-anna” wygasło (ostatni dzień: 31 sierpnia 2027 r.)"
    );
    assert_eq!(
        expired.message(Locale::Bg),
        "пълномощното „g-anna“ е изтекло (последен ден: 31 август 2027 г.)"
    );
    assert_eq!(
        expired.message(Locale::En),
        "the authorization “g-anna” has expired (last day: 31 August 2027)"
    );
    let head = Link::Appointment {
        id: AppointmentId::new("p1").unwrap(),
        person: login("dyr"),
        from: d(2025, 9, 1),
        last_day: d(2030, 8, 31),
    };
    assert_eq!(
        head.message(Locale::Bg),
        "назначение „p1“: „dyr“ е директор от 1 септември 2025 г. до 31 август 2030 г."
    );
    assert_eq!(
        head.message(Locale::Pl),
        "powierzenie „p1”: „dyr” jest dyrektorem od 1 września 2025 r. do 31 sierpnia 2030 r."
    );
    let excess = |n: usize| Violation::ExceedsGrantor {
        excess: (0..n).map(|i| perm(&format!("a:{i}"))).collect(),
    };
    assert_eq!(
        excess(7).message(Locale::Pl),
        "udzielający nie może przekazać więcej, niż sam ma; poza jego zakresem: „a:0”, „a:1”, „a:2”, „a:3”, „a:4” i jeszcze 2 uprawnienia"
    );
    assert_eq!(
        excess(6).message(Locale::En),
        "the grantor cannot pass on more than they hold; beyond their access: “a:0”, “a:1”, “a:2”, “a:3”, “a:4” and 1 more permission"
    );
    let mut p = Policy::sio();
    p.max_validity_months = 0;
    p.extension_window_months = 0;
    assert_eq!(
        p.validate().unwrap_err().message(Locale::Bg),
        "невалидни настройки: най-дългата валидност е 0 месеца, а трябва да е от 1 до 120 месеца"
    );
    assert_eq!(
        Policy::from_json("{\n  \"max_depth\": 2\n}")
            .unwrap_err()
            .message(Locale::Pl),
        "nie można odczytać danych JSON: błąd w wierszu 3, w kolumnie 1"
    );
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
        (2, "2 lata szkolne", "2 учебни години", "2 school years"),
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

proptest::proptest! {
    /// Whatever the input (control characters, bidirectional marks, any length), a message
    /// that echoes it has no control character and stays short.
    #[test]
    fn echoed_input_is_bounded_and_escaped(s in "(?s).{0,400}", repeat in 1usize..50) {
        let input = s.repeat(repeat);
        let mut echoes: Vec<Box<dyn edurules_locale::Message>> = vec![
            Box::new(Violation::InstitutionalEmail { email: input.clone() }),
            Box::new(Violation::DuplicateId { kind: RecordKind::Role, id: input.clone() }),
        ];
        echoes.extend(Login::new(input.clone()).err().map(|e| Box::new(e) as _));
        echoes.extend(Permission::parse(&input).err().map(|e| Box::new(e) as _));
        echoes.extend(DocumentRef::new(input.clone()).err().map(|e| Box::new(e) as _));
        for m in &echoes {
            for l in Locale::ALL {
                let text = m.message(l);
                proptest::prop_assert!(!text.chars().any(char::is_control), "{}", text);
                proptest::prop_assert!(text.len() < 1000, "{} bytes: {}", text.len(), text);
            }
        }
    }
}
