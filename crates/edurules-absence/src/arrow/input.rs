//! Records and the roster from `RecordBatch`es.

use std::collections::HashSet;
use std::mem::take;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use chrono::{Datelike, NaiveDate};

use super::columns::{self, NULL, Strings};
use crate::engine::PlainColumns;
use crate::{
    AbsenceError, AbsenceKind, AbsenceRecord, Accumulator, FieldFormat, Level, Pupil, PupilId,
    Quantity, Roster, SchoolId, Unit,
};

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01 (Arrow's day 0), minus one.
const EPOCH_FROM_CE: i32 = 719_163;

const KINDS: [AbsenceKind; 3] = [
    AbsenceKind::Excused,
    AbsenceKind::Unexcused,
    AbsenceKind::Late,
];
const UNITS: [Unit; 3] = [Unit::Hours, Unit::Days, Unit::Minutes];

fn kind_code(s: &str) -> Option<u8> {
    match s {
        "excused" => Some(0),
        "unexcused" => Some(1),
        "late" => Some(2),
        _ => None,
    }
}

/// As the CSV's `unit`: an empty value is the default.
fn unit_code(s: &str) -> Option<u8> {
    match s {
        "" => Some(NULL),
        "hours" | "lessons" => Some(0),
        "days" => Some(1),
        "minutes" => Some(2),
        _ => None,
    }
}

fn level_code(s: &str) -> Option<u8> {
    match s {
        "preschool" => Some(0),
        "school" => Some(1),
        _ => None,
    }
}

/// The days of a `Date32` column (no nulls, each a date chrono can hold).
fn days(array: &dyn Array) -> Result<&[i32], AbsenceError> {
    let name = "date";
    if array.data_type() != &DataType::Date32 {
        return Err(columns::wrong_type(name, array, "Date32"));
    }
    columns::require_values(name, array)?;
    let days: &[i32] = array.as_primitive::<Date32Type>().values();
    let (min, max) = (epoch_day(NaiveDate::MIN), epoch_day(NaiveDate::MAX));
    // One branch-free pass; the refused row is searched only when there is one.
    let inside = |d: i32| (min..=max).contains(&d);
    if !days.iter().fold(true, |ok, &d| ok & inside(d))
        && let Some(row) = days.iter().position(|&d| !inside(d))
    {
        let value = days.get(row).map(ToString::to_string).unwrap_or_default();
        return Err(columns::bad_value(name, row, &value, FieldFormat::Date));
    }
    Ok(days)
}

/// Days since 1970-01-01.
fn epoch_day(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - EPOCH_FROM_CE
}

/// The date of a day since 1970-01-01 (checked by [`days`] to be in chrono's range).
fn date_of(day: i32) -> NaiveDate {
    day.checked_add(EPOCH_FROM_CE)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or_default()
}

/// The columns of a batch of records, read and typed once.
pub(crate) struct Rows<'b> {
    ids: std::borrow::Cow<'b, [u64]>,
    days: &'b [i32],
    /// In sixtieths of the row's unit.
    amounts: Vec<u64>,
    kinds: Vec<u8>,
    units: Option<Vec<u8>>,
    lessons: Option<Vec<Option<u8>>>,
}

/// The buffers of [`Rows`] kept from one batch to the next ([`Rows::read_in`],
/// [`Rows::recycle`]): a stream of many batches allocates them once per thread instead of once
/// per batch, which had the allocator give memory back to the system and fault it in again.
#[derive(Default)]
pub(crate) struct Scratch {
    amounts: Vec<u64>,
    kinds: Vec<u8>,
}

impl<'b> Rows<'b> {
    /// Reads the columns; the first problem is an error naming its column (and row).
    pub(crate) fn read(batch: &'b RecordBatch) -> Result<Self, AbsenceError> {
        Self::read_in(batch, &mut Scratch::default())
    }

