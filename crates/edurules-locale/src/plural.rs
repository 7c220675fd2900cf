//! Counting in words: "1 znak", "2 znaki", "5 znaków", "41,5 godziny", by
//! each language's plural rules (ICU4X's CLDR data, not hand-written rules).

use fixed_decimal::Decimal;
use icu_plurals::{PluralCategory, PluralRules};

use crate::Locale;

/// A noun in the plural forms each language needs.
///
/// Polish has four: one (`1 znak`), few (`2 znaki`, `22 znaki`), many
/// (`5 znaków`, `12 znaków`) and other, for fractions (`1,5 znaku`).
/// Bulgarian and English have two: one and other. Which form a number takes
/// is decided by CLDR's plural rules through ICU4X.
///
/// # Example
///
/// ```
/// use edurules_locale::{Locale, Noun};
///
/// const PUPIL: Noun = Noun::new(
///     ["uczeń", "uczniów", "uczniów", "ucznia"],
///     ["ученик", "ученици"],
///     ["pupil", "pupils"],
/// );
/// assert_eq!(Locale::Pl.count(3, PUPIL), "3 uczniów");
/// assert_eq!(Locale::Bg.count(1, PUPIL), "1 ученик");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pl: [&'static str; 4],
    bg: [&'static str; 2],
    en: [&'static str; 2],
}

impl Noun {
    /// A noun from its Polish forms `[one, few, many, other]`, and its
    /// Bulgarian and English forms `[one, other]`.
    ///
    /// For a Bulgarian masculine noun, the "other" form after a number is the
    /// counted form (`5 знака`, not `5 знаци`).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::{Locale, Noun};
    /// const LINE: Noun = Noun::new(
    ///     ["wiersz", "wiersze", "wierszy", "wiersza"],
    ///     ["ред", "реда"],
    ///     ["line", "lines"],
    /// );
    /// assert_eq!(Locale::Pl.count(24, LINE), "24 wiersze");
    /// assert_eq!(Locale::Pl.count(25, LINE), "25 wierszy");
    /// ```
    #[must_use]
    pub const fn new(pl: [&'static str; 4], bg: [&'static str; 2], en: [&'static str; 2]) -> Self {
        Self { pl, bg, en }
    }

    /// The form of this noun for a number of plural `category` in `locale`.
    fn form(self, locale: Locale, category: PluralCategory) -> &'static str {
        let [one, few, many, other] = self.pl;
        let [bg_one, bg_other] = self.bg;
        let [en_one, en_other] = self.en;
        match (locale, category) {
            (Locale::Pl, PluralCategory::One) => one,
            (Locale::Pl, PluralCategory::Few) => few,
            (Locale::Pl, PluralCategory::Many) => many,
            (Locale::Pl, _) => other,
            (Locale::Bg, PluralCategory::One) => bg_one,
            (Locale::Bg, _) => bg_other,
            (Locale::En, PluralCategory::One) => en_one,
            (Locale::En, _) => en_other,
        }
    }
}

thread_local! {
    /// The cardinal plural rules of each locale, in [`Locale::ALL`] order.
    /// (ICU4X data handles are not `Sync`; one set per thread is cheap.)
    static RULES: [Option<PluralRules>; 3] = Locale::ALL.map(|l| {
        PluralRules::try_new_cardinal(l.icu().into()).ok()
    });
}

/// The plural category of `n` in `locale`; `Other` if the data were missing
/// (they are compiled in, and a test checks every locale has them).
pub(crate) fn category(locale: Locale, n: &Decimal) -> PluralCategory {
    RULES.with(|rules| {
        rules
            .get(locale.index())
            .and_then(Option::as_ref)
            .map_or(PluralCategory::Other, |r| r.category_for(n))
    })
}

impl Locale {
    /// `n` and the noun in its plural form: `5 znaków`, `1 character`,
    /// `1 000 000 дни`; the number formatted as [`Locale::integer`] does.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::{Locale, nouns::CHARACTER};
    ///
    /// assert_eq!(Locale::Pl.count(1, CHARACTER), "1 znak");
    /// assert_eq!(Locale::Pl.count(132, CHARACTER), "132 znaki");
    /// assert_eq!(Locale::Pl.count(5, CHARACTER), "5 znaków");
    /// assert_eq!(Locale::Pl.count(12, CHARACTER), "12 znaków");
    /// assert_eq!(Locale::Bg.count(5, CHARACTER), "5 знака");
    /// assert_eq!(Locale::En.count(1, CHARACTER), "1 character");
    /// ```
    #[must_use]
    pub fn count(self, n: u64, noun: Noun) -> String {
        let d = Decimal::from(n);
        format!(
            "{} {}",
            crate::number::format(self, &d),
            noun.form(self, category(self, &d))
        )
    }

    /// A decimal amount with its noun, from an integer `mantissa` and the
    /// number of `fraction_digits` it holds: `(415, 1)` is 41.5, written
    /// `41,5 godziny` in Polish (fractions take Polish's "other" form).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::{Locale, nouns::HOUR};
    ///
    /// assert_eq!(Locale::Pl.count_decimal(415, 1, HOUR), "41,5 godziny");
    /// assert_eq!(Locale::Pl.count_decimal(410, 1, HOUR), "41,0 godziny");
    /// assert_eq!(Locale::Pl.count_decimal(41, 0, HOUR), "41 godzin");
    /// assert_eq!(Locale::Bg.count_decimal(15, 1, HOUR), "1,5 часа");
    /// assert_eq!(Locale::En.count_decimal(15, 1, HOUR), "1.5 hours");
    /// ```
    #[must_use]
    pub fn count_decimal(self, mantissa: i64, fraction_digits: u8, noun: Noun) -> String {
        let d = crate::number::scaled(mantissa, fraction_digits);
        format!(
            "{} {}",
            crate::number::format(self, &d),
            noun.form(self, category(self, &d))
        )
    }

    /// Only the noun, in the form that agrees with `n`: for sentences where
    /// the number stands elsewhere.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::{Locale, nouns::DAY};
    /// assert_eq!(Locale::Pl.noun(2, DAY), "dni");
    /// assert_eq!(Locale::Pl.noun(1, DAY), "dzień");
    /// ```
    #[must_use]
    pub fn noun(self, n: u64, noun: Noun) -> &'static str {
        noun.form(self, category(self, &Decimal::from(n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nouns::CHARACTER;

    #[test]
    fn every_locale_has_plural_data() {
        RULES.with(|r| assert!(r.iter().all(Option::is_some)));
    }

    /// The Polish rule written out independently (CLDR: one = 1; few = 2–4
    /// not 12–14 in the last two digits; many = the rest of the integers).
    fn pl_reference(n: u64) -> usize {
        if n == 1 {
            0
        } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
            1
        } else {
            2
        }
    }

    proptest::proptest! {
        #[test]
        fn polish_integers_follow_the_cldr_rule(n in 0u64..2_000_000) {
            let forms = ["znak", "znaki", "znaków"];
            let got = Locale::Pl.noun(n, CHARACTER);
            proptest::prop_assert_eq!(got, forms[pl_reference(n)]);
        }

        #[test]
        fn english_and_bulgarian_have_one_only_for_one(n in 0u64..2_000_000) {
            let en = Locale::En.noun(n, CHARACTER);
            proptest::prop_assert_eq!(en == "character", n == 1);
            let bg = Locale::Bg.noun(n, CHARACTER);
            proptest::prop_assert_eq!(bg == "знак", n == 1);
        }
    }
}
