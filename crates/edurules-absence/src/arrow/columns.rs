//! Reading typed columns of a `RecordBatch`: each column is checked once (presence, type,
//! nulls), dictionaries are resolved once per batch, and values are turned into plain vectors
//! without a string allocation per row.

use std::borrow::Cow;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowDictionaryKeyType, ArrowPrimitiveType, Float32Type, Float64Type, Int8Type, Int16Type,
    Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, DictionaryArray, PrimitiveArray, RecordBatch};
use arrow_schema::DataType;

use crate::{AbsenceError, FieldFormat};

/// A row with no value (where a null is allowed) in a vector of codes.
pub(super) const NULL: u8 = u8::MAX;
/// A row whose value is not one of the names.
const BAD: u8 = u8::MAX - 1;

/// The Arrow names of the integer types accepted for ids and small numbers.
pub(super) const ID_TYPES: &str = "UInt64, Int64, UInt32, Int32";
/// The Arrow names of the types accepted for a name column (kind, unit, level, school).
pub(super) const TEXT_TYPES: &str =
    "Utf8, LargeUtf8, Utf8View, Dictionary(integer, Utf8 | LargeUtf8 | Utf8View)";
/// The Arrow names of the types accepted for a small number (lesson, grade).
pub(super) const SMALL_TYPES: &str = "UInt8, UInt16, UInt32, UInt64, Int8, Int16, Int32, Int64";
/// The Arrow names of the types accepted for an amount.
pub(super) const AMOUNT_TYPES: &str =
    "Float64, Float32, UInt8 … UInt64, Int8 … Int64 (whole units), Utf8, LargeUtf8, Utf8View";

/// A value as quoted in an error: at most 64 characters.
pub(super) fn shown(value: &str) -> String {
    value.chars().take(64).collect()
}

/// The column `name`, or the error naming it.
pub(super) fn column<'b>(batch: &'b RecordBatch, name: &str) -> Result<&'b ArrayRef, AbsenceError> {
    batch
        .column_by_name(name)
        .ok_or_else(|| AbsenceError::ArrowMissingColumn {
            column: name.to_owned(),
        })
}

/// The error for a column of the wrong type.
pub(super) fn wrong_type(name: &str, array: &dyn Array, expected: &str) -> AbsenceError {
    AbsenceError::ArrowColumnType {
        column: name.to_owned(),
        found: shown(&array.data_type().to_string()),
        expected: expected.to_owned(),
    }
}

/// The error for a value that is not what the column holds.
pub(super) fn bad_value(
    name: &str,
    row: usize,
    value: &str,
    expected: FieldFormat,
) -> AbsenceError {
    AbsenceError::ArrowValue {
        column: name.to_owned(),
        row: row as u64,
        value: shown(value),
        expected,
    }
}

fn null_at(name: &str, row: usize) -> AbsenceError {
    AbsenceError::ArrowNull {
        column: name.to_owned(),
        row: row as u64,
    }
}

/// Refuses a column with a null (for a dictionary: a null key or a null value it refers to).
pub(super) fn require_values(name: &str, array: &dyn Array) -> Result<(), AbsenceError> {
    if let Some(nulls) = array.logical_nulls()
        && nulls.null_count() > 0
    {
        let row = (0..array.len()).find(|&i| nulls.is_null(i)).unwrap_or(0);
        return Err(null_at(name, row));
    }
    Ok(())
}

