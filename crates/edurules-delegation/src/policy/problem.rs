//! [`PolicyProblem`]: one thing wrong with a [`crate::Policy`], with its field for machines
//! and a message for people.

use super::{
    MAX_DEPTH, MAX_MAILBOXES, MAX_PERMISSIONS, MAX_TERM_SCHOOL_YEARS, MAX_VALIDITY_MONTHS,
    MAX_VERSIONS,
};
use crate::ids::{Permission, RoleName};
use crate::locale::{Locale, PERMISSION, n64, quote_clipped};
use chrono::NaiveDate;
use edurules_locale::nouns::{ITEM, MONTH, SCHOOL_YEAR};

/// One problem of a policy, found by [`crate::Policy::validate`]. The field it concerns is
/// [`PolicyProblem::field`] (a machine path such as `roles.teacher`), the stable code
/// [`PolicyProblem::code`], and the text for people [`PolicyProblem::message`].
///
/// # Example
/// ```
/// use edurules_delegation::{DelegationError, Locale, Policy, PolicyProblem};
/// let mut p = Policy::sio();
/// p.max_depth = 0;
/// let Err(DelegationError::InvalidPolicy { problems }) = p.validate() else { panic!() };
/// assert_eq!(problems[0], PolicyProblem::MaxDepth { value: 0 });
/// assert_eq!(problems[0].field(), "max_depth");
/// assert_eq!(problems[0].code(), "delegation.policy.max_depth");
/// assert_eq!(
///     problems[0].message(Locale::Pl),
///     "dopuszczalna głębokość delegacji wynosi 0, a musi wynosić od 1 do 8"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PolicyProblem {
    /// No permission is declared.
    NoPermissions,
    /// More permissions than [`MAX_PERMISSIONS`].
    TooManyPermissions {
        /// How many are declared.
        declared: usize,
    },
    /// A permission is declared twice (reported once per permission).
    DuplicatePermission {
        /// The permission.
        permission: Permission,
    },
    /// The head's permissions name an undeclared permission.
    UnknownHeadPermission {
        /// The permission.
        permission: Permission,
    },
    /// A role names an undeclared permission.
    UnknownRolePermission {
        /// The role.
        role: RoleName,
        /// The permission.
        permission: Permission,
    },
    /// The role administrator's permission is not declared.
    UnknownRoleAdminPermission {
        /// The permission.
        permission: Permission,
    },
    /// `max_depth` outside 1 to [`MAX_DEPTH`].
    MaxDepth {
        /// The value given.
        value: u8,
    },
    /// `max_validity_months` outside 1 to [`MAX_VALIDITY_MONTHS`].
    MaxValidityMonths {
        /// The value given.
        value: u32,
    },
    /// The extension window is longer than the longest validity.
    ExtensionWindow {
        /// The window, in months.
        window: u32,
        /// The longest validity, in months.
        max_validity: u32,
    },
    /// More versions of the depth rule than [`MAX_VERSIONS`].
    TooManyDepthVersions {
        /// How many are listed.
        listed: usize,
    },
    /// A version of the depth rule allows a depth outside 1 to `max_depth`.
    DepthVersionOutOfRange {
        /// The version's first day.
        in_force_from: NaiveDate,
        /// The depth it allows.
        depth: u8,
        /// The policy's `max_depth`.
        max_depth: u8,
    },
    /// A version of the depth rule cites no basis.
    DepthVersionWithoutBasis {
        /// The version's first day.
        in_force_from: NaiveDate,
    },
    /// The versions of the depth rule are not in strictly increasing date order.
    DepthVersionsOutOfOrder,
    /// The latest version of the depth rule and `max_depth` differ.
    LatestDepthVersionDisagrees {
        /// The latest version's first day.
        in_force_from: NaiveDate,
        /// The depth it allows.
        depth: u8,
        /// The policy's `max_depth`.
        max_depth: u8,
    },
    /// `max_term_school_years` outside 1 to [`MAX_TERM_SCHOOL_YEARS`].
    TermSchoolYears {
        /// The value given.
        value: u8,
    },
    /// More institutional mailbox names than [`MAX_MAILBOXES`].
    TooManyMailboxes {
        /// How many are listed.
        listed: usize,
    },
    /// A mailbox name that is not lowercase ASCII letters and digits.
    InvalidMailbox {
        /// The name, cut after 64 characters.
        mailbox: String,
    },
    /// An institution domain that is not a lowercase domain name.
    InvalidDomain {
        /// The domain, cut after 64 characters.
        domain: String,
    },
}

