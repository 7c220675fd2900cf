//! One broken rule of a candidate password.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::context::PersonalField;
use super::strength::StrengthWarning;
use crate::class::CharClass;
use edurules_locale::Message;
use edurules_locale::nouns::CHARACTER;

use crate::locale::{Locale, TIME, num};

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
/// assert_eq!(v.message(Locale::En), "The password is too short: it has 6 characters and needs at least 8.");
/// assert_eq!(v.message(Locale::Pl), "Hasło jest za krótkie: ma 6 znaków, a musi mieć co najmniej 8.");
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
        /// The most characters allowed: the policy's `max_length`, or fewer for a password
        /// whose characters take more bytes than the policy's [`Limits`](crate::Limits)
        /// accept (as many of its characters as fit).
        max: u32,
        /// The password's length.
        actual: u32,
    },
    /// A character a password may not contain (as PRECIS, RFC 8264, disallows it): a
    /// control character (new line, tab, NUL, …), an invisible one (zero-width space, soft
    /// hyphen, a direction mark: Unicode's default-ignorable code points, and every format
    /// character), a line or paragraph separator (U+2028, U+2029), or a code point outside
    /// the Unicode standard's characters (private use, unassigned).
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

/// The classes' forms joined as the language writes a list: `a, b i c`
/// (`conj` is "and" or "or").
fn join(locale: Locale, items: Vec<&'static str>, conj: [&str; 3]) -> String {
    let conj = locale.pick(conj[0], conj[1], conj[2]);
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {conj} {last}", rest.join(", ")),
    }
}

