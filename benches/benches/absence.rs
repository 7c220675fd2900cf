//! Benchmarks of `edurules-absence`, in memory: records folded into per-pupil counters and the
//! Bulgarian ISRM selections evaluated, over a region-sized roster (700,000 pupils).
//!
//! Baselines in the same run: a naive `HashMap<pupil, (total, unexcused)>` group-by, which is
//! what a vendor writes by hand without the crate (no roster, no windows, no late arrivals, no
//! duplicates); and a hand-written single pass over the Arrow batches' columns that knows the
//! data (a floor for the Arrow fold, see `hand_written_arrow_kernel`). Throughput is in records
//! per second; the goal is at least 100 M records/s per core for the single-threaded fold.
//!
//! The Arrow path (`Accumulator::push_arrow`, feature `arrow`) is measured in the same run, on
//! the same records as in-memory `RecordBatch`es of 65,536 rows (`pupil_id` UInt64, `date`
//! Date32, `amount` Float64, `kind` dictionary-encoded), one thread. So is the stream fold
//! `Evaluator::accumulate_arrow`, on 1 and 2 threads, over those batches and over the whole
//! table as one batch.
//!
//! `cargo bench -p edurules-benches --features bench --bench absence`

use std::collections::HashMap;
use std::hint::black_box;

use std::sync::Arc;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use edurules_absence::arrow::arrow_array::types::Int8Type;
use edurules_absence::arrow::arrow_array::{
    ArrayRef, Date32Array, DictionaryArray, Float64Array, RecordBatch, UInt64Array,
};
use edurules_absence::{
    AbsenceKind, AbsenceRecord, Evaluator, Level, Planned, Pupil, PupilId, Quantity, Roster,
    RuleProfile, SchoolId, Unit, Window,
};

const PUPILS: u64 = 700_000;
const RECORDS: usize = 10_000_000;

/// A small deterministic generator (xorshift), so the bench needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn roster() -> Roster {
    let pupils = (1..=PUPILS)
        .map(|i| {
            let level = if i % 20 == 0 {
                Level::Preschool
            } else {
                Level::School
            };
            Pupil::new(PupilId(i), SchoolId::from(format!("S{}", i / 500)), level)
        })
        .collect();
    Roster::new(pupils).unwrap_or_default()
}

/// Records as a register exports them: grouped by pupil, dated within the school year.
fn records(sorted: bool) -> Vec<AbsenceRecord> {
    let first = NaiveDate::from_ymd_opt(2017, 9, 15).unwrap_or_default();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out: Vec<AbsenceRecord> = (0..RECORDS)
        .map(|i| {
            let pupil = if sorted {
                1 + (i as u64 * PUPILS) / RECORDS as u64
            } else {
                1 + rng.next() % PUPILS
            };
            let r = rng.next();
            let date = first + chrono::Days::new(r % 259);
            let (kind, unit, amount) = match r >> 40 & 15 {
                0 => (
                    AbsenceKind::Late,
                    Unit::Minutes,
                    Quantity::whole(5 + (r >> 20) % 40),
                ),
                1..=5 => (
                    AbsenceKind::Unexcused,
                    Unit::Hours,
                    Quantity::whole(1 + (r >> 20) % 7),
                ),
                _ => (
                    AbsenceKind::Excused,
                    Unit::Hours,
                    Quantity::whole(1 + (r >> 20) % 7),
                ),
            };
            AbsenceRecord::new(PupilId(pupil), date, amount, unit, kind)
        })
        .collect();
    if sorted {
        out.sort_by_key(|r| r.pupil);
    }
    out
}

/// Rows per Arrow batch (what Parquet readers and pyarrow commonly produce).
const BATCH_ROWS: usize = 65_536;

/// The records as Arrow batches of the documented schema, `rows` rows each.
fn batches(records: &[AbsenceRecord], rows: usize) -> Vec<RecordBatch> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    records
        .chunks(rows)
        .filter_map(|chunk| {
            let kinds: DictionaryArray<Int8Type> = chunk.iter().map(|r| r.kind.as_str()).collect();
            let days = chunk
                .iter()
                .map(|r| i32::try_from((r.date - epoch).num_days()).unwrap_or_default());
            let amounts = chunk.iter().map(|r| r.amount.sixtieths() as f64 / 60.0);
            RecordBatch::try_from_iter([
                (
                    "pupil_id",
                    Arc::new(UInt64Array::from_iter_values(
                        chunk.iter().map(|r| r.pupil.0),
                    )) as ArrayRef,
                ),
                ("date", Arc::new(Date32Array::from_iter_values(days))),
                ("amount", Arc::new(Float64Array::from_iter_values(amounts))),
                ("kind", Arc::new(kinds)),
            ])
            .ok()
        })
        .collect()
}

fn naive_group_by(records: &[AbsenceRecord]) -> usize {
    let mut sums: HashMap<u64, (u64, u64)> = HashMap::new();
    for r in records {
        let e = sums.entry(r.pupil.0).or_default();
        if r.kind != AbsenceKind::Late {
            e.0 += r.amount.sixtieths();
        }
        if r.kind == AbsenceKind::Unexcused {
            e.1 += r.amount.sixtieths();
        }
    }
    sums.values()
        .filter(|(t, u)| *t > 130 * 60 || *u > 40 * 60)
        .count()
}

