#![no_main]
//! Fuzz target `absence_arrow`: the Arrow readers (feature `arrow`) on batches built from
//! arbitrary bytes: column types, values, nulls, names and batch sizes all chosen by the input.
//!
//! - No panic, and only typed errors: a refused batch is an `absence.arrow_*` error naming its
//!   column (or the row of an incoherent record).
//! - The stream fold agrees with the plain one: `Evaluator::accumulate_arrow` on 1 and on 2
//!   threads gives the report of `Accumulator::push_arrow` on each batch in turn, or, when a
//!   batch is refused, the same error for the same batch (the earliest refused).
//! - Accounting: when every batch is read, every row is a record the accumulator received.
//!
//! The bytes are read as: a byte of layout (the type of `amount`, of `kind`, whether `unit`
//! and `lesson` columns are there), then per batch a byte of length and five bytes per row
//! (pupil, day, amount, kind, unit or lesson). Missing bytes read as 0.

use std::sync::Arc;

use edurules_absence::arrow::StreamError;
use edurules_absence::arrow::arrow_array::types::Int8Type;
use edurules_absence::arrow::arrow_array::{
    ArrayRef, Date32Array, DictionaryArray, Float64Array, Int64Array, RecordBatch, StringArray,
    UInt8Array, UInt64Array,
};
use edurules_absence::{AbsenceError, Evaluator, Planned, RuleProfile};
use libfuzzer_sys::fuzz_target;

#[path = "common/absence_setup.rs"]
mod absence_setup;

/// Kinds and units as a register might write them, with some the readers refuse.
const KINDS: [&str; 5] = ["excused", "unexcused", "late", "sick", ""];
const UNITS: [Option<&str>; 5] = [
    None,
    Some("hours"),
    Some("days"),
    Some("minutes"),
    Some("weeks"),
];

/// 2017-09-15, the window's first day, in days since 1970-01-01.
const FIRST_DAY: i32 = 17_424;

struct Bytes<'a>(std::slice::Iter<'a, u8>);

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        self.0.next().copied().unwrap_or(0)
    }
}

/// The batches the bytes describe (at most 4, of at most 63 rows each).
fn batches(data: &[u8]) -> Vec<RecordBatch> {
    let mut b = Bytes(data.iter());
    let layout = b.next();
    let (amount_type, kind_type) = (layout % 3, layout / 3 % 3);
    let (with_unit, with_lesson, named_hours) =
        (layout & 0x20 != 0, layout & 0x40 != 0, layout & 0x80 != 0);
    let count = 1 + usize::from(b.next() % 4);
    (0..count)
        .filter_map(|_| {
            let n = usize::from(b.next() % 64);
            let rows: Vec<[u8; 5]> = (0..n)
                .map(|_| [b.next(), b.next(), b.next(), b.next(), b.next()])
                .collect();
            batch(
                &rows,
                amount_type,
                kind_type,
                with_unit,
                with_lesson,
                named_hours,
            )
        })
        .collect()
}

fn batch(
    rows: &[[u8; 5]],
    amount_type: u8,
    kind_type: u8,
    with_unit: bool,
    with_lesson: bool,
    named_hours: bool,
) -> Option<RecordBatch> {
    // Pupils 0..=5: 4 and 5 are not in the roster.
    let ids = UInt64Array::from_iter_values(rows.iter().map(|r| u64::from(r[0] % 6)));
    // Days around the window (263 days long), some before and after it.
    let days =
        Date32Array::from_iter_values(rows.iter().map(|r| FIRST_DAY - 20 + i32::from(r[1]) * 2));
    // Quarters of an hour, a third now and then (exact in sixtieths), a value that is not.
    let amount: ArrayRef = match amount_type {
        0 => Arc::new(Float64Array::from_iter_values(rows.iter().map(
            |r| match r[2] {
                255 => f64::NAN,
                254 => 0.01,
                253 => 1.0 / 3.0,
                a => f64::from(a) / 4.0,
            },
        ))),
        1 => Arc::new(Int64Array::from_iter_values(
            rows.iter().map(|r| i64::from(r[2]) - 8),
        )),
        _ => Arc::new(StringArray::from_iter(rows.iter().map(|r| match r[2] {
            255 => None,
            254 => Some("1/2".to_owned()),
            253 => Some("x".to_owned()),
            a => Some(format!("{}", a / 8)),
        }))),
    };
    let kind_of = |r: &[u8; 5]| KINDS.get(usize::from(r[3] % 8)).copied();
    let kind: ArrayRef = match kind_type {
        0 => Arc::new(StringArray::from_iter(rows.iter().map(kind_of))),
        _ => Arc::new(
            rows.iter()
                .map(kind_of)
                .collect::<DictionaryArray<Int8Type>>(),
        ),
    };
    let mut columns = vec![
        ("pupil_id", Arc::new(ids) as ArrayRef),
        ("date", Arc::new(days) as ArrayRef),
        (if named_hours { "hours" } else { "amount" }, amount),
        ("kind", kind),
    ];
    if with_unit {
        let units = StringArray::from_iter(
            rows.iter()
                .map(|r| UNITS.get(usize::from(r[4] % 5)).copied().flatten()),
        );
        columns.push(("unit", Arc::new(units)));
    }
    if with_lesson {
        let lessons = UInt8Array::from_iter(rows.iter().map(|r| (r[4] < 200).then_some(r[4] % 14)));
        columns.push(("lesson", Arc::new(lessons)));
    }
    RecordBatch::try_from_iter(columns).ok()
}

fn typed(e: &AbsenceError) -> bool {
    e.code().starts_with("absence.arrow_")
}

fuzz_target!(|data: &[u8]| {
    let Some((roster, window)) = absence_setup::four_pupils_and_window() else {
        return;
    };
    let planned = Planned::default();
    let Ok(ev) = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned) else {
        return;
    };
    let batches = batches(data);

    // The plain fold, batch after batch, up to the first refused one.
    let mut plain = ev.accumulator();
    let mut refused = None;
    for (index, batch) in (0_u64..).zip(&batches) {
        if let Err(error) = plain.push_arrow(batch) {
            assert!(typed(&error), "untyped error {}: {error}", error.code());
            refused = Some((index, error));
            break;
        }
    }
    let expected = match refused {
        Some(refused) => Err(refused),
        None => {
            let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
            assert_eq!(plain.stats().records, rows as u64, "every row is a record");
            Ok(ev.evaluate(&plain))
        }
    };

    for threads in [1, 2] {
        let stream = batches.iter().cloned().map(Ok::<_, ()>);
        let got = match ev.accumulate_arrow(stream, threads) {
            Ok(acc) => Ok(ev.evaluate(&acc)),
            Err(StreamError::Batch { batch, error }) => Err((batch, error)),
            Err(other) => panic!("the source cannot fail: {other:?}"),
        };
        assert_eq!(got, expected, "{threads} threads");
    }
});
