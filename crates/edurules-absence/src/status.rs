//! "At risk" status per pupil and its transitions, from one evaluation to the next.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use edurules_locale::{Locale, Message};

use crate::{PupilId, Report};

/// A pupil's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Not flagged by any rule.
    NotAtRisk,
    /// Flagged by at least one rule (BG „в риск“).
    AtRisk,
}

/// A change of status on a date, with the rules that caused it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Transition {
    /// The pupil.
    pub pupil: PupilId,
    /// The date of the evaluation that saw the change.
    pub on: NaiveDate,
    /// The status before.
    pub from: Status,
    /// The status after.
    pub to: Status,
    /// The rules that flag the pupil now (empty when the pupil leaves "at risk").
    pub rules: Vec<String>,
}

impl Transition {
    /// A transition of `pupil` on `on` from one status to another, because of
    /// these rules (for a history kept by the caller).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::{PupilId, Status, Transition};
    /// let on = NaiveDate::from_ymd_opt(2018, 6, 12).unwrap();
    /// let t = Transition::new(PupilId(1), on, Status::NotAtRisk, Status::AtRisk, ["bg.isrm.total"]);
    /// assert_eq!(t.rules, ["bg.isrm.total"]);
    /// ```
    #[must_use]
    pub fn new<I, S>(pupil: PupilId, on: NaiveDate, from: Status, to: Status, rules: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            pupil,
            on,
            from,
            to,
            rules: rules.into_iter().map(Into::into).collect(),
        }
    }

    /// A sentence for the status history.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::*;
    /// let on = NaiveDate::from_ymd_opt(2018, 6, 12).unwrap();
    /// let t = Transition::new(PupilId(1), on, Status::NotAtRisk, Status::AtRisk, ["bg.isrm.total"]);
    /// assert_eq!(t.message(Locale::En), "From 12 June 2018, pupil 1 is at risk (rules: “bg.isrm.total”).");
    /// assert_eq!(t.message(Locale::Pl), "Od 12 czerwca 2018 r. uczeń 1 jest w grupie ryzyka (reguły: „bg.isrm.total”).");
    /// ```
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let (p, on) = (self.pupil, l.date(self.on));
        let rules = if self.rules.is_empty() {
            String::new()
        } else {
            let more = self.rules.len().saturating_sub(LISTED_RULES);
            let list = if more == 0 {
                l.quote_list(self.rules.iter().map(String::as_str))
            } else {
                let shown: Vec<String> = self
                    .rules
                    .iter()
                    .take(LISTED_RULES)
                    .map(|r| l.quote(r))
                    .collect();
                let n = u64::try_from(more).unwrap_or(u64::MAX);
                let rest = l.pick(
                    format!("i jeszcze {}", l.count(n, crate::nouns::RULE)),
                    format!("и още {}", l.count(n, crate::nouns::RULE)),
                    format!(
                        "and {} more {}",
                        l.integer(i128::from(n)),
                        l.noun(n, crate::nouns::RULE)
                    ),
                );
                format!("{} {rest}", shown.join(", "))
            };
            l.pick(
                format!(" (reguły: {list})"),
                format!(" (правила: {list})"),
                format!(" (rules: {list})"),
            )
        };
        match self.to {
            Status::AtRisk => l.pick(
                format!("Od {on} uczeń {p} jest w grupie ryzyka{rules}."),
                format!("Считано от {on} ученик {p} е в риск{rules}."),
                format!("From {on}, pupil {p} is at risk{rules}."),
            ),
            Status::NotAtRisk => l.pick(
                format!("Od {on} uczeń {p} nie jest już w grupie ryzyka."),
                format!("Считано от {on} ученик {p} вече не е в риск."),
                format!("From {on}, pupil {p} is no longer at risk."),
            ),
        }
    }
}

/// How many rules a transition's message names; it counts the rest.
const LISTED_RULES: usize = 5;

