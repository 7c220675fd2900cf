//! The demo's `password` section (grows with `edurules::password`).

use crate::Section;
use serde_json::json;

/// The section of the report about `edurules::password`.
pub(crate) fn section() -> Section {
    Section {
        title: "password",
        lines: vec!["edurules::password is not built yet.".to_owned()],
        data: json!(null),
    }
}