/// An id column (no nulls) as `u64`s: borrowed when it is `UInt64`.
pub(super) fn ids<'a>(
    name: &str,
    array: &'a dyn Array,
    format: FieldFormat,
) -> Result<Cow<'a, [u64]>, AbsenceError> {
    require_values(name, array)?;
    fn signed<T: ArrowPrimitiveType>(
        name: &str,
        a: &PrimitiveArray<T>,
        format: FieldFormat,
    ) -> Result<Vec<u64>, AbsenceError>
    where
        T::Native: Into<i64>,
    {
        a.values()
            .iter()
            .enumerate()
            .map(|(row, &v)| {
                let v: i64 = v.into();
                u64::try_from(v).map_err(|_| bad_value(name, row, &v.to_string(), format))
            })
            .collect()
    }
    match array.data_type() {
        DataType::UInt64 => Ok(Cow::Borrowed(
            array.as_primitive::<UInt64Type>().values().as_ref(),
        )),
        DataType::UInt32 => Ok(Cow::Owned(
            array
                .as_primitive::<UInt32Type>()
                .values()
                .iter()
                .map(|&v| u64::from(v))
                .collect(),
        )),
        DataType::Int64 => signed(name, array.as_primitive::<Int64Type>(), format).map(Cow::Owned),
        DataType::Int32 => signed(name, array.as_primitive::<Int32Type>(), format).map(Cow::Owned),
        _ => Err(wrong_type(name, array, ID_TYPES)),
    }
}

/// An optional small number column (lesson, grade): `None` for a null.
pub(super) fn small_numbers(
    name: &str,
    array: &dyn Array,
) -> Result<Vec<Option<u8>>, AbsenceError> {
    fn read<T: ArrowPrimitiveType>(
        name: &str,
        a: &PrimitiveArray<T>,
    ) -> Result<Vec<Option<u8>>, AbsenceError>
    where
        T::Native: Into<i128>,
    {
        a.iter()
            .enumerate()
            .map(|(row, v)| match v {
                None => Ok(None),
                Some(v) => {
                    let v: i128 = v.into();
                    u8::try_from(v)
                        .map(Some)
                        .map_err(|_| bad_value(name, row, &v.to_string(), FieldFormat::SmallNumber))
                }
            })
            .collect()
    }
    match array.data_type() {
        DataType::UInt8 => read(name, array.as_primitive::<UInt8Type>()),
        DataType::UInt16 => read(name, array.as_primitive::<UInt16Type>()),
        DataType::UInt32 => read(name, array.as_primitive::<UInt32Type>()),
        DataType::UInt64 => read(name, array.as_primitive::<UInt64Type>()),
        DataType::Int8 => read(name, array.as_primitive::<Int8Type>()),
        DataType::Int16 => read(name, array.as_primitive::<Int16Type>()),
        DataType::Int32 => read(name, array.as_primitive::<Int32Type>()),
        DataType::Int64 => read(name, array.as_primitive::<Int64Type>()),
        _ => Err(wrong_type(name, array, SMALL_TYPES)),
    }
}

/// 2^52: for `s` in `0..2^52`, `s + 2^52` is `2^52 + s` rounded to a whole number, which the
/// low bits of the sum then hold.
const ROUND: f64 = 4_503_599_627_370_496.0;

/// The sixtieths of a `Float64` amount, and whether it is exact to 1/60: `v × 60` in
/// `-10⁻⁶..2^52` and within 10⁻⁶ of its nearest whole number, which is then the first value.
///
/// Without a branch and without a float-to-integer conversion (which the baseline x86-64 target
/// has only one value at a time, with extra instructions for Rust's saturating `as`): the
/// nearest whole number is `v × 60 + 2^52`, read from the bits of the float. A column converts
/// in vectorized passes.
#[inline]
fn float_sixtieths(v: f64) -> (u64, bool) {
    let s = v * 60.0;
    // A NaN compares false, so it is refused; so are the infinities. `&`, not `contains`
    // (`&&`), so that a column's loop vectorizes.
    #[expect(clippy::manual_range_contains, reason = "no short circuit, as said")]
    let in_range = (s >= -1e-6) & (s < ROUND);
    let sum = s + ROUND;
    let exact = in_range & ((s - (sum - ROUND)).abs() <= 1e-6);
    (sum.to_bits().wrapping_sub(ROUND.to_bits()), exact)
}

/// An amount column (no nulls) in sixtieths of its unit.
pub(super) fn amounts(name: &str, array: &dyn Array) -> Result<Vec<u64>, AbsenceError> {
    amounts_in(name, array, Vec::new())
}

