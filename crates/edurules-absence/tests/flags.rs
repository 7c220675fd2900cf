//! A flag refers to its rule (issue #14 item 5): 64 bytes plus its findings, whatever the
//! length of the rule's description and legal basis; its JSON and schema keep their shape.

use edurules_absence::*;

use crate::support::{d, pupil};

fn report_with_long_texts(pupils: u64) -> Report {
    let mut profile = RuleProfile::bg_isrm();
    for rule in &mut profile.rules {
        rule.description = "д".repeat(2_000);
        rule.legal_basis = LegalBasis::cite(&"чл. 347 ЗПУО ".repeat(100));
    }
    let roster = Roster::new((1..=pupils).map(|id| pupil(id, Level::School)).collect()).unwrap();
    let planned = Planned::default();
    let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
    let ev = Evaluator::new(profile, window, &roster, &planned).unwrap();
    let records: Vec<AbsenceRecord> = (1..=pupils)
        .map(|id| {
            AbsenceRecord::new(
                PupilId(id),
                d(2018, 2, 1),
                Quantity::whole(131),
                Unit::Hours,
                AbsenceKind::Unexcused,
            )
        })
        .collect();
    ev.evaluate_records(&records).unwrap()
}

#[test]
fn a_flag_is_at_most_64_bytes_and_shares_its_rule() {
    assert!(
        std::mem::size_of::<Flag>() <= 64,
        "{} bytes",
        std::mem::size_of::<Flag>()
    );
    let report = report_with_long_texts(3);
    // Two rules flag each of the three pupils.
    assert_eq!(report.flags.len(), 6);
    let first = &report.flags[0];
    let same_rule = report
        .flags
        .iter()
        .filter(|f| f.rule == first.rule.id())
        .collect::<Vec<_>>();
    assert_eq!(same_rule.len(), 3);
    for f in same_rule {
        // The same text in memory, not a copy: one allocation shared by every flag of a rule.
        assert!(std::ptr::eq(f.description(), first.description()));
        assert!(std::ptr::eq(f.legal_basis(), first.legal_basis()));
    }
}

#[test]
fn the_json_of_a_flag_keeps_its_fields_and_order() {
    let report = report_with_long_texts(1);
    let json = serde_json::to_string(&report.flags[0]).unwrap();
    let keys: Vec<&str> = [
        "\"pupil\"",
        "\"school\"",
        "\"level\"",
        "\"grade\"",
        "\"rule\"",
        "\"description\"",
        "\"legal_basis\"",
        "\"findings\"",
    ]
    .into_iter()
    .filter(|k| json.contains(k))
    .collect();
    assert_eq!(keys.len(), 8, "{json}");
    let positions: Vec<usize> = keys.iter().map(|k| json.find(k).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
    let back: Flag = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report.flags[0]);
    assert!(serde_json::from_str::<Flag>(&json.replace("\"grade\"", "\"grades\"")).is_err());
}

#[test]
fn the_schema_of_a_flag_is_unchanged() {
    let schema = serde_json::to_value(schemars::schema_for!(Flag)).unwrap();
    assert_eq!(
        schema["description"],
        "A pupil matched by a rule, with the figures that made it match."
    );
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(
        schema["required"],
        serde_json::json!([
            "pupil",
            "school",
            "level",
            "rule",
            "description",
            "legal_basis",
            "findings"
        ])
    );
    assert_eq!(schema["properties"]["rule"]["type"], "string");
}
