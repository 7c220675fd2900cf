//! Every problem of a rules file, listed.

use super::data::{ExceptionTerm, RulesFile};
use super::problem::RulesProblem;
use chrono::{Days, NaiveDate};
use edurules_locale::clip;
use std::collections::BTreeSet;

/// The most days a term may have (one year).
pub(crate) const MAX_TERM_DAYS: u32 = 366;
/// The most categories a rules file may list (the shipped file has 42).
pub(crate) const MAX_CATEGORIES: usize = 1_000;
/// The most versions a rules file may hold (the shipped file has 17). With
/// [`MAX_CATEGORIES`] this bounds the versions × categories lookup table.
pub(crate) const MAX_VERSIONS: usize = 500;

pub(crate) fn problems(file: &RulesFile) -> Vec<RulesProblem> {
    let mut out = Vec::new();
    if file.categories.len() > MAX_CATEGORIES {
        out.push(RulesProblem::TooManyCategories {
            count: file.categories.len(),
            max: MAX_CATEGORIES,
        });
    }
    if file.versions.len() > MAX_VERSIONS {
        out.push(RulesProblem::TooManyVersions {
            count: file.versions.len(),
            max: MAX_VERSIONS,
        });
    }
    let mut ids = BTreeSet::new();
    for c in &file.categories {
        if c.id.trim().is_empty() {
            out.push(RulesProblem::EmptyCategoryId);
        }
        if !ids.insert(c.id.as_str()) {
            out.push(RulesProblem::DuplicateCategory { id: clip(&c.id) });
        }
    }
    match file.versions.first() {
        None => out.push(RulesProblem::NoVersion),
        Some(first) if first.in_force_from != file.applies_from => {
            out.push(RulesProblem::AppliesFromMismatch {
                applies_from: file.applies_from,
                first_start: first.in_force_from,
            });
        }
        Some(_) => {}
    }
    let last = file.versions.len().saturating_sub(1);
    for (i, v) in file.versions.iter().enumerate() {
        let name = v.in_force_from;
        if v.source.trim().is_empty() {
            out.push(RulesProblem::EmptySource { version_from: name });
        }
        if v.general_term_days == 0 || v.general_term_days > MAX_TERM_DAYS {
            out.push(RulesProblem::GeneralTermOutOfRange {
                version_from: name,
                days: v.general_term_days,
                max: MAX_TERM_DAYS,
            });
        }
        match v.in_force_to {
            Some(to) if to < v.in_force_from => {
                out.push(RulesProblem::EndsBeforeStart {
                    version_from: name,
                    to,
                });
            }
            None if i != last => {
                out.push(RulesProblem::OpenEndedNotLast { version_from: name });
            }
            _ => {}
        }
        if let Some(next) = file.versions.get(i + 1) {
            let expected = v
                .in_force_to
                .and_then(|to| to.checked_add_days(Days::new(1)));
            match expected {
                Some(e) if next.in_force_from > e => {
                    out.push(RulesProblem::Gap {
                        version_from: name,
                        next_from: next.in_force_from,
                    });
                }
                Some(e) if next.in_force_from < e => {
                    out.push(RulesProblem::Overlap {
                        version_from: name,
                        next_from: next.in_force_from,
                    });
                }
                _ => {}
            }
        }
        let mut seen = BTreeSet::new();
        for ex in &v.exceptions {
            for c in &ex.categories {
                if !ids.contains(c.as_str()) {
                    out.push(RulesProblem::UnknownCategoryReference {
                        version_from: name,
                        provision: clip(&ex.provision),
                        category: clip(c),
                    });
                }
                if !seen.insert(c.as_str()) {
                    out.push(RulesProblem::ExceptedTwice {
                        version_from: name,
                        category: clip(c),
                    });
                }
            }
            term_problems(&ex.term, name, &mut out);
        }
    }
    out
}

fn term_problems(term: &ExceptionTerm, name: NaiveDate, out: &mut Vec<RulesProblem>) {
    match term {
        ExceptionTerm::Unknown {} => {}
        ExceptionTerm::AfterQuarterEnd { days, basis, .. } => {
            if *days > MAX_TERM_DAYS {
                out.push(RulesProblem::QuarterTermTooLong {
                    version_from: name,
                    days: *days,
                    max: MAX_TERM_DAYS,
                });
            }
            if basis.trim().is_empty() {
                out.push(RulesProblem::TermWithoutBasis { version_from: name });
            }
        }
        ExceptionTerm::FixedDates { dates, basis, .. } => {
            if basis.trim().is_empty() {
                out.push(RulesProblem::TermWithoutBasis { version_from: name });
            }
            let mut covered = [false; 12];
            for due in dates {
                // 2001 is not a leap year: 29 February is refused as a yearly date.
                if NaiveDate::from_ymd_opt(2001, due.month, due.day).is_none() {
                    out.push(RulesProblem::FixedDateImpossible {
                        version_from: name,
                        month: due.month,
                        day: due.day,
                    });
                }
                let c = due.covers;
                if !(-1..=0).contains(&c.year_offset) {
                    out.push(RulesProblem::YearOffsetInvalid {
                        version_from: name,
                        year_offset: c.year_offset,
                    });
                }
                if !(1..=12).contains(&c.from_month)
                    || !(1..=12).contains(&c.to_month)
                    || c.from_month > c.to_month
                {
                    out.push(RulesProblem::MonthsNotAPeriod {
                        version_from: name,
                        from_month: c.from_month,
                        to_month: c.to_month,
                    });
                    continue;
                }
                if c.year_offset == 0 && due.month <= c.to_month {
                    out.push(RulesProblem::FixedDateNotAfterPeriod {
                        version_from: name,
                        month: due.month,
                        day: due.day,
                        from_month: c.from_month,
                        to_month: c.to_month,
                    });
                }
                for m in c.from_month..=c.to_month {
                    if let Some(slot) = usize::try_from(m - 1).ok().and_then(|i| covered.get_mut(i))
                    {
                        *slot = true;
                    }
                }
            }
            if covered.iter().any(|c| !c) {
                out.push(RulesProblem::MonthsNotCovered { version_from: name });
            }
        }
    }
}
