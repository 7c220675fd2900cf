//! Cargo features are additive for configurations: whichever features this
//! test binary is built with (CI builds it with none, each one alone and all
//! of them), every shipped preset file and every one-section configuration
//! loads, and the sections of disabled crates are reported as ignored.

use std::path::PathBuf;

use edurules::RulesConfig;

/// The sections whose crate's feature is off in this build.
fn disabled() -> Vec<&'static str> {
    let mut off = Vec::new();
    if !cfg!(feature = "login") {
        off.push("login");
    }
    if !cfg!(feature = "password") {
        off.push("password");
    }
    if !cfg!(feature = "delegation") {
        off.push("delegation");
    }
    if !cfg!(feature = "deadline") {
        off.push("deadline");
    }
    if !cfg!(feature = "absence") {
        off.push("absence");
    }
    off
}

fn preset_file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("docs/schema/{name}.toml"))
}

#[test]
fn every_shipped_preset_file_loads_and_reports_what_it_ignores() {
    for name in ["poland-sio", "bulgaria-isrm"] {
        let config =
            RulesConfig::from_path(preset_file(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(config.name, name);
        assert_eq!(config.ignored_sections(), disabled(), "{name}");
    }
}

#[test]
fn a_configuration_of_one_section_loads_under_any_features() {
    let full = std::fs::read_to_string(preset_file("poland-sio")).unwrap();
    let table: toml::Table = full.parse().unwrap();
    for section in ["login", "password", "delegation", "deadline", "absence"] {
        let mut one = toml::Table::new();
        one.insert(section.to_owned(), table[section].clone());
        let text = toml::to_string(&one).unwrap();
        let config = RulesConfig::from_toml_str(&text)
            .unwrap_or_else(|e| panic!("{section} alone: {e}\n{text}"));
        let ignored: Vec<&str> = disabled().into_iter().filter(|s| *s == section).collect();
        assert_eq!(config.ignored_sections(), ignored, "{section}");
        // JSON says the same as TOML.
        let json = serde_json::to_string(&one).unwrap();
        assert_eq!(RulesConfig::from_json_str(&json).unwrap(), config);
    }
}

#[test]
fn an_empty_configuration_is_valid_and_has_no_sections() {
    let config = RulesConfig::from_toml_str("").unwrap();
    assert!(config.ignored_sections().is_empty());
    assert_eq!(config, RulesConfig::default());
}

#[test]
fn unknown_keys_are_refused_whatever_the_features() {
    for text in ["colour = 1", "[attendance]\nx = 1"] {
        let err = RulesConfig::from_toml_str(text).unwrap_err();
        assert_eq!(err.code(), "config.syntax", "{text}");
    }
}

#[test]
fn oversized_texts_and_non_files_are_refused_before_parsing() {
    let big = " ".repeat(usize::try_from(RulesConfig::MAX_FILE_BYTES).unwrap() + 1);
    assert_eq!(
        RulesConfig::from_toml_str(&big).unwrap_err().code(),
        "config.text_too_large"
    );
    // A directory named like a configuration, and a device, are not read.
    let dir = std::env::temp_dir().join(format!("edurules-features-{}.toml", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    assert_eq!(
        RulesConfig::from_path(&dir).unwrap_err().code(),
        "config.not_a_file"
    );
    let _ = std::fs::remove_dir(&dir);
}
