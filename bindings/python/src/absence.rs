//! `edurules.absence`: the absence crate for Python.
//!
//! [`evaluate`] streams any Arrow source (the Arrow PyCapsule interface,
//! `__arrow_c_stream__`: pyarrow, Polars, DuckDB) batch by batch into the
//! crate's stream fold (`Evaluator::accumulate_arrow`, on `threads` threads),
//! with the GIL released while it folds, and returns the crate's report batch as a
//! `pyarrow.Table`. No Python object is made per row. The Python wrapper
//! (`edurules/absence.py`) adds the roster taken from the records' own
//! columns when none is given.

mod input;
mod output;
mod problem;

use edurules::Locale;
use edurules::absence::arrow::{MAX_STREAM_THREADS, StreamError, read_planned, read_roster};
use edurules::absence::{AbsenceError, Evaluator, Planned, Window};
use pyo3::prelude::*;

use crate::errors;

/// Fills the submodule `edurules.absence`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add("PROFILES", input::PROFILES.to_vec())?;
    Ok(())
}

/// The flags of `data` (absence records) against `roster`, under `profile`,
/// over the days of `window` (both ends included), as a `pyarrow.Table`.
///
/// See `edurules/absence.pyi` for the columns and the errors.
#[pyfunction]
#[expect(
    clippy::too_many_arguments,
    reason = "the keyword arguments of one Python function"
)]
#[pyo3(signature = (data, *, roster, window, profile = "bg-isrm", planned = None, locale = None, threads = None))]
fn evaluate<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    roster: &Bound<'py, PyAny>,
    window: &Bound<'py, PyAny>,
    profile: &str,
    planned: Option<&Bound<'py, PyAny>>,
    locale: Option<&str>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let l = errors::locale(py, locale)?;
    let profile = input::profile(py, profile, l)?;
    // `(first, last)`: two `datetime.date`s (chrono's dates, inferred from
    // `Window::school_year`; the facade does not re-export chrono).
    let (first, last) = window.extract()?;
    let window = Window::school_year(first, last).map_err(|e| absence_error(py, &e, l, None))?;
    let roster_batches = input::collect(py, roster, "roster", l)?;
    let roster = read_roster(&roster_batches)
        .map_err(|e| absence_error(py, &e, l, Some(("roster", None))))?;
    drop(roster_batches);
    // The denominators of percentage rules (the Polish rule, chronic absence):
    // a small table, read whole.
    let planned = match planned {
        None => Planned::default(),
        Some(source) => {
            let batches = input::collect(py, source, "planned", l)?;
            read_planned(&batches).map_err(|e| absence_error(py, &e, l, Some(("planned", None))))?
        }
    };
    let ev = Evaluator::new(profile, window, &roster, &planned)
        .map_err(|e| absence_error(py, &e, l, None))?;
    let mut reader = input::stream(py, data, "data", l)?;
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, MAX_STREAM_THREADS);
    // The GIL is released while batches are pulled and folded: a native
    // producer (Polars, DuckDB, a file reader) runs without it, and a
    // Python-generated stream takes it back for itself.
    let folded = py.detach(|| ev.accumulate_arrow(&mut reader, threads));
    let acc = folded.map_err(|e| match e {
        StreamError::Batch { batch, error } => {
            absence_error(py, &error, l, Some(("data", Some(batch))))
        }
        StreamError::Source { error, .. } => problem::raise(
            py,
            &problem::Problem::ArrowStream {
                argument: "data",
                reason: error.to_string(),
            },
            l,
        ),
        // A kind of failure added by a later version of the crate.
        other => problem::raise(
            py,
            &problem::Problem::ArrowStream {
                argument: "data",
                reason: other.to_string(),
            },
            l,
        ),
    })?;
    let report = ev.evaluate(&acc);
    output::table(py, &report, l, threads)
}

/// The crate's error as `edurules.AbsenceError`, with `details`: the
/// argument it came from, the batch, and the column and row it names.
fn absence_error(
    py: Python<'_>,
    error: &AbsenceError,
    locale: Locale,
    origin: Option<(&str, Option<u64>)>,
) -> PyErr {
    let details = problem::details(py, error, origin);
    errors::exception(
        py,
        errors::Kind::Absence,
        edurules::Message::code(error),
        edurules::Message::message(error, locale),
        details.ok(),
    )
}
