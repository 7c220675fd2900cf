//! The demo's `absence` section (grows with `edurules::absence`).

use crate::Section;
use serde_json::json;

/// The section of the report about `edurules::absence`.
pub(crate) fn section() -> Section {
    Section {
        title: "absence",
        lines: vec!["edurules::absence is not built yet.".to_owned()],
        data: json!(null),
    }
}
