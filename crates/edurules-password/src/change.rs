//! Issuing an account, changing a password, an administrator's reset.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{DateTime, Utc};

use crate::check::{UserContext, check};
use crate::error::{ChangeError, PasswordError};
use crate::hash::{
    SALT_LEN, Scratch, StoredHash, hash_in, random_salt, verify_in, verify_with_limits,
};
use crate::policy::PasswordPolicy;
use crate::rotation::{AccountState, MustChangeReason, change_allowed_from};
use crate::secret::Password;

/// How many earlier hashes (besides the current one) the policy keeps.
fn kept_previous(policy: &PasswordPolicy) -> usize {
    usize::try_from(policy.history_depth.saturating_sub(1)).unwrap_or(usize::MAX)
}

/// The history after `state.current` is replaced: the old current first.
fn shifted_history(policy: &PasswordPolicy, state: &AccountState) -> Vec<StoredHash> {
    let keep = kept_previous(policy);
    std::iter::once(state.current.clone())
        .chain(state.previous.iter().cloned())
        .take(keep)
        .collect()
}

/// A new account with an initial password (made by the school's
/// administrator and handed over confidentially). The initial password is
/// not checked against the policy; when the policy asks for it, the account
/// must change it at the first login.
///
/// # Errors
/// [`PasswordError::InvalidPolicy`] for an invalid policy, [`PasswordError::Hashing`]
/// when the system's random source fails.
///
/// # Example
/// ```
/// use chrono::{TimeZone, Utc};
/// use edurules_password::{issue_account, status, HashParams, Password, PasswordPolicy};
/// let mut policy = PasswordPolicy::opolska_eszkola();
/// policy.hashing = HashParams::INSECURE_FAST;
/// let now = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
/// let state = issue_account(&policy, &Password::new("Start-2026"), now).unwrap();
/// assert!(status(&policy, &state, now).requires_change());
/// ```
pub fn issue_account(
    policy: &PasswordPolicy,
    initial: &Password,
    now: DateTime<Utc>,
) -> Result<AccountState, PasswordError> {
    policy.validate()?;
    Ok(AccountState {
        current: hash_in(
            &policy.hashing,
            initial,
            &random_salt()?,
            &mut Scratch::default(),
            &policy.limits,
        )?,
        previous: Vec::new(),
        changed_at: now,
        must_change: policy
            .change_at_first_login
            .then_some(MustChangeReason::FirstLogin),
    })
}

/// An administrator sets a temporary password (the seed, point 12: only at
/// the owner's request, after confirming the owner's identity — the caller's
/// duty). The old password goes into the history and the user must change
/// the temporary one at the next login.
///
/// # Errors
/// [`PasswordError::InvalidPolicy`] for an invalid policy, [`PasswordError::Hashing`]
/// when the system's random source fails.
///
/// # Example
/// ```
/// use chrono::{TimeZone, Utc};
/// use edurules_password::{admin_reset, issue_account, HashParams, MustChangeReason, Password, PasswordPolicy};
/// let mut policy = PasswordPolicy::opolska_eszkola();
/// policy.hashing = HashParams::INSECURE_FAST;
/// let now = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
/// let state = issue_account(&policy, &Password::new("Start-2026"), now).unwrap();
/// let reset = admin_reset(&policy, &state, &Password::new("Tymczasowe-1"), now).unwrap();
/// assert_eq!(reset.must_change, Some(MustChangeReason::AdminReset));
/// assert_eq!(reset.previous.len(), 1);
/// ```
pub fn admin_reset(
    policy: &PasswordPolicy,
    state: &AccountState,
    temporary: &Password,
    now: DateTime<Utc>,
) -> Result<AccountState, PasswordError> {
    policy.validate()?;
    Ok(AccountState {
        current: hash_in(
            &policy.hashing,
            temporary,
            &random_salt()?,
            &mut Scratch::default(),
            &policy.limits,
        )?,
        previous: shifted_history(policy, state),
        changed_at: now,
        must_change: Some(MustChangeReason::AdminReset),
    })
}

