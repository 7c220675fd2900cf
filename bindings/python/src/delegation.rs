//! `edurules.delegation`: the delegation crate for Python.

use pyo3::prelude::*;

/// Fills the submodule `edurules.delegation`.
pub(crate) fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
