//! Dates in requests: `YYYY-MM-DD` read digit by digit, any other text by
//! chrono, so that the dates accepted and the errors are chrono's.
//! Parsing through chrono's format machinery was a fifth of a
//! `decide_many` query's cost.

use chrono::NaiveDate;
use serde::Deserialize;

/// An optional date: `YYYY-MM-DD` read digit by digit, any other text by
/// chrono (so the dates accepted are chrono's), `null` as none. The text is
/// read in place, not copied into a `String`.
pub(crate) fn optional<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    /// A date read by [`required`].
    struct Required(NaiveDate);
    impl<'de> Deserialize<'de> for Required {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            required(d).map(Required)
        }
    }
    Ok(Option::<Required>::deserialize(d)?.map(|r| r.0))
}

/// A date as chrono's `Deserialize` reads it (the same dates, errors and
/// expectation), `YYYY-MM-DD` read digit by digit.
pub(crate) fn required<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    struct Date;
    impl serde::de::Visitor<'_> for Date {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a formatted date string")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            parse_date(text).map_err(E::custom)
        }
    }
    d.deserialize_str(Date)
}

/// `YYYY-MM-DD` read digit by digit, any other text by chrono (so the dates
/// accepted, and the errors, are chrono's).
fn parse_date(text: &str) -> Result<NaiveDate, chrono::ParseError> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        let part = bytes.get(range)?;
        part.iter().try_fold(0_u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let fast = match (bytes.len(), bytes.get(4), bytes.get(7)) {
        (10, Some(b'-'), Some(b'-')) => match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(day)) => i32::try_from(y)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, day)),
            _ => None,
        },
        _ => None,
    };
    fast.map_or_else(|| text.parse::<NaiveDate>(), Ok)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use serde_json::json;

    /// The fast path's dates are chrono's: every text of ten characters
    /// shaped like a date (digits or not, valid or not) and a few others
    /// give what chrono's parser gives.
    #[test]
    fn fast_dates_are_chrono_dates() {
        #[derive(serde::Deserialize)]
        struct At {
            #[serde(default, deserialize_with = "super::optional")]
            at: Option<NaiveDate>,
        }
        let parse = |text: &str| {
            serde_json::from_value::<At>(json!({ "at": text }))
                .ok()
                .map(|a| a.at)
        };
        for text in [
            "2026-03-03",
            "2024-02-29",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-01-32",
            "0000-01-01",
            "9999-12-31",
            "2026-3-3",
            "2026/03/03",
            "+2026-03-03",
            " 2026-03-03",
            "2026-03-03 ",
            "20260303",
            "",
            "２０２６-03-03",
            "2026-03-0x",
        ] {
            assert_eq!(
                parse(text),
                text.parse::<NaiveDate>().ok().map(Some),
                "{text}"
            );
        }
        assert_eq!(
            serde_json::from_value::<At>(json!({ "at": null }))
                .unwrap()
                .at,
            None
        );
        assert_eq!(serde_json::from_value::<At>(json!({})).unwrap().at, None);
    }

    proptest! {
        #[test]
        fn any_date_shaped_text_parses_as_chrono(y in 0_u32..10_000, m in 0_u32..14, d in 0_u32..33) {
            #[derive(serde::Deserialize)]
            struct At {
                #[serde(deserialize_with = "super::optional")]
                at: Option<NaiveDate>,
            }
            let text = format!("{y:04}-{m:02}-{d:02}");
            let ours = serde_json::from_value::<At>(json!({ "at": text })).ok().map(|a| a.at);
            prop_assert_eq!(ours, text.parse::<NaiveDate>().ok().map(Some));
        }
    }
}
