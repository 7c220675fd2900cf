//! The languages in which violations, denials and errors can be read: the workspace's one
//! [`Locale`] (from `edurules-locale`), and the nouns and list helpers this crate's messages
//! need besides the shared ones.

pub use edurules_locale::Locale;
use edurules_locale::Noun;
use edurules_locale::nouns::CHARACTER;

/// The message of one language, formatted: `pick!(locale, "pl {x}", "bg {x}", "en {x}")` is
/// `locale.pick(format!(…), format!(…), format!(…))` without formatting the two texts nobody
/// reads (English for any later language, as [`Locale::pick`] cannot say).
macro_rules! pick {
    ($locale:expr, $pl:literal, $bg:literal, $en:literal $(,)?) => {
        match $locale {
            $crate::locale::Locale::Pl => {
                // Room for the template and 96 bytes of values: written without growing the
                // buffer again and again. Writing to a `String` cannot fail.
                let mut text = String::with_capacity($pl.len() + 96);
                let _ = ::std::fmt::Write::write_fmt(&mut text, format_args!($pl));
                text
            }
            $crate::locale::Locale::Bg => {
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

/// uprawnienie / право / permission.
pub(crate) const PERMISSION: Noun = Noun::new(
    ["uprawnienie", "uprawnienia", "uprawnień", "uprawnienia"],
    ["право", "права"],
    ["permission", "permissions"],
);

/// problem / проблем / problem.
pub(crate) const PROBLEM: Noun = Noun::new(
    ["problem", "problemy", "problemów", "problemu"],
    ["проблем", "проблема"],
    ["problem", "problems"],
);

/// The most items a message lists by name; the rest are counted.
pub(crate) const MAX_LISTED: usize = 5;

/// A usize as a count for [`Locale::count`] (saturating: no platform has more).
pub(crate) fn n64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Quotes a text kept by [`edurules_locale::clip`] (at most 64 characters, the last one `…`
/// when cut) the way [`Locale::quote`] quotes a long text: the `…` inside the quotation marks,
/// and, when `total_chars` is known, how many more characters there were.
pub(crate) fn quote_clipped(locale: Locale, kept: &str, total_chars: Option<usize>) -> String {
    let max = edurules_locale::MAX_QUOTED_CHARS.saturating_sub(1);
    let Some(head) = kept.strip_suffix('…').filter(|h| h.chars().count() == max) else {
        return locale.quote(kept);
    };
    let mut out = locale.quote(head);
    let (_, close) = locale.quotation_marks();
    out.pop();
    out.push('…');
    out.push(close);
    if let Some(more) = total_chars
        .map(|t| n64(t.saturating_sub(max)))
        .filter(|m| *m > 0)
    {
        let n = locale.count(more, CHARACTER);
        out.push_str(&locale.pick(
            format!(" (i jeszcze {n})"),
            format!(" (и още {n})"),
            format!(
                " (and {} more {})",
                locale.integer(i128::from(more)),
                locale.noun(more, CHARACTER)
            ),
        ));
    }
    out
}

/// At most [`MAX_LISTED`] of `items`, each quoted, joined as the language lists them, and
/// "and N more <noun>" for the rest.
pub(crate) fn quote_some<'a>(
    locale: Locale,
    items: impl ExactSizeIterator<Item = &'a str>,
    noun: Noun,
) -> String {
    let total = items.len();
    let shown: Vec<&str> = items.take(MAX_LISTED).collect();
    let more = total.saturating_sub(shown.len());
    if more == 0 {
        return locale.quote_list(shown);
    }
    let listed = shown
        .iter()
        .map(|s| locale.quote(s))
        .collect::<Vec<_>>()
        .join(", ");
    let rest = locale.count(n64(more), noun);
    locale.pick(
        format!("{listed} i jeszcze {rest}"),
        format!("{listed} и още {rest}"),
        format!(
            "{listed} and {} more {}",
            locale.integer(i128::from(n64(more))),
            locale.noun(n64(more), noun)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_are_cut_and_counted() {
        let many: Vec<String> = (0..12).map(|i| format!("p:{i}")).collect();
        let text = quote_some(Locale::Pl, many.iter().map(String::as_str), PERMISSION);
        assert!(text.ends_with("„p:4” i jeszcze 7 uprawnień"), "{text}");
        let two = quote_some(Locale::En, ["a:b", "c:d"].into_iter(), PERMISSION);
        assert_eq!(two, "“a:b” and “c:d”");
    }

    #[test]
    fn a_clipped_text_is_quoted_with_the_count_of_the_rest() {
        for l in Locale::ALL {
            for total in [0, 1, 64] {
                let whole = "x".repeat(total);
                let kept = edurules_locale::clip(&whole);
                assert_eq!(quote_clipped(l, &kept, Some(total)), l.quote(&whole));
            }
        }
        let kept = edurules_locale::clip(&"x".repeat(65));
        let (_, close) = Locale::En.quotation_marks();
        assert_eq!(
            quote_clipped(Locale::En, &kept, Some(65)),
            format!("“{}…{close} (and 2 more characters)", "x".repeat(63))
        );
        let kept = edurules_locale::clip(&"x".repeat(100_000));
        assert!(
            quote_clipped(Locale::Pl, &kept, Some(100_000))
                .ends_with("(i jeszcze 99\u{a0}937 znaków)")
        );
    }
}
