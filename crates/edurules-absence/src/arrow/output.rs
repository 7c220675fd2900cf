//! The report as a `RecordBatch`.

use std::sync::Arc;

use arrow_array::builder::{Date32Builder, LargeStringBuilder, UInt8Builder, UInt64Builder};
use arrow_array::{ArrayRef, RecordBatch};
use chrono::NaiveDate;

use crate::{Counted, Limit, Operator, Report};

/// Days since 1970-01-01 (Arrow's `Date32`).
fn days(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from(date.signed_duration_since(epoch).num_days()).unwrap_or(i32::MAX)
}

const fn counts_name(c: Counted) -> &'static str {
    match c {
        Counted::All => "all",
        Counted::Unexcused => "unexcused",
        Counted::Excused => "excused",
    }
}

const fn operator_name(o: Operator) -> &'static str {
    match o {
        Operator::Gt => "gt",
        Operator::Ge => "ge",
    }
}

/// The flags of a report as one Arrow batch laid out as [`super::report_schema`]: one row per
/// finding, with the pupil, the rule that fired and the figures (measured amount, operator,
/// limit, planned amount, period).
///
/// # Panics
///
/// Never (every column is built to the schema's type and the same length).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_absence::arrow::{arrow_array::{Array, cast::AsArray}, report_batch};
/// use edurules_absence::*;
/// let roster = Roster::new(vec![Pupil::new(PupilId(1), SchoolId("S".into()), Level::School)])?;
/// let planned = Planned::default();
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3)?, &roster, &planned)?;
/// let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let rec = |h| AbsenceRecord::new(PupilId(1), d, Quantity::whole(h), Unit::Hours, AbsenceKind::Unexcused);
/// let batch = report_batch(&ev.evaluate_records(&[rec(41)])?);
/// assert_eq!(batch.num_rows(), 1);
/// let rule = batch.column_by_name("rule").unwrap().as_string::<i64>();
/// assert_eq!(rule.value(0), "bg.isrm.unexcused");
/// let measured = batch.column_by_name("measured").unwrap().as_string::<i64>();
/// assert_eq!(measured.value(0), "41");
/// // No flag, no row.
/// assert_eq!(report_batch(&ev.evaluate_records(&[rec(40)])?).num_rows(), 0);
/// # Ok::<(), AbsenceError>(())
/// ```
#[must_use]
pub fn report_batch(report: &Report) -> RecordBatch {
    let mut pupil = UInt64Builder::new();
    let mut school = LargeStringBuilder::new();
    let mut level = LargeStringBuilder::new();
    let mut grade = UInt8Builder::new();
    let mut rule = LargeStringBuilder::new();
    let mut counts = LargeStringBuilder::new();
    let mut unit = LargeStringBuilder::new();
    let mut first = Date32Builder::new();
    let mut last = Date32Builder::new();
    let mut month = LargeStringBuilder::new();
    let mut measured = LargeStringBuilder::new();
    let mut sixtieths = UInt64Builder::new();
    let mut operator = LargeStringBuilder::new();
    let mut limit = LargeStringBuilder::new();
    let mut planned = LargeStringBuilder::new();
    for flag in &report.flags {
        for f in &flag.findings {
            pupil.append_value(flag.pupil.0);
            school.append_value(&flag.school.0);
            level.append_value(flag.level.as_str());
            grade.append_option(flag.grade);
            rule.append_value(flag.rule.id());
            counts.append_value(counts_name(f.counts));
            unit.append_value(f.unit.as_str());
            first.append_value(days(f.first));
            last.append_value(days(f.last));
            month.append_option(f.month.map(|m| m.to_string()));
            measured.append_value(f.measured.to_string());
            sixtieths.append_value(f.measured.sixtieths());
            operator.append_value(operator_name(f.operator));
            limit.append_value(match f.limit {
                Limit::Amount(q) => q.to_string(),
                Limit::Share(p) => format!("{p}%"),
            });
            planned.append_option(f.planned.map(|q| q.to_string()));
        }
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(pupil.finish()),
        Arc::new(school.finish()),
        Arc::new(level.finish()),
        Arc::new(grade.finish()),
        Arc::new(rule.finish()),
        Arc::new(counts.finish()),
        Arc::new(unit.finish()),
        Arc::new(first.finish()),
        Arc::new(last.finish()),
        Arc::new(month.finish()),
        Arc::new(measured.finish()),
        Arc::new(sixtieths.finish()),
        Arc::new(operator.finish()),
        Arc::new(limit.finish()),
        Arc::new(planned.finish()),
    ];
    let schema = super::schema::report_schema_ref();
    #[expect(clippy::expect_used, reason = "the columns are built to the schema")]
    // INVARIANT: the columns above have the schema's types and order, the nullable ones are the
    // schema's nullable ones, and each got exactly one value per finding.
    RecordBatch::try_new(schema, columns).expect("columns match the report schema")
}
