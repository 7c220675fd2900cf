//! The operations of protocol 1: each a name with its version, a request
//! type and a response type (serde + schemars), and a function that calls
//! the crates.

mod absence;
mod config;
mod date;
mod deadline;
mod delegation;
mod login;
mod password;

use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::engine::Engine;
use crate::error::FfiError;

/// Parses a request, runs, and appends the result's JSON text (keys sorted)
/// to the buffer.
pub(crate) type Run = fn(&Engine, &[u8], &mut Vec<u8>) -> Result<(), FfiError>;

/// One operation of the protocol.
pub(crate) struct Op {
    /// `area.name@version`.
    pub(crate) name: &'static str,
    /// Parses the request, runs, writes the result.
    pub(crate) run: Run,
    /// The JSON Schema of the request.
    pub(crate) request: fn() -> schemars::Schema,
    /// The JSON Schema of the result (the envelope's `result`).
    pub(crate) response: fn() -> schemars::Schema,
}

/// An [`Op`] from a typed handler `fn(&Engine, Req) -> Result<Resp, FfiError>`;
/// its result written by [`write`], or by the writer given last.
macro_rules! op {
    ($name:literal, $handler:path, $req:ty, $resp:ty) => {
        $crate::ops::op!($name, $handler, $req, $resp, $crate::ops::write)
    };
    ($name:literal, $handler:path, $req:ty, $resp:ty, $write:path) => {
        $crate::ops::Op {
            name: $name,
            run: |engine, bytes, out| {
                let request: $req = $crate::ops::parse(bytes)?;
                let response: $resp = $handler(engine, request)?;
                $write(out, &response)
            },
            request: || schemars::schema_for!($req),
            response: || schemars::schema_for!($resp),
        }
    };
}
pub(crate) use op;

/// Every operation, in the order of the docs.
pub(crate) fn all() -> impl Iterator<Item = &'static Op> {
    config::OPS
        .iter()
        .chain(login::OPS)
        .chain(password::OPS)
        .chain(delegation::OPS)
        .chain(deadline::OPS)
        .chain(absence::OPS)
}

/// Runs the operation `name`, appending its result's JSON text to `out`.
pub(crate) fn dispatch(
    engine: &Engine,
    name: &str,
    request: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), FfiError> {
    match all().find(|op| op.name == name) {
        Some(op) => (op.run)(engine, request, out),
        None => Err(FfiError::UnknownOperation {
            operation: name.to_owned(),
        }),
    }
}

/// The request as `T`, with the path of a bad field.
///
/// The fast path parses the bytes straight into `T`; only a request that
/// fails is parsed again, to tell malformed JSON from a bad field and find
/// the field's path.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, FfiError> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    // UTF-8 checked once for the whole request, not once per string in it.
    if first == Some(&b'{')
        && let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(value) = serde_json::from_str::<T>(text)
    {
        return Ok(value);
    }
    // Syntax first, so that malformed JSON and a wrong field are told apart.
    let value: Value = serde_json::from_slice(bytes).map_err(|e| FfiError::MalformedJson {
        line: e.line(),
        column: e.column(),
        reason: e.to_string(),
    })?;
    if !value.is_object() {
        return Err(FfiError::InvalidRequest {
            path: ".".into(),
            reason: "the request must be a JSON object".into(),
        });
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        FfiError::InvalidRequest {
            path,
            reason: e.into_inner().to_string(),
        }
    })
}

/// Appends the result's JSON text, keys sorted, to `out`.
pub(crate) fn write(out: &mut Vec<u8>, value: &impl Serialize) -> Result<(), FfiError> {
    crate::json::write_sorted(out, value).map_err(|_| FfiError::Internal)
}

/// A request without fields.
#[derive(serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Empty {}

/// The names of every operation of the protocol, with their versions.
///
/// # Example
/// ```
/// let names = edurules_ffi::operations();
/// assert!(names.contains(&"password.check@1"));
/// ```
#[must_use]
pub fn operations() -> Vec<&'static str> {
    all().map(|op| op.name).collect()
}

/// The JSON Schemas of one operation: its request and its result.
///
/// # Example
/// ```
/// let (req, resp) = edurules_ffi::schemas("deadline.submission@1").unwrap();
/// assert!(req.to_string().contains("change_date"));
/// assert!(resp.is_object());
/// assert!(edurules_ffi::schemas("nope@1").is_none());
/// ```
#[must_use]
pub fn schemas(operation: &str) -> Option<(Value, Value)> {
    let op = all().find(|op| op.name == operation)?;
    Some((
        serde_json::to_value((op.request)()).unwrap_or(Value::Null),
        serde_json::to_value((op.response)()).unwrap_or(Value::Null),
    ))
}
