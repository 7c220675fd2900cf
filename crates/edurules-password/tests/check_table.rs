//! The table of check cases in `tests/data/check_cases.json`.

use edurules_password::{Password, PasswordPolicy, UserContext, Violation, check};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    #[allow(dead_code)]
    about: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    source: String,
    preset: String,
    password: String,
    #[serde(default)]
    user: UserContext,
    expect: Vec<String>,
}

fn preset(name: &str) -> PasswordPolicy {
    match name {
        "opolska_eszkola" => PasswordPolicy::opolska_eszkola(),
        "nist_800_63b" => PasswordPolicy::nist_800_63b(),
        "sio_2022" => PasswordPolicy::sio_2022(),
        other => panic!("unknown preset {other}"),
    }
}

#[test]
fn check_cases_from_the_table() {
    let table: Table = serde_json::from_str(include_str!("data/check_cases.json")).unwrap();
    assert!(table.cases.len() >= 20);
    for case in &table.cases {
        let got: Vec<&str> = match check(
            &preset(&case.preset),
            &Password::new(case.password.as_str()),
            &case.user,
        ) {
            Ok(()) => vec![],
            Err(v) => v.iter().map(Violation::code).collect(),
        };
        assert_eq!(got, case.expect, "{} ({:?})", case.source, case.password);
    }
}

#[test]
fn seed_all_violations_with_parameters() {
    let v = check(
        &PasswordPolicy::opolska_eszkola(),
        &Password::new("abcdef"),
        &UserContext::default(),
    )
    .unwrap_err();
    assert_eq!(v.len(), 3);
    assert_eq!(v[0], Violation::TooShort { min: 8, actual: 6 });
    let json = serde_json::to_value(&v[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"code": "password.too_short", "min": 8, "actual": 6})
    );
}

#[test]
fn zxcvbn_score_rule_and_context() {
    let mut p = PasswordPolicy::opolska_eszkola();
    p.min_zxcvbn_score = Some(3);
    let user = UserContext::default().with_extra_word("Opolska eSzkoła");
    let v = check(&p, &Password::new("Password1"), &user).unwrap_err();
    assert_eq!(
        v.iter().map(Violation::code).collect::<Vec<_>>(),
        ["password.too_weak"]
    );
    assert!(check(&p, &Password::new("Kreda-Tablica-Dzwonek-77"), &user).is_ok());
}

#[test]
fn long_adversarial_input_is_checked_with_a_capped_zxcvbn() {
    let mut p = PasswordPolicy::nist_800_63b();
    p.min_zxcvbn_score = Some(4);
    // 128 punctuation characters: zxcvbn sees only the first 20.
    let s: String = "!@#$%^&*()_+-=[]{};':\",./<>?`~\\|"
        .chars()
        .cycle()
        .take(128)
        .collect();
    let r = check(&p, &Password::new(s), &UserContext::default());
    assert!(
        r.is_ok()
            || r.unwrap_err()
                .iter()
                .all(|v| v.code() == "password.too_weak")
    );
}

#[test]
fn violations_never_carry_the_password() {
    let secret = "jkowalski";
    let user = UserContext::default().with_login("jkowalski");
    let v = check(
        &PasswordPolicy::nist_800_63b(),
        &Password::new(secret),
        &user,
    )
    .unwrap_err();
    let text = format!("{v:?} {}", serde_json::to_string(&v).unwrap());
    assert!(!text.contains(secret), "{text}");
}
