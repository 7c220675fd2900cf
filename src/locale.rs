//! The workspace's one [`Locale`], from `edurules-locale`: every domain
//! crate re-exports the same type, so a caller chooses the language once.

pub use edurules_locale::Locale;
