//! One problem of a policy found at load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use edurules_locale::Message;
use edurules_locale::nouns::{CHARACTER, DAY, PASSWORD};

use crate::locale::{BYTE_GENITIVE, DAY_GENITIVE, Locale, PASS, num};

/// One problem of a [`PasswordPolicy`](crate::PasswordPolicy); a policy that
/// fails to load lists all of them.
///
/// # Example
/// ```
/// use edurules_password::{Locale, PolicyProblem};
/// let p = PolicyProblem::MinAboveMax { min: 10, max: 6 };
/// assert_eq!(p.code(), "policy.min_above_max");
/// assert_eq!(p.message(Locale::En), "The minimum password length (10 characters) is greater than the maximum (6 characters).");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "code")]
#[non_exhaustive]
pub enum PolicyProblem {
    /// `min_length` is 0.
    #[serde(rename = "policy.min_length_zero")]
    MinLengthZero,
    /// `min_length` > `max_length`.
    #[serde(rename = "policy.min_above_max")]
    MinAboveMax {
        /// The minimum.
        min: u32,
        /// The maximum.
        max: u32,
    },
    /// `max_length` above the crate's limit.
    #[serde(rename = "policy.max_length_above_limit")]
    MaxLengthAboveLimit {
        /// The maximum given.
        max: u32,
        /// The limit.
        limit: u32,
    },
    /// A class requirement with no classes, duplicate classes, or an
    /// impossible `min_present`.
    #[serde(rename = "policy.class_requirement")]
    ClassRequirement {
        /// Its position in `character_classes`.
        index: usize,
        /// Its `min_present`.
        min_present: u8,
        /// How many classes it lists.
        classes: u32,
    },
    /// The class requirements need more characters than `max_length`.
    #[serde(rename = "policy.classes_exceed_max_length")]
    ClassesExceedMaxLength {
        /// Characters needed at least.
        required: u32,
        /// The maximum length.
        max: u32,
    },
    /// `max_repeated` is 0.
    #[serde(rename = "policy.max_repeated_zero")]
    MaxRepeatedZero,
    /// `max_age_days` is 0 or above the limit.
    #[serde(rename = "policy.max_age")]
    MaxAge {
        /// The value given.
        days: u32,
        /// The limit.
        limit: u32,
    },
    /// The warning window is not shorter than the maximum age.
    #[serde(rename = "policy.warning_not_below_max_age")]
    WarningNotBelowMaxAge {
        /// The warning window in days.
        warning: u32,
        /// The maximum age in days.
        max_age: u32,
    },
    /// The minimum age is not shorter than the maximum age.
    #[serde(rename = "policy.min_age_not_below_max_age")]
    MinAgeNotBelowMaxAge {
        /// The minimum age in days.
        min_age: u32,
        /// The maximum age in days.
        max_age: u32,
    },
    /// The history depth is above the limit.
    #[serde(rename = "policy.history_depth")]
    HistoryDepth {
        /// The value given.
        depth: u32,
        /// The limit.
        limit: u32,
    },
    /// An empty blocklist entry.
    #[serde(rename = "policy.blocklist_entry_empty")]
    BlocklistEntryEmpty {
        /// Its position.
        index: usize,
    },
    /// A zxcvbn score above 4.
    #[serde(rename = "policy.zxcvbn_score")]
    ZxcvbnScore {
        /// The value given.
        score: u8,
    },
    /// A minimum strength score is set, but this build has no strength
    /// estimator (the crate's `strength` feature is off).
    #[serde(rename = "policy.strength_unavailable")]
    StrengthUnavailable,
    /// argon2 memory out of range.
    #[serde(rename = "policy.hash_memory")]
    HashMemory {
        /// The value given (KiB).
        m_cost_kib: u32,
        /// The minimum for the parallelism given.
        min: u32,
        /// The maximum.
        max: u32,
    },
    /// argon2 time cost out of range.
    #[serde(rename = "policy.hash_time")]
    HashTime {
        /// The value given.
        t_cost: u32,
        /// The maximum.
        max: u32,
    },
    /// argon2 work (`m × t`) above the maximum.
    #[serde(rename = "policy.hash_work")]
    HashWork {
        /// `m × t` given (KiB × passes).
        work: u64,
        /// The maximum.
        max: u64,
    },
    /// The policy's hashing parameters are above its own verification
    /// ceiling: the hashes it makes could not be verified.
    #[serde(rename = "policy.hash_above_ceiling")]
    HashAboveCeiling {
        /// The memory cost given (KiB).
        m_cost_kib: u32,
        /// The time cost given.
        t_cost: u32,
    },
    /// A password size limit is 0 or above the crate's limit.
    #[serde(rename = "policy.password_bytes")]
    PasswordBytes {
        /// The value given (bytes).
        bytes: u32,
        /// The largest allowed.
        limit: u32,
    },
    /// A byte limit (as typed, or after NFKC) below four bytes for each of `max_length`
    /// characters: a password within `max_length` could be refused for its bytes.
    #[serde(rename = "policy.bytes_below_max_length")]
    BytesBelowMaxLength {
        /// The byte limit given.
        bytes: u32,
        /// The policy's `max_length`.
        max_length: u32,
        /// Whether it is the limit after NFKC (`max_normalized_bytes`).
        after_normalization: bool,
    },
    /// The verification ceiling is above what a stored hash may name.
    #[serde(rename = "policy.verify_ceiling")]
    VerifyCeiling {
        /// The memory ceiling given (KiB).
        m_cost_kib: u32,
        /// The work ceiling given.
        work: u64,
    },
    /// argon2 parallelism out of range.
    #[serde(rename = "policy.hash_parallelism")]
    HashParallelism {
        /// The value given.
        p_cost: u32,
        /// The maximum.
        max: u32,
    },
}

