//! `config.*`: the presets, validating a configuration, its schema.

use edurules::RulesConfig;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Empty, Op, op};
use crate::engine::Engine;
use crate::error::FfiError;

pub(super) const OPS: &[Op] = &[
    op!("config.presets@1", presets, Empty, Presets),
    op!("config.validate@1", validate, Validate, Validated),
    op!("config.schema@1", schema, Empty, Schema),
];

#[derive(Serialize, JsonSchema)]
pub(crate) struct Presets {
    /// The preset names, for `{"preset": …}` when opening an engine.
    presets: Vec<String>,
}

fn presets(_: &Engine, _: Empty) -> Result<Presets, FfiError> {
    Ok(Presets {
        presets: RulesConfig::PRESETS.iter().map(|&p| p.to_owned()).collect(),
    })
}

/// A configuration to check: exactly one of `toml`, `json`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Validate {
    /// The configuration in TOML.
    #[serde(default)]
    toml: Option<String>,
    /// The configuration as a JSON object.
    #[serde(default)]
    json: Option<Value>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Validated {
    /// The configuration's name.
    name: String,
    /// The locale of its messages.
    locale: edurules::Locale,
    /// Sections present but not used by this build.
    ignored_sections: Vec<String>,
}

fn validate(_: &Engine, req: Validate) -> Result<Validated, FfiError> {
    let config = match (req.toml, req.json) {
        (Some(text), None) => RulesConfig::from_toml_str(&text)?,
        (None, Some(value)) => {
            let text = serde_json::to_string(&value).map_err(|_| FfiError::Internal)?;
            RulesConfig::from_json_str(&text)?
        }
        _ => {
            return Err(FfiError::InvalidRequest {
                path: ".".into(),
                reason: "give exactly one of `toml`, `json`".into(),
            });
        }
    };
    config.validate()?;
    Ok(Validated {
        ignored_sections: config
            .ignored_sections()
            .into_iter()
            .map(str::to_owned)
            .collect(),
        name: config.name,
        locale: config.locale,
    })
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Schema {
    /// The JSON Schema of a configuration.
    schema: Value,
}

fn schema(_: &Engine, _: Empty) -> Result<Schema, FfiError> {
    Ok(Schema {
        schema: RulesConfig::json_schema(),
    })
}
