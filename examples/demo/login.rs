//! The demo's `login` section: a teacher of the sample school consolidates
//! her legacy SIO logins (seed 001), new logins are generated for a Polish and
//! a Bulgarian name, a typed login is rejected with its reason in three
//! languages, and a PESEL is checked.

use crate::Section;
use edurules::login::{
    ConsolidationCase, LegacyAccount, Locale, Login, LoginGenerator, Pesel, normalize,
    plan_consolidation, skeleton_directory,
};
use serde_json::{Value, json};

/// The fictional teacher's legacy logins: one per school she reported for.
fn teacher_accounts() -> Vec<LegacyAccount> {
    vec![
        LegacyAccount::new("JANKOW1", true, ["SP7 Opole (RSPO 11111)"]),
        LegacyAccount::new("JanKow5", true, ["PM3 Opole (RSPO 22222)"]),
        LegacyAccount::new("JANKOW9", true, ["ZS1 Opole (RSPO 33333)"]),
        LegacyAccount::new("jankow2", false, ["SP2 Opole (RSPO 44444)"]),
    ]
}

/// Logins that already exist in the sample school's directory.
const EXISTING: &[&str] = &["LUKZOL1", "lukzol2", "LUKZOLI", "IVAPET1", "ANNNOW1"];

fn consolidation(lines: &mut Vec<String>) -> Value {
    let accounts = teacher_accounts();
    lines.push("Janina Kowalczyk (fictional teacher) holds these legacy SIO logins:".to_owned());
    for a in &accounts {
        let schools: Vec<&str> = a.entities.iter().map(String::as_str).collect();
        lines.push(format!(
            "  {:<8} {:<8} {}",
            a.login,
            if a.active { "active" } else { "inactive" },
            schools.join(", ")
        ));
    }
    let plan = plan_consolidation(&accounts);
    let rule = plan
        .case
        .rule()
        .map_or("none".to_owned(), |r| r.to_string());
    lines.push(format!(
        "Consolidation case (seed 001 rule {rule}): {}",
        plan.case.message(Locale::En)
    ));
    lines.push(format!("  PL: {}", plan.case.message(Locale::Pl)));
    lines.push(format!("  BG: {}", plan.case.message(Locale::Bg)));
    lines.push(format!(
        "Retired whatever she chooses: {}",
        plan.retire.join(", ")
    ));
    lines.push(format!(
        "Inactive, not counted: {}",
        plan.inactive.join(", ")
    ));
    for c in &plan.conflicts {
        lines.push(format!("Conflict: {}", c.message(Locale::En)));
    }
    let choice = match &plan.case {
        ConsolidationCase::ChooseCanonicalOverLegacy { candidates }
        | ConsolidationCase::ChooseAmongCanonical { candidates } => candidates.last().cloned(),
        ConsolidationCase::KeepUnchanged { login } => Some(login.clone()),
        _ => None,
    };
    let resolution = match choice.map(|c| plan.resolve(&c)) {
        Some(Ok(r)) => {
            lines.push(format!(
                "She logs in as {} and confirms: surviving {}, retired {}",
                r.surviving,
                r.surviving,
                r.retired.join(", ")
            ));
            let schools: Vec<&str> = r.entities.iter().map(String::as_str).collect();
            lines.push(format!(
                "{} now covers {} schools: {}",
                r.surviving,
                schools.len(),
                schools.join("; ")
            ));
            serde_json::to_value(&r).unwrap_or(Value::Null)
        }
        Some(Err(e)) => {
            lines.push(format!("cannot resolve the plan: {e}"));
            Value::Null
        }
        None => Value::Null,
    };
    json!({
        "accounts": serde_json::to_value(&accounts).unwrap_or(Value::Null),
        "plan": serde_json::to_value(&plan).unwrap_or(Value::Null),
        "resolution": resolution,
    })
}

fn generated(lines: &mut Vec<String>) -> Value {
    let directory = skeleton_directory(EXISTING);
    let generator = LoginGenerator::default();
    lines.push(format!(
        "Generated logins (default pattern 3+3 letters + number; directory: {})",
        EXISTING.join(", ")
    ));
    let mut out = Vec::new();
    for (given, surname) in [
        ("Łukasz", "Żółkiewski"),
        ("Иван", "Петров"),
        ("Мария", "Щерева"),
    ] {
        match generator.generate(given, surname, &directory) {
            Ok(login) => {
                lines.push(format!("  {given} {surname} -> {login}"));
                out.push(json!({ "given": given, "surname": surname, "login": login }));
            }
            Err(e) => {
                lines.push(format!("  {given} {surname} -> error {}: {e}", e.code()));
                out.push(json!({ "given": given, "surname": surname, "error": e.code() }));
            }
        }
    }
    Value::Array(out)
}

fn rejected(lines: &mut Vec<String>) -> Value {
    let typed = "JANKOW\u{0421}1"; // the C is CYRILLIC CAPITAL LETTER ES
    match normalize(typed) {
        Ok(login) => {
            lines.push(format!("Typed login {typed:?} accepted as {login}"));
            json!({ "input": typed, "login": login })
        }
        Err(e) => {
            lines.push(format!("Typed login {typed:?} rejected ({}):", e.code()));
            for (tag, locale) in [("PL", Locale::Pl), ("BG", Locale::Bg), ("EN", Locale::En)] {
                lines.push(format!("  {tag}: {}", e.message(locale)));
            }
            json!({
                "input": typed,
                "code": e.code(),
                "pl": e.message(Locale::Pl),
                "bg": e.message(Locale::Bg),
                "en": e.message(Locale::En),
            })
        }
    }
}

fn pesel(lines: &mut Vec<String>) -> Value {
    let mut out = Vec::new();
    for text in ["02270803624", "02270803625"] {
        match text.parse::<Pesel>() {
            Ok(p) => {
                lines.push(format!(
                    "PESEL {p}: valid, born {}, {:?}",
                    p.birth_date(),
                    p.sex()
                ));
                out.push(json!({ "pesel": text, "valid": true, "birth_date": p.birth_date(), "sex": p.sex() }));
            }
            Err(e) => {
                lines.push(format!("PESEL {text}: {e}"));
                out.push(json!({ "pesel": text, "valid": false, "code": e.code() }));
            }
        }
    }
    Value::Array(out)
}

/// The section of the report about `edurules::login`.
pub(crate) fn section() -> Section {
    let mut lines = Vec::new();
    let consolidation = consolidation(&mut lines);
    let generated = generated(&mut lines);
    let rejected = rejected(&mut lines);
    let pesel = pesel(&mut lines);
    let canonical: Result<Login, _> = "ＪａｎＫｏｗ１".parse();
    if let Ok(login) = &canonical {
        lines.push(format!(
            "Full-width \"ＪａｎＫｏｗ１\" normalizes (NFKC) to {login}"
        ));
    }
    Section {
        title: "login",
        lines,
        data: json!({
            "consolidation": consolidation,
            "generated": generated,
            "rejected": rejected,
            "pesel": pesel,
        }),
    }
}
