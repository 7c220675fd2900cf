//! The state: the replay of the event log, with indexes for fast decisions.

mod apply;
mod decide;
mod same_day;
mod write;

use crate::DelegationError;
use crate::decision::Source;
use crate::event::{AccessRequest, Appointment, Authorization, Event};
use crate::ids::{EntityId, Login, Permission, RoleName};
use crate::policy::Policy;
use crate::rule::Violation;
use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt as _};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

pub use decide::Expiring;

/// A set of permissions as bits, by their position in [`Policy::permissions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PermBits(u128);

impl PermBits {
    pub(crate) fn contains(self, bit: u8) -> bool {
        self.0
            .checked_shr(u32::from(bit))
            .is_some_and(|v| v & 1 == 1)
    }
    pub(crate) fn covers(self, other: PermBits) -> bool {
        other.0 & !self.0 == 0
    }
    fn insert(&mut self, bit: u8) {
        self.0 |= 1_u128.checked_shl(u32::from(bit)).unwrap_or(0);
    }
}

/// A recorded appointment and its early end, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppointmentRecord {
    /// The appointment as recorded.
    pub appointment: Appointment,
    /// When it was recorded.
    pub recorded_on: NaiveDate,
    /// The last day of the head's access by this record, before any early end: the act's
    /// `until`, but at most [`Policy::max_validity_months`] from `from` (SIO act art. 74 pkt 1:
    /// for the term of office, at most 5 years). After it the head applies again: the running
    /// body records the same act anew from the next day.
    pub access_until: NaiveDate,
    /// The first day without it, when it ended early.
    pub ended_on: Option<NaiveDate>,
}

impl AppointmentRecord {
    /// Whether the appointment is in force on `at`.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let mut reg = Registry::new(Policy::sio()).unwrap();
    /// reg.apply(Event::AppointmentRecorded { on: d(1, 1), appointment: Appointment::new(AppointmentId::new("a").unwrap(), Login::new("dyr").unwrap(), EntityId::new("SP7").unwrap(), d(1, 1), d(8, 31)) }).unwrap();
    /// let rec = reg.appointment(&AppointmentId::new("a").unwrap()).unwrap();
    /// assert!(rec.in_force(d(8, 31)));
    /// assert!(!rec.in_force(d(9, 1)));
    /// ```
    #[must_use]
    pub fn in_force(&self, at: NaiveDate) -> bool {
        self.appointment.from <= at
            && at <= self.access_until
            && self.ended_on.is_none_or(|e| at < e)
    }

    /// The last day of the term as recorded (the day before an early end, else `until`):
    /// while it lasts, nobody else is head of the entity.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let mut reg = Registry::new(Policy::sio()).unwrap();
    /// reg.apply(Event::AppointmentRecorded { on: d(2026, 3, 1), appointment: Appointment::new(AppointmentId::new("a").unwrap(), Login::new("dyr").unwrap(), EntityId::new("SP7").unwrap(), d(2026, 3, 1), d(2031, 8, 31)) }).unwrap();
    /// let rec = reg.appointment(&AppointmentId::new("a").unwrap()).unwrap();
    /// assert_eq!(rec.term_last_day(), d(2031, 8, 31));
    /// assert_eq!(rec.last_day(), d(2031, 2, 28)); // access: at most 5 years
    /// ```
    #[must_use]
    pub fn term_last_day(&self) -> NaiveDate {
        let until = self.appointment.until;
        self.ended_on
            .and_then(|e| e.pred_opt())
            .map_or(until, |e| e.min(until))
    }

    /// The last day in force: the day before an early end, else the last day of access
    /// (`until`, at most 5 years: [`AppointmentRecord::access_until`]).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let mut reg = Registry::new(Policy::sio()).unwrap();
    /// reg.apply(Event::AppointmentRecorded { on: d(1, 1), appointment: Appointment::new(AppointmentId::new("a").unwrap(), Login::new("dyr").unwrap(), EntityId::new("SP7").unwrap(), d(1, 1), d(8, 31)) }).unwrap();
    /// let rec = reg.appointment(&AppointmentId::new("a").unwrap()).unwrap();
    /// assert_eq!(rec.last_day(), d(8, 31));
    /// ```
    #[must_use]
    pub fn last_day(&self) -> NaiveDate {
        self.term_last_day().min(self.access_until)
    }
}

