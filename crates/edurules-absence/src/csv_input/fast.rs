//! The fast path for the documented fixed layout `pupil_id,date,hours,kind`: a byte parser over
//! newline-aligned chunks, in parallel, straight into accumulators.

use rayon::prelude::*;

use std::fs::File;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use super::{CsvSummary, Mode, fields, for_each_record};
use crate::engine::Batch;
use crate::{AbsenceError, AbsenceKind, AbsenceRecord, Accumulator, Evaluator, Unit};

const FIXED_HEADER: &[u8] = b"pupil_id,date,hours,kind";

/// Bytes per parallel chunk, at least.
const MIN_CHUNK: usize = 1 << 16;
/// Bytes per block: each block is parsed in parallel chunks, then applied to the counters, so
/// the memory beyond the counters stays bounded whatever the file size.
const BLOCK: usize = 64 << 20;

struct ChunkResult {
    batch: Batch,
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
fn chunks(body: &[u8], target: usize) -> Vec<&[u8]> {
    let target = target.max(1);
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
    let mut state = FastState {
        acc: ev.accumulator(),
        summary: CsvSummary::default(),
        offset: 1,
    };
    for block in chunks(body, BLOCK) {
        if !state.fold_block(ev, block, mode)? {
            return Ok(None);
        }
    }
    Ok(Some((state.acc, state.summary)))
}

/// The running state of the fast reader across blocks.
struct FastState<'e> {
    acc: Accumulator<'e>,
    summary: CsvSummary,
    /// Lines before the current block (the header is line 1).
    offset: u64,
}

impl<'e> FastState<'e> {
    /// Parses a block of whole lines in parallel chunks and applies it; `false` when the block
    /// needs the general reader.
    fn fold_block(
        &mut self,
        ev: &'e Evaluator<'e>,
        block: &[u8],
        mode: Mode,
    ) -> Result<bool, AbsenceError> {
        let threads = rayon::current_num_threads().max(1);
        let parts = chunks(block, (block.len() / (threads * 2)).max(MIN_CHUNK));
        let results: Vec<ChunkResult> = parts
            .par_iter()
            .map(|chunk| parse_chunk(ev, chunk, mode))
            .collect();
        if results.iter().any(|r| r.fallback) {
            return Ok(false);
        }
        let mut batches = Vec::with_capacity(results.len());
        for r in results {
            if let Some(err) = r.error {
                return Err(fields::shift_line(err, self.offset));
            }
            let mut s = r.summary;
            s.skips = s
                .skips
                .into_iter()
                .map(|e| fields::shift_line(e, self.offset))
                .collect();
            self.summary.merge(s);
            batches.push(r.batch);
            self.offset += r.lines;
        }
        self.acc.apply_batches(batches);
        Ok(true)
    }
}

/// Reads a records CSV file into a new accumulator of `ev`, in blocks of 64 MiB: memory stays
/// O(pupils + block) whatever the file size. Uses the parallel byte parser of
/// [`accumulate_csv_bytes`] for the fixed layout, and the general csv reader otherwise (the file
/// is then read again from its start).
///
/// # Errors
///
/// [`AbsenceError::Io`] when the file cannot be read; otherwise as [`crate::read_records`].
///
/// # Example
///
/// ```
/// use edurules_absence::*;
/// let (roster, planned) = (Roster::default(), Planned::default());
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2018, 3).unwrap(), &roster, &planned).unwrap();
/// let err = accumulate_csv_file(&ev, std::path::Path::new("/no/such/file.csv"), Mode::Strict).unwrap_err();
/// assert_eq!(err.code(), "absence.io");
/// ```
pub fn accumulate_csv_file<'e>(
    ev: &'e Evaluator<'e>,
    path: &Path,
    mode: Mode,
) -> Result<(Accumulator<'e>, CsvSummary), AbsenceError> {
    let io = |e: &std::io::Error| AbsenceError::Io {
        reason: format!("{}: {e}", path.display()),
    };
    let mut file = File::open(path).map_err(|e| io(&e))?;
    let mut buf: Vec<u8> = Vec::new();
    let mut eof = fill(&mut file, &mut buf, BLOCK).map_err(|e| io(&e))?;
    let Some(body) = fixed_body(&buf) else {
        return general_file(ev, path, mode);
    };
    let header_len = buf.len() - body.len();
    buf.drain(..header_len);
    let mut state = FastState {
        acc: ev.accumulator(),
        summary: CsvSummary::default(),
        offset: 1,
    };
    loop {
        // Whole lines only; the tail of a partial line waits for the next read.
        let cut = if eof {
            buf.len()
        } else {
            buf.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1)
        };
        if cut > 0 {
            if !state.fold_block(ev, buf.get(..cut).unwrap_or(&[]), mode)? {
                return general_file(ev, path, mode);
            }
            buf.drain(..cut);
        }
        if eof {
            break;
        }
        let want = buf.len() + BLOCK;
        eof = fill(&mut file, &mut buf, want).map_err(|e| io(&e))?;
    }
    Ok((state.acc, state.summary))
}

