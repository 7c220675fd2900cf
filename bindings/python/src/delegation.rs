//! `edurules.delegation`: the delegation crate for Python. A registry
//! opened from a policy and an event log; events applied; decisions one
//! by one or many at once (without the GIL); who may, what may, what
//! expires; the log exported.

use std::sync::RwLock;

use chrono::NaiveDate;
use edurules::Locale;
use edurules::delegation::{
    DelegationError, EntityId, Event, Login, Permission, Policy, Registry as Inner, Violation,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::config::resolve;
use crate::convert::{self, MAX_ITEMS, MAX_TEXT_CHARS};
use crate::errors::{Kind, details, exception, from_error};

/// One rule an event breaks, as a dict: `code`, `message`, `rule`,
/// `legal_basis`.
fn violation<'py>(py: Python<'py>, v: &Violation, loc: Locale) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", v.code())?;
    d.set_item("message", v.message(loc))?;
    d.set_item("rule", v.rule().code())?;
    d.set_item("legal_basis", v.rule().legal_basis())?;
    Ok(d)
}

/// A delegation error as `DelegationError`; a refused event carries its
/// violations in `details["violations"]`.
fn error(py: Python<'_>, e: &DelegationError, loc: Locale) -> PyErr {
    let extra = match e {
        DelegationError::Rejected { violations } => (|| -> PyResult<_> {
            let list = PyList::empty(py);
            for v in violations {
                list.append(violation(py, v, loc)?)?;
            }
            Ok(vec![("violations", list.into_any())])
        })()
        .unwrap_or_default(),
        _ => Vec::new(),
    };
    exception(
        py,
        Kind::Delegation,
        e.code(),
        e.message(loc),
        details(py, &extra),
    )
}

/// The error of a lock poisoned by a panic elsewhere (never expected: no
/// code holding the lock panics).
fn poisoned() -> PyErr {
    pyo3::exceptions::PyRuntimeError::new_err("the registry's lock is poisoned")
}

/// A person, a permission and an entity, checked.
fn ids(
    py: Python<'_>,
    person: &Bound<'_, PyAny>,
    permission: &Bound<'_, PyAny>,
    entity: &Bound<'_, PyAny>,
    loc: Locale,
) -> PyResult<(Login, Permission, EntityId)> {
    Ok((
        login(py, person, loc)?,
        permission_of(py, permission, loc)?,
        entity_of(py, entity, loc)?,
    ))
}

fn login(py: Python<'_>, v: &Bound<'_, PyAny>, loc: Locale) -> PyResult<Login> {
    Login::new(convert::text(py, v, "person", MAX_TEXT_CHARS, loc)?).map_err(|e| error(py, &e, loc))
}

fn permission_of(py: Python<'_>, v: &Bound<'_, PyAny>, loc: Locale) -> PyResult<Permission> {
    Permission::parse(&convert::text(py, v, "permission", MAX_TEXT_CHARS, loc)?)
        .map_err(|e| error(py, &e, loc))
}

fn entity_of(py: Python<'_>, v: &Bound<'_, PyAny>, loc: Locale) -> PyResult<EntityId> {
    EntityId::new(convert::text(py, v, "entity", MAX_TEXT_CHARS, loc)?)
        .map_err(|e| error(py, &e, loc))
}

/// A delegation registry: a policy and the events accepted so far.
/// Shareable between threads; reads run in parallel, `apply` alone.
#[pyclass(frozen, module = "edurules._edurules.delegation", name = "Registry")]
#[derive(Debug)]
struct Registry {
    inner: RwLock<Inner>,
    /// The refused events of the log it was opened from: `(index, violations)`.
    refused: Vec<(usize, Vec<Violation>)>,
}

