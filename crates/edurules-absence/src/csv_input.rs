//! CSV adapters: the absence records file and the roster file.
//!
//! Records: a header with at least `pupil_id,date,hours,kind`, optionally `lesson` (lesson
//! number, enables duplicate detection) and `unit` (`hours`, `lessons`, `days`, `minutes`; empty
//! = hours, or minutes for late arrivals). For `late` rows the amount column holds the minutes
//! late. Roster: `pupil_id,school_id,level` and optionally `grade`.

mod fast;
pub(crate) mod fields;

use std::io;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use fast::{accumulate_csv_bytes, accumulate_csv_file};

use crate::{AbsenceError, AbsenceKind, AbsenceRecord, Accumulator, Pupil, Unit};

/// The most skipped rows reported one by one; all are counted.
pub const MAX_REPORTED_SKIPS: usize = 1000;

/// What to do with a malformed row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Mode {
    /// Stop at the first malformed row with an error naming its line and column.
    #[default]
    Strict,
    /// Skip malformed rows, counting them and reporting the first [`MAX_REPORTED_SKIPS`].
    Lenient,
}

/// What a CSV reader did: `rows == accepted + skipped`, always.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CsvSummary {
    /// Data rows read (the header and blank lines are not rows).
    pub rows: u64,
    /// Rows turned into records.
    pub accepted: u64,
    /// Rows skipped (lenient mode).
    pub skipped: u64,
    /// The first skipped rows' errors, by line.
    #[schemars(with = "Vec<String>")]
    #[serde(serialize_with = "ser_errors", skip_deserializing)]
    pub skips: Vec<AbsenceError>,
}

fn ser_errors<S: serde::Serializer>(errors: &[AbsenceError], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(errors.iter().map(ToString::to_string))
}

impl CsvSummary {
    pub(crate) fn skip(&mut self, err: AbsenceError) {
        self.skipped += 1;
        if self.skips.len() < MAX_REPORTED_SKIPS {
            self.skips.push(err);
        }
    }

    pub(crate) fn merge(&mut self, other: Self) {
        self.rows += other.rows;
        self.accepted += other.accepted;
        self.skipped += other.skipped;
        self.skips.extend(other.skips);
        self.skips.truncate(MAX_REPORTED_SKIPS);
    }
}

/// Column positions of a records file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RecordColumns {
    pupil: usize,
    date: usize,
    amount: usize,
    kind: usize,
    lesson: Option<usize>,
    unit: Option<usize>,
    width: usize,
}

fn find(headers: &csv::ByteRecord, name: &str) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.strip_prefix("\u{feff}".as_bytes()).unwrap_or(h);
        h.trim_ascii() == name.as_bytes()
    })
}

fn require(headers: &csv::ByteRecord, name: &str) -> Result<usize, AbsenceError> {
    find(headers, name).ok_or_else(|| AbsenceError::CsvHeader {
        column: name.to_owned(),
    })
}

impl RecordColumns {
    fn from_headers(h: &csv::ByteRecord) -> Result<Self, AbsenceError> {
        Ok(Self {
            pupil: require(h, "pupil_id")?,
            date: require(h, "date")?,
            amount: require(h, "hours")?,
            kind: require(h, "kind")?,
            lesson: find(h, "lesson"),
            unit: find(h, "unit"),
            width: h.len(),
        })
    }
}

/// Turns the fields of one row into a checked record.
pub(crate) fn record_from_fields<'a>(
    get: impl Fn(usize) -> &'a [u8],
    cols: &RecordColumns,
    line: u64,
) -> Result<AbsenceRecord, AbsenceError> {
    let pupil = fields::pupil_id(get(cols.pupil), line)?;
    let date = fields::date(get(cols.date), line)?;
    let amount = fields::amount(get(cols.amount), line, "hours")?;
    let kind = fields::kind(get(cols.kind), line)?;
    let lesson = match cols.lesson {
        Some(i) => fields::small(get(i), line, "lesson")?,
        None => None,
    };
    let unit = match cols.unit {
        Some(i) => fields::unit(get(i), line)?,
        None => None,
    };
    let unit = unit.unwrap_or(if kind == AbsenceKind::Late {
        Unit::Minutes
    } else {
        Unit::Hours
    });
    let record = AbsenceRecord {
        pupil,
        date,
        amount,
        unit,
        kind,
        lesson,
    };
    record.check().map_err(|e| fields::incoherent(line, &e))?;
    Ok(record)
}

