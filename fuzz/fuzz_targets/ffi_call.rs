#![no_main]
//! Fuzz target `ffi_call`: arbitrary operation names and request bytes fed to
//! `edurules_call` through the C ABI, on one engine per process. The answer
//! is always a valid envelope: non-null, NUL-terminated UTF-8 JSON of the
//! length reported, `format` 1, `status` success or failure, a failure with a
//! non-empty `code` and `message`; and the engine still answers afterwards.
//!
//! Input layout: the first byte picks the operation (from the protocol's
//! names, or the next bytes as a raw name when it is 255); the rest is the
//! request.

use std::sync::OnceLock;

use edurules_ffi::Engine;
use edurules_ffi::abi::call_through_abi;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| match Engine::new(br#"{"preset":"poland-sio","locale":"pl"}"#) {
        Ok(engine) => engine,
        Err(e) => panic!("the preset opens: {e}"),
    })
}

fn check(text: &str) {
    let Ok(envelope) = serde_json::from_str::<Value>(text) else {
        panic!("not JSON: {text}");
    };
    assert_eq!(envelope["format"], 1, "{text}");
    match envelope["status"].as_str() {
        Some("success") => assert!(envelope.get("result").is_some(), "{text}"),
        Some("failure") => {
            assert!(envelope["error"]["code"].as_str().is_some_and(|c| !c.is_empty()), "{text}");
            assert!(envelope["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{text}");
        }
        _ => panic!("no status: {text}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let names = edurules_ffi::operations();
    // Hashing with the preset's OWASP cost takes ~50 ms: leave it to the tests.
    let names: Vec<&str> = names
        .into_iter()
        .filter(|n| !matches!(*n, "password.hash@1" | "password.verify@1" | "password.change@1"))
        .collect();
    let (operation, request): (Vec<u8>, &[u8]) = if pick == 255 {
        let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let (name, tail) = rest.split_at(cut);
        (name.to_vec(), tail.get(1..).unwrap_or(&[]))
    } else {
        let name = names.get(usize::from(pick) % names.len()).copied().unwrap_or("");
        (name.as_bytes().to_vec(), rest)
    };
    let engine = engine();
    let text = call_through_abi(engine, &operation, request);
    check(&text);
    // Still alive and answering.
    check(&call_through_abi(engine, b"config.presets@1", b"{}"));
});
