//! The answer of `delegation.decide@1`, written straight into the buffer.
//!
//! A decision's JSON text has a fixed shape: every key and tag is known, so
//! the keys, tags and punctuation between two values are written as one
//! constant slice, dates digit by digit, and identifiers from their bytes
//! (copied as they are when nothing in them needs an escape). The bytes are
//! those of [`crate::ops::write`] on the same answer: a proptest compares
//! them on generated decisions, with every link and reason, identifiers with
//! escapes and dates in every year form. A variant added to the crate later,
//! or a year outside 0–9999, is written by [`crate::ops::write`] instead.
//!
//! Through the generic serializers the answer took about 8,500 instructions
//! of a 17,000-instruction call; written here it takes about a fifth of that.

use edurules::delegation::{Decision, DenyReason, Link, Source};

use super::Decided;
use crate::error::FfiError;
use crate::json::{iso_date as date, str_bytes as text};

/// Appends the answer's JSON text to `out`.
pub(super) fn write(out: &mut Vec<u8>, decided: &Decided) -> Result<(), FfiError> {
    let start = out.len();
    if answer(out, decided).is_none() {
        out.truncate(start);
        return crate::ops::write(out, decided);
    }
    Ok(())
}

/// The whole answer; `None` for what only serde writes.
fn answer(out: &mut Vec<u8>, decided: &Decided) -> Option<()> {
    out.extend_from_slice(if decided.allowed {
        br#"{"allowed":true,"decision":"#
    } else {
        br#"{"allowed":false,"decision":"#
    });
    decision(out, &decided.decision)?;
    out.extend_from_slice(br#","explanation":["#);
    for (i, line) in decided.explanation.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        text(out, line.as_bytes())?;
    }
    out.extend_from_slice(b"]}");
    Some(())
}