fn reader<R: io::Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(input)
}

/// Remembers where the line terminators are in the bytes read but not yet numbered, so that
/// rows get their physical line number (the csv crate's own count skips blank lines).
#[derive(Debug, Default)]
struct Newlines {
    /// Offsets of `\r` and `\n` bytes, and whether each is a `\n`.
    pending: std::collections::VecDeque<(u64, bool)>,
    read: u64,
    counted: u64,
}

impl Newlines {
    /// The 1-based physical line of a row the csv reader reports at `offset` (offsets must not
    /// decrease). The reader reports the offset where it started, before blank lines it skipped,
    /// so terminators right at the offset are stepped over first.
    fn line_of(&mut self, offset: u64) -> u64 {
        let mut at = offset;
        while let Some(&(o, newline)) = self.pending.front() {
            if o > at {
                break;
            }
            if o == at {
                at += 1;
            }
            self.pending.pop_front();
            if newline {
                self.counted += 1;
            }
        }
        self.counted + 1
    }
}

/// A reader that records terminator offsets into a shared [`Newlines`].
struct Tracked<'n, R> {
    inner: R,
    newlines: &'n std::cell::RefCell<Newlines>,
}

impl<R: io::Read> io::Read for Tracked<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut nl = self.newlines.borrow_mut();
        let start = nl.read;
        for (i, b) in buf.iter().take(n).enumerate() {
            if *b == b'\n' || *b == b'\r' {
                nl.pending.push_back((start + i as u64, *b == b'\n'));
            }
        }
        nl.read += n as u64;
        Ok(n)
    }
}

fn io_error(e: &csv::Error) -> AbsenceError {
    match e.position() {
        Some(p) => AbsenceError::CsvRow {
            line: p.line(),
            reason: e.to_string(),
        },
        None => AbsenceError::Io {
            reason: e.to_string(),
        },
    }
}

/// Reads a records CSV and passes each record to `sink`, with the general (csv crate) reader.
fn for_each_record<R: io::Read>(
    input: R,
    mode: Mode,
    sink: &mut dyn FnMut(AbsenceRecord),
) -> Result<CsvSummary, AbsenceError> {
    let newlines = std::cell::RefCell::new(Newlines::default());
    let mut rdr = reader(Tracked {
        inner: input,
        newlines: &newlines,
    });
    let headers = rdr.byte_headers().map_err(|e| io_error(&e))?.clone();
    let cols = RecordColumns::from_headers(&headers)?;
    let mut summary = CsvSummary::default();
    let mut row = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => return Err(io_error(&e)),
            Err(e) => {
                // A broken row is a row that could not be read.
                summary.rows += 1;
                let err = io_error(&e);
                match mode {
                    Mode::Strict => return Err(err),
                    Mode::Lenient => {
                        summary.skip(err);
                        continue;
                    }
                }
            }
        }
        let line = newlines
            .borrow_mut()
            .line_of(row.position().map_or(0, csv::Position::byte));
        summary.rows += 1;
        let result = if row.len() == cols.width {
            record_from_fields(|i| row.get(i).unwrap_or(b""), &cols, line)
        } else {
            Err(fields::field_count(line, cols.width, row.len()))
        };
        match (result, mode) {
            (Ok(r), _) => {
                summary.accepted += 1;
                sink(r);
            }
            (Err(e), Mode::Strict) => return Err(e),
            (Err(e), Mode::Lenient) => summary.skip(e),
        }
    }
    Ok(summary)
}

/// Reads a whole records CSV into memory (for small files; see [`stream_records`] for large ones).
///
/// # Errors
///
/// [`AbsenceError::CsvHeader`] for a missing column; in strict mode the first
/// [`AbsenceError::CsvField`] or [`AbsenceError::CsvRow`], naming its line (and column).
///
/// # Example
///
/// ```
/// use edurules_absence::{Mode, read_records};
/// let csv = "pupil_id,date,hours,kind\n1,2018-03-05,2,unexcused\n2,2018-02-30,1,excused\n";
/// let err = read_records(csv.as_bytes(), Mode::Strict).unwrap_err();
/// assert_eq!(err.to_string(), "csv line 3, column `date`: `2018-02-30` is not a date (YYYY-MM-DD or DD.MM.YYYY)");
/// let (records, summary) = read_records(csv.as_bytes(), Mode::Lenient).unwrap();
/// assert_eq!((records.len(), summary.skipped), (1, 1));
/// ```
pub fn read_records<R: io::Read>(
    input: R,
    mode: Mode,
) -> Result<(Vec<AbsenceRecord>, CsvSummary), AbsenceError> {
    let mut out = Vec::new();
    let summary = for_each_record(input, mode, &mut |r| out.push(r))?;
    Ok((out, summary))
}

