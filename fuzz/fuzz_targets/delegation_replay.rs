#![no_main]
//! Fuzz target `delegation_replay` (filled in by its crate's issue).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = data;
});
