#![no_main]
//! Fuzz target `login_generator`: the generator never panics on any names
//! and directory; a generated login is canonical, within the policy's length
//! bounds, and never collides (case-insensitively or by the 0/O, 1/I skeleton)
//! with the directory; generating twice gives the same login.

use std::collections::HashSet;

use edurules_login::{LoginGenerator, SkeletonKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    // given \n surname \n existing logins separated by \n
    let mut parts = input.split('\n');
    let given = parts.next().unwrap_or("");
    let surname = parts.next().unwrap_or("");
    let existing: Vec<&str> = parts.collect();
    let mut directory: HashSet<SkeletonKey> = existing.iter().map(|l| SkeletonKey::of(l)).collect();
    let generator = LoginGenerator::default();
    let first = generator.generate(given, surname, &directory);
    match &first {
        Ok(login) => {
            let s = login.as_str();
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
                "{s:?}"
            );
            assert!((3..=32).contains(&s.len()), "{s:?}");
            assert!(!existing.iter().any(|e| e.eq_ignore_ascii_case(s)), "{s:?}");
            assert!(directory.insert(login.skeleton()), "{s:?} collides");
            directory.remove(&login.skeleton());
        }
        Err(e) => assert!(e.code().starts_with("login.")),
    }
    assert_eq!(generator.generate(given, surname, &directory), first);
});
