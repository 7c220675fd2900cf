//! The C ABI, declared in `include/edurules.h`: six functions, every one
//! under `catch_unwind` so that no panic crosses into the caller.
//!
//! Ownership: an engine from `edurules_engine_new` is freed with
//! `edurules_engine_free`; every `char *` the library returns (responses,
//! errors) is freed with `edurules_free`; `edurules_version` returns a
//! static string that is never freed. The library never keeps a pointer the
//! caller passed in after the call returns.
//!
//! The same functions, called from Rust as a C program would:
//!
//! ```
//! use edurules_ffi::abi::*;
//! let options = br#"{"preset":"poland-sio"}"#;
//! // SAFETY (of the example): every pointer is valid for its length.
//! unsafe {
//!     let engine = edurules_engine_new(options.as_ptr(), options.len(), std::ptr::null_mut());
//!     assert!(!engine.is_null());
//!     let (op, req) = (b"password.check@1", br#"{"password":"abc"}"#);
//!     let mut len = 0;
//!     let answer = edurules_call(engine, op.as_ptr(), op.len(), req.as_ptr(), req.len(), &mut len);
//!     let text = std::ffi::CStr::from_ptr(answer).to_str().unwrap();
//!     assert!(text.contains(r#""accepted":false"#));
//!     assert_eq!(text.len(), len);
//!     edurules_free(answer);
//!     edurules_engine_free(engine);
//!     let mut error = std::ptr::null_mut();
//!     let bad = br#"{"preset":"atlantis"}"#;
//!     assert!(edurules_engine_new(bad.as_ptr(), bad.len(), &mut error).is_null());
//!     assert!(std::ffi::CStr::from_ptr(error).to_str().unwrap().contains("config.unknown_preset"));
//!     edurules_free(error);
//! }
//! ```
#![allow(unsafe_code, reason = "the C ABI: raw pointers from the caller")]

use std::ffi::{CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use edurules::Locale;

use crate::engine::Engine;
use crate::envelope::Envelope;
use crate::error::FfiError;

/// The library version, NUL-terminated, static.
static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library's version (`"0.1.0"`): a static NUL-terminated string, never freed.
#[unsafe(no_mangle)]
pub extern "C" fn edurules_version() -> *const c_char {
    VERSION.as_ptr().cast()
}

/// The protocol version (`1`).
#[unsafe(no_mangle)]
pub extern "C" fn edurules_protocol_version() -> u32 {
    crate::PROTOCOL_VERSION
}

/// The bytes at `ptr`, `len` long; empty for a null pointer of length 0.
///
/// # Safety
/// `ptr` is null or valid for reads of `len` bytes for the duration of the call.
unsafe fn bytes<'a>(
    ptr: *const u8,
    len: usize,
    argument: &'static str,
) -> Result<&'a [u8], FfiError> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(FfiError::NullPointer { argument })
        };
    }
    if len > isize::MAX.unsigned_abs() {
        return Err(FfiError::TooLarge {
            what: argument,
            actual: len,
            max: crate::MAX_REQUEST_BYTES,
        });
    }
    // SAFETY: the caller promises `ptr` is valid for `len` bytes (checked
    // non-null and `len <= isize::MAX` above), and the slice lives only
    // during the call.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// `text` NUL-terminated for the caller, with its length.
fn to_c(text: impl Into<Vec<u8>>, len_out: *mut usize) -> *mut c_char {
    // serde_json escapes U+0000, so an envelope never holds a NUL byte; the
    // empty string is the (unreachable) fallback. Checked without a branch
    // per byte (vectorized), which `CString::new`'s search is not.
    let mut text = text.into();
    let c = if text.iter().fold(false, |nul, &b| nul | (b == 0)) {
        CString::default()
    } else {
        text.push(0);
        // SAFETY: `text` had no NUL byte (checked just above); its one NUL is
        // the last byte, pushed here.
        unsafe { CString::from_vec_with_nul_unchecked(text) }
    };
    if !len_out.is_null() {
        // SAFETY: the caller passes null or a valid, aligned `size_t *`.
        unsafe { *len_out = c.as_bytes().len() };
    }
    c.into_raw()
}

/// Makes an engine from options as JSON (`{"preset":"poland-sio"}`,
/// `{"toml":"…"}`, `{"json":{…}}`, optionally `"locale":"pl"`).
///
/// Returns the engine, or null with `*error` (when `error` is not null) set
/// to a failure envelope the caller frees with [`edurules_free`].
///
/// # Safety
/// `options` is null (with `options_len` 0) or valid for `options_len`
/// bytes; `error` is null or a valid `char **`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn edurules_engine_new(
    options: *const u8,
    options_len: usize,
    error: *mut *mut c_char,
) -> *mut Engine {
    let run = || {
        // SAFETY: forwarded from this function's contract.
        let options = unsafe { bytes(options, options_len, "options") }?;
        Engine::new(options)
    };
    let answer = catch_unwind(AssertUnwindSafe(run)).unwrap_or(Err(FfiError::Internal));
    match answer {
        Ok(engine) => Box::into_raw(Box::new(engine)),
        Err(e) => {
            if !error.is_null() {
                let envelope = Envelope::failure("engine.new", e.to_failure(Locale::En));
                // SAFETY: `error` is a valid `char **` by this function's contract.
                unsafe { *error = to_c(envelope.to_json(), std::ptr::null_mut()) };
            }
            std::ptr::null_mut()
        }
    }
}

