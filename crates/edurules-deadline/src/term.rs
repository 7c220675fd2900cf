//! Counting legal time limits by the Civil Code (art. 110–115 KC).
//!
//! * art. 111 § 2: a term in days ends at the end of its last day; the day of
//!   the event is not counted, so *N days from D* ends on D + N;
//! * art. 112: a term in weeks, months or years ends on the day that
//!   corresponds by name or number to the start day, or on the last day of
//!   the month when the month has no such day;
//! * art. 115: a term whose end falls on a day off by statute (a Sunday or a
//!   public holiday) ends on the next day; from 1 January 2017 (Dz.U. 2016
//!   poz. 2255) also off a Saturday. The crate picks the version by the date
//!   on which the term would nominally end.

mod render;

pub use render::weekday_abbr;
pub(crate) use render::{chain as render_chain, term_label as render_term};

use crate::calendar::{self, DayOff};
use crate::{DeadlineError, Locale};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The first nominal term end to which art. 115 KC applies the Saturday rule.
pub const SATURDAY_RULE_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2017, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The unit a term is expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TermUnit {
    /// Days (art. 111 KC).
    Days,
    /// Weeks (art. 112 KC).
    Weeks,
    /// Months (art. 112 KC).
    Months,
    /// Years (art. 112 KC).
    Years,
}

/// A term: a count of units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Term {
    /// How many units.
    pub count: u32,
    /// Which unit.
    pub unit: TermUnit,
}

impl Term {
    /// A term of `count` units.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_deadline::term::{Term, TermUnit};
    /// assert_eq!(Term::new(7, TermUnit::Days), Term::days(7));
    /// ```
    #[must_use]
    pub const fn new(count: u32, unit: TermUnit) -> Self {
        Self { count, unit }
    }

    /// A term of `count` days.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::term::{Term, TermUnit};
    /// assert_eq!(Term::days(2).count, 2);
    /// assert_ne!(Term::days(2).unit, TermUnit::Years);
    /// ```
    #[must_use]
    pub const fn days(count: u32) -> Self {
        Self {
            count,
            unit: TermUnit::Days,
        }
    }
    /// A term of `count` weeks.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::term::{Term, TermUnit};
    /// assert_eq!(Term::weeks(2).count, 2);
    /// assert_ne!(Term::weeks(2).unit, TermUnit::Years);
    /// ```
    #[must_use]
    pub const fn weeks(count: u32) -> Self {
        Self {
            count,
            unit: TermUnit::Weeks,
        }
    }
    /// A term of `count` months.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::term::{Term, TermUnit};
    /// assert_eq!(Term::months(2).count, 2);
    /// assert_ne!(Term::months(2).unit, TermUnit::Years);
    /// ```
    #[must_use]
    pub const fn months(count: u32) -> Self {
        Self {
            count,
            unit: TermUnit::Months,
        }
    }
    /// A term of `count` years.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::term::{Term, TermUnit};
    /// assert_eq!(Term::years(2).count, 2);
    /// assert_ne!(Term::years(2).unit, TermUnit::Days);
    /// ```
    #[must_use]
    pub const fn years(count: u32) -> Self {
        Self {
            count,
            unit: TermUnit::Years,
        }
    }
}

/// Which version of art. 115 KC moved (or would have moved) the term's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountingRule {
    /// Art. 115 KC before 2017: only Sundays and public holidays move the end;
    /// a term may end on a Saturday (SN III CZP 8/03).
    Art115DaysOffOnly,
    /// Art. 115 KC from 1 January 2017 (Dz.U. 2016 poz. 2255): Saturdays too.
    Art115WithSaturdays,
}

impl CountingRule {
    /// The version that applies to a term nominally ending on `nominal_end`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_deadline::term::CountingRule;
    /// let r = CountingRule::for_end(NaiveDate::from_ymd_opt(2016, 12, 31).unwrap());
    /// assert_eq!(r, CountingRule::Art115DaysOffOnly);
    /// ```
    #[must_use]
    pub fn for_end(nominal_end: NaiveDate) -> Self {
        if nominal_end >= SATURDAY_RULE_FROM {
            Self::Art115WithSaturdays
        } else {
            Self::Art115DaysOffOnly
        }
    }

    /// Whether a term may not end on `date` under this rule.
    ///
    /// # Errors
    /// [`DeadlineError::DateOutOfRange`] outside the calendar (1951–2100).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_deadline::term::CountingRule;
    /// let sat = NaiveDate::from_ymd_opt(2016, 12, 31).unwrap();
    /// assert!(!CountingRule::Art115DaysOffOnly.moves_off(sat)?);
    /// assert!(CountingRule::Art115WithSaturdays.moves_off(sat)?);
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    pub fn moves_off(self, date: NaiveDate) -> Result<bool, DeadlineError> {
        Ok(match self {
            Self::Art115DaysOffOnly => calendar::is_day_off(date)?,
            Self::Art115WithSaturdays => !calendar::is_working_day(date)?,
        })
    }

