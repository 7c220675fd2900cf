//! Worked scenarios: the year-end change of director under both policies, explanations,
//! queries, revocation, and the log as data.

use crate::common::*;
use edurules_delegation::*;

/// The old director `dyr` heads SP7 until 31 August 2026 (the date in his appointment act,
/// seed 000); he authorized `anna` (secretariat) until 31 August 2027, and `anna` authorized
/// `ewa` (since 2019 an authorized employee holding access may grant: depth 2).
fn before_year_end(mode: DerivedGrantPolicy) -> Registry {
    let mut reg = Registry::new(Policy::sio().with_derived_grants(mode)).unwrap();
    let on = d(2025, 9, 1);
    apply_all(
        &mut reg,
        [appoint(
            "ap-dyr",
            "dyr",
            "SP7",
            d(2021, 9, 1),
            d(2026, 8, 31),
        )],
    );
    apply_all(
        &mut reg,
        grant(
            "g-anna",
            "dyr",
            "anna",
            "SP7",
            &["sio:access", "pupils:read", "pupils:enter"],
            on,
            d(2027, 8, 31),
        ),
    );
    apply_all(&mut reg, [role("anna", "SP7", "secretariat", "dyr", on)]);
    apply_all(
        &mut reg,
        grant(
            "g-ewa",
            "anna",
            "ewa",
            "SP7",
            &["pupils:read"],
            d(2025, 9, 2),
            d(2027, 8, 31),
        ),
    );
    apply_all(
        &mut reg,
        [role("ewa", "SP7", "teacher", "dyr", d(2025, 9, 2))],
    );
    reg
}

/// The same, with the successor `nowa` appointed from 1 September 2026.
fn year_end(mode: DerivedGrantPolicy) -> Registry {
    let mut reg = before_year_end(mode);
    // The successor's appointment starts on 1 September.
    apply_all(
        &mut reg,
        [appoint(
            "ap-nowa",
            "nowa",
            "SP7",
            d(2026, 9, 1),
            d(2031, 8, 31),
        )],
    );
    reg
}

#[test]
fn year_end_survive_keeps_staff_until_the_successor_revokes() {
    let mut reg = year_end(DerivedGrantPolicy::Survive);
    assert!(allowed(&reg, "anna", "pupils:enter", "SP7", d(2026, 8, 31)));
    assert!(!allowed(&reg, "dyr", "pupils:enter", "SP7", d(2026, 9, 1)));
    // After 31 August the old director is gone, but his authorization survives (SIO).
    let Decision::Allowed { chain } = reg.decide(
        &login("anna"),
        &perm("pupils:enter"),
        &ent("SP7"),
        d(2026, 9, 1),
    ) else {
        panic!("anna should keep access under Survive");
    };
    assert!(
        matches!(chain.links[0], Link::Authorization { .. }),
        "root is the surviving authorization"
    );
    assert!(matches!(chain.links.last(), Some(Link::Role { .. })));
    assert!(allowed(&reg, "ewa", "pupils:read", "SP7", d(2026, 9, 1)));
    // The successor revokes with cascade from 15 September.
    apply_all(&mut reg, [revoke("g-anna", "nowa", d(2026, 9, 15), true)]);
    assert!(
        allowed(&reg, "anna", "pupils:enter", "SP7", d(2026, 9, 14)),
        "the past does not change"
    );
    assert!(!allowed(
        &reg,
        "anna",
        "pupils:enter",
        "SP7",
        d(2026, 9, 15)
    ));
    assert!(
        !allowed(&reg, "ewa", "pupils:read", "SP7", d(2026, 9, 15)),
        "cascade reached ewa"
    );
    let ewa = reg
        .authorization(&AuthorizationId::new("g-ewa").unwrap())
        .unwrap();
    assert_eq!(
        ewa.revocation.as_ref().unwrap().cascaded_from,
        Some(AuthorizationId::new("g-anna").unwrap())
    );
    // The new director re-grants.
    apply_all(
        &mut reg,
        grant(
            "g-anna-2",
            "nowa",
            "anna",
            "SP7",
            &["sio:access", "pupils:read", "pupils:enter"],
            d(2026, 9, 16),
            d(2027, 8, 31),
        ),
    );
    let Decision::Allowed { chain } = reg.decide(
        &login("anna"),
        &perm("pupils:enter"),
        &ent("SP7"),
        d(2026, 9, 16),
    ) else {
        panic!("re-granted");
    };
    assert!(
        matches!(&chain.links[0], Link::Appointment { person, .. } if person.as_str() == "nowa")
    );
    assert_eq!(chain.links.len(), 3);
}

