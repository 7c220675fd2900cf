//! The named presets: Bulgarian ISRM selections, the Polish monthly 50 % rule, chronic absence.

use super::{
    Condition, Counted, LateBand, LateConversion, LegalBasis, Limit, Operator, Per, Rule,
    RuleProfile, Threshold,
};
use crate::{Level, Percent, Quantity, Unit};

const SEED_002: &str = "РУО – София-град, изх. № РУО1-14903/11.06.2018 г. „Посещаемо и безопасно училище“ (ПМС № 100 от 08.06.2018 г. за Механизъм за съвместна работа на институциите по обхващане и включване в образователната система)";

impl LateConversion {
    /// The Bulgarian conversion in use since October 2017: late up to 20 minutes counts as ½
    /// unexcused hour, over 20 minutes as 1.
    #[must_use]
    pub fn bg_2017() -> Self {
        Self {
            bands: vec![
                LateBand {
                    up_to_minutes: Some(20),
                    counts_as: Quantity::from_sixtieths(30),
                },
                LateBand {
                    up_to_minutes: None,
                    counts_as: Quantity::ONE,
                },
            ],
            legal_basis: LegalBasis::cite(
                "Наредба за приобщаващото образование (2017) и правилниците на училищата: закъснение до 20 минути = ½ неизвинен час, над 20 минути = 1",
            ),
        }
    }
}

impl RuleProfile {
    /// The ready selections of the Bulgarian ISRM "Посещаемо и безопасно училище" (seed 002):
    /// pupils with **over 130 hours** of absence in total, and pupils with **over 40** unexcused
    /// absences (**25** at preschool age). Late arrivals convert by [`LateConversion::bg_2017`];
    /// signals go to the municipality under art. 347 ЗПУО.
    ///
    /// The letter gives "над 40 (25 за предучилищна възраст) неизвинени отсъствия" without a
    /// unit; following Bulgarian counting practice the 40 are school hours of pupils and the 25
    /// are days of preschool children. The 130 hours apply to pupils at school level (preschool
    /// groups count days, not hours).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::RuleProfile;
    /// let p = RuleProfile::bg_isrm();
    /// assert_eq!(p.rules.len(), 2);
    /// assert!(p.rule("bg.isrm.total").is_some());
    /// ```
    #[must_use]
    pub fn bg_isrm() -> Self {
        let threshold = |counts, unit, level, over: u64| {
            Condition::Threshold(Threshold {
                counts,
                unit,
                level: Some(level),
                per: Per::Window,
                operator: Operator::Gt,
                limit: Limit::Amount(Quantity::whole(over)),
            })
        };
        Self {
            id: "bg.isrm".to_owned(),
            name: "ИСРМ „Посещаемо и безопасно училище“: готови селекции".to_owned(),
            rules: vec![
                Rule {
                    id: "bg.isrm.total".to_owned(),
                    description: "над 130 часа общо отсъствия".to_owned(),
                    legal_basis: LegalBasis::cite(SEED_002),
                    when: threshold(Counted::All, Unit::Hours, Level::School, 130),
                    // Excused absences count here, and art. 347 ЗПУО does not reach them: a
                    // pupil of this selection alone is "at risk", with no signal.
                    signals: false,
                },
                Rule {
                    id: "bg.isrm.unexcused".to_owned(),
                    description: "над 40 неизвинени отсъствия (над 25 за предучилищна възраст)"
                        .to_owned(),
                    legal_basis: LegalBasis::cite(SEED_002),
                    when: Condition::Any(vec![
                        threshold(Counted::Unexcused, Unit::Hours, Level::School, 40),
                        threshold(Counted::Unexcused, Unit::Days, Level::Preschool, 25),
                    ]),
                    signals: true,
                },
            ],
            late_arrivals: Some(LateConversion::bg_2017()),
            signal_basis: Some(LegalBasis::cite(
                "чл. 347 от Закона за предучилищното и училищното образование (ЗПУО)",
            )),
        }
    }

