//! Ends dated on a day already in the log: an appointment ended, an authorization revoked or a
//! role removed takes effect from the start of its day, so it must not take away access that
//! an event recorded earlier the same day was done under (the log's "no event changes the
//! past", for the one day two events can share).
//!
//! The acts of the log's last day are kept by entity and by the person whose access each used
//! ([`Day`]). An end dated that day picks the acts it can affect: those of the persons whose
//! access it can change (the person of a role removed; the grantees of an authorization
//! revoked and of every grant below it; for an appointment ended, the whole entity), and of
//! those the ones that hold now. It is written, they are checked again under the new state,
//! and it is undone and refused ([`Violation::UsedThatDay`]) when one no longer holds. An act
//! that no longer held before the end (an administrator who removed her own administrator role
//! that day) is not the end's doing and does not refuse it. Events of earlier days need no
//! check: an end dated before them is already refused as out of order. So a bulk day, of many
//! schools or of one, stays near-linear.

use super::{Parent, Registry, Revocation};
use crate::event::Event;
use crate::ids::{AuthorizationId, EntityId, Login, RoleName};
use crate::rule::{RecordKind, Violation};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// One entity's acts of the log's last day, in order, and by the person whose access each
/// used.
#[derive(Debug, Clone, Default)]
pub(super) struct Day {
    acts: Vec<Act>,
    by_user: HashMap<Login, Vec<usize>>,
}

impl Day {
    fn push(&mut self, act: Act) {
        self.by_user
            .entry(act.user().clone())
            .or_default()
            .push(self.acts.len());
        self.acts.push(act);
    }
}

/// Something done on the log's last day under someone's access, with the names its refusal
/// gives.
#[derive(Debug, Clone)]
pub(super) enum Act {
    /// The grant of the authorization at `index` (`id`) by `grantor`, from its recorded source.
    Grant {
        index: usize,
        grantor: Login,
        id: AuthorizationId,
    },
    /// The revocation, by `by`, of the authorization at `index` (`id`).
    Revocation {
        by: Login,
        index: usize,
        id: AuthorizationId,
    },
    /// A role of `person` assigned (`removed` false) or removed by `by` (in the entity the
    /// act is kept under).
    Role {
        by: Login,
        person: Login,
        role: RoleName,
        removed: bool,
    },
}

impl Act {
    /// The person whose access the act was done under.
    fn user(&self) -> &Login {
        match self {
            Self::Grant { grantor, .. } => grantor,
            Self::Revocation { by, .. } | Self::Role { by, .. } => by,
        }
    }
}

/// What an end changed, to put back when it is refused.
enum Undo {
    Appointment(usize),
    Revocations(Vec<(usize, Option<Revocation>)>),
    Role(usize),
    Nothing,
}

impl Registry {
    /// The entity whose access `event` ends, when it ends some (an appointment, an
    /// authorization, a role). Every act is done in one entity, under access there: an end
    /// is checked against that entity's acts only.
    pub(super) fn ended_entity(&self, event: &Event) -> Option<EntityId> {
        match event {
            Event::AppointmentEnded { id, .. } => self
                .appointment(id)
                .map(|rec| rec.appointment.entity.clone()),
            Event::AuthorizationRevoked { id, .. } => self
                .authorization(id)
                .map(|rec| rec.authorization.entity.clone()),
            Event::RoleRemoved { entity, .. } => Some(entity.clone()),
            _ => None,
        }
    }

    /// Writes the checked end `event`, dated `on` (the log's last day), of access in `entity`,
    /// unless it takes away access used there that day: then it is undone and the first such
    /// act is named.
    pub(super) fn write_end_unless_used(
        &mut self,
        event: &Event,
        on: NaiveDate,
        entity: &EntityId,
    ) -> Result<(), Violation> {
        let held = self.held_acts(event, on, entity);
        let undo = self.undo_of(event, on);
        self.write(event);
        let broken = self.today.get(entity).and_then(|day| {
            held.iter()
                .filter_map(|&i| day.acts.get(i))
                .find(|act| !self.still_holds(act, entity, on))
                .cloned()
        });
        let Some(broken) = broken else {
            return Ok(());
        };
        self.undo(undo);
        Err(Self::used_that_day(&broken, entity, on))
    }

    /// The acts of `entity`'s day that `event` can take access from and that hold before it,
    /// in the order they were done.
    ///
    /// Whether an act holds reads only its user's own records in the entity (appointments,
    /// roles, grants received) and the grants above those; a parent grant's grantee is the
    /// grantor of the grants below it, and a chain stays in one entity. So an end can change
    /// the answer only for the users listed here. A rule that made one person's records decide
    /// another's access (a role administering for others) must widen this set.
    fn held_acts(&self, event: &Event, on: NaiveDate, entity: &EntityId) -> Vec<usize> {
        let Some(day) = self.today.get(entity) else {
            return Vec::new();
        };
        let users: Option<BTreeSet<&Login>> = match event {
            Event::AuthorizationRevoked { id, .. } => Some(self.subtree_grantees(id)),
            Event::RoleRemoved { person, .. } => Some(BTreeSet::from([person])),
            // An appointment's grants are not indexed by it: the whole entity.
            _ => None,
        };
        let mut candidates: Vec<usize> = match users {
            Some(users) => users
                .into_iter()
                .filter_map(|u| day.by_user.get(u))
                .flatten()
                .copied()
                .collect(),
            None => (0..day.acts.len()).collect(),
        };
        candidates.sort_unstable();
        candidates.retain(|&i| {
            day.acts
                .get(i)
                .is_some_and(|act| self.still_holds(act, entity, on))
        });
        candidates
    }

