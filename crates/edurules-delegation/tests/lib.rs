//! Public-API tests of `edurules-delegation`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helpers and the reference model fail loudly on purpose"
)]

mod common;
mod law_cases;
mod messages;
mod reference;
mod replay_cost;
mod rules;
mod scenarios;
