//! Streaming, duplicates, late arrivals, statistics, status and signals.

use edurules_absence::*;

use crate::support::{d, pupil};

fn bg() -> (Roster, Planned, Window) {
    let roster = Roster::new(vec![pupil(1, Level::School), pupil(2, Level::Preschool)]).unwrap();
    (
        roster,
        Planned::default(),
        Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap(),
    )
}

#[test]
fn duplicate_lessons_count_once_and_are_reported() {
    let (roster, planned, window) = bg();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let mut records = Vec::new();
    // 41 distinct unexcused lessons over 9 days, each sent twice: 41, not 82.
    for i in 0..41_u32 {
        let r = AbsenceRecord::lesson(
            PupilId(1),
            d(2018, 3, 1 + i / 5),
            (i % 5) as u8,
            AbsenceKind::Unexcused,
            0,
        );
        records.push(r);
        records.push(r);
    }
    let report = ev.evaluate_records(&records).unwrap();
    assert_eq!(report.flags.len(), 1);
    assert_eq!(report.flags[0].findings[0].measured, Quantity::whole(41));
    assert_eq!(report.duplicates.len(), 1);
    assert_eq!(
        (report.duplicates[0].pupil, report.duplicates[0].count),
        (PupilId(1), 41)
    );
    assert_eq!(report.stats.duplicates, 41);
    assert_eq!(report.stats.counted, 41);
    // 40 distinct lessons with duplicates is not over 40.
    let report = ev.evaluate_records(&records[..80]).unwrap();
    assert!(report.flags.is_empty());
}

#[test]
fn conflicting_duplicates_keep_the_unexcused_one_whatever_the_order() {
    let (roster, planned, window) = bg();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let day = d(2018, 3, 5);
    let a = AbsenceRecord::lesson(PupilId(1), day, 2, AbsenceKind::Excused, 0);
    let b = AbsenceRecord::lesson(PupilId(1), day, 2, AbsenceKind::Unexcused, 0);
    let base = AbsenceRecord::new(
        PupilId(1),
        day,
        Quantity::whole(40),
        Unit::Hours,
        AbsenceKind::Unexcused,
    );
    let r1 = ev.evaluate_records(&[base, a, b]).unwrap();
    let r2 = ev.evaluate_records(&[b, base, a]).unwrap();
    assert_eq!(r1, r2);
    assert_eq!(r1.flags.len(), 1, "40 + the unexcused lesson = 41");
    assert_eq!(r1.stats.duplicates, 1);
}

#[test]
fn late_arrival_conversion_is_exact() {
    let conv = LateConversion::bg_2017();
    assert_eq!(conv.hours_for(0), Quantity::from_fraction(1, 2).unwrap());
    assert_eq!(conv.hours_for(20), Quantity::from_fraction(1, 2).unwrap());
    assert_eq!(conv.hours_for(21), Quantity::ONE);
    assert_eq!(conv.hours_for(45), Quantity::ONE);
    let (roster, planned, window) = bg();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    // 81 late arrivals of 10 minutes = 40½ hours: over 40.
    let late: Vec<AbsenceRecord> = (0..81)
        .map(|i| {
            AbsenceRecord::new(
                PupilId(1),
                d(2018, 1, 8) + chrono::Days::new(i % 30),
                Quantity::whole(10),
                Unit::Minutes,
                AbsenceKind::Late,
            )
        })
        .collect();
    let report = ev.evaluate_records(&late).unwrap();
    assert_eq!(report.flags[0].findings[0].measured.to_string(), "40.5");
    assert!(
        ev.evaluate_records(&late[..80]).unwrap().flags.is_empty(),
        "80 × ½ = 40, not over 40"
    );
    // A late arrival to a numbered lesson of 25 minutes counts 1.
    let r = AbsenceRecord::lesson(PupilId(1), d(2018, 1, 8), 1, AbsenceKind::Late, 25);
    let mut v = late[..80].to_vec();
    v.push(r);
    assert_eq!(
        ev.evaluate_records(&v).unwrap().flags[0].findings[0].measured,
        Quantity::whole(41)
    );
}

