//! The one answer of every operation: success with its result, or failure
//! with a stable code, a message in the engine's locale and the details a
//! program needs. Public so that other front ends (the examples' `--json`)
//! can print the same envelope.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version of the envelope's own shape (`format` in every envelope).
/// It changes only if the envelope changes incompatibly; new optional
/// fields keep it.
pub const FORMAT_VERSION: u32 = 1;

/// Every answer of the protocol.
///
/// Serialized with `status` as the tag and every object's keys sorted:
///
/// ```
/// use edurules_ffi::envelope::{Envelope, Failure};
/// let ok = Envelope::success("config.presets@1", serde_json::json!({"presets": []}));
/// assert_eq!(ok.to_json(), r#"{"format":1,"operation":"config.presets@1","result":{"presets":[]},"status":"success"}"#);
/// let no = Envelope::failure("x@1", Failure::new("ffi.unknown_operation", "unknown operation `x@1`"));
/// assert!(no.to_json().contains(r#""status":"failure""#));
/// assert!(!no.is_success());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Envelope {
    /// The operation ran; `result` has the shape of the operation's response
    /// schema.
    Success {
        /// [`FORMAT_VERSION`].
        format: u32,
        /// The operation, with its version (`password.check@1`).
        operation: String,
        /// The operation's result.
        result: Value,
    },
    /// The operation did not run, or ran into an error.
    Failure {
        /// [`FORMAT_VERSION`].
        format: u32,
        /// The operation as the caller named it (may be unknown, or empty).
        operation: String,
        /// What went wrong.
        error: Failure,
    },
}

impl Envelope {
    /// A success envelope.
    ///
    /// # Example
    /// ```
    /// let e = edurules_ffi::envelope::Envelope::success("op@1", serde_json::json!(1));
    /// assert!(e.is_success());
    /// ```
    #[must_use]
    pub fn success(operation: impl Into<String>, result: Value) -> Self {
        Self::Success {
            format: FORMAT_VERSION,
            operation: operation.into(),
            result,
        }
    }

    /// A failure envelope.
    ///
    /// # Example
    /// ```
    /// use edurules_ffi::envelope::{Envelope, Failure};
    /// let e = Envelope::failure("op@1", Failure::new("ffi.internal", "internal error"));
    /// assert!(!e.is_success());
    /// ```
    #[must_use]
    pub fn failure(operation: impl Into<String>, error: Failure) -> Self {
        Self::Failure {
            format: FORMAT_VERSION,
            operation: operation.into(),
            error,
        }
    }

    /// Whether this is a success.
    ///
    /// # Example
    /// ```
    /// let e = edurules_ffi::envelope::Envelope::success("op@1", serde_json::Value::Null);
    /// assert!(e.is_success());
    /// ```
    #[must_use]
    pub fn is_success(&self) -> bool {
        matches!(self, Self::Success { .. })
    }

    /// The compact JSON text, with the keys of every object sorted so the
    /// bytes never depend on serde_json's `preserve_order` feature.
    ///
    /// # Panics
    /// Never: a value that cannot be serialized becomes an `ffi.internal`
    /// failure.
    ///
    /// # Example
    /// ```
    /// let e = edurules_ffi::envelope::Envelope::success("op@1", serde_json::json!({"b": 1, "a": 2}));
    /// assert!(e.to_json().contains(r#"{"a":2,"b":1}"#));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        sorted_json(self).unwrap_or_else(|_| {
            r#"{"error":{"code":"ffi.internal","details":[],"message":"internal error"},"format":1,"operation":"","status":"failure"}"#
                .to_owned()
        })
    }

    /// The JSON Schema of the envelope.
    ///
    /// # Example
    /// ```
    /// let s = edurules_ffi::envelope::Envelope::json_schema();
    /// assert!(s.to_string().contains("failure"));
    /// ```
    #[must_use]
    pub fn json_schema() -> Value {
        serde_json::to_value(schemars::schema_for!(Envelope)).unwrap_or(Value::Null)
    }
}

/// What went wrong: a stable code, a message for a person in the engine's
/// locale, and the details a program acts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Failure {
    /// The stable code (`ffi.malformed_json`, `delegation.rejected`, …).
    pub code: String,
    /// The message in the engine's locale.
    pub message: String,
    /// One entry per problem, when there are several or they have a place.
    #[serde(default)]
    pub details: Vec<Detail>,
}

impl Failure {
    /// A failure without details.
    ///
    /// # Example
    /// ```
    /// let f = edurules_ffi::envelope::Failure::new("ffi.internal", "internal error");
    /// assert!(f.details.is_empty());
    /// ```
    #[must_use]
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            details: Vec::new(),
        }
    }

    /// The same failure with one more detail.
    ///
    /// # Example
    /// ```
    /// use edurules_ffi::envelope::{Detail, Failure};
    /// let f = Failure::new("ffi.invalid_request", "bad").with_detail(Detail::new("bad").at("user.login"));
    /// assert_eq!(f.details[0].path.as_deref(), Some("user.login"));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: Detail) -> Self {
        self.details.push(detail);
        self
    }
}

/// One problem of a failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Detail {
    /// The problem's own code, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The message in the engine's locale.
    pub message: String,
    /// Where in the request or configuration (`user.login`, `events[3].on`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The rule broken, as its code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The legal basis of that rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    /// A technical reason in English (a JSON parser's words), for logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Detail {
    /// A detail with a message only.
    ///
    /// # Example
    /// ```
    /// let d = edurules_ffi::envelope::Detail::new("too short");
    /// assert!(d.code.is_none());
    /// ```
    #[must_use]
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            code: None,
            message: message.into(),
            path: None,
            rule: None,
            legal_basis: None,
            reason: None,
        }
    }

    /// With a code.
    ///
    /// # Example
    /// ```
    /// let d = edurules_ffi::envelope::Detail::new("m").with_code("password.too_short");
    /// assert_eq!(d.code.as_deref(), Some("password.too_short"));
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// With a path.
    ///
    /// # Example
    /// ```
    /// let d = edurules_ffi::envelope::Detail::new("m").at("a.b");
    /// assert_eq!(d.path.as_deref(), Some("a.b"));
    /// ```
    #[must_use]
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// With a rule and its legal basis.
    ///
    /// # Example
    /// ```
    /// let d = edurules_ffi::envelope::Detail::new("m").with_rule("r", "art. 1");
    /// assert_eq!(d.legal_basis.as_deref(), Some("art. 1"));
    /// ```
    #[must_use]
    pub fn with_rule(mut self, rule: impl Into<String>, legal_basis: impl Into<String>) -> Self {
        self.rule = Some(rule.into());
        self.legal_basis = Some(legal_basis.into());
        self
    }

    /// With a technical reason.
    ///
    /// # Example
    /// ```
    /// let d = edurules_ffi::envelope::Detail::new("m").because("expected u32");
    /// assert_eq!(d.reason.as_deref(), Some("expected u32"));
    /// ```
    #[must_use]
    pub fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

/// Compact JSON text of `value` with the keys of every object sorted.
pub(crate) fn sorted_json(value: impl Serialize) -> Result<String, serde_json::Error> {
    let mut value = serde_json::to_value(value)?;
    sort(&mut value);
    serde_json::to_string(&value)
}

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
