//! The direct path: one pass over a plain line that scans and parses each field at once.
//!
//! A plain line is what nearly every line of a register's export is: no quote, no space, an
//! ISO date, a whole amount. [`Direct::record`] reads such a line in a single pass and gives
//! the record; on anything else (a quote, a space, a decimal amount, a bad field, a blank line,
//! the wrong number of fields) it gives `None`, and the caller reads the line again on the
//! general path, which gives the same record or the error. So the direct path decides nothing
//! the general path would decide differently: it only skips its work on the common line.

use chrono::NaiveDate;

use super::RecordColumns;
use super::fields::DateCache;
use crate::{AbsenceKind, AbsenceRecord, MAX_LINE_BYTES, Quantity, Unit};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Pupil,
    Date,
    Amount,
    Kind,
    Lesson,
    Unit,
    Other,
}

/// The most columns the direct path reads; a wider file takes the general path.
const MAX_COLUMNS: usize = 16;

/// The roles of a file's columns, in order.
#[derive(Debug, Clone, Copy)]
pub(super) struct Direct {
    roles: [Role; MAX_COLUMNS],
    width: usize,
}

/// The fields being read from one line.
#[derive(Debug, Default)]
struct Found {
    pupil: u64,
    date: Option<NaiveDate>,
    amount: u64,
    kind: Option<AbsenceKind>,
    lesson: Option<u8>,
    unit: Option<Unit>,
}

impl Direct {
    /// The direct reader of files with these columns, or `None` when there are too many.
    pub(super) fn new(cols: &RecordColumns) -> Option<Self> {
        if cols.width > MAX_COLUMNS || cols.width == 0 {
            return None;
        }
        let mut roles = [Role::Other; MAX_COLUMNS];
        let mut set = |i: Option<usize>, r: Role| {
            if let Some(slot) = i.and_then(|i| roles.get_mut(i)) {
                *slot = r;
            }
        };
        set(Some(cols.pupil), Role::Pupil);
        set(Some(cols.date), Role::Date);
        set(Some(cols.amount), Role::Amount);
        set(Some(cols.kind), Role::Kind);
        set(cols.lesson, Role::Lesson);
        set(cols.unit, Role::Unit);
        Some(Self {
            roles,
            width: cols.width,
        })
    }

    /// The record of the plain line starting at `from` and the start of the next line, or
    /// `None` when the line is not plain (the general path then reads it).
    #[inline]
    pub(super) fn record(
        &self,
        bytes: &[u8],
        from: usize,
        dates: &mut DateCache,
    ) -> Option<(AbsenceRecord, usize)> {
        let mut found = Found::default();
        let mut i = from;
        let last = self.width - 1;
        for (n, role) in self.roles.iter().take(self.width).enumerate() {
            i = match role {
                Role::Pupil => {
                    let (v, len, at) = digits(bytes, i);
                    if len == 0 || len > 19 {
                        return None;
                    }
                    found.pupil = v;
                    at
                }
                Role::Amount => {
                    let (v, len, at) = digits(bytes, i);
                    if len == 0 || len > 9 {
                        return None;
                    }
                    found.amount = v;
                    at
                }
                Role::Lesson => {
                    let (v, len, at) = digits(bytes, i);
                    if len > 3 {
                        return None;
                    }
                    found.lesson = if len == 0 {
                        None
                    } else {
                        Some(u8::try_from(v).ok()?)
                    };
                    at
                }
                Role::Date => {
                    let key: [u8; 10] = bytes.get(i..i + 10)?.try_into().ok()?;
                    found.date = Some(dates.lookup(key)?);
                    i + 10
                }
                Role::Kind => {
                    let (kind, len) = if word(bytes, i, b"excused") {
                        (AbsenceKind::Excused, 7)
                    } else if word(bytes, i, b"unexcused") {
                        (AbsenceKind::Unexcused, 9)
                    } else if word(bytes, i, b"late") {
                        (AbsenceKind::Late, 4)
                    } else {
                        return None;
                    };
                    found.kind = Some(kind);
                    i + len
                }
                Role::Unit => {
                    let end = field_end(bytes, i)?;
                    found.unit = match bytes.get(i..end)? {
                        b"" => None,
                        b"hours" | b"lessons" => Some(Unit::Hours),
                        b"days" => Some(Unit::Days),
                        b"minutes" => Some(Unit::Minutes),
                        _ => return None,
                    };
                    end
                }
                Role::Other => field_end(bytes, i)?,
            };
            if n < last {
                if bytes.get(i) != Some(&b',') {
                    return None;
                }
                i += 1;
            }
        }
        let next = match bytes.get(i) {
            None => i,
            Some(b'\n') => i + 1,
            Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => i + 2,
            Some(b'\r') => i + 1,
            Some(_) => return None,
        };
        if i - from > MAX_LINE_BYTES {
            return None;
        }
        let kind = found.kind?;
        let record = AbsenceRecord {
            pupil: crate::PupilId(found.pupil),
            date: found.date?,
            amount: Quantity::whole(found.amount),
            unit: found.unit.unwrap_or(if kind == AbsenceKind::Late {
                Unit::Minutes
            } else {
                Unit::Hours
            }),
            kind,
            lesson: found.lesson,
        };
        record.check().ok()?;
        Some((record, next))
    }
}