    /// The grantees of authorization `id` and of every grant below it: the persons whose
    /// access its revocation can change, whether or not it cascades (under
    /// [`crate::DerivedGrantPolicy::Cascade`] a grant needs its ancestors in force).
    fn subtree_grantees(&self, id: &AuthorizationId) -> BTreeSet<&Login> {
        self.subtree(id, true)
            .into_iter()
            .filter_map(|i| self.authorizations.get(i))
            .map(|rec| &rec.authorization.grantee)
            .collect()
    }

    /// Authorization `id` and, with `below`, every grant below it: what `write` visits when
    /// it revokes `id` with `cascade = below`.
    fn subtree(&self, id: &AuthorizationId, below: bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self
            .authorization_ids
            .get(id)
            .copied()
            .into_iter()
            .collect();
        while let Some(i) = stack.pop() {
            if self.authorizations.get(i).is_some() {
                out.push(i);
                if below {
                    stack.extend(self.children.get(i).into_iter().flatten());
                }
            }
        }
        out
    }

    /// Records what `event` (just written) did under someone's access.
    pub(super) fn note_act(&mut self, event: &Event) {
        let noted = match event {
            Event::AuthorizationGranted { authorization, .. } => {
                self.authorization_ids.get(&authorization.id).map(|&index| {
                    let act = Act::Grant {
                        index,
                        grantor: authorization.grantor.clone(),
                        id: authorization.id.clone(),
                    };
                    (authorization.entity.clone(), act)
                })
            }
            Event::AuthorizationRevoked { id, by, .. } => {
                self.authorization_ids.get(id).and_then(|&index| {
                    let entity = self.authorizations.get(index)?.authorization.entity.clone();
                    let act = Act::Revocation {
                        by: by.clone(),
                        index,
                        id: id.clone(),
                    };
                    Some((entity, act))
                })
            }
            Event::RoleAssigned {
                person,
                entity,
                role,
                by,
                ..
            } => Some((
                entity.clone(),
                Act::Role {
                    by: by.clone(),
                    person: person.clone(),
                    role: role.clone(),
                    removed: false,
                },
            )),
            Event::RoleRemoved {
                person,
                entity,
                role,
                by,
                ..
            } => Some((
                entity.clone(),
                Act::Role {
                    by: by.clone(),
                    person: person.clone(),
                    role: role.clone(),
                    removed: true,
                },
            )),
            Event::AppointmentRecorded { .. }
            | Event::AppointmentEnded { .. }
            | Event::RequestFiled { .. } => None,
        };
        if let Some((entity, act)) = noted {
            self.today.entry(entity).or_default().push(act);
        }
    }

    /// Whether the access `act` was done under still holds on `on`, as [`Registry::apply`]
    /// checked it: a grant's source is in force, a revoker is a head or the grantor holding
    /// access, a role administrator still is one (and a head, for his own roles assigned;
    /// anyone who administers roles may remove his own).
    fn still_holds(&self, act: &Act, entity: &EntityId, on: NaiveDate) -> bool {
        #[cfg(test)]
        tests::CHECKS.with(|c| c.set(c.get() + 1));
        match act {
            Act::Grant { index, .. } => {
                self.authorizations
                    .get(*index)
                    .is_some_and(|rec| match rec.parent {
                        Parent::Appointment(a) => {
                            self.appointments.get(a).is_some_and(|ap| ap.in_force(on))
                        }
                        Parent::Authorization(p) => self.walk_ok(p, on),
                    })
            }
            Act::Revocation { by, index, .. } => self
                .authorizations
                .get(*index)
                .is_some_and(|rec| self.may_revoke(by, rec, on)),
            Act::Role {
                by,
                person,
                removed,
                ..
            } => {
                self.is_role_admin(by, entity, on)
                    && (*removed || by != person || self.is_head(by, entity, on))
            }
        }
    }

    /// The refusal naming `act`.
    fn used_that_day(act: &Act, entity: &EntityId, on: NaiveDate) -> Violation {
        let (person, kind, id) = match act {
            Act::Grant { grantor, id, .. } => {
                (grantor.clone(), RecordKind::Authorization, id.to_string())
            }
            Act::Revocation { by, id, .. } => {
                (by.clone(), RecordKind::Authorization, id.to_string())
            }
            Act::Role {
                by, person, role, ..
            } => (
                by.clone(),
                RecordKind::RoleAssignment,
                format!("{person}/{entity}/{role}"),
            ),
        };
        Violation::UsedThatDay {
            person,
            on,
            kind,
            id,
        }
    }

