//! [`Login`], [`normalize`] and [`classify`].

mod diagnose;

pub(crate) use diagnose::{is_invisible, polish_ascii};

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{LoginError, LoginPolicy, SkeletonKey};
use edurules_locale::MAX_QUOTED_CHARS;

/// A canonical login: only `A-Z` and `0-9`, e.g. `JANKOW1`.
///
/// A `Login` that exists is canonical. Build one with [`normalize`] (from what
/// a person typed), [`Login::try_new`] (from a string that must already be
/// canonical) or `str::parse` (same as [`normalize`] with the default policy).
///
/// Serialized as a plain string. Deserializing is strict: the string must
/// already be canonical and 1 to [`LoginPolicy::MAX_LENGTH_LIMIT`] characters
/// long (a stored login is never silently rewritten); apply a narrower policy
/// with [`Login::check`].
///
/// # Example
///
/// ```
/// use edurules_login::Login;
///
/// let login: Login = " JanKow1 ".parse().unwrap();
/// assert_eq!(login.as_str(), "JANKOW1");
/// assert_eq!(serde_json::to_string(&login).unwrap(), r#""JANKOW1""#);
/// // Deserializing does not normalize.
/// assert!(serde_json::from_str::<Login>(r#""JanKow1""#).is_err());
/// ```
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
pub struct Login(String);

impl Login {
    /// Accepts `s` only if it is already canonical (`A-Z0-9`, no white space)
    /// and its length fits `policy`. Nothing is trimmed or changed.
    ///
    /// # Errors
    ///
    /// The same errors as [`normalize`]; a lower-case letter is reported as
    /// [`LoginError::ForbiddenCharacter`].
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{Login, LoginPolicy};
    ///
    /// assert!(Login::try_new("JANKOW1", &LoginPolicy::default()).is_ok());
    /// assert_eq!(
    ///     Login::try_new("JanKow1", &LoginPolicy::default()).unwrap_err().code(),
    ///     "login.forbidden_character"
    /// );
    /// ```
    pub fn try_new(s: &str, policy: &LoginPolicy) -> Result<Self, LoginError> {
        check_canonical_chars(s)?;
        policy.check_length(s)?;
        Ok(Self(s.to_owned()))
    }

    /// The canonical text.
    ///
    /// # Example
    ///
    /// ```
    /// let login: edurules_login::Login = "jankow1".parse().unwrap();
    /// assert_eq!(login.as_str(), "JANKOW1");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number of characters (equal to the number of bytes).
    ///
    /// # Example
    ///
    /// ```
    /// let login: edurules_login::Login = "JANKOW1".parse().unwrap();
    /// assert_eq!(login.len(), 7);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a login has at least one character. Present for
    /// symmetry with [`len`](Self::len).
    ///
    /// # Example
    ///
    /// ```
    /// let login: edurules_login::Login = "JANKOW1".parse().unwrap();
    /// assert!(!login.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The confusable skeleton (`0`→`O`, `1`→`I`) used to keep look-alike
    /// logins apart.
    ///
    /// # Example
    ///
    /// ```
    /// let a: edurules_login::Login = "JANKOW1".parse().unwrap();
    /// let b: edurules_login::Login = "JANKOWI".parse().unwrap();
    /// assert_eq!(a.skeleton(), b.skeleton());
    /// ```
    #[must_use]
    pub fn skeleton(&self) -> SkeletonKey {
        SkeletonKey::of(&self.0)
    }

    /// Checks this login against another policy's length bounds.
    ///
    /// # Errors
    ///
    /// [`LoginError::TooShort`] or [`LoginError::TooLong`].
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{Login, LoginPolicy};
    ///
    /// let login: Login = "JANKOW1".parse().unwrap();
    /// assert!(login.check(&LoginPolicy::new(3, 8).unwrap()).is_ok());
    /// assert!(login.check(&LoginPolicy::new(3, 6).unwrap()).is_err());
    /// ```
    pub fn check(&self, policy: &LoginPolicy) -> Result<(), LoginError> {
        policy.check_length(&self.0)
    }

    /// Wraps a string the caller has just built from `A-Z0-9` and checked
    /// against a policy.
    pub(crate) fn from_canonical_unchecked(s: String) -> Self {
        debug_assert!(!s.is_empty() && s.bytes().all(is_canonical_byte));
        Self(s)
    }
}

fn is_canonical_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

/// Checks that `s` is non-empty and made of `A-Z0-9` only, naming the first
/// offending character.
fn check_canonical_chars(s: &str) -> Result<(), LoginError> {
    if s.is_empty() {
        return Err(LoginError::Empty {
            input: s.to_owned(),
        });
    }
    match s
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_uppercase() || c.is_ascii_digit()))
    {
        None => Ok(()),
        Some((i, c)) if c.is_ascii_lowercase() => Err(LoginError::ForbiddenCharacter {
            input: s.to_owned(),
            character: c,
            code_point: u32::from(c),
            position: i.saturating_add(1),
        }),
        Some((i, _)) => Err(diagnose::reject_in(s, s, i, i.saturating_add(1))),
    }
}

