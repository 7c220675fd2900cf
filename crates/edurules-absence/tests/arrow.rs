//! The Arrow path (feature `arrow`): the same reports as the CSV path on the same data, the
//! boundary table through Arrow, typed errors naming the column and the row, and a property.

use std::fmt::Write as _;
use std::sync::Arc;

use chrono::NaiveDate;
use edurules_absence::arrow::arrow_array::cast::AsArray;
use edurules_absence::arrow::arrow_array::types::Int8Type;
use edurules_absence::arrow::arrow_array::{
    Array, ArrayRef, Date32Array, DictionaryArray, Float64Array, Int8Array, Int64Array,
    RecordBatch, StringArray, UInt8Array, UInt32Array, UInt64Array,
};
use edurules_absence::arrow::{
    StreamError, read_roster, record_schema, report_batch, report_schema,
};
use edurules_absence::*;
use proptest::prelude::*;
use serde::Deserialize;

use crate::support::d;

pub(crate) fn days(date: NaiveDate) -> i32 {
    i32::try_from((date - d(1970, 1, 1)).num_days()).unwrap()
}

/// Records as Arrow columns: `kind` dictionary-encoded, `unit` plain strings with nulls for the
/// default, `amount` as `Float64`.
pub(crate) fn batch_of(records: &[AbsenceRecord]) -> RecordBatch {
    let kinds: DictionaryArray<Int8Type> = records.iter().map(|r| r.kind.as_str()).collect();
    let units: StringArray = records
        .iter()
        .map(|r| match (r.kind, r.unit) {
            (AbsenceKind::Late, Unit::Minutes) => None,
            (_, Unit::Hours) if r.pupil.0 % 2 == 0 => Some("lessons"),
            (_, Unit::Hours) => None,
            (_, u) => Some(u.as_str()),
        })
        .collect();
    RecordBatch::try_from_iter([
        (
            "pupil_id",
            Arc::new(UInt64Array::from_iter_values(
                records.iter().map(|r| r.pupil.0),
            )) as ArrayRef,
        ),
        (
            "date",
            Arc::new(Date32Array::from_iter_values(
                records.iter().map(|r| days(r.date)),
            )),
        ),
        (
            "amount",
            Arc::new(Float64Array::from_iter_values(records.iter().map(|r| {
                #[expect(clippy::cast_precision_loss, reason = "test amounts are small")]
                let s = r.amount.sixtieths() as f64;
                s / 60.0
            }))),
        ),
        ("kind", Arc::new(kinds)),
        ("unit", Arc::new(units)),
        (
            "lesson",
            Arc::new(records.iter().map(|r| r.lesson).collect::<UInt8Array>()),
        ),
    ])
    .unwrap()
}

pub(crate) fn csv_of(records: &[AbsenceRecord]) -> String {
    let mut out = String::from("pupil_id,date,hours,kind,lesson,unit\n");
    for r in records {
        let lesson = r.lesson.map(|l| l.to_string()).unwrap_or_default();
        writeln!(
            out,
            "{},{},{},{},{lesson},{}",
            r.pupil.0,
            r.date,
            r.amount,
            r.kind.as_str(),
            r.unit.as_str()
        )
        .unwrap();
    }
    out
}

fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut x = seed;
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}

/// Records of every sort: fractional hours (½, ⅓), days, late arrivals, numbered lessons and
/// their duplicates, unknown pupils (id 0 and past the roster), dates outside the window.
pub(crate) fn generated(n: usize, pupils: u64, seed: u64) -> Vec<AbsenceRecord> {
    let mut next = xorshift(seed);
    let first = d(2017, 9, 1);
    (0..n)
        .map(|_| {
            let r = next();
            let pupil = PupilId(r % (pupils + 3));
            let date = first + chrono::Days::new((r >> 12) % 320);
            let lesson = u8::try_from((r >> 24) % 8).unwrap();
            let amount = Quantity::from_sixtieths([20, 30, 60, 120, 600][(r >> 30) as usize % 5]);
            match (r >> 40) % 8 {
                0 => AbsenceRecord::lesson(pupil, date, lesson, AbsenceKind::Unexcused, 0),
                1 => AbsenceRecord::lesson(
                    pupil,
                    date,
                    lesson,
                    AbsenceKind::Late,
                    1 + (r >> 50) % 40,
                ),
                2 => AbsenceRecord::new(
                    pupil,
                    date,
                    Quantity::whole(1 + (r >> 50) % 40),
                    Unit::Minutes,
                    AbsenceKind::Late,
                ),
                3 => AbsenceRecord::new(pupil, date, amount, Unit::Days, AbsenceKind::Unexcused),
                4 | 5 => {
                    AbsenceRecord::new(pupil, date, amount, Unit::Hours, AbsenceKind::Unexcused)
                }
                _ => AbsenceRecord::new(pupil, date, amount, Unit::Hours, AbsenceKind::Excused),
            }
        })
        .collect()
}

