//! Helpers shared by the test modules.

use chrono::{DateTime, TimeZone, Utc};
use edurules_password::{HashParams, PasswordPolicy};

/// The seed preset with cheap argon2 parameters (m = 256 KiB, t = 1).
pub(crate) fn cheap_seed() -> PasswordPolicy {
    let mut p = PasswordPolicy::opolska_eszkola();
    p.hashing = HashParams::INSECURE_FAST;
    p
}

/// 1 September 2026, 08:00 UTC.
pub(crate) fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap()
}
