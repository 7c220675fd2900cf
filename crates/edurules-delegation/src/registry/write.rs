//! Writing a checked event into the state (called by [`Registry::apply`] once every rule
//! passed).

use super::apply::max_until;
use super::{
    AppointmentRecord, AuthorizationRecord, Parent, Registry, RequestRecord, Revocation, RoleRecord,
};
use crate::decision::Source;
use crate::event::Event;

impl Registry {
    /// Writes a checked event into the state.
    pub(super) fn write(&mut self, event: &Event) {
        match event {
            Event::AppointmentRecorded { appointment, on } => {
                let i = self.appointments.len();
                self.appointment_ids.insert(appointment.id.clone(), i);
                let access_until = appointment
                    .until
                    .min(max_until(appointment.from, self.policy.max_validity_months));
                self.appointments.push(AppointmentRecord {
                    appointment: appointment.clone(),
                    recorded_on: *on,
                    access_until,
                    ended_on: None,
                });
                self.heads
                    .entry(appointment.entity.clone())
                    .or_default()
                    .insert((appointment.from, i));
                self.entry_mut(&appointment.person, &appointment.entity)
                    .appointments
                    .push(i);
            }
            Event::AppointmentEnded { id, on } => {
                if let Some(rec) = self
                    .appointment_ids
                    .get(id)
                    .copied()
                    .and_then(|i| self.appointments.get_mut(i))
                {
                    rec.ended_on = Some(*on);
                }
            }
            Event::RequestFiled { request } => {
                self.request_ids
                    .insert(request.id.clone(), self.requests.len());
                self.requests.push(RequestRecord {
                    request: request.clone(),
                    used_by: None,
                });
            }
            Event::AuthorizationGranted { authorization, on } => {
                let mut scratch = Vec::new();
                let Some((parent, depth, bits)) =
                    self.check_grant(authorization, *on, &mut scratch)
                else {
                    return;
                };
                let source = match parent {
                    Parent::Appointment(a) => self
                        .appointments
                        .get(a)
                        .map(|ap| Source::Appointment(ap.appointment.id.clone())),
                    Parent::Authorization(p) => self
                        .authorizations
                        .get(p)
                        .map(|r| Source::Authorization(r.authorization.id.clone())),
                };
                let Some(source) = source else { return };
                let i = self.authorizations.len();
                self.authorization_ids.insert(authorization.id.clone(), i);
                self.authorizations.push(AuthorizationRecord {
                    authorization: authorization.clone(),
                    granted_on: *on,
                    source,
                    depth,
                    revocation: None,
                    bits,
                    parent,
                });
                self.children.push(Vec::new());
                if let Parent::Authorization(p) = parent
                    && let Some(c) = self.children.get_mut(p)
                {
                    c.push(i);
                }
                if let Some(req) = authorization
                    .request
                    .as_ref()
                    .and_then(|r| self.request_ids.get(r).copied())
                    .and_then(|r| self.requests.get_mut(r))
                {
                    req.used_by = Some(authorization.id.clone());
                }
                self.entry_mut(&authorization.grantee, &authorization.entity)
                    .grants
                    .push(i);
            }
            Event::AuthorizationRevoked {
                id,
                by,
                on,
                cascade,
            } => {
                let Some(&root) = self.authorization_ids.get(id) else {
                    return;
                };
                let mut stack = vec![(root, None)];
                while let Some((i, from)) = stack.pop() {
                    let Some(rec) = self.authorizations.get_mut(i) else {
                        continue;
                    };
                    let live = rec.revocation.is_none() && rec.authorization.valid_until >= *on;
                    // A grant that has already ended keeps its own end, but what was derived
                    // from it (alive under `Survive`) is still below the revoked one: the
                    // cascade goes on through it, naming the last grant it revoked.
                    let below = if i == root || live {
                        let this_id = rec.authorization.id.clone();
                        rec.revocation = Some(Revocation {
                            by: by.clone(),
                            on: *on,
                            cascaded_from: from,
                        });
                        Some(this_id)
                    } else {
                        from
                    };
                    if *cascade {
                        for &c in self.children.get(i).into_iter().flatten() {
                            stack.push((c, below.clone()));
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
            } => {
                let bits = self.role_bits.get(role).copied().unwrap_or_default();
                let i = self.roles.len();
                self.roles.push(RoleRecord {
                    person: person.clone(),
                    entity: entity.clone(),
                    role: role.clone(),
                    assigned_on: *on,
                    removed_on: None,
                    bits,
                });
                self.entry_mut(person, entity).roles.push(i);
            }
            Event::RoleRemoved {
                person,
                entity,
                role,
                on,
                ..
            } => {
                if let Some(rr) = self
                    .active_role(person, entity, role, *on)
                    .and_then(|r| self.roles.get_mut(r))
                {
                    rr.removed_on = Some(*on);
                }
            }
        }
    }
}
