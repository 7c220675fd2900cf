//! Messages as a clerk reads them: exact texts of representative messages in each language,
//! plural forms, and echoes of input that stay bounded whatever its size. (The sweep of every
//! message code through `edurules_locale::lint` is in `src/sweep.rs`, inside the crate, where
//! its matches are exhaustive.)

use edurules_absence::*;

use crate::support::{both_thresholds_profile, d};

#[test]
fn polish_plural_forms_one_few_many() {
    let row = |expected, found| AbsenceError::CsvRow {
        line: 7,
        reason: RowProblem::FieldCount { expected, found },
    };
    assert_eq!(
        row(1, 2).message(Locale::Pl),
        "Plik CSV, wiersz 7: wiersz ma 2 pola, a powinien mieć 1 pole."
    );
    assert_eq!(
        row(5, 22).message(Locale::Pl),
        "Plik CSV, wiersz 7: wiersz ma 22 pola, a powinien mieć 5 pól."
    );
    assert_eq!(
        row(12, 1).message(Locale::Pl),
        "Plik CSV, wiersz 7: wiersz ma 1 pole, a powinien mieć 12 pól."
    );
    assert_eq!(
        row(4, 5).message(Locale::Bg),
        "CSV файл, ред 7: редът има 5 полета, а трябва да има 4 полета."
    );
    assert_eq!(
        row(1, 2).message(Locale::En),
        "CSV file, line 7: the line has 2 fields but should have 1 field."
    );
    let long = |limit| AbsenceError::CsvLineTooLong { line: 3, limit };
    assert!(long(1).message(Locale::Pl).contains("dłuższy niż 1 bajt;"));
    assert!(long(2).message(Locale::Pl).contains("dłuższy niż 2 bajty;"));
    assert!(
        long(5)
            .message(Locale::Pl)
            .contains("dłuższy niż 5 bajtów;")
    );
    assert!(
        long(22)
            .message(Locale::Bg)
            .contains("по-дълъг от 22 байта;")
    );
}

#[test]
fn the_reported_mixtures_are_now_one_language() {
    // "`sick` не е one of excused, unexcused, late" (issue #16).
    let csv = "pupil_id,date,hours,kind\n1,2018-03-05,2,sick\n";
    let err = read_records(csv.as_bytes(), Mode::Strict).unwrap_err();
    assert_eq!(
        err.message(Locale::Bg),
        "CSV файл, ред 2, колона „kind“: „sick“ не е вид отсъствие; възможни са „excused“, „unexcused“ или „late“."
    );
    assert_eq!(
        err.message(Locale::Pl),
        "Plik CSV, wiersz 2, kolumna „kind”: „sick” nie jest rodzajem nieobecności; dozwolone są „excused”, „unexcused” lub „late”."
    );
    assert_eq!(
        err.to_string(),
        "CSV file, line 2, column “kind”: “sick” is not a kind of absence; use “excused”, “unexcused” or “late”."
    );
    // "nieprawidłowy okres: `2017-09-15` is before `2018-06-01`".
    let err = Window::school_year(d(2018, 6, 1), d(2017, 9, 15)).unwrap_err();
    assert_eq!(
        err.message(Locale::Pl),
        "Okres jest odwrócony: kończy się 15 września 2017 r., przed swoim początkiem (1 czerwca 2018 r.)."
    );
    assert_eq!(
        err.message(Locale::Bg),
        "Периодът е обърнат: завършва на 15 септември 2017 г., преди началото си (1 юни 2018 г.)."
    );
}

#[test]
fn findings_use_the_decimal_comma_and_local_dates() {
    let roster = Roster::new(vec![Pupil::new(
        PupilId(5),
        SchoolId("S1".into()),
        Level::School,
    )])
    .unwrap();
    let planned = Planned::default();
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let half = |h| Quantity::from_sixtieths(h);
    let records = [AbsenceRecord::new(
        PupilId(5),
        d(2018, 2, 1),
        half(41 * 60 + 30),
        Unit::Hours,
        AbsenceKind::Unexcused,
    )];
    let report = ev.evaluate_records(&records).unwrap();
    let flag = &report.flags[0];
    let pl = flag.message(Locale::Pl);
    assert!(
        pl.starts_with(
            "Uczeń 5 (szkoła „S1”): nieobecności nieusprawiedliwione od 15 września 2017 r. do 1 czerwca 2018 r.: 41,5 godziny lekcyjnej (próg: więcej niż 40 godzin lekcyjnych). Reguła „bg.isrm.unexcused”, podstawa prawna: „"
        ),
        "{pl}"
    );
    let bg = flag.message(Locale::Bg);
    assert!(
        bg.starts_with(
            "Ученик 5 (училище „S1“): неизвинени отсъствия от 15 септември 2017 г. до 1 юни 2018 г.: 41,5 учебни часа (праг: над 40 учебни часа). Правило „bg.isrm.unexcused“, правно основание: „"
        ),
        "{bg}"
    );
    let en = flag.message(Locale::En);
    assert!(
        en.contains("unexcused absences from 15 September 2017 to 1 June 2018: 41.5 hours (threshold: more than 40 hours)"),
        "{en}"
    );
}

