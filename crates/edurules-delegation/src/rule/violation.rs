//! The typed violations reported when an event breaks a [`Rule`].

mod message;

use super::Rule;
use crate::ids::{AppointmentId, AuthorizationId, EntityId, Login, Permission, RequestId};
use crate::locale::Locale;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a reference points at, in [`Violation::UnknownReference`] and
/// [`Violation::AlreadyEnded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecordKind {
    /// An appointment.
    Appointment,
    /// An authorization.
    Authorization,
    /// An access request.
    Request,
    /// A permission name.
    Permission,
    /// A role name.
    Role,
    /// A role assignment.
    RoleAssignment,
}

/// One broken rule, with what the caller needs to act on it.
///
/// # Example
/// ```
/// use edurules_delegation::{Violation, Rule, Locale, AuthorizationId};
/// let v = Violation::MissingWrittenForm { authorization: AuthorizationId::new("a1").unwrap() };
/// assert_eq!(v.rule(), Rule::WrittenForm);
/// assert_eq!(v.code(), "written_form.missing");
/// assert!(v.message(Locale::Pl).contains("pisemn"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "violation", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Violation {
    /// The grantor holds no access for the entity on the grant's date.
    GrantorWithoutAccess {
        /// The grantor.
        grantor: Login,
        /// The entity.
        entity: EntityId,
        /// The grant's date.
        on: NaiveDate,
    },
    /// The grant would take effect after its grantor's access has ended (art. 70 ust. 2: the
    /// grantor must hold access when the access he grants begins).
    StartsAfterGrantor {
        /// The grant's first day.
        from: NaiveDate,
        /// The last day of the grantor's access (the best one he holds).
        grantor_last_day: NaiveDate,
    },
    /// The authorization names no permission: there is nothing it authorizes.
    EmptyScope {
        /// The authorization.
        authorization: AuthorizationId,
    },
    /// No document reference: the authorization would be void.
    MissingWrittenForm {
        /// The authorization that lacks it.
        authorization: AuthorizationId,
    },
    /// The grant asks for permissions the grantor does not hold.
    ExceedsGrantor {
        /// The permissions beyond the grantor's.
        excess: Vec<Permission>,
    },
    /// The period is longer than the policy allows.
    TooLong {
        /// Start of the period.
        from: NaiveDate,
        /// Requested last day.
        until: NaiveDate,
        /// Latest allowed last day.
        max_until: NaiveDate,
    },
    /// The grant would end after the grantor's own access.
    OutlivesGrantor {
        /// Requested last day.
        until: NaiveDate,
        /// The grantor's last day.
        grantor_last_day: NaiveDate,
    },
    /// Another head's appointment overlaps.
    OverlappingHead {
        /// The entity.
        entity: EntityId,
        /// The overlapping appointment.
        other: AppointmentId,
    },
    /// The grantor and the grantee are the same person.
    SelfGrant {
        /// The person.
        person: Login,
    },
    /// The grantee is already in the grantor's chain.
    Cycle {
        /// The grantee found in the chain.
        person: Login,
    },
    /// The grant would be deeper than the policy allows.
    DepthExceeded {
        /// The depth the grant would have.
        depth: u8,
        /// The policy's maximum.
        max: u8,
    },
    /// No pending application from the grantee for that entity.
    NoPendingRequest {
        /// The grantee.
        grantee: Login,
        /// The request named by the grant, if any.
        request: Option<RequestId>,
    },
    /// The application's e-mail is not a personal address.
    InstitutionalEmail {
        /// The address given.
        email: String,
    },
    /// The extension application is filed too early.
    ExtensionTooEarly {
        /// Filing date.
        filed_on: NaiveDate,
        /// Earliest allowed filing date.
        earliest: NaiveDate,
    },
    /// The access to extend has already ended: a new application is needed.
    ExtensionAfterExpiry {
        /// The authorization to extend.
        authorization: AuthorizationId,
        /// Its last valid day.
        last_day: NaiveDate,
    },
    /// The person may not revoke this authorization.
    NotRevoker {
        /// Who tried.
        by: Login,
        /// The authorization.
        authorization: AuthorizationId,
    },
    /// A delegated role administrator assigns a role to himself.
    OwnRoles {
        /// The administrator, who is also the person.
        person: Login,
        /// The entity.
        entity: EntityId,
    },
    /// A head's appointment is longer than the term of office the law allows.
    TermTooLong {
        /// First day.
        from: NaiveDate,
        /// Last day as recorded.
        until: NaiveDate,
        /// The latest last day allowed.
        max_until: NaiveDate,
        /// The term in school years (Prawo oświatowe art. 63 ust. 21: 5).
        school_years: u8,
    },
    /// The person may not assign or remove roles in this entity.
    NotRoleAdministrator {
        /// Who tried.
        by: Login,
        /// The entity.
        entity: EntityId,
    },
    /// The event is dated before an event already in the log.
    OutOfOrder {
        /// The event's date.
        on: NaiveDate,
        /// The latest date already in the log.
        last: NaiveDate,
    },
    /// An end (of an appointment, an authorization or a role) dated the log's last day, which
    /// would take away, from the start of that day, access an event recorded earlier that
    /// day was done under: the grant or revocation of an authorization, or a role assignment
    /// or removal. Date the end the next day.
    UsedThatDay {
        /// Whose access the earlier event was done under.
        person: Login,
        /// The day.
        on: NaiveDate,
        /// What the earlier event concerned.
        kind: RecordKind,
        /// Its id (`person/entity/role` for a role assignment).
        id: String,
    },
    /// The period would take effect before it was recorded.
    Retroactive {
        /// The period's start.
        from: NaiveDate,
        /// The event's date.
        on: NaiveDate,
    },
    /// The period starts after it ends.
    InvertedPeriod {
        /// Start.
        from: NaiveDate,
        /// Last day.
        until: NaiveDate,
    },
    /// The id is already used.
    DuplicateId {
        /// What kind of record.
        kind: RecordKind,
        /// The id.
        id: String,
    },
    /// The reference names nothing known.
    UnknownReference {
        /// What kind of record or name.
        kind: RecordKind,
        /// The id or name.
        id: String,
    },
    /// The referenced record has already ended or been used.
    AlreadyEnded {
        /// What kind of record.
        kind: RecordKind,
        /// The id.
        id: String,
    },
}

