//! Absence selections from two CSV files: `cargo run --release --example absence_report --
//! [RECORDS.csv ROSTER.csv] [--json] [--signals] [--lenient] [--summary]
//! [--window FIRST LAST] [--issued DATE] [--profile bg|pl|chronic] [--preset NAME | --config FILE]
//! [--locale pl|bg|en] [--planned FILE] [--quiet] [--format csv|parquet]`.
//!
//! Each file is CSV, or Parquet when its name ends in `.parquet` or `.pq` (or for both files
//! with `--format parquet`): the columns of the CSV in the types of
//! `edurules::absence::arrow::record_schema`, or the plain ones DuckDB and pandas write. Parquet
//! needs the facade feature `absence-parquet` (`cargo run --release --features absence-parquet
//! --example absence_report -- records.parquet roster.parquet`); the report is the CSV's, but
//! for the first line, which says what was read. `--lenient` applies to CSV only: a refused row
//! of a Parquet file stops the reading with its index in the file.
//!
//! `--planned FILE` gives the denominators of the percentage rules (`--profile pl`: the days
//! of classes per pupil and month, unit `days`; `--profile chronic`: enrolled days per pupil):
//! `pupil_id,unit,amount,month` with `unit` = `hours` or `days` and `month` = `YYYY-MM`, or
//! empty for the whole window. On a terminal a progress bar shows on stderr (bytes read,
//! rows per second); nothing when stderr is redirected or with `--quiet`.
//!
//! The rule profile is the `absence` section of the configuration (`--preset`, default
//! `poland-sio`, or `--config FILE`, see `docs/schema/edurules.schema.json`); `--profile`
//! overrides it with a built-in one. Everything is printed in `--locale` (default: the
//! configuration's). Exit codes: 0 nobody flagged (or the embedded sample), 1 a pupil of the
//! given files flagged, 2 usage error, 3 bad input file or configuration.
//!
//! Without files it runs on an embedded sample. Records: `pupil_id,date,hours,kind` (optionally
//! `lesson`, `unit`); roster: `pupil_id,school_id,level` (optionally `grade`). The default window
//! is the school year 2017/2018 of the Bulgarian sample (2017-09-15 to 2018-06-01); signals are dated `--issued` or, without
//! it, the window's last day (the program never reads the clock).

mod cli;
#[path = "absence_input/formats.rs"]
mod formats;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// `println!` that ignores a closed stdout (e.g. piped into `head`) instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

use chrono::NaiveDate;
use edurules::absence::{
    AbsenceError, Evaluator, Locale, Mode, Planned, Report, Roster, RuleProfile, Window,
    accumulate_csv_bytes, accumulate_csv_file_with_progress, read_planned, read_roster,
};

/// The most not-counted entries printed one by one; all are counted.
const MAX_LISTED: usize = 20;

const SAMPLE_RECORDS: &str = "pupil_id,date,hours,kind
1,2017-10-02,70,excused
1,2018-01-15,61,excused
2,2018-02-05,41,unexcused
3,2018-03-01,130,excused
4,2018-04-02,20,unexcused
4,2018-04-03,25,late
";

const SAMPLE_ROSTER: &str = "pupil_id,school_id,level,grade
1,SU-131,school,7
2,SU-131,school,7
3,SU-131,school,8
4,SU-131,school,5
";

