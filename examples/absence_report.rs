//! Absence selections from two CSV files: `cargo run --release --example absence_report --
//! [RECORDS.csv ROSTER.csv] [--json] [--signals] [--lenient] [--summary]
//! [--window FIRST LAST] [--issued DATE] [--profile bg|pl|chronic] [--config FILE]
//! [--planned FILE] [--quiet]`.
//!
//! `--planned FILE` gives the denominators of the percentage rules (`--profile pl`: planned
//! obligatory classes per pupil and month; `--profile chronic`: enrolled days per pupil):
//! `pupil_id,unit,amount,month` with `unit` = `hours` or `days` and `month` = `YYYY-MM`, or
//! empty for the whole window. On a terminal a progress bar shows on stderr (bytes read,
//! rows per second); nothing when stderr is redirected or with `--quiet`.
//!
//! `--config FILE` takes the rule profile from the `absence` section of an edurules configuration
//! (TOML or JSON, see `docs/schema/edurules.schema.json`) instead of `--profile`.
//!
//! Without files it runs on an embedded sample. Records: `pupil_id,date,hours,kind` (optionally
//! `lesson`, `unit`); roster: `pupil_id,school_id,level` (optionally `grade`). The default window
//! is the one of seed 002 (2017-09-15 to 2018-06-01); signals are dated `--issued` or, without
//! it, the window's last day (the program never reads the clock).

mod cli;

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

/// Absence risk selections (edurules::absence) from a records CSV and a roster
/// CSV, or from an embedded sample when no file is given.
#[derive(Debug, clap::Parser)]
#[command(version, after_help = AFTER_HELP)]
struct Options {
    /// `RECORDS.csv ROSTER.csv`: the absences (`pupil_id,date,hours,kind`) and
    /// the roster (`pupil_id,school_id,level`); both or neither.
    #[arg(value_name = "FILE", num_args = 0..=2)]
    files: Vec<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Print the signals to the municipality (art. 347 ЗПУО) instead of the table.
    #[arg(long)]
    signals: bool,
    /// Print only the number of pupils in each selection.
    #[arg(long)]
    summary: bool,
    /// Skip malformed rows (counted and reported) instead of stopping at the first.
    #[arg(long)]
    lenient: bool,
    /// The evaluation window, both days included [default: 2017-09-15 2018-06-01, seed 002].
    #[arg(long, num_args = 2, value_names = ["FIRST", "LAST"], value_parser = parse_date)]
    window: Option<Vec<NaiveDate>>,
    /// The date of the signals [default: the window's last day; the clock is never read].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    issued: Option<NaiveDate>,
    /// The rule profile: Bulgarian ISRM selections, Polish monthly 50 % rule, chronic absence.
    #[arg(long, default_value = "bg", value_parser = ["bg", "pl", "chronic"], conflicts_with = "config")]
    profile: String,
    /// Take the rule profile from the `absence` section of this TOML or JSON
    /// configuration (see docs/schema/edurules.schema.json).
    #[arg(long, value_name = "FILE")]
    config: Option<String>,
    /// Planned amounts per pupil (`pupil_id,unit,amount,month`): the denominators the `pl`
    /// and `chronic` profiles need; without them those profiles flag nobody.
    #[arg(long, value_name = "FILE")]
    planned: Option<String>,
    /// No progress bar.
    #[arg(long)]
    quiet: bool,
    /// Language of the messages [default: en; signals: bg].
    #[arg(long, value_name = "pl|bg|en")]
    locale: Option<edurules::Locale>,
}

/// Shown after `--help`.
const AFTER_HELP: &str = "Examples:\n  absence_report                                 the embedded sample\n  absence_report records.csv roster.csv --summary\n  absence_report records.csv roster.csv --signals --issued 2018-06-12 --json\n  absence_report --profile chronic --window 2017-09-15 2018-06-01\n  absence_report records.csv roster.csv --profile pl --window 2026-03-01 2026-03-31 --planned planned.csv";

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("`{s}` is not a date (YYYY-MM-DD): {e}"))
}

