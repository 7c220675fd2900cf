//! One table test per rule, each case citing its legal basis.

use crate::common::*;
use edurules_delegation::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    basis: String,
    event: Event,
    expect: Vec<String>,
}

/// The table's base log: `dyr` heads SP7; `anna`, `ewa`, `piotr` applied; `piotr` holds g0.
fn base() -> Registry {
    let policy = Policy::sio().with_institution_domains(["sp7.opole.pl"]);
    let mut reg = Registry::new(policy).unwrap();
    let on = d(2025, 9, 1);
    apply_all(&mut reg, [appoint("ap1", "dyr", "SP7", on, d(2030, 8, 31))]);
    apply_all(
        &mut reg,
        [
            request("req-anna", "anna", "SP7", on),
            request("req-ewa", "ewa", "SP7", on),
        ],
    );
    apply_all(
        &mut reg,
        grant(
            "g0",
            "dyr",
            "piotr",
            "SP7",
            &["pupils:read"],
            on,
            d(2026, 8, 31),
        ),
    );
    reg
}

#[test]
fn table_of_rules_from_tests_data() {
    let text = include_str!("data/rules.json");
    let table: Table = serde_json::from_str(text).unwrap();
    assert!(table.cases.len() >= 20);
    for case in table.cases {
        assert!(!case.basis.is_empty(), "{}: no legal basis", case.name);
        let mut reg = base();
        let mut expect = case.expect.clone();
        expect.sort();
        match reg.apply(case.event) {
            Ok(()) => assert!(
                expect.is_empty(),
                "{} ({}): accepted, expected {expect:?}",
                case.name,
                case.basis
            ),
            Err(e) => assert_eq!(codes(e), expect, "{} ({})", case.name, case.basis),
        }
    }
}

fn sio_with_head() -> Registry {
    let mut reg = Registry::new(Policy::sio()).unwrap();
    apply_all(
        &mut reg,
        [appoint("ap1", "dyr", "SP7", d(2025, 9, 1), d(2030, 8, 31))],
    );
    reg
}

/// SIO act art. 68 ust. 2 + art. 70 ust. 2 as amended in 2019: depth 2 (head → employee →
/// employee) is allowed, depth 3 is not.
#[test]
fn delegation_depth_art_70_ust_2_since_2019() {
    let mut reg = sio_with_head();
    let on = d(2025, 9, 2);
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read", "pupils:enter"],
            on,
            d(2026, 8, 31),
        ),
    );
    apply_all(
        &mut reg,
        grant(
            "g2",
            "anna",
            "ewa",
            "SP7",
            &["pupils:read"],
            on,
            d(2026, 8, 31),
        ),
    );
    assert_eq!(
        reg.authorization(&AuthorizationId::new("g2").unwrap())
            .unwrap()
            .depth,
        2
    );
    let [req, g3] = grant(
        "g3",
        "ewa",
        "piotr",
        "SP7",
        &["pupils:read"],
        on,
        d(2026, 8, 31),
    );
    apply_all(&mut reg, [req]);
    assert_eq!(
        codes(reg.apply(g3).unwrap_err()),
        ["delegation_depth.exceeded"]
    );
}

/// SIO act art. 68 ust. 2: the employee acts on the head's behalf, so an employee cannot
/// pass on more than he holds.
#[test]
fn attenuation_art_68_ust_2() {
    let mut reg = sio_with_head();
    let on = d(2025, 9, 2);
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read"],
            on,
            d(2026, 8, 31),
        ),
    );
    let [req, g2] = grant(
        "g2",
        "anna",
        "ewa",
        "SP7",
        &["pupils:read", "pupils:modify"],
        on,
        d(2026, 8, 31),
    );
    apply_all(&mut reg, [req]);
    let err = reg.apply(g2).unwrap_err();
    let DelegationError::Rejected { violations } = &err else {
        panic!()
    };
    assert_eq!(
        violations,
        &[Violation::ExceedsGrantor {
            excess: vec![perm("pupils:modify")]
        }]
    );
}

/// No cycle: `anna` (authorized by `dyr`) cannot authorize `dyr`, who is already her root.
#[test]
fn no_cycle_in_the_grant_graph() {
    let mut reg = sio_with_head();
    let on = d(2025, 9, 2);
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read"],
            on,
            d(2026, 8, 31),
        ),
    );
    let [req, g2] = grant(
        "g2",
        "anna",
        "dyr",
        "SP7",
        &["pupils:read"],
        on,
        d(2026, 8, 31),
    );
    apply_all(&mut reg, [req]);
    assert_eq!(
        codes(reg.apply(g2).unwrap_err()),
        ["no_cycle.grantee_in_chain"]
    );
}

