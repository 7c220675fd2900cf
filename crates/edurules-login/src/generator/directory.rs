//! [`LoginDirectory`]: the logins that already exist, as the generator sees
//! them.

use std::collections::{BTreeSet, HashSet};
use std::hash::BuildHasher;

use crate::SkeletonKey;

/// The logins that already exist, looked up by [`SkeletonKey`], so that the
/// check is case-insensitive and treats `0`/`O` and `1`/`I` as equal.
///
/// Implemented for `HashSet<SkeletonKey>` and `BTreeSet<SkeletonKey>`; build
/// one with [`skeleton_directory`]. Implement it for your own store (a
/// database index on the skeleton key) to check against live data.
///
/// # Example
///
/// ```
/// use edurules_login::{LoginDirectory, SkeletonKey, skeleton_directory};
///
/// let dir = skeleton_directory(["JanKow1", "NOWAK0"]);
/// assert!(dir.contains_key(&SkeletonKey::of("JANKOWI")));
/// assert!(dir.contains_key(&SkeletonKey::of("nowako")));
/// assert!(!dir.contains_key(&SkeletonKey::of("JANKOW2")));
/// ```
pub trait LoginDirectory {
    /// Whether a login with this skeleton key exists.
    fn contains_key(&self, key: &SkeletonKey) -> bool;
}

impl<S: BuildHasher> LoginDirectory for HashSet<SkeletonKey, S> {
    fn contains_key(&self, key: &SkeletonKey) -> bool {
        self.contains(key)
    }
}

impl LoginDirectory for BTreeSet<SkeletonKey> {
    fn contains_key(&self, key: &SkeletonKey) -> bool {
        self.contains(key)
    }
}

impl<T: LoginDirectory + ?Sized> LoginDirectory for &T {
    fn contains_key(&self, key: &SkeletonKey) -> bool {
        (**self).contains_key(key)
    }
}

/// A `HashSet` directory of the skeleton keys of `logins` (stored logins of
/// any form: canonical, legacy mixed-case).
///
/// # Example
///
/// ```
/// use edurules_login::skeleton_directory;
///
/// let dir = skeleton_directory(vec!["JANKOW1".to_owned(), "jankow1".to_owned()]);
/// assert_eq!(dir.len(), 1);
/// ```
pub fn skeleton_directory<I>(logins: I) -> HashSet<SkeletonKey>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    logins
        .into_iter()
        .map(|l| SkeletonKey::of(l.as_ref()))
        .collect()
}
