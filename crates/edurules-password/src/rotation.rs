//! Rotation: the state of an account's password and its status at an instant.

use chrono::{DateTime, TimeDelta, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::hash::StoredHash;
use edurules_locale::nouns::DAY;
use edurules_locale::{Message, SchoolZone};

use crate::locale::Locale;
use crate::policy::PasswordPolicy;

/// Why a password must be changed now, whatever its age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MustChangeReason {
    /// The account was just issued and the policy asks for a change at the first session.
    FirstLogin,
    /// An administrator set a temporary password (at the owner's request).
    AdminReset,
}

/// What is stored about an account's password: hashes only.
///
/// # Example
/// ```
/// use chrono::{TimeZone, Utc};
/// use edurules_password::{issue_account, HashParams, MustChangeReason, Password, PasswordPolicy};
/// let mut policy = PasswordPolicy::opolska_eszkola();
/// policy.hashing = HashParams::INSECURE_FAST;
/// let now = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
/// let state = issue_account(&policy, &Password::new("Start-2026"), now).unwrap();
/// assert_eq!(state.must_change, Some(MustChangeReason::FirstLogin));
/// assert!(state.previous.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AccountState {
    /// The hash of the current password.
    pub current: StoredHash,
    /// Hashes of earlier passwords, most recent first, at most
    /// `history_depth − 1` of them (the current one is the first of the "last N").
    #[serde(default)]
    pub previous: Vec<StoredHash>,
    /// When the current password was set.
    pub changed_at: DateTime<Utc>,
    /// A change required regardless of age.
    #[serde(default)]
    pub must_change: Option<MustChangeReason>,
}

impl AccountState {
    /// The state of an account whose current password is `current`, set at
    /// `changed_at`, with no earlier hashes and no forced change (add them
    /// with the public fields).
    ///
    /// # Example
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use edurules_password::{AccountState, Normalization, StoredHash};
    /// let h = StoredHash::new("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY", Normalization::Nfkc)?;
    /// let state = AccountState::new(h, Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap());
    /// assert!(state.previous.is_empty() && state.must_change.is_none());
    /// # Ok::<(), edurules_password::PasswordError>(())
    /// ```
    #[must_use]
    pub fn new(current: StoredHash, changed_at: DateTime<Utc>) -> Self {
        Self {
            current,
            previous: Vec::new(),
            changed_at,
            must_change: None,
        }
    }
}

/// The status of a password at an instant.
///
/// # Example
/// ```
/// use edurules_locale::SchoolZone;
/// use edurules_password::{Locale, PasswordStatus};
/// let s = PasswordStatus::Valid { expires_at: None, zone: SchoolZone::EuropeWarsaw };
/// assert_eq!(s.code(), "password.valid");
/// assert_eq!(s.message(Locale::Pl), "Hasło jest ważne bezterminowo.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PasswordStatus {
    /// Usable; expires at `expires_at` (`None`: no rotation).
    Valid {
        /// When it expires.
        expires_at: Option<DateTime<Utc>>,
        /// The school's time zone (the policy's `time_zone`), in which the
        /// message shows the instant.
        #[serde(default = "crate::policy::default_time_zone")]
        zone: SchoolZone,
    },
    /// Usable, but expires within the policy's warning window.
    ExpiringSoon {
        /// When it expires.
        expires_at: DateTime<Utc>,
        /// Days left, rounded up (1 = less than a day).
        days_left: u32,
        /// The school's time zone (the policy's `time_zone`).
        #[serde(default = "crate::policy::default_time_zone")]
        zone: SchoolZone,
    },
    /// Expired: the user must change it before doing anything else.
    Expired {
        /// When it expired.
        expired_at: DateTime<Utc>,
        /// The school's time zone (the policy's `time_zone`).
        #[serde(default = "crate::policy::default_time_zone")]
        zone: SchoolZone,
    },
    /// Must be changed now (first login, administrator reset).
    MustChange {
        /// Why.
        reason: MustChangeReason,
    },
}

impl PasswordStatus {
    /// Whether the user must change the password before going on.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{MustChangeReason, PasswordStatus};
    /// assert!(PasswordStatus::MustChange { reason: MustChangeReason::AdminReset }.requires_change());
    /// # let zone = edurules_locale::SchoolZone::EuropeWarsaw;
    /// assert!(!PasswordStatus::Valid { expires_at: None, zone }.requires_change());
    /// ```
    #[must_use]
    pub fn requires_change(&self) -> bool {
        matches!(
            self,
            PasswordStatus::Expired { .. } | PasswordStatus::MustChange { .. }
        )
    }

