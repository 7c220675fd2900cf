//! `decide` on 1,000 schools and 100,000 authorizations, against the same rule written as a
//! Cedar policy evaluated on the same data in the same run.
//!
//! The data: each school has a head (appointment 2025-09-01 – 2030-08-31) who authorized 100
//! employees in writing for `pupils:read` + `pupils:enter`; each employee holds the
//! `secretariat` role. Some authorizations end on 2026-02-28, the rest on 2026-08-31. Queries
//! ask "may employee X enter pupils' data in school S on date T?" for pseudo-random X and T.
//!
//! The Cedar side gets the same facts as entities (persons with their role permissions and
//! head appointments, schools, authorizations with grantee, grantor, school, permissions and
//! validity as day numbers) and one policy that permits when the authorization links
//! principal → resource with the permission, the date is within its validity, the grantor
//! heads the school that day (the engine runs in `Cascade` mode, which checks the same) and
//! the principal's role allows the action. Cedar is even handed the candidate authorization
//! in the context (it has no index to find it); requests are built outside the timing.
//!
//! `cargo bench -p edurules-benches --bench delegation`
//!
//! Figures on the project machine (2 cores shared with four other engineers' builds, fuzzers
//! and benches; criterion medians, 2026-11-23, final code):
//!
//! | load average | edurules `decide` | Cedar `is_authorized` | ratio |
//! |---|---|---|---|
//! | 2.0 | 275 ns | 18.0 µs | 65× |
//! | 2.2 | 250 ns | 16.7 µs | 67× |
//! | 3.0 | 398 ns | 19.2 µs | 48× |
//! | 5.8 | 446 ns | 19.4 µs | 44× |
//! | 6.0 | 985 ns | 27.6 µs | 28× |
//! | 5.4 | 1.19 µs | 16.9 µs | 14× |
//!
//! `decide` is bound by memory fetches on 100,000 records, so it suffers more than Cedar when
//! co-running processes evict the caches; on a quiet machine the ratio is about 65×. Earlier
//! versions: identifiers behind `Arc<str>` gave 2.8 µs vs 45 µs (16×) at load 7, a third of
//! the time in pointer chasing for key comparisons.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    reason = "benchmark set-up fails loudly on purpose"
)]

