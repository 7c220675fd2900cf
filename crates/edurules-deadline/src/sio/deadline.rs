//! A submission deadline with its legal basis and counting steps.

use super::Rules;
use super::data::ExceptionTerm;
use crate::calendar::{self, DayOff};
use crate::term::{self, CountingRule, Term};
use crate::text::{cited, pick};
use crate::{DeadlineError, Locale};
use chrono::{Datelike, Days, NaiveDate};
use edurules_locale::nouns;
use serde::{Deserialize, Serialize};

mod json;

/// How the due date was reached before art. 115 KC.
// Written with its keys in alphabetical order, the tag among them: see the
// `Serialize` impl in `deadline/json.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeadlineTerm {
    /// The general term: N days from the change (art. 30, art. 111 § 2 KC).
    Days {
        /// N.
        days: u32,
    },
    /// N days after the end of the quarter of the change.
    AfterQuarterEnd {
        /// N.
        days: u32,
        /// The quarter's last day.
        quarter_end: NaiveDate,
    },
    /// A fixed calendar date whose report covers the change.
    FixedDate {
        /// First day of the period the report covers.
        covers_from: NaiveDate,
        /// Last day of that period.
        covers_to: NaiveDate,
    },
}

/// When a change must reach the SIO database, and why.
///
/// Borrows its texts from the [`Rules`] that computed it (`'static` for the
/// shipped rules), so computing one does not allocate. It deserializes from a
/// borrowed JSON buffer (as `serde_json::from_str` gives); a string with JSON
/// escape sequences cannot be borrowed and is refused.
///
/// The fields are in alphabetical order, the order of the keys in the JSON
/// protocol's answers (`edurules-ffi`), so that writing them sorts nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deadline<'r> {
    /// The act.
    pub act: &'r str,
    /// The category, as the rules spell it.
    pub category: &'r str,
    /// The day the facts changed (not counted).
    #[serde(serialize_with = "edurules_locale::iso::date")]
    pub change_date: NaiveDate,
    /// The version of art. 115 KC applied.
    pub counting_rule: CountingRule,
    /// The last day to submit.
    #[serde(serialize_with = "edurules_locale::iso::date")]
    pub due_date: NaiveDate,
    /// Where the term lands before art. 115 KC.
    #[serde(serialize_with = "edurules_locale::iso::date")]
    pub nominal_due: NaiveDate,
    /// The provision that sets the term, e.g. `art. 30` or `art. 30 pkt 1`.
    pub provision: &'r str,
    /// How the term was counted.
    pub term: DeadlineTerm,
    /// For an excepted category with a known term: the provision setting it.
    #[serde(borrow)]
    pub term_basis: Option<&'r str>,
    /// First day of the version of art. 30 applied.
    #[serde(serialize_with = "edurules_locale::iso::date")]
    pub version_in_force_from: NaiveDate,
    /// Last day of that version, if it is no longer in force.
    #[serde(serialize_with = "edurules_locale::iso::option_date")]
    pub version_in_force_to: Option<NaiveDate>,
    /// The text applied (consolidated text or amending act).
    pub version_source: &'r str,
    /// The day the wording of the version applied took force: the start of
    /// the amending act (or original text) whose wording the version
    /// restates. A consolidated text changes no wording, so for
    /// Dz.U. 2024 poz. 152 (in use from 2024-02-07) this is 2019-09-01.
    #[serde(serialize_with = "edurules_locale::iso::date")]
    pub wording_in_force_from: NaiveDate,
}

/// Whether a submission met its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lateness {
    /// Submitted on or before the due date.
    OnTime {
        /// Days left before the due date (0 = on the due date).
        days_to_spare: u32,
    },
    /// Submitted after the due date.
    Late {
        /// Calendar days after the due date.
        days_late: u32,
    },
}

fn days_between(a: NaiveDate, b: NaiveDate) -> u32 {
    u32::try_from(b.signed_duration_since(a).num_days().unsigned_abs()).unwrap_or(u32::MAX)
}

