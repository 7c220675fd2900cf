//! Ends dated on a day already in the log: an appointment ended, an authorization revoked or a
//! role removed takes effect from the start of its day, so it must not take away access that
//! an event recorded earlier the same day was done under (the log's "no event changes the
//! past", for the one day two events can share).
//!
//! The acts of the log's last day are kept by entity ([`Act`]); an end dated that day is
//! written, each act of its entity is checked again under the new state, and the end is
//! undone and refused ([`Violation::UsedThatDay`]) when one no longer holds. Events of earlier
//! days need no check: an end dated before them is already refused as out of order. Only the
//! entity's acts of one day are checked, so a bulk day of many schools stays near-linear.

use super::{Parent, Registry, Revocation};
use crate::event::Event;
use crate::ids::{AuthorizationId, EntityId, Login, RoleName};
use crate::rule::{RecordKind, Violation};
use chrono::NaiveDate;

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
    /// A role of `person` assigned or removed by `by` (in the entity the act is kept under).
    Role {
        by: Login,
        person: Login,
        role: RoleName,
    },
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
        let undo = self.undo_of(event, on);
        self.write(event);
        let Some(broken) = self
            .today
            .get(entity)
            .into_iter()
            .flatten()
            .find(|act| !self.still_holds(act, entity, on))
            .cloned()
        else {
            return Ok(());
        };
        self.undo(undo);
        Err(Self::used_that_day(&broken, entity, on))
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
            }
            | Event::RoleRemoved {
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
    /// access, a role administrator still is one (and a head, for his own roles).
    fn still_holds(&self, act: &Act, entity: &EntityId, on: NaiveDate) -> bool {
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
            Act::Role { by, person, .. } => {
                self.is_role_admin(by, entity, on) && (by != person || self.is_head(by, entity, on))
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
            Act::Role { by, person, role } => (
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
            Event::AuthorizationRevoked { id, cascade, .. } => {
                // What `write` visits: the revoked grant, and with `cascade` all below it.
                let mut saved = Vec::new();
                let mut stack: Vec<usize> = self
                    .authorization_ids
                    .get(id)
                    .copied()
                    .into_iter()
                    .collect();
                while let Some(i) = stack.pop() {
                    let Some(rec) = self.authorizations.get(i) else {
                        continue;
                    };
                    saved.push((i, rec.revocation.clone()));
                    if *cascade {
                        stack.extend(self.children.get(i).into_iter().flatten());
                    }
                }
                Undo::Revocations(saved)
            }
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