    /// The stable machine code, e.g. `password.expiring_soon`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{MustChangeReason, PasswordStatus};
    /// assert_eq!(PasswordStatus::MustChange { reason: MustChangeReason::FirstLogin }.code(), "password.must_change");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PasswordStatus::Valid { .. } => "password.valid",
            PasswordStatus::ExpiringSoon { .. } => "password.expiring_soon",
            PasswordStatus::Expired { .. } => "password.expired",
            PasswordStatus::MustChange { .. } => "password.must_change",
        }
    }

    /// The status in words for the user, instants on the school's clock
    /// (`zone`, from the policy's `time_zone`).
    ///
    /// # Example
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use edurules_locale::SchoolZone;
    /// use edurules_password::{Locale, PasswordStatus};
    /// let at = Utc.with_ymd_and_hms(2026, 10, 31, 8, 0, 0).unwrap();
    /// let s = PasswordStatus::ExpiringSoon { expires_at: at, days_left: 3, zone: SchoolZone::EuropeWarsaw };
    /// assert_eq!(s.message(Locale::En), "The password expires on 31 October 2026, 09:00 (in 3 days). Change it soon.");
    /// assert_eq!(s.message(Locale::Pl), "Hasło wygasa 31 października 2026 r., 09:00 (za 3 dni). Zmień je wkrótce.");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        match self {
            PasswordStatus::Valid {
                expires_at: None, ..
            } => l
                .pick(
                    "Hasło jest ważne bezterminowo.",
                    "Паролата е валидна безсрочно.",
                    "The password does not expire.",
                )
                .to_owned(),
            PasswordStatus::Valid {
                expires_at: Some(t),
                zone,
            } => {
                let t = l.date_time(*t, *zone);
                l.pick(
                    format!("Hasło jest ważne do {t}."),
                    format!("Паролата е валидна до {t}."),
                    format!("The password is valid until {t}."),
                )
            }
            PasswordStatus::ExpiringSoon {
                expires_at,
                days_left,
                zone,
            } => {
                let (t, left) = (
                    l.date_time(*expires_at, *zone),
                    l.count((*days_left).into(), DAY),
                );
                l.pick(
                    format!("Hasło wygasa {t} (za {left}). Zmień je wkrótce."),
                    format!("Паролата изтича на {t} (след {left}). Сменете я скоро."),
                    format!("The password expires on {t} (in {left}). Change it soon."),
                )
            }
            PasswordStatus::Expired { expired_at, zone } => {
                let t = l.date_time(*expired_at, *zone);
                l.pick(
                    format!("Hasło wygasło {t}. Należy je zmienić."),
                    format!("Паролата изтече на {t}. Трябва да я смените."),
                    format!("The password expired on {t}. It must be changed."),
                )
            }
            PasswordStatus::MustChange {
                reason: MustChangeReason::FirstLogin,
            } => l
                .pick(
                    "To pierwsze logowanie: należy zmienić hasło.",
                    "Това е първото влизане: трябва да смените паролата.",
                    "This is the first login: the password must be changed.",
                )
                .to_owned(),
            PasswordStatus::MustChange {
                reason: MustChangeReason::AdminReset,
            } => l
                .pick(
                    "Hasło ustawił administrator: należy je zmienić.",
                    "Паролата е зададена от администратор: трябва да я смените.",
                    "The password was set by an administrator: it must be changed.",
                )
                .to_owned(),
        }
    }
}

