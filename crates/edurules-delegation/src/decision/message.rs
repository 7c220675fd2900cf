//! What a person reads about a decision: its sources, the links of its chain and the reasons
//! for a denial, in Polish, Bulgarian and English.

use super::{DenyReason, Link, Source};
use crate::locale::{Locale, pick};

impl Source {
    /// The source named in a language, its id quoted: `upoważnienie „a1”`.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Source, AuthorizationId, Locale};
    /// let s = Source::Authorization(AuthorizationId::new("a1").unwrap());
    /// assert_eq!(s.message(Locale::Pl), "upoważnienie „a1”");
    /// assert_eq!(s.message(Locale::Bg), "пълномощно „a1“");
    /// assert_eq!(s.message(Locale::En), "authorization “a1”");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Source::Appointment(id) => {
                let id = locale.quote(id.as_str());
                pick!(
                    locale,
                    "powierzenie {id}",
                    "назначение {id}",
                    "appointment {id}"
                )
            }
            Source::Authorization(id) => {
                let id = locale.quote(id.as_str());
                pick!(
                    locale,
                    "upoważnienie {id}",
                    "пълномощно {id}",
                    "authorization {id}"
                )
            }
        }
    }

    /// The source as the subject of a sentence: Bulgarian takes the definite article
    /// (`пълномощното „a1“`), English "the".
    fn subject(&self, locale: Locale) -> String {
        let (id, bg, en) = match self {
            Source::Appointment(id) => (id.as_str(), "назначението", "the appointment"),
            Source::Authorization(id) => (id.as_str(), "пълномощното", "the authorization"),
        };
        match locale {
            Locale::Pl => self.message(locale),
            Locale::Bg => format!("{bg} {}", locale.quote(id)),
            _ => format!("{en} {}", locale.quote(id)),
        }
    }
}

impl Link {
    /// The link as one line in a language.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Link, Locale, RoleName};
    /// use chrono::NaiveDate;
    /// let l = Link::Role { role: RoleName::new("teacher").unwrap(),
    ///                      assigned_on: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(), last_day: None };
    /// assert_eq!(l.message(Locale::En), "role “teacher” since 1 September 2025");
    /// assert_eq!(l.message(Locale::Pl), "rola „teacher” od 1 września 2025 r.");
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let q = |s: &str| l.quote(s);
        match self {
            Link::Appointment {
                id,
                person,
                from,
                last_day,
            } => {
                let (id, p) = (q(id.as_str()), q(person.as_str()));
                let (from, last) = (l.date(*from), l.date(*last_day));
                pick!(
                    l,
                    "powierzenie {id}: {p} jest dyrektorem od {from} do {last}",
                    "назначение {id}: {p} е директор от {from} до {last}",
                    "appointment {id}: {p} is the head from {from} to {last}"
                )
            }
            Link::Authorization {
                id,
                grantor,
                grantee,
                document,
                valid_from,
                last_day,
            } => {
                let (id, doc) = (q(id.as_str()), q(document.as_str()));
                let (g, to) = (q(grantor.as_str()), q(grantee.as_str()));
                let (from, last) = (l.date(*valid_from), l.date(*last_day));
                pick!(
                    l,
                    "upoważnienie {id} (dokument {doc}): {g} upoważnia {to} od {from} do {last}",
                    "пълномощно {id} (документ {doc}): {g} упълномощава {to} от {from} до {last}",
                    "authorization {id} (document {doc}): {g} authorizes {to} from {from} to {last}"
                )
            }
            Link::Role {
                role,
                assigned_on,
                last_day,
            } => {
                let (r, from) = (q(role.as_str()), l.date(*assigned_on));
                match last_day {
                    None => pick!(
                        l,
                        "rola {r} od {from}",
                        "роля {r} от {from}",
                        "role {r} since {from}"
                    ),
                    Some(last) => {
                        let last = l.date(*last);
                        pick!(
                            l,
                            "rola {r} od {from} do {last}",
                            "роля {r} от {from} до {last}",
                            "role {r} from {from} to {last}"
                        )
                    }
                }
            }
        }
    }
}

