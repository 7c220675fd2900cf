//! How decisions are written as JSON: every object's keys in alphabetical order, a variant's
//! tag among them.
//!
//! The JSON protocol of the FFI sorts every object's keys. A value whose objects already come
//! sorted is written as it is, in one pass, with no sorting and no copy; the derived, tag-first
//! serialization of an internally tagged enum would be moved and sorted on every answer. The
//! field names, the tags and the values are those the derived serialization wrote, and
//! `Deserialize` (derived) reads both orders.

use edurules_locale::iso::{Iso as Date, IsoOption as OptionDate};
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::{Decision, DenyReason, Link, Source};

/// A link is written as an object tagged `link` (`"appointment"`, `"authorization"`,
/// `"role"`), its keys in alphabetical order, the tag among them.
///
/// # Example
///
/// ```
/// use edurules_delegation::{Link, RoleName};
/// use chrono::NaiveDate;
/// let l = Link::Role { role: RoleName::new("teacher").unwrap(),
///                      assigned_on: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(), last_day: None };
/// let json = serde_json::to_string(&l).unwrap();
/// assert_eq!(json, r#"{"assigned_on":"2025-09-01","last_day":null,"link":"role","role":"teacher"}"#);
/// assert_eq!(serde_json::from_str::<Link>(&json).unwrap(), l);
/// ```
impl Serialize for Link {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Link::Appointment {
                id,
                person,
                from,
                last_day,
            } => {
                let mut o = s.serialize_struct("Link", 5)?;
                o.serialize_field("from", &Date(from))?;
                o.serialize_field("id", id)?;
                o.serialize_field("last_day", &Date(last_day))?;
                o.serialize_field("link", "appointment")?;
                o.serialize_field("person", person)?;
                o.end()
            }
            Link::Authorization {
                id,
                grantor,
                grantee,
                document,
                valid_from,
                last_day,
            } => {
                let mut o = s.serialize_struct("Link", 7)?;
                o.serialize_field("document", document)?;
                o.serialize_field("grantee", grantee)?;
                o.serialize_field("grantor", grantor)?;
                o.serialize_field("id", id)?;
                o.serialize_field("last_day", &Date(last_day))?;
                o.serialize_field("link", "authorization")?;
                o.serialize_field("valid_from", &Date(valid_from))?;
                o.end()
            }
            Link::Role {
                role,
                assigned_on,
                last_day,
            } => {
                let mut o = s.serialize_struct("Link", 4)?;
                o.serialize_field("assigned_on", &Date(assigned_on))?;
                o.serialize_field("last_day", &OptionDate(last_day))?;
                o.serialize_field("link", "role")?;
                o.serialize_field("role", role)?;
                o.end()
            }
        }
    }
}

/// A source is written as `{"id": …, "kind": "appointment" | "authorization"}`.
///
/// # Example
///
/// ```
/// use edurules_delegation::{AuthorizationId, Source};
/// let s = Source::Authorization(AuthorizationId::new("u-1").unwrap());
/// let json = serde_json::to_string(&s).unwrap();
/// assert_eq!(json, r#"{"id":"u-1","kind":"authorization"}"#);
/// assert_eq!(serde_json::from_str::<Source>(&json).unwrap(), s);
/// ```
impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut o = s.serialize_struct("Source", 2)?;
        match self {
            Source::Appointment(id) => {
                o.serialize_field("id", id)?;
                o.serialize_field("kind", "appointment")?;
            }
            Source::Authorization(id) => {
                o.serialize_field("id", id)?;
                o.serialize_field("kind", "authorization")?;
            }
        }
        o.end()
    }
}

