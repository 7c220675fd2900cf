//! `edurules.login`: the login crate for Python. Normalize, classify,
//! generate against the logins taken, plan a consolidation, PESEL and EGN.

use edurules::Locale;
use edurules::login::{
    Egn, LegacyAccount, LoginError, LoginGenerator, LoginKind, Pesel, classify_with,
    normalize_with, plan_consolidation_with, skeleton_directory,
};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::config::resolve;
use crate::convert::{self, MAX_ITEMS, MAX_TEXT_CHARS};
use crate::errors::{Kind, details, exception, from_error};

/// A login error as `LoginError`, with the figures a program needs in
/// `details`: `position` (1-based), `character`, `suggestion`,
/// `code_point`, `length`/`min`/`max`, `expected`/`found`. The input
/// itself is not repeated (it may be a national id number).
fn error(py: Python<'_>, e: &LoginError, loc: Locale) -> PyErr {
    let mut pairs: Vec<(&str, Bound<'_, PyAny>)> = Vec::new();
    let mut int = |key: &'static str, v: u64| {
        let Ok(o) = v.into_pyobject(py);
        pairs.push((key, o.into_any()));
    };
    let widen = |v: usize| u64::try_from(v).unwrap_or(u64::MAX);
    match e {
        LoginError::TooShort { length, min, .. } => {
            int("length", widen(*length));
            int("min", widen(*min));
        }
        LoginError::TooLong { length, max, .. } => {
            int("length", widen(*length));
            int("max", widen(*max));
        }
        LoginError::InnerWhitespace { position, .. }
        | LoginError::PolishLetter { position, .. }
        | LoginError::AccentedLetter { position, .. }
        | LoginError::Lookalike { position, .. }
        | LoginError::ForbiddenCharacter { position, .. }
        | LoginError::CombiningMark { position, .. }
        | LoginError::InvisibleCharacter { position, .. }
        | LoginError::IdNonDigit { position, .. } => int("position", widen(*position)),
        LoginError::IdLength {
            length, expected, ..
        } => {
            int("length", widen(*length));
            int("expected", widen(*expected));
        }
        LoginError::IdChecksum {
            expected, found, ..
        } => {
            int("expected", u64::from(*expected));
            int("found", u64::from(*found));
        }
        _ => {}
    }
    let chars: [(&str, Option<char>); 2] = match e {
        LoginError::PolishLetter {
            character,
            suggestion,
            ..
        }
        | LoginError::AccentedLetter {
            character,
            suggestion,
            ..
        } => [
            ("character", Some(*character)),
            ("suggestion", Some(*suggestion)),
        ],
        LoginError::Lookalike {
            character,
            looks_like,
            ..
        } => [
            ("character", Some(*character)),
            ("suggestion", Some(*looks_like)),
        ],
        LoginError::ForbiddenCharacter { character, .. }
        | LoginError::CombiningMark { character, .. }
        | LoginError::InvisibleCharacter { character, .. }
        | LoginError::IdNonDigit { character, .. } => {
            [("character", Some(*character)), ("suggestion", None)]
        }
        _ => [("character", None), ("suggestion", None)],
    };
    for (key, c) in chars {
        if let Some(c) = c {
            pairs.push((
                key,
                PyString::new(py, c.encode_utf8(&mut [0; 4])).into_any(),
            ));
        }
    }
    exception(
        py,
        Kind::Login,
        e.code(),
        e.message(loc),
        details(py, &pairs),
    )
}

/// The config's `login` section, or its error.
fn generator_config(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
    loc: Locale,
) -> PyResult<edurules::login::GeneratorConfig> {
    let rules = resolve(py, config, loc)?;
    rules.login().cloned().map_err(|e| from_error(py, &e, loc))
}

/// The login in its canonical form.
#[pyfunction]
#[pyo3(signature = (login, *, config = None, locale = None))]
fn normalize(
    py: Python<'_>,
    login: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    locale: Option<&str>,
) -> PyResult<String> {
    let loc = crate::errors::locale(py, locale)?;
    let login = convert::text(py, login, "login", MAX_TEXT_CHARS, loc)?;
    let generator = generator_config(py, config, loc)?;
    normalize_with(&login, &generator.policy)
        .map(|l| l.as_str().to_owned())
        .map_err(|e| error(py, &e, loc))
}

