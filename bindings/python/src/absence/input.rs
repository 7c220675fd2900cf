//! What `evaluate` takes: a profile by name or as configuration text, and
//! Arrow streams through the PyCapsule interface.

use arrow_array::RecordBatch;
use arrow_array::ffi_stream::RecordBatchStreamReader;
use arrow_pyarrow::FromPyArrow;

use edurules::absence::RuleProfile;
use edurules::{Locale, RulesConfig};
use pyo3::intern;
use pyo3::prelude::*;

use super::problem::{self, Problem};
use crate::errors;

/// The names of the crate's presets, as `profile=` takes them.
pub(super) const PROFILES: [&str; 3] = ["bg-isrm", "pl-compulsory-schooling", "chronic-absence"];

/// The profile named `text`, or the `[absence]` section of `text` read as an
/// edurules configuration (JSON when it starts with `{`, TOML otherwise).
pub(super) fn profile(py: Python<'_>, text: &str, l: Locale) -> PyResult<RuleProfile> {
    match text {
        "bg-isrm" => return Ok(RuleProfile::bg_isrm()),
        "pl-compulsory-schooling" => return Ok(RuleProfile::pl_compulsory_schooling()),
        "chronic-absence" => return Ok(RuleProfile::chronic_absence()),
        _ => {}
    }
    let trimmed = text.trim_start();
    let config = if trimmed.starts_with('{') {
        RulesConfig::from_json_str(text)
    } else if text.contains('\n') || text.contains('=') || trimmed.starts_with('[') {
        RulesConfig::from_toml_str(text)
    } else {
        let name = text.to_owned();
        return Err(problem::raise(py, &Problem::UnknownProfile { name }, l));
    };
    config
        .and_then(|c| c.absence().cloned())
        .map_err(|e| errors::from_message(py, errors::Kind::Absence, &e, l))
}

/// The Arrow stream of `source` (any object with `__arrow_c_stream__`).
pub(super) fn stream(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    argument: &'static str,
    l: Locale,
) -> PyResult<RecordBatchStreamReader> {
    if !source.hasattr(intern!(py, "__arrow_c_stream__"))? {
        let type_name = source
            .get_type()
            .fully_qualified_name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        return Err(problem::raise(
            py,
            &Problem::NotArrow {
                argument,
                type_name,
            },
            l,
        ));
    }
    RecordBatchStreamReader::from_pyarrow_bound(source).map_err(|e| {
        let reason = e.to_string();
        problem::raise(py, &Problem::ArrowStream { argument, reason }, l)
    })
}

/// Every batch of `source`: for the roster, which must be whole before the
/// records are read.
pub(super) fn collect(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    argument: &'static str,
    l: Locale,
) -> PyResult<Vec<RecordBatch>> {
    let reader = stream(py, source, argument, l)?;
    let batches: Result<Vec<RecordBatch>, _> = py.detach(|| reader.collect());
    batches.map_err(|e| {
        let reason = e.to_string();
        problem::raise(py, &Problem::ArrowStream { argument, reason }, l)
    })
}
