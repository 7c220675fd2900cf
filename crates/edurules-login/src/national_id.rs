//! National identification numbers accounts are tied to: the Polish
//! [`Pesel`] and the Bulgarian [`Egn`].

mod egn;
mod pesel;

pub use egn::Egn;
pub use pesel::Pesel;

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

/// Checks the length and the digits of `input` and returns the digit values.
fn digits<const N: usize>(input: &str, kind: NationalIdKind) -> Result<[u8; N], LoginError> {
    let length = input.chars().count();
    if length != N {
        return Err(LoginError::IdLength {
            kind,
            input: input.to_owned(),
            length,
            expected: N,
        });
    }
    let mut out = [0_u8; N];
    for (i, (slot, c)) in out.iter_mut().zip(input.chars()).enumerate() {
        let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) else {
            return Err(LoginError::IdNonDigit {
                kind,
                input: input.to_owned(),
                character: c,
                position: i.saturating_add(1),
            });
        };
        *slot = u8::try_from(d).unwrap_or(0);
    }
    Ok(out)
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
