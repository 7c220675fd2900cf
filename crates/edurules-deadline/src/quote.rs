//! How error messages quote input: cut after a fixed number of characters
//! with the count of the rest, control and invisible characters escaped.

use std::fmt::Write as _;

use crate::Locale;

/// The most characters of a caller's value (a category, a field) an error
/// message quotes.
pub(crate) const MAX_QUOTED_CHARS: usize = 64;

/// The most characters of a longer text (a parser's report, a listed
/// problem) an error message quotes.
pub(crate) const MAX_QUOTED_TEXT_CHARS: usize = 240;

/// Whether a reader could not see `c` or it would act on a terminal or log:
/// control characters, bidi controls, zero-width and other format characters.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            u32::from(c),
            0x00AD
                | 0x061C
                | 0x180E
                | 0x200B..=0x200F
                | 0x2028..=0x202E
                | 0x2060..=0x206F
                | 0xFE00..=0xFE0F
                | 0xFEFF
                | 0xFFF9..=0xFFFB
                | 0xE0000..=0xE0FFF
        )
}

/// `text` escaped (`\n`, `\r`, `\t`, otherwise `\u{1b}`) and cut after
/// `limit` characters with `…` and the number left out, in `locale`; no
/// backticks added.
pub(crate) fn cut(text: &str, limit: usize, locale: Locale) -> String {
    let mut out = String::with_capacity(text.len().min(limit.saturating_mul(4)));
    let mut chars = text.chars();
    for c in chars.by_ref().take(limit) {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    let more = chars.count();
    if more > 0 {
        out.push_str("… (");
        out.push_str(&more_chars(more, locale));
        out.push(')');
    }
    out
}

/// A value in backticks, cut after [`MAX_QUOTED_CHARS`] (the count of the
/// rest after the closing backtick).
pub(crate) fn quoted(text: &str, locale: Locale) -> String {
    let body = cut(text, MAX_QUOTED_CHARS, locale);
    match body.rsplit_once("… (") {
        Some((shown, rest)) if text.chars().count() > MAX_QUOTED_CHARS => {
            format!("`{shown}…` ({rest}")
        }
        _ => format!("`{body}`"),
    }
}

/// "and N more characters" with the language's plural.
fn more_chars(n: usize, locale: Locale) -> String {
    match locale {
        Locale::Pl => {
            let word = if n == 1 {
                "znak"
            } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                "znaki"
            } else {
                "znaków"
            };
            format!("i jeszcze {n} {word}")
        }
        Locale::Bg => format!("и още {n} {}", if n == 1 { "знак" } else { "знака" }),
        _ => format!(
            "and {n} more {}",
            if n == 1 { "character" } else { "characters" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_cuts_with_plurals() {
        assert_eq!(quoted("a\u{1b}[0m\n", Locale::En), r"`a\u{1b}[0m\n`");
        assert_eq!(quoted("\u{202e}", Locale::En), r"`\u{202e}`");
        let long = "x".repeat(MAX_QUOTED_CHARS + 1);
        assert!(quoted(&long, Locale::En).ends_with("x…` (and 1 more character)"));
        let long = "x".repeat(MAX_QUOTED_CHARS + 22);
        assert!(quoted(&long, Locale::Pl).ends_with("…` (i jeszcze 22 znaki)"));
        assert!(quoted(&long, Locale::Bg).ends_with("…` (и още 22 знака)"));
        let long = "x".repeat(MAX_QUOTED_CHARS + 12);
        assert!(quoted(&long, Locale::Pl).ends_with("(i jeszcze 12 znaków)"));
        assert_eq!(cut("abc", 2, Locale::En), "ab… (and 1 more character)");
    }
}
