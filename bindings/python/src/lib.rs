//! The native module `edurules._edurules` behind the Python package
//! `edurules`: one submodule per domain crate, each a thin layer that turns
//! Python values into the crates' types and back. No rule lives here.
//!
//! Errors become `edurules.EdurulesError` (or its subclass for the crate),
//! carrying the stable `code` and the message in the caller's language; see
//! [`errors`].

mod absence;
mod config;
mod convert;
mod deadline;
mod delegation;
mod errors;
mod login;
mod password;

use pyo3::prelude::*;

/// Adds the submodule `name`, filled by `fill`, to `parent`.
fn submodule(
    parent: &Bound<'_, PyModule>,
    name: &str,
    fill: fn(&Bound<'_, PyModule>) -> PyResult<()>,
) -> PyResult<()> {
    let module = PyModule::new(parent.py(), name)?;
    fill(&module)?;
    parent.add_submodule(&module)
}

#[pymodule]
fn _edurules(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    config::register(m)?;
    submodule(m, "login", login::register)?;
    submodule(m, "password", password::register)?;
    submodule(m, "delegation", delegation::register)?;
    submodule(m, "deadline", deadline::register)?;
    submodule(m, "absence", absence::register)?;
    Ok(())
}
