//! The data a school system already has: pupils, absence records, evaluation windows.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{AbsenceError, Quantity};

/// A pupil's identifier in the school system (a numeric register id, not a personal number).
///
/// # Example
///
/// ```
/// use edurules_absence::PupilId;
/// assert_eq!(PupilId(1042).to_string(), "1042");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct PupilId(pub u64);

impl fmt::Display for PupilId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A school's identifier (for example the Bulgarian NEISPUO code or the Polish RSPO number).
///
/// The text is shared (`Arc<str>`): a roster of 700,000 pupils in 1,400 schools holds 1,400
/// texts, not one allocation per pupil, and a flag's copy of its pupil's school is a reference
/// count. Make one from a `&str` or a `String` with `into()` or [`SchoolId::new`].
///
/// # Example
///
/// ```
/// use edurules_absence::SchoolId;
/// let a = SchoolId::new("SU-7");
/// assert_eq!(a, SchoolId("SU-7".into()));
/// assert_eq!(a.as_str(), "SU-7");
/// assert_eq!(SchoolId::from(String::from("SU-7")), a);
/// ```
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
// The schema's description: the first sentence above, without the Rust type's details.
#[schemars(
    description = "A school's identifier (for example the Bulgarian NEISPUO code or the Polish RSPO number)."
)]
pub struct SchoolId(pub Arc<str>);

impl SchoolId {
    /// A school id of this text.
    ///
    /// # Example
    ///
    /// See [`SchoolId`].
    #[must_use]
    pub fn new(id: impl Into<Arc<str>>) -> Self {
        Self(id.into())
    }

    /// The id's text.
    ///
    /// # Example
    ///
    /// See [`SchoolId`].
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SchoolId {
    fn from(id: &str) -> Self {
        Self(id.into())
    }
}

impl From<String> for SchoolId {
    fn from(id: String) -> Self {
        Self(id.into())
    }
}

impl fmt::Display for SchoolId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a child is in a (compulsory) preschool group or a school class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Level {
    /// A compulsory preschool group (BG: подготвителна група; PL: roczne przygotowanie przedszkolne).
    Preschool,
    /// A school class.
    School,
}

impl Level {
    /// The lowercase name used in CSV files and JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Preschool => "preschool",
            Self::School => "school",
        }
    }
}

/// A pupil as the roster knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Pupil {
    /// The pupil's id.
    pub id: PupilId,
    /// The school the pupil attends.
    pub school: SchoolId,
    /// Preschool group or school class, as of the evaluation.
    pub level: Level,
    /// The grade (class year), when known; preschool groups usually have none.
    #[serde(default)]
    pub grade: Option<u8>,
}

impl Pupil {
    /// Pupil `id` of `school` at `level`, with no grade (set it with
    /// [`Pupil::with_grade`]).
    ///
    /// # Example
    /// ```
    /// use edurules_absence::{Level, Pupil, PupilId, SchoolId};
    /// let p = Pupil::new(PupilId(1), SchoolId("SU-7".into()), Level::School).with_grade(5);
    /// assert_eq!(p.grade, Some(5));
    /// ```
    #[must_use]
    pub fn new(id: PupilId, school: SchoolId, level: Level) -> Self {
        Self {
            id,
            school,
            level,
            grade: None,
        }
    }

    /// The same pupil in this grade.
    #[must_use]
    pub fn with_grade(mut self, grade: u8) -> Self {
        self.grade = Some(grade);
        self
    }
}

/// The unit an absence is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Unit {
    /// School hours, i.e. lessons (BG учебен час, PL godzina lekcyjna); `lessons` is accepted too.
    #[serde(alias = "lessons")]
    Hours,
    /// Days (preschool groups in Bulgaria count days; chronic-absence rules count school days).
    Days,
    /// Minutes late: only for late arrivals, turned into hours by the profile's conversion.
    Minutes,
}

impl Unit {
    /// The lowercase name used in CSV files and JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Hours => "hours",
            Self::Days => "days",
            Self::Minutes => "minutes",
        }
    }
}