pub(crate) fn roster_csv(pupils: u64) -> String {
    let mut out = String::from("pupil_id,school_id,level,grade\n");
    for id in 1..=pupils {
        let (level, grade) = if id % 5 == 0 {
            ("preschool", String::new())
        } else {
            ("school", (id % 12 + 1).to_string())
        };
        writeln!(out, "{id},SU-{},{level},{grade}", id % 3).unwrap();
    }
    out
}

pub(crate) fn roster_batch(pupils: u64) -> RecordBatch {
    let ids: Vec<u64> = (1..=pupils).collect();
    let levels: DictionaryArray<Int8Type> = ids
        .iter()
        .map(|id| if id % 5 == 0 { "preschool" } else { "school" })
        .collect();
    let grades: UInt8Array = ids
        .iter()
        .map(|id| (id % 5 != 0).then(|| u8::try_from(id % 12 + 1).unwrap()))
        .collect();
    RecordBatch::try_from_iter([
        (
            "pupil_id",
            Arc::new(UInt64Array::from(ids.clone())) as ArrayRef,
        ),
        (
            "school_id",
            Arc::new(StringArray::from_iter_values(
                ids.iter().map(|id| format!("SU-{}", id % 3)),
            )),
        ),
        ("level", Arc::new(levels)),
        ("grade", Arc::new(grades)),
    ])
    .unwrap()
}

pub(crate) fn every_rule() -> RuleProfile {
    let mut profile = RuleProfile::bg_isrm();
    profile
        .rules
        .extend(RuleProfile::pl_compulsory_schooling().rules);
    profile.rules.extend(RuleProfile::chronic_absence().rules);
    profile
}

#[test]
fn arrow_and_csv_give_the_same_report() {
    let pupils = 60;
    let (roster_rows, _) =
        edurules_absence::read_roster(roster_csv(pupils).as_bytes(), Mode::Strict).unwrap();
    let roster = Roster::new(roster_rows).unwrap();
    assert_eq!(
        read_roster([&roster_batch(pupils)]).unwrap().pupils(),
        roster.pupils()
    );
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let mut planned = Planned::default();
    for id in 1..=pupils {
        for ym in window.months() {
            planned.set_month(PupilId(id), ym, Unit::Hours, Quantity::whole(40));
        }
        planned.set_window(PupilId(id), Unit::Days, Quantity::whole(170));
    }
    let ev = Evaluator::new(every_rule(), window, &roster, &planned).unwrap();
    for seed in [1_u64, 0x9E37_79B9_7F4A_7C15, 42] {
        let records = generated(20_000, pupils, seed);
        let (from_csv, _) =
            accumulate_csv_bytes(&ev, csv_of(&records).as_bytes(), Mode::Strict).unwrap();
        let mut from_arrow = ev.accumulator();
        for chunk in records.chunks(3_001) {
            from_arrow.push_arrow(&batch_of(chunk)).unwrap();
        }
        let (a, b) = (ev.evaluate(&from_csv), ev.evaluate(&from_arrow));
        assert!(a.stats.unknown_pupil > 0 && a.stats.outside_window > 0 && a.stats.duplicates > 0);
        assert!(!a.flags.is_empty() && !a.not_counted.is_empty());
        assert_eq!(a, b, "seed {seed}");
        let out = report_batch(&b);
        assert_eq!(out.schema().as_ref(), &report_schema());
        let findings: usize = b.flags.iter().map(|f| f.findings.len()).sum();
        assert_eq!(out.num_rows(), findings);
        assert_eq!(report_batch(&a), out);
    }
}

/// `generated` records reduced to the common layout (hours and late minutes, no lesson).
fn plain_records(n: usize, pupils: u64, seed: u64, sorted: bool) -> Vec<AbsenceRecord> {
    let mut records: Vec<AbsenceRecord> = generated(n, pupils, seed)
        .into_iter()
        .map(|r| match r.kind {
            AbsenceKind::Late => AbsenceRecord::new(
                r.pupil,
                r.date,
                Quantity::whole(1 + r.pupil.0 % 40),
                Unit::Minutes,
                AbsenceKind::Late,
            ),
            kind => AbsenceRecord::new(r.pupil, r.date, r.amount, Unit::Hours, kind),
        })
        .collect();
    if sorted {
        records.sort_by_key(|r| r.pupil);
    }
    records
}

