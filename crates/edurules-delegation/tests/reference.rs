//! A naive reference evaluator (replay everything, check every link's dates at the asked
//! date, plain lists and sets, no indexes) and proptest comparing, over random event
//! sequences, `apply`'s acceptance of every grant and `decide` with it, plus the invariants
//! the issue names.

use crate::common::*;
use chrono::NaiveDate;
use edurules_delegation::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Par {
    Appt(usize),
    Auth(usize),
}

struct RAppt {
    a: Appointment,
    ended: Option<NaiveDate>,
}
struct RAuth {
    a: Authorization,
    revoked: Option<NaiveDate>,
    parent: Par,
    depth: u8,
}
struct RRole {
    person: Login,
    entity: EntityId,
    perms: BTreeSet<Permission>,
    from: NaiveDate,
    removed: Option<NaiveDate>,
}

/// The reference model: built from the accepted log only.
struct Model {
    policy: Policy,
    appts: Vec<RAppt>,
    auths: Vec<RAuth>,
    roles: Vec<RRole>,
}

impl Model {
    fn appt_ok(&self, i: usize, t: NaiveDate) -> bool {
        let r = &self.appts[i];
        r.a.from <= t && t <= r.a.until && r.ended.is_none_or(|e| t < e)
    }
    fn own_ok(&self, i: usize, t: NaiveDate) -> bool {
        let r = &self.auths[i];
        r.a.valid_from <= t && t <= r.a.valid_until && r.revoked.is_none_or(|e| t < e)
    }
    /// Every link valid at `t` (Cascade), or only the authorization itself (Survive).
    fn chain_ok(&self, i: usize, t: NaiveDate) -> bool {
        if !self.own_ok(i, t) {
            return false;
        }
        if self.policy.derived_grants == DerivedGrantPolicy::Survive {
            return true;
        }
        match self.auths[i].parent {
            Par::Appt(a) => self.appt_ok(a, t),
            Par::Auth(p) => self.chain_ok(p, t),
        }
    }
    fn last_day_of(&self, p: Par) -> NaiveDate {
        match p {
            Par::Appt(a) => {
                let r = &self.appts[a];
                r.ended
                    .and_then(|e| e.pred_opt())
                    .map_or(r.a.until, |e| e.min(r.a.until))
            }
            Par::Auth(i) => {
                let r = &self.auths[i];
                r.revoked
                    .and_then(|e| e.pred_opt())
                    .map_or(r.a.valid_until, |e| e.min(r.a.valid_until))
            }
        }
    }
    /// The last day of `p`, and under Cascade of every link above it.
    fn effective_last_day(&self, p: Par) -> NaiveDate {
        let own = self.last_day_of(p);
        match p {
            Par::Auth(i) if self.policy.derived_grants == DerivedGrantPolicy::Cascade => {
                own.min(self.effective_last_day(self.auths[i].parent))
            }
            _ => own,
        }
    }
    fn perms_of(&self, p: Par) -> BTreeSet<Permission> {
        match p {
            Par::Appt(_) => self.policy.head_permissions.iter().cloned().collect(),
            Par::Auth(i) => self.auths[i].a.permissions.iter().cloned().collect(),
        }
    }
    fn people_in_chain(&self, mut p: Par) -> BTreeSet<Login> {
        let mut out = BTreeSet::new();
        loop {
            match p {
                Par::Appt(a) => {
                    out.insert(self.appts[a].a.person.clone());
                    return out;
                }
                Par::Auth(i) => {
                    out.insert(self.auths[i].a.grantor.clone());
                    out.insert(self.auths[i].a.grantee.clone());
                    p = self.auths[i].parent;
                }
            }
        }
    }
    /// The source a grant would derive from when its grantor may lawfully give it at `on`
    /// (holds access, attenuation, depth, no cycle, and the cap when the policy asks for it):
    /// the rules that depend on the state.
    fn source_for(&self, a: &Authorization, on: NaiveDate) -> Option<(Par, u8)> {
        let (m, on) = (self, &on);
        // Candidates in the grantor's hands at `on`: appointments, then
        // authorizations, each group in log order.
        let mut cands: Vec<(Par, u8)> = vec![];
        for (i, r) in m.appts.iter().enumerate() {
            if r.a.person == a.grantor && r.a.entity == a.entity && m.appt_ok(i, *on) {
                cands.push((Par::Appt(i), 0));
            }
        }
        for (i, r) in m.auths.iter().enumerate() {
            if r.a.grantee == a.grantor && r.a.entity == a.entity && m.chain_ok(i, *on) {
                cands.push((Par::Auth(i), r.depth));
            }
        }
        // Shallowest first, then the one lasting longest, then log order.
        cands.sort_by_key(|c| (c.1, std::cmp::Reverse(m.effective_last_day(c.0))));
        let want: BTreeSet<Permission> = a.permissions.iter().cloned().collect();
        cands.into_iter().find(|&(p, depth)| {
            depth < m.policy.max_depth
                && want.is_subset(&m.perms_of(p))
                && !m.people_in_chain(p).contains(&a.grantee)
                && (!m.policy.cap_at_grantor_end || a.valid_until <= m.effective_last_day(p))
        })
    }

