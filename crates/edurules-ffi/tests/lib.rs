//! The integration tests of edurules-ffi: the header against the code, the
//! conformance suite through the C ABI, and calls from several threads.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helpers fail loudly on purpose"
)]

mod abi;
mod allocations;
mod conformance;
mod decide;
mod header;
mod properties;
mod schemas;
