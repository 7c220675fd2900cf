//! Table tests at every threshold boundary, from `tests/data/boundaries.json` (each case cites its
//! source).

use edurules_absence::*;
use serde::Deserialize;

use crate::support::{both_thresholds_profile, d, pupil};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    source: String,
    profile: String,
    level: Level,
    #[serde(default)]
    planned: Option<Quantity>,
    records: Vec<(AbsenceKind, Unit, Quantity)>,
    expect: Vec<String>,
    /// Records that count towards no rule at the pupil's level (issue #14 item 2).
    #[serde(default)]
    not_counted: u64,
}

#[test]
fn every_boundary_case() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("data/boundaries.json")).unwrap();
    assert!(cases.len() >= 15);
    for case in cases {
        assert!(!case.source.is_empty());
        let (profile, window) = match case.profile.as_str() {
            "bg" => (
                RuleProfile::bg_isrm(),
                Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap(),
            ),
            "pl" => (
                RuleProfile::pl_compulsory_schooling(),
                Window::month(2026, 3).unwrap(),
            ),
            "chronic" => (
                RuleProfile::chronic_absence(),
                Window::school_year(d(2025, 9, 1), d(2026, 6, 26)).unwrap(),
            ),
            other => panic!("unknown profile {other}"),
        };
        let roster = Roster::new(vec![pupil(1, case.level)]).unwrap();
        let mut planned = Planned::default();
        if let Some(p) = case.planned {
            planned.set_month(PupilId(1), YearMonth::new(2026, 3), Unit::Days, p);
            planned.set_window(PupilId(1), Unit::Days, p);
        }
        let ev = Evaluator::new(profile, window, &roster, &planned).unwrap();
        let records: Vec<AbsenceRecord> = case
            .records
            .iter()
            .enumerate()
            .map(|(i, &(kind, unit, amount))| {
                AbsenceRecord::new(
                    PupilId(1),
                    window.first() + chrono::Days::new(1 + i as u64 % 3),
                    amount,
                    unit,
                    kind,
                )
            })
            .collect();
        let report = ev.evaluate_records(&records).unwrap();
        let flagged: Vec<&str> = report.flags.iter().map(|f| f.rule.id()).collect();
        assert_eq!(flagged, case.expect, "{}", case.name);
        assert!(report.not_evaluable.is_empty(), "{}", case.name);
        assert_eq!(report.stats.not_counted, case.not_counted, "{}", case.name);
        assert_eq!(
            report.stats.counted + report.stats.not_counted + report.stats.late_not_counted,
            report.stats.records,
            "{}",
            case.name
        );
    }
}

#[test]
fn a_pupil_moving_from_preschool_to_school() {
    // 30 unexcused preschool days (over 25) and then 10 unexcused school hours.
    let records = [
        AbsenceRecord::new(
            PupilId(1),
            d(2017, 10, 2),
            Quantity::whole(30),
            Unit::Days,
            AbsenceKind::Unexcused,
        ),
        AbsenceRecord::new(
            PupilId(1),
            d(2018, 3, 1),
            Quantity::whole(10),
            Unit::Hours,
            AbsenceKind::Unexcused,
        ),
    ];
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let planned = Planned::default();
    // While the roster says preschool, the days count against the preschool threshold.
    let roster = Roster::new(vec![pupil(1, Level::Preschool)]).unwrap();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let report = ev.evaluate_records(&records).unwrap();
    assert_eq!(report.flags.len(), 1);
    assert_eq!(report.flags[0].findings[0].unit, Unit::Days);
    // Once the roster says school, days are not hours: 10 hours are not over 40.
    let roster = Roster::new(vec![pupil(1, Level::School)]).unwrap();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    assert!(ev.evaluate_records(&records).unwrap().flags.is_empty());
    // 31 more school hours make 41: flagged as a pupil, with the hours as the figure.
    let mut more = records.to_vec();
    more.push(AbsenceRecord::new(
        PupilId(1),
        d(2018, 3, 2),
        Quantity::whole(31),
        Unit::Hours,
        AbsenceKind::Unexcused,
    ));
    let report = ev.evaluate_records(&more).unwrap();
    assert_eq!(report.flags.len(), 1);
    assert_eq!(report.flags[0].findings[0].measured, Quantity::whole(41));
    assert_eq!(report.flags[0].findings[0].unit, Unit::Hours);
}

#[test]
fn polish_rule_is_per_calendar_month() {
    // 9 of 20 days of classes in March and 9 of 20 in April (45 % each): 18 of 40 over both;
    // with 10 in April that month reaches 50 % and is flagged alone, not the two together.
    let roster = Roster::new(vec![pupil(1, Level::School)]).unwrap();
    let mut planned = Planned::default();
    for month in [3, 4] {
        planned.set_month(
            PupilId(1),
            YearMonth::new(2026, month),
            Unit::Days,
            Quantity::whole(20),
        );
    }
    let window = Window::custom(d(2026, 3, 1), d(2026, 4, 30)).unwrap();
    let ev = Evaluator::new(
        RuleProfile::pl_compulsory_schooling(),
        window,
        &roster,
        &planned,
    )
    .unwrap();
    let rec = |m, h| {
        AbsenceRecord::new(
            PupilId(1),
            d(2026, m, 10),
            Quantity::whole(h),
            Unit::Days,
            AbsenceKind::Unexcused,
        )
    };
    assert!(
        ev.evaluate_records(&[rec(3, 9), rec(4, 9)])
            .unwrap()
            .flags
            .is_empty()
    );
    let report = ev.evaluate_records(&[rec(3, 9), rec(4, 10)]).unwrap();
    assert_eq!(report.flags.len(), 1);
    let f = &report.flags[0].findings[0];
    assert_eq!(f.month, Some(YearMonth::new(2026, 4)));
    assert_eq!((f.first, f.last), (d(2026, 4, 1), d(2026, 4, 30)));
    assert_eq!(f.share(), Some(Percent::whole(50)));
}

#[test]
fn missing_denominator_is_reported_not_guessed() {
    let roster = Roster::new(vec![pupil(1, Level::School), pupil(2, Level::School)]).unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(
        RuleProfile::pl_compulsory_schooling(),
        Window::month(2026, 3).unwrap(),
        &roster,
        &planned,
    )
    .unwrap();
    let r = AbsenceRecord::new(
        PupilId(1),
        d(2026, 3, 3),
        Quantity::whole(5),
        Unit::Days,
        AbsenceKind::Unexcused,
    );
    let report = ev.evaluate_records(&[r]).unwrap();
    assert!(report.flags.is_empty());
    assert_eq!(report.not_evaluable.len(), 1);
    assert_eq!(report.not_evaluable[0].pupil, PupilId(1));
}

#[test]
fn all_combinator_needs_every_part() {
    let profile = both_thresholds_profile();
    let roster = Roster::new(vec![pupil(1, Level::School)]).unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(profile, Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
    let r = |h, kind| {
        AbsenceRecord::new(
            PupilId(1),
            d(2026, 3, 3),
            Quantity::whole(h),
            Unit::Hours,
            kind,
        )
    };
    assert!(
        ev.evaluate_records(&[r(11, AbsenceKind::Unexcused)])
            .unwrap()
            .flags
            .is_empty()
    );
    let report = ev
        .evaluate_records(&[r(11, AbsenceKind::Unexcused), r(10, AbsenceKind::Excused)])
        .unwrap();
    assert_eq!(report.flags.len(), 1);
    assert_eq!(report.flags[0].findings.len(), 2);
}
