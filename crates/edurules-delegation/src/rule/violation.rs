//! The typed violations reported when an event breaks a [`Rule`].

use super::Rule;
use crate::ids::{AppointmentId, AuthorizationId, EntityId, Login, Permission, RequestId};
use crate::locale::{Locale, pick, plural_bg, plural_en, plural_pl};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a reference points at, in [`Violation::UnknownReference`] and
/// [`Violation::AlreadyEnded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecordKind {
    /// An appointment.
    Appointment,
    /// An authorization.
    Authorization,
    /// An access request.
    Request,
    /// A permission name.
    Permission,
    /// A role name.
    Role,
    /// A role assignment.
    RoleAssignment,
}

impl RecordKind {
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            RecordKind::Appointment => ("powierzenie", "назначение", "appointment"),
            RecordKind::Authorization => ("upoważnienie", "пълномощно", "authorization"),
            RecordKind::Request => ("wniosek", "заявление", "request"),
            RecordKind::Permission => ("uprawnienie", "право", "permission"),
            RecordKind::Role => ("rola", "роля", "role"),
            RecordKind::RoleAssignment => {
                ("przypisanie roli", "възлагане на роля", "role assignment")
            }
        }
    }
}

/// One broken rule, with what the caller needs to act on it.
///
/// # Example
/// ```
/// use edurules_delegation::{Violation, Rule, Locale, AuthorizationId};
/// let v = Violation::MissingWrittenForm { authorization: AuthorizationId::new("a1").unwrap() };
/// assert_eq!(v.rule(), Rule::WrittenForm);
/// assert_eq!(v.code(), "written_form.missing");
/// assert!(v.message(Locale::Pl).contains("pisemn"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "violation", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Violation {
    /// The grantor holds no access for the entity on the grant's date.
    GrantorWithoutAccess {
        /// The grantor.
        grantor: Login,
        /// The entity.
        entity: EntityId,
        /// The grant's date.
        on: NaiveDate,
    },
    /// The grant would take effect after its grantor's access has ended (art. 70 ust. 2: the
    /// grantor must hold access when the access he grants begins).
    StartsAfterGrantor {
        /// The grant's first day.
        from: NaiveDate,
        /// The last day of the grantor's access (the best one he holds).
        grantor_last_day: NaiveDate,
    },
    /// The authorization names no permission: there is nothing it authorizes.
    EmptyScope {
        /// The authorization.
        authorization: AuthorizationId,
    },
    /// No document reference: the authorization would be void.
    MissingWrittenForm {
        /// The authorization that lacks it.
        authorization: AuthorizationId,
    },
    /// The grant asks for permissions the grantor does not hold.
    ExceedsGrantor {
        /// The permissions beyond the grantor's.
        excess: Vec<Permission>,
    },
    /// The period is longer than the policy allows.
    TooLong {
        /// Start of the period.
        from: NaiveDate,
        /// Requested last day.
        until: NaiveDate,
        /// Latest allowed last day.
        max_until: NaiveDate,
    },
    /// The grant would end after the grantor's own access.
    OutlivesGrantor {
        /// Requested last day.
        until: NaiveDate,
        /// The grantor's last day.
        grantor_last_day: NaiveDate,
    },
    /// Another head's appointment overlaps.
    OverlappingHead {
        /// The entity.
        entity: EntityId,
        /// The overlapping appointment.
        other: AppointmentId,
    },
    /// The grantor and the grantee are the same person.
    SelfGrant {
        /// The person.
        person: Login,
    },
    /// The grantee is already in the grantor's chain.
    Cycle {
        /// The grantee found in the chain.
        person: Login,
    },
    /// The grant would be deeper than the policy allows.
    DepthExceeded {
        /// The depth the grant would have.
        depth: u8,
        /// The policy's maximum.
        max: u8,
    },
    /// No pending application from the grantee for that entity.
    NoPendingRequest {
        /// The grantee.
        grantee: Login,
        /// The request named by the grant, if any.
        request: Option<RequestId>,
    },
    /// The application's e-mail is not a personal address.
    InstitutionalEmail {
        /// The address given.
        email: String,
    },
    /// The extension application is filed too early.
    ExtensionTooEarly {
        /// Filing date.
        filed_on: NaiveDate,
        /// Earliest allowed filing date.
        earliest: NaiveDate,
    },
    /// The access to extend has already ended: a new application is needed.
    ExtensionAfterExpiry {
        /// The authorization to extend.
        authorization: AuthorizationId,
        /// Its last valid day.
        last_day: NaiveDate,
    },
    /// The person may not revoke this authorization.
    NotRevoker {
        /// Who tried.
        by: Login,
        /// The authorization.
        authorization: AuthorizationId,
    },
    /// A delegated role administrator assigns a role to himself.
    OwnRoles {
        /// The administrator, who is also the person.
        person: Login,
        /// The entity.
        entity: EntityId,
    },
    /// A head's appointment is longer than the term of office the law allows.
    TermTooLong {
        /// First day.
        from: NaiveDate,
        /// Last day as recorded.
        until: NaiveDate,
        /// The latest last day allowed.
        max_until: NaiveDate,
        /// The term in school years (Prawo oświatowe art. 63 ust. 21: 5).
        school_years: u8,
    },
    /// The person may not assign or remove roles in this entity.
    NotRoleAdministrator {
        /// Who tried.
        by: Login,
        /// The entity.
        entity: EntityId,
    },
    /// The event is dated before an event already in the log.
    OutOfOrder {
        /// The event's date.
        on: NaiveDate,
        /// The latest date already in the log.
        last: NaiveDate,
    },
    /// The period would take effect before it was recorded.
    Retroactive {
        /// The period's start.
        from: NaiveDate,
        /// The event's date.
        on: NaiveDate,
    },
    /// The period starts after it ends.
    InvertedPeriod {
        /// Start.
        from: NaiveDate,
        /// Last day.
        until: NaiveDate,
    },
    /// The id is already used.
    DuplicateId {
        /// What kind of record.
        kind: RecordKind,
        /// The id.
        id: String,
    },
    /// The reference names nothing known.
    UnknownReference {
        /// What kind of record or name.
        kind: RecordKind,
        /// The id or name.
        id: String,
    },
    /// The referenced record has already ended or been used.
    AlreadyEnded {
        /// What kind of record.
        kind: RecordKind,
        /// The id.
        id: String,
    },
}

