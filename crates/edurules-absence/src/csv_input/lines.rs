//! Physical lines and the fields of one line.
//!
//! A record is one physical line, ended by `\n`, `\r\n` or a lone `\r` (classic Mac OS). A
//! quoted field (`"…"`, with `""` for a quote) never spans lines, so a quoting error stays on
//! its line, and no line is longer than [`MAX_LINE_BYTES`], so memory stays bounded whatever the
//! input.

use std::io::{self, Read};

/// The longest line of a CSV file, in bytes, terminator excluded. A longer line (an unclosed
/// quote, a file without line ends) stops the reading with
/// [`crate::AbsenceError::CsvLineTooLong`] naming the line where it began.
///
/// # Example
///
/// ```
/// use edurules_absence::{AbsenceError, MAX_LINE_BYTES, Mode, read_records};
/// let long = format!("pupil_id,date,hours,kind\n1,\"{}\n", "x".repeat(MAX_LINE_BYTES));
/// let err = read_records(long.as_bytes(), Mode::Lenient).unwrap_err();
/// assert_eq!(err, AbsenceError::CsvLineTooLong { line: 2, limit: MAX_LINE_BYTES as u64 });
/// ```
pub const MAX_LINE_BYTES: usize = 64 << 10;

/// Bytes read per block. At most three blocks are held at once (one read, one queued, one
/// parsed), each at most `2 * BLOCK + MAX_LINE_BYTES` bytes.
pub(crate) const BLOCK: usize = 8 << 20;

/// The end of the line starting at `from`: (end of its content, start of the next line), or
/// `None` when the bytes hold no terminator after `from`.
#[inline]
pub(crate) fn line_end(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let rest = bytes.get(from..)?;
    let i = rest.iter().position(|&b| b == b'\n' || b == b'\r')?;
    let end = from + i;
    let next = if rest.get(i) == Some(&b'\r') && rest.get(i + 1) == Some(&b'\n') {
        end + 2
    } else {
        end + 1
    };
    Some((end, next))
}

/// Where to cut `buf` after its last complete line terminator: a `\r` as the very last byte
/// may be the first half of `\r\n`, so it counts only at the end of the input.
pub(crate) fn last_cut(buf: &[u8], eof: bool) -> Option<usize> {
    if eof {
        return Some(buf.len());
    }
    let body = buf.get(..buf.len().checked_sub(1)?)?;
    let p = body.iter().rposition(|&b| b == b'\n' || b == b'\r')?;
    if buf.get(p) == Some(&b'\r') && buf.get(p + 1) == Some(&b'\n') {
        Some(p + 2)
    } else {
        Some(p + 1)
    }
}

/// Splits `body` (whole lines) into parts of at least `target` bytes, each ending after a line
/// terminator.
pub(crate) fn chunks(body: &[u8], target: usize) -> Vec<&[u8]> {
    let target = target.max(1);
    let mut out = Vec::new();
    let mut rest = body;
    while rest.len() > target {
        let Some((_, cut)) = line_end(rest, target) else {
            break;
        };
        // A `\r` ending the part exactly at a `\r\n` boundary is handled by `line_end`.
        let (head, tail) = rest.split_at(cut.min(rest.len()));
        out.push(head);
        rest = tail;
    }
    out.push(rest);
    out
}

/// Why a block could not be read.
#[derive(Debug)]
pub(crate) enum BlockError {
    /// The reader failed.
    Io(io::Error),
    /// The input after the last complete line holds no terminator within the bound.
    TooLong,
}

/// Reads an input in blocks of whole lines, carrying the partial last line to the next block.
#[derive(Debug)]
pub(crate) struct BlockReader<R> {
    inner: R,
    carry: Vec<u8>,
    /// Buffers handed back to be filled again.
    spare: Vec<Vec<u8>>,
    eof: bool,
    first: bool,
    /// Bytes read from the input so far.
    pub(crate) read: u64,
}

impl<R: Read> BlockReader<R> {
    pub(crate) const fn new(inner: R) -> Self {
        Self {
            inner,
            carry: Vec::new(),
            spare: Vec::new(),
            eof: false,
            first: true,
            read: 0,
        }
    }

    /// Takes back a block already parsed, to fill it again (its memory is reused).
    pub(crate) fn recycle(&mut self, buf: Vec<u8>) {
        if self.spare.len() < 2 {
            self.spare.push(buf);
        }
    }

