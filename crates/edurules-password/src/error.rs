//! The crate's error type.

use chrono::{DateTime, Utc};

use crate::check::Violation;
use crate::hash::HashProblem;
use crate::locale::{Locale, bytes, days, pick};
use crate::policy::PolicyProblem;

/// Everything that can go wrong in `edurules-password`. No variant ever holds
/// a password, a hash's tag or anything derived from a password.
///
/// Authentication failures stay vague on purpose ([`PasswordError::InvalidCredentials`]
/// covers a wrong password and an unknown login alike); violations of the
/// policy by a *new* password are precise and complete.
///
/// # Example
/// ```
/// use edurules_password::{Locale, PasswordError};
/// let e = PasswordError::InvalidCredentials;
/// assert_eq!(e.code(), "password.invalid_credentials");
/// assert_eq!(e.to_string(), "invalid credentials");
/// assert_eq!(e.message(Locale::Pl), "nieprawidłowy login lub hasło");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PasswordError {
    /// The policy's JSON is malformed or has unknown fields.
    #[error("malformed policy: `{reason}`")]
    PolicyFormat {
        /// What the parser said.
        reason: String,
    },
    /// The policy breaks its own rules; every problem is listed.
    #[error("invalid policy: {}", list_codes(.problems))]
    InvalidPolicy {
        /// Every problem found.
        problems: Vec<PolicyProblem>,
    },
    /// A stored hash cannot be parsed or used.
    #[error("invalid stored hash: `{reason}`")]
    InvalidHash {
        /// Why (never includes the tag).
        reason: String,
    },
    /// A stored PHC string is not parsed as strictly as the C reference does.
    #[error("malformed stored hash: {}", .problem.message(Locale::En))]
    MalformedHash {
        /// What is wrong (never the salt or the tag).
        problem: HashProblem,
    },
    /// A password is larger than the policy's [`Limits`](crate::Limits) allow;
    /// refused before normalizing (or after counting the normalized size)
    /// and before hashing.
    #[error("password too large: more than `{max_bytes}` bytes{}", if *.after_normalization { " after normalization" } else { "" })]
    InputTooLong {
        /// The limit in UTF-8 bytes.
        max_bytes: u32,
        /// Whether the limit after NFKC was exceeded (else the one as typed).
        after_normalization: bool,
    },
    /// A stored hash costs more than the policy's verification ceiling;
    /// refused before hashing. The account needs a reset by an administrator.
    #[error(
        "stored hash too costly to verify: m=`{m_cost_kib}` KiB, t=`{t_cost}` (ceiling: m ≤ `{max_m_cost_kib}` KiB, m × t ≤ `{max_work}`)"
    )]
    HashTooCostly {
        /// The stored memory cost (KiB).
        m_cost_kib: u32,
        /// The stored time cost.
        t_cost: u32,
        /// The ceiling on memory (KiB).
        max_m_cost_kib: u32,
        /// The ceiling on `m × t`.
        max_work: u64,
    },
    /// Hashing failed (random source, salt).
    #[error("hashing failed: `{reason}`")]
    Hashing {
        /// Why.
        reason: String,
    },
    /// Wrong password or unknown login: deliberately the same.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The current password is younger than the policy's minimum age.
    #[error("password changed too recently: next change allowed from `{allowed_from}`")]
    TooSoon {
        /// The policy's minimum age in days.
        min_age_days: u32,
        /// The first instant at which a change is allowed.
        allowed_from: DateTime<Utc>,
    },
    /// The new password breaks the policy; every violation is listed.
    #[error("new password rejected: {}", list_violations(.violations))]
    Rejected {
        /// Every violation found.
        violations: Vec<Violation>,
    },
    /// The new password is one of the most recent ones.
    #[error(
        "new password is number `{position}` of the last `{depth}` used, counting back from the current one"
    )]
    Reused {
        /// 1 = the current password, 2 = the one before it, …
        position: u32,
        /// The policy's history depth.
        depth: u32,
    },
}

