//! The Polish calendar of days off work (ustawa z dnia 18 stycznia 1951 r. o dniach
//! wolnych od pracy, with every amendment), 1951–2100.
//!
//! Each holiday is valid only between the dates its legal basis was in force
//! ([`HOLIDAY_RULES`]); one-off statutory days off are listed in
//! [`ONE_OFF_DAYS_OFF`]. A bitset per year is computed at compile time, so a
//! lookup is a bounds check and a bit test.

mod easter;
mod kind;
mod table;

pub use easter::easter_sunday;
pub use kind::HolidayKind;
pub use table::{
    HOLIDAY_RULES, HolidayDate, HolidayRule, ONE_OFF_DAYS_OFF, OneOffDayOff, Validity,
};

use crate::{DeadlineError, Locale};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The first year the calendar covers.
pub const FIRST_YEAR: i32 = 1951;
/// The last year the calendar covers.
pub const LAST_YEAR: i32 = 2100;

/// The country whose days off this calendar holds, as an ISO 3166-1 code.
///
/// # Example
/// ```
/// assert_eq!(edurules_deadline::calendar::COUNTRY_CODE, "PL");
/// ```
pub const COUNTRY_CODE: &str = "PL";

/// The name of the country whose days off this calendar holds (Poland), in a
/// language: for a heading such as "Public holidays in Poland".
///
/// # Example
/// ```
/// use edurules_deadline::{calendar::country_name, Locale};
/// assert_eq!(country_name(Locale::Pl), "Polska");
/// assert_eq!(country_name(Locale::Bg), "Полша");
/// assert_eq!(country_name(Locale::En), "Poland");
/// ```
#[must_use]
pub fn country_name(locale: Locale) -> &'static str {
    locale.pick("Polska", "Полша", "Poland")
}

/// A heading for the list of a year's holidays that says whose they are:
/// "Public holidays in Poland in 2025: 14".
///
/// # Example
/// ```
/// use edurules_deadline::{calendar::{holidays, holidays_heading}, Locale};
/// let n = holidays(2025)?.len();
/// assert_eq!(holidays_heading(2025, n, Locale::En), "Public holidays in Poland in 2025: 14");
/// assert_eq!(holidays_heading(2025, n, Locale::Pl), "Święta ustawowo wolne od pracy w Polsce w 2025 r.: 14");
/// assert_eq!(holidays_heading(2025, n, Locale::Bg), "Официални празници в Полша през 2025 г.: 14");
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
#[must_use]
pub fn holidays_heading(year: i32, count: usize, locale: Locale) -> String {
    let n = locale.integer(i128::try_from(count).unwrap_or(i128::MAX));
    locale.pick(
        format!("Święta ustawowo wolne od pracy w Polsce w {year} r.: {n}"),
        format!("Официални празници в Полша през {year} г.: {n}"),
        format!("Public holidays in Poland in {year}: {n}"),
    )
}

/// A public holiday on a date.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Holiday {
    /// The date.
    pub date: NaiveDate,
    /// Which holiday it is (names and legal basis are on the kind).
    pub kind: HolidayKind,
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DayOff {
    /// A Saturday (not a day off by statute; relevant to art. 115 KC only from 2017-01-01).
    Saturday,
    /// A Sunday (a day off by art. 1 pkt 2 of the 1951 act).
    Sunday,
    /// A public holiday.
    Holiday(HolidayKind),
}

fn check_range(date: NaiveDate) -> Result<usize, DeadlineError> {
    let year = date.year();
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        usize::try_from(year - FIRST_YEAR).map_err(|_| out_of_range(date))
    } else {
        Err(out_of_range(date))
    }
}

pub(crate) fn out_of_range(date: NaiveDate) -> DeadlineError {
    DeadlineError::DateOutOfRange {
        date,
        min: NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN),
        max: NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX),
    }
}

/// Whether `date` is a statutory public holiday (Sundays as such are not
/// holidays, but Easter Sunday and Pentecost Sunday are).
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] outside 1951–2100.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::calendar::is_public_holiday;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(is_public_holiday(d(2025, 12, 24))?);   // Christmas Eve, from 2025
/// assert!(!is_public_holiday(d(2024, 12, 24))?);  // still a working day in 2024
/// assert!(is_public_holiday(d(1800, 1, 1)).is_err());
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
#[inline]
pub fn is_public_holiday(date: NaiveDate) -> Result<bool, DeadlineError> {
    let year_index = check_range(date)?;
    Ok(table::bit(year_index, date.ordinal0()))
}

/// Whether `date` is a day off by statute: a Sunday or a public holiday
/// (art. 115 KC before 2017 moves a term's end only off these days).
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] outside 1951–2100.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::calendar::is_day_off;
/// assert!(is_day_off(NaiveDate::from_ymd_opt(2018, 11, 12).unwrap())?); // one-off day off
/// assert!(!is_day_off(NaiveDate::from_ymd_opt(2019, 11, 12).unwrap())?);
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
#[inline]
pub fn is_day_off(date: NaiveDate) -> Result<bool, DeadlineError> {
    Ok(date.weekday() == Weekday::Sun || is_public_holiday(date)?)
}

