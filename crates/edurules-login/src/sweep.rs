//! The language sweep (issue #16): every message code of the crate, rendered
//! with sample values in every locale, passes `edurules_locale::lint`.
//!
//! It lives inside the crate so that the exhaustive `match`es below stop
//! compiling when a variant is added: a new code cannot go without samples.

use std::collections::BTreeSet;

use edurules_locale::{Message, lint};

use crate::{
    ConfigProblem, ConflictKind, ConsolidationCase, Locale, Login, LoginConflict, LoginError,
    NationalIdKind, Script,
};

/// The counts the sweep tries for every counted thing: the Polish forms
/// one (1), few (2, 22) and many (5, 12).
const COUNTS: [usize; 5] = [1, 2, 5, 12, 22];

/// Inputs: short, exactly at the quoting limit, longer than it, with a
/// control character.
fn inputs() -> Vec<String> {
    vec![
        "JAN KOW".to_owned(),
        "Y".repeat(crate::MAX_QUOTED_CHARS),
        format!("A B{}", "x".repeat(97)),
        "JAN\u{1b}[31m\nKOW".to_owned(),
    ]
}

/// Which variant an error is: exhaustive on purpose, so a new variant breaks
/// this test until it has samples in [`errors`].
fn variant(e: &LoginError) -> &'static str {
    match e {
        LoginError::Empty { .. } => "Empty",
        LoginError::TooShort { .. } => "TooShort",
        LoginError::TooLong { .. } => "TooLong",
        LoginError::InnerWhitespace { .. } => "InnerWhitespace",
        LoginError::PolishLetter { .. } => "PolishLetter",
        LoginError::Lookalike { .. } => "Lookalike",
        LoginError::AccentedLetter { .. } => "AccentedLetter",
        LoginError::ForbiddenCharacter { .. } => "ForbiddenCharacter",
        LoginError::CombiningMark { .. } => "CombiningMark",
        LoginError::InvisibleCharacter { .. } => "InvisibleCharacter",
        LoginError::InvalidConfig { .. } => "InvalidConfig",
        LoginError::NameUnusable { .. } => "NameUnusable",
        LoginError::Blocked { .. } => "Blocked",
        LoginError::CandidatesExhausted { .. } => "CandidatesExhausted",
        LoginError::NotACandidate { .. } => "NotACandidate",
        LoginError::IdLength { .. } => "IdLength",
        LoginError::IdNonDigit { .. } => "IdNonDigit",
        LoginError::IdChecksum { .. } => "IdChecksum",
        LoginError::IdImpossibleDate { .. } => "IdImpossibleDate",
    }
}

/// Exhaustive over [`ConfigProblem`], as [`variant`].
fn problem_variant(p: &ConfigProblem) -> &'static str {
    match p {
        ConfigProblem::MinLengthZero => "MinLengthZero",
        ConfigProblem::MinAboveMax { .. } => "MinAboveMax",
        ConfigProblem::MaxAboveLimit { .. } => "MaxAboveLimit",
        ConfigProblem::PatternTakesNoLetters => "PatternTakesNoLetters",
        ConfigProblem::FirstNumberZero => "FirstNumberZero",
        ConfigProblem::BadBlocklistEntry { .. } => "BadBlocklistEntry",
        ConfigProblem::MaxAttemptsZero => "MaxAttemptsZero",
        ConfigProblem::MaxAttemptsAboveLimit { .. } => "MaxAttemptsAboveLimit",
        ConfigProblem::BlocklistTooLong { .. } => "BlocklistTooLong",
    }
}

/// Exhaustive over [`ConsolidationCase`], as [`variant`].
fn case_variant(c: &ConsolidationCase) -> &'static str {
    match c {
        ConsolidationCase::NoActiveLogins => "NoActiveLogins",
        ConsolidationCase::KeepUnchanged { .. } => "KeepUnchanged",
        ConsolidationCase::ChooseAmongCanonical { .. } => "ChooseAmongCanonical",
        ConsolidationCase::ChooseCanonicalOverLegacy { .. } => "ChooseCanonicalOverLegacy",
        ConsolidationCase::GenerateNew => "GenerateNew",
    }
}