fn list_codes(problems: &[PolicyProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("`{}`", p.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list_violations(violations: &[Violation]) -> String {
    violations
        .iter()
        .map(|v| format!("`{}`", v.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Alias used by [`change_password`](crate::change_password): the crate has one error type.
pub type ChangeError = PasswordError;

impl PasswordError {
    /// The stable machine code, e.g. `password.rejected`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::PasswordError;
    /// assert_eq!(PasswordError::Reused { position: 1, depth: 4 }.code(), "password.reused");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PasswordError::PolicyFormat { .. } => "password.policy_format",
            PasswordError::InvalidPolicy { .. } => "password.invalid_policy",
            PasswordError::InvalidHash { .. } => "password.invalid_hash",
            PasswordError::MalformedHash { .. } => "password.malformed_hash",
            PasswordError::InputTooLong { .. } => "password.input_too_long",
            PasswordError::HashTooCostly { .. } => "password.hash_too_costly",
            PasswordError::Hashing { .. } => "password.hashing",
            PasswordError::InvalidCredentials => "password.invalid_credentials",
            PasswordError::TooSoon { .. } => "password.too_soon",
            PasswordError::Rejected { .. } => "password.rejected",
            PasswordError::Reused { .. } => "password.reused",
        }
    }

    /// The error in words for people; lists of problems or violations are
    /// given one per line after the first line.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Locale, PasswordError};
    /// let e = PasswordError::Reused { position: 2, depth: 4 };
    /// assert!(e.message(Locale::Bg).contains("`4`"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            PasswordError::PolicyFormat { reason } => pick(
                locale,
                format!("błędny format polityki haseł: `{reason}`"),
                format!("грешен формат на политиката за пароли: `{reason}`"),
                format!("malformed policy: `{reason}`"),
            ),
            PasswordError::InvalidPolicy { problems } => {
                let head = pick(
                    locale,
                    "nieprawidłowa polityka haseł:".into(),
                    "невалидна политика за пароли:".into(),
                    "invalid policy:".into(),
                );
                lines(head, problems.iter().map(|p| p.message(locale)))
            }
            PasswordError::InvalidHash { reason } => pick(
                locale,
                format!("nieprawidłowy zapisany skrót hasła: `{reason}`"),
                format!("невалиден съхранен хеш на парола: `{reason}`"),
                format!("invalid stored hash: `{reason}`"),
            ),
            PasswordError::MalformedHash { problem } => pick(
                locale,
                format!(
                    "błędny zapisany skrót hasła: {}",
                    problem.message(Locale::Pl)
                ),
                format!(
                    "грешен съхранен хеш на парола: {}",
                    problem.message(Locale::Bg)
                ),
                format!("malformed stored hash: {}", problem.message(Locale::En)),
            ),
            PasswordError::InputTooLong {
                max_bytes,
                after_normalization,
            } => {
                let (pl, bg, en) = if *after_normalization {
                    (
                        " po normalizacji",
                        " след нормализация",
                        " after normalization",
                    )
                } else {
                    ("", "", "")
                };
                pick(
                    locale,
                    format!(
                        "hasło jest za duże: ponad {}{pl}",
                        bytes(Locale::Pl, *max_bytes)
                    ),
                    format!(
                        "паролата е твърде голяма: над {}{bg}",
                        bytes(Locale::Bg, *max_bytes)
                    ),
                    format!(
                        "password too large: more than {}{en}",
                        bytes(Locale::En, *max_bytes)
                    ),
                )
            }
            PasswordError::HashTooCostly {
                m_cost_kib,
                t_cost,
                max_m_cost_kib,
                max_work,
            } => pick(
                locale,
                format!(
                    "zapisany skrót jest zbyt kosztowny do weryfikacji: m=`{m_cost_kib}` KiB, t=`{t_cost}` (limit: m ≤ `{max_m_cost_kib}` KiB, m × t ≤ `{max_work}`); konto wymaga zresetowania hasła"
                ),
                format!(
                    "съхраненият хеш е твърде скъп за проверка: m=`{m_cost_kib}` KiB, t=`{t_cost}` (граница: m ≤ `{max_m_cost_kib}` KiB, m × t ≤ `{max_work}`); паролата на акаунта трябва да се нулира"
                ),
                format!(
                    "stored hash too costly to verify: m=`{m_cost_kib}` KiB, t=`{t_cost}` (ceiling: m ≤ `{max_m_cost_kib}` KiB, m × t ≤ `{max_work}`); the account's password must be reset"
                ),
            ),
            PasswordError::Hashing { reason } => pick(
                locale,
                format!("błąd obliczania skrótu hasła: `{reason}`"),
                format!("грешка при хеширане на паролата: `{reason}`"),
                format!("hashing failed: `{reason}`"),
            ),
            PasswordError::InvalidCredentials => pick(
                locale,
                "nieprawidłowy login lub hasło".into(),
                "невалидно потребителско име или парола".into(),
                "invalid credentials".into(),
            ),
            PasswordError::TooSoon {
                min_age_days,
                allowed_from,
            } => pick(
                locale,
                format!(
                    "hasło zmieniono zbyt niedawno (minimalny wiek {}): kolejna zmiana możliwa od `{allowed_from}`",
                    days(Locale::Pl, *min_age_days)
                ),
                format!(
                    "паролата е сменена твърде скоро (минимална възраст {}): следваща смяна от `{allowed_from}`",
                    days(Locale::Bg, *min_age_days)
                ),
                format!(
                    "password changed too recently (minimum age {}): next change allowed from `{allowed_from}`",
                    days(Locale::En, *min_age_days)
                ),
            ),
            PasswordError::Rejected { violations } => {
                let head = pick(
                    locale,
                    "nowe hasło odrzucone:".into(),
                    "новата парола е отхвърлена:".into(),
                    "new password rejected:".into(),
                );
                lines(head, violations.iter().map(|v| v.message(locale)))
            }
            PasswordError::Reused { position, depth } => pick(
                locale,
                format!(
                    "nowe hasło musi być inne niż `{depth}` ostatnio używanych (to hasło nr `{position}`, licząc od bieżącego)"
                ),
                format!(
                    "новата парола трябва да се различава от последните `{depth}` използвани (това е парола № `{position}`, броено от текущата)"
                ),
                format!(
                    "the new password must differ from the last `{depth}` used (it is number `{position}`, counting back from the current one)"
                ),
            ),
        }
    }
}

fn lines(head: String, items: impl Iterator<Item = String>) -> String {
    let mut out = head;
    for item in items {
        out.push_str("\n- ");
        out.push_str(&item);
    }
    out
}