#[test]
fn year_end_cascade_ends_staff_access_at_once() {
    let mut reg = year_end(DerivedGrantPolicy::Cascade);
    assert!(allowed(&reg, "anna", "pupils:enter", "SP7", d(2026, 8, 31)));
    assert!(allowed(&reg, "ewa", "pupils:read", "SP7", d(2026, 8, 31)));
    let Decision::Denied { reasons } = reg.decide(
        &login("anna"),
        &perm("pupils:enter"),
        &ent("SP7"),
        d(2026, 9, 1),
    ) else {
        panic!("anna should lose access under Cascade");
    };
    assert_eq!(
        reasons,
        [DenyReason::GrantorLostAccess {
            authorization: AuthorizationId::new("g-anna").unwrap(),
            grantor: login("dyr"),
            last_day: d(2026, 8, 31),
        }]
    );
    assert!(
        !allowed(&reg, "ewa", "pupils:read", "SP7", d(2026, 9, 1)),
        "depth 2 also ends"
    );
    // The new director re-grants on 1 September.
    apply_all(
        &mut reg,
        grant(
            "g-anna-2",
            "nowa",
            "anna",
            "SP7",
            &["sio:access", "pupils:read", "pupils:enter"],
            d(2026, 9, 1),
            d(2027, 8, 31),
        ),
    );
    assert!(allowed(&reg, "anna", "pupils:enter", "SP7", d(2026, 9, 1)));
    assert!(
        !allowed(&reg, "ewa", "pupils:read", "SP7", d(2026, 9, 1)),
        "ewa's grant derived from the ended one"
    );
}

#[test]
fn cascade_mode_also_ends_on_revocation_without_cascade_flag() {
    let mut reg = before_year_end(DerivedGrantPolicy::Cascade);
    apply_all(&mut reg, [revoke("g-anna", "dyr", d(2026, 1, 10), false)]);
    assert!(!allowed(&reg, "ewa", "pupils:read", "SP7", d(2026, 1, 10)));
    assert!(allowed(&reg, "ewa", "pupils:read", "SP7", d(2026, 1, 9)));
    // Under Survive without the cascade flag, ewa keeps her grant.
    let mut survive = before_year_end(DerivedGrantPolicy::Survive);
    apply_all(
        &mut survive,
        [revoke("g-anna", "dyr", d(2026, 1, 10), false)],
    );
    assert!(allowed(
        &survive,
        "ewa",
        "pupils:read",
        "SP7",
        d(2026, 1, 10)
    ));
}

#[test]
fn expired_authorization_is_denied_with_its_last_day() {
    let reg = year_end(DerivedGrantPolicy::Survive);
    let Decision::Denied { reasons } = reg.decide(
        &login("anna"),
        &perm("pupils:enter"),
        &ent("SP7"),
        d(2027, 9, 1),
    ) else {
        panic!();
    };
    assert_eq!(
        reasons,
        [DenyReason::Expired {
            source: Source::Authorization(AuthorizationId::new("g-anna").unwrap()),
            last_day: d(2027, 8, 31)
        }]
    );
    assert!(
        reasons[0]
            .message(Locale::Pl)
            .contains("31 sierpnia 2027 r.")
    );
}

