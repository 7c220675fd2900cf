//! `delegation.*`: registries held in the engine, opened from a policy and
//! an event log; events applied; decisions one by one or many at once; who
//! may, what may, what expires; the log exported.

use chrono::NaiveDate;
use edurules::delegation::{
    Chain, Decision, EntityId, Event, Login, Permission, Policy, Registry, Source,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Op, op};
use crate::engine::{Engine, MAX_REGISTRIES, MAX_REGISTRY_NAME_BYTES};
use crate::envelope::Detail;
use crate::error::FfiError;

mod answer;
mod many;

pub(super) const OPS: &[Op] = &[
    op!("delegation.open@1", open, Open, Opened),
    op!("delegation.close@1", close, Named, Closed),
    op!("delegation.apply@1", apply, Apply, Applied),
    op!(
        "delegation.decide@1",
        decide,
        Decide,
        Decided,
        answer::write
    ),
    Op {
        name: "delegation.decide_many@1",
        run: many::run,
        request: || schemars::schema_for!(many::DecideMany),
        response: || schemars::schema_for!(many::DecidedMany),
    },
    op!("delegation.who_may@1", who_may, WhoMay, WhoMayOut),
    op!("delegation.what_may@1", what_may, WhatMay, WhatMayOut),
    op!(
        "delegation.expiring_before@1",
        expiring_before,
        ExpiringBefore,
        ExpiringOut
    ),
    op!("delegation.export@1", export, Named, Exported),
];

/// Runs `f` on the registry `name`, read-only.
pub(super) fn with_registry<T>(
    engine: &Engine,
    name: &str,
    f: impl FnOnce(&Registry) -> T,
) -> Result<T, FfiError> {
    let registries = engine.registries.read().map_err(|_| FfiError::Internal)?;
    let registry = registries
        .get(name)
        .ok_or_else(|| FfiError::UnknownRegistry {
            name: name.to_owned(),
        })?;
    Ok(f(registry))
}

/// A registry to open (or replace) from a policy and an event log.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Open {
    /// The registry's name in the engine (`sp7-opole`, `all`).
    registry: String,
    /// The policy; the engine configuration's `delegation` section when absent.
    #[serde(default)]
    policy: Option<Policy>,
    /// The event log, replayed in order; a refused event is reported and skipped.
    #[serde(default)]
    events: Vec<Event>,
}

/// One refused event of a log.
#[derive(Serialize, JsonSchema)]
pub(crate) struct RefusedEvent {
    /// Its index in `events`.
    index: usize,
    /// Every rule it breaks.
    violations: Vec<Detail>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Opened {
    /// The registry's name.
    registry: String,
    /// Events applied.
    applied: usize,
    /// Events refused, with why.
    refused: Vec<RefusedEvent>,
}

fn open(engine: &Engine, req: Open) -> Result<Opened, FfiError> {
    // Bounds first, before the log is replayed: the name's length, and whether there is
    // room for a new registry (checked again when it is inserted).
    if req.registry.len() > MAX_REGISTRY_NAME_BYTES {
        return Err(FfiError::TooLarge {
            what: "registry name",
            actual: req.registry.len(),
            max: MAX_REGISTRY_NAME_BYTES,
        });
    }
    {
        let registries = engine.registries.read().map_err(|_| FfiError::Internal)?;
        if !registries.contains_key(&req.registry) && registries.len() >= MAX_REGISTRIES {
            return Err(FfiError::TooMany {
                what: "registries",
                actual: registries.len().saturating_add(1),
                max: MAX_REGISTRIES,
            });
        }
    }
    let policy = match req.policy {
        Some(p) => p,
        None => engine.config.delegation()?.clone(),
    };
    let mut registry = Registry::new(policy).map_err(|e| FfiError::Rules(e.into()))?;
    let locale = engine.locale;
    let mut refused = Vec::new();
    let mut applied = 0_usize;
    for (index, event) in req.events.into_iter().enumerate() {
        match registry.apply(event) {
            Ok(()) => applied = applied.saturating_add(1),
            Err(edurules::delegation::DelegationError::Rejected { violations }) => {
                refused.push(RefusedEvent {
                    index,
                    violations: violations
                        .iter()
                        .map(|v| {
                            Detail::new(v.message(locale))
                                .with_code(v.code())
                                .with_rule(v.rule().code(), v.rule().legal_basis())
                        })
                        .collect(),
                });
            }
            Err(e) => return Err(FfiError::Rules(e.into())),
        }
    }
    let mut registries = engine.registries.write().map_err(|_| FfiError::Internal)?;
    if !registries.contains_key(&req.registry) && registries.len() >= MAX_REGISTRIES {
        return Err(FfiError::TooMany {
            what: "registries",
            actual: registries.len().saturating_add(1),
            max: MAX_REGISTRIES,
        });
    }
    registries.insert(req.registry.clone(), registry);
    Ok(Opened {
        registry: req.registry,
        applied,
        refused,
    })
}

/// A registry by name.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Named {
    /// The registry's name in the engine.
    registry: String,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Closed {
    /// Whether a registry of that name was open.
    closed: bool,
}

fn close(engine: &Engine, req: Named) -> Result<Closed, FfiError> {
    let mut registries = engine.registries.write().map_err(|_| FfiError::Internal)?;
    Ok(Closed {
        closed: registries.remove(&req.registry).is_some(),
    })
}

/// One event to apply.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Apply {
    /// The registry's name in the engine.
    registry: String,
    /// The event.
    event: Event,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Applied {
    /// Events in the registry's log after this one.
    log_len: usize,
}

fn apply(engine: &Engine, req: Apply) -> Result<Applied, FfiError> {
    let mut registries = engine.registries.write().map_err(|_| FfiError::Internal)?;
    let registry = registries
        .get_mut(&req.registry)
        .ok_or_else(|| FfiError::UnknownRegistry {
            name: req.registry.clone(),
        })?;
    registry
        .apply(req.event)
        .map_err(|e| FfiError::Rules(e.into()))?;
    Ok(Applied {
        log_len: registry.log().len(),
    })
}

/// May `person` do `permission` in `entity` on `at`?
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Decide {
    /// The registry's name in the engine.
    registry: String,
    /// The person's login.
    person: Login,
    /// The permission (`pupils:read`).
    permission: Permission,
    /// The entity (school) id.
    entity: EntityId,
    /// The date (Europe/Warsaw calendar day).
    #[serde(deserialize_with = "crate::ops::date::required")]
    at: NaiveDate,
    /// Whether to explain the decision in words (`explanation`); on by
    /// default. Off, `explanation` is empty and the call is several times
    /// cheaper; `allowed` and the structured `decision` are the same.
    #[serde(default = "yes")]
    explain: bool,
}

/// The default of `explain`.
fn yes() -> bool {
    true
}

#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Decided {
    /// Whether allowed.
    allowed: bool,
    /// The decision: the chain when allowed, the reasons when denied.
    decision: Decision,
    /// The decision explained in the engine's locale, one line per step;
    /// empty when the request says `"explain": false`.
    explanation: Vec<String>,
}

