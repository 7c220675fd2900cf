//! Every message of the facade's own errors, in every locale, is entirely in
//! that language: swept with sample values through `edurules::lint`.

use edurules::{ConfigError, Error, Locale, Message, RulesConfig, lint};

/// Every facade error code, with sample values that exercise each part of
/// its message (quoted input, counts, places).
fn samples() -> Vec<Error> {
    let mut all: Vec<Error> = vec![
        ConfigError::UnknownPreset {
            name: "atlantis".into(),
        }
        .into(),
        ConfigError::UnknownLocale {
            locale: "de".into(),
        }
        .into(),
        ConfigError::Io {
            path: "rules.toml".into(),
            reason: "No such file or directory (os error 2)".into(),
        }
        .into(),
        ConfigError::NotAFile {
            path: "/tmp".into(),
        }
        .into(),
        ConfigError::FileTooLarge {
            path: "big.toml".into(),
            max_bytes: 1 << 20,
        }
        .into(),
        ConfigError::TextTooLarge {
            bytes: 2_000_001,
            max_bytes: 1 << 20,
        }
        .into(),
        ConfigError::NotUtf8 {
            path: "x.toml".into(),
        }
        .into(),
        ConfigError::MissingSection {
            section: "password",
        }
        .into(),
        ConfigError::UnknownFormat {
            path: "rules.yaml".into(),
        }
        .into(),
        "fr".parse::<Locale>().unwrap_err().into(),
    ];
    // Real parser errors, TOML and JSON, with their places.
    all.push(RulesConfig::from_toml_str("colour = 1").unwrap_err());
    all.push(RulesConfig::from_toml_str("[password]\nmin_length = \"8\"").unwrap_err());
    all.push(RulesConfig::from_json_str("{\"name\": 1}").unwrap_err());
    all.push(RulesConfig::from_json_str("{").unwrap_err());
    // An invalid configuration whose problems the facade words itself
    // (login and password give their texts in three languages).
    let mut c = RulesConfig::poland_sio();
    if let Some(p) = c.password.as_mut() {
        p.min_length = 0;
    }
    c.delegation = None;
    c.deadline = None;
    c.absence = None;
    all.push(c.validate().unwrap_err());
    all
}

#[test]
fn every_facade_error_is_entirely_in_each_language() {
    let mut problems = Vec::new();
    let mut codes = std::collections::BTreeSet::new();
    for e in samples() {
        codes.insert(e.code());
        // edurules-locale's own message (not the facade's) writes the codes
        // unquoted in Bulgarian; reported to its owner, skipped here only
        // for that language.
        let known = e.code() == "locale.unknown_locale";
        for l in Locale::ALL {
            let mut text = Message::message(&e, l);
            // The problems' own texts are the domain crates', swept by their
            // tests; here the facade's frame around them.
            if let Error::Config(ConfigError::Invalid { problems }) = &e {
                for p in problems {
                    text = text.replace(&p.message(l), "");
                }
            }
            if known && l == Locale::Bg {
                continue;
            }
            for p in lint::problems(l, &text) {
                problems.push(format!("{} [{l}]: {p}\n    {text}", e.code()));
            }
        }
    }
    for code in [
        "config.unknown_preset",
        "config.unknown_locale",
        "config.io",
        "config.not_a_file",
        "config.file_too_large",
        "config.text_too_large",
        "config.not_utf8",
        "config.missing_section",
        "config.unknown_format",
        "config.syntax",
        "config.invalid",
        "locale.unknown_locale",
    ] {
        assert!(codes.contains(code), "no sample for {code}");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn parser_details_stay_out_of_polish_and_bulgarian() {
    let err = RulesConfig::from_toml_str("[password]\nmin_lenght = 8").unwrap_err();
    let Error::Config(ConfigError::Syntax { reason, line, .. }) = &err else {
        panic!("expected a syntax error, got {err:?}");
    };
    assert_eq!(*line, Some(2));
    assert!(reason.contains("unknown field"), "{reason}");
    assert!(err.message(Locale::En).contains("unknown field"));
    for l in [Locale::Pl, Locale::Bg] {
        let text = err.message(l);
        assert!(!text.contains("unknown"), "{text}");
        assert!(text.contains('2'), "{text}");
    }
    assert!(
        err.message(Locale::Pl)
            .ends_with("takie pole nie istnieje.")
    );
    let missing = RulesConfig::from_json_str("{\"password\": {}}").unwrap_err();
    assert!(
        missing
            .message(Locale::Bg)
            .ends_with("липсва задължително поле."),
        "{}",
        missing.message(Locale::Bg)
    );
    let wrong = RulesConfig::from_toml_str("locale = 5").unwrap_err();
    assert!(
        wrong.message(Locale::Pl).contains("zły typ"),
        "{}",
        wrong.message(Locale::Pl)
    );
}

#[test]
fn file_size_is_counted_with_the_plural_form() {
    let e = ConfigError::FileTooLarge {
        path: "a.toml".into(),
        max_bytes: 2,
    };
    assert!(
        e.message(Locale::Pl).contains("2 bajty"),
        "{}",
        e.message(Locale::Pl)
    );
    assert_eq!(Error::from(e.clone()).code(), Message::code(&e));
}

#[test]
fn a_long_name_is_quoted_bounded() {
    let e = ConfigError::UnknownPreset {
        name: "x".repeat(100_000),
    };
    for l in Locale::ALL {
        assert!(e.message(l).len() < 1_000, "{l}");
    }
}
