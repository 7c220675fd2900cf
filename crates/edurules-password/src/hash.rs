//! argon2id hashing in PHC strings: hash, verify, dummy verification, re-hash check.

use argon2::password_hash::{
    self,
    phc::{Output, ParamsString, Salt},
};
use argon2::{Algorithm, Argon2, Block, PasswordHash, Version};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::PasswordError;
use crate::policy::PolicyProblem;
use crate::secret::Password;

/// OWASP's memory cost: 19 MiB = 19 456 KiB.
pub const DEFAULT_M_COST_KIB: u32 = 19_456;
/// OWASP's time cost (passes).
pub const DEFAULT_T_COST: u32 = 2;
/// OWASP's parallelism.
pub const DEFAULT_P_COST: u32 = 1;
/// The smallest memory cost argon2 accepts per lane (8 KiB × lanes).
pub const MIN_M_COST_KIB_PER_LANE: u32 = 8;
/// The largest memory cost accepted in a policy or a stored hash (1 GiB):
/// a forged PHC string cannot make a verification allocate more.
pub const MAX_M_COST_KIB: u32 = 1_048_576;
/// The largest time cost accepted in a policy or a stored hash.
pub const MAX_T_COST: u32 = 64;
/// The largest parallelism accepted in a policy or a stored hash.
pub const MAX_P_COST: u32 = 16;
/// The salt length used for new hashes (bytes).
pub const SALT_LEN: usize = 16;

/// argon2id cost parameters. The algorithm is always argon2id, version 0x13
/// (19), and the tag 32 bytes.
///
/// # Example
/// ```
/// use edurules_password::HashParams;
/// let p = HashParams::default();
/// assert_eq!((p.m_cost_kib, p.t_cost, p.p_cost), (19_456, 2, 1));
/// assert!(p.problems().is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HashParams {
    /// Memory in KiB (`m`).
    pub m_cost_kib: u32,
    /// Passes (`t`).
    pub t_cost: u32,
    /// Lanes (`p`).
    pub p_cost: u32,
}

impl Default for HashParams {
    fn default() -> Self {
        Self::OWASP
    }
}

impl HashParams {
    /// OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1.
    pub const OWASP: HashParams = HashParams {
        m_cost_kib: DEFAULT_M_COST_KIB,
        t_cost: DEFAULT_T_COST,
        p_cost: DEFAULT_P_COST,
    };

    /// Cheap parameters (m = 256 KiB, t = 1) for tests and demos: **never in production**.
    pub const INSECURE_FAST: HashParams = HashParams {
        m_cost_kib: 256,
        t_cost: 1,
        p_cost: 1,
    };

    /// What is wrong with these parameters (empty when they are usable).
    ///
    /// # Example
    /// ```
    /// use edurules_password::HashParams;
    /// let bad = HashParams { m_cost_kib: 4, t_cost: 0, p_cost: 1 };
    /// assert_eq!(bad.problems().len(), 2);
    /// ```
    #[must_use]
    pub fn problems(&self) -> Vec<PolicyProblem> {
        let mut out = Vec::new();
        if self.p_cost == 0 || self.p_cost > MAX_P_COST {
            out.push(PolicyProblem::HashParallelism {
                p_cost: self.p_cost,
                max: MAX_P_COST,
            });
        }
        let min_m = MIN_M_COST_KIB_PER_LANE.saturating_mul(self.p_cost.max(1));
        if self.m_cost_kib < min_m || self.m_cost_kib > MAX_M_COST_KIB {
            out.push(PolicyProblem::HashMemory {
                m_cost_kib: self.m_cost_kib,
                min: min_m,
                max: MAX_M_COST_KIB,
            });
        }
        if self.t_cost == 0 || self.t_cost > MAX_T_COST {
            out.push(PolicyProblem::HashTime {
                t_cost: self.t_cost,
                max: MAX_T_COST,
            });
        }
        out
    }

    fn argon2(&self) -> Result<Argon2<'static>, PasswordError> {
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

/// How a password is normalized before hashing, stored beside each hash so
/// that the choice can change later without locking anybody out.
///
/// # Example
/// ```
/// use edurules_password::Normalization;
/// assert_eq!(Normalization::default(), Normalization::Nfkc);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Normalization {
    /// Unicode NFKC (NIST SP 800-63B allows NFKC or NFKD); what this crate uses for new hashes.
    #[default]
    Nfkc,
    /// The UTF-8 bytes as typed, for hashes imported from systems that did not normalize.
    None,
}

impl Normalization {
    fn apply(self, password: &Password) -> Zeroizing<String> {
        match self {
            Normalization::Nfkc => password.nfkc(),
            Normalization::None => Zeroizing::new(password.expose().to_owned()),
        }
    }
}

