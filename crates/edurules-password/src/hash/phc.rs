//! A strict parser of argon2 PHC strings, following the C reference
//! implementation (libargon2 `src/encoding.c`, `decode_string`):
//! `$argon2{i,d,id}[$v=<16|19>]$m=<m>,t=<t>,p=<p>$<salt>$<tag>`, the version
//! optional and 16 (argon2 1.0) when absent, `m`, `t`, `p` all present,
//! exactly once, in that order, nothing else; decimals without sign or
//! leading zeros; salt and tag in unpadded standard base64 with no stray bits.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use edurules_locale::nouns::BYTE;

use crate::locale::{BYTE_GENITIVE, Locale, num};

/// The longest PHC string accepted (bytes): nothing longer is parsed.
pub const MAX_PHC_BYTES: usize = 512;
/// The shortest salt accepted (bytes), as the C reference.
pub const MIN_STORED_SALT_LEN: usize = 8;
/// The longest salt accepted (bytes; the C reference allows more).
pub const MAX_STORED_SALT_LEN: usize = 64;
/// The shortest tag accepted (bytes), as the C reference.
pub const MIN_STORED_TAG_LEN: usize = 4;
/// The longest tag accepted (bytes; the C reference allows more).
pub const MAX_STORED_TAG_LEN: usize = 64;

/// A parameter of an argon2 PHC string.
///
/// # Example
/// ```
/// use edurules_password::HashField;
/// assert_eq!(HashField::M.name(), "m");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HashField {
    /// `v`, the argon2 version.
    V,
    /// `m`, memory in KiB.
    M,
    /// `t`, passes.
    T,
    /// `p`, lanes.
    P,
    /// The salt.
    Salt,
    /// The tag (the hash itself).
    Tag,
}

impl HashField {
    /// The field's name as written in a PHC string.
    ///
    /// # Example
    /// ```
    /// use edurules_password::HashField;
    /// assert_eq!(HashField::Tag.name(), "tag");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            HashField::V => "v",
            HashField::M => "m",
            HashField::T => "t",
            HashField::P => "p",
            HashField::Salt => "salt",
            HashField::Tag => "tag",
        }
    }

    /// What the field is, in words: `pamięć`, `памет`, `memory`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{HashField, Locale};
    /// assert_eq!(HashField::T.describe(Locale::Pl), "liczba przebiegów");
    /// ```
    #[must_use]
    pub fn describe(self, locale: Locale) -> &'static str {
        self.forms(locale).0
    }

    /// `(nominative, genitive)` in Polish; `(indefinite, definite)` in
    /// Bulgarian; `(name, with "the")` in English.
    fn forms(self, locale: Locale) -> (&'static str, &'static str) {
        let (pl, bg, en) = match self {
            HashField::V => (
                ("wersja", "wersji"),
                ("версия", "версията"),
                ("version", "the version"),
            ),
            HashField::M => (
                ("pamięć", "pamięci"),
                ("памет", "паметта"),
                ("memory", "the memory"),
            ),
            HashField::T => (
                ("liczba przebiegów", "liczby przebiegów"),
                ("брой итерации", "броя итерации"),
                ("number of passes", "the number of passes"),
            ),
            HashField::P => (
                ("stopień równoległości", "stopnia równoległości"),
                ("степен на паралелизъм", "степента на паралелизъм"),
                ("degree of parallelism", "the degree of parallelism"),
            ),
            HashField::Salt => (("sól", "soli"), ("сол", "солта"), ("salt", "the salt")),
            HashField::Tag => (("skrót", "skrótu"), ("хеш", "хеша"), ("tag", "the tag")),
        };
        locale.pick(pl, bg, en)
    }

    /// The field as a message names it: its description and, for the
    /// parameters written `name=value`, the name quoted: `pamięć („m”)`.
    fn label(self, locale: Locale, second_form: bool) -> String {
        let (first, second) = self.forms(locale);
        let words = if second_form { second } else { first };
        match self {
            HashField::Salt | HashField::Tag => words.to_owned(),
            HashField::V | HashField::M | HashField::T | HashField::P => {
                format!("{words} ({})", locale.quote(self.name()))
            }
        }
    }
}

