#![cfg_attr(
    all(
        feature = "login",
        feature = "password",
        feature = "delegation",
        feature = "deadline",
        feature = "absence"
    ),
    doc = include_str!("../README.md")
)]
#![cfg_attr(
    not(all(
        feature = "login",
        feature = "password",
        feature = "delegation",
        feature = "deadline",
        feature = "absence"
    )),
    doc = "Rules of Polish and Bulgarian school information systems (the README's guide needs every feature)."
)]
//!
//! # Crate features
//!
//! Each domain crate is re-exported as a module behind a cargo feature of the
//! same name; all are on by default. A vendor who needs only the deadlines
//! turns the others off: `edurules = { git = "https://github.com/edurules/edurules",
//! tag = "v0.2.0", default-features = false, features = ["deadline"] }` until
//! the crates are published, `edurules = { version = "0.2", default-features =
//! false, features = ["deadline"] }` after. Features are additive: a
//! configuration valid with some stays valid with more (see [`RulesConfig`]).
//!
//! | feature | what it adds | default |
//! |---|---|---|
//! | `login` | `edurules::login` | on |
//! | `password` | `edurules::password`: checking candidates (with the zxcvbn strength estimate), rotation, stored-hash parsing | on |
//! | `password-hash` | argon2id hashing, verification and password changes (argon2; rayon runs one change's hashes on several cores) | on |
//! | `delegation` | `edurules::delegation` | on |
//! | `deadline` | `edurules::deadline` | on |
//! | `absence` | `edurules::absence` | on |
//! | `absence-arrow` | `edurules::absence::arrow`: absence records, the roster and the report as Arrow record batches (arrow-array, arrow-schema) | off |
//! | `absence-parquet` | `edurules::absence::parquet`: absence records and the roster read from Parquet files on both cores (the parquet crate with Snappy and Zstandard); `absence_report` reads `.parquet` | off |
//!
//! # Composition
//!
//! Besides the re-exports the facade holds only what joins the crates:
//! [`RulesConfig`] (every crate's policy or profile in one TOML or JSON
//! configuration, with the presets `poland-sio` and `bulgaria-isrm` and a JSON
//! Schema), [`Error`] (any crate's error, plus [`ConfigError`]), and the
//! workspace's one [`Locale`] with its [`Message`] trait, [`SchoolZone`],
//! plural [`nouns`] and the language [`lint`], re-exported from
//! `edurules-locale`. The guide for vendors
//! is `docs/guide.md`.

mod config;
mod config_error;
mod error;
mod locale;

pub use config::RulesConfig;
#[cfg(feature = "deadline")]
pub use config::{DeadlineConfig, DeadlineRules};
pub use edurules_locale::{Message, Noun, SchoolZone, iso, lint, nouns};
pub use error::{ConfigError, ConfigProblem, Error, Format};
pub use locale::Locale;

#[cfg(feature = "login")]
#[doc(inline)]
pub use edurules_login as login;

#[cfg(feature = "password")]
#[doc(inline)]
pub use edurules_password as password;

#[cfg(feature = "delegation")]
#[doc(inline)]
pub use edurules_delegation as delegation;

#[cfg(feature = "deadline")]
#[doc(inline)]
pub use edurules_deadline as deadline;

#[cfg(feature = "absence")]
#[doc(inline)]
pub use edurules_absence as absence;

/// `docs/guide.md`, compiled and run as doctests.
#[cfg(all(
    doctest,
    feature = "login",
    feature = "password",
    feature = "delegation",
    feature = "deadline",
    feature = "absence"
))]
#[doc = include_str!("../docs/guide.md")]
mod _guide {}
