//! The example programs as tools: exit codes a script can branch on, one
//! `--json` envelope (validated against its committed schema, the same
//! shape as the C ABI's), and output in the chosen language.
//!
//! The examples are run as built by cargo: `cargo test` builds every example
//! before it runs the tests (into `target/debug/examples/`), so CI's
//! `cargo test --workspace` exercises them. Running only this test target
//! (`--test lib`) does not build them: then build them first with
//! `cargo build --examples`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::envelope;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built example `name`, next to this test's own binary.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    let path = dir.join("examples").join(name);
    assert!(
        path.is_file(),
        "{} is not built: run `cargo build --examples` (or `cargo test`, which builds them)",
        path.display()
    );
    path
}

/// Runs an example with `args` and `stdin`.
fn run(name: &str, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(example(name))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const EXAMPLES: [&str; 6] = [
    "demo",
    "login",
    "password",
    "delegation",
    "deadline",
    "absence_report",
];

const SCHEMA: &str = "docs/schema/examples-envelope.schema.json";

/// The committed schema of the envelope.
fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(SCHEMA)).unwrap()).unwrap()
}

#[test]
fn committed_envelope_schema_is_up_to_date() {
    let generated = format!(
        "{}\n",
        serde_json::to_string_pretty(&envelope::schema()).unwrap()
    );
    let path = root().join(SCHEMA);
    if std::env::var_os("EDURULES_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA} is out of date; regenerate it with\n    \
         EDURULES_BLESS=1 cargo test -p edurules --test lib committed_envelope\nand commit it"
    );
}

/// `value` without the keys that only document (`description`, `title`).
fn structure(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "description" | "title"))
                .map(|(k, v)| (k.clone(), structure(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(structure).collect()),
        other => other.clone(),
    }
}

#[test]
fn the_envelope_is_the_ffi_envelope() {
    let ffi: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/schema/ffi/envelope.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(structure(&schema()), structure(&ffi));
}

/// Validates `stdout` as one envelope and returns it.
fn envelope_of(name: &str, args: &[&str], o: &Output) -> Value {
    let out = text(&o.stdout);
    let value: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("{name} {args:?}: not JSON ({e}):\n{out}"));
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{name} {args:?}: {errors:#?}\n{out}");
    assert_eq!(value["operation"], format!("examples.{name}@1"));
    value
}

#[test]
fn every_example_accepts_its_samples_with_code_0_and_a_valid_envelope() {
    for name in EXAMPLES {
        let o = run(name, &[], "");
        assert_eq!(code(&o), 0, "{name}: {}", text(&o.stderr));
        for preset in ["poland-sio", "bulgaria-isrm"] {
            let args = ["--json", "--preset", preset];
            let o = run(name, &args, "");
            assert_eq!(code(&o), 0, "{name} {args:?}: {}", text(&o.stderr));
            let v = envelope_of(name, &args, &o);
            assert_eq!(v["status"], "success");
            assert_eq!(v["result"]["accepted"], true);
        }
    }
}

#[test]
fn a_refusal_exits_1_and_says_so_in_the_envelope() {
    let cases: [(&str, &[&str], &str); 5] = [
        ("password", &["--json"], "kot\n"),
        ("login", &["--json", "normalize", "Łukasz1"], ""),
        ("login", &["--json", "classify", "JAN KOW"], ""),
        (
            "deadline",
            &[
                "--json",
                "due",
                "art. 8 pkt 1 lit. d",
                "2025-12-19",
                "--submitted",
                "2026-01-12",
            ],
            "",
        ),
        (
            "delegation",
            &[
                "--json",
                "decide",
                "ewisniewska",
                "pupils:read",
                "SP7",
                "2026-03-03",
            ],
            "",
        ),
    ];
    for (name, args, stdin) in cases {
        let o = run(name, args, stdin);
        assert_eq!(code(&o), 1, "{name} {args:?}: {}", text(&o.stderr));
        let v = envelope_of(name, args, &o);
        assert_eq!(v["status"], "success");
        assert_eq!(v["result"]["accepted"], false, "{name} {args:?}");
        // The same without --json: the same code.
        let plain: Vec<&str> = args.iter().copied().filter(|a| *a != "--json").collect();
        assert_eq!(code(&run(name, &plain, stdin)), 1, "{name} {plain:?}");
    }
    let o = run("password", &[], "Kreda-Tablica-7\n");
    assert_eq!(code(&o), 0, "{}", text(&o.stdout));
}