/// A revocation of an authorization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Revocation {
    /// Who revoked it.
    pub by: Login,
    /// The first day without it.
    pub on: NaiveDate,
    /// When revoked by cascade: the authorization whose revocation cascaded.
    pub cascaded_from: Option<crate::ids::AuthorizationId>,
}

/// A granted authorization with what the engine derived when it was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthorizationRecord {
    /// The authorization as granted.
    pub authorization: Authorization,
    /// The grant's date.
    pub granted_on: NaiveDate,
    /// The grantor's access it derives from (the grant graph's edge).
    pub source: Source,
    /// Its depth below the appointment (1 = given by a head).
    pub depth: u8,
    /// Its revocation, if any.
    pub revocation: Option<Revocation>,
    bits: PermBits,
    parent: Parent,
}

impl AuthorizationRecord {
    /// Whether the authorization itself (its dates and revocation, not its grantor) is in
    /// force on `at`.
    ///
    /// # Example
    /// See [`crate::Registry::authorization`].
    #[must_use]
    pub fn in_force(&self, at: NaiveDate) -> bool {
        self.authorization.valid_from <= at
            && at <= self.authorization.valid_until
            && self.revocation.as_ref().is_none_or(|r| at < r.on)
    }

    /// The last day in force (the day before a revocation, else `valid_until`).
    ///
    /// # Example
    /// See [`crate::Registry::authorization`].
    #[must_use]
    pub fn last_day(&self) -> NaiveDate {
        let until = self.authorization.valid_until;
        self.revocation
            .as_ref()
            .and_then(|r| r.on.pred_opt())
            .map_or(until, |e| e.min(until))
    }
}

/// An access request and whether a grant used it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestRecord {
    /// The request.
    pub request: AccessRequest,
    /// The authorization that answered it.
    pub used_by: Option<crate::ids::AuthorizationId>,
}

/// A role held by a person in an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RoleRecord {
    /// The person.
    pub person: Login,
    /// The entity.
    pub entity: EntityId,
    /// The role.
    pub role: RoleName,
    /// First day.
    pub assigned_on: NaiveDate,
    /// First day without it, once removed.
    pub removed_on: Option<NaiveDate>,
    bits: PermBits,
}

impl RoleRecord {
    /// Whether the role is held on `at`.
    ///
    /// # Example
    /// See [`crate::Registry::roles`].
    #[must_use]
    pub fn in_force(&self, at: NaiveDate) -> bool {
        self.assigned_on <= at && self.removed_on.is_none_or(|r| at < r)
    }
}

/// An event refused when applied, with every rule it broke (kept for the audit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RejectedEvent {
    /// The event.
    pub event: Event,
    /// What it broke.
    pub violations: Vec<Violation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parent {
    Appointment(usize),
    Authorization(usize),
}

/// A list of record indexes whose first two live inline (in the index's hash bucket): most
/// people have one or two records per entity, so `decide` reads them without another fetch.
#[derive(Debug, Clone, Default)]
struct Idx {
    inline: [usize; 2],
    len: u8,
    spill: Vec<usize>,
}

impl Idx {
    fn push(&mut self, i: usize) {
        match self.inline.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = i;
                self.len = self.len.saturating_add(1);
            }
            None => self.spill.push(i),
        }
    }

    fn iter(&self) -> std::iter::Chain<std::slice::Iter<'_, usize>, std::slice::Iter<'_, usize>> {
        self.inline
            .get(..usize::from(self.len))
            .unwrap_or_default()
            .iter()
            .chain(self.spill.iter())
    }
}

