//! The engine: a configuration validated once, the locale of its messages,
//! and the delegation registries opened in it.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::RwLock;

use edurules::delegation::Registry;
use edurules::{Locale, RulesConfig};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use crate::envelope::{Envelope, FORMAT_VERSION};
use crate::error::FfiError;
use crate::ops;

/// The longest request the protocol reads, in bytes (64 MiB: a delegation
/// log of 100,000 authorizations is about 40 MiB).
pub const MAX_REQUEST_BYTES: usize = 64 << 20;
/// The first capacity of an answer's buffer: most answers fit.
const ANSWER_CAPACITY: usize = 2048;
/// How every answer starts: the envelope's format, then the operation's name.
const ANSWER_HEAD: &[u8] = br#"{"format":1,"operation":"#;
// The format written in `ANSWER_HEAD` (a test checks the whole text).
const _: () = assert!(FORMAT_VERSION == 1);
/// The longest operation name, in bytes.
pub const MAX_OPERATION_BYTES: usize = 64;
/// The most delegation registries one engine holds.
pub const MAX_REGISTRIES: usize = 256;
/// The longest name of a delegation registry, in bytes.
pub const MAX_REGISTRY_NAME_BYTES: usize = 128;

/// How to make an engine: exactly one of `preset`, `toml`, `json`, and
/// optionally the locale of the messages (else the configuration's).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EngineOptions {
    /// A preset name: `poland-sio` or `bulgaria-isrm`.
    #[serde(default)]
    pub preset: Option<String>,
    /// A configuration in TOML (the format of `docs/schema/edurules.schema.json`).
    #[serde(default)]
    pub toml: Option<String>,
    /// A configuration as a JSON object (same schema).
    #[serde(default)]
    pub json: Option<Value>,
    /// `pl`, `bg` or `en`; the configuration's own locale when absent.
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// A configuration validated once and reused by every call; safe to share
/// between threads (`Sync`): calls only read it, and the registries are
/// behind a read-write lock (decisions read in parallel, `apply` and `open`
/// write one at a time).
///
/// # Example
/// ```
/// use edurules_ffi::Engine;
/// let engine = Engine::new(br#"{"preset":"poland-sio","locale":"pl"}"#)?;
/// let answer = engine.call_json(b"config.presets@1", b"{}");
/// assert!(answer.contains(r#""status":"success""#));
/// assert!(Engine::new(br#"{"preset":"atlantis"}"#).is_err());
/// # Ok::<(), edurules_ffi::FfiError>(())
/// ```
#[derive(Debug)]
pub struct Engine {
    pub(crate) config: RulesConfig,
    pub(crate) locale: Locale,
    pub(crate) registries: RwLock<BTreeMap<String, Registry>>,
}

impl Engine {
    /// An engine from [`EngineOptions`] as JSON bytes.
    ///
    /// # Errors
    /// [`FfiError::MalformedJson`] / [`FfiError::InvalidRequest`] for bad
    /// options, [`FfiError::TooLarge`] past [`MAX_REQUEST_BYTES`],
    /// [`FfiError::Rules`] when the configuration is unknown or invalid.
    ///
    /// # Example
    /// ```
    /// let e = edurules_ffi::Engine::new(br#"{"preset":"bulgaria-isrm"}"#)?;
    /// assert_eq!(e.locale(), edurules::Locale::Bg);
    /// assert!(edurules_ffi::Engine::new(b"{").is_err());
    /// # Ok::<(), edurules_ffi::FfiError>(())
    /// ```
    pub fn new(options: &[u8]) -> Result<Self, FfiError> {
        let options: EngineOptions = ops::parse(options)?;
        Self::from_options(options)
    }

    /// An engine from [`EngineOptions`].
    ///
    /// # Errors
    /// As [`Engine::new`].
    ///
    /// # Example
    /// ```
    /// use edurules_ffi::{Engine, EngineOptions};
    /// let options = EngineOptions { preset: Some("poland-sio".into()), ..Default::default() };
    /// assert_eq!(Engine::from_options(options)?.locale(), edurules::Locale::Pl);
    /// assert!(Engine::from_options(EngineOptions::default()).is_err());
    /// # Ok::<(), edurules_ffi::FfiError>(())
    /// ```
    pub fn from_options(options: EngineOptions) -> Result<Self, FfiError> {
        let config = match (&options.preset, &options.toml, &options.json) {
            (Some(name), None, None) => RulesConfig::preset(name)?,
            (None, Some(text), None) => RulesConfig::from_toml_str(text)?,
            (None, None, Some(value)) => {
                let text = serde_json::to_string(value).map_err(|_| FfiError::Internal)?;
                RulesConfig::from_json_str(&text)?
            }
            _ => {
                return Err(FfiError::InvalidRequest {
                    path: ".".into(),
                    reason: "give exactly one of `preset`, `toml`, `json`".into(),
                });
            }
        };
        config.validate()?;
        let locale = options.locale.unwrap_or(config.locale);
        Ok(Self {
            config,
            locale,
            registries: RwLock::new(BTreeMap::new()),
        })
    }

