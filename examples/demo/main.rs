//! A two-minute tour of edurules on a small fictional school, with no file,
//! network or database: `cargo run --example demo` prints a short report in
//! the configuration's language (`--locale` chooses another), and `--json`
//! prints the same facts as the examples' JSON envelope. `--preset` and
//! `--config` choose the rules every section runs under.

#[path = "../cli/mod.rs"]
mod cli;

mod absence;
mod accounts;
mod school;

use std::process::ExitCode;

use clap::Parser;
use edurules::{Locale, RulesConfig};
use serde_json::Value;

use cli::Help;

/// What `--help` says besides the options.
const HELP: Help = Help {
    name: "demo",
    about: [
        "Krótki przegląd edurules na fikcyjnej szkole: loginy, hasła, upoważnienia, terminy, nieobecności.",
        "Кратка обиколка на edurules във въображаемо училище: имена, пароли, пълномощия, срокове, отсъствия.",
        "A short tour of edurules on a fictional school: logins, passwords, delegation, deadlines, absences.",
    ],
    examples: &[
        "demo",
        "demo --locale en",
        "demo --preset bulgaria-isrm",
        "demo --json",
    ],
    refused: [
        "nigdy: przegląd kończy się kodem 0",
        "никога: обиколката завършва с код 0",
        "never: the tour exits 0",
    ],
    texts: &[],
};

/// A short tour of edurules on a fictional school.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    #[command(flatten)]
    common: cli::Common,
}

/// The widest line the demo prints.
const WIDTH: usize = 100;

/// One part of the report: a heading, lines for a person, and the same
/// facts for a machine under `key`.
pub(crate) struct Section {
    /// The key of the section in the JSON result.
    pub(crate) key: &'static str,
    /// The heading, in the report's language.
    pub(crate) title: String,
    /// What a person reads.
    pub(crate) lines: Vec<String>,
    /// The same facts for a machine.
    pub(crate) data: Value,
}

impl Section {
    /// An empty section.
    pub(crate) fn new(key: &'static str, title: &str) -> Self {
        Self {
            key,
            title: title.to_owned(),
            lines: Vec::new(),
            data: Value::Null,
        }
    }

    /// A section whose part of the configuration is absent.
    pub(crate) fn absent(key: &'static str, title: &str, l: Locale) -> Self {
        let mut s = Self::new(key, title);
        s.lines.push(
            l.pick(
                "Konfiguracja nie ma tej sekcji.",
                "Конфигурацията няма този раздел.",
                "The configuration has no such section.",
            )
            .to_owned(),
        );
        s
    }
}

/// `text` broken into lines of at most [`WIDTH`] characters, each after
/// `indent` spaces (the first) or `indent + 2` (the following).
fn wrap(text: &str, indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = " ".repeat(indent);
    let mut empty = true;
    for word in text.split_whitespace() {
        let len = line.chars().count() + 1 + word.chars().count();
        if !empty && len > WIDTH {
            lines.push(std::mem::replace(&mut line, " ".repeat(indent + 2)));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    if !empty {
        lines.push(line);
    }
    lines
}

fn report(config: &RulesConfig, l: Locale) -> cli::Output {
    let mut out = cli::Output::default();
    let name = l.quote(&config.name);
    let school = if config.locale == Locale::Bg {
        "131 СУ, София"
    } else {
        "Szkoła Podstawowa nr 7 w Opolu"
    };
    out.line(l.pick(
        format!("edurules: {school} (szkoła fikcyjna), reguły {name}"),
        format!("edurules: {school} (въображаемо училище), правила {name}"),
        format!("edurules: {school} (a fictional school), rules {name}"),
    ));
    for s in [
        accounts::login(config, l),
        accounts::password(config, l),
        school::delegation(config, l),
        school::deadline(config, l),
        absence::section(config, l),
    ] {
        out.line(String::new());
        out.line(s.title.clone());
        for line in &s.lines {
            for wrapped in wrap(line, 2) {
                out.line(wrapped);
            }
        }
        out.data(s.key, s.data);
    }
    out.data("configuration", &config.name);
    out
}

fn main() -> ExitCode {
    let args: Args = cli::parse(&HELP);
    cli::run(&HELP, &args.common, |config, locale| {
        Ok(report(config, locale))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_line_within_the_width() {
        let text = "słowo ".repeat(100);
        let lines = wrap(&text, 2);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= WIDTH));
    }
}
