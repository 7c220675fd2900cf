//! Issue #13 (independent review), password items 1, 4, 6, 7, 8 and 9.

use edurules_password::{
    AccountState, Blocklist, HashParams, Limits, Password, PasswordError, PasswordPolicy,
    PolicyProblem, StrengthWarning, UserContext, Violation, change_password, check, hash_password,
    issue_account, verify, verify_or_dummy,
};
use proptest::prelude::*;

use crate::common::{cheap_seed, t0};

fn score_of(policy: &PasswordPolicy, password: &str) -> u8 {
    match check(policy, &Password::new(password), &UserContext::default()) {
        Ok(()) => 4,
        Err(v) => v
            .iter()
            .find_map(|v| match v {
                Violation::TooWeak { score, .. } => Some(*score),
                _ => None,
            })
            .unwrap_or(4),
    }
}

fn strength_only() -> PasswordPolicy {
    let mut p = PasswordPolicy::nist_800_63b();
    p.min_length = 1;
    p.blocklist = Blocklist::default();
    p.forbid_personal_data = false;
    p.min_zxcvbn_score = Some(4);
    p
}

#[test]
fn item1_the_issue_example_is_not_rated_above_zxcvbn() {
    let whole = u8::from(zxcvbn::zxcvbn("aaaaaaaaaaaascientist", &[]).score());
    assert_eq!(score_of(&strength_only(), "aaaaaaaaaaaascientist"), whole);
    assert!(whole < 3);
    let mut p = strength_only();
    p.min_zxcvbn_score = Some(3);
    assert!(
        check(
            &p,
            &Password::new("aaaaaaaaaaaascientist"),
            &UserContext::default()
        )
        .is_err()
    );
}

fn crafted() -> impl Strategy<Value = String> {
    // Words, repeats and l33t/punctuation pieces glued together, 1–60 characters.
    let piece = prop_oneof![
        proptest::sample::select(vec![
            "scientist",
            "password",
            "dragon",
            "monkey",
            "szkola",
            "qwerty",
            "aaaaaaaa",
            "1234",
            "2026",
            "p@ssw0rd",
            "horse",
            " ",
            "-",
            "!",
            "xkcd",
        ])
        .prop_map(str::to_owned),
        "[a-z]{1,6}",
        "[0-9!@#$%^&*()_+|<{\\[]{1,4}",
    ];
    proptest::collection::vec(piece, 1..10).prop_map(|v| v.concat().chars().take(60).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The score `check` uses is never above zxcvbn's score of the whole password.
    #[test]
    fn item1_score_never_above_whole_password_zxcvbn(s in crafted()) {
        let ours = score_of(&strength_only(), &s);
        let whole = u8::from(zxcvbn::zxcvbn(&s, &[]).score());
        prop_assert!(ours <= whole, "{s:?}: ours {ours} > zxcvbn {whole}");
    }
}

#[test]
fn item1_costly_inputs_are_scored_zero_with_a_reason() {
    let p = strength_only();
    let e = check(
        &p,
        &Password::new("4@8({[<369!|170$5+%2abc"),
        &UserContext::default(),
    )
    .unwrap_err();
    assert!(e.contains(&Violation::TooWeak {
        min_score: 4,
        score: 0,
        warning: Some(StrengthWarning::NotRated)
    }));
}

#[test]
fn item4_every_entry_point_has_a_size_limit() {
    // 3 MB of U+FDFA (×11 bytes after NFKC) is refused before normalizing.
    let huge = Password::new("\u{FDFA}".repeat(1_000_000));
    let params = HashParams::INSECURE_FAST;
    let too_long = PasswordError::InputTooLong {
        max_bytes: 4096,
        after_normalization: false,
    };
    assert_eq!(hash_password(&params, &huge).unwrap_err(), too_long);
    assert_eq!(verify_or_dummy(&params, None, &huge).unwrap_err(), too_long);
    let h = hash_password(&params, &Password::new("Haslo-123")).unwrap();
    assert_eq!(verify(&h, &huge).unwrap_err(), too_long);
    // 1 000 × U+FDFA: 3 000 bytes typed, 33 000 after NFKC.
    let expands = Password::new("\u{FDFA}".repeat(1000));
    assert_eq!(
        hash_password(&params, &expands).unwrap_err(),
        PasswordError::InputTooLong {
            max_bytes: 4096,
            after_normalization: true
        }
    );
    assert_eq!(
        check(&cheap_seed(), &expands, &UserContext::default()).unwrap_err()[0].code(),
        "password.too_long"
    );
    // The length a refusal reports is the real one: as typed when the text is
    // too large as typed, after NFKC when it grows too large (U+FDFA: 18 code
    // points), never a made-up 4 097.
    let polish = Password::new("ą".repeat(2100));
    assert_eq!(
        check(&cheap_seed(), &polish, &UserContext::default()).unwrap_err(),
        vec![Violation::TooLong {
            max: 128,
            actual: 2100
        }]
    );
    assert_eq!(
        check(&cheap_seed(), &expands, &UserContext::default()).unwrap_err(),
        vec![Violation::TooLong {
            max: 128,
            actual: 18_000
        }]
    );
    // An old password too large is refused (before it is normalized: the unit test
    // `change::tests::an_old_password_too_large_is_refused_before_normalizing` counts).
    let state = issue_account(&cheap_seed(), &Password::new("Haslo-123"), t0()).unwrap();
    let e = change_password(
        &cheap_seed(),
        &state,
        &huge,
        &Password::new("Nowe-Haslo-1"),
        &UserContext::default(),
        t0(),
    )
    .unwrap_err();
    assert_eq!(e, too_long);
    // A byte limit below 4 bytes for each of `max_length` characters is a policy problem: a
    // password within `max_length` would be refused for its bytes. `check`, which does not
    // validate, still says nothing contradictory on such a policy: the maximum is as many
    // of the password's characters as fit (not 17 characters "at most 128").
    let mut small = cheap_seed();
    small.limits = Limits::default().with_max_password_bytes(16);
    assert_eq!(
        small.problems(),
        [PolicyProblem::BytesBelowMaxLength {
            bytes: 16,
            max_length: 128,
            after_normalization: false
        }]
    );
    for (password, max, actual) in [("x".repeat(17), 16, 17), ("ż".repeat(9), 8, 9)] {
        assert_eq!(
            check(&small, &Password::new(password), &UserContext::default()).unwrap_err(),
            vec![Violation::TooLong { max, actual }]
        );
    }
    // The policy's limits apply to the state transitions.
    let mut policy = cheap_seed();
    policy.max_length = 4;
    policy.min_length = 4;
    policy.limits = Limits::default().with_max_password_bytes(16);
    assert!(policy.problems().is_empty(), "{:?}", policy.problems());
    let e = issue_account(&policy, &Password::new("x".repeat(17)), t0()).unwrap_err();
    assert_eq!(e.code(), "password.input_too_long");
}

#[test]
fn item6_the_year_effect_is_as_documented() {
    // zxcvbn 3.1.1 reads the UTC year once per process (REFERENCE_YEAR) and
    // rates a year token Y as max(|Y − year|, 20) guesses, a date as that
    // × 365 (× 4 with separators). Within 20 years of the current year the
    // clock has no effect; the README states this exactly. (This test may
    // read the clock; the crate does not.)
    use chrono::Datelike;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let year = chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap(), 0)
        .unwrap()
        .year();
    let near = (year - 10).to_string();
    assert_eq!(zxcvbn::zxcvbn(&near, &[]).guesses(), 20 + 1);
    let far = 1900;
    let expected = u64::try_from(year - far).unwrap();
    assert_eq!(zxcvbn::zxcvbn("1900", &[]).guesses(), expected + 1);
}

