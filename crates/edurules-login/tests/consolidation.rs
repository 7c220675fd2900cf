//! `plan_consolidation`, table-driven from `tests/data/consolidation.json` (seed 001).

use edurules_login::{ConflictKind, ConsolidationCase, LegacyAccount, Login, plan_consolidation};

use crate::support::{data, strings};

fn candidates(case: &ConsolidationCase) -> Vec<String> {
    match case {
        ConsolidationCase::KeepUnchanged { login } => vec![login.to_string()],
        ConsolidationCase::ChooseAmongCanonical { candidates }
        | ConsolidationCase::ChooseCanonicalOverLegacy { candidates } => {
            candidates.iter().map(Login::to_string).collect()
        }
        _ => Vec::new(),
    }
}

#[test]
fn seed_cases() {
    let table = data("consolidation.json");
    for case in table["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let accounts: Vec<LegacyAccount> =
            serde_json::from_value(case["accounts"].clone()).unwrap();
        let plan = plan_consolidation(&accounts);
        let rule = case["rule"].as_u64().map(|r| u8::try_from(r).unwrap());
        assert_eq!(plan.case.rule(), rule, "{name}");
        assert_eq!(
            candidates(&plan.case),
            strings(&case["candidates"]),
            "{name}"
        );
        assert_eq!(plan.retire, strings(&case["retire"]), "{name}");
        assert_eq!(
            plan.entities.iter().cloned().collect::<Vec<_>>(),
            strings(&case["entities"]),
            "{name}"
        );
        assert_eq!(plan.inactive, strings(&case["inactive"]), "{name}");
        let unrecognized: Vec<String> = plan.unrecognized.iter().map(|u| u.login.clone()).collect();
        assert_eq!(unrecognized, strings(&case["unrecognized"]), "{name}");
        let conflicts = serde_json::to_value(&plan.conflicts).unwrap();
        assert_eq!(conflicts, case["conflicts"], "{name}");
        assert_eq!(
            plan.requires_choice(),
            matches!(rule, Some(2 | 3)),
            "{name}"
        );

        // The plan does not depend on the order of the accounts.
        let mut reversed = accounts.clone();
        reversed.reverse();
        assert_eq!(plan_consolidation(&reversed), plan, "{name}");
    }
}

#[test]
fn resolving_a_choice_retires_every_other_active_login() {
    let plan = plan_consolidation(&[
        LegacyAccount::new("JANKOW1", true, ["SP7"]),
        LegacyAccount::new("JANKOW9", true, ["LO2"]),
        LegacyAccount::new("JanKow5", true, ["ZS1"]),
        LegacyAccount::new("JanKow2", false, ["ZS9"]),
    ]);
    let done = plan.resolve(&"JANKOW9".parse().unwrap()).unwrap();
    assert_eq!(done.surviving.as_str(), "JANKOW9");
    assert_eq!(done.retired, ["JANKOW1", "JanKow5"]);
    assert_eq!(
        done.entities.iter().collect::<Vec<_>>(),
        ["LO2", "SP7", "ZS1"]
    );
    assert!(!done.confirm_with_current_password);
    // A mixed-case login can never be chosen, even in its canonical form.
    assert_eq!(
        plan.resolve(&"JANKOW5".parse().unwrap())
            .unwrap_err()
            .code(),
        "login.not_a_candidate"
    );
}

#[test]
fn rule_one_keeps_the_login_and_rule_four_needs_the_password() {
    let keep = plan_consolidation(&[LegacyAccount::new("JANKOW1", true, ["SP7"])]);
    let done = keep.resolve(&"JANKOW1".parse().unwrap()).unwrap();
    assert!(done.retired.is_empty() && !done.confirm_with_current_password);
    assert!(keep.resolve(&"JANKOW2".parse().unwrap()).is_err());

    let generate = plan_consolidation(&[LegacyAccount::new("JanKow5", true, ["SP7"])]);
    let done = generate.resolve(&"JANKOW6".parse().unwrap()).unwrap();
    assert!(done.confirm_with_current_password);
    assert_eq!(done.retired, ["JanKow5"]);

    // Rule 4 gives a new login (seed 001: "system wygeneruje nowy login"): not
    // the user's inactive canonical one, nor one that looks like it.
    let inactive = plan_consolidation(&[
        LegacyAccount::new("JANKOW1", false, ["SP7"]),
        LegacyAccount::new("JanKow5", true, ["LO2"]),
    ]);
    assert_eq!(inactive.case.rule(), Some(4));
    for taken in ["JANKOW1", "JANKOWI", "JANKOW5"] {
        assert_eq!(
            inactive
                .resolve(&taken.parse().unwrap())
                .unwrap_err()
                .code(),
            "login.not_a_candidate",
            "{taken}"
        );
    }
    assert!(inactive.resolve(&"JANKOW6".parse().unwrap()).is_ok());
}

#[test]
fn duplicates_are_reported() {
    let plan = plan_consolidation(&[
        LegacyAccount::new("JANKOW1", true, ["SP7"]),
        LegacyAccount::new("JANKOW1", true, ["LO2"]),
    ]);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].kind, ConflictKind::Duplicate);
    assert!(plan.requires_review());
    // The same login listed twice is still one login (rule 1), not a choice
    // between a login and itself.
    let ConsolidationCase::KeepUnchanged { login } = &plan.case else {
        panic!("expected rule 1, got {:?}", plan.case)
    };
    assert_eq!(login.as_str(), "JANKOW1");
    assert_eq!(plan.entities.len(), 2);
    let legacy = plan_consolidation(&[
        LegacyAccount::new("JANKOW1", true, ["SP7"]),
        LegacyAccount::new("JanKow5", true, ["LO2"]),
        LegacyAccount::new("JanKow5", true, ["ZS1"]),
    ]);
    assert_eq!(legacy.retire, ["JanKow5"]);
    assert_eq!(legacy.conflicts[0].kind, ConflictKind::Duplicate);
}

#[test]
fn plans_serialize() {
    let plan = plan_consolidation(&[
        LegacyAccount::new("JANKOW1", true, ["SP7"]),
        LegacyAccount::new("JanKow5", true, ["LO2"]),
    ]);
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["case"]["case"], "choose_canonical_over_legacy");
    assert_eq!(json["case"]["candidates"][0], "JANKOW1");
    let back: edurules_login::ConsolidationPlan = serde_json::from_value(json).unwrap();
    assert_eq!(back, plan);
}