/// What is wrong with a stored PHC string. Never holds the salt or the tag.
///
/// # Example
/// ```
/// use edurules_password::{HashField, HashProblem, Locale, Normalization, PasswordError, StoredHash};
/// let e = StoredHash::new("$argon2id$v=19$t=2,p=1$c29tZXNhbHQ$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ", Normalization::Nfkc).unwrap_err();
/// assert_eq!(e, PasswordError::MalformedHash { problem: HashProblem::MissingParameter { field: HashField::M } });
/// assert_eq!(HashProblem::UnsupportedVersion { version: 20 }.message(Locale::En), "Unsupported argon2 version 20; only versions 16 and 19 exist.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum HashProblem {
    /// Longer than [`MAX_PHC_BYTES`].
    TooLong {
        /// The limit in bytes.
        max_bytes: u32,
    },
    /// Not of the form `$alg[$v=..]$m=..,t=..,p=..$salt$tag`.
    NotPhc,
    /// Not `argon2i`, `argon2d` or `argon2id` (case-sensitive).
    UnsupportedAlgorithm,
    /// A version other than 16 (argon2 1.0) or 19 (1.3).
    UnsupportedVersion {
        /// The version given.
        version: u32,
    },
    /// `m`, `t` or `p` is missing.
    MissingParameter {
        /// Which.
        field: HashField,
    },
    /// A parameter appears twice.
    DuplicateParameter {
        /// Which.
        field: HashField,
    },
    /// A parameter other than `m`, `t`, `p` (e.g. `keyid`, `data`).
    UnknownParameter {
        /// Its position in the list, from 0.
        index: u32,
    },
    /// `m`, `t`, `p` present but not in this order.
    ParametersOutOfOrder,
    /// Not a decimal number without sign or leading zeros that fits 32 bits.
    BadNumber {
        /// Which.
        field: HashField,
    },
    /// A value outside what argon2 and this crate accept.
    OutOfRange {
        /// Which.
        field: HashField,
        /// The value given (a length in bytes for the salt and the tag).
        value: u32,
        /// The smallest accepted.
        min: u32,
        /// The largest accepted.
        max: u32,
    },
    /// The salt or the tag is not canonical unpadded base64.
    BadBase64 {
        /// Which.
        field: HashField,
    },
}

impl HashProblem {
    /// The problem in words: one or two sentences, whole in the language.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{HashProblem, Locale};
    /// assert_eq!(HashProblem::NotPhc.message(Locale::Pl), "To nie jest skrót argon2 w formacie PHC.");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        let algorithms = || l.quote_list(["argon2id", "argon2i", "argon2d"]);
        let params = || l.quote_list(["m", "t", "p"]);
        match *self {
            HashProblem::TooLong { max_bytes } => {
                let max = l.count(max_bytes.into(), BYTE);
                l.pick(
                    format!("Zapisany skrót jest dłuższy niż {max}."),
                    format!("Съхраненият хеш е по-дълъг от {max}."),
                    format!("The stored hash is longer than {max}."),
                )
            }
            HashProblem::NotPhc => l
                .pick(
                    "To nie jest skrót argon2 w formacie PHC.",
                    "Това не е хеш на argon2 във формат PHC.",
                    "This is not an argon2 hash in PHC format.",
                )
                .to_owned(),
            HashProblem::UnsupportedAlgorithm => l.pick(
                format!("Nieobsługiwany algorytm; dozwolone są {}.", algorithms()),
                format!("Неподдържан алгоритъм; позволени са {}.", algorithms()),
                format!("Unsupported algorithm; only {} are allowed.", algorithms()),
            ),
            HashProblem::UnsupportedVersion { version } => {
                let v = num(l, version);
                l.pick(
                    format!("Nieobsługiwana wersja argon2: {v}; istnieją tylko wersje 16 i 19."),
                    format!("Неподдържана версия на argon2: {v}; съществуват само версии 16 и 19."),
                    format!("Unsupported argon2 version {v}; only versions 16 and 19 exist."),
                )
            }
            HashProblem::MissingParameter { field } => {
                let f = field.label(l, false);
                l.pick(
                    format!("Brakuje parametru: {f}."),
                    format!("Липсва параметър: {f}."),
                    format!("A parameter is missing: {f}."),
                )
            }
            HashProblem::DuplicateParameter { field } => {
                let f = field.label(l, false);
                l.pick(
                    format!("Parametr występuje więcej niż raz: {f}."),
                    format!("Параметър се среща повече от веднъж: {f}."),
                    format!("A parameter appears more than once: {f}."),
                )
            }
            HashProblem::UnknownParameter { index } => {
                let nr = num(l, u64::from(index).saturating_add(1));
                l.pick(
                    format!(
                        "Nieznany parametr na pozycji {nr}; dozwolone są tylko {}.",
                        params()
                    ),
                    format!(
                        "Непознат параметър на позиция {nr}; позволени са само {}.",
                        params()
                    ),
                    format!(
                        "Unknown parameter at position {nr}; only {} are allowed.",
                        params()
                    ),
                )
            }
            HashProblem::ParametersOutOfOrder => l.pick(
                format!("Parametry muszą występować w kolejności {}.", params()),
                format!("Параметрите трябва да са подредени така: {}.", params()),
                format!("The parameters must come in the order {}.", params()),
            ),
            HashProblem::BadNumber { field } => {
                let f = field.label(l, true);
                l.pick(
                    format!("Wartość {f} nie jest liczbą dziesiętną bez znaku i bez zer na początku albo jest za duża."),
                    format!("Стойността на {f} не е десетично число без знак и без водещи нули или е твърде голяма."),
                    format!("The value of {f} is not a decimal number without sign or leading zeros, or is too large."),
                )
            }
            HashProblem::OutOfRange {
                field,
                value,
                min,
                max,
            } => out_of_range(l, field, value, min, max),
            HashProblem::BadBase64 { field } => {
                let f = field.label(l, true);
                l.pick(
                    format!("Zapis {f} nie jest kanonicznym kodowaniem base64 bez dopełnienia."),
                    format!("Записът на {f} не е каноничен base64 без допълване."),
                    format!("The encoding of {f} is not canonical unpadded base64."),
                )
            }
        }
    }
}