/// What `--help` says besides the options.
const HELP: cli::Help = cli::Help {
    name: "absence_report",
    about: [
        "Uczniowie zagrożeni z powodu nieobecności (edurules::absence) z pliku nieobecności i listy uczniów w CSV, albo z wbudowanego przykładu.",
        "Ученици в риск заради отсъствия (edurules::absence) от CSV файл с отсъствия и списък на учениците, или от вграден пример.",
        "Absence risk selections (edurules::absence) from a records CSV and a roster CSV, or from an embedded sample.",
    ],
    examples: &[
        "absence_report --preset bulgaria-isrm",
        "absence_report records.csv roster.csv --summary",
        "absence_report records.csv roster.csv --signals --issued 2018-06-12 --json",
        "absence_report --profile chronic --window 2017-09-15 2018-06-01",
        "absence_report records.csv roster.csv --profile pl --window 2026-03-01 2026-03-31 --planned planned.csv",
    ],
    refused: [
        "co najmniej jeden uczeń z podanych plików został wskazany; wbudowany przykład kończy się kodem 0",
        "поне един ученик от дадените файлове е отбелязан; вграденият пример завършва с код 0",
        "at least one pupil of the given files was flagged; the embedded sample exits 0",
    ],
    texts: &[
        (
            "files",
            [
                "RECORDS.csv ROSTER.csv: nieobecności i lista uczniów; oba albo żaden",
                "RECORDS.csv ROSTER.csv: отсъствия и списък на учениците; и двата или нито един",
                "RECORDS.csv ROSTER.csv: the absences and the roster; both or neither",
            ],
        ),
        (
            "signals",
            [
                "Wypisuje sygnały do gminy zamiast tabeli",
                "Извежда сигналите до общината вместо таблицата",
                "Prints the signals to the municipality instead of the table",
            ],
        ),
        (
            "summary",
            [
                "Wypisuje tylko liczbę uczniów w każdej regule",
                "Извежда само броя ученици за всяко правило",
                "Prints only the number of pupils in each selection",
            ],
        ),
        (
            "lenient",
            [
                "Pomija błędne wiersze (policzone i zgłoszone) zamiast zatrzymać się na pierwszym",
                "Пропуска грешните редове (преброени и съобщени), вместо да спре на първия",
                "Skips malformed rows (counted and reported) instead of stopping at the first",
            ],
        ),
        (
            "window",
            [
                "Okres oceny, oba dni włącznie (domyślnie 2017-09-15 2018-06-01)",
                "Периодът на оценка, двата дни включително (по подразбиране 2017-09-15 2018-06-01)",
                "The evaluation window, both days included (default 2017-09-15 2018-06-01)",
            ],
        ),
        (
            "issued",
            [
                "Data sygnałów (domyślnie ostatni dzień okresu; zegar nie jest czytany)",
                "Датата на сигналите (по подразбиране последният ден от периода; часовникът не се чете)",
                "The date of the signals (default: the window's last day; the clock is never read)",
            ],
        ),
        (
            "profile",
            [
                "Wbudowany profil reguł zamiast profilu z konfiguracji: bg, pl albo chronic",
                "Вграден профил от правила вместо този от конфигурацията: bg, pl или chronic",
                "A built-in rule profile instead of the configuration's: bg, pl or chronic",
            ],
        ),
        (
            "planned",
            [
                "Planowane wielkości na ucznia (pupil_id,unit,amount,month), mianowniki profili pl i chronic",
                "Планирани количества на ученик (pupil_id,unit,amount,month), знаменателите на профилите pl и chronic",
                "Planned amounts per pupil (pupil_id,unit,amount,month), the denominators of the pl and chronic profiles",
            ],
        ),
        (
            "format",
            [
                "Format obu plików, csv albo parquet (domyślnie według rozszerzenia: .parquet i .pq to Parquet); Parquet wymaga funkcji absence-parquet",
                "Форматът на двата файла, csv или parquet (по подразбиране според разширението: .parquet и .pq са Parquet); Parquet изисква absence-parquet",
                "The format of both files, csv or parquet (default: by extension, .parquet and .pq are Parquet); Parquet needs the feature absence-parquet",
            ],
        ),
        (
            "quiet",
            [
                "Bez paska postępu",
                "Без лента за напредъка",
                "No progress bar",
            ],
        ),
    ],
};

