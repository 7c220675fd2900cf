//! The notice to the municipality about a pupil at risk.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Flag, LegalBasis, Level, Locale, PupilId, SchoolId};

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
/// let signals = ev.evaluate_records(&[r]).unwrap().signals(d(6, 12));
/// assert_eq!(signals.len(), 1);
/// assert!(signals[0].message(Locale::Bg).contains("чл. 347"));
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
    pub fn message(&self, locale: Locale) -> String {
        let basis = self.basis.as_ref().map_or("-", |b| b.citation.as_str());
        let head = match locale {
            Locale::En => format!(
                "Signal of {} from school {} about pupil {}; basis: {basis}.",
                self.issued_on, self.school, self.pupil
            ),
            Locale::Pl => format!(
                "Zawiadomienie z dnia {} ze szkoły {} dotyczące ucznia {}; podstawa: {basis}.",
                self.issued_on.format("%d.%m.%Y"),
                self.school,
                self.pupil
            ),
            Locale::Bg => format!(
                "Сигнал от {} от училище {} за ученик {}; основание: {basis}.",
                self.issued_on.format("%d.%m.%Y"),
                self.school,
                self.pupil
            ),
        };
        let reasons: Vec<String> = self.reasons.iter().map(|f| f.message(locale)).collect();
        format!("{head} {}", reasons.join(" "))
    }
}
