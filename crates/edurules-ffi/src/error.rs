//! The crate's error type: what the protocol layer itself refuses, and any
//! error of the rules (`edurules::Error`), each with a stable code and a
//! message in Polish, Bulgarian and English.

use edurules::{Locale, Noun, nouns};

use crate::envelope::{Detail, Failure};

/// Why a call failed.
///
/// # Example
/// ```
/// use edurules::Locale;
/// use edurules_ffi::FfiError;
/// let e = FfiError::UnknownOperation { operation: "x@9".into() };
/// assert_eq!(e.code(), "ffi.unknown_operation");
/// assert_eq!(e.message(Locale::Pl), "Nieznana operacja „x@9”.");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FfiError {
    /// The request is not JSON.
    #[error("{}", self.message(Locale::En))]
    MalformedJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's words (English).
        reason: String,
    },
    /// The request is JSON but a field is missing, unknown or of the wrong type.
    #[error("{}", self.message(Locale::En))]
    InvalidRequest {
        /// Where (`user.login`, `events[2].on`, `.` for the whole request).
        path: String,
        /// The parser's words (English).
        reason: String,
    },
    /// No such operation (or version).
    #[error("{}", self.message(Locale::En))]
    UnknownOperation {
        /// The name given, cut to 64 characters.
        operation: String,
    },
    /// An input longer than the protocol takes.
    #[error("{}", self.message(Locale::En))]
    TooLarge {
        /// Which input (`request`, `operation name`, `configuration`).
        what: &'static str,
        /// Its length.
        actual: usize,
        /// The limit.
        max: usize,
    },
    /// A count larger than the protocol takes (queries, registries).
    #[error("{}", self.message(Locale::En))]
    TooMany {
        /// What is counted (`queries`, `registries`).
        what: &'static str,
        /// How many were given.
        actual: usize,
        /// The limit.
        max: usize,
    },
    /// A required pointer argument was null.
    #[error("{}", self.message(Locale::En))]
    NullPointer {
        /// The argument's name in the header.
        argument: &'static str,
    },
    /// The operation name is not UTF-8.
    #[error("{}", self.message(Locale::En))]
    InvalidUtf8,
    /// No delegation registry of that name is open in the engine.
    #[error("{}", self.message(Locale::En))]
    UnknownRegistry {
        /// The name asked for.
        name: String,
    },
    /// A file named in the request cannot be read.
    #[error("{}", self.message(Locale::En))]
    Io {
        /// The path given.
        path: String,
        /// The system's words (English).
        reason: String,
    },
    /// A bug: a panic was caught, or a result could not be serialized.
    #[error("{}", self.message(Locale::En))]
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

    /// The message for a person, whole in `locale`: input quoted with the
    /// language's marks and bounded, counts with their plural forms; the
    /// parser's and the system's English words stay in the details.
    ///
    /// # Example
    /// ```
    /// use edurules::Locale;
    /// let e = edurules_ffi::FfiError::TooLarge { what: "request", actual: 5, max: 2 };
    /// assert_eq!(e.message(Locale::En), "The request has 5 bytes, more than the 2 bytes allowed.");
    /// assert_eq!(e.message(Locale::Pl), "Żądanie ma 5 bajtów, więcej niż dozwolone 2 bajty.");
    /// assert_eq!(e.message(Locale::Bg), "Заявката е 5 байта, повече от допустимите 2 байта.");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        let count = |n: usize, noun| l.count(u64::try_from(n).unwrap_or(u64::MAX), noun);
        match self {
            Self::MalformedJson { line, column, .. } => {
                let (line, column) = (l.integer(*line as i128), l.integer(*column as i128));
                l.pick(
                    format!(
                        "Żądanie nie jest poprawnym tekstem JSON (wiersz {line}, kolumna {column})."
                    ),
                    format!("Заявката не е валиден текст JSON (ред {line}, колона {column})."),
                    format!("The request is not valid JSON (line {line}, column {column})."),
                )
            }
            Self::InvalidRequest { path, .. } => {
                let field = l.quote(path);
                l.pick(
                    format!("Nieprawidłowe żądanie w polu {field}: brak pola, pole nieznane albo wartość złego typu."),
                    format!("Невалидна заявка в полето {field}: липсващо или непознато поле, или стойност от грешен тип."),
                    format!("Invalid request at the field {field}: a missing or unknown field, or a value of the wrong type."),
                )
            }
            Self::UnknownOperation { operation } => {
                let op = l.quote(operation);
                l.pick(
                    format!("Nieznana operacja {op}."),
                    format!("Непозната операция {op}."),
                    format!("Unknown operation {op}."),
                )
            }
            Self::TooLarge { what, actual, max } => {
                let (n, m) = (count(*actual, nouns::BYTE), count(*max, nouns::BYTE));
                let [pl, bg, en] = input_name(what);
                l.pick(
                    format!("{} ma {n}, więcej niż dozwolone {m}.", capitalized(pl)),
                    format!("{} е {n}, повече от допустимите {m}.", capitalized(bg)),
                    format!("{} has {n}, more than the {m} allowed.", capitalized(en)),
                )
            }
            Self::TooMany { what, actual, max } => {
                let noun = counted_noun(what);
                let (n, m) = (count(*actual, noun), count(*max, noun));
                l.pick(
                    format!("Za dużo: {n}, dozwolone najwyżej {m}."),
                    format!("Твърде много: {n}, допустими са най-много {m}."),
                    format!("Too many: {n}, at most {m} allowed."),
                )
            }
            Self::NullPointer { argument } => {
                let arg = l.quote(argument);
                l.pick(
                    format!("Argument {arg} jest pustym wskaźnikiem (NULL)."),
                    format!("Аргументът {arg} е нулев указател (NULL)."),
                    format!("The argument {arg} is a null pointer (NULL)."),
                )
            }
            Self::InvalidUtf8 => l
                .pick(
                    "Nazwa operacji nie jest tekstem w kodowaniu UTF-8.",
                    "Името на операцията не е текст в кодиране UTF-8.",
                    "The operation name is not UTF-8 text.",
                )
                .to_owned(),
            Self::UnknownRegistry { name } => {
                let name = l.quote(name);
                l.pick(
                    format!("W tym silniku nie otwarto rejestru {name}."),
                    format!("В тази машина няма отворен регистър {name}."),
                    format!("No registry {name} is open in this engine."),
                )
            }
            Self::Io { path, .. } => {
                let path = l.quote(path);
                l.pick(
                    format!("Nie można odczytać pliku {path}."),
                    format!("Файлът {path} не може да бъде прочетен."),
                    format!("Cannot read the file {path}."),
                )
            }
            Self::Internal => l
                .pick(
                    "Błąd wewnętrzny biblioteki edurules.",
                    "Вътрешна грешка в библиотеката.",
                    "Internal error in edurules.",
                )
                .to_owned(),
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

/// The name of a bounded input, in Polish, Bulgarian and English.
fn input_name(what: &str) -> [&'static str; 3] {
    match what {
        "request" => ["żądanie", "заявката", "the request"],
        "operation name" => [
            "nazwa operacji",
            "името на операцията",
            "the operation name",
        ],
        "configuration" => ["konfiguracja", "конфигурацията", "the configuration"],
        "registry name" => ["nazwa rejestru", "името на регистъра", "the registry name"],
        _ => ["dane wejściowe", "входните данни", "the input"],
    }
}

/// The noun a bounded count counts.
fn counted_noun(what: &str) -> Noun {
    match what {
        "queries" => QUERY,
        "accounts" => ACCOUNT,
        "logins" => LOGIN,
        "records" => nouns::RECORD,
        "days" => nouns::DAY,
        "registries" => REGISTRY,
        _ => nouns::ITEM,
    }
}

/// zapytanie / заявка / query.
const QUERY: Noun = Noun::new(
    ["zapytanie", "zapytania", "zapytań", "zapytania"],
    ["заявка", "заявки"],
    ["query", "queries"],
);
/// konto / акаунт / account.
const ACCOUNT: Noun = Noun::new(
    ["konto", "konta", "kont", "konta"],
    ["акаунт", "акаунта"],
    ["account", "accounts"],
);
/// login / потребителско име / login.
const LOGIN: Noun = Noun::new(
    ["login", "loginy", "loginów", "loginu"],
    ["потребителско име", "потребителски имена"],
    ["login", "logins"],
);
/// rejestr / регистър / registry.
const REGISTRY: Noun = Noun::new(
    ["rejestr", "rejestry", "rejestrów", "rejestru"],
    ["регистър", "регистъра"],
    ["registry", "registries"],
);

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl edurules::Message for FfiError {
    fn code(&self) -> &'static str {
        FfiError::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        FfiError::message(self, locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        let e = |actual| FfiError::TooLarge {
            what: "request",
            actual,
            max: 1,
        };
        assert!(e(3).message(Locale::Pl).contains("3 bajty"));
        assert!(e(13).message(Locale::Pl).contains("13 bajtów"));
        assert!(e(22).message(Locale::Pl).contains("22 bajty"));
        assert!(e(2).message(Locale::Bg).contains("2 байта"));
        assert!(e(1).message(Locale::En).contains("1 byte,"));
    }

    #[test]
    fn long_input_is_quoted_bounded() {
        let e = FfiError::UnknownOperation {
            operation: "x".repeat(100_000),
        };
        for l in Locale::ALL {
            assert!(e.message(l).chars().count() < 300, "{l}");
        }
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
        let mut problems = Vec::new();
        for e in &all {
            for l in Locale::ALL {
                let text = e.message(l);
                for p in edurules::lint::problems(l, &text) {
                    problems.push(format!("{} [{l}]: {p}: {text}", e.code()));
                }
            }
            let [pl, bg, en] = [Locale::Pl, Locale::Bg, Locale::En].map(|l| e.message(l));
            assert!(e.code().starts_with("ffi."));
            assert_ne!(pl, en, "{}", e.code());
            assert_ne!(bg, en, "{}", e.code());
            assert!(bg.chars().any(|c| ('а'..='я').contains(&c)), "{bg}");
            assert!(!pl.chars().any(|c| ('а'..='я').contains(&c)), "{pl}");
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
