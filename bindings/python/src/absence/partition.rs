//! Records grouped by pupil range before they are folded: in random pupil
//! order every record's counters miss the cache (700,000 pupils' counters do
//! not fit), so a big slice is first reordered, stably, into buckets of
//! 4,096 consecutive pupil ids, whose counters stay in a core's cache while
//! the bucket is folded. The fold's result does not depend on the order.

use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type, UInt32Type, UInt64Type};
use arrow_array::{Array, RecordBatch, UInt32Array};
use edurules::absence::Roster;
use edurules::absence::arrow::arrow_schema::DataType;

/// Pupil ids per bucket, as a shift: 4,096 pupils, about 100 KB of counters.
const SHIFT: u32 = 12;
/// At most this many buckets (a sparse roster is left in its order).
const MAX_BUCKETS: u64 = 1 << 14;
/// Slices smaller than this are folded as they come.
const MIN_ROWS: usize = 1 << 16;

/// The buckets of a roster's id range.
#[derive(Debug, Clone, Copy)]
pub(super) struct Buckets {
    min: u64,
    /// Buckets of the range, plus one for ids outside it.
    count: usize,
}

impl Buckets {
    /// The buckets of `roster`, or `None` when its pupils' counters fit in
    /// a cache anyway (fewer than three buckets) or its ids are too sparse.
    pub(super) fn of(roster: &Roster) -> Option<Self> {
        let ids = roster.pupils().iter().map(|p| p.id.0);
        let min = ids.clone().min()?;
        let max = ids.max()?;
        let ranges = (max - min) >> SHIFT;
        if !(2..MAX_BUCKETS).contains(&ranges) {
            return None;
        }
        let count = usize::try_from(ranges).ok()?.checked_add(2)?;
        Some(Self { min, count })
    }

    fn bucket(&self, id: u64) -> usize {
        let last = self.count.saturating_sub(1);
        id.checked_sub(self.min)
            .and_then(|d| usize::try_from(d >> SHIFT).ok())
            .filter(|&b| b < last)
            .unwrap_or(last)
    }
}

/// Whether the values never decrease.
fn ascending<T: PartialOrd>(values: &[T]) -> bool {
    values.windows(2).all(|w| matches!(w, [a, b] if a <= b))
}

/// The pupil ids of a batch as `u64`s (negative ones wrap, to be refused by
/// the crate), when `pupil_id` is a plain integer column without nulls and
/// the ids are not already in order (grouped by pupil: nothing to regroup,
/// and nothing is copied).
fn ids_out_of_order(batch: &RecordBatch) -> Option<Vec<u64>> {
    let a = batch.column_by_name("pupil_id")?;
    if a.null_count() > 0 {
        return None;
    }
    let sorted = match a.data_type() {
        DataType::UInt64 => ascending(a.as_primitive::<UInt64Type>().values()),
        DataType::Int64 => ascending(a.as_primitive::<Int64Type>().values()),
        DataType::UInt32 => ascending(a.as_primitive::<UInt32Type>().values()),
        DataType::Int32 => ascending(a.as_primitive::<Int32Type>().values()),
        _ => return None,
    };
    if sorted {
        return None;
    }
    #[expect(
        clippy::cast_sign_loss,
        reason = "a negative id is refused by the crate"
    )]
    let ids = match a.data_type() {
        DataType::UInt64 => a.as_primitive::<UInt64Type>().values().to_vec(),
        DataType::Int64 => a
            .as_primitive::<Int64Type>()
            .values()
            .iter()
            .map(|&v| v as u64)
            .collect(),
        DataType::UInt32 => a
            .as_primitive::<UInt32Type>()
            .values()
            .iter()
            .map(|&v| u64::from(v))
            .collect(),
        DataType::Int32 => a
            .as_primitive::<Int32Type>()
            .values()
            .iter()
            .map(|&v| v as u64)
            .collect(),
        _ => return None,
    };
    Some(ids)
}

/// The rows of `batch` reordered by bucket (stable), with the permutation
/// (`order[row of the result]` = row of `batch`); `None` when the batch is
/// small, already grouped (ids never decreasing), or not readable here: it
/// is then folded as it is, with the same result.
pub(super) fn group(buckets: &Buckets, batch: &RecordBatch) -> Option<(RecordBatch, UInt32Array)> {
    if batch.num_rows() < MIN_ROWS || u32::try_from(batch.num_rows()).is_err() {
        return None;
    }
    let ids = ids_out_of_order(batch)?;
    let of: Vec<usize> = ids.iter().map(|&id| buckets.bucket(id)).collect();
    let mut start = vec![0_u32; buckets.count.saturating_add(1)];
    for &b in &of {
        if let Some(n) = start.get_mut(b.saturating_add(1)) {
            *n = n.saturating_add(1);
        }
    }
    for i in 1..start.len() {
        let before = start.get(i.saturating_sub(1)).copied().unwrap_or(0);
        if let Some(n) = start.get_mut(i) {
            *n = n.saturating_add(before);
        }
    }
    let mut order = vec![0_u32; ids.len()];
    for (row, &b) in (0_u32..).zip(&of) {
        let at = start.get_mut(b)?;
        *order.get_mut(usize::try_from(*at).ok()?)? = row;
        *at = at.saturating_add(1);
    }
    let order = UInt32Array::from(order);
    let grouped = arrow_select::take::take_record_batch(batch, &order).ok()?;
    Some((grouped, order))
}
