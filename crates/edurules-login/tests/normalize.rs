//! `normalize`, `classify` and `Login`, table-driven from `tests/data/rejections.json`.

use edurules_login::{Login, LoginError, LoginKind, classify, normalize};

use crate::support::data;

#[test]
fn accepted_inputs_give_the_canonical_login() {
    let table = data("rejections.json");
    for case in table["accepted"].as_array().unwrap() {
        let input = case["input"].as_str().unwrap();
        let login = normalize(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(login.as_str(), case["login"].as_str().unwrap(), "{input:?}");
    }
}

/// The character, position and suggestion an error names, whatever its kind.
fn details(e: &LoginError) -> (Option<char>, Option<usize>, Option<char>) {
    match e {
        LoginError::InnerWhitespace { position, .. } => (None, Some(*position), None),
        LoginError::PolishLetter {
            character,
            position,
            suggestion,
            ..
        }
        | LoginError::AccentedLetter {
            character,
            position,
            suggestion,
            ..
        } => (Some(*character), Some(*position), Some(*suggestion)),
        LoginError::Lookalike {
            character,
            position,
            looks_like,
            ..
        } => (Some(*character), Some(*position), Some(*looks_like)),
        LoginError::ForbiddenCharacter {
            character,
            position,
            ..
        }
        | LoginError::CombiningMark {
            character,
            position,
            ..
        }
        | LoginError::InvisibleCharacter {
            character,
            position,
            ..
        } => (Some(*character), Some(*position), None),
        _ => (None, None, None),
    }
}

#[test]
fn every_rejection_kind_names_the_character_position_and_reason() {
    let table = data("rejections.json");
    let mut codes = std::collections::BTreeSet::new();
    for case in table["rejected"].as_array().unwrap() {
        let input = case["input"].as_str().unwrap();
        let err = normalize(input).expect_err(input);
        assert_eq!(
            err.code(),
            case["code"].as_str().unwrap(),
            "{input:?}: {err}"
        );
        let (character, position, suggestion) = details(&err);
        if let Some(p) = case.get("position") {
            assert_eq!(
                position,
                Some(usize::try_from(p.as_u64().unwrap()).unwrap()),
                "{input:?}"
            );
        }
        if let Some(c) = case.get("character") {
            assert_eq!(character, c.as_str().unwrap().chars().next(), "{input:?}");
        }
        if let Some(s) = case.get("suggestion") {
            assert_eq!(suggestion, s.as_str().unwrap().chars().next(), "{input:?}");
        }
        codes.insert(err.code());
    }
    // Every kind of rejection normalize can give is in the table.
    assert_eq!(codes.len(), 10, "{codes:?}");
}

#[test]
fn classify_separates_the_seed_examples() {
    assert_eq!(classify("JANKOW1"), LoginKind::Canonical);
    assert_eq!(classify("JANKOW9"), LoginKind::Canonical);
    assert_eq!(classify("JanKow5"), LoginKind::LegacyMixedCase);
    let LoginKind::Invalid(reason) = classify("JanKów5") else {
        panic!("expected invalid")
    };
    assert_eq!(reason.code(), "login.polish_letter");
    let LoginKind::Invalid(reason) = classify("JK") else {
        panic!("expected invalid")
    };
    assert_eq!(reason.code(), "login.too_short");
}

#[test]
fn login_round_trips_through_display_from_str_and_serde() {
    let login: Login = "JanKow5".parse().unwrap();
    assert_eq!(login.to_string(), "JANKOW5");
    assert_eq!(login.to_string().parse::<Login>().unwrap(), login);
    let json = serde_json::to_string(&login).unwrap();
    assert_eq!(serde_json::from_str::<Login>(&json).unwrap(), login);
    assert!(serde_json::from_str::<Login>(r#""jankow5""#).is_err());
}

#[test]
fn logins_order_and_hash_by_their_text() {
    let mut v: Vec<Login> = ["JANKOW9", "ANNNOW1", "JANKOW1"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    v.sort();
    let texts: Vec<&str> = v.iter().map(Login::as_str).collect();
    assert_eq!(texts, ["ANNNOW1", "JANKOW1", "JANKOW9"]);
    let set: std::collections::HashSet<Login> = ["jankow1", "JANKOW1"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(set.len(), 1);
}

#[test]
fn nfkc_compatibility_forms_fold_to_their_ascii_letters_and_digits() {
    // Decided and documented in the README ("What NFKC folds"): compatibility
    // variants of A-Z/0-9 are the same letters and digits in another
    // presentation, so they fold; nothing from another alphabet does.
    for (input, login) in [
        ("JANKOW²", "JANKOW2"),
        ("JANKOW①", "JANKOW1"),
        ("JAN①⓪", "JAN10"),
        ("ﬁLIP1", "FILIP1"),
        ("JANⅫ", "JANXII"),
        ("𝐉𝐀𝐍𝐊𝐎𝐖𝟏", "JANKOW1"),
        ("ＪＡＮ㉑", "JAN21"),
        ("JAN㎏", "JANKG"),
        ("JAN⑩", "JAN10"),
    ] {
        assert_eq!(normalize(input).unwrap().as_str(), login, "{input:?}");
    }
    // An expansion counts in the length of the canonical login.
    assert_eq!(normalize("ﬁ").unwrap_err().code(), "login.too_short");
    assert_eq!(normalize("Ⅻ").unwrap().as_str(), "XII");
    // Folding that would leave something outside A-Z0-9 is a rejection of the
    // character as typed, at its own position.
    let err = normalize("JAN½1").unwrap_err();
    assert!(
        matches!(
            err,
            LoginError::ForbiddenCharacter {
                character: '½',
                position: 4,
                ..
            }
        ),
        "{err:?}"
    );
    let err = normalize("ﬁ⒈X").unwrap_err();
    assert!(
        matches!(
            err,
            LoginError::ForbiddenCharacter {
                character: '⒈',
                position: 2,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn combining_marks_are_reported_as_the_letter_the_reader_sees() {
    // `Z` + U+0307 is how a decomposed (NFD, e.g. pasted from macOS) `Ż` arrives.
    let err = normalize("JANZ\u{307}OL").unwrap_err();
    assert!(
        matches!(
            err,
            LoginError::PolishLetter {
                character: 'Ż',
                suggestion: 'Z',
                position: 4,
                ..
            }
        ),
        "{err:?}"
    );
    let err = normalize("RENE\u{301}E1").unwrap_err();
    assert!(
        matches!(
            err,
            LoginError::AccentedLetter {
                character: 'É',
                suggestion: 'E',
                position: 4,
                ..
            }
        ),
        "{err:?}"
    );
    // A mark with nothing to sit on, or one that composes with nothing.
    let err = normalize("\u{301}ABC").unwrap_err();
    assert!(
        matches!(
            err,
            LoginError::CombiningMark {
                code_point: 0x301,
                position: 1,
                ..
            }
        ),
        "{err:?}"
    );
    let err = normalize("ABQ\u{30C}").unwrap_err();
    assert!(
        matches!(
            err,
            LoginError::CombiningMark {
                code_point: 0x30C,
                position: 4,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.message(edurules_login::Locale::En).contains("U+030C"));
}

#[test]
fn zero_width_and_other_invisible_characters_are_named_invisible() {
    for (input, code_point, position) in [
        ("JAN\u{200B}KOW1", 0x200B, 4),
        ("\u{FEFF}JANKOW1", 0xFEFF, 1),
        ("JAN\u{AD}KOW1", 0xAD, 4),
        ("JANKOW1\u{200D}", 0x200D, 8),
        ("JAN\u{2060}KOW", 0x2060, 4),
        ("JANKOW\u{FE0F}1", 0xFE0F, 7),
    ] {
        let err = normalize(input).unwrap_err();
        assert_eq!(err.code(), "login.invisible_character", "{input:?}");
        assert!(
            matches!(err, LoginError::InvisibleCharacter { code_point: c, position: p, .. } if c == code_point && p == position),
            "{input:?}: {err:?}"
        );
        assert!(
            err.to_string().contains(&format!("U+{code_point:04X}")),
            "{err}"
        );
        // classify (stored logins, no trimming) gives the same reason.
        assert_eq!(classify(input), LoginKind::Invalid(err), "{input:?}");
    }
}

#[test]
fn normalize_is_idempotent_on_tricky_inputs() {
    for input in [
        "ＪａｎＫｏｗ１",
        "JANKOW²",
        "ﬁLIP1",
        "JANⅫ",
        " jankow1 ",
        "𝐉𝐀𝐍𝐊𝐎𝐖𝟏",
    ] {
        let once = normalize(input).unwrap();
        assert_eq!(normalize(once.as_str()).unwrap(), once, "{input:?}");
        assert_eq!(classify(once.as_str()), LoginKind::Canonical, "{input:?}");
    }
}
