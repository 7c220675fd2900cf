//! The texts of [`LoginError`] in Polish, Bulgarian and English, each whole
//! in its language: input quoted with the language's marks and bounded,
//! numbers counted with the language's plural forms, no machine names but
//! quoted code points.

mod config;

pub(super) use config::problem;

use edurules_locale::nouns::CHARACTER;

use super::nouns::{DIGIT, NUMBER, PROBLEM};
use super::quote::{MAX_LISTED, ch, code_point, count, int, q};
use super::{LoginError, NationalIdKind};
use crate::Locale;

/// What may be in a login, as the end of a sentence.
fn only_allowed(l: Locale) -> &'static str {
    l.pick(
        "login może składać się tylko z liter alfabetu łacińskiego bez znaków diakrytycznych i z cyfr",
        "потребителското име може да съдържа само латински букви без диакритични знаци и цифри",
        "a login may contain only Latin letters without accents and digits",
    )
}

/// "login „X”", the subject of most messages.
fn login(l: Locale, input: &str) -> String {
    let q = q(l, input);
    l.pick(
        format!("login {q}"),
        format!("потребителското име {q}"),
        format!("the login {q}"),
    )
}

/// "numer PESEL „44*********”", the subject of the id messages.
fn id(l: Locale, kind: NationalIdKind, input: &str) -> String {
    let q = q(l, input);
    match kind {
        NationalIdKind::Pesel => l.pick(
            format!("numer PESEL {q}"),
            format!("номерът PESEL {q}"),
            format!("the PESEL number {q}"),
        ),
        NationalIdKind::Egn => l.pick(
            format!("numer EGN {q}"),
            format!("ЕГН {q}"),
            format!("the EGN {q}"),
        ),
    }
}

/// The configuration problems, at most [`MAX_LISTED`] and the count of the
/// rest.
fn problems(l: Locale, problems: &[super::ConfigProblem]) -> String {
    let mut parts: Vec<String> = problems
        .iter()
        .take(MAX_LISTED)
        .map(|p| problem(p, l))
        .collect();
    let more = problems.len().saturating_sub(MAX_LISTED);
    if more > 0 {
        let n = count(l, more, PROBLEM);
        parts.push(l.pick(
            format!("i jeszcze {n}"),
            format!("и още {n}"),
            format!(
                "and {} more {}",
                int(l, more),
                l.noun(u64::try_from(more).unwrap_or(u64::MAX), PROBLEM)
            ),
        ));
    }
    parts.join("; ")
}

