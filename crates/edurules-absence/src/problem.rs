//! The typed details of [`crate::AbsenceError`]: what is wrong with a window, a rule profile,
//! a CSV field or a CSV row, each with a message in Polish, Bulgarian and English.

use chrono::NaiveDate;
use edurules_locale::{Locale, Message, nouns};

use crate::AbsenceError;

/// What is wrong with an evaluation window (in [`AbsenceError::InvalidWindow`]).
///
/// # Example
///
/// ```
/// use edurules_absence::{AbsenceError, Locale, Window, WindowProblem};
/// let err = Window::month(2024, 13).unwrap_err();
/// assert!(matches!(err, AbsenceError::InvalidWindow { reason: WindowProblem::NoSuchMonth { month: 13, .. } }));
/// assert_eq!(err.message(Locale::Pl), "Nie ma miesiąca o numerze 13 (rok 2024).");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WindowProblem {
    /// The last day is before the first.
    Reversed {
        /// The first day given.
        first: NaiveDate,
        /// The last day given.
        last: NaiveDate,
    },
    /// The window is longer than [`crate::MAX_WINDOW_DAYS`].
    TooLong {
        /// The first day given.
        first: NaiveDate,
        /// The last day given.
        last: NaiveDate,
        /// The longest window accepted, in days.
        max_days: u64,
    },
    /// A month that does not exist (month 0 or 13, or a year out of range).
    NoSuchMonth {
        /// The year given.
        year: i32,
        /// The month number given.
        month: u32,
    },
}

impl WindowProblem {
    /// The problem as a sentence in `locale`.
    ///
    /// # Example
    ///
    /// See [`WindowProblem`].
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        match *self {
            Self::Reversed { first, last } => l.pick(
                format!(
                    "Okres jest odwrócony: kończy się {}, przed swoim początkiem ({}).",
                    l.date(last),
                    l.date(first)
                ),
                format!(
                    "Периодът е обърнат: завършва на {}, преди началото си ({}).",
                    l.date(last),
                    l.date(first)
                ),
                format!(
                    "The period is reversed: it ends on {}, before it begins ({}).",
                    l.date(last),
                    l.date(first)
                ),
            ),
            Self::TooLong {
                first,
                last,
                max_days,
            } => {
                let n = l.count(max_days, nouns::DAY);
                l.pick(
                    format!(
                        "Okres od {} do {} jest za długi: może obejmować najwyżej {n}.",
                        l.date(first),
                        l.date(last)
                    ),
                    format!(
                        "Периодът от {} до {} е твърде дълъг: може да обхваща най-много {n}.",
                        l.date(first),
                        l.date(last)
                    ),
                    format!(
                        "The period from {} to {} is too long: it may cover at most {n}.",
                        l.date(first),
                        l.date(last)
                    ),
                )
            }
            Self::NoSuchMonth { year, month } => l.pick(
                format!("Nie ma miesiąca o numerze {month} (rok {year})."),
                format!("Няма месец с номер {month} (година {year})."),
                format!("There is no month number {month} (year {year})."),
            ),
        }
    }
}

/// One problem of a rule profile (in [`AbsenceError::InvalidProfile`]); rule ids are kept
/// cut to [`edurules_locale::MAX_QUOTED_CHARS`] characters.
///
/// # Example
///
/// ```
/// use edurules_absence::{Locale, Message, ProfileProblem};
/// let p = ProfileProblem::DuplicateRule { rule: "bg.isrm.total".into() };
/// assert_eq!(p.code(), "absence.profile.duplicate_rule");
/// assert_eq!(p.message(Locale::Pl), "reguła „bg.isrm.total” występuje dwa razy");
/// assert_eq!(p.message(Locale::Bg), "правилото „bg.isrm.total“ се среща два пъти");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProfileProblem {
    /// The profile's id is empty.
    EmptyProfileId,
    /// The profile has no rules.
    NoRules,
    /// A rule's id is empty.
    EmptyRuleId,
    /// Two rules have the same id.
    DuplicateRule {
        /// The repeated id.
        rule: String,
    },
    /// A rule has no description.
    EmptyDescription {
        /// The rule's id.
        rule: String,
    },
    /// A rule has no legal basis.
    EmptyLegalBasis {
        /// The rule's id.
        rule: String,
    },
    /// A rule's conditions are nested deeper than [`crate::MAX_CONDITION_DEPTH`].
    TooDeep {
        /// The rule's id.
        rule: String,
        /// The deepest nesting allowed.
        max: u64,
    },
    /// An empty list of alternatives (`any`).
    EmptyAny {
        /// The rule's id.
        rule: String,
    },
    /// An empty list of conditions that must all hold (`all`).
    EmptyAll {
        /// The rule's id.
        rule: String,
    },
    /// A threshold counting minutes (late arrivals are converted to hours first).
    MinutesThreshold {
        /// The rule's id.
        rule: String,
    },
    /// A threshold "at least 0", which every pupil meets.
    AtLeastZero {
        /// The rule's id.
        rule: String,
    },
    /// The late-arrival conversion has no bands or more than [`crate::MAX_LATE_BANDS`].
    LateBandCount {
        /// The most bands allowed.
        max: u64,
    },
    /// A late-arrival band other than the last has no upper end.
    LateBandOpen {
        /// The band's number, from 1.
        band: u64,
    },
    /// The last late-arrival band has an upper end.
    LateLastBandClosed {
        /// The band's number, from 1.
        band: u64,
    },
    /// A late-arrival band does not end after the previous one.
    LateBandOrder {
        /// The band's number, from 1.
        band: u64,
        /// Its upper end, in minutes.
        ends_at: u64,
        /// The previous band's upper end, in minutes.
        previous_end: u64,
    },
    /// A late-arrival band counts less than the previous one.
    LateBandDecreasing {
        /// The band's number, from 1.
        band: u64,
    },
}

