//! The crate's error type and the languages its messages are written in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::quote;
use crate::sio::Contest;

/// A language for messages a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
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

/// Everything that can go wrong when computing a calendar fact, a term or a
/// submission deadline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DeadlineError {
    /// The date lies outside the years the calendar covers (1951–2100).
    #[error("date `{date}` is outside the calendar's range {min}..={max}")]
    DateOutOfRange {
        /// The offending date.
        date: NaiveDate,
        /// The first date covered.
        min: NaiveDate,
        /// The last date covered.
        max: NaiveDate,
    },
    /// The change happened before art. 30 of the SIO act applied.
    #[error("change date `{date}` is before art. 30 of the SIO act applied (from {applies_from})")]
    BeforeAct {
        /// The offending change date.
        date: NaiveDate,
        /// The first day art. 30 applied.
        applies_from: NaiveDate,
    },
    /// No version of art. 30 in the rules covers the date (a caller-supplied
    /// file whose last version has an end date).
    #[error("no version of art. 30 in the rules is in force on `{date}`")]
    NoVersionInForce {
        /// The offending date.
        date: NaiveDate,
    },
    /// The category is not one the rules know.
    #[error("unknown data category {category_q}", category_q = quote::quoted(.category, Locale::En))]
    UnknownCategory {
        /// The category as the caller gave it.
        category: String,
    },
    /// The version in force excepts the category from the 7-day rule, but
    /// the rules do not encode its own term: the crate will not guess.
    #[error(
        "category {category_q} is excepted from the 7-day rule by {provision_q} ({source_q}) and its own term is not encoded",
        category_q = quote::quoted(.category, Locale::En),
        provision_q = quote::cut(.provision, quote::MAX_QUOTED_CHARS, Locale::En),
        source_q = quote::cut(.version_source, quote::MAX_QUOTED_CHARS, Locale::En)
    )]
    UnknownExceptionTerm {
        /// The category.
        category: String,
        /// The provision of art. 30 that excepts it, e.g. `art. 30 pkt 1`.
        provision: String,
        /// The consolidated text or amending act of the version applied.
        version_source: String,
    },
    /// The law is read two ways for this change and the readings give
    /// different answers: no single date is given ([`Contest`] says both).
    #[error("the deadline of category {category_q} for a change on `{change_date}` is contested: {}", contest.readings(Locale::En), category_q = quote::quoted(.category, Locale::En))]
    ContestedTerm {
        /// The category.
        category: String,
        /// The day of the change.
        change_date: NaiveDate,
        /// The two readings.
        contest: Contest,
    },
    /// The rules file is not valid JSON for the rules format.
    #[error("rules file cannot be read: `{message_q}`", message_q = quote::cut(.message, quote::MAX_QUOTED_TEXT_CHARS, Locale::En))]
    RulesSyntax {
        /// What the JSON parser reported.
        message: String,
    },
    /// The rules text is longer than
    /// [`MAX_RULES_JSON_BYTES`](crate::sio::MAX_RULES_JSON_BYTES); it is
    /// refused before parsing.
    #[error("rules file has {bytes} bytes, more than the limit of {limit}")]
    RulesTooLarge {
        /// The length of the text, in bytes.
        bytes: usize,
        /// The limit, in bytes.
        limit: usize,
    },
    /// The rules file parses but breaks one or more rules; every problem is listed.
    #[error("rules file is invalid: {}", problem_list(.problems, Locale::En))]
    InvalidRules {
        /// Every problem found.
        problems: Vec<String>,
    },
}