fn decide(engine: &Engine, req: Decide) -> Result<Decided, FfiError> {
    let decision = with_registry(engine, &req.registry, |r| {
        r.decide(&req.person, &req.permission, &req.entity, req.at)
    })?;
    Ok(Decided {
        allowed: decision.is_allowed(),
        explanation: if req.explain {
            decision.explain(engine.locale)
        } else {
            Vec::new()
        },
        decision,
    })
}

/// Who may do `permission` in `entity` on `at`?
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct WhoMay {
    /// The registry's name in the engine.
    registry: String,
    /// The permission.
    permission: Permission,
    /// The entity.
    entity: EntityId,
    /// The date.
    at: NaiveDate,
}

/// A person allowed, with the chain that allows him.
#[derive(Serialize, JsonSchema)]
pub(crate) struct Allowed {
    /// The person.
    person: Login,
    /// The chain.
    chain: Chain,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct WhoMayOut {
    /// Everyone allowed, sorted by login.
    people: Vec<Allowed>,
}

fn who_may(engine: &Engine, req: WhoMay) -> Result<WhoMayOut, FfiError> {
    let people = with_registry(engine, &req.registry, |r| {
        r.who_may(&req.permission, &req.entity, req.at)
    })?;
    Ok(WhoMayOut {
        people: people
            .into_iter()
            .map(|(person, chain)| Allowed { person, chain })
            .collect(),
    })
}

/// What may `person` do on `at`?
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct WhatMay {
    /// The registry's name in the engine.
    registry: String,
    /// The person.
    person: Login,
    /// The date.
    at: NaiveDate,
}

/// One access held.
#[derive(Serialize, JsonSchema)]
pub(crate) struct Access {
    /// The entity.
    entity: EntityId,
    /// The permission.
    permission: Permission,
    /// The chain that gives it.
    chain: Chain,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct WhatMayOut {
    /// Every access held.
    accesses: Vec<Access>,
}

fn what_may(engine: &Engine, req: WhatMay) -> Result<WhatMayOut, FfiError> {
    let accesses = with_registry(engine, &req.registry, |r| r.what_may(&req.person, req.at))?;
    Ok(WhatMayOut {
        accesses: accesses
            .into_iter()
            .map(|(entity, permission, chain)| Access {
                entity,
                permission,
                chain,
            })
            .collect(),
    })
}

/// What access in force on `at` ends before `before`?
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExpiringBefore {
    /// The registry's name in the engine.
    registry: String,
    /// The date of the reminder.
    at: NaiveDate,
    /// The first day no longer covered.
    before: NaiveDate,
}

/// One access about to end.
#[derive(Serialize, JsonSchema)]
pub(crate) struct ExpiringItem {
    /// The appointment or authorization.
    source: Source,
    /// Whose access.
    person: Login,
    /// In which entity.
    entity: EntityId,
    /// Its last day in force.
    last_day: NaiveDate,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct ExpiringOut {
    /// Every access ending before `before`.
    expiring: Vec<ExpiringItem>,
}

fn expiring_before(engine: &Engine, req: ExpiringBefore) -> Result<ExpiringOut, FfiError> {
    let list = with_registry(engine, &req.registry, |r| {
        r.expiring_before(req.at, req.before)
    })?;
    Ok(ExpiringOut {
        expiring: list
            .into_iter()
            .map(|e| ExpiringItem {
                source: e.source,
                person: e.person,
                entity: e.entity,
                last_day: e.last_day,
            })
            .collect(),
    })
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Exported {
    /// The accepted events, in order: replaying them rebuilds the registry.
    events: Vec<Event>,
}

fn export(engine: &Engine, req: Named) -> Result<Exported, FfiError> {
    let events = with_registry(engine, &req.registry, |r| r.log().to_vec())?;
    Ok(Exported { events })
}
