//! Art. 30 of the SIO act (ustawa z dnia 15 kwietnia 2011 r. o systemie
//! informacji oświatowej) as data: every version with its dates in force and
//! source, the data categories it excepts from the 7-day rule, and the own
//! terms of the excepted categories where they are confirmed.
//!
//! The shipped rules ([`BUILTIN_RULES_JSON`]) are parsed and validated once,
//! on first use; a caller may load its own file with [`Rules::from_json`].

mod category;
mod contest;
mod data;
mod deadline;
mod problem;
mod validate;

pub use category::MAX_SUGGESTIONS;
pub use contest::Contest;
pub use data::{CategoryDef, Coverage, Exception, ExceptionTerm, FixedDue, RulesFile, Version};
pub use deadline::{Deadline, DeadlineTerm, Lateness, is_late};
pub use problem::RulesProblem;

use crate::DeadlineError;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a fast hash for the short category ids (the keys are the crate's
/// own data, so hash flooding is not a concern).
#[derive(Debug, Clone, Copy)]
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The shipped rules file (JSON; its schema is [`Rules::json_schema`]).
pub const BUILTIN_RULES_JSON: &str = include_str!("../data/sio_art30.json");

/// The longest rules text [`Rules::from_json`] parses: 1 MiB, about 24 times
/// the shipped file; a longer text is refused before parsing
/// ([`DeadlineError::RulesTooLarge`]).
///
/// # Example
/// ```
/// use edurules_deadline::sio::{BUILTIN_RULES_JSON, MAX_RULES_JSON_BYTES};
/// assert!(BUILTIN_RULES_JSON.len() < MAX_RULES_JSON_BYTES / 20);
/// ```
pub const MAX_RULES_JSON_BYTES: usize = 1 << 20;

/// Validated rules with lookup tables; cheap to query. Serializes as its
/// [`RulesFile`]; deserializing validates (an invalid file is an error).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RulesFile", into = "RulesFile")]
pub struct Rules {
    file: RulesFile,
    /// Category id → index in `file.categories`.
    index: HashMap<String, usize, BuildHasherDefault<Fnv1a>>,
    /// Normalized id (see [`category::normalize`]) → indexes of the
    /// categories with that form (more than one: ambiguous).
    normalized: HashMap<String, Vec<usize>, BuildHasherDefault<Fnv1a>>,
    /// The versions' first days, for a cache-friendly search.
    starts: Vec<NaiveDate>,
    /// Per version, per category: `None` = the general term, `Some(i)` = exception `i`.
    status: Vec<Vec<Option<usize>>>,
    /// Per version: the first day of its wording (see [`wording_starts`]).
    wording_from: Vec<NaiveDate>,
}

/// Per version, the first day its wording was in force: its own start if it
/// is the original text or was given by an amending act (`amended_by`), else
/// (a consolidated text restates the law without changing it) the wording's
/// start of the version before.
fn wording_starts(versions: &[Version]) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = Vec::with_capacity(versions.len());
    for v in versions {
        let start = match out.last() {
            Some(&previous) if v.amended_by.is_none() => previous,
            _ => v.in_force_from,
        };
        out.push(start);
    }
    out
}

impl TryFrom<RulesFile> for Rules {
    type Error = DeadlineError;
    fn try_from(file: RulesFile) -> Result<Self, DeadlineError> {
        Self::from_file(file)
    }
}

impl From<Rules> for RulesFile {
    fn from(rules: Rules) -> Self {
        rules.file
    }
}

static BUILTIN: OnceLock<Result<Rules, DeadlineError>> = OnceLock::new();

