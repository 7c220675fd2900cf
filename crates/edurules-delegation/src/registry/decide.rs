//! Decisions and queries.

use super::{Parent, PermBits, PersonEntity, Registry};
use crate::decision::{Chain, Decision, DenyReason, Link, Source};
use crate::ids::{EntityId, Login, Permission};
use crate::policy::DerivedGrantPolicy;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Something that ends before a date: for the 31 August reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Expiring {
    /// The appointment or authorization.
    pub source: Source,
    /// Whose access it is.
    pub person: Login,
    /// For which entity.
    pub entity: EntityId,
    /// Its last day in force (under [`DerivedGrantPolicy::Cascade`], the earliest last day
    /// in its chain).
    pub last_day: NaiveDate,
}

/// One access a person holds in an entity at a date.
#[derive(Debug, Clone, Copy)]
pub(super) struct Held {
    pub(super) parent: Parent,
    pub(super) depth: u8,
    pub(super) bits: PermBits,
    pub(super) last_day: NaiveDate,
}

impl Registry {
    fn own_status(&self, i: usize, at: NaiveDate) -> Result<(), DenyReason> {
        let Some(rec) = self.authorizations.get(i) else {
            return Err(DenyReason::NoGrant);
        };
        let id = &rec.authorization.id;
        if let Some(r) = rec.revocation.as_ref().filter(|r| r.on <= at) {
            return Err(DenyReason::Revoked {
                authorization: id.clone(),
                by: r.by.clone(),
                on: r.on,
            });
        }
        if at < rec.authorization.valid_from {
            return Err(DenyReason::NotYetValid {
                source: Source::Authorization(id.clone()),
                from: rec.authorization.valid_from,
            });
        }
        if at > rec.authorization.valid_until {
            return Err(DenyReason::Expired {
                source: Source::Authorization(id.clone()),
                last_day: rec.authorization.valid_until,
            });
        }
        Ok(())
    }

    fn auth_link(&self, i: usize) -> Option<Link> {
        let rec = self.authorizations.get(i)?;
        let a = &rec.authorization;
        Some(Link::Authorization {
            id: a.id.clone(),
            grantor: a.grantor.clone(),
            grantee: a.grantee.clone(),
            document: a.document.clone()?,
            valid_from: a.valid_from,
            last_day: rec.last_day(),
        })
    }

    fn appointment_link(&self, i: usize) -> Option<Link> {
        let rec = self.appointments.get(i)?;
        Some(Link::Appointment {
            id: rec.appointment.id.clone(),
            person: rec.appointment.person.clone(),
            from: rec.appointment.from,
            last_day: rec.last_day(),
        })
    }

    /// Walks from authorization `i` up its grant graph at `at`: the links in force, root first.
    /// Under `Cascade`, every ancestor must be in force; under `Survive`, the walk stops at
    /// the first ancestor no longer in force.
    pub(super) fn walk(&self, i: usize, at: NaiveDate) -> Result<Vec<Link>, DenyReason> {
        self.own_status(i, at)?;
        let Some(asked) = self.authorizations.get(i) else {
            return Err(DenyReason::NoGrant);
        };
        let lost = |grantor: &Login, last_day: NaiveDate| DenyReason::GrantorLostAccess {
            authorization: asked.authorization.id.clone(),
            grantor: grantor.clone(),
            last_day,
        };
        let cascade = self.policy.derived_grants == DerivedGrantPolicy::Cascade;
        let mut links: Vec<Link> = Vec::with_capacity(usize::from(self.policy.max_depth) + 2);
        links.extend(self.auth_link(i));
        let mut cur = i;
        // Depth is bounded by the policy (at most MAX_DEPTH), so the walk is short; the bound
        // also guards against any malformed graph.
        for _ in 0..=crate::policy::MAX_DEPTH {
            let Some(rec) = self.authorizations.get(cur) else {
                break;
            };
            match rec.parent {
                Parent::Appointment(a) => {
                    if let Some(ap) = self.appointments.get(a) {
                        if ap.in_force(at) {
                            links.extend(self.appointment_link(a));
                        } else if cascade {
                            return Err(lost(&ap.appointment.person, ap.last_day()));
                        }
                    }
                    break;
                }
                Parent::Authorization(p) => {
                    let Some(parent) = self.authorizations.get(p) else {
                        break;
                    };
                    if parent.in_force(at) {
                        links.extend(self.auth_link(p));
                        cur = p;
                    } else if cascade {
                        return Err(lost(&parent.authorization.grantee, parent.last_day()));
                    } else {
                        break;
                    }
                }
            }
        }
        links.reverse();
        Ok(links)
    }

