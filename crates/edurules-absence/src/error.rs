//! The crate's one error type; its texts are in `error_text.rs`.

use chrono::NaiveDate;
use edurules_locale::{Locale, Message};
use thiserror::Error;

use crate::{AbsenceKind, FieldFormat, ProfileProblem, PupilId, RowProblem, Unit, WindowProblem};

/// Everything that can go wrong when loading rules, windows, rosters, records or CSV files.
///
/// A flag is not an error: evaluation returns a [`crate::Report`]. Every variant has a stable
/// [`code`](AbsenceError::code) and a [`message`](AbsenceError::message) in Polish, Bulgarian
/// and English (also through [`edurules_locale::Message`]); `Display` is the English message.
///
/// # Example
///
/// ```
/// use edurules_absence::{AbsenceError, Locale, Quantity};
/// let err = "1/7".parse::<Quantity>().unwrap_err();
/// assert_eq!(err.code(), "absence.invalid_quantity");
/// assert!(err.message(Locale::Bg).starts_with("Количеството „1/7“ е невалидно"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.message(Locale::En))]
#[non_exhaustive]
pub enum AbsenceError {
    /// An amount that is not an exact non-negative multiple of 1/60.
    InvalidQuantity {
        /// The text given.
        value: String,
    },
    /// A percentage that is not a non-negative number with at most two decimal digits.
    InvalidPercent {
        /// The text given.
        value: String,
    },
    /// An evaluation window that is empty, reversed, too long or not a month.
    InvalidWindow {
        /// What is wrong.
        reason: WindowProblem,
    },
    /// A rule profile that failed validation; every problem is listed.
    InvalidProfile {
        /// The profile's id.
        profile: String,
        /// Every problem found, each naming the rule.
        problems: Vec<ProfileProblem>,
    },
    /// The same pupil id twice in a roster.
    DuplicatePupil {
        /// The repeated id.
        pupil: PupilId,
    },
    /// More pupils than the evaluator can index.
    TooManyPupils {
        /// How many were given.
        count: usize,
    },
    /// A late arrival not in minutes, or an absence in minutes.
    UnitMismatch {
        /// Whose record.
        pupil: PupilId,
        /// The record's kind.
        kind: AbsenceKind,
        /// The record's unit.
        unit: Unit,
    },
    /// A lesson number past [`crate::MAX_LESSON`].
    LessonOutOfRange {
        /// Whose record.
        pupil: PupilId,
        /// The lesson number given.
        lesson: u8,
    },
    /// A record with a lesson number that is not exactly one hour (or a late arrival).
    LessonAmount {
        /// Whose record.
        pupil: PupilId,
        /// The date.
        date: NaiveDate,
        /// The lesson number.
        lesson: u8,
    },
    /// A CSV file without a required column.
    CsvHeader {
        /// The missing column.
        column: String,
    },
    /// A CSV field that cannot be read.
    CsvField {
        /// The 1-based line number in the file (the header is line 1).
        line: u64,
        /// The column name.
        column: String,
        /// The text found.
        value: String,
        /// What was expected.
        expected: FieldFormat,
    },
    /// A CSV row that cannot be split into fields, or a record that is not coherent.
    CsvRow {
        /// The 1-based line number in the file.
        line: u64,
        /// What is wrong.
        reason: RowProblem,
    },
    /// A CSV line with a quote that is not closed on the same line, or a quote inside an
    /// unquoted field. A record is one line: quoting never spans lines, so the error stays on
    /// its line.
    CsvQuote {
        /// The 1-based line number in the file.
        line: u64,
    },
    /// A CSV header naming the same column twice: which one is meant is ambiguous.
    CsvDuplicateColumn {
        /// The repeated column.
        column: String,
    },
    /// A CSV header that lacks the required columns but is separated by another character.
    CsvSeparator {
        /// The separator found (`;` or a tab).
        found: char,
    },
    /// A CSV line longer than [`crate::MAX_LINE_BYTES`] (for example an unclosed quote or a file
    /// without line ends): reading stops so that memory stays bounded.
    CsvLineTooLong {
        /// The line where the overlong record began.
        line: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A late arrival of zero minutes: not late, and no rule says what it counts.
    LateWithoutDelay {
        /// Whose record.
        pupil: PupilId,
        /// The date.
        date: NaiveDate,
    },
    /// Reading the input failed.
    Io {
        /// The file, when the input is a file (cut to 64 characters).
        path: Option<String>,
        /// What kind of failure: the Polish and Bulgarian messages say it in words.
        kind: std::io::ErrorKind,
        /// The system's text of the I/O error (in English; only the English message shows it).
        reason: String,
    },
    /// Arrow input (a `RecordBatch`) without a required column (feature `arrow`).
    #[cfg(feature = "arrow")]
    ArrowMissingColumn {
        /// The missing column.
        column: String,
    },
    /// An Arrow column of a type that cannot hold what the column means (feature `arrow`).
    #[cfg(feature = "arrow")]
    ArrowColumnType {
        /// The column.
        column: String,
        /// The Arrow type found (Arrow's own name of it, such as `Utf8`).
        found: String,
        /// The Arrow types accepted for the column (Arrow's names).
        expected: String,
    },
    /// A null in an Arrow column that requires a value (feature `arrow`).
    #[cfg(feature = "arrow")]
    ArrowNull {
        /// The column.
        column: String,
        /// The 0-based index of the row in its batch.
        row: u64,
    },
    /// An Arrow value that cannot be read (feature `arrow`).
    #[cfg(feature = "arrow")]
    ArrowValue {
        /// The column.
        column: String,
        /// The 0-based index of the row in its batch.
        row: u64,
        /// The value found, as text (cut to 64 characters).
        value: String,
        /// What was expected.
        expected: FieldFormat,
    },
    /// An Arrow row whose values are readable but not a coherent record (feature `arrow`).
    #[cfg(feature = "arrow")]
    ArrowRecord {
        /// The 0-based index of the row in its batch.
        row: u64,
        /// Why the record is not coherent ([`AbsenceError::UnitMismatch`],
        /// [`AbsenceError::LateWithoutDelay`], [`AbsenceError::LessonOutOfRange`],
        /// [`AbsenceError::LessonAmount`]).
        problem: Box<AbsenceError>,
    },
    /// Input that is not a Parquet file, or whose footer and metadata cannot be read
    /// (feature `parquet`).
    #[cfg(feature = "parquet")]
    ParquetFormat {
        /// The file, when the input is a file (cut to 64 characters).
        path: Option<String>,
        /// The Parquet reader's text of the problem (in English; only the English message
        /// shows it; cut to 64 characters).
        reason: String,
    },
    /// A Parquet file without a required column (feature `parquet`).
    #[cfg(feature = "parquet")]
    ParquetMissingColumn {
        /// The file, when the input is a file (cut to 64 characters).
        path: Option<String>,
        /// The missing column.
        column: String,
    },
    /// A Parquet column of a type that cannot hold what the column means (feature `parquet`).
    #[cfg(feature = "parquet")]
    ParquetColumnType {
        /// The file, when the input is a file (cut to 64 characters).
        path: Option<String>,
        /// The column.
        column: String,
        /// The column's type as Arrow reads it (Arrow's own name of it, such as `Utf8`).
        found: String,
        /// The Arrow types accepted for the column (Arrow's names).
        expected: String,
    },
    /// A row group of a Parquet file that cannot be decoded: corrupt pages, a codec this build
    /// does not have (feature `parquet`).
    #[cfg(feature = "parquet")]
    ParquetRowGroup {
        /// The file, when the input is a file (cut to 64 characters).
        path: Option<String>,
        /// The 0-based index of the row group.
        row_group: u64,
        /// The Parquet reader's text of the problem (in English; only the English message
        /// shows it; cut to 64 characters).
        reason: String,
    },
    /// A row of a Parquet file whose value cannot be read or is not a coherent record
    /// (feature `parquet`).
    #[cfg(feature = "parquet")]
    ParquetRow {
        /// The file, when the input is a file (cut to 64 characters).
        path: Option<String>,
        /// The 0-based index of the row in the file.
        row: u64,
        /// What is wrong: [`AbsenceError::ArrowNull`], [`AbsenceError::ArrowValue`] or
        /// [`AbsenceError::ArrowRecord`], their row being the same index in the file.
        problem: Box<AbsenceError>,
    },
    /// A signal dated before the first day of the window it reports on.
    SignalBeforeWindow {
        /// The date the signal would be issued.
        issued_on: NaiveDate,
        /// The first day of the window.
        first: NaiveDate,
    },
    /// A signal dated before the last day of the window it reports on: it would report
    /// absences up to a day that has not come yet.
    SignalBeforeWindowEnd {
        /// The date the signal would be issued.
        issued_on: NaiveDate,
        /// The last day of the window.
        last: NaiveDate,
    },
}

impl AbsenceError {
    /// A stable machine code, for logs and translations.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{AbsenceError, PupilId};
    /// assert_eq!(AbsenceError::DuplicatePupil { pupil: PupilId(1) }.code(), "absence.duplicate_pupil");
    /// ```
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::InvalidQuantity { .. } => "absence.invalid_quantity",
            Self::InvalidPercent { .. } => "absence.invalid_percent",
            Self::InvalidWindow { .. } => "absence.invalid_window",
            Self::InvalidProfile { .. } => "absence.invalid_profile",
            Self::DuplicatePupil { .. } => "absence.duplicate_pupil",
            Self::TooManyPupils { .. } => "absence.too_many_pupils",
            Self::UnitMismatch { .. } => "absence.unit_mismatch",
            Self::LessonOutOfRange { .. } => "absence.lesson_out_of_range",
            Self::LessonAmount { .. } => "absence.lesson_amount",
            Self::CsvHeader { .. } => "absence.csv_header",
            Self::CsvField { .. } => "absence.csv_field",
            Self::CsvRow { .. } => "absence.csv_row",
            Self::CsvQuote { .. } => "absence.csv_quote",
            Self::CsvDuplicateColumn { .. } => "absence.csv_duplicate_column",
            Self::CsvSeparator { .. } => "absence.csv_separator",
            Self::CsvLineTooLong { .. } => "absence.csv_line_too_long",
            Self::LateWithoutDelay { .. } => "absence.late_without_delay",
            Self::Io { .. } => "absence.io",
            Self::SignalBeforeWindow { .. } => "absence.signal_before_window",
            Self::SignalBeforeWindowEnd { .. } => "absence.signal_before_window_end",
            #[cfg(feature = "arrow")]
            Self::ArrowMissingColumn { .. } => "absence.arrow_missing_column",
            #[cfg(feature = "arrow")]
            Self::ArrowColumnType { .. } => "absence.arrow_column_type",
            #[cfg(feature = "arrow")]
            Self::ArrowNull { .. } => "absence.arrow_null",
            #[cfg(feature = "arrow")]
            Self::ArrowValue { .. } => "absence.arrow_value",
            #[cfg(feature = "arrow")]
            Self::ArrowRecord { .. } => "absence.arrow_record",
            #[cfg(feature = "parquet")]
            Self::ParquetFormat { .. } => "absence.parquet_format",
            #[cfg(feature = "parquet")]
            Self::ParquetMissingColumn { .. } => "absence.parquet_missing_column",
            #[cfg(feature = "parquet")]
            Self::ParquetColumnType { .. } => "absence.parquet_column_type",
            #[cfg(feature = "parquet")]
            Self::ParquetRowGroup { .. } => "absence.parquet_row_group",
            #[cfg(feature = "parquet")]
            Self::ParquetRow { .. } => "absence.parquet_row",
        }
    }

    /// The message in Polish, Bulgarian or English: whole sentences in one language, input
    /// quoted and cut (see [`Locale::quote`]), numbers and dates as the language writes them.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{AbsenceError, Locale, PupilId};
    /// let e = AbsenceError::DuplicatePupil { pupil: PupilId(9) };
    /// assert_eq!(e.message(Locale::En), e.to_string());
    /// assert_eq!(e.message(Locale::Pl), "Uczeń o identyfikatorze 9 występuje w wykazie dwa razy.");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        crate::error_text::message(self, locale)
    }
}

impl Message for AbsenceError {
    fn code(&self) -> &'static str {
        Self::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        Self::message(self, locale)
    }
}