/// Whether `date` is a working day: not a Saturday, not a Sunday, not a holiday.
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] outside 1951–2100.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::calendar::is_working_day;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(is_working_day(d(2025, 12, 29))?);   // Monday
/// assert!(!is_working_day(d(2025, 12, 27))?);  // Saturday
/// assert!(!is_working_day(d(2025, 4, 21))?);   // Easter Monday
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
#[inline]
pub fn is_working_day(date: NaiveDate) -> Result<bool, DeadlineError> {
    Ok(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date)?)
}

/// Why `date` is not a working day, or `None` when it is one. A holiday
/// falling on a weekend is reported as the holiday.
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] outside 1951–2100.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::calendar::{day_off_reason, DayOff, HolidayKind};
/// let d = NaiveDate::from_ymd_opt(2025, 12, 26).unwrap();
/// assert_eq!(day_off_reason(d)?, Some(DayOff::Holiday(HolidayKind::SecondDayOfChristmas)));
/// assert_eq!(day_off_reason(NaiveDate::from_ymd_opt(2025, 12, 29).unwrap())?, None);
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
pub fn day_off_reason(date: NaiveDate) -> Result<Option<DayOff>, DeadlineError> {
    if let Some(h) = holiday_on(date)? {
        return Ok(Some(DayOff::Holiday(h.kind)));
    }
    Ok(match date.weekday() {
        Weekday::Sat => Some(DayOff::Saturday),
        Weekday::Sun => Some(DayOff::Sunday),
        _ => None,
    })
}

/// The holiday on `date`, if any.
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] outside 1951–2100.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::calendar::{holiday_on, HolidayKind};
/// let h = holiday_on(NaiveDate::from_ymd_opt(1975, 7, 22).unwrap())?;
/// assert_eq!(h.map(|h| h.kind), Some(HolidayKind::NationalRebirthDay));
/// assert_eq!(holiday_on(NaiveDate::from_ymd_opt(1990, 7, 22).unwrap())?, None);
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
pub fn holiday_on(date: NaiveDate) -> Result<Option<Holiday>, DeadlineError> {
    if !is_public_holiday(date)? {
        return Ok(None);
    }
    Ok(holidays(date.year())?.into_iter().find(|h| h.date == date))
}

/// Every public holiday of `year`, in date order, with its kind (and so its
/// Polish and English name and legal basis).
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] for a year outside 1951–2100.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use edurules_deadline::calendar::{holidays, HolidayKind};
/// use edurules_deadline::Locale;
/// let list = holidays(2025)?;
/// assert_eq!(list.len(), 14);
/// assert_eq!(list[0].kind.name(Locale::Pl), "Nowy Rok");
/// assert!(holidays(2101).is_err());
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
pub fn holidays(year: i32) -> Result<Vec<Holiday>, DeadlineError> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| out_of_range(NaiveDate::MIN))?;
    check_range(first)?;
    let mut out = Vec::with_capacity(16);
    for rule in HOLIDAY_RULES {
        if let Some((m, d)) = table::occurrence(rule.date, year)
            && let Some(date) = NaiveDate::from_ymd_opt(year, m, d)
            && rule.validity.contains(table::ymd_key(year, m, d))
        {
            out.push(Holiday {
                date,
                kind: rule.kind,
            });
        }
    }
    for one in ONE_OFF_DAYS_OFF {
        if one.year == year
            && let Some(date) = NaiveDate::from_ymd_opt(one.year, one.month, one.day)
        {
            out.push(Holiday {
                date,
                kind: one.kind,
            });
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn bitset_agrees_with_the_rule_list_every_day_of_every_year() {
        for year in FIRST_YEAR..=LAST_YEAR {
            let list = holidays(year).unwrap();
            let mut day = d(year, 1, 1);
            while day.year() == year {
                let listed = list.iter().any(|h| h.date == day);
                assert_eq!(is_public_holiday(day).unwrap(), listed, "{day}");
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn range_is_enforced() {
        assert!(is_public_holiday(d(1950, 12, 31)).is_err());
        assert!(is_public_holiday(d(2101, 1, 1)).is_err());
        assert!(is_public_holiday(d(1951, 1, 1)).unwrap());
        assert!(is_public_holiday(d(2100, 12, 26)).unwrap());
    }

    #[test]
    fn day_off_reason_orders_holiday_before_weekday() {
        // 2025-05-03 is a Saturday and Constitution Day.
        assert_eq!(
            day_off_reason(d(2025, 5, 3)).unwrap(),
            Some(DayOff::Holiday(HolidayKind::ConstitutionDay))
        );
        assert_eq!(
            day_off_reason(d(2025, 5, 10)).unwrap(),
            Some(DayOff::Saturday)
        );
        assert_eq!(
            day_off_reason(d(2025, 5, 11)).unwrap(),
            Some(DayOff::Sunday)
        );
    }
}