impl PolicyProblem {
    /// The policy field concerned, as a machine path (`max_depth`, `roles.teacher`); empty
    /// for none.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::PolicyProblem;
    /// assert_eq!(PolicyProblem::NoPermissions.field(), "permissions");
    /// ```
    #[must_use]
    pub fn field(&self) -> String {
        match self {
            Self::NoPermissions
            | Self::TooManyPermissions { .. }
            | Self::DuplicatePermission { .. } => "permissions".to_owned(),
            Self::UnknownHeadPermission { .. } => "head_permissions".to_owned(),
            Self::UnknownRolePermission { role, .. } => format!("roles.{role}"),
            Self::UnknownRoleAdminPermission { .. } => "role_admin_permission".to_owned(),
            Self::MaxDepth { .. } => "max_depth".to_owned(),
            Self::MaxValidityMonths { .. } => "max_validity_months".to_owned(),
            Self::ExtensionWindow { .. } => "extension_window_months".to_owned(),
            Self::TooManyDepthVersions { .. }
            | Self::DepthVersionOutOfRange { .. }
            | Self::DepthVersionWithoutBasis { .. }
            | Self::DepthVersionsOutOfOrder
            | Self::LatestDepthVersionDisagrees { .. } => "depth_versions".to_owned(),
            Self::TermSchoolYears { .. } => "max_term_school_years".to_owned(),
            Self::TooManyMailboxes { .. } | Self::InvalidMailbox { .. } => {
                "institutional_mailboxes".to_owned()
            }
            Self::InvalidDomain { .. } => "institution_domains".to_owned(),
        }
    }

