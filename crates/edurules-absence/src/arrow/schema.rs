//! The documented Arrow schemas of records, the roster and the report.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema};

/// A dictionary-encoded string column (`Dictionary(Int8, Utf8)`): a kind, unit or level.
fn small_dictionary() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8))
}

/// The schema of absence records, the CSV records' columns in Arrow types.
///
/// | column | type | nullable | as in the CSV |
/// |---|---|---|---|
/// | `pupil_id` | `UInt64` (also `Int64`, `UInt32`, `Int32`; negative ids are refused) | no | `pupil_id` |
/// | `date` | `Date32` | no | `date` |
/// | `amount` | `Float64`, exact to 1/60 (also any integer type: whole units; `Utf8`: the CSV syntax `0.5`, `1/2`); a column `hours` is read when there is no `amount` | no | `hours` |
/// | `kind` | `Dictionary(Int8, Utf8)` (any integer key; or `Utf8`, `LargeUtf8`, `Utf8View`): `excused`, `unexcused`, `late` | no | `kind` |
/// | `unit` | like `kind`: `hours`, `lessons`, `days`, `minutes` | yes: null = hours, minutes for `late` | `unit` (optional column) |
/// | `lesson` | `UInt8` (also any integer type, 0–15) | yes: null = no lesson number | `lesson` (optional column) |
///
/// Other columns are ignored. A `Float64` amount is exact when amount × 60 is within 10⁻⁶ of a
/// whole number (so `0.5` and `1/3` written as `0.3333333333333333` are read as ½ and ⅓).
///
/// # Panics
///
/// Never.
///
/// # Example
///
/// ```
/// use edurules_absence::arrow::{arrow_schema::DataType, record_schema};
/// let schema = record_schema();
/// assert_eq!(schema.field_with_name("date").unwrap().data_type(), &DataType::Date32);
/// assert!(schema.field_with_name("hours").is_err()); // the CSV name is only an alias
/// ```
#[must_use]
pub fn record_schema() -> Schema {
    Schema::new(vec![
        Field::new("pupil_id", DataType::UInt64, false),
        Field::new("date", DataType::Date32, false),
        Field::new("amount", DataType::Float64, false),
        Field::new("kind", small_dictionary(), false),
        Field::new("unit", small_dictionary(), true),
        Field::new("lesson", DataType::UInt8, true),
    ])
}

/// The schema of the roster, the CSV roster's columns in Arrow types.
///
/// | column | type | nullable |
/// |---|---|---|
/// | `pupil_id` | `UInt64` (also `Int64`, `UInt32`, `Int32`) | no |
/// | `school_id` | `Utf8` (also `LargeUtf8`, `Utf8View`, a dictionary of these), not empty | no |
/// | `level` | `Dictionary(Int8, Utf8)` (or any string type): `preschool`, `school` | no |
/// | `grade` | `UInt8` (also any integer type, 0–255) | yes: null = unknown |
///
/// # Panics
///
/// Never.
///
/// # Example
///
/// ```
/// use edurules_absence::arrow::roster_schema;
/// assert_eq!(roster_schema().fields().len(), 4);
/// assert!(roster_schema().field_with_name("grade").unwrap().is_nullable());
/// ```
#[must_use]
pub fn roster_schema() -> Schema {
    Schema::new(vec![
        Field::new("pupil_id", DataType::UInt64, false),
        Field::new("school_id", DataType::Utf8, false),
        Field::new("level", small_dictionary(), false),
        Field::new("grade", DataType::UInt8, true),
    ])
}

/// The schema of [`super::report_batch`]: one row per finding of each flag (a simple threshold
/// has one finding, an `all` of thresholds one per threshold), in the report's order.
///
/// | column | type | nullable | meaning |
/// |---|---|---|---|
/// | `pupil_id` | `UInt64` | no | the pupil |
/// | `school_id` | `LargeUtf8` | no | the pupil's school |
/// | `level` | `LargeUtf8` | no | `preschool` or `school` |
/// | `grade` | `UInt8` | yes | the grade, when known |
/// | `rule` | `LargeUtf8` | no | the id of the rule that fired (`bg.isrm.total`) |
/// | `counts` | `LargeUtf8` | no | what was summed: `all`, `unexcused`, `excused` |
/// | `unit` | `LargeUtf8` | no | `hours`, `days` |
/// | `first`, `last` | `Date32` | no | the period summed, both ends included |
/// | `month` | `LargeUtf8` | yes | `YYYY-MM` for a monthly threshold |
/// | `measured` | `LargeUtf8` | no | the measured amount, exact (`41.5`, `4/3`) |
/// | `measured_sixtieths` | `UInt64` | no | the same in sixtieths of the unit |
/// | `operator` | `LargeUtf8` | no | `gt` (over) or `ge` (at least) |
/// | `limit` | `LargeUtf8` | no | an amount (`130`) or a share (`50%`) |
/// | `planned` | `LargeUtf8` | yes | the planned amount of a share limit |
///
/// Strings are `LargeUtf8` so that no report is too large for one batch.
///
/// # Panics
///
/// Never.
///
/// # Example
///
/// ```
/// use edurules_absence::arrow::report_schema;
/// assert_eq!(report_schema().field(4).name(), "rule");
/// ```
#[must_use]
pub fn report_schema() -> Schema {
    let text = |name: &str, nullable| Field::new(name, DataType::LargeUtf8, nullable);
    Schema::new(vec![
        Field::new("pupil_id", DataType::UInt64, false),
        text("school_id", false),
        text("level", false),
        Field::new("grade", DataType::UInt8, true),
        text("rule", false),
        text("counts", false),
        text("unit", false),
        Field::new("first", DataType::Date32, false),
        Field::new("last", DataType::Date32, false),
        text("month", true),
        text("measured", false),
        Field::new("measured_sixtieths", DataType::UInt64, false),
        text("operator", false),
        text("limit", false),
        text("planned", true),
    ])
}

/// [`report_schema`] shared.
pub(super) fn report_schema_ref() -> Arc<Schema> {
    Arc::new(report_schema())
}
