//! The demo's `delegation` section: who may act for Szkoła Podstawowa nr 7 in the SIO database
//! and its e-register (`edurules::delegation`), with explanations, and the year-end change of
//! director under both policies for derived grants.

use crate::Section;
use chrono::NaiveDate;
use edurules::delegation::{
    AccessRequest, Appointment, AppointmentId, Authorization, AuthorizationId, Decision,
    DelegationError, DerivedGrantPolicy, DocumentRef, EntityId, Event, Locale, Login, Permission,
    Policy, Registry, RequestId, RoleName,
};
use serde_json::{Value, json};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The school's log: director Jan Kowalski (appointment to 31 August 2026) authorizes the
/// secretary Anna Nowak until 31 August 2027 and the teacher Ewa Wiśniewska until 28 February
/// 2026, and gives them roles.
fn school_log() -> Result<Vec<Event>, DelegationError> {
    let sp7 = EntityId::new("SP7-Opole")?;
    let dyr = Login::new("jkowalski")?;
    let mut events = vec![Event::AppointmentRecorded {
        appointment: Appointment::new(
            AppointmentId::new("powierzenie-2021")?,
            dyr.clone(),
            sp7.clone(),
            day(2021, 9, 1),
            day(2026, 8, 31),
        ),
        on: day(2021, 9, 1),
    }];
    let staff = [
        (
            "anowak",
            "secretariat",
            &["sio:access", "pupils:read", "pupils:enter"][..],
            day(2027, 8, 31),
        ),
        (
            "ewisniewska",
            "teacher",
            &["pupils:read"][..],
            day(2026, 2, 28),
        ),
    ];
    for (i, (who, role, perms, until)) in staff.into_iter().enumerate() {
        let person = Login::new(who)?;
        let req = RequestId::new(format!("wniosek-{who}"))?;
        events.push(Event::RequestFiled {
            request: AccessRequest::new(
                req.clone(),
                person.clone(),
                sp7.clone(),
                format!("{who}@poczta.example"),
                day(2025, 9, 1),
            ),
        });
        events.push(Event::AuthorizationGranted {
            authorization: Authorization::new(
                AuthorizationId::new(format!("upow-{who}"))?,
                dyr.clone(),
                person.clone(),
                sp7.clone(),
                perms
                    .iter()
                    .map(|p| Permission::parse(p))
                    .collect::<Result<_, _>>()?,
                day(2025, 9, 1),
                until,
            )
            .with_document(DocumentRef::new(format!("upoważnienie nr {}/2025", i + 1))?)
            .with_request(req),
            on: day(2025, 9, 1),
        });
        events.push(Event::RoleAssigned {
            person,
            entity: sp7.clone(),
            role: RoleName::new(role)?,
            by: dyr.clone(),
            on: day(2025, 9, 1),
        });
    }
    Ok(events)
}

fn describe(decision: &Decision) -> Vec<String> {
    let mut out = decision.explain(Locale::En);
    if let Some(first) = out.first_mut() {
        *first = first.to_uppercase();
    }
    out.into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l } else { format!("    {l}") })
        .collect()
}

