//! What a [`ConsolidationCase`] asks of the user, in Polish, Bulgarian and
//! English.

use super::{ConflictKind, ConsolidationCase, LoginConflict};
use crate::{Locale, Login};

fn list(logins: &[Login]) -> String {
    logins
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ConsolidationCase {
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
    ///     "a new login of upper-case letters and digits will be generated; confirm receiving it with your current password"
    /// );
    /// assert!(case.message(Locale::Pl).contains("dotychczasowym hasłem"));
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (Self::NoActiveLogins, Locale::Pl) => "brak aktywnych loginów".to_owned(),
            (Self::NoActiveLogins, Locale::Bg) => "няма активни потребителски имена".to_owned(),
            (Self::NoActiveLogins, _) => "no active logins".to_owned(),
            (Self::KeepUnchanged { login }, Locale::Pl) => {
                format!("login `{login}` i hasło pozostają niezmienione")
            }
            (Self::KeepUnchanged { login }, Locale::Bg) => {
                format!("потребителското име `{login}` и паролата остават непроменени")
            }
            (Self::KeepUnchanged { login }, _) => {
                format!("login `{login}` and its password stay unchanged")
            }
            (Self::ChooseAmongCanonical { candidates }, Locale::Pl) => format!(
                "wybierz jeden z aktywnych loginów {}: zaloguj się na wybrany login i potwierdź wybór",
                list(candidates)
            ),
            (Self::ChooseAmongCanonical { candidates }, Locale::Bg) => format!(
                "изберете едно от активните потребителски имена {}: влезте с избраното име и потвърдете избора",
                list(candidates)
            ),
            (Self::ChooseAmongCanonical { candidates }, _) => format!(
                "choose one of the active logins {}: log in with the chosen login and confirm the choice",
                list(candidates)
            ),
            (Self::ChooseCanonicalOverLegacy { candidates }, Locale::Pl) => format!(
                "wybierz jeden z aktywnych loginów złożonych wyłącznie z wielkich liter i cyfr {}: zaloguj się na wybrany login i potwierdź wybór",
                list(candidates)
            ),
            (Self::ChooseCanonicalOverLegacy { candidates }, Locale::Bg) => format!(
                "изберете едно от активните потребителски имена само от главни букви и цифри {}: влезте с избраното име и потвърдете избора",
                list(candidates)
            ),
            (Self::ChooseCanonicalOverLegacy { candidates }, _) => format!(
                "choose one of the active logins made only of upper-case letters and digits {}: log in with the chosen login and confirm the choice",
                list(candidates)
            ),
            (Self::GenerateNew, Locale::Pl) => {
                "zostanie wygenerowany nowy login z wielkich liter i cyfr; potwierdź jego otrzymanie dotychczasowym hasłem".to_owned()
            }
            (Self::GenerateNew, Locale::Bg) => {
                "ще бъде генерирано ново потребителско име от главни букви и цифри; потвърдете получаването му с текущата си парола".to_owned()
            }
            (Self::GenerateNew, _) => {
                "a new login of upper-case letters and digits will be generated; confirm receiving it with your current password".to_owned()
            }
        }
    }
}

impl LoginConflict {
    /// The conflict, for people to read.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{ConflictKind, Locale, LoginConflict};
    ///
    /// let c = LoginConflict::new(ConflictKind::CaseInsensitive, ["JANKOW5", "JanKow5"]);
    /// assert_eq!(c.message(Locale::En), "logins `JANKOW5`, `JanKow5` are equal ignoring case");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let logins = self
            .logins
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match (self.kind, locale) {
            (ConflictKind::Duplicate, Locale::Pl) => {
                format!("login {logins} występuje wielokrotnie")
            }
            (ConflictKind::Duplicate, Locale::Bg) => {
                format!("потребителското име {logins} се среща повече от веднъж")
            }
            (ConflictKind::Duplicate, _) => {
                format!("login {logins} is listed more than once")
            }
            (ConflictKind::CaseInsensitive, Locale::Pl) => {
                format!("loginy {logins} są równe bez względu na wielkość liter")
            }
            (ConflictKind::CaseInsensitive, Locale::Bg) => {
                format!("потребителските имена {logins} съвпадат без оглед на малки и главни букви")
            }
            (ConflictKind::CaseInsensitive, _) => {
                format!("logins {logins} are equal ignoring case")
            }
            (ConflictKind::Confusable, Locale::Pl) => {
                format!("loginy {logins} są łudząco podobne (0/O, 1/I)")
            }
            (ConflictKind::Confusable, Locale::Bg) => {
                format!("потребителските имена {logins} си приличат до объркване (0/O, 1/I)")
            }
            (ConflictKind::Confusable, _) => {
                format!("logins {logins} look alike (0/O, 1/I)")
            }
        }
    }
}
