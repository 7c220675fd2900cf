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
/// Every section is required and is exactly the domain crate's own
/// configuration type, so its fields, defaults and checks are the crate's;
/// this type only composes them. A section exists only when its cargo
/// feature is on.
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
/// assert_eq!(config.password.min_length, 8);
///
/// // The same configuration written as TOML reads back equal.
/// let text = config.to_toml_string()?;
/// assert_eq!(RulesConfig::from_toml_str(&text)?, config);
///
/// // A bad value is reported with its path.
/// let bad = text.replace("min_length = 8", "min_length = 0");
/// let err = RulesConfig::from_toml_str(&bad).unwrap_err();
/// assert_eq!(err.code(), "config.invalid");
/// assert!(err.to_string().contains("`password.min_length`"));
/// # }
/// # Ok::<(), edurules::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "edurules configuration")]
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
    pub login: edurules_login::GeneratorConfig,
    /// The password policy.
    #[cfg(feature = "password")]
    pub password: edurules_password::PasswordPolicy,
    /// The delegation policy: permissions, roles, depth, validity.
    #[cfg(feature = "delegation")]
    pub delegation: edurules_delegation::Policy,
    /// Where the SIO submission rules (art. 30) come from.
    #[cfg(feature = "deadline")]
    pub deadline: DeadlineConfig,
    /// The absence rule profile.
    #[cfg(feature = "absence")]
    pub absence: edurules_absence::RuleProfile,
}

/// The `deadline` section: which art. 30 rules the deadlines use.
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
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg(feature = "deadline")]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineConfig {
    /// The rules: `"builtin"`, `{ file = "…" }` or `{ inline = { … } }`.
    #[serde(default)]
    pub rules: DeadlineRules,
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

#[cfg(feature = "deadline")]
impl DeadlineConfig {
    /// The validated rules: the built-in ones borrowed, a file's or the
    /// inline ones parsed.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Io`] when the file cannot be read,
    /// [`Error::Deadline`] when the rules are not valid.
    ///
    /// # Example
    ///
    /// ```
    /// let rules = edurules::DeadlineConfig::default().rules()?;
    /// assert_eq!(rules.file().article, "art. 30");
    /// # Ok::<(), edurules::Error>(())
    /// ```
    pub fn rules(&self) -> Result<std::borrow::Cow<'static, edurules_deadline::Rules>, Error> {
        use std::borrow::Cow;
        match &self.rules {
            DeadlineRules::Builtin => Ok(Cow::Borrowed(edurules_deadline::Rules::builtin()?)),
            DeadlineRules::File(path) => {
                let text = read(path)?;
                Ok(Cow::Owned(edurules_deadline::Rules::from_json(&text)?))
            }
            DeadlineRules::Inline(file) => Ok(Cow::Owned(edurules_deadline::Rules::from_file(
                (**file).clone(),
            )?)),
        }
    }
}

fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|e| ConfigError::Io {
        path: path.to_owned(),
        reason: e.to_string(),
    })
}

impl RulesConfig {
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
    ///   (the seed: 8 characters, three classes, 60 days, last 4);
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
        Self {
            name: "poland-sio".to_owned(),
            locale: Locale::Pl,
            #[cfg(feature = "login")]
            login: edurules_login::GeneratorConfig::sio(),
            #[cfg(feature = "password")]
            password: edurules_password::PasswordPolicy::opolska_eszkola(),
            #[cfg(feature = "delegation")]
            delegation: edurules_delegation::Policy::sio(),
            #[cfg(feature = "deadline")]
            deadline: DeadlineConfig::default(),
            #[cfg(feature = "absence")]
            absence: edurules_absence::RuleProfile::pl_compulsory_schooling(),
        }
    }

    /// The Bulgarian seed rules, messages in Bulgarian:
    /// - absence: [`RuleProfile::bg_isrm`](edurules_absence::RuleProfile::bg_isrm)
    ///   (the "attending and safe school" selections, with the 2017 late-arrival
    ///   conversion) — the one Bulgarian seed;
    /// - password: [`PasswordPolicy::nist_800_63b`](edurules_password::PasswordPolicy::nist_800_63b):
    ///   no Bulgarian rule is encoded, so the neutral NIST policy (15
    ///   characters, no rotation) rather than a Polish portal's;
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
        Self {
            name: "bulgaria-isrm".to_owned(),
            locale: Locale::Bg,
            #[cfg(feature = "login")]
            login: edurules_login::GeneratorConfig::sio(),
            #[cfg(feature = "password")]
            password: edurules_password::PasswordPolicy::nist_800_63b(),
            #[cfg(feature = "delegation")]
            delegation: edurules_delegation::Policy::sio(),
            #[cfg(feature = "deadline")]
            deadline: DeadlineConfig::default(),
            #[cfg(feature = "absence")]
            absence: edurules_absence::RuleProfile::bg_isrm(),
        }
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
    /// assert!(err.to_string().contains("`password"), "{err}");
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
    /// assert!(err.to_string().contains("`locale`"), "{err}");
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
        if let DeadlineRules::File(file) = &mut config.deadline.rules
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
    /// c.password.min_length = 0;
    /// c.password.history_depth = 99;
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
        problems.extend(problems::login(&self.login));
        #[cfg(feature = "password")]
        problems.extend(problems::password(&self.password));
        #[cfg(feature = "delegation")]
        problems.extend(problems::delegation(&self.delegation));
        #[cfg(feature = "deadline")]
        problems.extend(problems::deadline(&self.deadline));
        #[cfg(feature = "absence")]
        problems.extend(problems::absence(&self.absence));
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError::Invalid { problems }.into())
        }
    }

    fn parse_toml(text: &str) -> Result<Self, ConfigError> {
        let syntax = |path: String, e: &toml::de::Error| ConfigError::Syntax {
            format: Format::Toml,
            path,
            reason: match e.span() {
                Some(span) => format!("{} (line {})", e.message(), line_of(text, span.start)),
                None => e.message().to_owned(),
            },
        };
        let de = toml::Deserializer::parse(text).map_err(|e| syntax(String::new(), &e))?;
        serde_path_to_error::deserialize(de).map_err(|e| syntax(path_of(e.path()), e.inner()))
    }

    fn parse_json(text: &str) -> Result<Self, ConfigError> {
        let syntax = |path: String, e: &serde_json::Error| ConfigError::Syntax {
            format: Format::Json,
            path,
            reason: e.to_string(),
        };
        let mut de = serde_json::Deserializer::from_str(text);
        let config: Self = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| syntax(path_of(e.path()), e.inner()))?;
        de.end().map_err(|e| syntax(String::new(), &e))?;
        Ok(config)
    }
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

/// `serde_path_to_error` writes the top level as `.`; we write it empty.
fn path_of(path: &serde_path_to_error::Path) -> String {
    let p = path.to_string();
    if p == "." { String::new() } else { p }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(text.contains("The password policy."));
    }

    #[test]
    fn unknown_extension_is_refused() {
        let err = RulesConfig::from_path("config.yaml").unwrap_err();
        assert_eq!(err.code(), "config.unknown_format");
    }
}