impl DeadlineError {
    /// A stable machine code for the error, e.g. `deadline.before_act`.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::DeadlineError;
    /// let e = DeadlineError::UnknownCategory { category: "x".into() };
    /// assert_eq!(e.code(), "deadline.unknown_category");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::DateOutOfRange { .. } => "deadline.date_out_of_range",
            Self::BeforeAct { .. } => "deadline.before_act",
            Self::NoVersionInForce { .. } => "deadline.no_version_in_force",
            Self::UnknownCategory { .. } => "deadline.unknown_category",
            Self::UnknownExceptionTerm { .. } => "deadline.unknown_exception_term",
            Self::ContestedTerm { .. } => "deadline.contested_term",
            Self::RulesSyntax { .. } => "deadline.rules_syntax",
            Self::InvalidRules { .. } => "deadline.invalid_rules",
            Self::RulesTooLarge { .. } => "deadline.rules_too_large",
        }
    }

    /// The message in the given language (English is the `Display` text).
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::{DeadlineError, Locale};
    /// let e = DeadlineError::UnknownCategory { category: "art. 99".into() };
    /// assert!(e.message(Locale::Pl).contains("`art. 99`"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Pl => self.message_pl(),
            Locale::Bg => self.message_bg(),
        }
    }

    fn message_pl(&self) -> String {
        match self {
            Self::DateOutOfRange { date, min, max } => {
                format!("data `{date}` jest poza zakresem kalendarza {min}..={max}")
            }
            Self::BeforeAct { date, applies_from } => format!(
                "data zmiany `{date}` jest wcześniejsza niż stosowanie art. 30 ustawy o SIO (od {applies_from})"
            ),
            Self::NoVersionInForce { date } => {
                format!("żadna wersja art. 30 w regułach nie obowiązuje w dniu `{date}`")
            }
            Self::UnknownCategory { category } => format!(
                "nieznana kategoria danych {}",
                quote::quoted(category, Locale::Pl)
            ),
            Self::UnknownExceptionTerm {
                category,
                provision,
                version_source,
            } => format!(
                "kategoria {} jest wyłączona z terminu 7 dni przez {} ({}), a jej własny termin nie jest zakodowany",
                quote::quoted(category, Locale::Pl),
                quote::cut(provision, quote::MAX_QUOTED_CHARS, Locale::Pl),
                quote::cut(version_source, quote::MAX_QUOTED_CHARS, Locale::Pl)
            ),
            Self::ContestedTerm {
                category,
                change_date,
                contest,
            } => format!(
                "termin kategorii {} dla zmiany z dnia `{change_date}` jest sporny: {}",
                quote::quoted(category, Locale::Pl),
                contest.readings(Locale::Pl)
            ),
            Self::RulesSyntax { message } => format!(
                "nie można odczytać pliku reguł: `{}`",
                quote::cut(message, quote::MAX_QUOTED_TEXT_CHARS, Locale::Pl)
            ),
            Self::RulesTooLarge { bytes, limit } => format!(
                "plik reguł ma {bytes} {}, więcej niż limit {limit}",
                pl_bytes(*bytes)
            ),
            Self::InvalidRules { problems } => format!(
                "plik reguł jest nieprawidłowy: {}",
                problem_list(problems, Locale::Pl)
            ),
        }
    }

    fn message_bg(&self) -> String {
        match self {
            Self::DateOutOfRange { date, min, max } => {
                format!("датата `{date}` е извън обхвата на календара {min}..={max}")
            }
            Self::BeforeAct { date, applies_from } => format!(
                "датата на промяната `{date}` е преди прилагането на чл. 30 от закона за SIO (от {applies_from})"
            ),
            Self::NoVersionInForce { date } => {
                format!("никоя версия на чл. 30 в правилата не е в сила на `{date}`")
            }
            Self::UnknownCategory { category } => {
                format!(
                    "неизвестна категория данни {}",
                    quote::quoted(category, Locale::Bg)
                )
            }
            Self::UnknownExceptionTerm {
                category,
                provision,
                version_source,
            } => format!(
                "категорията {} е изключена от 7-дневния срок с {} ({}) и собственият ѝ срок не е кодиран",
                quote::quoted(category, Locale::Bg),
                quote::cut(provision, quote::MAX_QUOTED_CHARS, Locale::Bg),
                quote::cut(version_source, quote::MAX_QUOTED_CHARS, Locale::Bg)
            ),
            Self::ContestedTerm {
                category,
                change_date,
                contest,
            } => format!(
                "срокът за категория {} при промяна от `{change_date}` е спорен: {}",
                quote::quoted(category, Locale::Bg),
                contest.readings(Locale::Bg)
            ),
            Self::RulesSyntax { message } => {
                format!(
                    "файлът с правила не може да бъде прочетен: `{}`",
                    quote::cut(message, quote::MAX_QUOTED_TEXT_CHARS, Locale::Bg)
                )
            }
            Self::RulesTooLarge { bytes, limit } => format!(
                "файлът с правила има {bytes} {}, повече от границата {limit}",
                if *bytes == 1 {
                    "байт"
                } else {
                    "байта"
                }
            ),
            Self::InvalidRules { problems } => format!(
                "файлът с правила е невалиден: {}",
                problem_list(problems, Locale::Bg)
            ),
        }
    }
}

