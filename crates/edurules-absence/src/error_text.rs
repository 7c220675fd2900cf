//! The texts of [`AbsenceError`] in Polish, Bulgarian and English.

use chrono::NaiveDate;
use edurules_locale::{Locale, Message, nouns};

use crate::{AbsenceError, PupilId, text};

/// How many problems of a profile a message lists; it counts the rest.
const LISTED_PROBLEMS: usize = 5;

/// "Wpis ucznia 5" / "Запис на ученик 5" / "Record of pupil 5", with the date when known.
fn record_of(l: Locale, pupil: PupilId, date: Option<NaiveDate>) -> String {
    match date {
        None => l.pick(
            format!("Wpis ucznia {pupil}"),
            format!("Запис на ученик {pupil}"),
            format!("Record of pupil {pupil}"),
        ),
        Some(d) => l.pick(
            format!("Wpis ucznia {pupil} z dnia {}", l.date(d)),
            format!("Запис на ученик {pupil} от {}", l.date(d)),
            format!("Record of pupil {pupil} on {}", l.date(d)),
        ),
    }
}

/// "Plik CSV, wiersz 7" / "CSV файл, ред 7" / "CSV file, line 7".
fn csv_line(l: Locale, line: u64) -> String {
    let n = l.integer(i128::from(line));
    l.pick(
        format!("Plik CSV, wiersz {n}"),
        format!("CSV файл, ред {n}"),
        format!("CSV file, line {n}"),
    )
}

/// "Dane Arrow, wiersz o indeksie 7" / "Данни Arrow, ред с индекс 7" / "Arrow data, row index 7".
#[cfg(feature = "arrow")]
fn arrow_row(l: Locale, row: u64) -> String {
    let (n, arrow) = (l.integer(i128::from(row)), l.quote("Arrow"));
    l.pick(
        format!("Dane w formacie {arrow}, wiersz o indeksie {n}"),
        format!("Данни във формат {arrow}, ред с индекс {n}"),
        format!("Arrow data, row index {n}"),
    )
}

/// What is wrong with an Arrow row, said after where the row is: `, column “kind”: ….` or
/// `: the row ….`; `None` for an error that is not about one row.
#[cfg(feature = "arrow")]
pub(crate) fn arrow_row_problem(l: Locale, e: &AbsenceError) -> Option<String> {
    Some(match e {
        AbsenceError::ArrowNull { column, .. } => {
            let c = l.quote(column);
            l.pick(
                format!(", kolumna {c}: brak wartości, a ta kolumna jej wymaga."),
                format!(", колона {c}: липсва стойност, а колоната я изисква."),
                format!(", column {c}: the value is missing, and the column requires one."),
            )
        }
        AbsenceError::ArrowValue {
            column,
            value,
            expected,
            ..
        } => {
            let (c, v, x) = (l.quote(column), l.quote(value), expected.message(l));
            l.pick(
                format!(", kolumna {c}: {v} {x}."),
                format!(", колона {c}: {v} {x}."),
                format!(", column {c}: {v} {x}."),
            )
        }
        AbsenceError::ArrowRecord { problem, .. } => {
            let why = crate::RowProblem::Record(problem.clone()).message(l);
            l.pick(
                format!(": wiersz {why}"),
                format!(": редът {why}"),
                format!(": the row {why}"),
            ) + if why.ends_with('.') { "" } else { "." }
        }
        _ => return None,
    })
}

/// The first problems, joined by `; `, and how many more there were.
fn problem_list(l: Locale, problems: &[crate::ProfileProblem]) -> String {
    let mut parts: Vec<String> = problems
        .iter()
        .take(LISTED_PROBLEMS)
        .map(|p| p.message(l))
        .collect();
    let more = problems.len().saturating_sub(LISTED_PROBLEMS);
    if more > 0 {
        let n = u64::try_from(more).unwrap_or(u64::MAX);
        parts.push(l.pick(
            format!("i jeszcze {}", l.count(n, crate::nouns::PROBLEM)),
            format!("и още {}", l.count(n, crate::nouns::PROBLEM)),
            format!(
                "and {} more {}",
                l.integer(i128::from(n)),
                l.noun(n, crate::nouns::PROBLEM)
            ),
        ));
    }
    parts.join("; ")
}

