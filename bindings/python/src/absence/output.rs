//! The report as a `pyarrow.Table`: the crate's report batch, plus the legal
//! basis and the sentence of each flag, and the run's counts as metadata.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::LargeStringBuilder;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_pyarrow::{IntoPyArrow, Table};
use edurules::Locale;
use edurules::absence::Report;
use edurules::absence::arrow::arrow_schema::{DataType, Field, Schema};
use edurules::absence::arrow::report_batch;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The columns added to the crate's `report_schema`.
pub(super) const EXTRA: [&str; 2] = ["legal_basis", "message"];

/// The report's counts, as the table's schema metadata (`edurules.records`, …).
fn stats(report: &Report) -> HashMap<String, String> {
    let s = &report.stats;
    [
        ("records", s.records),
        ("counted", s.counted),
        ("not_counted", s.not_counted),
        ("unknown_pupil", s.unknown_pupil),
        ("outside_window", s.outside_window),
        ("late_not_counted", s.late_not_counted),
        ("duplicates", s.duplicates),
    ]
    .into_iter()
    .map(|(k, v)| (format!("edurules.{k}"), v.to_string()))
    .chain([("edurules.profile".to_owned(), report.profile.clone())])
    .collect()
}

/// Reports with fewer flags have their sentences written on one thread.
const PARALLEL_FLAGS: usize = 4096;

/// Each flag's sentence, in the order of the flags, on up to `threads` threads: a report
/// can hold tens of thousands of flags, and their sentences were most of the time spent
/// building the table.
fn messages(report: &Report, l: Locale, threads: usize) -> Vec<String> {
    let flags = report.flags.as_slice();
    let write = |part: &[edurules::absence::Flag]| -> Vec<String> {
        part.iter().map(|f| f.message(l)).collect()
    };
    if threads <= 1 || flags.len() < PARALLEL_FLAGS {
        return write(flags);
    }
    let size = flags.len().div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = flags
            .chunks(size)
            .map(|part| {
                let thread = std::thread::Builder::new().spawn_scoped(s, move || write(part));
                (part, thread.ok())
            })
            .collect();
        // A part whose thread the system refused, or that could not finish (writing a
        // sentence cannot panic), is written here.
        parts
            .into_iter()
            .flat_map(|(part, thread)| {
                thread
                    .and_then(|t| t.join().ok())
                    .unwrap_or_else(|| write(part))
            })
            .collect()
    })
}

/// `report` as a `pyarrow.Table`: one row per finding of each flag; the sentences are
/// written on up to `threads` threads, without the GIL.
pub(super) fn table<'py>(
    py: Python<'py>,
    report: &Report,
    l: Locale,
    threads: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let base = report_batch(report);
    let texts = py.detach(|| messages(report, l, threads));
    let rows = base.num_rows();
    let (mut basis_bytes, mut message_bytes) = (0, 0);
    for (flag, text) in report.flags.iter().zip(&texts) {
        basis_bytes += flag.findings.len() * flag.rule.legal_basis().citation.len();
        message_bytes += flag.findings.len() * text.len();
    }
    let mut basis = LargeStringBuilder::with_capacity(rows, basis_bytes);
    let mut message = LargeStringBuilder::with_capacity(rows, message_bytes);
    for (flag, text) in report.flags.iter().zip(&texts) {
        for _ in flag.findings.iter() {
            basis.append_value(&flag.rule.legal_basis().citation);
            message.append_value(text);
        }
    }
    let mut fields: Vec<Field> = base
        .schema()
        .fields()
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    fields.extend(EXTRA.map(|name| Field::new(name, DataType::LargeUtf8, false)));
    let mut columns: Vec<ArrayRef> = base.columns().to_vec();
    columns.push(Arc::new(basis.finish()));
    columns.push(Arc::new(message.finish()));
    let schema = Arc::new(Schema::new_with_metadata(fields, stats(report)));
    let batch = RecordBatch::try_new(Arc::clone(&schema), columns)
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Table::try_new(vec![batch], schema)
        .map_err(|e| PyValueError::new_err(e.to_string()))?
        .into_pyarrow(py)
}