    /// A one-line description of the rule for a person.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::{term::CountingRule, Locale};
    /// assert!(CountingRule::Art115WithSaturdays.describe(Locale::En).contains("Saturday"));
    /// ```
    #[must_use]
    pub fn describe(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Self::Art115DaysOffOnly, Locale::Pl) => {
                "art. 111 § 2 i art. 115 KC (przed 2017 r.): koniec terminu w niedzielę lub święto przesuwa się na następny dzień; sobota nie przesuwa"
            }
            (Self::Art115DaysOffOnly, Locale::Bg) => {
                "чл. 111 § 2 и чл. 115 от полския Граждански кодекс (преди 2017 г.): срок, изтичащ в неделя или празник, се премества на следващия ден; съботата не го премества"
            }
            (Self::Art115DaysOffOnly, _) => {
                "art. 111 § 2 and art. 115 KC (before 2017): an end on a Sunday or public holiday moves to the next day; a Saturday does not move it"
            }
            (Self::Art115WithSaturdays, Locale::Pl) => {
                "art. 111 § 2 i art. 115 KC (od 1 stycznia 2017 r.): koniec terminu w sobotę, niedzielę lub święto przesuwa się na następny dzień roboczy"
            }
            (Self::Art115WithSaturdays, Locale::Bg) => {
                "чл. 111 § 2 и чл. 115 от полския Граждански кодекс (от 1 януари 2017 г.): срок, изтичащ в събота, неделя или празник, се премества на следващия работен ден"
            }
            (Self::Art115WithSaturdays, _) => {
                "art. 111 § 2 and art. 115 KC (from 1 January 2017): an end on a Saturday, Sunday or public holiday moves to the next working day"
            }
        }
    }
}

/// The computed end of a term, with what the computation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct TermEnd {
    /// The day of the event (not counted).
    pub event: NaiveDate,
    /// The term.
    pub term: Term,
    /// Where counting lands before art. 115 KC.
    pub nominal_end: NaiveDate,
    /// The last day of the term after art. 115 KC.
    pub end: NaiveDate,
    /// The version of art. 115 KC applied.
    pub rule: CountingRule,
}

impl TermEnd {
    /// The days art. 115 KC skipped, in order, each with why it is off.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_deadline::term::{term_end, Term};
    /// let t = term_end(NaiveDate::from_ymd_opt(2025, 12, 19).unwrap(), Term::days(7))?;
    /// assert_eq!(t.skipped().len(), 3); // 26 (holiday), 27 (Sat), 28 (Sun)
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    #[must_use]
    pub fn skipped(&self) -> Vec<(NaiveDate, DayOff)> {
        skipped_days(self.nominal_end, self.end)
    }

    /// The counting for a clerk, e.g.
    /// `event on 19 December 2025 (Fri) → 7 days → 26 December 2025 (Fri, Second Day of Christmas) → 29 December 2025 (Mon)`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_deadline::{term::{term_end, Term}, Locale};
    /// let t = term_end(NaiveDate::from_ymd_opt(2025, 12, 19).unwrap(), Term::days(7))?;
    /// assert!(t.explain(Locale::En).ends_with("29 December 2025 (Mon)"));
    /// assert!(t.explain(Locale::Pl).ends_with("29 grudnia 2025 r. (pon.)"));
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    #[must_use]
    pub fn explain(&self, locale: Locale) -> String {
        let start = render::event_label(locale);
        render::chain(
            start,
            self.event,
            &render::term_label(self.term, locale),
            self.nominal_end,
            self.end,
            locale,
        )
    }
}

/// Why art. 115 KC skipped `day`: its holiday, else the weekend day it is.
pub(crate) fn skipped_reason(day: NaiveDate) -> DayOff {
    calendar::day_off_reason(day)
        .ok()
        .flatten()
        .unwrap_or(match day.weekday() {
            Weekday::Sat => DayOff::Saturday,
            _ => DayOff::Sunday,
        })
}

