#![no_main]
//! Fuzz target `absence_reader`: the records file reader on arbitrary bytes (issue #14).
//!
//! - Accounting: every line is the header, a blank line, an accepted row or a skipped row
//!   (`lines == 1 + blank + rows`, `rows == accepted + skipped`), and every accepted row is a
//!   record the accumulator received.
//! - Containment: lenient mode never skips a good line: each line read alone under the same
//!   header is accepted exactly when it is accepted in the whole file (a quoting error cannot
//!   swallow the lines after it).
//! - Memory bound: the reader fails with `CsvLineTooLong` exactly when some line is longer
//!   than `MAX_LINE_BYTES` (and names the first such line), so no record buffer grows past it.
//! - The three entry points (bytes, reader, file-like reader) agree.

use edurules_absence::{
    AbsenceError, Evaluator, MAX_LINE_BYTES, Mode, Planned, RuleProfile, accumulate_csv_bytes,
    read_records, stream_records,
};
use libfuzzer_sys::fuzz_target;

#[path = "common/absence_setup.rs"]
mod absence_setup;

/// The physical lines of `data` (after a byte order mark): `\n`, `\r\n` or a lone `\r` end one.
fn lines(data: &[u8]) -> Vec<&[u8]> {
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        match data.get(i) {
            Some(b'\n') => {
                out.push(&data[start..i]);
                i += 1;
                start = i;
            }
            Some(b'\r') => {
                out.push(&data[start..i]);
                i += if data.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < data.len() {
        out.push(&data[start..]);
    }
    out
}

fuzz_target!(|data: &[u8]| {
    // Inputs past the bound are built by repeating the input, to reach long lines cheaply.
    let owned;
    let data = if data.first() == Some(&b'L') && data.len() < 64 {
        owned = data.repeat(MAX_LINE_BYTES / data.len().max(1) + 2);
        owned.as_slice()
    } else {
        data
    };
    let Some((roster, window)) = absence_setup::four_pupils_and_window() else {
        return;
    };
    let planned = Planned::default();
    let Ok(ev) = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned) else {
        return;
    };

    let all = lines(data);
    let too_long = all.iter().position(|l| l.len() > MAX_LINE_BYTES);
    let fast =
        accumulate_csv_bytes(&ev, data, Mode::Lenient).map(|(acc, s)| (ev.evaluate(&acc), s));
    let mut acc = ev.accumulator();
    let general = stream_records(data, Mode::Lenient, &mut acc).map(|s| (ev.evaluate(&acc), s));
    assert_eq!(fast, general, "bytes and reader disagree");

    match (&fast, too_long) {
        (Err(AbsenceError::CsvLineTooLong { line, .. }), Some(i)) => {
            assert_eq!(*line, i as u64 + 1, "the overlong line is named");
            return;
        }
        (Err(AbsenceError::CsvLineTooLong { .. }), None) => panic!("no line is too long"),
        (_, Some(i)) => panic!("line {} is too long but was read: {fast:?}", i + 1),
        (Err(_), None) => return, // a header error
        (Ok(_), None) => {}
    }
    let Ok((report, summary)) = fast else { return };
    assert_eq!(summary.rows, summary.accepted + summary.skipped);
    assert_eq!(summary.lines, 1 + summary.blank + summary.rows);
    assert_eq!(summary.lines, all.len().max(1) as u64);
    assert_eq!(report.stats.records, summary.accepted);
    // Every record is counted, or not counted with a reason.
    let st = report.stats;
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

    // Containment: each data line alone under the same header.
    if data.len() <= 4096 {
        let Some((header, body)) = all.split_first() else {
            return;
        };
        let mut accepted = 0;
        for line in body {
            let mut one = header.to_vec();
            one.push(b'\n');
            one.extend_from_slice(line);
            one.push(b'\n');
            if let Ok((_, s)) = read_records(one.as_slice(), Mode::Lenient) {
                accepted += s.accepted;
            }
        }
        assert_eq!(
            accepted, summary.accepted,
            "a line was lost or gained in context"
        );
    }
});
