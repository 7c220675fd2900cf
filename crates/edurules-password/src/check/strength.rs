//! zxcvbn on the whole password when its cost is affordable, a score of 0
//! otherwise; its warnings translated.

#![cfg_attr(
    not(feature = "strength"),
    allow(
        dead_code,
        unused_imports,
        reason = "the estimator's helpers serve the `strength` feature"
    )
)]

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::ZXCVBN_COST_BUDGET;
use super::ZXCVBN_MAX_CHARS;
use super::context::UserContext;
use crate::locale::Locale;

/// zxcvbn's warning about a weak password, with our own pl/bg/en texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StrengthWarning {
    /// Straight rows of keys.
    KeyboardRow,
    /// Short keyboard patterns.
    KeyboardPattern,
    /// Repeats like `aaa`.
    Repeats,
    /// Repeats like `abcabcabc`.
    RepeatedBlocks,
    /// A top-10 password.
    Top10,
    /// A top-100 password.
    Top100,
    /// A very common password.
    Common,
    /// Similar to a common password.
    SimilarToCommon,
    /// Sequences like `abc` or `6543`.
    Sequence,
    /// Recent years.
    RecentYear,
    /// A word by itself.
    SingleWord,
    /// Dates.
    Date,
    /// Names and surnames by themselves.
    NameAlone,
    /// Common names and surnames.
    CommonName,
    /// Not rated: too long for its many distinct digits and symbols to be
    /// rated in bounded time; scored 0 (see [`ZXCVBN_COST_BUDGET`](crate::ZXCVBN_COST_BUDGET)).
    NotRated,
}

impl StrengthWarning {
    /// Every warning.
    pub const ALL: [StrengthWarning; 15] = [
        StrengthWarning::KeyboardRow,
        StrengthWarning::KeyboardPattern,
        StrengthWarning::Repeats,
        StrengthWarning::RepeatedBlocks,
        StrengthWarning::Top10,
        StrengthWarning::Top100,
        StrengthWarning::Common,
        StrengthWarning::SimilarToCommon,
        StrengthWarning::Sequence,
        StrengthWarning::RecentYear,
        StrengthWarning::SingleWord,
        StrengthWarning::Date,
        StrengthWarning::NameAlone,
        StrengthWarning::CommonName,
        StrengthWarning::NotRated,
    ];

    #[cfg(feature = "strength")]
    fn from_zxcvbn(w: zxcvbn::feedback::Warning) -> Self {
        use zxcvbn::feedback::Warning as W;
        match w {
            W::StraightRowsOfKeysAreEasyToGuess => StrengthWarning::KeyboardRow,
            W::ShortKeyboardPatternsAreEasyToGuess => StrengthWarning::KeyboardPattern,
            W::RepeatsLikeAaaAreEasyToGuess => StrengthWarning::Repeats,
            W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => StrengthWarning::RepeatedBlocks,
            W::ThisIsATop10Password => StrengthWarning::Top10,
            W::ThisIsATop100Password => StrengthWarning::Top100,
            W::ThisIsACommonPassword => StrengthWarning::Common,
            W::ThisIsSimilarToACommonlyUsedPassword => StrengthWarning::SimilarToCommon,
            W::SequencesLikeAbcAreEasyToGuess => StrengthWarning::Sequence,
            W::RecentYearsAreEasyToGuess => StrengthWarning::RecentYear,
            W::AWordByItselfIsEasyToGuess => StrengthWarning::SingleWord,
            W::DatesAreOftenEasyToGuess => StrengthWarning::Date,
            W::NamesAndSurnamesByThemselvesAreEasyToGuess => StrengthWarning::NameAlone,
            W::CommonNamesAndSurnamesAreEasyToGuess => StrengthWarning::CommonName,
        }
    }

