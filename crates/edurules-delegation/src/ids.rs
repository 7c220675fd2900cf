//! Validated names: logins, entities, roles, permissions, document references and record ids.
//!
//! A value that exists is valid: every constructor checks its input, and serde goes
//! through the same constructor.

use crate::DelegationError;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Longest accepted identifier, in characters.
pub const MAX_ID_CHARS: usize = 254;

fn check_token(kind: &'static str, value: &str, allow_spaces: bool) -> Result<(), DelegationError> {
    let bad_char = value
        .chars()
        .any(|c| c.is_control() || (!allow_spaces && c.is_whitespace()));
    let bad_edges = value.trim() != value;
    if value.is_empty() || bad_char || bad_edges || value.chars().count() > MAX_ID_CHARS {
        return Err(DelegationError::InvalidIdentifier {
            kind,
            value: value.to_owned(),
        });
    }
    Ok(())
}

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $spaces:expr, $sample:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(Arc<str>);

        impl $name {
            #[doc = concat!("Checks and wraps a ", $kind, ": non-empty, at most [`MAX_ID_CHARS`] characters, no control characters, no surrounding spaces.")]
            ///
            /// # Errors
            /// [`DelegationError::InvalidIdentifier`] when the value breaks those rules.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use edurules_delegation::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(\"", $sample, "\").unwrap().as_str(), \"", $sample, "\");")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"\").is_err());")]
            /// ```
            pub fn new(value: impl Into<String>) -> Result<Self, DelegationError> {
                let value = value.into();
                check_token($kind, &value, $spaces)?;
                Ok(Self(value.into()))
            }

            /// The text of the value.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use edurules_delegation::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(\"", $sample, "\").unwrap().as_str(), \"", $sample, "\");")]
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = DelegationError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = DelegationError;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0.to_string()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// A person, known by the login of his account (one login may act for many entities).
    Login, "login", false, "jan.kowalski"
);
string_id!(
    /// A reporting entity: a school, kindergarten or other institution (e.g. its RSPO number).
    EntityId, "entity id", false, "RSPO-12345"
);
string_id!(
    /// A role inside an entity, assigned by the entity's personal-data administrator.
    RoleName, "role", false, "secretariat"
);
string_id!(
    /// The reference of the written authorization document (art. 68 ust. 3: without it the
    /// authorization is void).
    DocumentRef, "document reference", true, "upoważnienie nr 3/2025"
);
string_id!(
    /// The id of an appointment record.
    AppointmentId, "appointment id", false, "appt-1"
);
string_id!(
    /// The id of an authorization record.
    AuthorizationId, "authorization id", false, "auth-1"
);
string_id!(
    /// The id of an access request (the grantee's electronic application).
    RequestId, "request id", false, "req-1"
);

/// A permission: an action on a data set, written `data_set:action` (e.g. `pupils:modify`).
///
/// Which permissions exist is configuration ([`crate::Policy::permissions`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Permission {
    /// The text `data_set:action`.
    text: String,
    /// Byte position of the colon.
    colon: usize,
}

impl Permission {
    /// Builds `data_set:action` from its two parts.
    ///
    /// # Errors
    /// [`DelegationError::InvalidIdentifier`] when a part is empty, has whitespace, control
    /// characters or a colon.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Permission;
    /// let p = Permission::new("pupils", "modify").unwrap();
    /// assert_eq!(p.to_string(), "pupils:modify");
    /// assert!(Permission::new("pupils", "").is_err());
    /// ```
    pub fn new(data_set: &str, action: &str) -> Result<Self, DelegationError> {
        Self::parse(&format!("{data_set}:{action}"))
    }

    /// Parses `data_set:action`.
    ///
    /// # Errors
    /// [`DelegationError::InvalidIdentifier`] when the text is not two non-empty parts
    /// without whitespace joined by one colon.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Permission;
    /// assert_eq!(Permission::parse("pupils:enter").unwrap().action(), "enter");
    /// assert!(Permission::parse("pupils").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, DelegationError> {
        let invalid = || DelegationError::InvalidIdentifier {
            kind: "permission",
            value: text.to_owned(),
        };
        check_token("permission", text, false).map_err(|_| invalid())?;
        let colon = text.find(':').ok_or_else(invalid)?;
        let (data_set, action) = (text.get(..colon), text.get(colon + 1..));
        match (data_set, action) {
            (Some(d), Some(a)) if !d.is_empty() && !a.is_empty() && !a.contains(':') => Ok(Self {
                text: text.to_owned(),
                colon,
            }),
            _ => Err(invalid()),
        }
    }

    /// The data set part (before the colon).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Permission;
    /// assert_eq!(Permission::parse("pupils:enter").unwrap().data_set(), "pupils");
    /// ```
    #[must_use]
    pub fn data_set(&self) -> &str {
        self.text.get(..self.colon).unwrap_or_default()
    }

    /// The action part (after the colon).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Permission;
    /// assert_eq!(Permission::parse("pupils:enter").unwrap().action(), "enter");
    /// ```
    #[must_use]
    pub fn action(&self) -> &str {
        self.text.get(self.colon + 1..).unwrap_or_default()
    }

    /// The whole text, `data_set:action`.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Permission;
    /// assert_eq!(Permission::parse("pupils:enter").unwrap().as_str(), "pupils:enter");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl JsonSchema for Permission {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Permission".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[^:\\s]+:[^:\\s]+$",
            "description": "`data_set:action`, e.g. `pupils:modify`"
        })
    }
}

impl TryFrom<String> for Permission {
    type Error = DelegationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl TryFrom<&str> for Permission {
    type Error = DelegationError;
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<Permission> for String {
    fn from(value: Permission) -> String {
        value.text
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_reject_bad_input() {
        assert!(Login::new("a b").is_err());
        assert!(Login::new(" a").is_err());
        assert!(Login::new("a\u{0}").is_err());
        assert!(Login::new("x".repeat(MAX_ID_CHARS + 1)).is_err());
        assert!(DocumentRef::new("nr 1/2025").is_ok());
        assert!(DocumentRef::new(" nr").is_err());
    }

    #[test]
    fn permission_parts() {
        let p = Permission::parse("pupils.personal:enter").unwrap();
        assert_eq!(p.data_set(), "pupils.personal");
        assert_eq!(p.action(), "enter");
        for bad in ["", ":", "a:", ":b", "a:b:c", "a b:c", "ab"] {
            assert!(Permission::parse(bad).is_err(), "{bad}");
        }
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, "\"pupils.personal:enter\"");
        let back: Permission = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
        assert!(serde_json::from_str::<Permission>("\"nope\"").is_err());
    }
}
