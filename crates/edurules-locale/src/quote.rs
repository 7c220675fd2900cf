//! Quoting input in messages: the language's quotation marks, at most
//! [`MAX_QUOTED_CHARS`] characters and the count of the rest, invisible and
//! control characters escaped.

use std::fmt::Write as _;

use crate::{Locale, nouns::CHARACTER};

/// The most characters of an input a message quotes; it says how many more
/// there were.
pub const MAX_QUOTED_CHARS: usize = 64;

/// The quotation marks of each language: „…” in Polish, „…“ in Bulgarian,
/// “…” in English.
impl Locale {
    /// The opening and closing quotation marks.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(edurules_locale::Locale::Pl.quotation_marks(), ('„', '”'));
    /// ```
    #[must_use]
    pub const fn quotation_marks(self) -> (char, char) {
        match self {
            Self::Pl => ('„', '”'),
            Self::Bg => ('„', '“'),
            Self::En => ('“', '”'),
        }
    }

    /// `text` between the language's quotation marks, with control and
    /// invisible characters escaped (`\n`, `\u{202e}`), cut once
    /// [`MAX_QUOTED_CHARS`] characters are shown (an escape counts as the
    /// characters it shows) with `…` and how many more input characters
    /// there were.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::Locale;
    ///
    /// assert_eq!(Locale::Pl.quote("JANKOW1"), "„JANKOW1”");
    /// assert_eq!(Locale::En.quote("a\nb"), "“a\\nb”");
    /// let long = "x".repeat(100_000);
    /// let q = Locale::Pl.quote(&long);
    /// assert!(q.ends_with("…” (i jeszcze 99\u{a0}936 znaków)"));
    /// assert!(q.len() < 200);
    /// ```
    #[must_use]
    pub fn quote(self, text: &str) -> String {
        let (open, close) = self.quotation_marks();
        // The common case, an id or a name: short, and every character shown as it is.
        let short = text.len() <= MAX_QUOTED_CHARS
            || (text.len() <= MAX_QUOTED_CHARS * 4 && text.chars().count() <= MAX_QUOTED_CHARS);
        // Printable ASCII is shown as it is: checked a byte at a time, in a
        // pass the compiler vectorizes; other text a character at a time.
        let printable = text
            .bytes()
            .fold(true, |ok, b| ok & (0x20..0x7f).contains(&b));
        if short && (printable || text.chars().all(shown_as_is)) {
            let mut out = String::with_capacity(text.len() + 6);
            out.push(open);
            out.push_str(text);
            out.push(close);
            return out;
        }
        self.quote_escaped(text)
    }

    /// [`Locale::quote`] character by character: escapes and the cut.
    fn quote_escaped(self, text: &str) -> String {
        let (open, close) = self.quotation_marks();
        let mut out = String::with_capacity(text.len().min(MAX_QUOTED_CHARS * 4) + 8);
        out.push(open);
        // The budget is what is shown: an escape (`\u{202e}`) counts as the
        // characters it takes, so escaped input cannot make the quote longer.
        let mut chars = text.chars();
        let mut shown = 0;
        let mut cut = 0;
        for c in chars.by_ref() {
            let before = out.len();
            push_escaped(&mut out, c);
            let width = out.get(before..).map_or(0, |added| added.chars().count());
            if shown + width > MAX_QUOTED_CHARS {
                out.truncate(before);
                cut = 1;
                break;
            }
            shown += width;
        }
        let more = cut + chars.count();
        if more > 0 {
            out.push('…');
        }
        out.push(close);
        if more > 0 {
            let more = u64::try_from(more).unwrap_or(u64::MAX);
            let n = self.count(more, CHARACTER);
            out.push_str(&self.pick(
                format!(" (i jeszcze {n})"),
                format!(" (и още {n})"),
                format!(
                    " (and {} more {})",
                    self.integer(i128::from(more)),
                    self.noun(more, CHARACTER)
                ),
            ));
        }
        out
    }

