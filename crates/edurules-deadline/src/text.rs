//! Pieces the crate's messages share: its own counted nouns, and how text
//! taken from a rules file (a provision, a citation, a category) is shown.

use edurules_locale::{Locale, Noun};

/// The message of one language, formatted: `pick!(locale, "pl {x}", "bg {x}", "en {x}")` is
/// `locale.pick(format!(…), format!(…), format!(…))` without formatting the two texts nobody
/// reads (English for any later language, as [`Locale::pick`] cannot say).
macro_rules! pick {
    ($locale:expr, $pl:literal, $bg:literal, $en:literal $(,)?) => {
        match $locale {
            $crate::Locale::Pl => {
                // Room for the template and 96 bytes of values: written without growing the
                // buffer again and again. Writing to a `String` cannot fail.
                let mut text = String::with_capacity($pl.len() + 96);
                let _ = ::std::fmt::Write::write_fmt(&mut text, format_args!($pl));
                text
            }
            $crate::Locale::Bg => {
                // Room for the template and 96 bytes of values: written without growing the
                // buffer again and again. Writing to a `String` cannot fail.
                let mut text = String::with_capacity($bg.len() + 96);
                let _ = ::std::fmt::Write::write_fmt(&mut text, format_args!($bg));
                text
            }
            _ => {
                // Room for the template and 96 bytes of values: written without growing the
                // buffer again and again. Writing to a `String` cannot fail.
                let mut text = String::with_capacity($en.len() + 96);
                let _ = ::std::fmt::Write::write_fmt(&mut text, format_args!($en));
                text
            }
        }
    };
}
pub(crate) use pick;

/// kategoria (accusative in Polish: "reguły znają 42 kategorie").
pub(crate) const CATEGORY_ACC: Noun = Noun::new(
    ["kategorię", "kategorie", "kategorii", "kategorii"],
    ["категория", "категории"],
    ["category", "categories"],
);

/// dzień in the genitive after "do" ("od 1 dnia do 366 dni"); Bulgarian and
/// English use [`nouns::DAY`](edurules_locale::nouns::DAY).
pub(crate) const DAY_GENITIVE: Noun = Noun::new(
    ["dnia", "dni", "dni", "dnia"],
    ["ден", "дни"],
    ["day", "days"],
);

/// błąd / грешка / problem (in a rules file).
pub(crate) const PROBLEM: Noun = Noun::new(
    ["błąd", "błędy", "błędów", "błędu"],
    ["грешка", "грешки"],
    ["problem", "problems"],
);

/// The most characters of a text from a rules file (a provision, a
/// citation, a category id) a message shows; the shipped file's longest is
/// 136.
pub(crate) const MAX_RULE_TEXT_CHARS: usize = 160;

/// `text` with control and invisible characters and line separators ([`edurules_locale::needs_escape`]) replaced by `�`, cut after
/// [`MAX_RULE_TEXT_CHARS`] characters with `…`.
fn clean(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MAX_RULE_TEXT_CHARS)
        .map(|c| {
            if edurules_locale::needs_escape(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(MAX_RULE_TEXT_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Text from a rules file (a category id, a provision), between the
/// language's quotation marks, bounded and cleaned; unlike
/// [`Locale::quote`] it keeps up to [`MAX_RULE_TEXT_CHARS`] characters, since
/// it is the crate's data, not a caller's input.
pub(crate) fn quoted_rule(locale: Locale, text: &str) -> String {
    let (open, close) = locale.quotation_marks();
    format!("{open}{}{close}", clean(text))
}

/// A provision from a rules file (`art. 30`, `art. 30 pkt 1`): as it stands
/// in Polish, and in English when it is only letters, digits, `.`, `,` and
/// `§` (legal English cites Polish provisions so); quoted otherwise and in
/// Bulgarian, where its Latin abbreviations are foreign; bounded and
/// cleaned either way.
pub(crate) fn provision(locale: Locale, text: &str) -> String {
    let plain = text.len() <= MAX_RULE_TEXT_CHARS
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | '§'));
    match locale {
        Locale::Pl => clean(text),
        Locale::En if plain => clean(text),
        Locale::Bg => bulgarian_provision(text).unwrap_or_else(|| quoted_rule(locale, text)),
        _ => quoted_rule(locale, text),
    }
}

/// A provision in the way Bulgarian cites one: `art. 30 pkt 1` as
/// `чл. 30, т. 1`, `ust.` as `ал.`, `lit. a` as `буква „a“`; `None` for
/// anything else (it is then quoted).
fn bulgarian_provision(text: &str) -> Option<String> {
    if text.len() > MAX_RULE_TEXT_CHARS {
        return None;
    }
    let mut parts = Vec::new();
    let mut words = text.split_whitespace();
    while let Some(unit) = words.next() {
        let number = words.next()?;
        if !number.chars().all(|c| c.is_ascii_alphanumeric()) || number.is_empty() {
            return None;
        }
        parts.push(match unit {
            "art." => format!("чл. {number}"),
            "ust." => format!("ал. {number}"),
            "pkt" => format!("т. {number}"),
            "lit." => format!("буква „{number}“"),
            _ => return None,
        });
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A citation from a rules file (a provision such as `art. 30 pkt 1`, a
/// source such as `Dz.U. 2024 poz. 152`): written as it stands in a Polish
/// message (it is Polish), quoted in the other languages, where it is a
/// foreign citation; bounded and cleaned either way.
pub(crate) fn cited(locale: Locale, text: &str) -> String {
    match locale {
        Locale::Pl => clean(text),
        _ => quoted_rule(locale, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cited_is_bounded_and_clean() {
        let long = format!("art.\u{1b}[31m {}", "x".repeat(100_000));
        for l in Locale::ALL {
            let c = cited(l, &long);
            assert!(c.len() < 200, "{c}");
            assert!(!c.chars().any(char::is_control));
        }
        assert_eq!(cited(Locale::Pl, "art. 30 pkt 1"), "art. 30 pkt 1");
        assert_eq!(
            provision(Locale::Bg, "art. 30 pkt 1 lit. a"),
            "чл. 30, т. 1, буква „a“"
        );
        assert_eq!(provision(Locale::Bg, "art. 30 xyz"), "„art. 30 xyz“");
        assert_eq!(provision(Locale::En, "art. 30 pkt 1"), "art. 30 pkt 1");
        assert_eq!(cited(Locale::En, "art. 30 pkt 1"), "“art. 30 pkt 1”");
    }
}
