//! How messages quote input: at most [`MAX_QUOTED_CHARS`] characters, the
//! count of the rest, control and invisible characters escaped.

use std::fmt::Write as _;

use edurules_locale::nouns::CHARACTER;

use crate::Locale;

/// The most characters of an input a [`LoginError`](crate::LoginError)
/// message quotes; the message says how many more there were.
///
/// # Example
///
/// ```
/// use edurules_login::{MAX_QUOTED_CHARS, normalize};
///
/// let long = format!("A B{}", "X".repeat(1_000));
/// let err = normalize(&long).unwrap_err();
/// assert!(err.to_string().contains("(and 939 more characters)"));
/// assert_eq!(MAX_QUOTED_CHARS, 64);
/// ```
pub const MAX_QUOTED_CHARS: usize = 64;

/// Appends `c`, escaped if a reader could not see it or it would act on a
/// terminal or log (control characters, bidi controls and other invisible
/// characters): `\n`, `\r`, `\t`, otherwise `\u{1b}`.
pub(crate) fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_control() || crate::login::is_invisible(c) => {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// One character, escaped as [`push_escaped`] does (without backticks).
pub(crate) fn escaped_char(c: &char) -> String {
    let mut out = String::new();
    push_escaped(&mut out, *c);
    out
}

/// `text` in backticks, escaped, cut after [`MAX_QUOTED_CHARS`] characters
/// with `…` and the number of characters left out, in `locale`.
pub(crate) fn quoted(text: &str, locale: Locale) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_QUOTED_CHARS * 4) + 2);
    out.push('`');
    let mut chars = text.chars();
    for c in chars.by_ref().take(MAX_QUOTED_CHARS) {
        push_escaped(&mut out, c);
    }
    let more = chars.count();
    if more == 0 {
        out.push('`');
        return out;
    }
    out.push_str("…` (");
    let more = u64::try_from(more).unwrap_or(u64::MAX);
    let n = locale.count(more, CHARACTER);
    out.push_str(&locale.pick(
        format!("i jeszcze {n}"),
        format!("и още {n}"),
        format!(
            "and {} more {}",
            locale.integer(i128::from(more)),
            locale.noun(more, CHARACTER)
        ),
    ));
    out.push(')');
    out
}

/// [`quoted`] in English, for `Display`.
pub(crate) fn en(text: &str) -> String {
    quoted(text, Locale::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_cuts() {
        assert_eq!(quoted("A\u{1b}B\n", Locale::En), r"`A\u{1b}B\n`");
        assert_eq!(escaped_char(&'\u{200b}'), r"\u{200b}");
        assert_eq!(escaped_char(&'Ż'), "Ż");
        let long = "x".repeat(MAX_QUOTED_CHARS + 2);
        assert!(quoted(&long, Locale::En).ends_with("…` (and 2 more characters)"));
        assert!(quoted(&long, Locale::Pl).ends_with("…` (i jeszcze 2 znaki)"));
        assert!(quoted(&long, Locale::Bg).ends_with("…` (и още 2 знака)"));
    }
}
