#![no_main]
//! Fuzz target `login_normalize`: `normalize` never panics; its output is
//! `^[A-Z0-9]+$` within the default length bounds and normalizing it again
//! gives the same login; `classify` agrees that the output is canonical.

use edurules_login::{Locale, LoginKind, classify, normalize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match normalize(input) {
        Ok(login) => {
            let s = login.as_str();
            assert!(!s.is_empty());
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
                "{s:?}"
            );
            assert!((3..=32).contains(&s.len()), "{s:?}");
            assert_eq!(
                normalize(s).ok().as_ref(),
                Some(&login),
                "not idempotent: {s:?}"
            );
            assert_eq!(classify(s), LoginKind::Canonical);
            let json = serde_json::to_string(&login).unwrap_or_default();
            assert_eq!(
                serde_json::from_str::<edurules_login::Login>(&json).ok(),
                Some(login)
            );
        }
        Err(e) => {
            assert!(e.code().starts_with("login."));
            for locale in Locale::ALL {
                assert!(!e.message(locale).is_empty());
            }
        }
    }
    let _ = classify(input);
});
