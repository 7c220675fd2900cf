//! Deadlines the law leaves contested: the crate answers with
//! [`DeadlineError::ContestedTerm`] and both readings, never one date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Rules, deadline};
use crate::term;
use crate::text::{cited, pick};
use crate::{DeadlineError, Locale};

/// Why no single deadline is given (see the README, "Contested readings").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Contest {
    /// The term in force on the day of the change (the general 7 days or an
    /// own term) falls due on or after the first day of a later text that,
    /// counted from the same change, gives another date, or a term the rules
    /// do not encode. Texts in between that give the same date do not count:
    /// a change on 26 August 2017 to data of art. 29 ust. 1 pkt 1 lit. j is
    /// due on 4 September 2017 by the 7 days; the text of 1 September 2017
    /// keeps them, the one of 2 September excepts the data, so
    /// `replaced_from` is 2 September 2017.
    /// The built-in rules give it when the 7 days of a change end after a
    /// version of art. 30 that excepts the category took force: art. 8 pkt 1
    /// lit. a, excepted from 1 September 2019, for changes from 24 to
    /// 31 August 2019 (the 7 days from 24 August end on Saturday 31 August
    /// and move to Monday 2 September). No built-in own term is contested
    /// so: art. 8 pkt 4 in the third quarter of 2019 was, until the 2019
    /// regulation's term (the same 10 days after the quarter) was confirmed.
    ReplacedBeforeDue {
        /// The due date by the term in force on the day of the change.
        earlier_due: NaiveDate,
        /// The first day of the earliest later text, in force by
        /// `earlier_due`, that gives another date (not necessarily the text
        /// that directly followed the one in force on the day of the change).
        replaced_from: NaiveDate,
        /// The due date by that later text's term, counted from the same
        /// change; `None` when the rules do not encode that term. It may
        /// fall before `replaced_from` (a shorter term): no built-in rule
        /// gives such a pair, rules loaded from a file can.
        #[serde(default)]
        later_due: Option<NaiveDate>,
    },
    /// Candidates for the lower-secondary exam (egzamin gimnazjalny), changes
    /// from 2 September 2017 to 31 August 2019: read literally, the wording of
    /// art. 30 given by Dz.U. 2017 poz. 949 no longer excepts them (7 days);
    /// read with art. 353 of Dz.U. 2017 poz. 60, they stay excepted (term not
    /// encoded) until the exam's last sitting in 2019.
    LowerSecondaryExam {
        /// The due date by the literal reading (7 days).
        literal_due: NaiveDate,
    },
}

/// The lower-secondary exam's category.
const LOWER_SECONDARY: &str = "exam candidates: egzamin gimnazjalny";

/// The changes for which the lower-secondary exam's term is contested: the
/// wording of Dz.U. 2017 poz. 949 (from 2 September 2017) until the end of
/// the 2018 consolidated text (31 August 2019).
fn lower_secondary_span() -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(2017, 9, 2)?,
        NaiveDate::from_ymd_opt(2019, 8, 31)?,
    ))
}

/// Refuses a deadline that one reading of the law would put elsewhere:
/// `due` is the date computed by the term of version `vi`, in force on the
/// day of the change.
///
/// The term is certain while every version that took force by `due` counts
/// the same date from the same change. The first that does not (or whose
/// term for the category is not encoded) makes it contested: one reading
/// keeps the term in force on the day of the change, the other applies the
/// text in force when the duty is performed. This holds for the general
/// term as for an own one: a category that a later version excepts is
/// contested when the 7 days end after the exception took force.
pub(super) fn check(
    rules: &Rules,
    vi: usize,
    cat_index: usize,
    category: &str,
    change: NaiveDate,
    due: NaiveDate,
) -> Result<(), DeadlineError> {
    let contested = |contest| DeadlineError::ContestedTerm {
        category: category.to_owned(),
        change_date: change,
        contest,
    };
    let general = rules
        .status
        .get(vi)
        .and_then(|row| row.get(cat_index))
        .is_none_or(Option::is_none);
    if general
        && category == LOWER_SECONDARY
        && let Some((from, to)) = lower_secondary_span()
        && (from..=to).contains(&change)
    {
        return Err(contested(Contest::LowerSecondaryExam { literal_due: due }));
    }
    let versions = &rules.file.versions;
    for vj in vi.saturating_add(1)..versions.len() {
        let Some(replacing) = versions.get(vj) else {
            break;
        };
        if replacing.in_force_from > due {
            break;
        }
        let later_due = match deadline::nominal(rules, vj, cat_index, category, change) {
            Ok((nominal, ..)) => Some(term::shift_end(nominal)?.0),
            Err(DeadlineError::UnknownExceptionTerm { .. }) => None,
            Err(e) => return Err(e),
        };
        if later_due != Some(due) {
            return Err(contested(Contest::ReplacedBeforeDue {
                earlier_due: due,
                replaced_from: replacing.in_force_from,
                later_due,
            }));
        }
    }
    Ok(())
}

