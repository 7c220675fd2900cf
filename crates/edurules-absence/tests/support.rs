//! Helpers shared by the test modules.

use chrono::NaiveDate;
use edurules_absence::{Level, Pupil, PupilId, SchoolId};

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
