//! The parallel path: one thread reads blocks of whole lines while the rayon threads parse the
//! previous block in newline-aligned chunks straight into per-chunk batches.

use rayon::prelude::*;

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::mpsc;

use super::lines::{self, BLOCK, BlockError, BlockReader};
use super::{CsvSummary, LineParser, Mode, Parsed, RecordColumns, block_error, fields};
use crate::engine::Batch;
use crate::{AbsenceError, Accumulator, Evaluator};

/// Bytes per parallel chunk, at least.
const MIN_CHUNK: usize = 1 << 16;

/// Reads a whole records CSV held in memory into a new accumulator of `ev`, in parallel.
///
/// Any column order, quoted fields, a byte order mark, `\n`, `\r\n` or `\r` line ends and the
/// optional `lesson` and `unit` columns all take the same parallel path: blocks of whole lines
/// are parsed in chunks on all rayon threads. The rows, errors and line numbers are exactly
/// those of [`crate::stream_records`].
///
/// # Errors
///
/// As [`crate::read_records`].
///
/// # Example
///
/// ```
/// use edurules_absence::*;
/// let roster = Roster::new(vec![Pupil::new(PupilId(1), SchoolId("S".into()), Level::School)]).unwrap();
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
    accumulate_slice(ev, bytes, mode)
}

/// Reads a records CSV file into a new accumulator of `ev`: one thread reads blocks of 8 MiB
/// while the others parse the previous block, so reading overlaps parsing. Memory beyond the
/// counters stays bounded whatever the file (three blocks of at most 16 MiB plus
/// [`crate::MAX_LINE_BYTES`]).
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
    accumulate_csv_file_with_progress(ev, path, mode, &mut |_, _| {})
}

/// [`accumulate_csv_file`], calling `progress` after each block with the bytes read and the
/// data rows parsed so far (for a progress bar; the file's size is
/// `std::fs::metadata(path)?.len()`).
///
/// # Errors
///
/// As [`accumulate_csv_file`].
///
/// # Example
///
/// ```
/// use edurules_absence::*;
/// let (roster, planned) = (Roster::default(), Planned::default());
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2018, 3).unwrap(), &roster, &planned).unwrap();
/// let path = std::env::temp_dir().join("edurules-absence-progress-doc.csv");
/// std::fs::write(&path, "pupil_id,date,hours,kind\n1,2018-03-05,2,excused\n").unwrap();
/// let mut seen = (0, 0);
/// let (_, summary) = accumulate_csv_file_with_progress(&ev, &path, Mode::Strict, &mut |b, r| seen = (b, r)).unwrap();
/// assert_eq!((summary.rows, seen), (1, (48, 1)));
/// assert!(accumulate_csv_file_with_progress(&ev, std::path::Path::new("/no/such"), Mode::Strict, &mut |_, _| {}).is_err());
/// ```
pub fn accumulate_csv_file_with_progress<'e>(
    ev: &'e Evaluator<'e>,
    path: &Path,
    mode: Mode,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(Accumulator<'e>, CsvSummary), AbsenceError> {
    let file = File::open(path).map_err(|e| AbsenceError::Io {
        path: Some(edurules_locale::clip(&path.display().to_string())),
        kind: e.kind(),
        reason: edurules_locale::clip(&e.to_string()),
    })?;
    accumulate_reader(ev, file, mode, progress)
}

/// A block from the reading thread: bytes read so far, then the block or why it failed.
type Piece = (u64, Result<Vec<u8>, BlockError>);

fn accumulate_reader<'e, R: Read + Send>(
    ev: &'e Evaluator<'e>,
    input: R,
    mode: Mode,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(Accumulator<'e>, CsvSummary), AbsenceError> {
    std::thread::scope(|scope| {
        // One block queued while one is parsed and one is read.
        let (tx, rx) = mpsc::sync_channel::<Piece>(1);
        // Parsed blocks go back to the reader to be filled again: no fresh pages per block.
        let (back_tx, back_rx) = mpsc::channel::<Vec<u8>>();
        scope.spawn(move || {
            let mut reader = BlockReader::new(input);
            loop {
                while let Ok(spare) = back_rx.try_recv() {
                    reader.recycle(spare);
                }
                let next = reader.next_block();
                let done = !matches!(next, Ok(Some(_)));
                let piece = match next {
                    Ok(Some(b)) => (reader.read, Ok(b)),
                    Ok(None) => break,
                    Err(e) => (reader.read, Err(e)),
                };
                // The receiver stops listening after an error; then reading stops too.
                if tx.send(piece).is_err() || done {
                    break;
                }
            }
        });
        let mut state = State::new(ev);
        for (read, piece) in rx {
            let block = state.take(ev, piece, mode)?;
            progress(read, state.summary.rows);
            // The reader may have stopped (at the end of the input); then the block is dropped.
            let _ = back_tx.send(block);
        }
        state.finish()
    })
}

