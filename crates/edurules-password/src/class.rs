//! Character classes and the class requirements of a policy, as data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use unicode_general_category::{GeneralCategory as Gc, get_general_category};

use crate::locale::Locale;

/// A kind of character. Every character belongs to exactly one class
/// (decided after NFKC normalization), by its Unicode general category:
///
/// - `upper`: an upper-case or title-case letter, `Lu` and `Lt` (`A`, `Ż`, `Ж`,
///   `Ω`, `ᾈ`); a symbol that only looks like a letter (`🅰`, `So`) is not one;
/// - `lower`: a lower-case letter, `Ll` (`a`, `ż`, `ж`, `ω`);
/// - `digit`: a number, `Nd`, `Nl` and `No` (`0`–`9` and other Unicode numbers);
/// - `other_letter`: a letter without case, `Lo` and `Lm` (`漢`, `ا`), as in
///   Active Directory's fifth category;
/// - `special`: everything else: punctuation, symbols, spaces (and marks, which
///   `check` counts with the letter before them). The characters `check`
///   refuses (`password.control_character`: controls, format characters, line
///   and paragraph separators, private-use and unassigned code points) are
///   never counted as special.
///
/// # Example
/// ```
/// use edurules_password::CharClass;
/// assert_eq!(CharClass::of('Ż'), CharClass::Upper);
/// assert_eq!(CharClass::of('ж'), CharClass::Lower);
/// assert_eq!(CharClass::of('7'), CharClass::Digit);
/// assert_eq!(CharClass::of('#'), CharClass::Special);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CharClass {
    /// Upper-case letter.
    Upper,
    /// Lower-case letter.
    Lower,
    /// Digit.
    Digit,
    /// Special character: punctuation, symbol, space.
    Special,
    /// Letter without case.
    OtherLetter,
}

impl CharClass {
    /// Every class.
    pub const ALL: [CharClass; 5] = [
        CharClass::Upper,
        CharClass::Lower,
        CharClass::Digit,
        CharClass::Special,
        CharClass::OtherLetter,
    ];

    /// The class of one character.
    ///
    /// # Example
    /// ```
    /// use edurules_password::CharClass;
    /// assert_eq!(CharClass::of(' '), CharClass::Special);
    /// assert_eq!(CharClass::of('漢'), CharClass::OtherLetter);
    /// ```
    #[must_use]
    pub fn of(c: char) -> CharClass {
        match get_general_category(c) {
            Gc::UppercaseLetter | Gc::TitlecaseLetter => CharClass::Upper,
            Gc::LowercaseLetter => CharClass::Lower,
            Gc::DecimalNumber | Gc::LetterNumber | Gc::OtherNumber => CharClass::Digit,
            Gc::OtherLetter | Gc::ModifierLetter => CharClass::OtherLetter,
            _ => CharClass::Special,
        }
    }

    /// The stable machine name (as in JSON).
    ///
    /// # Example
    /// ```
    /// use edurules_password::CharClass;
    /// assert_eq!(CharClass::OtherLetter.code(), "other_letter");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            CharClass::Upper => "upper",
            CharClass::Lower => "lower",
            CharClass::Digit => "digit",
            CharClass::Special => "special",
            CharClass::OtherLetter => "other_letter",
        }
    }

    /// The name of the class for people.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{CharClass, Locale};
    /// assert_eq!(CharClass::Upper.name(Locale::Pl), "wielka litera");
    /// ```
    #[must_use]
    pub fn name(self, locale: Locale) -> String {
        self.forms(locale).0.to_owned()
    }

    /// The forms a message needs: `(name, object, predicate, plural)`:
    /// Polish nominative, accusative ("musi zawierać wielką literę"),
    /// instrumental ("nie może być cyfrą") and nominative plural; Bulgarian
    /// and English with the article a sentence needs.
    pub(crate) fn forms(
        self,
        locale: Locale,
    ) -> (&'static str, &'static str, &'static str, &'static str) {
        let (pl, bg, en) = match self {
            CharClass::Upper => (
                (
                    "wielka litera",
                    "wielką literę",
                    "wielką literą",
                    "wielkie litery",
                ),
                (
                    "главна буква",
                    "главна буква",
                    "главна буква",
                    "главни букви",
                ),
                (
                    "upper-case letter",
                    "an upper-case letter",
                    "an upper-case letter",
                    "upper-case letters",
                ),
            ),
            CharClass::Lower => (
                ("mała litera", "małą literę", "małą literą", "małe litery"),
                ("малка буква", "малка буква", "малка буква", "малки букви"),
                (
                    "lower-case letter",
                    "a lower-case letter",
                    "a lower-case letter",
                    "lower-case letters",
                ),
            ),
            CharClass::Digit => (
                ("cyfra", "cyfrę", "cyfrą", "cyfry"),
                ("цифра", "цифра", "цифра", "цифри"),
                ("digit", "a digit", "a digit", "digits"),
            ),
            CharClass::Special => (
                (
                    "znak specjalny",
                    "znak specjalny",
                    "znakiem specjalnym",
                    "znaki specjalne",
                ),
                (
                    "специален знак",
                    "специален знак",
                    "специален знак",
                    "специални знаци",
                ),
                (
                    "special character",
                    "a special character",
                    "a special character",
                    "special characters",
                ),
            ),
            CharClass::OtherLetter => (
                (
                    "litera bez podziału na wielkie i małe",
                    "literę bez podziału na wielkie i małe",
                    "literą bez podziału na wielkie i małe",
                    "litery bez podziału na wielkie i małe",
                ),
                (
                    "буква без главна и малка форма",
                    "буква без главна и малка форма",
                    "буква без главна и малка форма",
                    "букви без главна и малка форма",
                ),
                (
                    "letter without case",
                    "a letter without case",
                    "a letter without case",
                    "letters without case",
                ),
            ),
        };
        locale.pick(pl, bg, en)
    }
}