    /// Whether [`Registry::walk`] succeeds, without building its links or its reason.
    pub(super) fn walk_ok(&self, i: usize, at: NaiveDate) -> bool {
        let Some(mut rec) = self.authorizations.get(i) else {
            return false;
        };
        if !rec.in_force(at) {
            return false;
        }
        if self.policy.derived_grants != DerivedGrantPolicy::Cascade {
            // Under `Survive` the walk stops at the first ancestor out of force, never fails.
            return true;
        }
        for _ in 0..=crate::policy::MAX_DEPTH {
            match rec.parent {
                Parent::Appointment(a) => {
                    return self.appointments.get(a).is_none_or(|ap| ap.in_force(at));
                }
                Parent::Authorization(p) => {
                    let Some(parent) = self.authorizations.get(p) else {
                        return true;
                    };
                    if !parent.in_force(at) {
                        return false;
                    }
                    rec = parent;
                }
            }
        }
        true
    }

    /// The last day authorization `i` gives access: its own last day, and under `Cascade` no
    /// later than the last day of any link above it (it ends with the access it derives from).
    pub(super) fn effective_last_day(&self, i: usize) -> Option<NaiveDate> {
        let rec = self.authorizations.get(i)?;
        let mut last = rec.last_day();
        if self.policy.derived_grants != DerivedGrantPolicy::Cascade {
            return Some(last);
        }
        let mut parent = rec.parent;
        for _ in 0..=crate::policy::MAX_DEPTH {
            match parent {
                Parent::Appointment(a) => {
                    if let Some(ap) = self.appointments.get(a) {
                        last = last.min(ap.last_day());
                    }
                    break;
                }
                Parent::Authorization(p) => {
                    let Some(up) = self.authorizations.get(p) else {
                        break;
                    };
                    last = last.min(up.last_day());
                    parent = up.parent;
                }
            }
        }
        Some(last)
    }

    /// The accesses a person holds in an entity on `at`: appointments in force, and
    /// authorizations whose walk succeeds.
    pub(super) fn held(&self, person: &Login, entity: &EntityId, at: NaiveDate) -> Vec<Held> {
        let Some(pe) = self.entry(person, entity) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for &a in &pe.appointments {
            if let Some(ap) = self.appointments.get(a).filter(|ap| ap.in_force(at)) {
                out.push(Held {
                    parent: Parent::Appointment(a),
                    depth: 0,
                    bits: self.head_bits,
                    last_day: ap.last_day(),
                });
            }
        }
        for &g in &pe.grants {
            if let Some(rec) = self.authorizations.get(g)
                && self.walk(g, at).is_ok()
                && let Some(last_day) = self.effective_last_day(g)
            {
                out.push(Held {
                    parent: Parent::Authorization(g),
                    depth: rec.depth,
                    bits: rec.bits,
                    last_day,
                });
            }
        }
        out
    }

    pub(super) fn is_head(&self, person: &Login, entity: &EntityId, at: NaiveDate) -> bool {
        self.entry(person, entity).is_some_and(|pe| {
            pe.appointments
                .iter()
                .any(|&a| self.appointments.get(a).is_some_and(|ap| ap.in_force(at)))
        })
    }

