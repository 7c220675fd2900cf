#![doc = include_str!("../README.md")]

mod consolidation;
mod error;
mod generator;
mod login;
mod national_id;
mod policy;
mod skeleton;
#[cfg(test)]
mod sweep;

pub use consolidation::{
    ConflictKind, ConsolidationCase, ConsolidationPlan, LegacyAccount, LoginConflict, Resolution,
    UnrecognizedLogin, plan_consolidation, plan_consolidation_with,
};
/// The language of messages: the workspace's one [`edurules_locale::Locale`].
pub use edurules_locale::Locale;
pub use error::{ConfigProblem, LoginError, MAX_QUOTED_CHARS, NationalIdKind, Script};
pub use generator::{
    GeneratorConfig, LoginDirectory, LoginGenerator, LoginPattern, NameOrder, skeleton_directory,
};
pub use login::{Login, LoginKind, classify, classify_with, normalize, normalize_with};
pub use national_id::{Egn, Pesel, Sex};
pub use policy::LoginPolicy;
pub use skeleton::SkeletonKey;
