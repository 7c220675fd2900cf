//! Samples of the Parquet errors for the language sweep.

use chrono::NaiveDate;

use super::COUNTS;
use crate::{AbsenceError, FieldFormat, PupilId};

/// The Parquet errors, with and without a file, around rows of every Arrow problem.
pub(super) fn parquet_errors(v: &mut Vec<AbsenceError>, long: &str, date: NaiveDate) {
    for path in [
        None,
        Some(long.to_owned()),
        Some("records.parquet".to_owned()),
    ] {
        v.push(AbsenceError::ParquetFormat {
            path: path.clone(),
            reason: long.to_owned(),
        });
        v.push(AbsenceError::ParquetMissingColumn {
            path: path.clone(),
            column: "amount".into(),
        });
        v.push(AbsenceError::ParquetColumnType {
            path: path.clone(),
            column: "date".into(),
            found: "Utf8".into(),
            expected: "Date32".into(),
        });
        for n in COUNTS {
            v.push(AbsenceError::ParquetRowGroup {
                path: path.clone(),
                row_group: n,
                reason: long.to_owned(),
            });
            let problems = [
                AbsenceError::ArrowNull {
                    column: long.to_owned(),
                    row: n,
                },
                AbsenceError::ArrowRecord {
                    row: n,
                    problem: Box::new(AbsenceError::LateWithoutDelay {
                        pupil: PupilId(1),
                        date,
                    }),
                },
                AbsenceError::ArrowValue {
                    column: "kind".into(),
                    row: n,
                    value: long.to_owned(),
                    expected: FieldFormat::Kind,
                },
            ];
            for problem in problems {
                v.push(AbsenceError::ParquetRow {
                    path: path.clone(),
                    row: n,
                    problem: Box::new(problem),
                });
            }
        }
    }
}
