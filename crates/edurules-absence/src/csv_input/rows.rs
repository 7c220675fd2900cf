//! The roster and planned files: rows of fields turned into values, each block of lines parsed
//! in chunks on all rayon threads.

use std::io;

use super::lines::{self, BlockReader, Fields, QuoteError};
use super::{
    CsvSummary, MAX_LINE_BYTES, Mode, block_error, fields, header_names, split_header, too_long,
};
use crate::AbsenceError;

/// The fields of one split line.
pub(super) struct Row<'a> {
    fields: &'a Fields,
    line: &'a [u8],
}

impl<'a> Row<'a> {
    pub(super) fn get(&self, i: usize) -> &'a [u8] {
        self.fields.get(self.line, i)
    }
}

/// Reads a CSV of rows line by line: `header` finds the columns in the header's names,
/// `row` turns one row's fields into a value. Each block of lines is parsed in chunks on all
/// rayon threads; the values, counts, errors and line numbers are those of reading the lines
/// one after another.
pub(super) fn read_rows<R: io::Read, H: Sync, T: Send>(
    input: R,
    mode: Mode,
    header: impl FnOnce(&[Vec<u8>], &[u8]) -> Result<H, AbsenceError>,
    row: impl Fn(&H, &Row<'_>, u64) -> Result<T, AbsenceError> + Sync,
) -> Result<(Vec<T>, CsvSummary), AbsenceError> {
    use rayon::prelude::*;

    let mut reader = BlockReader::new(input);
    let Some(first) = reader.next_block().map_err(|e| block_error(e, 1))? else {
        return Err(AbsenceError::CsvHeader {
            column: "pupil_id".to_owned(),
        });
    };
    let (head, body) = split_header(&first)?;
    let names = header_names(head)?;
    let columns = header(&names, head)?;
    let width = names.len();
    let mut summary = CsvSummary {
        lines: 1,
        ..CsvSummary::default()
    };
    let mut out = Vec::new();
    // The number of the last line read (the header is line 1).
    let mut line = 1;
    let mut block = Some(body.to_vec());
    drop(first);
    let threads = rayon::current_num_threads().max(1);
    while let Some(bytes) = block {
        let target = (lines::BLOCK / (threads * 4)).max(1 << 16);
        let parts: Vec<RowsPart<T>> = lines::chunks(&bytes, target)
            .par_iter()
            .map(|chunk| rows_of(chunk, width, mode, &|r, l| row(&columns, r, l)))
            .collect();
        for part in parts {
            let offset = line;
            if let Some(e) = part.fatal {
                return Err(fields::shift_line(e, offset));
            }
            let mut s = part.summary;
            s.skips = s
                .skips
                .into_iter()
                .map(|e| fields::shift_line(e, offset))
                .collect();
            summary.merge(s);
            out.extend(part.values);
            line += part.lines;
        }
        block = reader.next_block().map_err(|e| block_error(e, line + 1))?;
    }
    Ok((out, summary))
}

/// What parsing one chunk of whole lines gave (lines numbered from 1 in the chunk).
struct RowsPart<T> {
    values: Vec<T>,
    summary: CsvSummary,
    lines: u64,
    /// The error that ends the reading (the first bad row in strict mode, an overlong line).
    fatal: Option<AbsenceError>,
}

/// Parses a chunk of whole lines into values, numbering its first line 1.
fn rows_of<T>(
    bytes: &[u8],
    width: usize,
    mode: Mode,
    row: &(dyn Fn(&Row<'_>, u64) -> Result<T, AbsenceError> + Sync),
) -> RowsPart<T> {
    let mut part = RowsPart {
        values: Vec::new(),
        summary: CsvSummary::default(),
        lines: 0,
        fatal: None,
    };
    let mut fields = Fields::default();
    let mut pos = 0;
    while pos < bytes.len() {
        let (end, next) = lines::line_end(bytes, pos).unwrap_or((bytes.len(), bytes.len()));
        part.lines += 1;
        let line = part.lines;
        part.summary.lines += 1;
        let content = bytes.get(pos..end).unwrap_or(&[]);
        pos = next;
        if content.len() > MAX_LINE_BYTES {
            part.fatal = Some(too_long(line));
            return part;
        }
        if content.iter().all(u8::is_ascii_whitespace) {
            part.summary.blank += 1;
            continue;
        }
        part.summary.rows += 1;
        let result = match fields.split(content) {
            Err(QuoteError) => Err(AbsenceError::CsvQuote { line }),
            Ok(()) if fields.len() != width => Err(fields::field_count(line, width, fields.len())),
            Ok(()) => row(
                &Row {
                    fields: &fields,
                    line: content,
                },
                line,
            ),
        };
        match (result, mode) {
            (Ok(v), _) => {
                part.summary.accepted += 1;
                part.values.push(v);
            }
            (Err(e), Mode::Strict) => {
                part.fatal = Some(e);
                return part;
            }
            (Err(e), Mode::Lenient) => part.summary.skip(e),
        }
    }
    part
}
