//! The crate's error type.

use chrono::{DateTime, Utc};
use edurules_locale::{Message, SchoolZone};

use crate::check::Violation;
use crate::hash::HashProblem;
use crate::locale::Locale;
use crate::policy::PolicyProblem;

mod message;
#[cfg(test)]
mod tests;

/// Everything that can go wrong in `edurules-password`. No variant ever holds
/// a password, a hash's tag or anything derived from a password.
///
/// Authentication failures stay vague on purpose ([`PasswordError::InvalidCredentials`]
/// covers a wrong password and an unknown login alike); violations of the
/// policy by a *new* password are precise and complete.
///
/// # Example
/// ```
/// use edurules_password::{Locale, PasswordError};
/// let e = PasswordError::InvalidCredentials;
/// assert_eq!(e.code(), "password.invalid_credentials");
/// assert_eq!(e.to_string(), "Invalid login or password.");
/// assert_eq!(e.message(Locale::Pl), "Nieprawidłowy login lub hasło.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PasswordError {
    /// The policy's JSON is malformed or has unknown fields.
    #[error("{}", Message::message(self, Locale::En))]
    PolicyFormat {
        /// What the parser said, in English, at most
        /// [`MAX_QUOTED_CHARS`](edurules_locale::MAX_QUOTED_CHARS) characters
        /// (only the English message shows it).
        reason: String,
    },
    /// The policy breaks its own rules; every problem is listed.
    #[error("{}", Message::message(self, Locale::En))]
    InvalidPolicy {
        /// Every problem found.
        problems: Vec<PolicyProblem>,
    },
    /// A stored hash cannot be parsed or used.
    #[error("{}", Message::message(self, Locale::En))]
    InvalidHash {
        /// Why (never includes the tag).
        reason: String,
    },
    /// A stored PHC string is not parsed as strictly as the C reference does.
    #[error("{}", Message::message(self, Locale::En))]
    MalformedHash {
        /// What is wrong (never the salt or the tag).
        problem: HashProblem,
    },
    /// A password is larger than the policy's [`Limits`](crate::Limits) allow;
    /// refused before normalizing (or after counting the normalized size)
    /// and before hashing.
    #[error("{}", Message::message(self, Locale::En))]
    InputTooLong {
        /// The limit in UTF-8 bytes.
        max_bytes: u32,
        /// Whether the limit after NFKC was exceeded (else the one as typed).
        after_normalization: bool,
    },
    /// A stored hash costs more than the policy's verification ceiling;
    /// refused before hashing. The account needs a reset by an administrator.
    #[error("{}", Message::message(self, Locale::En))]
    HashTooCostly {
        /// The stored memory cost (KiB).
        m_cost_kib: u32,
        /// The stored time cost.
        t_cost: u32,
        /// The ceiling on memory (KiB).
        max_m_cost_kib: u32,
        /// The ceiling on `m × t`.
        max_work: u64,
    },
    /// Hashing failed (random source, salt).
    #[error("{}", Message::message(self, Locale::En))]
    Hashing {
        /// Why.
        reason: String,
    },
    /// Wrong password or unknown login: deliberately the same.
    #[error("{}", Message::message(self, Locale::En))]
    InvalidCredentials,
    /// The current password is younger than the policy's minimum age.
    #[error("{}", Message::message(self, Locale::En))]
    TooSoon {
        /// The policy's minimum age in days.
        min_age_days: u32,
        /// The first instant at which a change is allowed.
        allowed_from: DateTime<Utc>,
        /// The school's time zone, from the policy, in which the message
        /// shows `allowed_from`.
        zone: SchoolZone,
    },
    /// The new password breaks the policy; every violation is listed.
    #[error("{}", Message::message(self, Locale::En))]
    Rejected {
        /// Every violation found.
        violations: Vec<Violation>,
    },
    /// The new password is one of the most recent ones.
    #[error("{}", Message::message(self, Locale::En))]
    Reused {
        /// 1 = the current password, 2 = the one before it, …
        position: u32,
        /// The policy's history depth.
        depth: u32,
    },
}

/// Alias used by [`change_password`](crate::change_password): the crate has one error type.
pub type ChangeError = PasswordError;

impl PasswordError {
    /// The stable machine code, e.g. `password.rejected`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::PasswordError;
    /// assert_eq!(PasswordError::Reused { position: 1, depth: 4 }.code(), "password.reused");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PasswordError::PolicyFormat { .. } => "password.policy_format",
            PasswordError::InvalidPolicy { .. } => "password.invalid_policy",
            PasswordError::InvalidHash { .. } => "password.invalid_hash",
            PasswordError::MalformedHash { .. } => "password.malformed_hash",
            PasswordError::InputTooLong { .. } => "password.input_too_long",
            PasswordError::HashTooCostly { .. } => "password.hash_too_costly",
            PasswordError::Hashing { .. } => "password.hashing",
            PasswordError::InvalidCredentials => "password.invalid_credentials",
            PasswordError::TooSoon { .. } => "password.too_soon",
            PasswordError::Rejected { .. } => "password.rejected",
            PasswordError::Reused { .. } => "password.reused",
        }
    }
}

impl Message for PasswordError {
    fn code(&self) -> &'static str {
        PasswordError::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        PasswordError::message(self, locale)
    }
}
