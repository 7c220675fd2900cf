//! Public-API tests of `edurules-deadline`: table cases worked by hand from
//! the statutes (in `tests/data/`, each citing its source) and properties.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] fns fail loudly on bad fixtures"
)]
mod calendar;
mod messages;
mod props;
mod rules;
mod sio;
mod term;

use chrono::NaiveDate;

pub(crate) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn load(name: &str) -> serde_json::Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