impl Message for ProfileProblem {
    fn code(&self) -> &'static str {
        match self {
            Self::EmptyProfileId => "absence.profile.empty_profile_id",
            Self::NoRules => "absence.profile.no_rules",
            Self::EmptyRuleId => "absence.profile.empty_rule_id",
            Self::DuplicateRule { .. } => "absence.profile.duplicate_rule",
            Self::EmptyDescription { .. } => "absence.profile.empty_description",
            Self::EmptyLegalBasis { .. } => "absence.profile.empty_legal_basis",
            Self::TooDeep { .. } => "absence.profile.too_deep",
            Self::EmptyAny { .. } => "absence.profile.empty_any",
            Self::EmptyAll { .. } => "absence.profile.empty_all",
            Self::MinutesThreshold { .. } => "absence.profile.minutes_threshold",
            Self::AtLeastZero { .. } => "absence.profile.at_least_zero",
            Self::LateBandCount { .. } => "absence.profile.late_band_count",
            Self::LateBandOpen { .. } => "absence.profile.late_band_open",
            Self::LateLastBandClosed { .. } => "absence.profile.late_last_band_closed",
            Self::LateBandOrder { .. } => "absence.profile.late_band_order",
            Self::LateBandDecreasing { .. } => "absence.profile.late_band_decreasing",
        }
    }

    fn message(&self, l: Locale) -> String {
        let q = |rule: &str| l.quote(rule);
        match self {
            Self::EmptyProfileId => l
                .pick(
                    "profil nie ma identyfikatora",
                    "профилът няма идентификатор",
                    "the profile has no id",
                )
                .to_owned(),
            Self::NoRules => l
                .pick(
                    "profil nie zawiera żadnej reguły",
                    "профилът не съдържа нито едно правило",
                    "the profile has no rules",
                )
                .to_owned(),
            Self::EmptyRuleId => l
                .pick(
                    "jedna z reguł nie ma identyfikatora",
                    "едно от правилата няма идентификатор",
                    "a rule has no id",
                )
                .to_owned(),
            Self::DuplicateRule { rule } => l.pick(
                format!("reguła {} występuje dwa razy", q(rule)),
                format!("правилото {} се среща два пъти", q(rule)),
                format!("the rule {} appears twice", q(rule)),
            ),
            Self::EmptyDescription { rule } => l.pick(
                format!("reguła {} nie ma opisu", q(rule)),
                format!("правилото {} няма описание", q(rule)),
                format!("the rule {} has no description", q(rule)),
            ),
            Self::EmptyLegalBasis { rule } => l.pick(
                format!("reguła {} nie ma podstawy prawnej", q(rule)),
                format!("правилото {} няма правно основание", q(rule)),
                format!("the rule {} has no legal basis", q(rule)),
            ),
            Self::TooDeep { rule, max } => {
                let n = l.count(*max, nouns::LEVEL);
                l.pick(
                    format!("warunki reguły {} są zagnieżdżone na więcej niż {n}", q(rule)),
                    format!("условията на правилото {} са вложени на повече от {n}", q(rule)),
                    format!(
                        "the conditions of the rule {} are nested more than {n} deep",
                        q(rule)
                    ),
                )
            }
            Self::EmptyAny { rule } => l.pick(
                format!(
                    "reguła {} ma pustą listę warunków, z których wystarczy jeden",
                    q(rule)
                ),
                format!(
                    "правилото {} има празен списък от условия, от които е достатъчно едно",
                    q(rule)
                ),
                format!(
                    "the rule {} has an empty list of conditions of which any one suffices",
                    q(rule)
                ),
            ),
            Self::EmptyAll { rule } => l.pick(
                format!(
                    "reguła {} ma pustą listę warunków, które muszą być spełnione łącznie",
                    q(rule)
                ),
                format!(
                    "правилото {} има празен списък от условия, които трябва да са изпълнени едновременно",
                    q(rule)
                ),
                format!(
                    "the rule {} has an empty list of conditions that must all hold",
                    q(rule)
                ),
            ),
            Self::MinutesThreshold { rule } => l.pick(
                format!(
                    "próg reguły {} nie może liczyć minut: spóźnienia są przeliczane na godziny lekcyjne",
                    q(rule)
                ),
                format!(
                    "прагът на правилото {} не може да брои минути: закъсненията се превръщат в учебни часове",
                    q(rule)
                ),
                format!(
                    "a threshold of the rule {} cannot count minutes: late arrivals are converted to hours",
                    q(rule)
                ),
            ),
            Self::AtLeastZero { rule } => l.pick(
                format!(
                    "reguła {} ma próg „co najmniej 0”, który spełnia każdy uczeń, także bez nieobecności; aby objąć każdą nieobecność, użyj progu „ponad 0”",
                    q(rule)
                ),
                format!(
                    "правилото {} има праг „поне 0“, който всеки ученик изпълнява, дори без отсъствия; за всяко отсъствие използвайте праг „над 0“",
                    q(rule)
                ),
                format!(
                    "the rule {} has the threshold “at least 0”, which every pupil meets, absent or not; for any absence use “more than 0”",
                    q(rule)
                ),
            ),
            Self::LateBandCount { max } => l.pick(
                format!("liczba przedziałów przeliczania spóźnień musi wynosić od 1 do {max}"),
                format!("броят на интервалите за превръщане на закъсненията трябва да е от 1 до {max}"),
                format!("the conversion of late arrivals needs from 1 to {max} bands"),
            ),
            Self::LateBandOpen { band } => l.pick(
                format!(
                    "przedział {band} przeliczania spóźnień musi mieć górną granicę (bez niej może być tylko ostatni)"
                ),
                format!(
                    "интервал {band} за превръщане на закъсненията трябва да има горна граница (без нея може да е само последният)"
                ),
                format!(
                    "band {band} of the late-arrival conversion needs an upper end (only the last band may have none)"
                ),
            ),
            Self::LateLastBandClosed { band } => l.pick(
                format!(
                    "ostatni przedział przeliczania spóźnień (numer {band}) nie może mieć górnej granicy"
                ),
                format!(
                    "последният интервал за превръщане на закъсненията (номер {band}) не може да има горна граница"
                ),
                format!(
                    "the last band of the late-arrival conversion (number {band}) must have no upper end"
                ),
            ),
            Self::LateBandOrder {
                band,
                ends_at,
                previous_end,
            } => {
                let (a, b) = (
                    l.count(*ends_at, nouns::MINUTE),
                    l.count(*previous_end, nouns::MINUTE),
                );
                l.pick(
                    format!(
                        "górna granica przedziału {band} przeliczania spóźnień ({a}) nie jest większa niż granica poprzedniego ({b})"
                    ),
                    format!(
                        "горната граница на интервал {band} за превръщане на закъсненията ({a}) не е по-голяма от тази на предишния ({b})"
                    ),
                    format!(
                        "the upper end of band {band} of the late-arrival conversion ({a}) is not above that of the previous band ({b})"
                    ),
                )
            }
            Self::LateBandDecreasing { band } => {
                let previous = band.saturating_sub(1);
                l.pick(
                    format!(
                        "przedział {band} przeliczania spóźnień liczy się mniej niż przedział {previous}"
                    ),
                    format!(
                        "интервал {band} за превръщане на закъсненията се брои за по-малко от интервал {previous}"
                    ),
                    format!(
                        "band {band} of the late-arrival conversion counts less than band {previous}"
                    ),
                )
            }
        }
    }
}

