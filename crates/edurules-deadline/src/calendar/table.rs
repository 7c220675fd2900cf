//! The holidays as data (what, when, valid while) and the per-year bitset
//! computed from them at compile time.

use super::easter::easter_month_day;
use super::{FIRST_YEAR, HolidayKind, LAST_YEAR};
use serde::Serialize;

/// How a holiday's date is found in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayDate {
    /// The same month and day every year.
    Fixed {
        /// Month, 1–12.
        month: u32,
        /// Day of month.
        day: u32,
    },
    /// A number of days after Easter Sunday (0 = Easter Sunday).
    EasterOffset(i32),
}

/// The dates between which a holiday's legal basis was in force, as
/// `yyyymmdd` keys, both ends inclusive; `0` / `u32::MAX` mean open ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Validity(pub &'static [(u32, u32)]);

impl Validity {
    /// Whether the `yyyymmdd` key lies in one of the intervals.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::calendar::Validity;
    /// let v = Validity(&[(1989_0523, u32::MAX)]);
    /// assert!(v.contains(2025_0815));
    /// assert!(!v.contains(1988_0815));
    /// ```
    #[must_use]
    pub const fn contains(&self, key: u32) -> bool {
        let mut rest = self.0;
        while let [(from, to), tail @ ..] = rest {
            if *from <= key && key <= *to {
                return true;
            }
            rest = tail;
        }
        false
    }
}

/// One holiday of the 1951 act (or a later statute) with its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HolidayRule {
    /// Which holiday.
    pub kind: HolidayKind,
    /// How its date is found.
    pub date: HolidayDate,
    /// When it was a day off.
    pub validity: Validity,
}

/// A day off declared once by its own statute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct OneOffDayOff {
    /// Year.
    pub year: i32,
    /// Month.
    pub month: u32,
    /// Day.
    pub day: u32,
    /// The holiday kind (its name and legal basis).
    pub kind: HolidayKind,
}

const ALWAYS: Validity = Validity(&[(0, u32::MAX)]);

/// The holidays of the 1951 act with the dates each was in force. The 1951
/// act (in force 19 January 1951) listed: 1 January, 6 January, Easter Sunday
/// and Monday, 1 May, Pentecost Sunday, Corpus Christi, 22 July, 15 August,
/// 1 November, 25 and 26 December (Ascension Day was not on it; see README).
pub const HOLIDAY_RULES: &[HolidayRule] = &[
    HolidayRule {
        kind: HolidayKind::NewYear,
        date: HolidayDate::Fixed { month: 1, day: 1 },
        validity: ALWAYS,
    },
    HolidayRule {
        kind: HolidayKind::Epiphany,
        date: HolidayDate::Fixed { month: 1, day: 6 },
        validity: Validity(&[(0, ymd_key(1960, 11, 23)), (ymd_key(2011, 1, 1), u32::MAX)]),
    },
    HolidayRule {
        kind: HolidayKind::EasterSunday,
        date: HolidayDate::EasterOffset(0),
        validity: ALWAYS,
    },
    HolidayRule {
        kind: HolidayKind::EasterMonday,
        date: HolidayDate::EasterOffset(1),
        validity: ALWAYS,
    },
    HolidayRule {
        kind: HolidayKind::StateHoliday,
        date: HolidayDate::Fixed { month: 5, day: 1 },
        validity: ALWAYS,
    },
    HolidayRule {
        kind: HolidayKind::ConstitutionDay,
        date: HolidayDate::Fixed { month: 5, day: 3 },
        validity: Validity(&[(ymd_key(1990, 4, 28), u32::MAX)]),
    },
    HolidayRule {
        kind: HolidayKind::PentecostSunday,
        date: HolidayDate::EasterOffset(49),
        validity: ALWAYS,
    },
    HolidayRule {
        kind: HolidayKind::CorpusChristi,
        date: HolidayDate::EasterOffset(60),
        validity: ALWAYS,
    },
    HolidayRule {
        kind: HolidayKind::NationalRebirthDay,
        date: HolidayDate::Fixed { month: 7, day: 22 },
        validity: Validity(&[(0, ymd_key(1990, 4, 27))]),
    },
    HolidayRule {
        kind: HolidayKind::Assumption,
        date: HolidayDate::Fixed { month: 8, day: 15 },
        validity: Validity(&[(0, ymd_key(1960, 11, 23)), (ymd_key(1989, 5, 23), u32::MAX)]),
    },
    HolidayRule {
        kind: HolidayKind::AllSaints,
        date: HolidayDate::Fixed { month: 11, day: 1 },
        validity: ALWAYS,
    },
    HolidayRule {
        kind: HolidayKind::IndependenceDay,
        date: HolidayDate::Fixed { month: 11, day: 11 },
        validity: Validity(&[(ymd_key(1989, 2, 15), u32::MAX)]),
    },
    HolidayRule {
        kind: HolidayKind::ChristmasEve,
        date: HolidayDate::Fixed { month: 12, day: 24 },
        validity: Validity(&[(ymd_key(2025, 2, 1), u32::MAX)]),
    },
    HolidayRule {
        kind: HolidayKind::ChristmasDay,
        date: HolidayDate::Fixed { month: 12, day: 25 },
        validity: ALWAYS,
    },
    HolidayRule {
        kind: HolidayKind::SecondDayOfChristmas,
        date: HolidayDate::Fixed { month: 12, day: 26 },
        validity: ALWAYS,
    },
];