/// Why a file or the input could not be read: the kind of failure in words (the system's own
/// text is English, so only the English message quotes it).
fn io_message(l: Locale, path: Option<&str>, kind: std::io::ErrorKind, reason: &str) -> String {
    use std::io::ErrorKind as K;
    let what = path.map_or_else(
        || {
            l.pick("danych wejściowych", "входните данни", "the input")
                .to_owned()
        },
        |p| {
            let p = l.quote(p);
            l.pick(
                format!("pliku {p}"),
                format!("файла {p}"),
                format!("the file {p}"),
            )
        },
    );
    match (kind, l) {
        (_, Locale::En) => format!("Cannot read {what}: {}.", l.quote(reason)),
        (K::NotFound, _) => l.pick(
            format!("Nie można odczytać {what}: plik nie istnieje."),
            format!("Грешка при четене на {what}: файлът не съществува."),
            String::new(),
        ),
        (K::PermissionDenied, _) => l.pick(
            format!("Nie można odczytać {what}: brak uprawnień."),
            format!("Грешка при четене на {what}: няма права за четене."),
            String::new(),
        ),
        (K::InvalidData, _) => l.pick(
            format!("Nie można odczytać {what}: dane są uszkodzone."),
            format!("Грешка при четене на {what}: данните са повредени."),
            String::new(),
        ),
        _ => l.pick(
            format!("Nie można odczytać {what}: system operacyjny zgłosił błąd."),
            format!("Грешка при четене на {what}: операционната система съобщи за проблем."),
            String::new(),
        ),
    }
}

