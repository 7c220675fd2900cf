#![doc = include_str!("../README.md")]
//!
//! # Crate features
//!
//! Each domain crate is re-exported as a module behind a cargo feature of the
//! same name; all are on by default. A vendor who needs only the deadlines
//! writes `edurules = { version = "0.1", default-features = false, features = ["deadline"] }`.

mod error;

pub use error::Error;

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
