//! `absence.*`: evaluate absence records given as JSON, or a CSV file by
//! path, streamed (the file is never loaded whole).

use edurules::absence::{
    AbsenceRecord, CsvSummary, Evaluator, Mode, Planned, Pupil, Report, Roster, RuleProfile,
    Window, accumulate_csv_file,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Op, op};
use crate::engine::Engine;
use crate::error::FfiError;

/// The most records in one `absence.evaluate` request (a larger set goes
/// through `absence.evaluate_csv`).
pub(crate) const MAX_RECORDS: usize = 1_000_000;

pub(super) const OPS: &[Op] = &[
    op!("absence.evaluate@1", evaluate, Evaluate, Evaluated),
    op!(
        "absence.evaluate_csv@1",
        evaluate_csv,
        EvaluateCsv,
        EvaluatedCsv
    ),
];

/// Who is evaluated, over which window, against which profile.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Scope {
    /// The window: `{"kind":"month","first":…,"last":…}`, a school year or a custom range.
    window: Window,
    /// The pupils (level, school); a record of a pupil not listed is not evaluable.
    #[serde(default)]
    pupils: Vec<Pupil>,
    /// The lessons planned, for the rules that count a share of them.
    #[serde(default)]
    planned: Planned,
    /// The rule profile; the engine configuration's `absence` section when absent.
    #[serde(default)]
    profile: Option<RuleProfile>,
}

impl Scope {
    fn parts(self, engine: &Engine) -> Result<(RuleProfile, Window, Roster, Planned), FfiError> {
        let profile = match self.profile {
            Some(p) => p,
            None => engine.config.absence()?.clone(),
        };
        let roster = Roster::new(self.pupils).map_err(|e| FfiError::Rules(e.into()))?;
        Ok((profile, self.window, roster, self.planned))
    }
}

/// Records to evaluate.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Evaluate {
    /// Window, pupils, planned lessons, profile.
    #[serde(flatten)]
    scope: Scope,
    /// The absence records.
    records: Vec<AbsenceRecord>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Evaluated {
    /// Flags, records not evaluable, duplicates, statistics.
    report: Report,
}

fn evaluate(engine: &Engine, req: Evaluate) -> Result<Evaluated, FfiError> {
    if req.records.len() > MAX_RECORDS {
        return Err(FfiError::TooMany {
            what: "records",
            actual: req.records.len(),
            max: MAX_RECORDS,
        });
    }
    let (profile, window, roster, planned) = req.scope.parts(engine)?;
    let evaluator = Evaluator::new(profile, window, &roster, &planned)
        .map_err(|e| FfiError::Rules(e.into()))?;
    let report = evaluator
        .evaluate_records(&req.records)
        .map_err(|e| FfiError::Rules(e.into()))?;
    Ok(Evaluated { report })
}

/// A CSV file of absence records to evaluate, read as a stream.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EvaluateCsv {
    /// Window, pupils, planned lessons, profile.
    #[serde(flatten)]
    scope: Scope,
    /// The file's path, as the process running the library sees it.
    path: String,
    /// `strict` (the first bad row fails) or `lenient` (bad rows skipped and counted).
    #[serde(default)]
    mode: Mode,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct EvaluatedCsv {
    /// Flags, records not evaluable, duplicates, statistics.
    report: Report,
    /// Rows read and skipped.
    summary: CsvSummary,
}

fn evaluate_csv(engine: &Engine, req: EvaluateCsv) -> Result<EvaluatedCsv, FfiError> {
    // A device or a pipe (`/dev/zero`, a FIFO) would never end: regular files only.
    match std::fs::metadata(&req.path) {
        Ok(meta) if !meta.is_file() => {
            return Err(FfiError::Io {
                path: req.path,
                reason: "not a regular file".into(),
            });
        }
        _ => {}
    }
    let (profile, window, roster, planned) = req.scope.parts(engine)?;
    let evaluator = Evaluator::new(profile, window, &roster, &planned)
        .map_err(|e| FfiError::Rules(e.into()))?;
    let (acc, summary) = accumulate_csv_file(&evaluator, std::path::Path::new(&req.path), req.mode)
        .map_err(|e| FfiError::Rules(e.into()))?;
    Ok(EvaluatedCsv {
        report: evaluator.evaluate(&acc),
        summary,
    })
}
