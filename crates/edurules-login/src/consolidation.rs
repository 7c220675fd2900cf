//! [`plan_consolidation`]: from several legacy logins to one (seed 001, the SIO
//! move to "one login, many entities").

mod explain;

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Login, LoginError, LoginKind, LoginPolicy, SkeletonKey, classify_with};

/// One of a user's legacy accounts: a login, whether it is active, and the
/// entities (schools, reported as their RSPO or REGON id) it gives access to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LegacyAccount {
    /// The login exactly as stored.
    pub login: String,
    /// Whether the account is active; only active logins count.
    pub active: bool,
    /// The entities the login reports for.
    pub entities: BTreeSet<String>,
}

impl LegacyAccount {
    /// An account with the given login, state and entities.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::LegacyAccount;
    ///
    /// let a = LegacyAccount::new("JanKow5", true, ["SP7"]);
    /// assert!(a.entities.contains("SP7"));
    /// ```
    #[must_use]
    pub fn new<I, S>(login: impl Into<String>, active: bool, entities: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            login: login.into(),
            active,
            entities: entities.into_iter().map(Into::into).collect(),
        }
    }
}

/// Which of the seed's four cases applies, with what the user must do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "case", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConsolidationCase {
    /// No active login: nothing to consolidate (outside the seed's cases).
    NoActiveLogins,
    /// Rule 1: exactly one active login and it is canonical; login and password
    /// stay unchanged.
    KeepUnchanged {
        /// The login that stays.
        login: Login,
    },
    /// Rule 2: several active logins, all canonical; the user must choose one
    /// of them by logging in to it and confirming the choice.
    ChooseAmongCanonical {
        /// The logins to choose from, sorted.
        candidates: Vec<Login>,
    },
    /// Rule 3: canonical and non-canonical active logins; the user must choose
    /// one of the canonical ones (logging in to it and confirming).
    ChooseCanonicalOverLegacy {
        /// The canonical logins to choose from, sorted.
        candidates: Vec<Login>,
    },
    /// Rule 4: only non-canonical active logins; the system generates a new
    /// canonical login and the user confirms receiving it with the current
    /// password.
    GenerateNew,
}

impl ConsolidationCase {
    /// The seed's rule number (1–4), or `None` when there is no active login.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::ConsolidationCase;
    /// assert_eq!(ConsolidationCase::GenerateNew.rule(), Some(4));
    /// ```
    #[must_use]
    pub fn rule(&self) -> Option<u8> {
        match self {
            Self::NoActiveLogins => None,
            Self::KeepUnchanged { .. } => Some(1),
            Self::ChooseAmongCanonical { .. } => Some(2),
            Self::ChooseCanonicalOverLegacy { .. } => Some(3),
            Self::GenerateNew => Some(4),
        }
    }
}

/// How logins in a [`LoginConflict`] collide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConflictKind {
    /// The same login is listed more than once.
    Duplicate,
    /// Equal ignoring case (`JanKow5`, `JANKOW5`).
    CaseInsensitive,
    /// Equal by the confusable skeleton (`JANKOW1`, `JANKOWI`).
    Confusable,
}

/// Active logins that collide; reported, never merged silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LoginConflict {
    /// How they collide.
    pub kind: ConflictKind,
    /// The colliding logins as stored, sorted.
    pub logins: Vec<String>,
}

impl LoginConflict {
    /// A conflict of this kind between these logins (sorted here).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{ConflictKind, LoginConflict};
    /// let c = LoginConflict::new(ConflictKind::CaseInsensitive, ["a1", "A1"]);
    /// assert_eq!(c.logins, ["A1", "a1"]);
    /// ```
    #[must_use]
    pub fn new<I, S>(kind: ConflictKind, logins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut logins: Vec<String> = logins.into_iter().map(Into::into).collect();
        logins.sort();
        Self { kind, logins }
    }
}

/// An active login that is neither canonical nor legacy mixed-case (white
/// space, diacritics, punctuation, empty, longer than
/// [`LoginPolicy::MAX_LENGTH_LIMIT`] characters). It cannot survive, and a
/// person should look at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UnrecognizedLogin {
    /// The login as stored.
    pub login: String,
    /// Why it is not a valid login.
    pub reason: LoginError,
}