    /// The warning in words.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Locale, StrengthWarning};
    /// assert_eq!(StrengthWarning::Date.message(Locale::En), "Dates are easy to guess.");
    /// ```
    #[must_use]
    pub fn message(self, locale: Locale) -> String {
        let (pl, bg, en) = match self {
            StrengthWarning::KeyboardRow => (
                "Ciągi sąsiednich klawiszy są łatwe do odgadnięcia.",
                "Редове от съседни клавиши се отгатват лесно.",
                "Straight rows of keys are easy to guess.",
            ),
            StrengthWarning::KeyboardPattern => (
                "Krótkie układy klawiszy są łatwe do odgadnięcia.",
                "Кратки комбинации от клавиатурата се отгатват лесно.",
                "Short keyboard patterns are easy to guess.",
            ),
            StrengthWarning::Repeats => (
                "Powtórzenia typu „aaa” są łatwe do odgadnięcia.",
                "Повторения като „aaa“ се отгатват лесно.",
                "Repeats like “aaa” are easy to guess.",
            ),
            StrengthWarning::RepeatedBlocks => (
                "Powtórzenia typu „abcabcabc” są tylko trochę trudniejsze do odgadnięcia niż „abc”.",
                "Повторения като „abcabcabc“ са малко по-трудни от „abc“.",
                "Repeats like “abcabcabc” are only slightly harder to guess than “abc”.",
            ),
            StrengthWarning::Top10 => (
                "To jedno z 10 najpopularniejszych haseł.",
                "Това е една от 10-те най-чести пароли.",
                "This is a top-10 common password.",
            ),
            StrengthWarning::Top100 => (
                "To jedno ze 100 najpopularniejszych haseł.",
                "Това е една от 100-те най-чести пароли.",
                "This is a top-100 common password.",
            ),
            StrengthWarning::Common => (
                "To bardzo popularne hasło.",
                "Това е много често срещана парола.",
                "This is a very common password.",
            ),
            StrengthWarning::SimilarToCommon => (
                "To hasło jest podobne do popularnego hasła.",
                "Паролата прилича на често срещана парола.",
                "This is similar to a commonly used password.",
            ),
            StrengthWarning::Sequence => (
                "Ciągi typu „abc” lub „6543” są łatwe do odgadnięcia.",
                "Поредици като „abc“ или „6543“ се отгатват лесно.",
                "Sequences like “abc” or “6543” are easy to guess.",
            ),
            StrengthWarning::RecentYear => (
                "Ostatnie lata są łatwe do odgadnięcia.",
                "Последните години се отгатват лесно.",
                "Recent years are easy to guess.",
            ),
            StrengthWarning::SingleWord => (
                "Pojedyncze słowo jest łatwe do odgadnięcia.",
                "Отделна дума се отгатва лесно.",
                "A word by itself is easy to guess.",
            ),
            StrengthWarning::Date => (
                "Daty są łatwe do odgadnięcia.",
                "Датите се отгатват лесно.",
                "Dates are easy to guess.",
            ),
            StrengthWarning::NameAlone => (
                "Same imiona i nazwiska są łatwe do odgadnięcia.",
                "Имена и фамилии сами по себе си се отгатват лесно.",
                "Names and surnames by themselves are easy to guess.",
            ),
            StrengthWarning::CommonName => (
                "Popularne imiona i nazwiska są łatwe do odgadnięcia.",
                "Често срещани имена и фамилии се отгатват лесно.",
                "Common names and surnames are easy to guess.",
            ),
            StrengthWarning::NotRated => (
                "Hasła nie da się ocenić w rozsądnym czasie, bo jest długie i ma wiele różnych cyfr i symboli. Lepiej użyć kilku słów oddzielonych spacjami.",
                "Паролата не може да бъде оценена в разумно време, защото е дълга и съдържа много различни цифри и символи. По-добре използвайте няколко думи, разделени с интервали.",
                "The password cannot be rated in reasonable time: it is long and has many different digits and symbols. Several words separated by spaces are better.",
            ),
        };
        locale.pick(pl, bg, en).to_owned()
    }
}

/// zxcvbn's substitution table (zxcvbn 3.1.1, `matching::L33T_TABLE`): for
/// each letter, the characters that may stand for it.
const L33T_TABLE: [(char, &str); 12] = [
    ('a', "4@"),
    ('b', "8"),
    ('c', "({[<"),
    ('e', "3"),
    ('g', "69"),
    ('i', "1!|"),
    ('l', "1|7"),
    ('o', "0"),
    ('s', "$5"),
    ('t', "+7"),
    ('x', "%"),
    ('z', "2"),
];