impl Violation {
    /// The rule this violation breaks.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Violation, Rule, Login};
    /// let v = Violation::SelfGrant { person: Login::new("x").unwrap() };
    /// assert_eq!(v.rule(), Rule::NoSelfGrant);
    /// ```
    #[must_use]
    pub fn rule(&self) -> Rule {
        match self {
            Self::GrantorWithoutAccess { .. } | Self::StartsAfterGrantor { .. } => {
                Rule::GrantorHoldsAccess
            }
            Self::MissingWrittenForm { .. } | Self::EmptyScope { .. } => Rule::WrittenForm,
            Self::ExceedsGrantor { .. } => Rule::Attenuation,
            Self::TooLong { .. } | Self::TermTooLong { .. } => Rule::MaxValidity,
            Self::OutlivesGrantor { .. } => Rule::WithinGrantorTerm,
            Self::OverlappingHead { .. } => Rule::SingleHead,
            Self::SelfGrant { .. } => Rule::NoSelfGrant,
            Self::Cycle { .. } => Rule::NoCycle,
            Self::DepthExceeded { .. } => Rule::DelegationDepth,
            Self::NoPendingRequest { .. } => Rule::PendingRequest,
            Self::InstitutionalEmail { .. } => Rule::PersonalEmail,
            Self::ExtensionTooEarly { .. } | Self::ExtensionAfterExpiry { .. } => {
                Rule::ExtensionWindow
            }
            Self::NotRevoker { .. } => Rule::RevokerAuthority,
            Self::NotRoleAdministrator { .. } | Self::OwnRoles { .. } => Rule::RoleAdministrator,
            Self::OutOfOrder { .. } | Self::UsedThatDay { .. } | Self::Retroactive { .. } => {
                Rule::ChronologicalLog
            }
            Self::InvertedPeriod { .. } => Rule::ValidPeriod,
            Self::DuplicateId { .. }
            | Self::UnknownReference { .. }
            | Self::AlreadyEnded { .. } => Rule::KnownReferences,
        }
    }

    /// A stable machine code, `rule.detail`.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Violation, Login};
    /// let v = Violation::SelfGrant { person: Login::new("x").unwrap() };
    /// assert_eq!(v.code(), "no_self_grant.same_person");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::GrantorWithoutAccess { .. } => "grantor_holds_access.no_access",
            Self::StartsAfterGrantor { .. } => "grantor_holds_access.starts_after_grantor",
            Self::EmptyScope { .. } => "written_form.empty_scope",
            Self::OwnRoles { .. } => "role_administrator.own_roles",
            Self::TermTooLong { .. } => "max_validity.term_too_long",
            Self::MissingWrittenForm { .. } => "written_form.missing",
            Self::ExceedsGrantor { .. } => "attenuation.exceeds_grantor",
            Self::TooLong { .. } => "max_validity.too_long",
            Self::OutlivesGrantor { .. } => "within_grantor_term.outlives_grantor",
            Self::OverlappingHead { .. } => "single_head.overlap",
            Self::SelfGrant { .. } => "no_self_grant.same_person",
            Self::Cycle { .. } => "no_cycle.grantee_in_chain",
            Self::DepthExceeded { .. } => "delegation_depth.exceeded",
            Self::NoPendingRequest { .. } => "pending_request.missing",
            Self::InstitutionalEmail { .. } => "personal_email.institutional",
            Self::ExtensionTooEarly { .. } => "extension_window.too_early",
            Self::ExtensionAfterExpiry { .. } => "extension_window.expired",
            Self::NotRevoker { .. } => "revoker_authority.not_allowed",
            Self::NotRoleAdministrator { .. } => "role_administrator.not_allowed",
            Self::OutOfOrder { .. } => "chronological_log.out_of_order",
            Self::UsedThatDay { .. } => "chronological_log.used_that_day",
            Self::Retroactive { .. } => "chronological_log.retroactive",
            Self::InvertedPeriod { .. } => "valid_period.inverted",
            Self::DuplicateId { .. } => "known_references.duplicate_id",
            Self::UnknownReference { .. } => "known_references.unknown",
            Self::AlreadyEnded { .. } => "known_references.already_ended",
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}
