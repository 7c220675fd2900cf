#![doc = include_str!("../README.md")]

#[cfg(feature = "hash")]
mod change;
mod check;
mod class;
mod error;
mod hash;
mod limits;
mod locale;
mod policy;
mod rotation;
mod secret;

#[cfg(feature = "hash")]
pub use change::{admin_reset, change_password, change_password_with_salt, issue_account};
pub use check::{
    Edge, MAX_CHECKED_CHARS, MAX_FIELD_BYTES, MAX_TOKEN_CHARS, MAX_TOKENS, MIN_TOKEN_CHARS,
    PersonalField, StrengthWarning, UserContext, Violation, ZXCVBN_COST_BUDGET, ZXCVBN_MAX_CHARS,
    check, warm_up,
};
pub use class::{CharClass, ClassRequirement};
pub use error::{ChangeError, PasswordError};
pub use hash::{
    DEFAULT_M_COST_KIB, DEFAULT_P_COST, DEFAULT_T_COST, HashField, HashParams, HashProblem,
    MAX_HASH_M_COST_KIB, MAX_HASH_WORK, MAX_M_COST_KIB, MAX_P_COST, MAX_PHC_BYTES,
    MAX_STORED_SALT_LEN, MAX_STORED_TAG_LEN, MAX_T_COST, MIN_M_COST_KIB_PER_LANE,
    MIN_STORED_SALT_LEN, MIN_STORED_TAG_LEN, Normalization, SALT_LEN, StoredHash, needs_rehash,
};
#[cfg(feature = "hash")]
pub use hash::{
    hash_password, hash_password_with_salt, verify, verify_or_dummy, verify_with_limits,
};
pub use limits::{
    DEFAULT_MAX_NORMALIZED_BYTES, DEFAULT_MAX_PASSWORD_BYTES, DEFAULT_MAX_VERIFY_M_COST_KIB,
    DEFAULT_MAX_VERIFY_WORK, Limits, MAX_PASSWORD_BYTES_LIMIT,
};
pub use locale::Locale;
pub use policy::{
    Blocklist, COMMON_PASSWORDS_SAMPLE, DEFAULT_MAX_LENGTH, DEFAULT_WARNING_DAYS,
    MAX_AGE_LIMIT_DAYS, MAX_HISTORY_DEPTH, MAX_LENGTH_LIMIT, PasswordPolicy, PolicyProblem,
};
pub use rotation::{AccountState, MustChangeReason, PasswordStatus, status};
pub use secret::Password;
