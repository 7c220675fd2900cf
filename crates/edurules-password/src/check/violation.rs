//! One broken rule of a candidate password.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::context::PersonalField;
use super::strength::StrengthWarning;
use crate::class::CharClass;
use crate::locale::{Locale, characters, pick};

/// The first or the last character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Edge {
    /// The first character.
    First,
    /// The last character.
    Last,
}

/// One rule a candidate password breaks, with its parameters. Never holds
/// any part of the password.
///
/// Serialized with its code as the tag, e.g.
/// `{"code":"password.too_short","min":8,"actual":6}` (the tag is [`Violation::code`]).
///
/// # Example
/// ```
/// use edurules_password::{Locale, Violation};
/// let v = Violation::TooShort { min: 8, actual: 6 };
/// assert_eq!(v.code(), "password.too_short");
/// assert_eq!(v.message(Locale::En), "password is too short: `6` characters, at least `8` required");
/// assert_eq!(v.message(Locale::Pl), "hasło jest za krótkie: `6` znaków, wymagane co najmniej `8`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "code")]
#[non_exhaustive]
pub enum Violation {
    /// Fewer code points (after NFKC) than `min`.
    #[serde(rename = "password.too_short")]
    TooShort {
        /// The policy's minimum.
        min: u32,
        /// The password's length.
        actual: u32,
    },
    /// More code points (after NFKC) than `max`.
    #[serde(rename = "password.too_long")]
    TooLong {
        /// The policy's maximum.
        max: u32,
        /// The password's length.
        actual: u32,
    },
    /// A control character (new line, tab, NUL, …).
    #[serde(rename = "password.control_character")]
    ControlCharacter,
    /// Fewer than `min_present` of `classes` occur.
    #[serde(rename = "password.missing_classes")]
    MissingClasses {
        /// The classes of the requirement.
        classes: Vec<CharClass>,
        /// How many of them must occur.
        min_present: u8,
        /// How many occur.
        present: u8,
    },
    /// The first or last character is of a forbidden class.
    #[serde(rename = "password.forbidden_at_edge")]
    ForbiddenAtEdge {
        /// Which end.
        edge: Edge,
        /// The class found there.
        class: CharClass,
    },
    /// A character repeated more than `max` times in a row.
    #[serde(rename = "password.too_many_repeated")]
    TooManyRepeated {
        /// The policy's maximum run.
        max: u32,
        /// The longest run found.
        actual: u32,
    },
    /// The password contains the user's personal data.
    #[serde(rename = "password.contains_personal_data")]
    ContainsPersonalData {
        /// Which datum.
        field: PersonalField,
    },
    /// The password is on the blocklist.
    #[serde(rename = "password.blocklisted")]
    Blocklisted,
    /// zxcvbn's score is below the policy's minimum.
    #[serde(rename = "password.too_weak")]
    TooWeak {
        /// The policy's minimum score.
        min_score: u8,
        /// The score (0–4).
        score: u8,
        /// zxcvbn's warning, if any.
        warning: Option<StrengthWarning>,
    },
}

