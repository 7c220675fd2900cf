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
        let path = bounded(&e.path().to_string());
        FfiError::InvalidRequest {
            path,
            reason: bounded(&without_value(&e.into_inner().to_string())),
        }
    })
}

/// The most characters of a parser's reason or a field's path an error repeats.
const MAX_DETAIL_CHARS: usize = 200;

/// `text` cut after [`MAX_DETAIL_CHARS`] characters with `…`: a key of
/// megabytes is not echoed whole.
fn bounded(text: &str) -> String {
    match text.char_indices().nth(MAX_DETAIL_CHARS) {
        None => text.to_owned(),
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or_default()),
    }
}

/// serde's reason without the value it quotes: `invalid type: integer
/// `123456`, expected a string` becomes `invalid type: integer, expected a
/// string`, and `unknown variant `x`, expected …` becomes `unknown variant,
/// expected …`. The value may be a secret (a password sent as a number) and is
/// the caller's own input; the kind and the expectation say what is wrong.
fn without_value(reason: &str) -> String {
    // `unknown variant `X`, expected one of …`: the variant given is the caller's value.
    if let Some(rest) = reason.strip_prefix("unknown variant `")
        && let Some(end) = rest.rfind("`, expected ")
    {
        return format!("unknown variant{}", rest.get(end + 1..).unwrap_or_default());
    }
    let Some(rest) = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|p| reason.strip_prefix(p).map(|rest| (p, rest)))
    else {
        return reason.to_owned();
    };
    let (prefix, rest) = rest;
    // The kind is words (`integer`, `floating point`, `string`), then the value
    // in backticks or double quotes.
    let kind_end = rest.find(['`', '"']).filter(|&i| {
        rest.get(..i)
            .is_some_and(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == ' '))
    });
    let Some(kind_end) = kind_end else {
        return reason.to_owned();
    };
    let (kind, quoted) = rest.split_at(kind_end);
    let mut chars = quoted.char_indices();
    let close = match chars.next() {
        Some((_, '`')) => chars.find(|&(_, c)| c == '`').map(|(i, _)| i),
        Some((_, '"')) => {
            let mut escaped = false;
            chars
                .find(|&(_, c)| {
                    let end = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    end
                })
                .map(|(i, _)| i)
        }
        _ => None,
    };
    match close.and_then(|i| quoted.get(i + 1..)) {
        Some(after) => format!("{prefix}{}{after}", kind.trim_end()),
        None => reason.to_owned(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_left_out_of_reasons() {
        for (reason, shown) in [
            (
                "invalid type: integer `123456`, expected a string",
                "invalid type: integer, expected a string",
            ),
            (
                "invalid type: string \"Tajne \\\"hasło\\\" 1\", expected u32",
                "invalid type: string, expected u32",
            ),
            (
                "invalid value: floating point `1.5`, expected an integer",
                "invalid value: floating point, expected an integer",
            ),
            (
                "invalid type: map, expected a string",
                "invalid type: map, expected a string",
            ),
            ("missing field `password`", "missing field `password`"),
            (
                "unknown variant `Secret1!`, expected `nfkc` or `none`",
                "unknown variant, expected `nfkc` or `none`",
            ),
            (
                "unknown variant `a`, b`, expected one of `x`, `y`",
                "unknown variant, expected one of `x`, `y`",
            ),
        ] {
            assert_eq!(without_value(reason), shown, "{reason}");
        }
        let long = "k".repeat(10_000);
        assert_eq!(bounded(&long).chars().count(), MAX_DETAIL_CHARS + 1);
    }
}
