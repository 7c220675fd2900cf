//! The language sweep: every message code of the crate rendered with sample values (a long
//! input, counts of 1, 2, 5, 12 and 22) in every locale, and checked by
//! `edurules_locale::lint`. Inside the crate so that the matches below are exhaustive: a new
//! variant does not compile until it has a sample here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail loudly on purpose"
)]

use crate::decision::{Decision, DenyReason, Link, Source};
use crate::error::DelegationError;
use crate::ids::{
    AppointmentId, AuthorizationId, DocumentRef, EntityId, Login, Permission, RequestId, RoleName,
};
use crate::policy::PolicyProblem;
use crate::rule::{RecordKind, Violation};
use crate::{Chain, Locale};
use chrono::NaiveDate;
use std::collections::BTreeSet;

const COUNTS: [u8; 5] = [1, 2, 5, 12, 22];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
/// A login longer than a message quotes (identifiers stop at 254 characters).
fn long() -> String {
    "ewa.kowalska-nowak.".repeat(6)
}
fn login(s: &str) -> Login {
    Login::new(s).unwrap()
}
fn logins() -> Vec<Login> {
    vec![login("ewa"), login(&long())]
}
fn ent() -> EntityId {
    EntityId::new("RSPO-12345").unwrap()
}
fn auth() -> AuthorizationId {
    AuthorizationId::new(format!("auth-{}", long())).unwrap()
}
fn appt() -> AppointmentId {
    AppointmentId::new("appt-1").unwrap()
}
fn perm(s: &str) -> Permission {
    Permission::parse(s).unwrap()
}

/// Every violation, each variant with several sample values.
fn violations() -> Vec<Violation> {
    let mut out = Vec::new();
    for p in logins() {
        out.push(Violation::GrantorWithoutAccess {
            grantor: p.clone(),
            entity: ent(),
            on: d(2026, 1, 1),
        });
        out.push(Violation::OverlappingHead {
            entity: ent(),
            other: appt(),
        });
        out.push(Violation::SelfGrant { person: p.clone() });
        out.push(Violation::Cycle { person: p.clone() });
        out.push(Violation::OwnRoles {
            person: p.clone(),
            entity: ent(),
        });
        for request in [None, Some(RequestId::new("req-1").unwrap())] {
            out.push(Violation::NoPendingRequest {
                grantee: p.clone(),
                request,
            });
        }
        out.push(Violation::NotRevoker {
            by: p.clone(),
            authorization: auth(),
        });
        out.push(Violation::NotRoleAdministrator {
            by: p.clone(),
            entity: ent(),
        });
    }
    out.push(Violation::StartsAfterGrantor {
        from: d(2026, 9, 1),
        grantor_last_day: d(2026, 8, 31),
    });
    out.push(Violation::EmptyScope {
        authorization: auth(),
    });
    out.push(Violation::MissingWrittenForm {
        authorization: auth(),
    });
    for n in COUNTS {
        let excess = (0..n).map(|i| perm(&format!("pupils:act{i}"))).collect();
        out.push(Violation::ExceedsGrantor { excess });
        out.push(Violation::TermTooLong {
            from: d(2025, 9, 1),
            until: d(2031, 8, 31),
            max_until: d(2030, 8, 31),
            school_years: n,
        });
        out.push(Violation::DepthExceeded {
            depth: n.saturating_add(1),
            max: n,
        });
    }
    out.push(Violation::TooLong {
        from: d(2026, 1, 1),
        until: d(2032, 1, 1),
        max_until: d(2030, 12, 31),
    });
    out.push(Violation::OutlivesGrantor {
        until: d(2027, 1, 1),
        grantor_last_day: d(2026, 8, 31),
    });
    for email in ["sekretariat@sp7.pl".to_owned(), "x".repeat(100_000)] {
        out.push(Violation::InstitutionalEmail { email });
    }
    out.push(Violation::ExtensionTooEarly {
        filed_on: d(2026, 1, 1),
        earliest: d(2026, 6, 1),
    });
    out.push(Violation::ExtensionAfterExpiry {
        authorization: auth(),
        last_day: d(2026, 8, 31),
    });
    out.push(Violation::OutOfOrder {
        on: d(2026, 1, 1),
        last: d(2026, 2, 1),
    });
    for p in logins() {
        out.push(Violation::UsedThatDay {
            person: p,
            on: d(2026, 3, 2),
            kind: RecordKind::Authorization,
            id: "auth-7".to_owned(),
        });
    }
    out.push(Violation::UsedThatDay {
        person: login("dyr"),
        on: d(2026, 3, 2),
        kind: RecordKind::RoleAssignment,
        id: "anna/SP7/secretariat".to_owned(),
    });
    out.push(Violation::Retroactive {
        from: d(2026, 1, 1),
        on: d(2026, 2, 1),
    });
    out.push(Violation::InvertedPeriod {
        from: d(2026, 2, 1),
        until: d(2026, 1, 1),
    });
    for kind in RECORD_KINDS {
        for id in ["g".to_owned(), "y".repeat(100_000)] {
            out.push(Violation::DuplicateId {
                kind,
                id: id.clone(),
            });
            out.push(Violation::UnknownReference {
                kind,
                id: id.clone(),
            });
            out.push(Violation::AlreadyEnded { kind, id });
        }
    }
    out
}