/// Streams a records CSV into an accumulator: memory stays O(pupils) whatever the file size.
///
/// # Errors
///
/// As [`read_records`]. In strict mode the records before the bad row are already in `acc`.
///
/// # Example
///
/// ```
/// use edurules_absence::*;
/// let (roster, planned) = (Roster::default(), Planned::default());
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2018, 3).unwrap(), &roster, &planned).unwrap();
/// let mut acc = ev.accumulator();
/// let csv = "pupil_id,date,hours,kind\n1,2018-03-05,2,unexcused\n";
/// let summary = stream_records(csv.as_bytes(), Mode::Strict, &mut acc).unwrap();
/// assert_eq!(summary.accepted, 1);
/// assert_eq!(acc.stats().unknown_pupil, 1); // pupil 1 is not in the (empty) roster
/// ```
pub fn stream_records<R: io::Read>(
    input: R,
    mode: Mode,
    acc: &mut Accumulator<'_>,
) -> Result<CsvSummary, AbsenceError> {
    // Records from the reader are checked already, so `push` cannot fail here.
    for_each_record(input, mode, &mut |r| {
        let _ = acc.push(r);
    })
}

/// Reads a roster CSV: `pupil_id,school_id,level` and optionally `grade`.
///
/// # Errors
///
/// As [`read_records`]. Duplicate ids are found later, by [`crate::Roster::new`].
///
/// # Example
///
/// ```
/// use edurules_absence::{Level, Mode, read_roster};
/// let csv = "pupil_id,school_id,level\n1,S1,school\n2,S1,kindergarten\n";
/// let (pupils, summary) = read_roster(csv.as_bytes(), Mode::Lenient).unwrap();
/// assert_eq!(pupils[0].level, Level::School);
/// assert_eq!(summary.skipped, 1);
/// assert!(read_roster(csv.as_bytes(), Mode::Strict).is_err());
/// ```
pub fn read_roster<R: io::Read>(
    input: R,
    mode: Mode,
) -> Result<(Vec<Pupil>, CsvSummary), AbsenceError> {
    let newlines = std::cell::RefCell::new(Newlines::default());
    let mut rdr = reader(Tracked {
        inner: input,
        newlines: &newlines,
    });
    let headers = rdr.byte_headers().map_err(|e| io_error(&e))?.clone();
    let (id, school, level) = (
        require(&headers, "pupil_id")?,
        require(&headers, "school_id")?,
        require(&headers, "level")?,
    );
    let grade = find(&headers, "grade");
    let width = headers.len();
    let mut summary = CsvSummary::default();
    let mut pupils = Vec::new();
    let mut row = csv::ByteRecord::new();
    loop {
        let result = match rdr.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {
                let line = newlines
                    .borrow_mut()
                    .line_of(row.position().map_or(0, csv::Position::byte));
                let get = |i: usize| row.get(i).unwrap_or(b"");
                if row.len() == width {
                    (|| {
                        Ok(Pupil {
                            id: fields::pupil_id(get(id), line)?,
                            school: fields::school(get(school), line)?,
                            level: fields::level(get(level), line)?,
                            grade: match grade {
                                Some(g) => fields::small(get(g), line, "grade")?,
                                None => None,
                            },
                        })
                    })()
                } else {
                    Err(fields::field_count(line, width, row.len()))
                }
            }
            Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => return Err(io_error(&e)),
            Err(e) => Err(io_error(&e)),
        };
        summary.rows += 1;
        match (result, mode) {
            (Ok(p), _) => {
                summary.accepted += 1;
                pupils.push(p);
            }
            (Err(e), Mode::Strict) => return Err(e),
            (Err(e), Mode::Lenient) => summary.skip(e),
        }
    }
    Ok((pupils, summary))
}