    fn undo_of(&self, event: &Event, on: NaiveDate) -> Undo {
        match event {
            Event::AppointmentEnded { id, .. } => self
                .appointment_ids
                .get(id)
                .map_or(Undo::Nothing, |&i| Undo::Appointment(i)),
            Event::AuthorizationRevoked { id, cascade, .. } => Undo::Revocations(
                self.subtree(id, *cascade)
                    .into_iter()
                    .filter_map(|i| Some((i, self.authorizations.get(i)?.revocation.clone())))
                    .collect(),
            ),
            Event::RoleRemoved {
                person,
                entity,
                role,
                ..
            } => self
                .active_role(person, entity, role, on)
                .map_or(Undo::Nothing, Undo::Role),
            _ => Undo::Nothing,
        }
    }

    fn undo(&mut self, undo: Undo) {
        match undo {
            Undo::Appointment(i) => {
                if let Some(rec) = self.appointments.get_mut(i) {
                    rec.ended_on = None;
                }
            }
            Undo::Revocations(saved) => {
                for (i, revocation) in saved {
                    if let Some(rec) = self.authorizations.get_mut(i) {
                        rec.revocation = revocation;
                    }
                }
            }
            Undo::Role(i) => {
                if let Some(rec) = self.roles.get_mut(i) {
                    rec.removed_on = None;
                }
            }
            Undo::Nothing => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AccessRequest, Appointment, AppointmentId, Authorization, DocumentRef, Policy};
    use crate::{Permission, RequestId};
    use std::cell::Cell;

    thread_local! {
        /// How many times an act was checked again ([`Registry::still_holds`]).
        pub(super) static CHECKS: Cell<u64> = const { Cell::new(0) };
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    fn grant(id: &str, grantor: &str, grantee: &str, on: NaiveDate) -> [Event; 2] {
        let req = RequestId::new(format!("req-{id}")).unwrap();
        let (grantee, entity) = (Login::new(grantee).unwrap(), EntityId::new("SP7").unwrap());
        [
            Event::RequestFiled {
                request: AccessRequest::new(
                    req.clone(),
                    grantee.clone(),
                    entity.clone(),
                    format!("{grantee}@example.com"),
                    on,
                ),
            },
            Event::AuthorizationGranted {
                authorization: Authorization::new(
                    AuthorizationId::new(id).unwrap(),
                    Login::new(grantor).unwrap(),
                    grantee,
                    entity,
                    [Permission::parse("pupils:read").unwrap()]
                        .into_iter()
                        .collect(),
                    on,
                    d(12, 31),
                )
                .with_document(DocumentRef::new(format!("upoważnienie {id}")).unwrap())
                .with_request(req),
                on,
            },
        ]
    }

    /// One school's day of 2,000 grants by its head, each grantee granting further, and
    /// 2,000 revocations of the further grants: checked against the whole day's acts, each
    /// revocation would check 4,000 to 6,000 of them (10 million checks in all). Each can change
    /// only its grantee's access, and they did nothing that day: no check at all. The head's
    /// appointment ended that day checks every act once before and after.
    #[test]
    fn a_bulk_day_in_one_school_checks_only_what_each_end_can_affect() {
        let n = 2_000;
        let on = d(9, 2);
        let mut log = vec![Event::AppointmentRecorded {
            appointment: Appointment::new(
                AppointmentId::new("ap").unwrap(),
                Login::new("dyr").unwrap(),
                EntityId::new("SP7").unwrap(),
                d(9, 1),
                d(12, 31),
            ),
            on: d(9, 1),
        }];
        for i in 0..n {
            log.extend(grant(&format!("g{i}"), "dyr", &format!("t{i}"), on));
            log.extend(grant(
                &format!("h{i}"),
                &format!("t{i}"),
                &format!("u{i}"),
                on,
            ));
        }
        for i in 0..n {
            log.push(Event::AuthorizationRevoked {
                id: AuthorizationId::new(format!("h{i}")).unwrap(),
                by: Login::new("dyr").unwrap(),
                on,
                cascade: false,
            });
        }
        CHECKS.with(|c| c.set(0));
        let mut reg = Registry::replay(Policy::sio(), log).unwrap();
        assert!(reg.rejected().is_empty());
        assert_eq!(CHECKS.with(Cell::get), 0);
        // The head's appointment ended that day would take away every grant he made and every
        // revocation: refused, after checking his acts once before the end and until the first
        // one broken after it.
        let end = Event::AppointmentEnded {
            id: AppointmentId::new("ap").unwrap(),
            on,
        };
        assert!(reg.apply(end).is_err());
        // 3 acts per i: the head's grant, the grantee's further grant, the head's revocation.
        let acts = 3 * n;
        assert_eq!(CHECKS.with(Cell::get), acts + 1);
    }
}