const RECORD_KINDS: [RecordKind; 6] = [
    RecordKind::Appointment,
    RecordKind::Authorization,
    RecordKind::Request,
    RecordKind::Permission,
    RecordKind::Role,
    RecordKind::RoleAssignment,
];

/// The variant's index, exhaustively: a new violation does not compile without an arm here.
fn violation_index(v: &Violation) -> usize {
    match v {
        Violation::GrantorWithoutAccess { .. } => 0,
        Violation::StartsAfterGrantor { .. } => 1,
        Violation::EmptyScope { .. } => 2,
        Violation::MissingWrittenForm { .. } => 3,
        Violation::ExceedsGrantor { .. } => 4,
        Violation::TooLong { .. } => 5,
        Violation::OutlivesGrantor { .. } => 6,
        Violation::OverlappingHead { .. } => 7,
        Violation::SelfGrant { .. } => 8,
        Violation::Cycle { .. } => 9,
        Violation::DepthExceeded { .. } => 10,
        Violation::NoPendingRequest { .. } => 11,
        Violation::InstitutionalEmail { .. } => 12,
        Violation::ExtensionTooEarly { .. } => 13,
        Violation::ExtensionAfterExpiry { .. } => 14,
        Violation::NotRevoker { .. } => 15,
        Violation::OwnRoles { .. } => 16,
        Violation::TermTooLong { .. } => 17,
        Violation::NotRoleAdministrator { .. } => 18,
        Violation::OutOfOrder { .. } => 19,
        Violation::Retroactive { .. } => 20,
        Violation::InvertedPeriod { .. } => 21,
        Violation::DuplicateId { .. } => 22,
        Violation::UnknownReference { .. } => 23,
        Violation::AlreadyEnded { .. } => 24,
        Violation::UsedThatDay { .. } => 25,
    }
}
const VIOLATION_VARIANTS: usize = 26;

/// The rule's index, exhaustively.
fn rule_index(r: crate::Rule) -> usize {
    use crate::Rule as R;
    match r {
        R::GrantorHoldsAccess => 0,
        R::WrittenForm => 1,
        R::Attenuation => 2,
        R::MaxValidity => 3,
        R::WithinGrantorTerm => 4,
        R::SingleHead => 5,
        R::NoSelfGrant => 6,
        R::NoCycle => 7,
        R::DelegationDepth => 8,
        R::PendingRequest => 9,
        R::PersonalEmail => 10,
        R::ExtensionWindow => 11,
        R::RevokerAuthority => 12,
        R::RoleAdministrator => 13,
        R::ChronologicalLog => 14,
        R::ValidPeriod => 15,
        R::KnownReferences => 16,
    }
}
const RULE_VARIANTS: usize = 17;

/// The kind's index, exhaustively.
fn record_kind_index(k: RecordKind) -> usize {
    match k {
        RecordKind::Appointment => 0,
        RecordKind::Authorization => 1,
        RecordKind::Request => 2,
        RecordKind::Permission => 3,
        RecordKind::Role => 4,
        RecordKind::RoleAssignment => 5,
    }
}

