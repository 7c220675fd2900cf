//! The file reader (issue #14): no row lost, every line accounted for, memory bounded.

use edurules_absence::*;

use crate::support::{d, pupil};

type Outcome = Result<(Stats, CsvSummary), AbsenceError>;

fn ev_parts() -> (Roster, Planned, Window) {
    (
        Roster::new(vec![pupil(1, Level::School), pupil(2, Level::Preschool)]).unwrap(),
        Planned::default(),
        Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap(),
    )
}

/// The three entry points (bytes in memory, a reader, a file) on the same input; they must agree.
fn all_paths(bytes: &[u8], mode: Mode) -> Outcome {
    let (roster, planned, window) = ev_parts();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let fast = accumulate_csv_bytes(&ev, bytes, mode).map(|(acc, s)| (ev.evaluate(&acc).stats, s));
    let mut acc = ev.accumulator();
    let general = stream_records(bytes, mode, &mut acc).map(|s| (ev.evaluate(&acc).stats, s));
    assert_eq!(fast, general, "bytes and reader disagree");
    let path = std::env::temp_dir().join(format!(
        "edurules-absence-reader-{}-{:?}-{}.csv",
        std::process::id(),
        mode,
        bytes.len()
    ));
    std::fs::write(&path, bytes).unwrap();
    let file = accumulate_csv_file(&ev, &path, mode).map(|(acc, s)| (ev.evaluate(&acc).stats, s));
    let _ = std::fs::remove_file(&path);
    assert_eq!(fast, file, "bytes and file disagree");
    fast
}

fn rows(n: usize) -> String {
    let mut s = String::from("pupil_id,date,hours,kind\n");
    for i in 0..n {
        s.push_str(&format!(
            "{},2018-03-{:02},1,unexcused\n",
            1 + i % 2,
            1 + i % 28
        ));
    }
    s
}

#[test]
fn a_stray_quote_is_contained_to_its_line() {
    // Issue #14 item 1: one unmatched quote at line 3 swallowed the rest of the file.
    let mut text = rows(1);
    text.push_str("1,\"2018-03-02,1,unexcused\n");
    text.push_str(&rows(1000).replacen("pupil_id,date,hours,kind\n", "", 1));
    let (stats, summary) = all_paths(text.as_bytes(), Mode::Lenient).unwrap();
    assert_eq!(
        (summary.rows, summary.accepted, summary.skipped),
        (1002, 1001, 1)
    );
    assert_eq!(stats.records, 1001);
    assert_eq!(summary.skips, vec![AbsenceError::CsvQuote { line: 3 }]);
    assert_eq!(
        all_paths(text.as_bytes(), Mode::Strict).unwrap_err(),
        AbsenceError::CsvQuote { line: 3 }
    );
    // A quote inside an unquoted field is refused as well, on its own line.
    let text = "pupil_id,date,hours,kind\n1,2018-03-01,1,unex\"cused\n2,2018-03-01,1,excused\n";
    let (_, summary) = all_paths(text.as_bytes(), Mode::Lenient).unwrap();
    assert_eq!((summary.rows, summary.accepted), (2, 1));
}

#[test]
fn well_quoted_fields_bom_and_crlf_are_read() {
    let text = "\u{feff}pupil_id,\"date\",hours,kind\r\n\"1\",\"2018-03-01\",\"1\",\"unexcused\"\r\n2,2018-03-01,1,excused\r\n";
    let (stats, summary) = all_paths(text.as_bytes(), Mode::Strict).unwrap();
    assert_eq!((summary.rows, summary.accepted), (2, 2));
    assert_eq!(stats.records, 2);
}

#[test]
fn every_line_is_accounted_for() {
    let text = "pupil_id,date,hours,kind\n\n1,2018-03-01,1,excused\n   \nx,2018-03-01,1,excused\n";
    let (_, summary) = all_paths(text.as_bytes(), Mode::Lenient).unwrap();
    // 5 lines: the header, 2 blank, 1 accepted, 1 skipped.
    assert_eq!(summary.lines, 5);
    assert_eq!(
        summary.lines,
        1 + summary.blank + summary.accepted + summary.skipped
    );
    assert_eq!(summary.rows, summary.accepted + summary.skipped);
}

#[test]
fn classic_mac_line_endings_number_lines_right() {
    let text = "pupil_id,date,hours,kind\r1,2018-03-01,1,excused\r1,2018-13-01,1,excused\r";
    let err = all_paths(text.as_bytes(), Mode::Strict).unwrap_err();
    assert!(
        matches!(err, AbsenceError::CsvField { line: 3, .. }),
        "{err}"
    );
}

#[test]
fn a_duplicated_header_column_is_refused() {
    let text = "pupil_id,date,hours,kind,hours\n1,2018-03-01,1,excused,2\n";
    assert_eq!(
        all_paths(text.as_bytes(), Mode::Lenient).unwrap_err(),
        AbsenceError::CsvDuplicateColumn {
            column: "hours".into()
        }
    );
}

/// With several repeated names, the first to come again in header order is named; a
/// header of 8,000 distinct names (47 KB, under the line limit) is read.
#[test]
fn the_first_repeated_header_name_is_named() {
    let text = "pupil_id,lesson,date,kind,date,hours,lesson\n1,1,2018-03-01,excused,x,2,1\n";
    assert_eq!(
        all_paths(text.as_bytes(), Mode::Lenient).unwrap_err(),
        AbsenceError::CsvDuplicateColumn {
            column: "lesson".into()
        }
    );
    let extra: String = (0..8_000).map(|i| format!(",x{i}")).collect();
    let text = format!("pupil_id,date,hours,kind{extra}\n");
    assert!(all_paths(text.as_bytes(), Mode::Lenient).is_ok());
}