/// Changes a password: [`change_password_with_salt`] with a fresh random
/// salt from the operating system (the only thing it takes from outside its
/// arguments: no clock, no files, no network).
///
/// # Errors
/// As [`change_password_with_salt`], plus [`PasswordError::Hashing`] when the
/// random source fails.
///
/// # Example
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use edurules_password::*;
/// let mut policy = PasswordPolicy::opolska_eszkola();
/// policy.hashing = HashParams::INSECURE_FAST;
/// let t0 = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
/// let user = UserContext::default().with_login("jan.kowalski");
/// let state = issue_account(&policy, &Password::new("Start-2026"), t0).unwrap();
/// let t1 = t0 + Duration::minutes(5);
/// let state = change_password(&policy, &state, &Password::new("Start-2026"), &Password::new("Wrzesien-2026"), &user, t1).unwrap();
/// assert_eq!(state.must_change, None);
/// assert!(verify(&state.current, &Password::new("Wrzesien-2026")).is_ok());
/// let again = change_password(&policy, &state, &Password::new("Wrzesien-2026"), &Password::new("Start-2026"), &user, t1);
/// assert!(matches!(again, Err(PasswordError::Reused { position: 2, depth: 4 })));
/// ```
pub fn change_password(
    policy: &PasswordPolicy,
    state: &AccountState,
    old: &Password,
    new: &Password,
    user: &UserContext,
    now: DateTime<Utc>,
) -> Result<AccountState, ChangeError> {
    let salt = random_salt()?;
    change_password_with_salt(policy, state, old, new, user, now, &salt)
}

enum Job<'a> {
    VerifyOld,
    Earlier(u32, &'a StoredHash),
    HashNew,
}

enum Outcome {
    Old(Result<(), PasswordError>),
    Earlier(u32, Result<(), PasswordError>),
    New(Result<StoredHash, PasswordError>),
    /// Not started: its result could no longer change the answer.
    Skipped,
}

/// What the parallel jobs share: their inputs, and what they tell each
/// other so that none starts in vain.
struct Shared<'a> {
    policy: &'a PasswordPolicy,
    state: &'a AccountState,
    old: &'a Password,
    new: &'a Password,
    salt: &'a [u8; SALT_LEN],
    /// The old password did not verify: every job not yet started is skipped.
    old_failed: AtomicBool,
    /// An earlier hash matched: the new hash is not needed.
    reused: AtomicBool,
}

impl Shared<'_> {
    fn run(&self, job: &Job<'_>, scratch: &mut Scratch) -> Outcome {
        // Relaxed is enough: a flag read late costs one hash, never a wrong answer.
        let old_failed = self.old_failed.load(Ordering::Relaxed);
        match *job {
            // Always run: nothing is told to the caller unless it succeeds.
            Job::VerifyOld => {
                let result = verify_in(&self.state.current, self.old, scratch, &self.policy.limits);
                if result.is_err() {
                    self.old_failed.store(true, Ordering::Relaxed);
                }
                Outcome::Old(result)
            }
            Job::Earlier(..) if old_failed => Outcome::Skipped,
            Job::Earlier(position, hash) => {
                let result = verify_in(hash, self.new, scratch, &self.policy.limits);
                if result.is_ok() {
                    self.reused.store(true, Ordering::Relaxed);
                }
                Outcome::Earlier(position, result)
            }
            Job::HashNew if old_failed || self.reused.load(Ordering::Relaxed) => Outcome::Skipped,
            Job::HashNew => Outcome::New(hash_in(
                &self.policy.hashing,
                self.new,
                self.salt,
                scratch,
                &self.policy.limits,
            )),
        }
    }
}

