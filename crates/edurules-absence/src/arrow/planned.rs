//! Planned amounts (the denominators of percentage rules) from `RecordBatch`es.

use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::{Datelike, NaiveDate};

use super::columns::{self, Strings};
use crate::{AbsenceError, FieldFormat, Planned, PupilId, Quantity, Unit, YearMonth};

/// The Arrow schema of planned amounts, the columns of the CSV read by
/// [`crate::read_planned`]: `pupil_id` `UInt64`; `unit` `Utf8` (`hours`, `lessons` or
/// `days`); `amount` `Float64` (exact to 1/60, or any integer type, or the CSV's text);
/// `month`, optional and nullable, `Utf8` `YYYY-MM` or a `Date32` (its month) — a null or
/// empty month, or no `month` column, is the planned amount of the whole window.
///
/// ```
/// let schema = edurules_absence::arrow::planned_schema();
/// assert_eq!(schema.fields().len(), 4);
/// assert!(schema.field_with_name("month").unwrap().is_nullable());
/// ```
#[must_use]
pub fn planned_schema() -> Schema {
    Schema::new(vec![
        Field::new("pupil_id", DataType::UInt64, false),
        Field::new("unit", DataType::Utf8, false),
        Field::new("amount", DataType::Float64, false),
        Field::new("month", DataType::Utf8, true),
    ])
}

fn planned_unit(s: &str) -> Option<u8> {
    match s {
        "hours" | "lessons" => Some(0),
        "days" => Some(1),
        _ => None,
    }
}

