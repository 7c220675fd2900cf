#![no_main]
//! Fuzz target `deadline_loader` (filled in by its crate's issue).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = data;
});
