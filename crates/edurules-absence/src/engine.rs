//! The evaluator: compiles a profile for one window and roster, then folds records into
//! per-pupil counters and evaluates every rule.

mod accumulator;

use chrono::Datelike;
use rayon::prelude::*;

pub use accumulator::Accumulator;
pub(crate) use accumulator::Batch;
#[cfg(feature = "arrow")]
pub(crate) use accumulator::PlainColumns;

use crate::report::{Duplicate, NotEvaluable, Report};
use crate::{
    AbsenceError, AbsenceRecord, Condition, Counted, Limit, Operator, Per, Planned, Pupil,
    Quantity, Roster, RuleProfile, Threshold, Unit, Window, YearMonth,
};
use crate::{Finding, Flag, RuleRef};

/// Pupils evaluated per parallel batch: the flags of one batch are held at once.
const EVAL_BATCH: usize = 1 << 14;

/// Records per parallel chunk: large enough that per-chunk state is amortised.
const PAR_CHUNK: usize = 1 << 16;

/// One counter column per pupil: a sum of absences of some kinds in one unit, over the window or
/// per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SlotKey {
    counts: Counted,
    unit: Unit,
    per: Per,
}

impl SlotKey {
    /// The slot a threshold sums into.
    const fn of(t: &Threshold) -> Self {
        Self {
            counts: t.counts,
            unit: t.unit,
            per: t.per,
        }
    }

    /// The counters the slot takes in a pupil's row: one per month of the window, or one.
    fn width(self, months: usize) -> usize {
        match self.per {
            Per::Window => 1,
            Per::Month => months,
        }
    }
}

/// The first counter of `key`'s slot in a pupil's row (`bases` holds each slot's).
fn base_of(slots: &[SlotKey], bases: &[usize], key: SlotKey) -> Option<usize> {
    slots
        .iter()
        .position(|s| *s == key)
        .and_then(|i| bases.get(i).copied())
}

/// A profile compiled for one window, roster and set of planned amounts.
///
/// Memory is O(pupils × counters the profile needs); records are never stored.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use edurules_absence::*;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let roster = Roster::new(vec![Pupil::new(PupilId(1), SchoolId("S".into()), Level::School).with_grade(7)]).unwrap();
/// let planned = Planned::default();
/// let window = Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap();
/// let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
/// let records = vec![AbsenceRecord::new(PupilId(1), d(2018, 3, 5), Quantity::whole(41), Unit::Hours, AbsenceKind::Unexcused)];
/// let report = ev.evaluate_records(&records).unwrap();
/// assert_eq!(report.flags.len(), 1);
/// assert_eq!(report.flags[0].rule, "bg.isrm.unexcused");
/// ```
#[derive(Debug)]
pub struct Evaluator<'a> {
    profile: RuleProfile,
    /// The texts of each rule of the profile, shared by its flags.
    rule_refs: Vec<RuleRef>,
    window: Window,
    roster: &'a Roster,
    planned: &'a Planned,
    slots: Vec<SlotKey>,
    /// The first counter of each slot within a pupil's row.
    bases: Vec<usize>,
    /// Counters per pupil.
    stride: usize,
    /// For effective kind (0 excused, 1 unexcused) and unit (0 hours, 1 days): the counters a
    /// record adds to.
    routes: [[Routes; 2]; 2],
    /// The year of the window's first day.
    first_year: i32,
    /// The calendar of the window, indexed by [`Evaluator::date_slot`]: `day << 8 | month index`
    /// of each date inside the window, [`OUTSIDE`] for the others. A table lookup instead of
    /// a day-number computation per record.
    calendar: Vec<u32>,
    /// The late-arrival conversion compiled: (up to, in sixtieths of a minute; counts as, in
    /// sixtieths of an hour), the last band open.
    late_table: Vec<(u64, u64)>,
    /// The month index of each day of the window.
    day_month: Vec<u8>,
    months: Vec<YearMonth>,
    /// Pupils per counter partition, as a power of two (for the parallel bulk fold).
    partition_shift: u32,
    /// For level (0 school, 1 preschool), effective kind (0 excused, 1 unexcused) and unit (0
    /// hours, 1 days): whether some rule for that level counts it.
    counts_for: [[[bool; 2]; 2]; 2],
    /// One bit per roster position: the pupil is at preschool level (a compact table, so that
    /// checking a record's level costs no cache miss on the roster).
    preschool: Vec<u64>,
    /// For each counter of a pupil's row: the largest value that meets no threshold summing
    /// into it (0 under a share of the plan). A pupil whose counters are all at most these is
    /// flagged by no rule and noted by none, and is skipped without evaluating the rules.
    /// `None` when a threshold is met at 0 (`ge` zero, which validation refuses).
    meets_none_up_to: Option<Vec<u64>>,
}

