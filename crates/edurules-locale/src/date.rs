//! Dates and times for people: one local form per language, times in the
//! school's time zone (JSON keeps ISO 8601 and UTC).

use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Timelike, Utc,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Locale, LocaleError};

const PL_MONTHS: [&str; 12] = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];
const BG_MONTHS: [&str; 12] = [
    "януари",
    "февруари",
    "март",
    "април",
    "май",
    "юни",
    "юли",
    "август",
    "септември",
    "октомври",
    "ноември",
    "декември",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The time zone a school's times are shown in: the zone is configuration
/// (a school in Poland or in Bulgaria), not a property of the language.
///
/// Serialized as its IANA name. Conversions use the IANA time zone database
/// (through `chrono-tz`), so summer time and its history are right.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use edurules_locale::{Locale, SchoolZone};
///
/// let zone: SchoolZone = "Europe/Sofia".parse()?;
/// let t = Utc.with_ymd_and_hms(2026, 7, 1, 21, 30, 0).unwrap();
/// assert_eq!(Locale::Bg.date_time(t, zone), "2 юли 2026 г., 00:30");
/// assert_eq!(Locale::Pl.date_time(t, SchoolZone::EuropeWarsaw), "1 lipca 2026 r., 23:30");
/// assert_eq!(serde_json::to_string(&zone)?, "\"Europe/Sofia\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub enum SchoolZone {
    /// Poland.
    #[serde(rename = "Europe/Warsaw")]
    EuropeWarsaw,
    /// Bulgaria.
    #[serde(rename = "Europe/Sofia")]
    EuropeSofia,
    /// Coordinated Universal Time, for systems that want no conversion.
    #[serde(rename = "UTC")]
    Utc,
}

impl SchoolZone {
    /// Every zone.
    pub const ALL: [Self; 3] = [Self::EuropeWarsaw, Self::EuropeSofia, Self::Utc];

    /// The IANA name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(edurules_locale::SchoolZone::EuropeWarsaw.name(), "Europe/Warsaw");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::EuropeWarsaw => "Europe/Warsaw",
            Self::EuropeSofia => "Europe/Sofia",
            Self::Utc => "UTC",
        }
    }

    /// The wall-clock time of `instant` in this zone.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use edurules_locale::SchoolZone;
    /// let t = Utc.with_ymd_and_hms(2026, 8, 31, 22, 0, 0).unwrap();
    /// assert_eq!(SchoolZone::EuropeWarsaw.local(t).to_string(), "2026-09-01 00:00:00");
    /// ```
    #[must_use]
    pub fn local(self, instant: DateTime<Utc>) -> NaiveDateTime {
        let utc = instant.naive_utc();
        let tz = match self {
            Self::EuropeWarsaw => chrono_tz::Europe::Warsaw,
            Self::EuropeSofia => chrono_tz::Europe::Sofia,
            Self::Utc => return utc,
        };
        // The offset, then a checked addition: at the very end of chrono's
        // range the local time would overflow, and the UTC time is returned.
        let offset = tz.offset_from_utc_datetime(&utc).fix();
        utc.checked_add_signed(TimeDelta::seconds(i64::from(offset.local_minus_utc())))
            .unwrap_or(utc)
    }

    /// The civil date of `instant` in this zone.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use edurules_locale::SchoolZone;
    /// let t = Utc.with_ymd_and_hms(2026, 12, 31, 23, 0, 0).unwrap();
    /// assert_eq!(SchoolZone::EuropeWarsaw.date(t), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    /// assert_eq!(SchoolZone::Utc.date(t), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    /// ```
    #[must_use]
    pub fn date(self, instant: DateTime<Utc>) -> NaiveDate {
        self.local(instant).date()
    }
}

impl fmt::Display for SchoolZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SchoolZone {
    type Err = LocaleError;

    /// Parses the IANA name (any case).
    ///
    /// # Errors
    ///
    /// [`LocaleError::UnknownTimeZone`] for any other zone.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Self::ALL
            .into_iter()
            .find(|z| z.name().eq_ignore_ascii_case(t))
            .ok_or_else(|| LocaleError::UnknownTimeZone {
                given: crate::quote::clip(t),
            })
    }
}

/// Appends `n` in decimal as `{n}` writes it: at most four digits without
/// the formatting machinery, any other number with it.
fn push_number(out: &mut String, n: i64) {
    match u16::try_from(n) {
        Ok(n) if n < 10_000 => {
            let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
            let leading = digits.iter().take(3).take_while(|&&d| d == 0).count();
            for &d in digits.iter().skip(leading) {
                out.push(char::from_digit(u32::from(d), 10).unwrap_or('0'));
            }
        }
        _ => {
            use std::fmt::Write as _;
            // Writing to a String cannot fail.
            let _ = write!(out, "{n}");
        }
    }
}