    /// The next block of whole lines (the first without a UTF-8 byte order mark), `None` at the
    /// end of the input.
    pub(crate) fn next_block(&mut self) -> Result<Option<Vec<u8>>, BlockError> {
        if self.eof {
            return Ok(None);
        }
        let mut buf = self.spare.pop().unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(&self.carry);
        self.carry.clear();
        let want = buf.len() + BLOCK;
        while buf.len() < want {
            let start = buf.len();
            // Grow by doubling from 64 KiB, so a small input costs a small buffer; the bytes
            // are read into the spare capacity, not zeroed first.
            let step = want.min(start + start.max(64 << 10)) - start;
            buf.reserve(step);
            match (&mut self.inner).take(step as u64).read_to_end(&mut buf) {
                Ok(n) => {
                    self.read += n as u64;
                    if n < step {
                        self.eof = true;
                        break;
                    }
                }
                Err(e) => return Err(BlockError::Io(e)),
            }
        }
        if self.first {
            self.first = false;
            if buf.starts_with(b"\xEF\xBB\xBF") {
                buf.drain(..3);
            }
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let cut = match last_cut(&buf, self.eof) {
            Some(cut) => cut,
            None if buf.len() > MAX_LINE_BYTES => return Err(BlockError::TooLong),
            None => 0,
        };
        self.carry.extend_from_slice(buf.get(cut..).unwrap_or(&[]));
        buf.truncate(cut);
        if self.carry.len() > BLOCK + MAX_LINE_BYTES {
            return Err(BlockError::TooLong);
        }
        Ok(Some(buf))
    }
}

/// A field of a split line: a range of the line, or of the unquoted copy.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
    unquoted: bool,
}

/// The fields of one line, reused from line to line.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    spans: Vec<Span>,
    scratch: Vec<u8>,
}

/// A quote that is not closed on its line, or that stands inside an unquoted field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuoteError;

impl Fields {
    /// The number of fields of the last split line.
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    /// Field `i` of the last split `line` (empty when past the end).
    #[inline]
    pub(crate) fn get<'a>(&'a self, line: &'a [u8], i: usize) -> &'a [u8] {
        let Some(s) = self.spans.get(i) else {
            return &[];
        };
        let src = if s.unquoted { &self.scratch } else { line };
        src.get(s.start as usize..s.end as usize).unwrap_or(&[])
    }

    /// Finds the line starting at `from` and splits it in the same pass (the common case: no
    /// quote): returns (end of its content, start of the next line, whether the split
    /// succeeded). A line longer than [`MAX_LINE_BYTES`] is not split (the caller refuses it).
    #[inline]
    pub(crate) fn scan_line(
        &mut self,
        bytes: &[u8],
        from: usize,
    ) -> (usize, usize, Result<(), QuoteError>) {
        self.spans.clear();
        let rest = bytes.get(from..).unwrap_or(&[]);
        let mut start = 0;
        let mut quote = false;
        let mut end = rest.len();
        for (i, &b) in rest.iter().enumerate() {
            match b {
                // Past the longest line no field is kept: the caller refuses the line, and a
                // line of commas up to the block's size must not grow `spans` with it.
                b',' if i <= MAX_LINE_BYTES => {
                    self.spans.push(span(start, i, false));
                    start = i + 1;
                }
                b'\n' | b'\r' => {
                    end = i;
                    break;
                }
                b'"' => quote = true,
                _ => {}
            }
        }
        let next = match rest.get(end) {
            None => rest.len(),
            Some(b'\r') if rest.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
        };
        let line = rest.get(..end).unwrap_or(&[]);
        let split = if line.len() > MAX_LINE_BYTES {
            Ok(())
        } else if quote {
            self.split_quoted(line)
        } else {
            self.spans.push(span(start, end, false));
            Ok(())
        };
        (from + end, from + next, split)
    }

    /// Splits one line (no terminator, at most [`MAX_LINE_BYTES`]) at commas, with RFC 4180
    /// quoting confined to the line.
    #[inline]
    pub(crate) fn split(&mut self, line: &[u8]) -> Result<(), QuoteError> {
        self.spans.clear();
        let mut start = 0;
        for (i, &b) in line.iter().enumerate() {
            match b {
                b',' => {
                    self.spans.push(span(start, i, false));
                    start = i + 1;
                }
                b'"' => return self.split_quoted(line),
                _ => {}
            }
        }
        self.spans.push(span(start, line.len(), false));
        Ok(())
    }