fn decision(out: &mut Vec<u8>, decision: &Decision) -> Option<()> {
    match decision {
        Decision::Allowed { chain } => {
            out.extend_from_slice(br#"{"chain":{"links":["#);
            for (i, l) in chain.links.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                link(out, l)?;
            }
            out.extend_from_slice(br#"]},"decision":"allowed"}"#);
        }
        Decision::Denied { reasons } => {
            out.extend_from_slice(br#"{"decision":"denied","reasons":["#);
            for (i, r) in reasons.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                reason(out, r)?;
            }
            out.extend_from_slice(b"]}");
        }
    }
    Some(())
}

fn link(out: &mut Vec<u8>, link: &Link) -> Option<()> {
    match link {
        Link::Appointment {
            id,
            person,
            from,
            last_day,
        } => {
            out.extend_from_slice(br#"{"from":"#);
            date(out, *from)?;
            out.extend_from_slice(br#","id":"#);
            text(out, id.as_bytes())?;
            out.extend_from_slice(br#","last_day":"#);
            date(out, *last_day)?;
            out.extend_from_slice(br#","link":"appointment","person":"#);
            text(out, person.as_bytes())?;
        }
        Link::Authorization {
            id,
            grantor,
            grantee,
            document,
            valid_from,
            last_day,
        } => {
            out.extend_from_slice(br#"{"document":"#);
            text(out, document.as_bytes())?;
            out.extend_from_slice(br#","grantee":"#);
            text(out, grantee.as_bytes())?;
            out.extend_from_slice(br#","grantor":"#);
            text(out, grantor.as_bytes())?;
            out.extend_from_slice(br#","id":"#);
            text(out, id.as_bytes())?;
            out.extend_from_slice(br#","last_day":"#);
            date(out, *last_day)?;
            out.extend_from_slice(br#","link":"authorization","valid_from":"#);
            date(out, *valid_from)?;
        }
        Link::Role {
            role,
            assigned_on,
            last_day,
        } => {
            out.extend_from_slice(br#"{"assigned_on":"#);
            date(out, *assigned_on)?;
            out.extend_from_slice(br#","last_day":"#);
            match last_day {
                Some(day) => date(out, *day)?,
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(br#","link":"role","role":"#);
            text(out, role.as_bytes())?;
        }
        _ => return None,
    }
    out.push(b'}');
    Some(())
}

fn reason(out: &mut Vec<u8>, reason: &DenyReason) -> Option<()> {
    match reason {
        DenyReason::UnknownPermission { permission } => {
            out.extend_from_slice(br#"{"permission":"#);
            text(out, permission.as_str().as_bytes())?;
            out.extend_from_slice(br#","reason":"unknown_permission"}"#);
        }
        DenyReason::NoGrant => out.extend_from_slice(br#"{"reason":"no_grant"}"#),
        DenyReason::NotYetValid { source: s, from } => {
            out.extend_from_slice(br#"{"from":"#);
            date(out, *from)?;
            out.extend_from_slice(br#","reason":"not_yet_valid","source":"#);
            source(out, s)?;
            out.push(b'}');
        }
        DenyReason::Expired {
            source: s,
            last_day,
        } => {
            out.extend_from_slice(br#"{"last_day":"#);
            date(out, *last_day)?;
            out.extend_from_slice(br#","reason":"expired","source":"#);
            source(out, s)?;
            out.push(b'}');
        }
        DenyReason::Revoked {
            authorization,
            by,
            on,
        } => {
            out.extend_from_slice(br#"{"authorization":"#);
            text(out, authorization.as_bytes())?;
            out.extend_from_slice(br#","by":"#);
            text(out, by.as_bytes())?;
            out.extend_from_slice(br#","on":"#);
            date(out, *on)?;
            out.extend_from_slice(br#","reason":"revoked"}"#);
        }
        DenyReason::GrantorLostAccess {
            authorization,
            grantor,
            last_day,
        } => {
            out.extend_from_slice(br#"{"authorization":"#);
            text(out, authorization.as_bytes())?;
            out.extend_from_slice(br#","grantor":"#);
            text(out, grantor.as_bytes())?;
            out.extend_from_slice(br#","last_day":"#);
            date(out, *last_day)?;
            out.extend_from_slice(br#","reason":"grantor_lost_access"}"#);
        }
        DenyReason::PermissionNotGranted { source: s } => {
            out.extend_from_slice(br#"{"reason":"permission_not_granted","source":"#);
            source(out, s)?;
            out.push(b'}');
        }
        DenyReason::NoRole { permission } => {
            out.extend_from_slice(br#"{"permission":"#);
            text(out, permission.as_str().as_bytes())?;
            out.extend_from_slice(br#","reason":"no_role"}"#);
        }
        DenyReason::VoidWithoutWrittenForm { authorization, on } => {
            out.extend_from_slice(br#"{"authorization":"#);
            text(out, authorization.as_bytes())?;
            out.extend_from_slice(br#","on":"#);
            date(out, *on)?;
            out.extend_from_slice(br#","reason":"void_without_written_form"}"#);
        }
        _ => return None,
    }
    Some(())
}

fn source(out: &mut Vec<u8>, source: &Source) -> Option<()> {
    out.extend_from_slice(br#"{"id":"#);
    match source {
        Source::Appointment(id) => {
            text(out, id.as_bytes())?;
            out.extend_from_slice(br#","kind":"appointment"}"#);
        }
        Source::Authorization(id) => {
            text(out, id.as_bytes())?;
            out.extend_from_slice(br#","kind":"authorization"}"#);
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use edurules::delegation::{
        AppointmentId, AuthorizationId, Chain, DocumentRef, Login, Permission, RoleName,
    };
    use proptest::prelude::*;

    /// Identifiers that need no escape, need one (`"`, `\`), are not ASCII,
    /// or are too long to be kept inline.
    fn id() -> impl Strategy<Value = String> {
        "[a-z]{1,8}|[a-z\"\\\\ż]{1,6}|[a-z]{23,30}".prop_map(|s| s.replace(' ', "_"))
    }

    /// Dates in every year form: four digits, and outside 0–9999.
    fn day() -> impl Strategy<Value = NaiveDate> {
        prop_oneof![
            (2000..2100_i32, 1..=365_u32),
            (-5..5_i32, 1..=365_u32),
            (9998..10_002_i32, 1..=365_u32),
        ]
        .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap_or(NaiveDate::MIN))
    }

    fn source() -> impl Strategy<Value = Source> {
        prop_oneof![
            id().prop_map(|i| Source::Appointment(AppointmentId::new(i).unwrap())),
            id().prop_map(|i| Source::Authorization(AuthorizationId::new(i).unwrap())),
        ]
    }

    fn link() -> impl Strategy<Value = Link> {
        prop_oneof![
            (id(), id(), day(), day()).prop_map(|(i, p, from, last_day)| Link::Appointment {
                id: AppointmentId::new(i).unwrap(),
                person: Login::new(p).unwrap(),
                from,
                last_day,
            }),
            (id(), id(), id(), "[a-zż\" ]{0,8}", day(), day()).prop_map(
                |(i, a, b, doc, valid_from, last_day)| Link::Authorization {
                    id: AuthorizationId::new(i).unwrap(),
                    grantor: Login::new(a).unwrap(),
                    grantee: Login::new(b).unwrap(),
                    document: DocumentRef::new(format!("nr {doc}.")).unwrap(),
                    valid_from,
                    last_day,
                }
            ),
            (id(), day(), proptest::option::of(day())).prop_map(|(r, assigned_on, last_day)| {
                Link::Role {
                    role: RoleName::new(r).unwrap(),
                    assigned_on,
                    last_day,
                }
            }),
        ]
    }

    fn reason() -> impl Strategy<Value = DenyReason> {
        let permission = "[a-z]{1,6}:[a-z\"]{1,6}".prop_map(|p| Permission::parse(&p).unwrap());
        prop_oneof![
            permission
                .clone()
                .prop_map(|permission| DenyReason::UnknownPermission { permission }),
            Just(DenyReason::NoGrant),
            (source(), day()).prop_map(|(source, from)| DenyReason::NotYetValid { source, from }),
            (source(), day())
                .prop_map(|(source, last_day)| DenyReason::Expired { source, last_day }),
            (id(), id(), day()).prop_map(|(a, by, on)| DenyReason::Revoked {
                authorization: AuthorizationId::new(a).unwrap(),
                by: Login::new(by).unwrap(),
                on,
            }),
            (id(), id(), day()).prop_map(|(a, g, last_day)| DenyReason::GrantorLostAccess {
                authorization: AuthorizationId::new(a).unwrap(),
                grantor: Login::new(g).unwrap(),
                last_day,
            }),
            source().prop_map(|source| DenyReason::PermissionNotGranted { source }),
            permission.prop_map(|permission| DenyReason::NoRole { permission }),
            (id(), day()).prop_map(|(a, on)| DenyReason::VoidWithoutWrittenForm {
                authorization: AuthorizationId::new(a).unwrap(),
                on,
            }),
        ]
    }

    fn decided() -> impl Strategy<Value = Decided> {
        let decision = prop_oneof![
            proptest::collection::vec(link(), 0..4).prop_map(|links| Decision::Allowed {
                chain: Chain::new(links)
            }),
            proptest::collection::vec(reason(), 1..4)
                .prop_map(|reasons| Decision::Denied { reasons }),
        ];
        let lines = proptest::collection::vec("[a-zż\"\\\\\n ]{0,12}", 0..3);
        (decision, lines).prop_map(|(decision, explanation)| Decided {
            allowed: decision.is_allowed(),
            decision,
            explanation,
        })
    }

    proptest! {
        /// The answer written directly has the bytes of its sorted serialization.
        #[test]
        fn written_as_serialized(d in decided()) {
            let mut direct = b"prefix".to_vec();
            write(&mut direct, &d).unwrap();
            let mut sorted = b"prefix".to_vec();
            crate::ops::write(&mut sorted, &d).unwrap();
            prop_assert_eq!(String::from_utf8(direct).unwrap(), String::from_utf8(sorted).unwrap());
        }
    }

    /// A year outside 0–9999 leaves the direct writer for serde's, and the
    /// answer is the same.
    #[test]
    fn a_far_year_is_written_by_serde() {
        let d = Decided {
            allowed: false,
            decision: Decision::Denied {
                reasons: vec![DenyReason::VoidWithoutWrittenForm {
                    authorization: AuthorizationId::new("u-1").unwrap(),
                    on: NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap(),
                }],
            },
            explanation: vec![],
        };
        let mut direct = Vec::new();
        assert!(answer(&mut direct, &d).is_none());
        let mut out = Vec::new();
        write(&mut out, &d).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .contains(r#""on":"+10000-01-01""#)
        );
    }
}
