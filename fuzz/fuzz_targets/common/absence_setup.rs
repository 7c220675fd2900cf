//! The set-up the absence fuzz targets share (included by `#[path]` in each).

use chrono::NaiveDate;
use edurules_absence::{Level, Pupil, PupilId, Roster, SchoolId, Window};

/// Four pupils of school "S", ids 0 to 3, the last a preschool child; and the window of the
/// Bulgarian seed, 2017-09-15 to 2018-06-01. `None` if either were refused (never, for these
/// values: a target then does nothing).
pub fn four_pupils_and_window() -> Option<(Roster, Window)> {
    let pupils = (0..4)
        .map(|i| {
            let level = if i == 3 {
                Level::Preschool
            } else {
                Level::School
            };
            Pupil::new(PupilId(i), SchoolId("S".into()), level)
        })
        .collect();
    let roster = Roster::new(pupils).ok()?;
    let first = NaiveDate::from_ymd_opt(2017, 9, 15)?;
    let last = NaiveDate::from_ymd_opt(2018, 6, 1)?;
    Some((roster, Window::school_year(first, last).ok()?))
}