impl DenyReason {
    /// The reason in a language.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{DenyReason, Locale};
    /// assert_eq!(DenyReason::NoGrant.message(Locale::En),
    ///            "no appointment or authorization for this institution");
    /// assert_eq!(DenyReason::NoGrant.message(Locale::Bg),
    ///            "няма назначение или пълномощно за тази институция");
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let q = |s: &str| l.quote(s);
        match self {
            Self::UnknownPermission { permission } => {
                let p = q(permission.as_str());
                pick!(
                    l,
                    "nieznane uprawnienie {p}: nie ma go w konfiguracji",
                    "непознато право {p}: няма го в настройките",
                    "unknown permission {p}: it is not in the configuration"
                )
            }
            Self::NoGrant => l
                .pick(
                    "brak powierzenia lub upoważnienia w tym podmiocie",
                    "няма назначение или пълномощно за тази институция",
                    "no appointment or authorization for this institution",
                )
                .to_owned(),
            Self::NotYetValid { source, from } => {
                let (s, from) = (source.subject(l), l.date(*from));
                pick!(
                    l,
                    "{s} obowiązuje dopiero od {from}",
                    "{s} е в сила едва от {from}",
                    "{s} takes effect only on {from}"
                )
            }
            Self::Expired { source, last_day } => {
                let (s, last) = (source.subject(l), l.date(*last_day));
                pick!(
                    l,
                    "{s} wygasło (ostatni dzień: {last})",
                    "{s} е изтекло (последен ден: {last})",
                    "{s} has expired (last day: {last})"
                )
            }
            Self::Revoked {
                authorization,
                by,
                on,
            } => {
                let (a, b, on) = (q(authorization.as_str()), q(by.as_str()), l.date(*on));
                pick!(
                    l,
                    "upoważnienie {a} zostało cofnięte przez {b} ze skutkiem od {on}",
                    "пълномощното {a} е оттеглено от {b}, считано от {on}",
                    "the authorization {a} was revoked by {b} with effect from {on}"
                )
            }
            Self::GrantorLostAccess {
                authorization,
                grantor,
                last_day,
            } => {
                let (a, g) = (q(authorization.as_str()), q(grantor.as_str()));
                let last = l.date(*last_day);
                pick!(
                    l,
                    "dostęp udzielającego {g} skończył się {last}, więc upoważnienie {a} też wygasło",
                    "достъпът на упълномощаващия {g} е изтекъл на {last}, затова е прекратено и пълномощното {a}",
                    "the access of the grantor {g} ended on {last}, so the authorization {a} ended too"
                )
            }
            Self::PermissionNotGranted { source } => {
                let s = source.subject(l);
                pick!(
                    l,
                    "{s} nie obejmuje tego uprawnienia",
                    "{s} не включва това право",
                    "{s} does not include this permission"
                )
            }
            Self::NoRole { permission } => {
                let p = q(permission.as_str());
                pick!(
                    l,
                    "żadna przypisana rola nie daje uprawnienia {p}",
                    "никоя възложена роля не дава правото {p}",
                    "no assigned role grants the permission {p}"
                )
            }
            Self::VoidWithoutWrittenForm { authorization, on } => {
                let (a, on) = (q(authorization.as_str()), l.date(*on));
                pick!(
                    l,
                    "upoważnienie {a} z {on} nie miało formy pisemnej, więc jest nieważne (art. 68 ust. 3 ustawy o SIO)",
                    "пълномощното {a} от {on} не е в писмена форма и е нищожно (чл. 68, ал. 3 от Закона за SIO)",
                    "the authorization {a} of {on} was not in writing, so it is void (art. 68(3) of the SIO Act)"
                )
            }
        }
    }
}

impl edurules_locale::Message for DenyReason {
    fn code(&self) -> &'static str {
        DenyReason::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        DenyReason::message(self, locale)
    }
}
