//! Rule profiles: thresholds, operators, units, windows and legal bases, all as data.

mod describe;
mod presets;

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use edurules_locale::clip;

use crate::{AbsenceError, Level, Percent, ProfileProblem, Quantity, Unit};

/// A named set of rules with its legal bases: what a selection screen or a nightly job runs.
///
/// Presets: [`RuleProfile::bg_isrm`], [`RuleProfile::pl_compulsory_schooling`],
/// [`RuleProfile::chronic_absence`]. A vendor can also load a profile from JSON and call
/// [`RuleProfile::validate`] (the evaluator validates again).
///
/// # Example
///
/// ```
/// use edurules_absence::RuleProfile;
/// let p = RuleProfile::bg_isrm();
/// assert!(p.validate().is_ok());
/// let json = serde_json::to_string(&p).unwrap();
/// let back: RuleProfile = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, p);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RuleProfile {
    /// A stable id, e.g. `bg.isrm`.
    pub id: String,
    /// A name a person reads.
    pub name: String,
    /// The rules; a pupil is flagged once per rule that matches.
    pub rules: Vec<Rule>,
    /// How late arrivals become unexcused hours; without it late arrivals are not counted.
    #[serde(default)]
    pub late_arrivals: Option<LateConversion>,
    /// The legal basis under which a signal about a flagged pupil is sent (BG: art. 347 ЗПУО).
    #[serde(default)]
    pub signal_basis: Option<LegalBasis>,
}

/// One rule: a condition over a pupil's absences, with the law it follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rule {
    /// A stable id, e.g. `bg.isrm.total`.
    pub id: String,
    /// What the rule selects, in words.
    pub description: String,
    /// The legal (or administrative) source.
    pub legal_basis: LegalBasis,
    /// When a pupil is flagged.
    pub when: Condition,
    /// Whether a flag of this rule grounds a signal under the profile's `signal_basis`
    /// ([`crate::Report::signals`]); `true` unless set. In [`RuleProfile::bg_isrm`] the
    /// selection of over 130 hours of absence of every kind does not: art. 347 ЗПУО punishes a
    /// parent who does not ensure attendance, and excused absences do not breach that duty
    /// (crate README, "Legal sources").
    #[serde(default = "signals_by_default", skip_serializing_if = "is_true")]
    #[schemars(default = "signals_by_default")]
    pub signals: bool,
}

fn signals_by_default() -> bool {
    true
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_true(b: &bool) -> bool {
    *b
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LegalBasis {
    /// The citation as a lawyer writes it.
    pub citation: String,
    /// A link to the text, when there is one.
    #[serde(default)]
    pub url: Option<String>,
}

impl LegalBasis {
    /// A citation without a link.
    #[must_use]
    pub fn cite(citation: &str) -> Self {
        Self {
            citation: citation.to_owned(),
            url: None,
        }
    }
}

/// A condition: a threshold, or `any`/`all` of conditions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Condition {
    /// True when at least one condition is.
    Any(Vec<Condition>),
    /// True when every condition is.
    All(Vec<Condition>),
    /// One threshold.
    Threshold(Threshold),
}

/// The most deeply nested `any`/`all` accepted.
pub const MAX_CONDITION_DEPTH: usize = 8;

/// A comparison of one measured amount against a limit.
///
/// The operator is always explicit: `gt` for "over"/"more than"/"над", `ge` for "at least"/"co
/// najmniej". Only these two exist on purpose: adding an absence can never un-flag a pupil.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Threshold {
    /// Which absences are summed.
    pub counts: Counted,
    /// The unit summed: records in other units are not part of this threshold.
    pub unit: Unit,
    /// Only pupils at this level; none means every pupil.
    #[serde(default)]
    pub level: Option<Level>,
    /// Over the whole window, or in each calendar month of it (flagged if any month matches).
    #[serde(default)]
    pub per: Per,
    /// `gt` (strictly more) or `ge` (at least).
    pub operator: Operator,
    /// An amount, or a share of the planned amount.
    pub limit: Limit,
}

/// Which absences a threshold sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Counted {
    /// Excused and unexcused (and converted late arrivals).
    All,
    /// Unexcused only (and converted late arrivals).
    Unexcused,
    /// Excused only.
    Excused,
}

/// The period a threshold sums over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Per {
    /// The whole evaluation window.
    #[default]
    Window,
    /// Each calendar month of the window separately.
    Month,
}