/// `(kind, code, message)`: `canonical`, `legacy_mixed_case` or `invalid`
/// with the error's code and message.
#[pyfunction]
#[pyo3(signature = (login, *, config = None, locale = None))]
fn classify(
    py: Python<'_>,
    login: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    locale: Option<&str>,
) -> PyResult<(&'static str, Option<&'static str>, Option<String>)> {
    let loc = crate::errors::locale(py, locale)?;
    let login = convert::text(py, login, "login", MAX_TEXT_CHARS, loc)?;
    let generator = generator_config(py, config, loc)?;
    Ok(match classify_with(&login, &generator.policy) {
        LoginKind::Canonical => ("canonical", None, None),
        LoginKind::LegacyMixedCase => ("legacy_mixed_case", None, None),
        LoginKind::Invalid(e) => ("invalid", Some(e.code()), Some(e.message(loc))),
        _ => ("unknown", None, None),
    })
}

/// The first free login for a new person, given the logins already taken.
#[pyfunction]
#[pyo3(signature = (given, surname, taken, *, config = None, locale = None))]
fn generate(
    py: Python<'_>,
    given: &Bound<'_, PyAny>,
    surname: &Bound<'_, PyAny>,
    taken: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    locale: Option<&str>,
) -> PyResult<String> {
    let loc = crate::errors::locale(py, locale)?;
    let given = convert::text(py, given, "given", MAX_TEXT_CHARS, loc)?;
    let surname = convert::text(py, surname, "surname", MAX_TEXT_CHARS, loc)?;
    let taken = convert::texts(py, taken, "taken", loc)?;
    let generator =
        LoginGenerator::new(generator_config(py, config, loc)?).map_err(|e| error(py, &e, loc))?;
    let result = py.detach(|| {
        let directory = skeleton_directory(taken.iter().map(String::as_str));
        generator.generate(&given, &surname, &directory)
    });
    result
        .map(|l| l.as_str().to_owned())
        .map_err(|e| error(py, &e, loc))
}

/// `(plan, message)`: the consolidation plan of one person's legacy
/// accounts (a JSON list of `{login, active, entities}`) in its serde form,
/// and what the person is told.
#[pyfunction]
#[pyo3(signature = (accounts_json, *, config = None, locale = None))]
fn plan_consolidation<'py>(
    py: Python<'py>,
    accounts_json: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyAny>>,
    locale: Option<&str>,
) -> PyResult<(Bound<'py, PyAny>, String)> {
    let loc = crate::errors::locale(py, locale)?;
    let accounts: Vec<LegacyAccount> = convert::from_json(py, accounts_json, "accounts", loc)?;
    if accounts.len() > MAX_ITEMS {
        return Err(convert::too_many(
            py,
            "accounts",
            accounts.len(),
            MAX_ITEMS,
            loc,
        ));
    }
    let generator = generator_config(py, config, loc)?;
    let plan = py.detach(|| plan_consolidation_with(&accounts, &generator.policy));
    Ok((convert::to_py(py, &plan)?, plan.case.message(loc)))
}

/// `(number, birth_date, sex)` of a valid PESEL, or `LoginError`.
#[pyfunction]
#[pyo3(signature = (number, *, locale = None))]
fn pesel<'py>(
    py: Python<'py>,
    number: &Bound<'py, PyAny>,
    locale: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let loc = crate::errors::locale(py, locale)?;
    let number = convert::text(py, number, "number", MAX_TEXT_CHARS, loc)?;
    let p: Pesel = number.parse().map_err(|e: LoginError| error(py, &e, loc))?;
    let sex = convert::to_py(py, &p.sex())?;
    PyTuple::new(
        py,
        [
            convert::to_py(py, &p)?,
            p.birth_date().into_pyobject(py)?.into_any(),
            sex,
        ],
    )
}

/// `(number, birth_date, sex)` of a valid EGN, or `LoginError`.
#[pyfunction]
#[pyo3(signature = (number, *, locale = None))]
fn egn<'py>(
    py: Python<'py>,
    number: &Bound<'py, PyAny>,
    locale: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let loc = crate::errors::locale(py, locale)?;
    let number = convert::text(py, number, "number", MAX_TEXT_CHARS, loc)?;
    let e: Egn = number.parse().map_err(|e: LoginError| error(py, &e, loc))?;
    let sex = convert::to_py(py, &e.sex())?;
    PyTuple::new(
        py,
        [
            convert::to_py(py, &e)?,
            e.birth_date().into_pyobject(py)?.into_any(),
            sex,
        ],
    )
}

/// Fills the submodule `edurules.login`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(generate, m)?)?;
    m.add_function(wrap_pyfunction!(plan_consolidation, m)?)?;
    m.add_function(wrap_pyfunction!(pesel, m)?)?;
    m.add_function(wrap_pyfunction!(egn, m)?)?;
    Ok(())
}