/// What kind of absence a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum AbsenceKind {
    /// Excused, "for valid reasons" (BG по уважителни причини; PL usprawiedliwiona).
    Excused,
    /// Unexcused, "for invalid reasons" (BG по неуважителни причини; PL nieusprawiedliwiona).
    Unexcused,
    /// A late arrival; its amount is the minutes late, converted by the profile (or not counted).
    Late,
}

impl AbsenceKind {
    /// The lowercase name used in CSV files and JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Excused => "excused",
            Self::Unexcused => "unexcused",
            Self::Late => "late",
        }
    }
}

/// The highest lesson number a record may carry (lessons are numbered 0 to 15; 0 is the Polish
/// "lekcja zerowa").
pub const MAX_LESSON: u8 = 15;

/// One absence (or late arrival) of one pupil on one date.
///
/// A record with a lesson number stands for that one lesson: records with the same pupil, date and
/// lesson are duplicates and count once. A record without a lesson number is an aggregate (for
/// example "3 hours on 5 March") and is counted as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AbsenceRecord {
    /// Whose absence.
    pub pupil: PupilId,
    /// The day of the absence.
    pub date: NaiveDate,
    /// How much: hours, days, or minutes late.
    pub amount: Quantity,
    /// The unit of `amount`.
    pub unit: Unit,
    /// Excused, unexcused or late.
    pub kind: AbsenceKind,
    /// The lesson number, when the record is for one lesson (enables duplicate detection).
    #[serde(default)]
    pub lesson: Option<u8>,
}

impl AbsenceRecord {
    /// An absence of `amount` units with no lesson number.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::{AbsenceKind, AbsenceRecord, PupilId, Quantity, Unit};
    /// let d = NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
    /// let r = AbsenceRecord::new(PupilId(7), d, Quantity::whole(3), Unit::Hours, AbsenceKind::Unexcused);
    /// assert_eq!(r.lesson, None);
    /// ```
    #[must_use]
    pub const fn new(
        pupil: PupilId,
        date: NaiveDate,
        amount: Quantity,
        unit: Unit,
        kind: AbsenceKind,
    ) -> Self {
        Self {
            pupil,
            date,
            amount,
            unit,
            kind,
            lesson: None,
        }
    }

    /// One missed lesson (`kind` excused or unexcused, one hour) or one late arrival to a lesson
    /// (`kind` late, `minutes` late).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::{AbsenceKind, AbsenceRecord, PupilId};
    /// let d = NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
    /// let r = AbsenceRecord::lesson(PupilId(7), d, 2, AbsenceKind::Late, 25);
    /// assert_eq!(r.lesson, Some(2));
    /// assert!(r.check().is_ok());
    /// ```
    #[must_use]
    pub const fn lesson(
        pupil: PupilId,
        date: NaiveDate,
        lesson: u8,
        kind: AbsenceKind,
        minutes: u64,
    ) -> Self {
        let (amount, unit) = match kind {
            AbsenceKind::Late => (Quantity::whole(minutes), Unit::Minutes),
            _ => (Quantity::ONE, Unit::Hours),
        };
        Self {
            pupil,
            date,
            amount,
            unit,
            kind,
            lesson: Some(lesson),
        }
    }

