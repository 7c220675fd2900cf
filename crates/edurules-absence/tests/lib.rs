//! Public-API tests of `edurules-absence`.

// INVARIANT: test helpers outside `#[test]` functions unwrap fixtures built from constants; a
// failure there is a failed test, which is what a panic in a test means.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers: a panic is a failed test"
)]

#[cfg(feature = "arrow")]
mod arrow;
mod boundaries;
mod counting;
mod csv;
mod flags;
mod limits;
mod messages;
#[cfg(feature = "parquet")]
mod parquet;
mod properties;
mod reader;
mod streaming;
mod support;
