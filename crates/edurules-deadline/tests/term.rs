use crate::{date, load};
use edurules_deadline::term::{CountingRule, Term, TermUnit, term_end};

#[test]
fn worked_examples_from_the_civil_code() {
    let data = load("terms.json");
    let cases = data["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let unit: TermUnit = serde_json::from_value(c["unit"].clone()).unwrap();
        let term = Term::new(u32::try_from(c["count"].as_u64().unwrap()).unwrap(), unit);
        let t = term_end(date(c["event"].as_str().unwrap()), term).unwrap();
        assert_eq!(
            t.nominal_end,
            date(c["nominal"].as_str().unwrap()),
            "{name}"
        );
        assert_eq!(t.end, date(c["end"].as_str().unwrap()), "{name}");
        let rule: CountingRule = serde_json::from_value(c["rule"].clone()).unwrap();
        assert_eq!(t.rule, rule, "{name}");
    }
}

#[test]
fn skipped_days_are_reported_with_reasons() {
    let t = term_end(date("2025-12-17"), Term::days(7)).unwrap();
    let skipped = t.skipped();
    assert_eq!(skipped.len(), 5);
    assert_eq!(skipped[0].0, date("2025-12-24"));
}