/// Whether `submitted_on` meets `deadline`, with the days late or to spare.
///
/// # Errors
/// [`DeadlineError::SubmittedBeforeChange`] when `submitted_on` is before the
/// change the submission reports: such a submission is neither on time nor
/// late, the dates are wrong.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::{is_late, submission_deadline, Lateness};
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let d = submission_deadline("art. 8 pkt 1 lit. d", day(2025, 12, 19))?; // due 2025-12-29
/// assert_eq!(is_late(&d, day(2026, 1, 2))?, Lateness::Late { days_late: 4 });
/// assert_eq!(is_late(&d, day(2025, 12, 29))?, Lateness::OnTime { days_to_spare: 0 });
/// let e = is_late(&d, day(2025, 12, 1)).unwrap_err(); // sent before the change
/// assert_eq!(e.code(), "deadline.submitted_before_change");
/// # Ok::<(), edurules_deadline::DeadlineError>(())
/// ```
pub fn is_late(
    deadline: &Deadline<'_>,
    submitted_on: NaiveDate,
) -> Result<Lateness, DeadlineError> {
    if submitted_on < deadline.change_date {
        return Err(DeadlineError::SubmittedBeforeChange {
            submitted_on,
            change_date: deadline.change_date,
        });
    }
    Ok(if submitted_on > deadline.due_date {
        Lateness::Late {
            days_late: days_between(deadline.due_date, submitted_on),
        }
    } else {
        Lateness::OnTime {
            days_to_spare: days_between(submitted_on, deadline.due_date),
        }
    })
}

impl Deadline<'_> {
    /// Same as [`is_late`].
    ///
    /// # Errors
    /// [`DeadlineError::SubmittedBeforeChange`] for a submission dated
    /// before the change.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let d = edurules_deadline::submission_deadline("art. 8 pkt 1 lit. d", NaiveDate::from_ymd_opt(2025, 3, 3).unwrap())?;
    /// assert!(matches!(d.lateness(NaiveDate::from_ymd_opt(2025, 3, 11).unwrap())?, edurules_deadline::Lateness::Late { days_late: 1 }));
    /// assert!(d.lateness(NaiveDate::from_ymd_opt(2025, 3, 2).unwrap()).is_err());
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    pub fn lateness(&self, submitted_on: NaiveDate) -> Result<Lateness, DeadlineError> {
        is_late(self, submitted_on)
    }

    /// The days art. 115 KC skipped between the nominal and the actual due date.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let d = edurules_deadline::submission_deadline("art. 8 pkt 1 lit. d", NaiveDate::from_ymd_opt(2025, 12, 19).unwrap())?;
    /// assert_eq!(d.skipped().len(), 3);
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    #[must_use]
    pub fn skipped(&self) -> Vec<(NaiveDate, DayOff)> {
        term::skipped_days(self.nominal_due, self.due_date)
    }

    /// The legal basis for a clerk: the provision and act, the text applied
    /// and the days it is current, since when its wording is in force, the
    /// provision setting an excepted category's own term, and the counting
    /// rule of the Civil Code.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_deadline::Locale;
    /// let d = edurules_deadline::submission_deadline("art. 8 pkt 1 lit. d", NaiveDate::from_ymd_opt(2025, 3, 3).unwrap())?;
    /// let basis = d.legal_basis(Locale::Pl);
    /// assert!(basis.starts_with("art. 30 ustawy z dnia 15 kwietnia 2011 r. o systemie informacji oświatowej"));
    /// assert!(basis.contains("Dz.U. 2024 poz. 152"));
    /// // A consolidated text changes no wording: art. 30 reads the same since 2019.
    /// assert!(basis.contains("to brzmienie przepisu obowiązuje od 1 września 2019 r."));
    /// assert!(d.legal_basis(Locale::En).starts_with("art. 30 of the Act of 15 April 2011 on the education information system"));
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    #[must_use]
    pub fn legal_basis(&self, l: Locale) -> String {
        let provision = crate::text::provision(l, self.provision);
        let act = act_name(l, self.act);
        let source = cited(l, self.version_source);
        let from = l.date(self.version_in_force_from);
        let until = self
            .version_in_force_to
            .map(|t| {
                let t = l.date(t);
                pick!(l, " do {t}", " до {t}", " to {t}")
            })
            .unwrap_or_default();
        let wording = l.date(self.wording_in_force_from);
        let term_basis = self
            .term_basis
            .map(|b| {
                let b = cited(l, b);
                pick!(
                    l,
                    "; własny termin tych danych: {b}",
                    "; собственият срок на тези данни: {b}",
                    "; the own term of these data: {b}"
                )
            })
            .unwrap_or_default();
        let kc = self.counting_rule.describe(l);
        pick!(
            l,
            "{provision} {act}; tekst stosowany: {source}, obowiązujący od {from}{until}; to brzmienie przepisu obowiązuje od {wording}{term_basis}; termin liczony według: {kc}",
            "{provision} {act}; приложен текст: {source}, в сила от {from}{until}; тази редакция на разпоредбата е в сила от {wording}{term_basis}; срокът се изчислява по {kc}",
            "{provision} {act}; text applied: {source}, current from {from}{until}; this wording in force since {wording}{term_basis}; counted by {kc}"
        )
    }

    /// The counting steps for a clerk, e.g.
    /// `change on 19 December 2025 (Fri) → 7 days → 26 December 2025 (Fri, Second Day of Christmas) → 29 December 2025 (Mon)`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_deadline::Locale;
    /// let d = edurules_deadline::submission_deadline("art. 8 pkt 1 lit. d", NaiveDate::from_ymd_opt(2025, 12, 19).unwrap())?;
    /// assert_eq!(d.explain(Locale::En),
    ///     "change on 19 December 2025 (Fri) → 7 days → 26 December 2025 (Fri, Second Day of Christmas) → 29 December 2025 (Mon)");
    /// assert_eq!(d.explain(Locale::Pl),
    ///     "zmiana z 19 grudnia 2025 r. (pt.) → 7 dni → 26 grudnia 2025 r. (pt., drugi dzień Bożego Narodzenia) → 29 grudnia 2025 r. (pon.)");
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    #[must_use]
    pub fn explain(&self, locale: Locale) -> String {
        let l = locale;
        let start = l.pick("zmiana z", "промяна от", "change on");
        let step = match self.term {
            DeadlineTerm::Days { days } => term::render_term(Term::days(days), l),
            DeadlineTerm::AfterQuarterEnd { days, quarter_end } => {
                let (n, q) = (l.count(u64::from(days), nouns::DAY), l.date(quarter_end));
                pick!(
                    l,
                    "{n} po końcu kwartału ({q})",
                    "{n} след края на тримесечието ({q})",
                    "{n} after the end of the quarter ({q})"
                )
            }
            DeadlineTerm::FixedDate {
                covers_from,
                covers_to,
            } => {
                let (a, b) = (l.date(covers_from), l.date(covers_to));
                pick!(
                    l,
                    "stały termin sprawozdania za okres od {a} do {b}",
                    "фиксиран срок на отчета за периода от {a} до {b}",
                    "the fixed date of the report for {a} to {b}"
                )
            }
        };
        term::render_chain(
            start,
            self.change_date,
            &step,
            self.nominal_due,
            self.due_date,
            locale,
        )
    }
}

