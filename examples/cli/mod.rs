//! What every example shares: the `--config`, `--preset`, `--locale` and
//! `--json` options, the command line in the reader's language, the exit
//! codes, the `--json` envelope, and printing that never panics.
//!
//! Exit codes: 0 when everything asked was accepted, 1 when a rule refused
//! something, 2 for a usage error, 3 for a bad input file or configuration.

#![allow(dead_code, reason = "each example uses a part of this module")]

pub(crate) mod envelope;
pub(crate) mod lang;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use edurules::{Locale, RulesConfig};
use serde_json::Value;

pub(crate) use lang::Help;

/// Everything asked was accepted.
pub(crate) const EXIT_ACCEPTED: u8 = 0;
/// A rule refused something (a password, a login, a submission, a pupil, a
/// delegation).
pub(crate) const EXIT_REFUSED: u8 = 1;
/// The command line is wrong.
pub(crate) const EXIT_USAGE: u8 = 2;
/// An input file or the configuration cannot be used.
pub(crate) const EXIT_INPUT: u8 = 3;

/// The options every example takes.
#[derive(Debug, clap::Args)]
pub(crate) struct Common {
    /// Read the rules from this TOML or JSON file (see
    /// docs/schema/edurules.schema.json) instead of a preset.
    #[arg(long, value_name = "FILE", global = true)]
    pub(crate) config: Option<PathBuf>,
    /// The preset used without --config.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "poland-sio",
        value_parser = RulesConfig::PRESETS,
        conflicts_with = "config",
        global = true
    )]
    pub(crate) preset: String,
    /// Language of everything printed [default: the configuration's locale].
    #[arg(long, value_name = "pl|bg|en", global = true, value_parser = locale)]
    pub(crate) locale: Option<Locale>,
    /// Print a JSON envelope instead of text.
    #[arg(long, global = true)]
    pub(crate) json: bool,
}

/// `--locale`: `pl`, `bg`, `en`, also `pl-PL` and any case.
fn locale(s: &str) -> Result<Locale, String> {
    s.parse::<Locale>()
        .map_err(|e| edurules::Error::from(e).message(lang::hint()))
}

impl Common {
    /// The configuration (the file's or the preset's) and the locale of the
    /// messages.
    pub(crate) fn load(&self) -> Result<(RulesConfig, Locale), edurules::Error> {
        let config = match &self.config {
            Some(path) => RulesConfig::from_path(path)?,
            None => RulesConfig::preset(&self.preset)?,
        };
        let locale = self.locale.unwrap_or(config.locale);
        Ok((config, locale))
    }
}

/// Parses the command line of an example, with clap's texts in the
/// locale found on it ([`lang::hint`]). A usage error is printed in that
/// locale (as a failure envelope with `--json`) and exits with code 2;
/// `--help` and `--version` print and exit with code 0.
pub(crate) fn parse<A: clap::Parser>(help: &Help) -> A {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let l = lang::hint();
    let json = argv.iter().any(|a| a == "--json");
    let command = lang::localize(A::command(), l, help);
    let parsed = command
        .try_get_matches_from(&argv)
        .and_then(|mut m| A::from_arg_matches_mut(&mut m));
    match parsed {
        Ok(args) => args,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                std::process::exit(i32::from(EXIT_ACCEPTED));
            }
            let message = lang::usage_message(&e, l);
            if json {
                let failure = envelope::Failure {
                    code: "examples.usage".to_owned(),
                    message: message.clone(),
                    details: vec![envelope::Detail {
                        reason: Some(e.kind().to_string()),
                        ..envelope::Detail::new(message.clone())
                    }],
                };
                print_json(&envelope::Envelope::Failure {
                    format: envelope::FORMAT_VERSION,
                    operation: envelope::operation(help.name),
                    error: failure,
                });
            }
            let usage = e
                .get(clap::error::ContextKind::Usage)
                .map(|u| format!("\n\n{u}"))
                .unwrap_or_default();
            let usage = usage.replace(
                "Usage:",
                &format!("{}:", l.pick("Użycie", "Употреба", "Usage")),
            );
            eprintln!("{message}{usage}\n\n{}", lang::more(l));
            std::process::exit(i32::from(EXIT_USAGE));
        }
    }
}

