//! The CSV adapters: errors naming line and column, lenient skips, both readers agreeing.

use edurules_absence::*;

use crate::support::{d, pupil};

const GOOD: &str = "pupil_id,date,hours,kind\n1,2018-03-05,2,unexcused\n1,05.03.2018,1/2,excused\n2,2018-03-06,25,late\n";

#[test]
fn reads_the_documented_columns() {
    let (records, summary) = read_records(GOOD.as_bytes(), Mode::Strict).unwrap();
    assert_eq!((summary.rows, summary.accepted, summary.skipped), (3, 3, 0));
    assert_eq!(records[1].amount, Quantity::from_sixtieths(30));
    assert_eq!(records[1].date, d(2018, 3, 5));
    assert_eq!(
        (records[2].kind, records[2].unit),
        (AbsenceKind::Late, Unit::Minutes)
    );
}

#[test]
fn a_bad_date_names_line_and_column() {
    let csv = "pupil_id,date,hours,kind\n1,2018-03-05,2,unexcused\n\n1,2018-13-01,2,unexcused\n";
    let err = read_records(csv.as_bytes(), Mode::Strict).unwrap_err();
    assert_eq!(
        err,
        AbsenceError::CsvField {
            line: 4,
            column: "date".into(),
            value: "2018-13-01".into(),
            expected: FieldFormat::Date
        }
    );
    let (records, summary) = read_records(csv.as_bytes(), Mode::Lenient).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(summary.skipped, 1);
    assert_eq!(summary.skips, vec![err]);
}

#[test]
fn wrong_field_count_and_missing_column() {
    let err = read_records(
        "pupil_id,date,hours,kind\n1,2018-03-05,2\n".as_bytes(),
        Mode::Strict,
    )
    .unwrap_err();
    assert_eq!(err.code(), "absence.csv_row");
    assert!(err.to_string().starts_with("CSV file, line 2:"), "{err}");
    let err = read_records("pupil_id,date,kind\n".as_bytes(), Mode::Lenient).unwrap_err();
    assert_eq!(
        err,
        AbsenceError::CsvHeader {
            column: "hours".into()
        }
    );
}

#[test]
fn optional_lesson_and_unit_columns() {
    let csv = "kind,pupil_id,date,hours,lesson,unit\nunexcused,1,2018-03-05,1,3,\nunexcused,1,2018-03-05,1,3,lessons\nexcused,2,2018-03-05,1,,days\n";
    let (records, _) = read_records(csv.as_bytes(), Mode::Strict).unwrap();
    assert_eq!(records[0], records[1]);
    assert_eq!(records[0].lesson, Some(3));
    assert_eq!(records[2].unit, Unit::Days);
    let bad = "pupil_id,date,hours,kind,lesson\n1,2018-03-05,2,unexcused,3\n";
    let err = read_records(bad.as_bytes(), Mode::Strict).unwrap_err();
    assert!(err.to_string().contains("exactly one hour"), "{err}");
}

#[test]
fn roster_reader() {
    let csv = "pupil_id,school_id,level,grade\n1,SU-7,school,5\n2,SU-7,preschool,\n";
    let (pupils, summary) = read_roster(csv.as_bytes(), Mode::Strict).unwrap();
    assert_eq!(summary.accepted, 2);
    assert_eq!(pupils[0], pupil(1, Level::School));
    assert_eq!(pupils[1], pupil(2, Level::Preschool));
}

type Outcome = Result<(Stats, CsvSummary), AbsenceError>;

fn both_paths(bytes: &[u8], mode: Mode) -> (Outcome, Outcome) {
    let roster = Roster::new(vec![pupil(1, Level::School), pupil(2, Level::Preschool)]).unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(
        RuleProfile::bg_isrm(),
        Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap(),
        &roster,
        &planned,
    )
    .unwrap();
    let fast = accumulate_csv_bytes(&ev, bytes, mode).map(|(acc, s)| (ev.evaluate(&acc).stats, s));
    let mut acc = ev.accumulator();
    let general = stream_records(bytes, mode, &mut acc).map(|s| (ev.evaluate(&acc).stats, s));
    (fast, general)
}

fn from_file(text: &str, mode: Mode) -> Outcome {
    let path = std::env::temp_dir().join(format!(
        "edurules-absence-{}-{:?}.csv",
        std::process::id(),
        mode
    ));
    std::fs::write(&path, text).unwrap();
    let roster = Roster::new(vec![pupil(1, Level::School), pupil(2, Level::Preschool)]).unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(
        RuleProfile::bg_isrm(),
        Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap(),
        &roster,
        &planned,
    )
    .unwrap();
    let out = accumulate_csv_file(&ev, &path, mode).map(|(acc, s)| (ev.evaluate(&acc).stats, s));
    let _ = std::fs::remove_file(&path);
    out
}

#[test]
fn fast_and_general_readers_agree() {
    let mut big = String::from("pupil_id,date,hours,kind\r\n");
    for i in 0..300_000_u32 {
        match i % 1000 {
            7 => big.push_str("1,2018-02-30,1,excused\r\n"),
            8 => big.push('\n'),
            9 => big.push_str("2,2018-03-01,1\n"),
            _ => big.push_str(&format!(
                "{},2018-03-{:02},{},unexcused\n",
                1 + i % 2,
                1 + i % 28,
                i % 3
            )),
        }
    }
    for mode in [Mode::Lenient, Mode::Strict] {
        let (fast, general) = both_paths(big.as_bytes(), mode);
        assert_eq!(fast, general, "{mode:?}");
        assert_eq!(from_file(&big, mode), fast, "{mode:?}");
    }
    // A file that needs the general reader (a quoted field far from the start).
    let quoted = format!("{big}\"1\",2018-03-01,1,excused\n");
    let (fast, general) = both_paths(quoted.as_bytes(), Mode::Lenient);
    assert_eq!(fast, general);
    assert_eq!(from_file(&quoted, Mode::Lenient), fast);
    let (fast, _) = both_paths(big.as_bytes(), Mode::Lenient);
    let (stats, summary) = fast.unwrap();
    assert_eq!(summary.rows, summary.accepted + summary.skipped);
    assert_eq!(summary.skipped, 600);
    assert_eq!(stats.records, summary.accepted);
    for text in [
        "",
        "pupil_id,date,hours,kind",
        "pupil_id,date,hours,kind\n\n\n1,2018-03-01,1,late",
        "pupil_id,date,hours,kind\n\"1\",2018-03-01,1,late\n",
    ] {
        assert_eq!(
            both_paths(text.as_bytes(), Mode::Lenient).0,
            both_paths(text.as_bytes(), Mode::Lenient).1,
            "{text:?}"
        );
    }
}

#[test]
fn fuzz_regression_long_lesson_number() {
    // Found by `fuzz/fuzz_targets/absence_csv.rs`: a lesson number of 20 digits overflowed.
    let bytes = include_bytes!("data/fuzz-crash-lesson-overflow.csv");
    let (fast, general) = both_paths(bytes, Mode::Lenient);
    assert_eq!(fast, general);
    let (_, summary) = fast.unwrap();
    assert_eq!(summary.rows, summary.accepted + summary.skipped);
    assert!(
        summary
            .skips
            .iter()
            .any(|e| matches!(e, AbsenceError::CsvField { column, .. } if column == "lesson")),
        "{:?}",
        summary.skips
    );
}
