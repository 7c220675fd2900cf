//! [`Message`]: the one shape of every explained error and decision.

use crate::Locale;

/// Something a person is told: a stable machine code and a message in each
/// [`Locale`].
///
/// Every error enum of the edurules crates implements it, so a caller (the C
/// ABI, a web handler) renders any of them the same way, and the tests of
/// every crate sweep their messages through [`crate::lint`].
///
/// # Example
///
/// ```
/// use edurules_locale::{Locale, Message};
///
/// struct Late { days: u64 }
/// impl Message for Late {
///     fn code(&self) -> &'static str { "demo.late" }
///     fn message(&self, locale: Locale) -> String {
///         let days = locale.count(self.days, edurules_locale::nouns::DAY);
///         locale.pick(
///             format!("Spóźnienie: {days}."),
///             format!("Закъснение: {days}."),
///             format!("Late by {days}."),
///         )
///     }
/// }
/// assert_eq!(Late { days: 5 }.message(Locale::Pl), "Spóźnienie: 5 dni.");
/// assert_eq!(Late { days: 1 }.message(Locale::En), "Late by 1 day.");
/// ```
pub trait Message {
    /// The stable machine code, `crate.snake_case`: never translated, never
    /// changed once published.
    fn code(&self) -> &'static str;

    /// The text for a person, entirely in `locale`.
    fn message(&self, locale: Locale) -> String;
}