/// The shipped act's name as the rules file writes it (Polish, nominative).
const SIO_ACT: &str = "ustawa z dnia 15 kwietnia 2011 r. o systemie informacji oświatowej";

/// The act after a provision ("art. 30 ustawy …"): the SIO act by its name
/// in each language; another act as the rules file writes it, cited.
fn act_name(l: Locale, act: &str) -> String {
    if act == SIO_ACT {
        l.pick(
            "ustawy z dnia 15 kwietnia 2011 r. o systemie informacji oświatowej",
            "от полския Закон за системата за образователна информация от 15 април 2011 г.",
            "of the Act of 15 April 2011 on the education information system",
        )
        .to_owned()
    } else {
        let act = cited(l, act);
        pick!(l, "({act})", "от {act}", "of {act}")
    }
}

fn quarter_end(date: NaiveDate) -> Option<NaiveDate> {
    let last_month = (date.month0() / 3) * 3 + 3;
    let next = if last_month == 12 {
        NaiveDate::from_ymd_opt(date.year().checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(date.year(), last_month + 1, 1)?
    };
    next.pred_opt()
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    next.pred_opt()
}

/// Where a version's term for a category lands before art. 115 KC: the
/// nominal due date, how it was counted, the provision and the own term's
/// basis.
type Nominal<'r> = (NaiveDate, DeadlineTerm, &'r str, Option<&'r str>);

/// The term of version `vi` for the category at `cat_index`, counted from
/// `change` (which need not fall within that version: a contest counts the
/// term of every later version in force by the due date from the same
/// change).
pub(super) fn nominal<'r>(
    rules: &'r Rules,
    vi: usize,
    cat_index: usize,
    cat_id: &str,
    change: NaiveDate,
) -> Result<Nominal<'r>, DeadlineError> {
    let file = &rules.file;
    let version = file
        .versions
        .get(vi)
        .ok_or(DeadlineError::NoVersionInForce { date: change })?;
    let status = rules
        .status
        .get(vi)
        .and_then(|row| row.get(cat_index))
        .copied()
        .flatten();
    let out_of_range = || calendar::out_of_range(change);
    let unknown = |provision: &str| DeadlineError::UnknownExceptionTerm {
        category: cat_id.to_owned(),
        provision: provision.to_owned(),
        version_source: version.source.clone(),
    };
    let Some(ex) = status.and_then(|ei| version.exceptions.get(ei)) else {
        let days = version.general_term_days;
        let nominal = change
            .checked_add_days(Days::new(u64::from(days)))
            .ok_or_else(out_of_range)?;
        return Ok((
            nominal,
            DeadlineTerm::Days { days },
            file.article.as_str(),
            None,
        ));
    };
    match &ex.term {
        ExceptionTerm::Unknown {} => Err(unknown(&ex.provision)),
        ExceptionTerm::AfterQuarterEnd { days, basis, .. } => {
            let q = quarter_end(change).ok_or_else(out_of_range)?;
            let nominal = q
                .checked_add_days(Days::new(u64::from(*days)))
                .ok_or_else(out_of_range)?;
            Ok((
                nominal,
                DeadlineTerm::AfterQuarterEnd {
                    days: *days,
                    quarter_end: q,
                },
                ex.provision.as_str(),
                Some(basis.as_str()),
            ))
        }
        ExceptionTerm::FixedDates { dates, basis, .. } => {
            let mut best: Option<(NaiveDate, DeadlineTerm)> = None;
            let year = change.year();
            for report_year in [year, year.saturating_add(1)] {
                for due in dates {
                    let covered_year = report_year.saturating_add(due.covers.year_offset);
                    if covered_year != year
                        || change.month() < due.covers.from_month
                        || change.month() > due.covers.to_month
                    {
                        continue;
                    }
                    let (Some(date), Some(from), Some(to)) = (
                        NaiveDate::from_ymd_opt(report_year, due.month, due.day),
                        NaiveDate::from_ymd_opt(covered_year, due.covers.from_month, 1),
                        last_day_of_month(covered_year, due.covers.to_month),
                    ) else {
                        continue;
                    };
                    if date >= change && best.is_none_or(|(b, _)| date < b) {
                        best = Some((
                            date,
                            DeadlineTerm::FixedDate {
                                covers_from: from,
                                covers_to: to,
                            },
                        ));
                    }
                }
            }
            let (nominal, dterm) = best.ok_or_else(|| unknown(&ex.provision))?;
            Ok((nominal, dterm, ex.provision.as_str(), Some(basis.as_str())))
        }
    }
}

