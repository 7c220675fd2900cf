//! Unit tests of the policy: presets, validation, loading.

use super::*;

#[test]
fn presets_are_valid_and_round_trip() {
    for p in [Policy::sio(), Policy::strict()] {
        p.validate().unwrap();
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(Policy::from_json(&text).unwrap(), p);
    }
}

#[test]
fn validation_lists_every_problem() {
    let mut p = Policy::sio();
    p.head_permissions
        .push(Permission::parse("ghost:read").unwrap());
    p.institution_domains.push("Bad Domain".to_owned());
    p.institution_domains.push("sp7..opole.pl".to_owned());
    p.extension_window_months = 200;
    let DelegationError::InvalidPolicy { problems } = p.validate().unwrap_err() else {
        panic!("wrong error");
    };
    assert_eq!(problems.len(), 4, "{problems:?}");
}

#[test]
fn an_institutional_domain_cannot_hide_behind_dots() {
    let p = Policy::sio().with_institution_domains(["sp7.opole.pl"]);
    for email in [
        "sekretariat@sp7.opole.pl.",
        "sekretariat@.sp7.opole.pl",
        "sekretariat@kadry..sp7.opole.pl",
        "sekretariat@sp7..opole.pl",
    ] {
        assert!(!p.is_personal_email(email), "{email}");
    }
    assert!(p.is_personal_email("anna@poczta.example"));
    assert!(p.is_personal_email("anna@sp7-opole.pl"));
}

#[test]
fn dated_depth_versions_are_validated() {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut p = Policy::sio();
    p.depth_versions.swap(0, 1);
    p.depth_versions
        .push(DepthVersion::new(day(2020, 1, 1), 0, " "));
    let DelegationError::InvalidPolicy { problems } = p.validate().unwrap_err() else {
        panic!("wrong error");
    };
    let codes: Vec<&str> = problems.iter().map(PolicyProblem::code).collect();
    for code in [
        "delegation.policy.depth_versions_out_of_order",
        "delegation.policy.depth_version_without_basis",
        "delegation.policy.depth_version_out_of_range",
        "delegation.policy.latest_depth_version_disagrees",
    ] {
        assert!(codes.contains(&code), "{codes:?}");
    }
    assert!(problems.iter().all(|p| p.field() == "depth_versions"));
    // An invalid max_depth is one problem, not one per version.
    let mut p = Policy::sio();
    p.max_depth = 0;
    let DelegationError::InvalidPolicy { problems } = p.validate().unwrap_err() else {
        panic!("wrong error");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn mailbox_names_and_term_are_validated() {
    let mut p = Policy::sio();
    p.institutional_mailboxes.push("Sekretariat".to_owned());
    p.max_term_school_years = 0;
    let DelegationError::InvalidPolicy { problems } = p.validate().unwrap_err() else {
        panic!("wrong error");
    };
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[1].message(crate::Locale::Pl),
        "„Sekretariat” nie jest poprawną nazwą skrzynki: dozwolone są tylko małe litery łacińskie i cyfry"
    );
}

#[test]
fn a_permission_declared_twice_is_reported_once() {
    let mut p = Policy::sio();
    let first = p.permissions[0].clone();
    p.permissions.push(first.clone());
    p.permissions.push(first.clone());
    assert_eq!(
        p.problems(),
        vec![PolicyProblem::DuplicatePermission { permission: first }]
    );
}

#[test]
fn a_policy_saved_before_the_new_fields_loads_with_their_defaults() {
    let mut v = serde_json::to_value(Policy::sio()).unwrap();
    let map = v.as_object_mut().unwrap();
    for field in [
        "depth_versions",
        "max_term_school_years",
        "institutional_mailboxes",
    ] {
        map.remove(field);
    }
    let p = Policy::from_json(&v.to_string()).unwrap();
    assert!(p.depth_versions.is_empty());
    assert_eq!(p.max_term_school_years, DEFAULT_TERM_SCHOOL_YEARS);
    assert_eq!(
        p.institutional_mailboxes,
        Policy::sio().institutional_mailboxes
    );
    assert_eq!(p.max_depth_on(chrono::NaiveDate::MIN), DEFAULT_MAX_DEPTH);
}

#[test]
fn unknown_fields_are_refused() {
    let mut v = serde_json::to_value(Policy::sio()).unwrap();
    v["surprise"] = serde_json::json!(1);
    assert!(Policy::from_json(&v.to_string()).is_err());
}

#[test]
fn schema_names_the_fields() {
    let schema = schemars::schema_for!(Policy);
    let text = serde_json::to_string(&schema).unwrap();
    assert!(text.contains("derived_grants"));
    assert!(text.contains("institution_domains"));
}
