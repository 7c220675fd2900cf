//! [`LocaleError`]: what can go wrong choosing a language or a time zone.

use thiserror::Error;

use crate::{Locale, Message, SchoolZone};

/// An unknown language or time zone, with a stable [`code`](Message::code).
///
/// # Example
///
/// ```
/// use edurules_locale::{Locale, LocaleError, Message};
///
/// let err = "fr".parse::<Locale>().unwrap_err();
/// assert_eq!(err.code(), "locale.unknown_locale");
/// assert_eq!(err.message(Locale::Pl), "Nieznany język „fr”: dostępne są „pl”, „bg” i „en”.");
/// # let _: LocaleError = err;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LocaleError {
    /// The language is not Polish, Bulgarian or English.
    #[error("{}", Message::message(self, Locale::En))]
    UnknownLocale {
        /// What was given, cut to a readable length.
        given: String,
    },
    /// The time zone is not one of the schools' zones.
    #[error("{}", Message::message(self, Locale::En))]
    UnknownTimeZone {
        /// What was given, cut to a readable length.
        given: String,
    },
}

impl Message for LocaleError {
    fn code(&self) -> &'static str {
        match self {
            Self::UnknownLocale { .. } => "locale.unknown_locale",
            Self::UnknownTimeZone { .. } => "locale.unknown_time_zone",
        }
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            Self::UnknownLocale { given } => {
                let given = locale.quote(given);
                let choices = locale.quote_list(Locale::ALL.map(Locale::code));
                locale.pick(
                    format!("Nieznany język {given}: dostępne są {choices}."),
                    format!("Непознат език {given}: възможни са {choices}."),
                    format!("Unknown language {given}: the choices are {choices}."),
                )
            }
            Self::UnknownTimeZone { given } => {
                let given = locale.quote(given);
                let choices = locale.quote_list(SchoolZone::ALL.map(SchoolZone::name));
                locale.pick(
                    format!("Nieznana strefa czasowa {given}: dostępne są {choices}."),
                    format!("Непозната часова зона {given}: възможни са {choices}."),
                    format!("Unknown time zone {given}: the choices are {choices}."),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_whole_in_its_language() {
        let long = "x".repeat(100_000);
        for e in [
            LocaleError::UnknownLocale {
                given: crate::clip(&long),
            },
            LocaleError::UnknownTimeZone {
                given: "Europe/Berlin".into(),
            },
        ] {
            for l in Locale::ALL {
                let m = e.message(l);
                assert_eq!(crate::lint::problems(l, &m), Vec::<String>::new(), "{m}");
                assert!(m.len() < 300, "{m}");
            }
        }
    }
}