/// The second baseline: a plain kernel written by hand for exactly these batches, one pass over
/// their columns on one thread. It knows what the engine must not assume: pupil
/// ids are 1..=PUPILS (a table indexed by id, no roster), every amount is valid (no check), and
/// the only rules are the two Bulgarian sums (no level, no record counts, no sums that count
/// towards no rule). So it is a floor for the Arrow fold rather than a competitor: the ratio says
/// how much of the engine's time goes to what the engine guarantees.
#[expect(
    clippy::cast_possible_truncation,
    reason = "the bench's amounts are small whole numbers of sixtieths"
)]
fn hand_written_arrow_kernel(batches: &[RecordBatch], first_day: i32, days: i32) -> usize {
    use edurules_absence::arrow::arrow_array::cast::AsArray;
    use edurules_absence::arrow::arrow_array::types::{Date32Type, Float64Type, UInt64Type};
    let mut sums = vec![[0_u64; 2]; PUPILS as usize + 1];
    for batch in batches {
        let (Some(ids), Some(dates), Some(amounts), Some(kinds)) = (
            batch.column(0).as_primitive_opt::<UInt64Type>(),
            batch.column(1).as_primitive_opt::<Date32Type>(),
            batch.column(2).as_primitive_opt::<Float64Type>(),
            batch.column(3).as_dictionary_opt::<Int8Type>(),
        ) else {
            continue;
        };
        // The dictionary's texts to codes once: 0 excused, 1 unexcused, 2 late.
        let mut code = [0_u8; 256];
        if let Some(texts) = kinds.values().as_string_opt::<i32>() {
            for (slot, text) in code.iter_mut().zip(texts.iter()) {
                *slot = match text {
                    Some("unexcused") => 1,
                    Some("late") => 2,
                    _ => 0,
                };
            }
        }
        let rows = ids.values().iter().zip(dates.values().iter());
        let rows = rows
            .zip(amounts.values().iter())
            .zip(kinds.keys().values().iter());
        for (((&id, &day), &amount), &key) in rows {
            let kind = code.get(usize::from(key as u8)).copied().unwrap_or(0);
            let sixtieths = (amount * 60.0) as u64;
            // A late arrival: up to 20 minutes is ½ hour, more is 1 hour (both unexcused).
            let hours = if kind == 2 {
                if sixtieths <= 20 * 60 { 30 } else { 60 }
            } else {
                sixtieths
            };
            let inside = u64::from((day.wrapping_sub(first_day) as u32) < days as u32);
            if let Some(s) = usize::try_from(id).ok().and_then(|i| sums.get_mut(i)) {
                s[0] += hours * inside;
                s[1] += hours * inside * u64::from(kind != 0);
            }
        }
    }
    sums.iter()
        .filter(|[total, unexcused]| *total > 130 * 60 || *unexcused > 40 * 60)
        .count()
}

fn bench(c: &mut Criterion) {
    let roster = roster();
    let planned = Planned::default();
    let first = NaiveDate::from_ymd_opt(2017, 9, 15).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(2018, 6, 1).unwrap_or_default();
    let Ok(window) = Window::school_year(first, last) else {
        return;
    };
    let Ok(ev) = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned) else {
        return;
    };
    for (name, sorted) in [("sorted_by_pupil", true), ("random_order", false)] {
        let recs = records(sorted);
        let mut g = c.benchmark_group(format!("absence/{name}"));
        g.sample_size(10);
        g.throughput(Throughput::Elements(RECORDS as u64));
        g.bench_function("fold_1_thread", |b| {
            b.iter(|| {
                let mut acc = ev.accumulator();
                for r in &recs {
                    let _ = acc.push(*r);
                }
                black_box(acc.stats().counted)
            });
        });
        let arrow = batches(&recs, BATCH_ROWS);
        g.bench_function("fold_1_thread_arrow", |b| {
            b.iter(|| {
                let mut acc = ev.accumulator();
                for batch in &arrow {
                    let _ = acc.push_arrow(batch);
                }
                black_box(acc.stats().counted)
            });
        });
        // `Evaluator::accumulate_arrow` (the Python binding's `evaluate`) on the same batches,
        // and on the whole table as one batch (a pyarrow Table in one chunk).
        let whole = batches(&recs, RECORDS);
        for (label, stream, threads) in [
            ("stream_arrow_1_thread", &arrow, 1),
            ("stream_arrow_2_threads", &arrow, 2),
            ("stream_arrow_one_batch_1_thread", &whole, 1),
            ("stream_arrow_one_batch_2_threads", &whole, 2),
        ] {
            g.bench_function(label, |b| {
                b.iter(|| {
                    let acc = ev.accumulate_arrow(stream.iter().cloned().map(Ok::<_, ()>), threads);
                    black_box(acc.map(|a| a.stats().counted).unwrap_or(0))
                });
            });
        }
        g.bench_function("fold_and_evaluate_parallel", |b| {
            b.iter(|| {
                let report = ev.evaluate_records(&recs);
                black_box(report.map(|r| r.flags.len()).unwrap_or(0))
            });
        });
        g.bench_function("baseline_naive_hashmap_group_by", |b| {
            b.iter(|| black_box(naive_group_by(&recs)));
        });
        // The window as days since 1970-01-01, for the hand-written kernel.
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let first_day = i32::try_from((first - epoch).num_days()).unwrap_or_default();
        let days = i32::try_from((last - first).num_days() + 1).unwrap_or_default();
        g.bench_function("baseline_hand_written_arrow_kernel", |b| {
            b.iter(|| black_box(hand_written_arrow_kernel(&arrow, first_day, days)));
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
