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
            1 => proptest::sample::select(vec!['-', '\'', ' ', '1', 'é', '李', '\u{301}', '\u{200B}', 'ß', 'ѝ']),
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
    fn rejections_point_inside_the_input(input in "[ A-Za-z0-9\u{300}-\u{30F}\u{200B}\u{FEFF}ąŁАΟé.①²ﬁ]{0,12}") {
        use edurules_login::LoginError as E;
        if let Err(e) = normalize(&input) {
            let position = match &e {
                E::InnerWhitespace { position, .. }
                | E::PolishLetter { position, .. }
                | E::Lookalike { position, .. }
                | E::AccentedLetter { position, .. }
                | E::CombiningMark { position, .. }
                | E::InvisibleCharacter { position, .. }
                | E::ForbiddenCharacter { position, .. } => Some(*position),
                _ => None,
            };
            if let Some(p) = position {
                prop_assert!(p >= 1 && p <= input.chars().count(), "{input:?}: {e:?}");
            }
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

/// Legacy accounts: logins from a small alphabet so that case and skeleton
/// collisions happen, random activity and schools.
fn accounts() -> impl Strategy<Value = Vec<edurules_login::LegacyAccount>> {
    proptest::collection::vec(
        (
            "[JjAaNnKkOo01I]{3,6}",
            any::<bool>(),
            proptest::collection::btree_set("S[1-9]", 0..3),
        )
            .prop_map(|(login, active, entities)| {
                edurules_login::LegacyAccount::new(login, active, entities)
            }),
        0..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn consolidation_laws(mut accounts in accounts(), seed in any::<u64>()) {
        use edurules_login::{ConsolidationCase, LoginKind, classify, plan_consolidation};

        let plan = plan_consolidation(&accounts);
        // The union of the active accounts' schools, nothing else.
        let union: std::collections::BTreeSet<String> = accounts
            .iter()
            .filter(|a| a.active)
            .flat_map(|a| a.entities.iter().cloned())
            .collect();
        prop_assert_eq!(&plan.entities, &union);
        // Every candidate is an active canonical login; every retired one is an active non-canonical one.
        // A login listed twice counts once.
        let active: Vec<&str> = accounts
            .iter()
            .filter(|a| a.active)
            .map(|a| a.login.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let canonical = active.iter().filter(|l| classify(l) == LoginKind::Canonical).count();
        match &plan.case {
            ConsolidationCase::NoActiveLogins => prop_assert!(active.is_empty()),
            ConsolidationCase::KeepUnchanged { .. } => prop_assert_eq!(active.len(), 1),
            ConsolidationCase::ChooseAmongCanonical { candidates } => {
                prop_assert_eq!(candidates.len(), active.len());
                prop_assert!(candidates.len() >= 2);
            }
            ConsolidationCase::ChooseCanonicalOverLegacy { candidates } => {
                prop_assert_eq!(candidates.len(), canonical);
                prop_assert!(!plan.retire.is_empty());
            }
            ConsolidationCase::GenerateNew => prop_assert_eq!(canonical, 0),
            _ => prop_assert!(false, "unknown case"),
        }
        prop_assert_eq!(plan.retire.len() + canonical, active.len());
        // Logins equal ignoring case are always reported.
        for (i, a) in active.iter().enumerate() {
            for b in active.iter().skip(i + 1) {
                if a.eq_ignore_ascii_case(b) {
                    prop_assert!(plan.conflicts.iter().any(|c| c.logins.iter().any(|l| l == a) && c.logins.iter().any(|l| l == b)));
                }
            }
        }
        // Order does not matter.
        let n = accounts.len();
        if n > 1 {
            let k = usize::try_from(seed % u64::try_from(n).unwrap()).unwrap();
            accounts.rotate_left(k);
            accounts.swap(0, n - 1);
        }
        prop_assert_eq!(plan_consolidation(&accounts), plan);
    }
}
