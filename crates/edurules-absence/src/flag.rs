//! [`Flag`]: a pupil matched by a rule, referring to the rule rather than copying its texts,
//! and [`Finding`]: one matched threshold with its figures.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use edurules_locale::{Locale, Message};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{
    Counted, LegalBasis, Level, Limit, Operator, Percent, PupilId, Quantity, Rule, SchoolId, Unit,
    YearMonth, text,
};

/// The rule a [`Flag`] refers to: its id, description and legal basis, shared by every flag of
/// the rule (one pointer per flag, not a copy of the texts).
///
/// It compares equal to its id as a string, so `flag.rule == "bg.isrm.total"` reads as before.
///
/// # Example
///
/// ```
/// use edurules_absence::{LegalBasis, RuleRef};
/// let r = RuleRef::new("bg.isrm.total", "over 130 hours", LegalBasis::cite("чл. 347 ЗПУО"));
/// assert_eq!(r.id(), "bg.isrm.total");
/// assert!(r == "bg.isrm.total");
/// assert_eq!(r.legal_basis().citation, "чл. 347 ЗПУО");
/// assert_eq!(r.clone(), r);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRef(Arc<RuleText>);

#[derive(Debug, PartialEq, Eq)]
struct RuleText {
    id: String,
    description: String,
    legal_basis: LegalBasis,
    quoted: QuotedBasis,
}

/// The legal basis as a flag's sentence quotes it, per language, made on first use: the
/// thousands of flags of one rule in a report share one text.
#[derive(Default)]
struct QuotedBasis([OnceLock<String>; 3]);

impl QuotedBasis {
    fn get(&self, l: Locale, citation: &str) -> &str {
        let [pl, bg, en] = &self.0;
        let cell = match l {
            Locale::Pl => pl,
            Locale::Bg => bg,
            _ => en,
        };
        cell.get_or_init(|| text::citation(l, citation))
    }
}

// A cache of the citation beside it: two rule texts are equal whatever each has made so far.
impl PartialEq for QuotedBasis {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for QuotedBasis {}

impl fmt::Debug for QuotedBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("QuotedBasis")
    }
}

impl RuleRef {
    /// A reference to a rule with these texts.
    ///
    /// # Example
    ///
    /// See [`RuleRef`].
    #[must_use]
    pub fn new(id: &str, description: &str, legal_basis: LegalBasis) -> Self {
        Self(Arc::new(RuleText {
            id: id.to_owned(),
            description: description.to_owned(),
            legal_basis,
            quoted: QuotedBasis::default(),
        }))
    }

    /// A reference to `rule`'s texts.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{RuleProfile, RuleRef};
    /// let p = RuleProfile::bg_isrm();
    /// assert_eq!(RuleRef::of(&p.rules[0]).id(), p.rules[0].id);
    /// ```
    #[must_use]
    pub fn of(rule: &Rule) -> Self {
        Self::new(&rule.id, &rule.description, rule.legal_basis.clone())
    }

    /// The rule's id.
    ///
    /// # Example
    ///
    /// See [`RuleRef`].
    #[must_use]
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// The rule's description, as the profile gives it.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::{LegalBasis, RuleRef};
    /// assert_eq!(RuleRef::new("r", "d", LegalBasis::cite("c")).description(), "d");
    /// ```
    #[must_use]
    pub fn description(&self) -> &str {
        &self.0.description
    }

    /// The rule's legal basis.
    ///
    /// # Example
    ///
    /// See [`RuleRef`].
    #[must_use]
    pub fn legal_basis(&self) -> &LegalBasis {
        &self.0.legal_basis
    }

    /// The legal basis quoted for a sentence in `l` (made once per rule and language).
    fn quoted_basis(&self, l: Locale) -> &str {
        self.0.quoted.get(l, &self.0.legal_basis.citation)
    }
}

impl PartialEq<str> for RuleRef {
    fn eq(&self, other: &str) -> bool {
        self.id() == other
    }
}

