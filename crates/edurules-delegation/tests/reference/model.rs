//! The naive reference model: plain lists, every rule of the README written out again from
//! the law's wording, no indexes and no code of the engine. It judges **every** event (is it
//! lawful against the accepted history?) and answers `decide` by re-checking every link.
//!
//! The one thing it takes from the engine is which lawful source an accepted grant derives
//! from, and only after checking that it is lawful and preferred as the README says
//! (shallowest, then lasting longest).

use chrono::{Datelike, Days, Months, NaiveDate};
use edurules_delegation::*;
use std::collections::BTreeSet;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Par {
    Appt(usize),
    Auth(usize),
}

#[derive(Clone)]
struct RAppt {
    a: Appointment,
    ended: Option<NaiveDate>,
}
#[derive(Clone)]
struct RAuth {
    a: Authorization,
    revoked: Option<NaiveDate>,
    parent: Par,
    depth: u8,
}
#[derive(Clone)]
struct RReq {
    r: AccessRequest,
    used: bool,
}
#[derive(Clone)]
struct RRole {
    person: Login,
    entity: EntityId,
    role: RoleName,
    from: NaiveDate,
    removed: Option<NaiveDate>,
}

#[derive(Clone)]
pub(crate) struct Model {
    pub(crate) policy: Policy,
    last: Option<NaiveDate>,
    appts: Vec<RAppt>,
    auths: Vec<RAuth>,
    reqs: Vec<RReq>,
    roles: Vec<RRole>,
    /// The accepted events, in order.
    log: Vec<Event>,
}

fn day_before(d: NaiveDate) -> NaiveDate {
    d.pred_opt().unwrap()
}

/// The last day of a period of `months` months counted from `from`: the day before the same
/// date `months` later, or the last day of that month when it has no such date.
fn period_end(from: NaiveDate, months: u32) -> NaiveDate {
    let total = from.year() * 12 + from.month0() as i32 + months as i32;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    match NaiveDate::from_ymd_opt(y, m, from.day()) {
        Some(same) => day_before(same),
        None => {
            let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            day_before(NaiveDate::from_ymd_opt(next.0, next.1, 1).unwrap())
        }
    }
}

/// Prawo oświatowe art. 63 ust. 21 as the README reads it: `years` school years (1 Sept –
/// 31 Aug), a part-year at the start not counted.
fn term_end(from: NaiveDate, years: u8) -> NaiveDate {
    let mut year_end = if from.month() >= 9 {
        from.year() + 1
    } else {
        from.year()
    };
    let mut counted = 0;
    if from.month() == 9 && from.day() == 1 {
        counted = 1; // the first school year is whole
    }
    while counted < years {
        year_end += 1;
        counted += 1;
    }
    NaiveDate::from_ymd_opt(year_end, 8, 31).unwrap()
}

fn event_date(e: &Event) -> NaiveDate {
    match e {
        Event::RequestFiled { request } => request.filed_on,
        Event::AppointmentRecorded { on, .. }
        | Event::AppointmentEnded { on, .. }
        | Event::AuthorizationGranted { on, .. }
        | Event::AuthorizationRevoked { on, .. }
        | Event::RoleAssigned { on, .. }
        | Event::RoleRemoved { on, .. } => *on,
        _ => unreachable!("new event kind"),
    }
}

impl Model {
    pub(crate) fn new(policy: Policy) -> Self {
        Model {
            policy,
            last: None,
            appts: vec![],
            auths: vec![],
            reqs: vec![],
            roles: vec![],
            log: vec![],
        }
    }

    // ---- dates of records

