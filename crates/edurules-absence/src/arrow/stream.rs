//! A stream of Arrow batches folded on several threads: [`Evaluator::accumulate_arrow`].

use std::fmt;

use arrow_array::RecordBatch;
use rayon::prelude::*;

use super::input::{Rows, Scratch};
use crate::engine::Batch;
use crate::{AbsenceError, Accumulator, Evaluator};

/// Rows per slice: a big batch (a whole table in one chunk) is cut so that every thread gets
/// some, and so that the columns read from a slice (about 30 bytes a row, 2 MiB) stay in a
/// core's cache between the passes over them, which 2^20 rows did not.
const SLICE_ROWS: usize = 1 << 16;

/// Slices per thread folded in one block: each thread takes a run of consecutive slices, so
/// that the threads are handed work (and wait for each other) once per 2^20 rows each.
const SLICES_PER_BLOCK: usize = 16;

/// At most this many threads fold one stream.
pub const MAX_STREAM_THREADS: usize = 64;

/// Why [`Evaluator::accumulate_arrow`] stopped: the source failed, or a batch was refused.
/// Either way nothing is returned of the stream. Its `Display` is English; the message of a
/// refused batch in the caller's language is the inner [`AbsenceError`]'s.
///
/// # Example
///
/// See [`Evaluator::accumulate_arrow`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamError<E> {
    /// The source gave `error` instead of its batch at index `batch` (counted from 0); every
    /// batch before it was read without a problem.
    Source {
        /// The index of the batch the source failed to give.
        batch: u64,
        /// The source's error.
        error: E,
    },
    /// The batch at index `batch` was refused; the row in `error` is counted from the start of
    /// that batch. It is the problem of the earliest refused batch (of its earliest refused
    /// slice of 2^16 rows), as [`Accumulator::push_arrow`] finds it, whatever the number of
    /// threads.
    Batch {
        /// The index of the refused batch.
        batch: u64,
        /// Why, with the column and the row.
        error: AbsenceError,
    },
}

impl<E: fmt::Display> fmt::Display for StreamError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Source { batch, error } => write!(f, "batch {batch}: {error}"),
            Self::Batch { batch, error } => write!(f, "batch {batch}: {error}"),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for StreamError<E> {}

/// A slice of a batch of the stream.
struct Slice {
    batch: u64,
    offset: usize,
    rows: RecordBatch,
}

/// What each thread keeps between slices.
struct Slot<'e> {
    /// The thread's own counters, for slices whose pupils come in runs; the first slot's also
    /// take every classified record (made when first needed).
    own: Option<Accumulator<'e>>,
    /// Records of a slice in no pupil order, classified by pupil partition, to be applied to
    /// the first slot's counters partition by partition.
    classified: Batch,
    /// The columns' buffers, reused from slice to slice.
    scratch: Scratch,
}

impl<'a> Evaluator<'a> {
    /// Adds every batch of `batches` (laid out as [`super::record_schema`]) to a new
    /// accumulator, on `threads` threads (1 to [`MAX_STREAM_THREADS`]; 0 counts as 1): the
    /// same counts as [`Accumulator::push_arrow`] on each batch in turn, for records in any
    /// order.
    ///
    /// The batches are read on the calling thread, one after the other, and cut into slices of
    /// 2^16 rows (small batches are taken as they are). Once the slices read hold 2^20 rows per
    /// thread, each thread takes a run of consecutive slices and checks and adds them in turn;
    /// the runs are folded in parallel. A slice whose pupils come in runs (as registers export
    /// them) is folded run by run into its thread's own counters; a slice in no pupil order is
    /// classified by pupil partition and then applied partition by partition, so that each
    /// counter update hits the cache instead of waiting for memory. With one thread, nothing
    /// is handed to another thread but that application. Memory: the counters once per
    /// thread, and per thread about 2^20 rows of batches waiting and of classified records.
    ///
    /// # Errors
    ///
    /// [`StreamError::Batch`] for the earliest refused batch (the errors of
    /// [`Accumulator::push_arrow`], the row counted in that batch); [`StreamError::Source`] when
    /// the source fails, unless a batch before it was refused.
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::Arc;
    /// use edurules_absence::arrow::arrow_array::{ArrayRef, Date32Array, Float64Array, RecordBatch, StringArray, UInt64Array};
    /// use edurules_absence::arrow::StreamError;
    /// use edurules_absence::*;
    ///
    /// let roster = Roster::new(vec![Pupil::new(PupilId(1), SchoolId::new("S"), Level::School)])?;
    /// let planned = Planned::default();
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3)?, &roster, &planned)?;
    /// let day = 20_514; // 2026-03-02, in days since 1970-01-01
    /// let batch = |kind: &str| RecordBatch::try_from_iter([
    ///     ("pupil_id", Arc::new(UInt64Array::from(vec![1, 1])) as ArrayRef),
    ///     ("date", Arc::new(Date32Array::from(vec![day, day]))),
    ///     ("amount", Arc::new(Float64Array::from(vec![21.0, 20.0]))),
    ///     ("kind", Arc::new(StringArray::from(vec!["unexcused", kind]))),
    /// ]).unwrap();
    /// let stream = [Ok::<_, String>(batch("unexcused")), Ok(batch("unexcused"))];
    /// let acc = ev.accumulate_arrow(stream, 2).unwrap();
    /// assert_eq!(ev.evaluate(&acc).selection("bg.isrm.unexcused").count(), 1);
    ///
    /// let stream = [Ok(batch("unexcused")), Ok(batch("sick")), Err("gone".to_owned())];
    /// let Err(StreamError::Batch { batch: 1, error }) = ev.accumulate_arrow(stream, 2) else {
    ///     panic!("the second batch is refused");
    /// };
    /// assert_eq!(error.code(), "absence.arrow_value");
    /// # Ok::<(), AbsenceError>(())
    /// ```
    pub fn accumulate_arrow<E>(
        &self,
        batches: impl IntoIterator<Item = Result<RecordBatch, E>>,
        threads: usize,
    ) -> Result<Accumulator<'_>, StreamError<E>> {
        fold(self, batches.into_iter(), threads, SLICE_ROWS)
    }
}

