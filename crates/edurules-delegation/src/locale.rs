//! The languages in which violations, denials and errors can be read.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language for messages meant for people.
///
/// # Example
/// ```
/// use edurules_delegation::Locale;
/// let l: Locale = serde_json::from_str("\"pl\"").unwrap();
/// assert_eq!(l, Locale::Pl);
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
    /// Every locale, for tests and menus.
    pub const ALL: [Locale; 3] = [Locale::Pl, Locale::Bg, Locale::En];
}

/// Picks the text for a locale.
pub(crate) fn pick(locale: Locale, pl: String, bg: String, en: String) -> String {
    match locale {
        Locale::Pl => pl,
        Locale::Bg => bg,
        Locale::En => en,
    }
}