    /// Gives the buffers back to `scratch`, for the next batch.
    pub(crate) fn recycle(self, scratch: &mut Scratch) {
        scratch.amounts = self.amounts;
        scratch.kinds = self.kinds;
    }

    /// [`Rows::read`], in the buffers of `scratch` (taken from it; [`Rows::recycle`] gives them
    /// back).
    pub(crate) fn read_in(
        batch: &'b RecordBatch,
        scratch: &mut Scratch,
    ) -> Result<Self, AbsenceError> {
        let ids = columns::ids(
            "pupil_id",
            columns::column(batch, "pupil_id")?.as_ref(),
            FieldFormat::PupilId,
        )?;
        let days = days(columns::column(batch, "date")?.as_ref())?;
        let amounts = match (
            batch.column_by_name("amount"),
            batch.column_by_name("hours"),
        ) {
            (Some(a), _) => columns::amounts_in("amount", a.as_ref(), take(&mut scratch.amounts))?,
            (None, Some(a)) => {
                columns::amounts_in("hours", a.as_ref(), take(&mut scratch.amounts))?
            }
            (None, None) => {
                return Err(AbsenceError::ArrowMissingColumn {
                    column: "amount".into(),
                });
            }
        };
        let kinds = columns::codes_in(
            "kind",
            columns::column(batch, "kind")?.as_ref(),
            false,
            kind_code,
            FieldFormat::Kind,
            take(&mut scratch.kinds),
        )?;
        let units = batch
            .column_by_name("unit")
            .map(|a| columns::codes("unit", a.as_ref(), true, unit_code, FieldFormat::Unit))
            .transpose()?;
        let lessons = batch
            .column_by_name("lesson")
            .map(|a| columns::small_numbers("lesson", a.as_ref()))
            .transpose()?;
        Ok(Self {
            ids,
            days,
            amounts,
            kinds,
            units,
            lessons,
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The kind code (0 excused, 1 unexcused, 2 late), unit code (0 hours, 1 days, 2 minutes)
    /// and lesson of a row, the unit defaulted as in the CSV.
    #[inline]
    fn codes(&self, row: usize) -> (u8, u8, Option<u8>) {
        let kind = self.kinds.get(row).copied().unwrap_or(0);
        let default = if kind == 2 { 2 } else { 0 };
        let unit = match self.units.as_ref().and_then(|u| u.get(row)) {
            Some(&u) if u != NULL => u,
            _ => default,
        };
        let lesson = self
            .lessons
            .as_ref()
            .and_then(|l| l.get(row).copied().flatten());
        (kind, unit, lesson)
    }

    /// The record of a row, dated `date` (the real date, or a stand-in for a check).
    fn record(&self, row: usize, date: NaiveDate) -> AbsenceRecord {
        let (kind, unit, lesson) = self.codes(row);
        AbsenceRecord {
            pupil: PupilId(self.ids.get(row).copied().unwrap_or(0)),
            date,
            amount: Quantity::from_sixtieths(self.amount(row)),
            unit: UNITS.get(usize::from(unit)).copied().unwrap_or(Unit::Hours),
            kind: KINDS
                .get(usize::from(kind))
                .copied()
                .unwrap_or(AbsenceKind::Excused),
            lesson,
        }
    }

    /// The amount of a row in sixtieths of its unit (0 past the end).
    #[inline]
    fn amount(&self, row: usize) -> u64 {
        self.amounts.get(row).copied().unwrap_or(0)
    }

    fn date(&self, row: usize) -> NaiveDate {
        date_of(self.days.get(row).copied().unwrap_or(0))
    }

    /// Checks every record; the first incoherent one is an error naming its row. The check does
    /// not depend on the date but quotes it: a row is dated only when it is refused.
    pub(crate) fn check(&self) -> Result<(), AbsenceError> {
        if self.units.is_none() && self.lessons.is_none() {
            // Each row's unit is its kind's default: only a late arrival of 0 minutes can be
            // incoherent.
            // Without a branch per row; the row is searched only when there is one.
            let zero = |k: u8, a: u64| (k == 2) & (a == 0);
            // Amounts of 0 are rare: the kinds are looked at only when there is one.
            let any = self.amounts.iter().fold(false, |any, &a| any | (a == 0))
                && self
                    .kinds
                    .iter()
                    .zip(&self.amounts)
                    .any(|(&k, &a)| zero(k, a));
            let late_zero = if any {
                self.kinds
                    .iter()
                    .enumerate()
                    .position(|(row, &k)| zero(k, self.amount(row)))
            } else {
                None
            };
            return match late_zero {
                None => Ok(()),
                Some(row) => Err(AbsenceError::ArrowRecord {
                    row: row as u64,
                    problem: Box::new(AbsenceError::LateWithoutDelay {
                        pupil: PupilId(self.ids.get(row).copied().unwrap_or(0)),
                        date: self.date(row),
                    }),
                }),
            };
        }
        for row in 0..self.len() {
            if self.record(row, NaiveDate::MIN).check().is_err()
                && let Err(e) = self.record(row, self.date(row)).check()
            {
                return Err(AbsenceError::ArrowRecord {
                    row: row as u64,
                    problem: Box::new(e),
                });
            }
        }
        Ok(())
    }

    /// Adds the checked rows of the common layout one by one: plain ones straight from the
    /// columns, the others as records.
    fn push_rows(&self, acc: &mut Accumulator<'_>, first: i64) {
        let rows = self.ids.iter().zip(self.days).zip(&self.kinds);
        for (row, ((&id, &day), &kind)) in rows.enumerate() {
            if kind < 2
                && let Ok(day) = usize::try_from(i64::from(day) - first)
                && acc.push_plain_day(PupilId(id), day, usize::from(kind), 0, self.amount(row))
            {
                continue;
            }
            acc.push_coherent(std::iter::once(self.record(row, self.date(row))));
        }
    }

    /// Whether the rows are of the common layout with pupils in runs (at least 4 rows per pupil
    /// change on average), which [`Rows::push_runs`] folds run by run.
    #[cfg(feature = "parquet")]
    pub(crate) fn in_runs(&self) -> bool {
        self.units.is_none() && self.lessons.is_none() && self.grouped()
    }

    /// Whether the pupils come in runs: at least 4 rows per change of pupil on average.
    pub(crate) fn grouped(&self) -> bool {
        let changes = self
            .ids
            .iter()
            .zip(self.ids.iter().skip(1))
            .filter(|(a, b)| a != b)
            .count();
        changes.saturating_mul(4) <= self.len()
    }

    /// Classifies the checked rows into `batch` (for [`Accumulator::apply_batches`], which
    /// applies them partition by partition): plain ones straight from the columns, the others
    /// as records, exactly as [`Rows::push_into`] would add them.
    #[cfg(feature = "arrow")]
    pub(crate) fn classify_into(
        &self,
        ev: &crate::Evaluator<'_>,
        batch: &mut crate::engine::Batch,
    ) {
        let first = i64::from(epoch_day(ev.window().first()));
        if self.units.is_none() && self.lessons.is_none() {
            // The common layout: each row classified from its columns, no record made.
            let rows = self.ids.iter().zip(self.days).zip(&self.kinds);
            for (((&id, &day), &kind), &amount) in rows.zip(&self.amounts) {
                let day = usize::try_from(i64::from(day) - first).ok();
                batch.push_common(ev, PupilId(id), day, kind, amount);
            }
            return;
        }
        for row in 0..self.len() {
            let (kind, unit, lesson) = self.codes(row);
            if kind < 2
                && unit < 2
                && lesson.is_none()
                && let Some(&day) = self.days.get(row)
                && let Ok(day) = usize::try_from(i64::from(day) - first)
                && batch.push_plain_day(
                    ev,
                    PupilId(self.ids.get(row).copied().unwrap_or(0)),
                    day,
                    usize::from(kind),
                    usize::from(unit),
                    self.amount(row),
                )
            {
                continue;
            }
            batch.push(ev, &self.record(row, self.date(row)));
        }
    }

    /// Adds checked rows of the common layout whose pupils come in runs ([`Rows::in_runs`]):
    /// one pass over the columns, a run at a time.
    pub(crate) fn push_runs(&self, acc: &mut Accumulator<'_>) {
        let cols = PlainColumns {
            ids: &self.ids,
            days: self.days,
            kinds: &self.kinds,
            amounts: &self.amounts,
        };
        acc.push_plain_columns(cols, i64::from(epoch_day(acc.window_first())));
    }

    /// Adds the checked rows: plain ones (excused or unexcused hours or days without a lesson
    /// number, dated inside the window) straight from the columns, the others as records.
    pub(crate) fn push_into(&self, acc: &mut Accumulator<'_>) {
        self.push_into_known(acc, self.grouped());
    }

    /// [`Rows::push_into`], where [`Rows::grouped`] is already known to be `grouped`.
    pub(crate) fn push_into_known(&self, acc: &mut Accumulator<'_>, grouped: bool) {
        let first = i64::from(epoch_day(acc.window_first()));
        if self.units.is_none() && self.lessons.is_none() {
            // The common layout: no unit and no lesson column. Rows in random pupil order
            // (runs shorter than 4 rows on average) go row by row: each misses the cache, and
            // short independent iterations let the processor overlap the misses.
            if !grouped {
                self.push_rows(acc, first);
                return;
            }
            self.push_runs(acc);
            return;
        }
        for row in 0..self.len() {
            let (kind, unit, lesson) = self.codes(row);
            if kind < 2 && unit < 2 && lesson.is_none() {
                let day = self.days.get(row).map(|&d| i64::from(d) - first);
                let pupil = PupilId(self.ids.get(row).copied().unwrap_or(0));
                let amount = self.amount(row);
                if let Some(day) = day.and_then(|d| usize::try_from(d).ok())
                    && acc.push_plain_day(pupil, day, usize::from(kind), usize::from(unit), amount)
                {
                    continue;
                }
            }
            acc.push_coherent(std::iter::once(self.record(row, self.date(row))));
        }
    }
}

impl Accumulator<'_> {
    /// Adds the records of an Arrow batch laid out as [`crate::arrow::record_schema`] (feature
    /// `arrow`): all of them, or none when one is refused. Dictionary columns are resolved once
    /// per batch, and no string is allocated per row. Records count as with
    /// [`Accumulator::push`], so the report is the one the CSV readers give on the same data.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::ArrowMissingColumn`], [`AbsenceError::ArrowColumnType`],
    /// [`AbsenceError::ArrowNull`] and [`AbsenceError::ArrowValue`] name the column (and the
    /// row); [`AbsenceError::ArrowRecord`] names the row of an incoherent record (a late arrival
    /// of 0 minutes, an absence in minutes). The accumulator is unchanged then.
    ///
    /// # Panics
    ///
    /// Never.
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::Arc;
    /// use edurules_absence::arrow::arrow_array::{ArrayRef, Date32Array, Float64Array, RecordBatch, StringArray, UInt64Array};
    /// use edurules_absence::*;
    ///
    /// let roster = Roster::new(vec![Pupil::new(PupilId(1), SchoolId("S".into()), Level::School)])?;
    /// let planned = Planned::default();
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3)?, &roster, &planned)?;
    /// let day = 20_514; // 2026-03-02, in days since 1970-01-01
    /// let batch = |kind: &str| RecordBatch::try_from_iter([
    ///     ("pupil_id", Arc::new(UInt64Array::from(vec![1, 1])) as ArrayRef),
    ///     ("date", Arc::new(Date32Array::from(vec![day, day]))),
    ///     ("amount", Arc::new(Float64Array::from(vec![41.0, 0.5]))),
    ///     ("kind", Arc::new(StringArray::from(vec!["unexcused", kind]))),
    /// ]).unwrap();
    /// let mut acc = ev.accumulator();
    /// acc.push_arrow(&batch("unexcused"))?;
    /// assert_eq!(ev.evaluate(&acc).selection("bg.isrm.unexcused").count(), 1);
    ///
    /// let err = acc.push_arrow(&batch("sick")).unwrap_err();
    /// assert_eq!(err.code(), "absence.arrow_value");
    /// assert_eq!(err.to_string(), "Arrow data, row index 1, column “kind”: “sick” is not a kind \
    ///     of absence; use “excused”, “unexcused” or “late”.");
    /// assert_eq!(acc.stats().records, 2); // nothing of the refused batch was added
    /// # Ok::<(), AbsenceError>(())
    /// ```
    pub fn push_arrow(&mut self, batch: &RecordBatch) -> Result<(), AbsenceError> {
        let rows = Rows::read(batch)?;
        rows.check()?;
        rows.push_into(self);
        Ok(())
    }
}

