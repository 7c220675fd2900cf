//! [`Pesel`]: the Polish national identification number.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Sex, parse_dated_id, weighted_sum, write_digits};
use crate::{LoginError, NationalIdKind};

/// Weights of the first ten digits.
const WEIGHTS: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/// A valid PESEL: 11 digits `YYMMDDZZZXQ`.
///
/// - `YYMMDD` is the birth date; the century is coded in the month: +80 for
///   1800–1899, +0 for 1900–1999, +20 for 2000–2099, +40 for 2100–2199, +60 for
///   2200–2299.
/// - the 10th digit `X` is odd for men, even (0 included) for women;
/// - `Q` is the check digit: with weights 1,3,7,9,1,3,7,9,1,3 on the first ten
///   digits, `Q = (10 − (sum mod 10)) mod 10`.
///
/// Sources: ustawa z dnia 24 września 2010 r. o ewidencji ludności, art. 15
/// (structure: birth date, serial number with the sex, check digit) and the
/// MSWiA rules for assigning the number published on gov.pl (centuries
/// 1800–2099). The codes for 2100–2299 (+40, +60) are the long-standing
/// convention in the note and in common validators; the published rules do not
/// list them, and no one born then has a number yet.
///
/// Parsing never panics, on any input. Parsing is strict: exactly 11 ASCII digits, nothing trimmed. Serialized as a
/// string; deserializing validates.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_login::{Pesel, Sex};
///
/// let pesel: Pesel = "44051401458".parse().unwrap();
/// assert_eq!(pesel.birth_date(), NaiveDate::from_ymd_opt(1944, 5, 14).unwrap());
/// assert_eq!(pesel.sex(), Sex::Male);
/// assert_eq!(pesel.to_string(), "44051401458");
/// assert_eq!("44051401459".parse::<Pesel>().unwrap_err().code(), "login.pesel.checksum");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
pub struct Pesel {
    digits: [u8; 11],
    birth_date: NaiveDate,
}

impl Pesel {
    /// The check digit the first ten digits require.
    fn check_digit(d: &[u8; 11]) -> u8 {
        let rem = weighted_sum(d, &WEIGHTS) % 10;
        u8::try_from((10 - rem) % 10).unwrap_or(0)
    }

    /// The birth date coded in the first six digits.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let pesel: edurules_login::Pesel = "02270803624".parse().unwrap();
    /// assert_eq!(pesel.birth_date(), NaiveDate::from_ymd_opt(2002, 7, 8).unwrap());
    /// ```
    #[must_use]
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The sex coded in the 10th digit (odd: male, even: female).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{Pesel, Sex};
    /// let pesel: Pesel = "02270803624".parse().unwrap();
    /// assert_eq!(pesel.sex(), Sex::Female);
    /// ```
    #[must_use]
    pub fn sex(&self) -> Sex {
        if self.digits[9] % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }
}

/// The date coded by the year digits, the month code and the day.
fn birth_date(yy: u8, month_code: u8, day: u8) -> Option<NaiveDate> {
    let (century, month) = match month_code {
        81..=92 => (1800, month_code - 80),
        1..=12 => (1900, month_code),
        21..=32 => (2000, month_code - 20),
        41..=52 => (2100, month_code - 40),
        61..=72 => (2200, month_code - 60),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(century + i32::from(yy), u32::from(month), u32::from(day))
}

impl FromStr for Pesel {
    type Err = LoginError;

    /// Parses exactly 11 ASCII digits.
    ///
    /// Errors, checked in this order: [`LoginError::IdLength`],
    /// [`LoginError::IdNonDigit`], [`LoginError::IdChecksum`],
    /// [`LoginError::IdImpossibleDate`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (digits, birth_date) =
            parse_dated_id(s, NationalIdKind::Pesel, Self::check_digit, birth_date)?;
        Ok(Self { digits, birth_date })
    }
}

impl TryFrom<String> for Pesel {
    type Error = LoginError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Pesel> for String {
    fn from(p: Pesel) -> Self {
        p.to_string()
    }
}

impl fmt::Display for Pesel {
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
        assert_eq!(birth_date(0, 81, 1), d(1800, 1, 1));
        assert_eq!(birth_date(99, 12, 31), d(1999, 12, 31));
        assert_eq!(birth_date(0, 22, 29), d(2000, 2, 29));
        assert_eq!(birth_date(0, 42, 29), None, "2100 is not a leap year");
        assert_eq!(birth_date(99, 72, 31), d(2299, 12, 31));
        for bad in [0, 13, 20, 33, 40, 53, 60, 73, 80, 93, 99] {
            assert_eq!(birth_date(50, bad, 1), None, "month code {bad}");
        }
    }
}