impl<'a> IntoIterator for &'a Idx {
    type Item = &'a usize;
    type IntoIter = std::iter::Chain<std::slice::Iter<'a, usize>, std::slice::Iter<'a, usize>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// What one person has in one entity (indexes into the registry's records).
#[derive(Debug, Clone, Default)]
struct PersonEntity {
    appointments: Idx,
    grants: Idx,
    roles: Idx,
    void_grants: Vec<usize>,
}

/// The state of delegations: the replay of an append-only event log, answering
/// [`Registry::decide`] and the queries for any date.
///
/// Every event is checked against the state at its date when applied (check and write are
/// one step); a refused event is not written to the log but kept in [`Registry::rejected`].
///
/// # Example
/// ```
/// use edurules_delegation::{Registry, Policy};
/// let reg = Registry::replay(Policy::sio(), Vec::new()).unwrap();
/// assert!(reg.log().is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct Registry {
    policy: Policy,
    perm_bits: HashMap<Permission, u8>,
    head_bits: PermBits,
    role_bits: HashMap<RoleName, PermBits>,
    role_admin_bit: Option<u8>,
    appointments: Vec<AppointmentRecord>,
    authorizations: Vec<AuthorizationRecord>,
    requests: Vec<RequestRecord>,
    roles: Vec<RoleRecord>,
    appointment_ids: HashMap<crate::ids::AppointmentId, usize>,
    authorization_ids: HashMap<crate::ids::AuthorizationId, usize>,
    request_ids: HashMap<crate::ids::RequestId, usize>,
    children: Vec<Vec<usize>>,
    /// The hot index: (person, entity) → that person's records there.
    index: HashMap<(Login, EntityId), PersonEntity>,
    /// The entities each person appears in, for [`Registry::what_may`].
    by_person: HashMap<Login, Vec<EntityId>>,
    by_entity: HashMap<EntityId, Vec<Login>>,
    /// Each entity's appointments by first day (non-overlapping for different heads), so
    /// that recording one compares it with its neighbours only.
    heads: HashMap<EntityId, BTreeSet<(NaiveDate, usize)>>,
    log: Vec<Event>,
    rejected: Vec<RejectedEvent>,
    last_date: Option<NaiveDate>,
    /// What was done under someone's access on `last_date`: an end dated that day must not
    /// take it away (`same_day`).
    today: HashMap<EntityId, same_day::Day>,
}

impl Registry {
    /// An empty registry under a policy.
    ///
    /// # Errors
    /// [`DelegationError::InvalidPolicy`] when the policy is invalid.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Registry, Policy};
    /// assert!(Registry::new(Policy::sio()).is_ok());
    /// let mut bad = Policy::sio();
    /// bad.max_depth = 0;
    /// assert!(Registry::new(bad).is_err());
    /// ```
    pub fn new(policy: Policy) -> Result<Self, DelegationError> {
        policy.validate()?;
        let mut perm_bits = HashMap::new();
        for (i, p) in policy.permissions.iter().enumerate() {
            // validate() keeps the list within MAX_PERMISSIONS (128), so `i` fits in u8.
            if let Ok(bit) = u8::try_from(i) {
                perm_bits.insert(p.clone(), bit);
            }
        }
        let to_bits = |list: &[Permission]| {
            let mut bits = PermBits::default();
            for p in list {
                if let Some(&b) = perm_bits.get(p) {
                    bits.insert(b);
                }
            }
            bits
        };
        let head_bits = to_bits(&policy.head_permissions);
        let role_bits = policy
            .roles
            .iter()
            .map(|(r, list)| (r.clone(), to_bits(list)))
            .collect();
        let role_admin_bit = policy
            .role_admin_permission
            .as_ref()
            .and_then(|p| perm_bits.get(p).copied());
        Ok(Self {
            policy,
            perm_bits,
            head_bits,
            role_bits,
            role_admin_bit,
            appointments: Vec::new(),
            authorizations: Vec::new(),
            requests: Vec::new(),
            roles: Vec::new(),
            appointment_ids: HashMap::new(),
            authorization_ids: HashMap::new(),
            request_ids: HashMap::new(),
            children: Vec::new(),
            index: HashMap::new(),
            by_person: HashMap::new(),
            by_entity: HashMap::new(),
            heads: HashMap::new(),
            log: Vec::new(),
            rejected: Vec::new(),
            last_date: None,
            today: HashMap::new(),
        })
    }

    /// Replays a log: applies every event in order. Refused events are kept in
    /// [`Registry::rejected`] rather than stopping the replay.
    ///
    /// # Errors
    /// [`DelegationError::InvalidPolicy`] when the policy is invalid.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Registry, Policy, Event};
    /// let log = Event::log_from_json(r#"[{"type":"appointment_ended","id":"ghost","on":"2026-09-01"}]"#).unwrap();
    /// let reg = Registry::replay(Policy::sio(), log).unwrap();
    /// assert_eq!(reg.rejected().len(), 1);
    /// assert!(reg.log().is_empty());
    /// ```
    pub fn replay(
        policy: Policy,
        events: impl IntoIterator<Item = Event>,
    ) -> Result<Self, DelegationError> {
        let mut reg = Self::new(policy)?;
        for e in events {
            // A refused event is recorded in `rejected`; replay goes on.
            let _refused = reg.apply(e);
        }
        Ok(reg)
    }

