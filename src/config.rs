//! [`RulesConfig`]: the policies and profiles of every domain crate in one
//! configuration, with named presets, loaded from TOML or JSON.

#[cfg(any(
    feature = "login",
    feature = "password",
    feature = "delegation",
    feature = "deadline",
    feature = "absence"
))]
mod problems;

use std::path::Path;
#[cfg(feature = "deadline")]
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{ConfigError, ConfigProblem, Format};
use crate::{Error, Locale};

/// The rules engine's configuration: each domain crate's policy or profile,
/// and the language of messages.
///
/// Every section is optional and is exactly the domain crate's own
/// configuration type, so its fields, defaults and checks are the crate's;
/// this type only composes them. A caller that needs a section asks for it
/// with its accessor ([`RulesConfig::password`], …), which answers
/// [`ConfigError::MissingSection`] when the configuration has none.
///
/// | key | type | checked by |
/// |---|---|---|
/// | `name` | a name for people | — |
/// | `locale` | [`Locale`], default `en` | — |
/// | `login` | [`login::GeneratorConfig`](edurules_login::GeneratorConfig) (its `policy` also bounds typed logins) | `GeneratorConfig::validate` |
/// | `password` | [`password::PasswordPolicy`](edurules_password::PasswordPolicy) | `PasswordPolicy::problems` |
/// | `delegation` | [`delegation::Policy`](edurules_delegation::Policy) | `Policy::validate` |
/// | `deadline` | [`DeadlineConfig`]: the built-in art. 30 rules, a file or inline rules | `Rules::from_file` |
/// | `absence` | [`absence::RuleProfile`](edurules_absence::RuleProfile) | `RuleProfile::validate` |
///
/// # Cargo features are additive
///
/// A file that is valid with some features stays valid with more: a section
/// is never required, and a section whose crate's feature is off is accepted
/// without being read and listed by [`RulesConfig::ignored_sections`], so a
/// program can say that it ignores it. Unknown keys are still refused.
///
/// Loading ([`from_toml_str`](Self::from_toml_str),
/// [`from_json_str`](Self::from_json_str), [`from_path`](Self::from_path))
/// rejects unknown fields and values of the wrong type with the path of the
/// field ([`ConfigError::Syntax`]), then runs every crate's validation and
/// lists every problem with its path ([`ConfigError::Invalid`]).
///
/// # Example
///
/// ```
/// # #[cfg(all(feature = "login", feature = "password", feature = "delegation", feature = "deadline", feature = "absence"))] {
/// use edurules::{Locale, RulesConfig};
///
/// let config = RulesConfig::preset("poland-sio")?;
/// assert_eq!(config.locale, Locale::Pl);
/// assert_eq!(config.password()?.min_length, 8);
///
/// // The same configuration written as TOML reads back equal.
/// let text = config.to_toml_string()?;
/// assert_eq!(RulesConfig::from_toml_str(&text)?, config);
///
/// // A bad value is reported with its path.
/// let bad = text.replace("min_length = 8", "min_length = 0");
/// let err = RulesConfig::from_toml_str(&bad).unwrap_err();
/// assert_eq!(err.code(), "config.invalid");
/// assert!(err.to_string().contains("“password.min_length”"));
///
/// // A configuration of one section is complete.
/// let deadline_only = RulesConfig::from_toml_str("[deadline]\nrules = \"builtin\"")?;
/// assert!(deadline_only.deadline().is_ok());
/// assert_eq!(deadline_only.password().unwrap_err().code(), "config.missing_section");
/// # }
/// # Ok::<(), edurules::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "edurules configuration")]
#[non_exhaustive]
pub struct RulesConfig {
    /// A name for people: the preset's (`poland-sio`) or the vendor's own.
    #[serde(default)]
    pub name: String,
    /// The language of messages when the caller does not choose another.
    #[serde(default)]
    pub locale: Locale,
    /// Logins: the length bounds (`login.policy`, also used for typed
    /// logins), the generator's pattern, blocklist and attempts.
    #[cfg(feature = "login")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<edurules_login::GeneratorConfig>,
    #[cfg(not(feature = "login"))]
    #[serde(default, skip_serializing)]
    #[schemars(skip)]
    login: Option<Ignored>,
    /// The password policy.
    #[cfg(feature = "password")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<edurules_password::PasswordPolicy>,
    #[cfg(not(feature = "password"))]
    #[serde(default, skip_serializing)]
    #[schemars(skip)]
    password: Option<Ignored>,
    /// The delegation policy: permissions, roles, depth, validity.
    #[cfg(feature = "delegation")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegation: Option<edurules_delegation::Policy>,
    #[cfg(not(feature = "delegation"))]
    #[serde(default, skip_serializing)]
    #[schemars(skip)]
    delegation: Option<Ignored>,
    /// Where the SIO submission rules (art. 30) come from.
    #[cfg(feature = "deadline")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DeadlineConfig>,
    #[cfg(not(feature = "deadline"))]
    #[serde(default, skip_serializing)]
    #[schemars(skip)]
    deadline: Option<Ignored>,
    /// The absence rule profile.
    #[cfg(feature = "absence")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absence: Option<edurules_absence::RuleProfile>,
    #[cfg(not(feature = "absence"))]
    #[serde(default, skip_serializing)]
    #[schemars(skip)]
    absence: Option<Ignored>,
}