#[test]
fn a_stream_on_many_threads_counts_as_push_arrow() {
    let pupils = 60;
    let roster = read_roster([&roster_batch(pupils)]).unwrap();
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(every_rule(), window, &roster, &planned).unwrap();
    for (seed, sorted) in [(1_u64, false), (7, true), (42, false)] {
        // The general layout (units, lessons and their duplicates) and the common one, each
        // in random pupil order (classified) or grouped (run by run).
        let general = generated(20_000, pupils, seed);
        let plain = plain_records(20_000, pupils, seed, sorted);
        for (records, batch) in [
            (&general, batch_of as fn(&[AbsenceRecord]) -> RecordBatch),
            (&plain, |r: &[AbsenceRecord]| plain_batch_of(r, false)),
        ] {
            let mut one = ev.accumulator();
            for chunk in records.chunks(997) {
                one.push_arrow(&batch(chunk)).unwrap();
            }
            let expected = ev.evaluate(&one);
            assert!(!expected.flags.is_empty());
            for threads in [0, 1, 2, 3, 8] {
                for size in [997, 5_000, 20_000] {
                    let stream = records.chunks(size).map(|c| Ok::<_, String>(batch(c)));
                    let acc = ev.accumulate_arrow(stream, threads).unwrap();
                    assert_eq!(
                        ev.evaluate(&acc),
                        expected,
                        "seed {seed}, sorted {sorted}, {threads} threads, batches of {size}"
                    );
                }
            }
        }
    }
    // An empty stream, and an empty batch.
    let empty = ev.accumulate_arrow(std::iter::empty::<Result<RecordBatch, String>>(), 2);
    assert_eq!(empty.unwrap().stats().records, 0);
    let acc = ev
        .accumulate_arrow([Ok::<_, String>(plain_batch_of(&[], false))], 2)
        .unwrap();
    assert_eq!(acc.stats().records, 0);
}

#[test]
fn a_stream_stops_at_its_first_refused_row_whatever_the_threads() {
    let roster = read_roster([&roster_batch(10)]).unwrap();
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let good = plain_records(50, 10, 3, false);
    let mut late_zero = good.clone();
    // A late arrival of 0 minutes, at row 17 of batch 2.
    late_zero[17] = AbsenceRecord::new(
        PupilId(4),
        d(2017, 10, 2),
        Quantity::ZERO,
        Unit::Minutes,
        AbsenceKind::Late,
    );
    let mut no_column = plain_batch_of(&good, false);
    no_column.remove_column(3);
    for threads in [1, 2, 3, 4] {
        let stream = [
            Ok(plain_batch_of(&good, false)),
            Ok(plain_batch_of(&good, false)),
            Ok(plain_batch_of(&late_zero, false)),
            Ok(no_column.clone()),
            Err("the source failed"),
        ];
        match ev.accumulate_arrow(stream, threads) {
            Err(StreamError::Batch { batch: 2, error }) => {
                assert_eq!(error.code(), "absence.arrow_record", "{error}");
                assert!(
                    matches!(error, AbsenceError::ArrowRecord { row: 17, .. }),
                    "{error:?}"
                );
            }
            other => panic!("{threads} threads: {other:?}"),
        }
        let stream = [Ok(plain_batch_of(&good, false)), Err("the source failed")];
        assert_eq!(
            ev.accumulate_arrow(stream, threads).unwrap_err(),
            StreamError::Source {
                batch: 1,
                error: "the source failed"
            }
        );
        let stream = [
            Ok::<_, &str>(plain_batch_of(&good, false)),
            Ok(no_column.clone()),
        ];
        assert_eq!(
            ev.accumulate_arrow(stream, threads).unwrap_err(),
            StreamError::Batch {
                batch: 1,
                error: AbsenceError::ArrowMissingColumn {
                    column: "kind".into()
                }
            }
        );
    }
}

#[derive(Deserialize)]
#[expect(dead_code, reason = "only the fields the Arrow test needs are read")]
struct Case {
    name: String,
    source: String,
    profile: String,
    level: Level,
    #[serde(default)]
    planned: Option<Quantity>,
    records: Vec<(AbsenceKind, Unit, Quantity)>,
    expect: Vec<String>,
    #[serde(default)]
    not_counted: u64,
}

