//! Criterion benchmarks of the edurules crates.
//!
//! Each file in `benches/benches/` measures one crate against a named baseline
//! in the same run, and prints the ratio. Run them all with
//! `cargo bench -p edurules-benches --features bench`; CI runs them once as tests with
//! `cargo bench -p edurules-benches --features bench -- --test` so they never rot.