/// [`amounts`], written into `reuse` (emptied first) where the column is of floats, the common
/// layout: a fold of many batches allocates it once.
pub(super) fn amounts_in(
    name: &str,
    array: &dyn Array,
    mut reuse: Vec<u64>,
) -> Result<Vec<u64>, AbsenceError> {
    require_values(name, array)?;
    let amount = FieldFormat::Amount;
    fn whole<T: ArrowPrimitiveType>(
        name: &str,
        a: &PrimitiveArray<T>,
    ) -> Result<Vec<u64>, AbsenceError>
    where
        T::Native: Into<i128>,
    {
        a.values()
            .iter()
            .enumerate()
            .map(|(row, &v)| {
                let v: i128 = v.into();
                u64::try_from(v)
                    .ok()
                    .and_then(|w| w.checked_mul(60))
                    .ok_or_else(|| bad_value(name, row, &v.to_string(), FieldFormat::Amount))
            })
            .collect()
    }
    let refused = |row: usize, v: f64| bad_value(name, row, &v.to_string(), amount);
    match array.data_type() {
        DataType::Float64 => {
            let values: &[f64] = array.as_primitive::<Float64Type>().values();
            // One branch-free pass over the column that converts and checks; the refused row
            // is searched only when there is one.
            let mut all_exact = true;
            reuse.clear();
            reuse.extend(values.iter().map(|&v| {
                let (sixtieths, exact) = float_sixtieths(v);
                all_exact &= exact;
                sixtieths
            }));
            if !all_exact
                && let Some((row, &v)) = values
                    .iter()
                    .enumerate()
                    .find(|(_, v)| !float_sixtieths(**v).1)
            {
                return Err(refused(row, v));
            }
            Ok(reuse)
        }
        DataType::Float32 => array
            .as_primitive::<Float32Type>()
            .values()
            .iter()
            .enumerate()
            .map(|(row, &v)| {
                let v = f64::from(v);
                match float_sixtieths(v) {
                    (sixtieths, true) => Ok(sixtieths),
                    (_, false) => Err(refused(row, v)),
                }
            })
            .collect(),
        DataType::UInt8 => whole(name, array.as_primitive::<UInt8Type>()),
        DataType::UInt16 => whole(name, array.as_primitive::<UInt16Type>()),
        DataType::UInt32 => whole(name, array.as_primitive::<UInt32Type>()),
        DataType::UInt64 => whole(name, array.as_primitive::<UInt64Type>()),
        DataType::Int8 => whole(name, array.as_primitive::<Int8Type>()),
        DataType::Int16 => whole(name, array.as_primitive::<Int16Type>()),
        DataType::Int32 => whole(name, array.as_primitive::<Int32Type>()),
        DataType::Int64 => whole(name, array.as_primitive::<Int64Type>()),
        _ => {
            let texts = Strings::of(array).ok_or_else(|| wrong_type(name, array, AMOUNT_TYPES))?;
            (0..array.len())
                .map(|row| {
                    let s = texts.get(row).unwrap_or_default();
                    s.trim_ascii()
                        .parse::<crate::Quantity>()
                        .map(crate::Quantity::sixtieths)
                        .map_err(|_| bad_value(name, row, s, amount))
                })
                .collect()
        }
    }
}

/// A plain string array of any of Arrow's three layouts.
#[derive(Clone, Copy)]
pub(super) enum Strings<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl<'a> Strings<'a> {
    pub(super) fn of(array: &'a dyn Array) -> Option<Self> {
        if let Some(a) = array.as_string_opt::<i32>() {
            return Some(Self::Utf8(a));
        }
        if let Some(a) = array.as_string_opt::<i64>() {
            return Some(Self::Large(a));
        }
        array.as_string_view_opt().map(Self::View)
    }

    /// The number of values.
    pub(super) fn len(self) -> usize {
        match self {
            Self::Utf8(a) => a.len(),
            Self::Large(a) => a.len(),
            Self::View(a) => a.len(),
        }
    }