impl Rules {
    /// The shipped rules, parsed and validated on first use.
    ///
    /// # Errors
    /// Only if the shipped file were invalid (a test guards against it).
    ///
    /// # Example
    /// ```
    /// let rules = edurules_deadline::Rules::builtin()?;
    /// assert_eq!(rules.file().versions.len(), 17);
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    pub fn builtin() -> Result<&'static Self, DeadlineError> {
        BUILTIN
            .get_or_init(|| Self::from_json(BUILTIN_RULES_JSON))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses and validates a rules file.
    ///
    /// # Errors
    /// [`DeadlineError::RulesTooLarge`] when the text is longer than
    /// [`MAX_RULES_JSON_BYTES`] (checked before parsing);
    /// [`DeadlineError::RulesSyntax`] when the text is not a rules file;
    /// [`DeadlineError::InvalidRules`] listing every problem (overlapping or
    /// gapped versions, unknown category references, impossible dates…).
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::{Rules, DeadlineError};
    /// assert!(matches!(Rules::from_json("{}"), Err(DeadlineError::RulesSyntax { .. })));
    /// assert!(Rules::from_json(edurules_deadline::sio::BUILTIN_RULES_JSON).is_ok());
    /// ```
    pub fn from_json(text: &str) -> Result<Self, DeadlineError> {
        if text.len() > MAX_RULES_JSON_BYTES {
            return Err(DeadlineError::RulesTooLarge {
                bytes: text.len(),
                limit: MAX_RULES_JSON_BYTES,
            });
        }
        let file: RulesFile =
            serde_json::from_str(text).map_err(|e| DeadlineError::RulesSyntax {
                // serde_json ends its text with " at line L column C",
                // which the error keeps as numbers.
                message: edurules_locale::clip(
                    e.to_string()
                        .rsplit_once(" at line ")
                        .map_or(e.to_string().as_str(), |(head, _)| head),
                ),
                line: e.line(),
                column: e.column(),
            })?;
        Self::from_file(file)
    }

    /// Validates parsed rules and builds the lookup tables.
    ///
    /// # Errors
    /// [`DeadlineError::InvalidRules`] listing every problem.
    ///
    /// # Example
    /// ```
    /// use edurules_deadline::Rules;
    /// let mut file = Rules::builtin()?.file().clone();
    /// file.versions.swap(0, 1);
    /// assert!(Rules::from_file(file).is_err());
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    pub fn from_file(file: RulesFile) -> Result<Self, DeadlineError> {
        let problems = validate::problems(&file);
        if !problems.is_empty() {
            return Err(DeadlineError::InvalidRules { problems });
        }
        let index: HashMap<String, usize, BuildHasherDefault<Fnv1a>> = file
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let mut normalized: HashMap<String, Vec<usize>, BuildHasherDefault<Fnv1a>> =
            HashMap::default();
        for (i, c) in file.categories.iter().enumerate() {
            normalized
                .entry(category::normalize(&c.id))
                .or_default()
                .push(i);
        }
        let starts = file.versions.iter().map(|v| v.in_force_from).collect();
        let status = file
            .versions
            .iter()
            .map(|v| {
                let mut row = vec![None; file.categories.len()];
                for (ei, ex) in v.exceptions.iter().enumerate() {
                    for c in &ex.categories {
                        if let Some(&ci) = index.get(c.as_str())
                            && let Some(slot) = row.get_mut(ci)
                        {
                            *slot = Some(ei);
                        }
                    }
                }
                row
            })
            .collect();
        let wording_from = wording_starts(&file.versions);
        Ok(Self {
            file,
            index,
            normalized,
            starts,
            status,
            wording_from,
        })
    }

    /// The rules as data.
    ///
    /// # Example
    /// ```
    /// let rules = edurules_deadline::Rules::builtin()?;
    /// assert_eq!(rules.file().applies_from.to_string(), "2012-04-30");
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    #[must_use]
    pub fn file(&self) -> &RulesFile {
        &self.file
    }

