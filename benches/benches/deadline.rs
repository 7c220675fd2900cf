//! Benchmarks of `edurules-deadline`.
//!
//! Goals (issue #5): `submission_deadline` under 100 ns per call, a holiday
//! lookup under 10 ns. Each group has a named baseline measured in the same
//! run: plain date arithmetic without the calendar, and the holiday list of
//! the year rebuilt and scanned (what a lookup costs without the bitset).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use edurules_deadline::{calendar, submission_deadline, term};
use std::hint::black_box;

/// Sample sizes, powers of two so the benches index with a mask, not a division.
const CHANGES: usize = 256;
const DAYS: usize = 4096;

fn dates(from: NaiveDate, n: u64) -> Vec<NaiveDate> {
    (0..n)
        .filter_map(|i| from.checked_add_days(Days::new(i * 3)))
        .collect()
}

fn bench_deadline(c: &mut Criterion) {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or(NaiveDate::MIN);
    let changes = dates(start, CHANGES as u64);
    // Warm the rules (parsed once on first use).
    let _ = submission_deadline("art. 8 pkt 1 lit. d", start);
    let mut g = c.benchmark_group("deadline");
    let mut i = 0_usize;
    g.bench_function("submission_deadline/7_days", |b| {
        b.iter(|| {
            i = (i + 1) & (CHANGES - 1);
            let d = changes.get(i).copied().unwrap_or(start);
            black_box(
                submission_deadline(black_box("art. 8 pkt 1 lit. d"), black_box(d))
                    .map(|d| d.due_date),
            )
        });
    });
    g.bench_function("submission_deadline/fixed_date", |b| {
        b.iter(|| {
            i = (i + 1) & (CHANGES - 1);
            let d = changes.get(i).copied().unwrap_or(start);
            black_box(
                submission_deadline(black_box("art. 8 pkt 1 lit. f"), black_box(d))
                    .map(|d| d.due_date),
            )
        });
    });
    g.bench_function("term/shift_end", |b| {
        b.iter(|| {
            i = (i + 1) & (CHANGES - 1);
            let d = changes.get(i).copied().unwrap_or(start) + Days::new(7);
            black_box(term::shift_end(black_box(d)).map(|(e, _)| e))
        });
    });
    g.bench_function("baseline/add_7_days_skip_weekend", |b| {
        b.iter(|| {
            i = (i + 1) & (CHANGES - 1);
            let mut d = changes.get(i).copied().unwrap_or(start) + Days::new(7);
            while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                d = d.succ_opt().unwrap_or(d);
            }
            black_box(d)
        });
    });
    g.finish();
}

fn bench_holidays(c: &mut Criterion) {
    let start = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(NaiveDate::MIN);
    let days = dates(start, DAYS as u64);
    let mut g = c.benchmark_group("calendar");
    let mut i = 0_usize;
    g.bench_function("is_public_holiday", |b| {
        b.iter(|| {
            i = (i + 1) & (DAYS - 1);
            black_box(calendar::is_public_holiday(black_box(
                days.get(i).copied().unwrap_or(start),
            )))
        });
    });
    g.bench_function("is_working_day", |b| {
        b.iter(|| {
            i = (i + 1) & (DAYS - 1);
            black_box(calendar::is_working_day(black_box(
                days.get(i).copied().unwrap_or(start),
            )))
        });
    });
    g.bench_function("baseline/holiday_list_scan", |b| {
        b.iter(|| {
            i = (i + 1) & (DAYS - 1);
            let d = days.get(i).copied().unwrap_or(start);
            black_box(calendar::holidays(d.year()).map(|l| l.iter().any(|h| h.date == d)))
        });
    });
    g.finish();
}

criterion_group!(benches, bench_deadline, bench_holidays);
criterion_main!(benches);
