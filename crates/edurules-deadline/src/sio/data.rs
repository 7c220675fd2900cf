//! The rules file format (serde + schemars).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The whole rules file: art. 30 of the SIO act in every version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RulesFile {
    /// The act, e.g. `ustawa z dnia 15 kwietnia 2011 r. o systemie informacji oświatowej`.
    pub act: String,
    /// The article, e.g. `art. 30`.
    pub article: String,
    /// The first day the article applied; must equal the first version's start.
    pub applies_from: NaiveDate,
    /// Where the data comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<String>,
    /// Every data category the versions may name.
    pub categories: Vec<CategoryDef>,
    /// The versions in date order, contiguous, without overlap.
    pub versions: Vec<Version>,
}

/// A data category, named by its article reference (and scope, if the
/// exception covers only part of the data under that reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CategoryDef {
    /// The id callers pass, e.g. `art. 8 pkt 1 lit. a` or `art. 29 ust. 1 pkt 1 lit. i [promotion]`.
    pub id: String,
    /// What the data is, in Polish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_pl: Option<String>,
    /// What the data is, in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_en: Option<String>,
}

impl CategoryDef {
    /// A category with this id and no descriptions.
    ///
    /// # Example
    ///
    /// ```
    /// let c = edurules_deadline::sio::CategoryDef::new("art. 8 pkt 1 lit. a");
    /// assert!(c.description_pl.is_none());
    /// ```
    #[must_use]
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            description_pl: None,
            description_en: None,
        }
    }
}

/// One version of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Version {
    /// First day in force.
    pub in_force_from: NaiveDate,
    /// Last day in force; `None` for the version in force now.
    pub in_force_to: Option<NaiveDate>,
    /// The text applied: consolidated text or amending act, `Dz.U. year poz. item`.
    pub source: String,
    /// The amending provision that gave the article this wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amended_by: Option<String>,
    /// The general term in days (7 in every version so far).
    pub general_term_days: u32,
    /// The excepted categories, grouped by provision and own term.
    pub exceptions: Vec<Exception>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Categories the version excepts from the general term, with their own term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Exception {
    /// The provision, e.g. `art. 30 pkt 1` (or `art. 30` before the points).
    pub provision: String,
    /// Category ids, each listed in [`RulesFile::categories`].
    pub categories: Vec<String>,
    /// Their own term, if known.
    pub term: ExceptionTerm,
    /// How the text was read, where it needs saying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The own term of excepted data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ExceptionTerm {
    // A struct variant with no fields, not a unit variant: serde lets stray
    // fields through for a unit variant of an internally tagged enum (such
    // as `{"kind": "unknown", "days": 10}`), `deny_unknown_fields` refuses
    // them here. The JSON and its schema are the same either way.
    /// Not encoded: asking for a deadline is an error.
    Unknown {},
    /// Within `days` days after the end of the calendar quarter of the change.
    AfterQuarterEnd {
        /// Days after the quarter's last day.
        days: u32,
        /// The provision that sets the term.
        basis: String,
        /// Where the term was confirmed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        confirmed_by: Option<String>,
    },
    /// By fixed calendar dates, each covering a period.
    FixedDates {
        /// The dates.
        dates: Vec<FixedDue>,
        /// The provision that sets the term.
        basis: String,
        /// Where the term was confirmed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        confirmed_by: Option<String>,
    },
}

/// A fixed due date ("by 10 October") and the months its report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FixedDue {
    /// Month of the due date, 1–12.
    pub month: u32,
    /// Day of the due date.
    pub day: u32,
    /// The period the report due then covers.
    pub covers: Coverage,
}

/// A period of months relative to the year of a due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Coverage {
    /// 0 = the due date's year, -1 = the year before.
    pub year_offset: i32,
    /// First month covered, 1–12.
    pub from_month: u32,
    /// Last month covered, 1–12.
    pub to_month: u32,
}