impl PolicyProblem {
    /// The stable machine code, e.g. `policy.min_above_max`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::PolicyProblem;
    /// assert_eq!(PolicyProblem::MinLengthZero.code(), "policy.min_length_zero");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PolicyProblem::MinLengthZero => "policy.min_length_zero",
            PolicyProblem::MinAboveMax { .. } => "policy.min_above_max",
            PolicyProblem::MaxLengthAboveLimit { .. } => "policy.max_length_above_limit",
            PolicyProblem::ClassRequirement { .. } => "policy.class_requirement",
            PolicyProblem::ClassesExceedMaxLength { .. } => "policy.classes_exceed_max_length",
            PolicyProblem::MaxRepeatedZero => "policy.max_repeated_zero",
            PolicyProblem::MaxAge { .. } => "policy.max_age",
            PolicyProblem::WarningNotBelowMaxAge { .. } => "policy.warning_not_below_max_age",
            PolicyProblem::MinAgeNotBelowMaxAge { .. } => "policy.min_age_not_below_max_age",
            PolicyProblem::HistoryDepth { .. } => "policy.history_depth",
            PolicyProblem::BlocklistEntryEmpty { .. } => "policy.blocklist_entry_empty",
            PolicyProblem::ZxcvbnScore { .. } => "policy.zxcvbn_score",
            PolicyProblem::StrengthUnavailable => "policy.strength_unavailable",
            PolicyProblem::HashMemory { .. } => "policy.hash_memory",
            PolicyProblem::HashTime { .. } => "policy.hash_time",
            PolicyProblem::HashParallelism { .. } => "policy.hash_parallelism",
            PolicyProblem::HashWork { .. } => "policy.hash_work",
            PolicyProblem::HashAboveCeiling { .. } => "policy.hash_above_ceiling",
            PolicyProblem::PasswordBytes { .. } => "policy.password_bytes",
            PolicyProblem::BytesBelowMaxLength { .. } => "policy.bytes_below_max_length",
            PolicyProblem::VerifyCeiling { .. } => "policy.verify_ceiling",
        }
    }

    /// The problem in words for the person who configures the policy: one
    /// or two sentences, whole in its language, settings described in words
    /// (the machine names are in [`PolicyProblem::code`] and the fields).
    ///
    /// # Example
    /// ```
    /// use edurules_password::{Locale, PolicyProblem};
    /// let p = PolicyProblem::HistoryDepth { depth: 30, limit: 24 };
    /// assert_eq!(p.message(Locale::Pl), "Historia haseł może obejmować najwyżej 24 hasła (podano: 30).");
    /// ```
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        let n = |v: u64| num(l, v);
        match self {
            PolicyProblem::MinLengthZero => l
                .pick(
                    "Minimalna długość hasła musi wynosić co najmniej 1 znak.",
                    "Минималната дължина на паролата трябва да е поне 1 знак.",
                    "The minimum password length must be at least 1 character.",
                )
                .to_owned(),
            PolicyProblem::MinAboveMax { min, max } => {
                let (min, max) = (l.count((*min).into(), CHARACTER), l.count((*max).into(), CHARACTER));
                l.pick(
                    format!("Minimalna długość hasła ({min}) jest większa niż maksymalna ({max})."),
                    format!("Минималната дължина на паролата ({min}) е по-голяма от максималната ({max})."),
                    format!("The minimum password length ({min}) is greater than the maximum ({max})."),
                )
            }
            PolicyProblem::MaxLengthAboveLimit { max, limit } => {
                let (limit, max) = (l.count((*limit).into(), CHARACTER), n((*max).into()));
                l.pick(
                    format!("Maksymalna długość hasła może wynosić najwyżej {limit} (podano: {max})."),
                    format!("Максималната дължина на паролата може да е най-много {limit} (зададено: {max})."),
                    format!("The maximum password length may be at most {limit} (given: {max})."),
                )
            }
            PolicyProblem::ClassRequirement {
                index,
                min_present,
                classes,
            } => {
                let nr = n(u64::try_from(*index).unwrap_or(u64::MAX).saturating_add(1));
                let (min, classes) = (n((*min_present).into()), n((*classes).into()));
                l.pick(
                    format!("Wymaganie nr {nr} dotyczące rodzajów znaków jest błędne (wymagana liczba rodzajów: {min}, różnych rodzajów na liście: {classes}). Lista nie może być pusta ani zawierać powtórzeń, a wymagana liczba musi wynosić od 1 do liczby rodzajów na liście."),
                    format!("Изискване № {nr} за видовете знаци е грешно (изискван брой видове: {min}, различни видове в списъка: {classes}). Списъкът не може да е празен или да съдържа повторения, а изискваният брой трябва да е между 1 и броя на видовете в списъка."),
                    format!("Character-kind requirement no. {nr} is wrong (kinds required: {min}, distinct kinds listed: {classes}). The list may not be empty or repeat a kind, and the number required must be between 1 and the number of kinds listed."),
                )
            }
            PolicyProblem::ClassesExceedMaxLength { required, max } => {
                let (required, max) = (l.count((*required).into(), CHARACTER), l.count((*max).into(), CHARACTER));
                l.pick(
                    format!("Aby spełnić wymagania dotyczące rodzajów znaków, hasło musi mieć co najmniej {required}, a maksymalna długość hasła to {max}."),
                    format!("За да изпълни изискванията за видовете знаци, паролата трябва да има поне {required}, а максималната дължина е {max}."),
                    format!("To meet the character-kind requirements a password needs at least {required}, but the maximum length is {max}."),
                )
            }
            PolicyProblem::MaxRepeatedZero => l
                .pick(
                    "Dopuszczalna liczba powtórzeń tego samego znaku z rzędu musi wynosić co najmniej 1.",
                    "Допустимият брой поредни повторения на един и същ знак трябва да е поне 1.",
                    "The allowed number of repeats of one character in a row must be at least 1.",
                )
                .to_owned(),
            PolicyProblem::MaxAge { days, limit } => {
                let (limit_n, days) = (n((*limit).into()), n((*days).into()));
                let unit = l.noun((*limit).into(), DAY_GENITIVE);
                l.pick(
                    format!("Maksymalny wiek hasła musi wynosić od 1 do {limit_n} {unit} (podano: {days})."),
                    format!("Максималната възраст на паролата трябва да е от 1 до {limit_n} {unit} (зададено: {days})."),
                    format!("The maximum password age must be between 1 and {limit_n} {unit} (given: {days})."),
                )
            }
            PolicyProblem::WarningNotBelowMaxAge { warning, max_age } => {
                let (warning, max_age) = (l.count((*warning).into(), DAY), l.count((*max_age).into(), DAY));
                l.pick(
                    format!("Okres ostrzegania przed wygaśnięciem hasła ({warning}) musi być krótszy niż maksymalny wiek hasła ({max_age})."),
                    format!("Периодът на предупреждение преди изтичането на паролата ({warning}) трябва да е по-кратък от максималната възраст на паролата ({max_age})."),
                    format!("The expiry warning period ({warning}) must be shorter than the maximum password age ({max_age})."),
                )
            }
            PolicyProblem::MinAgeNotBelowMaxAge { min_age, max_age } => {
                let (min_age, max_age) = (l.count((*min_age).into(), DAY), l.count((*max_age).into(), DAY));
                l.pick(
                    format!("Minimalny wiek hasła ({min_age}) musi być mniejszy niż maksymalny ({max_age})."),
                    format!("Минималната възраст на паролата ({min_age}) трябва да е по-малка от максималната ({max_age})."),
                    format!("The minimum password age ({min_age}) must be shorter than the maximum ({max_age})."),
                )
            }
            PolicyProblem::HistoryDepth { depth, limit } => {
                let (limit, depth) = (l.count((*limit).into(), PASSWORD), n((*depth).into()));
                l.pick(
                    format!("Historia haseł może obejmować najwyżej {limit} (podano: {depth})."),
                    format!("Историята на паролите може да обхваща най-много {limit} (зададено: {depth})."),
                    format!("The password history may cover at most {limit} (given: {depth})."),
                )
            }
            PolicyProblem::BlocklistEntryEmpty { index } => {
                let nr = n(u64::try_from(*index).unwrap_or(u64::MAX).saturating_add(1));
                l.pick(
                    format!("Pozycja nr {nr} na liście zakazanych haseł jest pusta."),
                    format!("Запис № {nr} в списъка със забранени пароли е празен."),
                    format!("Entry no. {nr} of the list of forbidden passwords is empty."),
                )
            }
            PolicyProblem::StrengthUnavailable => l
                .pick(
                    "Ustawiono minimalną ocenę siły hasła, ale ta wersja biblioteki nie ocenia siły haseł (zbudowano ją bez tej funkcji).",
                    "Зададена е минимална оценка за сила на паролата, но тази версия на библиотеката не оценява силата на паролите (компилирана е без тази функция).",
                    "A minimum password strength score is set, but this build of the library does not estimate password strength (it was built without that feature).",
                )
                .to_owned(),
            PolicyProblem::ZxcvbnScore { score } => {
                let score = n((*score).into());
                l.pick(
                    format!("Minimalna ocena siły hasła musi wynosić od 0 do 4 (podano: {score})."),
                    format!("Минималната оценка за сила на паролата трябва да е от 0 до 4 (зададено: {score})."),
                    format!("The minimum password strength score must be between 0 and 4 (given: {score})."),
                )
            }
            PolicyProblem::HashMemory {
                m_cost_kib,
                min,
                max,
            } => {
                let (m, min, max) = (n((*m_cost_kib).into()), n((*min).into()), n((*max).into()));
                l.pick(
                    format!("Pamięć algorytmu argon2id musi wynosić od {min} do {max} KiB (podano: {m} KiB)."),
                    format!("Паметта за argon2id трябва да е от {min} до {max} КиБ (зададено: {m} КиБ)."),
                    format!("The argon2id memory must be between {min} and {max} KiB (given: {m} KiB)."),
                )
            }
            PolicyProblem::HashTime { t_cost, max } => {
                let (t, max) = (n((*t_cost).into()), n((*max).into()));
                l.pick(
                    format!("Liczba przebiegów algorytmu argon2id musi wynosić od 1 do {max} (podano: {t})."),
                    format!("Броят итерации на argon2id трябва да е от 1 до {max} (зададено: {t})."),
                    format!("The number of argon2id passes must be between 1 and {max} (given: {t})."),
                )
            }
            PolicyProblem::HashParallelism { p_cost, max } => {
                let (p, max) = (n((*p_cost).into()), n((*max).into()));
                l.pick(
                    format!("Stopień równoległości algorytmu argon2id musi wynosić od 1 do {max} (podano: {p})."),
                    format!("Степента на паралелизъм на argon2id трябва да е от 1 до {max} (зададено: {p})."),
                    format!("The argon2id degree of parallelism must be between 1 and {max} (given: {p})."),
                )
            }
            PolicyProblem::HashWork { work, max } => {
                let (work, max) = (n(*work), n(*max));
                l.pick(
                    format!("Koszt algorytmu argon2id (pamięć w KiB razy liczba przebiegów) może wynosić najwyżej {max} (podano: {work})."),
                    format!("Изчислителната цена на argon2id (памет в КиБ по броя итерации) може да е най-много {max} (зададено: {work})."),
                    format!("The argon2id cost (memory in KiB times passes) may be at most {max} (given: {work})."),
                )
            }
            PolicyProblem::HashAboveCeiling { m_cost_kib, t_cost } => {
                let (m, t) = (n((*m_cost_kib).into()), l.count((*t_cost).into(), PASS));
                l.pick(
                    format!("Parametry algorytmu argon2id (pamięć {m} KiB, {t}) przekraczają limit weryfikacji tej samej polityki: nowych skrótów haseł nie dałoby się sprawdzić."),
                    format!("Параметрите на argon2id (памет {m} КиБ, {t}) надвишават границата за проверка в същата политика: новите хешове на пароли не биха могли да бъдат проверени."),
                    format!("The argon2id parameters (memory {m} KiB, {t}) exceed the policy's own verification limit: new password hashes could not be verified."),
                )
            }
            PolicyProblem::PasswordBytes { bytes, limit } => {
                let (limit_n, bytes) = (n((*limit).into()), n((*bytes).into()));
                let unit = l.noun((*limit).into(), BYTE_GENITIVE);
                l.pick(
                    format!("Limit rozmiaru hasła musi wynosić od 1 do {limit_n} {unit} (podano: {bytes})."),
                    format!("Ограничението за размера на паролата трябва да е от 1 до {limit_n} {unit} (зададено: {bytes})."),
                    format!("The password size limit must be between 1 and {limit_n} {unit} (given: {bytes})."),
                )
            }
            PolicyProblem::BytesBelowMaxLength {
                bytes,
                max_length,
                after_normalization,
            } => {
                let need = u64::from(*max_length).saturating_mul(4);
                let (need_n, bytes) = (n(need), n((*bytes).into()));
                let unit = l.noun(need, BYTE_GENITIVE);
                let max = l.count((*max_length).into(), CHARACTER);
                match after_normalization {
                    false => l.pick(
                        format!("Limit rozmiaru hasła musi wynosić co najmniej {need_n} {unit}: tyle zajmuje maksymalna długość ({max}) po 4 bajty na znak (podano: {bytes})."),
                        format!("Ограничението за размера на паролата трябва да е поне {need_n} {unit}: толкова заема максималната дължина ({max}) по 4 байта на знак (зададено: {bytes})."),
                        format!("The password size limit must be at least {need_n} {unit}: the maximum length ({max}) at 4 bytes a character (given: {bytes})."),
                    ),
                    true => l.pick(
                        format!("Limit rozmiaru hasła po normalizacji Unicode musi wynosić co najmniej {need_n} {unit}: tyle zajmuje maksymalna długość ({max}) po 4 bajty na znak (podano: {bytes})."),
                        format!("Ограничението за размера на паролата след нормализация по Уникод трябва да е поне {need_n} {unit}: толкова заема максималната дължина ({max}) по 4 байта на знак (зададено: {bytes})."),
                        format!("The password size limit after Unicode normalization must be at least {need_n} {unit}: the maximum length ({max}) at 4 bytes a character (given: {bytes})."),
                    ),
                }
            }
            PolicyProblem::VerifyCeiling { m_cost_kib, work } => {
                let (m, work) = (n((*m_cost_kib).into()), n(*work));
                l.pick(
                    format!("Limit weryfikacji (pamięć do {m} KiB, koszt do {work}) przekracza wartości, jakie może zawierać zapisany skrót hasła."),
                    format!("Ограничението за проверка (памет до {m} КиБ, изчислителна цена до {work}) надвишава допустимото за съхранен хеш на парола."),
                    format!("The verification limit (memory up to {m} KiB, cost up to {work}) is above what a stored password hash may name."),
                )
            }
        }
    }
}

impl Message for PolicyProblem {
    fn code(&self) -> &'static str {
        PolicyProblem::code(self)
    }

    fn message(&self, locale: Locale) -> String {
        PolicyProblem::message(self, locale)
    }
}
