//! A check that a message is entirely in its language: for the tests of
//! every crate, which sweep each message code with sample values through
//! [`problems`].
//!
//! Quoted input (between the locale's quotation marks, see
//! [`Locale::quote`]) is left out: it is the user's text, not the message's.
//! Outside quotes, the check refuses:
//! - text of another script or language: Cyrillic in Polish or English,
//!   Latin words in Bulgarian (acronyms such as `SIO`, `PESEL`, `UTC` and
//!   words with digits such as `argon2id` excepted), common English words in
//!   Polish, Polish letters in English;
//! - programmer's notation: backticks, `..=`, `::`, braces, `snake_case`
//!   identifiers;
//! - plural shortcuts such as `day(s)` or `lat(a)`;
//! - control characters other than the line break between list items.

use crate::Locale;

/// English words that are not also Polish words (`a`, `i`, `to`, `do`, `on`,
/// `no`, `by`, `was`, `one`, `ten`, `data`, `login` are Polish too).
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "is",
    "are",
    "not",
    "be",
    "been",
    "of",
    "before",
    "after",
    "date",
    "expected",
    "invalid",
    "must",
    "least",
    "with",
    "from",
    "between",
    "should",
    "found",
    "value",
    "field",
    "missing",
    "unknown",
    "line",
    "column",
    "error",
    "day",
    "days",
    "hour",
    "hours",
    "character",
    "characters",
    "and",
    "or",
    "than",
    "which",
    "this",
    "that",
    "for",
    "in",
    "at",
    "an",
    "it",
    "its",
    "has",
    "have",
    "were",
    "got",
    "more",
    "less",
    "only",
    "any",
    "all",
    "yes",
    "none",
    "true",
    "false",
    "into",
    "out",
    "over",
    "under",
    "allowed",
    "required",
    "cannot",
    "does",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "one",
    "two",
    "of",
    "expected",
    "type",
    "string",
    "number",
    "integer",
    "sequence",
    "map",
    "struct",
    "enum",
    "variant",
    "unit",
    "duplicate",
    "trailing",
    "eof",
    "while",
    "parsing",
    "key",
    "table",
    "empty",
];

/// Polish words that are not English (for English messages).
const POLISH_WORDS: &[&str] = &[
    "nie",
    "jest",
    "oraz",
    "lub",
    "dni",
    "dzień",
    "znak",
    "znaki",
    "znaków",
    "albo",
    "przez",
    "który",
    "która",
    "które",
    "szkoła",
    "hasło",
    "ustawa",
    "ustawy",
    "tekst",
    "jednolity",
    "rozporządzenie",
    "wiersz",
    "rok",
    "lata",
    "lat",
    "godzin",
    "godziny",
];

/// Upper-case tokens and tokens with digits a Bulgarian or Polish message
/// may write in Latin letters outside quotes besides acronyms.
const LATIN_ALLOWED: &[&str] = &["zxcvbn", "argon2id", "e-mail", "email"];