/// The plan that turns a user's legacy logins into one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ConsolidationPlan {
    /// The case that applies and what the user must do.
    pub case: ConsolidationCase,
    /// The entities the surviving login will cover: the union over all active
    /// accounts.
    pub entities: BTreeSet<String>,
    /// Active logins retired whatever the user chooses (every non-canonical
    /// one), sorted. Under rules 2 and 3 the candidates not chosen are retired
    /// too: see [`ConsolidationPlan::resolve`].
    pub retire: Vec<String>,
    /// Active logins that collide (duplicate, case-insensitive or confusable).
    pub conflicts: Vec<LoginConflict>,
    /// Active logins that are not valid logins at all.
    pub unrecognized: Vec<UnrecognizedLogin>,
    /// Inactive logins, which do not count, sorted.
    pub inactive: Vec<String>,
}

/// The outcome once the user has chosen (rules 2, 3) or received (rule 4) the
/// surviving login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Resolution {
    /// The one login the user keeps.
    pub surviving: Login,
    /// Every other active login, retired, sorted.
    pub retired: Vec<String>,
    /// The entities the surviving login covers.
    pub entities: BTreeSet<String>,
    /// Whether the surviving login is newly generated (rule 4); receiving it
    /// must be confirmed with the current password.
    pub confirm_with_current_password: bool,
}

impl ConsolidationPlan {
    /// Whether the user must choose a login (rules 2 and 3).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{LegacyAccount, plan_consolidation};
    /// let plan = plan_consolidation(&[
    ///     LegacyAccount::new("JANKOW1", true, ["SP7"]),
    ///     LegacyAccount::new("JANKOW9", true, ["LO2"]),
    /// ]);
    /// assert!(plan.requires_choice());
    /// ```
    #[must_use]
    pub fn requires_choice(&self) -> bool {
        matches!(
            self.case,
            ConsolidationCase::ChooseAmongCanonical { .. }
                | ConsolidationCase::ChooseCanonicalOverLegacy { .. }
        )
    }

    /// Whether a person should review the plan before it is applied: there are
    /// conflicts or unrecognized logins.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{LegacyAccount, plan_consolidation};
    /// let plan = plan_consolidation(&[
    ///     LegacyAccount::new("JANKOW5", true, ["SP7"]),
    ///     LegacyAccount::new("JanKow5", true, ["LO2"]),
    /// ]);
    /// assert!(plan.requires_review());
    /// ```
    #[must_use]
    pub fn requires_review(&self) -> bool {
        !self.conflicts.is_empty() || !self.unrecognized.is_empty()
    }

    /// Applies the user's choice (rules 2, 3), the unchanged login (rule 1) or
    /// the newly generated login (rule 4).
    ///
    /// # Errors
    ///
    /// [`LoginError::NotACandidate`] when `surviving` is not the kept login
    /// (rule 1), not one of the candidates (rules 2, 3), collides with one of
    /// the user's own logins, active or inactive, under rule 4 (the seed's
    /// "nowy login"; compared by skeleton, so `JANKOWI` collides with
    /// `JanKow1`), or there is no active login.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{LegacyAccount, plan_consolidation};
    ///
    /// let plan = plan_consolidation(&[
    ///     LegacyAccount::new("JANKOW1", true, ["SP7"]),
    ///     LegacyAccount::new("JanKow5", true, ["LO2"]),
    /// ]);
    /// let done = plan.resolve(&"JANKOW1".parse().unwrap()).unwrap();
    /// assert_eq!(done.retired, ["JanKow5"]);
    /// assert_eq!(done.entities.len(), 2);
    /// assert!(plan.resolve(&"JANKOW5".parse().unwrap()).is_err());
    /// ```
    pub fn resolve(&self, surviving: &Login) -> Result<Resolution, LoginError> {
        let not_a_candidate = || LoginError::NotACandidate {
            login: surviving.to_string(),
        };
        let (allowed, generated) = match &self.case {
            ConsolidationCase::NoActiveLogins => (false, false),
            ConsolidationCase::KeepUnchanged { login } => (login == surviving, false),
            ConsolidationCase::ChooseAmongCanonical { candidates }
            | ConsolidationCase::ChooseCanonicalOverLegacy { candidates } => {
                (candidates.contains(surviving), false)
            }
            // "System wygeneruje nowy login" (seed 001): none of the user's
            // logins, active or not, nor one that looks like it.
            ConsolidationCase::GenerateNew => {
                let key = surviving.skeleton();
                let own = self
                    .retire
                    .iter()
                    .chain(&self.inactive)
                    .any(|l| SkeletonKey::of(l) == key);
                (!own, true)
            }
        };
        if !allowed {
            return Err(not_a_candidate());
        }
        let mut retired = self.retire.clone();
        if let ConsolidationCase::ChooseAmongCanonical { candidates }
        | ConsolidationCase::ChooseCanonicalOverLegacy { candidates } = &self.case
        {
            retired.extend(
                candidates
                    .iter()
                    .filter(|c| *c != surviving)
                    .map(ToString::to_string),
            );
        }
        retired.sort();
        Ok(Resolution {
            surviving: surviving.clone(),
            retired,
            entities: self.entities.clone(),
            confirm_with_current_password: generated,
        })
    }
}

