//! clap in the reader's language: the help's headings, the common options,
//! the exit codes, and usage errors mapped from clap's error kinds to
//! sentences of our own (clap writes its own texts in English only).

#![allow(dead_code, reason = "each example uses a part of this module")]

use std::ffi::OsString;
use std::sync::OnceLock;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use edurules::Locale;

/// What an example's `--help` says besides its options.
#[derive(Debug)]
pub(crate) struct Help {
    /// The example's name (`password`), also in `examples.password@1`.
    pub(crate) name: &'static str,
    /// One sentence on what it does, in Polish, Bulgarian, English.
    pub(crate) about: [&'static str; 3],
    /// Command lines to try (the same in every language).
    pub(crate) examples: &'static [&'static str],
    /// What exit code 1 means for this example, in Polish, Bulgarian,
    /// English (`a refused password`).
    pub(crate) refused: [&'static str; 3],
    /// The help of the example's own arguments and subcommands in Polish,
    /// Bulgarian, English: `"arg"` for an argument, `"sub"` for a
    /// subcommand's description, `"sub/arg"` for a subcommand's argument.
    pub(crate) texts: &'static [(&'static str, [&'static str; 3])],
}

/// The locale found on the command line before parsing it, for clap's
/// texts and the value parsers.
static HINT: OnceLock<Locale> = OnceLock::new();

/// The locale of the command line's texts: `--locale` if given and valid,
/// else the language of `--preset` (Bulgarian for `bulgaria-isrm`), else
/// English with `--config` (its locale is not read yet), else Polish, the
/// language of the default preset.
pub(crate) fn hint() -> Locale {
    *HINT.get_or_init(|| scan(&std::env::args_os().collect::<Vec<_>>()))
}

/// [`hint`] from a command line.
pub(crate) fn scan(argv: &[OsString]) -> Locale {
    let value = |name: &str| {
        let long = format!("--{name}");
        let prefix = format!("--{name}=");
        argv.iter().enumerate().find_map(|(i, a)| {
            let a = a.to_str()?;
            if a == long {
                argv.get(i + 1)?.to_str().map(str::to_owned)
            } else {
                a.strip_prefix(&prefix).map(str::to_owned)
            }
        })
    };
    if let Some(l) = value("locale").and_then(|v| v.parse::<Locale>().ok()) {
        return l;
    }
    match value("preset").as_deref() {
        Some("bulgaria-isrm") => Locale::Bg,
        Some(_) => Locale::Pl,
        None if value("config").is_some() => Locale::En,
        None => Locale::Pl,
    }
}

/// The exit codes, in `l`, with what code 1 means for this example.
pub(crate) fn exit_codes(l: Locale, help: &Help) -> String {
    let [pl, bg, en] = help.refused;
    l.pick(
        format!(
            "Kody wyjścia:\n  0  wszystko przyjęte\n  1  reguła czegoś odmówiła: {pl}\n  \
             2  błędne wywołanie\n  3  błędny plik wejściowy albo konfiguracja"
        ),
        format!(
            "Кодове на изход:\n  0  всичко е прието\n  1  правило е отказало нещо: {bg}\n  \
             2  грешно извикване\n  3  грешен входен файл или конфигурация"
        ),
        format!(
            "Exit codes:\n  0  everything asked was accepted\n  1  a rule refused something: {en}\n  \
             2  usage error\n  3  bad input file or configuration"
        ),
    )
}

/// `command` with its texts in `l`.
pub(crate) fn localize(command: Command, l: Locale, help: &Help) -> Command {
    let [about_pl, about_bg, about_en] = help.about;
    let examples = help
        .examples
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n");
    let after = format!(
        "{}\n{examples}\n\n{}\n\n{}",
        l.pick("Przykłady:", "Примери:", "Examples:"),
        exit_codes(l, help),
        l.pick(
            "Z opcją --json wynik i błędy są kopertą JSON na stdout \
             (docs/schema/examples-envelope.schema.json).",
            "С опцията --json резултатът и грешките са JSON плик на stdout \
             (docs/schema/examples-envelope.schema.json).",
            "With --json the result and errors are a JSON envelope on stdout \
             (docs/schema/examples-envelope.schema.json).",
        ),
    );
    let options = l.pick("Opcje", "Опции", "Options");
    let arguments = l.pick("Argumenty", "Аргументи", "Arguments");
    let usage = l.pick("Użycie", "Употреба", "Usage");
    let usage_word = usage;
    let placeholder = l.pick("OPCJE", "ОПЦИИ", "OPTIONS");
    let has_version = command.get_version().is_some();
    let mut command = command
        .about(l.pick(about_pl, about_bg, about_en))
        .long_about(None)
        .after_help(after.clone())
        .after_long_help(after)
        .override_usage(format!("{} [{placeholder}]", help.name))
        .help_template(format!(
            "{{about}}\n\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(l.pick("Polecenia", "Команди", "Commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(l.pick("Pokazuje tę pomoc", "Показва тази помощ", "Shows this help")),
        );
    if has_version {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(l.pick("Pokazuje wersję", "Показва версията", "Shows the version")),
        );
    }
    for (id, texts) in COMMON_HELP {
        if command.get_arguments().any(|a| a.get_id() == id) {
            let [pl, bg, en] = texts;
            command = command.mut_arg(id, |a| a.help(l.pick(pl, bg, en)));
        }
    }
    for (id, [pl, bg, en]) in help.texts {
        let text = l.pick(*pl, *bg, *en);
        command = match id.split_once('/') {
            Some((sub, arg)) => command.mut_subcommand(sub, |c| c.mut_arg(arg, |a| a.help(text))),
            None if command.find_subcommand(id).is_some() => {
                command.mut_subcommand(id, |c| c.about(text))
            }
            None => command.mut_arg(id, |a| a.help(text)),
        };
    }
    let headings = |c: Command| {
        c.mut_args(|a| {
            // clap writes "[default: …]" and "[possible values: …]" in
            // English only: the help texts name them instead.
            let a = if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            };
            if a.is_positional() {
                a.help_heading(arguments)
            } else {
                a.help_heading(options)
            }
        })
    };
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let usage = format!("{} {name} [{placeholder}]", help.name);
        command = command.mut_subcommand(&name, |c| {
            headings(
                c.override_usage(usage)
                    .help_template(format!(
                        "{{about}}\n\n{usage_word}: {{usage}}\n\n{{all-args}}"
                    ))
                    .disable_help_flag(true)
                    .arg(
                        Arg::new("help")
                            .short('h')
                            .long("help")
                            .action(ArgAction::Help)
                            .help(l.pick(
                                "Pokazuje tę pomoc",
                                "Показва тази помощ",
                                "Shows this help",
                            )),
                    ),
            )
        });
    }
    headings(command)
}

