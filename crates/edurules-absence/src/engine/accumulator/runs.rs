//! The columnar fold of the Arrow path: checked rows of the common layout (no `unit` and no
//! `lesson` column) added straight from their columns, in one pass, with one roster lookup,
//! one level check and one route lookup per run of consecutive rows of the same pupil.

use super::{Accumulator, add_row};
use crate::PupilId;

/// Checked columns of the common layout: every amount exact, no late arrival of 0 minutes.
#[derive(Clone, Copy)]
pub(crate) struct PlainColumns<'b> {
    /// The pupil ids.
    pub(crate) ids: &'b [u64],
    /// The dates, in days since 1970-01-01.
    pub(crate) days: &'b [i32],
    /// The kinds: 0 excused, 1 unexcused, 2 late (in minutes; the other two in hours).
    pub(crate) kinds: &'b [u8],
    /// The amounts, in sixtieths of the row's unit.
    pub(crate) amounts: &'b [u64],
}

/// What the runs of one batch share.
struct Placed {
    /// Each row's kind where its day is inside the window, [`OUTSIDE`] where not ([`placed`]).
    kinds: Vec<u8>,
    /// No sum of the batch's amounts can overflow.
    exact: bool,
}

/// What the rows of one batch did, added to the accumulator's figures at the end.
#[derive(Default)]
struct Tally {
    counted: u64,
    not_counted: u64,
    unknown_pupil: u64,
    outside_window: u64,
    late_not_counted: u64,
}