impl TryFrom<String> for Login {
    type Error = LoginError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        check_canonical_chars(&s)?;
        LoginPolicy::new(1, LoginPolicy::MAX_LENGTH_LIMIT)?.check_length(&s)?;
        Ok(Self(s))
    }
}

impl From<Login> for String {
    fn from(login: Login) -> Self {
        login.0
    }
}

impl AsRef<str> for Login {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Login {
    type Err = LoginError;

    /// Same as [`normalize`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        normalize(s)
    }
}

/// Turns what a person typed into a canonical [`Login`] under the default
/// policy (3..=32 characters). See [`normalize_with`].
///
/// # Errors
///
/// See [`normalize_with`].
///
/// # Panics
///
/// Never, on any input.
///
/// # Example
///
/// ```
/// use edurules_login::{LoginError, normalize};
///
/// assert_eq!(normalize("  ＪａｎＫｏｗ１ ").unwrap().as_str(), "JANKOW1");
/// let err = normalize("ŁUKKOW1").unwrap_err();
/// assert!(matches!(err, LoginError::PolishLetter { character: 'Ł', suggestion: 'L', position: 1, .. }));
/// ```
pub fn normalize(input: &str) -> Result<Login, LoginError> {
    normalize_with(input, &LoginPolicy::SIO)
}

/// Turns what a person typed into a canonical [`Login`]: trims surrounding
/// white space, applies Unicode NFKC (full-width `Ｊ` becomes `J`), upper-cases
/// ASCII letters, then checks the length against `policy`.
///
/// Anything else is rejected, never changed: a silent change (`Ł`→`L`,
/// Cyrillic `А`→`A`) could open another person's account. Transliteration is
/// only ever done by the [`LoginGenerator`](crate::LoginGenerator).
///
/// NFKC folds every compatibility form of a letter or digit, not only
/// full-width ones (`²`→`2`, `①`→`1`, `ﬁ`→`FI`, `Ⅻ`→`XII`); the crate README
/// explains why that is accepted. ASCII input takes a fast path that skips
/// NFKC (NFKC leaves ASCII unchanged).
///
/// # Errors
///
/// [`LoginError::Empty`], [`LoginError::InnerWhitespace`],
/// [`LoginError::PolishLetter`], [`LoginError::Lookalike`],
/// [`LoginError::AccentedLetter`], [`LoginError::CombiningMark`],
/// [`LoginError::InvisibleCharacter`], [`LoginError::ForbiddenCharacter`] (each
/// with the 1-based position of the first offending character in `input`), then
/// [`LoginError::TooShort`] / [`LoginError::TooLong`].
///
/// # Panics
///
/// Never.
///
/// # Example
///
/// ```
/// use edurules_login::{LoginError, LoginPolicy, Script, normalize_with};
///
/// let policy = LoginPolicy::new(4, 10).unwrap();
/// assert_eq!(normalize_with("jankow1", &policy).unwrap().as_str(), "JANKOW1");
/// // U+0410 CYRILLIC CAPITAL LETTER A looks like a Latin A.
/// let err = normalize_with("\u{410}NNA1", &policy).unwrap_err();
/// assert!(matches!(err, LoginError::Lookalike { script: Script::Cyrillic, looks_like: 'A', .. }));
/// ```
pub fn normalize_with(input: &str, policy: &LoginPolicy) -> Result<Login, LoginError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(LoginError::Empty {
            input: input.to_owned(),
        });
    }
    // The canonical form is built only as far as a login or a quote can
    // need it; beyond that its length is counted, not kept.
    let kept = policy.max_length().max(MAX_QUOTED_CHARS).saturating_add(1);
    if trimmed.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let head = trimmed.get(..kept.min(trimmed.len())).unwrap_or(trimmed);
        let canonical = head.to_ascii_uppercase();
        policy.check_length_of(&canonical, trimmed.len())?;
        return Ok(Login(canonical));
    }
    let lead = input.len().saturating_sub(input.trim_start().len());
    let lead_chars = input.get(..lead).map_or(0, |s| s.chars().count());
    let mut out = String::with_capacity(trimmed.len().min(kept));
    let mut length = 0_usize;
    for (i, c) in trimmed.chars().enumerate() {
        let position = lead_chars.saturating_add(i).saturating_add(1);
        if c.is_ascii_alphanumeric() {
            length = length.saturating_add(1);
            if out.len() < kept {
                out.push(c.to_ascii_uppercase());
            }
        } else if c.is_whitespace() {
            return Err(LoginError::InnerWhitespace {
                input: input.to_owned(),
                position,
            });
        } else if let Some(mapped) = diagnose::nfkc_to_ascii_alnum(c) {
            length = length.saturating_add(mapped.len());
            if out.len() < kept {
                out.push_str(&mapped.to_ascii_uppercase());
            }
        } else {
            return Err(diagnose::reject_in(input, trimmed, i, position));
        }
    }
    policy.check_length_of(&out, length)?;
    Ok(Login(out))
}