/// A reason is written as an object tagged `reason` (its [`DenyReason::code`] without the
/// `deny.` prefix), its keys in alphabetical order, the tag among them.
///
/// # Example
///
/// ```
/// use edurules_delegation::{DenyReason, Permission};
/// let r = DenyReason::NoRole { permission: Permission::parse("pupils:read").unwrap() };
/// let json = serde_json::to_string(&r).unwrap();
/// assert_eq!(json, r#"{"permission":"pupils:read","reason":"no_role"}"#);
/// assert_eq!(serde_json::from_str::<DenyReason>(&json).unwrap(), r);
/// ```
impl Serialize for DenyReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DenyReason::UnknownPermission { permission } => {
                let mut o = s.serialize_struct("DenyReason", 2)?;
                o.serialize_field("permission", permission)?;
                o.serialize_field("reason", "unknown_permission")?;
                o.end()
            }
            DenyReason::NoGrant => {
                let mut o = s.serialize_struct("DenyReason", 1)?;
                o.serialize_field("reason", "no_grant")?;
                o.end()
            }
            DenyReason::NotYetValid { source, from } => {
                let mut o = s.serialize_struct("DenyReason", 3)?;
                o.serialize_field("from", &Date(from))?;
                o.serialize_field("reason", "not_yet_valid")?;
                o.serialize_field("source", source)?;
                o.end()
            }
            DenyReason::Expired { source, last_day } => {
                let mut o = s.serialize_struct("DenyReason", 3)?;
                o.serialize_field("last_day", &Date(last_day))?;
                o.serialize_field("reason", "expired")?;
                o.serialize_field("source", source)?;
                o.end()
            }
            DenyReason::Revoked {
                authorization,
                by,
                on,
            } => {
                let mut o = s.serialize_struct("DenyReason", 4)?;
                o.serialize_field("authorization", authorization)?;
                o.serialize_field("by", by)?;
                o.serialize_field("on", &Date(on))?;
                o.serialize_field("reason", "revoked")?;
                o.end()
            }
            DenyReason::GrantorLostAccess {
                authorization,
                grantor,
                last_day,
            } => {
                let mut o = s.serialize_struct("DenyReason", 4)?;
                o.serialize_field("authorization", authorization)?;
                o.serialize_field("grantor", grantor)?;
                o.serialize_field("last_day", &Date(last_day))?;
                o.serialize_field("reason", "grantor_lost_access")?;
                o.end()
            }
            DenyReason::PermissionNotGranted { source } => {
                let mut o = s.serialize_struct("DenyReason", 2)?;
                o.serialize_field("reason", "permission_not_granted")?;
                o.serialize_field("source", source)?;
                o.end()
            }
            DenyReason::NoRole { permission } => {
                let mut o = s.serialize_struct("DenyReason", 2)?;
                o.serialize_field("permission", permission)?;
                o.serialize_field("reason", "no_role")?;
                o.end()
            }
            DenyReason::VoidWithoutWrittenForm { authorization, on } => {
                let mut o = s.serialize_struct("DenyReason", 3)?;
                o.serialize_field("authorization", authorization)?;
                o.serialize_field("on", &Date(on))?;
                o.serialize_field("reason", "void_without_written_form")?;
                o.end()
            }
        }
    }
}

/// A decision is written as `{"chain": …, "decision": "allowed"}` or
/// `{"decision": "denied", "reasons": […]}`.
///
/// # Example
///
/// ```
/// use edurules_delegation::{Chain, Decision, DenyReason};
/// let yes = Decision::Allowed { chain: Chain::new(vec![]) };
/// assert_eq!(serde_json::to_string(&yes).unwrap(), r#"{"chain":{"links":[]},"decision":"allowed"}"#);
/// let no = Decision::Denied { reasons: vec![DenyReason::NoGrant] };
/// let json = serde_json::to_string(&no).unwrap();
/// assert_eq!(json, r#"{"decision":"denied","reasons":[{"reason":"no_grant"}]}"#);
/// assert_eq!(serde_json::from_str::<Decision>(&json).unwrap(), no);
/// ```
impl Serialize for Decision {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut o = s.serialize_struct("Decision", 2)?;
        match self {
            Decision::Allowed { chain } => {
                o.serialize_field("chain", chain)?;
                o.serialize_field("decision", "allowed")?;
            }
            Decision::Denied { reasons } => {
                o.serialize_field("decision", "denied")?;
                o.serialize_field("reasons", reasons)?;
            }
        }
        o.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Chain;
    use crate::ids::{AppointmentId, AuthorizationId, Login, Permission, RoleName};
    use chrono::NaiveDate;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    /// Which variant a reason is: a new variant fails to compile here until it has a case below.
    fn variant(r: &DenyReason) -> usize {
        match r {
            DenyReason::UnknownPermission { .. } => 0,
            DenyReason::NoGrant => 1,
            DenyReason::NotYetValid { .. } => 2,
            DenyReason::Expired { .. } => 3,
            DenyReason::Revoked { .. } => 4,
            DenyReason::GrantorLostAccess { .. } => 5,
            DenyReason::PermissionNotGranted { .. } => 6,
            DenyReason::NoRole { .. } => 7,
            DenyReason::VoidWithoutWrittenForm { .. } => 8,
        }
    }

