#![doc = include_str!("../README.md")]

#[cfg(feature = "arrow")]
pub mod arrow;
mod csv_input;
mod engine;
mod error;
mod error_text;
mod flag;
mod model;
mod nouns;
#[cfg(feature = "parquet")]
pub mod parquet;
mod problem;
mod quantity;
mod report;
mod rule;
mod signal;
mod status;
#[cfg(test)]
mod sweep;
mod text;

pub use csv_input::{
    CsvSummary, MAX_LINE_BYTES, MAX_REPORTED_SKIPS, Mode, accumulate_csv_bytes,
    accumulate_csv_file, accumulate_csv_file_with_progress, read_planned, read_records,
    read_roster, stream_records,
};
pub use edurules_locale::{Locale, Message};
pub use engine::{Accumulator, Evaluator};
pub use error::AbsenceError;
pub use flag::{Finding, Flag, RuleRef};
pub use model::{
    AbsenceKind, AbsenceRecord, Level, MAX_LESSON, MAX_WINDOW_DAYS, Planned, PlannedData,
    PlannedMonth, PlannedWindow, Pupil, PupilId, Roster, SchoolId, Unit, Window, YearMonth,
};
pub use problem::{FieldFormat, ProfileProblem, RowProblem, WindowProblem};
pub use quantity::{PARTS_PER_UNIT, Percent, Quantity};
pub use report::{Duplicate, NotCounted, NotEvaluable, Report, Stats};
pub use rule::{
    Condition, Counted, LateBand, LateConversion, LegalBasis, Limit, MAX_CONDITION_DEPTH,
    MAX_LATE_BANDS, Operator, Per, Rule, RuleProfile, Threshold,
};
pub use signal::Signal;
pub use status::{AtRiskEntry, Status, StatusBook, Transition};
