//! Compact JSON text with the keys of every object sorted, written straight
//! from a `Serialize` value into a byte buffer.
//!
//! The bytes are the same as `serde_json::to_value` followed by sorting
//! every object's keys and `serde_json::to_string` (the envelope's promise,
//! see `Envelope::to_json`), without building the `Value` tree: an object's
//! fields are written into one scratch buffer, then copied out in key order.
//! Leaves (numbers, booleans, strings with escapes) are written by
//! serde_json itself; a string with nothing to escape is copied as it is;
//! an `f32` is widened to `f64` first, as `serde_json::to_value` does.
//!
//! An object whose keys come in increasing order (most structs, every
//! `BTreeMap`) is written in place; the first key out of order moves what
//! was written into a scratch buffer, sorted at the end.
//!
//! The scratch buffers are kept per thread between calls, so that a call
//! in a steady state allocates nothing here but its answer.

use std::borrow::Cow;
use std::cell::RefCell;

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{self, Error as _};

type Error = serde_json::Error;

/// Appends the sorted JSON text of `value` to `out`.
///
/// On an error `out` may hold part of the text: the caller truncates it.
pub(crate) fn write_sorted(
    out: &mut Vec<u8>,
    value: &(impl Serialize + ?Sized),
) -> Result<(), Error> {
    // Taken out of the thread's slot for the call (a fresh pool if the slot
    // is gone or busy), put back after.
    let mut pool = POOL
        .try_with(|p| p.try_borrow_mut().map(|mut p| std::mem::take(&mut *p)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    let result = value.serialize(Writer {
        out,
        pool: &mut pool,
    });
    pool.trim();
    let _ = POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            *p = pool;
        }
    });
    result
}

/// Scratch buffers of objects, reused: objects are written depth first,
/// so the pool holds about as many as the deepest nesting.
#[derive(Default)]
struct Pool {
    bytes: Vec<Vec<u8>>,
    entries: Vec<Entries>,
}

/// (key, start, end) of each field of an object in its scratch buffer: from
/// the key's opening quote to the end of its value.
type Entries = Vec<(Cow<'static, str>, usize, usize)>;

/// A kept byte buffer larger than this is dropped rather than kept.
const KEEP_BYTES: usize = 64 << 10;
/// A kept list of entries longer than this is dropped rather than kept.
const KEEP_ENTRIES: usize = 1 << 10;
/// The most buffers of each kind kept.
const KEEP_BUFFERS: usize = 32;

impl Pool {
    fn bytes(&mut self) -> Vec<u8> {
        self.bytes.pop().unwrap_or_default()
    }

    fn entries(&mut self) -> Entries {
        self.entries.pop().unwrap_or_default()
    }

    fn give_bytes(&mut self, mut bytes: Vec<u8>) {
        if bytes.capacity() > 0 {
            bytes.clear();
            self.bytes.push(bytes);
        }
    }

    fn give_entries(&mut self, mut entries: Entries) {
        entries.clear();
        self.entries.push(entries);
    }

    /// Bounds what stays allocated between calls.
    fn trim(&mut self) {
        self.bytes.retain(|b| b.capacity() <= KEEP_BYTES);
        self.bytes.truncate(KEEP_BUFFERS);
        self.entries.retain(|e| e.capacity() <= KEEP_ENTRIES);
        self.entries.truncate(KEEP_BUFFERS);
    }
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::default();
}

/// The sorted JSON text of `value`.
#[cfg(test)]
pub(crate) fn to_sorted_string(value: &(impl Serialize + ?Sized)) -> Result<String, Error> {
    let mut out = Vec::new();
    write_sorted(&mut out, value)?;
    String::from_utf8(out).map_err(Error::custom)
}

/// Appends `text` as a JSON string: copied as it is when nothing in it
/// needs an escape (the same bytes as serde_json writes), else by serde_json.
#[inline]
pub(crate) fn write_str(out: &mut Vec<u8>, text: &str) -> Result<(), Error> {
    let bytes = text.as_bytes();
    if needs_escape(bytes) {
        return write_escaped(out, text);
    }
    quoted(out, bytes);
    Ok(())
}

/// A JSON string from a text's UTF-8 bytes: copied between quotes when
/// nothing in them needs an escape, else escaped by serde_json.
pub(crate) fn str_bytes(out: &mut Vec<u8>, bytes: &[u8]) -> Option<()> {
    if needs_escape(bytes) {
        return write_escaped(out, std::str::from_utf8(bytes).ok()?).ok();
    }
    quoted(out, bytes);
    Some(())
}

/// `"YYYY-MM-DD"`, as `edurules_locale::iso::date` writes it; `None` for a
/// year outside 0–9999, which chrono writes with a sign.
pub(crate) fn iso_date(out: &mut Vec<u8>, date: NaiveDate) -> Option<()> {
    quoted(out, &edurules::iso::ymd(&date)?);
    Some(())
}

/// `bytes` between quotes, as they are: for a text with nothing to escape.
#[inline]
fn quoted(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len().saturating_add(2));
    out.push(b'"');
    out.extend_from_slice(bytes);
    out.push(b'"');
}

