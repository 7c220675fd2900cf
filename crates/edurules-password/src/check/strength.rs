//! zxcvbn, capped, with its warnings translated.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::ZXCVBN_MAX_CHARS;
use super::context::UserContext;
use crate::locale::{Locale, pick};

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
}

impl StrengthWarning {
    /// Every warning.
    pub const ALL: [StrengthWarning; 14] = [
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
    ];

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
    /// assert_eq!(StrengthWarning::Date.message(Locale::En), "dates are easy to guess");
    /// ```
    #[must_use]
    pub fn message(self, locale: Locale) -> String {
        let (pl, bg, en) = match self {
            StrengthWarning::KeyboardRow => (
                "rzędy sąsiednich klawiszy łatwo odgadnąć",
                "редове от съседни клавиши се отгатват лесно",
                "straight rows of keys are easy to guess",
            ),
            StrengthWarning::KeyboardPattern => (
                "krótkie wzory z klawiatury łatwo odgadnąć",
                "кратки шаблони от клавиатурата се отгатват лесно",
                "short keyboard patterns are easy to guess",
            ),
            StrengthWarning::Repeats => (
                "powtórzenia jak `aaa` łatwo odgadnąć",
                "повторения като `aaa` се отгатват лесно",
                "repeats like `aaa` are easy to guess",
            ),
            StrengthWarning::RepeatedBlocks => (
                "powtórzenia jak `abcabcabc` są niewiele trudniejsze niż `abc`",
                "повторения като `abcabcabc` са малко по-трудни от `abc`",
                "repeats like `abcabcabc` are only slightly harder to guess than `abc`",
            ),
            StrengthWarning::Top10 => (
                "to jedno z 10 najczęstszych haseł",
                "това е една от 10-те най-чести пароли",
                "this is a top-10 common password",
            ),
            StrengthWarning::Top100 => (
                "to jedno ze 100 najczęstszych haseł",
                "това е една от 100-те най-чести пароли",
                "this is a top-100 common password",
            ),
            StrengthWarning::Common => (
                "to bardzo popularne hasło",
                "това е много често срещана парола",
                "this is a very common password",
            ),
            StrengthWarning::SimilarToCommon => (
                "to hasło przypomina popularne hasło",
                "паролата прилича на често срещана парола",
                "this is similar to a commonly used password",
            ),
            StrengthWarning::Sequence => (
                "ciągi jak `abc` lub `6543` łatwo odgadnąć",
                "поредици като `abc` или `6543` се отгатват лесно",
                "sequences like `abc` or `6543` are easy to guess",
            ),
            StrengthWarning::RecentYear => (
                "niedawne lata łatwo odgadnąć",
                "последните години се отгатват лесно",
                "recent years are easy to guess",
            ),
            StrengthWarning::SingleWord => (
                "pojedyncze słowo łatwo odgadnąć",
                "отделна дума се отгатва лесно",
                "a word by itself is easy to guess",
            ),
            StrengthWarning::Date => (
                "daty łatwo odgadnąć",
                "датите се отгатват лесно",
                "dates are easy to guess",
            ),
            StrengthWarning::NameAlone => (
                "same imiona i nazwiska łatwo odgadnąć",
                "имена и фамилии сами по себе си се отгатват лесно",
                "names and surnames by themselves are easy to guess",
            ),
            StrengthWarning::CommonName => (
                "popularne imiona i nazwiska łatwo odgadnąć",
                "често срещани имена и фамилии се отгатват лесно",
                "common names and surnames are easy to guess",
            ),
        };
        pick(locale, pl.into(), bg.into(), en.into())
    }
}

/// zxcvbn's score (0–4) and warning for the first [`ZXCVBN_MAX_CHARS`]
/// characters, with the user's data as user inputs.
pub(crate) fn score(chars: &[char], user: &UserContext) -> (u8, Option<StrengthWarning>) {
    let prefix: Zeroizing<String> = Zeroizing::new(chars.iter().take(ZXCVBN_MAX_CHARS).collect());
    let inputs = user.zxcvbn_inputs();
    let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(&prefix, &refs);
    let warning = entropy
        .feedback()
        .and_then(|f| f.warning())
        .map(StrengthWarning::from_zxcvbn);
    (u8::from(entropy.score()), warning)
}

#[cfg(test)]
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
    fn every_warning_has_three_messages() {
        for w in StrengthWarning::ALL {
            for l in Locale::ALL {
                assert!(!w.message(l).is_empty());
            }
        }
    }
}