/// "At least `min_present` of these `classes` must each occur at least once."
///
/// A policy holds a list of these and all of them must hold, so:
/// - the seed's "upper AND lower AND (digit OR special)" is three requirements:
///   `[upper] ≥ 1`, `[lower] ≥ 1`, `[digit, special] ≥ 1`;
/// - Active Directory's "3 of 4 classes" is one requirement:
///   `[upper, lower, digit, special] ≥ 3`.
///
/// # Example
/// ```
/// use edurules_password::{CharClass, ClassRequirement};
/// let r = ClassRequirement::any_of(&[CharClass::Digit, CharClass::Special]);
/// assert!(r.is_met_by(&[CharClass::Upper, CharClass::Special]));
/// assert!(!r.is_met_by(&[CharClass::Upper, CharClass::Lower]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ClassRequirement {
    /// The classes counted by this requirement (no duplicates, at least one).
    pub classes: Vec<CharClass>,
    /// How many of `classes` must occur (1 ..= `classes.len()`).
    pub min_present: u8,
}

impl ClassRequirement {
    /// At least one character of `class`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{CharClass, ClassRequirement};
    /// assert_eq!(ClassRequirement::one(CharClass::Upper).min_present, 1);
    /// ```
    #[must_use]
    pub fn one(class: CharClass) -> Self {
        Self {
            classes: vec![class],
            min_present: 1,
        }
    }

    /// At least one character of any of `classes`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{CharClass, ClassRequirement};
    /// let r = ClassRequirement::any_of(&[CharClass::Digit, CharClass::Special]);
    /// assert_eq!(r.classes.len(), 2);
    /// ```
    #[must_use]
    pub fn any_of(classes: &[CharClass]) -> Self {
        Self {
            classes: classes.to_vec(),
            min_present: 1,
        }
    }

    /// At least `n` of `classes`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{CharClass, ClassRequirement};
    /// let r = ClassRequirement::n_of(3, &[CharClass::Upper, CharClass::Lower, CharClass::Digit, CharClass::Special]);
    /// assert!(r.is_met_by(&[CharClass::Upper, CharClass::Lower, CharClass::Digit]));
    /// ```
    #[must_use]
    pub fn n_of(n: u8, classes: &[CharClass]) -> Self {
        Self {
            classes: classes.to_vec(),
            min_present: n,
        }
    }

    /// How many of this requirement's classes occur in `present`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{CharClass, ClassRequirement};
    /// let r = ClassRequirement::any_of(&[CharClass::Digit, CharClass::Special]);
    /// assert_eq!(r.count_present(&[CharClass::Digit, CharClass::Upper]), 1);
    /// ```
    #[must_use]
    pub fn count_present(&self, present: &[CharClass]) -> u8 {
        let n = self.classes.iter().filter(|c| present.contains(c)).count();
        u8::try_from(n).unwrap_or(u8::MAX)
    }