#[test]
fn a_signal_before_its_window_is_refused() {
    let roster = Roster::default();
    let planned = Planned::default();
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let report = ev.evaluate_records(&[]).unwrap();
    let err = report.signals(d(2017, 9, 14)).unwrap_err();
    assert_eq!(
        err,
        AbsenceError::SignalBeforeWindow {
            issued_on: d(2017, 9, 14),
            first: d(2017, 9, 15)
        }
    );
    assert_eq!(err.code(), "absence.signal_before_window");
    // Inside the window, before its last day: the signal would report on days not yet come
    // (found in review: a signal of 15 September 2017 reported the year to 1 June 2018).
    for issued_on in [d(2017, 9, 15), d(2018, 5, 31)] {
        assert_eq!(
            report.signals(issued_on).unwrap_err(),
            AbsenceError::SignalBeforeWindowEnd {
                issued_on,
                last: d(2018, 6, 1)
            }
        );
    }
    assert!(report.signals(d(2018, 6, 1)).unwrap().is_empty());
    // During the school year: a window that ends on the day of the signal.
    let so_far = Window::school_year(d(2017, 9, 15), d(2018, 3, 1)).unwrap();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), so_far, &roster, &planned).unwrap();
    assert!(
        ev.evaluate_records(&[])
            .unwrap()
            .signals(d(2018, 3, 1))
            .is_ok()
    );
}

#[test]
fn a_100_000_character_input_gives_a_short_message() {
    let huge = "9".repeat(100_000);
    let mut errors = vec![
        huge.parse::<Quantity>().unwrap_err(),
        huge.parse::<Percent>().unwrap_err(),
        AbsenceError::CsvHeader {
            column: huge.clone(),
        },
        AbsenceError::Io {
            path: Some(huge.clone()),
            kind: std::io::ErrorKind::NotFound,
            reason: huge.clone(),
        },
    ];
    let csv = format!("pupil_id,date,hours,kind\n1,2026-03-02,2,{huge}\n");
    errors.push(read_records(csv.as_bytes(), Mode::Strict).unwrap_err());
    let csv = format!("pupil_id,date,hours,kind\n{huge},2026-03-02,2,late\n");
    errors.push(read_records(csv.as_bytes(), Mode::Strict).unwrap_err());
    let mut p = RuleProfile::bg_isrm();
    p.id = huge.clone();
    p.rules[0].id = huge.clone();
    p.rules[1].id = huge.clone();
    errors.push(p.validate().unwrap_err());
    for e in &errors {
        for l in Locale::ALL {
            let m = e.message(l);
            // One echoed value (an amount, a percentage, a column, a file): under 300 bytes, even
            // in Cyrillic; a CSV line names its column too; a profile lists up to five problems.
            let limit = match e {
                AbsenceError::InvalidProfile { .. } => 1_200,
                AbsenceError::CsvField { .. } => 400,
                _ => 300,
            };
            assert!(m.len() < limit, "{} bytes: {m}", m.len());
            assert!(!m.chars().any(char::is_control), "{m:?}");
        }
    }
    let e = huge.parse::<Quantity>().unwrap_err();
    assert!(
        e.message(Locale::Pl).len() < 300,
        "{}",
        e.message(Locale::Pl)
    );
    assert!(
        e.message(Locale::Pl)
            .contains("…” (i jeszcze 99\u{a0}936 znaków)"),
        "{}",
        e.message(Locale::Pl)
    );
}

#[test]
fn control_and_invisible_characters_are_escaped() {
    let e = "5\u{202e}%".parse::<Percent>().unwrap_err();
    for l in Locale::ALL {
        let m = e.message(l);
        assert!(!m.contains('\u{202e}'), "{m:?}");
        assert!(m.contains("\\u{202e}"), "{m:?}");
    }
}

#[test]
fn the_shared_message_trait_renders_the_same_text() {
    let e = AbsenceError::DuplicatePupil { pupil: PupilId(9) };
    for l in Locale::ALL {
        assert_eq!(Message::message(&e, l), e.message(l));
    }
    assert_eq!(Message::code(&e), e.code());
}

