//! The details of a failure of the rules: one per rule broken or per
//! configuration problem, with its code, place, rule and legal basis.

use edurules::{ConfigError, Locale};

use crate::envelope::{Detail, Failure};

/// `failure` with the details `e` carries.
pub(crate) fn of_rules(failure: Failure, e: &edurules::Error, locale: Locale) -> Failure {
    match e {
        edurules::Error::Delegation(edurules::delegation::DelegationError::Rejected {
            violations,
        }) => violations.iter().fold(failure, |f, v| {
            f.with_detail(
                Detail::new(v.message(locale))
                    .with_code(v.code())
                    .with_rule(v.rule().code(), v.rule().legal_basis()),
            )
        }),
        edurules::Error::Password(edurules::password::PasswordError::Rejected { violations }) => {
            violations.iter().fold(failure, |f, v| {
                f.with_detail(Detail::new(v.message(locale)).with_code(v.code()))
            })
        }
        edurules::Error::Config(ConfigError::Invalid { problems }) => {
            problems.iter().fold(failure, |f, p| {
                f.with_detail(
                    Detail::new(p.message(locale))
                        .with_code(p.code)
                        .at(p.path.clone()),
                )
            })
        }
        edurules::Error::Config(ConfigError::Syntax { path, reason, .. }) => failure.with_detail(
            Detail::new(e.message(locale))
                .at(path.clone())
                .because(reason.clone()),
        ),
        _ => failure,
    }
}
