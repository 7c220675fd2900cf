#![doc = include_str!("../README.md")]

pub mod calendar;
mod error;
mod quote;
pub mod sio;
pub mod term;

pub use error::{DeadlineError, Locale};
pub use sio::{Deadline, Lateness, Rules, is_late, submission_deadline};