impl Contest {
    /// Both readings, in a language (the tail of
    /// [`DeadlineError::ContestedTerm`]'s message).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_deadline::{Locale, sio::Contest};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
    /// let c = Contest::ReplacedBeforeDue { earlier_due: d(9, 9), replaced_from: d(9, 1), later_due: None };
    /// assert!(c.readings(Locale::En).contains("9 September 2019"));
    /// assert!(c.readings(Locale::En).ends_with("that text's term is not in the rules"));
    /// let c = Contest::ReplacedBeforeDue { earlier_due: d(9, 9), replaced_from: d(9, 1), later_due: Some(d(10, 10)) };
    /// assert!(c.readings(Locale::Pl).ends_with("według terminu tego przepisu przypada on 10 października 2019 r."));
    /// ```
    #[must_use]
    pub fn readings(&self, l: Locale) -> String {
        match self {
            Self::ReplacedBeforeDue {
                earlier_due,
                replaced_from,
                later_due,
            } => {
                let (due, from) = (l.date(*earlier_due), l.date(*replaced_from));
                let first = pick!(
                    l,
                    "według terminu obowiązującego w dniu zmiany przypada on {due}, ale od {from}, przed upływem tego terminu, obowiązuje przepis, który stanowi inaczej",
                    "според срока, действащ в деня на промяната, той изтича на {due}, но от {from}, преди този срок да изтече, действа разпоредба, която урежда друго",
                    "by the term in force on the day of the change it falls due on {due}, but from {from}, before that term ran out, a later text provides otherwise"
                );
                let second = match later_due {
                    Some(later) => {
                        let later = l.date(*later);
                        pick!(
                            l,
                            "; według terminu tego przepisu przypada on {later}",
                            "; според срока по тази разпоредба той изтича на {later}",
                            "; by that text's term it falls due on {later}"
                        )
                    }
                    None => l
                        .pick(
                            ", a termin tego przepisu nie jest zapisany w regułach",
                            ", а срокът по тази разпоредба не е записан в правилата",
                            ", and that text's term is not in the rules",
                        )
                        .to_owned(),
                };
                format!("{first}{second}")
            }
            Self::LowerSecondaryExam { literal_due } => {
                let due = l.date(*literal_due);
                let (act_949, act_60, exam) = (
                    cited(l, "Dz.U. 2017 poz. 949"),
                    cited(l, "Dz.U. 2017 poz. 60"),
                    l.quote("egzamin gimnazjalny"),
                );
                l.pick(
                    format!("według wykładni językowej brzmienie art. 30 obowiązujące od 2 września 2017 r. ({act_949}) nie wyłącza już egzaminu gimnazjalnego, więc obowiązuje termin 7 dni, do {due}; według wykładni celowościowej art. 353 przepisów wprowadzających Prawo oświatowe ({act_60}) wyłączenie trwa do ostatniego egzaminu gimnazjalnego w 2019 r., a jego termin nie jest zapisany w regułach"),
                    format!("при буквално тълкуване редакцията на чл. 30 от 2 септември 2017 г. ({act_949}) вече не изключва изпита в края на полската гимназия ({exam}), следователно срокът е 7 дни, до {due}; при тълкуване според целта на чл. 353 от закона за въвеждане на полския Закон за образованието ({act_60}) изключението остава до последния такъв изпит през 2019 г., а срокът му не е записан в правилата"),
                    format!("read literally, the wording of art. 30 from 2 September 2017 ({act_949}) no longer excepts the lower-secondary exam ({exam}), so the term is 7 days, due {due}; read with the purpose of art. 353 of the act introducing the Education Law ({act_60}), the exception stays until the exam's last sitting in 2019, and its term is not in the rules"),
                )
            }
        }
    }
}
