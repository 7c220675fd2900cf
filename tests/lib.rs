//! The facade's tests: the composed configuration, its JSON Schema, and the
//! messages of every crate in every language.

#[cfg(test)]
mod config;
#[cfg(test)]
mod language;
#[cfg(test)]
mod messages;