/// The target size of one partition of counters, to stay in a core's L2 cache.
const PARTITION_BYTES: usize = 256 * 1024;

impl<'a> Evaluator<'a> {
    /// Validates the profile and window and compiles the counters the rules need.
    ///
    /// # Errors
    ///
    /// [`AbsenceError::InvalidProfile`] listing every problem of the profile;
    /// [`AbsenceError::InvalidWindow`] for a reversed or too long window.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::*;
    /// let (roster, planned) = (Roster::default(), Planned::default());
    /// let w = Window::month(2026, 3).unwrap();
    /// assert!(Evaluator::new(RuleProfile::pl_compulsory_schooling(), w, &roster, &planned).is_ok());
    /// let mut bad = RuleProfile::pl_compulsory_schooling();
    /// bad.rules.clear();
    /// assert!(Evaluator::new(bad, w, &roster, &planned).is_err());
    /// ```
    pub fn new(
        profile: RuleProfile,
        window: Window,
        roster: &'a Roster,
        planned: &'a Planned,
    ) -> Result<Self, AbsenceError> {
        profile.validate()?;
        let first = window.first();
        let last = window.last();
        if last < first {
            return Err(AbsenceError::InvalidWindow {
                reason: crate::WindowProblem::Reversed { first, last },
            });
        }
        if (last - first).num_days() >= crate::MAX_WINDOW_DAYS {
            return Err(AbsenceError::InvalidWindow {
                reason: crate::WindowProblem::TooLong {
                    first,
                    last,
                    max_days: crate::MAX_WINDOW_DAYS.unsigned_abs(),
                },
            });
        }
        let months = window.months();
        let mut day_month = Vec::new();
        let first_year = first.year();
        let years = usize::try_from(last.year() - first_year + 1).unwrap_or(0);
        let mut calendar = vec![OUTSIDE; years * DAYS_PER_YEAR_SLOT];
        let mut month_index: u8 = 0;
        let mut current = YearMonth::of(first);
        let mut date = first;
        while date <= last {
            let ym = YearMonth::of(date);
            if ym != current {
                current = ym;
                month_index = month_index.saturating_add(1);
            }
            if let Some(slot) = slot_of(first_year, date).and_then(|s| calendar.get_mut(s)) {
                *slot = u32::try_from(day_month.len()).map_or(OUTSIDE, |d| d << 8)
                    | u32::from(month_index);
            }
            day_month.push(month_index);
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        let mut slots = Vec::new();
        for rule in &profile.rules {
            collect_slots(&rule.when, &mut slots);
        }
        let mut bases = Vec::with_capacity(slots.len());
        let mut stride = 0;
        for s in &slots {
            bases.push(stride);
            stride += s.width(months.len());
        }
        let routes = compile_routes(&slots, &bases);
        let mut counts_for = [[[false; 2]; 2]; 2];
        for rule in &profile.rules {
            mark_counted(&rule.when, &mut counts_for);
        }
        let mut preschool = vec![0_u64; roster.len().div_ceil(64)];
        for (i, p) in roster.pupils().iter().enumerate() {
            if p.level == crate::Level::Preschool
                && let Some(w) = preschool.get_mut(i / 64)
            {
                *w |= 1 << (i % 64);
            }
        }
        let late_table = profile
            .late_arrivals
            .as_ref()
            .map(|c| {
                c.bands
                    .iter()
                    .map(|b| {
                        let up_to = b.up_to_minutes.map_or(u64::MAX, |m| {
                            u64::from(m).saturating_mul(crate::PARTS_PER_UNIT)
                        });
                        (up_to, b.counts_as.sixtieths())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut meets_none = Some(vec![u64::MAX; stride]);
        for rule in &profile.rules {
            meets_none_up_to(&rule.when, &slots, &bases, months.len(), &mut meets_none);
        }
        let meets_none_up_to = meets_none;
        Ok(Self {
            rule_refs: profile.rules.iter().map(RuleRef::of).collect(),
            profile,
            window,
            roster,
            planned,
            slots,
            bases,
            stride,
            routes,
            first_year,
            calendar,
            late_table,
            day_month,
            months,
            partition_shift: {
                let rows = (PARTITION_BYTES / (stride.max(1) * 8)).max(64);
                usize::BITS - 1 - rows.leading_zeros()
            },
            counts_for,
            preschool,
            meets_none_up_to,
        })
    }

    /// Whether every counter that excused or unexcused hours add to is for the whole window
    /// (none is monthly): the Bulgarian selections.
    #[cfg(feature = "arrow")]
    pub(crate) fn whole_window_hours(&self) -> bool {
        let [[excused, _], [unexcused, _]] = &self.routes;
        [excused, unexcused]
            .iter()
            .all(|r| r.used().iter().all(|&(_, monthly, _)| monthly == 0))
    }

    /// Whether some rule for the level of the pupil at roster position `pupil` counts an
    /// amount of effective kind `kind` (0 excused, 1 unexcused) in unit `unit` (0 hours, 1 days).
    #[inline]
    pub(crate) fn counts(&self, pupil: u32, kind: usize, unit: usize) -> bool {
        let p = pupil as usize;
        let level = self
            .preschool
            .get(p / 64)
            .map_or(0, |w| usize::from((w >> (p % 64)) & 1 == 1));
        self.counts_for
            .get(level)
            .and_then(|l| l.get(kind))
            .and_then(|k| k.get(unit))
            .copied()
            .unwrap_or(false)
    }

    /// The profile being evaluated.
    #[must_use]
    pub const fn profile(&self) -> &RuleProfile {
        &self.profile
    }

    /// The window being evaluated.
    #[must_use]
    pub const fn window(&self) -> Window {
        self.window
    }

    /// The roster being evaluated.
    #[must_use]
    pub const fn roster(&self) -> &'a Roster {
        self.roster
    }

    /// The number of counter partitions.
    pub(crate) fn partitions(&self) -> usize {
        (self.roster.len() >> self.partition_shift) + 1
    }

    /// An empty accumulator to push records into (one per thread or stream).
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::*;
    /// let (roster, planned) = (Roster::default(), Planned::default());
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
    /// let acc = ev.accumulator();
    /// assert_eq!(ev.evaluate(&acc).flags.len(), 0);
    /// ```
    #[must_use]
    pub fn accumulator(&self) -> Accumulator<'_> {
        Accumulator::new(self)
    }

    /// Folds a slice of records in parallel (rayon) and evaluates them.
    ///
    /// # Errors
    ///
    /// The error of an incoherent record (see [`AbsenceRecord::check`]); nothing is evaluated then.
    ///
    /// # Example
    ///
    /// See [`Evaluator`].
    pub fn evaluate_records(&self, records: &[AbsenceRecord]) -> Result<Report, AbsenceError> {
        let acc = self.accumulate_par(records)?;
        Ok(self.evaluate(&acc))
    }

    /// Folds a slice of records into one accumulator, in parallel chunks.
    ///
    /// # Errors
    ///
    /// The error of an incoherent record.
    ///
    /// # Example
    ///
    /// ```
    /// use edurules_absence::*;
    /// let (roster, planned) = (Roster::default(), Planned::default());
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2026, 3).unwrap(), &roster, &planned).unwrap();
    /// let acc = ev.accumulate_par(&[]).unwrap();
    /// assert_eq!(acc.stats().records, 0);
    /// ```
    pub fn accumulate_par(
        &self,
        records: &[AbsenceRecord],
    ) -> Result<Accumulator<'_>, AbsenceError> {
        let mut acc = self.accumulator();
        if records.len() <= PAR_CHUNK {
            acc.push_batch(records)?;
            return Ok(acc);
        }
        // Blocks bound the extra memory; within a block, chunks are checked and classified in
        // parallel and then applied in parallel over pupil partitions. On an error the partly
        // filled accumulator is dropped: nothing is returned but the error.
        let threads = rayon::current_num_threads().max(1);
        for block in records.chunks(PAR_CHUNK * 16) {
            let chunk = block.len().div_ceil(threads * 2).max(1);
            let mut batches: Vec<Batch> = block
                .par_chunks(chunk)
                .map(|c| {
                    let mut b = Batch::new(self);
                    for r in c {
                        r.check()?;
                        b.push(self, r);
                    }
                    Ok(b)
                })
                .collect::<Result<_, AbsenceError>>()?;
            acc.apply_batches(&mut batches);
        }
        Ok(acc)
    }