#[test]
fn a_missing_file_is_named_and_explained_in_each_language() {
    let (roster, planned) = (Roster::default(), Planned::default());
    let ev = Evaluator::new(
        RuleProfile::bg_isrm(),
        Window::month(2018, 3).unwrap(),
        &roster,
        &planned,
    )
    .unwrap();
    let path = std::path::Path::new("/nonexistent/absences.csv");
    let Err(err) = accumulate_csv_file(&ev, path, Mode::Strict) else {
        panic!("a missing file is an error")
    };
    assert!(
        matches!(
            err,
            AbsenceError::Io {
                kind: std::io::ErrorKind::NotFound,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.message(Locale::Pl),
        "Nie można odczytać pliku „/nonexistent/absences.csv”: plik nie istnieje."
    );
    assert_eq!(
        err.message(Locale::Bg),
        "Грешка при четене на файла „/nonexistent/absences.csv“: файлът не съществува."
    );
    assert!(
        err.to_string()
            .starts_with("Cannot read the file “/nonexistent/absences.csv”: “No such file"),
        "{err}"
    );
}

proptest::proptest! {
    /// Whatever a CSV cell or a configuration value holds, the message quoting it has no control
    /// character, stays short, and (when the value holds no quotation mark that could close the
    /// quote early) passes the language check in every locale.
    #[test]
    fn any_echoed_value_gives_a_short_clean_message(value in "\\PC{0,300}|[\\x00-\\x1f\\u{202e}a-z ]{0,300}") {
        let mut errors = vec![
            AbsenceError::CsvHeader { column: value.clone() },
            AbsenceError::CsvDuplicateColumn { column: value.clone() },
        ];
        errors.extend(value.parse::<Quantity>().err());
        errors.extend(value.parse::<Percent>().err());
        let csv = format!("pupil_id,date,hours,kind\n1,2026-03-02,2,{value}\n");
        errors.extend(read_records(csv.as_bytes(), Mode::Strict).err());
        for e in &errors {
            for l in Locale::ALL {
                let m = e.message(l);
                proptest::prop_assert!(!m.chars().any(char::is_control), "{:?}", m);
                proptest::prop_assert!(m.len() < 700, "{} bytes: {}", m.len(), m);
                let (open, close) = l.quotation_marks();
                if !value.contains([open, close]) {
                    let problems = edurules_locale::lint::problems(l, &m);
                    proptest::prop_assert!(problems.is_empty(), "{:?}: {}", problems, m);
                }
            }
        }
    }
}

/// A flag of two findings, written whole in each language: the findings joined by `; `, the
/// rule and its basis quoted once.
#[test]
fn a_flag_of_two_findings_is_one_sentence_in_each_language() {
    let profile = both_thresholds_profile();
    let roster = Roster::new(vec![Pupil::new(
        PupilId(12),
        SchoolId("SU-3".into()),
        Level::School,
    )])
    .unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(profile, Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
    let r = |sixtieths, kind| {
        AbsenceRecord::new(
            PupilId(12),
            d(2026, 3, 3),
            Quantity::from_sixtieths(sixtieths),
            Unit::Hours,
            kind,
        )
    };
    let records = [
        r(11 * 60 + 30, AbsenceKind::Unexcused),
        r(9 * 60, AbsenceKind::Excused),
    ];
    let report = ev.evaluate_records(&records).unwrap();
    let [flag] = report.flags.as_slice() else {
        panic!("one flag: {:?}", report.flags);
    };
    assert_eq!(
        flag.message(Locale::Pl),
        "Uczeń 12 (szkoła „SU-3”): nieobecności nieusprawiedliwione od 1 marca 2026 r. do 31 marca 2026 r.: 11,5 godziny lekcyjnej (próg: więcej niż 10 godzin lekcyjnych); nieobecności łącznie od 1 marca 2026 r. do 31 marca 2026 r.: 20,5 godziny lekcyjnej (próg: więcej niż 20 godzin lekcyjnych). Reguła „both”, podstawa prawna: „school rulebook”."
    );
    assert_eq!(
        flag.message(Locale::Bg),
        "Ученик 12 (училище „SU-3“): неизвинени отсъствия от 1 март 2026 г. до 31 март 2026 г.: 11,5 учебни часа (праг: над 10 учебни часа); отсъствия общо от 1 март 2026 г. до 31 март 2026 г.: 20,5 учебни часа (праг: над 20 учебни часа). Правило „both“, правно основание: „school rulebook“."
    );
    assert_eq!(
        flag.message(Locale::En),
        "Pupil 12 (school “SU-3”): unexcused absences from 1 March 2026 to 31 March 2026: 11.5 hours (threshold: more than 10 hours); absences of every kind from 1 March 2026 to 31 March 2026: 20.5 hours (threshold: more than 20 hours). Rule “both”; legal basis: “school rulebook”."
    );
    // Each finding's own clause is the one inside the sentence.
    for l in [Locale::Pl, Locale::Bg, Locale::En] {
        let clauses: Vec<String> = flag.findings.iter().map(|f| f.message(l)).collect();
        assert!(flag.message(l).contains(&clauses.join("; ")), "{l:?}");
    }
}