/// `text` as a JSON string with its escapes, by serde_json: out of line, so
/// that the common case saves no registers for it.
#[cold]
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, text: &str) -> Result<(), Error> {
    ser::Serializer::serialize_str(&mut serde_json::Serializer::new(out), text)
}

/// Whether JSON escapes a byte of `bytes`: a control character, `"` or `\\`
/// (serde_json escapes nothing else). A short text (most keys and values)
/// is checked eight bytes at a time in a `u64`; a longer one in one pass
/// without a branch, which the compiler vectorizes (16 bytes at a time on
/// the baseline x86-64 target).
fn needs_escape(bytes: &[u8]) -> bool {
    if bytes.len() > 64 {
        return bytes.iter().fold(false, |any, &b| {
            any | (b < 0x20) | (b == b'"') | (b == b'\\')
        });
    }
    let mut words = bytes.chunks_exact(8);
    let mut any = 0;
    for word in &mut words {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        any |= escapes(u64::from_le_bytes(w));
    }
    // The rest padded with spaces, which need no escape.
    let mut last = [b' '; 8];
    let rest = words.remainder();
    if let Some(head) = last.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    any |= escapes(u64::from_le_bytes(last));
    any != 0
}

/// The high bit of each byte of `w` set where that byte needs an escape, and
/// possibly of bytes after it (a borrow; the word is nonzero exactly when some
/// byte needs one): the bit tricks "has zero byte" and "has byte less than n".
const fn escapes(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn zero_byte(v: u64) -> u64 {
        v.wrapping_sub(ONES) & !v & HIGH
    }
    let quote = zero_byte(w ^ (ONES * b'"' as u64));
    let backslash = zero_byte(w ^ (ONES * b'\\' as u64));
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    quote | backslash | control
}

/// The serializer: writes one value at the end of `out`.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
    pool: &'a mut Pool,
}

