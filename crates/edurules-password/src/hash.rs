//! argon2id hashing in PHC strings: hash, verify, dummy verification, re-hash check.

#[cfg(feature = "hash")]
mod compute;
mod phc;
#[cfg(feature = "hash")]
mod verify;

#[cfg(feature = "hash")]
pub(crate) use compute::{Scratch, hash_in, random_salt};
#[cfg(feature = "hash")]
pub use compute::{hash_password, hash_password_with_salt};
#[cfg(feature = "hash")]
pub(crate) use verify::verify_in;
#[cfg(feature = "hash")]
pub use verify::{verify, verify_or_dummy, verify_with_limits};

pub use phc::{
    HashField, HashProblem, MAX_PHC_BYTES, MAX_STORED_SALT_LEN, MAX_STORED_TAG_LEN,
    MIN_STORED_SALT_LEN, MIN_STORED_TAG_LEN,
};

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::PasswordError;
use crate::limits::Limits;
use crate::policy::PolicyProblem;
use crate::secret::Password;
use phc::{Parsed, Variant};

/// OWASP's memory cost: 19 MiB = 19 456 KiB.
pub const DEFAULT_M_COST_KIB: u32 = 19_456;
/// OWASP's time cost (passes).
pub const DEFAULT_T_COST: u32 = 2;
/// OWASP's parallelism.
pub const DEFAULT_P_COST: u32 = 1;
/// The smallest memory cost argon2 accepts per lane (8 KiB × lanes).
pub const MIN_M_COST_KIB_PER_LANE: u32 = 8;
/// The largest memory cost a stored hash may name and still parse (1 GiB).
/// Verifying is further bounded by the policy's [`Limits`] (256 MiB by default).
pub const MAX_M_COST_KIB: u32 = 1_048_576;
/// The largest time cost a stored hash may name and still parse.
pub const MAX_T_COST: u32 = 64;
/// The largest parallelism accepted in a policy or a stored hash.
pub const MAX_P_COST: u32 = 16;
/// The largest memory cost of a policy's [`HashParams`] (256 MiB): a change
/// of password runs up to one hash per core at once.
pub const MAX_HASH_M_COST_KIB: u32 = 262_144;
/// The largest work (`m × t`, KiB × passes) of a policy's [`HashParams`]:
/// 512 MiB-passes, about 0.3 s a hash on one core here (OWASP's: 38 MiB-passes).
pub const MAX_HASH_WORK: u64 = 524_288;
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
#[non_exhaustive]
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
    /// Parameters of `m_cost_kib` KiB of memory, `t_cost` passes and
    /// `p_cost` lanes (checked by [`HashParams::problems`]).
    ///
    /// # Example
    /// ```
    /// use edurules_password::HashParams;
    /// assert_eq!(HashParams::new(19_456, 2, 1), HashParams::OWASP);
    /// ```
    #[must_use]
    pub const fn new(m_cost_kib: u32, t_cost: u32, p_cost: u32) -> Self {
        Self {
            m_cost_kib,
            t_cost,
            p_cost,
        }
    }

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
    /// let bad = HashParams::new(4, 0, 1);
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
        if self.m_cost_kib < min_m || self.m_cost_kib > MAX_HASH_M_COST_KIB {
            out.push(PolicyProblem::HashMemory {
                m_cost_kib: self.m_cost_kib,
                min: min_m,
                max: MAX_HASH_M_COST_KIB,
            });
        }
        if self.t_cost == 0 || self.t_cost > MAX_T_COST {
            out.push(PolicyProblem::HashTime {
                t_cost: self.t_cost,
                max: MAX_T_COST,
            });
        }
        let work = self.work();
        if work > MAX_HASH_WORK {
            out.push(PolicyProblem::HashWork {
                work,
                max: MAX_HASH_WORK,
            });
        }
        out
    }

    /// `m × t` in KiB × passes: what one hash costs, in proportion.
    ///
    /// # Example
    /// ```
    /// assert_eq!(edurules_password::HashParams::OWASP.work(), 38_912);
    /// ```
    #[must_use]
    pub fn work(&self) -> u64 {
        u64::from(self.m_cost_kib).saturating_mul(u64::from(self.t_cost))
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
    /// The bytes that are hashed, within `limits` (checked before any work
    /// proportional to the password).
    #[cfg_attr(
        not(feature = "hash"),
        allow(dead_code, reason = "used by hashing (the `hash` feature)")
    )]
    fn apply(
        self,
        password: &Password,
        limits: &Limits,
    ) -> Result<Zeroizing<String>, PasswordError> {
        match self {
            Normalization::Nfkc => password.nfkc_within(limits),
            Normalization::None => {
                password.check_raw_size(limits)?;
                Ok(Zeroizing::new(password.expose().to_owned()))
            }
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
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "StoredHashRepr", into = "StoredHashRepr")]
pub struct StoredHash {
    phc: String,
    normalization: Normalization,
    params: HashParams,
    parsed: Parsed,
}

