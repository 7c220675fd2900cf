//! Parquet input (feature `parquet`): records and the roster from Parquet files, read through
//! the Arrow path. See the README, "Parquet".
//!
//! The columns are those of [`crate::arrow::record_schema`] and [`crate::arrow::roster_schema`]
//! with the types [`crate::Accumulator::push_arrow`] accepts, so also the plain types DuckDB,
//! pandas and Polars write: `VARCHAR`/`string` kinds, units and levels, `DATE` dates,
//! `INTEGER`/`BIGINT`/`DOUBLE` amounts and ids. Only the needed columns are read; string kinds,
//! units and levels are read as dictionaries (no string per row).
//!
//! Records are read row group by row group in batches of at most [`BATCH_ROWS`] rows, on as
//! many threads as rayon has (`RAYON_NUM_THREADS`), each into its own accumulator, merged at the
//! end: memory is O(pupils) per thread plus one batch and one page per column, never the file.

mod read;
mod text;

use std::path::Path;

use read::{BytesSource, FileSource, Opened, Source, Wanted};

use crate::{AbsenceError, Accumulator, Evaluator, Roster};

pub(crate) use text::message;

/// The `parquet` crate this feature is built with (its Arrow reader and writer, Snappy and
/// Zstandard), so callers write files with the same version.
pub use ::parquet;

/// The most rows in one batch read from a Parquet file.
pub const BATCH_ROWS: usize = 65_536;

/// What a Parquet reading read.
///
/// # Example
///
/// ```
/// use edurules_absence::parquet::ParquetSummary;
/// assert_eq!(ParquetSummary::default().rows, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParquetSummary {
    /// Rows read (every one a record: a refused row stops the reading).
    pub rows: u64,
    /// Row groups in the file.
    pub row_groups: u64,
}

const RECORDS: Wanted = Wanted {
    required: &[&["pupil_id"], &["date"], &["amount", "hours"], &["kind"]],
    optional: &["unit", "lesson"],
    dictionary: &["kind", "unit"],
};

const ROSTER: Wanted = Wanted {
    required: &[&["pupil_id"], &["school_id"], &["level"]],
    optional: &["grade"],
    dictionary: &["level"],
};

/// An error of the Arrow path in a batch whose first row is `first_row` of the input, as the
/// Parquet error naming the input and the row in it.
pub(crate) fn in_file(e: AbsenceError, path: Option<String>, first_row: u64) -> AbsenceError {
    let at = |row: u64| first_row.saturating_add(row);
    match e {
        AbsenceError::ArrowMissingColumn { column } => {
            AbsenceError::ParquetMissingColumn { path, column }
        }
        AbsenceError::ArrowColumnType {
            column,
            found,
            expected,
        } => AbsenceError::ParquetColumnType {
            path,
            column,
            found,
            expected,
        },
        AbsenceError::ArrowNull { column, row } => AbsenceError::ParquetRow {
            path,
            row: at(row),
            problem: Box::new(AbsenceError::ArrowNull {
                column,
                row: at(row),
            }),
        },
        AbsenceError::ArrowValue {
            column,
            row,
            value,
            expected,
        } => AbsenceError::ParquetRow {
            path,
            row: at(row),
            problem: Box::new(AbsenceError::ArrowValue {
                column,
                row: at(row),
                value,
                expected,
            }),
        },
        AbsenceError::ArrowRecord { row, problem } => AbsenceError::ParquetRow {
            path,
            row: at(row),
            problem: Box::new(AbsenceError::ArrowRecord {
                row: at(row),
                problem,
            }),
        },
        other => other,
    }
}

/// Opens the records input and checks the column types on an empty batch.
fn accumulate<'e>(
    ev: &'e Evaluator<'e>,
    source: &impl Source,
) -> Result<(Accumulator<'e>, ParquetSummary), AbsenceError> {
    let opened = read::open(source, &RECORDS)?;
    ev.accumulator()
        .push_arrow(&opened.empty)
        .map_err(|e| in_file(e, opened.path.clone(), 0))?;
    read::accumulate(ev, source, &opened)
}

/// Reads a Parquet file of absence records into a new accumulator of `ev`, row group by row
/// group on all rayon threads; the report is the one the CSV readers give on the same data.
///
/// # Errors
///
/// [`AbsenceError::Io`] when the file cannot be opened; [`AbsenceError::ParquetFormat`] when
/// it is not Parquet; [`AbsenceError::ParquetMissingColumn`] and
/// [`AbsenceError::ParquetColumnType`] naming the column; [`AbsenceError::ParquetRowGroup`]
/// for a row group that cannot be decoded; [`AbsenceError::ParquetRow`] for the first refused
/// row (its index in the file, the column). Nothing is returned of a file with an error.
///
/// # Panics
///
/// Never (a failure inside the Parquet reader is a [`AbsenceError::ParquetRowGroup`]).
///
/// # Example
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::sync::Arc;
/// use edurules_absence::arrow::arrow_array::{ArrayRef, Date32Array, Int32Array, RecordBatch, StringArray};
/// use edurules_absence::parquet::parquet::arrow::ArrowWriter;
/// use edurules_absence::*;
///
/// // As DuckDB writes it: INTEGER ids and amounts, DATE dates, VARCHAR kinds.
/// let batch = RecordBatch::try_from_iter([
///     ("pupil_id", Arc::new(Int32Array::from(vec![1])) as ArrayRef),
///     ("date", Arc::new(Date32Array::from(vec![20_514]))), // 2026-03-02
///     ("hours", Arc::new(Int32Array::from(vec![41]))),
///     ("kind", Arc::new(StringArray::from(vec!["unexcused"]))),
/// ])?;
/// let path = std::env::temp_dir().join(format!("edurules-doc-{}.parquet", std::process::id()));
/// let mut writer = ArrowWriter::try_new(std::fs::File::create(&path)?, batch.schema(), None)?;
/// writer.write(&batch)?;
/// writer.close()?;
///
/// let roster = Roster::new(vec![Pupil::new(PupilId(1), SchoolId("S".into()), Level::School)])?;
/// let planned = Planned::default();
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3)?, &roster, &planned)?;
/// let (acc, summary) = parquet::accumulate_file(&ev, &path)?;
/// assert_eq!(summary.rows, 1);
/// assert_eq!(ev.evaluate(&acc).selection("bg.isrm.unexcused").count(), 1);
///
/// let err = parquet::accumulate_bytes(&ev, b"PAR1 not really".to_vec()).unwrap_err();
/// assert_eq!(err.code(), "absence.parquet_format");
/// # std::fs::remove_file(&path)?;
/// # Ok(()) }
/// ```
pub fn accumulate_file<'e>(
    ev: &'e Evaluator<'e>,
    path: &Path,
) -> Result<(Accumulator<'e>, ParquetSummary), AbsenceError> {
    accumulate(ev, &FileSource(path))
}