/// The boundary table (`tests/data/boundaries.json`, each case citing its source) through Arrow,
/// with amounts as text in the CSV syntax and the kind and unit as plain strings.
#[test]
fn every_boundary_case_through_arrow() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("data/boundaries.json")).unwrap();
    for case in cases {
        let (profile, window) = match case.profile.as_str() {
            "bg" => (
                RuleProfile::bg_isrm(),
                Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap(),
            ),
            "pl" => (
                RuleProfile::pl_compulsory_schooling(),
                Window::month(2026, 3).unwrap(),
            ),
            _ => (
                RuleProfile::chronic_absence(),
                Window::school_year(d(2025, 9, 1), d(2026, 6, 26)).unwrap(),
            ),
        };
        let roster = Roster::new(vec![crate::support::pupil(1, case.level)]).unwrap();
        let mut planned = Planned::default();
        if let Some(p) = case.planned {
            planned.set_month(PupilId(1), YearMonth::new(2026, 3), Unit::Days, p);
            planned.set_window(PupilId(1), Unit::Days, p);
        }
        let ev = Evaluator::new(profile, window, &roster, &planned).unwrap();
        let n = case.records.len();
        let dates = (0..n).map(|i| days(window.first() + chrono::Days::new(1 + i as u64 % 3)));
        let batch = RecordBatch::try_from_iter([
            (
                "pupil_id",
                Arc::new(UInt64Array::from(vec![1; n])) as ArrayRef,
            ),
            ("date", Arc::new(Date32Array::from_iter_values(dates))),
            (
                "hours",
                Arc::new(StringArray::from_iter_values(
                    case.records.iter().map(|r| r.2.to_string()),
                )),
            ),
            (
                "kind",
                Arc::new(StringArray::from_iter_values(
                    case.records.iter().map(|r| r.0.as_str()),
                )),
            ),
            (
                "unit",
                Arc::new(StringArray::from_iter_values(
                    case.records.iter().map(|r| r.1.as_str()),
                )),
            ),
        ])
        .unwrap();
        let mut acc = ev.accumulator();
        acc.push_arrow(&batch).unwrap();
        let report = ev.evaluate(&acc);
        let flagged: Vec<&str> = report.flags.iter().map(|f| f.rule.id()).collect();
        assert_eq!(flagged, case.expect, "{}", case.name);
        assert_eq!(report.stats.not_counted, case.not_counted, "{}", case.name);
        let out = report_batch(&report);
        let rules = out.column_by_name("rule").unwrap().as_string::<i64>();
        let mut rules: Vec<&str> = rules.iter().map(Option::unwrap).collect();
        rules.dedup();
        assert_eq!(rules, case.expect, "{}", case.name);
    }
}

fn one_pupil() -> (Roster, Planned, Window) {
    (
        Roster::new(vec![crate::support::pupil(1, Level::School)]).unwrap(),
        Planned::default(),
        Window::month(2026, 3).unwrap(),
    )
}

fn columns(extra: Vec<(&str, ArrayRef)>, without: &str) -> RecordBatch {
    let mut cols: Vec<(&str, ArrayRef)> = vec![
        ("pupil_id", Arc::new(UInt64Array::from(vec![1, 1, 1]))),
        (
            "date",
            Arc::new(Date32Array::from(vec![days(d(2026, 3, 2)); 3])),
        ),
        ("amount", Arc::new(Float64Array::from(vec![1.0, 0.5, 2.0]))),
        (
            "kind",
            Arc::new(StringArray::from(vec!["excused", "unexcused", "excused"])),
        ),
    ];
    cols.retain(|(name, _)| *name != without && !extra.iter().any(|(n, _)| n == name));
    cols.extend(extra);
    RecordBatch::try_from_iter(cols).unwrap()
}

