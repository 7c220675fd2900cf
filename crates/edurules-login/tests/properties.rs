//! proptest: the laws the issue names.

use std::collections::HashSet;

use edurules_login::{LoginGenerator, SkeletonKey, normalize};
use proptest::prelude::*;

fn is_canonical(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Names mixing ASCII, Polish and Bulgarian letters, separators and noise.
fn name() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::char::range('a', 'z'),
            2 => proptest::sample::select("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".chars().collect::<Vec<_>>()),
            3 => proptest::sample::select("абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ".chars().collect::<Vec<_>>()),
            1 => proptest::sample::select(vec!['-', '\'', ' ', '1', 'é', '李']),
        ],
        0..12,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn normalize_output_is_canonical_and_idempotent(input in "\\PC{0,40}") {
        if let Ok(login) = normalize(&input) {
            prop_assert!(is_canonical(login.as_str()));
            prop_assert_eq!(normalize(login.as_str()).unwrap(), login);
        }
    }

    #[test]
    fn normalize_accepts_every_ascii_alphanumeric_login(input in "[A-Za-z0-9]{3,32}") {
        let login = normalize(&input).unwrap();
        prop_assert_eq!(login.as_str(), input.to_ascii_uppercase());
    }

    #[test]
    fn generated_logins_are_canonical_and_never_collide(
        people in proptest::collection::vec((name(), name()), 1..20),
        existing in proptest::collection::vec("[A-Za-z0-9]{3,8}", 0..50),
    ) {
        let generator = LoginGenerator::default();
        let mut directory: HashSet<SkeletonKey> =
            existing.iter().map(|l| SkeletonKey::of(l)).collect();
        for (given, surname) in &people {
            match generator.generate(given, surname, &directory) {
                Ok(login) => {
                    prop_assert!(is_canonical(login.as_str()));
                    prop_assert!((3..=32).contains(&login.len()));
                    // Never equal ignoring case, nor by skeleton, to anything in the directory.
                    prop_assert!(!existing.iter().any(|e| e.eq_ignore_ascii_case(login.as_str())));
                    prop_assert!(directory.insert(login.skeleton()));
                }
                Err(e) => prop_assert_eq!(e.code(), "login.name_unusable"),
            }
        }
    }
}