    fn access_last(&self, i: usize) -> NaiveDate {
        let r = &self.appts[i];
        let mut last =
            r.a.until
                .min(period_end(r.a.from, self.policy.max_validity_months));
        if let Some(e) = r.ended {
            last = last.min(day_before(e));
        }
        last
    }
    fn term_last(&self, i: usize) -> NaiveDate {
        let r = &self.appts[i];
        r.ended.map_or(r.a.until, |e| r.a.until.min(day_before(e)))
    }
    fn appt_ok(&self, i: usize, t: NaiveDate) -> bool {
        self.appts[i].a.from <= t && t <= self.access_last(i)
    }
    fn auth_last(&self, i: usize) -> NaiveDate {
        let r = &self.auths[i];
        r.revoked
            .map_or(r.a.valid_until, |e| r.a.valid_until.min(day_before(e)))
    }
    fn own_ok(&self, i: usize, t: NaiveDate) -> bool {
        self.auths[i].a.valid_from <= t && t <= self.auth_last(i)
    }
    fn cascade(&self) -> bool {
        self.policy.derived_grants == DerivedGrantPolicy::Cascade
    }
    /// Under Cascade every link up to the appointment must hold at `t`; under Survive only
    /// the authorization itself.
    fn chain_ok(&self, i: usize, t: NaiveDate) -> bool {
        self.own_ok(i, t)
            && (!self.cascade()
                || match self.auths[i].parent {
                    Par::Appt(a) => self.appt_ok(a, t),
                    Par::Auth(p) => self.chain_ok(p, t),
                })
    }
    fn effective_last(&self, p: Par) -> NaiveDate {
        match p {
            Par::Appt(a) => self.access_last(a),
            Par::Auth(i) if self.cascade() => self
                .auth_last(i)
                .min(self.effective_last(self.auths[i].parent)),
            Par::Auth(i) => self.auth_last(i),
        }
    }
    fn perms_of(&self, p: Par) -> BTreeSet<Permission> {
        match p {
            Par::Appt(_) => self.policy.head_permissions.iter().cloned().collect(),
            Par::Auth(i) => self.auths[i].a.permissions.iter().cloned().collect(),
        }
    }
    fn depth_of(&self, p: Par) -> u8 {
        match p {
            Par::Appt(_) => 0,
            Par::Auth(i) => self.auths[i].depth,
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
    fn is_head(&self, who: &Login, e: &EntityId, t: NaiveDate) -> bool {
        (0..self.appts.len()).any(|i| {
            self.appts[i].a.person == *who && self.appts[i].a.entity == *e && self.appt_ok(i, t)
        })
    }
    /// The accesses `who` holds in `e` at `t`.
    fn held(&self, who: &Login, e: &EntityId, t: NaiveDate) -> Vec<Par> {
        let mut out = vec![];
        for i in 0..self.appts.len() {
            if self.appts[i].a.person == *who && self.appts[i].a.entity == *e && self.appt_ok(i, t)
            {
                out.push(Par::Appt(i));
            }
        }
        for i in 0..self.auths.len() {
            if self.auths[i].a.grantee == *who
                && self.auths[i].a.entity == *e
                && self.chain_ok(i, t)
            {
                out.push(Par::Auth(i));
            }
        }
        out
    }
    /// The depth rule in force on `on` (its dated versions).
    fn depth_limit(&self, on: NaiveDate) -> u8 {
        let v = &self.policy.depth_versions;
        match v.iter().rev().find(|x| x.in_force_from <= on) {
            Some(x) => x.max_depth,
            None => v.first().map_or(self.policy.max_depth, |x| x.max_depth),
        }
    }
    /// Whether the grantor may give `a` from source `p` on `on`.
    fn source_ok(&self, a: &Authorization, on: NaiveDate, p: Par) -> bool {
        let want: BTreeSet<Permission> = a.permissions.iter().cloned().collect();
        let last = self.effective_last(p);
        self.depth_of(p) < self.depth_limit(on)
            && want.is_subset(&self.perms_of(p))
            && !self.people_in_chain(p).contains(&a.grantee)
            && a.valid_from <= last
            && (!self.policy.cap_at_grantor_end || a.valid_until <= last)
    }

    fn is_personal(&self, email: &str) -> bool {
        let parts: Vec<&str> = email.split('@').collect();
        if parts.len() != 2 || email.chars().any(char::is_whitespace) {
            return false;
        }
        let (local, domain) = (parts[0].to_lowercase(), parts[1].to_lowercase());
        if local.is_empty() || domain.split('.').any(|l| l.is_empty()) {
            return false;
        }
        let role = self.policy.institutional_mailboxes.iter().any(|m| {
            local == *m
                || local.len() > m.len()
                    && local.starts_with(m.as_str())
                    && local[m.len()..].starts_with(|c: char| "._-+0123456789".contains(c))
        });
        let school = self
            .policy
            .institution_domains
            .iter()
            .any(|d| domain == *d || domain.ends_with(&format!(".{d}")));
        !role && !school
    }

    // ---- judging events

    /// Whether the event is lawful against the accepted history.
    pub(crate) fn lawful(&self, e: &Event) -> bool {
        self.lawful_alone(e) && !self.undoes_its_day(e)
    }

    /// Whether `e` is an end (of an appointment, authorization or role) dated the last day of
    /// the history that, taking effect from the start of that day, leaves an event accepted
    /// that day without the access it was done under: a grant's source no longer held or no
    /// longer lawful, a revoker no longer allowed, a role administrator no longer one.
    fn undoes_its_day(&self, e: &Event) -> bool {
        let on = event_date(e);
        let ends = matches!(
            e,
            Event::AppointmentEnded { .. }
                | Event::AuthorizationRevoked { .. }
                | Event::RoleRemoved { .. }
        );
        if !ends || self.last != Some(on) {
            return false;
        }
        let mut after = self.clone();
        after.apply(e, None).unwrap();
        // Whether the access an accepted event `x` of the day was done under holds in `m`.
        let holds = |m: &Model, x: &Event| {
            let auth = |id: &AuthorizationId| m.auths.iter().position(|r| r.a.id == *id).unwrap();
            match x {
                Event::AuthorizationGranted {
                    authorization: a, ..
                } => {
                    let p = m.auths[auth(&a.id)].parent;
                    m.held(&a.grantor, &a.entity, on).contains(&p) && m.source_ok(a, on, p)
                }
                Event::AuthorizationRevoked { id, by, .. } => {
                    let r = &m.auths[auth(id)].a;
                    m.is_head(by, &r.entity, on)
                        || (*by == r.grantor && !m.held(by, &r.entity, on).is_empty())
                }
                Event::RoleAssigned {
                    person, entity, by, ..
                } => m.is_role_admin(by, entity, on) && (by != person || m.is_head(by, entity, on)),
                Event::RoleRemoved { entity, by, .. } => m.is_role_admin(by, entity, on),
                _ => true,
            }
        };
        // Only what held before the end can be taken away by it: an administrator who removed
        // her own administrator role that day no longer held it before.
        self.log
            .iter()
            .filter(|x| event_date(x) == on)
            .any(|x| holds(self, x) && !holds(&after, x))
    }

    /// Whether the event is lawful against the accepted history, leaving aside what it
    /// undoes of its own day.
    fn lawful_alone(&self, e: &Event) -> bool {
        let on = event_date(e);
        if self.last.is_some_and(|l| on < l) {
            return false;
        }
        match e {
            Event::AppointmentRecorded { appointment: a, on } => {
                let overlaps = (0..self.appts.len()).any(|i| {
                    let o = &self.appts[i].a;
                    let last = if o.person == a.person {
                        self.access_last(i)
                    } else {
                        self.term_last(i)
                    };
                    o.entity == a.entity && o.from <= last && o.from <= a.until && a.from <= last
                });
                !self.appts.iter().any(|r| r.a.id == a.id)
                    && a.from >= *on
                    && a.until >= a.from
                    && a.until <= term_end(a.from, self.policy.max_term_school_years)
                    && !overlaps
            }
            Event::AppointmentEnded { id, on } => self
                .appts
                .iter()
                .any(|r| r.a.id == *id && r.ended.is_none() && r.a.until >= *on),
            Event::RequestFiled { request: r } => {
                let extension_ok = match &r.extends {
                    None => true,
                    Some(old) => match self.auths.iter().position(|x| x.a.id == *old) {
                        Some(i)
                            if self.auths[i].a.grantee == r.applicant
                                && self.auths[i].a.entity == r.entity =>
                        {
                            let last = self.auth_last(i);
                            let earliest = (last + Days::new(1))
                                .checked_sub_months(Months::new(
                                    self.policy.extension_window_months,
                                ))
                                .unwrap();
                            earliest <= r.filed_on && r.filed_on <= last
                        }
                        _ => false,
                    },
                };
                !self.reqs.iter().any(|x| x.r.id == r.id)
                    && self.is_personal(&r.personal_email)
                    && extension_ok
            }
            Event::AuthorizationGranted {
                authorization: a,
                on,
            } => {
                let known = a
                    .permissions
                    .iter()
                    .all(|p| self.policy.permissions.contains(p));
                let request_ok = if !self.policy.require_request && a.request.is_none() {
                    true
                } else {
                    a.request.as_ref().is_some_and(|id| {
                        self.reqs.iter().any(|x| {
                            x.r.id == *id
                                && !x.used
                                && x.r.applicant == a.grantee
                                && x.r.entity == a.entity
                                && self.is_personal(&x.r.personal_email)
                                && x.r.extends.as_ref().is_none_or(|old| {
                                    self.auths
                                        .iter()
                                        .position(|y| y.a.id == *old)
                                        .is_some_and(|i| self.own_ok(i, *on))
                                })
                        })
                    })
                };
                !self.auths.iter().any(|x| x.a.id == a.id)
                    && a.document.is_some()
                    && !a.permissions.is_empty()
                    && a.grantor != a.grantee
                    && a.valid_from >= *on
                    && a.valid_until >= a.valid_from
                    && a.valid_until <= period_end(a.valid_from, self.policy.max_validity_months)
                    && known
                    && request_ok
                    && self
                        .held(&a.grantor, &a.entity, *on)
                        .into_iter()
                        .any(|p| self.source_ok(a, *on, p))
            }
            Event::AuthorizationRevoked { id, by, on, .. } => {
                let Some(i) = self.auths.iter().position(|x| x.a.id == *id) else {
                    return false;
                };
                let r = &self.auths[i];
                r.revoked.is_none()
                    && r.a.valid_until >= *on
                    && (self.is_head(by, &r.a.entity, *on)
                        || (*by == r.a.grantor && !self.held(by, &r.a.entity, *on).is_empty()))
            }
            Event::RoleAssigned {
                person,
                entity,
                role,
                by,
                on,
            } => {
                let admin = self.is_role_admin(by, entity, *on);
                admin
                    && (by != person || self.is_head(by, entity, *on))
                    && self.policy.roles.contains_key(role)
                    && self.active_role(person, entity, role, *on).is_none()
            }
            Event::RoleRemoved {
                person,
                entity,
                role,
                by,
                on,
            } => {
                self.is_role_admin(by, entity, *on)
                    && self.active_role(person, entity, role, *on).is_some()
            }
            _ => unreachable!("new event kind"),
        }
    }

    fn is_role_admin(&self, by: &Login, e: &EntityId, on: NaiveDate) -> bool {
        self.is_head(by, e, on)
            || self
                .policy
                .role_admin_permission
                .as_ref()
                .is_some_and(|p| self.decide(by, p, e, on))
    }
    fn active_role(
        &self,
        who: &Login,
        e: &EntityId,
        role: &RoleName,
        on: NaiveDate,
    ) -> Option<usize> {
        self.roles.iter().position(|r| {
            r.person == *who
                && r.entity == *e
                && r.role == *role
                && r.removed.is_none_or(|x| on < x)
        })
    }

    /// The lawful sources of a grant, and the preferred ones (README: shallowest, then the
    /// one lasting longest).
    fn preferred_sources(&self, a: &Authorization, on: NaiveDate) -> Vec<Par> {
        let ok: Vec<Par> = self
            .held(&a.grantor, &a.entity, on)
            .into_iter()
            .filter(|&p| self.source_ok(a, on, p))
            .collect();
        let Some(best) = ok
            .iter()
            .map(|&p| (self.depth_of(p), std::cmp::Reverse(self.effective_last(p))))
            .min()
        else {
            return ok;
        };
        ok.into_iter()
            .filter(|&p| (self.depth_of(p), std::cmp::Reverse(self.effective_last(p))) == best)
            .collect()
    }

    /// Records an event the model found lawful (and the engine accepted). For a grant,
    /// `source` is the engine's choice, checked here against the preferred sources.
    pub(crate) fn apply(&mut self, e: &Event, source: Option<&Source>) -> Result<(), String> {
        self.last = Some(event_date(e));
        match e {
            Event::AppointmentRecorded { appointment, .. } => self.appts.push(RAppt {
                a: appointment.clone(),
                ended: None,
            }),
            Event::AppointmentEnded { id, on } => {
                let r = self.appts.iter_mut().find(|r| r.a.id == *id).unwrap();
                r.ended = Some(*on);
            }
            Event::RequestFiled { request } => self.reqs.push(RReq {
                r: request.clone(),
                used: false,
            }),
            Event::AuthorizationGranted {
                authorization: a,
                on,
            } => {
                let chosen = match source {
                    Some(Source::Appointment(id)) => {
                        Par::Appt(self.appts.iter().position(|r| r.a.id == *id).unwrap())
                    }
                    Some(Source::Authorization(id)) => {
                        Par::Auth(self.auths.iter().position(|r| r.a.id == *id).unwrap())
                    }
                    _ => return Err(format!("grant {} has no source", a.id)),
                };
                let preferred = self.preferred_sources(a, *on);
                if !preferred.contains(&chosen) {
                    return Err(format!(
                        "grant {} derives from {chosen:?}, preferred {preferred:?}",
                        a.id
                    ));
                }
                if let Some(id) = &a.request {
                    self.reqs.iter_mut().find(|x| x.r.id == *id).unwrap().used = true;
                }
                let depth = self.depth_of(chosen) + 1;
                self.auths.push(RAuth {
                    a: a.clone(),
                    revoked: None,
                    parent: chosen,
                    depth,
                });
            }
            Event::AuthorizationRevoked {
                id, on, cascade, ..
            } => {
                let root = self.auths.iter().position(|r| r.a.id == *id).unwrap();
                self.auths[root].revoked = Some(*on);
                if *cascade {
                    for i in 0..self.auths.len() {
                        let live =
                            self.auths[i].revoked.is_none() && self.auths[i].a.valid_until >= *on;
                        if i != root && live && self.is_desc(i, root) {
                            self.auths[i].revoked = Some(*on);
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
            } => self.roles.push(RRole {
                person: person.clone(),
                entity: entity.clone(),
                role: role.clone(),
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
                let i = self.active_role(person, entity, role, *on).unwrap();
                self.roles[i].removed = Some(*on);
            }
            _ => unreachable!("new event kind"),
        }
        self.log.push(e.clone());
        Ok(())
    }

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

    pub(crate) fn decide(&self, who: &Login, p: &Permission, e: &EntityId, t: NaiveDate) -> bool {
        if !self.policy.permissions.contains(p) {
            return false;
        }
        if self.is_head(who, e, t) && self.policy.head_permissions.contains(p) {
            return true;
        }
        let role = self.roles.iter().any(|r| {
            r.person == *who
                && r.entity == *e
                && r.from <= t
                && r.removed.is_none_or(|x| t < x)
                && self.policy.roles[&r.role].contains(p)
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

#[test]
fn model_dates_follow_the_readme() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(period_end(d(2025, 9, 1), 60), d(2030, 8, 31));
    assert_eq!(period_end(d(2024, 2, 29), 12), d(2025, 2, 28));
    assert_eq!(period_end(d(2025, 1, 31), 1), d(2025, 2, 28));
    assert_eq!(term_end(d(2025, 9, 1), 5), d(2030, 8, 31));
    assert_eq!(term_end(d(2026, 3, 1), 5), d(2031, 8, 31));
}
