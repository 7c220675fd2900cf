//! The C ABI and its JSON against the same work called in-process, in the
//! same run: `delegation.decide` on 1,000 schools and 100,000
//! authorizations (and Cedar's native evaluation of the same rule, as in
//! `benches/delegation.rs`), `delegation.decide_many` (decisions per second
//! on one core), `password.check` and `deadline.submission`.
//!
//! `cargo bench -p edurules-benches --features bench --bench ffi`
//!
//! Every ABI case calls `edurules_call` exactly as a C program does (bytes
//! in, a NUL-terminated envelope out, `edurules_free`, through
//! `edurules_ffi::abi::call_through_abi`), so the figure is the whole cost a
//! binding pays before its own JSON decoding.
//!
//! Each group also has an `overhead` case: every iteration times the work
//! in-process and then the same kind of work through the ABI, one right
//! after the other, and adds up the difference. The overhead is then read
//! from one measurement, not from two taken seconds apart on a virtual
//! machine whose speed drifts by tens of percent between them. Decisions
//! alternate between two halves of the questions, so that the ABI call does
//! not find the registry entries the in-process call has just warmed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "benchmark set-up fails loudly on purpose"
)]

use std::hint::black_box;
use std::str::FromStr;
use std::time::{Duration, Instant};

use cedar_policy::{Authorizer, Context, Entities, EntityUid, PolicySet, Request};
use chrono::{Datelike, NaiveDate};
use criterion::{Bencher, Criterion, Throughput, criterion_group, criterion_main};
use edurules::RulesConfig;
use edurules::delegation::{
    AccessRequest, Appointment, AppointmentId, Authorization, AuthorizationId, DerivedGrantPolicy,
    DocumentRef, EntityId, Event, Login, Permission, Policy, Registry, RequestId, RoleName,
};
use edurules_ffi::Engine;
use edurules_ffi::abi::call_through_abi;
use serde_json::{Value, json};

const SCHOOLS: usize = 1_000;
const PER_SCHOOL: usize = 100;
const QUERIES: usize = 4_096;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn until_of(k: usize) -> NaiveDate {
    if k.is_multiple_of(4) {
        d(2026, 2, 28)
    } else {
        d(2026, 8, 31)
    }
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// The same log as `benches/delegation.rs`.
fn events() -> Vec<Event> {
    let on = d(2025, 9, 1);
    let perms = vec![
        Permission::parse("pupils:read").unwrap(),
        Permission::parse("pupils:enter").unwrap(),
    ];
    let mut events = Vec::with_capacity(SCHOOLS * (1 + 3 * PER_SCHOOL));
    for s in 0..SCHOOLS {
        let school = EntityId::new(format!("S{s}")).unwrap();
        let head = Login::new(format!("head{s}")).unwrap();
        events.push(Event::AppointmentRecorded {
            appointment: Appointment::new(
                AppointmentId::new(format!("ap{s}")).unwrap(),
                head.clone(),
                school.clone(),
                on,
                d(2030, 8, 31),
            ),
            on,
        });
        for k in 0..PER_SCHOOL {
            let emp = Login::new(format!("e{s}_{k}")).unwrap();
            let req = RequestId::new(format!("r{s}_{k}")).unwrap();
            events.push(Event::RequestFiled {
                request: AccessRequest::new(
                    req.clone(),
                    emp.clone(),
                    school.clone(),
                    format!("e{s}_{k}@example.com"),
                    on,
                ),
            });
            events.push(Event::AuthorizationGranted {
                authorization: Authorization::new(
                    AuthorizationId::new(format!("a{s}_{k}")).unwrap(),
                    head.clone(),
                    emp.clone(),
                    school.clone(),
                    perms.clone(),
                    on,
                    until_of(k),
                )
                .with_document(DocumentRef::new(format!("upoważnienie {k}/{s}")).unwrap())
                .with_request(req),
                on,
            });
            events.push(Event::RoleAssigned {
                person: emp,
                entity: school.clone(),
                role: RoleName::new("secretariat").unwrap(),
                by: head.clone(),
                on,
            });
        }
    }
    events
}

fn queries() -> Vec<(usize, usize, NaiveDate)> {
    let mut rng = Lcg(7);
    (0..QUERIES)
        .map(|_| {
            let s = usize::try_from(rng.next()).unwrap() % SCHOOLS;
            let k = usize::try_from(rng.next()).unwrap() % PER_SCHOOL;
            (s, k, d(2025, 9, 1) + chrono::Days::new(rng.next() % 400))
        })
        .collect()
}

/// An engine, called through the C ABI (`edurules_call`, `edurules_free`).
struct Abi(Engine);

impl Abi {
    fn new(options: &str) -> Self {
        Self(Engine::new(options.as_bytes()).unwrap())
    }

    /// One call, as C makes it; the envelope's length.
    fn call(&self, op: &[u8], request: &[u8]) -> usize {
        call_through_abi(&self.0, op, request).len()
    }

    fn text(&self, op: &[u8], request: &[u8]) -> String {
        call_through_abi(&self.0, op, request)
    }
}

/// The `overhead` case: per iteration `i`, `native(i)` then `abi(i)`, each
/// timed; the sum of `abi` minus `native`.
fn overhead(b: &mut Bencher<'_>, mut native: impl FnMut(usize), mut abi: impl FnMut(usize)) {
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for i in 0..iters {
            let i = usize::try_from(i).unwrap_or(0);
            let t0 = Instant::now();
            native(i);
            let t1 = Instant::now();
            abi(i);
            let t2 = Instant::now();
            total += (t2 - t1).saturating_sub(t1 - t0);
        }
        total
    });
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn uid(t: &str, id: &str) -> Value {
    json!({ "__entity": { "type": t, "id": id } })
}

