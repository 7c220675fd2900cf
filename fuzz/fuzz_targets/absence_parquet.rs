#![no_main]
//! Fuzz target `absence_parquet`: the Parquet readers (feature `parquet`) on arbitrary bytes.
//!
//! - No panic, and only typed errors: a damaged file is an `absence.parquet_*` error (never an
//!   I/O error: the input is in memory), the roster also `DuplicatePupil` or `TooManyPupils`
//!   (a footer claiming more rows than a roster can hold).
//! - Accounting: when a file is read, every row is a record the accumulator received
//!   (`summary.rows == stats.records`), and every record is counted or not counted with a reason.
//! - Determinism: reading the same bytes twice (row groups on several threads) gives the same
//!   report or the same error.

use edurules_absence::{AbsenceError, Evaluator, Planned, RuleProfile, parquet};
use libfuzzer_sys::fuzz_target;

#[path = "common/absence_setup.rs"]
mod absence_setup;

fn typed(e: &AbsenceError) -> bool {
    e.code().starts_with("absence.parquet_")
}

/// The library catches a panic of the parquet crate on damaged data and answers
/// `absence.parquet_row_group` (`catch_unwind` in `parquet/read.rs`), but libfuzzer-sys's
/// panic hook aborts on every panic before it can be caught. A panic raised in the code of the
/// parquet crate or of the arrow crates it decodes into (an assertion of `arrow-buffer` on a
/// damaged definition level, found by this target) is left to the library (its message is still
/// printed); any other aborts the run as before, and a panic that escapes the library still
/// fails the input (libfuzzer-sys aborts when the target unwinds).
fn leave_parquet_panics_to_the_library() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_parquet = info.location().is_some_and(|at| {
                ["/parquet-", "/arrow-"]
                    .iter()
                    .any(|c| at.file().contains(c))
            });
            if in_parquet {
                eprintln!("caught by the library: {info}");
            } else {
                fuzzer_hook(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    leave_parquet_panics_to_the_library();
    let Some((roster, window)) = absence_setup::four_pupils_and_window() else {
        return;
    };
    let planned = Planned::default();
    let Ok(ev) = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned) else {
        return;
    };

    let once = parquet::accumulate_bytes(&ev, data.to_vec()).map(|(acc, s)| (ev.evaluate(&acc), s));
    let twice =
        parquet::accumulate_bytes(&ev, data.to_vec()).map(|(acc, s)| (ev.evaluate(&acc), s));
    assert_eq!(once, twice, "two readings of the same bytes differ");
    match once {
        Err(e) => assert!(typed(&e), "untyped error: {e:?}"),
        Ok((report, summary)) => {
            let st = report.stats;
            assert_eq!(summary.rows, st.records, "a row was lost or gained");
            assert_eq!(
                st.records,
                st.counted
                    + st.not_counted
                    + st.unknown_pupil
                    + st.outside_window
                    + st.late_not_counted
                    + st.duplicates,
                "{st:?}"
            );
        }
    }
    match parquet::read_roster_bytes(data.to_vec()) {
        Ok(_) => {}
        // A footer can claim billions of rows in a few bytes: the roster is refused as too
        // many pupils before anything is read (documented on `read_roster_bytes`).
        Err(e) => assert!(
            typed(&e)
                || matches!(
                    e,
                    AbsenceError::DuplicatePupil { .. } | AbsenceError::TooManyPupils { .. }
                ),
            "untyped roster error: {e:?}"
        ),
    }
});
