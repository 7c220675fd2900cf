//! `delegation.decide_many@1`: many questions on one registry in one call.
//!
//! The fast path reads the queries' strings in place (borrowed from the
//! request), parses each distinct permission once per batch, asks the
//! registry only whether each query is allowed (`Registry::allows`, no
//! chain or reasons built), and writes the `allowed` array straight into
//! the answer. A request it does not handle
//! (`details`, a bad identifier, a query without a date, anything serde
//! refuses) goes through the typed path, which gives the same answers and
//! the errors with their field paths.

use std::borrow::Cow;

use chrono::NaiveDate;
use edurules::delegation::{Decision, EntityId, Login, Permission};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::with_registry;
use crate::engine::Engine;
use crate::error::FfiError;

/// The most queries in one `delegation.decide_many` request.
pub(crate) const MAX_QUERIES: usize = 1_000_000;

/// The distinct permissions the fast path remembers in one batch.
const PERMISSIONS_KEPT: usize = 16;

/// One question of a batch.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Query {
    /// The person's login.
    person: Login,
    /// The permission.
    permission: Permission,
    /// The entity.
    entity: EntityId,
    /// The date; the batch's `at` when absent.
    #[serde(default)]
    at: Option<NaiveDate>,
}

/// Many questions on one registry.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DecideMany {
    /// The registry's name in the engine.
    registry: String,
    /// The date of every query that gives none.
    #[serde(default)]
    at: Option<NaiveDate>,
    /// The questions, at most 1,000,000.
    queries: Vec<Query>,
    /// Also return each full decision (chains, reasons); off by default.
    #[serde(default)]
    details: bool,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct DecidedMany {
    /// One answer per query, in order.
    allowed: Vec<bool>,
    /// With `details`: one decision per query, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    decisions: Option<Vec<Decision>>,
}

/// Runs the operation on the request's bytes, appending the result to `out`.
pub(crate) fn run(engine: &Engine, bytes: &[u8], out: &mut Vec<u8>) -> Result<(), FfiError> {
    if let Some(allowed) = fast(engine, bytes)? {
        out.reserve(allowed.len().saturating_mul(6).saturating_add(16));
        out.extend_from_slice(br#"{"allowed":["#);
        for (i, a) in allowed.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(if *a { b"true" } else { b"false" });
        }
        out.extend_from_slice(b"]}");
        return Ok(());
    }
    let request: DecideMany = crate::ops::parse(bytes)?;
    let response = decide_many(engine, request)?;
    crate::ops::write(out, &response)
}

/// A query as written, its strings borrowed from the request when they
/// have no escapes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuery<'a> {
    #[serde(borrow)]
    person: Cow<'a, str>,
    #[serde(borrow)]
    permission: Cow<'a, str>,
    #[serde(borrow)]
    entity: Cow<'a, str>,
    #[serde(default, deserialize_with = "crate::ops::date::optional")]
    at: Option<NaiveDate>,
}

/// [`DecideMany`] as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMany<'a> {
    #[serde(borrow)]
    registry: Cow<'a, str>,
    #[serde(default, deserialize_with = "crate::ops::date::optional")]
    at: Option<NaiveDate>,
    #[serde(borrow)]
    queries: Vec<RawQuery<'a>>,
    #[serde(default)]
    details: bool,
}