#[test]
fn errors_name_the_column_and_the_row() {
    let (roster, planned, window) = one_pupil();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let mut acc = ev.accumulator();
    acc.push_arrow(&columns(vec![], "")).unwrap();
    let before = acc.stats();
    let err = |batch: RecordBatch| {
        let mut acc2 = acc.clone();
        let e = acc2.push_arrow(&batch).unwrap_err();
        assert_eq!(acc2.stats(), before, "a refused batch adds nothing");
        e
    };
    for column in ["pupil_id", "date", "amount", "kind"] {
        assert_eq!(
            err(columns(vec![], column)),
            AbsenceError::ArrowMissingColumn {
                column: column.into()
            }
        );
    }
    let e = err(columns(
        vec![("date", Arc::new(StringArray::from(vec!["2026-03-02"; 3])))],
        "",
    ));
    assert_eq!(e.code(), "absence.arrow_column_type");
    assert_eq!(
        e.message(Locale::En),
        "The Arrow column “date” has the type “Utf8”; the types accepted: “Date32”."
    );
    assert!(
        e.message(Locale::Pl)
            .starts_with("Kolumna „date” danych w formacie „Arrow” ma typ „Utf8”")
    );
    assert!(
        e.message(Locale::Bg)
            .starts_with("Колона „date“ на данните във формат „Arrow“ е от тип „Utf8“")
    );
    let e = err(columns(
        vec![("kind", Arc::new(Int64Array::from(vec![0, 1, 0])))],
        "",
    ));
    assert!(matches!(e, AbsenceError::ArrowColumnType { ref column, .. } if column == "kind"));
    let e = err(columns(
        vec![(
            "amount",
            Arc::new(Float64Array::from(vec![Some(1.0), None, Some(1.0)])),
        )],
        "",
    ));
    assert_eq!(
        e,
        AbsenceError::ArrowNull {
            column: "amount".into(),
            row: 1
        }
    );
    assert_eq!(
        e.message(Locale::Pl),
        "Dane w formacie „Arrow”, wiersz o indeksie 1, kolumna „amount”: brak wartości, a ta kolumna jej wymaga."
    );
    // A null key of a dictionary column.
    let kinds: DictionaryArray<Int8Type> = vec![Some("excused"), Some("excused"), None]
        .into_iter()
        .collect();
    assert_eq!(
        err(columns(vec![("kind", Arc::new(kinds))], "")),
        AbsenceError::ArrowNull {
            column: "kind".into(),
            row: 2
        }
    );
    // A bad value: its row and its text.
    let e = err(columns(
        vec![(
            "amount",
            Arc::new(Float64Array::from(vec![1.0, 1.0, 0.001])),
        )],
        "",
    ));
    assert_eq!(
        e,
        AbsenceError::ArrowValue {
            column: "amount".into(),
            row: 2,
            value: "0.001".into(),
            expected: FieldFormat::Amount
        }
    );
    let kinds: DictionaryArray<Int8Type> = vec!["excused", "sick", "excused"].into_iter().collect();
    assert_eq!(
        err(columns(vec![("kind", Arc::new(kinds))], "")),
        AbsenceError::ArrowValue {
            column: "kind".into(),
            row: 1,
            value: "sick".into(),
            expected: FieldFormat::Kind
        }
    );
    let e = err(columns(
        vec![("pupil_id", Arc::new(Int64Array::from(vec![1, -4, 1])))],
        "",
    ));
    assert!(matches!(
        e,
        AbsenceError::ArrowValue {
            row: 1,
            expected: FieldFormat::PupilId,
            ..
        }
    ));
    for amount in [f64::NAN, f64::INFINITY, -0.5, 1e300] {
        let e = err(columns(
            vec![(
                "amount",
                Arc::new(Float64Array::from(vec![1.0, amount, 1.0])),
            )],
            "",
        ));
        assert!(
            matches!(e, AbsenceError::ArrowValue { row: 1, .. }),
            "{amount}"
        );
    }
    let e = err(columns(
        vec![(
            "lesson",
            Arc::new(Int64Array::from(vec![Some(1), None, Some(300)])),
        )],
        "",
    ));
    assert!(matches!(
        e,
        AbsenceError::ArrowValue {
            row: 2,
            expected: FieldFormat::SmallNumber,
            ..
        }
    ));
    // Readable values that are not a coherent record: a late arrival of 0 minutes.
    let e = err(columns(
        vec![
            (
                "kind",
                Arc::new(StringArray::from(vec!["excused", "excused", "late"])),
            ),
            ("amount", Arc::new(Float64Array::from(vec![1.0, 1.0, 0.0]))),
        ],
        "",
    ));
    assert_eq!(
        e,
        AbsenceError::ArrowRecord {
            row: 2,
            problem: Box::new(AbsenceError::LateWithoutDelay {
                pupil: PupilId(1),
                date: d(2026, 3, 2)
            })
        }
    );
    // Nulls where allowed: the default unit, no lesson number.
    let mut ok = acc.clone();
    ok.push_arrow(&columns(
        vec![
            (
                "unit",
                Arc::new(StringArray::from(vec![None, Some(""), Some("days")])),
            ),
            ("lesson", Arc::new(UInt8Array::from(vec![None, None, None]))),
        ],
        "",
    ))
    .unwrap();
    assert_eq!(ok.stats().records, 6);
}

#[test]
fn a_school_id_is_one_shared_text_per_school() {
    let ids: ArrayRef = Arc::new(UInt64Array::from(vec![4, 1, 2, 3]));
    let schools: ArrayRef = Arc::new(StringArray::from(vec!["A", "B", "A", "A"]));
    let levels: ArrayRef = Arc::new(StringArray::from(vec!["school"; 4]));
    let batch =
        RecordBatch::try_from_iter([("pupil_id", ids), ("school_id", schools), ("level", levels)])
            .unwrap();
    let other = batch.slice(1, 1);
    let roster = read_roster([&batch, &other.clone()]);
    // Pupil 1 twice, from two batches: the error still names them.
    assert_eq!(
        roster.unwrap_err(),
        AbsenceError::DuplicatePupil { pupil: PupilId(1) }
    );
    let roster = read_roster([&batch]).unwrap();
    let school = |id| &roster.get(PupilId(id)).unwrap().school;
    assert_eq!(
        (1..=4).map(|id| school(id).as_str()).collect::<Vec<_>>(),
        ["B", "A", "A", "A"]
    );
    // Pupils 4 and 2 are not next to each other in the batch: still one text.
    assert!(Arc::ptr_eq(&school(4).0, &school(2).0));
    assert!(Arc::ptr_eq(&school(2).0, &school(3).0));
    assert!(!Arc::ptr_eq(&school(1).0, &school(2).0));
}