/// The text of `e` in `l`.
pub(crate) fn text(e: &LoginError, l: Locale) -> String {
    match e {
        LoginError::Empty { .. } => l
            .pick(
                "login jest pusty: po usunięciu odstępów nie zostaje żaden znak",
                "потребителското име е празно: след премахване на интервалите не остава нито един знак",
                "the login is empty: nothing is left once the spaces are removed",
            )
            .to_owned(),
        LoginError::TooShort { login: s, length, min } => {
            let (who, n, m) = (login(l, s), count(l, *length, CHARACTER), count(l, *min, CHARACTER));
            l.pick(
                format!("{who} ma {n}, a musi mieć co najmniej {m}"),
                format!("{who} има {n}, а трябва да има поне {m}"),
                format!("{who} has {n} but must have at least {m}"),
            )
        }
        LoginError::TooLong { login: s, length, max } => {
            let (who, n, m) = (login(l, s), count(l, *length, CHARACTER), count(l, *max, CHARACTER));
            l.pick(
                format!("{who} ma {n}, a może mieć najwyżej {m}"),
                format!("{who} има {n}, а може да има най-много {m}"),
                format!("{who} has {n} but may have at most {m}"),
            )
        }
        LoginError::InnerWhitespace { input, position } => {
            let (who, p) = (login(l, input), int(l, *position));
            l.pick(
                format!("{who} zawiera odstęp na pozycji {p}"),
                format!("{who} съдържа интервал на позиция {p}"),
                format!("{who} contains white space at position {p}"),
            )
        }
        LoginError::PolishLetter {
            input,
            character,
            position,
            suggestion,
        } => {
            let (who, p) = (login(l, input), int(l, *position));
            let (c, s) = (ch(l, *character), ch(l, *suggestion));
            l.pick(
                format!(
                    "{who} zawiera na pozycji {p} polską literę {c}; loginy nie zawierają polskich liter, więc jeśli to Twój login, wpisz w tym miejscu {s}"
                ),
                format!(
                    "{who} съдържа на позиция {p} полската буква {c}; потребителските имена не съдържат полски букви, затова ако това е вашето потребителско име, напишете на това място {s}"
                ),
                format!(
                    "{who} contains the Polish letter {c} at position {p}; logins have no Polish letters, so if this is your login, type {s} there"
                ),
            )
        }
        LoginError::Lookalike {
            input,
            character,
            code_point: cp,
            position,
            script,
            looks_like,
        } => {
            let (who, p, sc) = (login(l, input), int(l, *position), script.name(l));
            let (c, cp, like) = (ch(l, *character), code_point(l, *cp), ch(l, *looks_like));
            l.pick(
                format!(
                    "{who} zawiera na pozycji {p} {sc} literę {c} (kod {cp}), która wygląda jak łacińskie {like}, ale jest innym znakiem"
                ),
                format!(
                    "{who} съдържа на позиция {p} {sc} буква {c} (код {cp}), която прилича на латинското {like}, но е друг знак"
                ),
                format!(
                    "{who} contains the {sc} letter {c} (code {cp}) at position {p}, which looks like the Latin {like} but is a different character"
                ),
            )
        }
        LoginError::AccentedLetter {
            input,
            character,
            position,
            suggestion,
        } => {
            let (who, p, only) = (login(l, input), int(l, *position), only_allowed(l));
            let (c, s) = (ch(l, *character), ch(l, *suggestion));
            l.pick(
                format!(
                    "{who} zawiera na pozycji {p} literę ze znakiem diakrytycznym {c}; wpisz zamiast niej {s}, bo {only}"
                ),
                format!(
                    "{who} съдържа на позиция {p} буквата с диакритичен знак {c}; напишете вместо нея {s}, защото {only}"
                ),
                format!(
                    "{who} contains the accented letter {c} at position {p}; type {s} instead, as {only}"
                ),
            )
        }
        LoginError::ForbiddenCharacter {
            input,
            character,
            code_point: cp,
            position,
        } => {
            let (who, p, only) = (login(l, input), int(l, *position), only_allowed(l));
            let (c, cp) = (ch(l, *character), code_point(l, *cp));
            l.pick(
                format!("{who} zawiera na pozycji {p} niedozwolony znak {c} (kod {cp}); {only}"),
                format!("{who} съдържа на позиция {p} недопустимия знак {c} (код {cp}); {only}"),
                format!(
                    "{who} contains the character {c} (code {cp}) at position {p}, which is not allowed; {only}"
                ),
            )
        }
        LoginError::CombiningMark {
            input,
            code_point: cp,
            position,
            ..
        } => {
            let (who, p, only) = (login(l, input), int(l, *position), only_allowed(l));
            let cp = code_point(l, *cp);
            l.pick(
                format!(
                    "{who} zawiera na pozycji {p} znak diakrytyczny wpisany jako osobny znak (kod {cp}); {only}"
                ),
                format!(
                    "{who} съдържа на позиция {p} диакритичен знак, въведен като отделен символ (код {cp}); {only}"
                ),
                format!(
                    "{who} contains an accent typed as a separate character (code {cp}) at position {p}; {only}"
                ),
            )
        }
        LoginError::InvisibleCharacter {
            input,
            code_point: cp,
            position,
            ..
        } => {
            let (who, p, cp) = (login(l, input), int(l, *position), code_point(l, *cp));
            l.pick(
                format!(
                    "{who} zawiera na pozycji {p} niewidoczny znak (kod {cp}), zwykle wklejony razem z loginem; usuń go i wpisz login jeszcze raz"
                ),
                format!(
                    "{who} съдържа на позиция {p} невидим знак (код {cp}), обикновено копиран заедно с потребителското име; изтрийте го и въведете потребителското име отново"
                ),
                format!(
                    "{who} contains an invisible character (code {cp}) at position {p}, usually pasted along with the login; delete it and type the login again"
                ),
            )
        }
        LoginError::InvalidConfig { problems: list } => {
            let list = problems(l, list);
            l.pick(
                format!("konfiguracja jest błędna: {list}"),
                format!("конфигурацията е невалидна: {list}"),
                format!("the configuration is invalid: {list}"),
            )
        }
        LoginError::NameUnusable { given, surname } => {
            let (g, s) = (q(l, given), q(l, surname));
            l.pick(
                format!("ani imię {g}, ani nazwisko {s} nie ma litery, z której można utworzyć login"),
                format!(
                    "нито името {g}, нито фамилията {s} съдържат буква, от която може да се състави потребителско име"
                ),
                format!("neither the given name {g} nor the surname {s} has a letter a login can be built from"),
            )
        }
        LoginError::Blocked { base, word } => {
            let (b, w) = (q(l, base), q(l, word));
            l.pick(
                format!("każdy login, jaki można utworzyć z {b}, zawiera zablokowane słowo {w}"),
                format!(
                    "всяко потребителско име, което може да се състави от {b}, съдържа забранената дума {w}"
                ),
                format!("every login that can be built from {b} contains the blocked word {w}"),
            )
        }
        LoginError::CandidatesExhausted { base, attempts } => {
            let (b, n) = (q(l, base), l.count(u64::from(*attempts), NUMBER));
            l.pick(
                format!(
                    "sprawdzono {n} i żaden nie daje wolnego, dozwolonego loginu zaczynającego się od {b}"
                ),
                format!(
                    "след проверка на {n} няма свободно и допустимо потребителско име, започващо с {b}"
                ),
                format!("after trying {n}, no free and allowed login starting with {b} was found"),
            )
        }
        LoginError::NotACandidate { login: s } => {
            let who = login(l, s);
            l.pick(
                format!("{who} nie jest jednym z loginów, które według tego planu można zachować"),
                format!("{who} не е сред имената, които могат да бъдат запазени по този план"),
                format!("{who} is not one of the logins this plan lets the user keep"),
            )
        }
        LoginError::IdLength {
            kind,
            input,
            length,
            expected,
        } => {
            let what = id(l, *kind, input);
            let (n, m) = (count(l, *length, CHARACTER), count(l, *expected, DIGIT));
            l.pick(
                format!("{what} ma {n}, a powinien mieć {m}"),
                format!("{what} има {n}, а трябва да има {m}"),
                format!("{what} has {n} but should have {m}"),
            )
        }
        LoginError::IdNonDigit {
            kind,
            input,
            character,
            position,
        } => {
            let (what, p, c) = (id(l, *kind, input), int(l, *position), ch(l, *character));
            l.pick(
                format!("{what} zawiera {c} na pozycji {p}, a w tym miejscu powinna być cyfra"),
                format!("{what} съдържа {c} на позиция {p}, а там трябва да има цифра"),
                format!("{what} contains {c} at position {p}, where a digit should be"),
            )
        }
        LoginError::IdChecksum {
            kind,
            input,
            expected,
            found,
        } => {
            let what = id(l, *kind, input);
            l.pick(
                format!(
                    "{what} ma cyfrę kontrolną {found}, a przy pozostałych cyfrach powinna to być {expected}; sprawdź, czy numer jest dobrze przepisany"
                ),
                format!(
                    "{what} има контролна цифра {found}, а при останалите цифри тя трябва да е {expected}; проверете дали номерът е преписан правилно"
                ),
                format!(
                    "{what} has the check digit {found}, but its other digits require {expected}; check that the number was copied correctly"
                ),
            )
        }
        LoginError::IdImpossibleDate {
            kind,
            input,
            year_digits,
            month_code,
            day,
        } => {
            let what = id(l, *kind, input);
            let (y, m, d) = (
                format!("{year_digits:02}"),
                format!("{month_code:02}"),
                format!("{day:02}"),
            );
            l.pick(
                format!(
                    "{what} zawiera datę urodzenia, która nie istnieje (rok {y}, kod miesiąca {m}, dzień {d})"
                ),
                format!(
                    "{what} съдържа несъществуваща дата на раждане (година {y}, код на месеца {m}, ден {d})"
                ),
                format!(
                    "{what} contains a birth date that does not exist (year {y}, month code {m}, day {d})"
                ),
            )
        }
    }
}
