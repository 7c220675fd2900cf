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
use edurules::{Locale, RulesConfig, nouns};

/// problem / проблем / problem.
const PROBLEM: edurules::Noun = edurules::Noun::new(
    ["problem", "problemy", "problemów", "problemu"],
    ["проблем", "проблема"],
    ["problem", "problems"],
);
use serde_json::json;

use cli::{Common, Failure, Help, Output};

/// What `--help` says besides the options.
const HELP: Help = Help {
    name: "password",
    about: [
        "Sprawdza hasło (ze standardowego wejścia, bez echa na terminalu) według zasad konfiguracji i pokazuje stan rotacji konta.",
        "Проверява парола (от стандартния вход, без ехо на терминал) по правилата на конфигурацията и показва състоянието на смяната.",
        "Checks a password (from stdin, without echo on a terminal) against the configuration's policy and shows the account's rotation status.",
    ],
    examples: &[
        "password",
        "echo 'Kreda-Tablica-7' | password --login anowak --name \"Anna Nowak\"",
        "password --changed-at 2026-09-01 --now 2026-10-30 < /dev/null",
    ],
    refused: [
        "hasło odrzucone; pusty, nieterminalowy stdin sprawdza wbudowane hasło przykładowe",
        "отхвърлена парола; празен стандартен вход, който не е терминал, проверява вградената примерна парола",
        "a refused password; an empty stdin that is not a terminal checks the embedded sample password",
    ],
    texts: &[
        (
            "login",
            [
                "Login konta (hasło nie może go zawierać, gdy zasady zakazują danych osobowych)",
                "Потребителското име (паролата не може да го съдържа, когато правилата забраняват лични данни)",
                "The account's login (the password may not contain it when the policy forbids personal data)",
            ],
        ),
        (
            "name",
            [
                "Imię i nazwisko właściciela konta",
                "Името на притежателя на акаунта",
                "The account holder's name",
            ],
        ),
        (
            "email",
            [
                "Adres e-mail właściciela konta",
                "Имейл адресът на притежателя",
                "The account holder's e-mail address",
            ],
        ),
        (
            "changed_at",
            [
                "Kiedy ustawiono obecne hasło (RRRR-MM-DD albo RFC 3339)",
                "Кога е зададена текущата парола (ГГГГ-ММ-ДД или RFC 3339)",
                "When the current password was set (YYYY-MM-DD or RFC 3339)",
            ],
        ),
        (
            "now",
            [
                "Chwila, na którą liczony jest stan (program nie czyta zegara)",
                "Моментът на състоянието (програмата не чете часовника)",
                "The instant of the status (the program never reads the clock)",
            ],
        ),
        (
            "must_change",
            [
                "Wymagana zmiana niezależnie od wieku hasła: first-login albo admin-reset",
                "Задължителна смяна независимо от възрастта на паролата: first-login или admin-reset",
                "A change required regardless of age: first-login or admin-reset",
            ],
        ),
    ],
};

/// Checks a password against the configuration's `password` policy and
/// shows the rotation status of an account. The password is read from stdin:
/// on a terminal without echo, otherwise the first line.
#[derive(Debug, Parser)]
#[command(version)]
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
        .ok_or_else(|| {
            cli::lang::hint()
                .pick(
                    "Oczekiwano daty RRRR-MM-DD albo chwili RFC 3339.",
                    "Очаква се дата ГГГГ-ММ-ДД или момент по RFC 3339.",
                    "Expected a date YYYY-MM-DD or an RFC 3339 instant.",
                )
                .to_owned()
        })
}

/// Where the password came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// Typed on a terminal, without echo.
    Terminal,
    /// The first line of stdin.
    Stdin,
    /// The embedded sample: stdin was empty.
    Sample,
}

impl Source {
    /// The machine name in `--json`.
    fn code(self) -> &'static str {
        match self {
            Self::Terminal => "terminal",
            Self::Stdin => "stdin",
            Self::Sample => "sample",
        }
    }

    /// In words, in `l`.
    fn text(self, l: Locale) -> &'static str {
        match self {
            Self::Terminal => l.pick(
                "z terminala, bez echa",
                "от терминала, без ехо",
                "from the terminal, without echo",
            ),
            Self::Stdin => l.pick(
                "ze standardowego wejścia",
                "от стандартния вход",
                "from stdin",
            ),
            Self::Sample => l.pick(
                "wbudowane hasło przykładowe (wejście było puste)",
                "вградената примерна парола (входът беше празен)",
                "the embedded sample (stdin was empty)",
            ),
        }
    }
}

