//! `edurules.password`: the password crate for Python.

use pyo3::prelude::*;

/// Fills the submodule `edurules.password`.
pub(crate) fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
