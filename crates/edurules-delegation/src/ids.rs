//! Validated names: logins, entities, roles, permissions, document references and record ids.
//!
//! A value that exists is valid: every constructor checks its input, and serde goes
//! through the same constructor.

use crate::DelegationError;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Longest accepted identifier, in characters.
pub const MAX_ID_CHARS: usize = 254;

fn check_token(kind: &'static str, value: &str, allow_spaces: bool) -> Result<(), DelegationError> {
    if value.is_ascii() {
        return if ascii_token_ok(value.as_bytes(), allow_spaces) {
            Ok(())
        } else {
            Err(DelegationError::invalid_identifier(kind, value))
        };
    }
    let bad_char = value
        .chars()
        .any(|c| c.is_control() || (!allow_spaces && c.is_whitespace()));
    let bad_edges = value.trim() != value;
    if value.is_empty() || bad_char || bad_edges || value.chars().count() > MAX_ID_CHARS {
        return Err(DelegationError::invalid_identifier(kind, value));
    }
    Ok(())
}

/// [`check_token`]'s rules on an ASCII text, a byte at a time: in ASCII the control
/// characters are the bytes below 0x20 and 0x7f, and every whitespace character but the
/// space is one of them.
fn ascii_token_ok(bytes: &[u8], allow_spaces: bool) -> bool {
    let bad_byte = bytes
        .iter()
        .any(|&b| b < 0x20 || b == 0x7f || (!allow_spaces && b == b' '));
    let bad_edges = bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ');
    !bytes.is_empty() && !bad_byte && !bad_edges && bytes.len() <= MAX_ID_CHARS
}

/// Bytes kept inline before a text goes to the heap.
const INLINE: usize = 22;

/// An immutable text: short ones (most logins, school ids, roles) inline, so that comparing,
/// hashing and cloning them touches no other memory; longer ones shared behind an `Arc`.
#[derive(Clone)]
enum Text {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(Arc<str>),
}

