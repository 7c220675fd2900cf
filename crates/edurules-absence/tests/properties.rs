//! Laws: order and batching do not matter; adding an absence never un-flags a pupil.

use edurules_absence::*;
use proptest::prelude::*;

use crate::support::{d, pupil};

/// All rules of the three presets at once, with the Bulgarian late-arrival conversion.
fn combined() -> RuleProfile {
    let mut p = RuleProfile::bg_isrm();
    p.id = "combined".into();
    p.rules.extend(RuleProfile::pl_compulsory_schooling().rules);
    p.rules.extend(RuleProfile::chronic_absence().rules);
    p
}

fn setup() -> (Roster, Planned, Window) {
    let roster = Roster::new(
        (1..=4)
            .map(|i| {
                pupil(
                    i,
                    if i == 4 {
                        Level::Preschool
                    } else {
                        Level::School
                    },
                )
            })
            .collect(),
    )
    .unwrap();
    let mut planned = Planned::default();
    for i in 1..=3 {
        for month in 1..=2 {
            planned.set_month(
                PupilId(i),
                YearMonth::new(2026, month),
                Unit::Hours,
                Quantity::whole(20),
            );
        }
        planned.set_window(PupilId(i), Unit::Days, Quantity::whole(30));
    }
    (
        roster,
        planned,
        Window::custom(d(2026, 1, 1), d(2026, 2, 28)).unwrap(),
    )
}

fn record() -> impl Strategy<Value = AbsenceRecord> {
    (
        1..=5_u64,
        0..70_u64,
        0..3_u8,
        prop::option::of(0..6_u8),
        1..12_u64,
        any::<bool>(),
    )
        .prop_map(|(p, day, kind, lesson, amount, days)| {
            let date = d(2025, 12, 28) + chrono::Days::new(day);
            let kind = [
                AbsenceKind::Excused,
                AbsenceKind::Unexcused,
                AbsenceKind::Late,
            ][usize::from(kind)];
            match (lesson, kind) {
                (Some(l), k) => AbsenceRecord::lesson(PupilId(p), date, l, k, amount * 3),
                (None, AbsenceKind::Late) => AbsenceRecord::new(
                    PupilId(p),
                    date,
                    Quantity::whole(amount * 3),
                    Unit::Minutes,
                    kind,
                ),
                (None, k) => AbsenceRecord::new(
                    PupilId(p),
                    date,
                    Quantity::whole(amount),
                    if days { Unit::Days } else { Unit::Hours },
                    k,
                ),
            }
        })
}

fn flagged(report: &Report) -> Vec<(PupilId, String)> {
    report
        .flags
        .iter()
        .map(|f| (f.pupil, f.rule.id().to_owned()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn order_and_batches_do_not_matter(
        (records, shuffled) in prop::collection::vec(record(), 0..120).prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        cuts in prop::collection::vec(0..120_usize, 0..5),
    ) {
        let (roster, planned, window) = setup();
        let ev = Evaluator::new(combined(), window, &roster, &planned).unwrap();
        let whole = ev.evaluate_records(&records).unwrap();
        // The same records shuffled, split into batches, each in its own accumulator, merged.
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(shuffled.len())).collect();
        cuts.sort_unstable();
        let mut acc = ev.accumulator();
        let mut start = 0;
        for cut in cuts.into_iter().chain([shuffled.len()]) {
            let mut part = ev.accumulator();
            part.push_batch(&shuffled[start..cut]).unwrap();
            acc.merge(part);
            start = cut;
        }
        prop_assert_eq!(ev.evaluate(&acc), whole);
    }

    #[test]
    fn adding_an_absence_never_unflags(records in prop::collection::vec(record(), 0..120), extra in record()) {
        let (roster, planned, window) = setup();
        let ev = Evaluator::new(combined(), window, &roster, &planned).unwrap();
        let before = ev.evaluate_records(&records).unwrap();
        let mut more = records;
        more.push(extra);
        let after = ev.evaluate_records(&more).unwrap();
        let after_flags = flagged(&after);
        for f in flagged(&before) {
            prop_assert!(after_flags.contains(&f), "{:?} lost", f);
        }
    }

    #[test]
    fn csv_rows_are_accepted_or_skipped(text in "(pupil_id,date,hours,kind\n)?([0-9a-z,.\\-/\"\r\n]{0,40}\n){0,20}") {
        let roster = Roster::default();
        let planned = Planned::default();
        let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2018, 3).unwrap(), &roster, &planned).unwrap();
        if let Ok((_, s)) = accumulate_csv_bytes(&ev, text.as_bytes(), Mode::Lenient) {
            prop_assert_eq!(s.rows, s.accepted + s.skipped);
        }
    }
}