pub(super) fn compute<'r>(
    rules: &'r Rules,
    category: &str,
    change: NaiveDate,
) -> Result<Deadline<'r>, DeadlineError> {
    let file = &rules.file;
    if change < file.applies_from {
        return Err(DeadlineError::BeforeAct {
            date: change,
            applies_from: file.applies_from,
        });
    }
    let (cat_id, cat_index) = super::category::resolve(rules, category)?;
    let vi = rules
        .version_index(change)
        .ok_or(DeadlineError::NoVersionInForce { date: change })?;
    let version = file
        .versions
        .get(vi)
        .ok_or(DeadlineError::NoVersionInForce { date: change })?;
    let (nominal, dterm, provision, basis) = nominal(rules, vi, cat_index, cat_id, change)?;
    let (due, rule) = term::shift_end(nominal)?;
    super::contest::check(rules, vi, cat_index, cat_id, change, due)?;
    Ok(Deadline {
        category: cat_id,
        change_date: change,
        nominal_due: nominal,
        due_date: due,
        term: dterm,
        counting_rule: rule,
        act: file.act.as_str(),
        provision,
        version_in_force_from: version.in_force_from,
        version_in_force_to: version.in_force_to,
        wording_in_force_from: rules
            .wording_from
            .get(vi)
            .copied()
            .unwrap_or(version.in_force_from),
        version_source: version.source.as_str(),
        term_basis: basis,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn quarter_ends() {
        assert_eq!(quarter_end(d(2025, 1, 1)), Some(d(2025, 3, 31)));
        assert_eq!(quarter_end(d(2025, 6, 30)), Some(d(2025, 6, 30)));
        assert_eq!(quarter_end(d(2025, 11, 5)), Some(d(2025, 12, 31)));
    }

    #[test]
    fn lateness_counts_calendar_days() {
        let rules = Rules::builtin().unwrap();
        let dl = rules
            .deadline("art. 8 pkt 1 lit. d", d(2025, 3, 3))
            .unwrap();
        assert_eq!(
            is_late(&dl, d(2025, 3, 17)).unwrap(),
            Lateness::Late { days_late: 7 }
        );
        assert_eq!(
            is_late(&dl, d(2025, 3, 3)).unwrap(),
            Lateness::OnTime { days_to_spare: 7 }
        );
    }
}
