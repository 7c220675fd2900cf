//! CSV adapters: the absence records file and the roster file.
//!
//! A record is one physical line (`\n`, `\r\n` or a lone `\r`), at most [`MAX_LINE_BYTES`]
//! long; fields may be quoted (RFC 4180) but a quote never spans lines, so a bad line stays
//! one skipped row. A UTF-8 byte order mark is dropped.
//!
//! Records: a header with at least `pupil_id,date,hours,kind`, optionally `lesson` (lesson
//! number, enables duplicate detection) and `unit` (`hours`, `lessons`, `days`, `minutes`; empty
//! = hours, or minutes for late arrivals). For `late` rows the amount column holds the minutes
//! late. Roster: `pupil_id,school_id,level` and optionally `grade`.

mod direct;
mod fast;
pub(crate) mod fields;
mod lines;
mod rows;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use fast::{accumulate_csv_bytes, accumulate_csv_file, accumulate_csv_file_with_progress};
pub use lines::MAX_LINE_BYTES;

use lines::{BlockError, BlockReader, Fields, QuoteError};
use rows::read_rows;

use crate::{AbsenceError, AbsenceKind, AbsenceRecord, Accumulator, Planned, Pupil, Unit};

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

/// What a CSV reader did: `rows == accepted + skipped` and
/// `lines == 1 + blank + rows` (the header, blank lines, data rows), always: every line of the
/// file is accounted for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CsvSummary {
    /// Physical lines read, the header included.
    #[serde(default)]
    pub lines: u64,
    /// Blank lines (empty or only spaces), not rows.
    #[serde(default)]
    pub blank: u64,
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
        self.lines += other.lines;
        self.blank += other.blank;
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
    pub(crate) width: usize,
}

/// The names of a header line, trimmed, without a byte order mark; duplicates refused.
fn header_names(line: &[u8]) -> Result<Vec<Vec<u8>>, AbsenceError> {
    let mut fields = Fields::default();
    fields
        .split(line)
        .map_err(|QuoteError| AbsenceError::CsvQuote { line: 1 })?;
    let names: Vec<Vec<u8>> = (0..fields.len())
        .map(|i| fields.get(line, i).trim_ascii().to_vec())
        .collect();
    // The name reported is the first one (in header order) that comes again; found in one
    // pass (a header can hold tens of thousands of names within the line limit).
    let mut first_seen: HashMap<&[u8], usize> = HashMap::with_capacity(names.len());
    let mut repeated: Option<usize> = None;
    for (i, n) in names.iter().enumerate().filter(|(_, n)| !n.is_empty()) {
        match first_seen.entry(n.as_slice()) {
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
            Entry::Occupied(first) => {
                let first = *first.get();
                repeated = Some(repeated.map_or(first, |r| r.min(first)));
            }
        }
    }
    if let Some(n) = repeated.and_then(|i| names.get(i)) {
        return Err(AbsenceError::CsvDuplicateColumn {
            column: String::from_utf8_lossy(n).chars().take(64).collect(),
        });
    }
    Ok(names)
}

fn find(names: &[Vec<u8>], name: &str) -> Option<usize> {
    names.iter().position(|h| h.as_slice() == name.as_bytes())
}

/// The column's position, or the error: a hint when the header is separated by `;` or a tab.
fn require(names: &[Vec<u8>], line: &[u8], name: &str) -> Result<usize, AbsenceError> {
    find(names, name).ok_or_else(
        || match [b';', b'\t'].into_iter().find(|s| line.contains(s)) {
            Some(sep) if names.len() == 1 => AbsenceError::CsvSeparator {
                found: char::from(sep),
            },
            _ => AbsenceError::CsvHeader {
                column: name.to_owned(),
            },
        },
    )
}

impl RecordColumns {
    fn from_header(line: &[u8]) -> Result<Self, AbsenceError> {
        let h = header_names(line)?;
        Ok(Self {
            pupil: require(&h, line, "pupil_id")?,
            date: require(&h, line, "date")?,
            amount: require(&h, line, "hours")?,
            kind: require(&h, line, "kind")?,
            lesson: find(&h, "lesson"),
            unit: find(&h, "unit"),
            width: h.len(),
        })
    }
}

/// Turns the fields of one row into a checked record.
#[inline]
pub(crate) fn record_from_fields<'a>(
    get: impl Fn(usize) -> &'a [u8],
    cols: &RecordColumns,
    line: u64,
    dates: &mut fields::DateCache,
) -> Result<AbsenceRecord, AbsenceError> {
    let pupil = fields::pupil_id(get(cols.pupil), line)?;
    let date = dates.date(get(cols.date), line)?;
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

/// What parsing a run of whole lines gave.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) summary: CsvSummary,
    /// Lines seen (terminated or not), to number the lines of what follows.
    pub(crate) lines: u64,
    /// An error that ends the reading: the first bad row in strict mode, or an overlong line.
    pub(crate) fatal: Option<AbsenceError>,
}