/// A value, or for the salt and the tag a length in bytes, out of range.
fn out_of_range(l: Locale, field: HashField, value: u32, min: u32, max: u32) -> String {
    let (min, max_n) = (num(l, min), num(l, max));
    match field {
        HashField::Salt | HashField::Tag => {
            let (has, unit) = (
                l.count(value.into(), BYTE),
                l.noun(max.into(), BYTE_GENITIVE),
            );
            let (pl, bg, en) = if field == HashField::Salt {
                ("Sól ma", "Солта има", "The salt has")
            } else {
                ("Skrót ma", "Хешът има", "The tag has")
            };
            l.pick(
                format!("{pl} {has}, a musi mieć od {min} do {max_n} {unit}."),
                format!("{bg} {has}, а трябва да има от {min} до {max_n} {unit}."),
                format!("{en} {has} and must have between {min} and {max_n} {unit}."),
            )
        }
        HashField::V | HashField::M | HashField::T | HashField::P => {
            let (f, v) = (field.label(l, true), num(l, value));
            l.pick(
                format!("Wartość {f} wynosi {v}, a musi wynosić od {min} do {max_n}."),
                format!("Стойността на {f} е {v}, а трябва да е от {min} до {max_n}."),
                format!("The value of {f} is {v} and must be between {min} and {max_n}."),
            )
        }
    }
}

/// The argon2 variant of a stored hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Variant {
    D,
    I,
    Id,
}

/// A parsed PHC string (salt and tag decoded).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) variant: Variant,
    /// 0x10 or 0x13.
    pub(crate) version: u32,
    pub(crate) m: u32,
    pub(crate) t: u32,
    pub(crate) p: u32,
    pub(crate) salt: Vec<u8>,
    pub(crate) tag: Vec<u8>,
}

