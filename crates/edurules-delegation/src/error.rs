//! The crate's error type.

use crate::ids::MAX_ID_CHARS;
use crate::locale::{Locale, MAX_LISTED, PROBLEM, n64, quote_clipped};
use crate::policy::PolicyProblem;
use crate::rule::Violation;
use edurules_locale::nouns::CHARACTER;

/// Everything that can go wrong in `edurules-delegation`.
///
/// A decision is not an error: [`crate::Registry::decide`] returns a [`crate::Decision`].
/// Every variant has a stable [`DelegationError::code`] and a [`DelegationError::message`]
/// in each [`Locale`]; `Display` is the English message.
///
/// # Example
/// ```
/// use edurules_delegation::{DelegationError, Locale, Login};
/// let err = Login::new("").unwrap_err();
/// assert_eq!(err.code(), "delegation.invalid_identifier");
/// assert_eq!(err.message(Locale::Pl), "nieprawidłowy login „”: wartość jest pusta");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DelegationError {
    /// A login, entity id, role, permission, document reference or record id is malformed.
    #[error("{}", self.message(Locale::En))]
    InvalidIdentifier {
        /// Which kind of identifier (`login`, `permission`, …): a machine name.
        kind: &'static str,
        /// The rejected text, cut after 64 characters (with `…`).
        value: String,
        /// How many characters the rejected text had.
        chars: usize,
    },
    /// The policy breaks its own rules; every problem is listed.
    #[error("{}", self.message(Locale::En))]
    InvalidPolicy {
        /// Every problem found, each naming its field ([`PolicyProblem::field`]).
        problems: Vec<PolicyProblem>,
    },
    /// A policy or event log could not be read as JSON.
    #[error("{}", self.message(Locale::En))]
    Json {
        /// The parser's explanation, in English, cut after 64 characters.
        reason: String,
        /// The line of the error (from 1; 0 when unknown).
        line: usize,
        /// The column of the error (from 1; 0 when unknown).
        column: usize,
    },
    /// An event was rejected: it breaks one or more rules (and was not written to the log).
    #[error("{}", self.message(Locale::En))]
    Rejected {
        /// Every rule the event breaks.
        violations: Vec<Violation>,
    },
}

impl DelegationError {
    /// The error for a JSON text serde could not read: the parser's English reason kept
    /// (bounded) for the English message, its position for every language.
    pub(crate) fn json(e: &serde_json::Error) -> Self {
        Self::Json {
            reason: edurules_locale::clip(&e.to_string()),
            line: e.line(),
            column: e.column(),
        }
    }

    /// The error for a rejected identifier of `kind`, keeping at most 64 of its characters.
    pub(crate) fn invalid_identifier(kind: &'static str, value: &str) -> Self {
        Self::InvalidIdentifier {
            kind,
            value: edurules_locale::clip(value),
            chars: value.chars().count(),
        }
    }

    /// A stable machine code.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Permission;
    /// assert_eq!(Permission::parse("x").unwrap_err().code(), "delegation.invalid_identifier");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidIdentifier { .. } => "delegation.invalid_identifier",
            Self::InvalidPolicy { .. } => "delegation.invalid_policy",
            Self::Json { .. } => "delegation.json",
            Self::Rejected { .. } => "delegation.rejected",
        }
    }

    /// The message in a language, whole in that language; input is quoted and cut after 64
    /// characters, so a message stays short whatever it was given.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Locale, Login};
    /// let err = Login::new("a b").unwrap_err();
    /// assert_eq!(
    ///     err.message(Locale::En),
    ///     "invalid login “a b”: it may not contain spaces or control characters"
    /// );
    /// let huge = Login::new("x".repeat(100_000)).unwrap_err();
    /// assert!(huge.message(Locale::Pl).ends_with("…”: ma 100\u{a0}000 znaków, a może mieć najwyżej 254 znaki"));
    /// assert!(huge.message(Locale::Pl).len() < 300);
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        match self {
            Self::InvalidIdentifier { kind, value, chars } => {
                identifier_message(l, kind, value, *chars)
            }
            Self::InvalidPolicy { problems } => {
                let mut list = problems
                    .iter()
                    .take(MAX_LISTED)
                    .map(|p| p.message(l))
                    .collect::<Vec<_>>()
                    .join("; ");
                let more = problems.len().saturating_sub(MAX_LISTED);
                if more > 0 {
                    let n = l.count(n64(more), PROBLEM);
                    list.push_str(&l.pick(
                        format!(" (i jeszcze {n})"),
                        format!(" (и още {n})"),
                        format!(
                            " (and {} more {})",
                            l.integer(i128::from(n64(more))),
                            l.noun(n64(more), PROBLEM)
                        ),
                    ));
                }
                l.pick(
                    format!("nieprawidłowa konfiguracja: {list}"),
                    format!("невалидни настройки: {list}"),
                    format!("invalid configuration: {list}"),
                )
            }
            Self::Json {
                reason,
                line,
                column,
            } => {
                let (line_n, col_n) = (
                    l.integer(i128::from(n64(*line))),
                    l.integer(i128::from(n64(*column))),
                );
                let at = if *line == 0 {
                    String::new()
                } else {
                    l.pick(
                        format!(": błąd w wierszu {line_n}, w kolumnie {col_n}"),
                        format!(": грешка на ред {line_n}, колона {col_n}"),
                        format!(" (line {line_n}, column {col_n})"),
                    )
                };
                l.pick(
                    format!("nie można odczytać danych JSON{at}"),
                    format!("данните в JSON не могат да бъдат прочетени{at}"),
                    format!(
                        "cannot read the JSON data{at}: {}",
                        quote_clipped(l, reason, None)
                    ),
                )
            }
            Self::Rejected { violations } => {
                let list = violations
                    .iter()
                    .map(|v| v.message(l))
                    .collect::<Vec<_>>()
                    .join("; ");
                l.pick(
                    format!("zdarzenie odrzucone: {list}"),
                    format!("събитието е отхвърлено: {list}"),
                    format!("event rejected: {list}"),
                )
            }
        }
    }
}