/// SIO act art. 74: an extension may be applied for no earlier than 3 months before the
/// access period ends (period ends with 2026-08-31, so from 2026-06-01), and not after it.
#[test]
fn extension_window_art_74() {
    let mut reg = sio_with_head();
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read"],
            d(2025, 9, 2),
            d(2026, 8, 31),
        ),
    );
    let ext = |id: &str, on| Event::RequestFiled {
        request: AccessRequest::new(
            RequestId::new(id).unwrap(),
            login("anna"),
            ent("SP7"),
            "anna@example.com",
            on,
        )
        .extends(AuthorizationId::new("g1").unwrap()),
    };
    assert_eq!(
        codes(reg.apply(ext("e1", d(2026, 5, 31))).unwrap_err()),
        ["extension_window.too_early"]
    );
    reg.apply(ext("e2", d(2026, 6, 1))).unwrap();
    // The head grants the extension on 31 August: accepted.
    let g2 = Grant {
        id: "g2",
        grantor: "dyr",
        grantee: "anna",
        entity: "SP7",
        perms: &["pupils:read"],
        on: d(2026, 8, 31),
        until: d(2027, 8, 31),
        request: Some("e2"),
        document: true,
    };
    reg.apply(g2.event()).unwrap();
    // A request after expiry is refused: a new application is needed.
    assert_eq!(
        codes(reg.apply(ext("e3", d(2027, 9, 1))).unwrap_err()),
        ["extension_window.expired"]
    );
}

/// Art. 74: if the access expires before the extension is granted, the request lapses.
#[test]
fn extension_request_lapses_when_access_expires_first_art_74() {
    let mut reg = sio_with_head();
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read"],
            d(2025, 9, 2),
            d(2026, 8, 31),
        ),
    );
    reg.apply(Event::RequestFiled {
        request: AccessRequest::new(
            RequestId::new("e1").unwrap(),
            login("anna"),
            ent("SP7"),
            "anna@example.com",
            d(2026, 7, 1),
        )
        .extends(AuthorizationId::new("g1").unwrap()),
    })
    .unwrap();
    let g2 = Grant {
        id: "g2",
        grantor: "dyr",
        grantee: "anna",
        entity: "SP7",
        perms: &["pupils:read"],
        on: d(2026, 9, 1),
        until: d(2027, 8, 31),
        request: Some("e1"),
        document: true,
    };
    assert_eq!(
        codes(reg.apply(g2.event()).unwrap_err()),
        ["extension_window.expired"]
    );
}

/// A request answers one grant only (art. 71: one application, one grant of access data).
#[test]
fn a_request_is_used_once() {
    let mut reg = sio_with_head();
    let on = d(2025, 9, 2);
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read"],
            on,
            d(2026, 8, 31),
        ),
    );
    let again = Grant {
        id: "g2",
        grantor: "dyr",
        grantee: "anna",
        entity: "SP7",
        perms: &["pupils:read"],
        on,
        until: d(2026, 8, 31),
        request: Some("req-g1"),
        document: true,
    };
    assert_eq!(
        codes(reg.apply(again.event()).unwrap_err()),
        ["pending_request.missing"]
    );
}

/// Strict vendor policy (not SIO): a grant may not outlive its grantor's access.
#[test]
fn strict_policy_caps_at_the_grantors_end() {
    let mut reg = Registry::new(Policy::strict()).unwrap();
    apply_all(
        &mut reg,
        [appoint("ap1", "dyr", "SP7", d(2025, 9, 1), d(2026, 8, 31))],
    );
    let [req, g] = grant(
        "g1",
        "dyr",
        "anna",
        "SP7",
        &["pupils:read"],
        d(2025, 9, 2),
        d(2027, 8, 31),
    );
    apply_all(&mut reg, [req]);
    assert_eq!(
        codes(reg.apply(g).unwrap_err()),
        ["within_grantor_term.outlives_grantor"]
    );
    // The same grant is lawful under SIO (art. 74 pkt 2 bounds it by 5 years only).
    let mut sio = Registry::new(Policy::sio()).unwrap();
    apply_all(
        &mut sio,
        [appoint("ap1", "dyr", "SP7", d(2025, 9, 1), d(2026, 8, 31))],
    );
    apply_all(
        &mut sio,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read"],
            d(2025, 9, 2),
            d(2027, 8, 31),
        ),
    );
}

/// Every rule has a legal basis and a unique code.
#[test]
fn every_rule_names_its_basis() {
    let mut seen = std::collections::HashSet::new();
    for r in Rule::ALL {
        assert!(r.legal_basis().len() > 10, "{r}");
        assert!(seen.insert(r.code()), "{r}");
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, format!("\"{}\"", r.code()));
    }
}

