//! Per-pupil counters that records are folded into, in any order and any batches.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::{Evaluator, unit_index};
use crate::report::Stats;
use crate::{AbsenceError, AbsenceKind, AbsenceRecord, PupilId, Unit};

mod batch;
mod not_counted;
#[cfg(feature = "arrow")]
mod runs;
pub(crate) use batch::Batch;
use not_counted::NotCountedSums;
#[cfg(feature = "arrow")]
pub(crate) use runs::PlainColumns;

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
/// Memory: the counters are O(pupils); the lesson states are one 16-byte map entry per
/// pupil-day with a numbered record (4 bits per lesson inside it), bounded by pupils × days of
/// the window, never by the number of records.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_absence::*;
/// let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let roster = Roster::new(vec![Pupil::new(PupilId(1), SchoolId("S".into()), Level::School)]).unwrap();
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
    /// [`lesson_key`] (pupil position, day offset) → 4-bit code per lesson: 16 bytes per
    /// pupil-day with a numbered lesson, plus the map's control byte.
    lessons: HashMap<u64, u64>,
    /// Pupil position → duplicates among their numbered lessons so far (a record for a lesson
    /// already held). O(pupils with duplicates).
    lesson_duplicates: BTreeMap<u32, u32>,
    stats: Stats,
    /// The last pupil found in the roster and their position: records grouped by pupil (as
    /// registers export them) skip the roster lookup.
    last: Option<(PupilId, u32)>,
    /// Records taken by the fast path of [`Accumulator::push`] (each is received and counted; kept
    /// apart so that the fast path updates one figure, added to [`Stats`] when read).
    plain: u64,
    /// Records that count towards no rule at their pupil's level: (pupil position, kind index,
    /// unit index) → (records, amount in sixtieths). O(pupils with such records).
    not_counted: NotCountedSums,
    /// A buffer of the columnar fold (each row's kind, or outside the window), kept from one
    /// batch to the next unless it grew past [`MAX_KEPT_ROWS`].
    #[cfg(feature = "arrow")]
    placed: Vec<u8>,
}

/// The most rows whose buffer an accumulator keeps between batches (1 MiB): a fold of many
/// batches allocates it once; one huge batch does not leave its size behind.
#[cfg(feature = "arrow")]
const MAX_KEPT_ROWS: usize = 1 << 20;

/// (pupil position, kind index, unit index) → (records, amount in sixtieths).
pub(crate) type NotCountedMap = BTreeMap<(u32, u8, u8), (u64, u64)>;

/// The index of a kind in [`NotCountedMap`] keys (and the report's order).
pub(crate) const fn kind_index(kind: AbsenceKind) -> u8 {
    match kind {
        AbsenceKind::Excused => 0,
        AbsenceKind::Unexcused => 1,
        AbsenceKind::Late => 2,
    }
}

/// The index of a unit in [`NotCountedMap`] keys (and the report's order).
pub(crate) const fn unit_order(unit: Unit) -> u8 {
    match unit {
        Unit::Hours => 0,
        Unit::Days => 1,
        Unit::Minutes => 2,
    }
}

/// The [`NotCountedMap`] key of a record that counts towards no rule.
pub(crate) const fn not_counted_key(pupil: u32, kind: AbsenceKind, unit: Unit) -> (u32, u8, u8) {
    (pupil, kind_index(kind), unit_order(unit))
}

fn add_not_counted(map: &mut NotCountedMap, key: (u32, u8, u8), records: u64, amount: u64) {
    let e = map.entry(key).or_insert((0, 0));
    e.0 = e.0.saturating_add(records);
    e.1 = e.1.saturating_add(amount);
}

/// A record reduced to what one counter update needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) pupil: u32,
    pub(crate) month: u8,
    /// 0 excused, 1 unexcused (late arrivals converted).
    pub(crate) kind: u8,
    pub(crate) unit: Unit,
    pub(crate) amount: u64,
}

