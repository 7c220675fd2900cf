//! Rules that changed over time, as dated versions: an event is judged by the text in force
//! on its date (as the deadline crate's versions of art. 30).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One dated text of the delegation-depth rule: grant events dated from `in_force_from`
/// until the next version's date may reach at most `max_depth` links below a head.
///
/// # Example
/// ```
/// use edurules_delegation::DepthVersion;
/// use chrono::NaiveDate;
/// let v = DepthVersion::new(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(), 2, "art. 70 ust. 2 as changed in 2019");
/// assert_eq!(v.max_depth, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DepthVersion {
    /// The first event date this text governs.
    pub in_force_from: NaiveDate,
    /// The deepest delegation allowed (1: only a head grants; 2: also an authorized employee
    /// who holds access).
    pub max_depth: u8,
    /// The text's source (statute, consolidated text, seed).
    pub basis: String,
}

impl DepthVersion {
    /// A version of the depth rule.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::DepthVersion;
    /// use chrono::NaiveDate;
    /// let v = DepthVersion::new(NaiveDate::from_ymd_opt(2016, 11, 30).unwrap(), 1, "t.j. Dz.U. 2016 poz. 1927");
    /// assert_eq!(v.basis, "t.j. Dz.U. 2016 poz. 1927");
    /// ```
    #[must_use]
    pub fn new(in_force_from: NaiveDate, max_depth: u8, basis: impl Into<String>) -> Self {
        Self {
            in_force_from,
            max_depth,
            basis: basis.into(),
        }
    }
}

/// The SIO texts of art. 70 ust. 2: until 2018 only the head (art. 68 ust. 1) grants access
/// data to the persons he authorized; since 2019 also an authorized employee who holds access.
pub(crate) fn sio_depth_versions() -> Vec<DepthVersion> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
    vec![
        DepthVersion::new(
            day(2016, 11, 30),
            1,
            "SIO act art. 70 ust. 2 (t.j. Dz.U. 2016 poz. 1927 with later amendments, quoted by seed 000): access data are granted to the authorized person by the person referred to in art. 68 ust. 1 (the head) who holds access data; earlier dates use this text too",
        ),
        DepthVersion::new(
            day(2019, 1, 1),
            2,
            "SIO act art. 70 ust. 2 as changed in 2019 (SIO help pages): an authorized employee who holds access data may also grant it; the amending act's exact date of entry into force is not verified here",
        ),
    ]
}

/// The depth in force on `on`: the last version whose `in_force_from` is not after `on`;
/// before the first version, the first; with no versions, `current`.
pub(crate) fn depth_on(versions: &[DepthVersion], current: u8, on: NaiveDate) -> u8 {
    let after = versions.partition_point(|v| v.in_force_from <= on);
    after
        .checked_sub(1)
        .and_then(|i| versions.get(i))
        .or_else(|| versions.first())
        .map_or(current, |v| v.max_depth)
}

/// The latest last day of a head's term: Prawo oświatowe art. 63 ust. 21 entrusts the
/// post for `school_years` school years (1 September – 31 August, art. 94 ust. 1). A term
/// starting on 1 September ends at the latest on 31 August of its last school year; a term
/// starting later in a school year may also run through that part-year (read as not counted:
/// contested, see the README).
pub(crate) fn max_term_until(from: NaiveDate, school_years: u8) -> NaiveDate {
    use chrono::Datelike;
    let first_end = if from.month() >= 9 {
        from.year().saturating_add(1)
    } else {
        from.year()
    };
    let starts_the_year = from.month() == 9 && from.day() == 1;
    let extra = i32::from(school_years).saturating_sub(if starts_the_year { 1 } else { 0 });
    NaiveDate::from_ymd_opt(first_end.saturating_add(extra), 8, 31).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_depth_follows_the_event_date() {
        let v = sio_depth_versions();
        assert_eq!(depth_on(&v, 2, d(2010, 1, 1)), 1);
        assert_eq!(depth_on(&v, 2, d(2018, 12, 31)), 1);
        assert_eq!(depth_on(&v, 2, d(2019, 1, 1)), 2);
        assert_eq!(depth_on(&v, 2, d(2026, 1, 1)), 2);
        assert_eq!(depth_on(&[], 3, d(2018, 1, 1)), 3);
    }

    #[test]
    fn a_term_is_counted_in_school_years() {
        assert_eq!(max_term_until(d(2025, 9, 1), 5), d(2030, 8, 31));
        assert_eq!(max_term_until(d(2026, 3, 1), 5), d(2031, 8, 31));
        assert_eq!(max_term_until(d(2025, 9, 2), 5), d(2031, 8, 31));
        assert_eq!(max_term_until(d(2026, 8, 31), 1), d(2027, 8, 31));
        assert_eq!(max_term_until(d(2026, 9, 1), 1), d(2027, 8, 31));
        assert_eq!(max_term_until(NaiveDate::MAX, 5), NaiveDate::MAX);
    }
}