/// [`accumulate_file`] on the bytes of a Parquet file in memory; errors name no file.
///
/// # Errors
///
/// As [`accumulate_file`], without [`AbsenceError::Io`].
///
/// # Panics
///
/// Never.
///
/// # Example
///
/// ```
/// use edurules_absence::*;
/// let (roster, planned) = (Roster::default(), Planned::default());
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3)?, &roster, &planned)?;
/// assert_eq!(parquet::accumulate_bytes(&ev, Vec::new()).unwrap_err().code(), "absence.parquet_format");
/// # Ok::<(), AbsenceError>(())
/// ```
pub fn accumulate_bytes<'e>(
    ev: &'e Evaluator<'e>,
    data: Vec<u8>,
) -> Result<(Accumulator<'e>, ParquetSummary), AbsenceError> {
    accumulate(ev, &BytesSource(data.into()))
}

/// Reads the roster from an opened input, batch by batch, errors naming the row in the input.
fn roster(source: &impl Source) -> Result<Roster, AbsenceError> {
    let opened: Opened = read::open(source, &ROSTER)?;
    let path = || opened.path.clone();
    crate::arrow::read_roster([&opened.empty]).map_err(|e| in_file(e, path(), 0))?;
    // Bounded before reading: a few bytes of run-length encoding can claim billions of rows.
    let rows = opened.rows();
    if rows >= u64::from(u32::MAX) {
        return Err(AbsenceError::TooManyPupils {
            count: usize::try_from(rows).unwrap_or(usize::MAX),
        });
    }
    let mut pupils = Vec::new();
    let mut first = 0_u64;
    for g in 0..opened.groups() {
        opened.read_group(source.open()?, g, first, &mut |batch, row| {
            let part = crate::arrow::read_roster([batch]).map_err(|e| in_file(e, path(), row))?;
            pupils.extend_from_slice(part.pupils());
            first = row.saturating_add(batch.num_rows() as u64);
            Ok(())
        })?;
    }
    Roster::new(pupils)
}

/// Reads a roster from a Parquet file laid out as [`crate::arrow::roster_schema`] (or with the
/// plain types DuckDB and pandas write).
///
/// # Errors
///
/// As [`accumulate_file`]; [`AbsenceError::DuplicatePupil`] and
/// [`AbsenceError::TooManyPupils`] as [`Roster::new`].
///
/// # Panics
///
/// Never.
///
/// # Example
///
/// ```
/// use edurules_absence::{parquet, AbsenceError};
/// let err = parquet::read_roster_file(std::path::Path::new("/nonexistent/roster.parquet")).unwrap_err();
/// assert_eq!(err.code(), "absence.io");
/// # Ok::<(), AbsenceError>(())
/// ```
pub fn read_roster_file(path: &Path) -> Result<Roster, AbsenceError> {
    roster(&FileSource(path))
}

/// [`read_roster_file`] on the bytes of a Parquet file in memory.
///
/// # Errors
///
/// As [`read_roster_file`], without [`AbsenceError::Io`].
///
/// # Panics
///
/// Never.
///
/// # Example
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::sync::Arc;
/// use edurules_absence::arrow::arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
/// use edurules_absence::parquet::{self, parquet::arrow::ArrowWriter};
///
/// let file = |level: &str| -> Result<Vec<u8>, Box<dyn std::error::Error>> {
///     let batch = RecordBatch::try_from_iter([
///         ("pupil_id", Arc::new(Int64Array::from(vec![7, 8])) as ArrayRef),
///         ("school_id", Arc::new(StringArray::from(vec!["SU-7", "SU-7"]))),
///         ("level", Arc::new(StringArray::from(vec!["school", level]))),
///     ])?;
///     let mut bytes = Vec::new();
///     let mut writer = ArrowWriter::try_new(&mut bytes, batch.schema(), None)?;
///     writer.write(&batch)?;
///     writer.close()?;
///     Ok(bytes)
/// };
/// assert_eq!(parquet::read_roster_bytes(file("preschool")?)?.len(), 2);
/// let err = parquet::read_roster_bytes(file("kindergarten")?).unwrap_err();
/// assert_eq!(err.code(), "absence.parquet_row");
/// assert_eq!(err.to_string(), "Parquet data, row index 1, column “level”: “kindergarten” is not \
///     a level of education; use “preschool” or “school”.");
/// # Ok(()) }
/// ```
pub fn read_roster_bytes(data: Vec<u8>) -> Result<Roster, AbsenceError> {
    roster(&BytesSource(data.into()))
}
