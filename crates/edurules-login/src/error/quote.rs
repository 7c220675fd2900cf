//! How messages show input: through [`Locale::quote`] (the language's
//! quotation marks, at most [`MAX_QUOTED_CHARS`] characters and the count of
//! the rest, control and invisible characters escaped), and lists of at most
//! [`MAX_LISTED`] items with the count of the rest.

use edurules_locale::Noun;

use crate::Locale;

/// The most characters of an input a [`LoginError`](crate::LoginError)
/// message quotes; the message says how many more there were. The same limit
/// as every edurules crate ([`edurules_locale::MAX_QUOTED_CHARS`]).
///
/// # Example
///
/// ```
/// use edurules_login::{Locale, MAX_QUOTED_CHARS, normalize};
///
/// let long = format!("A B{}", "X".repeat(1_000));
/// let err = normalize(&long).unwrap_err();
/// assert!(err.message(Locale::En).contains("…” (and 939 more characters)"));
/// assert!(err.message(Locale::Pl).contains("…” (i jeszcze 939 znaków)"));
/// assert_eq!(MAX_QUOTED_CHARS, 64);
/// ```
pub const MAX_QUOTED_CHARS: usize = edurules_locale::MAX_QUOTED_CHARS;

/// The most items (logins, configuration problems) a message lists; it says
/// how many more there were.
pub(crate) const MAX_LISTED: usize = 5;

/// `text` quoted for `locale`, bounded and escaped.
pub(crate) fn q(locale: Locale, text: &str) -> String {
    locale.quote(text)
}

/// One character quoted for `locale`, escaped if it is a control or
/// invisible character.
pub(crate) fn ch(locale: Locale, c: char) -> String {
    let mut buf = [0u8; 4];
    locale.quote(c.encode_utf8(&mut buf))
}

/// A code point in Unicode's notation, quoted as the machine name it is:
/// „U+0410”.
pub(crate) fn code_point(locale: Locale, code_point: u32) -> String {
    locale.quote(&format!("U+{code_point:04X}"))
}

/// A count of `noun` for a `usize`.
pub(crate) fn count(locale: Locale, n: usize, noun: Noun) -> String {
    locale.count(u64::try_from(n).unwrap_or(u64::MAX), noun)
}

/// A number for a `usize`, as the language writes it.
pub(crate) fn int(locale: Locale, n: usize) -> String {
    locale.integer(i128::try_from(n).unwrap_or(i128::MAX))
}

/// At most [`MAX_LISTED`] of `items` quoted and joined with "and" (or "or"
/// when `alternatives`), then how many more of `noun` there were.
pub(crate) fn list<'a>(
    locale: Locale,
    items: impl ExactSizeIterator<Item = &'a str>,
    alternatives: bool,
    noun: Noun,
) -> String {
    let total = items.len();
    let shown: Vec<&str> = items.take(MAX_LISTED).collect();
    let more = total.saturating_sub(shown.len());
    if more == 0 {
        return if alternatives {
            locale.quote_alternatives(shown)
        } else {
            locale.quote_list(shown)
        };
    }
    let shown = shown
        .iter()
        .map(|s| locale.quote(s))
        .collect::<Vec<_>>()
        .join(", ");
    let rest = count(locale, more, noun);
    locale.pick(
        format!("{shown} (i jeszcze {rest})"),
        format!("{shown} (и още {rest})"),
        format!(
            "{shown} (and {} more {})",
            int(locale, more),
            locale.noun(u64::try_from(more).unwrap_or(u64::MAX), noun)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::nouns::LOGIN;

    #[test]
    fn lists_are_bounded_and_count_the_rest() {
        let many: Vec<String> = (0..12).map(|i| format!("L{i}")).collect();
        let text = list(Locale::Pl, many.iter().map(String::as_str), true, LOGIN);
        assert_eq!(text, "„L0”, „L1”, „L2”, „L3”, „L4” (i jeszcze 7 loginów)");
        let text = list(
            Locale::En,
            many.iter().take(6).map(String::as_str),
            false,
            LOGIN,
        );
        assert!(text.ends_with("“L4” (and 1 more login)"), "{text}");
        let text = list(Locale::Bg, ["A", "B"].into_iter(), true, LOGIN);
        assert_eq!(text, "„A“ или „B“");
        assert_eq!(ch(Locale::En, '\u{1b}'), "“\\u{1b}”");
        assert_eq!(code_point(Locale::Bg, 0x410), "„U+0410“");
    }
}
