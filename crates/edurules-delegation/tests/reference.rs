//! Differential testing against a naive reference model (`reference/model.rs`): over random
//! logs of every event kind — appointments (also mid-year, too long, renewed), early ends,
//! requests (personal, role-mailbox, school-domain and malformed e-mails, extensions in and
//! out of their window), grants (void, empty, too long, starting later, by employees, by
//! people without access), revocations, role assignments and removals (also by a delegated
//! role administrator, also to himself) and events out of date order — the engine accepts
//! exactly the events the model finds lawful, derives each grant from a source the model
//! finds preferred, and answers `decide` as the model does; plus the invariants the issue
//! names. Runs `PROPTEST_CASES` cases (default 192, a few seconds); more locally with e.g.
//! `PROPTEST_CASES=20000 cargo test --release -p edurules-delegation --test lib reference`.

mod model;

use crate::common::*;
use chrono::NaiveDate;
use edurules_delegation::*;
use model::Model;
use proptest::prelude::*;
use std::collections::BTreeSet;

const PEOPLE: [&str; 5] = ["p0", "p1", "p2", "p3", "p4"];
const ENTITIES: [&str; 2] = ["E0", "E1"];
const PERMS: [&str; 4] = [
    "pupils:read",
    "pupils:enter",
    "pupils:modify",
    "roles:assign",
];
const ROLES: [&str; 4] = [
    "secretariat",
    "data_editor",
    "teacher",
    "data_administrator",
];
const DOMAIN: &str = "e0.school.pl";

/// The default number of cases when `PROPTEST_CASES` is not set.
const DEFAULT_CASES: u32 = 192;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

#[derive(Debug, Clone)]
enum Op {
    Appoint {
        who: usize,
        ent: usize,
        start: u32,
        days: u32,
    },
    End {
        which: usize,
    },
    Request {
        who: usize,
        ent: usize,
        email: u8,
        extends: Option<usize>,
    },
    Grant {
        by: usize,
        to: usize,
        ent: usize,
        mask: u8,
        start: u32,
        days: u32,
        doc: bool,
        req: u8,
    },
    Revoke {
        which: usize,
        by: usize,
        cascade: bool,
    },
    Role {
        who: usize,
        ent: usize,
        role: usize,
        by: usize,
    },
    Unrole {
        who: usize,
        ent: usize,
        role: usize,
        by: usize,
    },
    /// The head makes `to` a delegated role administrator: an authorization with
    /// `roles:assign` and the `data_administrator` role.
    DelegateRoles {
        to: usize,
        ent: usize,
        days: u32,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        // Terms from a month to six and a half years, sometimes starting later than recorded.
        2 => (0..5usize, 0..2usize, prop_oneof![3 => Just(0u32), 1 => 0..400u32], prop_oneof![3 => 30..900u32, 1 => 1700..2400u32])
            .prop_map(|(who, ent, start, days)| Op::Appoint { who, ent, start, days }),
        1 => (0..6usize).prop_map(|which| Op::End { which }),
        // 0..6: personal; 6: role mailbox; 7: school domain; 8: malformed.
        2 => (0..5usize, 0..2usize, 0..9u8, prop::option::weighted(0.5, 0..12usize))
            .prop_map(|(who, ent, email, extends)| Op::Request { who, ent, email, extends }),
        // Most grants pass on `pupils:read` only, so that chains by employees are common;
        // req: 0..6 a fresh application, 6 the latest application of the grantee, 7 none.
        6 => (0..9usize, 0..5usize, 0..2usize, prop_oneof![3 => Just(1u8), 2 => 0..16u8],
              prop_oneof![4 => Just(0u32), 1 => 0..120u32], 1..900u32, prop::bool::weighted(0.9), 0..8u8)
            .prop_map(|(by, to, ent, mask, start, days, doc, req)| Op::Grant { by, to, ent, mask, start, days, doc, req }),
        2 => (0..12usize, 0..8usize, any::<bool>()).prop_map(|(which, by, cascade)| Op::Revoke { which, by, cascade }),
        // who: 5 is the actor himself.
        4 => (0..6usize, 0..2usize, 0..4usize, 0..10usize).prop_map(|(who, ent, role, by)| Op::Role { who, ent, role, by }),
        1 => (0..5usize, 0..2usize, 0..4usize, 0..10usize).prop_map(|(who, ent, role, by)| Op::Unrole { who, ent, role, by }),
        1 => (0..5usize, 0..2usize, 1..400u32).prop_map(|(to, ent, days)| Op::DelegateRoles { to, ent, days }),
    ]
}