/// A section of a crate whose feature is off: accepted whatever it holds,
/// not read, and listed by [`RulesConfig::ignored_sections`].
#[cfg(not(all(
    feature = "login",
    feature = "password",
    feature = "delegation",
    feature = "deadline",
    feature = "absence"
)))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ignored;

#[cfg(not(all(
    feature = "login",
    feature = "password",
    feature = "delegation",
    feature = "deadline",
    feature = "absence"
)))]
impl<'de> Deserialize<'de> for Ignored {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| Self)
    }
}

/// The `deadline` section: which art. 30 rules the deadlines use.
///
/// A rules file is read once, bounded (at most
/// [`RulesConfig::MAX_FILE_BYTES`], a regular file only), the first time the
/// rules are asked for — which [`RulesConfig::validate`] does — and kept, so
/// the rules that were validated are the rules that are used, even if the
/// file changes later.
///
/// # Example
///
/// ```
/// use edurules::{DeadlineConfig, DeadlineRules};
///
/// let c: DeadlineConfig = serde_json::from_str(r#"{"rules": "builtin"}"#)?;
/// assert_eq!(c.rules, DeadlineRules::Builtin);
/// let c: DeadlineConfig = serde_json::from_str(r#"{"rules": {"file": "art30.json"}}"#)?;
/// assert!(matches!(c.rules, DeadlineRules::File(_)));
/// assert_eq!(DeadlineConfig::new(DeadlineRules::Builtin), DeadlineConfig::default());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg(feature = "deadline")]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DeadlineConfig {
    /// The rules: `"builtin"`, `{ file = "…" }` or `{ inline = { … } }`.
    #[serde(default)]
    pub rules: DeadlineRules,
    /// The rules as read and validated, with the source they were read from.
    #[serde(skip)]
    #[schemars(skip)]
    loaded: Loaded,
}

/// Where the SIO submission rules come from.
#[cfg(feature = "deadline")]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeadlineRules {
    /// The rules shipped with `edurules::deadline` (every version of art. 30
    /// of the SIO act), the default.
    #[default]
    Builtin,
    /// A rules file in the format of `edurules::deadline::Rules::json_schema`
    /// (JSON). A relative path read by [`RulesConfig::from_path`] is taken
    /// relative to the configuration file's directory.
    File(PathBuf),
    /// The rules written in the configuration itself (dates as quoted
    /// strings, also in TOML).
    Inline(Box<edurules_deadline::sio::RulesFile>),
}

/// The rules a [`DeadlineConfig`] read, kept beside the source they came
/// from; equal to any other (it is a cache of `rules`, not a setting).
#[cfg(feature = "deadline")]
#[derive(Clone, Default)]
struct Loaded(std::sync::OnceLock<(DeadlineRules, edurules_deadline::Rules)>);

#[cfg(feature = "deadline")]
impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "Loaded"
        } else {
            "NotLoaded"
        })
    }
}

