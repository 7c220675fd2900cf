//! What an evaluation returns: flags with their figures, and sentences a teacher can read.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use edurules_locale::{Locale, Message, nouns};

use crate::{
    AbsenceError, AbsenceKind, Flag, LegalBasis, Level, PupilId, Quantity, Signal, Unit, Window,
    YearMonth, text,
};

/// The result of evaluating a profile over a window.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_absence::*;
/// let d = |m, day| NaiveDate::from_ymd_opt(2018, m, day).unwrap();
/// let roster = Roster::new(vec![Pupil::new(PupilId(5), SchoolId("S".into()), Level::School).with_grade(3)]).unwrap();
/// let planned = Planned::default();
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::custom(d(1, 1), d(6, 1)).unwrap(), &roster, &planned).unwrap();
/// let r = AbsenceRecord::new(PupilId(5), d(2, 1), Quantity::whole(131), Unit::Hours, AbsenceKind::Excused);
/// let report = ev.evaluate_records(&[r]).unwrap();
/// assert_eq!(report.selection("bg.isrm.total").count(), 1);
/// let flag = &report.flags[0];
/// assert!(flag.message(Locale::En).contains(": 131 hours (threshold: more than 130 hours)"));
/// assert!(flag.message(Locale::Pl).contains(": 131 godzin lekcyjnych (próg: więcej niż 130 godzin lekcyjnych)"));
/// assert_eq!(flag.legal_basis(), report.flags[0].rule.legal_basis());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Report {
    /// The profile's id.
    pub profile: String,
    /// The window evaluated.
    pub window: Window,
    /// The basis for signals, from the profile.
    pub signal_basis: Option<LegalBasis>,
    /// The rules whose flags ground no signal (a rule's `signals = false`): their pupils are
    /// at risk, and [`Report::signals`] leaves those flags out. Absent when every rule signals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub silent_rules: Vec<String>,
    /// One flag per pupil and matching rule, by pupil id then rule order.
    pub flags: Vec<Flag>,
    /// Percentage rules that could not be evaluated for a pupil with absences: no planned amount.
    pub not_evaluable: Vec<NotEvaluable>,
    /// Pupils with duplicate lesson records (each counted once).
    pub duplicates: Vec<Duplicate>,
    /// Records that count towards no rule (for example hours of a preschool child when every
    /// rule for preschool counts days), per pupil, kind and unit.
    #[serde(default)]
    pub not_counted: Vec<NotCounted>,
    /// What happened to the records.
    pub stats: Stats,
}

impl Report {
    /// The flags of one rule: a ready selection.
    ///
    /// # Example
    ///
    /// See [`Report`].
    pub fn selection<'r>(&'r self, rule: &'r str) -> impl Iterator<Item = &'r Flag> + 'r {
        self.flags.iter().filter(move |f| f.rule == rule)
    }

    /// The pupils flagged by at least one rule.
    #[must_use]
    pub fn at_risk(&self) -> BTreeSet<PupilId> {
        self.flags.iter().map(|f| f.pupil).collect()
    }

    /// One signal per pupil flagged by a rule that grounds a signal, with every such rule
    /// that flagged them, dated `issued_on`. Flags of the [`Report::silent_rules`] are left
    /// out: in the Bulgarian preset, a pupil over 130 hours of absence of every kind but not
    /// over the unexcused limit is at risk, and gets no signal under art. 347 ЗПУО.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::SignalBeforeWindow`] when `issued_on` is before the window's first day,
    /// [`AbsenceError::SignalBeforeWindowEnd`] when it is before the window's last day: a
    /// signal states the period it reports on, and cannot report days that have not come yet
    /// (to signal during the school year, evaluate a window that ends on the day of the
    /// signal).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::*;
    /// let (roster, planned) = (Roster::default(), Planned::default());
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2018, 3).unwrap(), &roster, &planned).unwrap();
    /// let report = ev.evaluate_records(&[]).unwrap();
    /// assert!(report.signals(NaiveDate::from_ymd_opt(2018, 6, 12).unwrap()).unwrap().is_empty());
    /// let err = report.signals(NaiveDate::from_ymd_opt(2018, 2, 28).unwrap()).unwrap_err();
    /// assert_eq!(err.code(), "absence.signal_before_window");
    /// ```
    pub fn signals(&self, issued_on: NaiveDate) -> Result<Vec<Signal>, AbsenceError> {
        if issued_on < self.window.first() {
            return Err(AbsenceError::SignalBeforeWindow {
                issued_on,
                first: self.window.first(),
            });
        }
        if issued_on < self.window.last() {
            return Err(AbsenceError::SignalBeforeWindowEnd {
                issued_on,
                last: self.window.last(),
            });
        }
        let mut out: Vec<Signal> = Vec::new();
        for flag in self
            .flags
            .iter()
            .filter(|f| !self.silent_rules.iter().any(|r| r == f.rule.id()))
        {
            match out.last_mut() {
                Some(s) if s.pupil == flag.pupil => s.reasons.push(flag.clone()),
                _ => out.push(Signal {
                    issued_on,
                    pupil: flag.pupil,
                    school: flag.school.clone(),
                    level: flag.level,
                    grade: flag.grade,
                    first: self.window.first(),
                    last: self.window.last(),
                    basis: self.signal_basis.clone(),
                    reasons: vec![flag.clone()],
                }),
            }
        }
        Ok(out)
    }
}

