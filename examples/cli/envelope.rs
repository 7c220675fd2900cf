//! The `--json` envelope of every example: the same shape as the answers of
//! the C ABI protocol (`crates/edurules-ffi/src/envelope.rs`), so one parser
//! reads both. `tests/examples_cli.rs` checks that its schema, committed as
//! `docs/schema/examples-envelope.schema.json`, has the same structure as
//! `docs/schema/ffi/envelope.json`.

#![allow(
    dead_code,
    reason = "each example and the test use a part of this module"
)]

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version of the envelope's shape (`format` in every envelope).
pub(crate) const FORMAT_VERSION: u32 = 1;

/// Every `--json` answer of an example.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub(crate) enum Envelope {
    /// The example ran; `result` holds what it found, with `accepted`
    /// (`false` when a rule refused something: exit code 1).
    Success {
        /// [`FORMAT_VERSION`].
        format: u32,
        /// The example and its version (`examples.password@1`).
        operation: String,
        /// What the example found.
        result: Value,
    },
    /// The example could not run: a usage error (exit code 2), a bad input
    /// file or configuration (exit code 3).
    Failure {
        /// [`FORMAT_VERSION`].
        format: u32,
        /// The example and its version (`examples.password@1`).
        operation: String,
        /// What went wrong.
        error: Failure,
    },
}

/// What went wrong: a stable code, a message in the chosen locale, and the
/// details a program acts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub(crate) struct Failure {
    /// The stable code (`config.unknown_preset`, `examples.usage`, …).
    pub(crate) code: String,
    /// The message in the chosen locale.
    pub(crate) message: String,
    /// One entry per problem, when there are several or they have a place.
    #[serde(default)]
    pub(crate) details: Vec<Detail>,
}

/// One problem of a failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub(crate) struct Detail {
    /// The problem's own code, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) code: Option<String>,
    /// The message in the chosen locale.
    pub(crate) message: String,
    /// Where in the input or configuration (`password.min_length`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) path: Option<String>,
    /// The rule broken, as its code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) rule: Option<String>,
    /// The legal basis of that rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) legal_basis: Option<String>,
    /// A technical reason in English (a parser's words), for logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<String>,
}

impl Detail {
    /// A detail with a message only.
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            code: None,
            message: message.into(),
            path: None,
            rule: None,
            legal_basis: None,
            reason: None,
        }
    }
}

/// The operation name of an example: `examples.NAME@1`.
pub(crate) fn operation(example: &str) -> String {
    format!("examples.{example}@{FORMAT_VERSION}")
}

/// The JSON Schema of the envelope, as committed.
pub(crate) fn schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Envelope)).unwrap_or(Value::Null)
}

/// The JSON text of `value`, pretty-printed, with the keys of every object in
/// sorted order.
///
/// The order is fixed here, not left to serde_json: its `preserve_order`
/// feature, which any crate in a build can turn on through feature
/// unification, would otherwise change the output between `cargo run` and
/// `cargo test` builds. CI prints the demo's JSON under both and compares.
pub(crate) fn json_text(value: impl Serialize) -> Result<String, serde_json::Error> {
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