    /// A stable machine code, `delegation.policy.…`.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::PolicyProblem;
    /// assert_eq!(PolicyProblem::DepthVersionsOutOfOrder.code(), "delegation.policy.depth_versions_out_of_order");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoPermissions => "delegation.policy.no_permissions",
            Self::TooManyPermissions { .. } => "delegation.policy.too_many_permissions",
            Self::DuplicatePermission { .. } => "delegation.policy.duplicate_permission",
            Self::UnknownHeadPermission { .. } => "delegation.policy.unknown_head_permission",
            Self::UnknownRolePermission { .. } => "delegation.policy.unknown_role_permission",
            Self::UnknownRoleAdminPermission { .. } => {
                "delegation.policy.unknown_role_admin_permission"
            }
            Self::MaxDepth { .. } => "delegation.policy.max_depth",
            Self::MaxValidityMonths { .. } => "delegation.policy.max_validity_months",
            Self::ExtensionWindow { .. } => "delegation.policy.extension_window",
            Self::TooManyDepthVersions { .. } => "delegation.policy.too_many_depth_versions",
            Self::DepthVersionOutOfRange { .. } => "delegation.policy.depth_version_out_of_range",
            Self::DepthVersionWithoutBasis { .. } => {
                "delegation.policy.depth_version_without_basis"
            }
            Self::DepthVersionsOutOfOrder => "delegation.policy.depth_versions_out_of_order",
            Self::LatestDepthVersionDisagrees { .. } => {
                "delegation.policy.latest_depth_version_disagrees"
            }
            Self::TermSchoolYears { .. } => "delegation.policy.term_school_years",
            Self::TooManyMailboxes { .. } => "delegation.policy.too_many_mailboxes",
            Self::InvalidMailbox { .. } => "delegation.policy.invalid_mailbox",
            Self::InvalidDomain { .. } => "delegation.policy.invalid_domain",
        }
    }

    /// The problem in a language, without field names or other machine notation.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Locale, PolicyProblem};
    /// let p = PolicyProblem::MaxValidityMonths { value: 122 };
    /// assert_eq!(p.message(Locale::Pl), "najdłuższa ważność wynosi 122 miesiące, a musi wynosić od 1 do 120 miesięcy");
    /// assert_eq!(p.message(Locale::En), "the longest validity is 122 months; it must be between 1 and 120 months");
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let q = |s: &str| l.quote(s);
        match self {
            Self::NoPermissions => l
                .pick(
                    "konfiguracja nie deklaruje żadnego uprawnienia",
                    "настройките не обявяват нито едно право",
                    "the configuration declares no permission",
                )
                .to_owned(),
            Self::TooManyPermissions { declared } => {
                let n = l.count(n64(*declared), PERMISSION);
                let max = l.count(n64(MAX_PERMISSIONS), PERMISSION);
                l.pick(
                    format!("zadeklarowano {n}, a można najwyżej {max}"),
                    format!("в настройките има {n}, а може да има най-много {max}"),
                    format!("the configuration declares {n}; at most {max} are allowed"),
                )
            }
            Self::DuplicatePermission { permission } => {
                let p = q(permission.as_str());
                l.pick(
                    format!("uprawnienie {p} zadeklarowano więcej niż raz"),
                    format!("правото {p} е обявено повече от веднъж"),
                    format!("the permission {p} is declared more than once"),
                )
            }
            Self::UnknownHeadPermission { permission } => {
                let p = q(permission.as_str());
                l.pick(
                    format!("uprawnienia dyrektora obejmują niezadeklarowane uprawnienie {p}"),
                    format!("правата на директора включват необявеното право {p}"),
                    format!("the head's permissions include the undeclared permission {p}"),
                )
            }
            Self::UnknownRolePermission { role, permission } => {
                let (r, p) = (q(role.as_str()), q(permission.as_str()));
                l.pick(
                    format!("rola {r} daje niezadeklarowane uprawnienie {p}"),
                    format!("ролята {r} дава необявеното право {p}"),
                    format!("the role {r} grants the undeclared permission {p}"),
                )
            }
            Self::UnknownRoleAdminPermission { permission } => {
                let p = q(permission.as_str());
                l.pick(
                    format!("uprawnienie do przypisywania ról {p} nie jest zadeklarowane"),
                    format!("правото за възлагане на роли {p} не е обявено"),
                    format!("the permission to assign roles, {p}, is not declared"),
                )
            }
            Self::MaxDepth { value } => {
                let (v, max) = (l.integer(i128::from(*value)), l.integer(i128::from(MAX_DEPTH)));
                l.pick(
                    format!(
                        "dopuszczalna głębokość delegacji wynosi {v}, a musi wynosić od 1 do {max}"
                    ),
                    format!(
                        "допустимата дълбочина на делегиране е {v}, а трябва да е от 1 до {max}"
                    ),
                    format!("the delegation depth is {v}; it must be between 1 and {max}"),
                )
            }
            Self::MaxValidityMonths { value } => {
                let v = l.count(u64::from(*value), MONTH);
                let max = l.count(u64::from(MAX_VALIDITY_MONTHS), MONTH);
                l.pick(
                    format!("najdłuższa ważność wynosi {v}, a musi wynosić od 1 do {max}"),
                    format!("най-дългата валидност е {v}, а трябва да е от 1 до {max}"),
                    format!("the longest validity is {v}; it must be between 1 and {max}"),
                )
            }
            Self::ExtensionWindow {
                window,
                max_validity,
            } => {
                let w = l.count(u64::from(*window), MONTH);
                let m = l.count(u64::from(*max_validity), MONTH);
                l.pick(
                    format!(
                        "czas na wniosek o przedłużenie ({w}) jest dłuższy niż najdłuższa ważność ({m})"
                    ),
                    format!(
                        "срокът за заявление за удължаване ({w}) е по-дълъг от най-дългата валидност ({m})"
                    ),
                    format!(
                        "the time to apply for an extension ({w}) is longer than the longest validity ({m})"
                    ),
                )
            }
            Self::TooManyDepthVersions { listed } => {
                let n = l.count(n64(*listed), ITEM);
                let max = l.count(n64(MAX_VERSIONS), ITEM);
                l.pick(
                    format!(
                        "lista wersji reguły głębokości ma {n}, a może mieć najwyżej {max}"
                    ),
                    format!(
                        "списъкът с версии на правилото за дълбочина има {n}, а може да има най-много {max}"
                    ),
                    format!(
                        "the list of versions of the depth rule has {n}; it may have at most {max}"
                    ),
                )
            }
            Self::DepthVersionOutOfRange {
                in_force_from,
                depth,
                max_depth,
            } => {
                let from = l.date(*in_force_from);
                let (d, max) = (l.integer(i128::from(*depth)), l.integer(i128::from(*max_depth)));
                l.pick(
                    format!(
                        "wersja reguły głębokości od {from} dopuszcza głębokość {d}, a musi to być od 1 do {max}"
                    ),
                    format!(
                        "версията на правилото за дълбочина от {from} допуска дълбочина {d}, а трябва да е от 1 до {max}"
                    ),
                    format!(
                        "the version of the depth rule from {from} allows a depth of {d}; it must be between 1 and {max}"
                    ),
                )
            }
            Self::DepthVersionWithoutBasis { in_force_from } => {
                let from = l.date(*in_force_from);
                l.pick(
                    format!("wersja reguły głębokości od {from} nie podaje podstawy prawnej"),
                    format!(
                        "версията на правилото за дълбочина от {from} не посочва правно основание"
                    ),
                    format!("the version of the depth rule from {from} cites no legal basis"),
                )
            }
            Self::DepthVersionsOutOfOrder => l
                .pick(
                    "wersje reguły głębokości nie są uporządkowane według dat: każda musi zaczynać się później niż poprzednia",
                    "версиите на правилото за дълбочина не са подредени по дата: всяка трябва да започва след предишната",
                    "the versions of the depth rule are not in date order: each must start after the previous one",
                )
                .to_owned(),
            Self::LatestDepthVersionDisagrees {
                in_force_from,
                depth,
                max_depth,
            } => {
                let from = l.date(*in_force_from);
                let (d, max) = (l.integer(i128::from(*depth)), l.integer(i128::from(*max_depth)));
                l.pick(
                    format!(
                        "najnowsza wersja reguły głębokości (od {from}) dopuszcza głębokość {d}, a ogólna granica wynosi {max}: muszą być równe"
                    ),
                    format!(
                        "последната версия на правилото за дълбочина (от {from}) допуска дълбочина {d}, а общата граница е {max}: трябва да съвпадат"
                    ),
                    format!(
                        "the latest version of the depth rule (from {from}) allows a depth of {d}, but the general limit is {max}: they must agree"
                    ),
                )
            }
            Self::TermSchoolYears { value } => {
                let v = l.count(u64::from(*value), SCHOOL_YEAR);
                let max = l.count(u64::from(MAX_TERM_SCHOOL_YEARS), SCHOOL_YEAR);
                l.pick(
                    format!("kadencja dyrektora wynosi {v}, a musi wynosić od 1 do {max}"),
                    format!("мандатът на директора е {v}, а трябва да е от 1 до {max}"),
                    format!("the head's term is {v}; it must be between 1 and {max}"),
                )
            }
            Self::TooManyMailboxes { listed } => {
                let n = l.count(n64(*listed), ITEM);
                let max = l.count(n64(MAX_MAILBOXES), ITEM);
                l.pick(
                    format!("lista skrzynek służbowych ma {n}, a może mieć najwyżej {max}"),
                    format!(
                        "списъкът със служебни пощенски кутии има {n}, а може да има най-много {max}"
                    ),
                    format!("the list of office mailboxes has {n}; it may have at most {max}"),
                )
            }
            Self::InvalidMailbox { mailbox } => {
                let m = quote_clipped(l, mailbox, None);
                l.pick(
                    format!(
                        "{m} nie jest poprawną nazwą skrzynki: dozwolone są tylko małe litery łacińskie i cyfry"
                    ),
                    format!(
                        "{m} не е валидно име на пощенска кутия: допустими са само малки латински букви и цифри"
                    ),
                    format!(
                        "{m} is not a valid mailbox name: only lowercase Latin letters and digits are allowed"
                    ),
                )
            }
            Self::InvalidDomain { domain } => {
                let d = quote_clipped(l, domain, None);
                l.pick(
                    format!(
                        "{d} nie jest poprawną domeną: dozwolone są małe litery łacińskie, cyfry, łączniki i kropki między częściami"
                    ),
                    format!(
                        "{d} не е валиден домейн: допустими са малки латински букви, цифри, тирета и точки между частите"
                    ),
                    format!(
                        "{d} is not a valid domain: only lowercase Latin letters, digits, hyphens and dots between labels are allowed"
                    ),
                )
            }
        }
    }
}

impl edurules_locale::Message for PolicyProblem {
    fn code(&self) -> &'static str {
        PolicyProblem::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        PolicyProblem::message(self, locale)
    }
}
