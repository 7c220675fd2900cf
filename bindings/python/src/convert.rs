//! Python values in, Python values out: bounded strings and lists, dates,
//! timezone-aware datetimes, the crates' serde forms as JSON, and the
//! errors of the boundary itself (`input.*`), whole in each language.

use chrono::{DateTime, NaiveDate, Utc};
use edurules::Locale;
use edurules::nouns::{CHARACTER, ITEM};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyString};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::errors::{Kind, details, exception};

/// The longest name, login, identifier or category accepted, in characters.
pub(crate) const MAX_TEXT_CHARS: usize = 4_096;
/// The longest password accepted before the policy's own byte limit, in
/// characters (the crate's highest configurable limit is 65,536 bytes).
pub(crate) const MAX_PASSWORD_CHARS: usize = 65_536;
/// The longest JSON text accepted (an event log, a policy), in characters.
pub(crate) const MAX_JSON_CHARS: usize = 256 << 20;
/// The most items in one list (logins taken, accounts, queries).
pub(crate) const MAX_ITEMS: usize = 1_000_000;

/// A Python int of `v` (the conversion of a `usize` cannot fail).
fn int(py: Python<'_>, v: usize) -> Bound<'_, PyAny> {
    let Ok(o) = v.into_pyobject(py);
    o.into_any()
}

/// `input.too_long`: the argument `what` has `actual` characters, more than `max`.
pub(crate) fn too_long(
    py: Python<'_>,
    what: &str,
    actual: usize,
    max: usize,
    locale: Locale,
) -> PyErr {
    let n = |v: usize| locale.count(u64::try_from(v).unwrap_or(u64::MAX), CHARACTER);
    let message = match locale {
        Locale::Pl => format!(
            "argument `{what}` ma {}, a dopuszczalnie najwyżej {}",
            n(actual),
            n(max)
        ),
        Locale::Bg => format!(
            "аргументът `{what}` има {}, а допустимите са най-много {}",
            n(actual),
            n(max)
        ),
        _ => format!(
            "argument `{what}` has {}, at most {} allowed",
            n(actual),
            n(max)
        ),
    };
    let d = details(
        py,
        &[
            ("argument", PyString::new(py, what).into_any()),
            ("actual", int(py, actual)),
            ("max", int(py, max)),
        ],
    );
    exception(py, Kind::Base, "input.too_long", message, d)
}

/// `input.too_many`: the list `what` has `actual` items, more than `max`.
pub(crate) fn too_many(
    py: Python<'_>,
    what: &str,
    actual: usize,
    max: usize,
    locale: Locale,
) -> PyErr {
    let n = |v: usize| locale.count(u64::try_from(v).unwrap_or(u64::MAX), ITEM);
    let message = match locale {
        Locale::Pl => format!(
            "lista `{what}` ma {}, a dopuszczalnie najwyżej {}",
            n(actual),
            n(max)
        ),
        Locale::Bg => format!(
            "списъкът `{what}` има {}, а допустимите са най-много {}",
            n(actual),
            n(max)
        ),
        _ => format!(
            "list `{what}` has {}, at most {} allowed",
            n(actual),
            n(max)
        ),
    };
    let d = details(
        py,
        &[
            ("argument", PyString::new(py, what).into_any()),
            ("actual", int(py, actual)),
            ("max", int(py, max)),
        ],
    );
    exception(py, Kind::Base, "input.too_many", message, d)
}

/// `input.naive_datetime`: a datetime without a timezone.
fn naive(py: Python<'_>, what: &str, locale: Locale) -> PyErr {
    let message = match locale {
        Locale::Pl => format!(
            "argument `{what}` to data i godzina bez strefy czasowej; podaj ją ze strefą, np. `datetime.now(timezone.utc)`"
        ),
        Locale::Bg => format!(
            "аргументът `{what}` е дата и час без часова зона; подайте ги със зона, напр. `datetime.now(timezone.utc)`"
        ),
        _ => format!(
            "argument `{what}` is a datetime without a timezone; pass an aware one, e.g. `datetime.now(timezone.utc)`"
        ),
    };
    let d = details(py, &[("argument", PyString::new(py, what).into_any())]);
    exception(py, Kind::Base, "input.naive_datetime", message, d)
}

/// `input.invalid_json`: a JSON text or dict that is not the crate's serde
/// form; serde's own (English) words go in `details["reason"]` only.
pub(crate) fn invalid_json(
    py: Python<'_>,
    what: &str,
    error: &serde_json::Error,
    locale: Locale,
) -> PyErr {
    let (line, column) = (error.line(), error.column());
    // A value refused after parsing (a malformed field) has no position.
    let message = match (locale, line) {
        (Locale::Pl, 0) => format!("argument `{what}` nie ma oczekiwanej postaci"),
        (Locale::Bg, 0) => format!("аргументът `{what}` няма очаквания вид"),
        (_, 0) => format!("argument `{what}` does not have the expected form"),
        (Locale::Pl, _) => format!(
            "argument `{what}` nie ma oczekiwanej postaci (wiersz {line}, kolumna {column})"
        ),
        (Locale::Bg, _) => {
            format!("аргументът `{what}` няма очаквания вид (ред {line}, колона {column})")
        }
        _ => format!(
            "argument `{what}` does not have the expected form (line {line}, column {column})"
        ),
    };
    let d = details(
        py,
        &[
            ("argument", PyString::new(py, what).into_any()),
            ("reason", PyString::new(py, &error.to_string()).into_any()),
            ("line", int(py, line)),
            ("column", int(py, column)),
        ],
    );
    exception(py, Kind::Base, "input.invalid_json", message, d)
}

/// The text of a `str` argument, refused past `max` characters before it
/// is copied.
pub(crate) fn text(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    what: &str,
    max: usize,
    locale: Locale,
) -> PyResult<String> {
    let s = value
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("`{what}` must be a str")))?;
    let len = s.len()?;
    if len > max {
        return Err(too_long(py, what, len, max, locale));
    }
    s.to_str().map(str::to_owned)
}

