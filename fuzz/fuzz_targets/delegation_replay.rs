#![no_main]
//! Fuzz target `delegation_replay`: an event log as JSON → replay → decide, never panics; every
//! `Allowed` carries a chain whose links are each valid at the asked date, and still allows on
//! the chain's earliest last day (the limit for a cached answer); under `Cascade` the chain is
//! rooted in an appointment in force; the accepted log round-trips through JSON
//! and replays without refusals; everyone `who_may` lists is allowed by `decide`.
//!
//! Input: byte 0 picks the policy (even: `Survive`, odd: `Cascade`), bytes 1–2 a day offset for
//! an extra query date, the rest is the log (a JSON array of events).

use chrono::{Days, NaiveDate};
use edurules_delegation::{
    Decision, DerivedGrantPolicy, EntityId, Event, Link, Login, Policy, Registry,
};
use libfuzzer_sys::fuzz_target;

fn valid_at(link: &Link, t: NaiveDate) -> bool {
    match link {
        Link::Appointment { from, last_day, .. } => *from <= t && t <= *last_day,
        Link::Authorization {
            valid_from,
            last_day,
            ..
        } => *valid_from <= t && t <= *last_day,
        Link::Role {
            assigned_on,
            last_day,
            ..
        } => *assigned_on <= t && last_day.is_none_or(|l| t <= l),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let [mode, a, b, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let Ok(events) = Event::log_from_json(text) else {
        return;
    };
    if events.len() > 64 {
        return;
    }
    let cascade = mode % 2 == 1;
    let policy = Policy::sio().with_derived_grants(if cascade {
        DerivedGrantPolicy::Cascade
    } else {
        DerivedGrantPolicy::Survive
    });
    let Ok(reg) = Registry::replay(policy.clone(), events.clone()) else {
        return;
    };

    // The accepted log is data: serialized and replayed, it is accepted whole and gives the
    // same records.
    let Ok(text) = serde_json::to_string(reg.log()) else {
        return;
    };
    match Event::log_from_json(&text).and_then(|log| Registry::replay(policy, log)) {
        Ok(again) => {
            assert!(
                again.rejected().is_empty(),
                "the accepted log replays without refusals"
            );
            assert_eq!(again.log(), reg.log());
            assert_eq!(again.authorizations().count(), reg.authorizations().count());
        }
        Err(e) => panic!("the accepted log does not replay: {e}"),
    }

    // Who and where: everyone and everything the log names; when: every event date, the day
    // before and after, and one date from the input.
    let mut people: Vec<Login> = Vec::new();
    let mut entities: Vec<EntityId> = Vec::new();
    let mut dates: Vec<NaiveDate> = Vec::new();
    let extra = NaiveDate::from_ymd_opt(2025, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(u16::from_le_bytes([*a, *b])))));
    dates.extend(extra);
    for e in &events {
        let on = e.date();
        dates.push(on);
        dates.extend(on.pred_opt());
        dates.extend(on.succ_opt());
        match e {
            Event::AppointmentRecorded { appointment, .. } => {
                people.push(appointment.person.clone());
                entities.push(appointment.entity.clone());
                dates.push(appointment.until);
                dates.extend(appointment.until.succ_opt());
            }
            Event::AuthorizationGranted { authorization, .. } => {
                people.push(authorization.grantee.clone());
                entities.push(authorization.entity.clone());
                dates.push(authorization.valid_until);
                dates.extend(authorization.valid_until.succ_opt());
            }
            _ => {}
        }
    }
    people.sort();
    people.dedup();
    entities.sort();
    entities.dedup();
    dates.sort();
    dates.dedup();
    let permissions = reg.policy().permissions.clone();
    for who in people.iter().take(8) {
        for entity in entities.iter().take(4) {
            for t in dates.iter().take(24) {
                for p in &permissions {
                    if let Decision::Allowed { chain } = reg.decide(who, p, entity, *t) {
                        assert!(!chain.links.is_empty(), "allowed without a chain");
                        for link in &chain.links {
                            assert!(valid_at(link, *t), "link {link:?} not valid at {t}");
                        }
                        if cascade {
                            assert!(
                                matches!(chain.links.first(), Some(Link::Appointment { .. })),
                                "cascade chain not rooted in an appointment"
                            );
                        }
                        // A cached answer may be served through the chain's earliest end.
                        if let Some(until) = chain.valid_through() {
                            assert!(until >= *t, "chain ends before the asked date");
                            assert!(
                                reg.decide(who, p, entity, until).is_allowed(),
                                "allowed on {t}, cached to {until}, denied then"
                            );
                        }
                    }
                }
            }
        }
    }
    if let (Some(p), Some(e), Some(t)) = (permissions.first(), entities.first(), dates.first()) {
        for (who, _) in reg.who_may(p, e, *t) {
            assert!(reg.decide(&who, p, e, *t).is_allowed());
        }
    }
    if let (Some(who), Some(t)) = (people.first(), dates.last()) {
        let _ = reg.what_may(who, *t);
    }
});
