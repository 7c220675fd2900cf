//! Field parsers shared by the general (csv crate) and the fast (byte) readers, so both accept
//! and reject exactly the same rows with the same errors.

use chrono::NaiveDate;

use crate::{AbsenceError, AbsenceKind, FieldFormat, Level, PupilId, Quantity, RowProblem};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).chars().take(64).collect()
}

fn field_error(line: u64, column: &str, bytes: &[u8], expected: FieldFormat) -> AbsenceError {
    AbsenceError::CsvField {
        line,
        column: column.to_owned(),
        value: text(bytes),
        expected,
    }
}

fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// A pupil id: decimal digits.
pub(crate) fn pupil_id(bytes: &[u8], line: u64) -> Result<PupilId, AbsenceError> {
    let b = trim(bytes);
    if b.is_empty() || b.len() > 19 || !b.iter().all(u8::is_ascii_digit) {
        return Err(field_error(line, "pupil_id", bytes, FieldFormat::PupilId));
    }
    Ok(PupilId(
        b.iter()
            .fold(0_u64, |acc, d| acc * 10 + u64::from(d - b'0')),
    ))
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    b.iter().try_fold(0_u32, |acc, d| {
        acc.checked_mul(10)?.checked_add(u32::from(d - b'0'))
    })
}

/// A date as `YYYY-MM-DD` (ISO 8601) or `DD.MM.YYYY` (as Bulgarian and Polish registers print it).
pub(crate) fn date(bytes: &[u8], line: u64) -> Result<NaiveDate, AbsenceError> {
    let b = trim(bytes);
    let parsed = match b {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] => digits(&[*y0, *y1, *y2, *y3])
            .zip(digits(&[*m0, *m1]))
            .zip(digits(&[*d0, *d1]))
            .map(|((y, m), d)| (y, m, d)),
        [d0, d1, b'.', m0, m1, b'.', y0, y1, y2, y3] => digits(&[*y0, *y1, *y2, *y3])
            .zip(digits(&[*m0, *m1]))
            .zip(digits(&[*d0, *d1]))
            .map(|((y, m), d)| (y, m, d)),
        _ => None,
    };
    parsed
        .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
        .ok_or_else(|| field_error(line, "date", bytes, FieldFormat::Date))
}

/// An amount: whole (`3`), decimal (`1.5`) or fraction (`1/2`), exact in sixtieths.
pub(crate) fn amount(bytes: &[u8], line: u64, column: &str) -> Result<Quantity, AbsenceError> {
    let b = trim(bytes);
    // Fast path for the common small whole number.
    if !b.is_empty() && b.len() <= 9 && b.iter().all(u8::is_ascii_digit) {
        return Ok(Quantity::whole(
            b.iter()
                .fold(0_u64, |acc, d| acc * 10 + u64::from(d - b'0')),
        ));
    }
    std::str::from_utf8(b)
        .ok()
        .and_then(|s| s.parse::<Quantity>().ok())
        .ok_or_else(|| field_error(line, column, bytes, FieldFormat::Amount))
}

/// The kind of absence: `excused`, `unexcused` or `late`.
pub(crate) fn kind(bytes: &[u8], line: u64) -> Result<AbsenceKind, AbsenceError> {
    match trim(bytes) {
        b"excused" => Ok(AbsenceKind::Excused),
        b"unexcused" => Ok(AbsenceKind::Unexcused),
        b"late" => Ok(AbsenceKind::Late),
        _ => Err(field_error(line, "kind", bytes, FieldFormat::Kind)),
    }
}

/// A level: `preschool` or `school`.
pub(crate) fn level(bytes: &[u8], line: u64) -> Result<Level, AbsenceError> {
    match trim(bytes) {
        b"preschool" => Ok(Level::Preschool),
        b"school" => Ok(Level::School),
        _ => Err(field_error(line, "level", bytes, FieldFormat::Level)),
    }
}

/// An optional small number (lesson, grade): empty means none.
pub(crate) fn small(bytes: &[u8], line: u64, column: &str) -> Result<Option<u8>, AbsenceError> {
    let b = trim(bytes);
    if b.is_empty() {
        return Ok(None);
    }
    digits(b)
        .and_then(|n| u8::try_from(n).ok())
        .map(Some)
        .ok_or_else(|| field_error(line, column, bytes, FieldFormat::SmallNumber))
}

/// A unit column: `hours`, `lessons`, `days` or `minutes`; empty means the default.
pub(crate) fn unit(bytes: &[u8], line: u64) -> Result<Option<crate::Unit>, AbsenceError> {
    match trim(bytes) {
        b"" => Ok(None),
        b"hours" | b"lessons" => Ok(Some(crate::Unit::Hours)),
        b"days" => Ok(Some(crate::Unit::Days)),
        b"minutes" => Ok(Some(crate::Unit::Minutes)),
        _ => Err(field_error(line, "unit", bytes, FieldFormat::Unit)),
    }
}

/// The error for a planned amount in a unit other than hours or days.
pub(crate) fn planned_unit(bytes: &[u8], line: u64) -> AbsenceError {
    field_error(line, "unit", bytes, FieldFormat::PlannedUnit)
}

/// A month as `YYYY-MM`; empty means none (the whole window).
pub(crate) fn month(bytes: &[u8], line: u64) -> Result<Option<crate::YearMonth>, AbsenceError> {
    let b = trim(bytes);
    if b.is_empty() {
        return Ok(None);
    }
    match b {
        [y0, y1, y2, y3, b'-', m0, m1] => {
            let year = digits(&[*y0, *y1, *y2, *y3]).and_then(|y| i32::try_from(y).ok());
            let month = digits(&[*m0, *m1]).filter(|m| (1..=12).contains(m));
            year.zip(month)
        }
        _ => None,
    }
    .map(|(year, month)| Some(crate::YearMonth { year, month }))
    .ok_or_else(|| field_error(line, "month", bytes, FieldFormat::Month))
}

