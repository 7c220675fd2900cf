//! The named rules checked when an event is applied, with their legal basis, and the typed
//! violations reported when an event breaks them.

mod basis;
mod violation;

pub use violation::{RecordKind, Violation};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A rule of the engine, each with its legal basis ([`Rule::legal_basis`]).
///
/// "SIO act" is the ustawa z dnia 15 kwietnia 2011 r. o systemie informacji oświatowej.
///
/// # Example
/// ```
/// use edurules_delegation::Rule;
/// assert_eq!(Rule::WrittenForm.code(), "written_form");
/// assert!(Rule::WrittenForm.legal_basis().contains("art. 68 ust. 3"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// The grantor holds access for that entity at the grant's instant.
    GrantorHoldsAccess,
    /// The authorization is in writing: a document reference is present.
    WrittenForm,
    /// The granted permissions never exceed the grantor's.
    Attenuation,
    /// Validity at most the policy's maximum (5 years).
    MaxValidity,
    /// A grant ends no later than the grantor's own access (only when the policy asks for it).
    WithinGrantorTerm,
    /// One head per entity at a time, no overlapping head periods.
    SingleHead,
    /// Nobody authorizes himself.
    NoSelfGrant,
    /// No one is authorized by someone whose access derives from him.
    NoCycle,
    /// The delegation depth stays within the policy (SIO: 2).
    DelegationDepth,
    /// A pending electronic application from the grantee exists for that entity.
    PendingRequest,
    /// The application gives a personal, not an institutional, e-mail address.
    PersonalEmail,
    /// An extension is applied for no earlier than 3 months before expiry, and before it.
    ExtensionWindow,
    /// Only the entity's head, or the grantor while he holds access, revokes.
    RevokerAuthority,
    /// Only the personal-data administrator assigns and removes roles.
    RoleAdministrator,
    /// Events are appended in date order; nothing takes effect before it is recorded.
    ChronologicalLog,
    /// A period starts no later than it ends.
    ValidPeriod,
    /// Ids are unique; references name existing, still-live records and known names.
    KnownReferences,
}

impl Rule {
    /// Every rule, for documentation and tests.
    pub const ALL: [Rule; 17] = [
        Rule::GrantorHoldsAccess,
        Rule::WrittenForm,
        Rule::Attenuation,
        Rule::MaxValidity,
        Rule::WithinGrantorTerm,
        Rule::SingleHead,
        Rule::NoSelfGrant,
        Rule::NoCycle,
        Rule::DelegationDepth,
        Rule::PendingRequest,
        Rule::PersonalEmail,
        Rule::ExtensionWindow,
        Rule::RevokerAuthority,
        Rule::RoleAdministrator,
        Rule::ChronologicalLog,
        Rule::ValidPeriod,
        Rule::KnownReferences,
    ];

    /// A stable machine code (snake case, as in serde).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Rule;
    /// assert_eq!(Rule::DelegationDepth.code(), "delegation_depth");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Rule::GrantorHoldsAccess => "grantor_holds_access",
            Rule::WrittenForm => "written_form",
            Rule::Attenuation => "attenuation",
            Rule::MaxValidity => "max_validity",
            Rule::WithinGrantorTerm => "within_grantor_term",
            Rule::SingleHead => "single_head",
            Rule::NoSelfGrant => "no_self_grant",
            Rule::NoCycle => "no_cycle",
            Rule::DelegationDepth => "delegation_depth",
            Rule::PendingRequest => "pending_request",
            Rule::PersonalEmail => "personal_email",
            Rule::ExtensionWindow => "extension_window",
            Rule::RevokerAuthority => "revoker_authority",
            Rule::RoleAdministrator => "role_administrator",
            Rule::ChronologicalLog => "chronological_log",
            Rule::ValidPeriod => "valid_period",
            Rule::KnownReferences => "known_references",
        }
    }

    /// Where the rule comes from: an article of the SIO act, a seed document, or the engine's
    /// own integrity (said so).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Rule;
    /// assert!(Rule::GrantorHoldsAccess.legal_basis().contains("art. 70 ust. 2"));
    /// ```
    #[must_use]
    pub fn legal_basis(self) -> &'static str {
        match self {
            Rule::GrantorHoldsAccess => {
                "SIO act art. 70 ust. 2: access data are granted by the person who gave the authorization, provided that person already holds access data"
            }
            Rule::WrittenForm => {
                "SIO act art. 68 ust. 3: the authorization requires written form under pain of nullity"
            }
            Rule::Attenuation => {
                "SIO act art. 68 ust. 2: the employee acts on the head's behalf, so within the head's own access"
            }
            Rule::MaxValidity => {
                "SIO act art. 74: access for the term of office, at most 5 years (head, art. 68 ust. 1); at most 5 years (employee, art. 68 ust. 2)"
            }
            Rule::WithinGrantorTerm => {
                "vendor policy (not the SIO act: art. 74 bounds an employee's access by 5 years only)"
            }
            Rule::SingleHead => {
                "SIO act art. 68 ust. 1 (the head of the entity holds access); SIO help pages: one active head authorization per entity, no overlapping periods"
            }
            Rule::NoSelfGrant => {
                "SIO act art. 68 ust. 2 and art. 70 ust. 2: the head authorizes another person, an employee"
            }
            Rule::NoCycle => {
                "engine integrity: a grant graph with a cycle has no root in an appointment (Griffiths–Wade, Fagin 1978)"
            }
            Rule::DelegationDepth => {
                "SIO act art. 68 ust. 2 and art. 70 ust. 2 as amended in 2019: a head, then an authorized employee who holds access"
            }
            Rule::PendingRequest => {
                "SIO act art. 71 ust. 1: access data are granted on the applicant's electronic application"
            }
            Rule::PersonalEmail => {
                "seed 000 (Kraków education office, CIE instructions): access data arrive by e-mail, so the application gives a personal address, not the school's"
            }
            Rule::ExtensionWindow => {
                "SIO act art. 74: extension on application filed no earlier than 3 months before the access period ends; once access has expired, a new application is needed"
            }
            Rule::RevokerAuthority => {
                "SIO act art. 68 ust. 1–2 and the SIO help pages: the head (including a successor) may revoke the authorizations of the entity's staff"
            }
            Rule::RoleAdministrator => {
                "seed 004 (Opolska eSzkoła rules, point 16): the personal-data administrator of the school assigns roles"
            }
            Rule::ChronologicalLog => {
                "engine integrity: an append-only audit log; no event changes the past"
            }
            Rule::ValidPeriod => "engine integrity: a period starts no later than it ends",
            Rule::KnownReferences => "engine integrity: ids are unique and references resolve",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
