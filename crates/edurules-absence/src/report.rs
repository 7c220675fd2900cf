//! What an evaluation returns: flags with their figures, and sentences a teacher can read.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    AbsenceKind, Counted, LegalBasis, Level, Limit, Locale, Operator, Percent, PupilId, Quantity,
    SchoolId, Signal, Unit, Window, YearMonth,
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
/// assert!(report.flags[0].message(Locale::En).contains("131 hours"));
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

    /// One signal per flagged pupil, with every rule that flagged them, dated `issued_on`.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::*;
    /// let (roster, planned) = (Roster::default(), Planned::default());
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2018, 3).unwrap(), &roster, &planned).unwrap();
    /// let report = ev.evaluate_records(&[]).unwrap();
    /// assert!(report.signals(chrono::NaiveDate::from_ymd_opt(2018, 6, 12).unwrap()).is_empty());
    /// ```
    #[must_use]
    pub fn signals(&self, issued_on: NaiveDate) -> Vec<Signal> {
        let mut out: Vec<Signal> = Vec::new();
        for flag in &self.flags {
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
        out
    }
}

/// A pupil matched by a rule, with the figures that made it match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Flag {
    /// The pupil.
    pub pupil: PupilId,
    /// The pupil's school.
    pub school: SchoolId,
    /// The pupil's level.
    pub level: Level,
    /// The pupil's grade, when known.
    pub grade: Option<u8>,
    /// The rule's id.
    pub rule: String,
    /// The rule's description.
    pub description: String,
    /// The rule's legal basis.
    pub legal_basis: LegalBasis,
    /// The thresholds that matched, each with its figures.
    pub findings: Vec<Finding>,
}

impl Flag {
    /// A sentence a teacher can read: who, which rule, the figures, the threshold, the window
    /// and the legal basis.
    ///
    /// # Example
    ///
    /// See [`Report`].
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let findings: Vec<String> = self.findings.iter().map(|f| f.message(locale)).collect();
        let joined = findings.join("; ");
        match locale {
            Locale::En => format!(
                "Pupil {} (school {}): {joined}. Rule {}; basis: {}.",
                self.pupil, self.school, self.rule, self.legal_basis.citation
            ),
            Locale::Pl => format!(
                "Uczeń {} (szkoła {}): {joined}. Reguła {}; podstawa: {}.",
                self.pupil, self.school, self.rule, self.legal_basis.citation
            ),
            Locale::Bg => format!(
                "Ученик {} (училище {}): {joined}. Правило {}; основание: {}.",
                self.pupil, self.school, self.rule, self.legal_basis.citation
            ),
        }
    }
}

/// One matched threshold with its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Finding {
    /// Which absences were summed.
    pub counts: Counted,
    /// In which unit.
    pub unit: Unit,
    /// The first day of the period summed.
    pub first: NaiveDate,
    /// The last day of the period summed.
    pub last: NaiveDate,
    /// The calendar month, for a monthly threshold.
    pub month: Option<YearMonth>,
    /// The measured amount.
    pub measured: Quantity,
    /// The operator.
    pub operator: Operator,
    /// The limit.
    pub limit: Limit,
    /// The planned amount (the denominator), for a share limit.
    pub planned: Option<Quantity>,
}

impl Finding {
    /// The measured share of the planned amount, rounded down to hundredths of a percent.
    #[must_use]
    pub fn share(&self) -> Option<Percent> {
        let planned = self.planned?.sixtieths();
        if planned == 0 {
            return None;
        }
        let bp = u128::from(self.measured.sixtieths()) * 10_000 / u128::from(planned);
        Some(Percent::from_basis_points(
            u32::try_from(bp).unwrap_or(u32::MAX),
        ))
    }

    /// The finding as a clause: the figures, the threshold and the period.
    ///
    /// # Example
    ///
    /// See [`Report`].
    #[must_use]
    pub fn message(&self, locale: Locale) -> String {
        let unit = unit_name(self.unit, locale);
        let what = counted_name(self.counts, locale);
        let op = operator_name(self.operator, locale);
        let period = self.period(locale);
        let limit = match self.limit {
            Limit::Amount(q) => format!("{q} {unit}"),
            Limit::Share(p) => format!("{p} %"),
        };
        let measured = match (self.planned, self.share()) {
            (Some(planned), Some(share)) => match locale {
                Locale::En => format!("{} of {planned} planned {unit} ({share} %)", self.measured),
                Locale::Pl => format!(
                    "{} z {planned} planowanych {unit} ({share} %)",
                    self.measured
                ),
                Locale::Bg => format!(
                    "{} от {planned} планирани {unit} ({share} %)",
                    self.measured
                ),
            },
            _ => format!("{} {unit}", self.measured),
        };
        match locale {
            Locale::En => format!("{measured} of {what} {period}, {op} {limit}"),
            Locale::Pl => format!("{measured} — {what} {period}, {op} {limit}"),
            Locale::Bg => format!("{measured} {what} {period}, {op} {limit}"),
        }
    }

    fn period(&self, locale: Locale) -> String {
        let fmt = |d: NaiveDate| match locale {
            Locale::En => d.format("%Y-%m-%d").to_string(),
            Locale::Pl | Locale::Bg => d.format("%d.%m.%Y").to_string(),
        };
        match (self.month, locale) {
            (Some(m), Locale::En) => format!(
                "in the month {m} ({} to {})",
                fmt(self.first),
                fmt(self.last)
            ),
            (Some(m), Locale::Pl) => format!(
                "w miesiącu {m} (od {} do {})",
                fmt(self.first),
                fmt(self.last)
            ),
            (Some(m), Locale::Bg) => format!(
                "за месец {m} (от {} до {})",
                fmt(self.first),
                fmt(self.last)
            ),
            (None, Locale::En) => format!("from {} to {}", fmt(self.first), fmt(self.last)),
            (None, Locale::Pl) => format!("od {} do {}", fmt(self.first), fmt(self.last)),
            (None, Locale::Bg) => format!("от {} до {}", fmt(self.first), fmt(self.last)),
        }
    }
}

