//! The writer against the reference: a `Value`, keys sorted.
use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::to_sorted_string;

/// The reference: a `Value`, every object's keys sorted.
fn reference(value: &impl serde::Serialize) -> String {
    crate::envelope::sorted_json(value).unwrap()
}

#[derive(serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Tagged {
    Zebra { b: u8, a: Option<f32> },
    Unit,
}

#[derive(serde::Serialize)]
struct Flat {
    z: &'static str,
    #[serde(flatten)]
    inner: Tagged,
    m: BTreeMap<u32, bool>,
    t: (i8, char),
    e: Vec<Tagged>,
    v: Value,
}

#[test]
fn same_bytes_as_a_sorted_value() {
    let cases: Vec<Value> = vec![
        json!(null),
        json!({"b": [1, {"d": 2, "c": "é\"\\\n"}], "a": -1.5, "": true}),
        json!([]),
        json!({}),
    ];
    for v in &cases {
        assert_eq!(to_sorted_string(v).unwrap(), reference(v));
    }
    let flat = Flat {
        z: "ż",
        inner: Tagged::Zebra { b: 7, a: Some(0.1) },
        m: BTreeMap::from([(10, true), (2, false)]),
        t: (-3, 'x'),
        e: vec![Tagged::Unit, Tagged::Zebra { b: 0, a: None }],
        v: json!({"y": f64::NAN.is_nan(), "x": 1e300}),
    };
    assert_eq!(to_sorted_string(&flat).unwrap(), reference(&flat));
}

#[test]
fn texts_from_display_short_and_long() {
    let date = chrono::NaiveDate::from_ymd_opt(2025, 12, 29).unwrap();
    let long = "ż".repeat(40);
    let value = (date, serde_json::json!(long));
    assert_eq!(to_sorted_string(&value).unwrap(), reference(&value));
    assert_eq!(to_sorted_string(&date).unwrap(), r#""2025-12-29""#);
    /// A Display longer than the stack buffer, with escapes.
    struct Long;
    impl std::fmt::Display for Long {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&"\"ą".repeat(30))
        }
    }
    impl serde::Serialize for Long {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(self)
        }
    }
    assert_eq!(to_sorted_string(&Long).unwrap(), reference(&Long));
    assert_eq!(
        to_sorted_string(&Long).unwrap(),
        serde_json::to_string(&"\"ą".repeat(30)).unwrap()
    );
}

#[derive(serde::Serialize)]
struct Clash {
    a: u8,
    #[serde(flatten)]
    more: BTreeMap<&'static str, u8>,
}

#[test]
fn of_equal_keys_the_last_wins_as_in_a_map() {
    let clash = Clash {
        a: 1,
        more: BTreeMap::from([("a", 2), ("0", 3)]),
    };
    assert_eq!(to_sorted_string(&clash).unwrap(), r#"{"0":3,"a":2}"#);
    assert_eq!(to_sorted_string(&clash).unwrap(), reference(&clash));
}

/// What the thread keeps between calls stays bounded after a large answer.
#[test]
fn the_kept_buffers_are_bounded() {
    let big: BTreeMap<String, String> = (0..5_000)
        .map(|i| (format!("k{i}"), "x".repeat(20)))
        .collect();
    let nested = json!({ "a": big, "b": [{ "c": 1 }] });
    assert_eq!(to_sorted_string(&nested).unwrap(), reference(&nested));
    let small = json!({ "z": { "y": 1 } });
    assert_eq!(to_sorted_string(&small).unwrap(), r#"{"z":{"y":1}}"#);
    super::POOL.with(|pool| {
        let pool = pool.borrow();
        assert!(!pool.bytes.is_empty(), "small buffers are kept");
        assert!(pool.bytes.len() <= super::KEEP_BUFFERS);
        assert!(pool.bytes.iter().all(|b| b.capacity() <= super::KEEP_BYTES));
        assert!(
            pool.entries
                .iter()
                .all(|e| e.capacity() <= super::KEEP_ENTRIES)
        );
    });
}
