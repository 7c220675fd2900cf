use chrono::{Days, NaiveDate};
use edurules_deadline::calendar;
use edurules_deadline::sio::DeadlineTerm;
use edurules_deadline::term::{CountingRule, Term, term_end};
use edurules_deadline::{Rules, submission_deadline};
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

    // Every category the shipped rules list, under whatever term applies to
    // it (7 days, after the quarter, fixed dates): never before the change
    // plus its term, never on a day a term may not end on, monotonic.
    #[test]
    fn every_category_due_is_never_early_and_monotonic(
        ci in 0_usize..64,
        a in change_date(),
        gap in 0_u64..400,
    ) {
        let rules = Rules::builtin().unwrap();
        let cats = &rules.file().categories;
        let cat = &cats[ci % cats.len()].id;
        let b = a + Days::new(gap);
        let da = submission_deadline(cat, a);
        if let Ok(d) = &da {
            prop_assert!(d.nominal_due >= a);
            prop_assert!(d.due_date >= d.nominal_due);
            match d.term {
                DeadlineTerm::Days { days } => {
                    prop_assert!(d.due_date >= a + Days::new(u64::from(days)));
                }
                DeadlineTerm::AfterQuarterEnd { days, quarter_end } => {
                    prop_assert!(quarter_end >= a);
                    prop_assert!(d.due_date >= quarter_end + Days::new(u64::from(days)));
                }
                DeadlineTerm::FixedDate { covers_from, covers_to } => {
                    prop_assert!(covers_from <= a && a <= covers_to);
                    prop_assert!(d.nominal_due > covers_to);
                }
                _ => {}
            }
            prop_assert!(!d.counting_rule.moves_off(d.due_date).unwrap());
        }
        if let (Ok(x), Ok(y)) = (da, submission_deadline(cat, b)) {
            prop_assert!(x.due_date <= y.due_date, "{cat}: {a} -> {}, {b} -> {}", x.due_date, y.due_date);
        }
    }

    #[test]
    fn arbitrary_categories_never_panic(s in ".{0,40}", change in change_date()) {
        let _ = submission_deadline(&s, change);
    }
}

/// A category id written another way: each separator run replaced by one
/// of ` `, `_`, `-`, `  `, letters in random case.
fn respelled(id: &str, seps: &[usize], upper: &[bool]) -> String {
    let forms = [" ", "_", "-", "  ", ". "];
    let mut out = String::new();
    for (i, word) in id
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | ',' | '_' | '-'))
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push_str(forms[seps[i % seps.len()] % forms.len()]);
        }
        for (j, c) in word.chars().enumerate() {
            if upper[(i + j) % upper.len()] {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Case and separators never change which category is meant: every
    /// respelling of a shipped id finds that id (the shipped ids are
    /// unambiguous), and the deadline is the same.
    #[test]
    fn respelled_categories_find_the_same_category(
        pick in 0_usize..1_000,
        seps in proptest::collection::vec(0_usize..5, 1..8),
        upper in proptest::collection::vec(any::<bool>(), 1..8),
    ) {
        let rules = Rules::builtin().unwrap();
        let ids: Vec<&str> = rules.categories().collect();
        let id = ids[pick % ids.len()];
        let written = respelled(id, &seps, &upper);
        let change = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let exact = rules.deadline(id, change);
        let loose = rules.deadline(&written, change);
        match (exact, loose) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.category, id);
                prop_assert_eq!(a, b);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code(), "{}", written),
            (a, b) => prop_assert!(false, "{} → {:?} / {:?}", written, a, b),
        }
    }

    /// A submission is refused exactly when it is dated before the change.
    #[test]
    fn a_submission_before_its_change_is_refused(change in change_date(), offset in -400_i64..400) {
        let d = submission_deadline(ALWAYS_SEVEN, change).unwrap();
        let Some(sent) = change.checked_add_signed(chrono::Duration::days(offset)) else {
            return Ok(());
        };
        let answer = d.lateness(sent);
        prop_assert_eq!(answer.is_err(), sent < change, "{:?}", answer);
    }
}