#[test]
fn void_grant_is_explained() {
    let mut reg = before_year_end(DerivedGrantPolicy::Survive);
    apply_all(&mut reg, [request("req-x", "piotr", "SP7", d(2025, 10, 1))]);
    let g = Grant {
        id: "g-x",
        grantor: "dyr",
        grantee: "piotr",
        entity: "SP7",
        perms: &["pupils:read"],
        on: d(2025, 10, 1),
        until: d(2026, 6, 30),
        request: Some("req-x"),
        document: false,
    };
    assert_eq!(
        codes(reg.apply(g.event()).unwrap_err()),
        ["written_form.missing"]
    );
    let Decision::Denied { reasons } = reg.decide(
        &login("piotr"),
        &perm("pupils:read"),
        &ent("SP7"),
        d(2025, 10, 2),
    ) else {
        panic!();
    };
    assert_eq!(
        reasons,
        [DenyReason::VoidWithoutWrittenForm {
            authorization: AuthorizationId::new("g-x").unwrap(),
            on: d(2025, 10, 1)
        }]
    );
    let deny = |reg: &Registry, at| match reg.decide(
        &login("piotr"),
        &perm("pupils:read"),
        &ent("SP7"),
        at,
    ) {
        Decision::Denied { reasons } => reasons,
        Decision::Allowed { .. } => panic!("allowed on {at}"),
    };
    // As of the day before, the attempt had not happened: nothing was granted.
    assert_eq!(deny(&reg, d(2025, 9, 30)), [DenyReason::NoGrant]);
    // As of its own day it had.
    let void = [DenyReason::VoidWithoutWrittenForm {
        authorization: AuthorizationId::new("g-x").unwrap(),
        on: d(2025, 10, 1),
    }];
    assert_eq!(deny(&reg, d(2025, 10, 1)), void);
    // Made again in writing two days later: as of the day between, no written grant had
    // been made yet, and the void attempt still explains the denial.
    let mut later = reg.clone();
    later
        .apply(
            Grant {
                document: true,
                on: d(2025, 10, 3),
                ..g
            }
            .event(),
        )
        .unwrap();
    // (The written grant itself is named as not yet valid.)
    assert!(deny(&later, d(2025, 10, 2)).contains(&void[0]));
    // From its day the written grant is in force, and the void attempt is cited no more
    // (piotr still needs a role for the permission).
    let reasons = deny(&later, d(2025, 10, 3));
    assert!(!reasons.contains(&void[0]), "{reasons:?}");
    assert!(
        matches!(reasons[..], [DenyReason::NoRole { .. }]),
        "{reasons:?}"
    );
    // The same grant made again in writing, the same day: once it expires, the denial
    // names its expiry, not the void attempt under the same id.
    reg.apply(
        Grant {
            document: true,
            ..g
        }
        .event(),
    )
    .unwrap();
    assert_eq!(
        deny(&reg, d(2026, 7, 1)),
        [DenyReason::Expired {
            source: Source::Authorization(AuthorizationId::new("g-x").unwrap()),
            last_day: d(2026, 6, 30)
        }]
    );
}

#[test]
fn denials_name_what_is_missing() {
    let reg = year_end(DerivedGrantPolicy::Survive);
    let deny = |who, p, at| match reg.decide(&login(who), &perm(p), &ent("SP7"), at) {
        Decision::Denied { reasons } => reasons,
        Decision::Allowed { .. } => panic!("{who} {p} allowed"),
    };
    assert_eq!(
        deny("nobody", "pupils:read", d(2026, 1, 1)),
        [DenyReason::NoGrant]
    );
    // ewa's authorization lacks pupils:modify.
    assert!(matches!(
        deny("ewa", "pupils:modify", d(2026, 1, 1))[0],
        DenyReason::PermissionNotGranted { .. }
    ));
    // anna's authorization includes sio:access but... her role does too; teachers:read is not in her grant.
    assert!(matches!(
        deny("anna", "teachers:read", d(2026, 1, 1))[0],
        DenyReason::PermissionNotGranted { .. }
    ));
    assert!(matches!(
        deny("nowa", "pupils:read", d(2026, 8, 31))[0],
        DenyReason::NotYetValid { .. }
    ));
    let unknown = reg.decide(&login("anna"), &perm("x:y"), &ent("SP7"), d(2026, 1, 1));
    assert!(
        matches!(unknown, Decision::Denied { ref reasons } if matches!(reasons[0], DenyReason::UnknownPermission { .. }))
    );
}

