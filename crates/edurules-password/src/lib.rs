#![doc = include_str!("../README.md")]

mod change;
mod check;
mod class;
mod error;
mod hash;
mod locale;
mod policy;
mod rotation;
mod secret;

pub use change::{admin_reset, change_password, change_password_with_salt, issue_account};
pub use check::{
    Edge, MAX_CHECKED_CHARS, MAX_TOKEN_CHARS, MAX_TOKENS, MIN_TOKEN_CHARS, PersonalField,
    StrengthWarning, UserContext, Violation, ZXCVBN_MAX_CHARS, check, warm_up,
};
pub use class::{CharClass, ClassRequirement};
pub use error::{ChangeError, PasswordError};
pub use hash::{
    DEFAULT_M_COST_KIB, DEFAULT_P_COST, DEFAULT_T_COST, HashParams, MAX_M_COST_KIB, MAX_P_COST,
    MAX_T_COST, MIN_M_COST_KIB_PER_LANE, Normalization, SALT_LEN, StoredHash, hash_password,
    hash_password_with_salt, needs_rehash, verify, verify_or_dummy,
};
pub use locale::Locale;
pub use policy::{
    COMMON_PASSWORDS_SAMPLE, DEFAULT_MAX_LENGTH, DEFAULT_WARNING_DAYS, MAX_AGE_LIMIT_DAYS,
    MAX_HISTORY_DEPTH, MAX_LENGTH_LIMIT, PasswordPolicy, PolicyProblem,
};
pub use rotation::{AccountState, MustChangeReason, PasswordStatus, status};
pub use secret::Password;