/// The name of a unit in a sentence.
#[must_use]
pub(crate) const fn unit_name(unit: Unit, locale: Locale) -> &'static str {
    match (unit, locale) {
        (Unit::Hours, Locale::En) => "hours",
        (Unit::Hours, Locale::Pl) => "godzin lekcyjnych",
        (Unit::Hours, Locale::Bg) => "учебни часа",
        (Unit::Days, Locale::En) => "days",
        (Unit::Days, Locale::Pl) => "dni",
        (Unit::Days, Locale::Bg) => "дни",
        (Unit::Minutes, Locale::En) => "minutes",
        (Unit::Minutes, Locale::Pl) => "minut",
        (Unit::Minutes, Locale::Bg) => "минути",
    }
}

const fn counted_name(counts: Counted, locale: Locale) -> &'static str {
    match (counts, locale) {
        (Counted::All, Locale::En) => "absence in total",
        (Counted::All, Locale::Pl) => "nieobecności łącznie",
        (Counted::All, Locale::Bg) => "отсъствия общо",
        (Counted::Unexcused, Locale::En) => "unexcused absence",
        (Counted::Unexcused, Locale::Pl) => "nieobecności nieusprawiedliwione",
        (Counted::Unexcused, Locale::Bg) => "неизвинени отсъствия",
        (Counted::Excused, Locale::En) => "excused absence",
        (Counted::Excused, Locale::Pl) => "nieobecności usprawiedliwione",
        (Counted::Excused, Locale::Bg) => "извинени отсъствия",
    }
}

const fn operator_name(op: Operator, locale: Locale) -> &'static str {
    match (op, locale) {
        (Operator::Gt, Locale::En) => "more than the threshold of",
        (Operator::Gt, Locale::Pl) => "ponad próg",
        (Operator::Gt, Locale::Bg) => "над прага от",
        (Operator::Ge, Locale::En) => "at least the threshold of",
        (Operator::Ge, Locale::Pl) => "co najmniej próg",
        (Operator::Ge, Locale::Bg) => "поне прага от",
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
///     "pupil 7 (preschool): 5 hours of excused absence in 2 records count towards no rule: \
///      no rule of the profile counts excused absence in hours at this level"
/// );
/// assert!(n.message(Locale::Pl).contains("w 2 wpisach"));
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
    pub fn message(&self, locale: Locale) -> String {
        let (p, a, n) = (self.pupil, self.amount, self.records);
        match locale {
            Locale::En => {
                let (kind, unit) = (kind_en(self.kind), unit_name(self.unit, Locale::En));
                format!(
                    "pupil {p} ({}): {a} {unit} of {kind} in {n} {} count towards no rule: no rule of the profile counts {kind} in {unit} at this level",
                    self.level.as_str(),
                    if n == 1 { "record" } else { "records" }
                )
            }
            Locale::Pl => format!(
                "uczeń {p} ({}): {} w jednostce „{}”: {a}, w {n} {} — nie liczą się do żadnej reguły: żadna reguła profilu nie liczy ich w tej jednostce na tym poziomie",
                match self.level {
                    Level::Preschool => "przygotowanie przedszkolne",
                    Level::School => "szkoła",
                },
                match self.kind {
                    AbsenceKind::Excused => "nieobecności usprawiedliwione",
                    AbsenceKind::Unexcused => "nieobecności nieusprawiedliwione",
                    AbsenceKind::Late => "spóźnienia",
                },
                match self.unit {
                    Unit::Hours => "godziny lekcyjne",
                    Unit::Days => "dni",
                    Unit::Minutes => "minuty",
                },
                if n == 1 { "wpisie" } else { "wpisach" }
            ),
            Locale::Bg => format!(
                "ученик {p} ({}): {} в мерна единица „{}“: {a}, в {n} {} — не се броят за нито едно правило: никое правило на профила не ги брои в тази мерна единица на това ниво",
                match self.level {
                    Level::Preschool => "предучилищна група",
                    Level::School => "училище",
                },
                match self.kind {
                    AbsenceKind::Excused => "извинени отсъствия",
                    AbsenceKind::Unexcused => "неизвинени отсъствия",
                    AbsenceKind::Late => "закъснения",
                },
                match self.unit {
                    Unit::Hours => "учебни часове",
                    Unit::Days => "дни",
                    Unit::Minutes => "минути",
                },
                if n == 1 { "запис" } else { "записа" }
            ),
        }
    }
}

const fn kind_en(kind: AbsenceKind) -> &'static str {
    match kind {
        AbsenceKind::Excused => "excused absence",
        AbsenceKind::Unexcused => "unexcused absence",
        AbsenceKind::Late => "late arrivals",
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
            "50 of 100 planned hours (50 %) of unexcused absence in the month 2026-03 (2026-03-01 to 2026-03-31), at least the threshold of 50 %"
        );
        assert_eq!(
            finding.message(Locale::Pl),
            "50 z 100 planowanych godzin lekcyjnych (50 %) — nieobecności nieusprawiedliwione w miesiącu 2026-03 (od 01.03.2026 do 31.03.2026), co najmniej próg 50 %"
        );
        assert!(finding.message(Locale::Bg).contains("поне прага от 50 %"));
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
