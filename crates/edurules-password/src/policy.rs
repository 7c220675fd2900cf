//! The password policy as data: length, classes, rotation, history, hashing.

mod blocklist;
mod presets;
mod problem;

pub use blocklist::Blocklist;
pub use presets::COMMON_PASSWORDS_SAMPLE;
pub use problem::PolicyProblem;

use edurules_locale::SchoolZone;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::class::{CharClass, ClassRequirement};
use crate::error::PasswordError;
use crate::hash::HashParams;
use crate::limits::Limits;

/// The largest `max_length` a policy may set (code points).
pub const MAX_LENGTH_LIMIT: u32 = 1024;
/// The largest history depth (Active Directory's maximum).
pub const MAX_HISTORY_DEPTH: u32 = 24;
/// The largest maximum age in days (ten years).
pub const MAX_AGE_LIMIT_DAYS: u32 = 3650;
/// The default expiry warning window in days (not in the seed: our choice).
pub const DEFAULT_WARNING_DAYS: u32 = 7;
/// The default `max_length` (not in the seed: NIST asks for at least 64).
pub const DEFAULT_MAX_LENGTH: u32 = 128;

/// A password policy.
///
/// Loaded from JSON with [`PasswordPolicy::from_json`] (unknown fields are
/// rejected and every problem is listed) or built from a preset:
/// [`PasswordPolicy::opolska_eszkola`], [`PasswordPolicy::nist_800_63b`],
/// [`PasswordPolicy::sio_2022`]. Every rule can be switched off.
///
/// ## Meaning of the fields
/// - Lengths count Unicode code points **after NFKC normalization**.
/// - `history_depth = N` means: the new password must differ from the **N
///   most recently used passwords, the current one included** (as the seed's
///   "odmienne od 4 ostatnio zastosowanych": the current password is the most
///   recently used one; Keycloak's `passwordHistory` counts the same way,
///   pam_pwhistory's `remember=N` counts one more). With `4`, the 5th most
///   recent password may be used again. `0` switches the check off; `1`
///   forbids only keeping the current password.
/// - `max_age_days = D`: a password changed at instant `t` expires at
///   exactly `t + D × 24 h`; at that instant and after it the status is
///   expired. So with `60`, on day 59 (`t + 59 × 24 h`) it is still valid, on
///   day 60 it is expired.
/// - `expiry_warning_days = W`: from `expires_at − W × 24 h` the status is
///   "expiring soon".
/// - `min_age_days`: no change by the user before `changed_at + days` (does not
///   apply when a change is required: first login, administrator reset).
///
/// # Example
/// ```
/// use edurules_password::PasswordPolicy;
/// let p = PasswordPolicy::opolska_eszkola();
/// assert_eq!((p.min_length, p.max_age_days, p.history_depth), (8, Some(60), 4));
/// assert!(p.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PasswordPolicy {
    /// Minimum length in code points after NFKC (≥ 1).
    pub min_length: u32,
    /// Maximum length in code points after NFKC (≥ `min_length`, ≤ 1024).
    pub max_length: u32,
    /// Character-class requirements, all of which must hold.
    #[serde(default)]
    pub character_classes: Vec<ClassRequirement>,
    /// Classes the first and the last character may not belong to (SIO 2022).
    #[serde(default)]
    pub forbidden_at_edges: Vec<CharClass>,
    /// Longest allowed run of one repeated character (`None`: no limit).
    #[serde(default)]
    pub max_repeated: Option<u32>,
    /// Maximum age in days (`None`: no forced rotation).
    #[serde(default)]
    pub max_age_days: Option<u32>,
    /// Days before expiry in which the status is "expiring soon".
    #[serde(default)]
    pub expiry_warning_days: u32,
    /// Minimum age in days (`None`: change any time).
    #[serde(default)]
    pub min_age_days: Option<u32>,
    /// How many most recent passwords (the current one included) a new one must differ from.
    #[serde(default)]
    pub history_depth: u32,
    /// Whether a newly issued account must change its password at the first login.
    #[serde(default)]
    pub change_at_first_login: bool,
    /// Whether the password may not contain the login, names, e-mail local part
    /// or national id (case-insensitive, tokens of 3+ characters).
    #[serde(default)]
    pub forbid_personal_data: bool,
    /// Passwords refused outright, compared with the whole password after
    /// NFKC (case-insensitively unless the list says otherwise), normalized
    /// once at load ([`Blocklist::from_lines`] for a file, [`Blocklist::common`]
    /// for the shipped default).
    #[serde(default)]
    pub blocklist: Blocklist,
    /// Minimum zxcvbn score 0–4 (`None`: zxcvbn is not run).
    #[serde(default)]
    pub min_zxcvbn_score: Option<u8>,
    /// argon2id parameters for new hashes.
    #[serde(default)]
    pub hashing: HashParams,
    /// Input bounds: password sizes, verification cost ceiling.
    #[serde(default)]
    pub limits: Limits,
    /// The school's time zone (IANA name: `Europe/Warsaw`, `Europe/Sofia`
    /// or `UTC`), in which messages show instants (expiry, the next allowed
    /// change). Instants themselves stay UTC. Default `Europe/Warsaw`, so
    /// configurations written before this field load unchanged.
    #[serde(default = "default_time_zone")]
    pub time_zone: SchoolZone,
}

