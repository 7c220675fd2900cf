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

use cli::{Common, Failure, Help, Output};

/// What `--help` says besides the options.
const HELP: Help = Help {
    name: "delegation",
    about: [
        "Upoważnienia: odtwarza dziennik zdarzeń i odpowiada, kto może działać w imieniu której szkoły, kiedy i dlaczego.",
        "Упълномощавания: възпроизвежда дневник на събития и отговаря кой може да действа за коя школа, кога и защо.",
        "Delegation: replays an event log and answers who may act for which school, on which day, and why.",
    ],
    examples: &[
        "delegation",
        "delegation --log events.json decide anowak pupils:enter SP7 2026-03-03",
        "delegation who pupils:read SP7 2026-01-15",
        "delegation what anowak 2026-03-03",
        "delegation expiring 2026-06-01 2026-09-01",
    ],
    refused: [
        "odmowa (decide) albo zdarzenie odrzucone z dziennika --log; przegląd bez polecenia kończy się kodem 0",
        "отказ (decide) или отхвърлено събитие от дневника --log; обиколката без команда завършва с код 0",
        "a denial (decide) or an event of the --log refused; the tour without a command exits 0",
    ],
    texts: &[
        (
            "log",
            [
                "Dziennik zdarzeń (tablica JSON); bez niego wbudowany przykład",
                "Дневник на събитията (JSON масив); без него вграденият пример",
                "The event log (a JSON array); without it, the embedded sample",
            ],
        ),
        (
            "decide",
            [
                "Czy osoba ma uprawnienie w podmiocie danego dnia? Z łańcuchem albo z powodami",
                "Има ли лицето правото в субекта на дадения ден? С веригата или с причините",
                "Does the person have the permission in the entity on the day? With the chain or the reasons",
            ],
        ),
        (
            "decide/person",
            [
                "Login osoby",
                "Потребителското име на лицето",
                "The person's login",
            ],
        ),
        (
            "decide/permission",
            [
                "Uprawnienie zbiór:działanie (pupils:enter)",
                "Право набор:действие (pupils:enter)",
                "A permission data_set:action (pupils:enter)",
            ],
        ),
        (
            "decide/entity",
            [
                "Identyfikator podmiotu (szkoły)",
                "Идентификатор на субекта (училището)",
                "The entity (school) id",
            ],
        ),
        (
            "decide/date",
            [
                "Dzień (RRRR-MM-DD)",
                "Денят (ГГГГ-ММ-ДД)",
                "The day (YYYY-MM-DD)",
            ],
        ),
        (
            "who",
            [
                "Kto ma uprawnienie w podmiocie danego dnia?",
                "Кой има правото в субекта на дадения ден?",
                "Who has the permission in the entity on the day?",
            ],
        ),
        (
            "who/permission",
            [
                "Uprawnienie zbiór:działanie",
                "Право набор:действие",
                "A permission data_set:action",
            ],
        ),
        (
            "who/entity",
            [
                "Identyfikator podmiotu",
                "Идентификатор на субекта",
                "The entity id",
            ],
        ),
        (
            "who/date",
            [
                "Dzień (RRRR-MM-DD)",
                "Денят (ГГГГ-ММ-ДД)",
                "The day (YYYY-MM-DD)",
            ],
        ),
        (
            "what",
            [
                "Jakie uprawnienia ma osoba danego dnia, we wszystkich podmiotach?",
                "Какви права има лицето на дадения ден във всички субекти?",
                "Which permissions does the person have on the day, in every entity?",
            ],
        ),
        (
            "what/person",
            [
                "Login osoby",
                "Потребителското име на лицето",
                "The person's login",
            ],
        ),
        (
            "what/date",
            [
                "Dzień (RRRR-MM-DD)",
                "Денят (ГГГГ-ММ-ДД)",
                "The day (YYYY-MM-DD)",
            ],
        ),
        (
            "expiring",
            [
                "Które upoważnienia w mocy danego dnia wygasają przed BEFORE?",
                "Кои пълномощия в сила на дадения ден изтичат преди BEFORE?",
                "Which grants in force on the day end before BEFORE?",
            ],
        ),
        (
            "expiring/date",
            [
                "Dzień (RRRR-MM-DD)",
                "Денят (ГГГГ-ММ-ДД)",
                "The day (YYYY-MM-DD)",
            ],
        ),
        (
            "expiring/before",
            [
                "Pierwszy dzień poza okresem (RRRR-MM-DD)",
                "Първият ден извън периода (ГГГГ-ММ-ДД)",
                "The first day not covered (YYYY-MM-DD)",
            ],
        ),
    ],
};

