//! Every error variant has a code and a message in Polish, Bulgarian and English.

use edurules_login::{
    ConfigProblem, ConflictKind, ConsolidationCase, Locale, LoginConflict, LoginError,
    NationalIdKind, Script,
};

fn every_error() -> Vec<LoginError> {
    let s = |x: &str| x.to_owned();
    let mut v = vec![
        LoginError::Empty { input: s(" ") },
        LoginError::TooShort {
            login: s("AB"),
            length: 2,
            min: 3,
        },
        LoginError::TooLong {
            login: s("A"),
            length: 33,
            max: 32,
        },
        LoginError::InnerWhitespace {
            input: s("A B"),
            position: 2,
        },
        LoginError::PolishLetter {
            input: s("Ł"),
            character: 'Ł',
            position: 1,
            suggestion: 'L',
        },
        LoginError::Lookalike {
            input: s("А"),
            character: 'А',
            code_point: 0x410,
            position: 1,
            script: Script::Cyrillic,
            looks_like: 'A',
        },
        LoginError::Lookalike {
            input: s("Ο"),
            character: 'Ο',
            code_point: 0x39F,
            position: 1,
            script: Script::Greek,
            looks_like: 'O',
        },
        LoginError::AccentedLetter {
            input: s("é"),
            character: 'é',
            position: 1,
            suggestion: 'E',
        },
        LoginError::ForbiddenCharacter {
            input: s("."),
            character: '.',
            code_point: 0x2E,
            position: 1,
        },
        LoginError::CombiningMark {
            input: s("Q\u{30C}"),
            character: '\u{30C}',
            code_point: 0x30C,
            position: 2,
        },
        LoginError::InvisibleCharacter {
            input: s("A\u{200B}B"),
            character: '\u{200B}',
            code_point: 0x200B,
            position: 2,
        },
        LoginError::InvalidConfig {
            problems: vec![
                ConfigProblem::MinLengthZero,
                ConfigProblem::MinAboveMax { min: 5, max: 4 },
                ConfigProblem::MaxAboveLimit { max: 99, limit: 64 },
                ConfigProblem::PatternTakesNoLetters,
                ConfigProblem::FirstNumberZero,
                ConfigProblem::BadBlocklistEntry { entry: s("x") },
                ConfigProblem::MaxAttemptsZero,
                ConfigProblem::MaxAttemptsAboveLimit {
                    max_attempts: 2_000_000,
                    limit: 1_000_000,
                },
                ConfigProblem::BlocklistTooLong {
                    entries: 1_025,
                    limit: 1_024,
                },
            ],
        },
        LoginError::NameUnusable {
            given: s("1"),
            surname: s("2"),
        },
        LoginError::Blocked {
            base: s("KURTOM"),
            word: s("KUR"),
        },
        LoginError::CandidatesExhausted {
            base: s("JANKOW"),
            attempts: 9,
        },
        LoginError::NotACandidate {
            login: s("JANKOW5"),
        },
    ];
    for kind in [NationalIdKind::Pesel, NationalIdKind::Egn] {
        v.extend([
            LoginError::IdLength {
                kind,
                input: s("1"),
                length: 1,
                expected: kind.length(),
            },
            LoginError::IdNonDigit {
                kind,
                input: s("x"),
                character: 'x',
                position: 1,
            },
            LoginError::IdChecksum {
                kind,
                input: s("1"),
                expected: 1,
                found: 2,
            },
            LoginError::IdImpossibleDate {
                kind,
                input: s("1"),
                year_digits: 0,
                month_code: 13,
                day: 1,
            },
        ]);
    }
    v
}

#[test]
fn every_variant_has_a_code_and_three_messages() {
    let errors = every_error();
    let mut codes = std::collections::BTreeSet::new();
    for e in &errors {
        assert!(e.code().starts_with("login."), "{e:?}");
        codes.insert(e.code());
        let mut seen = std::collections::BTreeSet::new();
        for locale in Locale::ALL {
            let m = e.message(locale);
            assert!(!m.is_empty(), "{e:?} {locale:?}");
            assert!(
                m.chars().next().unwrap().is_lowercase()
                    || m.starts_with("PESEL")
                    || m.starts_with("EGN")
                    || m.starts_with("ЕГН"),
                "{m}"
            );
            assert!(!m.ends_with('.'), "{m}");
            seen.insert(m);
        }
        assert_eq!(seen.len(), 3, "the three languages differ: {e:?}");
        assert_eq!(e.message(Locale::En), e.to_string());
    }
    // Two Lookalike entries share a code; the eight id variants have eight codes.
    assert_eq!(codes.len(), errors.len() - 1);
}

#[test]
fn offending_input_is_in_backticks() {
    for e in every_error() {
        if let LoginError::InvalidConfig { .. } = e {
            continue;
        }
        for locale in Locale::ALL {
            assert!(e.message(locale).contains('`'), "{e:?} {locale:?}");
        }
    }
}

#[test]
fn explanations_exist_in_three_languages() {
    let login = "JANKOW1".parse().unwrap();
    let cases = [
        ConsolidationCase::NoActiveLogins,
        ConsolidationCase::KeepUnchanged { login },
        ConsolidationCase::ChooseAmongCanonical { candidates: vec![] },
        ConsolidationCase::ChooseCanonicalOverLegacy { candidates: vec![] },
        ConsolidationCase::GenerateNew,
    ];
    for case in cases {
        let texts: std::collections::BTreeSet<String> =
            Locale::ALL.iter().map(|&l| case.message(l)).collect();
        assert_eq!(texts.len(), 3, "{case:?}");
        assert!(texts.iter().all(|t| !t.is_empty()));
    }
    for kind in [
        ConflictKind::Duplicate,
        ConflictKind::CaseInsensitive,
        ConflictKind::Confusable,
    ] {
        let c = LoginConflict::new(kind, ["A1", "a1"]);
        let texts: std::collections::BTreeSet<String> =
            Locale::ALL.iter().map(|&l| c.message(l)).collect();
        assert_eq!(texts.len(), 3, "{kind:?}");
    }
}

#[test]
fn locale_serializes_in_lower_case() {
    assert_eq!(serde_json::to_string(&Locale::Bg).unwrap(), r#""bg""#);
    assert_eq!(
        serde_json::from_str::<Locale>(r#""pl""#).unwrap(),
        Locale::Pl
    );
}