impl Locale {
    /// A date as this language writes it in running text: `7 grudnia 2026 r.`,
    /// `7 декември 2026 г.`, `7 December 2026`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_locale::Locale;
    /// let d = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    /// assert_eq!(Locale::Pl.date(d), "7 grudnia 2026 r.");
    /// assert_eq!(Locale::Bg.date(d), "7 декември 2026 г.");
    /// assert_eq!(Locale::En.date(d), "7 December 2026");
    /// ```
    #[must_use]
    pub fn date(self, date: NaiveDate) -> String {
        let (d, y) = (date.day(), date.year());
        let m = usize::try_from(date.month0()).unwrap_or_default();
        let month = |names: [&'static str; 12]| names.get(m).copied().unwrap_or_default();
        let (month, era) = match self {
            Self::Pl => (month(PL_MONTHS), " r."),
            Self::Bg => (month(BG_MONTHS), " г."),
            Self::En => (month(EN_MONTHS), ""),
        };
        // Written piece by piece: a message may hold several dates, and the
        // formatting machinery costs ten times as much.
        let mut out = String::with_capacity(32);
        push_number(&mut out, i64::from(d));
        out.push(' ');
        out.push_str(month);
        out.push(' ');
        push_number(&mut out, i64::from(y));
        out.push_str(era);
        out
    }

    /// An instant as a date and a 24-hour time on the wall clock of `zone`;
    /// in UTC the zone is named, since a reader would otherwise take it for
    /// local time.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use edurules_locale::{Locale, SchoolZone};
    /// let t = Utc.with_ymd_and_hms(2026, 1, 15, 7, 5, 0).unwrap();
    /// assert_eq!(Locale::Pl.date_time(t, SchoolZone::EuropeWarsaw), "15 stycznia 2026 r., 08:05");
    /// assert_eq!(Locale::En.date_time(t, SchoolZone::Utc), "15 January 2026, 07:05 UTC");
    /// ```
    #[must_use]
    pub fn date_time(self, instant: DateTime<Utc>, zone: SchoolZone) -> String {
        let local = zone.local(instant);
        let suffix = if zone == SchoolZone::Utc { " UTC" } else { "" };
        format!(
            "{}, {:02}:{:02}{suffix}",
            self.date(local.date()),
            local.hour(),
            local.minute()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summer_time_follows_the_tz_database() {
        // 29 March 2026: clocks go forward at 01:00 UTC in the EU.
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(SchoolZone::EuropeWarsaw.local(before).hour(), 1);
        assert_eq!(SchoolZone::EuropeWarsaw.local(after).hour(), 3);
        assert_eq!(SchoolZone::EuropeSofia.local(after).hour(), 4);
    }

    #[test]
    fn zone_names_round_trip_and_unknown_is_refused() {
        for z in SchoolZone::ALL {
            assert_eq!(z.name().to_lowercase().parse::<SchoolZone>().unwrap(), z);
        }
        assert!("Europe/Berlin".parse::<SchoolZone>().is_err());
    }

    #[test]
    fn dates_at_the_edges_of_the_digits() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(Locale::Pl.date(d(2026, 9, 1)), "1 września 2026 r.");
        assert_eq!(Locale::Bg.date(d(2026, 12, 31)), "31 декември 2026 г.");
        assert_eq!(Locale::En.date(d(999, 1, 10)), "10 January 999");
        assert_eq!(Locale::En.date(d(9999, 5, 9)), "9 May 9999");
        assert_eq!(Locale::En.date(d(10_000, 5, 9)), "9 May 10000");
        assert_eq!(Locale::En.date(d(0, 5, 9)), "9 May 0");
        assert_eq!(Locale::Pl.date(d(-44, 3, 15)), "15 marca -44 r.");
    }

    proptest::proptest! {
        /// As the formatting machinery writes them, for every year chrono holds.
        #[test]
        fn numbers_as_format_writes_them(n in proptest::prelude::any::<i32>()) {
            let mut out = String::new();
            push_number(&mut out, i64::from(n));
            proptest::prop_assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for l in Locale::ALL {
            assert!(!l.date(NaiveDate::MIN).is_empty());
            assert!(!l.date(NaiveDate::MAX).is_empty());
            for z in SchoolZone::ALL {
                assert!(!l.date_time(DateTime::<Utc>::MIN_UTC, z).is_empty());
                assert!(!l.date_time(DateTime::<Utc>::MAX_UTC, z).is_empty());
            }
        }
    }
}
