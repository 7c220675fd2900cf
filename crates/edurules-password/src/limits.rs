//! Bounds on inputs before any expensive work: password sizes in bytes, and
//! the cost ceiling of a stored hash that is verified.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::policy::PolicyProblem;

/// The default largest password in UTF-8 bytes as typed (1 024 code points
/// of up to 4 bytes: [`crate::MAX_LENGTH_LIMIT`]).
pub const DEFAULT_MAX_PASSWORD_BYTES: u32 = 4096;
/// The default largest password in UTF-8 bytes after NFKC (NFKC can
/// multiply the size: U+FDFA, 3 bytes, becomes 33).
pub const DEFAULT_MAX_NORMALIZED_BYTES: u32 = 4096;
/// The largest value either byte limit may be set to.
pub const MAX_PASSWORD_BYTES_LIMIT: u32 = 65_536;
/// The default memory ceiling of a stored hash that is verified: 256 MiB.
pub const DEFAULT_MAX_VERIFY_M_COST_KIB: u32 = 262_144;
/// The default work ceiling of a stored hash that is verified, in KiB ×
/// passes (`m × t`): 512 MiB-passes, 13 × OWASP's 19 MiB × 2 (about 0.3 s
/// on one core here). It admits every OWASP setting and RFC 9106's second
/// recommendation (64 MiB, t = 3).
pub const DEFAULT_MAX_VERIFY_WORK: u64 = 524_288;

/// Input bounds of a policy: the size of a password before and after NFKC
/// (answered with [`PasswordError::InputTooLong`](crate::PasswordError::InputTooLong)
/// before normalizing or hashing), and the costliest stored hash that will
/// be verified (answered with
/// [`PasswordError::HashTooCostly`](crate::PasswordError::HashTooCostly)
/// before hashing). Functions that take no policy use [`Limits::default`].
///
/// # Example
/// ```
/// use edurules_password::Limits;
/// let l = Limits::default().with_max_password_bytes(1024);
/// assert_eq!(l.max_password_bytes(), 1024);
/// assert_eq!(l.max_verify_m_cost_kib(), 262_144);
/// assert!(l.problems().is_empty());
/// assert!(!Limits::default().with_max_normalized_bytes(0).problems().is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest password in UTF-8 bytes as typed.
    max_password_bytes: u32,
    /// Largest password in UTF-8 bytes after NFKC.
    max_normalized_bytes: u32,
    /// Largest memory cost (KiB) of a stored hash that is verified.
    max_verify_m_cost_kib: u32,
    /// Largest `m × t` (KiB × passes) of a stored hash that is verified.
    max_verify_work: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_password_bytes: DEFAULT_MAX_PASSWORD_BYTES,
            max_normalized_bytes: DEFAULT_MAX_NORMALIZED_BYTES,
            max_verify_m_cost_kib: DEFAULT_MAX_VERIFY_M_COST_KIB,
            max_verify_work: DEFAULT_MAX_VERIFY_WORK,
        }
    }
}

impl Limits {
    /// Sets the largest password in bytes as typed.
    ///
    /// # Example
    /// ```
    /// assert_eq!(edurules_password::Limits::default().with_max_password_bytes(64).max_password_bytes(), 64);
    /// ```
    #[must_use]
    pub fn with_max_password_bytes(mut self, bytes: u32) -> Self {
        self.max_password_bytes = bytes;
        self
    }

    /// Sets the largest password in bytes after NFKC.
    ///
    /// # Example
    /// ```
    /// assert_eq!(edurules_password::Limits::default().with_max_normalized_bytes(64).max_normalized_bytes(), 64);
    /// ```
    #[must_use]
    pub fn with_max_normalized_bytes(mut self, bytes: u32) -> Self {
        self.max_normalized_bytes = bytes;
        self
    }

    /// Sets the verification ceiling: memory (KiB) and work (`m × t`).
    ///
    /// # Example
    /// ```
    /// let l = edurules_password::Limits::default().with_verify_ceiling(65_536, 196_608);
    /// assert_eq!((l.max_verify_m_cost_kib(), l.max_verify_work()), (65_536, 196_608));
    /// ```
    #[must_use]
    pub fn with_verify_ceiling(mut self, m_cost_kib: u32, work: u64) -> Self {
        self.max_verify_m_cost_kib = m_cost_kib;
        self.max_verify_work = work;
        self
    }

    /// Largest password in bytes as typed.
    ///
    /// # Example
    /// ```
    /// assert_eq!(edurules_password::Limits::default().max_password_bytes(), 4096);
    /// ```
    #[must_use]
    pub fn max_password_bytes(&self) -> u32 {
        self.max_password_bytes
    }

    /// Largest password in bytes after NFKC.
    ///
    /// # Example
    /// ```
    /// assert_eq!(edurules_password::Limits::default().max_normalized_bytes(), 4096);
    /// ```
    #[must_use]
    pub fn max_normalized_bytes(&self) -> u32 {
        self.max_normalized_bytes
    }

    /// Largest memory cost (KiB) of a stored hash that is verified.
    ///
    /// # Example
    /// ```
    /// assert_eq!(edurules_password::Limits::default().max_verify_m_cost_kib(), 262_144);
    /// ```
    #[must_use]
    pub fn max_verify_m_cost_kib(&self) -> u32 {
        self.max_verify_m_cost_kib
    }

    /// Largest `m × t` (KiB × passes) of a stored hash that is verified.
    ///
    /// # Example
    /// ```
    /// assert_eq!(edurules_password::Limits::default().max_verify_work(), 524_288);
    /// ```
    #[must_use]
    pub fn max_verify_work(&self) -> u64 {
        self.max_verify_work
    }

    /// Whether a hash with these costs may be verified.
    pub(crate) fn admits(&self, m_cost_kib: u32, t_cost: u32) -> bool {
        m_cost_kib <= self.max_verify_m_cost_kib
            && u64::from(m_cost_kib).saturating_mul(u64::from(t_cost)) <= self.max_verify_work
    }

    /// What is wrong with these limits (empty when usable).
    ///
    /// # Example
    /// ```
    /// use edurules_password::Limits;
    /// assert_eq!(Limits::default().with_max_password_bytes(0).problems().len(), 1);
    /// ```
    #[must_use]
    pub fn problems(&self) -> Vec<PolicyProblem> {
        let mut out = Vec::new();
        for value in [self.max_password_bytes, self.max_normalized_bytes] {
            if value == 0 || value > MAX_PASSWORD_BYTES_LIMIT {
                out.push(PolicyProblem::PasswordBytes {
                    bytes: value,
                    limit: MAX_PASSWORD_BYTES_LIMIT,
                });
            }
        }
        if self.max_verify_m_cost_kib > crate::hash::MAX_M_COST_KIB
            || self.max_verify_work
                > u64::from(crate::hash::MAX_M_COST_KIB)
                    .saturating_mul(u64::from(crate::hash::MAX_T_COST))
        {
            out.push(PolicyProblem::VerifyCeiling {
                m_cost_kib: self.max_verify_m_cost_kib,
                work: self.max_verify_work,
            });
        }
        out
    }
}