/// The help of the options every example takes, in Polish, Bulgarian,
/// English.
const COMMON_HELP: [(&str, [&str; 3]); 4] = [
    (
        "config",
        [
            "Czyta reguły z tego pliku TOML albo JSON zamiast z zestawu",
            "Чете правилата от този файл TOML или JSON вместо от набор",
            "Reads the rules from this TOML or JSON file instead of a preset",
        ],
    ),
    (
        "preset",
        [
            "Zestaw reguł bez --config: poland-sio (domyślny) albo bulgaria-isrm",
            "Набор от правила без --config: poland-sio (по подразбиране) или bulgaria-isrm",
            "The preset without --config: poland-sio (the default) or bulgaria-isrm",
        ],
    ),
    (
        "locale",
        [
            "Język wszystkiego, co program wypisuje: pl, bg albo en (domyślnie język konfiguracji)",
            "Език на всичко, което програмата извежда: pl, bg или en (по подразбиране езикът на конфигурацията)",
            "Language of everything printed: pl, bg or en (default: the configuration's)",
        ],
    ),
    (
        "json",
        [
            "Wypisuje kopertę JSON zamiast tekstu",
            "Извежда JSON плик вместо текст",
            "Prints a JSON envelope instead of text",
        ],
    ),
];

/// A string of a clap error's context.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A usage error in `l`: our sentence for each kind of clap error, the
/// value parser's own (localized) text where it gave one.
pub(crate) fn usage_message(e: &clap::Error, l: Locale) -> String {
    let q = |s: Option<String>| l.quote(&s.unwrap_or_default());
    let arg = q(context(e, ContextKind::InvalidArg));
    let value = q(context(e, ContextKind::InvalidValue));
    match e.kind() {
        ErrorKind::UnknownArgument => l.pick(
            format!("Nieznana opcja {arg}."),
            format!("Непозната опция {arg}."),
            format!("Unknown option {arg}."),
        ),
        ErrorKind::InvalidValue => {
            let valid = match e.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(v)) => {
                    Some(l.quote_alternatives(v.iter().map(String::as_str)))
                }
                _ => None,
            };
            let (pl, bg, en) = match valid {
                Some(v) => (
                    format!(" Dozwolone: {v}."),
                    format!(" Възможни: {v}."),
                    format!(" Allowed: {v}."),
                ),
                None => Default::default(),
            };
            l.pick(
                format!("Niedozwolona wartość {value} opcji {arg}.{pl}"),
                format!("Недопустима стойност {value} на опцията {arg}.{bg}"),
                format!("The value {value} is not allowed for {arg}.{en}"),
            )
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            l.pick(
                format!("Nieprawidłowa wartość {value} opcji {arg}.{why}"),
                format!("Невалидна стойност {value} на опцията {arg}.{why}"),
                format!("Invalid value {value} for {arg}.{why}"),
            )
        }
        ErrorKind::MissingRequiredArgument => l.pick(
            format!("Brak wymaganej opcji {arg}."),
            format!("Липсва задължителната опция {arg}."),
            format!("The option {arg} is required."),
        ),
        ErrorKind::ArgumentConflict => {
            let prior = q(context(e, ContextKind::PriorArg));
            l.pick(
                format!("Opcji {arg} nie można łączyć z {prior}."),
                format!("Опцията {arg} не може да се съчетава с {prior}."),
                format!("The option {arg} cannot be used with {prior}."),
            )
        }
        ErrorKind::NoEquals | ErrorKind::InvalidUtf8 | ErrorKind::TooManyValues => l.pick(
            format!("Nieprawidłowa wartość opcji {arg}."),
            format!("Невалидна стойност на опцията {arg}."),
            format!("Invalid value for {arg}."),
        ),
        _ => l.pick(
            "Nieprawidłowe wywołanie.".to_owned(),
            "Грешно извикване.".to_owned(),
            "Invalid command line.".to_owned(),
        ),
    }
}

/// "For more, --help", in `l`.
pub(crate) fn more(l: Locale) -> &'static str {
    l.pick(
        "Więcej informacji: --help",
        "Повече информация: --help",
        "For more information: --help",
    )
}
