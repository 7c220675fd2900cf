//! [`LoginPolicy`]: the length bounds of a canonical login.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ConfigProblem, LoginError};

/// The length bounds of a canonical login, in characters (all ASCII).
///
/// The seed (SIO, 2021) does not state a minimum or maximum length, so they are
/// configuration; the defaults are 3..=32. Deserializing validates and fails
/// with [`LoginError::InvalidConfig`] listing every problem.
///
/// # Example
///
/// ```
/// use edurules_login::LoginPolicy;
///
/// let p: LoginPolicy = serde_json::from_str(r#"{"min_length": 4, "max_length": 20}"#).unwrap();
/// assert_eq!((p.min_length(), p.max_length()), (4, 20));
/// // Every problem is reported, not only the first.
/// let err = serde_json::from_str::<LoginPolicy>(r#"{"min_length": 0, "max_length": 999}"#)
///     .unwrap_err()
///     .to_string();
/// assert!(err.contains("the minimum length of a login cannot be 0"));
/// assert!(err.contains("is above the highest allowed (64 characters)"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "PolicyFields")]
pub struct LoginPolicy {
    min_length: usize,
    max_length: usize,
}

/// The unvalidated fields of a [`LoginPolicy`], as read from configuration.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct PolicyFields {
    /// Minimum number of characters (default 3).
    #[serde(default = "default_min")]
    min_length: usize,
    /// Maximum number of characters (default 32, at most 64).
    #[serde(default = "default_max")]
    max_length: usize,
}

const fn default_min() -> usize {
    LoginPolicy::DEFAULT_MIN_LENGTH
}

const fn default_max() -> usize {
    LoginPolicy::DEFAULT_MAX_LENGTH
}

impl TryFrom<PolicyFields> for LoginPolicy {
    type Error = LoginError;

    fn try_from(f: PolicyFields) -> Result<Self, Self::Error> {
        Self::new(f.min_length, f.max_length)
    }
}

impl Default for LoginPolicy {
    fn default() -> Self {
        Self::SIO
    }
}

impl LoginPolicy {
    /// Default minimum length.
    pub const DEFAULT_MIN_LENGTH: usize = 3;
    /// Default maximum length.
    pub const DEFAULT_MAX_LENGTH: usize = 32;
    /// The largest maximum a policy may set.
    pub const MAX_LENGTH_LIMIT: usize = 64;

    /// The bounds existing logins are sorted under when consolidated: 1..=
    /// [`Self::MAX_LENGTH_LIMIT`]. Seed 001 sorts them by their characters only; the
    /// bounds of a policy are for new logins.
    pub(crate) const EXISTING: Self = Self {
        min_length: 1,
        max_length: Self::MAX_LENGTH_LIMIT,
    };

    /// The preset for the Polish SIO (seed 001): 3..=32. The seed states no
    /// bounds; these are the crate's defaults.
    pub const SIO: Self = Self {
        min_length: Self::DEFAULT_MIN_LENGTH,
        max_length: Self::DEFAULT_MAX_LENGTH,
    };

    /// A policy with the given bounds (inclusive).
    ///
    /// # Errors
    ///
    /// [`LoginError::InvalidConfig`] listing every problem: a zero minimum, a
    /// minimum above the maximum, a maximum above [`Self::MAX_LENGTH_LIMIT`].
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::LoginPolicy;
    ///
    /// assert!(LoginPolicy::new(4, 16).is_ok());
    /// assert_eq!(LoginPolicy::new(9, 4).unwrap_err().code(), "login.invalid_config");
    /// ```
    pub fn new(min_length: usize, max_length: usize) -> Result<Self, LoginError> {
        let mut problems = Vec::new();
        if min_length == 0 {
            problems.push(ConfigProblem::MinLengthZero);
        }
        if min_length > max_length {
            problems.push(ConfigProblem::MinAboveMax {
                min: min_length,
                max: max_length,
            });
        }
        if max_length > Self::MAX_LENGTH_LIMIT {
            problems.push(ConfigProblem::MaxAboveLimit {
                max: max_length,
                limit: Self::MAX_LENGTH_LIMIT,
            });
        }
        if problems.is_empty() {
            Ok(Self {
                min_length,
                max_length,
            })
        } else {
            Err(LoginError::InvalidConfig { problems })
        }
    }

    /// The minimum length (inclusive).
    #[must_use]
    pub const fn min_length(&self) -> usize {
        self.min_length
    }

    /// The maximum length (inclusive).
    #[must_use]
    pub const fn max_length(&self) -> usize {
        self.max_length
    }

    /// Checks the length of an already canonical string.
    pub(crate) fn check_length(&self, canonical: &str) -> Result<(), LoginError> {
        self.check_length_of(canonical, canonical.len())
    }

    /// Checks `length`, the length of a canonical string whose beginning is
    /// `canonical` (all of it when it is no longer than the maximum, else at
    /// least [`MAX_QUOTED_CHARS`](edurules_locale::MAX_QUOTED_CHARS) + 1
    /// characters). An error keeps as much of it as a message quotes
    /// ([`edurules_locale::clip`]).
    pub(crate) fn check_length_of(&self, canonical: &str, length: usize) -> Result<(), LoginError> {
        if length < self.min_length {
            Err(LoginError::TooShort {
                login: edurules_locale::clip(canonical),
                length,
                min: self.min_length,
            })
        } else if length > self.max_length {
            Err(LoginError::TooLong {
                login: edurules_locale::clip(canonical),
                length,
                max: self.max_length,
            })
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_problem() {
        let Err(LoginError::InvalidConfig { problems }) = LoginPolicy::new(0, 100) else {
            panic!("expected an invalid config");
        };
        assert_eq!(
            problems,
            vec![
                ConfigProblem::MinLengthZero,
                ConfigProblem::MaxAboveLimit {
                    max: 100,
                    limit: 64
                }
            ]
        );
    }

    #[test]
    fn defaults_fill_missing_fields_and_unknown_fields_fail() {
        let p: LoginPolicy = serde_json::from_str(r#"{"max_length": 10}"#).unwrap();
        assert_eq!((p.min_length(), p.max_length()), (3, 10));
        assert!(serde_json::from_str::<LoginPolicy>(r#"{"min": 3}"#).is_err());
    }

    #[test]
    fn length_check_bounds_are_inclusive() {
        let p = LoginPolicy::new(3, 5).unwrap();
        assert!(p.check_length("ABC").is_ok());
        assert!(p.check_length("ABCDE").is_ok());
        assert_eq!(p.check_length("AB").unwrap_err().code(), "login.too_short");
        assert_eq!(
            p.check_length("ABCDEF").unwrap_err().code(),
            "login.too_long"
        );
    }
}
