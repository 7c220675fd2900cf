//! [`Error`]: one error type for a caller that uses several crates at once,
//! and [`ConfigError`], the errors of loading a [`crate::RulesConfig`].

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::Locale;

/// Any error of the edurules crates, for a caller that composes several of
/// them and wants one `?`-compatible type.
///
/// Each variant wraps a crate's own error unchanged (with `From`), so the
/// crate's stable machine code and its messages in Polish, Bulgarian and
/// English stay available; [`Error::code`] forwards to the crate's code.
///
/// # Example
///
/// ```
/// # #[cfg(feature = "login")] {
/// fn login_of(input: &str) -> Result<edurules::login::Login, edurules::Error> {
///     Ok(edurules::login::normalize(input)?)
/// }
/// assert_eq!(login_of(" jankow1 ").unwrap().as_str(), "JANKOW1");
/// let err = login_of("Łukasz").unwrap_err();
/// assert!(err.code().starts_with("login."));
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error of `edurules::login`.
    #[cfg(feature = "login")]
    #[error(transparent)]
    Login(#[from] edurules_login::LoginError),
    /// An error of `edurules::password`.
    #[cfg(feature = "password")]
    #[error(transparent)]
    Password(#[from] edurules_password::PasswordError),
    /// An error of `edurules::delegation`.
    #[cfg(feature = "delegation")]
    #[error(transparent)]
    Delegation(#[from] edurules_delegation::DelegationError),
    /// An error of `edurules::deadline`.
    #[cfg(feature = "deadline")]
    #[error(transparent)]
    Deadline(#[from] edurules_deadline::DeadlineError),
    /// An error of `edurules::absence`.
    #[cfg(feature = "absence")]
    #[error(transparent)]
    Absence(#[from] edurules_absence::AbsenceError),
    /// A configuration ([`crate::RulesConfig`]) could not be read, or a
    /// preset or locale name is unknown.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

impl Error {
    /// The stable machine code of the wrapped error (`"login.too_short"`, …):
    /// the same string the domain crate's own `code()` gives.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match *self {
            #[cfg(feature = "login")]
            Self::Login(ref e) => e.code(),
            #[cfg(feature = "password")]
            Self::Password(ref e) => e.code(),
            #[cfg(feature = "delegation")]
            Self::Delegation(ref e) => e.code(),
            #[cfg(feature = "deadline")]
            Self::Deadline(ref e) => e.code(),
            #[cfg(feature = "absence")]
            Self::Absence(ref e) => e.code(),
            Self::Config(ref e) => e.code(),
        }
    }

    /// The message for a person in `locale`: the wrapped error's own
    /// Polish, Bulgarian or English text.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules::{Locale, RulesConfig};
    ///
    /// let err = RulesConfig::preset("atlantis").unwrap_err();
    /// assert_eq!(err.code(), "config.unknown_preset");
    /// assert!(err.message(Locale::Pl).contains("nieznany zestaw"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match *self {
            #[cfg(feature = "login")]
            Self::Login(ref e) => e.message(locale.into()),
            #[cfg(feature = "password")]
            Self::Password(ref e) => e.message(locale.into()),
            #[cfg(feature = "delegation")]
            Self::Delegation(ref e) => e.message(locale.into()),
            #[cfg(feature = "deadline")]
            Self::Deadline(ref e) => e.message(locale.into()),
            #[cfg(feature = "absence")]
            Self::Absence(ref e) => e.message(locale.into()),
            Self::Config(ref e) => e.message(locale),
        }
    }
}

/// The format of a configuration text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// TOML (`.toml`).
    Toml,
    /// JSON (`.json`).
    Json,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Toml => "TOML",
            Self::Json => "JSON",
        })
    }
}

/// One problem of a configuration found by a domain crate's own validation,
/// with the path of the field (`password.min_length`) it concerns.
///
/// The message is the crate's: in three languages where the crate gives them
/// (login, password); the crate's English text in every language where it
/// gives only English (delegation, deadline, absence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ConfigProblem {
    /// The dotted path of the field (`password.min_length`), or of the
    /// section (`absence`) when the problem concerns several fields.
    pub path: String,
    /// The crate's stable code of the problem (`policy.min_length_zero`,
    /// `login.invalid_config`, …).
    pub code: &'static str,
    /// The texts in Polish, Bulgarian, English.
    texts: [String; 3],
}

