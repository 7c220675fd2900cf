//! The demo's `password` section: the Opole school portal's password rules
//! (`edurules::password`) on a fictional teacher of Szkoła Podstawowa nr 7.

use crate::Section;
use chrono::{DateTime, Duration, TimeZone, Utc};
use edurules::password::{
    AccountState, HashParams, Locale, Password, PasswordError, PasswordPolicy, UserContext,
    change_password, check, issue_account, status,
};
use serde_json::{Value, json};

/// The section of the report about `edurules::password`.
pub(crate) fn section() -> Section {
    let mut lines = Vec::new();
    let mut data = serde_json::Map::new();

    // The seed policy exactly, except the hashing cost (see the line below).
    let mut policy = PasswordPolicy::opolska_eszkola();
    policy.hashing = HashParams::INSECURE_FAST;
    lines.push(
        "Policy: Opolska eSzkoła (seed 004): >= 8 characters, upper AND lower AND (digit OR special), \
         change every 60 days, differ from the last 4, change at first login."
            .to_owned(),
    );
    lines.push(
        "NOTE: this demo hashes with cheap argon2id parameters (m=256 KiB, t=1, p=1) so it runs fast in \
         debug builds; production keeps the preset's OWASP parameters (m=19456 KiB, t=2, p=1)."
            .to_owned(),
    );

    let user = UserContext::default()
        .with_login("anowak")
        .with_name("Anna Nowak")
        .with_email("anna.nowak@sp7.opole.example")
        .with_extra_word("Opole");

    // 1. A rejected password with all its violations in three languages.
    let candidate = Password::new("nowak");
    lines.push("Candidate `nowak` (5 characters) for teacher Anna Nowak:".to_owned());
    match check(&policy, &candidate, &user) {
        Ok(()) => lines.push("  unexpectedly accepted".to_owned()),
        Err(violations) => {
            for v in &violations {
                lines.push(format!("  [{}]", v.code()));
                for (tag, locale) in [("pl", Locale::Pl), ("bg", Locale::Bg), ("en", Locale::En)] {
                    lines.push(format!("    {tag}: {}", v.message(locale)));
                }
            }
            data.insert("rejected_violations".into(), json!(violations));
        }
    }

    // 2. An account issued on 1 September 2026, changed at the first login.
    let Some(t0) = Utc.with_ymd_and_hms(2026, 9, 1, 8, 0, 0).single() else {
        lines.push("error: cannot build the demo date".to_owned());
        return finish(lines, data);
    };
    let state = match first_change(&policy, &user, t0, &mut lines) {
        Ok(state) => state,
        Err(e) => {
            lines.push(format!("error: {}", e.message(Locale::En)));
            return finish(lines, data);
        }
    };
    data.insert("changed_at".into(), json!(state.changed_at));
    data.insert("history_len".into(), json!(state.previous.len()));

    // 3. Reusing the previous password is refused (it is the 2nd most recent).
    let changed_at = state.changed_at;
    let later = changed_at + Duration::days(30);
    match change_password(
        &policy,
        &state,
        &Password::new("Kreda-Tablica-7"),
        &Password::new("Start-2026"),
        &user,
        later,
    ) {
        Ok(_) => lines.push("Reuse of `Start-2026`: unexpectedly accepted".to_owned()),
        Err(e) => {
            lines.push(format!(
                "Reuse of the initial password on day 30: [{}] {}",
                e.code(),
                e.message(Locale::En)
            ));
            data.insert("reuse_error".into(), json!(e.code()));
        }
    }

    // 4. Rotation status for fixed instants, counted from the change.
    let mut statuses = Vec::new();
    for day in [10, 55, 59, 60] {
        let now = changed_at + Duration::days(day);
        let s = status(&policy, &state, now);
        lines.push(format!(
            "Status on day {day} after the change ({}):",
            now.format("%Y-%m-%d %H:%M UTC")
        ));
        for (tag, locale) in [("pl", Locale::Pl), ("bg", Locale::Bg), ("en", Locale::En)] {
            lines.push(format!("    {tag}: {}", s.message(locale)));
        }
        statuses.push(json!({ "day": day, "now": now, "status": s }));
    }
    data.insert("statuses".into(), Value::Array(statuses));
    finish(lines, data)
}

/// Issues the account and makes the first-login change; reports each step.
fn first_change(
    policy: &PasswordPolicy,
    user: &UserContext,
    t0: DateTime<Utc>,
    lines: &mut Vec<String>,
) -> Result<AccountState, PasswordError> {
    let issued = issue_account(policy, &Password::new("Start-2026"), t0)?;
    lines.push(format!(
        "Account issued {}: {}",
        t0.format("%Y-%m-%d %H:%M UTC"),
        status(policy, &issued, t0).message(Locale::En)
    ));
    let at = t0 + Duration::minutes(5);
    let changed = change_password(
        policy,
        &issued,
        &Password::new("Start-2026"),
        &Password::new("Kreda-Tablica-7"),
        user,
        at,
    )?;
    let phc = changed.current.phc();
    let params_part: String = phc.split('$').take(4).collect::<Vec<_>>().join("$");
    lines.push(format!(
        "Accepted change to `Kreda-Tablica-7` at {}: stored `{params_part}$…`, {} earlier hash kept, \
         first-login flag cleared: {}",
        at.format("%H:%M UTC"),
        changed.previous.len(),
        changed.must_change.is_none()
    ));
    Ok(changed)
}

fn finish(lines: Vec<String>, data: serde_json::Map<String, Value>) -> Section {
    Section {
        title: "password",
        lines,
        data: Value::Object(data),
    }
}
