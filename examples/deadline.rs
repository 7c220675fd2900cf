//! SIO submission deadlines and the Polish days off.
//!
//! ```text
//! cargo run --example deadline                                   # a due date and the holidays of 2025
//! cargo run --example deadline -- due "art. 8 pkt 1 lit. d" 2025-12-19 --submitted 2026-01-02
//! cargo run --example deadline -- holidays 2026 --locale en
//! cargo run --example deadline -- --json due "art. 8 pkt 2" 2025-12-19
//! ```

mod cli;

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use edurules::deadline::{Lateness, calendar};
use edurules::{Locale, RulesConfig, nouns};
use serde_json::json;

use cli::{Common, Failure, Help, Output};

/// What `--help` says besides the options.
const HELP: Help = Help {
    name: "deadline",
    about: [
        "Terminy przekazania zmian do bazy SIO (art. 30 ustawy o SIO) i polskie dni wolne od pracy.",
        "Срокове за подаване на промени в базата SIO (чл. 30 от полския закон за SIO) и полските почивни дни.",
        "Deadlines for sending a change to the Polish SIO database (art. 30 of the SIO act) and Poland's public holidays.",
    ],
    examples: &[
        "deadline",
        "deadline due \"art. 8 pkt 1 lit. d\" 2025-12-19 --submitted 2026-01-02",
        "deadline --locale en holidays 2026",
    ],
    refused: [
        "zmiana przekazana po terminie (--submitted); przykład bez polecenia kończy się kodem 0",
        "промяна, подадена след срока (--submitted); примерът без команда завършва с код 0",
        "a change sent after its deadline (--submitted); the sample without a command exits 0",
    ],
    texts: &[
        (
            "due",
            [
                "Termin przekazania zmiany danych z kategorii CATEGORY z dnia CHANGE_DATE, z krokami liczenia",
                "Срокът за промяна в категория CATEGORY от дата CHANGE_DATE, със стъпките на изчислението",
                "The due date of a change in CATEGORY on CHANGE_DATE, with the counting steps",
            ],
        ),
        (
            "due/category",
            [
                "Kategoria danych: przepis ustawy o SIO (art. 8 pkt 1 lit. d); wielkość liter i odstępy bez znaczenia",
                "Категория данни: разпоредба на закона за SIO (art. 8 pkt 1 lit. d); главни букви и интервали без значение",
                "The data category: a provision of the SIO act (art. 8 pkt 1 lit. d); case and spacing do not matter",
            ],
        ),
        (
            "due/change_date",
            [
                "Dzień zmiany danych (RRRR-MM-DD)",
                "Денят на промяната (ГГГГ-ММ-ДД)",
                "The day the data changed (YYYY-MM-DD)",
            ],
        ),
        (
            "due/submitted",
            [
                "Dzień przekazania (RRRR-MM-DD): czy w terminie",
                "Денят на подаване (ГГГГ-ММ-ДД): дали е в срок",
                "The day it was sent (YYYY-MM-DD): whether on time",
            ],
        ),
        (
            "holidays",
            [
                "Dni wolne od pracy w Polsce w danym roku (1951–2100)",
                "Почивните дни в Полша през дадена година (1951–2100)",
                "Poland's public holidays of a year (1951–2100)",
            ],
        ),
        ("holidays/year", ["Rok", "Година", "The year"]),
    ],
};

