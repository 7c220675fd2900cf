use chrono::{Days, NaiveDate};
use edurules_deadline::calendar;
use edurules_deadline::submission_deadline;
use edurules_deadline::term::{CountingRule, Term, term_end};
use proptest::prelude::*;

const ALWAYS_SEVEN: &str = "art. 29 ust. 1 pkt 1 lit. i";

fn change_date() -> impl Strategy<Value = NaiveDate> {
    // 2012-04-30 .. 2100-12-01
    (0_u64..32_357).prop_map(|n| NaiveDate::from_ymd_opt(2012, 4, 30).unwrap() + Days::new(n))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn due_is_never_early_and_never_on_a_day_off(change in change_date()) {
        let d = submission_deadline(ALWAYS_SEVEN, change).unwrap();
        prop_assert!(d.due_date >= change + Days::new(7));
        prop_assert!(!calendar::is_day_off(d.due_date).unwrap());
        if d.counting_rule == CountingRule::Art115WithSaturdays {
            prop_assert!(calendar::is_working_day(d.due_date).unwrap());
        }
        // Nothing between the nominal and the due date is a day a term may end on.
        for (day, _) in d.skipped() {
            prop_assert!(d.counting_rule.moves_off(day).unwrap());
        }
    }

    #[test]
    fn deadlines_are_monotonic_in_the_change_date(a in change_date(), gap in 0_u64..400) {
        let b = a + Days::new(gap);
        prop_assume!(b <= NaiveDate::from_ymd_opt(2100, 12, 1).unwrap());
        let da = submission_deadline(ALWAYS_SEVEN, a).unwrap();
        let db = submission_deadline(ALWAYS_SEVEN, b).unwrap();
        prop_assert!(da.due_date <= db.due_date);
    }

    #[test]
    fn terms_end_on_or_after_the_nominal_end(days in 0_u64..54_000, count in 0_u32..400, unit in 0_u8..4) {
        let event = NaiveDate::from_ymd_opt(1951, 1, 1).unwrap() + Days::new(days);
        let term = match unit { 0 => Term::days(count), 1 => Term::weeks(count), 2 => Term::months(count), _ => Term::years(count / 10) };
        if let Ok(t) = term_end(event, term) {
            prop_assert!(t.end >= t.nominal_end);
            prop_assert!(t.nominal_end >= event);
            prop_assert!(!t.rule.moves_off(t.end).unwrap());
        }
    }

    #[test]
    fn arbitrary_categories_never_panic(s in ".{0,40}", change in change_date()) {
        let _ = submission_deadline(&s, change);
    }
}