/// What an example prints: lines for a person, the same facts for a
/// machine, and whether a rule refused something.
#[derive(Debug, Default)]
pub(crate) struct Output {
    /// Lines for a person.
    pub(crate) lines: Vec<String>,
    /// The same facts for a machine.
    pub(crate) data: serde_json::Map<String, Value>,
    /// A rule refused something: exit code 1, `accepted: false`.
    pub(crate) refused: bool,
}

impl Output {
    /// Adds a line for a person.
    pub(crate) fn line(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    /// Adds a fact for a machine.
    pub(crate) fn data(&mut self, key: &str, value: impl serde::Serialize) {
        self.data.insert(
            key.to_owned(),
            serde_json::to_value(value).unwrap_or(Value::Null),
        );
    }

    /// Records that a rule refused something.
    pub(crate) fn refuse(&mut self) {
        self.refused = true;
    }
}

pub(crate) use envelope::json_text;

/// Writes to stdout, ignoring a closed pipe (`| head`) instead of panicking.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Prints `value` as sorted, pretty JSON and a newline.
fn print_json(value: &impl serde::Serialize) {
    match json_text(value) {
        Ok(text) => print(&format!("{text}\n")),
        Err(e) => eprintln!("{e}"),
    }
}

/// Why an example could not run: an error of the rules engine (its code,
/// its message in three languages) or an input the example cannot use.
#[derive(Debug)]
pub(crate) enum Failure {
    /// An error of `edurules`: the configuration, or an input the rules
    /// refuse to read.
    Rules(edurules::Error),
    /// A question with no sensible answer, or a value the rules do not
    /// know, found after parsing the command line: a usage error (exit 2).
    Usage {
        /// A stable code, `examples.…`.
        code: &'static str,
        /// The message in Polish, Bulgarian, English.
        texts: [String; 3],
    },
    /// An input the example cannot use (a file, the standard input).
    Input {
        /// A stable code, `examples.…`.
        code: &'static str,
        /// The message in Polish, Bulgarian, English.
        texts: [String; 3],
        /// A technical reason in English (the system's words), for logs.
        reason: Option<String>,
    },
}

impl From<edurules::Error> for Failure {
    fn from(e: edurules::Error) -> Self {
        Self::Rules(e)
    }
}

impl Failure {
    /// A file that cannot be read or parsed: the system's or the parser's
    /// English words go to `reason` (and the English message).
    pub(crate) fn file(path: &Path, e: impl std::fmt::Display) -> Self {
        let p = path.display().to_string();
        let reason = e.to_string();
        let [pl, bg, en] = Locale::ALL.map(|l| l.quote(&p));
        Self::Input {
            code: "examples.input_file",
            texts: [
                format!("Nie można użyć pliku {pl}: nie da się go odczytać albo ma zły format."),
                format!("Файлът {bg} не може да се използва: не се чете или е в грешен формат."),
                format!("Cannot use the file {en}: {}", edurules_quote_free(&reason)),
            ],
            reason: Some(reason),
        }
    }

    /// The standard input cannot be read.
    pub(crate) fn stdin(e: impl std::fmt::Display) -> Self {
        let reason = e.to_string();
        Self::Input {
            code: "examples.stdin",
            texts: [
                "Nie można odczytać wejścia standardowego.".to_owned(),
                "Стандартният вход не може да бъде прочетен.".to_owned(),
                format!(
                    "Cannot read the standard input: {}",
                    edurules_quote_free(&reason)
                ),
            ],
            reason: Some(reason),
        }
    }