/// The value of the ASCII digits starting at `from` (wrapping past 19 digits: the caller
/// refuses those), how many there are, and where they end.
#[inline]
fn digits(bytes: &[u8], from: usize) -> (u64, usize, usize) {
    let mut v = 0_u64;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        v = v.wrapping_mul(10).wrapping_add(u64::from(d));
        i += 1;
    }
    (v, i - from, i)
}

/// Whether `bytes` hold `w` at `at` (compared as a fixed-size array: no call to `memcmp`).
#[inline]
fn word<const N: usize>(bytes: &[u8], at: usize, w: &[u8; N]) -> bool {
    bytes
        .get(at..at + N)
        .and_then(|s| <&[u8; N]>::try_from(s).ok())
        == Some(w)
}

/// The end of an ignored field starting at `from`: the next comma or line end, or `None` at a
/// quote (the general path unquotes).
#[inline]
fn field_end(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    match rest
        .iter()
        .position(|&b| matches!(b, b',' | b'\n' | b'\r' | b'"'))
    {
        None => Some(bytes.len()),
        Some(p) if rest.get(p) == Some(&b'"') => None,
        Some(p) => Some(from + p),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::csv_input::{LineParser, Mode};

    fn cols(header: &str) -> RecordColumns {
        RecordColumns::from_header(header.as_bytes()).unwrap()
    }

    /// The records of the general path alone, and with the direct path first.
    fn both(header: &str, body: &str) -> (Vec<AbsenceRecord>, Vec<AbsenceRecord>, u64) {
        let c = cols(header);
        let direct = Direct::new(&c).unwrap();
        let mut dates = DateCache::new();
        let mut fast = Vec::new();
        let mut pos = 0;
        let bytes = body.as_bytes();
        let mut plain = 0;
        while pos < bytes.len() {
            if let Some((r, next)) = direct.record(bytes, pos, &mut dates) {
                fast.push(r);
                plain += 1;
                pos = next;
            } else {
                pos = super::super::lines::line_end(bytes, pos).map_or(bytes.len(), |(_, n)| n);
            }
        }
        let mut general = Vec::new();
        let mut parser = LineParser::new(c, Mode::Lenient);
        parser.general_only();
        parser.parse(bytes, 2, &mut |r| general.push(*r));
        (fast, general, plain)
    }

    #[test]
    fn plain_lines_give_the_general_records() {
        let body = "1,2018-03-05,2,excused\n22,2018-03-06,3,unexcused\r\n7,2018-03-07,5,late\r9,08.03.2018,1,excused";
        let (fast, general, plain) = both("pupil_id,date,hours,kind", body);
        assert_eq!(plain, 4);
        assert_eq!(fast, general);
    }

    #[test]
    fn any_column_order_and_extra_columns() {
        let body = "x,late,3,2018-03-05,5,minutes\n,excused,4,2018-03-06,2,\ny,unexcused,5,2018-03-06,1,lessons\n";
        let (fast, general, plain) = both("note,kind,pupil_id,date,hours,unit", body);
        assert_eq!(plain, 3);
        assert_eq!(fast, general);
        let with_lesson = "1,2018-03-05,1,excused,3\n1,2018-03-05,1,excused,\n";
        let (fast, general, plain) = both("pupil_id,date,hours,kind,lesson", with_lesson);
        assert_eq!(plain, 2);
        assert_eq!(fast, general);
    }

    #[test]
    fn anything_unusual_is_left_to_the_general_path() {
        for line in [
            "\"1\",2018-03-05,2,excused",
            " 1,2018-03-05,2,excused",
            "1,2018-02-30,2,excused",
            "1,2018-03-05,1.5,excused",
            "1,2018-03-05,2,Excused",
            "1,2018-03-05,2,excused,",
            "1,2018-03-05,2",
            "1,2018-03-05,0,late",
            "1,2018-03-05,2,excusedx",
            "12345678901234567890,2018-03-05,2,excused",
            "1,2018-03-05,1234567890,excused",
            "",
            "   ",
        ] {
            let c = cols("pupil_id,date,hours,kind");
            let d = Direct::new(&c).unwrap();
            let text = format!("{line}\n");
            assert!(
                d.record(text.as_bytes(), 0, &mut DateCache::new())
                    .is_none(),
                "{line}"
            );
        }
        let c = cols("pupil_id,date,hours,kind,lesson,note");
        let d = Direct::new(&c).unwrap();
        for line in [
            "1,2018-03-05,2,excused,3,",
            "1,2018-03-05,1,excused,16,",
            "1,2018-03-05,1,excused,256,",
            "1,2018-03-05,1,excused,0015,",
            "1,2018-03-05,1,excused,3,\"q\"",
        ] {
            assert!(
                d.record(line.as_bytes(), 0, &mut DateCache::new())
                    .is_none(),
                "{line}"
            );
        }
    }

    /// One field of a generated line: plain values, and every way a field can be unusual.
    fn field() -> impl Strategy<Value = String> {
        // Separated by `|`, which no field holds.
        const FIELDS: &str = "1|42|0|007|1234567890123456789|12345678901234567890| 5|5 |\"5\"||\
            2018-03-05|2018-09-01|05.03.2018|2018-02-30|2018-3-05|1.5|1/2|999999999|1000000000|\
            excused|unexcused|late|Late|excusedx|lat|hours|days|minutes|lessons|3|15|16|255|256|\
            0015|x\"y|\"a,b\"|-1";
        prop::sample::select(FIELDS.split('|').collect::<Vec<_>>()).prop_map(str::to_owned)
    }

    /// A line of fields, and the end that follows it.
    fn line() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(field(), 0..8),
            prop::sample::select(vec!["\n", "\r\n", "\r", ""]),
        )
            .prop_map(|(f, end)| format!("{}{end}", f.join(",")))
    }

    proptest! {
        /// Whatever the lines, reading with the direct path first gives exactly the records,
        /// counts, skipped rows and errors of the general path alone, in both modes.
        #[test]
        fn the_direct_path_changes_nothing(
            header in prop::sample::select(vec![
                "pupil_id,date,hours,kind",
                "pupil_id,date,hours,kind,lesson",
                "kind,unit,pupil_id,note,date,hours",
            ]),
            plain in prop::collection::vec((0_u64..1000, 1_u32..28, 0_u64..9, 0_usize..3), 0..6),
            lines in prop::collection::vec(line(), 0..12),
            strict in any::<bool>(),
        ) {
            let kinds = ["excused", "unexcused", "late"];
            let mut body = String::new();
            for (i, l) in lines.iter().enumerate() {
                if let Some(&(p, d, a, k)) = plain.get(i) {
                    let kind = kinds.get(k).copied().unwrap_or("excused");
                    let line = match header {
                        "pupil_id,date,hours,kind" => format!("{p},2018-03-{d:02},{a},{kind}\n"),
                        "pupil_id,date,hours,kind,lesson" => format!("{p},2018-03-{d:02},1,{kind},{a}\n"),
                        _ => format!("{kind},,{p},n,2018-03-{d:02},{a}\n"),
                    };
                    body.push_str(&line);
                }
                body.push_str(l);
                if !l.ends_with(['\n', '\r']) {
                    body.push('\n');
                }
            }
            let mode = if strict { Mode::Strict } else { Mode::Lenient };
            let run = |general: bool| {
                let mut p = LineParser::new(cols(header), mode);
                if general {
                    p.general_only();
                }
                let mut records = Vec::new();
                let parsed = p.parse(body.as_bytes(), 2, &mut |r| records.push(*r));
                (records, parsed.summary, parsed.lines, parsed.fatal)
            };
            prop_assert_eq!(run(false), run(true));
        }
    }

    #[test]
    fn too_many_columns_take_the_general_path() {
        let extra: String = (0..MAX_COLUMNS).map(|i| format!(",x{i}")).collect();
        let header = format!("pupil_id,date,hours,kind{extra}");
        assert!(Direct::new(&cols(&header)).is_none());
    }
}
