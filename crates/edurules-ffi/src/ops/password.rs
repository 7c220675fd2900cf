//! `password.*`: check a candidate, hash, verify, change with the stored
//! history, rotation status. Passwords cross as JSON strings; none is ever
//! echoed in a response or an error.

use chrono::{DateTime, Utc};
use edurules::password::{
    AccountState, Password, PasswordStatus, StoredHash, UserContext, Violation, change_password,
    check as check_password, hash_password, needs_rehash, status as password_status,
    verify as verify_hash,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Op, op};
use crate::engine::Engine;
use crate::error::FfiError;

pub(super) const OPS: &[Op] = &[
    op!("password.check@1", check, Check, Checked),
    op!("password.hash@1", hash, Hash, Hashed),
    op!("password.verify@1", verify, Verify, Verified),
    op!("password.change@1", change, Change, Changed),
    op!("password.status@1", status, Status, StatusOut),
];

/// A candidate password and what is known about its owner.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Check {
    /// The candidate (never echoed).
    password: String,
    /// The owner's login, names, e-mail, extra words.
    #[serde(default)]
    user: UserContext,
}

/// One broken rule with its message in the engine's locale.
#[derive(Serialize, JsonSchema)]
pub(crate) struct ViolationOut {
    /// The rule and its parameters (`code` is the tag).
    #[serde(flatten)]
    violation: Violation,
    /// The message in the engine's locale.
    message: String,
}

/// The verdict: a refused password is a result, not a failure.
#[derive(Serialize, JsonSchema)]
pub(crate) struct Checked {
    /// Whether the policy accepts the candidate.
    accepted: bool,
    /// Every rule it breaks (empty when accepted).
    violations: Vec<ViolationOut>,
}

fn check(engine: &Engine, req: Check) -> Result<Checked, FfiError> {
    let policy = engine.config.password()?;
    let locale = engine.locale;
    let violations = match check_password(policy, &Password::new(req.password), &req.user) {
        Ok(()) => Vec::new(),
        Err(vs) => vs
            .into_iter()
            .map(|v| ViolationOut {
                message: v.message(locale),
                violation: v,
            })
            .collect(),
    };
    Ok(Checked {
        accepted: violations.is_empty(),
        violations,
    })
}

/// A password to hash with the policy's argon2id parameters.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Hash {
    /// The password (never echoed).
    password: String,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Hashed {
    /// The stored hash: PHC string and normalization.
    stored: StoredHash,
}

fn hash(engine: &Engine, req: Hash) -> Result<Hashed, FfiError> {
    let policy = engine.config.password()?;
    let stored = hash_password(&policy.hashing, &Password::new(req.password))
        .map_err(|e| FfiError::Rules(e.into()))?;
    Ok(Hashed { stored })
}

/// A password and the stored hash to check it against.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Verify {
    /// The password (never echoed).
    password: String,
    /// The stored hash.
    stored: StoredHash,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Verified {
    /// Whether the password matches.
    valid: bool,
    /// Whether the hash should be recomputed with the policy's parameters
    /// (only meaningful when `valid`).
    needs_rehash: bool,
}

fn verify(engine: &Engine, req: Verify) -> Result<Verified, FfiError> {
    let policy = engine.config.password()?;
    let valid = match verify_hash(&req.stored, &Password::new(req.password)) {
        Ok(()) => true,
        Err(edurules::password::PasswordError::InvalidCredentials) => false,
        Err(e) => return Err(FfiError::Rules(e.into())),
    };
    let needs_rehash =
        needs_rehash(&req.stored, &policy.hashing).map_err(|e| FfiError::Rules(e.into()))?;
    Ok(Verified {
        valid,
        needs_rehash,
    })
}

/// A change of password against the stored account state.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Change {
    /// The stored state: current hash, earlier hashes, when changed.
    state: AccountState,
    /// The current password (never echoed).
    old: String,
    /// The new password (never echoed).
    new: String,
    /// The owner's login, names, e-mail, extra words.
    #[serde(default)]
    user: UserContext,
    /// The instant of the change (the library never reads the clock).
    now: DateTime<Utc>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Changed {
    /// The new state to store.
    state: AccountState,
}

fn change(engine: &Engine, req: Change) -> Result<Changed, FfiError> {
    let policy = engine.config.password()?;
    let state = change_password(
        policy,
        &req.state,
        &Password::new(req.old),
        &Password::new(req.new),
        &req.user,
        req.now,
    )
    .map_err(|e| FfiError::Rules(e.into()))?;
    Ok(Changed { state })
}

/// The stored state and the instant to judge it at.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Status {
    /// The stored state.
    state: AccountState,
    /// The instant (the library never reads the clock).
    now: DateTime<Utc>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct StatusOut {
    /// The status (`valid`, `expiring`, `expired`, `must_change`…).
    status: PasswordStatus,
    /// Its stable code.
    code: String,
    /// Its message in the engine's locale.
    message: String,
    /// Whether the user must change the password now.
    requires_change: bool,
}

fn status(engine: &Engine, req: Status) -> Result<StatusOut, FfiError> {
    let policy = engine.config.password()?;
    let s = password_status(policy, &req.state, req.now);
    Ok(StatusOut {
        code: s.code().to_owned(),
        message: s.message(engine.locale),
        requires_change: s.requires_change(),
        status: s,
    })
}
