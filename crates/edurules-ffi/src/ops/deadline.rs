//! `deadline.*`: SIO submission deadlines.

use chrono::NaiveDate;
use edurules::deadline::calendar::{DayOff, day_off_reason};
use edurules::deadline::term::{Term, TermEnd, term_end};
use edurules::deadline::{Deadline, Lateness};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Op, op};

mod answer;
use crate::engine::Engine;
use crate::error::FfiError;

pub(super) const OPS: &[Op] = &[
    Op {
        name: "deadline.submission@1",
        run: submission,
        request: || schemars::schema_for!(Submission),
        response: || schemars::schema_for!(SubmissionOut<'static>),
    },
    op!("deadline.calendar@1", calendar, Calendar, CalendarOut),
    op!("deadline.term@1", term, TermIn, TermOut),
];

/// A change to report to the SIO.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Submission {
    /// The category as the rules spell it (`art. 8 pkt 1 lit. d`).
    category: String,
    /// The day the facts changed (not counted).
    #[serde(deserialize_with = "crate::ops::date::required")]
    change_date: NaiveDate,
    /// When submitted, to judge lateness.
    #[serde(default, deserialize_with = "crate::ops::date::optional")]
    submitted_on: Option<NaiveDate>,
}

// The fields are in alphabetical order, the order of the answer's keys, so
// that writing them sorts nothing.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct SubmissionOut<'r> {
    /// The whole computation: term, counting rule, version of art. 30 applied.
    #[schemars(with = "Value")]
    deadline: Deadline<'r>,
    /// The last day to submit.
    #[serde(serialize_with = "edurules::iso::date")]
    due_date: NaiveDate,
    /// The counting steps in the engine's locale.
    explanation: String,
    /// With `submitted_on`: on time or late by how many days.
    #[serde(skip_serializing_if = "Option::is_none")]
    lateness: Option<Lateness>,
    /// The legal basis in the engine's locale.
    legal_basis: String,
}

/// Parses the request, computes the deadline and writes the result: the
/// deadline borrows the rules, so it is written where they live.
fn submission(engine: &Engine, bytes: &[u8], out: &mut Vec<u8>) -> Result<(), FfiError> {
    let req: Submission = super::parse(bytes)?;
    let section = engine.config.deadline()?;
    let rules = section.rules()?;
    let d = rules
        .deadline(&req.category, req.change_date)
        .map_err(|e| FfiError::Rules(e.into()))?;
    let locale = engine.locale;
    // A submission dated before the change it reports is refused.
    let lateness = req
        .submitted_on
        .map(|s| d.lateness(s))
        .transpose()
        .map_err(|e| FfiError::Rules(e.into()))?;
    let answer = SubmissionOut {
        due_date: d.due_date,
        lateness,
        explanation: d.explain(locale),
        legal_basis: d.legal_basis(locale),
        deadline: d,
    };
    answer::write(out, &answer)
}

/// The longest range of `deadline.calendar@1`, in days (ten years).
pub(crate) const MAX_RANGE_DAYS: i64 = 3_660;

/// A range of days, both ends included.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Calendar {
    /// The first day.
    from: NaiveDate,
    /// The last day (at most 3,660 days after `from`).
    to: NaiveDate,
}

/// A day that is not a working day.
#[derive(Serialize, JsonSchema)]
pub(crate) struct DayOffOut {
    /// The date.
    date: NaiveDate,
    /// Saturday, Sunday, or which public holiday.
    reason: DayOff,
    /// The holiday's name in the engine's locale (public holidays only).
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct CalendarOut {
    /// Working days in the range (not Saturday, Sunday or a public holiday in Poland).
    working_days: u32,
    /// Every day off in the range, in order.
    days_off: Vec<DayOffOut>,
}

fn calendar(engine: &Engine, req: Calendar) -> Result<CalendarOut, FfiError> {
    let span = (req.to - req.from).num_days();
    if !(0..=MAX_RANGE_DAYS).contains(&span) {
        return Err(FfiError::InvalidRequest {
            path: "to".into(),
            reason: format!(
                "`to` must be on or after `from` and at most {MAX_RANGE_DAYS} days after it"
            ),
        });
    }
    let locale = engine.locale;
    let mut working_days = 0_u32;
    let mut days_off = Vec::new();
    for date in req.from.iter_days().take_while(|d| *d <= req.to) {
        match day_off_reason(date).map_err(|e| FfiError::Rules(e.into()))? {
            None => working_days = working_days.saturating_add(1),
            Some(reason) => days_off.push(DayOffOut {
                date,
                name: match reason {
                    DayOff::Holiday(kind) => Some(kind.name(locale).to_owned()),
                    _ => None,
                },
                reason,
            }),
        }
    }
    Ok(CalendarOut {
        working_days,
        days_off,
    })
}

/// A term of the civil code counted from an event.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TermIn {
    /// The day of the event (not counted, art. 111 § 2 KC).
    event: NaiveDate,
    /// The term: `{"count": 14, "unit": "days"}`.
    term: Term,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct TermOut {
    /// The last day, after art. 115 KC.
    end: NaiveDate,
    /// The whole computation.
    term_end: TermEnd,
    /// The counting steps in the engine's locale.
    explanation: String,
}

fn term(engine: &Engine, req: TermIn) -> Result<TermOut, FfiError> {
    let end = term_end(req.event, req.term).map_err(|e| FfiError::Rules(e.into()))?;
    Ok(TermOut {
        end: end.end,
        explanation: end.explain(engine.locale),
        term_end: end,
    })
}