    /// Evaluates every rule for every pupil of the roster, in parallel over pupils.
    ///
    /// # Example
    ///
    /// See [`Evaluator`].
    #[must_use]
    pub fn evaluate(&self, acc: &Accumulator<'_>) -> Report {
        let mut flags = Vec::new();
        let mut report = self.evaluate_inner(acc, &mut |f| flags.push(f));
        report.flags = flags;
        report
    }

    /// Evaluates like [`Evaluator::evaluate`] but passes each flag to `sink` (in pupil-id, then
    /// rule order) instead of keeping it: the returned [`Report`] has no flags, and memory stays
    /// O(pupils) whatever the number of flags (pupils are evaluated in parallel batches of
    /// 16,384). For counting selections or printing flags as they come.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use edurules_absence::*;
    /// let d = NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
    /// let school = |id| Pupil::new(PupilId(id), SchoolId("S".into()), Level::School);
    /// let roster = Roster::new(vec![school(2), school(1)]).unwrap();
    /// let planned = Planned::default();
    /// let ev = Evaluator::new(RuleProfile::bg_isrm(), Window::month(2018, 3).unwrap(), &roster, &planned).unwrap();
    /// let mut acc = ev.accumulator();
    /// for p in [2, 1] {
    ///     acc.push(AbsenceRecord::new(PupilId(p), d, Quantity::whole(41), Unit::Hours, AbsenceKind::Unexcused)).unwrap();
    /// }
    /// let mut seen = Vec::new();
    /// let report = ev.evaluate_streaming(&acc, &mut |f| seen.push(f.pupil));
    /// assert_eq!(seen, vec![PupilId(1), PupilId(2)]);
    /// assert!(report.flags.is_empty());
    /// assert_eq!(report.stats.records, 2);
    /// ```
    pub fn evaluate_streaming(&self, acc: &Accumulator<'_>, sink: &mut dyn FnMut(Flag)) -> Report {
        self.evaluate_inner(acc, sink)
    }

