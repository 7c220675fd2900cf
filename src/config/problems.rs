//! Each crate's validation of its section, its problems named by the path of
//! their field.

use crate::error::ConfigProblem;

/// The path of a field inside a section (`password` + `min_length`).
#[cfg(any(feature = "login", feature = "password", feature = "delegation"))]
fn field(section: &str, field: &str) -> String {
    if field.is_empty() {
        section.to_owned()
    } else {
        format!("{section}.{field}")
    }
}

/// The three texts of a crate message, in the order Polish, Bulgarian, English.
#[cfg(any(
    feature = "login",
    feature = "password",
    feature = "delegation",
    feature = "deadline",
    feature = "absence"
))]
fn texts(message: impl Fn(crate::Locale) -> String) -> [String; 3] {
    crate::Locale::ALL.map(message)
}

/// The problems of the `login` section.
#[cfg(feature = "login")]
pub(super) fn login(config: &edurules_login::GeneratorConfig) -> Vec<ConfigProblem> {
    use edurules_login::{ConfigProblem as P, LoginError};
    match config.validate() {
        Ok(()) => Vec::new(),
        Err(LoginError::InvalidConfig { problems }) => problems
            .iter()
            .map(|p| {
                let path = match p {
                    P::MinLengthZero => "policy.min_length",
                    P::MinAboveMax { .. } => "policy",
                    P::MaxAboveLimit { .. } => "policy.max_length",
                    P::PatternTakesNoLetters => "pattern",
                    P::FirstNumberZero => "pattern.first_number",
                    P::BadBlocklistEntry { .. } => "blocklist",
                    P::MaxAttemptsZero => "max_attempts",
                    _ => "",
                };
                ConfigProblem::new(field("login", path), p.code(), texts(|l| p.message(l)))
            })
            .collect(),
        Err(other) => vec![ConfigProblem::new(
            "login",
            other.code(),
            texts(|l| other.message(l)),
        )],
    }
}

/// The problems of the `password` section.
#[cfg(feature = "password")]
pub(super) fn password(policy: &edurules_password::PasswordPolicy) -> Vec<ConfigProblem> {
    use edurules_password::PolicyProblem as P;
    policy
        .problems()
        .iter()
        .map(|p| {
            let path = match p {
                P::MinLengthZero => "min_length".to_owned(),
                P::MinAboveMax { .. } | P::ClassesExceedMaxLength { .. } => String::new(),
                P::MaxLengthAboveLimit { .. } => "max_length".to_owned(),
                P::ClassRequirement { index, .. } => format!("character_classes[{index}]"),
                P::MaxRepeatedZero => "max_repeated".to_owned(),
                P::MaxAge { .. } => "max_age_days".to_owned(),
                P::WarningNotBelowMaxAge { .. } => "expiry_warning_days".to_owned(),
                P::MinAgeNotBelowMaxAge { .. } => "min_age_days".to_owned(),
                P::HistoryDepth { .. } => "history_depth".to_owned(),
                P::BlocklistEntryEmpty { index } => format!("blocklist[{index}]"),
                P::ZxcvbnScore { .. } => "min_zxcvbn_score".to_owned(),
                P::HashMemory { .. } => "hashing.m_cost_kib".to_owned(),
                P::HashTime { .. } => "hashing.t_cost".to_owned(),
                P::HashParallelism { .. } => "hashing.p_cost".to_owned(),
                P::HashWork { .. } | P::HashAboveCeiling { .. } => "hashing".to_owned(),
                P::PasswordBytes { .. } | P::VerifyCeiling { .. } => "limits".to_owned(),
                _ => String::new(),
            };
            ConfigProblem::new(field("password", &path), p.code(), texts(|l| p.message(l)))
        })
        .collect()
}

/// The problems of the `delegation` section, each with the path of its field.
#[cfg(feature = "delegation")]
pub(super) fn delegation(policy: &edurules_delegation::Policy) -> Vec<ConfigProblem> {
    policy
        .problems()
        .iter()
        .map(|p| {
            ConfigProblem::new(
                field("delegation", &p.field()),
                p.code(),
                texts(|l| p.message(l)),
            )
        })
        .collect()
}

/// The problems of the `deadline` section: the rules file cannot be read,
/// or the rules are invalid.
#[cfg(feature = "deadline")]
pub(super) fn deadline(config: &super::DeadlineConfig) -> Vec<ConfigProblem> {
    use crate::Error;
    use edurules_deadline::DeadlineError;
    let path = match config.rules {
        super::DeadlineRules::File(_) => "deadline.rules.file",
        super::DeadlineRules::Inline(_) => "deadline.rules.inline",
        _ => "deadline.rules",
    };
    match config.rules() {
        Ok(_) => Vec::new(),
        Err(Error::Deadline(DeadlineError::InvalidRules { problems })) => problems
            .iter()
            .map(|p| ConfigProblem::new(path, p.code(), texts(|l| p.message(l))))
            .collect(),
        Err(other) => {
            let [pl, bg, en] = crate::Locale::ALL.map(|l| other.message(l));
            vec![ConfigProblem::new(path, other.code(), [pl, bg, en])]
        }
    }
}

/// The problems of the `absence` section.
#[cfg(feature = "absence")]
pub(super) fn absence(profile: &edurules_absence::RuleProfile) -> Vec<ConfigProblem> {
    use edurules_absence::AbsenceError;
    match profile.validate() {
        Ok(()) => Vec::new(),
        Err(AbsenceError::InvalidProfile { problems, .. }) => problems
            .iter()
            .map(|p| {
                use edurules_locale::Message as _;
                ConfigProblem::new("absence", p.code(), texts(|l| p.message(l)))
            })
            .collect(),
        Err(other) => {
            let e = crate::Error::from(other);
            let [pl, bg, en] = crate::Locale::ALL.map(|l| e.message(l));
            vec![ConfigProblem::new("absence", e.code(), [pl, bg, en])]
        }
    }
}

#[cfg(all(test, feature = "delegation"))]
mod tests {
    use super::*;

    #[test]
    fn field_joins_with_a_dot() {
        assert_eq!(field("password", "min_length"), "password.min_length");
        assert_eq!(field("absence", ""), "absence");
    }
}
