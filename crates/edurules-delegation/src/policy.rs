//! The configuration: permissions, the role matrix, delegation depth, e-mail domains,
//! validity limits and what happens to derived grants.

mod dated;
mod email;
mod problem;

pub use dated::DepthVersion;
pub(crate) use dated::max_term_until;
pub use problem::PolicyProblem;

use crate::DelegationError;
use crate::ids::{Permission, RoleName};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Most permissions a policy may declare (they are kept as a bit set).
pub const MAX_PERMISSIONS: usize = 128;
/// Deepest delegation a policy may allow.
pub const MAX_DEPTH: u8 = 8;
/// SIO delegation depth since 2019: a head, then an authorized employee who holds access.
pub const DEFAULT_MAX_DEPTH: u8 = 2;
/// Longest validity a policy may allow, in months (10 years).
pub const MAX_VALIDITY_MONTHS: u32 = 120;
/// SIO act art. 74: at most 5 years.
pub const DEFAULT_MAX_VALIDITY_MONTHS: u32 = 60;
/// SIO act art. 74: an extension request no earlier than 3 months before expiry.
pub const DEFAULT_EXTENSION_WINDOW_MONTHS: u32 = 3;
/// Prawo oświatowe art. 63 ust. 21: a head's post is entrusted for 5 school years.
pub const DEFAULT_TERM_SCHOOL_YEARS: u8 = 5;
/// Longest term a policy may allow, in school years.
pub const MAX_TERM_SCHOOL_YEARS: u8 = 10;
/// Most dated versions of a rule a policy may list.
pub const MAX_VERSIONS: usize = 32;
/// Most institutional mailbox names a policy may list.
pub const MAX_MAILBOXES: usize = 256;

fn default_term() -> u8 {
    DEFAULT_TERM_SCHOOL_YEARS
}

/// What happens to the authorizations a person granted when that person's own access ends
/// (appointment over, authorization expired or revoked).
///
/// # Example
/// ```
/// use edurules_delegation::DerivedGrantPolicy;
/// let p: DerivedGrantPolicy = serde_json::from_str("\"survive\"").unwrap();
/// assert_eq!(p, DerivedGrantPolicy::Survive);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DerivedGrantPolicy {
    /// The SIO rule: derived grants run to their own end date unless revoked (the successor
    /// may revoke them).
    Survive,
    /// A stricter vendor: derived grants end at the same instant as the access they derive from.
    Cascade,
}

/// The rules as data. Load with [`Policy::from_json`] or start from [`Policy::sio`].
///
/// # Example
/// ```
/// use edurules_delegation::{Policy, DerivedGrantPolicy};
/// let p = Policy::sio();
/// assert_eq!(p.max_depth, 2);
/// assert_eq!(p.derived_grants, DerivedGrantPolicy::Survive);
/// assert!(p.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Policy {
    /// Every permission known to the system (at most [`MAX_PERMISSIONS`]).
    pub permissions: Vec<Permission>,
    /// What an entity's head may do by his appointment alone (no role needed).
    pub head_permissions: Vec<Permission>,
    /// The role matrix: what each role allows inside an entity.
    pub roles: BTreeMap<RoleName, Vec<Permission>>,
    /// The permission needed to assign and remove roles (the personal-data administrator's);
    /// `None`: only the head.
    pub role_admin_permission: Option<Permission>,
    /// Longest chain of authorizations below an appointment under today's law (SIO: 2).
    pub max_depth: u8,
    /// Earlier and later texts of the depth rule, by the date of the grant event (SIO: 1
    /// until 2018, 2 since 2019); empty: `max_depth` always. Each at most `max_depth`.
    #[serde(default)]
    pub depth_versions: Vec<DepthVersion>,
    /// A head's term of office in school years (Prawo oświatowe art. 63 ust. 21: 5): the
    /// longest appointment that can be recorded. The head's *access* is bounded separately by
    /// `max_validity_months` (SIO act art. 74 pkt 1).
    #[serde(default = "default_term")]
    pub max_term_school_years: u8,
    /// Longest validity of an appointment's access or an authorization, in months (SIO: 60).
    pub max_validity_months: u32,
    /// How long before expiry an extension may be applied for, in months (SIO: 3).
    pub extension_window_months: u32,
    /// Institutional e-mail domains (lowercase, no `@`); an application's address must not be
    /// in one of them or their subdomains.
    pub institution_domains: Vec<String>,
    /// Mailbox names (the part before `@`, lowercase) that belong to an office, not a person,
    /// whatever the domain: `sekretariat@…`, `dyrektor.sp7@…` (RFC 2142 role mailboxes and a
    /// school's offices). Missing in a loaded policy: the SIO list.
    #[serde(default = "email::sio_institutional_mailboxes")]
    pub institutional_mailboxes: Vec<String>,
    /// What happens to derived grants when the grantor's access ends.
    pub derived_grants: DerivedGrantPolicy,
    /// Whether a grant must end no later than the grantor's own access (not an SIO rule).
    pub cap_at_grantor_end: bool,
    /// Whether a grant needs a pending electronic application from the grantee (SIO: yes).
    pub require_request: bool,
}

