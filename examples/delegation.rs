//! Delegation: replay an event log and ask who may act for which school,
//! on which day, and why.
//!
//! ```text
//! cargo run --example delegation                       # every question on an embedded log
//! cargo run --example delegation -- --log events.json decide anowak pupils:enter SP7 2026-03-03
//! cargo run --example delegation -- who pupils:read SP7 2026-03-03
//! cargo run --example delegation -- what anowak 2026-03-03
//! cargo run --example delegation -- expiring 2026-06-01 2026-09-01
//! ```
//!
//! The log is a JSON array of events (`{"type": "authorization_granted", …}`,
//! see `edurules::delegation::Event`); refused events are listed, not fatal.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use edurules::delegation::{Chain, Decision, EntityId, Event, Login, Permission, Registry};
use edurules::{Locale, RulesConfig};
use serde_json::json;

use cli::{Common, Failure, Output};

/// Shown after `--help`.
const AFTER_HELP: &str = "Examples:\n  delegation                                every question on an embedded log\n  delegation --log events.json decide anowak pupils:enter SP7 2026-03-03\n  delegation who pupils:read SP7 2026-01-15\n  delegation what anowak 2026-03-03\n  delegation expiring 2026-06-01 2026-09-01";

/// Replays a delegation event log under the configuration's `delegation`
/// policy and answers decide / who / what / expiring.
#[derive(Debug, Parser)]
#[command(version, after_help = AFTER_HELP)]
struct Args {
    #[command(flatten)]
    common: Common,
    /// The event log (a JSON array); without it, an embedded sample school.
    #[arg(long, value_name = "FILE", global = true)]
    log: Option<PathBuf>,
    /// The question; without one, each of them on the sample.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// May PERSON do PERMISSION in ENTITY on DATE? With the chain or the reasons.
    Decide {
        /// The person's login.
        person: String,
        /// A permission `data_set:action` (`pupils:enter`).
        permission: String,
        /// The entity (school) id.
        entity: String,
        /// The day asked about (YYYY-MM-DD).
        #[arg(value_parser = cli::date)]
        date: NaiveDate,
    },
    /// Who may do PERMISSION in ENTITY on DATE?
    Who {
        /// A permission `data_set:action`.
        permission: String,
        /// The entity id.
        entity: String,
        /// The day (YYYY-MM-DD).
        #[arg(value_parser = cli::date)]
        date: NaiveDate,
    },
    /// What may PERSON do on DATE, in every entity?
    What {
        /// The person's login.
        person: String,
        /// The day (YYYY-MM-DD).
        #[arg(value_parser = cli::date)]
        date: NaiveDate,
    },
    /// Which grants in force on DATE end before BEFORE (the 31 August reminder)?
    Expiring {
        /// The day (YYYY-MM-DD).
        #[arg(value_parser = cli::date)]
        date: NaiveDate,
        /// The first day not covered (YYYY-MM-DD).
        #[arg(value_parser = cli::date)]
        before: NaiveDate,
    },
}

/// A fictional school: the director's appointment to 31 August 2026, the
/// secretary authorized until 31 August 2027 with the secretariat role, a
/// teacher until 28 February 2026.
const SAMPLE_LOG: &str = r#"[
  {"type": "appointment_recorded", "on": "2021-09-01", "appointment": {
     "id": "powierzenie-2021", "person": "jkowalski", "entity": "SP7",
     "from": "2021-09-01", "until": "2026-08-31"}},
  {"type": "request_filed", "request": {
     "id": "wniosek-anowak", "applicant": "anowak", "entity": "SP7",
     "personal_email": "anowak@poczta.example", "filed_on": "2025-09-01"}},
  {"type": "authorization_granted", "on": "2025-09-01", "authorization": {
     "id": "upow-anowak", "grantor": "jkowalski", "grantee": "anowak", "entity": "SP7",
     "permissions": ["sio:access", "pupils:read", "pupils:enter"],
     "valid_from": "2025-09-01", "valid_until": "2027-08-31",
     "document": "upoważnienie nr 1/2025", "request": "wniosek-anowak"}},
  {"type": "role_assigned", "person": "anowak", "entity": "SP7", "role": "secretariat",
   "by": "jkowalski", "on": "2025-09-01"},
  {"type": "request_filed", "request": {
     "id": "wniosek-ewisniewska", "applicant": "ewisniewska", "entity": "SP7",
     "personal_email": "ewisniewska@poczta.example", "filed_on": "2025-09-01"}},
  {"type": "authorization_granted", "on": "2025-09-01", "authorization": {
     "id": "upow-ewisniewska", "grantor": "jkowalski", "grantee": "ewisniewska", "entity": "SP7",
     "permissions": ["pupils:read"], "valid_from": "2025-09-01", "valid_until": "2026-02-28",
     "document": "upoważnienie nr 2/2025", "request": "wniosek-ewisniewska"}},
  {"type": "role_assigned", "person": "ewisniewska", "entity": "SP7", "role": "teacher",
   "by": "jkowalski", "on": "2025-09-01"}
]"#;

