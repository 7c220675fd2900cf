//! The languages of messages: the workspace's one [`Locale`]
//! (`edurules-locale`), and the nouns this crate counts besides its shared
//! ones.

pub use edurules_locale::Locale;
use edurules_locale::Noun;

/// przebieg / итерация / pass (argon2's time cost).
pub(crate) const PASS: Noun = Noun::new(
    ["przebieg", "przebiegi", "przebiegów", "przebiegu"],
    ["итерация", "итерации"],
    ["pass", "passes"],
);

/// raz / път / time ("3 razy z rzędu").
pub(crate) const TIME: Noun = Noun::new(
    ["raz", "razy", "razy", "raza"],
    ["път", "пъти"],
    ["time", "times"],
);

/// The genitive of "dzień" after "od … do N" (Polish: "do 1 dnia", "do 5
/// dni"); Bulgarian and English as in the nominative.
pub(crate) const DAY_GENITIVE: Noun = Noun::new(
    ["dnia", "dni", "dni", "dnia"],
    ["ден", "дни"],
    ["day", "days"],
);

/// The genitive of "bajt" after "od … do N" (Polish: "do 64 bajtów").
pub(crate) const BYTE_GENITIVE: Noun = Noun::new(
    ["bajta", "bajtów", "bajtów", "bajta"],
    ["байт", "байта"],
    ["byte", "bytes"],
);

/// A count as the locale writes it: `1 048 576`, `1,048,576`.
pub(crate) fn num(locale: Locale, n: impl Into<i128>) -> String {
    locale.integer(n.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use edurules_locale::nouns::{BYTE, CHARACTER, DAY};

    #[test]
    fn polish_plurals_come_from_the_shared_rules() {
        assert_eq!(Locale::Pl.count(1, CHARACTER), "1 znak");
        assert_eq!(Locale::Pl.count(3, CHARACTER), "3 znaki");
        assert_eq!(Locale::Pl.count(13, CHARACTER), "13 znaków");
        assert_eq!(Locale::Pl.count(22, CHARACTER), "22 znaki");
        assert_eq!(Locale::Pl.count(1, DAY), "1 dzień");
        assert_eq!(Locale::Pl.count(64, BYTE), "64 bajty");
        assert_eq!(Locale::Pl.count(2, TIME), "2 razy");
        assert_eq!(Locale::Pl.count(4, PASS), "4 przebiegi");
        assert_eq!(Locale::Pl.noun(1, DAY_GENITIVE), "dnia");
        assert_eq!(Locale::Pl.noun(64, BYTE_GENITIVE), "bajtów");
        assert_eq!(Locale::Bg.count(3, TIME), "3 пъти");
    }

    #[test]
    fn a_clipped_detail_is_quoted_whole() {
        let max = edurules_locale::MAX_QUOTED_CHARS;
        let exact = "a".repeat(max);
        assert_eq!(edurules_locale::clip(&exact), exact);
        let cut = edurules_locale::clip(&"b".repeat(100_000));
        assert_eq!(cut.chars().count(), max);
        assert!(cut.ends_with('…'));
        assert_eq!(Locale::En.quote(&cut), format!("“{cut}”"));
    }

    #[test]
    fn quoted_input_cannot_close_the_quotation() {
        assert_eq!(Locale::Pl.quote("a”b„c“"), "„a\"b\"c\"”");
        assert_eq!(Locale::En.quote("plain"), "“plain”");
    }
}
