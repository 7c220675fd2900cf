//! The records that count towards no rule, summed per pupil, kind and unit.

#[cfg(test)]
use super::NotCountedMap;

/// Per kind index and unit index: (records, amount in sixtieths).
type Table = [[(u64, u64); 3]; 3];

/// One key's sums: ((pupil, kind index, unit index), records, amount in sixtieths).
pub(crate) type Sum = ((u32, u8, u8), u64, u64);

/// The records that count towards no rule, summed per pupil, kind and unit, as a vector whose
/// first `sorted` entries are sorted by key with one entry per key, and whose tail holds sums in
/// any order. The tail is sorted into the prefix (a stable sort, which merges sorted runs in
/// linear time) when it is as long as the prefix, so memory stays within twice the keys and an
/// addition costs a few instructions; the map is built once, sorted, when it is read. The sums
/// of the last pupil are held aside, so that a run of one pupil's records (as registers export
/// them) adds one entry per kind and unit, not one per record.
#[derive(Debug, Clone, Default)]
pub(crate) struct NotCountedSums {
    sums: Vec<Sum>,
    sorted: usize,
    /// The pupil whose sums are held, and per kind index and unit index (records, amount).
    held: Option<(u32, Table)>,
}

/// The shortest tail that is sorted into the prefix (short in tests, to exercise it).
const MIN_TAIL: usize = if cfg!(test) { 4 } else { 1 << 14 };

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
            self.sums.push((key, records, amount));
        }
    }

    /// Adds sums in any order (a batch's, summed apart).
    pub(crate) fn extend(&mut self, sums: &[Sum]) {
        self.sums.extend_from_slice(sums);
        self.compact_if_long();
    }

    /// Moves the held sums into the tail.
    fn flush(&mut self) {
        if let Some((pupil, sums)) = self.held.take() {
            for (kind, row) in (0_u8..).zip(sums) {
                for (unit, (records, amount)) in (0_u8..).zip(row) {
                    if records > 0 {
                        self.sums.push(((pupil, kind, unit), records, amount));
                    }
                }
            }
            self.compact_if_long();
        }
    }

    fn compact_if_long(&mut self) {
        if self.sums.len() - self.sorted >= self.sorted.max(MIN_TAIL) {
            self.compact();
        }
    }

    /// Sorts the tail into the prefix, one entry per key.
    fn compact(&mut self) {
        compact(&mut self.sums);
        self.sorted = self.sums.len();
    }

    /// Every entry, the held sums included.
    #[cfg(test)]
    fn to_map(&self) -> NotCountedMap {
        self.clone()
            .into_sorted()
            .into_iter()
            .map(|(key, records, amount)| (key, (records, amount)))
            .collect()
    }

    /// Every entry, the held sums included, sorted by key with one entry per key: without
    /// building a map, which cost a reading of the report about 10 ms for the 100,000 sums of
    /// 35,000 preschool children.
    pub(super) fn into_sorted(mut self) -> Vec<Sum> {
        self.flush();
        self.compact();
        self.sums
    }
}

/// Sorts `sums` by key and adds up the entries of each key, in place.
pub(crate) fn compact(sums: &mut Vec<Sum>) {
    sums.sort_by_key(|&(key, _, _)| key);
    sums.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 = a.1.saturating_add(b.1);
            a.2 = a.2.saturating_add(b.2);
            true
        } else {
            false
        }
    });
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
                    sums.compact();
                }
                if i % 13 == 7 {
                    let mut part = vec![((pupil, kind, 9), 2, 5), ((100, 0, 9), 1, 1), ((pupil, kind, 9), 1, 1)];
                    let e = model.entry((pupil, kind, 9)).or_insert((0, 0));
                    e.0 += 3;
                    e.1 += 6;
                    let e = model.entry((100, 0, 9)).or_insert((0, 0));
                    e.0 += 1;
                    e.1 += 1;
                    super::compact(&mut part);
                    prop_assert_eq!(part.len(), 2);
                    sums.extend(&part);
                }
            }
            prop_assert_eq!(&sums.to_map(), &model);
            let sorted = sums.into_sorted();
            prop_assert!(sorted.windows(2).all(|w| w[0].0 < w[1].0), "sorted, one entry per key");
            let as_map: NotCountedMap = sorted.into_iter().map(|(k, r, a)| (k, (r, a))).collect();
            prop_assert_eq!(as_map, model);
        }
    }
}
