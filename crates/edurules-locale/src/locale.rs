//! [`Locale`]: the one language type of the workspace.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::LocaleError;

/// A language for messages read by people: errors, explanations, reports.
///
/// Every edurules crate takes this one type (they re-export it), so a caller
/// chooses the language once. Serialized in lower case: `"pl"`, `"bg"`,
/// `"en"`; [`FromStr`] also accepts a region (`pl-PL`, `bg_BG`) and any case.
///
/// # Example
///
/// ```
/// use edurules_locale::Locale;
///
/// let locale: Locale = "bg-BG".parse()?;
/// assert_eq!(locale, Locale::Bg);
/// assert_eq!(locale.to_string(), "bg");
/// assert_eq!(serde_json::to_string(&Locale::Pl)?, "\"pl\"");
/// assert!("de".parse::<Locale>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Locale {
    /// Polish.
    Pl,
    /// Bulgarian.
    Bg,
    /// English, the default.
    #[default]
    En,
}

impl Locale {
    /// Every locale, for tests and user interfaces that list them.
    pub const ALL: [Self; 3] = [Self::Pl, Self::Bg, Self::En];

    /// The lower-case code: `"pl"`, `"bg"` or `"en"`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(edurules_locale::Locale::Pl.code(), "pl");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Pl => "pl",
            Self::Bg => "bg",
            Self::En => "en",
        }
    }

    /// Picks the value for this locale among three translations.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::Locale;
    /// assert_eq!(Locale::Bg.pick("tak", "да", "yes"), "да");
    /// ```
    #[must_use]
    pub fn pick<T>(self, pl: T, bg: T, en: T) -> T {
        match self {
            Self::Pl => pl,
            Self::Bg => bg,
            Self::En => en,
        }
    }

    /// The ICU locale identifier, for the plural and number data.
    pub(crate) const fn icu(self) -> icu_locale_core::Locale {
        match self {
            Self::Pl => icu_locale_core::locale!("pl"),
            Self::Bg => icu_locale_core::locale!("bg"),
            Self::En => icu_locale_core::locale!("en"),
        }
    }

    /// The index of this locale in [`Locale::ALL`].
    pub(crate) const fn index(self) -> usize {
        match self {
            Self::Pl => 0,
            Self::Bg => 1,
            Self::En => 2,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Locale {
    type Err = LocaleError;

    /// Parses `pl`, `bg` or `en`, in any case, optionally followed by a region
    /// after `-` or `_` (`pl-PL`, `bg_BG`, `en-GB`); surrounding spaces are
    /// ignored.
    ///
    /// # Errors
    ///
    /// [`LocaleError::UnknownLocale`] for anything else.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        let language = trimmed
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "pl" => Ok(Self::Pl),
            "bg" => Ok(Self::Bg),
            "en" => Ok(Self::En),
            _ => Err(LocaleError::UnknownLocale {
                given: crate::quote::clip(trimmed),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_regions_and_case() {
        for l in Locale::ALL {
            assert_eq!(l.code().parse::<Locale>().unwrap(), l);
            assert_eq!(l.code().to_uppercase().parse::<Locale>().unwrap(), l);
            assert_eq!(format!(" {}-XX ", l.code()).parse::<Locale>().unwrap(), l);
            assert_eq!(Locale::ALL[l.index()], l);
        }
        assert!("plx".parse::<Locale>().is_err());
        assert!("".parse::<Locale>().is_err());
    }
}