const AND: [&str; 3] = ["i", "и", "and"];
const OR: [&str; 3] = ["lub", "или", "or"];

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

    /// The violation in words for the user: one sentence, whole in its
    /// language.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{CharClass, Locale, Violation};
    /// let v = Violation::MissingClasses {
    ///     classes: vec![CharClass::Digit, CharClass::Special],
    ///     min_present: 1,
    ///     present: 0,
    /// };
    /// assert_eq!(v.message(Locale::Bg), "Паролата трябва да съдържа цифра или специален знак.");
    /// assert_eq!(v.message(Locale::Pl), "Hasło musi zawierać cyfrę lub znak specjalny.");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        match self {
            Violation::TooShort { min, actual } => {
                let (has, min) = (l.count((*actual).into(), CHARACTER), num(l, *min));
                l.pick(
                    format!("Hasło jest za krótkie: ma {has}, a musi mieć co najmniej {min}."),
                    format!("Паролата е твърде кратка: има {has}, а трябва да има поне {min}."),
                    format!("The password is too short: it has {has} and needs at least {min}."),
                )
            }
            Violation::TooLong { max, actual } => {
                let (has, max) = (l.count((*actual).into(), CHARACTER), num(l, *max));
                l.pick(
                    format!("Hasło jest za długie: ma {has}, a może mieć najwyżej {max}."),
                    format!("Паролата е твърде дълга: има {has}, а може да има най-много {max}."),
                    format!("The password is too long: it has {has} and may have at most {max}."),
                )
            }
            Violation::ControlCharacter => l
                .pick(
                    "Hasło zawiera znak, którego nie można w nim użyć: sterujący (na przykład tabulator lub znak nowego wiersza), niewidoczny (na przykład spację o zerowej szerokości), separator wierszy albo znak do użytku prywatnego lub nieprzypisany w Unicode.",
                    "Паролата съдържа знак, който не може да се използва в нея: управляващ (например табулация или нов ред), невидим (например интервал с нулева ширина), разделител на редове или знак за частна употреба или незает в Юникод.",
                    "The password contains a character it may not contain: a control character (such as a tab or a line break), an invisible one (such as a zero-width space), a line separator, or a private-use or unassigned code point.",
                )
                .to_owned(),
            Violation::MissingClasses {
                classes,
                min_present,
                present,
            } => missing_classes(l, classes, *min_present, *present),
            Violation::ForbiddenAtEdge { edge, class } => {
                let what = class.forms(l).2;
                match edge {
                    Edge::First => l.pick(
                        format!("Pierwszy znak hasła nie może być {what}."),
                        format!("Първият знак на паролата не може да бъде {what}."),
                        format!("The first character of the password may not be {what}."),
                    ),
                    Edge::Last => l.pick(
                        format!("Ostatni znak hasła nie może być {what}."),
                        format!("Последният знак на паролата не може да бъде {what}."),
                        format!("The last character of the password may not be {what}."),
                    ),
                }
            }
            Violation::TooManyRepeated { max, actual } => {
                let (has, max) = (
                    l.count((*actual).into(), TIME),
                    l.count((*max).into(), TIME),
                );
                l.pick(
                    format!("Ten sam znak występuje w haśle {has} z rzędu, a może wystąpić najwyżej {max}."),
                    format!("Един и същ знак се среща в паролата {has} подред, а може да се среща най-много {max}."),
                    format!("The same character occurs {has} in a row; it may occur at most {max}."),
                )
            }
            Violation::ContainsPersonalData { field } => {
                let (pl, bg, en) = match field {
                    PersonalField::Login => ("loginu", "потребителското име", "the login"),
                    PersonalField::Name => (
                        "imienia ani nazwiska",
                        "името или фамилията",
                        "a name or surname",
                    ),
                    PersonalField::Email => ("adresu e-mail", "имейл адреса", "the e-mail address"),
                    PersonalField::NationalId => (
                        "numeru PESEL ani EGN",
                        "ЕГН или PESEL",
                        "the national identification number",
                    ),
                };
                l.pick(
                    format!("Hasło nie może zawierać {pl}."),
                    format!("Паролата не може да съдържа {bg}."),
                    format!("The password may not contain {en}."),
                )
            }
            Violation::Blocklisted => l
                .pick(
                    "To hasło jest na liście zbyt popularnych lub ujawnionych haseł.",
                    "Тази парола е в списъка с често използвани или изтекли пароли.",
                    "This password is on the list of common or leaked passwords.",
                )
                .to_owned(),
            Violation::TooWeak {
                min_score,
                score,
                warning,
            } => {
                let (score, min) = (num(l, *score), num(l, *min_score));
                let base = l.pick(
                    format!("Hasło jest zbyt łatwe do odgadnięcia: ocena {score} w skali od 0 do 4, a wymagana jest co najmniej {min}."),
                    format!("Паролата е твърде лесна за отгатване: оценка {score} по скала от 0 до 4, а се изисква поне {min}."),
                    format!("The password is too easy to guess: it scores {score} on a scale of 0 to 4 and needs at least {min}."),
                );
                match warning {
                    Some(w) => format!("{base} {}", w.message(l)),
                    None => base,
                }
            }
        }
    }
}

/// "Hasło musi zawierać wielką literę." / "… cyfrę lub znak specjalny." /
/// "… znaki co najmniej 3 spośród 4 rodzajów: …".
fn missing_classes(l: Locale, classes: &[CharClass], min_present: u8, present: u8) -> String {
    let total = classes.len();
    if usize::from(min_present) >= total || min_present <= 1 {
        let each: Vec<&'static str> = classes.iter().map(|c| c.forms(l).1).collect();
        let list = if min_present <= 1 {
            join(l, each, OR)
        } else {
            join(l, each, AND)
        };
        return l.pick(
            format!("Hasło musi zawierać {list}."),
            format!("Паролата трябва да съдържа {list}."),
            format!("The password must contain {list}."),
        );
    }
    let kinds = join(l, classes.iter().map(|c| c.forms(l).3).collect(), AND);
    let (min, total, present) = (
        num(l, min_present),
        num(l, u64::try_from(total).unwrap_or(u64::MAX)),
        num(l, present),
    );
    l.pick(
        format!("Hasło musi zawierać znaki co najmniej {min} spośród {total} rodzajów: {kinds} (obecnie: {present})."),
        format!("Паролата трябва да съдържа знаци от поне {min} от тези {total} вида: {kinds} (сега: {present})."),
        format!("The password must contain characters of at least {min} of these {total} kinds: {kinds} (now: {present})."),
    )
}

impl Message for Violation {
    fn code(&self) -> &'static str {
        Violation::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        Violation::message(self, locale)
    }
}
