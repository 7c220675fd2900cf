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

/// Whether a `Float64` amount is exact to 1/60: `v × 60` in `-0.5..2^53` and within 10⁻⁶ of
/// its nearest whole number. Without branches, so that checking a column vectorizes.
#[inline]
fn float_exact(v: f64) -> bool {
    // Below 2^53 sixtieths every whole number is exact in a float.
    const MAX: f64 = 9_007_199_254_740_992.0;
    let s = v * 60.0;
    // A NaN is in no range, so it is refused.
    let in_range = (-0.5..MAX).contains(&s);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_precision_loss,
        reason = "a saturating cast; for s in range, s + 0.5 is in 0..2^53 + 1 and its whole \
                  part is exact as a float"
    )]
    // INVARIANT: out of range the result is refused by `in_range`; a cast to i64 instead of
    // `f64::round` (a library call on the baseline x86-64 target) or a cast to u64 (several
    // instructions each way without AVX-512).
    let back = ((s + 0.5) as i64) as f64;
    in_range & ((s - back).abs() <= 1e-6)
}

/// Sixtieths of a `Float64` amount, when it is exact to 1/60 (within 10⁻⁶ of a sixtieth).
#[inline]
fn float_sixtieths(v: f64) -> Option<u64> {
    float_exact(v).then(|| nearest_sixtieth(v))
}

/// The nearest whole number of sixtieths of a `Float64` amount already checked by
/// [`float_exact`].
#[inline]
pub(super) fn nearest_sixtieth(v: f64) -> u64 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked by float_exact: v × 60 + 0.5 is in 0..2^53 + 1"
    )]
    // INVARIANT: as in `float_exact`, which every value went through.
    let r = ((v * 60.0 + 0.5) as i64) as u64;
    r
}

/// An amount column's values: a `Float64` column borrowed (every value checked exact to 1/60),
/// the other types converted to sixtieths once.
pub(super) enum Amounts<'a> {
    /// A `Float64` column, in units.
    Floats(&'a [f64]),
    /// Sixtieths.
    Sixtieths(Vec<u64>),
}

impl Amounts<'_> {
    /// The amount of a row in sixtieths (0 past the end).
    #[inline]
    pub(super) fn at(&self, row: usize) -> u64 {
        match self {
            Self::Floats(v) => v.get(row).map_or(0, |&v| nearest_sixtieth(v)),
            Self::Sixtieths(v) => v.get(row).copied().unwrap_or(0),
        }
    }
}

/// An amount column (no nulls): `Float64` borrowed after one check of every value, the others
/// in sixtieths.
pub(super) fn amounts<'a>(name: &str, array: &'a dyn Array) -> Result<Amounts<'a>, AbsenceError> {
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
    let sixtieths = match array.data_type() {
        DataType::Float64 => {
            let values: &[f64] = array.as_primitive::<Float64Type>().values();
            // One branch-free pass over the column; the refused row is searched only when
            // there is one.
            let exact = values.iter().fold(true, |ok, &v| ok & float_exact(v));
            if !exact
                && let Some((row, &v)) = values.iter().enumerate().find(|(_, v)| !float_exact(**v))
            {
                return Err(refused(row, v));
            }
            return Ok(Amounts::Floats(values));
        }
        DataType::Float32 => array
            .as_primitive::<Float32Type>()
            .values()
            .iter()
            .enumerate()
            .map(|(row, &v)| {
                let v = f64::from(v);
                float_sixtieths(v).ok_or_else(|| refused(row, v))
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
    };
    sixtieths.map(Amounts::Sixtieths)
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
    if !nullable {
        require_values(name, array)?;
    }
    let resolve = |s: Option<&str>| s.map_or(NULL, |s| parse(s.trim_ascii()).unwrap_or(BAD));
    let (out, texts) = match array.data_type() {
        DataType::Dictionary(key, _) => {
            let (out, values) = match key.as_ref() {
                DataType::Int8 => dictionary::<Int8Type>(array, resolve),
                DataType::Int16 => dictionary::<Int16Type>(array, resolve),
                DataType::Int32 => dictionary::<Int32Type>(array, resolve),
                DataType::Int64 => dictionary::<Int64Type>(array, resolve),
                DataType::UInt8 => dictionary::<UInt8Type>(array, resolve),
                DataType::UInt16 => dictionary::<UInt16Type>(array, resolve),
                DataType::UInt32 => dictionary::<UInt32Type>(array, resolve),
                DataType::UInt64 => dictionary::<UInt64Type>(array, resolve),
                _ => None,
            }
            .ok_or_else(|| wrong_type(name, array, TEXT_TYPES))?;
            (out, TextAt::Dict(values, array))
        }
        _ => {
            let s = Strings::of(array).ok_or_else(|| wrong_type(name, array, TEXT_TYPES))?;
            (
                (0..array.len()).map(|i| resolve(s.get(i))).collect(),
                TextAt::Plain(s),
            )
        }
    };
    if let Some(row) = out.iter().position(|&c| c == BAD) {
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

/// The code of a dictionary key.
#[inline]
fn code_of<N: TryInto<usize>>(table: &[u8], key: N) -> u8 {
    key.try_into()
        .ok()
        .and_then(|k| table.get(k).copied())
        .unwrap_or(BAD)
}

/// A dictionary column's codes, its values resolved once; `None` when its values are not text.
fn dictionary<'a, K: ArrowDictionaryKeyType>(
    array: &'a dyn Array,
    resolve: impl Fn(Option<&str>) -> u8,
) -> Option<(Vec<u8>, Strings<'a>)>
where
    K::Native: TryInto<usize>,
{
    let d: &DictionaryArray<K> = array.as_dictionary_opt::<K>()?;
    let values = Strings::of(d.values().as_ref())?;
    let table: Vec<u8> = (0..d.values().len())
        .map(|i| resolve(values.get(i)))
        .collect();
    let keys = d.keys();
    let out = match keys.nulls() {
        None => keys.values().iter().map(|k| code_of(&table, *k)).collect(),
        Some(nulls) => keys
            .values()
            .iter()
            .enumerate()
            .map(|(i, k)| {
                if nulls.is_null(i) {
                    NULL
                } else {
                    code_of(&table, *k)
                }
            })
            .collect(),
    };
    Some((out, values))
}