/// Changes a password, deterministically given the salt of the new hash.
///
/// In order: the policy must be valid; then the old password is verified
/// against the current hash (a wrong one gives only
/// [`PasswordError::InvalidCredentials`]); the minimum age (unless a change is
/// required); every rule of [`check`]; the history: the new password must
/// differ from the `history_depth` most recently used ones, the current one
/// included (see [`PasswordPolicy`]; an earlier hash costlier than the
/// policy's [`Limits`](crate::Limits) allow to verify cannot be compared and is passed
/// over); then the new hash is made with the policy's parameters.
///
/// Cost: the new password is compared with the current one on the two
/// plaintexts (after NFKC), with no hash. A change refused by a cheap rule
/// (minimum age, policy, equal to the current password) costs one argon2
/// verification, of the old password. Otherwise verifying the old password,
/// checking the `history_depth − 1` earlier hashes and hashing the new one
/// (`history_depth + 1` argon2 computations) run in parallel on rayon's
/// pool, one worker per core taking the next job in turn and reusing one
/// argon2 working memory for all its jobs, so with `c` free cores the cost
/// is about ⌈(history_depth + 1) / c⌉ hashes. A job not yet started when its result
/// can no longer matter is skipped: all of them once the old password fails,
/// the new hash once an earlier hash matches.
///
/// Returns the new state: the new hash, the old one first in `previous`
/// (kept to `history_depth − 1`), `changed_at = now`, no required change.
///
/// # Errors
/// [`PasswordError::InvalidPolicy`], [`PasswordError::InvalidCredentials`],
/// [`PasswordError::TooSoon`], [`PasswordError::Rejected`] (all violations),
/// [`PasswordError::Reused`] (which of the last N), [`PasswordError::Hashing`].
///
/// # Example
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use edurules_password::*;
/// let mut policy = PasswordPolicy::opolska_eszkola();
/// policy.hashing = HashParams::INSECURE_FAST;
/// let t0 = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).unwrap();
/// let state = issue_account(&policy, &Password::new("Start-2026"), t0).unwrap();
/// let user = UserContext::default();
/// let ok = change_password_with_salt(&policy, &state, &Password::new("Start-2026"),
///     &Password::new("Nowe-Haslo-1"), &user, t0, b"0123456789abcdef").unwrap();
/// assert!(ok.current.phc().contains("$MDEyMzQ1Njc4OWFiY2RlZg$"));
/// let bad = change_password_with_salt(&policy, &state, &Password::new("Start-2026"),
///     &Password::new("krotkie"), &user, t0, b"0123456789abcdef");
/// assert!(matches!(bad, Err(PasswordError::Rejected { .. })));
/// ```
pub fn change_password_with_salt(
    policy: &PasswordPolicy,
    state: &AccountState,
    old: &Password,
    new: &Password,
    user: &UserContext,
    now: DateTime<Utc>,
    salt: &[u8; SALT_LEN],
) -> Result<AccountState, PasswordError> {
    policy.validate()?;
    // The old password is bounded before it is normalized for the comparison
    // below (verifying it would refuse it with the same error).
    old.check_raw_size(&policy.limits)?;

    // Cheap rules first; their errors are returned only to a caller who
    // knows the old password.
    let depth = policy.history_depth;
    let cheap = if let Some(from) = change_allowed_from(policy, state).filter(|from| now < *from) {
        Some(PasswordError::TooSoon {
            min_age_days: policy.min_age_days.unwrap_or(0),
            allowed_from: from,
            zone: policy.time_zone,
        })
    } else if let Err(violations) = check(policy, new, user) {
        Some(PasswordError::Rejected { violations })
    } else if depth >= 1 && old.nfkc() == new.nfkc() {
        // The current password is the 1st of the last `depth`: compared on
        // the plaintexts the caller gave, not by an argon2 verification.
        Some(PasswordError::Reused { position: 1, depth })
    } else {
        None
    };
    if let Some(error) = cheap {
        verify_with_limits(&policy.limits, &state.current, old)?;
        return Err(error);
    }

    let mut jobs = vec![Job::VerifyOld];
    jobs.extend(
        state
            .previous
            .iter()
            .take(kept_previous(policy))
            .zip(2_u32..)
            .map(|(h, position)| Job::Earlier(position, h)),
    );
    jobs.push(Job::HashNew);
    // One worker per core of rayon's pool, each with its own argon2 memory
    // (allocated once, not once per hash), taking the next job from a shared
    // counter in order: the old password first, the new hash last.
    let shared = Shared {
        policy,
        state,
        old,
        new,
        salt,
        old_failed: AtomicBool::new(false),
        reused: AtomicBool::new(false),
    };
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut scratch = Scratch::default();
        let mut mine = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            mine.push((index, shared.run(job, &mut scratch)));
        }
        mine
    };
    #[cfg(feature = "parallel")]
    let mut outcomes: Vec<(usize, Outcome)> = {
        use rayon::prelude::*;
        let workers = rayon::current_num_threads().clamp(1, jobs.len());
        (0..workers)
            .into_par_iter()
            .with_max_len(1)
            .flat_map_iter(|_| worker())
            .collect()
    };
    // Without `parallel`: the same jobs, in order, on the caller's thread.
    #[cfg(not(feature = "parallel"))]
    let mut outcomes: Vec<(usize, Outcome)> = worker();
    outcomes.sort_unstable_by_key(|(index, _)| *index);

    let mut reused: Option<u32> = None;
    let mut new_hash = None;
    for (_, outcome) in outcomes {
        match outcome {
            Outcome::Old(result) => result?,
            Outcome::Earlier(position, Ok(())) => {
                reused = Some(reused.map_or(position, |p| p.min(position)));
            }
            Outcome::Earlier(_, Err(PasswordError::InvalidCredentials)) => {}
            // An earlier hash that the limits refuse to verify (made under
            // costlier settings than they now allow) cannot be compared: it
            // is passed over. Refusing the change would leave the user with
            // no way out of a required change.
            Outcome::Earlier(_, Err(PasswordError::HashTooCostly { .. })) => {}
            Outcome::Earlier(_, Err(other)) => return Err(other),
            Outcome::New(result) => new_hash = Some(result?),
            Outcome::Skipped => {}
        }
    }
    if let Some(position) = reused {
        return Err(PasswordError::Reused { position, depth });
    }
    let current = new_hash.ok_or_else(|| PasswordError::Hashing {
        reason: "no hash computed".into(),
    })?;
    Ok(AccountState {
        current,
        previous: shifted_history(policy, state),
        changed_at: now,
        must_change: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::HashParams;
    use crate::hash::verify;
    use chrono::{TimeDelta, TimeZone};

    fn policy() -> PasswordPolicy {
        let mut p = PasswordPolicy::opolska_eszkola();
        p.hashing = HashParams::INSECURE_FAST;
        p
    }

    #[test]
    fn wrong_old_password_hides_other_errors() {
        let p = policy();
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let s = issue_account(&p, &Password::new("Start-2026"), t).unwrap();
        let e = change_password(
            &p,
            &s,
            &Password::new("wrong"),
            &Password::new("x"),
            &UserContext::default(),
            t,
        )
        .unwrap_err();
        assert_eq!(e, PasswordError::InvalidCredentials);
    }

    #[test]
    fn min_age_applies_except_when_a_change_is_required() {
        let mut p = policy();
        p.min_age_days = Some(1);
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let u = UserContext::default();
        let s = issue_account(&p, &Password::new("Start-2026"), t).unwrap();
        // First login: min age does not apply.
        let s = change_password(
            &p,
            &s,
            &Password::new("Start-2026"),
            &Password::new("Drugie-Haslo1"),
            &u,
            t,
        )
        .unwrap();
        let soon = t + TimeDelta::hours(23);
        let e = change_password(
            &p,
            &s,
            &Password::new("Drugie-Haslo1"),
            &Password::new("Trzecie-Haslo1"),
            &u,
            soon,
        )
        .unwrap_err();
        assert_eq!(
            e,
            PasswordError::TooSoon {
                min_age_days: 1,
                allowed_from: t + TimeDelta::days(1),
                zone: edurules_locale::SchoolZone::EuropeWarsaw,
            }
        );
        let later = t + TimeDelta::days(1);
        assert!(
            change_password(
                &p,
                &s,
                &Password::new("Drugie-Haslo1"),
                &Password::new("Trzecie-Haslo1"),
                &u,
                later
            )
            .is_ok()
        );
    }

    /// An earlier hash made under costlier settings than the limits now allow
    /// to verify (here after an administrator's reset of an account whose hash
    /// was too costly to log in with) does not block the required change.
    #[test]
    fn an_earlier_hash_too_costly_to_verify_is_passed_over() {
        let p = policy();
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let costly = StoredHash::new(
            "$argon2id$v=19$m=300000,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
            crate::Normalization::Nfkc,
        )
        .unwrap();
        assert_eq!(
            verify_in(
                &costly,
                &Password::new("x"),
                &mut Scratch::default(),
                &p.limits
            )
            .unwrap_err()
            .code(),
            "password.hash_too_costly"
        );
        let stuck = AccountState {
            current: costly,
            previous: vec![],
            changed_at: t,
            must_change: None,
        };
        let reset = admin_reset(&p, &stuck, &Password::new("Tymczasowe-1"), t).unwrap();
        let changed = change_password(
            &p,
            &reset,
            &Password::new("Tymczasowe-1"),
            &Password::new("Nowe-Haslo-1"),
            &UserContext::default(),
            t,
        )
        .unwrap();
        assert_eq!(changed.must_change, None);
        assert_eq!(changed.previous.len(), 2);
    }

    /// The old password's size is checked before anything is normalized: a 3 MB old
    /// password (NFKC makes 33 MB of it) is refused with no normalization at all.
    #[test]
    fn an_old_password_too_large_is_refused_before_normalizing() {
        let p = policy();
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let s = issue_account(&p, &Password::new("Start-2026"), t).unwrap();
        let huge = Password::new("\u{FDFA}".repeat(1_000_000));
        crate::secret::NORMALIZED.with(|c| c.set(0));
        let e = change_password(
            &p,
            &s,
            &huge,
            &Password::new("Nowe-Haslo-1"),
            &UserContext::default(),
            t,
        )
        .unwrap_err();
        assert_eq!(e.code(), "password.input_too_long");
        assert_eq!(crate::secret::NORMALIZED.with(std::cell::Cell::get), 0);
    }

    #[test]
    fn history_is_trimmed_to_depth_minus_one() {
        let p = policy();
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let u = UserContext::default();
        let mut s = issue_account(&p, &Password::new("Haslo-0a"), t).unwrap();
        for i in 1..=6 {
            let old = Password::new(format!("Haslo-{}a", i - 1));
            let new = Password::new(format!("Haslo-{i}a"));
            s = change_password(&p, &s, &old, &new, &u, t).unwrap();
        }
        assert_eq!(s.previous.len(), 3);
        assert!(verify(&s.previous[0], &Password::new("Haslo-5a")).is_ok());
        assert!(verify(&s.previous[2], &Password::new("Haslo-3a")).is_ok());
    }
}