/// [`Evaluator::accumulate_arrow`] with slices of `slice_rows` rows (small in tests).
pub(crate) fn fold<'e, E>(
    ev: &'e Evaluator<'e>,
    batches: impl Iterator<Item = Result<RecordBatch, E>>,
    threads: usize,
    slice_rows: usize,
) -> Result<Accumulator<'e>, StreamError<E>> {
    let threads = threads.clamp(1, MAX_STREAM_THREADS);
    let slice_rows = slice_rows.max(1);
    let mut folder = Folder {
        ev,
        threads,
        pool: std::cell::OnceCell::new(),
        slots: (0..threads)
            .map(|_| Slot {
                own: None,
                classified: Batch::new(ev),
                scratch: Scratch::default(),
            })
            .collect(),
    };
    // Slices wait until there are rows enough for every thread (small batches, as DuckDB and
    // Polars give them, are taken several at a time), or as many as a bound on their count.
    let block_rows = threads
        .saturating_mul(slice_rows)
        .saturating_mul(SLICES_PER_BLOCK);
    let max_pending = threads.saturating_mul(MAX_SLICES_PER_THREAD);
    let mut pending: Vec<Slice> = Vec::new();
    let mut pending_rows = 0_usize;
    let mut failed = None;
    for (index, item) in (0_u64..).zip(batches) {
        let batch = match item {
            Ok(batch) => batch,
            Err(error) => {
                failed = Some(StreamError::Source {
                    batch: index,
                    error,
                });
                break;
            }
        };
        // An empty batch is checked too (its columns' types).
        let mut offset = 0;
        loop {
            let len = slice_rows.min(batch.num_rows().saturating_sub(offset));
            pending.push(Slice {
                batch: index,
                offset,
                rows: batch.slice(offset, len),
            });
            pending_rows = pending_rows.saturating_add(len);
            if pending_rows >= block_rows || pending.len() >= max_pending {
                folder.block(&pending).map_err(refused)?;
                pending.clear();
                pending_rows = 0;
            }
            offset = offset.saturating_add(len);
            if offset >= batch.num_rows() {
                break;
            }
        }
    }
    // The slices read before a failure of the source come first.
    folder.block(&pending).map_err(refused)?;
    if let Some(failed) = failed {
        return Err(failed);
    }
    Ok(folder.finish())
}

/// At most this many slices per thread wait to be folded (many small batches).
const MAX_SLICES_PER_THREAD: usize = 64;

/// The state of a fold between blocks of slices.
struct Folder<'e> {
    ev: &'e Evaluator<'e>,
    /// The caller's count of threads.
    threads: usize,
    /// The pool of `threads` threads, for the slices and for the application by partition
    /// alike, built when first needed (records grouped by pupil on one thread never need it);
    /// `None` when the system refused threads (then rayon's global pool).
    pool: std::cell::OnceCell<Option<rayon::ThreadPool>>,
    /// One per thread.
    slots: Vec<Slot<'e>>,
}