/// What a CSV field should have held (in [`AbsenceError::CsvField`]).
///
/// # Example
///
/// ```
/// use edurules_absence::{FieldFormat, Locale};
/// assert_eq!(
///     FieldFormat::Kind.message(Locale::Bg),
///     "не е вид отсъствие; възможни са „excused“, „unexcused“ или „late“"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldFormat {
    /// A pupil id: decimal digits, at most 19.
    PupilId,
    /// A date, `YYYY-MM-DD` or `DD.MM.YYYY`.
    Date,
    /// A non-negative amount exact in sixtieths.
    Amount,
    /// `excused`, `unexcused` or `late`.
    Kind,
    /// `preschool` or `school`.
    Level,
    /// A whole number from 0 to 255.
    SmallNumber,
    /// `hours`, `lessons`, `days` or `minutes`.
    Unit,
    /// `hours`, `lessons` or `days` (a planned amount).
    PlannedUnit,
    /// A month, `YYYY-MM`.
    Month,
    /// A school id: non-empty UTF-8 text.
    SchoolId,
}

impl FieldFormat {
    /// What the value is not, as the end of a sentence whose subject is the quoted value.
    ///
    /// # Example
    ///
    /// See [`FieldFormat`].
    #[must_use]
    pub fn message(self, l: Locale) -> String {
        match self {
            Self::PupilId => l
                .pick(
                    "nie jest identyfikatorem ucznia (same cyfry, najwyżej 19)",
                    "не е идентификатор на ученик (само цифри, най-много 19)",
                    "is not a pupil id (digits only, at most 19)",
                )
                .to_owned(),
            Self::Date => l
                .pick(
                    "nie jest datą; podaj RRRR-MM-DD lub DD.MM.RRRR",
                    "не е дата; въведете ГГГГ-ММ-ДД или ДД.ММ.ГГГГ",
                    "is not a date; write YYYY-MM-DD or DD.MM.YYYY",
                )
                .to_owned(),
            Self::Amount => {
                let examples = l.quote_list(["3", "1.5", "1/2"]);
                l.pick(
                    format!("nie jest nieujemną ilością dokładną co do 1/60 jednostki, np. {examples}"),
                    format!("не е неотрицателно количество, точно до 1/60 от единицата, например {examples}"),
                    format!("is not a non-negative amount exact in sixtieths of a unit, such as {examples}"),
                )
            }
            Self::Kind => {
                let v = l.quote_alternatives(["excused", "unexcused", "late"]);
                l.pick(
                    format!("nie jest rodzajem nieobecności; dozwolone są {v}"),
                    format!("не е вид отсъствие; възможни са {v}"),
                    format!("is not a kind of absence; use {v}"),
                )
            }
            Self::Level => {
                let v = l.quote_alternatives(["preschool", "school"]);
                l.pick(
                    format!("nie jest poziomem edukacji; dozwolone są {v}"),
                    format!("не е степен на образование; възможни са {v}"),
                    format!("is not a level of education; use {v}"),
                )
            }
            Self::SmallNumber => l
                .pick(
                    "nie jest liczbą całkowitą od 0 do 255",
                    "не е цяло число от 0 до 255",
                    "is not a whole number from 0 to 255",
                )
                .to_owned(),
            Self::Unit | Self::PlannedUnit => {
                let v = if self == Self::Unit {
                    l.quote_alternatives(["hours", "lessons", "days", "minutes"])
                } else {
                    l.quote_alternatives(["hours", "lessons", "days"])
                };
                l.pick(
                    format!("nie jest jednostką; dozwolone są {v}"),
                    format!("не е мерна единица; възможни са {v}"),
                    format!("is not a unit; use {v}"),
                )
            }
            Self::Month => l
                .pick(
                    "nie jest miesiącem; podaj RRRR-MM",
                    "не е месец; въведете ГГГГ-ММ",
                    "is not a month; write YYYY-MM",
                )
                .to_owned(),
            Self::SchoolId => l
                .pick(
                    "nie jest identyfikatorem szkoły (niepusty tekst w UTF-8)",
                    "не е идентификатор на училище (непразен текст в UTF-8)",
                    "is not a school id (non-empty UTF-8 text)",
                )
                .to_owned(),
        }
    }
}

