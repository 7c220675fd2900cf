//! The records that count towards no rule, summed per pupil, kind and unit.

use super::{NotCountedMap, add_not_counted};

/// Per kind index and unit index: (records, amount in sixtieths).
type Table = [[(u64, u64); 3]; 3];

/// The records that count towards no rule: a [`NotCountedMap`], with the sums of the last
/// pupil held aside, so that a run of one pupil's records (as registers export them) enters
/// the map once per kind and unit, not once per record (a `BTreeMap` entry is a few hundred
/// instructions; a preschool child's hours are all not counted).
#[derive(Debug, Clone, Default)]
pub(crate) struct NotCountedSums {
    map: NotCountedMap,
    /// The pupil whose sums are held, and per kind index and unit index (records, amount).
    held: Option<(u32, Table)>,
}

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
            add_not_counted(&mut self.map, key, records, amount);
        }
    }

    /// Moves the held sums into the map.
    fn flush(&mut self) {
        if let Some((pupil, sums)) = self.held.take() {
            for (kind, row) in (0_u8..).zip(sums) {
                for (unit, (records, amount)) in (0_u8..).zip(row) {
                    if records > 0 {
                        add_not_counted(&mut self.map, (pupil, kind, unit), records, amount);
                    }
                }
            }
        }
    }

    /// Every entry, the held sums included.
    pub(super) fn to_map(&self) -> NotCountedMap {
        let mut all = self.clone();
        all.flush();
        all.map
    }

    /// Every entry, the held sums included.
    pub(super) fn into_map(mut self) -> NotCountedMap {
        self.flush();
        self.map
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
            }
            prop_assert_eq!(&sums.to_map(), &model);
            prop_assert_eq!(sums.into_map(), model);
        }
    }
}
