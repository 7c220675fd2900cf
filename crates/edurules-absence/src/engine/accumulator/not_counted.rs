//! The records that count towards no rule, summed per pupil, kind and unit.

use super::{NotCountedMap, add_not_counted};

/// Per kind index and unit index: (records, amount in sixtieths).
type Table = [[(u64, u64); 3]; 3];

/// The records that count towards no rule: a [`NotCountedMap`], with the sums of the last
/// pupil held aside, so that a run of one pupil's records (as registers export them) enters
/// the map once per kind and unit, not once per record (a `BTreeMap` entry is a few hundred
/// instructions; a preschool child's hours are all not counted). Records in no particular
/// order are queued and enter the map sorted, in bulk, when the queue is as long as the map:
/// a few instructions each, and memory stays within twice the map.
#[derive(Debug, Clone, Default)]
pub(crate) struct NotCountedSums {
    map: NotCountedMap,
    /// The pupil whose sums are held, and per kind index and unit index (records, amount).
    held: Option<(u32, Table)>,
    /// Sums not yet in the map: (key, records, amount).
    queue: Vec<((u32, u8, u8), u64, u64)>,
}

/// The shortest queue that is merged into the map (short in tests, to exercise the merges).
const MIN_QUEUE: usize = if cfg!(test) { 4 } else { 1 << 14 };

impl NotCountedSums {
    /// Adds `records` records of `amount` sixtieths in all under `(pupil, kind, unit)`.
    #[inline]
    pub(crate) fn add(&mut self, key: (u32, u8, u8), records: u64, amount: u64) {
        let (pupil, kind, unit) = key;
        let slot = |sums: &mut Table| {
            sums.get_mut(usize::from(kind))
                .and_then(|k| k.get_mut(usize::from(unit)))
                .map(|s| {
                    s.0 = s.0.saturating_add(records);
                    s.1 = s.1.saturating_add(amount);
                })
                .is_some()
        };
        if let Some((held, sums)) = &mut self.held
            && *held == pupil
            && slot(sums)
        {
            return;
        }
        self.flush();
        let mut sums: Table = [[(0, 0); 3]; 3];
        if slot(&mut sums) {
            self.held = Some((pupil, sums));
        } else {
            self.queue.push((key, records, amount));
        }
    }

    /// Moves the held sums into the queue, and the queue into the map when it is long.
    fn flush(&mut self) {
        if let Some((pupil, sums)) = self.held.take() {
            for (kind, row) in (0_u8..).zip(sums) {
                for (unit, (records, amount)) in (0_u8..).zip(row) {
                    if records > 0 {
                        self.queue.push(((pupil, kind, unit), records, amount));
                    }
                }
            }
        }
        if self.queue.len() >= self.map.len().max(MIN_QUEUE) {
            self.merge_queue();
        }
    }

    /// Sums the queue by key and merges it into the map in one sorted pass.
    fn merge_queue(&mut self) {
        if self.queue.is_empty() {
            return;
        }
        self.queue.sort_unstable_by_key(|&(key, _, _)| key);
        let mut queued: Vec<Sums> = Vec::with_capacity(self.queue.len());
        for (key, records, amount) in self.queue.drain(..) {
            match queued.last_mut() {
                Some((k, sum)) if *k == key => {
                    sum.0 = sum.0.saturating_add(records);
                    sum.1 = sum.1.saturating_add(amount);
                }
                _ => queued.push((key, (records, amount))),
            }
        }
        if self.map.len() < queued.len().saturating_mul(8) {
            // Both sorted: a merge, collected by bulk-building the map.
            let old = std::mem::take(&mut self.map);
            self.map = Merge {
                a: old.into_iter().peekable(),
                b: queued.into_iter().peekable(),
            }
            .collect();
        } else {
            for (key, (records, amount)) in queued {
                add_not_counted(&mut self.map, key, records, amount);
            }
        }
    }

    /// Every entry, the held sums included.
    pub(super) fn to_map(&self) -> NotCountedMap {
        self.clone().into_map()
    }

    /// Every entry, the held sums included.
    pub(super) fn into_map(mut self) -> NotCountedMap {
        self.flush();
        self.merge_queue();
        self.map
    }
}

type Sums = ((u32, u8, u8), (u64, u64));

/// Two key-sorted runs of sums merged into one, the sums of a shared key added.
struct Merge<A: Iterator<Item = Sums>, B: Iterator<Item = Sums>> {
    a: std::iter::Peekable<A>,
    b: std::iter::Peekable<B>,
}

impl<A: Iterator<Item = Sums>, B: Iterator<Item = Sums>> Iterator for Merge<A, B> {
    type Item = Sums;

    fn next(&mut self) -> Option<Sums> {
        match (self.a.peek(), self.b.peek()) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                let (key, (r1, a1)) = self.a.next()?;
                let (_, (r2, a2)) = self.b.next()?;
                Some((key, (r1.saturating_add(r2), a1.saturating_add(a2))))
            }
            (Some(x), Some(y)) if x.0 < y.0 => self.a.next(),
            (Some(_), None) => self.a.next(),
            _ => self.b.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{NotCountedMap, NotCountedSums};

    proptest! {
        /// Whatever the order of the additions (runs of one pupil, interleaved pupils, kind
        /// and unit indexes past the held table), the sums are those of adding each to a map.
        #[test]
        fn sums_as_a_map(adds in prop::collection::vec((0_u32..5, 0_u8..4, 0_u8..4, 1_u64..4, 0_u64..1000), 0..60)) {
            let mut model = NotCountedMap::new();
            let mut sums = NotCountedSums::default();
            for (i, &(pupil, kind, unit, records, amount)) in adds.iter().enumerate() {
                let e = model.entry((pupil, kind, unit)).or_insert((0, 0));
                e.0 += records;
                e.1 += amount;
                sums.add((pupil, kind, unit), records, amount);
                if i % 7 == 3 {
                    prop_assert_eq!(&sums.to_map(), &model);
                }
                if i % 11 == 5 {
                    sums.merge_queue();
                }
            }
            prop_assert_eq!(&sums.to_map(), &model);
            prop_assert_eq!(sums.into_map(), model);
        }
    }
}
