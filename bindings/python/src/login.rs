//! `edurules.login`: the login crate for Python.

use pyo3::prelude::*;

/// Fills the submodule `edurules.login`.
pub(crate) fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