/// One-off statutory days off. Art. 1a of the 1951 act (from 18 April 2020)
/// lets the Prime Minister add a day off during an epidemic; no such
/// regulation was found, so none is listed.
pub const ONE_OFF_DAYS_OFF: &[OneOffDayOff] = &[OneOffDayOff {
    year: 2018,
    month: 11,
    day: 12,
    kind: HolidayKind::IndependenceCentenary,
}];

pub(crate) const fn ymd_key(year: i32, month: u32, day: u32) -> u32 {
    year.unsigned_abs() * 10_000 + month * 100 + day
}

const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Zero-based day of the year of a valid date.
const fn ordinal0(year: i32, month: u32, day: u32) -> u32 {
    let before = match month {
        2 => 31,
        3 => 59,
        4 => 90,
        5 => 120,
        6 => 151,
        7 => 181,
        8 => 212,
        9 => 243,
        10 => 273,
        11 => 304,
        12 => 334,
        _ => 0,
    };
    before + day - 1 + if month > 2 && is_leap(year) { 1 } else { 0 }
}

/// Month and day of a zero-based day of the year.
const fn from_ordinal0(year: i32, ord: u32) -> (u32, u32) {
    let mut month = 12;
    while month > 1 {
        let start = ordinal0(year, month, 1);
        if ord >= start {
            return (month, ord - start + 1);
        }
        month -= 1;
    }
    (1, ord + 1)
}

/// Where a holiday falls in a year (before checking its validity).
pub(crate) const fn occurrence(date: HolidayDate, year: i32) -> Option<(u32, u32)> {
    match date {
        HolidayDate::Fixed { month, day } => Some((month, day)),
        HolidayDate::EasterOffset(offset) => {
            let (m, d) = easter_month_day(year);
            let ord = ordinal0(year, m, d) as i32 + offset;
            let len = if is_leap(year) { 366 } else { 365 };
            if ord < 0 || ord >= len {
                None
            } else {
                Some(from_ordinal0(year, ord.unsigned_abs()))
            }
        }
    }
}

const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;
type YearBits = [u64; 6];

#[expect(clippy::indexing_slicing, reason = "compile-time table construction")]
const fn build() -> [YearBits; YEARS] {
    // INVARIANT: evaluated at compile time only (a bad index fails the build,
    // never a run); year index < YEARS by the loop bound and ordinal0 < 366,
    // so word index < 6.
    let mut table = [[0_u64; 6]; YEARS];
    let mut yi = 0;
    let mut year = FIRST_YEAR;
    while yi < YEARS {
        let mut r = 0;
        while r < HOLIDAY_RULES.len() {
            let rule = HOLIDAY_RULES[r];
            if let Some((m, d)) = occurrence(rule.date, year)
                && rule.validity.contains(ymd_key(year, m, d))
            {
                let ord = ordinal0(year, m, d);
                table[yi][(ord / 64) as usize] |= 1 << (ord % 64);
            }
            r += 1;
        }
        let mut o = 0;
        while o < ONE_OFF_DAYS_OFF.len() {
            let one = ONE_OFF_DAYS_OFF[o];
            if one.year == year {
                let ord = ordinal0(year, one.month, one.day);
                table[yi][(ord / 64) as usize] |= 1 << (ord % 64);
            }
            o += 1;
        }
        yi += 1;
        year += 1;
    }
    table
}

static TABLE: [YearBits; YEARS] = build();

/// Whether the bit of a zero-based day of the year is set.
#[inline]
pub(crate) fn bit(year_index: usize, ordinal0: u32) -> bool {
    let word = (ordinal0 / 64) as usize;
    TABLE
        .get(year_index)
        .and_then(|y| y.get(word))
        .is_some_and(|w| w & (1_u64 << (ordinal0 % 64)) != 0)
}
