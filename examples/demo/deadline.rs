//! The demo's `deadline` section (grows with `edurules::deadline`).

use crate::Section;
use serde_json::json;

/// The section of the report about `edurules::deadline`.
pub(crate) fn section() -> Section {
    Section {
        title: "deadline",
        lines: vec!["edurules::deadline is not built yet.".to_owned()],
        data: json!(null),
    }
}
