//! What the extreme values mean: pupil ids across the whole `u64` range, and limits of zero
//! (README, "Boundaries").

use edurules_absence::*;
use proptest::prelude::*;

use crate::support::{d, pupil};

fn profile(operator: &str, limit: &str) -> RuleProfile {
    let json = format!(
        r#"{{"id": "p", "name": "p", "rules": [
            {{"id": "r", "description": "any unexcused absence", "legal_basis": {{"citation": "test"}},
             "when": {{"threshold": {{"counts": "unexcused", "unit": "hours", "per": "month",
                        "operator": "{operator}", "limit": {limit}}}}}}}
        ]}}"#
    );
    serde_json::from_str(&json).unwrap()
}

fn flagged(p: RuleProfile, absent_hours: u64) -> Vec<PupilId> {
    let roster = Roster::new(vec![pupil(1, Level::School), pupil(2, Level::School)]).unwrap();
    let mut planned = Planned::default();
    for id in [1, 2] {
        planned.set_month(
            PupilId(id),
            YearMonth::new(2026, 3),
            Unit::Hours,
            Quantity::whole(80),
        );
    }
    let window = Window::month(2026, 3).unwrap();
    let ev = Evaluator::new(p, window, &roster, &planned).unwrap();
    let records = if absent_hours == 0 {
        Vec::new()
    } else {
        vec![AbsenceRecord::new(
            PupilId(1),
            d(2026, 3, 2),
            Quantity::whole(absent_hours),
            Unit::Hours,
            AbsenceKind::Unexcused,
        )]
    };
    let report = ev.evaluate_records(&records).unwrap();
    report.flags.iter().map(|f| f.pupil).collect()
}

#[test]
fn at_least_zero_is_refused_for_amounts_and_shares() {
    for limit in [r#"{"amount": "0"}"#, r#"{"share": "0"}"#] {
        let err = profile("ge", limit).validate().unwrap_err();
        let AbsenceError::InvalidProfile { problems, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            matches!(problems[0], ProfileProblem::AtLeastZero { .. }),
            "{problems:?}"
        );
        assert!(err.message(Locale::Pl).contains("„ponad 0”"), "{err}");
    }
}

#[test]
fn more_than_zero_means_any_counted_absence() {
    for limit in [r#"{"amount": "0"}"#, r#"{"share": "0"}"#] {
        profile("gt", limit).validate().unwrap();
        // Pupil 1 has one unexcused hour, pupil 2 none: only pupil 1 is flagged.
        assert_eq!(
            flagged(profile("gt", limit), 1),
            vec![PupilId(1)],
            "{limit}"
        );
        assert!(flagged(profile("gt", limit), 0).is_empty(), "{limit}");
    }
}

#[test]
fn ids_zero_and_max_in_one_roster() {
    let roster = Roster::new(vec![
        pupil(u64::MAX, Level::School),
        pupil(0, Level::School),
    ])
    .unwrap();
    assert_eq!(roster.len(), 2);
    assert_eq!(roster.get(PupilId(0)).unwrap().id, PupilId(0));
    assert_eq!(roster.get(PupilId(u64::MAX)).unwrap().id, PupilId(u64::MAX));
    assert!(roster.get(PupilId(1)).is_none());
}

fn id() -> impl Strategy<Value = u64> {
    prop_oneof![0..16_u64, u64::MAX - 16..=u64::MAX, any::<u64>(),]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any set of distinct ids indexes; every id is found, other ids are not; a repeated id is
    /// refused.
    #[test]
    fn any_ids_index(ids in prop::collection::btree_set(id(), 0..40), probe in id()) {
        let pupils: Vec<Pupil> = ids.iter().rev().map(|&i| pupil(i, Level::School)).collect();
        let roster = Roster::new(pupils.clone()).unwrap();
        prop_assert_eq!(roster.len(), ids.len());
        for &i in &ids {
            prop_assert_eq!(roster.get(PupilId(i)).map(|p| p.id), Some(PupilId(i)));
        }
        prop_assert_eq!(roster.get(PupilId(probe)).is_some(), ids.contains(&probe));
        if let Some(first) = pupils.first() {
            let mut twice = pupils.clone();
            twice.push(first.clone());
            prop_assert!(
                matches!(Roster::new(twice), Err(AbsenceError::DuplicatePupil { pupil }) if pupil == first.id),
                "repeated id accepted"
            );
        }
    }
}
