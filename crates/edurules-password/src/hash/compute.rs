//! Hashing with argon2 (the `hash` feature): a new hash, and the working
//! memory that verification and password changes reuse.

use argon2::password_hash::{
    self,
    phc::{Output, ParamsString, Salt},
};
use argon2::{Algorithm, Argon2, Block, PasswordHash, Version};
use zeroize::Zeroizing;

use super::{HashParams, Normalization, SALT_LEN, StoredHash};
use crate::error::PasswordError;
use crate::limits::Limits;
use crate::secret::Password;

impl HashParams {
    pub(crate) fn argon2(&self) -> Result<Argon2<'static>, PasswordError> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(PasswordError::InvalidPolicy { problems });
        }
        let params =
            argon2::Params::new(self.m_cost_kib, self.t_cost, self.p_cost, None).map_err(|e| {
                PasswordError::Hashing {
                    reason: e.to_string(),
                }
            })?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// Hashes a password with argon2id, `params` and a fresh random 16-byte salt
/// from the operating system, after NFKC normalization.
///
/// # Errors
/// [`PasswordError::InvalidPolicy`] for unusable parameters,
/// [`PasswordError::InputTooLong`] for a password above [`Limits::default`]'s
/// sizes (checked before normalizing), [`PasswordError::Hashing`] when the
/// system's random source fails.
///
/// # Example
/// ```
/// use edurules_password::{hash_password, verify, HashParams, Password};
/// let h = hash_password(&HashParams::INSECURE_FAST, &Password::new("Correct-Horse1")).unwrap();
/// assert!(h.phc().starts_with("$argon2id$v=19$m=256,t=1,p=1$"));
/// assert!(verify(&h, &Password::new("Correct-Horse1")).is_ok());
/// ```
pub fn hash_password(
    params: &HashParams,
    password: &Password,
) -> Result<StoredHash, PasswordError> {
    let salt = random_salt()?;
    hash_password_with_salt(params, password, &salt)
}

/// A fresh random salt from the operating system.
pub(crate) fn random_salt() -> Result<[u8; SALT_LEN], PasswordError> {
    password_hash::try_generate_salt().map_err(|e| PasswordError::Hashing {
        reason: format!("random source failed: {e}"),
    })
}

/// Hashes a password with argon2id, `params` and the given salt (at least 8
/// bytes; use 16 random bytes), after NFKC normalization. Deterministic.
///
/// # Errors
/// [`PasswordError::InvalidPolicy`] for unusable parameters,
/// [`PasswordError::InputTooLong`] for a password above [`Limits::default`]'s
/// sizes, [`PasswordError::Hashing`] for a salt shorter than 8 bytes.
///
/// # Example
/// ```
/// use edurules_password::{hash_password_with_salt, HashParams, Password};
/// let h = hash_password_with_salt(&HashParams::OWASP, &Password::new("Correct-Horse1"), b"somesaltsomesalt").unwrap();
/// assert_eq!(h.phc(), "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY");
/// assert!(hash_password_with_salt(&HashParams::OWASP, &Password::new("x"), b"short").is_err());
/// ```
pub fn hash_password_with_salt(
    params: &HashParams,
    password: &Password,
    salt: &[u8],
) -> Result<StoredHash, PasswordError> {
    hash_in(
        params,
        password,
        salt,
        &mut Scratch::default(),
        &Limits::default(),
    )
}

/// argon2's working memory, kept across several hashes on one thread and
/// zeroized when dropped.
///
/// argon2 otherwise allocates its memory (19 MiB by default) for every hash;
/// on a thread other than the main one the allocator hands it back to the
/// system after each hash, so every hash pays again for thousands of page
/// faults (measured here: 5 hashes in a row take 1.4–1.6 × as long on a
/// rayon worker as on the main thread). [`crate::change_password`] gives each
/// of its workers one `Scratch` for all the hashes it runs.
#[derive(Default)]
pub(crate) struct Scratch(Zeroizing<Vec<Block>>);

impl Scratch {
    /// At least `count` blocks (grown, never shrunk; growing zeroizes the old ones).
    pub(crate) fn blocks(&mut self, count: usize) -> Result<&mut [Block], PasswordError> {
        if self.0.len() < count {
            let mut fresh: Vec<Block> = Vec::new();
            fresh
                .try_reserve_exact(count)
                .map_err(|e| PasswordError::Hashing {
                    reason: format!("argon2 memory: {e}"),
                })?;
            fresh.resize(count, Block::default());
            // The old blocks are zeroized when the old `Zeroizing` drops.
            self.0 = Zeroizing::new(fresh);
        }
        self.0
            .get_mut(..count)
            .ok_or_else(|| PasswordError::Hashing {
                reason: "argon2 memory too small".into(),
            })
    }
}

fn hashing(e: impl std::fmt::Display) -> PasswordError {
    PasswordError::Hashing {
        reason: edurules_locale::clip(&e.to_string()),
    }
}

/// [`hash_password_with_salt`] in the given working memory, within `limits`.
pub(crate) fn hash_in(
    params: &HashParams,
    password: &Password,
    salt: &[u8],
    scratch: &mut Scratch,
    limits: &Limits,
) -> Result<StoredHash, PasswordError> {
    let argon = params.argon2()?;
    let salt = Salt::new(salt).map_err(hashing)?;
    let normalized = Normalization::Nfkc.apply(password, limits)?;
    let mut tag = Zeroizing::new([0_u8; 32]);
    let memory = scratch.blocks(argon.params().block_count())?;
    argon
        .hash_password_into_with_memory(normalized.as_bytes(), &salt, tag.as_mut_slice(), memory)
        .map_err(hashing)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(argon.params()).map_err(hashing)?,
        salt: Some(salt),
        hash: Some(Output::new(tag.as_slice()).map_err(hashing)?),
    };
    StoredHash::new(phc.to_string(), Normalization::Nfkc)
}