    /// The value at `i`, `None` for a null (or past the end).
    pub(super) fn get(self, i: usize) -> Option<&'a str> {
        let (len, null) = match self {
            Self::Utf8(a) => (a.len(), a.is_null(i)),
            Self::Large(a) => (a.len(), a.is_null(i)),
            Self::View(a) => (a.len(), a.is_null(i)),
        };
        if i >= len || null {
            return None;
        }
        Some(match self {
            Self::Utf8(a) => a.value(i),
            Self::Large(a) => a.value(i),
            Self::View(a) => a.value(i),
        })
    }
}

/// A name column as one code per row: `parse` gives the code of a name, [`NULL`] marks a null
/// (refused unless `nullable`). A dictionary's values are parsed once, not once per row.
pub(super) fn codes(
    name: &str,
    array: &dyn Array,
    nullable: bool,
    parse: fn(&str) -> Option<u8>,
    format: FieldFormat,
) -> Result<Vec<u8>, AbsenceError> {
    codes_in(name, array, nullable, parse, format, Vec::new())
}

/// [`codes`], written into `reuse` (emptied first): a fold of many batches allocates it once.
pub(super) fn codes_in(
    name: &str,
    array: &dyn Array,
    nullable: bool,
    parse: fn(&str) -> Option<u8>,
    format: FieldFormat,
    mut reuse: Vec<u8>,
) -> Result<Vec<u8>, AbsenceError> {
    reuse.clear();
    if !nullable {
        require_values(name, array)?;
    }
    let resolve = |s: Option<&str>| s.map_or(NULL, |s| parse(s.trim_ascii()).unwrap_or(BAD));
    let (out, texts) = match array.data_type() {
        DataType::Dictionary(key, _) => {
            let (out, values) = match key.as_ref() {
                DataType::Int8 => dictionary::<Int8Type>(array, resolve, reuse),
                DataType::Int16 => dictionary::<Int16Type>(array, resolve, reuse),
                DataType::Int32 => dictionary::<Int32Type>(array, resolve, reuse),
                DataType::Int64 => dictionary::<Int64Type>(array, resolve, reuse),
                DataType::UInt8 => dictionary::<UInt8Type>(array, resolve, reuse),
                DataType::UInt16 => dictionary::<UInt16Type>(array, resolve, reuse),
                DataType::UInt32 => dictionary::<UInt32Type>(array, resolve, reuse),
                DataType::UInt64 => dictionary::<UInt64Type>(array, resolve, reuse),
                _ => None,
            }
            .ok_or_else(|| wrong_type(name, array, TEXT_TYPES))?;
            (out, TextAt::Dict(values, array))
        }
        _ => {
            let s = Strings::of(array).ok_or_else(|| wrong_type(name, array, TEXT_TYPES))?;
            // Names repeat (a level, a kind): one is parsed only when it differs from the
            // row before.
            let mut last: Option<(&str, u8)> = None;
            reuse.extend((0..array.len()).map(|i| {
                let text = s.get(i);
                match (text, last) {
                    (Some(text), Some((before, code))) if text == before => code,
                    _ => {
                        let code = resolve(text);
                        last = text.map(|t| (t, code));
                        code
                    }
                }
            }));
            (reuse, TextAt::Plain(s))
        }
    };
    // One branch-free pass; the refused row is searched only when there is one.
    if out.iter().fold(false, |bad, &c| bad | (c == BAD))
        && let Some(row) = out.iter().position(|&c| c == BAD)
    {
        return Err(bad_value(
            name,
            row,
            texts.get(row).unwrap_or_default(),
            format,
        ));
    }
    Ok(out)
}

/// Where to find the text of a row, for an error.
enum TextAt<'a> {
    Plain(Strings<'a>),
    Dict(Strings<'a>, &'a dyn Array),
}

impl<'a> TextAt<'a> {
    fn get(&self, row: usize) -> Option<&'a str> {
        match self {
            Self::Plain(s) => s.get(row),
            Self::Dict(values, array) => {
                let key = dictionary_key(*array, row)?;
                values.get(key)
            }
        }
    }
}

