//! `edurules.absence`: the absence crate for Python.

use pyo3::prelude::*;

/// Fills the submodule `edurules.absence`.
pub(crate) fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