impl ConfigProblem {
    /// A problem with its texts in Polish, Bulgarian and English.
    #[cfg(any(
        feature = "login",
        feature = "password",
        feature = "delegation",
        feature = "deadline",
        feature = "absence"
    ))]
    pub(crate) fn new(path: impl Into<String>, code: &'static str, texts: [String; 3]) -> Self {
        Self {
            path: path.into(),
            code,
            texts,
        }
    }

    /// A problem the crate describes only in English.
    #[cfg(any(feature = "delegation", feature = "deadline", feature = "absence"))]
    pub(crate) fn english(path: impl Into<String>, code: &'static str, text: String) -> Self {
        Self::new(path, code, [text.clone(), text.clone(), text])
    }

    /// The problem in `locale`, without the path.
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let [pl, bg, en] = &self.texts;
        locale.pick(pl, bg, en).clone()
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.path, self.message(Locale::En))
    }
}

/// An error of loading a [`crate::RulesConfig`], or of naming a preset or a
/// locale. Each variant has a stable [`code`](ConfigError::code) and a
/// [`message`](ConfigError::message) in Polish, Bulgarian and English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// No preset has this name (see [`crate::RulesConfig::PRESETS`]).
    #[error("unknown preset `{name}`; the presets are `poland-sio` and `bulgaria-isrm`")]
    UnknownPreset {
        /// The name asked for.
        name: String,
    },
    /// Not `pl`, `bg` or `en`.
    #[error("unknown locale `{locale}`; write `pl`, `bg` or `en`")]
    UnknownLocale {
        /// The text given.
        locale: String,
    },
    /// A file could not be read.
    #[error("cannot read `{}`: {reason}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's explanation.
        reason: String,
    },
    /// The path names something other than a regular file (a directory, a
    /// FIFO, a device), which is not read.
    #[error("`{}` is not a regular file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// A file is larger than [`crate::RulesConfig::MAX_FILE_BYTES`]; it is
    /// not read past the limit.
    #[error("`{}` is larger than {max_bytes} bytes", path.display())]
    FileTooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        max_bytes: u64,
    },
    /// A configuration text is larger than
    /// [`crate::RulesConfig::MAX_FILE_BYTES`]; it is not parsed.
    #[error("the configuration has {bytes} bytes, more than the {max_bytes} allowed")]
    TextTooLarge {
        /// Its length.
        bytes: usize,
        /// The limit.
        max_bytes: u64,
    },
    /// A file is not UTF-8 text.
    #[error("`{}` is not UTF-8 text", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// The configuration has no section for a crate the caller asked for.
    #[error("the configuration has no `{section}` section")]
    MissingSection {
        /// The section's key (`password`).
        section: &'static str,
    },
    /// A configuration file's name ends neither in `.toml` nor in `.json`.
    #[error("`{}` is neither a `.toml` nor a `.json` file", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The text is not a configuration: bad syntax, a value of the wrong
    /// type, a missing or unknown field. `path` names the field.
    #[error("{format} configuration, {}: {reason}", at(path))]
    Syntax {
        /// TOML or JSON.
        format: Format,
        /// The dotted path of the field (`password.min_length`); empty at
        /// the top level.
        path: String,
        /// The parser's explanation (English), with the line where known.
        reason: String,
    },
    /// The configuration parsed but breaks the domain crates' rules; every
    /// problem is listed.
    #[error("invalid configuration: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid {
        /// Every problem found, each with its path.
        problems: Vec<ConfigProblem>,
    },
}

/// `at `password.min_length`` or, for an empty path, `at the top level`.
fn at(path: &str) -> String {
    if path.is_empty() {
        "at the top level".to_owned()
    } else {
        format!("at `{path}`")
    }
}

