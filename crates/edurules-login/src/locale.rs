//! The languages people read messages in.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language for messages shown to people (errors, plan explanations).
///
/// Serialized in lower case: `"pl"`, `"bg"`, `"en"`.
///
/// # Example
///
/// ```
/// use edurules_login::{Locale, normalize};
///
/// let err = normalize("Łukasz").unwrap_err();
/// assert!(err.message(Locale::Pl).contains("polską literę"));
/// assert!(err.message(Locale::Bg).contains("полска буква"));
/// assert!(err.message(Locale::En).contains("polish letter"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Locale {
    /// Polish.
    Pl,
    /// Bulgarian.
    Bg,
    /// English.
    En,
}

impl Locale {
    /// Every locale, for tests and UIs that list them.
    pub const ALL: [Self; 3] = [Self::Pl, Self::Bg, Self::En];
}
