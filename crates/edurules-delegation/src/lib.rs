#![doc = include_str!("../README.md")]

mod decision;
mod error;
mod event;
mod ids;
mod locale;
mod policy;
mod registry;
mod rule;
#[cfg(test)]
mod sweep;
mod time;

pub use decision::{Chain, Decision, DenyReason, Link, Source};
pub use error::DelegationError;
pub use event::{AccessRequest, Appointment, Authorization, Event};
pub use ids::{
    AppointmentId, AuthorizationId, DocumentRef, EntityId, Login, MAX_ID_CHARS, Permission,
    RequestId, RoleName,
};
pub use locale::Locale;
pub use policy::{
    DEFAULT_EXTENSION_WINDOW_MONTHS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_VALIDITY_MONTHS,
    DEFAULT_TERM_SCHOOL_YEARS, DepthVersion, DerivedGrantPolicy, MAX_DEPTH, MAX_MAILBOXES,
    MAX_PERMISSIONS, MAX_TERM_SCHOOL_YEARS, MAX_VALIDITY_MONTHS, MAX_VERSIONS, Policy,
    PolicyProblem,
};
pub use registry::{
    AppointmentRecord, AuthorizationRecord, Expiring, Registry, RejectedEvent, RequestRecord,
    Revocation, RoleRecord,
};
pub use rule::{RecordKind, Rule, Violation};
pub use time::warsaw_date;
