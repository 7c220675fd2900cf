//! How a deadline's term is written as JSON: its keys in alphabetical order,
//! the tag among them, as the JSON protocol of `edurules-ffi` sorts every
//! object's keys; the derived, tag-first form had to be moved and sorted on
//! every answer. The names, tag and values are those the derived form wrote,
//! and `Deserialize` (derived) reads both orders.

use edurules_locale::iso::Iso as Date;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::DeadlineTerm;

/// A term is written as an object tagged `kind` (`"days"`, `"after_quarter_end"`,
/// `"fixed_date"`), its keys in alphabetical order, the tag among them.
///
/// # Example
///
/// ```
/// use edurules_deadline::sio::DeadlineTerm;
/// let t = DeadlineTerm::Days { days: 7 };
/// let json = serde_json::to_string(&t).unwrap();
/// assert_eq!(json, r#"{"days":7,"kind":"days"}"#);
/// assert_eq!(serde_json::from_str::<DeadlineTerm>(&json).unwrap(), t);
/// ```
impl Serialize for DeadlineTerm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DeadlineTerm::Days { days } => {
                let mut o = s.serialize_struct("DeadlineTerm", 2)?;
                o.serialize_field("days", days)?;
                o.serialize_field("kind", "days")?;
                o.end()
            }
            DeadlineTerm::AfterQuarterEnd { days, quarter_end } => {
                let mut o = s.serialize_struct("DeadlineTerm", 3)?;
                o.serialize_field("days", days)?;
                o.serialize_field("kind", "after_quarter_end")?;
                o.serialize_field("quarter_end", &Date(quarter_end))?;
                o.end()
            }
            DeadlineTerm::FixedDate {
                covers_from,
                covers_to,
            } => {
                let mut o = s.serialize_struct("DeadlineTerm", 3)?;
                o.serialize_field("covers_from", &Date(covers_from))?;
                o.serialize_field("covers_to", &Date(covers_to))?;
                o.serialize_field("kind", "fixed_date")?;
                o.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Which variant a term is: a new variant fails to compile here until it has a case below.
    fn variant(t: &DeadlineTerm) -> usize {
        match t {
            DeadlineTerm::Days { .. } => 0,
            DeadlineTerm::AfterQuarterEnd { .. } => 1,
            DeadlineTerm::FixedDate { .. } => 2,
        }
    }

    /// Every term as JSON, worked by hand from the derived, tag-first form (the same names,
    /// values and tag, the keys now sorted), and read back as the same term.
    #[test]
    fn every_term_is_written_in_key_order_with_its_tag() {
        let cases = [
            (
                DeadlineTerm::Days { days: 7 },
                r#"{"days":7,"kind":"days"}"#,
            ),
            (
                DeadlineTerm::AfterQuarterEnd {
                    days: 14,
                    quarter_end: day(2025, 12, 31),
                },
                r#"{"days":14,"kind":"after_quarter_end","quarter_end":"2025-12-31"}"#,
            ),
            (
                DeadlineTerm::FixedDate {
                    covers_from: day(2025, 9, 1),
                    covers_to: day(2026, 8, 31),
                },
                r#"{"covers_from":"2025-09-01","covers_to":"2026-08-31","kind":"fixed_date"}"#,
            ),
        ];
        let mut seen = [false; 3];
        for (term, json) in &cases {
            seen[variant(term)] = true;
            assert_eq!(&serde_json::to_string(term).unwrap(), json);
            assert_eq!(&serde_json::from_str::<DeadlineTerm>(json).unwrap(), term);
            // Sorted: the same text as serde_json's `Value`, whose maps sort their keys.
            let value = serde_json::to_value(term).unwrap();
            assert_eq!(&value.to_string(), json);
        }
        assert!(seen.iter().all(|s| *s), "a term without a case");
        // A year chrono writes with a sign is written as chrono writes it.
        let far = DeadlineTerm::AfterQuarterEnd {
            days: 1,
            quarter_end: day(10_000, 3, 31),
        };
        assert!(
            serde_json::to_string(&far)
                .unwrap()
                .contains(r#""quarter_end":"+10000-03-31""#)
        );
    }
}