    /// Several values quoted and joined as a list the language writes:
    /// „a”, „b” i „c” / „a“, „b“ и „c“ / “a”, “b” and “c”.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::Locale;
    /// assert_eq!(Locale::Pl.quote_list(["a", "b", "c"]), "„a”, „b” i „c”");
    /// assert_eq!(Locale::En.quote_list(["a", "b"]), "“a” and “b”");
    /// assert_eq!(Locale::Bg.quote_list(["a"]), "„a“");
    /// ```
    #[must_use]
    pub fn quote_list<'a>(self, items: impl IntoIterator<Item = &'a str>) -> String {
        self.join(
            items.into_iter().map(|s| self.quote(s)).collect(),
            self.pick(" i ", " и ", " and "),
        )
    }

    /// Like [`Locale::quote_list`], joined with "or": „a”, „b” lub „c”.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::Locale;
    /// assert_eq!(Locale::Pl.quote_alternatives(["excused", "late"]), "„excused” lub „late”");
    /// assert_eq!(Locale::Bg.quote_alternatives(["a", "b", "c"]), "„a“, „b“ или „c“");
    /// ```
    #[must_use]
    pub fn quote_alternatives<'a>(self, items: impl IntoIterator<Item = &'a str>) -> String {
        self.join(
            items.into_iter().map(|s| self.quote(s)).collect(),
            self.pick(" lub ", " или ", " or "),
        )
    }

    fn join(self, mut parts: Vec<String>, last_sep: &str) -> String {
        let Some(last) = parts.pop() else {
            return String::new();
        };
        if parts.is_empty() {
            return last;
        }
        format!("{}{last_sep}{last}", parts.join(", "))
    }
}

/// Whether [`push_escaped`] writes `c` as it is.
fn shown_as_is(c: char) -> bool {
    !(needs_escape(c) || matches!(c, '„' | '”' | '“' | '«' | '»'))
}