impl<'e> Folder<'e> {
    /// Checks and adds `slices`, cut into at most one run of consecutive slices per slot,
    /// the runs in parallel; then applies the classified records to the first slot's counters.
    /// On a refused slice nothing is applied, and the error is the one of the first refused
    /// slice.
    fn block(&mut self, slices: &[Slice]) -> Result<(), (u64, AbsenceError)> {
        let groups = groups(slices, self.slots.len());
        if groups.is_empty() {
            return Ok(());
        }
        let ev = self.ev;
        let fold_groups = |slots: &mut [Slot<'e>]| -> Result<bool, (u64, AbsenceError)> {
            if let ([group], [slot, ..]) = (groups.as_slice(), &mut *slots) {
                // One run: on this thread, with no hand-over to the pool.
                return fold_group(ev, group, slot);
            }
            let results: Vec<Result<bool, (u64, AbsenceError)>> = groups
                .par_iter()
                .zip(slots.par_iter_mut())
                .map(|(group, slot)| fold_group(ev, group, slot))
                .collect();
            // The runs are in the order of the stream: the first error is the earliest.
            let classified = results.into_iter().collect::<Result<Vec<bool>, _>>()?;
            Ok(classified.contains(&true))
        };
        let threads = self.threads;
        let pool = || {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .ok()
        };
        let in_pool = if groups.len() > 1 {
            self.pool.get_or_init(pool).as_ref()
        } else {
            None
        };
        let classified_any = match in_pool {
            Some(pool) => pool.install(|| fold_groups(&mut self.slots))?,
            None => fold_groups(&mut self.slots)?,
        };
        if !classified_any {
            return Ok(());
        }
        let mut classified: Vec<Batch> = self
            .slots
            .iter_mut()
            .map(|s| std::mem::take(&mut s.classified))
            .collect();
        // Applied to the first thread's own counters (no thread is folding now): one table of
        // counters fewer than a total of its own.
        let Some(first) = self.slots.first_mut() else {
            return Ok(());
        };
        let total = first.own.get_or_insert_with(|| ev.accumulator());
        match self.pool.get_or_init(pool) {
            Some(pool) => pool.install(|| total.apply_batches(&mut classified)),
            None => total.apply_batches(&mut classified),
        }
        for (slot, mut batch) in self.slots.iter_mut().zip(classified) {
            batch.clear();
            slot.classified = batch;
        }
        Ok(())
    }

    /// The sum of every thread's own counters.
    fn finish(self) -> Accumulator<'e> {
        let mut owns = self.slots.into_iter().filter_map(|s| s.own);
        let Some(mut total) = owns.next() else {
            return self.ev.accumulator();
        };
        for own in owns {
            total.merge(own);
        }
        total
    }
}

/// `slices` cut into at most `parts` runs of consecutive slices with about as many rows each.
fn groups(slices: &[Slice], parts: usize) -> Vec<&[Slice]> {
    let rows: usize = slices.iter().map(|s| s.rows.num_rows()).sum();
    let target = rows.div_ceil(parts.max(1)).max(1);
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut acc) = (0, 0_usize);
    for (i, slice) in slices.iter().enumerate() {
        acc = acc.saturating_add(slice.rows.num_rows());
        // The last run takes whatever is left.
        if acc >= target && out.len() + 1 < parts {
            out.push(slices.get(start..=i).unwrap_or_default());
            start = i + 1;
            acc = 0;
        }
    }
    if start < slices.len() {
        out.push(slices.get(start..).unwrap_or_default());
    }
    out
}

fn refused<E>((batch, error): (u64, AbsenceError)) -> StreamError<E> {
    StreamError::Batch { batch, error }
}

/// Checks and adds the slices of `group` in turn into `slot`; `true` when one was classified.
/// Stops at the first refused slice.
fn fold_group<'e>(
    ev: &'e Evaluator<'e>,
    group: &[Slice],
    slot: &mut Slot<'e>,
) -> Result<bool, (u64, AbsenceError)> {
    let mut classified = false;
    for slice in group {
        classified |= fold_slice(ev, &slice.rows, slot)
            .map_err(|e| (slice.batch, shift_row(e, slice.offset)))?;
    }
    Ok(classified)
}