/// What a checked record turns into.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Classified {
    /// A plain amount for the counters.
    Count(Entry),
    /// A numbered lesson, kept in the day's lesson state (duplicates count once).
    Lesson {
        pupil: u32,
        day: u16,
        bits: u64,
    },
    UnknownPupil,
    OutsideWindow,
    LateNotCounted,
    /// A record of a roster pupil that no rule for the pupil's level counts (amount in the
    /// effective unit, late arrivals converted).
    NotCounted {
        pupil: u32,
        kind: AbsenceKind,
        unit: Unit,
        amount: u64,
    },
}

/// The result of folding the lesson states into the counters.
pub(crate) struct Folded<'a> {
    /// The counters, borrowed when no lesson is to be folded in (no copy).
    pub(crate) counters: std::borrow::Cow<'a, [u64]>,
    pub(crate) duplicates: BTreeMap<u32, u32>,
    pub(crate) late_not_counted: u64,
    pub(crate) counted: u64,
    pub(crate) not_counted: NotCountedMap,
}

impl<'e> Accumulator<'e> {
    pub(super) fn new(ev: &'e Evaluator<'e>) -> Self {
        Self {
            ev,
            counters: vec![0; ev.stride.saturating_mul(ev.roster.len())],
            lessons: HashMap::new(),
            lesson_duplicates: BTreeMap::new(),
            stats: Stats::default(),
            last: None,
            plain: 0,
            not_counted: NotCountedSums::default(),
            #[cfg(feature = "arrow")]
            placed: Vec::new(),
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
        if self.push_plain(&record) {
            return Ok(());
        }
        record.check()?;
        self.push_checked(&record);
        Ok(())
    }

    /// The fast path for the commonest record: an excused or unexcused amount in hours or days
    /// without a lesson number (always coherent), of a pupil in the roster, dated inside the
    /// window. Adds it exactly as [`Accumulator::push_checked`] would and returns `true`; returns
    /// `false` and changes nothing but the pupil cache for any other record.
    #[inline]
    fn push_plain(&mut self, record: &AbsenceRecord) -> bool {
        if record.lesson.is_some() {
            return false;
        }
        let kind = match record.kind {
            AbsenceKind::Excused => 0,
            AbsenceKind::Unexcused => 1,
            AbsenceKind::Late => return false,
        };
        let unit = match record.unit {
            Unit::Hours => 0,
            Unit::Days => 1,
            Unit::Minutes => return false,
        };
        let ev = self.ev;
        let code = super::slot_of(ev.first_year, record.date)
            .and_then(|s| ev.calendar.get(s).copied())
            .unwrap_or(super::OUTSIDE);
        if code == super::OUTSIDE {
            return false;
        }
        self.push_plain_at(
            record.pupil,
            (code & 0xFF) as u8,
            kind,
            unit,
            record.amount.sixtieths(),
        )
    }

    /// The fast path of [`Accumulator::push_plain`] for a record given by parts: the date as its
    /// index in the window (`day`, 0 = the first day), the effective kind (0 excused,
    /// 1 unexcused) and unit (0 hours, 1 days). Returns `false` and changes nothing but the
    /// pupil cache when the record is not plain.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn push_plain_day(
        &mut self,
        pupil: PupilId,
        day: usize,
        kind: usize,
        unit: usize,
        sixtieths: u64,
    ) -> bool {
        match self.ev.day_month.get(day) {
            Some(&month) => self.push_plain_at(pupil, month, kind, unit, sixtieths),
            None => false,
        }
    }

    /// The first day of the window.
    #[cfg(feature = "arrow")]
    pub(crate) fn window_first(&self) -> chrono::NaiveDate {
        self.ev.window.first()
    }