/// Replays a delegation event log under the configuration's `delegation`
/// policy and answers decide / who / what / expiring.
#[derive(Debug, Parser)]
#[command(version)]
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
        .map(|l| l.message(locale))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn rules(e: impl Into<edurules::Error>) -> Failure {
    Failure::Rules(e.into())
}

/// event / събитие / event.
const EVENT: edurules::Noun = edurules::Noun::new(
    ["zdarzenie", "zdarzenia", "zdarzeń", "zdarzenia"],
    ["събитие", "събития"],
    ["event", "events"],
);

/// permission / право / permission.
const PERMISSION: edurules::Noun = edurules::Noun::new(
    ["uprawnienie", "uprawnienia", "uprawnień", "uprawnienia"],
    ["право", "права"],
    ["permission", "permissions"],
);

/// person / лице / person.
const PERSON: edurules::Noun = edurules::Noun::new(
    ["osoba", "osoby", "osób", "osoby"],
    ["лице", "лица"],
    ["person", "people"],
);

/// A count for a list's length.
fn n(len: usize) -> u64 {
    u64::try_from(len).unwrap_or(u64::MAX)
}

fn registry(
    config: &RulesConfig,
    l: Locale,
    log: Option<&PathBuf>,
    out: &mut Output,
) -> Result<Registry, Failure> {
    let text = match log {
        Some(path) => std::fs::read_to_string(path).map_err(|e| Failure::file(path, e))?,
        None => SAMPLE_LOG.to_owned(),
    };
    let events = Event::log_from_json(&text).map_err(rules)?;
    let reg = Registry::replay(config.delegation()?.clone(), events).map_err(rules)?;
    let all = l.count(n(reg.log().len() + reg.rejected().len()), EVENT);
    let (accepted, refused) = (
        l.integer(reg.log().len() as i128),
        l.integer(reg.rejected().len() as i128),
    );
    out.line(l.pick(
        format!("Odtworzono {all}: przyjęte {accepted}, odrzucone {refused}."),
        format!("Възпроизведени {all}: приети {accepted}, отхвърлени {refused}."),
        format!("Replayed {all}: {accepted} accepted, {refused} refused."),
    ));
    for (i, r) in reg.rejected().iter().enumerate() {
        if log.is_some() {
            out.refuse();
        }
        let which = l.integer((i + 1) as i128);
        out.line(l.pick(
            format!("  Odrzucone zdarzenie nr {which}:"),
            format!("  Отхвърлено събитие № {which}:"),
            format!("  Refused event no. {which}:"),
        ));
        for v in &r.violations {
            out.line(format!("    {}", v.message(l)));
        }
    }
    out.data("rejected", reg.rejected());
    Ok(reg)
}

#[allow(
    clippy::too_many_arguments,
    reason = "the question's four parts and the output"
)]
fn decide(
    reg: &Registry,
    l: Locale,
    person: &str,
    permission: &str,
    entity: &str,
    date: NaiveDate,
    asked: bool,
    out: &mut Output,
) -> Result<(), Failure> {
    let (p, perm, e) = (
        Login::new(person).map_err(rules)?,
        Permission::parse(permission).map_err(rules)?,
        EntityId::new(entity).map_err(rules)?,
    );
    let decision = reg.decide(&p, &perm, &e, date);
    let (who, what, in_, on) = (
        l.quote(person),
        l.quote(permission),
        l.quote(entity),
        l.date(date),
    );
    let answer = if decision.is_allowed() {
        l.pick("tak", "да", "yes")
    } else {
        if asked {
            out.refuse();
        }
        l.pick("nie", "не", "no")
    };
    out.line(l.pick(
        format!("Czy {who} ma uprawnienie {what} w {in_} dnia {on}? {answer}"),
        format!("Има ли {who} правото {what} в {in_} на {on}? {answer}"),
        format!("Does {who} have {what} in {in_} on {on}? {answer}"),
    ));
    let explanation = decision.explain(l);
    for line in &explanation {
        out.line(format!("  {line}"));
    }
    let allowed = matches!(decision, Decision::Allowed { .. });
    out.data("decide", json!({ "person": person, "permission": permission, "entity": entity, "date": date, "allowed": allowed, "decision": decision, "explanation": explanation }));
    Ok(())
}

