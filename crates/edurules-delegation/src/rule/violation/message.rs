//! What a person reads about a [`Violation`], in Polish, Bulgarian and English.

use super::{RecordKind, Violation};
use crate::locale::{Locale, PERMISSION, quote_some};
use edurules_locale::nouns::{LEVEL, SCHOOL_YEAR};

/// Polish grammatical gender, for the verbs and adjectives that agree with a record's name.
#[derive(Clone, Copy)]
enum Gender {
    Masculine,
    Feminine,
    Neuter,
}

/// A record kind's names: Polish nominative, genitive and gender; Bulgarian indefinite,
/// definite and whether feminine; English.
struct Names {
    pl: &'static str,
    pl_genitive: &'static str,
    pl_gender: Gender,
    bg: &'static str,
    bg_definite: &'static str,
    bg_feminine: bool,
    en: &'static str,
}

impl RecordKind {
    fn words(self) -> Names {
        let (pl, pl_genitive, pl_gender, bg, bg_definite, bg_feminine, en) = match self {
            RecordKind::Appointment => (
                "powierzenie",
                "powierzenia",
                Gender::Neuter,
                "назначение",
                "назначението",
                false,
                "appointment",
            ),
            RecordKind::Authorization => (
                "upoważnienie",
                "upoważnienia",
                Gender::Neuter,
                "пълномощно",
                "пълномощното",
                false,
                "authorization",
            ),
            RecordKind::Request => (
                "wniosek",
                "wniosku",
                Gender::Masculine,
                "заявление",
                "заявлението",
                false,
                "application",
            ),
            RecordKind::Permission => (
                "uprawnienie",
                "uprawnienia",
                Gender::Neuter,
                "право",
                "правото",
                false,
                "permission",
            ),
            RecordKind::Role => (
                "rola",
                "roli",
                Gender::Feminine,
                "роля",
                "ролята",
                true,
                "role",
            ),
            RecordKind::RoleAssignment => (
                "przypisanie roli",
                "przypisania roli",
                Gender::Neuter,
                "възлагане на роля",
                "възлагането на роля",
                false,
                "role assignment",
            ),
        };
        Names {
            pl,
            pl_genitive,
            pl_gender,
            bg,
            bg_definite,
            bg_feminine,
            en,
        }
    }
}

/// "(art. 70 ust. 2 ustawy o SIO)" and its translations, for an article given in each
/// language's citation style.
fn sio_act(locale: Locale, pl: &str, bg: &str, en: &str) -> String {
    locale.pick(
        format!("(art. {pl} ustawy o SIO)"),
        format!("(чл. {bg} от Закона за SIO)"),
        format!("(art. {en} of the SIO Act)"),
    )
}

