//! The append-only event log: what can happen, as serde data.
//!
//! Every event carries the Polish civil date (Europe/Warsaw) on which it is recorded and takes
//! effect; the log is in date order (rule [`crate::Rule::ChronologicalLog`]).

use crate::ids::{
    AppointmentId, AuthorizationId, DocumentRef, EntityId, Login, Permission, RequestId, RoleName,
};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A head's appointment to lead an entity (the act of entrusting the post), from its first
/// to its last day inclusive. The head's access runs with it (SIO act art. 74: for the term of
/// office, at most 5 years).
///
/// # Example
/// ```
/// use edurules_delegation::{Appointment, AppointmentId, Login, EntityId};
/// use chrono::NaiveDate;
/// let a = Appointment::new(AppointmentId::new("appt-1").unwrap(), Login::new("dyrektor").unwrap(), EntityId::new("SP7").unwrap(), NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(), NaiveDate::from_ymd_opt(2030, 8, 31).unwrap());
/// assert!(a.from < a.until);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Appointment {
    /// The record's id.
    pub id: AppointmentId,
    /// The head.
    pub person: Login,
    /// The entity he leads.
    pub entity: EntityId,
    /// First day.
    pub from: NaiveDate,
    /// Last day (e.g. 31 August of the year in the act), inclusive.
    pub until: NaiveDate,
}

/// A written authorization (SIO act art. 68 ust. 2–3) from a grantor holding access to a
/// grantee, for one entity, for some permissions, valid from its first to its last day
/// inclusive.
///
/// # Example
/// ```
/// use edurules_delegation::*;
/// use chrono::NaiveDate;
/// let a = Authorization::new(AuthorizationId::new("auth-1").unwrap(), Login::new("dyrektor").unwrap(), Login::new("sekretarka").unwrap(), EntityId::new("SP7").unwrap(), vec![Permission::parse("pupils:enter").unwrap()], NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 8, 31).unwrap()).with_document(DocumentRef::new("upoważnienie 1/2025").unwrap()).with_request(RequestId::new("req-1").unwrap());
/// assert!(a.document.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Authorization {
    /// The record's id.
    pub id: AuthorizationId,
    /// Who authorizes (must hold access: art. 70 ust. 2).
    pub grantor: Login,
    /// Who is authorized.
    pub grantee: Login,
    /// For which entity.
    pub entity: EntityId,
    /// What the grantee may do (within the grantor's own permissions).
    pub permissions: Vec<Permission>,
    /// First day.
    pub valid_from: NaiveDate,
    /// Last day, inclusive.
    pub valid_until: NaiveDate,
    /// The written document's reference; `None` makes the grant void (art. 68 ust. 3).
    #[serde(default)]
    pub document: Option<DocumentRef>,
    /// The grantee's electronic application this grant answers.
    #[serde(default)]
    pub request: Option<RequestId>,
}

/// The grantee's electronic application for access data, with the personal e-mail address
/// the access data will be sent to.
///
/// # Example
/// ```
/// use edurules_delegation::*;
/// use chrono::NaiveDate;
/// let r = AccessRequest::new(RequestId::new("req-1").unwrap(), Login::new("sekretarka").unwrap(), EntityId::new("SP7").unwrap(), "anna.nowak@example.com".to_owned(), NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
/// assert!(r.extends.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AccessRequest {
    /// The request's id.
    pub id: RequestId,
    /// Who applies.
    pub applicant: Login,
    /// For which entity.
    pub entity: EntityId,
    /// The personal (not institutional) e-mail address.
    pub personal_email: String,
    /// Filing date (also the event's date).
    pub filed_on: NaiveDate,
    /// For an extension (art. 74): the authorization to extend.
    #[serde(default)]
    pub extends: Option<AuthorizationId>,
}

impl Appointment {
    /// The appointment `id` of `person` to head `entity` from `from` to
    /// `until` (both inclusive), as the appointment act gives them.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_delegation::{Appointment, AppointmentId, EntityId, Login};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let a = Appointment::new(
    ///     AppointmentId::new("a1")?,
    ///     Login::new("jkowalski")?,
    ///     EntityId::new("SP7")?,
    ///     d(2025, 9, 1),
    ///     d(2030, 8, 31),
    /// );
    /// assert_eq!(a.until, d(2030, 8, 31));
    /// # Ok::<(), edurules_delegation::DelegationError>(())
    /// ```
    #[must_use]
    pub fn new(
        id: AppointmentId,
        person: Login,
        entity: EntityId,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Self {
        Self {
            id,
            person,
            entity,
            from,
            until,
        }
    }
}

impl Authorization {
    /// A written authorization `id` by `grantor` for `grantee` at `entity`,
    /// with these permissions, valid from `valid_from` to `valid_until`
    /// (inclusive); no document reference and no request until
    /// [`with_document`](Self::with_document) and
    /// [`with_request`](Self::with_request).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_delegation::{Authorization, AuthorizationId, DocumentRef, EntityId, Login, Permission};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let g = Authorization::new(
    ///     AuthorizationId::new("g1")?,
    ///     Login::new("jkowalski")?,
    ///     Login::new("anowak")?,
    ///     EntityId::new("SP7")?,
    ///     vec![Permission::parse("pupils:read")?],
    ///     d(2025, 9, 1),
    ///     d(2026, 8, 31),
    /// )
    /// .with_document(DocumentRef::new("upoważnienie 1/2025")?);
    /// assert!(g.document.is_some() && g.request.is_none());
    /// # Ok::<(), edurules_delegation::DelegationError>(())
    /// ```
    #[must_use]
    pub fn new(
        id: AuthorizationId,
        grantor: Login,
        grantee: Login,
        entity: EntityId,
        permissions: Vec<Permission>,
        valid_from: NaiveDate,
        valid_until: NaiveDate,
    ) -> Self {
        Self {
            id,
            grantor,
            grantee,
            entity,
            permissions,
            valid_from,
            valid_until,
            document: None,
            request: None,
        }
    }

