//! [`LocaleError`]: what can go wrong choosing a language or a time zone.

use thiserror::Error;

use crate::{Locale, Message};

/// An unknown language or time zone, with a stable [`code`](Message::code).
///
/// # Example
///
/// ```
/// use edurules_locale::{Locale, LocaleError, Message};
///
/// let err = "fr".parse::<Locale>().unwrap_err();
/// assert_eq!(err.code(), "locale.unknown_locale");
/// assert_eq!(err.message(Locale::Pl), "Nieznany język „fr”: dostępne są pl, bg i en.");
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
                locale.pick(
                    format!("Nieznany język {given}: dostępne są pl, bg i en."),
                    format!("Непознат език {given}: възможни са pl, bg и en."),
                    format!("Unknown language {given}: the choices are pl, bg and en."),
                )
            }
            Self::UnknownTimeZone { given } => {
                let given = locale.quote(given);
                locale.pick(
                    format!(
                        "Nieznana strefa czasowa {given}: dostępne są Europe/Warsaw, Europe/Sofia i UTC."
                    ),
                    format!(
                        "Непозната часова зона {given}: възможни са Europe/Warsaw, Europe/Sofia и UTC."
                    ),
                    format!(
                        "Unknown time zone {given}: the choices are Europe/Warsaw, Europe/Sofia and UTC."
                    ),
                )
            }
        }
    }
}
