//! Exact amounts and percentages: no floating point anywhere near a threshold.
//!
//! A [`Quantity`] counts sixtieths of a unit (an hour, a day, a minute), so ½, ⅓, ¼, ⅕, ⅙, 1/10, 1/12,
//! 1/20 and 1/30 are all exact. A [`Percent`] counts hundredths of a percent, so 49.9 % and 50 % are
//! distinct exact values. Both are written as strings in configuration (`"130"`, `"0.5"`, `"1/3"`,
//! `"49.9"`) and also accept a bare JSON integer.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use crate::AbsenceError;

/// The number of parts a unit is split into: amounts are exact multiples of 1/60.
pub const PARTS_PER_UNIT: u64 = 60;

/// An exact non-negative amount of a unit, stored as sixtieths.
///
/// # Example
///
/// ```
/// use edurules_absence::Quantity;
/// let half: Quantity = "0.5".parse().unwrap();
/// assert_eq!(half, Quantity::from_fraction(1, 2).unwrap());
/// assert_eq!(Quantity::whole(130).to_string(), "130");
/// assert!("0.01".parse::<Quantity>().is_err()); // not a multiple of 1/60
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Quantity(u64);

impl Quantity {
    /// Zero.
    pub const ZERO: Self = Self(0);
    /// One whole unit.
    pub const ONE: Self = Self(PARTS_PER_UNIT);

    /// A whole number of units (saturating at the largest representable amount).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::Quantity;
    /// assert_eq!(Quantity::whole(2).sixtieths(), 120);
    /// ```
    #[must_use]
    pub const fn whole(units: u64) -> Self {
        Self(units.saturating_mul(PARTS_PER_UNIT))
    }

    /// An amount given directly in sixtieths of a unit.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::Quantity;
    /// assert_eq!(Quantity::from_sixtieths(30).to_string(), "0.5");
    /// ```
    #[must_use]
    pub const fn from_sixtieths(sixtieths: u64) -> Self {
        Self(sixtieths)
    }

    /// The exact amount `numerator / denominator`.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::InvalidQuantity`] when the denominator is zero or the fraction is not a
    /// whole number of sixtieths.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::Quantity;
    /// assert_eq!(Quantity::from_fraction(1, 3).unwrap().sixtieths(), 20);
    /// assert!(Quantity::from_fraction(1, 7).is_err());
    /// ```
    pub fn from_fraction(numerator: u64, denominator: u64) -> Result<Self, AbsenceError> {
        let err = || AbsenceError::InvalidQuantity {
            value: format!("{numerator}/{denominator}"),
        };
        let scaled = numerator.checked_mul(PARTS_PER_UNIT).ok_or_else(err)?;
        if denominator == 0 || scaled % denominator != 0 {
            return Err(err());
        }
        Ok(Self(scaled / denominator))
    }

    /// The amount in sixtieths of a unit.
    #[must_use]
    pub const fn sixtieths(self) -> u64 {
        self.0
    }

    /// The sum, saturating at the largest representable amount.
    #[must_use]
    pub const fn saturating_add(self, other: Self) -> Self {
        Self(self.0.saturating_add(other.0))
    }
}

impl fmt::Display for Quantity {
    /// Whole numbers as `130`; exact decimals with up to two digits as `12.5`; otherwise a fraction
    /// `4/3` in lowest terms.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / PARTS_PER_UNIT;
        let rest = self.0 % PARTS_PER_UNIT;
        if rest == 0 {
            return write!(f, "{whole}");
        }
        // rest/60 as hundredths when exact: rest * 100 / 60 = rest * 5 / 3.
        if (rest * 5).is_multiple_of(3) {
            let hundredths = rest * 5 / 3;
            return if hundredths.is_multiple_of(10) {
                write!(f, "{whole}.{}", hundredths / 10)
            } else {
                write!(f, "{whole}.{hundredths:02}")
            };
        }
        let g = gcd(self.0, PARTS_PER_UNIT);
        write!(f, "{}/{}", self.0 / g, PARTS_PER_UNIT / g)
    }
}

const fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

/// Parses `digits[.digits]` into an integer scaled by `10^max_frac`; `None` if malformed or too
/// many fractional digits or overflow.
fn parse_decimal(text: &str, max_frac: u32) -> Option<(u64, u32)> {
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (text, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac_len = u32::try_from(frac_part.len()).ok()?;
    if frac_len > max_frac || (text.contains('.') && frac_part.is_empty()) {
        return None;
    }
    let mut value: u64 = 0;
    for b in int_part.bytes().chain(frac_part.bytes()) {
        value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some((value, frac_len))
}

impl std::str::FromStr for Quantity {
    type Err = AbsenceError;

    /// Accepts `130`, `12.5` (up to 6 decimal digits, exact in sixtieths) and `1/3`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        let err = || AbsenceError::InvalidQuantity {
            value: s.to_owned(),
        };
        if let Some((n, d)) = text.split_once('/') {
            let n: u64 = n.trim().parse().map_err(|_| err())?;
            let d: u64 = d.trim().parse().map_err(|_| err())?;
            return Self::from_fraction(n, d).map_err(|_| err());
        }
        let (value, frac_len) = parse_decimal(text, 6).ok_or_else(err)?;
        Self::from_fraction(value, 10_u64.pow(frac_len)).map_err(|_| err())
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

struct TextOrInt<T>(std::marker::PhantomData<T>);

impl<T: std::str::FromStr<Err = AbsenceError>> de::Visitor<'_> for TextOrInt<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an exact number as a string (\"130\", \"0.5\", \"1/3\") or an integer")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        v.to_string().parse().map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        v.to_string().parse().map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextOrInt(std::marker::PhantomData))
    }
}

