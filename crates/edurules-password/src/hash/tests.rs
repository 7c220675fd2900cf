//! Unit tests of hashing and verification.

use super::*;
use argon2::{Argon2, PasswordHash};

const REFERENCE: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY";

#[test]
fn parsed_params_equal_new_params_pitfall_is_avoided() {
    let h = StoredHash::new(REFERENCE, Normalization::Nfkc).unwrap();
    assert!(!needs_rehash(&h, &HashParams::OWASP).unwrap());
    let raw = StoredHash::new(REFERENCE, Normalization::None).unwrap();
    assert!(needs_rehash(&raw, &HashParams::OWASP).unwrap());
}

#[test]
fn argon2i_is_accepted_and_flagged_for_rehash() {
    let h = StoredHash::new(
            "$argon2i$v=19$m=65536,t=1,p=1$c29tZXNhbHQAAAAAAAAAAA$+r0d29hqEB0yasKr55ZgICsQGSkl0v0kgwhd+U3wyRo",
            Normalization::None,
        )
        .unwrap();
    assert!(verify(&h, &Password::new("password")).is_ok());
    assert!(
        needs_rehash(
            &h,
            &HashParams {
                m_cost_kib: 65_536,
                t_cost: 1,
                p_cost: 1
            }
        )
        .unwrap()
    );
}

#[test]
fn huge_costs_in_stored_hash_are_refused() {
    let forged = "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY";
    let e = StoredHash::new(forged, Normalization::Nfkc).unwrap_err();
    assert_eq!(e.code(), "password.malformed_hash");
}

#[test]
fn nfkc_makes_compatibility_forms_verify() {
    let h = hash_password(&HashParams::INSECURE_FAST, &Password::new("Ｐａｓｓ-1")).unwrap();
    assert!(verify(&h, &Password::new("Pass-1")).is_ok());
}

#[test]
fn scratch_memory_reused_across_costs_gives_the_same_answers() {
    use argon2::PasswordVerifier;
    let mut scratch = Scratch::default();
    let small = hash_in(
        &HashParams::INSECURE_FAST,
        &Password::new("Maly-1"),
        b"0123456789abcdef",
        &mut scratch,
        &Limits::default(),
    )
    .unwrap();
    // Grows to 19 MiB, then is used again for the small one.
    let reference = StoredHash::new(REFERENCE, Normalization::Nfkc).unwrap();
    let argon2i = StoredHash::new(
            "$argon2i$v=19$m=65536,t=1,p=1$c29tZXNhbHQAAAAAAAAAAA$+r0d29hqEB0yasKr55ZgICsQGSkl0v0kgwhd+U3wyRo",
            Normalization::None,
        )
        .unwrap();
    for (stored, right, wrong) in [
        (&reference, "Correct-Horse1", "Correct-Horse2"),
        (&argon2i, "password", "Password"),
        (&small, "Maly-1", "Maly-2"),
    ] {
        assert_eq!(
            verify_in(
                stored,
                &Password::new(right),
                &mut scratch,
                &Limits::default()
            ),
            Ok(())
        );
        assert_eq!(
            verify_in(
                stored,
                &Password::new(wrong),
                &mut scratch,
                &Limits::default()
            ),
            Err(PasswordError::InvalidCredentials)
        );
        // The argon2 crate's own verifier agrees.
        let parsed = PasswordHash::new(stored.phc()).unwrap();
        assert!(
            Argon2::default()
                .verify_password(right.as_bytes(), &parsed)
                .is_ok()
        );
    }
    let again = hash_in(
        &HashParams::INSECURE_FAST,
        &Password::new("Maly-1"),
        b"0123456789abcdef",
        &mut scratch,
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(again, small);
}

#[test]
fn dummy_fails_even_for_any_password() {
    let e = verify_or_dummy(&HashParams::INSECURE_FAST, None, &Password::new("")).unwrap_err();
    assert_eq!(e, PasswordError::InvalidCredentials);
}
