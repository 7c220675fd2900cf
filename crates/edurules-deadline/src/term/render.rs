//! Counting steps for a person: dates in the language's own form, terms
//! counted with the right plural.

use super::{Term, TermUnit, skipped_reason};
use crate::Locale;
use crate::calendar::DayOff;
use chrono::{Datelike, NaiveDate, Weekday};
use edurules_locale::nouns;

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

/// "zdarzenie z" / "събитие от" / "event on", before the event's date.
pub(crate) fn event_label(locale: Locale) -> &'static str {
    locale.pick("zdarzenie z", "събитие от", "event on")
}

/// "7 dni", "1 miesiąc", "2 lata", "5 years".
pub(crate) fn term_label(term: Term, locale: Locale) -> String {
    let noun = match term.unit {
        TermUnit::Days => nouns::DAY,
        TermUnit::Weeks => nouns::WEEK,
        TermUnit::Months => nouns::MONTH,
        TermUnit::Years => nouns::YEAR,
    };
    locale.count(u64::from(term.count), noun)
}

fn reason(r: DayOff, locale: Locale) -> &'static str {
    match (r, locale) {
        (DayOff::Holiday(k), l) => k.name(l),
        (DayOff::Saturday | DayOff::Sunday, _) => "",
    }
}

/// Appends "19 grudnia 2025 r. (pt.)", or with a note "… (pt., drugi dzień Bożego
/// Narodzenia)".
fn push_day(out: &mut String, date: NaiveDate, note: &str, locale: Locale) {
    out.push_str(&locale.date(date));
    out.push_str(" (");
    out.push_str(weekday_abbr(date.weekday(), locale));
    if !note.is_empty() {
        out.push_str(", ");
        out.push_str(note);
    }
    out.push(')');
}

/// `{start} {event} ({wd}) → {step} → {nominal} ({wd}[, holiday]) [→ {end} ({wd})]`, written
/// into one buffer.
pub(crate) fn chain(
    start: &str,
    event: NaiveDate,
    step: &str,
    nominal: NaiveDate,
    end: NaiveDate,
    locale: Locale,
) -> String {
    let mut s = String::with_capacity(start.len() + step.len() + 160);
    s.push_str(start);
    s.push(' ');
    push_day(&mut s, event, "", locale);
    s.push_str(" → ");
    s.push_str(step);
    s.push_str(" → ");
    if nominal == end {
        push_day(&mut s, nominal, "", locale);
        return s;
    }
    // The first day skipped is the nominal end itself: named when it is a holiday.
    let first = if nominal < end {
        reason(skipped_reason(nominal), locale)
    } else {
        ""
    };
    push_day(&mut s, nominal, first, locale);
    s.push_str(" → ");
    push_day(&mut s, end, "", locale);
    s
}
