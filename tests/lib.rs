//! The facade's tests: the composed configuration, its JSON Schema, and the
//! messages of every crate in every language.

#[cfg(test)]
mod absence_parquet_cli;
#[cfg(test)]
mod config;
/// The examples' `--json` envelope, shared with them.
#[cfg(test)]
#[path = "../examples/cli/envelope.rs"]
mod envelope;
#[cfg(test)]
mod examples_cli;
#[cfg(test)]
mod language;
#[cfg(test)]
mod messages;
