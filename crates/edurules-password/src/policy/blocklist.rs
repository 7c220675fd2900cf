//! A blocklist of passwords, normalized once when it is loaded.

use std::collections::HashSet;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::presets::COMMON_PASSWORDS_SAMPLE;

/// The default list's text: see `data/README.md` for its source and licence.
const COMMON_PASSWORDS_FILE: &str = include_str!("../../data/common-passwords.txt");

/// Passwords refused outright, compared with the whole password after NFKC
/// (and lower case, unless case-sensitive). Entries are normalized once,
/// when the list is built or deserialized, and kept in a hash set: a check
/// costs one normalization of the password and one look-up, whatever the
/// list's size.
///
/// In a policy's JSON, a plain list of strings is a case-insensitive list;
/// `{"entries": [...], "case_sensitive": true}` a case-sensitive one.
///
/// # Example
/// ```
/// use edurules_password::Blocklist;
/// let list = Blocklist::from_lines("Haslo123\nqwerty\n\n", false);
/// assert_eq!(list.len(), 2);
/// assert!(list.contains("HASLO123"));
/// assert!(!list.contains("haslo1234"));
/// assert!(Blocklist::common().contains("password"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(from = "BlocklistRepr", into = "BlocklistRepr")]
pub struct Blocklist {
    entries: HashSet<Box<str>>,
    case_sensitive: bool,
    /// Positions of blank entries in the JSON list they came from.
    blank: Vec<usize>,
}

impl fmt::Debug for Blocklist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Blocklist")
            .field("entries", &self.entries.len())
            .field("case_sensitive", &self.case_sensitive)
            .finish()
    }
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
enum BlocklistRepr {
    /// Case-insensitive entries.
    List(Vec<String>),
    /// Entries with the case rule.
    Object(BlocklistObject),
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct BlocklistObject {
    /// The entries.
    entries: Vec<String>,
    /// Whether `Haslo` and `haslo` differ.
    #[serde(default)]
    case_sensitive: bool,
}

impl From<BlocklistRepr> for Blocklist {
    fn from(r: BlocklistRepr) -> Self {
        let (entries, case_sensitive) = match r {
            BlocklistRepr::List(e) => (e, false),
            BlocklistRepr::Object(o) => (o.entries, o.case_sensitive),
        };
        let mut list = Blocklist::new(case_sensitive);
        for (index, entry) in entries.iter().enumerate() {
            if entry.trim().is_empty() {
                list.blank.push(index);
            } else {
                list.insert(entry);
            }
        }
        list
    }
}

impl From<Blocklist> for BlocklistRepr {
    fn from(b: Blocklist) -> Self {
        let mut entries: Vec<String> = b.entries.into_iter().map(String::from).collect();
        entries.sort_unstable();
        if b.case_sensitive {
            BlocklistRepr::Object(BlocklistObject {
                entries,
                case_sensitive: true,
            })
        } else {
            BlocklistRepr::List(entries)
        }
    }
}

impl Blocklist {
    /// An empty list.
    ///
    /// # Example
    /// ```
    /// use edurules_password::Blocklist;
    /// let mut list = Blocklist::new(true);
    /// list.insert("Haslo");
    /// assert!(list.contains("Haslo") && !list.contains("haslo"));
    /// ```
    #[must_use]
    pub fn new(case_sensitive: bool) -> Self {
        Self {
            entries: HashSet::new(),
            case_sensitive,
            blank: Vec::new(),
        }
    }

    /// A list from a text file's contents, one password per line (`\n` or
    /// `\r\n`); lines that are empty or only white space are skipped.
    /// Normalizes every entry once. Reading the file is the caller's
    /// (`std::fs::read_to_string`): the crate does no I/O.
    ///
    /// # Example
    /// ```
    /// use edurules_password::Blocklist;
    /// let text = "Zaq12wsx\r\nkochanie\n   \n";
    /// let list = Blocklist::from_lines(text, false);
    /// assert_eq!(list.len(), 2);
    /// assert!(list.contains("zaq12WSX"));
    /// ```
    #[must_use]
    pub fn from_lines(text: &str, case_sensitive: bool) -> Self {
        let mut list = Self::new(case_sensitive);
        list.entries.reserve(
            text.bytes()
                .filter(|b| *b == b'\n')
                .count()
                .saturating_add(1),
        );
        for line in text.lines() {
            if !line.trim().is_empty() {
                list.insert(line);
            }
        }
        list
    }

    /// The default list: the 1,000 most common passwords of zxcvbn's list
    /// (MIT licence; see `data/README.md`) and [`COMMON_PASSWORDS_SAMPLE`]
    /// (Polish and Bulgarian), case-insensitive.
    ///
    /// # Example
    /// ```
    /// use edurules_password::Blocklist;
    /// let list = Blocklist::common();
    /// assert!(list.contains("Qwerty123") && list.contains("haslo123"));
    /// assert!(!list.contains("Kreda-Tablica-7"));
    /// ```
    #[must_use]
    pub fn common() -> Self {
        let mut list = Self::from_lines(COMMON_PASSWORDS_FILE, false);
        for entry in COMMON_PASSWORDS_SAMPLE {
            list.insert(entry);
        }
        list
    }