/// Exhaustive over [`ConflictKind`], as [`variant`].
fn conflict_variant(k: ConflictKind) -> &'static str {
    match k {
        ConflictKind::Duplicate => "Duplicate",
        ConflictKind::CaseInsensitive => "CaseInsensitive",
        ConflictKind::Confusable => "Confusable",
    }
}

fn problems() -> Vec<ConfigProblem> {
    let mut v = vec![
        ConfigProblem::MinLengthZero,
        ConfigProblem::PatternTakesNoLetters,
        ConfigProblem::FirstNumberZero,
        ConfigProblem::MaxAttemptsZero,
        ConfigProblem::MaxAttemptsAboveLimit {
            max_attempts: 2_000_000,
            limit: 1_000_000,
        },
        ConfigProblem::MaxAttemptsAboveLimit {
            max_attempts: u32::MAX,
            limit: 1,
        },
    ];
    for n in COUNTS {
        v.push(ConfigProblem::MinAboveMax { min: n + 1, max: n });
        v.push(ConfigProblem::MaxAboveLimit {
            max: n + 64,
            limit: n,
        });
        v.push(ConfigProblem::BlocklistTooLong {
            entries: n + 1_024,
            limit: n,
        });
    }
    for entry in inputs().into_iter().chain([String::new()]) {
        v.push(ConfigProblem::BadBlocklistEntry { entry });
    }
    v
}

fn errors() -> Vec<LoginError> {
    let mut v = Vec::new();
    for input in inputs().into_iter().chain([String::new()]) {
        v.push(LoginError::Empty {
            input: input.clone(),
        });
        v.push(LoginError::NameUnusable {
            given: input.clone(),
            surname: input.clone(),
        });
        v.push(LoginError::Blocked {
            base: input.clone(),
            word: input.clone(),
        });
        v.push(LoginError::NotACandidate {
            login: input.clone(),
        });
        for position in COUNTS {
            v.push(LoginError::InnerWhitespace {
                input: input.clone(),
                position,
            });
            v.push(LoginError::PolishLetter {
                input: input.clone(),
                character: 'Ł',
                position,
                suggestion: 'L',
            });
            for (character, script, looks_like) in
                [('А', Script::Cyrillic, 'A'), ('Ο', Script::Greek, 'O')]
            {
                v.push(LoginError::Lookalike {
                    input: input.clone(),
                    character,
                    code_point: u32::from(character),
                    position,
                    script,
                    looks_like,
                });
            }
            v.push(LoginError::AccentedLetter {
                input: input.clone(),
                character: 'é',
                position,
                suggestion: 'E',
            });
            for character in ['.', '\u{1b}', '\n', 'ж'] {
                v.push(LoginError::ForbiddenCharacter {
                    input: input.clone(),
                    character,
                    code_point: u32::from(character),
                    position,
                });
            }
            v.push(LoginError::CombiningMark {
                input: input.clone(),
                character: '\u{30c}',
                code_point: 0x30c,
                position,
            });
            v.push(LoginError::InvisibleCharacter {
                input: input.clone(),
                character: '\u{200b}',
                code_point: 0x200b,
                position,
            });
        }
        for n in COUNTS {
            v.push(LoginError::TooShort {
                login: input.clone(),
                length: n,
                min: n + 1,
            });
            v.push(LoginError::TooLong {
                login: input.clone(),
                length: n + 1,
                max: n,
            });
            v.push(LoginError::CandidatesExhausted {
                base: input.clone(),
                attempts: u32::try_from(n).unwrap(),
            });
        }
    }
    v.push(LoginError::InvalidConfig {
        problems: problems(),
    });
    for p in problems() {
        v.push(LoginError::InvalidConfig { problems: vec![p] });
    }
    for kind in [NationalIdKind::Pesel, NationalIdKind::Egn] {
        for input in ["44*********", "44******X**", &"1".repeat(100)] {
            let input = input.to_owned();
            for n in COUNTS {
                v.push(LoginError::IdLength {
                    kind,
                    input: input.clone(),
                    length: n,
                    expected: kind.length(),
                });
                v.push(LoginError::IdNonDigit {
                    kind,
                    input: input.clone(),
                    character: 'X',
                    position: n,
                });
            }
            v.push(LoginError::IdNonDigit {
                kind,
                input: input.clone(),
                character: '\u{202e}',
                position: 3,
            });
            v.push(LoginError::IdChecksum {
                kind,
                input: input.clone(),
                expected: 8,
                found: 9,
            });
            v.push(LoginError::IdImpossibleDate {
                kind,
                input,
                year_digits: 0,
                month_code: 42,
                day: 29,
            });
        }
    }
    v
}

