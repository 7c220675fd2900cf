//! The demo's `delegation` section (grows with `edurules::delegation`).

use crate::Section;
use serde_json::json;

/// The section of the report about `edurules::delegation`.
pub(crate) fn section() -> Section {
    Section {
        title: "delegation",
        lines: vec!["edurules::delegation is not built yet.".to_owned()],
        data: json!(null),
    }
}
