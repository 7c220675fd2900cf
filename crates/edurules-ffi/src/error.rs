//! The crate's error type: what the protocol layer itself refuses, and any
//! error of the rules (`edurules::Error`), each with a stable code and a
//! message in Polish, Bulgarian and English.

use edurules::Locale;

use crate::envelope::{Detail, Failure};

/// Why a call failed.
///
/// # Example
/// ```
/// use edurules::Locale;
/// use edurules_ffi::FfiError;
/// let e = FfiError::UnknownOperation { operation: "x@9".into() };
/// assert_eq!(e.code(), "ffi.unknown_operation");
/// assert_eq!(e.message(Locale::Pl), "nieznana operacja `x@9`");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FfiError {
    /// The request is not JSON.
    #[error("the request is not valid JSON at line {line}, column {column}")]
    MalformedJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's words (English).
        reason: String,
    },
    /// The request is JSON but a field is missing, unknown or of the wrong type.
    #[error("invalid request at `{path}`")]
    InvalidRequest {
        /// Where (`user.login`, `events[2].on`, `.` for the whole request).
        path: String,
        /// The parser's words (English).
        reason: String,
    },
    /// No such operation (or version).
    #[error("unknown operation `{operation}`")]
    UnknownOperation {
        /// The name given, cut to 64 characters.
        operation: String,
    },
    /// An input longer than the protocol takes.
    #[error("the {what} has {actual} bytes, more than the {max} allowed")]
    TooLarge {
        /// Which input (`request`, `operation name`, `configuration`).
        what: &'static str,
        /// Its length.
        actual: usize,
        /// The limit.
        max: usize,
    },
    /// A count larger than the protocol takes (queries, registries).
    #[error("too many {what}: {actual}, at most {max}")]
    TooMany {
        /// What is counted (`queries`, `registries`).
        what: &'static str,
        /// How many were given.
        actual: usize,
        /// The limit.
        max: usize,
    },
    /// A required pointer argument was null.
    #[error("the argument `{argument}` is null")]
    NullPointer {
        /// The argument's name in the header.
        argument: &'static str,
    },
    /// The operation name is not UTF-8.
    #[error("the operation name is not UTF-8")]
    InvalidUtf8,
    /// No delegation registry of that name is open in the engine.
    #[error("no registry `{name}` is open in this engine")]
    UnknownRegistry {
        /// The name asked for.
        name: String,
    },
    /// A file named in the request cannot be read.
    #[error("cannot read `{path}`: {reason}")]
    Io {
        /// The path given.
        path: String,
        /// The system's words (English).
        reason: String,
    },
    /// A bug: a panic was caught, or a result could not be serialized.
    #[error("internal error in edurules")]
    Internal,
    /// An error of the rules.
    #[error(transparent)]
    Rules(#[from] edurules::Error),
}

impl FfiError {
    /// The stable code: `ffi.*` for the protocol's own, the crate's code
    /// (`config.unknown_preset`, `delegation.rejected`, …) for the rules'.
    ///
    /// # Example
    /// ```
    /// let e = edurules_ffi::FfiError::Internal;
    /// assert_eq!(e.code(), "ffi.internal");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::MalformedJson { .. } => "ffi.malformed_json",
            Self::InvalidRequest { .. } => "ffi.invalid_request",
            Self::UnknownOperation { .. } => "ffi.unknown_operation",
            Self::TooLarge { .. } => "ffi.too_large",
            Self::TooMany { .. } => "ffi.too_many",
            Self::NullPointer { .. } => "ffi.null_pointer",
            Self::InvalidUtf8 => "ffi.invalid_utf8",
            Self::UnknownRegistry { .. } => "ffi.unknown_registry",
            Self::Io { .. } => "ffi.io",
            Self::Internal => "ffi.internal",
            Self::Rules(e) => e.code(),
        }
    }

    /// The message for a person, whole in `locale`.
    ///
    /// # Example
    /// ```
    /// use edurules::Locale;
    /// let e = edurules_ffi::FfiError::TooLarge { what: "request", actual: 5, max: 2 };
    /// assert_eq!(e.message(Locale::En), "the request has 5 bytes, more than the 2 allowed");
    /// assert_eq!(e.message(Locale::Pl), "żądanie ma 5 bajtów, więcej niż dozwolone 2");
    /// assert_eq!(e.message(Locale::Bg), "заявката има 5 байта, повече от допустимите 2");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Self::MalformedJson { line, column, .. } => pick(
                locale,
                format!("żądanie nie jest poprawnym JSON (wiersz {line}, kolumna {column})"),
                format!("заявката не е валиден JSON (ред {line}, колона {column})"),
                self.to_string(),
            ),
            Self::InvalidRequest { path, .. } => pick(
                locale,
                format!("nieprawidłowe żądanie w polu `{path}`"),
                format!("невалидна заявка в полето `{path}`"),
                self.to_string(),
            ),
            Self::UnknownOperation { operation } => pick(
                locale,
                format!("nieznana operacja `{operation}`"),
                format!("непозната операция `{operation}`"),
                self.to_string(),
            ),
            Self::TooLarge { what, actual, max } => {
                let (pl, bg) = what_names(what);
                pick(
                    locale,
                    format!(
                        "{pl} ma {actual} {}, więcej niż dozwolone {max}",
                        bytes_pl(*actual)
                    ),
                    format!(
                        "{bg} има {actual} {}, повече от допустимите {max}",
                        bytes_bg(*actual)
                    ),
                    self.to_string(),
                )
            }
            Self::TooMany { what, actual, max } => {
                let (pl, bg) = what_names(what);
                pick(
                    locale,
                    format!("za dużo: {pl} ({actual}), najwyżej {max}"),
                    format!("твърде много: {bg} ({actual}), най-много {max}"),
                    self.to_string(),
                )
            }
            Self::NullPointer { argument } => pick(
                locale,
                format!("argument `{argument}` jest pustym wskaźnikiem (NULL)"),
                format!("аргументът `{argument}` е нулев указател (NULL)"),
                self.to_string(),
            ),
            Self::InvalidUtf8 => pick(
                locale,
                "nazwa operacji nie jest tekstem UTF-8".to_owned(),
                "името на операцията не е текст в UTF-8".to_owned(),
                self.to_string(),
            ),
            Self::UnknownRegistry { name } => pick(
                locale,
                format!("w tym silniku nie otwarto rejestru `{name}`"),
                format!("в тази машина няма отворен регистър `{name}`"),
                self.to_string(),
            ),
            Self::Io { path, .. } => pick(
                locale,
                format!("nie można odczytać `{path}`"),
                format!("`{path}` не може да бъде прочетен"),
                format!("cannot read `{path}`"),
            ),
            Self::Internal => pick(
                locale,
                "błąd wewnętrzny edurules".to_owned(),
                "вътрешна грешка в edurules".to_owned(),
                self.to_string(),
            ),
            Self::Rules(e) => e.message(locale),
        }
    }

    /// The failure of an envelope: code, message in `locale` and details.
    ///
    /// # Example
    /// ```
    /// use edurules::Locale;
    /// let f = edurules_ffi::FfiError::InvalidRequest { path: "at".into(), reason: "bad date".into() }
    ///     .to_failure(Locale::En);
    /// assert_eq!(f.details[0].path.as_deref(), Some("at"));
    /// ```
    #[must_use]
    pub fn to_failure(&self, locale: Locale) -> Failure {
        let failure = Failure::new(self.code(), self.message(locale));
        match self {
            Self::MalformedJson { reason, .. } | Self::Io { reason, .. } => {
                failure.with_detail(Detail::new(self.message(locale)).because(reason.clone()))
            }
            Self::InvalidRequest { path, reason } => failure.with_detail(
                Detail::new(self.message(locale))
                    .at(path.clone())
                    .because(reason.clone()),
            ),
            Self::Rules(e) => crate::details::of_rules(failure, e, locale),
            _ => failure,
        }
    }
}