/// The key of row `row` of a dictionary array of any key type.
fn dictionary_key(array: &dyn Array, row: usize) -> Option<usize> {
    fn key<K: ArrowDictionaryKeyType>(array: &dyn Array, row: usize) -> Option<usize>
    where
        K::Native: TryInto<usize>,
    {
        let d = array.as_dictionary_opt::<K>()?;
        let keys = d.keys();
        if row >= keys.len() || keys.is_null(row) {
            return None;
        }
        keys.value(row).try_into().ok()
    }
    key::<Int8Type>(array, row)
        .or_else(|| key::<Int16Type>(array, row))
        .or_else(|| key::<Int32Type>(array, row))
        .or_else(|| key::<Int64Type>(array, row))
        .or_else(|| key::<UInt8Type>(array, row))
        .or_else(|| key::<UInt16Type>(array, row))
        .or_else(|| key::<UInt32Type>(array, row))
        .or_else(|| key::<UInt64Type>(array, row))
}

/// A dictionary key as an index: a negative key (sign-extended) is past any table.
#[inline]
fn index<N: arrow_array::ArrowNativeTypeOp>(key: N) -> usize {
    key.as_usize()
}

/// Key `i` in a dictionary's key type (every key type holds 0..[`SMALL`]).
fn key_of<N: arrow_array::ArrowNativeTypeOp>(i: usize) -> N {
    N::usize_as(i)
}

/// The most values of a dictionary whose keys are coded by comparison, not by a table lookup.
const SMALL: usize = 8;

/// The codes of a dictionary's keys (`NULL` for a null key, `BAD` for a key past the values):
/// `table` holds the code of each value followed by one `BAD`, where every key past the values
/// goes, so that each row costs no branch. A dictionary of at most [`SMALL`] values (the
/// kinds and units have 3) is coded by comparing the keys with each value's key, in passes
/// that vectorize in the keys' own width.
/// `out` (emptied first) is reused.
fn key_codes<K: ArrowDictionaryKeyType>(
    keys: &PrimitiveArray<K>,
    table: &[u8],
    mut out: Vec<u8>,
) -> Vec<u8> {
    out.clear();
    let Some((_, values)) = table.split_last() else {
        return out;
    };
    let past = values.len();
    out.reserve(keys.len());
    if past <= SMALL {
        // One pass per value, each a compare and a select that vectorize.
        out.resize(keys.len(), BAD);
        for (i, &code) in values.iter().enumerate() {
            let key: K::Native = key_of(i);
            for (out, &k) in out.iter_mut().zip(keys.values().iter()) {
                *out = if k == key { code } else { *out };
            }
        }
    } else {
        out.extend(
            keys.values()
                .iter()
                .map(|&k| table.get(index(k).min(past)).copied().unwrap_or(BAD)),
        );
    }
    if let Some(nulls) = keys.nulls()
        && nulls.null_count() > 0
    {
        for (row, out) in out.iter_mut().enumerate() {
            if nulls.is_null(row) {
                *out = NULL;
            }
        }
    }
    out
}

/// The codes of a dictionary array's rows, and its values (for an error).
fn dictionary<'a, K: ArrowDictionaryKeyType>(
    array: &'a dyn Array,
    resolve: impl Fn(Option<&str>) -> u8,
    reuse: Vec<u8>,
) -> Option<(Vec<u8>, Strings<'a>)> {
    let d: &DictionaryArray<K> = array.as_dictionary_opt::<K>()?;
    let values = Strings::of(d.values().as_ref())?;
    let table: Vec<u8> = (0..d.values().len())
        .map(|i| resolve(values.get(i)))
        .chain([BAD])
        .collect();
    Some((key_codes(d.keys(), &table, reuse), values))
}

#[cfg(test)]
mod tests {
    use super::{BAD, NULL, float_sixtieths, key_codes};
    use arrow_array::PrimitiveArray;
    use arrow_array::types::{Int8Type, Int32Type, UInt16Type};
    use proptest::prelude::*;

    /// The reference for [`key_codes`]: a null key is `NULL`, a key naming a value its code,
    /// any other key `BAD`.
    fn model_codes(keys: &[Option<i64>], codes: &[u8]) -> Vec<u8> {
        keys.iter()
            .map(|k| match k {
                None => NULL,
                Some(k) => usize::try_from(*k)
                    .ok()
                    .and_then(|k| codes.get(k).copied())
                    .unwrap_or(BAD),
            })
            .collect()
    }