fn sources() -> Vec<Source> {
    vec![Source::Appointment(appt()), Source::Authorization(auth())]
}

fn reasons() -> Vec<DenyReason> {
    let mut out = vec![
        DenyReason::UnknownPermission {
            permission: perm(&format!("pupils:{}", long())),
        },
        DenyReason::NoGrant,
    ];
    for source in sources() {
        out.push(DenyReason::NotYetValid {
            source: source.clone(),
            from: d(2026, 1, 1),
        });
        out.push(DenyReason::Expired {
            source: source.clone(),
            last_day: d(2026, 8, 31),
        });
        out.push(DenyReason::PermissionNotGranted { source });
    }
    for p in logins() {
        out.push(DenyReason::Revoked {
            authorization: auth(),
            by: p.clone(),
            on: d(2026, 1, 1),
        });
        out.push(DenyReason::GrantorLostAccess {
            authorization: auth(),
            grantor: p,
            last_day: d(2026, 8, 31),
        });
    }
    out.push(DenyReason::NoRole {
        permission: perm("pupils:modify"),
    });
    out.push(DenyReason::VoidWithoutWrittenForm {
        authorization: auth(),
        on: d(2026, 1, 1),
    });
    out
}

/// The reason's index, exhaustively.
fn reason_index(r: &DenyReason) -> usize {
    match r {
        DenyReason::UnknownPermission { .. } => 0,
        DenyReason::NoGrant => 1,
        DenyReason::NotYetValid { .. } => 2,
        DenyReason::Expired { .. } => 3,
        DenyReason::Revoked { .. } => 4,
        DenyReason::GrantorLostAccess { .. } => 5,
        DenyReason::PermissionNotGranted { .. } => 6,
        DenyReason::NoRole { .. } => 7,
        DenyReason::VoidWithoutWrittenForm { .. } => 8,
    }
}
const REASON_VARIANTS: usize = 9;

fn links() -> Vec<Link> {
    let mut out = Vec::new();
    for p in logins() {
        out.push(Link::Appointment {
            id: appt(),
            person: p.clone(),
            from: d(2025, 9, 1),
            last_day: d(2030, 8, 31),
        });
        out.push(Link::Authorization {
            id: auth(),
            grantor: p.clone(),
            grantee: login("jan"),
            document: DocumentRef::new("upoważnienie nr 3/2025").unwrap(),
            valid_from: d(2025, 9, 1),
            last_day: d(2026, 8, 31),
        });
    }
    for last_day in [None, Some(d(2026, 6, 30))] {
        out.push(Link::Role {
            role: RoleName::new("secretariat").unwrap(),
            assigned_on: d(2025, 9, 1),
            last_day,
        });
    }
    out
}

/// The link's index, exhaustively.
fn link_index(l: &Link) -> usize {
    match l {
        Link::Appointment { .. } => 0,
        Link::Authorization { .. } => 1,
        Link::Role { .. } => 2,
    }
}

fn errors() -> Vec<DelegationError> {
    let mut out = Vec::new();
    for value in ["", "a b", &"z".repeat(100_000)] {
        out.extend(Login::new(value).err());
        out.extend(EntityId::new(value).err());
        out.extend(RoleName::new(value).err());
        out.extend(DocumentRef::new(value).err());
        out.extend(AppointmentId::new(value).err());
        out.extend(AuthorizationId::new(value).err());
        out.extend(RequestId::new(value).err());
        out.extend(Permission::parse(value).err());
    }
    let mut bad = crate::Policy::sio();
    bad.max_depth = 0;
    bad.max_validity_months = 0;
    out.extend(bad.validate().err());
    out.extend(crate::Policy::from_json("{\"max_depth\": 2}").err());
    out.extend(crate::Policy::from_json("{").err());
    out.extend(crate::Event::log_from_json("[{\"type\": \"nonsense\"}]").err());
    out.push(DelegationError::InvalidPolicy {
        problems: policy_problems(),
    });
    out.push(DelegationError::Rejected {
        violations: violations().into_iter().take(4).collect(),
    });
    out
}