/// Absence risk selections (edurules::absence) from a records CSV and a roster
/// CSV, or from an embedded sample when no file is given.
#[derive(Debug, clap::Parser)]
#[command(version)]
struct Options {
    #[command(flatten)]
    common: cli::Common,
    /// `RECORDS.csv ROSTER.csv`: the absences (`pupil_id,date,hours,kind`) and
    /// the roster (`pupil_id,school_id,level`); both or neither.
    #[arg(value_name = "FILE", num_args = 0..=2)]
    files: Vec<String>,
    /// Print the signals to the municipality (art. 347 ЗПУО) instead of the table.
    #[arg(long)]
    signals: bool,
    /// Print only the number of pupils in each selection.
    #[arg(long)]
    summary: bool,
    /// Skip malformed rows (counted and reported) instead of stopping at the first.
    #[arg(long)]
    lenient: bool,
    /// The evaluation window, both days included [default: 2017-09-15 2018-06-01].
    #[arg(long, num_args = 2, value_names = ["FIRST", "LAST"], value_parser = cli::date)]
    window: Option<Vec<NaiveDate>>,
    /// The date of the signals [default: the window's last day; the clock is never read].
    #[arg(long, value_name = "DATE", value_parser = cli::date)]
    issued: Option<NaiveDate>,
    /// A built-in rule profile instead of the configuration's: Bulgarian ISRM selections,
    /// Polish monthly 50 % rule, chronic absence.
    #[arg(long, value_parser = ["bg", "pl", "chronic"])]
    profile: Option<String>,
    /// Planned amounts per pupil (`pupil_id,unit,amount,month`): the denominators the `pl`
    /// and `chronic` profiles need; without them those profiles flag nobody.
    #[arg(long, value_name = "FILE")]
    planned: Option<String>,
    /// No progress bar.
    #[arg(long)]
    quiet: bool,
    /// The format of both files [default: by extension: `.parquet` or `.pq` is Parquet, any
    /// other CSV]; Parquet needs the feature `absence-parquet`.
    #[arg(long, value_parser = ["csv", "parquet"])]
    format: Option<String>,
}

fn print_table(report: &Report, profile: &RuleProfile, l: edurules::Locale) {
    let [pupil, school, level, measured, threshold, period] = l.pick(
        ["uczeń", "szkoła", "poziom", "zmierzono", "próg", "okres"],
        ["ученик", "училище", "степен", "измерено", "праг", "период"],
        [
            "pupil",
            "school",
            "level",
            "measured",
            "threshold",
            "period",
        ],
    );
    for rule in &profile.rules {
        let flags: Vec<_> = report.selection(&rule.id).collect();
        let n = l.count(flags.len() as u64, edurules::nouns::PUPIL);
        out!("== {} — {} ({n})", l.quote(&rule.id), rule.description);
        out!("{pupil:>10}  {school:<12}  {level:<9}  {measured:>10}  {threshold:>9}  {period}");
        for f in flags {
            for x in &f.findings {
                let limit = match x.limit {
                    edurules::absence::Limit::Amount(q) => format!("{} {q}", x.operator.symbol()),
                    edurules::absence::Limit::Share(p) => format!("{} {p} %", x.operator.symbol()),
                    _ => "?".to_owned(),
                };
                out!(
                    "{:>10}  {:<12}  {:<9}  {:>10}  {:>9}  {} – {} {}",
                    f.pupil.to_string(),
                    f.school.to_string(),
                    f.level.as_str(),
                    format!("{} {}", x.measured, x.unit.as_str()),
                    limit,
                    l.date(x.first),
                    l.date(x.last),
                    x.month.map(|m| m.to_string()).unwrap_or_default()
                );
            }
        }
    }
}

/// An error about an input file: the file named, the crate's message.
fn in_file(file: &str) -> impl Fn(AbsenceError) -> cli::Failure + '_ {
    move |e| {
        cli::Failure::file(
            std::path::Path::new(file),
            edurules::Error::from(e).message(edurules::Locale::En),
        )
    }
}

/// A rule-engine error that is not about a file.
fn rules(e: AbsenceError) -> cli::Failure {
    cli::Failure::Rules(e.into())
}