    /// Checks that the record is coherent: late arrivals in minutes and only late arrivals in
    /// minutes; a lesson number at most [`MAX_LESSON`], not on a day record, and a lesson absence
    /// of exactly one hour.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::UnitMismatch`], [`AbsenceError::LessonOutOfRange`] or
    /// [`AbsenceError::LessonAmount`]; [`AbsenceError::LateWithoutDelay`] for a late arrival of
    /// zero minutes (not a late arrival: no conversion says what it counts).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::{AbsenceKind, AbsenceRecord, PupilId, Quantity, Unit};
    /// let d = NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
    /// let ok = AbsenceRecord::new(PupilId(7), d, Quantity::whole(3), Unit::Hours, AbsenceKind::Excused);
    /// assert!(ok.check().is_ok());
    /// let bad = AbsenceRecord::new(PupilId(7), d, Quantity::whole(3), Unit::Minutes, AbsenceKind::Excused);
    /// assert!(bad.check().is_err());
    /// ```
    pub fn check(&self) -> Result<(), AbsenceError> {
        if (self.kind == AbsenceKind::Late) != (self.unit == Unit::Minutes) {
            return Err(AbsenceError::UnitMismatch {
                pupil: self.pupil,
                kind: self.kind,
                unit: self.unit,
            });
        }
        if self.kind == AbsenceKind::Late && self.amount == Quantity::ZERO {
            return Err(AbsenceError::LateWithoutDelay {
                pupil: self.pupil,
                date: self.date,
            });
        }
        if let Some(lesson) = self.lesson {
            if lesson > MAX_LESSON {
                return Err(AbsenceError::LessonOutOfRange {
                    pupil: self.pupil,
                    lesson,
                });
            }
            let one_lesson = self.unit == Unit::Minutes
                || (self.unit == Unit::Hours && self.amount == Quantity::ONE);
            if !one_lesson {
                return Err(AbsenceError::LessonAmount {
                    pupil: self.pupil,
                    date: self.date,
                    lesson,
                });
            }
        }
        Ok(())
    }
}

/// The period an evaluation covers; both ends are included.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_absence::Window;
/// let w = Window::month(2026, 2).unwrap();
/// assert_eq!(w.last(), NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
/// assert!(Window::month(2026, 13).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Window {
    /// A school year (or the part of it the data covers), for example 15.09.2017 – 01.06.2018.
    SchoolYear {
        /// The first day.
        first: NaiveDate,
        /// The last day.
        last: NaiveDate,
    },
    /// One calendar month.
    Month {
        /// The first day of the month.
        first: NaiveDate,
        /// The last day of the month.
        last: NaiveDate,
    },
    /// Any other range of dates.
    Custom {
        /// The first day.
        first: NaiveDate,
        /// The last day.
        last: NaiveDate,
    },
}

impl Window {
    /// A school year (or part of one) from `first` to `last`, both included.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::InvalidWindow`] when `last` is before `first` or the range is longer than
    /// [`MAX_WINDOW_DAYS`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::Window;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).is_ok());
    /// assert!(Window::school_year(d(2018, 6, 1), d(2017, 9, 15)).is_err());
    /// ```
    pub fn school_year(first: NaiveDate, last: NaiveDate) -> Result<Self, AbsenceError> {
        check_range(first, last)?;
        Ok(Self::SchoolYear { first, last })
    }

    /// A custom range from `first` to `last`, both included.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::InvalidWindow`] as for [`Window::school_year`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::Window;
    /// let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    /// assert_eq!(Window::custom(d, d).unwrap().days(), 1);
    /// ```
    pub fn custom(first: NaiveDate, last: NaiveDate) -> Result<Self, AbsenceError> {
        check_range(first, last)?;
        Ok(Self::Custom { first, last })
    }

    /// The calendar month `month` (1–12) of `year`.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::InvalidWindow`] when the month does not exist.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::Window;
    /// assert_eq!(Window::month(2024, 2).unwrap().days(), 29);
    /// assert!(Window::month(2024, 0).is_err());
    /// ```
    pub fn month(year: i32, month: u32) -> Result<Self, AbsenceError> {
        let err = || AbsenceError::InvalidWindow {
            reason: crate::WindowProblem::NoSuchMonth { year, month },
        };
        let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(err)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        };
        let last = next.and_then(|n| n.pred_opt()).ok_or_else(err)?;
        Ok(Self::Month { first, last })
    }

    /// The first day (included).
    #[must_use]
    pub const fn first(&self) -> NaiveDate {
        match *self {
            Self::SchoolYear { first, .. }
            | Self::Month { first, .. }
            | Self::Custom { first, .. } => first,
        }
    }

    /// The last day (included).
    #[must_use]
    pub const fn last(&self) -> NaiveDate {
        match *self {
            Self::SchoolYear { last, .. }
            | Self::Month { last, .. }
            | Self::Custom { last, .. } => last,
        }
    }

    /// Whether `date` is inside the window.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::Window;
    /// let w = Window::month(2026, 3).unwrap();
    /// assert!(w.contains(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()));
    /// assert!(!w.contains(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()));
    /// ```
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first() <= date && date <= self.last()
    }

    /// The number of calendar days in the window.
    #[must_use]
    pub fn days(&self) -> u32 {
        u32::try_from((self.last() - self.first()).num_days() + 1).unwrap_or(0)
    }

    /// The calendar months the window touches, in order.
    #[must_use]
    pub fn months(&self) -> Vec<YearMonth> {
        let mut out = Vec::new();
        let mut ym = YearMonth::of(self.first());
        let end = YearMonth::of(self.last());
        while ym <= end {
            out.push(ym);
            ym = ym.next();
        }
        out
    }
}

