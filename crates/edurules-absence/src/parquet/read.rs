//! Opening a Parquet input (its metadata, the columns to read) and reading its row groups on
//! several threads.

use std::fs::File;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema};
use bytes::Bytes;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};
use parquet::errors::ParquetError;
use parquet::file::reader::{ChunkReader, Length};

use super::{BATCH_ROWS, ParquetSummary};
use crate::arrow::Rows;
use crate::engine::Batch;
use crate::{AbsenceError, Accumulator, Evaluator};

/// Where the bytes come from: a file (opened once per thread) or bytes in memory.
pub(crate) trait Source: Sync {
    /// What the parquet crate reads from.
    type Reader: ChunkReader + 'static;
    /// A new reader of the whole input.
    fn open(&self) -> Result<Self::Reader, AbsenceError>;
    /// The file, for the errors (cut to 64 characters).
    fn path(&self) -> Option<String>;
}

/// A file by its path.
pub(crate) struct FileSource<'p>(pub(crate) &'p Path);

impl Source for FileSource<'_> {
    type Reader = File;

    fn open(&self) -> Result<File, AbsenceError> {
        File::open(self.0).map_err(|e| AbsenceError::Io {
            path: self.path(),
            kind: e.kind(),
            reason: edurules_locale::clip(&e.to_string()),
        })
    }

    fn path(&self) -> Option<String> {
        Some(edurules_locale::clip(&self.0.display().to_string()))
    }
}

/// Bytes in memory.
pub(crate) struct BytesSource(pub(crate) Bytes);

impl Source for BytesSource {
    type Reader = Bytes;

    fn open(&self) -> Result<Bytes, AbsenceError> {
        Ok(self.0.clone())
    }

    fn path(&self) -> Option<String> {
        None
    }
}

/// The columns a reading needs.
pub(crate) struct Wanted {
    /// Required columns, each a list of accepted names (the first present is read).
    pub(crate) required: &'static [&'static [&'static str]],
    /// Optional columns.
    pub(crate) optional: &'static [&'static str],
    /// String columns read as dictionaries (a handful of distinct values: kinds, units, levels),
    /// so that no string is built per row.
    pub(crate) dictionary: &'static [&'static str],
}

/// An input opened: its metadata, the columns to read and an empty batch of their types.
pub(crate) struct Opened {
    meta: ArrowReaderMetadata,
    mask: ProjectionMask,
    pub(crate) empty: RecordBatch,
    pub(crate) path: Option<String>,
}

fn format_error(path: Option<String>, e: &ParquetError) -> AbsenceError {
    AbsenceError::ParquetFormat {
        path,
        reason: edurules_locale::clip(bare(&e.to_string())),
    }
}

/// The parquet crate's text without the prefixes it nests ("Parquet argument error: Parquet
/// error: "), so that what is wrong fits in the quoted 64 characters.
fn bare(reason: &str) -> &str {
    let mut rest = reason;
    while let Some(r) = ["Parquet argument error: ", "Parquet error: ", "External: "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    {
        rest = r;
    }
    rest
}

/// The reason given when a row group's pages hold another number of rows than its footer says.
const ROW_COUNT: &str = "the row group holds another number of rows than the footer announces";

fn group_error(path: Option<String>, group: usize, reason: &str) -> AbsenceError {
    AbsenceError::ParquetRowGroup {
        path,
        row_group: group as u64,
        reason: edurules_locale::clip(bare(reason)),
    }
}

/// The schema with the `dictionary` string columns read as `Dictionary(Int32, _)`.
fn dictionary_hint(schema: &Schema, dictionary: &[&str]) -> Option<Arc<Schema>> {
    let mut changed = false;
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .map(|f| {
            let value = f.data_type();
            if dictionary.contains(&f.name().as_str())
                && matches!(value, DataType::Utf8 | DataType::LargeUtf8)
            {
                changed = true;
                let dict = DataType::Dictionary(Box::new(DataType::Int32), Box::new(value.clone()));
                f.as_ref().clone().with_data_type(dict)
            } else {
                f.as_ref().clone()
            }
        })
        .collect();
    changed.then(|| Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone())))
}

