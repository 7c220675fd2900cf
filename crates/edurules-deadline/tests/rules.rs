use crate::date;
use edurules_deadline::sio::BUILTIN_RULES_JSON;
use edurules_deadline::{DeadlineError, Rules};

fn builtin_file() -> edurules_deadline::sio::RulesFile {
    Rules::builtin().unwrap().file().clone()
}

/// The problems' codes and English messages.
fn problems(file: edurules_deadline::sio::RulesFile) -> Vec<String> {
    match Rules::from_file(file) {
        Err(DeadlineError::InvalidRules { problems }) => problems
            .iter()
            .map(|p| format!("{}: {p}", p.code()))
            .collect(),
        other => panic!("expected invalid rules, got {other:?}"),
    }
}

#[test]
fn shipped_rules_load() {
    let rules = Rules::from_json(BUILTIN_RULES_JSON).unwrap();
    assert_eq!(&rules, Rules::builtin().unwrap());
    assert_eq!(rules.file().applies_from, date("2012-04-30"));
}

#[test]
fn every_problem_is_listed() {
    let mut file = builtin_file();
    file.versions[1].in_force_from = date("2012-09-05"); // gap after version 0
    file.versions[3].in_force_from = date("2014-07-01"); // overlaps version 2
    file.versions[4].exceptions[0]
        .categories
        .push("art. 77".into()); // unknown category
    file.versions[5].in_force_to = None; // open-ended but not last
    let p = problems(file);
    assert!(p.iter().any(|s| s.contains("rules_gap")), "{p:?}");
    assert!(p.iter().any(|s| s.contains("rules_overlap")), "{p:?}");
    assert!(p.iter().any(|s| s.contains("“art. 77”")), "{p:?}");
    assert!(
        p.iter().any(|s| s.contains("rules_open_ended_not_last")),
        "{p:?}"
    );
}

#[test]
fn bad_fixed_dates_and_duplicates_are_refused() {
    let mut file = builtin_file();
    let last = file.versions.len() - 1;
    let ex = file.versions[last]
        .exceptions
        .iter_mut()
        .find(|e| {
            matches!(
                e.term,
                edurules_deadline::sio::ExceptionTerm::FixedDates { .. }
            )
        })
        .unwrap();
    if let edurules_deadline::sio::ExceptionTerm::FixedDates { dates, .. } = &mut ex.term {
        dates[0].day = 30;
        dates[0].month = 2;
        dates.truncate(1);
        dates[0].covers.from_month = 3;
    }
    file.categories.push(file.categories[0].clone());
    file.applies_from = date("2012-01-01");
    let p = problems(file);
    assert!(p.iter().any(|s| s.contains("does not exist")), "{p:?}");
    assert!(p.iter().any(|s| s.contains("every month")), "{p:?}");
    assert!(p.iter().any(|s| s.contains("listed twice")), "{p:?}");
    assert!(p.iter().any(|s| s.contains("applies_from")), "{p:?}");
}

#[test]
fn syntax_errors_and_unknown_fields() {
    assert!(matches!(
        Rules::from_json("not json"),
        Err(DeadlineError::RulesSyntax { .. })
    ));
    let with_extra = BUILTIN_RULES_JSON.replacen("\"act\"", "\"surprise\": 1, \"act\"", 1);
    assert!(matches!(
        Rules::from_json(&with_extra),
        Err(DeadlineError::RulesSyntax { .. })
    ));
}

#[test]
fn caller_file_ending_in_the_past_reports_no_version() {
    let mut file = builtin_file();
    let last = file.versions.len() - 1;
    file.versions[last].in_force_to = Some(date("2025-12-31"));
    let rules = Rules::from_file(file).unwrap();
    let e = rules
        .deadline("art. 8 pkt 1 lit. d", date("2026-01-05"))
        .unwrap_err();
    assert_eq!(e.code(), "deadline.no_version_in_force");
}

#[test]
fn schema_describes_the_file() {
    let schema = Rules::json_schema();
    let text = schema.to_string();
    for field in [
        "in_force_from",
        "general_term_days",
        "after_quarter_end",
        "fixed_dates",
        "categories",
    ] {
        assert!(text.contains(field), "{field}");
    }
}

#[test]
fn shipped_schema_file_is_current() {
    let path = format!("{}/data/sio_art30.schema.json", env!("CARGO_MANIFEST_DIR"));
    let shipped: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        shipped,
        Rules::json_schema(),
        "regenerate data/sio_art30.schema.json from Rules::json_schema()"
    );
}

#[test]
fn rules_deserialize_with_validation() {
    let rules: Rules = serde_json::from_str(BUILTIN_RULES_JSON).unwrap();
    assert_eq!(&rules, Rules::builtin().unwrap());
    let back: Rules = serde_json::from_value(serde_json::to_value(&rules).unwrap()).unwrap();
    assert_eq!(back, rules);
    let mut file = builtin_file();
    file.versions.swap(2, 3);
    let text = serde_json::to_string(&file).unwrap();
    let err = serde_json::from_str::<Rules>(&text)
        .unwrap_err()
        .to_string();
    assert!(err.contains("rules file is invalid"), "{err}");
}

