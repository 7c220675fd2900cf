//! Applying an event: every rule checked against the state at the event's date, then written
//! in the same step.

use super::{AuthorizationRecord, Parent, PermBits, Registry, RejectedEvent};
use crate::DelegationError;
use crate::decision::Decision;
use crate::event::{AccessRequest, Appointment, Authorization, Event};
use crate::ids::{AuthorizationId, EntityId, Login, RoleName};
use crate::policy::max_term_until;
use crate::rule::{RecordKind, Violation};
use chrono::{Datelike, Months, NaiveDate};

/// The latest last day of a period starting `from` (counted) and lasting at most `months`
/// months: the day before the same date `months` later; when that month has no such day
/// (29 February, the 31st), the last day of that month (as the civil code's art. 112 ends a
/// period in a month without the matching day).
pub(crate) fn max_until(from: NaiveDate, months: u32) -> NaiveDate {
    match from.checked_add_months(Months::new(months)) {
        Some(d) if d.day() != from.day() => d,
        Some(d) => d.pred_opt().unwrap_or(d),
        None => NaiveDate::MAX,
    }
}

impl Registry {
    /// Applies one event: checks every rule against the state at the event's date and, when
    /// none is broken, writes it (one step). A refused event is kept in
    /// [`Registry::rejected`] and not written to the log.
    ///
    /// # Errors
    /// [`DelegationError::Rejected`] with every violation.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let mut reg = Registry::new(Policy::sio()).unwrap();
    /// let appointment = Appointment::new(AppointmentId::new("a").unwrap(), Login::new("dyr").unwrap(), EntityId::new("SP7").unwrap(), d(2025, 9, 1), d(2031, 8, 31));
    /// let err = reg.apply(Event::AppointmentRecorded { on: d(2025, 9, 1), appointment }).unwrap_err();
    /// let DelegationError::Rejected { violations } = err else { unreachable!() };
    /// assert_eq!(violations[0].rule(), Rule::MaxValidity);
    /// ```
    pub fn apply(&mut self, event: Event) -> Result<(), DelegationError> {
        let mut v = Vec::new();
        let on = event.date();
        if let Some(last) = self.last_date.filter(|&last| on < last) {
            v.push(Violation::OutOfOrder { on, last });
        }
        match &event {
            Event::AppointmentRecorded { appointment, on } => {
                self.check_appointment(appointment, *on, &mut v);
            }
            Event::AppointmentEnded { id, on } => match self.appointment(id) {
                None => v.push(unknown(RecordKind::Appointment, id.as_str())),
                Some(rec) if rec.ended_on.is_some() || rec.appointment.until < *on => {
                    v.push(ended(RecordKind::Appointment, id.as_str()));
                }
                Some(_) => {}
            },
            Event::RequestFiled { request } => self.check_request(request, &mut v),
            Event::AuthorizationGranted { authorization, on } => {
                // The chosen source is recomputed when writing; the state has not changed.
                let _source = self.check_grant(authorization, *on, &mut v);
            }
            Event::AuthorizationRevoked { id, by, on, .. } => {
                self.check_revocation(id, by, *on, &mut v);
            }
            Event::RoleAssigned {
                person,
                entity,
                role,
                by,
                on,
            } => {
                let admin = self.check_role_admin(by, entity, *on, &mut v);
                if admin && by == person && !self.is_head(by, entity, *on) {
                    v.push(Violation::OwnRoles {
                        person: person.clone(),
                        entity: entity.clone(),
                    });
                }
                if !self.role_bits.contains_key(role) {
                    v.push(unknown(RecordKind::Role, role.as_str()));
                } else if self.active_role(person, entity, role, *on).is_some() {
                    v.push(Violation::DuplicateId {
                        kind: RecordKind::RoleAssignment,
                        id: format!("{person}/{entity}/{role}"),
                    });
                }
            }
            Event::RoleRemoved {
                person,
                entity,
                role,
                by,
                on,
            } => {
                let _admin = self.check_role_admin(by, entity, *on, &mut v);
                if self.active_role(person, entity, role, *on).is_none() {
                    v.push(unknown(
                        RecordKind::RoleAssignment,
                        &format!("{person}/{entity}/{role}"),
                    ));
                }
            }
        }
        // An end dated the log's last day is written here, and undone when it would take away
        // access an event of that day was done under (`same_day`).
        let mut written = false;
        if v.is_empty()
            && self.last_date == Some(on)
            && let Some(entity) = self.ended_entity(&event)
            && self.today.contains_key(&entity)
        {
            match self.write_end_unless_used(&event, on, &entity) {
                Ok(()) => written = true,
                Err(used) => v.push(used),
            }
        }
        if !v.is_empty() {
            if v.iter()
                .any(|x| matches!(x, Violation::MissingWrittenForm { .. }))
                && let Event::AuthorizationGranted { authorization, .. } = &event
            {
                let idx = self.rejected.len();
                let (grantee, entity) =
                    (authorization.grantee.clone(), authorization.entity.clone());
                self.entry_mut(&grantee, &entity).void_grants.push(idx);
            }
            self.rejected.push(RejectedEvent {
                event,
                violations: v.clone(),
            });
            return Err(DelegationError::Rejected { violations: v });
        }
        if !written {
            self.write(&event);
        }
        if self.last_date != Some(on) {
            self.today.clear();
        }
        self.note_act(&event);
        self.last_date = Some(on);
        self.log.push(event);
        Ok(())
    }