impl ConfigError {
    /// The stable machine code: `config.unknown_preset`,
    /// `config.unknown_locale`, `config.io`, `config.not_a_file`,
    /// `config.file_too_large`, `config.text_too_large`, `config.not_utf8`,
    /// `config.missing_section`, `config.unknown_format`, `config.syntax` or
    /// `config.invalid`.
    ///
    /// # Example
    ///
    /// ```
    /// let err = edurules::RulesConfig::from_toml_str("colour = 1").unwrap_err();
    /// assert_eq!(err.code(), "config.syntax");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownPreset { .. } => "config.unknown_preset",
            Self::UnknownLocale { .. } => "config.unknown_locale",
            Self::Io { .. } => "config.io",
            Self::NotAFile { .. } => "config.not_a_file",
            Self::FileTooLarge { .. } => "config.file_too_large",
            Self::TextTooLarge { .. } => "config.text_too_large",
            Self::NotUtf8 { .. } => "config.not_utf8",
            Self::MissingSection { .. } => "config.missing_section",
            Self::UnknownFormat { .. } => "config.unknown_format",
            Self::Syntax { .. } => "config.syntax",
            Self::Invalid { .. } => "config.invalid",
        }
    }

    /// The message for a person in `locale`. The parser's and the system's
    /// own explanations (in `Syntax` and `Io`) stay in English.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules::{ConfigError, Locale};
    ///
    /// let err = ConfigError::UnknownLocale { locale: "de".into() };
    /// assert_eq!(err.message(Locale::Pl), "nieznany język `de`; wpisz `pl`, `bg` albo `en`");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Self::UnknownPreset { name } => locale.pick(
                format!("nieznany zestaw reguł `{name}`; dostępne to `poland-sio` i `bulgaria-isrm`"),
                format!("непознат набор от правила `{name}`; наличните са `poland-sio` и `bulgaria-isrm`"),
                self.to_string(),
            ),
            Self::UnknownLocale { locale: l } => locale.pick(
                format!("nieznany język `{l}`; wpisz `pl`, `bg` albo `en`"),
                format!("непознат език `{l}`; напишете `pl`, `bg` или `en`"),
                self.to_string(),
            ),
            Self::Io { path, reason } => {
                let p = path.display();
                locale.pick(
                    format!("nie można odczytać `{p}`: {reason}"),
                    format!("`{p}` не може да бъде прочетен: {reason}"),
                    self.to_string(),
                )
            }
            Self::NotAFile { path } => {
                let p = path.display();
                locale.pick(
                    format!("`{p}` nie jest zwykłym plikiem"),
                    format!("`{p}` не е обикновен файл"),
                    self.to_string(),
                )
            }
            Self::FileTooLarge { path, max_bytes } => {
                let p = path.display();
                locale.pick(
                    format!("plik `{p}` jest większy niż dopuszczalne {max_bytes} B"),
                    format!("файлът `{p}` е по-голям от допустимите {max_bytes} B"),
                    self.to_string(),
                )
            }
            Self::TextTooLarge { bytes, max_bytes } => locale.pick(
                format!("konfiguracja ma {bytes} B, więcej niż dopuszczalne {max_bytes} B"),
                format!("конфигурацията е {bytes} B, повече от допустимите {max_bytes} B"),
                self.to_string(),
            ),
            Self::NotUtf8 { path } => {
                let p = path.display();
                locale.pick(
                    format!("plik `{p}` nie jest tekstem w UTF-8"),
                    format!("файлът `{p}` не е текст в UTF-8"),
                    self.to_string(),
                )
            }
            Self::MissingSection { section } => locale.pick(
                format!("konfiguracja nie ma sekcji `{section}`"),
                format!("конфигурацията няма раздел `{section}`"),
                self.to_string(),
            ),
            Self::UnknownFormat { path } => {
                let p = path.display();
                locale.pick(
                    format!("`{p}` nie jest plikiem `.toml` ani `.json`"),
                    format!("`{p}` не е нито `.toml`, нито `.json` файл"),
                    self.to_string(),
                )
            }
            Self::Syntax {
                format,
                path,
                reason,
            } => {
                let (pl, bg) = if path.is_empty() {
                    ("na najwyższym poziomie".to_owned(), "на най-горното ниво".to_owned())
                } else {
                    (format!("pole `{path}`"), format!("поле `{path}`"))
                };
                locale.pick(
                    format!("konfiguracja {format}, {pl}: {reason}"),
                    format!("конфигурация {format}, {bg}: {reason}"),
                    self.to_string(),
                )
            }
            Self::Invalid { problems } => {
                let list = problems
                    .iter()
                    .map(|p| format!("`{}`: {}", p.path, p.message(locale)))
                    .collect::<Vec<_>>()
                    .join("; ");
                locale.pick(
                    format!("nieprawidłowa konfiguracja: {list}"),
                    format!("невалидна конфигурация: {list}"),
                    format!("invalid configuration: {list}"),
                )
            }
        }
    }
}