#[test]
fn a_flagged_pupil_of_given_files_exits_1() {
    let dir = std::env::temp_dir().join(format!("edurules-examples-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (records, roster) = (dir.join("records.csv"), dir.join("roster.csv"));
    std::fs::write(
        &records,
        "pupil_id,date,hours,kind\n1,2018-03-01,131,excused\n",
    )
    .unwrap();
    std::fs::write(&roster, "pupil_id,school_id,level\n1,SU-1,school\n").unwrap();
    let files = [records.to_str().unwrap(), roster.to_str().unwrap()];
    let args = [files[0], files[1], "--preset", "bulgaria-isrm", "--json"];
    let o = run("absence_report", &args, "");
    assert_eq!(code(&o), 1, "{}", text(&o.stderr));
    let v = envelope_of("absence_report", &args, &o);
    assert_eq!(v["result"]["accepted"], false);
    // As `Report`'s JSON: the selection that grounds no signal under art. 347 ЗПУО.
    assert_eq!(v["result"]["silent_rules"][0], "bg.isrm.total", "{v}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2_in_the_chosen_language() {
    for name in EXAMPLES {
        let o = run(name, &["--no-such-option", "--locale", "pl"], "");
        assert_eq!(code(&o), 2, "{name}");
        let err = text(&o.stderr);
        assert!(
            err.contains("Nieznana opcja „--no-such-option”"),
            "{name}: {err}"
        );
        let o = run(
            name,
            &["--preset", "atlantis", "--locale", "bg", "--json"],
            "",
        );
        assert_eq!(code(&o), 2, "{name}");
        assert!(text(&o.stderr).contains("Недопустима стойност"), "{name}");
        let v = envelope_of(name, &["--json"], &o);
        assert_eq!(v["status"], "failure");
        assert_eq!(v["error"]["code"], "examples.usage");
    }
}

#[test]
fn bad_configuration_files_exit_3_with_a_failure_envelope() {
    let dir = std::env::temp_dir().join(format!("edurules-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "colour = 1\n").unwrap();
    let missing = dir.join("missing.toml");
    for name in EXAMPLES {
        for path in [&bad, &missing] {
            let args = [
                "--config",
                path.to_str().unwrap(),
                "--json",
                "--locale",
                "pl",
            ];
            let o = run(name, &args, "");
            assert_eq!(code(&o), 3, "{name} {args:?}");
            let v = envelope_of(name, &args, &o);
            assert_eq!(v["status"], "failure");
            let message = v["error"]["message"].as_str().unwrap();
            assert!(
                edurules::lint::problems(edurules::Locale::Pl, message).is_empty(),
                "{message}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn help_documents_the_exit_codes_in_each_language() {
    for name in EXAMPLES {
        for (locale, heading) in [
            ("pl", "Kody wyjścia"),
            ("bg", "Кодове на изход"),
            ("en", "Exit codes"),
        ] {
            let o = run(name, &["--help", "--locale", locale], "");
            assert_eq!(code(&o), 0, "{name}");
            let help = text(&o.stdout);
            assert!(help.contains(heading), "{name} {locale}: {help}");
            assert!(
                help.contains("docs/schema/examples-envelope.schema.json"),
                "{name}"
            );
            if locale != "en" {
                for english in [
                    "Usage",
                    "Options",
                    "Commands",
                    "[default",
                    "possible values",
                    "Print help",
                ] {
                    assert!(
                        !help.contains(english),
                        "{name} {locale}: {english}\n{help}"
                    );
                }
            }
        }
    }
}

#[test]
fn subcommand_help_is_in_the_chosen_language() {
    let o = run("login", &["normalize", "--help", "--locale", "bg"], "");
    assert_eq!(code(&o), 0);
    let help = text(&o.stdout);
    assert!(
        help.contains("Употреба") && help.contains("Имената, както са въведени"),
        "{help}"
    );
    assert!(
        !help.contains("Usage") && !help.contains("logins as typed"),
        "{help}"
    );
}

#[test]
fn the_demo_is_short_in_one_language_and_fits_a_terminal() {
    let mut headings = Vec::new();
    for locale in ["pl", "bg", "en"] {
        let o = run("demo", &["--locale", locale], "");
        assert_eq!(code(&o), 0);
        let out = text(&o.stdout);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() <= 50, "{locale}: {} lines", lines.len());
        for line in &lines {
            assert!(line.chars().count() <= 100, "{locale}: too wide: {line}");
        }
        assert!(!out.contains("seed"), "{locale}: internal jargon");
        // Each legal citation once (Bulgarian cites an article as "чл.").
        let article = if locale == "bg" {
            "чл. 30 "
        } else {
            "art. 30 "
        };
        assert_eq!(out.matches(article).count(), 1, "{locale}:\n{out}");
        headings.push(lines.first().copied().unwrap_or_default().to_owned());
    }
    assert_ne!(headings[0], headings[1]);
    assert_ne!(headings[1], headings[2]);
    // The Polish sample flags one pupil of three (11 of 22 days of classes; 10 of 21 is not
    // half): the rule counts days, and so does the sample.
    let o = run("demo", &["--json"], "");
    let v = envelope_of("demo", &["--json"], &o);
    assert_eq!(
        v["result"]["absence"]["flagged"],
        serde_json::json!([{"pupil": 1, "rule": "pl.obowiazek.50"}])
    );
}

#[test]
fn the_deadline_example_names_the_country_of_its_holidays() {
    for (locale, country) in [("pl", "w Polsce"), ("bg", "в Полша"), ("en", "in Poland")] {
        let o = run("deadline", &["holidays", "2026", "--locale", locale], "");
        assert!(text(&o.stdout).contains(country), "{locale}");
    }
    let o = run("deadline", &["--json", "holidays", "2026"], "");
    assert_eq!(
        envelope_of("deadline", &[], &o)["result"]["holidays"]["country"],
        "PL"
    );
}

#[test]
fn questions_with_no_sensible_answer_are_usage_errors() {
    let o = run(
        "deadline",
        &[
            "due",
            "art. 8 pkt 1 lit. d",
            "2025-12-19",
            "--submitted",
            "2025-12-01",
            "--json",
        ],
        "",
    );
    assert_eq!(code(&o), 2, "{}", text(&o.stdout));
    let v = envelope_of("deadline", &[], &o);
    assert_eq!(v["error"]["code"], "examples.submitted_before_change");
    let o = run("absence_report", &["--issued", "2017-01-01", "--json"], "");
    assert_eq!(code(&o), 2, "{}", text(&o.stdout));
    let v = envelope_of("absence_report", &[], &o);
    assert_eq!(v["error"]["code"], "examples.issued_before_window");
    let o = run("absence_report", &["--issued", "2018-03-01", "--json"], "");
    assert_eq!(code(&o), 2, "{}", text(&o.stdout));
    let v = envelope_of("absence_report", &[], &o);
    assert_eq!(v["error"]["code"], "examples.issued_before_window_end");
    let o = run(
        "absence_report",
        &[
            "--window",
            "2017-09-15",
            "2018-03-01",
            "--issued",
            "2018-03-01",
            "--json",
        ],
        "",
    );
    assert_eq!(code(&o), 0, "{}", text(&o.stdout));
}

#[test]
fn a_deadline_category_is_found_whatever_its_case_and_spacing() {
    let o = run(
        "deadline",
        &["--json", "due", "ART.8 pkt 1  lit.D", "2025-12-19"],
        "",
    );
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let v = envelope_of("deadline", &[], &o);
    assert_eq!(
        v["result"]["due"]["deadline"]["category"],
        "art. 8 pkt 1 lit. d"
    );
    let o = run(
        "deadline",
        &["due", "art 9", "2025-12-19", "--locale", "en"],
        "",
    );
    assert_eq!(code(&o), 2);
    let err = text(&o.stderr);
    assert!(err.contains("“art. 8 pkt 1 lit. d”"), "{err}");
}