/// Reads the footer and checks it: every column chunk inside the input, the columns present.
pub(crate) fn open(source: &impl Source, wanted: &Wanted) -> Result<Opened, AbsenceError> {
    let path = source.path();
    let reader = source.open()?;
    let len = reader.len();
    let guarded = catch_unwind(AssertUnwindSafe(|| {
        ArrowReaderMetadata::load(&reader, ArrowReaderOptions::new())
    }));
    let meta = match guarded {
        Ok(Ok(meta)) => meta,
        Ok(Err(e)) => return Err(format_error(path, &e)),
        Err(_) => {
            return Err(AbsenceError::ParquetFormat {
                path,
                reason: "the Parquet reader failed on the footer".to_owned(),
            });
        }
    };
    // Bounds before any page is read: a chunk claiming bytes past the end is refused here
    // rather than allocated for.
    for (g, group) in meta.metadata().row_groups().iter().enumerate() {
        for column in group.columns() {
            // `byte_range` asserts that the offsets are not negative: read them first.
            let start = column
                .dictionary_page_offset()
                .unwrap_or_else(|| column.data_page_offset());
            let (Ok(start), Ok(size)) = (
                u64::try_from(start),
                u64::try_from(column.compressed_size()),
            ) else {
                return Err(group_error(
                    path,
                    g,
                    "a column chunk has a negative offset or size",
                ));
            };
            if start.checked_add(size).is_none_or(|end| end > len) {
                return Err(group_error(
                    path,
                    g,
                    "a column chunk lies past the end of the file",
                ));
            }
        }
        if group.num_rows() < 0 {
            return Err(group_error(path, g, "a negative number of rows"));
        }
    }
    let meta = match dictionary_hint(meta.schema(), wanted.dictionary) {
        Some(hint) => ArrowReaderMetadata::try_new(
            Arc::clone(meta.metadata()),
            ArrowReaderOptions::new().with_schema(hint),
        )
        .unwrap_or(meta),
        None => meta,
    };
    let schema = Arc::clone(meta.schema());
    let find = |name: &str| schema.fields().iter().position(|f| f.name() == name);
    let mut indices = Vec::new();
    for names in wanted.required {
        match names.iter().find_map(|n| find(n)) {
            Some(i) => indices.push(i),
            None => {
                return Err(AbsenceError::ParquetMissingColumn {
                    path,
                    column: names.first().copied().unwrap_or_default().to_owned(),
                });
            }
        }
    }
    indices.extend(wanted.optional.iter().filter_map(|n| find(n)));
    indices.sort_unstable();
    let projected = schema
        .project(&indices)
        .map_err(|e| format_error(path.clone(), &ParquetError::from(e)))?;
    let mask = ProjectionMask::roots(meta.parquet_schema(), indices);
    Ok(Opened {
        meta,
        mask,
        empty: RecordBatch::new_empty(Arc::new(projected)),
        path,
    })
}

impl Opened {
    /// The number of row groups.
    pub(crate) fn groups(&self) -> usize {
        self.meta.metadata().num_row_groups()
    }

    /// The number of rows the footer announces.
    pub(crate) fn rows(&self) -> u64 {
        self.starts().1
    }

    /// The first row of each row group in the input, and the number of rows.
    fn starts(&self) -> (Vec<u64>, u64) {
        let mut next = 0_u64;
        let starts = self
            .meta
            .metadata()
            .row_groups()
            .iter()
            .map(|g| {
                let start = next;
                next = next.saturating_add(u64::try_from(g.num_rows()).unwrap_or(0));
                start
            })
            .collect();
        (starts, next)
    }

    /// Reads row group `g`, passing each batch with its first row in the input to `each`.
    pub(crate) fn read_group<R: ChunkReader + 'static>(
        &self,
        reader: R,
        g: usize,
        first_row: u64,
        each: &mut dyn FnMut(&RecordBatch, u64) -> Result<(), AbsenceError>,
    ) -> Result<(), AbsenceError> {
        let path = || self.path.clone();
        let guarded = catch_unwind(AssertUnwindSafe(|| {
            let batches =
                ParquetRecordBatchReaderBuilder::new_with_metadata(reader, self.meta.clone())
                    .with_projection(self.mask.clone())
                    .with_row_groups(vec![g])
                    .with_batch_size(BATCH_ROWS)
                    .build()
                    .map_err(|e| group_error(path(), g, &e.to_string()))?;
            let announced = self
                .meta
                .metadata()
                .row_groups()
                .get(g)
                .map_or(0, |group| u64::try_from(group.num_rows()).unwrap_or(0));
            let mut row = first_row;
            for batch in batches {
                let batch = batch.map_err(|e| group_error(path(), g, &e.to_string()))?;
                // No more rows than the footer announces reach the accumulator: the summary
                // counts the footer's rows, and every one of them must be a record.
                let read = (row - first_row).saturating_add(batch.num_rows() as u64);
                if read > announced {
                    return Err(group_error(path(), g, ROW_COUNT));
                }
                each(&batch, row)?;
                row = row.saturating_add(batch.num_rows() as u64);
            }
            if row - first_row != announced {
                return Err(group_error(path(), g, ROW_COUNT));
            }
            Ok(())
        }));
        guarded.unwrap_or_else(|_| Err(group_error(path(), g, "the Parquet reader failed")))
    }
}

