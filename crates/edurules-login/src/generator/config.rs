//! [`GeneratorConfig`] and [`LoginPattern`]: how logins are built, with the
//! bounds checked at load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ConfigProblem, LoginError, LoginPolicy};

/// Which name comes first in a generated login.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameOrder {
    /// Given name, then surname (`JAN` + `KOW`), the default.
    #[default]
    GivenFirst,
    /// Surname, then given name (`KOW` + `JAN`).
    SurnameFirst,
}

/// How a login is built from the names. The default reads the seed's example
/// `JANKOW1`: the first 3 letters of the given name, the first 3 of the
/// surname, then the smallest number ≥ 1 that makes it unique.
///
/// Letters are counted in the name as written, before transliteration
/// (the first three letters of `Жечко` give `ZHECH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct LoginPattern {
    /// Letters taken from the start of the given name.
    pub given_letters: usize,
    /// Letters taken from the start of the surname.
    pub surname_letters: usize,
    /// Which name comes first.
    pub order: NameOrder,
    /// The first number tried.
    pub first_number: u32,
    /// Always append a number (`JANKOW1`); when `false`, the bare base
    /// (`JANKOW`) is tried first.
    pub always_number: bool,
}

impl LoginPattern {
    /// The default number of letters taken from each name.
    pub const DEFAULT_LETTERS: usize = 3;

    /// The same pattern taking `given` letters of the given name and
    /// `surname` letters of the surname.
    ///
    /// # Example
    ///
    /// ```
    /// let p = edurules_login::LoginPattern::default().with_letters(1, 7);
    /// assert_eq!((p.given_letters, p.surname_letters), (1, 7));
    /// ```
    #[must_use]
    pub fn with_letters(mut self, given: usize, surname: usize) -> Self {
        self.given_letters = given;
        self.surname_letters = surname;
        self
    }

    /// The same pattern with the names in this order.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{LoginPattern, NameOrder};
    /// let p = LoginPattern::default().with_order(NameOrder::SurnameFirst);
    /// assert_eq!(p.order, NameOrder::SurnameFirst);
    /// ```
    #[must_use]
    pub fn with_order(mut self, order: NameOrder) -> Self {
        self.order = order;
        self
    }

    /// The same pattern numbering from `first` and, if `always`, numbering
    /// even the first login of a base.
    ///
    /// # Example
    ///
    /// ```
    /// let p = edurules_login::LoginPattern::default().with_numbering(2, false);
    /// assert_eq!((p.first_number, p.always_number), (2, false));
    /// ```
    #[must_use]
    pub fn with_numbering(mut self, first: u32, always: bool) -> Self {
        self.first_number = first;
        self.always_number = always;
        self
    }
}

impl Default for LoginPattern {
    fn default() -> Self {
        Self {
            given_letters: Self::DEFAULT_LETTERS,
            surname_letters: Self::DEFAULT_LETTERS,
            order: NameOrder::GivenFirst,
            first_number: 1,
            always_number: true,
        }
    }
}

/// The generator's configuration: login policy, pattern, blocklist and the
/// number of numbered candidates tried before giving up. Deserializing
/// validates and lists every problem.
///
/// # Example
///
/// ```
/// use edurules_login::GeneratorConfig;
///
/// let c: GeneratorConfig = serde_json::from_str(
///     r#"{"pattern": {"given_letters": 1, "surname_letters": 5}, "blocklist": ["KUR"]}"#,
/// ).unwrap();
/// assert_eq!(c.pattern.surname_letters, 5);
/// assert_eq!(c.policy.max_length(), 32);
/// let err = serde_json::from_str::<GeneratorConfig>(r#"{"blocklist": ["ok!"], "max_attempts": 0}"#);
/// assert!(err.unwrap_err().to_string().contains("must try at least 1 number"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "ConfigFields")]
#[non_exhaustive]
pub struct GeneratorConfig {
    /// Length bounds of generated logins.
    pub policy: LoginPolicy,
    /// How the base is built.
    pub pattern: LoginPattern,
    /// Words no generated login may contain (`A-Z0-9`; compared by skeleton,
    /// so `K0T` also blocks `KOT`), at most [`Self::MAX_BLOCKLIST_ENTRIES`].
    pub blocklist: Vec<String>,
    /// How many numbers are tried before giving up, at most
    /// [`Self::MAX_ATTEMPTS_LIMIT`].
    pub max_attempts: u32,
}

/// The unvalidated fields of a [`GeneratorConfig`].
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ConfigFields {
    /// Length bounds of generated logins.
    #[serde(default)]
    policy: LoginPolicy,
    /// How the base is built.
    #[serde(default)]
    pattern: LoginPattern,
    /// Words no generated login may contain.
    #[serde(default)]
    blocklist: Vec<String>,
    /// How many numbers are tried before giving up.
    #[serde(default = "default_attempts")]
    max_attempts: u32,
}

const fn default_attempts() -> u32 {
    GeneratorConfig::DEFAULT_MAX_ATTEMPTS
}

impl TryFrom<ConfigFields> for GeneratorConfig {
    type Error = LoginError;

    fn try_from(f: ConfigFields) -> Result<Self, Self::Error> {
        let c = Self {
            policy: f.policy,
            pattern: f.pattern,
            blocklist: f.blocklist,
            max_attempts: f.max_attempts,
        };
        c.validate()?;
        Ok(c)
    }
}

