//! Why a character is not allowed in a login, and what NFKC maps it to.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::{LoginError, Script};

/// The upper-case ASCII letter of a Polish letter with a diacritic (`ł`→`L`).
///
/// `Ł` and `ł` have no Unicode decomposition, so the table must be explicit.
pub(crate) fn polish_ascii(c: char) -> Option<char> {
    Some(match c {
        'ą' | 'Ą' => 'A',
        'ć' | 'Ć' => 'C',
        'ę' | 'Ę' => 'E',
        'ł' | 'Ł' => 'L',
        'ń' | 'Ń' => 'N',
        'ó' | 'Ó' => 'O',
        'ś' | 'Ś' => 'S',
        'ź' | 'Ź' | 'ż' | 'Ż' => 'Z',
        _ => return None,
    })
}

/// The Latin letter a Cyrillic or Greek letter looks like (UTS #39 confusables,
/// the common subset).
fn lookalike(c: char) -> Option<(Script, char)> {
    let cyr = |l| Some((Script::Cyrillic, l));
    let grk = |l| Some((Script::Greek, l));
    match c {
        'А' => cyr('A'),
        'В' => cyr('B'),
        'Е' => cyr('E'),
        'К' => cyr('K'),
        'М' => cyr('M'),
        'Н' => cyr('H'),
        'О' => cyr('O'),
        'Р' => cyr('P'),
        'С' => cyr('C'),
        'Т' => cyr('T'),
        'Х' => cyr('X'),
        'У' => cyr('Y'),
        'Ѕ' => cyr('S'),
        'І' => cyr('I'),
        'Ј' => cyr('J'),
        'Ԛ' => cyr('Q'),
        'Ԝ' => cyr('W'),
        'а' => cyr('a'),
        'е' => cyr('e'),
        'о' => cyr('o'),
        'р' => cyr('p'),
        'с' => cyr('c'),
        'у' => cyr('y'),
        'х' => cyr('x'),
        'ѕ' => cyr('s'),
        'і' => cyr('i'),
        'ј' => cyr('j'),
        'һ' => cyr('h'),
        'ԁ' => cyr('d'),
        'ԛ' => cyr('q'),
        'ԝ' => cyr('w'),
        'Ү' => cyr('Y'),
        'Ӏ' => cyr('I'),
        'ӏ' => cyr('l'),
        'Α' => grk('A'),
        'Β' => grk('B'),
        'Ε' => grk('E'),
        'Ζ' => grk('Z'),
        'Η' => grk('H'),
        'Ι' => grk('I'),
        'Κ' => grk('K'),
        'Μ' => grk('M'),
        'Ν' => grk('N'),
        'Ο' => grk('O'),
        'Ρ' => grk('P'),
        'Τ' => grk('T'),
        'Υ' => grk('Y'),
        'Χ' => grk('X'),
        'ο' => grk('o'),
        'ν' => grk('v'),
        'ι' => grk('i'),
        'Ϲ' => grk('C'),
        'ϲ' => grk('c'),
        'ϳ' => grk('j'),
        _ => None,
    }
}

