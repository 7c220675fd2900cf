//! Passwords: check a candidate against the configuration's policy (read from
//! stdin, without echo on a terminal) and show the rotation status of an
//! account.
//!
//! ```text
//! cargo run --example password                          # prompts without echo on a terminal
//! echo 'Kreda-Tablica-7' | cargo run --example password -- --login anowak --name "Anna Nowak"
//! echo 'kot' | cargo run --example password -- --json --locale en
//! cargo run --example password -- --changed-at 2026-09-01 --now 2026-10-30 < /dev/null
//! ```
//!
//! With empty stdin that is not a terminal (`< /dev/null`, CI), the embedded
//! sample password `Kreda-Tablica-7` is checked, and the output says so.

mod cli;

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, ValueEnum};
use edurules::password::{
    AccountState, MustChangeReason, Normalization, Password, StoredHash, UserContext, check, status,
};
use edurules::{Locale, RulesConfig};
use serde_json::json;

use cli::{Common, Failure, Output};

/// Shown after `--help`.
const AFTER_HELP: &str = "Examples:\n  password                                  prompts without echo on a terminal\n  echo 'Kreda-Tablica-7' | password --login anowak --name \"Anna Nowak\"\n  password --changed-at 2026-09-01 --now 2026-10-30 < /dev/null\nWith empty stdin that is not a terminal, the embedded sample password `Kreda-Tablica-7` is checked.";

/// Checks a password against the configuration's `password` policy and
/// shows the rotation status of an account. The password is read from stdin:
/// on a terminal without echo, otherwise the first line.
#[derive(Debug, Parser)]
#[command(version, after_help = AFTER_HELP)]
struct Args {
    #[command(flatten)]
    common: Common,
    /// The account's login (the password may not contain it when the policy
    /// forbids personal data).
    #[arg(long, default_value = "anowak")]
    login: String,
    /// The account holder's name.
    #[arg(long, default_value = "Anna Nowak")]
    name: String,
    /// The account holder's e-mail address.
    #[arg(long)]
    email: Option<String>,
    /// When the current password was set (YYYY-MM-DD, or RFC 3339 like
    /// 2026-09-01T08:00:00Z).
    #[arg(long, value_parser = instant, default_value = "2026-09-01T08:00:00Z")]
    changed_at: DateTime<Utc>,
    /// The instant of the status (the program never reads the clock).
    #[arg(long, value_parser = instant, default_value = "2026-10-27T08:00:00Z")]
    now: DateTime<Utc>,
    /// A change the account is required to make regardless of age.
    #[arg(long, value_enum)]
    must_change: Option<MustChange>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MustChange {
    /// A newly issued account at its first login.
    FirstLogin,
    /// The administrator reset the password.
    AdminReset,
}

/// The sample checked when stdin is empty and not a terminal.
const SAMPLE_PASSWORD: &str = "Kreda-Tablica-7";

/// A PHC string standing for the current password: the status reads only the
/// dates and the required change, never the hash.
const PLACEHOLDER_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$pt0OuF9rVdfw3e+4oDW+STqxPmywwTeYRme89Ph4jFY";

fn instant(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| format!("`{s}` is neither YYYY-MM-DD nor RFC 3339"))
}

/// The password from stdin and where it came from.
fn read_password() -> Result<(Password, &'static str), Failure> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let typed = rpassword::prompt_password("Password (not echoed): ")
            .map_err(|e| Failure::Input(format!("cannot read the password: {e}")))?;
        return Ok((Password::new(typed), "terminal, without echo"));
    }
    let mut line = String::new();
    let read = stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::Input(format!("cannot read the password from stdin: {e}")))?;
    if read == 0 {
        return Ok((
            Password::new(SAMPLE_PASSWORD),
            "embedded sample (stdin was empty)",
        ));
    }
    let trimmed = line.trim_end_matches(['\r', '\n']).to_owned();
    line.clear();
    Ok((Password::new(trimmed), "stdin"))
}

fn run(args: &Args, config: &RulesConfig, locale: Locale) -> Result<Output, Failure> {
    let mut out = Output::default();
    let policy = config.password()?;
    let l = locale.into();
    let (password, source) = read_password()?;
    let mut user = UserContext::default()
        .with_login(&args.login)
        .with_name(&args.name);
    if let Some(email) = &args.email {
        user = user.with_email(email);
    }
    out.line(format!(
        "Policy of `{}`: {}..{} characters, history {}, maximum age {}",
        config.name,
        policy.min_length,
        policy.max_length,
        policy.history_depth,
        policy
            .max_age_days
            .map_or("none".to_owned(), |d| format!("{d} days"))
    ));
    out.line(format!(
        "Password from {source}: {} characters",
        password.char_count()
    ));
    let violations = match check(policy, &password, &user) {
        Ok(()) => {
            out.line("  accepted: it meets every rule");
            Vec::new()
        }
        Err(list) => {
            out.line(format!("  refused, {} problems:", list.len()));
            for v in &list {
                out.line(format!("  - [{}] {}", v.code(), v.message(l)));
            }
            list
        }
    };
    out.data(
        "check",
        json!({
            "source": source,
            "accepted": violations.is_empty(),
            "violations": violations.iter().map(|v| json!({
                "code": v.code(), "message": v.message(l), "violation": v,
            })).collect::<Vec<_>>(),
        }),
    );

    let mut state = AccountState::new(
        StoredHash::new(PLACEHOLDER_HASH, Normalization::Nfkc).map_err(edurules::Error::from)?,
        args.changed_at,
    );
    state.must_change = args.must_change.map(|m| match m {
        MustChange::FirstLogin => MustChangeReason::FirstLogin,
        MustChange::AdminReset => MustChangeReason::AdminReset,
    });
    let now = args.now;
    let st = status(policy, &state, now);
    out.line(format!(
        "Rotation: set {}, at {now}: [{}] {}",
        args.changed_at,
        st.code(),
        st.message(l)
    ));
    out.data(
        "status",
        json!({
            "changed_at": args.changed_at, "now": now, "code": st.code(),
            "message": st.message(l), "requires_change": st.requires_change(), "status": st,
        }),
    );
    Ok(out)
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::run(&args.common, |config, locale| run(&args, config, locale))
}