#[test]
fn a_dictionary_of_school_ids_is_read_once_per_key() {
    let roster_of = |keys: Vec<i8>| {
        let schools = DictionaryArray::<Int8Type>::try_new(
            Int8Array::from(keys),
            Arc::new(StringArray::from(vec!["A", "B", "", "unused"])),
        )
        .unwrap();
        let n = schools.len() as u64;
        read_roster([&RecordBatch::try_from_iter([
            (
                "pupil_id",
                Arc::new(UInt64Array::from_iter_values(1..=n)) as ArrayRef,
            ),
            ("school_id", Arc::new(schools)),
            (
                "level",
                Arc::new(StringArray::from(vec![
                    "school";
                    usize::try_from(n).unwrap()
                ])),
            ),
        ])
        .unwrap()])
    };
    let roster = roster_of(vec![1, 0, 1, 0]).unwrap();
    let school = |id| &roster.get(PupilId(id)).unwrap().school;
    assert_eq!(
        (1..=4).map(|id| school(id).as_str()).collect::<Vec<_>>(),
        ["B", "A", "B", "A"]
    );
    assert!(Arc::ptr_eq(&school(1).0, &school(3).0));
    assert!(Arc::ptr_eq(&school(2).0, &school(4).0));
    // The empty text is refused where a row uses it, not where only the dictionary holds it.
    assert_eq!(
        roster_of(vec![0, 1, 2]).unwrap_err(),
        AbsenceError::ArrowValue {
            column: "school_id".into(),
            row: 2,
            value: String::new(),
            expected: FieldFormat::SchoolId
        }
    );
}

#[test]
fn roster_errors_name_the_column_and_the_row() {
    let batch = |school: Vec<&str>, level: Vec<&str>| {
        RecordBatch::try_from_iter([
            (
                "pupil_id",
                Arc::new(UInt64Array::from(vec![1, 2])) as ArrayRef,
            ),
            ("school_id", Arc::new(StringArray::from(school))),
            ("level", Arc::new(StringArray::from(level))),
        ])
        .unwrap()
    };
    assert_eq!(
        read_roster([&batch(vec!["A", ""], vec!["school", "school"])]).unwrap_err(),
        AbsenceError::ArrowValue {
            column: "school_id".into(),
            row: 1,
            value: String::new(),
            expected: FieldFormat::SchoolId
        }
    );
    assert_eq!(
        read_roster([&batch(vec!["A", "B"], vec!["school", "class"])])
            .unwrap_err()
            .code(),
        "absence.arrow_value"
    );
    // Both columns wrong: the school id, the column before, is named.
    assert_eq!(
        read_roster([&batch(vec!["A", ""], vec!["class", "school"])])
            .unwrap_err()
            .to_string(),
        read_roster([&batch(vec!["A", ""], vec!["school", "school"])])
            .unwrap_err()
            .to_string()
    );
    // A level like the row before's is not taken for it.
    let level_error = |levels: Vec<&str>| match read_roster([&batch(vec!["A", "B"], levels)]) {
        Err(AbsenceError::ArrowValue {
            column, row, value, ..
        }) => (column, row, value),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        level_error(vec!["school", "School"]),
        ("level".into(), 1, "School".to_owned())
    );
    assert_eq!(
        level_error(vec!["nursery", "nursery"]),
        ("level".into(), 0, "nursery".to_owned())
    );
    let good = batch(vec!["A", "B"], vec!["school", "preschool"]);
    assert_eq!(
        read_roster([&good, &good]).unwrap_err(),
        AbsenceError::DuplicatePupil { pupil: PupilId(1) }
    );
    let no_level = good.project(&[0, 1]).unwrap();
    assert_eq!(
        read_roster([&no_level]).unwrap_err(),
        AbsenceError::ArrowMissingColumn {
            column: "level".into()
        }
    );
}

#[test]
fn the_documented_schema_is_accepted() {
    let (roster, planned, window) = one_pupil();
    let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
    let records = vec![AbsenceRecord::new(
        PupilId(1),
        d(2026, 3, 2),
        Quantity::whole(41),
        Unit::Hours,
        AbsenceKind::Unexcused,
    )];
    let batch = batch_of(&records);
    let kinds: DictionaryArray<Int8Type> = vec!["unexcused"].into_iter().collect();
    let units: DictionaryArray<Int8Type> = vec![Some("hours")].into_iter().collect();
    let batch = RecordBatch::try_new(
        Arc::new(record_schema()),
        vec![
            batch.column(0).clone(),
            batch.column(1).clone(),
            batch.column(2).clone(),
            Arc::new(kinds),
            Arc::new(units),
            Arc::new(UInt8Array::from(vec![None::<u8>])),
        ],
    )
    .unwrap();
    let mut acc = ev.accumulator();
    acc.push_arrow(&batch).unwrap();
    assert_eq!(ev.evaluate(&acc).flags.len(), 1);
    assert_eq!(batch.column(5).null_count(), 1);
}