impl Accumulator<'_> {
    /// Adds the rows of checked columns of the common layout exactly as
    /// [`Accumulator::push`] would add their records: `first` is the window's first day (in days
    /// since 1970-01-01).
    pub(crate) fn push_plain_columns(&mut self, cols: PlainColumns<'_>, first: i64) {
        let n = cols
            .ids
            .len()
            .min(cols.days.len())
            .min(cols.kinds.len())
            .min(cols.amounts.len());
        let mut tally = Tally::default();
        let kinds = placed(
            cols.days.get(..n).unwrap_or(&[]),
            cols.kinds.get(..n).unwrap_or(&[]),
            first,
            self.ev.day_month.len(),
            std::mem::take(&mut self.placed),
        );
        // Whether no sum of the batch's amounts can overflow, so that runs add them plainly:
        // each is below 2^bits (one pass of `|` that vectorizes), so a sum of n of them is
        // below n × 2^bits.
        let amounts = cols.amounts.get(..n).unwrap_or(&[]);
        let bits = u64::BITS - amounts.iter().fold(0, |all, &a| all | a).leading_zeros();
        let exact = (n as u64)
            .checked_shl(bits)
            .is_some_and(|bound| bound >> bits == n as u64);
        let placed = Placed { kinds, exact };
        if self.ev.whole_window_hours() {
            // Every counter of hours is for the whole window (the Bulgarian selections): one
            // fused pass that finds the runs and sums them.
            let ids = cols.ids.get(..n).unwrap_or(&[]);
            if exact {
                self.fold_whole_window::<false>(ids, &placed.kinds, amounts, &mut tally);
            } else {
                self.fold_whole_window::<true>(ids, &placed.kinds, amounts, &mut tally);
            }
        } else {
            let mut start = 0;
            while let Some(&id) = cols.ids.get(start) {
                if start >= n {
                    break;
                }
                let len = cols
                    .ids
                    .get(start..n)
                    .and_then(|rest| rest.iter().position(|&x| x != id))
                    .unwrap_or(n - start);
                let end = start + len;
                match self.position_of(id) {
                    Some(pupil) => {
                        self.fold_run(pupil, cols, &placed, first, start..end, &mut tally);
                    }
                    None => tally.unknown_pupil += len as u64,
                }
                start = end;
            }
        }
        if placed.kinds.capacity() <= super::MAX_KEPT_ROWS {
            self.placed = placed.kinds;
        }
        self.plain = self.plain.saturating_add(tally.counted);
        let other =
            tally.not_counted + tally.unknown_pupil + tally.outside_window + tally.late_not_counted;
        self.stats.records = self.stats.records.saturating_add(other);
        self.stats.unknown_pupil = self.stats.unknown_pupil.saturating_add(tally.unknown_pupil);
        self.stats.outside_window = self
            .stats
            .outside_window
            .saturating_add(tally.outside_window);
        self.stats.late_not_counted = self
            .stats
            .late_not_counted
            .saturating_add(tally.late_not_counted);
    }

    /// Adds the rows `rows` of one pupil (at roster position `pupil`).
    ///
    /// The amounts of a kind whose counters are all for the whole window (the Bulgarian
    /// selections) are summed over the run and added once; the counters of a monthly rule are
    /// added to row by row. Records that count towards no rule are summed per kind. Sums
    /// saturate, as the counters do, so the result is the one of adding row by row.
    #[inline]
    fn fold_run(
        &mut self,
        pupil: u32,
        cols: PlainColumns<'_>,
        placed: &Placed,
        first: i64,
        rows: std::ops::Range<usize>,
        tally: &mut Tally,
    ) {
        let ev = self.ev;
        let at = pupil as usize * ev.stride;
        let Some(counters) = self.counters.get_mut(at..at + ev.stride) else {
            return;
        };
        // Per effective kind, excused and unexcused hours (late arrivals convert to
        // unexcused hours): whether a rule counts it, and where it adds.
        let counts = [ev.counts(pupil, 0, 0), ev.counts(pupil, 1, 0)];
        let [[excused, _], [unexcused, _]] = &ev.routes;
        let routes = [excused, unexcused];
        let monthly = |r: &super::super::Routes| r.used().iter().any(|&(_, m, _)| m != 0);
        // Added row by row: counted and in a monthly counter.
        let by_row = [
            counts[0] && monthly(excused),
            counts[1] && monthly(unexcused),
        ];
        let converts = ev.profile.late_arrivals.is_some();
        // Per kind as given (excused, unexcused, late): records and sixtieths of an hour
        // summed over the run.
        let mut sums = [(0_u64, 0_u64); 3];
        let (mut outside, mut late_not_counted, mut counted) = (0_u64, 0_u64, 0_u64);
        let days = cols.days.get(rows.clone()).unwrap_or(&[]);
        let kinds = cols.kinds.get(rows.clone()).unwrap_or(&[]);
        let amounts = cols.amounts.get(rows.clone()).unwrap_or(&[]);
        if by_row == [false, false] {
            let exact = placed.exact;
            let placed = placed.kinds.get(rows).unwrap_or(&[]);
            let run = if exact {
                sum_whole_window::<false>(ev, placed, amounts, converts)
            } else {
                sum_whole_window::<true>(ev, placed, amounts, converts)
            };
            outside += run.outside;
            late_not_counted += run.late_not_counted;
            sums = run.sums;
        } else {
            for ((&day, &kind), &value) in days.iter().zip(kinds).zip(amounts) {
                let Some(&month) = usize::try_from(i64::from(day) - first)
                    .ok()
                    .and_then(|d| ev.day_month.get(d))
                else {
                    outside += 1;
                    continue;
                };
                let (effective, hours) = if kind < 2 {
                    (usize::from(kind), value)
                } else if converts {
                    (1, ev.late_hours(value))
                } else {
                    late_not_counted += 1;
                    continue;
                };
                if by_row.get(effective).copied().unwrap_or(false)
                    && let Some(routes) = routes.get(effective)
                {
                    add_row(counters, 0, routes, month, hours);
                    counted += 1;
                } else if let Some(sum) = sums.get_mut(usize::from(kind)) {
                    sum.0 += 1;
                    sum.1 = sum.1.saturating_add(hours);
                }
            }
        }
        tally.outside_window += outside;
        tally.late_not_counted += late_not_counted;
        tally.counted += counted;
        self.add_sums(pupil, sums, tally);
    }

    /// The roster position of the pupil `id`, looked up once per change of pupil.
    #[inline]
    fn position_of(&mut self, id: u64) -> Option<u32> {
        if let Some((last, position)) = self.last
            && last.0 == id
        {
            return Some(position);
        }
        let position = self.ev.roster.position(PupilId(id))?;
        self.last = Some((PupilId(id), position));
        Some(position)
    }

    /// Adds the sums of a run of the pupil at roster position `pupil`, per kind as given
    /// (excused, unexcused, late: records and sixtieths of an hour), to the counters for the
    /// whole window, or to the sums that count towards no rule.
    #[inline]
    fn add_sums(&mut self, pupil: u32, sums: [(u64, u64); 3], tally: &mut Tally) {
        let ev = self.ev;
        let at = pupil as usize * ev.stride;
        let Some(counters) = self.counters.get_mut(at..at + ev.stride) else {
            return;
        };
        let [[excused, _], [unexcused, _]] = &ev.routes;
        let routes = [excused, unexcused];
        for (kind, (records, hours)) in (0_u8..).zip(sums) {
            if records == 0 {
                continue;
            }
            let effective = usize::from(kind.min(1));
            match routes.get(effective) {
                Some(routes) if ev.counts(pupil, effective, 0) => {
                    // Only counters for the whole window are left: the month is not used.
                    add_row(counters, 0, routes, 0, hours);
                    tally.counted += records;
                }
                _ => {
                    self.not_counted.add((pupil, kind, 0), records, hours);
                    tally.not_counted += records;
                }
            }
        }
    }

    /// Adds the rows of a batch (their pupil ids, [`placed`] kinds and amounts) when every
    /// counter of hours is for the whole window: one pass that sums each run of rows of the
    /// same pupil in registers and adds the sums at each change of pupil, exactly as
    /// [`Accumulator::fold_run`] would add each run.
    ///
    /// `SATURATE` is false when no sum of the batch can pass `u64::MAX` (see
    /// [`Accumulator::push_plain_columns`]).
    fn fold_whole_window<const SATURATE: bool>(
        &mut self,
        ids: &[u64],
        codes: &[u8],
        amounts: &[u64],
        tally: &mut Tally,
    ) {
        let ev = self.ev;
        let converts = ev.profile.late_arrivals.is_some();
        let Some(&first) = ids.first() else {
            return;
        };
        let mut current = first;
        let mut run = RunSums::default();
        let mut len = 0_u64;
        for ((&id, &code), &value) in ids.iter().zip(codes).zip(amounts) {
            if id != current {
                self.add_run(current, len, &run, tally);
                current = id;
                run = RunSums::default();
                len = 0;
            }
            len += 1;
            run.add::<SATURATE>(ev, converts, code, value);
        }
        self.add_run(current, len, &run, tally);
    }

    /// Adds the sums of a run of `len` rows of the pupil `id` (all unknown when the roster
    /// does not hold them).
    #[inline]
    fn add_run(&mut self, id: u64, len: u64, run: &RunSums, tally: &mut Tally) {
        match self.position_of(id) {
            Some(pupil) => {
                tally.outside_window += run.outside;
                tally.late_not_counted += run.late_not_counted;
                self.add_sums(pupil, run.sums, tally);
            }
            None => tally.unknown_pupil += len,
        }
    }
}