/// A school id: any non-empty text.
pub(crate) fn school(bytes: &[u8], line: u64) -> Result<crate::SchoolId, AbsenceError> {
    let b = trim(bytes);
    match std::str::from_utf8(b) {
        Ok(s) if !s.is_empty() => Ok(crate::SchoolId::new(s)),
        _ => Err(field_error(line, "school_id", bytes, FieldFormat::SchoolId)),
    }
}

/// The error for a row with the wrong number of fields.
pub(crate) fn field_count(line: u64, expected: usize, found: usize) -> AbsenceError {
    AbsenceError::CsvRow {
        line,
        reason: RowProblem::FieldCount {
            expected: u64::try_from(expected).unwrap_or(u64::MAX),
            found: u64::try_from(found).unwrap_or(u64::MAX),
        },
    }
}

/// The error for a row whose fields are each fine but that is not a coherent record.
pub(crate) fn incoherent(line: u64, err: &AbsenceError) -> AbsenceError {
    AbsenceError::CsvRow {
        line,
        reason: RowProblem::Record(Box::new(err.clone())),
    }
}

/// Adds `offset` to the line number of a CSV error (used when chunks are parsed apart).
pub(crate) fn shift_line(err: AbsenceError, offset: u64) -> AbsenceError {
    match err {
        AbsenceError::CsvField {
            line,
            column,
            value,
            expected,
        } => AbsenceError::CsvField {
            line: line + offset,
            column,
            value,
            expected,
        },
        AbsenceError::CsvRow { line, reason } => AbsenceError::CsvRow {
            line: line + offset,
            reason,
        },
        AbsenceError::CsvQuote { line } => AbsenceError::CsvQuote {
            line: line + offset,
        },
        AbsenceError::CsvLineTooLong { line, limit } => AbsenceError::CsvLineTooLong {
            line: line + offset,
            limit,
        },
        other => other,
    }
}

/// A direct-mapped cache of parsed dates: a region's file has a few hundred distinct dates, and
/// within a school year a month and day name one date, so the slot is the month and day.
#[derive(Debug)]
pub(crate) struct DateCache {
    slots: Vec<Option<([u8; 10], NaiveDate)>>,
}

impl DateCache {
    /// Slots: the month's digits give at most 25 and the day's at most 45 (see `slot`).
    const SLOTS: usize = 26 * 48;

    pub(crate) fn new() -> Self {
        Self {
            slots: vec![None; Self::SLOTS],
        }
    }

    /// The slot of a 10-byte date, from the low bits of its month and day digits in either
    /// format (any bytes give some slot; the stored key decides a hit).
    #[inline]
    fn slot(key: &[u8; 10]) -> usize {
        let [a0, a1, a2, a3, a4, a5, a6, _, a8, a9] = *key;
        let (m0, m1, d0, d1) = if a2 == b'.' {
            (a3, a4, a0, a1)
        } else {
            (a5, a6, a8, a9)
        };
        let month = usize::from(m0 & 1) * 10 + usize::from(m1 & 15);
        let day = usize::from(d0 & 3) * 10 + usize::from(d1 & 15);
        month * 48 + day
    }

    /// The date of a 10-byte field, `None` when it is not one (as [`date`] refuses it).
    #[inline]
    pub(crate) fn lookup(&mut self, key: [u8; 10]) -> Option<NaiveDate> {
        let slot = self.slots.get_mut(Self::slot(&key))?;
        if let Some((k, d)) = slot
            && *k == key
        {
            return Some(*d);
        }
        let d = date(&key, 0).ok()?;
        *slot = Some((key, d));
        Some(d)
    }

    /// The date of `field`, with exactly the errors of [`date`].
    #[inline]
    pub(crate) fn date(&mut self, field: &[u8], line: u64) -> Result<NaiveDate, AbsenceError> {
        match <[u8; 10]>::try_from(field)
            .ok()
            .and_then(|k| self.lookup(k))
        {
            Some(d) => Ok(d),
            None => date(field, line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_formats() {
        let d = NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
        assert_eq!(date(b"2018-03-05", 2).unwrap(), d);
        assert_eq!(date(b"05.03.2018", 2).unwrap(), d);
        let err = date(b"2018-02-30", 7).unwrap_err();
        assert!(
            matches!(err, AbsenceError::CsvField { line: 7, ref column, .. } if column == "date"),
            "{err}"
        );
        assert!(date(b"2018-3-5", 2).is_err());
    }

    #[test]
    fn amounts_and_kinds() {
        assert_eq!(amount(b"3", 2, "hours").unwrap(), Quantity::whole(3));
        assert_eq!(
            amount(b"1/2", 2, "hours").unwrap(),
            Quantity::from_sixtieths(30)
        );
        assert!(amount(b"-1", 2, "hours").is_err());
        assert!(kind(b"Excused", 2).is_err());
        assert_eq!(kind(b" late ", 2).unwrap(), AbsenceKind::Late);
        assert!(pupil_id(b"12a", 2).is_err());
        assert!(pupil_id(b"99999999999999999999", 2).is_err());
    }

    #[test]
    fn long_numbers_are_errors_not_wrapped() {
        // Found by the fuzzer: a long lesson number overflowed (and would wrap in release).
        assert!(small(b"4294967299", 2, "lesson").is_err());
        assert!(small(b"99999999999999999999999", 2, "grade").is_err());
        assert_eq!(small(b"0015", 2, "lesson").unwrap(), Some(15));
        assert!(date(b"9999-99-99", 2).is_err());
    }
}
