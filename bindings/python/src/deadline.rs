//! `edurules.deadline`: the deadline crate for Python.

use pyo3::prelude::*;

/// Fills the submodule `edurules.deadline`.
pub(crate) fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