    /// The Polish rule of compulsory schooling and of the compulsory preschool year: unexcused
    /// absence during one calendar month on **at least 50 % of the days of classes** ("dni
    /// zajęć") is not fulfilling the duty (Prawo oświatowe art. 42 ust. 2 pkt 1, which names
    /// the duty of art. 31 ust. 4 beside compulsory schooling and education). Counts days:
    /// records in unit days (a day of unexcused absence), and the days of classes per pupil and
    /// month in [`crate::Planned`] (unit days). Which days of partial absence count as days of
    /// absence the act does not say (see the crate README). Late arrivals are not absences in
    /// Poland and are not counted. The act measures whole calendar months: evaluate windows of
    /// whole months. Art. 42 ust. 2 pkt 2 (vocational preparation at an employer, counted in
    /// classes, not days) is not covered.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{Condition, Limit, Operator, RuleProfile};
    /// let p = RuleProfile::pl_compulsory_schooling();
    /// let Condition::Threshold(t) = &p.rules[0].when else { unreachable!() };
    /// assert_eq!(t.operator, Operator::Ge);
    /// assert_eq!(t.limit, Limit::Share("50".parse().unwrap()));
    /// ```
    #[must_use]
    pub fn pl_compulsory_schooling() -> Self {
        Self {
            id: "pl.obowiazek".to_owned(),
            name: "Niespełnianie obowiązku rocznego przygotowania przedszkolnego, obowiązku szkolnego lub obowiązku nauki".to_owned(),
            rules: vec![Rule {
                id: "pl.obowiazek.50".to_owned(),
                description: "nieusprawiedliwiona nieobecność w okresie jednego miesiąca na co najmniej 50 % dni zajęć".to_owned(),
                legal_basis: LegalBasis {
                    citation: "Ustawa z dnia 14 grudnia 2016 r. – Prawo oświatowe, art. 42 ust. 2 pkt 1 (obowiązek rocznego przygotowania przedszkolnego z art. 31 ust. 4, obowiązek szkolny i obowiązek nauki)".to_owned(),
                    url: Some("https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20170000059".to_owned()),
                },
                when: Condition::Threshold(Threshold {
                    counts: Counted::Unexcused,
                    unit: Unit::Days,
                    level: None,
                    per: Per::Month,
                    operator: Operator::Ge,
                    limit: Limit::Share(Percent::whole(50)),
                }),
                signals: true,
            }],
            late_arrivals: None,
            signal_basis: Some(LegalBasis::cite(
                "Prawo oświatowe art. 41–42: kontrola spełniania obowiązku przez dyrektora szkoły obwodowej; egzekucja w trybie przepisów o postępowaniu egzekucyjnym w administracji",
            )),
        }
    }

    /// Chronic absence as U.S. federal reporting defines it: missing **10 % or more** of the
    /// school days enrolled, for any reason (EDFacts FS195). Needs the enrolled school days per
    /// pupil in [`crate::Planned`] (unit days, whole window).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::RuleProfile;
    /// assert_eq!(RuleProfile::chronic_absence().rules[0].id, "us.chronic");
    /// ```
    #[must_use]
    pub fn chronic_absence() -> Self {
        Self {
            id: "chronic".to_owned(),
            name: "Chronic absence (10 % or more of school days)".to_owned(),
            rules: vec![Rule {
                id: "us.chronic".to_owned(),
                description: "missing 10 % or more of the school days enrolled, for any reason"
                    .to_owned(),
                legal_basis: LegalBasis::cite(
                    "U.S. Department of Education, EDFacts file specification FS195 (chronic absenteeism)",
                ),
                when: Condition::Threshold(Threshold {
                    counts: Counted::All,
                    unit: Unit::Days,
                    level: None,
                    per: Per::Window,
                    operator: Operator::Ge,
                    limit: Limit::Share(Percent::whole(10)),
                }),
                signals: true,
            }],
            late_arrivals: None,
            signal_basis: None,
        }
    }
}
