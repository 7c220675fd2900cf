//! `edurules.password`: the password crate for Python. Check a candidate,
//! hash and verify (argon2id, without the GIL), change with the stored
//! history, rotation status. No password is ever echoed in a result or an
//! error.

use edurules::Locale;
use edurules::password::{
    AccountState, Normalization, Password, PasswordError, PasswordPolicy, PasswordStatus,
    StoredHash, UserContext, Violation, change_password, check as check_password, hash_password,
    needs_rehash, status as password_status, verify as verify_hash,
};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::config::resolve;
use crate::convert::{self, MAX_PASSWORD_CHARS};
use crate::errors::{Kind, details, exception, from_error};

/// The config's `password` section, or its error.
fn policy(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
    loc: Locale,
) -> PyResult<PasswordPolicy> {
    let rules = resolve(py, config, loc)?;
    rules
        .password()
        .cloned()
        .map_err(|e| from_error(py, &e, loc))
}

/// A password argument, bounded before it is copied.
fn secret(py: Python<'_>, value: &Bound<'_, PyAny>, what: &str, loc: Locale) -> PyResult<Password> {
    Ok(Password::new(convert::text(
        py,
        value,
        what,
        MAX_PASSWORD_CHARS,
        loc,
    )?))
}

/// The owner's context from its JSON serde form, empty when `None`.
fn user(py: Python<'_>, value: Option<&Bound<'_, PyAny>>, loc: Locale) -> PyResult<UserContext> {
    match value {
        None => Ok(UserContext::default()),
        Some(v) => convert::from_json(py, v, "user", loc),
    }
}

/// A stored hash from its JSON serde form (`{"phc": …, "normalization":
/// …}`), a malformed PHC string reported as the crate's `MalformedHash`.
fn stored_hash(py: Python<'_>, value: &Bound<'_, PyAny>, loc: Locale) -> PyResult<StoredHash> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Repr {
        phc: String,
        #[serde(default)]
        normalization: Normalization,
    }
    let repr: Repr = convert::from_json(py, value, "stored", loc)?;
    StoredHash::new(repr.phc, repr.normalization).map_err(|e| error(py, &e, loc))
}

/// One violation as a dict: its serde form (`code` and the rule's
/// figures) plus `message` in `loc`.
fn violation<'py>(py: Python<'py>, v: &Violation, loc: Locale) -> PyResult<Bound<'py, PyAny>> {
    let d = convert::to_py(py, v)?;
    d.set_item("code", v.code())?;
    d.set_item("message", v.message(loc))?;
    Ok(d)
}

/// A password error as `PasswordError` with what a program needs in
/// `details`: the violations of a refused change, the position of a
/// reused password, when a change is allowed again, the byte limit.
fn error(py: Python<'_>, e: &PasswordError, loc: Locale) -> PyErr {
    let extra = (|| -> PyResult<Vec<(&str, Bound<'_, PyAny>)>> {
        Ok(match e {
            PasswordError::Rejected { violations } => {
                let list = PyList::empty(py);
                for v in violations {
                    list.append(violation(py, v, loc)?)?;
                }
                vec![("violations", list.into_any())]
            }
            PasswordError::Reused { position, depth } => vec![
                ("position", position.into_pyobject(py)?.into_any()),
                ("depth", depth.into_pyobject(py)?.into_any()),
            ],
            PasswordError::TooSoon {
                min_age_days,
                allowed_from,
                ..
            } => vec![
                ("min_age_days", min_age_days.into_pyobject(py)?.into_any()),
                ("allowed_from", allowed_from.into_pyobject(py)?.into_any()),
            ],
            PasswordError::InputTooLong { max_bytes, .. } => {
                vec![("max_bytes", max_bytes.into_pyobject(py)?.into_any())]
            }
            _ => Vec::new(),
        })
    })()
    .unwrap_or_default();
    exception(
        py,
        Kind::Password,
        e.code(),
        e.message(loc),
        details(py, &extra),
    )
}

/// `(accepted, violations)`: whether the policy accepts the candidate, and
/// every rule it breaks as dicts with `code` and `message`.
#[pyfunction]
#[pyo3(signature = (password, *, user_json = None, config = None, locale = None))]
fn check<'py>(
    py: Python<'py>,
    password: &Bound<'py, PyAny>,
    user_json: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
    locale: Option<&str>,
) -> PyResult<(bool, Bound<'py, PyList>)> {
    let loc = crate::errors::locale(py, locale)?;
    let candidate = secret(py, password, "password", loc)?;
    let user = user(py, user_json, loc)?;
    let policy = policy(py, config, loc)?;
    let verdict = py.detach(|| check_password(&policy, &candidate, &user));
    let list = PyList::empty(py);
    if let Err(violations) = verdict {
        for v in &violations {
            list.append(violation(py, v, loc)?)?;
        }
    }
    Ok((list.is_empty(), list))
}

