//! Benchmarks of `edurules-password`.
//!
//! - `password/check/*`: `check` without hashing (rules + zxcvbn with a
//!   minimum score) for typical passwords, and for a crafted 128-character
//!   punctuation string and a 32-character digit-and-punctuation string that
//!   takes ~24 ms in zxcvbn uncapped (zxcvbn sees their first 20 code points).
//! - `password/change/*`: `change_password` with a full 4-deep history
//!   (the current password + 3 earlier hashes) against the baseline of ONE
//!   argon2id hash with the same (OWASP) parameters, in the same run. The
//!   goal: change ≤ 1.1 × ⌈(history + 1) / cores⌉ × one hash, with
//!   history = 4 (verifying the old password, checking the 3 earlier hashes and
//!   hashing the new one run in parallel on rayon's pool).
//!   After criterion's measurements, `password/change/ratio` prints the ratio
//!   measured directly (median of 9 alternating runs each) and the goal for
//!   this machine, and `password/change/control` the cost of history + 1
//!   hashes in series: on a machine whose cores are busy with other work the
//!   parallel speed-up cannot show, and this control says so, as does
//!   `password/change/parallel-control` (two hashes at once on two threads:
//!   about 1 × one hash only when a second core is free). The baseline of
//!   the ratio is timed warm, after an untimed hash.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use edurules_password::{
    AccountState, HashParams, Password, PasswordPolicy, UserContext, change_password, check,
    hash_password_with_salt, issue_account,
};

const HISTORY: u32 = 4;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0)
        .single()
        .unwrap_or_default()
}

fn user() -> UserContext {
    UserContext::default()
        .with_login("anowak")
        .with_name("Anna Nowak")
        .with_email("anna.nowak@sp7.opole.example")
        .with_extra_word("Opole")
}

fn bench_check(c: &mut Criterion) {
    let mut policy = PasswordPolicy::opolska_eszkola();
    policy.min_zxcvbn_score = Some(3);
    policy.forbid_personal_data = true;
    let user = user();
    let adversarial: String = "!@#$%^&*()_+-=[]{};':\",./<>?`~\\|"
        .chars()
        .cycle()
        .take(128)
        .collect();
    let cases = [
        ("typical_ok", "Kreda-Tablica-7".to_owned()),
        ("typical_weak", "Opole2026!".to_owned()),
        ("passphrase", "correct horse battery staple".to_owned()),
        ("polish", "Zażółć-gęślą-jaźń1".to_owned()),
        ("adversarial_128", adversarial),
        (
            "adversarial_digits_32",
            "4+\u{0}47!96&\u{0}{410[419[193&7933\"3{5{".to_owned(),
        ),
    ];
    let mut group = c.benchmark_group("password/check");
    for (name, text) in cases {
        let password = Password::new(text);
        group.bench_function(name, |b| {
            b.iter(|| black_box(check(&policy, black_box(&password), &user)))
        });
    }
    group.finish();
}

/// The seed policy (OWASP hashing) and an account with a full 4-deep
/// history: issued with `P0`, changed to `P1`, `P2`, `P3` (current `P3`,
/// earlier `P2`, `P1`, `P0`).
fn account(policy: &PasswordPolicy) -> Option<AccountState> {
    let user = user();
    let name = |i: u32| Password::new(format!("Haslo-P{i}x"));
    let mut state = issue_account(policy, &name(0), t0()).ok()?;
    for i in 1..HISTORY {
        state = change_password(policy, &state, &name(i - 1), &name(i), &user, t0()).ok()?;
    }
    (state.previous.len() == usize::try_from(HISTORY - 1).ok()?).then_some(state)
}

fn one_hash(params: &HashParams) {
    let r = hash_password_with_salt(params, &Password::new("Haslo-New9x"), b"0123456789abcdef");
    assert!(r.is_ok(), "hash failed");
    black_box(r).ok();
}