    /// The policy.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Registry, Policy};
    /// assert_eq!(Registry::new(Policy::sio()).unwrap().policy().max_depth, 2);
    /// ```
    #[must_use]
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The accepted events, in order: the audit log (serialize it to store it).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Registry, Policy};
    /// assert!(Registry::new(Policy::sio()).unwrap().log().is_empty());
    /// ```
    #[must_use]
    pub fn log(&self) -> &[Event] {
        &self.log
    }

    /// The refused events with their violations.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Registry, Policy};
    /// assert!(Registry::new(Policy::sio()).unwrap().rejected().is_empty());
    /// ```
    #[must_use]
    pub fn rejected(&self) -> &[RejectedEvent] {
        &self.rejected
    }

    /// An appointment by id.
    ///
    /// # Example
    /// See [`AppointmentRecord::in_force`].
    #[must_use]
    pub fn appointment(&self, id: &crate::ids::AppointmentId) -> Option<&AppointmentRecord> {
        self.appointment_ids
            .get(id)
            .and_then(|&i| self.appointments.get(i))
    }

    /// An authorization by id.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// let reg = Registry::new(Policy::sio()).unwrap();
    /// assert!(reg.authorization(&AuthorizationId::new("none").unwrap()).is_none());
    /// ```
    #[must_use]
    pub fn authorization(&self, id: &crate::ids::AuthorizationId) -> Option<&AuthorizationRecord> {
        self.authorization_ids
            .get(id)
            .and_then(|&i| self.authorizations.get(i))
    }

    /// Every authorization, in grant order.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// assert_eq!(Registry::new(Policy::sio()).unwrap().authorizations().count(), 0);
    /// ```
    pub fn authorizations(&self) -> impl Iterator<Item = &AuthorizationRecord> {
        self.authorizations.iter()
    }

    /// Every appointment, in recording order.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// assert_eq!(Registry::new(Policy::sio()).unwrap().appointments().count(), 0);
    /// ```
    pub fn appointments(&self) -> impl Iterator<Item = &AppointmentRecord> {
        self.appointments.iter()
    }

    /// Every role assignment, in order.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// assert_eq!(Registry::new(Policy::sio()).unwrap().roles().count(), 0);
    /// ```
    pub fn roles(&self) -> impl Iterator<Item = &RoleRecord> {
        self.roles.iter()
    }

    /// Every access request, in filing order.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// assert_eq!(Registry::new(Policy::sio()).unwrap().requests().count(), 0);
    /// ```
    pub fn requests(&self) -> impl Iterator<Item = &RequestRecord> {
        self.requests.iter()
    }

    fn entry(&self, person: &Login, entity: &EntityId) -> Option<&PersonEntity> {
        // Cloning the caller's two `Arc`s is cheaper than a two-level index.
        self.index.get(&(person.clone(), entity.clone()))
    }

    /// The entry of a person in an entity, created when missing.
    fn entry_mut(&mut self, person: &Login, entity: &EntityId) -> &mut PersonEntity {
        let key = (person.clone(), entity.clone());
        if !self.index.contains_key(&key) {
            self.by_person
                .entry(person.clone())
                .or_default()
                .push(entity.clone());
            self.by_entity
                .entry(entity.clone())
                .or_default()
                .push(person.clone());
        }
        self.index.entry(key).or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_bits_cover_the_whole_range() {
        let mut a = PermBits::default();
        a.insert(0);
        a.insert(127);
        assert!(a.contains(0) && a.contains(127) && !a.contains(1));
        // Out of range never panics and is never contained.
        a.insert(200);
        assert!(!a.contains(200));
        let mut b = PermBits::default();
        b.insert(127);
        assert!(a.covers(b));
        assert!(!b.covers(a));
        assert!(a.covers(PermBits::default()));
    }

    #[test]
    fn index_entries_are_created_once() {
        let mut reg = Registry::new(Policy::sio()).unwrap();
        let (p, e) = (Login::new("p").unwrap(), EntityId::new("E").unwrap());
        reg.entry_mut(&p, &e).grants.push(1);
        reg.entry_mut(&p, &e).grants.push(2);
        reg.entry_mut(&p, &e).grants.push(3);
        let grants: Vec<usize> = reg.entry(&p, &e).unwrap().grants.iter().copied().collect();
        assert_eq!(grants, [1, 2, 3]);
        assert_eq!(reg.by_person[&p], std::slice::from_ref(&e));
        assert_eq!(reg.by_entity[&e], [p]);
    }
}