    /// The rest of the fast path, once the date is known to be inside the window.
    #[inline]
    fn push_plain_at(
        &mut self,
        pupil_id: PupilId,
        month: u8,
        kind: usize,
        unit: usize,
        sixtieths: u64,
    ) -> bool {
        let ev = self.ev;
        let pupil = match self.last {
            Some((id, position)) if id == pupil_id => position,
            _ => match ev.roster.position(pupil_id) {
                Some(position) => {
                    self.last = Some((pupil_id, position));
                    position
                }
                None => return false,
            },
        };
        if !ev.counts(pupil, kind, unit) {
            return false;
        }
        let Some(routes) = ev.routes.get(kind).and_then(|r| r.get(unit)) else {
            return false;
        };
        add_row(
            &mut self.counters,
            pupil as usize * ev.stride,
            routes,
            month,
            sixtieths,
        );
        self.plain += 1;
        true
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
            if !self.push_plain(r) {
                self.push_checked(r);
            }
        }
        Ok(())
    }

    /// Adds records already checked with [`AbsenceRecord::check`].
    #[cfg(feature = "arrow")]
    pub(crate) fn push_coherent(&mut self, records: impl Iterator<Item = AbsenceRecord>) {
        for r in records {
            if !self.push_plain(&r) {
                self.push_checked(&r);
            }
        }
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
        // Counters are written only where `other` has something: pages of a
        // counter table no record reached are never written (an accumulator's table
        // spans the whole roster, and the system zeroes a page on its first write).
        for (a, b) in self.counters.iter_mut().zip(other.counters) {
            if b != 0 {
                *a = a.saturating_add(b);
            }
        }
        for (key, state) in other.lessons {
            let entry = self.lessons.entry(key).or_insert(0);
            let both = held_in_both(*entry, state);
            *entry = max_nibbles(*entry, state);
            add_duplicates(&mut self.lesson_duplicates, pupil_of_key(key), both);
        }
        for (pupil, n) in other.lesson_duplicates {
            add_duplicates(&mut self.lesson_duplicates, pupil, n);
        }
        self.stats.add(&other.stats);
        self.plain = self.plain.saturating_add(other.plain);
        self.not_counted.extend(&other.not_counted.into_sorted());
    }

    /// The counts so far (duplicates are known only at evaluation).
    #[must_use]
    pub fn stats(&self) -> Stats {
        let mut stats = self.stats;
        stats.records = stats.records.saturating_add(self.plain);
        stats.counted = stats.counted.saturating_add(self.plain);
        stats
    }

    #[inline]
    fn push_checked(&mut self, record: &AbsenceRecord) {
        let ev = self.ev;
        let pupil = match self.last {
            Some((id, position)) if id == record.pupil => position,
            _ => match ev.roster.position(record.pupil) {
                Some(position) => {
                    self.last = Some((record.pupil, position));
                    position
                }
                None => return self.note(Classified::UnknownPupil),
            },
        };
        match ev.classify_at(pupil, record) {
            Classified::Count(e) => {
                self.stats.records += 1;
                self.stats.counted += 1;
                add_to(
                    &mut self.counters,
                    ev,
                    e.pupil,
                    usize::from(e.kind),
                    e.unit,
                    e.month,
                    e.amount,
                );
            }
            other => self.note(other),
        }
    }

    /// Records what happened to a record that is not a plain count.
    fn note(&mut self, c: Classified) {
        self.stats.records += 1;
        match c {
            Classified::Count(_) => {}
            Classified::Lesson { pupil, day, bits } => {
                let entry = self.lessons.entry(lesson_key(pupil, day)).or_insert(0);
                let again = held_in_both(*entry, bits);
                *entry = max_nibbles(*entry, bits);
                add_duplicates(&mut self.lesson_duplicates, pupil, again);
                self.stats.lesson_records += 1;
            }
            Classified::UnknownPupil => self.stats.unknown_pupil += 1,
            Classified::OutsideWindow => self.stats.outside_window += 1,
            Classified::LateNotCounted => self.stats.late_not_counted += 1,
            Classified::NotCounted {
                pupil,
                kind,
                unit,
                amount,
            } => self
                .not_counted
                .add(not_counted_key(pupil, kind, unit), 1, amount),
        }
    }

    /// The not-counted records as report entries, with those found when folding lessons.
    pub(crate) fn not_counted_list(&self, lessons: &NotCountedMap) -> Vec<crate::NotCounted> {
        let mut all = self.not_counted.clone().into_sorted();
        if !lessons.is_empty() {
            all.extend(
                lessons
                    .iter()
                    .map(|(&key, &(records, amount))| (key, records, amount)),
            );
            not_counted::compact(&mut all);
        }
        let pupils = self.ev.roster.pupils();
        all.into_iter()
            .filter_map(|((p, k, u), records, amount)| {
                let pupil = pupils.get(p as usize)?;
                let kind = [
                    AbsenceKind::Excused,
                    AbsenceKind::Unexcused,
                    AbsenceKind::Late,
                ]
                .into_iter()
                .find(|&x| kind_index(x) == k)?;
                let unit = [Unit::Hours, Unit::Days, Unit::Minutes]
                    .into_iter()
                    .find(|&x| unit_order(x) == u)?;
                Some(crate::NotCounted::new(
                    pupil.id,
                    pupil.level,
                    kind,
                    unit,
                    records,
                    crate::Quantity::from_sixtieths(amount),
                ))
            })
            .collect()
    }

    /// Applies batches of classified records, each split by pupil partition, in parallel over
    /// partitions: every thread owns a disjoint range of pupils' counters, so nothing is merged
    /// and the counters a thread touches stay in its cache.
    pub(crate) fn apply_batches(&mut self, batches: &mut [Batch]) {
        let ev = self.ev;
        let rows_per_part = 1_usize << ev.partition_shift;
        let part_len = rows_per_part * ev.stride.max(1);
        // Each batch's not-counted sums are summed apart, in parallel, before they are added.
        batches
            .par_iter_mut()
            .for_each(|b| not_counted::compact(&mut b.not_counted));
        let batches_ref = &*batches;
        self.counters
            .par_chunks_mut(part_len)
            .enumerate()
            .for_each(|(p, slice)| {
                let base = u32::try_from(p * rows_per_part).unwrap_or(u32::MAX);
                let entries: usize = batches_ref
                    .iter()
                    .map(|b| b.parts.get(p).map_or(0, Vec::len))
                    .sum();
                // With many records for this partition, reading its counters in order first
                // brings them into the cache at the speed of a sequential read; the updates that
                // follow, in no order, then hit the cache instead of each waiting for memory.
                if entries >= slice.len() / LINE_WORDS / 4 {
                    warm(slice);
                }
                for batch in batches_ref {
                    for e in batch.parts.get(p).map_or(&[][..], Vec::as_slice) {
                        add_to(
                            slice,
                            ev,
                            e.pupil.wrapping_sub(base),
                            usize::from(e.kind),
                            e.unit,
                            e.month,
                            e.amount,
                        );
                    }
                }
            });
        for batch in batches {
            self.stats.add(&batch.stats);
            self.not_counted.extend(&batch.not_counted);
            for c in batch.other.drain(..) {
                self.note(c);
            }
        }
    }

    /// Folds the lesson states into a copy of the counters.
    pub(crate) fn fold_lessons(&self) -> Folded<'_> {
        let ev = self.ev;
        let mut counters = std::borrow::Cow::Borrowed(self.counters.as_slice());
        let duplicates = self.lesson_duplicates.clone();
        let mut late_not_counted = 0;
        let mut counted = 0;
        let mut not_counted = NotCountedMap::new();
        let late = ev.profile.late_arrivals.as_ref();
        for (&key, &state) in &self.lessons {
            let pupil = pupil_of_key(key);
            let month = usize::try_from(key & 0xFFFF)
                .ok()
                .and_then(|day| ev.day_month.get(day))
                .copied()
                .unwrap_or(0);
            for lesson in 0..16 {
                let code = (state >> (lesson * 4)) & 0xF;
                if code == 0 {
                    continue;
                }
                let (kind, original, amount) = match code {
                    CODE_EXCUSED => (0, AbsenceKind::Excused, crate::Quantity::ONE.sixtieths()),
                    CODE_UNEXCUSED => (1, AbsenceKind::Unexcused, crate::Quantity::ONE.sixtieths()),
                    c => match late {
                        Some(conv) => (
                            1,
                            AbsenceKind::Late,
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
                if !ev.counts(pupil, kind, 0) {
                    add_not_counted(
                        &mut not_counted,
                        (pupil, kind_index(original), unit_order(Unit::Hours)),
                        1,
                        amount,
                    );
                    continue;
                }
                counted += 1;
                add_to(
                    counters.to_mut(),
                    ev,
                    pupil,
                    kind,
                    Unit::Hours,
                    month,
                    amount,
                );
            }
        }
        Folded {
            counters,
            duplicates,
            late_not_counted,
            counted,
            not_counted,
        }
    }
}

impl Evaluator<'_> {
    /// The sixtieths of an unexcused hour a late arrival of `minutes` (in sixtieths of a
    /// minute) counts as, by the profile's conversion (the last band is open).
    #[inline]
    pub(crate) fn late_hours(&self, minutes: u64) -> u64 {
        let band = self.late_table.iter().find(|&&(up_to, _)| minutes <= up_to);
        band.or(self.late_table.last())
            .map_or(0, |&(_, hours)| hours)
    }

    /// Where a checked record goes.
    #[inline]
    pub(crate) fn classify(&self, record: &AbsenceRecord) -> Classified {
        match self.roster.position(record.pupil) {
            Some(pupil) => self.classify_at(pupil, record),
            None => Classified::UnknownPupil,
        }
    }

    /// Where a checked record of the pupil at roster position `pupil` goes.
    #[inline]
    pub(crate) fn classify_at(&self, pupil: u32, record: &AbsenceRecord) -> Classified {
        let code = super::slot_of(self.first_year, record.date)
            .and_then(|s| self.calendar.get(s).copied())
            .unwrap_or(super::OUTSIDE);
        if code == super::OUTSIDE {
            return Classified::OutsideWindow;
        }
        let day = code >> 8;
        let month = (code & 0xFF) as u8;
        let late = self.profile.late_arrivals.as_ref();
        if let Some(lesson) = record.lesson {
            let code = match record.kind {
                AbsenceKind::Excused => CODE_EXCUSED,
                AbsenceKind::Unexcused => CODE_UNEXCUSED,
                AbsenceKind::Late => {
                    CODE_LATE + late.map_or(0, |c| c.band_of(record.amount.sixtieths())) as u64
                }
            };
            let shift = u32::from(lesson.min(crate::MAX_LESSON)) * 4;
            return Classified::Lesson {
                pupil,
                day: u16::try_from(day).unwrap_or(u16::MAX),
                bits: code << shift,
            };
        }
        let (kind, unit, amount) = match record.kind {
            AbsenceKind::Excused => (0_u8, record.unit, record.amount.sixtieths()),
            AbsenceKind::Unexcused => (1, record.unit, record.amount.sixtieths()),
            AbsenceKind::Late => {
                if late.is_none() {
                    return Classified::LateNotCounted;
                }
                (1, Unit::Hours, self.late_hours(record.amount.sixtieths()))
            }
        };
        if !unit_index(unit).is_some_and(|u| self.counts(pupil, usize::from(kind), u)) {
            return Classified::NotCounted {
                pupil,
                kind: record.kind,
                unit,
                amount,
            };
        }
        Classified::Count(Entry {
            pupil,
            month,
            kind,
            unit,
            amount,
        })
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
    add_row(counters, pupil as usize * ev.stride, routes, month, amount);
}

/// Counters per cache line.
const LINE_WORDS: usize = 8;

/// Reads one counter per cache line of `slice`, in order (see [`Accumulator::apply_batches`]).
#[inline(never)]
fn warm(slice: &[u64]) {
    let x = slice.iter().step_by(LINE_WORDS).fold(0_u64, |a, &c| a ^ c);
    std::hint::black_box(x);
}

/// Adds `amount` to the counters of the row starting at `row` that `routes` name.
#[inline]
fn add_row(counters: &mut [u64], row: usize, routes: &super::Routes, month: u8, amount: u64) {
    let month = usize::from(month);
    for &(base, monthly, mask) in routes.used() {
        // `monthly` is 1 for a monthly slot, 0 otherwise; `mask` 0 for padding: no branch.
        if let Some(c) = counters.get_mut(row + base + monthly * month) {
            *c = c.saturating_add(amount & mask);
        }
    }
}

/// The key of a pupil-day in [`Accumulator`]'s lesson states.
const fn lesson_key(pupil: u32, day: u16) -> u64 {
    (pupil as u64) << 16 | day as u64
}

/// The pupil position of a [`lesson_key`].
#[expect(
    clippy::cast_possible_truncation,
    reason = "a lesson key holds a u32 above its 16 bits of day"
)]
const fn pupil_of_key(key: u64) -> u32 {
    // INVARIANT: keys are made by `lesson_key` from a u32.
    (key >> 16) as u32
}