/// A percentage rule that could not be evaluated for a pupil who has absences, because the
/// planned amount (denominator) is missing or zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NotEvaluable {
    /// The pupil.
    pub pupil: PupilId,
    /// The rule.
    pub rule: String,
    /// The month, for a monthly rule.
    pub month: Option<YearMonth>,
    /// The unit of the missing planned amount.
    pub unit: Unit,
}

/// Duplicate lesson records of one pupil (same date and lesson), counted once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Duplicate {
    /// The pupil.
    pub pupil: PupilId,
    /// How many records were duplicates (not counted).
    pub count: u32,
}

/// Records of one pupil, kind and unit that count towards no rule of the profile at the pupil's
/// level: received, but not counted, and why.
///
/// # Example
///
/// ```
/// use edurules_absence::*;
/// let n = NotCounted::new(PupilId(7), Level::Preschool, AbsenceKind::Excused, Unit::Hours, 2, Quantity::whole(5));
/// assert_eq!(
///     n.message(Locale::En),
///     "Pupil 7 (preschool): excused absences given in hours (5 hours; 2 records) count towards \
///      no rule, because no rule of the profile counts them in that unit at this level."
/// );
/// assert!(n.message(Locale::Pl).contains("(5 godzin lekcyjnych; liczba wpisów: 2)"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NotCounted {
    /// The pupil.
    pub pupil: PupilId,
    /// The pupil's level.
    pub level: Level,
    /// The records' kind.
    pub kind: AbsenceKind,
    /// The records' unit.
    pub unit: Unit,
    /// How many records.
    pub records: u64,
    /// Their amount in total, in `unit`.
    pub amount: Quantity,
}

impl NotCounted {
    /// A list entry (the report builds these; public for tests and for other sources).
    ///
    /// # Example
    ///
    /// See [`NotCounted`].
    #[must_use]
    pub const fn new(
        pupil: PupilId,
        level: Level,
        kind: AbsenceKind,
        unit: Unit,
        records: u64,
        amount: Quantity,
    ) -> Self {
        Self {
            pupil,
            level,
            kind,
            unit,
            records,
            amount,
        }
    }

