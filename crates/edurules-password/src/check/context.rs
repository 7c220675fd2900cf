//! What is known about the user: login, names, e-mail, national id.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::locale::Locale;

/// Tokens shorter than this are not looked for (as Active Directory).
pub const MIN_TOKEN_CHARS: usize = 3;
/// At most this many personal tokens (and zxcvbn user inputs) are used.
pub const MAX_TOKENS: usize = 64;
/// Longer tokens are cut to this many code points.
pub const MAX_TOKEN_CHARS: usize = 64;
/// Only the first this many bytes of each field (login, name, e-mail,
/// national id, extra word) are read: a 10 MiB name costs no more than a
/// 256-byte one.
pub const MAX_FIELD_BYTES: usize = 256;

/// The longest prefix of `s` of at most [`MAX_FIELD_BYTES`] bytes that ends
/// on a character boundary.
fn bounded(s: &str) -> &str {
    let mut end = s.len().min(MAX_FIELD_BYTES);
    while !s.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    s.get(..end).unwrap_or_default()
}

/// What is known about the user whose password is checked.
///
/// Personal data is refused in passwords when the policy says so
/// (`forbid_personal_data`); everything here, `extra_words` included (the
/// school's name, the town, …), is given to zxcvbn as user inputs, since
/// zxcvbn's own dictionaries are English.
///
/// # Example
/// ```
/// use edurules_password::UserContext;
/// let u = UserContext::default()
///     .with_login("jan.kowalski")
///     .with_name("Jan Kowalski")
///     .with_email("jan.kowalski@sp7.opole.pl");
/// assert_eq!(u.login.as_deref(), Some("jan.kowalski"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UserContext {
    /// The login.
    #[serde(default)]
    pub login: Option<String>,
    /// First names, surnames, display names.
    #[serde(default)]
    pub names: Vec<String>,
    /// The e-mail address (its local part is used).
    #[serde(default)]
    pub email: Option<String>,
    /// PESEL, EGN or another national id.
    #[serde(default)]
    pub national_id: Option<String>,
    /// Other weak words for zxcvbn only (school, town): not refused by themselves.
    #[serde(default)]
    pub extra_words: Vec<String>,
}

/// Personal data stays out of logs: `Debug` shows which fields are set and
/// how many names and words there are, never their values.
impl std::fmt::Debug for UserContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserContext")
            .field("login", &self.login.as_ref().map(|_| "[redacted]"))
            .field("names", &self.names.len())
            .field("email", &self.email.as_ref().map(|_| "[redacted]"))
            .field(
                "national_id",
                &self.national_id.as_ref().map(|_| "[redacted]"),
            )
            .field("extra_words", &self.extra_words.len())
            .finish()
    }
}

/// Which personal datum a password contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PersonalField {
    /// The login.
    Login,
    /// A name.
    Name,
    /// The e-mail local part.
    Email,
    /// The national id.
    NationalId,
}

impl PersonalField {
    /// The field's name for people.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Locale, PersonalField};
    /// assert_eq!(PersonalField::NationalId.name(Locale::Bg), "ЕГН или PESEL");
    /// ```
    #[must_use]
    pub fn name(self, locale: Locale) -> String {
        let (pl, bg, en) = match self {
            PersonalField::Login => ("login", "потребителско име", "login"),
            PersonalField::Name => ("imię lub nazwisko", "име или фамилия", "name or surname"),
            PersonalField::Email => ("adres e-mail", "имейл адрес", "e-mail address"),
            PersonalField::NationalId => (
                "numer PESEL lub EGN",
                "ЕГН или PESEL",
                "national identification number",
            ),
        };
        locale.pick(pl, bg, en).to_owned()
    }
}

/// NFKC, then lower case: how tokens and passwords are compared.
pub(crate) fn fold(s: &str) -> String {
    s.nfkc().collect::<String>().to_lowercase()
}

fn is_delimiter(c: char) -> bool {
    matches!(c, ',' | '.' | '-' | '_' | ' ' | '#' | '\t' | '@' | '+')
}

fn cut(s: &str) -> String {
    s.chars().take(MAX_TOKEN_CHARS).collect()
}

/// The whole value (if long enough) and its tokens split on Active
/// Directory's delimiters (plus `@`, `+`).
fn tokens_of(value: &str, out: &mut Vec<String>) {
    let folded = fold(bounded(value));
    let whole = folded.trim();
    if whole.chars().count() >= MIN_TOKEN_CHARS {
        out.push(cut(whole));
    }
    for t in folded.split(is_delimiter) {
        if t.chars().count() >= MIN_TOKEN_CHARS {
            out.push(cut(t));
        }
    }
}

impl UserContext {
    /// Sets the login.
    ///
    /// # Example
    /// ```
    /// use edurules_password::UserContext;
    /// assert_eq!(UserContext::default().with_login("anowak").login.as_deref(), Some("anowak"));
    /// ```
    #[must_use]
    pub fn with_login(mut self, login: impl Into<String>) -> Self {
        self.login = Some(login.into());
        self
    }

