//! `LoginGenerator`: transliteration, pattern, blocklist, directory.

use std::collections::HashSet;

use edurules_login::{
    GeneratorConfig, LoginGenerator, LoginPattern, SkeletonKey, skeleton_directory,
};

fn none() -> HashSet<SkeletonKey> {
    HashSet::new()
}

#[test]
fn default_pattern_reads_the_seed_example() {
    let g = LoginGenerator::default();
    assert_eq!(
        g.generate("Jan", "Kowalski", &none()).unwrap().as_str(),
        "JANKOW1"
    );
    let dir = skeleton_directory(["JANKOW1", "JANKOW2"]);
    assert_eq!(
        g.generate("Jan", "Kowalski", &dir).unwrap().as_str(),
        "JANKOW3"
    );
}

#[test]
fn directory_is_case_insensitive_and_confusable_aware() {
    let g = LoginGenerator::default();
    let dir = skeleton_directory(["jankow1", "JANKOWZ", "JANKOW0"]);
    // jankow1 blocks JANKOW1 (case); JANKOW2 is free.
    assert_eq!(
        g.generate("Jan", "Kowalski", &dir).unwrap().as_str(),
        "JANKOW2"
    );
    let dir = skeleton_directory(["JANKOWI"]);
    assert_eq!(
        g.generate("Jan", "Kowalski", &dir).unwrap().as_str(),
        "JANKOW2"
    );
    // 10 looks like IO: skipped when IO exists.
    let mut keys: Vec<String> = (1..=9).map(|n| format!("ANNNOW{n}")).collect();
    keys.push("ANNNOWIO".into());
    let dir = skeleton_directory(&keys);
    assert_eq!(
        g.generate("Anna", "Nowak", &dir).unwrap().as_str(),
        "ANNNOW11"
    );
}

#[test]
fn polish_and_bulgarian_names() {
    let g = LoginGenerator::default();
    let cases = [
        ("Łukasz", "Żółkiewski", "LUKZOL1"),
        ("Żaneta", "Ćwik", "ZANCWI1"),
        ("Ewa", "Łęcka-Śliwińska", "EWALEC1"),
        ("Иван", "Петров", "IVAPET1"),
        ("Жечко", "Цветков", "ZHECHTSVE1"),
        ("Щилян", "Ъндев", "SHTILAND1"),
        ("Юлия", "Янева", "YULIYANE1"),
        ("Ия", "Ия", "IAIA1"),
        ("Мария", "България", "MARBUL1"),
        ("Анна-Мария", "Д'Арк", "ANNDAR1"),
        ("Renée", "O'Brien", "RENOBR1"),
    ];
    for (given, surname, expected) in cases {
        assert_eq!(
            g.generate(given, surname, &none()).unwrap().as_str(),
            expected,
            "{given} {surname}"
        );
    }
}

#[test]
fn configured_pattern_and_blocklist() {
    let config: GeneratorConfig = serde_json::from_str(
        r#"{"pattern": {"given_letters": 1, "surname_letters": 8, "first_number": 10}, "blocklist": ["NOW"]}"#,
    )
    .unwrap();
    assert_eq!(config.pattern.order, LoginPattern::default().order);
    let g = LoginGenerator::new(config).unwrap();
    // ANOWAK contains NOW: shorter surname parts are tried, ANO is the first free of it.
    assert_eq!(
        g.generate("Anna", "Nowak", &none()).unwrap().as_str(),
        "ANO10"
    );
    assert_eq!(
        g.generate("Jan", "Kowalski", &none()).unwrap().as_str(),
        "JKOWALSKI10"
    );
}

