//! `delegation.decide@1` with and without `explain`: the same decision,
//! the explanation in words only when asked (the default).

use proptest::prelude::*;
use serde_json::{Value, json};

use crate::abi::Handle;

/// An engine with registry `r`: director `dyr` of `S1` (appointment
/// 2025-09-01 – 2026-08-31) authorizes `ann` for `pupils:read` until
/// 2026-02-28 (SIO act art. 68-70, seed 000).
fn engine(locale: &str) -> Handle {
    let options = json!({"preset": "poland-sio", "locale": locale}).to_string();
    let engine = Handle::open(options.as_bytes()).unwrap();
    let open = json!({"registry": "r", "events": [
        {"type": "appointment_recorded", "on": "2025-09-01", "appointment": {
            "id": "ap", "person": "dyr", "entity": "S1", "from": "2025-09-01", "until": "2026-08-31"}},
        {"type": "request_filed", "request": {"id": "rq", "applicant": "ann", "entity": "S1",
            "personal_email": "ann@example.com", "filed_on": "2025-09-01"}},
        {"type": "authorization_granted", "on": "2025-09-01", "authorization": {
            "id": "au", "grantor": "dyr", "grantee": "ann", "entity": "S1",
            "permissions": ["pupils:read"], "valid_from": "2025-09-01", "valid_until": "2026-02-28",
            "request": "rq", "document": "upoważnienie 1/2025"}},
        {"type": "role_assigned", "person": "ann", "entity": "S1", "role": "secretariat",
            "by": "dyr", "on": "2025-09-01"}
    ]});
    let answer = engine.call(b"delegation.open@1", open.to_string().as_bytes());
    assert!(answer.contains(r#""refused":[]"#), "{answer}");
    engine
}

fn decide(engine: &Handle, request: &Value) -> Value {
    let text = engine.call(b"delegation.decide@1", request.to_string().as_bytes());
    let envelope: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(envelope["status"], "success", "{text}");
    envelope["result"].clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Without `explain` the call answers as with `"explain": true`; with
    /// `"explain": false` the same `allowed` and `decision`, and no words.
    #[test]
    fn explain_changes_only_the_explanation(
        person in prop_oneof![Just("ann"), Just("dyr"), Just("eve")],
        permission in prop_oneof![Just("pupils:read"), Just("pupils:modify"), Just("nope:x")],
        days in 0_u64..500,
        locale in prop_oneof![Just("pl"), Just("bg"), Just("en")],
    ) {
        let engine = engine(locale);
        let at = chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap() + chrono::Days::new(days);
        let request = json!({"registry": "r", "person": person, "permission": permission,
            "entity": "S1", "at": at.to_string()});
        let default = decide(&engine, &request);
        let mut asked = request.clone();
        asked["explain"] = json!(true);
        prop_assert_eq!(&decide(&engine, &asked), &default);
        prop_assert!(!default["explanation"].as_array().unwrap().is_empty());
        let mut terse = request;
        terse["explain"] = json!(false);
        let terse = decide(&engine, &terse);
        prop_assert_eq!(&terse["allowed"], &default["allowed"]);
        prop_assert_eq!(&terse["decision"], &default["decision"]);
        prop_assert_eq!(&terse["explanation"], &json!([]));
    }
}
