//! [`PasswordError`] in words, in each language.

use edurules_locale::nouns::{BYTE, DAY};

use super::PasswordError;
use crate::locale::{Locale, PASS, num};

impl PasswordError {
    /// The error in words for people, whole in its language; lists of
    /// problems or violations are given one per line after the first line.
    /// Input is quoted bounded; instants are shown on the school's clock
    /// (the policy's `time_zone`).
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Locale, PasswordError};
    /// let e = PasswordError::Reused { position: 2, depth: 4 };
    /// assert_eq!(
    ///     e.message(Locale::Pl),
    ///     "Nowe hasło musi się różnić od ostatnio używanych haseł (liczba sprawdzanych haseł: 4, łącznie z bieżącym); to jest hasło nr 2, licząc od bieżącego."
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        let n = |v: u64| num(l, v);
        match self {
            PasswordError::PolicyFormat { reason } => l.pick(
                "Nie udało się odczytać polityki haseł: to nie jest poprawny JSON albo zawiera nieznane lub błędne ustawienie.".to_owned(),
                "Политиката за пароли не може да бъде прочетена: това не е валиден JSON или съдържа непозната или грешна настройка.".to_owned(),
                format!("The password policy cannot be read: {}.", l.quote(reason)),
            ),
            PasswordError::InvalidPolicy { problems } => {
                let head = l.pick(
                    "Polityka haseł jest nieprawidłowa:",
                    "Политиката за пароли е невалидна:",
                    "The password policy is invalid:",
                );
                lines(head, problems.iter().map(|p| p.message(l)))
            }
            PasswordError::InvalidHash { reason } => l.pick(
                "Zapisanego skrótu hasła nie da się użyć. Administrator musi ustawić nowe hasło tego konta.".to_owned(),
                "Съхраненият хеш на паролата не може да бъде използван. Администраторът трябва да зададе нова парола на този акаунт.".to_owned(),
                format!(
                    "The stored password hash cannot be used ({}). An administrator must set a new password for this account.",
                    l.quote(reason)
                ),
            ),
            PasswordError::MalformedHash { problem } => {
                let head = l.pick(
                    "Zapisany skrót hasła jest błędny.",
                    "Съхраненият хеш на паролата е грешен.",
                    "The stored password hash is malformed.",
                );
                format!("{head} {}", problem.message(l))
            }
            PasswordError::InputTooLong {
                max_bytes,
                after_normalization,
            } => {
                let max = l.count((*max_bytes).into(), BYTE);
                match after_normalization {
                    false => l.pick(
                        format!("Hasło jest za duże: może mieć najwyżej {max}."),
                        format!("Паролата е твърде голяма: може да има най-много {max}."),
                        format!("The password is too large: it may have at most {max}."),
                    ),
                    true => l.pick(
                        format!("Hasło jest za duże: po normalizacji Unicode może mieć najwyżej {max}."),
                        format!("Паролата е твърде голяма: след нормализация по Уникод може да има най-много {max}."),
                        format!("The password is too large: after Unicode normalization it may have at most {max}."),
                    ),
                }
            }
            PasswordError::HashTooCostly {
                m_cost_kib,
                t_cost,
                max_m_cost_kib,
                max_work,
            } => {
                let (m, t) = (n((*m_cost_kib).into()), l.count((*t_cost).into(), PASS));
                let (max_m, max_work) = (n((*max_m_cost_kib).into()), n(*max_work));
                l.pick(
                    format!("Zapisanego skrótu hasła nie można sprawdzić, bo jest zbyt kosztowny (pamięć {m} KiB, {t}; limit: pamięć do {max_m} KiB, koszt do {max_work}). Administrator musi ustawić nowe hasło tego konta."),
                    format!("Съхраненият хеш на паролата не може да бъде проверен, защото е твърде скъп (памет {m} КиБ, {t}; ограничение: памет до {max_m} КиБ, изчислителна цена до {max_work}). Администраторът трябва да зададе нова парола на този акаунт."),
                    format!("The stored password hash is too costly to verify (memory {m} KiB, {t}; limit: memory up to {max_m} KiB, cost up to {max_work}). An administrator must set a new password for this account."),
                )
            }
            PasswordError::Hashing { reason } => l.pick(
                "Nie udało się obliczyć skrótu hasła. Spróbuj ponownie; jeśli błąd się powtórzy, zgłoś go administratorowi.".to_owned(),
                "Хешът на паролата не можа да бъде изчислен. Опитайте отново; ако грешката се повтори, съобщете на администратора.".to_owned(),
                format!(
                    "The password hash could not be computed ({}). Try again; if it happens again, tell the administrator.",
                    l.quote(reason)
                ),
            ),
            PasswordError::InvalidCredentials => l
                .pick(
                    "Nieprawidłowy login lub hasło.",
                    "Невалидно потребителско име или парола.",
                    "Invalid login or password.",
                )
                .to_owned(),
            PasswordError::TooSoon {
                min_age_days,
                allowed_from,
                zone,
            } => {
                let (gap, from) = (
                    l.count((*min_age_days).into(), DAY),
                    l.date_time(*allowed_from, *zone),
                );
                l.pick(
                    format!("Hasło zmieniono zbyt niedawno: minimalny odstęp między zmianami to {gap}. Następną zmianę można wykonać od {from}."),
                    format!("Паролата е сменена твърде скоро: минималният интервал между смените е {gap}. Следващата смяна е възможна от {from}."),
                    format!("The password was changed too recently: the minimum time between changes is {gap}. The next change is possible from {from}."),
                )
            }
            PasswordError::Rejected { violations } => {
                let head = l.pick(
                    "Nowe hasło zostało odrzucone:",
                    "Новата парола е отхвърлена:",
                    "The new password was rejected:",
                );
                lines(head, violations.iter().map(|v| v.message(l)))
            }
            PasswordError::Reused { position: 1, .. } => l
                .pick(
                    "Nowe hasło musi się różnić od bieżącego.",
                    "Новата парола трябва да се различава от текущата.",
                    "The new password must differ from the current one.",
                )
                .to_owned(),
            PasswordError::Reused { position, depth } => {
                let (position, depth) = (n((*position).into()), n((*depth).into()));
                l.pick(
                    format!("Nowe hasło musi się różnić od ostatnio używanych haseł (liczba sprawdzanych haseł: {depth}, łącznie z bieżącym); to jest hasło nr {position}, licząc od bieżącego."),
                    format!("Новата парола трябва да се различава от последно използваните пароли (брой проверявани пароли: {depth}, включително текущата); това е парола № {position}, броено от текущата."),
                    format!("The new password must differ from the most recently used passwords (passwords checked: {depth}, the current one included); this is password no. {position}, counting back from the current one."),
                )
            }
        }
    }
}

/// The head line, then one line per item.
fn lines(head: &str, items: impl Iterator<Item = String>) -> String {
    let mut out = head.to_owned();
    for item in items {
        out.push_str("\n- ");
        out.push_str(&item);
    }
    out
}
