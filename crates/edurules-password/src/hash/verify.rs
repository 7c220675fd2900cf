//! Verification of a stored hash, the dummy verification and the re-hash check.

use argon2::{Algorithm, Argon2, Version};
use zeroize::Zeroizing;

use super::phc::Variant;
use super::{HashParams, MAX_STORED_TAG_LEN, SALT_LEN, Scratch, StoredHash, hash_in, invalid_hash};
use crate::error::PasswordError;
use crate::limits::Limits;
use crate::secret::Password;

/// [`verify`] in the given working memory: the stored algorithm, version
/// (16 when the string has none), costs, salt and tag length; the tags
/// compared in constant time. Costs above `limits` are refused before any
/// hashing, the password's size before normalizing it.
pub(crate) fn verify_in(
    stored: &StoredHash,
    password: &Password,
    scratch: &mut Scratch,
    limits: &Limits,
) -> Result<(), PasswordError> {
    let parsed = &stored.parsed;
    if !limits.admits(parsed.m, parsed.t) {
        return Err(PasswordError::HashTooCostly {
            m_cost_kib: parsed.m,
            t_cost: parsed.t,
            max_m_cost_kib: limits.max_verify_m_cost_kib(),
            max_work: limits.max_verify_work(),
        });
    }
    let algorithm = match parsed.variant {
        Variant::Id => Algorithm::Argon2id,
        Variant::I => Algorithm::Argon2i,
        Variant::D => Algorithm::Argon2d,
    };
    let version = if parsed.version == 0x10 {
        Version::V0x10
    } else {
        Version::V0x13
    };
    let params = argon2::Params::new(parsed.m, parsed.t, parsed.p, Some(parsed.tag.len()))
        .map_err(|e| invalid_hash(e.to_string()))?;
    let count = params.block_count();
    let argon = Argon2::new(algorithm, version, params);
    let mut buffer = Zeroizing::new([0_u8; MAX_STORED_TAG_LEN]);
    let tag = buffer
        .get_mut(..parsed.tag.len())
        .ok_or_else(|| invalid_hash("tag too long"))?;
    let normalized = stored.normalization.apply(password, limits)?;
    argon
        .hash_password_into_with_memory(
            normalized.as_bytes(),
            &parsed.salt,
            tag,
            scratch.blocks(count)?,
        )
        .map_err(|e| invalid_hash(e.to_string()))?;
    if constant_time_eq(tag, &parsed.tag) {
        Ok(())
    } else {
        Err(PasswordError::InvalidCredentials)
    }
}

/// Equal lengths are public (the stored tag's); the bytes are compared
/// without an early exit.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// Checks a password against a stored hash (in constant time for the tag),
/// within [`Limits::default`]: see [`verify_with_limits`].
///
/// # Errors
/// [`PasswordError::InvalidCredentials`] when the password does not match,
/// [`PasswordError::HashTooCostly`] for costs above the default ceiling,
/// [`PasswordError::InputTooLong`] for a password above the default sizes,
/// [`PasswordError::InvalidHash`] when argon2 refuses the stored hash.
///
/// # Example
/// ```
/// use edurules_password::{verify, Normalization, Password, PasswordError, StoredHash};
/// let h = StoredHash::new(
///     "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
///     Normalization::Nfkc,
/// ).unwrap();
/// assert!(verify(&h, &Password::new("Correct-Horse1")).is_ok());
/// assert!(matches!(verify(&h, &Password::new("correct-horse1")), Err(PasswordError::InvalidCredentials)));
/// ```
pub fn verify(stored: &StoredHash, password: &Password) -> Result<(), PasswordError> {
    verify_with_limits(&Limits::default(), stored, password)
}

/// Checks a password against a stored hash within `limits` (a policy's
/// [`PasswordPolicy::limits`](crate::PasswordPolicy::limits)): the stored
/// costs are checked against the ceiling and the password's size before
/// any hashing or normalization.
///
/// # Errors
/// As [`verify`], with `limits` instead of the defaults.
///
/// # Example
/// ```
/// use edurules_password::{verify_with_limits, Limits, Normalization, Password, PasswordError, StoredHash};
/// let h = StoredHash::new(
///     "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
///     Normalization::Nfkc,
/// ).unwrap();
/// assert!(verify_with_limits(&Limits::default(), &h, &Password::new("Correct-Horse1")).is_ok());
/// let low = Limits::default().with_verify_ceiling(8_192, 16_384);
/// let e = verify_with_limits(&low, &h, &Password::new("Correct-Horse1")).unwrap_err();
/// assert_eq!(e.code(), "password.hash_too_costly");
/// ```
pub fn verify_with_limits(
    limits: &Limits,
    stored: &StoredHash,
    password: &Password,
) -> Result<(), PasswordError> {
    verify_in(stored, password, &mut Scratch::default(), limits)
}

/// The salt of the dummy verification (any fixed value does).
const DUMMY_SALT: &[u8; SALT_LEN] = b"edurules-dummy!!";

/// Verifies a login's password, or, when the login is unknown (`stored` is
/// `None`), spends the same work on a dummy hash with `params` and fails the
/// same way, so that response times do not reveal which logins exist. The
/// timing matches when stored hashes use `params` (re-hash with
/// [`needs_rehash`](super::needs_rehash) to keep it so). Within [`Limits::default`].
///
/// # Errors
/// [`PasswordError::InvalidCredentials`] for a wrong password or an unknown
/// login (indistinguishable), [`PasswordError::InputTooLong`],
/// [`PasswordError::HashTooCostly`], [`PasswordError::InvalidHash`] for an
/// unusable stored hash, [`PasswordError::InvalidPolicy`] for unusable `params`.
///
/// # Example
/// ```
/// use edurules_password::{hash_password, verify_or_dummy, HashParams, Password, PasswordError};
/// let params = HashParams::INSECURE_FAST;
/// let h = hash_password(&params, &Password::new("Haslo-123")).unwrap();
/// assert!(verify_or_dummy(&params, Some(&h), &Password::new("Haslo-123")).is_ok());
/// let unknown = verify_or_dummy(&params, None, &Password::new("Haslo-123"));
/// assert!(matches!(unknown, Err(PasswordError::InvalidCredentials)));
/// ```
pub fn verify_or_dummy(
    params: &HashParams,
    stored: Option<&StoredHash>,
    password: &Password,
) -> Result<(), PasswordError> {
    let limits = Limits::default();
    match stored {
        Some(h) => verify_with_limits(&limits, h, password),
        None => {
            // The same code path as `verify` (fresh working memory, argon2id
            // with `params`), so that the two take the same time.
            let dummy = hash_in(
                params,
                password,
                DUMMY_SALT,
                &mut Scratch::default(),
                &limits,
            )?;
            std::hint::black_box(&dummy);
            Err(PasswordError::InvalidCredentials)
        }
    }
}
