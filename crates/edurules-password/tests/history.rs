//! History: "differs from the last 4", the 4th/5th boundary, and flags.

use edurules_password::{
    AccountState, Password, PasswordError, UserContext, admin_reset, change_password,
    issue_account, verify,
};

use crate::common::{cheap_seed, t0};

/// P1 issued, then changed to P2, P3, P4, P5: the current password is P5.
fn after_five() -> AccountState {
    let p = cheap_seed();
    let u = UserContext::default();
    let mut s = issue_account(&p, &Password::new("Haslo-P1"), t0()).unwrap();
    for i in 2..=5 {
        let old = Password::new(format!("Haslo-P{}", i - 1));
        let new = Password::new(format!("Haslo-P{i}"));
        s = change_password(&p, &s, &old, &new, &u, t0()).unwrap();
    }
    s
}

#[test]
fn the_last_four_include_the_current_one() {
    let p = cheap_seed();
    let u = UserContext::default();
    let s = after_five();
    assert_eq!(s.previous.len(), 3);
    let old = Password::new("Haslo-P5");
    // P5 (current) = 1st, P4 = 2nd, P3 = 3rd, P2 = 4th most recent: refused.
    for (candidate, position) in [
        ("Haslo-P5", 1),
        ("Haslo-P4", 2),
        ("Haslo-P3", 3),
        ("Haslo-P2", 4),
    ] {
        let e = change_password(&p, &s, &old, &Password::new(candidate), &u, t0()).unwrap_err();
        assert_eq!(
            e,
            PasswordError::Reused { position, depth: 4 },
            "{candidate}"
        );
    }
    // P1 is the 5th most recent: allowed again.
    let ok = change_password(&p, &s, &old, &Password::new("Haslo-P1"), &u, t0()).unwrap();
    assert!(verify(&ok.current, &Password::new("Haslo-P1")).is_ok());
    assert!(verify(&ok.previous[0], &Password::new("Haslo-P5")).is_ok());
}

#[test]
fn reuse_is_detected_through_nfkc() {
    let p = cheap_seed();
    let s = after_five();
    // Full-width form of the 2nd most recent password.
    let e = change_password(
        &p,
        &s,
        &Password::new("Haslo-P5"),
        &Password::new("Ｈａｓｌｏ-P4"),
        &UserContext::default(),
        t0(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        PasswordError::Reused {
            position: 2,
            depth: 4
        }
    );
}

#[test]
fn changing_clears_first_login_and_admin_reset() {
    let p = cheap_seed();
    let u = UserContext::default();
    let s = after_five();
    assert_eq!(s.must_change, None);
    let reset = admin_reset(&p, &s, &Password::new("Tymczas-01"), t0()).unwrap();
    // The password before the reset is still in the history.
    let e = change_password(
        &p,
        &reset,
        &Password::new("Tymczas-01"),
        &Password::new("Haslo-P5"),
        &u,
        t0(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        PasswordError::Reused {
            position: 2,
            depth: 4
        }
    );
    let fine = change_password(
        &p,
        &reset,
        &Password::new("Tymczas-01"),
        &Password::new("Haslo-P9"),
        &u,
        t0(),
    )
    .unwrap();
    assert_eq!(fine.must_change, None);
}

#[test]
fn rejected_new_password_lists_all_violations_after_old_is_verified() {
    let p = cheap_seed();
    let s = after_five();
    let e = change_password(
        &p,
        &s,
        &Password::new("Haslo-P5"),
        &Password::new("abc"),
        &UserContext::default(),
        t0(),
    )
    .unwrap_err();
    let PasswordError::Rejected { violations } = e else {
        panic!("{e:?}")
    };
    assert_eq!(violations.len(), 3);
}

#[test]
fn history_depth_zero_allows_keeping_the_password() {
    let mut p = cheap_seed();
    p.history_depth = 0;
    let s = issue_account(&p, &Password::new("Haslo-P1"), t0()).unwrap();
    let same = change_password(
        &p,
        &s,
        &Password::new("Haslo-P1"),
        &Password::new("Haslo-P1"),
        &UserContext::default(),
        t0(),
    )
    .unwrap();
    assert!(same.previous.is_empty());
}

#[test]
fn a_wrong_old_password_reveals_nothing_about_the_history() {
    let p = cheap_seed();
    let s = after_five();
    let u = UserContext::default();
    // The new one is an earlier password (2nd most recent), the old one is wrong.
    let e = change_password(
        &p,
        &s,
        &Password::new("Haslo-P9"),
        &Password::new("Haslo-P4"),
        &u,
        t0(),
    )
    .unwrap_err();
    assert_eq!(e, PasswordError::InvalidCredentials);
    // "Keep my password" typed with a wrong old password: still only that.
    let e = change_password(
        &p,
        &s,
        &Password::new("Haslo-P4"),
        &Password::new("Haslo-P4"),
        &u,
        t0(),
    )
    .unwrap_err();
    assert_eq!(e, PasswordError::InvalidCredentials);
}

#[test]
fn the_current_password_is_compared_on_the_plaintexts_after_nfkc() {
    let p = cheap_seed();
    let s = after_five();
    // Full-width form of the current password: the same after NFKC.
    let e = change_password(
        &p,
        &s,
        &Password::new("Haslo-P5"),
        &Password::new("Ｈａｓｌｏ-P5"),
        &UserContext::default(),
        t0(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        PasswordError::Reused {
            position: 1,
            depth: 4
        }
    );
}

#[test]
fn depth_one_refuses_only_the_current_password() {
    let mut p = cheap_seed();
    p.history_depth = 1;
    let s = after_five();
    let u = UserContext::default();
    let old = Password::new("Haslo-P5");
    let e = change_password(&p, &s, &old, &Password::new("Haslo-P5"), &u, t0()).unwrap_err();
    assert_eq!(
        e,
        PasswordError::Reused {
            position: 1,
            depth: 1
        }
    );
    // The 2nd most recent is outside a depth of 1; the kept history shrinks to 0.
    let ok = change_password(&p, &s, &old, &Password::new("Haslo-P4"), &u, t0()).unwrap();
    assert!(ok.previous.is_empty());
}
