//! The input formats of `absence_report`: CSV, or Parquet with the facade feature
//! `absence-parquet`, chosen per file by its extension (`.parquet`, `.pq`) or for both files by
//! `--format`.

use std::path::Path;

use edurules::absence::{AbsenceError, Accumulator, CsvSummary, Evaluator, Roster};

use crate::cli;

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Csv,
    Parquet,
}

/// The format of `path`: `forced` (`--format`) when given, else by its extension.
pub(crate) fn format_of(path: &Path, forced: Option<&str>) -> Format {
    match forced {
        Some("parquet") => Format::Parquet,
        Some(_) => Format::Csv,
        None => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            match ext.as_deref() {
                Some("parquet" | "pq") => Format::Parquet,
                _ => Format::Csv,
            }
        }
    }
}

/// What was read of the records: a CSV summary, or the rows and row groups of a Parquet file.
#[derive(Debug)]
pub(crate) enum Read {
    Csv(CsvSummary),
    #[cfg_attr(
        not(feature = "absence-parquet"),
        allow(dead_code, reason = "read only with the feature")
    )]
    Parquet {
        rows: u64,
        row_groups: u64,
    },
}

/// A Parquet file given to a build without the feature `absence-parquet`.
#[cfg_attr(
    feature = "absence-parquet",
    allow(dead_code, reason = "used without the feature")
)]
pub(crate) fn parquet_not_built(path: &Path) -> cli::Failure {
    let p = path.display().to_string();
    let [pl, bg, en] = edurules::Locale::ALL.map(|l| l.quote(&p));
    let [fpl, fbg, fen] = edurules::Locale::ALL.map(|l| l.quote("--features absence-parquet"));
    let [qpl, qbg, _] = edurules::Locale::ALL.map(|l| l.quote("Parquet"));
    cli::Failure::Input {
        code: "examples.parquet_not_built",
        texts: [
            format!(
                "Plik {pl} jest w formacie {qpl}, a ten program zbudowano bez obsługi tego formatu: zbuduj go z opcją {fpl}."
            ),
            format!(
                "Файлът {bg} е във формат {qbg}, а тази програма е компилирана без поддръжка на този формат: компилирайте я с {fbg}."
            ),
            format!(
                "The file {en} is a Parquet file, and this program was built without Parquet support: build it with {fen}."
            ),
        ],
        reason: None,
    }
}

/// Reads the roster from a Parquet file; no row is skipped (a refused row stops the reading).
#[cfg(feature = "absence-parquet")]
pub(crate) fn parquet_roster(
    path: &Path,
    fail: impl Fn(AbsenceError) -> cli::Failure,
) -> Result<Roster, cli::Failure> {
    edurules::absence::parquet::read_roster_file(path).map_err(fail)
}

/// Without the feature: the error saying how to get it.
#[cfg(not(feature = "absence-parquet"))]
pub(crate) fn parquet_roster(
    path: &Path,
    _fail: impl Fn(AbsenceError) -> cli::Failure,
) -> Result<Roster, cli::Failure> {
    Err(parquet_not_built(path))
}

/// Reads the records of a Parquet file into an accumulator of `ev`, on all rayon threads.
#[cfg(feature = "absence-parquet")]
pub(crate) fn parquet_records<'e>(
    ev: &'e Evaluator<'e>,
    path: &Path,
    fail: impl Fn(AbsenceError) -> cli::Failure,
) -> Result<(Accumulator<'e>, Read), cli::Failure> {
    let (acc, s) = edurules::absence::parquet::accumulate_file(ev, path).map_err(fail)?;
    Ok((
        acc,
        Read::Parquet {
            rows: s.rows,
            row_groups: s.row_groups,
        },
    ))
}

/// Without the feature: the error saying how to get it.
#[cfg(not(feature = "absence-parquet"))]
pub(crate) fn parquet_records<'e>(
    _ev: &'e Evaluator<'e>,
    path: &Path,
    _fail: impl Fn(AbsenceError) -> cli::Failure,
) -> Result<(Accumulator<'e>, Read), cli::Failure> {
    Err(parquet_not_built(path))
}

/// The records part of the first line of the text report for a Parquet file.
pub(crate) fn parquet_line(l: edurules::Locale, rows: u64, row_groups: u64) -> String {
    let (n, g) = (
        l.integer(i128::from(rows)),
        l.integer(i128::from(row_groups)),
    );
    let parquet = l.quote("Parquet");
    l.pick(
        format!("nieobecności: plik {parquet}, wiersze {n}, grupy wierszy {g}, przyjęte {n}, pominięte 0"),
        format!("отсъствия: файл {parquet}, записи {n}, групи редове {g}, приети {n}, пропуснати 0"),
        format!("records: Parquet file, {} in row groups {g}, {n} accepted, 0 skipped", l.count(rows, edurules::nouns::RECORD)),
    )
}