impl Violation {
    /// The rule this violation breaks.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Violation, Rule, Login};
    /// let v = Violation::SelfGrant { person: Login::new("x").unwrap() };
    /// assert_eq!(v.rule(), Rule::NoSelfGrant);
    /// ```
    #[must_use]
    pub fn rule(&self) -> Rule {
        match self {
            Self::GrantorWithoutAccess { .. } | Self::StartsAfterGrantor { .. } => {
                Rule::GrantorHoldsAccess
            }
            Self::MissingWrittenForm { .. } | Self::EmptyScope { .. } => Rule::WrittenForm,
            Self::ExceedsGrantor { .. } => Rule::Attenuation,
            Self::TooLong { .. } | Self::TermTooLong { .. } => Rule::MaxValidity,
            Self::OutlivesGrantor { .. } => Rule::WithinGrantorTerm,
            Self::OverlappingHead { .. } => Rule::SingleHead,
            Self::SelfGrant { .. } => Rule::NoSelfGrant,
            Self::Cycle { .. } => Rule::NoCycle,
            Self::DepthExceeded { .. } => Rule::DelegationDepth,
            Self::NoPendingRequest { .. } => Rule::PendingRequest,
            Self::InstitutionalEmail { .. } => Rule::PersonalEmail,
            Self::ExtensionTooEarly { .. } | Self::ExtensionAfterExpiry { .. } => {
                Rule::ExtensionWindow
            }
            Self::NotRevoker { .. } => Rule::RevokerAuthority,
            Self::NotRoleAdministrator { .. } | Self::OwnRoles { .. } => Rule::RoleAdministrator,
            Self::OutOfOrder { .. } | Self::Retroactive { .. } => Rule::ChronologicalLog,
            Self::InvertedPeriod { .. } => Rule::ValidPeriod,
            Self::DuplicateId { .. }
            | Self::UnknownReference { .. }
            | Self::AlreadyEnded { .. } => Rule::KnownReferences,
        }
    }

