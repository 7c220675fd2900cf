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

use cli::{Common, Failure, Help, Output};

/// What `--help` says besides the options.
const HELP: Help = Help {
    name: "login",
    about: [
        "Loginy SIO: normalizacja, klasyfikacja, plan scalenia i nowy login według reguł konfiguracji.",
        "Потребителски имена: нормализиране, класифициране, план за обединяване и ново име по правилата на конфигурацията.",
        "SIO logins: normalize, classify, plan a consolidation and generate a login with the configuration's rules.",
    ],
    examples: &[
        "login",
        "login normalize \" jankow1 \" Łukasz1",
        "login classify JANKOW1 JanKow5",
        "login plan accounts.json",
        "login generate Łukasz Żółkiewski --existing LUKZOL1,LUKZOL2",
        "login --preset bulgaria-isrm --json generate Жечко Петров",
    ],
    refused: [
        "login odrzucony albo nieprawidłowy (normalize, classify); przegląd bez polecenia kończy się kodem 0",
        "отхвърлено или невалидно име (normalize, classify); обиколката без команда завършва с код 0",
        "a login rejected or invalid (normalize, classify); the tour without a command exits 0",
    ],
    texts: &[
        (
            "normalize",
            [
                "Sprowadza wpisane loginy do postaci kanonicznej albo mówi, dlaczego się nie da",
                "Привежда въведените имена в канонична форма или казва защо не може",
                "Normalizes typed logins to canonical ones, or says why not",
            ],
        ),
        (
            "normalize/logins",
            [
                "Loginy tak, jak je wpisano",
                "Имената, както са въведени",
                "The logins as typed",
            ],
        ),
        (
            "classify",
            [
                "Klasyfikuje loginy: kanoniczny, dawny z małymi literami albo nieprawidłowy z powodem",
                "Класифицира имената: канонично, старо с малки букви или невалидно с причината",
                "Classifies logins: canonical, legacy mixed-case, or invalid with the reason",
            ],
        ),
        (
            "classify/logins",
            [
                "Loginy tak, jak są zapisane",
                "Имената, както са записани",
                "The logins as stored",
            ],
        ),
        (
            "plan",
            [
                "Planuje scalenie dawnych loginów jednego użytkownika",
                "Планира обединяването на старите имена на един потребител",
                "Plans the consolidation of one user's legacy logins",
            ],
        ),
        (
            "plan/file",
            [
                "Tablica JSON kont (login, active, entities); bez niej wbudowany przykład",
                "JSON масив от акаунти (login, active, entities); без него вграденият пример",
                "A JSON array of accounts (login, active, entities); without it, the embedded sample",
            ],
        ),
        (
            "generate",
            [
                "Tworzy nowy login z imienia i nazwiska",
                "Създава ново име от собствено име и фамилия",
                "Generates a new login from a given name and a surname",
            ],
        ),
        (
            "generate/given",
            [
                "Imię (litery polskie i bułgarskie są transliterowane)",
                "Собствено име (полските и българските букви се транслитерират)",
                "The given name (Polish or Bulgarian letters are transliterated)",
            ],
        ),
        ("generate/surname", ["Nazwisko", "Фамилия", "The surname"]),
        (
            "generate/existing",
            [
                "Loginy już zajęte, po przecinku",
                "Вече заети имена, разделени със запетая",
                "Logins already taken, comma separated",
            ],
        ),
    ],
};

/// Canonical SIO logins (upper-case ASCII letters and digits) with the
/// login rules of the configuration (`login` section).
#[derive(Debug, Parser)]
#[command(version)]
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
    /// Plan the consolidation of one user's legacy logins.
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

/// Normalizes each input; a rejected one is a refusal when `asked`.
fn normalize(login: &GeneratorConfig, l: Locale, logins: &[String], asked: bool, out: &mut Output) {
    let mut data = Vec::new();
    out.line(l.pick("Normalizacja:", "Нормализиране:", "Normalization:"));
    for input in logins {
        let q = l.quote(input);
        match normalize_with(input, &login.policy) {
            Ok(normal) => {
                out.line(format!("  {q} → {normal}"));
                data.push(json!({ "input": input, "login": normal }));
            }
            Err(e) => {
                let message = e.message(l);
                let no = l.pick("odrzucony", "отхвърлено", "rejected");
                out.line(format!("  {q}: {no}. {message}"));
                data.push(json!({ "input": input, "code": e.code(), "message": message }));
                if asked {
                    out.refuse();
                }
            }
        }
    }
    out.data("normalize", data);
}