#[test]
fn nothing_is_lost_silently() {
    let (roster, planned, window) = bg();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let records = [
        AbsenceRecord::new(
            PupilId(99),
            d(2018, 3, 5),
            Quantity::ONE,
            Unit::Hours,
            AbsenceKind::Unexcused,
        ),
        AbsenceRecord::new(
            PupilId(1),
            d(2018, 6, 2),
            Quantity::ONE,
            Unit::Hours,
            AbsenceKind::Unexcused,
        ),
        AbsenceRecord::new(
            PupilId(1),
            d(2017, 9, 14),
            Quantity::ONE,
            Unit::Hours,
            AbsenceKind::Unexcused,
        ),
        AbsenceRecord::new(
            PupilId(1),
            d(2017, 9, 15),
            Quantity::ONE,
            Unit::Hours,
            AbsenceKind::Unexcused,
        ),
    ];
    let s = ev.evaluate_records(&records).unwrap().stats;
    assert_eq!(
        (s.records, s.unknown_pupil, s.outside_window, s.counted),
        (4, 1, 2, 1)
    );
    // Polish profile: late arrivals are counted as not counted.
    let ev = Evaluator::new(
        RuleProfile::pl_compulsory_schooling(),
        window,
        &roster,
        &planned,
    )
    .unwrap();
    let late = AbsenceRecord::new(
        PupilId(1),
        d(2018, 3, 5),
        Quantity::whole(5),
        Unit::Minutes,
        AbsenceKind::Late,
    );
    assert_eq!(
        ev.evaluate_records(&[late]).unwrap().stats.late_not_counted,
        1
    );
}

#[test]
fn incoherent_records_are_errors() {
    let (roster, planned, window) = bg();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let mut acc = ev.accumulator();
    let mut r = AbsenceRecord::lesson(PupilId(1), d(2018, 3, 5), 16, AbsenceKind::Unexcused, 0);
    assert_eq!(
        acc.push(r).unwrap_err().code(),
        "absence.lesson_out_of_range"
    );
    r.lesson = Some(3);
    r.amount = Quantity::whole(2);
    assert_eq!(acc.push(r).unwrap_err().code(), "absence.lesson_amount");
    let late_in_hours = AbsenceRecord::new(
        PupilId(1),
        d(2018, 3, 5),
        Quantity::ONE,
        Unit::Hours,
        AbsenceKind::Late,
    );
    assert_eq!(
        acc.push(late_in_hours).unwrap_err().code(),
        "absence.unit_mismatch"
    );
    assert_eq!(acc.stats().records, 0);
}

#[test]
fn status_transitions_and_signals() {
    let (roster, planned, window) = bg();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let mut book = StatusBook::default();
    let first = [AbsenceRecord::new(
        PupilId(1),
        d(2018, 2, 1),
        Quantity::whole(40),
        Unit::Hours,
        AbsenceKind::Unexcused,
    )];
    assert!(
        book.update(&ev.evaluate_records(&first).unwrap(), d(2018, 2, 2))
            .is_empty()
    );
    let mut second = first.to_vec();
    second.push(AbsenceRecord::new(
        PupilId(1),
        d(2018, 2, 5),
        Quantity::ONE,
        Unit::Hours,
        AbsenceKind::Unexcused,
    ));
    let report = ev.evaluate_records(&second).unwrap();
    let t = book.update(&report, d(2018, 2, 6));
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0].pupil, t[0].on, t[0].from, t[0].to, t[0].rules.clone()),
        (
            PupilId(1),
            d(2018, 2, 6),
            Status::NotAtRisk,
            Status::AtRisk,
            vec!["bg.isrm.unexcused".to_owned()]
        )
    );
    assert_eq!(book.status(PupilId(1)), Status::AtRisk);
    assert_eq!(book.at_risk[&PupilId(1)].since, d(2018, 2, 6));
    // A new window (new school year) without absences: the pupil leaves "at risk".
    let next = Window::school_year(d(2018, 9, 15), d(2019, 6, 1)).unwrap();
    let ev2 = Evaluator::new(RuleProfile::bg_isrm(), next, &roster, &planned).unwrap();
    let t = book.update(&ev2.evaluate_records(&[]).unwrap(), d(2018, 9, 20));
    assert_eq!(t[0].to, Status::NotAtRisk);

    let signals = report.signals(d(2018, 6, 12)).unwrap();
    assert_eq!(signals.len(), 1);
    let s = &signals[0];
    assert_eq!((s.first, s.last), (d(2017, 9, 15), d(2018, 6, 1)));
    assert!(s.basis.as_ref().unwrap().citation.contains("чл. 347"));
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(json["reasons"][0]["findings"][0]["measured"], "41");
    assert_eq!(json["reasons"][0]["findings"][0]["operator"], "gt");
    let back: Signal = serde_json::from_value(json).unwrap();
    assert_eq!(&back, s);
}