/// Frees an engine; null is ignored. Every call on it must have returned.
///
/// # Safety
/// `engine` is null or came from [`edurules_engine_new`] and was not freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn edurules_engine_free(engine: *mut Engine) {
    if engine.is_null() {
        return;
    }
    // SAFETY: by the contract the pointer came from `Box::into_raw` in
    // `edurules_engine_new` and is freed once.
    let engine = unsafe { Box::from_raw(engine) };
    let _ = catch_unwind(AssertUnwindSafe(move || drop(engine)));
}

/// Runs `operation` (`"password.check@1"`) on the JSON `request`.
///
/// Always returns a NUL-terminated JSON envelope that the caller frees with
/// [`edurules_free`]; `*response_len` (when not null) is set to its length
/// without the NUL. Thread-safe: any number of threads may call on one
/// engine at once.
///
/// # Safety
/// `engine` is null or a live engine; `operation` and `request` are null
/// (with length 0) or valid for their lengths; `response_len` is null or a
/// valid `size_t *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn edurules_call(
    engine: *const Engine,
    operation: *const u8,
    operation_len: usize,
    request: *const u8,
    request_len: usize,
    response_len: *mut usize,
) -> *mut c_char {
    let run = || -> Vec<u8> {
        // SAFETY: `engine` is null or live by this function's contract.
        let Some(engine) = (unsafe { engine.as_ref() }) else {
            let e = FfiError::NullPointer { argument: "engine" };
            return Envelope::failure("", e.to_failure(Locale::En))
                .to_json()
                .into_bytes();
        };
        // SAFETY: forwarded from this function's contract.
        let (op, req) = match unsafe {
            (
                bytes(
                    operation,
                    operation_len.min(crate::MAX_OPERATION_BYTES + 1),
                    "operation",
                ),
                bytes(request, request_len, "request"),
            )
        } {
            (Ok(op), Ok(req)) => (op, req),
            (Err(e), _) | (_, Err(e)) => {
                return Envelope::failure("", e.to_failure(engine.locale()))
                    .to_json()
                    .into_bytes();
            }
        };
        if operation_len > crate::MAX_OPERATION_BYTES {
            let e = FfiError::TooLarge {
                what: "operation name",
                actual: operation_len,
                max: crate::MAX_OPERATION_BYTES,
            };
            return Envelope::failure("", e.to_failure(engine.locale()))
                .to_json()
                .into_bytes();
        }
        engine.call_bytes(op, req)
    };
    let text = catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|_| {
        Envelope::failure("", FfiError::Internal.to_failure(Locale::En))
            .to_json()
            .into_bytes()
    });
    to_c(text, response_len)
}

/// Frees a string returned by [`edurules_call`] or [`edurules_engine_new`];
/// null is ignored.
///
/// # Safety
/// `text` is null or came from this library and was not freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn edurules_free(text: *mut c_char) {
    if text.is_null() {
        return;
    }
    // SAFETY: by the contract the pointer came from `CString::into_raw` in
    // `to_c` and is freed once.
    let text = unsafe { CString::from_raw(text) };
    let _ = catch_unwind(AssertUnwindSafe(move || drop(text)));
}

/// One [`edurules_call`] made from safe Rust exactly as a C caller makes it
/// (pointers and lengths in, the NUL-terminated envelope copied out and
/// freed with [`edurules_free`]): for benchmarks and tests of the ABI in
/// crates that forbid `unsafe`.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// let engine = edurules_ffi::Engine::new(br#"{"preset":"poland-sio"}"#)?;
/// let text = edurules_ffi::abi::call_through_abi(&engine, b"config.presets@1", b"{}");
/// assert!(text.starts_with(r#"{"format":1"#));
/// # Ok::<(), edurules_ffi::FfiError>(())
/// ```
#[must_use]
pub fn call_through_abi(engine: &Engine, operation: &[u8], request: &[u8]) -> String {
    let mut len = 0_usize;
    // SAFETY: `engine` is a live reference; the slices are valid for their
    // lengths; `len` is a valid `size_t *`.
    let answer = unsafe {
        edurules_call(
            engine,
            operation.as_ptr(),
            operation.len(),
            request.as_ptr(),
            request.len(),
            &mut len,
        )
    };
    // SAFETY: `edurules_call` never returns null; the string is valid and
    // NUL-terminated until freed below.
    let bytes = unsafe { std::ffi::CStr::from_ptr(answer) }.to_bytes();
    // A copy checked as UTF-8, as a binding makes before decoding the JSON
    // (the envelope is always UTF-8; the lossy form is only a fallback).
    let text = std::str::from_utf8(bytes).map_or_else(
        |_| String::from_utf8_lossy(bytes).into_owned(),
        str::to_owned,
    );
    // SAFETY: the library's string, freed once.
    unsafe { edurules_free(answer) };
    text
}