#[test]
fn a_semicolon_separated_file_gets_a_hint() {
    let text = "pupil_id;date;hours;kind\n1;2018-03-01;1;excused\n";
    let err = all_paths(text.as_bytes(), Mode::Strict).unwrap_err();
    assert_eq!(err, AbsenceError::CsvSeparator { found: ';' });
    for l in Locale::ALL {
        assert!(err.message(l).contains(&l.quote(";")), "{}", err.message(l));
    }
}

#[test]
fn an_overlong_line_is_an_error_naming_where_it_began() {
    // Issue #14 item 4: an unclosed quote (or no line end) grew memory with the file.
    let mut text = rows(3);
    text.push_str("1,\"");
    text.push_str(&"x".repeat(MAX_LINE_BYTES * 3));
    text.push_str("\n1,2018-03-01,1,excused\n");
    for mode in [Mode::Strict, Mode::Lenient] {
        assert_eq!(
            all_paths(text.as_bytes(), mode).unwrap_err(),
            AbsenceError::CsvLineTooLong {
                line: 5,
                limit: MAX_LINE_BYTES as u64
            }
        );
    }
    // Many short lines inside one quoted field are separate (bad) lines, not one record.
    let mut text = rows(1);
    text.push_str("1,\"2018-03-01\n");
    for _ in 0..10_000 {
        text.push_str("x\n");
    }
    let (_, summary) = all_paths(text.as_bytes(), Mode::Lenient).unwrap();
    assert_eq!((summary.accepted, summary.skipped), (1, 10_001));
    assert_eq!(summary.skips.len(), MAX_REPORTED_SKIPS);
}

#[test]
fn errors_do_not_echo_control_bytes() {
    let text = "pupil_id,date,hours,kind\n1,2018-03-01,1,exc\u{0}\u{1b}[31m\n";
    let err = all_paths(text.as_bytes(), Mode::Strict).unwrap_err();
    for l in Locale::ALL {
        let m = err.message(l);
        assert!(!m.chars().any(|c| c.is_control()), "{m:?}");
    }
}

#[test]
fn a_planned_file_lets_the_polish_rule_flag() {
    // Issue #14 item 10: without planned classes the Polish and chronic rules flag nobody.
    let roster = Roster::new(vec![pupil(1, Level::School), pupil(2, Level::School)]).unwrap();
    // 20 days of classes in March 2026 for each, and a line with no such month.
    let csv =
        "pupil_id,unit,amount,month\n1,days,20,2026-03\n2,days,20,2026-03\n2,days,21,2026-13\n";
    assert!(read_planned(csv.as_bytes(), Mode::Strict).is_err());
    let (planned, summary) = read_planned(csv.as_bytes(), Mode::Lenient).unwrap();
    assert_eq!((summary.accepted, summary.skipped), (2, 1));
    let ev = Evaluator::new(
        RuleProfile::pl_compulsory_schooling(),
        Window::month(2026, 3).unwrap(),
        &roster,
        &planned,
    )
    .unwrap();
    // 10 of 20 days (50 %) flags pupil 1; 9 of 20 does not flag pupil 2.
    let records = "pupil_id,date,hours,kind,unit\n1,2026-03-02,10,unexcused,days\n2,2026-03-02,9,unexcused,days\n";
    let (acc, _) = accumulate_csv_bytes(&ev, records.as_bytes(), Mode::Strict).unwrap();
    let report = ev.evaluate(&acc);
    let flagged: Vec<PupilId> = report.flags.iter().map(|f| f.pupil).collect();
    assert_eq!(flagged, vec![PupilId(1)]);
    assert!(report.not_evaluable.is_empty());
}

#[test]
fn a_large_roster_numbers_its_lines_across_chunks_and_blocks() {
    // About 20 MB: three blocks, each parsed in several chunks at once.
    let n = 800_000_usize;
    let mut csv = String::from("pupil_id,school_id,level\n");
    for i in 0..n {
        match i {
            // Lines 3, 300,002 and 799,999 (the header is line 1).
            1 | 300_000 | 799_997 => csv.push_str(&format!("{i},S,class\n")),
            // A blank line (line 600,002) is counted, not read.
            600_000 => csv.push_str("  \n"),
            _ => csv.push_str(&format!("{i},SCHOOL-{:06},school\n", i % 1000)),
        }
    }
    let (pupils, summary) = read_roster(csv.as_bytes(), Mode::Lenient).unwrap();
    assert_eq!(pupils.len(), n - 4);
    assert_eq!(
        (summary.lines, summary.blank, summary.rows, summary.skipped),
        (n as u64 + 1, 1, n as u64 - 1, 3)
    );
    let lines: Vec<u64> = summary
        .skips
        .iter()
        .map(|e| match e {
            AbsenceError::CsvField { line, .. } => *line,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(lines, [3, 300_002, 799_999]);
    // In order: the ids as written, the bad and blank rows left out.
    assert!(pupils.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(pupils.get(1).map(|p| p.id), Some(PupilId(2)));
    // Strict: the first bad row, whichever chunk finishes first.
    let err = read_roster(csv.as_bytes(), Mode::Strict).unwrap_err();
    assert!(
        matches!(err, AbsenceError::CsvField { line: 3, .. }),
        "{err:?}"
    );
    let late = csv.replacen("1,S,class", "1,S,school", 1);
    let err = read_roster(late.as_bytes(), Mode::Strict).unwrap_err();
    assert!(
        matches!(err, AbsenceError::CsvField { line: 300_002, .. }),
        "{err:?}"
    );
}
