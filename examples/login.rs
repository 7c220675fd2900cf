//! SIO logins: normalize and classify what people typed, plan the
//! consolidation of a user's legacy logins, generate a new login.
//!
//! ```text
//! cargo run --example login                                  # a tour on an embedded sample
//! cargo run --example login -- normalize " jankow1 " Łukasz1
//! cargo run --example login -- classify JANKOW1 JanKow5
//! cargo run --example login -- plan accounts.json           # a JSON array of legacy accounts
//! cargo run --example login -- generate Łukasz Żółkiewski --existing LUKZOL1,LUKZOL2
//! cargo run --example login -- --json --locale pl plan
//! ```

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use edurules::Locale;
use edurules::login::{
    GeneratorConfig, LegacyAccount, LoginGenerator, LoginKind, classify_with, normalize_with,
    plan_consolidation_with, skeleton_directory,
};
use serde_json::json;

use cli::{Common, Failure, Output};

/// Shown after `--help`.
const AFTER_HELP: &str = "Examples:\n  login                                     a tour on an embedded sample\n  login normalize \" jankow1 \" Łukasz1       canonical login, or why not\n  login classify JANKOW1 JanKow5\n  login plan accounts.json                  JSON array of {\"login\", \"active\", \"entities\"}\n  login generate Łukasz Żółkiewski --existing LUKZOL1,LUKZOL2\n  login --preset bulgaria-isrm --json generate Жечко Петров";

/// Canonical SIO logins (upper-case ASCII letters and digits) with the
/// login rules of the configuration (`login` section).
#[derive(Debug, Parser)]
#[command(version, after_help = AFTER_HELP)]
struct Args {
    #[command(flatten)]
    common: Common,
    /// What to do; without a command, a tour of all four on a sample.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Normalize typed logins to canonical ones, or say why not.
    Normalize {
        /// The logins as typed.
        #[arg(required = true)]
        logins: Vec<String>,
    },
    /// Classify logins: canonical, legacy mixed-case, or invalid with the reason.
    Classify {
        /// The logins as stored.
        #[arg(required = true)]
        logins: Vec<String>,
    },
    /// Plan the consolidation of one user's legacy logins (seed 001).
    Plan {
        /// A JSON array of `{"login": …, "active": true, "entities": […]}`;
        /// without it, an embedded sample teacher.
        file: Option<PathBuf>,
    },
    /// Generate a new login from a given name and a surname.
    Generate {
        /// The given name as written (Polish or Bulgarian letters are transliterated).
        given: String,
        /// The surname as written.
        surname: String,
        /// Logins already taken, comma separated.
        #[arg(long, value_delimiter = ',')]
        existing: Vec<String>,
    },
}

/// The sample teacher: three active legacy logins and an inactive one.
const SAMPLE_ACCOUNTS: &str = r#"[
  {"login": "JANKOW1", "active": true, "entities": ["SP7 Opole"]},
  {"login": "JanKow5", "active": true, "entities": ["PM3 Opole"]},
  {"login": "JANKOW9", "active": true, "entities": ["ZS1 Opole"]},
  {"login": "jankow2", "active": false, "entities": ["SP2 Opole"]}
]"#;

fn normalize(login: &GeneratorConfig, locale: Locale, logins: &[String], out: &mut Output) {
    let mut data = Vec::new();
    for input in logins {
        match normalize_with(input, &login.policy) {
            Ok(normal) => {
                out.line(format!("{input:?} -> {normal}"));
                data.push(json!({ "input": input, "login": normal }));
            }
            Err(e) => {
                let message = e.message(locale.into());
                out.line(format!("{input:?} rejected [{}]: {message}", e.code()));
                data.push(json!({ "input": input, "code": e.code(), "message": message }));
            }
        }
    }
    out.data("normalize", data);
}

fn classify(login: &GeneratorConfig, locale: Locale, logins: &[String], out: &mut Output) {
    let mut data = Vec::new();
    for input in logins {
        let kind = classify_with(input, &login.policy);
        let text = match &kind {
            LoginKind::Canonical => "canonical".to_owned(),
            LoginKind::LegacyMixedCase => "legacy mixed-case".to_owned(),
            LoginKind::Invalid(e) => {
                format!("invalid [{}]: {}", e.code(), e.message(locale.into()))
            }
            _ => "unknown".to_owned(),
        };
        out.line(format!("{input:?}: {text}"));
        data.push(json!({ "input": input, "kind": kind }));
    }
    out.data("classify", data);
}

fn plan(
    login: &GeneratorConfig,
    locale: Locale,
    file: Option<&PathBuf>,
    out: &mut Output,
) -> Result<(), Failure> {
    let accounts: Vec<LegacyAccount> = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Failure::file(path, e))?;
            serde_json::from_str(&text).map_err(|e| Failure::file(path, e))?
        }
        None => serde_json::from_str(SAMPLE_ACCOUNTS)
            .map_err(|e| Failure::Input(format!("the embedded sample: {e}")))?,
    };
    let plan = plan_consolidation_with(&accounts, &login.policy);
    let l = locale.into();
    out.line(format!(
        "Consolidation of {} logins: {}",
        accounts.len(),
        plan.case.message(l)
    ));
    if !plan.retire.is_empty() {
        out.line(format!(
            "  retired whatever is chosen: {}",
            plan.retire.join(", ")
        ));
    }
    if !plan.inactive.is_empty() {
        out.line(format!(
            "  inactive, not counted: {}",
            plan.inactive.join(", ")
        ));
    }
    for c in &plan.conflicts {
        out.line(format!("  conflict: {}", c.message(l)));
    }
    out.data("plan", &plan);
    Ok(())
}

fn generate(
    login: &GeneratorConfig,
    given: &str,
    surname: &str,
    existing: &[String],
    out: &mut Output,
) -> Result<(), Failure> {
    let generator = LoginGenerator::new(login.clone()).map_err(edurules::Error::from)?;
    let directory = skeleton_directory(existing);
    let generated = generator
        .generate(given, surname, &directory)
        .map_err(edurules::Error::from)?;
    out.line(format!("{given} {surname} -> {generated}"));
    out.data(
        "generate",
        json!({ "given": given, "surname": surname, "existing": existing, "login": generated }),
    );
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::run(&args.common, |config, locale| {
        let mut out = Output::default();
        let config = config.login()?;
        match &args.command {
            Some(Command::Normalize { logins }) => normalize(config, locale, logins, &mut out),
            Some(Command::Classify { logins }) => classify(config, locale, logins, &mut out),
            Some(Command::Plan { file }) => plan(config, locale, file.as_ref(), &mut out)?,
            Some(Command::Generate {
                given,
                surname,
                existing,
            }) => generate(config, given, surname, existing, &mut out)?,
            None => {
                let typed = [" ＪａｎＫｏｗ１ ", "ŁUKZOL1", "jan.kow"].map(str::to_owned);
                normalize(config, locale, &typed, &mut out);
                let stored = ["JANKOW1", "JanKow5", "JAN KOW"].map(str::to_owned);
                classify(config, locale, &stored, &mut out);
                plan(config, locale, None, &mut out)?;
                let existing = ["LUKZOL1", "lukzol2", "LUKZOLI"].map(str::to_owned);
                generate(config, "Łukasz", "Żółkiewski", &existing, &mut out)?;
            }
        }
        Ok(out)
    })
}