#[cfg(feature = "deadline")]
impl PartialEq for Loaded {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(feature = "deadline")]
impl Eq for Loaded {}

#[cfg(feature = "deadline")]
impl DeadlineConfig {
    /// A section with these rules.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules::{DeadlineConfig, DeadlineRules};
    /// let c = DeadlineConfig::new(DeadlineRules::File("art30.json".into()));
    /// assert!(matches!(c.rules, DeadlineRules::File(_)));
    /// ```
    #[must_use]
    pub fn new(rules: DeadlineRules) -> Self {
        Self {
            rules,
            loaded: Loaded::default(),
        }
    }

    /// The validated rules: the built-in ones; a file's or the inline ones
    /// parsed the first time and kept (borrowed from then on). If `rules`
    /// was changed after that, the new source is read and not kept.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Io`], [`ConfigError::NotAFile`] or
    /// [`ConfigError::FileTooLarge`] when the file cannot be read,
    /// [`Error::Deadline`] when the rules are not valid.
    ///
    /// # Example
    ///
    /// ```
    /// let config = edurules::DeadlineConfig::default();
    /// assert_eq!(config.rules()?.file().article, "art. 30");
    /// # Ok::<(), edurules::Error>(())
    /// ```
    pub fn rules(&self) -> Result<std::borrow::Cow<'_, edurules_deadline::Rules>, Error> {
        use std::borrow::Cow;
        if let DeadlineRules::Builtin = self.rules {
            return Ok(Cow::Borrowed(edurules_deadline::Rules::builtin()?));
        }
        if let Some((source, rules)) = self.loaded.0.get() {
            return if *source == self.rules {
                Ok(Cow::Borrowed(rules))
            } else {
                self.load().map(Cow::Owned)
            };
        }
        let rules = self.load()?;
        let (_, kept) = self.loaded.0.get_or_init(|| (self.rules.clone(), rules));
        Ok(Cow::Borrowed(kept))
    }

    /// Reads and validates the rules of `self.rules` (not the built-in ones).
    fn load(&self) -> Result<edurules_deadline::Rules, Error> {
        match &self.rules {
            DeadlineRules::File(path) => {
                let text = read(path)?;
                Ok(edurules_deadline::Rules::from_json(&text)?)
            }
            DeadlineRules::Inline(file) => {
                Ok(edurules_deadline::Rules::from_file((**file).clone())?)
            }
            DeadlineRules::Builtin => Ok(edurules_deadline::Rules::builtin()?.clone()),
        }
    }
}