/// The number of lessons held in both lesson states (a second record of a lesson is a
/// duplicate).
const fn held_in_both(a: u64, b: u64) -> u32 {
    const LOW: u64 = 0x1111_1111_1111_1111;
    let held_a = (a | a >> 1 | a >> 2 | a >> 3) & LOW;
    let held_b = (b | b >> 1 | b >> 2 | b >> 3) & LOW;
    (held_a & held_b).count_ones()
}

/// Adds `n` duplicates of the pupil at `pupil`.
fn add_duplicates(map: &mut BTreeMap<u32, u32>, pupil: u32, n: u32) {
    if n > 0 {
        let e = map.entry(pupil).or_insert(0);
        *e = e.saturating_add(n);
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
    use chrono::NaiveDate;

    use super::max_nibbles;
    use crate::{
        AbsenceKind, AbsenceRecord, Evaluator, Level, Planned, Pupil, PupilId, Quantity, Roster,
        RuleProfile, SchoolId, Unit, Window, YearMonth,
    };

    /// Records of every sort: plain amounts, late arrivals, numbered lessons, unknown pupils,
    /// dates outside the window; in runs of one pupil (`grouped`) or interleaved.
    fn mixed_records(ids: &[u64], grouped: bool, n: usize) -> Vec<AbsenceRecord> {
        let first = NaiveDate::from_ymd_opt(2017, 9, 1).unwrap();
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..n)
            .map(|i| {
                let r = next();
                let pupil = if grouped {
                    // Runs of about twenty records; every seventh run an unknown pupil.
                    let run = i / 20;
                    if run % 7 == 3 {
                        7_777
                    } else {
                        ids[run % ids.len()]
                    }
                } else if r % 11 == 0 {
                    7_777
                } else {
                    ids[(r >> 8) as usize % ids.len()]
                };
                let date = first + chrono::Days::new((r >> 16) % 320);
                let amount = Quantity::from_sixtieths(30 * (1 + (r >> 32) % 8));
                let lesson = u8::try_from((r >> 40) % 16).unwrap();
                match (r >> 48) % 10 {
                    0 => AbsenceRecord::lesson(
                        PupilId(pupil),
                        date,
                        lesson,
                        AbsenceKind::Unexcused,
                        0,
                    ),
                    1 => AbsenceRecord::lesson(
                        PupilId(pupil),
                        date,
                        lesson,
                        AbsenceKind::Late,
                        1 + (r >> 52) % 40,
                    ),
                    2 => AbsenceRecord::new(
                        PupilId(pupil),
                        date,
                        Quantity::whole(1 + (r >> 52) % 40),
                        Unit::Minutes,
                        AbsenceKind::Late,
                    ),
                    3 => AbsenceRecord::new(
                        PupilId(pupil),
                        date,
                        amount,
                        Unit::Days,
                        AbsenceKind::Unexcused,
                    ),
                    4 | 5 => AbsenceRecord::new(
                        PupilId(pupil),
                        date,
                        amount,
                        Unit::Hours,
                        AbsenceKind::Unexcused,
                    ),
                    _ => AbsenceRecord::new(
                        PupilId(pupil),
                        date,
                        amount,
                        Unit::Hours,
                        AbsenceKind::Excused,
                    ),
                }
            })
            .collect()
    }

    /// The fast path of `push` (plain records, the last pupil's position cached) adds exactly
    /// what the general path adds: one record at a time equals the parallel bulk fold, which
    /// classifies every record afresh, for every kind of roster index and input order.
    #[test]
    fn fast_path_and_pupil_cache_change_no_result() {
        let mut profile = RuleProfile::bg_isrm();
        profile
            .rules
            .extend(RuleProfile::pl_compulsory_schooling().rules);
        profile.rules.extend(RuleProfile::chronic_absence().rules);
        let window = Window::school_year(
            NaiveDate::from_ymd_opt(2017, 9, 15).unwrap(),
            NaiveDate::from_ymd_opt(2018, 6, 1).unwrap(),
        )
        .unwrap();
        // Range, dense table and hash map indexes.
        for ids in [
            vec![1, 2, 3, 4, 5],
            vec![2, 5, 9, 30],
            vec![5, 9, 1_000_000_000_000],
        ] {
            let roster = Roster::new(
                ids.iter()
                    .map(|&id| Pupil {
                        id: PupilId(id),
                        school: SchoolId("S".into()),
                        level: if id % 2 == 0 {
                            Level::Preschool
                        } else {
                            Level::School
                        },
                        grade: None,
                    })
                    .collect(),
            )
            .unwrap();
            let mut planned = Planned::default();
            for &id in &ids {
                for ym in window.months() {
                    planned.set_month(PupilId(id), ym, Unit::Days, Quantity::whole(20));
                }
                planned.set_window(PupilId(id), Unit::Days, Quantity::whole(180));
            }
            let ev = Evaluator::new(profile.clone(), window, &roster, &planned).unwrap();
            for grouped in [true, false] {
                let records = mixed_records(&ids, grouped, (1 << 16) * 2 + 123);
                let mut one_by_one = ev.accumulator();
                for r in &records {
                    one_by_one.push(*r).unwrap();
                }
                assert!(one_by_one.plain > 0, "the fast path was taken");
                let bulk = ev.accumulate_par(&records).unwrap();
                assert_eq!(bulk.plain, 0, "the bulk fold does not use the fast path");
                assert_eq!(
                    one_by_one.counters, bulk.counters,
                    "{ids:?} grouped {grouped}"
                );
                assert_eq!(one_by_one.stats(), bulk.stats());
                let report = ev.evaluate(&one_by_one);
                assert!(report.stats.unknown_pupil > 0 && report.stats.outside_window > 0);
                assert!(report.stats.lesson_records > 0 && report.stats.duplicates > 0);
                assert!(!report.flags.is_empty());
                assert_eq!(report, ev.evaluate(&bulk));
                let _ = YearMonth::of(window.first());
            }
        }
    }

    #[test]
    fn nibble_max_is_per_lesson() {
        assert_eq!(max_nibbles(0x0F01, 0x0120), 0x0F21);
        assert_eq!(max_nibbles(0, 0xF << 60), 0xF << 60);
        assert_eq!(super::held_in_both(0x0F01, 0x0120), 1);
        assert_eq!(super::held_in_both(0x1 << 60, 0x8 << 60), 1);
        assert_eq!(super::held_in_both(0xF0F0, 0x0F0F), 0);
    }

    /// Issue #14 item 6: a pupil-day with numbered lessons costs one 16-byte entry (key and
    /// lesson state) plus the map's control byte; before, 24 bytes (the key padded to 8, the
    /// state with a count of records seen padded to 16). Duplicates are counted per pupil.
    #[test]
    fn a_pupil_day_of_lessons_is_16_bytes() {
        fn entry_bytes<K, V>(_: &std::collections::HashMap<K, V>) -> usize {
            size_of::<(K, V)>()
        }
        let roster = Roster::new(vec![Pupil::new(
            PupilId(1),
            SchoolId("S".into()),
            Level::School,
        )])
        .unwrap();
        let planned = Planned::default();
        let window = Window::month(2026, 3).unwrap();
        let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
        let mut acc = ev.accumulator();
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        for lesson in [1, 2, 2, 3, 3, 3] {
            acc.push(AbsenceRecord::lesson(
                PupilId(1),
                d,
                lesson,
                AbsenceKind::Unexcused,
                0,
            ))
            .unwrap();
        }
        assert_eq!(entry_bytes(&acc.lessons), 16);
        assert_eq!(acc.lessons.len(), 1);
        let report = ev.evaluate(&acc);
        assert_eq!(report.stats.duplicates, 3);
        assert_eq!(report.stats.counted, 3);
    }
}