/// A stored password: a PHC string and the normalization applied before hashing.
///
/// A value that exists holds a PHC string that parses, names an argon2
/// algorithm, and has costs within this crate's limits.
///
/// # Example
/// ```
/// use edurules_password::{Normalization, StoredHash};
/// let h = StoredHash::new(
///     "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
///     Normalization::Nfkc,
/// ).unwrap();
/// assert_eq!(h.params().m_cost_kib, 19_456);
/// assert!(StoredHash::new("$md5$x", Normalization::Nfkc).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "StoredHashRepr", into = "StoredHashRepr")]
pub struct StoredHash {
    phc: String,
    normalization: Normalization,
    params: HashParams,
    variant: Variant,
}

/// Which argon2 variant a stored hash uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    D,
    I,
    Id,
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct StoredHashRepr {
    /// The PHC string, e.g. `$argon2id$v=19$m=19456,t=2,p=1$…$…`.
    phc: String,
    /// The normalization applied to the password before hashing.
    #[serde(default)]
    normalization: Normalization,
}

impl TryFrom<StoredHashRepr> for StoredHash {
    type Error = PasswordError;
    fn try_from(r: StoredHashRepr) -> Result<Self, Self::Error> {
        StoredHash::new(r.phc, r.normalization)
    }
}

impl From<StoredHash> for StoredHashRepr {
    fn from(h: StoredHash) -> Self {
        StoredHashRepr {
            phc: h.phc,
            normalization: h.normalization,
        }
    }
}

fn invalid_hash(reason: impl Into<String>) -> PasswordError {
    PasswordError::InvalidHash {
        reason: reason.into(),
    }
}

impl StoredHash {
    /// Checks and wraps a PHC string.
    ///
    /// # Errors
    /// [`PasswordError::InvalidHash`] when the string is not a PHC string, not
    /// argon2 (d, i or id), has no salt or tag, or has costs above
    /// [`MAX_M_COST_KIB`], [`MAX_T_COST`], [`MAX_P_COST`].
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Normalization, StoredHash};
    /// assert!(StoredHash::new("not a hash", Normalization::Nfkc).is_err());
    /// ```
    pub fn new(
        phc: impl Into<String>,
        normalization: Normalization,
    ) -> Result<Self, PasswordError> {
        let phc = phc.into();
        let parsed = PasswordHash::new(&phc).map_err(|e| invalid_hash(e.to_string()))?;
        let variant = match parsed.algorithm.as_str() {
            "argon2id" => Variant::Id,
            "argon2i" => Variant::I,
            "argon2d" => Variant::D,
            other => return Err(invalid_hash(format!("unsupported algorithm `{other}`"))),
        };
        if parsed.salt.is_none() || parsed.hash.is_none() {
            return Err(invalid_hash("missing salt or hash"));
        }
        let p = argon2::Params::try_from(&parsed).map_err(|e| invalid_hash(e.to_string()))?;
        let params = HashParams {
            m_cost_kib: p.m_cost(),
            t_cost: p.t_cost(),
            p_cost: p.p_cost(),
        };
        if !params.problems().is_empty() {
            return Err(invalid_hash(format!(
                "costs out of range: m=`{}`, t=`{}`, p=`{}`",
                params.m_cost_kib, params.t_cost, params.p_cost
            )));
        }
        Ok(Self {
            phc,
            normalization,
            params,
            variant,
        })
    }

    /// The PHC string.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Normalization, StoredHash};
    /// let h = StoredHash::new("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY", Normalization::Nfkc).unwrap();
    /// assert!(h.phc().starts_with("$argon2id$v=19$"));
    /// ```
    #[must_use]
    pub fn phc(&self) -> &str {
        &self.phc
    }

    /// The normalization applied before hashing.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Normalization, StoredHash};
    /// let h = StoredHash::new("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY", Normalization::None).unwrap();
    /// assert_eq!(h.normalization(), Normalization::None);
    /// ```
    #[must_use]
    pub fn normalization(&self) -> Normalization {
        self.normalization
    }

    /// The cost parameters in the PHC string.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{HashParams, Normalization, StoredHash};
    /// let h = StoredHash::new("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY", Normalization::Nfkc).unwrap();
    /// assert_eq!(h.params(), HashParams::OWASP);
    /// ```
    #[must_use]
    pub fn params(&self) -> HashParams {
        self.params
    }
}

