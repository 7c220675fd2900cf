//! Every problem of a rules file, listed.

use super::data::{ExceptionTerm, RulesFile};
use chrono::{Days, NaiveDate};
use std::collections::BTreeSet;

/// The most days a term may have (one year).
pub(crate) const MAX_TERM_DAYS: u32 = 366;
/// The most categories a rules file may list (the shipped file has 42).
pub(crate) const MAX_CATEGORIES: usize = 1_000;
/// The most versions a rules file may hold (the shipped file has 17). With
/// [`MAX_CATEGORIES`] this bounds the versions × categories lookup table.
pub(crate) const MAX_VERSIONS: usize = 500;

pub(crate) fn problems(file: &RulesFile) -> Vec<String> {
    let mut out = Vec::new();
    if file.categories.len() > MAX_CATEGORIES {
        out.push(format!(
            "too many categories: {} (at most {MAX_CATEGORIES})",
            file.categories.len()
        ));
    }
    if file.versions.len() > MAX_VERSIONS {
        out.push(format!(
            "too many versions: {} (at most {MAX_VERSIONS})",
            file.versions.len()
        ));
    }
    let mut ids = BTreeSet::new();
    for c in &file.categories {
        if c.id.trim().is_empty() {
            out.push("a category has an empty id".to_owned());
        }
        if !ids.insert(c.id.as_str()) {
            out.push(format!("category `{}` is listed twice", c.id));
        }
    }
    match file.versions.first() {
        None => out.push("there is no version".to_owned()),
        Some(first) if first.in_force_from != file.applies_from => out.push(format!(
            "applies_from {} differs from the first version's start {}",
            file.applies_from, first.in_force_from
        )),
        Some(_) => {}
    }
    let last = file.versions.len().saturating_sub(1);
    for (i, v) in file.versions.iter().enumerate() {
        let name = format!("version from {}", v.in_force_from);
        if v.source.trim().is_empty() {
            out.push(format!("{name}: source is empty"));
        }
        if v.general_term_days == 0 || v.general_term_days > MAX_TERM_DAYS {
            out.push(format!(
                "{name}: general_term_days {} is not in 1..={MAX_TERM_DAYS}",
                v.general_term_days
            ));
        }
        match v.in_force_to {
            Some(to) if to < v.in_force_from => {
                out.push(format!("{name}: ends {to} before it starts"))
            }
            None if i != last => {
                out.push(format!("{name}: only the last version may be open-ended"))
            }
            _ => {}
        }
        if let Some(next) = file.versions.get(i + 1) {
            let expected = v
                .in_force_to
                .and_then(|to| to.checked_add_days(Days::new(1)));
            match expected {
                Some(e) if next.in_force_from > e => {
                    out.push(format!(
                        "gap between {name} and the version from {}",
                        next.in_force_from
                    ));
                }
                Some(e) if next.in_force_from < e => {
                    out.push(format!(
                        "{name} overlaps the version from {}",
                        next.in_force_from
                    ));
                }
                _ => {}
            }
        }
        let mut seen = BTreeSet::new();
        for ex in &v.exceptions {
            for c in &ex.categories {
                if !ids.contains(c.as_str()) {
                    out.push(format!(
                        "{name}: {} names unknown category `{c}`",
                        ex.provision
                    ));
                }
                if !seen.insert(c.as_str()) {
                    out.push(format!("{name}: category `{c}` is excepted twice"));
                }
            }
            term_problems(&ex.term, &name, &mut out);
        }
    }
    out
}

fn term_problems(term: &ExceptionTerm, name: &str, out: &mut Vec<String>) {
    match term {
        ExceptionTerm::Unknown {} => {}
        ExceptionTerm::AfterQuarterEnd { days, basis, .. } => {
            if *days > MAX_TERM_DAYS {
                out.push(format!("{name}: quarter term of {days} days is too long"));
            }
            if basis.trim().is_empty() {
                out.push(format!("{name}: a known term has no basis"));
            }
        }
        ExceptionTerm::FixedDates { dates, basis, .. } => {
            if basis.trim().is_empty() {
                out.push(format!("{name}: a known term has no basis"));
            }
            let mut covered = [false; 12];
            for due in dates {
                // 2001 is not a leap year: 29 February is refused as a yearly date.
                if NaiveDate::from_ymd_opt(2001, due.month, due.day).is_none() {
                    out.push(format!(
                        "{name}: fixed date {}-{} does not exist every year",
                        due.month, due.day
                    ));
                }
                let c = due.covers;
                if !(-1..=0).contains(&c.year_offset) {
                    out.push(format!(
                        "{name}: year_offset {} is not -1 or 0",
                        c.year_offset
                    ));
                }
                if !(1..=12).contains(&c.from_month)
                    || !(1..=12).contains(&c.to_month)
                    || c.from_month > c.to_month
                {
                    out.push(format!(
                        "{name}: months {}..={} are not a period",
                        c.from_month, c.to_month
                    ));
                    continue;
                }
                if c.year_offset == 0 && due.month <= c.to_month {
                    out.push(format!(
                        "{name}: fixed date {}-{} is not after the period it covers (months {}..={})",
                        due.month, due.day, c.from_month, c.to_month
                    ));
                }
                for m in c.from_month..=c.to_month {
                    if let Some(slot) = usize::try_from(m - 1).ok().and_then(|i| covered.get_mut(i))
                    {
                        *slot = true;
                    }
                }
            }
            if covered.iter().any(|c| !c) {
                out.push(format!("{name}: the fixed dates do not cover every month"));
            }
        }
    }
}
