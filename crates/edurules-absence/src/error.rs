//! The crate's one error type.

use chrono::NaiveDate;
use thiserror::Error;

use crate::{AbsenceKind, Locale, PupilId, Unit, quote};

/// Everything that can go wrong when loading rules, windows, rosters, records or CSV files.
///
/// A flag is not an error: evaluation returns a [`crate::Report`].
///
/// # Example
///
/// ```
/// use edurules_absence::{AbsenceError, Locale, Quantity};
/// let err = "1/7".parse::<Quantity>().unwrap_err();
/// assert_eq!(err.code(), "absence.invalid_quantity");
/// assert!(err.message(Locale::Bg).contains("`1/7`"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AbsenceError {
    /// An amount that is not an exact non-negative multiple of 1/60.
    #[error(
        "invalid amount {value_q}: expected a whole number, a decimal or a fraction exact in sixtieths", value_q = quote::quoted(.value, Locale::En))]
    InvalidQuantity {
        /// The text given.
        value: String,
    },
    /// A percentage that is not a non-negative number with at most two decimal digits.
    #[error("invalid percentage {value_q}: expected at most two decimal digits", value_q = quote::quoted(.value, Locale::En))]
    InvalidPercent {
        /// The text given.
        value: String,
    },
    /// An evaluation window that is empty, reversed, too long or not a month.
    #[error("invalid window: {reason_q}", reason_q = quote::cut(.reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::En))]
    InvalidWindow {
        /// What is wrong, with the dates in backticks.
        reason: String,
    },
    /// A rule profile that failed validation; every problem is listed.
    #[error("invalid rule profile {profile_q}: {}", problem_list(.problems, Locale::En), profile_q = quote::quoted(.profile, Locale::En))]
    InvalidProfile {
        /// The profile's id.
        profile: String,
        /// Every problem found, each naming the rule and field.
        problems: Vec<String>,
    },
    /// The same pupil id twice in a roster.
    #[error("pupil `{pupil}` appears twice in the roster")]
    DuplicatePupil {
        /// The repeated id.
        pupil: PupilId,
    },
    /// More pupils than the evaluator can index.
    #[error("too many pupils: `{count}`")]
    TooManyPupils {
        /// How many were given.
        count: usize,
    },
    /// A late arrival not in minutes, or an absence in minutes.
    #[error("record of pupil `{pupil}`: kind `{}` cannot be measured in `{}`", kind.as_str(), unit.as_str())]
    UnitMismatch {
        /// Whose record.
        pupil: PupilId,
        /// The record's kind.
        kind: AbsenceKind,
        /// The record's unit.
        unit: Unit,
    },
    /// A lesson number past [`crate::MAX_LESSON`].
    #[error("record of pupil `{pupil}`: lesson `{lesson}` is out of range 0..=15")]
    LessonOutOfRange {
        /// Whose record.
        pupil: PupilId,
        /// The lesson number given.
        lesson: u8,
    },
    /// A record with a lesson number that is not exactly one hour (or a late arrival).
    #[error("record of pupil `{pupil}` on `{date}`: lesson `{lesson}` must be exactly one hour")]
    LessonAmount {
        /// Whose record.
        pupil: PupilId,
        /// The date.
        date: NaiveDate,
        /// The lesson number.
        lesson: u8,
    },
    /// A CSV file without a required column.
    #[error("csv header: missing column {column_q}", column_q = quote::quoted(.column, Locale::En))]
    CsvHeader {
        /// The missing column.
        column: String,
    },
    /// A CSV field that cannot be read.
    #[error("csv line {line}, column {column_q}: {value_q} is not {expected}", value_q = quote::quoted(.value, Locale::En), column_q = quote::quoted(.column, Locale::En))]
    CsvField {
        /// The 1-based line number in the file (the header is line 1).
        line: u64,
        /// The column name.
        column: String,
        /// The text found.
        value: String,
        /// What was expected, in English.
        expected: String,
    },
    /// A CSV row that cannot be split into fields, or a record that is not coherent.
    #[error("csv line {line}: {reason_q}", reason_q = quote::cut(.reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::En))]
    CsvRow {
        /// The 1-based line number in the file.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// A CSV line with a quote that is not closed on the same line, or a quote inside an
    /// unquoted field. A record is one line: quoting never spans lines, so the error stays on
    /// its line.
    #[error("csv line {line}: unclosed or misplaced quote `\"`")]
    CsvQuote {
        /// The 1-based line number in the file.
        line: u64,
    },
    /// A CSV header naming the same column twice: which one is meant is ambiguous.
    #[error("csv header: column {column_q} appears more than once", column_q = quote::quoted(.column, Locale::En))]
    CsvDuplicateColumn {
        /// The repeated column.
        column: String,
    },
    /// A CSV header that lacks the required columns but is separated by another character.
    #[error("csv header: columns are separated by `{}`; expected `,`", quote::cut(&found.to_string(), 1, Locale::En))]
    CsvSeparator {
        /// The separator found (`;` or a tab).
        found: char,
    },
    /// A CSV line longer than [`crate::MAX_LINE_BYTES`] (for example an unclosed quote or a file
    /// without line ends): reading stops so that memory stays bounded.
    #[error("csv line {line}: the line is longer than {limit} {}", bytes_word(*limit, Locale::En))]
    CsvLineTooLong {
        /// The line where the overlong record began.
        line: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A late arrival of zero minutes: not late, and no rule says what it counts.
    #[error(
        "record of pupil `{pupil}` on `{date}`: a late arrival of `0` minutes is not a late arrival"
    )]
    LateWithoutDelay {
        /// Whose record.
        pupil: PupilId,
        /// The date.
        date: NaiveDate,
    },
    /// Reading the input failed.
    #[error("cannot read input: `{reason_q}`", reason_q = quote::cut(.reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::En))]
    Io {
        /// The I/O error's text.
        reason: String,
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
        }
    }

    /// The message in Polish, Bulgarian or English.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{AbsenceError, Locale, PupilId};
    /// let e = AbsenceError::DuplicatePupil { pupil: PupilId(9) };
    /// assert_eq!(e.message(Locale::En), e.to_string());
    /// assert!(e.message(Locale::Pl).contains("`9`"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Pl => self.message_pl(),
            Locale::Bg => self.message_bg(),
        }
    }

    fn message_pl(&self) -> String {
        match self {
            Self::InvalidQuantity { value } => format!(
                "nieprawidłowa wartość {value_q}: oczekiwano liczby całkowitej, dziesiętnej lub ułamka dokładnego w sześćdziesiątych",
                value_q = quote::quoted(value, Locale::Pl)
            ),
            Self::InvalidPercent { value } => format!(
                "nieprawidłowy procent {value_q}: dozwolone najwyżej dwie cyfry po przecinku",
                value_q = quote::quoted(value, Locale::Pl)
            ),
            Self::InvalidWindow { reason } => format!(
                "nieprawidłowy okres: {reason_q}",
                reason_q = quote::cut(reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::Pl)
            ),
            Self::InvalidProfile { profile, problems } => format!(
                "nieprawidłowy profil reguł {profile_q}: {}",
                problem_list(problems, Locale::Pl),
                profile_q = quote::quoted(profile, Locale::Pl)
            ),
            Self::DuplicatePupil { pupil } => {
                format!("uczeń `{pupil}` występuje w wykazie dwukrotnie")
            }
            Self::TooManyPupils { count } => format!("zbyt wielu uczniów: `{count}`"),
            Self::UnitMismatch { pupil, kind, unit } => format!(
                "wpis ucznia `{pupil}`: rodzaju `{}` nie można mierzyć w `{}`",
                kind.as_str(),
                unit.as_str()
            ),
            Self::LessonOutOfRange { pupil, lesson } => {
                format!("wpis ucznia `{pupil}`: lekcja `{lesson}` spoza zakresu 0..=15")
            }
            Self::LessonAmount {
                pupil,
                date,
                lesson,
            } => format!(
                "wpis ucznia `{pupil}` z dnia `{date}`: lekcja `{lesson}` musi wynosić dokładnie jedną godzinę"
            ),
            Self::CsvHeader { column } => format!(
                "nagłówek csv: brak kolumny {column_q}",
                column_q = quote::quoted(column, Locale::Pl)
            ),
            Self::CsvField {
                line,
                column,
                value,
                expected,
            } => format!(
                "csv, wiersz {line}, kolumna {column_q}: {value_q} to nie {expected}",
                value_q = quote::quoted(value, Locale::Pl),
                column_q = quote::quoted(column, Locale::Pl)
            ),
            Self::CsvRow { line, reason } => format!(
                "csv, wiersz {line}: {reason_q}",
                reason_q = quote::cut(reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::Pl)
            ),
            Self::CsvQuote { line } => {
                format!("csv, wiersz {line}: niezamknięty lub źle umieszczony cudzysłów `\"`")
            }
            Self::CsvDuplicateColumn { column } => format!(
                "nagłówek csv: kolumna {column_q} występuje więcej niż raz",
                column_q = quote::quoted(column, Locale::Pl)
            ),
            Self::CsvSeparator { found } => format!(
                "nagłówek csv: kolumny rozdziela `{}`; oczekiwano `,`",
                quote::cut(&found.to_string(), 1, Locale::Pl)
            ),
            Self::CsvLineTooLong { line, limit } => format!(
                "csv, wiersz {line}: wiersz jest dłuższy niż {limit} {}",
                bytes_word(*limit, Locale::Pl)
            ),
            Self::LateWithoutDelay { pupil, date } => format!(
                "wpis ucznia `{pupil}` z dnia `{date}`: spóźnienie o `0` minut nie jest spóźnieniem"
            ),
            Self::Io { reason } => format!(
                "nie można odczytać danych: `{reason_q}`",
                reason_q = quote::cut(reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::Pl)
            ),
        }
    }

    fn message_bg(&self) -> String {
        match self {
            Self::InvalidQuantity { value } => format!(
                "невалидно количество {value_q}: очаква се цяло число, десетична дроб или дроб, точна в шестдесетини",
                value_q = quote::quoted(value, Locale::Bg)
            ),
            Self::InvalidPercent { value } => format!(
                "невалиден процент {value_q}: допускат се най-много два знака след десетичната запетая",
                value_q = quote::quoted(value, Locale::Bg)
            ),
            Self::InvalidWindow { reason } => format!(
                "невалиден период: {reason_q}",
                reason_q = quote::cut(reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::Bg)
            ),
            Self::InvalidProfile { profile, problems } => format!(
                "невалиден профил с правила {profile_q}: {}",
                problem_list(problems, Locale::Bg),
                profile_q = quote::quoted(profile, Locale::Bg)
            ),
            Self::DuplicatePupil { pupil } => {
                format!("ученик `{pupil}` се среща два пъти в списъка")
            }
            Self::TooManyPupils { count } => format!("твърде много ученици: `{count}`"),
            Self::UnitMismatch { pupil, kind, unit } => format!(
                "запис на ученик `{pupil}`: вид `{}` не може да се мери в `{}`",
                kind.as_str(),
                unit.as_str()
            ),
            Self::LessonOutOfRange { pupil, lesson } => {
                format!("запис на ученик `{pupil}`: учебен час `{lesson}` е извън обхвата 0..=15")
            }
            Self::LessonAmount {
                pupil,
                date,
                lesson,
            } => format!(
                "запис на ученик `{pupil}` от `{date}`: учебен час `{lesson}` трябва да е точно един час"
            ),
            Self::CsvHeader { column } => format!(
                "заглавен ред на csv: липсва колона {column_q}",
                column_q = quote::quoted(column, Locale::Bg)
            ),
            Self::CsvField {
                line,
                column,
                value,
                expected,
            } => format!(
                "csv, ред {line}, колона {column_q}: {value_q} не е {expected}",
                value_q = quote::quoted(value, Locale::Bg),
                column_q = quote::quoted(column, Locale::Bg)
            ),
            Self::CsvRow { line, reason } => format!(
                "csv, ред {line}: {reason_q}",
                reason_q = quote::cut(reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::Bg)
            ),
            Self::CsvQuote { line } => {
                format!("csv, ред {line}: незатворени или неправилно поставени кавички `\"`")
            }
            Self::CsvDuplicateColumn { column } => format!(
                "заглавен ред на csv: колона {column_q} се среща повече от веднъж",
                column_q = quote::quoted(column, Locale::Bg)
            ),
            Self::CsvSeparator { found } => format!(
                "заглавен ред на csv: колоните са разделени с `{}`; очаква се `,`",
                quote::cut(&found.to_string(), 1, Locale::Bg)
            ),
            Self::CsvLineTooLong { line, limit } => format!(
                "csv, ред {line}: редът е по-дълъг от {limit} {}",
                bytes_word(*limit, Locale::Bg)
            ),
            Self::LateWithoutDelay { pupil, date } => format!(
                "запис на ученик `{pupil}` от `{date}`: закъснение от `0` минути не е закъснение"
            ),
            Self::Io { reason } => {
                format!(
                    "входните данни не могат да бъдат прочетени: `{reason_q}`",
                    reason_q = quote::cut(reason, quote::MAX_QUOTED_TEXT_CHARS, Locale::Bg)
                )
            }
        }
    }
}

/// Each problem escaped and cut (see [`quote::cut`]), joined by `; `.
fn problem_list(problems: &[String], locale: Locale) -> String {
    problems
        .iter()
        .map(|p| quote::cut(p, quote::MAX_QUOTED_TEXT_CHARS, locale))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "bytes" after a number, with the plural form of `locale` (CLDR: Polish one/few/many,
/// Bulgarian and English one/other).
fn bytes_word(n: u64, locale: Locale) -> &'static str {
    match locale {
        Locale::Pl => {
            let (m10, m100) = (n % 10, n % 100);
            if n == 1 {
                "bajt"
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                "bajty"
            } else {
                "bajtów"
            }
        }
        Locale::Bg => {
            if n == 1 {
                "байт"
            } else {
                "байта"
            }
        }
        Locale::En => {
            if n == 1 {
                "byte"
            } else {
                "bytes"
            }
        }
    }
}
