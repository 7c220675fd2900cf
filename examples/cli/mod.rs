//! What every example shares: the `--config`, `--preset`, `--locale` and
//! `--json` options, and printing that never panics.

#![allow(dead_code, reason = "each example uses a part of this module")]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use edurules::{Locale, RulesConfig};
use serde_json::Value;

/// The options every example takes.
#[derive(Debug, clap::Args)]
pub(crate) struct Common {
    /// Read the rules from this TOML or JSON file (see
    /// docs/schema/edurules.schema.json) instead of a preset.
    #[arg(long, value_name = "FILE", global = true)]
    pub(crate) config: Option<PathBuf>,
    /// The preset used without --config.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "poland-sio",
        value_parser = RulesConfig::PRESETS,
        conflicts_with = "config",
        global = true
    )]
    pub(crate) preset: String,
    /// Language of the messages [default: the configuration's locale].
    #[arg(long, value_name = "pl|bg|en", global = true)]
    pub(crate) locale: Option<Locale>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub(crate) json: bool,
}

impl Common {
    /// The configuration (the file's or the preset's) and the locale of the
    /// messages.
    pub(crate) fn load(&self) -> Result<(RulesConfig, Locale), edurules::Error> {
        let config = match &self.config {
            Some(path) => RulesConfig::from_path(path)?,
            None => RulesConfig::preset(&self.preset)?,
        };
        let locale = self.locale.unwrap_or(config.locale);
        Ok((config, locale))
    }
}

/// What an example prints: lines for a person, the same facts for a machine.
#[derive(Debug, Default)]
pub(crate) struct Output {
    /// Lines for a person.
    pub(crate) lines: Vec<String>,
    /// The same facts for a machine.
    pub(crate) data: serde_json::Map<String, Value>,
}

impl Output {
    /// Adds a line for a person.
    pub(crate) fn line(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    /// Adds a fact for a machine.
    pub(crate) fn data(&mut self, key: &str, value: impl serde::Serialize) {
        self.data.insert(
            key.to_owned(),
            serde_json::to_value(value).unwrap_or(Value::Null),
        );
    }
}

/// The JSON text of `value`, pretty-printed, with the keys of every object in
/// sorted order.
///
/// The order is fixed here, not left to serde_json: its `preserve_order`
/// feature, which any crate in a build can turn on through feature
/// unification, would otherwise change the output between `cargo run` and
/// `cargo test` builds. CI prints the demo's JSON under both and compares.
pub(crate) fn json_text(value: impl serde::Serialize) -> Result<String, serde_json::Error> {
    fn sort(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.sort_keys();
                map.values_mut().for_each(sort);
            }
            Value::Array(items) => items.iter_mut().for_each(sort),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(value)?;
    sort(&mut value);
    serde_json::to_string_pretty(&value)
}

/// Writes to stdout, ignoring a closed pipe (`| head`) instead of panicking.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Why an example failed: an error of the rules engine (with its code and
/// message in three languages) or a bad input of the example itself.
#[derive(Debug)]
pub(crate) enum Failure {
    /// An error of `edurules`.
    Rules(edurules::Error),
    /// An input the example cannot use (a file, an argument); English only.
    Input(String),
}

impl From<edurules::Error> for Failure {
    fn from(e: edurules::Error) -> Self {
        Self::Rules(e)
    }
}

impl Failure {
    /// A file that cannot be read or parsed.
    pub(crate) fn file(path: &std::path::Path, e: impl std::fmt::Display) -> Self {
        Self::Input(format!("`{}`: {e}", path.display()))
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Rules(e) => e.code(),
            Self::Input(_) => "example.input",
        }
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            Self::Rules(e) => e.message(locale),
            Self::Input(m) => m.clone(),
        }
    }
}

/// Runs an example: prints its output as text or JSON, or its error with
/// its code and message on stderr and a non-zero exit.
pub(crate) fn run(
    common: &Common,
    body: impl FnOnce(&RulesConfig, Locale) -> Result<Output, Failure>,
) -> ExitCode {
    let mut locale = common.locale.unwrap_or_default();
    let result = common
        .load()
        .map_err(Failure::from)
        .and_then(|(config, l)| {
            locale = l;
            body(&config, l)
        });
    match result {
        Ok(output) => {
            if common.json {
                match json_text(&output.data) {
                    Ok(text) => print(&format!("{text}\n")),
                    Err(e) => {
                        eprintln!("error: cannot print JSON: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                let mut text = output.lines.join("\n");
                text.push('\n');
                print(&text);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            if common.json {
                let value = serde_json::json!({
                    "error": { "code": e.code(), "message": e.message(locale) }
                });
                print(&format!("{}\n", json_text(&value).unwrap_or_default()));
            }
            eprintln!("error [{}]: {}", e.code(), e.message(locale));
            ExitCode::FAILURE
        }
    }
}

/// Parses a date written `YYYY-MM-DD`.
pub(crate) fn date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("`{s}` is not a date (YYYY-MM-DD): {e}"))
}