/// The message of `e` in `l`.
#[allow(clippy::too_many_lines)] // one arm per variant, three languages each
pub(crate) fn message(e: &AbsenceError, l: Locale) -> String {
    match e {
        AbsenceError::InvalidQuantity { value } => {
            let examples = l.quote_alternatives(["3", "1.5", "1/2"]);
            let v = l.quote(value);
            l.pick(
                format!("Ilość {v} jest nieprawidłowa: podaj nieujemną liczbę dokładną co do 1/60, np. {examples}."),
                format!("Количеството {v} е невалидно: въведете неотрицателно число, точно до 1/60, напр. {examples}."),
                format!("The amount {v} is not valid: give a non-negative number exact to 1/60, such as {examples}."),
            )
        }
        AbsenceError::InvalidPercent { value } => {
            let v = l.quote(value);
            let example = l.quote("12.75");
            l.pick(
                format!("Procent {v} jest nieprawidłowy: podaj nieujemną liczbę z najwyżej dwiema cyframi po kropce, np. {example}."),
                format!("Процентът {v} е невалиден: въведете неотрицателно число с до две цифри след точката, напр. {example}."),
                format!("The percentage {v} is not valid: give a non-negative number with at most two digits after the point, such as {example}."),
            )
        }
        AbsenceError::InvalidWindow { reason } => reason.message(l),
        AbsenceError::InvalidProfile { profile, problems } => {
            let p = l.quote(profile);
            let list = problem_list(l, problems);
            l.pick(
                format!("Profil reguł {p} jest nieprawidłowy: {list}."),
                format!("Профилът с правила {p} е невалиден: {list}."),
                format!("The rule profile {p} is not valid: {list}."),
            )
        }
        AbsenceError::DuplicatePupil { pupil } => l.pick(
            format!("Uczeń o identyfikatorze {pupil} występuje w wykazie dwa razy."),
            format!("Ученикът с идентификатор {pupil} се среща два пъти в списъка."),
            format!("The pupil with id {pupil} appears twice in the roster."),
        ),
        AbsenceError::TooManyPupils { count } => {
            let n = l.count(u64::try_from(*count).unwrap_or(u64::MAX), nouns::PUPIL);
            l.pick(
                format!("Wykaz liczy {n}: to więcej, niż można ocenić naraz."),
                format!("Списъкът съдържа {n}: повече, отколкото могат да бъдат оценени наведнъж."),
                format!("The roster has {n}: more than can be evaluated at once."),
            )
        }
        AbsenceError::UnitMismatch { pupil, kind, unit } => {
            let who = record_of(l, *pupil, None);
            let (k, u) = (text::kind_name(l, *kind), text::unit_plural(l, *unit));
            l.pick(
                format!("{who}: rodzaj wpisu ({k}) nie pasuje do jednostki ({u}). Spóźnienia podaje się w minutach, a nieobecności w godzinach lekcyjnych lub dniach."),
                format!("{who}: видът на записа ({k}) не съответства на мерната единица ({u}). Закъсненията се въвеждат в минути, а отсъствията – в учебни часове или дни."),
                format!("{who}: the kind of record ({k}) does not match the unit ({u}). Late arrivals are given in minutes, absences in hours or days."),
            )
        }
        AbsenceError::LessonOutOfRange { pupil, lesson } => {
            let who = record_of(l, *pupil, None);
            let max = crate::MAX_LESSON;
            l.pick(
                format!("{who}: numer lekcji {lesson} wykracza poza zakres od 0 do {max}."),
                format!(
                    "{who}: номерът на учебния час {lesson} е извън допустимите от 0 до {max}."
                ),
                format!("{who}: lesson number {lesson} is outside the range from 0 to {max}."),
            )
        }
        AbsenceError::LessonAmount {
            pupil,
            date,
            lesson,
        } => {
            let who = record_of(l, *pupil, Some(*date));
            l.pick(
                format!("{who}: wpis z numerem lekcji ({lesson}) musi dotyczyć dokładnie jednej godziny lekcyjnej."),
                format!("{who}: запис с номер на учебен час ({lesson}) трябва да е точно за един учебен час."),
                format!("{who}: a record with a lesson number ({lesson}) must be for exactly one hour."),
            )
        }
        AbsenceError::CsvHeader { column } => {
            let c = l.quote(column);
            l.pick(
                format!("W nagłówku pliku CSV brakuje kolumny {c}."),
                format!("В заглавния ред на CSV файла липсва колона {c}."),
                format!("The CSV header has no column {c}."),
            )
        }
        AbsenceError::CsvField {
            line,
            column,
            value,
            expected,
        } => {
            let at = csv_line(l, *line);
            let (c, v, x) = (l.quote(column), l.quote(value), expected.message(l));
            l.pick(
                format!("{at}, kolumna {c}: {v} {x}."),
                format!("{at}, колона {c}: {v} {x}."),
                format!("{at}, column {c}: {v} {x}."),
            )
        }
        AbsenceError::CsvRow { line, reason } => {
            let at = csv_line(l, *line);
            let why = reason.message(l);
            l.pick(
                format!("{at}: wiersz {why}"),
                format!("{at}: редът {why}"),
                format!("{at}: the line {why}"),
            ) + if why.ends_with('.') { "" } else { "." }
        }
        AbsenceError::CsvQuote { line } => {
            let at = csv_line(l, *line);
            l.pick(
                format!("{at}: cudzysłów nie jest zamknięty w tym samym wierszu albo stoi wewnątrz pola bez cudzysłowu."),
                format!("{at}: кавичките не са затворени на същия ред или стоят в поле без кавички."),
                format!("{at}: a quotation mark is not closed on the same line, or stands inside an unquoted field."),
            )
        }
        AbsenceError::CsvDuplicateColumn { column } => {
            let c = l.quote(column);
            l.pick(
                format!("Nagłówek pliku CSV zawiera kolumnę {c} więcej niż raz; nie wiadomo, której użyć."),
                format!("Заглавният ред на CSV файла съдържа колона {c} повече от веднъж; не е ясно коя да се използва."),
                format!("The CSV header names the column {c} more than once; which one is meant is unclear."),
            )
        }
        AbsenceError::CsvSeparator { found } => {
            let f = l.quote(found.encode_utf8(&mut [0; 4]));
            let comma = l.quote(",");
            l.pick(
                format!("Kolumny w nagłówku pliku CSV są rozdzielone znakiem {f}, a powinny być rozdzielone przecinkiem ({comma})."),
                format!("Колоните в заглавния ред на CSV файла са разделени с {f}, а трябва да са разделени със запетая ({comma})."),
                format!("The columns of the CSV header are separated by {f}; they should be separated by commas ({comma})."),
            )
        }
        AbsenceError::CsvLineTooLong { line, limit } => {
            let at = csv_line(l, *line);
            let n = l.count(*limit, nouns::BYTE);
            l.pick(
                format!("{at}: wiersz jest dłuższy niż {n}; odczyt przerwano, aby nie zająć całej pamięci (może brakuje zamykającego cudzysłowu albo końców wierszy)."),
                format!("{at}: редът е по-дълъг от {n}; четенето е спряно, за да не се изчерпи паметта (може би липсва затваряща кавичка или краища на редовете)."),
                format!("{at}: the line is longer than {n}; reading stopped to keep memory bounded (perhaps a quotation mark is not closed, or the file has no line ends)."),
            )
        }
        AbsenceError::LateWithoutDelay { pupil, date } => {
            let who = record_of(l, *pupil, Some(*date));
            let zero = l.count(0, nouns::MINUTE);
            l.pick(
                format!("{who}: spóźnienie o {zero} nie jest spóźnieniem."),
                format!("{who}: закъснение от {zero} не е закъснение."),
                format!("{who}: a late arrival of {zero} is not a late arrival."),
            )
        }
        AbsenceError::Io { path, kind, reason } => io_message(l, path.as_deref(), *kind, reason),
        #[cfg(feature = "arrow")]
        AbsenceError::ArrowMissingColumn { column } => {
            let (c, arrow) = (l.quote(column), l.quote("Arrow"));
            l.pick(
                format!("W danych w formacie {arrow} brakuje kolumny {c}."),
                format!("В данните във формат {arrow} липсва колона {c}."),
                format!("The Arrow data has no column {c}."),
            )
        }
        #[cfg(feature = "arrow")]
        AbsenceError::ArrowColumnType {
            column,
            found,
            expected,
        } => {
            let (c, f, x) = (l.quote(column), l.quote(found), l.quote(expected));
            let arrow = l.quote("Arrow");
            l.pick(
                format!("Kolumna {c} danych w formacie {arrow} ma typ {f}; dozwolone typy: {x}."),
                format!(
                    "Колона {c} на данните във формат {arrow} е от тип {f}; допустими типове: {x}."
                ),
                format!("The Arrow column {c} has the type {f}; the types accepted: {x}."),
            )
        }
        #[cfg(feature = "arrow")]
        AbsenceError::ArrowNull { row, .. }
        | AbsenceError::ArrowValue { row, .. }
        | AbsenceError::ArrowRecord { row, .. } => {
            arrow_row(l, *row) + &arrow_row_problem(l, e).unwrap_or_default()
        }
        #[cfg(feature = "parquet")]
        AbsenceError::ParquetFormat { .. }
        | AbsenceError::ParquetMissingColumn { .. }
        | AbsenceError::ParquetColumnType { .. }
        | AbsenceError::ParquetRowGroup { .. }
        | AbsenceError::ParquetRow { .. } => crate::parquet::message(e, l),
        AbsenceError::SignalBeforeWindow { issued_on, first } => {
            let (i, f) = (l.date(*issued_on), l.date(*first));
            l.pick(
                format!("Okres, którego dotyczy zawiadomienie, zaczyna się dopiero {f}, a zawiadomienie nosi datę {i}: nie może wyprzedzać tego okresu."),
                format!("Периодът, за който се отнася сигналът, започва едва на {f}, а сигналът е с дата {i}: той не може да изпреварва периода."),
                format!("The period the signal reports on only begins on {f}, but the signal is dated {i}: a signal cannot come before its period."),
            )
        }
        AbsenceError::SignalBeforeWindowEnd { issued_on, last } => {
            let (i, e) = (l.date(*issued_on), l.date(*last));
            l.pick(
                format!("Okres, którego dotyczy zawiadomienie, kończy się dopiero {e}, a zawiadomienie nosi datę {i}: może ono podać tylko nieobecności do dnia, w którym jest wystawione. Oceń okres kończący się w dniu zawiadomienia."),
                format!("Периодът, за който се отнася сигналът, приключва едва на {e}, а сигналът е с дата {i}: той може да отчете само отсъствия до деня, в който е издаден. Оценете период, който завършва в деня на сигнала."),
                format!("The period the signal reports on only ends on {e}, but the signal is dated {i}: a signal can only report absences up to its own date. Evaluate a window that ends on the day of the signal."),
            )
        }
    }
}