/// The names of the identifier kinds, each language's "invalid …" phrase.
fn invalid_kind(l: Locale, kind: &str) -> &'static str {
    let (pl, bg, en) = match kind {
        "login" => (
            "nieprawidłowy login",
            "невалидно потребителско име",
            "invalid login",
        ),
        "entity id" => (
            "nieprawidłowy identyfikator podmiotu",
            "невалиден идентификатор на институция",
            "invalid institution id",
        ),
        "role" => (
            "nieprawidłowa nazwa roli",
            "невалидно име на роля",
            "invalid role name",
        ),
        "document reference" => (
            "nieprawidłowe oznaczenie dokumentu",
            "невалиден номер на документ",
            "invalid document reference",
        ),
        "appointment id" => (
            "nieprawidłowy identyfikator powierzenia",
            "невалиден идентификатор на назначение",
            "invalid appointment id",
        ),
        "authorization id" => (
            "nieprawidłowy identyfikator upoważnienia",
            "невалиден идентификатор на пълномощно",
            "invalid authorization id",
        ),
        "request id" => (
            "nieprawidłowy identyfikator wniosku",
            "невалиден идентификатор на заявление",
            "invalid application id",
        ),
        "permission" => (
            "nieprawidłowe uprawnienie",
            "невалидно право",
            "invalid permission",
        ),
        _ => (
            "nieprawidłowy identyfikator",
            "невалиден идентификатор",
            "invalid identifier",
        ),
    };
    l.pick(pl, bg, en)
}

fn identifier_message(l: Locale, kind: &str, value: &str, chars: usize) -> String {
    let what = invalid_kind(l, kind);
    // The reason for a value too long says its length; the quote need not count it again.
    let total = (chars <= MAX_ID_CHARS).then_some(chars);
    let quoted = quote_clipped(l, value, total);
    let why = if chars == 0 {
        l.pick(
            "wartość jest pusta",
            "стойността е празна",
            "the value is empty",
        )
        .to_owned()
    } else if chars > MAX_ID_CHARS {
        let (n, max) = (
            l.count(n64(chars), CHARACTER),
            l.count(n64(MAX_ID_CHARS), CHARACTER),
        );
        l.pick(
            format!("ma {n}, a może mieć najwyżej {max}"),
            format!("има {n}, а може да има най-много {max}"),
            format!("it has {n}; at most {max} are allowed"),
        )
    } else if kind == "permission" && value.chars().all(|c| !c.is_control() && !c.is_whitespace()) {
        let (shape, example) = (
            l.quote(l.pick("zbiór:działanie", "набор:действие", "data set:action")),
            l.quote("pupils:modify"),
        );
        l.pick(
            format!("uprawnienie zapisuje się jako {shape}, np. {example}"),
            format!("правото се записва като {shape}, например {example}"),
            format!("a permission is written {shape}, e.g. {example}"),
        )
    } else if kind == "document reference" {
        l.pick(
            "nie może zaczynać się ani kończyć spacją ani zawierać znaków sterujących",
            "не може да започва или завършва с интервал, нито да съдържа управляващи знаци",
            "it may not start or end with a space or contain control characters",
        )
        .to_owned()
    } else {
        l.pick(
            "nie może zawierać odstępów ani znaków sterujących",
            "не може да съдържа интервали или управляващи знаци",
            "it may not contain spaces or control characters",
        )
        .to_owned()
    };
    format!("{what} {quoted}: {why}")
}

impl edurules_locale::Message for DelegationError {
    fn code(&self) -> &'static str {
        DelegationError::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        DelegationError::message(self, locale)
    }
}
