//! `login.*`: normalize, classify, plan a consolidation, generate a login
//! against the logins already taken, PESEL and EGN.

use chrono::NaiveDate;
use edurules::login::{
    ConsolidationPlan, Egn, LegacyAccount, LoginGenerator, LoginKind, Pesel, Sex, classify_with,
    normalize_with, plan_consolidation_with, skeleton_directory,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Op, op};
use crate::engine::Engine;
use crate::error::FfiError;

/// The most logins taken, accounts of a consolidation, in one request.
pub(crate) const MAX_LOGINS: usize = 1_000_000;

pub(super) const OPS: &[Op] = &[
    op!("login.normalize@1", normalize, One, Normalized),
    op!("login.classify@1", classify, One, Classified),
    op!("login.plan_consolidation@1", plan, Plan, Planned),
    op!("login.generate@1", generate, Generate, Generated),
    op!("login.pesel@1", pesel, NationalId, PeselOut),
    op!("login.egn@1", egn, NationalId, EgnOut),
];

/// One login as typed.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct One {
    /// The login.
    login: String,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Normalized {
    /// The login in its canonical form.
    login: String,
}

fn normalize(engine: &Engine, req: One) -> Result<Normalized, FfiError> {
    let policy = &engine.config.login()?.policy;
    let login = normalize_with(&req.login, policy).map_err(|e| FfiError::Rules(e.into()))?;
    Ok(Normalized {
        login: login.as_str().to_owned(),
    })
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Classified {
    /// Canonical, legacy (valid before consolidation) or unrecognized, with why.
    kind: LoginKind,
}

fn classify(engine: &Engine, req: One) -> Result<Classified, FfiError> {
    let policy = &engine.config.login()?.policy;
    Ok(Classified {
        kind: classify_with(&req.login, policy),
    })
}

/// A person's accounts before consolidation.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Plan {
    /// The accounts: login, active, entities.
    accounts: Vec<LegacyAccount>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Planned {
    /// The plan.
    plan: ConsolidationPlan,
    /// What the person is told, in the engine's locale.
    message: String,
}

fn plan(engine: &Engine, req: Plan) -> Result<Planned, FfiError> {
    if req.accounts.len() > MAX_LOGINS {
        return Err(FfiError::TooMany {
            what: "accounts",
            actual: req.accounts.len(),
            max: MAX_LOGINS,
        });
    }
    let policy = &engine.config.login()?.policy;
    let plan = plan_consolidation_with(&req.accounts, policy);
    Ok(Planned {
        message: plan.case.message(engine.locale),
        plan,
    })
}

/// A new person's names and the logins already taken.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Generate {
    /// Given name.
    given: String,
    /// Surname.
    surname: String,
    /// Logins already taken (compared by their look-alike skeleton).
    #[serde(default)]
    taken: Vec<String>,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct Generated {
    /// The first free login of the configured pattern.
    login: String,
}

fn generate(engine: &Engine, req: Generate) -> Result<Generated, FfiError> {
    if req.taken.len() > MAX_LOGINS {
        return Err(FfiError::TooMany {
            what: "logins",
            actual: req.taken.len(),
            max: MAX_LOGINS,
        });
    }
    let generator = LoginGenerator::new(engine.config.login()?.clone())
        .map_err(|e| FfiError::Rules(e.into()))?;
    let directory = skeleton_directory(req.taken.iter().map(String::as_str));
    let login = generator
        .generate(&req.given, &req.surname, &directory)
        .map_err(|e| FfiError::Rules(e.into()))?;
    Ok(Generated {
        login: login.as_str().to_owned(),
    })
}

/// A national identification number as typed.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NationalId {
    /// The number (11 digits for a PESEL, 10 for an EGN).
    number: String,
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct PeselOut {
    /// The number, valid.
    pesel: Pesel,
    /// The birth date it codes.
    birth_date: NaiveDate,
    /// The sex it codes.
    sex: Sex,
}

fn pesel(_: &Engine, req: NationalId) -> Result<PeselOut, FfiError> {
    let pesel: Pesel = req
        .number
        .parse()
        .map_err(|e: edurules::login::LoginError| FfiError::Rules(e.into()))?;
    Ok(PeselOut {
        birth_date: pesel.birth_date(),
        sex: pesel.sex(),
        pesel,
    })
}

#[derive(Serialize, JsonSchema)]
pub(crate) struct EgnOut {
    /// The number, valid.
    egn: Egn,
    /// The birth date it codes.
    birth_date: NaiveDate,
    /// The sex it codes.
    sex: Sex,
}

fn egn(_: &Engine, req: NationalId) -> Result<EgnOut, FfiError> {
    let egn: Egn = req
        .number
        .parse()
        .map_err(|e: edurules::login::LoginError| FfiError::Rules(e.into()))?;
    Ok(EgnOut {
        birth_date: egn.birth_date(),
        sex: egn.sex(),
        egn,
    })
}
