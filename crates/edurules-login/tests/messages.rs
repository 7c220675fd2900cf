//! Messages people read (issue #16): exact texts of representative messages
//! in each language, plural forms, and bounded echoes of huge input. The
//! sweep of every code through `edurules_locale::lint` is `src/sweep.rs`
//! (inside the crate, so that its `match`es are exhaustive).

use edurules_login::{
    ConflictKind, ConsolidationCase, Egn, GeneratorConfig, LegacyAccount, Locale, LoginConflict,
    LoginError, LoginGenerator, MAX_QUOTED_CHARS, Pesel, normalize, plan_consolidation,
    skeleton_directory,
};

fn too_short(length: usize, min: usize) -> LoginError {
    LoginError::TooShort {
        login: "AB".into(),
        length,
        min,
    }
}

#[test]
fn polish_counts_take_the_one_few_and_many_forms() {
    let pl = |length, min| too_short(length, min).message(Locale::Pl);
    assert_eq!(
        pl(1, 2),
        "login „AB” ma 1 znak, a musi mieć co najmniej 2 znaki"
    );
    assert_eq!(
        pl(5, 22),
        "login „AB” ma 5 znaków, a musi mieć co najmniej 22 znaki"
    );
    assert_eq!(
        pl(12, 13),
        "login „AB” ma 12 znaków, a musi mieć co najmniej 13 znaków"
    );
    assert_eq!(
        too_short(1, 5).message(Locale::Bg),
        "потребителското име „AB“ има 1 знак, а трябва да има поне 5 знака"
    );
    assert_eq!(
        too_short(1, 2).message(Locale::En),
        "the login “AB” has 1 character but must have at least 2 characters"
    );
    let exhausted = |attempts| LoginError::CandidatesExhausted {
        base: "JANKOW".into(),
        attempts,
    };
    assert_eq!(
        exhausted(2).message(Locale::Pl),
        "sprawdzono 2 numery i żaden nie daje wolnego, dozwolonego loginu zaczynającego się od „JANKOW”"
    );
    assert_eq!(
        exhausted(5).message(Locale::Bg),
        "след проверка на 5 номера няма свободно и допустимо потребителско име, започващо с „JANKOW“"
    );
    assert_eq!(
        exhausted(1_000_000).message(Locale::En),
        "after trying 1,000,000 numbers, no free and allowed login starting with “JANKOW” was found"
    );
}

#[test]
fn representative_messages_in_each_language() {
    let err = normalize("ŁUKZOL1").unwrap_err();
    assert_eq!(
        err.message(Locale::Pl),
        "login „ŁUKZOL1” zawiera na pozycji 1 polską literę „Ł”; loginy nie zawierają polskich liter, więc jeśli to Twój login, wpisz w tym miejscu „L”"
    );
    assert_eq!(
        err.message(Locale::Bg),
        "потребителското име „ŁUKZOL1“ съдържа на позиция 1 полската буква „Ł“; потребителските имена не съдържат полски букви, затова ако това е вашето потребителско име, напишете на това място „L“"
    );
    assert_eq!(
        err.to_string(),
        "the login “ŁUKZOL1” contains the Polish letter “Ł” at position 1; logins have no Polish letters, so if this is your login, type “L” there"
    );

    let err = normalize("\u{410}NNA1").unwrap_err();
    assert_eq!(
        err.message(Locale::Bg),
        "потребителското име „АNNA1“ съдържа на позиция 1 кирилска буква „А“ (код „U+0410“), която прилича на латинското „A“, но е друг знак"
    );

    let err = "7501010011".parse::<Egn>().unwrap_err();
    assert_eq!(err.code(), "login.egn.checksum");
    assert!(
        err.message(Locale::Bg)
            .starts_with("ЕГН „75********“ има контролна цифра 1"),
        "{}",
        err.message(Locale::Bg)
    );
    let err = "44051401459".parse::<Pesel>().unwrap_err();
    assert_eq!(
        err.message(Locale::Pl),
        "numer PESEL „44*********” ma cyfrę kontrolną 9, a przy pozostałych cyfrach powinna to być 8; sprawdź, czy numer jest dobrze przepisany"
    );

    let mut config = GeneratorConfig::default();
    config.max_attempts = 0;
    config.blocklist.push("zła".into());
    let err = config.validate().unwrap_err();
    assert_eq!(
        err.message(Locale::Pl),
        "konfiguracja jest błędna: zablokowane słowo „zła” może składać się tylko z wielkich liter alfabetu łacińskiego bez znaków diakrytycznych i z cyfr; generator musi sprawdzić dla każdej osoby co najmniej 1 numer, a w konfiguracji podano 0"
    );

    let plan = plan_consolidation(&[
        LegacyAccount::new("JANKOW1", true, ["SP7"]),
        LegacyAccount::new("JANKOW9", true, ["LO2"]),
        LegacyAccount::new("JanKow5", true, ["SP1"]),
    ]);
    assert_eq!(
        plan.case.message(Locale::Pl),
        "wybierz jeden z aktywnych loginów złożonych tylko z wielkich liter i cyfr: „JANKOW1” lub „JANKOW9”; zaloguj się wybranym loginem i potwierdź wybór"
    );
    assert_eq!(
        ConsolidationCase::GenerateNew.message(Locale::Bg),
        "ще бъде генерирано ново потребителско име от главни букви и цифри; потвърдете получаването му с текущата си парола"
    );
    let conflict = LoginConflict::new(ConflictKind::Confusable, ["JANKOW1", "JANKOWI"]);
    assert_eq!(
        conflict.message(Locale::Pl),
        "loginy „JANKOW1” i „JANKOWI” łatwo pomylić, bo cyfry 0 i 1 wyglądają jak litery „O” i „I”"
    );
}