/// An upper bound on the number of substitution tables zxcvbn tries on
/// `chars` (its `enumerate_l33t_replacements`): each letter multiplies the
/// count by the number of its substitutes present, at most doubled when a
/// substitute is shared with another letter (`1`, `|`, `7`: letters `i`,
/// `l`, `t`).
pub(crate) fn l33t_tables_bound(chars: &[char]) -> u64 {
    let mut bound: u64 = 1;
    for (letter, subs) in L33T_TABLE {
        let present = subs.chars().filter(|c| chars.contains(c)).count();
        if present > 0 {
            bound = bound.saturating_mul(u64::try_from(present).unwrap_or(u64::MAX));
            if matches!(letter, 'i' | 'l' | 't') {
                bound = bound.saturating_mul(2);
            }
        }
    }
    bound
}

/// The predicted cost of zxcvbn on `chars`: its dictionary matching looks
/// up every substring (n²) once per substitution table, plus once plain.
pub(crate) fn zxcvbn_cost(chars: &[char]) -> u64 {
    let n = u64::try_from(chars.len().min(ZXCVBN_MAX_CHARS)).unwrap_or(u64::MAX);
    n.saturating_mul(n)
        .saturating_mul(l33t_tables_bound(chars).saturating_add(1))
}

/// zxcvbn's score (0–4) and warning for the whole password (zxcvbn itself
/// reads only its first [`ZXCVBN_MAX_CHARS`] characters), with the user's
/// data as user inputs, when [`zxcvbn_cost`] is within
/// [`ZXCVBN_COST_BUDGET`]; otherwise 0 with [`StrengthWarning::NotRated`],
/// which is never above zxcvbn's score.
#[cfg(feature = "strength")]
pub(crate) fn score(chars: &[char], user: &UserContext) -> (u8, Option<StrengthWarning>) {
    let head = chars
        .get(..chars.len().min(ZXCVBN_MAX_CHARS))
        .unwrap_or(&[]);
    if zxcvbn_cost(head) > ZXCVBN_COST_BUDGET {
        return (0, Some(StrengthWarning::NotRated));
    }
    let size: usize = head.iter().map(|c| c.len_utf8()).sum();
    let mut text = Zeroizing::new(String::with_capacity(size));
    text.extend(head.iter());
    let inputs = user.zxcvbn_inputs();
    let refs: Vec<&str> = inputs.iter().map(|s| s.as_str()).collect();
    let entropy = zxcvbn::zxcvbn(&text, &refs);
    let warning = entropy
        .feedback()
        .and_then(|f| f.warning())
        .map(StrengthWarning::from_zxcvbn);
    (u8::from(entropy.score()), warning)
}

#[cfg(all(test, feature = "strength"))]
mod tests {
    use super::*;

    #[test]
    fn common_password_scores_low_with_warning() {
        let chars: Vec<char> = "password".chars().collect();
        let (score, warning) = score(&chars, &UserContext::default());
        assert_eq!(score, 0);
        assert_eq!(warning, Some(StrengthWarning::Top10));
    }

    #[test]
    fn user_inputs_lower_the_score() {
        let chars: Vec<char> = "szkolapodstawowa".chars().collect();
        let (alone, _) = score(&chars, &UserContext::default());
        let u = UserContext::default().with_extra_word("szkolapodstawowa");
        let (with_context, _) = score(&chars, &u);
        assert!(with_context < alone, "{with_context} < {alone}");
    }

    #[test]
    fn the_issue_example_is_scored_whole() {
        // Cut at 20, `aaaaaaaaaaaascientis` scored 4; zxcvbn scores the whole 1.
        let chars: Vec<char> = "aaaaaaaaaaaascientist".chars().collect();
        let whole = u8::from(zxcvbn::zxcvbn("aaaaaaaaaaaascientist", &[]).score());
        assert_eq!(score(&chars, &UserContext::default()).0, whole);
        assert!(whole <= 1, "{whole}");
    }

    #[test]
    fn costly_inputs_are_not_rated() {
        let chars: Vec<char> = "4@8({[<369!|170$5+%2".chars().collect();
        assert!(zxcvbn_cost(&chars) > ZXCVBN_COST_BUDGET);
        assert_eq!(
            score(&chars, &UserContext::default()),
            (0, Some(StrengthWarning::NotRated))
        );
        let letters: Vec<char> = "correct horse battery staple".chars().collect();
        assert!(zxcvbn_cost(&letters) <= ZXCVBN_COST_BUDGET);
    }

    #[test]
    fn every_warning_has_three_messages() {
        for w in StrengthWarning::ALL {
            for l in Locale::ALL {
                assert!(!w.message(l).is_empty());
            }
        }
    }
}