    fn split_quoted(&mut self, line: &[u8]) -> Result<(), QuoteError> {
        self.spans.clear();
        self.scratch.clear();
        let mut i = 0;
        loop {
            let start = self.scratch.len();
            // Spaces before an opening quote are allowed and dropped.
            let lead = line
                .get(i..)
                .map_or(0, |r| r.iter().take_while(|&&b| b == b' ').count());
            if line.get(i + lead) == Some(&b'"') {
                i += lead + 1;
                loop {
                    match line.get(i) {
                        None => return Err(QuoteError),
                        Some(b'"') if line.get(i + 1) == Some(&b'"') => {
                            self.scratch.push(b'"');
                            i += 2;
                        }
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(&b) => {
                            self.scratch.push(b);
                            i += 1;
                        }
                    }
                }
                // Only spaces may follow the closing quote before the comma.
                while line.get(i) == Some(&b' ') {
                    i += 1;
                }
                self.spans.push(span(start, self.scratch.len(), true));
                match line.get(i) {
                    None => return Ok(()),
                    Some(b',') => i += 1,
                    Some(_) => return Err(QuoteError),
                }
            } else {
                loop {
                    match line.get(i) {
                        None => {
                            self.spans.push(span(start, self.scratch.len(), true));
                            return Ok(());
                        }
                        Some(b',') => {
                            self.spans.push(span(start, self.scratch.len(), true));
                            i += 1;
                            break;
                        }
                        Some(b'"') => return Err(QuoteError),
                        Some(&b) => {
                            self.scratch.push(b);
                            i += 1;
                        }
                    }
                }
            }
        }
    }
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "INVARIANT: lines are at most MAX_LINE_BYTES long, far below u32::MAX"
)]
const fn span(start: usize, end: usize, unquoted: bool) -> Span {
    Span {
        start: start as u32,
        end: end as u32,
        unquoted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Result<Vec<String>, QuoteError> {
        let mut f = Fields::default();
        f.split(line.as_bytes())?;
        Ok((0..f.len())
            .map(|i| String::from_utf8_lossy(f.get(line.as_bytes(), i)).into_owned())
            .collect())
    }

    /// A line far past [`MAX_LINE_BYTES`] (here all commas) is found and refused, with no
    /// more than a line's worth of fields recorded on the way (found in review: one field
    /// per comma, 12 bytes each, up to the block's size).
    #[test]
    fn an_overlong_line_records_a_bounded_number_of_fields() {
        let mut bytes = vec![b','; 4 * MAX_LINE_BYTES];
        bytes.extend_from_slice(b"\nnext");
        let mut f = Fields::default();
        let (end, next, split) = f.scan_line(&bytes, 0);
        assert_eq!((end, next), (4 * MAX_LINE_BYTES, 4 * MAX_LINE_BYTES + 1));
        assert!(split.is_ok());
        assert!(f.spans.len() <= MAX_LINE_BYTES + 1, "{}", f.spans.len());
    }

    #[test]
    fn quoting_stays_on_the_line() {
        assert_eq!(split("a,b,,c").unwrap(), ["a", "b", "", "c"]);
        assert_eq!(
            split("\"a,b\",\"c\"\"d\", e").unwrap(),
            ["a,b", "c\"d", " e"]
        );
        assert_eq!(split("\"\"").unwrap(), [""]);
        assert_eq!(split(" \"x\" ,y").unwrap(), ["x", "y"]);
        assert!(split("\"a,b").is_err());
        assert!(split("a\"b,c").is_err());
        assert!(split("\"a\"b,c").is_err());
    }

    #[test]
    fn scanning_equals_finding_the_end_then_splitting() {
        let text = b"a,b\r\n\"x,y\",z\n\rq\"r,s\r,,\n\"open,\nlast";
        let (mut a, mut b) = (Fields::default(), Fields::default());
        let mut pos = 0;
        while pos < text.len() {
            let (end, next, split) = a.scan_line(text, pos);
            assert_eq!(
                line_end(text, pos).unwrap_or((text.len(), text.len())),
                (end, next)
            );
            let line = &text[pos..end];
            assert_eq!(split, b.split(line));
            if split.is_ok() {
                let fa: Vec<&[u8]> = (0..a.len()).map(|i| a.get(line, i)).collect();
                let fb: Vec<&[u8]> = (0..b.len()).map(|i| b.get(line, i)).collect();
                assert_eq!(fa, fb);
            }
            pos = next;
        }
    }

    #[test]
    fn terminators_and_cuts() {
        assert_eq!(line_end(b"ab\r\ncd", 0), Some((2, 4)));
        assert_eq!(line_end(b"ab\rcd", 0), Some((2, 3)));
        assert_eq!(line_end(b"abcd", 0), None);
        assert_eq!(last_cut(b"a\nb\r", false), Some(2));
        assert_eq!(last_cut(b"a\r\nb", false), Some(3));
        assert_eq!(last_cut(b"a\rb", false), Some(2));
        assert_eq!(last_cut(b"ab", false), None);
        assert_eq!(
            chunks(b"a\rb\r\nc\nd", 1),
            vec![&b"a\r"[..], b"b\r\n", b"c\n", b"d"]
        );
    }

    #[test]
    fn blocks_bound_the_carry() {
        let text = vec![b'x'; BLOCK * 3];
        let mut r = BlockReader::new(text.as_slice());
        assert!(matches!(r.next_block(), Err(BlockError::TooLong)));
        let mut r = BlockReader::new(&b"\xEF\xBB\xBFh\r\n1"[..]);
        assert_eq!(r.next_block().unwrap().unwrap(), b"h\r\n1");
        assert!(r.next_block().unwrap().is_none());
    }
}