/// Checks the rows of `slice`, then folds them run by run into the slot's own counters (pupils
/// in runs) or classifies them into its batch (no pupil order; then `true`).
fn fold_slice<'e>(
    ev: &'e Evaluator<'e>,
    slice: &RecordBatch,
    slot: &mut Slot<'e>,
) -> Result<bool, AbsenceError> {
    let rows = Rows::read_in(slice, &mut slot.scratch)?;
    rows.check()?;
    let classified = if rows.grouped() {
        rows.push_into_known(slot.own.get_or_insert_with(|| ev.accumulator()), true);
        false
    } else {
        rows.classify_into(ev, &mut slot.classified);
        true
    };
    rows.recycle(&mut slot.scratch);
    Ok(classified)
}

/// `error`, raised on a slice starting at row `offset` of its batch, with its row counted from
/// the start of the batch.
fn shift_row(mut error: AbsenceError, offset: usize) -> AbsenceError {
    let by = u64::try_from(offset).unwrap_or(u64::MAX);
    match &mut error {
        AbsenceError::ArrowNull { row, .. }
        | AbsenceError::ArrowValue { row, .. }
        | AbsenceError::ArrowRecord { row, .. } => *row = row.saturating_add(by),
        _ => {}
    }
    error
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, Date32Array, Float64Array, StringArray, UInt64Array};

    use super::*;
    use crate::{Level, Planned, Pupil, PupilId, Roster, RuleProfile, SchoolId, Window};

    /// 2018-03-05, in days since 1970-01-01.
    const DAY: i32 = 17_595;

    /// `n` records of pupils 1..=9 in no order, unexcused hours; the record at `late_zero` is a
    /// late arrival of 0 minutes (refused).
    fn batch(n: usize, late_zero: Option<usize>) -> RecordBatch {
        let ids: Vec<u64> = (0..n as u64).map(|i| i * 7 % 9 + 1).collect();
        let kinds: Vec<&str> = (0..n)
            .map(|i| {
                if Some(i) == late_zero {
                    "late"
                } else {
                    "unexcused"
                }
            })
            .collect();
        let amounts: Vec<f64> = (0..n)
            .map(|i| if Some(i) == late_zero { 0.0 } else { 3.0 })
            .collect();
        RecordBatch::try_from_iter([
            ("pupil_id", Arc::new(UInt64Array::from(ids)) as ArrayRef),
            ("date", Arc::new(Date32Array::from(vec![DAY; n]))),
            ("amount", Arc::new(Float64Array::from(amounts))),
            ("kind", Arc::new(StringArray::from(kinds))),
        ])
        .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Pupils 1..=9, of one school.
    fn nine_pupils() -> Roster {
        Roster::new(
            (1..=9)
                .map(|id| Pupil::new(PupilId(id), SchoolId::new("S"), Level::School))
                .collect(),
        )
        .unwrap_or_default()
    }

    /// The window of [`DAY`].
    fn march_2018() -> Window {
        Window::month(2018, 3).unwrap_or_else(|e| panic!("{e}"))
    }

    /// `n` records of pupils 1..=9 in runs (sorted), excused hours.
    fn grouped_batch(n: usize) -> RecordBatch {
        let ids: Vec<u64> = (0..n as u64).map(|i| i * 9 / n as u64 + 1).collect();
        RecordBatch::try_from_iter([
            ("pupil_id", Arc::new(UInt64Array::from(ids)) as ArrayRef),
            ("date", Arc::new(Date32Array::from(vec![DAY; n]))),
            ("amount", Arc::new(Float64Array::from(vec![2.0; n]))),
            ("kind", Arc::new(StringArray::from(vec!["excused"; n]))),
        ])
        .unwrap_or_else(|e| panic!("{e}"))
    }

    /// `n` records of pupils 1..=9 in runs, unexcused whole hours, the kind dictionary-encoded
    /// and the amount an integer: other layouts of the same columns, read into the buffers the
    /// other batches left.
    fn dictionary_batch(n: usize) -> RecordBatch {
        let ids: Vec<u64> = (0..n as u64).map(|i| i * 9 / n as u64 + 1).collect();
        let kinds: arrow_array::DictionaryArray<arrow_array::types::Int8Type> =
            (0..n).map(|_| "unexcused").collect();
        RecordBatch::try_from_iter([
            ("pupil_id", Arc::new(UInt64Array::from(ids)) as ArrayRef),
            ("date", Arc::new(Date32Array::from(vec![DAY; n]))),
            (
                "amount",
                Arc::new(arrow_array::Int64Array::from(vec![1; n])),
            ),
            ("kind", Arc::new(kinds)),
        ])
        .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Slices of `lens` rows, the slice at index i from batch i.
    fn slices_of(lens: &[usize]) -> Vec<Slice> {
        (0_u64..)
            .zip(lens)
            .map(|(batch, &len)| Slice {
                batch,
                offset: 0,
                rows: grouped_batch(len),
            })
            .collect()
    }

    #[test]
    fn runs_of_slices_cover_every_slice_in_order() {
        for lens in [&[][..], &[0], &[5], &[3, 3, 3, 3, 3], &[1, 9, 1, 1, 9, 2]] {
            let slices = slices_of(lens);
            for parts in 1..=4 {
                let runs = groups(&slices, parts);
                assert!(runs.len() <= parts, "{lens:?} in {parts}");
                assert!(runs.iter().all(|r| !r.is_empty()), "{lens:?} in {parts}");
                let order: Vec<u64> = runs
                    .iter()
                    .flat_map(|r| r.iter().map(|s| s.batch))
                    .collect();
                assert_eq!(order, (0..lens.len() as u64).collect::<Vec<_>>());
            }
        }
        // Rows shared about evenly: 15 rows in 3 runs of 6, 6 and 3.
        let runs: Vec<usize> = groups(&slices_of(&[3; 5]), 3)
            .iter()
            .map(|r| r.len())
            .collect();
        assert_eq!(runs, [2, 2, 1]);
        let runs: Vec<usize> = groups(&slices_of(&[8, 1, 1, 1, 1]), 2)
            .iter()
            .map(|r| r.len())
            .collect();
        assert_eq!(runs, [1, 4]);
    }

    #[test]
    fn grouped_and_unordered_batches_of_one_stream_are_all_counted() {
        let (roster, planned) = (nine_pupils(), Planned::default());
        let ev = Evaluator::new(RuleProfile::bg_isrm(), march_2018(), &roster, &planned)
            .unwrap_or_else(|e| panic!("{e}"));
        // Grouped first, so that the threads' own counters exist before classified records
        // are applied to the first one's, and grouped last, after they have been.
        let batches = || {
            [
                grouped_batch(90),
                batch(50, None),
                grouped_batch(45),
                batch(20, None),
                grouped_batch(9),
                dictionary_batch(30),
                batch(7, None),
                dictionary_batch(3),
            ]
        };
        let mut one = ev.accumulator();
        for b in batches() {
            one.push_arrow(&b).unwrap_or_else(|e| panic!("{e}"));
        }
        let expected = ev.evaluate(&one);
        assert_eq!(expected.stats.records, 254);
        for slice_rows in [1, 4, 45, 1000] {
            for threads in [1, 2, 3] {
                let stream = batches().into_iter().map(Ok::<_, ()>);
                let acc =
                    fold(&ev, stream, threads, slice_rows).unwrap_or_else(|e| panic!("{e:?}"));
                assert_eq!(
                    ev.evaluate(&acc),
                    expected,
                    "{slice_rows} rows, {threads} threads"
                );
            }
        }
    }

    #[test]
    fn slices_of_any_size_count_alike_and_name_the_row_in_its_batch() {
        let (roster, planned) = (nine_pupils(), Planned::default());
        let ev = Evaluator::new(RuleProfile::bg_isrm(), march_2018(), &roster, &planned)
            .unwrap_or_else(|e| panic!("{e}"));
        let stream = || (0..3).map(|_| Ok::<_, ()>(batch(100, None)));
        let whole = fold(&ev, stream(), 2, SLICE_ROWS).unwrap_or_else(|e| panic!("{e:?}"));
        let expected = ev.evaluate(&whole);
        assert_eq!(expected.stats.records, 300);
        // 33 or 34 records of 3 hours a pupil: over 40 unexcused hours.
        assert_eq!(expected.selection("bg.isrm.unexcused").count(), 9);
        for slice_rows in [1, 7, 33, 100] {
            for threads in [1, 2, 3] {
                let acc =
                    fold(&ev, stream(), threads, slice_rows).unwrap_or_else(|e| panic!("{e:?}"));
                assert_eq!(
                    ev.evaluate(&acc),
                    expected,
                    "{slice_rows} rows, {threads} threads"
                );
                let bad = [Ok::<_, ()>(batch(100, None)), Ok(batch(100, Some(71)))];
                match fold(&ev, bad.into_iter(), threads, slice_rows) {
                    Err(StreamError::Batch {
                        batch: 1,
                        error: AbsenceError::ArrowRecord { row: 71, .. },
                    }) => {}
                    other => panic!("{slice_rows} rows, {threads} threads: {other:?}"),
                }
            }
        }
    }
}