fn who(
    reg: &Registry,
    l: Locale,
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
    let (what, in_, on, count) = (
        l.quote(permission),
        l.quote(entity),
        l.date(date),
        l.count(n(people.len()), PERSON),
    );
    out.line(l.pick(
        format!("Kto ma uprawnienie {what} w {in_} dnia {on}: {count}"),
        format!("Кой има правото {what} в {in_} на {on}: {count}"),
        format!("Who has {what} in {in_} on {on}: {count}"),
    ));
    for (person, chain) in &people {
        out.line(format!("  {person}: {}", chain_text(chain, l)));
    }
    out.data(
        "who",
        json!({ "permission": permission, "entity": entity, "date": date, "people": people }),
    );
    Ok(())
}

fn what(
    reg: &Registry,
    l: Locale,
    person: &str,
    date: NaiveDate,
    out: &mut Output,
) -> Result<(), Failure> {
    let p = Login::new(person).map_err(rules)?;
    let grants = reg.what_may(&p, date);
    let (who, on, count) = (
        l.quote(person),
        l.date(date),
        l.count(n(grants.len()), PERMISSION),
    );
    out.line(l.pick(
        format!("Uprawnienia {who} dnia {on}: {count}"),
        format!("Права на {who} на {on}: {count}"),
        format!("Permissions of {who} on {on}: {count}"),
    ));
    for (entity, permission, chain) in &grants {
        let in_ = l.pick("w", "в", "in");
        out.line(format!(
            "  {} {in_} {}: {}",
            l.quote(&permission.to_string()),
            l.quote(&entity.to_string()),
            chain_text(chain, l)
        ));
    }
    out.data(
        "what",
        json!({ "person": person, "date": date, "grants": grants }),
    );
    Ok(())
}

fn expiring(reg: &Registry, l: Locale, date: NaiveDate, before: NaiveDate, out: &mut Output) {
    let list = reg.expiring_before(date, before);
    let (on, until, count) = (l.date(date), l.date(before), l.integer(list.len() as i128));
    out.line(l.pick(
        format!("W mocy dnia {on}, wygasające przed {until}: {count}"),
        format!("В сила на {on}, изтичащи преди {until}: {count}"),
        format!("In force on {on}, ending before {until}: {count}"),
    ));
    for e in &list {
        let last = l.date(e.last_day);
        out.line(l.pick(
            format!("  {} w {}: ostatni dzień {last}", e.person, e.entity),
            format!("  {} в {}: последен ден {last}", e.person, e.entity),
            format!("  {} in {}: last day {last}", e.person, e.entity),
        ));
    }
    out.data(
        "expiring",
        json!({ "date": date, "before": before, "grants": list }),
    );
}

fn main() -> ExitCode {
    let args: Args = cli::parse(&HELP);
    cli::run(&HELP, &args.common, |config, locale| {
        let mut out = Output::default();
        let reg = registry(config, locale, args.log.as_ref(), &mut out)?;
        match &args.command {
            Some(Command::Decide {
                person,
                permission,
                entity,
                date,
            }) => decide(
                &reg, locale, person, permission, entity, *date, true, &mut out,
            )?,
            Some(Command::Who {
                permission,
                entity,
                date,
            }) => who(&reg, locale, permission, entity, *date, &mut out)?,
            Some(Command::What { person, date }) => what(&reg, locale, person, *date, &mut out)?,
            Some(Command::Expiring { date, before }) => {
                expiring(&reg, locale, *date, *before, &mut out);
            }
            None => {
                let day = |m, d| {
                    Ok::<_, Failure>(NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default())
                };
                decide(
                    &reg,
                    locale,
                    "anowak",
                    "pupils:enter",
                    "SP7",
                    day(3, 3)?,
                    false,
                    &mut out,
                )?;
                decide(
                    &reg,
                    locale,
                    "ewisniewska",
                    "pupils:read",
                    "SP7",
                    day(3, 3)?,
                    false,
                    &mut out,
                )?;
                who(&reg, locale, "pupils:read", "SP7", day(1, 15)?, &mut out)?;
                what(&reg, locale, "anowak", day(3, 3)?, &mut out)?;
                expiring(&reg, locale, day(6, 1)?, day(9, 1)?, &mut out);
            }
        }
        Ok(out)
    })
}
