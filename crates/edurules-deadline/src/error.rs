//! The crate's error type; its messages are in [`text`].

mod text;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use edurules_locale::Locale;

use crate::sio::{Contest, RulesProblem};

/// Everything that can go wrong when computing a calendar fact, a term or a
/// submission deadline.
///
/// Every variant has a stable [`code`](DeadlineError::code) and a
/// [`message`](DeadlineError::message) in Polish, Bulgarian and English
/// (`Display` is the English one). Input kept in a variant is bounded (at
/// most 64 characters and `…`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DeadlineError {
    /// The date lies outside the years the calendar covers (1951–2100).
    DateOutOfRange {
        /// The offending date.
        date: NaiveDate,
        /// The first date covered.
        min: NaiveDate,
        /// The last date covered.
        max: NaiveDate,
    },
    /// The change happened before art. 30 of the SIO act applied.
    BeforeAct {
        /// The offending change date.
        date: NaiveDate,
        /// The first day art. 30 applied.
        applies_from: NaiveDate,
    },
    /// No version of art. 30 in the rules covers the date (a caller-supplied
    /// file whose last version has an end date).
    NoVersionInForce {
        /// The offending date.
        date: NaiveDate,
    },
    /// The category is not one the rules know, even ignoring case, spacing,
    /// `_`, `-` and `.`.
    UnknownCategory {
        /// The category as the caller gave it (the message quotes at most
        /// 64 characters of it).
        category: String,
        /// The known categories close to it, at most
        /// [`MAX_SUGGESTIONS`](crate::sio::MAX_SUGGESTIONS), best first;
        /// empty when none is close.
        closest: Vec<String>,
        /// When none is close: the first known category, to show how they
        /// are written.
        example: Option<String>,
        /// How many categories the rules know ([`crate::Rules::categories`]
        /// lists them).
        known: usize,
    },
    /// The category matches several known ones once case and spacing are
    /// ignored; the caller must spell it exactly.
    AmbiguousCategory {
        /// The category as the caller gave it (at most 512 bytes: a longer
        /// text is never compared).
        category: String,
        /// The known categories it matches.
        candidates: Vec<String>,
    },
    /// The version in force excepts the category from the 7-day rule, but
    /// the rules do not encode its own term: the crate will not guess.
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
    ContestedTerm {
        /// The category.
        category: String,
        /// The day of the change.
        change_date: NaiveDate,
        /// The two readings.
        contest: Contest,
    },
    /// The rules file is not valid JSON for the rules format.
    RulesSyntax {
        /// What the JSON parser reported, in English (bounded); only the
        /// English message shows it.
        message: String,
        /// The line of the problem, from 1 (0 if unknown).
        line: usize,
        /// The column of the problem, from 1 (0 if unknown).
        column: usize,
    },
    /// The rules text is longer than
    /// [`MAX_RULES_JSON_BYTES`](crate::sio::MAX_RULES_JSON_BYTES); it is
    /// refused before parsing.
    RulesTooLarge {
        /// The length of the text, in bytes.
        bytes: usize,
        /// The limit, in bytes.
        limit: usize,
    },
    /// The rules file parses but breaks one or more rules; every problem is listed.
    InvalidRules {
        /// Every problem found.
        problems: Vec<RulesProblem>,
    },
    /// A submission dated before the change it reports: there is no sensible
    /// "on time" or "late" to answer.
    SubmittedBeforeChange {
        /// The day the data were sent.
        submitted_on: NaiveDate,
        /// The day the facts changed.
        change_date: NaiveDate,
    },
}

impl DeadlineError {
    /// Every code, in declaration order: for tests that render each one.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::DeadlineError;
    /// assert!(DeadlineError::CODES.contains(&"deadline.submitted_before_change"));
    /// ```
    pub const CODES: [&'static str; 11] = [
        "deadline.date_out_of_range",
        "deadline.before_act",
        "deadline.no_version_in_force",
        "deadline.unknown_category",
        "deadline.ambiguous_category",
        "deadline.unknown_exception_term",
        "deadline.contested_term",
        "deadline.rules_syntax",
        "deadline.rules_too_large",
        "deadline.invalid_rules",
        "deadline.submitted_before_change",
    ];

    /// A stable machine code for the error, e.g. `deadline.before_act`.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::submission_deadline;
    /// let e = submission_deadline("art. 99", chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap()).unwrap_err();
    /// assert_eq!(e.code(), "deadline.unknown_category");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        let i = match self {
            Self::DateOutOfRange { .. } => 0,
            Self::BeforeAct { .. } => 1,
            Self::NoVersionInForce { .. } => 2,
            Self::UnknownCategory { .. } => 3,
            Self::AmbiguousCategory { .. } => 4,
            Self::UnknownExceptionTerm { .. } => 5,
            Self::ContestedTerm { .. } => 6,
            Self::RulesSyntax { .. } => 7,
            Self::RulesTooLarge { .. } => 8,
            Self::InvalidRules { .. } => 9,
            Self::SubmittedBeforeChange { .. } => 10,
        };
        Self::CODES.get(i).copied().unwrap_or("deadline.error")
    }

    /// The message in the given language (English is the `Display` text).
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::{submission_deadline, Locale};
    /// let e = submission_deadline("art. 99", chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap()).unwrap_err();
    /// assert!(e.message(Locale::Pl).starts_with("nieznana kategoria danych „art. 99”"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        text::message(self, locale)
    }
}

impl std::fmt::Display for DeadlineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl edurules_locale::Message for DeadlineError {
    fn code(&self) -> &'static str {
        Self::code(self)
    }
    fn message(&self, locale: Locale) -> String {
        Self::message(self, locale)
    }
}
