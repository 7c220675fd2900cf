//! The languages in which messages and explanations are written.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The language of a message a person reads: Polish, Bulgarian or English.
///
/// # Example
///
/// ```
/// use edurules_absence::Locale;
/// let l: Locale = serde_json::from_str("\"bg\"").unwrap();
/// assert_eq!(l, Locale::Bg);
/// assert!(serde_json::from_str::<Locale>("\"de\"").is_err());
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
    /// Every locale, for tests and for tools that print all three texts.
    pub const ALL: [Self; 3] = [Self::Pl, Self::Bg, Self::En];
}
