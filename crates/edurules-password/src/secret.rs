//! A password held in memory: zeroized on drop, never printed.

use std::fmt;

use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::PasswordError;
use crate::limits::Limits;

/// A password (or any secret) given by a user.
///
/// The text is overwritten with zeros when the value is dropped, `Debug` prints
/// `[redacted]`, and there is deliberately no `Display`, `Serialize`, `Clone`
/// or `PartialEq` (no accidental non-constant-time comparison):
/// a password leaves this type only through [`Password::expose`].
///
/// # Example
/// ```
/// use edurules_password::Password;
/// let p = Password::new("Tajne-Haslo1");
/// assert_eq!(format!("{p:?}"), "[redacted]");
/// assert_eq!(p.expose(), "Tajne-Haslo1");
/// ```
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Password(String);

impl Password {
    /// Wraps a password. The given `String` is moved, not copied, so no
    /// other copy is left behind by this call.
    ///
    /// # Panics
    /// Never.
    ///
    /// # Example
    /// ```
    /// use edurules_password::Password;
    /// let p = Password::new(String::from("Correct-Horse1"));
    /// assert_eq!(p.char_count(), 14);
    /// ```
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    /// The password text. Use it only to hand the password to code that needs
    /// it, never to log or print it.
    ///
    /// # Example
    /// ```
    /// use edurules_password::Password;
    /// assert_eq!(Password::new("abc").expose(), "abc");
    /// ```
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The number of Unicode code points before normalization.
    ///
    /// # Example
    /// ```
    /// use edurules_password::Password;
    /// assert_eq!(Password::new("Zażółć").char_count(), 6);
    /// ```
    #[must_use]
    pub fn char_count(&self) -> usize {
        self.0.chars().count()
    }

    /// The number of Unicode code points after NFKC normalization: the length
    /// the policy's `min_length`/`max_length` count (for a form's counter).
    ///
    /// # Example
    /// ```
    /// use edurules_password::Password;
    /// // "ﬁ" is one code point, "fi" after NFKC.
    /// assert_eq!(Password::new("\u{FB01}ne").normalized_char_count(), 4);
    /// ```
    #[must_use]
    pub fn normalized_char_count(&self) -> usize {
        self.0.nfkc().count()
    }

    /// The NFKC form of the password, zeroized when dropped. Built in a
    /// buffer of the exact final size (a first pass counts the bytes), so
    /// that no reallocation leaves an unwiped partial copy in freed memory.
    #[cfg_attr(
        not(feature = "hash"),
        allow(dead_code, reason = "used by hashing (the `hash` feature)")
    )]
    pub(crate) fn nfkc(&self) -> Zeroizing<String> {
        #[cfg(test)]
        NORMALIZED.with(|c| c.set(c.get() + 1));
        let size: usize = self.0.nfkc().map(char::len_utf8).sum();
        let mut out = Zeroizing::new(String::with_capacity(size));
        out.extend(self.0.nfkc());
        out
    }

    /// How many of the password's first characters (as typed, or after NFKC)
    /// fit in `max_bytes` UTF-8 bytes. Called on a password within
    /// `max_length` characters, so the walk is short.
    pub(crate) fn chars_within(&self, max_bytes: u32, normalized: bool) -> usize {
        let max = usize::try_from(max_bytes).unwrap_or(usize::MAX);
        let fit = |chars: &mut dyn Iterator<Item = char>| {
            let mut bytes = 0_usize;
            chars
                .take_while(|c| {
                    bytes = bytes.saturating_add(c.len_utf8());
                    bytes <= max
                })
                .count()
        };
        if normalized {
            fit(&mut self.0.nfkc())
        } else {
            fit(&mut self.0.chars())
        }
    }

    /// [`PasswordError::InputTooLong`] when the password as typed is larger
    /// than `limits` allow (a length check, no work on the text).
    pub(crate) fn check_raw_size(&self, limits: &Limits) -> Result<(), PasswordError> {
        if self.0.len() > usize::try_from(limits.max_password_bytes()).unwrap_or(usize::MAX) {
            return Err(PasswordError::InputTooLong {
                max_bytes: limits.max_password_bytes(),
                after_normalization: false,
            });
        }
        Ok(())
    }

    /// The NFKC form within `limits`: the size as typed is checked first,
    /// then the normalized size is counted (stopping at the limit) before
    /// anything is allocated.
    pub(crate) fn nfkc_within(&self, limits: &Limits) -> Result<Zeroizing<String>, PasswordError> {
        self.check_raw_size(limits)?;
        #[cfg(test)]
        NORMALIZED.with(|c| c.set(c.get() + 1));
        let max = usize::try_from(limits.max_normalized_bytes()).unwrap_or(usize::MAX);
        let mut size = 0_usize;
        for c in self.0.nfkc() {
            size = size.saturating_add(c.len_utf8());
            if size > max {
                return Err(PasswordError::InputTooLong {
                    max_bytes: limits.max_normalized_bytes(),
                    after_normalization: true,
                });
            }
        }
        let mut out = Zeroizing::new(String::with_capacity(size));
        out.extend(self.0.nfkc());
        Ok(out)
    }
}

#[cfg(test)]
thread_local! {
    /// How many passwords were normalized (NFKC) on this thread: tests count it to show
    /// that a size check comes first.
    pub(crate) static NORMALIZED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl From<String> for Password {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Password {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let p = Password::new("Sekret123!");
        assert_eq!(format!("{p:?}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&p)), "Some([redacted])");
    }

    #[test]
    fn zeroize_clears_the_text() {
        let mut p = Password::new("Sekret123!");
        p.zeroize();
        assert!(p.expose().is_empty());
    }

    #[test]
    fn normalized_copies_never_grow() {
        // A buffer that grows leaves its earlier, shorter copy unwiped in
        // freed memory; exact capacity means no earlier copy existed.
        for text in ["Sekret123!", "\u{FDFA}\u{FDFA}x", "Ｐａｓｓ\u{FB01}", ""] {
            let p = Password::new(text);
            let n = p.nfkc();
            assert_eq!(n.capacity(), n.len(), "{text}");
            let n = p.nfkc_within(&Limits::default()).unwrap();
            assert_eq!(n.capacity(), n.len(), "{text}");
        }
    }

    #[test]
    fn sizes_are_bounded_before_and_after_nfkc() {
        let limits = Limits::default()
            .with_max_password_bytes(9)
            .with_max_normalized_bytes(40);
        assert!(Password::new("123456789").nfkc_within(&limits).is_ok());
        assert_eq!(
            Password::new("1234567890")
                .nfkc_within(&limits)
                .unwrap_err(),
            PasswordError::InputTooLong {
                max_bytes: 9,
                after_normalization: false
            }
        );
        // U+FDFA: 3 bytes typed, 33 after NFKC.
        assert_eq!(
            Password::new("\u{FDFA}\u{FDFA}")
                .nfkc_within(&limits)
                .unwrap_err(),
            PasswordError::InputTooLong {
                max_bytes: 40,
                after_normalization: true
            }
        );
    }

    #[test]
    fn nfkc_folds_compatibility_forms() {
        // Full-width letters and the "ﬁ" ligature fold to ASCII.
        let p = Password::new("Ｐａｓｓ\u{FB01}");
        assert_eq!(p.nfkc().as_str(), "Passfi");
    }
}