/// The answers, or `None` for a request the typed path handles.
fn fast(engine: &Engine, bytes: &[u8]) -> Result<Option<Vec<bool>>, FfiError> {
    // UTF-8 checked once for the whole batch, not once per string in it.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(None);
    };
    let Ok(raw) = serde_json::from_str::<RawMany<'_>>(text) else {
        return Ok(None);
    };
    if raw.details || raw.queries.len() > MAX_QUERIES {
        return Ok(None);
    }
    let answers = with_registry(engine, &raw.registry, |registry| {
        let mut permissions: Vec<(&str, Permission)> = Vec::new();
        let mut allowed = Vec::with_capacity(raw.queries.len());
        for q in &raw.queries {
            let at = q.at.or(raw.at)?;
            let text = q.permission.as_ref();
            let index = match permissions.iter().position(|(t, _)| *t == text) {
                Some(index) => index,
                None => {
                    if permissions.len() >= PERMISSIONS_KEPT {
                        permissions.clear();
                    }
                    permissions.push((text, Permission::parse(text).ok()?));
                    permissions.len().saturating_sub(1)
                }
            };
            let permission = &permissions.get(index)?.1;
            // Short ids are read without a heap allocation, and only the answer is
            // computed, not the chain or the reasons.
            let person = Login::try_from(q.person.as_ref()).ok()?;
            let entity = EntityId::try_from(q.entity.as_ref()).ok()?;
            allowed.push(registry.allows(&person, permission, &entity, at));
        }
        Some(allowed)
    });
    match answers {
        Ok(answers) => Ok(answers),
        // The typed path tells an unknown registry apart from a bad field.
        Err(FfiError::UnknownRegistry { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The typed path: every query parsed into the crate's types.
fn decide_many(engine: &Engine, req: DecideMany) -> Result<DecidedMany, FfiError> {
    if req.queries.len() > MAX_QUERIES {
        return Err(FfiError::TooMany {
            what: "queries",
            actual: req.queries.len(),
            max: MAX_QUERIES,
        });
    }
    // Every query needs a date, its own or the batch's.
    let mut dates = Vec::with_capacity(req.queries.len());
    for (i, q) in req.queries.iter().enumerate() {
        let at = q.at.or(req.at).ok_or_else(|| FfiError::InvalidRequest {
            path: format!("queries[{i}].at"),
            reason: "no date: give `at` in the query or in the batch".into(),
        })?;
        dates.push(at);
    }
    with_registry(engine, &req.registry, |r| {
        let decisions = req
            .queries
            .iter()
            .zip(&dates)
            .map(|(q, at)| r.decide(&q.person, &q.permission, &q.entity, *at));
        if req.details {
            let all: Vec<Decision> = decisions.collect();
            DecidedMany {
                allowed: all.iter().map(Decision::is_allowed).collect(),
                decisions: Some(all),
            }
        } else {
            DecidedMany {
                allowed: req
                    .queries
                    .iter()
                    .zip(&dates)
                    .map(|(q, at)| r.allows(&q.person, &q.permission, &q.entity, *at))
                    .collect(),
                decisions: None,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::{DecideMany, decide_many, run};
    use crate::engine::Engine;

    /// An engine with registry `r`: director `dyr` of `S1` (appointment
    /// 2025-09-01 – 2026-08-31) authorizes `ann` for `pupils:read` until
    /// 2026-02-28; `ann` holds the `secretariat` role.
    fn engine() -> Engine {
        let engine = Engine::new(br#"{"preset":"poland-sio","locale":"en"}"#).unwrap();
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
        let answer = engine.call_json(b"delegation.open@1", open.to_string().as_bytes());
        assert!(answer.contains(r#""refused":[]"#), "{answer}");
        engine
    }

    /// The answer of the typed path alone, as the fast path must give it.
    fn typed(engine: &Engine, bytes: &[u8]) -> Result<Vec<u8>, String> {
        let request: DecideMany = crate::ops::parse(bytes).map_err(|e| e.code().to_owned())?;
        let response = decide_many(engine, request).map_err(|e| e.code().to_owned())?;
        let mut out = Vec::new();
        crate::ops::write(&mut out, &response).map_err(|e| e.code().to_owned())?;
        Ok(out)
    }

    fn both(engine: &Engine, bytes: &[u8]) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        run(engine, bytes, &mut out).map_err(|e| e.code().to_owned())?;
        Ok(out)
    }

    fn text() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(json!("ann")),
            Just(json!("dyr")),
            Just(json!("S1")),
            Just(json!("pupils:read")),
            Just(json!("pupils:modify")),
            Just(json!("nope:x")),
            Just(json!("pupils")),
            Just(json!("")),
            Just(json!(" ann")),
            Just(json!("a\u{7}")),
            Just(json!("an\\n")),
            Just(json!(7)),
        ]
    }

    fn date() -> impl Strategy<Value = Option<Value>> {
        prop_oneof![
            Just(None),
            (0_u64..500).prop_map(|d| Some(json!(
                (chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap() + chrono::Days::new(d))
                    .to_string()
            ))),
            Just(Some(json!("2026-02-30"))),
        ]
    }

    fn query() -> impl Strategy<Value = Value> {
        (text(), text(), text(), date(), any::<u8>()).prop_map(|(p, perm, e, at, extra)| {
            let mut q = json!({"person": p, "permission": perm, "entity": e});
            if let Some(at) = at {
                q["at"] = at;
            }
            if extra == 0 {
                q["unknown"] = json!(1);
            }
            q
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The fast path answers every batch, valid or not, with the bytes
        /// or the error of the typed path.
        #[test]
        fn the_fast_path_answers_as_the_typed_path(
            queries in proptest::collection::vec(query(), 0..8),
            at in date(),
            details in any::<bool>(),
            registry in prop_oneof![Just("r"), Just("other")],
        ) {
            let engine = engine();
            let mut batch = json!({"registry": registry, "queries": queries});
            if let Some(at) = at {
                batch["at"] = at;
            }
            if details {
                batch["details"] = json!(true);
            }
            let bytes = batch.to_string().into_bytes();
            prop_assert_eq!(both(&engine, &bytes), typed(&engine, &bytes));
        }
    }

    /// A batch whose queries have no date anywhere used to answer
    /// `{"allowed":[]}`, one answer short per query.
    #[test]
    fn a_batch_without_any_date_is_refused() {
        let engine = engine();
        let batch = br#"{"registry":"r","queries":[{"person":"ann","permission":"pupils:read","entity":"S1"}]}"#;
        assert_eq!(both(&engine, batch), Err("ffi.invalid_request".to_owned()));
        let empty = br#"{"registry":"r","queries":[]}"#;
        assert_eq!(both(&engine, empty), Ok(br#"{"allowed":[]}"#.to_vec()));
    }

    #[test]
    fn the_fast_path_decides_as_the_crate() {
        let engine = engine();
        let batch = br#"{"registry":"r","at":"2026-01-15","queries":[
            {"person":"ann","permission":"pupils:read","entity":"S1"},
            {"person":"ann","permission":"pupils:read","entity":"S1","at":"2026-03-01"},
            {"person":"dyr","permission":"pupils:modify","entity":"S1"},
            {"person":"ann","permission":"pupils:modify","entity":"S1"}]}"#;
        let answer = both(&engine, batch).unwrap();
        assert_eq!(answer, br#"{"allowed":[true,false,true,false]}"#);
        assert_eq!(Ok(answer), typed(&engine, batch));
    }
}
