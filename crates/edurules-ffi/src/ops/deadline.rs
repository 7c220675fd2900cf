//! `deadline.*`: SIO submission deadlines.

use chrono::NaiveDate;
use edurules::deadline::Lateness;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Op, op};
use crate::engine::Engine;
use crate::error::FfiError;

pub(super) const OPS: &[Op] = &[op!(
    "deadline.submission@1",
    submission,
    Submission,
    SubmissionOut
)];

/// A change to report to the SIO.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Submission {
    /// The category as the rules spell it (`art. 8 pkt 1 lit. d`).
    category: String,
    /// The day the facts changed (not counted).
    change_date: NaiveDate,
    /// When submitted, to judge lateness.
    #[serde(default)]
    submitted_on: Option<NaiveDate>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct SubmissionOut {
    /// The last day to submit.
    due_date: NaiveDate,
    /// The whole computation: term, counting rule, version of art. 30 applied.
    deadline: Value,
    /// With `submitted_on`: on time or late by how many days.
    #[serde(skip_serializing_if = "Option::is_none")]
    lateness: Option<Lateness>,
    /// The counting steps in the engine's locale.
    explanation: String,
    /// The legal basis in the engine's locale.
    legal_basis: String,
}

fn submission(engine: &Engine, req: Submission) -> Result<SubmissionOut, FfiError> {
    let section = engine.config.deadline()?;
    let rules = section.rules()?;
    let d = rules
        .deadline(&req.category, req.change_date)
        .map_err(|e| FfiError::Rules(e.into()))?;
    let locale = engine.locale.into();
    Ok(SubmissionOut {
        due_date: d.due_date,
        deadline: super::to_value(&d)?,
        lateness: req.submitted_on.map(|s| d.lateness(s)),
        explanation: d.explain(locale),
        legal_basis: d.legal_basis(locale),
    })
}