    /// The locale of the engine's messages.
    ///
    /// # Example
    /// ```
    /// let e = edurules_ffi::Engine::new(br#"{"preset":"poland-sio","locale":"en"}"#)?;
    /// assert_eq!(e.locale(), edurules::Locale::En);
    /// # Ok::<(), edurules_ffi::FfiError>(())
    /// ```
    #[must_use]
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Runs `operation` on the JSON `request`; the answer is always an
    /// envelope. Never panics: a caught panic answers `ffi.internal`.
    ///
    /// # Example
    /// ```
    /// let e = edurules_ffi::Engine::new(br#"{"preset":"poland-sio"}"#)?;
    /// assert!(e.call(b"config.presets@1", b"{}").is_success());
    /// assert!(!e.call(b"nope@1", b"{}").is_success());
    /// # Ok::<(), edurules_ffi::FfiError>(())
    /// ```
    #[must_use]
    pub fn call(&self, operation: &[u8], request: &[u8]) -> Envelope {
        let (valid, name) = names(operation);
        let mut out = Vec::new();
        let answer = self
            .run(operation, valid, request, &mut out)
            .and_then(|()| serde_json::from_slice::<Value>(&out).map_err(|_| FfiError::Internal));
        match answer {
            Ok(result) => Envelope::success(name, result),
            Err(e) => Envelope::failure(name, e.to_failure(self.locale)),
        }
    }

    /// [`Engine::call`] as JSON text (keys sorted), the same bytes as
    /// `call(…).to_json()`, written straight from the typed result.
    ///
    /// # Example
    /// ```
    /// let e = edurules_ffi::Engine::new(br#"{"preset":"poland-sio"}"#)?;
    /// assert!(e.call_json(b"x", b"").contains("ffi.unknown_operation"));
    /// assert_eq!(e.call_json(b"config.presets@1", b"{}"), e.call(b"config.presets@1", b"{}").to_json());
    /// # Ok::<(), edurules_ffi::FfiError>(())
    /// ```
    #[must_use]
    pub fn call_json(&self, operation: &[u8], request: &[u8]) -> String {
        String::from_utf8(self.call_bytes(operation, request)).unwrap_or_else(|_| {
            Envelope::failure(
                operation_name(operation),
                FfiError::Internal.to_failure(self.locale),
            )
            .to_json()
        })
    }

    /// [`Engine::call_json`] as UTF-8 bytes, with room for one more byte
    /// (the C string's NUL): one buffer, no copy of the result.
    pub(crate) fn call_bytes(&self, operation: &[u8], request: &[u8]) -> Vec<u8> {
        let (valid, name) = names(operation);
        let mut out = Vec::with_capacity(ANSWER_CAPACITY);
        out.extend_from_slice(ANSWER_HEAD);
        let answer = crate::json::write_str(&mut out, &name)
            .map_err(|_| FfiError::Internal)
            .and_then(|()| {
                out.extend_from_slice(br#","result":"#);
                self.run(operation, valid, request, &mut out)
            });
        match answer {
            Ok(()) => {
                out.extend_from_slice(br#","status":"success"}"#);
                out.reserve_exact(1);
                out
            }
            Err(e) => Envelope::failure(name, e.to_failure(self.locale))
                .to_json()
                .into_bytes(),
        }
    }

    /// Runs the operation (`valid`: its name if UTF-8), appending its
    /// result's JSON text to `out`; bounds first, panics caught.
    fn run(
        &self,
        operation: &[u8],
        valid: Option<&str>,
        request: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), FfiError> {
        let run = || -> Result<(), FfiError> {
            if operation.len() > MAX_OPERATION_BYTES {
                return Err(FfiError::TooLarge {
                    what: "operation name",
                    actual: operation.len(),
                    max: MAX_OPERATION_BYTES,
                });
            }
            let op = valid.ok_or(FfiError::InvalidUtf8)?;
            if request.len() > MAX_REQUEST_BYTES {
                return Err(FfiError::TooLarge {
                    what: "request",
                    actual: request.len(),
                    max: MAX_REQUEST_BYTES,
                });
            }
            ops::dispatch(self, op, request, out)
        };
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
            .unwrap_or(Err(FfiError::Internal))
    }
}

/// The operation's name if it is UTF-8 (the name run), and the name echoed
/// in the envelope: the bytes are checked once for both.
fn names(operation: &[u8]) -> (Option<&str>, Cow<'_, str>) {
    let valid = std::str::from_utf8(operation).ok();
    let name = match valid {
        Some(text) if text.len() <= MAX_OPERATION_BYTES => Cow::Borrowed(text),
        _ => operation_name(operation),
    };
    (valid, name)
}

/// The operation name echoed in the envelope: lossy UTF-8, at most 64 bytes
/// (borrowed when it is valid UTF-8, as every known name is).
fn operation_name(operation: &[u8]) -> Cow<'_, str> {
    let cut = operation.get(..MAX_OPERATION_BYTES).unwrap_or(operation);
    String::from_utf8_lossy(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_head_names_the_format() {
        let head = format!(r#"{{"format":{FORMAT_VERSION},"operation":"#);
        assert_eq!(ANSWER_HEAD, head.as_bytes());
    }
}