/// The longest window accepted: ten years of days (evaluation state grows with months).
pub const MAX_WINDOW_DAYS: i64 = 3660;

fn check_range(first: NaiveDate, last: NaiveDate) -> Result<(), AbsenceError> {
    if last < first {
        return Err(AbsenceError::InvalidWindow {
            reason: crate::WindowProblem::Reversed { first, last },
        });
    }
    if (last - first).num_days() >= MAX_WINDOW_DAYS {
        return Err(AbsenceError::InvalidWindow {
            reason: crate::WindowProblem::TooLong {
                first,
                last,
                max_days: MAX_WINDOW_DAYS.unsigned_abs(),
            },
        });
    }
    Ok(())
}

/// A calendar month, as a key for monthly rules and monthly planned counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`.
    ///
    /// # Example
    /// ```
    /// use edurules_absence::YearMonth;
    /// let m = YearMonth::new(2026, 3);
    /// assert_eq!((m.year, m.month), (2026, 3));
    /// ```
    #[must_use]
    pub const fn new(year: i32, month: u32) -> Self {
        Self { year, month }
    }

    /// The month containing `date`.
    #[must_use]
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The following month.
    #[must_use]
    pub const fn next(self) -> Self {
        if self.month >= 12 {
            Self {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The pupils an evaluation covers, indexed for fast lookup.
///
/// # Example
///
/// ```
/// use edurules_absence::{Level, Pupil, PupilId, Roster, SchoolId};
/// let p = Pupil::new(PupilId(1), SchoolId("S1".into()), Level::School).with_grade(5);
/// let roster = Roster::new(vec![p.clone()]).unwrap();
/// assert_eq!(roster.get(PupilId(1)), Some(&p));
/// assert!(Roster::new(vec![p.clone(), p]).is_err()); // the same id twice
/// ```
#[derive(Debug, Clone, Default)]
pub struct Roster {
    pupils: Vec<Pupil>,
    index: PupilIndex,
}

/// Maps a pupil id to its position: a direct table when ids are dense, a hash map otherwise.
#[derive(Debug, Clone)]
enum PupilIndex {
    /// Ids `first..first + len` in order: the position is `id - first`.
    Range(u64),
    Dense(Vec<u32>),
    Sparse(HashMap<u64, u32>),
}

impl Default for PupilIndex {
    fn default() -> Self {
        Self::Dense(Vec::new())
    }
}

const NO_PUPIL: u32 = u32::MAX;

impl Roster {
    /// Indexes the pupils.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::DuplicatePupil`] when an id appears twice, [`AbsenceError::TooManyPupils`]
    /// past `u32::MAX - 1` pupils.
    pub fn new(mut pupils: Vec<Pupil>) -> Result<Self, AbsenceError> {
        if u32::try_from(pupils.len()).map_or(true, |n| n == NO_PUPIL) {
            return Err(AbsenceError::TooManyPupils {
                count: pupils.len(),
            });
        }
        // Rosters usually come in id order: then no sort (nor its buffer).
        if !pupils.is_sorted_by_key(|p| p.id) {
            pupils.sort_unstable_by_key(|p| p.id);
        }
        if let Some(w) = pupils
            .windows(2)
            .find(|w| w.first().map(|p| p.id) == w.get(1).map(|p| p.id))
            && let Some(p) = w.first()
        {
            return Err(AbsenceError::DuplicatePupil { pupil: p.id });
        }
        let first_id = pupils.first().map_or(0, |p| p.id.0);
        let last_id = pupils.last().map_or(0, |p| p.id.0);
        // Sorted, so `last_id >= first_id`; the span of ids 0..=u64::MAX does not fit a u64.
        if (last_id - first_id).checked_add(1) == Some(pupils.len() as u64) {
            return Ok(Self {
                pupils,
                index: PupilIndex::Range(first_id),
            });
        }
        let max_id = pupils.iter().map(|p| p.id.0).max().unwrap_or(0);
        let dense_limit = (pupils.len() as u64).saturating_mul(4).saturating_add(1024);
        let index = if max_id < dense_limit {
            let mut table = vec![NO_PUPIL; usize::try_from(max_id).unwrap_or(0).saturating_add(1)];
            for (i, p) in pupils.iter().enumerate() {
                let slot = table.get_mut(usize::try_from(p.id.0).unwrap_or(usize::MAX));
                if let Some(slot) = slot {
                    if *slot != NO_PUPIL {
                        return Err(AbsenceError::DuplicatePupil { pupil: p.id });
                    }
                    *slot = u32::try_from(i).unwrap_or(NO_PUPIL);
                }
            }
            PupilIndex::Dense(table)
        } else {
            let mut map = HashMap::with_capacity(pupils.len());
            for (i, p) in pupils.iter().enumerate() {
                if map
                    .insert(p.id.0, u32::try_from(i).unwrap_or(NO_PUPIL))
                    .is_some()
                {
                    return Err(AbsenceError::DuplicatePupil { pupil: p.id });
                }
            }
            PupilIndex::Sparse(map)
        };
        Ok(Self { pupils, index })
    }

    /// The number of pupils.
    #[must_use]
    pub fn len(&self) -> usize {
        self.pupils.len()
    }

    /// Whether the roster is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.pupils.is_empty()
    }

    /// All pupils, in id order.
    #[must_use]
    pub fn pupils(&self) -> &[Pupil] {
        &self.pupils
    }

    /// The pupil with this id.
    #[must_use]
    pub fn get(&self, id: PupilId) -> Option<&Pupil> {
        self.position(id).and_then(|i| self.pupils.get(i as usize))
    }

    /// The dense position of a pupil, for per-pupil tables.
    #[inline]
    pub(crate) fn position(&self, id: PupilId) -> Option<u32> {
        let i = match &self.index {
            PupilIndex::Range(first) => {
                let i = id.0.checked_sub(*first)?;
                return if i < self.pupils.len() as u64 {
                    u32::try_from(i).ok()
                } else {
                    None
                };
            }
            PupilIndex::Dense(table) => *table.get(usize::try_from(id.0).ok()?)?,
            PupilIndex::Sparse(map) => *map.get(&id.0)?,
        };
        (i != NO_PUPIL).then_some(i)
    }
}

/// How much a pupil could have attended: the denominators of percentage rules.
///
/// The Polish rule needs the number of days of classes per pupil and month; a chronic-absence
/// rule needs the number of school days the pupil was enrolled in the window. Amounts are in the
/// rule's unit.
///
/// # Example
///
/// ```
/// use edurules_absence::{Planned, PupilId, Quantity, Unit, YearMonth};
/// let mut planned = Planned::default();
/// planned.set_month(PupilId(1), YearMonth::new(2026, 3), Unit::Days, Quantity::whole(22));
/// assert_eq!(planned.month(PupilId(1), YearMonth::new(2026, 3), Unit::Days), Some(Quantity::whole(22)));
/// let json = serde_json::to_string(&planned).unwrap();
/// assert_eq!(serde_json::from_str::<Planned>(&json).unwrap(), planned);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(into = "PlannedData", from = "PlannedData")]
#[schemars(with = "PlannedData")]
pub struct Planned {
    months: HashMap<(PupilId, YearMonth, Unit), Quantity>,
    windows: HashMap<(PupilId, Unit), Quantity>,
}

/// The serialized form of [`Planned`]: lists of entries (JSON maps need string keys).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlannedData {
    /// Planned amounts per pupil and calendar month.
    #[serde(default)]
    pub months: Vec<PlannedMonth>,
    /// Planned amounts per pupil over the whole window.
    #[serde(default)]
    pub windows: Vec<PlannedWindow>,
}

/// A planned amount for one pupil in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlannedMonth {
    /// The pupil.
    pub pupil: PupilId,
    /// The month.
    pub month: YearMonth,
    /// The unit.
    pub unit: Unit,
    /// The amount (e.g. days of classes).
    pub amount: Quantity,
}