    fn check_appointment(&self, a: &Appointment, on: NaiveDate, v: &mut Vec<Violation>) {
        if self.appointment_ids.contains_key(&a.id) {
            v.push(Violation::DuplicateId {
                kind: RecordKind::Appointment,
                id: a.id.to_string(),
            });
        }
        if a.from < on {
            v.push(Violation::Retroactive { from: a.from, on });
        }
        if a.until < a.from {
            v.push(Violation::InvertedPeriod {
                from: a.from,
                until: a.until,
            });
        }
        let max = max_term_until(a.from, self.policy.max_term_school_years);
        if a.until > max {
            v.push(Violation::TermTooLong {
                from: a.from,
                until: a.until,
                max_until: max,
                school_years: self.policy.max_term_school_years,
            });
        }
        self.check_single_head(a, v);
    }

    /// One head per entity: the new term must not overlap another head's term; the same head
    /// may be recorded again (his access renewed, art. 74) once his earlier access has ended.
    /// The entity's appointments are kept by first day, and a term is at most
    /// `max_term_school_years` + 1 years long, so only those starting within that window
    /// before the new one can overlap it: recording stays near-linear in the log.
    fn check_single_head(&self, a: &Appointment, v: &mut Vec<Violation>) {
        let Some(heads) = self.heads.get(&a.entity) else {
            return;
        };
        let window = u32::from(self.policy.max_term_school_years).saturating_add(2);
        let earliest = a
            .from
            .checked_sub_months(Months::new(window.saturating_mul(12)))
            .unwrap_or(NaiveDate::MIN);
        // A term that ends before the window starts (its end before its start,
        // refused by `check_appointment`'s own dates rule) can overlap nothing
        // here, and an inverted range would panic.
        if a.until < earliest {
            return;
        }
        for &(_, i) in heads.range((earliest, 0)..=(a.until, usize::MAX)) {
            #[cfg(test)]
            tests::COMPARED.with(|c| c.set(c.get() + 1));
            let Some(other) = self.appointments.get(i) else {
                continue;
            };
            let o = &other.appointment;
            // The same head's earlier record blocks only while his access by it runs.
            let last = if o.person == a.person {
                other.last_day()
            } else {
                other.term_last_day()
            };
            if o.from <= last && last >= a.from {
                v.push(Violation::OverlappingHead {
                    entity: a.entity.clone(),
                    other: o.id.clone(),
                });
            }
        }
    }