/// Who acts: `0..3` the entity's first head (`p0` for E0, `p1` for E1); `3..8` anyone;
/// `8..` the latest grantee there (an employee, perhaps a delegated role administrator).
fn actor(raw: usize, ent: usize, latest: Option<usize>) -> &'static str {
    match (raw, latest) {
        (0..3, _) => PEOPLE[ent],
        (8.., Some(g)) => PEOPLE[g],
        _ => PEOPLE[(raw - 3) % 5],
    }
}

fn email(who: &str, kind: u8) -> String {
    match kind {
        0..6 => format!("{who}@example.com"),
        6 => format!("sekretariat.{who}@example.com"),
        7 => format!("{who}@{DOMAIN}"),
        _ => format!("{who}@@example"),
    }
}

/// Turns ops into a log starting at `base`; `back[k]` dates op `k` that many days before the
/// latest date (an out-of-order event) without moving the clock.
fn to_events(base: NaiveDate, ops: &[(u32, u8, Op)]) -> Vec<Event> {
    let at = |day: i64| base + chrono::TimeDelta::days(day);
    let mut day = 0i64;
    // Each entity starts with a head, appointed for 700 days.
    let mut out = vec![
        appoint("h0", "p0", "E0", base, at(700)),
        appoint("h1", "p1", "E1", base, at(700)),
    ];
    let (mut n_appt, mut n_auth, mut n_req) = (0usize, 0usize, 0usize);
    let mut latest: [Option<usize>; 2] = [None, None];
    let mut grant_ent: Vec<usize> = Vec::new();
    let mut grant_to: Vec<usize> = Vec::new();
    let mut last_req: [Option<String>; 5] = Default::default();
    for (gap, back, op) in ops {
        day += i64::from(*gap);
        let on = at(day - i64::from(*back));
        let plus = |n: u32| on + chrono::Days::new(u64::from(n));
        match op {
            Op::Appoint {
                who,
                ent,
                start,
                days,
            } => {
                let from = plus(*start);
                out.push(Event::AppointmentRecorded {
                    appointment: Appointment::new(
                        AppointmentId::new(format!("a{n_appt}")).unwrap(),
                        login(PEOPLE[*who]),
                        ent_id(*ent),
                        from,
                        from + chrono::Days::new(u64::from(*days)),
                    ),
                    on,
                });
                n_appt += 1;
            }
            // 0, 1: an entity's first head; otherwise a later appointment.
            Op::End { which } => out.push(Event::AppointmentEnded {
                id: AppointmentId::new(match which {
                    0 | 1 => format!("h{which}"),
                    _ => format!("a{}", which % n_appt.max(1)),
                })
                .unwrap(),
                on,
            }),
            Op::Request {
                who,
                ent,
                email: kind,
                extends,
            } => {
                let id = format!("r{n_req}");
                n_req += 1;
                // An extension is applied for by the grantee, for the grant's entity.
                let target = extends.map(|g| g % n_auth.max(1));
                let (who, ent) = match target.and_then(|g| grant_to.get(g).zip(grant_ent.get(g))) {
                    Some((&to, &e)) => (to, e),
                    None => (*who, *ent),
                };
                out.push(Event::RequestFiled {
                    request: {
                        let r = AccessRequest::new(
                            RequestId::new(&id).unwrap(),
                            login(PEOPLE[who]),
                            ent_id(ent),
                            email(PEOPLE[who], *kind),
                            on,
                        );
                        match target.map(|g| AuthorizationId::new(format!("g{g}")).unwrap()) {
                            Some(a) => r.extends(a),
                            None => r,
                        }
                    },
                });
                last_req[who] = Some(id);
            }
            Op::Grant {
                by,
                to,
                ent,
                mask,
                start,
                days,
                doc,
                req,
            } => {
                let perms: Vec<&str> = (0..4)
                    .filter(|b| mask & (1 << b) != 0)
                    .map(|b| PERMS[b])
                    .collect();
                let request = match req {
                    0..6 => {
                        let id = format!("r{n_req}");
                        n_req += 1;
                        out.push(request(&id, PEOPLE[*to], ENTITIES[*ent], on));
                        last_req[*to] = Some(id.clone());
                        Some(id)
                    }
                    6 => last_req[*to].clone(),
                    _ => None,
                };
                let from = plus(*start);
                out.push(
                    Grant {
                        id: &format!("g{n_auth}"),
                        grantor: actor(*by, *ent, latest[*ent]),
                        grantee: PEOPLE[*to],
                        entity: ENTITIES[*ent],
                        perms: &perms,
                        on: from,
                        until: from + chrono::Days::new(u64::from(*days)),
                        request: request.as_deref(),
                        document: *doc,
                    }
                    .event_on(on),
                );
                n_auth += 1;
                latest[*ent] = Some(*to);
                grant_ent.push(*ent);
                grant_to.push(*to);
            }
            Op::Revoke { which, by, cascade } => {
                let g = which % n_auth.max(1);
                let e = grant_ent.get(g).copied().unwrap_or(which % 2);
                out.push(revoke(
                    &format!("g{g}"),
                    actor(*by, e, latest[e]),
                    on,
                    *cascade,
                ));
            }
            Op::Role {
                who,
                ent,
                role: r,
                by,
            } => {
                let by = actor(*by, *ent, latest[*ent]);
                let who = PEOPLE.get(*who).copied().unwrap_or(by);
                out.push(role(who, ENTITIES[*ent], ROLES[*r], by, on));
            }
            Op::DelegateRoles { to, ent, days } => {
                let (id, req) = (format!("g{n_auth}"), format!("r{n_req}"));
                n_req += 1;
                out.push(request(&req, PEOPLE[*to], ENTITIES[*ent], on));
                out.push(
                    Grant {
                        id: &id,
                        grantor: PEOPLE[*ent],
                        grantee: PEOPLE[*to],
                        entity: ENTITIES[*ent],
                        perms: &["roles:assign", "pupils:read"],
                        on,
                        until: plus(*days),
                        request: Some(&req),
                        document: true,
                    }
                    .event(),
                );
                out.push(role(
                    PEOPLE[*to],
                    ENTITIES[*ent],
                    "data_administrator",
                    PEOPLE[*ent],
                    on,
                ));
                n_auth += 1;
                latest[*ent] = Some(*to);
                grant_ent.push(*ent);
                grant_to.push(*to);
            }
            Op::Unrole {
                who,
                ent,
                role: r,
                by,
            } => out.push(Event::RoleRemoved {
                person: login(PEOPLE[*who]),
                entity: ent_id(*ent),
                role: RoleName::new(ROLES[*r]).unwrap(),
                by: login(actor(*by, *ent, latest[*ent])),
                on,
            }),
        }
    }
    out
}