fn record() -> impl Strategy<Value = AbsenceRecord> {
    (
        0_u64..6,
        0_u64..40,
        0_u8..6,
        1_u64..200,
        prop::option::of(0_u8..16),
    )
        .prop_map(|(p, day, k, amount, lesson)| {
            let date = d(2026, 2, 20) + chrono::Days::new(day);
            match (k, lesson) {
                (0, Some(l)) => AbsenceRecord::lesson(PupilId(p), date, l, AbsenceKind::Excused, 0),
                (1, Some(l)) => {
                    AbsenceRecord::lesson(PupilId(p), date, l, AbsenceKind::Late, 1 + amount % 45)
                }
                (2, _) => AbsenceRecord::new(
                    PupilId(p),
                    date,
                    Quantity::whole(1 + amount % 45),
                    Unit::Minutes,
                    AbsenceKind::Late,
                ),
                (3, _) => AbsenceRecord::new(
                    PupilId(p),
                    date,
                    Quantity::from_sixtieths(amount),
                    Unit::Days,
                    AbsenceKind::Unexcused,
                ),
                (4, _) => AbsenceRecord::new(
                    PupilId(p),
                    date,
                    Quantity::from_sixtieths(amount),
                    Unit::Hours,
                    AbsenceKind::Excused,
                ),
                _ => AbsenceRecord::new(
                    PupilId(p),
                    date,
                    Quantity::from_sixtieths(amount),
                    Unit::Hours,
                    AbsenceKind::Unexcused,
                ),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any records, cut into any batches: the Arrow path counts exactly what `push` counts.
    #[test]
    fn arrow_batches_count_as_push(records in prop::collection::vec(record(), 0..150), cut in 1_usize..40) {
        let roster = Roster::new((1..=4).map(|i| crate::support::pupil(i, if i == 3 { Level::Preschool } else { Level::School })).collect()).unwrap();
        let window = Window::month(2026, 3).unwrap();
        let mut planned = Planned::default();
        for i in 1..=4 {
            planned.set_month(PupilId(i), YearMonth::new(2026, 3), Unit::Hours, Quantity::whole(20));
            planned.set_window(PupilId(i), Unit::Days, Quantity::whole(20));
        }
        let ev = Evaluator::new(every_rule(), window, &roster, &planned).unwrap();
        let mut one_by_one = ev.accumulator();
        for r in &records {
            one_by_one.push(*r).unwrap();
        }
        let mut arrow = ev.accumulator();
        for chunk in records.chunks(cut) {
            arrow.push_arrow(&batch_of(chunk)).unwrap();
        }
        prop_assert_eq!(ev.evaluate(&one_by_one), ev.evaluate(&arrow));
    }
}

/// Records as the common layout (no `unit`, no `lesson` column), the fused one-pass path:
/// amounts as `Float64`, or as whole `UInt32` units when `whole` (then every amount is whole).
fn plain_batch_of(records: &[AbsenceRecord], whole: bool) -> RecordBatch {
    let kinds: DictionaryArray<Int8Type> = records.iter().map(|r| r.kind.as_str()).collect();
    let amounts: ArrayRef = if whole {
        Arc::new(UInt32Array::from_iter_values(
            records
                .iter()
                .map(|r| u32::try_from(r.amount.sixtieths() / 60).unwrap()),
        ))
    } else {
        Arc::new(Float64Array::from_iter_values(records.iter().map(|r| {
            #[expect(clippy::cast_precision_loss, reason = "test amounts are small")]
            let s = r.amount.sixtieths() as f64;
            s / 60.0
        })))
    };
    RecordBatch::try_from_iter([
        (
            "pupil_id",
            Arc::new(UInt64Array::from_iter_values(
                records.iter().map(|r| r.pupil.0),
            )) as ArrayRef,
        ),
        (
            "date",
            Arc::new(Date32Array::from_iter_values(
                records.iter().map(|r| days(r.date)),
            )),
        ),
        ("amount", amounts),
        ("kind", Arc::new(kinds)),
    ])
    .unwrap()
}

/// A record of the common layout: excused or unexcused hours, or a late arrival in minutes, of
/// pupils 0 to 5 (0 and 5 are not in the roster, 3 is a preschool child), dated from 20 February
/// to 31 March 2026 (the window is March).
fn plain_record(whole: bool) -> impl Strategy<Value = AbsenceRecord> {
    (0_u64..6, 0_u64..40, 0_u8..3, 1_u64..400).prop_map(move |(p, day, k, amount)| {
        let date = d(2026, 2, 20) + chrono::Days::new(day);
        let amount = if whole { 60 * (amount % 7 + 1) } else { amount };
        let (kind, unit, amount) = match k {
            0 => (AbsenceKind::Excused, Unit::Hours, amount),
            1 => (AbsenceKind::Unexcused, Unit::Hours, amount),
            _ => (AbsenceKind::Late, Unit::Minutes, 60 * (1 + amount % 45)),
        };
        AbsenceRecord::new(
            PupilId(p),
            date,
            Quantity::from_sixtieths(amount),
            unit,
            kind,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The common layout's one-pass fold (runs of one pupil, late arrivals converted or not,
    /// records of unknown pupils, outside the window or counting towards no rule) counts exactly
    /// what `push` counts, whatever the profile, the batches and the order.
    #[test]
    fn plain_arrow_batches_count_as_push(
        (whole, mut records) in any::<bool>().prop_flat_map(|w| (Just(w), prop::collection::vec(plain_record(w), 0..200))),
        cut in 1_usize..60,
        grouped in any::<bool>(),
        profile in 0_usize..3,
        threads in 1_usize..4,
    ) {
        if grouped {
            records.sort_by_key(|r| r.pupil);
        }
        let roster = Roster::new((1..=4).map(|i| crate::support::pupil(i, if i == 3 { Level::Preschool } else { Level::School })).collect()).unwrap();
        let mut planned = Planned::default();
        for i in 1..=4 {
            planned.set_month(PupilId(i), YearMonth::new(2026, 3), Unit::Hours, Quantity::whole(20));
            planned.set_window(PupilId(i), Unit::Days, Quantity::whole(20));
        }
        let profile = match profile {
            0 => every_rule(),
            1 => RuleProfile::bg_isrm(),
            _ => RuleProfile::pl_compulsory_schooling(),
        };
        let ev = Evaluator::new(profile, Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
        let mut one_by_one = ev.accumulator();
        for r in &records {
            one_by_one.push(*r).unwrap();
        }
        let mut arrow = ev.accumulator();
        for chunk in records.chunks(cut) {
            arrow.push_arrow(&plain_batch_of(chunk, whole)).unwrap();
        }
        prop_assert_eq!(one_by_one.stats(), arrow.stats());
        prop_assert_eq!(ev.evaluate(&one_by_one), ev.evaluate(&arrow));
        // The stream's fold: batches in no pupil order are classified row by row from their
        // columns, to be applied by partition.
        let stream = records.chunks(cut).map(|c| Ok::<_, String>(plain_batch_of(c, whole)));
        let folded = ev.accumulate_arrow(stream, threads).unwrap();
        prop_assert_eq!(one_by_one.stats(), folded.stats());
        prop_assert_eq!(ev.evaluate(&one_by_one), ev.evaluate(&folded));
    }
}

/// Amounts whose sum passes `u64::MAX` sixtieths, in one pupil's run of the common layout: the
/// one-pass fold saturates its sums as `push` saturates the counters (the plain additions are
/// taken only when no sum can overflow).
#[test]
fn sums_past_the_largest_amount_saturate_as_push() {
    let roster = Roster::new(vec![
        crate::support::pupil(1, Level::School),
        crate::support::pupil(2, Level::School),
    ])
    .unwrap();
    let planned = Planned::default();
    let ev = Evaluator::new(
        RuleProfile::bg_isrm(),
        Window::month(2026, 3).unwrap(),
        &roster,
        &planned,
    )
    .unwrap();
    // Whole hours: each is u64::MAX / 120 hours, about half the largest sum in sixtieths.
    let huge = u64::MAX / 120;
    let rows = [
        (1, 2, huge, "unexcused"),
        (1, 3, huge, "unexcused"),
        (1, 4, huge, "unexcused"),
        (1, 5, huge, "excused"),
        (1, 6, huge, "excused"),
        (1, 9, huge, "excused"),
        (2, 2, 3, "unexcused"),
    ];
    let records: Vec<AbsenceRecord> = rows
        .iter()
        .map(|&(pupil, day, hours, kind)| {
            AbsenceRecord::new(
                PupilId(pupil),
                d(2026, 3, day),
                Quantity::from_sixtieths(hours * 60),
                Unit::Hours,
                if kind == "excused" {
                    AbsenceKind::Excused
                } else {
                    AbsenceKind::Unexcused
                },
            )
        })
        .collect();
    let kinds: DictionaryArray<Int8Type> = rows.iter().map(|r| r.3).collect();
    let batch = RecordBatch::try_from_iter([
        (
            "pupil_id",
            Arc::new(UInt64Array::from_iter_values(rows.iter().map(|r| r.0))) as ArrayRef,
        ),
        (
            "date",
            Arc::new(Date32Array::from_iter_values(
                records.iter().map(|r| days(r.date)),
            )),
        ),
        (
            "amount",
            Arc::new(UInt64Array::from_iter_values(rows.iter().map(|r| r.2))),
        ),
        ("kind", Arc::new(kinds)),
    ])
    .unwrap();
    let mut one_by_one = ev.accumulator();
    for r in &records {
        one_by_one.push(*r).unwrap();
    }
    let mut arrow = ev.accumulator();
    arrow.push_arrow(&batch).unwrap();
    let (expected, got) = (ev.evaluate(&one_by_one), ev.evaluate(&arrow));
    assert_eq!(expected, got);
    // Pupil 1 is flagged, with a saturated figure (the largest quantity).
    let figures: Vec<Quantity> = got
        .flags
        .iter()
        .filter(|f| f.pupil == PupilId(1))
        .flat_map(|f| f.findings.iter().map(|x| x.measured))
        .collect();
    assert!(
        figures.contains(&Quantity::from_sixtieths(u64::MAX)),
        "{figures:?}"
    );
}
