#![doc = include_str!("../README.md")]

pub mod abi;
mod details;
mod engine;
pub mod envelope;
mod error;
mod json;
mod ops;

pub use engine::{
    Engine, EngineOptions, MAX_OPERATION_BYTES, MAX_REGISTRIES, MAX_REGISTRY_NAME_BYTES,
    MAX_REQUEST_BYTES,
};
pub use error::FfiError;
pub use ops::{operations, schemas};

/// The version of the protocol: the `@N` every operation of this library
/// answers at most. An operation's request and response at one version only
/// ever gain optional fields.
pub const PROTOCOL_VERSION: u32 = 1;

/// The version of this library (the crate's).
pub const LIBRARY_VERSION: &str = env!("CARGO_PKG_VERSION");