#[pymethods]
impl Registry {
    /// Opens a registry from a policy (JSON text of the crate's serde form;
    /// the config's `delegation` section when `None`) and an event log
    /// (JSON text of a list of events), replayed in order; a refused event
    /// is skipped and listed in `refused`.
    #[staticmethod]
    #[pyo3(signature = (events_json = None, *, policy_json = None, config = None, locale = None))]
    fn open(
        py: Python<'_>,
        events_json: Option<&Bound<'_, PyAny>>,
        policy_json: Option<&Bound<'_, PyAny>>,
        config: Option<&Bound<'_, PyAny>>,
        locale: Option<&str>,
    ) -> PyResult<Self> {
        let loc = crate::errors::locale(py, locale)?;
        let policy: Policy = match policy_json {
            Some(p) => convert::from_json(py, p, "policy", loc)?,
            None => {
                let rules = resolve(py, config, loc)?;
                rules
                    .delegation()
                    .cloned()
                    .map_err(|e| from_error(py, &e, loc))?
            }
        };
        let events: Vec<Event> = match events_json {
            Some(e) => convert::from_json(py, e, "events", loc)?,
            None => Vec::new(),
        };
        if events.len() > MAX_ITEMS {
            return Err(convert::too_many(
                py,
                "events",
                events.len(),
                MAX_ITEMS,
                loc,
            ));
        }
        let mut inner = Inner::new(policy).map_err(|e| error(py, &e, loc))?;
        let outcome = py.detach(|| {
            let mut refused = Vec::new();
            for (index, event) in events.into_iter().enumerate() {
                match inner.apply(event) {
                    Ok(()) => {}
                    Err(DelegationError::Rejected { violations }) => {
                        refused.push((index, violations));
                    }
                    Err(e) => return Err(e),
                }
            }
            Ok(refused)
        });
        let refused = outcome.map_err(|e| error(py, &e, loc))?;
        Ok(Self {
            inner: RwLock::new(inner),
            refused,
        })
    }

