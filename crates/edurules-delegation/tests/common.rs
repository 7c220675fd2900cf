//! Builders shared by the tests.

use chrono::NaiveDate;
use edurules_delegation::*;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
pub(crate) fn login(s: &str) -> Login {
    Login::new(s).unwrap()
}
pub(crate) fn ent(s: &str) -> EntityId {
    EntityId::new(s).unwrap()
}
pub(crate) fn perm(s: &str) -> Permission {
    Permission::parse(s).unwrap()
}

pub(crate) fn appoint(
    id: &str,
    person: &str,
    entity: &str,
    on: NaiveDate,
    until: NaiveDate,
) -> Event {
    Event::AppointmentRecorded {
        appointment: Appointment::new(
            AppointmentId::new(id).unwrap(),
            login(person),
            ent(entity),
            on,
            until,
        ),
        on,
    }
}

pub(crate) fn request(id: &str, who: &str, entity: &str, on: NaiveDate) -> Event {
    Event::RequestFiled {
        request: AccessRequest::new(
            RequestId::new(id).unwrap(),
            login(who),
            ent(entity),
            format!("{who}@example.com"),
            on,
        ),
    }
}

#[derive(Clone, Copy)]
pub(crate) struct Grant<'a> {
    pub(crate) id: &'a str,
    pub(crate) grantor: &'a str,
    pub(crate) grantee: &'a str,
    pub(crate) entity: &'a str,
    pub(crate) perms: &'a [&'a str],
    pub(crate) on: NaiveDate,
    pub(crate) until: NaiveDate,
    pub(crate) request: Option<&'a str>,
    pub(crate) document: bool,
}

impl Grant<'_> {
    pub(crate) fn event(&self) -> Event {
        self.event_on(self.on)
    }

    /// The grant recorded on `on`, valid from `self.on`.
    pub(crate) fn event_on(&self, on: NaiveDate) -> Event {
        let mut authorization = Authorization::new(
            AuthorizationId::new(self.id).unwrap(),
            login(self.grantor),
            login(self.grantee),
            ent(self.entity),
            self.perms.iter().map(|p| perm(p)).collect(),
            self.on,
            self.until,
        );
        if self.document {
            authorization = authorization
                .with_document(DocumentRef::new(format!("upoważnienie {}", self.id)).unwrap());
        }
        if let Some(r) = self.request {
            authorization = authorization.with_request(RequestId::new(r).unwrap());
        }
        Event::AuthorizationGranted { authorization, on }
    }
}

/// Request + written grant with the request, in one go.
pub(crate) fn grant(
    id: &str,
    grantor: &str,
    grantee: &str,
    entity: &str,
    perms: &[&str],
    on: NaiveDate,
    until: NaiveDate,
) -> [Event; 2] {
    let req = format!("req-{id}");
    [
        request(&req, grantee, entity, on),
        Grant {
            id,
            grantor,
            grantee,
            entity,
            perms,
            on,
            until,
            request: Some(&req),
            document: true,
        }
        .event(),
    ]
}

pub(crate) fn role(person: &str, entity: &str, role: &str, by: &str, on: NaiveDate) -> Event {
    Event::RoleAssigned {
        person: login(person),
        entity: ent(entity),
        role: RoleName::new(role).unwrap(),
        by: login(by),
        on,
    }
}

pub(crate) fn revoke(id: &str, by: &str, on: NaiveDate, cascade: bool) -> Event {
    Event::AuthorizationRevoked {
        id: AuthorizationId::new(id).unwrap(),
        by: login(by),
        on,
        cascade,
    }
}

pub(crate) fn apply_all(reg: &mut Registry, events: impl IntoIterator<Item = Event>) {
    for e in events {
        let shown = format!("{e:?}");
        if let Err(err) = reg.apply(e) {
            panic!("setup event refused: {shown}: {err}");
        }
    }
}

pub(crate) fn allowed(reg: &Registry, who: &str, p: &str, entity: &str, at: NaiveDate) -> bool {
    reg.decide(&login(who), &perm(p), &ent(entity), at)
        .is_allowed()
}

pub(crate) fn codes(err: DelegationError) -> Vec<String> {
    match err {
        DelegationError::Rejected { violations } => {
            let mut c: Vec<String> = violations.iter().map(|v| v.code().to_owned()).collect();
            c.sort();
            c
        }
        other => panic!("not a rejection: {other}"),
    }
}
