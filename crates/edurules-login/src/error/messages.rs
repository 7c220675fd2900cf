//! Polish and Bulgarian texts of [`LoginError`] and [`ConfigProblem`] (the
//! English ones are the `Display` texts).

use super::{ConfigProblem, LoginError, NationalIdKind, quote};
use edurules_locale::nouns::CHARACTER;

use crate::Locale;

fn pl_chars(n: usize) -> String {
    Locale::Pl.count(u64::try_from(n).unwrap_or(u64::MAX), CHARACTER)
}

fn bg_chars(n: usize) -> String {
    Locale::Bg.count(u64::try_from(n).unwrap_or(u64::MAX), CHARACTER)
}

pub(super) fn problems_en(problems: &[ConfigProblem]) -> String {
    join(problems, Locale::En)
}

fn join(problems: &[ConfigProblem], locale: Locale) -> String {
    problems
        .iter()
        .map(|p| problem(p, locale))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn problem(p: &ConfigProblem, locale: Locale) -> String {
    match (p, locale) {
        (ConfigProblem::MinLengthZero, Locale::Pl) => "minimalna długość wynosi 0".to_owned(),
        (ConfigProblem::MinLengthZero, Locale::Bg) => "минималната дължина е 0".to_owned(),
        (ConfigProblem::MinLengthZero, _) => "minimum length is 0".to_owned(),
        (ConfigProblem::MinAboveMax { min, max }, Locale::Pl) => {
            format!("minimalna długość {min} jest większa od maksymalnej {max}")
        }
        (ConfigProblem::MinAboveMax { min, max }, Locale::Bg) => {
            format!("минималната дължина {min} е по-голяма от максималната {max}")
        }
        (ConfigProblem::MinAboveMax { min, max }, _) => {
            format!("minimum length {min} is above maximum length {max}")
        }
        (ConfigProblem::MaxAboveLimit { max, limit }, Locale::Pl) => {
            format!("maksymalna długość {max} przekracza limit {limit}")
        }
        (ConfigProblem::MaxAboveLimit { max, limit }, Locale::Bg) => {
            format!("максималната дължина {max} надвишава границата {limit}")
        }
        (ConfigProblem::MaxAboveLimit { max, limit }, _) => {
            format!("maximum length {max} is above the limit {limit}")
        }
        (ConfigProblem::PatternTakesNoLetters, Locale::Pl) => {
            "wzorzec nie bierze żadnej litery z imienia ani nazwiska".to_owned()
        }
        (ConfigProblem::PatternTakesNoLetters, Locale::Bg) => {
            "шаблонът не взема нито една буква от името или фамилията".to_owned()
        }
        (ConfigProblem::PatternTakesNoLetters, _) => {
            "the pattern takes no letter from the given name or the surname".to_owned()
        }
        (ConfigProblem::FirstNumberZero, Locale::Pl) => {
            "pierwszy numer wzorca wynosi 0 (numeracja zaczyna się od 1)".to_owned()
        }
        (ConfigProblem::FirstNumberZero, Locale::Bg) => {
            "първият номер на шаблона е 0 (номерацията започва от 1)".to_owned()
        }
        (ConfigProblem::FirstNumberZero, _) => {
            "the pattern's first number is 0 (numbering starts at 1)".to_owned()
        }
        (ConfigProblem::BadBlocklistEntry { entry }, Locale::Pl) => {
            format!(
                "pozycja listy zablokowanych {} musi składać się z `A-Z0-9`",
                quote::quoted(entry, Locale::Pl)
            )
        }
        (ConfigProblem::BadBlocklistEntry { entry }, Locale::Bg) => {
            format!(
                "елементът от забранения списък {} трябва да съдържа само `A-Z0-9`",
                quote::quoted(entry, Locale::Bg)
            )
        }
        (ConfigProblem::BadBlocklistEntry { entry }, _) => {
            format!(
                "blocklist entry {} must be made of `A-Z0-9` only",
                quote::quoted(entry, Locale::En)
            )
        }
        (ConfigProblem::MaxAttemptsZero, Locale::Pl) => {
            "maksymalna liczba prób wynosi 0".to_owned()
        }
        (ConfigProblem::MaxAttemptsZero, Locale::Bg) => "максималният брой опити е 0".to_owned(),
        (ConfigProblem::MaxAttemptsZero, _) => "maximum number of attempts is 0".to_owned(),
        (
            ConfigProblem::MaxAttemptsAboveLimit {
                max_attempts,
                limit,
            },
            Locale::Pl,
        ) => {
            format!("maksymalna liczba prób {max_attempts} przekracza limit {limit}")
        }
        (
            ConfigProblem::MaxAttemptsAboveLimit {
                max_attempts,
                limit,
            },
            Locale::Bg,
        ) => {
            format!("максималният брой опити {max_attempts} надвишава границата {limit}")
        }
        (
            ConfigProblem::MaxAttemptsAboveLimit {
                max_attempts,
                limit,
            },
            _,
        ) => {
            format!("maximum number of attempts {max_attempts} is above the limit {limit}")
        }
        (ConfigProblem::BlocklistTooLong { entries, limit }, Locale::Pl) => {
            format!("liczba pozycji listy zablokowanych {entries} przekracza limit {limit}")
        }
        (ConfigProblem::BlocklistTooLong { entries, limit }, Locale::Bg) => {
            format!("броят на елементите в забранения списък {entries} надвишава границата {limit}")
        }
        (ConfigProblem::BlocklistTooLong { entries, limit }, _) => {
            format!("the number of blocklist entries {entries} is above the limit {limit}")
        }
    }
}

fn pl_id(kind: NationalIdKind) -> &'static str {
    match kind {
        NationalIdKind::Pesel => "numer PESEL",
        NationalIdKind::Egn => "numer EGN",
    }
}