/// The password from stdin and where it came from.
fn read_password(l: Locale) -> Result<(Password, Source), Failure> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let prompt = l.pick(
            "Hasło (bez echa): ",
            "Парола (без ехо): ",
            "Password (not echoed): ",
        );
        let typed = rpassword::prompt_password(prompt).map_err(Failure::stdin)?;
        return Ok((Password::new(typed), Source::Terminal));
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line).map_err(Failure::stdin)?;
    if read == 0 {
        return Ok((Password::new(SAMPLE_PASSWORD), Source::Sample));
    }
    let trimmed = line.trim_end_matches(['\r', '\n']).to_owned();
    line.clear();
    Ok((Password::new(trimmed), Source::Stdin))
}

fn run(args: &Args, config: &RulesConfig, locale: Locale) -> Result<Output, Failure> {
    let mut out = Output::default();
    let policy = config.password()?;
    let cl = locale;
    let l = locale;
    let (password, source) = read_password(l)?;
    let mut user = UserContext::default()
        .with_login(&args.login)
        .with_name(&args.name);
    if let Some(email) = &args.email {
        user = user.with_email(email);
    }
    let name = l.quote(&config.name);
    let (min, max) = (
        l.integer(i128::from(policy.min_length)),
        l.count(u64::from(policy.max_length), nouns::CHARACTER),
    );
    let history = l.count(u64::from(policy.history_depth), nouns::PASSWORD);
    let age = match policy.max_age_days {
        Some(d) => l.count(u64::from(d), nouns::DAY),
        None => l.pick("bez limitu", "без ограничение", "none").to_owned(),
    };
    out.line(l.pick(
        format!("Zasady {name}: od {min} do {max}, historia: {history}, maksymalny wiek: {age}."),
        format!(
            "Правила {name}: от {min} до {max}, история: {history}, най-голяма възраст: {age}."
        ),
        format!("Policy {name}: {min} to {max}, history: {history}, maximum age: {age}."),
    ));
    let chars = l.count(
        u64::try_from(password.char_count()).unwrap_or(0),
        nouns::CHARACTER,
    );
    let from = source.text(l);
    out.line(l.pick(
        format!("Sprawdzane hasło: {from}, {chars}."),
        format!("Проверявана парола: {from}, {chars}."),
        format!("Password checked: {from}, {chars}."),
    ));
    let violations = match check(policy, &password, &user) {
        Ok(()) => {
            out.line(l.pick(
                "  Przyjęte: spełnia wszystkie zasady.",
                "  Приета: отговаря на всички правила.",
                "  Accepted: it meets every rule.",
            ));
            Vec::new()
        }
        Err(list) => {
            if source != Source::Sample {
                out.refuse();
            }
            let problems = l.count(u64::try_from(list.len()).unwrap_or(0), PROBLEM);
            out.line(l.pick(
                format!("  Odrzucone ({problems}):"),
                format!("  Отхвърлена ({problems}):"),
                format!("  Refused ({problems}):"),
            ));
            for v in &list {
                out.line(format!("  - {}", v.message(cl)));
            }
            list
        }
    };
    out.data(
        "check",
        json!({
            "source": source.code(),
            "accepted": violations.is_empty(),
            "violations": violations.iter().map(|v| json!({
                "code": v.code(), "message": v.message(cl), "violation": v,
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
    // The school's clock, from the password section of the configuration.
    let zone = policy.time_zone;
    let (set, at) = (l.date_time(args.changed_at, zone), l.date_time(now, zone));
    out.line(l.pick(
        format!(
            "Zmiana hasła: ustawione {set}, stan na {at}: {}",
            st.message(cl)
        ),
        format!(
            "Смяна на паролата: зададена {set}, към {at}: {}",
            st.message(cl)
        ),
        format!("Rotation: set {set}, as of {at}: {}", st.message(cl)),
    ));
    out.data(
        "status",
        json!({
            "changed_at": args.changed_at, "now": now, "code": st.code(),
            "message": st.message(cl), "requires_change": st.requires_change(), "status": st,
        }),
    );
    Ok(out)
}

fn main() -> ExitCode {
    let args: Args = cli::parse(&HELP);
    cli::run(&HELP, &args.common, |config, locale| {
        run(&args, config, locale)
    })
}