    fn new(policy: Policy) -> Self {
        Model {
            policy,
            appts: vec![],
            auths: vec![],
            roles: vec![],
        }
    }
    /// Applies an event the engine accepted.
    fn apply(&mut self, e: &Event) {
        let m = self;
        match e {
            Event::AppointmentRecorded { appointment, .. } => m.appts.push(RAppt {
                a: appointment.clone(),
                ended: None,
            }),
            Event::AppointmentEnded { id, on } => {
                for r in &mut m.appts {
                    if r.a.id == *id {
                        r.ended = Some(*on);
                    }
                }
            }
            Event::RequestFiled { .. } => {}
            Event::AuthorizationGranted {
                authorization: a,
                on,
            } => {
                let (parent, depth) = m
                    .source_for(a, *on)
                    .expect("an accepted grant has a source");
                m.auths.push(RAuth {
                    a: a.clone(),
                    revoked: None,
                    parent,
                    depth: depth + 1,
                });
            }
            Event::AuthorizationRevoked {
                id, on, cascade, ..
            } => {
                let root = m.auths.iter().position(|r| r.a.id == *id).unwrap();
                m.auths[root].revoked = Some(*on);
                if *cascade {
                    // Every descendant still live at `on`, through any path (an ended
                    // intermediate grant does not stop the cascade).
                    for i in 0..m.auths.len() {
                        let r = &m.auths[i];
                        let live = r.revoked.is_none() && r.a.valid_until >= *on;
                        if i != root && live && m.is_desc(i, root) {
                            m.auths[i].revoked = Some(*on);
                        }
                    }
                }
            }
            Event::RoleAssigned {
                person,
                entity,
                role,
                on,
                ..
            } => m.roles.push(RRole {
                person: person.clone(),
                entity: entity.clone(),
                perms: m.policy.roles[role].iter().cloned().collect(),
                from: *on,
                removed: None,
            }),
            Event::RoleRemoved {
                person,
                entity,
                role,
                on,
                ..
            } => {
                let perms: BTreeSet<Permission> = m.policy.roles[role].iter().cloned().collect();
                for r in &mut m.roles {
                    if r.person == *person
                        && r.entity == *entity
                        && r.perms == perms
                        && r.removed.is_none_or(|x| *on < x)
                    {
                        r.removed = Some(*on);
                        break;
                    }
                }
            }
            _ => unreachable!("new event kind"),
        }
    }
    /// Whether `i` is `root` or below it in the grant graph.
    fn is_desc(&self, mut i: usize, root: usize) -> bool {
        loop {
            if i == root {
                return true;
            }
            match self.auths[i].parent {
                Par::Auth(p) => i = p,
                Par::Appt(_) => return false,
            }
        }
    }
    fn decide(&self, who: &Login, p: &Permission, e: &EntityId, t: NaiveDate) -> bool {
        if !self.policy.permissions.contains(p) {
            return false;
        }
        let head = (0..self.appts.len()).any(|i| {
            self.appts[i].a.person == *who && self.appts[i].a.entity == *e && self.appt_ok(i, t)
        });
        if head && self.policy.head_permissions.contains(p) {
            return true;
        }
        let role = self.roles.iter().any(|r| {
            r.person == *who
                && r.entity == *e
                && r.from <= t
                && r.removed.is_none_or(|x| t < x)
                && r.perms.contains(p)
        });
        role && (0..self.auths.len()).any(|i| {
            let r = &self.auths[i];
            r.a.grantee == *who
                && r.a.entity == *e
                && r.a.permissions.contains(p)
                && self.chain_ok(i, t)
        })
    }
}