/// Whether `c` must not reach a message as it is: a control character, an
/// invisible one ([`is_invisible`]), or the line and paragraph separators
/// U+2028 and U+2029 (not controls to Unicode, but line breaks to log viewers
/// and JavaScript). [`Locale::quote`] writes such a character as its code
/// point (`\u{2028}`); texts from configuration files drop or replace it.
///
/// # Example
///
/// ```
/// use edurules_locale::needs_escape;
/// assert!(needs_escape('\n') && needs_escape('\u{200b}') && needs_escape('\u{2028}'));
/// assert!(!needs_escape('ż') && !needs_escape(' ') && !needs_escape('\u{a0}'));
/// ```
#[must_use]
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Appends `c`, escaped if a reader could not see it or it would act on a
/// terminal or log.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        // A quotation mark inside the input would seem to close the quote
        // early: it is shown as a plain double quote.
        '„' | '”' | '“' | '«' | '»' => out.push('"'),
        c if needs_escape(c) => {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// Whether `c` is a default-ignorable code point (Unicode `DerivedCoreProperties.txt`,
/// `Default_Ignorable_Code_Point`, unchanged since Unicode 6.1): characters that change how
/// text shows without being seen themselves — zero-width space and joiners, soft hyphen,
/// bidirectional controls, the byte-order mark, variation selectors, Hangul fillers, tags.
/// [`Locale::quote`] escapes them; the login and password crates refuse them (PRECIS, RFC
/// 8264, disallows them in identifiers and passwords alike).
///
/// # Example
///
/// ```
/// use edurules_locale::is_invisible;
/// assert!(is_invisible('\u{200b}')); // zero-width space
/// assert!(is_invisible('\u{ad}')); // soft hyphen
/// assert!(is_invisible('\u{e0041}')); // tag letter A
/// assert!(!is_invisible(' '));
/// assert!(!is_invisible('\u{301}')); // a combining mark shows, on its letter
/// ```
///
/// [`Locale::quote`]: crate::Locale::quote
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// At most [`MAX_QUOTED_CHARS`] characters of `s`, the last one `…` when
/// cut: for an error that keeps what it was given without holding unbounded
/// input. A clipped text fits [`Locale::quote`] whole.
///
/// # Example
///
/// ```
/// use edurules_locale::{Locale, MAX_QUOTED_CHARS, clip};
/// let kept = clip(&"x".repeat(1000));
/// assert_eq!(kept.chars().count(), MAX_QUOTED_CHARS);
/// assert!(kept.ends_with('…'));
/// assert!(!Locale::En.quote(&kept).contains("more"));
/// assert_eq!(clip("short"), "short");
/// ```
#[must_use]
pub fn clip(s: &str) -> String {
    if s.chars().nth(MAX_QUOTED_CHARS).is_none() {
        return s.to_owned();
    }
    let keep = MAX_QUOTED_CHARS.saturating_sub(1);
    let at = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
    format!("{}…", s.get(..at).unwrap_or_default())
}

#[cfg(test)]
mod tests {

    /// Found by the password crate's proptest: 37 right-to-left overrides
    /// were each shown as an 8-character escape, a 300-character quote.
    #[test]
    fn escapes_count_against_the_budget() {
        let q = Locale::En.quote(&"\u{202e}".repeat(37));
        let inside = q.split('”').next().unwrap_or_default();
        assert!(inside.chars().count() <= MAX_QUOTED_CHARS + 2, "{q}");
        // 8 escapes of 8 characters fill the 64; the other 29 are counted.
        assert!(q.ends_with("…” (and 29 more characters)"), "{q}");
        assert_eq!(q.matches("\\u{202e}").count(), 8);
    }

    use super::*;

    /// U+2028 and U+2029 break lines in log viewers and JavaScript: a quote
    /// shows their code points (found in review: `JAN\u{2028}KOW`).
    #[test]
    fn line_and_paragraph_separators_are_escaped() {
        for l in Locale::ALL {
            let q = l.quote("JAN\u{2028}KOW\u{2029}1");
            assert!(!q.contains(['\u{2028}', '\u{2029}']), "{q}");
            assert!(q.contains("JAN\\u{2028}KOW\\u{2029}1"), "{q}");
        }
    }

    #[test]
    fn boundary_of_the_cut() {
        let exact = "y".repeat(MAX_QUOTED_CHARS);
        assert_eq!(Locale::En.quote(&exact), format!("“{exact}”"));
        let one_more = format!("{exact}z");
        assert_eq!(
            Locale::En.quote(&one_more),
            format!("“{exact}…” (and 1 more character)")
        );
        assert_eq!(
            Locale::Bg.quote(&one_more),
            format!("„{exact}…“ (и още 1 знак)")
        );
    }

    #[test]
    fn quotation_marks_inside_do_not_close_the_quote() {
        assert_eq!(Locale::Pl.quote("a”b„c"), "„a\"b\"c”");
        assert_eq!(Locale::Bg.quote("x“y"), "„x\"y“");
    }

    #[test]
    fn invisible_and_control_are_escaped() {
        assert_eq!(Locale::En.quote("a\u{202e}b\u{1b}"), "“a\\u{202e}b\\u{1b}”");
    }

    #[test]
    fn the_plain_path_keeps_the_cut_in_characters() {
        // 64 two-byte characters (128 bytes) are shown whole; 65 are cut.
        let exact = "ż".repeat(MAX_QUOTED_CHARS);
        assert_eq!(Locale::Pl.quote(&exact), format!("„{exact}”"));
        let one_more = format!("{exact}ż");
        assert_eq!(
            Locale::Pl.quote(&one_more),
            format!("„{exact}…” (i jeszcze 1 znak)")
        );
        assert_eq!(Locale::Pl.quote(""), "„”");
    }

    proptest::proptest! {
        /// The plain path gives what the character-by-character path gives, on
        /// text mixing ASCII, Polish and Cyrillic letters, quotation marks,
        /// control and invisible characters, around the length of the cut.
        #[test]
        fn both_paths_agree(s in "[a-zżЖ„”\n\u{202e} ]{0,70}|[a-zż]{60,70}|.{0,80}") {
            for l in Locale::ALL {
                proptest::prop_assert_eq!(l.quote(&s), l.quote_escaped(&s));
            }
        }

        #[test]
        fn a_quote_is_bounded_and_has_no_control_characters(s in ".{0,300}") {
            for l in Locale::ALL {
                let q = l.quote(&s);
                proptest::prop_assert!(q.chars().count() <= MAX_QUOTED_CHARS * 10 + 40);
                proptest::prop_assert!(!q.chars().any(|c| c.is_control()));
            }
        }
    }
}
