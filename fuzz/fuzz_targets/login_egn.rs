#![no_main]
//! Fuzz target `login_egn`: `Egn::from_str` never panics, and a parsed EGN
//! round-trips through `Display` and serde with the same birth date and sex;
//! its birth year is within 1800–2099.

use chrono::Datelike;
use edurules_login::Egn;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match input.parse::<Egn>() {
        Ok(e) => {
            let text = e.to_string();
            assert_eq!(text, input);
            let again: Egn = text.parse().unwrap_or_else(|err| panic!("{text}: {err}"));
            assert_eq!(again, e);
            assert_eq!(again.sex(), e.sex());
            assert!((1800..=2099).contains(&e.birth_date().year()));
            let json = serde_json::to_string(&e).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Egn>(&json).ok(), Some(e));
        }
        Err(err) => assert!(err.code().starts_with("login.egn.")),
    }
});