    fn evaluate_inner(&self, acc: &Accumulator<'_>, sink: &mut dyn FnMut(Flag)) -> Report {
        let accumulator::Folded {
            counters,
            duplicates,
            late_not_counted,
            counted,
            not_counted: lesson_not_counted,
        } = acc.fold_lessons();
        let pupils = self.roster.pupils();
        let mut not_evaluable = Vec::new();
        // Pupils are sorted by id and each pupil's flags come in rule order, so batches in
        // roster order give flags in (pupil, rule) order without sorting or keeping them.
        for (b, batch) in pupils.chunks(EVAL_BATCH).enumerate() {
            let base = b * EVAL_BATCH;
            let results: Vec<(Vec<Flag>, Vec<NotEvaluable>)> = batch
                .par_iter()
                .enumerate()
                .map(|(j, pupil)| {
                    let i = base + j;
                    let row = counters
                        .get(i * self.stride..(i + 1) * self.stride)
                        .unwrap_or(&[]);
                    // A row of zeros matches nothing: validation refuses `ge` a zero limit, and
                    // 0 is never more than a limit ≥ 0 nor at least a positive one. Nor does a
                    // row under every amount limit of the profile.
                    if row.iter().all(|&c| c == 0)
                        || self.meets_none_up_to.as_ref().is_some_and(|up_to| {
                            row.len() == up_to.len()
                                && row.iter().zip(up_to).all(|(&c, &most)| c <= most)
                        })
                    {
                        return (Vec::new(), Vec::new());
                    }
                    self.evaluate_pupil(pupil, row)
                })
                .filter(|(f, n)| !f.is_empty() || !n.is_empty())
                .collect();
            for (f, n) in results {
                f.into_iter().for_each(&mut *sink);
                not_evaluable.extend(n);
            }
        }
        let order = |rule: &str| self.profile.rules.iter().position(|r| r.id == rule);
        not_evaluable.sort_by_key(|n| (n.pupil, order(&n.rule), n.month));
        let mut duplicates: Vec<Duplicate> = duplicates
            .into_iter()
            .filter_map(|(p, count)| {
                pupils.get(p as usize).map(|pupil| Duplicate {
                    pupil: pupil.id,
                    count,
                })
            })
            .collect();
        duplicates.sort_by_key(|d| d.pupil);
        let mut stats = acc.stats();
        stats.duplicates = duplicates.iter().map(|d| u64::from(d.count)).sum();
        stats.late_not_counted = stats.late_not_counted.saturating_add(late_not_counted);
        stats.counted = stats.counted.saturating_add(counted);
        let mut not_counted = acc.not_counted_list(&lesson_not_counted);
        not_counted.sort_by_key(|n| {
            (
                n.pupil,
                accumulator::kind_index(n.kind),
                accumulator::unit_order(n.unit),
            )
        });
        stats.not_counted = not_counted.iter().map(|n| n.records).sum();
        Report {
            profile: self.profile.id.clone(),
            window: self.window,
            signal_basis: self.profile.signal_basis.clone(),
            silent_rules: self
                .profile
                .rules
                .iter()
                .filter(|r| !r.signals)
                .map(|r| r.id.clone())
                .collect(),
            flags: Vec::new(),
            not_evaluable,
            duplicates,
            not_counted,
            stats,
        }
    }