/// The Cedar side of `benches/delegation.rs`, unchanged.
fn cedar_entities() -> Entities {
    let mut list = Vec::with_capacity(SCHOOLS * (2 + 2 * PER_SCHOOL));
    let secretariat = ["pupils:read", "pupils:enter", "parents:enter", "sio:access"];
    for s in 0..SCHOOLS {
        let school = format!("S{s}");
        list.push(json!({ "uid": { "type": "School", "id": school }, "attrs": {}, "parents": [] }));
        list.push(
            json!({ "uid": { "type": "Person", "id": format!("head{s}") }, "attrs": {
            "head_of": uid("School", &school), "head_from": day_number(d(2025, 9, 1)),
            "head_until": day_number(d(2030, 8, 31)), "role_permissions": [] }, "parents": [] }),
        );
        for k in 0..PER_SCHOOL {
            let emp = format!("e{s}_{k}");
            list.push(json!({ "uid": { "type": "Person", "id": emp }, "attrs": {
                "head_of": uid("School", "none"), "head_from": 0, "head_until": 0,
                "role_permissions": secretariat }, "parents": [] }));
            list.push(
                json!({ "uid": { "type": "Authorization", "id": format!("a{s}_{k}") }, "attrs": {
                "grantee": uid("Person", &emp), "grantor": uid("Person", &format!("head{s}")),
                "school": uid("School", &school), "permissions": ["pupils:read", "pupils:enter"],
                "valid_from": day_number(d(2025, 9, 1)), "valid_until": day_number(until_of(k)),
                "written": true }, "parents": [] }),
            );
        }
    }
    Entities::from_json_value(Value::Array(list), None).unwrap()
}

const CEDAR_POLICY: &str = r#"
permit(principal is Person, action == Action::"pupils:enter", resource is School)
when {
  context.authorization.grantee == principal &&
  context.authorization.school == resource &&
  context.authorization.written &&
  context.authorization.permissions.contains("pupils:enter") &&
  context.authorization.valid_from <= context.now &&
  context.now <= context.authorization.valid_until &&
  context.authorization.grantor.head_of == resource &&
  context.authorization.grantor.head_from <= context.now &&
  context.now <= context.authorization.grantor.head_until &&
  principal.role_permissions.contains("pupils:enter")
};
"#;

