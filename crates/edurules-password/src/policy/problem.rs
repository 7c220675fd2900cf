//! One problem of a policy found at load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::locale::{Locale, pick};

/// One problem of a [`PasswordPolicy`](crate::PasswordPolicy); a policy that
/// fails to load lists all of them.
///
/// # Example
/// ```
/// use edurules_password::{Locale, PolicyProblem};
/// let p = PolicyProblem::MinAboveMax { min: 10, max: 6 };
/// assert_eq!(p.code(), "policy.min_above_max");
/// assert_eq!(p.message(Locale::En), "`min_length` `10` is above `max_length` `6`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "code")]
#[non_exhaustive]
pub enum PolicyProblem {
    /// `min_length` is 0.
    #[serde(rename = "policy.min_length_zero")]
    MinLengthZero,
    /// `min_length` > `max_length`.
    #[serde(rename = "policy.min_above_max")]
    MinAboveMax {
        /// The minimum.
        min: u32,
        /// The maximum.
        max: u32,
    },
    /// `max_length` above the crate's limit.
    #[serde(rename = "policy.max_length_above_limit")]
    MaxLengthAboveLimit {
        /// The maximum given.
        max: u32,
        /// The limit.
        limit: u32,
    },
    /// A class requirement with no classes, duplicate classes, or an
    /// impossible `min_present`.
    #[serde(rename = "policy.class_requirement")]
    ClassRequirement {
        /// Its position in `character_classes`.
        index: usize,
        /// Its `min_present`.
        min_present: u8,
        /// How many classes it lists.
        classes: u32,
    },
    /// The class requirements need more characters than `max_length`.
    #[serde(rename = "policy.classes_exceed_max_length")]
    ClassesExceedMaxLength {
        /// Characters needed at least.
        required: u32,
        /// The maximum length.
        max: u32,
    },
    /// `max_repeated` is 0.
    #[serde(rename = "policy.max_repeated_zero")]
    MaxRepeatedZero,
    /// `max_age_days` is 0 or above the limit.
    #[serde(rename = "policy.max_age")]
    MaxAge {
        /// The value given.
        days: u32,
        /// The limit.
        limit: u32,
    },
    /// The warning window is not shorter than the maximum age.
    #[serde(rename = "policy.warning_not_below_max_age")]
    WarningNotBelowMaxAge {
        /// The warning window in days.
        warning: u32,
        /// The maximum age in days.
        max_age: u32,
    },
    /// The minimum age is not shorter than the maximum age.
    #[serde(rename = "policy.min_age_not_below_max_age")]
    MinAgeNotBelowMaxAge {
        /// The minimum age in days.
        min_age: u32,
        /// The maximum age in days.
        max_age: u32,
    },
    /// The history depth is above the limit.
    #[serde(rename = "policy.history_depth")]
    HistoryDepth {
        /// The value given.
        depth: u32,
        /// The limit.
        limit: u32,
    },
    /// An empty blocklist entry.
    #[serde(rename = "policy.blocklist_entry_empty")]
    BlocklistEntryEmpty {
        /// Its position.
        index: usize,
    },
    /// A zxcvbn score above 4.
    #[serde(rename = "policy.zxcvbn_score")]
    ZxcvbnScore {
        /// The value given.
        score: u8,
    },
    /// A minimum strength score is set, but this build has no strength
    /// estimator (the crate's `strength` feature is off).
    #[serde(rename = "policy.strength_unavailable")]
    StrengthUnavailable,
    /// argon2 memory out of range.
    #[serde(rename = "policy.hash_memory")]
    HashMemory {
        /// The value given (KiB).
        m_cost_kib: u32,
        /// The minimum for the parallelism given.
        min: u32,
        /// The maximum.
        max: u32,
    },
    /// argon2 time cost out of range.
    #[serde(rename = "policy.hash_time")]
    HashTime {
        /// The value given.
        t_cost: u32,
        /// The maximum.
        max: u32,
    },
    /// argon2 work (`m × t`) above the maximum.
    #[serde(rename = "policy.hash_work")]
    HashWork {
        /// `m × t` given (KiB × passes).
        work: u64,
        /// The maximum.
        max: u64,
    },
    /// The policy's hashing parameters are above its own verification
    /// ceiling: the hashes it makes could not be verified.
    #[serde(rename = "policy.hash_above_ceiling")]
    HashAboveCeiling {
        /// The memory cost given (KiB).
        m_cost_kib: u32,
        /// The time cost given.
        t_cost: u32,
    },
    /// A password size limit is 0 or above the crate's limit.
    #[serde(rename = "policy.password_bytes")]
    PasswordBytes {
        /// The value given (bytes).
        bytes: u32,
        /// The largest allowed.
        limit: u32,
    },
    /// The verification ceiling is above what a stored hash may name.
    #[serde(rename = "policy.verify_ceiling")]
    VerifyCeiling {
        /// The memory ceiling given (KiB).
        m_cost_kib: u32,
        /// The work ceiling given.
        work: u64,
    },
    /// argon2 parallelism out of range.
    #[serde(rename = "policy.hash_parallelism")]
    HashParallelism {
        /// The value given.
        p_cost: u32,
        /// The maximum.
        max: u32,
    },
}