/// The stored hash (`{"phc": …, "normalization": …}`) of `password` with
/// the policy's argon2id parameters; the GIL is released while hashing.
#[pyfunction]
#[pyo3(signature = (password, *, config = None, locale = None))]
fn hash<'py>(
    py: Python<'py>,
    password: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
    locale: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let loc = crate::errors::locale(py, locale)?;
    let secret = secret(py, password, "password", loc)?;
    let policy = policy(py, config, loc)?;
    let stored = py
        .detach(|| hash_password(&policy.hashing, &secret))
        .map_err(|e| error(py, &e, loc))?;
    convert::to_py(py, &stored)
}

/// `(valid, needs_rehash)` of `password` against a stored hash (JSON text
/// of its serde form); the GIL is released while hashing.
#[pyfunction]
#[pyo3(signature = (password, stored_json, *, config = None, locale = None))]
fn verify(
    py: Python<'_>,
    password: &Bound<'_, PyAny>,
    stored_json: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    locale: Option<&str>,
) -> PyResult<(bool, bool)> {
    let loc = crate::errors::locale(py, locale)?;
    let secret = secret(py, password, "password", loc)?;
    let stored = stored_hash(py, stored_json, loc)?;
    let policy = policy(py, config, loc)?;
    let valid = match py.detach(|| verify_hash(&stored, &secret)) {
        Ok(()) => true,
        Err(PasswordError::InvalidCredentials) => false,
        Err(e) => return Err(error(py, &e, loc)),
    };
    let rehash = needs_rehash(&stored, &policy.hashing).map_err(|e| error(py, &e, loc))?;
    Ok((valid, rehash))
}

/// The new account state (serde form) after changing `old` to `new` at
/// `now`; the GIL is released while hashing.
#[pyfunction]
#[pyo3(signature = (state_json, old, new, now, *, user_json = None, config = None, locale = None))]
#[expect(clippy::too_many_arguments, reason = "the Python keyword arguments")]
fn change<'py>(
    py: Python<'py>,
    state_json: &Bound<'py, PyAny>,
    old: &Bound<'py, PyAny>,
    new: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
    user_json: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
    locale: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let loc = crate::errors::locale(py, locale)?;
    let state: AccountState = convert::from_json(py, state_json, "state", loc)?;
    let old = secret(py, old, "old", loc)?;
    let new = secret(py, new, "new", loc)?;
    let now = convert::instant(py, now, "now", loc)?;
    let user = user(py, user_json, loc)?;
    let policy = policy(py, config, loc)?;
    let next = py
        .detach(|| change_password(&policy, &state, &old, &new, &user, now))
        .map_err(|e| error(py, &e, loc))?;
    convert::to_py(py, &next)
}

/// A first account state (serde form) for a password hashed at `changed_at`.
#[pyfunction]
#[pyo3(signature = (stored_json, changed_at, *, locale = None))]
fn account_state<'py>(
    py: Python<'py>,
    stored_json: &Bound<'py, PyAny>,
    changed_at: &Bound<'py, PyAny>,
    locale: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let loc = crate::errors::locale(py, locale)?;
    let stored = stored_hash(py, stored_json, loc)?;
    let at = convert::instant(py, changed_at, "changed_at", loc)?;
    convert::to_py(py, &AccountState::new(stored, at))
}

/// What `status` returns.
type StatusTuple<'py> = (
    Bound<'py, PyAny>,
    Bound<'py, PyString>,
    String,
    bool,
    Option<chrono::DateTime<chrono::Utc>>,
    Option<u32>,
);

/// `(status, code, message, requires_change, expires_at, days_left)`: the
/// rotation status of a stored state at `now`; `expires_at` (an aware UTC
/// datetime) is when the password expires or expired, `days_left` only
/// while expiring soon.
#[pyfunction]
#[pyo3(signature = (state_json, now, *, config = None, locale = None))]
fn status<'py>(
    py: Python<'py>,
    state_json: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
    locale: Option<&str>,
) -> PyResult<StatusTuple<'py>> {
    let loc = crate::errors::locale(py, locale)?;
    let state: AccountState = convert::from_json(py, state_json, "state", loc)?;
    let now = convert::instant(py, now, "now", loc)?;
    let policy = policy(py, config, loc)?;
    let s = password_status(&policy, &state, now);
    let (expires_at, days_left) = match s {
        PasswordStatus::Valid { expires_at, .. } => (expires_at, None),
        PasswordStatus::ExpiringSoon {
            expires_at,
            days_left,
            ..
        } => (Some(expires_at), Some(days_left)),
        PasswordStatus::Expired { expired_at, .. } => (Some(expired_at), None),
        _ => (None, None),
    };
    Ok((
        convert::to_py(py, &s)?,
        PyString::new(py, s.code()),
        s.message(loc),
        s.requires_change(),
        expires_at,
        days_left,
    ))
}

/// Fills the submodule `edurules.password`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(hash, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(change, m)?)?;
    m.add_function(wrap_pyfunction!(account_state, m)?)?;
    m.add_function(wrap_pyfunction!(status, m)?)?;
    Ok(())
}
