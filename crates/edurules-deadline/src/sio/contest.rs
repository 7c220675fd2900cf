//! Deadlines the law leaves contested: the crate answers with
//! [`DeadlineError::ContestedTerm`] and both readings, never one date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Rules;
use super::data::ExceptionTerm;
use crate::text::cited;
use crate::{DeadlineError, Locale};

/// Why no single deadline is given (see the README, "Contested readings").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Contest {
    /// The own term in force on the day of the change falls due after the
    /// text that set it was replaced, and the text in force then does not
    /// encode a term that counts the same way. No term of the built-in rules
    /// is contested so: the one case was art. 8 pkt 4 in the third quarter of
    /// 2019, until the 2019 regulation's term (the same 10 days after the
    /// quarter) was confirmed; rules loaded from a file may have one.
    ReplacedBeforeDue {
        /// The due date by the term in force on the day of the change.
        earlier_due: NaiveDate,
        /// The first day of the text that replaced it.
        replaced_from: NaiveDate,
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

/// Refuses a deadline that one reading of the law would put elsewhere.
/// `exception` is the index of the category's exception in version `vi`
/// (`None`: the general term); `due` the date computed.
pub(super) fn check(
    rules: &Rules,
    vi: usize,
    cat_index: usize,
    category: &str,
    change: NaiveDate,
    exception: Option<usize>,
    due: NaiveDate,
) -> Result<(), DeadlineError> {
    let contested = |contest| DeadlineError::ContestedTerm {
        category: category.to_owned(),
        change_date: change,
        contest,
    };
    let Some(ei) = exception else {
        if category == LOWER_SECONDARY
            && let Some((from, to)) = lower_secondary_span()
            && (from..=to).contains(&change)
        {
            return Err(contested(Contest::LowerSecondaryExam { literal_due: due }));
        }
        return Ok(());
    };
    let versions = &rules.file.versions;
    let term_of = |v: usize, e: Option<usize>| -> Option<&ExceptionTerm> {
        versions.get(v)?.exceptions.get(e?).map(|x| &x.term)
    };
    let Some(to) = versions.get(vi).and_then(|v| v.in_force_to) else {
        return Ok(());
    };
    if due <= to {
        return Ok(());
    }
    let next = vi.saturating_add(1);
    let next_exception = rules
        .status
        .get(next)
        .and_then(|row| row.get(cat_index))
        .copied()
        .flatten();
    let same = match (term_of(next, next_exception), term_of(vi, Some(ei))) {
        (Some(a), Some(b)) => a.counts_like(b),
        (a, b) => a.is_none() && b.is_none(),
    };
    if same {
        return Ok(());
    }
    let replaced_from = to.succ_opt().unwrap_or(to);
    Err(contested(Contest::ReplacedBeforeDue {
        earlier_due: due,
        replaced_from,
    }))
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
    /// let c = Contest::ReplacedBeforeDue { earlier_due: d(10, 10), replaced_from: d(9, 1) };
    /// assert!(c.readings(Locale::En).contains("10 October 2019"));
    /// assert!(c.readings(Locale::Pl).contains("10 października 2019 r."));
    /// ```
    #[must_use]
    pub fn readings(&self, l: Locale) -> String {
        match self {
            Self::ReplacedBeforeDue {
                earlier_due,
                replaced_from,
            } => {
                let (due, from) = (l.date(*earlier_due), l.date(*replaced_from));
                l.pick(
                    format!("według terminu obowiązującego w dniu zmiany przypada on {due}, ale przepis, który go ustanowił, zastąpiono {from}, zanim termin upłynął, a termin nowego przepisu nie jest zapisany w regułach"),
                    format!("според срока, действащ в деня на промяната, той изтича на {due}, но разпоредбата, която го определя, е заменена на {from}, преди срокът да изтече, а срокът по новата разпоредба не е записан в правилата"),
                    format!("by the term in force on the day of the change it falls due on {due}, but the text that set that term was replaced on {from}, before it fell due, and the new text's term is not in the rules"),
                )
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
