#![no_main]
//! Fuzz target `absence_csv`: the CSV readers on arbitrary bytes. No panic; every row is either
//! accepted or skipped; the fast (parallel byte) reader and the general (csv crate) reader agree
//! on rows, skips, errors and counters; strict mode fails exactly when lenient mode skips, with
//! the first skip's error.

use edurules_absence::{
    Evaluator, Mode, Planned, RuleProfile, accumulate_csv_bytes, read_roster, stream_records,
};
use libfuzzer_sys::fuzz_target;

#[path = "common/absence_setup.rs"]
mod absence_setup;

fuzz_target!(|data: &[u8]| {
    let Some((roster, window)) = absence_setup::four_pupils_and_window() else {
        return;
    };
    let planned = Planned::default();
    let Ok(ev) = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned) else {
        return;
    };

    let fast =
        accumulate_csv_bytes(&ev, data, Mode::Lenient).map(|(acc, s)| (ev.evaluate(&acc), s));
    let mut acc = ev.accumulator();
    let general = stream_records(data, Mode::Lenient, &mut acc).map(|s| (ev.evaluate(&acc), s));
    assert_eq!(fast, general, "fast and general readers disagree");
    if let Ok((report, summary)) = &fast {
        assert_eq!(summary.rows, summary.accepted + summary.skipped);
        assert_eq!(report.stats.records, summary.accepted);
        let strict = accumulate_csv_bytes(&ev, data, Mode::Strict).map(|(_, s)| s);
        match (summary.skips.first(), strict) {
            (None, Ok(s)) => assert_eq!(&s, summary),
            (Some(first), Err(e)) => assert_eq!(first, &e),
            (a, b) => panic!("strict and lenient disagree: {a:?} vs {b:?}"),
        }
    }

    if let Ok((pupils, summary)) = read_roster(data, Mode::Lenient) {
        assert_eq!(summary.rows, summary.accepted + summary.skipped);
        assert_eq!(pupils.len() as u64, summary.accepted);
    }
});
