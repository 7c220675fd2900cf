//! Every error and explanation has a message in all three languages.

use edurules_absence::*;

use crate::support::d;

fn every_error() -> Vec<AbsenceError> {
    vec![
        AbsenceError::InvalidQuantity { value: "x".into() },
        AbsenceError::InvalidPercent { value: "x".into() },
        AbsenceError::InvalidWindow {
            reason: "`x`".into(),
        },
        AbsenceError::InvalidProfile {
            profile: "p".into(),
            problems: vec!["a".into()],
        },
        AbsenceError::DuplicatePupil { pupil: PupilId(1) },
        AbsenceError::TooManyPupils { count: 1 },
        AbsenceError::UnitMismatch {
            pupil: PupilId(1),
            kind: AbsenceKind::Late,
            unit: Unit::Hours,
        },
        AbsenceError::LessonOutOfRange {
            pupil: PupilId(1),
            lesson: 16,
        },
        AbsenceError::LessonAmount {
            pupil: PupilId(1),
            date: d(2018, 1, 1),
            lesson: 1,
        },
        AbsenceError::CsvHeader {
            column: "kind".into(),
        },
        AbsenceError::CsvField {
            line: 2,
            column: "date".into(),
            value: "x".into(),
            expected: "a date".into(),
        },
        AbsenceError::CsvRow {
            line: 2,
            reason: "r".into(),
        },
        AbsenceError::CsvQuote { line: 3 },
        AbsenceError::CsvDuplicateColumn {
            column: "hours".into(),
        },
        AbsenceError::CsvSeparator { found: ';' },
        AbsenceError::CsvLineTooLong {
            line: 3,
            limit: 65_536,
        },
        AbsenceError::LateWithoutDelay {
            pupil: PupilId(1),
            date: d(2018, 1, 1),
        },
        AbsenceError::Io { reason: "r".into() },
    ]
}

#[test]
fn every_error_has_three_messages_and_a_code() {
    let mut codes = std::collections::HashSet::new();
    for e in every_error() {
        assert!(codes.insert(e.code()), "repeated code {}", e.code());
        assert!(e.code().starts_with("absence."));
        let texts: Vec<String> = Locale::ALL.iter().map(|&l| e.message(l)).collect();
        for t in &texts {
            assert!(!t.is_empty());
            assert!(t.chars().next().unwrap().is_lowercase(), "{t}");
        }
        assert_ne!(texts[0], texts[1]);
        assert_ne!(texts[1], texts[2]);
    }
}

#[test]
fn errors_quote_input_cut_and_escaped() {
    let safe = |e: &AbsenceError| {
        for l in Locale::ALL {
            let m = e.message(l);
            assert!(!m.chars().any(char::is_control), "{m:?}");
            assert!(!m.contains('\u{202e}'), "{m:?}");
            assert!(m.chars().count() < 800, "{m}");
        }
    };
    let long = format!("1\u{1b}[2J\n{}", "9".repeat(1_000));
    let e = long.parse::<Quantity>().unwrap_err();
    safe(&e);
    assert!(e.to_string().contains(r"`1\u{1b}[2J\n99"), "{e}");
    assert!(
        e.to_string().contains("…` (and 942 more characters)"),
        "{e}"
    );
    assert!(e.message(Locale::Pl).contains("(i jeszcze 942 znaki)"));
    assert!(e.message(Locale::Bg).contains("(и още 942 знака)"));
    let e = "5\u{202e}%".parse::<Percent>().unwrap_err();
    safe(&e);
    let csv = format!(
        "pupil_id,date,hours,kind\n1,2026-03-02,2,\u{1b}[31m{}\n",
        "z".repeat(3_000)
    );
    let e = read_records(csv.as_bytes(), Mode::Strict).unwrap_err();
    safe(&e);
    let mut p = RuleProfile::bg_isrm();
    p.id = format!("x\n{}", "p".repeat(2_000));
    p.rules[0].id = "r\u{1b}[0m".into();
    p.rules[1].id = "r\u{1b}[0m".into();
    let e = p.validate().unwrap_err();
    safe(&e);
}