    /// The refused events of the opening log: `[(index, [violation…])]`,
    /// each violation a dict with `code`, `message` (in `locale`), `rule`,
    /// `legal_basis`.
    #[pyo3(signature = (*, locale = None))]
    fn refused<'py>(&self, py: Python<'py>, locale: Option<&str>) -> PyResult<Bound<'py, PyList>> {
        let loc = crate::errors::locale(py, locale)?;
        let out = PyList::empty(py);
        for (index, violations) in &self.refused {
            let list = PyList::empty(py);
            for v in violations {
                list.append(violation(py, v, loc)?)?;
            }
            out.append((index, list))?;
        }
        Ok(out)
    }

    /// Applies one event (JSON text); returns the log's length after it.
    #[pyo3(signature = (event_json, *, locale = None))]
    fn apply(
        &self,
        py: Python<'_>,
        event_json: &Bound<'_, PyAny>,
        locale: Option<&str>,
    ) -> PyResult<usize> {
        let loc = crate::errors::locale(py, locale)?;
        let event: Event = convert::from_json(py, event_json, "event", loc)?;
        let result = py.detach(|| {
            let mut inner = self.inner.write().map_err(|_| None)?;
            inner.apply(event).map_err(Some)?;
            Ok(inner.log().len())
        });
        result.map_err(|e: Option<DelegationError>| match e {
            Some(e) => error(py, &e, loc),
            None => poisoned(),
        })
    }

    /// `(allowed, explanation, decision)`: may `person` do `permission` in
    /// `entity` on `at`? The explanation is one line per step in `locale`
    /// (empty with `explain=False`); the decision is the serde form.
    #[pyo3(signature = (person, permission, entity, at, *, explain = true, locale = None))]
    #[expect(clippy::too_many_arguments, reason = "the Python keyword arguments")]
    fn decide<'py>(
        &self,
        py: Python<'py>,
        person: &Bound<'py, PyAny>,
        permission: &Bound<'py, PyAny>,
        entity: &Bound<'py, PyAny>,
        at: &Bound<'py, PyAny>,
        explain: bool,
        locale: Option<&str>,
    ) -> PyResult<(bool, Vec<String>, Bound<'py, PyAny>)> {
        let loc = crate::errors::locale(py, locale)?;
        let (person, permission, entity) = ids(py, person, permission, entity, loc)?;
        let at = convert::date(at, "at")?;
        let decision = {
            let inner = self.inner.read().map_err(|_| poisoned())?;
            inner.decide(&person, &permission, &entity, at)
        };
        let explanation = if explain {
            decision.explain(loc)
        } else {
            Vec::new()
        };
        Ok((
            decision.is_allowed(),
            explanation,
            convert::to_py(py, &decision)?,
        ))
    }

    /// One `allowed` per query `(person, permission, entity, at)`, in
    /// order; the GIL is released while deciding.
    #[pyo3(signature = (queries, *, locale = None))]
    fn decide_many(
        &self,
        py: Python<'_>,
        queries: &Bound<'_, PyAny>,
        locale: Option<&str>,
    ) -> PyResult<Vec<bool>> {
        let loc = crate::errors::locale(py, locale)?;
        let len = queries.len()?;
        if len > MAX_ITEMS {
            return Err(convert::too_many(py, "queries", len, MAX_ITEMS, loc));
        }
        let mut parsed: Vec<(Login, Permission, EntityId, NaiveDate)> = Vec::with_capacity(len);
        for item in queries.try_iter()? {
            let item = item?;
            let tuple = item.cast::<PyTuple>().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(
                    "each query must be a tuple (person, permission, entity, at)",
                )
            })?;
            if tuple.len() != 4 {
                return Err(pyo3::exceptions::PyTypeError::new_err(
                    "each query must be a tuple (person, permission, entity, at)",
                ));
            }
            let (person, permission, entity) = ids(
                py,
                &tuple.get_item(0)?,
                &tuple.get_item(1)?,
                &tuple.get_item(2)?,
                loc,
            )?;
            let at = convert::date(&tuple.get_item(3)?, "at")?;
            parsed.push((person, permission, entity, at));
        }
        py.detach(|| {
            let inner = self.inner.read().map_err(|_| ())?;
            Ok(parsed
                .iter()
                .map(|(p, perm, e, at)| inner.decide(p, perm, e, *at).is_allowed())
                .collect())
        })
        .map_err(|()| poisoned())
    }

    /// Everyone who may do `permission` in `entity` on `at`, sorted by
    /// login: `[(person, chain)]`, the chain in its serde form.
    #[pyo3(signature = (permission, entity, at, *, locale = None))]
    fn who_may<'py>(
        &self,
        py: Python<'py>,
        permission: &Bound<'py, PyAny>,
        entity: &Bound<'py, PyAny>,
        at: &Bound<'py, PyAny>,
        locale: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let loc = crate::errors::locale(py, locale)?;
        let permission = permission_of(py, permission, loc)?;
        let entity = entity_of(py, entity, loc)?;
        let at = convert::date(at, "at")?;
        let people = {
            let inner = self.inner.read().map_err(|_| poisoned())?;
            inner.who_may(&permission, &entity, at)
        };
        let out = PyList::empty(py);
        for (person, chain) in &people {
            out.append((person.as_str(), convert::to_py(py, chain)?))?;
        }
        Ok(out)
    }

    /// Every access `person` holds on `at`: `[(entity, permission, chain)]`.
    #[pyo3(signature = (person, at, *, locale = None))]
    fn what_may<'py>(
        &self,
        py: Python<'py>,
        person: &Bound<'py, PyAny>,
        at: &Bound<'py, PyAny>,
        locale: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let loc = crate::errors::locale(py, locale)?;
        let person = login(py, person, loc)?;
        let at = convert::date(at, "at")?;
        let accesses = {
            let inner = self.inner.read().map_err(|_| poisoned())?;
            inner.what_may(&person, at)
        };
        let out = PyList::empty(py);
        for (entity, permission, chain) in &accesses {
            out.append((
                entity.as_str(),
                permission.as_str(),
                convert::to_py(py, chain)?,
            ))?;
        }
        Ok(out)
    }

    /// Every access in force on `at` whose last day is before `before`:
    /// `[(source, person, entity, last_day)]`, the source in its serde form.
    fn expiring_before<'py>(
        &self,
        py: Python<'py>,
        at: &Bound<'py, PyAny>,
        before: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let at = convert::date(at, "at")?;
        let before = convert::date(before, "before")?;
        let list = {
            let inner = self.inner.read().map_err(|_| poisoned())?;
            inner.expiring_before(at, before)
        };
        let out = PyList::empty(py);
        for e in &list {
            out.append((
                convert::to_py(py, &e.source)?,
                e.person.as_str(),
                e.entity.as_str(),
                e.last_day,
            ))?;
        }
        Ok(out)
    }

    /// The accepted events as JSON text: replaying them rebuilds the registry.
    fn export_json(&self) -> PyResult<String> {
        let inner = self.inner.read().map_err(|_| poisoned())?;
        serde_json::to_string(inner.log())
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// The number of events accepted.
    fn __len__(&self) -> PyResult<usize> {
        let inner = self.inner.read().map_err(|_| poisoned())?;
        Ok(inner.log().len())
    }
}

/// Fills the submodule `edurules.delegation`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Registry>()
}