/// How the measured amount is compared with the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Operator {
    /// Strictly more than ("over 130" = 131 and up).
    Gt,
    /// At least ("at least 50 %" includes 50 %).
    Ge,
}

impl Operator {
    /// Whether `ordering` (measured compared with limit) satisfies the operator.
    #[must_use]
    pub const fn holds(self, ordering: std::cmp::Ordering) -> bool {
        match self {
            Self::Gt => matches!(ordering, std::cmp::Ordering::Greater),
            Self::Ge => !matches!(ordering, std::cmp::Ordering::Less),
        }
    }

    /// The mathematical symbol.
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::Gt => ">",
            Self::Ge => "≥",
        }
    }
}

/// The limit of a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Limit {
    /// An amount in the threshold's unit.
    Amount(Quantity),
    /// A share of the planned amount ([`crate::Planned`]) for the same period and unit.
    Share(Percent),
}

/// Turns a late arrival (minutes late) into unexcused hours, band by band.
///
/// # Example
///
/// ```
/// use edurules_absence::{LateConversion, Quantity};
/// let bg = LateConversion::bg_2017();
/// assert_eq!(bg.hours_for(20), Quantity::from_fraction(1, 2).unwrap());
/// assert_eq!(bg.hours_for(21), Quantity::ONE);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LateConversion {
    /// Bands in increasing order of minutes; the last has no upper end.
    pub bands: Vec<LateBand>,
    /// Where the conversion comes from.
    pub legal_basis: LegalBasis,
}

/// One band of a late-arrival conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LateBand {
    /// The longest lateness in this band, in minutes, included; none for the last, open band.
    #[serde(default)]
    pub up_to_minutes: Option<u32>,
    /// The unexcused hours one late arrival in this band counts as.
    pub counts_as: Quantity,
}

/// The most bands a late-arrival conversion may have.
pub const MAX_LATE_BANDS: usize = 12;

impl LateConversion {
    /// The band index for a lateness given in sixtieths of a minute (bands are validated: the
    /// last is open).
    pub(crate) fn band_of(&self, sixtieths_of_minute: u64) -> usize {
        self.bands
            .iter()
            .position(|b| {
                b.up_to_minutes
                    .is_none_or(|m| sixtieths_of_minute <= u64::from(m) * crate::PARTS_PER_UNIT)
            })
            .unwrap_or(self.bands.len().saturating_sub(1))
    }

    /// The unexcused hours a late arrival of `minutes` counts as.
    #[must_use]
    pub fn hours_for(&self, minutes: u64) -> Quantity {
        self.bands
            .get(self.band_of(minutes.saturating_mul(crate::PARTS_PER_UNIT)))
            .map_or(Quantity::ZERO, |b| b.counts_as)
    }
}

impl RuleProfile {
    /// Checks the profile and lists every problem at once.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::InvalidProfile`] naming each problem: empty ids or descriptions, repeated
    /// rule ids, empty `any`/`all`, nesting deeper than [`MAX_CONDITION_DEPTH`], thresholds in
    /// minutes, `ge` a zero limit (amount or share: it would hold for every pupil), late-arrival bands out of order or without an open last band.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{Condition, RuleProfile};
    /// let mut p = RuleProfile::bg_isrm();
    /// p.rules[0].when = Condition::Any(vec![]);
    /// p.rules[1].id = p.rules[0].id.clone();
    /// let err = p.validate().unwrap_err();
    /// assert!(err.to_string().contains("empty list of conditions"));
    /// assert!(err.to_string().contains("appears twice"));
    /// ```
    pub fn validate(&self) -> Result<(), AbsenceError> {
        let mut problems: Vec<ProfileProblem> = Vec::new();
        if self.id.trim().is_empty() {
            problems.push(ProfileProblem::EmptyProfileId);
        }
        if self.rules.is_empty() {
            problems.push(ProfileProblem::NoRules);
        }
        let mut seen = HashSet::new();
        for rule in &self.rules {
            if rule.id.trim().is_empty() {
                problems.push(ProfileProblem::EmptyRuleId);
            } else if !seen.insert(rule.id.as_str()) {
                problems.push(ProfileProblem::DuplicateRule {
                    rule: clip(&rule.id),
                });
            }
            if rule.description.trim().is_empty() {
                problems.push(ProfileProblem::EmptyDescription {
                    rule: clip(&rule.id),
                });
            }
            if rule.legal_basis.citation.trim().is_empty() {
                problems.push(ProfileProblem::EmptyLegalBasis {
                    rule: clip(&rule.id),
                });
            }
            check_condition(&rule.id, &rule.when, 1, &mut problems);
        }
        if let Some(late) = &self.late_arrivals {
            check_late(late, &mut problems);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(AbsenceError::InvalidProfile {
                profile: self.id.clone(),
                problems,
            })
        }
    }

