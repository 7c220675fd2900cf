//! [`LoginError`], the one error type of the crate, with stable codes and
//! messages in Polish, Bulgarian and English.

mod messages;
mod nouns;
mod quote;

pub(crate) use nouns::LOGIN;
pub use quote::MAX_QUOTED_CHARS;
pub(crate) use quote::list;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Locale;

/// Which national identification number a [`LoginError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum NationalIdKind {
    /// The Polish PESEL (11 digits).
    Pesel,
    /// The Bulgarian EGN, ЕГН (10 digits).
    Egn,
}

impl NationalIdKind {
    /// The number of digits of this kind of number.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(edurules_login::NationalIdKind::Egn.length(), 10);
    /// ```
    #[must_use]
    pub const fn length(self) -> usize {
        match self {
            Self::Pesel => 11,
            Self::Egn => 10,
        }
    }

    /// The usual upper-case name (`PESEL`, `EGN`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(edurules_login::NationalIdKind::Pesel.name(), "PESEL");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Pesel => "PESEL",
            Self::Egn => "EGN",
        }
    }
}

/// The script of a letter that looks like a Latin one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Script {
    /// Cyrillic (U+0400–U+04FF).
    Cyrillic,
    /// Greek (U+0370–U+03FF).
    Greek,
}

impl Script {
    /// The script's name as an adjective in the given language, as the
    /// messages use it: in Polish in the accusative ("cyrylicką"), in
    /// Bulgarian lower case ("кирилска"), in English capitalised
    /// ("Cyrillic").
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{Locale, Script};
    /// assert_eq!(Script::Cyrillic.name(Locale::Bg), "кирилска");
    /// assert_eq!(Script::Greek.name(Locale::En), "Greek");
    /// ```
    #[must_use]
    pub const fn name(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Self::Cyrillic, Locale::Pl) => "cyrylicką",
            (Self::Cyrillic, Locale::Bg) => "кирилска",
            (Self::Cyrillic, _) => "Cyrillic",
            (Self::Greek, Locale::Pl) => "grecką",
            (Self::Greek, Locale::Bg) => "гръцка",
            (Self::Greek, _) => "Greek",
        }
    }
}

/// One problem found while validating a configuration
/// ([`LoginPolicy`](crate::LoginPolicy), [`GeneratorConfig`](crate::GeneratorConfig)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConfigProblem {
    /// The minimum length is zero (a login needs at least one character).
    MinLengthZero,
    /// The minimum length is greater than the maximum length.
    MinAboveMax {
        /// The configured minimum.
        min: usize,
        /// The configured maximum.
        max: usize,
    },
    /// The maximum length is above the crate's hard limit
    /// ([`LoginPolicy::MAX_LENGTH_LIMIT`](crate::LoginPolicy::MAX_LENGTH_LIMIT)).
    MaxAboveLimit {
        /// The configured maximum.
        max: usize,
        /// The hard limit.
        limit: usize,
    },
    /// The pattern takes no letters from either name.
    PatternTakesNoLetters,
    /// The first number of the pattern is zero (the seed numbers from 1).
    FirstNumberZero,
    /// A blocklist entry is empty or not made of `A-Z0-9` only.
    BadBlocklistEntry {
        /// The entry as configured.
        entry: String,
    },
    /// The number of attempts is zero.
    MaxAttemptsZero,
    /// The number of attempts is above the crate's hard limit
    /// ([`GeneratorConfig::MAX_ATTEMPTS_LIMIT`](crate::GeneratorConfig::MAX_ATTEMPTS_LIMIT)),
    /// which bounds the time a generator may spend on one person.
    MaxAttemptsAboveLimit {
        /// The configured number.
        max_attempts: u32,
        /// The hard limit.
        limit: u32,
    },
    /// The blocklist has more entries than
    /// [`GeneratorConfig::MAX_BLOCKLIST_ENTRIES`](crate::GeneratorConfig::MAX_BLOCKLIST_ENTRIES)
    /// (each candidate is compared with every entry).
    BlocklistTooLong {
        /// The number of entries configured.
        entries: usize,
        /// The hard limit.
        limit: usize,
    },
}