impl Default for GeneratorConfig {
    fn default() -> Self {
        Self {
            policy: LoginPolicy::SIO,
            pattern: LoginPattern::default(),
            blocklist: Vec::new(),
            max_attempts: Self::DEFAULT_MAX_ATTEMPTS,
        }
    }
}

impl GeneratorConfig {
    /// The default number of numbers tried.
    pub const DEFAULT_MAX_ATTEMPTS: u32 = 100_000;

    /// The same configuration with these length bounds (not validated until
    /// [`LoginGenerator::new`](crate::LoginGenerator::new) or
    /// [`GeneratorConfig::validate`]).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{GeneratorConfig, LoginPolicy};
    /// let c = GeneratorConfig::default().with_policy(LoginPolicy::new(4, 12)?);
    /// assert_eq!(c.policy.max_length(), 12);
    /// # Ok::<(), edurules_login::LoginError>(())
    /// ```
    #[must_use]
    pub fn with_policy(mut self, policy: LoginPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The same configuration with this pattern.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::{GeneratorConfig, LoginPattern};
    /// let c = GeneratorConfig::default().with_pattern(LoginPattern::default().with_letters(1, 5));
    /// assert_eq!(c.pattern.surname_letters, 5);
    /// ```
    #[must_use]
    pub fn with_pattern(mut self, pattern: LoginPattern) -> Self {
        self.pattern = pattern;
        self
    }

    /// The same configuration with this blocklist.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::GeneratorConfig;
    /// let c = GeneratorConfig::default().with_blocklist(["KUR"]);
    /// assert_eq!(c.blocklist, ["KUR"]);
    /// ```
    #[must_use]
    pub fn with_blocklist<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.blocklist = words.into_iter().map(Into::into).collect();
        self
    }

    /// The same configuration with this number of attempts.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::GeneratorConfig;
    /// assert_eq!(GeneratorConfig::default().with_max_attempts(10).max_attempts, 10);
    /// ```
    #[must_use]
    pub fn with_max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts;
        self
    }

    /// The most numbers a configuration may ask to try: a generator whose
    /// every number is taken or blocked gives up after at most this many
    /// candidates (about 0.05–0.1 s optimized, whatever the blocklist; see
    /// the crate README).
    pub const MAX_ATTEMPTS_LIMIT: u32 = 1_000_000;

    /// The most blocklist entries a configuration may have (the generator
    /// searches a candidate for all of them in one pass).
    pub const MAX_BLOCKLIST_ENTRIES: usize = 1_024;

    /// The preset for the Polish SIO (seed 001), equal to `Default`: policy
    /// [`LoginPolicy::SIO`], the `JANKOW1` pattern (3 + 3 letters, numbers from
    /// 1, always numbered), no blocklist.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::GeneratorConfig;
    /// assert_eq!(GeneratorConfig::sio(), GeneratorConfig::default());
    /// ```
    #[must_use]
    pub fn sio() -> Self {
        Self::default()
    }

    /// Checks the configuration.
    ///
    /// # Errors
    ///
    /// [`LoginError::InvalidConfig`] listing every problem.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_login::GeneratorConfig;
    ///
    /// let mut c = GeneratorConfig::default();
    /// assert!(c.validate().is_ok());
    /// c.pattern.given_letters = 0;
    /// c.pattern.surname_letters = 0;
    /// c.blocklist.push("bad word".into());
    /// let err = c.validate().unwrap_err();
    /// assert!(matches!(err, edurules_login::LoginError::InvalidConfig { ref problems } if problems.len() == 2));
    /// ```
    pub fn validate(&self) -> Result<(), LoginError> {
        let mut problems = Vec::new();
        if let Err(LoginError::InvalidConfig { problems: p }) =
            LoginPolicy::new(self.policy.min_length(), self.policy.max_length())
        {
            problems.extend(p);
        }
        if self.pattern.given_letters == 0 && self.pattern.surname_letters == 0 {
            problems.push(ConfigProblem::PatternTakesNoLetters);
        }
        if self.pattern.first_number == 0 {
            problems.push(ConfigProblem::FirstNumberZero);
        }
        if self.blocklist.len() > Self::MAX_BLOCKLIST_ENTRIES {
            problems.push(ConfigProblem::BlocklistTooLong {
                entries: self.blocklist.len(),
                limit: Self::MAX_BLOCKLIST_ENTRIES,
            });
        }
        for entry in self.blocklist.iter().take(Self::MAX_BLOCKLIST_ENTRIES) {
            if entry.is_empty()
                || !entry
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            {
                problems.push(ConfigProblem::BadBlocklistEntry {
                    entry: entry.clone(),
                });
            }
        }
        if self.max_attempts == 0 {
            problems.push(ConfigProblem::MaxAttemptsZero);
        }
        if self.max_attempts > Self::MAX_ATTEMPTS_LIMIT {
            problems.push(ConfigProblem::MaxAttemptsAboveLimit {
                max_attempts: self.max_attempts,
                limit: Self::MAX_ATTEMPTS_LIMIT,
            });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(LoginError::InvalidConfig { problems })
        }
    }
}
