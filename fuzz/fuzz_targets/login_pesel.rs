#![no_main]
//! Fuzz target `login_pesel`: `Pesel::from_str` never panics, and a parsed
//! PESEL round-trips through `Display` and serde with the same birth date and
//! sex; its check digit is the one the weights 1-3-7-9 require.

use edurules_login::Pesel;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match input.parse::<Pesel>() {
        Ok(p) => {
            let text = p.to_string();
            assert_eq!(text, input);
            let again: Pesel = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(again, p);
            assert_eq!(again.birth_date(), p.birth_date());
            assert_eq!(again.sex(), p.sex());
            let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1];
            let sum: u32 = text
                .bytes()
                .zip(weights)
                .map(|(b, w)| u32::from(b - b'0') * w)
                .sum();
            assert_eq!(sum % 10, 0, "{text}");
            let json = serde_json::to_string(&p).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Pesel>(&json).ok(), Some(p));
        }
        Err(e) => assert!(e.code().starts_with("login.pesel.")),
    }
});