/// A chain in words: its links joined by arrows.
fn chain_text(chain: &Chain, locale: Locale) -> String {
    chain
        .links
        .iter()
        .map(|l| l.message(locale.into()))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn rules(e: impl Into<edurules::Error>) -> Failure {
    Failure::Rules(e.into())
}

fn registry(
    config: &RulesConfig,
    locale: Locale,
    log: Option<&PathBuf>,
    out: &mut Output,
) -> Result<Registry, Failure> {
    let text = match log {
        Some(path) => std::fs::read_to_string(path).map_err(|e| Failure::file(path, e))?,
        None => SAMPLE_LOG.to_owned(),
    };
    let events = Event::log_from_json(&text).map_err(rules)?;
    let reg = Registry::replay(config.delegation()?.clone(), events).map_err(rules)?;
    out.line(format!(
        "Replayed {} events: {} accepted, {} refused",
        reg.log().len() + reg.rejected().len(),
        reg.log().len(),
        reg.rejected().len()
    ));
    for r in reg.rejected() {
        out.line(format!(
            "  refused: {}",
            serde_json::to_string(&r.event).unwrap_or_default()
        ));
        for v in &r.violations {
            out.line(format!("    [{}] {}", v.code(), v.message(locale.into())));
        }
    }
    out.data("rejected", reg.rejected());
    Ok(reg)
}

fn decide(
    reg: &Registry,
    locale: Locale,
    person: &str,
    permission: &str,
    entity: &str,
    date: NaiveDate,
    out: &mut Output,
) -> Result<(), Failure> {
    let (p, perm, e) = (
        Login::new(person).map_err(rules)?,
        Permission::parse(permission).map_err(rules)?,
        EntityId::new(entity).map_err(rules)?,
    );
    let decision = reg.decide(&p, &perm, &e, date);
    out.line(format!(
        "May {person} do {permission} in {entity} on {date}? {}",
        if decision.is_allowed() { "yes" } else { "no" }
    ));
    for line in decision.explain(locale.into()) {
        out.line(format!("  {line}"));
    }
    let allowed = matches!(decision, Decision::Allowed { .. });
    out.data("decide", json!({ "person": person, "permission": permission, "entity": entity, "date": date, "allowed": allowed, "decision": decision, "explanation": decision.explain(locale.into()) }));
    Ok(())
}

fn who(
    reg: &Registry,
    locale: Locale,
    permission: &str,
    entity: &str,
    date: NaiveDate,
    out: &mut Output,
) -> Result<(), Failure> {
    let (perm, e) = (
        Permission::parse(permission).map_err(rules)?,
        EntityId::new(entity).map_err(rules)?,
    );
    let people = reg.who_may(&perm, &e, date);
    out.line(format!(
        "Who may do {permission} in {entity} on {date}: {} people",
        people.len()
    ));
    for (person, chain) in &people {
        out.line(format!("  {person}: {}", chain_text(chain, locale)));
    }
    out.data(
        "who",
        json!({ "permission": permission, "entity": entity, "date": date, "people": people }),
    );
    Ok(())
}

fn what(
    reg: &Registry,
    locale: Locale,
    person: &str,
    date: NaiveDate,
    out: &mut Output,
) -> Result<(), Failure> {
    let p = Login::new(person).map_err(rules)?;
    let grants = reg.what_may(&p, date);
    out.line(format!(
        "What {person} may do on {date}: {} permissions",
        grants.len()
    ));
    for (entity, permission, chain) in &grants {
        out.line(format!(
            "  {permission} in {entity}: {}",
            chain_text(chain, locale)
        ));
    }
    out.data(
        "what",
        json!({ "person": person, "date": date, "grants": grants }),
    );
    Ok(())
}

fn expiring(reg: &Registry, date: NaiveDate, before: NaiveDate, out: &mut Output) {
    let list = reg.expiring_before(date, before);
    out.line(format!(
        "In force on {date}, ending before {before}: {} grants",
        list.len()
    ));
    for e in &list {
        out.line(format!(
            "  {} in {}: last day {}",
            e.person, e.entity, e.last_day
        ));
    }
    out.data(
        "expiring",
        json!({ "date": date, "before": before, "grants": list }),
    );
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::run(&args.common, |config, locale| {
        let mut out = Output::default();
        let reg = registry(config, locale, args.log.as_ref(), &mut out)?;
        match &args.command {
            Some(Command::Decide {
                person,
                permission,
                entity,
                date,
            }) => decide(&reg, locale, person, permission, entity, *date, &mut out)?,
            Some(Command::Who {
                permission,
                entity,
                date,
            }) => who(&reg, locale, permission, entity, *date, &mut out)?,
            Some(Command::What { person, date }) => what(&reg, locale, person, *date, &mut out)?,
            Some(Command::Expiring { date, before }) => expiring(&reg, *date, *before, &mut out),
            None => {
                let day = |m, d| {
                    NaiveDate::from_ymd_opt(2026, m, d)
                        .ok_or_else(|| Failure::Input("bad sample date".to_owned()))
                };
                decide(
                    &reg,
                    locale,
                    "anowak",
                    "pupils:enter",
                    "SP7",
                    day(3, 3)?,
                    &mut out,
                )?;
                decide(
                    &reg,
                    locale,
                    "ewisniewska",
                    "pupils:read",
                    "SP7",
                    day(3, 3)?,
                    &mut out,
                )?;
                who(&reg, locale, "pupils:read", "SP7", day(1, 15)?, &mut out)?;
                what(&reg, locale, "anowak", day(3, 3)?, &mut out)?;
                expiring(&reg, day(6, 1)?, day(9, 1)?, &mut out);
            }
        }
        Ok(out)
    })
}
