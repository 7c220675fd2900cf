//! A password held in memory: zeroized on drop, never printed.

use std::fmt;

use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

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

    /// The NFKC form of the password, zeroized when dropped.
    pub(crate) fn nfkc(&self) -> Zeroizing<String> {
        Zeroizing::new(self.0.nfkc().collect())
    }
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
    fn nfkc_folds_compatibility_forms() {
        // Full-width letters and the "ﬁ" ligature fold to ASCII.
        let p = Password::new("Ｐａｓｓ\u{FB01}");
        assert_eq!(p.nfkc().as_str(), "Passfi");
    }
}