#[test]
fn a_role_is_needed_besides_the_authorization() {
    let mut reg = Registry::new(Policy::sio()).unwrap();
    apply_all(
        &mut reg,
        [appoint("ap1", "dyr", "SP7", d(2025, 9, 1), d(2030, 8, 31))],
    );
    apply_all(
        &mut reg,
        grant(
            "g1",
            "dyr",
            "anna",
            "SP7",
            &["pupils:modify"],
            d(2025, 9, 1),
            d(2026, 8, 31),
        ),
    );
    let Decision::Denied { reasons } = reg.decide(
        &login("anna"),
        &perm("pupils:modify"),
        &ent("SP7"),
        d(2025, 9, 2),
    ) else {
        panic!();
    };
    assert_eq!(
        reasons,
        [DenyReason::NoRole {
            permission: perm("pupils:modify")
        }]
    );
    // The data administrator assigns the data editor's role (seed 004: an authorized employee modifies data).
    apply_all(
        &mut reg,
        [role("anna", "SP7", "data_editor", "dyr", d(2025, 9, 3))],
    );
    assert!(!allowed(
        &reg,
        "anna",
        "pupils:modify",
        "SP7",
        d(2025, 9, 2)
    ));
    assert!(allowed(&reg, "anna", "pupils:modify", "SP7", d(2025, 9, 3)));
    apply_all(
        &mut reg,
        [Event::RoleRemoved {
            person: login("anna"),
            entity: ent("SP7"),
            role: RoleName::new("data_editor").unwrap(),
            by: login("dyr"),
            on: d(2025, 10, 1),
        }],
    );
    assert!(!allowed(
        &reg,
        "anna",
        "pupils:modify",
        "SP7",
        d(2025, 10, 1)
    ));
    assert!(allowed(
        &reg,
        "anna",
        "pupils:modify",
        "SP7",
        d(2025, 9, 30)
    ));
}

#[test]
fn queries_who_what_and_expiring() {
    let reg = year_end(DerivedGrantPolicy::Survive);
    let who = reg.who_may(&perm("pupils:read"), &ent("SP7"), d(2026, 3, 3));
    let names: Vec<&str> = who.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(names, ["anna", "dyr", "ewa"]);
    let what = reg.what_may(&login("ewa"), d(2026, 3, 3));
    assert_eq!(what.len(), 1);
    assert_eq!(what[0].1, perm("pupils:read"));
    let exp = reg.expiring_before(d(2026, 6, 1), d(2026, 9, 1));
    assert_eq!(
        exp.len(),
        1,
        "only the director's appointment ends on 31 August 2026"
    );
    assert_eq!(
        exp[0].source,
        Source::Appointment(AppointmentId::new("ap-dyr").unwrap())
    );
    assert_eq!(exp[0].last_day, d(2026, 8, 31));
    assert_eq!(reg.expiring_before(d(2027, 6, 1), d(2027, 9, 1)).len(), 2);
}

#[test]
fn one_login_acts_for_many_entities() {
    let mut reg = Registry::new(Policy::sio()).unwrap();
    apply_all(
        &mut reg,
        [appoint("a1", "dyr", "SP7", d(2025, 9, 1), d(2030, 8, 31))],
    );
    apply_all(
        &mut reg,
        [appoint("a2", "dyr", "PP3", d(2025, 9, 1), d(2030, 8, 31))],
    );
    let what = reg.what_may(&login("dyr"), d(2025, 9, 1));
    let entities: std::collections::BTreeSet<&str> =
        what.iter().map(|(e, _, _)| e.as_str()).collect();
    assert_eq!(entities.into_iter().collect::<Vec<_>>(), ["PP3", "SP7"]);
}

#[test]
fn the_log_is_data_and_replays_to_the_same_answers() {
    let reg = year_end(DerivedGrantPolicy::Survive);
    let json = serde_json::to_string(reg.log()).unwrap();
    let again =
        Registry::replay(reg.policy().clone(), Event::log_from_json(&json).unwrap()).unwrap();
    assert!(again.rejected().is_empty());
    assert_eq!(again.log(), reg.log());
    for at in [d(2025, 9, 1), d(2026, 9, 1), d(2027, 9, 1)] {
        for who in ["dyr", "anna", "ewa", "nowa"] {
            assert_eq!(
                reg.decide(&login(who), &perm("pupils:read"), &ent("SP7"), at),
                again.decide(&login(who), &perm("pupils:read"), &ent("SP7"), at)
            );
        }
    }
}

