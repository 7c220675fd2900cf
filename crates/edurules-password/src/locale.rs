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

/// "1 day" / "5 days" in each language (Polish: 1 dzień, otherwise dni).
pub(crate) fn days(locale: Locale, n: impl Into<u64>) -> String {
    let n = n.into();
    match locale {
        Locale::Pl => format!("`{n}` {}", if n == 1 { "dzień" } else { "dni" }),
        Locale::Bg => format!("`{n}` {}", if n == 1 { "ден" } else { "дни" }),
        Locale::En => format!("`{n}` {}", if n == 1 { "day" } else { "days" }),
    }
}

/// "1 character" / "5 characters" in each language (Polish: 1 znak, 2–4
/// znaki except 12–14, otherwise znaków; Bulgarian: 1 знак, otherwise знака).
pub(crate) fn characters(locale: Locale, n: impl Into<u64>) -> String {
    let n = n.into();
    match locale {
        Locale::Pl => {
            let word = if n == 1 {
                "znak"
            } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                "znaki"
            } else {
                "znaków"
            };
            format!("`{n}` {word}")
        }
        Locale::Bg => format!("`{n}` {}", if n == 1 { "знак" } else { "знака" }),
        Locale::En => format!("`{n}` {}", if n == 1 { "character" } else { "characters" }),
    }
}

/// "1 byte" / "5 bytes" in each language (Polish: 1 bajt, 2–4 bajty except
/// 12–14, otherwise bajtów; Bulgarian: 1 байт, otherwise байта).
pub(crate) fn bytes(locale: Locale, n: impl Into<u64>) -> String {
    let n = n.into();
    match locale {
        Locale::Pl => {
            let word = if n == 1 {
                "bajt"
            } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                "bajty"
            } else {
                "bajtów"
            };
            format!("`{n}` {word}")
        }
        Locale::Bg => format!("`{n}` {}", if n == 1 { "байт" } else { "байта" }),
        Locale::En => format!("`{n}` {}", if n == 1 { "byte" } else { "bytes" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_plurals() {
        assert_eq!(characters(Locale::Pl, 1_u32), "`1` znak");
        assert_eq!(characters(Locale::Pl, 3_u32), "`3` znaki");
        assert_eq!(characters(Locale::Pl, 5_u32), "`5` znaków");
        assert_eq!(characters(Locale::Pl, 13_u32), "`13` znaków");
        assert_eq!(characters(Locale::Pl, 22_u32), "`22` znaki");
        assert_eq!(days(Locale::Pl, 1_u32), "`1` dzień");
        assert_eq!(days(Locale::En, 2_u32), "`2` days");
        assert_eq!(bytes(Locale::Pl, 1_u32), "`1` bajt");
        assert_eq!(bytes(Locale::Pl, 4096_u32), "`4096` bajtów");
        assert_eq!(bytes(Locale::Pl, 512_u32), "`512` bajtów");
        assert_eq!(bytes(Locale::Pl, 64_u32), "`64` bajty");
        assert_eq!(bytes(Locale::Bg, 64_u32), "`64` байта");
        assert_eq!(bytes(Locale::En, 1_u32), "`1` byte");
    }
}
