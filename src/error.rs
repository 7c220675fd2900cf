//! [`Error`]: one error type for a caller that uses several crates at once.

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
        }
    }
}
