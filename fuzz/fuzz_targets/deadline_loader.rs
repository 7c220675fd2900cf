#![no_main]
//! Fuzz target `deadline_loader`: the rules loader on arbitrary bytes, and
//! `submission_deadline` with arbitrary category strings and dates. No
//! panic; every deadline returned is not earlier than the change plus its
//! term and is a day a term may end on (a working day from 2017), is on time
//! on its due date and one day late the day after, and its counting steps
//! name the due date in every language.

use chrono::{Days, NaiveDate};
use edurules_deadline::calendar;
use edurules_deadline::sio::{DeadlineTerm, Rules};
use edurules_deadline::term::CountingRule;
use edurules_deadline::{Deadline, Lateness, Locale, is_late, submission_deadline};
use libfuzzer_sys::fuzz_target;

fn check(d: &Deadline<'_>, change: NaiveDate) {
    assert!(d.nominal_due >= change, "{d:?}");
    assert!(d.due_date >= d.nominal_due, "{d:?}");
    if let DeadlineTerm::Days { days } = d.term {
        assert!(d.due_date >= change + Days::new(u64::from(days)), "{d:?}");
    }
    assert!(!calendar::is_day_off(d.due_date).unwrap_or(true), "{d:?}");
    if d.counting_rule == CountingRule::Art115WithSaturdays {
        assert!(
            calendar::is_working_day(d.due_date).unwrap_or(false),
            "{d:?}"
        );
    }
    // Lateness: on the due date on time, one day after one day late.
    assert_eq!(
        is_late(d, d.due_date),
        Ok(Lateness::OnTime { days_to_spare: 0 })
    );
    if let Some(next) = d.due_date.succ_opt() {
        assert_eq!(is_late(d, next), Ok(Lateness::Late { days_late: 1 }));
    }
    // A submission before the change is refused, never "on time".
    if let Some(before) = d.change_date.pred_opt() {
        assert!(is_late(d, before).is_err());
    }
    for locale in [Locale::Pl, Locale::Bg, Locale::En] {
        assert!(d.explain(locale).contains(&locale.date(d.due_date)));
        assert!(!d.legal_basis(locale).is_empty());
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        // The loader on arbitrary text; if it loads, query it.
        let text = String::from_utf8_lossy(rest);
        if let Ok(rules) = Rules::from_json(&text) {
            let base = rules.file().applies_from;
            for (k, c) in rules.file().categories.iter().enumerate().take(8) {
                let Some(change) = base.checked_add_days(Days::new(k as u64 * 97)) else {
                    continue;
                };
                if let Ok(d) = rules.deadline(&c.id, change) {
                    check(&d, change);
                }
            }
        }
    } else {
        // An arbitrary category and date against the shipped rules.
        if rest.len() < 4 {
            return;
        }
        let (head, tail) = rest.split_at(4);
        let offset = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) % 70_000;
        let Some(change) = NaiveDate::from_ymd_opt(1990, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new(u64::from(offset))))
        else {
            return;
        };
        let category = String::from_utf8_lossy(tail);
        // Also try the known ids, selected by the first byte of the tail.
        let known = Rules::builtin().ok().and_then(|r| {
            let cats = &r.file().categories;
            tail.first()
                .and_then(|&b| cats.get(usize::from(b) % cats.len().max(1)))
                .map(|c| c.id.clone())
        });
        for cat in [Some(category.into_owned()), known].into_iter().flatten() {
            if let Ok(d) = submission_deadline(&cat, change) {
                check(&d, change);
            }
        }
    }
});