/// The deadline for sending a change to the SIO database (art. 30 of the SIO
/// act, the configuration's `deadline` rules) and the Polish days off.
#[derive(Debug, Parser)]
#[command(version)]
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
    asked: bool,
    out: &mut Output,
) -> Result<(), Failure> {
    let rules = config.deadline()?.rules()?;
    let category = &resolve(&rules, category)?;
    if let Some(s) = submitted.filter(|s| *s < change_date) {
        let [pl, bg, en] = Locale::ALL.map(|l| (l.date(s), l.date(change_date)));
        return Err(Failure::Usage {
            code: "examples.submitted_before_change",
            texts: [
                format!(
                    "Data przekazania ({}) jest wcześniejsza niż data zmiany ({}).",
                    pl.0, pl.1
                ),
                format!(
                    "Датата на подаване ({}) е преди датата на промяната ({}).",
                    bg.0, bg.1
                ),
                format!(
                    "The submission date ({}) is before the change it reports ({}).",
                    en.0, en.1
                ),
            ],
        });
    }
    let d = rules
        .deadline(category, change_date)
        .map_err(edurules::Error::from)?;
    let (cl, l) = (locale, locale);
    let (category_q, changed, due_date) =
        (l.quote(category), l.date(change_date), l.date(d.due_date));
    out.line(l.pick(
        format!("Zmiana {category_q} z dnia {changed}: termin upływa {due_date}"),
        format!("Промяна {category_q} от {changed}: срокът изтича на {due_date}"),
        format!("Change {category_q} of {changed}: due on {due_date}"),
    ));
    out.line(format!("  {}", d.explain(cl)));
    out.line(format!("  {}", d.legal_basis(cl)));
    let lateness = submitted
        .map(|s| d.lateness(s))
        .transpose()
        .map_err(edurules::Error::from)?;
    if let (Some(s), Some(late)) = (submitted, &lateness) {
        let sent = l.date(s);
        let verdict = match late {
            Lateness::OnTime { days_to_spare } => {
                let n = l.count(u64::from(*days_to_spare), nouns::DAY);
                l.pick(
                    format!("w terminie, zapas: {n}"),
                    format!("в срок, остават {n}"),
                    format!("on time, {n} to spare"),
                )
            }
            Lateness::Late { days_late } => {
                if asked {
                    out.refuse();
                }
                let n = l.count(u64::from(*days_late), nouns::DAY);
                l.pick(
                    format!("po terminie, spóźnienie: {n}"),
                    format!("след срока, закъснение: {n}"),
                    format!("late by {n}"),
                )
            }
            _ => l.pick("nieznane", "неизвестно", "unknown").to_owned(),
        };
        out.line(l.pick(
            format!("  Przekazano {sent}: {verdict}."),
            format!("  Подадено на {sent}: {verdict}."),
            format!("  Sent on {sent}: {verdict}."),
        ));
    }
    out.data(
        "due",
        json!({
            "deadline": d,
            "explanation": d.explain(cl),
            "legal_basis": d.legal_basis(cl),
            "submitted": submitted,
            "lateness": lateness,
        }),
    );
    Ok(())
}

/// A key of a category that ignores case and spacing: `Art.8 pkt 1 lit. D`
/// and `art. 8 pkt 1 lit. d` have the same.
fn key(category: &str) -> String {
    category
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The category of the rules that `typed` names: itself, or the one
/// category it matches ignoring case and spacing. Otherwise a usage error
/// listing the valid categories.
fn resolve(rules: &edurules::deadline::Rules, typed: &str) -> Result<String, Failure> {
    if rules.category(typed).is_some() {
        return Ok(typed.to_owned());
    }
    let ids: Vec<&str> = rules
        .file()
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let matching: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| key(id) == key(typed))
        .collect();
    if let [one] = matching.as_slice() {
        return Ok((*one).to_owned());
    }
    let [pl, bg, en] =
        Locale::ALL.map(|l| (l.quote(typed), l.quote_alternatives(ids.iter().copied())));
    Err(Failure::Usage {
        code: "examples.unknown_category",
        texts: [
            format!("Nieznana kategoria danych {}. Dostępne: {}.", pl.0, pl.1),
            format!("Непозната категория данни {}. Възможни: {}.", bg.0, bg.1),
            format!(
                "Unknown data category {}. The categories are {}.",
                en.0, en.1
            ),
        ],
    })
}

/// The public holidays of Poland in `year`: the only calendar the deadline
/// rules know (the SIO deadlines are Polish), whatever the preset.
fn holidays(locale: Locale, year: i32, out: &mut Output) -> Result<(), Failure> {
    let list = calendar::holidays(year).map_err(edurules::Error::from)?;
    let l = locale;
    let n = l.count(u64::try_from(list.len()).unwrap_or(0), nouns::DAY);
    let y = l.integer(i128::from(year));
    out.line(l.pick(
        format!("Dni wolne od pracy w Polsce w roku {y} ({n}):"),
        format!("Почивни дни в Полша през {y} г. ({n}):"),
        format!("Public holidays in Poland in {y} ({n}):"),
    ));
    let mut data = Vec::new();
    for h in &list {
        let name = h.kind.name(locale);
        out.line(format!("  {}: {name}", l.date(h.date)));
        data.push(json!({ "date": h.date, "kind": h.kind, "name": name, "legal_basis": h.kind.legal_basis() }));
    }
    out.data(
        "holidays",
        json!({ "country": "PL", "year": year, "holidays": data }),
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Args = cli::parse(&HELP);
    cli::run(&HELP, &args.common, |config, locale| {
        let mut out = Output::default();
        match &args.command {
            Some(Command::Due {
                category,
                change_date,
                submitted,
            }) => due(
                config,
                locale,
                category,
                *change_date,
                *submitted,
                true,
                &mut out,
            )?,
            Some(Command::Holidays { year }) => holidays(locale, *year, &mut out)?,
            None => {
                let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
                due(
                    config,
                    locale,
                    "art. 8 pkt 1 lit. d",
                    day(2025, 12, 19),
                    Some(day(2026, 1, 2)),
                    false,
                    &mut out,
                )?;
                holidays(locale, 2025, &mut out)?;
            }
        }
        Ok(out)
    })
}