fn class_list(classes: &[CharClass], locale: Locale) -> String {
    classes
        .iter()
        .map(|c| format!("`{}`", c.name(locale)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Violation {
    /// The stable machine code, e.g. `password.too_short`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::Violation;
    /// assert_eq!(Violation::Blocklisted.code(), "password.blocklisted");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Violation::TooShort { .. } => "password.too_short",
            Violation::TooLong { .. } => "password.too_long",
            Violation::ControlCharacter => "password.control_character",
            Violation::MissingClasses { .. } => "password.missing_classes",
            Violation::ForbiddenAtEdge { .. } => "password.forbidden_at_edge",
            Violation::TooManyRepeated { .. } => "password.too_many_repeated",
            Violation::ContainsPersonalData { .. } => "password.contains_personal_data",
            Violation::Blocklisted => "password.blocklisted",
            Violation::TooWeak { .. } => "password.too_weak",
        }
    }

    /// The violation in words for the user.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{CharClass, Locale, Violation};
    /// let v = Violation::MissingClasses {
    ///     classes: vec![CharClass::Digit, CharClass::Special],
    ///     min_present: 1,
    ///     present: 0,
    /// };
    /// assert_eq!(
    ///     v.message(Locale::Bg),
    ///     "паролата трябва да съдържа поне `1` от: `цифра`, `специален знак` (има `0`)"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Violation::TooShort { min, actual } => pick(
                locale,
                format!(
                    "hasło jest za krótkie: {}, wymagane co najmniej `{min}`",
                    characters(Locale::Pl, *actual)
                ),
                format!(
                    "паролата е твърде кратка: {}, изискват се поне `{min}`",
                    characters(Locale::Bg, *actual)
                ),
                format!(
                    "password is too short: {}, at least `{min}` required",
                    characters(Locale::En, *actual)
                ),
            ),
            Violation::TooLong { max, actual } => pick(
                locale,
                format!("hasło jest za długie: `{actual}` znaków, dozwolone najwyżej `{max}`"),
                format!(
                    "паролата е твърде дълга: `{actual}` знака, позволени са най-много `{max}`"
                ),
                format!("password is too long: `{actual}` characters, at most `{max}` allowed"),
            ),
            Violation::ControlCharacter => pick(
                locale,
                "hasło zawiera znak sterujący (np. tabulator lub nową linię)".into(),
                "паролата съдържа управляващ знак (напр. табулация или нов ред)".into(),
                "password contains a control character (such as a tab or a new line)".into(),
            ),
            Violation::MissingClasses {
                classes,
                min_present,
                present,
            } => pick(
                locale,
                format!(
                    "hasło musi zawierać co najmniej `{min_present}` z: {} (jest `{present}`)",
                    class_list(classes, Locale::Pl)
                ),
                format!(
                    "паролата трябва да съдържа поне `{min_present}` от: {} (има `{present}`)",
                    class_list(classes, Locale::Bg)
                ),
                format!(
                    "password must contain at least `{min_present}` of: {} (has `{present}`)",
                    class_list(classes, Locale::En)
                ),
            ),
            Violation::ForbiddenAtEdge { edge, class } => {
                let (pl, bg, en) = match edge {
                    Edge::First => ("pierwszy", "първият", "first"),
                    Edge::Last => ("ostatni", "последният", "last"),
                };
                pick(
                    locale,
                    format!(
                        "{pl} znak hasła nie może być typu `{}`",
                        class.name(Locale::Pl)
                    ),
                    format!(
                        "{bg} знак на паролата не може да бъде `{}`",
                        class.name(Locale::Bg)
                    ),
                    format!(
                        "the {en} character may not be a `{}`",
                        class.name(Locale::En)
                    ),
                )
            }
            Violation::TooManyRepeated { max, actual } => pick(
                locale,
                format!(
                    "ten sam znak powtórzony `{actual}` razy z rzędu, dozwolone najwyżej `{max}`"
                ),
                format!(
                    "един и същ знак е повторен `{actual}` пъти подред, позволени са най-много `{max}`"
                ),
                format!(
                    "a character is repeated `{actual}` times in a row, at most `{max}` allowed"
                ),
            ),
            Violation::ContainsPersonalData { field } => pick(
                locale,
                format!(
                    "hasło nie może zawierać danych osobowych: `{}`",
                    field.name(Locale::Pl)
                ),
                format!(
                    "паролата не може да съдържа лични данни: `{}`",
                    field.name(Locale::Bg)
                ),
                format!(
                    "password may not contain personal data: `{}`",
                    field.name(Locale::En)
                ),
            ),
            Violation::Blocklisted => pick(
                locale,
                "to hasło jest na liście zbyt popularnych lub ujawnionych haseł".into(),
                "тази парола е в списъка с твърде често срещани или изтекли пароли".into(),
                "this password is on the list of common or breached passwords".into(),
            ),
            Violation::TooWeak {
                min_score,
                score,
                warning,
            } => {
                let base = pick(
                    locale,
                    format!(
                        "hasło jest zbyt łatwe do odgadnięcia: ocena `{score}`, wymagana co najmniej `{min_score}` (w skali 0–4)"
                    ),
                    format!(
                        "паролата е твърде лесна за отгатване: оценка `{score}`, изисква се поне `{min_score}` (по скала 0–4)"
                    ),
                    format!(
                        "password is too easy to guess: score `{score}`, at least `{min_score}` required (scale 0–4)"
                    ),
                );
                match warning {
                    Some(w) => format!("{base}: {}", w.message(locale)),
                    None => base,
                }
            }
        }
    }
}
