//! The answer of `deadline.submission@1`, written straight into the buffer.
//!
//! As for a decision (`ops/delegation/answer.rs`): every key is known, so
//! the keys and punctuation between two values are written as one constant
//! slice, dates digit by digit, texts checked for escapes a word at a time.
//! The bytes are those of [`crate::ops::write`] on the same answer: a
//! proptest compares them on the deadlines of every category of the shipped
//! rules, on changes from 2000 to 2040, with and without a submission date.
//! A term, rule or lateness added to the crate later, or a year outside
//! 0–9999, is written by [`crate::ops::write`] instead.
//!
//! Through the generic serializer the answer took about 9,400 instructions
//! of a 28,000-instruction call, most of the rest being the explanation and
//! legal basis in words, which the in-process call computes too.

use edurules::deadline::Lateness;
use edurules::deadline::sio::DeadlineTerm;
use edurules::deadline::term::CountingRule;

use super::SubmissionOut;
use crate::error::FfiError;
use crate::json::{iso_date as date, str_bytes};

/// Appends the answer's JSON text to `out`.
pub(super) fn write(out: &mut Vec<u8>, answer: &SubmissionOut<'_>) -> Result<(), FfiError> {
    let start = out.len();
    if whole(out, answer).is_none() {
        out.truncate(start);
        return crate::ops::write(out, answer);
    }
    Ok(())
}