    /// Why these records do not count, in Polish, Bulgarian or English.
    ///
    /// # Example
    ///
    /// See [`NotCounted`].
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let p = self.pupil;
        let level = text::level_name(l, self.level);
        let kinds = text::kind_plural(l, self.kind);
        let unit = text::unit_plural(l, self.unit);
        let amount = text::amount(l, self.amount, self.unit);
        let n = l.integer(i128::from(self.records));
        // Late arrivals are given in minutes and counted in the hours they convert to.
        let (given_pl, given_bg, given_en) = if self.kind == AbsenceKind::Late {
            ("przeliczone na", "превърнати в", "converted to")
        } else {
            ("podane jako", "въведени като", "given in")
        };
        l.pick(
            format!(
                "Uczeń {p} ({level}): {kinds} {given_pl} {unit} ({amount}; liczba wpisów: {n}) nie liczą się do żadnej reguły, bo żadna reguła profilu nie liczy ich w tej jednostce na tym poziomie."
            ),
            format!(
                "Ученик {p} ({level}): {kinds}, {given_bg} {unit} ({amount}; брой записи: {n}), не се броят за нито едно правило, защото никое правило на профила не ги брои в тази мерна единица на това ниво."
            ),
            format!(
                "Pupil {p} ({level}): {kinds} {given_en} {unit} ({amount}; {}) count towards no rule, because no rule of the profile counts them in that unit at this level.",
                l.count(self.records, nouns::RECORD)
            ),
        )
    }
}

impl Message for NotCounted {
    fn code(&self) -> &'static str {
        "absence.not_counted"
    }

    fn message(&self, locale: Locale) -> String {
        Self::message(self, locale)
    }
}

/// What happened to the records: nothing is lost silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Stats {
    /// Coherent records received.
    pub records: u64,
    /// Records (after removing duplicates) that counted towards the counters.
    pub counted: u64,
    /// Records that carried a lesson number.
    pub lesson_records: u64,
    /// Records of pupils not in the roster (ignored).
    pub unknown_pupil: u64,
    /// Records dated outside the window (ignored).
    pub outside_window: u64,
    /// Late arrivals not counted because the profile has no conversion.
    pub late_not_counted: u64,
    /// Duplicate lesson records (ignored).
    pub duplicates: u64,
    /// Records of roster pupils inside the window that count towards no rule of the profile
    /// for the pupil's level (listed per pupil in [`Report::not_counted`]).
    #[serde(default)]
    pub not_counted: u64,
}

impl Stats {
    pub(crate) const fn add(&mut self, o: &Self) {
        self.records = self.records.saturating_add(o.records);
        self.counted = self.counted.saturating_add(o.counted);
        self.lesson_records = self.lesson_records.saturating_add(o.lesson_records);
        self.unknown_pupil = self.unknown_pupil.saturating_add(o.unknown_pupil);
        self.outside_window = self.outside_window.saturating_add(o.outside_window);
        self.late_not_counted = self.late_not_counted.saturating_add(o.late_not_counted);
        self.duplicates = self.duplicates.saturating_add(o.duplicates);
        self.not_counted = self.not_counted.saturating_add(o.not_counted);
    }
}

#[cfg(test)]
mod explanation_tests {
    //! Findings and transitions explained in three languages (built here,
    //! inside the crate, because the types are `#[non_exhaustive]`).

    use crate::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn explanations_in_three_languages() {
        let finding = Finding {
            counts: Counted::Unexcused,
            unit: Unit::Hours,
            first: d(2026, 3, 1),
            last: d(2026, 3, 31),
            month: Some(YearMonth::new(2026, 3)),
            measured: Quantity::whole(50),
            operator: Operator::Ge,
            limit: Limit::Share(Percent::whole(50)),
            planned: Some(Quantity::whole(100)),
        };
        assert_eq!(
            finding.message(Locale::En),
            "unexcused absences from 1 March 2026 to 31 March 2026: 50 hours (planned: 100 hours, share: 50%; threshold: at least 50%)"
        );
        assert_eq!(
            finding.message(Locale::Pl),
            "nieobecności nieusprawiedliwione od 1 marca 2026 r. do 31 marca 2026 r.: 50 godzin lekcyjnych (plan: 100 godzin lekcyjnych, udział: 50%; próg: co najmniej 50%)"
        );
        assert_eq!(
            finding.message(Locale::Bg),
            "неизвинени отсъствия от 1 март 2026 г. до 31 март 2026 г.: 50 учебни часа (по план: 100 учебни часа, дял: 50%; праг: поне 50%)"
        );
        let t = Transition {
            pupil: PupilId(3),
            on: d(2026, 4, 1),
            from: Status::AtRisk,
            to: Status::NotAtRisk,
            rules: vec![],
        };
        for l in Locale::ALL {
            assert!(!t.message(l).is_empty());
        }
    }
}
