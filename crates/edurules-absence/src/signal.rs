//! The notice to the municipality about a pupil at risk.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use edurules_locale::{Locale, Message};

use crate::{Flag, LegalBasis, Level, PupilId, SchoolId, text};

/// A signal about one pupil, with every rule that flagged them: the document a vendor sends on
/// (in Bulgaria to the municipality under art. 347 ЗПУО).
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
/// let r = AbsenceRecord::new(PupilId(5), d(2, 1), Quantity::whole(41), Unit::Hours, AbsenceKind::Unexcused);
/// let signals = ev.evaluate_records(&[r]).unwrap().signals(d(6, 12)).unwrap();
/// assert_eq!(signals.len(), 1);
/// assert!(signals[0].message(Locale::Bg).starts_with("Сигнал с дата 12 юни 2018 г. от училище „S“ за ученик 5; правно основание: „"));
/// let json = serde_json::to_value(&signals[0]).unwrap();
/// assert_eq!(json["pupil"], 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Signal {
    /// The date the signal is issued (passed in; the crate never reads the clock).
    pub issued_on: NaiveDate,
    /// The pupil.
    pub pupil: PupilId,
    /// The pupil's school (the sender).
    pub school: SchoolId,
    /// The pupil's level.
    pub level: Level,
    /// The pupil's grade, when known.
    pub grade: Option<u8>,
    /// The first day of the period evaluated.
    pub first: NaiveDate,
    /// The last day of the period evaluated.
    pub last: NaiveDate,
    /// The legal basis of the signal itself.
    pub basis: Option<LegalBasis>,
    /// Each rule that flagged the pupil, with its figures and legal basis.
    pub reasons: Vec<Flag>,
}

impl Signal {
    /// The signal as text: heading, basis, then one sentence per reason.
    ///
    /// # Example
    ///
    /// See [`Signal`].
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let (date, school, p) = (l.date(self.issued_on), l.quote(&self.school.0), self.pupil);
        let head = l.pick(
            format!("Zawiadomienie z dnia {date} ze szkoły {school} w sprawie ucznia {p}"),
            format!("Сигнал с дата {date} от училище {school} за ученик {p}"),
            format!("Signal of {date} from school {school} about pupil {p}"),
        );
        let basis = self.basis.as_ref().map_or_else(String::new, |b| {
            let c = text::citation(l, &b.citation);
            l.pick(
                format!("; podstawa prawna: {c}"),
                format!("; правно основание: {c}"),
                format!("; legal basis: {c}"),
            )
        });
        let reasons: Vec<String> = self.reasons.iter().map(|f| f.message(l)).collect();
        format!("{head}{basis}. {}", reasons.join(" "))
    }
}

impl Message for Signal {
    fn code(&self) -> &'static str {
        "absence.signal"
    }

    fn message(&self, locale: Locale) -> String {
        Self::message(self, locale)
    }
}
