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
    // Keys out of order: written through a scratch buffer, kept after.
    let small = Clash {
        a: 1,
        more: BTreeMap::from([("0", 2)]),
    };
    assert_eq!(to_sorted_string(&small).unwrap(), r#"{"0":2,"a":1}"#);
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

#[derive(serde::Serialize)]
struct Late {
    b: u8,
    c: Vec<Late>,
    a: &'static str,
    d: BTreeMap<&'static str, u8>,
}

/// Keys in order are written in place; the first key out of order (here
/// the third, after a nested object of its own) moves the object to the
/// scratch buffer, whatever its nesting.
#[test]
fn in_place_until_a_key_is_out_of_order() {
    let inner = Late {
        b: 2,
        c: vec![],
        a: "x",
        d: BTreeMap::from([("k", 1)]),
    };
    let outer = Late {
        b: 1,
        c: vec![inner],
        a: "ą\"",
        d: BTreeMap::new(),
    };
    let text = to_sorted_string(&outer).unwrap();
    assert_eq!(text, reference(&outer));
    assert_eq!(
        text,
        r#"{"a":"ą\"","b":1,"c":[{"a":"x","b":2,"c":[],"d":{"k":1}}],"d":{}}"#
    );
    // In a list, after text already written.
    let list = json!([1, "two", { "b": 1, "a": [{ "d": 0, "c": null }] }]);
    assert_eq!(to_sorted_string(&list).unwrap(), reference(&list));
}

/// A string is copied as it is only when nothing in it is escaped, wherever
/// the escape falls (the scan goes sixteen bytes at a time).
#[test]
fn strings_with_an_escape_anywhere() {
    for len in [0, 1, 15, 16, 17, 31, 32, 33, 100] {
        let plain = "ż".repeat(len / 2) + &"a".repeat(len % 2);
        assert_eq!(
            to_sorted_string(&plain).unwrap(),
            serde_json::to_string(&plain).unwrap()
        );
        for at in 0..=len {
            for escaped in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                let mut text: String = "a".repeat(len);
                text.insert(at, escaped);
                assert_eq!(
                    to_sorted_string(&text).unwrap(),
                    serde_json::to_string(&text).unwrap(),
                    "{text:?}"
                );
            }
        }
    }
    // DEL and text beyond ASCII are not escaped.
    let text = "\u{7f}zażółć\u{2028}";
    assert_eq!(to_sorted_string(&text).unwrap(), format!("\"{text}\""));
}

/// Any JSON value: the same bytes as the reference.
mod any_value {
    use proptest::prelude::*;
    use serde_json::Value;

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            "[a-c\"\\\n\u{1}ż]{0,20}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec(("[a-d]{0,3}", inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    /// A struct whose fields come out of key order, around any value.
    #[derive(serde::Serialize)]
    struct Around {
        z: Value,
        m: Vec<Value>,
        a: Value,
    }

    proptest! {
        #[test]
        fn same_bytes_as_the_reference(v in value(), w in value()) {
            let around = Around { z: v.clone(), m: vec![w.clone(), v.clone()], a: w };
            prop_assert_eq!(super::to_sorted_string(&around).unwrap(), super::reference(&around));
            prop_assert_eq!(super::to_sorted_string(&v).unwrap(), super::reference(&v));
        }
    }
}

/// The eight-bytes-at-a-time test against a byte-by-byte one: every byte
/// value, at every position of words and tails, after bytes of every kind.
#[test]
fn needs_escape_as_byte_by_byte() {
    let naive = |b: &[u8]| b.iter().any(|&c| c < 0x20 || c == b'"' || c == b'\\');
    for fill in [b'a', 0x7f, 0xc5, 0xff, 0x21, 0x5d, 0x1f] {
        for len in 1..=19 {
            for at in 0..len {
                for byte in 0..=u8::MAX {
                    let mut bytes = vec![fill; len];
                    bytes[at] = byte;
                    assert_eq!(super::needs_escape(&bytes), naive(&bytes), "{bytes:?}");
                }
            }
        }
    }
    assert!(!super::needs_escape(b""));
}