/// Reads until `buf` holds `want` bytes or the file ends; `true` at the end of the file.
fn fill(file: &mut File, buf: &mut Vec<u8>, want: usize) -> std::io::Result<bool> {
    let mut chunk = vec![0_u8; 1 << 20];
    while buf.len() < want {
        let n = file.read(&mut chunk)?;
        if n == 0 {
            return Ok(true);
        }
        buf.extend_from_slice(chunk.get(..n).unwrap_or(&[]));
    }
    Ok(false)
}

fn general_file<'e>(
    ev: &'e Evaluator<'e>,
    path: &Path,
    mode: Mode,
) -> Result<(Accumulator<'e>, CsvSummary), AbsenceError> {
    let file = File::open(path).map_err(|e| AbsenceError::Io {
        reason: format!("{}: {e}", path.display()),
    })?;
    let mut acc = ev.accumulator();
    let summary = for_each_record(
        std::io::BufReader::with_capacity(1 << 20, file),
        mode,
        &mut |r| {
            let _ = acc.push(r);
        },
    )?;
    Ok((acc, summary))
}

/// A direct-mapped cache of parsed dates: a region's file has a few hundred distinct dates.
struct DateCache {
    slots: Vec<Option<([u8; 10], NaiveDate)>>,
}

impl DateCache {
    const SLOTS: usize = 1024;

    fn new() -> Self {
        Self {
            slots: vec![None; Self::SLOTS],
        }
    }

    /// The date of `field`, with exactly the errors of [`fields::date`].
    #[inline]
    fn date(&mut self, field: &[u8], line: u64) -> Result<NaiveDate, AbsenceError> {
        let Ok(key) = <[u8; 10]>::try_from(field) else {
            return fields::date(field, line);
        };
        let hash = key.iter().fold(0_usize, |h, &b| {
            h.wrapping_mul(31).wrapping_add(usize::from(b))
        }) % Self::SLOTS;
        if let Some(Some((k, d))) = self.slots.get(hash)
            && *k == key
        {
            return Ok(*d);
        }
        let d = fields::date(field, line)?;
        if let Some(slot) = self.slots.get_mut(hash) {
            *slot = Some((key, d));
        }
        Ok(d)
    }
}

/// One row of the fixed layout into a checked record, with the errors of the general reader.
#[inline]
fn fixed_record(
    f: [&[u8]; 4],
    line: u64,
    dates: &mut DateCache,
) -> Result<AbsenceRecord, AbsenceError> {
    let [p, d, h, k] = f;
    let pupil = fields::pupil_id(p, line)?;
    let date = dates.date(d, line)?;
    let amount = fields::amount(h, line, "hours")?;
    let kind = fields::kind(k, line)?;
    let unit = if kind == AbsenceKind::Late {
        Unit::Minutes
    } else {
        Unit::Hours
    };
    let record = AbsenceRecord {
        pupil,
        date,
        amount,
        unit,
        kind,
        lesson: None,
    };
    record.check().map_err(|e| fields::incoherent(line, &e))?;
    Ok(record)
}

fn parse_chunk(ev: &Evaluator<'_>, chunk: &[u8], mode: Mode) -> ChunkResult {
    let mut out = ChunkResult {
        batch: Batch::new(ev),
        summary: CsvSummary::default(),
        lines: 0,
        error: None,
        fallback: false,
    };
    let mut dates = DateCache::new();
    let n = chunk.len();
    let mut pos = 0;
    while pos < n {
        // One pass over the line: commas, quotes, carriage returns, the newline.
        let start = pos;
        let mut commas = [start; 3];
        let mut count = 1;
        let mut quote = false;
        let mut crs = 0;
        let mut last_cr = 0;
        let mut end = n;
        let mut had_newline = false;
        for (i, &b) in chunk.get(start..).unwrap_or(&[]).iter().enumerate() {
            match b {
                b'\n' => {
                    end = start + i;
                    had_newline = true;
                    break;
                }
                b',' => {
                    if let Some(c) = commas.get_mut(count - 1) {
                        *c = start + i;
                    }
                    count += 1;
                }
                b'"' => quote = true,
                b'\r' => {
                    crs += 1;
                    last_cr = start + i;
                }
                _ => {}
            }
        }
        pos = if had_newline { end + 1 } else { n };
        let number = out.lines + 1;
        if had_newline {
            out.lines += 1;
        }
        let line_end = if crs > 0 && last_cr + 1 == end {
            end - 1
        } else {
            end
        };
        if quote || crs > usize::from(line_end != end) {
            out.fallback = true;
            return out;
        }
        if line_end == start {
            continue;
        }
        out.summary.rows += 1;
        let result = if count == 4 {
            let [c0, c1, c2] = commas;
            let field = |a: usize, b: usize| chunk.get(a..b).unwrap_or(&[]);
            fixed_record(
                [
                    field(start, c0),
                    field(c0 + 1, c1),
                    field(c1 + 1, c2),
                    field(c2 + 1, line_end),
                ],
                number,
                &mut dates,
            )
        } else {
            Err(fields::field_count(number, 4, count))
        };
        match (result, mode) {
            (Ok(record), _) => {
                out.summary.accepted += 1;
                out.batch.push(ev, &record);
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
