//! Issue #13, items 2, 3, 5 and 9: stored hashes are parsed as strictly as
//! the C reference (libargon2's `decode_string`), a missing version is 1.0
//! (16), verification refuses costs above the policy's ceiling, and `Debug`
//! never prints a hash.

use edurules_password::{
    HashParams, Normalization, Password, PasswordError, StoredHash, needs_rehash, verify,
};

/// libargon2's own test vector for version 0x10 (`src/test.c`): the encoded
/// string has no `$v=` field, since 1.0 hashes were written without it.
const V10_NO_VERSION: &str =
    "$argon2i$m=65536,t=2,p=1$c29tZXNhbHQ$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ";

const SALT_TAG: &str = "c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY";

#[test]
fn missing_version_is_argon2_1_0() {
    let stored = StoredHash::new(V10_NO_VERSION, Normalization::None).unwrap();
    assert_eq!(verify(&stored, &Password::new("password")), Ok(()));
    assert_eq!(
        verify(&stored, &Password::new("passwort")),
        Err(PasswordError::InvalidCredentials)
    );
    // An explicit `v=16` means the same; a 1.0 hash asks for a re-hash.
    let explicit = V10_NO_VERSION.replace("$m=", "$v=16$m=");
    let stored16 = StoredHash::new(explicit, Normalization::None).unwrap();
    assert_eq!(verify(&stored16, &Password::new("password")), Ok(()));
    let same = HashParams::new(65_536, 2, 1);
    assert!(needs_rehash(&stored, &same).unwrap());
}

#[test]
fn lenient_forms_are_refused_at_construction() {
    for (params, code_hint) in [
        ("v=19$t=2,p=1", "missing m"),
        ("v=19$m=19456,p=1", "missing t"),
        ("v=19$m=19456,t=2", "missing p"),
        ("v=19$t=2,m=19456,p=1", "reordered"),
        ("v=19$m=19456,t=2,p=1,p=1", "duplicate"),
        ("v=19$m=19456,m=19456,t=2,p=1", "duplicate"),
        ("v=19$m=19456,t=2,p=1,keyid=AAAA", "unknown"),
        ("v=19$m=19456,t=2,p=1,data=AAAA", "unknown"),
        ("v=0$m=19456,t=2,p=1", "version 0"),
        ("v=20$m=19456,t=2,p=1", "version 20"),
        ("v=019$m=19456,t=2,p=1", "leading zero"),
        ("v=19$m=019456,t=2,p=1", "leading zero"),
        ("v=19$m=+19456,t=2,p=1", "sign"),
        ("v=19$m=19456,t=0,p=1", "t = 0"),
        ("v=19$m=19456,t=2,p=0", "p = 0"),
        ("v=19$m=19456,t=2,p=1$$", "empty fields"),
    ] {
        let phc = format!("$argon2id${params}${SALT_TAG}");
        let e = StoredHash::new(phc.as_str(), Normalization::Nfkc).unwrap_err();
        assert_eq!(e.code(), "password.malformed_hash", "{code_hint}: {phc}");
    }
    // Non-canonical base64 (trailing bits set) and padding are refused too.
    for phc in [
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdB$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA==$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
        "$Argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY",
    ] {
        let e = StoredHash::new(phc, Normalization::Nfkc).unwrap_err();
        assert_eq!(e.code(), "password.malformed_hash", "{phc}");
    }
}

#[test]
fn costs_above_the_ceiling_are_refused_before_hashing() {
    // The highest costs the parser allows: 1 GiB, t = 64. Verifying would
    // take minutes; it is refused at once, with its own error.
    let phc = format!("$argon2id$v=19$m=1048576,t=64,p=1${SALT_TAG}");
    let stored = StoredHash::new(phc.as_str(), Normalization::Nfkc).unwrap();
    let e = verify(&stored, &Password::new("Correct-Horse1")).unwrap_err();
    assert_eq!(e.code(), "password.hash_too_costly");
    // needs_rehash reports it even against the same parameters.
    let same = HashParams::new(1_048_576, 64, 1);
    assert!(needs_rehash(&stored, &same).unwrap());
}

#[test]
fn debug_redacts_the_hash() {
    let phc = format!("$argon2id$v=19$m=19456,t=2,p=1${SALT_TAG}");
    let stored = StoredHash::new(phc.as_str(), Normalization::Nfkc).unwrap();
    let shown = format!("{stored:?}");
    assert!(!shown.contains("c29tZXNhbHRz"), "{shown}");
    assert!(!shown.contains("pt0OuF9rVdfw3e"), "{shown}");
    assert!(shown.contains("19456"), "{shown}");
}