impl Message for Transition {
    fn code(&self) -> &'static str {
        match self.to {
            Status::AtRisk => "absence.status.at_risk",
            Status::NotAtRisk => "absence.status.not_at_risk",
        }
    }

    fn message(&self, locale: Locale) -> String {
        Self::message(self, locale)
    }
}

/// The current status of every pupil ever flagged, updated from each new report.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_absence::*;
/// let d = |m, day| NaiveDate::from_ymd_opt(2018, m, day).unwrap();
/// let roster = Roster::new(vec![Pupil::new(PupilId(5), SchoolId("S".into()), Level::School)]).unwrap();
/// let planned = Planned::default();
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::custom(d(1, 1), d(6, 1)).unwrap(), &roster, &planned).unwrap();
/// let mut book = StatusBook::default();
/// let r = AbsenceRecord::new(PupilId(5), d(2, 1), Quantity::whole(41), Unit::Hours, AbsenceKind::Unexcused);
/// let t = book.update(&ev.evaluate_records(&[r]).unwrap(), d(2, 2));
/// assert_eq!(t.len(), 1);
/// assert_eq!(t[0].to, Status::AtRisk);
/// assert!(book.update(&ev.evaluate_records(&[r]).unwrap(), d(2, 3)).is_empty()); // no change
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StatusBook {
    /// Pupils at risk, with the date they became so and the rules that flag them.
    pub at_risk: BTreeMap<PupilId, AtRiskEntry>,
}

/// Why and since when a pupil is at risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AtRiskEntry {
    /// The date of the evaluation that first flagged the pupil.
    pub since: NaiveDate,
    /// The rules that flag the pupil now.
    pub rules: Vec<String>,
}

impl StatusBook {
    /// Applies a report evaluated on `on`: pupils newly flagged become at risk, pupils no longer
    /// flagged leave it; returns the transitions, by pupil id.
    ///
    /// Every pupil of the book that the report does not flag leaves "at risk", so the report
    /// must be a whole evaluation of the pupils the book follows: from
    /// [`crate::Evaluator::evaluate`] over the same roster, not from
    /// [`crate::Evaluator::evaluate_streaming`] (whose flags went to its sink, so its report
    /// has none) nor over another school's roster. A pupil who left the school also leaves
    /// "at risk" here; the Mechanism's other outcomes (moved, dropped out, abroad) are the
    /// caller's to record.
    ///
    /// # Example
    ///
    /// See [`StatusBook`].
    pub fn update(&mut self, report: &Report, on: NaiveDate) -> Vec<Transition> {
        let mut now: BTreeMap<PupilId, Vec<String>> = BTreeMap::new();
        for f in &report.flags {
            now.entry(f.pupil).or_default().push(f.rule.id().to_owned());
        }
        let mut out = Vec::new();
        let left: Vec<PupilId> = self
            .at_risk
            .keys()
            .filter(|p| !now.contains_key(p))
            .copied()
            .collect();
        for pupil in left {
            self.at_risk.remove(&pupil);
            out.push(Transition {
                pupil,
                on,
                from: Status::AtRisk,
                to: Status::NotAtRisk,
                rules: Vec::new(),
            });
        }
        for (pupil, rules) in now {
            match self.at_risk.get_mut(&pupil) {
                Some(entry) => entry.rules = rules,
                None => {
                    out.push(Transition {
                        pupil,
                        on,
                        from: Status::NotAtRisk,
                        to: Status::AtRisk,
                        rules: rules.clone(),
                    });
                    self.at_risk.insert(pupil, AtRiskEntry { since: on, rules });
                }
            }
        }
        out.sort_by_key(|t| t.pupil);
        out
    }

    /// The status of a pupil.
    #[must_use]
    pub fn status(&self, pupil: PupilId) -> Status {
        if self.at_risk.contains_key(&pupil) {
            Status::AtRisk
        } else {
            Status::NotAtRisk
        }
    }
}
