//! The legal basis of each [`Rule`] in words a clerk reads, in Polish, Bulgarian and English.

use super::Rule;
use crate::locale::Locale;

impl Rule {
    /// Where the rule comes from, in a language: an article of the SIO act (ustawa z dnia
    /// 15 kwietnia 2011 r. o systemie informacji oświatowej), another source, or the
    /// register's own integrity (said so). [`Rule::legal_basis`] is the English text kept for
    /// documentation and machines.
    ///
    /// # Example
    /// ```
    /// use edurules_delegation::{Locale, Rule};
    /// assert_eq!(
    ///     Rule::WrittenForm.basis(Locale::Pl),
    ///     "art. 68 ust. 3 ustawy o SIO: upoważnienie wymaga formy pisemnej pod rygorem nieważności"
    /// );
    /// assert!(Rule::WrittenForm.basis(Locale::Bg).starts_with("чл. 68, ал. 3"));
    /// ```
    #[must_use]
    pub fn basis(self, locale: Locale) -> &'static str {
        let (pl, bg, en) = match self {
            Rule::GrantorHoldsAccess => (
                "art. 70 ust. 2 ustawy o SIO: dane dostępowe nadaje upoważnionej osobie ten, kto udzielił upoważnienia, o ile sam ma dane dostępowe",
                "чл. 70, ал. 2 от Закона за SIO: данните за достъп се предоставят на упълномощеното лице от този, който е дал пълномощното, ако самият той вече има данни за достъп",
                "art. 70(2) of the SIO Act: access data are granted by the person who gave the authorization, provided that person already holds access data",
            ),
            Rule::WrittenForm => (
                "art. 68 ust. 3 ustawy o SIO: upoważnienie wymaga formy pisemnej pod rygorem nieważności",
                "чл. 68, ал. 3 от Закона за SIO: пълномощното изисква писмена форма под страх от нищожност",
                "art. 68(3) of the SIO Act: the authorization must be in writing, or it is void",
            ),
            Rule::Attenuation => (
                "art. 68 ust. 2 ustawy o SIO: pracownik działa w imieniu dyrektora, więc w granicach jego dostępu",
                "чл. 68, ал. 2 от Закона за SIO: служителят действа от името на директора, затова в границите на неговия достъп",
                "art. 68(2) of the SIO Act: the employee acts on the head's behalf, so within the head's own access",
            ),
            Rule::MaxValidity => (
                "art. 74 ustawy o SIO: dostęp na czas kadencji, najwyżej 5 lat (dyrektor, art. 68 ust. 1) i najwyżej 5 lat (pracownik, art. 68 ust. 2)",
                "чл. 74 от Закона за SIO: достъп за срока на мандата, най-много 5 години (директор, чл. 68, ал. 1), и най-много 5 години (служител, чл. 68, ал. 2)",
                "art. 74 of the SIO Act: access for the term of office, at most 5 years (head, art. 68(1)), and at most 5 years (employee, art. 68(2))",
            ),
            Rule::WithinGrantorTerm => (
                "zasada dostawcy, nie ustawy o SIO: art. 74 ogranicza dostęp pracownika tylko do 5 lat",
                "правило на доставчика, не на Закона за SIO: чл. 74 ограничава достъпа на служителя само до 5 години",
                "a vendor's rule, not the SIO Act's: art. 74 bounds an employee's access by 5 years only",
            ),
            Rule::SingleHead => (
                "art. 68 ust. 1 ustawy o SIO (dostęp ma dyrektor); strony pomocy SIO: jedno aktywne upoważnienie dyrektora na podmiot, bez nakładających się okresów",
                "чл. 68, ал. 1 от Закона за SIO (достъп има директорът); помощните страници на SIO: едно активно пълномощно на директор за институция, без застъпващи се периоди",
                "art. 68(1) of the SIO Act (the head holds access); the SIO help pages: one active head authorization per institution, with no overlapping periods",
            ),
            Rule::NoSelfGrant => (
                "art. 68 ust. 2 i art. 70 ust. 2 ustawy o SIO: dyrektor upoważnia inną osobę, pracownika",
                "чл. 68, ал. 2 и чл. 70, ал. 2 от Закона за SIO: директорът упълномощава друго лице – служител",
                "art. 68(2) and 70(2) of the SIO Act: the head authorizes another person, an employee",
            ),
            Rule::NoCycle => (
                "spójność rejestru: łańcuch upoważnień z cyklem nie wywodzi się z żadnego powierzenia (Griffiths i Wade; Fagin, 1978)",
                "цялост на регистъра: верига от пълномощни с цикъл не произтича от никое назначение (Грифитс и Уейд; Фейгин, 1978)",
                "register integrity: a chain of authorizations with a cycle derives from no appointment (Griffiths and Wade; Fagin, 1978)",
            ),
            Rule::DelegationDepth => (
                "art. 68 ust. 2 i art. 70 ust. 2 ustawy o SIO w brzmieniu od 2019 r.: dyrektor, a po nim upoważniony pracownik mający dostęp",
                "чл. 68, ал. 2 и чл. 70, ал. 2 от Закона за SIO в редакцията от 2019 г.: директорът, а след него упълномощен служител, който има достъп",
                "art. 68(2) and 70(2) of the SIO Act as amended in 2019: the head, then an authorized employee who holds access",
            ),
            Rule::PendingRequest => (
                "art. 71 ust. 1 ustawy o SIO: dane dostępowe nadaje się na wniosek złożony drogą elektroniczną",
                "чл. 71, ал. 1 от Закона за SIO: данните за достъп се предоставят по електронно заявление",
                "art. 71(1) of the SIO Act: access data are granted on an electronic application",
            ),
            Rule::PersonalEmail => (
                "instrukcja krakowskiego wydziału edukacji (CIE): dane dostępowe przychodzą pocztą elektroniczną, więc we wniosku podaje się osobisty adres, a nie adres szkoły",
                "указанията на отдела за образование в Краков (CIE): данните за достъп пристигат по имейл, затова в заявлението се посочва личен адрес, а не адресът на училището",
                "the instructions of the Krakow education office (CIE): access data arrive by e-mail, so the application gives a personal address, not the school's",
            ),
            Rule::ExtensionWindow => (
                "art. 74 ustawy o SIO: wniosek o przedłużenie składa się najwcześniej 3 miesiące przed końcem dostępu; po jego wygaśnięciu potrzebny jest nowy wniosek",
                "чл. 74 от Закона за SIO: заявление за удължаване се подава най-рано 3 месеца преди края на достъпа; след изтичането му е нужно ново заявление",
                "art. 74 of the SIO Act: an extension is applied for no earlier than 3 months before access ends; once it has expired, a new application is needed",
            ),
            Rule::RevokerAuthority => (
                "art. 68 ust. 1 i 2 ustawy o SIO oraz strony pomocy SIO: dyrektor, także jego następca, cofa upoważnienia pracowników",
                "чл. 68, ал. 1 и 2 от Закона за SIO и помощните страници на SIO: директорът, включително неговият наследник, оттегля пълномощните на служителите",
                "art. 68(1) and (2) of the SIO Act and the SIO help pages: the head, including a successor, revokes the staff's authorizations",
            ),
            Rule::RoleAdministrator => (
                "regulamin Opolskiej eSzkoły, pkt 16: role przypisuje administrator danych osobowych szkoły",
                "правилата на портала „Opolska eSzkoła“, т. 16: ролите се възлагат от администратора на лични данни на училището",
                "the rules of the “Opolska eSzkoła” portal, point 16: the school's personal-data administrator assigns roles",
            ),
            Rule::ChronologicalLog => (
                "spójność rejestru: dziennik zdarzeń jest tylko uzupełniany; żadne zdarzenie nie zmienia przeszłości",
                "цялост на регистъра: дневникът на събитията само се допълва; никое събитие не променя миналото",
                "register integrity: the event log is only appended to; no event changes the past",
            ),
            Rule::ValidPeriod => (
                "spójność rejestru: okres zaczyna się nie później, niż się kończy",
                "цялост на регистъра: периодът започва не по-късно, отколкото завършва",
                "register integrity: a period starts no later than it ends",
            ),
            Rule::KnownReferences => (
                "spójność rejestru: identyfikatory są niepowtarzalne, a odwołania wskazują istniejące zapisy",
                "цялост на регистъра: идентификаторите са уникални, а препратките сочат съществуващи записи",
                "register integrity: ids are unique and references point to existing records",
            ),
        };
        locale.pick(pl, bg, en)
    }
}
