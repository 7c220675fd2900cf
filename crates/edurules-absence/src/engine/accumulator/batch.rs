//! A batch of classified records: what a parsing thread makes of its chunk, applied later to
//! the accumulator partition by partition ([`super::Accumulator::apply_batches`]).

use super::{Classified, Entry, not_counted, not_counted_key};
use crate::AbsenceRecord;
use crate::engine::Evaluator;
use crate::report::Stats;

/// Classified records of one chunk, split by pupil partition.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    /// Entries per partition (`pupil >> partition_shift`).
    pub(crate) parts: Vec<Vec<Entry>>,
    /// Numbered lessons (the lesson states are kept by the accumulator).
    pub(crate) other: Vec<Classified>,
    /// The records no rule counts, summed apart from the accumulator's sums.
    pub(crate) not_counted: Vec<not_counted::Sum>,
    /// Counts of the records pushed, but for those in `other`.
    pub(crate) stats: Stats,
}

impl Batch {
    pub(crate) fn new(ev: &Evaluator<'_>) -> Self {
        Self {
            parts: (0..ev.partitions()).map(|_| Vec::new()).collect(),
            other: Vec::new(),
            not_counted: Vec::new(),
            stats: Stats::default(),
        }
    }

    /// Empties the batch, keeping its memory for the next one.
    pub(crate) fn clear(&mut self) {
        self.parts.iter_mut().for_each(Vec::clear);
        self.other.clear();
        self.not_counted.clear();
        self.stats = Stats::default();
    }

    /// The entries the batch holds for the counters.
    #[cfg(feature = "parquet")]
    pub(crate) fn entries(&self) -> usize {
        self.parts.iter().map(Vec::len).sum()
    }

    /// A plain record given by parts (as [`Accumulator::push_plain_day`]): its date as its index
    /// in the window, its effective kind (0 excused, 1 unexcused) and unit (0 hours, 1 days).
    /// Returns `false` and adds nothing when the record is not plain.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn push_plain_day(
        &mut self,
        ev: &Evaluator<'_>,
        pupil_id: crate::PupilId,
        day: usize,
        kind: usize,
        unit_index: usize,
        sixtieths: u64,
    ) -> bool {
        let Some(&month) = ev.day_month.get(day) else {
            return false;
        };
        let Some(pupil) = ev.roster.position(pupil_id) else {
            return false;
        };
        let (Ok(kind_code), Some(&unit)) = (
            u8::try_from(kind),
            [crate::Unit::Hours, crate::Unit::Days].get(unit_index),
        ) else {
            return false;
        };
        if !ev.counts(pupil, kind, unit_index) {
            return false;
        }
        let Some(part) = self.parts.get_mut((pupil >> ev.partition_shift) as usize) else {
            return false;
        };
        part.push(Entry {
            pupil,
            month,
            kind: kind_code,
            unit,
            amount: sixtieths,
        });
        self.stats.records += 1;
        self.stats.counted += 1;
        true
    }

    /// A checked record of the common layout (no unit and no lesson number: hours excused or
    /// unexcused, or a late arrival in minutes) given by parts: its date as its index in the
    /// window (`None` before it), its kind (0 excused, 1 unexcused, 2 late) and its amount in
    /// sixtieths. Classified exactly as [`Batch::push`] classifies the record, without making
    /// it.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn push_common(
        &mut self,
        ev: &Evaluator<'_>,
        pupil_id: crate::PupilId,
        day: Option<usize>,
        kind: u8,
        sixtieths: u64,
    ) {
        self.stats.records += 1;
        let Some(pupil) = ev.roster.position(pupil_id) else {
            self.stats.unknown_pupil += 1;
            return;
        };
        let Some(&month) = day.and_then(|d| ev.day_month.get(d)) else {
            self.stats.outside_window += 1;
            return;
        };
        // Late arrivals count as unexcused hours, converted by the profile, or not at all.
        let (effective, amount) = if kind < 2 {
            (kind, sixtieths)
        } else if ev.profile.late_arrivals.is_some() {
            (1, ev.late_hours(sixtieths))
        } else {
            self.stats.late_not_counted += 1;
            return;
        };
        if !ev.counts(pupil, usize::from(effective), 0) {
            let kind = match kind {
                0 => crate::AbsenceKind::Excused,
                1 => crate::AbsenceKind::Unexcused,
                _ => crate::AbsenceKind::Late,
            };
            self.not_counted
                .push((not_counted_key(pupil, kind, crate::Unit::Hours), 1, amount));
            return;
        }
        if let Some(part) = self.parts.get_mut((pupil >> ev.partition_shift) as usize) {
            part.push(Entry {
                pupil,
                month,
                kind: effective,
                unit: crate::Unit::Hours,
                amount,
            });
        }
        self.stats.counted += 1;
    }

    /// Adds a checked record.
    #[inline]
    pub(crate) fn push(&mut self, ev: &Evaluator<'_>, record: &AbsenceRecord) {
        let c = ev.classify(record);
        if !matches!(c, Classified::Lesson { .. }) {
            self.stats.records += 1;
        }
        match c {
            Classified::Count(e) => {
                self.stats.counted += 1;
                if let Some(part) = self.parts.get_mut((e.pupil >> ev.partition_shift) as usize) {
                    part.push(e);
                }
            }
            Classified::NotCounted {
                pupil,
                kind,
                unit,
                amount,
            } => self
                .not_counted
                .push((not_counted_key(pupil, kind, unit), 1, amount)),
            Classified::UnknownPupil => self.stats.unknown_pupil += 1,
            Classified::OutsideWindow => self.stats.outside_window += 1,
            Classified::LateNotCounted => self.stats.late_not_counted += 1,
            lesson @ Classified::Lesson { .. } => self.other.push(lesson),
        }
    }
}
