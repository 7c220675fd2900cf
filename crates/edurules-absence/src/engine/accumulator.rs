//! Per-pupil counters that records are folded into, in any order and any batches.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;

use super::{Evaluator, unit_index};
use crate::report::Stats;
use crate::{AbsenceError, AbsenceKind, AbsenceRecord, Unit};

/// The code of an excused lesson in a day's lesson state.
const CODE_EXCUSED: u64 = 1;
/// The first code of a late arrival (plus its band); late arrivals rank between excused and
/// unexcused, so among duplicates the one counting most towards unexcused absence wins.
const CODE_LATE: u64 = 2;
/// The code of an unexcused lesson.
const CODE_UNEXCUSED: u64 = 15;

/// Where records go: per-pupil counters, plus a per-day state of numbered lessons so that a
/// duplicate (same pupil, date and lesson) counts once whatever the order of arrival.
///
/// Memory: the counters are O(pupils); the lesson states are bounded by pupils × days of the
/// window with a numbered record (4 bits per lesson), never by the number of records.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_absence::*;
/// let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let roster = Roster::new(vec![Pupil { id: PupilId(1), school: SchoolId("S".into()), level: Level::School, grade: None }]).unwrap();
/// let planned = Planned::default();
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
/// let mut acc = ev.accumulator();
/// let r = AbsenceRecord::lesson(PupilId(1), d, 3, AbsenceKind::Unexcused, 0);
/// acc.push(r).unwrap();
/// acc.push(r).unwrap(); // the same lesson again
/// let report = ev.evaluate(&acc);
/// assert_eq!(report.stats.duplicates, 1);
/// ```
#[derive(Debug, Clone)]
pub struct Accumulator<'e> {
    ev: &'e Evaluator<'e>,
    counters: Vec<u64>,
    /// (pupil position, day offset) → (4-bit code per lesson, records seen).
    lessons: HashMap<(u32, u16), (u64, u32)>,
    stats: Stats,
}

/// The result of folding the lesson states into the counters.
pub(crate) struct Folded {
    pub(crate) counters: Vec<u64>,
    pub(crate) duplicates: BTreeMap<u32, u32>,
    pub(crate) late_not_counted: u64,
    pub(crate) counted: u64,
}

impl<'e> Accumulator<'e> {
    pub(super) fn new(ev: &'e Evaluator<'e>) -> Self {
        Self {
            ev,
            counters: vec![0; ev.stride.saturating_mul(ev.roster.len())],
            lessons: HashMap::new(),
            stats: Stats::default(),
        }
    }

    /// Adds one record.
    ///
    /// Records of pupils not in the roster and records outside the window are counted in
    /// [`Stats`] and otherwise ignored; late arrivals are converted by the profile (or counted as
    /// not counted).
    ///
    /// # Errors
    ///
    /// The error of [`AbsenceRecord::check`]; the accumulator is unchanged then.
    ///
    /// # Example
    ///
    /// See [`Accumulator`].
    #[inline]
    pub fn push(&mut self, record: AbsenceRecord) -> Result<(), AbsenceError> {
        record.check()?;
        self.push_checked(&record);
        Ok(())
    }

    /// Adds a batch of records: all of them, or none if one is incoherent.
    ///
    /// # Errors
    ///
    /// The error of the first incoherent record.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::*;
    /// let (roster, planned) = (Roster::default(), Planned::default());
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
    /// let mut acc = ev.accumulator();
    /// let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let bad = AbsenceRecord::new(PupilId(1), d, Quantity::ONE, Unit::Minutes, AbsenceKind::Excused);
    /// assert!(acc.push_batch(&[bad]).is_err());
    /// assert_eq!(acc.stats().records, 0);
    /// ```
    pub fn push_batch(&mut self, records: &[AbsenceRecord]) -> Result<(), AbsenceError> {
        records.iter().try_for_each(AbsenceRecord::check)?;
        for r in records {
            self.push_checked(r);
        }
        Ok(())
    }

    /// Adds records from any iterator (a stream), stopping at the first incoherent one.
    ///
    /// # Errors
    ///
    /// The error of the first incoherent record; the records before it are kept.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::*;
    /// let (roster, planned) = (Roster::default(), Planned::default());
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
    /// let mut acc = ev.accumulator();
    /// acc.extend_records(std::iter::empty()).unwrap();
    /// assert_eq!(acc.stats().records, 0);
    /// ```
    pub fn extend_records<I: IntoIterator<Item = AbsenceRecord>>(
        &mut self,
        records: I,
    ) -> Result<(), AbsenceError> {
        records.into_iter().try_for_each(|r| self.push(r))
    }

    /// Merges another accumulator of the same evaluator (for example from another thread).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::*;
    /// let (roster, planned) = (Roster::default(), Planned::default());
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
    /// let mut a = ev.accumulator();
    /// a.merge(ev.accumulator());
    /// assert_eq!(a.stats().records, 0);
    /// ```
    pub fn merge(&mut self, other: Self) {
        for (a, b) in self.counters.iter_mut().zip(other.counters) {
            *a = a.saturating_add(b);
        }
        for (key, (state, seen)) in other.lessons {
            let entry = self.lessons.entry(key).or_insert((0, 0));
            entry.0 = max_nibbles(entry.0, state);
            entry.1 = entry.1.saturating_add(seen);
        }
        self.stats.add(&other.stats);
    }

    /// The counts so far (duplicates are known only at evaluation).
    #[must_use]
    pub fn stats(&self) -> Stats {
        self.stats
    }