impl PartialEq<&str> for RuleRef {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

impl PartialEq<String> for RuleRef {
    fn eq(&self, other: &String) -> bool {
        self.id() == other
    }
}

impl PartialEq<RuleRef> for String {
    fn eq(&self, other: &RuleRef) -> bool {
        self == other.id()
    }
}

impl std::fmt::Display for RuleRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// A pupil matched by a rule, with the figures that made it match.
///
/// A flag refers to its rule ([`RuleRef`]) instead of copying the rule's texts: it takes
/// 64 bytes plus its findings. Its JSON is unchanged: `rule`, `description` and `legal_basis`
/// are written out from the rule when the flag is serialized.
///
/// # Example
///
/// ```
/// assert!(std::mem::size_of::<edurules_absence::Flag>() <= 64);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The rule (its id, description and legal basis).
    pub rule: RuleRef,
    /// The thresholds that matched, each with its figures.
    pub findings: Box<[Finding]>,
}

/// How a flag is written in JSON (the shape of earlier versions, with the rule's texts).
#[derive(Serialize)]
struct FlagOut<'a> {
    pupil: PupilId,
    school: &'a SchoolId,
    level: Level,
    grade: Option<u8>,
    rule: &'a str,
    description: &'a str,
    legal_basis: &'a LegalBasis,
    findings: &'a [Finding],
}

// How a flag is read from JSON, and its schema: the doc comments below are the schema's
// descriptions, the same as before flags referred to their rule.
/// A pupil matched by a rule, with the figures that made it match.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Flag")]
#[allow(dead_code)] // read by serde and schemars
struct FlagIn {
    /// The pupil.
    pupil: PupilId,
    /// The pupil's school.
    school: SchoolId,
    /// The pupil's level.
    level: Level,
    /// The pupil's grade, when known.
    grade: Option<u8>,
    /// The rule's id.
    rule: String,
    /// The rule's description.
    description: String,
    /// The rule's legal basis.
    legal_basis: LegalBasis,
    /// The thresholds that matched, each with its figures.
    findings: Vec<Finding>,
}

impl Serialize for Flag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FlagOut {
            pupil: self.pupil,
            school: &self.school,
            level: self.level,
            grade: self.grade,
            rule: self.rule.id(),
            description: self.rule.description(),
            legal_basis: self.rule.legal_basis(),
            findings: &self.findings,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = FlagIn::deserialize(d)?;
        Ok(Self {
            pupil: f.pupil,
            school: f.school,
            level: f.level,
            grade: f.grade,
            rule: RuleRef::new(&f.rule, &f.description, f.legal_basis),
            findings: f.findings.into_boxed_slice(),
        })
    }
}

impl JsonSchema for Flag {
    fn schema_name() -> Cow<'static, str> {
        FlagIn::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Flag"))
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        FlagIn::json_schema(generator)
    }
}

impl Flag {
    /// A flag of `pupil`'s by `rule`, with the thresholds that matched.
    pub(crate) fn new(pupil: &crate::Pupil, rule: RuleRef, findings: Vec<Finding>) -> Self {
        Self {
            pupil: pupil.id,
            school: pupil.school.clone(),
            level: pupil.level,
            grade: pupil.grade,
            rule,
            findings: findings.into_boxed_slice(),
        }
    }

    /// The rule's description (from the rule the flag refers to).
    ///
    /// # Example
    ///
    /// See [`crate::Report`].
    #[must_use]
    pub fn description(&self) -> &str {
        self.rule.description()
    }

    /// The rule's legal basis (from the rule the flag refers to).
    ///
    /// # Example
    ///
    /// See [`crate::Report`].
    #[must_use]
    pub fn legal_basis(&self) -> &LegalBasis {
        self.rule.legal_basis()
    }

    /// A sentence a teacher can read: who, the figures against each threshold, the period,
    /// the rule and its legal basis.
    ///
    /// # Example
    ///
    /// See [`crate::Report`].
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let (school, rule) = (l.quote(&self.school.0), l.quote(self.rule.id()));
        let basis = self.rule.quoted_basis(l);
        let (pupil, school_word, rule_word, basis_word) = match l {
            Locale::Pl => ("Uczeń ", " (szkoła ", ". Reguła ", ", podstawa prawna: "),
            Locale::Bg => (
                "Ученик ",
                " (училище ",
                ". Правило ",
                ", правно основание: ",
            ),
            _ => ("Pupil ", " (school ", ". Rule ", "; legal basis: "),
        };
        // Written into one buffer sized for the whole sentence: a report can hold many
        // thousands of flags, and growing the text piece by piece cost most of the time.
        let mut out = String::with_capacity(
            basis.len() + school.len() + rule.len() + 96 + 192 * self.findings.len(),
        );
        out.push_str(pupil);
        out.push_str(&self.pupil.0.to_string());
        out.push_str(school_word);
        out.push_str(&school);
        out.push_str("): ");
        for (i, finding) in self.findings.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            finding.push_message(l, &mut out);
        }
        out.push_str(rule_word);
        out.push_str(&rule);
        out.push_str(basis_word);
        out.push_str(basis);
        out.push('.');
        out
    }
}

