//! [`SkeletonKey`]: the key under which look-alike logins collide.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The comparison key of a login: upper-cased, then `0`→`O` and `1`→`I`.
///
/// Two logins with the same key are treated as the same login by the
/// [`LoginGenerator`](crate::LoginGenerator) and reported as a conflict by
/// [`plan_consolidation`](crate::plan_consolidation). Inside `A-Z0-9` the
/// Unicode confusables data (UTS #39) only makes `0`/`O` and `1`/`I` collide.
/// Upper-casing makes the comparison case-insensitive (`JanKow5` = `JANKOW5`).
///
/// # Example
///
/// ```
/// use edurules_login::SkeletonKey;
///
/// assert_eq!(SkeletonKey::of("JanKow1"), SkeletonKey::of("JANKOWI"));
/// assert_eq!(SkeletonKey::of("K0WAL").as_str(), "KOWAL");
/// assert_ne!(SkeletonKey::of("JANKOW1"), SkeletonKey::of("JANKOWL"));
/// ```
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct SkeletonKey(String);

impl SkeletonKey {
    /// The key of any stored login (canonical, legacy mixed-case, or even
    /// invalid: non-ASCII characters are upper-cased and kept).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::SkeletonKey;
    ///
    /// assert_eq!(SkeletonKey::of("jan.kow0").as_str(), "JAN.KOWO");
    /// ```
    #[must_use]
    pub fn of(login: &str) -> Self {
        let mut key = String::with_capacity(login.len());
        for c in login.chars() {
            match c {
                '0' => key.push('O'),
                '1' => key.push('I'),
                c if c.is_ascii() => key.push(c.to_ascii_uppercase()),
                c => key.extend(c.to_uppercase()),
            }
        }
        Self(key)
    }

    /// Replaces the key with the key of `login`, reusing the buffer.
    pub(crate) fn refill(&mut self, login: &str) {
        self.0.clear();
        if login.is_ascii() {
            self.0.extend(login.bytes().map(|b| match b {
                b'0' => 'O',
                b'1' => 'I',
                b => char::from(b.to_ascii_uppercase()),
            }));
        } else {
            *self = Self::of(login);
        }
    }

    /// An empty key with room for `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self(String::with_capacity(capacity))
    }

    /// The key as text.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(edurules_login::SkeletonKey::of("a1").as_str(), "AI");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SkeletonKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refill_equals_of() {
        let mut k = SkeletonKey::with_capacity(4);
        for s in ["JanKow10", "ż01", ""] {
            k.refill(s);
            assert_eq!(k, SkeletonKey::of(s));
        }
    }
}
