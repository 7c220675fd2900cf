//! [`Locale`]: the language a person reads messages in, for every crate.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language for messages shown to people, chosen once by the caller and
/// converted with `From` into the `Locale` of each domain crate.
///
/// Serialized in lower case (`"pl"`, `"bg"`, `"en"`); [`FromStr`] accepts the
/// same codes in any case.
///
/// # Example
///
/// ```
/// use edurules::Locale;
///
/// let locale: Locale = "bg".parse()?;
/// assert_eq!(locale, Locale::Bg);
/// assert_eq!(locale.to_string(), "bg");
/// # #[cfg(feature = "login")] {
/// let err = edurules::login::normalize("Łukasz").unwrap_err();
/// assert!(err.message(locale.into()).contains("полска буква"));
/// # }
/// assert!("de".parse::<Locale>().is_err());
/// # Ok::<(), edurules::Error>(())
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
    /// assert_eq!(edurules::Locale::Pl.code(), "pl");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Pl => "pl",
            Self::Bg => "bg",
            Self::En => "en",
        }
    }

    /// Picks the text for this locale among three.
    pub(crate) fn pick<T>(self, pl: T, bg: T, en: T) -> T {
        match self {
            Self::Pl => pl,
            Self::Bg => bg,
            Self::En => en,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Locale {
    type Err = crate::Error;

    /// Parses `pl`, `bg` or `en` (any case, surrounding spaces ignored).
    ///
    /// # Errors
    ///
    /// [`crate::ConfigError::UnknownLocale`] (code `config.unknown_locale`)
    /// for anything else.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pl" => Ok(Self::Pl),
            "bg" => Ok(Self::Bg),
            "en" => Ok(Self::En),
            _ => Err(crate::ConfigError::UnknownLocale {
                locale: s.to_owned(),
            }
            .into()),
        }
    }
}

/// `From<edurules::Locale>` for a crate's own `Locale { Pl, Bg, En }`.
macro_rules! into_crate_locale {
    ($feature:literal, $target:path) => {
        #[cfg(feature = $feature)]
        impl From<Locale> for $target {
            fn from(locale: Locale) -> Self {
                use $target as Target;
                match locale {
                    Locale::Pl => Target::Pl,
                    Locale::Bg => Target::Bg,
                    Locale::En => Target::En,
                }
            }
        }
    };
}

into_crate_locale!("login", edurules_login::Locale);
into_crate_locale!("password", edurules_password::Locale);
into_crate_locale!("delegation", edurules_delegation::Locale);
into_crate_locale!("deadline", edurules_deadline::Locale);
into_crate_locale!("absence", edurules_absence::Locale);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_code() {
        for l in Locale::ALL {
            assert_eq!(l.code().parse::<Locale>().unwrap(), l);
            assert_eq!(l.code().to_uppercase().parse::<Locale>().unwrap(), l);
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.code())
            );
        }
        let err = "fr".parse::<Locale>().unwrap_err();
        assert_eq!(err.code(), "config.unknown_locale");
    }

    #[test]
    fn pick_takes_the_matching_text() {
        assert_eq!(Locale::Pl.pick(1, 2, 3), 1);
        assert_eq!(Locale::Bg.pick(1, 2, 3), 2);
        assert_eq!(Locale::En.pick(1, 2, 3), 3);
    }
}