/// Parses records line by line, with reusable buffers.
#[derive(Debug)]
pub(crate) struct LineParser {
    cols: RecordColumns,
    mode: Mode,
    fields: Fields,
    dates: fields::DateCache,
    /// The one-pass reader of plain lines, when the file has at most 16 columns.
    direct: Option<direct::Direct>,
}

impl LineParser {
    pub(crate) fn new(cols: RecordColumns, mode: Mode) -> Self {
        Self {
            cols,
            mode,
            fields: Fields::default(),
            dates: fields::DateCache::new(),
            direct: direct::Direct::new(&cols),
        }
    }

    /// Reads every line on the general path (to compare the two paths in tests).
    #[cfg(test)]
    pub(crate) fn general_only(&mut self) {
        self.direct = None;
    }

    /// Parses `bytes` (whole lines), numbering the first line `first_line`, passing each
    /// record to `sink`.
    pub(crate) fn parse(
        &mut self,
        bytes: &[u8],
        first_line: u64,
        sink: &mut impl FnMut(&AbsenceRecord),
    ) -> Parsed {
        let mut out = Parsed::default();
        let mut pos = 0;
        while pos < bytes.len() {
            if let Some((r, next)) = self
                .direct
                .as_ref()
                .and_then(|d| d.record(bytes, pos, &mut self.dates))
            {
                out.lines += 1;
                out.summary.lines += 1;
                out.summary.rows += 1;
                out.summary.accepted += 1;
                sink(&r);
                pos = next;
                continue;
            }
            let (end, next, split) = self.fields.scan_line(bytes, pos);
            let line = first_line + out.lines;
            out.lines += 1;
            out.summary.lines += 1;
            let content = bytes.get(pos..end).unwrap_or(&[]);
            pos = next;
            if content.len() > MAX_LINE_BYTES {
                out.fatal = Some(too_long(line));
                return out;
            }
            // Only a line without a comma can be blank: the common line is not scanned again.
            if self.fields.len() <= 1 && content.iter().all(u8::is_ascii_whitespace) {
                out.summary.blank += 1;
                continue;
            }
            out.summary.rows += 1;
            let result = match split {
                Err(QuoteError) => Err(AbsenceError::CsvQuote { line }),
                Ok(()) if self.fields.len() != self.cols.width => Err(fields::field_count(
                    line,
                    self.cols.width,
                    self.fields.len(),
                )),
                Ok(()) => {
                    let f = &self.fields;
                    record_from_fields(|i| f.get(content, i), &self.cols, line, &mut self.dates)
                }
            };
            match (result, self.mode) {
                (Ok(r), _) => {
                    out.summary.accepted += 1;
                    sink(&r);
                }
                (Err(e), Mode::Strict) => {
                    out.fatal = Some(e);
                    return out;
                }
                (Err(e), Mode::Lenient) => out.summary.skip(e),
            }
        }
        out
    }
}

/// The error for a line longer than [`MAX_LINE_BYTES`] that began at `line`.
pub(crate) const fn too_long(line: u64) -> AbsenceError {
    AbsenceError::CsvLineTooLong {
        line,
        limit: MAX_LINE_BYTES as u64,
    }
}

/// The error for a failed block read; `line` is where the unread rest begins.
pub(crate) fn block_error(e: BlockError, line: u64) -> AbsenceError {
    match e {
        BlockError::Io(e) => AbsenceError::Io {
            path: None,
            kind: e.kind(),
            reason: edurules_locale::clip(&e.to_string()),
        },
        BlockError::TooLong => too_long(line),
    }
}

/// Splits the header line off the first block: (columns, the rest of the block).
pub(crate) fn split_header(block: &[u8]) -> Result<(&[u8], &[u8]), AbsenceError> {
    let (end, next) = lines::line_end(block, 0).unwrap_or((block.len(), block.len()));
    if end > MAX_LINE_BYTES {
        return Err(too_long(1));
    }
    Ok((
        block.get(..end).unwrap_or(&[]),
        block.get(next..).unwrap_or(&[]),
    ))
}

