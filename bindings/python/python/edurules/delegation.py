"""``edurules.delegation``: who may do what in which school, and why.

A :class:`Registry` is opened from a policy and an event log (the crate's
serde form: a JSON text or a list of dicts such as
``{"type": "appointment_recorded", "on": "2025-09-01", "appointment": {...}}``;
``datetime.date`` values in dicts are accepted). Decisions are deny by
default and explained in the chosen language. A registry is safe to share
between threads; ``decide_many`` runs without the GIL.
"""

from __future__ import annotations

import datetime as _dt
import json as _json_mod
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _json
from ._edurules import Config
from ._edurules import delegation as _native

ConfigLike = Union[Config, str, None]
JsonLike = Union[str, Mapping[str, Any]]
Query = Tuple[str, str, str, _dt.date]


@dataclass(frozen=True)
class RuleViolation:
    """One rule an event breaks: ``code``, ``message`` in the chosen
    language, the ``rule`` and its ``legal_basis``."""

    code: str
    message: str
    rule: str
    legal_basis: str


@dataclass(frozen=True)
class RefusedEvent:
    """An event of the opening log that was refused and skipped."""

    index: int
    violations: Tuple[RuleViolation, ...]


@dataclass(frozen=True)
class Decision:
    """May a person do something? ``allowed``, the ``explanation`` one line
    per step, and the decision in its serde form (the chain when allowed,
    the reasons when denied). Truthy when allowed."""

    allowed: bool
    explanation: Tuple[str, ...]
    decision: Mapping[str, Any]

    def __bool__(self) -> bool:
        return self.allowed


@dataclass(frozen=True)
class Allowed:
    """A person allowed, with the chain of appointments and authorizations."""

    person: str
    chain: Mapping[str, Any]


@dataclass(frozen=True)
class Access:
    """One access a person holds."""

    entity: str
    permission: str
    chain: Mapping[str, Any]


@dataclass(frozen=True)
class Expiring:
    """An access about to end: its ``source``, whose, where, its last day."""

    source: Mapping[str, Any]
    person: str
    entity: str
    last_day: _dt.date


def _violations(vs: Iterable[Dict[str, str]]) -> Tuple[RuleViolation, ...]:
    return tuple(RuleViolation(v["code"], v["message"], v["rule"], v["legal_basis"]) for v in vs)


class Registry:
    """A delegation registry: a policy and the events accepted so far."""

    __slots__ = ("_inner", "_refused")

    def __init__(self, inner: Any, refused: Tuple[RefusedEvent, ...]) -> None:
        self._inner = inner
        self._refused = refused

    @classmethod
    def open(
        cls,
        events: Union[str, Sequence[Mapping[str, Any]], None] = None,
        *,
        policy: Optional[JsonLike] = None,
        config: ConfigLike = None,
        locale: Optional[str] = None,
    ) -> "Registry":
        """Replays ``events`` in order under ``policy`` (the crate's serde
        form; the config's ``delegation`` section when ``None``). A refused
        event is skipped and listed in :attr:`refused`, its messages in
        ``locale``."""
        inner = _native.Registry.open(
            None if events is None else _json.text(events),
            policy_json=None if policy is None else _json.text(policy),
            config=config,
            locale=locale,
        )
        refused = tuple(
            RefusedEvent(i, _violations(vs)) for i, vs in inner.refused(locale=locale)
        )
        return cls(inner, refused)

    @property
    def refused(self) -> Tuple[RefusedEvent, ...]:
        """The events of the opening log that were refused, with why."""
        return self._refused

    def apply(self, event: JsonLike, *, locale: Optional[str] = None) -> int:
        """Applies one event; returns the number of events accepted so far.
        A refused event raises :class:`edurules.DelegationError` with code
        ``delegation.rejected`` and ``details["violations"]``."""
        return self._inner.apply(_json.text(event), locale=locale)

    def decide(
        self,
        person: str,
        permission: str,
        entity: str,
        at: _dt.date,
        *,
        explain: bool = True,
        locale: Optional[str] = None,
    ) -> Decision:
        """May ``person`` do ``permission`` (``"pupils:read"``) in
        ``entity`` on ``at``?"""
        allowed, lines, decision = self._inner.decide(
            person, permission, entity, at, explain=explain, locale=locale
        )
        return Decision(allowed, tuple(lines), decision)

    def decide_many(
        self, queries: Sequence[Query], *, locale: Optional[str] = None
    ) -> List[bool]:
        """One ``allowed`` per ``(person, permission, entity, at)``, in order."""
        if isinstance(queries, str):
            raise TypeError("`queries` must be a sequence of (person, permission, entity, at)")
        if not isinstance(queries, (list, tuple)):
            queries = list(queries)
        return self._inner.decide_many(queries, locale=locale)

    def who_may(
        self, permission: str, entity: str, at: _dt.date, *, locale: Optional[str] = None
    ) -> List[Allowed]:
        """Everyone who may do ``permission`` in ``entity`` on ``at``."""
        return [Allowed(p, c) for p, c in self._inner.who_may(permission, entity, at, locale=locale)]

    def what_may(self, person: str, at: _dt.date, *, locale: Optional[str] = None) -> List[Access]:
        """Every access ``person`` holds on ``at``."""
        return [Access(e, p, c) for e, p, c in self._inner.what_may(person, at, locale=locale)]

    def expiring_before(self, at: _dt.date, before: _dt.date) -> List[Expiring]:
        """Every access in force on ``at`` whose last day is before ``before``."""
        return [Expiring(*x) for x in self._inner.expiring_before(at, before)]

    def export(self) -> List[Dict[str, Any]]:
        """The accepted events (serde form): replaying them rebuilds the registry."""
        return _json_mod.loads(self._inner.export_json())

    def export_json(self) -> str:
        """The accepted events as JSON text."""
        return self._inner.export_json()

    def __len__(self) -> int:
        return len(self._inner)

    def __repr__(self) -> str:
        return f"Registry(events={len(self)}, refused={len(self._refused)})"


__all__ = [
    "Access",
    "Allowed",
    "Decision",
    "Expiring",
    "RefusedEvent",
    "Registry",
    "RuleViolation",
]
