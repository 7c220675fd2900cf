//! The demo's absences: the configuration's rule profile on a small sample,
//! the Bulgarian one for a Bulgarian configuration (a school year of the
//! ISRM selections), the Polish one otherwise (a month of compulsory
//! schooling, with the planned days of classes).

use chrono::NaiveDate;
use edurules::absence::{
    AbsenceError, AbsenceKind, AbsenceRecord, Evaluator, Level, Planned, Pupil, PupilId, Quantity,
    Roster, SchoolId, Unit, Window, YearMonth,
};
use edurules::{Locale, RulesConfig, nouns};
use serde_json::json;

use crate::Section;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The sample: pupils, planned days, a window and the absences, Polish or
/// Bulgarian.
fn sample(
    bulgarian: bool,
) -> (
    Vec<Pupil>,
    Planned,
    Result<Window, AbsenceError>,
    Vec<AbsenceRecord>,
) {
    let school = SchoolId::new(if bulgarian { "131 СУ" } else { "SP7 Opole" });
    let pupil = |id| Pupil::new(PupilId(id), school.clone(), Level::School).with_grade(7);
    let hours = |id, date, n, kind| {
        AbsenceRecord::new(PupilId(id), date, Quantity::whole(n), Unit::Hours, kind)
    };
    let mut planned = Planned::default();
    if bulgarian {
        let window = Window::school_year(day(2017, 9, 15), day(2018, 6, 1));
        let records = vec![
            hours(1, day(2018, 2, 5), 40, AbsenceKind::Unexcused),
            hours(2, day(2018, 3, 1), 131, AbsenceKind::Excused),
            hours(3, day(2018, 3, 2), 3, AbsenceKind::Unexcused),
        ];
        (vec![pupil(1), pupil(2), pupil(3)], planned, window, records)
    } else {
        // Days of classes in March 2026 (22 school days; pupil 2 joined on the 3rd), and
        // whole days of unexcused absence: 11 of 22 is at least half, 10 of 21 is not.
        let march = YearMonth::new(2026, 3);
        for (id, n) in [(1, 22), (2, 21), (3, 22)] {
            planned.set_month(PupilId(id), march, Unit::Days, Quantity::whole(n));
        }
        let absent = |id, days: &[u32]| {
            days.iter()
                .map(|&d| {
                    AbsenceRecord::new(
                        PupilId(id),
                        day(2026, 3, d),
                        Quantity::whole(1),
                        Unit::Days,
                        AbsenceKind::Unexcused,
                    )
                })
                .collect::<Vec<_>>()
        };
        let records = [
            absent(1, &[2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16]),
            absent(2, &[9, 10, 11, 12, 13, 16, 17, 18, 19, 20]),
            absent(3, &[10, 11]),
        ]
        .concat();
        (
            vec![pupil(1), pupil(2), pupil(3)],
            planned,
            Window::month(2026, 3),
            records,
        )
    }
}

/// The pupils the configuration's profile flags in the sample, and why.
pub(crate) fn section(config: &RulesConfig, l: Locale) -> Section {
    let title = l.pick("Nieobecności", "Отсъствия", "Absences");
    let Some(profile) = config.absence.as_ref() else {
        return Section::absent("absence", title, l);
    };
    let mut s = Section::new("absence", title);
    let cl = l;
    let bulgarian = config.locale == Locale::Bg;
    let (pupils, planned, window, records) = sample(bulgarian);
    let report = Roster::new(pupils).and_then(|roster| {
        Evaluator::new(profile.clone(), window?, &roster, &planned)?.evaluate_records(&records)
    });
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            s.lines.push(e.message(cl));
            return s;
        }
    };
    let (pupils, flagged) = (
        l.count(3, nouns::PUPIL),
        l.count(u64::try_from(report.flags.len()).unwrap_or(0), nouns::PUPIL),
    );
    let profile_q = l.quote(&profile.id);
    s.lines.push(l.pick(
        format!("Zasady {profile_q} dla {pupils}; wskazani: {flagged}."),
        format!("Правила {profile_q} за {pupils}; отбелязани: {flagged}."),
        format!("Rules {profile_q} for {pupils}; flagged: {flagged}."),
    ));
    for flag in &report.flags {
        s.lines.push(format!("- {}", flag.message(cl)));
    }
    s.data = json!({
        "profile": profile.id,
        "flagged": report.flags.iter().map(|f| json!({ "pupil": f.pupil, "rule": f.rule.id() })).collect::<Vec<_>>(),
    });
    s
}