    fn evaluate_pupil(&self, pupil: &Pupil, row: &[u64]) -> (Vec<Flag>, Vec<NotEvaluable>) {
        let mut flags = Vec::new();
        let mut notes = Vec::new();
        for (index, rule) in self.profile.rules.iter().enumerate() {
            let mut findings = Vec::new();
            let mut ctx = PupilCtx {
                pupil,
                row,
                rule: &rule.id,
                notes: &mut notes,
            };
            if self.eval(&rule.when, &mut ctx, &mut findings) {
                let rule = self
                    .rule_refs
                    .get(index)
                    .cloned()
                    .unwrap_or_else(|| RuleRef::of(rule));
                flags.push(Flag::new(pupil, rule, findings));
            }
        }
        (flags, notes)
    }

    fn eval(
        &self,
        cond: &Condition,
        ctx: &mut PupilCtx<'_, '_>,
        findings: &mut Vec<Finding>,
    ) -> bool {
        let start = findings.len();
        let matched = match cond {
            // Every child is evaluated (no short circuit) so that every matching figure is reported.
            Condition::Any(children) => {
                children
                    .iter()
                    .map(|c| self.eval(c, ctx, findings))
                    .filter(|m| *m)
                    .count()
                    > 0
            }
            Condition::All(children) => {
                children
                    .iter()
                    .map(|c| self.eval(c, ctx, findings))
                    .filter(|m| !*m)
                    .count()
                    == 0
            }
            Condition::Threshold(t) => self.eval_threshold(t, ctx, findings),
        };
        if !matched {
            findings.truncate(start);
        }
        matched
    }

    fn eval_threshold(
        &self,
        t: &Threshold,
        ctx: &mut PupilCtx<'_, '_>,
        findings: &mut Vec<Finding>,
    ) -> bool {
        if t.level.is_some_and(|l| l != ctx.pupil.level) {
            return false;
        }
        let key = SlotKey::of(t);
        let Some(base) = base_of(&self.slots, &self.bases, key) else {
            return false;
        };
        let periods = key.width(self.months.len());
        let mut matched = false;
        for offset in 0..periods {
            let index = base + offset;
            let month = match t.per {
                Per::Window => None,
                Per::Month => self.months.get(offset).copied(),
            };
            let measured = Quantity::from_sixtieths(ctx.row.get(index).copied().unwrap_or(0));
            let (ordering, planned) = match t.limit {
                Limit::Amount(limit) => (measured.cmp(&limit), None),
                Limit::Share(pct) => {
                    let planned = match month {
                        Some(m) => self.planned.month(ctx.pupil.id, m, t.unit),
                        None => self.planned.window(ctx.pupil.id, t.unit),
                    };
                    match planned {
                        Some(p) if p > Quantity::ZERO => {
                            let lhs = u128::from(measured.sixtieths()) * 10_000;
                            let rhs = u128::from(pct.basis_points()) * u128::from(p.sixtieths());
                            (lhs.cmp(&rhs), Some(p))
                        }
                        _ => {
                            if measured > Quantity::ZERO {
                                ctx.notes.push(NotEvaluable {
                                    pupil: ctx.pupil.id,
                                    rule: ctx.rule.clone(),
                                    month,
                                    unit: t.unit,
                                });
                            }
                            continue;
                        }
                    }
                }
            };
            if t.operator.holds(ordering) {
                matched = true;
                let (first, last) = self.period_bounds(month);
                findings.push(Finding {
                    counts: t.counts,
                    unit: t.unit,
                    first,
                    last,
                    month,
                    measured,
                    operator: t.operator,
                    limit: t.limit,
                    planned,
                });
            }
        }
        matched
    }

