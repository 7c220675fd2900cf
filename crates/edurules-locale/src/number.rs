//! Numbers as each language writes them (ICU4X's decimal formatter): `41,5`
//! in Polish and Bulgarian, `41.5` in English; groups of thousands with the
//! locale's separator.

use fixed_decimal::Decimal;
use icu_decimal::DecimalFormatter;

use crate::Locale;

thread_local! {
    /// The decimal formatter of each locale, in [`Locale::ALL`] order.
    static FORMATTERS: [Option<DecimalFormatter>; 3] = Locale::ALL.map(|l| {
        DecimalFormatter::try_new(l.icu().into(), Default::default()).ok()
    });
}

/// `mantissa` × 10^(−`fraction_digits`), keeping the trailing zeros.
pub(crate) fn scaled(mantissa: i64, fraction_digits: u8) -> Decimal {
    let mut d = Decimal::from(mantissa);
    d.multiply_pow10(-i16::from(fraction_digits));
    d
}

/// `d` as `locale` writes it; plain ASCII digits if the data were missing.
pub(crate) fn format(locale: Locale, d: &Decimal) -> String {
    FORMATTERS.with(|f| {
        f.get(locale.index())
            .and_then(Option::as_ref)
            .map_or_else(|| d.to_string(), |f| f.format(d).to_string())
    })
}

impl Locale {
    /// An integer as this language writes it.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::Locale;
    /// assert_eq!(Locale::En.integer(1_234_567), "1,234,567");
    /// assert_eq!(Locale::Pl.integer(1_234_567), "1\u{a0}234\u{a0}567");
    /// assert_eq!(Locale::Pl.integer(1_234), "1234");
    /// assert_eq!(Locale::Bg.integer(-5), "-5");
    /// ```
    #[must_use]
    pub fn integer(self, n: i128) -> String {
        format(self, &Decimal::from(n))
    }

    /// A decimal number from an integer `mantissa` and its number of
    /// `fraction_digits`: `(415, 1)` is `41,5` in Polish, `41.5` in English.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_locale::Locale;
    /// assert_eq!(Locale::Pl.decimal(415, 1), "41,5");
    /// assert_eq!(Locale::Bg.decimal(-5, 2), "-0,05");
    /// assert_eq!(Locale::En.decimal(415, 1), "41.5");
    /// ```
    #[must_use]
    pub fn decimal(self, mantissa: i64, fraction_digits: u8) -> String {
        format(self, &scaled(mantissa, fraction_digits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_number_data() {
        FORMATTERS.with(|f| assert!(f.iter().all(Option::is_some)));
    }

    #[test]
    fn extremes_do_not_panic() {
        for l in Locale::ALL {
            assert!(!l.integer(i128::MIN).is_empty());
            assert!(!l.decimal(i64::MIN, u8::MAX).is_empty());
            assert!(!l.decimal(i64::MAX, 0).is_empty());
        }
    }
}