/// A list of strings, each and their number bounded.
pub(crate) fn texts(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    what: &str,
    locale: Locale,
) -> PyResult<Vec<String>> {
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "`{what}` must be a list of str, not a str"
        )));
    }
    let len = value.len()?;
    if len > MAX_ITEMS {
        return Err(too_many(py, what, len, MAX_ITEMS, locale));
    }
    let mut out = Vec::with_capacity(len);
    for item in value.try_iter()? {
        out.push(text(py, &item?, what, MAX_TEXT_CHARS, locale)?);
    }
    Ok(out)
}

/// A `datetime.date` argument; a `datetime.datetime` is refused, so that
/// its time and zone are never dropped silently.
pub(crate) fn date(value: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    if value.is_instance_of::<PyDateTime>() || !value.is_instance_of::<PyDate>() {
        return Err(PyTypeError::new_err(format!(
            "`{what}` must be a datetime.date (not a datetime.datetime)"
        )));
    }
    value.extract()
}

/// A timezone-aware `datetime.datetime` argument as an instant in UTC; a
/// naive one is refused (`input.naive_datetime`), never guessed.
pub(crate) fn instant(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    what: &str,
    locale: Locale,
) -> PyResult<DateTime<Utc>> {
    if !value.is_instance_of::<PyDateTime>() {
        return Err(PyTypeError::new_err(format!(
            "`{what}` must be a datetime.datetime"
        )));
    }
    if value.call_method0("utcoffset")?.is_none() {
        return Err(naive(py, what, locale));
    }
    let utc = py.import("datetime")?.getattr("timezone")?.getattr("utc")?;
    value.call_method1("astimezone", (utc,))?.extract()
}

/// A value of the crates' serde form from a JSON text argument.
pub(crate) fn from_json<T: DeserializeOwned>(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    what: &str,
    locale: Locale,
) -> PyResult<T> {
    let text = text(py, value, what, MAX_JSON_CHARS, locale)?;
    serde_json::from_str(&text).map_err(|e| invalid_json(py, what, &e, locale))
}

/// A crate value as Python data (dicts, lists, str, int, bool, None)
/// through its serde form.
pub(crate) fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// `input.out_of_order`: the argument `later` is before `earlier`.
pub(crate) fn out_of_order(py: Python<'_>, earlier: &str, later: &str, locale: Locale) -> PyErr {
    let message = match locale {
        Locale::Pl => format!("argument `{later}` jest wcześniejszy niż `{earlier}`"),
        Locale::Bg => format!("аргументът `{later}` е по-ранен от `{earlier}`"),
        _ => format!("argument `{later}` is before `{earlier}`"),
    };
    let d = details(
        py,
        &[
            ("argument", PyString::new(py, later).into_any()),
            ("earlier", PyString::new(py, earlier).into_any()),
        ],
    );
    exception(py, Kind::Base, "input.out_of_order", message, d)
}

/// `input.unknown_value`: the argument `what` is none of `allowed`.
pub(crate) fn unknown_value(py: Python<'_>, what: &str, allowed: &[&str], locale: Locale) -> PyErr {
    let list = allowed
        .iter()
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let message = match locale {
        Locale::Pl => format!("argument `{what}` musi mieć jedną z wartości: {list}"),
        Locale::Bg => format!("аргументът `{what}` трябва да е една от стойностите: {list}"),
        _ => format!("argument `{what}` must be one of: {list}"),
    };
    let d = details(
        py,
        &[
            ("argument", PyString::new(py, what).into_any()),
            (
                "allowed",
                pyo3::types::PyList::new(py, allowed)
                    .map(Bound::into_any)
                    .unwrap_or_else(|_| py.None().into_bound(py)),
            ),
        ],
    );
    exception(py, Kind::Base, "input.unknown_value", message, d)
}