fn bg_id(kind: NationalIdKind) -> &'static str {
    match kind {
        NationalIdKind::Pesel => "номерът PESEL",
        NationalIdKind::Egn => "ЕГН",
    }
}

pub(super) fn pl(e: &LoginError) -> String {
    match e {
        LoginError::Empty { input } => format!(
            "login {input_q} jest pusty",
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::TooShort { login, length, min } => {
            format!(
                "login {login_q} ma {}, mniej niż minimum {min}",
                pl_chars(*length),
                login_q = quote::quoted(login, Locale::Pl)
            )
        }
        LoginError::TooLong { login, length, max } => {
            format!(
                "login {login_q} ma {}, więcej niż maksimum {max}",
                pl_chars(*length),
                login_q = quote::quoted(login, Locale::Pl)
            )
        }
        LoginError::InnerWhitespace { input, position } => {
            format!(
                "login {input_q} zawiera odstęp na pozycji {position}",
                input_q = quote::quoted(input, Locale::Pl)
            )
        }
        LoginError::PolishLetter {
            input,
            character,
            position,
            suggestion,
        } => format!(
            "login {input_q} zawiera polską literę `{character_q}` na pozycji {position}; jeśli to naprawdę ten login, wpisz `{suggestion}`",
            character_q = quote::escaped_char(character),
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::Lookalike {
            input,
            character,
            code_point,
            position,
            script,
            looks_like,
        } => {
            format!(
                "login {input_q} zawiera {} literę `{character_q}` (U+{code_point:04X}) na pozycji {position}: wygląda jak łacińskie `{looks_like}`, ale jest innym znakiem",
                script.name(Locale::Pl),
                character_q = quote::escaped_char(character),
                input_q = quote::quoted(input, Locale::Pl)
            )
        }
        LoginError::AccentedLetter {
            input,
            character,
            position,
            suggestion,
        } => format!(
            "login {input_q} zawiera literę ze znakiem diakrytycznym `{character_q}` na pozycji {position}; dozwolone są tylko `A-Z` i `0-9` (`{suggestion}` bez znaku)",
            character_q = quote::escaped_char(character),
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::ForbiddenCharacter {
            input,
            character,
            code_point,
            position,
        } => format!(
            "login {input_q} zawiera niedozwolony znak `{character_q}` (U+{code_point:04X}) na pozycji {position}; dozwolone są tylko `A-Z` i `0-9`",
            character_q = quote::escaped_char(character),
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::CombiningMark {
            input,
            code_point,
            position,
            ..
        } => format!(
            "login {input_q} zawiera znak łączący U+{code_point:04X} (akcent wpisany jako osobny znak) na pozycji {position}; dozwolone są tylko `A-Z` i `0-9`",
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::InvisibleCharacter {
            input,
            code_point,
            position,
            ..
        } => format!(
            "login {input_q} zawiera niewidoczny znak U+{code_point:04X} na pozycji {position}; dozwolone są tylko `A-Z` i `0-9`",
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::InvalidConfig { problems } => {
            format!("błędna konfiguracja: {}", join(problems, Locale::Pl))
        }
        LoginError::NameUnusable { given, surname } => format!(
            "z imienia i nazwiska {given_q} {surname_q} nie da się utworzyć loginu: brak użytecznej litery",
            given_q = quote::quoted(given, Locale::Pl),
            surname_q = quote::quoted(surname, Locale::Pl)
        ),
        LoginError::Blocked { base, word } => format!(
            "każdy login, który można utworzyć z {base_q}, zawiera zablokowane słowo {word_q}",
            base_q = quote::quoted(base, Locale::Pl),
            word_q = quote::quoted(word, Locale::Pl)
        ),
        LoginError::CandidatesExhausted { base, attempts } => {
            format!(
                "brak wolnego loginu dla {base_q} po {attempts} próbach",
                base_q = quote::quoted(base, Locale::Pl)
            )
        }
        LoginError::NotACandidate { login } => {
            format!(
                "login {login_q} nie może być loginem pozostającym w tym planie",
                login_q = quote::quoted(login, Locale::Pl)
            )
        }
        LoginError::IdLength {
            kind,
            input,
            length,
            expected,
        } => format!(
            "{} {input_q} ma {}, wymagane {expected}",
            pl_id(*kind),
            pl_chars(*length),
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::IdNonDigit {
            kind,
            input,
            character,
            position,
        } => format!(
            "{} {input_q} zawiera znak niebędący cyfrą `{character_q}` na pozycji {position}",
            pl_id(*kind),
            character_q = quote::escaped_char(character),
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::IdChecksum {
            kind,
            input,
            expected,
            found,
        } => format!(
            "{} {input_q} ma cyfrę kontrolną {found}, a powinna być {expected}",
            pl_id(*kind),
            input_q = quote::quoted(input, Locale::Pl)
        ),
        LoginError::IdImpossibleDate {
            kind,
            input,
            year_digits,
            month_code,
            day,
        } => format!(
            "{} {input_q} koduje niemożliwą datę urodzenia (rok {year_digits:02}, kod miesiąca {month_code:02}, dzień {day:02})",
            pl_id(*kind),
            input_q = quote::quoted(input, Locale::Pl)
        ),
    }
}

pub(super) fn bg(e: &LoginError) -> String {
    match e {
        LoginError::Empty { input } => format!(
            "потребителското име {input_q} е празно",
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::TooShort { login, length, min } => format!(
            "потребителското име {login_q} има {}, по-малко от минимума {min}",
            bg_chars(*length),
            login_q = quote::quoted(login, Locale::Bg)
        ),
        LoginError::TooLong { login, length, max } => format!(
            "потребителското име {login_q} има {}, повече от максимума {max}",
            bg_chars(*length),
            login_q = quote::quoted(login, Locale::Bg)
        ),
        LoginError::InnerWhitespace { input, position } => {
            format!(
                "потребителското име {input_q} съдържа интервал на позиция {position}",
                input_q = quote::quoted(input, Locale::Bg)
            )
        }
        LoginError::PolishLetter {
            input,
            character,
            position,
            suggestion,
        } => format!(
            "потребителското име {input_q} съдържа полска буква `{character_q}` на позиция {position}; ако това наистина е името, напишете `{suggestion}`",
            character_q = quote::escaped_char(character),
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::Lookalike {
            input,
            character,
            code_point,
            position,
            script,
            looks_like,
        } => {
            format!(
                "потребителското име {input_q} съдържа {} буква `{character_q}` (U+{code_point:04X}) на позиция {position}: прилича на латинското `{looks_like}`, но е друг знак",
                script.name(Locale::Bg),
                character_q = quote::escaped_char(character),
                input_q = quote::quoted(input, Locale::Bg)
            )
        }
        LoginError::AccentedLetter {
            input,
            character,
            position,
            suggestion,
        } => format!(
            "потребителското име {input_q} съдържа буква с диакритичен знак `{character_q}` на позиция {position}; разрешени са само `A-Z` и `0-9` (`{suggestion}` без знака)",
            character_q = quote::escaped_char(character),
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::ForbiddenCharacter {
            input,
            character,
            code_point,
            position,
        } => format!(
            "потребителското име {input_q} съдържа недопустим знак `{character_q}` (U+{code_point:04X}) на позиция {position}; разрешени са само `A-Z` и `0-9`",
            character_q = quote::escaped_char(character),
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::CombiningMark {
            input,
            code_point,
            position,
            ..
        } => format!(
            "потребителското име {input_q} съдържа комбиниращ знак U+{code_point:04X} (ударение, въведено като отделен знак) на позиция {position}; разрешени са само `A-Z` и `0-9`",
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::InvisibleCharacter {
            input,
            code_point,
            position,
            ..
        } => format!(
            "потребителското име {input_q} съдържа невидим знак U+{code_point:04X} на позиция {position}; разрешени са само `A-Z` и `0-9`",
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::InvalidConfig { problems } => {
            format!("невалидна конфигурация: {}", join(problems, Locale::Bg))
        }
        LoginError::NameUnusable { given, surname } => format!(
            "от имената {given_q} {surname_q} не може да се състави потребителско име: няма използваема буква",
            given_q = quote::quoted(given, Locale::Bg),
            surname_q = quote::quoted(surname, Locale::Bg)
        ),
        LoginError::Blocked { base, word } => format!(
            "всяко потребителско име, което може да се състави от {base_q}, съдържа забранената дума {word_q}",
            base_q = quote::quoted(base, Locale::Bg),
            word_q = quote::quoted(word, Locale::Bg)
        ),
        LoginError::CandidatesExhausted { base, attempts } => {
            format!(
                "няма свободно потребителско име за {base_q} след {attempts} опита",
                base_q = quote::quoted(base, Locale::Bg)
            )
        }
        LoginError::NotACandidate { login } => {
            format!(
                "потребителското име {login_q} не може да остане като единствено по този план",
                login_q = quote::quoted(login, Locale::Bg)
            )
        }
        LoginError::IdLength {
            kind,
            input,
            length,
            expected,
        } => format!(
            "{} {input_q} има {}, изискват се {expected}",
            bg_id(*kind),
            bg_chars(*length),
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::IdNonDigit {
            kind,
            input,
            character,
            position,
        } => format!(
            "{} {input_q} съдържа знак, който не е цифра, `{character_q}` на позиция {position}",
            bg_id(*kind),
            character_q = quote::escaped_char(character),
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::IdChecksum {
            kind,
            input,
            expected,
            found,
        } => format!(
            "{} {input_q} има контролна цифра {found}, а трябва да е {expected}",
            bg_id(*kind),
            input_q = quote::quoted(input, Locale::Bg)
        ),
        LoginError::IdImpossibleDate {
            kind,
            input,
            year_digits,
            month_code,
            day,
        } => format!(
            "{} {input_q} съдържа невъзможна дата на раждане (година {year_digits:02}, код на месеца {month_code:02}, ден {day:02})",
            bg_id(*kind),
            input_q = quote::quoted(input, Locale::Bg)
        ),
    }
}
