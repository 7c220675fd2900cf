//! [`RulesProblem`]: what is wrong with a rules file, one typed problem each,
//! with a stable code and a message in every language.

use chrono::NaiveDate;
use edurules_locale::{Locale, Message, nouns};
use serde::{Deserialize, Serialize};

use crate::text::{DAY_GENITIVE, provision};

/// One problem of a rules file ([`crate::DeadlineError::InvalidRules`] lists
/// every one). Values taken from the file are kept bounded (at most 64
/// characters and `…`).
///
/// # Example
///
/// ```
/// use edurules_deadline::{Locale, sio::RulesProblem};
/// let p = RulesProblem::NoVersion;
/// assert_eq!(p.code(), "deadline.rules_no_version");
/// assert_eq!(p.message(Locale::Pl), "plik nie zawiera żadnej wersji art. 30");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RulesProblem {
    /// More categories than the loader accepts.
    TooManyCategories {
        /// How many the file lists.
        count: usize,
        /// The most accepted.
        max: usize,
    },
    /// More versions than the loader accepts.
    TooManyVersions {
        /// How many the file holds.
        count: usize,
        /// The most accepted.
        max: usize,
    },
    /// A category's id is empty.
    EmptyCategoryId,
    /// A category id is listed twice.
    DuplicateCategory {
        /// The id (bounded).
        id: String,
    },
    /// The file holds no version.
    NoVersion,
    /// `applies_from` is not the first version's start.
    AppliesFromMismatch {
        /// The file's `applies_from`.
        applies_from: NaiveDate,
        /// The first version's start.
        first_start: NaiveDate,
    },
    /// A version names no source.
    EmptySource {
        /// The version's first day.
        version_from: NaiveDate,
    },
    /// A version's general term is 0 days or too long.
    GeneralTermOutOfRange {
        /// The version's first day.
        version_from: NaiveDate,
        /// The term in the file.
        days: u32,
        /// The longest term accepted.
        max: u32,
    },
    /// A version ends before it starts.
    EndsBeforeStart {
        /// The version's first day.
        version_from: NaiveDate,
        /// Its last day as written.
        to: NaiveDate,
    },
    /// A version other than the last has no end.
    OpenEndedNotLast {
        /// The version's first day.
        version_from: NaiveDate,
    },
    /// Days between two versions belong to neither.
    Gap {
        /// The earlier version's first day.
        version_from: NaiveDate,
        /// The next version's first day.
        next_from: NaiveDate,
    },
    /// Two versions are in force on the same day.
    Overlap {
        /// The earlier version's first day.
        version_from: NaiveDate,
        /// The next version's first day.
        next_from: NaiveDate,
    },
    /// An exception names a category the file does not list.
    UnknownCategoryReference {
        /// The version's first day.
        version_from: NaiveDate,
        /// The exception's provision (bounded).
        provision: String,
        /// The category (bounded).
        category: String,
    },
    /// A version excepts a category twice.
    ExceptedTwice {
        /// The version's first day.
        version_from: NaiveDate,
        /// The category (bounded).
        category: String,
    },
    /// A quarterly term is longer than accepted.
    QuarterTermTooLong {
        /// The version's first day.
        version_from: NaiveDate,
        /// The term in the file.
        days: u32,
        /// The longest term accepted.
        max: u32,
    },
    /// A known term names no provision that sets it.
    TermWithoutBasis {
        /// The version's first day.
        version_from: NaiveDate,
    },
    /// A fixed yearly date that some years lack (e.g. 29 February).
    FixedDateImpossible {
        /// The version's first day.
        version_from: NaiveDate,
        /// The month, as written.
        month: u32,
        /// The day, as written.
        day: u32,
    },
    /// A coverage's year offset is not -1 or 0.
    YearOffsetInvalid {
        /// The version's first day.
        version_from: NaiveDate,
        /// The offset in the file.
        year_offset: i32,
    },
    /// A coverage's months are not a period within one year.
    MonthsNotAPeriod {
        /// The version's first day.
        version_from: NaiveDate,
        /// The first month, as written.
        from_month: u32,
        /// The last month, as written.
        to_month: u32,
    },
    /// A fixed date falls before the end of the period its report covers.
    FixedDateNotAfterPeriod {
        /// The version's first day.
        version_from: NaiveDate,
        /// The due month.
        month: u32,
        /// The due day.
        day: u32,
        /// The first month covered.
        from_month: u32,
        /// The last month covered.
        to_month: u32,
    },
    /// The fixed dates of a term leave some month uncovered.
    MonthsNotCovered {
        /// The version's first day.
        version_from: NaiveDate,
    },
}

