//! A tour of edurules on a small fictional school, with no file, network or
//! database: `cargo run --example demo` prints a readable report, and
//! `cargo run --example demo -- --json` prints the same report as JSON.
//! `--config FILE` (or `--preset bulgaria-isrm`) loads and validates a
//! configuration and summarizes it in the report's `configuration` section;
//! the sections reach it with [`config`].

#[path = "../cli/mod.rs"]
mod cli;

mod absence;
mod deadline;
mod delegation;
mod login;
mod password;

use std::process::ExitCode;
use std::sync::OnceLock;

use clap::Parser;
use edurules::{DeadlineRules, Locale, RulesConfig};
use serde_json::{Value, json};

/// A tour of edurules on a small fictional school: logins, passwords,
/// delegation, deadlines and absences, each with its explanations.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    #[command(flatten)]
    common: cli::Common,
}

/// The configuration the report runs under (`--config`, or the preset).
static CONFIG: OnceLock<RulesConfig> = OnceLock::new();

/// The configuration chosen on the command line, for sections that take
/// their rules from it (the Polish preset until `main` has loaded one).
#[allow(
    dead_code,
    reason = "a hook for the sections; not every section uses it yet"
)]
pub(crate) fn config() -> &'static RulesConfig {
    CONFIG.get_or_init(RulesConfig::poland_sio)
}

/// One part of the report: a title, lines for a person, and the same facts for
/// a machine.
pub(crate) struct Section {
    /// The heading, also the key of the section in the JSON report.
    pub(crate) title: &'static str,
    /// What a person reads.
    pub(crate) lines: Vec<String>,
    /// The same facts for a machine.
    pub(crate) data: Value,
}

/// The configuration in a few lines: which rules each crate runs under.
fn configuration(config: &RulesConfig, locale: Locale) -> Section {
    let absent = |section: &str| format!("{section}: not configured");
    let mut lines = vec![format!("Rules `{}`, messages in `{locale}`", config.name)];
    lines.push(config.login.as_ref().map_or_else(
        || absent("login"),
        |login| {
            format!(
                "login: {}..={} characters, pattern {}+{} letters",
                login.policy.min_length(),
                login.policy.max_length(),
                login.pattern.given_letters,
                login.pattern.surname_letters
            )
        },
    ));
    lines.push(config.password.as_ref().map_or_else(
        || absent("password"),
        |p| {
            format!(
                "password: {}..={} characters, maximum age {}, history {}",
                p.min_length,
                p.max_length,
                p.max_age_days
                    .map_or("none".to_owned(), |d| format!("{d} days")),
                p.history_depth
            )
        },
    ));
    lines.push(config.delegation.as_ref().map_or_else(
        || absent("delegation"),
        |d| {
            format!(
                "delegation: depth {}, at most {} months, derived grants {:?}",
                d.max_depth, d.max_validity_months, d.derived_grants
            )
        },
    ));
    lines.push(config.deadline.as_ref().map_or_else(
        || absent("deadline"),
        |d| {
            format!(
                "deadline: {}",
                match &d.rules {
                    DeadlineRules::Builtin =>
                        "the built-in art. 30 rules of the SIO act".to_owned(),
                    DeadlineRules::File(path) => format!("rules from `{}`", path.display()),
                    _ => "rules written in the configuration".to_owned(),
                }
            )
        },
    ));
    lines.push(config.absence.as_ref().map_or_else(
        || absent("absence"),
        |a| format!("absence: profile `{}` ({} rules)", a.id, a.rules.len()),
    ));
    lines.push("The sections below run on their own embedded samples.".to_owned());
    Section {
        title: "configuration",
        lines,
        data: serde_json::to_value(config).unwrap_or(Value::Null),
    }
}

fn sections(config: &RulesConfig, locale: Locale) -> Vec<Section> {
    vec![
        Section {
            title: "School",
            lines: vec![
                "Szkoła Podstawowa nr 7 w Opolu (fictional), school year 2025/2026".to_owned(),
            ],
            data: json!({ "name": "Szkoła Podstawowa nr 7 w Opolu", "school_year": "2025/2026" }),
        },
        configuration(config, locale),
        login::section(),
        password::section(),
        delegation::section(),
        deadline::section(),
        absence::section(),
    ]
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::run(&args.common, |config, locale| {
        let config = CONFIG.get_or_init(|| config.clone());
        let mut out = cli::Output::default();
        out.line("edurules demo");
        for s in sections(config, locale) {
            out.line(format!("\n== {} ==", s.title));
            for line in &s.lines {
                out.line(format!("  {line}"));
            }
            out.data(&s.title.to_lowercase().replace(' ', "_"), s.data);
        }
        Ok(out)
    })
}