const PEOPLE: [&str; 5] = ["p0", "p1", "p2", "p3", "p4"];
const ENTITIES: [&str; 2] = ["E0", "E1"];
const PERMS: [&str; 3] = ["pupils:read", "pupils:enter", "pupils:modify"];
const ROLES: [&str; 3] = ["secretariat", "data_editor", "teacher"];

#[derive(Debug, Clone)]
enum Op {
    Appoint {
        who: usize,
        ent: usize,
        days: u32,
    },
    End {
        which: usize,
    },
    Grant {
        by: usize,
        to: usize,
        ent: usize,
        mask: u8,
        days: u32,
        doc: bool,
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
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0..5usize, 0..2usize, 30..900u32).prop_map(|(who, ent, days)| Op::Appoint { who, ent, days }),
        1 => (0..8usize).prop_map(|which| Op::End { which }),
        // Most grants pass on `pupils:read` only, so that grants by employees (within their
        // own permissions) are common and chains reach the policy's depth.
        6 => (0..9usize, 0..5usize, 0..2usize, prop_oneof![3 => Just(1u8), 2 => 1..8u8], 1..700u32, prop::bool::weighted(0.9))
            .prop_map(|(by, to, ent, mask, days, doc)| Op::Grant { by, to, ent, mask, days, doc }),
        2 => (0..12usize, 0..8usize, any::<bool>()).prop_map(|(which, by, cascade)| Op::Revoke { which, by, cascade }),
        4 => (0..5usize, 0..2usize, 0..3usize, 0..8usize).prop_map(|(who, ent, role, by)| Op::Role { who, ent, role, by }),
        1 => (0..5usize, 0..2usize, 0..3usize, 0..8usize).prop_map(|(who, ent, role, by)| Op::Unrole { who, ent, role, by }),
    ]
}

/// Who acts: `0..3` picks the entity's first head (`p0` for E0, `p1` for E1) so that many
/// grants and role assignments are lawful; `3..8` picks any person.
fn actor(raw: usize, ent: usize) -> &'static str {
    if raw < 3 {
        PEOPLE[ent]
    } else {
        PEOPLE[(raw - 3) % 5]
    }
}

fn to_events(ops: &[(u32, Op)]) -> Vec<Event> {
    let base = d(2025, 1, 1);
    let mut day = 0u32;
    // Each entity starts with a head, appointed for 700 days.
    let mut out = vec![
        appoint("h0", "p0", "E0", base, d(2026, 12, 1)),
        appoint("h1", "p1", "E1", base, d(2026, 12, 1)),
    ];
    let (mut n_appt, mut n_auth) = (0usize, 0usize);
    // The latest grantee in each entity, who often grants next (chains of depth 2 and 3);
    // the entity of each grant, so that revocations are mostly by its head.
    let mut last_grantee: [Option<usize>; 2] = [None, None];
    let mut grant_ent: Vec<usize> = Vec::new();
    for (k, (gap, op)) in ops.iter().enumerate() {
        day += gap;
        let on = base + chrono::Days::new(u64::from(day));
        let end = |len: u32| on + chrono::Days::new(u64::from(len));
        match op {
            Op::Appoint { who, ent, days } => {
                out.push(appoint(
                    &format!("a{n_appt}"),
                    PEOPLE[*who],
                    ENTITIES[*ent],
                    on,
                    end(*days),
                ));
                n_appt += 1;
            }
            Op::End { which } => out.push(Event::AppointmentEnded {
                id: AppointmentId::new(format!("a{}", which % n_appt.max(1))).unwrap(),
                on,
            }),
            Op::Grant {
                by,
                to,
                ent,
                mask,
                days,
                doc,
            } => {
                let perms: Vec<&str> = (0..3)
                    .filter(|b| mask & (1 << b) != 0)
                    .map(|b| PERMS[b])
                    .collect();
                let req = format!("r{k}");
                out.push(request(&req, PEOPLE[*to], ENTITIES[*ent], on));
                out.push(
                    Grant {
                        id: &format!("g{n_auth}"),
                        grantor: match (by, last_grantee[*ent]) {
                            (7 | 8, Some(g)) => PEOPLE[g],
                            _ => actor(*by, *ent),
                        },
                        grantee: PEOPLE[*to],
                        entity: ENTITIES[*ent],
                        perms: &perms,
                        on,
                        until: end(*days),
                        request: Some(&req),
                        document: *doc,
                    }
                    .event(),
                );
                n_auth += 1;
                last_grantee[*ent] = Some(*to);
                grant_ent.push(*ent);
            }
            Op::Revoke { which, by, cascade } => out.push(revoke(
                &format!("g{}", which % n_auth.max(1)),
                actor(
                    *by,
                    grant_ent
                        .get(which % n_auth.max(1))
                        .copied()
                        .unwrap_or(which % 2),
                ),
                on,
                *cascade,
            )),
            Op::Role {
                who,
                ent,
                role: r,
                by,
            } => out.push(role(
                PEOPLE[*who],
                ENTITIES[*ent],
                ROLES[*r],
                actor(*by, *ent),
                on,
            )),
            Op::Unrole {
                who,
                ent: en,
                role: r,
                by,
            } => out.push(Event::RoleRemoved {
                person: login(PEOPLE[*who]),
                entity: ent(ENTITIES[*en]),
                role: RoleName::new(ROLES[*r]).unwrap(),
                by: login(actor(*by, *en)),
                on,
            }),
        }
    }
    out
}