/// Each problem in backticks, escaped and cut (see [`quote::cut`]).
fn problem_list(problems: &[String], locale: Locale) -> String {
    problems
        .iter()
        .map(|p| format!("`{}`", quote::cut(p, quote::MAX_QUOTED_TEXT_CHARS, locale)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The Polish word for "byte" after `n`: 1 bajt, 2–4 bajty (not 12–14),
/// otherwise bajtów.
fn pl_bytes(n: usize) -> &'static str {
    if n == 1 {
        "bajt"
    } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
        "bajty"
    } else {
        "bajtów"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<DeadlineError> {
        let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        vec![
            DeadlineError::DateOutOfRange {
                date: d,
                min: d,
                max: d,
            },
            DeadlineError::BeforeAct {
                date: d,
                applies_from: d,
            },
            DeadlineError::NoVersionInForce { date: d },
            DeadlineError::UnknownCategory {
                category: "c".into(),
            },
            DeadlineError::UnknownExceptionTerm {
                category: "c".into(),
                provision: "p".into(),
                version_source: "s".into(),
            },
            DeadlineError::RulesSyntax {
                message: "m".into(),
            },
            DeadlineError::InvalidRules {
                problems: vec!["a".into(), "b".into()],
            },
            DeadlineError::ContestedTerm {
                category: "c".into(),
                change_date: d,
                contest: Contest::LowerSecondaryExam { literal_due: d },
            },
            DeadlineError::ContestedTerm {
                category: "c".into(),
                change_date: d,
                contest: Contest::ReplacedBeforeDue {
                    earlier_due: d,
                    replaced_from: d,
                },
            },
            DeadlineError::RulesTooLarge {
                bytes: 1_048_577,
                limit: 1_048_576,
            },
        ]
    }

    #[test]
    fn every_variant_has_a_message_in_every_language_and_a_code() {
        for e in all() {
            for l in [Locale::Pl, Locale::Bg, Locale::En] {
                let m = e.message(l);
                assert!(!m.trim().is_empty(), "{e:?} {l:?}");
                assert!(!m.ends_with('.'), "{m}");
            }
            assert!(e.code().starts_with("deadline."));
        }
    }

    #[test]
    fn polish_plural_of_bytes() {
        assert_eq!(pl_bytes(1), "bajt");
        assert_eq!(pl_bytes(3), "bajty");
        assert_eq!(pl_bytes(13), "bajtów");
        assert_eq!(pl_bytes(1_048_577), "bajtów");
        assert_eq!(pl_bytes(1_048_574), "bajty");
    }

    #[test]
    fn messages_quote_the_input() {
        let e = DeadlineError::UnknownCategory {
            category: "art. 99".into(),
        };
        for l in [Locale::Pl, Locale::Bg, Locale::En] {
            assert!(e.message(l).contains("`art. 99`"));
        }
    }
}
