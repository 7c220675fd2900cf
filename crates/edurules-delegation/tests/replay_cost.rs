//! Replay cost: recording many appointments must stay near-linear (issue #13, item 11).

use crate::common::*;
use edurules_delegation::*;
use std::time::{Duration, Instant};

/// 20,000 schools, one head each: the log of a large running body.
fn appointments(n: usize) -> Vec<Event> {
    (0..n)
        .map(|i| {
            appoint(
                &format!("ap{i}"),
                &format!("dyr{i}"),
                &format!("SP{i}"),
                d(2025, 9, 1),
                d(2030, 8, 31),
            )
        })
        .collect()
}

fn replay_time(n: usize) -> Duration {
    let log = appointments(n);
    let start = Instant::now();
    let reg = Registry::replay(Policy::sio(), log).unwrap();
    let took = start.elapsed();
    assert_eq!(reg.appointments().count(), n);
    assert!(reg.rejected().is_empty());
    took
}

/// 20,000 appointments replay, each accepted. That recording one compares it with its
/// neighbours only (not with every earlier one, quadratic) is asserted by counting the
/// comparisons, not by timing, in a unit test beside the code
/// (`registry::apply::tests::recording_compares_an_appointment_with_its_neighbours_only`).
#[test]
fn replay_of_20000_appointments_is_accepted() {
    replay_time(20_000);
}

/// The figure quoted in the README: `cargo test --release -p edurules-delegation --test lib
/// -- --ignored --nocapture replay_cost::measure`.
#[test]
#[ignore = "measurement, run by hand in release mode"]
fn measure() {
    for n in [5_000, 10_000, 20_000, 40_000] {
        let best = (0..5).map(|_| replay_time(n)).min().unwrap();
        println!("replay of {n} appointments: {best:?}");
    }
}

/// One day of 5,000 schools, each head granting an authorization and revoking it the same
/// day: every revocation is an end, checked against what it can take away that day, and
/// accepted. How many acts are checked (not the time) is asserted by a unit test beside the
/// code (`registry::same_day::tests`), for a bulk day in one school.
#[test]
fn replay_of_a_bulk_day_of_grants_and_revocations_is_near_linear() {
    let n = 5_000;
    let on = d(2025, 9, 2);
    let mut log = appointments(n);
    for i in 0..n {
        let [req, g] = grant(
            &format!("g{i}"),
            &format!("dyr{i}"),
            &format!("anna{i}"),
            &format!("SP{i}"),
            &["pupils:read"],
            on,
            d(2026, 8, 31),
        );
        log.extend([req, g]);
    }
    log.extend((0..n).map(|i| revoke(&format!("g{i}"), &format!("dyr{i}"), on, true)));
    let reg = Registry::replay(Policy::sio(), log).unwrap();
    assert!(reg.rejected().is_empty());
    assert_eq!(reg.log().len(), 4 * n);
}