impl PolicyProblem {
    /// The stable machine code, e.g. `policy.min_above_max`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::PolicyProblem;
    /// assert_eq!(PolicyProblem::MinLengthZero.code(), "policy.min_length_zero");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PolicyProblem::MinLengthZero => "policy.min_length_zero",
            PolicyProblem::MinAboveMax { .. } => "policy.min_above_max",
            PolicyProblem::MaxLengthAboveLimit { .. } => "policy.max_length_above_limit",
            PolicyProblem::ClassRequirement { .. } => "policy.class_requirement",
            PolicyProblem::ClassesExceedMaxLength { .. } => "policy.classes_exceed_max_length",
            PolicyProblem::MaxRepeatedZero => "policy.max_repeated_zero",
            PolicyProblem::MaxAge { .. } => "policy.max_age",
            PolicyProblem::WarningNotBelowMaxAge { .. } => "policy.warning_not_below_max_age",
            PolicyProblem::MinAgeNotBelowMaxAge { .. } => "policy.min_age_not_below_max_age",
            PolicyProblem::HistoryDepth { .. } => "policy.history_depth",
            PolicyProblem::BlocklistEntryEmpty { .. } => "policy.blocklist_entry_empty",
            PolicyProblem::ZxcvbnScore { .. } => "policy.zxcvbn_score",
            PolicyProblem::StrengthUnavailable => "policy.strength_unavailable",
            PolicyProblem::HashMemory { .. } => "policy.hash_memory",
            PolicyProblem::HashTime { .. } => "policy.hash_time",
            PolicyProblem::HashParallelism { .. } => "policy.hash_parallelism",
            PolicyProblem::HashWork { .. } => "policy.hash_work",
            PolicyProblem::HashAboveCeiling { .. } => "policy.hash_above_ceiling",
            PolicyProblem::PasswordBytes { .. } => "policy.password_bytes",
            PolicyProblem::VerifyCeiling { .. } => "policy.verify_ceiling",
        }
    }

    /// The problem in words.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Locale, PolicyProblem};
    /// let p = PolicyProblem::HistoryDepth { depth: 30, limit: 24 };
    /// assert!(p.message(Locale::Pl).contains("`30`"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            PolicyProblem::MinLengthZero => pick(
                locale,
                "`min_length` musi wynosić co najmniej `1`".into(),
                "`min_length` трябва да е поне `1`".into(),
                "`min_length` must be at least `1`".into(),
            ),
            PolicyProblem::MinAboveMax { min, max } => pick(
                locale,
                format!("`min_length` `{min}` jest większe niż `max_length` `{max}`"),
                format!("`min_length` `{min}` е по-голямо от `max_length` `{max}`"),
                format!("`min_length` `{min}` is above `max_length` `{max}`"),
            ),
            PolicyProblem::MaxLengthAboveLimit { max, limit } => pick(
                locale,
                format!("`max_length` `{max}` przekracza limit `{limit}`"),
                format!("`max_length` `{max}` надвишава границата `{limit}`"),
                format!("`max_length` `{max}` is above the limit `{limit}`"),
            ),
            PolicyProblem::ClassRequirement {
                index,
                min_present,
                classes,
            } => pick(
                locale,
                format!(
                    "wymaganie klas znaków nr `{index}`: `min_present` `{min_present}` przy `{classes}` różnych klasach (puste, powtórzone lub niemożliwe)"
                ),
                format!(
                    "изискване за класове знаци № `{index}`: `min_present` `{min_present}` при `{classes}` различни класа (празно, повторено или невъзможно)"
                ),
                format!(
                    "character-class requirement `{index}`: `min_present` `{min_present}` with `{classes}` distinct classes (empty, duplicated or impossible)"
                ),
            ),
            PolicyProblem::ClassesExceedMaxLength { required, max } => pick(
                locale,
                format!(
                    "wymagania klas znaków potrzebują `{required}` znaków, a `max_length` to `{max}`"
                ),
                format!(
                    "изискванията за класове знаци искат `{required}` знака, а `max_length` е `{max}`"
                ),
                format!(
                    "the character-class requirements need `{required}` characters but `max_length` is `{max}`"
                ),
            ),
            PolicyProblem::MaxRepeatedZero => pick(
                locale,
                "`max_repeated` musi wynosić co najmniej `1`".into(),
                "`max_repeated` трябва да е поне `1`".into(),
                "`max_repeated` must be at least `1`".into(),
            ),
            PolicyProblem::MaxAge { days, limit } => pick(
                locale,
                format!("`max_age_days` `{days}` musi mieścić się w zakresie `1`–`{limit}`"),
                format!("`max_age_days` `{days}` трябва да е между `1` и `{limit}`"),
                format!("`max_age_days` `{days}` must be within `1`–`{limit}`"),
            ),
            PolicyProblem::WarningNotBelowMaxAge { warning, max_age } => pick(
                locale,
                format!("`expiry_warning_days` `{warning}` musi być mniejsze niż `{max_age}`"),
                format!("`expiry_warning_days` `{warning}` трябва да е по-малко от `{max_age}`"),
                format!("`expiry_warning_days` `{warning}` must be below `{max_age}`"),
            ),
            PolicyProblem::MinAgeNotBelowMaxAge { min_age, max_age } => pick(
                locale,
                format!("`min_age_days` `{min_age}` musi być mniejsze niż `{max_age}`"),
                format!("`min_age_days` `{min_age}` трябва да е по-малко от `{max_age}`"),
                format!("`min_age_days` `{min_age}` must be below `{max_age}`"),
            ),
            PolicyProblem::HistoryDepth { depth, limit } => pick(
                locale,
                format!("`history_depth` `{depth}` przekracza limit `{limit}`"),
                format!("`history_depth` `{depth}` надвишава границата `{limit}`"),
                format!("`history_depth` `{depth}` is above the limit `{limit}`"),
            ),
            PolicyProblem::BlocklistEntryEmpty { index } => pick(
                locale,
                format!("pusta pozycja `{index}` na liście zakazanych haseł"),
                format!("празен запис `{index}` в списъка със забранени пароли"),
                format!("empty blocklist entry `{index}`"),
            ),
            PolicyProblem::StrengthUnavailable => pick(
                locale,
                "ustawiono `min_zxcvbn_score`, ale ta kompilacja nie ocenia siły haseł (funkcja `strength` jest wyłączona)".to_owned(),
                "зададен е `min_zxcvbn_score`, но тази компилация не оценява силата на паролите (функцията `strength` е изключена)".to_owned(),
                "`min_zxcvbn_score` is set, but this build does not estimate password strength (the `strength` feature is off)".to_owned(),
            ),
            PolicyProblem::ZxcvbnScore { score } => pick(
                locale,
                format!("`min_zxcvbn_score` `{score}` musi mieścić się w zakresie `0`–`4`"),
                format!("`min_zxcvbn_score` `{score}` трябва да е между `0` и `4`"),
                format!("`min_zxcvbn_score` `{score}` must be within `0`–`4`"),
            ),
            PolicyProblem::HashMemory {
                m_cost_kib,
                min,
                max,
            } => pick(
                locale,
                format!("pamięć argon2 `{m_cost_kib}` KiB poza zakresem `{min}`–`{max}`"),
                format!("паметта на argon2 `{m_cost_kib}` KiB е извън `{min}`–`{max}`"),
                format!("argon2 memory `{m_cost_kib}` KiB is outside `{min}`–`{max}`"),
            ),
            PolicyProblem::HashTime { t_cost, max } => pick(
                locale,
                format!("liczba przebiegów argon2 `{t_cost}` poza zakresem `1`–`{max}`"),
                format!("броят итерации на argon2 `{t_cost}` е извън `1`–`{max}`"),
                format!("argon2 time cost `{t_cost}` is outside `1`–`{max}`"),
            ),
            PolicyProblem::HashParallelism { p_cost, max } => pick(
                locale,
                format!("równoległość argon2 `{p_cost}` poza zakresem `1`–`{max}`"),
                format!("паралелизмът на argon2 `{p_cost}` е извън `1`–`{max}`"),
                format!("argon2 parallelism `{p_cost}` is outside `1`–`{max}`"),
            ),
            PolicyProblem::HashWork { work, max } => pick(
                locale,
                format!("koszt argon2 m × t = `{work}` przekracza `{max}`"),
                format!("цената на argon2 m × t = `{work}` надвишава `{max}`"),
                format!("argon2 work m × t = `{work}` is above `{max}`"),
            ),
            PolicyProblem::HashAboveCeiling { m_cost_kib, t_cost } => pick(
                locale,
                format!(
                    "parametry argon2 m=`{m_cost_kib}`, t=`{t_cost}` przekraczają limit weryfikacji w `limits`: nowych skrótów nie dałoby się zweryfikować"
                ),
                format!(
                    "параметрите на argon2 m=`{m_cost_kib}`, t=`{t_cost}` надвишават границата за проверка в `limits`: новите хешове не биха могли да се проверят"
                ),
                format!(
                    "argon2 parameters m=`{m_cost_kib}`, t=`{t_cost}` are above the verification ceiling in `limits`: new hashes could not be verified"
                ),
            ),
            PolicyProblem::PasswordBytes { bytes, limit } => pick(
                locale,
                format!("limit rozmiaru hasła `{bytes}` poza zakresem `1`–`{limit}`"),
                format!("границата за размер на паролата `{bytes}` е извън `1`–`{limit}`"),
                format!("password size limit `{bytes}` is outside `1`–`{limit}`"),
            ),
            PolicyProblem::VerifyCeiling { m_cost_kib, work } => pick(
                locale,
                format!(
                    "limit weryfikacji m ≤ `{m_cost_kib}` KiB, m × t ≤ `{work}` przekracza to, co może zawierać zapisany skrót"
                ),
                format!(
                    "границата за проверка m ≤ `{m_cost_kib}` KiB, m × t ≤ `{work}` надвишава допустимото за съхранен хеш"
                ),
                format!(
                    "verification ceiling m ≤ `{m_cost_kib}` KiB, m × t ≤ `{work}` is above what a stored hash may name"
                ),
            ),
        }
    }
}