    /// A stable machine code, `rule.detail`.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Violation, Login};
    /// let v = Violation::SelfGrant { person: Login::new("x").unwrap() };
    /// assert_eq!(v.code(), "no_self_grant.same_person");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::GrantorWithoutAccess { .. } => "grantor_holds_access.no_access",
            Self::StartsAfterGrantor { .. } => "grantor_holds_access.starts_after_grantor",
            Self::EmptyScope { .. } => "written_form.empty_scope",
            Self::OwnRoles { .. } => "role_administrator.own_roles",
            Self::TermTooLong { .. } => "max_validity.term_too_long",
            Self::MissingWrittenForm { .. } => "written_form.missing",
            Self::ExceedsGrantor { .. } => "attenuation.exceeds_grantor",
            Self::TooLong { .. } => "max_validity.too_long",
            Self::OutlivesGrantor { .. } => "within_grantor_term.outlives_grantor",
            Self::OverlappingHead { .. } => "single_head.overlap",
            Self::SelfGrant { .. } => "no_self_grant.same_person",
            Self::Cycle { .. } => "no_cycle.grantee_in_chain",
            Self::DepthExceeded { .. } => "delegation_depth.exceeded",
            Self::NoPendingRequest { .. } => "pending_request.missing",
            Self::InstitutionalEmail { .. } => "personal_email.institutional",
            Self::ExtensionTooEarly { .. } => "extension_window.too_early",
            Self::ExtensionAfterExpiry { .. } => "extension_window.expired",
            Self::NotRevoker { .. } => "revoker_authority.not_allowed",
            Self::NotRoleAdministrator { .. } => "role_administrator.not_allowed",
            Self::OutOfOrder { .. } => "chronological_log.out_of_order",
            Self::Retroactive { .. } => "chronological_log.retroactive",
            Self::InvertedPeriod { .. } => "valid_period.inverted",
            Self::DuplicateId { .. } => "known_references.duplicate_id",
            Self::UnknownReference { .. } => "known_references.unknown",
            Self::AlreadyEnded { .. } => "known_references.already_ended",
        }
    }

    /// The message in a language.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Violation, Locale, Login};
    /// let v = Violation::SelfGrant { person: Login::new("ewa").unwrap() };
    /// assert_eq!(v.message(Locale::En), "`ewa` cannot authorize himself");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Self::GrantorWithoutAccess {
                grantor,
                entity,
                on,
            } => pick(
                locale,
                format!(
                    "udzielający `{grantor}` nie posiada dostępu dla `{entity}` w dniu `{on}` (art. 70 ust. 2)"
                ),
                format!(
                    "упълномощаващият `{grantor}` няма достъп за `{entity}` на `{on}` (чл. 70, ал. 2)"
                ),
                format!(
                    "grantor `{grantor}` holds no access for `{entity}` on `{on}` (art. 70 ust. 2)"
                ),
            ),
            Self::MissingWrittenForm { authorization } => pick(
                locale,
                format!(
                    "upoważnienie `{authorization}` bez formy pisemnej jest nieważne (art. 68 ust. 3)"
                ),
                format!(
                    "пълномощното `{authorization}` без писмена форма е нищожно (чл. 68, ал. 3)"
                ),
                format!(
                    "authorization `{authorization}` without written form is void (art. 68 ust. 3)"
                ),
            ),
            Self::ExceedsGrantor { excess } => {
                let list = excess
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                pick(
                    locale,
                    format!("uprawnienia ponad uprawnienia udzielającego: {list}"),
                    format!("права извън правата на упълномощаващия: {list}"),
                    format!("permissions beyond the grantor's: {list}"),
                )
            }
            Self::StartsAfterGrantor {
                from,
                grantor_last_day,
            } => pick(
                locale,
                format!(
                    "upoważnienie od `{from}` zaczęłoby się po końcu dostępu udzielającego (`{grantor_last_day}`) (art. 70 ust. 2)"
                ),
                format!(
                    "пълномощното от `{from}` би започнало след края на достъпа на упълномощаващия (`{grantor_last_day}`) (чл. 70, ал. 2)"
                ),
                format!(
                    "authorization from `{from}` would start after the grantor's access ends (`{grantor_last_day}`) (art. 70 ust. 2)"
                ),
            ),
            Self::EmptyScope { authorization } => pick(
                locale,
                format!("upoważnienie `{authorization}` nie wymienia żadnego uprawnienia"),
                format!("пълномощното `{authorization}` не посочва нито едно право"),
                format!("authorization `{authorization}` names no permission"),
            ),
            Self::OwnRoles { person, entity } => pick(
                locale,
                format!("`{person}` nie może sam sobie przypisać roli w `{entity}`"),
                format!("`{person}` не може сам да си възложи роля в `{entity}`"),
                format!("`{person}` may not assign himself a role in `{entity}`"),
            ),
            Self::TermTooLong {
                from,
                until,
                max_until,
                school_years,
            } => {
                let n = u64::from(*school_years);
                pick(
                    locale,
                    format!(
                        "powierzenie `{from}`–`{until}` przekracza {n} {}; najpóźniej do `{max_until}` (Prawo oświatowe art. 63 ust. 21)",
                        plural_pl(n, "rok szkolny", "lata szkolne", "lat szkolnych")
                    ),
                    format!(
                        "назначението `{from}`–`{until}` надхвърля {n} {}; най-късно до `{max_until}` (Prawo oświatowe, чл. 63, ал. 21)",
                        plural_bg(n, "учебна година", "учебни години")
                    ),
                    format!(
                        "appointment `{from}`–`{until}` exceeds {n} {}; at most until `{max_until}` (Prawo oświatowe art. 63 ust. 21)",
                        plural_en(n, "school year", "school years")
                    ),
                )
            }
            Self::TooLong {
                from,
                until,
                max_until,
            } => pick(
                locale,
                format!(
                    "okres `{from}`–`{until}` jest za długi; najpóźniej do `{max_until}` (art. 74)"
                ),
                format!(
                    "периодът `{from}`–`{until}` е твърде дълъг; най-късно до `{max_until}` (чл. 74)"
                ),
                format!(
                    "period `{from}`–`{until}` is too long; at most until `{max_until}` (art. 74)"
                ),
            ),
            Self::OutlivesGrantor {
                until,
                grantor_last_day,
            } => pick(
                locale,
                format!(
                    "upoważnienie do `{until}` trwa dłużej niż dostęp udzielającego (do `{grantor_last_day}`)"
                ),
                format!(
                    "пълномощното до `{until}` надживява достъпа на упълномощаващия (до `{grantor_last_day}`)"
                ),
                format!(
                    "authorization until `{until}` outlives the grantor's access (until `{grantor_last_day}`)"
                ),
            ),
            Self::OverlappingHead { entity, other } => pick(
                locale,
                format!("dla `{entity}` okres kierownika pokrywa się z powierzeniem `{other}`"),
                format!(
                    "за `{entity}` периодът на ръководителя се припокрива с назначение `{other}`"
                ),
                format!("head period for `{entity}` overlaps appointment `{other}`"),
            ),
            Self::SelfGrant { person } => pick(
                locale,
                format!("`{person}` nie może upoważnić samego siebie"),
                format!("`{person}` не може да упълномощи сам себе си"),
                format!("`{person}` cannot authorize himself"),
            ),
            Self::Cycle { person } => pick(
                locale,
                format!("`{person}` jest już w łańcuchu udzielającego (cykl)"),
                format!("`{person}` вече е във веригата на упълномощаващия (цикъл)"),
                format!("`{person}` is already in the grantor's chain (cycle)"),
            ),
            Self::DepthExceeded { depth, max } => pick(
                locale,
                format!("głębokość delegacji `{depth}` przekracza `{max}`"),
                format!("дълбочината на делегиране `{depth}` надвишава `{max}`"),
                format!("delegation depth `{depth}` exceeds `{max}`"),
            ),
            Self::NoPendingRequest { grantee, request } => {
                let r = request
                    .as_ref()
                    .map_or_else(|| "-".to_owned(), ToString::to_string);
                pick(
                    locale,
                    format!(
                        "brak oczekującego wniosku `{r}` od `{grantee}` dla tego podmiotu (art. 71 ust. 1)"
                    ),
                    format!(
                        "няма чакащо заявление `{r}` от `{grantee}` за този субект (чл. 71, ал. 1)"
                    ),
                    format!(
                        "no pending request `{r}` from `{grantee}` for this entity (art. 71 ust. 1)"
                    ),
                )
            }
            Self::InstitutionalEmail { email } => pick(
                locale,
                format!("adres `{email}` nie jest osobistym adresem e-mail"),
                format!("адресът `{email}` не е личен имейл адрес"),
                format!("`{email}` is not a personal e-mail address"),
            ),
            Self::ExtensionTooEarly { filed_on, earliest } => pick(
                locale,
                format!(
                    "wniosek o przedłużenie z `{filed_on}` złożony za wcześnie; najwcześniej `{earliest}` (art. 74)"
                ),
                format!(
                    "заявлението за удължаване от `{filed_on}` е подадено твърде рано; най-рано `{earliest}` (чл. 74)"
                ),
                format!(
                    "extension request of `{filed_on}` filed too early; earliest `{earliest}` (art. 74)"
                ),
            ),
            Self::ExtensionAfterExpiry {
                authorization,
                last_day,
            } => pick(
                locale,
                format!(
                    "upoważnienie `{authorization}` wygasło (ostatni dzień `{last_day}`); potrzebny nowy wniosek"
                ),
                format!(
                    "пълномощното `{authorization}` е изтекло (последен ден `{last_day}`); нужно е ново заявление"
                ),
                format!(
                    "authorization `{authorization}` has expired (last day `{last_day}`); a new application is needed"
                ),
            ),
            Self::NotRevoker { by, authorization } => pick(
                locale,
                format!("`{by}` nie może cofnąć upoważnienia `{authorization}`"),
                format!("`{by}` не може да оттегли пълномощното `{authorization}`"),
                format!("`{by}` may not revoke authorization `{authorization}`"),
            ),
            Self::NotRoleAdministrator { by, entity } => pick(
                locale,
                format!("`{by}` nie jest administratorem ról w `{entity}`"),
                format!("`{by}` не е администратор на ролите в `{entity}`"),
                format!("`{by}` is not the role administrator of `{entity}`"),
            ),
            Self::OutOfOrder { on, last } => pick(
                locale,
                format!("zdarzenie z `{on}` jest wcześniejsze niż ostatnie w dzienniku (`{last}`)"),
                format!("събитието от `{on}` е по-ранно от последното в дневника (`{last}`)"),
                format!("event of `{on}` is earlier than the last one in the log (`{last}`)"),
            ),
            Self::Retroactive { from, on } => pick(
                locale,
                format!("okres od `{from}` działałby wstecz względem zapisu z `{on}`"),
                format!("периодът от `{from}` би действал с обратна сила спрямо записа от `{on}`"),
                format!("period from `{from}` would take effect before it is recorded on `{on}`"),
            ),
            Self::InvertedPeriod { from, until } => pick(
                locale,
                format!("okres `{from}`–`{until}` kończy się przed początkiem"),
                format!("периодът `{from}`–`{until}` завършва преди началото си"),
                format!("period `{from}`–`{until}` ends before it starts"),
            ),
            Self::DuplicateId { kind, id } => {
                let (pl, bg, en) = kind.names();
                pick(
                    locale,
                    format!("{pl} `{id}` już istnieje"),
                    format!("{bg} `{id}` вече съществува"),
                    format!("{en} `{id}` already exists"),
                )
            }
            Self::UnknownReference { kind, id } => {
                let (pl, bg, en) = kind.names();
                pick(
                    locale,
                    format!("nieznane: {pl} `{id}`"),
                    format!("непознато: {bg} `{id}`"),
                    format!("unknown {en} `{id}`"),
                )
            }
            Self::AlreadyEnded { kind, id } => {
                let (pl, bg, en) = kind.names();
                pick(
                    locale,
                    format!("{pl} `{id}` już się zakończyło lub zostało wykorzystane"),
                    format!("{bg} `{id}` вече е приключило или използвано"),
                    format!("{en} `{id}` has already ended or been used"),
                )
            }
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}
