#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod calendar;
mod error;
pub mod sio;
pub mod term;
mod text;

pub use error::{DeadlineError, Locale};
pub use sio::{Deadline, Lateness, Rules, is_late, submission_deadline};