impl Violation {
    /// The message in a language: whole sentences in that language, dates as the language
    /// writes them, logins, ids and other input quoted and cut after 64 characters.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Violation, Locale, Login};
    /// let v = Violation::SelfGrant { person: Login::new("ewa").unwrap() };
    /// assert_eq!(v.message(Locale::En), "“ewa” cannot authorize themselves");
    /// assert_eq!(v.message(Locale::Pl), "„ewa” nie może upoważnić siebie");
    /// assert_eq!(v.message(Locale::Bg), "„ewa“ не може да упълномощи себе си");
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let q = |s: &str| l.quote(s);
        let date = |d: &chrono::NaiveDate| l.date(*d);
        match self {
            Self::GrantorWithoutAccess {
                grantor,
                entity,
                on,
            } => {
                let (g, e, on) = (q(grantor.as_str()), q(entity.as_str()), date(on));
                let law = sio_act(l, "70 ust. 2", "70, ал. 2", "70(2)");
                l.pick(
                    format!(
                        "w dniu {on} udzielający {g} nie ma dostępu do podmiotu {e}, a dane dostępowe może nadać tylko osoba, która sama je ma {law}"
                    ),
                    format!(
                        "на {on} упълномощаващият {g} няма достъп до институцията {e}, а данни за достъп може да предостави само лице, което самото има такива {law}"
                    ),
                    format!(
                        "on {on} the grantor {g} has no access to the institution {e}, and only a person who holds access data may grant them {law}"
                    ),
                )
            }
            Self::StartsAfterGrantor {
                from,
                grantor_last_day,
            } => {
                let (from, last) = (date(from), date(grantor_last_day));
                let law = sio_act(l, "70 ust. 2", "70, ал. 2", "70(2)");
                l.pick(
                    format!(
                        "upoważnienie miałoby obowiązywać od {from}, a dostęp udzielającego kończy się {last} {law}"
                    ),
                    format!(
                        "пълномощното би влязло в сила на {from}, а достъпът на упълномощаващия изтича на {last} {law}"
                    ),
                    format!(
                        "the authorization would start on {from}, but the grantor's access ends on {last} {law}"
                    ),
                )
            }
            Self::EmptyScope { authorization } => {
                let a = q(authorization.as_str());
                l.pick(
                    format!("upoważnienie {a} nie wymienia żadnego uprawnienia"),
                    format!("пълномощното {a} не посочва нито едно право"),
                    format!("the authorization {a} names no permission"),
                )
            }
            Self::MissingWrittenForm { authorization } => {
                let a = q(authorization.as_str());
                let law = sio_act(l, "68 ust. 3", "68, ал. 3", "68(3)");
                l.pick(
                    format!("upoważnienie {a} nie ma formy pisemnej, więc jest nieważne {law}"),
                    format!("пълномощното {a} не е в писмена форма и затова е нищожно {law}"),
                    format!("the authorization {a} is not in writing, so it is void {law}"),
                )
            }
            Self::ExceedsGrantor { excess } => {
                let list = quote_some(l, excess.iter().map(|p| p.as_str()), PERMISSION);
                l.pick(
                    format!(
                        "udzielający nie może przekazać więcej, niż sam ma; poza jego zakresem: {list}"
                    ),
                    format!(
                        "упълномощаващият не може да предостави повече, отколкото сам има; извън обхвата му: {list}"
                    ),
                    format!("the grantor cannot pass on more than they hold; beyond their access: {list}"),
                )
            }
            Self::TooLong {
                from,
                until,
                max_until,
            } => {
                let (from, until, max) = (date(from), date(until), date(max_until));
                let law = sio_act(l, "74", "74", "74");
                l.pick(
                    format!(
                        "okres od {from} do {until} jest za długi: może trwać najpóźniej do {max} {law}"
                    ),
                    format!(
                        "периодът от {from} до {until} е твърде дълъг: може да продължи най-късно до {max} {law}"
                    ),
                    format!(
                        "the period from {from} to {until} is too long: it may last until {max} at the latest {law}"
                    ),
                )
            }
            Self::OutlivesGrantor {
                until,
                grantor_last_day,
            } => {
                let (until, last) = (date(until), date(grantor_last_day));
                l.pick(
                    format!(
                        "upoważnienie do {until} trwałoby dłużej niż dostęp udzielającego, który kończy się {last}"
                    ),
                    format!(
                        "пълномощното до {until} би продължило по-дълго от достъпа на упълномощаващия, който изтича на {last}"
                    ),
                    format!(
                        "the authorization until {until} would outlast the grantor's access, which ends on {last}"
                    ),
                )
            }
            Self::OverlappingHead { entity, other } => {
                let (e, o) = (q(entity.as_str()), q(other.as_str()));
                l.pick(
                    format!("podmiot {e} ma już w tym okresie dyrektora (powierzenie {o})"),
                    format!("институцията {e} вече има директор за този период (назначение {o})"),
                    format!(
                        "the institution {e} already has a head for this period (appointment {o})"
                    ),
                )
            }
            Self::SelfGrant { person } => {
                let p = q(person.as_str());
                l.pick(
                    format!("{p} nie może upoważnić siebie"),
                    format!("{p} не може да упълномощи себе си"),
                    format!("{p} cannot authorize themselves"),
                )
            }
            Self::Cycle { person } => {
                let p = q(person.as_str());
                l.pick(
                    format!(
                        "{p} już jest w łańcuchu upoważnień udzielającego, więc upoważnienie zamknęłoby koło"
                    ),
                    format!(
                        "{p} вече е във веригата от пълномощни на упълномощаващия и пълномощното би затворило кръг"
                    ),
                    format!(
                        "{p} is already in the grantor's chain of authorizations, so the authorization would form a cycle"
                    ),
                )
            }
            Self::DepthExceeded { depth, max } => {
                let depth = l.count(u64::from(*depth), LEVEL);
                let max = l.count(u64::from(*max), LEVEL);
                l.pick(
                    format!(
                        "łańcuch upoważnień od dyrektora miałby {depth}, a zasady dopuszczają najwyżej {max}"
                    ),
                    format!(
                        "веригата от пълномощни след директора би имала {depth}, а правилата допускат най-много {max}"
                    ),
                    format!(
                        "the chain of authorizations below the head would have {depth}, and the rules allow at most {max}"
                    ),
                )
            }
            Self::NoPendingRequest { grantee, request } => {
                let g = q(grantee.as_str());
                let r = request
                    .as_ref()
                    .map(|r| format!(" {}", q(r.as_str())))
                    .unwrap_or_default();
                let law = sio_act(l, "71 ust. 1", "71, ал. 1", "71(1)");
                l.pick(
                    format!(
                        "brak oczekującego wniosku elektronicznego{r} od {g} w tym podmiocie {law}"
                    ),
                    format!("няма чакащо електронно заявление{r} от {g} за тази институция {law}"),
                    format!(
                        "no pending electronic application{r} from {g} for this institution {law}"
                    ),
                )
            }
            Self::InstitutionalEmail { email } => {
                let e = q(email);
                l.pick(
                    format!(
                        "adres {e} należy do szkoły lub urzędu, a nie do osoby: podaj osobisty adres e-mail"
                    ),
                    format!("адресът {e} е служебен, а не личен: посочете личен имейл адрес"),
                    format!(
                        "the address {e} belongs to an office, not a person: give a personal e-mail address"
                    ),
                )
            }
            Self::ExtensionTooEarly { filed_on, earliest } => {
                let (filed, earliest) = (date(filed_on), date(earliest));
                let law = sio_act(l, "74", "74", "74");
                l.pick(
                    format!(
                        "wniosek o przedłużenie z {filed} złożono za wcześnie: najwcześniej można go złożyć {earliest} {law}"
                    ),
                    format!(
                        "заявлението за удължаване от {filed} е подадено твърде рано: може да се подаде най-рано на {earliest} {law}"
                    ),
                    format!(
                        "the extension application of {filed} was filed too early: it may be filed on {earliest} at the earliest {law}"
                    ),
                )
            }
            Self::ExtensionAfterExpiry {
                authorization,
                last_day,
            } => {
                let (a, last) = (q(authorization.as_str()), date(last_day));
                l.pick(
                    format!(
                        "upoważnienie {a} wygasło (ostatni dzień: {last}), więc zamiast przedłużenia potrzebny jest nowy wniosek"
                    ),
                    format!(
                        "пълномощното {a} е изтекло (последен ден: {last}), затова вместо удължаване е нужно ново заявление"
                    ),
                    format!(
                        "the authorization {a} has expired (last day: {last}), so a new application is needed instead of an extension"
                    ),
                )
            }
            Self::NotRevoker { by, authorization } => {
                let (b, a) = (q(by.as_str()), q(authorization.as_str()));
                l.pick(
                    format!(
                        "{b} nie może cofnąć upoważnienia {a}: cofa je dyrektor albo udzielający, dopóki ma dostęp"
                    ),
                    format!(
                        "{b} не може да оттегли пълномощното {a}: оттегля го директорът или упълномощилият, докато има достъп"
                    ),
                    format!(
                        "{b} may not revoke the authorization {a}: only the head, or the grantor while holding access, may"
                    ),
                )
            }
            Self::OwnRoles { person, entity } => {
                let (p, e) = (q(person.as_str()), q(entity.as_str()));
                l.pick(
                    format!("{p} nie może przypisać sobie roli w podmiocie {e}"),
                    format!("{p} не може да си възлага роли в институцията {e}"),
                    format!("{p} may not assign a role to themselves in the institution {e}"),
                )
            }
            Self::TermTooLong {
                from,
                until,
                max_until,
                school_years,
            } => {
                let (from, until, max) = (date(from), date(until), date(max_until));
                let years = l.count(u64::from(*school_years), SCHOOL_YEAR);
                let act = l.quote("Prawo oświatowe");
                l.pick(
                    format!(
                        "powierzenie stanowiska dyrektora od {from} do {until} trwa dłużej niż {years}; może trwać najpóźniej do {max} (art. 63 ust. 21 ustawy – Prawo oświatowe)"
                    ),
                    format!(
                        "назначението на директора от {from} до {until} е за повече от {years}; може да продължи най-късно до {max} (чл. 63, ал. 21 от полския закон {act})"
                    ),
                    format!(
                        "the head's appointment from {from} to {until} is longer than {years}; it may last until {max} at the latest (art. 63(21) of the Polish school education act, {act})"
                    ),
                )
            }
            Self::NotRoleAdministrator { by, entity } => {
                let (b, e) = (q(by.as_str()), q(entity.as_str()));
                l.pick(
                    format!(
                        "{b} nie może przypisywać ani odbierać ról w podmiocie {e}: robi to administrator danych osobowych"
                    ),
                    format!(
                        "{b} не може да възлага или отнема роли в институцията {e}: това прави администраторът на лични данни"
                    ),
                    format!(
                        "{b} may not assign or remove roles in the institution {e}: the personal-data administrator does"
                    ),
                )
            }
            Self::OutOfOrder { on, last } => {
                let (on, last) = (date(on), date(last));
                l.pick(
                    format!(
                        "zdarzenie z {on} jest wcześniejsze niż ostatnie zdarzenie w dzienniku ({last})"
                    ),
                    format!("събитието от {on} е по-ранно от последното събитие в дневника ({last})"),
                    format!("the event of {on} is earlier than the last event in the log ({last})"),
                )
            }
            Self::UsedThatDay {
                person,
                on,
                kind,
                id,
            } => {
                let (w, p, on, id) = (kind.words(), q(person.as_str()), date(on), q(id));
                l.pick(
                    format!(
                        "zakończenie od {on} obowiązywałoby od początku tego dnia, a tego dnia na podstawie dostępu użytkownika {p} zapisano już zdarzenie dotyczące {} {id}; zdarzenie nie może zmieniać przeszłości: zakończenie można zapisać od następnego dnia",
                        w.pl_genitive
                    ),
                    format!(
                        "прекратяването от {on} би действало от началото на този ден, а в този ден въз основа на достъпа на {p} вече е вписано събитие относно {} {id}; събитие не може да променя миналото: прекратяването може да се впише от следващия ден",
                        w.bg
                    ),
                    format!(
                        "an end from {on} would take effect from the start of that day, and an event concerning the {} {id} was already recorded that day under the access of {p}; no event changes the past: record the end from the next day",
                        w.en
                    ),
                )
            }
            Self::Retroactive { from, on } => {
                let (from, on) = (date(from), date(on));
                l.pick(
                    format!(
                        "okres od {from} zaczynałby się przed dniem zapisu ({on}), a zapis nie może działać wstecz"
                    ),
                    format!(
                        "периодът от {from} би започнал преди датата на вписването ({on}), а вписването не може да има обратна сила"
                    ),
                    format!(
                        "the period from {from} would start before it is recorded ({on}), and a record cannot take effect retroactively"
                    ),
                )
            }
            Self::InvertedPeriod { from, until } => {
                let (from, until) = (date(from), date(until));
                l.pick(
                    format!("okres od {from} do {until} kończy się, zanim się zaczyna"),
                    format!("периодът от {from} до {until} завършва, преди да е започнал"),
                    format!("the period from {from} to {until} ends before it starts"),
                )
            }
            Self::DuplicateId { kind, id } => {
                let (w, id) = (kind.words(), q(id));
                l.pick(
                    format!("{} {id} już istnieje", w.pl),
                    format!("{} {id} вече съществува", w.bg_definite),
                    format!("the {} {id} already exists", w.en),
                )
            }
            Self::UnknownReference { kind, id } => {
                let (w, id) = (kind.words(), q(id));
                l.pick(
                    format!("w rejestrze nie ma {} {id}", w.pl_genitive),
                    format!("в регистъра няма {} {id}", w.bg),
                    format!("there is no {} {id} in the register", w.en),
                )
            }
            Self::AlreadyEnded { kind, id } => {
                let (w, id) = (kind.words(), q(id));
                let pl_ended = match w.pl_gender {
                    Gender::Masculine => "już wygasł lub został wykorzystany",
                    Gender::Feminine => "już wygasła lub została wykorzystana",
                    Gender::Neuter => "już wygasło lub zostało wykorzystane",
                };
                let bg_ended = if w.bg_feminine {
                    "вече е прекратена или използвана"
                } else {
                    "вече е прекратено или използвано"
                };
                l.pick(
                    format!("{} {id} {pl_ended}", w.pl),
                    format!("{} {id} {bg_ended}", w.bg_definite),
                    format!("the {} {id} has already ended or been used", w.en),
                )
            }
        }
    }
}

impl edurules_locale::Message for Violation {
    fn code(&self) -> &'static str {
        Violation::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        Violation::message(self, locale)
    }
}
