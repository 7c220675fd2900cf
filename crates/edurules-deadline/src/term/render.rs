//! Human-readable counting steps.

use super::{Term, TermUnit, skipped_days};
use crate::Locale;
use crate::calendar::DayOff;
use chrono::{Datelike, NaiveDate, Weekday};

/// The weekday's short name in a language.
///
/// # Example
/// ```
/// use chrono::Weekday;
/// use edurules_deadline::{term::weekday_abbr, Locale};
/// assert_eq!(weekday_abbr(Weekday::Fri, Locale::En), "Fri");
/// assert_eq!(weekday_abbr(Weekday::Fri, Locale::Pl), "pt.");
/// ```
#[must_use]
pub fn weekday_abbr(w: Weekday, locale: Locale) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    let names: [&str; 7] = match locale {
        Locale::Pl => ["pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."],
        Locale::Bg => ["пн", "вт", "ср", "чт", "пт", "сб", "нд"],
        _ => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    };
    names.get(i).copied().unwrap_or("")
}

pub(crate) fn event_label(locale: Locale) -> &'static str {
    match locale {
        Locale::Pl => "zdarzenie",
        Locale::Bg => "събитие на",
        _ => "event on",
    }
}

pub(crate) fn term_label(term: Term, locale: Locale) -> String {
    let n = term.count;
    let unit = match (term.unit, locale) {
        (TermUnit::Days, Locale::Pl) => "dni",
        (TermUnit::Weeks, Locale::Pl) => "tyg.",
        (TermUnit::Months, Locale::Pl) => "mies.",
        (TermUnit::Years, Locale::Pl) => "lat(a)",
        (TermUnit::Days, Locale::Bg) => "дни",
        (TermUnit::Weeks, Locale::Bg) => "седм.",
        (TermUnit::Months, Locale::Bg) => "мес.",
        (TermUnit::Years, Locale::Bg) => "г.",
        (TermUnit::Days, _) => {
            if n == 1 {
                "day"
            } else {
                "days"
            }
        }
        (TermUnit::Weeks, _) => "week(s)",
        (TermUnit::Months, _) => "month(s)",
        (TermUnit::Years, _) => "year(s)",
    };
    format!("{n} {unit}")
}

fn reason(r: DayOff, locale: Locale) -> &'static str {
    match (r, locale) {
        (DayOff::Holiday(k), l) => k.name(l),
        (DayOff::Saturday | DayOff::Sunday, _) => "",
    }
}

pub(crate) fn day(date: NaiveDate, locale: Locale) -> String {
    format!("{date} ({})", weekday_abbr(date.weekday(), locale))
}

/// `{start} {event} ({wd}) → {step} → {nominal} ({wd}[, holiday]) [→ {end} ({wd})]`
pub(crate) fn chain(
    start: &str,
    event: NaiveDate,
    step: &str,
    nominal: NaiveDate,
    end: NaiveDate,
    locale: Locale,
) -> String {
    let mut s = format!("{start} {} → {step} → ", day(event, locale));
    if nominal == end {
        s.push_str(&day(nominal, locale));
        return s;
    }
    let first = skipped_days(nominal, end)
        .first()
        .map(|&(_, r)| reason(r, locale))
        .unwrap_or("");
    if first.is_empty() {
        s.push_str(&day(nominal, locale));
    } else {
        s.push_str(&format!(
            "{date} ({}, {first})",
            weekday_abbr(nominal.weekday(), locale),
            date = nominal
        ));
    }
    s.push_str(" → ");
    s.push_str(&day(end, locale));
    s
}