/// What kind of login a stored string is, as the SIO consolidation rules see
/// it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum LoginKind {
    /// Only upper-case letters and digits (`JANKOW1`): a new-style login.
    Canonical,
    /// ASCII letters and digits with at least one lower-case letter (`JanKow5`):
    /// a legacy login. An all-lower-case login counts here too: the seed's only
    /// other category is "only upper-case letters and digits".
    LegacyMixedCase,
    /// Anything else (white space, diacritics, punctuation, wrong length), with
    /// the reason.
    Invalid(LoginError),
}

/// Classifies a stored login exactly as it is (no trimming, no NFKC) under the
/// default policy. See [`classify_with`].
///
/// # Example
///
/// ```
/// use edurules_login::{LoginKind, classify};
///
/// assert_eq!(classify("JANKOW1"), LoginKind::Canonical);
/// assert_eq!(classify("JanKow5"), LoginKind::LegacyMixedCase);
/// assert!(matches!(classify("jan.kow"), LoginKind::Invalid(_)));
/// ```
#[must_use]
pub fn classify(login: &str) -> LoginKind {
    classify_with(login, &LoginPolicy::SIO)
}

/// Classifies a stored login exactly as it is (no trimming, no NFKC): a
/// canonical login, a legacy mixed-case one, or invalid with the reason. The
/// length bounds of `policy` apply to both valid kinds.
///
/// # Panics
///
/// Never, on any input.
///
/// # Example
///
/// ```
/// use edurules_login::{LoginKind, LoginPolicy, classify_with};
///
/// let policy = LoginPolicy::new(3, 6).unwrap();
/// assert_eq!(classify_with("JanKow", &policy), LoginKind::LegacyMixedCase);
/// let LoginKind::Invalid(reason) = classify_with("JanKowalski", &policy) else { panic!() };
/// assert_eq!(reason.code(), "login.too_long");
/// ```
#[must_use]
pub fn classify_with(login: &str, policy: &LoginPolicy) -> LoginKind {
    if login.is_empty() {
        return LoginKind::Invalid(LoginError::Empty {
            input: String::new(),
        });
    }
    if let Some((i, c)) = login
        .chars()
        .enumerate()
        .find(|&(_, c)| !c.is_ascii_alphanumeric())
    {
        let position = i.saturating_add(1);
        let reason = if c.is_whitespace() {
            LoginError::InnerWhitespace {
                input: login.to_owned(),
                position,
            }
        } else {
            diagnose::reject_in(login, login, i, position)
        };
        return LoginKind::Invalid(reason);
    }
    if let Err(e) = policy.check_length(login) {
        return LoginKind::Invalid(e);
    }
    if login.bytes().any(|b| b.is_ascii_lowercase()) {
        LoginKind::LegacyMixedCase
    } else {
        LoginKind::Canonical
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_leading_white_space_and_characters_not_bytes() {
        let err = normalize("  żAB").unwrap_err();
        assert!(matches!(
            err,
            LoginError::PolishLetter {
                position: 3,
                suggestion: 'Z',
                ..
            }
        ));
        let err = normalize("ĄĄx!").unwrap_err();
        assert!(matches!(err, LoginError::PolishLetter { position: 1, .. }));
        let err = normalize("AB\u{3000}CD").unwrap_err();
        assert!(matches!(
            err,
            LoginError::InnerWhitespace { position: 3, .. }
        ));
    }

    #[test]
    fn nfkc_maps_full_width_and_circled_digits() {
        assert_eq!(normalize("ＪＡＮＫＯＷ１").unwrap().as_str(), "JANKOW1");
        assert_eq!(normalize("ab①").unwrap().as_str(), "AB1");
    }

    #[test]
    fn fast_and_slow_paths_agree_on_length_errors() {
        assert_eq!(normalize("ab").unwrap_err().code(), "login.too_short");
        assert_eq!(normalize("ａｂ").unwrap_err().code(), "login.too_short");
        assert_eq!(
            normalize(&"A".repeat(33)).unwrap_err().code(),
            "login.too_long"
        );
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(normalize("").unwrap_err().code(), "login.empty");
        assert_eq!(normalize(" \t ").unwrap_err().code(), "login.empty");
        assert_eq!(
            classify(""),
            LoginKind::Invalid(LoginError::Empty {
                input: String::new()
            })
        );
    }

    #[test]
    fn classify_does_not_trim_or_map() {
        assert!(matches!(
            classify(" JANKOW1"),
            LoginKind::Invalid(LoginError::InnerWhitespace { position: 1, .. })
        ));
        assert!(matches!(classify("ＪＡＮＫＯＷ１"), LoginKind::Invalid(_)));
        assert_eq!(classify("12345"), LoginKind::Canonical);
        assert_eq!(classify("jankow5"), LoginKind::LegacyMixedCase);
    }

    #[test]
    fn deserialize_is_strict() {
        assert!(serde_json::from_str::<Login>(r#""JANKOW1""#).is_ok());
        assert!(serde_json::from_str::<Login>(r#""J""#).is_ok());
        assert!(serde_json::from_str::<Login>(r#""""#).is_err());
        assert!(serde_json::from_str::<Login>(r#"" JANKOW1""#).is_err());
        let long = format!("\"{}\"", "A".repeat(65));
        assert!(serde_json::from_str::<Login>(&long).is_err());
    }
}
