//! Decisions and their explanations: the chain that allows, or the reasons that deny.

mod json;
mod message;

use crate::ids::{AppointmentId, AuthorizationId, DocumentRef, Login, Permission, RoleName};
use crate::locale::Locale;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a person's access in an entity derives from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Source {
    /// A head's appointment.
    Appointment(AppointmentId),
    /// An authorization.
    Authorization(AuthorizationId),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

/// One link of a chain, each valid at the asked date.
// (This line is the JSON Schema's description of a link: the serialization is documented on
// the `Serialize` impl in `decision/json.rs`.)
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(tag = "link", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Link {
    /// The head's appointment.
    Appointment {
        /// Its id.
        id: AppointmentId,
        /// The head.
        person: Login,
        /// First day.
        #[serde(serialize_with = "edurules_locale::iso::date")]
        from: NaiveDate,
        /// Last day in force (after an early end, the day before it).
        #[serde(serialize_with = "edurules_locale::iso::date")]
        last_day: NaiveDate,
    },
    /// A written authorization.
    Authorization {
        /// Its id.
        id: AuthorizationId,
        /// Who gave it.
        grantor: Login,
        /// Who holds it.
        grantee: Login,
        /// The written document.
        document: DocumentRef,
        /// First day.
        #[serde(serialize_with = "edurules_locale::iso::date")]
        valid_from: NaiveDate,
        /// Last day in force (after a revocation, the day before it).
        #[serde(serialize_with = "edurules_locale::iso::date")]
        last_day: NaiveDate,
    },
    /// A role held in the entity.
    Role {
        /// The role.
        role: RoleName,
        /// First day.
        #[serde(serialize_with = "edurules_locale::iso::date")]
        assigned_on: NaiveDate,
        /// Last day, once the role has been removed.
        #[serde(serialize_with = "edurules_locale::iso::option_date")]
        last_day: Option<NaiveDate>,
    },
}

impl Link {
    /// The last day this link is in force, if it has one (a role runs until removed).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Link, RoleName};
    /// use chrono::NaiveDate;
    /// let l = Link::Role { role: RoleName::new("teacher").unwrap(),
    ///                      assigned_on: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(), last_day: None };
    /// assert_eq!(l.last_day(), None);
    /// ```
    #[must_use]
    pub fn last_day(&self) -> Option<NaiveDate> {
        match self {
            Link::Appointment { last_day, .. } | Link::Authorization { last_day, .. } => {
                Some(*last_day)
            }
            Link::Role { last_day, .. } => *last_day,
        }
    }
}

/// The chain that allows a decision: from the root the engine still finds in force (an
/// appointment, or under [`crate::DerivedGrantPolicy::Survive`] an authorization whose
/// grantor's access has ended) down to the role, every link valid at the asked date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Chain {
    /// The links, root first.
    pub links: Vec<Link>,
}

impl Chain {
    /// A chain of these links, root first.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Chain;
    /// assert!(Chain::new(vec![]).links.is_empty());
    /// ```
    #[must_use]
    pub fn new(links: Vec<Link>) -> Self {
        Self { links }
    }

    /// The earliest last day among the links: a cached `Allowed` must not be used after it
    /// (and must be dropped on any later event, such as a revocation).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Chain, Link, RoleName};
    /// let c = Chain::new(vec![]);
    /// assert_eq!(c.valid_through(), None);
    /// ```
    #[must_use]
    pub fn valid_through(&self) -> Option<NaiveDate> {
        self.links.iter().filter_map(Link::last_day).min()
    }
}

/// Why a request is denied. One reason per thing the engine tried.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DenyReason {
    /// The permission is not in the policy.
    UnknownPermission {
        /// The permission asked for.
        permission: Permission,
    },
    /// No appointment or authorization for this person in this entity.
    NoGrant,
    /// The appointment or authorization starts later.
    NotYetValid {
        /// Which.
        source: Source,
        /// Its first day.
        from: NaiveDate,
    },
    /// The appointment or authorization has ended.
    Expired {
        /// Which.
        source: Source,
        /// Its last day in force.
        last_day: NaiveDate,
    },
    /// The authorization was revoked.
    Revoked {
        /// Which.
        authorization: AuthorizationId,
        /// Who revoked it.
        by: Login,
        /// First day without it.
        on: NaiveDate,
    },
    /// Under [`crate::DerivedGrantPolicy::Cascade`]: a grantor up the chain lost his access.
    GrantorLostAccess {
        /// The person's authorization.
        authorization: AuthorizationId,
        /// The grantor whose access ended.
        grantor: Login,
        /// The grantor's last day in force.
        last_day: NaiveDate,
    },
    /// The appointment or authorization does not include the permission.
    PermissionNotGranted {
        /// Which.
        source: Source,
    },
    /// Access is in force but no role held at that date allows the permission.
    NoRole {
        /// The permission asked for.
        permission: Permission,
    },
    /// A grant was attempted without a written document: void (art. 68 ust. 3).
    VoidWithoutWrittenForm {
        /// The void authorization's id.
        authorization: AuthorizationId,
        /// When it was attempted.
        on: NaiveDate,
    },
}

