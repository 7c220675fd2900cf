//! Multi-event legal cases from `tests/data/law_cases.json`, each citing its source: a log,
//! one event with the violations it must raise, and decisions afterwards.

use crate::common::*;
use chrono::NaiveDate;
use edurules_delegation::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    basis: String,
    #[serde(default)]
    policy: Option<String>,
    log: Vec<Event>,
    event: Event,
    expect: Vec<String>,
    #[serde(default)]
    decide: Vec<Query>,
}

#[derive(Deserialize)]
struct Query {
    who: String,
    permission: String,
    entity: String,
    at: NaiveDate,
    allowed: bool,
}

fn policy(name: Option<&str>) -> Policy {
    match name {
        None => Policy::sio().with_institution_domains(["sp7.opole.pl"]),
        Some("sio_without_domains") => Policy::sio(),
        Some(other) => panic!("unknown policy `{other}`"),
    }
}

#[test]
fn law_cases_from_tests_data() {
    let table: Table = serde_json::from_str(include_str!("data/law_cases.json")).unwrap();
    assert!(table.cases.len() >= 15);
    let mut failures = Vec::new();
    for case in table.cases {
        assert!(!case.basis.is_empty(), "{}: no legal basis", case.name);
        let mut reg = Registry::new(policy(case.policy.as_deref())).unwrap();
        for e in case.log {
            if let Err(err) = reg.apply(e) {
                failures.push(format!("{}: setup refused: {err}", case.name));
            }
        }
        let mut expect = case.expect.clone();
        expect.sort();
        let got = match reg.apply(case.event) {
            Ok(()) => Vec::new(),
            Err(e) => codes(e),
        };
        if got != expect {
            failures.push(format!("{}: got {got:?}, expected {expect:?}", case.name));
        }
        for q in case.decide {
            let allowed = allowed(&reg, &q.who, &q.permission, &q.entity, q.at);
            if allowed != q.allowed {
                failures.push(format!(
                    "{}: {} {} on {}: allowed {allowed}, expected {}",
                    case.name, q.who, q.permission, q.at, q.allowed
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
