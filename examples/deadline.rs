//! SIO submission deadlines and the Polish days off.
//!
//! ```text
//! cargo run --example deadline                                   # a due date and the holidays of 2025
//! cargo run --example deadline -- due "art. 8 pkt 1 lit. d" 2025-12-19 --submitted 2026-01-02
//! cargo run --example deadline -- holidays 2026 --locale en
//! cargo run --example deadline -- --json due "art. 8 pkt 4" 2025-12-19
//! ```

mod cli;

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use edurules::deadline::{Lateness, calendar};
use edurules::{Locale, RulesConfig};
use serde_json::json;

use cli::{Common, Failure, Output};

/// Shown after `--help`.
const AFTER_HELP: &str = "Examples:\n  deadline                                  a sample due date and the holidays of 2025\n  deadline due \"art. 8 pkt 1 lit. d\" 2025-12-19 --submitted 2026-01-02\n  deadline --locale en holidays 2026";

/// The deadline for sending a change to the SIO database (art. 30 of the SIO
/// act, the configuration's `deadline` rules) and the Polish days off.
#[derive(Debug, Parser)]
#[command(version, after_help = AFTER_HELP)]
struct Args {
    #[command(flatten)]
    common: Common,
    /// What to compute; without a command, a sample due date and the
    /// holidays of 2025.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The due date of a change in CATEGORY on CHANGE_DATE, with the counting steps.
    Due {
        /// The data category: an article reference of the SIO act
        /// (`art. 8 pkt 1 lit. d`) as the rules list it.
        category: String,
        /// The day the data changed (YYYY-MM-DD).
        #[arg(value_parser = cli::date)]
        change_date: NaiveDate,
        /// The day it was sent (YYYY-MM-DD): say whether it was late.
        #[arg(long, value_parser = cli::date)]
        submitted: Option<NaiveDate>,
    },
    /// The public holidays (days off work) of a year, 1951–2100.
    Holidays {
        /// The year.
        year: i32,
    },
}

fn due(
    config: &RulesConfig,
    locale: Locale,
    category: &str,
    change_date: NaiveDate,
    submitted: Option<NaiveDate>,
    out: &mut Output,
) -> Result<(), Failure> {
    let rules = config.deadline()?.rules()?;
    let d = rules
        .deadline(category, change_date)
        .map_err(edurules::Error::from)?;
    let l = locale.into();
    out.line(format!(
        "{category}, changed on {change_date}: due {}",
        d.due_date
    ));
    out.line(format!("  {}", d.explain(l)));
    out.line(format!("  {}", d.legal_basis(l)));
    let lateness = submitted.map(|s| d.lateness(s));
    if let (Some(s), Some(late)) = (submitted, &lateness) {
        let verdict = match late {
            Lateness::OnTime { days_to_spare } => format!("on time, {days_to_spare} days to spare"),
            Lateness::Late { days_late } => format!("late by {days_late} days"),
            _ => format!("{late:?}"),
        };
        out.line(format!("  sent on {s}: {verdict}"));
    }
    out.data(
        "due",
        json!({
            "deadline": d,
            "explanation": d.explain(l),
            "legal_basis": d.legal_basis(l),
            "submitted": submitted,
            "lateness": lateness,
        }),
    );
    Ok(())
}

fn holidays(locale: Locale, year: i32, out: &mut Output) -> Result<(), Failure> {
    let list = calendar::holidays(year).map_err(edurules::Error::from)?;
    out.line(format!(
        "Public holidays in Poland in {year}: {}",
        list.len()
    ));
    let mut data = Vec::new();
    for h in &list {
        let name = h.kind.name(locale.into());
        out.line(format!("  {} {:<3} {name}", h.date, h.date.format("%a")));
        data.push(json!({ "date": h.date, "kind": h.kind, "name": name, "legal_basis": h.kind.legal_basis() }));
    }
    out.data("holidays", json!({ "year": year, "holidays": data }));
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::run(&args.common, |config, locale| {
        let mut out = Output::default();
        match &args.command {
            Some(Command::Due {
                category,
                change_date,
                submitted,
            }) => due(config, locale, category, *change_date, *submitted, &mut out)?,
            Some(Command::Holidays { year }) => holidays(locale, *year, &mut out)?,
            None => {
                let day = |y, m, d| {
                    NaiveDate::from_ymd_opt(y, m, d)
                        .ok_or_else(|| Failure::Input("bad sample date".to_owned()))
                };
                due(
                    config,
                    locale,
                    "art. 8 pkt 1 lit. d",
                    day(2025, 12, 19)?,
                    Some(day(2026, 1, 2)?),
                    &mut out,
                )?;
                holidays(locale, 2025, &mut out)?;
            }
        }
        Ok(out)
    })
}
