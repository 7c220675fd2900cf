//! The holidays the 1951 act and later statutes have made days off work.

use crate::Locale;
use serde::{Deserialize, Serialize};

/// A statutory public holiday (or one-off statutory day off).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HolidayKind {
    /// 1 January.
    NewYear,
    /// 6 January, until 1960 and again from 2011.
    Epiphany,
    /// Easter Sunday.
    EasterSunday,
    /// Easter Monday.
    EasterMonday,
    /// 1 May.
    StateHoliday,
    /// 3 May, from 1990.
    ConstitutionDay,
    /// Pentecost Sunday (Easter + 49).
    PentecostSunday,
    /// Corpus Christi (Easter + 60).
    CorpusChristi,
    /// 22 July, 1951–1989 (abolished in April 1990).
    NationalRebirthDay,
    /// 15 August, until 1960 and again from 1989.
    Assumption,
    /// 1 November.
    AllSaints,
    /// 11 November, from 1989.
    IndependenceDay,
    /// 24 December, from 2025.
    ChristmasEve,
    /// 25 December.
    ChristmasDay,
    /// 26 December.
    SecondDayOfChristmas,
    /// 12 November 2018, a one-off day off.
    IndependenceCentenary,
}

impl HolidayKind {
    /// The holiday's name in a language (Polish names as the statute words them).
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::{calendar::HolidayKind, Locale};
    /// assert_eq!(HolidayKind::ChristmasEve.name(Locale::Pl), "Wigilia Bożego Narodzenia");
    /// assert_eq!(HolidayKind::ChristmasEve.name(Locale::En), "Christmas Eve");
    /// ```
    #[must_use]
    pub fn name(self, locale: Locale) -> &'static str {
        let (pl, en, bg) = self.names();
        locale.pick(pl, bg, en)
    }

    const fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::NewYear => ("Nowy Rok", "New Year's Day", "Нова година"),
            Self::Epiphany => ("Święto Trzech Króli", "Epiphany", "Богоявление"),
            Self::EasterSunday => ("pierwszy dzień Wielkiej Nocy", "Easter Sunday", "Великден"),
            Self::EasterMonday => (
                "drugi dzień Wielkiej Nocy",
                "Easter Monday",
                "Втори ден на Великден",
            ),
            Self::StateHoliday => (
                "Święto Państwowe (1 maja)",
                "State Holiday (1 May)",
                "Държавен празник (1 май)",
            ),
            Self::ConstitutionDay => (
                "Święto Narodowe Trzeciego Maja",
                "Constitution Day (3 May)",
                "Ден на Конституцията (3 май)",
            ),
            Self::PentecostSunday => (
                "pierwszy dzień Zielonych Świątek",
                "Pentecost Sunday",
                "Петдесетница",
            ),
            Self::CorpusChristi => ("dzień Bożego Ciała", "Corpus Christi", "Тяло Христово"),
            Self::NationalRebirthDay => (
                "Narodowe Święto Odrodzenia Polski (22 lipca)",
                "National Day of the Rebirth of Poland (22 July)",
                "Национален ден на възраждането на Полша (22 юли)",
            ),
            Self::Assumption => (
                "Wniebowzięcie Najświętszej Maryi Panny",
                "Assumption of Mary",
                "Успение Богородично",
            ),
            Self::AllSaints => (
                "Wszystkich Świętych",
                "All Saints' Day",
                "Ден на всички светии",
            ),
            Self::IndependenceDay => (
                "Narodowe Święto Niepodległości",
                "Independence Day",
                "Ден на независимостта",
            ),
            Self::ChristmasEve => ("Wigilia Bożego Narodzenia", "Christmas Eve", "Бъдни вечер"),
            Self::ChristmasDay => (
                "pierwszy dzień Bożego Narodzenia",
                "Christmas Day",
                "Коледа",
            ),
            Self::SecondDayOfChristmas => (
                "drugi dzień Bożego Narodzenia",
                "Second Day of Christmas",
                "Втори ден на Коледа",
            ),
            Self::IndependenceCentenary => (
                "Święto Narodowe z okazji Setnej Rocznicy Odzyskania Niepodległości Rzeczypospolitej Polskiej",
                "National holiday for the centenary of independence",
                "Национален празник за 100 години независимост",
            ),
        }
    }

    /// The statute that makes the day a day off, with the dates it did so.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::calendar::HolidayKind;
    /// assert!(HolidayKind::ChristmasEve.legal_basis().contains("2024 poz. 1965"));
    /// ```
    #[must_use]
    pub const fn legal_basis(self) -> &'static str {
        match self {
            Self::NewYear
            | Self::EasterSunday
            | Self::EasterMonday
            | Self::StateHoliday
            | Self::PentecostSunday
            | Self::CorpusChristi
            | Self::AllSaints
            | Self::ChristmasDay
            | Self::SecondDayOfChristmas => {
                "art. 1 pkt 1 ustawy z dnia 18 stycznia 1951 r. o dniach wolnych od pracy (Dz.U. 1951 nr 4 poz. 28)"
            }
            Self::Epiphany => {
                "art. 1 pkt 1 lit. b ustawy z 1951 r. (Dz.U. 1951 nr 4 poz. 28); struck out from 24 November 1960 (Dz.U. 1960 nr 51 poz. 297); restored from 1 January 2011 (Dz.U. 2010 nr 224 poz. 1459)"
            }
            Self::ConstitutionDay => {
                "art. 1 pkt 1 lit. f ustawy z 1951 r., added by the act of 6 April 1990 (Dz.U. 1990 nr 28 poz. 160)"
            }
            Self::NationalRebirthDay => {
                "ustawa z 1951 r. (Dz.U. 1951 nr 4 poz. 28); abolished in April 1990 (Dz.U. 1990 nr 28 poz. 159)"
            }
            Self::Assumption => {
                "art. 1 pkt 1 lit. i ustawy z 1951 r.; struck out from 24 November 1960 (Dz.U. 1960 nr 51 poz. 297); restored from 23 May 1989 (Dz.U. 1989 nr 29 poz. 154)"
            }
            Self::IndependenceDay => {
                "art. 1 pkt 1 lit. k ustawy z 1951 r.; ustawa z dnia 15 lutego 1989 r. o ustanowieniu Narodowego Święta Niepodległości (Dz.U. 1989 nr 6 poz. 34)"
            }
            Self::ChristmasEve => {
                "art. 1 pkt 1 lit. ka ustawy z 1951 r., added by the act of 6 December 2024 (Dz.U. 2024 poz. 1965), in force 1 February 2025"
            }
            Self::IndependenceCentenary => {
                "art. 2 ustawy z dnia 7 listopada 2018 r. o ustanowieniu Święta Narodowego z okazji Setnej Rocznicy Odzyskania Niepodległości Rzeczypospolitej Polskiej (Dz.U. 2018 poz. 2117), published and in force 9 November 2018"
            }
        }
    }
}
