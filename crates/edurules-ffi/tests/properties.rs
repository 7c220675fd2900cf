//! Properties of the protocol through the C ABI: any operation name and any
//! bytes, or any JSON object, answer one valid envelope, and the engine goes
//! on answering.

use proptest::prelude::*;
use serde_json::Value;

use crate::abi::Handle;

/// Operations whose every call hashes with the preset's OWASP cost (slow in
/// debug builds): covered by the conformance suite instead.
const SLOW: [&str; 3] = ["password.hash@1", "password.verify@1", "password.change@1"];

fn operations() -> Vec<&'static str> {
    edurules_ffi::operations()
        .into_iter()
        .filter(|op| !SLOW.contains(op))
        .collect()
}

fn assert_envelope(text: &str) {
    let envelope: Value = serde_json::from_str(text).expect("JSON");
    assert_eq!(envelope["format"], 1, "{text}");
    match envelope["status"].as_str() {
        Some("success") => assert!(envelope.get("result").is_some(), "{text}"),
        Some("failure") => {
            assert!(
                envelope["error"]["code"]
                    .as_str()
                    .is_some_and(|c| !c.is_empty()),
                "{text}"
            );
            assert!(
                envelope["error"]["message"]
                    .as_str()
                    .is_some_and(|m| !m.is_empty()),
                "{text}"
            );
        }
        _ => panic!("no status: {text}"),
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[a-zA-Z0-9:\\-ąłżЖ ]{0,12}".prop_map(Value::String),
        Just(Value::String("2026-03-03".into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    "[a-z_]{1,10}",
                    Just("registry".to_owned()),
                    Just("password".to_owned()),
                    Just("at".to_owned()),
                    Just("queries".to_owned()),
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_answer_an_envelope(
        pick in any::<prop::sample::Index>(),
        raw in any::<bool>(),
        name in prop::collection::vec(any::<u8>(), 0..80),
        body in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let engine = Handle::open(br#"{"preset":"poland-sio","locale":"bg"}"#).unwrap();
        let ops = operations();
        let op = if raw { name } else { ops[pick.index(ops.len())].as_bytes().to_vec() };
        assert_envelope(&engine.call(&op, &body));
        assert_envelope(&engine.call(b"config.presets@1", b"{}"));
    }

    #[test]
    fn any_json_object_answers_an_envelope(
        pick in any::<prop::sample::Index>(),
        request in prop::collection::btree_map("[a-z_]{1,12}", json_value(), 0..5),
    ) {
        let engine = Handle::open(br#"{"preset":"poland-sio","locale":"pl"}"#).unwrap();
        let ops = operations();
        let op = ops[pick.index(ops.len())];
        let body = serde_json::to_vec(&request).unwrap();
        assert_envelope(&engine.call(op.as_bytes(), &body));
    }
}

/// A request refused for a field's type does not echo the value (a password sent as a number
/// is still a password), and a key of megabytes is not repeated whole (found in review).
#[test]
fn refusals_do_not_echo_values_or_huge_keys() {
    let engine = Handle::open(br#"{"preset":"poland-sio"}"#).unwrap();
    let text = engine.call(b"password.check@1", br#"{"password": 987654321}"#);
    assert_envelope(&text);
    assert!(text.contains("ffi.invalid_request"), "{text}");
    assert!(!text.contains("987654321"), "{text}");
    let key = "k".repeat(100_000);
    let text = engine.call(
        b"password.check@1",
        format!(r#"{{"password": "x", "{key}": 1}}"#).as_bytes(),
    );
    assert_envelope(&text);
    assert!(text.len() < 4_000, "{} bytes", text.len());
}

/// A registry's name is bounded (a name of megabytes was kept), and a registry past the
/// limit is refused whatever its log.
#[test]
fn registry_names_and_counts_are_bounded() {
    let engine = Handle::open(br#"{"preset":"poland-sio"}"#).unwrap();
    let open = |name: &str| {
        let text = engine.call(
            b"delegation.open@1",
            format!(r#"{{"registry": "{name}", "events": []}}"#).as_bytes(),
        );
        assert_envelope(&text);
        let envelope: Value = serde_json::from_str(&text).unwrap();
        envelope["error"]["code"].as_str().unwrap_or("").to_owned()
    };
    assert_eq!(open(&"r".repeat(edurules_ffi::MAX_REGISTRY_NAME_BYTES)), "");
    assert_eq!(
        open(&"r".repeat(edurules_ffi::MAX_REGISTRY_NAME_BYTES + 1)),
        "ffi.too_large"
    );
    for i in 1..edurules_ffi::MAX_REGISTRIES {
        assert_eq!(open(&format!("r{i}")), "");
    }
    assert_eq!(open("one-too-many"), "ffi.too_many");
    // Opening an existing registry again replaces it.
    assert_eq!(open("r1"), "");
}