/// A refused event is kept for the audit, not written to the log.
#[test]
fn refused_events_are_kept_apart() {
    let mut reg = sio_with_head();
    let g = Grant {
        id: "g1",
        grantor: "dyr",
        grantee: "anna",
        entity: "SP7",
        perms: &["pupils:read"],
        on: d(2025, 9, 2),
        until: d(2026, 8, 31),
        request: None,
        document: false,
    };
    assert!(reg.apply(g.event()).is_err());
    assert_eq!(reg.log().len(), 1);
    assert_eq!(reg.rejected().len(), 1);
    assert!(
        reg.authorization(&AuthorizationId::new("g1").unwrap())
            .is_none()
    );
}

/// Found by the `delegation_replay` fuzz target: an appointment ending long
/// before it starts, recorded for an entity that already has a head, made the
/// single-head check search an inverted range and panic. It is refused.
#[test]
fn an_appointment_ending_before_the_overlap_window_is_refused_not_a_panic() {
    let mut reg = Registry::new(Policy::sio()).unwrap();
    reg.apply(appoint("a1", "dyr", "SP7", d(2025, 9, 1), d(2026, 8, 31)))
        .unwrap();
    let err = reg
        .apply(appoint("a2", "inny", "SP7", d(2026, 9, 1), d(2010, 1, 1)))
        .unwrap_err();
    assert!(!codes(err).is_empty());
}

fn end_appointment(id: &str, on: chrono::NaiveDate) -> Event {
    Event::AppointmentEnded {
        id: AppointmentId::new(id).unwrap(),
        on,
    }
}

/// SIO act art. 70 ust. 2: the grantor must hold access data when granting. An end dated the
/// day of a grant already recorded would take the head's access away from the start of that
/// day (his last day the day before), leaving a grant the engine accepted without a grantor
/// holding access, and the result dependent on the order of the day's events: the end is
/// refused, and is accepted dated the next day. Recorded the other way round, the grant is
/// refused.
#[test]
fn an_end_cannot_take_away_access_used_that_day_art_70_ust_2() {
    let on = d(2026, 3, 2);
    let mut reg = sio_with_head();
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read"],
            on,
            d(2026, 8, 31),
        ),
    );
    let err = reg.apply(end_appointment("ap1", on)).unwrap_err();
    let DelegationError::Rejected { violations } = err else {
        panic!("{err}");
    };
    assert_eq!(
        violations,
        [Violation::UsedThatDay {
            person: login("dyr"),
            on,
            kind: RecordKind::Authorization,
            id: "g1".to_owned(),
        }]
    );
    assert_eq!(violations[0].rule(), Rule::ChronologicalLog);
    assert_eq!(
        violations[0].message(Locale::En),
        "an end from 2 March 2026 would take effect from the start of that day, and an event concerning the authorization “g1” was already recorded that day under the access of “dyr”; no event changes the past: record the end from the next day"
    );
    // Refused, it changed nothing: the head still decides that day, and anna is authorized.
    assert!(allowed(&reg, "dyr", "pupils:read", "SP7", on));
    assert_eq!(reg.rejected().len(), 1);
    // Dated the next day, the end is accepted; the grant survives it (the SIO rule).
    apply_all(&mut reg, [end_appointment("ap1", d(2026, 3, 3))]);
    assert!(!allowed(&reg, "dyr", "pupils:read", "SP7", d(2026, 3, 3)));

    // The other order: the end first, then the head's grant of the same day is refused.
    let mut reg = sio_with_head();
    apply_all(&mut reg, [end_appointment("ap1", on)]);
    let [req, g1] = grant(
        "g1",
        "dyr",
        "anna",
        "SP7",
        &["pupils:read"],
        on,
        d(2026, 8, 31),
    );
    apply_all(&mut reg, [req]);
    assert_eq!(
        codes(reg.apply(g1).unwrap_err()),
        ["grantor_holds_access.no_access"]
    );
}