fn cases() -> Vec<ConsolidationCase> {
    let logins = |n: usize| -> Vec<Login> {
        (1..=n)
            .map(|i| format!("JANKOW{i}").parse().unwrap())
            .collect()
    };
    let mut v = vec![
        ConsolidationCase::NoActiveLogins,
        ConsolidationCase::GenerateNew,
        ConsolidationCase::KeepUnchanged {
            login: "JANKOW1".parse().unwrap(),
        },
        ConsolidationCase::KeepUnchanged {
            login: "J".repeat(32).parse().unwrap(),
        },
    ];
    for n in COUNTS.into_iter().chain([0, 100]) {
        v.push(ConsolidationCase::ChooseAmongCanonical {
            candidates: logins(n),
        });
        v.push(ConsolidationCase::ChooseCanonicalOverLegacy {
            candidates: logins(n),
        });
    }
    v
}

fn conflicts() -> Vec<LoginConflict> {
    let mut v = Vec::new();
    for kind in [
        ConflictKind::Duplicate,
        ConflictKind::CaseInsensitive,
        ConflictKind::Confusable,
    ] {
        for n in COUNTS.into_iter().chain([100]).filter(|&n| n > 1) {
            let logins = (0..n).map(|i| format!("JanKow{i}{}", "x".repeat(70)));
            v.push(LoginConflict::new(kind, logins));
        }
        v.push(LoginConflict::new(kind, ["JANKOW1", "JANKOWI"]));
    }
    v
}

/// Renders `m` in every locale and checks each text; returns its code.
fn check(m: &dyn Message, what: &str) -> &'static str {
    let en = m.message(Locale::En);
    for locale in Locale::ALL {
        let text = m.message(locale);
        assert!(!text.trim().is_empty(), "{}: {what} is empty", m.code());
        let problems = lint::problems(locale, &text);
        assert!(
            problems.is_empty(),
            "{} in {locale}: {problems:?}\n{text}",
            m.code()
        );
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert!(
            text.len() < 2_000,
            "{} in {locale} is {} bytes",
            m.code(),
            text.len()
        );
        if locale != Locale::En {
            assert_ne!(text, en, "{} in {locale} is the English text", m.code());
        }
        // Lower case (but for ЕГН) and no final period: a message may follow
        // a prefix, as errors in Rust do.
        assert!(!text.ends_with('.'), "{text}");
        assert!(
            text.starts_with("ЕГН") || !text.chars().next().is_some_and(char::is_uppercase),
            "{text}"
        );
    }
    m.code()
}

#[test]
fn every_message_code_passes_the_language_lint_in_every_locale() {
    let mut codes = BTreeSet::new();
    let mut variants = BTreeSet::new();
    for e in errors() {
        assert_eq!(e.to_string(), e.message(Locale::En));
        variants.insert(variant(&e));
        codes.insert(check(&e, variant(&e)));
    }
    for p in problems() {
        variants.insert(problem_variant(&p));
        codes.insert(check(&p, problem_variant(&p)));
    }
    for c in cases() {
        variants.insert(case_variant(&c));
        codes.insert(check(&c, case_variant(&c)));
    }
    for c in conflicts() {
        variants.insert(conflict_variant(c.kind));
        codes.insert(check(&c, conflict_variant(c.kind)));
    }
    // 19 error variants (four of them for PESEL and EGN: 23 codes), 9
    // configuration problems, 5 consolidation cases, 3 conflict kinds.
    assert_eq!(variants.len(), 19 + 9 + 5 + 3, "{variants:?}");
    assert_eq!(codes.len(), 23 + 9 + 5 + 3, "{codes:?}");
    assert!(codes.iter().all(|c| c.starts_with("login.")), "{codes:?}");
}