    #[inline]
    fn push_checked(&mut self, record: &AbsenceRecord) {
        let ev = self.ev;
        self.stats.records += 1;
        let Some(pupil) = ev.roster.position(record.pupil) else {
            self.stats.unknown_pupil += 1;
            return;
        };
        let day = record.date.num_days_from_ce().wrapping_sub(ev.first_day);
        if !(0..ev.day_count).contains(&day) {
            self.stats.outside_window += 1;
            return;
        }
        let day = usize::try_from(day).unwrap_or(0);
        let month = ev.day_month.get(day).copied().unwrap_or(0);
        if let Some(lesson) = record.lesson {
            let code = match record.kind {
                AbsenceKind::Excused => CODE_EXCUSED,
                AbsenceKind::Unexcused => CODE_UNEXCUSED,
                AbsenceKind::Late => {
                    let band = ev
                        .profile
                        .late_arrivals
                        .as_ref()
                        .map_or(0, |c| c.band_of(record.amount.sixtieths()));
                    CODE_LATE + band as u64
                }
            };
            let shift = u32::from(lesson.min(crate::MAX_LESSON)) * 4;
            let key = (pupil, u16::try_from(day).unwrap_or(u16::MAX));
            let entry = self.lessons.entry(key).or_insert((0, 0));
            entry.0 = max_nibbles(entry.0, code << shift);
            entry.1 = entry.1.saturating_add(1);
            self.stats.lesson_records += 1;
            return;
        }
        let (kind, unit, amount) = match record.kind {
            AbsenceKind::Excused => (0, record.unit, record.amount.sixtieths()),
            AbsenceKind::Unexcused => (1, record.unit, record.amount.sixtieths()),
            AbsenceKind::Late => match &ev.profile.late_arrivals {
                Some(c) => (
                    1,
                    Unit::Hours,
                    c.bands
                        .get(c.band_of(record.amount.sixtieths()))
                        .map_or(0, |b| b.counts_as.sixtieths()),
                ),
                None => {
                    self.stats.late_not_counted += 1;
                    return;
                }
            },
        };
        self.stats.counted += 1;
        self.add(pupil, kind, unit, month, amount);
    }

    #[inline]
    fn add(&mut self, pupil: u32, kind: usize, unit: Unit, month: u8, amount: u64) {
        add_to(
            &mut self.counters,
            self.ev,
            pupil,
            kind,
            unit,
            month,
            amount,
        );
    }

    /// Folds the lesson states into a copy of the counters.
    pub(crate) fn fold_lessons(&self) -> Folded {
        let ev = self.ev;
        let mut counters = self.counters.clone();
        let mut duplicates = BTreeMap::new();
        let mut late_not_counted = 0;
        let mut counted = 0;
        let late = ev.profile.late_arrivals.as_ref();
        for (&(pupil, day), &(state, seen)) in &self.lessons {
            let month = ev.day_month.get(usize::from(day)).copied().unwrap_or(0);
            let mut distinct: u32 = 0;
            for lesson in 0..16 {
                let code = (state >> (lesson * 4)) & 0xF;
                if code == 0 {
                    continue;
                }
                distinct += 1;
                let (kind, amount) = match code {
                    CODE_EXCUSED => (0, crate::Quantity::ONE.sixtieths()),
                    CODE_UNEXCUSED => (1, crate::Quantity::ONE.sixtieths()),
                    c => match late {
                        Some(conv) => (
                            1,
                            conv.bands
                                .get(usize::try_from(c - CODE_LATE).unwrap_or(0))
                                .map_or(0, |b| b.counts_as.sixtieths()),
                        ),
                        None => {
                            late_not_counted += 1;
                            continue;
                        }
                    },
                };
                counted += 1;
                add_to(&mut counters, ev, pupil, kind, Unit::Hours, month, amount);
            }
            let dup = seen.saturating_sub(distinct);
            if dup > 0 {
                let e = duplicates.entry(pupil).or_insert(0_u32);
                *e = e.saturating_add(dup);
            }
        }
        Folded {
            counters,
            duplicates,
            late_not_counted,
            counted,
        }
    }
}

#[inline]
fn add_to(
    counters: &mut [u64],
    ev: &Evaluator<'_>,
    pupil: u32,
    kind: usize,
    unit: Unit,
    month: u8,
    amount: u64,
) {
    let Some(u) = unit_index(unit) else { return };
    let Some(routes) = ev.routes.get(kind).and_then(|r| r.get(u)) else {
        return;
    };
    let row = pupil as usize * ev.stride;
    for &(base, monthly) in routes {
        let index = row + base + if monthly { usize::from(month) } else { 0 };
        if let Some(c) = counters.get_mut(index) {
            *c = c.saturating_add(amount);
        }
    }
}

/// The nibble-wise maximum of two lesson states.
const fn max_nibbles(a: u64, b: u64) -> u64 {
    let mut out = 0;
    let mut i = 0;
    while i < 16 {
        let shift = i * 4;
        let x = (a >> shift) & 0xF;
        let y = (b >> shift) & 0xF;
        out |= (if x > y { x } else { y }) << shift;
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::max_nibbles;

    #[test]
    fn nibble_max_is_per_lesson() {
        assert_eq!(max_nibbles(0x0F01, 0x0120), 0x0F21);
        assert_eq!(max_nibbles(0, 0xF << 60), 0xF << 60);
    }
}