/// Reads a roster from Arrow batches laid out as [`crate::arrow::roster_schema`].
///
/// # Errors
///
/// [`AbsenceError::ArrowMissingColumn`], [`AbsenceError::ArrowColumnType`],
/// [`AbsenceError::ArrowNull`], [`AbsenceError::ArrowValue`] (an empty school id, an unknown
/// level, a grade past 255, a negative id) naming the column and the row in its batch;
/// [`AbsenceError::DuplicatePupil`] and [`AbsenceError::TooManyPupils`] as [`Roster::new`].
///
/// # Panics
///
/// Never.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use edurules_absence::arrow::{arrow_array::{ArrayRef, RecordBatch, StringArray, UInt64Array}, read_roster};
/// use edurules_absence::{Level, PupilId};
/// let batch = |level: &str| RecordBatch::try_from_iter([
///     ("pupil_id", Arc::new(UInt64Array::from(vec![7])) as ArrayRef),
///     ("school_id", Arc::new(StringArray::from(vec!["SU-7"]))),
///     ("level", Arc::new(StringArray::from(vec![level]))),
/// ]).unwrap();
/// let roster = read_roster([&batch("preschool")])?;
/// assert_eq!(roster.pupils()[0].level, Level::Preschool);
/// assert_eq!(read_roster([&batch("kindergarten")]).unwrap_err().code(), "absence.arrow_value");
/// # Ok::<(), edurules_absence::AbsenceError>(())
/// ```
pub fn read_roster<'a>(
    batches: impl IntoIterator<Item = &'a RecordBatch>,
) -> Result<Roster, AbsenceError> {
    let batches: Vec<&RecordBatch> = batches.into_iter().collect();
    let mut pupils = Vec::with_capacity(batches.iter().map(|b| b.num_rows()).sum());
    let mut schools_seen = SchoolIds::default();
    for batch in batches {
        let ids = columns::ids(
            "pupil_id",
            columns::column(batch, "pupil_id")?.as_ref(),
            FieldFormat::PupilId,
        )?;
        let mut schools = Schools::of(columns::column(batch, "school_id")?.as_ref())?;
        let levels = columns::codes(
            "level",
            columns::column(batch, "level")?.as_ref(),
            false,
            level_code,
            FieldFormat::Level,
        );
        let grades = batch
            .column_by_name("grade")
            .map(|a| columns::small_numbers("grade", a.as_ref()))
            .transpose();
        let (levels, grades) = match (levels, grades) {
            (Ok(levels), Ok(grades)) => (levels, grades),
            // The columns in their order: an empty school id comes first.
            (Err(e), _) | (_, Err(e)) => return Err(schools.check().err().unwrap_or(e)),
        };
        for (row, (&id, &level)) in ids.iter().zip(&levels).enumerate() {
            let level = if level == 0 {
                Level::Preschool
            } else {
                Level::School
            };
            pupils.push(Pupil {
                id: PupilId(id),
                school: schools.get(row, &mut schools_seen)?,
                level,
                grade: grades.as_ref().and_then(|g| g.get(row).copied().flatten()),
            });
        }
    }
    Roster::new(pupils)
}

