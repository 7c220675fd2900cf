//! From an instant to the Polish civil date the engine works in.

use chrono::{DateTime, NaiveDate, Utc};

/// The Polish civil date (Europe/Warsaw) of an instant, by the IANA time zone database
/// (through `edurules_locale::SchoolZone::EuropeWarsaw` and `chrono-tz`): UTC+1 (CET), or
/// UTC+2 (CEST) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October since 1996, and Poland's earlier summer-time history before that.
///
/// Every date in this crate is such a civil date, and a period is in force through the end of
/// its last day in Warsaw: an authorization valid until 31 August 2026 holds at
/// 23:59:59 CEST that day (21:59:59 UTC) and no longer at midnight (22:00 UTC). Taking the
/// UTC date of an instant instead would be wrong for up to two hours every night.
///
/// # Panics
/// Never: at the very ends of chrono's range the UTC date is returned.
///
/// # Example
/// ```
/// use chrono::{TimeZone, Utc, NaiveDate};
/// use edurules_delegation::warsaw_date;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// // 31 August, 23:59:59 summer time: still 31 August.
/// assert_eq!(warsaw_date(Utc.with_ymd_and_hms(2026, 8, 31, 21, 59, 59).unwrap()), d(2026, 8, 31));
/// // Midnight in Warsaw: already 1 September, though still 31 August in UTC.
/// assert_eq!(warsaw_date(Utc.with_ymd_and_hms(2026, 8, 31, 22, 0, 0).unwrap()), d(2026, 9, 1));
/// // Winter time: one hour ahead of UTC.
/// assert_eq!(warsaw_date(Utc.with_ymd_and_hms(2026, 12, 31, 23, 0, 0).unwrap()), d(2027, 1, 1));
/// ```
#[must_use]
pub fn warsaw_date(instant: DateTime<Utc>) -> NaiveDate {
    edurules_locale::SchoolZone::EuropeWarsaw.date(instant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }
    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn offsets_around_the_switches() {
        // 29 March 2026: 00:59 UTC is 01:59 CET; 01:00 UTC is 03:00 CEST.
        assert_eq!(warsaw_date(at(2026, 3, 28, 22, 59)), day(2026, 3, 28));
        assert_eq!(warsaw_date(at(2026, 3, 28, 23, 0)), day(2026, 3, 29));
        // The day after the spring switch, midnight is at 22:00 UTC.
        assert_eq!(warsaw_date(at(2026, 3, 29, 21, 59)), day(2026, 3, 29));
        assert_eq!(warsaw_date(at(2026, 3, 29, 22, 0)), day(2026, 3, 30));
        // 25 October 2026: back to CET at 01:00 UTC.
        assert_eq!(warsaw_date(at(2026, 10, 24, 21, 59)), day(2026, 10, 24));
        assert_eq!(warsaw_date(at(2026, 10, 24, 22, 0)), day(2026, 10, 25));
        assert_eq!(warsaw_date(at(2026, 10, 25, 22, 59)), day(2026, 10, 25));
        assert_eq!(warsaw_date(at(2026, 10, 25, 23, 0)), day(2026, 10, 26));
    }

    #[test]
    fn history_before_the_eu_rule_follows_the_tz_database() {
        // 1988: summer time ended on the last Sunday of September (25 September, 01:00
        // UTC), not in October as today's rule says: on 1 October 22:30 UTC it was 23:30
        // CET, still 1 October in Warsaw.
        assert_eq!(warsaw_date(at(1988, 9, 24, 22, 30)), day(1988, 9, 25));
        assert_eq!(warsaw_date(at(1988, 10, 1, 22, 30)), day(1988, 10, 1));
    }

    #[test]
    fn ends_of_the_range_do_not_panic() {
        let max = DateTime::<Utc>::MAX_UTC;
        assert_eq!(warsaw_date(max), max.date_naive());
        let min = DateTime::<Utc>::MIN_UTC;
        assert!(warsaw_date(min) >= min.date_naive());
    }
}