/// Plans the consolidation of a user's legacy logins under the default login
/// policy. See [`plan_consolidation_with`].
///
/// # Example
///
/// ```
/// use edurules_login::{ConsolidationCase, LegacyAccount, plan_consolidation};
///
/// // Rule 4: only mixed-case logins, so a new one is generated.
/// let plan = plan_consolidation(&[
///     LegacyAccount::new("JanKow5", true, ["SP7"]),
///     LegacyAccount::new("JanKow8", true, ["LO2"]),
///     LegacyAccount::new("JANKOW2", false, ["ZS1"]),
/// ]);
/// assert_eq!(plan.case, ConsolidationCase::GenerateNew);
/// assert_eq!(plan.retire, ["JanKow5", "JanKow8"]);
/// assert_eq!(plan.inactive, ["JANKOW2"]);
/// assert_eq!(plan.entities.iter().collect::<Vec<_>>(), ["LO2", "SP7"]);
/// ```
#[must_use]
pub fn plan_consolidation(accounts: &[LegacyAccount]) -> ConsolidationPlan {
    plan_consolidation_with(accounts, &LoginPolicy::SIO)
}

/// Plans the consolidation of a user's legacy logins by the SIO rules (seed
/// 001), counting only active logins:
///
/// 1. exactly one active login and it is canonical → it stays, with its
///    password;
/// 2. several active logins, all canonical → the user chooses one of them;
/// 3. canonical and non-canonical active logins → the user chooses one of the
///    canonical ones;
/// 4. no canonical active login → a new canonical login is generated and the
///    user confirms receiving it with the current password.
///
/// Canonical and mixed-case are decided by [`classify_with`] by the characters
/// only: the seed sorts logins so, and users with access keep it, so a login of
/// upper-case letters and digits shorter or longer than `policy` allows (its
/// bounds are for new logins) is still canonical here, up to
/// [`LoginPolicy::MAX_LENGTH_LIMIT`] characters. `policy` therefore does not
/// change the plan; it is kept so that callers pass the policy they run. An active
/// login that is neither counts as non-canonical (it cannot survive) and is also
/// listed in [`ConsolidationPlan::unrecognized`]. Logins
/// that collide (duplicate, equal ignoring case, equal by skeleton) are listed
/// in [`ConsolidationPlan::conflicts`] and never merged; the same login listed
/// twice is reported as a duplicate and counted once. The result does not
/// depend on the order of `accounts`.
///
/// # Panics
///
/// Never, on any input.
///
/// # Example
///
/// ```
/// use edurules_login::{ConflictKind, ConsolidationCase, LegacyAccount, LoginPolicy, plan_consolidation_with};
///
/// let plan = plan_consolidation_with(
///     &[
///         LegacyAccount::new("JANKOW5", true, ["SP7"]),
///         LegacyAccount::new("JanKow5", true, ["LO2"]),
///     ],
///     &LoginPolicy::default(),
/// );
/// assert!(matches!(plan.case, ConsolidationCase::ChooseCanonicalOverLegacy { .. }));
/// assert_eq!(plan.conflicts[0].kind, ConflictKind::CaseInsensitive);
/// ```
#[must_use]
pub fn plan_consolidation_with(
    accounts: &[LegacyAccount],
    policy: &LoginPolicy,
) -> ConsolidationPlan {
    // Existing logins are sorted by their characters (see above), not by `policy`.
    let _ = policy;
    let mut canonical: Vec<Login> = Vec::new();
    let mut legacy: Vec<String> = Vec::new();
    let mut unrecognized: Vec<UnrecognizedLogin> = Vec::new();
    let mut inactive: Vec<String> = Vec::new();
    let mut entities = BTreeSet::new();
    let mut by_key: BTreeMap<SkeletonKey, Vec<String>> = BTreeMap::new();

    for account in accounts {
        if !account.active {
            inactive.push(account.login.clone());
            continue;
        }
        entities.extend(account.entities.iter().cloned());
        by_key
            .entry(SkeletonKey::of(&account.login))
            .or_default()
            .push(account.login.clone());
        match classify_with(&account.login, &LoginPolicy::EXISTING) {
            LoginKind::Canonical => {
                canonical.push(Login::from_canonical_unchecked(account.login.clone()));
            }
            LoginKind::LegacyMixedCase => legacy.push(account.login.clone()),
            LoginKind::Invalid(reason) => {
                legacy.push(account.login.clone());
                unrecognized.push(UnrecognizedLogin {
                    login: account.login.clone(),
                    reason,
                });
            }
        }
    }
    // A login listed twice is one login: the duplicate is reported as a
    // conflict below, and counted once for the rules.
    canonical.sort();
    canonical.dedup();
    legacy.sort();
    legacy.dedup();
    inactive.sort();
    unrecognized.sort_by(|a, b| a.login.cmp(&b.login));
    unrecognized.dedup_by(|a, b| a.login == b.login);

    let conflicts = by_key
        .into_values()
        .filter(|logins| logins.len() > 1)
        .map(|mut logins| {
            logins.sort();
            LoginConflict {
                kind: conflict_kind(&logins),
                logins,
            }
        })
        .collect();

    let case = match (canonical.len(), legacy.is_empty()) {
        (0, true) => ConsolidationCase::NoActiveLogins,
        (0, false) => ConsolidationCase::GenerateNew,
        (1, true) => match canonical.pop() {
            Some(login) => ConsolidationCase::KeepUnchanged { login },
            None => ConsolidationCase::NoActiveLogins,
        },
        (_, true) => ConsolidationCase::ChooseAmongCanonical {
            candidates: canonical,
        },
        (_, false) => ConsolidationCase::ChooseCanonicalOverLegacy {
            candidates: canonical,
        },
    };
    ConsolidationPlan {
        case,
        entities,
        retire: legacy,
        conflicts,
        unrecognized,
        inactive,
    }
}