/// Reads a text file of at most [`RulesConfig::MAX_FILE_BYTES`]: a regular
/// file only (not a FIFO, a device or a directory), its size checked before
/// reading and the read itself bounded (the file may grow meanwhile).
fn read(path: &Path) -> Result<String, ConfigError> {
    use std::io::Read;
    let io = |e: std::io::Error| ConfigError::Io {
        path: path.to_owned(),
        reason: e.to_string(),
    };
    let too_large = || ConfigError::FileTooLarge {
        path: path.to_owned(),
        max_bytes: RulesConfig::MAX_FILE_BYTES,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(ConfigError::NotAFile {
            path: path.to_owned(),
        });
    }
    if metadata.len() > RulesConfig::MAX_FILE_BYTES {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(RulesConfig::MAX_FILE_BYTES.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > RulesConfig::MAX_FILE_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| ConfigError::NotUtf8 {
        path: path.to_owned(),
    })
}

impl RulesConfig {
    /// The largest configuration text, and the largest file it names (a
    /// deadline rules file), in bytes: 1 MiB, about 16 times the built-in
    /// art. 30 rules.
    pub const MAX_FILE_BYTES: u64 = 1 << 20;

    /// The names of the presets, for [`RulesConfig::preset`].
    pub const PRESETS: [&'static str; 2] = ["poland-sio", "bulgaria-isrm"];

    /// A named preset: `poland-sio` ([`RulesConfig::poland_sio`]) or
    /// `bulgaria-isrm` ([`RulesConfig::bulgaria_isrm`]).
    ///
    /// # Errors
    ///
    /// [`ConfigError::UnknownPreset`] for any other name.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules::RulesConfig;
    /// assert_eq!(RulesConfig::preset("bulgaria-isrm")?.name, "bulgaria-isrm");
    /// assert_eq!(RulesConfig::preset("poland").unwrap_err().code(), "config.unknown_preset");
    /// # Ok::<(), edurules::Error>(())
    /// ```
    pub fn preset(name: &str) -> Result<Self, Error> {
        match name {
            "poland-sio" => Ok(Self::poland_sio()),
            "bulgaria-isrm" => Ok(Self::bulgaria_isrm()),
            _ => Err(ConfigError::UnknownPreset {
                name: name.to_owned(),
            }
            .into()),
        }
    }

    /// The Polish seed rules, messages in Polish:
    /// - login: [`GeneratorConfig::sio`](edurules_login::GeneratorConfig::sio)
    ///   (canonical SIO logins 3..=32 characters, `JANKOW1` pattern);
    /// - password: [`PasswordPolicy::opolska_eszkola`](edurules_password::PasswordPolicy::opolska_eszkola)
    ///   (the seed: 8 characters, three classes, 60 days, last 4), plus the
    ///   crate's list of common passwords ([`Blocklist::common`](edurules_password::Blocklist::common)),
    ///   on which the seed is silent;
    /// - delegation: [`Policy::sio`](edurules_delegation::Policy::sio);
    /// - deadline: the built-in art. 30 rules of the SIO act;
    /// - absence: [`RuleProfile::pl_compulsory_schooling`](edurules_absence::RuleProfile::pl_compulsory_schooling)
    ///   (the monthly 50 % rule of compulsory schooling).
    ///
    /// # Example
    ///
    /// ```
    /// let c = edurules::RulesConfig::poland_sio();
    /// assert_eq!(c.locale, edurules::Locale::Pl);
    /// assert!(c.validate().is_ok());
    /// ```
    #[must_use]
    pub fn poland_sio() -> Self {
        #[cfg_attr(
            not(any(
                feature = "login",
                feature = "password",
                feature = "delegation",
                feature = "deadline",
                feature = "absence"
            )),
            expect(unused_mut, reason = "no section to fill")
        )]
        let mut config = Self {
            name: "poland-sio".to_owned(),
            locale: Locale::Pl,
            ..Self::default()
        };
        #[cfg(feature = "login")]
        {
            config.login = Some(edurules_login::GeneratorConfig::sio());
        }
        #[cfg(feature = "password")]
        {
            let mut password = edurules_password::PasswordPolicy::opolska_eszkola();
            // The seed is silent on common passwords; refusing the most
            // common ones contradicts none of its rules (NIST SP 800-63B).
            password.blocklist = edurules_password::Blocklist::common();
            config.password = Some(password);
        }
        #[cfg(feature = "delegation")]
        {
            config.delegation = Some(edurules_delegation::Policy::sio());
        }
        #[cfg(feature = "deadline")]
        {
            config.deadline = Some(DeadlineConfig::default());
        }
        #[cfg(feature = "absence")]
        {
            config.absence = Some(edurules_absence::RuleProfile::pl_compulsory_schooling());
        }
        config
    }

    /// The Bulgarian seed rules, messages in Bulgarian:
    /// - absence: [`RuleProfile::bg_isrm`](edurules_absence::RuleProfile::bg_isrm)
    ///   (the "attending and safe school" selections, with the 2017 late-arrival
    ///   conversion) — the one Bulgarian seed;
    /// - password: [`PasswordPolicy::nist_800_63b`](edurules_password::PasswordPolicy::nist_800_63b):
    ///   no Bulgarian rule is encoded, so the neutral NIST policy (15
    ///   characters, no rotation, the list of common passwords, a zxcvbn
    ///   score of at least 3) rather than a Polish portal's, with times shown
    ///   in Europe/Sofia;
    /// - login: [`GeneratorConfig::sio`](edurules_login::GeneratorConfig::sio),
    ///   which transliterates Bulgarian names (no Bulgarian login rule is
    ///   encoded);
    /// - delegation: [`Policy::sio`](edurules_delegation::Policy::sio), the
    ///   only encoded delegation model (Polish law: replace it for Bulgaria);
    /// - deadline: the built-in rules, which are Polish (art. 30 of the SIO
    ///   act): no Bulgarian submission deadlines are encoded.
    ///
    /// # Example
    ///
    /// ```
    /// let c = edurules::RulesConfig::bulgaria_isrm();
    /// assert_eq!(c.locale, edurules::Locale::Bg);
    /// assert!(c.validate().is_ok());
    /// ```
    #[must_use]
    pub fn bulgaria_isrm() -> Self {
        #[cfg_attr(
            not(any(
                feature = "login",
                feature = "password",
                feature = "delegation",
                feature = "deadline",
                feature = "absence"
            )),
            expect(unused_mut, reason = "no section to fill")
        )]
        let mut config = Self {
            name: "bulgaria-isrm".to_owned(),
            locale: Locale::Bg,
            ..Self::default()
        };
        #[cfg(feature = "login")]
        {
            config.login = Some(edurules_login::GeneratorConfig::sio());
        }
        #[cfg(feature = "password")]
        {
            let mut password = edurules_password::PasswordPolicy::nist_800_63b();
            // Times of a Bulgarian school are shown on its own clock.
            password.time_zone = edurules_locale::SchoolZone::EuropeSofia;
            config.password = Some(password);
        }
        #[cfg(feature = "delegation")]
        {
            config.delegation = Some(edurules_delegation::Policy::sio());
        }
        #[cfg(feature = "deadline")]
        {
            config.deadline = Some(DeadlineConfig::default());
        }
        #[cfg(feature = "absence")]
        {
            config.absence = Some(edurules_absence::RuleProfile::bg_isrm());
        }
        config
    }

    /// Reads a configuration from TOML and validates it.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Syntax`] with the path of the field for bad syntax,
    /// a value of the wrong type, a missing or an unknown field;
    /// [`ConfigError::Invalid`] listing every problem the crates find.
    ///
    /// # Example
    ///
    /// ```
    /// let toml = edurules::RulesConfig::poland_sio().to_toml_string()?;
    /// assert!(edurules::RulesConfig::from_toml_str(&toml).is_ok());
    /// let err = edurules::RulesConfig::from_toml_str("[password]\nmin_lenght = 8").unwrap_err();
    /// assert!(err.to_string().contains("“password.min_lenght”"), "{err}");
    /// # Ok::<(), edurules::Error>(())
    /// ```
    pub fn from_toml_str(text: &str) -> Result<Self, Error> {
        let config = Self::parse_toml(text)?;
        config.validate()?;
        Ok(config)
    }

    /// Reads a configuration from JSON and validates it.
    ///
    /// # Errors
    ///
    /// As [`RulesConfig::from_toml_str`].
    ///
    /// # Example
    ///
    /// ```
    /// let json = serde_json::to_string(&edurules::RulesConfig::bulgaria_isrm()).unwrap();
    /// assert!(edurules::RulesConfig::from_json_str(&json).is_ok());
    /// let err = edurules::RulesConfig::from_json_str(r#"{"locale": "de"}"#).unwrap_err();
    /// assert!(err.to_string().contains("“locale”"), "{err}");
    /// # Ok::<(), edurules::Error>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<Self, Error> {
        let config = Self::parse_json(text)?;
        config.validate()?;
        Ok(config)
    }

    /// Reads a configuration file, TOML or JSON by its extension, and
    /// validates it. A relative `deadline.rules.file` is taken relative to the
    /// configuration file's directory.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Io`] when the file cannot be read,
    /// [`ConfigError::UnknownFormat`] for another extension, otherwise as
    /// [`RulesConfig::from_toml_str`].
    ///
    /// # Example
    ///
    /// ```
    /// let err = edurules::RulesConfig::from_path("/nonexistent/edurules.toml").unwrap_err();
    /// assert_eq!(err.code(), "config.io");
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("toml") => Format::Toml,
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            _ => {
                return Err(ConfigError::UnknownFormat {
                    path: path.to_owned(),
                }
                .into());
            }
        };
        let text = read(path)?;
        #[cfg_attr(
            not(feature = "deadline"),
            expect(unused_mut, reason = "only the deadline section has paths")
        )]
        let mut config = match format {
            Format::Toml => Self::parse_toml(&text)?,
            Format::Json => Self::parse_json(&text)?,
        };
        #[cfg(feature = "deadline")]
        if let Some(DeadlineConfig {
            rules: DeadlineRules::File(file),
            ..
        }) = &mut config.deadline
            && file.is_relative()
            && let Some(dir) = path.parent()
        {
            *file = dir.join(&*file);
        }
        config.validate()?;
        Ok(config)
    }

    /// The configuration as TOML, as [`RulesConfig::from_toml_str`] reads it.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Syntax`] if a value cannot be written as TOML (none of
    /// the crates' types has such a value today).
    ///
    /// # Example
    ///
    /// ```
    /// let text = edurules::RulesConfig::bulgaria_isrm().to_toml_string()?;
    /// assert!(text.starts_with("name = \"bulgaria-isrm\""));
    /// # Ok::<(), edurules::Error>(())
    /// ```
    pub fn to_toml_string(&self) -> Result<String, Error> {
        toml::to_string(self).map_err(|e| {
            ConfigError::Syntax {
                format: Format::Toml,
                path: String::new(),
                line: None,
                column: None,
                reason: e.to_string(),
            }
            .into()
        })
    }

    /// The JSON Schema of the configuration (the file committed at
    /// `docs/schema/edurules.schema.json`, with every feature on).
    ///
    /// Descriptions are the types' doc comments without their `# Example`
    /// sections (code is of no use in an editor's tooltip).
    ///
    /// # Example
    ///
    /// ```
    /// let schema = edurules::RulesConfig::json_schema();
    /// assert_eq!(schema["title"], "edurules configuration");
    /// ```
    #[must_use]
    pub fn json_schema() -> serde_json::Value {
        let mut schema = schemars::schema_for!(RulesConfig).to_value();
        strip_examples(&mut schema);
        schema
    }

    /// The sections present in the text but not read, because their crate's
    /// cargo feature is off in this build (empty when every feature is on).
    /// A program should tell its user that these settings have no effect.
    ///
    /// # Example
    ///
    /// ```
    /// let config = edurules::RulesConfig::from_toml_str("[absence]\nid = \"x\"");
    /// # #[cfg(not(feature = "absence"))]
    /// assert_eq!(config?.ignored_sections(), ["absence"]);
    /// # #[cfg(feature = "absence")]
    /// # let _ = config;
    /// # Ok::<(), edurules::Error>(())
    /// ```
    #[must_use]
    pub fn ignored_sections(&self) -> Vec<&'static str> {
        #[cfg_attr(
            all(
                feature = "login",
                feature = "password",
                feature = "delegation",
                feature = "deadline",
                feature = "absence"
            ),
            expect(unused_mut, reason = "every section is read")
        )]
        let mut ignored = Vec::new();
        #[cfg(not(feature = "login"))]
        if self.login.is_some() {
            ignored.push("login");
        }
        #[cfg(not(feature = "password"))]
        if self.password.is_some() {
            ignored.push("password");
        }
        #[cfg(not(feature = "delegation"))]
        if self.delegation.is_some() {
            ignored.push("delegation");
        }
        #[cfg(not(feature = "deadline"))]
        if self.deadline.is_some() {
            ignored.push("deadline");
        }
        #[cfg(not(feature = "absence"))]
        if self.absence.is_some() {
            ignored.push("absence");
        }
        ignored
    }

    /// The `login` section.
    ///
    /// # Errors
    ///
    /// [`ConfigError::MissingSection`] when the configuration has none.
    ///
    /// # Example
    ///
    /// ```
    /// let config = edurules::RulesConfig::poland_sio();
    /// assert!(config.login().is_ok());
    /// let empty = edurules::RulesConfig::default();
    /// assert_eq!(empty.login().unwrap_err().code(), "config.missing_section");
    /// ```
    #[cfg(feature = "login")]
    pub fn login(&self) -> Result<&edurules_login::GeneratorConfig, Error> {
        self.login
            .as_ref()
            .ok_or_else(|| ConfigError::MissingSection { section: "login" }.into())
    }

    /// The `password` section.
    ///
    /// # Errors
    ///
    /// [`ConfigError::MissingSection`] when the configuration has none.
    ///
    /// # Example
    ///
    /// ```
    /// let config = edurules::RulesConfig::poland_sio();
    /// assert!(config.password().is_ok());
    /// let empty = edurules::RulesConfig::default();
    /// assert_eq!(empty.password().unwrap_err().code(), "config.missing_section");
    /// ```
    #[cfg(feature = "password")]
    pub fn password(&self) -> Result<&edurules_password::PasswordPolicy, Error> {
        self.password.as_ref().ok_or_else(|| {
            ConfigError::MissingSection {
                section: "password",
            }
            .into()
        })
    }

    /// The `delegation` section.
    ///
    /// # Errors
    ///
    /// [`ConfigError::MissingSection`] when the configuration has none.
    ///
    /// # Example
    ///
    /// ```
    /// let config = edurules::RulesConfig::poland_sio();
    /// assert!(config.delegation().is_ok());
    /// let empty = edurules::RulesConfig::default();
    /// assert_eq!(empty.delegation().unwrap_err().code(), "config.missing_section");
    /// ```
    #[cfg(feature = "delegation")]
    pub fn delegation(&self) -> Result<&edurules_delegation::Policy, Error> {
        self.delegation.as_ref().ok_or_else(|| {
            ConfigError::MissingSection {
                section: "delegation",
            }
            .into()
        })
    }

    /// The `deadline` section.
    ///
    /// # Errors
    ///
    /// [`ConfigError::MissingSection`] when the configuration has none.
    ///
    /// # Example
    ///
    /// ```
    /// let config = edurules::RulesConfig::poland_sio();
    /// assert!(config.deadline().is_ok());
    /// let empty = edurules::RulesConfig::default();
    /// assert_eq!(empty.deadline().unwrap_err().code(), "config.missing_section");
    /// ```
    #[cfg(feature = "deadline")]
    pub fn deadline(&self) -> Result<&DeadlineConfig, Error> {
        self.deadline.as_ref().ok_or_else(|| {
            ConfigError::MissingSection {
                section: "deadline",
            }
            .into()
        })
    }

    /// The `absence` section.
    ///
    /// # Errors
    ///
    /// [`ConfigError::MissingSection`] when the configuration has none.
    ///
    /// # Example
    ///
    /// ```
    /// let config = edurules::RulesConfig::poland_sio();
    /// assert!(config.absence().is_ok());
    /// let empty = edurules::RulesConfig::default();
    /// assert_eq!(empty.absence().unwrap_err().code(), "config.missing_section");
    /// ```
    #[cfg(feature = "absence")]
    pub fn absence(&self) -> Result<&edurules_absence::RuleProfile, Error> {
        self.absence
            .as_ref()
            .ok_or_else(|| ConfigError::MissingSection { section: "absence" }.into())
    }

    /// Runs every domain crate's validation on its section and lists every
    /// problem, each with the path of its field.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Invalid`] listing every problem.
    ///
    /// # Example
    ///
    /// ```
    /// # #[cfg(feature = "password")] {
    /// let mut c = edurules::RulesConfig::poland_sio();
    /// let password = c.password.as_mut().unwrap();
    /// password.min_length = 0;
    /// password.history_depth = 99;
    /// let err = c.validate().unwrap_err();
    /// let edurules::Error::Config(edurules::ConfigError::Invalid { problems }) = err else {
    ///     unreachable!()
    /// };
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["password.min_length", "password.history_depth"]);
    /// # }
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        #[cfg_attr(
            not(any(
                feature = "login",
                feature = "password",
                feature = "delegation",
                feature = "deadline",
                feature = "absence"
            )),
            expect(unused_mut, reason = "no section to check")
        )]
        let mut problems: Vec<ConfigProblem> = Vec::new();
        #[cfg(feature = "login")]
        if let Some(login) = &self.login {
            problems.extend(problems::login(login));
        }
        #[cfg(feature = "password")]
        if let Some(password) = &self.password {
            problems.extend(problems::password(password));
        }
        #[cfg(feature = "delegation")]
        if let Some(delegation) = &self.delegation {
            problems.extend(problems::delegation(delegation));
        }
        #[cfg(feature = "deadline")]
        if let Some(deadline) = &self.deadline {
            problems.extend(problems::deadline(deadline));
        }
        #[cfg(feature = "absence")]
        if let Some(absence) = &self.absence {
            problems.extend(problems::absence(absence));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError::Invalid { problems }.into())
        }
    }

    fn parse_toml(text: &str) -> Result<Self, ConfigError> {
        check_size(text)?;
        let syntax = |path: String, e: &toml::de::Error| {
            let place = e.span().map(|span| place_of(text, span.start));
            ConfigError::Syntax {
                format: Format::Toml,
                path,
                line: place.map(|(line, _)| line),
                column: place.map(|(_, column)| column),
                reason: e.message().to_owned(),
            }
        };
        let de = toml::Deserializer::parse(text).map_err(|e| syntax(String::new(), &e))?;
        serde_path_to_error::deserialize(de).map_err(|e| syntax(path_of(e.path()), e.inner()))
    }

    fn parse_json(text: &str) -> Result<Self, ConfigError> {
        check_size(text)?;
        let syntax = |path: String, e: &serde_json::Error| ConfigError::Syntax {
            format: Format::Json,
            path,
            line: (e.line() > 0).then_some(e.line()),
            column: (e.column() > 0).then_some(e.column()),
            reason: e.to_string(),
        };
        let mut de = serde_json::Deserializer::from_str(text);
        let config: Self = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| syntax(path_of(e.path()), e.inner()))?;
        de.end().map_err(|e| syntax(String::new(), &e))?;
        Ok(config)
    }
}

