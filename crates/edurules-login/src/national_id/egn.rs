//! [`Egn`]: the Bulgarian unified civil number (ЕГН).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Sex, parse_dated_id, weighted_sum, write_digits};
use crate::{LoginError, NationalIdKind};

/// Weights of the first nine digits.
const WEIGHTS: [u32; 9] = [2, 4, 8, 5, 10, 9, 7, 3, 6];

/// A valid EGN (ЕГН, единен граждански номер): 10 digits `YYMMDDRRSC`.
///
/// - `YYMMDD` is the birth date; the century is coded in the month: +20 for
///   1800–1899, +0 for 1900–1999, +40 for 2000–2099;
/// - the 9th digit `S` is even for men, odd for women;
/// - `C` is the check digit: weights 2,4,8,5,10,9,7,3,6 on the first nine
///   digits, the sum mod 11, and a remainder of 10 becomes 0.
///
/// Sources: the ESGRAON rules for the EGN (introduced 1977; the +40 month code
/// for those born from 1 January 2000 by order РД-02-14-637 of 22.06.1998 of
/// the Minister of Regional Development), as published by GRAO and quoted on
/// the Bulgarian Wikipedia page "Единен граждански номер".
///
/// Parsing never panics, on any input. Parsing is strict: exactly 10 ASCII digits, nothing trimmed. Serialized as a
/// string; deserializing validates.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_login::{Egn, Sex};
///
/// let egn: Egn = "6101047500".parse().unwrap();
/// assert_eq!(egn.birth_date(), NaiveDate::from_ymd_opt(1961, 1, 4).unwrap());
/// assert_eq!(egn.sex(), Sex::Male);
/// assert_eq!(egn.to_string(), "6101047500");
/// assert_eq!("6101047501".parse::<Egn>().unwrap_err().code(), "login.egn.checksum");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
pub struct Egn {
    digits: [u8; 10],
    birth_date: NaiveDate,
}

impl Egn {
    /// The check digit the first nine digits require.
    fn check_digit(d: &[u8; 10]) -> u8 {
        let rem = weighted_sum(d, &WEIGHTS) % 11;
        if rem == 10 {
            0
        } else {
            u8::try_from(rem).unwrap_or(0)
        }
    }

    /// The birth date coded in the first six digits.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let egn: edurules_login::Egn = "8442290015".parse().unwrap();
    /// assert_eq!(egn.birth_date(), NaiveDate::from_ymd_opt(2084, 2, 29).unwrap());
    /// ```
    #[must_use]
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The sex coded in the 9th digit (even: male, odd: female).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{Egn, Sex};
    /// let egn: Egn = "8442290015".parse().unwrap();
    /// assert_eq!(egn.sex(), Sex::Female);
    /// ```
    #[must_use]
    pub fn sex(&self) -> Sex {
        if self.digits[8].is_multiple_of(2) {
            Sex::Male
        } else {
            Sex::Female
        }
    }
}

/// The date coded by the year digits, the month code and the day.
fn birth_date(yy: u8, month_code: u8, day: u8) -> Option<NaiveDate> {
    let (century, month) = match month_code {
        21..=32 => (1800, month_code - 20),
        1..=12 => (1900, month_code),
        41..=52 => (2000, month_code - 40),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(century + i32::from(yy), u32::from(month), u32::from(day))
}

impl FromStr for Egn {
    type Err = LoginError;

    /// Parses exactly 10 ASCII digits.
    ///
    /// Errors, checked in this order: [`LoginError::IdLength`],
    /// [`LoginError::IdNonDigit`], [`LoginError::IdChecksum`],
    /// [`LoginError::IdImpossibleDate`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (digits, birth_date) =
            parse_dated_id(s, NationalIdKind::Egn, Self::check_digit, birth_date)?;
        Ok(Self { digits, birth_date })
    }
}

impl TryFrom<String> for Egn {
    type Error = LoginError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Egn> for String {
    fn from(e: Egn) -> Self {
        e.to_string()
    }
}

impl fmt::Display for Egn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_digits(f, &self.digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centuries() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(birth_date(75, 23, 16), d(1875, 3, 16));
        assert_eq!(birth_date(61, 1, 4), d(1961, 1, 4));
        assert_eq!(birth_date(10, 52, 31), d(2010, 12, 31));
        for bad in [0, 13, 20, 33, 40, 53, 61, 81, 99] {
            assert_eq!(birth_date(50, bad, 1), None, "month code {bad}");
        }
    }

    #[test]
    fn remainder_ten_becomes_zero() {
        // 8·2+5·4+0·8+6·5+1·10+5·9+0·7+0·3+9·6 = 175 = 15·11 + 10 → 0
        let egn: Egn = "8506150090".parse().unwrap();
        assert_eq!(egn.sex(), Sex::Female);
    }
}
