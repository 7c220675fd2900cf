//! Benchmarks of `edurules-login`.
//!
//! - `login/normalize`: [`normalize`] on ASCII input against the baseline
//!   "ASCII upper-case + `is_ascii_alphanumeric` check" in the same run
//!   (goal: at most 2× the baseline).
//! - `login/generate`: [`LoginGenerator::generate`] against a `HashSet`
//!   directory of 1,000,000 existing logins (goal: under 2 µs per login).
//!
//! After the criterion run (not under `--test`) the ratio of `normalize` to
//! the baseline is measured again with a plain timing loop and printed.

use std::collections::HashSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use edurules_login::{LoginGenerator, SkeletonKey, normalize};

/// Typed logins of the sort people enter: mixed case, digits, 6–12 characters.
const TYPED: &[&str] = &[
    "JanKow1",
    "jankow5",
    "ANNNOW12",
    "PiotrWisn3",
    "  kasia99 ",
    "MARZOL1",
    "TOMLEW2024",
    "ewaKOW7",
];

/// The baseline: upper-case ASCII and check that every byte is alphanumeric.
fn baseline(input: &str) -> Option<String> {
    let upper = input.trim().to_ascii_uppercase();
    upper
        .bytes()
        .all(|b| b.is_ascii_alphanumeric())
        .then_some(upper)
}

/// Names the generator is asked for, Polish and Bulgarian.
const PEOPLE: &[(&str, &str)] = &[
    ("Jan", "Kowalski"),
    ("Łukasz", "Żółkiewski"),
    ("Anna", "Nowak"),
    ("Иван", "Петров"),
    ("Мария", "Иванова"),
    ("Małgorzata", "Wiśniewska"),
    ("Жечко", "Цветков"),
    ("Piotr", "Lewandowski"),
];

/// People whose bases are not in the directory: the first number is free.
const FRESH: &[(&str, &str)] = &[
    ("Zbigniew", "Quasimodo"),
    ("Ксения", "Юрукова"),
    ("Żaneta", "Ćwiklińska"),
    ("Björn", "O'Neill"),
];

/// 1,000,000 existing logins: six letters spread over the alphabet plus a
/// number 1–8, and the first 1–20 numbers of every benchmarked person's base,
/// so that most generations must skip taken numbers.
fn directory() -> HashSet<SkeletonKey> {
    let mut logins: HashSet<SkeletonKey> = HashSet::with_capacity(1_000_000);
    let bases = [
        "JANKOW",
        "LUKZOL",
        "ANNNOW",
        "IVAPET",
        "MARIVA",
        "MALWIS",
        "ZHECHTSVE",
        "PIOLEW",
    ];
    for (i, base) in bases.iter().enumerate() {
        for n in 1..=(i * 3 + 1) {
            logins.insert(SkeletonKey::of(&format!("{base}{n}")));
        }
    }
    let mut i: u64 = 0;
    while logins.len() < 1_000_000 {
        let mut x = i.wrapping_mul(2_654_435_761);
        let mut s = String::with_capacity(8);
        for _ in 0..6 {
            let letter = u8::try_from(x % 26).unwrap_or(0);
            s.push(char::from(b'A' + letter));
            x /= 26;
        }
        s.push(char::from(b'1' + u8::try_from(i % 8).unwrap_or(0)));
        logins.insert(SkeletonKey::of(&s));
        i += 1;
    }
    logins
}

fn bench_normalize(c: &mut Criterion) {
    let mut group = c.benchmark_group("login/normalize");
    group.bench_function("baseline ascii upper + is_ascii_alphanumeric", |b| {
        b.iter(|| {
            for s in TYPED {
                black_box(baseline(black_box(s)));
            }
        });
    });
    group.bench_function("normalize", |b| {
        b.iter(|| {
            for s in TYPED {
                let _ = black_box(normalize(black_box(s)));
            }
        });
    });
    group.finish();
}

fn bench_generate(c: &mut Criterion) {
    let directory = directory();
    let generator = LoginGenerator::default();
    let mut group = c.benchmark_group("login/generate");
    group.bench_function(
        "1M directory, 8 people with 0-21 numbers taken (time per 8)",
        |b| {
            b.iter(|| {
                for (given, surname) in PEOPLE {
                    let _ = black_box(generator.generate(
                        black_box(given),
                        black_box(surname),
                        &directory,
                    ));
                }
            });
        },
    );
    group.bench_function(
        "1M directory, 4 people with a free base (time per 4)",
        |b| {
            b.iter(|| {
                for (given, surname) in FRESH {
                    let _ = black_box(generator.generate(
                        black_box(given),
                        black_box(surname),
                        &directory,
                    ));
                }
            });
        },
    );
    group.finish();
}

criterion_group!(benches, bench_normalize, bench_generate);

/// Time per call of `f` over `TYPED`, after a warm-up.
fn per_call(mut f: impl FnMut(&str), rounds: u32) -> Duration {
    for s in TYPED {
        f(s);
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for s in TYPED {
            f(black_box(s));
        }
    }
    let calls = rounds.saturating_mul(u32::try_from(TYPED.len()).unwrap_or(1));
    start.elapsed() / calls.max(1)
}

fn report() {
    let rounds = 200_000;
    let base = per_call(|s| drop(black_box(baseline(s))), rounds);
    let ours = per_call(|s| drop(black_box(normalize(s))), rounds);
    let ratio = ours.as_secs_f64() / base.as_secs_f64().max(f64::MIN_POSITIVE);
    println!(
        "login/normalize ratio: normalize {ours:?} vs baseline {base:?} per call = {ratio:.2}x (goal <= 2x)"
    );

    let directory = directory();
    let generator = LoginGenerator::default();
    for (label, people) in [("0-21 numbers taken", PEOPLE), ("free base", FRESH)] {
        let rounds = 20_000_u32;
        let start = Instant::now();
        for _ in 0..rounds {
            for (given, surname) in people {
                let _ =
                    black_box(generator.generate(black_box(given), black_box(surname), &directory));
            }
        }
        let calls = rounds.saturating_mul(u32::try_from(people.len()).unwrap_or(1));
        let per_login = start.elapsed() / calls.max(1);
        println!(
            "login/generate ({label}): {per_login:?} per login with {} existing logins (goal < 2 µs)",
            directory.len()
        );
    }
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    if !std::env::args().any(|a| a == "--test") {
        report();
    }
}