    fn check_request(&self, r: &AccessRequest, v: &mut Vec<Violation>) {
        if self.request_ids.contains_key(&r.id) {
            v.push(Violation::DuplicateId {
                kind: RecordKind::Request,
                id: r.id.to_string(),
            });
        }
        if !self.policy.is_personal_email(&r.personal_email) {
            v.push(Violation::InstitutionalEmail {
                email: r.personal_email.clone(),
            });
        }
        if let Some(old) = &r.extends {
            match self.authorization(old) {
                Some(rec)
                    if rec.authorization.grantee == r.applicant
                        && rec.authorization.entity == r.entity =>
                {
                    let last = rec.last_day();
                    let earliest = last
                        .succ_opt()
                        .and_then(|d| {
                            d.checked_sub_months(Months::new(self.policy.extension_window_months))
                        })
                        .unwrap_or(NaiveDate::MIN);
                    if r.filed_on > last {
                        v.push(Violation::ExtensionAfterExpiry {
                            authorization: old.clone(),
                            last_day: last,
                        });
                    } else if r.filed_on < earliest {
                        v.push(Violation::ExtensionTooEarly {
                            filed_on: r.filed_on,
                            earliest,
                        });
                    }
                }
                _ => v.push(unknown(RecordKind::Authorization, old.as_str())),
            }
        }
    }

    /// Checks a grant; returns the source it derives from (with its depth) when the grantor's
    /// side is in order.
    pub(super) fn check_grant(
        &self,
        a: &Authorization,
        on: NaiveDate,
        v: &mut Vec<Violation>,
    ) -> Option<(Parent, u8, PermBits)> {
        if self.authorization_ids.contains_key(&a.id) {
            v.push(Violation::DuplicateId {
                kind: RecordKind::Authorization,
                id: a.id.to_string(),
            });
        }
        if a.document.is_none() {
            v.push(Violation::MissingWrittenForm {
                authorization: a.id.clone(),
            });
        }
        if a.permissions.is_empty() {
            v.push(Violation::EmptyScope {
                authorization: a.id.clone(),
            });
        }
        if a.grantor == a.grantee {
            v.push(Violation::SelfGrant {
                person: a.grantor.clone(),
            });
        }
        if a.valid_from < on {
            v.push(Violation::Retroactive {
                from: a.valid_from,
                on,
            });
        }
        if a.valid_until < a.valid_from {
            v.push(Violation::InvertedPeriod {
                from: a.valid_from,
                until: a.valid_until,
            });
        }
        let max = max_until(a.valid_from, self.policy.max_validity_months);
        if a.valid_until > max {
            v.push(Violation::TooLong {
                from: a.valid_from,
                until: a.valid_until,
                max_until: max,
            });
        }
        let mut bits = PermBits::default();
        for p in &a.permissions {
            match self.perm_bits.get(p) {
                Some(&b) => bits.insert(b),
                None => v.push(unknown(RecordKind::Permission, p.as_str())),
            }
        }
        self.check_grant_request(a, on, v);
        let chosen = self.choose_source(a, on, bits, v)?;
        Some((chosen.0, chosen.1, bits))
    }

    fn check_grant_request(&self, a: &Authorization, on: NaiveDate, v: &mut Vec<Violation>) {
        if !self.policy.require_request && a.request.is_none() {
            return;
        }
        let missing = || Violation::NoPendingRequest {
            grantee: a.grantee.clone(),
            request: a.request.clone(),
        };
        let Some(rec) = a
            .request
            .as_ref()
            .and_then(|id| self.request_ids.get(id))
            .and_then(|&i| self.requests.get(i))
        else {
            v.push(missing());
            return;
        };
        let r = &rec.request;
        if rec.used_by.is_some() || r.applicant != a.grantee || r.entity != a.entity {
            v.push(missing());
            return;
        }
        if !self.policy.is_personal_email(&r.personal_email) {
            v.push(Violation::InstitutionalEmail {
                email: r.personal_email.clone(),
            });
        }
        // Art. 74: if the access to extend expires before the request is decided, the request
        // is cancelled and a new application is needed.
        if let Some(old) = r.extends.as_ref().and_then(|id| self.authorization(id))
            && !old.in_force(on)
        {
            v.push(Violation::ExtensionAfterExpiry {
                authorization: old.authorization.id.clone(),
                last_day: old.last_day(),
            });
        }
    }