#[test]
fn invalid_configuration_lists_every_problem() {
    let err = serde_json::from_str::<GeneratorConfig>(
        r#"{"policy": {"min_length": 0, "max_length": 2}, "pattern": {"given_letters": 0, "surname_letters": 0, "first_number": 0}, "blocklist": [""], "max_attempts": 0}"#,
    )
    .unwrap_err()
    .to_string();
    // The policy fails first, inside its own field.
    assert!(
        err.contains("the minimum length of a login cannot be 0"),
        "{err}"
    );
    let mut config = GeneratorConfig::default();
    config.pattern.given_letters = 0;
    config.pattern.surname_letters = 0;
    config.pattern.first_number = 0;
    config.blocklist = vec![String::new(), "ok".into()];
    config.max_attempts = 0;
    let Err(edurules_login::LoginError::InvalidConfig { problems }) = config.validate() else {
        panic!("expected invalid config")
    };
    assert_eq!(problems.len(), 5, "{problems:?}");
    assert!(serde_json::from_str::<GeneratorConfig>(r#"{"pattrn": {}}"#).is_err());
}

#[test]
fn generation_is_deterministic() {
    let g = LoginGenerator::default();
    let dir = skeleton_directory(["MARIVA1", "MARIVA3"]);
    let a = g.generate("Мария", "Иванова", &dir).unwrap();
    let b = g.generate("Мария", "Иванова", &dir).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.as_str(), "MARIVA2");
}

#[test]
fn marks_and_invisible_characters_inside_a_name_do_not_split_words() {
    let g = LoginGenerator::default();
    // A stress mark on и (no precomposed form) must not make я word-initial:
    // "ия" is still at the end of the word (art. 5), so IA, not IYA.
    assert_eq!(
        g.generate("И\u{301}я", "Ия", &none()).unwrap().as_str(),
        "IAIA1"
    );
    assert_eq!(
        g.generate("И\u{AD}я", "Ия\u{200B}", &none())
            .unwrap()
            .as_str(),
        "IAIA1"
    );
    // Cyrillic letters with a grave accent read as their base letter.
    assert_eq!(
        g.generate("Ѝван", "Петров", &none()).unwrap().as_str(),
        "IVAPET1"
    );
    // Latin letters without a decomposition, as in passports (ICAO 9303).
    assert_eq!(
        g.generate("Søren", "Strauß", &none()).unwrap().as_str(),
        "SOERSTR1"
    );
    assert_eq!(
        g.generate("Æsa", "Þór", &none()).unwrap().as_str(),
        "AESATHOR1"
    );
}

#[test]
fn huge_names_are_handled_without_reading_past_the_pattern() {
    let g = LoginGenerator::default();
    let given = "Ж".repeat(1_000_000);
    let surname = "ия".repeat(1_000_000);
    assert_eq!(
        g.generate(&given, &surname, &none()).unwrap().as_str(),
        "ZHZHZHIYAI1"
    );
    let noise = "-".repeat(1_000_000);
    assert_eq!(
        g.generate(&noise, &noise, &none()).unwrap_err().code(),
        "login.name_unusable"
    );
}

#[test]
fn exhausting_the_space_is_a_typed_error_not_a_loop() {
    use edurules_login::{LoginDirectory, LoginError, LoginPolicy};
    /// A directory in which every login is taken.
    struct Full;
    impl LoginDirectory for Full {
        fn contains_key(&self, _: &SkeletonKey) -> bool {
            true
        }
    }
    // Short maximum: the numbers run out of room (J1..J99 with max 3).
    let g = LoginGenerator::new(
        GeneratorConfig::default().with_policy(LoginPolicy::new(1, 3).unwrap()),
    )
    .unwrap();
    // The error counts the numbers tried (1 to 99), not the 1,000,000
    // `max_attempts` allows.
    assert!(matches!(
        g.generate("Jan", "Kowalski", &Full),
        Err(LoginError::CandidatesExhausted { attempts: 99, .. })
    ));
    // Numbers from near `u32::MAX`: three are left to try, and three are counted.
    let mut config = GeneratorConfig::default().with_max_attempts(1000);
    config.pattern.first_number = u32::MAX - 2;
    let g = LoginGenerator::new(config).unwrap();
    assert!(matches!(
        g.generate("Jan", "Kowalski", &Full),
        Err(LoginError::CandidatesExhausted { attempts: 3, .. })
    ));
    // Default policy: stops after max_attempts.
    let g = LoginGenerator::new(GeneratorConfig::default().with_max_attempts(1000)).unwrap();
    assert!(matches!(
        g.generate("Jan", "Kowalski", &Full),
        Err(LoginError::CandidatesExhausted { attempts: 1000, .. })
    ));
}

#[test]
fn attempts_and_blocklist_are_bounded_at_load() {
    use edurules_login::{ConfigProblem, LoginError};
    // Before: every digit blocked and `max_attempts` = u32::MAX spun for about 6 minutes.
    let digits: Vec<String> = (0..10).map(|d: u8| d.to_string()).collect();
    let json = format!(
        r#"{{"blocklist": {}, "max_attempts": {}}}"#,
        serde_json::to_string(&digits).unwrap(),
        u32::MAX
    );
    let err = serde_json::from_str::<GeneratorConfig>(&json).unwrap_err();
    assert!(
        err.to_string()
            .contains("may try at most 1,000,000 numbers"),
        "{err}"
    );
    let config = GeneratorConfig::default()
        .with_blocklist(digits.clone())
        .with_max_attempts(u32::MAX);
    assert_eq!(
        LoginGenerator::new(config).unwrap_err(),
        LoginError::InvalidConfig {
            problems: vec![ConfigProblem::MaxAttemptsAboveLimit {
                max_attempts: u32::MAX,
                limit: GeneratorConfig::MAX_ATTEMPTS_LIMIT,
            }]
        }
    );
    let long = GeneratorConfig::default()
        .with_blocklist((0..=GeneratorConfig::MAX_BLOCKLIST_ENTRIES).map(|i| format!("W{i}")));
    assert!(matches!(
        long.validate(),
        Err(LoginError::InvalidConfig { ref problems })
            if problems == &[ConfigProblem::BlocklistTooLong {
                entries: GeneratorConfig::MAX_BLOCKLIST_ENTRIES + 1,
                limit: GeneratorConfig::MAX_BLOCKLIST_ENTRIES,
            }]
    ));
    // At the limits, a generator whose every number is blocked gives up in bounded time.
    let worst = GeneratorConfig::default()
        .with_blocklist(digits)
        .with_max_attempts(GeneratorConfig::MAX_ATTEMPTS_LIMIT);
    let g = LoginGenerator::new(worst).unwrap();
    assert_eq!(
        g.generate("Jan", "Kowalski", &none()).unwrap_err().code(),
        "login.candidates_exhausted"
    );
}
