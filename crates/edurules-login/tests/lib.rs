//! Public-API tests of `edurules-login`.

#[cfg(test)]
mod consolidation;
#[cfg(test)]
mod generator;
#[cfg(test)]
mod messages;
#[cfg(test)]
mod national_id;
#[cfg(test)]
mod normalize;
#[cfg(test)]
mod properties;
mod redaction;

/// Helpers shared by the test modules.
#[cfg(test)]
mod support {
    /// Reads a JSON file from `tests/data/`.
    pub(crate) fn data(name: &str) -> serde_json::Value {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The strings of a JSON array (empty when absent).
    pub(crate) fn strings(v: &serde_json::Value) -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default()
    }
}