/// A planned amount for one pupil over the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlannedWindow {
    /// The pupil.
    pub pupil: PupilId,
    /// The unit.
    pub unit: Unit,
    /// The amount (e.g. enrolled school days).
    pub amount: Quantity,
}

impl From<PlannedData> for Planned {
    fn from(d: PlannedData) -> Self {
        let mut p = Self::default();
        for m in d.months {
            p.set_month(m.pupil, m.month, m.unit, m.amount);
        }
        for w in d.windows {
            p.set_window(w.pupil, w.unit, w.amount);
        }
        p
    }
}

impl From<Planned> for PlannedData {
    fn from(p: Planned) -> Self {
        let mut months: Vec<PlannedMonth> = p
            .months
            .into_iter()
            .map(|((pupil, month, unit), amount)| PlannedMonth {
                pupil,
                month,
                unit,
                amount,
            })
            .collect();
        months.sort_by_key(|m| (m.pupil, m.month, m.unit.as_str()));
        let mut windows: Vec<PlannedWindow> = p
            .windows
            .into_iter()
            .map(|((pupil, unit), amount)| PlannedWindow {
                pupil,
                unit,
                amount,
            })
            .collect();
        windows.sort_by_key(|w| (w.pupil, w.unit.as_str()));
        Self { months, windows }
    }
}

