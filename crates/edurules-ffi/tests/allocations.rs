//! How many heap allocations one call makes, counted per thread by the test
//! binary's allocator: the hot calls of issue #11 §5 (`delegation.decide`
//! with its explanation, `delegation.decide_many`, `deadline.submission`)
//! must not regress to formatting every message in three languages,
//! serializing each identifier through a `String`, or building a decision's
//! chain only to read `allowed`.
//!
//! The bounds are a little above what the calls make today (2026-11-30:
//! an explained decision 27–32 allocations by language, a denied one 13–14,
//! a submission deadline 27–35); the same calls made 36 and 41 in Polish
//! with the messages already formatted in one language but not yet written
//! into one buffer, and more before that.
#![allow(unsafe_code, reason = "a counting global allocator")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use serde_json::json;

/// The system allocator, counting the allocations of each thread.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is passed on to `System` unchanged; the counter is a
// const-initialized thread local without a destructor, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get().saturating_add(1)));
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get().saturating_add(1)));
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get().saturating_add(1)));
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The allocations (and reallocations) `f` makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (u64, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    (ALLOCATIONS.with(Cell::get).saturating_sub(before), value)
}

/// An engine with registry `r`: director `dyr` of `S1`, who authorizes
/// `ann` for `pupils:read` (SIO act art. 68-70, seed 000); `ann` holds the
/// `secretariat` role.
fn engine(locale: &str) -> edurules_ffi::Engine {
    let options = json!({"preset": "poland-sio", "locale": locale}).to_string();
    let engine = edurules_ffi::Engine::new(options.as_bytes()).unwrap();
    let open = json!({"registry": "r", "events": [
        {"type": "appointment_recorded", "on": "2025-09-01", "appointment": {
            "id": "ap", "person": "dyr", "entity": "S1", "from": "2025-09-01", "until": "2026-08-31"}},
        {"type": "request_filed", "request": {"id": "rq", "applicant": "ann", "entity": "S1",
            "personal_email": "ann@example.com", "filed_on": "2025-09-01"}},
        {"type": "authorization_granted", "on": "2025-09-01", "authorization": {
            "id": "au", "grantor": "dyr", "grantee": "ann", "entity": "S1",
            "permissions": ["pupils:read"], "valid_from": "2025-09-01", "valid_until": "2026-02-28",
            "request": "rq", "document": "upoważnienie 1/2025"}},
        {"type": "role_assigned", "person": "ann", "entity": "S1", "role": "secretariat",
            "by": "dyr", "on": "2025-09-01"}
    ]});
    let answer = engine.call_json(b"delegation.open@1", open.to_string().as_bytes());
    assert!(answer.contains(r#""refused":[]"#), "{answer}");
    engine
}

/// The allocations of one call, after a first call has warmed the
/// thread's scratch buffers; the answer must be a success.
fn call(engine: &edurules_ffi::Engine, op: &[u8], request: &[u8]) -> u64 {
    let warm = engine.call_json(op, request);
    assert!(warm.contains(r#""status":"success""#), "{warm}");
    let (n, answer) = allocations(|| engine.call_json(op, request));
    assert_eq!(answer, warm);
    n
}

/// An explained decision (the default) through its three-link chain: every
/// line was formatted in Polish, Bulgarian and English, and each identifier
/// serialized through a `String`.
#[test]
fn an_explained_decision_allocates_little() {
    for locale in ["pl", "bg", "en"] {
        let engine = engine(locale);
        let allowed = br#"{"registry":"r","person":"ann","permission":"pupils:read","entity":"S1","at":"2026-01-15"}"#;
        let n = call(&engine, b"delegation.decide@1", allowed);
        assert!(n <= 24, "{locale}: {n} allocations");
        let denied = br#"{"registry":"r","person":"ann","permission":"pupils:read","entity":"S1","at":"2026-03-15"}"#;
        let n = call(&engine, b"delegation.decide@1", denied);
        assert!(n <= 12, "{locale}: {n} allocations");
    }
}

/// `decide_many` allocates per batch, not per query: each login and entity
/// id was made through a `String`, and each decision's chain or reasons
/// built, only to read `allowed`.
#[test]
fn decide_many_allocates_per_batch_not_per_query() {
    let engine = engine("pl");
    let query = r#"{"person":"ann","permission":"pupils:read","entity":"S1"}"#;
    let denied = r#"{"person":"eve","permission":"pupils:read","entity":"S1"}"#;
    let batch = |n: usize| {
        let queries: Vec<&str> = (0..n)
            .map(|i| if i % 2 == 0 { query } else { denied })
            .collect();
        format!(
            r#"{{"registry":"r","at":"2026-01-15","queries":[{}]}}"#,
            queries.join(",")
        )
        .into_bytes()
    };
    let small = call(&engine, b"delegation.decide_many@1", &batch(10));
    let large = call(&engine, b"delegation.decide_many@1", &batch(1_000));
    // The vectors of the batch grow by doubling: a few more allocations,
    // not one per query.
    assert!(
        large <= small + 30,
        "{small} for 10 queries, {large} for 1,000"
    );
}

/// A submission deadline with its explanation and legal basis: each text
/// was formatted in three languages.
#[test]
fn a_submission_deadline_allocates_little() {
    for locale in ["pl", "bg", "en"] {
        let engine = engine(locale);
        let request = br#"{"category":"art. 8 pkt 1 lit. d","change_date":"2025-12-19"}"#;
        let n = call(&engine, b"deadline.submission@1", request);
        assert!(n <= 36, "{locale}: {n} allocations");
    }
}