/// The kind of a group of (sorted) logins with one skeleton key.
fn conflict_kind(logins: &[String]) -> ConflictKind {
    let all_same = |f: fn(&String, &String) -> bool| {
        logins
            .first()
            .is_some_and(|first| logins.iter().all(|l| f(first, l)))
    };
    if all_same(|a, b| a == b) {
        ConflictKind::Duplicate
    } else if all_same(|a, b| a.eq_ignore_ascii_case(b)) {
        ConflictKind::CaseInsensitive
    } else {
        ConflictKind::Confusable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflict_kinds() {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        assert_eq!(conflict_kind(&s(&["A1", "A1"])), ConflictKind::Duplicate);
        assert_eq!(
            conflict_kind(&s(&["JANKOW5", "JanKow5"])),
            ConflictKind::CaseInsensitive
        );
        assert_eq!(
            conflict_kind(&s(&["JANKOW1", "JANKOWI"])),
            ConflictKind::Confusable
        );
    }

    #[test]
    fn rule_four_rejects_the_users_own_legacy_login_as_the_new_one() {
        let plan = plan_consolidation(&[LegacyAccount::new("JanKow5", true, ["SP7"])]);
        assert!(plan.resolve(&"JANKOW5".parse().unwrap()).is_err());
        let r = plan.resolve(&"JANKOW6".parse().unwrap()).unwrap();
        assert!(r.confirm_with_current_password);
        assert_eq!(r.retired, ["JanKow5"]);
    }

    #[test]
    fn no_active_logins_resolves_nothing() {
        let plan = plan_consolidation(&[LegacyAccount::new("JANKOW1", false, ["SP7"])]);
        assert_eq!(plan.case, ConsolidationCase::NoActiveLogins);
        assert!(plan.entities.is_empty());
        assert!(plan.resolve(&"JANKOW1".parse().unwrap()).is_err());
    }
}