/// What is wrong with `text` as a message in `locale`, one line per
/// problem; empty when nothing is.
///
/// # Example
///
/// ```
/// use edurules_locale::{Locale, lint};
///
/// assert!(lint::problems(Locale::Pl, "Hasło ma 5 znaków.").is_empty());
/// assert!(lint::problems(Locale::Pl, "Login „JANKOW1” jest zajęty.").is_empty());
/// assert!(!lint::problems(Locale::Pl, "nieprawidłowy okres: `2017-09-15` is before `2018-06-01`").is_empty());
/// assert!(!lint::problems(Locale::Bg, "„sick“ не е one of excused, unexcused, late").is_empty());
/// assert!(!lint::problems(Locale::En, "max_depth: 0 not in 1..=8").is_empty());
/// assert!(!lint::problems(Locale::En, "5 day(s)").is_empty());
/// ```
#[must_use]
pub fn problems(locale: Locale, text: &str) -> Vec<String> {
    let bare = unquoted(locale, text);
    let mut out = Vec::new();
    for (needle, what) in [
        ("`", "a backtick"),
        ("..=", "a Rust range"),
        ("::", "a Rust path"),
        ("{", "a brace"),
        ("}", "a brace"),
        ("(s)", "a plural shortcut"),
        ("(a)", "a plural shortcut"),
        ("(y)", "a plural shortcut"),
        ("(i)", "a plural shortcut"),
        ("(ów)", "a plural shortcut"),
        ("(es)", "a plural shortcut"),
        ("(а)", "a plural shortcut"),
        ("(и)", "a plural shortcut"),
    ] {
        if bare.contains(needle) {
            out.push(format!("{what} ({needle}) outside quotes"));
        }
    }
    // A line break separates the items of a list; any other control
    // character, or a line or paragraph separator, is a fault.
    if bare
        .chars()
        .any(|c| (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        out.push("a control character".to_owned());
    }
    for word in words(&bare) {
        if word.contains('_') && word.chars().any(char::is_alphabetic) {
            out.push(format!("a raw identifier: {word}"));
            continue;
        }
        let lower = word.to_lowercase();
        let cyrillic = word.chars().any(is_cyrillic);
        let latin = word.chars().any(|c| c.is_alphabetic() && !is_cyrillic(c));
        let acronym = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let digits = word.chars().any(|c| c.is_ascii_digit());
        match locale {
            Locale::Pl | Locale::En if cyrillic => out.push(format!("a Cyrillic word: {word}")),
            Locale::Bg
                if latin && !acronym && !digits && !LATIN_ALLOWED.contains(&lower.as_str()) =>
            {
                out.push(format!("a Latin word in Bulgarian: {word}"));
            }
            Locale::Pl if ENGLISH_WORDS.contains(&lower.as_str()) => {
                out.push(format!("an English word in Polish: {word}"));
            }
            Locale::En
                if POLISH_WORDS.contains(&lower.as_str()) || word.chars().any(is_polish_letter) =>
            {
                out.push(format!("a Polish word in English: {word}"));
            }
            _ => {}
        }
    }
    out
}

/// `text` without what stands between the locale's quotation marks (and
/// without ASCII-quoted JSON-like spans, which a message should not have
/// either but which the punctuation checks still see).
fn unquoted(locale: Locale, text: &str) -> String {
    let (open, close) = locale.quotation_marks();
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        if c == open && (open != close || depth == 0) {
            depth += 1;
            out.push(' ');
        } else if c == close && depth > 0 {
            depth -= 1;
            out.push(' ');
        } else if depth == 0 {
            out.push(c);
        }
    }
    out
}

/// The words of `text`: runs of letters, digits, `_`, `-` and `'`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c| c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52f}')
}

fn is_polish_letter(c: char) -> bool {
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages the issue found, each caught.
    #[test]
    fn catches_the_reported_mixtures() {
        let bad = [
            (
                Locale::Pl,
                "nieprawidłowy okres: `2017-09-15` is before `2018-06-01`",
            ),
            (
                Locale::Pl,
                "`2018-02-30` to nie a date (YYYY-MM-DD or DD.MM.YYYY)",
            ),
            (Locale::Bg, "`sick` не е one of excused, unexcused, late"),
            (Locale::Pl, "max_depth: `0` not in 1..=8"),
            (Locale::Pl, "5 dzień(s)"),
            (Locale::Pl, "lat(a)"),
            (Locale::En, "Hasło is too short"),
            (Locale::En, "Пароли"),
            (Locale::Pl, "ръководи субекта"),
        ];
        for (l, text) in bad {
            assert!(!problems(l, text).is_empty(), "{l}: {text}");
        }
    }

    #[test]
    fn accepts_clean_messages_with_quoted_input() {
        let good = [
            (
                Locale::Pl,
                "Data „2018-02-30” nie istnieje; podaj RRRR-MM-DD, np. 2026-09-01.",
            ),
            (
                Locale::Bg,
                "„sick“ не е вид отсъствие: възможни са „excused“, „unexcused“ и „late“.",
            ),
            (Locale::Bg, "Хеширане с argon2id; ЕГН, SIO, UTC."),
            (Locale::En, "The date “2018-02-30” does not exist."),
            (Locale::Pl, "Hasło musi mieć co najmniej 8 znaków."),
        ];
        for (l, text) in good {
            assert_eq!(problems(l, text), Vec::<String>::new(), "{l}: {text}");
        }
    }
}
