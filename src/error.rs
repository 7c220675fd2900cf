//! [`Error`]: one error type for a caller that uses several crates at once,
//! and [`ConfigError`], the errors of loading a [`crate::RulesConfig`].

use std::fmt;

use serde::Serialize;

use crate::{Locale, Message};

pub use crate::config_error::ConfigError;

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
    /// A language name is not `pl`, `bg` or `en` (from `"fr".parse::<Locale>()`).
    #[error(transparent)]
    Locale(#[from] edurules_locale::LocaleError),
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
            Self::Locale(ref e) => e.code(),
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
    /// assert!(err.message(Locale::Pl).starts_with("Nieznany zestaw reguł „atlantis”"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match *self {
            #[cfg(feature = "login")]
            Self::Login(ref e) => e.message(locale),
            #[cfg(feature = "password")]
            Self::Password(ref e) => e.message(locale),
            #[cfg(feature = "delegation")]
            Self::Delegation(ref e) => e.message(locale),
            #[cfg(feature = "deadline")]
            Self::Deadline(ref e) => e.message(locale),
            #[cfg(feature = "absence")]
            Self::Absence(ref e) => e.message(locale),
            Self::Config(ref e) => e.message(locale),
            Self::Locale(ref e) => Message::message(e, locale),
        }
    }
}

impl Message for Error {
    fn code(&self) -> &'static str {
        Error::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        Error::message(self, locale)
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

    /// The problem in `locale`, without the path.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules::{ConfigError, Locale, RulesConfig};
    ///
    /// # #[cfg(feature = "password")] {
    /// let text = RulesConfig::poland_sio().to_toml_string()?.replace("min_length = 8", "min_length = 0");
    /// let err = RulesConfig::from_toml_str(&text).unwrap_err();
    /// let edurules::Error::Config(ConfigError::Invalid { problems }) = err else { unreachable!() };
    /// assert_eq!(problems[0].path, "password.min_length");
    /// assert!(!problems[0].message(Locale::Pl).is_empty());
    /// # }
    /// # Ok::<(), edurules::Error>(())
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let [pl, bg, en] = &self.texts;
        locale.pick(pl, bg, en).clone()
    }

    /// The problem in `locale`, after the quoted path of its field:
    /// `„password.min_length”: …`.
    pub(crate) fn message_at(&self, locale: Locale) -> String {
        format!("{}: {}", locale.quote(&self.path), self.message(locale))
    }
}

impl Message for ConfigProblem {
    fn code(&self) -> &'static str {
        self.code
    }

    fn message(&self, locale: Locale) -> String {
        ConfigProblem::message(self, locale)
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_at(Locale::En))
    }
}