/// `YYYY-MM` (surrounding spaces allowed); `None` for anything else.
fn year_month(s: &str) -> Option<YearMonth> {
    let b = s.trim_ascii().as_bytes();
    let [y0, y1, y2, y3, b'-', m0, m1] = b else {
        return None;
    };
    let digits = |ds: &[u8]| {
        ds.iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(digits(&[*y0, *y1, *y2, *y3])?).ok()?;
    let month = digits(&[*m0, *m1]).filter(|m| (1..=12).contains(m))?;
    Some(YearMonth::new(year, month))
}

/// The month of each row of an optional `month` column: `None` for the whole window.
fn months(array: &dyn Array) -> Result<Vec<Option<YearMonth>>, AbsenceError> {
    let name = "month";
    if let Some(texts) = Strings::of(array) {
        return (0..array.len())
            .map(|row| match texts.get(row) {
                None => Ok(None),
                Some(s) if s.trim_ascii().is_empty() => Ok(None),
                Some(s) => year_month(s)
                    .map(Some)
                    .ok_or_else(|| columns::bad_value(name, row, s, FieldFormat::Month)),
            })
            .collect();
    }
    if array.data_type() == &DataType::Date32 {
        let dates = array.as_primitive::<Date32Type>();
        return (0..array.len())
            .map(|row| {
                if dates.is_null(row) {
                    return Ok(None);
                }
                let days = dates.value(row);
                NaiveDate::from_num_days_from_ce_opt(days.saturating_add(719_163))
                    .map(|d| Some(YearMonth::new(d.year(), d.month())))
                    .ok_or_else(|| {
                        columns::bad_value(name, row, &days.to_string(), FieldFormat::Month)
                    })
            })
            .collect();
    }
    Err(columns::wrong_type(
        name,
        array,
        "Utf8, LargeUtf8, Utf8View, Date32",
    ))
}

/// Reads planned amounts from Arrow batches laid out as [`planned_schema`], as
/// [`crate::read_planned`] reads them from CSV: with a month the amount is the pupil's planned
/// amount of that month ([`Planned::set_month`]: days of classes for the Polish rule), without one the planned amount of
/// the whole window ([`Planned::set_window`]). A later row for the same pupil, month and unit
/// replaces an earlier one.
///
/// # Errors
///
/// [`AbsenceError::ArrowMissingColumn`], [`AbsenceError::ArrowColumnType`],
/// [`AbsenceError::ArrowNull`] (in `pupil_id`, `unit` or `amount`), [`AbsenceError::ArrowValue`]
/// (a negative id, a unit other than hours, lessons or days, an amount not exact to 1/60, a
/// month not `YYYY-MM`) naming the column and the row in its batch.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use edurules_absence::arrow::{arrow_array::{ArrayRef, Float64Array, RecordBatch, StringArray, UInt64Array}, read_planned};
/// use edurules_absence::{PupilId, Quantity, Unit, YearMonth};
/// let batch = RecordBatch::try_from_iter([
///     ("pupil_id", Arc::new(UInt64Array::from(vec![1, 1])) as ArrayRef),
///     ("unit", Arc::new(StringArray::from(vec!["hours", "days"]))),
///     ("amount", Arc::new(Float64Array::from(vec![80.0, 170.0]))),
///     ("month", Arc::new(StringArray::from(vec![Some("2026-03"), None]))),
/// ]).unwrap();
/// let planned = read_planned([&batch])?;
/// assert_eq!(planned.month(PupilId(1), YearMonth::new(2026, 3), Unit::Hours), Some(Quantity::whole(80)));
/// assert_eq!(planned.window(PupilId(1), Unit::Days), Some(Quantity::whole(170)));
/// # Ok::<(), edurules_absence::AbsenceError>(())
/// ```
pub fn read_planned<'a>(
    batches: impl IntoIterator<Item = &'a RecordBatch>,
) -> Result<Planned, AbsenceError> {
    let mut planned = Planned::default();
    for batch in batches {
        let ids = columns::ids(
            "pupil_id",
            columns::column(batch, "pupil_id")?.as_ref(),
            FieldFormat::PupilId,
        )?;
        let units = columns::codes(
            "unit",
            columns::column(batch, "unit")?.as_ref(),
            false,
            planned_unit,
            FieldFormat::PlannedUnit,
        )?;
        let amounts = columns::amounts("amount", columns::column(batch, "amount")?.as_ref())?;
        let months = batch
            .column_by_name("month")
            .map(|a| months(a.as_ref()))
            .transpose()?;
        for (row, (&id, &unit)) in ids.iter().zip(&units).enumerate() {
            // `codes` refused nulls and unknown names already: nothing else reaches here.
            let unit = match unit {
                0 => Unit::Hours,
                1 => Unit::Days,
                _ => continue,
            };
            let amount = Quantity::from_sixtieths(amounts.get(row).copied().unwrap_or(0));
            match months.as_ref().and_then(|m| m.get(row).copied().flatten()) {
                Some(month) => planned.set_month(PupilId(id), month, unit, amount),
                None => planned.set_window(PupilId(id), unit, amount),
            }
        }
    }
    Ok(planned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{ArrayRef, Date32Array, Int64Array, StringArray};
    use std::sync::Arc;

    fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
        RecordBatch::try_from_iter(columns).unwrap()
    }

    #[test]
    fn months_as_dates_and_integers_as_amounts() {
        let b = batch(vec![
            ("pupil_id", Arc::new(Int64Array::from(vec![3])) as ArrayRef),
            ("unit", Arc::new(StringArray::from(vec!["lessons"]))),
            ("amount", Arc::new(Int64Array::from(vec![72]))),
            // 2026-03-15 is day 20527 of the Unix epoch.
            ("month", Arc::new(Date32Array::from(vec![Some(20_527)]))),
        ]);
        let p = read_planned([&b]).unwrap();
        assert_eq!(
            p.month(PupilId(3), YearMonth::new(2026, 3), Unit::Hours),
            Some(Quantity::whole(72))
        );
        assert_eq!(p.window(PupilId(3), Unit::Hours), None);
    }

    #[test]
    fn refusals_name_the_column_and_row() {
        let base = |unit: &str, month: &str, amount: f64| {
            batch(vec![
                (
                    "pupil_id",
                    Arc::new(Int64Array::from(vec![1, 2])) as ArrayRef,
                ),
                ("unit", Arc::new(StringArray::from(vec!["hours", unit]))),
                (
                    "amount",
                    Arc::new(arrow_array::Float64Array::from(vec![1.0, amount])),
                ),
                ("month", Arc::new(StringArray::from(vec!["2026-03", month]))),
            ])
        };
        let e = read_planned([&base("minutes", "2026-03", 1.0)]).unwrap_err();
        assert!(matches!(&e, AbsenceError::ArrowValue { column, row: 1, .. } if column == "unit"));
        let e = read_planned([&base("days", "2026-13", 1.0)]).unwrap_err();
        assert!(matches!(&e, AbsenceError::ArrowValue { column, row: 1, .. } if column == "month"));
        let e = read_planned([&base("days", "", 0.001)]).unwrap_err();
        assert!(
            matches!(&e, AbsenceError::ArrowValue { column, row: 1, .. } if column == "amount")
        );
        let no_unit = batch(vec![
            ("pupil_id", Arc::new(Int64Array::from(vec![1])) as ArrayRef),
            ("amount", Arc::new(Int64Array::from(vec![1]))),
        ]);
        let e = read_planned([&no_unit]).unwrap_err();
        assert!(matches!(&e, AbsenceError::ArrowMissingColumn { column } if column == "unit"));
        // An empty month is the whole window, as in the CSV.
        let p = read_planned([&base("days", " ", 170.0)]).unwrap();
        assert_eq!(p.window(PupilId(2), Unit::Days), Some(Quantity::whole(170)));
    }

    #[test]
    fn a_later_row_replaces_an_earlier_one() {
        let b = batch(vec![
            (
                "pupil_id",
                Arc::new(Int64Array::from(vec![1, 1])) as ArrayRef,
            ),
            ("unit", Arc::new(StringArray::from(vec!["days", "days"]))),
            ("amount", Arc::new(Int64Array::from(vec![100, 170]))),
        ]);
        let p = read_planned([&b]).unwrap();
        assert_eq!(p.window(PupilId(1), Unit::Days), Some(Quantity::whole(170)));
    }
}