fn perms(list: &[&str]) -> Vec<Permission> {
    list.iter()
        .filter_map(|p| Permission::parse(p).ok())
        .collect()
}

fn role(name: &str) -> Option<RoleName> {
    RoleName::new(name).ok()
}

impl Default for Policy {
    fn default() -> Self {
        Self::sio()
    }
}

impl Policy {
    /// The preset for the seed systems: SIO (seed 000: written authorization, personal e-mail,
    /// depth 2, 5 years, 3-month extension window, derived grants survive) with the roles of
    /// a school e-register (seed 004: the secretariat enters pupils' and parents' data, an
    /// authorized employee modifies it, the data administrator assigns roles).
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Policy, Permission, RoleName};
    /// let p = Policy::sio();
    /// let secretariat = &p.roles[&RoleName::new("secretariat").unwrap()];
    /// assert!(secretariat.contains(&Permission::parse("pupils:enter").unwrap()));
    /// ```
    #[must_use]
    pub fn sio() -> Self {
        let all = [
            "sio:access",
            "pupils:read",
            "pupils:enter",
            "pupils:modify",
            "parents:enter",
            "parents:modify",
            "teachers:read",
            "teachers:modify",
            "roles:assign",
        ];
        let mut roles = BTreeMap::new();
        let matrix: [(&str, &[&str]); 5] = [
            (
                "secretariat",
                &["sio:access", "pupils:read", "pupils:enter", "parents:enter"],
            ),
            (
                "data_editor",
                &[
                    "sio:access",
                    "pupils:read",
                    "pupils:modify",
                    "parents:modify",
                ],
            ),
            ("teacher", &["pupils:read"]),
            (
                "sio_operator",
                &[
                    "sio:access",
                    "teachers:read",
                    "teachers:modify",
                    "pupils:read",
                ],
            ),
            (
                "data_administrator",
                &["roles:assign", "pupils:read", "teachers:read"],
            ),
        ];
        for (name, list) in matrix {
            if let Some(r) = role(name) {
                roles.insert(r, perms(list));
            }
        }
        Self {
            permissions: perms(&all),
            head_permissions: perms(&all),
            roles,
            role_admin_permission: Permission::parse("roles:assign").ok(),
            max_depth: DEFAULT_MAX_DEPTH,
            depth_versions: dated::sio_depth_versions(),
            max_term_school_years: DEFAULT_TERM_SCHOOL_YEARS,
            max_validity_months: DEFAULT_MAX_VALIDITY_MONTHS,
            extension_window_months: DEFAULT_EXTENSION_WINDOW_MONTHS,
            institution_domains: Vec::new(),
            institutional_mailboxes: email::sio_institutional_mailboxes(),
            derived_grants: DerivedGrantPolicy::Survive,
            cap_at_grantor_end: false,
            require_request: true,
        }
    }

    /// [`Policy::sio`] for a stricter vendor: derived grants cascade, and no grant outlives
    /// its grantor's access.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Policy, DerivedGrantPolicy};
    /// assert_eq!(Policy::strict().derived_grants, DerivedGrantPolicy::Cascade);
    /// ```
    #[must_use]
    pub fn strict() -> Self {
        Self {
            derived_grants: DerivedGrantPolicy::Cascade,
            cap_at_grantor_end: true,
            ..Self::sio()
        }
    }

    /// This policy with another [`DerivedGrantPolicy`].
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Policy, DerivedGrantPolicy};
    /// let p = Policy::sio().with_derived_grants(DerivedGrantPolicy::Cascade);
    /// assert_eq!(p.derived_grants, DerivedGrantPolicy::Cascade);
    /// ```
    #[must_use]
    pub fn with_derived_grants(mut self, mode: DerivedGrantPolicy) -> Self {
        self.derived_grants = mode;
        self
    }

    /// This policy with another delegation depth for today: sets [`Policy::max_depth`] and
    /// the depth of the latest of [`Policy::depth_versions`] (the text in force today),
    /// keeping the earlier versions.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Policy;
    /// use chrono::NaiveDate;
    /// let p = Policy::sio().with_max_depth(3);
    /// assert_eq!(p.max_depth_on(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()), 3);
    /// assert_eq!(p.max_depth_on(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()), 1);
    /// assert!(p.validate().is_ok());
    /// let mut bad = Policy::sio();
    /// bad.max_depth = 3; // without the latest version: refused
    /// assert!(bad.validate().is_err());
    /// ```
    #[must_use]
    pub fn with_max_depth(mut self, depth: u8) -> Self {
        self.max_depth = depth;
        if let Some(last) = self.depth_versions.last_mut() {
            last.max_depth = depth;
        }
        self
    }

    /// This policy with these institutional e-mail domains.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Policy;
    /// let p = Policy::sio().with_institution_domains(["sp7.opole.pl"]);
    /// assert_eq!(p.institution_domains, vec!["sp7.opole.pl".to_owned()]);
    /// ```
    #[must_use]
    pub fn with_institution_domains<I, S>(mut self, domains: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.institution_domains = domains.into_iter().map(Into::into).collect();
        self
    }

    /// Reads a policy from JSON and validates it.
    ///
    /// # Errors
    /// [`DelegationError::Json`] when the text is not a policy (unknown fields are refused);
    /// [`DelegationError::InvalidPolicy`] listing every problem otherwise.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Policy;
    /// let text = serde_json::to_string(&Policy::sio()).unwrap();
    /// assert_eq!(Policy::from_json(&text).unwrap(), Policy::sio());
    /// assert!(Policy::from_json("{\"max_depth\": 2}").is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<Self, DelegationError> {
        let policy: Self = serde_json::from_str(text).map_err(|e| DelegationError::json(&e))?;
        policy.validate()?;
        Ok(policy)
    }

    /// Checks the policy, listing every problem.
    ///
    /// # Errors
    /// [`DelegationError::InvalidPolicy`] with one entry per problem.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{DelegationError, Policy};
    /// let mut p = Policy::sio();
    /// p.max_depth = 0;
    /// p.max_validity_months = 0;
    /// let Err(DelegationError::InvalidPolicy { problems }) = p.validate() else { panic!() };
    /// let fields: Vec<String> = problems.iter().map(|p| p.field()).collect();
    /// assert_eq!(fields, ["max_depth", "max_validity_months", "extension_window_months"]);
    /// ```
    pub fn validate(&self) -> Result<(), DelegationError> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(DelegationError::InvalidPolicy { problems })
        }
    }

    /// Every problem of the policy, in field order; empty when it is valid.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Policy, PolicyProblem};
    /// assert!(Policy::sio().problems().is_empty());
    /// let mut p = Policy::sio();
    /// p.max_term_school_years = 0;
    /// assert_eq!(p.problems(), vec![PolicyProblem::TermSchoolYears { value: 0 }]);
    /// ```
    #[must_use]
    pub fn problems(&self) -> Vec<PolicyProblem> {
        use PolicyProblem as P;
        let mut problems = Vec::new();
        let mut known: BTreeSet<&Permission> = BTreeSet::new();
        if self.permissions.is_empty() {
            problems.push(P::NoPermissions);
        }
        if self.permissions.len() > MAX_PERMISSIONS {
            problems.push(P::TooManyPermissions {
                declared: self.permissions.len(),
            });
        }
        let mut reported = BTreeSet::new();
        for p in &self.permissions {
            if !known.insert(p) && reported.insert(p) {
                problems.push(P::DuplicatePermission {
                    permission: p.clone(),
                });
            }
        }
        for p in self.head_permissions.iter().filter(|p| !known.contains(p)) {
            problems.push(P::UnknownHeadPermission {
                permission: p.clone(),
            });
        }
        for (r, list) in &self.roles {
            for p in list.iter().filter(|p| !known.contains(p)) {
                problems.push(P::UnknownRolePermission {
                    role: r.clone(),
                    permission: p.clone(),
                });
            }
        }
        if let Some(p) = self
            .role_admin_permission
            .as_ref()
            .filter(|p| !known.contains(p))
        {
            problems.push(P::UnknownRoleAdminPermission {
                permission: p.clone(),
            });
        }
        if self.max_depth == 0 || self.max_depth > MAX_DEPTH {
            problems.push(P::MaxDepth {
                value: self.max_depth,
            });
        }
        if self.max_validity_months == 0 || self.max_validity_months > MAX_VALIDITY_MONTHS {
            problems.push(P::MaxValidityMonths {
                value: self.max_validity_months,
            });
        }
        if self.extension_window_months > self.max_validity_months {
            problems.push(P::ExtensionWindow {
                window: self.extension_window_months,
                max_validity: self.max_validity_months,
            });
        }
        self.validate_versions(&mut problems);
        if self.max_term_school_years == 0 || self.max_term_school_years > MAX_TERM_SCHOOL_YEARS {
            problems.push(P::TermSchoolYears {
                value: self.max_term_school_years,
            });
        }
        if self.institutional_mailboxes.len() > MAX_MAILBOXES {
            problems.push(P::TooManyMailboxes {
                listed: self.institutional_mailboxes.len(),
            });
        }
        for m in &self.institutional_mailboxes {
            if !email::is_mailbox_name(m) {
                problems.push(P::InvalidMailbox {
                    mailbox: edurules_locale::clip(m),
                });
            }
        }
        for d in &self.institution_domains {
            let ok = !d.is_empty()
                && !d.starts_with('.')
                && !d.ends_with('.')
                && !d.contains("..")
                && d.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
            if !ok {
                problems.push(P::InvalidDomain {
                    domain: edurules_locale::clip(d),
                });
            }
        }
        problems
    }

    /// The deepest delegation allowed for a grant event dated `on`: the depth rule's version
    /// in force that day ([`Policy::depth_versions`]), else [`Policy::max_depth`].
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Policy;
    /// use chrono::NaiveDate;
    /// let p = Policy::sio();
    /// assert_eq!(p.max_depth_on(NaiveDate::from_ymd_opt(2018, 3, 1).unwrap()), 1);
    /// assert_eq!(p.max_depth_on(NaiveDate::from_ymd_opt(2019, 3, 1).unwrap()), 2);
    /// ```
    #[must_use]
    pub fn max_depth_on(&self, on: chrono::NaiveDate) -> u8 {
        dated::depth_on(&self.depth_versions, self.max_depth, on)
    }

    fn validate_versions(&self, problems: &mut Vec<PolicyProblem>) {
        use PolicyProblem as P;
        if self.depth_versions.len() > MAX_VERSIONS {
            problems.push(P::TooManyDepthVersions {
                listed: self.depth_versions.len(),
            });
        }
        // Compared with `max_depth` only when that is valid itself (one problem, one entry).
        let depth_ok = (1..=MAX_DEPTH).contains(&self.max_depth);
        for v in &self.depth_versions {
            if depth_ok && (v.max_depth == 0 || v.max_depth > self.max_depth) {
                problems.push(P::DepthVersionOutOfRange {
                    in_force_from: v.in_force_from,
                    depth: v.max_depth,
                    max_depth: self.max_depth,
                });
            }
            if v.basis.trim().is_empty() {
                problems.push(P::DepthVersionWithoutBasis {
                    in_force_from: v.in_force_from,
                });
            }
        }
        if self
            .depth_versions
            .windows(2)
            .any(|w| w.first().map(|a| a.in_force_from) >= w.get(1).map(|b| b.in_force_from))
        {
            problems.push(P::DepthVersionsOutOfOrder);
        }
        if let Some(last) = self.depth_versions.last()
            && depth_ok
            && last.max_depth != self.max_depth
        {
            problems.push(P::LatestDepthVersionDisagrees {
                in_force_from: last.in_force_from,
                depth: last.max_depth,
                max_depth: self.max_depth,
            });
        }
    }

    /// Whether `email` is a plausible personal address: one `@`, both sides non-empty, no
    /// empty domain label (so no leading, trailing or double dot), a mailbox that is not
    /// named for an office ([`Policy::institutional_mailboxes`]), and a domain that is not
    /// institutional (nor a subdomain of one). Case-insensitive. Without configured
    /// institution domains, `anna.nowak@sp7.krakow.pl` cannot be told from a personal
    /// address; `sekretariat@sp7.krakow.pl` still can.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::Policy;
    /// let p = Policy::sio().with_institution_domains(["sp7.opole.pl"]);
    /// assert!(p.is_personal_email("ewa.nowak@example.com"));
    /// assert!(!p.is_personal_email("sekretariat@SP7.opole.pl"));
    /// assert!(!p.is_personal_email("x@kadry.sp7.opole.pl"));
    /// assert!(!p.is_personal_email("no-at-sign"));
    /// assert!(!Policy::sio().is_personal_email("sekretariat@sp7.krakow.pl"));
    /// ```
    #[must_use]
    pub fn is_personal_email(&self, email: &str) -> bool {
        let mut parts = email.split('@');
        let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        // A domain with an empty label (`x@school.pl.`, `x@.school.pl`, `x@a..school.pl`) is
        // not a deliverable address, and would slip past the institutional suffix check.
        if local.is_empty()
            || domain.split('.').any(str::is_empty)
            || email.chars().any(char::is_whitespace)
            || email::is_role_mailbox(local, &self.institutional_mailboxes)
        {
            return false;
        }
        let domain = domain.to_ascii_lowercase();
        !self.institution_domains.iter().any(|inst| {
            domain == *inst
                || domain
                    .strip_suffix(inst.as_str())
                    .is_some_and(|head| head.ends_with('.'))
        })
    }
}

#[cfg(test)]
mod tests;
