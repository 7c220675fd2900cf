//! Public-API tests of `edurules-delegation`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helpers and the reference model fail loudly on purpose"
)]

mod common;
mod messages;
mod reference;
mod rules;
mod scenarios;