#[test]
fn chain_valid_through_is_the_earliest_end() {
    let reg = year_end(DerivedGrantPolicy::Survive);
    let Decision::Allowed { chain } = reg.decide(
        &login("ewa"),
        &perm("pupils:read"),
        &ent("SP7"),
        d(2026, 3, 3),
    ) else {
        panic!();
    };
    // appointment (to 2026-08-31) → anna (to 2027-08-31) → ewa (to 2027-08-31) → role
    assert_eq!(chain.links.len(), 4);
    assert_eq!(chain.valid_through(), Some(d(2026, 8, 31)));
}

/// The year-end change of director worked by hand, as data (`tests/data/year_end.json`).
#[test]
fn year_end_table_from_tests_data() {
    #[derive(serde::Deserialize)]
    struct Case {
        who: String,
        permission: String,
        at: chrono::NaiveDate,
        survive: bool,
        cascade: bool,
        why: String,
    }
    #[derive(serde::Deserialize)]
    struct Table {
        log: Vec<Event>,
        then_survive: Vec<Event>,
        cases: Vec<Case>,
    }
    let table: Table = serde_json::from_str(include_str!("data/year_end.json")).unwrap();
    for mode in [DerivedGrantPolicy::Survive, DerivedGrantPolicy::Cascade] {
        let mut reg =
            Registry::replay(Policy::sio().with_derived_grants(mode), table.log.clone()).unwrap();
        assert!(reg.rejected().is_empty(), "{:?}", reg.rejected());
        if mode == DerivedGrantPolicy::Survive {
            apply_all(&mut reg, table.then_survive.clone());
        }
        for c in &table.cases {
            let expected = if mode == DerivedGrantPolicy::Survive {
                c.survive
            } else {
                c.cascade
            };
            let got = allowed(&reg, &c.who, &c.permission, "SP7", c.at);
            assert_eq!(
                got, expected,
                "{mode:?}: {} {} on {}: {}",
                c.who, c.permission, c.at, c.why
            );
        }
    }
}

/// Explicit revocation with `cascade: true` follows the whole grant graph: a live grant below
/// an intermediate grant that has already ended (it survived under `Survive`) is still derived
/// from the revoked one, and is revoked with it. Depth 3 needs a vendor policy (SIO: 2).
#[test]
fn explicit_cascade_reaches_grants_below_an_ended_intermediate() {
    let policy = Policy::sio().with_max_depth(3);
    let mut reg = Registry::new(policy).unwrap();
    apply_all(
        &mut reg,
        [appoint("ap1", "dyr", "SP7", d(2025, 9, 1), d(2030, 8, 31))],
    );
    let on = d(2025, 9, 2);
    let r = &["pupils:read"];
    apply_all(
        &mut reg,
        grant("g1", "dyr", "anna", "SP7", r, on, d(2027, 8, 31)),
    );
    apply_all(
        &mut reg,
        grant("g2", "anna", "ewa", "SP7", r, on, d(2026, 6, 30)),
    );
    apply_all(
        &mut reg,
        grant("g3", "ewa", "piotr", "SP7", r, on, d(2027, 8, 31)),
    );
    apply_all(&mut reg, [role("piotr", "SP7", "teacher", "dyr", on)]);
    // g2 ended on 30 June; under Survive g3 runs on.
    assert!(allowed(&reg, "piotr", "pupils:read", "SP7", d(2026, 7, 9)));
    apply_all(&mut reg, [revoke("g1", "dyr", d(2026, 7, 10), true)]);
    assert!(allowed(&reg, "piotr", "pupils:read", "SP7", d(2026, 7, 9)));
    assert!(
        !allowed(&reg, "piotr", "pupils:read", "SP7", d(2026, 7, 10)),
        "g3 derives from g1 through g2"
    );
    let g3 = reg
        .authorization(&AuthorizationId::new("g3").unwrap())
        .unwrap();
    let rev = g3.revocation.as_ref().unwrap();
    assert_eq!(rev.on, d(2026, 7, 10));
    assert_eq!(rev.cascaded_from, Some(AuthorizationId::new("g1").unwrap()));
    // The ended intermediate keeps its own end: it is not marked revoked.
    let g2 = reg
        .authorization(&AuthorizationId::new("g2").unwrap())
        .unwrap();
    assert!(g2.revocation.is_none());
    assert_eq!(g2.last_day(), d(2026, 6, 30));
}

