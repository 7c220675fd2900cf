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

/// The Polish plural form for `n` (CLDR: one = 1; few = 2–4 except 12–14 in the last two
/// digits; many otherwise).
pub(crate) fn plural_pl<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (last, last_two) = (n % 10, n % 100);
    if n == 1 {
        one
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        few
    } else {
        many
    }
}

/// The Bulgarian plural form for `n` (CLDR: one = 1, other otherwise).
pub(crate) fn plural_bg<'a>(n: u64, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 { one } else { other }
}

/// The English plural form for `n` (CLDR: one = 1, other otherwise).
pub(crate) fn plural_en<'a>(n: u64, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 { one } else { other }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_plurals_follow_cldr() {
        let form = |n| plural_pl(n, "rok", "lata", "lat");
        assert_eq!(form(1), "rok");
        for n in [2, 3, 4, 22, 23, 104] {
            assert_eq!(form(n), "lata", "{n}");
        }
        for n in [0, 5, 11, 12, 13, 14, 21, 25, 112] {
            assert_eq!(form(n), "lat", "{n}");
        }
        assert_eq!(plural_bg(1, "година", "години"), "година");
        assert_eq!(plural_en(5, "year", "years"), "years");
    }
}