    /// The stable code.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Self::Rules(e) => e.code(),
            Self::Input { code, .. } | Self::Usage { code, .. } => code,
        }
    }

    /// The message in `locale`.
    pub(crate) fn message(&self, locale: Locale) -> String {
        match self {
            Self::Rules(e) => e.message(locale),
            Self::Input { texts, .. } | Self::Usage { texts, .. } => {
                let [pl, bg, en] = texts;
                locale.pick(pl, bg, en).clone()
            }
        }
    }

    /// The details of the envelope: each configuration problem with its
    /// path, the technical reason.
    fn details(&self, locale: Locale) -> Vec<envelope::Detail> {
        match self {
            Self::Rules(edurules::Error::Config(edurules::ConfigError::Invalid { problems })) => {
                problems
                    .iter()
                    .map(|p| envelope::Detail {
                        code: Some(p.code.to_owned()),
                        path: Some(p.path.clone()),
                        ..envelope::Detail::new(p.message(locale))
                    })
                    .collect()
            }
            Self::Rules(edurules::Error::Config(edurules::ConfigError::Syntax {
                path,
                reason,
                ..
            })) => vec![envelope::Detail {
                path: (!path.is_empty()).then(|| path.clone()),
                reason: Some(reason.clone()),
                ..envelope::Detail::new(self.message(locale))
            }],
            Self::Input {
                reason: Some(reason),
                ..
            } => vec![envelope::Detail {
                reason: Some(reason.clone()),
                ..envelope::Detail::new(self.message(locale))
            }],
            _ => Vec::new(),
        }
    }
}

/// English text with its Markdown backticks turned into quotation marks.
fn edurules_quote_free(text: &str) -> String {
    let mut open = true;
    text.chars()
        .take(400)
        .map(|c| {
            if c == '`' {
                open = !open;
                if open { '”' } else { '“' }
            } else {
                c
            }
        })
        .collect()
}

/// Runs an example: prints its output as text or as the JSON envelope, or
/// its error (as text on stderr, and as a failure envelope on stdout with
/// `--json`), and exits 0 (accepted), 1 (refused) or 3 (bad input or
/// configuration).
pub(crate) fn run(
    help: &Help,
    common: &Common,
    body: impl FnOnce(&RulesConfig, Locale) -> Result<Output, Failure>,
) -> ExitCode {
    let mut locale = common.locale.unwrap_or_else(lang::hint);
    let result = common
        .load()
        .map_err(Failure::from)
        .and_then(|(config, l)| {
            locale = l;
            body(&config, l)
        });
    match result {
        Ok(output) => {
            if common.json {
                let mut result = output.data;
                result.insert("accepted".to_owned(), Value::Bool(!output.refused));
                print_json(&envelope::Envelope::Success {
                    format: envelope::FORMAT_VERSION,
                    operation: envelope::operation(help.name),
                    result: Value::Object(result),
                });
            } else {
                let mut text = output.lines.join("\n");
                text.push('\n');
                print(&text);
            }
            ExitCode::from(if output.refused {
                EXIT_REFUSED
            } else {
                EXIT_ACCEPTED
            })
        }
        Err(e) => fail(help, common.json, locale, &e),
    }
}

/// Reports a failure: as text on stderr, and as a failure envelope on
/// stdout with `--json`; exit code 2 for [`Failure::Usage`], 3 otherwise.
pub(crate) fn fail(help: &Help, json: bool, locale: Locale, e: &Failure) -> ExitCode {
    if json {
        print_json(&envelope::Envelope::Failure {
            format: envelope::FORMAT_VERSION,
            operation: envelope::operation(help.name),
            error: envelope::Failure {
                code: e.code().to_owned(),
                message: e.message(locale),
                details: e.details(locale),
            },
        });
    }
    eprintln!("{} [{}]", e.message(locale), e.code());
    ExitCode::from(if matches!(e, Failure::Usage { .. }) {
        EXIT_USAGE
    } else {
        EXIT_INPUT
    })
}

/// The start of a success envelope whose result is written by the caller,
/// streamed (`…"result":`), and its end (`,"status":"success"}`): the same
/// envelope as [`run`] prints, for results too large to hold.
pub(crate) fn streamed_envelope(help: &Help) -> (String, &'static str) {
    let operation = serde_json::to_string(&envelope::operation(help.name)).unwrap_or_default();
    (
        format!(
            "{{\n  \"format\": {},\n  \"operation\": {operation},\n  \"result\": ",
            envelope::FORMAT_VERSION
        ),
        ",\n  \"status\": \"success\"\n}\n",
    )
}

/// Parses a date written `YYYY-MM-DD`, with the error in the command
/// line's locale.
pub(crate) fn date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        let l = lang::hint();
        l.pick(
            "Oczekiwano daty w postaci RRRR-MM-DD.",
            "Очаква се дата във вида ГГГГ-ММ-ДД.",
            "Expected a date written YYYY-MM-DD.",
        )
        .to_owned()
    })
}
