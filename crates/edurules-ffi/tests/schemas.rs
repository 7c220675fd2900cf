//! The JSON Schemas of `docs/schema/ffi/`: generated from the Rust types of
//! every operation; a test fails when they are out of date, and another when
//! a published `@N` schema changed incompatibly. Regenerate with
//! `EDURULES_BLESS=1 cargo test -p edurules-ffi --test lib schemas`; an
//! incompatible change is refused even then (make a new `@N+1` instead).

use std::path::PathBuf;

use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/schema/ffi"
    ))
}

/// Every schema file with its generated content.
fn generated() -> Vec<(String, Value)> {
    let mut out = vec![(
        "envelope.json".to_owned(),
        edurules_ffi::envelope::Envelope::json_schema(),
    )];
    for op in edurules_ffi::operations() {
        let (request, response) = edurules_ffi::schemas(op).unwrap();
        out.push((format!("{op}.request.json"), request));
        out.push((format!("{op}.response.json"), response));
    }
    out
}

/// Which side of a call a schema describes: a request may gain optional
/// fields only; a response may gain fields but never lose one.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Side {
    Request,
    Response,
}

/// The incompatible changes from `old` to `new`, as paths.
pub(crate) fn incompatible(old: &Value, new: &Value, side: Side, at: &str, out: &mut Vec<String>) {
    let (Value::Object(o), Value::Object(n)) = (old, new) else {
        if old != new && (old.is_object() || new.is_object()) {
            out.push(format!("{at}: schema replaced"));
        }
        return;
    };
    if o.get("type") != n.get("type") && o.get("type").is_some() {
        out.push(format!("{at}: type changed"));
    }
    if o.get("$ref") != n.get("$ref") && o.get("$ref").is_some() {
        out.push(format!("{at}: reference changed"));
    }
    if o.get("enum").is_some() && o.get("enum") != n.get("enum") {
        let (oe, ne) = (
            o["enum"].as_array(),
            n.get("enum").and_then(Value::as_array),
        );
        let narrowed = match (oe, ne) {
            (Some(oe), Some(ne)) => match side {
                // A request may accept more values; a response may not send new ones.
                Side::Request => !oe.iter().all(|v| ne.contains(v)),
                Side::Response => !ne.iter().all(|v| oe.contains(v)),
            },
            _ => true,
        };
        if narrowed {
            out.push(format!("{at}: values changed"));
        }
    }
    let required = |m: &serde_json::Map<String, Value>| -> Vec<String> {
        m.get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (or, nr) = (required(o), required(n));
    match side {
        Side::Request => nr
            .iter()
            .filter(|f| !or.contains(f))
            .for_each(|f| out.push(format!("{at}: new required field `{f}`"))),
        Side::Response => or
            .iter()
            .filter(|f| !nr.contains(f))
            .for_each(|f| out.push(format!("{at}: field `{f}` no longer always sent"))),
    }
    for key in ["properties", "$defs"] {
        if let Some(Value::Object(op)) = o.get(key) {
            for (name, schema) in op {
                match n.get(key).and_then(|np| np.get(name)) {
                    Some(ns) => incompatible(schema, ns, side, &format!("{at}/{key}/{name}"), out),
                    None => out.push(format!("{at}/{key}/{name}: removed")),
                }
            }
        }
    }
    for key in ["items", "additionalProperties"] {
        if let (Some(os), Some(ns)) = (o.get(key), n.get(key)) {
            incompatible(os, ns, side, &format!("{at}/{key}"), out);
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let (Some(Value::Array(ov)), Some(Value::Array(nv))) = (o.get(key), n.get(key)) {
            if side == Side::Response && nv.len() > ov.len() {
                out.push(format!(
                    "{at}/{key}: new alternatives a v1 client cannot read"
                ));
            }
            if nv.len() < ov.len() {
                out.push(format!("{at}/{key}: alternatives removed"));
            }
            for (i, (os, ns)) in ov.iter().zip(nv).enumerate() {
                incompatible(os, ns, side, &format!("{at}/{key}/{i}"), out);
            }
        }
    }
}

/// Keys sorted, so the files never depend on serde_json's `preserve_order`.
fn sort(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.sort_keys();
            map.values_mut().for_each(sort);
        }
        Value::Array(items) => items.iter_mut().for_each(sort),
        _ => {}
    }
}

fn side_of(file: &str) -> Side {
    if file.ends_with(".request.json") {
        Side::Request
    } else {
        Side::Response
    }
}

#[test]
fn schemas_are_up_to_date_and_compatible() {
    let bless = std::env::var_os("EDURULES_BLESS").is_some();
    let mut stale = Vec::new();
    let mut broken = Vec::new();
    for (file, schema) in generated() {
        let path = dir().join(&file);
        let mut schema = schema;
        sort(&mut schema);
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        let committed = std::fs::read_to_string(&path).ok();
        if let Some(old) = committed
            .as_deref()
            .and_then(|t| serde_json::from_str::<Value>(t).ok())
        {
            let mut problems = Vec::new();
            incompatible(&old, &schema, side_of(&file), "", &mut problems);
            if !problems.is_empty() {
                broken.push(format!("{file}: {}", problems.join("; ")));
                continue;
            }
        }
        if committed.as_deref() != Some(text.as_str()) {
            if bless {
                std::fs::create_dir_all(dir()).unwrap();
                std::fs::write(&path, text).unwrap();
            } else {
                stale.push(file);
            }
        }
    }
    assert!(
        broken.is_empty(),
        "incompatible changes to published schemas (make a new @N instead):\n{}",
        broken.join("\n")
    );
    assert!(
        stale.is_empty(),
        "docs/schema/ffi is out of date; run EDURULES_BLESS=1 cargo test -p edurules-ffi --test lib schemas:\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_committed_schema_belongs_to_an_operation() {
    let names: Vec<String> = generated().into_iter().map(|(f, _)| f).collect();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            assert!(
                names.contains(&name),
                "{name}: a published schema's operation is gone"
            );
        }
    }
}

#[test]
fn incompatible_changes_are_caught() {
    let old = serde_json::json!({"type": "object", "required": ["a"], "properties": {
        "a": {"type": "string"}, "b": {"type": "integer"}}});
    let mut problems = Vec::new();
    // Adding an optional request field is compatible.
    let mut added = old.clone();
    added["properties"]["c"] = serde_json::json!({"type": "string"});
    incompatible(&old, &added, Side::Request, "", &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    // A new required request field, a removed field, a changed type are not.
    let mut required = added.clone();
    required["required"] = serde_json::json!(["a", "c"]);
    incompatible(&old, &required, Side::Request, "", &mut problems);
    assert_eq!(problems.len(), 1);
    let mut removed = old.clone();
    removed["properties"].as_object_mut().unwrap().remove("b");
    incompatible(&old, &removed, Side::Response, "", &mut problems);
    assert_eq!(problems.len(), 2);
    let mut retyped = old.clone();
    retyped["properties"]["a"]["type"] = serde_json::json!("integer");
    incompatible(&old, &retyped, Side::Request, "", &mut problems);
    assert_eq!(problems.len(), 3, "{problems:?}");
}
