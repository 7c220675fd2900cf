//! Rotation at the seed's 60 days: day 59, 60, 61.

use chrono::TimeDelta;
use edurules_password::{
    MustChangeReason, Password, PasswordPolicy, PasswordStatus, UserContext, change_password,
    issue_account, status,
};

use crate::common::{cheap_seed, t0};

#[test]
fn seed_day_59_60_61() {
    let p = cheap_seed();
    let issued = issue_account(&p, &Password::new("Start-2026"), t0()).unwrap();
    assert_eq!(
        status(&p, &issued, t0()),
        PasswordStatus::MustChange {
            reason: MustChangeReason::FirstLogin
        }
    );
    let s = change_password(
        &p,
        &issued,
        &Password::new("Start-2026"),
        &Password::new("Wrzesien-26"),
        &UserContext::default(),
        t0(),
    )
    .unwrap();
    let expires = t0() + TimeDelta::days(60);
    assert_eq!(
        status(&p, &s, t0() + TimeDelta::days(52)),
        PasswordStatus::Valid {
            expires_at: Some(expires)
        }
    );
    assert_eq!(
        status(&p, &s, t0() + TimeDelta::days(59)),
        PasswordStatus::ExpiringSoon {
            expires_at: expires,
            days_left: 1
        }
    );
    assert_eq!(
        status(&p, &s, t0() + TimeDelta::days(60)),
        PasswordStatus::Expired {
            expired_at: expires
        }
    );
    assert_eq!(
        status(&p, &s, t0() + TimeDelta::days(61)),
        PasswordStatus::Expired {
            expired_at: expires
        }
    );
    assert!(status(&p, &s, t0() + TimeDelta::days(61)).requires_change());
}

#[test]
fn nist_never_expires() {
    let mut p = PasswordPolicy::nist_800_63b();
    p.hashing = cheap_seed().hashing;
    let s = issue_account(&p, &Password::new("a long enough passphrase"), t0()).unwrap();
    assert_eq!(
        status(&p, &s, t0() + TimeDelta::days(10_000)),
        PasswordStatus::Valid { expires_at: None }
    );
}

#[test]
fn sio_expires_after_90_days() {
    let mut p = PasswordPolicy::sio_2022();
    p.hashing = cheap_seed().hashing;
    let mut s = issue_account(&p, &Password::new("Start#Haslo#SIO"), t0()).unwrap();
    s.must_change = None;
    assert!(matches!(
        status(&p, &s, t0() + TimeDelta::days(89)),
        PasswordStatus::ExpiringSoon { .. }
    ));
    assert!(matches!(
        status(&p, &s, t0() + TimeDelta::days(90)),
        PasswordStatus::Expired { .. }
    ));
}