fn policy(cascade: bool, cap: bool, deep: bool) -> Policy {
    let mut p = Policy::sio().with_derived_grants(if cascade {
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
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn decide_matches_the_reference_and_keeps_the_invariants(
        ops in prop::collection::vec((0..15u32, op()), 1..40),
        cascade in any::<bool>(),
        cap in any::<bool>(),
        deep in any::<bool>(),
        queries in prop::collection::vec((0..5usize, 0..3usize, 0..2usize, 0..1400u32), 40),
    ) {
        // Event by event: the engine checks and writes; the model says independently whether
        // each grant is lawful (every generated grant has a fresh id, a fresh application with
        // a personal e-mail, dates in order and less than 5 years, so the rules that decide are
        // the written form, no self-grant, and the state-dependent ones in `source_for`).
        let policy = policy(cascade, cap, deep);
        let mut reg = Registry::new(policy.clone()).unwrap();
        let mut model = Model::new(policy);
        for e in to_events(&ops) {
            let lawful = match &e {
                Event::AuthorizationGranted { authorization: a, on } => Some(
                    a.document.is_some()
                        && a.grantor != a.grantee
                        && model.source_for(a, *on).is_some(),
                ),
                _ => None,
            };
            let result = reg.apply(e.clone());
            if let Some(lawful) = lawful {
                prop_assert_eq!(result.is_ok(), lawful, "{:?}: {:?}", e, result);
            }
            if result.is_ok() {
                model.apply(&e);
            }
        }

        // Permissions never exceed the grantor's (attenuation along the grant graph).
        for rec in reg.authorizations() {
            let mine: BTreeSet<&Permission> = rec.authorization.permissions.iter().collect();
            let grantor: BTreeSet<&Permission> = match &rec.source {
                Source::Appointment(_) => reg.policy().head_permissions.iter().collect(),
                Source::Authorization(p) => reg.authorization(p).unwrap().authorization.permissions.iter().collect(),
            };
            prop_assert!(mine.is_subset(&grantor));
            prop_assert!(rec.depth >= 1 && rec.depth <= reg.policy().max_depth);
        }

        for (who, p, e, day) in queries {
            let t = d(2025, 1, 1) + chrono::Days::new(u64::from(day));
            let (who, p, e) = (login(PEOPLE[who]), perm(PERMS[p]), ent(ENTITIES[e]));
            let decision = reg.decide(&who, &p, &e, t);
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
                    // A cached answer is good until the earliest end in its chain, no later
                    // needed: at that day the same decision still holds.
                    // Checked at the first day, a day between and the last day of the
                    // cached period.
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
        ops in prop::collection::vec((0..40u32, op()), 1..30),
        cascade in any::<bool>(),
    ) {
        let reg = Registry::replay(policy(cascade, false, false), to_events(&ops)).unwrap();
        let again = Registry::replay(reg.policy().clone(), reg.log().to_vec()).unwrap();
        prop_assert!(again.rejected().is_empty());
        prop_assert_eq!(again.authorizations().count(), reg.authorizations().count());
    }
}