/// What [`sum_whole_window`] found in a run.
#[derive(Default)]
struct RunSums {
    /// Per kind as given (excused, unexcused, late): records and sixtieths of an hour.
    sums: [(u64, u64); 3],
    outside: u64,
    late_not_counted: u64,
}

/// A row's kind where its day is inside the window, `OUTSIDE` where it is not.
const OUTSIDE: u8 = 3;

/// Each row's kind (0 excused, 1 unexcused, 2 late) where its day is inside the window of
/// `window` days from `first`, [`OUTSIDE`] where it is not: one pass over the batch that
/// vectorizes in the days' width. `out` (emptied first) is reused.
fn placed(days: &[i32], kinds: &[u8], first: i64, window: usize, mut out: Vec<u8>) -> Vec<u8> {
    out.clear();
    // Every day and the window's first are dates chrono can hold (within ±2^27 days of
    // 1970), so each offset fits an i32.
    if let (Ok(first), Ok(window)) = (i32::try_from(first), i32::try_from(window)) {
        out.extend(days.iter().zip(kinds).map(|(&day, &kind)| {
            let offset = day.wrapping_sub(first);
            if (offset >= 0) & (offset < window) {
                kind
            } else {
                OUTSIDE
            }
        }));
    } else {
        out.extend(days.iter().zip(kinds).map(|(&day, &kind)| {
            let inside = usize::try_from(i64::from(day) - first).is_ok_and(|d| d < window);
            if inside { kind } else { OUTSIDE }
        }));
    }
    out
}

/// Sums the rows of one pupil's run when every counter is for the whole window (the Bulgarian
/// selections), from the rows' [`placed`] kinds ([`RunSums::add`]). Not inlined, so that its
/// sums stay in registers instead of the caller's stack.
///
/// `SATURATE` is false when the caller has shown that no sum of the run can pass `u64::MAX`
/// (see [`Accumulator::push_plain_columns`]); each addition is then a plain one.
#[inline(never)]
fn sum_whole_window<const SATURATE: bool>(
    ev: &crate::Evaluator<'_>,
    placed: &[u8],
    amounts: &[u64],
    converts: bool,
) -> RunSums {
    let mut run = RunSums::default();
    for (&code, &value) in placed.iter().zip(amounts) {
        run.add::<SATURATE>(ev, converts, code, value);
    }
    run
}

impl RunSums {
    /// Adds a row of [`placed`] kind `code` and amount `value`: excused and unexcused rows
    /// without a branch; late arrivals (rarer, converted through a table when `converts`) and
    /// rows outside the window with one. `SATURATE` as in [`sum_whole_window`].
    #[inline(always)]
    fn add<const SATURATE: bool>(
        &mut self,
        ev: &crate::Evaluator<'_>,
        converts: bool,
        code: u8,
        value: u64,
    ) {
        let add = |sum: u64, value: u64| {
            if SATURATE {
                sum.saturating_add(value)
            } else {
                // INVARIANT: no overflow, as the caller showed.
                sum.wrapping_add(value)
            }
        };
        if code >= 2 {
            if code == OUTSIDE {
                self.outside += 1;
            } else if converts {
                let late = &mut self.sums[2];
                late.0 += 1;
                late.1 = late.1.saturating_add(ev.late_hours(value));
            } else {
                self.late_not_counted += 1;
            }
            return;
        }
        // 0 (excused) or 1 (unexcused).
        let is_unexcused = u64::from(code);
        let is_excused = is_unexcused ^ 1;
        let [excused, unexcused, _] = &mut self.sums;
        excused.0 += is_excused;
        excused.1 = add(excused.1, value & is_excused.wrapping_neg());
        unexcused.0 += is_unexcused;
        unexcused.1 = add(unexcused.1, value & is_unexcused.wrapping_neg());
    }
}