#[test]
fn holiday_rules_are_serializable_data() {
    let json = serde_json::to_string(edurules_deadline::calendar::HOLIDAY_RULES).unwrap();
    assert!(json.contains("christmas_eve"));
    assert!(
        serde_json::to_string(edurules_deadline::calendar::ONE_OFF_DAYS_OFF)
            .unwrap()
            .contains("2018")
    );
}

#[test]
fn oversized_files_are_refused_before_building_tables() {
    // The lookup table is versions × categories; a hostile or corrupt file
    // must not make the loader allocate gigabytes.
    let mut file = builtin_file();
    let v = file.versions[0].clone();
    for i in 0..2_000 {
        file.categories
            .push(edurules_deadline::sio::CategoryDef::new(format!(
                "extra {i}"
            )));
    }
    let p = problems(file.clone());
    assert!(
        p.iter().any(|s| s.contains("rules_too_many_categories")),
        "{p:?}"
    );
    file.categories.truncate(40);
    file.versions = vec![v; 1_000];
    let p = problems(file);
    assert!(
        p.iter().any(|s| s.contains("rules_too_many_versions")),
        "{p:?}"
    );
}

#[test]
fn a_fixed_date_before_the_end_of_its_own_period_is_refused() {
    // "By 10 October for January–December of the same year" would leave the
    // changes of October–December with no due date at all.
    let mut file = builtin_file();
    let last = file.versions.len() - 1;
    for ex in &mut file.versions[last].exceptions {
        if let edurules_deadline::sio::ExceptionTerm::FixedDates { dates, .. } = &mut ex.term {
            dates.truncate(1);
            dates[0].month = 10;
            dates[0].covers.year_offset = 0;
            dates[0].covers.from_month = 1;
            dates[0].covers.to_month = 12;
        }
    }
    let p = problems(file);
    assert!(
        p.iter()
            .any(|s| s.contains("rules_fixed_date_not_after_period")),
        "{p:?}"
    );
}

#[test]
fn unknown_fields_inside_terms_are_refused() {
    // A term marked unknown that carries a term's fields is a typo, not data.
    let unknown_with_days = BUILTIN_RULES_JSON.replacen(
        "\"kind\": \"unknown\"",
        "\"kind\": \"unknown\", \"days\": 10",
        1,
    );
    assert_ne!(unknown_with_days, BUILTIN_RULES_JSON);
    assert!(matches!(
        Rules::from_json(&unknown_with_days),
        Err(DeadlineError::RulesSyntax { .. })
    ));
    let quarter_with_extra = BUILTIN_RULES_JSON.replacen(
        "\"kind\": \"after_quarter_end\"",
        "\"kind\": \"after_quarter_end\", \"months\": 1",
        1,
    );
    assert_ne!(quarter_with_extra, BUILTIN_RULES_JSON);
    assert!(matches!(
        Rules::from_json(&quarter_with_extra),
        Err(DeadlineError::RulesSyntax { .. })
    ));
}

#[test]
fn a_rules_text_is_bounded_before_it_is_parsed() {
    use edurules_deadline::sio::MAX_RULES_JSON_BYTES;
    // Trailing white space keeps the JSON valid: only the size decides.
    let pad = |n: usize| {
        format!(
            "{BUILTIN_RULES_JSON}{}",
            " ".repeat(n - BUILTIN_RULES_JSON.len())
        )
    };
    assert!(Rules::from_json(&pad(MAX_RULES_JSON_BYTES)).is_ok());
    let err = Rules::from_json(&pad(MAX_RULES_JSON_BYTES + 1)).unwrap_err();
    assert_eq!(
        err,
        DeadlineError::RulesTooLarge {
            bytes: MAX_RULES_JSON_BYTES + 1,
            limit: MAX_RULES_JSON_BYTES,
        }
    );
    assert_eq!(err.code(), "deadline.rules_too_large");
    // Deep nesting is refused by the parser, not by recursion.
    let deep = "[".repeat(100_000);
    assert!(matches!(
        Rules::from_json(&deep),
        Err(DeadlineError::RulesSyntax { .. })
    ));
}

#[test]
fn errors_quote_input_cut_and_escaped() {
    use edurules_deadline::{Locale, submission_deadline};
    let safe = |e: &DeadlineError| {
        for l in [Locale::Pl, Locale::Bg, Locale::En] {
            let m = e.message(l);
            assert!(!m.chars().any(char::is_control), "{m:?}");
            assert!(!m.contains('\u{202e}'), "{m:?}");
            assert!(m.chars().count() < 800, "{m}");
        }
    };
    let long = format!("art. 8\u{1b}[2J\n{}", "x".repeat(1_000));
    let e = submission_deadline(&long, date("2025-03-03")).unwrap_err();
    safe(&e);
    assert!(e.to_string().contains(r"“art. 8\u{1b}[2J\nxx"), "{e}");
    assert!(
        e.to_string().contains("…” (and 953 more characters)"),
        "{e}"
    );
    assert!(e.message(Locale::Pl).contains("(i jeszcze 953 znaki)"));
    assert!(e.message(Locale::Bg).contains("(и още 953 знака)"));
    let e = Rules::from_json("{\"act\\u001b\\u202e\": 1}").unwrap_err();
    safe(&e);
    let mut file = builtin_file();
    file.versions[4].exceptions[0]
        .categories
        .push(format!("\u{1b}]0;{}", "y".repeat(5_000)));
    let e = Rules::from_file(file).unwrap_err();
    safe(&e);
}