fn one_change(policy: &PasswordPolicy, state: &AccountState, user: &UserContext) {
    let r = change_password(
        policy,
        state,
        &Password::new(format!("Haslo-P{}x", HISTORY - 1)),
        &Password::new("Haslo-New9x"),
        user,
        t0(),
    );
    assert!(r.is_ok(), "change failed: {:?}", r.err());
    black_box(r).ok();
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn bench_change(c: &mut Criterion) {
    let policy = PasswordPolicy::opolska_eszkola();
    let Some(state) = account(&policy) else {
        eprintln!("password/change: cannot build the account");
        return;
    };
    let user = user();
    let mut group = c.benchmark_group("password/change");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("baseline_one_argon2id_hash", |b| {
        b.iter(|| one_hash(&policy.hashing))
    });
    group.bench_function("change_password_history_4", |b| {
        b.iter(|| one_change(&policy, &state, &user))
    });
    // A wrong old password: the jobs not yet started are skipped, so this
    // costs about one round of hashes, not ⌈(history + 1) / cores⌉.
    group.bench_function("change_password_wrong_old", |b| {
        b.iter(|| {
            let r = change_password(
                &policy,
                &state,
                &Password::new("Wrong-Old-1x"),
                &Password::new("Haslo-New9x"),
                &user,
                t0(),
            );
            assert!(r.is_err(), "a wrong old password was accepted");
            black_box(r).ok();
        })
    });
    group.finish();

    // The ratio, measured directly in the same run, the two alternating so
    // that the load of the machine weighs on both alike.
    let runs = 9;
    let mut hash = Vec::with_capacity(runs);
    let mut change = Vec::with_capacity(runs);
    let mut serial = Vec::with_capacity(runs);
    let mut pair = Vec::with_capacity(runs);
    for _ in 0..runs {
        // The baseline is timed warm (after an untimed hash): a hash right
        // after a change otherwise runs on cold caches and looks slower,
        // which would flatter the ratio.
        one_hash(&policy.hashing);
        let s = Instant::now();
        one_hash(&policy.hashing);
        hash.push(s.elapsed());
        let s = Instant::now();
        one_change(&policy, &state, &user);
        change.push(s.elapsed());
        // Control: history + 1 hashes one after another (what a change would
        // cost with no spare core).
        let s = Instant::now();
        for _ in 0..=HISTORY {
            one_hash(&policy.hashing);
        }
        serial.push(s.elapsed());
        // Control: two hashes at once on two threads (1 × one hash when a
        // second core is free, 2 × or more when it is not).
        let s = Instant::now();
        std::thread::scope(|scope| {
            scope.spawn(|| one_hash(&policy.hashing));
            one_hash(&policy.hashing);
        });
        pair.push(s.elapsed());
    }
    let (hash, change, serial, pair) = (median(hash), median(change), median(serial), median(pair));
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let rounds = (usize::try_from(HISTORY).unwrap_or(4) + 1).div_ceil(cores);
    let ratio = change.as_secs_f64() / hash.as_secs_f64().max(f64::MIN_POSITIVE);
    let goal = 1.1 * f64::from(u32::try_from(rounds).unwrap_or(u32::MAX));
    println!(
        "password/change/ratio: one hash {hash:?}, change (history {HISTORY}) {change:?}, \
         ratio {ratio:.2} (goal <= 1.1 x ceil(({HISTORY} + 1) / {cores} cores) = {goal:.2}): {}",
        if ratio <= goal { "met" } else { "NOT met" }
    );
    println!(
        "password/change/control: {} hashes in series {serial:?} = {:.2} x one hash \
         (about {} when a second core is free; more means the machine is loaded)",
        HISTORY + 1,
        serial.as_secs_f64() / hash.as_secs_f64().max(f64::MIN_POSITIVE),
        HISTORY + 1
    );
    println!(
        "password/change/parallel-control: 2 hashes at once on 2 threads {pair:?} = {:.2} x one hash \
         (about 1 when a second core is free: only then can the goal be met)",
        pair.as_secs_f64() / hash.as_secs_f64().max(f64::MIN_POSITIVE)
    );
}

criterion_group!(benches, bench_check, bench_change);
criterion_main!(benches);