fn len_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Parses like libargon2's `decode_string`, then checks the ranges.
pub(crate) fn parse(phc: &str, max_m: u32, max_t: u32, max_p: u32) -> Result<Parsed, HashProblem> {
    if phc.len() > MAX_PHC_BYTES {
        return Err(HashProblem::TooLong {
            max_bytes: len_u32(MAX_PHC_BYTES),
        });
    }
    let rest = phc.strip_prefix('$').ok_or(HashProblem::NotPhc)?;
    let fields: Vec<&str> = rest.split('$').collect();
    let (alg, version, params, salt, tag) = match fields.as_slice() {
        [alg, v, params, salt, tag] => {
            let v = v.strip_prefix("v=").ok_or(HashProblem::NotPhc)?;
            let version = decimal(v).ok_or(HashProblem::BadNumber {
                field: HashField::V,
            })?;
            (*alg, version, *params, *salt, *tag)
        }
        // No `$v=`: argon2 1.0, as the C reference reads it.
        [alg, params, salt, tag] => (*alg, 0x10, *params, *salt, *tag),
        _ => return Err(HashProblem::NotPhc),
    };
    let variant = match alg {
        "argon2id" => Variant::Id,
        "argon2i" => Variant::I,
        "argon2d" => Variant::D,
        _ => return Err(HashProblem::UnsupportedAlgorithm),
    };
    if version != 0x10 && version != 0x13 {
        return Err(HashProblem::UnsupportedVersion { version });
    }
    let [m, t, p] = cost_params(params)?;
    let p = in_range(HashField::P, p, 1, max_p)?;
    let m = in_range(HashField::M, m, 8_u32.saturating_mul(p), max_m)?;
    let t = in_range(HashField::T, t, 1, max_t)?;
    let salt = base64(salt).ok_or(HashProblem::BadBase64 {
        field: HashField::Salt,
    })?;
    in_range(
        HashField::Salt,
        len_u32(salt.len()),
        len_u32(MIN_STORED_SALT_LEN),
        len_u32(MAX_STORED_SALT_LEN),
    )?;
    let tag = base64(tag).ok_or(HashProblem::BadBase64 {
        field: HashField::Tag,
    })?;
    in_range(
        HashField::Tag,
        len_u32(tag.len()),
        len_u32(MIN_STORED_TAG_LEN),
        len_u32(MAX_STORED_TAG_LEN),
    )?;
    Ok(Parsed {
        variant,
        version,
        m,
        t,
        p,
        salt,
        tag,
    })
}

fn in_range(field: HashField, value: u32, min: u32, max: u32) -> Result<u32, HashProblem> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(HashProblem::OutOfRange {
            field,
            value,
            min,
            max,
        })
    }
}

/// `m=..,t=..,p=..`: every one present once, in this order, nothing else.
fn cost_params(params: &str) -> Result<[u32; 3], HashProblem> {
    const ORDER: [HashField; 3] = [HashField::M, HashField::T, HashField::P];
    let mut seen: Vec<HashField> = Vec::new();
    let mut values = [None::<u32>; 3];
    for (index, item) in params.split(',').enumerate() {
        let (key, value) = item.split_once('=').ok_or(HashProblem::NotPhc)?;
        let slot = match key {
            "m" => 0,
            "t" => 1,
            "p" => 2,
            _ => {
                return Err(HashProblem::UnknownParameter {
                    index: len_u32(index),
                });
            }
        };
        let field = ORDER.get(slot).copied().ok_or(HashProblem::NotPhc)?;
        if seen.contains(&field) {
            return Err(HashProblem::DuplicateParameter { field });
        }
        seen.push(field);
        let number = decimal(value).ok_or(HashProblem::BadNumber { field })?;
        if let Some(v) = values.get_mut(slot) {
            *v = Some(number);
        }
    }
    let mut out = [0_u32; 3];
    for ((field, value), o) in ORDER.iter().zip(values).zip(out.iter_mut()) {
        *o = value.ok_or(HashProblem::MissingParameter { field: *field })?;
    }
    if seen != ORDER {
        return Err(HashProblem::ParametersOutOfOrder);
    }
    Ok(out)
}

/// libargon2's `decode_decimal`: digits only, no leading zero (except `0`), fits u32.
fn decimal(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0'))
    {
        return None;
    }
    s.parse().ok()
}

/// Standard base64 without padding; the unused bits of the last character
/// must be zero (libargon2's `from_base64`).
fn base64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len().saturating_mul(3) / 4);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xFF).ok()?);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 4 || acc != 0 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip_and_strictness() {
        assert_eq!(base64("c29tZXNhbHQ").unwrap(), b"somesalt");
        assert_eq!(base64("").unwrap(), b"");
        assert!(base64("c29tZXNhbHR").is_none(), "stray bits");
        assert!(base64("c29tZXNhbHQ=").is_none(), "padding");
        assert!(base64("A").is_none(), "one character is never whole");
    }

    #[test]
    fn decimals_as_the_reference() {
        assert_eq!(decimal("0"), Some(0));
        assert_eq!(decimal("19"), Some(19));
        assert_eq!(decimal("4294967295"), Some(u32::MAX));
        for bad in ["", "00", "019", "+1", "-1", "1 ", "4294967296"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }
}