    fn decide_entry(
        &self,
        pe: &PersonEntity,
        bit: u8,
        permission: &Permission,
        at: NaiveDate,
    ) -> Decision {
        let mut reasons = Vec::new();
        for &a in &pe.appointments {
            let Some(ap) = self.appointments.get(a) else {
                continue;
            };
            let source = Source::Appointment(ap.appointment.id.clone());
            if ap.in_force(at) {
                if self.head_bits.contains(bit) {
                    return Decision::Allowed {
                        chain: Chain {
                            links: self.appointment_link(a).into_iter().collect(),
                        },
                    };
                }
                reasons.push(DenyReason::PermissionNotGranted { source });
            } else if at < ap.appointment.from {
                reasons.push(DenyReason::NotYetValid {
                    source,
                    from: ap.appointment.from,
                });
            } else {
                reasons.push(DenyReason::Expired {
                    source,
                    last_day: ap.last_day(),
                });
            }
        }
        let role = pe.roles.iter().find_map(|&r| {
            self.roles
                .get(r)
                .filter(|rr| rr.in_force(at) && rr.bits.contains(bit))
        });
        for &g in &pe.grants {
            let Some(rec) = self.authorizations.get(g) else {
                continue;
            };
            match self.walk(g, at) {
                Err(reason) => reasons.push(reason),
                Ok(_) if !rec.bits.contains(bit) => {
                    reasons.push(DenyReason::PermissionNotGranted {
                        source: Source::Authorization(rec.authorization.id.clone()),
                    });
                }
                Ok(mut links) => match role {
                    Some(rr) => {
                        links.push(Link::Role {
                            role: rr.role.clone(),
                            assigned_on: rr.assigned_on,
                            last_day: rr.removed_on.and_then(|r| r.pred_opt()),
                        });
                        return Decision::Allowed {
                            chain: Chain { links },
                        };
                    }
                    None => reasons.push(DenyReason::NoRole {
                        permission: permission.clone(),
                    }),
                },
            }
        }
        // A void attempt explains a denial only as of a day it had happened by, and only
        // while no valid grant of the same id had been made by then: the attempt, not the
        // authorization granted in writing under its id, was void.
        let granted_by_then = |id: &crate::AuthorizationId| {
            pe.grants.iter().any(|&g| {
                self.authorizations
                    .get(g)
                    .is_some_and(|rec| rec.authorization.id == *id && rec.granted_on <= at)
            })
        };
        for &v in &pe.void_grants {
            if let Some(crate::Event::AuthorizationGranted { authorization, on }) =
                self.rejected.get(v).map(|r| &r.event)
                && *on <= at
                && !granted_by_then(&authorization.id)
            {
                reasons.push(DenyReason::VoidWithoutWrittenForm {
                    authorization: authorization.id.clone(),
                    on: *on,
                });
            }
        }
        if reasons.is_empty() {
            reasons.push(DenyReason::NoGrant);
        }
        reasons.dedup();
        Decision::Denied { reasons }
    }

    /// May `person` do `permission` in `entity` on `at` (a Polish civil date)? Deny by default.
    ///
    /// Allowed when the person heads the entity that day and the head's permissions include
    /// it (chain: the appointment), or holds an authorization in force that day which
    /// includes it, derived as the policy says, and a role that allows it (chain: appointment →
    /// authorization(s) → role). Otherwise denied with one reason per thing tried.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let mut reg = Registry::new(Policy::sio()).unwrap();
    /// reg.apply(Event::AppointmentRecorded { on: d(2025, 9, 1), appointment: Appointment::new(AppointmentId::new("a").unwrap(), Login::new("dyr").unwrap(), EntityId::new("SP7").unwrap(), d(2025, 9, 1), d(2026, 8, 31)) }).unwrap();
    /// let p = Permission::parse("pupils:modify").unwrap();
    /// let dyr = Login::new("dyr").unwrap();
    /// let sp7 = EntityId::new("SP7").unwrap();
    /// assert!(reg.decide(&dyr, &p, &sp7, d(2026, 8, 31)).is_allowed());
    /// assert!(!reg.decide(&dyr, &p, &sp7, d(2026, 9, 1)).is_allowed());
    /// ```
    #[must_use]
    pub fn decide(
        &self,
        person: &Login,
        permission: &Permission,
        entity: &EntityId,
        at: NaiveDate,
    ) -> Decision {
        let Some(&bit) = self.perm_bits.get(permission) else {
            return Decision::Denied {
                reasons: vec![DenyReason::UnknownPermission {
                    permission: permission.clone(),
                }],
            };
        };
        match self.entry(person, entity) {
            Some(pe) => self.decide_entry(pe, bit, permission, at),
            None => Decision::Denied {
                reasons: vec![DenyReason::NoGrant],
            },
        }
    }