/// Everything that can go wrong in this crate.
///
/// Every variant has a stable machine [`code`](Self::code) and a
/// [`message`](Self::message) in Polish, Bulgarian and English (also through
/// [`edurules_locale::Message`]); `Display` is the English message. Messages
/// quote input with the language's quotation marks, at most
/// [`MAX_QUOTED_CHARS`] characters of it; the machine fields keep the
/// details (positions, code points, lengths). Positions are 1-based character
/// positions in the input as given (leading white space included).
///
/// # Example
///
/// ```
/// use edurules_login::{LoginError, Locale, normalize};
///
/// let err = normalize("JAN KOW").unwrap_err();
/// assert_eq!(err.code(), "login.inner_whitespace");
/// assert_eq!(err.to_string(), "the login “JAN KOW” contains white space at position 4");
/// assert_eq!(
///     err.message(Locale::Pl),
///     "login „JAN KOW” zawiera odstęp na pozycji 4"
/// );
/// assert!(matches!(err, LoginError::InnerWhitespace { position: 4, .. }));
/// assert!(!err.message(Locale::Bg).is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "error", rename_all = "snake_case")]
#[non_exhaustive]
pub enum LoginError {
    /// Nothing is left after trimming white space.
    #[error("{}", messages::text(self, Locale::En))]
    Empty {
        /// The input as given.
        input: String,
    },
    /// The canonical login is shorter than the policy allows.
    #[error("{}", messages::text(self, Locale::En))]
    TooShort {
        /// The canonical form that was checked.
        login: String,
        /// Its length.
        length: usize,
        /// The policy's minimum.
        min: usize,
    },
    /// The canonical login is longer than the policy allows.
    #[error("{}", messages::text(self, Locale::En))]
    TooLong {
        /// The canonical form that was checked; past 64 characters, its first
        /// 63 and `…`.
        login: String,
        /// Its length.
        length: usize,
        /// The policy's maximum.
        max: usize,
    },
    /// White space inside the login (surrounding white space is trimmed).
    #[error("{}", messages::text(self, Locale::En))]
    InnerWhitespace {
        /// The input as given.
        input: String,
        /// 1-based character position.
        position: usize,
    },
    /// A Polish letter with a diacritic; never transliterated silently.
    #[error("{}", messages::text(self, Locale::En))]
    PolishLetter {
        /// The input as given.
        input: String,
        /// The letter.
        character: char,
        /// 1-based character position.
        position: usize,
        /// The ASCII letter it is usually written as.
        suggestion: char,
    },
    /// A non-Latin letter that looks like a Latin one (Cyrillic `А`, Greek `Ο`).
    #[error("{}", messages::text(self, Locale::En))]
    Lookalike {
        /// The input as given.
        input: String,
        /// The letter.
        character: char,
        /// Its code point, for display.
        code_point: u32,
        /// 1-based character position.
        position: usize,
        /// The script it belongs to.
        script: Script,
        /// The Latin letter it looks like.
        looks_like: char,
    },
    /// A Latin letter with a diacritic other than the Polish ones (`é`, `ü`).
    #[error("{}", messages::text(self, Locale::En))]
    AccentedLetter {
        /// The input as given.
        input: String,
        /// The letter.
        character: char,
        /// 1-based character position.
        position: usize,
        /// The base letter without the accent.
        suggestion: char,
    },
    /// Any other character outside `A-Z0-9` after NFKC (punctuation, symbols,
    /// other scripts, control characters).
    #[error("{}", messages::text(self, Locale::En))]
    ForbiddenCharacter {
        /// The input as given.
        input: String,
        /// The character.
        character: char,
        /// Its code point, for display.
        code_point: u32,
        /// 1-based character position.
        position: usize,
    },
    /// A combining mark (an accent typed as a separate character, U+0300…)
    /// that does not combine with the character before it into a letter the
    /// other rules name (a decomposed `Ż` or `é` is reported as
    /// [`PolishLetter`](Self::PolishLetter) or
    /// [`AccentedLetter`](Self::AccentedLetter) at the base letter's position).
    #[error("{}", messages::text(self, Locale::En))]
    CombiningMark {
        /// The input as given.
        input: String,
        /// The mark.
        character: char,
        /// Its code point, for display.
        code_point: u32,
        /// 1-based character position.
        position: usize,
    },
    /// An invisible character (zero-width space, zero-width joiner, soft
    /// hyphen, byte-order mark, variation selector, bidi control: Unicode's
    /// default-ignorable code points), usually pasted along with the login.
    #[error("{}", messages::text(self, Locale::En))]
    InvisibleCharacter {
        /// The input as given.
        input: String,
        /// The character.
        character: char,
        /// Its code point, for display.
        code_point: u32,
        /// 1-based character position.
        position: usize,
    },
    /// A configuration failed validation; every problem is listed.
    #[error("{}", messages::text(self, Locale::En))]
    InvalidConfig {
        /// Every problem found.
        problems: Vec<ConfigProblem>,
    },
    /// Neither name gives a single letter to build a login from.
    #[error("{}", messages::text(self, Locale::En))]
    NameUnusable {
        /// The given name as passed.
        given: String,
        /// The surname as passed.
        surname: String,
    },
    /// Every base the pattern can build contains a blocklisted word.
    #[error("{}", messages::text(self, Locale::En))]
    Blocked {
        /// The first base the pattern built.
        base: String,
        /// The blocked word it contains.
        word: String,
    },
    /// Every numbered candidate was taken, blocked or too long.
    #[error("{}", messages::text(self, Locale::En))]
    CandidatesExhausted {
        /// The base the numbers were appended to.
        base: String,
        /// How many numbers were tried.
        attempts: u32,
    },
    /// A login given to resolve a consolidation plan is not allowed by it.
    #[error("{}", messages::text(self, Locale::En))]
    NotACandidate {
        /// The login offered.
        login: String,
    },
    /// A national id number has the wrong number of characters.
    #[error("{}", messages::text(self, Locale::En))]
    IdLength {
        /// PESEL or EGN.
        kind: NationalIdKind,
        /// The input masked: its first two characters, then `*` for every
        /// digit (of any script), cut past 64 characters.
        input: String,
        /// Its length in characters.
        length: usize,
        /// The required length.
        expected: usize,
    },
    /// A national id number contains something other than an ASCII digit.
    #[error("{}", messages::text(self, Locale::En))]
    IdNonDigit {
        /// PESEL or EGN.
        kind: NationalIdKind,
        /// The input masked: its first two characters, then `*` for every
        /// digit (of any script), cut past 64 characters.
        input: String,
        /// The character.
        character: char,
        /// 1-based character position.
        position: usize,
    },
    /// The check digit does not match.
    #[error("{}", messages::text(self, Locale::En))]
    IdChecksum {
        /// PESEL or EGN.
        kind: NationalIdKind,
        /// The input masked: its first two characters, then `*` for every
        /// digit (of any script), cut past 64 characters.
        input: String,
        /// The check digit the other digits require.
        expected: u8,
        /// The last digit as given.
        found: u8,
    },
    /// The birth date coded in the number does not exist.
    #[error("{}", messages::text(self, Locale::En))]
    IdImpossibleDate {
        /// PESEL or EGN.
        kind: NationalIdKind,
        /// The input masked: its first two characters, then `*` for every
        /// digit (of any script), cut past 64 characters.
        input: String,
        /// The two year digits.
        year_digits: u8,
        /// The month digits, with the century code added.
        month_code: u8,
        /// The day digits.
        day: u8,
    },
}