/// Shows the algorithm, version, costs and normalization, never the salt or
/// the tag (a hash is an offline-guessable secret).
impl fmt::Debug for StoredHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let algorithm = match self.parsed.variant {
            Variant::Id => "argon2id",
            Variant::I => "argon2i",
            Variant::D => "argon2d",
        };
        f.debug_struct("StoredHash")
            .field("algorithm", &algorithm)
            .field("version", &self.parsed.version)
            .field("params", &self.params)
            .field("normalization", &self.normalization)
            .field("salt_and_tag", &"[redacted]")
            .finish()
    }
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

#[cfg_attr(
    not(feature = "hash"),
    allow(dead_code, reason = "used by hashing (the `hash` feature)")
)]
fn invalid_hash(reason: impl Into<String>) -> PasswordError {
    PasswordError::InvalidHash {
        reason: edurules_locale::clip(&reason.into()),
    }
}

impl StoredHash {
    /// Checks and wraps a PHC string.
    ///
    /// # Errors
    /// [`PasswordError::MalformedHash`] naming the [`HashProblem`] when the
    /// string is not parsed as strictly as the C reference implementation
    /// does (see [`HashProblem`]), or has costs above [`MAX_M_COST_KIB`],
    /// [`MAX_T_COST`], [`MAX_P_COST`]. A missing `$v=` is version 16 (argon2
    /// 1.0), as in the C reference.
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
        let parsed = phc::parse(&phc, MAX_M_COST_KIB, MAX_T_COST, MAX_P_COST)
            .map_err(|problem| PasswordError::MalformedHash { problem })?;
        let params = HashParams {
            m_cost_kib: parsed.m,
            t_cost: parsed.t,
            p_cost: parsed.p,
        };
        Ok(Self {
            phc,
            normalization,
            params,
            parsed,
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

/// Whether a stored hash should be replaced (after a successful login, with
/// the password just typed) because it differs from `params`, is not
/// argon2id v19 with a 32-byte tag, was not NFKC-normalized, or costs more
/// than the default verification ceiling ([`Limits::default`]; such a hash
/// cannot be verified: the account needs a reset).
///
/// Compares algorithm, version, m, t, p and tag length one by one: comparing
/// `argon2::Params` structs would report a difference for equal settings
/// (a parsed PHC string has `output_len = Some(32)`, `Params::new(.., None)`
/// has `None`).
///
/// # Errors
/// Never in this version (the `Result` is kept for compatibility).
///
/// # Example
/// ```
/// use edurules_password::{needs_rehash, HashParams, Normalization, StoredHash};
/// let h = StoredHash::new(
///     "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
///     Normalization::Nfkc,
/// ).unwrap();
/// assert!(!needs_rehash(&h, &HashParams::OWASP).unwrap());
/// assert!(needs_rehash(&h, &HashParams::new(65_536, 3, 1)).unwrap());
/// ```
pub fn needs_rehash(stored: &StoredHash, params: &HashParams) -> Result<bool, PasswordError> {
    let parsed = &stored.parsed;
    Ok(parsed.variant != Variant::Id
        || parsed.version != 0x13
        || !Limits::default().admits(parsed.m, parsed.t)
        || stored.params.m_cost_kib != params.m_cost_kib
        || stored.params.t_cost != params.t_cost
        || stored.params.p_cost != params.p_cost
        || parsed.tag.len() != 32
        || stored.normalization != Normalization::Nfkc)
}

#[cfg(all(test, feature = "hash"))]
mod tests;