/// Refuses a configuration text longer than [`RulesConfig::MAX_FILE_BYTES`].
fn check_size(text: &str) -> Result<(), ConfigError> {
    if text.len() as u64 > RulesConfig::MAX_FILE_BYTES {
        return Err(ConfigError::TextTooLarge {
            bytes: text.len(),
            max_bytes: RulesConfig::MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Cuts the `# Example` section off every `description` in a schema.
fn strip_examples(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "description"
                    && let serde_json::Value::String(text) = v
                    && let Some(at) = text.find("# Example")
                {
                    text.truncate(at);
                    let kept = text.trim_end().len();
                    text.truncate(kept);
                } else {
                    strip_examples(v);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_examples),
        _ => {}
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |before| before.bytes().filter(|&b| b == b'\n').count())
        .saturating_add(1)
}

/// The line and the column (in characters, both from 1) of a byte offset.
fn place_of(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |at| at.saturating_add(1));
    let column = before
        .get(line_start..)
        .map_or(0, |rest| rest.chars().count())
        .saturating_add(1);
    (line_of(text, offset), column)
}

/// `serde_path_to_error` writes the top level as `.`; we write it empty.
fn path_of(path: &serde_path_to_error::Path) -> String {
    let p = path.to_string();
    if p == "." { String::new() } else { p }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_of_counts_lines_and_characters_from_one() {
        assert_eq!(place_of("a\nżb = 1", 5), (2, 3));
        assert_eq!(place_of("x", 0), (1, 1));
    }

    #[test]
    fn line_of_counts_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }

    #[test]
    fn presets_are_valid_and_named() {
        for name in RulesConfig::PRESETS {
            let c = RulesConfig::preset(name).unwrap();
            assert_eq!(c.name, name);
            c.validate().unwrap();
        }
    }

    #[test]
    fn schema_descriptions_have_no_examples() {
        let text = RulesConfig::json_schema().to_string();
        assert!(!text.contains("# Example"));
        assert!(text.contains("The language of messages"));
        #[cfg(feature = "password")]
        assert!(text.contains("The password policy."));
    }

    #[test]
    fn unknown_extension_is_refused() {
        let err = RulesConfig::from_path("config.yaml").unwrap_err();
        assert_eq!(err.code(), "config.unknown_format");
    }
}