impl DenyReason {
    /// A stable machine code.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::DenyReason;
    /// assert_eq!(DenyReason::NoGrant.code(), "deny.no_grant");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownPermission { .. } => "deny.unknown_permission",
            Self::NoGrant => "deny.no_grant",
            Self::NotYetValid { .. } => "deny.not_yet_valid",
            Self::Expired { .. } => "deny.expired",
            Self::Revoked { .. } => "deny.revoked",
            Self::GrantorLostAccess { .. } => "deny.grantor_lost_access",
            Self::PermissionNotGranted { .. } => "deny.permission_not_granted",
            Self::NoRole { .. } => "deny.no_role",
            Self::VoidWithoutWrittenForm { .. } => "deny.void_without_written_form",
        }
    }
}

impl fmt::Display for DenyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

/// The answer to "may this person do this, in this entity, on this date?". Deny by default.
///
/// # Example
/// ```
/// use edurules_delegation::{Decision, DenyReason};
/// let d = Decision::Denied { reasons: vec![DenyReason::NoGrant] };
/// assert!(!d.is_allowed());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Allowed, with the chain that allows it.
    Allowed {
        /// The chain, every link valid at the asked date.
        chain: Chain,
    },
    /// Denied, with one reason per thing tried (at least one).
    Denied {
        /// The reasons.
        reasons: Vec<DenyReason>,
    },
}

impl Decision {
    /// Whether the decision allows.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Decision, Chain};
    /// assert!(Decision::Allowed { chain: Chain::new(vec![]) }.is_allowed());
    /// ```
    #[must_use]
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allowed { .. })
    }

    /// The decision and its explanation as lines in a language.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Decision, DenyReason, Locale};
    /// let d = Decision::Denied { reasons: vec![DenyReason::NoGrant] };
    /// assert_eq!(d.explain(Locale::En)[0], "denied");
    /// ```
    #[must_use]
    pub fn explain(&self, locale: Locale) -> Vec<String> {
        match self {
            Decision::Allowed { chain } => {
                let head = locale.pick("dozwolone", "разрешено", "allowed").to_owned();
                std::iter::once(head)
                    .chain(chain.links.iter().map(|l| l.message(locale)))
                    .collect()
            }
            Decision::Denied { reasons } => {
                let head = locale.pick("odmowa", "отказано", "denied").to_owned();
                std::iter::once(head)
                    .chain(reasons.iter().map(|r| r.message(locale)))
                    .collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    /// Each link as JSON: the fields the derived, tag-first form wrote (same names, same values,
    /// dates as `YYYY-MM-DD`), now in alphabetical order, and read back as the same link.
    #[test]
    fn links_are_written_in_key_order_with_their_tag() {
        let links = [
            (
                Link::Appointment {
                    id: AppointmentId::new("p-2021").unwrap(),
                    person: Login::new("jkowalski").unwrap(),
                    from: day(9, 1),
                    last_day: day(8, 31),
                },
                r#"{"from":"2025-09-01","id":"p-2021","last_day":"2025-08-31","link":"appointment","person":"jkowalski"}"#,
            ),
            (
                Link::Authorization {
                    id: AuthorizationId::new("u-1").unwrap(),
                    grantor: Login::new("jkowalski").unwrap(),
                    grantee: Login::new("anowak").unwrap(),
                    document: DocumentRef::new("upoważnienie nr 1/2025").unwrap(),
                    valid_from: day(9, 1),
                    last_day: day(12, 31),
                },
                r#"{"document":"upoważnienie nr 1/2025","grantee":"anowak","grantor":"jkowalski","id":"u-1","last_day":"2025-12-31","link":"authorization","valid_from":"2025-09-01"}"#,
            ),
            (
                Link::Role {
                    role: RoleName::new("secretariat").unwrap(),
                    assigned_on: day(9, 1),
                    last_day: Some(day(10, 2)),
                },
                r#"{"assigned_on":"2025-09-01","last_day":"2025-10-02","link":"role","role":"secretariat"}"#,
            ),
        ];
        for (link, json) in links {
            assert_eq!(serde_json::to_string(&link).unwrap(), json);
            assert_eq!(serde_json::from_str::<Link>(json).unwrap(), link);
        }
    }
}