/// The days between `nominal` (inclusive) and `end` (exclusive) with why each is off.
pub(crate) fn skipped_days(nominal: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, DayOff)> {
    let mut out = Vec::new();
    let mut day = nominal;
    while day < end {
        out.push((day, skipped_reason(day)));
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

/// Where a term lands before art. 115 KC (art. 111 § 2, art. 112).
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] when the result is beyond chrono's range
/// or the event is outside the calendar (1951–2100).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::term::{nominal_end, Term};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(nominal_end(d(2025, 1, 31), Term::months(1))?, d(2025, 2, 28)); // art. 112, end of month
/// assert_eq!(nominal_end(d(2025, 3, 3), Term::days(7))?, d(2025, 3, 10));
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
pub fn nominal_end(event: NaiveDate, term: Term) -> Result<NaiveDate, DeadlineError> {
    calendar::is_public_holiday(event)?; // range check of the event
    let err = || calendar::out_of_range(event);
    match term.unit {
        TermUnit::Days => event
            .checked_add_days(Days::new(u64::from(term.count)))
            .ok_or_else(err),
        TermUnit::Weeks => event
            .checked_add_days(Days::new(u64::from(term.count) * 7))
            .ok_or_else(err),
        TermUnit::Months => event
            .checked_add_months(Months::new(term.count))
            .ok_or_else(err),
        TermUnit::Years => {
            let months = term.count.checked_mul(12).ok_or_else(err)?;
            event
                .checked_add_months(Months::new(months))
                .ok_or_else(err)
        }
    }
}

/// Moves a term's end off days a term may not end on (art. 115 KC, in the
/// version for that end date), returning the end and the rule applied.
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] outside the calendar (1951–2100).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::term::{shift_end, CountingRule};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(shift_end(d(2016, 12, 24))?, (d(2016, 12, 24), CountingRule::Art115DaysOffOnly)); // Saturday, 2016
/// assert_eq!(shift_end(d(2022, 12, 24))?, (d(2022, 12, 27), CountingRule::Art115WithSaturdays));
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
pub fn shift_end(nominal: NaiveDate) -> Result<(NaiveDate, CountingRule), DeadlineError> {
    let rule = CountingRule::for_end(nominal);
    let mut end = nominal;
    while rule.moves_off(end)? {
        end = end.succ_opt().ok_or_else(|| calendar::out_of_range(end))?;
    }
    Ok((end, rule))
}

/// The end of a term counted from an event by the Civil Code.
///
/// # Errors
/// [`DeadlineError::DateOutOfRange`] when the event or the end falls outside
/// the calendar (1951–2100).
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::term::{term_end, Term, CountingRule};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let t = term_end(d(2025, 4, 14), Term::days(7))?; // lands on Easter Monday 2025
/// assert_eq!((t.nominal_end, t.end), (d(2025, 4, 21), d(2025, 4, 22)));
/// assert_eq!(t.rule, CountingRule::Art115WithSaturdays);
/// assert!(term_end(d(2100, 12, 30), Term::days(7)).is_err());
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
pub fn term_end(event: NaiveDate, term: Term) -> Result<TermEnd, DeadlineError> {
    let nominal = nominal_end(event, term)?;
    let (end, rule) = shift_end(nominal)?;
    Ok(TermEnd {
        event,
        term,
        nominal_end: nominal,
        end,
        rule,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn months_and_years_follow_art_112() {
        assert_eq!(
            nominal_end(d(2024, 1, 31), Term::months(1)).unwrap(),
            d(2024, 2, 29)
        );
        assert_eq!(
            nominal_end(d(2024, 2, 29), Term::years(1)).unwrap(),
            d(2025, 2, 28)
        );
        assert_eq!(
            nominal_end(d(2025, 3, 5), Term::weeks(2)).unwrap(),
            d(2025, 3, 19)
        );
        assert_eq!(
            nominal_end(d(2025, 8, 31), Term::months(1)).unwrap(),
            d(2025, 9, 30)
        );
    }

    #[test]
    fn zero_day_term_ends_on_the_event_day_if_working() {
        let t = term_end(d(2025, 3, 5), Term::days(0)).unwrap();
        assert_eq!(t.end, d(2025, 3, 5));
    }

    #[test]
    fn huge_terms_error_instead_of_overflowing() {
        assert!(term_end(d(2025, 1, 1), Term::years(u32::MAX)).is_err());
        assert!(term_end(d(2025, 1, 1), Term::days(u32::MAX)).is_err());
    }

    #[test]
    fn explanation_names_the_holiday() {
        let t = term_end(d(2025, 12, 19), Term::days(7)).unwrap();
        let en = t.explain(Locale::En);
        assert_eq!(
            en,
            "event on 19 December 2025 (Fri) → 7 days → 26 December 2025 (Fri, Second Day of Christmas) → 29 December 2025 (Mon)"
        );
        assert!(
            t.explain(Locale::Pl)
                .contains("drugi dzień Bożego Narodzenia")
        );
        assert!(!t.explain(Locale::Bg).is_empty());
    }
}