fn run(
    lines: &mut Vec<String>,
    data: &mut serde_json::Map<String, Value>,
) -> Result<(), DelegationError> {
    let sp7 = EntityId::new("SP7-Opole")?;
    let anna = Login::new("anowak")?;
    let ewa = Login::new("ewisniewska")?;
    let enter = Permission::parse("pupils:enter")?;
    let read = Permission::parse("pupils:read")?;
    let policy = Policy::sio().with_institution_domains(["sp7.opole.pl"]);
    let reg = Registry::replay(policy.clone(), school_log()?)?;
    lines.push(format!(
        "Policy: SIO preset (depth {}, at most {} months, extension window {} months, derived grants {:?}).",
        policy.max_depth, policy.max_validity_months, policy.extension_window_months, policy.derived_grants
    ));

    // 1. An allowed decision with its chain.
    let at = day(2026, 3, 3);
    let allowed = reg.decide(&anna, &enter, &sp7, at);
    lines.push(format!("May anowak enter pupils' data in SP7 on {at}?"));
    lines.extend(describe(&allowed));
    data.insert("allowed".into(), json!(allowed));

    // 2. A denial with its reason: an expired authorization.
    let denied = reg.decide(&ewa, &read, &sp7, at);
    lines.push(format!("May ewisniewska read pupils' data on {at}?"));
    lines.extend(describe(&denied));
    if let Decision::Denied { reasons } = &denied
        && let Some(r) = reasons.first()
    {
        lines.push(format!("    (pl) {}", r.message(Locale::Pl)));
    }
    data.insert("denied".into(), json!(denied));

    // 3. The year-end change of director, under both policies.
    lines.push(
        "Year end: jkowalski's appointment ends 31 August 2026; mbak heads SP7 from 1 September."
            .into(),
    );
    let mut year_end = serde_json::Map::new();
    for mode in [DerivedGrantPolicy::Survive, DerivedGrantPolicy::Cascade] {
        let mut reg = Registry::replay(policy.clone().with_derived_grants(mode), school_log()?)?;
        let nowa = Login::new("mbak")?;
        reg.apply(Event::AppointmentRecorded {
            appointment: Appointment::new(
                AppointmentId::new("powierzenie-2026")?,
                nowa.clone(),
                sp7.clone(),
                day(2026, 9, 1),
                day(2031, 8, 31),
            ),
            on: day(2026, 9, 1),
        })?;
        let sept1 = reg.decide(&anna, &enter, &sp7, day(2026, 9, 1));
        lines.push(format!(
            "  {mode:?}: may anowak enter pupils' data on 2026-09-01?"
        ));
        lines.extend(describe(&sept1).into_iter().map(|l| format!("    {l}")));
        let regrant_on = if mode == DerivedGrantPolicy::Survive {
            reg.apply(Event::AuthorizationRevoked {
                id: AuthorizationId::new("upow-anowak")?,
                by: nowa.clone(),
                on: day(2026, 9, 15),
                cascade: true,
            })?;
            let after = reg.decide(&anna, &enter, &sp7, day(2026, 9, 15));
            lines.push(format!(
                "  {mode:?}: mbak revokes it (with cascade) from 2026-09-15:"
            ));
            lines.extend(describe(&after).into_iter().map(|l| format!("    {l}")));
            day(2026, 9, 16)
        } else {
            day(2026, 9, 1)
        };
        let req = RequestId::new("wniosek-anowak-2026")?;
        reg.apply(Event::RequestFiled {
            request: AccessRequest::new(
                req.clone(),
                anna.clone(),
                sp7.clone(),
                "anowak@poczta.example",
                regrant_on,
            ),
        })?;
        reg.apply(Event::AuthorizationGranted {
            authorization: Authorization::new(
                AuthorizationId::new("upow-anowak-2026")?,
                nowa.clone(),
                anna.clone(),
                sp7.clone(),
                vec![
                    Permission::parse("sio:access")?,
                    read.clone(),
                    enter.clone(),
                ],
                regrant_on,
                day(2027, 8, 31),
            )
            .with_document(DocumentRef::new("upoważnienie nr 1/2026")?)
            .with_request(req),
            on: regrant_on,
        })?;
        let regranted = reg.decide(&anna, &enter, &sp7, regrant_on);
        lines.push(format!(
            "  {mode:?}: mbak re-grants in writing on {regrant_on}:"
        ));
        lines.extend(describe(&regranted).into_iter().map(|l| format!("    {l}")));
        year_end.insert(
            format!("{mode:?}").to_lowercase(),
            json!({ "anowak_2026_09_01": sept1, "after_regrant": regranted }),
        );
    }
    data.insert("year_end".into(), Value::Object(year_end));

    // 4. A grant without the written document is refused (art. 68 ust. 3).
    let mut reg = reg;
    let piotr = Login::new("pzielinski")?;
    reg.apply(Event::RequestFiled {
        request: AccessRequest::new(
            RequestId::new("wniosek-pzielinski")?,
            piotr.clone(),
            sp7.clone(),
            "pzielinski@poczta.example",
            day(2026, 3, 3),
        ),
    })?;
    let attempt = reg.apply(Event::AuthorizationGranted {
        authorization: Authorization::new(
            AuthorizationId::new("upow-pzielinski")?,
            Login::new("jkowalski")?,
            piotr.clone(),
            sp7.clone(),
            vec![read.clone()],
            day(2026, 3, 3),
            day(2026, 8, 31),
        )
        .with_request(RequestId::new("wniosek-pzielinski")?),
        on: day(2026, 3, 3),
    });
    lines.push("Grant to pzielinski on 2026-03-03 without a written document:".into());
    match &attempt {
        Ok(()) => lines.push("    accepted (unexpected)".into()),
        Err(DelegationError::Rejected { violations }) => {
            for v in violations {
                lines.push(format!(
                    "    REJECTED [{}] {}",
                    v.code(),
                    v.message(Locale::En)
                ));
                lines.push(format!("    (pl) {}", v.message(Locale::Pl)));
                lines.push(format!("    basis: {}", v.rule().legal_basis()));
            }
            data.insert("rejected_grant".into(), json!(violations));
        }
        Err(other) => lines.push(format!("    error: {other}")),
    }
    let later = reg.decide(&piotr, &read, &sp7, day(2026, 3, 4));
    lines.push("May pzielinski read pupils' data on 2026-03-04?".into());
    lines.extend(describe(&later));

    // The 31 August reminder.
    let expiring = reg.expiring_before(day(2026, 6, 1), day(2026, 9, 1));
    let names: Vec<String> = expiring
        .iter()
        .map(|e| format!("{} ({}, last day {})", e.person, e.source, e.last_day))
        .collect();
    lines.push(format!(
        "Ending before 1 September 2026 (reminder on 1 June): {}",
        names.join("; ")
    ));
    data.insert("expiring".into(), json!(names));
    Ok(())
}

/// The section of the report about `edurules::delegation`.
pub(crate) fn section() -> Section {
    let mut lines = Vec::new();
    let mut data = serde_json::Map::new();
    if let Err(e) = run(&mut lines, &mut data) {
        lines.push(format!("error: {e}"));
        data.insert("error".into(), json!(e.to_string()));
    }
    Section {
        title: "delegation",
        lines,
        data: Value::Object(data),
    }
}