    fn table(codes: &[u8]) -> Vec<u8> {
        codes.iter().copied().chain([BAD]).collect()
    }

    proptest! {
        /// Small dictionaries (compared) and large ones (looked up), keys of three widths,
        /// negative keys, keys past the values and nulls.
        #[test]
        fn dictionary_keys_code_as_the_model(
            codes in prop::collection::vec(0_u8..3, 1..14),
            keys in prop::collection::vec(prop::option::weighted(0.9, -3_i64..16), 0..70),
        ) {
            let expected = model_codes(&keys, &codes);
            let narrow: PrimitiveArray<Int8Type> =
                keys.iter().map(|k| k.map(|k| i8::try_from(k).unwrap())).collect();
            prop_assert_eq!(key_codes(&narrow, &table(&codes), vec![9; 3]), expected.clone());
            let wide: PrimitiveArray<Int32Type> =
                keys.iter().map(|k| k.map(|k| i32::try_from(k).unwrap())).collect();
            prop_assert_eq!(key_codes(&wide, &table(&codes), Vec::new()), expected.clone());
            // Unsigned keys: a negative key of the model is a key past the values.
            let unsigned: PrimitiveArray<UInt16Type> = keys
                .iter()
                .map(|k| k.map(|k| u16::try_from(k).unwrap_or(u16::MAX)))
                .collect();
            let expected: Vec<u8> = keys
                .iter()
                .zip(expected)
                .map(|(k, e)| if matches!(k, Some(k) if *k < 0) { BAD } else { e })
                .collect();
            prop_assert_eq!(key_codes(&unsigned, &table(&codes), Vec::new()), expected);
        }
    }

    /// The reference: `v × 60` rounded by `f64::round`, accepted when finite, in
    /// `-10⁻⁶..2^52` and within 10⁻⁶ of that whole number.
    fn model(v: f64) -> Option<u64> {
        let s = v * 60.0;
        let accepted = s.is_finite()
            && (-1e-6..4_503_599_627_370_496.0).contains(&s)
            && (s - s.round()).abs() <= 1e-6;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "accepted: s.round() is a whole number in 0..2^52 (or -0)"
        )]
        accepted.then(|| s.round() as u64)
    }

    fn engine(v: f64) -> Option<u64> {
        let (sixtieths, exact) = float_sixtieths(v);
        exact.then_some(sixtieths)
    }

    #[test]
    fn amounts_at_the_boundaries() {
        let top = 4_503_599_627_370_496.0 / 60.0;
        let cases: [(f64, Option<u64>); 16] = [
            (0.0, Some(0)),
            (-0.0, Some(0)),
            (1.0, Some(60)),
            (0.5, Some(30)),
            (1.0 / 60.0, Some(1)),
            (2.0 / 3.0, Some(40)),
            (-1e-6 / 60.0, Some(0)),
            (-1.1e-6 / 60.0, None),
            (-0.5, None),
            (-1.0 / 60.0, None),
            (0.001, None),
            (
                (4_503_599_627_370_495.0) / 60.0,
                Some(4_503_599_627_370_495),
            ),
            (top, None),
            (f64::NAN, None),
            (f64::INFINITY, None),
            (f64::MIN_POSITIVE / 2.0, Some(0)),
        ];
        for (v, expected) in cases {
            assert_eq!(engine(v), expected, "{v}");
            assert_eq!(model(v), expected, "{v} (model)");
        }
    }

    proptest! {
        #[test]
        fn any_float_converts_as_the_model(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            prop_assert_eq!(engine(v), model(v));
        }

        #[test]
        fn amounts_near_sixtieths_convert_as_the_model(whole in 0_u64..1 << 52, off in -2e-6_f64..2e-6) {
            #[expect(clippy::cast_precision_loss, reason = "below 2^52: exact")]
            let v = (whole as f64 + off) / 60.0;
            prop_assert_eq!(engine(v), model(v));
        }
    }
}
