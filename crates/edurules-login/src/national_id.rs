//! National identification numbers accounts are tied to: the Polish
//! [`Pesel`] and the Bulgarian [`Egn`].

mod egn;
mod pesel;

pub use egn::Egn;
pub use pesel::Pesel;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{LoginError, NationalIdKind};

/// The sex coded in a national id number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
}

/// `input` as an error may show it: the first two characters, then every
/// digit of any script (`4`, full-width `４`, Arabic-Indic `٤`) replaced by
/// `*` (other characters kept, so a stray letter can be found), past
/// [`MAX_QUOTED_CHARS`](edurules_locale::MAX_QUOTED_CHARS) characters cut
/// as [`edurules_locale::clip`] cuts. A national id is personal data; two
/// digits (the year of birth's last two) do not identify anyone, and the
/// length stays visible in the error's `length`.
fn masked(input: &str) -> String {
    let head: String = input
        .chars()
        .take(edurules_locale::MAX_QUOTED_CHARS.saturating_add(1))
        .enumerate()
        .map(|(i, c)| if i >= 2 && c.is_numeric() { '*' } else { c })
        .collect();
    edurules_locale::clip(&head)
}

/// Checks the length and the digits of `input` and returns the digit values.
fn digits<const N: usize>(input: &str, kind: NationalIdKind) -> Result<[u8; N], LoginError> {
    let length = input.chars().count();
    if length != N {
        return Err(LoginError::IdLength {
            kind,
            input: masked(input),
            length,
            expected: N,
        });
    }
    let mut out = [0_u8; N];
    for (i, (slot, c)) in out.iter_mut().zip(input.chars()).enumerate() {
        let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) else {
            return Err(LoginError::IdNonDigit {
                kind,
                input: masked(input),
                character: c,
                position: i.saturating_add(1),
            });
        };
        *slot = u8::try_from(d).unwrap_or(0);
    }
    Ok(out)
}

/// Parses a national id of `N` digits whose last digit is a check digit and
/// whose first six are `YYMMDD` with the century coded in the month: length,
/// digits, check digit, then birth date, in that order (the same for PESEL
/// and EGN; only the check-digit rule and the century codes differ).
fn parse_dated_id<const N: usize>(
    input: &str,
    kind: NationalIdKind,
    check_digit: fn(&[u8; N]) -> u8,
    birth_date: fn(u8, u8, u8) -> Option<NaiveDate>,
) -> Result<([u8; N], NaiveDate), LoginError> {
    let d: [u8; N] = digits(input, kind)?;
    let expected = check_digit(&d);
    let found = d.last().copied().unwrap_or(0);
    if found != expected {
        return Err(LoginError::IdChecksum {
            kind,
            input: masked(input),
            expected,
            found,
        });
    }
    let at = |i: usize| d.get(i).copied().unwrap_or(0);
    let (yy, mm, dd) = (pair(at(0), at(1)), pair(at(2), at(3)), pair(at(4), at(5)));
    let date = birth_date(yy, mm, dd).ok_or_else(|| LoginError::IdImpossibleDate {
        kind,
        input: masked(input),
        year_digits: yy,
        month_code: mm,
        day: dd,
    })?;
    Ok((d, date))
}

/// The weighted sum of `digits` (zipped, the shorter length wins).
fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum()
}

/// Two digits as a number (`[4, 2]` → 42).
fn pair(a: u8, b: u8) -> u8 {
    a.saturating_mul(10).saturating_add(b)
}

/// Writes digit values as ASCII text.
fn write_digits(f: &mut std::fmt::Formatter<'_>, digits: &[u8]) -> std::fmt::Result {
    for &d in digits {
        std::fmt::Write::write_char(f, char::from(b'0'.saturating_add(d)))?;
    }
    Ok(())
}