fn delegation(c: &mut Criterion) {
    let policy = Policy::sio().with_derived_grants(DerivedGrantPolicy::Cascade);
    let events = events();
    let registry = Registry::replay(policy.clone(), events.clone()).unwrap();
    let abi = Abi::new(r#"{"preset":"poland-sio"}"#);
    let open =
        serde_json::to_vec(&json!({ "registry": "all", "policy": policy, "events": events }))
            .unwrap();
    let opened = abi.text(b"delegation.open@1", &open);
    assert!(
        opened.contains(r#""applied":301000,"refused":[]"#),
        "{}",
        &opened[..opened.len().min(300)]
    );
    drop(open);

    let queries = queries();
    let permission = Permission::parse("pupils:enter").unwrap();
    let native: Vec<(Login, EntityId, NaiveDate)> = queries
        .iter()
        .map(|&(s, k, day)| {
            (
                Login::new(format!("e{s}_{k}")).unwrap(),
                EntityId::new(format!("S{s}")).unwrap(),
                day,
            )
        })
        .collect();
    let requests: Vec<Vec<u8>> = queries
        .iter()
        .map(|&(s, k, day)| {
            format!(r#"{{"registry":"all","person":"e{s}_{k}","permission":"pupils:enter","entity":"S{s}","at":"{day}"}}"#)
                .into_bytes()
        })
        .collect();
    // The same questions without the explanation in words.
    let terse: Vec<Vec<u8>> = queries
        .iter()
        .map(|&(s, k, day)| {
            format!(r#"{{"registry":"all","person":"e{s}_{k}","permission":"pupils:enter","entity":"S{s}","at":"{day}","explain":false}}"#)
                .into_bytes()
        })
        .collect();
    // The ABI answers as the crate does.
    for ((q, r), t) in native.iter().zip(&requests).zip(&terse) {
        let ours = registry.decide(&q.0, &permission, &q.1, q.2).is_allowed();
        let text = abi.text(b"delegation.decide@1", r);
        assert_eq!(text.contains(r#""allowed":true"#), ours, "{text}");
        let text = abi.text(b"delegation.decide@1", t);
        assert_eq!(text.contains(r#""allowed":true"#), ours, "{text}");
        assert!(text.contains(r#""explanation":[]"#), "{text}");
    }
    let entities = cedar_entities();
    let policies = PolicySet::from_str(CEDAR_POLICY).unwrap();
    let authorizer = Authorizer::new();
    let action = EntityUid::from_str(r#"Action::"pupils:enter""#).unwrap();
    let cedar: Vec<Request> = queries
        .iter()
        .map(|&(s, k, day)| {
            let context = Context::from_json_value(
                json!({ "authorization": uid("Authorization", &format!("a{s}_{k}")), "now": day_number(day) }),
                None,
            )
            .unwrap();
            Request::new(
                EntityUid::from_str(&format!(r#"Person::"e{s}_{k}""#)).unwrap(),
                action.clone(),
                EntityUid::from_str(&format!(r#"School::"S{s}""#)).unwrap(),
                context,
                None,
            )
            .unwrap()
        })
        .collect();

    let mut group = c.benchmark_group("ffi/delegation.decide");
    let mut i = 0;
    group.bench_function("in-process", |b| {
        b.iter(|| {
            i = (i + 1) % QUERIES;
            let q = &native[i];
            black_box(registry.decide(black_box(&q.0), &permission, black_box(&q.1), q.2))
        });
    });
    // The same work as the operation: the decision and its explanation.
    let mut i2 = 0;
    group.bench_function("in-process + explain", |b| {
        b.iter(|| {
            i2 = (i2 + 1) % QUERIES;
            let q = &native[i2];
            let decision = registry.decide(black_box(&q.0), &permission, black_box(&q.1), q.2);
            black_box(decision.explain(edurules::delegation::Locale::Pl));
            black_box(decision)
        });
    });
    let mut j = 0;
    group.bench_function("c-abi", |b| {
        b.iter(|| {
            j = (j + 1) % QUERIES;
            black_box(abi.call(b"delegation.decide@1", black_box(&requests[j])))
        });
    });
    let mut j2 = 0;
    group.bench_function("c-abi explain=false", |b| {
        b.iter(|| {
            j2 = (j2 + 1) % QUERIES;
            black_box(abi.call(b"delegation.decide@1", black_box(&terse[j2])))
        });
    });
    // The in-process call on one half of the questions, the ABI call on the
    // other half.
    let other = |i: usize| (i + QUERIES / 2) % QUERIES;
    group.bench_function("overhead, explained", |b| {
        overhead(
            b,
            |i| {
                let q = &native[i % QUERIES];
                let decision = registry.decide(black_box(&q.0), &permission, black_box(&q.1), q.2);
                black_box(decision.explain(edurules::delegation::Locale::Pl));
                black_box(decision);
            },
            |i| {
                black_box(abi.call(b"delegation.decide@1", black_box(&requests[other(i)])));
            },
        );
    });
    group.bench_function("overhead, explain=false", |b| {
        overhead(
            b,
            |i| {
                let q = &native[i % QUERIES];
                black_box(registry.decide(black_box(&q.0), &permission, black_box(&q.1), q.2));
            },
            |i| {
                black_box(abi.call(b"delegation.decide@1", black_box(&terse[other(i)])));
            },
        );
    });
    let mut k = 0;
    group.bench_function("cedar", |b| {
        b.iter(|| {
            k = (k + 1) % QUERIES;
            black_box(authorizer.is_authorized(black_box(&cedar[k]), &policies, &entities))
        });
    });
    group.finish();

    let batch = serde_json::to_vec(&json!({
        "registry": "all",
        "queries": queries.iter().map(|&(s, k, day)| json!({
            "person": format!("e{s}_{k}"), "permission": "pupils:enter", "entity": format!("S{s}"), "at": day,
        })).collect::<Vec<_>>(),
    }))
    .unwrap();
    let mut group = c.benchmark_group("ffi/delegation.decide_many");
    group.throughput(Throughput::Elements(QUERIES as u64));
    // The same work in-process: each query's ids made from its strings, as
    // the operation does, and decided.
    let strings: Vec<(String, String, NaiveDate)> = queries
        .iter()
        .map(|&(s, k, day)| (format!("e{s}_{k}"), format!("S{s}"), day))
        .collect();
    group.bench_function("in-process 4096 queries", |b| {
        b.iter(|| {
            let allowed: Vec<bool> = strings
                .iter()
                .map(|(person, entity, day)| {
                    let person = Login::new(black_box(person.as_str())).unwrap();
                    let entity = EntityId::new(black_box(entity.as_str())).unwrap();
                    registry
                        .decide(&person, &permission, &entity, *day)
                        .is_allowed()
                })
                .collect();
            black_box(allowed)
        });
    });
    // The same, asking only whether each is allowed, as the operation does.
    group.bench_function("in-process 4096 queries, allows", |b| {
        b.iter(|| {
            let allowed: Vec<bool> = strings
                .iter()
                .map(|(person, entity, day)| {
                    let person = Login::try_from(black_box(person.as_str())).unwrap();
                    let entity = EntityId::try_from(black_box(entity.as_str())).unwrap();
                    registry.allows(&person, &permission, &entity, *day)
                })
                .collect();
            black_box(allowed)
        });
    });
    group.bench_function("c-abi 4096 queries", |b| {
        b.iter(|| black_box(abi.call(b"delegation.decide_many@1", black_box(&batch))));
    });
    group.finish();
}

fn password_and_deadline(c: &mut Criterion) {
    let config = RulesConfig::preset("poland-sio").unwrap();
    let policy = config.password().unwrap().clone();
    let abi = Abi::new(r#"{"preset":"poland-sio"}"#);
    let user = edurules::password::UserContext::default();
    let candidate = "Kreda-Tablica-7";
    let request = format!(r#"{{"password":"{candidate}"}}"#).into_bytes();
    assert!(
        abi.text(b"password.check@1", &request)
            .contains(r#""accepted":true"#)
    );
    let mut group = c.benchmark_group("ffi/password.check");
    group.bench_function("in-process", |b| {
        b.iter(|| {
            black_box(edurules::password::check(
                &policy,
                &edurules::password::Password::new(black_box(candidate)),
                &user,
            ))
        })
    });
    group.bench_function("c-abi", |b| {
        b.iter(|| black_box(abi.call(b"password.check@1", black_box(&request))))
    });
    group.bench_function("overhead", |b| {
        overhead(
            b,
            |_| {
                let _ = black_box(edurules::password::check(
                    &policy,
                    &edurules::password::Password::new(black_box(candidate)),
                    &user,
                ));
            },
            |_| {
                black_box(abi.call(b"password.check@1", black_box(&request)));
            },
        );
    });
    group.finish();

    let rules = edurules::deadline::Rules::builtin().unwrap();
    let category = "art. 8 pkt 1 lit. d";
    let changed = d(2025, 12, 19);
    let request = br#"{"category":"art. 8 pkt 1 lit. d","change_date":"2025-12-19"}"#;
    assert!(
        abi.text(b"deadline.submission@1", request)
            .contains(r#""due_date":"2025-12-29""#)
    );
    let mut group = c.benchmark_group("ffi/deadline.submission");
    group.bench_function("in-process", |b| {
        b.iter(|| black_box(rules.deadline(black_box(category), black_box(changed))))
    });
    // The same work as the operation: the deadline, its steps and legal basis.
    group.bench_function("in-process + explain", |b| {
        b.iter(|| {
            let d = rules
                .deadline(black_box(category), black_box(changed))
                .unwrap();
            let locale = edurules::deadline::Locale::Pl;
            black_box((d.explain(locale), d.legal_basis(locale), d))
        })
    });
    group.bench_function("c-abi", |b| {
        b.iter(|| black_box(abi.call(b"deadline.submission@1", black_box(request))))
    });
    group.bench_function("overhead", |b| {
        overhead(
            b,
            |_| {
                let d = rules
                    .deadline(black_box(category), black_box(changed))
                    .unwrap();
                let locale = edurules::deadline::Locale::Pl;
                black_box((d.explain(locale), d.legal_basis(locale), d));
            },
            |_| {
                black_box(abi.call(b"deadline.submission@1", black_box(request)));
            },
        );
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = delegation, password_and_deadline
}
criterion_main!(benches);