    /// Whether [`Registry::decide`] allows, without building the chain that allows or the
    /// reasons that deny: for a caller that needs only the answer (many questions at once).
    /// Always the same answer as `decide(…).is_allowed()`.
    ///
    /// # Panics
    /// Never.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let mut reg = Registry::new(Policy::sio()).unwrap();
    /// reg.apply(Event::AppointmentRecorded { on: d(2025, 9, 1), appointment: Appointment::new(AppointmentId::new("a").unwrap(), Login::new("dyr").unwrap(), EntityId::new("SP7").unwrap(), d(2025, 9, 1), d(2026, 8, 31)) }).unwrap();
    /// let p = Permission::parse("pupils:modify").unwrap();
    /// let (dyr, sp7) = (Login::new("dyr").unwrap(), EntityId::new("SP7").unwrap());
    /// assert!(reg.allows(&dyr, &p, &sp7, d(2026, 8, 31)));
    /// assert!(!reg.allows(&dyr, &p, &sp7, d(2026, 9, 1)));
    /// ```
    #[must_use]
    pub fn allows(
        &self,
        person: &Login,
        permission: &Permission,
        entity: &EntityId,
        at: NaiveDate,
    ) -> bool {
        let (Some(&bit), Some(pe)) = (self.perm_bits.get(permission), self.entry(person, entity))
        else {
            return false;
        };
        if self.head_bits.contains(bit)
            && pe
                .appointments
                .iter()
                .any(|&a| self.appointments.get(a).is_some_and(|ap| ap.in_force(at)))
        {
            return true;
        }
        let role = pe.roles.iter().any(|&r| {
            self.roles
                .get(r)
                .is_some_and(|rr| rr.in_force(at) && rr.bits.contains(bit))
        });
        role && pe.grants.iter().any(|&g| {
            self.authorizations
                .get(g)
                .is_some_and(|rec| rec.bits.contains(bit))
                && self.walk_ok(g, at)
        })
    }

    /// Who may do `permission` in `entity` on `at`, each with his chain, sorted by login.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let reg = Registry::new(Policy::sio()).unwrap();
    /// let who = reg.who_may(&Permission::parse("pupils:read").unwrap(),
    ///                       &EntityId::new("SP7").unwrap(), NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    /// assert!(who.is_empty());
    /// ```
    #[must_use]
    pub fn who_may(
        &self,
        permission: &Permission,
        entity: &EntityId,
        at: NaiveDate,
    ) -> Vec<(Login, Chain)> {
        let mut out: Vec<(Login, Chain)> = self
            .by_entity
            .get(entity)
            .into_iter()
            .flatten()
            .filter_map(|person| match self.decide(person, permission, entity, at) {
                Decision::Allowed { chain } => Some((person.clone(), chain)),
                Decision::Denied { .. } => None,
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// What `person` may do on `at`, across all entities: (entity, permission, chain),
    /// sorted by entity then in the policy's permission order.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let reg = Registry::new(Policy::sio()).unwrap();
    /// assert!(reg.what_may(&Login::new("x").unwrap(), NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()).is_empty());
    /// ```
    #[must_use]
    pub fn what_may(&self, person: &Login, at: NaiveDate) -> Vec<(EntityId, Permission, Chain)> {
        let mut entities: Vec<&EntityId> =
            self.by_person.get(person).into_iter().flatten().collect();
        entities.sort();
        let mut out = Vec::new();
        for entity in entities {
            for p in &self.policy.permissions {
                if let Decision::Allowed { chain } = self.decide(person, p, entity, at) {
                    out.push((entity.clone(), p.clone(), chain));
                }
            }
        }
        out
    }

    /// Appointments and authorizations in force on `at` whose last day is before `before`
    /// (e.g. `at` = 1 June, `before` = 1 September: who loses access on 31 August), sorted by
    /// last day. Under [`DerivedGrantPolicy::Cascade`] an authorization's last day is the
    /// earliest last day in its chain, since it ends with the access it derives from.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let reg = Registry::new(Policy::sio()).unwrap();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// assert!(reg.expiring_before(d(6, 1), d(9, 1)).is_empty());
    /// ```
    #[must_use]
    pub fn expiring_before(&self, at: NaiveDate, before: NaiveDate) -> Vec<Expiring> {
        let mut out = Vec::new();
        for ap in &self.appointments {
            if ap.in_force(at) && ap.last_day() < before {
                out.push(Expiring {
                    source: Source::Appointment(ap.appointment.id.clone()),
                    person: ap.appointment.person.clone(),
                    entity: ap.appointment.entity.clone(),
                    last_day: ap.last_day(),
                });
            }
        }
        for (i, rec) in self.authorizations.iter().enumerate() {
            if let Some(last_day) = self.effective_last_day(i)
                && last_day < before
                && self.walk(i, at).is_ok()
            {
                out.push(Expiring {
                    source: Source::Authorization(rec.authorization.id.clone()),
                    person: rec.authorization.grantee.clone(),
                    entity: rec.authorization.entity.clone(),
                    last_day,
                });
            }
        }
        out.sort_by(|a, b| {
            a.last_day
                .cmp(&b.last_day)
                .then_with(|| a.person.cmp(&b.person))
        });
        out
    }
}