    /// The JSON schema of the rules file format.
    ///
    /// # Example
    /// ```
    /// let schema = edurules_deadline::Rules::json_schema();
    /// assert!(schema.to_string().contains("in_force_from"));
    /// ```
    #[must_use]
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(RulesFile)).unwrap_or(serde_json::Value::Null)
    }

    /// The version of art. 30 in force on `date`, if the rules cover it.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let rules = edurules_deadline::Rules::builtin()?;
    /// let v = rules.version_on(NaiveDate::from_ymd_opt(2017, 9, 1).unwrap()).unwrap();
    /// assert_eq!(v.source, "Dz.U. 2017 poz. 60");
    /// assert!(rules.version_on(NaiveDate::from_ymd_opt(2012, 4, 29).unwrap()).is_none());
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    #[must_use]
    pub fn version_on(&self, date: NaiveDate) -> Option<&Version> {
        self.version_index(date)
            .and_then(|i| self.file.versions.get(i))
    }

    fn version_index(&self, date: NaiveDate) -> Option<usize> {
        let after = self.starts.partition_point(|&from| from <= date);
        let i = after.checked_sub(1)?;
        let v = self.file.versions.get(i)?;
        v.in_force_to.is_none_or(|to| date <= to).then_some(i)
    }

    /// The category with this id, if the rules list it.
    ///
    /// # Example
    /// ```
    /// let rules = edurules_deadline::Rules::builtin()?;
    /// assert!(rules.category("art. 8 pkt 4").is_some());
    /// assert!(rules.category("art. 8 pkt 9").is_none());
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    #[must_use]
    pub fn category(&self, id: &str) -> Option<&CategoryDef> {
        self.category_index(id)
            .and_then(|(_, i)| self.file.categories.get(i))
    }

    /// The ids of every category the rules know, in the file's order (what
    /// [`DeadlineError::UnknownCategory`] counts).
    ///
    /// # Example
    /// ```
    /// let rules = edurules_deadline::Rules::builtin()?;
    /// assert!(rules.categories().any(|id| id == "art. 8 pkt 4"));
    /// assert_eq!(rules.categories().count(), 42);
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    pub fn categories(&self) -> impl Iterator<Item = &str> {
        self.file.categories.iter().map(|c| c.id.as_str())
    }

    fn category_index(&self, category: &str) -> Option<(&str, usize)> {
        self.index
            .get_key_value(category)
            .map(|(id, &i)| (id.as_str(), i))
    }

    /// The submission deadline of a change in `category` on `change_date`
    /// under these rules. See [`submission_deadline`] for the shipped rules.
    ///
    /// # Errors
    /// As [`submission_deadline`], plus [`DeadlineError::NoVersionInForce`]
    /// for a date after the last version of a caller's file.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let rules = edurules_deadline::Rules::builtin()?;
    /// let d = rules.deadline("art. 8 pkt 1 lit. d", NaiveDate::from_ymd_opt(2025, 3, 3).unwrap())?;
    /// assert_eq!(d.due_date, NaiveDate::from_ymd_opt(2025, 3, 10).unwrap());
    /// assert!(rules.deadline("art. 99", NaiveDate::from_ymd_opt(2025, 3, 3).unwrap()).is_err());
    /// # Ok::<(), edurules_deadline::DeadlineError>(())
    /// ```
    pub fn deadline<'r>(
        &'r self,
        category: &str,
        change_date: NaiveDate,
    ) -> Result<Deadline<'r>, DeadlineError> {
        deadline::compute(self, category, change_date)
    }
}

/// The deadline for sending to the SIO database a change in `category` (an
/// article reference such as `art. 8 pkt 1 lit. a`, or one of the scoped ids
/// the rules list, e.g. `art. 29 ust. 1 pkt 1 lit. i [promotion]`) that
/// happened on `change_date`, under the version of art. 30 in force that day.
///
/// # Errors
/// * [`DeadlineError::BeforeAct`] before 2012-04-30;
/// * [`DeadlineError::UnknownCategory`] for a category the rules do not list
///   (with the closest ones they do); a category written in another case or
///   with other spacing, `_`, `-` or `.` (`Art 8 Pkt 1 Lit D`,
///   `art-8-pkt-1-lit-d`) is found when only one category has that form,
///   else [`DeadlineError::AmbiguousCategory`];
/// * [`DeadlineError::UnknownExceptionTerm`] when the version in force
///   excepts the category and its own term is not encoded (never 7 days by default);
/// * [`DeadlineError::DateOutOfRange`] past 2100.
///
/// # Panics
/// Never.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use edurules_deadline::{submission_deadline, DeadlineError};
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let d = submission_deadline("art. 8 pkt 1 lit. d", day(2025, 12, 19))?;
/// assert_eq!(d.due_date, day(2025, 12, 29));
/// assert_eq!(d.version_source, "Dz.U. 2024 poz. 152 (tekst jednolity)");
/// // Non-teaching staff: 10 days after the quarter (10 January 2026 is a Saturday).
/// let q = submission_deadline("art. 8 pkt 4", day(2025, 12, 19))?;
/// assert_eq!(q.due_date, day(2026, 1, 12));
/// // Another excepted category, whose term is not in the rules.
/// let e = submission_deadline("art. 8 pkt 2", day(2025, 12, 19)).unwrap_err();
/// assert_eq!(e.code(), "deadline.unknown_exception_term");
/// # Ok::<(), DeadlineError>(())
/// ```
pub fn submission_deadline(
    category: &str,
    change_date: NaiveDate,
) -> Result<Deadline<'static>, DeadlineError> {
    Rules::builtin()?.deadline(category, change_date)
}
