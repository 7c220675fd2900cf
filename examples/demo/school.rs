//! The demo's school: who may enter pupils' data, and by when a change must
//! reach the SIO database.

use chrono::NaiveDate;
use edurules::delegation::{EntityId, Event, Login, Permission, Registry};
use edurules::{Locale, RulesConfig};
use serde_json::json;

use crate::Section;

/// The school's log: the head, appointed until 31 August 2026, authorizes
/// the secretary Anna Nowak to enter pupils' data.
const LOG: &str = r#"[
  {"type": "appointment_recorded", "on": "2021-09-01", "appointment": {
     "id": "powierzenie-2021", "person": "jkowalski", "entity": "SP7",
     "from": "2021-09-01", "until": "2026-08-31"}},
  {"type": "request_filed", "request": {
     "id": "wniosek-anowak", "applicant": "anowak", "entity": "SP7",
     "personal_email": "anowak@poczta.example", "filed_on": "2025-09-01"}},
  {"type": "authorization_granted", "on": "2025-09-01", "authorization": {
     "id": "upow-anowak", "grantor": "jkowalski", "grantee": "anowak", "entity": "SP7",
     "permissions": ["sio:access", "pupils:read", "pupils:enter"],
     "valid_from": "2025-09-01", "valid_until": "2027-08-31",
     "document": "upoważnienie nr 1/2025", "request": "wniosek-anowak"}},
  {"type": "role_assigned", "person": "anowak", "entity": "SP7", "role": "secretariat",
   "by": "jkowalski", "on": "2025-09-01"}
]"#;

/// Delegation: the secretary may enter pupils' data while the head who
/// authorized her is in office, and not after.
pub(crate) fn delegation(config: &RulesConfig, l: Locale) -> Section {
    let title = l.pick("Upoważnienia", "Пълномощия", "Delegation");
    let Some(policy) = config.delegation.as_ref() else {
        return Section::absent("delegation", title, l);
    };
    let mut s = Section::new("delegation", title);
    let cl = l;
    let registry = Event::log_from_json(LOG).and_then(|log| Registry::replay(policy.clone(), log));
    let (Ok(registry), Ok(who), Ok(what), Ok(sp7)) = (
        registry,
        Login::new("anowak"),
        Permission::parse("pupils:enter"),
        EntityId::new("SP7"),
    ) else {
        s.lines.push(
            l.pick(
                "Przykład nie działa z tymi zasadami.",
                "Примерът не работи с тези правила.",
                "The sample does not run under these rules.",
            )
            .to_owned(),
        );
        return s;
    };
    let mut answers = Vec::new();
    for day in [(2026, 3, 3), (2027, 9, 1)] {
        let date = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap_or_default();
        let decision = registry.decide(&who, &what, &sp7, date);
        let answer = if decision.is_allowed() {
            l.pick("tak", "да", "yes")
        } else {
            l.pick("nie", "не", "no")
        };
        let on = l.date(date);
        s.lines.push(l.pick(
            format!("Czy Anna Nowak może wprowadzać dane uczniów {on}? {answer}"),
            format!("Може ли Анна Новак да въвежда данни за ученици на {on}? {answer}"),
            format!("May Anna Nowak enter pupils' data on {on}? {answer}"),
        ));
        if !decision.is_allowed() {
            for reason in decision.explain(cl).iter().skip(1) {
                s.lines.push(format!("  {reason}"));
            }
        }
        answers.push(json!({ "date": date, "allowed": decision.is_allowed() }));
    }
    s.data = json!({ "person": "anowak", "permission": "pupils:enter", "entity": "SP7", "answers": answers });
    s
}

/// Deadlines: a change of a pupil's data just before Christmas.
pub(crate) fn deadline(config: &RulesConfig, l: Locale) -> Section {
    let title = l.pick(
        "Terminy (Polska, SIO)",
        "Срокове (Полша, SIO)",
        "Deadlines (Poland, SIO)",
    );
    let Some(rules) = config.deadline.as_ref().and_then(|d| d.rules().ok()) else {
        return Section::absent("deadline", title, l);
    };
    let mut s = Section::new("deadline", title);
    let cl = l;
    let changed = NaiveDate::from_ymd_opt(2025, 12, 19).unwrap_or_default();
    match rules.deadline("art. 8 pkt 1 lit. d", changed) {
        Ok(d) => {
            let (on, due) = (l.date(changed), l.date(d.due_date));
            s.lines.push(l.pick(
                format!("Dane ucznia zmienione {on} trzeba przekazać do {due}"),
                format!("Данни за ученик, променени на {on}, се подават до {due}"),
                format!("A pupil's data changed on {on} must be sent by {due}"),
            ));
            s.lines.push(format!("  {}", d.explain(cl)));
            s.lines.push(format!("  {}", d.legal_basis(cl)));
            s.data = json!({ "change_date": changed, "due_date": d.due_date });
        }
        Err(e) => s.lines.push(e.message(cl)),
    }
    s
}