/// What is wrong with a CSV row as a whole (in [`AbsenceError::CsvRow`]).
///
/// # Example
///
/// ```
/// use edurules_absence::{Locale, RowProblem};
/// let p = RowProblem::FieldCount { expected: 4, found: 3 };
/// assert_eq!(p.message(Locale::Pl), "ma 3 pola, a powinien mieć 4 pola");
/// assert_eq!(p.message(Locale::En), "has 3 fields but should have 4 fields");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RowProblem {
    /// The row has the wrong number of fields.
    FieldCount {
        /// The number of columns of the header.
        expected: u64,
        /// The number of fields on the line.
        found: u64,
    },
    /// Each field is readable but together they are not a coherent record.
    Record(Box<AbsenceError>),
}

impl RowProblem {
    /// The problem as the end of a sentence whose subject is the line.
    ///
    /// # Example
    ///
    /// See [`RowProblem`].
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        match self {
            Self::FieldCount { expected, found } => {
                let (e, f) = (
                    l.count(*expected, crate::nouns::FIELD),
                    l.count(*found, crate::nouns::FIELD),
                );
                l.pick(
                    format!("ma {f}, a powinien mieć {e}"),
                    format!("има {f}, а трябва да има {e}"),
                    format!("has {f} but should have {e}"),
                )
            }
            Self::Record(e) => {
                let inner = e.message(l);
                l.pick(
                    format!("nie jest spójnym wpisem. {inner}"),
                    format!("не е съгласуван запис. {inner}"),
                    format!("is not a coherent record. {inner}"),
                )
            }
        }
    }
}
