//! The texts of the Parquet errors in Polish, Bulgarian and English.

use edurules_locale::Locale;

use crate::AbsenceError;
use crate::error_text::arrow_row_problem;

/// "the Parquet file “x”" in the case each language needs after "of" (Polish genitive),
/// or "the Parquet data" without a file.
fn of_source(l: Locale, path: Option<&str>) -> String {
    let parquet = l.quote("Parquet");
    match path {
        Some(p) => {
            let p = l.quote(p);
            l.pick(
                format!("pliku {p} w formacie {parquet}"),
                format!("файла {p} във формат {parquet}"),
                format!("the Parquet file {p}"),
            )
        }
        None => l.pick(
            format!("danych w formacie {parquet}"),
            format!("данните във формат {parquet}"),
            "the Parquet data".to_owned(),
        ),
    }
}

/// The message of a Parquet error; `e` is one of the `Parquet*` variants.
pub(crate) fn message(e: &AbsenceError, l: Locale) -> String {
    let parquet = l.quote("Parquet");
    match e {
        AbsenceError::ParquetFormat { path, reason } => {
            let r = l.quote(reason);
            match path.as_deref() {
                Some(p) => {
                    let p = l.quote(p);
                    l.pick(
                        format!("Plik {p} nie jest w formacie {parquet} albo jego metadane są uszkodzone."),
                        format!("Файлът {p} не е във формат {parquet} или метаданните му са повредени."),
                        format!("The file {p} is not a Parquet file, or its metadata is damaged: {r}."),
                    )
                }
                None => l.pick(
                    format!("Dane wejściowe nie są w formacie {parquet} albo ich metadane są uszkodzone."),
                    format!("Входните данни не са във формат {parquet} или метаданните им са повредени."),
                    format!("The input is not Parquet data, or its metadata is damaged: {r}."),
                ),
            }
        }
        AbsenceError::ParquetMissingColumn { path, column } => {
            let (c, of) = (l.quote(column), of_source(l, path.as_deref()));
            // Bulgarian writes "във" before в and ф: "във файла", "в данните".
            let bg_in = if path.is_some() { "Във" } else { "В" };
            l.pick(
                format!("W {of} brakuje kolumny {c}."),
                format!("{bg_in} {of} липсва колона {c}."),
                format!("There is no column {c} in {of}."),
            )
        }
        AbsenceError::ParquetColumnType {
            path,
            column,
            found,
            expected,
        } => {
            let (c, f, x) = (l.quote(column), l.quote(found), l.quote(expected));
            let of = of_source(l, path.as_deref());
            l.pick(
                format!("Kolumna {c} {of} ma typ {f}; dozwolone typy: {x}."),
                format!("Колона {c} на {of} е от тип {f}; допустими типове: {x}."),
                format!("The column {c} of {of} has the type {f}; the types accepted: {x}."),
            )
        }
        AbsenceError::ParquetRowGroup {
            path,
            row_group,
            reason,
        } => {
            let (n, of) = (
                l.integer(i128::from(*row_group)),
                of_source(l, path.as_deref()),
            );
            let r = l.quote(reason);
            l.pick(
                format!("Nie można odczytać grupy wierszy o indeksie {n} {of}: dane są uszkodzone albo skompresowane kodekiem, którego ta wersja nie obsługuje."),
                format!("Групата редове с индекс {n} на {of} не може да бъде прочетена: данните са повредени или компресирани с кодек, който тази версия не поддържа."),
                format!("Row group {n} of {of} cannot be read: {r}."),
            )
        }
        AbsenceError::ParquetRow { path, row, problem } => {
            let n = l.integer(i128::from(*row));
            let at = match path.as_deref() {
                Some(p) => {
                    let p = l.quote(p);
                    l.pick(
                        format!("Plik {p} w formacie {parquet}, wiersz o indeksie {n}"),
                        format!("Файл {p} във формат {parquet}, ред с индекс {n}"),
                        format!("Parquet file {p}, row index {n}"),
                    )
                }
                None => l.pick(
                    format!("Dane w formacie {parquet}, wiersz o indeksie {n}"),
                    format!("Данни във формат {parquet}, ред с индекс {n}"),
                    format!("Parquet data, row index {n}"),
                ),
            };
            match arrow_row_problem(l, problem) {
                Some(detail) => at + &detail,
                None => format!("{at}: {}", problem.message(l)),
            }
        }
        // Not a Parquet error: never asked for (the caller matches the variants above).
        _ => e.code().to_owned(),
    }
}
