#![no_main]
//! Fuzz target `absence_csv` (filled in by its crate's issue).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = data;
});
