//! The languages in which messages are given.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language for messages read by people: violations, errors, statuses.
///
/// # Example
/// ```
/// use edurules_password::Locale;
/// let l: Locale = serde_json::from_str("\"bg\"").unwrap();
/// assert_eq!(l, Locale::Bg);
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
    /// Every locale, for tests and for callers that print all languages.
    pub const ALL: [Locale; 3] = [Locale::Pl, Locale::Bg, Locale::En];
}

/// Picks the text for `locale` among three translations.
pub(crate) fn pick(locale: Locale, pl: String, bg: String, en: String) -> String {
    match locale {
        Locale::Pl => pl,
        Locale::Bg => bg,
        Locale::En => en,
    }
}