/// [`accumulate_reader`] on bytes in memory, reading and parsing on the calling thread (no
/// thread is started: reading a slice is a copy).
fn accumulate_slice<'e>(
    ev: &'e Evaluator<'e>,
    bytes: &[u8],
    mode: Mode,
) -> Result<(Accumulator<'e>, CsvSummary), AbsenceError> {
    let mut reader = BlockReader::new(bytes);
    let mut state = State::new(ev);
    loop {
        let piece = match reader.next_block() {
            Ok(Some(b)) => Ok(b),
            Ok(None) => break,
            Err(e) => Err(e),
        };
        let block = state.take(ev, piece, mode)?;
        reader.recycle(block);
    }
    state.finish()
}

/// The running state across blocks.
struct State<'e> {
    acc: Accumulator<'e>,
    summary: CsvSummary,
    /// The columns, once the header is read.
    cols: Option<RecordColumns>,
    /// The number of the next line to read (the header is line 1).
    next_line: u64,
    /// The batches of the last block, emptied and refilled: their memory is kept.
    pool: Vec<Batch>,
}

impl<'e> State<'e> {
    fn new(ev: &'e Evaluator<'e>) -> Self {
        Self {
            acc: ev.accumulator(),
            summary: CsvSummary {
                lines: 1,
                ..CsvSummary::default()
            },
            cols: None,
            next_line: 2,
            pool: Vec::new(),
        }
    }

    /// Applies the next block read (the first holds the header), giving it back to be filled
    /// again.
    fn take(
        &mut self,
        ev: &'e Evaluator<'e>,
        piece: Result<Vec<u8>, BlockError>,
        mode: Mode,
    ) -> Result<Vec<u8>, AbsenceError> {
        let at = if self.cols.is_some() {
            self.next_line
        } else {
            1
        };
        let block = piece.map_err(|e| block_error(e, at))?;
        let (cols, body) = match self.cols {
            Some(c) => (c, block.as_slice()),
            None => {
                let (header, body) = super::split_header(&block)?;
                let c = RecordColumns::from_header(header)?;
                self.cols = Some(c);
                (c, body)
            }
        };
        self.fold_block(ev, &cols, body, mode)?;
        Ok(block)
    }

    /// The accumulator and the summary, once every block is applied.
    fn finish(self) -> Result<(Accumulator<'e>, CsvSummary), AbsenceError> {
        if self.cols.is_none() {
            return Err(AbsenceError::CsvHeader {
                column: "pupil_id".to_owned(),
            });
        }
        Ok((self.acc, self.summary))
    }

    /// Parses a block of whole lines in parallel chunks and applies it.
    fn fold_block(
        &mut self,
        ev: &'e Evaluator<'e>,
        cols: &RecordColumns,
        block: &[u8],
        mode: Mode,
    ) -> Result<(), AbsenceError> {
        let threads = rayon::current_num_threads().max(1);
        let target = (BLOCK / (threads * 4)).max(MIN_CHUNK);
        let parts = lines::chunks(block, target);
        while self.pool.len() < parts.len() {
            self.pool.push(Batch::new(ev));
        }
        let batches = self.pool.get_mut(..parts.len()).unwrap_or_default();
        let results: Vec<Parsed> = parts
            .par_iter()
            .zip(batches.par_iter_mut())
            .map(|(chunk, batch)| {
                batch.clear();
                let mut parser = LineParser::new(*cols, mode);
                parser.parse(chunk, 1, &mut |r| batch.push(ev, r))
            })
            .collect();
        let offset_base = self.next_line;
        let mut offset = offset_base - 1;
        for parsed in results {
            if let Some(err) = parsed.fatal {
                return Err(fields::shift_line(err, offset));
            }
            let mut s = parsed.summary;
            s.skips = s
                .skips
                .into_iter()
                .map(|e| fields::shift_line(e, offset))
                .collect();
            self.summary.merge(s);
            offset += parsed.lines;
        }
        self.next_line = offset + 1;
        self.acc.apply_batches(batches);
        Ok(())
    }
}