impl LoginError {
    /// A stable machine code, e.g. `"login.too_short"`, `"login.pesel.checksum"`.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::Pesel;
    ///
    /// let err = "44051401459".parse::<Pesel>().unwrap_err();
    /// assert_eq!(err.code(), "login.pesel.checksum");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty { .. } => "login.empty",
            Self::TooShort { .. } => "login.too_short",
            Self::TooLong { .. } => "login.too_long",
            Self::InnerWhitespace { .. } => "login.inner_whitespace",
            Self::PolishLetter { .. } => "login.polish_letter",
            Self::Lookalike { .. } => "login.lookalike",
            Self::AccentedLetter { .. } => "login.accented_letter",
            Self::ForbiddenCharacter { .. } => "login.forbidden_character",
            Self::CombiningMark { .. } => "login.combining_mark",
            Self::InvisibleCharacter { .. } => "login.invisible_character",
            Self::InvalidConfig { .. } => "login.invalid_config",
            Self::NameUnusable { .. } => "login.name_unusable",
            Self::Blocked { .. } => "login.blocked",
            Self::CandidatesExhausted { .. } => "login.candidates_exhausted",
            Self::NotACandidate { .. } => "login.not_a_candidate",
            Self::IdLength { kind, .. } => match kind {
                NationalIdKind::Pesel => "login.pesel.length",
                NationalIdKind::Egn => "login.egn.length",
            },
            Self::IdNonDigit { kind, .. } => match kind {
                NationalIdKind::Pesel => "login.pesel.non_digit",
                NationalIdKind::Egn => "login.egn.non_digit",
            },
            Self::IdChecksum { kind, .. } => match kind {
                NationalIdKind::Pesel => "login.pesel.checksum",
                NationalIdKind::Egn => "login.egn.checksum",
            },
            Self::IdImpossibleDate { kind, .. } => match kind {
                NationalIdKind::Pesel => "login.pesel.impossible_date",
                NationalIdKind::Egn => "login.egn.impossible_date",
            },
        }
    }

    /// The message in the given language: whole in that language, lower case
    /// and without a final period (it may follow a prefix), the offending
    /// input quoted with the language's marks. `Locale::En` equals
    /// `Display`.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{Locale, normalize};
    ///
    /// let err = normalize("JA").unwrap_err();
    /// assert_eq!(err.message(Locale::En), err.to_string());
    /// assert_eq!(
    ///     err.message(Locale::Pl),
    ///     "login „JA” ma 2 znaki, a musi mieć co najmniej 3 znaki"
    /// );
    /// assert_eq!(
    ///     err.message(Locale::Bg),
    ///     "потребителското име „JA“ има 2 знака, а трябва да има поне 3 знака"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        messages::text(self, locale)
    }
}