    /// Every reason as JSON, worked by hand from the derived, tag-first form (the same names,
    /// values and tags, the keys now sorted), and read back as the same reason.
    #[test]
    fn every_reason_is_written_in_key_order_with_its_tag() {
        let appointment = Source::Appointment(AppointmentId::new("p-2021").unwrap());
        let authorization = Source::Authorization(AuthorizationId::new("u-1").unwrap());
        let u1 = AuthorizationId::new("u-1").unwrap();
        let read = Permission::parse("pupils:read").unwrap();
        let cases = [
            (
                DenyReason::UnknownPermission {
                    permission: read.clone(),
                },
                r#"{"permission":"pupils:read","reason":"unknown_permission"}"#,
            ),
            (DenyReason::NoGrant, r#"{"reason":"no_grant"}"#),
            (
                DenyReason::NotYetValid {
                    source: appointment.clone(),
                    from: day(9, 1),
                },
                r#"{"from":"2025-09-01","reason":"not_yet_valid","source":{"id":"p-2021","kind":"appointment"}}"#,
            ),
            (
                DenyReason::Expired {
                    source: authorization.clone(),
                    last_day: day(8, 31),
                },
                r#"{"last_day":"2025-08-31","reason":"expired","source":{"id":"u-1","kind":"authorization"}}"#,
            ),
            (
                DenyReason::Revoked {
                    authorization: u1.clone(),
                    by: Login::new("jkowalski").unwrap(),
                    on: day(10, 2),
                },
                r#"{"authorization":"u-1","by":"jkowalski","on":"2025-10-02","reason":"revoked"}"#,
            ),
            (
                DenyReason::GrantorLostAccess {
                    authorization: u1.clone(),
                    grantor: Login::new("jkowalski").unwrap(),
                    last_day: day(8, 31),
                },
                r#"{"authorization":"u-1","grantor":"jkowalski","last_day":"2025-08-31","reason":"grantor_lost_access"}"#,
            ),
            (
                DenyReason::PermissionNotGranted {
                    source: appointment,
                },
                r#"{"reason":"permission_not_granted","source":{"id":"p-2021","kind":"appointment"}}"#,
            ),
            (
                DenyReason::NoRole { permission: read },
                r#"{"permission":"pupils:read","reason":"no_role"}"#,
            ),
            (
                DenyReason::VoidWithoutWrittenForm {
                    authorization: u1,
                    on: day(9, 1),
                },
                r#"{"authorization":"u-1","on":"2025-09-01","reason":"void_without_written_form"}"#,
            ),
        ];
        let mut seen = [false; 9];
        for (reason, json) in &cases {
            seen[variant(reason)] = true;
            assert_eq!(&serde_json::to_string(reason).unwrap(), json);
            assert_eq!(&serde_json::from_str::<DenyReason>(json).unwrap(), reason);
            // The tag is the code without its prefix.
            assert!(json.contains(&format!(r#""reason":"{}""#, &reason.code()[5..])));
        }
        assert!(seen.iter().all(|s| *s), "a reason without a case");
    }

    /// The keys of every object come sorted: the text equals serde_json's `Value` (whose maps
    /// sort their keys) written back, for both decisions, with every reason and every link.
    #[test]
    fn decisions_are_written_with_every_object_sorted() {
        // The check below needs `Value`'s maps sorted (serde_json without `preserve_order`).
        let probe = serde_json::json!({"b": 1, "a": 2});
        assert_eq!(probe.to_string(), r#"{"a":2,"b":1}"#);
        let source = Source::Authorization(AuthorizationId::new("u-1").unwrap());
        let reasons = vec![
            DenyReason::NoGrant,
            DenyReason::Expired {
                source: source.clone(),
                last_day: day(8, 31),
            },
            DenyReason::PermissionNotGranted { source },
        ];
        let chain = Chain::new(vec![
            Link::Appointment {
                id: AppointmentId::new("p-2021").unwrap(),
                person: Login::new("jkowalski").unwrap(),
                from: day(9, 1),
                last_day: day(8, 31),
            },
            Link::Role {
                role: RoleName::new("secretariat").unwrap(),
                assigned_on: day(9, 1),
                last_day: None,
            },
        ]);
        for decision in [Decision::Allowed { chain }, Decision::Denied { reasons }] {
            let text = serde_json::to_string(&decision).unwrap();
            let value = serde_json::to_value(&decision).unwrap();
            assert_eq!(text, value.to_string());
            assert_eq!(serde_json::from_str::<Decision>(&text).unwrap(), decision);
        }
    }
}