/// NFKC of one character, if it is made of ASCII letters and digits only
/// (full-width `Ｊ` → `J`, `①` → `1`).
///
/// Per-character NFKC accepts the same strings as NFKC of the whole string:
/// composition only ever produces non-ASCII characters, which are rejected.
pub(crate) fn nfkc_to_ascii_alnum(c: char) -> Option<String> {
    let mapped: String = std::iter::once(c).nfkc().collect();
    (!mapped.is_empty() && mapped.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(mapped)
}

/// Whether `c` is a default-ignorable code point: the workspace's one list, in the
/// locale crate (which escapes the same characters when it quotes input).
pub(crate) use edurules_locale::is_invisible;

/// The error for the character at char index `index` of `text` (the scanned
/// part of `input`), whose 1-based position in `input` is `position`.
///
/// Invisible characters and combining marks get their own reasons; a
/// combining mark that composes (NFC) with the letter before it into a Polish
/// or accented letter (`Z` + U+0307 = `Ż`, as decomposed text arrives) is
/// reported as that letter at the base letter's position, since that is what
/// the reader sees.
pub(crate) fn reject_in(input: &str, text: &str, index: usize, position: usize) -> LoginError {
    let Some(c) = text.chars().nth(index) else {
        return LoginError::Empty {
            input: input.to_owned(),
        };
    };
    if is_invisible(c) {
        return LoginError::InvisibleCharacter {
            input: input.to_owned(),
            character: c,
            code_point: u32::from(c),
            position,
        };
    }
    if !is_combining_mark(c) {
        return reject(input, c, position);
    }
    let base = index.checked_sub(1).and_then(|i| text.chars().nth(i));
    if let Some(base) = base {
        let marks = text
            .chars()
            .skip(index)
            .take_while(|&m| is_combining_mark(m));
        let mut composed = std::iter::once(base).chain(marks).nfc();
        if let (Some(letter), None) = (composed.next(), composed.next()) {
            let e = reject(input, letter, position.saturating_sub(1));
            if matches!(
                e,
                LoginError::PolishLetter { .. } | LoginError::AccentedLetter { .. }
            ) {
                return e;
            }
        }
    }
    LoginError::CombiningMark {
        input: input.to_owned(),
        character: c,
        code_point: u32::from(c),
        position,
    }
}

/// The error for a character that is neither `A-Z0-9` nor mapped there by NFKC.
pub(crate) fn reject(input: &str, c: char, position: usize) -> LoginError {
    let input = input.to_owned();
    if let Some(suggestion) = polish_ascii(c) {
        return LoginError::PolishLetter {
            input,
            character: c,
            position,
            suggestion,
        };
    }
    if let Some((script, looks_like)) = lookalike(c) {
        return LoginError::Lookalike {
            input,
            character: c,
            code_point: u32::from(c),
            position,
            script,
            looks_like,
        };
    }
    let mut decomposed = std::iter::once(c).nfd();
    if let Some(base) = decomposed.next().filter(char::is_ascii_alphabetic) {
        let rest: Vec<char> = decomposed.collect();
        if !rest.is_empty() && rest.iter().all(|&m| is_combining_mark(m)) {
            return LoginError::AccentedLetter {
                input,
                character: c,
                position,
                suggestion: base.to_ascii_uppercase(),
            };
        }
    }
    LoginError::ForbiddenCharacter {
        input,
        character: c,
        code_point: u32::from(c),
        position,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_polish_letter_has_a_suggestion() {
        for (c, s) in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
            .chars()
            .zip("ACELNOSZZACELNOSZZ".chars())
        {
            assert_eq!(polish_ascii(c), Some(s), "{c}");
        }
        assert_eq!(polish_ascii('a'), None);
    }

    #[test]
    fn reasons() {
        assert_eq!(reject("x", 'é', 1).code(), "login.accented_letter");
        assert_eq!(reject("x", 'ü', 1).code(), "login.accented_letter");
        assert_eq!(reject("x", 'Ж', 1).code(), "login.forbidden_character");
        assert_eq!(reject("x", '.', 1).code(), "login.forbidden_character");
        assert_eq!(
            reject("x", '\u{301}', 1).code(),
            "login.forbidden_character"
        );
        assert_eq!(reject("x", 'Ο', 1).code(), "login.lookalike");
        for c in ['Ү', 'Ӏ', 'ӏ', 'ι', 'Ϲ', 'ϲ', 'ϳ', 'Ѕ', 'Ј'] {
            assert_eq!(reject("x", c, 1).code(), "login.lookalike", "{c}");
        }
        assert_eq!(
            reject_in("x", "\u{200B}", 0, 1).code(),
            "login.invisible_character"
        );
        assert_eq!(
            reject_in("x", "\u{301}", 0, 1).code(),
            "login.combining_mark"
        );
        assert_eq!(
            reject_in("x", "o\u{301}", 1, 2).code(),
            "login.polish_letter"
        );
        assert_eq!(reject_in("x", "", 0, 1).code(), "login.empty");
        assert_eq!(nfkc_to_ascii_alnum('Ｊ').as_deref(), Some("J"));
        assert_eq!(nfkc_to_ascii_alnum('¼'), None);
    }
}