/// Runs the report; `Ok(true)` when a pupil of the given files was flagged.
fn run(
    o: &Options,
    config: &edurules::RulesConfig,
    l: edurules::Locale,
) -> Result<bool, cli::Failure> {
    let cl: Locale = l;
    let mode = if o.lenient {
        Mode::Lenient
    } else {
        Mode::Strict
    };
    let (first, last) = match o.window.as_deref() {
        Some([first, last]) => (*first, *last),
        _ => (
            NaiveDate::from_ymd_opt(2017, 9, 15).unwrap_or_default(),
            NaiveDate::from_ymd_opt(2018, 6, 1).unwrap_or_default(),
        ),
    };
    let sample_roster = l.pick(
        "<przykładowa lista uczniów>",
        "<примерен списък>",
        "<sample roster>",
    );
    let sample_records = l.pick(
        "<przykładowe nieobecności>",
        "<примерни отсъствия>",
        "<sample records>",
    );
    let forced = o.format.as_deref();
    // The roster's bytes when it is CSV (`None`: a Parquet file, read by its path).
    let (records_path, roster_name, roster_bytes) = match o.files.as_slice() {
        [] => (None, sample_roster, Some(SAMPLE_ROSTER.as_bytes().to_vec())),
        [records, roster] => (
            Some(std::path::PathBuf::from(records)),
            roster.as_str(),
            match formats::format_of(std::path::Path::new(roster), forced) {
                formats::Format::Parquet => None,
                formats::Format::Csv => Some(
                    std::fs::read(roster)
                        .map_err(|e| cli::Failure::file(std::path::Path::new(roster), e))?,
                ),
            },
        ),
        _ => {
            return Err(cli::Failure::Input {
                code: "examples.files",
                texts: [
                    "Podaj oba pliki, RECORDS.csv i ROSTER.csv, albo żadnego.".to_owned(),
                    "Дайте и двата файла, RECORDS.csv и ROSTER.csv, или нито един.".to_owned(),
                    "Give both RECORDS.csv and ROSTER.csv, or neither.".to_owned(),
                ],
                reason: None,
            });
        }
    };
    let (roster, roster_skipped) = match roster_bytes {
        Some(bytes) => {
            let (pupils, s) = read_roster(bytes.as_slice(), mode).map_err(in_file(roster_name))?;
            (Roster::new(pupils).map_err(rules)?, s.skipped)
        }
        None => (
            formats::parquet_roster(std::path::Path::new(roster_name), in_file(roster_name))?,
            0,
        ),
    };
    let profile = match o.profile.as_deref() {
        Some("bg") => RuleProfile::bg_isrm(),
        Some("pl") => RuleProfile::pl_compulsory_schooling(),
        Some("chronic") => RuleProfile::chronic_absence(),
        _ => config.absence()?.clone(),
    };
    let window = Window::school_year(first, last).map_err(rules)?;
    let issued = o.issued.unwrap_or(window.last());
    if issued < window.first() {
        let [pl, bg, en] = edurules::Locale::ALL.map(|l| (l.date(issued), l.date(window.first())));
        return Err(cli::Failure::Usage {
            code: "examples.issued_before_window",
            texts: [
                format!(
                    "Zawiadomienie z dnia {} byłoby wcześniejsze niż początek okresu ({}).",
                    pl.0, pl.1
                ),
                format!(
                    "Сигнал от {} би бил преди началото на периода ({}).",
                    bg.0, bg.1
                ),
                format!(
                    "A signal issued on {} would precede its window, which starts on {}.",
                    en.0, en.1
                ),
            ],
        });
    }
    // A signal reports a period that is over: to signal during the year, end the window
    // (`--window FIRST LAST`) on the day of the signal.
    if issued < window.last() {
        let [pl, bg, en] = edurules::Locale::ALL.map(|l| (l.date(issued), l.date(window.last())));
        return Err(cli::Failure::Usage {
            code: "examples.issued_before_window_end",
            texts: [
                format!(
                    "Zawiadomienie z dnia {} byłoby wcześniejsze niż koniec okresu ({}); zakończ okres (--window) w dniu zawiadomienia.",
                    pl.0, pl.1
                ),
                format!(
                    "Сигнал от {} би бил преди края на периода ({}); завършете периода (--window) в деня на сигнала.",
                    bg.0, bg.1
                ),
                format!(
                    "A signal issued on {} would precede the end of its window ({}); end the window (--window) on the day of the signal.",
                    en.0, en.1
                ),
            ],
        });
    }
    let planned = match &o.planned {
        Some(path) => {
            let file = std::fs::File::open(path)
                .map_err(|e| cli::Failure::file(std::path::Path::new(path), e))?;
            let (planned, s) =
                read_planned(std::io::BufReader::new(file), mode).map_err(in_file(path))?;
            for e in &s.skips {
                if !o.common.json {
                    out!("{} {}: {}", skipped(l), l.quote(path), e.message(cl));
                }
            }
            planned
        }
        None => Planned::default(),
    };
    let asked = records_path.is_some();
    let ev = Evaluator::new(profile, window, &roster, &planned).map_err(rules)?;
    // The file is read in blocks (memory O(pupils + blocks)); the sample is parsed from memory.
    let (acc, summary) = match &records_path {
        Some(path) if formats::format_of(path, forced) == formats::Format::Parquet => {
            let name = path.display().to_string();
            formats::parquet_records(&ev, path, in_file(&name))?
        }
        Some(path) => {
            let name = path.display().to_string();
            let bar = progress_bar(path, o.quiet);
            let result = accumulate_csv_file_with_progress(&ev, path, mode, &mut |bytes, rows| {
                if let Some(bar) = &bar {
                    bar.set_position(bytes);
                    let secs = bar.elapsed().as_secs_f64().max(1e-3);
                    bar.set_message(format!(
                        "{} · {} M/s",
                        l.count(rows, edurules::nouns::RECORD),
                        l.decimal(tenths_of_millions(rows, secs), 1)
                    ));
                }
            });
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            let (acc, s) = result.map_err(in_file(&name))?;
            (acc, formats::Read::Csv(s))
        }
        None => {
            let (acc, s) = accumulate_csv_bytes(&ev, SAMPLE_RECORDS.as_bytes(), mode)
                .map_err(in_file(sample_records))?;
            (acc, formats::Read::Csv(s))
        }
    };
    // With --summary the flags are counted as they come, not kept: memory O(pupils) whatever
    // the number of flags.
    let mut per_rule = vec![0_u64; ev.profile().rules.len()];
    if o.common.json && !o.signals {
        return Ok(write_json_report(&ev, &acc, asked));
    }
    let report = if o.summary && !o.common.json {
        let rules = &ev.profile().rules;
        ev.evaluate_streaming(&acc, &mut |f| {
            if let Some(n) = rules
                .iter()
                .position(|r| r.id == f.rule)
                .and_then(|i| per_rule.get_mut(i))
            {
                *n += 1;
            }
        })
    } else {
        ev.evaluate(&acc)
    };
    let flagged = asked && (!report.flags.is_empty() || per_rule.iter().any(|&n| n > 0));
    // Refused (a usage error, checked above) for a day before the window.
    let signals = report.signals(issued).map_err(edurules::Error::from)?;
    if o.common.json {
        // Streamed: no copy of the signals as a JSON tree or a string.
        let (head, tail) = cli::streamed_envelope(&HELP);
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        // A closed stdout (`| head`) is not an error of the run.
        let _ = (|| -> Result<(), Box<dyn std::error::Error>> {
            write!(w, "{head}{{\"accepted\": {}, \"signals\": ", !flagged)?;
            serde_json::to_writer_pretty(&mut w, &signals)?;
            write!(w, "}}{tail}")?;
            w.flush()?;
            Ok(())
        })();
        return Ok(flagged);
    }
    let n = |x: u64| l.integer(i128::from(x));
    let (profile_q, from, to) = (
        l.quote(&ev.profile().id),
        l.date(window.first()),
        l.date(window.last()),
    );
    let pupils = l.count(roster.len() as u64, edurules::nouns::PUPIL);
    let rs = n(roster_skipped);
    // What was read of the records: the CSV's lines and rows, or the Parquet file's rows.
    let (records, summary) = match summary {
        formats::Read::Csv(summary) => {
            let (lines, blank, rows, accepted, skipped_n) = (
                l.count(summary.lines, edurules::nouns::LINE),
                n(summary.blank),
                n(summary.rows),
                n(summary.accepted),
                n(summary.skipped),
            );
            let records = l.pick(
                format!("nieobecności: {lines} = nagłówek + puste {blank} + wiersze {rows}, przyjęte {accepted}, pominięte {skipped_n}"),
                format!("отсъствия: {lines} = заглавие + празни {blank} + записи {rows}, приети {accepted}, пропуснати {skipped_n}"),
                format!("records: {lines} = header + {blank} blank + {rows} rows, {accepted} accepted, {skipped_n} skipped"),
            );
            (records, summary)
        }
        formats::Read::Parquet { rows, row_groups } => (
            formats::parquet_line(l, rows, row_groups),
            edurules::absence::CsvSummary::default(),
        ),
    };
    out!("{}", l.pick(
        format!("Zasady {profile_q}, okres od {from} do {to}; lista: {pupils} (pominięte: {rs}); {records}"),
        format!("Правила {profile_q}, период от {from} до {to}; списък: {pupils} (пропуснати: {rs}); {records}"),
        format!("Rules {profile_q}, window {from} to {to}; roster: {pupils} ({rs} skipped); {records}"),
    ));
    let records_name = records_path
        .as_ref()
        .map_or_else(|| sample_records.to_owned(), |p| p.display().to_string());
    for s in &summary.skips {
        out!(
            "{} {}: {}",
            skipped(l),
            l.quote(&records_name),
            s.message(cl)
        );
    }
    if summary.skipped > summary.skips.len() as u64 {
        let more = l.count(
            summary.skipped - summary.skips.len() as u64,
            edurules::nouns::LINE,
        );
        out!(
            "{} {}",
            skipped(l),
            l.pick(
                format!("… i jeszcze {more}"),
                format!("… и още {more}"),
                format!("… and {more} more")
            )
        );
    }
    let st = report.stats;
    let (counted, not_counted, unknown, outside, dup, late, ne) = (
        n(st.counted),
        n(st.not_counted),
        n(st.unknown_pupil),
        n(st.outside_window),
        n(st.duplicates),
        n(st.late_not_counted),
        n(report.not_evaluable.len() as u64),
    );
    out!("{}", l.pick(
        format!("Policzone {counted}; niepoliczone (brak reguły dla jednostki na tym poziomie) {not_counted}; nieznany uczeń {unknown}; poza okresem {outside}; powtórzone {dup}; niepoliczone spóźnienia {late}; nie do oceny {ne}"),
        format!("Отчетени {counted}; неотчетени (няма правило за единицата на тази степен) {not_counted}; непознат ученик {unknown}; извън периода {outside}; повторени {dup}; неотчетени закъснения {late}; неподлежащи на оценка {ne}"),
        format!("Counted {counted}; not counted (no rule for the unit at the level) {not_counted}; unknown pupil {unknown}; outside the window {outside}; duplicates {dup}; late arrivals not counted {late}; not evaluable {ne}"),
    ));
    let not_counted_word = l.pick("niepoliczone", "неотчетени", "not counted");
    for x in report.not_counted.iter().take(MAX_LISTED) {
        out!("{not_counted_word}: {}", x.message(cl));
    }
    if report.not_counted.len() > MAX_LISTED {
        let more = l.count(
            (report.not_counted.len() - MAX_LISTED) as u64,
            edurules::nouns::PUPIL,
        );
        out!(
            "{not_counted_word}: {}",
            l.pick(
                format!("… i jeszcze {more}"),
                format!("… и още {more}"),
                format!("… and {more} more")
            )
        );
    }
    if o.summary {
        for (rule, k) in ev.profile().rules.iter().zip(&per_rule) {
            out!(
                "{}: {}",
                l.quote(&rule.id),
                l.count(*k, edurules::nouns::PUPIL)
            );
        }
    } else if o.signals {
        for s in &signals {
            out!("{}", s.message(cl));
        }
    } else {
        print_table(&report, ev.profile(), l);
    }
    Ok(flagged)
}

