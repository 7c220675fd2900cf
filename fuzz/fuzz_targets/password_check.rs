#![no_main]
//! Fuzz target `password_check`: `edurules_password::check` on an arbitrary
//! policy (JSON) and an arbitrary candidate (UTF-8).
//!
//! Input layout: `<policy JSON> 0x00 <candidate>`. Without a NUL byte the
//! whole input is the candidate. A policy that does not load (malformed or
//! invalid) is replaced by the seed preset with a zxcvbn minimum of 4, so
//! zxcvbn runs on every input.
//!
//! Asserts: no panic; an accepted candidate satisfies the policy's length
//! rule (code points after NFKC within `min_length..=max_length`) and is
//! shorter than `MAX_CHECKED_CHARS`; a check finishes in bounded time
//! (hard limit 1 s: it catches algorithmic blow-ups, not scheduler stalls of
//! sanitizer builds on a loaded machine;
//! any check above 10 ms, after zxcvbn's one-time dictionary load, is
//! reported on stderr).

use std::sync::Once;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use edurules_password::{MAX_CHECKED_CHARS, Password, PasswordPolicy, UserContext, check, warm_up};
use libfuzzer_sys::fuzz_target;

static SLOWEST_MICROS: AtomicU64 = AtomicU64::new(0);
static SLOW_CHECKS: AtomicU64 = AtomicU64::new(0);
static WARM: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    // zxcvbn's dictionaries load on the first call: not part of a check's bound.
    WARM.call_once(warm_up);
    let (policy_bytes, candidate_bytes) = match data.iter().position(|b| *b == 0) {
        Some(i) => (
            data.get(..i).unwrap_or_default(),
            data.get(i + 1..).unwrap_or_default(),
        ),
        None => (&[][..], data),
    };
    let Ok(candidate) = std::str::from_utf8(candidate_bytes) else {
        return;
    };
    let policy = std::str::from_utf8(policy_bytes)
        .ok()
        .and_then(|json| PasswordPolicy::from_json(json).ok())
        .unwrap_or_else(|| {
            let mut p = PasswordPolicy::opolska_eszkola();
            p.min_zxcvbn_score = Some(4);
            p.forbid_personal_data = true;
            p
        });
    let user = UserContext::default()
        .with_login("anowak")
        .with_name("Anna Nowak")
        .with_email("anna.nowak@sp7.opole.example")
        .with_national_id("02070803628")
        .with_extra_word("Opole");

    let password = Password::new(candidate);
    let started = Instant::now();
    let result = check(&policy, &password, &user);
    let took = started.elapsed();

    let micros = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
    if micros > 10_000 {
        let count = SLOW_CHECKS.fetch_add(1, Ordering::Relaxed) + 1;
        let slowest = SLOWEST_MICROS
            .fetch_max(micros, Ordering::Relaxed)
            .max(micros);
        eprintln!(
            "password_check: slow check {micros} µs for {} code points ({count} so far, slowest {slowest} µs)",
            password.char_count()
        );
    }
    assert!(took.as_millis() < 1000, "check took {took:?}");

    match result {
        Ok(()) => {
            let n = password.normalized_char_count();
            let min = usize::try_from(policy.min_length).unwrap_or(usize::MAX);
            let max = usize::try_from(policy.max_length).unwrap_or(usize::MAX);
            assert!(
                n >= min && n <= max,
                "accepted length {n} outside {min}..={max}"
            );
            assert!(password.char_count() <= MAX_CHECKED_CHARS);
        }
        Err(violations) => {
            assert!(
                !violations.is_empty(),
                "an error carries at least one violation"
            );
            for v in &violations {
                assert!(v.code().starts_with("password."));
            }
        }
    }
});
