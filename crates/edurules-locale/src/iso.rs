//! ISO 8601 dates in serialized data, written without the formatting
//! machinery: for a date field,
//! `#[serde(serialize_with = "edurules_locale::iso::date")]` gives exactly
//! the text chrono's own `Serialize` gives (`"2025-12-29"`), about a tenth
//! of the work. Messages for people use [`crate::Locale::date`] instead.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use serde::Serialize;
//!
//! #[derive(Serialize)]
//! struct Due {
//!     #[serde(serialize_with = "edurules_locale::iso::date")]
//!     on: NaiveDate,
//!     #[serde(serialize_with = "edurules_locale::iso::option_date")]
//!     until: Option<NaiveDate>,
//! }
//!
//! let due = Due { on: NaiveDate::from_ymd_opt(2025, 12, 29).unwrap(), until: None };
//! assert_eq!(serde_json::to_string(&due)?, r#"{"on":"2025-12-29","until":null}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

/// Serializes `date` as chrono does: `YYYY-MM-DD` for the years 0 to 9999,
/// chrono's own text (a sign and at least four digits) for the others.
///
/// # Errors
///
/// Only the serializer's.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let d = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
/// let mut out = Vec::new();
/// edurules_locale::iso::date(&d, &mut serde_json::Serializer::new(&mut out))?;
/// assert_eq!(out, br#""2026-03-03""#);
/// let far = NaiveDate::from_ymd_opt(12_345, 1, 2).unwrap();
/// let mut out = Vec::new();
/// edurules_locale::iso::date(&far, &mut serde_json::Serializer::new(&mut out))?;
/// assert_eq!(out, br#""+12345-01-02""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn date<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    let Some(text) = ymd(date) else {
        return date.serialize(serializer);
    };
    match std::str::from_utf8(&text) {
        Ok(text) => serializer.serialize_str(text),
        // Digits and dashes are UTF-8: not reached.
        Err(_) => date.serialize(serializer),
    }
}

/// The ten bytes `YYYY-MM-DD` of `date`, written digit by digit; `None` for
/// a year outside 0 to 9999, which chrono writes with a sign. For writers
/// of JSON text that put the date between quotes themselves.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let d = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
/// assert_eq!(edurules_locale::iso::ymd(&d), Some(*b"2026-03-03"));
/// assert_eq!(edurules_locale::iso::ymd(&NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()), None);
/// ```
#[must_use]
pub fn ymd(date: &NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + u8::try_from(n % 10).unwrap_or(0);
    let (month, day) = (date.month(), date.day());
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// A date that serializes by [`date`]: for hand-written `Serialize` impls.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_locale::iso::Iso;
///
/// let d = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
/// assert_eq!(serde_json::to_string(&Iso(&d))?, r#""2026-03-03""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Iso<'a>(pub &'a NaiveDate);

impl Serialize for Iso<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        date(self.0, serializer)
    }
}

/// An optional date that serializes by [`option_date`] (`null` when absent).
///
/// # Example
///
/// ```
/// use edurules_locale::iso::IsoOption;
///
/// assert_eq!(serde_json::to_string(&IsoOption(&None))?, "null");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct IsoOption<'a>(pub &'a Option<NaiveDate>);

impl Serialize for IsoOption<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        option_date(self.0, serializer)
    }
}

/// [`date`] for an optional date (`null` when absent).
///
/// # Errors
///
/// Only the serializer's.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let some = Some(NaiveDate::from_ymd_opt(2026, 8, 31).unwrap());
/// let mut out = Vec::new();
/// edurules_locale::iso::option_date(&some, &mut serde_json::Serializer::new(&mut out))?;
/// assert_eq!(out, br#""2026-08-31""#);
/// let mut out = Vec::new();
/// edurules_locale::iso::option_date(&None, &mut serde_json::Serializer::new(&mut out))?;
/// assert_eq!(out, b"null");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn option_date<S: Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => serializer.serialize_some(&Iso(d)),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Serialize)]
    struct Fast(#[serde(serialize_with = "date")] NaiveDate);

    #[derive(Serialize)]
    struct FastOption(#[serde(serialize_with = "option_date")] Option<NaiveDate>);

    #[test]
    fn the_edges_of_four_digits() {
        for (y, m, d) in [
            (0, 1, 1),
            (9, 2, 3),
            (999, 12, 31),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-1, 12, 31),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(
                serde_json::to_string(&Fast(date)).unwrap(),
                serde_json::to_string(&date).unwrap()
            );
        }
        let d = NaiveDate::from_ymd_opt(2025, 12, 29).unwrap();
        assert_eq!(serde_json::to_string(&Fast(d)).unwrap(), r#""2025-12-29""#);
        assert_eq!(serde_json::to_string(&FastOption(None)).unwrap(), "null");
        assert_eq!(
            serde_json::to_string(&FastOption(Some(d))).unwrap(),
            r#""2025-12-29""#
        );
    }

    proptest! {
        /// Every date chrono holds serializes as chrono serializes it.
        #[test]
        fn as_chrono_writes_it(days in prop_oneof![
            // The years 0 to 9999, the fast path.
            -366..=3_652_059_i32,
            NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce(),
        ]) {
            let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            prop_assert_eq!(
                serde_json::to_string(&Fast(date)).unwrap(),
                serde_json::to_string(&date).unwrap()
            );
        }
    }
}
