//! # edurules-locale
//!
//! The languages of edurules messages, shared by every crate of the
//! workspace: one [`Locale`] (Polish, Bulgarian, English), counting with the
//! right plural form ([`Locale::count`]), numbers with the locale's decimal
//! separator ([`Locale::decimal`]), dates in the language's own form
//! ([`Locale::date`]) and times in the school's zone ([`SchoolZone`]),
//! bounded quoting of user input ([`Locale::quote`]), the [`Message`] trait
//! every error implements, and [`lint`], the check every crate's message
//! test runs so that no message carries text of another language.
//!
//! It holds no rules: it is not a domain crate, so the domain crates may all
//! depend on it and still never on each other.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use edurules_locale::{Locale, nouns};
//!
//! let l = Locale::Pl;
//! let due = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
//! let text = format!(
//!     "Termin mija {}; zostało {}. Nieobecności: {}.",
//!     l.date(due),
//!     l.count(2, nouns::DAY),
//!     l.count_decimal(415, 1, nouns::HOUR),
//! );
//! assert_eq!(text, "Termin mija 7 grudnia 2026 r.; zostało 2 dni. Nieobecności: 41,5 godziny.");
//! assert!(edurules_locale::lint::problems(l, &text).is_empty());
//! ```
//!
//! # Dependencies, and why
//! - `icu_plurals`, `icu_decimal`, `icu_locale_core`, `fixed_decimal`
//!   (ICU4X, Unicode-3.0 licence): CLDR's plural rules and number formats,
//!   with their data compiled in, rather than hand-written rules.
//! - `chrono`, `chrono-tz`: dates, and the IANA time zone database for a
//!   school's wall-clock time.
//! - `serde`, `schemars`: [`Locale`] and [`SchoolZone`] in configuration and
//!   JSON, with a schema.
//! - `thiserror`: [`LocaleError`].

#![deny(missing_docs)]

mod date;
mod error;
pub mod iso;
pub mod lint;
mod locale;
mod message;
pub mod nouns;
mod number;
mod plural;
mod quote;

pub use date::SchoolZone;
pub use error::LocaleError;
pub use locale::Locale;
pub use message::Message;
pub use plural::Noun;
pub use quote::{MAX_QUOTED_CHARS, clip, is_invisible, needs_escape};
