//! The fast path for the documented fixed layout `pupil_id,date,hours,kind`: a byte parser over
//! newline-aligned chunks, in parallel, straight into accumulators.

use rayon::prelude::*;

use super::{CsvSummary, Mode, RecordColumns, fields, for_each_record, record_from_fields};
use crate::{AbsenceError, Accumulator, Evaluator};

const FIXED_HEADER: &[u8] = b"pupil_id,date,hours,kind";
const FIXED: RecordColumns = RecordColumns {
    pupil: 0,
    date: 1,
    amount: 2,
    kind: 3,
    lesson: None,
    unit: None,
    width: 4,
};

/// Bytes per parallel chunk, at least.
const MIN_CHUNK: usize = 1 << 20;

struct ChunkResult<'e> {
    acc: Accumulator<'e>,
    summary: CsvSummary,
    /// Newlines in the chunk, to number the lines of later chunks.
    lines: u64,
    /// The first error in strict mode (line relative to the chunk).
    error: Option<AbsenceError>,
    /// A byte the fast parser does not handle (a quote or a lone carriage return).
    fallback: bool,
}

/// Reads a whole records CSV held in memory into a new accumulator of `ev`, in parallel.
///
/// When the header is exactly `pupil_id,date,hours,kind` and the file has no quotes and no lone
/// carriage returns, a byte parser runs over newline-aligned chunks on all rayon threads;
/// otherwise the general csv reader runs. Both accept the same rows with the same errors and
/// line numbers.
///
/// # Errors
///
/// As [`crate::read_records`].
///
/// # Example
///
/// ```
/// use edurules_absence::*;
/// let roster = Roster::new(vec![Pupil { id: PupilId(1), school: SchoolId("S".into()), level: Level::School, grade: None }]).unwrap();
/// let planned = Planned::default();
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2018, 3).unwrap(), &roster, &planned).unwrap();
/// let csv = b"pupil_id,date,hours,kind\n1,2018-03-05,41,unexcused\n1,2018-03-06,x,excused\n";
/// let (acc, summary) = accumulate_csv_bytes(&ev, csv, Mode::Lenient).unwrap();
/// assert_eq!((summary.rows, summary.accepted, summary.skipped), (2, 1, 1));
/// assert_eq!(ev.evaluate(&acc).flags.len(), 1);
/// ```
pub fn accumulate_csv_bytes<'e>(
    ev: &'e Evaluator<'e>,
    bytes: &[u8],
    mode: Mode,
) -> Result<(Accumulator<'e>, CsvSummary), AbsenceError> {
    if let Some(body) = fixed_body(bytes)
        && let Some(result) = fast(ev, body, mode)?
    {
        return Ok(result);
    }
    let mut acc = ev.accumulator();
    let summary = for_each_record(bytes, mode, &mut |r| {
        let _ = acc.push(r);
    })?;
    Ok((acc, summary))
}

/// The bytes after the header line when the header is exactly the fixed layout.
fn fixed_body(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(FIXED_HEADER)?;
    let rest = rest.strip_prefix(b"\r").unwrap_or(rest);
    if rest.is_empty() {
        return Some(rest);
    }
    rest.strip_prefix(b"\n")
}

/// Splits `body` into chunks that end just after a newline.
fn chunks(body: &[u8], parts: usize) -> Vec<&[u8]> {
    let target = (body.len() / parts.max(1)).max(MIN_CHUNK);
    let mut out = Vec::new();
    let mut rest = body;
    while rest.len() > target {
        let cut = rest
            .get(target..)
            .and_then(|tail| tail.iter().position(|&b| b == b'\n'))
            .map(|p| target + p + 1);
        let Some(cut) = cut else { break };
        let (head, tail) = rest.split_at(cut);
        out.push(head);
        rest = tail;
    }
    out.push(rest);
    out
}

fn fast<'e>(
    ev: &'e Evaluator<'e>,
    body: &[u8],
    mode: Mode,
) -> Result<Option<(Accumulator<'e>, CsvSummary)>, AbsenceError> {
    let parts = chunks(body, rayon::current_num_threads() * 2);
    let results: Vec<ChunkResult<'e>> = parts
        .par_iter()
        .map(|chunk| parse_chunk(ev, chunk, mode))
        .collect();
    if results.iter().any(|r| r.fallback) {
        return Ok(None);
    }
    // The header is line 1; the first data line is line 2.
    let mut offset = 1;
    let mut acc = ev.accumulator();
    let mut summary = CsvSummary::default();
    for r in results {
        if let Some(err) = r.error {
            return Err(fields::shift_line(err, offset));
        }
        let mut s = r.summary;
        s.skips = s
            .skips
            .into_iter()
            .map(|e| fields::shift_line(e, offset))
            .collect();
        summary.merge(s);
        acc.merge(r.acc);
        offset += r.lines;
    }
    Ok(Some((acc, summary)))
}

fn parse_chunk<'e>(ev: &'e Evaluator<'e>, chunk: &[u8], mode: Mode) -> ChunkResult<'e> {
    let mut out = ChunkResult {
        acc: ev.accumulator(),
        summary: CsvSummary::default(),
        lines: 0,
        error: None,
        fallback: false,
    };
    let mut rest = chunk;
    while !rest.is_empty() {
        let (line, tail) = match rest.iter().position(|&b| b == b'\n') {
            Some(p) => (
                rest.get(..p).unwrap_or(&[]),
                rest.get(p + 1..).unwrap_or(&[]),
            ),
            None => (rest, &[][..]),
        };
        let had_newline = tail.len() < rest.len() - line.len();
        rest = tail;
        let number = out.lines + 1;
        if had_newline {
            out.lines += 1;
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        if line.iter().any(|&b| b == b'"' || b == b'\r') {
            out.fallback = true;
            return out;
        }
        out.summary.rows += 1;
        let mut fields_at = [&[][..]; 4];
        let mut count = 0;
        for f in line.split(|&b| b == b',') {
            if let Some(slot) = fields_at.get_mut(count) {
                *slot = f;
            }
            count += 1;
        }
        let result = if count == 4 {
            record_from_fields(
                &|i| fields_at.get(i).copied().unwrap_or(&[]),
                &FIXED,
                number,
            )
        } else {
            Err(fields::field_count(number, 4, count))
        };
        match (result, mode) {
            (Ok(record), _) => {
                out.summary.accepted += 1;
                let _ = out.acc.push(record);
            }
            (Err(e), Mode::Strict) => {
                out.error = Some(e);
                return out;
            }
            (Err(e), Mode::Lenient) => out.summary.skip(e),
        }
    }
    out
}