/// Hashes a password with argon2id, `params` and a fresh random 16-byte salt
/// from the operating system, after NFKC normalization.
///
/// # Errors
/// [`PasswordError::InvalidPolicy`] for unusable parameters,
/// [`PasswordError::Hashing`] when the system's random source fails.
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
/// [`PasswordError::Hashing`] for a salt shorter than 8 bytes.
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
    hash_in(params, password, salt, &mut Scratch::default())
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
    fn blocks(&mut self, count: usize) -> Result<&mut [Block], PasswordError> {
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
        reason: e.to_string(),
    }
}

/// [`hash_password_with_salt`] in the given working memory.
pub(crate) fn hash_in(
    params: &HashParams,
    password: &Password,
    salt: &[u8],
    scratch: &mut Scratch,
) -> Result<StoredHash, PasswordError> {
    let argon = params.argon2()?;
    let salt = Salt::new(salt).map_err(hashing)?;
    let normalized = Normalization::Nfkc.apply(password);
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

/// [`verify`] in the given working memory: the same computation as
/// `password_hash`'s `PasswordVerifier` (the stored algorithm, version,
/// costs, salt and tag length; the tags compared in constant time).
pub(crate) fn verify_in(
    stored: &StoredHash,
    password: &Password,
    scratch: &mut Scratch,
) -> Result<(), PasswordError> {
    let parsed = PasswordHash::new(&stored.phc).map_err(|e| invalid_hash(e.to_string()))?;
    let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else {
        return Err(invalid_hash("missing salt or hash"));
    };
    let algorithm =
        Algorithm::try_from(parsed.algorithm.as_str()).map_err(|e| invalid_hash(e.to_string()))?;
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()
        .map_err(|e| invalid_hash(e.to_string()))?
        .unwrap_or_default();
    let params = argon2::Params::try_from(&parsed).map_err(|e| invalid_hash(e.to_string()))?;
    let count = params.block_count();
    let argon = Argon2::new(algorithm, version, params);
    let mut buffer = Zeroizing::new([0_u8; Output::MAX_LENGTH]);
    let tag = buffer
        .get_mut(..expected.len())
        .ok_or_else(|| invalid_hash("tag too long"))?;
    let normalized = stored.normalization.apply(password);
    argon
        .hash_password_into_with_memory(normalized.as_bytes(), salt, tag, scratch.blocks(count)?)
        .map_err(|e| invalid_hash(e.to_string()))?;
    let computed = Output::new(tag).map_err(|e| invalid_hash(e.to_string()))?;
    // `Output`'s `==` is constant-time.
    if computed == *expected {
        Ok(())
    } else {
        Err(PasswordError::InvalidCredentials)
    }
}

/// Checks a password against a stored hash (in constant time for the tag).
///
/// # Errors
/// [`PasswordError::InvalidCredentials`] when the password does not match,
/// [`PasswordError::InvalidHash`] when the stored hash cannot be used.
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
    verify_in(stored, password, &mut Scratch::default())
}

/// The salt of the dummy verification (any fixed value does).
const DUMMY_SALT: &[u8; SALT_LEN] = b"edurules-dummy!!";

/// Verifies a login's password, or, when the login is unknown (`stored` is
/// `None`), spends the same work on a dummy hash with `params` and fails the
/// same way, so that response times do not reveal which logins exist. The
/// timing matches when stored hashes use `params` (re-hash with
/// [`needs_rehash`] to keep it so).
///
/// # Errors
/// [`PasswordError::InvalidCredentials`] for a wrong password or an unknown
/// login (indistinguishable), [`PasswordError::InvalidHash`] for an unusable
/// stored hash, [`PasswordError::InvalidPolicy`] for unusable `params`.
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
    match stored {
        Some(h) => verify(h, password),
        None => {
            // The same code path as `verify` (fresh working memory, argon2id
            // with `params`), so that the two take the same time.
            let dummy = hash_in(params, password, DUMMY_SALT, &mut Scratch::default())?;
            std::hint::black_box(&dummy);
            Err(PasswordError::InvalidCredentials)
        }
    }
}