    /// The same authorization with the reference of its written document.
    #[must_use]
    pub fn with_document(mut self, document: DocumentRef) -> Self {
        self.document = Some(document);
        self
    }

    /// The same authorization answering this access request.
    #[must_use]
    pub fn with_request(mut self, request: RequestId) -> Self {
        self.request = Some(request);
        self
    }
}

impl AccessRequest {
    /// The request `id` of `applicant` for access at `entity`, giving the
    /// personal e-mail address the access data go to, filed on `filed_on`;
    /// a first request until [`extends`](Self::extends).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_delegation::{AccessRequest, AuthorizationId, EntityId, Login, RequestId};
    ///
    /// let r = AccessRequest::new(
    ///     RequestId::new("r1")?,
    ///     Login::new("anowak")?,
    ///     EntityId::new("SP7")?,
    ///     "anna.nowak@example.com",
    ///     NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    /// )
    /// .extends(AuthorizationId::new("g1")?);
    /// assert!(r.extends.is_some());
    /// # Ok::<(), edurules_delegation::DelegationError>(())
    /// ```
    #[must_use]
    pub fn new(
        id: RequestId,
        applicant: Login,
        entity: EntityId,
        personal_email: impl Into<String>,
        filed_on: NaiveDate,
    ) -> Self {
        Self {
            id,
            applicant,
            entity,
            personal_email: personal_email.into(),
            filed_on,
            extends: None,
        }
    }

    /// The same request, asking to extend this authorization.
    #[must_use]
    pub fn extends(mut self, authorization: AuthorizationId) -> Self {
        self.extends = Some(authorization);
        self
    }
}

/// One entry of the append-only log. `on` is the date the event is recorded and takes effect.
///
/// Ending events (`AppointmentEnded`, `AuthorizationRevoked`, `RoleRemoved`) take effect at the
/// start of `on`: the last day of validity is the day before.
///
/// # Example
/// ```
/// use edurules_delegation::*;
/// let json = r#"{"type":"authorization_revoked","id":"auth-1","by":"dyrektor",
///                "on":"2026-09-01","cascade":false}"#;
/// let e: Event = serde_json::from_str(json).unwrap();
/// assert_eq!(e.date().to_string(), "2026-09-01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Event {
    /// The running body records a head's appointment.
    AppointmentRecorded {
        /// The appointment.
        appointment: Appointment,
        /// Recording date (no later than `appointment.from`).
        on: NaiveDate,
    },
    /// An appointment ends early: `on` is the first day without it.
    AppointmentEnded {
        /// Which appointment.
        id: AppointmentId,
        /// First day without it.
        on: NaiveDate,
    },
    /// A person files an electronic application for access data.
    RequestFiled {
        /// The application.
        request: AccessRequest,
    },
    /// A grantor gives a written authorization and grants access data.
    AuthorizationGranted {
        /// The authorization.
        authorization: Authorization,
        /// The grant's date (no later than `authorization.valid_from`).
        on: NaiveDate,
    },
    /// An authorization is revoked from `on` (the first day without it).
    AuthorizationRevoked {
        /// Which authorization.
        id: AuthorizationId,
        /// Who revokes.
        by: Login,
        /// First day without it.
        on: NaiveDate,
        /// Whether the authorizations derived from it are revoked too.
        #[serde(default)]
        cascade: bool,
    },
    /// The data administrator assigns a role in an entity, from `on`.
    RoleAssigned {
        /// Who gets the role.
        person: Login,
        /// Where.
        entity: EntityId,
        /// Which role.
        role: RoleName,
        /// The administrator.
        by: Login,
        /// First day.
        on: NaiveDate,
    },
    /// The data administrator removes a role, from `on` (the first day without it).
    RoleRemoved {
        /// Who loses the role.
        person: Login,
        /// Where.
        entity: EntityId,
        /// Which role.
        role: RoleName,
        /// The administrator.
        by: Login,
        /// First day without it.
        on: NaiveDate,
    },
}

impl Event {
    /// The date the event is recorded and takes effect.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::*;
    /// use chrono::NaiveDate;
    /// let on = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    /// let e = Event::AppointmentEnded { id: AppointmentId::new("a").unwrap(), on };
    /// assert_eq!(e.date(), on);
    /// ```
    #[must_use]
    pub fn date(&self) -> NaiveDate {
        match self {
            Event::AppointmentRecorded { on, .. }
            | Event::AppointmentEnded { on, .. }
            | Event::AuthorizationGranted { on, .. }
            | Event::AuthorizationRevoked { on, .. }
            | Event::RoleAssigned { on, .. }
            | Event::RoleRemoved { on, .. } => *on,
            Event::RequestFiled { request } => request.filed_on,
        }
    }

    /// Reads a log (a JSON array of events).
    ///
    /// # Errors
    /// [`crate::DelegationError::Json`] when the text is not such an array.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Event;
    /// assert!(Event::log_from_json("[]").unwrap().is_empty());
    /// assert!(Event::log_from_json("{}").is_err());
    /// ```
    pub fn log_from_json(text: &str) -> Result<Vec<Event>, crate::DelegationError> {
        serde_json::from_str(text).map_err(|e| crate::DelegationError::json(&e))
    }
}