fn what_names(what: &str) -> (&'static str, &'static str) {
    match what {
        "request" => ("żądanie", "заявката"),
        "operation name" => ("nazwa operacji", "името на операцията"),
        "configuration" => ("konfiguracja", "конфигурацията"),
        "queries" => ("zapytania", "заявки"),
        "accounts" => ("konta", "акаунти"),
        "logins" => ("loginy", "потребителски имена"),
        "records" => ("zapisy", "записи"),
        "days" => ("dni", "дни"),
        "registries" => ("rejestry", "регистри"),
        _ => ("dane wejściowe", "входните данни"),
    }
}

/// Polish plural of "bajt" (CLDR: one, few, many).
fn bytes_pl(n: usize) -> &'static str {
    let (ten, hundred) = (n % 10, n % 100);
    if n == 1 {
        "bajt"
    } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
        "bajty"
    } else {
        "bajtów"
    }
}

/// Bulgarian plural of "байт" (CLDR: one, other; the counted form "байта").
fn bytes_bg(n: usize) -> &'static str {
    if n == 1 { "байт" } else { "байта" }
}

fn pick(locale: Locale, pl: String, bg: String, en: String) -> String {
    match locale {
        Locale::Pl => pl,
        Locale::Bg => bg,
        _ => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        assert_eq!(bytes_pl(1), "bajt");
        assert_eq!(bytes_pl(3), "bajty");
        assert_eq!(bytes_pl(13), "bajtów");
        assert_eq!(bytes_pl(22), "bajty");
        assert_eq!(bytes_pl(25), "bajtów");
        assert_eq!(bytes_bg(1), "байт");
        assert_eq!(bytes_bg(2), "байта");
    }

    #[test]
    fn every_code_has_three_whole_messages() {
        let all = [
            FfiError::MalformedJson {
                line: 1,
                column: 2,
                reason: "x".into(),
            },
            FfiError::InvalidRequest {
                path: "a".into(),
                reason: "x".into(),
            },
            FfiError::UnknownOperation {
                operation: "a".into(),
            },
            FfiError::TooLarge {
                what: "request",
                actual: 3,
                max: 1,
            },
            FfiError::TooMany {
                what: "queries",
                actual: 3,
                max: 1,
            },
            FfiError::NullPointer { argument: "engine" },
            FfiError::InvalidUtf8,
            FfiError::UnknownRegistry { name: "a".into() },
            FfiError::Io {
                path: "a".into(),
                reason: "x".into(),
            },
            FfiError::Internal,
        ];
        for e in &all {
            let [pl, bg, en] = [Locale::Pl, Locale::Bg, Locale::En].map(|l| e.message(l));
            assert!(e.code().starts_with("ffi."));
            assert_ne!(pl, en, "{}", e.code());
            assert_ne!(bg, en, "{}", e.code());
            assert!(bg.chars().any(|c| ('а'..='я').contains(&c)), "{bg}");
            assert!(!pl.chars().any(|c| ('а'..='я').contains(&c)), "{pl}");
        }
    }
}