/// Art. 347 ЗПУО does not reach excused absences: a pupil over 130 hours, all excused, is at
/// risk but gets no signal; over 130 with over 40 unexcused, the pupil's signal gives the
/// unexcused flag, the one that grounds it. A profile that sets `signals = true` on the total
/// rule (the letter read literally) signals both pupils.
#[test]
fn only_the_unexcused_selection_grounds_a_signal() {
    let roster = Roster::new(vec![pupil(1, Level::School), pupil(2, Level::School)]).unwrap();
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let planned = Planned::default();
    let hours = |p, n, kind| {
        AbsenceRecord::new(
            PupilId(p),
            d(2018, 3, 1),
            Quantity::whole(n),
            Unit::Hours,
            kind,
        )
    };
    let records = [
        hours(1, 131, AbsenceKind::Excused),
        hours(2, 90, AbsenceKind::Excused),
        hours(2, 41, AbsenceKind::Unexcused),
    ];
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let report = ev.evaluate_records(&records).unwrap();
    assert_eq!(report.silent_rules, ["bg.isrm.total"]);
    assert_eq!(report.at_risk().len(), 2);
    assert_eq!(report.flags.len(), 3);
    let signals = report.signals(d(2018, 6, 12)).unwrap();
    assert_eq!(signals.len(), 1);
    assert_eq!(signals[0].pupil, PupilId(2));
    let rules: Vec<&str> = signals[0].reasons.iter().map(|f| f.rule.id()).collect();
    assert_eq!(rules, ["bg.isrm.unexcused"]);
    // The report's JSON says which rules are silent; a profile where all signal omits it.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["silent_rules"][0], "bg.isrm.total");

    let mut literal = RuleProfile::bg_isrm();
    literal.rules[0].signals = true;
    let ev = Evaluator::new(literal, window, &roster, &planned).unwrap();
    let report = ev.evaluate_records(&records).unwrap();
    assert!(report.silent_rules.is_empty());
    assert!(
        serde_json::to_value(&report)
            .unwrap()
            .get("silent_rules")
            .is_none()
    );
    assert_eq!(report.signals(d(2018, 6, 12)).unwrap().len(), 2);
}

#[test]
fn profiles_round_trip_and_invalid_ones_list_every_problem() {
    for p in [
        RuleProfile::bg_isrm(),
        RuleProfile::pl_compulsory_schooling(),
        RuleProfile::chronic_absence(),
    ] {
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<RuleProfile>(&json).unwrap(), p);
    }
    let json = r#"{"id": "", "name": "x", "rules": [
        {"id": "a", "description": "", "legal_basis": {"citation": ""},
         "when": {"threshold": {"counts": "all", "unit": "minutes", "operator": "ge", "limit": {"share": "0"}}}}
    ]}"#;
    let p: RuleProfile = serde_json::from_str(json).unwrap();
    let Err(AbsenceError::InvalidProfile { problems, .. }) = p.validate() else {
        panic!()
    };
    assert_eq!(problems.len(), 5, "{problems:?}");
    let schema = schemars::schema_for!(RuleProfile);
    assert!(serde_json::to_string(&schema).unwrap().contains("Quantity"));
}

#[test]
fn parallel_partitioned_fold_equals_one_by_one() {
    // More than one parallel block, pupils over several counter partitions, lessons and late
    // arrivals mixed in.
    let roster = Roster::new(
        (1..=40_000)
            .map(|i| {
                pupil(
                    i,
                    if i % 7 == 0 {
                        Level::Preschool
                    } else {
                        Level::School
                    },
                )
            })
            .collect(),
    )
    .unwrap();
    let planned = Planned::default();
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let records: Vec<AbsenceRecord> = (0..1_200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let p = PupilId(x % 40_010);
            let date = d(2017, 9, 10) + chrono::Days::new((x >> 20) % 270);
            match (x >> 40) % 8 {
                0 => {
                    AbsenceRecord::lesson(p, date, ((x >> 50) % 8) as u8, AbsenceKind::Unexcused, 0)
                }
                1 => AbsenceRecord::new(
                    p,
                    date,
                    Quantity::whole(1 + (x >> 50) % 40),
                    Unit::Minutes,
                    AbsenceKind::Late,
                ),
                2 => AbsenceRecord::new(p, date, Quantity::ONE, Unit::Days, AbsenceKind::Unexcused),
                3 | 4 => AbsenceRecord::new(
                    p,
                    date,
                    Quantity::whole(1 + (x >> 50) % 3),
                    Unit::Hours,
                    AbsenceKind::Unexcused,
                ),
                _ => AbsenceRecord::new(
                    p,
                    date,
                    Quantity::whole(1 + (x >> 50) % 3),
                    Unit::Hours,
                    AbsenceKind::Excused,
                ),
            }
        })
        .collect();
    let parallel = ev.evaluate_records(&records).unwrap();
    let mut acc = ev.accumulator();
    for r in &records {
        acc.push(*r).unwrap();
    }
    let sequential = ev.evaluate(&acc);
    assert_eq!(parallel, sequential);
    assert!(!parallel.flags.is_empty());
    assert!(
        parallel.stats.duplicates > 0
            && parallel.stats.unknown_pupil > 0
            && parallel.stats.outside_window > 0
    );
}