fn print_table(report: &Report, profile: &RuleProfile) {
    for rule in &profile.rules {
        let flags: Vec<_> = report.selection(&rule.id).collect();
        out!(
            "== {} — {} ({} pupils)",
            rule.id,
            rule.description,
            flags.len()
        );
        out!(
            "{:>10}  {:<12}  {:<9}  {:>10}  {:>9}  period",
            "pupil",
            "school",
            "level",
            "measured",
            "threshold"
        );
        for f in flags {
            for x in &f.findings {
                let limit = match x.limit {
                    edurules::absence::Limit::Amount(q) => format!("{} {q}", x.operator.symbol()),
                    edurules::absence::Limit::Share(p) => format!("{} {p} %", x.operator.symbol()),
                    _ => "?".to_owned(),
                };
                out!(
                    "{:>10}  {:<12}  {:<9}  {:>10}  {:>9}  {}..{} {}",
                    f.pupil.to_string(),
                    f.school.to_string(),
                    f.level.as_str(),
                    format!("{} {}", x.measured, x.unit.as_str()),
                    limit,
                    x.first,
                    x.last,
                    x.month.map(|m| m.to_string()).unwrap_or_default()
                );
            }
        }
    }
}

fn run() -> Result<(), String> {
    let o = <Options as clap::Parser>::parse();
    let messages: Locale = o.locale.unwrap_or(edurules::Locale::En).into();
    let signal_locale: Locale = o.locale.unwrap_or(edurules::Locale::Bg).into();
    let mode = if o.lenient {
        Mode::Lenient
    } else {
        Mode::Strict
    };
    let (first, last) = match o.window.as_deref() {
        Some([first, last]) => (*first, *last),
        _ => (
            NaiveDate::from_ymd_opt(2017, 9, 15).ok_or("bad default window")?,
            NaiveDate::from_ymd_opt(2018, 6, 1).ok_or("bad default window")?,
        ),
    };
    let err = |e: AbsenceError| e.message(messages);
    // Errors about a file name the file, then the line.
    let in_file = |file| in_file(file, messages);
    let (records_path, roster_name, roster_bytes) = match o.files.as_slice() {
        [] => (None, "<sample roster>", SAMPLE_ROSTER.as_bytes().to_vec()),
        [records, roster] => (
            Some(std::path::PathBuf::from(records)),
            roster.as_str(),
            std::fs::read(roster).map_err(|e| format!("cannot read `{roster}`: {e}"))?,
        ),
        _ => return Err("give both RECORDS.csv and ROSTER.csv, or neither".to_owned()),
    };
    let (pupils, roster_summary) =
        read_roster(roster_bytes.as_slice(), mode).map_err(in_file(roster_name))?;
    drop(roster_bytes);
    let roster = Roster::new(pupils).map_err(err)?;
    let profile = match (&o.config, o.profile.as_str()) {
        (Some(path), _) => edurules::RulesConfig::from_path(path)
            .map_err(|e| {
                format!(
                    "[{}] {}",
                    e.code(),
                    e.message(o.locale.unwrap_or(edurules::Locale::En))
                )
            })
            .and_then(|config| {
                config
                    .absence
                    .ok_or_else(|| format!("`{path}` has no `absence` section"))
            })?,
        (None, "bg") => RuleProfile::bg_isrm(),
        (None, "pl") => RuleProfile::pl_compulsory_schooling(),
        (None, "chronic") => RuleProfile::chronic_absence(),
        (None, p) => return Err(format!("unknown profile `{p}`")),
    };
    let window = Window::school_year(first, last).map_err(err)?;
    let planned = match &o.planned {
        Some(path) => {
            let file =
                std::fs::File::open(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
            let (planned, s) =
                read_planned(std::io::BufReader::new(file), mode).map_err(in_file(path))?;
            for e in &s.skips {
                out!("skipped: {path}: {}", e.message(messages));
            }
            planned
        }
        None => Planned::default(),
    };
    let ev = Evaluator::new(profile, window, &roster, &planned).map_err(err)?;
    // The file is read in blocks (memory O(pupils + blocks)); the sample is parsed from memory.
    let (acc, summary) = match &records_path {
        Some(path) => {
            let name = path.display().to_string();
            let bar = progress_bar(path, o.quiet);
            let result = accumulate_csv_file_with_progress(&ev, path, mode, &mut |bytes, rows| {
                if let Some(bar) = &bar {
                    bar.set_position(bytes);
                    let secs = bar.elapsed().as_secs_f64().max(1e-3);
                    bar.set_message(format!(
                        "{rows} rows, {:.1} M rows/s",
                        rows as f64 / secs / 1e6
                    ));
                }
            });
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            result.map_err(in_file(&name))?
        }
        None => accumulate_csv_bytes(&ev, SAMPLE_RECORDS.as_bytes(), mode)
            .map_err(in_file("<sample records>"))?,
    };
    // With --summary the flags are counted as they come, not kept: memory O(pupils) whatever
    // the number of flags.
    let mut per_rule = vec![0_u64; ev.profile().rules.len()];
    if o.json && !o.signals {
        return write_json_report(&ev, &acc);
    }
    let report = if o.summary && !o.json {
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
    let issued = o.issued.unwrap_or(window.last());
    if o.json {
        // Streamed: no copy of the report as a JSON tree or a string.
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        let written = if o.signals {
            serde_json::to_writer_pretty(&mut w, &report.signals(issued))
        } else {
            serde_json::to_writer_pretty(&mut w, &report)
        };
        // A closed stdout (`| head`) is not an error of the run.
        let _ = written.map_err(|e| e.to_string()).and_then(|()| {
            writeln!(w)
                .and_then(|()| w.flush())
                .map_err(|e| e.to_string())
        });
        return Ok(());
    }
    out!(
        "profile {} | window {}..{} | roster {} pupils ({} skipped) | records: {} lines = 1 header + {} blank + {} rows, {} accepted, {} skipped",
        ev.profile().id,
        window.first(),
        window.last(),
        roster.len(),
        roster_summary.skipped,
        summary.lines,
        summary.blank,
        summary.rows,
        summary.accepted,
        summary.skipped
    );
    let records_name = records_path.as_ref().map_or_else(
        || "<sample records>".to_owned(),
        |p| p.display().to_string(),
    );
    for s in &summary.skips {
        out!("skipped: {records_name}: {}", s.message(messages));
    }
    if summary.skipped > summary.skips.len() as u64 {
        out!(
            "skipped: … and {} more lines",
            summary.skipped - summary.skips.len() as u64
        );
    }
    let st = report.stats;
    out!(
        "counted {} | not counted (no rule for the unit at the level) {} | unknown pupil {} | outside window {} | duplicates {} | late not counted {} | not evaluable {}",
        st.counted,
        st.not_counted,
        st.unknown_pupil,
        st.outside_window,
        st.duplicates,
        st.late_not_counted,
        report.not_evaluable.len()
    );
    for n in report.not_counted.iter().take(MAX_LISTED) {
        out!("not counted: {}", n.message(messages));
    }
    if report.not_counted.len() > MAX_LISTED {
        out!(
            "not counted: … and {} more pupils",
            report.not_counted.len() - MAX_LISTED
        );
    }
    if o.summary {
        for (rule, n) in ev.profile().rules.iter().zip(&per_rule) {
            out!("{}: {} pupils", rule.id, n);
        }
    } else if o.signals {
        for s in report.signals(issued) {
            out!("{}", s.message(signal_locale));
        }
    } else {
        print_table(&report, ev.profile());
    }
    Ok(())
}

/// Writes the report as JSON to stdout while evaluating: each flag is written as it comes and
/// dropped, so memory does not grow with the number of flags. The fields are those of
/// `Report`, the flags first after the profile, window and signal basis.
fn write_json_report(
    ev: &Evaluator<'_>,
    acc: &edurules::absence::Accumulator<'_>,
) -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut failed: Option<String> = None;
    let mut head = || -> Result<(), String> {
        write!(w, "{{\n  \"profile\": ").map_err(|e| e.to_string())?;
        serde_json::to_writer(&mut w, &ev.profile().id).map_err(|e| e.to_string())?;
        write!(w, ",\n  \"window\": ").map_err(|e| e.to_string())?;
        serde_json::to_writer(&mut w, &ev.window()).map_err(|e| e.to_string())?;
        write!(w, ",\n  \"signal_basis\": ").map_err(|e| e.to_string())?;
        serde_json::to_writer(&mut w, &ev.profile().signal_basis).map_err(|e| e.to_string())?;
        write!(w, ",\n  \"flags\": [").map_err(|e| e.to_string())
    };
    if let Err(e) = head() {
        // A closed stdout (`| head`) is not an error of the run.
        let _ = e;
        return Ok(());
    }
    let mut first = true;
    let rest = ev.evaluate_streaming(acc, &mut |flag| {
        if failed.is_some() {
            return;
        }
        let sep = if first { "\n    " } else { ",\n    " };
        first = false;
        if let Err(e) = w
            .write_all(sep.as_bytes())
            .map_err(|e| e.to_string())
            .and_then(|()| serde_json::to_writer(&mut w, &flag).map_err(|e| e.to_string()))
        {
            failed = Some(e);
        }
    });
    if failed.is_some() {
        return Ok(());
    }
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
        writeln!(w, "\n}}")
            .and_then(|()| w.flush())
            .map_err(|e| e.to_string())
    })();
    let _ = tail;
    Ok(())
}

/// An error about `file`, naming it before the line and the message.
fn in_file(file: &str, locale: Locale) -> impl Fn(AbsenceError) -> String + '_ {
    move |e| format!("{file}: {}", e.message(locale))
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
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