#[test]
fn item7_presets_match_their_sources() {
    let u = UserContext::default();
    let nist = PasswordPolicy::nist_800_63b();
    assert!(nist.min_zxcvbn_score.is_some());
    for weak in ["aaaaaaaaaaaaaaaaaaaa", "password1234567"] {
        assert!(check(&nist, &Password::new(weak), &u).is_err(), "{weak}");
    }
    let sio = PasswordPolicy::sio_2022();
    assert!(sio.blocklist.len() >= 1000);
    assert!(sio.blocklist.contains("QWERTYUIOP"));
    // The seed asks for no blocklist and no strength estimate: none is added.
    let seed = PasswordPolicy::opolska_eszkola();
    assert!(seed.blocklist.is_empty() && seed.min_zxcvbn_score.is_none());
}

#[test]
fn item7_blocklist_file_and_case_option() {
    let text = "Haslo123\r\nKochanie\n\n  \nＺａｑ１２ｗｓｘ\n";
    let ci = Blocklist::from_lines(text, false);
    assert_eq!(ci.len(), 3);
    assert!(ci.contains("HASLO123") && ci.contains("zaq12wsx"));
    let cs = Blocklist::from_lines(text, true);
    assert!(cs.contains("Haslo123") && !cs.contains("haslo123"));
    let mut p = cheap_seed();
    p.blocklist = cs;
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(PasswordPolicy::from_json(&json).unwrap(), p);
    assert!(check(&p, &Password::new("Haslo123"), &UserContext::default()).is_err());
    assert!(check(&p, &Password::new("HASLO123a"), &UserContext::default()).is_ok());
}

#[test]
fn item8_blocklist_of_a_million_is_checked_fast() {
    let text: String = (0..1_000_000).map(|i| format!("Haslo{i}\n")).collect();
    let mut p = cheap_seed();
    p.blocklist = Blocklist::from_lines(&text, false);
    let u = UserContext::default();
    for _ in 0..100 {
        assert!(check(&p, &Password::new("Haslo999999"), &u).is_err());
    }
    // Re-normalizing 1 M entries took 41 ms a check; a look-up normalizes none of them, as
    // a unit test beside the code counts (`policy::blocklist::tests`), not times.
}

#[test]
fn item8_hashing_parameters_have_sane_maxima() {
    for (m, t) in [(1_048_576, 64), (1_048_576, 1), (262_144, 4)] {
        let p = HashParams::new(m, t, 1);
        assert!(!p.problems().is_empty(), "m={m} t={t}");
    }
    assert!(HashParams::OWASP.problems().is_empty());
    let rfc9106 = HashParams::new(65_536, 3, 4);
    assert!(rfc9106.problems().is_empty());
}

#[test]
fn item8_change_password_runs_on_the_callers_pool() {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let policy = cheap_seed();
    let u = UserContext::default();
    let state = issue_account(&policy, &Password::new("Start-2026"), t0()).unwrap();
    let changed = pool.install(|| {
        assert_eq!(rayon::current_num_threads(), 1);
        change_password(
            &policy,
            &state,
            &Password::new("Start-2026"),
            &Password::new("Nowe-Haslo-1"),
            &u,
            t0(),
        )
    });
    assert!(changed.is_ok());
}

#[test]
fn item9_account_state_debug_is_redacted() {
    let policy = cheap_seed();
    let state: AccountState = issue_account(&policy, &Password::new("Start-2026"), t0()).unwrap();
    let tag = state.current.phc().rsplit('$').next().unwrap().to_owned();
    let shown = format!("{state:?}");
    assert!(!shown.contains(&tag), "{shown}");
    assert!(!shown.contains(state.current.phc()), "{shown}");
}
