//! The conformance suite of `bindings/conformance/*.json`, run through the
//! C ABI: every binding runs the same files.
//!
//! A file: `{"operation": "...", "cases": [case, ...]}`; a case:
//! `{"name", "source", "engine": {options}, "setup": [{"operation", "request"}],
//! "operation"?, "request": {...} | "request_text": "...", "expect": {...}}`.
//! `expect` is matched as a subset of the envelope: every key it has must be
//! in the answer with a matching value; arrays match element by element and
//! have the same length. `{conformance}` in a request stands for the suite's
//! directory.

use edurules_ffi::envelope::Envelope;
use serde_json::Value;

use crate::abi::Handle;

fn dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bindings/conformance")
}

/// Whether `actual` has everything `expected` has.
pub(crate) fn matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| matches(v, av))),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| matches(x, y))
        }
        _ => expected == actual,
    }
}

/// The request's bytes, with `{conformance}` replaced by the suite's
/// directory (requests that name files).
fn request_bytes(case: &Value) -> Vec<u8> {
    let text = match case.get("request_text") {
        Some(Value::String(text)) => text.clone(),
        _ => serde_json::to_string(case.get("request").unwrap_or(&Value::Null)).unwrap(),
    };
    let dir = dir().canonicalize().unwrap();
    text.replace("{conformance}", dir.to_str().unwrap())
        .into_bytes()
}

#[test]
fn conformance_suite_through_the_c_abi() {
    let mut files: Vec<_> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    let mut count = 0;
    let mut per_operation = std::collections::BTreeMap::<String, usize>::new();
    for file in &files {
        let suite: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let file_op = suite["operation"].as_str().unwrap_or_default().to_owned();
        for case in suite["cases"].as_array().unwrap() {
            count += 1;
            let name = case["name"].as_str().unwrap();
            assert!(
                case.get("source").is_some(),
                "{name}: every case cites its source"
            );
            let options = serde_json::to_vec(&case["engine"]).unwrap();
            let engine = match Handle::open(&options) {
                Ok(engine) => engine,
                Err(envelope) => {
                    let actual: Value = serde_json::from_str(&envelope).unwrap();
                    if !matches(&case["expect"], &actual) {
                        failures.push(format!("{}: {name}: got {envelope}", file.display()));
                    }
                    continue;
                }
            };
            for step in case["setup"].as_array().into_iter().flatten() {
                let answer = engine.call(
                    step["operation"].as_str().unwrap().as_bytes(),
                    &serde_json::to_vec(&step["request"]).unwrap(),
                );
                assert!(
                    answer.contains(r#""status":"success""#),
                    "{name}: setup: {answer}"
                );
            }
            let op = case["operation"].as_str().unwrap_or(&file_op);
            *per_operation.entry(op.to_owned()).or_default() += 1;
            let answer = engine.call(op.as_bytes(), &request_bytes(case));
            let actual: Value = serde_json::from_str(&answer).unwrap();
            if !matches(&case["expect"], &actual) {
                failures.push(format!("{}: {name}: got {answer}", file.display()));
            }
            // The text written straight from the typed result is the
            // envelope's canonical form: compact, every object's keys sorted.
            let canonical = serde_json::from_value::<Envelope>(actual)
                .unwrap()
                .to_json();
            if canonical != answer {
                failures.push(format!(
                    "{}: {name}: not canonical:\n  got  {answer}\n  want {canonical}",
                    file.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for op in edurules_ffi::operations() {
        let n = per_operation.get(op).copied().unwrap_or(0);
        assert!(
            n >= 3,
            "operation {op} has {n} conformance cases, at least 3 needed"
        );
    }
}

#[test]
fn subset_matching_can_fail() {
    let a = serde_json::json!({"a": [1, {"b": 2, "c": 3}]});
    assert!(matches(&serde_json::json!({"a": [1, {"b": 2}]}), &a));
    assert!(!matches(&serde_json::json!({"a": [1]}), &a));
    assert!(!matches(&serde_json::json!({"a": [1, {"b": 3}]}), &a));
    assert!(!matches(&serde_json::json!({"z": 1}), &a));
}
