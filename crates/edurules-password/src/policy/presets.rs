//! Named presets: the seed (Opolska eSzkoła), NIST SP 800-63B, SIO 2022.

use super::{Blocklist, DEFAULT_MAX_LENGTH, DEFAULT_WARNING_DAYS, PasswordPolicy};
use crate::class::{CharClass, ClassRequirement};
use crate::hash::HashParams;
use crate::limits::Limits;
use edurules_locale::SchoolZone;

/// A small sample of very common passwords (English, Polish, Bulgarian),
/// written for this crate; [`Blocklist::common`] adds it to zxcvbn's 1,000
/// most common passwords for the NIST and SIO presets. It is **not** CERT
/// Polska's list nor a breach corpus: load a real list into
/// [`PasswordPolicy::blocklist`] in production ([`Blocklist::from_lines`]).
pub const COMMON_PASSWORDS_SAMPLE: &[&str] = &[
    "123456",
    "123456789",
    "12345678",
    "password",
    "password1",
    "qwerty",
    "qwerty123",
    "qwertyuiop",
    "1q2w3e4r",
    "1qaz2wsx",
    "zaq12wsx",
    "zaq1@wsx",
    "haslo",
    "haslo123",
    "hasło",
    "polska",
    "polska123",
    "marcin",
    "agnieszka",
    "mateusz",
    "monika",
    "kochanie",
    "misiek",
    "zaq1zaq1",
    "iloveyou",
    "admin",
    "admin123",
    "welcome1",
    "letmein",
    "szkola",
    "szkoła",
    "dziennik",
    "Qwerty123!",
    "Password1!",
    "Haslo123!",
    "Polska123!",
    "Zaq12wsx!",
    "Opole123",
    "Sofia123",
    "parola",
    "parola123",
];

impl PasswordPolicy {
    /// The seed (Zasady bezpiecznego użytkowania portalu Opolska eSzkoła,
    /// points 5–7) exactly: change at the first session; change at least every
    /// 60 days; differ from the last 4; at least one upper-case and one
    /// lower-case letter and one digit or special character; at least 8
    /// characters.
    ///
    /// Not in the seed, our defaults: `max_length` 128, warning 7 days before
    /// expiry, OWASP argon2id parameters. No min age, blocklist, personal-data
    /// rule or zxcvbn score: the seed is silent on them, so none is added
    /// (add [`Blocklist::common`] and a score yourself; NIST asks for a blocklist).
    ///
    /// # Example
    /// ```
    /// use edurules_password::{check, Password, PasswordPolicy, UserContext};
    /// let p = PasswordPolicy::opolska_eszkola();
    /// assert!(check(&p, &Password::new("Opole2026"), &UserContext::default()).is_ok());
    /// assert!(check(&p, &Password::new("opole2026"), &UserContext::default()).is_err());
    /// ```
    #[must_use]
    pub fn opolska_eszkola() -> Self {
        Self {
            min_length: 8,
            max_length: DEFAULT_MAX_LENGTH,
            character_classes: vec![
                ClassRequirement::one(CharClass::Upper),
                ClassRequirement::one(CharClass::Lower),
                ClassRequirement::any_of(&[CharClass::Digit, CharClass::Special]),
            ],
            forbidden_at_edges: Vec::new(),
            max_repeated: None,
            max_age_days: Some(60),
            expiry_warning_days: DEFAULT_WARNING_DAYS,
            min_age_days: None,
            history_depth: 4,
            change_at_first_login: true,
            forbid_personal_data: false,
            blocklist: Blocklist::default(),
            min_zxcvbn_score: None,
            hashing: HashParams::OWASP,
            limits: Limits::default(),
            time_zone: SchoolZone::EuropeWarsaw,
        }
    }

    /// NIST SP 800-63B rev. 4 for a password used alone: at least 15
    /// characters, at most 128 accepted (≥ 64 required), no composition rules,
    /// no periodic rotation, no history, a blocklist compared with the whole
    /// password ([`Blocklist::common`]: add a breach corpus in production),
    /// context words (login, names, e-mail) refused, and "expected"
    /// passwords (§ 3.1.1.2: repetitive or sequential characters, a common
    /// word with a sequence) refused through a zxcvbn score of at least 3.
    /// NIST names no estimator and no score: the choice of zxcvbn ≥ 3 is ours.
    ///
    /// # Example
    /// ```
    /// use edurules_password::{check, Password, PasswordPolicy, UserContext};
    /// let p = PasswordPolicy::nist_800_63b();
    /// assert!(check(&p, &Password::new("correct horse battery staple"), &UserContext::default()).is_ok());
    /// assert!(check(&p, &Password::new("Short1!"), &UserContext::default()).is_err());
    /// ```
    #[must_use]
    pub fn nist_800_63b() -> Self {
        Self {
            min_length: 15,
            max_length: DEFAULT_MAX_LENGTH,
            character_classes: Vec::new(),
            forbidden_at_edges: Vec::new(),
            max_repeated: None,
            max_age_days: None,
            expiry_warning_days: 0,
            min_age_days: None,
            history_depth: 0,
            change_at_first_login: false,
            forbid_personal_data: true,
            blocklist: Blocklist::common(),
            min_zxcvbn_score: Some(3),
            hashing: HashParams::OWASP,
            limits: Limits::default(),
            time_zone: SchoolZone::EuropeWarsaw,
        }
    }

    /// The SIO database's policy from 7 July 2022 (CERT Polska's rules, as
    /// the official SIO help pages describe it): at least 12 characters,
    /// upper- and lower-case letters and a special character (digits not
    /// required), first and last character neither a digit nor a special
    /// character, no first name or surname, not a common password, change
    /// every 90 days. The help pages give no history depth (we keep 0) and
    /// no strength estimate (none is run). CERT Polska's list is not
    /// shipped: [`Blocklist::common`] stands in for it; load CERT's list
    /// with [`Blocklist::from_lines`].
    ///
    /// # Example
    /// ```
    /// use edurules_password::{check, Password, PasswordPolicy, UserContext};
    /// let p = PasswordPolicy::sio_2022();
    /// assert!(check(&p, &Password::new("Wiosna#Opole#Lato"), &UserContext::default()).is_ok());
    /// assert!(check(&p, &Password::new("!Wiosna#Opole#Lato"), &UserContext::default()).is_err());
    /// ```
    #[must_use]
    pub fn sio_2022() -> Self {
        Self {
            min_length: 12,
            max_length: DEFAULT_MAX_LENGTH,
            character_classes: vec![
                ClassRequirement::one(CharClass::Upper),
                ClassRequirement::one(CharClass::Lower),
                ClassRequirement::one(CharClass::Special),
            ],
            forbidden_at_edges: vec![CharClass::Digit, CharClass::Special],
            max_repeated: None,
            max_age_days: Some(90),
            expiry_warning_days: DEFAULT_WARNING_DAYS,
            min_age_days: None,
            history_depth: 0,
            change_at_first_login: true,
            forbid_personal_data: true,
            blocklist: Blocklist::common(),
            min_zxcvbn_score: None,
            hashing: HashParams::OWASP,
            limits: Limits::default(),
            time_zone: SchoolZone::EuropeWarsaw,
        }
    }
}
