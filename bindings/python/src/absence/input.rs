//! What `evaluate` takes: a profile by name or as configuration text, and
//! Arrow streams through the PyCapsule interface.

use arrow_array::ffi_stream::RecordBatchStreamReader;
use arrow_array::{RecordBatch, UInt32Array};
use arrow_pyarrow::FromPyArrow;
use std::sync::mpsc;

use edurules::absence::{AbsenceError, Accumulator, Evaluator, RuleProfile};
use edurules::{Locale, RulesConfig};
use pyo3::intern;
use pyo3::prelude::*;

use super::partition::{self, Buckets};
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

/// Why folding a stream stopped.
pub(super) enum Failed {
    /// The producer of the stream failed (its text, in English).
    Stream(String),
    /// The batch of this index (0-based) was refused by the crate; the row
    /// in the error counts from the start of that batch.
    Batch {
        /// Its index in the stream.
        batch: u64,
        /// The first row of the refused slice in that batch (to report the
        /// earliest error whichever thread met it).
        offset: usize,
        /// Why.
        error: AbsenceError,
    },
}

impl Failed {
    /// Where in the stream: a producer's failure after any refused slice.
    fn place(&self) -> (u64, usize) {
        match self {
            Self::Batch { batch, offset, .. } => (*batch, *offset),
            Self::Stream(_) => (u64::MAX, usize::MAX),
        }
    }
}

/// Rows per slice handed to a worker: big batches (a whole Table in one
/// chunk) are cut so that every worker gets some; big enough for the
/// regrouping by pupil range (`partition`) to pay off.
const SLICE_ROWS: usize = 1 << 20;

/// A slice of the stream: the batch it comes from and its first row there.
struct Slice {
    batch: u64,
    offset: usize,
    rows: RecordBatch,
}

/// `error`, raised on a slice starting at `offset` (reordered by `order`
/// when grouped), with its row counted from the start of the batch.
fn shift_row(mut error: AbsenceError, offset: usize, order: Option<&UInt32Array>) -> AbsenceError {
    let by = u64::try_from(offset).unwrap_or(u64::MAX);
    let unorder = |row: u64| -> u64 {
        order
            .and_then(|o| {
                usize::try_from(row)
                    .ok()
                    .filter(|&r| r < o.len())
                    .map(|r| o.value(r))
            })
            .map_or(row, u64::from)
    };
    match &mut error {
        AbsenceError::ArrowNull { row, .. }
        | AbsenceError::ArrowValue { row, .. }
        | AbsenceError::ArrowRecord { row, .. } => *row = unorder(*row).saturating_add(by),
        _ => {}
    }
    error
}

/// The slices of `reader`, in order, to `send` (which says false to stop).
fn split(
    reader: &mut RecordBatchStreamReader,
    send: &mut dyn FnMut(Slice) -> bool,
) -> Result<(), Failed> {
    for (index, batch) in (0_u64..).zip(reader) {
        let batch = batch.map_err(|e| Failed::Stream(e.to_string()))?;
        let mut offset = 0;
        while offset < batch.num_rows() || offset == 0 {
            let len = SLICE_ROWS.min(batch.num_rows().saturating_sub(offset));
            let rows = batch.slice(offset, len);
            if !send(Slice {
                batch: index,
                offset,
                rows,
            }) {
                return Ok(());
            }
            offset = offset.saturating_add(SLICE_ROWS);
        }
    }
    Ok(())
}

fn add(acc: &mut Accumulator<'_>, buckets: Option<&Buckets>, slice: &Slice) -> Result<(), Failed> {
    let grouped = buckets.and_then(|b| partition::group(b, &slice.rows));
    let (rows, order) = match &grouped {
        Some((rows, order)) => (rows, Some(order)),
        None => (&slice.rows, None),
    };
    acc.push_arrow(rows).map_err(|error| Failed::Batch {
        batch: slice.batch,
        offset: slice.offset,
        error: shift_row(error, slice.offset, order),
    })
}

/// Adds every batch of `reader` to a new accumulator of `ev`, on `threads`
/// threads: this one pulls the stream and hands slices round-robin to the
/// workers, each folding into its own accumulator; the others are merged
/// into the first. No batch is kept beyond the two queued per worker.
pub(super) fn fold<'e>(
    reader: &mut RecordBatchStreamReader,
    ev: &'e Evaluator<'_>,
    buckets: Option<Buckets>,
    threads: usize,
) -> Result<Accumulator<'e>, Failed> {
    if threads <= 1 {
        let mut acc = ev.accumulator();
        let mut failed = None;
        split(
            reader,
            &mut |slice| match add(&mut acc, buckets.as_ref(), &slice) {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            },
        )?;
        return failed.map_or(Ok(acc), Err);
    }
    std::thread::scope(|scope| {
        let mut senders = Vec::with_capacity(threads);
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (send, receive) = mpsc::sync_channel::<Slice>(2);
            senders.push(send);
            workers.push(scope.spawn(move || {
                let mut own = ev.accumulator();
                for slice in receive {
                    // On an error the receiver is dropped, which stops the sender.
                    add(&mut own, buckets.as_ref(), &slice)?;
                }
                Ok::<_, Failed>(own)
            }));
        }
        let mut next = 0_usize;
        let pulled = split(reader, &mut |slice| {
            let to = senders.get(next % threads);
            next = next.wrapping_add(1);
            to.is_some_and(|s| s.send(slice).is_ok())
        });
        drop(senders);
        // The first worker's accumulator is the result (an accumulator holds
        // counters for every pupil of the roster: no extra one to zero and merge).
        let mut acc: Option<Accumulator<'e>> = None;
        let mut first: Option<Failed> = None;
        for worker in workers {
            match worker.join() {
                Ok(Ok(own)) => match &mut acc {
                    Some(acc) => acc.merge(own),
                    None => acc = Some(own),
                },
                Ok(Err(e)) => {
                    // The earliest slice's error, whatever thread met it, so
                    // the error does not depend on the number of threads.
                    if first.as_ref().is_none_or(|f| e.place() < f.place()) {
                        first = Some(e);
                    }
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        // A refused slice stops the reading, so it comes before a producer's failure.
        match (first, pulled) {
            (Some(e), _) | (None, Err(e)) => Err(e),
            (None, Ok(())) => Ok(acc.unwrap_or_else(|| ev.accumulator())),
        }
    })
}
