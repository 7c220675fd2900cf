//! Calls through the C ABI functions, as a C program makes them.
#![allow(unsafe_code, reason = "the tests call the C ABI as a C program does")]

use std::ffi::{CStr, c_char};

use edurules_ffi::abi::{
    edurules_call, edurules_engine_free, edurules_engine_new, edurules_free,
    edurules_protocol_version, edurules_version,
};

/// An engine handle that frees itself.
pub(crate) struct Handle(*mut edurules_ffi::Engine);

// SAFETY: the engine is `Sync`; the handle only passes its pointer.
unsafe impl Send for Handle {}
// SAFETY: as above.
unsafe impl Sync for Handle {}

impl Handle {
    /// Opens an engine, or returns the failure envelope.
    pub(crate) fn open(options: &[u8]) -> Result<Self, String> {
        let mut error: *mut c_char = std::ptr::null_mut();
        // SAFETY: `options` is valid for its length, `error` is a valid `char **`.
        let engine = unsafe { edurules_engine_new(options.as_ptr(), options.len(), &mut error) };
        if engine.is_null() {
            assert!(!error.is_null());
            // SAFETY: `error` is a NUL-terminated string from the library, freed once.
            let text = unsafe { CStr::from_ptr(error) }
                .to_string_lossy()
                .into_owned();
            // SAFETY: as above.
            unsafe { edurules_free(error) };
            Err(text)
        } else {
            Ok(Self(engine))
        }
    }

    /// One call; the envelope's text.
    pub(crate) fn call(&self, operation: &[u8], request: &[u8]) -> String {
        let mut len = 0_usize;
        // SAFETY: the engine is live, the slices valid for their lengths.
        let answer = unsafe {
            edurules_call(
                self.0,
                operation.as_ptr(),
                operation.len(),
                request.as_ptr(),
                request.len(),
                &mut len,
            )
        };
        assert!(!answer.is_null());
        // SAFETY: a NUL-terminated string from the library, freed once below.
        let text = unsafe { CStr::from_ptr(answer) }
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(text.len(), len);
        // SAFETY: as above.
        unsafe { edurules_free(answer) };
        text
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: the pointer came from `edurules_engine_new`, freed once.
        unsafe { edurules_engine_free(self.0) };
    }
}

#[test]
fn versions() {
    // SAFETY: a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(edurules_version()) };
    assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    assert_eq!(edurules_protocol_version(), 1);
}

#[test]
fn null_engine_and_null_request_answer_failures() {
    let op = b"config.presets@1";
    // SAFETY: null engine is allowed by the contract.
    let answer = unsafe {
        edurules_call(
            std::ptr::null(),
            op.as_ptr(),
            op.len(),
            std::ptr::null(),
            0,
            std::ptr::null_mut(),
        )
    };
    // SAFETY: a library string, freed once.
    let text = unsafe { CStr::from_ptr(answer) }
        .to_str()
        .unwrap()
        .to_owned();
    // SAFETY: as above.
    unsafe { edurules_free(answer) };
    assert!(text.contains("ffi.null_pointer"), "{text}");

    let engine = Handle::open(br#"{"preset":"poland-sio"}"#).unwrap();
    // SAFETY: a null request with a non-zero length is refused before reading.
    let answer = unsafe {
        edurules_call(
            engine.0,
            op.as_ptr(),
            op.len(),
            std::ptr::null(),
            5,
            std::ptr::null_mut(),
        )
    };
    // SAFETY: a library string, freed once.
    let text = unsafe { CStr::from_ptr(answer) }
        .to_str()
        .unwrap()
        .to_owned();
    // SAFETY: as above.
    unsafe { edurules_free(answer) };
    assert!(text.contains("ffi.null_pointer"), "{text}");
    // Free of null is a no-op.
    // SAFETY: null is allowed.
    unsafe { edurules_free(std::ptr::null_mut()) };
    // SAFETY: null is allowed.
    unsafe { edurules_engine_free(std::ptr::null_mut()) };
}

#[test]
fn over_long_operation_name_and_request() {
    let engine = Handle::open(br#"{"preset":"poland-sio"}"#).unwrap();
    let long = vec![b'a'; 10_000];
    let text = engine.call(&long, b"{}");
    assert!(text.contains("ffi.too_large"), "{text}");
    let request = vec![b' '; edurules_ffi::MAX_REQUEST_BYTES + 1];
    let text = engine.call(b"config.presets@1", &request);
    assert!(text.contains("ffi.too_large"), "{text}");
}

#[test]
fn two_threads_share_one_engine() {
    // Small enough for Miri, which checks the sharing for data races (CI's Miri step).
    let engine = std::sync::Arc::new(Handle::open(br#"{"preset":"poland-sio"}"#).unwrap());
    let open = br#"{"registry":"r","events":[{"type":"appointment_recorded","on":"2025-09-01","appointment":{"id":"a","person":"dyr","entity":"SP7","from":"2025-09-01","until":"2026-08-31"}}]}"#;
    assert!(
        engine
            .call(b"delegation.open@1", open)
            .contains(r#""applied":1"#)
    );
    let threads: Vec<_> = (0..2)
        .map(|i| {
            let engine = std::sync::Arc::clone(&engine);
            std::thread::spawn(move || {
                let d = engine.call(
                    b"delegation.decide@1",
                    br#"{"registry":"r","person":"dyr","permission":"pupils:read","entity":"SP7","at":"2026-01-05"}"#,
                );
                assert!(d.contains(r#""allowed":true"#), "{d}");
                if i == 0 {
                    // A second opening replaces the registry while the other thread decides.
                    assert!(engine.call(b"delegation.open@1", open).contains("success"));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}

#[test]
#[cfg_attr(
    miri,
    ignore = "400 calls with zxcvbn are too slow under Miri; two_threads_share_one_engine is its Miri test"
)]
fn many_threads_on_one_engine() {
    let engine = std::sync::Arc::new(Handle::open(br#"{"preset":"poland-sio"}"#).unwrap());
    let open = br#"{"registry":"r","events":[{"type":"appointment_recorded","on":"2025-09-01","appointment":{"id":"a","person":"dyr","entity":"SP7","from":"2025-09-01","until":"2026-08-31"}}]}"#;
    let opened = engine.call(b"delegation.open@1", open);
    assert!(opened.contains(r#""applied":1"#), "{opened}");
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let engine = std::sync::Arc::clone(&engine);
            std::thread::spawn(move || {
                for _ in 0..50 {
                    let d = engine.call(
                        b"delegation.decide@1",
                        br#"{"registry":"r","person":"dyr","permission":"pupils:read","entity":"SP7","at":"2026-01-05"}"#,
                    );
                    assert!(d.contains(r#""allowed":true"#), "{d}");
                    let p = engine.call(b"password.check@1", br#"{"password":"abc"}"#);
                    assert!(p.contains(r#""accepted":false"#), "{p}");
                    if i % 2 == 0 {
                        let again = engine.call(b"delegation.open@1", open);
                        assert!(again.contains("success"), "{again}");
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}

#[test]
#[ignore = "a profiling loop"]
fn profile_loop() {
    let engine = Handle::open(br#"{"preset":"poland-sio"}"#).unwrap();
    let op = std::env::var("OP").unwrap_or_else(|_| "deadline.submission@1".into());
    let req = std::env::var("REQ").unwrap_or_else(|_| {
        r#"{"category":"art. 8 pkt 1 lit. d","change_date":"2025-12-19"}"#.into()
    });
    for _ in 0..200_000 {
        std::hint::black_box(engine.call(op.as_bytes(), req.as_bytes()));
    }
}