    /// Adds an entry (normalized now).
    ///
    /// # Example
    /// ```
    /// let mut list = edurules_password::Blocklist::new(false);
    /// list.insert("Opole2026");
    /// assert!(list.contains("opole2026"));
    /// ```
    pub fn insert(&mut self, entry: &str) {
        let folded = self.fold(entry);
        self.entries.insert(folded.into_boxed_str());
    }

    /// Adds an entry as `Vec::push` did when the field was a `Vec<String>`:
    /// a blank entry is not added but reported by
    /// [`PasswordPolicy::problems`](crate::PasswordPolicy::problems) as
    /// `policy.blocklist_entry_empty`.
    ///
    /// # Example
    /// ```
    /// use edurules_password::PasswordPolicy;
    /// let mut p = PasswordPolicy::opolska_eszkola();
    /// p.blocklist.push("Opole2026".into());
    /// assert!(p.validate().is_ok());
    /// p.blocklist.push(" ".into());
    /// assert_eq!(p.problems()[0].code(), "policy.blocklist_entry_empty");
    /// ```
    pub fn push(&mut self, entry: String) {
        if entry.trim().is_empty() {
            self.blank
                .push(self.entries.len().saturating_add(self.blank.len()));
        } else {
            self.insert(&entry);
        }
    }

    /// Whether `password` (as typed) is on the list.
    ///
    /// # Example
    /// ```
    /// let list = edurules_password::Blocklist::from_lines("haslo", false);
    /// assert!(list.contains("HASLO"));
    /// ```
    #[must_use]
    pub fn contains(&self, password: &str) -> bool {
        let folded = zeroize::Zeroizing::new(self.fold(password));
        self.entries.contains(folded.as_str())
    }

    /// Whether an already NFKC-normalized password is on the list, given
    /// also its lower-case form (as [`crate::check`] has both).
    pub(crate) fn contains_normalized(&self, nfkc: &str, nfkc_lower: &str) -> bool {
        if self.case_sensitive {
            self.entries.contains(nfkc)
        } else {
            self.entries.contains(nfkc_lower)
        }
    }

    /// The number of distinct entries.
    ///
    /// # Example
    /// ```
    /// assert_eq!(edurules_password::Blocklist::from_lines("a\nA\nb", false).len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the list is empty.
    ///
    /// # Example
    /// ```
    /// assert!(edurules_password::Blocklist::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether `Haslo` and `haslo` differ.
    ///
    /// # Example
    /// ```
    /// assert!(!edurules_password::Blocklist::common().is_case_sensitive());
    /// ```
    #[must_use]
    pub fn is_case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    /// Positions of blank entries in the JSON list the list came from.
    pub(crate) fn blank_entries(&self) -> &[usize] {
        &self.blank
    }

    fn fold(&self, s: &str) -> String {
        #[cfg(test)]
        tests::FOLDED.with(|c| c.set(c.get() + 1));
        // ASCII is its own NFKC form: skip the normalizer (most list entries).
        if s.is_ascii() {
            return if self.case_sensitive {
                s.to_owned()
            } else {
                s.to_ascii_lowercase()
            };
        }
        // Built at its exact final size (a first pass counts the bytes): a
        // password is folded here by `contains`, and no reallocation may leave
        // an unwiped partial copy in freed memory.
        if self.case_sensitive {
            exact_string(|| s.nfkc())
        } else {
            exact_string(|| s.nfkc().flat_map(char::to_lowercase))
        }
    }
}

/// The characters `chars()` gives, in a string allocated once at their size.
fn exact_string<I: Iterator<Item = char>>(chars: impl Fn() -> I) -> String {
    let size: usize = chars().map(char::len_utf8).sum();
    let mut out = String::with_capacity(size);
    out.extend(chars());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Password, PasswordPolicy, UserContext, check};
    use std::cell::Cell;

    thread_local! {
        /// How many strings were normalized for a list ([`Blocklist::fold`]).
        pub(super) static FOLDED: Cell<u64> = const { Cell::new(0) };
    }

    /// A password folded by `contains` is built at its exact size: growing
    /// would leave an unwiped partial copy in freed memory.
    #[test]
    fn a_folded_password_never_grows() {
        for case_sensitive in [false, true] {
            let list = Blocklist::from_lines("haslo", case_sensitive);
            for password in ["ŻÓŁW-Ściana-1", "\u{FB01}ne", "Straße", "İstanbul", "abc"] {
                let folded = list.fold(password);
                assert_eq!(folded.capacity(), folded.len(), "{password}");
            }
        }
    }

    /// A list is normalized once, when it is loaded: a look-up normalizes the password only
    /// (once by [`Blocklist::contains`], not at all by [`check`], which has the normalized
    /// forms), never the list's 100,000 entries again.
    #[test]
    fn a_look_up_does_not_normalize_the_list_again() {
        let text: String = (0..100_000).map(|i| format!("Haslo{i}\n")).collect();
        FOLDED.with(|c| c.set(0));
        let list = Blocklist::from_lines(&text, false);
        assert_eq!(FOLDED.with(Cell::get), 100_000);
        let mut policy = PasswordPolicy::opolska_eszkola();
        policy.blocklist = list;
        FOLDED.with(|c| c.set(0));
        for _ in 0..10 {
            assert!(policy.blocklist.contains("HASLO99999"));
            let refused = check(
                &policy,
                &Password::new("Haslo99999"),
                &UserContext::default(),
            );
            assert!(refused.is_err());
        }
        assert_eq!(FOLDED.with(Cell::get), 10);
    }
}