/// Whether a stored hash should be replaced (after a successful login, with
/// the password just typed) because it differs from `params`, is not
/// argon2id v19 with a 32-byte tag, or was not NFKC-normalized.
///
/// Compares algorithm, version, m, t, p and tag length one by one: comparing
/// `argon2::Params` structs would report a difference for equal settings
/// (a parsed PHC string has `output_len = Some(32)`, `Params::new(.., None)`
/// has `None`).
///
/// # Errors
/// [`PasswordError::InvalidHash`] when the stored hash cannot be parsed.
///
/// # Example
/// ```
/// use edurules_password::{needs_rehash, HashParams, Normalization, StoredHash};
/// let h = StoredHash::new(
///     "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
///     Normalization::Nfkc,
/// ).unwrap();
/// assert!(!needs_rehash(&h, &HashParams::OWASP).unwrap());
/// assert!(needs_rehash(&h, &HashParams { m_cost_kib: 65_536, t_cost: 3, p_cost: 1 }).unwrap());
/// ```
pub fn needs_rehash(stored: &StoredHash, params: &HashParams) -> Result<bool, PasswordError> {
    let parsed = PasswordHash::new(&stored.phc).map_err(|e| invalid_hash(e.to_string()))?;
    let tag_len = parsed.hash.map(|h| h.len());
    Ok(stored.variant != Variant::Id
        || parsed.version != Some(19)
        || stored.params.m_cost_kib != params.m_cost_kib
        || stored.params.t_cost != params.t_cost
        || stored.params.p_cost != params.p_cost
        || tag_len != Some(32)
        || stored.normalization != Normalization::Nfkc)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY";

    #[test]
    fn parsed_params_equal_new_params_pitfall_is_avoided() {
        let h = StoredHash::new(REFERENCE, Normalization::Nfkc).unwrap();
        assert!(!needs_rehash(&h, &HashParams::OWASP).unwrap());
        let raw = StoredHash::new(REFERENCE, Normalization::None).unwrap();
        assert!(needs_rehash(&raw, &HashParams::OWASP).unwrap());
    }

    #[test]
    fn argon2i_is_accepted_and_flagged_for_rehash() {
        let h = StoredHash::new(
            "$argon2i$v=19$m=65536,t=1,p=1$c29tZXNhbHQAAAAAAAAAAA$+r0d29hqEB0yasKr55ZgICsQGSkl0v0kgwhd+U3wyRo",
            Normalization::None,
        )
        .unwrap();
        assert!(verify(&h, &Password::new("password")).is_ok());
        assert!(
            needs_rehash(
                &h,
                &HashParams {
                    m_cost_kib: 65_536,
                    t_cost: 1,
                    p_cost: 1
                }
            )
            .unwrap()
        );
    }

    #[test]
    fn huge_costs_in_stored_hash_are_refused() {
        let forged = "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY";
        let e = StoredHash::new(forged, Normalization::Nfkc).unwrap_err();
        assert_eq!(e.code(), "password.invalid_hash");
    }

    #[test]
    fn nfkc_makes_compatibility_forms_verify() {
        let h = hash_password(&HashParams::INSECURE_FAST, &Password::new("Ｐａｓｓ-1")).unwrap();
        assert!(verify(&h, &Password::new("Pass-1")).is_ok());
    }

    #[test]
    fn scratch_memory_reused_across_costs_gives_the_same_answers() {
        use argon2::PasswordVerifier;
        let mut scratch = Scratch::default();
        let small = hash_in(
            &HashParams::INSECURE_FAST,
            &Password::new("Maly-1"),
            b"0123456789abcdef",
            &mut scratch,
        )
        .unwrap();
        // Grows to 19 MiB, then is used again for the small one.
        let reference = StoredHash::new(REFERENCE, Normalization::Nfkc).unwrap();
        let argon2i = StoredHash::new(
            "$argon2i$v=19$m=65536,t=1,p=1$c29tZXNhbHQAAAAAAAAAAA$+r0d29hqEB0yasKr55ZgICsQGSkl0v0kgwhd+U3wyRo",
            Normalization::None,
        )
        .unwrap();
        for (stored, right, wrong) in [
            (&reference, "Correct-Horse1", "Correct-Horse2"),
            (&argon2i, "password", "Password"),
            (&small, "Maly-1", "Maly-2"),
        ] {
            assert_eq!(
                verify_in(stored, &Password::new(right), &mut scratch),
                Ok(())
            );
            assert_eq!(
                verify_in(stored, &Password::new(wrong), &mut scratch),
                Err(PasswordError::InvalidCredentials)
            );
            // The argon2 crate's own verifier agrees.
            let parsed = PasswordHash::new(stored.phc()).unwrap();
            assert!(
                Argon2::default()
                    .verify_password(right.as_bytes(), &parsed)
                    .is_ok()
            );
        }
        let again = hash_in(
            &HashParams::INSECURE_FAST,
            &Password::new("Maly-1"),
            b"0123456789abcdef",
            &mut scratch,
        )
        .unwrap();
        assert_eq!(again, small);
    }

    #[test]
    fn dummy_fails_even_for_any_password() {
        let e = verify_or_dummy(&HashParams::INSECURE_FAST, None, &Password::new("")).unwrap_err();
        assert_eq!(e, PasswordError::InvalidCredentials);
    }
}