/// The whole answer; `None` for what only serde writes.
fn whole(out: &mut Vec<u8>, a: &SubmissionOut<'_>) -> Option<()> {
    let d = &a.deadline;
    out.extend_from_slice(br#"{"deadline":{"act":"#);
    text(out, d.act)?;
    out.extend_from_slice(br#","category":"#);
    text(out, d.category)?;
    out.extend_from_slice(br#","change_date":"#);
    date(out, d.change_date)?;
    out.extend_from_slice(match d.counting_rule {
        CountingRule::Art115DaysOffOnly => {
            br#","counting_rule":"art115_days_off_only","due_date":"#
        }
        CountingRule::Art115WithSaturdays => {
            br#","counting_rule":"art115_with_saturdays","due_date":"#
        }
        _ => return None,
    });
    date(out, d.due_date)?;
    out.extend_from_slice(br#","nominal_due":"#);
    date(out, d.nominal_due)?;
    out.extend_from_slice(br#","provision":"#);
    text(out, d.provision)?;
    out.extend_from_slice(br#","term":"#);
    term(out, d.term)?;
    out.extend_from_slice(br#","term_basis":"#);
    match d.term_basis {
        Some(basis) => text(out, basis)?,
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(br#","version_in_force_from":"#);
    date(out, d.version_in_force_from)?;
    out.extend_from_slice(br#","version_in_force_to":"#);
    match d.version_in_force_to {
        Some(day) => date(out, day)?,
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(br#","version_source":"#);
    text(out, d.version_source)?;
    out.extend_from_slice(br#","wording_in_force_from":"#);
    date(out, d.wording_in_force_from)?;
    out.extend_from_slice(br#"},"due_date":"#);
    date(out, a.due_date)?;
    out.extend_from_slice(br#","explanation":"#);
    text(out, &a.explanation)?;
    if let Some(lateness) = a.lateness {
        out.extend_from_slice(br#","lateness":"#);
        match lateness {
            Lateness::OnTime { days_to_spare } => {
                out.extend_from_slice(br#"{"days_to_spare":"#);
                number(out, days_to_spare)?;
                out.extend_from_slice(br#","status":"on_time"}"#);
            }
            Lateness::Late { days_late } => {
                out.extend_from_slice(br#"{"days_late":"#);
                number(out, days_late)?;
                out.extend_from_slice(br#","status":"late"}"#);
            }
            _ => return None,
        }
    }
    out.extend_from_slice(br#","legal_basis":"#);
    text(out, &a.legal_basis)?;
    out.push(b'}');
    Some(())
}

fn term(out: &mut Vec<u8>, term: DeadlineTerm) -> Option<()> {
    match term {
        DeadlineTerm::Days { days } => {
            out.extend_from_slice(br#"{"days":"#);
            number(out, days)?;
            out.extend_from_slice(br#","kind":"days"}"#);
        }
        DeadlineTerm::AfterQuarterEnd { days, quarter_end } => {
            out.extend_from_slice(br#"{"days":"#);
            number(out, days)?;
            out.extend_from_slice(br#","kind":"after_quarter_end","quarter_end":"#);
            date(out, quarter_end)?;
            out.push(b'}');
        }
        DeadlineTerm::FixedDate {
            covers_from,
            covers_to,
        } => {
            out.extend_from_slice(br#"{"covers_from":"#);
            date(out, covers_from)?;
            out.extend_from_slice(br#","covers_to":"#);
            date(out, covers_to)?;
            out.extend_from_slice(br#","kind":"fixed_date"}"#);
        }
        _ => return None,
    }
    Some(())
}

fn text(out: &mut Vec<u8>, text: &str) -> Option<()> {
    str_bytes(out, text.as_bytes())
}

/// A whole number, as serde_json writes it.
fn number(out: &mut Vec<u8>, n: u32) -> Option<()> {
    serde_json::to_writer(&mut *out, &n).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use edurules::deadline::Rules;
    use proptest::prelude::*;

    fn answer<'r>(
        rules: &'r Rules,
        category: &str,
        change: NaiveDate,
        submitted: Option<NaiveDate>,
    ) -> Option<SubmissionOut<'r>> {
        let d = rules.deadline(category, change).ok()?;
        let lateness = match submitted {
            Some(s) => Some(d.lateness(s).ok()?),
            None => None,
        };
        Some(SubmissionOut {
            due_date: d.due_date,
            lateness,
            explanation: d.explain(edurules::deadline::Locale::Pl),
            legal_basis: d.legal_basis(edurules::deadline::Locale::Bg),
            deadline: d,
        })
    }

    proptest! {
        /// The answer written directly has the bytes of its sorted
        /// serialization, for every category of the shipped rules.
        #[test]
        fn written_as_serialized(
            pick in any::<prop::sample::Index>(),
            day in 0_u32..(41 * 366),
            late in proptest::option::of(0_u32..200),
        ) {
            let rules = Rules::builtin().unwrap();
            let categories: Vec<&str> = rules.categories().collect();
            let category = *pick.get(&categories);
            let change = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(day.into());
            let submitted = late.map(|n| change + chrono::Days::new(n.into()));
            if let Some(a) = answer(rules, category, change, submitted) {
                let mut direct = b"prefix".to_vec();
                write(&mut direct, &a).unwrap();
                let mut sorted = b"prefix".to_vec();
                crate::ops::write(&mut sorted, &a).unwrap();
                prop_assert_eq!(String::from_utf8(direct).unwrap(), String::from_utf8(sorted).unwrap());
            }
        }
    }

    /// Every category of the shipped rules, on dates under each version of
    /// art. 30, on time and late: the same bytes, and every kind of term and
    /// lateness among them.
    #[test]
    fn every_category_written_as_serialized() {
        let rules = Rules::builtin().unwrap();
        let mut kinds = std::collections::BTreeSet::new();
        for category in rules.categories() {
            for (y, m, d) in [
                (2012, 6, 15),
                (2016, 12, 23),
                (2018, 1, 15),
                (2019, 10, 1),
                (2026, 3, 31),
            ] {
                let change = NaiveDate::from_ymd_opt(y, m, d).unwrap();
                for submitted in [None, Some(change), Some(change + chrono::Days::new(120))] {
                    let Some(a) = answer(rules, category, change, submitted) else {
                        continue;
                    };
                    let mut direct = Vec::new();
                    write(&mut direct, &a).unwrap();
                    let mut sorted = Vec::new();
                    crate::ops::write(&mut sorted, &a).unwrap();
                    let text = String::from_utf8(direct).unwrap();
                    assert_eq!(text, String::from_utf8(sorted).unwrap());
                    for kind in ["days", "after_quarter_end", "fixed_date", "on_time", "late"] {
                        if text.contains(&format!(r#""kind":"{kind}""#))
                            || text.contains(&format!(r#""status":"{kind}""#))
                        {
                            kinds.insert(kind);
                        }
                    }
                }
            }
        }
        assert_eq!(kinds.len(), 5, "{kinds:?}");
    }
}