/// The time zone of a policy that names none: Poland's, where the presets'
/// sources come from.
pub(crate) fn default_time_zone() -> SchoolZone {
    SchoolZone::EuropeWarsaw
}

impl Default for PasswordPolicy {
    /// The seed's policy, [`PasswordPolicy::opolska_eszkola`].
    fn default() -> Self {
        Self::opolska_eszkola()
    }
}

impl PasswordPolicy {
    /// Parses a policy from JSON and validates it.
    ///
    /// # Errors
    /// [`PasswordError::PolicyFormat`] for malformed JSON or unknown fields,
    /// [`PasswordError::InvalidPolicy`] listing every problem otherwise.
    ///
    /// # Example
    /// ```
    /// use edurules_password::PasswordPolicy;
    /// let p = PasswordPolicy::from_json(r#"{"min_length": 10, "max_length": 64}"#).unwrap();
    /// assert_eq!(p.min_length, 10);
    /// let e = PasswordPolicy::from_json(r#"{"min_length": 10, "max_length": 6}"#).unwrap_err();
    /// assert_eq!(e.code(), "password.invalid_policy");
    /// assert!(PasswordPolicy::from_json(r#"{"min_length": 8, "max_length": 64, "colour": 1}"#).is_err());
    /// ```
    pub fn from_json(json: &str) -> Result<Self, PasswordError> {
        let policy: Self = serde_json::from_str(json).map_err(|e| PasswordError::PolicyFormat {
            reason: edurules_locale::clip(&e.to_string()),
        })?;
        policy.validate()?;
        Ok(policy)
    }

    /// Every problem of this policy (empty when it is valid).
    ///
    /// # Example
    /// ```
    /// use edurules_password::PasswordPolicy;
    /// let mut p = PasswordPolicy::opolska_eszkola();
    /// p.min_length = 0;
    /// p.history_depth = 99;
    /// assert_eq!(p.problems().len(), 2);
    /// ```
    #[must_use]
    pub fn problems(&self) -> Vec<PolicyProblem> {
        let mut out = Vec::new();
        if self.min_length == 0 {
            out.push(PolicyProblem::MinLengthZero);
        }
        if self.min_length > self.max_length {
            out.push(PolicyProblem::MinAboveMax {
                min: self.min_length,
                max: self.max_length,
            });
        }
        if self.max_length > MAX_LENGTH_LIMIT {
            out.push(PolicyProblem::MaxLengthAboveLimit {
                max: self.max_length,
                limit: MAX_LENGTH_LIMIT,
            });
        }
        for (index, req) in self.character_classes.iter().enumerate() {
            let mut seen: Vec<CharClass> = Vec::new();
            let mut duplicate = false;
            for c in &req.classes {
                if seen.contains(c) {
                    duplicate = true;
                }
                seen.push(*c);
            }
            let count = u32::try_from(seen.len()).unwrap_or(u32::MAX);
            if req.classes.is_empty()
                || duplicate
                || req.min_present == 0
                || u32::from(req.min_present) > count
            {
                out.push(PolicyProblem::ClassRequirement {
                    index,
                    min_present: req.min_present,
                    classes: count,
                });
            }
        }
        let required_chars: u32 = self
            .character_classes
            .iter()
            .map(|r| u32::from(r.min_present))
            .fold(0_u32, u32::saturating_add);
        if required_chars > self.max_length {
            out.push(PolicyProblem::ClassesExceedMaxLength {
                required: required_chars,
                max: self.max_length,
            });
        }
        if self.max_repeated == Some(0) {
            out.push(PolicyProblem::MaxRepeatedZero);
        }
        if let Some(age) = self.max_age_days {
            if age == 0 || age > MAX_AGE_LIMIT_DAYS {
                out.push(PolicyProblem::MaxAge {
                    days: age,
                    limit: MAX_AGE_LIMIT_DAYS,
                });
            }
            if self.expiry_warning_days >= age {
                out.push(PolicyProblem::WarningNotBelowMaxAge {
                    warning: self.expiry_warning_days,
                    max_age: age,
                });
            }
            if let Some(min_age) = self.min_age_days
                && min_age >= age
            {
                out.push(PolicyProblem::MinAgeNotBelowMaxAge {
                    min_age,
                    max_age: age,
                });
            }
        }
        if self.expiry_warning_days > MAX_AGE_LIMIT_DAYS {
            out.push(PolicyProblem::WarningNotBelowMaxAge {
                warning: self.expiry_warning_days,
                max_age: MAX_AGE_LIMIT_DAYS,
            });
        }
        if let Some(min_age) = self.min_age_days
            && min_age > MAX_AGE_LIMIT_DAYS
        {
            out.push(PolicyProblem::MinAgeNotBelowMaxAge {
                min_age,
                max_age: MAX_AGE_LIMIT_DAYS,
            });
        }
        if self.history_depth > MAX_HISTORY_DEPTH {
            out.push(PolicyProblem::HistoryDepth {
                depth: self.history_depth,
                limit: MAX_HISTORY_DEPTH,
            });
        }
        for index in self.blocklist.blank_entries() {
            out.push(PolicyProblem::BlocklistEntryEmpty { index: *index });
        }
        if let Some(score) = self.min_zxcvbn_score
            && score > 4
        {
            out.push(PolicyProblem::ZxcvbnScore { score });
        }
        if self.min_zxcvbn_score.is_some() && !cfg!(feature = "strength") {
            out.push(PolicyProblem::StrengthUnavailable);
        }
        out.extend(self.hashing.problems());
        if !self
            .limits
            .admits(self.hashing.m_cost_kib, self.hashing.t_cost)
        {
            out.push(PolicyProblem::HashAboveCeiling {
                m_cost_kib: self.hashing.m_cost_kib,
                t_cost: self.hashing.t_cost,
            });
        }
        out.extend(self.limits.problems());
        // A password within `max_length` must never be refused for its bytes: four bytes a
        // character (the longest UTF-8), as typed and after NFKC.
        let need = self.max_length.saturating_mul(4);
        for (bytes, after_normalization) in [
            (self.limits.max_password_bytes(), false),
            (self.limits.max_normalized_bytes(), true),
        ] {
            if bytes != 0 && bytes < need {
                out.push(PolicyProblem::BytesBelowMaxLength {
                    bytes,
                    max_length: self.max_length,
                    after_normalization,
                });
            }
        }
        out
    }

