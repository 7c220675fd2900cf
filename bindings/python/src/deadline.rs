//! `edurules.deadline`: the deadline crate for Python. The SIO submission
//! deadline under the rules in force on the day of the change, working days
//! and days off in a range, a civil-code term from an event.

use edurules::Locale;
use edurules::deadline::DeadlineError;
use edurules::deadline::calendar::{DayOff, day_off_reason};
use edurules::deadline::term::{Term, TermUnit, term_end as compute_term_end};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::config::resolve;
use crate::convert::{self, MAX_TEXT_CHARS};
use crate::errors::{Kind, from_error, from_message};

/// The longest range of `calendar`, in days (ten years), as in the FFI.
const MAX_RANGE_DAYS: i64 = 3_660;

/// A deadline error as `DeadlineError`.
fn error(py: Python<'_>, e: &DeadlineError, loc: Locale) -> PyErr {
    from_message(py, Kind::Deadline, e, loc)
}

/// `(due_date, nominal_due, explanation, legal_basis, lateness, details)`
/// of a change of `category` on `change_date`, under the version of art. 30
/// in force that day; `lateness` (a dict) only with `submitted_on`.
#[pyfunction]
#[pyo3(signature = (category, change_date, *, submitted_on = None, config = None, locale = None))]
fn submission<'py>(
    py: Python<'py>,
    category: &Bound<'py, PyAny>,
    change_date: &Bound<'py, PyAny>,
    submitted_on: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
    locale: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let loc = crate::errors::locale(py, locale)?;
    let category = convert::text(py, category, "category", MAX_TEXT_CHARS, loc)?;
    let change = convert::date(change_date, "change_date")?;
    let submitted = submitted_on
        .map(|s| convert::date(s, "submitted_on"))
        .transpose()?;
    let rules_config = resolve(py, config, loc)?;
    let section = rules_config
        .deadline()
        .map_err(|e| from_error(py, &e, loc))?;
    let rules = section.rules().map_err(|e| from_error(py, &e, loc))?;
    let d = rules
        .deadline(&category, change)
        .map_err(|e| error(py, &e, loc))?;
    let lateness = match submitted {
        None => py.None().into_bound(py),
        Some(s) => convert::to_py(py, &d.lateness(s).map_err(|e| error(py, &e, loc))?)?,
    };
    PyTuple::new(
        py,
        [
            d.due_date.into_pyobject(py)?.into_any(),
            d.nominal_due.into_pyobject(py)?.into_any(),
            d.explain(loc).into_pyobject(py)?.into_any(),
            d.legal_basis(loc).into_pyobject(py)?.into_any(),
            lateness,
            convert::to_py(py, &d)?,
        ],
    )
}

/// `(working_days, days_off)` from `start` to `end`, both included (at most
/// 3,660 days): each day off as `(date, reason, holiday, name)`, `reason`
/// `saturday`, `sunday` or `holiday`, `holiday` the holiday's code and
/// `name` its name in `locale` (public holidays only).
#[pyfunction]
#[pyo3(signature = (start, end, *, locale = None))]
fn calendar<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
    locale: Option<&str>,
) -> PyResult<(u32, Bound<'py, PyList>)> {
    let loc = crate::errors::locale(py, locale)?;
    let from = convert::date(start, "start")?;
    let to = convert::date(end, "end")?;
    let span = (to - from).num_days();
    if span < 0 {
        return Err(convert::out_of_order(py, "start", "end", loc));
    }
    if span > MAX_RANGE_DAYS {
        let days = usize::try_from(span.saturating_add(1)).unwrap_or(usize::MAX);
        return Err(convert::too_many(py, "days", days, 3_661, loc));
    }
    let mut working = 0_u32;
    let list = PyList::empty(py);
    for date in from.iter_days().take_while(|d| *d <= to) {
        match day_off_reason(date).map_err(|e| error(py, &e, loc))? {
            None => working = working.saturating_add(1),
            Some(reason) => {
                let (why, holiday, name) = match reason {
                    DayOff::Saturday => ("saturday", py.None().into_bound(py), None),
                    DayOff::Sunday => ("sunday", py.None().into_bound(py), None),
                    DayOff::Holiday(kind) => {
                        ("holiday", convert::to_py(py, &kind)?, Some(kind.name(loc)))
                    }
                    _ => ("other", py.None().into_bound(py), None),
                };
                list.append((date, why, holiday, name))?;
            }
        }
    }
    Ok((working, list))
}

/// `(end, nominal_end, explanation, details)` of a term of `count` `unit`s
/// (`days`, `weeks`, `months`, `years`) from `event` (not counted, art. 111
/// § 2 KC), moved off days off by art. 115 KC.
#[pyfunction]
#[pyo3(signature = (event, count, unit, *, locale = None))]
fn term_end<'py>(
    py: Python<'py>,
    event: &Bound<'py, PyAny>,
    count: u32,
    unit: &Bound<'py, PyAny>,
    locale: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let loc = crate::errors::locale(py, locale)?;
    let event = convert::date(event, "event")?;
    let unit_text = convert::text(py, unit, "unit", 16, loc)?;
    let unit = match unit_text.as_str() {
        "days" => TermUnit::Days,
        "weeks" => TermUnit::Weeks,
        "months" => TermUnit::Months,
        "years" => TermUnit::Years,
        _ => {
            return Err(convert::unknown_value(
                py,
                "unit",
                &["days", "weeks", "months", "years"],
                loc,
            ));
        }
    };
    let end = compute_term_end(event, Term::new(count, unit)).map_err(|e| error(py, &e, loc))?;
    PyTuple::new(
        py,
        [
            end.end.into_pyobject(py)?.into_any(),
            end.nominal_end.into_pyobject(py)?.into_any(),
            end.explain(loc).into_pyobject(py)?.into_any(),
            convert::to_py(py, &end)?,
        ],
    )
}

/// Fills the submodule `edurules.deadline`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(submission, m)?)?;
    m.add_function(wrap_pyfunction!(calendar, m)?)?;
    m.add_function(wrap_pyfunction!(term_end, m)?)?;
    Ok(())
}