use cedar_policy::{
    Authorizer, Context, Decision as CedarDecision, Entities, EntityUid, PolicySet, Request,
};
use chrono::{Datelike, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use edurules_delegation::{
    AccessRequest, Appointment, AppointmentId, Authorization, AuthorizationId, DerivedGrantPolicy,
    DocumentRef, EntityId, Event, Login, Permission, Policy, Registry, RequestId, RoleName,
};
use serde_json::{Value, json};
use std::hint::black_box;
use std::str::FromStr;

const SCHOOLS: usize = 1_000;
const PER_SCHOOL: usize = 100;
const QUERIES: usize = 4_096;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

struct Data {
    registry: Registry,
    queries: Vec<(Login, EntityId, NaiveDate, usize, usize)>,
    permission: Permission,
}

/// A small deterministic generator (no `rand` dependency in the benches package).
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

fn until_of(k: usize) -> NaiveDate {
    if k.is_multiple_of(4) {
        d(2026, 2, 28)
    } else {
        d(2026, 8, 31)
    }
}

fn build() -> Data {
    let policy = Policy::sio().with_derived_grants(DerivedGrantPolicy::Cascade);
    let mut events = Vec::with_capacity(SCHOOLS * (1 + 3 * PER_SCHOOL));
    let on = d(2025, 9, 1);
    let perms = vec![
        Permission::parse("pupils:read").unwrap(),
        Permission::parse("pupils:enter").unwrap(),
    ];
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
    let registry = Registry::replay(policy, events).unwrap();
    assert!(
        registry.rejected().is_empty(),
        "{:?}",
        registry.rejected().first()
    );
    assert_eq!(registry.authorizations().count(), SCHOOLS * PER_SCHOOL);
    let mut rng = Lcg(7);
    let queries = (0..QUERIES)
        .map(|_| {
            let s = usize::try_from(rng.next()).unwrap() % SCHOOLS;
            let k = usize::try_from(rng.next()).unwrap() % PER_SCHOOL;
            let day = d(2025, 9, 1) + chrono::Days::new(rng.next() % 400);
            (
                Login::new(format!("e{s}_{k}")).unwrap(),
                EntityId::new(format!("S{s}")).unwrap(),
                day,
                s,
                k,
            )
        })
        .collect();
    Data {
        registry,
        queries,
        permission: Permission::parse("pupils:enter").unwrap(),
    }
}

fn uid(t: &str, id: &str) -> Value {
    json!({ "__entity": { "type": t, "id": id } })
}

fn cedar_entities() -> Entities {
    let mut list = Vec::with_capacity(SCHOOLS * (2 + 2 * PER_SCHOOL));
    let secretariat = ["pupils:read", "pupils:enter", "parents:enter", "sio:access"];
    for s in 0..SCHOOLS {
        let school = format!("S{s}");
        list.push(json!({ "uid": { "type": "School", "id": school }, "attrs": {}, "parents": [] }));
        list.push(json!({
            "uid": { "type": "Person", "id": format!("head{s}") },
            "attrs": {
                "head_of": uid("School", &school),
                "head_from": day_number(d(2025, 9, 1)),
                "head_until": day_number(d(2030, 8, 31)),
                "role_permissions": [],
            },
            "parents": []
        }));
        for k in 0..PER_SCHOOL {
            let emp = format!("e{s}_{k}");
            list.push(json!({
                "uid": { "type": "Person", "id": emp },
                "attrs": {
                    "head_of": uid("School", "none"),
                    "head_from": 0, "head_until": 0,
                    "role_permissions": secretariat,
                },
                "parents": []
            }));
            list.push(json!({
                "uid": { "type": "Authorization", "id": format!("a{s}_{k}") },
                "attrs": {
                    "grantee": uid("Person", &emp),
                    "grantor": uid("Person", &format!("head{s}")),
                    "school": uid("School", &school),
                    "permissions": ["pupils:read", "pupils:enter"],
                    "valid_from": day_number(d(2025, 9, 1)),
                    "valid_until": day_number(until_of(k)),
                    "written": true,
                },
                "parents": []
            }));
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

fn bench(c: &mut Criterion) {
    let data = build();
    let entities = cedar_entities();
    let policies = PolicySet::from_str(CEDAR_POLICY).unwrap();
    let authorizer = Authorizer::new();
    let action = EntityUid::from_str(r#"Action::"pupils:enter""#).unwrap();
    let requests: Vec<Request> = data
        .queries
        .iter()
        .map(|(_, _, day, s, k)| {
            let principal = EntityUid::from_str(&format!(r#"Person::"e{s}_{k}""#)).unwrap();
            let resource = EntityUid::from_str(&format!(r#"School::"S{s}""#)).unwrap();
            let context = Context::from_json_value(
                json!({ "authorization": uid("Authorization", &format!("a{s}_{k}")), "now": day_number(*day) }),
                None,
            )
            .unwrap();
            Request::new(principal, action.clone(), resource, context, None).unwrap()
        })
        .collect();

    // Both engines agree on every query before anything is timed.
    let mut allowed = 0;
    for (q, r) in data.queries.iter().zip(&requests) {
        let ours = data
            .registry
            .decide(&q.0, &data.permission, &q.1, q.2)
            .is_allowed();
        let theirs =
            authorizer.is_authorized(r, &policies, &entities).decision() == CedarDecision::Allow;
        assert_eq!(ours, theirs, "disagreement on {:?} {} {}", q.0, q.1, q.2);
        allowed += usize::from(ours);
    }
    assert!(
        allowed > QUERIES / 4 && allowed < QUERIES,
        "a mix of allowed and denied: {allowed}"
    );

    let mut group = c.benchmark_group("delegation/decide");
    let mut i = 0;
    group.bench_function("edurules", |b| {
        b.iter(|| {
            i = (i + 1) % QUERIES;
            let q = &data.queries[i];
            black_box(
                data.registry
                    .decide(black_box(&q.0), &data.permission, black_box(&q.1), q.2),
            )
        });
    });
    let mut j = 0;
    group.bench_function("cedar", |b| {
        b.iter(|| {
            j = (j + 1) % QUERIES;
            black_box(authorizer.is_authorized(black_box(&requests[j]), &policies, &entities))
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = bench
}
criterion_main!(benches);