    /// Checks the policy.
    ///
    /// # Errors
    /// [`PasswordError::InvalidPolicy`] listing every problem.
    ///
    /// # Example
    /// ```
    /// use edurules_password::PasswordPolicy;
    /// assert!(PasswordPolicy::nist_800_63b().validate().is_ok());
    /// let mut p = PasswordPolicy::nist_800_63b();
    /// p.max_length = 4;
    /// assert!(p.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), PasswordError> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(PasswordError::InvalidPolicy { problems })
        }
    }

    /// The JSON schema of a policy, for editors and configuration tools.
    ///
    /// # Example
    /// ```
    /// let schema = edurules_password::PasswordPolicy::json_schema();
    /// assert!(schema.to_string().contains("min_length"));
    /// ```
    #[must_use]
    pub fn json_schema() -> serde_json::Value {
        schemars::schema_for!(PasswordPolicy).to_value()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(not(feature = "strength"))]
    fn a_minimum_score_without_the_estimator_is_refused() {
        let policy = super::PasswordPolicy {
            min_zxcvbn_score: Some(3),
            ..Default::default()
        };
        assert_eq!(
            policy.problems(),
            [super::PolicyProblem::StrengthUnavailable]
        );
    }

    use super::*;

    #[test]
    #[cfg(feature = "strength")]
    fn every_problem_is_listed_at_once() {
        let json = r#"{
            "min_length": 20, "max_length": 10,
            "character_classes": [{"classes": [], "min_present": 1},
                                  {"classes": ["upper", "upper"], "min_present": 1}],
            "max_age_days": 30, "expiry_warning_days": 30, "min_age_days": 31,
            "history_depth": 30, "blocklist": [" "], "min_zxcvbn_score": 5,
            "hashing": {"m_cost_kib": 1, "t_cost": 0, "p_cost": 1}
        }"#;
        let PasswordError::InvalidPolicy { problems } =
            PasswordPolicy::from_json(json).unwrap_err()
        else {
            panic!("expected invalid policy");
        };
        let codes: Vec<&str> = problems.iter().map(PolicyProblem::code).collect();
        assert_eq!(
            codes,
            [
                "policy.min_above_max",
                "policy.class_requirement",
                "policy.class_requirement",
                "policy.warning_not_below_max_age",
                "policy.min_age_not_below_max_age",
                "policy.history_depth",
                "policy.blocklist_entry_empty",
                "policy.zxcvbn_score",
                "policy.hash_memory",
                "policy.hash_time",
            ]
        );
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let e = PasswordPolicy::from_json(r#"{"min_length":8,"max_length":64,"minLength":9}"#)
            .unwrap_err();
        assert_eq!(e.code(), "password.policy_format");
    }

    #[test]
    #[cfg(feature = "strength")]
    fn presets_round_trip_through_json() {
        for p in [
            PasswordPolicy::opolska_eszkola(),
            PasswordPolicy::nist_800_63b(),
            PasswordPolicy::sio_2022(),
        ] {
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(PasswordPolicy::from_json(&json).unwrap(), p);
        }
    }
}
