//! Errors as Python exceptions, and the caller's language.
//!
//! The exception classes are defined in Python (`edurules/_errors.py`), so
//! that they carry typed attributes (`code`, `message`, `details`) and are
//! documented in the stubs; this module only instantiates them.

use edurules::{Locale, Message};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The exception class of each crate, in `edurules._errors`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// `EdurulesError` itself: configuration and language errors.
    Base,
    /// `LoginError`.
    Login,
    /// `PasswordError`.
    Password,
    /// `DelegationError`.
    Delegation,
    /// `DeadlineError`.
    Deadline,
    /// `AbsenceError`.
    Absence,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Self::Base => "EdurulesError",
            Self::Login => "LoginError",
            Self::Password => "PasswordError",
            Self::Delegation => "DelegationError",
            Self::Deadline => "DeadlineError",
            Self::Absence => "AbsenceError",
        }
    }
}

/// A Python exception of `kind` with `code`, `message` and `details`
/// (a dict of what a program needs, e.g. the field or the rule).
pub(crate) fn exception(
    py: Python<'_>,
    kind: Kind,
    code: &str,
    message: String,
    details: Option<Bound<'_, PyDict>>,
) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let class = py.import("edurules._errors")?.getattr(kind.class())?;
        let value = class.call1((code, message, details))?;
        Ok(PyErr::from_value(value))
    })();
    made.unwrap_or_else(|e| e)
}

/// Any crate's error as the exception of `kind`, its message in `locale`.
pub(crate) fn from_message<E: Message>(
    py: Python<'_>,
    kind: Kind,
    error: &E,
    locale: Locale,
) -> PyErr {
    exception(py, kind, error.code(), error.message(locale), None)
}

/// The `locale` argument every function takes: `"pl"`, `"bg"` or `"en"`
/// (a region may follow, `pl-PL`); `None` is English.
pub(crate) fn locale(py: Python<'_>, locale: Option<&str>) -> PyResult<Locale> {
    match locale {
        None => Ok(Locale::En),
        Some(text) => text
            .parse::<Locale>()
            .map_err(|e| from_message(py, Kind::Base, &e, Locale::En)),
    }
}

/// A facade error as the exception of its crate (`config.*` and
/// `locale.*` as `EdurulesError` itself), its message in `locale`.
pub(crate) fn from_error(py: Python<'_>, error: &edurules::Error, locale: Locale) -> PyErr {
    let kind = match error {
        edurules::Error::Login(_) => Kind::Login,
        edurules::Error::Password(_) => Kind::Password,
        edurules::Error::Delegation(_) => Kind::Delegation,
        edurules::Error::Deadline(_) => Kind::Deadline,
        edurules::Error::Absence(_) => Kind::Absence,
        _ => Kind::Base,
    };
    from_message(py, kind, error, locale)
}

/// A Python dict of `pairs`, for an exception's `details`; `None` when a
/// value cannot be converted (the exception is still raised, without them).
pub(crate) fn details<'py>(
    py: Python<'py>,
    pairs: &[(&str, Bound<'py, PyAny>)],
) -> Option<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (key, value) in pairs {
        dict.set_item(*key, value).ok()?;
    }
    Some(dict)
}