/// Classifies each input; an invalid one is a refusal when `asked`.
fn classify(login: &GeneratorConfig, l: Locale, logins: &[String], asked: bool, out: &mut Output) {
    let mut data = Vec::new();
    out.line(l.pick("Klasyfikacja:", "Класифициране:", "Classification:"));
    for input in logins {
        let kind = classify_with(input, &login.policy);
        let text = match &kind {
            LoginKind::Canonical => l.pick("kanoniczny", "канонично", "canonical").to_owned(),
            LoginKind::LegacyMixedCase => l
                .pick(
                    "dawny, z małymi i wielkimi literami",
                    "старо, с малки и главни букви",
                    "legacy, in mixed case",
                )
                .to_owned(),
            LoginKind::Invalid(e) => {
                if asked {
                    out.refuse();
                }
                let invalid = l.pick("nieprawidłowy", "невалидно", "invalid");
                format!("{invalid}. {}", e.message(l))
            }
            _ => l.pick("nieznany", "неизвестно", "unknown").to_owned(),
        };
        out.line(format!("  {}: {text}", l.quote(input)));
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
            .map_err(|e| Failure::file(std::path::Path::new("SAMPLE_ACCOUNTS"), e))?,
    };
    let plan = plan_consolidation_with(&accounts, &login.policy);
    let cl = locale;
    let l = locale;
    let n = u64::try_from(accounts.len()).unwrap_or(u64::MAX);
    let logins = l.count(n, LOGIN);
    out.line(l.pick(
        format!("Scalenie ({logins}): {}", plan.case.message(cl)),
        format!("Обединяване ({logins}): {}", plan.case.message(cl)),
        format!("Consolidation ({logins}): {}", plan.case.message(cl)),
    ));
    if !plan.retire.is_empty() {
        let list = plan.retire.join(", ");
        out.line(l.pick(
            format!("  wycofane niezależnie od wyboru: {list}"),
            format!("  спират се при всеки избор: {list}"),
            format!("  retired whatever is chosen: {list}"),
        ));
    }
    if !plan.inactive.is_empty() {
        let list = plan.inactive.join(", ");
        out.line(l.pick(
            format!("  nieaktywne, niewliczane: {list}"),
            format!("  неактивни, не се броят: {list}"),
            format!("  inactive, not counted: {list}"),
        ));
    }
    for c in &plan.conflicts {
        let conflict = l.pick("konflikt", "конфликт", "conflict");
        out.line(format!("  {conflict}: {}", c.message(cl)));
    }
    out.data("plan", &plan);
    Ok(())
}

/// login / потребителско име / login.
const LOGIN: edurules::Noun = edurules::Noun::new(
    ["login", "loginy", "loginów", "loginu"],
    ["потребителско име", "потребителски имена"],
    ["login", "logins"],
);

fn generate(
    login: &GeneratorConfig,
    l: Locale,
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
    out.line(format!(
        "{} {} → {generated}",
        l.pick("Nowy login dla", "Ново име за", "New login for"),
        l.quote(&format!("{given} {surname}"))
    ));
    out.data(
        "generate",
        json!({ "given": given, "surname": surname, "existing": existing, "login": generated }),
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Args = cli::parse(&HELP);
    cli::run(&HELP, &args.common, |config, locale| {
        let mut out = Output::default();
        let config = config.login()?;
        match &args.command {
            Some(Command::Normalize { logins }) => {
                normalize(config, locale, logins, true, &mut out);
            }
            Some(Command::Classify { logins }) => {
                classify(config, locale, logins, true, &mut out);
            }
            Some(Command::Plan { file }) => plan(config, locale, file.as_ref(), &mut out)?,
            Some(Command::Generate {
                given,
                surname,
                existing,
            }) => generate(config, locale, given, surname, existing, &mut out)?,
            None => {
                let typed = [" ＪａｎＫｏｗ１ ", "ŁUKZOL1", "jan.kow"].map(str::to_owned);
                normalize(config, locale, &typed, false, &mut out);
                let stored = ["JANKOW1", "JanKow5", "JAN KOW"].map(str::to_owned);
                classify(config, locale, &stored, false, &mut out);
                plan(config, locale, None, &mut out)?;
                let existing = ["LUKZOL1", "lukzol2", "LUKZOLI"].map(str::to_owned);
                generate(config, locale, "Łukasz", "Żółkiewski", &existing, &mut out)?;
            }
        }
        Ok(out)
    })
}