    /// The rule with this id.
    #[must_use]
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn check_condition(rule: &str, c: &Condition, depth: usize, problems: &mut Vec<ProfileProblem>) {
    if depth > MAX_CONDITION_DEPTH {
        problems.push(ProfileProblem::TooDeep {
            rule: clip(rule),
            max: MAX_CONDITION_DEPTH as u64,
        });
        return;
    }
    match c {
        Condition::Any(v) | Condition::All(v) if v.is_empty() => {
            let rule = clip(rule);
            problems.push(if matches!(c, Condition::Any(_)) {
                ProfileProblem::EmptyAny { rule }
            } else {
                ProfileProblem::EmptyAll { rule }
            });
        }
        Condition::Any(v) | Condition::All(v) => v
            .iter()
            .for_each(|c| check_condition(rule, c, depth + 1, problems)),
        Condition::Threshold(t) => {
            if t.unit == Unit::Minutes {
                problems.push(ProfileProblem::MinutesThreshold { rule: clip(rule) });
            }
            let zero = match t.limit {
                Limit::Amount(q) => q == Quantity::ZERO,
                Limit::Share(p) => p == Percent::from_basis_points(0),
            };
            if zero && t.operator == Operator::Ge {
                problems.push(ProfileProblem::AtLeastZero { rule: clip(rule) });
            }
        }
    }
}

fn check_late(late: &LateConversion, problems: &mut Vec<ProfileProblem>) {
    if late.bands.is_empty() || late.bands.len() > MAX_LATE_BANDS {
        problems.push(ProfileProblem::LateBandCount {
            max: MAX_LATE_BANDS as u64,
        });
        return;
    }
    let mut previous: Option<&LateBand> = None;
    for (i, band) in late.bands.iter().enumerate() {
        let last = i + 1 == late.bands.len();
        let number = i as u64 + 1;
        if last != band.up_to_minutes.is_none() {
            problems.push(if last {
                ProfileProblem::LateLastBandClosed { band: number }
            } else {
                ProfileProblem::LateBandOpen { band: number }
            });
        }
        if let Some(p) = previous {
            if let (Some(a), Some(b)) = (p.up_to_minutes, band.up_to_minutes)
                && b <= a
            {
                problems.push(ProfileProblem::LateBandOrder {
                    band: number,
                    ends_at: u64::from(b),
                    previous_end: u64::from(a),
                });
            }
            if band.counts_as < p.counts_as {
                problems.push(ProfileProblem::LateBandDecreasing { band: number });
            }
        }
        previous = Some(band);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_are_strict_or_inclusive() {
        use std::cmp::Ordering::*;
        assert!(!Operator::Gt.holds(Equal));
        assert!(Operator::Gt.holds(Greater));
        assert!(Operator::Ge.holds(Equal));
        assert!(!Operator::Ge.holds(Less));
    }

    #[test]
    fn late_bands_are_checked() {
        let mut p = RuleProfile::bg_isrm();
        if let Some(late) = p.late_arrivals.as_mut() {
            late.bands.reverse();
        }
        let Err(AbsenceError::InvalidProfile { problems, .. }) = p.validate() else {
            panic!("expected invalid")
        };
        assert!(
            problems
                .iter()
                .any(|m| matches!(m, ProfileProblem::LateBandOpen { .. })),
            "{problems:?}"
        );
    }

    #[test]
    fn presets_are_valid() {
        for p in [
            RuleProfile::bg_isrm(),
            RuleProfile::pl_compulsory_schooling(),
            RuleProfile::chronic_absence(),
        ] {
            p.validate().unwrap();
        }
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let json =
            r#"{"counts":"all","unit":"hours","operator":"gt","limit":{"amount":"130"},"extra":1}"#;
        assert!(serde_json::from_str::<Threshold>(json).is_err());
        let json = r#"{"counts":"all","unit":"hours","operator":"gt","limit":{"amount":130.5}}"#;
        assert!(
            serde_json::from_str::<Threshold>(json).is_err(),
            "floats are not thresholds"
        );
    }
}
