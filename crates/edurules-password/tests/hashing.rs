//! argon2id: the C reference vector, verification, re-hash, dummy.

use edurules_password::{
    HashParams, Normalization, Password, PasswordError, StoredHash, hash_password,
    hash_password_with_salt, needs_rehash, verify, verify_or_dummy,
};

/// From the reference C implementation (libargon2's `argon2` CLI), as given in issue #4.
const C_REFERENCE: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY";

#[test]
fn c_reference_vector_verifies_and_is_reproduced() {
    let stored = StoredHash::new(C_REFERENCE, Normalization::Nfkc).unwrap();
    assert!(verify(&stored, &Password::new("Correct-Horse1")).is_ok());
    assert_eq!(
        verify(&stored, &Password::new("Correct-Horse2")),
        Err(PasswordError::InvalidCredentials)
    );
    let ours = hash_password_with_salt(
        &HashParams::OWASP,
        &Password::new("Correct-Horse1"),
        b"somesaltsomesalt",
    )
    .unwrap();
    assert_eq!(ours.phc(), C_REFERENCE);
    assert!(!needs_rehash(&stored, &HashParams::OWASP).unwrap());
}

#[test]
fn random_salts_differ() {
    let p = Password::new("Jednakowe-1");
    let a = hash_password(&HashParams::INSECURE_FAST, &p).unwrap();
    let b = hash_password(&HashParams::INSECURE_FAST, &p).unwrap();
    assert_ne!(a.phc(), b.phc());
    assert!(verify(&a, &p).is_ok() && verify(&b, &p).is_ok());
}

#[test]
fn rehash_when_any_cost_differs() {
    let h = hash_password(&HashParams::INSECURE_FAST, &Password::new("x")).unwrap();
    assert!(!needs_rehash(&h, &HashParams::INSECURE_FAST).unwrap());
    for other in [
        HashParams::new(
            512,
            HashParams::INSECURE_FAST.t_cost,
            HashParams::INSECURE_FAST.p_cost,
        ),
        HashParams::new(
            HashParams::INSECURE_FAST.m_cost_kib,
            2,
            HashParams::INSECURE_FAST.p_cost,
        ),
        HashParams::new(
            HashParams::INSECURE_FAST.m_cost_kib,
            HashParams::INSECURE_FAST.t_cost,
            2,
        ),
    ] {
        assert!(needs_rehash(&h, &other).unwrap(), "{other:?}");
    }
}

#[test]
fn stored_hash_serde_validates() {
    let json = format!(r#"{{"phc":"{C_REFERENCE}","normalization":"nfkc"}}"#);
    let h: StoredHash = serde_json::from_str(&json).unwrap();
    assert_eq!(h.params(), HashParams::OWASP);
    assert!(serde_json::from_str::<StoredHash>(r#"{"phc":"$argon2id$nope"}"#).is_err());
    assert_eq!(serde_json::to_string(&h).unwrap(), json);
}

#[test]
fn unknown_login_fails_like_a_wrong_password() {
    let params = HashParams::INSECURE_FAST;
    let h = hash_password(&params, &Password::new("Dobre-1")).unwrap();
    let wrong = verify_or_dummy(&params, Some(&h), &Password::new("Zle-1")).unwrap_err();
    let unknown = verify_or_dummy(&params, None, &Password::new("Zle-1")).unwrap_err();
    assert_eq!(wrong, unknown);
    assert_eq!(unknown.to_string(), "Invalid login or password.");
}