fn ent_id(i: usize) -> EntityId {
    ent(ENTITIES[i])
}

fn policy(cascade: bool, cap: bool, deep: bool) -> Policy {
    let mut p = Policy::sio()
        .with_institution_domains([DOMAIN])
        .with_derived_grants(if cascade {
            DerivedGrantPolicy::Cascade
        } else {
            DerivedGrantPolicy::Survive
        });
    p.cap_at_grantor_end = cap;
    // A vendor policy one level deeper than SIO, so that cascades cross intermediate grants.
    if deep {
        p = p.with_max_depth(3);
    }
    p
}

/// The gap to the event before (often none: several events of one day, so that an end can
/// meet what was done the same day), and how far back it is dated (rarely: out of order).
fn op_with_time() -> impl Strategy<Value = (u32, u8, Op)> {
    (
        prop_oneof![1 => Just(0u32), 2 => 1..15u32],
        prop_oneof![12 => Just(0u8), 1 => 1..20u8],
        op(),
    )
}

/// Logs start in 2018 (the 2018 depth rule, crossing into 2019) or in 2025.
fn base() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![Just(d(2018, 9, 1)), Just(d(2025, 1, 1))]
}

fn link_valid_at(l: &Link, t: NaiveDate) -> bool {
    match l {
        Link::Appointment { from, last_day, .. } => *from <= t && t <= *last_day,
        Link::Authorization {
            valid_from,
            last_day,
            ..
        } => *valid_from <= t && t <= *last_day,
        Link::Role {
            assigned_on,
            last_day,
            ..
        } => *assigned_on <= t && last_day.is_none_or(|l| t <= l),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn decide_matches_the_reference_and_keeps_the_invariants(
        base in base(),
        ops in prop::collection::vec(op_with_time(), 1..48),
        cascade in any::<bool>(),
        cap in any::<bool>(),
        deep in any::<bool>(),
        queries in prop::collection::vec((0..5usize, 0..4usize, 0..2usize, 0..1400u32), 40),
    ) {
        // Event by event: the model judges every event against the accepted history before
        // the engine sees it; the engine must accept exactly the lawful ones.
        let policy = policy(cascade, cap, deep);
        let mut reg = Registry::new(policy.clone()).unwrap();
        let mut model = Model::new(policy);
        let (mut accepted, mut refused) = (0usize, 0usize);
        for e in to_events(base, &ops) {
            let lawful = model.lawful(&e);
            let result = reg.apply(e.clone());
            prop_assert_eq!(result.is_ok(), lawful, "{:?}: {:?}", e, result);
            if result.is_ok() {
                accepted += 1;
                let source = match &e {
                    Event::AuthorizationGranted { authorization: a, .. } => {
                        reg.authorization(&a.id).map(|r| r.source.clone())
                    }
                    _ => None,
                };
                let checked = model.apply(&e, source.as_ref());
                prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
            } else {
                refused += 1;
            }
        }
        prop_assert_eq!(reg.log().len(), accepted);
        prop_assert_eq!(reg.rejected().len(), refused);

        // Permissions never exceed the grantor's (attenuation along the grant graph).
        for rec in reg.authorizations() {
            let mine: BTreeSet<&Permission> = rec.authorization.permissions.iter().collect();
            let grantor: BTreeSet<&Permission> = match &rec.source {
                Source::Appointment(_) => reg.policy().head_permissions.iter().collect(),
                Source::Authorization(p) => reg.authorization(p).unwrap().authorization.permissions.iter().collect(),
            };
            prop_assert!(mine.is_subset(&grantor));
            prop_assert!(rec.depth >= 1 && rec.depth <= reg.policy().max_depth_on(rec.granted_on));
        }

        for (who, p, e, day) in queries {
            let t = base + chrono::Days::new(u64::from(day));
            let (who, p, e) = (login(PEOPLE[who]), perm(PERMS[p]), ent(ENTITIES[e]));
            let decision = reg.decide(&who, &p, &e, t);
            // The fast answer is the decision's, for every registry and question.
            prop_assert_eq!(reg.allows(&who, &p, &e, t), decision.is_allowed(), "{} {} {} {}", who, p, e, t);
            prop_assert_eq!(decision.is_allowed(), model.decide(&who, &p, &e, t), "{} {} {} {}", who, p, e, t);
            match decision {
                Decision::Allowed { chain } => {
                    // No Allowed without a chain whose every link is valid at that date.
                    prop_assert!(!chain.links.is_empty());
                    for l in &chain.links {
                        prop_assert!(link_valid_at(l, t), "{:?} not valid at {}", l, t);
                    }
                    // Under Cascade nothing derived from an ended or revoked access stays
                    // allowed: the root is an appointment in force.
                    if cascade {
                        let root_is_appointment = matches!(chain.links[0], Link::Appointment { .. });
                        prop_assert!(root_is_appointment);
                    }
                    // A cached answer is good until the earliest end in its chain: checked at
                    // the first day, a day between and the last day of the cached period.
                    if let Some(until) = chain.valid_through() {
                        prop_assert!(until >= t);
                        let mid = t + chrono::Days::new(
                            u64::try_from((until - t).num_days() / 2).unwrap(),
                        );
                        for u in [t, mid, until] {
                            prop_assert!(reg.decide(&who, &p, &e, u).is_allowed(), "cached to {} but denied on {}", until, u);
                        }
                    }
                }
                Decision::Denied { reasons } => prop_assert!(!reasons.is_empty()),
            }
        }
    }

    #[test]
    fn replaying_the_accepted_log_gives_the_same_state(
        base in base(),
        ops in prop::collection::vec(op_with_time(), 1..30),
        cascade in any::<bool>(),
    ) {
        let reg = Registry::replay(policy(cascade, false, false), to_events(base, &ops)).unwrap();
        let again = Registry::replay(reg.policy().clone(), reg.log().to_vec()).unwrap();
        prop_assert!(again.rejected().is_empty());
        prop_assert_eq!(again.authorizations().count(), reg.authorizations().count());
        prop_assert_eq!(again.log(), reg.log());
    }
}

/// The generators reach every event kind, accepted and refused, and the rules the issue
/// names: measured over a fixed sample so that a generator change that stops producing them
/// fails here rather than silently weakening the comparison.
#[test]
fn the_generator_covers_every_event_kind_and_rule() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut kinds_ok = BTreeSet::new();
    let mut kinds_refused = BTreeSet::new();
    let mut codes = BTreeSet::new();
    for _ in 0..300 {
        let base = base().new_tree(&mut runner).unwrap().current();
        let ops = prop::collection::vec(op_with_time(), 1..48)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let mut reg = Registry::new(policy(false, false, false)).unwrap();
        for e in to_events(base, &ops) {
            let kind = serde_json::to_value(&e).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned();
            match reg.apply(e) {
                Ok(()) => {
                    kinds_ok.insert(kind);
                }
                Err(DelegationError::Rejected { violations }) => {
                    kinds_refused.insert(kind);
                    codes.extend(violations.iter().map(|v| v.code().to_owned()));
                }
                Err(other) => panic!("{other}"),
            }
        }
    }
    for kind in [
        "appointment_recorded",
        "appointment_ended",
        "request_filed",
        "authorization_granted",
        "authorization_revoked",
        "role_assigned",
        "role_removed",
    ] {
        assert!(kinds_ok.contains(kind), "never accepted: {kind}");
        assert!(kinds_refused.contains(kind), "never refused: {kind}");
    }
    for code in [
        "chronological_log.out_of_order",
        "personal_email.institutional",
        "extension_window.too_early",
        "extension_window.expired",
        "delegation_depth.exceeded",
        "grantor_holds_access.starts_after_grantor",
        "written_form.empty_scope",
        "written_form.missing",
        "role_administrator.own_roles",
        "max_validity.term_too_long",
        "single_head.overlap",
        "pending_request.missing",
        "attenuation.exceeds_grantor",
        "revoker_authority.not_allowed",
        "no_cycle.grantee_in_chain",
        "chronological_log.used_that_day",
    ] {
        assert!(
            codes.contains(code),
            "never raised: {code}; raised {codes:?}"
        );
    }
}
