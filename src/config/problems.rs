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
#[cfg(any(feature = "login", feature = "password"))]
fn texts<L: serde::de::DeserializeOwned>(message: impl Fn(L) -> String) -> [String; 3] {
    crate::Locale::ALL.map(|l| crate::locale::of(l).map(&message).unwrap_or_default())
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
                ConfigProblem::new(
                    field("login", path),
                    "login.invalid_config",
                    texts(|l| p.message(l)),
                )
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

/// Splits a problem the crate wrote as `field: text` (delegation) into the
/// field and the text; a problem without a field prefix stays whole.
#[cfg(feature = "delegation")]
fn split_field(problem: &str) -> (&str, &str) {
    match problem.split_once(": ") {
        Some((f, rest))
            if !f.is_empty()
                && f.bytes().all(|b| {
                    b.is_ascii_lowercase()
                        || b == b'_'
                        || b == b'.'
                        || b == b':'
                        || b.is_ascii_digit()
                }) =>
        {
            (f, rest)
        }
        _ => ("", problem),
    }
}

/// The problems of the `delegation` section (the crate writes them in
/// English only, each starting with its field).
#[cfg(feature = "delegation")]
pub(super) fn delegation(policy: &edurules_delegation::Policy) -> Vec<ConfigProblem> {
    use edurules_delegation::DelegationError;
    match policy.validate() {
        Ok(()) => Vec::new(),
        Err(DelegationError::InvalidPolicy { problems }) => problems
            .iter()
            .map(|p| {
                let (f, text) = split_field(p);
                ConfigProblem::english(
                    field("delegation", f),
                    "delegation.invalid_policy",
                    text.to_owned(),
                )
            })
            .collect(),
        Err(other) => vec![ConfigProblem::english(
            "delegation",
            other.code(),
            other.to_string(),
        )],
    }
}

/// The problems of the `deadline` section: the rules file cannot be read,
/// or the rules are invalid (the crate writes them in English only).
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
            .map(|p| ConfigProblem::english(path, "deadline.invalid_rules", p.clone()))
            .collect(),
        Err(other) => {
            let [pl, bg, en] = crate::Locale::ALL.map(|l| other.message(l));
            vec![ConfigProblem::new(path, other.code(), [pl, bg, en])]
        }
    }
}

/// The problems of the `absence` section (the crate writes them in English
/// only, naming the rule).
#[cfg(feature = "absence")]
pub(super) fn absence(profile: &edurules_absence::RuleProfile) -> Vec<ConfigProblem> {
    use edurules_absence::AbsenceError;
    match profile.validate() {
        Ok(()) => Vec::new(),
        Err(AbsenceError::InvalidProfile { problems, .. }) => problems
            .iter()
            .map(|p| ConfigProblem::english("absence", "absence.invalid_profile", p.clone()))
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

    #[test]
    fn split_field_takes_a_field_prefix_only() {
        assert_eq!(
            split_field("max_depth: `0` not in 1..=5"),
            ("max_depth", "`0` not in 1..=5")
        );
        assert_eq!(
            split_field("roles.secretariat: unknown"),
            ("roles.secretariat", "unknown")
        );
        assert_eq!(
            split_field("a rule: has spaces"),
            ("", "a rule: has spaces")
        );
    }
}
