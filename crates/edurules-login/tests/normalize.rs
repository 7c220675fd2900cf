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
    assert_eq!(codes.len(), 8, "{codes:?}");
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
