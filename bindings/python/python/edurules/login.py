"""``edurules.login``: SIO logins, PESEL and EGN.

Normalize and classify a login, generate a new one against the logins
already taken, plan the consolidation of one person's legacy logins, and
parse a Polish PESEL or a Bulgarian EGN into a small frozen class.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Literal, Mapping, Optional, Sequence, Union

from . import _json
from ._edurules import Config
from ._edurules import login as _native

ConfigLike = Union[Config, str, None]

# The same type as Literal["female", "male"], spelt as the union the stub checker compares.
Sex = Union[Literal["female"], Literal["male"]]
"""The sex a PESEL or an EGN codes, as :attr:`Pesel.sex` and :attr:`Egn.sex` give it."""


@dataclass(frozen=True)
class Pesel:
    """A valid PESEL: the number, the birth date and the sex it codes."""

    number: str
    birth_date: _dt.date
    sex: Sex

    @classmethod
    def parse(cls, number: str, *, locale: Optional[str] = None) -> "Pesel":
        """The PESEL ``number``, or :class:`edurules.LoginError`."""
        n, born, sex = _native.pesel(number, locale=locale)
        return cls(n, born, sex)


@dataclass(frozen=True)
class Egn:
    """A valid EGN: the number, the birth date and the sex it codes."""

    number: str
    birth_date: _dt.date
    sex: Sex

    @classmethod
    def parse(cls, number: str, *, locale: Optional[str] = None) -> "Egn":
        """The EGN ``number``, or :class:`edurules.LoginError`."""
        n, born, sex = _native.egn(number, locale=locale)
        return cls(n, born, sex)


@dataclass(frozen=True)
class Classification:
    """What a login is: ``canonical``, ``legacy_mixed_case`` or ``invalid``
    (then with the error's ``code`` and ``message``)."""

    kind: str
    code: Optional[str] = None
    message: Optional[str] = None


@dataclass(frozen=True)
class ConsolidationPlan:
    """The plan for one person's legacy accounts (``plan``, the crate's
    serde form: ``case``, ``entities``, ``retire``, ``conflicts``…) and the
    ``message`` the person is told."""

    plan: Dict[str, Any]
    message: str


def pesel(number: str, *, locale: Optional[str] = None) -> Pesel:
    """The PESEL ``number`` parsed and validated."""
    return Pesel.parse(number, locale=locale)


def egn(number: str, *, locale: Optional[str] = None) -> Egn:
    """The EGN ``number`` parsed and validated."""
    return Egn.parse(number, locale=locale)


def normalize(login: str, *, config: ConfigLike = None, locale: Optional[str] = None) -> str:
    """The login in its canonical form, or :class:`edurules.LoginError`."""
    return _native.normalize(login, config=config, locale=locale)


def classify(
    login: str, *, config: ConfigLike = None, locale: Optional[str] = None
) -> Classification:
    """Whether ``login`` is canonical, a legacy login, or invalid (and why)."""
    kind, code, message = _native.classify(login, config=config, locale=locale)
    return Classification(kind, code, message)


def generate(
    given: str,
    surname: str,
    taken: Iterable[str] = (),
    *,
    config: ConfigLike = None,
    locale: Optional[str] = None,
) -> str:
    """The first free login of the configured pattern for a new person;
    ``taken`` are the logins already in use (compared by look-alike
    skeleton)."""
    if isinstance(taken, str):
        raise TypeError("`taken` must be an iterable of logins, not a str")
    if not isinstance(taken, (list, tuple, set, frozenset)):
        taken = list(taken)
    return _native.generate(given, surname, taken, config=config, locale=locale)


def plan_consolidation(
    accounts: Union[str, Sequence[Mapping[str, Any]]],
    *,
    config: ConfigLike = None,
    locale: Optional[str] = None,
) -> ConsolidationPlan:
    """The consolidation plan of one person's accounts, each
    ``{"login": str, "active": bool, "entities": [str, ...]}`` (or their
    JSON text)."""
    plan, message = _native.plan_consolidation(
        _json.text(accounts), config=config, locale=locale
    )
    return ConsolidationPlan(plan, message)


__all__ = [
    "Classification",
    "ConsolidationPlan",
    "Egn",
    "Pesel",
    "Sex",
    "classify",
    "egn",
    "generate",
    "normalize",
    "pesel",
    "plan_consolidation",
]