    /// Picks the grantor's access the grant derives from: in force at `on`, covering the
    /// permissions, within the depth, without a cycle; the shallowest first (appointments),
    /// then the one lasting longest (under `Cascade`, to the earliest end in its chain), then
    /// the oldest. Reports what fails when none fits.
    fn choose_source(
        &self,
        a: &Authorization,
        on: NaiveDate,
        bits: PermBits,
        v: &mut Vec<Violation>,
    ) -> Option<(Parent, u8)> {
        let mut held = self.held(&a.grantor, &a.entity, on);
        if held.is_empty() {
            v.push(Violation::GrantorWithoutAccess {
                grantor: a.grantor.clone(),
                entity: a.entity.clone(),
                on,
            });
            return None;
        }
        // Shallowest first; among equals the access that lasts longest, so that under
        // `Cascade` a grant made during an extension does not end with the old authorization.
        held.sort_by_key(|h| (h.depth, std::cmp::Reverse(h.last_day)));
        let mut best: Option<Vec<Violation>> = None;
        for h in &held {
            let mut problems = Vec::new();
            let depth = h.depth.saturating_add(1);
            let max_depth = self.policy.max_depth_on(on);
            if depth > max_depth {
                problems.push(Violation::DepthExceeded {
                    depth,
                    max: max_depth,
                });
            }
            // Art. 70 ust. 2: the grantor holds access when the access he grants begins.
            if a.valid_from > h.last_day {
                problems.push(Violation::StartsAfterGrantor {
                    from: a.valid_from,
                    grantor_last_day: h.last_day,
                });
            }
            if !h.bits.covers(bits) {
                let excess = a
                    .permissions
                    .iter()
                    .filter(|p| self.perm_bits.get(*p).is_some_and(|&b| !h.bits.contains(b)))
                    .cloned()
                    .collect();
                problems.push(Violation::ExceedsGrantor { excess });
            }
            if self.in_chain(h.parent, &a.grantee) {
                problems.push(Violation::Cycle {
                    person: a.grantee.clone(),
                });
            }
            if self.policy.cap_at_grantor_end && a.valid_until > h.last_day {
                problems.push(Violation::OutlivesGrantor {
                    until: a.valid_until,
                    grantor_last_day: h.last_day,
                });
            }
            if problems.is_empty() {
                return Some((h.parent, depth));
            }
            if best.as_ref().is_none_or(|b| problems.len() < b.len()) {
                best = Some(problems);
            }
        }
        v.extend(best.unwrap_or_default());
        None
    }

    /// Whether `person` appears in the chain above `parent` (as grantor or grantee).
    fn in_chain(&self, parent: Parent, person: &Login) -> bool {
        let mut cur = parent;
        for _ in 0..=crate::policy::MAX_DEPTH {
            match cur {
                Parent::Appointment(a) => {
                    return self
                        .appointments
                        .get(a)
                        .is_some_and(|ap| ap.appointment.person == *person);
                }
                Parent::Authorization(i) => {
                    let Some(rec) = self.authorizations.get(i) else {
                        return false;
                    };
                    if rec.authorization.grantee == *person || rec.authorization.grantor == *person
                    {
                        return true;
                    }
                    cur = rec.parent;
                }
            }
        }
        false
    }

    fn check_revocation(
        &self,
        id: &AuthorizationId,
        by: &Login,
        on: NaiveDate,
        v: &mut Vec<Violation>,
    ) {
        let Some(rec) = self.authorization(id) else {
            v.push(unknown(RecordKind::Authorization, id.as_str()));
            return;
        };
        if rec.revocation.is_some() || rec.authorization.valid_until < on {
            v.push(ended(RecordKind::Authorization, id.as_str()));
        }
        if !self.may_revoke(by, rec, on) {
            v.push(Violation::NotRevoker {
                by: by.clone(),
                authorization: id.clone(),
            });
        }
    }

    /// Whether `by` may revoke the authorization `rec` on `on`: a head of its entity, or its
    /// grantor while holding access there.
    pub(super) fn may_revoke(&self, by: &Login, rec: &AuthorizationRecord, on: NaiveDate) -> bool {
        let entity = &rec.authorization.entity;
        self.is_head(by, entity, on)
            || (*by == rec.authorization.grantor && !self.held(by, entity, on).is_empty())
    }