/// Entries a reading thread classifies before it hands them over to be applied (about 4 MiB).
const APPLY_ENTRIES: usize = 1 << 18;

/// What a reading thread gives back: its own accumulator (when it folded rows in runs), or the
/// first row group that failed and why.
type Worked<'e> = Result<Option<Accumulator<'e>>, (usize, AbsenceError)>;

/// Reads every row group on up to as many threads as rayon has (each takes the next row
/// group, so the threads stay busy). Rows grouped by pupil are folded run by run into the
/// thread's own accumulator; rows in no pupil order are classified into batches that the
/// calling thread applies partition by partition (as the CSV reader does), so that each
/// counter update hits the cache instead of waiting for memory. The error is the one of the
/// first row group that failed: every earlier one was read.
pub(crate) fn accumulate<'e, S: Source>(
    ev: &'e Evaluator<'e>,
    source: &S,
    opened: &Opened,
) -> Result<(Accumulator<'e>, ParquetSummary), AbsenceError> {
    let groups = opened.groups();
    let (starts, rows) = opened.starts();
    let threads = rayon::current_num_threads().clamp(1, groups.max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<Batch>(threads);
    // Applied batches go back to the reading threads to be filled again.
    let (back_tx, back_rx) = mpsc::channel::<Batch>();
    let back_rx = Mutex::new(back_rx);
    let spare = || {
        back_rx
            .lock()
            .ok()
            .and_then(|r| r.try_recv().ok())
            .unwrap_or_else(|| Batch::new(ev))
    };
    let worker = |tx: mpsc::SyncSender<Batch>| -> Worked<'e> {
        let mut acc: Option<Accumulator<'e>> = None;
        let mut batch = spare();
        while !stop.load(Ordering::Relaxed) {
            let g = next.fetch_add(1, Ordering::Relaxed);
            let Some(&first) = starts.get(g) else { break };
            // A reader per row group (a file handle: its offset is not shared with another
            // thread's).
            let result = source.open().and_then(|reader| {
                opened.read_group(reader, g, first, &mut |records, row| {
                    let in_file = |e| super::in_file(e, opened.path.clone(), row);
                    let rows = Rows::read(records).map_err(in_file)?;
                    rows.check().map_err(in_file)?;
                    if rows.in_runs() {
                        rows.push_runs(acc.get_or_insert_with(|| ev.accumulator()));
                    } else {
                        rows.classify_into(ev, &mut batch);
                        if batch.entries() >= APPLY_ENTRIES {
                            // The receiver outlives the reading threads.
                            let _ = tx.send(std::mem::replace(&mut batch, spare()));
                        }
                    }
                    Ok(())
                })
            });
            if let Err(e) = result {
                stop.store(true, Ordering::Relaxed);
                return Err((g, e));
            }
        }
        let _ = tx.send(batch);
        Ok(acc)
    };
    let (mut total, results) = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let tx = tx.clone();
                s.spawn(move || worker(tx))
            })
            .collect();
        drop(tx);
        let mut total = ev.accumulator();
        let mut pending: Vec<Batch> = Vec::with_capacity(threads);
        // Until every reading thread is done (each holds a sender).
        for batch in &rx {
            pending.push(batch);
            if pending.len() >= threads {
                total.apply_batches(&mut pending);
                for mut b in pending.drain(..) {
                    b.clear();
                    let _ = back_tx.send(b);
                }
            }
        }
        total.apply_batches(&mut pending);
        let results: Vec<Worked<'e>> = handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err((
                        0,
                        group_error(opened.path.clone(), 0, "a reading thread failed"),
                    ))
                })
            })
            .collect();
        (total, results)
    });
    let mut first_error: Option<(usize, AbsenceError)> = None;
    for r in results {
        match r {
            Ok(Some(acc)) => total.merge(acc),
            Ok(None) => {}
            Err((g, e)) => {
                if first_error.as_ref().is_none_or(|(f, _)| g < *f) {
                    first_error = Some((g, e));
                }
            }
        }
    }
    match first_error {
        Some((_, e)) => Err(e),
        None => Ok((
            total,
            ParquetSummary {
                rows,
                row_groups: groups as u64,
            },
        )),
    }
}
