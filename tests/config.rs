//! `RulesConfig`: presets, loading, errors with paths, the committed schema.

use std::path::PathBuf;

use edurules::{ConfigError, DeadlineRules, Error, RulesConfig};
use serde_json::Value;

/// The committed schema file.
fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/schema/edurules.schema.json")
}

/// A JSON value with the keys of every object in sorted order, so that the
/// text does not depend on whether a build enables serde_json's
/// `preserve_order` (feature unification differs between `cargo test -p
/// edurules` and `cargo test --workspace`).
fn sorted_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted_keys(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted_keys).collect()),
        other => other,
    }
}

/// The schema as it is generated now, as committed (keys sorted, pretty,
/// final newline).
fn generated_schema() -> String {
    let schema = serde_json::to_value(RulesConfig::json_schema()).unwrap();
    let mut text = serde_json::to_string_pretty(&sorted_keys(schema)).unwrap();
    text.push('\n');
    text
}

#[test]
fn committed_schema_is_up_to_date() {
    let generated = generated_schema();
    let path = schema_path();
    if std::env::var_os("EDURULES_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with RulesConfig; regenerate it with\n    \
         EDURULES_BLESS=1 cargo test -p edurules --test lib committed_\n\
         and commit the file",
        path.display()
    );
}

#[test]
fn committed_preset_files_are_up_to_date() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/schema");
    let bless = std::env::var_os("EDURULES_BLESS").is_some_and(|v| v == "1");
    for name in RulesConfig::PRESETS {
        let path = dir.join(format!("{name}.toml"));
        let generated = RulesConfig::preset(name).unwrap().to_toml_string().unwrap();
        if bless {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is out of date with the preset; regenerate it with\n    \
             EDURULES_BLESS=1 cargo test -p edurules --test lib committed_\n\
             and commit the file",
            path.display()
        );
        // The file a vendor copies loads as the preset.
        assert_eq!(
            RulesConfig::from_path(&path).unwrap(),
            RulesConfig::preset(name).unwrap()
        );
    }
}

