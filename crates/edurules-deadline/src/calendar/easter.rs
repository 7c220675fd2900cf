//! Easter Sunday by the Gregorian computus (the anonymous algorithm of 1876,
//! as given by Meeus).

use chrono::NaiveDate;

/// Month and day of Easter Sunday in a Gregorian year; usable in `const`.
pub(crate) const fn easter_month_day(year: i32) -> (u32, u32) {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // INVARIANT: month is 3 or 4 and day 1..=31 for every year, so both fit.
    (month.unsigned_abs(), day.unsigned_abs())
}

/// Easter Sunday of a year of the Gregorian calendar (1583 onwards), or
/// `None` for years before the Gregorian reform or beyond chrono's range.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::calendar::easter_sunday;
/// assert_eq!(easter_sunday(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
/// assert_eq!(easter_sunday(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
/// assert_eq!(easter_sunday(1500), None);
/// ```
#[must_use]
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if year < 1583 {
        return None;
    }
    let (m, d) = easter_month_day(year);
    NaiveDate::from_ymd_opt(year, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_easter_dates() {
        // Published Gregorian Easter dates.
        for (y, m, d) in [
            (1951, 3, 25),
            (1960, 4, 17),
            (1961, 4, 2),
            (1989, 3, 26),
            (1990, 4, 15),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2100, 3, 28),
        ] {
            assert_eq!(easter_sunday(y), NaiveDate::from_ymd_opt(y, m, d), "{y}");
        }
    }

    #[test]
    fn easter_is_always_a_sunday_between_22_march_and_25_april() {
        use chrono::{Datelike, Weekday};
        for y in 1583..=4099 {
            let e = easter_sunday(y).unwrap();
            assert_eq!(e.weekday(), Weekday::Sun, "{y}");
            assert!(
                e >= NaiveDate::from_ymd_opt(y, 3, 22).unwrap()
                    && e <= NaiveDate::from_ymd_opt(y, 4, 25).unwrap()
            );
        }
    }
}
