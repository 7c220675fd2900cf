//! The binding's own errors (the input is not Arrow, the profile is unknown,
//! the stream failed), in Polish, Bulgarian and English, and the `details`
//! of the crate's errors.

use edurules::Locale;
use edurules::absence::AbsenceError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::input::PROFILES;
use crate::errors;

/// A problem of the Python layer, before the crate sees any data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// `argument` has no `__arrow_c_stream__` method.
    NotArrow {
        /// `data` or `roster`.
        argument: &'static str,
        /// The Python type found (`builtins.list`).
        type_name: String,
    },
    /// `profile=` is neither a preset's name nor configuration text.
    UnknownProfile {
        /// What was given.
        name: String,
    },
    /// The producer of an Arrow stream failed.
    ArrowStream {
        /// `data` or `roster`.
        argument: &'static str,
        /// The producer's text (English, shown only in the English message).
        reason: String,
    },
}

impl edurules::Message for Problem {
    fn code(&self) -> &'static str {
        match self {
            Self::NotArrow { .. } => "python.not_arrow",
            Self::UnknownProfile { .. } => "python.unknown_profile",
            Self::ArrowStream { .. } => "python.arrow_stream",
        }
    }

    fn message(&self, l: Locale) -> String {
        match self {
            Self::NotArrow {
                argument,
                type_name,
            } => {
                let (a, t, m) = (
                    l.quote(argument),
                    l.quote(type_name),
                    l.quote("__arrow_c_stream__"),
                );
                l.pick(
                    format!(
                        "Argument {a} nie zawiera danych w formacie „Arrow”: obiekt typu {t} nie ma metody {m}. Podaj tabelę „pyarrow.Table”, ramkę „polars.DataFrame” albo wynik zapytania „duckdb”."
                    ),
                    format!(
                        "Аргументът {a} не съдържа данни във формат „Arrow“: обект от тип {t} няма метод {m}. Подайте таблица „pyarrow.Table“, „polars.DataFrame“ или резултат от заявка на „duckdb“."
                    ),
                    format!(
                        "Argument {a} holds no Arrow data: an object of type {t} has no {m} method. Pass a pyarrow Table, a Polars DataFrame or a DuckDB query result."
                    ),
                )
            }
            Self::UnknownProfile { name } => {
                let n = l.quote(name);
                let presets = l.quote_list(PROFILES);
                l.pick(
                    format!(
                        "{n} nie jest nazwą profilu reguł ani konfiguracją w formacie „TOML” lub „JSON”; profile wbudowane to {presets}."
                    ),
                    format!(
                        "{n} не е име на профил с правила, нито конфигурация във формат „TOML“ или „JSON“; вградените профили са {presets}."
                    ),
                    format!(
                        "{n} is neither the name of a rule profile nor a configuration in TOML or JSON; the built-in profiles are {presets}."
                    ),
                )
            }
            Self::ArrowStream { argument, reason } => {
                let a = l.quote(argument);
                l.pick(
                    format!(
                        "Nie udało się odczytać kolejnej porcji danych w formacie „Arrow” z argumentu {a}."
                    ),
                    format!(
                        "Следващата порция данни във формат „Arrow“ от аргумента {a} не можа да бъде прочетена."
                    ),
                    format!(
                        "The next batch of Arrow data of argument {a} could not be read: {}.",
                        l.quote(producer_words(reason))
                    ),
                )
            }
        }
    }
}

/// The producer's own words in the text of a failed stream: after Arrow's
/// "Producer error: " preamble, up to the end of the first line.
fn producer_words(reason: &str) -> &str {
    let words = reason
        .split_once("Producer error: ")
        .map_or(reason, |(_, after)| after);
    words.lines().next().unwrap_or(words)
}

/// `problem` as `edurules.AbsenceError`, with the argument in `details`.
pub(super) fn raise(py: Python<'_>, problem: &Problem, l: Locale) -> PyErr {
    let details = (|| -> PyResult<Bound<'_, PyDict>> {
        let d = PyDict::new(py);
        match problem {
            Problem::NotArrow {
                argument,
                type_name,
            } => {
                d.set_item("argument", argument)?;
                d.set_item("type", type_name)?;
            }
            Problem::UnknownProfile { name } => {
                d.set_item("argument", "profile")?;
                d.set_item("profiles", PROFILES.to_vec())?;
                d.set_item("value", clip(name))?;
            }
            Problem::ArrowStream { argument, reason } => {
                d.set_item("argument", argument)?;
                d.set_item("reason", reason)?;
            }
        }
        Ok(d)
    })();
    errors::exception(
        py,
        errors::Kind::Absence,
        edurules::Message::code(problem),
        edurules::Message::message(problem, l),
        details.ok(),
    )
}

/// At most 64 characters of a value echoed in `details`.
fn clip(text: &str) -> String {
    text.chars().take(64).collect()
}

/// The `details` of a crate error: the argument and batch it came from, and
/// the column, row and value it names.
pub(super) fn details<'py>(
    py: Python<'py>,
    error: &AbsenceError,
    origin: Option<(&str, Option<u64>)>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    if let Some((argument, batch)) = origin {
        d.set_item("argument", argument)?;
        if let Some(batch) = batch {
            d.set_item("batch", batch)?;
        }
    }
    match error {
        AbsenceError::ArrowMissingColumn { column } => {
            d.set_item("column", column)?;
        }
        AbsenceError::ArrowColumnType {
            column,
            found,
            expected,
        } => {
            d.set_item("column", column)?;
            d.set_item("found", found)?;
            d.set_item("expected", expected)?;
        }
        AbsenceError::ArrowNull { column, row } => {
            d.set_item("column", column)?;
            d.set_item("row", row)?;
        }
        AbsenceError::ArrowValue {
            column, row, value, ..
        } => {
            d.set_item("column", column)?;
            d.set_item("row", row)?;
            d.set_item("value", clip(value))?;
        }
        AbsenceError::ArrowRecord { row, problem } => {
            d.set_item("row", row)?;
            d.set_item("problem", edurules::Message::code(problem.as_ref()))?;
        }
        AbsenceError::DuplicatePupil { pupil } => {
            d.set_item("pupil_id", pupil.0)?;
        }
        _ => {}
    }
    Ok(d)
}