    /// Whether `by` administers roles in `entity` on `on`: its head, or a holder of the
    /// policy's role-administration permission.
    pub(super) fn is_role_admin(&self, by: &Login, entity: &EntityId, on: NaiveDate) -> bool {
        self.is_head(by, entity, on)
            || self.role_admin_bit.is_some_and(|_| {
                self.policy.role_admin_permission.as_ref().is_some_and(|p| {
                    matches!(self.decide(by, p, entity, on), Decision::Allowed { .. })
                })
            })
    }

    fn check_role_admin(
        &self,
        by: &Login,
        entity: &EntityId,
        on: NaiveDate,
        v: &mut Vec<Violation>,
    ) -> bool {
        let admin = self.is_role_admin(by, entity, on);
        if !admin {
            v.push(Violation::NotRoleAdministrator {
                by: by.clone(),
                entity: entity.clone(),
            });
        }
        admin
    }

    pub(super) fn active_role(
        &self,
        person: &Login,
        entity: &EntityId,
        role: &RoleName,
        on: NaiveDate,
    ) -> Option<usize> {
        self.entry(person, entity)?
            .roles
            .iter()
            .copied()
            .find(|&r| {
                self.roles
                    .get(r)
                    .is_some_and(|rr| rr.role == *role && rr.removed_on.is_none_or(|x| on < x))
            })
    }
}

fn unknown(kind: RecordKind, id: &str) -> Violation {
    Violation::UnknownReference {
        kind,
        id: id.to_owned(),
    }
}

fn ended(kind: RecordKind, id: &str) -> Violation {
    Violation::AlreadyEnded {
        kind,
        id: id.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AppointmentId, Policy};
    use std::cell::Cell;

    thread_local! {
        /// How many recorded appointments a new one was compared with.
        pub(super) static COMPARED: Cell<u64> = const { Cell::new(0) };
    }

    fn appoint(
        id: String,
        person: &str,
        entity: String,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Event {
        Event::AppointmentRecorded {
            appointment: crate::Appointment::new(
                AppointmentId::new(id).unwrap(),
                Login::new(person).unwrap(),
                EntityId::new(entity).unwrap(),
                from,
                until,
            ),
            on: from,
        }
    }

    /// Recording an appointment compares it only with its entity's appointments that start
    /// within a term's length before it: 20,000 schools of one head each compare nothing, and
    /// one school's 60 yearly heads compare each with at most the term window's few. Compared
    /// with every earlier one, that would be 200 million and 1,770 comparisons.
    #[test]
    fn recording_compares_an_appointment_with_its_neighbours_only() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let schools: Vec<Event> = (0..20_000)
            .map(|i| {
                appoint(
                    format!("ap{i}"),
                    &format!("dyr{i}"),
                    format!("SP{i}"),
                    d(2025, 9, 1),
                    d(2030, 8, 31),
                )
            })
            .collect();
        COMPARED.with(|c| c.set(0));
        let reg = Registry::replay(Policy::sio(), schools).unwrap();
        assert_eq!(reg.appointments().count(), 20_000);
        assert_eq!(COMPARED.with(Cell::get), 0);

        let heads: Vec<Event> = (0..60)
            .map(|y| {
                appoint(
                    format!("ap{y}"),
                    &format!("dyr{y}"),
                    "SP1".to_owned(),
                    d(1970 + y, 9, 1),
                    d(1971 + y, 8, 31),
                )
            })
            .collect();
        COMPARED.with(|c| c.set(0));
        let reg = Registry::replay(Policy::sio(), heads).unwrap();
        assert!(reg.rejected().is_empty());
        let window = u64::from(Policy::sio().max_term_school_years) + 2;
        let compared = COMPARED.with(Cell::get);
        assert!(compared > 0 && compared <= 60 * window, "{compared}");
    }

    #[test]
    fn max_until_is_the_day_before_the_anniversary() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(max_until(d(2025, 9, 1), 60), d(2030, 8, 31));
        assert_eq!(max_until(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(max_until(d(2025, 1, 31), 1), d(2025, 2, 28));
        assert_eq!(max_until(d(2025, 1, 15), 1), d(2025, 2, 14));
        assert_eq!(max_until(NaiveDate::MAX, 60), NaiveDate::MAX);
    }
}