/// One shared [`SchoolId`] per distinct text: a roster holds a text per school, not per pupil.
#[derive(Default)]
struct SchoolIds {
    /// The last id given: pupils of one school usually come together.
    last: Option<SchoolId>,
    seen: HashSet<Arc<str>>,
}

impl SchoolIds {
    fn get(&mut self, text: &str) -> SchoolId {
        if let Some(last) = &self.last
            && last.as_str() == text
        {
            return last.clone();
        }
        let shared = match self.seen.get(text) {
            Some(shared) => Arc::clone(shared),
            None => {
                let shared: Arc<str> = Arc::from(text);
                self.seen.insert(Arc::clone(&shared));
                shared
            }
        };
        let id = SchoolId(shared);
        self.last = Some(id.clone());
        id
    }
}

/// The `school_id` column of a roster batch (no nulls), of any string layout or a dictionary.
enum Schools<'a> {
    Plain(Strings<'a>),
    /// Each row's key, the texts, and each key's [`SchoolId`] once made.
    Dictionary {
        keys: Vec<usize>,
        values: Strings<'a>,
        made: Vec<Option<SchoolId>>,
    },
}

impl<'a> Schools<'a> {
    const NAME: &'static str = "school_id";

    fn of(array: &'a dyn Array) -> Result<Self, AbsenceError> {
        columns::require_values(Self::NAME, array)?;
        if let Some(s) = Strings::of(array) {
            return Ok(Self::Plain(s));
        }
        let (keys, values) = any_dictionary(array)
            .ok_or_else(|| columns::wrong_type(Self::NAME, array, columns::TEXT_TYPES))?;
        // One slot per text of the dictionary (which is in memory already).
        let made = vec![None; values.len()];
        Ok(Self::Dictionary { keys, values, made })
    }