impl Text {
    /// A short text is copied inline without touching the heap; a long one is shared.
    fn new(value: &str) -> Self {
        let bytes = value.as_bytes();
        match (u8::try_from(bytes.len()), bytes.len() <= INLINE) {
            (Ok(len), true) => {
                let mut buf = [0_u8; INLINE];
                if let Some(dst) = buf.get_mut(..bytes.len()) {
                    dst.copy_from_slice(bytes);
                }
                Text::Inline { len, buf }
            }
            _ => Text::Heap(value.into()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Text::Inline { len, buf } => buf.get(..usize::from(*len)).unwrap_or_default(),
            Text::Heap(s) => s.as_bytes(),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // The bytes were copied from a `String`, so they are UTF-8; the check is cheap
            // on at most 22 bytes and keeps the crate free of `unsafe`.
            Text::Inline { len, buf } => buf
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Text::Heap(s) => s,
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Text::Inline { len: a, buf: x }, Text::Inline { len: b, buf: y }) => a == b && x == y,
            _ => self.as_str() == other.as_str(),
        }
    }
}
impl Eq for Text {}
impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As `str` hashes (its bytes, then 0xff), without `as_str`'s UTF-8 check.
        state.write(self.as_bytes());
        state.write_u8(0xff);
    }
}
impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Text {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// A JSON string as the deserializer has it: borrowed from the input, or a transient copy
/// (an escaped string), without allocating for either.
struct StrVisitor;

impl<'de> serde::de::Visitor<'de> for StrVisitor {
    type Value = std::borrow::Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The words of `String`'s own visitor, which the ids used before.
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Borrowed(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Owned(v))
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        std::str::from_utf8(v)
            .map(|s| std::borrow::Cow::Owned(s.to_owned()))
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(v), &self))
    }
}

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $spaces:expr, $sample:literal) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Text);

        /// As a JSON string, written from the text in place.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// From a string, checked as [`Self::new`] checks it; a short one is read without
        /// a heap allocation.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(StrVisitor).and_then(|text| {
                    Self::try_from(text.as_ref()).map_err(serde::de::Error::custom)
                })
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.as_str()).finish()
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_ID_CHARS,
                    "description": $kind
                })
            }
        }

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
                Self::try_from(value.into().as_str())
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
                self.0.as_str()
            }

            /// The text of the value as UTF-8 bytes: [`Self::as_str`] without checking them
            /// again (a short text is kept as bytes, and `as_str` checks them on every call).
            ///
            /// # Example
            /// ```
            #[doc = concat!("use edurules_delegation::", stringify!($name), ";")]
            #[doc = concat!("let v = ", stringify!($name), "::new(\"", $sample, "\").unwrap();")]
            /// assert_eq!(v.as_bytes(), v.as_str().as_bytes());
            /// ```
            #[must_use]
            pub fn as_bytes(&self) -> &[u8] {
                self.0.as_bytes()
            }
        }

        impl TryFrom<String> for $name {
            type Error = DelegationError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        /// As [`Self::new`], without a heap allocation for a short text.
        impl TryFrom<&str> for $name {
            type Error = DelegationError;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                check_token($kind, value, $spaces)?;
                Ok(Self(Text::new(value)))
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.as_str().to_owned()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
        let invalid = || DelegationError::invalid_identifier("permission", text);
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

/// As a JSON string, written from the text in place.
impl Serialize for Permission {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// From a string, checked as [`Permission::parse`] checks it.
impl<'de> Deserialize<'de> for Permission {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_str(StrVisitor)
            .and_then(|text| Self::parse(&text).map_err(serde::de::Error::custom))
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
    fn short_and_long_texts_compare_by_content() {
        let short = Login::new("anna").unwrap();
        let long = Login::new("b".repeat(40)).unwrap();
        assert_eq!(short.as_str(), "anna");
        assert_eq!(long.as_str(), "b".repeat(40));
        assert!(short < long);
        let edge = Login::new("ż".repeat(11)).unwrap(); // 22 bytes: inline
        assert_eq!(edge.as_str(), "ż".repeat(11));
        let over = Login::new("ż".repeat(12)).unwrap(); // 24 bytes: heap
        assert_eq!(over.as_str(), "ż".repeat(12));
        assert!(edge < over);
        assert_eq!(format!("{short:?}"), "Login(\"anna\")");
        let mut h1 = std::collections::hash_map::DefaultHasher::new();
        let mut h2 = std::collections::hash_map::DefaultHasher::new();
        short.hash(&mut h1);
        "anna".hash(&mut h2);
        assert_eq!(h1.finish(), h2.finish());
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

    /// The rules as the docs state them, a character at a time.
    fn model_ok(value: &str, allow_spaces: bool) -> bool {
        let n = value.chars().count();
        n > 0
            && n <= MAX_ID_CHARS
            && value.trim() == value
            && value
                .chars()
                .all(|c| !c.is_control() && (allow_spaces || !c.is_whitespace()))
    }

    proptest::proptest! {
        /// The byte-at-a-time check of ASCII texts accepts exactly what the rules accept.
        #[test]
        fn ascii_check_agrees_with_the_rules(
            value in "[ -~\\t\\n\\x0b\\x0c\\r\\x00\\x7f]{0,6}|[a-z ]{250,258}",
            allow_spaces: bool,
        ) {
            proptest::prop_assert_eq!(
                ascii_token_ok(value.as_bytes(), allow_spaces),
                model_ok(&value, allow_spaces)
            );
            proptest::prop_assert_eq!(
                check_token("login", &value, allow_spaces).is_ok(),
                model_ok(&value, allow_spaces)
            );
        }
    }

    #[test]
    fn ascii_edges() {
        for (value, spaces, ok) in [
            ("a", false, true),
            ("a b", false, false),
            ("a b", true, true),
            (" a", true, false),
            ("a ", true, false),
            ("a\u{7f}", true, false),
            ("a\u{b}", true, false),
            ("", true, false),
        ] {
            assert_eq!(check_token("login", value, spaces).is_ok(), ok, "{value:?}");
        }
        assert!(check_token("login", &"x".repeat(MAX_ID_CHARS), false).is_ok());
        assert!(check_token("login", &"x".repeat(MAX_ID_CHARS + 1), false).is_err());
    }
}
