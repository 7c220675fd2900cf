//! The demo's `absence` section: the ready selections of the Bulgarian ISRM
//! "Посещаемо и безопасно училище" (seed 002) on a small fictional school, the
//! reasons for each at-risk pupil, one signal to the municipality (art. 347
//! ЗПУО) as data, and the Polish monthly 50 % rule for the sample school.

use crate::Section;
use chrono::NaiveDate;
use edurules::absence::{
    AbsenceError, AbsenceKind, AbsenceRecord, Evaluator, Level, Locale, Mode, Planned, Pupil,
    PupilId, Quantity, RuleProfile, SchoolId, StatusBook, Unit, Window, YearMonth,
    accumulate_csv_bytes, read_roster,
};
use serde_json::{Value, json};

/// The fictional Bulgarian school's roster.
const ROSTER: &str = "pupil_id,school_id,level,grade
101,131 СУ (fictional),school,7
102,131 СУ (fictional),school,7
103,131 СУ (fictional),school,8
104,131 СУ (fictional),preschool,
105,131 СУ (fictional),preschool,
";

/// Absences of 2017/2018 (hours for pupils, days for the preschool group; late = minutes).
const RECORDS: &str = "pupil_id,date,hours,kind,unit,lesson
101,2017-10-02,60,excused,,
101,2018-01-15,71,excused,,
102,2018-02-05,40,unexcused,,
102,2018-02-06,1,unexcused,,3
102,2018-02-06,1,unexcused,,3
102,2018-03-12,15,late,,
103,2018-03-01,130,excused,,
104,2018-04-02,26,unexcused,days,
105,2018-04-02,25,unexcused,days,
105,2018-06-20,3,unexcused,days,
";

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("no such date {y}-{m}-{d}"))
}

fn bulgarian(lines: &mut Vec<String>) -> Result<Value, String> {
    let err = |e: AbsenceError| e.message(Locale::En);
    let (pupils, _) = read_roster(ROSTER.as_bytes(), Mode::Strict).map_err(err)?;
    let roster = edurules::absence::Roster::new(pupils).map_err(err)?;
    let planned = Planned::default();
    // The period of the seed letter: 15.09.2017 – 01.06.2018.
    let window = Window::school_year(date(2017, 9, 15)?, date(2018, 6, 1)?).map_err(err)?;
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).map_err(err)?;
    let (acc, csv) = accumulate_csv_bytes(&ev, RECORDS.as_bytes(), Mode::Strict).map_err(err)?;
    let report = ev.evaluate(&acc);
    lines.push(format!(
        "131 СУ (fictional), Sofia: {} pupils, {} absence rows, window {} to {} (seed 002)",
        roster.len(),
        csv.rows,
        window.first(),
        window.last()
    ));
    for rule in &ev.profile().rules {
        let ids: Vec<String> = report
            .selection(&rule.id)
            .map(|f| f.pupil.to_string())
            .collect();
        lines.push(format!(
            "Selection {} — {}: [{}]",
            rule.id,
            rule.description,
            ids.join(", ")
        ));
    }
    lines.push("At-risk pupils and why:".to_owned());
    for flag in &report.flags {
        lines.push(format!("  EN: {}", flag.message(Locale::En)));
        lines.push(format!("  BG: {}", flag.message(Locale::Bg)));
    }
    lines.push(
        "Pupil 102: 40 unexcused hours + lesson 3 of 06.02 (sent twice, counted once) + a 15-minute late arrival (½ hour) = 41.5.".to_owned(),
    );
    lines.push(
        "Not flagged at the boundary: 103 has exactly 130 hours (not \"над 130\"); 105 has 25 days in the window (the 3 days of 20.06 are outside it).".to_owned(),
    );
    lines.push(format!(
        "Records: {} counted, {} duplicate lesson row(s) counted once, {} outside the window.",
        report.stats.counted, report.stats.duplicates, report.stats.outside_window
    ));
    let on = date(2018, 6, 12)?;
    let mut book = StatusBook::default();
    let transitions = book.update(&report, on);
    for t in &transitions {
        lines.push(format!("Status: {}", t.message(Locale::En)));
    }
    let signals = report.signals(on);
    let signal = signals.first().map(|s| {
        lines.push(format!(
            "Signal to the municipality: {}",
            s.message(Locale::Bg)
        ));
        serde_json::to_value(s).unwrap_or(Value::Null)
    });
    Ok(json!({
        "school": "131 СУ (fictional)",
        "window": { "first": window.first(), "last": window.last() },
        "selections": ev.profile().rules.iter().map(|r| json!({
            "rule": r.id,
            "pupils": report.selection(&r.id).map(|f| f.pupil).collect::<Vec<PupilId>>(),
        })).collect::<Vec<Value>>(),
        "flags": serde_json::to_value(&report.flags).unwrap_or(Value::Null),
        "transitions": serde_json::to_value(&transitions).unwrap_or(Value::Null),
        "signal": signal,
        "stats": serde_json::to_value(report.stats).unwrap_or(Value::Null),
    }))
}

fn polish(lines: &mut Vec<String>) -> Result<Value, String> {
    let err = |e: AbsenceError| e.message(Locale::En);
    let pupil = |id, grade| {
        Pupil::new(PupilId(id), SchoolId("SP7 Opole".to_owned()), Level::School).with_grade(grade)
    };
    let roster = edurules::absence::Roster::new(vec![pupil(201, 4), pupil(202, 6)]).map_err(err)?;
    let march = YearMonth::new(2026, 3);
    let mut planned = Planned::default();
    planned.set_month(PupilId(201), march, Unit::Hours, Quantity::whole(88));
    planned.set_month(PupilId(202), march, Unit::Hours, Quantity::whole(110));
    let window = Window::month(2026, 3).map_err(err)?;
    let ev = Evaluator::new(
        RuleProfile::pl_compulsory_schooling(),
        window,
        &roster,
        &planned,
    )
    .map_err(err)?;
    let records = [
        AbsenceRecord::new(
            PupilId(201),
            date(2026, 3, 9)?,
            Quantity::whole(44),
            Unit::Hours,
            AbsenceKind::Unexcused,
        ),
        AbsenceRecord::new(
            PupilId(202),
            date(2026, 3, 9)?,
            Quantity::whole(54),
            Unit::Hours,
            AbsenceKind::Unexcused,
        ),
    ];
    let report = ev.evaluate_records(&records).map_err(err)?;
    lines.push(
        "SP7 Opole, March 2026 (Prawo oświatowe art. 42 ust. 2, at least 50 % in a month):"
            .to_owned(),
    );
    lines.push(
        "  201: 44 of 88 obligatory hours unexcused (50 %); 202: 54 of 110 (49.09 %)".to_owned(),
    );
    for flag in &report.flags {
        lines.push(format!("  PL: {}", flag.message(Locale::Pl)));
    }
    Ok(serde_json::to_value(&report.flags).unwrap_or(Value::Null))
}

/// The section of the report about `edurules::absence`.
pub(crate) fn section() -> Section {
    let mut lines = Vec::new();
    let bg = bulgarian(&mut lines).unwrap_or_else(|e| {
        lines.push(format!("error: {e}"));
        Value::Null
    });
    let pl = polish(&mut lines).unwrap_or_else(|e| {
        lines.push(format!("error: {e}"));
        Value::Null
    });
    Section {
        title: "absence",
        lines,
        data: json!({ "bulgaria_isrm": bg, "poland_monthly_50": pl }),
    }
}