impl Message for PasswordStatus {
    fn code(&self) -> &'static str {
        PasswordStatus::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        PasswordStatus::message(self, locale)
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

fn days(n: u32) -> Option<TimeDelta> {
    TimeDelta::try_days(i64::from(n))
}

/// The status of the account's password at `now`.
///
/// A password changed at `t` with `max_age_days = D` expires at exactly
/// `t + D × 24 h` (UTC instants, no calendar or time-zone rounding): before
/// that instant it is valid, from that instant on it is expired. With the
/// seed's 60 days: day 59 is valid (expiring soon), day 60 and 61 expired.
/// "Expiring soon" starts at `expires_at − expiry_warning_days × 24 h`.
/// A required change (first login when the policy asks for it, an
/// administrator reset) comes before everything else.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use edurules_password::{status, AccountState, Normalization, PasswordPolicy, PasswordStatus, StoredHash};
/// let policy = PasswordPolicy::opolska_eszkola();
/// let changed = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
/// let state = AccountState::new(
///     StoredHash::new("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY", Normalization::Nfkc).unwrap(),
///     changed,
/// );
/// assert!(matches!(status(&policy, &state, changed + Duration::days(10)), PasswordStatus::Valid { .. }));
/// assert!(matches!(status(&policy, &state, changed + Duration::days(59)), PasswordStatus::ExpiringSoon { days_left: 1, .. }));
/// assert!(matches!(status(&policy, &state, changed + Duration::days(60)), PasswordStatus::Expired { .. }));
/// ```
#[must_use]
pub fn status(policy: &PasswordPolicy, state: &AccountState, now: DateTime<Utc>) -> PasswordStatus {
    match state.must_change {
        Some(MustChangeReason::AdminReset) => {
            return PasswordStatus::MustChange {
                reason: MustChangeReason::AdminReset,
            };
        }
        Some(MustChangeReason::FirstLogin) if policy.change_at_first_login => {
            return PasswordStatus::MustChange {
                reason: MustChangeReason::FirstLogin,
            };
        }
        _ => {}
    }
    let zone = policy.time_zone;
    let Some(max_age) = policy.max_age_days else {
        return PasswordStatus::Valid {
            expires_at: None,
            zone,
        };
    };
    let Some(expires_at) = days(max_age).and_then(|d| state.changed_at.checked_add_signed(d))
    else {
        return PasswordStatus::Valid {
            expires_at: None,
            zone,
        };
    };
    if now >= expires_at {
        return PasswordStatus::Expired {
            expired_at: expires_at,
            zone,
        };
    }
    let warn_from = days(policy.expiry_warning_days)
        .and_then(|d| expires_at.checked_sub_signed(d))
        .unwrap_or(expires_at);
    if now >= warn_from {
        // Whole seconds left, a started second counted whole: 0.5 s before
        // the expiry is 1 day left, never 0.
        let left = expires_at - now;
        let seconds = left
            .num_seconds()
            .saturating_add(i64::from(left.subsec_nanos() > 0));
        let days_left = seconds.saturating_add(SECONDS_PER_DAY - 1) / SECONDS_PER_DAY;
        return PasswordStatus::ExpiringSoon {
            expires_at,
            days_left: u32::try_from(days_left).unwrap_or(u32::MAX),
            zone,
        };
    }
    PasswordStatus::Valid {
        expires_at: Some(expires_at),
        zone,
    }
}

/// The first instant at which the user may change the password again under
/// the policy's minimum age (`None`: any time).
#[cfg_attr(
    not(feature = "hash"),
    allow(dead_code, reason = "used by hashing (the `hash` feature)")
)]
pub(crate) fn change_allowed_from(
    policy: &PasswordPolicy,
    state: &AccountState,
) -> Option<DateTime<Utc>> {
    if state.must_change.is_some() {
        return None;
    }
    let min_age = policy.min_age_days?;
    days(min_age).and_then(|d| state.changed_at.checked_add_signed(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn state(changed_at: DateTime<Utc>) -> AccountState {
        AccountState {
            current: StoredHash::new(
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
                crate::Normalization::Nfkc,
            )
            .unwrap(),
            previous: vec![],
            changed_at,
            must_change: None,
        }
    }

    #[test]
    fn day_60_boundary_to_the_second() {
        let p = PasswordPolicy::opolska_eszkola();
        let t = Utc.with_ymd_and_hms(2026, 3, 20, 23, 30, 0).unwrap();
        let s = state(t);
        let expires = t + TimeDelta::days(60);
        assert_eq!(
            status(&p, &s, expires - TimeDelta::seconds(1)),
            PasswordStatus::ExpiringSoon {
                expires_at: expires,
                days_left: 1,
                zone: SchoolZone::EuropeWarsaw,
            }
        );
        assert_eq!(
            status(&p, &s, expires),
            PasswordStatus::Expired {
                expired_at: expires,
                zone: SchoolZone::EuropeWarsaw,
            }
        );
    }

    #[test]
    fn less_than_a_second_left_is_one_day_left() {
        let p = PasswordPolicy::opolska_eszkola();
        let t = Utc.with_ymd_and_hms(2026, 3, 20, 23, 30, 0).unwrap();
        let expires = t + TimeDelta::days(60);
        for (before, days_left) in [
            (TimeDelta::milliseconds(500), 1),
            (TimeDelta::nanoseconds(1), 1),
            (TimeDelta::days(1), 1),
            (TimeDelta::days(1) + TimeDelta::milliseconds(500), 2),
            (TimeDelta::days(3) + TimeDelta::nanoseconds(1), 4),
        ] {
            assert_eq!(
                status(&p, &state(t), expires - before),
                PasswordStatus::ExpiringSoon {
                    expires_at: expires,
                    days_left,
                    zone: SchoolZone::EuropeWarsaw,
                },
                "{before:?} before the expiry"
            );
        }
    }

    #[test]
    fn warning_window_starts_exactly() {
        let p = PasswordPolicy::opolska_eszkola();
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let s = state(t);
        let expires = t + TimeDelta::days(60);
        assert_eq!(
            status(&p, &s, t + TimeDelta::days(53) - TimeDelta::seconds(1)),
            PasswordStatus::Valid {
                expires_at: Some(expires),
                zone: SchoolZone::EuropeWarsaw,
            }
        );
        assert_eq!(
            status(&p, &s, t + TimeDelta::days(53)),
            PasswordStatus::ExpiringSoon {
                expires_at: expires,
                days_left: 7,
                zone: SchoolZone::EuropeWarsaw,
            }
        );
    }

    #[test]
    fn first_login_only_when_policy_asks() {
        let mut p = PasswordPolicy::nist_800_63b();
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut s = state(t);
        s.must_change = Some(MustChangeReason::FirstLogin);
        assert_eq!(
            status(&p, &s, t),
            PasswordStatus::Valid {
                expires_at: None,
                zone: SchoolZone::EuropeWarsaw,
            }
        );
        p.change_at_first_login = true;
        assert!(status(&p, &s, t).requires_change());
    }
}
