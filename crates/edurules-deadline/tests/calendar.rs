use crate::{date, load};
use chrono::{Datelike, NaiveDate};
use edurules_deadline::Locale;
use edurules_deadline::calendar::{self, HolidayKind};

#[test]
fn holidays_match_the_official_lists() {
    let data = load("holidays.json");
    let years = data["years"].as_object().unwrap();
    assert!(years.len() >= 10);
    for (year, list) in years {
        let year: i32 = year.parse().unwrap();
        let expected: Vec<NaiveDate> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|s| date(&format!("{year}-{}", s.as_str().unwrap())))
            .collect();
        let got: Vec<NaiveDate> = calendar::holidays(year)
            .unwrap()
            .iter()
            .map(|h| h.date)
            .collect();
        assert_eq!(got, expected, "{year}");
        for d in &expected {
            assert!(calendar::is_public_holiday(*d).unwrap(), "{d}");
        }
    }
}

#[test]
fn years_of_change_at_their_boundaries() {
    let yes = |s: &str| {
        assert!(
            calendar::is_public_holiday(date(s)).unwrap(),
            "{s} should be a holiday"
        )
    };
    let no = |s: &str| {
        assert!(
            !calendar::is_public_holiday(date(s)).unwrap(),
            "{s} should not be a holiday"
        )
    };
    // 1951: the act's list; Ascension Day (Easter + 39 = 3 May 1951) is not on it.
    yes("1951-01-06");
    yes("1951-07-22");
    no("1951-05-03");
    no("1951-05-03");
    no("1951-02-02");
    // 1960: last year of 6 January and 15 August; 1961 without them.
    yes("1960-01-06");
    yes("1960-08-15");
    no("1961-01-06");
    no("1961-08-15");
    // 1989: 15 August and 11 November back, 22 July still there.
    yes("1989-08-15");
    yes("1989-11-11");
    yes("1989-07-22");
    no("1988-08-15");
    no("1988-11-11");
    // 1990: 22 July gone, 3 May back.
    no("1990-07-22");
    yes("1990-05-03");
    no("1989-05-03");
    // 2011: 6 January back.
    no("2010-01-06");
    yes("2011-01-06");
    // 2025: 24 December added.
    no("2024-12-24");
    yes("2025-12-24");
    // One-off day off.
    yes("2018-11-12");
    no("2017-11-13");
}

#[test]
fn easter_based_holidays() {
    for (y, easter) in [
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2038, "2038-04-25"),
    ] {
        let e = date(easter);
        assert_eq!(calendar::easter_sunday(y), Some(e));
        let list = calendar::holidays(y).unwrap();
        let find = |k| list.iter().find(|h| h.kind == k).map(|h| h.date);
        assert_eq!(find(HolidayKind::EasterMonday), e.succ_opt());
        assert_eq!(
            find(HolidayKind::CorpusChristi),
            e.checked_add_days(chrono::Days::new(60))
        );
        assert_eq!(
            find(HolidayKind::PentecostSunday),
            e.checked_add_days(chrono::Days::new(49))
        );
    }
    assert_eq!(
        calendar::holidays(2024)
            .unwrap()
            .iter()
            .find(|h| h.kind == HolidayKind::CorpusChristi)
            .map(|h| h.date),
        Some(date("2024-05-30"))
    );
    assert_eq!(
        calendar::holidays(2025)
            .unwrap()
            .iter()
            .find(|h| h.kind == HolidayKind::CorpusChristi)
            .map(|h| h.date),
        Some(date("2025-06-19"))
    );
}

#[test]
fn names_in_every_language_and_a_legal_basis() {
    for year in [1951, 1975, 2018, 2025] {
        for h in calendar::holidays(year).unwrap() {
            for l in [Locale::Pl, Locale::Bg, Locale::En] {
                assert!(!h.kind.name(l).is_empty());
            }
            assert!(h.kind.legal_basis().contains("Dz.U."));
            assert_eq!(h.date.year(), year);
        }
    }
}

#[test]
fn working_days() {
    assert!(calendar::is_working_day(date("2025-12-23")).unwrap());
    assert!(!calendar::is_working_day(date("2025-12-24")).unwrap());
    assert!(calendar::is_working_day(date("2024-12-24")).unwrap());
    assert!(!calendar::is_working_day(date("2025-12-27")).unwrap()); // Saturday
    assert!(!calendar::is_day_off(date("2025-12-27")).unwrap()); // not a statutory day off
    assert!(calendar::is_day_off(date("2025-12-28")).unwrap());
    assert!(calendar::is_working_day(date("1950-01-02")).is_err());
}

#[test]
fn the_centenary_day_off_cites_its_act_by_its_title() {
    // Ustawa z dnia 7 listopada 2018 r. o ustanowieniu Święta Narodowego z okazji Setnej
    // Rocznicy Odzyskania Niepodległości Rzeczypospolitej Polskiej (published 9 November
    // 2018); see the README, "Citations".
    let basis = HolidayKind::IndependenceCentenary.legal_basis();
    assert!(
        basis.contains(
            "ustawy z dnia 7 listopada 2018 r. o ustanowieniu Święta Narodowego z okazji Setnej Rocznicy Odzyskania Niepodległości Rzeczypospolitej Polskiej"
        ),
        "{basis}"
    );
    assert!(basis.contains("Dz.U. 2018 poz. 2117"), "{basis}");
    assert!(!basis.contains("24 października"), "{basis}");
    assert!(
        HolidayKind::IndependenceCentenary
            .name(Locale::Pl)
            .contains("Setnej Rocznicy Odzyskania Niepodległości")
    );
}