    fn period_bounds(&self, month: Option<YearMonth>) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let (wf, wl) = (self.window.first(), self.window.last());
        let Some(m) = month else { return (wf, wl) };
        match Window::month(m.year, m.month) {
            Ok(mw) => (mw.first().max(wf), mw.last().min(wl)),
            Err(_) => (wf, wl),
        }
    }
}

/// Slots per year in [`Evaluator::calendar`] (the days of a leap year).
const DAYS_PER_YEAR_SLOT: usize = 366;

/// A date outside the window in [`Evaluator::calendar`].
const OUTSIDE: u32 = u32::MAX;

/// A date's slot in a calendar starting with `first_year`: (year − first year) × 366 + day of the
/// year − 1; `None` before the first year.
#[inline]
fn slot_of(first_year: i32, date: chrono::NaiveDate) -> Option<usize> {
    let year = usize::try_from(date.year().wrapping_sub(first_year)).ok()?;
    Some(
        year.saturating_mul(DAYS_PER_YEAR_SLOT)
            .saturating_add(date.ordinal0() as usize),
    )
}

/// The counters one (effective kind, unit) of record adds to, inline: at most four, since the
/// slots are distinct and a kind's record matches only slots counting all or its own kind, per
/// window or per month.
///
/// Every `Routes` of a profile has the same length, padded with additions of nothing (a zero
/// mask) to the first counter of the row: a loop over a record's counters then runs the same
/// number of times for every record, with no mispredicted branch to stall the memory accesses
/// of the records around it.
#[derive(Debug, Clone, Copy, Default)]
struct Routes {
    /// How many of `at` are used (padding included).
    len: usize,
    /// (first counter of the slot in a pupil's row, 1 for a monthly slot (offset by the month
    /// index) or 0, `u64::MAX` for a route or 0 for padding).
    at: [(usize, usize, u64); 4],
}

impl Routes {
    /// The routes in use, padding included.
    #[inline]
    fn used(&self) -> &[(usize, usize, u64)] {
        self.at.get(..self.len).unwrap_or(&[])
    }
}

/// For each effective kind (0 excused, 1 unexcused) and unit (0 hours, 1 days), the counters a
/// record adds to.
fn compile_routes(slots: &[SlotKey], bases: &[usize]) -> [[Routes; 2]; 2] {
    let mut routes = [[Routes::default(); 2]; 2];
    for (k, own) in [(0, Counted::Excused), (1, Counted::Unexcused)] {
        for (u, unit) in [(0, Unit::Hours), (1, Unit::Days)] {
            // One place per (counts all?, monthly?): distinct slots cannot collide.
            let mut places = [None; 4];
            for (s, &base) in slots.iter().zip(bases) {
                if s.unit != unit || !(s.counts == Counted::All || s.counts == own) {
                    continue;
                }
                let monthly = usize::from(s.per == Per::Month);
                let place = usize::from(s.counts == Counted::All) * 2 + monthly;
                if let Some(p) = places.get_mut(place) {
                    *p = Some((base, monthly));
                }
            }
            if let Some(r) = routes.get_mut(k).and_then(|r| r.get_mut(u)) {
                for (base, monthly) in places.into_iter().flatten() {
                    if let Some(slot) = r.at.get_mut(r.len) {
                        *slot = (base, monthly, u64::MAX);
                        r.len += 1;
                    }
                }
            }
        }
    }
    let width = routes.iter().flatten().map(|r| r.len).max().unwrap_or(0);
    for r in routes.iter_mut().flatten() {
        r.len = width;
    }
    routes
}

struct PupilCtx<'p, 'n> {
    pupil: &'p Pupil,
    row: &'p [u64],
    rule: &'p String,
    notes: &'n mut Vec<NotEvaluable>,
}

