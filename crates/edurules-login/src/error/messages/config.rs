//! The texts of [`ConfigProblem`] in Polish, Bulgarian and English.

use edurules_locale::nouns::CHARACTER;

use super::super::ConfigProblem;
use super::super::nouns::{NUMBER, WORD};
use super::super::quote::{count, q};
use crate::Locale;

/// The text of `p` in `l`.
pub(crate) fn problem(p: &ConfigProblem, l: Locale) -> String {
    match p {
        ConfigProblem::MinLengthZero => l
            .pick(
                "minimalna długość loginu nie może wynosić 0",
                "минималната дължина на потребителското име не може да е 0",
                "the minimum length of a login cannot be 0",
            )
            .to_owned(),
        ConfigProblem::MinAboveMax { min, max } => {
            let (n, m) = (count(l, *min, CHARACTER), count(l, *max, CHARACTER));
            l.pick(
                format!("minimalna długość loginu ({n}) jest większa niż maksymalna ({m})"),
                format!(
                    "минималната дължина на потребителското име ({n}) е по-голяма от максималната ({m})"
                ),
                format!("the minimum length of a login ({n}) is greater than the maximum ({m})"),
            )
        }
        ConfigProblem::MaxAboveLimit { max, limit } => {
            let (n, m) = (count(l, *max, CHARACTER), count(l, *limit, CHARACTER));
            l.pick(
                format!("maksymalna długość loginu ({n}) przekracza dopuszczalne maksimum ({m})"),
                format!(
                    "максималната дължина на потребителското име ({n}) надвишава допустимия максимум ({m})"
                ),
                format!("the maximum length of a login ({n}) is above the highest allowed ({m})"),
            )
        }
        ConfigProblem::PatternTakesNoLetters => l
            .pick(
                "wzorzec loginu nie wykorzystuje żadnej litery imienia ani nazwiska",
                "шаблонът за потребителско име не използва нито една буква от името или фамилията",
                "the login pattern uses no letter of the given name or the surname",
            )
            .to_owned(),
        ConfigProblem::FirstNumberZero => l
            .pick(
                "numeracja loginów musi zaczynać się od 1, a nie od 0",
                "номерацията на потребителските имена трябва да започва от 1, а не от 0",
                "login numbers must start at 1, not at 0",
            )
            .to_owned(),
        ConfigProblem::BadBlocklistEntry { entry } if entry.is_empty() => l
            .pick(
                "lista zablokowanych słów zawiera puste słowo",
                "списъкът със забранени думи съдържа празна дума",
                "the list of blocked words contains an empty word",
            )
            .to_owned(),
        ConfigProblem::BadBlocklistEntry { entry } => {
            let w = q(l, entry);
            l.pick(
                format!(
                    "zablokowane słowo {w} może składać się tylko z wielkich liter alfabetu łacińskiego bez znaków diakrytycznych i z cyfr"
                ),
                format!(
                    "забранената дума {w} може да съдържа само главни латински букви без диакритични знаци и цифри"
                ),
                format!(
                    "the blocked word {w} may contain only capital Latin letters without accents and digits"
                ),
            )
        }
        ConfigProblem::MaxAttemptsZero => l
            .pick(
                "generator musi sprawdzić dla każdej osoby co najmniej 1 numer, a w konfiguracji podano 0",
                "генераторът трябва да провери поне 1 номер за всеки човек, а в настройките е посочено 0",
                "the generator must try at least 1 number for each person, but the configuration gives 0",
            )
            .to_owned(),
        ConfigProblem::MaxAttemptsAboveLimit {
            max_attempts,
            limit,
        } => {
            let (given, n) = (
                l.integer(i128::from(*max_attempts)),
                l.count(u64::from(*limit), NUMBER),
            );
            l.pick(
                format!(
                    "generator może sprawdzić dla jednej osoby najwyżej {n}, a w konfiguracji podano {given}"
                ),
                format!(
                    "генераторът може да провери за един човек най-много {n}, а в настройките е посочено {given}"
                ),
                format!(
                    "the generator may try at most {n} for one person, but the configuration gives {given}"
                ),
            )
        }
        ConfigProblem::BlocklistTooLong { entries, limit } => {
            let (n, m) = (count(l, *entries, WORD), count(l, *limit, WORD));
            l.pick(
                format!("lista zablokowanych słów zawiera {n}, a może zawierać najwyżej {m}"),
                format!("списъкът със забранени думи съдържа {n}, а може да съдържа най-много {m}"),
                format!("the list of blocked words has {n} but may have at most {m}"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_numbers() {
        let p = ConfigProblem::BlocklistTooLong {
            entries: 1_025,
            limit: 1_024,
        };
        assert_eq!(
            problem(&p, Locale::Pl),
            "lista zablokowanych słów zawiera 1025 słów, a może zawierać najwyżej 1024 słowa"
        );
    }
}