impl JsonSchema for Quantity {
    fn schema_name() -> Cow<'static, str> {
        "Quantity".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact amount: an integer, a decimal exact in sixtieths (\"0.5\") or a fraction (\"1/3\").",
            "anyOf": [
                { "type": "string", "pattern": "^\\s*([0-9]+(\\.[0-9]{1,6})?|\\.[0-9]{1,6}|[0-9]+\\s*/\\s*[0-9]+)\\s*$" },
                { "type": "integer", "minimum": 0 }
            ]
        })
    }
}

/// An exact percentage, stored as hundredths of a percent (basis points): `49.9` and `50` differ.
///
/// # Example
///
/// ```
/// use edurules_absence::Percent;
/// let p: Percent = "49.9".parse().unwrap();
/// assert_eq!(p.basis_points(), 4990);
/// assert_eq!(p.to_string(), "49.9");
/// assert!("49.999".parse::<Percent>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent(u32);

impl Percent {
    /// A whole number of percent.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::Percent;
    /// assert_eq!(Percent::whole(50).basis_points(), 5000);
    /// ```
    #[must_use]
    pub const fn whole(percent: u16) -> Self {
        // u16 * 100 always fits u32.
        Self(percent as u32 * 100)
    }

    /// A percentage given in hundredths of a percent.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::Percent;
    /// assert_eq!(Percent::from_basis_points(4990).to_string(), "49.9");
    /// ```
    #[must_use]
    pub const fn from_basis_points(basis_points: u32) -> Self {
        Self(basis_points)
    }

    /// The percentage in hundredths of a percent.
    #[must_use]
    pub const fn basis_points(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let rest = self.0 % 100;
        match rest {
            0 => write!(f, "{whole}"),
            r if r % 10 == 0 => write!(f, "{whole}.{}", r / 10),
            r => write!(f, "{whole}.{r:02}"),
        }
    }
}

impl std::str::FromStr for Percent {
    type Err = AbsenceError;

    /// Accepts `50`, `49.9`, `12.75`, with an optional trailing `%`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || AbsenceError::InvalidPercent {
            value: s.to_owned(),
        };
        let text = s.trim().trim_end_matches('%').trim_end();
        let (value, frac_len) = parse_decimal(text, 2).ok_or_else(err)?;
        let scaled = value
            .checked_mul(10_u64.pow(2 - frac_len))
            .ok_or_else(err)?;
        u32::try_from(scaled).map(Self).map_err(|_| err())
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextOrInt(std::marker::PhantomData))
    }
}

impl JsonSchema for Percent {
    fn schema_name() -> Cow<'static, str> {
        "Percent".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact percentage with at most two decimal digits: \"50\", \"49.9\".",
            "anyOf": [
                { "type": "string", "pattern": "^\\s*([0-9]+(\\.[0-9]{1,2})?|\\.[0-9]{1,2})\\s*%?$" },
                { "type": "integer", "minimum": 0 }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_parses_and_prints_exactly() {
        for (text, sixtieths, shown) in [
            ("130", 7800, "130"),
            ("0.5", 30, "0.5"),
            ("1/2", 30, "0.5"),
            ("1/3", 20, "1/3"),
            ("4/3", 80, "4/3"),
            ("12.25", 735, "12.25"),
            ("0.1", 6, "0.1"),
            (".5", 30, "0.5"),
            (" 7 ", 420, "7"),
        ] {
            let q: Quantity = text.parse().unwrap();
            assert_eq!(q.sixtieths(), sixtieths, "{text}");
            assert_eq!(q.to_string(), shown, "{text}");
            assert_eq!(shown.parse::<Quantity>().unwrap(), q, "{shown}");
        }
        for bad in [
            "",
            ".",
            "1.",
            "-1",
            "0.01",
            "1/0",
            "1/7",
            "abc",
            "1e3",
            "99999999999999999999",
        ] {
            assert!(bad.parse::<Quantity>().is_err(), "{bad}");
        }
    }

    #[test]
    fn percent_parses_and_prints_exactly() {
        for (text, bp, shown) in [
            ("50", 5000, "50"),
            ("49.9", 4990, "49.9"),
            ("10%", 1000, "10"),
            ("0.05", 5, "0.05"),
        ] {
            let p: Percent = text.parse().unwrap();
            assert_eq!(p.basis_points(), bp);
            assert_eq!(p.to_string(), shown);
        }
        for bad in ["", "49.999", "-5", "x", "99999999999"] {
            assert!(bad.parse::<Percent>().is_err(), "{bad}");
        }
    }

    #[test]
    fn serde_accepts_strings_and_integers() {
        let q: Quantity = serde_json::from_str("40").unwrap();
        assert_eq!(q, Quantity::whole(40));
        let q: Quantity = serde_json::from_str("\"1/2\"").unwrap();
        assert_eq!(serde_json::to_string(&q).unwrap(), "\"0.5\"");
        let p: Percent = serde_json::from_str("\"49.9\"").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"49.9\"");
        assert!(serde_json::from_str::<Percent>("49.9").is_err());
    }
}