/// Reads a records CSV and passes each record to `sink`, one block after another.
fn for_each_record<R: io::Read>(
    input: R,
    mode: Mode,
    sink: &mut impl FnMut(&AbsenceRecord),
) -> Result<CsvSummary, AbsenceError> {
    let mut reader = BlockReader::new(input);
    let Some(first) = reader.next_block().map_err(|e| block_error(e, 1))? else {
        return Err(AbsenceError::CsvHeader {
            column: "pupil_id".to_owned(),
        });
    };
    let (header, body) = split_header(&first)?;
    let mut parser = LineParser::new(RecordColumns::from_header(header)?, mode);
    let mut summary = CsvSummary {
        lines: 1,
        ..CsvSummary::default()
    };
    let mut next_line = 2;
    let mut block = Some(body.to_vec());
    drop(first);
    while let Some(bytes) = block {
        let parsed = parser.parse(&bytes, next_line, sink);
        next_line += parsed.lines;
        summary.merge(parsed.summary);
        if let Some(e) = parsed.fatal {
            return Err(e);
        }
        block = reader.next_block().map_err(|e| block_error(e, next_line))?;
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
/// use edurules_absence::{Locale, Mode, read_records};
/// let csv = "pupil_id,date,hours,kind\n1,2018-03-05,2,unexcused\n2,2018-02-30,1,excused\n";
/// let err = read_records(csv.as_bytes(), Mode::Strict).unwrap_err();
/// assert_eq!(err.to_string(), "CSV file, line 3, column “date”: “2018-02-30” is not a date; write YYYY-MM-DD or DD.MM.YYYY.");
/// assert_eq!(
///     err.message(Locale::Pl),
///     "Plik CSV, wiersz 3, kolumna „date”: „2018-02-30” nie jest datą; podaj RRRR-MM-DD lub DD.MM.RRRR."
/// );
/// let (records, summary) = read_records(csv.as_bytes(), Mode::Lenient).unwrap();
/// assert_eq!((records.len(), summary.skipped), (1, 1));
/// ```
pub fn read_records<R: io::Read>(
    input: R,
    mode: Mode,
) -> Result<(Vec<AbsenceRecord>, CsvSummary), AbsenceError> {
    let mut out = Vec::new();
    let summary = for_each_record(input, mode, &mut |r: &AbsenceRecord| out.push(*r))?;
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
    for_each_record(input, mode, &mut |r: &AbsenceRecord| {
        let _ = acc.push(*r);
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
    read_rows(
        input,
        mode,
        |names, header| {
            Ok((
                require(names, header, "pupil_id")?,
                require(names, header, "school_id")?,
                require(names, header, "level")?,
                find(names, "grade"),
            ))
        },
        |&(id, school, level, grade), r, line| {
            let get = |i| r.get(i);
            Ok(Pupil {
                id: fields::pupil_id(get(id), line)?,
                school: fields::school(get(school), line)?,
                level: fields::level(get(level), line)?,
                grade: match grade {
                    Some(g) => fields::small(get(g), line, "grade")?,
                    None => None,
                },
            })
        },
    )
}

/// Reads a planned-amounts CSV (the denominators of percentage rules):
/// `pupil_id,unit,amount` and optionally `month`. With a month (`YYYY-MM`) the amount is the
/// pupil's planned amount of that month ([`Planned::set_month`]: the days of classes of
/// [`crate::RuleProfile::pl_compulsory_schooling`]); with the month empty or absent it is the
/// planned amount of the whole window ([`Planned::set_window`], for example the enrolled school
/// days of [`crate::RuleProfile::chronic_absence`]). `unit` is `hours` (or `lessons`) or `days`.
/// A later row for the same pupil, month and unit replaces an earlier one.
///
/// # Errors
///
/// As [`read_records`].
///
/// # Example
///
/// ```
/// use edurules_absence::*;
/// let csv = "pupil_id,unit,amount,month\n1,hours,80,2026-03\n1,days,170,\n2,hours,x,2026-03\n";
/// let (planned, summary) = read_planned(csv.as_bytes(), Mode::Lenient).unwrap();
/// let march = YearMonth::new(2026, 3);
/// assert_eq!(planned.month(PupilId(1), march, Unit::Hours), Some(Quantity::whole(80)));
/// assert_eq!(planned.window(PupilId(1), Unit::Days), Some(Quantity::whole(170)));
/// assert_eq!(summary.skipped, 1);
/// assert!(read_planned(csv.as_bytes(), Mode::Strict).is_err());
/// ```
pub fn read_planned<R: io::Read>(
    input: R,
    mode: Mode,
) -> Result<(Planned, CsvSummary), AbsenceError> {
    let (rows, summary) = read_rows(
        input,
        mode,
        |names, header| {
            Ok((
                require(names, header, "pupil_id")?,
                require(names, header, "unit")?,
                require(names, header, "amount")?,
                find(names, "month"),
            ))
        },
        |&(id, unit, amount, month), r, line| {
            let get = |i| r.get(i);
            let pupil = fields::pupil_id(get(id), line)?;
            let unit = match fields::unit(get(unit), line)? {
                Some(u @ (Unit::Hours | Unit::Days)) => u,
                _ => return Err(fields::planned_unit(get(unit), line)),
            };
            let amount = fields::amount(get(amount), line, "amount")?;
            let month = match month {
                Some(m) => fields::month(get(m), line)?,
                None => None,
            };
            Ok((pupil, unit, amount, month))
        },
    )?;
    let mut planned = Planned::default();
    for (pupil, unit, amount, month) in rows {
        match month {
            Some(m) => planned.set_month(pupil, m, unit, amount),
            None => planned.set_window(pupil, unit, amount),
        }
    }
    Ok((planned, summary))
}