const fn unit_index(unit: Unit) -> Option<usize> {
    match unit {
        Unit::Hours => Some(0),
        Unit::Days => Some(1),
        Unit::Minutes => None,
    }
}

/// Marks, per level, effective kind and unit, what the thresholds of `cond` count.
fn mark_counted(cond: &Condition, out: &mut [[[bool; 2]; 2]; 2]) {
    match cond {
        Condition::Any(v) | Condition::All(v) => v.iter().for_each(|c| mark_counted(c, out)),
        Condition::Threshold(t) => {
            let Some(u) = unit_index(t.unit) else { return };
            for (l, level) in [(0, crate::Level::School), (1, crate::Level::Preschool)] {
                if t.level.is_some_and(|x| x != level) {
                    continue;
                }
                for (k, own) in [(0, Counted::Excused), (1, Counted::Unexcused)] {
                    if (t.counts == Counted::All || t.counts == own)
                        && let Some(c) = out
                            .get_mut(l)
                            .and_then(|x| x.get_mut(k))
                            .and_then(|x| x.get_mut(u))
                    {
                        *c = true;
                    }
                }
            }
        }
    }
}

/// Lowers, in `up_to`, the largest value of each counter that meets no threshold of `cond`:
/// the limit of a `gt`, one sixtieth under the limit of a `ge`, 0 under a share of the plan
/// (it depends on the plan, and a pupil without one is noted). `None` when a threshold is met
/// at 0.
fn meets_none_up_to(
    cond: &Condition,
    slots: &[SlotKey],
    bases: &[usize],
    months: usize,
    up_to: &mut Option<Vec<u64>>,
) {
    match cond {
        Condition::Any(v) | Condition::All(v) => {
            for c in v {
                meets_none_up_to(c, slots, bases, months, up_to);
            }
        }
        Condition::Threshold(t) => {
            let most = match (t.limit, t.operator) {
                (Limit::Share(_), _) => Some(0),
                // More than the limit: the limit itself meets it not.
                (Limit::Amount(limit), Operator::Gt) => Some(limit.sixtieths()),
                // At least the limit: one sixtieth less meets it not.
                (Limit::Amount(limit), Operator::Ge) => limit.sixtieths().checked_sub(1),
            };
            let key = SlotKey::of(t);
            let counters = base_of(slots, bases, key).map(|base| base..base + key.width(months));
            match (most, counters, up_to.as_mut()) {
                (Some(most), Some(counters), Some(table)) => {
                    for c in table.get_mut(counters).unwrap_or_default() {
                        *c = (*c).min(most);
                    }
                }
                _ => *up_to = None,
            }
        }
    }
}

