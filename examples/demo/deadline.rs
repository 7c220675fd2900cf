//! The demo's `deadline` section: the sample school's pending SIO
//! submissions around Christmas 2025, with due dates, the version of art. 30
//! applied, the legal basis and the counting steps.

use crate::Section;
use chrono::NaiveDate;
use edurules::deadline::{Lateness, Locale, submission_deadline};
use serde_json::{Value, json};

/// One change the school has to report.
struct Change {
    what: &'static str,
    category: &'static str,
    changed_on: (i32, u32, u32),
    submitted_on: Option<(i32, u32, u32)>,
}

const CHANGES: &[Change] = &[
    Change {
        what: "school data changed (art. 8 pkt 1 lit. d)",
        category: "art. 8 pkt 1 lit. d",
        changed_on: (2025, 12, 19),
        submitted_on: Some((2026, 1, 2)),
    },
    Change {
        what: "teacher's data changed (art. 29 ust. 1 pkt 1 lit. i, not the promotion grade)",
        category: "art. 29 ust. 1 pkt 1 lit. i",
        changed_on: (2025, 12, 17),
        submitted_on: Some((2025, 12, 23)),
    },
    Change {
        what: "average teacher pay of the non-public branch (art. 8 pkt 1 lit. f)",
        category: "art. 8 pkt 1 lit. f",
        changed_on: (2025, 12, 12),
        submitted_on: None,
    },
    Change {
        what: "employment of non-teaching staff (art. 8 pkt 4)",
        category: "art. 8 pkt 4",
        changed_on: (2025, 12, 1),
        submitted_on: None,
    },
    Change {
        what: "teacher obtained the next promotion grade",
        category: "art. 29 ust. 1 pkt 1 lit. i [promotion]",
        changed_on: (2025, 12, 22),
        submitted_on: None,
    },
];

fn day((y, m, d): (i32, u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The section of the report about `edurules::deadline`.
pub(crate) fn section() -> Section {
    let mut lines = vec![
        "Pending SIO submissions (art. 30 of the SIO act; terms counted by art. 111 § 2 and 115 KC):".to_owned(),
    ];
    let mut items: Vec<Value> = Vec::new();
    for c in CHANGES {
        let Some(changed_on) = day(c.changed_on) else {
            lines.push(format!("- {}: invalid sample date", c.what));
            continue;
        };
        let submitted_on = c.submitted_on.and_then(day);
        match submission_deadline(c.category, changed_on) {
            Ok(d) => {
                let status = match submitted_on.map(|s| (s, d.lateness(s))) {
                    Some((s, Lateness::Late { days_late })) => {
                        format!("submitted {s}: LATE by {days_late} day(s)")
                    }
                    Some((s, _)) => format!("submitted {s}: on time"),
                    None => "not submitted yet".to_owned(),
                };
                lines.push(format!("- {}: due {} — {status}", c.what, d.due_date));
                lines.push(format!("    steps: {}", d.explain(Locale::En)));
                lines.push(format!(
                    "    version of art. 30: from {} ({})",
                    d.version_in_force_from, d.version_source
                ));
                lines.push(format!("    legal basis: {}", d.legal_basis(Locale::En)));
                lines.push(format!("    (pl) {}", d.explain(Locale::Pl)));
                items.push(json!({
                    "what": c.what,
                    "deadline": d,
                    "submitted_on": submitted_on,
                    "lateness": submitted_on.map(|s| d.lateness(s)),
                    "steps": d.explain(Locale::En),
                    "legal_basis": d.legal_basis(Locale::En),
                }));
            }
            Err(e) => {
                lines.push(format!(
                    "- {}: no due date — {}",
                    c.what,
                    e.message(Locale::En)
                ));
                lines.push(format!("    (pl) {}", e.message(Locale::Pl)));
                items.push(json!({
                    "what": c.what,
                    "category": c.category,
                    "changed_on": changed_on,
                    "error": { "code": e.code(), "message": e.message(Locale::En) },
                }));
            }
        }
    }
    Section {
        title: "deadline",
        lines,
        data: json!({ "submissions": items }),
    }
}
