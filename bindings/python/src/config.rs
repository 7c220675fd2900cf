//! `edurules.Config`: every crate's policy in one validated configuration
//! (a preset, or a TOML or JSON text), shared by the modules' functions.

use std::sync::{Arc, OnceLock};

use edurules::RulesConfig;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert;
use crate::errors::from_error;

/// The largest configuration text, in characters (the facade's byte limit).
const MAX_CONFIG_CHARS: usize = 1 << 20;

/// A validated configuration: built once, then passed as `config=` to any
/// function. Immutable, shareable between threads.
#[pyclass(frozen, module = "edurules", name = "Config")]
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) inner: Arc<RulesConfig>,
}

/// The presets, built and validated once per process.
fn presets() -> &'static [(&'static str, Arc<RulesConfig>); 2] {
    static PRESETS: OnceLock<[(&'static str, Arc<RulesConfig>); 2]> = OnceLock::new();
    PRESETS.get_or_init(|| {
        [
            ("poland-sio", Arc::new(RulesConfig::poland_sio())),
            ("bulgaria-isrm", Arc::new(RulesConfig::bulgaria_isrm())),
        ]
    })
}

/// The preset `name`, or `config.unknown_preset`.
fn preset_named(py: Python<'_>, name: &str, loc: edurules::Locale) -> PyResult<Arc<RulesConfig>> {
    if let Some((_, c)) = presets().iter().find(|(n, _)| *n == name) {
        return Ok(Arc::clone(c));
    }
    // The facade's own error, for its code and three languages.
    match RulesConfig::preset(name) {
        Ok(c) => Ok(Arc::new(c)),
        Err(e) => Err(from_error(py, &e, loc)),
    }
}

/// The configuration a function was given: a [`Config`], a preset name,
/// or `None` for `poland-sio`.
pub(crate) fn resolve(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
    loc: edurules::Locale,
) -> PyResult<Arc<RulesConfig>> {
    match config {
        None => preset_named(py, "poland-sio", loc),
        Some(value) => {
            if let Ok(c) = value.cast::<Config>() {
                Ok(Arc::clone(&c.get().inner))
            } else if value.is_instance_of::<PyString>() {
                let name = convert::text(py, value, "config", 64, loc)?;
                preset_named(py, &name, loc)
            } else {
                Err(PyTypeError::new_err(
                    "`config` must be an edurules.Config or a preset name",
                ))
            }
        }
    }
}

/// A configuration parsed and validated, every problem listed.
fn validated(
    py: Python<'_>,
    parsed: Result<RulesConfig, edurules::Error>,
    loc: edurules::Locale,
) -> PyResult<Config> {
    let config = parsed.map_err(|e| from_error(py, &e, loc))?;
    config.validate().map_err(|e| from_error(py, &e, loc))?;
    Ok(Config {
        inner: Arc::new(config),
    })
}

#[pymethods]
impl Config {
    /// The preset `name` (`"poland-sio"`, `"bulgaria-isrm"`).
    #[staticmethod]
    #[pyo3(signature = (name, *, locale = None))]
    fn preset(py: Python<'_>, name: &Bound<'_, PyAny>, locale: Option<&str>) -> PyResult<Self> {
        let loc = crate::errors::locale(py, locale)?;
        let name = convert::text(py, name, "name", 64, loc)?;
        Ok(Self {
            inner: preset_named(py, &name, loc)?,
        })
    }

    /// A configuration from its TOML text, validated.
    #[staticmethod]
    #[pyo3(signature = (text, *, locale = None))]
    fn from_toml(py: Python<'_>, text: &Bound<'_, PyAny>, locale: Option<&str>) -> PyResult<Self> {
        let loc = crate::errors::locale(py, locale)?;
        let text = convert::text(py, text, "text", MAX_CONFIG_CHARS, loc)?;
        validated(py, RulesConfig::from_toml_str(&text), loc)
    }

    /// A configuration from its JSON text, or the same as a dict, validated.
    #[staticmethod]
    #[pyo3(signature = (text, *, locale = None))]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>, locale: Option<&str>) -> PyResult<Self> {
        let loc = crate::errors::locale(py, locale)?;
        let dumped;
        let text = if text.is_instance_of::<PyString>() {
            text
        } else {
            dumped = py.import("json")?.call_method1("dumps", (text,))?;
            &dumped
        };
        let text = convert::text(py, text, "text", MAX_CONFIG_CHARS, loc)?;
        validated(py, RulesConfig::from_json_str(&text), loc)
    }

    /// The names of the presets.
    #[staticmethod]
    fn presets() -> Vec<&'static str> {
        RulesConfig::PRESETS.to_vec()
    }

    /// The configuration's name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// The language of its messages (`"pl"`, `"bg"`, `"en"`).
    #[getter]
    fn locale(&self) -> String {
        self.inner.locale.to_string()
    }

    /// The configuration as TOML.
    #[pyo3(signature = (*, locale = None))]
    fn to_toml(&self, py: Python<'_>, locale: Option<&str>) -> PyResult<String> {
        let loc = crate::errors::locale(py, locale)?;
        self.inner
            .to_toml_string()
            .map_err(|e| from_error(py, &e, loc))
    }

    /// The configuration as Python data (its JSON form): every section
    /// present, e.g. `to_dict()["delegation"]` to adapt a policy.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &*self.inner)
    }

    fn __repr__(&self) -> String {
        format!("Config(name={:?})", self.inner.name)
    }
}

/// Adds `Config` to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Config>()?;
    Ok(())
}