/// Under `Cascade` an employee's access ends with the head's appointment, so the 31 August
/// reminder must list it with that day, not with the authorization's own later last day.
#[test]
fn expiring_before_under_cascade_uses_the_end_of_the_chain() {
    let reg = before_year_end(DerivedGrantPolicy::Cascade);
    let exp = reg.expiring_before(d(2026, 6, 1), d(2026, 9, 1));
    let got: Vec<(&str, chrono::NaiveDate)> = exp
        .iter()
        .map(|e| (e.person.as_str(), e.last_day))
        .collect();
    let end = d(2026, 8, 31);
    assert_eq!(got, [("anna", end), ("dyr", end), ("ewa", end)]);
    // Under Survive only the head's appointment ends then.
    let survive = before_year_end(DerivedGrantPolicy::Survive);
    assert_eq!(
        survive.expiring_before(d(2026, 6, 1), d(2026, 9, 1)).len(),
        1
    );
}

/// The 31 August boundary for a caller holding instants: the head's appointment ends with
/// 31 August 2026 in Warsaw (CEST, UTC+2), i.e. at 22:00 UTC that day.
#[test]
fn year_end_boundary_for_instants_is_warsaw_midnight() {
    use chrono::{TimeZone, Utc};
    let reg = year_end(DerivedGrantPolicy::Cascade);
    let at = |h, m, s| warsaw_date(Utc.with_ymd_and_hms(2026, 8, 31, h, m, s).unwrap());
    assert!(allowed(&reg, "dyr", "pupils:read", "SP7", at(21, 59, 59)));
    assert!(allowed(&reg, "anna", "pupils:enter", "SP7", at(21, 59, 59)));
    // Midnight in Warsaw, still 31 August in UTC: the old head is gone, the new one is in.
    assert!(!allowed(&reg, "dyr", "pupils:read", "SP7", at(22, 0, 0)));
    assert!(!allowed(&reg, "anna", "pupils:enter", "SP7", at(22, 0, 0)));
    assert!(allowed(&reg, "nowa", "pupils:read", "SP7", at(22, 0, 0)));
}

/// Under `Cascade`, a grant made while the grantor holds both his old authorization and its
/// extension derives from the one that lasts longer, so it does not end with the old one
/// while the grantor's access goes on (art. 74 extension).
#[test]
fn cascade_grant_during_an_extension_derives_from_the_longer_access() {
    let mut reg =
        Registry::new(Policy::sio().with_derived_grants(DerivedGrantPolicy::Cascade)).unwrap();
    apply_all(
        &mut reg,
        [appoint("ap1", "dyr", "SP7", d(2025, 9, 1), d(2030, 8, 31))],
    );
    let r = &["pupils:read"];
    apply_all(
        &mut reg,
        grant("g1", "dyr", "anna", "SP7", r, d(2025, 9, 1), d(2026, 8, 31)),
    );
    apply_all(
        &mut reg,
        [Event::RequestFiled {
            request: AccessRequest::new(
                RequestId::new("ext").unwrap(),
                login("anna"),
                ent("SP7"),
                "anna@example.com",
                d(2026, 6, 1),
            )
            .extends(AuthorizationId::new("g1").unwrap()),
        }],
    );
    let extension = Grant {
        id: "g2",
        grantor: "dyr",
        grantee: "anna",
        entity: "SP7",
        perms: r,
        on: d(2026, 8, 1),
        until: d(2027, 8, 31),
        request: Some("ext"),
        document: true,
    };
    apply_all(&mut reg, [extension.event()]);
    apply_all(
        &mut reg,
        grant("g3", "anna", "ewa", "SP7", r, d(2026, 8, 2), d(2027, 6, 30)),
    );
    apply_all(
        &mut reg,
        [role("ewa", "SP7", "teacher", "dyr", d(2026, 8, 2))],
    );
    let g3 = reg
        .authorization(&AuthorizationId::new("g3").unwrap())
        .unwrap();
    assert_eq!(
        g3.source,
        Source::Authorization(AuthorizationId::new("g2").unwrap())
    );
    assert!(allowed(&reg, "ewa", "pupils:read", "SP7", d(2026, 9, 1)));
    assert!(allowed(&reg, "ewa", "pupils:read", "SP7", d(2027, 6, 30)));
}