impl ConfigProblem {
    /// A stable machine code, e.g. `"login.config.min_above_max"`.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::ConfigProblem;
    /// assert_eq!(ConfigProblem::MinLengthZero.code(), "login.config.min_length_zero");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::MinLengthZero => "login.config.min_length_zero",
            Self::MinAboveMax { .. } => "login.config.min_above_max",
            Self::MaxAboveLimit { .. } => "login.config.max_above_limit",
            Self::PatternTakesNoLetters => "login.config.pattern_takes_no_letters",
            Self::FirstNumberZero => "login.config.first_number_zero",
            Self::BadBlocklistEntry { .. } => "login.config.bad_blocklist_entry",
            Self::MaxAttemptsZero => "login.config.max_attempts_zero",
            Self::MaxAttemptsAboveLimit { .. } => "login.config.max_attempts_above_limit",
            Self::BlocklistTooLong { .. } => "login.config.blocklist_too_long",
        }
    }

    /// The problem in the given language.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{ConfigProblem, Locale};
    ///
    /// let p = ConfigProblem::MinAboveMax { min: 9, max: 4 };
    /// assert_eq!(
    ///     p.message(Locale::En),
    ///     "the minimum length of a login (9 characters) is greater than the maximum (4 characters)"
    /// );
    /// assert_eq!(
    ///     p.message(Locale::Pl),
    ///     "minimalna długość loginu (9 znaków) jest większa niż maksymalna (4 znaki)"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        messages::problem(self, locale)
    }
}

impl edurules_locale::Message for LoginError {
    fn code(&self) -> &'static str {
        LoginError::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        LoginError::message(self, locale)
    }
}

impl edurules_locale::Message for ConfigProblem {
    fn code(&self) -> &'static str {
        ConfigProblem::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        ConfigProblem::message(self, locale)
    }
}