impl RulesProblem {
    /// Every code, in declaration order: for tests that render each one.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_deadline::sio::RulesProblem;
    /// assert!(RulesProblem::CODES.contains(&RulesProblem::NoVersion.code()));
    /// ```
    pub const CODES: [&'static str; 21] = [
        "deadline.rules_too_many_categories",
        "deadline.rules_too_many_versions",
        "deadline.rules_empty_category_id",
        "deadline.rules_duplicate_category",
        "deadline.rules_no_version",
        "deadline.rules_applies_from_mismatch",
        "deadline.rules_empty_source",
        "deadline.rules_general_term_out_of_range",
        "deadline.rules_ends_before_start",
        "deadline.rules_open_ended_not_last",
        "deadline.rules_gap",
        "deadline.rules_overlap",
        "deadline.rules_unknown_category_reference",
        "deadline.rules_excepted_twice",
        "deadline.rules_quarter_term_too_long",
        "deadline.rules_term_without_basis",
        "deadline.rules_fixed_date_impossible",
        "deadline.rules_year_offset_invalid",
        "deadline.rules_months_not_a_period",
        "deadline.rules_fixed_date_not_after_period",
        "deadline.rules_months_not_covered",
    ];

    /// The stable machine code, e.g. `deadline.rules_gap`.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_deadline::sio::RulesProblem;
    /// assert_eq!(RulesProblem::EmptyCategoryId.code(), "deadline.rules_empty_category_id");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        let i = match self {
            Self::TooManyCategories { .. } => 0,
            Self::TooManyVersions { .. } => 1,
            Self::EmptyCategoryId => 2,
            Self::DuplicateCategory { .. } => 3,
            Self::NoVersion => 4,
            Self::AppliesFromMismatch { .. } => 5,
            Self::EmptySource { .. } => 6,
            Self::GeneralTermOutOfRange { .. } => 7,
            Self::EndsBeforeStart { .. } => 8,
            Self::OpenEndedNotLast { .. } => 9,
            Self::Gap { .. } => 10,
            Self::Overlap { .. } => 11,
            Self::UnknownCategoryReference { .. } => 12,
            Self::ExceptedTwice { .. } => 13,
            Self::QuarterTermTooLong { .. } => 14,
            Self::TermWithoutBasis { .. } => 15,
            Self::FixedDateImpossible { .. } => 16,
            Self::YearOffsetInvalid { .. } => 17,
            Self::MonthsNotAPeriod { .. } => 18,
            Self::FixedDateNotAfterPeriod { .. } => 19,
            Self::MonthsNotCovered { .. } => 20,
        };
        Self::CODES
            .get(i)
            .copied()
            .unwrap_or("deadline.rules_problem")
    }

    /// The problem for a person, entirely in `locale`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_deadline::{Locale, sio::RulesProblem};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2017, m, day).unwrap();
    /// let p = RulesProblem::Gap { version_from: d(9, 1), next_from: d(9, 5) };
    /// assert_eq!(
    ///     p.message(Locale::En),
    ///     "between the version in force from 1 September 2017 and the one from 5 September 2017 there are days no version covers"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let v = |from: &NaiveDate| {
            l.pick(
                format!("wersja obowiązująca od {}", l.date(*from)),
                format!("редакцията в сила от {}", l.date(*from)),
                format!("the version in force from {}", l.date(*from)),
            )
        };
        let int = |n: u32| l.integer(i128::from(n));
        match self {
            Self::TooManyCategories { count, max } => {
                let (c, m) = (l.integer(*count as i128), l.integer(*max as i128));
                l.pick(
                    format!("plik wymienia zbyt wiele kategorii: {c}, a może najwyżej {m}"),
                    format!("файлът изброява твърде много категории: {c}, а може най-много {m}"),
                    format!("the file lists too many categories: {c}, at most {m} are accepted"),
                )
            }
            Self::TooManyVersions { count, max } => {
                let (c, m) = (l.integer(*count as i128), l.integer(*max as i128));
                l.pick(
                    format!("plik zawiera zbyt wiele wersji: {c}, a może najwyżej {m}"),
                    format!("файлът съдържа твърде много редакции: {c}, а може най-много {m}"),
                    format!("the file holds too many versions: {c}, at most {m} are accepted"),
                )
            }
            Self::EmptyCategoryId => l.pick(
                "jedna z kategorii nie ma identyfikatora".to_owned(),
                "една от категориите няма идентификатор".to_owned(),
                "a category has no identifier".to_owned(),
            ),
            Self::DuplicateCategory { id } => {
                let q = l.quote(id);
                l.pick(
                    format!("kategoria {q} jest wymieniona dwa razy"),
                    format!("категорията {q} е изброена два пъти"),
                    format!("the category {q} is listed twice"),
                )
            }
            Self::NoVersion => l.pick(
                "plik nie zawiera żadnej wersji art. 30".to_owned(),
                "файлът не съдържа нито една редакция на чл. 30".to_owned(),
                "the file holds no version of art. 30".to_owned(),
            ),
            Self::AppliesFromMismatch {
                applies_from,
                first_start,
            } => {
                let (a, f) = (l.date(*applies_from), l.date(*first_start));
                l.pick(
                    format!("początek stosowania przepisu ({a}) różni się od początku pierwszej wersji ({f})"),
                    format!("началото на прилагане на разпоредбата ({a}) се различава от началото на първата редакция ({f})"),
                    format!("the day the article applies from ({a}) differs from the first version's start ({f})"),
                )
            }
            Self::EmptySource { version_from } => {
                let v = v(version_from);
                l.pick(
                    format!("{v} nie podaje źródła tekstu"),
                    format!("{v} не посочва източник на текста"),
                    format!("{v} names no source for its text"),
                )
            }
            Self::GeneralTermOutOfRange {
                version_from,
                days,
                max,
            } => {
                let (v, d) = (v(version_from), l.count(u64::from(*days), nouns::DAY));
                let m = l.count(
                    u64::from(*max),
                    l.pick(DAY_GENITIVE, nouns::DAY, nouns::DAY),
                );
                l.pick(
                    format!("{v} ma ogólny termin {d}, a powinien mieć od 1 dnia do {m}"),
                    format!("{v} има общ срок {d}, а той трябва да е между 1 ден и {m}"),
                    format!("{v} has a general term of {d}; it must be between 1 day and {m}"),
                )
            }
            Self::EndsBeforeStart { version_from, to } => {
                let (v, t) = (v(version_from), l.date(*to));
                l.pick(
                    format!("{v} kończy się {t}, przed swoim początkiem"),
                    format!("{v} завършва на {t}, преди началото си"),
                    format!("{v} ends on {t}, before it starts"),
                )
            }
            Self::OpenEndedNotLast { version_from } => {
                let v = v(version_from);
                l.pick(
                    format!("{v} nie ma daty końcowej, a tylko ostatnia wersja może jej nie mieć"),
                    format!(
                        "{v} няма крайна дата, а без крайна дата може да е само последната редакция"
                    ),
                    format!("{v} has no end, and only the last version may be open-ended"),
                )
            }
            Self::Gap {
                version_from,
                next_from,
            } => {
                let (a, b) = (l.date(*version_from), l.date(*next_from));
                l.pick(
                    format!("między wersją obowiązującą od {a} a wersją od {b} są dni, których nie obejmuje żadna wersja"),
                    format!("между редакцията в сила от {a} и тази от {b} има дни, които не са обхванати от никоя редакция"),
                    format!("between the version in force from {a} and the one from {b} there are days no version covers"),
                )
            }
            Self::Overlap {
                version_from,
                next_from,
            } => {
                let (v, b) = (v(version_from), l.date(*next_from));
                l.pick(
                    format!("{v} zachodzi na wersję od {b}"),
                    format!("{v} се припокрива с редакцията от {b}"),
                    format!("{v} overlaps the version from {b}"),
                )
            }
            Self::UnknownCategoryReference {
                version_from,
                provision: provision_text,
                category,
            } => {
                let (v, p, c) = (
                    v(version_from),
                    provision(l, provision_text),
                    l.quote(category),
                );
                l.pick(
                    format!("{v}: przepis {p} wymienia nieznaną kategorię {c}"),
                    format!("{v}: разпоредбата {p} посочва неизвестна категория {c}"),
                    format!("{v}: the provision {p} names an unknown category {c}"),
                )
            }
            Self::ExceptedTwice {
                version_from,
                category,
            } => {
                let (v, c) = (v(version_from), l.quote(category));
                l.pick(
                    format!("{v} wyłącza kategorię {c} dwa razy"),
                    format!("{v} изключва категорията {c} два пъти"),
                    format!("{v} excepts the category {c} twice"),
                )
            }
            Self::QuarterTermTooLong {
                version_from,
                days,
                max,
            } => {
                let (v, d) = (v(version_from), l.count(u64::from(*days), nouns::DAY));
                let m = l.count(u64::from(*max), nouns::DAY);
                l.pick(
                    format!("{v} ma termin kwartalny {d}, a może mieć najwyżej {m}"),
                    format!("{v} има тримесечен срок {d}, а може да е най-много {m}"),
                    format!("{v} has a quarterly term of {d}; it may be at most {m}"),
                )
            }
            Self::TermWithoutBasis { version_from } => {
                let v = v(version_from);
                l.pick(
                    format!("{v} podaje termin bez przepisu, który go ustanawia"),
                    format!("{v} посочва срок без разпоредбата, която го определя"),
                    format!("{v} gives a term without the provision that sets it"),
                )
            }
            Self::FixedDateImpossible {
                version_from,
                month,
                day,
            } => {
                let (v, m, d) = (v(version_from), int(*month), int(*day));
                l.pick(
                    format!(
                        "{v}: stały termin, dzień {d} miesiąca {m}, nie istnieje w każdym roku"
                    ),
                    format!(
                        "{v}: фиксираният срок, ден {d} от месец {m}, не съществува всяка година"
                    ),
                    format!("{v}: the fixed date, day {d} of month {m}, does not exist every year"),
                )
            }
            Self::YearOffsetInvalid {
                version_from,
                year_offset,
            } => {
                let (v, y) = (v(version_from), l.integer(i128::from(*year_offset)));
                l.pick(
                    format!("{v}: przesunięcie roku wynosi {y}, a może wynosić tylko -1 lub 0"),
                    format!("{v}: отместването на годината е {y}, а може да е само -1 или 0"),
                    format!("{v}: the year offset is {y}; it may only be -1 or 0"),
                )
            }
            Self::MonthsNotAPeriod {
                version_from,
                from_month,
                to_month,
            } => {
                let (v, a, b) = (v(version_from), int(*from_month), int(*to_month));
                l.pick(
                    format!("{v}: miesiące od {a} do {b} nie tworzą okresu w jednym roku"),
                    format!(
                        "{v}: месеците от {a} до {b} не образуват период в рамките на една година"
                    ),
                    format!("{v}: months {a} to {b} are not a period within one year"),
                )
            }
            Self::FixedDateNotAfterPeriod {
                version_from,
                month,
                day,
                from_month,
                to_month,
            } => {
                let (v, m, d) = (v(version_from), int(*month), int(*day));
                let (a, b) = (int(*from_month), int(*to_month));
                l.pick(
                    format!("{v}: stały termin, dzień {d} miesiąca {m}, nie przypada po okresie, którego dotyczy sprawozdanie (miesiące od {a} do {b})"),
                    format!("{v}: фиксираният срок, ден {d} от месец {m}, не е след периода, за който се отнася отчетът (месеците от {a} до {b})"),
                    format!("{v}: the fixed date, day {d} of month {m}, is not after the period its report covers (months {a} to {b})"),
                )
            }
            Self::MonthsNotCovered { version_from } => {
                let v = v(version_from);
                l.pick(
                    format!("{v}: stałe terminy nie obejmują wszystkich miesięcy"),
                    format!("{v}: фиксираните срокове не обхващат всички месеци"),
                    format!("{v}: the fixed dates do not cover every month"),
                )
            }
        }
    }
}

impl Message for RulesProblem {
    fn code(&self) -> &'static str {
        Self::code(self)
    }
    fn message(&self, locale: Locale) -> String {
        Self::message(self, locale)
    }
}

impl std::fmt::Display for RulesProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}
