//! Nouns the messages of this crate count with, beyond
//! [`edurules_locale::nouns`].

use edurules_locale::Noun;

/// login / потребителско име / login.
pub(crate) const LOGIN: Noun = Noun::new(
    ["login", "loginy", "loginów", "loginu"],
    ["потребителско име", "потребителски имена"],
    ["login", "logins"],
);

/// cyfra / цифра / digit.
pub(crate) const DIGIT: Noun = Noun::new(
    ["cyfra", "cyfry", "cyfr", "cyfry"],
    ["цифра", "цифри"],
    ["digit", "digits"],
);

/// numer / номер / number (tried by the generator).
pub(crate) const NUMBER: Noun = Noun::new(
    ["numer", "numery", "numerów", "numeru"],
    ["номер", "номера"],
    ["number", "numbers"],
);

/// słowo / дума / word (of the blocklist).
pub(crate) const WORD: Noun = Noun::new(
    ["słowo", "słowa", "słów", "słowa"],
    ["дума", "думи"],
    ["word", "words"],
);

/// problem / проблем / problem (of a configuration).
pub(crate) const PROBLEM: Noun = Noun::new(
    ["problem", "problemy", "problemów", "problemu"],
    ["проблем", "проблема"],
    ["problem", "problems"],
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;

    #[test]
    fn polish_forms_follow_the_plural_rules() {
        assert_eq!(Locale::Pl.count(1, DIGIT), "1 cyfra");
        assert_eq!(Locale::Pl.count(22, DIGIT), "22 cyfry");
        assert_eq!(Locale::Pl.count(12, WORD), "12 słów");
        assert_eq!(Locale::Bg.count(5, LOGIN), "5 потребителски имена");
        assert_eq!(Locale::Bg.count(2, PROBLEM), "2 проблема");
    }
}