/// The error's index, exhaustively.
fn error_index(e: &DelegationError) -> usize {
    match e {
        DelegationError::InvalidIdentifier { .. } => 0,
        DelegationError::InvalidPolicy { .. } => 1,
        DelegationError::Json { .. } => 2,
        DelegationError::Rejected { .. } => 3,
    }
}
const ERROR_VARIANTS: usize = 4;

fn policy_problems() -> Vec<PolicyProblem> {
    let mut out = vec![
        PolicyProblem::NoPermissions,
        PolicyProblem::DuplicatePermission {
            permission: perm("pupils:read"),
        },
        PolicyProblem::UnknownHeadPermission {
            permission: perm(&format!("pupils:{}", long())),
        },
        PolicyProblem::UnknownRolePermission {
            role: RoleName::new(long()).unwrap(),
            permission: perm("pupils:read"),
        },
        PolicyProblem::UnknownRoleAdminPermission {
            permission: perm("roles:assign"),
        },
        PolicyProblem::DepthVersionWithoutBasis {
            in_force_from: d(2019, 1, 1),
        },
        PolicyProblem::DepthVersionsOutOfOrder,
        PolicyProblem::InvalidMailbox {
            mailbox: edurules_locale::clip(&"Q".repeat(100_000)),
        },
        PolicyProblem::InvalidDomain {
            domain: "Szkoła..pl".into(),
        },
    ];
    for n in COUNTS {
        let big = usize::from(n);
        out.push(PolicyProblem::TooManyPermissions { declared: big });
        out.push(PolicyProblem::MaxDepth { value: n });
        out.push(PolicyProblem::MaxValidityMonths {
            value: u32::from(n),
        });
        out.push(PolicyProblem::ExtensionWindow {
            window: u32::from(n),
            max_validity: u32::from(n),
        });
        out.push(PolicyProblem::TooManyDepthVersions { listed: big });
        out.push(PolicyProblem::DepthVersionOutOfRange {
            in_force_from: d(2019, 1, 1),
            depth: n,
            max_depth: n,
        });
        out.push(PolicyProblem::LatestDepthVersionDisagrees {
            in_force_from: d(2019, 1, 1),
            depth: n,
            max_depth: n,
        });
        out.push(PolicyProblem::TermSchoolYears { value: n });
        out.push(PolicyProblem::TooManyMailboxes { listed: big });
    }
    out
}

/// The problem's index, exhaustively.
fn policy_problem_index(p: &PolicyProblem) -> usize {
    match p {
        PolicyProblem::NoPermissions => 0,
        PolicyProblem::TooManyPermissions { .. } => 1,
        PolicyProblem::DuplicatePermission { .. } => 2,
        PolicyProblem::UnknownHeadPermission { .. } => 3,
        PolicyProblem::UnknownRolePermission { .. } => 4,
        PolicyProblem::UnknownRoleAdminPermission { .. } => 5,
        PolicyProblem::MaxDepth { .. } => 6,
        PolicyProblem::MaxValidityMonths { .. } => 7,
        PolicyProblem::ExtensionWindow { .. } => 8,
        PolicyProblem::TooManyDepthVersions { .. } => 9,
        PolicyProblem::DepthVersionOutOfRange { .. } => 10,
        PolicyProblem::DepthVersionWithoutBasis { .. } => 11,
        PolicyProblem::DepthVersionsOutOfOrder => 12,
        PolicyProblem::LatestDepthVersionDisagrees { .. } => 13,
        PolicyProblem::TermSchoolYears { .. } => 14,
        PolicyProblem::TooManyMailboxes { .. } => 15,
        PolicyProblem::InvalidMailbox { .. } => 16,
        PolicyProblem::InvalidDomain { .. } => 17,
    }
}
const POLICY_PROBLEM_VARIANTS: usize = 18;

