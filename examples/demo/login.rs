//! The demo's `login` section (grows with `edurules::login`).

use crate::Section;
use serde_json::json;

/// The section of the report about `edurules::login`.
pub(crate) fn section() -> Section {
    Section {
        title: "login",
        lines: vec!["edurules::login is not built yet.".to_owned()],
        data: json!(null),
    }
}