    /// Adds a name (first name, surname or a full name).
    ///
    /// # Example
    /// ```
    /// use edurules_password::UserContext;
    /// assert_eq!(UserContext::default().with_name("Anna").with_name("Nowak").names.len(), 2);
    /// ```
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.names.push(name.into());
        self
    }

    /// Sets the e-mail address.
    ///
    /// # Example
    /// ```
    /// use edurules_password::UserContext;
    /// assert!(UserContext::default().with_email("a@b.pl").email.is_some());
    /// ```
    #[must_use]
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Sets the national id.
    ///
    /// # Example
    /// ```
    /// use edurules_password::UserContext;
    /// assert!(UserContext::default().with_national_id("02070803628").national_id.is_some());
    /// ```
    #[must_use]
    pub fn with_national_id(mut self, id: impl Into<String>) -> Self {
        self.national_id = Some(id.into());
        self
    }

    /// Adds a weak word for zxcvbn.
    ///
    /// # Example
    /// ```
    /// use edurules_password::UserContext;
    /// assert_eq!(UserContext::default().with_extra_word("Opole").extra_words, ["Opole"]);
    /// ```
    #[must_use]
    pub fn with_extra_word(mut self, word: impl Into<String>) -> Self {
        self.extra_words.push(word.into());
        self
    }

    /// The personal tokens per field, capped at [`MAX_TOKENS`] in all.
    fn personal_tokens(&self) -> Vec<(PersonalField, String)> {
        let mut out = Vec::new();
        let mut add = |field: PersonalField, value: &str| {
            let mut tokens = Vec::new();
            tokens_of(value, &mut tokens);
            out.extend(tokens.into_iter().map(|t| (field, t)));
        };
        if let Some(login) = &self.login {
            add(PersonalField::Login, login);
        }
        for name in self.names.iter().take(MAX_TOKENS) {
            add(PersonalField::Name, name);
        }
        if let Some(email) = &self.email {
            let email = bounded(email);
            let local = email.rsplit_once('@').map_or(email, |(l, _)| l);
            add(PersonalField::Email, local);
        }
        if let Some(id) = &self.national_id {
            add(PersonalField::NationalId, id);
        }
        out.truncate(MAX_TOKENS);
        out
    }

    /// Which fields occur in `folded_password` (already NFKC + lower case).
    pub(crate) fn fields_found_in(&self, folded_password: &str) -> Vec<PersonalField> {
        let mut found = Vec::new();
        for (field, token) in self.personal_tokens() {
            if !found.contains(&field) && folded_password.contains(token.as_str()) {
                found.push(field);
            }
        }
        found
    }

    /// User inputs for zxcvbn: personal tokens and extra words, capped.
    #[cfg(feature = "strength")]
    pub(crate) fn zxcvbn_inputs(&self) -> Vec<String> {
        let mut out: Vec<String> = self.personal_tokens().into_iter().map(|(_, t)| t).collect();
        out.extend(
            self.extra_words
                .iter()
                .take(MAX_TOKENS)
                .map(|w| cut(&fold(bounded(w)))),
        );
        out.truncate(MAX_TOKENS.saturating_mul(2));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_active_directory_delimiters() {
        let u = UserContext::default()
            .with_name("Anna-Maria Nowak")
            .with_login("an");
        let tokens: Vec<String> = u.personal_tokens().into_iter().map(|(_, t)| t).collect();
        assert_eq!(tokens, ["anna-maria nowak", "anna", "maria", "nowak"]);
    }

    #[test]
    fn debug_hides_personal_data() {
        let u = UserContext::default()
            .with_login("anowak")
            .with_name("Anna Nowak")
            .with_email("anna@sp7.pl")
            .with_national_id("02070803628");
        let shown = format!("{u:?}");
        for secret in ["anowak", "Nowak", "anna@", "02070803628"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }

    #[test]
    fn only_the_first_bytes_of_a_field_are_read() {
        // A 10 MiB name: only its first MAX_FIELD_BYTES are folded and split.
        let mut huge = "x".repeat(10 << 20);
        huge.push_str(" Kowalski");
        let u = UserContext::default()
            .with_name(huge)
            .with_email("a".repeat(1 << 20) + "@b.pl");
        assert_eq!(u.fields_found_in("kowalski1"), Vec::<PersonalField>::new());
        #[cfg(feature = "strength")]
        assert!(u.zxcvbn_inputs().iter().all(|t| t.len() <= MAX_FIELD_BYTES));
        let near = UserContext::default().with_name(format!("{} Kowalski", "x".repeat(200)));
        assert_eq!(near.fields_found_in("kowalski1"), [PersonalField::Name]);
        assert_eq!(bounded("ż".repeat(200).as_str()).len(), 256);
    }

    #[test]
    fn case_insensitive_and_email_local_part() {
        let u = UserContext::default()
            .with_email("Jan.Kowalski@Szkola.pl")
            .with_national_id("02070803628");
        assert_eq!(u.fields_found_in("xxkowalski99"), [PersonalField::Email]);
        assert_eq!(u.fields_found_in("szkola!!"), Vec::<PersonalField>::new());
        assert_eq!(
            u.fields_found_in("a02070803628"),
            [PersonalField::NationalId]
        );
    }
}
