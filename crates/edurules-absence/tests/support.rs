//! Helpers shared by the test modules.

use chrono::NaiveDate;
use edurules_absence::{Level, Pupil, PupilId, SchoolId};

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn pupil(id: u64, level: Level) -> Pupil {
    Pupil {
        id: PupilId(id),
        school: SchoolId("SU-7".into()),
        level,
        grade: if level == Level::School {
            Some(5)
        } else {
            None
        },
    }
}