/// Fails with every problem `lint` finds, and for empty texts, texts over `max_bytes`, and
/// Polish or Bulgarian texts equal to the English.
fn check(what: &str, texts: [String; 3], max_bytes: usize, problems: &mut Vec<String>) {
    for (l, text) in Locale::ALL.into_iter().zip(&texts) {
        if text.trim().is_empty() {
            problems.push(format!("{what} [{l}]: empty"));
        }
        if text.len() > max_bytes {
            problems.push(format!("{what} [{l}]: {} bytes", text.len()));
        }
        for p in edurules_locale::lint::problems(l, text) {
            problems.push(format!("{what} [{l}]: {p}: {text}"));
        }
    }
    if texts[0] == texts[2] || texts[1] == texts[2] {
        problems.push(format!("{what}: not translated: {}", texts[2]));
    }
}

fn all(f: impl Fn(Locale) -> String) -> [String; 3] {
    Locale::ALL.map(f)
}

#[test]
fn every_message_is_whole_in_its_language() {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for v in violations() {
        seen.insert(("violation", violation_index(&v)));
        check(v.code(), all(|l| v.message(l)), 600, &mut problems);
    }
    for r in reasons() {
        seen.insert(("reason", reason_index(&r)));
        check(r.code(), all(|l| r.message(l)), 600, &mut problems);
    }
    for p in policy_problems() {
        seen.insert(("policy problem", policy_problem_index(&p)));
        check(p.code(), all(|l| p.message(l)), 600, &mut problems);
    }
    for s in sources() {
        check("source", all(|l| s.message(l)), 300, &mut problems);
    }
    for link in links() {
        seen.insert(("link", link_index(&link)));
        check("link", all(|l| link.message(l)), 600, &mut problems);
    }
    for e in errors() {
        seen.insert(("error", error_index(&e)));
        check(e.code(), all(|l| e.message(l)), 3000, &mut problems);
        let english = e.to_string();
        problems.extend(
            edurules_locale::lint::problems(Locale::En, &english)
                .into_iter()
                .map(|p| format!("{} Display: {p}: {english}", e.code())),
        );
    }
    let allowed = Decision::Allowed {
        chain: Chain::new(links()),
    };
    let denied = Decision::Denied { reasons: reasons() };
    for decision in [allowed, denied] {
        for l in Locale::ALL {
            for line in decision.explain(l) {
                problems.extend(
                    edurules_locale::lint::problems(l, &line)
                        .into_iter()
                        .map(|p| format!("explain [{l}]: {p}: {line}")),
                );
            }
        }
    }
    for rule in crate::Rule::ALL {
        seen.insert(("rule", rule_index(rule)));
        check(
            rule.code(),
            all(|l| rule.basis(l).to_owned()),
            400,
            &mut problems,
        );
    }
    for k in RECORD_KINDS {
        seen.insert(("record kind", record_kind_index(k)));
    }
    let expected: BTreeSet<_> = (0..VIOLATION_VARIANTS)
        .map(|i| ("violation", i))
        .chain((0..REASON_VARIANTS).map(|i| ("reason", i)))
        .chain((0..3).map(|i| ("link", i)))
        .chain((0..ERROR_VARIANTS).map(|i| ("error", i)))
        .chain((0..POLICY_PROBLEM_VARIANTS).map(|i| ("policy problem", i)))
        .chain((0..RECORD_KINDS.len()).map(|i| ("record kind", i)))
        .chain((0..RULE_VARIANTS).map(|i| ("rule", i)))
        .collect();
    let missing: Vec<_> = expected.difference(&seen).collect();
    assert!(missing.is_empty(), "no sample for {missing:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Prints every sample message, for a reader to check by eye:
/// `cargo test -p edurules-delegation --lib sweep::print -- --ignored --nocapture`.
#[test]
#[ignore = "prints for review"]
fn print() {
    let mut lines = Vec::new();
    for l in Locale::ALL {
        lines.extend(violations().iter().map(|v| v.message(l)));
        lines.extend(reasons().iter().map(|v| v.message(l)));
        lines.extend(links().iter().map(|v| v.message(l)));
        lines.extend(policy_problems().iter().map(|v| v.message(l)));
        lines.extend(errors().iter().map(|v| v.message(l)));
    }
    println!("{}", lines.join("\n"));
}