impl Message for Flag {
    fn code(&self) -> &'static str {
        "absence.flag"
    }

    fn message(&self, locale: Locale) -> String {
        Self::message(self, locale)
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

    /// The finding as a clause: what was counted over which period, the figures and the
    /// threshold, e.g. `nieobecności nieusprawiedliwione od 1 marca 2026 r. do 31 marca
    /// 2026 r.: 41,5 godziny lekcyjnej (próg: ponad 40 godzin lekcyjnych)`.
    ///
    /// # Example
    ///
    /// See [`crate::Report`].
    #[must_use]
    pub fn message(&self, l: Locale) -> String {
        let mut out = String::with_capacity(192);
        self.push_message(l, &mut out);
        out
    }

    /// [`Finding::message`], written at the end of `out`.
    fn push_message(&self, l: Locale, out: &mut String) {
        let (from, to, threshold) = match l {
            Locale::Pl => (" od ", " do ", "próg: "),
            Locale::Bg => (" от ", " до ", "праг: "),
            _ => (" from ", " to ", "threshold: "),
        };
        out.push_str(counted_name(self.counts, l));
        out.push_str(from);
        out.push_str(&l.date(self.first));
        out.push_str(to);
        out.push_str(&l.date(self.last));
        out.push_str(": ");
        out.push_str(&text::amount(l, self.measured, self.unit));
        out.push_str(" (");
        if let (Some(planned), Some(share)) = (self.planned, self.share()) {
            let (planned_word, share_word) = match l {
                Locale::Pl => ("plan: ", ", udział: "),
                Locale::Bg => ("по план: ", ", дял: "),
                _ => ("planned: ", ", share: "),
            };
            out.push_str(planned_word);
            out.push_str(&text::amount(l, planned, self.unit));
            out.push_str(share_word);
            out.push_str(&text::percent(l, share));
            out.push_str("; ");
        }
        out.push_str(threshold);
        out.push_str(text::operator(l, self.operator));
        out.push(' ');
        out.push_str(&match self.limit {
            Limit::Amount(q) => text::amount(l, q, self.unit),
            Limit::Share(p) => text::percent(l, p),
        });
        out.push(')');
    }
}

const fn counted_name(counts: Counted, locale: Locale) -> &'static str {
    match (counts, locale) {
        (Counted::All, Locale::Pl) => "nieobecności łącznie",
        (Counted::All, Locale::Bg) => "отсъствия общо",
        (Counted::All, _) => "absences of every kind",
        (Counted::Unexcused, Locale::Pl) => "nieobecności nieusprawiedliwione",
        (Counted::Unexcused, Locale::Bg) => "неизвинени отсъствия",
        (Counted::Unexcused, _) => "unexcused absences",
        (Counted::Excused, Locale::Pl) => "nieobecności usprawiedliwione",
        (Counted::Excused, Locale::Bg) => "извинени отсъствия",
        (Counted::Excused, _) => "excused absences",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quoted_basis_is_the_citation_in_each_language_and_made_once() {
        let r = RuleRef::new("r", "d", LegalBasis::cite("изх. № 1 „Посещаемо училище“"));
        let copy = r.clone();
        for l in [Locale::Pl, Locale::Bg, Locale::En] {
            let expected = text::citation(l, "изх. № 1 „Посещаемо училище“");
            assert_eq!(r.quoted_basis(l), expected);
            // The clone shares the text made for the first.
            assert!(std::ptr::eq(r.quoted_basis(l), copy.quoted_basis(l)));
        }
        assert_ne!(r.quoted_basis(Locale::Pl), r.quoted_basis(Locale::En));
        // Equality ignores what the cache holds.
        assert_eq!(
            r,
            RuleRef::new("r", "d", LegalBasis::cite("изх. № 1 „Посещаемо училище“"))
        );
    }
}