    /// The text of a row.
    fn text(&self, row: usize) -> &'a str {
        match self {
            Self::Plain(s) => s.get(row),
            Self::Dictionary { keys, values, .. } => keys.get(row).and_then(|&k| values.get(k)),
        }
        .unwrap_or_default()
    }

    /// The id of a row, shared through `seen`; an empty id is refused.
    fn get(&mut self, row: usize, seen: &mut SchoolIds) -> Result<SchoolId, AbsenceError> {
        let text = self.text(row);
        if text.is_empty() {
            return Err(Self::empty(row));
        }
        let Self::Dictionary { keys, made, .. } = self else {
            return Ok(seen.get(text));
        };
        // A dictionary's text is looked up once per key.
        match made.get_mut(keys.get(row).copied().unwrap_or(0)) {
            Some(Some(id)) => Ok(id.clone()),
            Some(slot) => Ok(slot.insert(seen.get(text)).clone()),
            None => Ok(seen.get(text)),
        }
    }

    /// The error of an empty id at `row`.
    fn empty(row: usize) -> AbsenceError {
        columns::bad_value(Self::NAME, row, "", FieldFormat::SchoolId)
    }

    /// The first empty id, as an error.
    fn check(&self) -> Result<(), AbsenceError> {
        let len = match self {
            Self::Plain(s) => s.len(),
            Self::Dictionary { keys, .. } => keys.len(),
        };
        match (0..len).find(|&row| self.text(row).is_empty()) {
            Some(row) => Err(Self::empty(row)),
            None => Ok(()),
        }
    }
}

/// The keys and text values of a dictionary array (no null keys), whatever its key type.
fn any_dictionary(array: &dyn Array) -> Option<(Vec<usize>, Strings<'_>)> {
    let d = array.as_any_dictionary_opt()?;
    let values = Strings::of(d.values().as_ref())?;
    Some((d.normalized_keys(), values))
}