/// The same for an authorization revoked on the day its holder granted further (SIO act art.
/// 70 ust. 2, depth 2 since 2019), and for a role administrator's role removed on the day he
/// assigned a role. An end that takes away nothing used that day is accepted.
#[test]
fn a_revocation_or_role_removal_cannot_take_away_access_used_that_day() {
    let on = d(2026, 3, 2);
    let mut reg = sio_with_head();
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:read"],
            d(2025, 9, 2),
            d(2026, 8, 31),
        ),
    );
    apply_all(
        &mut reg,
        grant(
            "g2",
            "anna",
            "ewa",
            "SP7",
            &["pupils:read"],
            on,
            d(2026, 8, 31),
        ),
    );
    let used = |err: DelegationError| match err {
        DelegationError::Rejected { violations } => violations,
        other => panic!("{other}"),
    };
    assert_eq!(
        used(reg.apply(revoke("g1", "dyr", on, false)).unwrap_err()),
        [Violation::UsedThatDay {
            person: login("anna"),
            on,
            kind: RecordKind::Authorization,
            id: "g2".to_owned(),
        }]
    );
    // With the cascade it is refused too; revoking ewa's own grant takes nothing used.
    assert_eq!(
        codes(reg.apply(revoke("g1", "dyr", on, true)).unwrap_err()),
        ["chronological_log.used_that_day"]
    );
    apply_all(&mut reg, [revoke("g2", "dyr", on, false)]);
    // The head's revocation of that day relied on his appointment.
    assert_eq!(
        codes(reg.apply(end_appointment("ap1", on)).unwrap_err()),
        ["chronological_log.used_that_day"]
    );

    // A delegated role administrator (the data_administrator role, by the head) assigns a
    // role; his own role removed the same day is refused, the next day accepted.
    let mut reg = sio_with_head();
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["sio:access", "roles:assign"],
            d(2025, 9, 2),
            d(2026, 8, 31),
        ),
    );
    apply_all(
        &mut reg,
        [role(
            "anna",
            "SP7",
            "data_administrator",
            "dyr",
            d(2025, 9, 2),
        )],
    );
    apply_all(&mut reg, [role("ewa", "SP7", "teacher", "anna", on)]);
    let removal = |on| Event::RoleRemoved {
        person: login("anna"),
        entity: ent("SP7"),
        role: RoleName::new("data_administrator").unwrap(),
        by: login("dyr"),
        on,
    };
    assert_eq!(
        used(reg.apply(removal(on)).unwrap_err()),
        [Violation::UsedThatDay {
            person: login("anna"),
            on,
            kind: RecordKind::RoleAssignment,
            id: "ewa/SP7/teacher".to_owned(),
        }]
    );
    apply_all(&mut reg, [removal(d(2026, 3, 3))]);
}

/// An end is refused only for what it takes away. A role administrator's removal of her own
/// role is an act under her access, but an end that does not touch her access takes nothing
/// from it; her removal of her own administrator role leaves her without that access from the
/// start of the day, so a later end cannot be what took it. A role removed the day it was
/// assigned takes nothing used that day either.
#[test]
fn an_end_is_refused_only_for_access_it_takes_away() {
    let on = d(2026, 3, 2);
    // anna administers roles (an authorization with `roles:assign` and the data_administrator
    // role, both from the head) and has a teacher role; bob has an unrelated grant.
    let setup = || {
        let mut reg = sio_with_head();
        apply_all(
            &mut reg,
            grant(
                "g1",
                "dyr",
                "anna",
                "SP7",
                &["sio:access", "roles:assign"],
                d(2025, 9, 2),
                d(2026, 8, 31),
            ),
        );
        apply_all(
            &mut reg,
            grant(
                "g2",
                "dyr",
                "bob",
                "SP7",
                &["pupils:read"],
                d(2025, 9, 2),
                d(2026, 8, 31),
            ),
        );
        apply_all(
            &mut reg,
            [
                role("anna", "SP7", "data_administrator", "dyr", d(2025, 9, 2)),
                role("anna", "SP7", "teacher", "dyr", d(2025, 9, 2)),
            ],
        );
        reg
    };
    let removal = |person: &str, role: &str, by: &str| Event::RoleRemoved {
        person: login(person),
        entity: ent("SP7"),
        role: RoleName::new(role).unwrap(),
        by: login(by),
        on,
    };

    // anna removes her own teacher role (allowed: the own-roles rule is for assigning); the
    // head then revokes bob's grant the same day: accepted.
    let mut reg = setup();
    apply_all(&mut reg, [removal("anna", "teacher", "anna")]);
    apply_all(&mut reg, [revoke("g2", "dyr", on, false)]);
    assert!(reg.rejected().is_empty());

    // anna removes her own administrator role: from the start of the day she administers no
    // roles, by her own act. Revoking her authorization the same day takes nothing more.
    let mut reg = setup();
    apply_all(&mut reg, [removal("anna", "data_administrator", "anna")]);
    apply_all(&mut reg, [revoke("g1", "dyr", on, false)]);
    assert!(reg.rejected().is_empty());

    // A role assigned and removed the same day by the head.
    let mut reg = setup();
    apply_all(
        &mut reg,
        [
            role("ewa", "SP7", "teacher", "dyr", on),
            removal("ewa", "teacher", "dyr"),
        ],
    );
    assert!(reg.rejected().is_empty());

    // Still refused: anna assigns ewa a role, then her authorization is revoked that day.
    let mut reg = setup();
    apply_all(&mut reg, [role("ewa", "SP7", "teacher", "anna", on)]);
    assert_eq!(
        codes(reg.apply(revoke("g1", "dyr", on, false)).unwrap_err()),
        ["chronological_log.used_that_day"]
    );
}
