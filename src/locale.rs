//! The workspace's one [`Locale`] (from `edurules-locale`), and the bridge
//! to the domain crates' locale types while they still have their own.

pub use edurules_locale::Locale;

/// `locale` as the locale type of a domain crate, through its serde name
/// (`"pl"`, `"bg"`, `"en"`).
///
/// Transitional: once every domain crate re-exports
/// `edurules_locale::Locale`, `L` is `Locale` itself, and the call sites can
/// pass `locale` directly (this function then only round-trips). `None`
/// only for a type that does not take the three codes.
#[cfg(any(
    feature = "login",
    feature = "password",
    feature = "delegation",
    feature = "deadline",
    feature = "absence"
))]
pub(crate) fn of<L: serde::de::DeserializeOwned>(locale: Locale) -> Option<L> {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        locale.code().into_deserializer();
    L::deserialize(de).ok()
}

#[cfg(all(test, feature = "login"))]
mod tests {
    use super::*;

    #[test]
    fn every_locale_reaches_a_crate_locale() {
        for l in Locale::ALL {
            let c: edurules_login::Locale = of(l).unwrap();
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{l}\""));
        }
    }
}
