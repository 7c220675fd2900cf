//! A tour of edurules on a small fictional school, with no file, network or
//! database: `cargo run --example demo` prints a readable report, and
//! `cargo run --example demo -- --json` prints the same report as JSON.

mod absence;
mod deadline;
mod delegation;
mod login;
mod password;

use serde_json::{Value, json};

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

fn sections() -> Vec<Section> {
    vec![
        Section {
            title: "School",
            lines: vec![
                "Szkoła Podstawowa nr 7 w Opolu (fictional), school year 2025/2026".to_owned(),
            ],
            data: json!({ "name": "Szkoła Podstawowa nr 7 w Opolu", "school_year": "2025/2026" }),
        },
        login::section(),
        password::section(),
        delegation::section(),
        deadline::section(),
        absence::section(),
    ]
}

fn main() {
    let json_output = std::env::args().skip(1).any(|a| a == "--json");
    let sections = sections();
    if json_output {
        let report: serde_json::Map<String, Value> = sections
            .into_iter()
            .map(|s| (s.title.to_lowercase().replace(' ', "_"), s.data))
            .collect();
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: cannot print the report as JSON: {e}");
                std::process::exit(1);
            }
        }
    } else {
        println!("edurules demo");
        for s in sections {
            println!("\n== {} ==", s.title);
            for line in s.lines {
                println!("  {line}");
            }
        }
    }
}