fn collect_slots(cond: &Condition, out: &mut Vec<SlotKey>) {
    match cond {
        Condition::Any(v) | Condition::All(v) => v.iter().for_each(|c| collect_slots(c, out)),
        Condition::Threshold(t) => {
            let key = SlotKey::of(t);
            if !out.contains(&key) {
                out.push(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};

    use super::{Evaluator, OUTSIDE, slot_of};
    use crate::{Planned, Roster, RuleProfile, Window};

    /// A pupil one sixtieth over a `gt` limit, or exactly at a `ge` one, is not skipped as
    /// meeting no threshold; one sixtieth less is flagged by nothing.
    #[test]
    fn the_skip_under_every_limit_stops_one_sixtieth_short() {
        use crate::{
            AbsenceKind, AbsenceRecord, Condition, Counted, Level, Limit, Operator, Per, Pupil,
            PupilId, Quantity, SchoolId, Threshold, Unit,
        };
        let day = NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
        let planned = Planned::default();
        let window = Window::month(2018, 3).unwrap();
        let pupil = |id, level| Pupil::new(PupilId(id), SchoolId::new("S"), level);
        let days = |id, sixtieths| {
            let q = Quantity::from_sixtieths(sixtieths);
            AbsenceRecord::new(PupilId(id), day, q, Unit::Days, AbsenceKind::Unexcused)
        };
        let flagged = |ev: &Evaluator<'_>, records: &[AbsenceRecord]| -> Vec<u64> {
            let mut acc = ev.accumulator();
            acc.push_batch(records).unwrap();
            ev.evaluate(&acc).flags.iter().map(|f| f.pupil.0).collect()
        };

        // Over 25 unexcused days at preschool age (and over 40 and 130 hours).
        let roster =
            Roster::new(vec![pupil(1, Level::Preschool), pupil(2, Level::Preschool)]).unwrap();
        let ev = Evaluator::new(RuleProfile::bg_isrm(), window, &roster, &planned).unwrap();
        // Total hours, unexcused hours, unexcused days.
        assert_eq!(ev.meets_none_up_to, Some(vec![130 * 60, 40 * 60, 25 * 60]));
        assert_eq!(flagged(&ev, &[days(1, 25 * 60 + 1), days(2, 25 * 60)]), [1]);

        // At least 10 days of any absence.
        let mut profile = RuleProfile::bg_isrm();
        profile.rules[0].when = Condition::Threshold(Threshold {
            counts: Counted::All,
            unit: Unit::Days,
            level: None,
            per: Per::Window,
            operator: Operator::Ge,
            limit: Limit::Amount(Quantity::whole(10)),
        });
        let roster = Roster::new(vec![pupil(1, Level::School), pupil(2, Level::School)]).unwrap();
        let ev = Evaluator::new(profile, window, &roster, &planned).unwrap();
        // All days; unexcused hours, unexcused days.
        assert_eq!(
            ev.meets_none_up_to,
            Some(vec![10 * 60 - 1, 40 * 60, 25 * 60])
        );
        assert_eq!(flagged(&ev, &[days(1, 10 * 60), days(2, 10 * 60 - 1)]), [1]);

        // A share of the plan: nothing is skipped but a row of zeros.
        let ev = Evaluator::new(
            RuleProfile::pl_compulsory_schooling(),
            window,
            &roster,
            &planned,
        )
        .unwrap();
        assert_eq!(ev.meets_none_up_to, Some(vec![0; ev.stride]));
        let roster = Roster::new(vec![pupil(1, Level::School)]).unwrap();
        let mut planned = Planned::default();
        planned.set_window(PupilId(1), Unit::Hours, Quantity::whole(100));
        let mut ten = RuleProfile::bg_isrm();
        ten.rules.truncate(1);
        // At least 10 % of the planned hours: 10 of 100.
        ten.rules[0].when = Condition::Threshold(Threshold {
            counts: Counted::All,
            unit: Unit::Hours,
            level: None,
            per: Per::Window,
            operator: Operator::Ge,
            limit: Limit::Share(crate::Percent::from_basis_points(1_000)),
        });
        let ev = Evaluator::new(ten, window, &roster, &planned).unwrap();
        let hours = AbsenceRecord::new(
            PupilId(1),
            day,
            Quantity::whole(10),
            Unit::Hours,
            AbsenceKind::Excused,
        );
        assert_eq!(flagged(&ev, &[hours]), [1]);
    }

    /// The calendar table gives, for every date, what the day-number computation gives: the day
    /// offset and month index inside the window, outside otherwise.
    #[test]
    fn calendar_matches_day_numbers_around_every_window() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let (roster, planned) = (Roster::default(), Planned::default());
        let windows = [
            Window::school_year(d(2017, 9, 15), d(2018, 6, 1)).unwrap(),
            Window::month(2024, 2).unwrap(),
            Window::custom(d(2023, 12, 31), d(2024, 1, 1)).unwrap(),
            Window::custom(d(2020, 1, 1), d(2029, 12, 31)).unwrap(),
            Window::custom(d(-5, 12, 30), d(-4, 1, 2)).unwrap(),
        ];
        for w in windows {
            let ev = Evaluator::new(RuleProfile::bg_isrm(), w, &roster, &planned).unwrap();
            let months = w.months();
            let mut date = w.first() - chrono::Days::new(800);
            while date <= w.last() + chrono::Days::new(800) {
                let code = slot_of(ev.first_year, date)
                    .and_then(|s| ev.calendar.get(s).copied())
                    .unwrap_or(OUTSIDE);
                let day = date.num_days_from_ce() - w.first().num_days_from_ce();
                if w.contains(date) {
                    assert_eq!(i64::from(code >> 8), i64::from(day), "{date}");
                    let month = months.get(usize::from((code & 0xFF) as u8)).copied();
                    assert_eq!(month, Some(crate::YearMonth::of(date)), "{date}");
                } else {
                    assert_eq!(code, OUTSIDE, "{date}");
                }
                date = date.succ_opt().unwrap();
            }
        }
    }
}