fn sections_of_schema(schema: &Value) -> Vec<String> {
    let mut keys: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

#[test]
fn schema_names_every_section_and_refuses_unknown_fields() {
    let schema = RulesConfig::json_schema();
    assert_eq!(
        sections_of_schema(&schema),
        [
            "absence",
            "deadline",
            "delegation",
            "locale",
            "login",
            "name",
            "password"
        ]
    );
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
}

#[test]
fn each_preset_validates_against_the_committed_schema() {
    let text = std::fs::read_to_string(schema_path()).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in RulesConfig::PRESETS {
        let instance = serde_json::to_value(RulesConfig::preset(name).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "preset {name}: {errors:#?}");
    }
}

#[test]
fn the_schema_refuses_what_loading_refuses() {
    let validator = jsonschema::validator_for(&RulesConfig::json_schema()).unwrap();
    let mut instance = serde_json::to_value(RulesConfig::poland_sio()).unwrap();
    instance["password"]["min_lenght"] = Value::from(8);
    assert!(!validator.is_valid(&instance));
    let mut instance = serde_json::to_value(RulesConfig::poland_sio()).unwrap();
    instance["locale"] = Value::from("de");
    assert!(!validator.is_valid(&instance));
}

#[test]
fn presets_round_trip_through_toml_and_json() {
    for name in RulesConfig::PRESETS {
        let preset = RulesConfig::preset(name).unwrap();
        let toml = preset.to_toml_string().unwrap();
        assert_eq!(
            RulesConfig::from_toml_str(&toml).unwrap(),
            preset,
            "{name} TOML"
        );
        let json = serde_json::to_string(&preset).unwrap();
        assert_eq!(
            RulesConfig::from_json_str(&json).unwrap(),
            preset,
            "{name} JSON"
        );
    }
}

#[test]
fn presets_differ_where_the_jurisdictions_do() {
    let pl = RulesConfig::poland_sio();
    let bg = RulesConfig::bulgaria_isrm();
    assert_eq!(pl.absence().unwrap().id, "pl.obowiazek");
    assert_eq!(bg.absence().unwrap().id, "bg.isrm");
    assert_eq!(pl.password().unwrap().min_length, 8);
    assert_eq!(bg.password().unwrap().min_length, 15);
    assert_eq!(
        (pl.locale, bg.locale),
        (edurules::Locale::Pl, edurules::Locale::Bg)
    );
    assert_eq!(
        RulesConfig::preset("poland").unwrap_err().code(),
        "config.unknown_preset"
    );
}

/// The `(path, reason)` of a syntax error, or panics.
fn syntax(err: Error) -> (String, String) {
    match err {
        Error::Config(ConfigError::Syntax { path, reason, .. }) => (path, reason),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// The paths of every problem of an invalid configuration, or panics.
fn problem_paths(err: Error) -> Vec<String> {
    match err {
        Error::Config(ConfigError::Invalid { problems }) => {
            problems.into_iter().map(|p| p.path).collect()
        }
        other => panic!("expected an invalid configuration, got {other:?}"),
    }
}

fn preset_toml() -> String {
    RulesConfig::poland_sio().to_toml_string().unwrap()
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let text = preset_toml().replace("[password]\n", "[password]\nmin_lenght = 8\n");
    let (path, reason) = syntax(RulesConfig::from_toml_str(&text).unwrap_err());
    assert_eq!(path, "password.min_lenght");
    assert!(reason.contains("unknown field `min_lenght`"), "{reason}");
    let err = RulesConfig::from_toml_str(&text).unwrap_err();
    let Error::Config(ConfigError::Syntax { line, column, .. }) = &err else {
        panic!("expected a syntax error, got {err:?}");
    };
    assert!(line.is_some() && column.is_some(), "{err:?}");
    let pl = err.message(edurules::Locale::Pl);
    assert!(pl.contains("wiersz") && !pl.contains("unknown"), "{pl}");

    let text = format!("colour = \"blue\"\n{}", preset_toml());
    let (path, _) = syntax(RulesConfig::from_toml_str(&text).unwrap_err());
    assert_eq!(path, "colour");

    let mut json = serde_json::to_value(RulesConfig::bulgaria_isrm()).unwrap();
    json["delegation"]["max_dept"] = Value::from(2);
    let (path, _) = syntax(RulesConfig::from_json_str(&json.to_string()).unwrap_err());
    assert_eq!(path, "delegation.max_dept");
}

#[test]
fn values_of_the_wrong_type_are_refused_with_their_path() {
    let text = preset_toml().replace("min_length = 8", "min_length = \"8\"");
    let (path, reason) = syntax(RulesConfig::from_toml_str(&text).unwrap_err());
    assert_eq!(path, "password.min_length");
    assert!(reason.contains("expected"), "{reason}");

    let mut json = serde_json::to_value(RulesConfig::poland_sio()).unwrap();
    json["locale"] = Value::from("de");
    let (path, _) = syntax(RulesConfig::from_json_str(&json.to_string()).unwrap_err());
    assert_eq!(path, "locale");

    let mut json = serde_json::to_value(RulesConfig::poland_sio()).unwrap();
    json["absence"] = Value::from(7);
    let (path, _) = syntax(RulesConfig::from_json_str(&json.to_string()).unwrap_err());
    assert_eq!(path, "absence");
}

#[test]
fn invalid_values_are_refused_with_every_problem_and_its_path() {
    let mut c = RulesConfig::poland_sio();
    let password = c.password.as_mut().unwrap();
    password.min_length = 0;
    password.history_depth = 99;
    c.delegation.as_mut().unwrap().max_depth = 0;
    c.absence.as_mut().unwrap().rules.clear();
    let text = c.to_toml_string().unwrap();
    let err = RulesConfig::from_toml_str(&text).unwrap_err();
    assert_eq!(err.code(), "config.invalid");
    let message = err.to_string();
    assert!(message.contains("“password.min_length”"), "{message}");
    let paths = problem_paths(err);
    assert!(
        paths.contains(&"password.min_length".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"password.history_depth".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"delegation.max_depth".to_owned()),
        "{paths:?}"
    );
    assert!(paths.contains(&"absence".to_owned()), "{paths:?}");
}

#[test]
fn login_values_are_checked_while_parsing() {
    // The login crate validates inside deserialization: the path is the
    // section that failed, the reason the crate's.
    let text = preset_toml().replace("min_length = 3", "min_length = 0");
    let (path, reason) = syntax(RulesConfig::from_toml_str(&text).unwrap_err());
    assert!(path.starts_with("login"), "{path}");
    assert!(
        reason.contains("minimum length of a login cannot be 0"),
        "{reason}"
    );
}

#[test]
fn a_problem_message_exists_in_every_language() {
    let mut c = RulesConfig::poland_sio();
    c.password.as_mut().unwrap().min_length = 0;
    let Err(Error::Config(ConfigError::Invalid { problems })) = c.validate() else {
        panic!("expected problems");
    };
    let p = &problems[0];
    let texts: Vec<String> = edurules::Locale::ALL.map(|l| p.message(l)).to_vec();
    assert!(texts.iter().all(|t| !t.is_empty()));
    assert_ne!(texts[0], texts[2], "the Polish text is the English one");
}

#[test]
fn deadline_rules_from_a_file_relative_to_the_config() {
    let dir = std::env::temp_dir().join(format!("edurules-config-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("art30.json"),
        edurules::deadline::sio::BUILTIN_RULES_JSON,
    )
    .unwrap();
    let mut c = RulesConfig::poland_sio();
    c.deadline.as_mut().unwrap().rules = DeadlineRules::File(PathBuf::from("art30.json"));
    std::fs::write(dir.join("edurules.toml"), c.to_toml_string().unwrap()).unwrap();
    let loaded = RulesConfig::from_path(dir.join("edurules.toml")).unwrap();
    let rules = loaded.deadline().unwrap().rules().unwrap();
    assert_eq!(rules.file().article, "art. 30");

    // A missing file is a problem of `deadline.rules.file`.
    c.deadline.as_mut().unwrap().rules = DeadlineRules::File(PathBuf::from("missing.json"));
    std::fs::write(dir.join("bad.json"), serde_json::to_string(&c).unwrap()).unwrap();
    let err = RulesConfig::from_path(dir.join("bad.json")).unwrap_err();
    assert_eq!(problem_paths(err), ["deadline.rules.file"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn inline_deadline_rules_are_validated() {
    let mut file = edurules::deadline::Rules::builtin().unwrap().file().clone();
    file.versions.swap(0, 1);
    let mut c = RulesConfig::poland_sio();
    c.deadline.as_mut().unwrap().rules = DeadlineRules::Inline(Box::new(file));
    let json = serde_json::to_string(&c).unwrap();
    let paths = problem_paths(RulesConfig::from_json_str(&json).unwrap_err());
    assert!(!paths.is_empty());
    assert!(
        paths.iter().all(|p| p == "deadline.rules.inline"),
        "{paths:?}"
    );
}

#[test]
fn files_of_another_format_or_missing_are_errors() {
    assert_eq!(
        RulesConfig::from_path("edurules.yaml").unwrap_err().code(),
        "config.unknown_format"
    );
    assert_eq!(
        RulesConfig::from_path("/nonexistent/edurules.json")
            .unwrap_err()
            .code(),
        "config.io"
    );
}

#[test]
fn a_deadline_rules_file_is_read_once_bounded_and_kept() {
    let dir = std::env::temp_dir().join(format!("edurules-once-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rules_path = dir.join("art30.json");
    std::fs::write(&rules_path, edurules::deadline::sio::BUILTIN_RULES_JSON).unwrap();
    let mut c = RulesConfig::poland_sio();
    c.deadline.as_mut().unwrap().rules = DeadlineRules::File(rules_path.clone());
    c.validate().unwrap();
    // The file changes after validation: the validated rules are the ones used.
    std::fs::write(&rules_path, "not rules").unwrap();
    let rules = c.deadline().unwrap().rules().unwrap();
    assert_eq!(rules.file().article, "art. 30");

    // A device (it would never end) and an oversized file are not read.
    let mut c = RulesConfig::poland_sio();
    c.deadline.as_mut().unwrap().rules = DeadlineRules::File(PathBuf::from("/dev/zero"));
    let Err(Error::Config(ConfigError::Invalid { problems })) = c.validate() else {
        panic!("/dev/zero was accepted");
    };
    assert_eq!(problems[0].code, "config.not_a_file");
    let big = dir.join("big.json");
    std::fs::write(
        &big,
        vec![b' '; usize::try_from(RulesConfig::MAX_FILE_BYTES).unwrap() + 1],
    )
    .unwrap();
    c.deadline.as_mut().unwrap().rules = DeadlineRules::File(big);
    let Err(Error::Config(ConfigError::Invalid { problems })) = c.validate() else {
        panic!("an oversized rules file was accepted");
    };
    assert_eq!(problems[0].code, "config.file_too_large");
    assert_eq!(problems[0].path, "deadline.rules.file");
    let _ = std::fs::remove_dir_all(&dir);
}