/// A leaf, written by serde_json.
macro_rules! leaf {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<(), Error> {
            ser::Serializer::$method(&mut serde_json::Serializer::new(self.out), v)
        }
    )*};
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    leaf!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
    );

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v)
    }

    fn collect_str<T: ?Sized + std::fmt::Display>(self, value: &T) -> Result<(), Error> {
        // Dates and other short texts are formatted on the stack, then
        // escaped in one go (a formatter writes them a character at a time).
        let mut short = Short::default();
        if std::fmt::write(&mut short, format_args!("{value}")).is_ok() {
            write_str(self.out, short.as_str())
        } else {
            write_str(self.out, &value.to_string())
        }
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        write_str(self.out, variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        write_str(self.out, variant)?;
        self.out.push(b':');
        value.serialize(Writer {
            out: &mut *self.out,
            pool: &mut *self.pool,
        })?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push(b'[');
        Ok(Seq {
            out: self.out,
            pool: self.pool,
            first: true,
            close: b"]",
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Seq<'a>, Error> {
        self.out.push(b'{');
        write_str(self.out, variant)?;
        self.out.extend_from_slice(b":[");
        Ok(Seq {
            out: self.out,
            pool: self.pool,
            first: true,
            close: b"]}",
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Object<'a>, Error> {
        Ok(Object::new(self.out, self.pool, b"}"))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Object<'a>, Error> {
        Ok(Object::new(self.out, self.pool, b"}"))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Object<'a>, Error> {
        self.out.push(b'{');
        write_str(self.out, variant)?;
        self.out.push(b':');
        Ok(Object::new(self.out, self.pool, b"}}"))
    }
}

/// A text of at most [`Short::CAPACITY`] bytes, formatted on the stack;
/// a longer one is refused (`fmt::Error`).
struct Short {
    buf: [u8; Short::CAPACITY],
    len: usize,
}

impl Short {
    const CAPACITY: usize = 64;

    fn as_str(&self) -> &str {
        // Only whole `&str`s are copied in, so the bytes are UTF-8.
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl Default for Short {
    fn default() -> Self {
        Self {
            buf: [0; Self::CAPACITY],
            len: 0,
        }
    }
}

impl std::fmt::Write for Short {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(std::fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }

    /// A formatter writes dates a character at a time.
    fn write_char(&mut self, c: char) -> std::fmt::Result {
        match (u8::try_from(c), self.buf.get_mut(self.len)) {
            (Ok(byte), Some(slot)) if byte.is_ascii() => {
                *slot = byte;
                self.len += 1;
                Ok(())
            }
            _ => self.write_str(c.encode_utf8(&mut [0; 4])),
        }
    }
}

/// An array being written.
struct Seq<'a> {
    out: &'a mut Vec<u8>,
    pool: &'a mut Pool,
    first: bool,
    close: &'static [u8],
}

impl Seq<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        value.serialize(Writer {
            out: &mut *self.out,
            pool: &mut *self.pool,
        })
    }

    fn close(self) -> Result<(), Error> {
        self.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// An object being written: in place in `out` while its keys come in
/// increasing order; from the first key out of order, its values go to
/// `scratch` as they come, with their keys, and `end` copies them out in key
/// order.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    pool: &'a mut Pool,
    /// Where the object's `{` is in `out`, while it is written in place.
    base: usize,
    /// Written in place (`true`) or in `scratch`.
    in_place: bool,
    scratch: Vec<u8>,
    /// Each field's key and bounds (`"key":value`): in `out` counted from
    /// `base` while in place (so that they hold in `scratch` once moved
    /// there), else in `scratch`.
    entries: Entries,
    /// A map's key waiting for its value.
    key: Option<String>,
    close: &'static [u8],
}

impl<'a> Object<'a> {
    fn new(out: &'a mut Vec<u8>, pool: &'a mut Pool, close: &'static [u8]) -> Self {
        let base = out.len();
        out.push(b'{');
        Self {
            scratch: Vec::new(),
            entries: pool.entries(),
            base,
            in_place: true,
            out,
            pool,
            key: None,
            close,
        }
    }

    fn field<T: ?Sized + Serialize>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Error> {
        if self.in_place {
            let after_last = self.entries.last().is_none_or(|(last, ..)| *last < key);
            if after_last {
                return self.field_in_place(key, value);
            }
            // Out of order: what was written moves to the scratch buffer.
            self.scratch = self.pool.bytes();
            let written = self
                .out
                .get(self.base..)
                .ok_or_else(|| Error::custom("object out of its buffer"))?;
            self.scratch.extend_from_slice(written);
            self.out.truncate(self.base);
            self.in_place = false;
        }
        let start = self.scratch.len();
        write_str(&mut self.scratch, &key)?;
        self.scratch.push(b':');
        value.serialize(Writer {
            out: &mut self.scratch,
            pool: &mut *self.pool,
        })?;
        self.entries.push((key, start, self.scratch.len()));
        Ok(())
    }

    /// Writes a field after the last one, in place.
    fn field_in_place<T: ?Sized + Serialize>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Error> {
        if !self.entries.is_empty() {
            self.out.push(b',');
        }
        let start = self.out.len() - self.base;
        write_str(self.out, &key)?;
        self.out.push(b':');
        value.serialize(Writer {
            out: &mut *self.out,
            pool: &mut *self.pool,
        })?;
        self.entries.push((key, start, self.out.len() - self.base));
        Ok(())
    }

    fn close(mut self) -> Result<(), Error> {
        if self.in_place {
            self.out.extend_from_slice(self.close);
            self.pool.give_entries(self.entries);
            return Ok(());
        }
        // Stable: of equal keys the last written wins, as in a map.
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        self.out.push(b'{');
        let mut first = true;
        let mut entries = self.entries.iter().peekable();
        while let Some((key, start, end)) = entries.next() {
            if entries.peek().is_some_and(|next| next.0 == *key) {
                continue;
            }
            if !first {
                self.out.push(b',');
            }
            first = false;
            // The key as written, its colon and its value.
            let field = self
                .scratch
                .get(*start..*end)
                .ok_or_else(|| Error::custom("field out of its buffer"))?;
            self.out.extend_from_slice(field);
        }
        self.out.extend_from_slice(self.close);
        self.pool.give_bytes(self.scratch);
        self.pool.give_entries(self.entries);
        Ok(())
    }
}

/// A map key as JSON writes it: strings as they are, numbers, booleans and
/// characters as their text (as `serde_json::to_value`).
fn key_text<T: ?Sized + Serialize>(key: &T) -> Result<String, Error> {
    match serde_json::to_value(key)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(Error::custom("key must be a string")),
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key_text(key)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error::custom("a map value without its key"))?;
        self.field(Cow::Owned(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

#[cfg(test)]
mod tests;