/// Rows per second in tenths of a million, for the progress bar.
#[allow(
    clippy::cast_possible_truncation,
    reason = "a rate shown to one decimal, saturating"
)]
fn tenths_of_millions(rows: u64, secs: f64) -> i64 {
    (rows as f64 / secs / 1e5) as i64
}

/// "pominięto" / "пропуснато" / "skipped".
fn skipped(l: edurules::Locale) -> &'static str {
    l.pick("pominięto", "пропуснато", "skipped")
}

/// Writes the report as JSON to stdout while evaluating: each flag is written as it comes and
/// dropped, so memory does not grow with the number of flags. The fields are those of
/// `Report`, the flags first after the profile, window and signal basis.
fn write_json_report(
    ev: &Evaluator<'_>,
    acc: &edurules::absence::Accumulator<'_>,
    asked: bool,
) -> bool {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut failed: Option<String> = None;
    let mut flags = 0_u64;
    let (envelope_head, envelope_tail) = cli::streamed_envelope(&HELP);
    let mut head = || -> Result<(), String> {
        write!(w, "{envelope_head}{{\n  \"profile\": ").map_err(|e| e.to_string())?;
        serde_json::to_writer(&mut w, &ev.profile().id).map_err(|e| e.to_string())?;
        write!(w, ",\n  \"window\": ").map_err(|e| e.to_string())?;
        serde_json::to_writer(&mut w, &ev.window()).map_err(|e| e.to_string())?;
        write!(w, ",\n  \"signal_basis\": ").map_err(|e| e.to_string())?;
        serde_json::to_writer(&mut w, &ev.profile().signal_basis).map_err(|e| e.to_string())?;
        // As `Report`: the rules whose flags ground no signal, only when there is one.
        let silent: Vec<&str> = ev
            .profile()
            .rules
            .iter()
            .filter(|r| !r.signals)
            .map(|r| r.id.as_str())
            .collect();
        if !silent.is_empty() {
            write!(w, ",\n  \"silent_rules\": ").map_err(|e| e.to_string())?;
            serde_json::to_writer(&mut w, &silent).map_err(|e| e.to_string())?;
        }
        write!(w, ",\n  \"flags\": [").map_err(|e| e.to_string())
    };
    if let Err(e) = head() {
        // A closed stdout (`| head`) is not an error of the run.
        let _ = e;
        return false;
    }
    let mut first = true;
    let rest = ev.evaluate_streaming(acc, &mut |flag| {
        if failed.is_some() {
            return;
        }
        let sep = if first { "\n    " } else { ",\n    " };
        first = false;
        flags += 1;
        if let Err(e) = w
            .write_all(sep.as_bytes())
            .map_err(|e| e.to_string())
            .and_then(|()| serde_json::to_writer(&mut w, &flag).map_err(|e| e.to_string()))
        {
            failed = Some(e);
        }
    });
    if failed.is_some() {
        return asked && flags > 0;
    }
    let flagged = asked && flags > 0;
    let tail = (|| -> Result<(), String> {
        for (name, value) in [
            ("not_evaluable", serde_json::to_string(&rest.not_evaluable)),
            ("duplicates", serde_json::to_string(&rest.duplicates)),
            ("not_counted", serde_json::to_string(&rest.not_counted)),
            ("stats", serde_json::to_string(&rest.stats)),
        ] {
            let value = value.map_err(|e| e.to_string())?;
            let open = if name == "not_evaluable" {
                "\n  ],\n"
            } else {
                ",\n"
            };
            write!(w, "{open}  \"{name}\": {value}").map_err(|e| e.to_string())?;
        }
        write!(w, ",\n  \"accepted\": {}\n}}{envelope_tail}", !flagged)
            .and_then(|()| w.flush())
            .map_err(|e| e.to_string())
    })();
    let _ = tail;
    flagged
}

/// A progress bar on stderr for reading `path`, only when stderr is a terminal and not `quiet`.
fn progress_bar(path: &std::path::Path, quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let bar = indicatif::ProgressBar::new(size);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {bytes}/{total_bytes} ({bytes_per_sec}, {eta}) {msg}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

fn main() -> ExitCode {
    let o: Options = cli::parse(&HELP);
    let loaded = o.common.load();
    let (config, locale) = match loaded {
        Ok(x) => x,
        Err(e) => {
            let l = o.common.locale.unwrap_or_else(cli::lang::hint);
            return cli::fail(&HELP, o.common.json, l, &e.into());
        }
    };
    match run(&o, &config, locale) {
        Ok(false) => ExitCode::from(cli::EXIT_ACCEPTED),
        Ok(true) => ExitCode::from(cli::EXIT_REFUSED),
        Err(e) => cli::fail(&HELP, o.common.json, locale, &e),
    }
}
