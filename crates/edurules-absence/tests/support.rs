//! Helpers shared by the test modules.

use chrono::NaiveDate;
use edurules_absence::{Level, Pupil, PupilId, RuleProfile, SchoolId};

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn pupil(id: u64, level: Level) -> Pupil {
    {
        let p = Pupil::new(PupilId(id), SchoolId("SU-7".into()), level);
        match if level == Level::School {
            Some(5)
        } else {
            None
        } {
            Some(g) => p.with_grade(g),
            None => p,
        }
    }
}

/// One rule, `both`, whose two thresholds must both be passed: over 10 unexcused hours and over
/// 20 hours in all.
pub(crate) fn both_thresholds_profile() -> RuleProfile {
    let json = r#"{
        "id": "custom", "name": "both", "rules": [{
            "id": "both", "description": "over 10 unexcused and over 20 in total",
            "legal_basis": {"citation": "school rulebook"},
            "when": {"all": [
                {"threshold": {"counts": "unexcused", "unit": "hours", "operator": "gt", "limit": {"amount": "10"}}},
                {"threshold": {"counts": "all", "unit": "hours", "operator": "gt", "limit": {"amount": 20}}}
            ]}
        }]
    }"#;
    serde_json::from_str(json).unwrap()
}