/// Issue #16, item 5: a huge input is quoted in part, with the count of the
/// rest, whatever the message.
#[test]
fn a_hundred_thousand_characters_give_a_short_message() {
    let huge = "x".repeat(100_000);
    let huge_digits = "1".repeat(100_000);
    let directory = skeleton_directory(["X"]);
    let mut config = GeneratorConfig::default();
    config.blocklist.push(huge.clone());
    let errors = [
        normalize(&huge).unwrap_err(),
        normalize(&format!("A B{huge}")).unwrap_err(),
        normalize(&format!("Ł{huge}")).unwrap_err(),
        huge_digits.parse::<Pesel>().unwrap_err(),
        huge_digits.parse::<Egn>().unwrap_err(),
        LoginGenerator::default()
            .generate(&huge_digits, &huge_digits, &directory)
            .unwrap_err(),
        config.validate().unwrap_err(),
    ];
    let mut longest = 0;
    for e in &errors {
        for locale in Locale::ALL {
            let m = e.message(locale);
            longest = longest.max(m.len());
            // Under 300 characters whatever the language; in bytes, Polish
            // and English stay under 300 and Cyrillic (two bytes a letter)
            // under 450.
            let bytes = if locale == Locale::Bg { 450 } else { 300 };
            assert!(m.chars().count() < 300, "{} in {locale}: {m}", e.code());
            assert!(
                m.len() < bytes,
                "{} in {locale}: {} bytes: {m}",
                e.code(),
                m.len()
            );
        }
        // A short and a huge input give messages of about the same size.
        assert!(e.message(Locale::En).len() < 300, "{e}");
    }
    assert!(longest > 100, "{longest}");
    // A login too long is kept in the error as far as a message quotes it
    // (63 characters and `…`); the message gives its length.
    let e = normalize(&huge).unwrap_err();
    let shown = format!("{}…", "X".repeat(63));
    assert_eq!(
        e.message(Locale::Pl),
        format!("login „{shown}” ma 100\u{a0}000 znaków, a może mieć najwyżej 32 znaki")
    );
    assert!(
        e.message(Locale::En)
            .contains(&format!("“{shown}” has 100,000 characters"))
    );
    assert!(
        e.message(Locale::Bg)
            .contains(&format!("„{shown}“ има 100\u{a0}000 знака"))
    );
}

#[test]
fn locale_is_the_workspace_one_and_serializes_in_lower_case() {
    let shared: edurules_locale::Locale = Locale::Bg;
    assert_eq!(serde_json::to_string(&shared).unwrap(), r#""bg""#);
    assert_eq!(
        serde_json::from_str::<Locale>(r#""pl""#).unwrap(),
        Locale::Pl
    );
}

/// The quotation marks of every locale: input that contains one would end
/// the quote early, and the lint would read the rest as the message's own
/// words (`Locale::quote` does not escape them; see the crate README).
const QUOTATION_MARKS: &str = "„”“";

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Issue #16, items 1 and 5 as a law: whatever a person types, the
    /// message is whole in its language and short.
    #[test]
    fn any_rejected_input_gives_a_clean_short_message(
        s in "(\\PC|[\\x00-\\x1f]|[ąłżАЯΟ\u{200b}\u{301}]){0,400}"
    ) {
        proptest::prop_assume!(!s.contains(|c| QUOTATION_MARKS.contains(c)));
        let directory = skeleton_directory(["X"]);
        let errors = [
            normalize(&s).err(),
            s.parse::<Pesel>().err(),
            s.parse::<Egn>().err(),
            LoginGenerator::default().generate(&s, &s, &directory).err(),
        ];
        for e in errors.into_iter().flatten() {
            for locale in Locale::ALL {
                let m = e.message(locale);
                let problems = edurules_locale::lint::problems(locale, &m);
                proptest::prop_assert!(problems.is_empty(), "{:?}: {}", problems, m);
                // Under 300 characters, plus what escaping adds: a control
                // character quoted as `\u{0}` takes up to 10 characters for
                // one, and a message quotes at most two inputs.
                let escapes = 2 * 9 * MAX_QUOTED_CHARS;
                proptest::prop_assert!(m.chars().count() < 300 + escapes, "{}", m);
            }
        }
    }
}