    /// Whether the classes `present` in a password meet this requirement.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{CharClass, ClassRequirement};
    /// assert!(ClassRequirement::one(CharClass::Lower).is_met_by(&[CharClass::Lower]));
    /// ```
    #[must_use]
    pub fn is_met_by(&self, present: &[CharClass]) -> bool {
        self.count_present(present) >= self.min_present
    }
}

/// Whether a password may not contain `c` (after NFKC), as PRECIS's
/// `OpaqueString` (RFC 8265, RFC 8264 § 9) disallows it: a control (`Cc`), a
/// format character (`Cf`: direction marks, the interlinear annotation
/// characters U+FFF9–U+FFFB), a line or paragraph separator (`Zl`, `Zp`:
/// U+2028, U+2029), a private-use (`Co`) or unassigned (`Cn`) code point, or
/// any default-ignorable one ([`edurules_locale::is_invisible`]: zero-width
/// space, soft hyphen, variation selectors).
pub(crate) fn is_refused(c: char) -> bool {
    edurules_locale::is_invisible(c)
        || matches!(
            get_general_category(c),
            Gc::Control
                | Gc::Format
                | Gc::LineSeparator
                | Gc::ParagraphSeparator
                | Gc::PrivateUse
                | Gc::Unassigned
                | Gc::Surrogate
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_polish_and_bulgarian_letters() {
        for c in ['Ą', 'Ł', 'Ź', 'Б', 'Щ'] {
            assert_eq!(CharClass::of(c), CharClass::Upper, "{c}");
        }
        for c in ['ą', 'ł', 'ź', 'б', 'щ'] {
            assert_eq!(CharClass::of(c), CharClass::Lower, "{c}");
        }
        assert_eq!(CharClass::of('\u{3042}'), CharClass::OtherLetter);
        assert_eq!(CharClass::of('€'), CharClass::Special);
    }

    /// By general category, not by the `Uppercase` property: a symbol that looks like a
    /// letter is no letter, a title-case letter is an upper-case one (found in review).
    #[test]
    fn letters_by_general_category() {
        // NEGATIVE SQUARED LATIN CAPITAL LETTER A, NEGATIVE CIRCLED A: `So` with
        // `Other_Uppercase`, and NFKC keeps them.
        for c in ['\u{1F170}', '\u{1F150}'] {
            assert!(c.is_uppercase(), "{c}");
            assert_eq!(CharClass::of(c), CharClass::Special, "{c}");
        }
        // GREEK CAPITAL LETTER ALPHA WITH PSILI AND PROSGEGRAMMENI, ǅ: `Lt`.
        for c in ['\u{1F88}', '\u{1FBC}', 'ǅ'] {
            assert_eq!(CharClass::of(c), CharClass::Upper, "{c}");
        }
        assert_eq!(CharClass::of('ʼ'), CharClass::OtherLetter); // `Lm`
        assert_eq!(CharClass::of('Ⅻ'), CharClass::Digit); // `Nl`
        assert_eq!(CharClass::of('\u{2028}'), CharClass::Special);
    }

    #[test]
    fn refused_characters() {
        for c in [
            '\t',
            '\u{7f}', // Cc
            '\u{200b}',
            '\u{ad}',
            '\u{fe0f}', // default-ignorable
            '\u{fff9}',
            '\u{fffb}',
            '\u{600}', // Cf, not default-ignorable
            '\u{2028}',
            '\u{2029}', // Zl, Zp
            '\u{e000}',
            '\u{f8ff}',
            '\u{10fffd}', // Co
            '\u{378}',
            '\u{e0080}',
            '\u{10ffff}', // Cn
        ] {
            assert!(is_refused(c), "U+{:04X}", u32::from(c));
        }
        for c in [
            'a', 'Ż', ' ', '\u{a0}', '\u{3000}', '€', '🙂', '漢', '\u{301}',
        ] {
            assert!(!is_refused(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn three_of_four() {
        let r = ClassRequirement::n_of(
            3,
            &[
                CharClass::Upper,
                CharClass::Lower,
                CharClass::Digit,
                CharClass::Special,
            ],
        );
        assert!(!r.is_met_by(&[CharClass::Upper, CharClass::Lower]));
        assert!(r.is_met_by(&[CharClass::Lower, CharClass::Digit, CharClass::Special]));
    }

    #[test]
    fn every_class_has_names() {
        for c in CharClass::ALL {
            for l in Locale::ALL {
                assert!(!c.name(l).is_empty());
            }
        }
    }
}
