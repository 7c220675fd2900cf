//! Rotation at the seed's 60 days: day 59, 60, 61.

use chrono::TimeDelta;
use edurules_locale::SchoolZone;
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
            expires_at: Some(expires),
            zone: SchoolZone::EuropeWarsaw,
        }
    );
    assert_eq!(
        status(&p, &s, t0() + TimeDelta::days(59)),
        PasswordStatus::ExpiringSoon {
            expires_at: expires,
            days_left: 1,
            zone: SchoolZone::EuropeWarsaw,
        }
    );
    assert_eq!(
        status(&p, &s, t0() + TimeDelta::days(60)),
        PasswordStatus::Expired {
            expired_at: expires,
            zone: SchoolZone::EuropeWarsaw,
        }
    );
    assert_eq!(
        status(&p, &s, t0() + TimeDelta::days(61)),
        PasswordStatus::Expired {
            expired_at: expires,
            zone: SchoolZone::EuropeWarsaw,
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
        PasswordStatus::Valid {
            expires_at: None,
            zone: SchoolZone::EuropeWarsaw,
        }
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

/// The zone comes from the policy: a school in Sofia reads its own clock;
/// a configuration written before `time_zone` existed loads as Warsaw.
#[test]
fn status_times_are_on_the_policys_clock() {
    let mut p = cheap_seed();
    p.time_zone = SchoolZone::EuropeSofia;
    let mut s = issue_account(&p, &Password::new("Start-2026"), t0()).unwrap();
    s.must_change = None;
    let st = status(&p, &s, t0() + TimeDelta::days(61));
    assert_eq!(
        st,
        PasswordStatus::Expired {
            expired_at: t0() + TimeDelta::days(60),
            zone: SchoolZone::EuropeSofia,
        }
    );
    // 31 October 2026, 08:00 UTC = 10:00 in Sofia (winter time, UTC+2).
    assert_eq!(
        st.message(edurules_password::Locale::Bg),
        "Паролата изтече на 31 октомври 2026 г., 10:00. Трябва да я смените."
    );
    let old = PasswordPolicy::from_json(r#"{"min_length": 8, "max_length": 64}"#).unwrap();
    assert_eq!(old.time_zone, SchoolZone::EuropeWarsaw);
    let sofia = PasswordPolicy::from_json(
        r#"{"min_length": 8, "max_length": 64, "time_zone": "Europe/Sofia"}"#,
    )
    .unwrap();
    assert_eq!(sofia.time_zone, SchoolZone::EuropeSofia);
    assert!(
        PasswordPolicy::from_json(
            r#"{"min_length": 8, "max_length": 64, "time_zone": "Europe/Berlin"}"#
        )
        .is_err()
    );
}
