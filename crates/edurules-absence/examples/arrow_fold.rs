//! A profiling harness for the Arrow path, lighter to build than the criterion bench (no
//! other crate of the workspace): the bench's 10,000,000 records over 700,000 pupils (grouped by
//! pupil, or in random order with `random`) as in-memory batches of 65,536 rows, folded with
//! `Accumulator::push_arrow` on one thread, `RUNS` times (default 5), printing records per second.
//!
//! `cargo run --release -p edurules-absence --features arrow --example arrow_fold [random] [RUNS]`
//!
//! Under `valgrind --tool=callgrind --toggle-collect='*push_arrow*'` with `RUNS` = 1 it counts
//! the instructions per record, which a loaded machine does not disturb.

use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use edurules_absence::arrow::arrow_array::types::Int8Type;
use edurules_absence::arrow::arrow_array::{
    ArrayRef, Date32Array, DictionaryArray, Float64Array, RecordBatch, UInt64Array,
};
use edurules_absence::{
    Evaluator, Level, Planned, Pupil, PupilId, Roster, RuleProfile, SchoolId, Window,
};

const PUPILS: u64 = 700_000;
const RECORDS: usize = 10_000_000;
const BATCH_ROWS: usize = 65_536;

/// The bench's generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// (pupil, day since 1970-01-01, amount, kind) as in `benches/benches/absence.rs`.
fn rows(sorted: bool) -> Vec<(u64, i32, f64, &'static str)> {
    // 2017-09-15 is day 17,424 after 1970-01-01.
    let first = 17_424;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out: Vec<_> = (0..RECORDS as u64)
        .map(|i| {
            let pupil = if sorted {
                1 + (i * PUPILS) / RECORDS as u64
            } else {
                1 + rng.next() % PUPILS
            };
            let r = rng.next();
            let day = first + i32::try_from(r % 259).unwrap_or(0);
            let small = f64::from(u32::try_from((r >> 20) % 7).unwrap_or(0));
            let late = f64::from(u32::try_from((r >> 20) % 40).unwrap_or(0));
            match r >> 40 & 15 {
                0 => (pupil, day, 5.0 + late, "late"),
                1..=5 => (pupil, day, 1.0 + small, "unexcused"),
                _ => (pupil, day, 1.0 + small, "excused"),
            }
        })
        .collect();
    if sorted {
        out.sort_by_key(|r| r.0);
    }
    out
}

fn batches(rows: &[(u64, i32, f64, &'static str)]) -> Vec<RecordBatch> {
    rows.chunks(BATCH_ROWS)
        .filter_map(|chunk| {
            let kinds: DictionaryArray<Int8Type> = chunk.iter().map(|r| r.3).collect();
            RecordBatch::try_from_iter([
                (
                    "pupil_id",
                    Arc::new(UInt64Array::from_iter_values(chunk.iter().map(|r| r.0))) as ArrayRef,
                ),
                (
                    "date",
                    Arc::new(Date32Array::from_iter_values(chunk.iter().map(|r| r.1))),
                ),
                (
                    "amount",
                    Arc::new(Float64Array::from_iter_values(chunk.iter().map(|r| r.2))),
                ),
                ("kind", Arc::new(kinds)),
            ])
            .ok()
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sorted = !args.iter().any(|a| a == "random");
    let runs: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(5);
    let roster = Roster::new(
        (1..=PUPILS)
            .map(|i| {
                let level = if i % 20 == 0 {
                    Level::Preschool
                } else {
                    Level::School
                };
                Pupil::new(PupilId(i), SchoolId::from(format!("S{}", i / 500)), level)
            })
            .collect(),
    )
    .unwrap_or_default();
    let planned = Planned::default();
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(2017, 9, 15),
        NaiveDate::from_ymd_opt(2018, 6, 1),
    ) else {
        return;
    };
    let Ok(window) = Window::school_year(first, last) else {
        return;
    };
    let Ok(ev) = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned) else {
        return;
    };
    let batches = batches(&rows(sorted));
    for _ in 0..runs {
        let start = Instant::now();
        let mut acc = ev.accumulator();
        for batch in &batches {
            if let Err(e) = acc.push_arrow(batch) {
                eprintln!("{e}");
                return;
            }
        }
        let secs = start.elapsed().as_secs_f64();
        #[expect(clippy::cast_precision_loss, reason = "a rate for people to read")]
        let rate = RECORDS as f64 / secs / 1e6;
        println!(
            "{} records in {secs:.3} s: {rate:.1} M records/s (counted {})",
            RECORDS,
            acc.stats().counted
        );
    }
}