impl Planned {
    /// Sets the planned amount for a pupil in one calendar month (e.g. days of classes).
    pub fn set_month(&mut self, pupil: PupilId, month: YearMonth, unit: Unit, amount: Quantity) {
        self.months.insert((pupil, month, unit), amount);
    }

    /// Sets the planned amount for a pupil over the whole window (e.g. enrolled school days).
    pub fn set_window(&mut self, pupil: PupilId, unit: Unit, amount: Quantity) {
        self.windows.insert((pupil, unit), amount);
    }

    /// The planned amount in one month, if known.
    #[must_use]
    pub fn month(&self, pupil: PupilId, month: YearMonth, unit: Unit) -> Option<Quantity> {
        self.months.get(&(pupil, month, unit)).copied()
    }

    /// The planned amount over the window, if known.
    #[must_use]
    pub fn window(&self, pupil: PupilId, unit: Unit) -> Option<Quantity> {
        self.windows.get(&(pupil, unit)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: u64) -> Pupil {
        Pupil {
            id: PupilId(id),
            school: SchoolId("S".into()),
            level: Level::School,
            grade: None,
        }
    }

    #[test]
    fn every_index_kind_finds_every_pupil_and_only_them() {
        for ids in [vec![7, 5, 6], vec![1, 3, 10, 2], vec![5, 1_000_000_000, 42]] {
            let roster = Roster::new(ids.iter().map(|&i| p(i)).collect()).unwrap();
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            assert_eq!(
                roster.pupils().iter().map(|x| x.id.0).collect::<Vec<_>>(),
                sorted
            );
            for &i in &ids {
                assert_eq!(roster.get(PupilId(i)).map(|x| x.id), Some(PupilId(i)));
            }
            for missing in [0, 4, 8, 11, 999_999_999, u64::MAX] {
                assert!(roster.get(PupilId(missing)).is_none() || ids.contains(&missing));
            }
            assert!(Roster::new(ids.iter().chain(ids.first()).map(|&i| p(i)).collect()).is_err());
        }
    }
}
