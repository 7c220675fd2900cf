//! The crate's error type.

use crate::locale::{Locale, pick};
use crate::rule::Violation;

/// Everything that can go wrong in `edurules-delegation`.
///
/// A decision is not an error: [`crate::Registry::decide`] returns a [`crate::Decision`].
///
/// # Example
/// ```
/// use edurules_delegation::{DelegationError, Locale, Login};
/// let err = Login::new("").unwrap_err();
/// assert_eq!(err.code(), "delegation.invalid_identifier");
/// assert!(err.message(Locale::Pl).contains("login"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DelegationError {
    /// A login, entity id, role, permission, document reference or record id is malformed.
    #[error("invalid {kind} `{value}`")]
    InvalidIdentifier {
        /// Which kind of identifier (`login`, `permission`, …).
        kind: &'static str,
        /// The rejected text.
        value: String,
    },
    /// The policy breaks its own rules; every problem is listed.
    #[error("invalid policy: {}", problems.join("; "))]
    InvalidPolicy {
        /// Every problem found, each naming the field and value.
        problems: Vec<String>,
    },
    /// A policy or event log could not be read as JSON.
    #[error("cannot read json: `{reason}`")]
    Json {
        /// The parser's explanation.
        reason: String,
    },
    /// An event was rejected: it breaks one or more rules (and was not written to the log).
    #[error("event rejected: {}", violations.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Rejected {
        /// Every rule the event breaks.
        violations: Vec<Violation>,
    },
}

impl DelegationError {
    /// A stable machine code.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Permission;
    /// assert_eq!(Permission::parse("x").unwrap_err().code(), "delegation.invalid_identifier");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidIdentifier { .. } => "delegation.invalid_identifier",
            Self::InvalidPolicy { .. } => "delegation.invalid_policy",
            Self::Json { .. } => "delegation.json",
            Self::Rejected { .. } => "delegation.rejected",
        }
    }

    /// The message in a language.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Locale, Login};
    /// let err = Login::new("a b").unwrap_err();
    /// assert_eq!(err.message(Locale::En), "invalid login `a b`");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Self::InvalidIdentifier { kind, value } => pick(
                locale,
                format!("nieprawidłowy identyfikator ({kind}) `{value}`"),
                format!("невалиден идентификатор ({kind}) `{value}`"),
                self.to_string(),
            ),
            Self::InvalidPolicy { problems } => {
                let list = problems.join("; ");
                pick(
                    locale,
                    format!("nieprawidłowa polityka: {list}"),
                    format!("невалидна политика: {list}"),
                    self.to_string(),
                )
            }
            Self::Json { reason } => pick(
                locale,
                format!("nie można odczytać json: `{reason}`"),
                format!("json не може да бъде прочетен: `{reason}`"),
                self.to_string(),
            ),
            Self::Rejected { violations } => {
                let list = violations
                    .iter()
                    .map(|v| v.message(locale))
                    .collect::<Vec<_>>()
                    .join("; ");
                pick(
                    locale,
                    format!("zdarzenie odrzucone: {list}"),
                    format!("събитието е отхвърлено: {list}"),
                    format!("event rejected: {list}"),
                )
            }
        }
    }
}
