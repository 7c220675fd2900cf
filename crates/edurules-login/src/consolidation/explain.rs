//! What a [`ConsolidationCase`] asks of the user, in Polish, Bulgarian and
//! English.

use super::{ConflictKind, ConsolidationCase, LoginConflict};
use crate::error::{LOGIN, list};
use crate::{Locale, Login};

/// The candidates as alternatives: „A” lub „B”, at most five and the count
/// of the rest.
fn alternatives(locale: Locale, logins: &[Login]) -> String {
    list(locale, logins.iter().map(Login::as_str), true, LOGIN)
}

impl ConsolidationCase {
    /// A stable machine code, e.g. `"login.case.generate_new"`.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::ConsolidationCase;
    /// assert_eq!(ConsolidationCase::GenerateNew.code(), "login.case.generate_new");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoActiveLogins => "login.case.no_active_logins",
            Self::KeepUnchanged { .. } => "login.case.keep_unchanged",
            Self::ChooseAmongCanonical { .. } => "login.case.choose_among_canonical",
            Self::ChooseCanonicalOverLegacy { .. } => "login.case.choose_canonical_over_legacy",
            Self::GenerateNew => "login.case.generate_new",
        }
    }

    /// What the user must do, for people to read.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{ConsolidationCase, Locale};
    ///
    /// let case = ConsolidationCase::GenerateNew;
    /// assert_eq!(
    ///     case.message(Locale::En),
    ///     "a new login of capital letters and digits will be generated; confirm receiving it with your current password"
    /// );
    /// assert!(case.message(Locale::Pl).contains("dotychczasowym hasłem"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        match self {
            Self::NoActiveLogins => l
                .pick(
                    "użytkownik nie ma aktywnego loginu, więc nie ma czego łączyć",
                    "потребителят няма активно потребителско име, така че няма какво да се обединява",
                    "the user has no active login, so there is nothing to consolidate",
                )
                .to_owned(),
            Self::KeepUnchanged { login } => {
                let q = l.quote(login.as_str());
                l.pick(
                    format!("login {q} i hasło pozostają bez zmian"),
                    format!("потребителското име {q} и паролата остават без промяна"),
                    format!("the login {q} and its password stay unchanged"),
                )
            }
            Self::ChooseAmongCanonical { candidates } => {
                let list = alternatives(l, candidates);
                l.pick(
                    format!(
                        "wybierz jeden z aktywnych loginów: {list}; zaloguj się wybranym loginem i potwierdź wybór"
                    ),
                    format!(
                        "изберете едно от активните потребителски имена: {list}; влезте в системата с избраното потребителско име и потвърдете избора"
                    ),
                    format!(
                        "choose one of the active logins: {list}; log in with the chosen login and confirm the choice"
                    ),
                )
            }
            Self::ChooseCanonicalOverLegacy { candidates } => {
                let list = alternatives(l, candidates);
                l.pick(
                    format!(
                        "wybierz jeden z aktywnych loginów złożonych tylko z wielkich liter i cyfr: {list}; zaloguj się wybranym loginem i potwierdź wybór"
                    ),
                    format!(
                        "изберете едно от активните потребителски имена, съставени само от главни букви и цифри: {list}; влезте в системата с избраното потребителско име и потвърдете избора"
                    ),
                    format!(
                        "choose one of the active logins made only of capital letters and digits: {list}; log in with the chosen login and confirm the choice"
                    ),
                )
            }
            Self::GenerateNew => l
                .pick(
                    "zostanie wygenerowany nowy login z wielkich liter i cyfr; potwierdź jego otrzymanie dotychczasowym hasłem",
                    "ще бъде генерирано ново потребителско име от главни букви и цифри; потвърдете получаването му с текущата си парола",
                    "a new login of capital letters and digits will be generated; confirm receiving it with your current password",
                )
                .to_owned(),
        }
    }
}

impl LoginConflict {
    /// A stable machine code by the kind of conflict, e.g.
    /// `"login.conflict.case_insensitive"`.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{ConflictKind, LoginConflict};
    /// let c = LoginConflict::new(ConflictKind::Confusable, ["JANKOW1", "JANKOWI"]);
    /// assert_eq!(c.code(), "login.conflict.confusable");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self.kind {
            ConflictKind::Duplicate => "login.conflict.duplicate",
            ConflictKind::CaseInsensitive => "login.conflict.case_insensitive",
            ConflictKind::Confusable => "login.conflict.confusable",
        }
    }

    /// The conflict, for people to read.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{ConflictKind, Locale, LoginConflict};
    ///
    /// let c = LoginConflict::new(ConflictKind::CaseInsensitive, ["JANKOW5", "JanKow5"]);
    /// assert_eq!(c.message(Locale::En), "the logins “JANKOW5” and “JanKow5” differ only in case");
    /// assert_eq!(
    ///     c.message(Locale::Pl),
    ///     "loginy „JANKOW5” i „JanKow5” różnią się tylko wielkością liter"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        let logins = list(l, self.logins.iter().map(String::as_str), false, LOGIN);
        match self.kind {
            ConflictKind::Duplicate => {
                let q = l.quote(self.logins.first().map_or("", String::as_str));
                l.pick(
                    format!("login {q} występuje na liście więcej niż raz"),
                    format!("потребителското име {q} се среща в списъка повече от веднъж"),
                    format!("the login {q} is listed more than once"),
                )
            }
            ConflictKind::CaseInsensitive => l.pick(
                format!("loginy {logins} różnią się tylko wielkością liter"),
                format!(
                    "потребителските имена {logins} се различават само по малки и главни букви"
                ),
                format!("the logins {logins} differ only in case"),
            ),
            ConflictKind::Confusable => {
                let (o, i) = (l.quote("O"), l.quote("I"));
                l.pick(
                    format!("loginy {logins} łatwo pomylić, bo cyfry 0 i 1 wyglądają jak litery {o} i {i}"),
                    format!(
                        "потребителските имена {logins} лесно се бъркат, защото цифрите 0 и 1 приличат на буквите {o} и {i}"
                    ),
                    format!(
                        "the logins {logins} are easily confused: the digits 0 and 1 look like the letters {o} and {i}"
                    ),
                )
            }
        }
    }
}

impl edurules_locale::Message for ConsolidationCase {
    fn code(&self) -> &'static str {
        ConsolidationCase::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        ConsolidationCase::message(self, locale)
    }
}

impl edurules_locale::Message for LoginConflict {
    fn code(&self) -> &'static str {
        LoginConflict::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        LoginConflict::message(self, locale)
    }
}
