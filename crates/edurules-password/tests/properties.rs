//! Properties: what `check` accepts under the seed satisfies every seed rule,
//! and `change_password` never accepts one of the last N.

use edurules_password::{
    CharClass, Password, PasswordError, PasswordPolicy, UserContext, change_password, check,
    issue_account,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::common::{cheap_seed, t0};

fn candidate() -> impl Strategy<Value = String> {
    // ASCII, Polish and Bulgarian letters, digits, specials, ligatures, full-width forms.
    proptest::collection::vec(
        prop_oneof![
            proptest::char::range('a', 'z'),
            proptest::char::range('A', 'Z'),
            proptest::char::range('0', '9'),
            proptest::sample::select(vec![
                '!', '#', ' ', '-', 'ą', 'Ż', 'ł', 'Ж', 'щ', '\u{FB01}', 'Ａ', '１', '漢'
            ]),
        ],
        0..16,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn accepted_by_seed_means_every_seed_rule_holds(s in candidate()) {
        let policy = PasswordPolicy::opolska_eszkola();
        let accepted = check(&policy, &Password::new(s.as_str()), &UserContext::default()).is_ok();
        let n: String = s.nfkc().collect();
        let classes: Vec<CharClass> = n.chars().map(CharClass::of).collect();
        let rules = n.chars().count() >= 8
            && classes.contains(&CharClass::Upper)
            && classes.contains(&CharClass::Lower)
            && (classes.contains(&CharClass::Digit) || classes.contains(&CharClass::Special));
        prop_assert_eq!(accepted, rules);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn change_never_accepts_one_of_the_last_n(
        changes in 1_usize..7,
        pick in 0_usize..7,
        depth in 1_u32..6,
    ) {
        let mut policy = cheap_seed();
        policy.history_depth = depth;
        let user = UserContext::default();
        let name = |i: usize| Password::new(format!("Haslo-{i}x"));
        let mut state = issue_account(&policy, &name(0), t0()).unwrap();
        for i in 1..=changes {
            state = change_password(&policy, &state, &name(i - 1), &name(i), &user, t0()).unwrap();
        }
        let pick = pick.min(changes);
        // The current password is `changes`; `pick` is the (changes - pick + 1)-th most recent.
        let position = u32::try_from(changes - pick + 1).unwrap();
        let result = change_password(&policy, &state, &name(changes), &name(pick), &user, t0());
        if position <= depth {
            prop_assert_eq!(result.unwrap_err(), PasswordError::Reused { position, depth });
        } else {
            prop_assert!(result.is_ok());
        }
    }
}
